package decode_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

// pimVector is a PIM message (hex, spaced; its checksum is filled in unless
// keepSum) sent over IPv4 (or IPv6) to the all-PIM-routers group.
type pimVector struct {
	name    string
	hex     string
	v6      bool
	keepSum bool
	line    string // tcpdump -n's text after "IP a > b: "
}

// pimVectors cover every message type, each Hello option, the address
// encodings and the damage both tools have words for. The inner packet of
// the Register is an ICMP echo request with correct checksums.
var pimVectors = []pimVector{
	{name: "hello", hex: "20 00 00 00 00 01 00 02 00 69 00 14 00 04 3f 0e f4 cd 00 13 00 04 00 00 00 01 00 15 00 04 01 00 00 00",
		line: "PIMv2, Hello, length 34"},
	{name: "hello every option", hex: "20 00 00 00 00 01 00 02 ff ff 00 02 00 04 81 f4 09 c4 00 16 00 00 00 18 00 0c 01 00 0a 00 00 02 01 00 0a 00 00 03 00 1f 00 04 00 00 00 07 00 12 00 00 00 15 00 04 01 1e 00 01",
		line: "PIMv2, Hello, length 58"},
	{name: "hello goodbye", hex: "20 00 00 00 00 01 00 02 00 00", line: "PIMv2, Hello, length 10"},
	{name: "hello option past the end", hex: "20 00 00 00 00 14 00 08 00 00 00 01", line: "PIMv2, Hello, length 12"},
	{name: "hello two stray bytes", hex: "20 00 00 00 00 01 00 02 00 69 00 14", line: "PIMv2, Hello, length 12"},
	{name: "hello bad checksum", hex: "20 00 12 34 00 01 00 02 00 69", keepSum: true, line: "PIMv2, Hello, length 10"},
	{name: "hello over IPv6", hex: "20 00 00 00 00 01 00 02 00 69 00 13 00 04 00 00 00 01", v6: true, line: "PIMv2, Hello, length 18"},
	{name: "register", hex: "21 00 00 00 00 00 00 00 45 00 00 1c 00 01 00 00 40 01 00 00 c0 a8 14 0a ef 01 02 03 08 00 f7 fe 00 01 00 00",
		line: "PIMv2, Register, length 36"},
	{name: "null register", hex: "21 00 00 00 40 00 00 00 00 00 00 14 00 00 00 00 ff 67 00 00 c0 a8 14 0a ef 01 02 03",
		line: "PIMv2, Register, length 28"},
	{name: "register-stop", hex: "22 00 00 00 01 00 00 20 ef 01 02 03 01 00 c0 a8 14 0a", line: "PIMv2, Register Stop, length 18"},
	{name: "join/prune", hex: "23 00 00 00 01 00 0a 00 00 01 00 01 00 d2 01 00 00 20 ef 01 02 03 00 01 00 01 01 00 04 20 c0 a8 00 05 01 00 07 18 c0 a8 00 00",
		line: "PIMv2, Join / Prune, length 42"},
	{name: "graft-ack", hex: "27 00 00 00 01 00 0a 00 00 01 00 01 ff ff 01 00 00 20 ef 01 02 03 00 01 00 00 01 00 04 20 c0 a8 00 05",
		line: "PIMv2, Graft Acknowledgement, length 34"},
	{name: "bootstrap", hex: "24 00 00 00 12 34 1e 64 01 00 0a 00 00 09 01 00 00 04 e0 00 00 00 01 01 00 00 01 00 0a 00 00 0a 00 96 c0 00",
		line: "PIMv2, Bootstrap, length 36"},
	{name: "assert", hex: "25 00 00 00 01 00 00 20 ef 01 02 03 01 00 c0 a8 00 05 80 00 00 64 00 00 00 0a", line: "PIMv2, Assert, length 26"},
	{name: "candidate-rp", hex: "28 00 00 00 01 c0 00 96 01 00 0a 00 00 0a 01 00 00 04 e0 00 00 00",
		line: "PIMv2, Candidate RP Advertisement, length 22"},
	{name: "state-refresh", hex: "29 00 00 00 01 00 00 20 ef 01 02 03 01 00 c0 a8 00 05 01 00 0a 00 00 01 00 00 00 64 00 00 00 0a 20 10 80 3c",
		line: "PIMv2, Prune Refresh, length 36"},
	{name: "unknown type", hex: "2d 00 00 00 00 00", line: "PIMv2, Unknown Type, length 6"},
	{name: "version 1", hex: "10 00 00 00 01 02", line: "PIMv1, length 6"},
	{name: "register-stop cut in the source", hex: "22 00 00 00 01 00 00 20 ef 01 02 03 01 00 c0 a8",
		line: "PIMv2, Register Stop, length 16"},
}

