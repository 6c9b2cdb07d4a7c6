package decode

import "time"

// tcpdump 4.99's RADIUS printer: the one-liner at default, the header and
// one line per attribute with -v, and each attribute's bytes in hex with
// -vv. tcpdump hands a datagram on its RADIUS ports to this printer
// whether or not Wireshark takes it for RADIUS.

// radiusTcpdumpPort reports a port tcpdump's UDP printer hands to RADIUS.
func radiusTcpdumpPort(p uint16) bool {
	switch p {
	case 1645, 1646, 1700, 1812, 1813, 3799:
		return true
	}
	return false
}

// radiusTcpdumpLen is the length tcpdump's UDP printer gives the RADIUS
// printer: the UDP length or the IP payload's, the shorter, less the
// 8-byte header.
func radiusTcpdumpLen(d *Decoder, udp int) int {
	u := &d.layers[udp]
	if u.Payload-u.Start < udpLen {
		return u.End - u.Payload
	}
	n := int(be16(d.data[u.Start+4:]))
	if ip := ipPayloadLen(d, udp); ip < n {
		n = ip
	}
	return n - udpLen
}

// radiusTcpdumpCodes are the codes tcpdump names; any other is "Unknown
// Command".
var radiusTcpdumpCodes = [256]string{
	1: "Access-Request", 2: "Access-Accept", 3: "Access-Reject", 4: "Accounting-Request",
	5: "Accounting-Response", 11: "Access-Challenge", 12: "Status-Server", 13: "Status-Client",
	40: "Disconnect-Request", 41: "Disconnect-ACK", 42: "Disconnect-NAK", 43: "CoA-Request",
	44: "CoA-ACK", 45: "CoA-NAK", 255: "Reserved",
}

// How tcpdump prints an attribute's value.
const (
	rpNone       = iota // nothing after "Value: "
	rpString            // printable ASCII up to a NUL, '.' for the rest
	rpNum               // a 32-bit number, or a name from the attribute's table
	rpAddr              // an IPv4 address
	rpAddr6             // an IPv6 address
	rpPrefix6           // reserved byte, prefix length, prefix (RFC 3162)
	rpTime              // seconds since 1970, as ctime(3) prints them
	rpVendor            // vendor id and vendor attributes
	rpStrange           // ARAP attributes and Error-Cause
	rpVector64          // MIP6-Feature-Vector
	rpMIP6Prefix        // MIP6-Home-Link-Prefix
	rpOperator          // Operator-Name
	rpLocInfo           // Location-Information
	rpLocData           // Location-Data
	rpPolicy            // Basic-Location-Policy-Rules
)

// radiusTcpdumpAttr is one entry of tcpdump's attribute table: its name,
// how its value is printed, and for numbers with named values, the names
// and the first value named.
type radiusTcpdumpAttr struct {
	name  string
	print uint8
	first uint8
	names []string
}

var (
	rtServType  = []string{"Login", "Framed", "Callback Login", "Callback Framed", "Outbound", "Administrative", "NAS Prompt", "Authenticate Only", "Callback NAS Prompt", "Call Check", "Callback Administrative"}
	rtFrmProto  = []string{"PPP", "SLIP", "ARAP", "Gandalf proprietary", "Xylogics IPX/SLIP", "X.75 Synchronous"}
	rtRouting   = []string{"None", "Send", "Listen", "Send&Listen"}
	rtComp      = []string{"None", "VJ TCP/IP", "IPX", "Stac-LZS"}
	rtLoginServ = []string{"Telnet", "Rlogin", "TCP Clear", "PortMaster(proprietary)", "LAT", "X.25-PAD", "X.25-T3POS", "Unassigned", "TCP Clear Quiet"}
	rtTermAct   = []string{"Default", "RADIUS-Request"}
	rtIngress   = []string{"Enabled", "Disabled"}
	rtPortType  = []string{"Async", "Sync", "ISDN Sync", "ISDN Async V.120", "ISDN Async V.110", "Virtual", "PIAFS", "HDLC Clear Channel", "X.25", "X.75", "G.3 Fax", "SDSL", "ADSL-CAP", "ADSL-DMT", "ISDN-DSL", "Ethernet", "xDSL", "Cable", "Wireless - Other", "Wireless - IEEE 802.11"}
	rtAcctStat  = []string{"Start", "Stop", "Interim-Update", "Unassigned", "Unassigned", "Unassigned", "Accounting-On", "Accounting-Off", "Tunnel-Start", "Tunnel-Stop", "Tunnel-Reject", "Tunnel-Link-Start", "Tunnel-Link-Stop", "Tunnel-Link-Reject", "Failed"}
	rtAcctAuth  = []string{"RADIUS", "Local", "Remote"}
	rtAcctTerm  = []string{"User Request", "Lost Carrier", "Lost Service", "Idle Timeout", "Session Timeout", "Admin Reset", "Admin Reboot", "Port Error", "NAS Error", "NAS Request", "NAS Reboot", "Port Unneeded", "Port Preempted", "Port Suspended", "Service Unavailable", "Callback", "User Error", "Host Request"}
	rtTunType   = []string{"PPTP", "L2F", "L2TP", "ATMP", "VTP", "AH", "IP-IP", "MIN-IP-IP", "ESP", "GRE", "DVS", "IP-in-IP Tunneling", "VLAN"}
	rtTunMedium = []string{"IPv4", "IPv6", "NSAP", "HDLC", "BBN 1822", "802", "E.163", "E.164", "F.69", "X.121", "IPX", "Appletalk", "Decnet IV", "Banyan Vines", "E.164 with NSAP subaddress"}
	rtARAPZone  = []string{"Only access to dfl zone", "Use zone filter inc.", "Not used", "Use zone filter exc."}
	rtPrompt    = []string{"No Echo", "Echo"}
)

