package decode

import (
	"net/netip"
	"strconv"
)

// LISP is a Locator/ID Separation Protocol control message (RFC 6830,
// RFC 9301), carried in UDP (port 4342). rawcap lays out the Map-Register
// and Map-Notify messages:
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|Type=3 |P|S|I|R|      Reserved               |M| Record Count  |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                         Nonce . . .                           |
//	|                         . . . Nonce                           |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|            Key ID             |  Authentication Data Length   |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	~                     Authentication Data                       ~
//
// then Record Count mapping records (TTL, locator count, EID mask length,
// action, authoritative bit, map version, EID prefix AFI and prefix, and
// each locator: priorities, weights, flags, AFI, address), and with the I
// bit the xTR-ID (16 bytes) and Site-ID (8 bytes). A Map-Notify has the I
// and R bits at the top of its flags.
type LISP []byte

const (
	lispControlPort = 4342
	lispHeaderLen   = 16
	lispMapRegister = 3
	lispMapNotify   = 4
)

func (d *Decoder) decodeLISP(l *Layer) LayerType {
	b := d.bytes(l)
	if len(b) < 1 || (b[0]>>4 != lispMapRegister && b[0]>>4 != lispMapNotify) {
		return l.asData() // other messages are not laid out yet
	}
	end, ok := lispEnd(b)
	if !ok {
		// Past the datagram's own length tshark finds the message
		// malformed; past the capture only, cut short.
		l.Malformed = ReasonTruncated
		if rep := udpPayloadLen(d, d.n-1); lispNeeds(b) > rep {
			l.Malformed = ReasonBadLength
		}
		return LayerNone
	}
	// What tshark leaves after a record it could not read is Data.
	l.Payload = l.Start + end
	return LayerNone
}

// lispNeeds returns how long the message m says its header and
// authentication data are.
func lispNeeds(m []byte) int {
	if len(m) < lispHeaderLen {
		return lispHeaderLen
	}
	return lispHeaderLen + int(be16(m[14:]))
}

// lispException adds tshark's exception item for the message of layer i
// cut short: malformed where it runs past its datagram, else cut by the
// capture.
func lispException(e *emitter, i int) {
	if e.d.layers[i].Malformed != ReasonBadLength {
		e.TreeException("LISP Control")
		return
	}
	if e.Tree() {
		e.Proto(&protoException)
		e.SetRepr(append(e.Text(), "[Malformed Packet: LISP Control]"...))
		e.ExpertLine("Error", "Malformed", "Malformed Packet (Exception occurred)", nil)
		e.End()
	}
}

// lispEnd returns where tshark's reading of the Map-Register or Map-Notify
// m ends; ok is false where a length or count runs past its bytes.
func lispEnd(m LISP) (end int, ok bool) {
	if len(m) < lispHeaderLen {
		return 0, false
	}
	off := lispHeaderLen + int(be16(m[14:]))
	if off > len(m) {
		return 0, false
	}
	for k := 0; k < int(m[3]); k++ {
		r, ok := readLISPRecord(m, off)
		if !ok {
			return 0, false
		}
		if !r.ok {
			continue
		}
		off = r.off
		for n := 0; n < int(r.loccnt); n++ {
			if off+8 > len(m) {
				return 0, false
			}
			_, alen, ok := lispAddr(be16(m[off+6:]), m[off+8:])
			if !ok {
				return 0, false
			}
			off += 8 + alen
		}
	}
	if m.xtrID() && off+24 <= len(m) {
		off += 24
	}
	return off, true
}

// xtrID reports whether the message says an xTR-ID and Site-ID follow.
func (m LISP) xtrID() bool {
	if m[0]>>4 == lispMapRegister {
		return m[0]&0x02 != 0
	}
	return m[0]&0x08 != 0
}

// The fields, as Wireshark registers them.
const (
	lispType = iota
	lispRecords
	lispNonce
	lispMregPMR
	lispMregSec
	lispMregXtrID
	lispMregRTR
	lispMregWMN
	lispMregRes
	lispKeyID
	lispAuthLen
	lispAuth
	lispXtrID
	lispSiteID
	lispMnotXtrID
	lispMnotRTR
	lispMnotRes
	lispLoc
	lispLocPriority
	lispLocWeight
	lispLocMPriority
	lispLocMWeight
	lispLocFlags
	lispLocFlagsLocal
	lispLocFlagsProbe
	lispLocFlagsReach
	lispLocFlagsRes
	lispLocAFI
	lispLocLocator
	lispMapping
	lispMappingTTL
	lispMappingLocCnt
	lispMappingMaskLen
	lispMappingAct
	lispMappingAuth
	lispMappingRes1
	lispMappingRes2
	lispMappingVer
	lispMappingEIDAFI
	lispMappingEIDIPv4
	lispMappingEIDIPv6
	lispFieldCount
)

