package decode

import "strconv"

// BGP is the payload of a TCP segment to or from port 179 that starts with
// a BGP message (RFC 4271): one or more messages, each a 19-byte header
// (a marker of sixteen 0xff bytes, a length, a type) and its body. Only
// the messages wholly inside the segment are decoded: tshark reassembles a
// message split across segments, rawcap does not (yet), so a message cut
// by the segment's end is left undrawn.
type BGP []byte

const (
	bgpPort      = 179
	bgpHeaderLen = 19
	bgpMaxLen    = 4096 // without the extended message capability
)

// BGP message types.
const (
	BGPOpen         = 1
	BGPUpdate       = 2
	BGPNotification = 3
	BGPKeepalive    = 4
	BGPRouteRefresh = 5
)

// bgpMarker reports whether b starts with the all-ones marker.
func bgpMarker(b []byte) bool {
	if len(b) < 16 {
		return false
	}
	for _, c := range b[:16] {
		if c != 0xff {
			return false
		}
	}
	return true
}

// ParseBGP returns the BGP messages at the start of b: the first must have
// its marker and a length from 19 on.
func ParseBGP(b []byte) (BGP, error) {
	if len(b) < bgpHeaderLen {
		return nil, ReasonTruncated
	}
	if !bgpMarker(b) || be16(b[16:]) < bgpHeaderLen {
		return nil, ReasonBadHdrLen
	}
	return BGP(b[:len(b):len(b)]), nil
}

// NextMessage returns the whole message at off and the offset of the
// next; ok is false at the end, at a message cut short and at bytes that
// are not a message.
func (m BGP) NextMessage(off int) (msg []byte, next int, ok bool) {
	if off+bgpHeaderLen > len(m) || !bgpMarker(m[off:]) {
		return nil, len(m), false
	}
	n := int(be16(m[off+16:]))
	if n < bgpHeaderLen || off+n > len(m) {
		return nil, len(m), false
	}
	return m[off : off+n : off+n], off + n, true
}

// Start returns the offset of the first message: 0, or, in a segment that
// starts inside a message (a continuation), where the first marker is, as
// tshark looks for it.
func (m BGP) Start() int {
	if bgpMarker(m) {
		return 0
	}
	for k := 1; k+bgpHeaderLen <= len(m); k++ {
		if m[k] == 0xff && bgpMarker(m[k:]) {
			return k
		}
	}
	return len(m)
}

// bgpHeaderCut reports whether bytes are left at off, too few for a
// message's header.
func bgpHeaderCut(m BGP, off int) bool { return off < len(m) && off+bgpHeaderLen > len(m) }

func (d *Decoder) decodeBGP(l *Layer) LayerType {
	b := d.bytes(l)
	if _, err := ParseBGP(b); err != nil {
		if k := BGP(b).Start(); k == 0 || k+bgpHeaderLen > len(b) {
			// Not a message's start, and no message after the bytes
			// of one (a segment of a longer message): data.
			return l.asData()
		}
	}
	l.Payload = l.End
	return LayerNone
}

// The fields, as Wireshark registers them.
const (
	bgpMarkerF = iota
	bgpLength
	bgpType
	bgpOpenVersion
	bgpOpenMyAS
	bgpOpenHoldTime
	bgpOpenIdentifier
	bgpOpenOptLen
	bgpOpenParamType
	bgpOpenParamLen
	bgpCapType
	bgpCapLength
	bgpCapMPAFI
	bgpCapReserved
	bgpCapMPSAFI
	bgpCap4AS
	bgpWithdrawnLen
	bgpWithdrawnPrefix
	bgpPathAttrsLen
	bgpAttrFlags
	bgpAttrFlagsOptional
	bgpAttrFlagsTransitive
	bgpAttrFlagsPartial
	bgpAttrFlagsExtLen
	bgpAttrFlagsUnused
	bgpAttrType
	bgpAttrLength
	bgpAttrOrigin
	bgpASPathSegType
	bgpASPathSegLen
	bgpASPathAS2
	bgpASPathAS4
	bgpAttrNextHop
	bgpAttrMED
	bgpAttrLocalPref
	bgpNLRIPrefix
	bgpNotifyMajor
	bgpNotifyMinor
	bgpNotifyMinorOpen
	bgpNotifyMinorUpdate
	bgpNotifyMinorExpired
	bgpNotifyMinorState
	bgpNotifyMinorCease
	bgpNotifyMinorCapability
	bgpNotifyMinorUnknown
	bgpRRAFI
	bgpRRSubtype
	bgpRRSAFI
	bgpOpenOpt
	bgpOpenParam
	bgpCap
	bgpUpdateWithdrawn
	bgpPathAttributes
	bgpUpdateNLRI
	bgpPathAttribute
	bgpASPathSegment
	bgpPrefixLength
	bgpCapGRTimers
	bgpCapGRRestart
	bgpCapGRNotify
	bgpCapGRTime
	bgpCapGRAFI
	bgpCapGRSAFI
	bgpCapGRFlag
	bgpCapGRFlagPFS
	bgpCapFQDNHostLen
	bgpCapFQDNHost
	bgpCapFQDNDomainLen
	bgpCapFQDNDomain
	bgpAttrAIGP
	bgpAIGPType
	bgpAIGPLength
	bgpAIGPMetric
	bgpAttrSetOriginAS
	bgpCapAPAFI
	bgpCapAPSAFI
	bgpCapAPSendReceive
	bgpCapUnknown
	bgpAttrOriginatorID
	bgpClusterList
	bgpClusterID
	bgpLargeCommunities
	bgpLargeGA
	bgpLargeLDP1
	bgpLargeLDP2
	bgpExtCommunities
	bgpExtCommunity
	bgpExtComType
	bgpExtComTypeAuth
	bgpExtComTypeTran
	bgpExtComStypeTrAS2
	bgpExtComStypeNtrAS2
	bgpExtComStypeNtrOpaque
	bgpExtComValueAS2
	bgpExtComValueAN4
	bgpExtComValueLinkBW
	bgpExtComValueRaw
	bgpCommunities
	bgpCommunity
	bgpCommunityAS
	bgpCommunityValue
	bgpMPReachAFI
	bgpMPReachSAFI
	bgpMPReachNextHop
	bgpMPReachNextHopRD
	bgpMPReachNextHopIPv4
	bgpMPReachNextHopIPv6
	bgpMPReachNextHopLL
	bgpMPReachSNPA
	bgpMPReachNLRI
	bgpMPUnreachAFI
	bgpMPUnreachSAFI
	bgpMPUnreachNLRI
	bgpNLRIPathID
	bgpMPReachIPv4Prefix
	bgpMPUnreachIPv4Prefix
	bgpMPReachIPv6Prefix
	bgpMPUnreachIPv6Prefix
	bgpLabelStack
	bgpRD
	bgpOriginatingAS
	bgpCommunityPrefix
	bgpOpenParamAuth
	bgpOpenParamUnknown
	bgpRROrf
	bgpRROrfFlag
	bgpRROrfType
	bgpRROrfLength
	bgpContinuation
	bgpNotifyData
	bgpNotifyCommLength
	bgpNotifyComm
	bgpFieldCount
)

