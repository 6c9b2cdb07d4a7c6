// Package pcapio reads capture files of every pcap and pcapng variant that
// tcpdump and Wireshark read.
//
// Open (a file name, or "-" for standard input) and NewReader (any
// io.Reader) recognize the format from the first bytes, never from the name:
// pcap with microsecond or nanosecond timestamps in either byte order,
// versions 2.0 to 2.4 (caplen and len swapped as libpcap swaps them before
// 2.3), Alexey Kuznetsov's modified pcap (magic 0xa1b2cd34, 24-byte record
// headers); pcapng 1.0 and 1.2 with several sections, each in its own byte
// order, with EPB, SPB, the obsolete PB, IDB options, NRB, ISB, DSB, custom
// and unknown blocks; and either of them compressed with gzip or zstd.
//
// # Ownership and lifetime
//
// Reader.Next returns a *Packet whose Data and Options alias the reader's
// buffer: they stay valid only until the next call to Next or NextBlock. This
// zero-copy path allocates nothing per packet. Packet.Clone makes a copy to
// keep. Reader.NextBlock returns every record in file order, with Block.Raw
// the block exactly as stored, for lossless copies, under the same lifetime.
// Interfaces, Sections, Names and Secrets return the reader's own slices:
// read them, do not modify them; they grow as the reader meets new blocks.
//
// NewReaderBytes reads a capture held in memory without copying it: its
// packets alias the caller's bytes. A Reader is not safe for concurrent use.
// Reader.Reset starts a new stream with the same buffer.
//
// Packet.Interface indexes the file-wide interface list: the interfaces of
// a second section follow those of the first. (tshark 4.0 shows the
// section-local id instead.)
//
// # Errors
//
// Damage is reported as a *FormatError that names the byte offset (in the
// uncompressed stream) of the record or block at fault and wraps one of the
// sentinels ErrBadMagic, ErrTruncated, ErrVersion, ErrBlockLength,
// ErrTooLarge, ErrBadOption, ErrBadRecord or ErrCompressed. Other errors
// are the source's own read errors. Next returns every complete
// packet before the damage, then the error, and the same error on every
// later call; a clean end is io.EOF. A hostile length never makes the reader
// accept more than MaxBlockLength for a pcapng block, or more than
// MaxRecordLength for the packet data of ordinary link types (the limits of
// Wireshark and libpcap), and the buffer grows only as data arrives, so a
// length that a short file merely claims costs nothing.
//
// # Why not gopacket/pcapgo
//
// pcapgo (github.com/gopacket/gopacket/pcapgo) is the test cross-check and
// the benchmark baseline, not the reader, because it lacks: custom and
// unknown blocks for lossless copies; validation of block lengths against
// the trailer and of a multiple of 4; packet options of big-endian sections
// (it decodes epb_flags, epb_dropcount and the others little-endian always);
// pcapng 1.2 section headers (it accepts 1.0 only); pcap versions other than
// 2.4, and so the length swapping of 2.0 to 2.3; Kuznetsov's modified pcap;
// gzip and zstd; the caps on hostile lengths of Wireshark; and byte offsets
// in its errors. (Its zero-copy reads do avoid allocation, as ours do.) The
// benchmarks BenchmarkReadPcap, BenchmarkReadPcapNG, BenchmarkPcapgoRead and
// BenchmarkPcapgoReadNG compare the two on the same data.
package pcapio
