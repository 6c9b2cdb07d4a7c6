package decode

import "strconv"

// NHRP, the Next Hop Resolution Protocol (RFC 2332), as DMVPN carries it in
// GRE (protocol type 0x2001), or directly over IP (IP protocol 54, the
// number IANA assigned it): a 20-byte fixed header, the mandatory part of
// its packet type (addresses and Client Information Entries), then the
// extensions from the header's extension offset.
//
//	 0                   1                   2                   3
//	+---------------+---------------+---------------+---------------+
//	|      ar$afn                   |          ar$pro.type          |
//	|                    ar$pro.snap (5 bytes) ...    | ar$hopcnt     |
//	|      ar$pktsz                 |          ar$chksum            |
//	|      ar$extoff                | ar$op.version | ar$op.type    |
//	| ar$shtl       | ar$sstl       |
const (
	greProtoNHRP = 0x2001
	nhrpHdrLen   = 20
)

// IPProtoNHRP is NHRP's IP protocol number.
const IPProtoNHRP = 54

// NHRP packet types whose mandatory part rawcap lays out.
const (
	nhrpResolutionRequest   = 1
	nhrpResolutionReply     = 2
	nhrpRegistrationRequest = 3
	nhrpRegistrationReply   = 4
	nhrpPurgeRequest        = 5
	nhrpPurgeReply          = 6
	nhrpErrorIndication     = 7
)

func (d *Decoder) decodeNHRP(l *Layer) LayerType {
	b := d.bytes(l)
	if len(b) < nhrpHdrLen {
		l.Malformed = ReasonTruncated
		return LayerNone
	}
	// The packet's fields end where its length says; the decode steps
	// after it have nothing to take.
	l.Payload = l.End
	return LayerNone
}

const (
	nhrpAFN = iota
	nhrpProType
	nhrpProtocolType
	nhrpHopCnt
	nhrpPktSz
	nhrpChksum
	nhrpChksumStatus
	nhrpExtOff
	nhrpVersion
	nhrpOpType
	nhrpSHTL
	nhrpSHTLType
	nhrpSHTLLen
	nhrpSSTL
	nhrpSSTLType
	nhrpSSTLLen
	nhrpSrcProtLen
	nhrpDstProtLen
	nhrpFlags
	nhrpFlagQ
	nhrpFlagN
	nhrpFlagA
	nhrpFlagD
	nhrpFlagU1
	nhrpFlagS
	nhrpFlagNAT
	nhrpReqID
	nhrpSrcNBMAAddr
	nhrpSrcNBMAAddrBytes
	nhrpSrcNBMASAddr
	nhrpSrcProtAddr
	nhrpSrcProtAddrBytes
	nhrpDstProtAddr
	nhrpDstProtAddrBytes
	// A Client Information Entry's fields (repeated).
	nhrpCode
	nhrpPrefix
	nhrpUnused
	nhrpMTU
	nhrpHTime
	nhrpCliAddrTL
	nhrpCliAddrTLType
	nhrpCliAddrTLLen
	nhrpCliSAddrTL
	nhrpCliSAddrTLType
	nhrpCliSAddrTLLen
	nhrpProtLen
	nhrpPref
	nhrpClientNBMAAddr
	nhrpClientNBMAAddrBytes
	nhrpClientNBMASAddr
	nhrpClientProtAddr
	nhrpClientProtAddrBytes
	// An extension's fields (repeated).
	nhrpExtC
	nhrpExtType
	nhrpExtLen
	nhrpAuthReserved
	nhrpAuthSPI
	nhrpAuthSrcAddr
	nhrpAuthData
	nhrpFieldCount
	// nhrpFlagU2 stands for the registration's U bit in flags' list of
	// bits; it has no field of its own.
	nhrpFlagU2 = nhrpFieldCount
)

var nhrpTLType = &ValueNames{Values: []ValueName{{0, "NSAP format"}, {1, "E.164 format"}}}

