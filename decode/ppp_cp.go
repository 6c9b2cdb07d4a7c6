package decode

import "strconv"

// PPP's control and authentication protocols as tshark draws them: LCP
// (RFC 1661: configuration options, echo, termination), IPCP (RFC 1332,
// with RFC 1877's DNS and NBNS addresses), IPV6CP (RFC 5072), CHAP (RFC
// 1994) and PAP (RFC 1334). Each is a layer after PPP; a message is a code,
// an identifier and a length that counts the four header bytes, then the
// code's data. The options emitted stop at the first one rawcap does not
// know (or one that runs past the message).

func (d *Decoder) decodePPPCP(l *Layer) LayerType {
	b := d.bytes(l)
	if len(b) < 4 {
		l.Malformed = ReasonTruncated
		return LayerNone
	}
	n := int(be16(b[2:]))
	if n < 4 {
		l.Malformed = ReasonBadLength
		return LayerNone
	}
	// A message cut short is read as far as it goes; bytes after one are
	// the link's (tshark shows no data for them).
	l.Payload = l.End
	return LayerNone
}

// pppCPLayer returns the layer of a control or authentication protocol
// number, or LayerNone.
func pppCPLayer(proto uint16) LayerType {
	switch proto {
	case PPPLCP:
		return LayerLCP
	case PPPIPCP:
		return LayerIPCP
	case PPPIPv6CP:
		return LayerIPv6CP
	case PPPCHAP:
		return LayerCHAP
	case PPPPAP:
		return LayerPAP
	}
	return LayerNone
}

// The fields, as Wireshark registers them (the code, identifier and length
// of LCP, IPCP and IPV6CP are PPP's: pppFields).
const (
	lcpOptType = iota
	lcpOptLength
	lcpOptMRU
	lcpOptAsyncmap
	lcpOptAuthProtocol
	lcpOptAlgorithm
	lcpOptMagicNumber
	lcpOptOperation
	lcpOptMRRU
	lcpOptEPDiscClass
	lcpOptData
	lcpMagicNumber
	lcpData
	lcpFieldCount
)

var lcpFields = [lcpFieldCount]Field{
	lcpOptType:         {Name: "lcp.opt.type", Label: "Type", Kind: KindUint, Width: 8},
	lcpOptLength:       {Name: "lcp.opt.length", Label: "Length", Kind: KindUint, Width: 8},
	lcpOptMRU:          {Name: "lcp.opt.mru", Label: "Maximum Receive Unit", Kind: KindUint, Width: 16},
	lcpOptAsyncmap:     {Name: "lcp.opt.asyncmap", Label: "Async Control Character Map", Kind: KindUint, Width: 32, Base: BaseHex},
	lcpOptAuthProtocol: {Name: "lcp.opt.auth_protocol", Label: "Authentication Protocol", Kind: KindUint, Width: 16, Base: BaseHex},
	lcpOptAlgorithm:    {Name: "lcp.opt.algorithm", Label: "Algorithm", Kind: KindUint, Width: 8},
	lcpOptMagicNumber:  {Name: "lcp.opt.magic_number", Label: "Magic Number", Kind: KindUint, Width: 32, Base: BaseHex},
	lcpOptOperation:    {Name: "lcp.opt.operation", Label: "Operation", Kind: KindUint, Width: 8},
	lcpOptMRRU:         {Name: "lcp.opt.mrru", Label: "MRRU", Kind: KindUint, Width: 16},
	lcpOptEPDiscClass:  {Name: "lcp.opt.ep_disc_class", Label: "Class", Kind: KindUint, Width: 8},
	lcpOptData:         {Name: "lcp.opt.data", Label: "Data", Kind: KindBytes},
	lcpMagicNumber:     {Name: "lcp.magic_number", Label: "Magic Number", Kind: KindUint, Width: 32, Base: BaseHex},
	lcpData:            {Name: "lcp.data", Label: "Data", Kind: KindBytes},
}

