package decode

// jsonDHCPv4 writes the "dhcp" member with Wireshark's field names
// (dhcp.type, dhcp.hw.type, dhcp.id, dhcp.ip.your, dhcp.hw.mac_addr,
// dhcp.option.dhcp, dhcp.option.router …); options holding several
// addresses are arrays of strings. A message cut short keeps the fixed
// fields it has.
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
		w.addr("cookie", addr4(m[dhcpFixedLen:dhcpFixedLen+4])) // tshark shows 99.130.83.99
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
				jsonAddrList(w, "option.router", o.Data)
			case o.Tag == 6 && len(o.Data) >= 4:
				jsonAddrList(w, "option.domain_name_server", o.Data)
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

// jsonAddrList writes the IPv4 addresses of data as an array of strings.
func jsonAddrList(w *jsonWriter, k string, data []byte) {
	w.key(k)
	w.b = append(w.b, '[')
	for i := 0; i+4 <= len(data); i += 4 {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.b = append(w.b, '"')
		w.b = addr4(data[i : i+4]).AppendTo(w.b)
		w.b = append(w.b, '"')
	}
	w.b = append(w.b, ']')
}
