package decode

import (
	"encoding/binary"
	"strconv"
	"time"
)

// This file is the connection tracker: the one place that follows TCP and
// UDP conversations from packet to packet for every Wireshark-style output
// (--json, -T fields, -T ek, --columns, -V, and display filters, which
// read the fields). It numbers the streams of a capture as tshark does
// (tcp.stream, udp.stream) and, for every TCP segment, works out what
// tshark 4.0 derives from the segments before it (tcp_analysis.go):
// relative sequence and acknowledgment numbers, the window scaling, the
// calculated window, the acknowledged frame and RTT, bytes in flight, and
// the analysis flags (retransmission, duplicate ACK, zero window …). It
// also pairs ICMP and ICMPv6 echo replies and DNS responses with their
// requests (tracker_links.go).
//
// The tracker belongs to the Decoder, so that every output and the display
// filter of one reading see the same numbers: Decoder.track runs it once
// per decoded packet, in capture order, whichever of them asks first, and
// hands the others the same findings. Every Wireshark-style output asks for
// every packet it is given, whether or not it prints a tracked field, so
// the tracker sees every packet in order. (The tcpdump one-liners keep
// tcpdump's own numbering, in tcp_print.go.)
//
// Bound and eviction: at most maxConvs TCP and maxConvs UDP conversations
// are remembered (at most about 5 MB for TCP, unacknowledged segments
// included, and 1 MB for UDP, allocated as they are first needed; the
// request table of tracker_links.go adds 0.4 MB), and a TCP direction
// remembers at most maxUnacked unacknowledged segments (tshark keeps
// 10000), no more than 4·maxConvs for all directions together. When a new
// conversation finds the table
// full, the least recently seen one is forgotten (approximately: a clock
// sweep, which spares every conversation seen since the hand last passed
// it). A packet of a forgotten conversation then opens a new stream index
// and its relative numbers start again as for a connection seen
// mid-stream (base: the sequence number minus one), where tshark, which
// forgets nothing, would continue the old ones. Below the bound the
// numbering is tshark's exactly. Requests are remembered in a table of
// their own, maxReqs slots direct-mapped (tracker_links.go).
//
// A frame numbered below the one tracked before it starts a new capture:
// the tracker forgets every conversation, so a Decoder reused for a second
// pass over a file numbers its streams from 0 again.

const (
	maxConvs   = 8192 // conversations remembered per transport
	maxUnacked = 256  // unacknowledged segments remembered per direction
	maxPerPkt  = 4    // TCP/UDP layers tracked per packet (tunnels)

	convCells = 2 * maxConvs // cells of a conversation index: a power of two
)

// tracker holds the conversations of one capture read in order. The zero
// value is ready to use; its tables are allocated as they fill.
type tracker struct {
	tcpIdx   convIndex
	tcpConvs []tcpConv
	tcpHand  int    // the clock hand over tcpConvs
	tcpNext  uint32 // next TCP stream index
	udpIdx   convIndex
	udpConvs []udpConv
	udpHand  int
	udpNext  uint32

	mptcp     []mptcpConn // MPTCP connections, at most maxMPTCPConns (mptcp.go)
	mptcpNext uint32      // next mptcp.stream

	unacked int        // unacknowledged segment capacity held by all flows
	reqs    []trackReq // echo and DNS requests, maxReqs slots (tracker_links.go)
	// dnsLost marks the slots of reqs where a DNS query was replaced by
	// another request: a response that finds no query in such a slot may
	// answer one the table forgot, and is not called unsolicited.
	dnsLost [maxReqs / 64]uint64
	tftp    *tftpState // TFTP transfers (tracker_tftp.go)
	enip    *enipState // EtherNet/IP requests (tracker_enip.go)
	dccp    *dccpState // DCCP conversations (dccp.go)
	arp     arpState   // IPv4 -> MAC bindings (arp_dup.go)

	clock captureClock

	gen  uint64 // the Decoder generation last tracked (0: none)
	last int    // the frame number last tracked
	res  convResults
	pin  pinnedStream // the one TCP stream followed (Decoder.pinTCP)
}

