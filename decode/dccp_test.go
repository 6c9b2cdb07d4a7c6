package decode_test

import (
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// DCCP frames: a Request and a DataAck with partial checksum coverage
// (tcpdump's tests_dccp_partial_csum_v4_simple.pcap, frames 1 and 4), and
// crafted ones: a CloseReq with a bad checksum, a DataAck over IPv6 with
// a bad checksum, an Ack cut short inside its acknowledgement number.
const (
	dccpRequestFrame = "0014225955510007e9bd5d1f080045000034758f400040210b1d8b85d1b08b85d141cdbb13890800a76601000007b8bb924000000000200405022204010220040102"
	dccpDataAckFrame = "0014225955510007e9bd5d1f0800450000447591400040210b0b8b85d1b08b85d141cdbb138909019dfa09000007b8bb92420000000072c5835100002603002b04004625030168656c6c6f20776f726c640a"
	dccpBadCloseReq  = "000102030405000a0b0c0d0e08004500002c00014000402126ae0a0000020a00000107d003e80600de840b000000000001f50000000000000066"
	dccpBadDataAckV6 = "000102030405000a0b0c0d0e86dd60000000001d214020010db800000000000000000000000120010db800000000000000000000000203e807d0060053ed0900000000000065000000000000038468656c6c6f"
	dccpTruncatedAck = "000102030405000a0b0c0d0e08004500003000014000402126aa0a0000010a00000203e807d00700a4a10700"
	// Written with the captured length as the wire's, the IP header
	// says more than there is: tcpdump prints no ports.
	dccpTruncatedWant = "IP truncated-ip - 18 bytes missing! (tos 0x0, ttl 64, id 1, offset 0, flags [DF], proto DCCP (33), length 48)\n     [|dccp]\n"
)

var dccpFrames = []string{dccpRequestFrame, dccpDataAckFrame, dccpBadCloseReq, dccpBadDataAckV6, dccpTruncatedAck}

func TestDCCPLines(t *testing.T) {
	vv := decode.LineOptions{Time: decode.TimeNone, Verbose: 2}
	checkLineCases(t, []lineCase{
		{name: "request", lt: linktype.Ethernet, frames: []string{dccpRequestFrame}, flags: []string{"-t"},
			opts: decode.LineOptions{Time: decode.TimeNone},
			want: "IP 139.133.209.176.52667 > 139.133.209.65.5001: DCCP DCCP-Request (service=0) \n"},
		{name: "request -vv", lt: linktype.Ethernet, frames: []string{dccpRequestFrame}, flags: []string{"-t", "-vv"}, opts: vv,
			want: "IP (tos 0x0, ttl 64, id 30095, offset 0, flags [DF], proto DCCP (33), length 52)\n" +
				"    139.133.209.176.52667 > 139.133.209.65.5001: DCCP (CCVal 0, CsCov 0, cksum 0xa766 (correct)) DCCP-Request (service=0) seq 33164071488 <change_l ack_ratio 2, change_r ccid 2, change_l ccid 2>\n"},
		{name: "partial coverage -vv", lt: linktype.Ethernet, frames: []string{dccpDataAckFrame}, flags: []string{"-t", "-vv"}, opts: vv,
			want: "IP (tos 0x0, ttl 64, id 30097, offset 0, flags [DF], proto DCCP (33), length 68)\n" +
				"    139.133.209.176.52667 > 139.133.209.65.5001: DCCP (CCVal 0, CsCov 1, cksum 0x9dfa (correct)) DCCP-DataAck (ack=1925546833) seq 33164071490 <nop, nop, ack_vector0 0x00, elapsed_time 70, ndp_count 1>\n"},
		{name: "partial coverage -q", lt: linktype.Ethernet, frames: []string{dccpDataAckFrame}, flags: []string{"-t", "-q"},
			opts: decode.LineOptions{Time: decode.TimeNone, Quiet: true},
			want: "IP 139.133.209.176.52667 > 139.133.209.65.5001: DCCP 12\n"},
		{name: "bad checksum -vv", lt: linktype.Ethernet, frames: []string{dccpBadCloseReq}, flags: []string{"-t", "-vv"}, opts: vv,
			want: "IP (tos 0x0, ttl 64, id 1, offset 0, flags [DF], proto DCCP (33), length 44)\n" +
				"    10.0.0.2.2000 > 10.0.0.1.1000: DCCP (CCVal 0, CsCov 0, cksum 0xde84 (incorrect -> 0xccb0)) DCCP-CloseReq (ack=102) seq 501\n"},
		{name: "ipv6 bad checksum -vv", lt: linktype.Ethernet, frames: []string{dccpBadDataAckV6}, flags: []string{"-t", "-vv"}, opts: vv,
			want: "IP6 (hlim 64, next-header DCCP (33) payload length: 29) 2001:db8::1.1000 > 2001:db8::2.2000: DCCP (CCVal 0, CsCov 0, cksum 0x53ed (incorrect -> 0x41d9)) DCCP-DataAck (ack=900) seq 101\n"},
		{name: "cut in the ack -vv", lt: linktype.Ethernet, frames: []string{dccpTruncatedAck}, flags: []string{"-t", "-vv"}, opts: vv,
			want: dccpTruncatedWant},
	})
}

// TestDCCPRelativeNumbers holds the tracker's stream index and relative
// numbers to tshark's: a Request and a Response give their directions'
// bases, later packets are numbered from them.
func TestDCCPRelativeNumbers(t *testing.T) {
	d := decode.NewDecoder()
	p, err := decode.NewFieldsPrinter([]string{"dccp.stream", "dccp.seq", "dccp.ack", "dccp.seq_raw"})
	if err != nil {
		t.Fatal(err)
	}
	var got string
	for i, h := range []string{dccpRequestFrame, dccpDataAckFrame} {
		f := mustHex(t, h)
		d.Decode(f, linktype.Ethernet)
		got += string(p.Append(nil, d, &decode.Frame{Number: i + 1, Time: time.Unix(int64(i), 0), Length: len(f)}))
	}
	// The DataAck's acknowledgement has no base: no Response was seen.
	want := "0\t\t\t33164071488\n0\t2\t\t33164071490\n"
	if got != want {
		t.Errorf("fields: got %q, want %q", got, want)
	}
}

func FuzzDCCP(f *testing.F) {
	for _, h := range dccpFrames {
		f.Add(mustHex(f, h))
	}
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2}}
	jp := &decode.JSONPrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{Precision: []int{6}}
	f.Fuzz(func(t *testing.T, frame []byte) {
		d.Decode(frame, linktype.Ethernet)
		fr := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
		_ = tp.Append(nil, d, &fr)
		_ = lp.Append(nil, d, &fr)
		_ = jp.Append(nil, d, &fr)
		_ = cp.Append(nil, d, &fr)
	})
}

