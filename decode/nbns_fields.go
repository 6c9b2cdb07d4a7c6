package decode

// The NBNS fields, as tshark 4.0 registers them, and the function that
// emits them (the -V tree is drawn from them).

const (
	nbnsID = iota
	nbnsFlags
	nbnsFlagsResponse
	nbnsFlagsOpcode
	nbnsFlagsAuthoritative
	nbnsFlagsTruncated
	nbnsFlagsRecdesired
	nbnsFlagsRecavail
	nbnsFlagsBroadcast
	nbnsFlagsRcode
	nbnsCountQueries
	nbnsCountAnswers
	nbnsCountAuthRr
	nbnsCountAddRr
	nbnsName
	nbnsType
	nbnsClass
	nbnsTTL
	nbnsDataLength
	nbnsNbFlags
	nbnsNbFlagsGroup
	nbnsNbFlagsOnt
	nbnsAddr
	nbnsNumberOfNames
	nbnsNetbiosName
	nbnsNameFlags
	nbnsNameFlagsGroup
	nbnsNameFlagsOnt
	nbnsNameFlagsDrg
	nbnsNameFlagsCnf
	nbnsNameFlagsAct
	nbnsNameFlagsPrm
	nbnsUnitID
	nbnsJumpers
	nbnsTestResult
	nbnsVersionNumber
	nbnsPeriodOfStatistics
	nbnsNumCrcs
	nbnsNumAlignmentErrors
	nbnsNumCollisions
	nbnsNumSendAborts
	nbnsNumGoodSends
	nbnsNumGoodReceives
	nbnsNumretransmits
	nbnsNumNoResourceConditions
	nbnsNumcommandBlocks
	nbnsNumpendingSessions
	nbnsMaxNumPendingSessions
	nbnsMaxTotalSessionsPossible
	nbnsSessionDataPacketSize
	nbnsData
	nbnsFieldCount
)

