package decode

// CIP is a Common Industrial Protocol message (ODVA, The CIP Networks
// Library Volume 1, chapter 2), as EtherNet/IP's data items carry it. A
// request is
//
//	+---------+-----------+----------------------+---------------+
//	| service | path size | request path (words) | request data  |
//	+---------+-----------+----------------------+---------------+
//
// and a response
//
//	+---------+----------+----------+--------------+---------------------------+---------------+
//	| service | reserved | general  | additional   | additional status (words) | response data |
//	| | 0x80  |          | status   | status size  |                           |               |
//	+---------+----------+----------+--------------+---------------------------+---------------+
//
// The request path is a run of segments: rawcap reads 8-bit logical class,
// instance, member and attribute segments and ANSI extended symbol
// segments. The Message Router's Multiple Service Packet (service 0x0a to
// class 2) carries a count, the services' offsets and the services, each
// a CIP message of its own; the data of a request to a class Wireshark
// has no dissector for, or of a service inside a Multiple Service Packet
// response, is the CIP Class Generic protocol's.
//
// A message rawcap cannot read whole (another segment type, a length past
// its end, another class's service) makes rawcap leave the CIP of the
// whole segment out: what tshark shows of it is not guessed.

// The CIP services and classes rawcap reads.
const (
	cipServiceMSP      = 0x0a
	cipUnconnectedSend = 0x52 // the Connection Manager's
	cipForwardClose    = 0x4e // the Connection Manager's
	cipForwardOpen     = 0x54 // the Connection Manager's
	cipClassMsgRouter  = 0x02
	cipClassConnMgr    = 0x06
	cipResponse        = 0x80
	cipNoClass         = -1 // a path that names no class (a symbol)
	cipMaxServicesRead = 256
)

// cipPath is what a request path names, for the titles of its lines.
type cipPath struct {
	class                       int // cipNoClass: none
	instance, member, attribute int // -1: none
	port, link                  int // port -1: none
	symbol                      []byte
	ok                          bool
}

// cipSegment returns the length of the path segment at off in p and
// whether rawcap reads it.
func cipSegment(p []byte, off int) (n int, ok bool) {
	c := p[off]
	switch {
	case c == 0x20 || c == 0x24 || c == 0x28 || c == 0x30: // 8-bit class, instance, member, attribute
		return 2, off+2 <= len(p)
	case cipPortSegment(c): // a port and a one-byte link address
		return 2, off+2 <= len(p)
	case c == 0x91: // ANSI extended symbol, padded to a word
		if off+2 > len(p) {
			return 0, false
		}
		n = 2 + int(p[off+1])
		n += n & 1
		return n, off+n <= len(p)
	}
	return 0, false
}

// cipPortSegment reports whether c starts a port segment rawcap reads:
// port 1 to 14, the link address one byte.
func cipPortSegment(c byte) bool { return c&0xf0 == 0 && c != 0 && c != 0x0f }

// parseCIPPath reads the path p.
func parseCIPPath(p []byte) (cp cipPath) {
	cp.class, cp.instance, cp.member, cp.attribute, cp.port = cipNoClass, -1, -1, -1, -1
	for off := 0; off < len(p); {
		n, ok := cipSegment(p, off)
		if !ok {
			return cp
		}
		switch c := p[off]; {
		case cipPortSegment(c):
			cp.port, cp.link = int(c), int(p[off+1])
		case c == 0x20:
			cp.class = int(p[off+1])
		case c == 0x24:
			cp.instance = int(p[off+1])
		case c == 0x28:
			cp.member = int(p[off+1])
		case c == 0x30:
			cp.attribute = int(p[off+1])
		case c == 0x91:
			cp.symbol = p[off+2 : off+2+int(p[off+1])]
		}
		off += n
	}
	cp.ok = true
	return cp
}

// cipRequest splits a request into its path and data; ok is false when
// the path runs past the message or holds a segment rawcap does not read.
func cipRequest(m []byte) (path, data []byte, cp cipPath, ok bool) {
	if len(m) < 2 {
		return nil, nil, cp, false
	}
	end := 2 + 2*int(m[1])
	if end > len(m) {
		return nil, nil, cp, false
	}
	path = m[2:end]
	cp = parseCIPPath(path)
	return path, m[end:], cp, cp.ok
}

// cipResponseData splits a response into its additional status and data.
func cipResponseData(m []byte) (addstat, data []byte, ok bool) {
	if len(m) < 4 {
		return nil, nil, false
	}
	end := 4 + 2*int(m[3])
	if end > len(m) {
		return nil, nil, false
	}
	return m[4:end], m[end:], true
}

// cipMSP returns a Multiple Service Packet's service count and the bounds
// of service k; ok is false when an offset falls outside it.
func cipMSP(body []byte, k int) (count int, svc []byte, ok bool) {
	if len(body) < 2 {
		return 0, nil, false
	}
	count = int(le16(body))
	if k < 0 {
		return count, nil, count <= cipMaxServicesRead && 2+2*count <= len(body)
	}
	start := int(le16(body[2+2*k:]))
	end := len(body)
	if k+1 < count {
		end = int(le16(body[2+2*(k+1):]))
	}
	if start < 2+2*count || start > end || end > len(body) {
		return count, nil, false
	}
	return count, body[start:end], true
}

// cipGeneric reports whether the data of a request to class is the CIP
// Class Generic protocol's: a class Wireshark names nothing, or none.
func cipGeneric(class int) bool {
	return class == cipNoClass || cipFields[cipClass].ValueNames().Name(uint64(class)) == ""
}

// cipReadable reports whether rawcap shows message m (nested: inside a
// Multiple Service Packet) as tshark does.
func cipReadable(m []byte, nested bool) bool {
	if len(m) < 2 {
		return false
	}
	svc := m[0]
	if svc&cipResponse != 0 {
		_, data, ok := cipResponseData(m)
		if !ok {
			return false
		}
		switch {
		case svc&0x7f == cipServiceMSP && !nested:
			return cipMSPReadable(data, true)
		case nested:
			// Its data is CIP Class Generic's for a class-specific
			// service, CIP's own for one of CIP's services: the
			// services of a request rawcap reads are to classes
			// without a dissector of their own.
			return svc&0x7f != cipServiceMSP
		}
		return true // the data of a top-level response is left out
	}
	_, data, cp, ok := cipRequest(m)
	if !ok {
		return false
	}
	if svc == cipServiceMSP && cp.class == cipClassMsgRouter && !nested {
		return cipMSPReadable(data, false)
	}
	if svc == cipUnconnectedSend && cp.class == cipClassConnMgr && !nested {
		emb, _, ok := cipUnconnSend(data)
		return ok && cipReadable(emb, true)
	}
	if svc == cipForwardClose && cp.class == cipClassConnMgr && !nested {
		_, ok := cipFwdClose(data)
		return ok
	}
	if svc == cipForwardOpen && cp.class == cipClassConnMgr && !nested {
		_, ok := cipFwdOpen(data)
		return ok
	}
	// CIP's own services and class-specific ones to a class Wireshark
	// has no dissector for.
	return cipGeneric(cp.class) && svc != cipServiceMSP
}

// cipNamed reports whether service code svc is one of CIP's common
// services (Get Attribute Single …), which tshark shows inside CIP;
// another is its class's.
func cipNamed(svc byte) bool {
	return cipFields[cipSC].ValueNames().Name(uint64(svc&0x7f)) != ""
}

