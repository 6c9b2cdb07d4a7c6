package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestTreePipelineMatchesSerial checks that -V, --json, -T ek and -T
// fields drawn by the workers of treePipeline are byte for byte what one
// goroutine draws: over several batches, across two files, with -c, and up
// to a damaged file's error. The independent fields are decoded by the
// workers too (with --decode-as's ports: the DNS datagrams read as VXLAN
// give a second eth.src), the others from the reading goroutine's layers.
func TestTreePipelineMatchesSerial(t *testing.T) {
	demo := filepath.Join("..", "..", "testdata", "demo.pcap")
	data, err := os.ReadFile(demo)
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(t.TempDir(), "cut.pcap")
	if err := os.WriteFile(cut, data[:len(data)*2/3], 0o644); err != nil {
		t.Fatal(err)
	}
	var runs [][]string
	independent := []string{"-T", "fields", "-e", "frame.number", "-e", "eth.src", "-e", "ip.src", "-e", "tcp.dstport", "-e", "frame.time_delta_displayed"}
	for _, out := range [][]string{{"-V"}, {"--json"}, {"-T", "ek"},
		independent,
		append([]string{"--decode-as", "udp.port=53:vxlan"}, independent...),
		{"-T", "fields", "-e", "frame.number", "-e", "tcp.stream", "-e", "dns.qry.name"},
		{"-T", "fields", "-e", "frame", "-e", "ip", "-e", "udp"}, // titles from the packet alone
		{"-T", "fields", "-e", "eth", "-e", "tcp", "-e", "dns"},  // titles from the tracker
	} {
		for _, rest := range [][]string{
			{demo},
			{demo, demo},
			{"-c", "150", demo},
			{demo, cut},
			{demo, "tcp"},
		} {
			runs = append(runs, append(append([]string{"read"}, out...), rest...))
		}
	}
	for _, args := range runs {
		t.Run(strings.Join(args[1:], " "), func(t *testing.T) {
			old := runtime.GOMAXPROCS(1)
			code1, out1, err1 := rawcapRun(t, "", args...)
			runtime.GOMAXPROCS(4)
			code4, out4, err4 := rawcapRun(t, "", args...)
			runtime.GOMAXPROCS(old)
			if code1 != code4 || err1 != err4 {
				t.Errorf("%v: serial exit %d %q, pipeline exit %d %q", args, code1, err1, code4, err4)
			}
			if out1 == "" {
				t.Fatalf("%v printed nothing", args)
			}
			if diff := cmp.Diff(out1, out4); diff != "" {
				t.Errorf("%v: pipeline output differs from serial (-serial +pipeline):\n%s", args, diff)
			}
		})
	}
}

// failWriter fails every write, as a closed pipe does.
type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	w.n++
	return 0, os.ErrClosed
}

// TestTreePipelineStopsOnWriteError checks that a failing output stops the
// run with the writer's error instead of reading on or hanging.
func TestTreePipelineStopsOnWriteError(t *testing.T) {
	old := runtime.GOMAXPROCS(4)
	defer runtime.GOMAXPROCS(old)
	demo := filepath.Join("..", "..", "testdata", "demo.pcap")
	w := &failWriter{}
	e := &env{stdout: w, stderr: os.Stderr}
	opts := readOptions{Output: outTree}
	err := readFiles(t.Context(), e, []string{demo, demo, demo}, opts)
	if err == nil {
		t.Fatal("readFiles succeeded writing to a failing output")
	}
	if w.n > 2 {
		t.Errorf("%d writes after the first failure, want the run to stop", w.n-1)
	}
}
