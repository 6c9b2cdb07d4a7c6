package decode

import (
	"net/netip"
	"strconv"
)

// This file prints LLDPDUs as tcpdump 4.99's lldp_print does: "LLDP,
// length N" and the system name, and with -v each TLV on its own line
// (with -vv followed by its bytes in hex).

// lldpTcpdumpTLVName returns tcpdump's name of a TLV type.
func lldpTcpdumpTLVName(t uint8) string {
	switch t {
	case LLDPEnd:
		return "End"
	case LLDPChassisID:
		return "Chassis ID"
	case LLDPPortID:
		return "Port ID"
	case LLDPTTL:
		return "Time to Live"
	case LLDPPortDesc:
		return "Port Description"
	case LLDPSystemName:
		return "System Name"
	case LLDPSystemDesc:
		return "System Description"
	case LLDPSystemCap:
		return "System Capabilities"
	case LLDPMgmtAddr:
		return "Management Address"
	case LLDPOrg:
		return "Organization specific"
	}
	return "Unknown"
}

// lldpTcpdumpSubtype returns tcpdump's name of a Chassis ID (port false)
// or Port ID subtype.
func lldpTcpdumpSubtype(s uint8, port bool) string {
	if port {
		switch s {
		case 1:
			return "Interface alias"
		case 2:
			return "Port component"
		case 3:
			return "MAC address"
		case 4:
			return "Network Address"
		case 5:
			return "Interface Name"
		case 6:
			return "Agent circuit ID"
		case 7:
			return "Local"
		}
		return "Unknown"
	}
	switch s {
	case 1:
		return "Chassis component"
	case 2:
		return "Interface alias"
	case 3:
		return "Port component"
	case 4:
		return "MAC address"
	case 5:
		return "Network address"
	case 6:
		return "Interface name"
	case 7:
		return "Local"
	}
	return "Unknown"
}

// appendPrintableZ appends text as tcpdump's nd_printjnp does: up to the
// first NUL, with other unprintable bytes escaped.
func appendPrintableZ(b, s []byte) []byte {
	return appendPrintable(b, lldpString(s))
}

// appendTokBits appends the names of v's set bits, in the table's order,
// separated by ", ", or none when no bit of the table is set (tcpdump's
// bittok2str).
func appendTokBits(b []byte, v uint32, bits []uint32, names []string, none string) []byte {
	n := len(b)
	for k, bit := range bits {
		if v&bit != 0 {
			if len(b) > n {
				b = append(b, ", "...)
			}
			b = append(b, names[k]...)
		}
	}
	if len(b) == n {
		b = append(b, none...)
	}
	return b
}

var (
	lldpCapBits        = []uint32{1, 2, 4, 8, 16, 32, 64, 128}
	lldpCapTcpdump     = []string{"Other", "Repeater", "Bridge", "WLAN AP", "Router", "Telephone", "Docsis", "Station Only"}
	lldpPMDBits        = []uint32{1 << 14, 1 << 13, 1 << 12, 1 << 11, 1 << 10, 1 << 9, 1 << 8, 1 << 7, 1 << 6, 1 << 5, 1 << 4, 1 << 3, 1 << 2, 1 << 1, 1}
	lldpPMDTcpdump     = []string{"10BASE-T hdx", "10BASE-T fdx", "100BASE-T4", "100BASE-TX hdx", "100BASE-TX fdx", "100BASE-T2 hdx", "100BASE-T2 fdx", "Pause for fdx links", "Asym PAUSE for fdx", "Sym PAUSE for fdx", "Asym and Sym PAUSE for fdx", "1000BASE-{X LX SX CX} hdx", "1000BASE-{X LX SX CX} fdx", "1000BASE-T hdx", "1000BASE-T fdx"}
	lldpSupEnBits      = []uint32{1, 2}
	lldpPPVIDBits      = []uint32{2, 4}
	lldpSupEnNames     = []string{"supported", "enabled"}
	lldpMAUTypeTcpdump = [...]string{"Unknown", "AUI", "10BASE_5", "FOIRL", "10BASE2", "10BASET duplex mode unknown", "10BASEFP", "10BASEFB",
		"10BASEFL duplex mode unknown", "10BROAD36", "10BASET hdx", "10BASET fdx", "10BASEFL hdx", "10BASEFL fdx", "100BASET4",
		"100BASETX hdx", "100BASETX fdx", "100BASEFX hdx", "100BASEFX fdx", "100BASET2 hdx", "100BASET2 fdx", "1000BASEX hdx",
		"1000BASEX fdx", "1000BASELX hdx", "1000BASELX fdx", "1000BASESX hdx", "1000BASESX fdx", "1000BASECX hdx",
		"1000BASECX fdx", "1000BASET hdx", "1000BASET fdx", "10GBASEX", "10GBASELX4", "10GBASER", "10GBASEER", "10GBASELR",
		"10GBASESR", "10GBASEW", "10GBASEEW", "10GBASELW", "10GBASESW"}
)

