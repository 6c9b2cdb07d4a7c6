package decode

import "strconv"

// SNMP is an SNMP message (RFC 1157, RFC 1905, RFC 3412) in a UDP datagram
// to or from port 161 or 162: a BER SEQUENCE of the version, the community
// (v1, v2c) and one PDU. rawcap walks it as Wireshark 4.0 does for v1 and
// v2c; of SNMPv3 it shows the version.
type SNMP []byte

const (
	snmpPort       = 161
	snmpTrapPort   = 162
	snmpPatrolPort = 8161 // Wireshark's third SNMP port
)

// berTLV is one BER element's header: class, constructed bit, tag, the
// header's length and the content's.
type berTLV struct {
	cls, tag int
	pc       bool
	hdr      int
	n        int
	indef    bool
}

// readBER reads the element header at b[off:]; ok is false when the header
// is cut or its length has more than four bytes.
func readBER(b []byte, off int) (t berTLV, ok bool) {
	if off >= len(b) {
		return t, false
	}
	c := b[off]
	t.cls, t.pc, t.tag = int(c>>6), c&0x20 != 0, int(c&0x1f)
	p := off + 1
	if t.tag == 0x1f {
		t.tag = 0
		for {
			if p >= len(b) || p-off > 5 {
				return t, false
			}
			t.tag = t.tag<<7 | int(b[p]&0x7f)
			p++
			if b[p-1]&0x80 == 0 {
				break
			}
		}
	}
	if p >= len(b) {
		return t, false
	}
	l := int(b[p])
	p++
	switch {
	case l == 0x80:
		t.indef = true
	case l > 0x80:
		k := l & 0x7f
		if k > 4 || p+k > len(b) {
			return t, false
		}
		l = 0
		for _, x := range b[p : p+k] {
			l = l<<8 | int(x)
		}
		p += k
	}
	t.n, t.hdr = l, p-off
	return t, true
}

// isSNMP is Wireshark's test before it takes a UDP datagram for SNMP: a
// universal SEQUENCE no longer than the datagram, then a universal INTEGER.
func isSNMP(b []byte, reported int) bool {
	t, ok := readBER(b, 0)
	if ok && t.indef {
		t.n, ok = indefLen(b, t.hdr)
	}
	if !ok || t.cls != 0 || t.tag != 16 || t.n > reported-t.hdr {
		return false
	}
	v, ok := readBER(b, t.hdr)
	return ok && v.cls == 0 && v.tag == 2
}

// indefLen returns the length of the contents of an indefinite-length
// element that start at off: up to the end-of-contents octets, whose
// elements have definite lengths.
func indefLen(b []byte, off int) (int, bool) {
	for p := off; p+1 < len(b); {
		if b[p] == 0 && b[p+1] == 0 {
			return p - off, true
		}
		t, ok := readBER(b, p)
		if !ok || t.indef || p+t.hdr+t.n <= p {
			return 0, false
		}
		p += t.hdr + t.n
	}
	return 0, false
}

// The PDU types (the context tag of the PDU).
const (
	snmpGet = iota
	snmpGetNext
	snmpResponse
	snmpSet
	snmpTrap
	snmpGetBulk
	snmpInform
	snmpV2Trap
	snmpReport
)

// The fields, as Wireshark registers them.
const (
	snmpVersion = iota
	snmpMsgVersion
	snmpCommunity
	snmpData
	snmpGetElem
	snmpGetNextElem
	snmpResponseElem
	snmpSetElem
	snmpTrapElem
	snmpGetBulkElem
	snmpInformElem
	snmpV2TrapElem
	snmpReportElem
	snmpRequestID
	snmpErrorStatus
	snmpErrorIndex
	snmpNonRepeaters
	snmpMaxRepetitions
	snmpEnterprise
	snmpAgentAddr
	snmpGenericTrap
	snmpSpecificTrap
	snmpTimeStamp
	snmpVariableBindings
	snmpName
	snmpValueInt
	snmpValueOctets
	snmpValueOID
	snmpValueNull
	snmpValueIPv4
	snmpValueIPv6
	snmpValueAddr
	snmpValueU32
	snmpValueG32
	snmpValueUnk
	snmpValueCounter64 // before Counter32, whose field the name finds
	snmpValueCounter
	snmpValueNSAP
	snmpValueTimeticks
	snmpValueOpaque
	snmpNoSuchObject
	snmpNoSuchInstance
	snmpEndOfMibView
	snmpVarBindStr
	snmpMsgGlobalData
	snmpMsgID
	snmpMsgMaxSize
	snmpMsgFlags
	snmpFlagsReport
	snmpFlagsCrypt
	snmpFlagsAuth
	snmpMsgSecurityModel
	snmpEngineID
	snmpEngineConform
	snmpEngineBoots
	snmpEngineTime
	snmpUserName
	snmpAuthParams
	snmpPrivParams
	snmpMsgData
	snmpPlaintext
	snmpEncryptedPDU
	snmpContextEngineID
	snmpContextName
	snmpResponseIn
	snmpResponseTo
	snmpTime
	snmpFieldCount
)

func snmpNames(names ...string) *ValueNames {
	v := &ValueNames{}
	for i, n := range names {
		v.Values = append(v.Values, ValueName{uint64(i), n})
	}
	return v
}

var (
	snmpVersionNames = snmpNames("version-1", "v2c", "v2u", "snmpv3")
	snmpPDUNames     = snmpNames("get-request", "get-next-request", "get-response", "set-request", "trap",
		"getBulkRequest", "informRequest", "snmpV2-trap", "report")
	snmpErrorNames = snmpNames("noError", "tooBig", "noSuchName", "badValue", "readOnly", "genErr", "noAccess",
		"wrongType", "wrongLength", "wrongEncoding", "wrongValue", "noCreation", "inconsistentValue",
		"resourceUnavailable", "commitFailed", "undoFailed", "authorizationError", "notWritable", "inconsistentName")
	snmpGenericNames = snmpNames("coldStart", "warmStart", "linkDown", "linkUp", "authenticationFailure",
		"egpNeighborLoss", "enterpriseSpecific")
)