// pimFrame wraps a vector in Ethernet and IP (correct checksums).
func pimFrame(t testing.TB, v pimVector) []byte {
	t.Helper()
	pim := mustHex(t, v.hex)
	if !v.keepSum && len(pim) >= 4 {
		n := len(pim)
		if pim[0] == 0x21 {
			n = 8
		}
		if v.v6 {
			pseudo := append(mustHex(t, "fe 80 00 00 00 00 00 00 00 00 00 00 00 00 00 01 ff 02 00 00 00 00 00 00 00 00 00 00 00 00 00 0d"),
				0, 0, byte(n>>8), byte(n), 0, 0, 0, 103)
			sum := append(pseudo, pim[:n]...)
			putChecksum(sum, len(pseudo)+2)
			copy(pim[2:4], sum[len(pseudo)+2:])
		} else {
			head := append([]byte(nil), pim[:n]...)
			putChecksum(head, 2)
			copy(pim[2:4], head[2:4])
		}
		if pim[0] == 0x21 && len(pim) >= 28 && pim[8]>>4 == 4 {
			putChecksum(pim[8:28], 10)
			putChecksum(pim[28:], 2)
		}
	}
	if v.v6 {
		ip := mustHex(t, "33 33 00 00 00 0d 02 00 00 00 00 01 86 dd 60 00 00 00 00 00 67 01 "+
			"fe 80 00 00 00 00 00 00 00 00 00 00 00 00 00 01 ff 02 00 00 00 00 00 00 00 00 00 00 00 00 00 0d")
		ip[18], ip[19] = byte(len(pim)>>8), byte(len(pim))
		return append(ip, pim...)
	}
	ip := mustHex(t, "01 00 5e 00 00 0d 02 00 00 00 00 01 08 00 45 c0 00 00 00 01 00 00 01 67 00 00 0a 00 00 01 e0 00 00 0d")
	n := 20 + len(pim)
	ip[16], ip[17] = byte(n>>8), byte(n)
	putChecksum(ip[14:34], 10)
	return append(ip, pim...)
}

func TestPIMVectors(t *testing.T) {
	frames := make([][]byte, len(pimVectors))
	d := decode.NewDecoder()
	lp := &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone}}
	for i, v := range pimVectors {
		frames[i] = pimFrame(t, v)
		d.Decode(frames[i], linktype.Ethernet)
		f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frames[i])}
		got := strings.TrimSuffix(string(lp.Append(nil, d, &f)), "\n")
		if _, after, ok := strings.Cut(got, ": "); !ok || after != v.line {
			t.Errorf("%s: line %q, want ...: %q", v.name, got, v.line)
		}
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}, {"-e"}, {"-q"}})
}

// pimSubtree returns the PIM subtree of a -V tree: from its head to the
// next protocol, with the truncation marks after it.
func pimSubtree(tree string) []string {
	var out []string
	in := false
	for _, line := range strings.Split(strings.TrimRight(tree, "\n"), "\n") {
		if line != "" && line[0] != ' ' && !strings.HasPrefix(line, "[") {
			in = strings.HasPrefix(line, "Protocol Independent Multicast")
		}
		if in {
			out = append(out, line)
		}
	}
	return out
}

// TestPIMTreeMatchesTshark holds the PIM subtree of every vector to tshark
// -V's, line for line, and the Protocol and Info columns to its packet
// list.
func TestPIMTreeMatchesTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	frames := make([][]byte, len(pimVectors))
	for i, v := range pimVectors {
		frames[i] = pimFrame(t, v)
	}
	path := writeTestPcap(t, frames)
	cmd := exec.Command("tshark", "-n", "-V", "-r", path)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("tshark: %v", err)
	}
	theirs := appTreeFrames(string(out))
	if len(theirs) != len(frames) {
		t.Fatalf("tshark printed %d frames, want %d", len(theirs), len(frames))
	}
	cmd = exec.Command("tshark", "-n", "-r", path, "-T", "fields", "-e", "_ws.col.Protocol", "-e", "_ws.col.Info")
	cols, err := cmd.Output()
	if err != nil {
		t.Fatalf("tshark: %v", err)
	}
	rows := strings.Split(strings.TrimSuffix(string(cols), "\n"), "\n")
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	lines := 0
	for i, v := range pimVectors {
		d.Decode(frames[i], linktype.Ethernet)
		f := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(frames[i])}
		mine := pimSubtree(string(tp.Append(nil, d, &f)))
		want := pimSubtree("Frame " + theirs[i])
		if diff := cmp.Diff(want, mine); diff != "" {
			t.Errorf("%s: -V subtree, tshark (-want) vs rawcap (+got):\n%s", v.name, diff)
		}
		lines += len(want)
		cp := &decode.ColumnsPrinter{}
		row := string(cp.Append(nil, d, &f))
		if i < len(rows) {
			proto, info, _ := strings.Cut(rows[i], "\t")
			if !strings.Contains(row, " "+proto+" ") || !strings.HasSuffix(strings.TrimSuffix(row, "\n"), " "+info) {
				t.Errorf("%s: columns %q, tshark says %q / %q", v.name, row, proto, info)
			}
		}
	}
	t.Logf("%d vectors, %d PIM tree lines compared", len(pimVectors), lines)
}

