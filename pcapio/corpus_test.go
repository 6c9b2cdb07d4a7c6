package pcapio

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rawcap/rawcap/internal/testshared"

	"github.com/google/go-cmp/cmp"
	"github.com/klauspost/compress/zstd"

	"github.com/rawcap/rawcap/linktype"
)

// sharedDir returns ../shared relative to the repository root, skipping the
// test when it is absent.
func sharedDir(tb testing.TB) string {
	tb.Helper()
	testshared.Path(tb, "corpus")
	return testshared.Dir(tb)
}

// corpusFiles lists every capture of ../shared/corpus (not the goldens).
func corpusFiles(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(sharedDir(tb), "corpus", "*", "*"))
	if err != nil {
		tb.Fatal(err)
	}
	var caps []string
	for _, f := range files {
		if !strings.HasSuffix(f, ".golden.json") {
			caps = append(caps, f)
		}
	}
	return caps
}

// golden is what tshark and tcpdump read from a capture (corpus README.md).
type golden struct {
	RC      int     `json:"rc"`
	Stderr  string  `json:"stderr"`
	Packets [][]any `json:"packets"`
	Tcpdump struct {
		RC     int    `json:"rc"`
		Count  *int   `json:"count"`
		Stderr string `json:"stderr"`
	} `json:"tcpdump"`
}

// row is one record as tshark shows it: a packet, or a custom block.
type row struct {
	Time           string // "sec.nsec", "" for a Simple Packet Block
	CapLen, Length int
	Iface          string // "" for a custom block
	SHA256         string // "" where tshark could not show the bytes
}

func goldenRows(g *golden) []row {
	var rows []row
	for _, p := range g.Packets {
		var r row
		if s, ok := p[1].(string); ok {
			r.Time = s
		}
		r.CapLen, r.Length = int(p[2].(float64)), int(p[3].(float64))
		if s, ok := p[5].(string); ok {
			r.Iface = s
		}
		if s, ok := p[6].(string); ok {
			r.SHA256 = s
		}
		rows = append(rows, r)
	}
	return rows
}

// readRows reads every record tshark would show, and the error that ended
// the reading (nil at a clean end).
func readRows(name string) ([]row, error) {
	r, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return rowsOf(r)
}

// rowsOf reads every record of r as readRows does.
func rowsOf(r *Reader) ([]row, error) {
	var rows []row
	for {
		b, err := r.NextBlock()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return rows, err
		}
		switch {
		case b.Packet != nil:
			p := b.Packet
			data, length := p.Data, p.Length
			if n := wiresharkPseudoHeader[p.LinkType]; n > 0 {
				data, length = data[min(n, len(data)):], max(length-n, 0)
			}
			sum := sha256.Sum256(data)
			rw := row{CapLen: len(data), Length: length, Iface: strconv.Itoa(localInterface(r, p.Interface)), SHA256: hex.EncodeToString(sum[:])}
			if r.Format() == FormatPcap {
				rw.Iface = "" // tshark shows no interface id for pcap files
			}
			if p.HasTime {
				rw.Time = fmt.Sprintf("%d.%09d", p.Time.Unix(), p.Time.Nanosecond())
			}
			rows = append(rows, rw)
		case b.Type == BlockCustom || b.Type == BlockCustomNoCopy:
			data := b.Raw[12 : len(b.Raw)-4]
			sum := sha256.Sum256(data)
			rows = append(rows, row{CapLen: len(data), Length: len(data), SHA256: hex.EncodeToString(sum[:])})
		}
	}
}

// wiresharkPseudoHeader holds the link types whose leading pseudo-header
// Wireshark's wiretap strips from the packet data (and from both lengths)
// before tshark sees it: SunATM's 4-byte header.
var wiresharkPseudoHeader = map[linktype.Type]int{123: 4}

// localInterface turns a file-wide interface index into the section-local
// interface id that tshark 4.0 shows.
func localInterface(r *Reader, idx int) int {
	ifs := r.Interfaces()
	base := 0
	for base < idx && ifs[base].Section < ifs[idx].Section {
		base++
	}
	return idx - base
}

// corpusAllowed lists the captures where rawcap knowingly differs from the
// references, with the reason.
var corpusAllowed = map[string]string{
	"tests_rx_serviceid_oobr.pcap": "a record's microsecond field is 3841916976: tshark keeps it unnormalized " +
		"and overflows a 32-bit int scaling it to ns (prints -0.2078753920); time.Time normalizes it to 3841.916976 s",
	"tests_timestamp_invalid_micro.pcap": "microsecond fields of 1000000 and 2147483648: tshark prints them " +
		"unnormalized (1418145370.1000000000) or overflowed; time.Time carries them into the seconds",
}

