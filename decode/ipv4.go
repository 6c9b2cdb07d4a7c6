package decode

import "net/netip"

// IPv4 is an IPv4 header with its options (RFC 791):
//
//	0      1      2             4             6             8     9     10            12            16            20
//	+------+------+-------------+-------------+-------------+-----+-----+-------------+-------------+-------------+
//	|v|ihl | tos  | total len   | id          |flags|offset | ttl |proto| checksum    | source      | destination |
//	+------+------+-------------+-------------+-------------+-----+-----+-------------+-------------+-------------+
type IPv4 []byte

const ipv4MinLen = 20

// ParseIPv4 returns the IPv4 header at the start of b (its options
// included). It checks the version and header length, not the total length:
// see IPv4.TotalLength.
func ParseIPv4(b []byte) (IPv4, error) {
	if len(b) < ipv4MinLen {
		return nil, ReasonTruncated
	}
	if b[0]>>4 != 4 {
		return nil, ReasonBadVersion
	}
	n := int(b[0]&15) * 4
	if n < ipv4MinLen {
		return nil, ReasonBadHdrLen
	}
	if len(b) < n {
		return nil, ReasonTruncated
	}
	return IPv4(b[:n:n]), nil
}

// Version returns the version field (4).
func (ip IPv4) Version() uint8 { return ip[0] >> 4 }

// HeaderLen returns the header length in bytes.
func (ip IPv4) HeaderLen() int { return len(ip) }

// TOS returns the type-of-service (DS field and ECN) byte.
func (ip IPv4) TOS() uint8 { return ip[1] }

// TotalLength returns the total length field.
func (ip IPv4) TotalLength() uint16 { return be16(ip[2:]) }

// ID returns the identification field.
func (ip IPv4) ID() uint16 { return be16(ip[4:]) }

// Flags returns the 3 flag bits (0x4 reserved, 0x2 DF, 0x1 MF).
func (ip IPv4) Flags() uint8 { return ip[6] >> 5 }

// DF reports the don't-fragment flag.
func (ip IPv4) DF() bool { return ip[6]&0x40 != 0 }

// MF reports the more-fragments flag.
func (ip IPv4) MF() bool { return ip[6]&0x20 != 0 }

// FragOffset returns the fragment offset in 8-byte units.
func (ip IPv4) FragOffset() uint16 { return be16(ip[6:]) & 0x1fff }

// TTL returns the time to live.
func (ip IPv4) TTL() uint8 { return ip[8] }

// Protocol returns the protocol of the payload.
func (ip IPv4) Protocol() uint8 { return ip[9] }

// Checksum returns the header checksum field.
func (ip IPv4) Checksum() uint16 { return be16(ip[10:]) }

// Src returns the source address.
func (ip IPv4) Src() netip.Addr { return addr4(ip[12:16]) }

// Dst returns the destination address.
func (ip IPv4) Dst() netip.Addr { return addr4(ip[16:20]) }

// Options returns the option bytes.
func (ip IPv4) Options() []byte { return ip[20:] }

// ComputeChecksum returns the checksum the header should carry.
func (ip IPv4) ComputeChecksum() uint16 {
	s := checksumAdd(0, ip[:10])
	s = checksumAdd(s, ip[12:])
	return ^checksumFold(s)
}

// ChecksumOK reports whether the header checksum is correct.
func (ip IPv4) ChecksumOK() bool { return checksumFold(checksumAdd(0, ip)) == 0xffff }

func checksumAdd(s uint32, b []byte) uint32 {
	for len(b) >= 2 {
		s += uint32(b[0])<<8 | uint32(b[1])
		b = b[2:]
	}
	if len(b) == 1 {
		s += uint32(b[0]) << 8
	}
	return s
}

func checksumFold(s uint32) uint16 {
	for s > 0xffff {
		s = s>>16 + s&0xffff
	}
	return uint16(s)
}