var bgpFields = [bgpFieldCount]Field{
	bgpMarkerF:               {Name: "bgp.marker", Label: "Marker", Kind: KindBytes},
	bgpLength:                {Name: "bgp.length", Label: "Length", Kind: KindUint, Width: 16},
	bgpType:                  {Name: "bgp.type", Label: "Type", Kind: KindUint, Width: 8},
	bgpOpenVersion:           {Name: "bgp.open.version", Label: "Version", Kind: KindUint, Width: 8},
	bgpOpenMyAS:              {Name: "bgp.open.myas", Label: "My AS", Kind: KindUint, Width: 16},
	bgpOpenHoldTime:          {Name: "bgp.open.holdtime", Label: "Hold Time", Kind: KindUint, Width: 16},
	bgpOpenIdentifier:        {Name: "bgp.open.identifier", Label: "BGP Identifier", Kind: KindIPv4},
	bgpOpenOptLen:            {Name: "bgp.open.opt.len", Label: "Optional Parameters Length", Kind: KindUint, Width: 8},
	bgpOpenParamType:         {Name: "bgp.open.opt.param.type", Label: "Parameter Type", Kind: KindUint, Width: 8},
	bgpOpenParamLen:          {Name: "bgp.open.opt.param.len", Label: "Parameter Length", Kind: KindUint, Width: 8},
	bgpCapType:               {Name: "bgp.cap.type", Label: "Type", Kind: KindUint, Width: 8},
	bgpCapLength:             {Name: "bgp.cap.length", Label: "Length", Kind: KindUint, Width: 8},
	bgpCapMPAFI:              {Name: "bgp.cap.mp.afi", Label: "AFI", Kind: KindUint, Width: 16},
	bgpCapReserved:           {Name: "bgp.cap.reserved", Label: "Reserved", Kind: KindBytes},
	bgpCapMPSAFI:             {Name: "bgp.cap.mp.safi", Label: "SAFI", Kind: KindUint, Width: 8},
	bgpCap4AS:                {Name: "bgp.cap.4as", Label: "AS Number", Kind: KindUint, Width: 32},
	bgpWithdrawnLen:          {Name: "bgp.update.withdrawn_routes.length", Label: "Withdrawn Routes Length", Kind: KindUint, Width: 16},
	bgpWithdrawnPrefix:       {Name: "bgp.withdrawn_prefix", Label: "Withdrawn prefix", Kind: KindIPv4},
	bgpPathAttrsLen:          {Name: "bgp.update.path_attributes.length", Label: "Total Path Attribute Length", Kind: KindUint, Width: 16},
	bgpAttrFlags:             {Name: "bgp.update.path_attribute.flags", Label: "Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	bgpAttrFlagsOptional:     {Name: "bgp.update.path_attribute.flags.optional", Label: "Optional", Kind: KindBool, Width: 8, Mask: 0x80},
	bgpAttrFlagsTransitive:   {Name: "bgp.update.path_attribute.flags.transitive", Label: "Transitive", Kind: KindBool, Width: 8, Mask: 0x40},
	bgpAttrFlagsPartial:      {Name: "bgp.update.path_attribute.flags.partial", Label: "Partial", Kind: KindBool, Width: 8, Mask: 0x20},
	bgpAttrFlagsExtLen:       {Name: "bgp.update.path_attribute.flags.extended_length", Label: "Extended-Length", Kind: KindBool, Width: 8, Mask: 0x10},
	bgpAttrFlagsUnused:       {Name: "bgp.update.path_attribute.flags.unused", Label: "Unused", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x0f},
	bgpAttrType:              {Name: "bgp.update.path_attribute.type_code", Label: "Type Code", Kind: KindUint, Width: 8},
	bgpAttrLength:            {Name: "bgp.update.path_attribute.length", Label: "Length", Kind: KindUint, Width: 16},
	bgpAttrOrigin:            {Name: "bgp.update.path_attribute.origin", Label: "Origin", Kind: KindUint, Width: 8},
	bgpASPathSegType:         {Name: "bgp.update.path_attribute.as_path_segment.type", Label: "Segment type", Kind: KindUint, Width: 8},
	bgpASPathSegLen:          {Name: "bgp.update.path_attribute.as_path_segment.length", Label: "Segment length (number of ASN)", Kind: KindUint, Width: 8},
	bgpASPathAS2:             {Name: "bgp.update.path_attribute.as_path_segment.as2", Label: "AS2", Kind: KindUint, Width: 16},
	bgpASPathAS4:             {Name: "bgp.update.path_attribute.as_path_segment.as4", Label: "AS4", Kind: KindUint, Width: 32},
	bgpAttrNextHop:           {Name: "bgp.update.path_attribute.next_hop", Label: "Next hop", Kind: KindIPv4},
	bgpAttrMED:               {Name: "bgp.update.path_attribute.multi_exit_disc", Label: "Multiple exit discriminator", Kind: KindUint, Width: 32},
	bgpAttrLocalPref:         {Name: "bgp.update.path_attribute.local_pref", Label: "Local preference", Kind: KindUint, Width: 32},
	bgpNLRIPrefix:            {Name: "bgp.nlri_prefix", Label: "NLRI prefix", Kind: KindIPv4},
	bgpNotifyMajor:           {Name: "bgp.notify.major_error", Label: "Major error Code", Kind: KindUint, Width: 8},
	bgpNotifyMinor:           {Name: "bgp.notify.minor_error", Label: "Minor error Code (Message Header)", Kind: KindUint, Width: 8},
	bgpNotifyMinorOpen:       {Name: "bgp.notify.minor_error_open", Label: "Minor error Code (Open Message)", Kind: KindUint, Width: 8},
	bgpNotifyMinorUpdate:     {Name: "bgp.notify.minor_error_update", Label: "Minor error Code (Update Message)", Kind: KindUint, Width: 8},
	bgpNotifyMinorExpired:    {Name: "bgp.notify.minor_error_expired", Label: "Minor error Code (Hold Timer Expired)", Kind: KindUint, Width: 8},
	bgpNotifyMinorState:      {Name: "bgp.notify.minor_error_state", Label: "Minor error Code (State Machine)", Kind: KindUint, Width: 8},
	bgpNotifyMinorCease:      {Name: "bgp.notify.minor_error_cease", Label: "Minor error Code (Cease)", Kind: KindUint, Width: 8},
	bgpNotifyMinorCapability: {Name: "bgp.notify.minor_error_capability", Label: "Minor error Code (Capability Message)", Kind: KindUint, Width: 8},
	bgpNotifyMinorUnknown:    {Name: "bgp.notify.minor_error_unknown", Label: "Minor error Code (Unknown)", Kind: KindUint, Width: 8},
	bgpRRAFI:                 {Name: "bgp.route_refresh.afi", Label: "Address family identifier (AFI)", Kind: KindUint, Width: 16},
	bgpRRSubtype:             {Name: "bgp.route_refresh.subtype", Label: "Subtype", Kind: KindUint, Width: 8},
	bgpRRSAFI:                {Name: "bgp.route_refresh.safi", Label: "Subsequent address family identifier (SAFI)", Kind: KindUint, Width: 8},
	bgpOpenOpt:               {Name: "bgp.open.opt", Label: "Optional Parameters", Kind: KindNone},
	bgpOpenParam:             {Name: "bgp.open.opt.param", Label: "Optional Parameter", Kind: KindNone},
	bgpCap:                   {Name: "bgp.cap", Label: "Capability", Kind: KindNone},
	bgpUpdateWithdrawn:       {Name: "bgp.update.withdrawn_routes", Label: "Withdrawn Routes", Kind: KindNone},
	bgpPathAttributes:        {Name: "bgp.update.path_attributes", Label: "Path attributes", Kind: KindNone},
	bgpUpdateNLRI:            {Name: "bgp.update.nlri", Label: "Network Layer Reachability Information (NLRI)", Kind: KindNone},
	bgpPathAttribute:         {Name: "bgp.update.path_attribute", Label: "Path Attribute", Kind: KindNone},
	bgpASPathSegment:         {Name: "bgp.update.path_attribute.as_path_segment", Label: "AS Path segment", Kind: KindNone},
	bgpPrefixLength:          {Name: "bgp.prefix_length", Label: "Prefix Length", Kind: KindUint, Width: 8},
	bgpCapGRTimers:           {Name: "bgp.cap.gr.timers", Label: "Restart Timers", Kind: KindUint, Width: 16, Base: BaseHex},
	bgpCapGRRestart:          {Name: "bgp.cap.gr.timers.restart_flag", Label: "Restart state", Kind: KindBool, Width: 16, Mask: 0x8000},
	bgpCapGRNotify:           {Name: "bgp.cap.gr.timers.notification_flag", Label: "Graceful notification", Kind: KindBool, Width: 16, Mask: 0x4000},
	bgpCapGRTime:             {Name: "bgp.cap.gr.timers.restart_time", Label: "Time", Kind: KindUint, Width: 16, Mask: 0x0fff},
	bgpCapGRAFI:              {Name: "bgp.cap.gr.afi", Label: "AFI", Kind: KindUint, Width: 16},
	bgpCapGRSAFI:             {Name: "bgp.cap.gr.safi", Label: "SAFI", Kind: KindUint, Width: 8},
	bgpCapGRFlag:             {Name: "bgp.cap.gr.flag", Label: "Flag", Kind: KindUint, Width: 8, Base: BaseHex},
	bgpCapGRFlagPFS:          {Name: "bgp.cap.gr.flag.pfs", Label: "Preserve forwarding state", Kind: KindBool, Width: 8, Mask: 0x80},
	bgpCapFQDNHostLen:        {Name: "bgp.cap.orf.fqdn.hostname.len", Label: "Hostname Length", Kind: KindUint, Width: 8},
	bgpCapFQDNHost:           {Name: "bgp.cap.orf.fqdn.hostname", Label: "Hostname", Kind: KindString},
	bgpCapFQDNDomainLen:      {Name: "bgp.cap.orf.fqdn.domain_name.len", Label: "Domain Name Length", Kind: KindUint, Width: 8},
	bgpCapFQDNDomain:         {Name: "bgp.cap.orf.fqdn.domain_name", Label: "Domain Name", Kind: KindString},
	bgpAttrAIGP:              {Name: "bgp.update.path_attribute.aigp", Label: "AIGP Attribute", Kind: KindNone},
	bgpAIGPType:              {Name: "bgp.update.attribute.aigp.type", Label: "AIGP attribute type", Kind: KindUint, Width: 8},
	bgpAIGPLength:            {Name: "bgp.update.attribute.aigp.length", Label: "AIGP TLV length", Kind: KindUint, Width: 16},
	bgpAIGPMetric:            {Name: "bgp.update.attribute.aigp.accu_igp_metric", Label: "AIGP Accumulated IGP Metric", Kind: KindUint, Width: 64},
	bgpAttrSetOriginAS:       {Name: "bgp.update.path_attribute.attr_set.origin_as", Label: "Origin AS", Kind: KindUint, Width: 32},
	bgpCapAPAFI:              {Name: "bgp.cap.ap.afi", Label: "AFI", Kind: KindUint, Width: 16},
	bgpCapAPSAFI:             {Name: "bgp.cap.ap.safi", Label: "SAFI", Kind: KindUint, Width: 8},
	bgpCapAPSendReceive:      {Name: "bgp.cap.ap.sendreceive", Label: "Send/Receive", Kind: KindUint, Width: 8},
	bgpCapUnknown:            {Name: "bgp.cap.unknown", Label: "Unknown", Kind: KindBytes},
	bgpAttrOriginatorID:      {Name: "bgp.update.path_attribute.originator_id", Label: "Originator identifier", Kind: KindIPv4},
	bgpClusterList:           {Name: "bgp.path_attribute.cluster_list", Label: "Cluster List", Kind: KindNone},
	bgpClusterID:             {Name: "bgp.path_attribute.cluster_id", Label: "Cluster ID", Kind: KindIPv4},
	bgpLargeCommunities:      {Name: "bgp.large_communities", Label: "Large communities", Kind: KindString},
	bgpLargeGA:               {Name: "bgp.large_communities.ga", Label: "Global Administrator", Kind: KindUint, Width: 32},
	bgpLargeLDP1:             {Name: "bgp.large_communities.ldp1", Label: "Local Data Part 1", Kind: KindUint, Width: 32},
	bgpLargeLDP2:             {Name: "bgp.large_communities.ldp2", Label: "Local Data Part 2", Kind: KindUint, Width: 32},
	bgpExtCommunities:        {Name: "bgp.ext_communities", Label: "Carried extended communities", Kind: KindNone},
	bgpExtCommunity:          {Name: "bgp.ext_community", Label: "Community", Kind: KindNone},
	bgpExtComType:            {Name: "bgp.ext_com.type", Label: "Type", Kind: KindUint, Width: 8, Base: BaseHex},
	bgpExtComTypeAuth:        {Name: "bgp.ext_com.type.auth", Label: "IANA Authority", Kind: KindBool, Width: 8, Mask: 0x80},
	bgpExtComTypeTran:        {Name: "bgp.ext_com.type.tran", Label: "Transitive across ASes", Kind: KindBool, Width: 8, Mask: 0x40},
	bgpExtComStypeTrAS2:      {Name: "bgp.ext_com.stype_tr_as2", Label: "Subtype (AS2)", Kind: KindUint, Width: 8, Base: BaseHex},
	bgpExtComStypeNtrAS2:     {Name: "bgp.ext_com.stype_ntr_as2", Label: "Subtype (Non-transitive AS2)", Kind: KindUint, Width: 8, Base: BaseHex},
	bgpExtComStypeNtrOpaque:  {Name: "bgp.ext_com.stype_ntr_opaque", Label: "Subtype (Non-transitive Opaque)", Kind: KindUint, Width: 8, Base: BaseHex},
	bgpExtComValueAS2:        {Name: "bgp.ext_com.value_as2", Label: "2-Octet AS", Kind: KindUint, Width: 16},
	bgpExtComValueAN4:        {Name: "bgp.ext_com.value_an4", Label: "4-Octet AN", Kind: KindUint, Width: 32},
	bgpExtComValueLinkBW:     {Name: "bgp.ext_com.value_link_bw", Label: "Link bandwidth", Kind: KindFloat, Width: 32},
	bgpExtComValueRaw:        {Name: "bgp.ext_com.value_raw", Label: "Raw Value", Kind: KindUint, Width: 48, Base: BaseHex, Digits: 16},
	bgpCommunities:           {Name: "bgp.update.path_attribute.communities", Label: "Communities", Kind: KindNone},
	bgpCommunity:             {Name: "bgp.update.path_attribute.community", Label: "Community", Kind: KindNone},
	bgpCommunityAS:           {Name: "bgp.update.path_attribute.community_as", Label: "Community AS", Kind: KindUint, Width: 16},
	bgpCommunityValue:        {Name: "bgp.update.path_attribute.community_value", Label: "Community value", Kind: KindUint, Width: 16},
	bgpMPReachAFI:            {Name: "bgp.update.path_attribute.mp_reach_nlri.afi", Label: "Address family identifier (AFI)", Kind: KindUint, Width: 16},
	bgpMPReachSAFI:           {Name: "bgp.update.path_attribute.mp_reach_nlri.safi", Label: "Subsequent address family identifier (SAFI)", Kind: KindUint, Width: 8},
	bgpMPReachNextHop:        {Name: "bgp.update.path_attribute.mp_reach_nlri.next_hop", Label: "Next hop", Kind: KindBytes},
	bgpMPReachNextHopRD:      {Name: "bgp.update.path_attribute.mp_reach_nlri.next_hop.rd", Label: "Route Distinguisher", Kind: KindString},
	bgpMPReachNextHopIPv4:    {Name: "bgp.update.path_attribute.mp_reach_nlri.next_hop.ipv4", Label: "IPv4 Address", Kind: KindIPv4},
	bgpMPReachNextHopIPv6:    {Name: "bgp.update.path_attribute.mp_reach_nlri.next_hop.ipv6", Label: "IPv6 Address", Kind: KindIPv6},
	bgpMPReachNextHopLL:      {Name: "bgp.update.path_attribute.mp_reach_nlri.next_hop.ipv6.link_local", Label: "Link-local Address", Kind: KindIPv6},
	bgpMPReachSNPA:           {Name: "bgp.update.path_attribute.mp_reach_nlri.nbr_snpa", Label: "Number of Subnetwork points of attachment (SNPA)", Kind: KindUint, Width: 8},
	bgpMPReachNLRI:           {Name: "bgp.update.path_attribute.mp_reach_nlri", Label: "Network Layer Reachability Information (NLRI)", Kind: KindNone},
	bgpMPUnreachAFI:          {Name: "bgp.update.path_attribute.mp_unreach_nlri.afi", Label: "Address family identifier (AFI)", Kind: KindUint, Width: 16},
	bgpMPUnreachSAFI:         {Name: "bgp.update.path_attribute.mp_unreach_nlri.safi", Label: "Subsequent address family identifier (SAFI)", Kind: KindUint, Width: 8},
	bgpMPUnreachNLRI:         {Name: "bgp.update.path_attribute.mp_unreach_nlri", Label: "Withdrawn Routes", Kind: KindNone},
	bgpNLRIPathID:            {Name: "bgp.nlri_path_id", Label: "NLRI path id", Kind: KindUint, Width: 32},
	bgpMPReachIPv4Prefix:     {Name: "bgp.mp_reach_nlri_ipv4_prefix", Label: "MP Reach NLRI IPv4 prefix", Kind: KindIPv4},
	bgpMPUnreachIPv4Prefix:   {Name: "bgp.mp_unreach_nlri_ipv4_prefix", Label: "MP Unreach NLRI IPv4 prefix", Kind: KindIPv4},
	bgpMPReachIPv6Prefix:     {Name: "bgp.mp_reach_nlri_ipv6_prefix", Label: "MP Reach NLRI IPv6 prefix", Kind: KindIPv6},
	bgpMPUnreachIPv6Prefix:   {Name: "bgp.mp_unreach_nlri_ipv6_prefix", Label: "MP Unreach NLRI IPv6 prefix", Kind: KindIPv6},
	bgpLabelStack:            {Name: "bgp.label_stack", Label: "Label Stack", Kind: KindString},
	bgpRD:                    {Name: "bgp.rd", Label: "Route Distinguisher", Kind: KindString},
	bgpOriginatingAS:         {Name: "bgp.originating_as", Label: "Originating AS", Kind: KindUint, Width: 32},
	bgpCommunityPrefix:       {Name: "bgp.community_prefix", Label: "Community Prefix", Kind: KindString},
	bgpOpenParamAuth:         {Name: "bgp.open.opt.param.auth", Label: "Authentication Data", Kind: KindBytes},
	bgpOpenParamUnknown:      {Name: "bgp.open.opt.param.unknown", Label: "Unknown", Kind: KindBytes},
	bgpRROrf:                 {Name: "bgp.route_refresh.orf", Label: "ORF information", Kind: KindNone},
	bgpRROrfFlag:             {Name: "bgp.route_refresh.orf.flag", Label: "ORF flag", Kind: KindUint, Width: 8},
	bgpRROrfType:             {Name: "bgp.route_refresh.orf.type", Label: "ORF type", Kind: KindUint, Width: 8},
	bgpRROrfLength:           {Name: "bgp.route_refresh.orf.length", Label: "ORF length", Kind: KindUint, Width: 8}, // two bytes, declared FT_UINT8
	bgpContinuation:          {Name: "bgp.continuation", Label: "Continuation", Kind: KindNone},
	bgpNotifyData:            {Name: "bgp.notify.minor_data", Label: "Data", Kind: KindBytes},
	bgpNotifyCommLength:      {Name: "bgp.notify.communication_length", Label: "BGP Shutdown Communication Length", Kind: KindUint, Width: 8},
	bgpNotifyComm:            {Name: "bgp.notify.communication", Label: "Shutdown Communication", Kind: KindString},
}

var protoBGP = protoField("bgp", "Border Gateway Protocol")

// bgpMinorField returns the minor error code's field for a major code.
func bgpMinorField(major uint8) int {
	switch major {
	case 1:
		return bgpNotifyMinor
	case 2:
		return bgpNotifyMinorOpen
	case 3:
		return bgpNotifyMinorUpdate
	case 4:
		return bgpNotifyMinorExpired
	case 5:
		return bgpNotifyMinorState
	case 6:
		return bgpNotifyMinorCease
	case 7:
		return bgpNotifyMinorCapability
	}
	return bgpNotifyMinorUnknown
}

// bgpASLen returns 2 or 4: the AS number size that reads an AS_PATH's
// segments to exactly its end (2 when both or neither do), as Wireshark
// guesses it when it has not seen the session's OPEN messages.
func bgpASLen(v []byte) int {
	fits := func(n int) bool {
		k := 0
		for k+2 <= len(v) {
			if v[k] < 1 || v[k] > 4 {
				return false // not a segment type
			}
			k += 2 + int(v[k+1])*n
		}
		return k == len(v)
	}
	if !fits(2) && fits(4) {
		return 4
	}
	return 2
}

// bgpPrefixes reports whether v is a list of IPv4 prefixes (length byte
// and its bytes) that ends exactly at v's end.
func bgpPrefixes(v []byte) bool {
	for k := 0; k < len(v); {
		if v[k] > 32 {
			return false
		}
		k += 1 + (int(v[k])+7)/8
		if k > len(v) {
			return false
		}
	}
	return true
}

// bgpBadPrefixAt returns the offset of the first prefix in v whose length
// is over 32, those before it whole; -1 where there is none such.
func bgpBadPrefixAt(v []byte) int {
	for k := 0; k < len(v); {
		if v[k] > 32 {
			return k
		}
		k += 1 + (int(v[k])+7)/8
	}
	return -1
}

// bgpPrefix returns the prefix at v[k:] as a 4-byte address, its length
// and the offset after it (bgpPrefixes has checked it).
func bgpPrefix(v []byte, k int) (a [4]byte, bits int, next int) {
	bits = int(v[k])
	n := (bits + 7) / 8
	copy(a[:], v[k+1:k+1+n])
	return a, bits, k + 1 + n
}

// bgpUpdateParts splits an UPDATE's body into the withdrawn routes, the
// path attributes and the NLRI; ok is false when the lengths do not fit.
func bgpUpdateParts(body []byte) (withdrawn, attrs, nlri []byte, ok bool) {
	if len(body) < 2 {
		return nil, nil, nil, false
	}
	w := int(be16(body))
	if 2+w+2 > len(body) {
		return nil, nil, nil, false
	}
	a := int(be16(body[2+w:]))
	if 4+w+a > len(body) {
		return nil, nil, nil, false
	}
	return body[2 : 2+w], body[4+w : 4+w+a], body[4+w+a:], true
}

// nextBGPAttr returns the path attribute at off: flags, type, value and
// the offset of the next; ok is false at the end or at one cut short.
func nextBGPAttr(attrs []byte, off int) (flags, typ uint8, v []byte, hdr, next int, ok bool) {
	if off+3 > len(attrs) {
		return 0, 0, nil, 0, len(attrs), false
	}
	flags, typ = attrs[off], attrs[off+1]
	hdr = 3
	n := int(attrs[off+2])
	if flags&0x10 != 0 {
		if off+4 > len(attrs) {
			return 0, 0, nil, 0, len(attrs), false
		}
		hdr = 4
		n = int(be16(attrs[off+2:]))
	}
	if off+hdr+n > len(attrs) {
		return 0, 0, nil, 0, len(attrs), false
	}
	return flags, typ, attrs[off+hdr : off+hdr+n], hdr, off + hdr + n, true
}

// emitBGP emits every whole message's fields (JSON: the first message's).
// The tree draws each message as a protocol of its own ("Border Gateway
// Protocol - OPEN Message").
func emitBGP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoBGP)
	m := BGP(d.data[l.Start:l.End])
	f := &bgpFields
	n := 0
	open := true // a bgp item is open
	stop := false
	headerCut := false
	start := m.Start()
	if start > 0 {
		// The bytes before the first marker: tshark's "Continuation".
		if e.Tree() {
			e.SetRepr(append(e.Text(), "Border Gateway Protocol"...))
		}
		e.None(&f[bgpContinuation])
		if bgpEvery(e) {
			e.End()
			e.Proto(&protoBGP)
		}
	}
	for off := start; !stop; {
		msg, next, ok := m.NextMessage(off)
		if !ok {
			// tshark reads the next message's header from bytes the
			// capture cut off: an exception.
			headerCut = bgpHeaderCut(m, off) && len(d.data) < e.wire
			break
		}
		off = next
		switch {
		case !open:
			e.Proto(&protoBGP)
			open = true
		case n > 0 && bgpEvery(e):
			// A protocol item per message, as tshark's: -V draws each, -T
			// ek writes an array of their objects. JSON, whose keys are
			// unique, keeps one object with the messages' values.
			e.End()
			e.Proto(&protoBGP)
		}
		if e.Tree() {
			e.SetRepr(appendBGPTypeName(append(e.Text(), "Border Gateway Protocol - "...), msg[18]))
		}
		n++
		e.Bytes(&f[bgpMarkerF], msg[:16])
		e.Uint(&f[bgpLength], uint64(len(msg)))
		e.Uint(&f[bgpType], uint64(msg[18]))
		body := msg[bgpHeaderLen:]
		r := bgpGoOn
		switch msg[18] {
		case BGPOpen:
			r = emitBGPOpen(e, body)
		case BGPUpdate:
			r = emitBGPUpdate(e, body)
		case BGPNotification:
			if len(body) >= 2 {
				e.Uint(&f[bgpNotifyMajor], uint64(body[0]))
				e.Uint(&f[bgpMinorField(body[0])], uint64(body[1]))
				emitBGPNotifyData(e, body)
			}
		case BGPRouteRefresh:
			if len(body) >= 4 {
				e.Uint(&f[bgpRRAFI], uint64(be16(body)))
				e.Uint(&f[bgpRRSubtype], uint64(body[2]))
				e.Uint(&f[bgpRRSAFI], uint64(body[3]))
				if !emitBGPORF(e, body[4:]) {
					r = bgpStop // the entries' fields are not written
				}
			}
		}
		switch {
		case r == bgpCut && bgpEvery(e):
			// tshark's exception ends this message's item; it reads the
			// next message. In a frame the capture cut, which of its
			// exceptions tshark names is not known: none is drawn.
			e.End()
			if len(d.data) >= e.wire {
				e.TreeException("BGP")
			}
			open = false
		case r != bgpGoOn && !e.Tree():
			stop = true // the fields after are not all written
		}
		if !e.all && !e.Tree() {
			break
		}
	}
	if open {
		if n == 0 {
			e.NoTree() // no whole message: no subtree
		}
		e.End()
	}
	if headerCut {
		e.TreeException("BGP")
	}
}