// radiusTcpdumpAttrs is tcpdump's attribute table (types 1 to 129); a type
// past it, or 0, is "Unknown" with nothing printed for its value.
var radiusTcpdumpAttrs = [130]radiusTcpdumpAttr{
	1: {"User-Name", rpString, 0, nil}, 2: {"User-Password", rpNone, 0, nil},
	3: {"CHAP-Password", rpNone, 0, nil}, 4: {"NAS-IP-Address", rpAddr, 0, nil},
	5: {"NAS-Port", rpNum, 0, nil}, 6: {"Service-Type", rpNum, 1, rtServType},
	7: {"Framed-Protocol", rpNum, 1, rtFrmProto}, 8: {"Framed-IP-Address", rpAddr, 0, nil},
	9: {"Framed-IP-Netmask", rpAddr, 0, nil}, 10: {"Framed-Routing", rpNum, 0, rtRouting},
	11: {"Filter-Id", rpString, 0, nil}, 12: {"Framed-MTU", rpNum, 0, nil},
	13: {"Framed-Compression", rpNum, 0, rtComp}, 14: {"Login-IP-Host", rpAddr, 0, nil},
	15: {"Login-Service", rpNum, 0, rtLoginServ}, 16: {"Login-TCP-Port", rpNum, 0, nil},
	17: {"Unassigned", rpNone, 0, nil}, 18: {"Reply-Message", rpString, 0, nil},
	19: {"Callback-Number", rpString, 0, nil}, 20: {"Callback-Id", rpString, 0, nil},
	21: {"Unassigned", rpNone, 0, nil}, 22: {"Framed-Route", rpString, 0, nil},
	23: {"Framed-IPX-Network", rpNum, 0, nil}, 24: {"State", rpString, 0, nil},
	25: {"Class", rpString, 0, nil}, 26: {"Vendor-Specific", rpVendor, 0, nil},
	27: {"Session-Timeout", rpNum, 0, nil}, 28: {"Idle-Timeout", rpNum, 0, nil},
	29: {"Termination-Action", rpNum, 0, rtTermAct}, 30: {"Called-Station-Id", rpString, 0, nil},
	31: {"Calling-Station-Id", rpString, 0, nil}, 32: {"NAS-Identifier", rpString, 0, nil},
	33: {"Proxy-State", rpString, 0, nil}, 34: {"Login-LAT-Service", rpString, 0, nil},
	35: {"Login-LAT-Node", rpString, 0, nil}, 36: {"Login-LAT-Group", rpString, 0, nil},
	37: {"Framed-AppleTalk-Link", rpNum, 0, nil}, 38: {"Framed-AppleTalk-Network", rpNum, 0, nil},
	39: {"Framed-AppleTalk-Zone", rpString, 0, nil}, 40: {"Acct-Status-Type", rpNum, 1, rtAcctStat},
	41: {"Acct-Delay-Time", rpNum, 0, nil}, 42: {"Acct-Input-Octets", rpNum, 0, nil},
	43: {"Acct-Output-Octets", rpNum, 0, nil}, 44: {"Acct-Session-Id", rpString, 0, nil},
	45: {"Acct-Authentic", rpNum, 1, rtAcctAuth}, 46: {"Acct-Session-Time", rpNum, 0, nil},
	47: {"Acct-Input-Packets", rpNum, 0, nil}, 48: {"Acct-Output-Packets", rpNum, 0, nil},
	49: {"Acct-Terminate-Cause", rpNum, 1, rtAcctTerm}, 50: {"Acct-Multi-Session-Id", rpString, 0, nil},
	51: {"Acct-Link-Count", rpNum, 0, nil}, 52: {"Acct-Input-Gigawords", rpNum, 0, nil},
	53: {"Acct-Output-Gigawords", rpNum, 0, nil}, 54: {"Unassigned", rpNone, 0, nil},
	55: {"Event-Timestamp", rpTime, 0, nil}, 56: {"Egress-VLANID", rpNum, 0, nil},
	57: {"Ingress-Filters", rpNum, 1, rtIngress}, 58: {"Egress-VLAN-Name", rpString, 0, nil},
	59: {"User-Priority-Table", rpNone, 0, nil}, 60: {"CHAP-Challenge", rpString, 0, nil},
	61: {"NAS-Port-Type", rpNum, 0, rtPortType}, 62: {"Port-Limit", rpNum, 0, nil},
	63: {"Login-LAT-Port", rpString, 0, nil}, 64: {"Tunnel-Type", rpNum, 1, rtTunType},
	65: {"Tunnel-Medium-Type", rpNum, 1, rtTunMedium}, 66: {"Tunnel-Client-Endpoint", rpString, 0, nil},
	67: {"Tunnel-Server-Endpoint", rpString, 0, nil}, 68: {"Acct-Tunnel-Connection", rpString, 0, nil},
	69: {"Tunnel-Password", rpString, 0, nil}, 70: {"ARAP-Password", rpStrange, 0, nil},
	71: {"ARAP-Features", rpStrange, 0, nil}, 72: {"ARAP-Zone-Access", rpNum, 1, rtARAPZone},
	73: {"ARAP-Security", rpString, 0, nil}, 74: {"ARAP-Security-Data", rpString, 0, nil},
	75: {"Password-Retry", rpNum, 0, nil}, 76: {"Prompt", rpNum, 0, rtPrompt},
	77: {"Connect-Info", rpString, 0, nil}, 78: {"Configuration-Token", rpString, 0, nil},
	79: {"EAP-Message", rpString, 0, nil}, 80: {"Message-Authenticator", rpString, 0, nil},
	81: {"Tunnel-Private-Group-ID", rpString, 0, nil}, 82: {"Tunnel-Assignment-ID", rpString, 0, nil},
	83: {"Tunnel-Preference", rpNum, 0, nil}, 84: {"ARAP-Challenge-Response", rpStrange, 0, nil},
	85: {"Acct-Interim-Interval", rpNum, 0, nil}, 86: {"Acct-Tunnel-Packets-Lost", rpNum, 0, nil},
	87: {"NAS-Port-Id", rpString, 0, nil}, 88: {"Framed-Pool", rpString, 0, nil},
	89: {"CUI", rpString, 0, nil}, 90: {"Tunnel-Client-Auth-ID", rpString, 0, nil},
	91: {"Tunnel-Server-Auth-ID", rpString, 0, nil}, 92: {"NAS-Filter-Rule", rpString, 0, nil},
	93: {"Unassigned", rpNone, 0, nil}, 94: {"Originating-Line-Info", rpNone, 0, nil},
	95: {"NAS-IPv6-Address", rpAddr6, 0, nil}, 96: {"Framed-Interface-ID", rpNone, 0, nil},
	97: {"Framed-IPv6-Prefix", rpPrefix6, 0, nil}, 98: {"Login-IPv6-Host", rpAddr6, 0, nil},
	99: {"Framed-IPv6-Route", rpString, 0, nil}, 100: {"Framed-IPv6-Pool", rpString, 0, nil},
	101: {"Error-Cause", rpStrange, 0, nil}, 102: {"EAP-Key-Name", rpNone, 0, nil},
	103: {"Digest-Response", rpString, 0, nil}, 104: {"Digest-Realm", rpString, 0, nil},
	105: {"Digest-Nonce", rpString, 0, nil}, 106: {"Digest-Response-Auth", rpString, 0, nil},
	107: {"Digest-Nextnonce", rpString, 0, nil}, 108: {"Digest-Method", rpString, 0, nil},
	109: {"Digest-URI", rpString, 0, nil}, 110: {"Digest-Qop", rpString, 0, nil},
	111: {"Digest-Algorithm", rpString, 0, nil}, 112: {"Digest-Entity-Body-Hash", rpString, 0, nil},
	113: {"Digest-CNonce", rpString, 0, nil}, 114: {"Digest-Nonce-Count", rpString, 0, nil},
	115: {"Digest-Username", rpString, 0, nil}, 116: {"Digest-Opaque", rpString, 0, nil},
	117: {"Digest-Auth-Param", rpString, 0, nil}, 118: {"Digest-AKA-Auts", rpString, 0, nil},
	119: {"Digest-Domain", rpString, 0, nil}, 120: {"Digest-Stale", rpString, 0, nil},
	121: {"Digest-HA1", rpString, 0, nil}, 122: {"SIP-AOR", rpString, 0, nil},
	123: {"Delegated-IPv6-Prefix", rpPrefix6, 0, nil}, 124: {"MIP6-Feature-Vector", rpVector64, 0, nil},
	125: {"MIP6-Home-Link-Prefix", rpMIP6Prefix, 0, nil}, 126: {"Operator-Name", rpOperator, 0, nil},
	127: {"Location-Information", rpLocInfo, 0, nil}, 128: {"Location-Data", rpLocData, 0, nil},
	129: {"Basic-Location-Policy-Rules", rpPolicy, 0, nil},
}