var nbnsFields = [nbnsFieldCount]Field{
	nbnsID:                       {Name: "nbns.id", Label: "Transaction ID", Kind: KindUint, Width: 16, Base: BaseHex},
	nbnsFlags:                    {Name: "nbns.flags", Label: "Flags", Kind: KindUint, Width: 16, Base: BaseHex},
	nbnsFlagsResponse:            {Name: "nbns.flags.response", Label: "Response", Kind: KindBool, Width: 16, Mask: 0x8000},
	nbnsFlagsOpcode:              {Name: "nbns.flags.opcode", Label: "Opcode", Kind: KindUint, Width: 16, Mask: 0x7800},
	nbnsFlagsAuthoritative:       {Name: "nbns.flags.authoritative", Label: "Authoritative", Kind: KindBool, Width: 16, Mask: 0x400},
	nbnsFlagsTruncated:           {Name: "nbns.flags.truncated", Label: "Truncated", Kind: KindBool, Width: 16, Mask: 0x200},
	nbnsFlagsRecdesired:          {Name: "nbns.flags.recdesired", Label: "Recursion desired", Kind: KindBool, Width: 16, Mask: 0x100},
	nbnsFlagsRecavail:            {Name: "nbns.flags.recavail", Label: "Recursion available", Kind: KindBool, Width: 16, Mask: 0x80},
	nbnsFlagsBroadcast:           {Name: "nbns.flags.broadcast", Label: "Broadcast", Kind: KindBool, Width: 16, Mask: 0x10},
	nbnsFlagsRcode:               {Name: "nbns.flags.rcode", Label: "Reply code", Kind: KindUint, Width: 16, Mask: 0xf},
	nbnsCountQueries:             {Name: "nbns.count.queries", Label: "Questions", Kind: KindUint, Width: 16},
	nbnsCountAnswers:             {Name: "nbns.count.answers", Label: "Answer RRs", Kind: KindUint, Width: 16},
	nbnsCountAuthRr:              {Name: "nbns.count.auth_rr", Label: "Authority RRs", Kind: KindUint, Width: 16},
	nbnsCountAddRr:               {Name: "nbns.count.add_rr", Label: "Additional RRs", Kind: KindUint, Width: 16},
	nbnsName:                     {Name: "nbns.name", Label: "Name", Kind: KindString},
	nbnsType:                     {Name: "nbns.type", Label: "Type", Kind: KindUint, Width: 16},
	nbnsClass:                    {Name: "nbns.class", Label: "Class", Kind: KindUint, Width: 16},
	nbnsTTL:                      {Name: "nbns.ttl", Label: "Time to live", Kind: KindUint, Width: 32},
	nbnsDataLength:               {Name: "nbns.data_length", Label: "Data length", Kind: KindUint, Width: 16},
	nbnsNbFlags:                  {Name: "nbns.nb_flags", Label: "Name flags", Kind: KindUint, Width: 16, Base: BaseHex},
	nbnsNbFlagsGroup:             {Name: "nbns.nb_flags.group", Label: "Name type", Kind: KindBool, Width: 16, Mask: 0x8000},
	nbnsNbFlagsOnt:               {Name: "nbns.nb_flags.ont", Label: "ONT", Kind: KindUint, Width: 16, Mask: 0x6000},
	nbnsAddr:                     {Name: "nbns.addr", Label: "Addr", Kind: KindIPv4},
	nbnsNumberOfNames:            {Name: "nbns.number_of_names", Label: "Number of names", Kind: KindUint, Width: 8},
	nbnsNetbiosName:              {Name: "nbns.netbios_name", Label: "Name", Kind: KindString},
	nbnsNameFlags:                {Name: "nbns.name_flags", Label: "Name flags", Kind: KindUint, Width: 16, Base: BaseHex},
	nbnsNameFlagsGroup:           {Name: "nbns.name_flags.group", Label: "Name type", Kind: KindBool, Width: 16, Mask: 0x8000},
	nbnsNameFlagsOnt:             {Name: "nbns.name_flags.ont", Label: "ONT", Kind: KindUint, Width: 16, Mask: 0x6000},
	nbnsNameFlagsDrg:             {Name: "nbns.name_flags.drg", Label: "Name is being deregistered", Kind: KindBool, Width: 16, Mask: 0x1000},
	nbnsNameFlagsCnf:             {Name: "nbns.name_flags.cnf", Label: "Name is in conflict", Kind: KindBool, Width: 16, Mask: 0x800},
	nbnsNameFlagsAct:             {Name: "nbns.name_flags.act", Label: "Name is active", Kind: KindBool, Width: 16, Mask: 0x400},
	nbnsNameFlagsPrm:             {Name: "nbns.name_flags.prm", Label: "Permanent node name", Kind: KindBool, Width: 16, Mask: 0x200},
	nbnsUnitID:                   {Name: "nbns.unit_id", Label: "Unit ID", Kind: KindMAC},
	nbnsJumpers:                  {Name: "nbns.jumpers", Label: "Jumpers", Kind: KindUint, Width: 8, Base: BaseHex},
	nbnsTestResult:               {Name: "nbns.test_result", Label: "Test result", Kind: KindUint, Width: 8, Base: BaseHex},
	nbnsVersionNumber:            {Name: "nbns.version_number", Label: "Version number", Kind: KindUint, Width: 16, Base: BaseHex},
	nbnsPeriodOfStatistics:       {Name: "nbns.period_of_statistics", Label: "Period of statistics", Kind: KindUint, Width: 16, Base: BaseHex},
	nbnsNumCrcs:                  {Name: "nbns.num_crcs", Label: "Number of CRCs", Kind: KindUint, Width: 16},
	nbnsNumAlignmentErrors:       {Name: "nbns.num_alignment_errors", Label: "Number of alignment errors", Kind: KindUint, Width: 16},
	nbnsNumCollisions:            {Name: "nbns.num_collisions", Label: "Number of collisions", Kind: KindUint, Width: 16},
	nbnsNumSendAborts:            {Name: "nbns.num_send_aborts", Label: "Number of send aborts", Kind: KindUint, Width: 16},
	nbnsNumGoodSends:             {Name: "nbns.num_good_sends", Label: "Number of good sends", Kind: KindUint, Width: 32},
	nbnsNumGoodReceives:          {Name: "nbns.num_good_receives", Label: "Number of good receives", Kind: KindUint, Width: 32},
	nbnsNumretransmits:           {Name: "nbns.numretransmits", Label: "Number of retransmits", Kind: KindUint, Width: 16},
	nbnsNumNoResourceConditions:  {Name: "nbns.num_no_resource_conditions", Label: "Number of no resource conditions", Kind: KindUint, Width: 16},
	nbnsNumcommandBlocks:         {Name: "nbns.numcommand_blocks", Label: "Number of command blocks", Kind: KindUint, Width: 16},
	nbnsNumpendingSessions:       {Name: "nbns.numpending_sessions", Label: "Number of pending sessions", Kind: KindUint, Width: 16},
	nbnsMaxNumPendingSessions:    {Name: "nbns.max_num_pending_sessions", Label: "Max number of pending sessions", Kind: KindUint, Width: 16},
	nbnsMaxTotalSessionsPossible: {Name: "nbns.max_total_sessions_possible", Label: "Max total sessions possible", Kind: KindUint, Width: 16},
	nbnsSessionDataPacketSize:    {Name: "nbns.session_data_packet_size", Label: "Session data packet size", Kind: KindUint, Width: 16},
	nbnsData:                     {Name: "nbns.data", Label: "Data", Kind: KindBytes},
}