// bgpEvery reports whether every occurrence is emitted (-T fields, ek and
// the tree; JSON takes the first).
func bgpEvery(e *emitter) bool { return e.all || e.Tree() }

// emitBGPCapGR emits a Graceful Restart capability's value v (two bytes
// or more): the restart flags and time, then each address family's AFI,
// SAFI and flags. tshark notes the helper mode of one without families
// under its Length line.
func emitBGPCapGR(e *emitter, v []byte) {
	f := &bgpFields
	if len(v) == 2 {
		e.Sub()
		e.ExpertLine("Chat", "Request", "Graceful Restart Capability supported in Helper mode only", nil)
		e.Up()
	}
	t := uint64(be16(v))
	e.Uint(&f[bgpCapGRTimers], t)
	if e.Tree() {
		b := appendHex4(append(e.Text(), "Restart Timers: 0x"...), uint16(t))
		e.SetRepr(appendSetFlags(b, t, &f[bgpCapGRRestart], &f[bgpCapGRNotify]))
	}
	e.Sub()
	e.BoolBits(&f[bgpCapGRRestart], t)
	e.BoolBits(&f[bgpCapGRNotify], t)
	e.UintBits(&f[bgpCapGRTime], t)
	e.Up()
	for k := 2; k+4 <= len(v); k += 4 {
		e.Uint(&f[bgpCapGRAFI], uint64(be16(v[k:])))
		e.Uint(&f[bgpCapGRSAFI], uint64(v[k+2]))
		fl := uint64(v[k+3])
		e.Uint(&f[bgpCapGRFlag], fl)
		if e.Tree() {
			b := appendHex2(append(e.Text(), "Flag: 0x"...), uint8(fl))
			e.SetRepr(appendSetFlags(b, fl, &f[bgpCapGRFlagPFS]))
		}
		e.Sub()
		e.BoolBits(&f[bgpCapGRFlagPFS], fl)
		e.Up()
		if !bgpEvery(e) {
			return
		}
	}
}