const (
	ipcpOptType = iota
	ipcpOptLength
	ipcpOptIPAddress
	ipcpOptPriDNS
	ipcpOptPriNBNS
	ipcpOptSecDNS
	ipcpOptSecNBNS
	ipcpOptCompressProto
	ipcpOptTCPSpace
	ipcpOptNonTCPSpace
	ipcpOptFMaxPeriod
	ipcpOptFMaxTime
	ipcpOptMaxHeader
	ipcpFieldCount
)

var ipcpFields = [ipcpFieldCount]Field{
	ipcpOptType:          {Name: "ipcp.opt.type", Label: "Type", Kind: KindUint, Width: 8},
	ipcpOptLength:        {Name: "ipcp.opt.length", Label: "Length", Kind: KindUint, Width: 8},
	ipcpOptIPAddress:     {Name: "ipcp.opt.ip_address", Label: "IP Address", Kind: KindIPv4},
	ipcpOptPriDNS:        {Name: "ipcp.opt.pri_dns_address", Label: "Primary DNS Address", Kind: KindIPv4},
	ipcpOptPriNBNS:       {Name: "ipcp.opt.pri_nbns_address", Label: "Primary NBNS Address", Kind: KindIPv4},
	ipcpOptSecDNS:        {Name: "ipcp.opt.sec_dns_address", Label: "Secondary DNS Address", Kind: KindIPv4},
	ipcpOptSecNBNS:       {Name: "ipcp.opt.sec_nbns_address", Label: "Secondary NBNS Address", Kind: KindIPv4},
	ipcpOptCompressProto: {Name: "ipcp.opt.compress_proto", Label: "IP Compression Protocol", Kind: KindUint, Width: 16, Base: BaseHex},
	ipcpOptTCPSpace:      {Name: "ipcp.opt.tcp_space", Label: "TCP Space", Kind: KindUint, Width: 16},
	ipcpOptNonTCPSpace:   {Name: "ipcp.opt.non_tcp_space", Label: "Non TCP Space", Kind: KindUint, Width: 16},
	ipcpOptFMaxPeriod:    {Name: "ipcp.opt.f_max_period", Label: "F Max Period", Kind: KindUint, Width: 16},
	ipcpOptFMaxTime:      {Name: "ipcp.opt.f_max_time", Label: "F Max Time", Kind: KindUint, Width: 16},
	ipcpOptMaxHeader:     {Name: "ipcp.opt.max_header", Label: "Max Header", Kind: KindUint, Width: 16},
}

const (
	ipv6cpOptType = iota
	ipv6cpOptLength
	ipv6cpInterfaceID
	ipv6cpFieldCount
)

var ipv6cpFields = [ipv6cpFieldCount]Field{
	ipv6cpOptType:     {Name: "ipv6cp.opt.type", Label: "Type", Kind: KindUint, Width: 8},
	ipv6cpOptLength:   {Name: "ipv6cp.opt.length", Label: "Length", Kind: KindUint, Width: 8},
	ipv6cpInterfaceID: {Name: "ipv6cp.interface_identifier", Label: "Interface Identifier", Kind: KindBytes, ColonSep: true},
}

const (
	chapCode = iota
	chapIdentifier
	chapLength
	chapData
	chapValueSize
	chapValue
	chapName
	chapMessage
	chapFieldCount
)

var chapFields = [chapFieldCount]Field{
	chapCode:       {Name: "chap.code", Label: "Code", Kind: KindUint, Width: 8},
	chapIdentifier: {Name: "chap.identifier", Label: "Identifier", Kind: KindUint, Width: 8},
	chapLength:     {Name: "chap.length", Label: "Length", Kind: KindUint, Width: 16},
	chapData:       {Name: "chap.data", Label: "Data", Kind: KindNone},
	chapValueSize:  {Name: "chap.value_size", Label: "Value Size", Kind: KindUint, Width: 8},
	chapValue:      {Name: "chap.value", Label: "Value", Kind: KindBytes},
	chapName:       {Name: "chap.name", Label: "Name", Kind: KindString},
	chapMessage:    {Name: "chap.message", Label: "Message", Kind: KindString},
}

