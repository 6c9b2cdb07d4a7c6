package decode

// PIM is a PIM message (RFC 7761, IP protocol 103) as it starts every
// version-2 message:
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|PIM Ver| Type  |   Reserved    |           Checksum            |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The body depends on the type: Hello options (type, length, value), a
// Register's flags and the packet it carries, encoded addresses for the
// others. A PIM view holds the whole message as captured; its accessors
// read only the four header bytes ParsePIM checked.
type PIM []byte

// IPProtoPIM is PIM's IP protocol number.
const IPProtoPIM = 103

const pimHeaderLen = 4

// The PIM version 2 message types.
const (
	PIMHello         = 0
	PIMRegister      = 1
	PIMRegisterStop  = 2
	PIMJoinPrune     = 3
	PIMBootstrap     = 4
	PIMAssert        = 5
	PIMGraft         = 6
	PIMGraftAck      = 7
	PIMCandidateRP   = 8
	PIMStateRefresh  = 9
	PIMDFElection    = 10
	pimRegisterFlags = 4 // the Register's flag word before the packet
)

// ParsePIM returns the PIM message at the start of b, which must hold at
// least its four-byte header.
func ParsePIM(b []byte) (PIM, error) {
	if len(b) < pimHeaderLen {
		return nil, ReasonTruncated
	}
	return PIM(b[:len(b):len(b)]), nil
}

// Version returns the PIM version (2).
func (p PIM) Version() uint8 { return p[0] >> 4 }

// Type returns the message type (PIMHello …).
func (p PIM) Type() uint8 { return p[0] & 15 }

// Reserved returns the byte after the type (a DF Election's subtype in its
// top four bits).
func (p PIM) Reserved() uint8 { return p[1] }

// Checksum returns the checksum field.
func (p PIM) Checksum() uint16 { return be16(p[2:]) }

// decodePIM decodes a PIM message. A Register hands the packet it carries
// to the IP layer; everything else belongs to PIM. The layer is marked
// truncated where Wireshark's dissector runs past the captured bytes, so
// that every output marks it as tshark does.
func (d *Decoder) decodePIM(l *Layer) LayerType {
	b := d.bytes(l)
	l.Payload = l.End
	w := pimWalker{d: d, i: d.n, b: b, rep: pimReported(d, d.n, l)}
	w.walk()
	if w.cut {
		l.Malformed = ReasonTruncated
		return LayerNone
	}
	if len(b) > 8 && b[0] == 2<<4|PIMRegister {
		switch b[8] >> 4 {
		case 4:
			l.Payload = l.Start + 8
			return LayerIPv4
		case 6:
			l.Payload = l.Start + 8
			return LayerIPv6
		}
	}
	return LayerNone
}

// pimReported returns the length of the PIM message at layer i (whose
// Layer l may not be stored yet) as the IP header before it announces.
func pimReported(d *Decoder, i int, l *Layer) int {
	ext := 0
	for j := i - 1; j >= 0; j-- {
		p := &d.layers[j]
		switch p.Type {
		case LayerIPv4:
			ip := IPv4(d.data[p.Start:p.Payload])
			return int(ip.TotalLength()) - ip.HeaderLen() - ext
		case LayerIPv6:
			return int(IPv6(d.data[p.Start:p.Payload]).PayloadLength()) - ext
		case LayerIPv6HopByHop, LayerIPv6Routing, LayerIPv6Fragment, LayerIPv6DestOpts:
			ext += p.Payload - p.Start
		}
	}
	return l.End - l.Start
}

// pimFragmented reports whether the PIM message at layer i is carried in an
// IP fragment, whose checksum tshark does not verify.
func pimFragmented(d *Decoder, i int) bool {
	for j := i - 1; j >= 0; j-- {
		p := &d.layers[j]
		switch p.Type {
		case LayerIPv4:
			ip := IPv4(d.data[p.Start:p.Payload])
			return ip.Flags()&1 != 0 || ip.FragOffset() != 0
		case LayerIPv6Fragment:
			return true
		case LayerIPv6:
			return false
		}
	}
	return false
}

// pimChecksum returns the one's complement sum of the first n bytes of the
// PIM message at layer i (with IPv6's pseudo-header), 0 when it is right.
func pimChecksum(d *Decoder, i int, b []byte) uint16 {
	src, dst, v6 := ipAddrs(d, i)
	if v6 {
		return transportChecksum(src, dst, IPProtoPIM, b)
	}
	return ^checksumFold(checksumAdd(0, b))
}

