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
	if s := DHCPMessageTypeName(mt); s != "" {
		t.b = append(t.b, " ("...)
		t.b = append(t.b, s...)
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
	}
	if m.HasMagic() {
		t.line()
		t.b = append(t.b, "Magic cookie: DHCP"...)
		t.end()
		for off := dhcpFixedLen + 4; ; {
			o, next, ok, _ := m.NextOption(off)
			if !ok {
				break
			}
			off = next
			_, name := dhcpTag(o.Tag)
			t.line()
			t.b = append(t.b, "Option: ("...)
			t.b = strconv.AppendUint(t.b, uint64(o.Tag), 10)
			t.b = append(t.b, ") "...)
			t.b = append(t.b, name...)
			if o.Tag == dhcpOptMsgType && len(o.Data) == 1 {
				t.b = append(t.b, " ("...)
				t.b = append(t.b, DHCPMessageTypeName(o.Data[0])...)
				t.b = append(t.b, ')')
			}
			t.end()
			t.depth = 2
			t.int("Length", len(o.Data))
			t.depth = 1
		}
	}
}