// TestPIMFieldsMatchTshark compares -T fields of every PIM field with
// tshark's on the vectors.
func TestPIMFieldsMatchTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	frames := make([][]byte, len(pimVectors))
	for i, v := range pimVectors {
		frames[i] = pimFrame(t, v)
	}
	path := writeTestPcap(t, frames)
	var names []string
	for _, p := range decode.Protocols() {
		if p.Protocol.Name == "pim" {
			for _, f := range p.Fields {
				names = append(names, f.Name)
			}
		}
	}
	args := []string{"-n", "-r", path, "-T", "fields", "-E", "occurrence=a", "-E", "aggregator=,"}
	for _, n := range names {
		args = append(args, "-e", n)
	}
	out, err := exec.Command("tshark", args...).Output()
	if err != nil {
		t.Fatalf("tshark: %v", err)
	}
	rows := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	fp, err := decode.NewFieldsPrinter(names)
	if err != nil {
		t.Fatal(err)
	}
	fp.Aggregator = ","
	d := decode.NewDecoder()
	for i, v := range pimVectors {
		d.Decode(frames[i], linktype.Ethernet)
		f := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(frames[i])}
		got := strings.Split(strings.TrimSuffix(string(fp.Append(nil, d, &f)), "\n"), "\t")
		want := strings.Split(rows[i], "\t")
		for k := range names {
			if k < len(got) && k < len(want) && got[k] != want[k] {
				t.Errorf("%s: %s = %q, tshark %q", v.name, names[k], got[k], want[k])
			}
		}
	}
}

func TestPIMAllocs(t *testing.T) {
	d := decode.NewDecoder()
	lps := []*decode.LinePrinter{
		{Options: decode.LineOptions{Location: time.UTC}},
		{Options: decode.LineOptions{Location: time.UTC, Verbose: 2}},
	}
	tp := &decode.TreePrinter{Location: time.UTC}
	jp := &decode.JSONPrinter{Location: time.UTC}
	var buf []byte
	for _, v := range pimVectors {
		frame := pimFrame(t, v)
		f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
		run := func() {
			d.Decode(frame, linktype.Ethernet)
			for _, lp := range lps {
				buf = lp.Append(buf[:0], d, &f)
			}
			buf = tp.Append(buf[:0], d, &f)
			buf = jp.Append(buf[:0], d, &f)
		}
		run()
		if !json.Valid(buf) {
			t.Errorf("%s: invalid JSON %s", v.name, buf)
		}
		if n := testing.AllocsPerRun(20, run); n != 0 {
			t.Errorf("%s: decoding and printing allocate %v times", v.name, n)
		}
	}
}

// FuzzPIM feeds PIM messages inside IPv4 and IPv6 to the decoder and every
// printer.
func FuzzPIM(f *testing.F) {
	for _, v := range pimVectors {
		f.Add(mustHex(f, v.hex), v.v6)
	}
	for _, p := range appPayloads(f, decode.LayerPIM) {
		f.Add(p, false)
	}
	d := decode.NewDecoder()
	lps := []*decode.LinePrinter{
		{Options: decode.LineOptions{Location: time.UTC}},
		{Options: decode.LineOptions{Location: time.UTC, Verbose: 2}},
	}
	tp := &decode.TreePrinter{Location: time.UTC}
	jp := &decode.JSONPrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{}
	f.Fuzz(func(t *testing.T, pim []byte, v6 bool) {
		frame := pimFrame(t, pimVector{hex: "", v6: v6, keepSum: true})
		frame = append(frame, pim...)
		if v6 {
			frame[18], frame[19] = byte(len(pim)>>8), byte(len(pim))
		} else {
			n := 20 + len(pim)
			frame[16], frame[17] = byte(n>>8), byte(n)
		}
		for _, l := range d.Decode(frame, linktype.Ethernet) {
			if l.Start < 0 || l.Start > l.Payload || l.Payload > l.End || l.End > len(frame) {
				t.Fatalf("bad layer %+v for %d bytes", l, len(frame))
			}
		}
		fr := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
		for _, lp := range lps {
			lp.Append(nil, d, &fr)
		}
		tp.Append(nil, d, &fr)
		cp.Append(nil, d, &fr)
		if js := jp.Append(nil, d, &fr); !json.Valid(js) {
			t.Fatalf("invalid JSON: %s", js)
		}
	})
}