var snmpFields = [snmpFieldCount]Field{
	snmpVersion:          {Name: "snmp.version", Label: "version", Kind: KindInt, Width: 32, Values: snmpVersionNames},
	snmpMsgVersion:       {Name: "snmp.msgVersion", Label: "msgVersion", Kind: KindInt, Width: 32, Values: snmpVersionNames},
	snmpCommunity:        {Name: "snmp.community", Label: "community", Kind: KindString},
	snmpData:             {Name: "snmp.data", Label: "data", Kind: KindUint, Width: 32, Values: snmpPDUNames},
	snmpGetElem:          {Name: "snmp.get_request_element", Label: "get-request", Kind: KindNone},
	snmpGetNextElem:      {Name: "snmp.get_next_request_element", Label: "get-next-request", Kind: KindNone},
	snmpResponseElem:     {Name: "snmp.get_response_element", Label: "get-response", Kind: KindNone},
	snmpSetElem:          {Name: "snmp.set_request_element", Label: "set-request", Kind: KindNone},
	snmpTrapElem:         {Name: "snmp.trap_element", Label: "trap", Kind: KindNone},
	snmpGetBulkElem:      {Name: "snmp.getBulkRequest_element", Label: "getBulkRequest", Kind: KindNone},
	snmpInformElem:       {Name: "snmp.informRequest_element", Label: "informRequest", Kind: KindNone},
	snmpV2TrapElem:       {Name: "snmp.snmpV2_trap_element", Label: "snmpV2-trap", Kind: KindNone},
	snmpReportElem:       {Name: "snmp.report_element", Label: "report", Kind: KindNone},
	snmpRequestID:        {Name: "snmp.request_id", Label: "request-id", Kind: KindInt, Width: 32},
	snmpErrorStatus:      {Name: "snmp.error_status", Label: "error-status", Kind: KindInt, Width: 32, Values: snmpErrorNames},
	snmpErrorIndex:       {Name: "snmp.error_index", Label: "error-index", Kind: KindInt, Width: 32},
	snmpNonRepeaters:     {Name: "snmp.non_repeaters", Label: "non-repeaters", Kind: KindUint, Width: 32},
	snmpMaxRepetitions:   {Name: "snmp.max_repetitions", Label: "max-repetitions", Kind: KindUint, Width: 32},
	snmpEnterprise:       {Name: "snmp.enterprise", Label: "enterprise", Kind: KindOID},
	snmpAgentAddr:        {Name: "snmp.agent_addr", Label: "agent-addr", Kind: KindIPv4},
	snmpGenericTrap:      {Name: "snmp.generic_trap", Label: "generic-trap", Kind: KindInt, Width: 32, Values: snmpGenericNames},
	snmpSpecificTrap:     {Name: "snmp.specific_trap", Label: "specific-trap", Kind: KindInt, Width: 32},
	snmpTimeStamp:        {Name: "snmp.time_stamp", Label: "time-stamp", Kind: KindUint, Width: 32},
	snmpVariableBindings: {Name: "snmp.variable_bindings", Label: "variable-bindings", Kind: KindUint, Width: 32},
	snmpName:             {Name: "snmp.name", Label: "Object Name", Kind: KindOID},
	snmpValueInt:         {Name: "snmp.value.int", Label: "Value (Integer32)", Kind: KindInt, Width: 64},
	snmpValueOctets:      {Name: "snmp.value.octets", Label: "Value (OctetString)", Kind: KindBytes},
	snmpValueOID:         {Name: "snmp.value.oid", Label: "Value (OID)", Kind: KindOID},
	snmpValueNull:        {Name: "snmp.value.null", Label: "Value (Null)", Kind: KindNone},
	snmpValueIPv4:        {Name: "snmp.value.ipv4", Label: "Value (IpAddress)", Kind: KindIPv4},
	snmpValueIPv6:        {Name: "snmp.value.ipv6", Label: "Value (IpAddress)", Kind: KindIPv6},
	snmpValueAddr:        {Name: "snmp.value.addr", Label: "Value (IpAddress)", Kind: KindBytes},
	snmpValueU32:         {Name: "snmp.value.u32", Label: "Value (Unsigned32)", Kind: KindInt, Width: 64},
	snmpValueG32:         {Name: "snmp.value.g32", Label: "Value (Gauge32)", Kind: KindInt, Width: 64},
	snmpValueUnk:         {Name: "snmp.value.unk", Label: "Value (Unknown)", Kind: KindBytes},
	snmpValueCounter:     {Name: "snmp.value.counter", Label: "Value (Counter32)", Kind: KindUint, Width: 64},
	snmpValueNSAP:        {Name: "snmp.value.nsap", Label: "Value (NSAP)", Kind: KindUint, Width: 64},
	snmpValueTimeticks:   {Name: "snmp.value.timeticks", Label: "Value (Timeticks)", Kind: KindUint, Width: 64},
	snmpValueOpaque:      {Name: "snmp.value.opaque", Label: "Value (Opaque)", Kind: KindBytes},
	snmpValueCounter64:   {Name: "snmp.value.counter", Label: "Value (Counter64)", Kind: KindUint, Width: 64},
	snmpNoSuchObject:     {Name: "snmp.noSuchObject", Label: "noSuchObject", Kind: KindNone},
	snmpNoSuchInstance:   {Name: "snmp.noSuchInstance", Label: "noSuchInstance", Kind: KindNone},
	snmpEndOfMibView:     {Name: "snmp.endOfMibView", Label: "endOfMibView", Kind: KindNone},
	snmpVarBindStr:       {Name: "snmp.var-bind_str", Label: "Variable-binding-string", Kind: KindString},
	snmpMsgGlobalData:    {Name: "snmp.msgGlobalData_element", Label: "msgGlobalData", Kind: KindNone},
	snmpMsgID:            {Name: "snmp.msgID", Label: "msgID", Kind: KindUint, Width: 32},
	snmpMsgMaxSize:       {Name: "snmp.msgMaxSize", Label: "msgMaxSize", Kind: KindUint, Width: 32},
	snmpMsgFlags:         {Name: "snmp.msgFlags", Label: "msgFlags", Kind: KindBytes},
	snmpFlagsReport:      {Name: "snmp.v3.flags.report", Label: "Reportable", Kind: KindBool, Width: 8, Mask: 0x4},
	snmpFlagsCrypt:       {Name: "snmp.v3.flags.crypt", Label: "Encrypted", Kind: KindBool, Width: 8, Mask: 0x2},
	snmpFlagsAuth:        {Name: "snmp.v3.flags.auth", Label: "Authenticated", Kind: KindBool, Width: 8, Mask: 0x1},
	snmpMsgSecurityModel: {Name: "snmp.msgSecurityModel", Label: "msgSecurityModel", Kind: KindUint, Width: 32, Values: snmpNames("Any", "V1", "V2C", "USM")},
	snmpEngineID:         {Name: "snmp.msgAuthoritativeEngineID", Label: "msgAuthoritativeEngineID", Kind: KindBytes},
	snmpEngineConform:    {Name: "snmp.engineid.conform", Label: "Engine ID Conformance", Kind: KindBool, Width: 8, Mask: 0x80},
	snmpEngineBoots:      {Name: "snmp.msgAuthoritativeEngineBoots", Label: "msgAuthoritativeEngineBoots", Kind: KindUint, Width: 32},
	snmpEngineTime:       {Name: "snmp.msgAuthoritativeEngineTime", Label: "msgAuthoritativeEngineTime", Kind: KindUint, Width: 32},
	snmpUserName:         {Name: "snmp.msgUserName", Label: "msgUserName", Kind: KindString},
	snmpAuthParams:       {Name: "snmp.msgAuthenticationParameters", Label: "msgAuthenticationParameters", Kind: KindBytes},
	snmpPrivParams:       {Name: "snmp.msgPrivacyParameters", Label: "msgPrivacyParameters", Kind: KindBytes},
	snmpMsgData:          {Name: "snmp.msgData", Label: "msgData", Kind: KindUint, Width: 32, Values: snmpNames("plaintext", "encryptedPDU")},
	snmpPlaintext:        {Name: "snmp.plaintext_element", Label: "plaintext", Kind: KindNone},
	snmpEncryptedPDU:     {Name: "snmp.encryptedPDU", Label: "encryptedPDU", Kind: KindBytes},
	snmpContextEngineID:  {Name: "snmp.contextEngineID", Label: "contextEngineID", Kind: KindBytes},
	snmpContextName:      {Name: "snmp.contextName", Label: "contextName", Kind: KindString},
	snmpResponseIn:       {Name: "snmp.response_in", Label: "Response In", Kind: KindFrameNum, Generated: true},
	snmpResponseTo:       {Name: "snmp.response_to", Label: "Response To", Kind: KindFrameNum, Generated: true},
	snmpTime:             {Name: "snmp.time", Label: "Time", Kind: KindRelTime, Generated: true},
}