// radiusErrorCauses names the Error-Cause values tcpdump knows.
var radiusErrorCauses = map[uint32]string{
	201: "Residual Session Context Removed", 202: "Invalid EAP Packet (Ignored)",
	401: "Unsupported Attribute", 402: "Missing Attribute", 403: "NAS Identification Mismatch",
	404: "Invalid Request", 405: "Unsupported Service", 406: "Unsupported Extension",
	407: "Invalid Attribute Value", 501: "Administratively Prohibited",
	502: "Request Not Routable (Proxy)", 503: "Session Context Not Found",
	504: "Session Context Not Removable", 505: "Other Proxy Processing Error",
	506: "Resources Unavailable", 507: "Request Initiated",
	508: "Multiple Session Selection Unsupported", 509: "Location Info Required",
}

// radiusMIP6Features are the MIP6-Feature-Vector bits tcpdump names, in
// its order.
var radiusMIP6Features = [...]struct {
	bit  uint64
	name string
}{
	{0x0000000000000001, "MIP6_INTEGRATED"}, {0x0000000000000002, "LOCAL_HOME_AGENT_ASSIGNMENT"},
	{0x0000010000000000, "PMIP6_SUPPORTED"}, {0x0000020000000000, "IP4_HOA_SUPPORTED"},
	{0x0000040000000000, "LOCAL_MAG_ROUTING_SUPPORTED"}, {0x0000080000000000, "ASSIGN_LOCAL_IP"},
	{0x0000100000000000, "MIP4_SUPPORTED"}, {0x0000200000000000, "OPTIMIZED_IDLE_MODE_MOBILITY"},
	{0x0000400000000000, "GTPv2_SUPPORTED"}, {0x0000800000000000, "IP4_TRANSPORT_SUPPORTED"},
	{0x0001000000000000, "IP4_HOA_ONLY_SUPPORTED"}, {0x0002000000000000, "INTER_MAG_ROUTING_SUPPORTED"},
}

