package decode

// This file is the TFTP part of the connection tracker (tracker.go): the
// transfers tshark 4.0 follows in one pass.
//
//   - A read or write request to the TFTP port (69, or a port --decode-as
//     gives TFTP) whose body is a valid request (printable file name and
//     mode, an even number of NULs, mode netascii, octet or mail in any
//     case) starts a transfer keyed by the client's address and port and
//     the server's address: every later UDP datagram between the client's
//     port and the server, whatever the server's port, is TFTP (decodeUDP
//     asks tftpLookup before the port table, as Wireshark's conversations
//     come before its ports). A new request from the same client port
//     starts the transfer again.
//   - A TFTP message on the TFTP port outside any transfer keeps a state
//     of its own for its two ports (Wireshark's UDP conversation).
//   - Per transfer tshark remembers the request's frame, the file name,
//     whether tsize was asked for, the block size an OACK granted (512
//     until then; 8..65464, else kept), the block expected next (for the
//     full block number past 65535) and the previous opcode (a tsize probe
//     closed by an ERROR). The -V tree draws "[Destination File: …]",
//     "[Read Request in frame N]", "[Full Block Number: N]"; Info's
//     "(last)" compares a DATA block with the granted block size.
//
// tcpdump follows no transfer: the one-liners print the datagrams off port
// 69 as UDP (lineTFTP), and the one-liner path never runs the tracker.
//
// Bound: maxTFTP transfers in a direct-mapped table (about 90 kB,
// allocated at the first TFTP message); a new transfer replaces whatever
// its slot held, and the packets of a forgotten transfer are UDP again
// (tshark, which forgets nothing, would still call them TFTP). File names
// longer than tftpNameMax bytes are not kept: their transfers' packets
// draw no "[Destination File: …]".

const (
	maxTFTP     = 512
	tftpNameMax = 120
)

type tftpConv struct {
	cli, srv [16]byte
	cport    uint16
	sport    uint16 // fixed: the server's port
	used     bool
	fixed    bool // a port-69 state outside a transfer: both ports must match
	write    bool // the request was a WRQ
	named    bool // the file name is kept
	tsizeReq bool
	request  int // the request's frame (0: none)
	nameLen  uint8
	name     [tftpNameMax]byte
	blksize  uint16
	prevOp   uint16
	next     uint32 // the block expected next
}

type tftpState struct {
	convs [maxTFTP]tftpConv
	used  int
}

// tftpNote is what the tracker found for one frame's TFTP layer.
type tftpNote struct {
	layer   int // -1: none
	request int // the transfer's request frame (drawn for other opcodes)
	write   bool
	named   bool
	nameLen uint8
	name    [tftpNameMax]byte
	full    uint32 // DATA, ACK: the full block number
	last    bool   // DATA: shorter than the block size
	wrap    bool   // DATA: block 65535 of a full block size
	probe   bool   // ERROR: the close of a tsize probe
}

// tftpNote returns the note of TFTP layer i, or nil.
func (r *convResults) tftpNote(i int) *tftpNote {
	if r == nil || r.tftp.layer != i {
		return nil
	}
	return &r.tftp
}

func tftpSlot(cli, srv *[16]byte, cport uint16) int {
	h := le64(cli[:8]) ^ le64(cli[8:])*31 ^ le64(srv[:8])*7 ^ le64(srv[8:])*131
	h = (h ^ uint64(cport)) * 0xff51afd7ed558ccd
	return int(h >> 40 % maxTFTP)
}

// find returns the state a datagram from src:sp to dst:dp belongs to, or
// nil; fixed states only when asked.
func (s *tftpState) find(src, dst *[16]byte, sp, dp uint16, fixed bool) *tftpConv {
	if c := &s.convs[tftpSlot(src, dst, sp)]; c.used && c.cli == *src && c.srv == *dst && c.cport == sp && (!c.fixed || fixed && c.sport == dp) {
		return c
	}
	if c := &s.convs[tftpSlot(dst, src, dp)]; c.used && c.cli == *dst && c.srv == *src && c.cport == dp && (!c.fixed || fixed && c.sport == sp) {
		return c
	}
	return nil
}

