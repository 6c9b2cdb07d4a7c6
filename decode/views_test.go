package decode_test

import (
	"encoding/hex"
	"errors"
	"net/netip"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// unhex turns spaced hex ("45 00 00 1c") into bytes.
func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.Join(strings.Fields(s), ""))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Test vectors, from the sample capture's generator (cmd/rawcap) unless
// said otherwise.
const (
	// ARP request 10.200.0.1 → who has 10.200.0.2.
	vecARP = "ff ff ff ff ff ff 02 00 00 00 00 0a 08 06" +
		" 00 01 08 00 06 04 00 01 02 00 00 00 00 0a 0a c8 00 01 00 00 00 00 00 00 0a c8 00 02"
	// TCP SYN 10.200.0.1:40000 → 10.200.0.2:12345 with mss, sackOK, TS, nop, wscale.
	vecTCP = "02 00 00 00 00 0b 02 00 00 00 00 0a 08 00" +
		" 45 00 00 3c 00 01 40 00 40 06 25 29 0a c8 00 01 0a c8 00 02" +
		" 9c 40 30 39 00 00 03 e8 00 00 00 00 a0 02 fa f0 67 1a 00 00" +
		" 02 04 05 b4 04 02 08 0a 00 00 00 01 00 00 00 00 01 03 03 07"
	// 802.1Q tag 100 (priority 3) around IPv4/UDP 40001 → 5002 "vlan".
	vecVLAN = "02 00 00 00 00 0b 02 00 00 00 00 0a 81 00 60 64 08 00" +
		" 45 00 00 20 00 0b 40 00 40 11 25 2a 0a c8 00 01 0a c8 00 02" +
		" 9c 41 13 8a 00 0c 00 00 76 6c 61 6e"
)

func TestDecodeLayers(t *testing.T) {
	type lay struct {
		Type      string
		Start     int
		Payload   int
		End       int
		Malformed string
	}
	tests := []struct {
		name string
		lt   linktype.Type
		data string
		want []lay
	}{
		{"arp", linktype.Ethernet, vecARP, []lay{{"eth", 0, 14, 42, ""}, {"arp", 14, 42, 42, ""}}},
		{"tcp syn", linktype.Ethernet, vecTCP, []lay{{"eth", 0, 14, 74, ""}, {"ip", 14, 34, 74, ""}, {"tcp", 34, 74, 74, ""}}},
		{"vlan udp payload", linktype.Ethernet, vecVLAN, []lay{{"eth", 0, 14, 50, ""}, {"vlan", 14, 18, 50, ""}, {"ip", 18, 38, 50, ""}, {"udp", 38, 46, 46 + 4, ""}, {"data", 46, 46, 50, ""}}},
		{"ethernet cut short", linktype.Ethernet, "ff ff ff ff ff ff 02 00", []lay{{"eth", 0, 0, 8, "truncated header"}}},
		{"ip header length below 20", linktype.Raw, "44 00 00 14 00 00 00 00 40 06 00 00 0a 00 00 01 0a 00 00 02", []lay{{"raw", 0, 0, 20, ""}, {"ip", 0, 0, 20, "bad header length"}}},
		{"ip total length below header", linktype.IPv4, "45 00 00 10 00 00 00 00 40 06 00 00 0a 00 00 01 0a 00 00 02", []lay{{"ip", 0, 20, 20, "bad length"}}},
		{"tcp offset beyond capture", linktype.IPv4, "45 00 00 28 00 00 00 00 40 06 00 00 0a 00 00 01 0a 00 00 02 00 50 00 51 00 00 00 00 00 00 00 00 f0 02 00 00 00 00 00 00", []lay{{"ip", 0, 20, 40, ""}, {"tcp", 20, 20, 40, "truncated header"}}},
		{"udp length below 8", linktype.IPv4, "45 00 00 1c 00 00 00 00 40 11 00 00 0a 00 00 01 0a 00 00 02 00 35 00 35 00 04 00 00", []lay{{"ip", 0, 20, 28, ""}, {"udp", 20, 28, 28, "bad length"}}},
		{"null loopback ipv6", linktype.Null, "1e 00 00 00 60 00 00 00 00 00 3b 40" + strings.Repeat(" 00", 32), []lay{{"null", 0, 4, 44, ""}, {"ipv6", 4, 44, 44, ""}}},
		{"unknown link type", linktype.Type(147), "01 02 03", nil},
	}
	d := decode.NewDecoder()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []lay
			for _, l := range d.Decode(unhex(t, tc.data), tc.lt) {
				got = append(got, lay{l.Type.String(), l.Start, l.Payload, l.End, string(l.Malformed)})
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("layers (-want +got):\n%s", diff)
			}
		})
	}
}

