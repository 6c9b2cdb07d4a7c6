package decode

import "strconv"

// This file writes the Info of an 802.2 LLC frame as Wireshark's xdlc and
// llc dissectors do: the control field, then the SAPs.

var colSAPNames = map[uint8]string{0x00: "NULL LSAP", 0x02: "LLC Sub-Layer Management",
	0x04: "SNA Path Control", 0x06: "TCP/IP", 0x08: "SNA", 0x0c: "SNA", 0x0e: "PROWAY Network Management and Initialization",
	0x18: "Texas Instruments", 0x42: "Spanning Tree BPDU", 0x4e: "EIA RS-511 Manufacturing Message Service",
	0x7e: "ISO 8208 (X.25 over 802.2)", 0x80: "XNS", 0x86: "Nestar", 0x8e: "PROWAY Active Station List Maintenance",
	0x98: "ARP", 0xaa: "SNAP", 0x10: "NetWare (unofficial?)", 0xba: "Banyan Vines", 0xbc: "Banyan Vines", 0xe0: "NetWare",
	0xf0: "NetBIOS", 0xf4: "IBM Net Management", 0xf8: "HP Extended LLC", 0xfa: "Ungermann-Bass",
	0xfe: "ISO Network Layer (OSLAN 1)", 0xff: "Global LSAP"}

// colUNames are the U-frame modifiers (control & 0xef), command and
// response names where they differ.
var colUNames = map[uint8][2]string{0x03: {"UI", "UI"}, 0x83: {"SNRM", "SNRM"}, 0x43: {"DISC", "RD"},
	0x63: {"UA", "UA"}, 0x2f: {"SABM", "SABM"}, 0x6f: {"SABME", "SABME"}, 0x0f: {"SARM", "DM"},
	0x87: {"FRMR", "FRMR"}, 0xaf: {"XID", "XID"}, 0xe3: {"TEST", "TEST"}, 0x07: {"SIM", "RIM"},
	0x23: {"UP", "UP"}, 0x8f: {"RSET", "RSET"}, 0xcf: {"SNRME", "SNRME"}, 0x4f: {"SARME", "SARME"},
	0xc3: {"Unknown", "Unknown"}}

var colSNames = [4]string{"RR", "RNR", "REJ", "SREJ"}

func appendSAP(b []byte, sap uint8) []byte {
	if s, ok := colSAPNames[sap]; ok {
		return append(b, s...)
	}
	b = append(b, "0x"...)
	return appendHex2(b, sap)
}

func infoLLC(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	c := LLC(d.data[l.Start:l.Payload])
	if len(c) < 3 {
		return b
	}
	resp := c.SSAP()&1 != 0
	pf := func(b []byte, set bool) []byte {
		switch {
		case !set:
			return b
		case resp:
			return append(b, " F"...)
		}
		return append(b, " P"...)
	}
	switch ctl := c[2]; {
	case ctl&3 == 3: // U
		b = append(b, 'U')
		b = pf(b, ctl&0x10 != 0)
		b = append(b, ", func="...)
		r := 0
		if resp {
			r = 1
		}
		if n, ok := colUNames[ctl&0xef]; ok {
			b = append(b, n[r]...)
		} else {
			b = append(b, "Unknown"...)
		}
	case len(c) >= 4 && ctl&1 == 0: // I
		b = append(b, 'I')
		if c[3]&1 != 0 {
			b = append(b, " P"...)
		}
		b = append(b, ", N(R)="...)
		b = strconv.AppendUint(b, uint64(c[3]>>1), 10)
		b = append(b, ", N(S)="...)
		b = strconv.AppendUint(b, uint64(ctl>>1), 10)
	case len(c) >= 4: // S
		b = append(b, 'S')
		b = pf(b, c[3]&1 != 0)
		b = append(b, ", func="...)
		b = append(b, colSNames[ctl>>2&3]...)
		b = append(b, ", N(R)="...)
		b = strconv.AppendUint(b, uint64(c[3]>>1), 10)
	default:
		return b
	}
	b = append(b, "; DSAP "...)
	b = appendSAP(b, c.DSAP()&0xfe)
	if c.DSAP()&1 != 0 {
		b = append(b, " Group"...)
	} else {
		b = append(b, " Individual"...)
	}
	b = append(b, ", SSAP "...)
	b = appendSAP(b, c.SSAP()&0xfe)
	if resp {
		return append(b, " Response"...)
	}
	return append(b, " Command"...)
}
