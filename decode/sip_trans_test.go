package decode_test

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/synth"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

// sipTransactions are SIP messages between 192.0.2.1 (A) and 192.0.2.2
// (B) over UDP that tshark 4.0 pairs, or does not, by its transaction
// records (one per Call-ID and direction): a response sent the request's
// way is no answer and spoils the record, so the right one that follows
// names no request; responses on other ports; an INVITE resent, its final
// response resent, CANCEL and ACK; and TCP segments holding several
// messages, each drawn as its own subtree.
func sipTransactions() []synth.Packet {
	rev := func(f []byte) []byte { // B to A
		var a [4]byte
		copy(a[:], f[26:30])
		copy(f[26:30], f[30:34])
		copy(f[30:34], a[:])
		return f
	}
	msg := func(first, cid string, n int, m string) string {
		return first + "\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK" + cid + "\r\nCall-ID: " + cid +
			"\r\nCSeq: " + strconv.Itoa(n) + " " + m + "\r\nContent-Length: 0\r\n\r\n"
	}
	req := func(m, cid string, n int) string { return msg(m+" sip:b@192.0.2.2 SIP/2.0", cid, n, m) }
	resp := func(code, m, cid string, n int) string { return msg("SIP/2.0 "+code, cid, n, m) }
	frames := [][]byte{
		appFrame([]byte(req("OPTIONS", "t1", 1)), 5060, 5060, false),
		appFrame([]byte(resp("200 OK", "OPTIONS", "t1", 1)), 5060, 5060, false),
		rev(appFrame([]byte(resp("200 OK", "OPTIONS", "t1", 1)), 5060, 5060, false)),
		appFrame([]byte(req("INVITE", "t2", 1)), 5070, 5060, false),
		rev(appFrame([]byte(resp("100 Trying", "INVITE", "t2", 1)), 5060, 5070, false)),
		appFrame([]byte(req("INVITE", "t2", 1)), 5070, 5060, false),
		rev(appFrame([]byte(resp("180 Ringing", "INVITE", "t2", 1)), 5060, 5071, false)),
		rev(appFrame([]byte(resp("200 OK", "INVITE", "t2", 1)), 5060, 5070, false)),
		rev(appFrame([]byte(resp("200 OK", "INVITE", "t2", 1)), 5060, 5070, false)),
		appFrame([]byte(req("ACK", "t2", 1)), 5070, 5060, false),
		appFrame([]byte(req("BYE", "t2", 2)), 5070, 5060, false),
		rev(appFrame([]byte(resp("200 OK", "BYE", "t2", 2)), 5060, 5070, false)),
		appFrame([]byte(req("INVITE", "t3", 1)), 5080, 5060, false),
		appFrame([]byte(req("CANCEL", "t3", 1)), 5080, 5060, false),
		rev(appFrame([]byte(resp("200 OK", "CANCEL", "t3", 1)), 5060, 5080, false)),
		rev(appFrame([]byte(resp("487 Request Terminated", "INVITE", "t3", 1)), 5060, 5080, false)),
		appFrame([]byte(req("ACK", "t3", 1)), 5080, 5060, false),
		appFrame([]byte(req("MESSAGE", "t4", 1)+req("BYE", "t5", 2)), 5090, 5060, true),
		appFrame([]byte(resp("200 OK", "MESSAGE", "t4", 1)+req("OPTIONS", "t6", 3)+resp("486 Busy Here", "INVITE", "t7", 4)), 5091, 5060, true),
	}
	var pkts []synth.Packet
	for i, f := range frames {
		pkts = append(pkts, synth.Packet{Data: f, Time: voipStart.Add(time.Duration(i)*time.Second + time.Duration(i)*1500*time.Microsecond)})
	}
	return pkts
}

