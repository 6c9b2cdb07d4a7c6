package pcapio

import (
	"bytes"
	"errors"
	"io"
	"syscall"
	"testing"
	"time"

	"github.com/rawcap/rawcap/linktype"
)

// wFailWriter accepts limit bytes, then fails every write with err.
type wFailWriter struct {
	limit int
	n     int
	err   error
}

func (f *wFailWriter) Write(p []byte) (int, error) {
	if f.n+len(p) > f.limit {
		k := f.limit - f.n
		f.n = f.limit
		return k, f.err
	}
	f.n += len(p)
	return len(p), nil
}

func TestWriteErrorsReachCaller(t *testing.T) {
	makers := []struct {
		name string
		make func(io.Writer) Writer
	}{
		{"pcap", func(w io.Writer) Writer {
			pw, _ := NewPcapWriter(w, PcapWriterOptions{LinkType: linktype.Ethernet})
			return pw
		}},
		{"pcapng", func(w io.Writer) Writer {
			nw, _ := NewPcapNGWriter(w, PcapNGWriterOptions{})
			nw.AddInterface(Interface{LinkType: linktype.Ethernet})
			return nw
		}},
	}
	for _, m := range makers {
		for _, werr := range []error{syscall.ENOSPC, syscall.EPIPE} {
			t.Run(m.name+"/"+werr.Error(), func(t *testing.T) {
				fw := &wFailWriter{limit: 100000, err: werr}
				w := m.make(fw)
				p := Packet{Data: make([]byte, 1500), Length: 1500, Time: time.Unix(1, 0), HasTime: true}
				var err error
				for i := 0; i < 1000 && err == nil; i++ {
					err = w.WritePacket(&p)
				}
				if !errors.Is(err, werr) {
					t.Fatalf("WritePacket after the disk filled = %v, want %v", err, werr)
				}
				if err := w.WritePacket(&p); !errors.Is(err, werr) {
					t.Errorf("next WritePacket = %v, want the sticky %v", err, werr)
				}
				if err := w.Flush(); !errors.Is(err, werr) {
					t.Errorf("Flush = %v, want %v", err, werr)
				}
				if err := w.Close(); !errors.Is(err, werr) {
					t.Errorf("Close = %v, want %v", err, werr)
				}
			})
		}
	}
}

