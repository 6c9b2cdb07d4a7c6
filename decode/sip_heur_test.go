package decode_test

import (
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/synth"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

// sipHeurVectors are SIP messages off port 5060 (tshark 4.0's SIP
// heuristic on UDP and TCP takes them by their first line), texts it
// turns down, and TCP segments holding several messages (tshark
// dissects each).
var sipHeurVectors = []struct {
	name         string
	sport, dport uint16
	tcp          bool
	payload      string
}{
	{"udp request off 5060", 5080, 5080, false, "OPTIONS sip:a@b SIP/2.0\r\nCall-ID: h1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"},
	{"udp response off 5060", 5080, 5080, false, "SIP/2.0 200 OK\r\nCall-ID: h1r\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"},
	{"udp request high ports", 40000, 40002, false, "MESSAGE sip:x@y.example SIP/2.0\r\nCall-ID: h2\r\nCSeq: 2 MESSAGE\r\nContent-Length: 0\r\n\r\n"},
	{"udp unknown method", 7777, 7777, false, "FOO sip:a@b SIP/2.0\r\n\r\n"},
	{"udp one space", 7778, 7778, false, "hello SIP/2.0\r\n\r\n"},
	{"udp lower version", 7779, 7779, false, "OPTIONS sip:a@b SIP/1.0\r\n\r\n"},
	{"udp status no reason", 7780, 7780, false, "SIP/2.0 200\r\nContent-Length: 0\r\n\r\n"},
	{"udp status no reason 5060", 5060, 5060, false, "SIP/2.0 200\r\nContent-Length: 0\r\n\r\n"},
	{"udp status letters", 7781, 7781, false, "SIP/2.0 2x0 OK\r\n\r\n"},
	{"tcp request off 5060", 41000, 5070, true, "OPTIONS sip:a@b SIP/2.0\r\nCall-ID: h3\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"},
	{"tcp two messages 5060", 41001, 5060, true, "OPTIONS sip:a@b SIP/2.0\r\nCall-ID: m1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n" +
		"OPTIONS sip:c@d SIP/2.0\r\nCall-ID: m2\r\nCSeq: 2 OPTIONS\r\nContent-Length: 0\r\n\r\n"},
	{"tcp two messages off 5060", 41002, 5072, true, "SIP/2.0 200 OK\r\nCall-ID: m3\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n" +
		"SIP/2.0 486 Busy Here\r\nCall-ID: m4\r\nCSeq: 2 INVITE\r\nContent-Length: 0\r\n\r\n"},
	{"tcp three messages", 41003, 5060, true, "MESSAGE sip:a@b SIP/2.0\r\nCall-ID: m5\r\nCSeq: 1 MESSAGE\r\nContent-Length: 0\r\n\r\n" +
		"SIP/2.0 200 OK\r\nCall-ID: m6\r\nCSeq: 1 MESSAGE\r\nContent-Length: 0\r\n\r\n" +
		"BYE sip:a@b SIP/2.0\r\nCall-ID: m7\r\nCSeq: 3 BYE\r\nContent-Length: 0\r\n\r\n"},
	{"tcp message then junk", 41004, 5060, true, "OPTIONS sip:a@b SIP/2.0\r\nCall-ID: m8\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\nxyz\r\n"},
}

func sipHeurPackets() []synth.Packet {
	var pkts []synth.Packet
	for i, v := range sipHeurVectors {
		pkts = append(pkts, synth.Packet{Data: appFrame([]byte(v.payload), v.sport, v.dport, v.tcp), Time: voipStart.Add(time.Duration(i) * time.Second)})
	}
	return pkts
}

// TestSIPHeuristicMatchesTshark holds the vectors' packet list to
// tshark's, their -V lines to tshark's (every line rawcap prints is
// tshark's, in order) and their one-liners to tcpdump's.
func TestSIPHeuristicMatchesTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	tcpdump := testshared.Oracle(t, "tcpdump")
	pkts := sipHeurPackets()
	path := writeVoIPCapture(t, "sipheur.pcap", pkts)
	voipColumns(t, path, pkts, nil)
	theirs, matched := voipTree(t, path, pkts, nil)
	t.Logf("%d packets: rows as tshark's; -V: tshark printed %d lines, rawcap %d of them, 0 other", len(pkts), theirs, matched)
	for _, opts := range [][]string{{}, {"-v"}, {"-q"}} {
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
				t.Errorf("tcpdump -n %v, %s:\n tcpdump: %q\n rawcap:  %q", opts, sipHeurVectors[i].name, chunks[min(i, len(chunks)-1)], got)
			}
		}
	}
}

func TestSIPHeuristicLayers(t *testing.T) {
	want := map[string]bool{ // the vectors rawcap takes for SIP
		"udp request off 5060": true, "udp response off 5060": true, "udp request high ports": true,
		"udp unknown method": true, "tcp request off 5060": true, "tcp two messages 5060": true,
		"tcp two messages off 5060": true, "tcp three messages": true, "tcp message then junk": true,
	}
	d := decode.NewDecoder()
	for _, v := range sipHeurVectors {
		d.Decode(appFrame([]byte(v.payload), v.sport, v.dport, v.tcp), linktype.Ethernet)
		sip := false
		for _, l := range d.Layers() {
			sip = sip || l.Type == decode.LayerSIP
		}
		if sip != want[v.name] {
			t.Errorf("%s: SIP %v, want %v", v.name, sip, want[v.name])
		}
	}
}
