package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/rawcap/rawcap/internal/flowkey"
	"github.com/rawcap/rawcap/pcapio"
	"github.com/urfave/cli/v2"
)

func splitCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "split",
		Usage:     "split a capture into files by packet count, time, size or conversation",
		ArgsUsage: "IN OUTPREFIX",
		UsageText: `rawcap split [options] IN OUTPREFIX

Examples:
   rawcap split -c 100000 big.pcap part.pcap      # part_00000_20240501100000.pcap, ...
   rawcap split -i 60 day.pcapng minute.pcapng    # one file a minute, as editcap -i
   rawcap split --size 100 big.pcap.gz chunk.pcap # files of at most 100 MB
   rawcap split --by flow span.pcap flows/conv    # one file per TCP/UDP conversation`,
		Description: `Split reads IN once and writes its packets into several files that keep IN's
format (pcap or pcapng).

-c N, -i SECONDS and --size MB cut IN into pieces named as editcap names them:
PREFIX_NNNNN_YYYYMMDDHHMMSS.EXT, with the (local) time of the piece's first
packet. -i counts intervals from the first packet and, as editcap does,
writes an empty file for an interval without packets. --size counts
1,000,000 bytes to a MB, as tcpdump -C does. pcapng pieces keep the
input's blocks (name resolution, secrets, statistics, custom), each in the
piece being written when it comes.

--by flow writes each conversation to its own file, named by its endpoints
(PREFIX_tcp_10.0.0.1_51000_10.0.0.2_80.EXT, both directions together; other
IP protocols by address pair); --by stream numbers conversations in order of
appearance, TCP and UDP apart (PREFIX_tcp-00000.EXT), and starts a new TCP
stream when a SYN reuses the ports of a closed one; --by host writes each
packet to the file of its source and of its destination address. Packets
without IP go to PREFIX_other.EXT. At most --max-open files are open at
once: the least recently used is closed and reopened for appending when its
conversation goes on, so hundreds of thousands of conversations work with a
small descriptor limit. In these modes only packets and the interfaces they
need are written.

A damaged IN gives every packet before the damage, in valid files, and exit
status 1. A failed write (a full disk) stops the split, leaving each file
valid up to its last whole packet.`,
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "c", Usage: "at most `N` packets per file"},
			&cli.StringFlag{Name: "i", Usage: "one file per `SECONDS` of capture time"},
			&cli.IntFlag{Name: "size", Usage: "files of at most `MB` megabytes (1,000,000 bytes)"},
			&cli.StringFlag{Name: "by", Usage: "one file per `KIND`: flow, stream or host"},
			&cli.IntFlag{Name: "max-open", Usage: "keep at most `N` output files open (--by; default: the descriptor limit less 64, at most 2048)"},
		},
		Action: func(c *cli.Context) error {
			o, err := splitOptionsFrom(c)
			if err != nil {
				return err
			}
			return split(o, e.stdin)
		},
	}
}

type splitMode int

const (
	splitCount splitMode = iota + 1
	splitInterval
	splitSize
	splitFlow
	splitStream
	splitHost
)

type splitOpts struct {
	in, prefix, ext string
	mode            splitMode
	count           int
	interval        int64 // ns
	size            int64
	maxOpen         int
}