var protoSNMP = protoField("snmp", "Simple Network Management Protocol")

// snmpMsg is what Wireshark reads of a v1 or v2c message: every offset is
// into the message; stop says why the walk ended early (snmpDone when it
// did not).
type snmpMsg struct {
	version      int64
	community    [2]int
	pdu          int // the PDU type; -1: not reached
	ints         [3]int64
	nInts        int // how many of request-id, error-status, error-index (or the bulk pair) were read
	enterprise   [2]int
	agent        [2]int
	trapInts     [3]int64 // generic-trap, specific-trap, time-stamp
	nTrap        int      // how many trap fields after the enterprise were read
	vbs          [2]int   // the variable-bindings' contents
	hasVBs       bool
	vbCount      int // the elements Wireshark counts in them
	stop         snmpStop
	hasEnterpris bool
	whole        bool // the datagram was captured whole

	// SNMPv3 (m.version 3): the header's fields and where they end.
	v3        [4]int64 // msgID, msgMaxSize, msgFlags, msgSecurityModel
	nV3       int      // how many of them were read
	flagsOff  int      // where msgFlags' byte is
	usm       [6][2]int
	usmInts   [2]int64 // engine boots and time
	nUSM      int      // how many USM fields were read
	scoped    bool     // msgData is a plaintext ScopedPDU
	encrypted [2]int   // msgData is an encryptedPDU: its bytes
	ctxEngine [2]int
	ctxName   [2]int
	nScoped   int // how many of contextEngineID, contextName were read
}

// snmpStop says why Wireshark's walk ended.
type snmpStop uint8

const (
	snmpDone      snmpStop = iota
	snmpCut                // the capture ends inside an element: tshark's "Packet size limited"
	snmpIrregular          // BER tshark reports in words of its own, which rawcap does not draw
)

// readInt reads a universal INTEGER of 1 to 4 bytes (Wireshark's 32-bit
// fields) at off.
func (s SNMP) readInt(off, end int) (v int64, next int, stop snmpStop) {
	t, ok := readBER(s[:min(end, len(s))], off)
	if !ok {
		return 0, off, s.cutOrIrregular(off)
	}
	if t.cls != 0 || t.tag != 2 || t.pc || t.indef || t.n < 1 || t.n > 4 {
		return 0, off, snmpIrregular
	}
	c := off + t.hdr
	if c+t.n > len(s) {
		return 0, off, snmpCut
	}
	if c+t.n > end {
		return 0, off, snmpIrregular
	}
	return berInt(s[c : c+t.n]), c + t.n, snmpDone
}