// radiusSMINames are the SMI enterprise numbers tcpdump names in a
// Vendor-Specific attribute (the long-standing entries of its list).
var radiusSMINames = map[uint32]string{
	0: "IETF (reserved)", 5: "ACC", 9: "Cisco", 11: "Hewlett Packard", 42: "Sun Microsystems",
	61: "Merit", 166: "Shiva", 193: "Ericsson AB", 255: "Cisco VPN 5000", 307: "Livingston",
	311: "Microsoft", 429: "3Com", 529: "Ascend", 1584: "Bay Networks", 1991: "Foundry",
	2180: "Versanet", 2352: "Redback", 2636: "Juniper Networks", 2637: "Aptis",
	3076: "Cisco VPN 3000", 3085: "CoSine Communications", 3199: "Shasta", 3309: "Nomadix",
	4874: "Unisphere Networks", 5948: "Issanni Communications", 6618: "Quintum",
	8744: "Colubris", 10415: "3GPP", 11862: "Columbia University",
}

// lineRADIUS appends tcpdump's line for the RADIUS layer i.
func (p *LinePrinter) lineRADIUS(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if p.Options.Quiet {
		return appendUDPLength(b, udpPayloadLen(d, i))
	}
	n := l.End - l.Start
	if i > 0 && d.layers[i-1].Type == LayerUDP {
		n = radiusTcpdumpLen(d, i-1)
	}
	return p.appendRADIUSLine(b, d.data[l.Start:l.End], n)
}

// appendRADIUSLine appends what tcpdump's radius_print prints for the
// captured bytes m of a datagram of length bytes.
func (p *LinePrinter) appendRADIUSLine(b, m []byte, length int) []byte {
	if len(m) < radiusHdrLen {
		return p.cut(b, " [|radius]")
	}
	n := int(be16(m[2:]))
	if n < radiusHdrLen {
		return p.cut(b, " [|radius]")
	}
	n = min(n, length)
	if p.Options.Verbose == 0 {
		b = append(b, "RADIUS, "...)
		b = appendRADIUSCode(b, m[0])
		b = append(b, ", id: 0x"...)
		b = appendHex2(b, m[1])
		b = append(b, " length: "...)
		return appendUint(b, uint64(n))
	}
	b = append(b, "RADIUS, length: "...)
	b = appendUint(b, uint64(n))
	b = append(b, "\n\t"...)
	b = appendRADIUSCode(b, m[0])
	b = append(b, ", id: 0x"...)
	b = appendHex2(b, m[1])
	b = append(b, ", Authenticator: "...)
	b = appendHexRun(b, m[4:20])
	if n <= radiusHdrLen {
		return b
	}
	return p.appendRADIUSAttrs(b, m[radiusHdrLen:], n-radiusHdrLen)
}

// appendRADIUSCode appends tcpdump's "Access-Request (1)".
func appendRADIUSCode(b []byte, c byte) []byte {
	if s := radiusTcpdumpCodes[c]; s != "" {
		b = append(b, s...)
	} else {
		b = append(b, "Unknown Command"...)
	}
	b = append(b, " ("...)
	b = appendUint(b, uint64(c))
	return append(b, ')')
}

