package pcapio

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/linktype"
)

// wPacket is a packet as the round-trip tests compare it.
type wPacket struct {
	Data      []byte
	Length    int
	Time      time.Time
	Interface int
	LinkType  linktype.Type
	Comments  []string
	Flags     uint32
	DropCount uint64
	PacketID  uint64
	Queue     uint32
	Hash      []byte
	Verdicts  [][]byte
}

func toWPacket(p *Packet) wPacket {
	o := p.Options
	flags, _ := o.Flags()
	drops, _ := o.DropCount()
	id, _ := o.PacketID()
	q, _ := o.Queue()
	h, _ := o.Hash()
	var vs [][]byte
	for _, v := range o.Verdicts() {
		vs = append(vs, append([]byte(nil), v...))
	}
	return wPacket{
		Data: append([]byte(nil), p.Data...), Length: p.Length, Time: p.Time, Interface: p.Interface,
		LinkType: p.LinkType, Comments: o.Comments(), Flags: flags, DropCount: drops, PacketID: id,
		Queue: q, Hash: append([]byte(nil), h...), Verdicts: vs,
	}
}

// wReadAll reads every packet of a capture file held in b.
func wReadAll(t testing.TB, b []byte) ([]wPacket, *Reader) {
	t.Helper()
	r, err := NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("NewReader: %v", err)
	}
	var ps []wPacket
	for {
		p, err := r.Next()
		if err == io.EOF {
			return ps, r
		}
		if err != nil {
			t.Fatalf("Next after %d packets: %v", len(ps), err)
		}
		ps = append(ps, toWPacket(p))
	}
}

// wEncodeOpts builds an EPB option list in the given byte order: a comment,
// flags, drop count, packet id, queue, hash, verdict and a custom option.
func wEncodeOpts(big bool) []byte {
	var b []byte
	b = wAppOptString(b, big, OptComment, "a comment")
	b = wApp16(b, big, OptFlags)
	b = wApp16(b, big, 4)
	b = wApp32(b, big, 0x00010006) // outbound, multicast, one error bit
	b = wAppOpt64(b, big, OptDropCount, 0x0102030405060708)
	b = wAppOpt64(b, big, OptPacketID, 0x1122334455667788)
	b = wApp16(b, big, OptQueue)
	b = wApp16(b, big, 4)
	b = wApp32(b, big, 0xa0b0c0d0)
	b = wAppOpt(b, big, OptHash, []byte{2, 0xde, 0xad, 0xbe, 0xef})
	b = wAppOpt(b, big, OptVerdict, []byte{1, 9, 8, 7})
	b = wApp16(b, big, 2989) // custom, copiable, binary: PEN 32473 then data
	b = wApp16(b, big, 6)
	b = wApp32(b, big, 32473)
	b = append(b, 'x', 'y', 0, 0)
	return wApp32(b, big, 0)
}