const (
	papCode = iota
	papIdentifier
	papLength
	papData
	papPeerIDLength
	papPeerID
	papPasswordLength
	papPassword
	papMessageLength
	papMessage
	papFieldCount
)

var papFields = [papFieldCount]Field{
	papCode:           {Name: "pap.code", Label: "Code", Kind: KindUint, Width: 8},
	papIdentifier:     {Name: "pap.identifier", Label: "Identifier", Kind: KindUint, Width: 8},
	papLength:         {Name: "pap.length", Label: "Length", Kind: KindUint, Width: 16},
	papData:           {Name: "pap.data", Label: "Data", Kind: KindNone},
	papPeerIDLength:   {Name: "pap.peer_id.length", Label: "Peer-ID-Length", Kind: KindUint, Width: 8},
	papPeerID:         {Name: "pap.peer_id", Label: "Peer-ID", Kind: KindString},
	papPasswordLength: {Name: "pap.password.length", Label: "Password-Length", Kind: KindUint, Width: 8},
	papPassword:       {Name: "pap.password", Label: "Password", Kind: KindString},
	papMessageLength:  {Name: "pap.message.length", Label: "Message-Length", Kind: KindUint, Width: 8},
	papMessage:        {Name: "pap.message", Label: "Message", Kind: KindString},
}

var (
	protoLCP    = protoField("lcp", "PPP Link Control Protocol")
	protoIPCP   = protoField("ipcp", "PPP IP Control Protocol")
	protoIPv6CP = protoField("ipv6cp", "PPP IPv6 Control Protocol")
	protoCHAP   = protoField("chap", "PPP Challenge Handshake Authentication Protocol")
	protoPAP    = protoField("pap", "PPP Password Authentication Protocol")
)

// pppCPCodeNames are Wireshark's names of the control protocols' codes
// (IPCP and IPV6CP use the first seven).
var pppCPCodeNames = [...]string{1: "Configuration Request", 2: "Configuration Ack", 3: "Configuration Nak",
	4: "Configuration Reject", 5: "Termination Request", 6: "Termination Ack", 7: "Code Reject",
	8: "Protocol Reject", 9: "Echo Request", 10: "Echo Reply", 11: "Discard Request", 12: "Identification",
	13: "Time Remaining"}

// pppCPCodeName returns the name of code c of a control protocol whose
// codes run to last, or "".
func pppCPCodeName(c uint8, last uint8) string {
	if c == 0 || c > last {
		return ""
	}
	return pppCPCodeNames[c]
}

// pppCPMsg returns the message of layer i: its bytes up to its length, or
// those captured.
func pppCPMsg(d *Decoder, i int) []byte {
	l := &d.layers[i]
	m := d.data[l.Start:l.Payload]
	if len(m) >= 4 && int(be16(m[2:])) < len(m) {
		m = m[:be16(m[2:])]
	}
	return m
}

// emitPPPCPHeader emits a control protocol's code, identifier and length
// (PPP's fields) and reports whether its code is one of the protocol's.
func emitPPPCPHeader(e *emitter, m []byte, last uint8) bool {
	f := &pppFields
	name := pppCPCodeName(m[0], last)
	e.Uint(&f[pppCode], uint64(m[0]))
	if e.Tree() {
		b := append(e.Text(), "Code: "...)
		if name == "" {
			b = append(b, "Unknown"...)
		} else {
			b = append(b, name...)
		}
		b = strconv.AppendUint(append(b, " ("...), uint64(m[0]), 10)
		e.SetRepr(append(b, ')'))
	}
	e.Uint(&f[pppIdentifier], uint64(m[1]))
	e.Uint(&f[pppLength], uint64(be16(m[2:])))
	return name != ""
}

// pppOption is one configuration option: its type, its whole bytes and
// what it holds after the type and length.
type pppOption struct {
	typ  uint8
	all  []byte
	data []byte
}