// track returns what the tracker found for the packet d last decoded,
// described by f, tracking it first if no output has asked for it yet. The
// result aliases d and is valid until the next Decode.
func (d *Decoder) track(f *Frame) *convResults {
	if d.noted != nil {
		if d.notedGen == d.gen {
			return d.noted
		}
		d.noted = nil
	}
	if d.trk == nil {
		d.trk = new(tracker)
	}
	t := d.trk
	if t.gen != d.gen {
		t.gen = d.gen
		if f.Number < t.last {
			t.reset()
			d.quicForget()
			d.voipForget()
			d.sshForget()
			d.sctpForget()
			d.http2Forget()
			d.httpForget()
		}
		t.last = f.Number
		if d.pinTCP != 0 {
			t.pinnedFrame(d, f) // nothing else is read (transportOnly too)
			t.res.dccp.clear()
			t.res.arp = arpNote{}
		} else {
			t.frame(d, f)
			t.dccpFrame(d)
			t.arpFrame(d, f, &t.res.arp)
		}
		if d.transportOnly {
			t.res.clearApps()
		} else {
			t.tftpFrame(d, f)
			t.enipFrame(d, f)
			d.quicFrame(&t.res.quic)
			d.voipFrame(f, &t.res.voip)
			d.sshFrame(f, &t.res)
			d.sctpFrame(f, &t.res.sctp)
			d.http2Frame(&t.res)
			d.httpFrame(f, &t.res)
		}
		t.tick(f.Time)
	}
	return &t.res
}

// clearApps says the packet holds nothing the application protocols'
// steps follow: what they find when the Decoder only tracks transports.
func (r *convResults) clearApps() {
	r.tftp.clear()
	r.enip.clear()
	r.quic.clear()
	r.voip.clear()
	r.ssh.clear()
	r.sctp.clear()
	r.h2.clear()
	r.http.clear()
}

// tick records the frame's time: the capture's first and the previous
// captured frame's times are what frame.time_relative and frame.time_delta
// count from, whichever frames a display filter lets the printers see. A
// frame without a time counts as the epoch, as in tshark.
func (t *tracker) tick(at time.Time) {
	if at.IsZero() {
		at = time.Unix(0, 0)
	}
	if !t.clock.started {
		t.clock.first, t.clock.prev, t.clock.started = at, at, true
	}
	t.res.first, t.res.prev = t.clock.first, t.clock.prev
	t.clock.prev = at
}

// reset forgets every conversation (a new capture starts).
func (t *tracker) reset() {
	t.clock = captureClock{}
	t.tcpIdx.clear()
	t.udpIdx.clear()
	t.tcpConvs, t.udpConvs = t.tcpConvs[:0], t.udpConvs[:0]
	t.tcpHand, t.tcpNext, t.udpHand, t.udpNext = 0, 0, 0, 0
	t.mptcp, t.mptcpNext = t.mptcp[:0], 0
	clear(t.reqs)
	clear(t.dnsLost[:])
	t.tftp = nil
	t.dccp = nil
	t.arp.reset()
	t.pin = pinnedStream{}
	if t.enip != nil {
		clear(t.enip.reqs[:]) // kept for the capture to come
	}
	// t.unacked stays: the slots past the new length keep their segment
	// lists for the conversations to come.
}

// captureClock follows the times of every frame of a capture.
type captureClock struct {
	first, prev time.Time
	started     bool
}

