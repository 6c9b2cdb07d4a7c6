package decode_test

import (
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// lineCase is a crafted capture whose tcpdump -n output is known: want is
// what tcpdump 4.99 prints with flags (TZ=UTC), which rawcap's line printer
// with opts must print too.
type lineCase struct {
	name   string
	lt     linktype.Type
	frames []string    // hex
	times  []time.Time // zero: a Simple Packet Block, without a timestamp
	flags  []string
	opts   decode.LineOptions
	want   string
}

// writeTestPcapng writes frames as pcapng, one Enhanced Packet Block each
// (microsecond timestamps) or a Simple Packet Block where the time is zero.
func writeTestPcapng(t *testing.T, lt linktype.Type, frames [][]byte, times []time.Time) string {
	t.Helper()
	block := func(b []byte, typ uint32, body []byte) []byte {
		for len(body)%4 != 0 {
			body = append(body, 0)
		}
		n := uint32(12 + len(body))
		b = binary.LittleEndian.AppendUint32(b, typ)
		b = binary.LittleEndian.AppendUint32(b, n)
		b = append(b, body...)
		return binary.LittleEndian.AppendUint32(b, n)
	}
	le := binary.LittleEndian
	b := block(nil, 0x0a0d0d0a, le.AppendUint64(le.AppendUint32(le.AppendUint32(nil, 0x1a2b3c4d), 1), ^uint64(0)))
	b = block(b, 1, le.AppendUint32(le.AppendUint32(nil, uint32(lt)), 0))
	for i, f := range frames {
		if times[i].IsZero() {
			b = block(b, 3, append(le.AppendUint32(nil, uint32(len(f))), f...))
			continue
		}
		us := uint64(times[i].Unix())*1000000 + uint64(times[i].Nanosecond()/1000)
		body := le.AppendUint32(nil, 0)
		body = le.AppendUint32(body, uint32(us>>32))
		body = le.AppendUint32(body, uint32(us))
		body = le.AppendUint32(body, uint32(len(f)))
		body = le.AppendUint32(body, uint32(len(f)))
		b = block(b, 6, append(body, f...))
	}
	p := filepath.Join(t.TempDir(), "case.pcapng")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func checkLineCases(t *testing.T, cases []lineCase) {
	_, err := exec.LookPath("tcpdump")
	haveTcpdump := err == nil && !testing.Short()
	if !haveTcpdump {
		t.Log("tcpdump not installed: expectations not re-checked against it")
	}
	for _, c := range cases {
		frames := make([][]byte, len(c.frames))
		for i, h := range c.frames {
			frames[i] = mustHex(t, h)
		}
		times := c.times
		if times == nil {
			for i := range frames {
				times = append(times, time.Unix(int64(1700000000+i), 0))
			}
		}
		d := decode.NewDecoder()
		o := c.opts
		o.Location = time.UTC
		p := &decode.LinePrinter{Options: o}
		var got []byte
		for i, f := range frames {
			d.Decode(f, c.lt)
			got = p.Append(got, d, &decode.Frame{Number: i + 1, Time: times[i], Length: len(f)})
		}
		if diff := cmp.Diff(c.want, string(got)); diff != "" {
			t.Errorf("%s: rawcap (-want +got):\n%s", c.name, diff)
		}
		if !haveTcpdump {
			continue
		}
		path := writeTestPcapng(t, c.lt, frames, times)
		cmd := exec.Command("tcpdump", append(append([]string{"-n"}, c.flags...), "-r", path)...)
		cmd.Env = append(os.Environ(), "TZ=UTC")
		out, err := cmd.Output()
		if err != nil {
			t.Errorf("%s: tcpdump: %v", c.name, err)
			continue
		}
		if diff := cmp.Diff(c.want, string(out)); diff != "" {
			t.Errorf("%s: the expectation is not tcpdump's output (-want +tcpdump):\n%s", c.name, diff)
		}
	}
}

const (
	// Ethernet, IPv4 192.0.2.1 > 192.0.2.2, UDP 1234 > 53 with no payload.
	emptyDNSFrame = "00005e005302 00005e005301 0800 4500001c000100004011f6ccc0000201c0000202 04d20035 0008 0000"
	// The same UDP datagram with 2 bytes to port 5678, without Ethernet.
	rawUDPPacket = "4500001e000100004011f6cac0000201c0000202 04d2162e 000a 0000 6869"
	// IPv6 ::1 > ::2, ICMPv6 echo request id 1 seq 1.
	rawICMPv6Packet = "6000000000083a40 00000000000000000000000000000001 00000000000000000000000000000002 8000f7ff00010001"
)

// TestLineTcpdumpSmallDifferences covers differences from tcpdump found on
// the corpus: an empty DNS datagram, -e on raw IPv4/IPv6 link types.
func TestLineTcpdumpSmallDifferences(t *testing.T) {
	checkLineCases(t, []lineCase{
		{name: "empty udp/53", lt: linktype.Ethernet, frames: []string{emptyDNSFrame}, flags: []string{"-t"},
			opts: decode.LineOptions{Time: decode.TimeNone},
			want: "IP 192.0.2.1.1234 > 192.0.2.2.53: domain [length 0 < 12] (invalid)\n"},
		{name: "empty udp/53 -vv", lt: linktype.Ethernet, frames: []string{emptyDNSFrame}, flags: []string{"-t", "-vv"},
			opts: decode.LineOptions{Time: decode.TimeNone, Verbose: 2},
			want: "IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto UDP (17), length 28)\n" +
				"    192.0.2.1.1234 > 192.0.2.2.53: [no cksum] domain [length 0 < 12] (invalid)\n"},
		{name: "empty udp/53 -q", lt: linktype.Ethernet, frames: []string{emptyDNSFrame}, flags: []string{"-t", "-q"},
			opts: decode.LineOptions{Time: decode.TimeNone, Quiet: true},
			want: "IP 192.0.2.1.1234 > 192.0.2.2.53: UDP, length 0\n"},
		{name: "-e on LINKTYPE_IPV4", lt: linktype.IPv4, frames: []string{rawUDPPacket}, flags: []string{"-t", "-e"},
			opts: decode.LineOptions{Time: decode.TimeNone, Link: true},
			want: "ip: 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2\n"},
		{name: "-e on LINKTYPE_IPV6", lt: linktype.IPv6, frames: []string{rawICMPv6Packet}, flags: []string{"-t", "-e"},
			opts: decode.LineOptions{Time: decode.TimeNone, Link: true},
			want: "ip: ::1 > ::2: ICMP6, echo request, id 1, seq 1, length 8\n"},
		{name: "-e on LINKTYPE_RAW", lt: linktype.Raw, frames: []string{rawUDPPacket}, flags: []string{"-t", "-e"},
			opts: decode.LineOptions{Time: decode.TimeNone, Link: true},
			want: "ip: 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2\n"},
	})
}

// TestHexAfterCutTCPOptions checks that the -x, -X and -A dumps of a
// packet whose TCP options were cut by the capture before an option's kind
// or length byte start at the link header, as tcpdump's do: its option
// loop abandons the packet before the link printer reports the header
// length it would skip.
func TestHexAfterCutTCPOptions(t *testing.T) {
	// Ethernet, IPv4 (total length 52), TCP with a 32-byte header of which
	// the 20 fixed bytes were captured.
	f := []string{"00005e005302 00005e005301 0800 45000034000100004006f6bfc0000201c0000202 " +
		"9c401f90000003e8000007d080100200 00000000"}
	line := "IP truncated-ip - 12 bytes missing! 192.0.2.1.40000 > 192.0.2.2.8080: Flags [.], ack 2000, win 512, options [ [|tcp]\n"
	dump := "\t0x0000:  0000 5e00 5302 0000 5e00 5301 0800 4500\n" +
		"\t0x0010:  0034 0001 0000 4006 f6bf c000 0201 c000\n" +
		"\t0x0020:  0202 9c40 1f90 0000 03e8 0000 07d0 8010\n" +
		"\t0x0030:  0200 0000 0000\n"
	checkLineCases(t, []lineCase{
		{name: "-x", lt: linktype.Ethernet, frames: f, flags: []string{"-t", "-x"},
			opts: decode.LineOptions{Time: decode.TimeNone, Hex: decode.HexNet}, want: line + dump},
		{name: "-xx", lt: linktype.Ethernet, frames: f, flags: []string{"-t", "-xx"},
			opts: decode.LineOptions{Time: decode.TimeNone, Hex: decode.HexLink}, want: line + dump},
		{name: "-A", lt: linktype.Ethernet, frames: f, flags: []string{"-t", "-A"},
			opts: decode.LineOptions{Time: decode.TimeNone, Hex: decode.ASCIIOnly},
			want: line + "..^.S...^.S...E..4....@............@..................\n"},
		// An MSS option whose value is cut: tcpdump ends the text itself
		// and dumps from the network header as usual.
		{name: "-x, option data cut", lt: linktype.Ethernet, flags: []string{"-t", "-x"},
			frames: []string{"00005e005302 00005e005301 0800 4500002c000100004006f6c7c0000201c0000202 " +
				"9c401f90000003e8000007d060100200 00000000 020405"},
			opts: decode.LineOptions{Time: decode.TimeNone, Hex: decode.HexNet},
			want: "IP truncated-ip - 1 bytes missing! 192.0.2.1.40000 > 192.0.2.2.8080: Flags [.], ack 2000, win 512, options [mss [|tcp]\n" +
				"\t0x0000:  4500 002c 0001 0000 4006 f6c7 c000 0201\n" +
				"\t0x0010:  c000 0202 9c40 1f90 0000 03e8 0000 07d0\n" +
				"\t0x0020:  6010 0200 0000 0000 0204 05\n"},
	})
}

// TestLineTimestampsTcpdump checks the time prefixes of packets without a
// timestamp (tcpdump prints the epoch) and of times past 2106, where
// tcpdump refuses seconds whose bit 31 is set once cut to 32 bits, prints
// -tt's seconds cut to 32 bits, and wraps -ttt's differences at a day.
func TestLineTimestampsTcpdump(t *testing.T) {
	udp := "00005e005302 00005e005301 0800 " + rawUDPPacket
	one := []string{udp}
	none := []time.Time{{}}
	three := []string{udp, udp, udp}
	late := []time.Time{
		time.Unix(7258118400, 5000), // 2200-01-01: bit 31 set when cut to 32 bits
		time.Unix(1<<33, 0),         // 2242-03-16: 0 when cut
		time.Unix(1<<32, 123456000), // 2106-02-07
	}
	line := "IP 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2\n"
	cases := []lineCase{
		{name: "no time", frames: one, times: none, want: "00:00:00.000000 " + line},
		{name: "no time -tt", frames: one, times: none, flags: []string{"-tt"},
			opts: decode.LineOptions{Time: decode.TimeEpoch}, want: "0.000000 " + line},
		{name: "no time -ttt", frames: one, times: none, flags: []string{"-ttt"},
			opts: decode.LineOptions{Time: decode.TimeDelta}, want: " 00:00:00.000000 " + line},
		{name: "no time -tttt", frames: one, times: none, flags: []string{"-tttt"},
			opts: decode.LineOptions{Time: decode.TimeDate}, want: "1970-01-01 00:00:00.000000 " + line},
		{name: "no time -tt --nano", frames: one, times: none, flags: []string{"-tt", "--nano"},
			opts: decode.LineOptions{Time: decode.TimeEpoch, Nano: true}, want: "0.000000000 " + line},
		{name: "late", frames: three, times: late,
			want: "[Error converting time] " + line + "12:56:32.000000 " + line + "06:28:16.123456 " + line},
		{name: "late -tt", frames: three, times: late, flags: []string{"-tt"},
			opts: decode.LineOptions{Time: decode.TimeEpoch},
			want: "[Error converting time] " + line + "0.000000 " + line + "0.123456 " + line},
		{name: "late -ttt", frames: three, times: late, flags: []string{"-ttt"},
			opts: decode.LineOptions{Time: decode.TimeDelta},
			want: " 00:00:00.000000 " + line + " 12:56:31.999995 " + line + "-[Error converting time] " + line},
		{name: "late -tttt", frames: three, times: late, flags: []string{"-tttt"},
			opts: decode.LineOptions{Time: decode.TimeDate},
			want: "[Error converting time] " + line + "2242-03-16 12:56:32.000000 " + line + "2106-02-07 06:28:16.123456 " + line},
		{name: "late -ttttt --nano", frames: three, times: late, flags: []string{"-ttttt", "--nano"},
			opts: decode.LineOptions{Time: decode.TimeSinceFirst, Nano: true},
			want: " 00:00:00.000000000 " + line + " 12:56:31.999995000 " + line + "-[Error converting time] " + line},
	}
	for i := range cases {
		cases[i].lt = linktype.Ethernet
	}
	checkLineCases(t, cases)
}

// pptpFrames are PPTP's enhanced GRE (version 1, protocol 0x880b) packets
// carrying PPP: LCP, IPCP, CCP and IP6CP headers, IPv4 with and without
// the HDLC address and a compressed protocol field, IPv6, an LCP packet
// with a GRE ack, an unknown PPP protocol, an LCP packet cut short and an
// unknown LCP code.
var pptpFrames = []string{
	"00005e00530200005e00530108004500002e00010000402ff69cc0000201c00002023001880b000e000700000005ff03c0210100000a0506021952cf",
	"00005e00530200005e00530108004500002e00010000402ff69cc0000201c00002023001880b000e000700000005ff0380210201000a0306c0a80001",
	"00005e00530200005e00530108004500002800010000402ff6a2c0000201c00002023001880b0008000700000005ff0380fd0e050004",
	"00005e00530200005e00530108004500002c00010000402ff69ec0000201c00002023001880b000c000700000005ff03805709070008deadbeef",
	"00005e00530200005e00530108004500004000010000402ff68ac0000201c00002023001880b0020000700000005ff0300214500001c00010000400166de0a0000010a0000020800f7fe00010001",
	"00005e00530200005e00530108004500003d00010000402ff68dc0000201c00002023001880b001d000700000005214500001c00010000400166de0a0000010a0000020800f7fe00010001",
	"00005e00530200005e00530108004500005400010000402ff676c0000201c00002023001880b0034000700000005ff0300576000000000083a4000000000000000000000000000000001000000000000000000000000000000028000f7ff00010001",
	"00005e00530200005e00530108004500003300010000402ff697c0000201c00002023081880b000f00070000000500000009ff03c0210c02000c00000000616263",
	"00005e00530200005e00530108004500002800010000402ff6a2c0000201c00002023001880b0008000700000005ff0312340101000a",
	"00005e00530200005e00530108004500002500010000402ff6a5c0000201c00002023001880b0005000700000005ff03c02101",
	"00005e00530200005e00530108004500002800010000402ff6a2c0000201c00002023001880b0008000700000005ff03c0211001000a",
}

// TestLinePPTPTcpdump checks PPP inside PPTP's GRE against tcpdump's
// output by default, with -e and with -q.
func TestLinePPTPTcpdump(t *testing.T) {
	checkLineCases(t, []lineCase{
		{name: "pptp", lt: linktype.Ethernet, frames: pptpFrames, flags: []string{"-t"},
			opts: decode.LineOptions{Time: decode.TimeNone},
			want: "IP 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, length 26: LCP, Conf-Request (0x01), id 0, length 12\n" +
				"IP 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, length 26: IPCP, Conf-Ack (0x02), id 1, length 12\n" +
				"IP 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, length 20: CCP, Reset-Req (0x0e), id 5, length 6\n" +
				"IP 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, length 24: IP6CP, Echo-Request (0x09), id 7, length 10\n" +
				"IP 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, length 44: IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 1, seq 1, length 8\n" +
				"IP 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, length 41: IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 1, seq 1, length 8\n" +
				"IP 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, length 64: IP6 ::1 > ::2: ICMP6, echo request, id 1, seq 1, length 8\n" +
				"IP 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, ack 9, length 31: LCP, Ident (0x0c), id 2, length 13\n" +
				"IP 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, length 20: unknown PPP protocol (0x1234) \n" +
				"\t0x0000:  0101 000a\n" +
				"IP 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, length 17: LCP, [|LCP]\n" +
				"IP 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, length 20: LCP, Unknown Opcode (0x10), id 1, length 6\n"},
		{name: "pptp -e", lt: linktype.Ethernet, frames: pptpFrames, flags: []string{"-t", "-e"},
			opts: decode.LineOptions{Time: decode.TimeNone, Link: true},
			want: "00:00:5e:00:53:01 > 00:00:5e:00:53:02, ethertype IPv4 (0x0800), length 60: 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, proto PPP (0x880b), length 26: LCP (0xc021), length 14: LCP, Conf-Request (0x01), id 0, length 12\n" +
				"00:00:5e:00:53:01 > 00:00:5e:00:53:02, ethertype IPv4 (0x0800), length 60: 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, proto PPP (0x880b), length 26: IPCP (0x8021), length 14: IPCP, Conf-Ack (0x02), id 1, length 12\n" +
				"00:00:5e:00:53:01 > 00:00:5e:00:53:02, ethertype IPv4 (0x0800), length 54: 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, proto PPP (0x880b), length 20: CCP (0x80fd), length 8: CCP, Reset-Req (0x0e), id 5, length 6\n" +
				"00:00:5e:00:53:01 > 00:00:5e:00:53:02, ethertype IPv4 (0x0800), length 58: 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, proto PPP (0x880b), length 24: IP6CP (0x8057), length 12: IP6CP, Echo-Request (0x09), id 7, length 10\n" +
				"00:00:5e:00:53:01 > 00:00:5e:00:53:02, ethertype IPv4 (0x0800), length 78: 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, proto PPP (0x880b), length 44: IP (0x0021), length 32: 10.0.0.1 > 10.0.0.2: ICMP echo request, id 1, seq 1, length 8\n" +
				"00:00:5e:00:53:01 > 00:00:5e:00:53:02, ethertype IPv4 (0x0800), length 75: 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, proto PPP (0x880b), length 41: IP (0x0021), length 29: 10.0.0.1 > 10.0.0.2: ICMP echo request, id 1, seq 1, length 8\n" +
				"00:00:5e:00:53:01 > 00:00:5e:00:53:02, ethertype IPv4 (0x0800), length 98: 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, proto PPP (0x880b), length 64: IP6 (0x0057), length 52: ::1 > ::2: ICMP6, echo request, id 1, seq 1, length 8\n" +
				"00:00:5e:00:53:01 > 00:00:5e:00:53:02, ethertype IPv4 (0x0800), length 65: 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, ack 9, proto PPP (0x880b), length 31: LCP (0xc021), length 15: LCP, Ident (0x0c), id 2, length 13\n" +
				"00:00:5e:00:53:01 > 00:00:5e:00:53:02, ethertype IPv4 (0x0800), length 54: 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, proto PPP (0x880b), length 20: unknown (0x1234), length 8\n" +
				"00:00:5e:00:53:01 > 00:00:5e:00:53:02, ethertype IPv4 (0x0800), length 51: 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, proto PPP (0x880b), length 17: LCP (0xc021), length 5: LCP, [|LCP]\n" +
				"00:00:5e:00:53:01 > 00:00:5e:00:53:02, ethertype IPv4 (0x0800), length 54: 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, proto PPP (0x880b), length 20: LCP (0xc021), length 8: LCP, Unknown Opcode (0x10), id 1, length 6\n"},
		{name: "pptp -q", lt: linktype.Ethernet, frames: pptpFrames, flags: []string{"-t", "-q"},
			opts: decode.LineOptions{Time: decode.TimeNone, Quiet: true},
			want: "IP 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, length 26: LCP, Conf-Request (0x01), id 0, length 12\n" +
				"IP 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, length 26: IPCP, Conf-Ack (0x02), id 1, length 12\n" +
				"IP 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, length 20: CCP, Reset-Req (0x0e), id 5, length 6\n" +
				"IP 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, length 24: IP6CP, Echo-Request (0x09), id 7, length 10\n" +
				"IP 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, length 44: IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 1, seq 1, length 8\n" +
				"IP 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, length 41: IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 1, seq 1, length 8\n" +
				"IP 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, length 64: IP6 ::1 > ::2: ICMP6, echo request, id 1, seq 1, length 8\n" +
				"IP 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, ack 9, length 31: LCP, Ident (0x0c), id 2, length 13\n" +
				"IP 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, length 20: unknown PPP protocol (0x1234) \n" +
				"\t0x0000:  0101 000a\n" +
				"IP 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, length 17: LCP, [|LCP]\n" +
				"IP 192.0.2.1 > 192.0.2.2: GREv1, call 7, seq 5, length 20: LCP, Unknown Opcode (0x10), id 1, length 6\n"},
	})
}

// TestLineIPv6TruncatedTcpdump checks tcpdump's marks for IPv6: " [|ip6]"
// (without "IP6 ") for a header cut short, and "truncated-ip6 - N bytes
// missing!" when the payload length runs past the frame.
func TestLineIPv6TruncatedTcpdump(t *testing.T) {
	full := "00005e005302 00005e005301 86dd 6000000000083a40 00000000000000000000000000000001 " +
		"00000000000000000000000000000002 8000f7ff00010001"
	cut := strings.ReplaceAll(full, " ", "")[:2*(14+30)]
	long := strings.Replace(full, "6000000000083a40", "6000000000143a40", 1) // payload length 20
	inIPv4 := "00005e005302 00005e005301 0800 45000044000100004029f6a0c0000201c0000202 " +
		"6000000000083a40 00000000000000000000000000000001 0000000000000000"
	checkLineCases(t, []lineCase{
		{name: "cut header", lt: linktype.Ethernet, frames: []string{cut, inIPv4}, flags: []string{"-t"},
			opts: decode.LineOptions{Time: decode.TimeNone},
			want: " [|ip6]\nIP truncated-ip - 16 bytes missing! 192.0.2.1 > 192.0.2.2:  [|ip6]\n"},
		{name: "cut header -e", lt: linktype.Ethernet, frames: []string{cut}, flags: []string{"-t", "-e"},
			opts: decode.LineOptions{Time: decode.TimeNone, Link: true},
			want: "00:00:5e:00:53:01 > 00:00:5e:00:53:02, ethertype IPv6 (0x86dd), length 44:  [|ip6]\n"},
		{name: "payload past the frame", lt: linktype.Ethernet, frames: []string{long}, flags: []string{"-t"},
			opts: decode.LineOptions{Time: decode.TimeNone},
			want: "IP6 truncated-ip6 - 12 bytes missing!::1 > ::2: ICMP6, echo request, id 1, seq 1, length 20\n"},
		{name: "payload past the frame -v", lt: linktype.Ethernet, frames: []string{long}, flags: []string{"-t", "-v"},
			opts: decode.LineOptions{Time: decode.TimeNone, Verbose: 1},
			want: "IP6 truncated-ip6 - 12 bytes missing!(hlim 64, next-header ICMPv6 (58) payload length: 20) ::1 > ::2: ICMP6, echo request, id 1, seq 1\n"},
		{name: "payload past the frame -e", lt: linktype.Ethernet, frames: []string{long}, flags: []string{"-t", "-e"},
			opts: decode.LineOptions{Time: decode.TimeNone, Link: true},
			want: "00:00:5e:00:53:01 > 00:00:5e:00:53:02, ethertype IPv6 (0x86dd), length 62: truncated-ip6 - 12 bytes missing!::1 > ::2: ICMP6, echo request, id 1, seq 1, length 20\n"},
	})
}
