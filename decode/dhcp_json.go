package decode

import "strconv"

// jsonDHCPv4 writes the "dhcp" member with Wireshark's field names
// (dhcp.type, dhcp.hw.type, dhcp.id, dhcp.ip.your, dhcp.hw.mac_addr,
// dhcp.option.dhcp …).
func jsonDHCPv4(w *jsonWriter, d *Decoder, i int) {
	l := &d.layers[i]
	w.open("dhcp")
	// A message cut short by the snap length shows the fields it has.
	m := DHCPv4(d.data[l.Start:l.End])
	n := len(m)
	if n >= 1 {
		w.int("type", int(m[0]))
	}
	if n >= 2 {
		w.hex("hw.type", uint64(m[1]), 2)
	}
	if n >= 3 {
		w.int("hw.len", int(m[2]))
	}
	if n >= 4 {
		w.int("hops", int(m[3]))
	}
	if n >= 8 {
		w.hex("id", uint64(be32(m[4:])), 8)
	}
	if n >= 10 {
		w.int("secs", int(be16(m[8:])))
	}
	if n >= 12 {
		w.hex("flags", uint64(be16(m[10:])), 4)
		w.bool("flags.bc", be16(m[10:])&0x8000 != 0)
	}
	for k, key := range [...]string{"ip.client", "ip.your", "ip.server", "ip.relay"} {
		if n >= 16+4*k {
			w.addr(key, addr4(m[12+4*k:16+4*k]))
		}
	}
	if n >= 34 && (m[1] == 1 || m[1] == 6) && m[2] == 6 {
		w.mac("hw.mac_addr", MAC(m[28:34]))
	}
	if n < dhcpFixedLen {
		w.close()
		return
	}
	if m.HasMagic() {
		w.hex("cookie", dhcpMagic, 8)
		if t := m.MessageType(); t != 0 {
			w.int("option.dhcp", int(t))
		}
		for off := dhcpFixedLen + 4; ; {
			o, next, ok, _ := m.NextOption(off)
			if !ok {
				break
			}
			off = next
			switch {
			case o.Tag == 50 && len(o.Data) == 4:
				w.addr("option.requested_ip_address", addr4(o.Data))
			case o.Tag == 54 && len(o.Data) == 4:
				w.addr("option.dhcp_server_id", addr4(o.Data))
			case o.Tag == 51 && len(o.Data) == 4:
				w.uint("option.ip_address_lease_time", uint64(be32(o.Data)))
			case o.Tag == 1 && len(o.Data) == 4:
				w.addr("option.subnet_mask", addr4(o.Data))
			case o.Tag == 3 && len(o.Data) >= 4:
				o.Data = o.Data[:4]
				w.addr("option.router", addr4(o.Data))
			case o.Tag == 6 && len(o.Data) >= 4:
				o.Data = o.Data[:4]
				w.addr("option.domain_name_server", addr4(o.Data))
			case o.Tag == 12:
				w.bytesStr("option.hostname", o.Data)
			case o.Tag == 15:
				w.bytesStr("option.domain_name", o.Data)
			case o.Tag == 60:
				w.bytesStr("option.vendor_class_id", o.Data)
			}
		}
	}
	w.close()
}