// appendRADIUSAttrs appends one line per attribute of the length bytes
// after the header, of which a holds those captured.
func (p *LinePrinter) appendRADIUSAttrs(b, a []byte, length int) []byte {
	off := 0
	for length > 0 {
		if length < 2 || off+2 > len(a) {
			return p.cut(b, " [|radius]")
		}
		typ, n := a[off], int(a[off+1])
		name := "Unknown"
		if typ != 0 && int(typ) < len(radiusTcpdumpAttrs) {
			name = radiusTcpdumpAttrs[typ].name
		}
		b = append(b, "\n\t  "...)
		b = append(b, name...)
		b = append(b, " Attribute ("...)
		b = appendUint(b, uint64(typ))
		b = append(b, "), length: "...)
		b = appendUint(b, uint64(n))
		if n < 2 {
			return append(b, " (bogus, must be >= 2)"...)
		}
		if n > length {
			return append(b, " (bogus, goes past end of packet)"...)
		}
		b = append(b, ", Value: "...)
		v := a[off+2 : min(off+n, len(a))]
		if int(typ) < len(radiusTcpdumpAttrs) && n > 2 {
			var cut bool
			if b, cut = appendRADIUSValue(b, typ, v, a[off+2:], n-2); cut {
				return p.cut(b, " [|radius]")
			}
		}
		if p.Options.Verbose > 1 {
			b = appendIndentedHex(b, v, "\n\t    ")
		}
		length -= n
		off += n
	}
	return b
}

// appendRADIUSValue appends the value of attribute typ as tcpdump does:
// v holds the captured bytes of its n; cut reports tcpdump running out of
// captured bytes. rest holds every captured byte from the value on.
func appendRADIUSValue(b []byte, typ byte, v, rest []byte, n int) (_ []byte, cut bool) {
	a := &radiusTcpdumpAttrs[typ]
	whole := len(v) == n
	lengthNot := func(want int) []byte {
		b = append(b, "ERROR: length "...)
		b = appendUint(b, uint64(n))
		b = append(b, " != "...)
		return appendUint(b, uint64(want))
	}
	lengthBelow := func(want int) []byte {
		b = append(b, "ERROR: length "...)
		b = appendUint(b, uint64(n))
		b = append(b, " < "...)
		return appendUint(b, uint64(want))
	}
	switch a.print {
	case rpString:
		if !whole {
			return b, true
		}
		if typ == 79 { // EAP-Message
			return appendEAPLine(b, v, rest)
		}
		return appendRADIUSString(b, typ, v), false
	case rpNum:
		if n != 4 {
			return lengthNot(4), false
		}
		if !whole {
			return b, true
		}
		return appendRADIUSNum(b, typ, v), false
	case rpAddr:
		if n != 4 {
			return lengthNot(4), false
		}
		if !whole {
			return b, true
		}
		switch x := be32(v); {
		case (typ == 8 || typ == 14) && x == 0xffffffff:
			return append(b, "User Selected"...), false
		case (typ == 8 || typ == 14) && x == 0xfffffffe:
			return append(b, "NAS Select"...), false
		}
		return addr4(v).AppendTo(b), false
	case rpAddr6:
		if n != 16 {
			return lengthNot(16), false
		}
		if !whole {
			return b, true
		}
		return addr16(v).AppendTo(b), false
	case rpPrefix6:
		if n < 2 || n > 18 {
			b = append(b, "ERROR: length "...)
			b = appendUint(b, uint64(n))
			return append(b, " not in range (2..18)"...), false
		}
		if !whole {
			return b, true
		}
		if v[1] > 128 {
			b = append(b, "ERROR: netmask "...)
			b = appendUint(b, uint64(v[1]))
			return append(b, " not in range (0..128)"...), false
		}
		var p [16]byte
		copy(p[:], v[2:])
		b = addr16(p[:]).AppendTo(b)
		b = append(b, '/')
		b = appendUint(b, uint64(v[1]))
		if int(v[1]) > 8*(n-2) {
			b = append(b, " (inconsistent prefix length)"...)
		}
		return b, false
	case rpTime:
		if n != 4 {
			return lengthNot(4), false
		}
		if !whole {
			return b, true
		}
		return time.Unix(int64(be32(v)), 0).AppendFormat(b, "Mon Jan _2 15:04:05 2006"), false
	case rpVendor:
		return appendRADIUSVendor(b, v, n)
	case rpStrange:
		return appendRADIUSStrange(b, typ, v, n)
	case rpVector64:
		if n != 8 {
			return lengthNot(8), false
		}
		if !whole {
			return b, true
		}
		x := uint64(be32(v))<<32 | uint64(be32(v[4:]))
		b = append(b, '[')
		sep := false
		for _, f := range radiusMIP6Features {
			if x&f.bit != 0 {
				if sep {
					b = append(b, ", "...)
				}
				b = append(b, f.name...)
				sep = true
			}
		}
		return append(b, ']'), false
	case rpMIP6Prefix:
		if n != 17 {
			return lengthNot(17), false
		}
		if !whole {
			return b, true
		}
		if v[0] > 128 {
			b = append(b, "ERROR: netmask "...)
			b = appendUint(b, uint64(v[0]))
			return append(b, " not in range (0..128)"...), false
		}
		b = addr16(v[1:17]).AppendTo(b)
		b = append(b, '/')
		return appendUint(b, uint64(v[0])), false
	case rpOperator:
		if !whole {
			return b, true
		}
		if n < 2 {
			return lengthBelow(2), false
		}
		b = append(b, '[')
		switch v[0] {
		case 0x30:
			b = append(b, "TADIG"...)
		case 0x31:
			b = append(b, "REALM"...)
		case 0x32:
			b = append(b, "E212"...)
		case 0x33:
			b = append(b, "ICC"...)
		default:
			b = append(b, "unknown namespace "...)
			b = appendUint(b, uint64(v[0]))
		}
		b = append(b, "] "...)
		return appendPrintable(b, v[1:]), false
	case rpLocInfo:
		if !whole {
			return b, true
		}
		if n < 21 {
			return lengthBelow(21), false
		}
		b = append(b, "index "...)
		b = appendUint(b, uint64(be16(v)))
		b = append(b, ", code "...)
		switch v[2] {
		case 0:
			b = append(b, "Civic"...)
		case 1:
			b = append(b, "Geospatial"...)
		default:
			b = append(b, "Unknown ("...)
			b = appendUint(b, uint64(v[2]))
			b = append(b, ')')
		}
		b = append(b, ", entity "...)
		switch v[3] {
		case 0:
			b = append(b, "User"...)
		case 1:
			b = append(b, "RADIUS"...)
		default:
			b = append(b, "Unknown ("...)
			b = appendUint(b, uint64(v[3]))
			b = append(b, ')')
		}
		b = append(b, ", sighting time "...)
		b = appendNTPTimestamp(b, v[4:12])
		b = append(b, ", time to live "...)
		b = appendNTPTimestamp(b, v[12:20])
		b = append(b, ", method \""...)
		b = appendPrintable(b, v[20:])
		return append(b, '"'), false
	case rpLocData:
		if !whole {
			return b, true
		}
		if n < 3 {
			return lengthBelow(3), false
		}
		b = append(b, "index "...)
		b = appendUint(b, uint64(be16(v)))
		b = append(b, ", location"...)
		return appendHexASCIILines(b, v[2:], "\n\t    "), false
	case rpPolicy:
		if !whole {
			return b, true
		}
		if n < 10 {
			return lengthBelow(10), false
		}
		b = append(b, "flags ["...)
		f := be16(v)
		if f == 0 {
			b = append(b, "none"...)
		} else {
			sep := false
			for bit := 0; bit < 16; bit++ {
				if f&(1<<bit) == 0 {
					continue
				}
				if sep {
					b = append(b, ", "...)
				}
				sep = true
				if bit == 15 {
					b = append(b, "Retransmission Allowed"...)
				} else {
					b = append(b, "MBZ-"...)
					b = appendUint(b, uint64(15-bit))
				}
			}
		}
		b = append(b, "], retention expires "...)
		b = appendNTPTimestamp(b, v[2:10])
		if n > 10 {
			b = append(b, ", note well \""...)
			b = appendPrintable(b, v[10:])
			b = append(b, '"')
		}
		return b, false
	}
	return b, false
}

