package decode

// infoARP appends the ARP Info as Wireshark words it, with its
// "(duplicate use of … detected!)" warning.
func (p *ColumnsPrinter) infoARP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	a := ARP(d.data[l.Start:l.Payload])
	if len(a) < 8 {
		return b
	}
	op := a.Op()
	// The tracker's checks (arp_dup.go) decide the mark.
	var dupIP []byte
	if p.conv != nil && p.conv.arp.mark {
		dupIP = p.conv.arp.ip[:]
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
	if dupIP != nil {
		b = append(b, " (duplicate use of "...)
		b = addr4(dupIP).AppendTo(b)
		b = append(b, " detected!)"...)
	}
	return b
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
