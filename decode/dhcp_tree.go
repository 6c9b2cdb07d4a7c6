package decode

import (
	"bytes"
	"strconv"
)

// This file holds the texts of the DHCP subtree of -V that are tshark's
// own (the option headings, the durations) and the values of the options
// emitDHCPv4 does not take itself.

// dhcpTreeMsgType returns the message type the tree's title names: 0 for
// a message cut short before its options.
func dhcpTreeMsgType(m DHCPv4) uint8 {
	if len(m) < dhcpFixedLen {
		return 0
	}
	return m.MessageType()
}

// emitDHCPNames emits the server host name and boot file name
// (dhcp.server, dhcp.file), unless option 52 says those fields hold
// options.
func emitDHCPNames(e *emitter, m DHCPv4) {
	if m.HasMagic() {
		for off := dhcpFixedLen + 4; ; {
			o, next, ok, _ := m.NextOption(off)
			if !ok {
				break
			}
			if o.Tag == 52 {
				return
			}
			off = next
		}
	}
	for _, f := range [...]struct {
		field *Field
		name  []byte
	}{{&dhcpFields[dhcpServer], m.SName()}, {&dhcpFields[dhcpFile], m.File()}} {
		name := f.name
		if k := bytes.IndexByte(name, 0); k >= 0 {
			name = name[:k]
		}
		e.Bytes(f.field, name)
		if len(name) == 0 && e.Tree() {
			e.SetRepr(append(append(e.Text(), f.field.Label...), " not given"...))
		}
	}
}