func (s SNMP) cutOrIrregular(off int) snmpStop {
	if off+2 > len(s) || off < len(s) && s[off+1]&0x80 != 0 {
		return snmpCut
	}
	return snmpIrregular
}

// walkV3 reads an SNMPv3 message's header and, when it is in clear, its
// scoped PDU.
func (s SNMP) walkV3(m *snmpMsg, off, end int) {
	c, n, stop := s.readElem(off, end, 0, 16, true)
	if stop != snmpDone {
		m.stop = stop
		return
	}
	gend := c + n
	o := c
	for k := 0; k < 4; k++ {
		var v int64
		if k == 2 {
			fc, fn, stop := s.readElem(o, gend, 0, 4, false)
			if stop == snmpDone && fn != 1 {
				stop = snmpIrregular
			}
			if stop != snmpDone {
				m.stop = stop
				return
			}
			v, o, m.flagsOff = int64(s[fc]), fc+fn, fc
		} else {
			v, o, stop = s.readInt(o, gend)
			if stop != snmpDone {
				m.stop = stop
				return
			}
		}
		m.v3[k] = v
		m.nV3++
	}
	off = gend
	c, n, stop = s.readElem(off, end, 0, 4, false)
	if stop != snmpDone {
		m.stop = stop
		return
	}
	off = c + n
	if m.v3[3] != 3 {
		m.stop = snmpIrregular // other security models: their parameters are not drawn
		return
	}
	uc, un, stop := s.readElem(c, c+n, 0, 16, true)
	if stop != snmpDone {
		m.stop = stop
		return
	}
	o = uc
	for k := 0; k < 6; k++ {
		if k == 1 || k == 2 {
			var v int64
			v, o, stop = s.readInt(o, uc+un)
			if stop == snmpDone && v < 0 {
				stop = snmpIrregular
			}
			if stop != snmpDone {
				m.stop = stop
				return
			}
			m.usmInts[k-1] = v
		} else {
			fc, fn, stop := s.readElem(o, uc+un, 0, 4, false)
			if stop != snmpDone {
				m.stop = stop
				return
			}
			m.usm[k] = [2]int{fc, fc + fn}
			o = fc + fn
		}
		m.nUSM++
	}
	t, ok := readBER(s[:min(end, len(s))], off)
	if !ok {
		m.stop = snmpIrregular
		if end > len(s) {
			m.stop = snmpCut
		}
		return
	}
	if t.cls == 0 && t.tag == 4 && !t.pc {
		c, n, stop := s.readElem(off, end, 0, 4, false)
		if stop != snmpDone {
			m.stop = stop
			return
		}
		m.encrypted = [2]int{c, c + n}
		return
	}
	c, n, stop = s.readElem(off, end, 0, 16, true)
	if stop != snmpDone {
		m.stop = stop
		return
	}
	m.scoped = true
	send := c + n
	o = c
	for k, r := range [...]*[2]int{&m.ctxEngine, &m.ctxName} {
		fc, fn, stop := s.readElem(o, send, 0, 4, false)
		if stop != snmpDone {
			m.stop = stop
			return
		}
		*r = [2]int{fc, fc + fn}
		o = fc + fn
		m.nScoped = k + 1
	}
	s.walkPDU(m, o, send)
}

// berInt returns a big-endian two's-complement integer.
func berInt(b []byte) int64 {
	var v int64
	if len(b) > 0 && b[0]&0x80 != 0 {
		v = -1
	}
	for _, c := range b {
		v = v<<8 | int64(c)
	}
	return v
}

// readElem reads an element of class cls and tag tag at off whose content
// lies within end; for a primitive it must be captured.
func (s SNMP) readElem(off, end, cls, tag int, pc bool) (c, n int, stop snmpStop) {
	t, ok := readBER(s[:min(end, len(s))], off)
	if !ok {
		if end > len(s) {
			return 0, 0, s.cutOrIrregular(off)
		}
		return 0, 0, snmpIrregular
	}
	if t.cls != cls || t.tag != tag || t.pc != pc || t.indef {
		return 0, 0, snmpIrregular
	}
	c = off + t.hdr
	if c+t.n > end {
		return 0, 0, snmpIrregular
	}
	if !pc && c+t.n > len(s) {
		return 0, 0, snmpCut
	}
	return c, t.n, snmpDone
}

// walk reads the message as Wireshark does; reported is the datagram's
// length (the message may be captured in part).
func (s SNMP) walk(reported int) (m snmpMsg) {
	m.pdu = -1
	m.whole = len(s) >= reported
	t, _ := readBER(s, 0)
	if t.indef {
		t.n, _ = indefLen(s, t.hdr)
	}
	end := t.hdr + t.n
	off := t.hdr
	var stop snmpStop
	m.version, off, stop = s.readInt(off, end)
	if stop != snmpDone {
		m.version = -1
		m.stop = stop
		return m
	}
	if m.version == 3 {
		s.walkV3(&m, off, end)
		return m
	}
	if m.version != 0 && m.version != 1 {
		m.stop = snmpIrregular // v2u and unknown versions: the version only
		return m
	}
	c, n, stop := s.readElem(off, end, 0, 4, false)
	if stop != snmpDone {
		m.stop = stop
		return m
	}
	m.community = [2]int{c, c + n}
	s.walkPDU(&m, c+n, end)
	return m
}

