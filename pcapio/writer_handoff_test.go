package pcapio

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/rawcap/rawcap/linktype"
)

// handoffSink is a HandoffWriter that writes at once, into out, and hands
// back the buffer it was given before last (as a sink writing in the
// background recycles its buffers).
type handoffSink struct {
	out      bytes.Buffer
	spare    [][]byte
	handoffs int
	fail     error // returned from the handoff after the first
}

func (s *handoffSink) Write(p []byte) (int, error) { return s.out.Write(p) }

func (s *handoffSink) Handoff(p []byte) ([]byte, error) {
	s.handoffs++
	s.out.Write(p)
	if s.fail != nil && s.handoffs > 1 {
		return p[:0], s.fail
	}
	s.spare = append(s.spare, p[:0])
	if len(s.spare) < 2 {
		return make([]byte, 0, cap(p)), nil
	}
	b := s.spare[0]
	s.spare = s.spare[1:]
	return b, nil
}

// TestHandoffWriter: a writer whose sink takes its buffers writes the same
// bytes as one that copies them, large records (through Write) included,
// and a failed handoff is sticky.
func TestHandoffWriter(t *testing.T) {
	t0 := time.Unix(1700000000, 0)
	var ps []Packet
	for i := range 3000 {
		n := 60 + i%1400
		if i == 1500 {
			n = wBufSize + 1000 // larger than the buffer: written straight through
		}
		d := make([]byte, n)
		for j := range d {
			d[j] = byte(i + j)
		}
		ps = append(ps, Packet{Data: d, Length: n + i%3, Time: t0.Add(time.Duration(i) * time.Millisecond), HasTime: true, LinkType: linktype.Ethernet})
	}
	writers := map[string]func(w io.Writer) Writer{
		"pcap": func(w io.Writer) Writer {
			pw, _ := NewPcapWriter(w, PcapWriterOptions{LinkType: linktype.Ethernet, Nano: true})
			return pw
		},
		"pcapng": func(w io.Writer) Writer {
			ng, _ := NewPcapNGWriter(w, PcapNGWriterOptions{})
			ng.AddInterface(Interface{LinkType: linktype.Ethernet})
			return ng
		},
	}
	for name, mk := range writers {
		var plain bytes.Buffer
		sink := &handoffSink{}
		a, b := mk(&plain), mk(sink)
		for i := range ps {
			if err := a.WritePacket(&ps[i]); err != nil {
				t.Fatal(err)
			}
			if err := b.WritePacket(&ps[i]); err != nil {
				t.Fatalf("%s: packet %d: %v", name, i, err)
			}
		}
		if err := a.Close(); err != nil {
			t.Fatal(err)
		}
		if err := b.Close(); err != nil {
			t.Fatal(err)
		}
		if sink.handoffs < 10 {
			t.Errorf("%s: %d handoffs; the test wants many", name, sink.handoffs)
		}
		if !bytes.Equal(plain.Bytes(), sink.out.Bytes()) {
			t.Errorf("%s: %d bytes through handoffs differ from the %d written plainly", name, sink.out.Len(), plain.Len())
		}

		full := errors.New("no space left on device")
		sink = &handoffSink{fail: full}
		w := mk(sink)
		var err error
		for i := 0; i < len(ps) && err == nil; i++ {
			err = w.WritePacket(&ps[i])
		}
		if !errors.Is(err, full) {
			t.Errorf("%s: a failed handoff gave %v, want %v", name, err, full)
		}
		if err := w.WritePacket(&ps[0]); !errors.Is(err, full) {
			t.Errorf("%s: the write after a failed handoff gave %v, want the same error", name, err)
		}
	}
}