func TestViews(t *testing.T) {
	tcp := unhex(t, vecTCP)
	ip, err := decode.ParseIPv4(tcp[14:])
	if err != nil {
		t.Fatal(err)
	}
	seg, err := decode.ParseTCP(tcp[34:])
	if err != nil {
		t.Fatal(err)
	}
	type opt struct {
		Kind uint8
		Data string
	}
	var opts []opt
	for off := 0; ; {
		o, next, ok, bad := seg.NextOption(off)
		if !ok || bad {
			break
		}
		opts = append(opts, opt{o.Kind, hex.EncodeToString(o.Data)})
		off = next
	}
	vlan, err := decode.ParseVLAN(unhex(t, vecVLAN)[14:])
	if err != nil {
		t.Fatal(err)
	}
	a, err := decode.ParseARP(unhex(t, vecARP)[14:])
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]any{
		"ip.src": ip.Src(), "ip.dst": ip.Dst(), "ip.ttl": ip.TTL(), "ip.df": ip.DF(), "ip.id": ip.ID(),
		"ip.checksum_ok": ip.ChecksumOK(), "ip.proto": ip.Protocol(), "ip.len": ip.TotalLength(),
		"tcp.sport": seg.SrcPort(), "tcp.dport": seg.DstPort(), "tcp.seq": seg.Seq(), "tcp.flags": seg.Flags(),
		"tcp.hdr_len": seg.HeaderLen(), "tcp.window": seg.Window(), "tcp.options": opts,
		"vlan.id": vlan.ID(), "vlan.priority": vlan.Priority(), "vlan.etype": vlan.EtherType(),
		"arp.op": a.Op(), "arp.tpa": netip.AddrFrom4([4]byte(a.TargetProto())),
	}
	want := map[string]any{
		"ip.src": netip.MustParseAddr("10.200.0.1"), "ip.dst": netip.MustParseAddr("10.200.0.2"), "ip.ttl": uint8(64),
		"ip.df": true, "ip.id": uint16(1), "ip.checksum_ok": true, "ip.proto": uint8(6), "ip.len": uint16(60),
		"tcp.sport": uint16(40000), "tcp.dport": uint16(12345), "tcp.seq": uint32(1000), "tcp.flags": uint16(decode.TCPSyn),
		"tcp.hdr_len": 40, "tcp.window": uint16(64240),
		"tcp.options": []opt{{2, "05b4"}, {4, ""}, {8, "0000000100000000"}, {1, ""}, {3, "07"}},
		"vlan.id":     uint16(100), "vlan.priority": uint8(3), "vlan.etype": uint16(0x0800),
		"arp.op": uint16(1), "arp.tpa": netip.MustParseAddr("10.200.0.2"),
	}
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b netip.Addr) bool { return a == b })); diff != "" {
		t.Errorf("accessors (-want +got):\n%s", diff)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name  string
		parse func([]byte) error
		data  string
		want  decode.Reason
	}{
		{"ethernet", func(b []byte) error { _, err := decode.ParseEthernet(b); return err }, "00 01", decode.ReasonTruncated},
		{"ipv4 version", func(b []byte) error { _, err := decode.ParseIPv4(b); return err }, "65" + strings.Repeat(" 00", 19), decode.ReasonBadVersion},
		{"ipv6 short", func(b []byte) error { _, err := decode.ParseIPv6(b); return err }, "60 00", decode.ReasonTruncated},
		{"tcp offset 4", func(b []byte) error { _, err := decode.ParseTCP(b); return err }, strings.Repeat("00 ", 12) + "40" + strings.Repeat(" 00", 7), decode.ReasonBadHdrLen},
		{"arp addresses cut", func(b []byte) error { _, err := decode.ParseARP(b); return err }, "00 01 08 00 06 04 00 01 02", decode.ReasonTruncated},
		{"sll2 short", func(b []byte) error { _, err := decode.ParseSLL2(b); return err }, "08 00", decode.ReasonTruncated},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.parse(unhex(t, tc.data)); !errors.Is(err, tc.want) {
				t.Errorf("error %v, want %v", err, tc.want)
			}
		})
	}
}