// appendRADIUSString appends a string attribute: a tag first for the
// tunnel attributes, then printable ASCII up to a NUL.
func appendRADIUSString(b []byte, typ byte, v []byte) []byte {
	switch typ {
	case 69: // Tunnel-Password
		if len(v) < 3 {
			return append(b, " [|radius]"...)
		}
		b = appendRADIUSTag(b, v[0], v[0] != 0 && v[0] <= 0x1f)
		b = append(b, "Salt "...)
		b = appendUint(b, uint64(be16(v[1:])))
		b = append(b, ' ')
		v = v[3:]
	case 66, 67, 81, 82, 90, 91:
		if v[0] <= 0x1f {
			b = appendRADIUSTag(b, v[0], v[0] != 0)
			v = v[1:]
		}
	case 58: // Egress-VLAN-Name
		b = appendRFC4675Tag(b, v[0])
		v = v[1:]
	}
	for _, c := range v {
		if c == 0 {
			break
		}
		if c < 0x20 || c > 0x7e {
			c = '.'
		}
		b = append(b, c)
	}
	return b
}

// appendRADIUSTag appends "Tag[3] ", or "Tag[Unused] " when used is unset.
func appendRADIUSTag(b []byte, tag byte, used bool) []byte {
	if !used {
		return append(b, "Tag[Unused] "...)
	}
	b = append(b, "Tag["...)
	b = appendUint(b, uint64(tag))
	return append(b, "] "...)
}

// appendRFC4675Tag appends "Tagged (0x31) ".
func appendRFC4675Tag(b []byte, t byte) []byte {
	switch t {
	case 0x31:
		b = append(b, "Tagged"...)
	case 0x32:
		b = append(b, "Untagged"...)
	default:
		b = append(b, "Unknown tag"...)
	}
	b = append(b, " (0x"...)
	b = appendHex2(b, t)
	return append(b, ") "...)
}

