package pcapio

import (
	"bytes"
	"encoding/binary"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/linktype"
)

// FuzzWriteRead writes packets made from the fuzzer's bytes (lengths,
// timestamps, options) as pcap (micro and nano) and pcapng (both byte
// orders), reads them back and checks that they come back equal.
//
// The input is a sequence of records: 2-byte data length, 8-byte
// nanosecond timestamp, 2-byte extra original length, 1-byte option mask,
// then the data.
func FuzzWriteRead(f *testing.F) {
	f.Add([]byte{0, 4, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0xff, 1, 2, 3, 4})
	f.Add(bytes.Repeat([]byte{0, 1, 0x17, 0x9c, 0x5a, 0, 0, 0, 0, 9, 0, 5, 0x55, 0xee}, 5))
	f.Add([]byte{0x05, 0xea, 0x17, 0x9c, 0x5a, 0x12, 0x34, 0x56, 0x78, 0x9a, 0, 0, 0xaa})
	f.Fuzz(func(t *testing.T, in []byte) {
		var ps []Packet
		for len(in) >= 13 && len(ps) < 64 {
			n := int(binary.BigEndian.Uint16(in))
			ns := binary.BigEndian.Uint64(in[2:]) % (1 << 32 * 1e9) // within pcap's 1970-2106
			extra := int(binary.BigEndian.Uint16(in[10:]))
			mask := in[12]
			in = in[13:]
			n = min(n, len(in))
			p := Packet{Data: in[:n], Length: n + extra, Time: time.Unix(0, int64(ns)).UTC(), HasTime: true,
				LinkType: linktype.Ethernet}
			in = in[n:]
			if mask != 0 {
				big := mask&1 != 0
				var b []byte
				if mask&2 != 0 {
					b = wAppOptString(b, big, OptComment, string(p.Data[:min(n, 40)]))
				}
				if mask&4 != 0 {
					b = wApp16(b, big, OptFlags)
					b = wApp16(b, big, 4)
					b = wApp32(b, big, uint32(ns))
				}
				if mask&8 != 0 {
					b = wAppOpt64(b, big, OptDropCount, ns)
				}
				if mask&16 != 0 {
					b = wAppOpt64(b, big, OptPacketID, ^ns)
				}
				if mask&32 != 0 {
					b = wApp16(b, big, OptQueue)
					b = wApp16(b, big, 4)
					b = wApp32(b, big, uint32(ns>>7))
				}
				if mask&64 != 0 {
					b = wAppOpt(b, big, OptHash, p.Data[:min(n, 9)])
				}
				if mask&128 != 0 {
					b = wAppOpt(b, big, OptVerdict, p.Data[:min(n, 5)])
				}
				p.Options = MakeOptions(b, big)
			}
			ps = append(ps, p)
		}
		for _, kind := range []string{"pcap", "pcap-nano", "pcapng-le", "pcapng-be"} {
			var buf bytes.Buffer
			var w Writer
			prec, keepOpts := time.Nanosecond, true
			switch kind {
			case "pcap", "pcap-nano":
				w, _ = NewPcapWriter(&buf, PcapWriterOptions{LinkType: linktype.Ethernet, Nano: kind == "pcap-nano"})
				keepOpts = false
				if kind == "pcap" {
					prec = time.Microsecond
				}
			default:
				nw, _ := NewPcapNGWriter(&buf, PcapNGWriterOptions{BigEndian: kind == "pcapng-be"})
				nw.AddInterface(Interface{LinkType: linktype.Ethernet})
				w = nw
			}
			var want []wPacket
			for i := range ps {
				if err := w.WritePacket(&ps[i]); err != nil {
					t.Fatalf("%s: WritePacket: %v", kind, err)
				}
				p := ps[i]
				if !keepOpts {
					p.Options = Options{}
				}
				p.Time = p.Time.Truncate(prec)
				want = append(want, toWPacket(&p))
			}
			if err := w.Close(); err != nil {
				t.Fatalf("%s: Close: %v", kind, err)
			}
			got, _ := wReadAll(t, buf.Bytes())
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("%s: read back (-want +got):\n%s", kind, diff)
			}
		}
	})
}