// emitBGPPrefixLength emits a prefix's length (bgp.prefix_length), whose
// tree label tshark words by where the prefix is ("NLRI prefix length: ").
func emitBGPPrefixLength(e *emitter, label string, bits int) {
	e.Uint(&bgpFields[bgpPrefixLength], uint64(bits))
	if e.Tree() {
		e.SetRepr(strconv.AppendInt(append(e.Text(), label...), int64(bits), 10))
	}
}

// emitBGPPrefixLine adds, in a tree list, a prefix's line "10.0.0.0/8".
func emitBGPPrefixLine(e *emitter, a [4]byte, bits int) {
	if e.Tree() {
		e.Line(strconv.AppendInt(append(addr4(a[:]).AppendTo(e.Text()), '/'), int64(bits), 10))
	}
}

// emitBGPUpdate emits an UPDATE message's routes and attributes; it says
// whether it wrote them all (bgpGoOn), stopped short of tshark's fields
// (bgpStop) or met tshark's exception (bgpCut).
func emitBGPUpdate(e *emitter, body []byte) int {
	f := &bgpFields
	if len(body) < 2 || 2+int(be16(body)) > len(body) {
		return bgpStop
	}
	withdrawn := body[2 : 2+int(be16(body))]
	e.Uint(&f[bgpWithdrawnLen], uint64(len(withdrawn)))
	if len(withdrawn) > 0 {
		switch {
		case bgpAddPath(withdrawn, 32):
			e.None(&f[bgpUpdateWithdrawn])
			emitBGPPathRoutes(e, withdrawn, &f[bgpWithdrawnPrefix])
		case len(withdrawn) < 5 && !bgpPlainFits(withdrawn, 32) && len(body) > 6 && body[6] > 32:
			// Too short for ADD-PATH's test to fail: tshark reads a path
			// identifier and a length past the routes, a length too long.
			e.None(&f[bgpUpdateWithdrawn])
			if e.Tree() {
				var buf [32]byte
				arg := append(strconv.AppendUint(buf[:0], uint64(body[6]), 10), " invalid (> 32)"...)
				e.Sub()
				e.Line(append(append(e.Text(), "Withdrawn route length "...), arg...))
				e.Sub()
				e.ExpertLine("Error", "Malformed", "Withdrawn route length ", arg)
				e.Up()
				e.Up()
			}
			return bgpStop
		case !bgpPrefixes(withdrawn) && bgpBadPrefixAt(withdrawn) < 0:
			return bgpStop
		default:
			e.None(&f[bgpUpdateWithdrawn])
			e.Sub()
			bad := bgpBadPrefixAt(withdrawn)
			for k := 0; k < len(withdrawn); {
				if k == bad {
					// tshark's expert, and nothing more of the message.
					var buf [32]byte
					arg := append(strconv.AppendUint(buf[:0], uint64(withdrawn[k]), 10), " invalid (> 32)"...)
					if e.Tree() {
						e.Line(append(append(e.Text(), "Withdrawn route length "...), arg...))
						e.Sub()
						e.ExpertLine("Error", "Malformed", "Withdrawn route length ", arg)
						e.Up()
					}
					e.Up()
					return bgpStop
				}
				var more bool
				if k, more = emitBGPPrefixItem(e, withdrawn, k, "Withdrawn route prefix length: ", &f[bgpWithdrawnPrefix]); !more {
					break
				}
			}
			e.Up()
		}
	}
	_, attrs, nlri, ok := bgpUpdateParts(body)
	if !ok {
		return bgpStop
	}
	e.Uint(&f[bgpPathAttrsLen], uint64(len(attrs)))
	if len(attrs) > 0 {
		e.None(&f[bgpPathAttributes])
	}
	e.Sub()
	if r := emitBGPAttrs(e, attrs); r != bgpGoOn {
		e.Up()
		return r
	}
	e.Up()
	if len(nlri) > 0 && bgpAddPath(nlri, 32) {
		e.None(&f[bgpUpdateNLRI])
		emitBGPPathRoutes(e, nlri, &f[bgpNLRIPrefix])
		return bgpGoOn
	}
	if len(nlri) > 0 && bgpPrefixes(nlri) {
		e.None(&f[bgpUpdateNLRI])
		e.Sub()
		for k := 0; k < len(nlri); {
			var more bool
			if k, more = emitBGPPrefixItem(e, nlri, k, "NLRI prefix length: ", &f[bgpNLRIPrefix]); !more {
				break
			}
		}
		e.Up()
	}
	if len(nlri) > 0 && !bgpPrefixes(nlri) {
		return bgpStop
	}
	return bgpGoOn
}