// walkPDU reads the PDU at off, within end.
func (s SNMP) walkPDU(m *snmpMsg, off, end int) {
	var (
		c, n int
		stop snmpStop
	)
	pt, ok := readBER(s[:min(end, len(s))], off)
	if !ok {
		m.stop = s.cutOrIrregular(off)
		if end <= len(s) {
			m.stop = snmpIrregular
		}
		return
	}
	if pt.cls != 2 || !pt.pc || pt.tag > 8 || pt.indef || off+pt.hdr+pt.n > end {
		m.stop = snmpIrregular
		return
	}
	m.pdu = pt.tag
	off += pt.hdr
	pend := off + pt.n
	if m.pdu == snmpTrap {
		c, n, stop := s.readElem(off, pend, 0, 6, false)
		if stop != snmpDone {
			m.stop = stop
			return
		}
		m.enterprise = [2]int{c, c + n}
		m.hasEnterpris = true
		off = c + n
		c, n, stop = s.readElem(off, pend, 1, 0, false)
		if stop == snmpDone && n != 4 {
			stop = snmpIrregular
		}
		if stop != snmpDone {
			m.stop = stop
			return
		}
		m.agent = [2]int{c, c + n}
		off = c + n
		for k := 0; k < 3; k++ {
			var v int64
			if k == 2 {
				c, n, stop := s.readElem(off, pend, 1, 3, false)
				if stop != snmpDone || n < 1 || n > 5 {
					m.stop = max(stop, snmpIrregular)
					return
				}
				v, off = berUint(s[c:c+n]), c+n
				if v > 0xffffffff {
					m.stop = snmpIrregular
					return
				}
			} else {
				v, off, stop = s.readInt(off, pend)
				if stop != snmpDone {
					m.stop = stop
					return
				}
			}
			m.trapInts[k] = v
			m.nTrap++
		}
	} else {
		for k := 0; k < 3; k++ {
			var v int64
			v, off, stop = s.readInt(off, pend)
			if stop != snmpDone {
				m.stop = stop
				return
			}
			if m.pdu == snmpGetBulk && k > 0 && v < 0 {
				m.stop = snmpIrregular
				return
			}
			m.ints[k] = v
			m.nInts++
		}
	}
	c, n, stop = s.readElem(off, pend, 0, 16, true)
	if stop != snmpDone {
		m.stop = stop
		return
	}
	m.vbs = [2]int{c, c + n}
	m.hasVBs = true
	// Wireshark counts the elements when the whole datagram was
	// captured, by their headers alone.
	if m.whole {
		for p := c; p < c+n; {
			if p+1 < len(s) && s[p] == 0 && s[p+1] == 0 {
				break
			}
			t, ok := readBER(s, p)
			if !ok || t.hdr+t.n <= 0 {
				m.stop = snmpIrregular
				return
			}
			p += t.hdr + t.n
			m.vbCount++
		}
	}
	for vb := range s.varbinds(m.vbs) {
		if vb.stop != snmpDone {
			m.stop = vb.stop
			break
		}
	}
}

// berUint returns a big-endian unsigned integer of up to 8 bytes (the
// leading zero of a 9-byte one skipped by the caller).
func berUint(b []byte) int64 {
	var v uint64
	for _, c := range b {
		v = v<<8 | uint64(c)
	}
	return int64(v)
}

// snmpVarBind is one variable binding: its name's and value's contents.
type snmpVarBind struct {
	name     [2]int
	cls, tag int
	value    [2]int
	stop     snmpStop
	whole    [2]int // the VarBind's contents
}

// varbinds yields the variable bindings in r; the last one yielded may
// carry a stop.
func (s SNMP) varbinds(r [2]int) func(func(snmpVarBind) bool) {
	return func(yield func(snmpVarBind) bool) {
		off := r[0]
		for off < r[1] {
			var vb snmpVarBind
			c, n, stop := s.readElem(off, r[1], 0, 16, true)
			if stop != snmpDone {
				vb.stop = stop
				yield(vb)
				return
			}
			vb.whole = [2]int{c, c + n}
			off = c + n
			nc, nn, stop := s.readElem(c, c+n, 0, 6, false)
			if stop != snmpDone {
				vb.stop = stop
				yield(vb)
				return
			}
			vb.name = [2]int{nc, nc + nn}
			if !oidValid(s[nc : nc+nn]) {
				vb.stop = snmpIrregular
				yield(vb)
				return
			}
			t, ok := readBER(s[:min(c+n, len(s))], nc+nn)
			if !ok || t.pc || t.indef || nc+nn+t.hdr+t.n > c+n {
				vb.stop = snmpIrregular
				if !ok && c+n > len(s) {
					vb.stop = snmpCut
				}
				yield(vb)
				return
			}
			vb.cls, vb.tag = t.cls, t.tag
			v := nc + nn + t.hdr
			if v+t.n > len(s) {
				vb.stop = snmpCut
				yield(vb)
				return
			}
			vb.value = [2]int{v, v + t.n}
			if k := snmpValueField(vb.cls, vb.tag, t.n); k < 0 || t.n == 9 && snmpFields[k].Kind == KindUint && s[v] != 0 {
				vb.stop = snmpIrregular
				yield(vb)
				return
			}
			if !yield(vb) {
				return
			}
		}
	}
}

// oidValid reports whether Wireshark decodes an encoded OID: at least one
// byte, the last one ending a sub-identifier, none over 32 bits.
func oidValid(b []byte) bool {
	if len(b) == 0 || b[len(b)-1]&0x80 != 0 {
		return false
	}
	var v uint64
	for _, c := range b {
		v = v<<7 | uint64(c&0x7f)
		if v > 0xffffffff {
			return false
		}
		if c&0x80 == 0 {
			v = 0
		}
	}
	return true
}

