package decode

// emitDNS emits the DNS message's fields with Wireshark's field names: the header
// (id, flags.*, count.*), the first question as qry.name/qry.type/qry.class,
// the first A, AAAA and CNAME answers as a, aaaa and cname, and every
// question and record in the arrays "queries", "answers", "authorities"
// and "additionals" (each record with resp.* and its data fields: a, aaaa,
// cname, ns, ptr.domain_name, mx.*, srv.*, txt as an array of strings,
// soa.*, and rr.udp_payload_size for OPT). A message cut short keeps the
// fields it has. Names are shown as Wireshark shows them.
func emitDNS(e *emitter, i int) {
	d := e.d
	fl := dnsFlavorOf(d, i)
	switch fl {
	case flavorMDNS:
		e.Proto(&protoMDNS)
	case flavorLLMNR:
		e.Proto(&protoLLMNR)
	default:
		e.Proto(&protoDNS)
	}
	m, _ := dnsMessage(d, i)
	if len(m) < dnsHeaderLen {
		emitDNSShortHeader(e, m)
		e.End()
		return
	}
	flags := m.Flags()
	e.Uint(&dnsFields[dnsID], uint64(m.ID()))
	e.Uint(&dnsFields[dnsFlags], uint64(flags))
	e.Bool(&dnsFields[dnsFlagsResponse], flags&DNSFlagQR != 0)
	e.Uint(&dnsFields[dnsFlagsOpcode], uint64(m.Opcode()))
	if fl == flavorLLMNR {
		emitLLMNRFlags(e, flags)
	} else {
		if flags&DNSFlagQR != 0 {
			e.Bool(&dnsFields[dnsFlagsAuthoritative], flags&DNSFlagAA != 0)
		}
		e.Bool(&dnsFields[dnsFlagsTruncated], flags&DNSFlagTC != 0)
		e.Bool(&dnsFields[dnsFlagsRecdesired], flags&DNSFlagRD != 0)
		if flags&DNSFlagQR != 0 {
			e.Bool(&dnsFields[dnsFlagsRecavail], flags&DNSFlagRA != 0)
		}
		e.Bool(&dnsFields[dnsFlagsZ], flags&DNSFlagZ != 0)
		if flags&DNSFlagQR != 0 || flags&DNSFlagAD != 0 {
			e.Bool(&dnsFields[dnsFlagsAuthenticated], flags&DNSFlagAD != 0) // a query's AD bit only when set
		}
		e.Bool(&dnsFields[dnsFlagsCheckdisable], flags&DNSFlagCD != 0)
		if flags&DNSFlagQR != 0 {
			e.Uint(&dnsFields[dnsFlagsRcode], uint64(m.RCode()))
		}
	}
	if m.Opcode() == 5 { // UPDATE names its sections differently
		e.Uint(&dnsFields[dnsCountZones], uint64(m.QDCount()))
		e.Uint(&dnsFields[dnsCountPrerequisites], uint64(m.ANCount()))
		e.Uint(&dnsFields[dnsCountUpdates], uint64(m.NSCount()))
	} else {
		e.Uint(&dnsFields[dnsCountQueries], uint64(m.QDCount()))
		e.Uint(&dnsFields[dnsCountAnswers], uint64(m.ANCount()))
		e.Uint(&dnsFields[dnsCountAuthRr], uint64(m.NSCount()))
	}
	e.Uint(&dnsFields[dnsCountAddRr], uint64(m.ARCount()))

	off := dnsHeaderLen
	// The first question and the first A, AAAA and CNAME answers again at
	// the top, for jq's .dns["qry.name"] and .dns.a: copies only JSON shows.
	e.JSONOnly(true)
	if q, _, ok := m.Question(off); ok && m.QDCount() > 0 {
		emitDNSName(e, &dnsFields[dnsQryName], m, q.Name)
		e.Uint(&dnsFields[dnsQryType], uint64(q.Type))
		e.Uint(&dnsFields[dnsQryClass], uint64(fl.class(q.Class)))
	}
	{
		o := off
		ok := true
		for range m.QDCount() {
			if _, o, ok = m.Question(o); !ok {
				break
			}
		}
		var haveA, have6, haveC bool
		for k := 0; ok && k < int(m.ANCount()); k++ {
			var r DNSRecord
			if r, o, ok = m.Record(o); !ok {
				break
			}
			if p := m.nameProblem(r.Name); p == dnsNameTruncated || p == dnsNameBadLabel {
				break
			}
			switch {
			case r.Type == DNSTypeA && r.Len == 4 && !haveA:
				haveA = true
				e.IPv4(&dnsFields[dnsA], m.RecordData(r))
			case r.Type == DNSTypeAAAA && r.Len == 16 && !have6:
				have6 = true
				e.IPv6(&dnsFields[dnsAaaa], m.RecordData(r))
			case r.Type == DNSTypeCNAME && !haveC:
				haveC = true
				emitDNSName(e, &dnsFields[dnsCname], m, r.Data)
			}
		}
	}
	e.JSONOnly(false)
	if m.QDCount() > 0 {
		e.Group(&dnsQueries)
		ok := true
		for range m.QDCount() {
			var q DNSQuestion
			if q, off, ok = m.Question(off); !ok {
				break
			}
			p := m.nameProblem(q.Name)
			if p == dnsNameTruncated || p == dnsNameBadLabel {
				ok = false
				break
			}
			e.Item()
			emitDNSName(e, &dnsFields[dnsQryName], m, q.Name)
			e.Uint(&dnsFields[dnsQryType], uint64(q.Type))
			e.Uint(&dnsFields[dnsQryClass], uint64(fl.class(q.Class)))
			if fl == flavorMDNS {
				e.Bool(&dnsFields[dnsQryQu], q.Class&mdnsClassTop != 0)
			}
			e.End()
		}
		e.End()
		if !ok {
			e.End()
			return
		}
	}
	for _, sec := range [...]struct {
		group *Field
		n     uint16
	}{{&dnsAnswers, m.ANCount()}, {&dnsAuthorities, m.NSCount()}, {&dnsAdditionals, m.ARCount()}} {
		if sec.n == 0 {
			continue
		}
		e.Group(sec.group)
		ok := true
		for range sec.n {
			var r DNSRecord
			if r, off, ok = m.Record(off); !ok {
				break
			}
			p := m.nameProblem(r.Name)
			if p == dnsNameTruncated || p == dnsNameBadLabel {
				ok = false
				break
			}
			emitDNSRecord(e, m, r, fl)
		}
		e.End()
		if !ok {
			break
		}
	}
	if q := e.conv.link(i); q != nil {
		// What the connection tracker paired the message with
		// (tracker_links.go): the query a response answers, or the
		// first copy of a message sent again.
		switch {
		case q.request != 0:
			e.Uint(&dnsFields[dnsResponseTo], uint64(q.request))
			e.relNstime(&dnsFields[dnsTime], q.delta)
		case q.retransRequest != 0:
			e.Uint(&dnsFields[dnsRetransmitRequestIn], uint64(q.retransRequest))
			e.Bool(&dnsFields[dnsRetransmission], true)
		case q.retransResponse != 0:
			e.Uint(&dnsFields[dnsRetransmitResponseIn], uint64(q.retransResponse))
			e.Bool(&dnsFields[dnsRetransmission], true)
		}
	}
	e.End()
}

