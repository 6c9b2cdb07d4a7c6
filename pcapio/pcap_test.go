package pcapio

import (
	"errors"
	"runtime"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPcapVariants(t *testing.T) {
	// Every vector: a 24-byte file header, then one record of 4 bytes
	// (de ad be ef) of a 60-byte packet at 1700000000.123456(789).
	tests := []struct {
		name string
		in   string
		hdr  PcapHeader
		want summary
	}{{
		name: "little-endian microseconds 2.4",
		in: `d4 c3 b2 a1 02 00 04 00 00 00 00 00 00 00 00 00 ff ff 00 00 01 00 00 00
		     00 f1 53 65 40 e2 01 00 04 00 00 00 3c 00 00 00 de ad be ef`,
		hdr:  PcapHeader{Major: 2, Minor: 4, SnapLen: 65535, LinkType: 1, FCSLen: -1},
		want: summary{Time: "1700000000.123456000", CapLen: 4, Length: 60, LinkType: 1, Data: "deadbeef"},
	}, {
		name: "big-endian microseconds",
		in: `a1 b2 c3 d4 00 02 00 04 00 00 00 00 00 00 00 00 00 00 ff ff 00 00 00 01
		     65 53 f1 00 00 01 e2 40 00 00 00 04 00 00 00 3c de ad be ef`,
		hdr:  PcapHeader{Major: 2, Minor: 4, SnapLen: 65535, LinkType: 1, FCSLen: -1, BigEndian: true},
		want: summary{Time: "1700000000.123456000", CapLen: 4, Length: 60, LinkType: 1, Data: "deadbeef"},
	}, {
		name: "little-endian nanoseconds",
		in: `4d 3c b2 a1 02 00 04 00 00 00 00 00 00 00 00 00 ff ff 00 00 01 00 00 00
		     00 f1 53 65 15 cd 5b 07 04 00 00 00 3c 00 00 00 de ad be ef`,
		hdr:  PcapHeader{Major: 2, Minor: 4, SnapLen: 65535, LinkType: 1, FCSLen: -1, Nano: true},
		want: summary{Time: "1700000000.123456789", CapLen: 4, Length: 60, LinkType: 1, Data: "deadbeef"},
	}, {
		name: "big-endian nanoseconds",
		in: `a1 b2 3c 4d 00 02 00 04 00 00 00 00 00 00 00 00 00 00 ff ff 00 00 00 01
		     65 53 f1 00 07 5b cd 15 00 00 00 04 00 00 00 3c de ad be ef`,
		hdr:  PcapHeader{Major: 2, Minor: 4, SnapLen: 65535, LinkType: 1, FCSLen: -1, Nano: true, BigEndian: true},
		want: summary{Time: "1700000000.123456789", CapLen: 4, Length: 60, LinkType: 1, Data: "deadbeef"},
	}, {
		name: "Kuznetsov modified: 8 more header bytes (ifindex 2, protocol 08 00 in network order, pkt_type 0, pad)",
		in: `34 cd b2 a1 02 00 04 00 00 00 00 00 00 00 00 00 ff ff 00 00 01 00 00 00
		     00 f1 53 65 40 e2 01 00 04 00 00 00 3c 00 00 00 02 00 00 00 08 00 00 00 de ad be ef`,
		hdr:  PcapHeader{Major: 2, Minor: 4, SnapLen: 65535, LinkType: 1, FCSLen: -1, Modified: true},
		want: summary{Time: "1700000000.123456000", CapLen: 4, Length: 60, LinkType: 1, Data: "deadbeef"},
	}, {
		name: "version 2.2 stores len before caplen",
		in: `d4 c3 b2 a1 02 00 02 00 00 00 00 00 00 00 00 00 ff ff 00 00 01 00 00 00
		     00 f1 53 65 40 e2 01 00 3c 00 00 00 04 00 00 00 de ad be ef`,
		hdr:  PcapHeader{Major: 2, Minor: 2, SnapLen: 65535, LinkType: 1, FCSLen: -1},
		want: summary{Time: "1700000000.123456000", CapLen: 4, Length: 60, LinkType: 1, Data: "deadbeef"},
	}, {
		name: "version 2.3 with caplen above len is swapped",
		in: `d4 c3 b2 a1 02 00 03 00 00 00 00 00 00 00 00 00 ff ff 00 00 01 00 00 00
		     00 f1 53 65 40 e2 01 00 3c 00 00 00 04 00 00 00 de ad be ef`,
		hdr:  PcapHeader{Major: 2, Minor: 3, SnapLen: 65535, LinkType: 1, FCSLen: -1},
		want: summary{Time: "1700000000.123456000", CapLen: 4, Length: 60, LinkType: 1, Data: "deadbeef"},
	}, {
		name: "snaplen 0 is tolerated",
		in: `d4 c3 b2 a1 02 00 04 00 00 00 00 00 00 00 00 00 00 00 00 00 01 00 00 00
		     00 f1 53 65 40 e2 01 00 04 00 00 00 3c 00 00 00 de ad be ef`,
		hdr:  PcapHeader{Major: 2, Minor: 4, LinkType: 1, FCSLen: -1},
		want: summary{Time: "1700000000.123456000", CapLen: 4, Length: 60, LinkType: 1, Data: "deadbeef"},
	}, {
		name: "FCS bits (F set, 1 16-bit word) and caplen 4 above snaplen 2",
		in: `d4 c3 b2 a1 02 00 04 00 00 00 00 00 00 00 00 00 02 00 00 00 01 00 00 14
		     00 f1 53 65 40 e2 01 00 04 00 00 00 3c 00 00 00 de ad be ef`,
		hdr:  PcapHeader{Major: 2, Minor: 4, SnapLen: 2, LinkType: 1, FCSLen: 2},
		want: summary{Time: "1700000000.123456000", CapLen: 4, Length: 60, LinkType: 1, Data: "deadbeef"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, got, err := readPackets(t, unhex(t, tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]summary{tt.want}, got); diff != "" {
				t.Errorf("packets (-want +got):\n%s", diff)
			}
			hdr, ok := r.PcapHeader()
			if !ok || r.Format() != FormatPcap {
				t.Errorf("PcapHeader ok=%v, Format %v, want pcap", ok, r.Format())
			}
			if diff := cmp.Diff(tt.hdr, hdr); diff != "" {
				t.Errorf("header (-want +got):\n%s", diff)
			}
			if m, ok := r.Modified(); ok != tt.hdr.Modified || ok && m != (ModifiedRecord{IfIndex: 2, Protocol: 0x0800}) {
				t.Errorf("Modified() = %+v, %v", m, ok)
			}
			if in := r.Interfaces(); len(in) != 1 || in[0].FCSLen != tt.hdr.FCSLen || in[0].LinkType != tt.hdr.LinkType {
				t.Errorf("Interfaces() = %+v, want one of link type %v, FCS length %d", in, tt.hdr.LinkType, tt.hdr.FCSLen)
			}
		})
	}
}

// TestBadInput checks that damage yields the packets before it, then a
// *FormatError that wraps the right sentinel and names the right offset.
func TestBadInput(t *testing.T) {
	const (
		pcapHdr = `d4 c3 b2 a1 02 00 04 00 00 00 00 00 00 00 00 00 ff ff 00 00 01 00 00 00`
		pcapRec = `00 f1 53 65 40 e2 01 00 04 00 00 00 3c 00 00 00 de ad be ef` // 4 of 60 bytes
		// A little-endian SHB 1.0 without options (28 bytes) and an Ethernet IDB (20 bytes).
		shb = `0a 0d 0d 0a 1c 00 00 00 4d 3c 2b 1a 01 00 00 00 ff ff ff ff ff ff ff ff 1c 00 00 00`
		idb = `01 00 00 00 14 00 00 00 01 00 00 00 00 00 04 00 14 00 00 00`
		// An EPB (36 bytes) on interface 0 of 4 bytes.
		epb = `06 00 00 00 24 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 04 00 00 00 04 00 00 00 de ad be ef 24 00 00 00`
	)
	tests := []struct {
		name    string
		in      string
		packets int
		err     error
		offset  int64
	}{
		{"pcap truncated last record", pcapHdr + pcapRec + pcapRec[:53], 1, ErrTruncated, 44},
		{"pcap truncated record header", pcapHdr + pcapRec + `00 f1 53`, 1, ErrTruncated, 44},
		{"pcap truncated file header", pcapHdr[:30], 0, ErrTruncated, 0},
		{"pcap caplen of 4 GiB", pcapHdr + `00 f1 53 65 40 e2 01 00 ff ff ff ff ff ff ff ff de ad`, 0, ErrTooLarge, 24},
		{"pcap caplen above 262144", pcapHdr + `00 f1 53 65 40 e2 01 00 01 00 04 00 01 00 04 00`, 0, ErrTooLarge, 24},
		{"bad magic", `de ad be ef 02 00 04 00 00 00 00 00 00 00 00 00 ff ff 00 00 01 00 00 00`, 0, ErrBadMagic, 0},
		{"pcap version 1.0", `d4 c3 b2 a1 01 00 00 00 00 00 00 00 00 00 00 00 ff ff 00 00 01 00 00 00`, 0, ErrVersion, 4},
		{"pcap reserved link-type bits", `d4 c3 b2 a1 02 00 04 00 00 00 00 00 00 00 00 00 ff ff 00 00 00 00 30 00`, 0, ErrBadRecord, 20},
		{"pcapng truncated last block", shb + idb + epb + epb[:47], 1, ErrTruncated, 84},
		{"pcapng block length not a multiple of 4", shb + idb + epb + `06 00 00 00 22 00 00 00 00 00`, 1, ErrBlockLength, 84},
		{"pcapng block length below 12", shb + idb + `06 00 00 00 08 00 00 00 08 00 00 00`, 0, ErrBlockLength, 48},
		{"pcapng trailer differs", shb + idb + `06 00 00 00 24 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 04 00 00 00 04 00 00 00 de ad be ef 28 00 00 00`, 0, ErrBlockLength, 48},
		{"pcapng EPB below its minimum", shb + idb + `06 00 00 00 10 00 00 00 00 00 00 00 10 00 00 00`, 0, ErrBlockLength, 48},
		{"pcapng option past its block", shb + idb +
			// EPB whose comment option claims 0x40 bytes.
			`06 00 00 00 2c 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 04 00 00 00 04 00 00 00 de ad be ef
			 01 00 40 00 68 69 00 00 2c 00 00 00`, 0, ErrBadOption, 80},
		{"pcapng IDB option past its block", shb + `01 00 00 00 1c 00 00 00 01 00 00 00 00 00 04 00 02 00 10 00 65 74 68 30 1c 00 00 00`, 0, ErrBadOption, 44},
		{"pcapng caplen of 4 GiB", shb + idb + `06 00 00 00 24 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 ff ff ff ff 04 00 00 00 de ad be ef 24 00 00 00`, 0, ErrBadRecord, 48},
		{"pcapng if_tsresol 10^-20", shb + `01 00 00 00 1c 00 00 00 01 00 00 00 00 00 04 00 09 00 01 00 14 00 00 00 1c 00 00 00`, 0, ErrBadOption, 28},
		{"pcapng if_tsresol 2^-64", shb + `01 00 00 00 1c 00 00 00 01 00 00 00 00 00 04 00 09 00 01 00 c0 00 00 00 1c 00 00 00`, 0, ErrBadOption, 28},
		{"pcapng huge SHB length", `0a 0d 0d 0a f0 ff ff ff 4d 3c 2b 1a 01 00 00 00 ff ff ff ff ff ff ff ff`, 0, ErrTooLarge, 0},
		{"pcapng block length above 16 MiB", shb + idb + `06 00 00 00 00 00 00 02 00 00 00 00`, 0, ErrTooLarge, 48},
		{"pcapng SHB version 2.0", `0a 0d 0d 0a 1c 00 00 00 4d 3c 2b 1a 02 00 00 00 ff ff ff ff ff ff ff ff 1c 00 00 00`, 0, ErrVersion, 12},
		{"pcapng second SHB version 2.0", shb + idb + epb + `0a 0d 0d 0a 1c 00 00 00 4d 3c 2b 1a 02 00 00 00 ff ff ff ff ff ff ff ff 1c 00 00 00`, 1, ErrVersion, 96},
		{"pcapng bad byte-order magic", `0a 0d 0d 0a 1c 00 00 00 4d 3c 2b 1b 01 00 00 00 ff ff ff ff ff ff ff ff 1c 00 00 00`, 0, ErrBadMagic, 8},
		{"pcapng packet of an undescribed interface", shb + epb, 0, ErrBadRecord, 28},
		{"empty input", ``, 0, ErrTruncated, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got, err := readPackets(t, unhex(t, tt.in))
			if len(got) != tt.packets {
				t.Errorf("read %d packets before the error, want %d", len(got), tt.packets)
			}
			var fe *FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v, want a *FormatError wrapping %v", err, tt.err)
			}
			if !errors.Is(err, tt.err) || fe.Offset != tt.offset {
				t.Errorf("error %q (offset %d), want %v at offset %d", err, fe.Offset, tt.err, tt.offset)
			}
			// The same through NewReaderBytes.
			n := 0
			r, err := NewReaderBytes(unhex(t, tt.in))
			for err == nil {
				if _, err = r.Next(); err == nil {
					n++
				}
			}
			if !errors.As(err, &fe) || !errors.Is(err, tt.err) || fe.Offset != tt.offset || n != tt.packets {
				t.Errorf("NewReaderBytes: %d packets, error %v; want %d, %v at offset %d", n, err, tt.packets, tt.err, tt.offset)
			}
		})
	}
}