// appendRADIUSNum appends a 4-byte numeric attribute.
func appendRADIUSNum(b []byte, typ byte, v []byte) []byte {
	a := &radiusTcpdumpAttrs[typ]
	x := be32(v)
	if a.names != nil {
		if typ == 64 || typ == 65 { // Tunnel-Type, Tunnel-Medium-Type
			b = appendRADIUSTag(b, v[0], v[0] != 0)
			x &= 0xffffff
		}
		if x >= uint32(a.first) && x < uint32(a.first)+uint32(len(a.names)) {
			return append(b, a.names[x-uint32(a.first)]...)
		}
		b = append(b, '#')
		return appendUint(b, uint64(x))
	}
	switch typ {
	case 23: // Framed-IPX-Network
		if x == 0xfffffffe {
			return append(b, "NAS Select"...)
		}
	case 27, 28, 41, 46, 85: // times in seconds
		switch {
		case x < 60:
			b = appendPad2(b, x)
			return append(b, " secs"...)
		case x < 3600:
			b = appendPad2(b, x/60)
			b = append(b, ':')
			b = appendPad2(b, x%60)
			return append(b, " min"...)
		}
		b = appendPad2(b, x/3600)
		b = append(b, ':')
		b = appendPad2(b, x%3600/60)
		b = append(b, ':')
		b = appendPad2(b, x%60)
		return append(b, " hours"...)
	case 37:
		if x == 0 {
			return append(b, "Unnumbered"...)
		}
	case 38:
		if x == 0 {
			return append(b, "NAS assigned"...)
		}
	case 83: // Tunnel-Preference
		b = appendRADIUSTag(b, v[0], v[0] != 0)
		return appendUint(b, uint64(x&0xffffff))
	case 56: // Egress-VLANID
		b = appendRFC4675Tag(b, v[0])
		return appendUint(b, uint64(x&0xffffff))
	}
	return appendUint(b, uint64(x))
}

// appendPad2 appends x as "%02d".
func appendPad2(b []byte, x uint32) []byte {
	if x < 10 {
		b = append(b, '0')
	}
	return appendUint(b, uint64(x))
}

// appendRADIUSVendor appends a Vendor-Specific attribute: the vendor and
// each vendor attribute's type, length and printable value.
func appendRADIUSVendor(b, v []byte, n int) (_ []byte, cut bool) {
	if n < 4 {
		return append(b, " [|radius]"...), false
	}
	if len(v) < 4 {
		return b, true
	}
	id := be32(v)
	b = append(b, "Vendor: "...)
	if s, ok := radiusSMINames[id]; ok {
		b = append(b, s...)
	} else {
		b = append(b, "Unknown"...)
	}
	b = append(b, " ("...)
	b = appendUint(b, uint64(id))
	b = append(b, ')')
	v, n = v[4:], n-4
	for n >= 2 {
		if len(v) < 2 {
			return b, true
		}
		typ, vl := v[0], int(v[1])
		mark := len(b)
		b = append(b, "\n\t    Vendor Attribute: "...)
		b = appendUint(b, uint64(typ))
		b = append(b, ", Length: "...)
		switch {
		case vl < 2:
			b = appendUint(b, uint64(vl))
			return append(b, " (bogus, must be >= 2)"...), false
		case vl > n:
			b = appendUint(b, uint64(vl))
			return append(b, " (bogus, goes past end of vendor-specific attribute)"...), false
		case len(v) < vl:
			return append(b[:mark], " [|radius]"...), false
		}
		// tcpdump prints the length less the two header bytes here.
		b = appendUint(b, uint64(vl-2))
		b = append(b, ", Value: "...)
		for _, c := range v[2:vl] {
			if c < 0x20 || c > 0x7e {
				c = '.'
			}
			b = append(b, c)
		}
		v, n = v[vl:], n-vl
	}
	return b, false
}

// radiusStrangeLen is the length tcpdump wants of an ARAP attribute or
// Error-Cause.
func radiusStrangeLen(typ byte) int {
	switch typ {
	case 70:
		return 16
	case 71:
		return 14
	case 84:
		return 8
	}
	return 4
}

// appendRADIUSStrange appends the ARAP attributes and Error-Cause.
func appendRADIUSStrange(b []byte, typ byte, v []byte, n int) (_ []byte, cut bool) {
	want := radiusStrangeLen(typ)
	if n != want && !(typ == 84 && n > want) {
		if typ == 101 {
			b = append(b, "Error: length "...)
		} else {
			b = append(b, "ERROR: length "...)
		}
		b = appendUint(b, uint64(n))
		b = append(b, " != "...)
		return appendUint(b, uint64(want)), false
	}
	if len(v) < want {
		return b, true
	}
	switch typ {
	case 70:
		b = append(b, "User_challenge ("...)
		b = appendHexUpper(b, v[:8])
		b = append(b, ") User_resp("...)
		b = appendHexUpper(b, v[8:16])
		return append(b, ')'), false
	case 71:
		if v[0] != 0 {
			b = append(b, "User can change password"...)
		} else {
			b = append(b, "User cannot change password"...)
		}
		b = append(b, ", Min password length: "...)
		b = appendUint(b, uint64(v[1]))
		b = append(b, ", created at: "...)
		b = appendHexUpper(b, v[2:6])
		b = append(b, ", expires in: "...)
		b = appendHexUpper(b, v[6:10])
		b = append(b, ", Current Time: "...)
		return appendHexUpper(b, v[10:14]), false
	case 84:
		return appendHexUpper(b, v[:8]), false
	}
	x := be32(v)
	b = append(b, "Error cause "...)
	b = appendUint(b, uint64(x))
	b = append(b, ": "...)
	if s, ok := radiusErrorCauses[x]; ok {
		return append(b, s...), false
	}
	b = append(b, "Error-Cause "...)
	b = appendUint(b, uint64(x))
	return append(b, " not known"...), false
}