// emitBGPPrefixItem emits the IPv4 prefix at list[k] as tshark draws a
// withdrawn route or an NLRI entry: its line, and beneath it its length
// (label) and address. It returns the next prefix's offset and whether to
// go on (bgpEvery).
func emitBGPPrefixItem(e *emitter, list []byte, k int, label string, f *Field) (int, bool) {
	a, bits, next := bgpPrefix(list, k)
	emitBGPPrefixLine(e, a, bits)
	e.Sub()
	emitBGPPrefixLength(e, label, bits)
	e.IPv4(f, a[:])
	e.Up()
	return next, bgpEvery(e)
}

// emitBGPAttrs emits the path attributes, each under its title line where
// tshark's has a summary rawcap writes; it says whether the emission went
// on, stopped or met tshark's exception (bgpGoOn, bgpStop, bgpCut).
func emitBGPAttrs(e *emitter, attrs []byte) int {
	f := &bgpFields
	for off := 0; ; {
		flags, typ, v, _, next, ok := nextBGPAttr(attrs, off)
		if !ok {
			if emitBGPAttrOverrun(e, attrs, off) {
				return bgpCut
			}
			break
		}
		off = next
		e.None(&f[bgpPathAttribute])
		if e.Tree() {
			if b, ok := appendBGPAttrTitle(e.Text(), typ, v); ok {
				e.SetRepr(b)
			} else {
				e.NoTree() // tshark's summary of it is not written
			}
		}
		e.Sub()
		emitBGPAttrHead(e, flags, typ, len(v))
		switch {
		case typ == 1 && len(v) == 1:
			e.Uint(&f[bgpAttrOrigin], uint64(v[0]))
		case typ == 2:
			n := bgpASLen(v)
			for k := 0; k+2 <= len(v); {
				cnt := int(v[k+1])
				if k+2+cnt*n > len(v) {
					e.Up()
					return bgpStop
				}
				if e.Tree() && v[k] != 2 {
					break // tshark's summary of the other segments is not drawn
				}
				e.None(&f[bgpASPathSegment])
				if e.Tree() {
					b := append(e.Text(), "AS Path segment: "...)
					for a := 0; a < cnt; a++ {
						if a > 0 {
							b = append(b, ' ')
						}
						b = strconv.AppendUint(b, bgpAS(v, k+2+a*n, n), 10)
					}
					e.SetRepr(b)
				}
				e.Sub()
				e.Uint(&f[bgpASPathSegType], uint64(v[k]))
				e.Uint(&f[bgpASPathSegLen], uint64(cnt))
				for a := 0; a < cnt; a++ {
					p := k + 2 + a*n
					if n == 2 {
						e.Uint(&f[bgpASPathAS2], uint64(be16(v[p:])))
					} else {
						e.Uint(&f[bgpASPathAS4], uint64(be32(v[p:])))
					}
				}
				e.Up()
				k += 2 + cnt*n
			}
		case typ == 3 && len(v) == 4:
			e.IPv4(&f[bgpAttrNextHop], v)
		case typ == 3:
			emitBGPBadLength(e, "Next hop (invalid)", len(v))
		case typ == 10 && len(v)%4 != 0:
			emitBGPBadLength(e, "Cluster list (invalid)", len(v))
		case typ == 4 && len(v) == 4:
			e.Uint(&f[bgpAttrMED], uint64(be32(v)))
		case typ == 5 && len(v) == 4:
			e.Uint(&f[bgpAttrLocalPref], uint64(be32(v)))
		case typ == 26 && bgpAIGPFits(v):
			emitBGPAIGP(e, v)
		case typ == 8 && bgpCommunitiesKnown(v):
			emitBGPCommunities(e, v)
		case typ == 9 && len(v) == 4:
			e.IPv4(&f[bgpAttrOriginatorID], v)
		case typ == 10 && len(v) > 0 && len(v)%4 == 0:
			emitBGPClusterList(e, v)
		case typ == 16 && bgpExtKnown(v):
			emitBGPExtCommunities(e, v)
		case typ == 32 && bgpLargeKnown(v):
			emitBGPLarge(e, v)
		case typ == 128 && len(v) >= 4:
			e.Uint(&f[bgpAttrSetOriginAS], uint64(be32(v)))
			if len(v) > 4 {
				e.None(&f[bgpPathAttributes])
				e.Sub()
				if r := emitBGPAttrs(e, v[4:]); r != bgpGoOn {
					e.Up()
					e.Up()
					return r
				}
				e.Up()
			}
		case (typ == 14 || typ == 15) && bgpMPState(v, typ == 14) != bgpStop:
			st := bgpMPState(v, typ == 14)
			emitBGPMP(e, v, typ == 14, st)
			if st == bgpCut {
				e.Up()
				return bgpCut
			}
		case bgpAttrOpaque(typ):
			// Fields of names of their own, not declared.
		default:
			if !e.Tree() {
				e.Up()
				return bgpStop // the other attributes' fields are not declared
			}
		}
		e.Up()
		if !bgpEvery(e) {
			break
		}
	}
	return bgpGoOn
}

