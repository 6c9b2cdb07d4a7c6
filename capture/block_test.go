package capture

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// twoPackets is a 240-byte TPACKET_V3 block holding two packets, laid out as
// Linux 6.x on x86-64 lays them out (little-endian): an Ethernet header
// received on ifindex 3, and an 8-byte start of a sent frame whose 802.1ad tag
// (TPID 0x88a8, TCI 100) the kernel took off.
const twoPackets = "" +
	"01 00 00 00 00 00 00 00 01 00 00 00 02 00 00 00" + // 0: version, priv, status USER, 2 packets
	"30 00 00 00 e8 00 00 00 07 00 00 00 00 00 00 00" + // 16: first at 48, blk_len 232, seq 7
	"00 f1 53 65 00 00 00 00 01 f1 53 65 00 00 00 00" + // 32: first and last timestamps
	"60 00 00 00 00 f1 53 65 15 cd 5b 07 10 00 00 00" + // 48: next +96, sec, nsec 123456789, snaplen 16
	"3c 00 00 00 01 00 00 00 50 00 5e 00 00 00 00 00" + // 64: len 60, status, mac 80, net 94, rxhash
	"00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00" + // 80: vlan tci, tpid, padding
	"11 00 08 00 03 00 00 00 01 00 00 06 02 00 00 00" + // 96: sockaddr_ll: AF_PACKET, 0x0800, if 3, ether, host, 6
	"00 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00" + // 112: address 02:00:00:00:00:01
	"ff ff ff ff ff ff 02 00 00 00 00 01 08 00 45 00" + // 128: packet 1's 16 bytes
	"00 00 00 00 01 f1 53 65 05 00 00 00 08 00 00 00" + // 144: last packet, sec, nsec 5, snaplen 8
	"ea 05 00 00 51 00 00 00 50 00 50 00 00 00 00 00" + // 160: len 1514, USER|VLAN_VALID|TPID_VALID, mac 80
	"64 00 00 00 a8 88 00 00 00 00 00 00 00 00 00 00" + // 176: tci 100, tpid 0x88a8
	"11 00 08 00 03 00 00 00 01 00 04 06 02 00 00 00" + // 192: sockaddr_ll: outgoing
	"00 02 00 00 00 00 00 00 00 00 00 00 00 00 00 00" + // 208: address 02:00:00:00:00:02
	"02 00 00 00 00 02 02 00 00 00 00 00 00 00 00 00" //  224: packet 2's 8 bytes, then unused

var frameCmp = cmp.AllowUnexported(frame{})

func collect(block []byte) ([]frame, bool) {
	var out []frame
	ok := walkBlock(block, func(f *frame) {
		c := *f
		c.data = append([]byte(nil), f.data...)
		out = append(out, c)
	})
	return out, ok
}

func TestWalkBlock(t *testing.T) {
	littleEndianHost(t)
	block := unhex(t, twoPackets)
	want := []frame{{
		data:   unhex(t, "ff ff ff ff ff ff 02 00 00 00 00 01 08 00 45 00"),
		length: 60, sec: 1700000000, nsec: 123456789, status: 1,
		protocol: 0x0800, ifindex: 3, hatype: 1, pkttype: 0, halen: 6,
		addr: [8]byte{2, 0, 0, 0, 0, 1},
	}, {
		data:   unhex(t, "02 00 00 00 00 02 02 00"),
		length: 1514, sec: 1700000001, nsec: 5, status: 0x51, vlanTCI: 100, vlanTPID: 0x88a8,
		protocol: 0x0800, ifindex: 3, hatype: 1, pkttype: 4, halen: 6,
		addr: [8]byte{2, 0, 0, 0, 0, 2},
	}}
	got, ok := collect(block)
	if !ok {
		t.Error("walkBlock reported a sound block as corrupt")
	}
	if diff := cmp.Diff(want, got, frameCmp); diff != "" {
		t.Errorf("frames (-want +got):\n%s", diff)
	}
}