// TestSIPTransactionsMatchTshark holds rawcap's -V lines (every SIP line
// tshark prints, and no other), packet list and sip.* pairing fields to
// tshark's, and the one-liners to tcpdump's.
func TestSIPTransactionsMatchTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	tcpdump := testshared.Oracle(t, "tcpdump")
	pkts := sipTransactions()
	path := writeVoIPCapture(t, "siptrans.pcap", pkts)
	voipColumns(t, path, pkts, nil)
	theirs, matched := voipTree(t, path, pkts, nil)
	t.Logf("%d packets: rows as tshark's; -V: tshark printed %d lines, rawcap %d of them, 0 other", len(pkts), theirs, matched)

	// Every line of tshark's SIP subtrees.
	frames := splitFrames(string(testshared.Tshark(t, "voip-tree", path, "-V")))
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	var buf []byte
	sipLines, sipSame := 0, 0
	for i, pk := range pkts {
		d.Decode(pk.Data, linktype.Ethernet)
		f := decode.Frame{Number: i + 1, Time: pk.Time, Length: len(pk.Data)}
		buf = tp.Append(buf[:0], d, &f)
		want, got := sipSubtrees(frames[i]), sipSubtrees(string(buf))
		sipLines += len(strings.Split(want, "\n"))
		if want == got {
			sipSame += len(strings.Split(want, "\n"))
		} else {
			t.Errorf("frame %d: SIP subtrees differ:\nrawcap:\n%s\ntshark:\n%s", i+1, got, want)
		}
	}
	t.Logf("SIP subtrees: %d/%d of tshark's lines", sipSame, sipLines)

	names := []string{"sip.resend", "sip.resend-original", "sip.response-request", "sip.response-time", "sip.release-time", "sip.CSeq.method"}
	args := []string{"-T", "fields", "-E", "separator=|"}
	for _, n := range names {
		args = append(args, "-e", n)
	}
	want := strings.Split(strings.TrimRight(string(testshared.Tshark(t, "sip-fields", path, args...)), "\n"), "\n")
	fp, err := decode.NewFieldsPrinter(names)
	if err != nil {
		t.Fatal(err)
	}
	fp.Separator = "|"
	d = decode.NewDecoder()
	for i, pk := range pkts {
		d.Decode(pk.Data, linktype.Ethernet)
		f := decode.Frame{Number: i + 1, Time: pk.Time, Length: len(pk.Data)}
		if i >= 17 {
			// The TCP segments: rawcap emits the fields of their
			// first message only (-V draws each).
			continue
		}
		if got := strings.TrimSuffix(string(fp.Append(buf[:0], d, &f)), "\n"); got != want[i] {
			t.Errorf("frame %d: -T fields %q, tshark %q", i+1, got, want[i])
		}
	}

	for _, opts := range [][]string{{}, {"-v"}} {
		cmd := exec.Command(tcpdump, append(append([]string{"-n"}, opts...), "-r", path)...)
		cmd.Env = append(os.Environ(), "TZ=UTC")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("tcpdump %v: %v", opts, err)
		}
		chunks := splitTcpdump(out)
		lp := &decode.LinePrinter{Options: lineOptionsFor(opts)}
		d := decode.NewDecoder()
		for i, pk := range pkts {
			d.Decode(pk.Data, linktype.Ethernet)
			f := decode.Frame{Number: i + 1, Time: pk.Time, Length: len(pk.Data)}
			if got := string(lp.Append(nil, d, &f)); i >= len(chunks) || got != chunks[i] {
				t.Errorf("tcpdump -n %v, frame %d:\n tcpdump: %q\n rawcap:  %q", opts, i+1, chunks[min(i, len(chunks)-1)], got)
			}
		}
	}
}

// sipSubtrees returns the lines of a frame's tree from its first "Session
// Initiation Protocol" line on.
func sipSubtrees(tree string) string {
	k := strings.Index(tree, "\nSession Initiation Protocol")
	if k < 0 {
		return ""
	}
	return strings.TrimRight(tree[k+1:], "\n")
}