// cipMSPReadable reports whether rawcap reads every service of a Multiple
// Service Packet's body: each a response of a response's (reply), each a
// request of a request's.
func cipMSPReadable(body []byte, reply bool) bool {
	count, _, ok := cipMSP(body, -1)
	if !ok || count == 0 {
		return false
	}
	for k := range count {
		_, svc, ok := cipMSP(body, k)
		if !ok || len(svc) == 0 || (svc[0]&cipResponse != 0) != reply || !cipReadable(svc, true) {
			return false
		}
	}
	return true
}

// The fields, as Wireshark registers them.
const (
	cipService = iota
	cipRR
	cipSC
	cipStatusGen
	cipAddStatSize
	cipAddStat
	cipRequestPathSize
	cipEPath
	cipPathSegment
	cipPathSegmentType
	cipLogicalSegmentType
	cipLogicalSegmentFormat
	cipClass
	cipInstance
	cipMember
	cipAttribute
	cipDataSegmentType
	cipDataSegmentSize
	cipSymbol
	cipMSPNumServices
	cipMSPOffset
	cipData
	cipReserved
	cipPad
	cipExLinkAddress
	cipPort
	cipLinkAddressByte
	cipCMSC
	cipCMPriority
	cipCMTickTime
	cipCMTimeoutTick
	cipCMTimeout
	cipCMMsgReqSize
	cipCMRoutePathSize
	cipCMConnSerialNum
	cipCMVendor
	cipCMOrigSerialNum
	cipCMConnPathSize
	cipCMOTConnID
	cipCMTOConnID
	cipCMConnID
	cipCMTimeoutMultiplier
	cipReserved3
	cipCMOTRPI
	cipCMOTNetParams
	cipCMTORPI
	cipCMTONetParams
	cipCMFwoOwner
	cipCMFwoType
	cipCMFwoPrio
	cipCMFwoFV
	cipCMFwoConSize
	cipCMTransportTypeTrigger
	cipCMFwoDir
	cipCMFwoTrigger
	cipCMFwoTransport
	// The generated twins of the path's fields: a response's lines drawn
	// from its request's path ("[Request Path: …]").
	cipGenRequestPathSize
	cipGenPathSegment
	cipGenPathSegmentType
	cipGenLogicalSegmentType
	cipGenLogicalSegmentFormat
	cipGenClass
	cipGenInstance
	cipGenMember
	cipGenAttribute
	cipGenDataSegmentType
	cipGenDataSegmentSize
	cipGenSymbol
	cipGenExLinkAddress
	cipGenPort
	cipGenLinkAddressByte
	cipGenCMSC
	cipGenCMRoutePathSize
	cipFieldCount
)

