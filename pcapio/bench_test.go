package pcapio

import (
	"bytes"
	"encoding/binary"
	"io"
	"testing"

	"github.com/gopacket/gopacket/pcapgo"
)

// benchFrames returns a realistic mix of frames: two of three are 54- to
// 66-byte TCP ACKs, one in three a 1514-byte full segment.
func benchFrames(n int) [][]byte {
	frames := make([][]byte, n)
	for i := range frames {
		size := 54 + (i*4)%13
		if i%3 == 2 {
			size = 1514
		}
		f := make([]byte, size)
		for j := range f {
			f[j] = byte(i + j)
		}
		frames[i] = f
	}
	return frames
}

// benchPcap builds a little-endian microsecond pcap file of the frames.
func benchPcap(frames [][]byte) []byte {
	le := binary.LittleEndian
	b := le.AppendUint32(nil, magicMicro)
	b = le.AppendUint16(b, 2)
	b = le.AppendUint16(b, 4)
	b = le.AppendUint64(b, 0)
	b = le.AppendUint32(b, 262144)
	b = le.AppendUint32(b, 1)
	for i, f := range frames {
		b = le.AppendUint32(b, 1_700_000_000+uint32(i/1000))
		b = le.AppendUint32(b, uint32(i%1000)*1000)
		b = le.AppendUint32(b, uint32(len(f)))
		b = le.AppendUint32(b, uint32(len(f)))
		b = append(b, f...)
	}
	return b
}

// benchPcapNG builds a little-endian pcapng file of the frames, one EPB each.
func benchPcapNG(frames [][]byte) []byte {
	g := ng{}
	b := cat(g.shb(0), g.idb(1, 262144))
	for i, f := range frames {
		b = append(b, g.epb(0, 1_700_000_000_000_000+uint64(i), f, uint32(len(f)))...)
	}
	return b
}

// benchRead reads data packet by packet, one packet per b.Loop iteration,
// restarting at the end of the data, so that allocs/op is per packet.
func benchRead(b *testing.B, data []byte, packets int) {
	br := bytes.NewReader(data)
	r, err := NewReader(br)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data) / packets))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Next(); err != nil {
			if err != io.EOF {
				b.Fatal(err)
			}
			br.Reset(data)
			if err := r.Reset(br); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pkts/s")
}

// benchReadBytes is benchRead through NewReaderBytes, which copies nothing.
func benchReadBytes(b *testing.B, data []byte, packets int) {
	r, err := NewReaderBytes(data)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data) / packets))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Next(); err != nil {
			if err != io.EOF {
				b.Fatal(err)
			}
			if r, err = NewReaderBytes(data); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pkts/s")
}

func BenchmarkReadPcapBytes(b *testing.B) {
	frames := benchFrames(30000)
	benchReadBytes(b, benchPcap(frames), len(frames))
}

func BenchmarkReadPcapNGBytes(b *testing.B) {
	frames := benchFrames(30000)
	benchReadBytes(b, benchPcapNG(frames), len(frames))
}

func BenchmarkReadPcap(b *testing.B) {
	frames := benchFrames(30000)
	benchRead(b, benchPcap(frames), len(frames))
}

func BenchmarkReadPcapNG(b *testing.B) {
	frames := benchFrames(30000)
	benchRead(b, benchPcapNG(frames), len(frames))
}

// BenchmarkPcapgoRead is the baseline: gopacket's pcapgo reading the same
// pcap data through its zero-copy call.
func BenchmarkPcapgoRead(b *testing.B) {
	frames := benchFrames(30000)
	data := benchPcap(frames)
	br := bytes.NewReader(data)
	r, err := pcapgo.NewReader(br)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data) / len(frames)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := r.ZeroCopyReadPacketData(); err != nil {
			br.Reset(data)
			if r, err = pcapgo.NewReader(br); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pkts/s")
}

// BenchmarkPcapgoReadNG is pcapgo's pcapng reader on the same pcapng data.
func BenchmarkPcapgoReadNG(b *testing.B) {
	frames := benchFrames(30000)
	data := benchPcapNG(frames)
	br := bytes.NewReader(data)
	r, err := pcapgo.NewNgReader(br, pcapgo.DefaultNgReaderOptions)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data) / len(frames)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := r.ZeroCopyReadPacketData(); err != nil {
			br.Reset(data)
			if r, err = pcapgo.NewNgReader(br, pcapgo.DefaultNgReaderOptions); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pkts/s")
}

// TestReadAllocs proves the zero-copy path allocates nothing per packet.
func TestReadAllocs(t *testing.T) {
	frames := benchFrames(3000)
	for name, data := range map[string][]byte{"pcap": benchPcap(frames), "pcapng": benchPcapNG(frames)} {
		t.Run(name, func(t *testing.T) {
			r, err := NewReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			rb, err := NewReaderBytes(data)
			if err != nil {
				t.Fatal(err)
			}
			if allocs := testing.AllocsPerRun(2000, func() {
				if _, err := rb.Next(); err != nil {
					t.Fatal(err)
				}
			}); allocs != 0 {
				t.Errorf("Next of NewReaderBytes allocates %v times per packet, want 0", allocs)
			}
			allocs := testing.AllocsPerRun(2000, func() {
				if _, err := r.Next(); err != nil {
					t.Fatal(err)
				}
			})
			if allocs != 0 {
				t.Errorf("Next allocates %v times per packet, want 0", allocs)
			}
		})
	}
}

// TestPcapgoAgrees cross-checks the reader against gopacket's pcapgo on the
// generated files: same bytes, lengths and timestamps.
func TestPcapgoAgrees(t *testing.T) {
	frames := benchFrames(500)
	pcapData, ngData := benchPcap(frames), benchPcapNG(frames)
	pr, err := pcapgo.NewReader(bytes.NewReader(pcapData))
	if err != nil {
		t.Fatal(err)
	}
	nr, err := pcapgo.NewNgReader(bytes.NewReader(ngData), pcapgo.DefaultNgReaderOptions)
	if err != nil {
		t.Fatal(err)
	}
	type src struct {
		ours   []byte
		theirs func() ([]byte, int, int64, error)
	}
	for name, s := range map[string]src{
		"pcap": {pcapData, func() ([]byte, int, int64, error) {
			d, ci, err := pr.ReadPacketData()
			return d, ci.Length, ci.Timestamp.UnixNano(), err
		}},
		"pcapng": {ngData, func() ([]byte, int, int64, error) {
			d, ci, err := nr.ReadPacketData()
			return d, ci.Length, ci.Timestamp.UnixNano(), err
		}},
	} {
		r, err := NewReader(bytes.NewReader(s.ours))
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; ; i++ {
			p, err := r.Next()
			d, length, ns, perr := s.theirs()
			if err != nil || perr != nil {
				if err != io.EOF || perr != io.EOF {
					t.Errorf("%s packet %d: errors %v and pcapgo %v", name, i, err, perr)
				}
				break
			}
			if !bytes.Equal(p.Data, d) || p.Length != length || p.Time.UnixNano() != ns {
				t.Errorf("%s packet %d differs from pcapgo", name, i)
			}
		}
	}
}
