package decode_test

import (
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// TestAppTruncatedMatchesTcpdump cuts every DNS, DHCPv4 and NTP vector at
// every length from the end of the UDP or TCP header on (as a short snap
// length would) and compares rawcap's lines, by default and with -v, with
// tcpdump's: a message cut short prints what it has and tcpdump's
// truncation mark.
func TestAppTruncatedMatchesTcpdump(t *testing.T) {
	if _, err := exec.LookPath("tcpdump"); err != nil {
		t.Skip("tcpdump not installed: differential test skipped")
	}
	type cut struct {
		name string
		data []byte
		wire int
	}
	var cuts []cut
	for _, vs := range [][]appVector{dnsVectors, dhcpVectors, ntpVectors} {
		for _, v := range vs {
			fr := appFrame(mustHex(t, v.hex), v.sport, v.dport, v.tcp)
			hdr := 14 + 20 + 8
			if v.tcp {
				hdr = 14 + 20 + 20
			}
			step := 1
			if len(fr) > 200 {
				step = 3
			}
			for n := hdr + 1; n < len(fr); n += step {
				cuts = append(cuts, cut{name: v.name, data: fr[:n], wire: len(fr)})
			}
		}
	}
	b := make([]byte, 24)
	binary.LittleEndian.PutUint32(b[0:], 0xa1b2c3d4)
	binary.LittleEndian.PutUint16(b[4:], 2)
	binary.LittleEndian.PutUint16(b[6:], 4)
	binary.LittleEndian.PutUint32(b[16:], 65535)
	binary.LittleEndian.PutUint32(b[20:], 1)
	for i, c := range cuts {
		var h [16]byte
		binary.LittleEndian.PutUint32(h[0:], uint32(1700000000+i))
		binary.LittleEndian.PutUint32(h[8:], uint32(len(c.data)))
		binary.LittleEndian.PutUint32(h[12:], uint32(c.wire))
		b = append(append(b, h[:]...), c.data...)
	}
	path := filepath.Join(t.TempDir(), "cut.pcap")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	d := decode.NewDecoder()
	for _, opts := range [][]string{{}, {"-v"}} {
		cmd := exec.Command("tcpdump", append(append([]string{"-n", "-tt"}, opts...), "-r", path)...)
		cmd.Env = append(os.Environ(), "TZ=UTC")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("tcpdump: %v", err)
		}
		chunks := appSplit(out)
		if len(chunks) != len(cuts) {
			t.Fatalf("tcpdump %v printed %d packets, want %d", opts, len(chunks), len(cuts))
		}
		lo := appLineOptions(opts)
		lo.Time = decode.TimeEpoch
		p := &decode.LinePrinter{Options: lo}
		agree, shown := 0, 0
		for i, c := range cuts {
			d.Decode(c.data, linktype.Ethernet)
			f := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: c.wire}
			got := string(p.Append(nil, d, &f))
			if got == chunks[i] {
				agree++
				continue
			}
			if shown++; shown <= 10 {
				t.Errorf("%s cut to %d of %d bytes %v: tcpdump (-want) vs rawcap (+got):\n%s", c.name, len(c.data), c.wire, opts, cmp.Diff(chunks[i], got))
			}
		}
		t.Logf("tcpdump %v: %d of %d cut messages agree", opts, agree, len(cuts))
	}
}