// convResults is what the tracker found for the TCP and UDP layers of one
// frame, by layer. It is a value: a copy outlives the tracker's next frame
// (the -V pipeline keeps one per packet).
type convResults struct {
	// first and prev are the capture's first frame's time and the
	// previous captured frame's (the frame's own for the first).
	first, prev time.Time

	// sctp holds the bases of an SCTP packet's relative TSNs (sctp.go).
	sctp sctpBases

	n      int
	layer  [maxPerPkt]int
	tcpRes [maxPerPkt]tcpSegment
	udpRes [maxPerPkt]udpSegment
	isTCP  [maxPerPkt]bool
	nlinks int
	links  [maxPerPkt]reqLink // the echo and DNS layers' requests
	quic   quicNote           // the first QUIC layer's connection and keys
	voip   voipNote           // the SIP layers' requests, the RTP or RTCP stream
	ssh    sshNote            // the SSH layer's items (ssh_conn.go)
	h2     http2Note          // the HTTP/2 layer's decoded header blocks (http2_hpack.go)
	http   httpNote           // the HTTP layer's message reassembled across segments (http_reasm.go)
	tftp   tftpNote           // the TFTP layer's transfer (tracker_tftp.go)
	enip   enipNote           // the EtherNet/IP layer's requests (tracker_enip.go)
	dccp   dccpNote           // the DCCP layer's stream and relative numbers (dccp.go)
	arp    arpNote            // duplicate address use the ARP layer shows (arp_dup.go)
}

// frame tracks every TCP and UDP layer of the packet d last decoded,
// quoted ones inside ICMP errors too, as tshark does: they open
// conversations.
func (t *tracker) frame(d *Decoder, f *Frame) {
	t.requests(d, f)
	r := &t.res
	r.n = 0
	for i := range d.layers[:d.n] {
		switch d.layers[i].Type {
		case LayerTCP, LayerUDP:
		default:
			continue
		}
		if r.n == maxPerPkt {
			return
		}
		k := r.n
		var ok bool
		if d.layers[i].Type == LayerTCP {
			ok = t.segment(d, i, f, &r.tcpRes[k])
			r.isTCP[k] = true
		} else {
			ok = t.datagram(d, i, f, &r.udpRes[k])
			r.isTCP[k] = false
		}
		if ok {
			r.layer[k] = i
			r.n++
		}
	}
}

// tcp returns what was found for TCP layer i, or nil (also when r is nil).
func (r *convResults) tcp(i int) *tcpSegment {
	if r == nil {
		return nil
	}
	for k := range r.n {
		if r.layer[k] == i && r.isTCP[k] {
			return &r.tcpRes[k]
		}
	}
	return nil
}

// udp returns what was found for UDP layer i, or nil (also when r is nil).
func (r *convResults) udp(i int) *udpSegment {
	if r == nil {
		return nil
	}
	for k := range r.n {
		if r.layer[k] == i && !r.isTCP[k] {
			return &r.udpRes[k]
		}
	}
	return nil
}

// convKey names a conversation whichever way its packets go: the lower
// endpoint first.
type convKey struct {
	a, b   [16]byte
	pa, pb uint16
}

// keyOf returns the key of the conversation of transport layer i, from
// port sp to port dp, and whether the packet goes from the key's b side to
// its a side. Addresses are kept in 16 bytes, IPv4 ones mapped as
// ::ffff:a.b.c.d.
func keyOf(d *Decoder, i int, sp, dp uint16) (k convKey, rev bool) {
	s, t := addrs16(d, i)
	if c := cmp16(&s, &t); c > 0 || c == 0 && sp > dp {
		return convKey{t, s, dp, sp}, true
	}
	return convKey{s, t, sp, dp}, false
}

// addrs16 returns the source and destination addresses of the IP header
// that carries layer i in 16 bytes, IPv4 ones mapped as ::ffff:a.b.c.d
// (zero without an IP header).
func addrs16(d *Decoder, i int) (s, t [16]byte) {
	for j := i - 1; j >= 0; j-- {
		l := &d.layers[j]
		if l.Type == LayerIPv4 {
			s[10], s[11], t[10], t[11] = 0xff, 0xff, 0xff, 0xff
			copy(s[12:], d.data[l.Start+12:l.Start+16])
			copy(t[12:], d.data[l.Start+16:l.Start+20])
			return s, t
		}
		if l.Type == LayerIPv6 {
			copy(s[:], d.data[l.Start+8:l.Start+24])
			copy(t[:], d.data[l.Start+24:l.Start+40])
			return s, t
		}
	}
	return s, t
}