// bgpAttrOpaque reports whether the path attribute typ holds only fields
// of names rawcap does not declare (atomic aggregate, aggregator),
// so that the attributes after it are emitted as tshark's.
func bgpAttrOpaque(typ uint8) bool {
	switch typ {
	case 6, 7:
		return true
	}
	return false
}

// bgpAIGPFits reports whether v is a run of whole AIGP TLVs (type, 2-byte
// length counting the header, value), the first of type 1 with its 8-byte
// metric.
func bgpAIGPFits(v []byte) bool {
	if len(v) < 11 || v[0] != 1 || be16(v[1:]) != 11 {
		return false
	}
	for k := 0; k < len(v); {
		if k+3 > len(v) {
			return false
		}
		n := int(be16(v[k+1:]))
		if n < 3 || k+n > len(v) {
			return false
		}
		k += n
	}
	return true
}

// emitBGPAIGP emits an AIGP attribute's TLVs (bgpAIGPFits has checked v):
// "AIGP Attribute: 2000" and beneath it each TLV's type, length and, for
// type 1, the accumulated metric.
func emitBGPAIGP(e *emitter, v []byte) {
	f := &bgpFields
	e.None(&f[bgpAttrAIGP])
	if e.Tree() {
		e.SetRepr(strconv.AppendUint(append(e.Text(), "AIGP Attribute: "...), be64(v[3:]), 10))
	}
	e.Sub()
	for k := 0; k < len(v); {
		n := int(be16(v[k+1:]))
		e.Uint(&f[bgpAIGPType], uint64(v[k]))
		e.Uint(&f[bgpAIGPLength], uint64(n))
		if v[k] == 1 && n == 11 {
			e.Uint(&f[bgpAIGPMetric], be64(v[k+3:]))
		}
		k += n
		if !bgpEvery(e) {
			break
		}
	}
	e.Up()
}