// lineLLDP appends tcpdump's "LLDP, length 282: S2.cisco.com", with -v
// every TLV.
func (p *LinePrinter) lineLLDP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	data := d.data[l.Start:]
	length := len(data)
	if p.wire > l.Start {
		length = p.wire - l.Start
	}
	b = append(b, "LLDP, length "...)
	b = strconv.AppendInt(b, int64(length), 10)
	v := p.Options.Verbose
	for off, left := 0, length; left >= 2; {
		if off+2 > len(data) {
			return append(b, " [|lldp]"...)
		}
		h := be16(data[off:])
		typ, n := uint8(h>>9), int(h&0x1ff)
		left -= 2
		off += 2
		if v > 0 {
			b = append(b, "\n\t"...)
			b = append(b, lldpTcpdumpTLVName(typ)...)
			b = append(b, " TLV ("...)
			b = strconv.AppendUint(b, uint64(typ), 10)
			b = append(b, "), length "...)
			b = strconv.AppendInt(b, int64(n), 10)
		}
		if typ == 0 || n == 0 {
			break
		}
		if off+n > len(data) || left < n {
			return append(b, " [|lldp]"...)
		}
		val := data[off : off+n]
		var trunc, hexdump bool
		switch typ {
		case LLDPChassisID, LLDPPortID:
			if v > 0 {
				b, trunc, hexdump = lldpLineID(b, val, typ == LLDPPortID)
			}
		case LLDPTTL:
			if v > 0 {
				if n < 2 {
					trunc = true
					break
				}
				b = append(b, ": TTL "...)
				b = strconv.AppendUint(b, uint64(be16(val)), 10)
				b = append(b, 's')
			}
		case LLDPPortDesc:
			if v > 0 {
				b = append(b, ": "...)
				b = appendPrintableZ(b, val)
			}
		case LLDPSystemName:
			b = append(b, ": "...)
			b = appendPrintableZ(b, val)
		case LLDPSystemDesc:
			if v > 0 {
				b = append(b, "\n\t  "...)
				b = appendPrintableZ(b, val)
			}
		case LLDPSystemCap:
			if v > 0 {
				if n < 4 {
					trunc = true
					break
				}
				for k, label := range [2]string{"\n\t  System  Capabilities [", "\n\t  Enabled Capabilities ["} {
					c := be16(val[2*k:])
					b = append(b, label...)
					b = appendTokBits(b, uint32(c), lldpCapBits, lldpCapTcpdump, "none")
					b = append(b, "] (0x"...)
					b = appendHex4(b, c)
					b = append(b, ')')
				}
			}
		case LLDPMgmtAddr:
			if v > 0 {
				b, trunc = lldpLineMgmt(b, val)
			}
		case LLDPOrg:
			if v > 0 {
				if n < 3 {
					trunc = true
					break
				}
				b, hexdump = lldpLineOrg(b, val)
			}
		default:
			hexdump = true
		}
		if trunc {
			return append(b, " [|lldp]"...)
		}
		if v > 1 || v > 0 && hexdump {
			b = appendHexDumpLines(b, val, "\n\t  ")
		}
		left -= n
		off += n
	}
	return b
}