var cipFields = [cipFieldCount]Field{
	cipService:              {Name: "cip.service", Label: "Service", Kind: KindUint, Width: 8, Base: BaseHex, Proto: &protoCIP},
	cipRR:                   {Name: "cip.rr", Label: "Request/Response", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x80, Proto: &protoCIP},
	cipSC:                   {Name: "cip.sc", Label: "Service", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x7f, Digits: 2, Proto: &protoCIP},
	cipStatusGen:            {Name: "cip.genstat", Label: "General Status", Kind: KindUint, Width: 8, Base: BaseHex, Proto: &protoCIP},
	cipAddStatSize:          {Name: "cip.addstat_size", Label: "Additional Status Size", Kind: KindUint, Width: 8, Unit: " words", Proto: &protoCIP},
	cipAddStat:              {Name: "cip.addstat", Label: "Additional Status", Kind: KindUint, Width: 16, Base: BaseHex, Proto: &protoCIP},
	cipRequestPathSize:      {Name: "cip.request_path_size", Label: "Request Path Size", Kind: KindUint, Width: 8, Unit: " words", Proto: &protoCIP},
	cipEPath:                {Name: "cip.epath", Label: "EPath", Kind: KindBytes, Proto: &protoCIP},
	cipPathSegment:          {Name: "cip.path_segment", Label: "Path Segment", Kind: KindUint, Width: 8, Base: BaseHex, Proto: &protoCIP},
	cipPathSegmentType:      {Name: "cip.path_segment.type", Label: "Path Segment Type", Kind: KindUint, Width: 8, Mask: 0xe0, Proto: &protoCIP},
	cipLogicalSegmentType:   {Name: "cip.logical_segment.type", Label: "Logical Segment Type", Kind: KindUint, Width: 8, Mask: 0x1c, Proto: &protoCIP},
	cipLogicalSegmentFormat: {Name: "cip.logical_segment.format", Label: "Logical Segment Format", Kind: KindUint, Width: 8, Mask: 0x03, Proto: &protoCIP},
	cipClass:                {Name: "cip.class", Label: "Class", Kind: KindUint, Width: 8, Base: BaseHex, Proto: &protoCIP},
	cipInstance:             {Name: "cip.instance", Label: "Instance", Kind: KindUint, Width: 8, Base: BaseHex, Proto: &protoCIP},
	cipMember:               {Name: "cip.member", Label: "Member", Kind: KindUint, Width: 8, Base: BaseHex, Proto: &protoCIP},
	cipAttribute:            {Name: "cip.attribute", Label: "Attribute", Kind: KindUint, Width: 8, Proto: &protoCIP},
	cipDataSegmentType:      {Name: "cip.data_segment.type", Label: "Data Segment Type", Kind: KindUint, Width: 8, Mask: 0x1f, Proto: &protoCIP},
	cipDataSegmentSize:      {Name: "cip.data_segment.size", Label: "Data Size", Kind: KindUint, Width: 8, Unit: " bytes", Proto: &protoCIP},
	cipSymbol:               {Name: "cip.symbol", Label: "ANSI Symbol", Kind: KindString, Proto: &protoCIP},
	cipMSPNumServices:       {Name: "cip.msp.num_services", Label: "Number of Services", Kind: KindUint, Width: 16, Proto: &protoCIP},
	cipMSPOffset:            {Name: "cip.msp.offset", Label: "Offset", Kind: KindUint, Width: 16, Proto: &protoCIP},
	cipData:                 {Name: "cip.data", Label: "Data", Kind: KindBytes, Proto: &protoCIP},
	cipReserved:             {Name: "cip.reserved", Label: "Reserved", Kind: KindUint, Width: 8, Base: BaseHex, Proto: &protoCIP},
	cipPad:                  {Name: "cip.pad", Label: "Pad Byte", Kind: KindUint, Width: 8, Base: BaseHex, Proto: &protoCIP},
	cipExLinkAddress:        {Name: "cip.ex_linkaddress", Label: "Extended Link Address", Kind: KindBool, Width: 8, Mask: 0x10, Proto: &protoCIP},
	cipPort:                 {Name: "cip.port", Label: "Port", Kind: KindUint, Width: 8, Mask: 0x0f, Proto: &protoCIP},
	cipLinkAddressByte:      {Name: "cip.linkaddress.byte", Label: "Link Address", Kind: KindUint, Width: 8, Proto: &protoCIP},
	// The Connection Manager's (cipcm's).
	cipCMSC:                    {Name: "cip.cm.sc", Label: "Service", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x7f, Digits: 2, Proto: &protoCIPCM},
	cipCMPriority:              {Name: "cip.cm.priority", Label: "Priority", Kind: KindUint, Width: 8, Mask: 0x10, Proto: &protoCIPCM},
	cipCMTickTime:              {Name: "cip.cm.tick_time", Label: "Tick time", Kind: KindUint, Width: 8, Mask: 0x0f, Proto: &protoCIPCM},
	cipCMTimeoutTick:           {Name: "cip.cm.timeout_tick", Label: "Time-out ticks", Kind: KindUint, Width: 8, Proto: &protoCIPCM},
	cipCMTimeout:               {Name: "cip.cm.timeout", Label: "Actual Time Out", Kind: KindUint, Width: 16, Unit: "ms", Proto: &protoCIPCM},
	cipCMMsgReqSize:            {Name: "cip.cm.msg_req_size", Label: "Embedded Message Request Size", Kind: KindUint, Width: 16, Unit: " bytes", Proto: &protoCIPCM},
	cipCMRoutePathSize:         {Name: "cip.cm.route_path_size", Label: "Route Path Size", Kind: KindUint, Width: 8, Unit: " words", Proto: &protoCIPCM},
	cipCMConnSerialNum:         {Name: "cip.cm.conn_serial_num", Label: "Connection Serial Number", Kind: KindUint, Width: 16, Base: BaseHex, Proto: &protoCIPCM},
	cipCMVendor:                {Name: "cip.cm.vendor", Label: "Originator Vendor ID", Kind: KindUint, Width: 16, Base: BaseHex, Proto: &protoCIPCM},
	cipCMOrigSerialNum:         {Name: "cip.cm.orig_serial_num", Label: "Originator Serial Number", Kind: KindUint, Width: 32, Base: BaseHex, Proto: &protoCIPCM},
	cipCMOTConnID:              {Name: "cip.cm.ot_connid", Label: "O->T Network Connection ID", Kind: KindUint, Width: 32, Base: BaseHex, Proto: &protoCIPCM},
	cipCMTOConnID:              {Name: "cip.cm.to_connid", Label: "T->O Network Connection ID", Kind: KindUint, Width: 32, Base: BaseHex, Proto: &protoCIPCM},
	cipCMConnID:                {Name: "cip.connid", Label: "Connection ID", Kind: KindUint, Width: 32, Base: BaseHex, Proto: &protoCIPCM},
	cipCMTimeoutMultiplier:     {Name: "cip.cm.timeout_multiplier", Label: "Connection Timeout Multiplier", Kind: KindUint, Width: 8, Proto: &protoCIPCM},
	cipReserved3:               {Name: "cip.reserved", Label: "Reserved", Kind: KindUint, Width: 8, Digits: 6, Base: BaseHex, Proto: &protoCIP}, // three bytes
	cipCMOTRPI:                 {Name: "cip.cm.otrpi", Label: "O->T RPI", Kind: KindUint, Width: 32, Proto: &protoCIPCM},
	cipCMOTNetParams:           {Name: "cip.cm.ot_net_params", Label: "O->T Network Connection Parameters", Kind: KindUint, Width: 32, Digits: 4, Base: BaseHex, Proto: &protoCIPCM},
	cipCMTORPI:                 {Name: "cip.cm.torpi", Label: "T->O RPI", Kind: KindUint, Width: 32, Proto: &protoCIPCM},
	cipCMTONetParams:           {Name: "cip.cm.to_net_params", Label: "T->O Network Connection Parameters", Kind: KindUint, Width: 32, Digits: 4, Base: BaseHex, Proto: &protoCIPCM},
	cipCMFwoOwner:              {Name: "cip.cm.fwo.owner", Label: "Redundant Owner", Kind: KindUint, Width: 16, Mask: 0x8000, Proto: &protoCIPCM},
	cipCMFwoType:               {Name: "cip.cm.fwo.type", Label: "Connection Type", Kind: KindUint, Width: 16, Mask: 0x6000, Proto: &protoCIPCM},
	cipCMFwoPrio:               {Name: "cip.cm.fwo.prio", Label: "Priority", Kind: KindUint, Width: 16, Mask: 0x0c00, Proto: &protoCIPCM},
	cipCMFwoFV:                 {Name: "cip.cm.fwo.f_v", Label: "Connection Size Type", Kind: KindUint, Width: 16, Mask: 0x0200, Proto: &protoCIPCM},
	cipCMFwoConSize:            {Name: "cip.cm.fwo.consize", Label: "Connection Size", Kind: KindUint, Width: 16, Mask: 0x01ff, Unit: " bytes", Proto: &protoCIPCM},
	cipCMTransportTypeTrigger:  {Name: "cip.cm.transport_type_trigger", Label: "Transport Type/Trigger", Kind: KindUint, Width: 8, Base: BaseHex, Proto: &protoCIPCM},
	cipCMFwoDir:                {Name: "cip.cm.fwo.dir", Label: "Direction", Kind: KindUint, Width: 8, Mask: 0x80, Proto: &protoCIPCM},
	cipCMFwoTrigger:            {Name: "cip.cm.fwo.trigger", Label: "Trigger", Kind: KindUint, Width: 8, Mask: 0x70, Proto: &protoCIPCM},
	cipCMFwoTransport:          {Name: "cip.cm.fwo.transport", Label: "Class", Kind: KindUint, Width: 8, Mask: 0x0f, Proto: &protoCIPCM},
	cipCMConnPathSize:          {Name: "cip.cm.connpath_size", Label: "Connection Path Size", Kind: KindUint, Width: 8, Unit: " words", Proto: &protoCIPCM},
	cipGenRequestPathSize:      {Name: "cip.request_path_size", Label: "Request Path Size", Kind: KindUint, Width: 8, Unit: " words", Proto: &protoCIP, Generated: true},
	cipGenPathSegment:          {Name: "cip.path_segment", Label: "Path Segment", Kind: KindUint, Width: 8, Base: BaseHex, Proto: &protoCIP, Generated: true},
	cipGenPathSegmentType:      {Name: "cip.path_segment.type", Label: "Path Segment Type", Kind: KindUint, Width: 8, Mask: 0xe0, Proto: &protoCIP, Generated: true},
	cipGenLogicalSegmentType:   {Name: "cip.logical_segment.type", Label: "Logical Segment Type", Kind: KindUint, Width: 8, Mask: 0x1c, Proto: &protoCIP, Generated: true},
	cipGenLogicalSegmentFormat: {Name: "cip.logical_segment.format", Label: "Logical Segment Format", Kind: KindUint, Width: 8, Mask: 0x03, Proto: &protoCIP, Generated: true},
	cipGenClass:                {Name: "cip.class", Label: "Class", Kind: KindUint, Width: 8, Base: BaseHex, Proto: &protoCIP, Generated: true},
	cipGenInstance:             {Name: "cip.instance", Label: "Instance", Kind: KindUint, Width: 8, Base: BaseHex, Proto: &protoCIP, Generated: true},
	cipGenMember:               {Name: "cip.member", Label: "Member", Kind: KindUint, Width: 8, Base: BaseHex, Proto: &protoCIP, Generated: true},
	cipGenAttribute:            {Name: "cip.attribute", Label: "Attribute", Kind: KindUint, Width: 8, Proto: &protoCIP, Generated: true},
	cipGenDataSegmentType:      {Name: "cip.data_segment.type", Label: "Data Segment Type", Kind: KindUint, Width: 8, Mask: 0x1f, Proto: &protoCIP, Generated: true},
	cipGenDataSegmentSize:      {Name: "cip.data_segment.size", Label: "Data Size", Kind: KindUint, Width: 8, Unit: " bytes", Proto: &protoCIP, Generated: true},
	cipGenSymbol:               {Name: "cip.symbol", Label: "ANSI Symbol", Kind: KindString, Proto: &protoCIP, Generated: true},
	cipGenExLinkAddress:        {Name: "cip.ex_linkaddress", Label: "Extended Link Address", Kind: KindBool, Width: 8, Mask: 0x10, Proto: &protoCIP, Generated: true},
	cipGenPort:                 {Name: "cip.port", Label: "Port", Kind: KindUint, Width: 8, Mask: 0x0f, Proto: &protoCIP, Generated: true},
	cipGenLinkAddressByte:      {Name: "cip.linkaddress.byte", Label: "Link Address", Kind: KindUint, Width: 8, Proto: &protoCIP, Generated: true},
	cipGenCMSC:                 {Name: "cip.cm.sc", Label: "Service", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x7f, Digits: 2, Proto: &protoCIPCM, Generated: true},
	cipGenCMRoutePathSize:      {Name: "cip.cm.route_path_size", Label: "Route Path Size", Kind: KindUint, Width: 8, Unit: " words", Proto: &protoCIPCM, Generated: true},
}