// dhcpWSNames are Wireshark 4.0's option names (read from tshark -V).
var dhcpWSNames = [256]string{
	0: "Padding", 1: "Subnet Mask", 2: "Time Offset", 3: "Router", 4: "Time Server", 5: "Name Server",
	6: "Domain Name Server", 7: "Log Server", 8: "Quotes Server", 9: "LPR Server",
	10: "Impress Server", 11: "Resource Location Server", 12: "Host Name", 13: "Boot File Size",
	14: "Merit Dump File", 15: "Domain Name", 16: "Swap Server", 17: "Root Path",
	18: "Extensions Path", 19: "IP Forwarding", 20: "Non-Local Source Routing", 21: "Policy Filter",
	22: "Maximum Datagram Reassembly Size", 23: "Default IP Time-to-Live",
	24: "Path MTU Aging Timeout", 25: "Path MTU Plateau Table", 26: "Interface MTU",
	27: "All Subnets are Local", 28: "Broadcast Address", 29: "Perform Mask Discovery",
	30: "Mask Supplier", 31: "Perform Router Discover", 32: "Router Solicitation Address",
	33: "Static Route", 34: "Trailer Encapsulation", 35: "ARP Cache Timeout",
	36: "Ethernet Encapsulation", 37: "TCP Default TTL", 38: "TCP Keepalive Interval",
	39: "TCP Keepalive Garbage", 40: "Network Information Service Domain",
	41: "Network Information Service Servers", 42: "Network Time Protocol Servers",
	43: "Vendor-Specific Information", 44: "NetBIOS over TCP/IP Name Server",
	45: "NetBIOS over TCP/IP Datagram Distribution Name Server", 46: "NetBIOS over TCP/IP Node Type",
	47: "NetBIOS over TCP/IP Scope", 48: "X Window System Font Server",
	49: "X Window System Display Manager", 50: "Requested IP Address", 51: "IP Address Lease Time",
	52: "Option Overload", 53: "DHCP Message Type", 54: "DHCP Server Identifier",
	55: "Parameter Request List", 56: "Message", 57: "Maximum DHCP Message Size",
	58: "Renewal Time Value", 59: "Rebinding Time Value", 60: "Vendor class identifier",
	61: "Client identifier", 62: "Novell/Netware IP domain", 63: "Novell Options",
	64: "Network Information Service+ Domain", 65: "Network Information Service+ Servers",
	66: "TFTP Server Name", 67: "Bootfile name", 68: "Mobile IP Home Agent", 69: "SMTP Server",
	70: "POP3 Server", 71: "NNTP Server", 72: "Default WWW Server", 73: "Default Finger Server",
	74: "Default IRC Server", 75: "StreetTalk Server", 76: "StreetTalk Directory Assistance Server",
	77: "User Class Information", 78: "Directory Agent Information",
	79: "Service Location Agent Scope", 80: "Rapid commit", 81: "Client Fully Qualified Domain Name",
	82: "Agent Information Option", 83: "iSNS", 84: "Removed/Unassigned",
	85: "Novell Directory Services Servers", 86: "Novell Directory Services Tree Name",
	87: "Novell Directory Services Context", 88: "BCMCS Controller Domain Name [TODO:RFC4280]",
	89: "BCMCS Controller IPv4 address [TODO:RFC4280]", 90: "Authentication",
	91: "Client last transaction time", 92: "Associated IP option", 93: "Client System Architecture",
	94: "Client Network Device Interface", 95: "LDAP [TODO:RFC3679]", 96: "Removed/Unassigned",
	97: "UUID/GUID-based Client Identifier", 98: "Open Group's User Authentication [TODO:RFC2485]",
	99: "Civic Addresses Configuration", 100: "PCode", 101: "TCode", 102: "Removed/unassigned",
	103: "Removed/unassigned", 104: "Removed/unassigned", 105: "Removed/unassigned",
	106: "Removed/unassigned", 107: "Removed/unassigned", 108: "IPv6-Only Preferred",
	109: "Unassigned", 110: "Removed/Unassigned", 111: "Unassigned",
	112: "NetInfo Parent Server Address", 113: "NetInfo Parent Server Tag",
	114: "DHCP Captive-Portal", 115: "Removed/Unassigned", 116: "DHCP Auto-Configuration",
	117: "Name Service Search", 118: "Subnet Selection Option", 119: "Domain Search",
	120: "SIP Servers", 121: "Classless Static Route",
	122: "CableLabs Client Configuration [TODO:RFC3495]",
	123: "Coordinate-based Location Configuration", 124: "V-I Vendor Class",
	125: "V-I Vendor-specific Information", 126: "Removed/Unassigned", 127: "Removed/Unassigned",
	128: "DOCSIS full security server IP [TODO]", 129: "PXE - undefined (vendor specific)",
	130: "PXE - undefined (vendor specific)", 131: "PXE - undefined (vendor specific)",
	132: "PXE - undefined (vendor specific)", 133: "PXE - undefined (vendor specific)",
	134: "PXE - undefined (vendor specific)", 135: "PXE - undefined (vendor specific)",
	136: "PANA Authentication Agent", 137: "LoST Server Domain Name",
	138: "CAPWAP Access Controllers", 139: "IPv4 Address-MoS", 140: "IPv4 FQDN-MoS",
	141: "SIP UA Configuration Domains", 142: "IPv4 Address ANDSF",
	143: "Zerotouch Redirect [TODO: draft-ietf-netconf-zerotouch]",
	144: "Geospatial Location [TODO:RFC6225]", 145: "Forcerenew Nonce Capable",
	146: "RDNSS Selection", 147: "Unassigned", 148: "Unassigned", 149: "Unassigned",
	150: "TFTP Server Address", 151: "Leasequery Status code", 152: "Leasequery Base Time",
	153: "Leasequery Start Time of State", 154: "Leasequery Query Start Time",
	155: "Leasequery Query End Time", 156: "Leasequery Dhcp State", 157: "Leasequery Data Source",
	158: "PCP Server", 159: "Portparams", 160: "Unassigned (ex DHCP Captive-Portal)",
	161: "Manufacturer Usage Description", 162: "Unassigned", 163: "Unassigned", 164: "Unassigned",
	165: "Unassigned", 166: "Unassigned", 167: "Unassigned", 168: "Unassigned", 169: "Unassigned",
	170: "Unassigned", 171: "Unassigned", 172: "Unassigned", 173: "Unassigned", 174: "Unassigned",
	175: "Etherboot", 176: "IP Telephone", 177: "Etherboot", 178: "Unassigned", 179: "Unassigned",
	180: "Unassigned", 181: "Unassigned", 182: "Unassigned", 183: "Unassigned", 184: "Unassigned",
	185: "Unassigned", 186: "Unassigned", 187: "Unassigned", 188: "Unassigned", 189: "Unassigned",
	190: "Unassigned", 191: "Unassigned", 192: "Unassigned", 193: "Unassigned", 194: "Unassigned",
	195: "Unassigned", 196: "Unassigned", 197: "Unassigned", 198: "Unassigned", 199: "Unassigned",
	200: "Unassigned", 201: "Unassigned", 202: "Unassigned", 203: "Unassigned", 204: "Unassigned",
	205: "Unassigned", 206: "Unassigned", 207: "Unassigned", 208: "PXELINUX Magic",
	209: "PXE Configuration file", 210: "PXE Path Prefix", 211: "Reboot Time", 212: "6RD",
	213: "V4 Access Domain", 214: "Unassigned", 215: "Unassigned", 216: "Unassigned",
	217: "Unassigned", 218: "Unassigned", 219: "Unassigned", 220: "Subnet Allocation",
	221: "Virtual Subnet Selection", 222: "Unassigned", 223: "Unassigned", 224: "Private",
	225: "Private", 226: "Private", 227: "Private", 228: "Private", 229: "Private", 230: "Private",
	231: "Private", 232: "Private", 233: "Private", 234: "Private", 235: "Private", 236: "Private",
	237: "Private", 238: "Private", 239: "Private", 240: "Private", 241: "Private",
	242: "Private/Avaya IP Telephone", 243: "Private", 244: "Private", 245: "Private", 246: "Private",
	247: "Private", 248: "Private", 249: "Private/Classless Static Route (Microsoft)", 250: "Private",
	251: "Private", 252: "Private/Proxy autodiscovery", 253: "Private", 254: "Private", 255: "End",
}

