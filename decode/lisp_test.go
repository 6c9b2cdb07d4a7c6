package decode_test

import (
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// LISP control messages from tcpdump's test captures: a Map-Register with
// an xTR-ID and a record of two locators (tests_lisp_eid_register.pcap,
// frame 2), a Map-Notify with IPv6 EID prefixes (tests_lisp_ipv6.pcap,
// frame 2) and a Map-Notify whose first record has an EID prefix AFI
// neither tool reads (tests_lisp_invalid.pcap, frame 1).
const (
	lispRegisterFrame = "ffffffffffff00000000000008004500009c0001000040113a3ec0a800697f00000110f610f60088cc6132001102c4218228892d20a4000100144bbb9614a67a86040407799545371906836cd1d6000005a001201000000000010a1e01640164016400000001141408fd000005a002201000000000010a1e01600164016400000001141408fb0164016400000001141408fc9787ad753caf58a713fa6920e6d27a8f0000000000000000"
	lispNotifyV6Frame = "ffffffffffff0000000000000800450000900001000040113a4ac0a800697f00000110f610f6007c466240000102c4218228892d20a4000100144bbb9614a67a86040407799545371906836cd1d6000005a0015010000000000220010db885a3000000008a2e037073340164016400000001141408fd000005a0015010000000000220010db895a3000000008a2e037073340164016400000001141408fb"
	lispBadAFIFrame   = "ffffffffffff0000000000000800450000a00001000040113a3ac0a800697f00000110f610f6008c452e40000103c4218228892d20a4000100144bbb9614a67a86040407799545371906836cd1d6000005a00120100200001e000a0101640164016400000001141408fd000005a002201000000000010a1e01600164016400000001141408fb0164016400000001141408fc000005a001201000000000010a1e01500164016400000001141408ef"
)

func TestLISPLines(t *testing.T) {
	none := decode.LineOptions{Time: decode.TimeNone}
	v := decode.LineOptions{Time: decode.TimeNone, Verbose: 1}
	checkLineCases(t, []lineCase{
		{name: "map-register", lt: linktype.Ethernet, frames: []string{lispRegisterFrame}, flags: []string{"-t"}, opts: none,
			want: "IP 192.168.0.105.4342 > 127.0.0.1.4342: LISP-Map-Register, 2 record(s),\n" +
				" EID 10.30.1.100/32, 1 locator(s) LOC 20.20.8.253\n" +
				" EID 10.30.1.96/32, 2 locator(s) LOC 20.20.8.251 LOC 20.20.8.252\n" +
				"    xTR-ID: 0x0000:  9787 ad75 3caf 58a7 13fa 6920 e6d2 7a8f\n" +
				"    SITE-ID: 0\n"},
		{name: "map-notify ipv6 -v", lt: linktype.Ethernet, frames: []string{lispNotifyV6Frame}, flags: []string{"-t", "-v"}, opts: v,
			want: "IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto UDP (17), length 144)\n" +
				"    192.168.0.105.4342 > 127.0.0.1.4342: LISP-Map-Notify, flags [none],\n" +
				"    2 record(s), Authentication SHA1,\n" +
				"    Authentication-Data: 0x0000:  4bbb 9614 a67a 8604 0407 7995 4537 1906\n" +
				"    Authentication-Data: 0x0010:  836c d1d6\n" +
				"      Record TTL 1440, Authoritative, No-Action, Map Version: 0, EID 2001:db8:85a3::8a2e:370:7334/80, 1 locator(s)\n" +
				"        LOC 20.20.8.253\n" +
				"          Priority/Weight 1/100, Multicast Priority/Weight 1/100, flags [none],\n" +
				"      Record TTL 1440, Authoritative, No-Action, Map Version: 0, EID 2001:db8:95a3::8a2e:370:7334/80, 1 locator(s)\n" +
				"        LOC 20.20.8.251\n" +
				"          Priority/Weight 1/100, Multicast Priority/Weight 1/100, flags [none],\n"},
		{name: "unknown EID AFI -v", lt: linktype.Ethernet, frames: []string{lispBadAFIFrame}, flags: []string{"-t", "-v"}, opts: v,
			want: "IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto UDP (17), length 160)\n" +
				"    192.168.0.105.4342 > 127.0.0.1.4342: LISP-Map-Notify, flags [none],\n" +
				"    3 record(s), Authentication SHA1,\n" +
				"    Authentication-Data: 0x0000:  4bbb 9614 a67a 8604 0407 7995 4537 1906\n" +
				"    Authentication-Data: 0x0010:  836c d1d6\n" +
				"      Record TTL 1440, Authoritative, No-Action, Map Version: 0,\n"},
	})
}

func FuzzLISP(f *testing.F) {
	for _, h := range []string{lispRegisterFrame, lispNotifyV6Frame, lispBadAFIFrame} {
		f.Add(mustHex(f, h)[42:])
	}
	base := mustHex(f, lispNotifyV6Frame)[:42]
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 1}}
	jp := &decode.JSONPrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{Precision: []int{6}}
	f.Fuzz(func(t *testing.T, msg []byte) {
		// The message in the Map-Notify's UDP datagram, the lengths
		// left as they were: shorter or longer than what follows.
		frame := append(append([]byte(nil), base...), msg...)
		d.Decode(frame, linktype.Ethernet)
		fr := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
		_ = tp.Append(nil, d, &fr)
		_ = lp.Append(nil, d, &fr)
		_ = jp.Append(nil, d, &fr)
		_ = cp.Append(nil, d, &fr)
	})
}

// TestLISPAllocatesNothing holds the tree, the one-liner and the packet
// list of LISP messages to no allocation per packet.
func TestLISPAllocatesNothing(t *testing.T) {
	var frames [][]byte
	for _, h := range []string{lispRegisterFrame, lispNotifyV6Frame, lispBadAFIFrame} {
		frames = append(frames, mustHex(t, h))
	}
	checkTreeAllocsNothing(t, frames, "Locator/ID Separation Protocol")
	checkLineColumnsAllocNothing(t, frames)
}