// appendOID appends an encoded OID in dots ("1.3.6.1.2.1.1.1.0").
func appendOID(b, oid []byte) []byte {
	first := true
	var v uint64
	for _, c := range oid {
		v = v<<7 | uint64(c&0x7f)
		if c&0x80 != 0 {
			continue
		}
		if first {
			a := min(v/40, 2)
			b = strconv.AppendUint(b, a, 10)
			v -= a * 40
			first = false
		}
		b = append(b, '.')
		b = strconv.AppendUint(b, v, 10)
		v = 0
	}
	return b
}

// appendOIDResolved appends the OID as Wireshark resolves it with no MIB
// loaded: the first arc named ("iso.3.6.1.2.1.1.1.0"). ok is false for
// OIDs under which Wireshark's dissectors register names of their own,
// where rawcap cannot know the name it shows.
func appendOIDResolved(b, oid []byte) ([]byte, bool) {
	if !oidPlain(oid) {
		return b, false
	}
	start := len(b)
	b = appendOID(b, oid)
	if b[start] != '1' {
		return b[:start], false
	}
	b = append(b, 0, 0)
	copy(b[start+3:], b[start+1:len(b)-2])
	copy(b[start:], "iso")
	return b, true
}

// oidPlain reports whether Wireshark 4.0 knows no name under the OID, as
// checked for the SNMP management, SNMPv2 and common enterprise subtrees.
func oidPlain(oid []byte) bool {
	if len(oid) < 4 || oid[0] != 0x2b || oid[1] != 6 || oid[2] != 1 {
		return false
	}
	switch oid[3] {
	case 2: // mgmt
		return true
	case 6: // snmpV2
		return len(oid) >= 6 && oid[4] == 3 && (oid[5] == 1 || oid[5] == 15)
	case 4: // private.enterprises
		if len(oid) < 6 || oid[4] != 1 {
			return false
		}
		var n uint64
		for _, c := range oid[5:] {
			n = n<<7 | uint64(c&0x7f)
			if c&0x80 == 0 {
				break
			}
		}
		switch n {
		case 9, 11, 232, 674, 2011, 2021, 2636, 3375, 3830, 6527, 6876, 8072, 12356, 14988, 25506, 30065:
			return true
		}
	}
	return false
}

// snmpValueField returns the field of a value of class cls and tag tag and
// n content bytes, as Wireshark picks it with no MIB; -1 where Wireshark
// reports the value in words of its own.
func snmpValueField(cls, tag, n int) int {
	switch cls {
	case 2:
		if n != 0 {
			return -1
		}
		switch tag {
		case 0:
			return snmpNoSuchObject
		case 1:
			return snmpNoSuchInstance
		case 2:
			return snmpEndOfMibView
		}
		return -1
	case 0:
		switch tag {
		case 2:
			if n < 1 || n > 4 {
				return -1
			}
			return snmpValueInt
		case 4:
			return snmpValueOctets
		case 6:
			if n < 1 {
				return -1
			}
			return snmpValueOID
		case 5:
			if n != 0 {
				return -1
			}
			return snmpValueNull
		}
		return snmpValueUnk
	case 1:
		f := snmpValueUnk
		switch tag {
		case 0:
			switch n {
			case 4:
				return snmpValueIPv4
			case 16:
				return snmpValueIPv6
			}
			return snmpValueAddr
		case 1:
			f = snmpValueCounter
		case 2:
			f = snmpValueG32
		case 3:
			f = snmpValueTimeticks
		case 4:
			return snmpValueOpaque
		case 5:
			f = snmpValueNSAP
		case 6:
			f = snmpValueCounter64
		case 7:
			f = snmpValueU32
		default:
			return snmpValueUnk
		}
		if n == 0 || n > 9 || n == 9 && (snmpFields[f].Kind != KindUint) {
			return -1 // zero-length or too long: tshark's own words
		}
		return f
	}
	return snmpValueUnk
}

func (d *Decoder) decodeSNMP(l *Layer) LayerType {
	b := d.bytes(l)
	reported := d.udpReported(d.n, len(b)) // l is layer d.n, being decoded
	if !isSNMP(b, reported) {
		return l.asData()
	}
	l.Payload = l.End
	if SNMP(b).walk(reported).stop == snmpCut {
		l.Malformed = ReasonTruncated
	}
	return LayerNone
}

// udpReported returns the length of the UDP payload at layer i (captured
// or not), as the UDP header and the IP header before it announce it, or n
// (what was captured) when there is no UDP header before it.
func (d *Decoder) udpReported(i, n int) int {
	if i == 0 || i > d.n || d.layers[i-1].Type != LayerUDP {
		return n
	}
	u := d.data[d.layers[i-1].Start:d.layers[i-1].Payload]
	if len(u) < udpLen {
		return n
	}
	ip := ipPayloadLen(d, i-1)
	return max(min(int(UDP(u).Length()), ip)-udpLen, n)
}

func (e *emitter) snmpOID(f *Field, b []byte) {
	e.TextDone(f, appendOID(e.Text(), b))
}

// snmpOIDRepr gives the OID field added last, whose encoding is oid, the
// tree line tshark draws: "label: 1.3.6… (iso.3.6…)".
func (e *emitter) snmpOIDRepr(label string, oid []byte) {
	if !e.Tree() {
		return
	}
	b := e.Text()
	start := len(b)
	b = append(append(b, label...), ": "...)
	b = appendOIDLabel(b, oid)
	e.SetRepr(truncLabelAt(b, start, len(label)))
}

// appendOIDLabel appends an FT_OID field's text: "1.3.6… (iso.3.6…)".
func appendOIDLabel(b, oid []byte) []byte {
	b = appendOID(b, oid)
	b = append(b, " ("...)
	b, _ = appendOIDResolved(b, oid)
	return append(b, ')')
}

// snmpTreeCut keeps the records added after it is set out of the tree:
// where Wireshark reports irregular BER, or names an OID rawcap cannot
// know the name of, rawcap's tree stops (the other outputs go on).
type snmpTreeCut struct {
	e   *emitter
	cut bool
}