// emitSRVOwner emits an SRV record's owner name as Wireshark splits it
// (srv.service, srv.proto, srv.name: srvOwnerParts).
func emitSRVOwner(e *emitter, m DNS, r DNSRecord) bool {
	if r.Type != DNSTypeSRV {
		return false
	}
	var buf [srvNameBuf]byte
	name, _ := m.AppendName(buf[:0], r.Name)
	parts, n := srvOwnerParts(name)
	for k, f := range [...]int{dnsSrvService, dnsSrvProto, dnsSrvName} {
		if k < n {
			e.TextDone(&dnsFields[f], append(e.Text(), parts[k]...))
		}
	}
	return true
}

// emitDNSShortHeader emits the header fields a message cut short still has.
func emitDNSShortHeader(e *emitter, m []byte) {
	if len(m) >= 2 {
		e.Uint(&dnsFields[dnsID], uint64(be16(m)))
	}
	if len(m) >= 4 {
		flags := be16(m[2:])
		e.Uint(&dnsFields[dnsFlags], uint64(flags))
		e.Bool(&dnsFields[dnsFlagsResponse], flags&DNSFlagQR != 0)
		e.Uint(&dnsFields[dnsFlagsOpcode], uint64(flags>>11&15))
		e.Bool(&dnsFields[dnsFlagsTruncated], flags&DNSFlagTC != 0)
		e.Bool(&dnsFields[dnsFlagsRecdesired], flags&DNSFlagRD != 0)
		e.Bool(&dnsFields[dnsFlagsZ], flags&DNSFlagZ != 0)
		e.Bool(&dnsFields[dnsFlagsCheckdisable], flags&DNSFlagCD != 0)
		if flags&DNSFlagQR != 0 {
			e.Uint(&dnsFields[dnsFlagsRcode], uint64(flags&15))
		}
	}
	for k, key := range [...]*Field{&dnsFields[dnsCountQueries], &dnsFields[dnsCountAnswers], &dnsFields[dnsCountAuthRr], &dnsFields[dnsCountAddRr]} {
		if len(m) >= 6+2*k {
			e.Uint(key, uint64(be16(m[4+2*k:])))
		}
	}
}