var lispFields = [lispFieldCount]Field{
	lispType:           {Name: "lisp.type", Label: "Type", Kind: KindUint, Width: 24, Mask: 0xf00000},
	lispRecords:        {Name: "lisp.records", Label: "Record Count", Kind: KindUint, Width: 8},
	lispNonce:          {Name: "lisp.nonce", Label: "Nonce", Kind: KindUint, Width: 64, Base: BaseHex},
	lispMregPMR:        {Name: "lisp.mreg.flags.pmr", Label: "P bit (Proxy-Map-Reply)", Kind: KindBool, Width: 24, Mask: 0x80000},
	lispMregSec:        {Name: "lisp.mreg.flags.sec", Label: "S bit (LISP-SEC capable)", Kind: KindBool, Width: 24, Mask: 0x40000},
	lispMregXtrID:      {Name: "lisp.mreg.flags.xtrid", Label: "I bit (xTR-ID present)", Kind: KindBool, Width: 24, Mask: 0x20000},
	lispMregRTR:        {Name: "lisp.mreg.flags.rtr", Label: "R bit (Built for an RTR)", Kind: KindBool, Width: 24, Mask: 0x10000},
	lispMregWMN:        {Name: "lisp.mreg.flags.wmn", Label: "M bit (Want-Map-Notify)", Kind: KindBool, Width: 24, Mask: 0x1},
	lispMregRes:        {Name: "lisp.mreg.res", Label: "Reserved bits", Kind: KindUint, Width: 24, Base: BaseHex, Mask: 0xfffe},
	lispKeyID:          {Name: "lisp.keyid", Label: "Key ID", Kind: KindUint, Width: 16, Base: BaseHex},
	lispAuthLen:        {Name: "lisp.authlen", Label: "Authentication Data Length", Kind: KindUint, Width: 16},
	lispAuth:           {Name: "lisp.auth", Label: "Authentication Data", Kind: KindBytes},
	lispXtrID:          {Name: "lisp.xtrid", Label: "xTR-ID", Kind: KindBytes},
	lispSiteID:         {Name: "lisp.siteid", Label: "Site-ID", Kind: KindBytes},
	lispMnotXtrID:      {Name: "lisp.mnot.flags.xtrid", Label: "I bit (xTR-ID present)", Kind: KindBool, Width: 24, Mask: 0x80000},
	lispMnotRTR:        {Name: "lisp.mnot.flags.rtr", Label: "R bit (Built for an RTR)", Kind: KindBool, Width: 24, Mask: 0x40000},
	lispMnotRes:        {Name: "lisp.mnot.res", Label: "Reserved bits", Kind: KindUint, Width: 24, Base: BaseHex, Mask: 0x3ffff},
	lispLoc:            {Name: "lisp.loc", Label: "Locator Record", Kind: KindNone},
	lispLocPriority:    {Name: "lisp.loc.priority", Label: "Priority", Kind: KindUint, Width: 8},
	lispLocWeight:      {Name: "lisp.loc.weight", Label: "Weight", Kind: KindUint, Width: 8},
	lispLocMPriority:   {Name: "lisp.loc.multicast_priority", Label: "Multicast Priority", Kind: KindUint, Width: 8},
	lispLocMWeight:     {Name: "lisp.loc.multicast_weight", Label: "Multicast Weight", Kind: KindUint, Width: 8},
	lispLocFlags:       {Name: "lisp.loc.flags", Label: "Flags", Kind: KindUint, Width: 16, Base: BaseHex},
	lispLocFlagsLocal:  {Name: "lisp.loc.flags.local", Label: "Local", Kind: KindBool, Width: 16, Mask: 0x4},
	lispLocFlagsProbe:  {Name: "lisp.loc.flags.probe", Label: "Probe", Kind: KindBool, Width: 16, Mask: 0x2},
	lispLocFlagsReach:  {Name: "lisp.loc.flags.reach", Label: "Reachable", Kind: KindBool, Width: 16, Mask: 0x1},
	lispLocFlagsRes:    {Name: "lisp.loc.flags.res", Label: "Reserved", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xfff8},
	lispLocAFI:         {Name: "lisp.loc.afi", Label: "AFI", Kind: KindUint, Width: 16},
	lispLocLocator:     {Name: "lisp.loc.locator", Label: "Locator", Kind: KindString},
	lispMapping:        {Name: "lisp.mapping", Label: "Mapping Record", Kind: KindNone},
	lispMappingTTL:     {Name: "lisp.mapping.ttl", Label: "Record TTL", Kind: KindUint, Width: 32},
	lispMappingLocCnt:  {Name: "lisp.mapping.loccnt", Label: "Locator Count", Kind: KindUint, Width: 8},
	lispMappingMaskLen: {Name: "lisp.mapping.eid.masklen", Label: "EID Mask Length", Kind: KindUint, Width: 8},
	lispMappingAct:     {Name: "lisp.mapping.act", Label: "Action", Kind: KindUint, Width: 16, Mask: 0xe000},
	lispMappingAuth:    {Name: "lisp.mapping.auth", Label: "Authoritative bit", Kind: KindBool, Width: 16, Mask: 0x1000},
	lispMappingRes1:    {Name: "lisp.mapping.res1", Label: "Reserved", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x7ff},
	lispMappingRes2:    {Name: "lisp.mapping.res2", Label: "Reserved", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xf000},
	lispMappingVer:     {Name: "lisp.mapping.ver", Label: "Mapping Version", Kind: KindUint, Width: 16, Mask: 0xfff},
	lispMappingEIDAFI:  {Name: "lisp.mapping.eid.afi", Label: "EID Prefix AFI", Kind: KindUint, Width: 16},
	lispMappingEIDIPv4: {Name: "lisp.mapping.eid.ipv4", Label: "EID Prefix", Kind: KindIPv4},
	lispMappingEIDIPv6: {Name: "lisp.mapping.eid.ipv6", Label: "EID Prefix", Kind: KindIPv6},
}

