package decode

import "strconv"

// SSH connections, as Wireshark 4.0's dissector keeps them: per side
// (client, server) the frames of its version string and of its key
// exchange (KEXINIT … NEWKEYS), its message counter, the algorithms its
// KEXINIT proposed, and what was chosen; per connection the protocol
// version and the key exchange method. The client is the side whose
// destination port is the one SSH is decoded on.
//
// Bound: the state lives by the tracker's TCP conversation slot (at most
// maxConvs, checked against the stream index, so it is forgotten with
// the conversation). Algorithm names are interned in one table of at
// most sshMaxNames names of at most sshMaxNameLen bytes, for all
// connections; a name past the bound is not remembered (a connection
// choosing it shows no method or cipher, where tshark would). A
// proposal keeps its first sshMaxProp names.

const (
	sshMaxNames   = 255
	sshMaxNameLen = 64
	sshMaxProp    = 24
)

// sshProp is one name-list, as interned ids.
type sshProp struct {
	ids [sshMaxProp]uint8
	n   uint8
}

type sshPeer struct {
	verStart, verEnd uint32 // frames of the version string
	keyStart, keyEnd uint32 // frames of KEXINIT and NEWKEYS
	keyEndOff        int32  // NEWKEYS's offset in its frame
	seq              uint32 // Wireshark's sequence_number
	seqKexInit       uint32
	seqNewKey        uint32
	seqDhIni         uint32
	seqDhRep         uint32
	seqGexReq        uint32
	seqGexGrp        uint32
	seqGexIni        uint32
	seqGexRep        uint32
	seqEcdhIni       uint32
	seqEcdhRep       uint32

	haveKex        bool
	kexProp        sshProp
	enc, mac, comp [2]sshProp // proposals, [0] client to server
	chEnc, chMAC   uint8      // chosen for this side's direction
	chComp         uint8
	macLen         int8
	plainLen       bool
	cipher         bool // a cipher Wireshark decrypts: packets show no lines
	pending        bool // a binary packet continues past the last segment
	pendEnd        uint32
	pendShort      bool   // its first segments held less than its length field
	pendStart      uint32 // the sequence number it starts at
}

type sshConn struct {
	used    bool
	stream  uint32
	version uint8 // 0 unknown, 1, 2
	kex     uint8 // chosen method's name id
	kexKind uint8
	peer    [2]sshPeer
}

type sshState struct {
	// conns holds by tracker slot the state of an SSH connection, made
	// when the slot first carries SSH and reused by its later ones: some
	// 2 KB each, for the few slots that carry SSH rather than all 8192.
	conns []*sshConn
	names []string // interned algorithm names; [0] is ""
	reasm [sshMaxReasm]sshReasm
}

// sshReasm holds the start of a binary packet that continues in later
// segments, for the state its whole bytes set (a KEXINIT's proposals).
// sshMaxReasm of them, direct-mapped by slot and direction, at most
// sshReasmLen bytes each: a longer packet, or one whose entry another took,
// is not reassembled (the connection's state then misses it).
type sshReasm struct {
	slot   int32
	stream uint32
	dir    uint8
	buf    []byte
	segs   sshSegs // the frames the bytes came from
}

// sshSegs lists the segments of a reassembled packet: frame and length
// each, as tshark's "[N Reassembled TCP Segments …]" lines name them.
type sshSegs struct {
	frame [sshMaxSegs]uint32
	n     [sshMaxSegs]uint32
	count uint8
}

// sshMaxSegs bounds the segments of a packet drawn reassembled.
const sshMaxSegs = 8

func (g *sshSegs) add(frame uint32, n int) bool {
	if g.count >= sshMaxSegs {
		return false
	}
	g.frame[g.count], g.n[g.count] = frame, uint32(n)
	g.count++
	return true
}

const (
	sshMaxReasm = 16
	sshReasmLen = 16384
)

func (d *Decoder) sshState() *sshState {
	if d.ssh == nil {
		d.ssh = &sshState{names: []string{""}}
	}
	return d.ssh
}