// The fields, as Wireshark registers them.
const (
	pimVersion = iota
	pimType
	pimDFSubtype
	pimDFRsvd
	pimCksum
	pimCksumStatus
	pimResBytes
	pimOption
	pimOptionType
	pimOptionLength
	pimOptionValue
	pimRegisterFlag
	pimRegisterBorder
	pimRegisterNull
	pimHoldtime
	pimNumGroups
	pimNumJoins
	pimNumPrunes
	pimT
	pimPropDelay
	pimOverride
	pimDRPriority
	pimGenID
	pimSRVersion
	pimSRInterval
	pimSRReserved
	pimRPT
	pimMetricPref
	pimMetric
	pimPruneIndicator
	pimPruneNow
	pimAssertOverride
	pimIPVersion
	pimDummyHeader
	pimSource
	pimSourceIP6
	pimGroup
	pimGroupIP6
	pimUpstream
	pimUpstreamIP6
	pimJoinIP
	pimJoinIP6
	pimPruneIP
	pimPruneIP6
	pimAddrList
	pimAddrListIP6
	pimBSR
	pimBSRIP6
	pimRP
	pimRPIP6
	pimOriginator
	pimOriginatorIP6
	pimFragTag
	pimHashMaskLen
	pimBSRPriority
	pimRPCount
	pimFRPCount
	pimPriority
	pimPrefixCount
	pimMaskLen
	pimTTL
	pimInterval
	pimAddrAF
	pimAddrET
	pimUnicast
	pimUnicastIP6
	pimGroupSet
	pimGroupFlags
	pimGroupFlagsB
	pimGroupFlagsRes
	pimGroupFlagsZ
	pimSourceFlags
	pimSourceFlagsRes
	pimSourceFlagsS
	pimSourceFlagsW
	pimSourceFlagsR
	pimFieldCount
)

