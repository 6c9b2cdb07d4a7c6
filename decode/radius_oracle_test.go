package decode_test

import (
	"encoding/binary"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/synth"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

// radiusExchange builds requests and responses between a NAS and a
// server: a duplicated Access-Request and a duplicated Accept, an
// Accounting exchange, a response to no request, the same identifier with
// a new authenticator (a new request), a duplicate request after its
// response, a Disconnect-ACK before its request then a Disconnect-NAK, the
// same identifier under another code, and a Reject after an Accept (not a
// duplicate: another code).
func radiusExchange(start time.Time) []synth.Packet {
	c, s := [4]byte{10, 0, 0, 1}, [4]byte{10, 0, 0, 2}
	a1, a2 := make([]byte, 16), make([]byte, 16)
	for k := range 16 {
		a1[k], a2[k] = byte(k), byte(16+k)
	}
	msg := func(code, id byte, auth []byte, attrs ...[]byte) []byte {
		m := append([]byte{code, id, 0, 0}, auth...)
		for _, a := range attrs {
			m = append(m, a...)
		}
		binary.BigEndian.PutUint16(m[2:], uint16(len(m)))
		return m
	}
	user := radiusStr(1, "alice")
	var pk []synth.Packet
	add := func(src, dst [4]byte, sp, dp uint16, b []byte) {
		pk = append(pk, synth.Packet{Data: tftpUDP(src, dst, sp, dp, b), Time: start.Add(time.Duration(len(pk)) * 250 * time.Millisecond)})
	}
	add(c, s, 40000, 1812, msg(1, 1, a1, user, radiusAttr(4, 1, 2, 3, 4)))
	add(c, s, 40000, 1812, msg(1, 1, a1, user, radiusAttr(4, 1, 2, 3, 4)))
	add(s, c, 1812, 40000, msg(2, 1, a2, radiusStr(18, "ok")))
	add(s, c, 1812, 40000, msg(2, 1, a2, radiusStr(18, "ok")))
	add(c, s, 40001, 1813, msg(4, 5, a1, radiusStr(1, "bob")))
	add(s, c, 1813, 40001, msg(5, 5, a2))
	add(s, c, 1812, 40002, msg(3, 9, a2))
	add(c, s, 40000, 1812, msg(1, 1, a2, user))
	add(s, c, 1812, 40000, msg(11, 1, a1))
	add(c, s, 40000, 1812, msg(1, 1, a2, user))
	add(s, c, 3799, 40005, msg(41, 7, a2))
	add(c, s, 40005, 3799, msg(40, 7, a1))
	add(s, c, 3799, 40005, msg(42, 7, a2))
	add(c, s, 40000, 1812, msg(4, 1, a1, user))
	add(s, c, 1812, 40000, msg(5, 1, a2))
	add(s, c, 1812, 40000, msg(3, 1, a2))
	return pk
}

func TestRADIUSExchangeMatchesTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	pkts := radiusExchange(tftpStart)
	path := writeVoIPCapture(t, "radius.pcap", pkts)
	theirs, matched := voipTree(t, path, pkts, nil)
	t.Logf("-V: tshark printed %d lines, rawcap %d of them (%.1f%%), 0 other", theirs, matched, 100*float64(matched)/float64(theirs))
	if matched != theirs {
		t.Errorf("-V: rawcap printed %d of tshark's %d lines, want all", matched, theirs)
	}
	voipColumns(t, path, pkts, nil)
	trackedFields(t, "radius-fields", path, pkts, []string{"radius.code", "radius.id", "radius.req", "radius.rsp",
		"radius.reqframe", "radius.rspframe", "radius.time", "radius.dup", "radius.req.dup", "radius.rsp.dup"})

	testshared.Oracle(t, "tcpdump")
	for _, opts := range [][]string{{}, {"-v"}, {"-vv"}} {
		cmd := exec.Command("tcpdump", append(append([]string{"-n"}, opts...), "-r", path)...)
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
				t.Errorf("tcpdump -n %v, packet %d:\n tcpdump: %q\n rawcap:  %q", opts, i+1, chunks[min(i, len(chunks)-1)], got)
			}
		}
	}
}