var dhcpWSMsgTypes = [...]string{1: "Discover", 2: "Offer", 3: "Request", 4: "Decline", 5: "ACK", 6: "NAK", 7: "Release", 8: "Inform", 9: "Force Renew"}

func dhcpWSMsgType(v uint8) string {
	if int(v) < len(dhcpWSMsgTypes) && dhcpWSMsgTypes[v] != "" {
		return dhcpWSMsgTypes[v]
	}
	return "Unknown"
}

// appendWSSeconds appends "(86400s) 1 day" as Wireshark shows option times.
func appendWSSeconds(b []byte, v int64) []byte {
	b = append(b, '(')
	b = strconv.AppendInt(b, v, 10)
	b = append(b, "s) "...)
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	if v == 0 {
		return append(b, "0 seconds"...)
	}
	first := true
	for _, u := range [...]struct {
		n    int64
		name string
	}{{86400, "day"}, {3600, "hour"}, {60, "minute"}, {1, "second"}} {
		k := v / u.n
		v -= k * u.n
		if k == 0 {
			continue
		}
		if !first {
			b = append(b, ", "...)
		}
		first = false
		b = strconv.AppendInt(b, k, 10)
		b = append(b, ' ')
		b = append(b, u.name...)
		if k != 1 {
			b = append(b, 's')
		}
	}
	return b
}