// cipGenTwin maps a path field to its generated twin.
var cipGenTwin = [cipFieldCount]uint8{
	cipRequestPathSize:      cipGenRequestPathSize,
	cipPathSegment:          cipGenPathSegment,
	cipPathSegmentType:      cipGenPathSegmentType,
	cipLogicalSegmentType:   cipGenLogicalSegmentType,
	cipLogicalSegmentFormat: cipGenLogicalSegmentFormat,
	cipClass:                cipGenClass,
	cipInstance:             cipGenInstance,
	cipMember:               cipGenMember,
	cipAttribute:            cipGenAttribute,
	cipDataSegmentType:      cipGenDataSegmentType,
	cipDataSegmentSize:      cipGenDataSegmentSize,
	cipSymbol:               cipGenSymbol,
	cipExLinkAddress:        cipGenExLinkAddress,
	cipPort:                 cipGenPort,
	cipLinkAddressByte:      cipGenLinkAddressByte,
}

// cipPathField returns path field k, or its generated twin.
func cipPathField(k int, gen bool) *Field {
	if gen {
		k = int(cipGenTwin[k])
	}
	return &cipFields[k]
}

var (
	protoCIP    = protoField("cip", "Common Industrial Protocol")
	protoCIPCls = protoField("cipcls", "CIP Class Generic")
	protoCIPCM  = protoField("cipcm", "CIP Connection Manager")
)

// emitCIPMessage emits message m: top-level (its protocol opened by the
// caller with Proto, closed here, then the CIP Class Generic data of a
// request after it) or nested in a Multiple Service Packet (opened by the
// caller with NestedProto, which closes it and emits its data). req is
// the request a response answers (nil: none found), whose path tshark
// draws in the response as generated lines.
func emitCIPMessage(e *emitter, m []byte, nested bool, req []byte) {
	f := &cipFields
	svc := m[0]
	emitCIPService(e, svc)
	if svc&cipResponse != 0 {
		addstat, data, _ := cipResponseData(m)
		if e.Tree() {
			t := append(e.Text(), "Status: "...)
			t = append(t, f[cipStatusGen].ValueNames().Name(uint64(m[2]))...)
			e.Line(append(t, ": "...))
		}
		e.Sub()
		e.Uint(&f[cipStatusGen], uint64(m[2]))
		emitCIPWords(e, &f[cipAddStatSize], m[3])
		if len(addstat) > 0 {
			e.LineString("Additional Status")
			e.Sub()
			for k := 0; k+1 < len(addstat); k += 2 {
				e.Uint(&f[cipAddStat], uint64(le16(addstat[k:])))
			}
			e.Up()
		}
		e.Up()
		rpath, rdata, rcp, paired := cipRequest(req)
		if paired = paired && req[0]&cipResponse == 0 && cipReadable(req, nested); paired {
			emitCIPWords(e, &f[cipGenRequestPathSize], req[1])
			emitCIPPath(e, "Request Path", rpath, rcp, true)
		}
		if svc&0x7f == cipServiceMSP && !nested {
			// Each service answers the request's service of its rank.
			// tshark pairs them only when the counts agree.
			if !paired || req[0] != cipServiceMSP || rcp.class != cipClassMsgRouter || !cipMSPReadable(rdata, false) || cipMSPCount(rdata) != cipMSPCount(data) {
				rdata = nil
			}
			emitCIPMSP(e, data, false, rdata)
		}
		if nested && cipNamed(svc) {
			emitCIPNamedData(e, svc, data)
		}
		if !nested {
			// A top-level response's data is its request's class's:
			// rawcap draws an Unconnected Send's, CIP's own services'
			// and CIP Class Generic's (of a request to a class without
			// a dissector of its own, or of no request found), and
			// leaves the others' out.
			emb, route, us := cipUnconnSendReply(m, req)
			generic := !us && svc&0x7f != cipServiceMSP && cipReplyGeneric(req)
			if generic && cipNamed(svc) {
				emitCIPNamedData(e, svc, data)
			}
			e.End()
			switch {
			case us:
				emitCIPUnconnSendReply(e, m, emb, route)
			case generic && !cipNamed(svc):
				emitCIPGeneric(e, data, false, true)
			}
		}
		return
	}
	path, data, cp, _ := cipRequest(m)
	emitCIPWords(e, &f[cipRequestPathSize], m[1])
	emitCIPPath(e, "Request Path", path, cp, false)
	switch {
	case svc == cipServiceMSP && cp.class == cipClassMsgRouter && !nested:
		emitCIPMSP(e, data, true, nil)
	case cipNamed(svc):
		// One of CIP's services: its name, and its data.
		if e.Tree() {
			t := append(e.Text(), f[cipSC].ValueNames().Name(uint64(svc))...)
			e.Line(append(t, " (Request)"...))
		}
		if len(data) > 0 {
			e.Sub()
			e.Bytes(&f[cipData], data)
			e.Up()
		}
	}
	if nested {
		return
	}
	e.End()
	switch {
	case svc == cipUnconnectedSend && cp.class == cipClassConnMgr:
		emitCIPUnconnSend(e, data)
	case svc == cipForwardClose && cp.class == cipClassConnMgr:
		emitCIPFwdClose(e, data)
	case svc == cipForwardOpen && cp.class == cipClassConnMgr:
		emitCIPFwdOpen(e, data)
	case !cipNamed(svc):
		emitCIPGeneric(e, data, false, false)
	}
}

// emitCIPWords emits a size in words, as tshark words it ("1 word", "2
// words").
func emitCIPWords(e *emitter, f *Field, n byte) {
	e.Uint(f, uint64(n))
	if n == 1 && e.Tree() {
		t := append(e.Text(), f.Label...)
		e.SetRepr(append(t, ": 1 word"...))
	}
}

