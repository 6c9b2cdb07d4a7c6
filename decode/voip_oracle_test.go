package decode_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/synth"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// The corpus holds almost no VoIP, so a generated call is the evidence for
// SIP, SDP, RTP and RTCP: synth.SIPCall builds one (INVITE with an SDP
// offer, 100, 180, 200 with the answer, ACK, RTP both ways with three
// payload types, RTCP SR+SDES, RR+SDES, APP, RR+BYE, BYE and its 200 OK,
// then OPTIONS and its 200 OK with SDP over TCP), written into a temporary
// capture and read by rawcap, tshark and tcpdump.

// writeVoIPCapture writes pkts into a pcap file under t.TempDir().
func writeVoIPCapture(t *testing.T, name string, pkts []synth.Packet) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w, err := pcapio.NewPcapWriter(f, pcapio.PcapWriterOptions{LinkType: linktype.Ethernet})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pkts {
		pk := pcapio.Packet{Data: p.Data, Time: p.Time, Length: len(p.Data)}
		if err := w.WritePacket(&pk); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

var voipStart = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

// voipDecoder returns a decoder with the --decode-as rules applied.
func voipDecoder(t *testing.T, decodeAs []string) *decode.Decoder {
	d := decode.NewDecoder()
	for _, r := range decodeAs {
		if err := d.Ports.SetDecodeAs(r); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

// voipTree compares rawcap -V with tshark -V frame by frame: every line
// rawcap prints must be tshark's, in order. It returns the lines tshark
// printed and how many of them rawcap printed.
func voipTree(t *testing.T, path string, pkts []synth.Packet, decodeAs []string, tsharkArgs ...string) (theirs, matched int) {
	out := testshared.Tshark(t, "voip-tree", path, append([]string{"-V"}, tsharkArgs...)...)
	frames := splitFrames(string(out))
	if len(frames) != len(pkts) {
		t.Fatalf("tshark printed %d frames for %d packets", len(frames), len(pkts))
	}
	d := voipDecoder(t, decodeAs)
	p := &decode.TreePrinter{Location: time.UTC}
	var buf []byte
	for i, pk := range pkts {
		d.Decode(pk.Data, linktype.Ethernet)
		f := decode.Frame{Number: i + 1, Time: pk.Time, Length: len(pk.Data)}
		buf = p.Append(buf[:0], d, &f)
		want := strings.Split(frames[i], "\n")
		theirs += len(want)
		j := 0
		for _, line := range strings.Split(strings.TrimSpace(string(buf)), "\n") {
			k := j
			for k < len(want) && want[k] != line {
				k++
			}
			if k == len(want) {
				t.Errorf("frame %d: line %q is not in tshark's tree (in order)", i+1, line)
				continue
			}
			matched++
			j = k + 1
		}
	}
	return theirs, matched
}

// voipColumns compares rawcap --columns with tshark's packet list.
func voipColumns(t *testing.T, path string, pkts []synth.Packet, decodeAs []string, tsharkArgs ...string) {
	rows := splitRows(testshared.Tshark(t, "voip-columns", path, tsharkArgs...))
	if len(rows) != len(pkts) {
		t.Fatalf("tshark printed %d rows for %d packets", len(rows), len(pkts))
	}
	d := voipDecoder(t, decodeAs)
	cp := &decode.ColumnsPrinter{}
	var buf []byte
	for i, pk := range pkts {
		d.Decode(pk.Data, linktype.Ethernet)
		f := decode.Frame{Number: i + 1, Time: pk.Time, Length: len(pk.Data)}
		buf = cp.Append(buf[:0], d, &f)
		if got := strings.TrimSuffix(string(buf), "\n"); got != rows[i] {
			t.Errorf("row %d:\n tshark: %q\n rawcap: %q", i+1, rows[i], got)
		}
	}
}

// voipFieldNames are the fields rawcap declares for SIP, SDP, RTP and
// RTCP.
func voipFieldNames() []string {
	var names []string
	for _, p := range decode.Protocols() {
		switch p.Protocol.Name {
		case "sip", "sdp", "rtp", "rtcp":
			for i := range p.Fields {
				names = append(names, p.Fields[i].Name)
			}
		}
	}
	return names
}

// voipFieldsAllow lists (field, frame) pairs known to differ, with why.
var voipFieldsAllow = map[string]string{
	"sip.call_id_generated#24": "the SDP of a 200 OK over TCP that re-announces a port of the first call: tshark adds the first call's Call-ID too",
}

func TestVoIPCallMatchesTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	pkts := synth.SIPCall(voipStart)
	path := writeVoIPCapture(t, "sipcall.pcap", pkts)

	theirs, matched := voipTree(t, path, pkts, nil)
	t.Logf("-V: tshark printed %d lines, rawcap %d of them (%.1f%%), 0 other", theirs, matched, 100*float64(matched)/float64(theirs))
	if matched*100 < theirs*99 {
		t.Errorf("-V: rawcap printed %d of tshark's %d lines, want ≥ 99%%", matched, theirs)
	}
	voipColumns(t, path, pkts, nil)

	// -T fields: every declared field, one run each side.
	names := voipFieldNames()
	args := []string{"-T", "fields"}
	for _, n := range names {
		args = append(args, "-e", n)
	}
	rows := splitRows(testshared.Tshark(t, "voip-fields", path, args...))
	if len(rows) != len(pkts) {
		t.Fatalf("tshark -T fields printed %d rows for %d packets", len(rows), len(pkts))
	}
	fp, err := decode.NewFieldsPrinter(names)
	if err != nil {
		t.Fatal(err)
	}
	d := decode.NewDecoder()
	same, values := 0, 0
	var buf []byte
	for i, pk := range pkts {
		d.Decode(pk.Data, linktype.Ethernet)
		f := decode.Frame{Number: i + 1, Time: pk.Time, Length: len(pk.Data)}
		buf = fp.Append(buf[:0], d, &f)
		got := strings.Split(strings.TrimSuffix(string(buf), "\n"), "\t")
		want := strings.Split(rows[i], "\t")
		if len(got) != len(want) {
			t.Fatalf("frame %d: %d columns, tshark %d", i+1, len(got), len(want))
		}
		for k := range names {
			if want[k] != "" {
				values++
			}
			if got[k] == want[k] {
				if want[k] != "" {
					same++
				}
				continue
			}
			if _, ok := voipFieldsAllow[fmt.Sprintf("%s#%d", names[k], i+1)]; ok {
				continue
			}
			t.Errorf("frame %d %s: tshark %q, rawcap %q", i+1, names[k], want[k], got[k])
		}
	}
	t.Logf("-T fields: %d fields × %d frames, %d of tshark's %d values identical", len(names), len(pkts), same, values)

	// tcpdump's one-liners.
	testshared.Oracle(t, "tcpdump")
	for _, opts := range [][]string{{}, {"-v"}, {"-vv"}, {"-q"}, {"-e"}} {
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
		for i, pk := range pkts {
			d.Decode(pk.Data, linktype.Ethernet)
			f := decode.Frame{Number: i + 1, Time: pk.Time, Length: len(pk.Data)}
			if got := string(lp.Append(nil, d, &f)); got != chunks[i] {
				t.Errorf("tcpdump -n %v, packet %d:\n tcpdump: %q\n rawcap:  %q", opts, i+1, chunks[i], got)
			}
		}
	}
}

// TestVoIPDecodeAsMatchesTshark reads the call's RTP and RTCP without the
// SIP that set them up: rawcap's --decode-as udp.port=49170:rtp against
// tshark's -d udp.port==49170,rtp (and the same for RTCP on 49171).
func TestVoIPDecodeAsMatchesTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	var pkts []synth.Packet
	for _, p := range synth.SIPCall(voipStart) {
		// The datagrams from or to Alice's media ports.
		if len(p.Data) > 38 && p.Data[23] == 17 {
			sp, dp := int(p.Data[34])<<8|int(p.Data[35]), int(p.Data[36])<<8|int(p.Data[37])
			if sp == synth.SIPAliceRTPPort || dp == synth.SIPAliceRTPPort || sp == synth.SIPAliceRTPPort+1 || dp == synth.SIPAliceRTPPort+1 {
				pkts = append(pkts, p)
			}
		}
	}
	path := writeVoIPCapture(t, "rtp.pcap", pkts)
	rules := []string{fmt.Sprintf("udp.port=%d:rtp", synth.SIPAliceRTPPort), fmt.Sprintf("udp.port=%d:rtcp", synth.SIPAliceRTPPort+1)}
	targs := []string{"-d", fmt.Sprintf("udp.port==%d,rtp", synth.SIPAliceRTPPort), "-d", fmt.Sprintf("udp.port==%d,rtcp", synth.SIPAliceRTPPort+1)}
	theirs, matched := voipTree(t, path, pkts, rules, targs...)
	t.Logf("-V with --decode-as: tshark printed %d lines, rawcap %d of them (%.1f%%), 0 other", theirs, matched, 100*float64(matched)/float64(theirs))
	if matched*100 < theirs*99 {
		t.Errorf("-V: rawcap printed %d of tshark's %d lines, want ≥ 99%%", matched, theirs)
	}
	voipColumns(t, path, pkts, rules, targs...)
}

// TestVoIPVectorsMatchTshark writes the damaged SIP vectors into a capture
// and compares rawcap's one-liners and packet list with tcpdump's and
// tshark's.
func TestVoIPVectorsMatchTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	testshared.Oracle(t, "tcpdump")
	var pkts []synth.Packet
	for i, v := range voipVectors {
		pkts = append(pkts, synth.Packet{Data: appFrame([]byte(v.payload), v.port, v.port, false), Time: voipStart.Add(time.Duration(i) * time.Second)})
	}
	path := writeVoIPCapture(t, "vectors.pcap", pkts)
	voipColumns(t, path, pkts, nil)
	theirs, matched := voipTree(t, path, pkts, nil)
	t.Logf("-V: tshark printed %d lines, rawcap %d of them, 0 other", theirs, matched)
	for _, opts := range [][]string{{}, {"-v"}, {"-q"}} {
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
				t.Errorf("tcpdump -n %v, %s:\n tcpdump: %q\n rawcap:  %q", opts, voipVectors[i].name, chunks[min(i, len(chunks)-1)], got)
			}
		}
	}
}