// appendDHCPOptionHead appends an option's heading line: "Option: (53)
// DHCP Message Type (Discover)".
func appendDHCPOptionHead(b []byte, o DHCPOption) []byte {
	b = strconv.AppendUint(append(b, "Option: ("...), uint64(o.Tag), 10)
	b = append(append(b, ") "...), dhcpWSNames[o.Tag]...)
	d := o.Data
	switch o.Tag {
	case dhcpOptMsgType:
		if len(d) == 1 {
			b = append(append(append(b, " ("...), dhcpWSMsgType(d[0])...), ')')
		}
	case 1, 50, 54:
		if len(d) == 4 {
			b = append(appendIPv4(append(b, " ("...), d, 0), ')')
		}
	}
	return b
}

// addrOptionField returns the field of the addresses option tag holds and
// the group JSON shows them in (nil: one address only), or nil.
func addrOptionField(tag uint8) (*Field, *Field) {
	switch tag {
	case 1:
		return &dhcpFields[dhcpOptionSubnetMask], nil
	case 3:
		return &dhcpFields[dhcpOptionRouter], &dhcpRouters
	case 6:
		return &dhcpFields[dhcpOptionDomainNameServer], &dhcpNameServers
	case 50:
		return &dhcpFields[dhcpOptionRequestedIPAddress], nil
	case 54:
		return &dhcpFields[dhcpOptionDhcpServerID], nil
	case 4, 5, 7:
		k := int(tag) - 4
		if tag == 7 {
			k = 2
		}
		return &dhcpFields[dhcpOptionTimeServer+k], &dhcpAddrGroups[k]
	case 28:
		return &dhcpFields[dhcpOptionBroadcastAddress], &dhcpAddrGroups[3]
	case 42:
		return &dhcpFields[dhcpOptionNTPServer], &dhcpAddrGroups[4]
	case 44:
		return &dhcpFields[dhcpOptionNetBIOSNameServer], &dhcpAddrGroups[5]
	}
	return nil, nil
}

// emitDHCPOptionValue emits the value of an option the main switch of
// emitDHCPv4 does not take; every: all the occurrences of a field that
// has no group (else JSON's one).
func emitDHCPOptionValue(e *emitter, o DHCPOption, every bool) {
	f := &dhcpFields
	d := o.Data
	if af, g := addrOptionField(o.Tag); af != nil {
		if len(d) == 0 || len(d)%4 != 0 {
			return
		}
		if g != nil {
			emitAddrList(e, g, af, d)
			return
		}
		for k := 0; k < len(d); k += 4 {
			e.IPv4(af, d[k:k+4])
			if !every {
				break
			}
		}
		return
	}
	switch o.Tag {
	case 56, 66, 67:
		fk := dhcpOptionMessage
		switch o.Tag {
		case 66:
			fk = dhcpOptionTFTPServerName
		case 67:
			fk = dhcpOptionBootfileName
		}
		if k := bytes.IndexByte(d, 0); k >= 0 {
			d = d[:k]
		}
		e.Bytes(&f[fk], d)
	case 2, 58, 59:
		if len(d) != 4 {
			break
		}
		v := int64(be32(d))
		switch o.Tag {
		case 2:
			v = int64(int32(be32(d)))
			e.Int(&f[dhcpOptionTimeOffset], v)
		case 58:
			e.Uint(&f[dhcpOptionRenewalTimeValue], uint64(v))
		default:
			e.Uint(&f[dhcpOptionRebindingTimeValue], uint64(v))
		}
		if e.Tree() {
			b := append(append(e.Text(), dhcpWSNames[o.Tag]...), ": "...)
			e.SetRepr(appendWSSeconds(b, v))
		}
	case 57:
		if len(d) == 2 {
			e.Uint(&f[dhcpOptionMaxMessageSize], uint64(be16(d)))
		}
	case 55:
		e.Group(&dhcpRequestList)
		for _, c := range d {
			e.Uint(&f[dhcpOptionRequestListItem], uint64(c))
			if e.Tree() {
				b := strconv.AppendUint(append(e.Text(), "Parameter Request List Item: ("...), uint64(c), 10)
				e.SetRepr(append(append(b, ") "...), dhcpWSNames[c]...))
			}
		}
		e.End()
	}
}