// cmp16 compares two addresses as bytes.Compare would.
func cmp16(a, b *[16]byte) int {
	for _, k := range [2]int{0, 8} {
		x, y := binary.BigEndian.Uint64(a[k:]), binary.BigEndian.Uint64(b[k:])
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}

// hash mixes k's 8-byte words with odd constants and folds them (cheaper
// than a byte-wise hash over 36 bytes).
func (k *convKey) hash() uint32 {
	h := binary.LittleEndian.Uint64(k.a[:8])*0x9e3779b97f4a7c15 ^
		binary.LittleEndian.Uint64(k.a[8:])*0xc2b2ae3d27d4eb4f ^
		binary.LittleEndian.Uint64(k.b[:8])*0x165667b19e3779f9 ^
		binary.LittleEndian.Uint64(k.b[8:])*0x27d4eb2f165667c5 ^
		(uint64(k.pa)<<16|uint64(k.pb))*0xff51afd7ed558ccd
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 32
	return uint32(h)
}

// convIndex maps conversation keys to slots of a conversation table of at
// most maxConvs entries: open addressing with linear probing over
// convCells cells (at most half full), deletion by backward shift. Unlike
// a Go map it never allocates after its first use, however many
// conversations come and go.
type convIndex struct {
	cells []int32   // slot+1 of the conversation hashed here; 0: empty
	keys  []convKey // by slot
	hash  []uint32  // by slot: keys[slot].hash()
}

// find returns the slot of k, or -1, and the cell where the search ended
// (k's cell, or the empty cell where it would go).
func (x *convIndex) find(k *convKey) (slot int, cell uint32) {
	if x.cells == nil {
		x.cells = make([]int32, convCells)
	}
	h := k.hash()
	for c := h & (convCells - 1); ; c = (c + 1) & (convCells - 1) {
		s := x.cells[c]
		if s == 0 {
			return -1, c
		}
		if x.hash[s-1] == h && x.keys[s-1] == *k {
			return int(s - 1), c
		}
	}
}

// insert records k at slot (which may be the next slot, len(keys)) in the
// empty cell that find returned for it.
func (x *convIndex) insert(k *convKey, slot int, cell uint32) {
	if slot == len(x.keys) {
		x.keys = append(x.keys, *k)
		x.hash = append(x.hash, k.hash())
	} else {
		x.keys[slot], x.hash[slot] = *k, k.hash()
	}
	x.cells[cell] = int32(slot + 1)
}

// remove forgets the key at slot.
func (x *convIndex) remove(slot int) {
	const mask = convCells - 1
	i := x.hash[slot] & mask
	for x.cells[i] != int32(slot+1) {
		i = (i + 1) & mask
	}
	x.cells[i] = 0
	// Shift back the cells after it whose search would now stop early.
	for j := (i + 1) & mask; x.cells[j] != 0; j = (j + 1) & mask {
		home := x.hash[x.cells[j]-1] & mask
		// The cell at j stays if its home lies cyclically in (i, j].
		if i <= j && i < home && home <= j || i > j && (i < home || home <= j) {
			continue
		}
		x.cells[i], x.cells[j] = x.cells[j], 0
		i = j
	}
}

// clear empties the index, keeping its storage.
func (x *convIndex) clear() {
	clear(x.cells)
	x.keys, x.hash = x.keys[:0], x.hash[:0]
}

// nstime is a time or a time difference as seconds and nanoseconds, exact
// whatever the value (time.Duration ends at 292 years).
type nstime struct {
	s  int64
	ns int32
}

// nstimeOf returns t as an nstime; a packet without a time (the zero
// time.Time) is at the epoch, as in tshark.
func nstimeOf(t time.Time) nstime {
	if t.IsZero() {
		return nstime{}
	}
	return nstime{t.Unix(), int32(t.Nanosecond())}
}

func (a nstime) isZero() bool { return a.s == 0 && a.ns == 0 }

// sub returns a-b with both parts of the same sign, as nstime_delta.
func (a nstime) sub(b nstime) nstime {
	s, ns := a.s-b.s, a.ns-b.ns
	switch {
	case s > 0 && ns < 0:
		s, ns = s-1, ns+1e9
	case s < 0 && ns > 0:
		s, ns = s+1, ns-1e9
	}
	return nstime{s, ns}
}

// nanosSince returns a-b in nanoseconds as tshark's unsigned arithmetic
// sees it: negative or huge differences come out as -1 (never below a
// threshold).
func (a nstime) nanosSince(b nstime) int64 {
	d := a.sub(b)
	if d.s < 0 || d.ns < 0 || d.s > 1<<32 {
		return -1
	}
	return d.s*1e9 + int64(d.ns)
}

// appendNstime appends d in seconds with nine decimals ("0.001500000",
// "-0.000001000"), as tshark prints relative times.
func appendNstime(b []byte, d nstime) []byte {
	s, ns := d.s, d.ns
	if s < 0 || ns < 0 {
		b = append(b, '-')
		s, ns = -s, -ns
	}
	b = strconv.AppendUint(b, uint64(s), 10)
	b = append(b, '.')
	return appendNanos(b, uint32(ns))
}

// udpSegment is what the tracker found for one UDP layer.
type udpSegment struct {
	Stream     uint32 // udp.stream
	Times      bool   // the time lines are shown (not inside an ICMP error)
	SinceFirst nstime // udp.time_relative
	SincePrev  nstime // udp.time_delta
}

type udpConv struct {
	stream      uint32
	used        bool // clock bit for eviction
	first, prev nstime
	// Wireshark's SNMP dissector opens a conversation of its own on the
	// first SNMP datagram between two ends; the UDP dissector finds that
	// one from the next datagram on and numbers it as a new stream.
	snmp, renew bool
}

// datagram numbers UDP layer i's conversation into s.
func (t *tracker) datagram(d *Decoder, i int, f *Frame, s *udpSegment) bool {
	l := &d.layers[i]
	if l.Payload-l.Start < udpLen {
		return false
	}
	u := UDP(d.data[l.Start:l.Payload])
	now := nstimeOf(f.Time)
	k, _ := keyOf(d, i, u.SrcPort(), u.DstPort())
	d.voipConvKey(i, &k)
	t.tftpConvKey(d, i, &k)
	var c *udpConv
	if j, cell := t.udpIdx.find(&k); j >= 0 {
		c = &t.udpConvs[j]
		c.used = true
		if c.renew && !l.Quoted {
			c.stream, c.first, c.prev, c.renew = t.udpNext, now, now, false
			t.udpNext++
		}
	} else {
		if len(t.udpConvs) < maxConvs {
			j = len(t.udpConvs)
			t.udpConvs = append(t.udpConvs, udpConv{})
		} else {
			for t.udpConvs[t.udpHand].used {
				t.udpConvs[t.udpHand].used = false
				t.udpHand = (t.udpHand + 1) % len(t.udpConvs)
			}
			j = t.udpHand
			t.udpIdx.remove(j)
			_, cell = t.udpIdx.find(&k) // the removal may have moved cells
		}
		t.udpIdx.insert(&k, j, cell)
		c = &t.udpConvs[j]
		*c = udpConv{stream: t.udpNext, used: true, first: now, prev: now}
		t.udpNext++
	}
	*s = udpSegment{Stream: c.stream}
	if !l.Quoted && !c.snmp && i+1 < d.n && d.layers[i+1].Type == LayerSNMP {
		c.snmp, c.renew = true, true
	}
	if !l.Quoted {
		s.Times = true
		s.SinceFirst = now.sub(c.first)
		s.SincePrev = now.sub(c.prev)
		c.prev = now
	}
	return true
}
