package pcapio

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// seedCorpus adds the corpus captures whose name ends with ext (when
// ../shared is present) and the given hand vectors.
func seedCorpus(f *testing.F, ext string, vectors ...string) {
	for _, v := range vectors {
		f.Add(unhex(f, v))
	}
	dir, err := os.Getwd()
	if err != nil {
		return
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		if filepath.Dir(dir) == dir {
			return
		}
		dir = filepath.Dir(dir)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "..", "shared", "corpus", "*", "*"+ext))
	for _, name := range files {
		if strings.HasSuffix(name, ".golden.json") {
			continue
		}
		if b, err := os.ReadFile(name); err == nil && len(b) <= 64<<10 { // big seeds make mutation and minimization slow
			f.Add(b)
		}
	}
}

// fuzzRead reads everything and checks the reader's promises: no panic,
// lengths within the limits, a bounded buffer, errors that are io.EOF or a
// *FormatError, and a sticky error.
func fuzzRead(t *testing.T, data []byte) {
	// The fuzzer has no per-input timeout: crash, and so save the input,
	// if one takes far too long.
	tm := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("reading took over 10s; input %x", data)) })
	defer tm.Stop()
	r, err := NewReader(bytes.NewReader(data))
	if err != nil {
		var fe *FormatError
		if !errors.As(err, &fe) {
			t.Fatalf("NewReader: %v is not a *FormatError", err)
		}
		return
	}
	var raw int
	for i := 0; i < 100000; i++ {
		b, err := r.NextBlock()
		if err == io.EOF {
			break
		}
		if err != nil {
			var fe *FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("NextBlock: %v is not a *FormatError", err)
			}
			if fe.Offset < 0 || fe.Offset > int64(len(data)) {
				t.Fatalf("error offset %d outside the %d-byte input", fe.Offset, len(data))
			}
			if _, again := r.Next(); again != err {
				t.Fatalf("error not sticky: %v, then %v", err, again)
			}
			break
		}
		raw += len(b.Raw)
		if p := b.Packet; p != nil {
			if len(p.Data) > MaxBlockLength || p.Interface >= len(r.Interfaces()) {
				t.Fatalf("packet of %d bytes on interface %d of %d", len(p.Data), p.Interface, len(r.Interfaces()))
			}
			decodeOptions(p.Options)
			c := p.Clone()
			if !bytes.Equal(c.Data, p.Data) {
				t.Fatal("Clone changed the data")
			}
		}
		if len(r.buf) > maxBuffer {
			t.Fatalf("buffer grew to %d bytes", len(r.buf))
		}
	}
	if r.Format() == FormatPcapNG && r.dec == nil && raw > len(data) {
		t.Fatalf("blocks hold %d bytes of a %d-byte input", raw, len(data))
	}
	for _, in := range r.Interfaces() {
		in.Options.Each(func(uint16, []byte) bool { return true })
	}
}

// fuzzSame checks that NewReaderBytes reads data exactly as NewReader does.
func fuzzSame(t *testing.T, data []byte) {
	read := func(r *Reader, err error) (n int, sum int, last error) {
		for err == nil {
			var p *Packet
			if p, err = r.Next(); err == nil {
				n++
				sum += len(p.Data) + p.Length + int(p.Time.UnixNano()%1000003) + p.Interface
			}
		}
		return n, sum, err
	}
	n1, s1, e1 := read(NewReader(bytes.NewReader(data)))
	n2, s2, e2 := read(NewReaderBytes(data))
	if n1 != n2 || s1 != s2 || fmt.Sprint(e1) != fmt.Sprint(e2) {
		t.Fatalf("NewReader: %d packets (sum %d), %v; NewReaderBytes: %d (sum %d), %v", n1, s1, e1, n2, s2, e2)
	}
}

func FuzzPcapReader(f *testing.F) {
	seedCorpus(f, ".pcap",
		// little-endian microsecond pcap, one 4-byte record
		`d4 c3 b2 a1 02 00 04 00 00 00 00 00 00 00 00 00 ff ff 00 00 01 00 00 00
		 00 f1 53 65 40 e2 01 00 04 00 00 00 3c 00 00 00 de ad be ef`,
		// Kuznetsov modified pcap
		`34 cd b2 a1 02 00 04 00 00 00 00 00 00 00 00 00 ff ff 00 00 01 00 00 00
		 00 f1 53 65 40 e2 01 00 04 00 00 00 3c 00 00 00 02 00 00 00 00 08 00 00 de ad be ef`,
		// big-endian nanosecond pcap 2.2 with a 4 GiB caplen
		`a1 b2 3c 4d 00 02 00 02 00 00 00 00 00 00 00 00 00 00 ff ff 00 00 00 01
		 65 53 f1 00 07 5b cd 15 ff ff ff ff 00 00 00 04 de ad be ef`)
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, data)
		fuzzSame(t, data)
	})
}

func FuzzPcapNGReader(f *testing.F) {
	seedCorpus(f, ".pcapng",
		// SHB, IDB, EPB with a comment
		`0a 0d 0d 0a 1c 00 00 00 4d 3c 2b 1a 01 00 00 00 ff ff ff ff ff ff ff ff 1c 00 00 00
		 01 00 00 00 14 00 00 00 01 00 00 00 00 00 04 00 14 00 00 00
		 06 00 00 00 2c 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 04 00 00 00 04 00 00 00 de ad be ef
		 01 00 02 00 68 69 00 00 2c 00 00 00`,
		// big-endian SHB 1.2, IDB with if_tsresol 2^-10, SPB
		`0a 0d 0d 0a 00 00 00 1c 1a 2b 3c 4d 00 01 00 02 ff ff ff ff ff ff ff ff 00 00 00 1c
		 00 00 00 01 00 00 00 1c 00 01 00 00 00 00 00 00 00 09 00 01 8a 00 00 00 00 00 00 1c
		 00 00 00 03 00 00 00 14 00 00 00 04 de ad be ef 00 00 00 14`,
		// a huge SHB length
		`0a 0d 0d 0a f0 ff ff ff 4d 3c 2b 1a 01 00 00 00 ff ff ff ff ff ff ff ff`)
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, data)
		fuzzSame(t, data)
	})
}
