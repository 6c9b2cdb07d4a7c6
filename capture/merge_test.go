package capture

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio/packet"
)

// chanSource is a Source fed by a test through a channel: ReadPacket waits
// for the next packet; after Close it returns what is queued, then io.EOF
// (or fail, once the queue is empty, when set).
type chanSource struct {
	ch        chan packet.Packet
	closed    chan struct{}
	closeOnce sync.Once
	fail      error
}

func newChanSource(n int) *chanSource {
	return &chanSource{ch: make(chan packet.Packet, n), closed: make(chan struct{})}
}

func (s *chanSource) ReadPacket(p *packet.Packet) error {
	select {
	case *p = <-s.ch:
		return nil
	default:
	}
	select {
	case *p = <-s.ch:
		return nil
	case <-s.closed:
		select {
		case *p = <-s.ch:
			return nil
		default:
		}
		if s.fail != nil {
			return s.fail
		}
		return io.EOF
	}
}

func (s *chanSource) Pending() bool { return len(s.ch) > 0 }

func (s *chanSource) Close() error {
	s.closeOnce.Do(func() { close(s.closed) })
	return nil
}

// pkt is a packet whose one byte names its source and number, timed at
// base+ms milliseconds.
func pkt(base time.Time, ms int, tag string) packet.Packet {
	return packet.Packet{Data: []byte(tag), Length: len(tag), Time: base.Add(time.Duration(ms) * time.Millisecond), HasTime: true, LinkType: linktype.Ethernet}
}

// drain reads m until io.EOF (closing it once want packets have come) and
// returns the packets' tags, "src:tag".
func drain(t *testing.T, m *Merger, want int) []string {
	t.Helper()
	var got []string
	var p packet.Packet
	for {
		if len(got) == want {
			m.Close()
		}
		err := m.ReadPacket(&p)
		if err == io.EOF {
			return got
		}
		if err != nil {
			t.Fatalf("after %d packets: %v", len(got), err)
		}
		got = append(got, fmt.Sprintf("%d:%s", p.Interface, p.Data))
	}
}

func TestMergeOrdersSources(t *testing.T) {
	base := time.Now()
	srcs := []*chanSource{newChanSource(100), newChanSource(100), newChanSource(100)}
	var want []string
	type ev struct {
		ms  int
		src int
		tag string
	}
	var evs []ev
	for i := range 90 {
		s := (i * 7) % 3 // an uneven interleaving
		tag := fmt.Sprintf("p%02d", i)
		srcs[s].ch <- pkt(base, i, tag)
		evs = append(evs, ev{i, s, tag})
	}
	for _, e := range evs {
		want = append(want, fmt.Sprintf("%d:%s", e.src, e.tag))
	}
	m := NewMerger([]Source{srcs[0], srcs[1], srcs[2]}, MergeOptions{Window: 50 * time.Millisecond})
	got := drain(t, m, 90)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("merged order (-want +got):\n%s", diff)
	}
	if n := m.Late(); n != 0 {
		t.Errorf("Late() = %d, want 0", n)
	}
}

// TestMergeWindowWaitsForSlowSource holds the window's promise: an older
// packet that a source hands over within the window goes out first.
func TestMergeWindowWaitsForSlowSource(t *testing.T) {
	base := time.Now()
	a, b := newChanSource(10), newChanSource(10)
	m := NewMerger([]Source{a, b}, MergeOptions{Window: 400 * time.Millisecond})
	a.ch <- pkt(base, 10, "young")
	time.Sleep(40 * time.Millisecond)
	b.ch <- pkt(base, 0, "old")
	if diff := cmp.Diff([]string{"1:old", "0:young"}, drain(t, m, 2)); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
	if n := m.Late(); n != 0 {
		t.Errorf("Late() = %d, want 0", n)
	}
}

// TestMergeLatePacket: a packet that comes after the window goes out when
// it comes, after younger ones, and is counted.
func TestMergeLatePacket(t *testing.T) {
	base := time.Now()
	a, b := newChanSource(10), newChanSource(10)
	m := NewMerger([]Source{a, b}, MergeOptions{Window: 20 * time.Millisecond})
	a.ch <- pkt(base, 10, "young")
	var p packet.Packet
	start := time.Now()
	if err := m.ReadPacket(&p); err != nil || string(p.Data) != "young" {
		t.Fatalf("first packet %q, %v; want young", p.Data, err)
	}
	if d := time.Since(start); d < 20*time.Millisecond {
		t.Errorf("the packet went out after %v, before the 20ms window", d)
	}
	b.ch <- pkt(base, 0, "old")
	if diff := cmp.Diff([]string{"1:old"}, drain(t, m, 1)); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
	if n := m.Late(); n != 1 {
		t.Errorf("Late() = %d, want 1", n)
	}
}