var nhrpFields = [nhrpFieldCount]Field{
	nhrpAFN:              {Name: "nhrp.hdr.afn", Label: "Address Family Number", Kind: KindUint, Width: 16, Base: BaseHexDec},
	nhrpProType:          {Name: "nhrp.hdr.pro.type", Label: "Protocol Type (short form)", Kind: KindUint, Width: 16, Base: BaseHexDec},
	nhrpProtocolType:     {Name: "nhrp.protocol_type", Label: "Protocol Type (long form)", Kind: KindBytes},
	nhrpHopCnt:           {Name: "nhrp.hdr.hopcnt", Label: "Hop Count", Kind: KindUint, Width: 8},
	nhrpPktSz:            {Name: "nhrp.hdr.pktsz", Label: "Packet Length", Kind: KindUint, Width: 16},
	nhrpChksum:           {Name: "nhrp.hdr.chksum", Label: "NHRP Packet Checksum", Kind: KindUint, Width: 16, Base: BaseHex},
	nhrpChksumStatus:     {Name: "nhrp.hdr.chksum.status", Label: "NHRP Packet Checksum Status", Kind: KindUint, Width: 8, Base: BaseNone, Generated: true},
	nhrpExtOff:           {Name: "nhrp.hdr.extoff", Label: "Extension Offset", Kind: KindUint, Width: 16},
	nhrpVersion:          {Name: "nhrp.hdr.version", Label: "Version", Kind: KindUint, Width: 8},
	nhrpOpType:           {Name: "nhrp.hdr.op.type", Label: "NHRP Packet Type", Kind: KindUint, Width: 8},
	nhrpSHTL:             {Name: "nhrp.hdr.shtl", Label: "Source Address Type/Len", Kind: KindUint, Width: 8},
	nhrpSHTLType:         {Name: "nhrp.hdr.shtl.type", Label: "Type", Kind: KindUint, Width: 8, Mask: 0x40, Values: nhrpTLType},
	nhrpSHTLLen:          {Name: "nhrp.hdr.shtl.len", Label: "Length", Kind: KindUint, Width: 8, Mask: 0x3f},
	nhrpSSTL:             {Name: "nhrp.hdr.sstl", Label: "Source SubAddress Type/Len", Kind: KindUint, Width: 8},
	nhrpSSTLType:         {Name: "nhrp.hdr.sstl.type", Label: "Type", Kind: KindUint, Width: 8, Mask: 0x40, Values: nhrpTLType},
	nhrpSSTLLen:          {Name: "nhrp.hdr.sstl.len", Label: "Length", Kind: KindUint, Width: 8, Mask: 0x3f},
	nhrpSrcProtLen:       {Name: "nhrp.src.prot.len", Label: "Source Protocol Len", Kind: KindUint, Width: 16},
	nhrpDstProtLen:       {Name: "nhrp.dst.prot.len", Label: "Destination Protocol Len", Kind: KindUint, Width: 16},
	nhrpFlags:            {Name: "nhrp.flags", Label: "Flags", Kind: KindUint, Width: 16, Base: BaseHex},
	nhrpFlagQ:            {Name: "nhrp.flag.q", Label: "Is Router", Kind: KindBool, Width: 16, Mask: 0x8000},
	nhrpFlagN:            {Name: "nhrp.flag.n", Label: "Expected Purge Reply", Kind: KindBool, Width: 16, Mask: 0x8000},
	nhrpFlagA:            {Name: "nhrp.flag.a", Label: "Authoritative", Kind: KindBool, Width: 16, Mask: 0x4000},
	nhrpFlagD:            {Name: "nhrp.flag.d", Label: "Stable Association", Kind: KindBool, Width: 16, Mask: 0x2000},
	nhrpFlagU1:           {Name: "nhrp.flag.u", Label: "Uniqueness Bit", Kind: KindBool, Width: 16, Mask: 0x1000},
	nhrpFlagS:            {Name: "nhrp.flag.s", Label: "Stable Binding", Kind: KindBool, Width: 16, Mask: 0x0800},
	nhrpFlagNAT:          {Name: "nhrp.flag.nat", Label: "Cisco NAT Supported", Kind: KindBool, Width: 16, Mask: 0x0002},
	nhrpReqID:            {Name: "nhrp.reqid", Label: "Request ID", Kind: KindUint, Width: 32, Base: BaseHexDec},
	nhrpSrcNBMAAddr:      {Name: "nhrp.src.nbma.addr", Label: "Source NBMA Address", Kind: KindIPv4},
	nhrpSrcNBMAAddrBytes: {Name: "nhrp.src.nbma.addr_bytes", Label: "Source NBMA Address", Kind: KindBytes},
	nhrpSrcNBMASAddr:     {Name: "nhrp.src.nbma.saddr", Label: "Source NBMA Sub Address", Kind: KindBytes},
	nhrpSrcProtAddr:      {Name: "nhrp.src.prot.addr", Label: "Source Protocol Address", Kind: KindIPv4},
	nhrpSrcProtAddrBytes: {Name: "nhrp.src.prot.addr_bytes", Label: "Source Protocol Address", Kind: KindBytes},
	nhrpDstProtAddr:      {Name: "nhrp.dst.prot.addr", Label: "Destination Protocol Address", Kind: KindIPv4},
	// Wireshark 4.0 spells this name so.
	nhrpDstProtAddrBytes:    {Name: "nhrp.dst.prot.addr_byets", Label: "Destination Protocol Address", Kind: KindBytes},
	nhrpCode:                {Name: "nhrp.code", Label: "Code", Kind: KindUint, Width: 8},
	nhrpPrefix:              {Name: "nhrp.prefix", Label: "Prefix Length", Kind: KindUint, Width: 8},
	nhrpUnused:              {Name: "nhrp.unused", Label: "Unused", Kind: KindUint, Width: 16},
	nhrpMTU:                 {Name: "nhrp.mtu", Label: "Max Transmission Unit", Kind: KindUint, Width: 16},
	nhrpHTime:               {Name: "nhrp.htime", Label: "Holding Time (s)", Kind: KindUint, Width: 16},
	nhrpCliAddrTL:           {Name: "nhrp.cli.addr_tl", Label: "Client Address Type/Len", Kind: KindUint, Width: 8},
	nhrpCliAddrTLType:       {Name: "nhrp.cli.addr_tl.type", Label: "Type", Kind: KindUint, Width: 8, Mask: 0x40, Values: nhrpTLType},
	nhrpCliAddrTLLen:        {Name: "nhrp.cli.addr_tl.len", Label: "Length", Kind: KindUint, Width: 8, Mask: 0x3f},
	nhrpCliSAddrTL:          {Name: "nhrp.cli.saddr_tl", Label: "Client Sub Address Type/Len", Kind: KindUint, Width: 8},
	nhrpCliSAddrTLType:      {Name: "nhrp.cli.saddr_tl.type", Label: "Type", Kind: KindUint, Width: 8, Mask: 0x40, Values: nhrpTLType},
	nhrpCliSAddrTLLen:       {Name: "nhrp.cli.saddr_tl.len", Label: "Length", Kind: KindUint, Width: 8, Mask: 0x3f},
	nhrpProtLen:             {Name: "nhrp.prot.len", Label: "Client Protocol Length", Kind: KindUint, Width: 8},
	nhrpPref:                {Name: "nhrp.pref", Label: "CIE Preference Value", Kind: KindUint, Width: 8},
	nhrpClientNBMAAddr:      {Name: "nhrp.client.nbma.addr", Label: "Client NBMA Address", Kind: KindIPv4},
	nhrpClientNBMAAddrBytes: {Name: "nhrp.client.nbma.addr_bytes", Label: "Client NBMA Address", Kind: KindBytes},
	nhrpClientNBMASAddr:     {Name: "nhrp.client.nbma.saddr", Label: "Client NBMA Sub Address", Kind: KindBytes},
	nhrpClientProtAddr:      {Name: "nhrp.client.prot.addr", Label: "Client Protocol Address", Kind: KindIPv4},
	nhrpClientProtAddrBytes: {Name: "nhrp.client.prot.addr_bytes", Label: "Client Protocol Address", Kind: KindBytes},
	nhrpExtC:                {Name: "nhrp.ext.c", Label: "Compulsory Flag", Kind: KindBool, Width: 16, Mask: 0x8000},
	nhrpExtType:             {Name: "nhrp.ext.type", Label: "Extension Type", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x3fff},
	nhrpExtLen:              {Name: "nhrp.ext.len", Label: "Extension length", Kind: KindUint, Width: 16},
	nhrpAuthReserved:        {Name: "nhrp.auth_ext.reserved", Label: "Reserved", Kind: KindUint, Width: 16},
	nhrpAuthSPI:             {Name: "nhrp.auth_ext.spi", Label: "SPI", Kind: KindUint, Width: 16},
	nhrpAuthSrcAddr:         {Name: "nhrp.auth_ext.src_addr", Label: "Source Address", Kind: KindIPv4},
	nhrpAuthData:            {Name: "nhrp.auth_ext.data", Label: "Data", Kind: KindBytes},
}