// appendHexUpper appends v as "%02X" each.
func appendHexUpper(b, v []byte) []byte {
	const hex = "0123456789ABCDEF"
	for _, c := range v {
		b = append(b, hex[c>>4], hex[c&15])
	}
	return b
}

// appendHexASCIILines appends data as tcpdump's hex_and_ascii_print: lines
// of 16 bytes, each after indent, with the ASCII column.
func appendHexASCIILines(b, data []byte, indent string) []byte {
	for off := 0; off < len(data); off += 16 {
		line := data[off:min(off+16, len(data))]
		b = append(b, indent...)
		b = append(b, "0x"...)
		b = appendOffset(b, off)
		b = append(b, ": "...)
		n := len(b)
		for j := 0; j < len(line); j += 2 {
			b = append(b, ' ')
			b = appendHex2(b, line[j])
			if j+1 < len(line) {
				b = appendHex2(b, line[j+1])
			}
		}
		for len(b)-n < 40 {
			b = append(b, ' ')
		}
		b = append(b, "  "...)
		for _, c := range line {
			if c > 0x20 && c < 0x7f {
				b = append(b, c)
			} else {
				b = append(b, '.')
			}
		}
	}
	return b
}

// eapTcpdumpTypes are the EAP method names tcpdump knows.
var eapTcpdumpTypes = [256]string{
	1: "Identity", 2: "Notification", 3: "Nak", 4: "MD5-challenge", 5: "OTP", 6: "GTC",
	13: "TLS", 17: "LEAP", 18: "SIM", 21: "TTLS", 23: "AKA", 25: "PEAP", 26: "MSCHAPv2",
	33: "TLV", 43: "FAST", 49: "IKEv2", 254: "Expanded", 255: "Experimental",
}

// appendEAPType appends "Identity (1)", "unknown (99)" for a method tcpdump
// does not name.
func appendEAPType(b []byte, t byte) []byte {
	if s := eapTcpdumpTypes[t]; s != "" {
		b = append(b, s...)
	} else {
		b = append(b, "unknown"...)
	}
	b = append(b, " ("...)
	b = appendUint(b, uint64(t))
	return append(b, ')')
}

// appendEAPLine appends an EAP packet in an EAP-Message attribute as
// tcpdump's eap_print does: "Response (2), id 1, len 8" and, for a request
// or response, its method on the next line.
func appendEAPLine(b, v, rest []byte) (_ []byte, cut bool) {
	if len(v) < 4 {
		// tcpdump reads the header's length past the attribute, from
		// what follows it in the capture.
		if len(rest) < 4 {
			return b, true
		}
		return append(b, "EAP fragment?"...), false
	}
	n := int(be16(v[2:]))
	if n != len(v) {
		return append(b, "EAP fragment?"...), false
	}
	switch v[0] {
	case 1:
		b = append(b, "Request"...)
	case 2:
		b = append(b, "Response"...)
	case 3:
		b = append(b, "Success"...)
	case 4:
		b = append(b, "Failure"...)
	default:
		b = append(b, "unknown"...)
	}
	b = append(b, " ("...)
	b = appendUint(b, uint64(v[0]))
	b = append(b, "), id "...)
	b = appendUint(b, uint64(v[1]))
	b = append(b, ", len "...)
	b = appendUint(b, uint64(n))
	if n < 4 {
		return append(b, " (too short for EAP header)"...), false
	}
	if v[0] != 1 && v[0] != 2 {
		return b, false
	}
	if n < 5 {
		return append(b, " (too short for EAP request/response)"...), false
	}
	b = append(b, "\n\t\t Type "...)
	b = appendEAPType(b, v[4])
	switch v[4] {
	case 1, 2:
		if n > 5 {
			if v[4] == 1 {
				b = append(b, ", Identity: "...)
			} else {
				b = append(b, ", Notification: "...)
			}
			b = appendPrintable(b, v[5:])
		}
	case 3:
		for k, t := range v[5:] {
			if k > 0 {
				b = append(b, ',')
			}
			b = append(b, ' ')
			b = appendEAPType(b, t)
		}
	case 13, 21:
		if n < 6 {
			return append(b, " (too short for EAP TLS/TTLS request/response)"...), false
		}
		f := v[5]
		if v[4] == 21 {
			b = append(b, " TTLSv"...)
			b = appendUint(b, uint64(f&7))
		}
		b = append(b, " flags ["...)
		sep := false
		for _, fl := range [...]struct {
			bit  byte
			name string
		}{{0x80, "L bit"}, {0x40, "More fragments bit"}, {0x20, "Start bit"}} {
			if f&fl.bit != 0 {
				if sep {
					b = append(b, ", "...)
				}
				b = append(b, fl.name...)
				sep = true
			}
		}
		if !sep {
			b = append(b, "none"...)
		}
		b = append(b, "] 0x"...)
		b = appendHex2(b, f)
		if f&0x80 != 0 && n >= 10 {
			b = append(b, ", len "...)
			b = appendUint(b, uint64(be32(v[6:])))
		}
	}
	return b, false
}