func (d *Decoder) decodeIPv4(l *Layer) LayerType {
	ip, err := ParseIPv4(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + ip.HeaderLen()
	tl := int(ip.TotalLength())
	switch {
	case tl < ip.HeaderLen():
		if !l.Quoted {
			l.Malformed = ReasonBadLength
			return LayerNone
		}
	case l.Start+tl < l.End:
		l.End = l.Start + tl
	case l.Start+tl > l.End && !l.Quoted:
		// The packet was cut by the snapshot length: decode what is there.
	}
	if ip.FragOffset() != 0 {
		return LayerNone
	}
	return ipProtocolLayer(ip.Protocol(), false)
}

const (
	ipVersion = iota
	ipHdrLen
	ipDsfield
	ipDsfieldDSCP
	ipDsfieldECN
	ipLen
	ipID
	ipFlags
	ipFlagsRB
	ipFlagsDF
	ipFlagsMF
	ipFragOffset
	ipTTL
	ipProtocol
	ipChecksum
	ipChecksumStatus
	ipSrc
	ipDst
	ipAddr
	ipSrcHost
	ipDstHost
	ipHost
	ipCurRt
	ipCurRtHost
	ipOptionsEOL
	ipOptionsNOP
	ipOptionsSecurity
	ipOptionsRoute
	ipOptionsTimestamp
	ipOptionsExtSecurity
	ipOptionsCIPSO
	ipOptionsRecordRoute
	ipOptionsSID
	ipOptionsSourceRoute
	ipOptionsMTUProbe
	ipOptionsMTUReply
	ipOptionsTraceroute
	ipOptionsRouterAlert
	ipOptionsSDB
	ipOptionsQS
	ipOptType
	ipOptTypeCopy
	ipOptTypeClass
	ipOptTypeNumber
	ipOptLen
	ipOptLenInvalid
	ipSuboptTooLong
	ipOptPtr
	ipOptSID
	ipOptMTU
	ipOptIDNumber
	ipOptOHC
	ipOptRHC
	ipOptOriginator
	ipOptRA
	ipOptAddr
	ipOptQSFunc
	ipOptQSRate
	ipOptQSTTL
	ipOptQSTTLDiff
	ipOptQSUnused
	ipOptQSNonce
	ipOptQSReserved
	ipOptSecRFC791Sec
	ipOptSecRFC791Comp
	ipOptSecRFC791HR
	ipOptSecRFC791TCC
	ipOptSecCL
	ipOptSecProtAuthFlags
	ipOptSecProtAuthGenser
	ipOptSecProtAuthSIOPESI
	ipOptSecProtAuthSCI
	ipOptSecProtAuthNSA
	ipOptSecProtAuthDOE
	ipOptSecProtAuthUnassigned
	ipOptSecProtAuthFTI
	ipOptExtSecFormat
	ipOptExtSecInfo
	ipOptOverflow
	ipOptFlag
	ipOptTimeStamp
	ipOptTimeStampAddr
	ipRecRt
	ipRecRtHost
	ipEmptyRt
	ipEmptyRtHost
	ipSrcRt
	ipSrcRtHost
	ipCIPSODOI
	ipCIPSOTagType
	ipCIPSOSensitivity
	ipCIPSOCategories
	ipCIPSOTagData
	ipFieldCount
)

var ipFields = [ipFieldCount]Field{
	ipVersion:     {Name: "ip.version", Label: "Version", Kind: KindUint, Width: 8},
	ipHdrLen:      {Name: "ip.hdr_len", Label: "Header Length", Kind: KindUint, Width: 8},
	ipDsfield:     {Name: "ip.dsfield", Label: "Differentiated Services Field", Kind: KindUint, Width: 8, Base: BaseHex},
	ipDsfieldDSCP: {Name: "ip.dsfield.dscp", Label: "Differentiated Services Codepoint", Kind: KindUint, Width: 8, Mask: 0xfc},
	ipDsfieldECN:  {Name: "ip.dsfield.ecn", Label: "Explicit Congestion Notification", Kind: KindUint, Width: 8, Mask: 0x3},
	ipLen:         {Name: "ip.len", Label: "Total Length", Kind: KindUint, Width: 16},
	ipID:          {Name: "ip.id", Label: "Identification", Kind: KindUint, Width: 16, Base: BaseHexDec},
	ipFlags:       {Name: "ip.flags", Label: "Flags", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xe0},
	ipFlagsRB:     {Name: "ip.flags.rb", Label: "Reserved bit", Kind: KindBool, Width: 8, Mask: 0x80},
	ipFlagsDF:     {Name: "ip.flags.df", Label: "Don't fragment", Kind: KindBool, Width: 8, Mask: 0x40},
	ipFlagsMF:     {Name: "ip.flags.mf", Label: "More fragments", Kind: KindBool, Width: 8, Mask: 0x20},
	ipFragOffset:  {Name: "ip.frag_offset", Label: "Fragment Offset", Kind: KindUint, Width: 16, Mask: 0x1fff},
	ipTTL:         {Name: "ip.ttl", Label: "Time to Live", Kind: KindUint, Width: 8},
	ipProtocol:    {Name: "ip.proto", Label: "Protocol", Kind: KindUint, Width: 8},
	ipChecksum:    {Name: "ip.checksum", Label: "Header Checksum", Kind: KindUint, Width: 16, Base: BaseHex},
	// Always unverified: tshark 4.0 does not check IPv4's checksum by
	// default.
	ipChecksumStatus: {Name: "ip.checksum.status", Label: "Header checksum status", Kind: KindUint, Width: 8, Base: BaseNone, Generated: true},
	ipSrc:            {Name: "ip.src", Label: "Source Address", Kind: KindIPv4},
	ipDst:            {Name: "ip.dst", Label: "Destination Address", Kind: KindIPv4},
	// Wireshark's hidden copies of both addresses (hosts are the
	// addresses' text: rawcap resolves no names).
	ipAddr:    {Name: "ip.addr", Label: "Source or Destination Address", Kind: KindIPv4},
	ipSrcHost: {Name: "ip.src_host", Label: "Source Host", Kind: KindString},
	ipDstHost: {Name: "ip.dst_host", Label: "Destination Host", Kind: KindString},
	ipHost:    {Name: "ip.host", Label: "Source or Destination Host", Kind: KindString},
	// The options' fields (ipv4_options.go).
	ipCurRt:                    {Name: "ip.cur_rt", Label: "Current Route", Kind: KindIPv4},
	ipCurRtHost:                {Name: "ip.cur_rt_host", Label: "Current Route Host", Kind: KindString},
	ipOptionsEOL:               {Name: "ip.options.eol", Label: "IP Option - End of Options List (EOL)", Kind: KindProtocol},
	ipOptionsNOP:               {Name: "ip.options.nop", Label: "IP Option - No-Operation (NOP)", Kind: KindProtocol},
	ipOptionsSecurity:          {Name: "ip.options.security", Label: "IP Option - Security", Kind: KindProtocol},
	ipOptionsRoute:             {Name: "ip.options.route", Label: "IP Option - Loose Source Route", Kind: KindProtocol},
	ipOptionsTimestamp:         {Name: "ip.options.timestamp", Label: "IP Option - Time Stamp", Kind: KindProtocol},
	ipOptionsExtSecurity:       {Name: "ip.options.ext_security", Label: "IP Option - Extended Security", Kind: KindProtocol},
	ipOptionsCIPSO:             {Name: "ip.options.cipso", Label: "IP Option - Commercial Security", Kind: KindProtocol},
	ipOptionsRecordRoute:       {Name: "ip.options.record_route", Label: "IP Option - Record Route", Kind: KindProtocol},
	ipOptionsSID:               {Name: "ip.options.sid", Label: "IP Option - Stream ID", Kind: KindProtocol},
	ipOptionsSourceRoute:       {Name: "ip.options.source_route", Label: "IP Option - Strict Source Route", Kind: KindProtocol},
	ipOptionsMTUProbe:          {Name: "ip.options.mtu_probe", Label: "IP Option - MTU Probe", Kind: KindProtocol},
	ipOptionsMTUReply:          {Name: "ip.options.mtu_reply", Label: "IP Option - MTU Reply", Kind: KindProtocol},
	ipOptionsTraceroute:        {Name: "ip.options.traceroute", Label: "IP Option - Traceroute", Kind: KindProtocol},
	ipOptionsRouterAlert:       {Name: "ip.options.routeralert", Label: "IP Option - Router Alert", Kind: KindProtocol},
	ipOptionsSDB:               {Name: "ip.options.sdb", Label: "IP Option - Selective Directed Broadcast", Kind: KindProtocol},
	ipOptionsQS:                {Name: "ip.options.qs", Label: "IP Option - Quick-Start", Kind: KindProtocol},
	ipOptType:                  {Name: "ip.opt.type", Label: "Type", Kind: KindUint, Width: 8},
	ipOptTypeCopy:              {Name: "ip.opt.type.copy", Label: "Copy on fragmentation", Kind: KindBool, Width: 8, Mask: 0x80},
	ipOptTypeClass:             {Name: "ip.opt.type.class", Label: "Class", Kind: KindUint, Width: 8, Mask: 0x60},
	ipOptTypeNumber:            {Name: "ip.opt.type.number", Label: "Number", Kind: KindUint, Width: 8, Mask: 0x1f},
	ipOptLen:                   {Name: "ip.opt.len", Label: "Length", Kind: KindUint, Width: 8},
	ipOptLenInvalid:            {Name: "ip.opt.len.invalid", Label: "Invalid length for option", Kind: KindNone},
	ipSuboptTooLong:            {Name: "ip.subopt_too_long", Label: "Suboption would go past end of option", Kind: KindNone},
	ipOptPtr:                   {Name: "ip.opt.ptr", Label: "Pointer", Kind: KindUint, Width: 8},
	ipOptSID:                   {Name: "ip.opt.sid", Label: "Stream Identifier", Kind: KindUint, Width: 16},
	ipOptMTU:                   {Name: "ip.opt.mtu", Label: "MTU", Kind: KindUint, Width: 16},
	ipOptIDNumber:              {Name: "ip.opt.id_number", Label: "ID Number", Kind: KindUint, Width: 16},
	ipOptOHC:                   {Name: "ip.opt.ohc", Label: "Outbound Hop Count", Kind: KindUint, Width: 16},
	ipOptRHC:                   {Name: "ip.opt.rhc", Label: "Return Hop Count", Kind: KindUint, Width: 16},
	ipOptOriginator:            {Name: "ip.opt.originator", Label: "Originator IP Address", Kind: KindIPv4},
	ipOptRA:                    {Name: "ip.opt.ra", Label: "Router Alert", Kind: KindUint, Width: 16},
	ipOptAddr:                  {Name: "ip.opt.addr", Label: "IP Address", Kind: KindIPv4},
	ipOptQSFunc:                {Name: "ip.opt.qs_func", Label: "Function", Kind: KindUint, Width: 8, Mask: 0xf0},
	ipOptQSRate:                {Name: "ip.opt.qs_rate", Label: "Rate", Kind: KindUint, Width: 8, Mask: 0x0f},
	ipOptQSTTL:                 {Name: "ip.opt.qs_ttl", Label: "QS TTL", Kind: KindUint, Width: 8},
	ipOptQSTTLDiff:             {Name: "ip.opt.qs_ttl_diff", Label: "TTL Diff", Kind: KindUint, Width: 8, Generated: true},
	ipOptQSUnused:              {Name: "ip.opt.qs_unused", Label: "Not Used", Kind: KindUint, Width: 8},
	ipOptQSNonce:               {Name: "ip.opt.qs_nonce", Label: "QS Nonce", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0xfffffffc},
	ipOptQSReserved:            {Name: "ip.opt.qs_reserved", Label: "Reserved", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0x3},
	ipOptSecRFC791Sec:          {Name: "ip.opt.sec_rfc791_sec", Label: "Security", Kind: KindUint, Width: 16, Base: BaseHex},
	ipOptSecRFC791Comp:         {Name: "ip.opt.sec_rfc791_comp", Label: "Compartments", Kind: KindUint, Width: 16},
	ipOptSecRFC791HR:           {Name: "ip.opt.sec_rfc791_hr", Label: "Handling Restrictions", Kind: KindString},
	ipOptSecRFC791TCC:          {Name: "ip.opt.sec_rfc791_tcc", Label: "Transmission Control Code", Kind: KindString},
	ipOptSecCL:                 {Name: "ip.opt.sec_cl", Label: "Classification Level", Kind: KindUint, Width: 8, Base: BaseHex},
	ipOptSecProtAuthFlags:      {Name: "ip.opt.sec_prot_auth_flags", Label: "Protection Authority Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	ipOptSecProtAuthGenser:     {Name: "ip.opt.sec_prot_auth_genser", Label: "GENSER", Kind: KindBool, Width: 8, Mask: 0x80},
	ipOptSecProtAuthSIOPESI:    {Name: "ip.opt.sec_prot_auth_siop_esi", Label: "SIOP-ESI", Kind: KindBool, Width: 8, Mask: 0x40},
	ipOptSecProtAuthSCI:        {Name: "ip.opt.sec_prot_auth_sci", Label: "SCI", Kind: KindBool, Width: 8, Mask: 0x20},
	ipOptSecProtAuthNSA:        {Name: "ip.opt.sec_prot_auth_nsa", Label: "NSA", Kind: KindBool, Width: 8, Mask: 0x10},
	ipOptSecProtAuthDOE:        {Name: "ip.opt.sec_prot_auth_doe", Label: "DOE", Kind: KindBool, Width: 8, Mask: 0x8},
	ipOptSecProtAuthUnassigned: {Name: "ip.opt.sec_prot_auth_unassigned", Label: "Unassigned", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x6},
	ipOptSecProtAuthFTI:        {Name: "ip.opt.sec_prot_auth_fti", Label: "Field Termination Indicator", Kind: KindBool, Width: 8, Mask: 0x1},
	ipOptExtSecFormat:          {Name: "ip.opt.ext_sec_add_sec_info_format_code", Label: "Additional Security Info Format Code", Kind: KindUint, Width: 8, Base: BaseHex},
	ipOptExtSecInfo:            {Name: "ip.opt.ext_sec_add_sec_info", Label: "Additional Security Info", Kind: KindBytes},
	ipOptOverflow:              {Name: "ip.opt.overflow", Label: "Overflow", Kind: KindUint, Width: 8, Mask: 0xf0},
	ipOptFlag:                  {Name: "ip.opt.flag", Label: "Flag", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x0f},
	ipOptTimeStamp:             {Name: "ip.opt.time_stamp", Label: "Time stamp", Kind: KindUint, Width: 32},
	ipOptTimeStampAddr:         {Name: "ip.opt.time_stamp_addr", Label: "Address", Kind: KindIPv4},
	ipRecRt:                    {Name: "ip.rec_rt", Label: "Recorded Route", Kind: KindIPv4},
	ipRecRtHost:                {Name: "ip.rec_rt_host", Label: "Recorded Route Host", Kind: KindString},
	ipEmptyRt:                  {Name: "ip.empty_rt", Label: "Empty Route", Kind: KindIPv4},
	ipEmptyRtHost:              {Name: "ip.empty_rt_host", Label: "Empty Route Host", Kind: KindString},
	ipSrcRt:                    {Name: "ip.src_rt", Label: "Source Route", Kind: KindIPv4},
	ipSrcRtHost:                {Name: "ip.src_rt_host", Label: "Source Route Host", Kind: KindString},
	ipCIPSODOI:                 {Name: "ip.cipso.doi", Label: "DOI", Kind: KindUint, Width: 32},
	ipCIPSOTagType:             {Name: "ip.cipso.tag_type", Label: "Tag Type", Kind: KindUint, Width: 8},
	ipCIPSOSensitivity:         {Name: "ip.cipso.sensitivity_level", Label: "Sensitivity Level", Kind: KindUint, Width: 8},
	ipCIPSOCategories:          {Name: "ip.cipso.categories", Label: "Categories", Kind: KindString},
	ipCIPSOTagData:             {Name: "ip.cipso.tag_data", Label: "Tag data", Kind: KindBytes},
}

var protoIPv4 = protoField("ip", "Internet Protocol Version 4")

// emitHostCopies emits the hidden fields Wireshark adds after an IP
// address: the address again as ip.addr (ipv6.addr), and its host name,
// which without name resolution is the address's text, as ip.src_host or
// ip.dst_host and ip.host.
func emitHostCopies(e *emitter, a netip.Addr, addr, host, anyHost *Field) {
	if !e.all {
		return // hidden: JSON does not show them, so it need not make them
	}
	e.Hidden(true)
	e.Addr(addr, a)
	if e.wants(host) {
		e.TextDone(host, a.AppendTo(e.Text()))
	}
	if e.wants(anyHost) {
		e.TextDone(anyHost, a.AppendTo(e.Text()))
	}
	e.Hidden(false)
}

// emitIPv4 emits an IPv4 header's fields. In a tree list the title, the
// first two bytes, bytes 6 to 9 and the addresses are blocks of lines
// remembered by the bytes they depend on (Memo), as most packets of a flow
// repeat them.
func emitIPv4(e *emitter, i int) {
	l := &e.d.layers[i]
	if l.Payload == l.Start {
		e.Proto(&protoIPv4)
		raw := e.d.data[l.Start:l.End]
		switch {
		case len(raw) == 0:
			if e.Tree() {
				e.NoTree() // no byte at all: tshark draws only its malformed mark
			}
		case len(raw) < ipv4MinLen && raw[0]>>4 == 4 && raw[0]&15 >= 5 && (len(raw) < 4 || be16(raw[2:]) >= ipv4MinLen):
			emitIPv4Cut(e, raw, e.wire-l.Start)
		}
		e.End()
		return
	}
	ip := IPv4(e.d.data[l.Start:l.Payload])
	f := &ipFields
	final, routed := netip.Addr{}, false
	if len(ip) > 20 {
		final, routed = ipv4PendingRoute(ip[20:])
	}
	if routed || e.Memo(memoIPv4Title, ip[12:20]) {
		e.Proto(&protoIPv4)
		if e.Tree() {
			b := ip.Src().AppendTo(append(e.Text(), "Internet Protocol Version 4, Src: "...))
			b = append(b, ", Dst: "...)
			if routed {
				// A source route with hops left: tshark shows its last
				// address as the destination and the header's as the
				// current route.
				b = append(final.AppendTo(b), ", Via: "...)
			}
			e.SetRepr(ip.Dst().AppendTo(b))
		}
		e.MemoEnd()
	}
	if e.wantsAny(f[ipVersion:ipDsfieldECN+1]) && e.Memo(memoIPv4Head, ip[:2]) {
		emitIPv4Head(e, ip)
		e.MemoEnd()
	}
	e.Uint(&f[ipLen], uint64(ip.TotalLength()))
	if wire := e.wire - l.Start; e.wire > 0 && int(ip.TotalLength()) > wire && e.Tree() && !l.Quoted {
		var arg [24]byte
		e.Sub()
		e.ExpertLine("Error", "Protocol", "IPv4 total length exceeds packet length (", append(appendUint(arg[:0], uint64(wire)), " bytes)"...))
		e.Up()
	}
	e.Uint(&f[ipID], uint64(ip.ID()))
	if e.wantsAny(f[ipFlags:ipProtocol+1]) && e.Memo(memoIPv4Frag, ip[6:10]) {
		emitIPv4Frag(e, ip)
		e.MemoEnd()
	}
	e.Uint(&f[ipChecksum], uint64(ip.Checksum()))
	if e.Tree() {
		b := appendHex4(append(e.Text(), "Header Checksum: 0x"...), ip.Checksum())
		e.SetRepr(append(b, " [validation disabled]"...))
	}
	e.Uint(&f[ipChecksumStatus], 2) // unverified
	if routed {
		e.IPv4(&f[ipSrc], ip[12:16])
		emitHostCopies(e, netip.AddrFrom4([4]byte(ip[12:16])), &f[ipAddr], &f[ipSrcHost], &f[ipHost])
		// tshark's ip.dst is then the source route's last address
		// (emitIPv4Options emits it).
		e.IPv4(&f[ipCurRt], ip[16:20])
		if e.all {
			e.Hidden(true)
			b := netip.AddrFrom4([4]byte(ip[16:20])).AppendTo(e.Text())
			e.TextDone(&f[ipCurRtHost], b)
			e.Hidden(false)
		}
	} else if e.Memo(memoIPv4Addrs, ip[12:20]) {
		e.IPv4(&f[ipSrc], ip[12:16])
		emitHostCopies(e, netip.AddrFrom4([4]byte(ip[12:16])), &f[ipAddr], &f[ipSrcHost], &f[ipHost])
		e.IPv4(&f[ipDst], ip[16:20])
		emitHostCopies(e, netip.AddrFrom4([4]byte(ip[16:20])), &f[ipAddr], &f[ipDstHost], &f[ipHost])
		e.MemoEnd()
	}
	if len(ip) > 20 {
		emitIPv4Options(e, ip)
	}
	e.End()
}

// emitIPv4Cut emits the fields of a header cut short before its 20th
// byte, each as far as its bytes go, as tshark draws them before its
// malformed mark (wire is the IPv4 packet's length on the wire). The total
// length, when there, is at least 20.
func emitIPv4Cut(e *emitter, raw []byte, wire int) {
	f := &ipFields
	var h [ipv4MinLen]byte
	copy(h[:], raw)
	ip := IPv4(h[:])
	n := len(raw)
	if n >= 16 && e.Tree() {
		e.SetRepr(ip.Src().AppendTo(append(e.Text(), "Internet Protocol Version 4, Src: "...)))
	}
	emitIPv4Byte0(e, ip)
	if n >= 2 {
		emitIPv4DS(e, ip)
	}
	if n >= 4 {
		e.Uint(&f[ipLen], uint64(ip.TotalLength()))
		if int(ip.TotalLength()) > wire && e.Tree() {
			var arg [24]byte
			e.Sub()
			e.ExpertLine("Error", "Protocol", "IPv4 total length exceeds packet length (", append(appendUint(arg[:0], uint64(wire)), " bytes)"...))
			e.Up()
		}
	}
	if n >= 6 {
		e.Uint(&f[ipID], uint64(ip.ID()))
	}
	if n >= 7 {
		emitIPv4Flags(e, ip)
	}
	if n >= 8 {
		emitIPv4Offset(e, ip)
	}
	if n >= 9 {
		e.Uint(&f[ipTTL], uint64(ip.TTL()))
	}
	if n >= 10 {
		e.Uint(&f[ipProtocol], uint64(ip.Protocol()))
	}
	if n >= 12 {
		e.Uint(&f[ipChecksum], uint64(ip.Checksum()))
		if e.Tree() {
			b := appendHex4(append(e.Text(), "Header Checksum: 0x"...), ip.Checksum())
			e.SetRepr(append(b, " [validation disabled]"...))
		}
		e.Uint(&f[ipChecksumStatus], 2) // unverified
	}
	if n >= 16 {
		e.IPv4(&f[ipSrc], ip[12:16])
		emitHostCopies(e, netip.AddrFrom4([4]byte(ip[12:16])), &f[ipAddr], &f[ipSrcHost], &f[ipHost])
	}
}

// emitIPv4Head emits the fields of IPv4's first two bytes (version to
// ECN).
func emitIPv4Head(e *emitter, ip IPv4) {
	emitIPv4Byte0(e, ip)
	emitIPv4DS(e, ip)
}

// emitIPv4Byte0 emits the version and header length.
func emitIPv4Byte0(e *emitter, ip IPv4) {
	f := &ipFields
	e.Uint(&f[ipVersion], 4)
	if e.Tree() {
		e.SetRepr(append(appendBitDrawing(e.Text(), uint64(ip[0]), 8, 0xf0), " = Version: 4"...))
	}
	hl := uint64(ip.HeaderLen())
	e.Uint(&f[ipHdrLen], hl)
	if e.Tree() {
		b := append(appendBitDrawing(e.Text(), uint64(ip[0]), 8, 0x0f), " = Header Length: "...)
		b = append(appendUint(b, hl), " bytes ("...)
		e.SetRepr(append(appendUint(b, hl/4), ')'))
	}
}

// emitIPv4DS emits the Differentiated Services field with DSCP and ECN.
func emitIPv4DS(e *emitter, ip IPv4) {
	f := &ipFields
	tos := ip.TOS()
	e.Uint(&f[ipDsfield], uint64(tos))
	if e.Tree() {
		b := appendHex2(append(e.Text(), "Differentiated Services Field: 0x"...), tos)
		b = appendDSCPShort(append(b, " (DSCP: "...), tos>>2)
		b = append(append(b, ", ECN: "...), ecnShort[tos&3]...)
		e.SetRepr(append(b, ')'))
	}
	e.Sub()
	e.Uint(&f[ipDsfieldDSCP], uint64(tos>>2))
	e.Uint(&f[ipDsfieldECN], uint64(tos&3))
	e.Up()
}

// emitIPv4Frag emits the fields of IPv4's bytes 6 to 9 (flags, fragment
// offset, time to live, protocol).
func emitIPv4Frag(e *emitter, ip IPv4) {
	f := &ipFields
	emitIPv4Flags(e, ip)
	emitIPv4Offset(e, ip)
	e.Uint(&f[ipTTL], uint64(ip.TTL()))
	e.Uint(&f[ipProtocol], uint64(ip.Protocol()))
}

// emitIPv4Flags emits the flags byte's three bits.
func emitIPv4Flags(e *emitter, ip IPv4) {
	f := &ipFields
	e.Uint(&f[ipFlags], uint64(ip.Flags()))
	if e.Tree() {
		b := append(appendBitDrawing(e.Text(), uint64(ip[6]), 8, 0xe0), " = Flags: 0x"...)
		b = appendHexMin(b, uint64(ip.Flags()))
		e.SetRepr(appendSetFlags(b, uint64(ip[6]), &f[ipFlagsRB], &f[ipFlagsDF], &f[ipFlagsMF]))
	}
	e.Sub()
	e.Bool(&f[ipFlagsRB], ip.Flags()&4 != 0)
	e.Bool(&f[ipFlagsDF], ip.DF())
	e.Bool(&f[ipFlagsMF], ip.MF())
	e.Up()
}

// emitIPv4Offset emits the fragment offset (in bytes in the tree).
func emitIPv4Offset(e *emitter, ip IPv4) {
	f := &ipFields
	e.Uint(&f[ipFragOffset], uint64(ip.FragOffset()))
	if e.Tree() && ip.FragOffset() != 0 {
		// In bytes, as tshark's tree shows it.
		b := append(appendBitDrawing(e.Text(), uint64(be16(ip[6:])), 16, 0x1fff), " = Fragment Offset: "...)
		e.SetRepr(appendUint(b, uint64(ip.FragOffset())*8))
	}
}