// pppOptions calls fn for each whole option of opts, in order, until fn
// returns false or an option does not fit.
func pppOptions(opts []byte, fn func(o pppOption) bool) {
	for k := 0; k+2 <= len(opts); {
		n := int(opts[k+1])
		if n < 2 || k+n > len(opts) || !fn(pppOption{opts[k], opts[k : k+n], opts[k+2 : k+n]}) {
			return
		}
		k += n
	}
}

// pppOptionKnown returns the tree's title of a known option and whether the
// option is one rawcap decodes (the protocol's, with a length that fits).
type pppOptionKnown func(o pppOption) (name string, ok bool)

// pppOptionsDrawn reports whether rawcap draws tshark's tree of the
// options opts: every option is one known takes, or, where named tells
// which types tshark names, of a type it does not name (a line "Unknown
// (0x7b) (123 bytes)"), or the last, running past the end (its warning).
func pppOptionsDrawn(opts []byte, known pppOptionKnown, named func(uint8) bool) bool {
	for k := 0; k < len(opts); {
		if k+2 > len(opts) || opts[k+1] < 2 {
			return false
		}
		n := int(opts[k+1])
		if k+n > len(opts) {
			return named != nil
		}
		o := pppOption{opts[k], opts[k : k+n], opts[k+2 : k+n]}
		if _, ok := known(o); !ok && (named == nil || named(o.typ)) {
			return false
		}
		k += n
	}
	return true
}

// emitPPPOptions emits a configuration message's options (or an option's
// suboptions, label "Suboptions"): tshark's line "Options: (N bytes),
// name, name…" and under it each option's subtree when pppOptionsDrawn
// (the tree draws none otherwise), else the options' fields up to the
// first one known does not take. With named, an option of a type tshark
// does not name is a line of its own, and one running past the end ends
// the options with tshark's warning (ppp.opt.len.invalid).
func emitPPPOptions(e *emitter, label string, opts []byte, known pppOptionKnown, emitOne func(e *emitter, o pppOption), named func(uint8) bool) {
	if len(opts) == 0 {
		return
	}
	if e.Tree() {
		if !pppOptionsDrawn(opts, known, named) {
			return // tshark names options rawcap does not know: none drawn
		}
		b := append(append(e.Text(), label...), ": ("...)
		b = strconv.AppendInt(b, int64(len(opts)), 10)
		b = append(b, " bytes)"...)
		pppOptions(opts, func(o pppOption) bool {
			if name, ok := known(o); ok {
				b = append(append(b, ", "...), name...)
			}
			return true
		})
		e.Line(b)
		e.Sub()
		defer e.Up()
	}
	for k := 0; k+2 <= len(opts) && opts[k+1] >= 2; {
		n := int(opts[k+1])
		if k+n > len(opts) {
			if named != nil {
				pppOptPastEnd(e, opts[k], n)
			}
			return
		}
		o := pppOption{opts[k], opts[k : k+n], opts[k+2 : k+n]}
		switch _, ok := known(o); {
		case ok:
			emitOne(e, o)
		case named == nil || named(o.typ):
			return
		case e.Tree():
			b := appendHex2(append(e.Text(), "Unknown (0x"...), o.typ)
			b = strconv.AppendInt(append(b, ") ("...), int64(n), 10)
			e.Line(append(b, " bytes)"...))
		}
		k += n
	}
}

// pppOptPastEnd emits tshark's item for an option of type typ whose
// length n runs past the end of the options: the line "Unknown (0xdc)
// (option length = 220 bytes says option goes past end of options)" and
// under it the warning ppp.opt.len.invalid.
func pppOptPastEnd(e *emitter, typ uint8, n int) {
	var msg [96]byte
	m := appendHex2(append(msg[:0], "Unknown (0x"...), typ)
	m = strconv.AppendInt(append(m, ") (option length = "...), int64(n), 10)
	m = append(m, " bytes says option goes past end of options)"...)
	if e.Tree() {
		e.Line(append(e.Text(), m...))
	}
	e.Sub()
	e.Expert(true)
	e.None(&pppFields[pppOptLenInvalid])
	e.Expert(false)
	e.NoTree()
	e.ExpertLine("Warning", "Protocol", "", m)
	e.Up()
}

