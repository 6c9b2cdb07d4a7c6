package decode

import "strconv"

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
	tree := e.Tree()
	m, tcp := dnsMessage(d, i)
	if tree && len(m) >= dnsHeaderLen {
		if m.Flags()&DNSFlagQR != 0 {
			e.SetRepr(append(e.Text(), dnsTitles[fl][2]...))
		} else {
			e.SetRepr(append(e.Text(), dnsTitles[fl][1]...))
		}
	}
	if l := &d.layers[i]; tcp && l.End-l.Start >= 2 {
		e.Uint(&dnsFields[dnsLength], uint64(be16(d.data[l.Start:])))
	}
	if len(m) < dnsHeaderLen {
		if !tree { // the tree shows the bare title
			emitDNSShortHeader(e, m)
		}
		e.End()
		return
	}
	flags := m.Flags()
	resp := flags&DNSFlagQR != 0
	e.Uint(&dnsFields[dnsID], uint64(m.ID()))
	if tree {
		dnsRetransExpert(e, i)
	}
	e.Uint(&dnsFields[dnsFlags], uint64(flags))
	if tree {
		e.SetRepr(appendDNSFlagsSummary(e.Text(), m))
	}
	e.Sub()
	e.Bool(&dnsFields[dnsFlagsResponse], resp)
	e.Uint(&dnsFields[dnsFlagsOpcode], uint64(m.Opcode()))
	if fl == flavorLLMNR {
		emitLLMNRFlags(e, flags)
	} else {
		if resp {
			e.Bool(&dnsFields[dnsFlagsAuthoritative], flags&DNSFlagAA != 0)
		}
		e.Bool(&dnsFields[dnsFlagsTruncated], flags&DNSFlagTC != 0)
		e.Bool(&dnsFields[dnsFlagsRecdesired], flags&DNSFlagRD != 0)
		if resp {
			e.Bool(&dnsFields[dnsFlagsRecavail], flags&DNSFlagRA != 0)
		}
		e.Bool(&dnsFields[dnsFlagsZ], flags&DNSFlagZ != 0)
		if resp || flags&DNSFlagAD != 0 {
			e.Bool(&dnsFields[dnsFlagsAuthenticated], flags&DNSFlagAD != 0) // a query's AD bit only when set
			if tree {
				// Wireshark words a response's bit and a query's
				// ("AD bit") differently.
				b := appendBitDrawing(e.Text(), uint64(flags), 16, DNSFlagAD)
				switch {
				case !resp:
					b = append(b, " = AD bit: Set"...)
				case flags&DNSFlagAD != 0:
					b = append(b, " = Answer authenticated: Answer/authority portion was authenticated by the server"...)
				default:
					b = append(b, " = Answer authenticated: Answer/authority portion was not authenticated by the server"...)
				}
				e.SetRepr(b)
			}
		}
		e.Bool(&dnsFields[dnsFlagsCheckdisable], flags&DNSFlagCD != 0)
		if resp {
			e.Uint(&dnsFields[dnsFlagsRcode], uint64(m.RCode()))
		}
	}
	e.Up()
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
	if !tree {
		emitDNSFirsts(e, m, fl)
	}
	if emitDNSSections(e, m, fl, off) || tree {
		emitDNSLink(e, i)
	}
	e.End()
}