// The groups JSON shows as arrays: the sections, each entry an object.
var (
	nbnsQueries     = Field{Name: "nbns.queries", Label: "Queries", Shape: ShapeObjects}
	nbnsAnswers     = Field{Name: "nbns.answers", Label: "Answers", Shape: ShapeObjects}
	nbnsAuthorities = Field{Name: "nbns.authorities", Label: "Authoritative nameservers", Shape: ShapeObjects}
	nbnsAdditionals = Field{Name: "nbns.additionals", Label: "Additional records", Shape: ShapeObjects}
	nbnsNames       = Field{Name: "nbns.names", Label: "Names", Shape: ShapeObjects}
)

// emitNBNS emits an NBNS message's fields: the header, then each question
// (name, type, class) and record (its data as NB entries, a node status
// or bytes) in the arrays "queries", "answers", "authorities" and
// "additionals". A name tshark calls illegal ends the fields.
func emitNBNS(e *emitter, i int) {
	m := nbnsMessage(e.d, i)
	e.Proto(&protoNBNS)
	defer e.End()
	if len(m) < dnsHeaderLen {
		return
	}
	tree := e.Tree()
	flags := m.Flags()
	resp := flags&DNSFlagQR != 0
	e.Uint(&nbnsFields[nbnsID], uint64(m.ID()))
	e.Uint(&nbnsFields[nbnsFlags], uint64(flags))
	if tree {
		e.SetRepr(appendNBNSFlagsSummary(e.Text(), m))
	}
	e.Sub()
	e.Bool(&nbnsFields[nbnsFlagsResponse], resp)
	e.Uint(&nbnsFields[nbnsFlagsOpcode], uint64(m.Opcode()))
	if resp {
		e.Bool(&nbnsFields[nbnsFlagsAuthoritative], flags&DNSFlagAA != 0)
	}
	e.Bool(&nbnsFields[nbnsFlagsTruncated], flags&DNSFlagTC != 0)
	e.Bool(&nbnsFields[nbnsFlagsRecdesired], flags&DNSFlagRD != 0)
	if resp {
		e.Bool(&nbnsFields[nbnsFlagsRecavail], flags&DNSFlagRA != 0)
	}
	e.Bool(&nbnsFields[nbnsFlagsBroadcast], flags&nbnsFlagB != 0)
	if resp {
		e.Uint(&nbnsFields[nbnsFlagsRcode], uint64(m.RCode()))
	}
	e.Up()
	e.Uint(&nbnsFields[nbnsCountQueries], uint64(m.QDCount()))
	e.Uint(&nbnsFields[nbnsCountAnswers], uint64(m.ANCount()))
	e.Uint(&nbnsFields[nbnsCountAuthRr], uint64(m.NSCount()))
	e.Uint(&nbnsFields[nbnsCountAddRr], uint64(m.ARCount()))
	off := dnsHeaderLen
	if m.QDCount() > 0 {
		e.Group(&nbnsQueries)
		if tree {
			e.SetRepr(append(e.Text(), "Queries"...))
		}
		e.Sub()
		for range m.QDCount() {
			q, next, ok := m.Question(off)
			if !ok {
				e.Up()
				e.End()
				return
			}
			e.Item()
			ok = emitNBNSEntry(e, m, q.Name, q.Type, q.Class, true)
			e.Up()
			e.End()
			if !ok {
				e.Up()
				e.End()
				return
			}
			off = next
		}
		e.Up()
		e.End()
	}
	for _, sec := range [...]struct {
		group *Field
		n     uint16
	}{{&nbnsAnswers, m.ANCount()}, {&nbnsAuthorities, m.NSCount()}, {&nbnsAdditionals, m.ARCount()}} {
		if sec.n == 0 {
			continue
		}
		e.Group(sec.group)
		if tree {
			e.SetRepr(append(e.Text(), sec.group.Label...))
		}
		e.Sub()
		for range sec.n {
			r, next, ok := m.Record(off)
			if !ok {
				e.Up()
				e.End()
				return
			}
			e.Item()
			ok = emitNBNSEntry(e, m, r.Name, r.Type, r.Class, false)
			if ok {
				emitNBNSRecord(e, m, r)
			}
			e.Up()
			e.End()
			if !ok {
				e.Up()
				e.End()
				return
			}
			off = next
		}
		e.Up()
		e.End()
	}
}