// mark keeps the record added last out of the tree once the tree is cut.
func (c *snmpTreeCut) mark() {
	if c.cut {
		c.e.NoTree()
	}
}

// emitSNMP emits the message in the order and nesting of tshark -n -V's
// tree with no MIB loaded.
func emitSNMP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	s := SNMP(d.data[l.Start:l.End])
	f := &snmpFields
	m := s.walk(d.udpReported(i, len(s)))
	e.Proto(&protoSNMP)
	defer e.End()
	switch {
	case m.version < 0:
		return
	case m.version == 3:
		e.Int(&f[snmpMsgVersion], m.version)
		emitSNMPv3(e, s, &m)
		return
	case m.version == 2:
		e.Int(&f[snmpVersion], m.version)
		return
	case m.version != 0 && m.version != 1:
		e.ExpertLine("Warning", "Protocol", "Unknown version", nil)
		return
	}
	e.Int(&f[snmpVersion], m.version)
	c := snmpTreeCut{e: e, cut: m.community[1] == 0}
	e.TextDone(&f[snmpCommunity], appendWSText(e.Text(), s[m.community[0]:m.community[1]]))
	c.mark()
	emitSNMPPDU(e, s, &m, &c)
	if q := e.conv.link(i); q != nil {
		if q.responseIn != 0 {
			e.Uint(&f[snmpResponseIn], uint64(q.responseIn))
			c.mark()
		}
		if q.request != 0 {
			e.Uint(&f[snmpResponseTo], uint64(q.request))
			c.mark()
			e.relNstime(&f[snmpTime], q.delta)
			e.secondsRepr()
			c.mark()
		}
	}
}

// emitSNMPv3 emits an SNMPv3 message's header, USM parameters and scoped
// PDU; of an engine ID it emits the conformance bit (Wireshark names the
// enterprise from IANA's registry, which rawcap does not carry).
func emitSNMPv3(e *emitter, s SNMP, m *snmpMsg) {
	f := &snmpFields
	if m.nV3 == 0 {
		return
	}
	e.None(&f[snmpMsgGlobalData])
	e.Sub()
	fks := [...]int{snmpMsgID, snmpMsgMaxSize, snmpMsgFlags, snmpMsgSecurityModel}
	for k, fk := range fks[:m.nV3] {
		if fk == snmpMsgFlags {
			e.Bytes(&f[fk], s[m.flagsOff:m.flagsOff+1])
			e.Sub()
			for _, b := range [...]int{snmpFlagsReport, snmpFlagsCrypt, snmpFlagsAuth} {
				e.BoolBits(&f[b], uint64(m.v3[k]))
			}
			e.Up()
			continue
		}
		e.Uint(&f[fk], uint64(m.v3[k]))
	}
	e.Up()
	for k := 0; k < m.nUSM; k++ {
		switch k {
		case 0:
			emitSNMPEngineID(e, snmpEngineID, s[m.usm[0][0]:m.usm[0][1]])
		case 1, 2:
			e.Uint(&f[snmpEngineBoots+k-1], uint64(m.usmInts[k-1]))
		case 3:
			e.TextDone(&f[snmpUserName], appendWSText(e.Text(), s[m.usm[3][0]:m.usm[3][1]]))
		default:
			e.Bytes(&f[snmpAuthParams+k-4], s[m.usm[k][0]:m.usm[k][1]])
		}
	}
	if m.encrypted[1] != 0 {
		e.Uint(&f[snmpMsgData], 1)
		e.Sub()
		e.Bytes(&f[snmpEncryptedPDU], s[m.encrypted[0]:m.encrypted[1]])
		e.Up()
		return
	}
	if !m.scoped {
		return
	}
	e.Uint(&f[snmpMsgData], 0)
	e.Sub()
	e.None(&f[snmpPlaintext])
	e.Sub()
	if m.nScoped > 0 {
		emitSNMPEngineID(e, snmpContextEngineID, s[m.ctxEngine[0]:m.ctxEngine[1]])
	}
	if m.nScoped > 1 {
		e.TextDone(&f[snmpContextName], appendWSText(e.Text(), s[m.ctxName[0]:m.ctxName[1]]))
	}
	c := snmpTreeCut{e: e}
	emitSNMPPDU(e, s, m, &c)
	e.Up()
	e.Up()
}

// emitSNMPEngineID emits an engine ID (field k) and, beneath it, its
// conformance bit.
func emitSNMPEngineID(e *emitter, k int, id []byte) {
	e.Bytes(&snmpFields[k], id)
	if len(id) > 0 {
		e.Sub()
		e.BoolBits(&snmpFields[snmpEngineConform], uint64(id[0]))
		e.Up()
	}
}