// emitDNSName emits the name at off as field f, as Wireshark shows it.
func emitDNSName(e *emitter, f *Field, m DNS, off int) {
	b, _ := m.AppendName(e.Text(), off)
	e.TextDone(f, b)
}

func emitDNSRecord(e *emitter, m DNS, r DNSRecord, fl dnsFlavor) {
	e.Item()
	if !emitSRVOwner(e, m, r) {
		emitDNSName(e, &dnsFields[dnsRespName], m, r.Name)
	}
	e.Uint(&dnsFields[dnsRespType], uint64(r.Type))
	data := m.RecordData(r)
	if r.Type == DNSTypeOPT {
		e.Uint(&dnsFields[dnsRrUdpPayloadSize], uint64(r.Class))
		e.Uint(&dnsFields[dnsRespExtRcode], uint64(r.TTL>>24))
		e.Uint(&dnsFields[dnsRespEdns0Version], uint64(r.TTL>>16&0xff))
		e.Bool(&dnsFields[dnsRespZDo], r.TTL&0x8000 != 0)
		e.Uint(&dnsFields[dnsRespLen], uint64(r.Len))
		e.End()
		return
	}
	e.Uint(&dnsFields[dnsRespClass], uint64(fl.class(r.Class)))
	if fl == flavorMDNS {
		e.Bool(&dnsFields[dnsRespCacheFlush], r.Class&mdnsClassTop != 0)
	}
	e.Uint(&dnsFields[dnsRespTTL], uint64(r.TTL))
	e.Uint(&dnsFields[dnsRespLen], uint64(r.Len))
	switch r.Type {
	case DNSTypeA:
		if len(data) == 4 {
			e.IPv4(&dnsFields[dnsA], data)
		}
	case DNSTypeAAAA:
		if len(data) == 16 {
			e.IPv6(&dnsFields[dnsAaaa], data)
		}
	case DNSTypeCNAME:
		emitDNSName(e, &dnsFields[dnsCname], m, r.Data)
	case DNSTypeNS:
		emitDNSName(e, &dnsFields[dnsNs], m, r.Data)
	case DNSTypePTR:
		emitDNSName(e, &dnsFields[dnsPtrDomainName], m, r.Data)
	case DNSTypeMX:
		if len(data) >= 3 {
			e.Uint(&dnsFields[dnsMxPreference], uint64(be16(data)))
			emitDNSName(e, &dnsFields[dnsMxMailExchange], m, r.Data+2)
		}
	case DNSTypeSRV:
		if len(data) >= 7 {
			e.Uint(&dnsFields[dnsSrvPriority], uint64(be16(data)))
			e.Uint(&dnsFields[dnsSrvWeight], uint64(be16(data[2:])))
			e.Uint(&dnsFields[dnsSrvPort], uint64(be16(data[4:])))
			emitDNSName(e, &dnsFields[dnsSrvTarget], m, r.Data+6)
		}
	case DNSTypeTXT:
		// Every character-string, as tshark lists them.
		e.Group(&dnsTxts)
		for k := 0; k < len(data) && k+1+int(data[k]) <= len(data); k += 1 + int(data[k]) {
			e.Bytes(&dnsFields[dnsTxt], data[k+1:k+1+int(data[k])])
		}
		e.End()
	case dnsTypeNSEC:
		emitNSEC(e, m, r)
	case DNSTypeSOA:
		n1, ok1 := m.SkipName(r.Data)
		n2, ok2 := m.SkipName(n1)
		if ok1 && ok2 && n2+20 <= r.Data+r.Len {
			emitDNSName(e, &dnsFields[dnsSoaMname], m, r.Data)
			emitDNSName(e, &dnsFields[dnsSoaRname], m, n1)
			e.Uint(&dnsFields[dnsSoaSerialNumber], uint64(be32(m[n2:])))
			e.Uint(&dnsFields[dnsSoaRefreshInterval], uint64(be32(m[n2+4:])))
			e.Uint(&dnsFields[dnsSoaRetryInterval], uint64(be32(m[n2+8:])))
			e.Uint(&dnsFields[dnsSoaExpireLimit], uint64(be32(m[n2+12:])))
			e.Uint(&dnsFields[dnsSoaMinimumTTL], uint64(be32(m[n2+16:])))
		}
	}
	e.End()
}