// treeDHCPv4 writes the subtree as tshark -V shows its main fields.
func treeDHCPv4(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	m := DHCPv4(d.data[l.Start:l.End])
	if len(m) < dhcpFixedLen {
		t.head("Dynamic Host Configuration Protocol")
		t.end()
		return
	}
	mt := m.MessageType()
	t.head("Dynamic Host Configuration Protocol")
	if mt != 0 {
		t.b = append(t.b, " ("...)
		t.b = append(t.b, dhcpWSMsgType(mt)...)
		t.b = append(t.b, ')')
	}
	t.end()
	t.depth = 1
	t.line()
	t.b = append(t.b, "Message type: "...)
	switch m.Op() {
	case DHCPOpRequest:
		t.b = append(t.b, "Boot Request"...)
	case DHCPOpReply:
		t.b = append(t.b, "Boot Reply"...)
	default:
		t.b = append(t.b, "Unknown"...)
	}
	t.b = append(t.b, " ("...)
	t.b = strconv.AppendUint(t.b, uint64(m.Op()), 10)
	t.b = append(t.b, ')')
	t.end()
	t.line()
	t.b = append(t.b, "Hardware type: "...)
	if m.HType() == 1 {
		t.b = append(t.b, "Ethernet (0x01)"...)
	} else {
		t.b = append(t.b, "0x"...)
		t.b = appendHex2(t.b, m.HType())
	}
	t.end()
	t.int("Hardware address length", int(m.HLen()))
	t.int("Hops", int(m.Hops()))
	t.hex("Transaction ID", uint64(m.XID()), 8)
	t.int("Seconds elapsed", int(m.Secs()))
	t.line()
	t.b = append(t.b, "Bootp flags: 0x"...)
	t.b = appendHex4(t.b, m.Flags())
	if m.Flags()&0x8000 != 0 {
		t.b = append(t.b, " (Broadcast)"...)
	} else {
		t.b = append(t.b, " (Unicast)"...)
	}
	t.end()
	t.depth = 2
	t.bits(uint64(m.Flags()), 16, 0x8000, "Broadcast flag")
	if m.Flags()&0x8000 != 0 {
		t.b = append(t.b, "Broadcast"...)
	} else {
		t.b = append(t.b, "Unicast"...)
	}
	t.end()
	t.bits(uint64(m.Flags()), 16, 0x7fff, "Reserved flags")
	t.b = append(t.b, "0x"...)
	t.b = appendHex4(t.b, m.Flags()&0x7fff)
	t.end()
	t.depth = 1
	for _, f := range [...]struct {
		label string
		off   int
	}{{"Client IP address: ", 12}, {"Your (client) IP address: ", 16}, {"Next server IP address: ", 20}, {"Relay agent IP address: ", 24}} {
		t.line()
		t.b = append(t.b, f.label...)
		t.b = appendIPv4(t.b, m, f.off)
		t.end()
	}
	if m.HType() == 1 && m.HLen() == 6 {
		t.line()
		t.b = append(t.b, "Client MAC address: "...)
		t.b = m.ClientMAC().AppendTo(t.b)
		t.end()
		t.line()
		t.b = append(t.b, "Client hardware address padding: "...)
		t.b = appendHexBytes(t.b, m[34:44])
		t.end()
	}
	for _, f := range [...]struct {
		label string
		field []byte
	}{{"Server host name", m.SName()}, {"Boot file name", m.File()}} {
		t.line()
		t.b = append(t.b, f.label...)
		if f.field[0] == 0 {
			t.b = append(t.b, " not given"...)
		} else {
			t.b = append(t.b, ": "...)
			for _, c := range f.field {
				if c == 0 {
					break
				}
				t.b = appendPrintChar(t.b, c)
			}
		}
		t.end()
	}
	if !m.HasMagic() {
		return
	}
	t.line()
	t.b = append(t.b, "Magic cookie: DHCP"...)
	t.end()
	off := dhcpFixedLen + 4
	for {
		o, next, ok, _ := m.NextOption(off)
		if !ok {
			break
		}
		off = next
		treeDHCPOption(t, o)
	}
	if off < len(m) && m[off] == dhcpOptEnd {
		t.line()
		t.b = append(t.b, "Option: (255) End"...)
		t.end()
		t.depth = 2
		t.int("Option End", 255)
		t.depth = 1
		if off+1 < len(m) {
			t.line()
			t.b = append(t.b, "Padding: "...)
			t.b = appendHexBytes(t.b, m[off+1:])
			t.end()
		}
	}
}