// emitDNSFirsts emits the JSON-only copies of the first question and the
// first A, AAAA and CNAME answers.
func emitDNSFirsts(e *emitter, m DNS, fl dnsFlavor) {
	off := dnsHeaderLen
	e.JSONOnly(true)
	if q, _, ok := m.Question(off); ok && m.QDCount() > 0 {
		emitDNSName(e, &dnsFields[dnsQryName], m, q.Name)
		e.Uint(&dnsFields[dnsQryType], uint64(q.Type))
		e.Uint(&dnsFields[dnsQryClass], uint64(fl.class(q.Class)))
	}
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
		if m.nameDamaged(r.Name) {
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
	e.JSONOnly(false)
}

// emitDNSSections emits the questions and the three sections of records,
// from off. It reports false when a question ends the walk (nothing after
// it is shown). Every output stops at a question or record whose name is
// cut short or holds a bad label, where Wireshark's name walk throws.
func emitDNSSections(e *emitter, m DNS, fl dnsFlavor, off int) bool {
	tree := e.Tree()
	op := m.Opcode()
	if m.QDCount() > 0 {
		e.Group(&dnsQueries)
		if tree {
			if op == 5 {
				e.SetRepr(append(e.Text(), "Zone"...))
			} else {
				e.SetRepr(append(e.Text(), "Queries"...))
			}
		}
		e.Sub()
		ok := true
		for range m.QDCount() {
			var q DNSQuestion
			if q, off, ok = m.Question(off); !ok {
				break
			}
			if m.nameDamaged(q.Name) {
				ok = false
				break
			}
			e.Item()
			if tree {
				b, _ := m.AppendName(e.Text(), q.Name)
				b = append(b, ": type "...)
				b = appendDNSTypeShort(b, q.Type)
				b = append(b, ", class "...)
				b = appendTreeClass(b, fl.class(q.Class))
				if fl == flavorMDNS {
					if q.Class&mdnsClassTop != 0 {
						b = append(b, `, "QU" question`...)
					} else {
						b = append(b, `, "QM" question`...)
					}
				}
				e.SetRepr(b)
			}
			e.Sub()
			b, _ := m.AppendName(e.Text(), q.Name)
			nameLen := len(b) - len(e.Text())
			e.TextDone(&dnsFields[dnsQryName], b)
			labels := 0
			it := m.Name(q.Name)
			for _, ok := it.Next(); ok; _, ok = it.Next() {
				labels++
			}
			if labels == 0 {
				nameLen, labels = 6, 1 // Wireshark counts "<Root>" as one label
			}
			if string(b[len(b)-nameLen:]) == "<Name too long>" {
				labels = 1 // Wireshark gives up on the name and counts it as one label
			}
			e.Uint(&dnsFields[dnsQryNameLen], uint64(nameLen))
			e.Uint(&dnsFields[dnsCountLabels], uint64(labels))
			e.Uint(&dnsFields[dnsQryType], uint64(q.Type))
			e.Uint(&dnsFields[dnsQryClass], uint64(fl.class(q.Class)))
			if fl == flavorMDNS {
				if tree {
					e.SetRepr(appendMDNSClass(e.Text(), q.Class))
				}
				e.Bool(&dnsFields[dnsQryQu], q.Class&mdnsClassTop != 0)
			}
			e.Up()
			e.End()
		}
		e.Up()
		e.End()
		if !ok {
			return false
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
		if tree {
			label := sec.group.Label
			if op == 5 {
				switch sec.group {
				case &dnsAnswers:
					label = "Prerequisites"
				case &dnsAuthorities:
					label = "Updates"
				}
			}
			e.SetRepr(append(e.Text(), label...))
		}
		e.Sub()
		ok := true
		for range sec.n {
			var r DNSRecord
			if r, off, ok = m.Record(off); !ok {
				break
			}
			if m.nameDamaged(r.Name) {
				ok = false
				break
			}
			emitDNSRecord(e, m, r, fl)
		}
		e.Up()
		e.End()
		if !ok {
			break
		}
	}
	return true
}

// dnsRetransExpert draws under the Transaction ID line, as tshark does,
// the warning that the message of layer i is a copy, naming the first.
func dnsRetransExpert(e *emitter, i int) {
	q := e.conv.link(i)
	if q == nil || q.request != 0 {
		return
	}
	msg, frame := "DNS query retransmission. Original request in frame ", q.retransRequest
	if frame == 0 {
		msg, frame = "DNS response retransmission. Original response in frame ", q.retransResponse
	}
	if frame == 0 {
		return
	}
	var arg [20]byte
	e.Sub()
	e.ExpertLine("Warning", "Protocol", msg, strconv.AppendInt(arg[:0], int64(frame), 10))
	e.Up()
}

// emitDNSLink emits what the connection tracker paired the message with
// (tracker_links.go): the query a response answers, the first copy of a
// message sent again, or that a response answers no query seen.
func emitDNSLink(e *emitter, i int) {
	q := e.conv.link(i)
	if q == nil {
		return
	}
	switch {
	case q.request != 0:
		e.Uint(&dnsFields[dnsResponseTo], uint64(q.request))
		e.relNstime(&dnsFields[dnsTime], q.delta)
		if e.Tree() {
			b := appendNstime(append(e.Text(), "Time: "...), q.delta)
			e.SetRepr(append(b, " seconds"...))
		}
	case q.retransRequest != 0:
		e.Uint(&dnsFields[dnsRetransmitRequestIn], uint64(q.retransRequest))
		e.Bool(&dnsFields[dnsRetransmission], true)
	case q.retransResponse != 0:
		e.Uint(&dnsFields[dnsRetransmitResponseIn], uint64(q.retransResponse))
		e.Bool(&dnsFields[dnsRetransmission], true)
	case q.unsolicited:
		e.Bool(&dnsFields[dnsUnsolicited], true)
	}
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
	tree := e.Tree()
	e.Item()
	if tree {
		e.SetRepr(appendDNSRecordSummary(e.Text(), m, r, fl))
	}
	e.Sub()
	if !emitSRVOwner(e, m, r) {
		emitDNSName(e, &dnsFields[dnsRespName], m, r.Name)
	}
	e.Uint(&dnsFields[dnsRespType], uint64(r.Type))
	data := m.RecordData(r)
	if r.Type == DNSTypeOPT {
		e.Uint(&dnsFields[dnsRrUdpPayloadSize], uint64(r.Class))
		if tree {
			e.SetRepr(strconv.AppendUint(append(e.Text(), "UDP payload size: "...), uint64(r.Class), 10))
		}
		e.Uint(&dnsFields[dnsRespExtRcode], uint64(r.TTL>>24))
		e.Uint(&dnsFields[dnsRespEdns0Version], uint64(r.TTL>>16&0xff))
		z := uint64(r.TTL & 0xffff)
		e.Uint(&dnsFields[dnsRespZ], z)
		e.Sub()
		e.BoolBits(&dnsFields[dnsRespZDo], z)
		e.UintBits(&dnsFields[dnsRespZReserved], z)
		e.Up()
		e.Uint(&dnsFields[dnsRespLen], uint64(r.Len))
		// The tree, -T fields and ek show every option; JSON the first.
		every := tree || e.all
		for k := 0; k+4 <= len(data); {
			code, n := be16(data[k:]), int(be16(data[k+2:]))
			if k+4+n > len(data) {
				break
			}
			emitEDNSOption(e, code, data[k+4:k+4+n])
			if !every {
				break
			}
			k += 4 + n
		}
		e.Up()
		e.End()
		return
	}
	e.Uint(&dnsFields[dnsRespClass], uint64(fl.class(r.Class)))
	if fl == flavorMDNS {
		if tree {
			e.SetRepr(appendMDNSClass(e.Text(), r.Class))
		}
		e.Bool(&dnsFields[dnsRespCacheFlush], r.Class&mdnsClassTop != 0)
	}
	e.Uint(&dnsFields[dnsRespTTL], uint64(r.TTL))
	if tree {
		e.SetRepr(appendTreeSeconds(append(e.Text(), "Time to live: "...), r.TTL))
	}
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
		// Every character-string, as tshark lists them, each after its
		// length: the tree draws them so; the other outputs show the
		// lengths and the strings as two arrays.
		if !tree {
			e.Group(&dnsTxtLengths)
			for k := 0; k < len(data) && k+1+int(data[k]) <= len(data); k += 1 + int(data[k]) {
				e.Uint(&dnsFields[dnsTxtLength], uint64(data[k]))
			}
			e.End()
		}
		e.Group(&dnsTxts)
		for k := 0; k < len(data) && k+1+int(data[k]) <= len(data); k += 1 + int(data[k]) {
			if tree {
				e.Uint(&dnsFields[dnsTxtLength], uint64(data[k]))
			}
			e.Bytes(&dnsFields[dnsTxt], data[k+1:k+1+int(data[k])])
		}
		e.End()
	case dnsTypeNSEC:
		emitNSEC(e, m, r)
	case 46: // RRSIG
		emitRRSIG(e, m, r)
	case DNSTypeSOA:
		n1, ok1 := m.SkipName(r.Data)
		n2, ok2 := m.SkipName(n1)
		if ok1 && ok2 && n2+20 <= r.Data+r.Len {
			emitDNSName(e, &dnsFields[dnsSoaMname], m, r.Data)
			emitDNSName(e, &dnsFields[dnsSoaRname], m, n1)
			e.Uint(&dnsFields[dnsSoaSerialNumber], uint64(be32(m[n2:])))
			for k, f := range [...]int{dnsSoaRefreshInterval, dnsSoaRetryInterval, dnsSoaExpireLimit, dnsSoaMinimumTTL} {
				v := be32(m[n2+4+4*k:])
				e.Uint(&dnsFields[f], uint64(v))
				if tree {
					b := append(e.Text(), dnsFields[f].Label...)
					e.SetRepr(appendTreeSeconds(append(b, ": "...), v))
				}
			}
		}
	}
	e.Up()
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
	dnsQryNameLen
	dnsCountLabels
	dnsRespZ
	dnsRespZReserved
	dnsLength
	dnsTxtLength
	dnsRrsigTypeCovered
	dnsRrsigAlgorithm
	dnsRrsigLabels
	dnsRrsigOriginalTTL
	dnsRrsigSignatureExpiration
	dnsRrsigSignatureInception
	dnsRrsigKeyTag
	dnsRrsigSignersName
	dnsRrsigSignature
	dnsOpt
	dnsOptCode
	dnsOptLen
	dnsOptData
	dnsOptDau // DAU, DHU, N3U in the order of their option codes
	dnsOptDhu
	dnsOptN3u
	dnsOptClientFamily
	dnsOptClientNetmask
	dnsOptClientScope
	dnsOptClientAddr4
	dnsOptClientAddr6
	dnsOptCookieClient
	dnsOptCookieServer
	dnsOptEdnsTCPKeepaliveTimeout
	dnsOptPadding
	dnsOptChainFqdn
	dnsUnsolicited
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
	dnsUnsolicited:          {Name: "dns.unsolicited", Label: "Unsolicited", Kind: KindBool, Generated: true},
	// LLMNR's flags and mDNS's top bit of the class (mdns.go).
	dnsFlagsConflict:      {Name: "dns.flags.conflict", Label: "Conflict", Kind: KindBool, Width: 16, Mask: 0x400},
	dnsFlagsTentative:     {Name: "dns.flags.tentative", Label: "Tentative", Kind: KindBool, Width: 16, Mask: 0x100},
	dnsQryQu:              {Name: "dns.qry.qu", Label: `"QU" question`, Kind: KindBool, Width: 16, Mask: 0x8000},
	dnsRespCacheFlush:     {Name: "dns.resp.cache_flush", Label: "Cache flush", Kind: KindBool, Width: 16, Mask: 0x8000},
	dnsNsecNextDomainName: {Name: "dns.nsec.next_domain_name", Label: "Next Domain Name", Kind: KindString},
	dnsQryNameLen:         {Name: "dns.qry.name.len", Label: "Name Length", Kind: KindUint, Width: 16, Generated: true},
	dnsCountLabels:        {Name: "dns.count.labels", Label: "Label Count", Kind: KindUint, Width: 16, Generated: true},
	dnsRespZ:              {Name: "dns.resp.z", Label: "Z", Kind: KindUint, Width: 16, Base: BaseHex},
	dnsRespZReserved:      {Name: "dns.resp.z.reserved", Label: "Reserved", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x7fff},
	dnsLength:             {Name: "dns.length", Label: "Length", Kind: KindUint, Width: 16},
	dnsTxtLength:          {Name: "dns.txt.length", Label: "TXT Length", Kind: KindUint, Width: 8},
	// An RRSIG record's data.
	dnsRrsigTypeCovered:         {Name: "dns.rrsig.type_covered", Label: "Type Covered", Kind: KindUint, Width: 16},
	dnsRrsigAlgorithm:           {Name: "dns.rrsig.algorithm", Label: "Algorithm", Kind: KindUint, Width: 8},
	dnsRrsigLabels:              {Name: "dns.rrsig.labels", Label: "Labels", Kind: KindUint, Width: 8},
	dnsRrsigOriginalTTL:         {Name: "dns.rrsig.original_ttl", Label: "Original TTL", Kind: KindUint, Width: 32},
	dnsRrsigSignatureExpiration: {Name: "dns.rrsig.signature_expiration", Label: "Signature Expiration", Kind: KindTime},
	dnsRrsigSignatureInception:  {Name: "dns.rrsig.signature_inception", Label: "Signature Inception", Kind: KindTime},
	dnsRrsigKeyTag:              {Name: "dns.rrsig.key_tag", Label: "Key Tag", Kind: KindUint, Width: 16},
	dnsRrsigSignersName:         {Name: "dns.rrsig.signers_name", Label: "Signer's name", Kind: KindString},
	dnsRrsigSignature:           {Name: "dns.rrsig.signature", Label: "Signature", Kind: KindBytes},
	// An OPT record's EDNS options.
	dnsOpt:                        {Name: "dns.opt", Label: "Option", Kind: KindNone},
	dnsOptCode:                    {Name: "dns.opt.code", Label: "Option Code", Kind: KindUint, Width: 16},
	dnsOptLen:                     {Name: "dns.opt.len", Label: "Option Length", Kind: KindUint, Width: 16},
	dnsOptData:                    {Name: "dns.opt.data", Label: "Option Data", Kind: KindBytes},
	dnsOptDau:                     {Name: "dns.opt.dau", Label: "DAU", Kind: KindUint, Width: 8},
	dnsOptDhu:                     {Name: "dns.opt.dhu", Label: "DHU", Kind: KindUint, Width: 8},
	dnsOptN3u:                     {Name: "dns.opt.n3u", Label: "N3U", Kind: KindUint, Width: 8},
	dnsOptClientFamily:            {Name: "dns.opt.client.family", Label: "Family", Kind: KindUint, Width: 16},
	dnsOptClientNetmask:           {Name: "dns.opt.client.netmask", Label: "Source Netmask", Kind: KindUint, Width: 8},
	dnsOptClientScope:             {Name: "dns.opt.client.scope", Label: "Scope Netmask", Kind: KindUint, Width: 8},
	dnsOptClientAddr4:             {Name: "dns.opt.client.addr4", Label: "Client Subnet", Kind: KindIPv4},
	dnsOptClientAddr6:             {Name: "dns.opt.client.addr6", Label: "Client Subnet", Kind: KindIPv6},
	dnsOptCookieClient:            {Name: "dns.opt.cookie.client", Label: "Client Cookie", Kind: KindBytes},
	dnsOptCookieServer:            {Name: "dns.opt.cookie.server", Label: "Server Cookie", Kind: KindBytes},
	dnsOptEdnsTCPKeepaliveTimeout: {Name: "dns.opt.edns_tcp_keepalive.timeout", Label: "Timeout", Kind: KindUint, Width: 16},
	dnsOptPadding:                 {Name: "dns.opt.padding", Label: "Padding", Kind: KindBytes},
	dnsOptChainFqdn:               {Name: "dns.opt.chain.fqdn", Label: "Closest Trust Point", Kind: KindString},
}

var protoDNS = protoField("dns", "Domain Name System")

// The groups JSON shows as arrays: the sections of a message, each record
// an object, and a TXT record's strings and their lengths.
var (
	dnsQueries     = Field{Name: "dns.queries", Label: "Queries", Shape: ShapeObjects}
	dnsAnswers     = Field{Name: "dns.answers", Label: "Answers", Shape: ShapeObjects}
	dnsAuthorities = Field{Name: "dns.authorities", Label: "Authoritative nameservers", Shape: ShapeObjects}
	dnsAdditionals = Field{Name: "dns.additionals", Label: "Additional records", Shape: ShapeObjects}
	dnsTxts        = Field{Name: "dns.txt", Shape: ShapeValues}
	dnsTxtLengths  = Field{Name: "dns.txt.length", Shape: ShapeValues}
)