func splitOptionsFrom(c *cli.Context) (splitOpts, error) {
	var o splitOpts
	if c.NArg() != 2 {
		return o, usagef("split: need IN and OUTPREFIX, got %d argument(s); see rawcap split --help", c.NArg())
	}
	o.in, o.prefix = c.Args().Get(0), c.Args().Get(1)
	if strings.HasSuffix(o.prefix, ".gz") || strings.HasSuffix(o.prefix, ".zst") {
		return o, usagef("split: OUTPREFIX %q: split writes uncompressed files", o.prefix)
	}
	if ext := filepath.Ext(o.prefix); ext != "" && !strings.ContainsAny(ext, `/\`) {
		o.prefix, o.ext = strings.TrimSuffix(o.prefix, ext), ext
	}
	set := 0
	if c.IsSet("c") {
		set++
		o.mode, o.count = splitCount, c.Int("c")
		if o.count < 1 {
			return o, usagef("split: -c %d: want at least 1 packet per file", o.count)
		}
	}
	if s := c.String("i"); s != "" {
		set++
		d, neg, err := parseSeconds(s)
		if err != nil || neg || d <= 0 {
			return o, usagef("split: -i %q: want a positive number of seconds", s)
		}
		o.mode, o.interval = splitInterval, int64(d)
	}
	if c.IsSet("size") {
		set++
		o.mode, o.size = splitSize, int64(c.Int("size"))*1_000_000
		if o.size <= 0 {
			return o, usagef("split: --size %d: want at least 1 MB", c.Int("size"))
		}
	}
	if by := c.String("by"); by != "" {
		set++
		switch by {
		case "flow":
			o.mode = splitFlow
		case "stream":
			o.mode = splitStream
		case "host":
			o.mode = splitHost
		default:
			return o, usagef("split: --by %q: want flow, stream or host", by)
		}
	}
	if set != 1 {
		return o, usagef("split: give one of -c, -i, --size and --by")
	}
	o.maxOpen = openFileBudget()
	if c.IsSet("max-open") {
		if o.maxOpen = c.Int("max-open"); o.maxOpen < 1 {
			return o, usagef("split: --max-open %d: want at least 1", o.maxOpen)
		}
	}
	return o, nil
}

// splitFile is an open output file of a split. Its buffer holds whole
// records only, so each write to the file ends on a record.
type splitFile struct {
	name   string
	f      *os.File
	buf    []byte
	size   int64 // bytes in the file (or handed to the splitter's asyncWriter for it)
	ifaces int   // interface descriptions written (pcapng)
	// rec counts the bytes that reached the file when an asyncWriter
	// writes it (the one file of -c, -i and --size)
	rec *recordSink
	// --by: the flow whose file this is, and the LRU list of open files
	flow       int32
	prev, next int32
}

// splitKey is a flow's key in a form without pointers, so that hundreds of
// thousands of them cost the garbage collector nothing: protocol, flags,
// two 16-byte addresses (IPv4 mapped into IPv6) and two ports.
type splitKey [38]byte

const (
	keyOther = 1 << iota // packets without IP
	keyHost              // a host's file
)

func makeSplitKey(k flowkey.Key, flags byte) splitKey {
	var sk splitKey
	sk[0], sk[1] = k.Proto, flags
	if k.Src.IsValid() {
		a := k.Src.As16()
		copy(sk[2:18], a[:])
	}
	if k.Dst.IsValid() {
		a := k.Dst.As16()
		copy(sk[18:34], a[:])
	}
	binary.BigEndian.PutUint16(sk[34:], k.SrcPort)
	binary.BigEndian.PutUint16(sk[36:], k.DstPort)
	return sk
}

// flowState is what a --by split keeps of every output file, open or not.
type flowState struct {
	key       splitKey
	size      int64 // bytes in the file (when closed)
	ifaces    int32 // interface descriptions in it
	num       int32 // stream number (--by stream), else -1
	slot      int32 // index in splitter.slots while open, else -1
	tcpClosed bool  // --by stream: the TCP stream saw a FIN or RST
	created   bool
}

// splitter carries one split's state.
type splitter struct {
	o       splitOpts
	r       *pcapio.Reader
	ng      bool
	big     bool   // pcapng output byte order (of IN's first section)
	prelude []byte // pcap file header, or pcapng section header
	scratch []byte
	pcapHdr [16]byte
	nano    bool

	// sequential pieces
	cur        *splitFile
	aw         *asyncWriter // writes cur's buffers
	pieces     int
	inPiece    int
	pieceStart int64

	// --by
	flows      []flowState
	index      map[splitKey]int32
	streams    [2]int32 // next TCP, UDP stream numbers
	slots      []splitFile
	free       []int32 // unused slots
	head, tail int32   // LRU list of slots, most recent first
}

// splitBufSize is the buffer of each open file: small, as a --by split
// keeps hundreds open.
const splitBufSize = 8 << 10

// splitSeqBufSize is the buffer of the one file -c, -i and --size write.
const splitSeqBufSize = 256 << 10

func split(o splitOpts, stdin io.Reader) error {
	var r *pcapio.Reader
	var err error
	if o.in == "-" {
		r, err = pcapio.NewReader(stdin)
	} else {
		r, err = pcapio.OpenReadAhead(o.in)
	}
	if err != nil {
		return fileError(o.in, err)
	}
	defer r.Close()
	s := &splitter{o: o, r: r, ng: r.Format() == pcapio.FormatPcapNG, head: -1, tail: -1}
	want := ".pcap"
	if s.ng {
		want = ".pcapng"
	}
	if s.o.ext == "" {
		s.o.ext = want
	} else if f, _, err := outputFormat("split", "x"+s.o.ext, "", r.Format()); err == nil && f != r.Format() {
		return usagef("split: OUTPREFIX ends in %s, but split keeps IN's format (%v): name it %s", s.o.ext, r.Format(), want)
	}
	if h, ok := r.PcapHeader(); ok {
		s.nano = h.Nano
		lt := uint32(h.LinkType)
		if h.FCSLen > 0 {
			lt |= uint32(h.FCSLen/2)<<28 | 1<<26
		}
		magic := uint32(0xa1b2c3d4)
		if h.Nano {
			magic = 0xa1b23c4d
		}
		p := binary.LittleEndian.AppendUint32(nil, magic)
		p = binary.LittleEndian.AppendUint16(p, 2)
		p = binary.LittleEndian.AppendUint16(p, 4)
		p = binary.LittleEndian.AppendUint64(p, 0)
		p = binary.LittleEndian.AppendUint32(p, h.SnapLen)
		s.prelude = binary.LittleEndian.AppendUint32(p, lt)
	}
	if o.mode >= splitFlow {
		s.index = make(map[splitKey]int32)
		s.slots = make([]splitFile, o.maxOpen)
		for i := range s.slots {
			s.free = append(s.free, int32(o.maxOpen-1-i))
		}
	}
	if o.mode < splitFlow {
		s.aw = newAsyncWriter(io.Discard)
		defer s.aw.Close()
	}
	runErr := s.run()
	closeErr := s.closeAll()
	if runErr != nil {
		return runErr
	}
	return closeErr
}

func (s *splitter) run() error {
	for {
		b, err := s.r.NextBlock()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fileError(s.o.in, err)
		}
		if b.Packet == nil {
			if err := s.block(b); err != nil {
				return err
			}
			continue
		}
		if s.o.mode >= splitFlow {
			err = s.byKey(b)
		} else {
			err = s.sequential(b)
		}
		if err != nil {
			return err
		}
	}
}

// block handles a block other than a packet.
func (s *splitter) block(b *pcapio.Block) error {
	switch b.Type {
	case pcapio.BlockSHB:
		if s.prelude == nil {
			s.big = b.BigEndian
			s.prelude = append([]byte(nil), b.Raw...)
			if len(s.prelude) >= 24 {
				copy(s.prelude[16:24], []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}) // section length unknown
			}
		}
		return nil
	case pcapio.BlockIDB, pcapio.BlockCustomNoCopy:
		return nil // interfaces are written where packets need them
	}
	if s.o.mode >= splitFlow || s.cur == nil {
		return nil
	}
	iface := -1
	if b.Type == pcapio.BlockISB {
		iface = sectionBase(s.r, b.Section) + int(u32(b.Raw[8:], b.BigEndian))
		if iface >= len(s.r.Interfaces()) {
			return nil // statistics of an interface that does not exist
		}
		if err := s.needIfaces(s.cur, iface); err != nil {
			return err
		}
	}
	raw, err := s.convert(b, iface)
	if err != nil {
		return nil // a block of unknown layout in the other byte order: left out
	}
	return s.put(s.cur, raw, nil)
}

// convert returns b's block in the output's byte order, with its interface
// set to iface (>= 0), in s.scratch unless it can be written as it is.
func (s *splitter) convert(b *pcapio.Block, iface int) ([]byte, error) {
	raw := b.Raw
	var err error
	if b.BigEndian != s.big {
		if s.scratch, err = pcapio.SwapBlock(s.scratch[:0], raw, b.BigEndian); err != nil {
			return nil, err
		}
		raw = s.scratch
	}
	if iface >= 0 && len(raw) >= 12 && int(u32(raw[8:], s.big)) != iface {
		if &raw[0] == &b.Raw[0] {
			s.scratch = append(s.scratch[:0], raw...)
			raw = s.scratch
		}
		if err := pcapio.SetBlockInterface(raw, s.big, iface); err != nil {
			return nil, err
		}
	}
	return raw, nil
}

// writePacket appends a packet to fl.
func (s *splitter) writePacket(fl *splitFile, b *pcapio.Block) error {
	p := b.Packet
	if !s.ng {
		h := s.pcapHdr[:]
		var sec, frac uint32
		if p.HasTime {
			sec, frac = uint32(p.Time.Unix()), uint32(p.Time.Nanosecond())
			if !s.nano {
				frac /= 1000
			}
		}
		binary.LittleEndian.PutUint32(h[0:], sec)
		binary.LittleEndian.PutUint32(h[4:], frac)
		binary.LittleEndian.PutUint32(h[8:], uint32(len(p.Data)))
		binary.LittleEndian.PutUint32(h[12:], uint32(p.Length))
		return s.put(fl, h, p.Data)
	}
	if err := s.needIfaces(fl, p.Interface); err != nil {
		return err
	}
	if b.Type == pcapio.BlockSPB && p.Interface != 0 {
		// A simple packet block names no interface: give it an EPB.
		n := 32 + (len(p.Data)+3)&^3
		e := s.scratch[:0]
		e = app32(e, s.big, pcapio.BlockEPB)
		e = app32(e, s.big, uint32(n))
		e = app32(e, s.big, uint32(p.Interface))
		e = app32(e, s.big, 0)
		e = app32(e, s.big, 0)
		e = app32(e, s.big, uint32(len(p.Data)))
		e = app32(e, s.big, uint32(p.Length))
		e = append(e, p.Data...)
		e = append(e, make([]byte, (4-len(p.Data)%4)%4)...)
		e = app32(e, s.big, uint32(n))
		s.scratch = e
		return s.put(fl, e, nil)
	}
	iface := p.Interface
	if b.Type == pcapio.BlockSPB {
		iface = -1
	}
	raw, err := s.convert(b, iface)
	if err != nil {
		return exitError{1, fmt.Errorf("split: %s: packet at offset %d: %w", inName(s.o.in), b.Offset, err)}
	}
	return s.put(fl, raw, nil)
}

func app32(b []byte, big bool, v uint32) []byte {
	if big {
		return binary.BigEndian.AppendUint32(b, v)
	}
	return binary.LittleEndian.AppendUint32(b, v)
}

// needIfaces writes to fl the interface descriptions up to iface.
func (s *splitter) needIfaces(fl *splitFile, iface int) error {
	ifs := s.r.Interfaces()
	for fl.ifaces <= iface && fl.ifaces < len(ifs) {
		idb, err := pcapio.AppendIDB(nil, &ifs[fl.ifaces], s.big)
		if err != nil {
			return exitError{1, fmt.Errorf("split: %s: %w", inName(s.o.in), err)}
		}
		fl.ifaces++
		if err := s.put(fl, idb, nil); err != nil {
			return err
		}
	}
	return nil
}

// sequential writes a packet in -c, -i or --size mode.
func (s *splitter) sequential(b *pcapio.Block) error {
	p := b.Packet
	var ns int64
	if p.HasTime {
		ns = p.Time.UnixNano()
	}
	switch {
	case s.cur == nil:
		s.pieceStart = ns
		if err := s.nextPiece(p.Time); err != nil {
			return err
		}
	case s.o.mode == splitCount && s.inPiece >= s.o.count:
		if err := s.nextPiece(p.Time); err != nil {
			return err
		}
	case s.o.mode == splitInterval:
		for ns-s.pieceStart > s.o.interval { // as editcap: a packet at the very end of an interval stays in it
			s.pieceStart += s.o.interval
			if err := s.nextPiece(p.Time); err != nil { // an empty interval gets an empty file, as with editcap
				return err
			}
		}
	case s.o.mode == splitSize && s.inPiece > 0 && s.cur.size+int64(len(s.cur.buf))+int64(len(b.Raw))+16 > s.o.size:
		if err := s.nextPiece(p.Time); err != nil {
			return err
		}
	}
	s.inPiece++
	return s.writePacket(s.cur, b)
}

// nextPiece closes the current piece and starts the next, named with t.
func (s *splitter) nextPiece(t time.Time) error {
	if s.cur != nil {
		if err := s.closeFile(s.cur); err != nil {
			return err
		}
	}
	name := fmt.Sprintf("%s_%05d_%s%s", s.o.prefix, s.pieces, t.Local().Format("20060102150405"), s.o.ext)
	s.pieces++
	s.inPiece = 0
	var buf []byte
	if s.cur != nil {
		buf = s.cur.buf[:0]
	} else {
		buf = make([]byte, 0, splitSeqBufSize)
	}
	s.cur = &splitFile{name: name, flow: -1, buf: buf}
	if err := s.openFile(s.cur, false); err != nil {
		return err
	}
	s.cur.rec = &recordSink{f: s.cur.f, good: s.cur.size}
	s.aw.retarget(s.cur.rec)
	return nil
}

// byKey writes a packet in --by mode.
func (s *splitter) byKey(b *pcapio.Block) error {
	p := b.Packet
	k, ok := flowkey.Extract(p.LinkType, p.Data)
	if !ok {
		return s.toKey(splitKey{1: keyOther}, 0, b)
	}
	if s.o.mode == splitHost {
		if err := s.toKey(makeSplitKey(flowkey.Key{Src: k.Src}, keyHost), 0, b); err != nil {
			return err
		}
		if k.Dst == k.Src {
			return nil
		}
		return s.toKey(makeSplitKey(flowkey.Key{Src: k.Dst}, keyHost), 0, b)
	}
	k = k.Canonical()
	return s.toKey(makeSplitKey(k, 0), k.Proto, b)
}

// toKey writes a packet to the file of key k, creating or reopening it.
func (s *splitter) toKey(k splitKey, proto uint8, b *pcapio.Block) error {
	stream := s.o.mode == splitStream
	var flags byte
	if stream && proto == flowkey.ProtoTCP {
		flags = tcpFlags(b)
	}
	i, ok := s.index[k]
	if ok && stream && proto == flowkey.ProtoTCP && s.flows[i].tcpClosed && flags&0x12 == 0x02 {
		ok = false // a new connection on the ports of a closed one
	}
	if !ok {
		if len(s.flows) >= math.MaxInt32 {
			return exitError{1, errors.New("split: too many output files")}
		}
		fl := flowState{key: k, num: -1, slot: -1}
		if stream && (proto == flowkey.ProtoTCP || proto == flowkey.ProtoUDP) {
			j := 0
			if proto == flowkey.ProtoUDP {
				j = 1
			}
			fl.num = s.streams[j]
			s.streams[j]++
		}
		s.flows = append(s.flows, fl)
		i = int32(len(s.flows) - 1)
		s.index[k] = i
	}
	fl := &s.flows[i]
	if fl.slot < 0 {
		if err := s.openFlow(i); err != nil {
			return err
		}
	}
	s.touch(fl.slot)
	if flags&0x05 != 0 {
		fl.tcpClosed = true
	}
	return s.writePacket(&s.slots[fl.slot], b)
}

// openFlow opens (creates or reopens) flow i's file in a slot, closing the
// least recently used file when every slot is taken.
func (s *splitter) openFlow(i int32) error {
	if len(s.free) == 0 {
		if err := s.closeSlot(s.tail); err != nil {
			return err
		}
	}
	n := s.free[len(s.free)-1]
	s.free = s.free[:len(s.free)-1]
	fl := &s.flows[i]
	f := &s.slots[n]
	*f = splitFile{name: s.flowName(fl), size: fl.size, ifaces: int(fl.ifaces), flow: i, prev: -1, next: -1, buf: f.buf[:0]}
	if err := s.openFile(f, fl.created); err != nil {
		s.free = append(s.free, n)
		return err
	}
	fl.slot, fl.created = n, true
	return nil
}

// closeSlot closes the file in slot n and hands its state back to its flow.
func (s *splitter) closeSlot(n int32) error {
	f := &s.slots[n]
	s.unlink(n)
	fl := &s.flows[f.flow]
	err := s.closeFile(f)
	fl.size, fl.ifaces, fl.slot = f.size, int32(f.ifaces), -1
	s.free = append(s.free, n)
	return err
}

// tcpFlags returns the TCP flags of a packet (0 when they cannot be found).
func tcpFlags(b *pcapio.Block) byte {
	p := b.Packet
	off, v := flowkey.Network(p.LinkType, p.Data)
	ip := p.Data[off:]
	switch {
	case v == 4 && len(ip) >= 20 && ip[9] == flowkey.ProtoTCP:
		ihl := int(ip[0]&0xf) * 4
		if len(ip) >= ihl+14 {
			return ip[ihl+13]
		}
	case v == 6 && len(ip) >= 54 && ip[6] == flowkey.ProtoTCP:
		return ip[40+13]
	}
	return 0
}

// flowName names the file of a --by flow.
func (s *splitter) flowName(fl *flowState) string {
	k := &fl.key
	addr := func(b []byte) string {
		return strings.ReplaceAll(netip.AddrFrom16([16]byte(b)).Unmap().String(), ":", "-")
	}
	var name string
	switch proto := k[0]; {
	case k[1]&keyOther != 0:
		name = "other"
	case k[1]&keyHost != 0:
		name = addr(k[2:18])
	case fl.num >= 0:
		name = fmt.Sprintf("%s-%05d", protoName(proto), fl.num)
	case proto == flowkey.ProtoTCP || proto == flowkey.ProtoUDP || proto == flowkey.ProtoSCTP:
		name = fmt.Sprintf("%s_%s_%d_%s_%d", protoName(proto), addr(k[2:18]), binary.BigEndian.Uint16(k[34:]), addr(k[18:34]), binary.BigEndian.Uint16(k[36:]))
	default:
		name = fmt.Sprintf("%s_%s_%s", protoName(proto), addr(k[2:18]), addr(k[18:34]))
	}
	return s.o.prefix + "_" + name + s.o.ext
}

func protoName(p uint8) string {
	switch p {
	case flowkey.ProtoTCP:
		return "tcp"
	case flowkey.ProtoUDP:
		return "udp"
	case flowkey.ProtoSCTP:
		return "sctp"
	case 1:
		return "icmp"
	case 58:
		return "icmpv6"
	}
	return fmt.Sprintf("ip%d", p)
}

// openFile creates f's file, or reopens it for appending.
func (s *splitter) openFile(f *splitFile, reopen bool) error {
	var err error
	if reopen {
		f.f, err = os.OpenFile(f.name, os.O_WRONLY|os.O_APPEND, 0)
	} else {
		f.f, err = os.OpenFile(f.name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666)
	}
	if err != nil {
		return exitError{1, fmt.Errorf("split: %w", err)}
	}
	if cap(f.buf) == 0 {
		f.buf = make([]byte, 0, splitBufSize)
	}
	if !reopen {
		// The header goes out at once, so that every file there is holds one.
		if _, err := f.f.Write(s.prelude); err != nil {
			f.f.Close()
			os.Remove(f.name)
			f.f = nil
			return exitError{1, fmt.Errorf("writing %s: %w", f.name, err)}
		}
		f.size = int64(len(s.prelude))
	}
	return nil
}

// put appends a record (a and b, concatenated) to fl's buffer, flushing
// first when it would not fit.
func (s *splitter) put(fl *splitFile, a, b []byte) error {
	n := len(a) + len(b)
	if len(fl.buf)+n > cap(fl.buf) {
		if err := s.flush(fl); err != nil {
			return err
		}
		if n > cap(fl.buf) {
			return s.write(fl, append(append(make([]byte, 0, n), a...), b...))
		}
	}
	fl.buf = append(append(fl.buf, a...), b...)
	return nil
}

// flush writes fl's buffer, or hands it to s.aw to write.
func (s *splitter) flush(fl *splitFile) error {
	if len(fl.buf) == 0 {
		return nil
	}
	if fl.rec == nil {
		err := s.write(fl, fl.buf)
		fl.buf = fl.buf[:0]
		return err
	}
	n := len(fl.buf)
	var err error
	if fl.buf, err = s.aw.Handoff(fl.buf); err != nil {
		return s.failed(fl, err)
	}
	fl.size += int64(n)
	return nil
}

// write writes p (whole records) to fl's file, after what was handed off.
func (s *splitter) write(fl *splitFile, p []byte) error {
	var w io.Writer = fl.f
	if fl.rec != nil {
		w = s.aw
	}
	m, err := w.Write(p)
	if err == nil && m < len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		return s.failed(fl, err)
	}
	fl.size += int64(m)
	return nil
}

// failed cuts fl's file back to its last whole record after a failed write.
func (s *splitter) failed(fl *splitFile, err error) error {
	good := fl.size
	if fl.rec != nil {
		s.aw.wait()
		good = fl.rec.good
	}
	fl.f.Truncate(good)
	fl.buf = fl.buf[:0]
	return exitError{1, fmt.Errorf("writing %s: %w", fl.name, err)}
}

// closeFile flushes and closes f, keeping its buffer.
func (s *splitter) closeFile(f *splitFile) error {
	if f.f == nil {
		return nil
	}
	err := s.flush(f)
	if err == nil && f.rec != nil {
		if werr := s.aw.wait(); werr != nil {
			err = s.failed(f, werr)
		}
	}
	if cerr := f.f.Close(); err == nil && cerr != nil {
		err = exitError{1, fmt.Errorf("writing %s: %w", f.name, cerr)}
	}
	f.f = nil
	return err
}

// touch moves slot i to the front of the LRU list.
func (s *splitter) touch(i int32) {
	if s.head == i {
		return
	}
	f := &s.slots[i]
	if f.prev >= 0 || f.next >= 0 || s.tail == i {
		s.unlink(i)
	}
	f.prev, f.next = -1, s.head
	if s.head >= 0 {
		s.slots[s.head].prev = i
	}
	s.head = i
	if s.tail < 0 {
		s.tail = i
	}
}

// unlink takes slot i out of the LRU list.
func (s *splitter) unlink(i int32) {
	f := &s.slots[i]
	if f.prev >= 0 {
		s.slots[f.prev].next = f.next
	} else if s.head == i {
		s.head = f.next
	}
	if f.next >= 0 {
		s.slots[f.next].prev = f.prev
	} else if s.tail == i {
		s.tail = f.prev
	}
	f.prev, f.next = -1, -1
}

// closeAll flushes and closes every open file.
func (s *splitter) closeAll() error {
	var errs []error
	if s.cur != nil {
		errs = append(errs, s.closeFile(s.cur))
	}
	for i := range s.slots {
		if s.slots[i].f != nil {
			errs = append(errs, s.closeSlot(int32(i)))
		}
	}
	return errors.Join(errs...)
}