// emitCIPGeneric emits data as the CIP Class Generic protocol's, nested
// or top-level as its message is.
// A response inside a Multiple Service Packet has it even when it holds
// no data: tshark names the protocol, with no line in its tree.
func emitCIPGeneric(e *emitter, data []byte, nested, response bool) {
	if len(data) == 0 && !response {
		return
	}
	var depth uint8
	if nested {
		depth = e.NestedProto(&protoCIPCls)
	} else {
		e.Proto(&protoCIPCls)
	}
	if len(data) == 0 {
		e.NoTree()
	} else {
		e.LineString("Command Specific Data")
		e.Sub()
		e.Bytes(&cipFields[cipData], data)
		e.Up()
	}
	if nested {
		e.EndNested(depth)
	} else {
		e.End()
	}
}

// cipServiceData returns the data of a message rawcap reads.
func cipServiceData(m []byte) []byte {
	if m[0]&cipResponse != 0 {
		_, data, _ := cipResponseData(m)
		return data
	}
	_, data, _, _ := cipRequest(m)
	return data
}

// emitCIPService emits the service byte and its two parts.
func emitCIPService(e *emitter, svc byte) {
	f := &cipFields
	e.Uint(&f[cipService], uint64(svc))
	if e.Tree() {
		t := append(e.Text(), "Service: "...)
		if name := f[cipSC].ValueNames().Name(uint64(svc & 0x7f)); name != "" {
			t = append(t, name...)
		} else {
			t = append(t, "Unknown Service (0x"...)
			t = appendHex2(t, svc&0x7f)
			t = append(t, ')')
		}
		if svc&cipResponse != 0 {
			t = append(t, " (Response)"...)
		} else {
			t = append(t, " (Request)"...)
		}
		e.SetRepr(t)
	}
	e.Sub()
	e.UintBits(&f[cipRR], uint64(svc))
	e.UintBits(&f[cipSC], uint64(svc))
	e.Up()
}

// emitCIPPath emits a request path read by parseCIPPath: its title line,
// the hidden EPath, and each segment; gen: as a response draws its
// request's path, every line generated and no EPath.
func emitCIPPath(e *emitter, label string, p []byte, cp cipPath, gen bool) {
	f := &cipFields
	if e.Tree() {
		t := e.Text()
		if gen {
			t = append(t, '[')
		}
		t = appendCIPPathTitle(append(append(t, label...), ": "...), cp)
		if gen {
			t = append(t, ']')
		}
		e.Line(t)
	}
	e.Sub()
	if !gen {
		e.Bytes(&f[cipEPath], p)
		e.NoTree()
	}
	for off := 0; off < len(p); {
		n, _ := cipSegment(p, off)
		c := p[off]
		e.Uint(cipPathField(cipPathSegment, gen), uint64(c))
		if e.Tree() {
			t := append(e.Text(), "Path Segment: 0x"...)
			t = appendHex2(t, c)
			switch {
			case cipPortSegment(c):
				t = append(t, " (Port Segment)"...)
			case c == 0x20:
				t = append(t, " (8-Bit Class Segment)"...)
			case c == 0x24:
				t = append(t, " (8-Bit Instance Segment)"...)
			case c == 0x28:
				t = append(t, " (8-Bit Member Segment)"...)
			case c == 0x30:
				t = append(t, " (8-Bit Attribute Segment)"...)
			case c == 0x91:
				t = append(t, " (ANSI Extended Symbol Segment)"...)
			}
			e.SetRepr(t)
		}
		e.Sub()
		e.UintBits(cipPathField(cipPathSegmentType, gen), uint64(c))
		switch {
		case cipPortSegment(c):
			e.BoolBits(cipPathField(cipExLinkAddress, gen), uint64(c))
			e.UintBits(cipPathField(cipPort, gen), uint64(c))
			e.Uint(cipPathField(cipLinkAddressByte, gen), uint64(p[off+1]))
		case c == 0x91:
			size := int(p[off+1])
			e.UintBits(cipPathField(cipDataSegmentType, gen), uint64(c))
			e.Uint(cipPathField(cipDataSegmentSize, gen), uint64(size))
			e.Bytes(cipPathField(cipSymbol, gen), p[off+2:off+2+size])
		default:
			e.UintBits(cipPathField(cipLogicalSegmentType, gen), uint64(c))
			e.UintBits(cipPathField(cipLogicalSegmentFormat, gen), uint64(c))
			v := uint64(p[off+1])
			switch c {
			case 0x20:
				e.Uint(cipPathField(cipClass, gen), v)
			case 0x24:
				e.Uint(cipPathField(cipInstance, gen), v)
			case 0x28:
				e.Uint(cipPathField(cipMember, gen), v)
			case 0x30:
				e.Uint(cipPathField(cipAttribute, gen), v)
			}
		}
		e.Up()
		off += n
	}
	e.Up()
}

// appendCIPPathTitle appends what tshark's "Request Path:" line names:
// the class (its name, or "Class: 0xAC"), the instance, or the symbol.
func appendCIPPathTitle(b []byte, cp cipPath) []byte {
	sep := false
	if cp.port >= 0 {
		b = append(b, "Port: "...)
		b = appendCIPPortName(b, byte(cp.port))
		b = append(b, ", Address: "...)
		b = appendUint(b, uint64(cp.link))
		sep = true
	}
	if cp.class != cipNoClass {
		if sep {
			b = append(b, ", "...)
		}
		if name := cipFields[cipClass].ValueNames().Name(uint64(cp.class)); name != "" {
			b = append(b, name...)
		} else {
			b = append(b, "Class: 0x"...)
			b = appendHexNUpper(b, uint64(cp.class), 2)
		}
		sep = true
	}
	if cp.instance >= 0 {
		if sep {
			b = append(b, ", "...)
		}
		b = append(b, "Instance: 0x"...)
		b = appendHexNUpper(b, uint64(cp.instance), 2)
		sep = true
	}
	if cp.member >= 0 {
		if sep {
			b = append(b, ", "...)
		}
		b = append(b, "Member: 0x"...)
		b = appendHexNUpper(b, uint64(cp.member), 2)
		sep = true
	}
	if cp.attribute >= 0 {
		if sep {
			b = append(b, ", "...)
		}
		b = append(b, "Attribute: "...)
		b = appendUint(b, uint64(cp.attribute))
		sep = true
	}
	if cp.symbol != nil {
		if sep {
			b = append(b, ", "...)
		}
		b = append(b, cp.symbol...)
	}
	return b
}

// emitCIPMSP emits a Multiple Service Packet's body and its services;
// req is the body of the request a response answers (nil: none found).
func emitCIPMSP(e *emitter, body []byte, request bool, req []byte) {
	f := &cipFields
	count, _, _ := cipMSP(body, -1)
	if request {
		e.LineString("Multiple Service Packet (Request)")
	} else {
		e.LineString("Multiple Service Packet (Response)")
	}
	e.Sub()
	e.Uint(&f[cipMSPNumServices], uint64(count))
	e.LineString("Offset List")
	e.Sub()
	for k := range count {
		e.Uint(&f[cipMSPOffset], uint64(le16(body[2+2*k:])))
	}
	e.Up()
	rcount := 0
	if req != nil {
		rcount, _, _ = cipMSP(req, -1)
	}
	for k := range count {
		_, svc, _ := cipMSP(body, k)
		var rsvc []byte
		if k < rcount {
			_, rsvc, _ = cipMSP(req, k)
		}
		if e.Tree() {
			if request {
				e.Line(appendCIPServiceTitle(e.Text(), k, nil, svc))
			} else {
				e.Line(appendCIPServiceTitle(e.Text(), k, svc, rsvc))
			}
		}
		e.Sub()
		e.Uint(&f[cipMSPOffset], uint64(le16(body[2+2*k:])))
		depth := e.NestedProto(&protoCIP)
		emitCIPMessage(e, svc, true, rsvc)
		e.EndNested(depth)
		if !cipNamed(svc[0]) {
			emitCIPGeneric(e, cipServiceData(svc), true, svc[0]&cipResponse != 0)
		}
		e.Up()
	}
	e.Up()
}