const (
	dnsID = iota
	dnsFlags
	dnsFlagsResponse
	dnsFlagsOpcode
	dnsFlagsAuthoritative
	dnsFlagsTruncated
	dnsFlagsRecdesired
	dnsFlagsRecavail
	dnsFlagsZ
	dnsFlagsAuthenticated
	dnsFlagsCheckdisable
	dnsFlagsRcode
	dnsCountZones
	dnsCountPrerequisites
	dnsCountUpdates
	dnsCountQueries
	dnsCountAnswers
	dnsCountAuthRr
	dnsCountAddRr
	dnsQryName
	dnsQryType
	dnsQryClass
	dnsA
	dnsAaaa
	dnsCname
	dnsSrvService
	dnsSrvProto
	dnsSrvName
	dnsRespName
	dnsRespType
	dnsRrUdpPayloadSize
	dnsRespExtRcode
	dnsRespEdns0Version
	dnsRespZDo
	dnsRespLen
	dnsRespClass
	dnsRespTTL
	dnsNs
	dnsPtrDomainName
	dnsMxPreference
	dnsMxMailExchange
	dnsSrvPriority
	dnsSrvWeight
	dnsSrvPort
	dnsSrvTarget
	dnsTxt
	dnsSoaMname
	dnsSoaRname
	dnsSoaSerialNumber
	dnsSoaRefreshInterval
	dnsSoaRetryInterval
	dnsSoaExpireLimit
	dnsSoaMinimumTTL
	dnsResponseTo
	dnsTime
	dnsRetransmitRequestIn
	dnsRetransmitResponseIn
	dnsRetransmission
	dnsFlagsConflict
	dnsFlagsTentative
	dnsQryQu
	dnsRespCacheFlush
	dnsNsecNextDomainName
	dnsFieldCount
)

