package decode

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/pcapio"
)

// TestTreeMemoSameLines checks that the lines the tree printer replays from
// its memos are the lines it would have drawn: every packet of the sample
// and of the shared corpus is printed by one printer that keeps its memos
// and by one that forgets them before each packet.
func TestTreeMemoSameLines(t *testing.T) {
	root, err := testshared.Root()
	if err != nil {
		t.Fatal(err)
	}
	files := []string{filepath.Join(root, "testdata", "read", "sample.pcap")}
	corpus := filepath.Join(testshared.Dir(t), "corpus")
	filepath.WalkDir(corpus, func(path string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && (strings.HasSuffix(path, ".pcap") || strings.HasSuffix(path, ".pcapng")) {
			files = append(files, path)
		}
		return nil
	})
	d := NewDecoder()
	var keep, forget []byte
	packets := 0
	for _, name := range files {
		r, err := pcapio.Open(name)
		if err != nil {
			continue // the corpus holds broken files on purpose
		}
		memo, fresh := &TreePrinter{Location: time.UTC}, &TreePrinter{Location: time.UTC}
		for n := 1; ; n++ {
			pk, err := r.Next()
			if err != nil {
				break
			}
			f := Frame{Number: n, Time: pk.Time, Length: pk.Length}
			d.Decode(pk.Data, pk.LinkType)
			keep = memo.Append(keep[:0], d, &f)
			fresh.memo = treeMemos{}
			forget = fresh.Append(forget[:0], d, &f)
			if diff := cmp.Diff(string(forget), string(keep)); diff != "" {
				t.Fatalf("%s packet %d: replayed lines differ (-want +got):\n%s", name, n, diff)
			}
			packets++
		}
		r.Close()
	}
	t.Logf("%d packets in %d files", packets, len(files))
}

// TestAppendNanos checks the nine-digit fractions of the frame's times.
func TestAppendNanos(t *testing.T) {
	for _, c := range []struct {
		ns   uint32
		want string
	}{{0, "000000000"}, {1, "000000001"}, {9000, "000009000"}, {123456789, "123456789"}, {999999999, "999999999"}, {100000000, "100000000"}} {
		if got := string(appendNanos(nil, c.ns)); got != c.want {
			t.Errorf("appendNanos(%d) = %q, want %q", c.ns, got, c.want)
		}
	}
}

// TestAppendSeconds checks the frame's time differences, also negative ones
// and ones beyond the 292 years a time.Duration holds.
func TestAppendSeconds(t *testing.T) {
	base := time.Unix(1000, 500)
	for _, c := range []struct {
		t    time.Time
		want string
	}{
		{base, "0.000000000"},
		{time.Unix(1001, 400), "0.999999900"},
		{time.Unix(1002, 600), "2.000000100"},
		{time.Unix(999, 600), "-0.999999900"},
		{time.Unix(998, 400), "-2.000000100"},
		{time.Unix(1000, 0), "-0.000000500"},
		{time.Unix(1000+400*365*86400, 500), "12614400000.000000000"},
		{time.Unix(1000-400*365*86400, 500), "-12614400000.000000000"},
	} {
		if got := string(appendSeconds(nil, c.t, base)); got != c.want {
			t.Errorf("appendSeconds(%v - %v) = %q, want %q", c.t, base, got, c.want)
		}
	}
}