// appendCIPServiceTitle appends a service's title: a request's "Service
// Packet #1: Class (0x72) - Service (0x4c)" ("'SYMBOL' - Service (0x4e)"
// for a symbol), a response's with its status first ("Service Packet #1:
// Success: Class (0x72) - Service (0x4c)"), the class or symbol its
// request's (none without one). resp is the response (nil for a
// request), req the request.
func appendCIPServiceTitle(b []byte, k int, resp, req []byte) []byte {
	_, _, cp, ok := cipRequest(req)
	b = append(b, "Service Packet #"...)
	b = appendUint(b, uint64(k+1))
	b = append(b, ": "...)
	code := req
	if resp != nil {
		b = append(b, cipFields[cipStatusGen].ValueNames().Name(uint64(resp[2]))...)
		b = append(b, ": "...)
		code = resp
	}
	switch {
	case !ok:
	case cp.symbol != nil:
		b = append(b, '\'')
		b = append(b, cp.symbol...)
		b = append(b, "' - "...)
	case cp.class != cipNoClass:
		b = append(b, "Class (0x"...)
		b = appendHex2(b, byte(cp.class))
		b = append(b, ") - "...)
	}
	return appendCIPServiceName(b, code[0])
}

// appendCIPProtocols appends what frame.protocols names for message m
// after "cip": a "cipcls" for each CIP Class Generic data, a "cipcm" for
// the Connection Manager's part (of a response, req is its request: nil
// for none found).
func appendCIPProtocols(b []byte, m, req []byte) []byte {
	svc := m[0]
	var body []byte
	if svc&cipResponse != 0 {
		if _, _, ok := cipUnconnSendReply(m, req); ok {
			b = append(b, ":cipcm"...)
			if !cipNamed(svc) {
				b = append(b, ":cipcls"...)
			}
			return b
		}
		if svc&0x7f != cipServiceMSP {
			if !cipNamed(svc) && cipReplyGeneric(req) {
				b = append(b, ":cipcls"...)
			}
			return b
		}
		_, body, _ = cipResponseData(m)
	} else {
		_, data, cp, _ := cipRequest(m)
		if (svc == cipForwardClose || svc == cipForwardOpen) && cp.class == cipClassConnMgr {
			return append(b, ":cipcm"...)
		}
		if svc == cipUnconnectedSend && cp.class == cipClassConnMgr {
			b = append(b, ":cipcm"...)
			emb, _, _ := cipUnconnSend(data)
			if !cipNamed(emb[0]) && len(cipServiceData(emb)) > 0 {
				b = append(b, ":cipcls"...)
			}
			return b
		}
		if svc != cipServiceMSP || cp.class != cipClassMsgRouter {
			if len(data) > 0 && !cipNamed(svc) {
				b = append(b, ":cipcls"...)
			}
			return b
		}
		body = data
	}
	count, _, _ := cipMSP(body, -1)
	for k := range count {
		if _, svc, _ := cipMSP(body, k); !cipNamed(svc[0]) && (svc[0]&cipResponse != 0 || len(cipServiceData(svc)) > 0) {
			b = append(b, ":cipcls"...)
		}
	}
	return b
}

// cipUnconnSend splits an Unconnected Send request's data (priority and
// tick time, time-out ticks, the embedded message's size, the message, a
// pad byte to a word, the route path's size, a reserved byte, the route
// path) into the embedded message and the route path; ok is false when
// the lengths do not add up to the data or the route path holds other
// than port segments with a one-byte link address.
func cipUnconnSend(d []byte) (emb, route []byte, ok bool) {
	if len(d) < 4 {
		return nil, nil, false
	}
	n := int(le16(d[2:]))
	end := 4 + n + n&1
	if n < 2 || end+2 > len(d) {
		return nil, nil, false
	}
	emb = d[4 : 4+n]
	route = d[end+2:]
	if len(route) != 2*int(d[end]) || len(route) != 2 {
		return nil, nil, false
	}
	if c := route[0]; c&0xf0 != 0 || c&0x0f == 0x0f || c&0x0f == 0 {
		return nil, nil, false
	}
	return emb, route, true
}

// emitCIPUnconnSend emits the Connection Manager's Unconnected Send
// request, its embedded message a CIP of its own.
func emitCIPUnconnSend(e *emitter, d []byte) {
	f := &cipFields
	emb, route, _ := cipUnconnSend(d)
	emitCIPCMHead(e, cipUnconnectedSend, d)
	e.Uint(&f[cipCMMsgReqSize], uint64(len(emb)))
	e.LineString("CIP Embedded Message Request")
	e.Sub()
	depth := e.NestedProto(&protoCIP)
	emitCIPMessage(e, emb, true, nil)
	e.EndNested(depth)
	if !cipNamed(emb[0]) {
		emitCIPGeneric(e, cipServiceData(emb), true, false)
	}
	e.Up()
	at := 4 + len(emb)
	if len(emb)&1 != 0 {
		e.Uint(&f[cipPad], uint64(d[at]))
		at++
	}
	emitCIPWords(e, &f[cipCMRoutePathSize], byte(len(route)/2))
	e.Uint(&f[cipReserved], uint64(d[at+1]))
	emitCIPPath(e, "Route Path", route, parseCIPPath(route), false)
	e.Up()
	e.End()
}

// cipUnconnSendReply returns the embedded request and the route path of
// the Unconnected Send request req (one rawcap reads) that the top-level
// response m answers; ok is false otherwise (req nil too).
func cipUnconnSendReply(m, req []byte) (emb, route []byte, ok bool) {
	if len(m) < 4 || m[0]&cipResponse == 0 || len(req) < 2 || req[0] != cipUnconnectedSend || !cipReadable(req, false) {
		return nil, nil, false
	}
	_, data, cp, _ := cipRequest(req)
	if cp.class != cipClassConnMgr {
		return nil, nil, false
	}
	emb, route, _ = cipUnconnSend(data)
	return emb, route, true
}

// cipReplyGeneric reports whether the data of a top-level response to req
// is CIP's own service's or CIP Class Generic's, as rawcap draws them: no
// request was found, or rawcap reads it and its class (or symbol) has no
// dissector of its own in Wireshark.
func cipReplyGeneric(req []byte) bool {
	if req == nil {
		return true
	}
	_, _, cp, ok := cipRequest(req)
	return ok && req[0]&cipResponse == 0 && req[0] != cipServiceMSP && cipGeneric(cp.class) && cipReadable(req, false)
}