func TestCloseFlushesAndRefusesWrites(t *testing.T) {
	var buf bytes.Buffer
	w, _ := NewPcapWriter(&buf, PcapWriterOptions{LinkType: linktype.Raw})
	p := Packet{Data: []byte{0x45}, Length: 1}
	if err := w.WritePacket(&p); err != nil {
		t.Fatal(err)
	}
	if buf.Len() != 0 {
		t.Errorf("%d bytes written before Flush, want the writer to buffer", buf.Len())
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if buf.Len() != 24+16+1 {
		t.Errorf("after Close the file holds %d bytes, want %d", buf.Len(), 24+16+1)
	}
	if err := w.WritePacket(&p); !errors.Is(err, ErrWriterClosed) {
		t.Errorf("WritePacket after Close = %v, want ErrWriterClosed", err)
	}
	if err := w.Close(); err != nil {
		t.Errorf("second Close = %v, want nil", err)
	}
}

func TestPcapRefusesOtherLinkType(t *testing.T) {
	w, _ := NewPcapWriter(io.Discard, PcapWriterOptions{LinkType: linktype.Ethernet})
	p := Packet{Data: []byte{0x45}, Length: 1, LinkType: linktype.Raw}
	if err := w.WritePacket(&p); !errors.Is(err, ErrLinkTypeMismatch) {
		t.Errorf("WritePacket(raw IP into Ethernet pcap) = %v, want ErrLinkTypeMismatch", err)
	}
}

func TestPcapNGUnknownInterface(t *testing.T) {
	w, _ := NewPcapNGWriter(io.Discard, PcapNGWriterOptions{})
	p := Packet{Data: []byte{0x45}, Length: 1}
	if err := w.WritePacket(&p); !errors.Is(err, ErrNoInterface) {
		t.Errorf("WritePacket without an interface = %v, want ErrNoInterface", err)
	}
}

// TestLargePacketWrittenThrough writes a packet larger than the buffer.
func TestLargePacketWrittenThrough(t *testing.T) {
	big := bytes.Repeat([]byte{7}, wBufSize+1000)
	for _, ng := range []bool{false, true} {
		var buf bytes.Buffer
		var w Writer
		if ng {
			nw, _ := NewPcapNGWriter(&buf, PcapNGWriterOptions{})
			nw.AddInterface(Interface{LinkType: 147})
			w = nw
		} else {
			w, _ = NewPcapWriter(&buf, PcapWriterOptions{LinkType: 147})
		}
		ps := []Packet{{Data: []byte{1}, Length: 1}, {Data: big, Length: len(big)}, {Data: []byte{2}, Length: 1}}
		for i := range ps {
			ps[i].LinkType = 147
			if err := w.WritePacket(&ps[i]); err != nil {
				t.Fatal(err)
			}
		}
		w.Close()
		// The reader caps records at MaxRecordLength: check the layout by hand
		// (SHB 56 bytes with "rawcap" and "linux", IDB 32, EPBs 36 and 32+data).
		if ng {
			if n := buf.Len(); n != 56+32+36+36+32+len(big) {
				t.Errorf("pcapng file of %d bytes", n)
			}
		} else if n := buf.Len(); n != 24+3*16+2+len(big) {
			t.Errorf("pcap file of %d bytes", n)
		}
		if !bytes.Contains(buf.Bytes(), big) {
			t.Error("large packet's bytes missing")
		}
	}
}

func TestWritePacketAllocs(t *testing.T) {
	p := Packet{Data: make([]byte, 1000), Length: 1000, Time: time.Unix(1700000000, 1), HasTime: true,
		LinkType: linktype.Ethernet, Options: MakeOptions(wEncodeOpts(true), true)}
	pw, _ := NewPcapWriter(io.Discard, PcapWriterOptions{LinkType: linktype.Ethernet})
	nw, _ := NewPcapNGWriter(io.Discard, PcapNGWriterOptions{})
	nw.AddInterface(Interface{LinkType: linktype.Ethernet})
	for _, tt := range []struct {
		name string
		w    Writer
	}{{"pcap", pw}, {"pcapng", nw}} {
		if n := testing.AllocsPerRun(2000, func() { tt.w.WritePacket(&p) }); n != 0 {
			t.Errorf("%s WritePacket: %v allocations per packet, want 0", tt.name, n)
		}
	}
}

func TestPcapTimeRange(t *testing.T) {
	w, _ := NewPcapWriter(io.Discard, PcapWriterOptions{LinkType: linktype.Ethernet})
	for _, tt := range []struct {
		t  time.Time
		ok bool
	}{
		{time.Unix(0, 0), true},
		{time.Unix(1<<32-1, 999999999), true},
		{time.Unix(1<<32, 0), false},
		{time.Unix(-1, 0), false},
	} {
		p := Packet{Data: []byte{1}, Length: 1, Time: tt.t, HasTime: true}
		if err := w.WritePacket(&p); (err == nil) != tt.ok || (err != nil && !errors.Is(err, ErrTimeRange)) {
			t.Errorf("WritePacket(time %v) = %v, want ok=%v or ErrTimeRange", tt.t.UTC(), err, tt.ok)
		}
	}
}

func TestPcapNGOptionTooLong(t *testing.T) {
	w, _ := NewPcapNGWriter(io.Discard, PcapNGWriterOptions{})
	long := string(make([]byte, 70000))
	for _, ifc := range []Interface{{Name: long}, {Filter: long}, {Description: long}} {
		if _, err := w.AddInterface(ifc); !errors.Is(err, ErrBlockTooLarge) {
			t.Errorf("AddInterface with a 70000-byte option = %v, want ErrBlockTooLarge", err)
		}
	}
	w.AddInterface(Interface{LinkType: linktype.Ethernet})
	if err := w.WriteStats(0, InterfaceStats{Comment: long}); !errors.Is(err, ErrBlockTooLarge) {
		t.Errorf("WriteStats with a 70000-byte comment = %v, want ErrBlockTooLarge", err)
	}
	if _, err := NewPcapNGWriter(io.Discard, PcapNGWriterOptions{OS: long}); !errors.Is(err, ErrBlockTooLarge) {
		t.Errorf("NewPcapNGWriter with a 70000-byte shb_os = %v, want ErrBlockTooLarge", err)
	}
}

func TestPcapNGTimeRange(t *testing.T) {
	w, _ := NewPcapNGWriter(io.Discard, PcapNGWriterOptions{})
	w.AddInterface(Interface{LinkType: linktype.Ethernet})
	for _, tt := range []struct {
		t  time.Time
		ok bool
	}{
		{time.Time{}, true}, // no timestamp: written as 0
		{time.Unix(0, 1), true},
		{time.Unix(1<<32, 0), true}, // beyond pcap, fine for pcapng
		{time.Unix(-1, 0), false},
		{time.Unix(1<<62, 0), false},
	} {
		p := Packet{Data: []byte{1}, Length: 1, Time: tt.t, HasTime: !tt.t.IsZero()}
		if err := w.WritePacket(&p); (err == nil) != tt.ok || (err != nil && !errors.Is(err, ErrTimeRange)) {
			t.Errorf("WritePacket(time %v) = %v, want ok=%v or ErrTimeRange", tt.t.UTC(), err, tt.ok)
		}
	}
}