var protoNHRP = protoField("nhrp", "Next Hop Resolution Protocol")

// nhrpExtName returns Wireshark's title of an extension type, or "".
func nhrpExtName(t uint16) string {
	switch t {
	case 0:
		return "End of Extension"
	case 3:
		return "Responder Address Extension"
	case 4:
		return "Forward Transit NHS Record Extension"
	case 5:
		return "Reverse Transit NHS Record Extension"
	case 7:
		return "NHRP Authentication Extension"
	case 9:
		return "Cisco NAT Address Extension"
	}
	return ""
}

// nhrpEmitter emits NHRP's fields: JSON, whose keys are unique, gets each
// field's first occurrence (a packet has several CIEs and extensions), the
// other outputs every one.
type nhrpEmitter struct {
	e    *emitter
	seen uint64 // bit k-nhrpCode: field k emitted (JSON)
}

func (x *nhrpEmitter) once(k int) bool {
	if k < nhrpCode || x.e.all || x.e.Tree() {
		return true
	}
	bit := uint64(1) << uint(k-nhrpCode)
	if x.seen&bit != 0 {
		return false
	}
	x.seen |= bit
	return true
}

func (x *nhrpEmitter) uint(k int, v uint64) bool {
	if !x.once(k) {
		return false
	}
	x.e.Uint(&nhrpFields[k], v)
	return true
}