// TestCorpus reads every capture of ../shared/corpus and compares what it
// reads with tshark's rows (and tcpdump's count where tshark cannot show a
// link type); where both references reject a file, rawcap must fail too,
// after the packets before the damage.
func TestCorpus(t *testing.T) {
	files := corpusFiles(t)
	agreed := 0
	for _, name := range files {
		base := filepath.Base(name)
		t.Run(base, func(t *testing.T) {
			raw, err := os.ReadFile(name + ".golden.json")
			if err != nil {
				t.Skipf("no golden: %v", err)
			}
			var g golden
			if err := json.Unmarshal(raw, &g); err != nil {
				t.Fatal(err)
			}
			got, rerr := readRows(name)
			diff := checkGolden(&g, got, rerr)
			if reason, allowed := corpusAllowed[base]; allowed {
				if diff == "" {
					t.Errorf("agrees now, remove it from corpusAllowed (%s)", reason)
				}
				t.Skipf("allowed difference: %s", reason)
			}
			if diff != "" {
				t.Error(diff)
				return
			}
			agreed++
		})
	}
	t.Logf("corpus: %d of %d captures agree with tshark/tcpdump", agreed, len(files))
}

// checkGolden describes how rawcap's reading differs from the references,
// or returns "".
func checkGolden(g *golden, got []row, rerr error) string {
	tcpdumpOK := g.Tcpdump.RC == 0
	unsupported := strings.Contains(g.Stderr, "doesn't support")
	switch {
	case g.RC == 0:
		want := goldenRows(g)
		for i := range want {
			if i < len(got) && want[i].SHA256 == "" {
				got[i].SHA256 = ""
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			return fmt.Sprintf("records differ from tshark (-want +got):\n%s", diff)
		}
		if rerr != nil {
			return fmt.Sprintf("tshark reads the file cleanly, rawcap fails: %v", rerr)
		}
	case unsupported && tcpdumpOK:
		if g.Tcpdump.Count == nil || len(got) != *g.Tcpdump.Count || rerr != nil {
			return fmt.Sprintf("read %d packets (error %v), tcpdump reads %v", len(got), rerr, g.Tcpdump.Count)
		}
	default: // both references reject the file
		var fe *FormatError
		if !errors.As(rerr, &fe) {
			return fmt.Sprintf("tshark (%q) and tcpdump (%q) reject the file, rawcap ends with %v", g.Stderr, g.Tcpdump.Stderr, rerr)
		}
		if want := len(g.Packets); len(got) != want {
			return fmt.Sprintf("read %d packets before the error %v, tshark %d", len(got), rerr, want)
		}
	}
	return ""
}

// TestCorpusLossless checks, over the corpus, that NextBlock's Raw bytes
// add up to the file (after the 24-byte header for pcap) as far as the file
// reads, and that gzip and zstd copies of each capture read the same.
func TestCorpusLossless(t *testing.T) {
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderConcurrency(1))
	if err != nil {
		t.Fatal(err)
	}
	defer enc.Close()
	for _, name := range corpusFiles(t) {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(name), func(t *testing.T) {
			r, err := NewReader(bytes.NewReader(data))
			if err != nil {
				return // the conformance test judges files that do not open
			}
			var raw []byte
			if r.Format() == FormatPcap {
				raw = append(raw, data[:24]...)
			}
			var rerr error
			for {
				b, err := r.NextBlock()
				if err != nil {
					rerr = err
					break
				}
				raw = append(raw, b.Raw...)
			}
			if !bytes.Equal(raw, data[:len(raw)]) {
				t.Errorf("blocks' Raw bytes differ from the file")
			}
			if rerr == io.EOF && len(raw) != len(data) {
				t.Errorf("blocks hold %d of the file's %d bytes", len(raw), len(data))
			}
			want, wantErr := readRowsFrom(data)
			if rb, err := NewReaderBytes(data); err != nil {
				t.Errorf("NewReaderBytes: %v", err)
			} else {
				got, gotErr := rowsOf(rb)
				if diff := cmp.Diff(want, got); diff != "" || (wantErr == nil) != (gotErr == nil) {
					t.Errorf("NewReaderBytes reads differently (error %v, plain %v) (-Open +NewReaderBytes):\n%s", gotErr, wantErr, diff)
				}
			}
			var gz bytes.Buffer
			zw := gzip.NewWriter(&gz)
			zw.Write(data)
			zw.Close()
			for kind, comp := range map[string][]byte{"gzip": gz.Bytes(), "zstd": enc.EncodeAll(data, nil)} {
				got, gotErr := readRowsFrom(comp)
				if diff := cmp.Diff(want, got); diff != "" || (wantErr == nil) != (gotErr == nil) {
					t.Errorf("%s copy reads differently (error %v, plain %v) (-plain +%s):\n%s", kind, gotErr, wantErr, kind, diff)
				}
			}
		})
	}
}

// readRowsFrom is readRows over bytes in memory.
func readRowsFrom(data []byte) ([]row, error) {
	f, err := os.CreateTemp("", "pcapio-*.bin")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return nil, err
	}
	f.Close()
	return readRows(f.Name())
}
