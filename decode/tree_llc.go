package decode

// llcSAPName returns Wireshark's name of an even service access point, or
// "" for the ones this tree does not know (it then stops rather than guess).
func llcSAPName(sap uint8) string {
	switch sap {
	case 0x10:
		return "NetWare (unofficial?)"
	case 0x42:
		return "Spanning Tree BPDU"
	case 0xaa:
		return "SNAP"
	case 0xe0:
		return "NetWare"
	case 0xf0:
		return "NetBIOS"
	case 0xfe:
		return "ISO Network Layer"
	}
	return ""
}

// treeLLC draws an 802.2 LLC header (and its SNAP extension) as tshark
// does, as far as it knows the names tshark shows.
func treeLLC(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	if b := d.data[l.Start:l.End]; len(b) >= 2 && b[0] == 0xff && b[1] == 0xff {
		return // raw IPX, which tshark does not take for LLC
	}
	t.head("Logical-Link Control")
	t.end()
	if l.Payload == l.Start {
		return
	}
	c := LLC(d.data[l.Start:l.Payload])
	t.depth = 1
	for k, f := range [2]struct {
		label, bit, clear, set string
	}{{"DSAP", "IG Bit", "Individual", "Group"}, {"SSAP", "CR Bit", "Command", "Response"}} {
		v := c[k]
		name := llcSAPName(v &^ 1)
		if name == "" {
			return
		}
		t.line()
		t.b = append(t.b, f.label...)
		t.b = append(t.b, ": "...)
		if v&1 != 0 {
			t.b = append(t.b, "Unknown"...)
		} else {
			t.b = append(t.b, name...)
		}
		t.b = append(t.b, " (0x"...)
		t.b = appendHex2(t.b, v)
		t.b = append(t.b, ')')
		t.end()
		t.depth = 2
		t.bits(uint64(v), 8, 0xfe, "SAP")
		t.b = append(t.b, name...)
		t.end()
		t.bits(uint64(v), 8, 0x01, f.bit)
		if v&1 != 0 {
			t.b = append(t.b, f.set...)
		} else {
			t.b = append(t.b, f.clear...)
		}
		t.end()
		t.depth = 1
	}
	if len(c) == 4 || c[2] != 0x03 {
		return // only unnumbered information without poll/final is drawn
	}
	t.b = append(t.b, "    Control field: U, func=UI (0x03)\n"+
		"        000. 00.. = Command: Unnumbered Information (0x00)\n"+
		"        .... ..11 = Frame type: Unnumbered frame (0x3)\n"...)
	if !c.IsSNAP() {
		return
	}
	switch c.OUI() {
	case 0:
		t.b = append(t.b, "    Organization Code: 00:00:00 (Officially Xerox, but\n"...)
		switch et := be16(c[6:]); et {
		case EtherTypeIPv4, EtherTypeIPv6, EtherTypeARP, EtherTypeEAPOL:
			treeEtherType(t, "Type", et)
		}
	case 0x00000c:
		t.b = append(t.b, "    Organization Code: 00:00:0c (Cisco Systems, Inc)\n"...)
		pid := be16(c[6:])
		if n := ciscoPIDName(pid); n != "" {
			t.line()
			t.b = append(t.b, "PID: "...)
			t.b = append(t.b, n...)
			t.b = append(t.b, " (0x"...)
			t.b = appendHex4(t.b, pid)
			t.b = append(t.b, ')')
			t.end()
		}
	case ouiNortel:
		// Nortel's discovery protocol, as ERSPAN sessions mirror it.
		t.b = append(t.b, "    Organization Code: 00:00:81 (Bay Networks)\n"...)
		pid := be16(c[6:])
		var n string
		switch pid {
		case 0x01a1:
			n = "NDP flatnet hello"
		case 0x01a2:
			n = "NDP segment hello"
		case 0x01a3:
			n = "NDP bridge hello"
		}
		if n != "" {
			t.line()
			t.b = append(t.b, "PID: "...)
			t.b = append(t.b, n...)
			t.b = append(t.b, " (0x"...)
			t.b = appendHex4(t.b, pid)
			t.b = append(t.b, ')')
			t.end()
		}
	}
}

// ouiNortel is the SNAP organization code of Nortel (Bay Networks).
const ouiNortel = 0x000081

// ciscoPIDName returns tshark's name of a protocol ID under Cisco's OUI,
// or "".
func ciscoPIDName(pid uint16) string {
	switch pid {
	case 0x010b:
		return "PVSTP+"
	case 0x0111:
		return "UDLD"
	case 0x01a1:
		return "NDP flatnet hello"
	case 0x01a2:
		return "NDP segment hello"
	case 0x2000:
		return "CDP"
	case 0x2003:
		return "VTP"
	case 0x2004:
		return "DTP"
	}
	return ""
}
