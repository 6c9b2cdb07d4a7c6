package capture

import (
	"strings"
	"testing"

	"golang.org/x/net/bpf"

	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// memHandle returns a Handle over an in-memory ring of two copies of block,
// without a socket: it measures and checks ReadPacket's own work. The caller
// hands the blocks back (markUser) as the kernel would.
func memHandle(block []byte, lt linktype.Type, cooked bool) *Handle {
	mem := append(append([]byte(nil), block...), block...)
	h := &Handle{
		name: "mem", lt: lt, cooked: cooked, snap: DefaultSnapLen,
		rings: []*ring{{fd: -1, mem: mem, blockSize: len(block), numBlocks: 2}},
		done:  make(chan struct{}), failed: make(chan struct{}),
	}
	h.buf = make([]byte, 0, h.snap+sll2HeaderLen+vlanTagLen)
	return h
}

func (h *Handle) markUser() {
	r := h.rings[0]
	ne.PutUint32(r.mem[blockStatusOff:], statusUser)
	ne.PutUint32(r.mem[r.blockSize+blockStatusOff:], statusUser)
}

func benchBlock(size int, vlan bool) []byte {
	var frames []testFrame
	for range 100 {
		f := testFrame{data: make([]byte, size), protocol: 0x0800, ifindex: 2, hatype: 1, hlen: 6}
		if vlan {
			f.status, f.vlanTCI = statusVlanValid, 100
		}
		frames = append(frames, f)
	}
	return buildBlock(1<<18, frames)
}

func BenchmarkReadPacket(b *testing.B) {
	for _, bc := range []struct {
		name   string
		size   int
		vlan   bool
		lt     linktype.Type
		cooked bool
	}{
		{"ethernet-64", 64, false, linktype.Ethernet, false},
		{"ethernet-1500", 1500, false, linktype.Ethernet, false},
		{"vlan-1500", 1500, true, linktype.Ethernet, false},
		{"sll2-1500", 1500, false, linktype.LinuxSLL2, true},
	} {
		b.Run(bc.name, func(b *testing.B) {
			h := memHandle(benchBlock(bc.size, bc.vlan), bc.lt, bc.cooked)
			var p pcapio.Packet
			b.ReportAllocs()
			b.SetBytes(int64(bc.size))
			for b.Loop() {
				h.markUser()
				if err := h.ReadPacket(&p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestReadPacketMem reads two blocks of an in-memory ring through ReadPacket
// and checks the rebuilt VLAN and SLL2 frames and the lack of allocations.
func TestReadPacketMem(t *testing.T) {
	for _, tc := range []struct {
		name    string
		vlan    bool
		lt      linktype.Type
		cooked  bool
		wantLen int
	}{
		{"ethernet", false, linktype.Ethernet, false, 100},
		{"vlan", true, linktype.Ethernet, false, 104},
		{"sll2", false, linktype.LinuxSLL2, true, 120},
		{"sll2 with a user-space filter", false, linktype.LinuxSLL2, true, 120},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := memHandle(benchBlock(100, tc.vlan), tc.lt, tc.cooked)
			if strings.Contains(tc.name, "user-space") {
				var err error
				// ld #pktlen; ret a
				if h.uvm, err = userFilter([]bpf.RawInstruction{{Op: 0x80}, {Op: 0x16}}); err != nil {
					t.Fatal(err)
				}
			}
			h.markUser()
			var p pcapio.Packet
			for i := range 200 {
				if err := h.ReadPacket(&p); err != nil {
					t.Fatalf("packet %d: %v", i, err)
				}
				if len(p.Data) != tc.wantLen || p.Length != tc.wantLen || p.LinkType != tc.lt || !p.HasTime {
					t.Fatalf("packet %d: %d bytes, length %d, %v", i, len(p.Data), p.Length, p.LinkType)
				}
			}
			if tc.vlan && (p.Data[12] != 0x81 || p.Data[15] != 100) {
				t.Errorf("VLAN frame % x", p.Data[:16])
			}
			if allocs := testing.AllocsPerRun(300, func() {
				h.markUser()
				h.ReadPacket(&p)
			}); allocs != 0 {
				t.Errorf("ReadPacket: %v allocations per packet, want 0", allocs)
			}
		})
	}
}