func (x *nhrpEmitter) bits(k int, word uint64) {
	if x.once(k) {
		if nhrpFields[k].Kind == KindBool {
			x.e.BoolBits(&nhrpFields[k], word)
		} else {
			x.e.UintBits(&nhrpFields[k], word)
		}
	}
}

// addr emits an address of n bytes at b: as IPv4 where the address family
// or protocol type says IPv4 and it is 4 bytes long, else as bytes.
func (x *nhrpEmitter) addr(ip, raw int, b []byte, v4 bool) {
	if v4 && len(b) == 4 {
		if x.once(ip) {
			x.e.IPv4(&nhrpFields[ip], b)
		}
		return
	}
	if x.once(raw) {
		x.e.Bytes(&nhrpFields[raw], b)
	}
}

// typeLen emits a type/length byte (ar$shtl and its kin) with its line
// "Label: NSAP format/4" and its two bits below.
func (x *nhrpEmitter) typeLen(k int, v byte) {
	if !x.uint(k, uint64(v)) {
		return
	}
	e := x.e
	if e.Tree() {
		b := append(e.Text(), nhrpFields[k].Label...)
		b = append(b, ": "...)
		b = append(b, nhrpTLType.Values[v>>6&1].Name...)
		b = append(b, '/')
		b = strconv.AppendUint(b, uint64(v&0x3f), 10)
		e.SetRepr(b)
	}
	e.Sub()
	x.bits(k+1, uint64(v))
	x.bits(k+2, uint64(v))
	e.Up()
}