// tftpLookup reports whether the UDP datagram u being decoded belongs to
// a TFTP transfer.
func (d *Decoder) tftpLookup(u UDP) bool {
	if d.trk == nil || d.trk.tftp == nil || d.trk.tftp.used == 0 || d.n == 0 || d.quoted {
		return false
	}
	src, dst := addrs16(d, d.n)
	return d.trk.tftp.find(&src, &dst, u.SrcPort(), u.DstPort(), false) != nil
}

// tftpConvKey replaces the conversation key of UDP layer i when it belongs
// to a TFTP transfer off the TFTP port: Wireshark's conversation is then
// the transfer's (the client's address and port, the server's address, any
// server port), and a new request from the same port starts another.
func (t *tracker) tftpConvKey(d *Decoder, i int, k *convKey) {
	if t.tftp == nil || t.tftp.used == 0 || d.layers[i].Quoted || i+1 >= d.n || d.layers[i+1].Type != LayerTFTP {
		return
	}
	u := d.data[d.layers[i].Start:]
	sp, dp := be16(u), be16(u[2:])
	if d.Ports.Lookup(TransportUDP, sp, dp) == LayerTFTP {
		return // the request's own ports
	}
	src, dst := addrs16(d, i)
	if c := t.tftp.find(&src, &dst, sp, dp, false); c != nil {
		*k = convKey{a: c.cli, b: c.srv, pa: c.cport}
	}
}

// tftpValidRequest reports whether b is a request tshark starts a
// transfer for.
func tftpValidRequest(b []byte) bool {
	if len(b) < 4 || be16(b) != tftpRRQ && be16(b) != tftpWRQ {
		return false
	}
	zeros := 0
	for _, c := range b[2:] {
		if c == 0 {
			zeros++
		} else if c < 0x20 || c > 0x7e {
			return false
		}
	}
	if zeros == 0 || zeros%2 != 0 {
		return false
	}
	_, off, _ := tftpStrz(b, 2)
	mode, _, _ := tftpStrz(b, off)
	for _, m := range [...]string{"netascii", "octet", "mail"} {
		if len(mode) == len(m) && asciiEqualFold(mode, m) {
			return true
		}
	}
	return false
}

// tftpAtoi is strtol(s, NULL, 10) as an int, as tshark reads an option's
// value (0 when no digits start it).
func tftpAtoi(s []byte) int {
	k := 0
	for k < len(s) && (s[k] == ' ' || s[k] >= '\t' && s[k] <= '\r') {
		k++
	}
	neg := false
	if k < len(s) && (s[k] == '-' || s[k] == '+') {
		neg = s[k] == '-'
		k++
	}
	n := 0
	for ; k < len(s) && s[k] >= '0' && s[k] <= '9'; k++ {
		if n < 1<<31 {
			n = n*10 + int(s[k]-'0')
		}
	}
	if neg {
		return -n
	}
	return n
}

// tftpBlksizeOK reports whether an OACK's blksize value is one tshark
// takes (8..65464).
func tftpBlksizeOK(v []byte) bool { n := tftpAtoi(v); return n >= 8 && n <= 65464 }

// tftpWindowOK reports whether a windowsize value is in range (1..65535).
func tftpWindowOK(v []byte) bool { n := tftpAtoi(v); return n >= 1 && n <= 65535 }

// tftpFrame is the tracker's step for the packet d last decoded: it finds
// or starts the transfer of the packet's TFTP layer and applies the message
// to it as tshark's dissector does.
// clear says the packet holds no TFTP message.
func (n *tftpNote) clear() { n.layer = -1 }

