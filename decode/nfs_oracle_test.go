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

// The corpus holds seven NFS packets, most of them damaged, so a generated
// session is the evidence for RPC and NFS: synth.NFSSession builds one (a
// Portmap GETPORT, NFS v3 calls of twenty procedures with their replies, a
// call the server does not have and one it refuses, two v2 calls, then a
// GETATTR and a WRITE over TCP), written into a temporary capture and read
// by rawcap, tshark and tcpdump.

var nfsStart = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

func TestNFSSessionMatchesTcpdump(t *testing.T) {
	testshared.Oracle(t, "tcpdump")
	pkts := synth.NFSSession(nfsStart)
	path := writeVoIPCapture(t, "nfs.pcap", pkts)
	for _, opts := range [][]string{{}, {"-v"}, {"-vv"}, {"-q"}, {"-e"}, {"-x"}} {
		cmd := exec.Command("tcpdump", append(append([]string{"-n"}, opts...), "-r", path)...)
		cmd.Env = append(os.Environ(), "TZ=UTC")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("tcpdump %v: %v", opts, err)
		}
		chunks := splitTcpdump(out)
		if len(chunks) != len(pkts) {
			t.Fatalf("tcpdump %v printed %d packets for %d", opts, len(chunks), len(pkts))
		}
		lp := &decode.LinePrinter{Options: lineOptionsFor(opts)}
		d := decode.NewDecoder()
		same := 0
		for i, pk := range pkts {
			d.Decode(pk.Data, linktype.Ethernet)
			f := decode.Frame{Number: i + 1, Time: pk.Time, Length: len(pk.Data)}
			if got := string(lp.Append(nil, d, &f)); got != chunks[i] {
				t.Errorf("tcpdump -n %v, packet %d:\n tcpdump: %q\n rawcap:  %q", opts, i+1, chunks[i], got)
				continue
			}
			same++
		}
		t.Logf("tcpdump -n %v: %d of %d packets agree", opts, same, len(pkts))
	}
}