var dnsFields = [dnsFieldCount]Field{
	dnsID:                 {Name: "dns.id", Label: "Transaction ID", Kind: KindUint, Width: 16, Base: BaseHex},
	dnsFlags:              {Name: "dns.flags", Label: "Flags", Kind: KindUint, Width: 16, Base: BaseHex},
	dnsFlagsResponse:      {Name: "dns.flags.response", Label: "Response", Kind: KindBool, Width: 16, Mask: 0x8000},
	dnsFlagsOpcode:        {Name: "dns.flags.opcode", Label: "Opcode", Kind: KindUint, Width: 16, Mask: 0x7800},
	dnsFlagsAuthoritative: {Name: "dns.flags.authoritative", Label: "Authoritative", Kind: KindBool, Width: 16, Mask: 0x400},
	dnsFlagsTruncated:     {Name: "dns.flags.truncated", Label: "Truncated", Kind: KindBool, Width: 16, Mask: 0x200},
	dnsFlagsRecdesired:    {Name: "dns.flags.recdesired", Label: "Recursion desired", Kind: KindBool, Width: 16, Mask: 0x100},
	dnsFlagsRecavail:      {Name: "dns.flags.recavail", Label: "Recursion available", Kind: KindBool, Width: 16, Mask: 0x80},
	dnsFlagsZ:             {Name: "dns.flags.z", Label: "Z", Kind: KindBool, Width: 16, Mask: 0x40},
	dnsFlagsAuthenticated: {Name: "dns.flags.authenticated", Label: "Answer authenticated", Kind: KindBool, Width: 16, Mask: 0x20},
	dnsFlagsCheckdisable:  {Name: "dns.flags.checkdisable", Label: "Non-authenticated data", Kind: KindBool, Width: 16, Mask: 0x10},
	dnsFlagsRcode:         {Name: "dns.flags.rcode", Label: "Reply code", Kind: KindUint, Width: 16, Mask: 0xf},
	dnsCountZones:         {Name: "dns.count.zones", Label: "Zones", Kind: KindUint, Width: 16},
	dnsCountPrerequisites: {Name: "dns.count.prerequisites", Label: "Prerequisites", Kind: KindUint, Width: 16},
	dnsCountUpdates:       {Name: "dns.count.updates", Label: "Updates", Kind: KindUint, Width: 16},
	dnsCountQueries:       {Name: "dns.count.queries", Label: "Questions", Kind: KindUint, Width: 16},
	dnsCountAnswers:       {Name: "dns.count.answers", Label: "Answer RRs", Kind: KindUint, Width: 16},
	dnsCountAuthRr:        {Name: "dns.count.auth_rr", Label: "Authority RRs", Kind: KindUint, Width: 16},
	dnsCountAddRr:         {Name: "dns.count.add_rr", Label: "Additional RRs", Kind: KindUint, Width: 16},
	dnsQryName:            {Name: "dns.qry.name", Label: "Name", Kind: KindString},
	dnsQryType:            {Name: "dns.qry.type", Label: "Type", Kind: KindUint, Width: 16},
	dnsQryClass:           {Name: "dns.qry.class", Label: "Class", Kind: KindUint, Width: 16, Base: BaseHex},
	dnsA:                  {Name: "dns.a", Label: "Address", Kind: KindIPv4},
	dnsAaaa:               {Name: "dns.aaaa", Label: "AAAA Address", Kind: KindIPv6},
	dnsCname:              {Name: "dns.cname", Label: "CNAME", Kind: KindString},
	dnsSrvService:         {Name: "dns.srv.service", Label: "Service", Kind: KindString},
	dnsSrvProto:           {Name: "dns.srv.proto", Label: "Protocol", Kind: KindString},
	dnsSrvName:            {Name: "dns.srv.name", Label: "Name", Kind: KindString},
	dnsRespName:           {Name: "dns.resp.name", Label: "Name", Kind: KindString},
	dnsRespType:           {Name: "dns.resp.type", Label: "Type", Kind: KindUint, Width: 16},
	// tshark -G says BASE_HEX, but shows and prints the size in decimal.
	dnsRrUdpPayloadSize:     {Name: "dns.rr.udp_payload_size", Label: "UDP payload size", Kind: KindUint, Width: 16, Mask: 0x7fff},
	dnsRespExtRcode:         {Name: "dns.resp.ext_rcode", Label: "Higher bits in extended RCODE", Kind: KindUint, Width: 8, Base: BaseHex},
	dnsRespEdns0Version:     {Name: "dns.resp.edns0_version", Label: "EDNS0 version", Kind: KindUint, Width: 8},
	dnsRespZDo:              {Name: "dns.resp.z.do", Label: "DO bit", Kind: KindBool, Width: 16, Mask: 0x8000},
	dnsRespLen:              {Name: "dns.resp.len", Label: "Data length", Kind: KindUint, Width: 16},
	dnsRespClass:            {Name: "dns.resp.class", Label: "Class", Kind: KindUint, Width: 16, Base: BaseHex},
	dnsRespTTL:              {Name: "dns.resp.ttl", Label: "Time to live", Kind: KindUint, Width: 32},
	dnsNs:                   {Name: "dns.ns", Label: "Name Server", Kind: KindString},
	dnsPtrDomainName:        {Name: "dns.ptr.domain_name", Label: "Domain Name", Kind: KindString},
	dnsMxPreference:         {Name: "dns.mx.preference", Label: "Preference", Kind: KindUint, Width: 16},
	dnsMxMailExchange:       {Name: "dns.mx.mail_exchange", Label: "Mail Exchange", Kind: KindString},
	dnsSrvPriority:          {Name: "dns.srv.priority", Label: "Priority", Kind: KindUint, Width: 16},
	dnsSrvWeight:            {Name: "dns.srv.weight", Label: "Weight", Kind: KindUint, Width: 16},
	dnsSrvPort:              {Name: "dns.srv.port", Label: "Port", Kind: KindUint, Width: 16},
	dnsSrvTarget:            {Name: "dns.srv.target", Label: "Target", Kind: KindString},
	dnsTxt:                  {Name: "dns.txt", Label: "TXT", Kind: KindString},
	dnsSoaMname:             {Name: "dns.soa.mname", Label: "Primary name server", Kind: KindString},
	dnsSoaRname:             {Name: "dns.soa.rname", Label: "Responsible authority's mailbox", Kind: KindString},
	dnsSoaSerialNumber:      {Name: "dns.soa.serial_number", Label: "Serial Number", Kind: KindUint, Width: 32},
	dnsSoaRefreshInterval:   {Name: "dns.soa.refresh_interval", Label: "Refresh Interval", Kind: KindUint, Width: 32},
	dnsSoaRetryInterval:     {Name: "dns.soa.retry_interval", Label: "Retry Interval", Kind: KindUint, Width: 32},
	dnsSoaExpireLimit:       {Name: "dns.soa.expire_limit", Label: "Expire limit", Kind: KindUint, Width: 32},
	dnsSoaMinimumTTL:        {Name: "dns.soa.minimum_ttl", Label: "Minimum TTL", Kind: KindUint, Width: 32},
	dnsResponseTo:           {Name: "dns.response_to", Label: "Request In", Kind: KindFrameNum, Generated: true},
	dnsTime:                 {Name: "dns.time", Label: "Time", Kind: KindRelTime, Generated: true},
	dnsRetransmitRequestIn:  {Name: "dns.retransmit_request_in", Label: "Retransmitted request. Original request in", Kind: KindFrameNum, Generated: true},
	dnsRetransmitResponseIn: {Name: "dns.retransmit_response_in", Label: "Retransmitted response. Original response in", Kind: KindFrameNum, Generated: true},
	dnsRetransmission:       {Name: "dns.retransmission", Label: "Retransmission", Kind: KindBool, Generated: true},
	// LLMNR's flags and mDNS's top bit of the class (mdns.go).
	dnsFlagsConflict:      {Name: "dns.flags.conflict", Label: "Conflict", Kind: KindBool, Width: 16, Mask: 0x400},
	dnsFlagsTentative:     {Name: "dns.flags.tentative", Label: "Tentative", Kind: KindBool, Width: 16, Mask: 0x100},
	dnsQryQu:              {Name: "dns.qry.qu", Label: `"QU" question`, Kind: KindBool, Width: 16, Mask: 0x8000},
	dnsRespCacheFlush:     {Name: "dns.resp.cache_flush", Label: "Cache flush", Kind: KindBool, Width: 16, Mask: 0x8000},
	dnsNsecNextDomainName: {Name: "dns.nsec.next_domain_name", Label: "Next Domain Name", Kind: KindString},
}

var protoDNS = protoField("dns", "Domain Name System")

// The groups JSON shows as arrays: the sections of a message, each record
// an object, and a TXT record's strings.
var (
	dnsQueries     = Field{Name: "dns.queries", Label: "Queries", Shape: ShapeObjects}
	dnsAnswers     = Field{Name: "dns.answers", Label: "Answers", Shape: ShapeObjects}
	dnsAuthorities = Field{Name: "dns.authorities", Label: "Authoritative nameservers", Shape: ShapeObjects}
	dnsAdditionals = Field{Name: "dns.additionals", Label: "Additional records", Shape: ShapeObjects}
	dnsTxts        = Field{Name: "dns.txt", Shape: ShapeValues}
)