// sshForget forgets every connection (a new capture starts).
func (d *Decoder) sshForget() {
	if d.ssh != nil {
		for _, c := range d.ssh.conns {
			if c != nil {
				c.used = false
			}
		}
	}
}

// intern returns the id of name, adding it if there is room; 0 if not.
func (s *sshState) intern(name []byte) uint8 {
	if len(name) == 0 || len(name) > sshMaxNameLen {
		return 0
	}
	for k := 1; k < len(s.names); k++ {
		if s.names[k] == string(name) {
			return uint8(k)
		}
	}
	if len(s.names) > sshMaxNames {
		return 0
	}
	s.names = append(s.names, string(name))
	return uint8(len(s.names) - 1)
}

func (s *sshState) prop(p *sshProp, list []byte) {
	p.n = 0
	for len(list) > 0 && int(p.n) < sshMaxProp {
		k := 0
		for k < len(list) && list[k] != ',' {
			k++
		}
		p.ids[p.n] = s.intern(list[:k])
		p.n++
		if k == len(list) {
			break
		}
		list = list[k+1:]
	}
}

// choose returns the first of the client's names that the server lists.
func sshChoose(c, s *sshProp) uint8 {
	for _, a := range c.ids[:c.n] {
		if a == 0 {
			continue
		}
		for _, b := range s.ids[:s.n] {
			if a == b {
				return a
			}
		}
	}
	return 0
}

func sshKexKindOf(name string) uint8 {
	switch {
	case name == "diffie-hellman-group-exchange-sha1", name == "diffie-hellman-group-exchange-sha256":
		return sshKexGEX
	case len(name) > 10 && name[:10] == "ecdh-sha2-", name == "curve25519-sha256@libssh.org",
		name == "curve25519-sha256", name == "curve448-sha512":
		return sshKexECDH
	}
	return sshKexDH
}

// sshMACLen returns the length of MAC name's tag, and whether the packet
// length stays in clear (encrypt-then-MAC), as Wireshark reckons them.
func sshMACLen(name string) (int8, bool) {
	plain := false
	if k := indexOf(name, "-etm@openssh.com"); k >= 0 {
		name, plain = name[:k], true
	} else if k := indexOf(name, "@openssh.com"); k >= 0 {
		name = name[:k]
	}
	if k := lastIndexByte(name, '-'); k >= 0 {
		if n, err := strconv.ParseUint(name[k+1:], 10, 32); err == nil && n > 0 && n%8 == 0 {
			return int8(min(n/8, 127)), plain
		}
	}
	switch name {
	case "hmac-sha1", "hmac-ripemd160":
		return 20, plain
	case "hmac-md5":
		return 16, plain
	case "none":
		return 0, plain
	}
	return -1, plain
}

func indexOf(s, sub string) int {
	for k := 0; k+len(sub) <= len(s); k++ {
		if s[k:k+len(sub)] == sub {
			return k
		}
	}
	return -1
}

func lastIndexByte(s string, c byte) int {
	for k := len(s) - 1; k >= 0; k-- {
		if s[k] == c {
			return k
		}
	}
	return -1
}

// chooseCiphers picks each direction's cipher, MAC and compression, as
// Wireshark does when the server's (EC)DH reply is seen.
func (c *sshConn) chooseCiphers(s *sshState) {
	cl, sv := &c.peer[0], &c.peer[1]
	for k := range 2 {
		p := &c.peer[k]
		p.chEnc = sshChoose(&cl.enc[k], &sv.enc[k])
		p.chComp = sshChoose(&cl.comp[k], &sv.comp[k])
		p.chMAC, p.macLen, p.plainLen = 0, -1, false
		switch s.names[p.chEnc] {
		case "chacha20-poly1305@openssh.com":
			p.macLen = 16
		case "aes128-gcm@openssh.com", "aes256-gcm@openssh.com":
			p.macLen, p.plainLen = 16, true
		default:
			p.chMAC = sshChoose(&cl.mac[k], &sv.mac[k])
			if p.chMAC != 0 {
				p.macLen, p.plainLen = sshMACLen(s.names[p.chMAC])
			}
		}
	}
}