func (t *tracker) tftpFrame(d *Decoder, f *Frame) {
	n := &t.res.tftp
	n.clear()
	for i := 1; i < d.n; i++ {
		l := &d.layers[i]
		if l.Type != LayerTFTP || l.Quoted || d.layers[i-1].Type != LayerUDP {
			continue
		}
		u := d.data[d.layers[i-1].Start:]
		sp, dp := be16(u), be16(u[2:])
		if t.tftp == nil {
			t.tftp = new(tftpState)
		}
		s := t.tftp
		src, dst := addrs16(d, i-1)
		b := d.data[l.Start:l.End]
		var c *tftpConv
		if d.Ports.Lookup(TransportUDP, dp, dp) == LayerTFTP && tftpValidRequest(b) {
			c = &s.convs[tftpSlot(&src, &dst, sp)]
			if !c.used {
				s.used++
			}
			*c = tftpConv{cli: src, srv: dst, cport: sp, used: true}
			// The transfer is a UDP conversation of its own: a new one.
			k := convKey{a: src, b: dst, pa: sp}
			if j, _ := t.udpIdx.find(&k); j >= 0 {
				t.udpConvs[j].renew = true
			}
		} else if c = s.find(&src, &dst, sp, dp, true); c == nil {
			cli, srv, cport, sport := &src, &dst, sp, dp
			if d.Ports.Lookup(TransportUDP, sp, sp) == LayerTFTP && d.Ports.Lookup(TransportUDP, dp, dp) != LayerTFTP {
				cli, srv, cport, sport = &dst, &src, dp, sp
			}
			c = &s.convs[tftpSlot(cli, srv, cport)]
			if !c.used {
				s.used++
			}
			*c = tftpConv{cli: *cli, srv: *srv, cport: cport, sport: sport, used: true, fixed: true}
		}
		if c.blksize == 0 {
			c.blksize, c.prevOp, c.next = 512, 0xffff, 1
		}
		*n = tftpNote{layer: i}
		c.apply(b, udpPayloadLen(d, i), f.Number, n)
		return
	}
}

// fullBlock is Wireshark's determine_full_blocknum: the block number with
// the bits a wrap past 65535 lost, from the block expected next.
func (c *tftpConv) fullBlock(block uint16) uint32 {
	delta := int16(uint16(c.next) - block)
	if int32(delta) > int32(c.next) {
		return uint32(block)
	}
	return uint32(int64(c.next) - int64(delta))
}

// apply updates the transfer with message b (wire: the message's length
// on the wire) of frame number and fills the note. Where tshark's
// dissector stops at a string without its NUL, the state keeps what was
// set before it and the previous opcode stays.
func (c *tftpConv) apply(b []byte, wire, number int, n *tftpNote) {
	if len(b) < 2 {
		return
	}
	op := be16(b)
	if c.request != 0 && op != tftpRRQ && op != tftpWRQ {
		n.request, n.write, n.named, n.nameLen, n.name = c.request, c.write, c.named, c.nameLen, c.name
	}
	options := func(off int) bool {
		for off < len(b) {
			name, v, ok := tftpStrz(b, off)
			if !ok {
				return false
			}
			val, next, ok := tftpStrz(b, v)
			if !ok {
				return false
			}
			switch {
			case op == tftpOACK && len(name) == 7 && asciiEqualFold(name, "blksize"):
				if tftpBlksizeOK(val) {
					c.blksize = uint16(tftpAtoi(val))
				}
			case op == tftpRRQ && len(name) == 5 && asciiEqualFold(name, "tsize"):
				c.tsizeReq = true
			}
			off = next
		}
		return true
	}
	switch op {
	case tftpRRQ, tftpWRQ:
		file, off, ok := tftpStrz(b, 2)
		if !ok {
			return
		}
		c.write, c.request = op == tftpWRQ, number
		c.named = len(file) <= tftpNameMax
		if c.named {
			c.nameLen = uint8(copy(c.name[:], file))
		}
		if _, off, ok = tftpStrz(b, off); !ok || !options(off) {
			return
		}
	case tftpOACK:
		if !options(2) {
			return
		}
	case tftpDATA:
		if len(b) < 4 {
			return
		}
		block := be16(b[2:])
		full := c.fullBlock(block)
		bytes := wire - 4
		n.full, n.last = full, bytes < int(c.blksize)
		n.wrap = block == 0xffff && bytes == int(c.blksize)
		if full > c.next {
			c.next = full + 1
		} else if full == c.next {
			c.next++
		}
	case tftpACK:
		if len(b) < 4 {
			return
		}
		n.full = c.fullBlock(be16(b[2:]))
	case tftpERROR:
		if len(b) < 4 {
			return
		}
		code := be16(b[2:])
		if _, _, ok := tftpStrz(b, 4); !ok {
			return
		}
		n.probe = (code == 8 || code == 0) && c.request != 0 && !c.write && c.tsizeReq &&
			(c.prevOp == tftpOACK || c.prevOp == tftpDATA && c.next == 2)
	}
	c.prevOp = op
}