var bgpTypeNames = [6]string{"", "OPEN Message", "UPDATE Message", "NOTIFICATION Message", "KEEPALIVE Message", "ROUTE-REFRESH Message"}

// appendBGPTypeName appends Wireshark's name of a message type.
func appendBGPTypeName(b []byte, t uint8) []byte {
	switch {
	case int(t) < len(bgpTypeNames) && t != 0:
		return append(b, bgpTypeNames[t]...)
	case t == 6:
		return append(b, "CAPABILITY Message"...)
	case t == 128:
		return append(b, "Cisco ROUTE-REFRESH Message"...)
	}
	b = append(b, "Unknown ("...)
	b = strconv.AppendUint(b, uint64(t), 10)
	return append(b, ')')
}

// infoBGP appends tshark's Info: the whole messages' types, joined by ", ",
// each message where tshark's dissector throws an exception marked as
// tshark marks it.
func (p *ColumnsPrinter) infoBGP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	m := BGP(d.data[l.Start:l.End])
	for off, k := m.Start(), 0; ; k++ {
		msg, next, ok := m.NextMessage(off)
		if !ok {
			if bgpHeaderCut(m, off) && p.wire > 0 && p.capLen < p.wire {
				return p.appendException(b) // the capture cut the next message
			}
			return b
		}
		off = next
		if k > 0 {
			b = append(b, ", "...)
		}
		b = appendBGPTypeName(b, msg[18])
		if msg[18] == BGPOpen && bgpOpenCut(msg[bgpHeaderLen:]) || msg[18] == BGPUpdate && bgpUpdateCut(msg[bgpHeaderLen:]) {
			if p.wire > 0 && p.capLen < p.wire {
				return b // which exception tshark names is not known (emitBGP draws none)
			}
			b = append(b, "[Malformed Packet]"...)
		}
	}
}