// sshFrame walks the packet's SSH layer (after a TCP layer) as Wireshark
// does, updating its connection, and leaves the items in r.ssh, with the
// interned names its items refer to (the -V pipeline draws the tree with
// another Decoder).
func (d *Decoder) sshFrame(f *Frame, r *convResults) {
	d.sshWalk(f, r)
	if r.ssh.ok {
		r.ssh.names = d.ssh.names
	}
}

// clear says the packet holds no SSH message.
func (nt *sshNote) clear() { nt.ok = false }

func (d *Decoder) sshWalk(f *Frame, r *convResults) {
	nt := &r.ssh
	nt.clear()
	i := -1
	for k := 1; k < d.n; k++ {
		if d.layers[k].Type == LayerSSH && d.layers[k-1].Type == LayerTCP && !d.layers[k].Quoted {
			i = k
			break
		}
	}
	if i < 0 {
		return
	}
	seg := r.tcp(i - 1)
	if seg == nil || seg.slot < 0 || !seg.HaveLen {
		return
	}
	s := d.sshState()
	if int(seg.slot) >= len(s.conns) {
		if int(seg.slot) >= maxConvs {
			return
		}
		s.conns = append(s.conns, make([]*sshConn, int(seg.slot)+1-len(s.conns))...)
	}
	c := s.conns[seg.slot]
	if c == nil {
		c = new(sshConn)
		s.conns[seg.slot] = c
	}
	if !c.used || c.stream != seg.Stream {
		*c = sshConn{used: true, stream: seg.Stream}
		c.peer[0].macLen, c.peer[1].macLen = -1, -1
	}
	tl := &d.layers[i-1]
	dst := be16(d.data[tl.Start+2:])
	src := be16(d.data[tl.Start:])
	match := min(src, dst)
	if d.Ports.Lookup(TransportTCP, match, match) != LayerSSH {
		match = max(src, dst)
	}
	server := dst != match
	pi := 0
	if server {
		pi = 1
	}
	p := &c.peer[pi]
	pdu := nt.pdu[:0] // the buffer is reused
	*nt = sshNote{ok: true, layer: i, server: server, proto: c.version}
	nt.pdu = pdu
	l := &d.layers[i]
	b := d.data[l.Start:l.End]
	wire := d.sshWireLen(i)
	if len(b) == 0 {
		nt.ok = false
		return
	}
	if seg.Analysed && seg.Flags&(tcpARetransmission|tcpAFastRetrans|tcpASpuriousRetrans) != 0 {
		nt.retx = true
		return
	}
	if p.pending {
		if int32(seg.Seq-p.pendEnd) < 0 && p.pendShort && !d.sshLengthKnown(seg, pi, p, b, wire, uint32(f.Number), nt) {
			return
		}
		if int32(seg.Seq-p.pendEnd) < 0 {
			if int32(seg.NextSeq-p.pendEnd) < 0 {
				nt.middle = true
				s.reasmAdd(seg, pi, b, wire, uint32(f.Number))
			} else {
				nt.done, nt.dir = true, true
				p.pending = false
				d.sshReassembled(c, p, server, uint32(f.Number), seg, pi, b[:min(len(b), int(p.pendEnd-seg.Seq))], nt)
			}
			return
		}
		p.pending = false
	}
	frame := uint32(f.Number)
	canDeseg := len(b) == wire
	off := 0
	for off < wire && off < len(b) { // bytes the capture cut off are not walked
		if nt.n == sshMaxItems {
			nt.dir = true
			return
		}
		afterStart := p.verStart == 0 || frame >= p.verStart
		beforeEnd := p.verEnd == 0 || frame <= p.verEnd
		if afterStart && beforeEnd && sshHasPrefixFold(b[off:], "SSH-") {
			if p.verStart == 0 {
				p.verStart = frame
			}
			nl := -1
			for k := off; k < len(b); k++ {
				if b[k] == '\n' {
					nl = k
					break
				}
			}
			if nl < 0 && canDeseg {
				// tshark waits for the line's end: the segment is
				// drawn as one it reassembles, with no lines.
				if off == 0 {
					nt.items[0] = sshItem{kind: sshItemPartial}
					nt.n = 1
				}
				return
			}
			end := len(b)
			if nl >= 0 {
				end = nl + 1
			}
			version := c.version
			if !server {
				switch {
				case sshHasPrefixFold(b[off:], "SSH-2."), sshHasPrefixFold(b[off:], "SSH-1.99-"):
					version = 2
				case sshHasPrefixFold(b[off:], "SSH-1."):
					version = 1
				}
			}
			nt.items[nt.n] = sshItem{kind: sshItemVersion, off: int32(off), end: int32(end)}
			nt.n++
			off = end
			p.verEnd = frame
			c.version = version
			continue
		}
		switch c.version {
		case 0:
			nt.items[nt.n] = sshItem{kind: sshItemEncrypted, off: int32(off), end: int32(wire), macLen: p.macLen, plainLen: p.plainLen}
			nt.n++
			off = wire
			continue
		case 1:
			nt.items[nt.n] = sshItem{kind: sshItemStop, off: int32(off)}
			nt.n++
			return // SSH 1 is not dissected
		}
		// Version 2: binary packets to the end of the captured bytes.
		for off < len(b) {
			if nt.n == sshMaxItems {
				nt.dir = true
				return
			}
			it := &nt.items[nt.n]
			*it = sshItem{v2: true, off: int32(off), enc: p.chEnc, mac: p.chMAC, comp: p.chComp,
				kex: c.kex, kexKind: c.kexKind, macLen: p.macLen, plainLen: p.plainLen}
			nt.n++
			keyPhase := p.keyStart == 0 || p.keyStart <= frame &&
				(p.keyEnd == 0 || frame < p.keyEnd || frame == p.keyEnd && int32(off) < p.keyEndOff)
			if !keyPhase {
				if p.cipher {
					it.kind = sshItemOpaque
					if p.plainLen && (len(b)-off < 4 || uint64(be32(b[off:]))+4+uint64(max(p.macLen, 0)) > uint64(len(b)-off)) {
						// AES-GCM: Wireshark reads the packet's
						// length in clear and runs off the bytes.
						nt.exc = true
						return
					}
				} else {
					it.kind = sshItemEncrypted
				}
				it.end = int32(wire)
				off = wire
				break
			}
			remain := len(b) - off
			var plen uint32
			if remain >= 4 {
				plen = be32(b[off:])
			}
			if canDeseg && (remain < 4 || uint64(plen)+4 > uint64(remain)) {
				it.kind = sshItemPartial
				s.reasmStart(seg, pi, b[off:], plen, frame)
				p.pending, p.pendShort = true, remain < 4
				p.pendStart = seg.Seq + uint32(off)
				p.pendEnd = seg.Seq + uint32(off) + max(plen+4, 5)
				if remain < 4 {
					// tshark asks for one more segment.
					p.pendEnd = seg.Seq + uint32(len(b)) + 1
				}
				return
			}
			if remain < 6 || uint64(plen)+4 > uint64(remain) {
				it.kind = sshItemStop
				return
			}
			it.kind = sshItemKex
			it.end = int32(off) + int32(plen) + 4
			d.sshKexState(c, p, server, frame, b, off, it)
			off = int(it.end)
		}
	}
	nt.dir = true
}

