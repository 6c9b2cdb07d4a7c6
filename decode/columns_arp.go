package decode

// colARPSlots is the size of the table of IPv4 → MAC bindings remembered
// to flag duplicate address use, as tshark's ARP dissector keeps every
// address it has seen (it never forgets one, and keeps the first MAC). The
// table is open-addressed and holds at most colARPMax bindings (2.9 MB,
// allocated at the first ARP packet): past that, a new address is not
// remembered and its later conflicting claims are not flagged.
const (
	colARPSlots = 1 << 18
	colARPMax   = colARPSlots / 4 * 3
)

type colARPBinding struct {
	used bool
	ip   [4]byte
	mac  [6]byte
}

// infoARP appends the ARP Info as Wireshark words it, with its
// "(duplicate use of … detected!)" warning.
func (p *ColumnsPrinter) infoARP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	a := ARP(d.data[l.Start:l.Payload])
	if len(a) < 8 {
		return b
	}
	op := a.Op()
	dup, dupIP := false, []byte(nil)
	etherIPv4 := (a.HType() == 1 || a.HType() == 6) && a.HLen() == 6 && a.PType() == 0x0800 && a.PLen() == 4
	if (op == 1 || op == 2) && etherIPv4 {
		// As tshark: the sender's binding, then a reply's target's
		// (unless it is the address the sender's check just flagged),
		// the later check's verdict deciding the Info.
		if arpBinding(a.SenderHW(), a.SenderProto()) {
			if dup = p.arpDuplicate(a.SenderHW(), a.SenderProto()); dup {
				dupIP = a.SenderProto()
			}
		}
		if op != 1 && arpBinding(a.TargetHW(), a.TargetProto()) && string(dupIP) != string(a.TargetProto()) {
			if dup = p.arpDuplicate(a.TargetHW(), a.TargetProto()); dup {
				dupIP = a.TargetProto()
			}
		}
	}
	spa, tpa := a.SenderProto(), a.TargetProto()
	gratuitous := (op == 1 || op == 2) && string(spa) == string(tpa)
	thaZero := allZero(a.TargetHW())
	switch op {
	case 1:
		switch {
		case gratuitous && thaZero:
			b = append(b, "ARP Announcement for "...)
			b = appendARPProto(b, a, tpa)
		case gratuitous:
			b = append(b, "Gratuitous ARP for "...)
			b = appendARPProto(b, a, tpa)
			b = append(b, " (Request)"...)
		case thaZero && allZero(spa):
			b = append(b, "Who has "...)
			b = appendARPProto(b, a, tpa)
			b = append(b, "? (ARP Probe)"...)
		default:
			b = append(b, "Who has "...)
			b = appendARPProto(b, a, tpa)
			b = append(b, "? Tell "...)
			b = appendARPProto(b, a, spa)
		}
	case 2:
		if gratuitous {
			b = append(b, "Gratuitous ARP for "...)
			b = appendARPProto(b, a, spa)
			b = append(b, " (Reply)"...)
			break
		}
		b = appendARPProto(b, a, spa)
		b = append(b, " is at "...)
		b = appendARPHW(b, a, a.SenderHW())
	case 3, 8:
		b = append(b, "Who is "...)
		b = appendARPHW(b, a, a.TargetHW())
		b = append(b, "? Tell "...)
		b = appendARPHW(b, a, a.SenderHW())
	case 4:
		b = appendARPHW(b, a, a.TargetHW())
		b = append(b, " is at "...)
		b = appendARPProto(b, a, tpa)
	case 9:
		b = appendARPHW(b, a, a.SenderHW())
		b = append(b, " is at "...)
		b = appendARPProto(b, a, spa)
	case 0:
		b = append(b, "Reserved opcode 0"...)
	default:
		b = append(b, "Unknown ARP opcode 0x"...)
		b = appendHex4(b, op)
	}
	if dup {
		b = append(b, " (duplicate use of "...)
		b = addr4(dupIP).AppendTo(b)
		b = append(b, " detected!)"...)
	}
	return b
}

// arpBinding reports whether tshark takes ip at mac as a binding to
// remember: not a multicast or zero MAC, not 0.0.0.0.
func arpBinding(mac, ip []byte) bool {
	return mac[0]&1 == 0 && !allZero(mac) && !allZero(ip)
}

// arpDuplicate records that ip is at mac and reports whether ip was seen
// at another MAC before (the first MAC stays recorded, as in tshark).
func (p *ColumnsPrinter) arpDuplicate(mac, ip []byte) bool {
	if p.arp == nil {
		p.arp = make([]colARPBinding, colARPSlots)
	}
	k := [4]byte(ip)
	h := (uint32(k[0])<<24 | uint32(k[1])<<16 | uint32(k[2])<<8 | uint32(k[3])) * 2654435761
	for at := h >> 14; ; at++ { // the top 18 bits, then the next slots
		e := &p.arp[at%colARPSlots]
		switch {
		case e.used && e.ip == k:
			return e.mac != [6]byte(mac)
		case !e.used:
			if p.narp < colARPMax {
				*e = colARPBinding{used: true, ip: k, mac: [6]byte(mac)}
				p.narp++
			}
			return false
		}
	}
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

// appendARPProto appends a protocol address: dotted IPv4, IPv6, else hex.
func appendARPProto(b []byte, a ARP, v []byte) []byte {
	switch {
	case len(v) == 0:
		return append(b, "<No address>"...)
	case len(v) == 4 && (a.PType() == 0x0800 || a.PType() == 0xcc):
		return addr4(v).AppendTo(b)
	case len(v) == 16 && a.PType() == 0x86dd:
		return addr16(v).AppendTo(b)
	}
	return appendHexBytes(b, v)
}

// appendARPHW appends a hardware address: a MAC for Ethernet, else hex.
func appendARPHW(b []byte, a ARP, v []byte) []byte {
	switch {
	case len(v) == 0:
		return append(b, "<No address>"...)
	case len(v) == 6 && (a.HType() == 1 || a.HType() == 6):
		return MAC(v).AppendTo(b)
	}
	return appendHexBytes(b, v)
}