var bgpCapNames = map[uint8]string{0: "Reserved capability", 1: "Multiprotocol extensions capability",
	2: "Route refresh capability", 3: "Cooperative route filtering capability",
	4: "Multiple routes to a destination capability", 5: "Extended Next Hop Encoding", 6: "BGP-Extended Message",
	7: "BGPsec capability", 8: "Multiple Labels capability", 9: "BGP Role", 64: "Graceful Restart capability",
	65: "Support for 4-octet AS number capability", 66: "Deprecated Dynamic Capability (Cisco)",
	67: "Support for Dynamic capability", 68: "Multisession BGP Capability", 69: "Support for Additional Paths",
	70: "Enhanced route refresh capability", 71: "Long-Lived Graceful Restart (LLGR) Capability",
	72: "CP-ORF Capability", 73: "FQDN Capability", 128: "Route refresh capability (Cisco)",
	130: "Cooperative route filtering capability (Cisco)", 131: "Multisession BGP Capability (Cisco)"}

var bgpAttrNames = [...]string{1: "ORIGIN", 2: "AS_PATH", 3: "NEXT_HOP", 4: "MULTI_EXIT_DISC", 5: "LOCAL_PREF",
	6: "ATOMIC_AGGREGATE", 7: "AGGREGATOR", 8: "COMMUNITIES", 9: "ORIGINATOR_ID", 10: "CLUSTER_LIST",
	14: "MP_REACH_NLRI", 15: "MP_UNREACH_NLRI", 16: "EXTENDED_COMMUNITIES", 17: "AS4_PATH", 18: "AS4_AGGREGATOR",
	26: "AIGP", 32: "LARGE_COMMUNITY", 128: "ATTR_SET"}

var bgpOriginNames = [3]string{"IGP", "EGP", "INCOMPLETE"}

// appendBGPAttrFlags appends Wireshark's words for an attribute's flags.
func appendBGPAttrFlags(b []byte, fl uint8) []byte {
	n := len(b)
	add := func(b []byte, s string) []byte {
		if len(b) > n {
			b = append(b, ", "...)
		}
		return append(b, s...)
	}
	if fl&0x80 != 0 {
		b = add(b, "Optional")
	}
	if fl&0x40 != 0 {
		b = add(b, "Transitive")
	}
	if fl&0x20 != 0 {
		b = add(b, "Partial")
	}
	if fl&0x10 != 0 {
		b = add(b, "Extended-Length")
	}
	if fl&0x80 == 0 {
		b = add(b, "Well-known")
	}
	if fl&0x40 == 0 {
		b = add(b, "Non-transitive")
	}
	if fl&0x20 == 0 {
		b = add(b, "Complete")
	}
	return b
}

// bgpAS returns the n-byte AS number at v[k:].
func bgpAS(v []byte, k, n int) uint64 {
	if n == 2 {
		return uint64(be16(v[k:]))
	}
	return uint64(be32(v[k:]))
}

// appendBGPAttrTitle appends "Path Attribute - ORIGIN: IGP" for the
// attributes whose summary is known; ok is false for the others.
func appendBGPAttrTitle(b []byte, typ uint8, v []byte) (_ []byte, ok bool) {
	b = append(b, "Path Attribute - "...)
	switch {
	case typ == 1 && len(v) == 1 && v[0] < 3:
		b = append(b, "ORIGIN: "...)
		b = append(b, bgpOriginNames[v[0]]...)
	case typ == 2:
		b = append(b, "AS_PATH: "...)
		if len(v) == 0 {
			return append(b, "empty"...), true
		}
		n := bgpASLen(v)
		for k := 0; k+2 <= len(v); {
			cnt := int(v[k+1])
			if k+2+cnt*n > len(v) || v[k] != 2 {
				return b, false
			}
			for a := 0; a < cnt; a++ {
				b = strconv.AppendUint(b, bgpAS(v, k+2+a*n, n), 10)
				b = append(b, ' ')
			}
			k += 2 + cnt*n
		}
	case typ == 3 && len(v) == 4:
		b = append(addr4(v).AppendTo(append(b, "NEXT_HOP: "...)), ' ')
	case typ == 3:
		b = append(b, "NEXT_HOP"...)
	case typ == 4 && len(v) == 4:
		b = strconv.AppendUint(append(b, "MULTI_EXIT_DISC: "...), uint64(be32(v)), 10)
	case typ == 5 && len(v) == 4:
		b = strconv.AppendUint(append(b, "LOCAL_PREF: "...), uint64(be32(v)), 10)
	case typ == 14 || typ == 15 || typ == 128:
		b = append(b, bgpAttrNames[typ]...)
	case typ == 26 && bgpAIGPFits(v):
		b = strconv.AppendUint(append(b, "AIGP: "...), be64(v[3:]), 10)
	case typ == 8 && bgpCommunitiesKnown(v):
		b = appendBGPCommunities(append(b, "COMMUNITIES: "...), v)
	case typ == 9 && len(v) == 4:
		b = append(addr4(v).AppendTo(append(b, "ORIGINATOR_ID: "...)), ' ')
	case typ == 10 && len(v) > 0 && len(v)%4 == 0:
		b = appendBGPClusterIDs(append(b, "CLUSTER_LIST: "...), v)
	case typ == 10 && len(v)%4 != 0:
		b = append(b, "CLUSTER_LIST"...)
	case typ == 16 && bgpExtKnown(v):
		b = append(b, "EXTENDED_COMMUNITIES"...)
	case typ == 32 && bgpLargeKnown(v):
		b = append(b, "LARGE_COMMUNITY: "...)
		for k := 0; k < len(v); k += 12 {
			if k > 0 {
				b = append(b, ' ')
			}
			b = appendBGPLarge(b, v, k)
		}
	default:
		return b, false
	}
	return b, true
}