// sshLengthKnown takes a segment that continues a binary packet whose
// earlier segments held less than its length field, as tshark does when
// it dissects what it reassembled so far again: while the length is still
// cut, or the packet does not end in this segment, the segment is drawn as
// a packet's start (its "SSH Version 2" title); once the packet ends in
// it, the caller goes on as for any packet ending in a segment (it returns
// true, with p.pendEnd the packet's end).
func (d *Decoder) sshLengthKnown(seg *tcpSegment, pi int, p *sshPeer, b []byte, wire int, frame uint32, nt *sshNote) bool {
	s := d.ssh
	r := s.reasmEntry(seg, pi)
	if r.slot != seg.slot || r.stream != seg.Stream || r.dir != uint8(pi) || len(r.buf) >= 4 {
		// The bytes before this segment were not kept: carry on as
		// tshark would with the one more segment it asked for.
		p.pendShort = false
		return true
	}
	var head [4]byte
	n := copy(head[:], r.buf)
	n += copy(head[n:], b)
	partial := func() {
		nt.items[0] = sshItem{kind: sshItemPartial, v2: true}
		nt.n = 1
		s.reasmAdd(seg, pi, b, wire, frame)
	}
	if n < 4 {
		p.pendEnd = seg.NextSeq + 1
		partial()
		return false
	}
	p.pendShort = false
	p.pendEnd = p.pendStart + be32(head[:]) + 4
	if int32(seg.NextSeq-p.pendEnd) < 0 {
		partial()
		return false
	}
	return true
}

