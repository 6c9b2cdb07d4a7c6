package capture

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

func TestAppendSLL2(t *testing.T) {
	f := frame{protocol: 0x0800, ifindex: 3, hatype: 1, pkttype: 4, halen: 6, addr: [8]byte{2, 0, 0, 0, 0, 1, 0xee, 0xee}}
	got := appendSLL2(nil, &f, []byte{0x45, 0x00})
	// LINKTYPE_LINUX_SLL2 (tcpdump.org): protocol, reserved, ifindex,
	// ARPHRD type, packet type, address length, address padded to 8.
	want := unhex(t, "08 00 00 00 00 00 00 03 00 01 04 06 02 00 00 00 00 01 00 00 45 00")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SLL2 frame (-want +got):\n%s", diff)
	}
	f.halen = 200 // a lie: only 8 address bytes exist
	if got := appendSLL2(nil, &f, nil); len(got) != sll2HeaderLen || got[11] != 200 {
		t.Errorf("SLL2 with halen 200 = % x", got)
	}
}

func TestVLAN(t *testing.T) {
	eth := unhex(t, "ff ff ff ff ff ff 02 00 00 00 00 01 08 00 45 00")
	tests := []struct {
		name string
		f    frame
		want string // the frame as written to a file, or "" when unchanged
	}{
		{"no tag", frame{status: statusUser}, ""},
		{"tci without VLAN_VALID", frame{status: statusUser, vlanTCI: 100}, ""},
		{"802.1Q, no TPID from the kernel", frame{status: statusVlanValid, vlanTCI: 100},
			"ff ff ff ff ff ff 02 00 00 00 00 01 81 00 00 64 08 00 45 00"},
		{"802.1ad TPID", frame{status: statusVlanValid | statusTPIDValid, vlanTCI: 0x2064, vlanTPID: 0x88a8},
			"ff ff ff ff ff ff 02 00 00 00 00 01 88 a8 20 64 08 00 45 00"},
		{"VLAN 0 with priority", frame{status: statusVlanValid, vlanTCI: 0xa000},
			"ff ff ff ff ff ff 02 00 00 00 00 01 81 00 a0 00 08 00 45 00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tpid, tci, ok := vlanTag(&tt.f)
			if !ok {
				if tt.want != "" {
					t.Fatalf("vlanTag found no tag, want %s", tt.want)
				}
				return
			}
			got := appendWithVLAN(nil, eth, tpid, tci)
			if diff := cmp.Diff(unhex(t, tt.want), got); diff != "" {
				t.Errorf("frame (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWanted(t *testing.T) {
	const host, bcast, out = 0, 1, packetOutgoing
	tests := []struct {
		d        Direction
		pkttype  uint8
		loopback bool
		want     bool
	}{
		{InOut, host, false, true}, {InOut, out, false, true}, {InOut, bcast, false, true},
		{In, host, false, true}, {In, out, false, false}, {In, bcast, false, true},
		{Out, host, false, false}, {Out, out, false, true},
		{InOut, out, true, false}, {Out, out, true, false}, {InOut, host, true, true},
	}
	for _, tt := range tests {
		if got := wanted(tt.d, tt.pkttype, tt.loopback); got != tt.want {
			t.Errorf("wanted(%v, pkttype %d, loopback %v) = %v, want %v", tt.d, tt.pkttype, tt.loopback, got, tt.want)
		}
	}
}

func TestLinkTypeFor(t *testing.T) {
	tests := []struct {
		hatype uint16
		want   linktype.Type
		cooked bool
	}{
		{arphrdEther, linktype.Ethernet, false},
		{arphrdLoopback, linktype.Ethernet, false},
		{arphrdNone, linktype.Raw, false}, // tun, WireGuard
		{arphrdRawIP, linktype.Raw, false},
		{arphrdSIT, linktype.Raw, false},
		{arphrdRadiotap, linktype.IEEE802_11RT, false}, // monitor mode, radiotap (mac80211)
		{arphrdIEEE80211, linktype.IEEE802_11, false},  // monitor mode without a radio header
		{arphrdPrism, 119, false},                      // monitor mode, Prism header
		{arphrdPPP, linktype.LinuxSLL2, true},
		{824 /* ARPHRD_NETLINK */, linktype.LinuxSLL2, true},
	}
	for _, tt := range tests {
		got, cooked := linkTypeFor(tt.hatype)
		if got != tt.want || cooked != tt.cooked {
			t.Errorf("linkTypeFor(%d) = %v, %v; want %v, %v", tt.hatype, got, cooked, tt.want, tt.cooked)
		}
	}
}

func TestGeometry(t *testing.T) {
	tests := []struct {
		name    string
		cfg     Config
		want    ringGeometry
		wantErr bool
	}{
		{"defaults", Config{}, ringGeometry{blockSize: 4 << 20, numBlocks: 8, frameSize: 262256, timeoutMS: 50, snapLen: 262144}, false},
		{"16 MiB ring, 2 MiB blocks", Config{RingSizeMiB: 16}, ringGeometry{blockSize: 2 << 20, numBlocks: 8, frameSize: 262256, timeoutMS: 50, snapLen: 262144}, false},
		{"large ring, 4 MiB blocks", Config{RingSizeMiB: 256}, ringGeometry{blockSize: 4 << 20, numBlocks: 64, frameSize: 262256, timeoutMS: 50, snapLen: 262144}, false},
		{"small snaplen, 4 MiB", Config{SnapLen: 96, RingSizeMiB: 4}, ringGeometry{blockSize: 1 << 20, numBlocks: 4, frameSize: 208, timeoutMS: 50, snapLen: 96}, false},
		{"huge snaplen grows the block", Config{SnapLen: 2 << 20, NumBlocks: 3}, ringGeometry{blockSize: 4 << 20, numBlocks: 3, frameSize: 2097264, timeoutMS: 50, snapLen: 2 << 20}, false},
		{"block smaller than a frame", Config{BlockSize: 65536, NumBlocks: 8, BlockTimeout: time.Second}, ringGeometry{blockSize: 65536, numBlocks: 8, frameSize: 65536, timeoutMS: 1000, snapLen: 262144}, false},
		{"block not a page multiple", Config{BlockSize: 1000}, ringGeometry{}, true},
		{"bad direction", Config{Direction: 7}, ringGeometry{}, true},
		{"bad fanout", Config{Fanout: -1}, ringGeometry{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.cfg.geometry(4096)
			if (err != nil) != tt.wantErr {
				t.Fatalf("geometry: error %v, want error %v", err, tt.wantErr)
			}
			if err == nil {
				if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(ringGeometry{})); diff != "" {
					t.Errorf("geometry (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestParseDirection(t *testing.T) {
	for _, d := range []Direction{InOut, In, Out} {
		got, err := ParseDirection(d.String())
		if err != nil || got != d {
			t.Errorf("ParseDirection(%q) = %v, %v", d.String(), got, err)
		}
	}
	if _, err := ParseDirection("sideways"); err == nil {
		t.Error("ParseDirection(\"sideways\") succeeded")
	}
}

func TestEPBFlags(t *testing.T) {
	for _, tc := range []struct {
		pkttype uint8
		want    uint32
	}{
		{packetHost, 0b00101}, {packetBroadcast, 0b01101}, {packetMulticast, 0b01001},
		{packetOtherHost, 0b10001}, {packetOutgoing, 0b00010}, {99, 0},
	} {
		var b [12]byte
		putFlagsOption(&b, epbFlags(tc.pkttype))
		got, ok := pcapio.MakeOptions(b[:], false).Flags()
		if !ok || got != tc.want {
			t.Errorf("pkttype %d: epb_flags %#b (present %v), want %#b", tc.pkttype, got, ok, tc.want)
		}
	}
}