var pimFields = [pimFieldCount]Field{
	pimVersion:        {Name: "pim.version", Label: "Version", Kind: KindUint, Width: 8, Mask: 0xf0},
	pimType:           {Name: "pim.type", Label: "Type", Kind: KindUint, Width: 8, Mask: 0x0f},
	pimDFSubtype:      {Name: "pim.df_elect.subtype", Label: "DF Subtype", Kind: KindUint, Width: 8, Mask: 0xf0},
	pimDFRsvd:         {Name: "pim.df_elect.rsvd", Label: "DF reserved", Kind: KindUint, Width: 8, Mask: 0x0f},
	pimCksum:          {Name: "pim.cksum", Label: "Checksum", Kind: KindUint, Width: 16, Base: BaseHex},
	pimCksumStatus:    {Name: "pim.cksum.status", Label: "Checksum Status", Kind: KindUint, Width: 8},
	pimResBytes:       {Name: "pim.res_bytes", Label: "Reserved byte(s)", Kind: KindBytes},
	pimOption:         {Name: "pim.option", Label: "PIM Options", Kind: KindNone},
	pimOptionType:     {Name: "pim.optiontype", Label: "Type", Kind: KindUint, Width: 16},
	pimOptionLength:   {Name: "pim.optionlength", Label: "Length", Kind: KindUint, Width: 16},
	pimOptionValue:    {Name: "pim.optionvalue", Label: "Unknown", Kind: KindBytes},
	pimRegisterFlag:   {Name: "pim.register_flag", Label: "Flags", Kind: KindUint, Width: 32, Base: BaseHex},
	pimRegisterBorder: {Name: "pim.register_flag.border", Label: "Border", Kind: KindBool, Width: 32, Mask: 0x80000000},
	pimRegisterNull:   {Name: "pim.register_flag.null_register", Label: "Null-Register", Kind: KindBool, Width: 32, Mask: 0x40000000},
	pimHoldtime:       {Name: "pim.holdtime", Label: "Holdtime", Kind: KindUint, Width: 16},
	pimNumGroups:      {Name: "pim.numgroups", Label: "Num Groups", Kind: KindUint, Width: 16},
	pimNumJoins:       {Name: "pim.numjoins", Label: "Num Joins", Kind: KindUint, Width: 16},
	pimNumPrunes:      {Name: "pim.numprunes", Label: "Num Prunes", Kind: KindUint, Width: 16},
	pimT:              {Name: "pim.t", Label: "T", Kind: KindBool, Width: 8, Mask: 0x80},
	pimPropDelay:      {Name: "pim.propagation_delay", Label: "Propagation Delay", Kind: KindUint, Width: 16, Mask: 0x7fff},
	pimOverride:       {Name: "pim.override_interval", Label: "Override Interval", Kind: KindUint, Width: 16},
	pimDRPriority:     {Name: "pim.dr_priority", Label: "DR Priority", Kind: KindUint, Width: 32},
	pimGenID:          {Name: "pim.generation_id", Label: "Generation ID", Kind: KindUint, Width: 32},
	pimSRVersion:      {Name: "pim.state_refresh_version", Label: "Version", Kind: KindUint, Width: 8},
	pimSRInterval:     {Name: "pim.state_refresh_interval", Label: "Interval", Kind: KindUint, Width: 8},
	pimSRReserved:     {Name: "pim.state_refresh_reserved", Label: "Reserved", Kind: KindUint, Width: 16},
	pimRPT:            {Name: "pim.rpt", Label: "RP Tree", Kind: KindBool, Width: 8, Mask: 0x80},
	pimMetricPref:     {Name: "pim.metric_pref", Label: "Metric Preference", Kind: KindUint, Width: 32, Mask: 0x7fffffff},
	pimMetric:         {Name: "pim.metric", Label: "Metric", Kind: KindUint, Width: 32},
	pimPruneIndicator: {Name: "pim.prune_indicator", Label: "Prune indicator", Kind: KindBool, Width: 8, Mask: 0x80},
	pimPruneNow:       {Name: "pim.prune_now", Label: "Prune now", Kind: KindBool, Width: 8, Mask: 0x40},
	pimAssertOverride: {Name: "pim.assert_override", Label: "Assert override", Kind: KindBool, Width: 8, Mask: 0x20},
	pimIPVersion:      {Name: "pim.ip_version", Label: "IP Version", Kind: KindUint, Width: 8, Mask: 0xf0},
	pimDummyHeader:    {Name: "pim.dummy_header", Label: "Dummy Header", Kind: KindNone},
	pimSource:         {Name: "pim.source", Label: "Source", Kind: KindIPv4},
	pimSourceIP6:      {Name: "pim.source_ip6", Label: "Source", Kind: KindIPv6},
	pimGroup:          {Name: "pim.group", Label: "Group", Kind: KindIPv4},
	pimGroupIP6:       {Name: "pim.group_ip6", Label: "Group", Kind: KindIPv6},
	pimUpstream:       {Name: "pim.upstream_neighbor", Label: "Upstream-neighbor", Kind: KindIPv4},
	pimUpstreamIP6:    {Name: "pim.upstream_neighbor_ip6", Label: "Upstream-neighbor", Kind: KindIPv6},
	pimJoinIP:         {Name: "pim.join_ip", Label: "IP address", Kind: KindIPv4},
	pimJoinIP6:        {Name: "pim.join_ip6", Label: "IP address", Kind: KindIPv6},
	pimPruneIP:        {Name: "pim.prune_ip", Label: "IP address", Kind: KindIPv4},
	pimPruneIP6:       {Name: "pim.prune_ip6", Label: "IP address", Kind: KindIPv6},
	pimAddrList:       {Name: "pim.address_list", Label: "Address", Kind: KindIPv4},
	pimAddrListIP6:    {Name: "pim.address_list_ip6", Label: "Address", Kind: KindIPv6},
	pimBSR:            {Name: "pim.bsr", Label: "BSR", Kind: KindIPv4},
	pimBSRIP6:         {Name: "pim.bsr_ip6", Label: "BSR", Kind: KindIPv6},
	pimRP:             {Name: "pim.rp", Label: "RP", Kind: KindIPv4},
	pimRPIP6:          {Name: "pim.rp_ip6", Label: "RP", Kind: KindIPv6},
	pimOriginator:     {Name: "pim.originator", Label: "Originator", Kind: KindIPv4},
	pimOriginatorIP6:  {Name: "pim.originator_ip6", Label: "Originator", Kind: KindIPv6},
	pimFragTag:        {Name: "pim.fragment_tag", Label: "Fragment tag", Kind: KindUint, Width: 16, Base: BaseHex},
	pimHashMaskLen:    {Name: "pim.hash_mask_len", Label: "Hash mask len", Kind: KindUint, Width: 8},
	pimBSRPriority:    {Name: "pim.bsr_priority", Label: "BSR priority", Kind: KindUint, Width: 8},
	pimRPCount:        {Name: "pim.rp_count", Label: "RP count", Kind: KindUint, Width: 8},
	pimFRPCount:       {Name: "pim.frp_count", Label: "FRP count", Kind: KindUint, Width: 8},
	pimPriority:       {Name: "pim.priority", Label: "Priority", Kind: KindUint, Width: 8},
	pimPrefixCount:    {Name: "pim.prefix_count", Label: "Prefix-count", Kind: KindUint, Width: 8},
	pimMaskLen:        {Name: "pim.mask_len", Label: "Masklen", Kind: KindUint, Width: 8},
	pimTTL:            {Name: "pim.ttl", Label: "TTL", Kind: KindUint, Width: 8},
	pimInterval:       {Name: "pim.interval", Label: "Interval", Kind: KindUint, Width: 8},
	pimAddrAF:         {Name: "pim.addr_address_family", Label: "Address Family", Kind: KindUint, Width: 8},
	pimAddrET:         {Name: "pim.addr_encoding_type", Label: "Encoding Type", Kind: KindUint, Width: 8},
	pimUnicast:        {Name: "pim.unicast", Label: "Unicast", Kind: KindIPv4},
	pimUnicastIP6:     {Name: "pim.unicast_ipv6", Label: "Unicast", Kind: KindIPv6},
	pimGroupSet:       {Name: "pim.group_set", Label: "Group", Kind: KindString},
	pimGroupFlags:     {Name: "pim.group_addr.flags", Label: "Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	pimGroupFlagsB:    {Name: "pim.group_addr.flags.b", Label: "Bidirectional PIM", Kind: KindBool, Width: 8, Mask: 0x80},
	pimGroupFlagsRes:  {Name: "pim.group_addr.flags.reserved", Label: "Reserved", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x7e},
	pimGroupFlagsZ:    {Name: "pim.group_addr.flags.z", Label: "Admin Scope Zone", Kind: KindBool, Width: 8, Mask: 0x01},
	pimSourceFlags:    {Name: "pim.source_addr.flags", Label: "Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	pimSourceFlagsRes: {Name: "pim.source_addr.flags.reserved", Label: "Reserved", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xf8},
	pimSourceFlagsS:   {Name: "pim.source_addr.flags.s", Label: "Sparse", Kind: KindBool, Width: 8, Mask: 0x04},
	pimSourceFlagsW:   {Name: "pim.source_addr.flags.w", Label: "WildCard", Kind: KindBool, Width: 8, Mask: 0x02},
	pimSourceFlagsR:   {Name: "pim.source_addr.flags.r", Label: "Rendezvous Point Tree", Kind: KindBool, Width: 8, Mask: 0x01},
}

var protoPIM = protoField("pim", "Protocol Independent Multicast")

// emitPIM emits the message's fields in the order tshark adds them, up to
// where its dissector stops.
func emitPIM(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoPIM)
	w := pimWalker{d: d, i: i, b: d.data[l.Start:l.End], rep: pimReported(d, i, l), e: e}
	if e.Tree() {
		// A first walk counts the Hello options: tshark appends the
		// count to the line above them once it has walked them all.
		pre := pimWalker{d: d, i: i, b: w.b, rep: w.rep}
		pre.walk()
		w.opts = -1
		if !pre.cut {
			w.opts = pre.opts
		}
	}
	w.walk()
	e.End()
}

// pimTypeName returns Wireshark's name of a version-2 message type.
func pimTypeName(typ uint8) string {
	return pimFields[pimType].ValueNames().Name(uint64(typ))
}

// appendPIMProto appends the Protocol column: "PIMv2".
func appendPIMProto(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.End == l.Start {
		return append(b, "PIM"...)
	}
	b = append(b, "PIMv"...)
	return appendUint(b, uint64(d.data[l.Start]>>4))
}

// infoPIM appends the Info column: the message type ("Hello"), "Unknown"
// for a version other than 2.
func infoPIM(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.End == l.Start {
		return b
	}
	v := d.data[l.Start]
	if v>>4 != 2 {
		return append(b, "Unknown"...)
	}
	if n := pimTypeName(v & 15); n != "" {
		return append(b, n...)
	}
	b = append(b, "Unknown ("...)
	b = appendUint(b, uint64(v&15))
	return append(b, ')')
}

// pimLocksColumns reports whether the PIM message at layer i keeps the
// Protocol and Info columns from the packet it carries, as a version-2
// Register does in Wireshark.
func pimLocksColumns(d *Decoder, i int) bool {
	l := &d.layers[i]
	return l.End > l.Start && d.data[l.Start] == 2<<4|PIMRegister
}