// sshKexState applies a clear binary packet to the connection and sets the
// item's sequence number.
func (d *Decoder) sshKexState(c *sshConn, p *sshPeer, server bool, frame uint32, b []byte, off int, it *sshItem) {
	s := d.ssh
	code := b[off+5]
	cl, sv := &c.peer[0], &c.peer[1]
	switch {
	case code == sshMsgKexInit:
		r := sshReader{b: b[:it.end], off: off + 6 + 16, ok: true}
		var lists [10][]byte
		for k := range lists {
			lists[k] = r.bytes(r.u32())
		}
		if r.ok {
			s.prop(&p.kexProp, lists[0])
			for k := range 2 {
				s.prop(&p.enc[k], lists[2+k])
				s.prop(&p.mac[k], lists[4+k])
				s.prop(&p.comp[k], lists[6+k])
			}
			p.haveKex = true
			if cl.haveKex && sv.haveKex && c.kex == 0 {
				c.kex = sshChoose(&cl.kexProp, &sv.kexProp)
				c.kexKind = sshKexKindOf(s.names[c.kex])
			}
		}
		if p.keyStart == 0 || p.keyStart == frame {
			p.keyStart = frame
			if p.seqKexInit == 0 {
				p.seqKexInit = p.seq
				p.seq++
			}
		}
		it.seq = p.seqKexInit
	case code == sshMsgNewKeys:
		if p.keyEnd == 0 {
			p.keyEnd = frame
			p.keyEndOff = int32(off) + 6
			if p.seqNewKey == 0 {
				p.seqNewKey = p.seq
				p.seq++
			}
			switch s.names[p.chEnc] {
			case "chacha20-poly1305@openssh.com", "aes128-ctr", "aes192-ctr", "aes256-ctr",
				"aes128-gcm@openssh.com", "aes256-gcm@openssh.com":
				// Wireshark 4.0 sets these ciphers up (without keys,
				// its decryption then shows nothing).
				p.cipher = true
			}
		}
		it.seq = p.seqNewKey
	case code >= 30 && code < 40:
		it.seq = sshKexSeq(c, cl, sv, s, code)
	}
}

// sshKexSeq counts a key exchange message (30-39) as Wireshark does and
// returns its sequence number.
func sshKexSeq(c *sshConn, cl, sv *sshPeer, s *sshState, code uint8) uint32 {
	pre := func(p *sshPeer, v *uint32) uint32 { // count, then number
		if *v == 0 {
			p.seq++
			*v = p.seq
		}
		return *v
	}
	post := func(p *sshPeer, v *uint32) uint32 { // number, then count
		if *v == 0 {
			*v = p.seq
			p.seq++
		}
		return *v
	}
	switch c.kexKind {
	case sshKexGEX:
		switch code {
		case 31:
			return pre(sv, &sv.seqGexGrp)
		case 32:
			return pre(cl, &cl.seqGexIni)
		case 33:
			return pre(sv, &sv.seqGexRep)
		case 34:
			return pre(cl, &cl.seqGexReq)
		}
	case sshKexECDH:
		switch code {
		case 30:
			return post(cl, &cl.seqEcdhIni)
		case 31:
			c.chooseCiphers(s)
			return post(sv, &sv.seqEcdhRep)
		}
	default:
		switch code {
		case 30:
			return pre(cl, &cl.seqDhIni)
		case 31:
			c.chooseCiphers(s)
			return pre(sv, &sv.seqDhRep)
		}
	}
	return 0
}

