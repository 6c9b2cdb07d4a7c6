package main

import (
	"encoding/binary"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/internal/synth"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// Helpers shared by the tests of merge, split, dedupe and reorder.

// tbPacket is what a reader sees of a packet: what the differential tests
// compare between rawcap's output and the Wireshark tools'.
type tbPacket struct {
	Data     string
	Len      int
	Time     string // seconds.nanoseconds
	Iface    int
	LinkType linktype.Type
	Comment  string
}

func (p tbPacket) String() string {
	return fmt.Sprintf("%s if%d %v len %d/%d %q", p.Time, p.Iface, p.LinkType, len(p.Data), p.Len, p.Comment)
}

// tbRead reads every packet of a capture with pcapio; err is the error
// that ended it (nil at a clean end).
func tbRead(name string) ([]tbPacket, *pcapio.Reader, error) {
	r, err := pcapio.Open(name)
	if err != nil {
		return nil, nil, err
	}
	defer r.Close()
	var ps []tbPacket
	for {
		p, err := r.Next()
		if err == io.EOF {
			return ps, r, nil
		}
		if err != nil {
			return ps, r, err
		}
		c, _ := p.Options.Comment()
		ps = append(ps, tbPacket{string(p.Data), p.Length, tbTime(p), p.Interface, p.LinkType, c})
	}
}

func tbTime(p *pcapio.Packet) string {
	if !p.HasTime {
		return "none"
	}
	return fmt.Sprintf("%d.%09d", p.Time.Unix(), p.Time.Nanosecond())
}

// tbMustRead reads a capture that must be whole.
func tbMustRead(t *testing.T, name string) []tbPacket {
	t.Helper()
	ps, _, err := tbRead(name)
	if err != nil {
		t.Fatalf("reading %s back: %v", name, err)
	}
	return ps
}

// needTool skips t under -short or when a reference tool is missing.
func needTool(t *testing.T, tools ...string) {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the Wireshark tools; skipped with -short")
	}
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed: %v", tool, err)
		}
	}
}

// runReference runs a reference tool (in this process's environment, so with
// its TZ); it reports the error.
func runReference(name string, args ...string) error {
	cmd := exec.Command(name, args...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %v: %s", name, strings.Join(args, " "), err, out)
	}
	return nil
}