// emitCIPNamedData emits a response's data for one of CIP's services:
// "Get Attribute Single (Response)", then its bytes.
func emitCIPNamedData(e *emitter, svc byte, data []byte) {
	f := &cipFields
	if e.Tree() {
		t := append(e.Text(), f[cipSC].ValueNames().Name(uint64(svc&0x7f))...)
		e.Line(append(t, " (Response)"...))
	}
	if len(data) > 0 {
		e.Sub()
		e.Bytes(&f[cipData], data)
		e.Up()
	}
}

// cipMSPCount returns a Multiple Service Packet's service count.
func cipMSPCount(body []byte) int {
	n, _, _ := cipMSP(body, -1)
	return n
}

// emitCIPUnconnSendReply emits the Connection Manager's part of response
// m to an Unconnected Send: the request's service, its embedded request's
// path and its route path as generated lines, then m's data.
func emitCIPUnconnSendReply(e *emitter, m, emb, route []byte) {
	f := &cipFields
	e.Proto(&protoCIPCM)
	e.Uint(&f[cipGenCMSC], cipUnconnectedSend)
	if e.Tree() {
		t := append(e.Text(), "Service: "...)
		t = append(t, f[cipCMSC].ValueNames().Name(cipUnconnectedSend)...)
		e.SetRepr(append(t, " (Response)"...))
	}
	path, _, cp, _ := cipRequest(emb)
	emitCIPWords(e, &f[cipGenRequestPathSize], emb[1])
	emitCIPPath(e, "Request Path", path, cp, true)
	emitCIPWords(e, &f[cipGenCMRoutePathSize], byte(len(route)/2))
	emitCIPPath(e, "Route/Connection Path", route, parseCIPPath(route), true)
	_, data, _ := cipResponseData(m)
	if cipNamed(m[0]) {
		emitCIPNamedData(e, m[0], data)
	} else {
		emitCIPGeneric(e, data, true, true)
	}
	e.End()
}

// appendCIPPortName appends a port's name ("Backplane"), or its number.
func appendCIPPortName(b []byte, port byte) []byte {
	if name := cipFields[cipPort].ValueNames().Name(uint64(port)); name != "" {
		return append(b, name...)
	}
	return appendUint(b, uint64(port))
}

// infoCIP appends the packet list's Info for message m: a request's
// "Message Router - Multiple Service Packet", "Class (0x72) - Service
// (0x4c)" or "'SYMBOL' - Get Attribute Single", a response's "Success:
// Get Attributes All"; after a Multiple Service Packet its services'
// ("Service (0x4c), Service (0x4c)"), after an Unconnected Send its
// embedded request's.
func infoCIP(b []byte, m, req []byte) []byte {
	if len(m) < 2 {
		return b
	}
	svc := m[0]
	if svc&cipResponse != 0 {
		if len(m) < 4 {
			return b
		}
		b = append(b, cipFields[cipStatusGen].ValueNames().Name(uint64(m[2]))...)
		b = append(b, ": "...)
		if emb, _, ok := cipUnconnSendReply(m, req); ok {
			// Named as its embedded request's path names it.
			_, _, ecp, _ := cipRequest(emb)
			return appendCIPRequestInfo(b, ecp, svc)
		}
		if _, _, rcp, ok := cipRequest(req); ok && req[0]&cipResponse == 0 && svc&0x7f != cipServiceMSP && rcp.class != cipClassConnMgr &&
			(cipNamed(svc) || cipGeneric(rcp.class)) {
			// Named as its request's path names it.
			return appendCIPRequestInfo(b, rcp, svc)
		}
		b = appendCIPServiceName(b, svc)
		if _, data, ok := cipResponseData(m); ok && svc&0x7f == cipServiceMSP && cipMSPReadable(data, true) {
			b = appendCIPMSPInfo(b, data)
		}
		return b
	}
	_, data, cp, ok := cipRequest(m)
	if !ok {
		return appendCIPServiceName(b, svc)
	}
	switch {
	case svc == cipServiceMSP && cp.class == cipClassMsgRouter:
		b = appendCIPRequestInfo(b, cp, svc)
		if cipMSPReadable(data, false) {
			b = appendCIPMSPInfo(b, data)
		}
	case (svc == cipForwardClose || svc == cipForwardOpen) && cp.class == cipClassConnMgr:
		b = appendCIPRequestInfo(b, cp, svc)
		path, ok := cipFwdClose(data)
		if svc == cipForwardOpen {
			path, ok = cipFwdOpen(data)
		}
		if ok {
			b = append(b, " ("...)
			b = append(b, cipFields[cipClass].ValueNames().Name(uint64(parseCIPPath(path).class))...)
			b = append(b, ')')
		}
	case svc == cipUnconnectedSend && cp.class == cipClassConnMgr:
		b = appendCIPRequestInfo(b, cp, svc)
		if emb, _, ok := cipUnconnSend(data); ok {
			if _, _, ecp, ok := cipRequest(emb); ok {
				b = append(b, ": "...)
				b = appendCIPRequestInfo(b, ecp, emb[0])
			}
		}
	default:
		b = appendCIPRequestInfo(b, cp, svc)
	}
	return b
}

// appendCIPRequestInfo appends what names a request: its class's name and
// its service's as that class names it ("Connection Manager - Unconnected
// Send"), or "Class (0x72)" or the symbol ("'abc'") and the service.
func appendCIPRequestInfo(b []byte, cp cipPath, svc byte) []byte {
	switch {
	case cp.class == cipClassConnMgr:
		b = append(b, "Connection Manager - "...)
		if name := cipFields[cipCMSC].ValueNames().Name(uint64(svc & 0x7f)); name != "" {
			return append(b, name...)
		}
		return appendCIPServiceName(b, svc)
	case cp.class != cipNoClass && !cipGeneric(cp.class):
		b = append(b, cipFields[cipClass].ValueNames().Name(uint64(cp.class))...)
		b = append(b, " - "...)
	case cp.symbol != nil:
		b = append(b, '\'')
		b = append(b, cp.symbol...)
		b = append(b, "' - "...)
	case cp.class != cipNoClass:
		b = append(b, "Class (0x"...)
		b = appendHex2(b, byte(cp.class))
		b = append(b, ") - "...)
	}
	return appendCIPServiceName(b, svc)
}

// appendCIPServiceName appends a service's name ("Multiple Service
// Packet"), or "Service (0x4c)".
func appendCIPServiceName(b []byte, svc byte) []byte {
	if name := cipFields[cipSC].ValueNames().Name(uint64(svc & 0x7f)); name != "" {
		return append(b, name...)
	}
	b = append(b, "Service (0x"...)
	b = appendHex2(b, svc&0x7f)
	return append(b, ')')
}

// appendCIPMSPInfo appends a Multiple Service Packet's services: ": " and
// each one's service, joined by ", ".
func appendCIPMSPInfo(b []byte, body []byte) []byte {
	count, _, _ := cipMSP(body, -1)
	b = append(b, ": "...)
	for k := range count {
		if k > 0 {
			b = append(b, ", "...)
		}
		_, svc, _ := cipMSP(body, k)
		b = appendCIPServiceName(b, svc[0])
	}
	return b
}

// cipFwdClose returns a Forward Close request's connection path: after
// priority and tick time, time-out ticks, the connection's serial number,
// the originator's vendor and serial number, the path's size and a
// reserved byte. ok is false when the lengths do not add up to the data
// or the path names no class Wireshark names (which the Info names).
func cipFwdClose(d []byte) (path []byte, ok bool) { return cipCMPath(d, 10, 12) }