// emitNHRP emits the NHRP packet at layer i in the order and nesting of
// tshark's tree, as far as its packet type and extensions are laid out
// here; the rest is left out rather than shown otherwise.
func emitNHRP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	b := d.data[l.Start:l.End]
	e.Proto(&protoNHRP)
	if len(b) < nhrpHdrLen {
		e.End()
		return
	}
	op := b[17]
	if e.Tree() {
		t := append(e.Text(), "Next Hop Resolution Protocol ("...)
		t = append(t, nhrpOpName(op)...)
		e.SetRepr(append(t, ')'))
	}
	x := nhrpEmitter{e: e}
	afn, pro := be16(b), be16(b[2:])
	pktsz, extoff := int(be16(b[10:])), int(be16(b[14:]))
	if e.Tree() {
		e.Line(append(e.Text(), "NHRP Fixed Header"...))
	}
	e.Sub()
	x.uint(nhrpAFN, uint64(afn))
	x.uint(nhrpProType, uint64(pro))
	if e.Tree() {
		t := append(e.Text(), "Protocol Type (short form): "...)
		switch {
		case pro > 0x5ff:
			if n := ethFields[ethType].ValueNames().Name(uint64(pro)); n != "" {
				t = append(t, n...)
			} else {
				t = append(t, "Unknown"...)
			}
			t = append(t, " (0x"...)
			t = appendHex4(t, pro)
		case pro <= 0xff:
			t = append(t, "Unknown NLPID (0x"...)
			t = appendHex4(t, pro)
		case pro <= 0x3ff:
			t = append(t, "Reserved for future use by the IETF (0x"...)
			t = appendHex4(t, pro)
		case pro <= 0x4ff:
			t = append(t, "Allocated for use by the ATM Forum (0x"...)
			t = appendHex4(t, pro)
		default:
			t = append(t, "Experimental/Local use (0x"...)
			t = appendHex4(t, pro)
		}
		e.SetRepr(append(t, ')'))
	}
	x.e.Bytes(&nhrpFields[nhrpProtocolType], b[4:9])
	x.uint(nhrpHopCnt, uint64(b[9]))
	x.uint(nhrpPktSz, uint64(pktsz))
	sumv := be16(b[12:])
	x.uint(nhrpChksum, uint64(sumv))
	st := 2
	var sum uint16
	if pktsz <= len(b) && pktsz >= nhrpHdrLen {
		sum = ^checksumFold(checksumAdd(0, b[:pktsz]))
		st = 0
		if sum == 0 {
			st = 1
		}
	}
	if e.Tree() {
		t := appendHex4(append(e.Text(), "NHRP Packet Checksum: 0x"...), sumv)
		switch st {
		case 0:
			good := shouldBe(sumv, sum)
			e.SetRepr(appendHex4(append(t, " incorrect, should be 0x"...), good))
			var arg [5]byte
			e.Sub()
			e.ExpertLine("Error", "Checksum", "Bad checksum [should be 0x", append(appendHex4(arg[:0], good), ']'))
			e.Up()
		case 1:
			e.SetRepr(append(t, " [correct]"...))
		default:
			e.SetRepr(append(t, " [unverified]"...))
		}
	}
	x.uint(nhrpChksumStatus, uint64(st))
	x.uint(nhrpExtOff, uint64(extoff))
	x.uint(nhrpVersion, uint64(b[16]))
	if e.Tree() {
		t := strconv.AppendUint(append(e.Text(), "Version: "...), uint64(b[16]), 10)
		switch b[16] {
		case 1:
			t = append(t, " (NHRP - rfc2332)"...)
		case 0xff:
			t = append(t, " (Experimental/Local use)"...)
		default:
			t = append(t, " (Invalid)"...)
		}
		e.SetRepr(t)
	}
	x.uint(nhrpOpType, uint64(op))
	shl, ssl := int(b[18]&0x3f), int(b[19]&0x3f)
	x.typeLen(nhrpSHTL, b[18])
	x.typeLen(nhrpSSTL, b[19])
	e.Up()
	if op < nhrpResolutionRequest || op > nhrpPurgeReply && op != 8 || pktsz > len(b) || pktsz < nhrpHdrLen {
		// Error indications and damaged lengths are not laid out.
		e.End()
		return
	}
	end := pktsz
	if extoff != 0 {
		if extoff < nhrpHdrLen || extoff > pktsz {
			e.End()
			return
		}
		end = extoff
	}
	m := b[:end]
	off := nhrpHdrLen
	if off+8 > len(m) {
		e.End()
		return
	}
	spl, dpl := int(m[off]), int(m[off+1])
	if e.Tree() {
		e.Line(append(e.Text(), "NHRP Mandatory Part"...))
	}
	e.Sub()
	x.uint(nhrpSrcProtLen, uint64(spl))
	x.uint(nhrpDstProtLen, uint64(dpl))
	if op != 8 {
		// A traffic indication's flags and request ID are not shown.
		x.flags(op, uint64(be16(m[off+2:])))
		x.uint(nhrpReqID, uint64(be32(m[off+4:])))
	}
	off += 8
	if off+shl+ssl+spl+dpl > len(m) {
		e.Up()
		e.End()
		return
	}
	if shl > 0 {
		x.addr(nhrpSrcNBMAAddr, nhrpSrcNBMAAddrBytes, m[off:off+shl], afn == 1)
	}
	off += shl
	if ssl > 0 {
		x.e.Bytes(&nhrpFields[nhrpSrcNBMASAddr], m[off:off+ssl])
	}
	off += ssl
	if spl > 0 {
		x.addr(nhrpSrcProtAddr, nhrpSrcProtAddrBytes, m[off:off+spl], pro == 0x0800)
	}
	off += spl
	if dpl > 0 {
		x.addr(nhrpDstProtAddr, nhrpDstProtAddrBytes, m[off:off+dpl], pro == 0x0800)
	}
	off += dpl
	if op == 8 {
		// A traffic indication quotes the packet that caused it.
		e.Up()
		e.End()
		return
	}
	if !x.cies(m[off:], afn, pro) {
		e.Up()
		e.End()
		return
	}
	e.Up()
	if extoff != 0 {
		x.extensions(b[extoff:pktsz], afn, pro)
	}
	e.End()
}