// dhcpWSNames are Wireshark's names of the common DHCP options.
var dhcpWSNames = map[uint8]string{
	1: "Subnet Mask", 2: "Time Offset", 3: "Router", 4: "Time Server", 5: "Name Server",
	6: "Domain Name Server", 7: "Log Server", 12: "Host Name", 13: "Boot File Size",
	15: "Domain Name", 19: "IP Forwarding", 20: "Non-Local Source Routing", 21: "Policy Filter",
	23: "Default IP Time-to-Live", 26: "Interface MTU", 27: "All Subnets are Local",
	28: "Broadcast Address", 33: "Static Route", 42: "Network Time Protocol Servers",
	43: "Vendor-Specific Information", 44: "NetBIOS over TCP/IP Name Server",
	46: "NetBIOS over TCP/IP Node Type", 50: "Requested IP Address", 51: "IP Address Lease Time",
	52: "Option Overload", 53: "DHCP Message Type", 54: "DHCP Server Identifier",
	55: "Parameter Request List", 56: "Message", 57: "Maximum DHCP Message Size",
	58: "Renewal Time Value", 59: "Rebinding Time Value", 60: "Vendor class identifier",
	61: "Client identifier", 66: "TFTP Server Name", 67: "Bootfile name",
	77: "User Class Information", 81: "Client Fully Qualified Domain Name",
	82: "Agent Information Option", 119: "Domain Search", 121: "Classless Static Route",
	252: "Private/Proxy autodiscovery",
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

// treeDHCPOption writes one option: its summary line, length and value.
func treeDHCPOption(t *treeWriter, o DHCPOption) {
	name, known := dhcpWSNames[o.Tag]
	if !known {
		name = "Unknown"
	}
	t.depth = 1
	t.line()
	t.b = append(t.b, "Option: ("...)
	t.b = strconv.AppendUint(t.b, uint64(o.Tag), 10)
	t.b = append(t.b, ") "...)
	t.b = append(t.b, name...)
	d := o.Data
	switch o.Tag {
	case dhcpOptMsgType:
		if len(d) == 1 {
			t.b = append(t.b, " ("...)
			t.b = append(t.b, dhcpWSMsgType(d[0])...)
			t.b = append(t.b, ')')
		}
	case 1, 50, 54:
		if len(d) == 4 {
			t.b = append(t.b, " ("...)
			t.b = appendIPv4(t.b, d, 0)
			t.b = append(t.b, ')')
		}
	}
	t.end()
	t.depth = 2
	t.int("Length", len(d))
	line := func(label string) {
		t.line()
		t.b = append(t.b, label...)
		t.b = append(t.b, ": "...)
	}
	switch o.Tag {
	case dhcpOptMsgType:
		if len(d) == 1 {
			line("DHCP")
			t.b = append(t.b, dhcpWSMsgType(d[0])...)
			t.b = append(t.b, " ("...)
			t.b = strconv.AppendUint(t.b, uint64(d[0]), 10)
			t.b = append(t.b, ')')
			t.end()
		}
	case 1, 3, 4, 5, 6, 7, 28, 42, 44, 50, 54:
		if len(d)%4 == 0 {
			for k := 0; k < len(d); k += 4 {
				line(name)
				t.b = appendIPv4(t.b, d, k)
				t.end()
			}
		}
	case 12, 15, 60, 66, 67, 56:
		line(name)
		t.b = append(t.b, d...)
		t.end()
	case 51, 58, 59, 2:
		if len(d) == 4 {
			line(name)
			v := int64(be32(d))
			if o.Tag == 2 {
				v = int64(int32(be32(d)))
			}
			t.b = appendWSSeconds(t.b, v)
			t.end()
		}
	case 57:
		if len(d) == 2 {
			t.int(name, int(be16(d)))
		}
	case 55:
		for _, c := range d {
			nm, ok := dhcpWSNames[c]
			if !ok {
				nm = "Unknown"
			}
			line("Parameter Request List Item")
			t.b = append(t.b, '(')
			t.b = strconv.AppendUint(t.b, uint64(c), 10)
			t.b = append(t.b, ") "...)
			t.b = append(t.b, nm...)
			t.end()
		}
	default:
		if !known {
			line("Value")
			t.b = appendHexBytes(t.b, d)
			t.end()
		}
	}
	t.depth = 1
}