// TestMergeNoWindow: a negative window sends packets out as they come.
func TestMergeNoWindow(t *testing.T) {
	a, b := newChanSource(10), newChanSource(10)
	m := NewMerger([]Source{a, b}, MergeOptions{Window: -1})
	a.ch <- pkt(time.Now(), 0, "x")
	var p packet.Packet
	// b stays open and silent: a merge with a window would hold a's packet
	// for it; without one the packet comes out at once. The guard is far
	// beyond any window, so a loaded machine does not fail the test.
	done := make(chan error, 1)
	go func() { done <- m.ReadPacket(&p) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(time.Minute):
		t.Fatal("ReadPacket held a packet for a silent source without a window")
	}
	m.Close()
	if err := m.ReadPacket(&p); err != io.EOF {
		t.Errorf("after Close: %v, want io.EOF", err)
	}
}

// TestMergeCloseDrains: what the sources still hold at Close comes out, in
// order, then io.EOF.
func TestMergeCloseDrains(t *testing.T) {
	base := time.Now()
	a, b := newChanSource(1000), newChanSource(1000)
	m := NewMerger([]Source{a, b}, MergeOptions{Window: time.Hour})
	var want []string
	for i := range 1000 {
		s := a
		if i%3 == 0 {
			s = b
		}
		s.ch <- pkt(base, i, fmt.Sprint(i))
		want = append(want, fmt.Sprint(i))
	}
	m.Close()
	var got []string
	var p packet.Packet
	for {
		err := m.ReadPacket(&p)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, string(p.Data))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("drained (-want +got):\n%s", diff)
	}
}

// TestMergeSourceFails: a source's failure comes back after its packets.
func TestMergeSourceFails(t *testing.T) {
	base := time.Now()
	a, b := newChanSource(10), newChanSource(10)
	boom := errors.New("interface went away")
	a.fail = boom
	a.ch <- pkt(base, 0, "a0")
	a.ch <- pkt(base, 1, "a1")
	a.Close() // a ends with boom once its two packets are read
	b.ch <- pkt(base, 5, "b0")
	m := NewMerger([]Source{a, b}, MergeOptions{Window: time.Second}) // a window that a loaded machine does not outrun
	defer m.Close()
	var got []string
	var p packet.Packet
	var err error
	for {
		if err = m.ReadPacket(&p); err != nil {
			break
		}
		got = append(got, string(p.Data))
	}
	if !errors.Is(err, boom) {
		t.Fatalf("error %v, want %v", err, boom)
	}
	if !slices.Contains(got, "a1") || got[0] != "a0" {
		t.Errorf("packets before the error %v, want a's two first", got)
	}
}

// TestMergeBoundedBuffer: a source that outruns an idle one is not held
// for the window once its share of the buffer is full. (The last batch, with
// the share no longer full, does wait for the window: the test reads the
// packets before it.)
func TestMergeBoundedBuffer(t *testing.T) {
	base := time.Now()
	busy, idle := newChanSource(20000), newChanSource(1)
	m := NewMerger([]Source{busy, idle}, MergeOptions{Window: time.Hour, BufferMiB: 2})
	defer m.Close()
	big := make([]byte, 100<<10)
	go func() {
		for i := range 100 { // 10 MB, five times the share
			p := pkt(base, i, "")
			p.Data = big
			busy.ch <- p
		}
	}()
	var p packet.Packet
	done := make(chan error, 1)
	go func() {
		for range 70 {
			if err := m.ReadPacket(&p); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the merge held a full buffer for the (hour-long) window")
	}
}

func TestMergeNoAllocations(t *testing.T) {
	base := time.Now()
	src := newChanSource(1 << 16)
	data := make([]byte, 64)
	m := NewMerger([]Source{src}, MergeOptions{Window: -1, BufferMiB: 2})
	defer m.Close()
	feed := func(n int) {
		for i := range n {
			src.ch <- packet.Packet{Data: data, Length: 64, Time: base.Add(time.Duration(i)), HasTime: true}
		}
	}
	var p packet.Packet
	feed(20000)
	for range 20000 { // warm up: both batches made
		if err := m.ReadPacket(&p); err != nil {
			t.Fatal(err)
		}
	}
	feed(40000)
	if n := testing.AllocsPerRun(20000, func() {
		if err := m.ReadPacket(&p); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("%v allocations per packet, want 0", n)
	}
}

// TestMergePendingKeepsTheView: Pending between two reads leaves the
// packet returned last intact, though its batch is through.
func TestMergePendingKeepsTheView(t *testing.T) {
	base := time.Now()
	src := newChanSource(10)
	m := NewMerger([]Source{src}, MergeOptions{Window: -1, BufferMiB: 2}) // two batches
	defer m.Close()
	feed := func(tag string) {
		src.ch <- pkt(base, 0, tag)
		time.Sleep(30 * time.Millisecond) // a batch of its own
	}
	var p packet.Packet
	feed("x0")
	feed("x1")
	for _, want := range []string{"x0", "x1"} {
		if err := m.ReadPacket(&p); err != nil || string(p.Data) != want {
			t.Fatalf("read %q, %v; want %s", p.Data, err, want)
		}
	}
	m.Pending()
	feed("y0")
	feed("y1")
	if string(p.Data) != "x1" {
		t.Fatalf("after Pending, the packet returned last reads %q, want x1: its batch went back too early", p.Data)
	}
}