// emitNBNSEntry emits, inside an item, a question's or record's name and,
// for a question, its type and class; in a tree list the item's summary
// line first, and its fields a level deeper (the caller's Up ends the
// level). It reports false for a name tshark calls illegal.
func emitNBNSEntry(e *emitter, m DNS, name int, typ, class uint16, question bool) bool {
	if e.Tree() {
		b, _, ok := appendNBName(e.Text(), m, name)
		if ok {
			b = append(b, ": type "...)
			b = append(b, nbnsTypeName(typ)...)
			b = append(b, ", class "...)
			e.SetRepr(append(b, nbnsClassName(class)...))
		}
	}
	e.Sub()
	if !emitNBNSName(e, m, name, !question && typ == nbnsTypeNB) {
		return false
	}
	if question {
		if e.Tree() {
			// The tree names a question's name type; the field does not.
			b, nt, _ := appendNBName(append(e.Text(), "Name: "...), m, name)
			e.SetRepr(appendNBTypeName(b, nt))
		}
		e.Uint(&nbnsFields[nbnsType], uint64(typ))
		e.Uint(&nbnsFields[nbnsClass], uint64(class))
	}
	return true
}

// appendNBNSFlagsSummary appends the flags line of message m: "Flags:
// 0x8500, Response, Opcode: Name query, Authoritative, …".
func appendNBNSFlagsSummary(b []byte, m DNS) []byte {
	flags := m.Flags()
	resp := flags&DNSFlagQR != 0
	b = appendHex4(append(b, "Flags: 0x"...), flags)
	if resp {
		b = append(b, ", Response"...)
	}
	b = append(b, ", Opcode: "...)
	b = appendNBNSOpcode(b, m.Opcode())
	for _, f := range [...]struct {
		mask uint16
		resp bool
		name string
	}{{DNSFlagAA, true, ", Authoritative"}, {DNSFlagTC, false, ", Truncated"}, {DNSFlagRD, false, ", Recursion desired"},
		{DNSFlagRA, true, ", Recursion available"}, {nbnsFlagB, false, ", Broadcast"}} {
		if flags&f.mask != 0 && (resp || !f.resp) {
			b = append(b, f.name...)
		}
	}
	if resp {
		b = append(b, ", Reply code: "...)
		b = appendNBNSRcode(b, m.RCode())
	}
	return b
}

// emitNBNSName emits nbns.name as tshark's field holds it: with the name
// type's description in an NB record.
func emitNBNSName(e *emitter, m DNS, off int, described bool) bool {
	b, typ, ok := appendNBName(e.Text(), m, off)
	if !ok {
		return false
	}
	if described {
		b = appendNBTypeName(b, typ)
	}
	e.TextDone(&nbnsFields[nbnsName], b)
	return true
}