// TestHostileLengthsMemory checks that lengths a short input only claims
// do not make the reader allocate for them.
func TestHostileLengthsMemory(t *testing.T) {
	const shb = `0a 0d 0d 0a 1c 00 00 00 4d 3c 2b 1a 01 00 00 00 ff ff ff ff ff ff ff ff 1c 00 00 00`
	tests := []struct{ name, in string }{
		{"pcap caplen of 4 GiB", `d4 c3 b2 a1 02 00 04 00 00 00 00 00 00 00 00 00 ff ff 00 00 01 00 00 00
		                          00 f1 53 65 40 e2 01 00 ff ff ff ff ff ff ff ff de ad`},
		{"SHB length of 4 GiB", `0a 0d 0d 0a f0 ff ff ff 4d 3c 2b 1a 01 00 00 00 ff ff ff ff ff ff ff ff`},
		{"EPB length of 16 MiB, 12 bytes present", shb + `06 00 00 00 00 00 00 01 00 00 00 00`},
		{"IDB length of 16 MiB, 12 bytes present", shb + `01 00 00 00 00 00 00 01 00 00 00 00`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := unhex(t, tt.in)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for range 10 {
				readPackets(t, in)
			}
			runtime.ReadMemStats(&after)
			if allocs := (after.TotalAlloc - before.TotalAlloc) / 10; allocs > 2*bufSize {
				t.Errorf("reading %d bytes allocates %d bytes, want at most %d", len(in), allocs, 2*bufSize)
			}
		})
	}
}