var protoLISP = protoField("lisp", "Locator/ID Separation Protocol")

// lispAddr returns the address of AFI afi (1 IPv4, 2 IPv6) at the start of
// b and its length; ok is false for another AFI or bytes cut short.
func lispAddr(afi uint16, b []byte) (a netip.Addr, n int, ok bool) {
	switch afi {
	case 1:
		if len(b) >= 4 {
			return netip.AddrFrom4([4]byte(b[:4])), 4, true
		}
	case 2:
		if len(b) >= 16 {
			return netip.AddrFrom16([16]byte(b[:16])), 16, true
		}
	}
	return a, 0, false
}

// lispRecord is one mapping record as far as it could be read.
type lispRecord struct {
	ttl              uint32
	loccnt, masklen  uint8
	actWord, verWord uint16
	afi              uint16
	eid              netip.Addr
	ok               bool // the EID was read: the locators follow at off
	off              int  // where the locators start
}

// readLISPRecord reads the record header at off in m; ok is false where
// fewer than 12 bytes are left.
func readLISPRecord(m []byte, off int) (r lispRecord, ok bool) {
	if off+12 > len(m) {
		return r, false
	}
	h := m[off:]
	r.ttl, r.loccnt, r.masklen = be32(h), h[4], h[5]
	r.actWord, r.verWord, r.afi = be16(h[6:]), be16(h[8:]), be16(h[10:])
	a, n, good := lispAddr(r.afi, h[12:])
	r.eid, r.ok, r.off = a, good, off+12+n
	return r, true
}

var lispActNames = [8]string{"No-Action", "Natively-Forward", "Send-Map-Request", "Drop/No-Reason",
	"Drop/Policy-Denied", "Drop/Authentication-Failure", "Forward-For-Unknown-Address", "Unknown"}

