package synth

import (
	"bytes"
	"testing"
	"time"
)

func TestDeterministic(t *testing.T) {
	start := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	a, b := New(3, start), New(3, start)
	for i := range 5000 {
		pa, pb := a.Next(), b.Next()
		if !bytes.Equal(pa.Data, pb.Data) || !pa.Time.Equal(pb.Time) {
			t.Fatalf("packet %d differs between two generators with the same seed", i)
		}
	}
}

func TestChecksumsAndLengths(t *testing.T) {
	g := New(1, time.Unix(0, 0))
	for i := range 20000 {
		p := g.Next().Data
		off := 14
		if p[12] == 0x81 {
			off = 18
		}
		switch et := uint16(p[off-2])<<8 | uint16(p[off-1]); et {
		case 0x0800:
			ip := p[off:]
			if fold(csum(0, ip[:20])) != 0 {
				t.Fatalf("packet %d: bad IPv4 header checksum", i)
			}
			if n := int(ip[2])<<8 | int(ip[3]); n != len(ip) {
				t.Fatalf("packet %d: IPv4 total length %d, frame carries %d", i, n, len(ip))
			}
			if l4 := ip[20:]; ip[9] != 1 && !verify(ip[12:16], ip[16:20], ip[9], l4) {
				t.Fatalf("packet %d: bad transport checksum", i)
			}
		case 0x86dd:
			ip := p[off:]
			if n := int(ip[4])<<8 | int(ip[5]); n+40 != len(ip) {
				t.Fatalf("packet %d: IPv6 payload length %d, frame carries %d", i, n, len(ip)-40)
			}
			if !verify(ip[8:24], ip[24:40], ip[6], ip[40:]) {
				t.Fatalf("packet %d: bad transport checksum", i)
			}
		case 0x0806:
		default:
			t.Fatalf("packet %d: unexpected EtherType %#04x", i, et)
		}
	}
}

func TestNextAllocatesNothingInSteadyState(t *testing.T) {
	g := New(1, time.Unix(0, 0))
	for range 10000 {
		g.Next()
	}
	if n := testing.AllocsPerRun(10000, func() { g.Next() }); n > 0.01 {
		t.Fatalf("Next allocates %.3f times per packet, want 0", n)
	}
}

// verify checks a transport checksum over the pseudo-header: the sum over a
// segment that includes its checksum folds to zero.
func verify(src, dst []byte, proto byte, seg []byte) bool {
	s := csum(csum(0, src), dst) + uint32(proto) + uint32(len(seg))
	return fold(csum(s, seg)) == 0
}

// TestConversations checks the capture Conversations builds: the packet
// count, its order (handshakes and datagrams first) and its checksums.
func TestConversations(t *testing.T) {
	pkts := Conversations(30, 20, time.Unix(0, 0))
	if want := 30*5 + 20*2; len(pkts) != want {
		t.Fatalf("%d packets, want %d", len(pkts), want)
	}
	for i, p := range pkts {
		ip := p.Data[14:]
		if fold(csum(0, ip[:20])) != 0 || !verify(ip[12:16], ip[16:20], ip[9], ip[20:]) {
			t.Fatalf("packet %d: bad checksum", i)
		}
		if want := time.Unix(0, 0).Add(time.Duration(i) * time.Millisecond); !p.Time.Equal(want) {
			t.Fatalf("packet %d at %v, want %v", i, p.Time, want)
		}
	}
	if syn := pkts[0].Data[14+20+13]; syn != tcpSYN {
		t.Errorf("first packet's TCP flags %#x, want a SYN", syn)
	}
	if last := pkts[len(pkts)-1].Data[14+9]; last != 17 {
		t.Errorf("last packet's protocol %d, want UDP (the first conversation's reply)", last)
	}
}