// flags emits the mandatory part's flags word and, for the packet types
// that define them, its bits.
func (x *nhrpEmitter) flags(op byte, flags uint64) {
	e := x.e
	x.uint(nhrpFlags, flags)
	var bits []int
	switch op {
	case nhrpResolutionRequest, nhrpResolutionReply:
		bits = []int{nhrpFlagQ, nhrpFlagA, nhrpFlagD, nhrpFlagU1, nhrpFlagS, nhrpFlagNAT}
	case nhrpRegistrationRequest, nhrpRegistrationReply:
		bits = []int{nhrpFlagU2, nhrpFlagNAT} // the U bit is 0x8000 here
	case nhrpPurgeRequest, nhrpPurgeReply:
		bits = []int{nhrpFlagN, nhrpFlagNAT}
	}
	if len(bits) == 0 {
		return
	}
	if e.Tree() {
		t := appendHex4(append(e.Text(), "Flags: 0x"...), uint16(flags))
		for _, k := range bits {
			mask := uint64(0x8000)
			if k != nhrpFlagU2 {
				mask = nhrpFields[k].Mask
			} else {
				k = nhrpFlagU1
			}
			if flags&mask != 0 {
				t = append(append(t, ", "...), nhrpFields[k].Label...)
			}
		}
		e.SetRepr(t)
	}
	e.Sub()
	for _, k := range bits {
		if k == nhrpFlagU2 {
			// Wireshark registers the registration's U bit (0x8000)
			// as a second nhrp.flag.u; rawcap's table holds a name
			// once, so it is the resolution's field with its line
			// drawn here.
			set := flags&0x8000 != 0
			e.Bool(&nhrpFields[nhrpFlagU1], set)
			if e.Tree() {
				t := append(e.Text(), "0... .... .... .... = Uniqueness Bit: False"...)
				if set {
					t = append(t[:len(t)-len("0... .... .... .... = Uniqueness Bit: False")], "1... .... .... .... = Uniqueness Bit: True"...)
				}
				e.SetRepr(t)
			}
			continue
		}
		x.bits(k, flags)
	}
	e.Up()
}

// cies emits the Client Information Entries filling m, and reports whether
// they fill it exactly.
func (x *nhrpEmitter) cies(m []byte, afn, pro uint16) bool {
	e := x.e
	for len(m) > 0 {
		if len(m) < 12 {
			return false
		}
		cl, csl, cpl := int(m[8]&0x3f), int(m[9]&0x3f), int(m[10])
		if 12+cl+csl+cpl > len(m) {
			return false
		}
		if e.Tree() {
			e.Line(append(e.Text(), "Client Information Entry"...))
		}
		e.Sub()
		x.uint(nhrpCode, uint64(m[0]))
		x.uint(nhrpPrefix, uint64(m[1]))
		x.uint(nhrpUnused, uint64(be16(m[2:])))
		x.uint(nhrpMTU, uint64(be16(m[4:])))
		x.uint(nhrpHTime, uint64(be16(m[6:])))
		x.typeLen(nhrpCliAddrTL, m[8])
		x.typeLen(nhrpCliSAddrTL, m[9])
		x.uint(nhrpProtLen, uint64(cpl))
		x.uint(nhrpPref, uint64(m[11]))
		off := 12
		if cl > 0 {
			x.addr(nhrpClientNBMAAddr, nhrpClientNBMAAddrBytes, m[off:off+cl], afn == 1)
		}
		off += cl
		if csl > 0 && x.once(nhrpClientNBMASAddr) {
			e.Bytes(&nhrpFields[nhrpClientNBMASAddr], m[off:off+csl])
		}
		off += csl
		if cpl > 0 {
			x.addr(nhrpClientProtAddr, nhrpClientProtAddrBytes, m[off:off+cpl], pro == 0x0800)
		}
		off += cpl
		e.Up()
		m = m[off:]
	}
	return true
}