// genPcap writes n packets of realistic generated traffic (internal/synth)
// as a microsecond pcap, starting at start.
func genPcap(t testing.TB, name string, n int, seed uint64, start time.Time) {
	t.Helper()
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w, _ := pcapio.NewPcapWriter(f, pcapio.PcapWriterOptions{LinkType: linktype.Ethernet})
	g := synth.New(seed, start)
	for range n {
		sp := g.Next()
		p := pcapio.Packet{Data: sp.Data, Length: len(sp.Data), Time: sp.Time, HasTime: true}
		if err := w.WritePacket(&p); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

var tbT0 = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// ngOptions encodes pcapng options (code, value pairs) in byte order big,
// with the end-of-options marker.
func ngOptions(big bool, kv ...any) []byte {
	var b []byte
	var bo binary.AppendByteOrder = binary.LittleEndian
	if big {
		bo = binary.BigEndian
	}
	for i := 0; i+1 < len(kv); i += 2 {
		code := uint16(kv[i].(int))
		var v []byte
		switch x := kv[i+1].(type) {
		case string:
			v = []byte(x)
		case []byte:
			v = x
		case uint32:
			v = bo.AppendUint32(nil, x)
		case uint64:
			v = bo.AppendUint64(nil, x)
		}
		b = bo.AppendUint16(b, code)
		b = bo.AppendUint16(b, uint16(len(v)))
		b = append(b, v...)
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
	}
	return append(b, 0, 0, 0, 0)
}

// ngBlock encodes a pcapng block of type typ with body in byte order big.
func ngBlock(big bool, typ uint32, body []byte) []byte {
	var bo binary.AppendByteOrder = binary.LittleEndian
	if big {
		bo = binary.BigEndian
	}
	for len(body)%4 != 0 {
		body = append(body, 0)
	}
	n := uint32(12 + len(body))
	b := bo.AppendUint32(nil, typ)
	b = bo.AppendUint32(b, n)
	b = append(b, body...)
	return bo.AppendUint32(b, n)
}

// ngSensor writes a pcapng "sensor" file in byte order big: a section with
// a comment, one Ethernet interface named name, n packets (each with a
// comment and flags) every step from start, and in between a name
// resolution block, a decryption secrets block, a custom block and, at the
// end, interface statistics.
func ngSensor(t testing.TB, path string, big bool, name string, n int, start time.Time, step time.Duration) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w, _ := pcapio.NewPcapNGWriter(f, pcapio.PcapNGWriterOptions{BigEndian: big, Comments: []string{"sensor " + name}})
	if _, err := w.AddInterface(pcapio.Interface{LinkType: linktype.Ethernet, SnapLen: 65535, Name: name}); err != nil {
		t.Fatal(err)
	}
	var bo binary.AppendByteOrder = binary.LittleEndian
	if big {
		bo = binary.BigEndian
	}
	nrb := bo.AppendUint16(nil, 1)
	nrb = bo.AppendUint16(nrb, uint16(4+len(name)+9))
	nrb = append(nrb, 10, 0, 0, 1)
	nrb = append(nrb, name+".example"...)
	nrb = append(nrb, 0)
	for len(nrb)%4 != 0 {
		nrb = append(nrb, 0)
	}
	nrb = append(nrb, 0, 0, 0, 0)
	dsb := bo.AppendUint32(nil, 0x544c534b)
	key := "CLIENT_RANDOM " + name + "\n"
	dsb = bo.AppendUint32(dsb, uint32(len(key)))
	dsb = append(dsb, key...)
	for len(dsb)%4 != 0 {
		dsb = append(dsb, 0)
	}
	dsb = append(dsb, ngOptions(big, 1, "secrets of "+name)...)
	custom := bo.AppendUint32(nil, 32473)
	custom = append(custom, "custom data"...)
	for i := range n {
		if i == n/2 {
			for _, b := range [][]byte{ngBlock(big, pcapio.BlockNRB, nrb), ngBlock(big, pcapio.BlockDSB, dsb), ngBlock(big, pcapio.BlockCustom, custom)} {
				if err := w.WriteRawBlock(&pcapio.Block{Raw: b, BigEndian: big}); err != nil {
					t.Fatal(err)
				}
			}
		}
		data := make([]byte, 60+i%7)
		copy(data, name)
		data[len(data)-1] = byte(i)
		p := pcapio.Packet{Data: data, Length: len(data) + i%3, Time: start.Add(time.Duration(i) * step), HasTime: true,
			Options: pcapio.MakeOptions(ngOptions(big, 1, fmt.Sprintf("%s packet %d", name, i), 2, uint32(1)), big)}
		if err := w.WritePacket(&p); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.WriteStats(0, pcapio.InterfaceStats{Time: start.Add(time.Duration(n) * step), Received: uint64(n), Has: pcapio.HasReceived | pcapio.HasDropped}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

// blockTypes lists the block types of a pcapng file, in order, with the
// interface of each packet and statistics block ("epb@1").
func blockTypes(t *testing.T, name string) []string {
	t.Helper()
	r, err := pcapio.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var out []string
	for {
		b, err := r.NextBlock()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		s := map[uint32]string{pcapio.BlockSHB: "shb", pcapio.BlockIDB: "idb", pcapio.BlockEPB: "epb", pcapio.BlockSPB: "spb",
			pcapio.BlockNRB: "nrb", pcapio.BlockISB: "isb", pcapio.BlockDSB: "dsb", pcapio.BlockCustom: "custom"}[b.Type]
		switch b.Type {
		case pcapio.BlockISB:
			s += fmt.Sprintf("@%d", u32(b.Raw[8:], b.BigEndian))
		}
		if b.Packet != nil {
			s += fmt.Sprintf("@%d", b.Packet.Interface)
		}
		out = append(out, s)
	}
}

// corpusCaptures lists the shared corpus's captures (skipping t without it).
func corpusCaptures(t *testing.T) []string {
	t.Helper()
	dir := testshared.Path(t, "corpus")
	var names []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasSuffix(p, ".json") && strings.Contains(filepath.Base(p), ".") {
			if fi, err := d.Info(); err == nil && fi.Size() < 4<<20 {
				names = append(names, p)
			}
		}
		return nil
	})
	if len(names) == 0 {
		t.Skip("no captures in ../shared/corpus")
	}
	return names
}

// readsWhole reports whether pcapio reads a capture to its end without error.
func readsWhole(name string) bool {
	_, _, err := tbRead(name)
	return err == nil
}