// fuzzView seeds a fuzz target with the test vectors, their network
// layers and corpus packets, then runs check (a Parse function and every
// accessor of its view) on any input: nothing may panic.
func fuzzView(f *testing.F, check func(b []byte)) {
	for _, v := range []string{vecARP, vecTCP, vecVLAN} {
		b := unhex(f, v)
		for _, off := range []int{0, 14, 18, 34, 38} {
			f.Add(b[off:])
		}
	}
	for _, p := range corpusPackets(f, 2000) {
		f.Add(p.Data)
		if len(p.Data) > 34 {
			f.Add(p.Data[14:])
			f.Add(p.Data[34:])
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) { check(b) })
}

func FuzzEthernet(f *testing.F) {
	fuzzView(f, func(b []byte) {
		if e, err := decode.ParseEthernet(b); err == nil {
			_, _, _, _ = e.Src(), e.Dst(), e.TypeOrLength(), e.IsLength()
		}
	})
}

func FuzzVLAN(f *testing.F) {
	fuzzView(f, func(b []byte) {
		if v, err := decode.ParseVLAN(b); err == nil {
			_, _, _, _ = v.ID(), v.Priority(), v.DEI(), v.EtherType()
		}
	})
}

func FuzzLLC(f *testing.F) {
	fuzzView(f, func(b []byte) {
		if c, err := decode.ParseLLC(b); err == nil {
			_, _, _, _, _ = c.DSAP(), c.SSAP(), c.Control(), c.OUI(), c.PID()
		}
	})
}

func FuzzSLL(f *testing.F) {
	fuzzView(f, func(b []byte) {
		if s, err := decode.ParseSLL(b); err == nil {
			_, _, _, _ = s.Addr(), s.Protocol(), s.PacketType(), s.HAType()
		}
		if s, err := decode.ParseSLL2(b); err == nil {
			_, _, _, _ = s.Addr(), s.Protocol(), s.IfIndex(), s.PacketType()
		}
		if lb, err := decode.ParseLoopback(b); err == nil {
			_ = lb.Family()
		}
	})
}

func FuzzARP(f *testing.F) {
	fuzzView(f, func(b []byte) {
		if a, err := decode.ParseARP(b); err == nil {
			_, _, _, _, _ = a.SenderHW(), a.SenderProto(), a.TargetHW(), a.TargetProto(), a.IsEthernetIPv4()
		}
	})
}

func FuzzIPv4(f *testing.F) {
	fuzzView(f, func(b []byte) {
		if ip, err := decode.ParseIPv4(b); err == nil {
			_, _, _, _, _ = ip.Src(), ip.Dst(), ip.Options(), ip.ChecksumOK(), ip.ComputeChecksum()
		}
	})
}

func FuzzIPv6(f *testing.F) {
	fuzzView(f, func(b []byte) {
		if ip, err := decode.ParseIPv6(b); err == nil {
			_, _, _, _ = ip.Src(), ip.Dst(), ip.FlowLabel(), ip.TrafficClass()
		}
		for _, frag := range []bool{false, true} {
			if x, err := decode.ParseIPv6Ext(b, frag); err == nil {
				_, _, _, _, _ = x.Data(), x.FragOffset(), x.NextHeader(), x.RoutingType(), x.FragID()
			}
		}
	})
}

func FuzzTCP(f *testing.F) {
	fuzzView(f, func(b []byte) {
		if seg, err := decode.ParseTCP(b); err == nil {
			_, _, _ = seg.Flags(), seg.Seq(), seg.Window()
			for off := 0; ; {
				_, next, ok, _ := seg.NextOption(off)
				if !ok || next <= off {
					break
				}
				off = next
			}
		}
	})
}

func FuzzUDP(f *testing.F) {
	fuzzView(f, func(b []byte) {
		if u, err := decode.ParseUDP(b); err == nil {
			_, _, _, _ = u.SrcPort(), u.DstPort(), u.Length(), u.Checksum()
		}
	})
}

func FuzzICMP(f *testing.F) {
	fuzzView(f, func(b []byte) {
		if m, err := decode.ParseICMPv4(b); err == nil {
			_, _, _, _ = m.Body(), m.Gateway(), m.ID(), m.IsError()
		}
		if m, err := decode.ParseICMPv6(b); err == nil {
			_ = m.Word()
			for off := min(m.HeaderLen(), len(m)); ; {
				_, next, ok, _ := m.NextNDOption(off)
				if !ok || next <= off {
					break
				}
				off = next
			}
		}
	})
}
