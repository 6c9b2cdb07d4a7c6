package progress

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
)

func TestNoBarOutsideTerminals(t *testing.T) {
	var buf bytes.Buffer
	if b := New(&buf, "x", 100); b != nil {
		t.Error("New drew on a bytes.Buffer")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if IsTerminal(w) {
		t.Error("a pipe is taken for a terminal")
	}
	var nilBar *Bar
	nilBar.Update(1, 1) // must not panic
	nilBar.Done()
}

func TestBarDrawsAndErases(t *testing.T) {
	var buf bytes.Buffer
	clock := time.Unix(0, 0)
	b := newBar(&buf, "converting", 1000, func() time.Time { return clock })
	for i := 0; i < 256; i++ {
		b.Update(500, i)
	}
	if buf.Len() != 0 {
		t.Fatalf("drew %q before 200ms passed", buf.String())
	}
	clock = clock.Add(time.Second)
	for i := 0; i < 256; i++ {
		b.Update(500, 42)
	}
	got := buf.String()
	for _, want := range []string{"\rconverting [", " 50%", "500 B", "42 packets", "\x1b[K"} {
		if !strings.Contains(got, want) {
			t.Errorf("bar %q lacks %q", got, want)
		}
	}
	b.Done()
	if !strings.HasSuffix(buf.String(), "\r\x1b[K") {
		t.Errorf("Done did not erase the bar: %q", buf.String())
	}
}

func TestHumanBytes(t *testing.T) {
	for _, tt := range []struct {
		n    int64
		want string
	}{{0, "0 B"}, {1023, "1023 B"}, {1536, "1.5 KiB"}, {5 << 30, "5.0 GiB"}} {
		if got := humanBytes(tt.n); got != tt.want {
			t.Errorf("humanBytes(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