// TestWalkBlockCorrupt damages the block in the ways a hostile or buggy
// kernel could, and checks that the walk stops at the damage without
// panicking and says so.
func TestWalkBlockCorrupt(t *testing.T) {
	littleEndianHost(t)
	tests := []struct {
		name   string
		damage func(b []byte) []byte
		frames int
		ok     bool
	}{
		{"sound", func(b []byte) []byte { return b }, 2, true},
		{"empty block", func(b []byte) []byte { ne.PutUint32(b[12:], 0); return b }, 0, true},
		{"shorter than its header", func(b []byte) []byte { return b[:40] }, 0, false},
		{"first packet beyond the block", func(b []byte) []byte { ne.PutUint32(b[16:], 4000); return b }, 0, false},
		{"first packet inside the header", func(b []byte) []byte { ne.PutUint32(b[16:], 8); return b }, 0, false},
		{"more packets than there are", func(b []byte) []byte { ne.PutUint32(b[12:], 1<<31); return b }, 2, false},
		{"next offset zero", func(b []byte) []byte { ne.PutUint32(b[48:], 0); return b }, 1, false},
		{"next offset beyond the block", func(b []byte) []byte { ne.PutUint32(b[48:], 1<<31); return b }, 1, false},
		{"snaplen beyond the block", func(b []byte) []byte { ne.PutUint32(b[156:], 1<<31); return b }, 1, false},
		{"snaplen past blk_len", func(b []byte) []byte { ne.PutUint32(b[156:], 20); return b }, 1, false},
		{"mac inside the header", func(b []byte) []byte { ne.PutUint16(b[72:], 4); return b }, 0, false},
		{"mac beyond the block", func(b []byte) []byte { ne.PutUint16(b[72:], 0xffff); return b }, 0, false},
		{"blk_len beyond the block is ignored", func(b []byte) []byte { ne.PutUint32(b[20:], 1<<20); return b }, 2, true},
		{"truncated second header", func(b []byte) []byte { ne.PutUint32(b[20:], 150); return b[:150] }, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := collect(tt.damage(unhex(t, twoPackets)))
			if len(got) != tt.frames || ok != tt.ok {
				t.Errorf("walk = %d frames, sound %v; want %d frames, sound %v", len(got), ok, tt.frames, tt.ok)
			}
		})
	}
}

func TestWalkBlockBuilt(t *testing.T) {
	frames := []testFrame{
		{data: []byte("first"), sec: 1, nsec: 2, ifindex: 7, pkttype: 4, protocol: 0x86dd},
		{data: make([]byte, 1500), length: 9000, sec: 3},
		{data: nil, sec: 4},
	}
	got, ok := collect(buildBlock(4096, frames))
	if !ok || len(got) != 3 {
		t.Fatalf("walk = %d frames, sound %v; want 3, true", len(got), ok)
	}
	if string(got[0].data) != "first" || got[0].ifindex != 7 || got[0].pkttype != 4 || got[0].protocol != 0x86dd {
		t.Errorf("first frame = %+v", got[0])
	}
	if len(got[1].data) != 1500 || got[1].length != 9000 || len(got[2].data) != 0 || got[2].sec != 4 {
		t.Errorf("frames 2 and 3 = %d/%d bytes, %d bytes at %d", len(got[1].data), got[1].length, len(got[2].data), got[2].sec)
	}
}

// TestWalkBlockAllocs checks that walking a block does not allocate.
func TestWalkBlockAllocs(t *testing.T) {
	block := buildBlock(1<<16, []testFrame{{data: make([]byte, 100)}, {data: make([]byte, 1500)}, {data: make([]byte, 60)}})
	var f frame
	n := 0
	allocs := testing.AllocsPerRun(100, func() {
		it := newBlockIter(block)
		for it.next(&f) {
			n++
		}
	})
	if allocs != 0 {
		t.Errorf("walking a block: %v allocations, want 0", allocs)
	}
	if n == 0 {
		t.Error("walked no frames")
	}
}

func BenchmarkWalkBlock(b *testing.B) {
	var frames []testFrame
	for range 600 {
		frames = append(frames, testFrame{data: make([]byte, 1500)})
	}
	block := buildBlock(1<<20, frames)
	b.ReportAllocs()
	b.SetBytes(int64(len(block)))
	var f frame
	for b.Loop() {
		it := newBlockIter(block)
		for it.next(&f) {
		}
	}
}