// lldpLineID prints a Chassis or Port ID TLV's subtype and identifier.
func lldpLineID(b, val []byte, port bool) (_ []byte, trunc, hexdump bool) {
	if len(val) < 2 {
		return b, true, false
	}
	sub := val[0]
	b = append(b, "\n\t  Subtype "...)
	b = append(b, lldpTcpdumpSubtype(sub, port)...)
	b = append(b, " ("...)
	b = strconv.AppendUint(b, uint64(sub), 10)
	b = append(b, "): "...)
	mac, net := uint8(4), uint8(5)
	if port {
		mac, net = 3, 4
	}
	switch {
	case sub == mac:
		if len(val) < 7 {
			return b, true, false
		}
		return MAC(val[1:7]).AppendTo(b), false, false
	case sub == net:
		var ok bool
		b, ok = lldpLineNetAddr(b, val[1:])
		return b, !ok, false
	case sub >= 1 && sub <= 7:
		return appendPrintableZ(b, val[1:]), false, false
	}
	return b, false, true
}

// lldpLineNetAddr appends a network address (an address family number and
// the address) as tcpdump's lldp_network_addr_print does: "AFI IPv4 (1):
// 192.0.2.1"; ok is false for an address it cannot print.
func lldpLineNetAddr(b, a []byte) (_ []byte, ok bool) {
	if len(a) < 1 {
		return b, false
	}
	switch a[0] {
	case 1:
		if len(a)-1 < 4 {
			return b, false
		}
		b = append(b, "AFI IPv4 (1): "...)
		return netip.AddrFrom4([4]byte(a[1:5])).AppendTo(b), true
	case 2:
		if len(a)-1 < 16 {
			return b, false
		}
		b = append(b, "AFI IPv6 (2): "...)
		return netip.AddrFrom16([16]byte(a[1:17])).AppendTo(b), true
	}
	return b, false
}

// lldpLineMgmt prints a Management Address TLV; trunc is set where tcpdump
// gives up on it.
func lldpLineMgmt(b, val []byte) (_ []byte, trunc bool) {
	if len(val) < 1 {
		return b, true
	}
	n := int(val[0])
	if len(val)-1 < n {
		return b, true
	}
	b = append(b, "\n\t  Management Address length "...)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, ", "...)
	b, ok := lldpLineNetAddr(b, val[1:1+n])
	if !ok {
		return b, true
	}
	rest := val[1+n:]
	if len(rest) < 5 {
		return b, true
	}
	b = append(b, "\n\t  "...)
	switch rest[0] {
	case 2:
		b = append(b, "Interface Index"...)
	case 3:
		b = append(b, "System Port Number"...)
	default:
		b = append(b, "Unknown"...)
	}
	b = append(b, " Interface Numbering ("...)
	b = strconv.AppendUint(b, uint64(rest[0]), 10)
	b = append(b, "): "...)
	b = strconv.AppendUint(b, uint64(be32(rest[1:])), 10)
	rest = rest[5:]
	if len(rest) > 0 {
		oid := int(rest[0])
		if len(rest) < 1+oid {
			return b, true
		}
		if oid > 0 {
			b = append(b, "\n\t  OID length "...)
			b = strconv.AppendInt(b, int64(oid), 10)
			b = appendPrintableZ(b, rest[1:1+oid])
		}
	}
	return b, false
}