func emitNBNSRecord(e *emitter, m DNS, r DNSRecord) {
	tree := e.Tree()
	e.Uint(&nbnsFields[nbnsType], uint64(r.Type))
	e.Uint(&nbnsFields[nbnsClass], uint64(r.Class))
	e.Uint(&nbnsFields[nbnsTTL], uint64(r.TTL))
	if tree {
		e.SetRepr(appendDuration(append(e.Text(), "Time to live: "...), r.TTL))
	}
	e.Uint(&nbnsFields[nbnsDataLength], uint64(r.Len))
	data := m.RecordData(r)
	switch r.Type {
	case nbnsTypeNB:
		for k := 0; k+6 <= len(data); k += 6 {
			nf := be16(data[k:])
			e.Uint(&nbnsFields[nbnsNbFlags], uint64(nf))
			if tree {
				b := appendHex4(append(e.Text(), "Name flags: 0x"...), nf)
				if nf&0x8000 != 0 {
					b = append(b, ", Name type"...)
				}
				b = appendNBONT(append(b, ", ONT: "...), nf)
				b = append(b, " ("...)
				b = append(b, nbnsONTNames[nf>>13&3]...)
				if nf&0x8000 != 0 {
					b = append(b, ", group)"...)
				} else {
					b = append(b, ", unique)"...)
				}
				e.SetRepr(b)
			}
			e.Sub()
			e.Bool(&nbnsFields[nbnsNbFlagsGroup], nf&0x8000 != 0)
			e.Uint(&nbnsFields[nbnsNbFlagsOnt], uint64(nf>>13&3))
			if tree {
				e.SetRepr(appendNBONTLine(e.Text(), nf))
			}
			e.Up()
			e.IPv4(&nbnsFields[nbnsAddr], data[k+2:k+6])
			if !e.all && !tree {
				break // JSON's keys are unique: the first entry
			}
		}
	case nbnsTypeNBSTAT:
		emitNBSTAT(e, data)
	default:
		if len(data) > 0 {
			e.Bytes(&nbnsFields[nbnsData], data)
		}
	}
}

// emitNBSTAT emits a node status: the names (an array in JSON) and the
// statistics.
func emitNBSTAT(e *emitter, data []byte) {
	if len(data) < 1 {
		return
	}
	tree := e.Tree()
	n := int(data[0])
	e.Uint(&nbnsFields[nbnsNumberOfNames], uint64(n))
	k := 1
	if n > 0 {
		e.Group(&nbnsNames)
		for range n {
			if k+18 > len(data) {
				if tree { // the tree ends at a name cut short
					e.End()
					return
				}
				break
			}
			e.Item()
			e.TextDone(&nbnsFields[nbnsNetbiosName], appendNBChars(e.Text(), data[k:k+16]))
			if tree {
				b := appendNBRaw(append(e.Text(), "Name: "...), data[k:k+16])
				e.SetRepr(appendNBTypeName(b, data[k+15]))
			}
			nf := be16(data[k+16:])
			e.Uint(&nbnsFields[nbnsNameFlags], uint64(nf))
			if tree {
				b := appendHex4(append(e.Text(), "Name flags: 0x"...), nf)
				if nf&0x8000 != 0 {
					b = append(b, ", Name type"...)
				}
				b = appendNBONT(append(b, ", ONT: "...), nf)
				for _, f := range nbstatFlags {
					if nf&f.mask != 0 {
						b = append(append(b, ", "...), f.label...)
					}
				}
				e.SetRepr(b)
			}
			e.Sub()
			e.Bool(&nbnsFields[nbnsNameFlagsGroup], nf&0x8000 != 0)
			e.Uint(&nbnsFields[nbnsNameFlagsOnt], uint64(nf>>13&3))
			if tree {
				e.SetRepr(appendNBONTLine(e.Text(), nf))
			}
			e.Bool(&nbnsFields[nbnsNameFlagsDrg], nf&0x1000 != 0)
			e.Bool(&nbnsFields[nbnsNameFlagsCnf], nf&0x800 != 0)
			e.Bool(&nbnsFields[nbnsNameFlagsAct], nf&0x400 != 0)
			e.Bool(&nbnsFields[nbnsNameFlagsPrm], nf&0x200 != 0)
			e.Up()
			e.End()
			k += 18
		}
		e.End()
	}
	if k+6 > len(data) {
		return
	}
	e.MAC(&nbnsFields[nbnsUnitID], MAC(data[k:k+6]))
	k += 6
	for j, s := range nbstatStats {
		if k+s.size > len(data) {
			return
		}
		var v uint64
		switch s.size {
		case 1:
			v = uint64(data[k])
		case 2:
			v = uint64(be16(data[k:]))
		default:
			v = uint64(be32(data[k:]))
		}
		e.Uint(&nbnsFields[nbnsJumpers+j], v)
		k += s.size
	}
}