// emitLISP emits a Map-Register's or Map-Notify's fields in tshark's order
// and nesting: the header, each mapping record with its locators, and the
// xTR-ID and Site-ID; a record whose EID prefix AFI tshark does not read
// stops there (its expert note once per record), and the bytes left are
// the Data inside LISP that follows.
func emitLISP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	m := LISP(d.data[l.Start:l.End])
	f := &lispFields
	e.Proto(&protoLISP)
	if len(m) < 3 {
		e.End()
		lispException(e, i)
		return
	}
	word := uint64(m[0])<<16 | uint64(m[1])<<8 | uint64(m[2])
	typ := m[0] >> 4
	e.UintBits(&f[lispType], word)
	if typ == lispMapRegister {
		e.BoolBits(&f[lispMregPMR], word)
		e.BoolBits(&f[lispMregSec], word)
		e.BoolBits(&f[lispMregXtrID], word)
		e.BoolBits(&f[lispMregRTR], word)
		e.UintBits(&f[lispMregRes], word)
		e.BoolBits(&f[lispMregWMN], word)
	} else {
		e.BoolBits(&f[lispMnotXtrID], word)
		e.BoolBits(&f[lispMnotRTR], word)
		e.UintBits(&f[lispMnotRes], word)
	}
	if len(m) < lispHeaderLen {
		e.End()
		lispException(e, i)
		return
	}
	e.Uint(&f[lispRecords], uint64(m[3]))
	e.Uint(&f[lispNonce], be64(m[4:]))
	e.Uint(&f[lispKeyID], uint64(be16(m[12:])))
	alen := int(be16(m[14:]))
	e.Uint(&f[lispAuthLen], uint64(alen))
	off := lispHeaderLen + alen
	if off > len(m) {
		e.End()
		lispException(e, i)
		return
	}
	e.Bytes(&f[lispAuth], m[lispHeaderLen:off])
	for k := 1; k <= int(m[3]); k++ {
		r, ok := readLISPRecord(m, off)
		if !ok {
			e.End()
			lispException(e, i)
			return
		}
		if !r.ok {
			if e.Tree() {
				var arg [40]byte
				b := append(arg[:0], "AFI ("...)
				b = append(strconv.AppendUint(b, uint64(r.afi), 10), "), cannot decode"...)
				e.ExpertLine("Error", "Protocol", "Unexpected EID prefix ", b)
			}
			continue // tshark tries the next record at the same place
		}
		if !emitLISPRecord(e, m, k, &r) {
			e.End()
			lispException(e, i)
			return
		}
		off = r.off
	}
	if m.xtrID() && off+24 <= len(m) {
		e.Bytes(&f[lispXtrID], m[off:off+16])
		e.Bytes(&f[lispSiteID], m[off+16:off+24])
	}
	e.End()
}