// lldpLineOrg prints an organization specific TLV: its OUI, and the IEEE
// 802.1 and 802.3 subtypes rawcap knows; hexdump asks for the bytes.
func lldpLineOrg(b, val []byte) (_ []byte, hexdump bool) {
	oui := uint32(val[0])<<16 | uint32(val[1])<<8 | uint32(val[2])
	b = append(b, ": OUI "...)
	switch oui {
	case lldpOUI8021:
		b = append(b, "Ethernet bridged"...)
	case lldpOUI8023:
		b = append(b, "IEEE 802.3 Private"...)
	case lldpOUIIANA:
		b = append(b, "IANA"...)
	default:
		b = append(b, "Unknown"...)
	}
	b = append(b, " (0x"...)
	b = appendHexN(b, uint64(oui), 6)
	b = append(b, ')')
	if oui == lldpOUIIANA {
		// The MUD URL (RFC 8520), with tcpdump's M- and ^X for bytes
		// that are not printable; tcpdump prints nothing for an empty one
		// or IANA's other subtypes.
		if len(val) > 4 && val[3] == 1 {
			b = append(b, "\n\t  MUD-URL Subtype (1)\n\t  MUD-URL="...)
			b, _ = appendPrintN(b, val, 4, len(val)-4)
		}
		return b, false
	}
	if len(val) < 4 || oui != lldpOUI8021 && oui != lldpOUI8023 {
		return b, oui != lldpOUI8021 && oui != lldpOUI8023
	}
	sub := val[3]
	name := "unknown"
	if oui == lldpOUI8021 {
		switch sub {
		case 1:
			name = "Port VLAN Id"
		case 2:
			name = "Port and Protocol VLAN ID"
		case 3:
			name = "VLAN name"
		case 4:
			name = "Protocol Identity"
		case 7:
			name = "Link aggregation"
		default:
			if n := lldpDCBName(sub); n != "" {
				name = n
			}
		}
	} else {
		switch sub {
		case 1:
			name = "MAC/PHY configuration/status"
		case 2:
			name = "Power via MDI"
		case 3:
			name = "Link aggregation"
		case 4:
			name = "Max frame size"
		}
	}
	b = append(b, "\n\t  "...)
	b = append(b, name...)
	b = append(b, " Subtype ("...)
	b = strconv.AppendUint(b, uint64(sub), 10)
	b = append(b, ')')
	n := len(val)
	switch {
	case oui == lldpOUI8021 && sub == 1:
		if n >= 6 {
			b = append(b, "\n\t    port vlan id (PVID): "...)
			b = strconv.AppendUint(b, uint64(be16(val[4:])), 10)
		}
	case oui == lldpOUI8021 && sub == 2:
		if n >= 7 {
			b = append(b, "\n\t    port and protocol vlan id (PPVID): "...)
			b = strconv.AppendUint(b, uint64(be16(val[5:])), 10)
			b = append(b, ", flags ["...)
			b = appendTokBits(b, uint32(val[4]), lldpPPVIDBits, lldpSupEnNames, "none")
			b = append(b, "] (0x"...)
			b = appendHex2(b, val[4])
			b = append(b, ')')
		}
	case oui == lldpOUI8021 && sub == 3:
		if n >= 6 {
			b = append(b, "\n\t    vlan id (VID): "...)
			b = strconv.AppendUint(b, uint64(be16(val[4:])), 10)
			if n >= 7 && n >= 7+int(val[6]) {
				b = append(b, "\n\t    vlan name: "...)
				b = appendPrintableZ(b, val[7:7+int(val[6])])
			}
		}
	case oui == lldpOUI8021 && sub == 4:
		if n >= 5 && n >= 5+int(val[4]) {
			b = append(b, "\n\t    protocol identity: "...)
			b = appendPrintableZ(b, val[5:5+int(val[4])])
		}
	case sub == 7 && oui == lldpOUI8021, sub == 3 && oui == lldpOUI8023:
		if n >= 9 {
			b = append(b, "\n\t    aggregation status ["...)
			b = appendTokBits(b, uint32(val[4]), lldpSupEnBits, lldpSupEnNames, "none")
			b = append(b, "], aggregation port ID "...)
			b = strconv.AppendUint(b, uint64(be32(val[5:])), 10)
		}
	case oui == lldpOUI8023 && sub == 1:
		if n >= 9 {
			b = append(b, "\n\t    autonegotiation ["...)
			b = appendTokBits(b, uint32(val[4]), lldpSupEnBits, lldpSupEnNames, "none")
			b = append(b, "] (0x"...)
			b = appendHex2(b, val[4])
			b = append(b, ")\n\t    PMD autoneg capability ["...)
			caps := be16(val[5:])
			b = appendTokBits(b, uint32(caps), lldpPMDBits, lldpPMDTcpdump, "unknown")
			b = append(b, "] (0x"...)
			b = appendHex4(b, caps)
			b = append(b, ")\n\t    MAU type "...)
			mau := be16(val[7:])
			if int(mau) < len(lldpMAUTypeTcpdump) {
				b = append(b, lldpMAUTypeTcpdump[mau]...)
			} else {
				b = append(b, "unknown"...)
			}
			b = append(b, " (0x"...)
			b = appendHex4(b, mau)
			b = append(b, ')')
		}
	case oui == lldpOUI8021 && sub >= 8 && sub <= 14:
		b = appendLLDPDCB(b, val)
	case oui == lldpOUI8023 && sub == 4:
		if n >= 6 {
			b = append(b, "\n\t    MTU size "...)
			b = strconv.AppendUint(b, uint64(be16(val[4:])), 10)
		}
	default:
		return b, true
	}
	return b, false
}