// pppOptTypeRepr gives an option's type line its name: "Type: Magic
// Number (5)".
func pppOptTypeRepr(e *emitter, name string, typ uint8) {
	if e.Tree() {
		b := append(append(e.Text(), "Type: "...), name...)
		b = strconv.AppendUint(append(b, " ("...), uint64(typ), 10)
		e.SetRepr(append(b, ')'))
	}
}

var lcpOptNames = map[uint8]string{1: "Maximum Receive Unit", 2: "Async Control Character Map",
	3: "Authentication Protocol", 5: "Magic Number", 7: "Protocol Field Compression",
	8: "Address and Control Field Compression", 13: "Callback", 17: "Multilink MRRU",
	19: "Multilink Endpoint Discriminator"}

// lcpOptionKnown: the LCP options rawcap decodes, at their lengths.
func lcpOptionKnown(o pppOption) (string, bool) {
	n := len(o.data)
	switch o.typ {
	case 1, 17:
		return lcpOptNames[o.typ], n == 2
	case 2:
		return lcpOptNames[o.typ], n == 4 && be32(o.data) == 0
	case 3:
		return lcpOptNames[o.typ], n == 2 || n == 3 && be16(o.data) == PPPCHAP && o.data[2] == 5
	case 5:
		return lcpOptNames[o.typ], n == 4
	case 7, 8:
		return lcpOptNames[o.typ], n == 0
	case 13:
		return lcpOptNames[o.typ], n == 1
	case 19:
		return lcpOptNames[o.typ], n >= 1
	}
	return "", false
}

func emitLCPOption(e *emitter, o pppOption) {
	f := &lcpFields
	if e.Tree() {
		b := append(e.Text(), lcpOptNames[o.typ]...)
		switch o.typ {
		case 1, 17:
			b = strconv.AppendUint(append(b, ": "...), uint64(be16(o.data)), 10)
		case 2:
			b = append(b, ": 0x00000000 (None)"...)
		case 3:
			b = append(append(b, ": "...), f[lcpOptAuthProtocol].ValueNames().Name(uint64(be16(o.data)))...)
			b = append(appendHex4(append(b, " (0x"...), be16(o.data)), ')')
		case 5:
			b = appendHexBytes(append(b, ": 0x"...), o.data)
		case 13:
			b = append(append(b, ": "...), f[lcpOptOperation].ValueNames().Name(uint64(o.data[0]))...)
		case 19:
			b = append(append(b, ": Class: "...), f[lcpOptEPDiscClass].ValueNames().Name(uint64(o.data[0]))...)
		}
		e.Line(b)
		e.Sub()
		defer e.Up()
	}
	e.Uint(&f[lcpOptType], uint64(o.typ))
	pppOptTypeRepr(e, lcpOptNames[o.typ], o.typ)
	e.Uint(&f[lcpOptLength], uint64(len(o.all)))
	switch o.typ {
	case 1:
		e.Uint(&f[lcpOptMRU], uint64(be16(o.data)))
	case 2:
		e.Uint(&f[lcpOptAsyncmap], uint64(be32(o.data)))
		if e.Tree() {
			e.SetRepr(append(e.Text(), "Async Control Character Map: 0x00000000 (None)"...))
		}
	case 3:
		e.Uint(&f[lcpOptAuthProtocol], uint64(be16(o.data)))
		if len(o.data) == 3 {
			e.Uint(&f[lcpOptAlgorithm], uint64(o.data[2]))
			if e.Tree() {
				e.SetRepr(append(e.Text(), "Algorithm: CHAP with MD5 (5)"...)) // lcpOptionKnown takes MD5 only
			}
		}
	case 5:
		e.Uint(&f[lcpOptMagicNumber], uint64(be32(o.data)))
	case 13:
		e.Uint(&f[lcpOptOperation], uint64(o.data[0]))
	case 17:
		e.Uint(&f[lcpOptMRRU], uint64(be16(o.data)))
	case 19:
		e.Uint(&f[lcpOptEPDiscClass], uint64(o.data[0]))
		if len(o.data) > 1 {
			e.Bytes(&f[lcpOptData], o.data[1:])
		}
	}
}