// emitSNMPPDU emits the PDU: "data: get-request (0)" and beneath it the
// PDU's element, its fields and its variable bindings.
func emitSNMPPDU(e *emitter, s SNMP, m *snmpMsg, c *snmpTreeCut) {
	f := &snmpFields
	if m.pdu < 0 {
		return
	}
	cut := c.cut
	defer func() { c.cut = cut }() // the lines after the PDU are drawn
	e.Uint(&f[snmpData], uint64(m.pdu))
	c.mark()
	e.Sub()
	e.None(&f[snmpGetElem+m.pdu])
	c.mark()
	e.Sub()
	defer e.Up()
	defer e.Up()
	if m.pdu == snmpTrap {
		c.cut = c.cut || !m.hasEnterpris
		if m.hasEnterpris {
			oid := s[m.enterprise[0]:m.enterprise[1]]
			e.snmpOID(&f[snmpEnterprise], oid)
			c.cut = c.cut || !oidValid(oid) || !oidPlain(oid)
			e.snmpOIDRepr(f[snmpEnterprise].Label, oid)
			c.mark()
		}
		c.cut = c.cut || m.agent[1] == 0
		if m.agent[1] != 0 {
			e.IPv4(&f[snmpAgentAddr], s[m.agent[0]:m.agent[1]])
			c.mark()
		}
		for k := 0; k < m.nTrap; k++ {
			e.Int(&f[snmpGenericTrap+k], m.trapInts[k])
			c.mark()
		}
	} else {
		ff := [3]int{snmpRequestID, snmpErrorStatus, snmpErrorIndex}
		if m.pdu == snmpGetBulk {
			ff[1], ff[2] = snmpNonRepeaters, snmpMaxRepetitions
		}
		for k := 0; k < m.nInts; k++ {
			e.Int(&f[ff[k]], m.ints[k])
			c.mark()
		}
	}
	if !m.hasVBs {
		return
	}
	e.Uint(&f[snmpVariableBindings], uint64(m.vbCount))
	if e.Tree() {
		b := strconv.AppendInt(append(e.Text(), "variable-bindings: "...), int64(m.vbCount), 10)
		if m.vbCount == 1 {
			b = append(b, " item"...)
		} else {
			b = append(b, " items"...)
		}
		e.SetRepr(b)
	}
	c.mark()
	e.Sub()
	for vb := range s.varbinds(m.vbs) {
		if vb.stop != snmpDone {
			break
		}
		emitSNMPVarBind(e, s, vb, c)
	}
	e.Up()
}

// emitSNMPVarBind emits one variable binding: its title line ("name:
// value") and beneath it the Object Name and the value, beneath which
// tshark's expert note on an exception value and the value as a string.
func emitSNMPVarBind(e *emitter, s SNMP, vb snmpVarBind, c *snmpTreeCut) {
	f := &snmpFields
	name := s[vb.name[0]:vb.name[1]]
	v := s[vb.value[0]:vb.value[1]]
	k := snmpValueField(vb.cls, vb.tag, len(v))
	if oidPlain(name) && (k != snmpValueOID || oidPlain(v)) && !c.cut && e.Tree() {
		// The binding's title, a text item of tshark's ("name: value");
		// rawcap leaves it out where tshark names the OID.
		b := e.Text()
		start := len(b)
		b = append(appendOID(b, name), ": "...)
		vs := len(b)
		b = appendSNMPValue(b, k, v)
		// The binding shows the value's label after its first ": ".
		for p := vs; p+1 < len(b); p++ {
			if b[p] == ':' && b[p+1] == ' ' {
				b = append(b[:vs], b[p+2:]...)
				break
			}
		}
		e.Line(truncLabelAt(b, start, 0))
	}
	e.Sub()
	e.snmpOID(&f[snmpName], name)
	if oidPlain(name) {
		e.snmpOIDRepr(f[snmpName].Label, name)
	} else {
		e.NoTree() // tshark names the OID: rawcap cannot know the name
	}
	c.mark()
	fk := k
	if k == snmpValueCounter64 {
		fk = snmpValueCounter // the same field, labelled apart
	}
	fl := &f[fk]
	switch fl.Kind {
	case KindNone:
		e.None(fl)
	case KindInt:
		e.Int(fl, berInt(v))
	case KindUint:
		e.Uint(fl, uint64(berUint(v)))
	case KindBytes:
		e.Bytes(fl, v)
	case KindOID:
		e.snmpOID(fl, v)
	case KindIPv4:
		e.IPv4(fl, v)
	case KindIPv6:
		e.IPv6(fl, v)
	}
	if k == snmpValueOID && !oidPlain(v) {
		e.NoTree()
	} else if e.Tree() {
		b := e.Text()
		start := len(b)
		b = appendSNMPValue(b, k, v)
		e.SetRepr(truncLabelAt(b, start, len(f[k].Label)))
	}
	c.mark()
	e.Sub()
	switch k {
	case snmpNoSuchObject, snmpNoSuchInstance, snmpEndOfMibView:
		if !c.cut {
			e.ExpertLine("Note", "Response", f[k].Label, nil)
		}
	}
	if snmpStringOID(name) && len(v) > 0 {
		e.TextDone(&f[snmpVarBindStr], appendWSText(e.Text(), v))
		c.mark()
	}
	e.Up()
	e.Up()
}

// snmpStringOID reports whether Wireshark shows the value of the OID as a
// string too: sysDescr.0 and sysName.0.
func snmpStringOID(oid []byte) bool {
	return string(oid) == "\x2b\x06\x01\x02\x01\x01\x01\x00" || string(oid) == "\x2b\x06\x01\x02\x01\x01\x05\x00"
}

// snmpLinkKey returns what pairs the SNMP message at layer i with its
// request: whether it is a response, and the ports and request ID; ok is
// false for a message Wireshark does not pair (traps, reports, or one
// whose request ID it did not reach).
func snmpLinkKey(d *Decoder, i int) (reply bool, key uint64, ok bool) {
	l := &d.layers[i]
	if i == 0 || d.layers[i-1].Type != LayerUDP {
		return false, 0, false
	}
	s := SNMP(d.data[l.Start:l.End])
	m := s.walk(d.udpReported(i, len(s)))
	if m.pdu < 0 || m.pdu == snmpTrap || m.stop != snmpDone || m.version > 1 {
		return false, 0, false
	}
	switch m.pdu {
	case snmpGet, snmpGetNext, snmpSet, snmpGetBulk, snmpInform:
	case snmpResponse:
		reply = true
	default:
		return false, 0, false
	}
	u := UDP(d.data[d.layers[i-1].Start:d.layers[i-1].Payload])
	sp, dp := uint64(u.SrcPort()), uint64(u.DstPort())
	if sp > dp {
		sp, dp = dp, sp
	}
	return reply, sp<<48 | dp<<32 | uint64(uint32(m.ints[0])), true
}
