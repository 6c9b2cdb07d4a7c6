package main

import (
	"bufio"
	"fmt"
	"hash/maphash"
	"io"
	"time"

	"github.com/rawcap/rawcap/internal/flowkey"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
	"github.com/urfave/cli/v2"
)

func dedupeCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "dedupe",
		Usage:     "remove duplicate packets (as editcap -d, -D, -w)",
		ArgsUsage: "IN OUT",
		UsageText: `rawcap dedupe [options] IN OUT

Examples:
   rawcap dedupe span.pcap clean.pcap                 # as editcap -d: the previous 4 packets
   rawcap dedupe -D 100000 span.pcapng clean.pcapng   # a window of 100000 packets, as fast
   rawcap dedupe -w 0.001 --novlan --ignore-ttl span.pcap clean.pcap
   rawcap dedupe -V -I 14 in.pcap out.pcap            # ignore the MACs; list what was removed`,
		Description: `Dedupe copies IN to OUT without the packets that repeat an earlier one: the
same captured bytes (and length). As editcap counts them, a window of N
compares a packet with the N-1 packets before it (removed ones included);
-d is a window of 5; -w SECONDS compares it with the packets up to SECONDS
before it (at most 1000000 of them). The comparison goes through a hash
index, so a window of a million packets costs what a window of five does.

-I N leaves the first N bytes of each frame out of the comparison (unless
the frame is no longer than N), --novlan its 802.1Q/802.1ad tags, and
--ignore-ttl the IPv4 TTL and header checksum and the IPv6 hop limit: the
fields in which a SPAN port's copies of a packet differ. -V lists on
standard error each packet removed and the earlier one it repeats.

OUT's format comes from its name or --format; "-" keeps IN's. pcapng to
pcapng keeps every other block as it came. A damaged IN still yields every
good packet before the damage and a valid OUT; the exit status is then 1.`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "d", Usage: "compare each packet with the 4 before it (a window of 5)"},
			&cli.IntFlag{Name: "D", Usage: "a window of `N` packets (0 to 1000000): compare with the N-1 before"},
			&cli.StringFlag{Name: "w", Usage: "compare with the packets up to `SECONDS` earlier"},
			&cli.IntFlag{Name: "I", Usage: "ignore the first `N` bytes of each frame"},
			&cli.BoolFlag{Name: "novlan", Usage: "ignore 802.1Q/802.1ad VLAN tags"},
			&cli.BoolFlag{Name: "ignore-ttl", Usage: "ignore the IPv4 TTL and checksum and the IPv6 hop limit"},
			&cli.BoolFlag{Name: "V", Usage: "report each removed packet on standard error"},
			&cli.StringFlag{Name: "format", Usage: "output format: pcap or pcapng (default: from OUT's name)"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 2 {
				return usagef("dedupe: need IN and OUT, got %d argument(s); see rawcap dedupe --help", c.NArg())
			}
			o := convertOptions{in: c.Args().Get(0), out: c.Args().Get(1)}
			var err error
			if o.out != "-" || c.String("format") != "" {
				if o.format, o.compress, err = outputFormat("dedupe", o.out, c.String("format"), 0); err != nil {
					return err
				}
			}
			d, err := dedupeFrom(c)
			if err != nil {
				return err
			}
			var rep *bufio.Writer
			if c.Bool("V") {
				rep = bufio.NewWriter(e.stderr)
				d.report = rep
			}
			o.keep = []func(*pcapio.Packet) bool{d.keep}
			res, err := convert(o, e.stdin, e.stdout)
			if rep != nil {
				fmt.Fprintf(rep, "%d packets read, %d duplicates removed, %d written\n", res.read, d.removed, res.written)
				rep.Flush()
			}
			return err
		},
	}
}

// dedupeMaxWindow is editcap's largest window, and the most packets a time
// window looks back at.
const dedupeMaxWindow = 1_000_000

func dedupeFrom(c *cli.Context) (*deduper, error) {
	d := &deduper{window: 5, ignore: c.Int("I"), novlan: c.Bool("novlan"), ignoreTTL: c.Bool("ignore-ttl")}
	set := 0
	if c.Bool("d") {
		set++
	}
	if c.IsSet("D") {
		set++
		d.window = c.Int("D")
		if d.window < 0 || d.window > dedupeMaxWindow {
			return nil, usagef("dedupe: -D %d: want a window of 0 to %d packets", d.window, dedupeMaxWindow)
		}
	}
	if s := c.String("w"); s != "" {
		set++
		w, neg, err := parseSeconds(s)
		if err != nil || neg {
			return nil, usagef("dedupe: -w %q: want a time window in seconds, such as 0.001", s)
		}
		d.byTime, d.timeWin, d.window = true, int64(w), dedupeMaxWindow+1
	}
	if set > 1 {
		return nil, usagef("dedupe: -d, -D and -w exclude each other")
	}
	if d.ignore < 0 {
		return nil, usagef("dedupe: -I %d: want a number of bytes from 0", d.ignore)
	}
	d.depth = max(d.window-1, 0)
	d.seed = maphash.MakeSeed()
	d.index = make(map[uint64]int64, min(d.depth, 1<<16))
	return d, nil
}