// TestDCCPAllocatesNothing holds the tree, the one-liner and the packet
// list of DCCP packets to no allocation per packet.
func TestDCCPAllocatesNothing(t *testing.T) {
	var frames [][]byte
	for _, h := range dccpFrames {
		frames = append(frames, mustHex(t, h))
	}
	checkTreeAllocsNothing(t, frames, "Datagram Congestion Control Protocol")
	checkLineColumnsAllocNothing(t, frames)
}

// checkLineColumnsAllocNothing fails unless the one-liner (at -vv) and the
// packet list of each frame take 0 allocations once their buffers grew.
func checkLineColumnsAllocNothing(t *testing.T, frames [][]byte) {
	t.Helper()
	d := decode.NewDecoder()
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2, Location: time.UTC}}
	cp := &decode.ColumnsPrinter{Precision: []int{6}}
	buf := make([]byte, 0, 1<<16)
	for k, frame := range frames {
		n := 1
		f := decode.Frame{Number: n, Time: time.Unix(1700000000, 0), Length: len(frame)}
		d.Decode(frame, linktype.Ethernet)
		buf = lp.Append(buf[:0], d, &f)
		buf = cp.Append(buf[:0], d, &f)
		if got := testing.AllocsPerRun(20, func() {
			n++
			f.Number = n
			d.Decode(frame, linktype.Ethernet)
			buf = lp.Append(buf[:0], d, &f)
			buf = cp.Append(buf[:0], d, &f)
		}); got != 0 {
			t.Errorf("frame %d: %.1f allocations per packet, want 0", k, got)
		}
	}
}