// sshHasPrefixFold reports whether b starts with p, ignoring ASCII case.
func sshHasPrefixFold(b []byte, p string) bool {
	if len(b) < len(p) {
		return false
	}
	for k := range len(p) {
		x, y := b[k], p[k]
		if 'a' <= x && x <= 'z' {
			x -= 'a' - 'A'
		}
		if 'a' <= y && y <= 'z' {
			y -= 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// reasmEntry returns the reassembly entry of a connection's direction.
func (s *sshState) reasmEntry(seg *tcpSegment, dir int) *sshReasm {
	return &s.reasm[(int(seg.slot)*2+dir)%sshMaxReasm]
}

// reasmStart keeps the first bytes of a binary packet of plen bytes (and
// its length field).
func (s *sshState) reasmStart(seg *tcpSegment, dir int, b []byte, plen uint32, frame uint32) {
	r := s.reasmEntry(seg, dir)
	r.slot, r.stream, r.dir = -1, 0, 0
	r.segs.count = 0
	r.segs.add(frame, len(b))
	if uint64(plen)+4 > sshReasmLen {
		return
	}
	if r.buf == nil {
		r.buf = make([]byte, 0, sshReasmLen)
	}
	r.slot, r.stream, r.dir = seg.slot, seg.Stream, uint8(dir)
	r.buf = append(r.buf[:0], b...)
}

// reasmAdd adds a segment inside the packet.
func (s *sshState) reasmAdd(seg *tcpSegment, dir int, b []byte, wire int, frame uint32) {
	r := s.reasmEntry(seg, dir)
	if r.slot != seg.slot || r.stream != seg.Stream || r.dir != uint8(dir) {
		return
	}
	r.segs.add(frame, len(b))
	if len(b) != wire || len(r.buf)+len(b) > cap(r.buf) {
		r.slot = -1
		return
	}
	r.buf = append(r.buf, b...)
}

// sshReassembled applies the packet a segment completes (b: the segment's
// bytes of it) to the connection, as Wireshark does once it has
// reassembled it, and notes its message code for the packet list.
func (d *Decoder) sshReassembled(c *sshConn, p *sshPeer, server bool, frame uint32, seg *tcpSegment, dir int, b []byte, nt *sshNote) {
	s := d.ssh
	r := s.reasmEntry(seg, dir)
	if r.slot != seg.slot || r.stream != seg.Stream || r.dir != uint8(dir) {
		return
	}
	r.slot = -1
	if len(r.buf)+len(b) > cap(r.buf) {
		return
	}
	r.buf = append(r.buf, b...)
	pdu := r.buf
	if len(pdu) < 6 || int(be32(pdu))+4 != len(pdu) {
		return
	}
	keyPhase := p.keyStart == 0 || p.keyStart <= frame && (p.keyEnd == 0 || frame < p.keyEnd)
	if !keyPhase || c.version != 2 {
		return
	}
	it := sshItem{kind: sshItemKex, v2: true, end: int32(len(pdu)), kex: c.kex, kexKind: c.kexKind}
	nt.doneOK, nt.doneCode, nt.doneKind = true, pdu[5], c.kexKind
	d.sshKexState(c, p, server, frame, pdu, 0, &it)
	segs := r.segs
	if len(b) == int(seg.NextSeq-seg.Seq) && segs.add(frame, len(b)) {
		// the segment ends with the packet: tshark draws it here
		nt.pdu = append(nt.pdu[:0], pdu...)
		nt.pduItem, nt.pduSegs, nt.pduOK = it, segs, true
	}
}