// emitLISPRecord emits mapping record k of m, read into r, and its
// locators; it sets r.off past them and reports false where they run past
// the message.
func emitLISPRecord(e *emitter, m []byte, k int, r *lispRecord) bool {
	f := &lispFields
	e.None(&f[lispMapping])
	if e.Tree() {
		b := append(e.Text(), "Mapping Record "...)
		b = strconv.AppendInt(b, int64(k), 10)
		b = append(b, ", EID Prefix: "...)
		b = r.eid.AppendTo(b)
		b = append(b, '/')
		b = strconv.AppendUint(b, uint64(r.masklen), 10)
		b = append(b, ", TTL: "...)
		b = strconv.AppendUint(b, uint64(r.ttl), 10)
		b = append(b, ", Action: "...)
		b = append(b, lispActNames[r.actWord>>13]...)
		if r.actWord&0x1000 != 0 {
			b = append(b, ", Authoritative"...)
		} else {
			b = append(b, ", Not Authoritative"...)
		}
		e.SetRepr(b)
	}
	e.Sub()
	e.Uint(&f[lispMappingTTL], uint64(r.ttl))
	e.Uint(&f[lispMappingLocCnt], uint64(r.loccnt))
	e.Uint(&f[lispMappingMaskLen], uint64(r.masklen))
	e.UintBits(&f[lispMappingAct], uint64(r.actWord))
	e.BoolBits(&f[lispMappingAuth], uint64(r.actWord))
	e.UintBits(&f[lispMappingRes1], uint64(r.actWord))
	e.UintBits(&f[lispMappingRes2], uint64(r.verWord))
	e.UintBits(&f[lispMappingVer], uint64(r.verWord))
	e.Uint(&f[lispMappingEIDAFI], uint64(r.afi))
	if r.eid.Is4() {
		a := r.eid.As4()
		e.IPv4(&f[lispMappingEIDIPv4], a[:])
	} else {
		a := r.eid.As16()
		e.IPv6(&f[lispMappingEIDIPv6], a[:])
	}
	off := r.off
	for n := 1; n <= int(r.loccnt); n++ {
		if off+8 > len(m) {
			return false
		}
		h := m[off:]
		a, alen, ok := lispAddr(be16(h[6:]), h[8:])
		if !ok {
			return false
		}
		flags := uint64(be16(h[4:]))
		e.None(&f[lispLoc])
		if e.Tree() {
			b := append(e.Text(), "Locator Record "...)
			b = strconv.AppendInt(b, int64(n), 10)
			b = append(b, ", RLOC: "...)
			b = a.AppendTo(b)
			if flags&1 != 0 {
				b = append(b, ", Reachable"...)
			} else {
				b = append(b, ", Unreachable"...)
			}
			b = append(b, ", Priority/Weight: "...)
			b = strconv.AppendUint(b, uint64(h[0]), 10)
			b = append(b, '/')
			b = strconv.AppendUint(b, uint64(h[1]), 10)
			b = append(b, ", Multicast Priority/Weight: "...)
			b = strconv.AppendUint(b, uint64(h[2]), 10)
			b = append(b, '/')
			e.SetRepr(strconv.AppendUint(b, uint64(h[3]), 10))
		}
		e.Sub()
		e.Uint(&f[lispLocPriority], uint64(h[0]))
		e.Uint(&f[lispLocWeight], uint64(h[1]))
		e.Uint(&f[lispLocMPriority], uint64(h[2]))
		e.Uint(&f[lispLocMWeight], uint64(h[3]))
		e.Uint(&f[lispLocFlags], flags)
		e.Sub()
		e.UintBits(&f[lispLocFlagsRes], flags)
		e.BoolBits(&f[lispLocFlagsLocal], flags)
		e.BoolBits(&f[lispLocFlagsProbe], flags)
		e.BoolBits(&f[lispLocFlagsReach], flags)
		e.Up()
		e.Uint(&f[lispLocAFI], uint64(be16(h[6:])))
		var buf [48]byte
		e.Bytes(&f[lispLocLocator], a.AppendTo(buf[:0]))
		e.Up()
		off += 8 + alen
	}
	e.Up()
	r.off = off
	return true
}

// infoLISP appends the packet list's Info: the message type, and
// tshark's mark for a message cut short.
func infoLISP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	m := d.data[l.Start:l.End]
	if len(m) == 0 {
		return b
	}
	if m[0]>>4 == lispMapRegister {
		b = append(b, "Map-Register"...)
	} else {
		b = append(b, "Map-Notify"...)
	}
	switch l.Malformed {
	case ReasonBadLength:
		b = append(b, "[Malformed Packet]"...)
	case ReasonTruncated:
		b = append(b, "[Packet size limited during capture]"...)
	}
	return b
}