// emitLCP emits an LCP message: the header, then a configuration
// message's options, an echo or discard's magic number and data, or a
// termination's data.
func emitLCP(e *emitter, i int) {
	m := pppCPMsg(e.d, i)
	e.Proto(&protoLCP)
	if len(m) >= 4 && emitPPPCPHeader(e, m, 13) {
		body := m[4:]
		switch m[0] {
		case 1, 2, 3, 4:
			emitPPPOptions(e, "Options", body, lcpOptionKnown, emitLCPOption, nil)
		case 9, 10, 11:
			if len(body) >= 4 {
				e.Uint(&lcpFields[lcpMagicNumber], uint64(be32(body)))
				if len(body) > 4 {
					e.Bytes(&lcpFields[lcpData], body[4:])
				}
			}
		case 5, 6:
			if len(body) > 0 {
				e.Bytes(&pppFields[pppData], body)
			}
		}
	}
	e.End()
}

var ipcpOptNames = map[uint8]string{1: "IP Addresses (deprecated)", 2: "IP Compression Protocol",
	3: "IP Address", 4: "Mobile Node's Home IP Address", 129: "Primary DNS Server IP Address",
	130: "Primary NBNS Server IP Address", 131: "Secondary DNS Server IP Address",
	132: "Secondary NBNS Server IP Address"}

// ipcpOptNamed reports whether tshark names IPCP option type t.
func ipcpOptNamed(t uint8) bool { return ipcpOptNames[t] != "" }

// ipcpIPHC is the IP Compression Protocol option's protocol for IP header
// compression (RFC 2509); its parameters are five 16-bit numbers, then
// suboptions.
const (
	ipcpIPHC       = 0x0061
	ipcpIPHCParams = 2 + 10
)

// ipcpIPHCSubNamed reports whether tshark names IPHC suboption type t.
func ipcpIPHCSubNamed(t uint8) bool { return t >= 1 && t <= 3 }

// ipcpNoSubKnown: rawcap lays out no IPHC suboption yet.
func ipcpNoSubKnown(pppOption) (string, bool) { return "", false }

// ipcpOptionKnown: the IPCP options rawcap decodes: the addresses, and IP
// header compression with no suboption tshark names.
func ipcpOptionKnown(o pppOption) (string, bool) {
	name := ipcpOptNames[o.typ]
	switch o.typ {
	case 3, 129, 130, 131, 132:
		return name, len(o.data) == 4
	case 2:
		return name, len(o.data) >= ipcpIPHCParams && be16(o.data) == ipcpIPHC &&
			pppOptionsDrawn(o.data[ipcpIPHCParams:], ipcpNoSubKnown, ipcpIPHCSubNamed)
	}
	return name, false
}

func emitIPCPOption(e *emitter, o pppOption) {
	f := &ipcpFields
	if e.Tree() {
		e.LineString(ipcpOptNames[o.typ])
		e.Sub()
		defer e.Up()
	}
	e.Uint(&f[ipcpOptType], uint64(o.typ))
	pppOptTypeRepr(e, ipcpOptNames[o.typ], o.typ)
	e.Uint(&f[ipcpOptLength], uint64(len(o.all)))
	k := ipcpOptIPAddress
	switch o.typ {
	case 2:
		e.Uint(&f[ipcpOptCompressProto], uint64(be16(o.data)))
		for n, k := range [...]int{ipcpOptTCPSpace, ipcpOptNonTCPSpace, ipcpOptFMaxPeriod, ipcpOptFMaxTime, ipcpOptMaxHeader} {
			e.Uint(&f[k], uint64(be16(o.data[2+2*n:])))
		}
		emitPPPOptions(e, "Suboptions", o.data[ipcpIPHCParams:], ipcpNoSubKnown, nil, ipcpIPHCSubNamed)
		return
	case 129:
		k = ipcpOptPriDNS
	case 130:
		k = ipcpOptPriNBNS
	case 131:
		k = ipcpOptSecDNS
	case 132:
		k = ipcpOptSecNBNS
	}
	e.IPv4(&f[k], o.data)
}