// extensions emits the extensions in b up to the End of Extension, as far
// as their types are laid out here.
func (x *nhrpEmitter) extensions(b []byte, afn, pro uint16) {
	e := x.e
	for len(b) >= 4 {
		w := be16(b)
		typ, n := w&0x3fff, int(be16(b[2:]))
		name := nhrpExtName(typ)
		if name == "" || 4+n > len(b) {
			return
		}
		if e.Tree() {
			e.Line(append(e.Text(), name...))
		}
		e.Sub()
		if x.once(nhrpExtC) {
			e.BoolBits(&nhrpFields[nhrpExtC], uint64(w))
		}
		if x.once(nhrpExtType) {
			e.UintBits(&nhrpFields[nhrpExtType], uint64(w))
		}
		x.uint(nhrpExtLen, uint64(n))
		v := b[4 : 4+n]
		switch typ {
		case 0:
			e.Up()
			return
		case 3, 4, 5, 9:
			if !x.cies(v, afn, pro) {
				e.Up()
				return
			}
		case 7:
			if n < 8 {
				e.Up()
				return
			}
			if e.Tree() {
				t := strconv.AppendUint(append(e.Text(), "Extension Data: SPI="...), uint64(be16(v[2:])), 10)
				if n > 8 {
					t = appendHexBytes(append(t, ": Data="...), v[8:])
				}
				e.Line(t)
			}
			e.Sub()
			x.uint(nhrpAuthReserved, uint64(be16(v)))
			x.uint(nhrpAuthSPI, uint64(be16(v[2:])))
			if x.once(nhrpAuthSrcAddr) {
				e.IPv4(&nhrpFields[nhrpAuthSrcAddr], v[4:8])
			}
			if n > 8 && x.once(nhrpAuthData) {
				e.Bytes(&nhrpFields[nhrpAuthData], v[8:])
			}
			e.Up()
		}
		e.Up()
		b = b[4+n:]
	}
}

// nhrpOpName returns Wireshark's name of an NHRP packet type.
func nhrpOpName(op byte) string {
	if n := nhrpFields[nhrpOpType].ValueNames().Name(uint64(op)); n != "" {
		return n
	}
	return "Unknown"
}

// infoNHRP appends the packet list's Info of the NHRP packet at layer i:
// its type, the request ID of the types that carry one, and a reply's
// first CIE's code.
func infoNHRP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	m := d.data[l.Start:l.End]
	if len(m) < nhrpHdrLen {
		return b
	}
	op := m[17]
	b = append(b, nhrpOpName(op)...)
	if op < nhrpResolutionRequest || op > nhrpPurgeReply || len(m) < nhrpHdrLen+8 {
		return b
	}
	b = append(b, ", ID="...)
	b = strconv.AppendUint(b, uint64(be32(m[nhrpHdrLen+4:])), 10)
	if op%2 != 0 {
		return b
	}
	// A reply names each CIE's code.
	end := min(len(m), int(be16(m[10:])))
	if x := int(be16(m[14:])); x != 0 {
		end = min(end, x)
	}
	off := nhrpHdrLen + 8 + int(m[18]&0x3f) + int(m[19]&0x3f) + int(m[nhrpHdrLen]) + int(m[nhrpHdrLen+1])
	for off+12 <= end {
		n := 12 + int(m[off+8]&0x3f) + int(m[off+9]&0x3f) + int(m[off+10])
		if off+n > end {
			break
		}
		b = append(b, ", Code="...)
		if name := nhrpFields[nhrpCode].ValueNames().Name(uint64(m[off])); name != "" {
			b = append(b, name...)
		} else {
			b = append(b, "Unknown"...)
		}
		off += n
	}
	return b
}

// lineNHRP appends what tcpdump 4.99 prints for NHRP: nothing inside GRE
// (GRE's line names the protocol type), and directly over IP, which it
// has no printer for, the protocol number and the IP payload's length.
func (p *LinePrinter) lineNHRP(b []byte, d *Decoder, i int) []byte {
	if i == 0 {
		return b
	}
	ip := &d.layers[i-1]
	switch ip.Type {
	case LayerIPv4, LayerIPv6, LayerIPv6HopByHop, LayerIPv6Routing, LayerIPv6DestOpts:
	default:
		return b
	}
	b = append(b, " ip-proto-54 "...)
	return strconv.AppendInt(b, int64(ip.End-ip.Payload), 10)
}