func TestWriteReadBack(t *testing.T) {
	t0 := time.Unix(1600000000, 999999999).UTC()
	in := []Packet{
		{Data: []byte{1, 2, 3}, Length: 3, Time: t0, HasTime: true},
		{Data: bytes.Repeat([]byte{0xab}, 1514), Length: 1514, Time: t0.Add(time.Microsecond), HasTime: true},
		{Data: []byte{4, 5, 6, 7, 8}, Length: 9000, Time: t0.Add(time.Hour + 1), HasTime: true,
			Options: MakeOptions(wEncodeOpts(false), false)},
		{Data: []byte{}, Length: 0, Time: t0.Add(2 * time.Hour), HasTime: true,
			Options: MakeOptions(wEncodeOpts(true), true)},
	}
	for i := range in {
		in[i].LinkType = linktype.Ethernet
	}
	tests := []struct {
		name  string
		write func(io.Writer) Writer
		// precision the file keeps, and whether it keeps options
		prec    time.Duration
		options bool
	}{
		{"pcap micro", func(w io.Writer) Writer {
			pw, _ := NewPcapWriter(w, PcapWriterOptions{LinkType: linktype.Ethernet})
			return pw
		}, time.Microsecond, false},
		{"pcap nano", func(w io.Writer) Writer {
			pw, _ := NewPcapWriter(w, PcapWriterOptions{LinkType: linktype.Ethernet, Nano: true})
			return pw
		}, time.Nanosecond, false},
		{"pcapng little-endian", func(w io.Writer) Writer {
			nw, _ := NewPcapNGWriter(w, PcapNGWriterOptions{})
			nw.AddInterface(Interface{LinkType: linktype.Ethernet, Name: "eth0"})
			return nw
		}, time.Nanosecond, true},
		{"pcapng big-endian", func(w io.Writer) Writer {
			nw, _ := NewPcapNGWriter(w, PcapNGWriterOptions{BigEndian: true})
			nw.AddInterface(Interface{LinkType: linktype.Ethernet, Name: "eth0"})
			return nw
		}, time.Nanosecond, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := tt.write(&buf)
			for i := range in {
				if err := w.WritePacket(&in[i]); err != nil {
					t.Fatalf("WritePacket %d: %v", i, err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatalf("Close: %v", err)
			}
			var want []wPacket
			for i := range in {
				p := in[i]
				p.Time = p.Time.Truncate(tt.prec)
				if !tt.options {
					p.Options = Options{}
				}
				want = append(want, toWPacket(&p))
			}
			got, _ := wReadAll(t, buf.Bytes())
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("read back (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSwappedOptionsRaw checks the bytes of options converted between byte
// orders against the same options encoded natively.
func TestSwappedOptionsRaw(t *testing.T) {
	for _, big := range []bool{false, true} {
		var buf bytes.Buffer
		w, _ := NewPcapNGWriter(&buf, PcapNGWriterOptions{BigEndian: big})
		w.AddInterface(Interface{LinkType: linktype.Raw})
		p := Packet{Data: []byte{0x45}, Length: 1, Options: MakeOptions(wEncodeOpts(!big), !big)}
		if err := w.WritePacket(&p); err != nil {
			t.Fatal(err)
		}
		w.Close()
		got := buf.Bytes()
		want := wEncodeOpts(big)
		// The EPB is last: its options end 4 bytes before the file does.
		got = got[len(got)-4-len(want) : len(got)-4]
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("options swapped into big=%v (-want +got):\n%s", big, diff)
		}
	}
}

func TestInterfaceAndStatsReadBack(t *testing.T) {
	var buf bytes.Buffer
	w, _ := NewPcapNGWriter(&buf, PcapNGWriterOptions{UserAppl: "rawcap 1.0", OS: "Linux 6.1", Hardware: "x86_64",
		Comments: []string{"section comment"}})
	ifcs := []Interface{
		{LinkType: linktype.Ethernet, SnapLen: 262144, Name: "eth0", Description: "first", Filter: "tcp port 80",
			OS: "Linux", Hardware: "nic", FCSLen: 4, Speed: 1e9},
		{LinkType: linktype.LinuxSLL2, SnapLen: 96, Name: "any"},
	}
	for i, ifc := range ifcs {
		if n, err := w.AddInterface(ifc); err != nil || n != i {
			t.Fatalf("AddInterface = %d, %v; want %d", n, err, i)
		}
	}
	t0 := time.Unix(1700000000, 5).UTC()
	p := Packet{Data: []byte{1}, Length: 1, Time: t0, HasTime: true, Interface: 1}
	if err := w.WritePacket(&p); err != nil {
		t.Fatal(err)
	}
	st := InterfaceStats{Time: t0.Add(time.Second), Received: 7, Dropped: 0, FilterAccepted: 5, OSDropped: 1, Delivered: 4,
		Has: HasReceived | HasDropped | HasFilterAccepted | HasOSDropped | HasDelivered, StartTime: t0, EndTime: t0.Add(time.Second)}
	if err := w.WriteStats(1, st); err != nil {
		t.Fatal(err)
	}
	if err := w.WriteStats(2, st); !errors.Is(err, ErrNoInterface) {
		t.Errorf("WriteStats(2) = %v, want ErrNoInterface", err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	got, r := wReadAll(t, buf.Bytes())
	if len(got) != 1 || got[0].Interface != 1 || got[0].LinkType != linktype.LinuxSLL2 || !got[0].Time.Equal(t0) {
		t.Errorf("packet = %+v", got)
	}
	secs := r.Sections()
	if len(secs) != 1 || secs[0].UserAppl != "rawcap 1.0" || secs[0].OS != "Linux 6.1" || secs[0].Hardware != "x86_64" ||
		!cmp.Equal(secs[0].Comments, []string{"section comment"}) || secs[0].Length != -1 {
		t.Errorf("section = %+v", secs)
	}
	type ifView struct {
		LinkType                                linktype.Type
		SnapLen                                 uint32
		FCSLen                                  int
		Name, Description, Filter, OS, Hardware string
		TSResol                                 uint8
		Speed                                   uint64
	}
	var gotIf, wantIf []ifView
	for _, ifc := range r.Interfaces() {
		gotIf = append(gotIf, ifView{ifc.LinkType, ifc.SnapLen, ifc.FCSLen, ifc.Name, ifc.Description, ifc.Filter, ifc.OS, ifc.Hardware, ifc.TSResol, ifc.Speed})
	}
	for _, ifc := range ifcs {
		fcs := ifc.FCSLen
		if fcs == 0 {
			fcs = -1
		}
		wantIf = append(wantIf, ifView{ifc.LinkType, ifc.SnapLen, fcs, ifc.Name, ifc.Description, ifc.Filter, ifc.OS, ifc.Hardware, 9, ifc.Speed})
	}
	if diff := cmp.Diff(wantIf, gotIf); diff != "" {
		t.Errorf("interfaces (-want +got):\n%s", diff)
	}
	s := r.Interfaces()[1].Stats
	if s == nil {
		t.Fatal("no statistics read back")
	}
	st.Has |= HasStartTime | HasEndTime
	if diff := cmp.Diff(st, *s); diff != "" {
		t.Errorf("statistics (-want +got):\n%s", diff)
	}
}