// emitIPCP emits an IPCP message: the header and a configuration
// message's options.
func emitIPCP(e *emitter, i int) {
	emitNCP(e, i, &protoIPCP, ipcpOptionKnown, emitIPCPOption, ipcpOptNamed)
}

// emitNCP emits a network control protocol's message (IPCP, IPV6CP): the
// header (codes 1 to 7) and a configuration message's options.
func emitNCP(e *emitter, i int, proto *Field, known pppOptionKnown, emitOne func(e *emitter, o pppOption), named func(uint8) bool) {
	m := pppCPMsg(e.d, i)
	e.Proto(proto)
	if len(m) >= 4 && emitPPPCPHeader(e, m, 7) && m[0] <= 4 {
		emitPPPOptions(e, "Options", m[4:], known, emitOne, named)
	}
	e.End()
}

func ipv6cpOptionKnown(o pppOption) (string, bool) {
	return "Interface Identifier", o.typ == 1 && len(o.data) == 8
}

func emitIPv6CPOption(e *emitter, o pppOption) {
	f := &ipv6cpFields
	if e.Tree() {
		e.LineString("Interface Identifier")
		e.Sub()
		defer e.Up()
	}
	e.Uint(&f[ipv6cpOptType], uint64(o.typ))
	pppOptTypeRepr(e, "Interface Identifier", o.typ)
	e.Uint(&f[ipv6cpOptLength], uint64(len(o.all)))
	e.Bytes(&f[ipv6cpInterfaceID], o.data)
}

// emitIPv6CP emits an IPV6CP message: the header and a configuration
// message's options.
func emitIPv6CP(e *emitter, i int) {
	emitNCP(e, i, &protoIPv6CP, ipv6cpOptionKnown, emitIPv6CPOption, nil)
}

// chapParts returns a challenge's or response's value and name; ok is
// false when the value runs past the message.
func chapParts(body []byte) (value, name []byte, ok bool) {
	if len(body) < 1 || 1+int(body[0]) > len(body) {
		return nil, nil, false
	}
	return body[1 : 1+int(body[0])], body[1+int(body[0]):], true
}

// emitCHAP emits a CHAP message: a challenge's or response's value and
// name, a success's or failure's message.
func emitCHAP(e *emitter, i int) {
	f := &chapFields
	m := pppCPMsg(e.d, i)
	e.Proto(&protoCHAP)
	if len(m) >= 4 {
		e.Uint(&f[chapCode], uint64(m[0]))
		e.Uint(&f[chapIdentifier], uint64(m[1]))
		e.Uint(&f[chapLength], uint64(be16(m[2:])))
		body := m[4:]
		switch m[0] {
		case 1, 2:
			if v, name, ok := chapParts(body); ok {
				e.None(&f[chapData])
				e.Sub()
				e.Uint(&f[chapValueSize], uint64(len(v)))
				e.Bytes(&f[chapValue], v)
				if len(name) > 0 {
					e.Bytes(&f[chapName], name)
				}
				e.Up()
			}
		case 3, 4:
			if len(body) > 0 {
				e.Bytes(&f[chapMessage], body)
			}
		}
	}
	e.End()
}