// cipCMPath returns the connection path that ends a Connection Manager
// request's data d after head bytes, d[size] being the path's size in
// words; ok as for cipFwdClose.
func cipCMPath(d []byte, size, head int) (path []byte, ok bool) {
	if len(d) < head || len(d) != head+2*int(d[size]) {
		return nil, false
	}
	path = d[head:]
	cp := parseCIPPath(path)
	return path, cp.ok && cp.class != cipNoClass && !cipGeneric(cp.class)
}

// emitCIPFwdClose emits the Connection Manager's Forward Close request.
func emitCIPFwdClose(e *emitter, d []byte) {
	f := &cipFields
	path, _ := cipFwdClose(d)
	emitCIPCMHead(e, cipForwardClose, d)
	e.Uint(&f[cipCMConnSerialNum], uint64(le16(d[2:])))
	e.Uint(&f[cipCMVendor], uint64(le16(d[4:])))
	e.Uint(&f[cipCMOrigSerialNum], uint64(le32(d[6:])))
	emitCIPWords(e, &f[cipCMConnPathSize], d[10])
	e.Uint(&f[cipReserved], uint64(d[11]))
	emitCIPPath(e, "Connection Path", path, parseCIPPath(path), false)
	e.Up()
	e.End()
}

// emitCIPCMHead opens the Connection Manager's protocol for a request of
// service svc: the service's line, then "Command Specific Data" (left
// open: the caller ends it with Up) and the time-out's fields.
func emitCIPCMHead(e *emitter, svc byte, d []byte) {
	f := &cipFields
	e.Proto(&protoCIPCM)
	if e.Tree() {
		t := append(e.Text(), "Service: "...)
		t = append(t, f[cipCMSC].ValueNames().Name(uint64(svc))...)
		e.Line(append(t, " (Request)"...))
	}
	e.Sub()
	e.UintBits(&f[cipRR], uint64(svc))
	e.UintBits(&f[cipCMSC], uint64(svc))
	e.Up()
	e.LineString("Command Specific Data")
	e.Sub()
	e.UintBits(&f[cipCMPriority], uint64(d[0]))
	e.UintBits(&f[cipCMTickTime], uint64(d[0]))
	e.Uint(&f[cipCMTimeoutTick], uint64(d[1]))
	e.Uint(&f[cipCMTimeout], uint64(d[1])<<(d[0]&0x0f))
}

// cipCMRequest reports whether top-level message m is a Connection
// Manager request rawcap reads (the packet list's Protocol is "CIP CM").
func cipCMRequest(m []byte) bool {
	_, data, cp, ok := cipRequest(m)
	if !ok || m[0]&cipResponse != 0 || cp.class != cipClassConnMgr {
		return false
	}
	switch m[0] {
	case cipUnconnectedSend:
		_, _, ok = cipUnconnSend(data)
	case cipForwardClose:
		_, ok = cipFwdClose(data)
	case cipForwardOpen:
		_, ok = cipFwdOpen(data)
	default:
		ok = false
	}
	return ok
}

// cipFwdOpen returns a Forward Open request's connection path: after
// priority and tick time, time-out ticks, the two network connection ids,
// the connection's serial number, the originator's vendor and serial
// number, the time-out multiplier, three reserved bytes, each direction's
// RPI and 16-bit network connection parameters, the transport type and
// trigger and the path's size. ok as for cipFwdClose.
func cipFwdOpen(d []byte) (path []byte, ok bool) { return cipCMPath(d, 35, 36) }

// emitCIPFwdOpen emits the Connection Manager's Forward Open request.
func emitCIPFwdOpen(e *emitter, d []byte) {
	f := &cipFields
	path, _ := cipFwdOpen(d)
	emitCIPCMHead(e, cipForwardOpen, d)
	e.Uint(&f[cipCMOTConnID], uint64(le32(d[2:])))
	e.Uint(&f[cipCMTOConnID], uint64(le32(d[6:])))
	e.Uint(&f[cipCMConnID], uint64(le32(d[2:])))
	e.NoTree()
	e.Uint(&f[cipCMConnID], uint64(le32(d[6:])))
	e.NoTree()
	e.Uint(&f[cipCMConnSerialNum], uint64(le16(d[10:])))
	e.Uint(&f[cipCMVendor], uint64(le16(d[12:])))
	e.Uint(&f[cipCMOrigSerialNum], uint64(le32(d[14:])))
	e.Uint(&f[cipCMTimeoutMultiplier], uint64(d[18]))
	e.Uint(&f[cipReserved3], uint64(d[19])|uint64(d[20])<<8|uint64(d[21])<<16)
	emitCIPRPI(e, &f[cipCMOTRPI], le32(d[22:]))
	emitCIPNetParams(e, &f[cipCMOTNetParams], le16(d[26:]))
	emitCIPRPI(e, &f[cipCMTORPI], le32(d[28:]))
	emitCIPNetParams(e, &f[cipCMTONetParams], le16(d[32:]))
	tt := uint64(d[34])
	e.Uint(&f[cipCMTransportTypeTrigger], tt)
	if e.Tree() {
		t := append(e.Text(), "Transport Type/Trigger: 0x"...)
		t = appendHex2(t, d[34])
		t = append(t, ", Direction: "...)
		t = append(t, f[cipCMFwoDir].ValueNames().Name(tt>>7)...)
		t = append(t, ", Trigger: "...)
		t = append(t, f[cipCMFwoTrigger].ValueNames().Name(tt>>4&7)...)
		t = append(t, ", Class: "...)
		e.SetRepr(appendUint(t, tt&0x0f))
	}
	e.Sub()
	e.UintBits(&f[cipCMFwoDir], tt)
	e.UintBits(&f[cipCMFwoTrigger], tt)
	e.UintBits(&f[cipCMFwoTransport], tt)
	e.Up()
	emitCIPWords(e, &f[cipCMConnPathSize], d[35])
	emitCIPPath(e, "Connection Path", path, parseCIPPath(path), false)
	e.Up()
	e.End()
}

// emitCIPRPI emits a requested packet interval, in microseconds, drawn in
// milliseconds ("2000.000ms").
func emitCIPRPI(e *emitter, f *Field, us uint32) {
	e.Uint(f, uint64(us))
	if e.Tree() {
		t := append(e.Text(), f.Label...)
		t = append(t, ": "...)
		t = appendUint(t, uint64(us/1000))
		t = append(t, '.')
		t = append(t, byte('0'+us%1000/100), byte('0'+us%100/10), byte('0'+us%10))
		e.SetRepr(append(t, "ms"...))
	}
}

// emitCIPNetParams emits a Forward Open's 16-bit network connection
// parameters and their parts.
func emitCIPNetParams(e *emitter, f *Field, v uint16) {
	g := &cipFields
	e.Uint(f, uint64(v))
	e.Sub()
	e.UintBits(&g[cipCMFwoOwner], uint64(v))
	e.UintBits(&g[cipCMFwoType], uint64(v))
	e.UintBits(&g[cipCMFwoPrio], uint64(v))
	e.UintBits(&g[cipCMFwoFV], uint64(v))
	e.UintBits(&g[cipCMFwoConSize], uint64(v))
	e.Up()
}