// dedupeEntry is a packet in the window.
type dedupeEntry struct {
	hash uint64
	ns   int64 // time, ns since 1970
	prev int64 // the window's previous packet of the same hash, or -1
	len  int32
}

// deduper finds duplicates through a hash index of the packets in its
// window: index maps a packet's hash to its latest packet, and each entry
// links to the previous one of the same hash. It does not allocate per
// packet once the window is full.
type deduper struct {
	window    int // compare with window-1 packets
	depth     int
	byTime    bool
	timeWin   int64
	ignore    int
	novlan    bool
	ignoreTTL bool

	seed    maphash.Seed
	ring    []dedupeEntry // packet seq is at ring[seq % depth]
	index   map[uint64]int64
	seq     int64
	scratch []byte

	report  io.Writer
	removed int
}

// view returns the bytes compared: without VLAN tags and TTL fields when
// asked, then without the first -I bytes.
func (d *deduper) view(p *pcapio.Packet) []byte {
	b := p.Data
	if d.novlan || d.ignoreTTL {
		s := d.scratch[:0]
		if d.novlan && p.LinkType == linktype.Ethernet && len(b) >= 14 {
			off := 12
			for len(b) >= off+4 && (b[off] == 0x81 && b[off+1] == 0x00 || b[off] == 0x88 && b[off+1] == 0xa8 || b[off] == 0x91 && b[off+1] == 0x00) {
				off += 4
			}
			s = append(append(s, b[:12]...), b[off:]...)
		} else {
			s = append(s, b...)
		}
		if d.ignoreTTL {
			switch off, v := flowkey.Network(p.LinkType, s); v {
			case 4:
				if len(s) >= off+12 {
					s[off+8], s[off+10], s[off+11] = 0, 0, 0
				}
			case 6:
				if len(s) >= off+8 {
					s[off+7] = 0
				}
			}
		}
		d.scratch, b = s, s
	}
	if d.ignore > 0 && len(b) > d.ignore {
		b = b[d.ignore:]
	}
	return b
}

// keep reports whether p is not a duplicate. It must see every packet, in
// order.
func (d *deduper) keep(p *pcapio.Packet) bool {
	seq := d.seq
	d.seq++
	if d.depth == 0 {
		return true
	}
	b := d.view(p)
	h := maphash.Bytes(d.seed, b)
	n := int32(len(b))
	var ns int64
	if p.HasTime {
		ns = p.Time.UnixNano()
	}
	if !d.byTime && d.depth <= dedupeScanDepth {
		return d.keepScan(p, seq, h, n, ns)
	}
	dup, of := int64(-1), int64(-1)
	last, ok := d.index[h]
	for s := last; ok && s >= 0 && s >= seq-int64(d.depth); {
		e := &d.ring[s%int64(d.depth)]
		if !d.byTime {
			if e.len == n {
				dup = s
			}
			break
		}
		delta := ns - e.ns
		if delta > d.timeWin {
			break // the window is measured back along the file
		}
		if e.len == n && delta >= 0 {
			dup = s
			break
		}
		s = e.prev
	}
	of = dup
	var ago time.Duration
	if of >= 0 {
		ago = time.Duration(ns - d.ring[of%int64(d.depth)].ns)
	}
	// The packet joins the window whether it is removed or not, as with
	// editcap; the one it pushes out leaves the index.
	e := dedupeEntry{hash: h, ns: ns, len: n, prev: -1}
	if ok {
		e.prev = last
	}
	if len(d.ring) < d.depth {
		d.ring = append(d.ring, e)
	} else {
		slot := &d.ring[seq%int64(d.depth)]
		if old := seq - int64(d.depth); d.index[slot.hash] == old {
			delete(d.index, slot.hash)
		}
		*slot = e
	}
	d.index[h] = seq
	if of < 0 {
		return true
	}
	d.removed++
	d.reportRemoved(p, seq, of, ago)
	return false
}

// dedupeScanDepth is the largest window (less one) that keep scans instead
// of indexing: comparing a few hashes costs less than a map's upkeep.
const dedupeScanDepth = 16

// keepScan is keep for a small window of packets: the packets of the
// window are scanned, most recent first, for the latest of the same hash,
// as the index would find it.
func (d *deduper) keepScan(p *pcapio.Packet, seq int64, h uint64, n int32, ns int64) bool {
	depth := int64(d.depth)
	of := int64(-1)
	var ago time.Duration
	for s := seq - 1; s >= 0 && s >= seq-depth; s-- {
		if e := &d.ring[s%depth]; e.hash == h {
			if e.len == n {
				of, ago = s, time.Duration(ns-e.ns)
			}
			break
		}
	}
	e := dedupeEntry{hash: h, ns: ns, len: n, prev: -1}
	if len(d.ring) < d.depth {
		d.ring = append(d.ring, e)
	} else {
		d.ring[seq%depth] = e
	}
	if of < 0 {
		return true
	}
	d.removed++
	d.reportRemoved(p, seq, of, ago)
	return false
}

func (d *deduper) reportRemoved(p *pcapio.Packet, seq, of int64, ago time.Duration) {
	if d.report != nil {
		fmt.Fprintf(d.report, "removed packet %d (%d bytes): repeats packet %d, %d packets and %v earlier\n",
			seq+1, len(p.Data), of+1, seq-of, ago)
	}
}