// lineLISP appends tcpdump's LISP line: the message type and record
// count, each record's EID prefix and locators (with -v the flags, the
// authentication data and every record's and locator's details), and the
// xTR-ID and Site-ID.
func (p *LinePrinter) lineLISP(b []byte, d *Decoder, i int) []byte {
	if p.Options.Quiet {
		return appendQuietUDP(b, d, i)
	}
	l := &d.layers[i]
	m := LISP(d.data[l.Start:l.End])
	if len(m) < lispHeaderLen {
		return append(b, " [|lisp]"...)
	}
	v := p.Options.Verbose > 0
	typ := m[0] >> 4
	if typ == lispMapRegister {
		b = append(b, "LISP-Map-Register, "...)
	} else {
		b = append(b, "LISP-Map-Notify, "...)
	}
	if v {
		b = append(b, "flags ["...)
		n := len(b)
		if typ == lispMapRegister {
			b = appendTcpdumpFlag(b, n, m[0]&0x08 != 0, "P-Proxy-Map-Reply")
			b = appendTcpdumpFlag(b, n, m[0]&0x04 != 0, "S-LISP-SEC-Capable")
			b = appendTcpdumpFlag(b, n, m[0]&0x02 != 0, "I-xTR-ID-Present")
			b = appendTcpdumpFlag(b, n, m[2]&0x01 != 0, "M-Want-Map-Notify")
		} else {
			b = appendTcpdumpFlag(b, n, m[0]&0x08 != 0, "I-xTR-ID-Present")
			b = appendTcpdumpFlag(b, n, m[0]&0x04 != 0, "R-Built-For-RTR")
		}
		if len(b) == n {
			b = append(b, "none"...)
		}
		b = append(b, "],\n    "...)
	}
	b = strconv.AppendUint(b, uint64(m[3]), 10)
	b = append(b, " record(s),"...)
	alen := int(be16(m[14:]))
	off := lispHeaderLen + alen
	if v {
		b = append(b, " Authentication "...)
		switch be16(m[12:]) {
		case 1:
			b = append(b, "SHA1"...)
		case 2:
			b = append(b, "SHA256"...)
		default:
			b = append(b, "unknown-type"...)
		}
		b = append(b, ',')
		b = appendHexDumpLines(b, m[lispHeaderLen:min(off, len(m))], "\n    Authentication-Data: ")
		if off > len(m) {
			return append(b, " [|lisp]"...)
		}
	} else if off > len(m) {
		return append(b, " (invalid)"...)
	}
	for k := 0; k < int(m[3]); k++ {
		r, ok := readLISPRecord(m, off)
		if !ok {
			return append(b, " [|lisp]"...)
		}
		if v {
			b = append(b, "\n      Record TTL "...)
			b = strconv.AppendUint(b, uint64(r.ttl), 10)
			if r.actWord&0x1000 != 0 {
				b = append(b, ", Authoritative, "...)
			} else {
				b = append(b, ", Non-Authoritative, "...)
			}
			b = append(b, [4]string{"No-Action", "Natively-Forward", "Send-Map-Request", "Drop"}[min(r.actWord>>13, 3)]...)
			b = append(b, ", Map Version: "...)
			b = strconv.AppendUint(b, uint64(r.verWord&0xfff), 10)
			b = append(b, ',')
		} else {
			b = append(b, '\n')
		}
		if !r.ok {
			return b
		}
		b = append(b, " EID "...)
		b = r.eid.AppendTo(b)
		b = append(b, '/')
		b = strconv.AppendUint(b, uint64(r.masklen), 10)
		b = append(b, ", "...)
		b = strconv.AppendUint(b, uint64(r.loccnt), 10)
		b = append(b, " locator(s)"...)
		off = r.off
		for n := 0; n < int(r.loccnt); n++ {
			if off+8 > len(m) {
				return append(b, " [|lisp]"...)
			}
			h := m[off:]
			a, alen, ok := lispAddr(be16(h[6:]), h[8:])
			if !ok {
				return append(b, " [|lisp]"...)
			}
			if v {
				b = append(b, "\n        LOC "...)
			} else {
				b = append(b, " LOC "...)
			}
			b = a.AppendTo(b)
			if v {
				b = append(b, "\n          Priority/Weight "...)
				b = strconv.AppendUint(b, uint64(h[0]), 10)
				b = append(b, '/')
				b = strconv.AppendUint(b, uint64(h[1]), 10)
				b = append(b, ", Multicast Priority/Weight "...)
				b = strconv.AppendUint(b, uint64(h[2]), 10)
				b = append(b, '/')
				b = strconv.AppendUint(b, uint64(h[3]), 10)
				b = append(b, ", flags ["...)
				nf := len(b)
				fl := h[5]
				b = appendTcpdumpFlag(b, nf, fl&0x04 != 0, "Local-Locator")
				b = appendTcpdumpFlag(b, nf, fl&0x02 != 0, "RLOC-Probe")
				b = appendTcpdumpFlag(b, nf, fl&0x01 != 0, "Reachable")
				if len(b) == nf {
					b = append(b, "none"...)
				}
				b = append(b, "],"...)
			}
			off += 8 + alen
		}
	}
	if m.xtrID() {
		if off+24 > len(m) {
			return append(b, " [|lisp]"...)
		}
		b = appendHexDumpLines(b, m[off:off+16], "\n    xTR-ID: ")
		b = append(b, "\n    SITE-ID: "...)
		b = strconv.AppendUint(b, be64(m[off+16:]), 10)
	}
	return b
}

// appendTcpdumpFlag appends name, after ", " unless it is the first since
// start, when on.
func appendTcpdumpFlag(b []byte, start int, on bool, name string) []byte {
	if !on {
		return b
	}
	if len(b) > start {
		b = append(b, ", "...)
	}
	return append(b, name...)
}