// papStrings returns an authenticate-request's peer ID and password, or
// an ack's or nak's message (second nil); ok is false when they do not
// fit.
func papStrings(code uint8, body []byte) (a, b []byte, ok bool) {
	if len(body) < 1 || 1+int(body[0]) > len(body) {
		return nil, nil, false
	}
	a = body[1 : 1+int(body[0])]
	if code != 1 {
		return a, nil, true
	}
	rest := body[1+int(body[0]):]
	if len(rest) < 1 || 1+int(rest[0]) > len(rest) {
		return nil, nil, false
	}
	return a, rest[1 : 1+int(rest[0])], true
}

// emitPAP emits a PAP message: a request's peer ID and password, an ack's
// or nak's message.
func emitPAP(e *emitter, i int) {
	f := &papFields
	m := pppCPMsg(e.d, i)
	e.Proto(&protoPAP)
	if len(m) >= 4 {
		e.Uint(&f[papCode], uint64(m[0]))
		e.Uint(&f[papIdentifier], uint64(m[1]))
		e.Uint(&f[papLength], uint64(be16(m[2:])))
		if a, b, ok := papStrings(m[0], m[4:]); ok && m[0] >= 1 && m[0] <= 3 {
			e.None(&f[papData])
			e.Sub()
			if m[0] == 1 {
				e.Uint(&f[papPeerIDLength], uint64(len(a)))
				e.Bytes(&f[papPeerID], a)
				e.Uint(&f[papPasswordLength], uint64(len(b)))
				e.Bytes(&f[papPassword], b)
			} else {
				e.Uint(&f[papMessageLength], uint64(len(a)))
				e.Bytes(&f[papMessage], a)
			}
			e.Up()
		}
	}
	e.End()
}

// appendPPPCPProto appends the packet list's Protocol of a control or
// authentication protocol layer.
func appendPPPCPProto(b []byte, t LayerType) []byte {
	switch t {
	case LayerLCP:
		return append(b, "PPP LCP"...)
	case LayerIPCP:
		return append(b, "PPP IPCP"...)
	case LayerIPv6CP:
		return append(b, "PPP IPV6CP"...)
	case LayerCHAP:
		return append(b, "PPP CHAP"...)
	}
	return append(b, "PPP PAP"...)
}

// infoPPPCP appends tshark's Info of a control or authentication message:
// the code's name, with CHAP's and PAP's names, values and messages.
func infoPPPCP(b []byte, d *Decoder, i int) []byte {
	m := pppCPMsg(d, i)
	if len(m) < 4 {
		return b
	}
	body := m[4:]
	switch t := d.layers[i].Type; t {
	case LayerLCP, LayerIPCP, LayerIPv6CP:
		last := uint8(7)
		if t == LayerLCP {
			last = 13
		}
		if name := pppCPCodeName(m[0], last); name != "" {
			return append(b, name...)
		}
		return append(b, "Unknown"...)
	case LayerCHAP:
		switch m[0] {
		case 1, 2:
			b = append(b, chapFields[chapCode].ValueNames().Name(uint64(m[0]))...)
			if v, name, ok := chapParts(body); ok {
				b = append(append(b, " (NAME='"...), name...)
				b = appendHexBytes(append(b, "', VALUE=0x"...), v)
				b = append(b, ')')
			}
		case 3, 4:
			b = append(b, chapFields[chapCode].ValueNames().Name(uint64(m[0]))...)
			b = append(append(append(b, " (MESSAGE='"...), body...), "')"...)
		}
		return b
	}
	a, s, ok := papStrings(m[0], body)
	switch m[0] {
	case 1:
		b = append(b, "Authenticate-Request"...)
		if ok {
			b = append(append(b, " (Peer-ID='"...), a...)
			b = append(append(append(b, "', Password='"...), s...), "')"...)
		}
	case 2, 3:
		if m[0] == 2 {
			b = append(b, "Authenticate-Ack"...)
		} else {
			b = append(b, "Authenticate-Nak"...)
		}
		if ok {
			b = append(append(append(b, " (Message='"...), a...), "')"...)
		}
	}
	return b
}
