package decode

import (
	"strconv"

	"github.com/rawcap/rawcap/linktype"
)

// Switch tags: an Ethernet switch chip hands frames to its host's CPU port
// with a tag saying which port they came from or go to, and Linux captures
// them with the tag in place under a link type of its own:
//
//	DSA_TAG_BRCM (281):         | dst | src | Broadcom tag (4) | type |
//	DSA_TAG_BRCM_PREPEND (282): | Broadcom tag (4) | dst | src | type |
//	DSA_TAG_EDSA (285):         | dst | src | 0xdada | 2 reserved | DSA tag (4) | type |
//
// The Broadcom tag's first byte holds the opcode (0x20: ingress, the
// CPU's frame to the switch, with its traffic class, tag enforcement,
// time-stamp bit and destination port map; else egress, the switch's frame
// to the CPU, with its classification ID, reason code, traffic class and
// source port). Marvell's DSA tag: mode (To CPU, From CPU, To Sniffer,
// Forward), tagged bit, device and port, the CFI bit, priority and VLAN.
//
// tshark 4.0 reads none of these link types, so the tag is rawcap's
// LayerDSA without fields: only tcpdump's one-liner shows it, then the
// frame as Ethernet's would be.
const (
	linkDSABrcm        = linktype.Type(281)
	linkDSABrcmPrepend = linktype.Type(282)
	linkDSAEDSA        = linktype.Type(285)

	brcmTagLen = 4
	edsaTagLen = 8
)

// decodeDSA takes the link header with its tag: for a prepended Broadcom
// tag the tag alone (an Ethernet header follows), otherwise the addresses,
// the tag and the EtherType, whose payload it hands on as Ethernet does.
func (d *Decoder) decodeDSA(l *Layer) LayerType {
	b := d.data[l.Start:l.End]
	hdr := 2*6 + brcmTagLen + 2
	switch d.linkType {
	case linkDSABrcmPrepend:
		if len(b) < brcmTagLen {
			l.Malformed = ReasonTruncated
			return LayerNone
		}
		l.Payload = l.Start + brcmTagLen
		return LayerEthernet
	case linkDSAEDSA:
		hdr = 2*6 + edsaTagLen + 2
	}
	if len(b) < hdr {
		l.Malformed = ReasonTruncated
		return LayerNone
	}
	l.Payload = l.Start + hdr
	t := be16(b[hdr-2:])
	if t <= 1500 {
		if end := l.Payload + int(t); end < l.End {
			l.End = end
		}
		return LayerLLC
	}
	return etherTypeLayer(t)
}

// brcmReasons are the Broadcom egress tag's reason codes tcpdump names;
// any other value (two bits set too) is "reserved".
var brcmReasons = [...]struct {
	code uint8
	name string
}{{0x01, "mirror"}, {0x02, "MAC learning"}, {0x04, "switching"}, {0x08, "prot term"}, {0x10, "prot snoop"}, {0x20, "exception"}}

// appendBrcmTag appends tcpdump's words for the Broadcom tag t: "BRCM tag
// OP: EG, CID: 0, RC: exception, TC: 0, port: 5" or "BRCM tag OP: IG, TC:
// 0, TE: None, TS: 0, DST map: 0x0020".
func appendBrcmTag(b []byte, t []byte) []byte {
	b = append(b, "BRCM tag OP: "...)
	if t[0] != 0 {
		b = append(b, "IG"...)
	} else {
		b = append(b, "EG"...)
	}
	if t[0]&0x20 != 0 {
		b = append(b, ", TC: "...)
		b = strconv.AppendUint(b, uint64(t[1]>>2&7), 10)
		b = append(b, ", TE: "...)
		b = append(b, [...]string{"None", "Untag", "Header", "Reserved"}[t[1]&3]...)
		b = append(b, ", TS: "...)
		b = strconv.AppendUint(b, uint64(t[1]>>7), 10)
		b = append(b, ", DST map: 0x"...)
		return appendHex4(b, be16(t[2:])&0x1ff)
	}
	b = append(b, ", CID: "...)
	b = strconv.AppendUint(b, uint64(t[1]), 10)
	b = append(b, ", RC: "...)
	rc := "reserved"
	for _, r := range brcmReasons {
		if r.code == t[2] {
			rc = r.name
		}
	}
	b = append(b, rc...)
	b = append(b, ", TC: "...)
	b = strconv.AppendUint(b, uint64(t[3]>>5), 10)
	b = append(b, ", port: "...)
	return strconv.AppendUint(b, uint64(t[3]&0x1f), 10)
}

// EDSA's modes, and the codes of a frame to the CPU.
var (
	edsaModes = [4]string{"To CPU", "From CPU", "To Sniffer", "Forward"}
	edsaCodes = [8]string{"BPDU (MGMT) Trap", "Frame2Reg", "IGMP/MLD Trap", "Policy Trap", "ARP Mirror", "Policy Mirror", "reserved", "reserved"}
)

// appendEDSATag appends tcpdump's words for the EDSA tag e (its EtherType,
// reserved bytes and DSA tag): with -e "Marvell EDSA ethertype 0xdada
// (Unknown), rsvd 0 0, mode Forward, dev 0, port 0, untagged, VID 0, FPri
// 0", without "EDSA 0xdada, Forward port 0.0, VLAN 0u".
func (p *LinePrinter) appendEDSATag(b []byte, e []byte) []byte {
	et, t := be16(e), e[4:8]
	mode, dev, port := t[0]>>6, uint64(t[0]&0x1f), uint64(t[1]>>3)
	appendDevPort := func(b []byte) []byte {
		b = strconv.AppendUint(b, dev, 10)
		b = append(b, '.')
		return strconv.AppendUint(b, port, 10)
	}
	if !p.Options.Link {
		b = append(b, "EDSA 0x"...)
		b = appendHex4(b, et)
		b = append(b, ", "...)
		switch mode {
		case 0:
			b = append(appendDevPort(append(b, "port "...)), " > CPU"...)
		case 1:
			b = appendDevPort(append(b, "CPU > port "...))
		case 2:
			b = appendDevPort(append(b, "port "...))
			if t[1]&0x04 != 0 {
				b = append(b, " > Rx Sniffer"...)
			} else {
				b = append(b, " > Tx Sniffer"...)
			}
		case 3:
			if t[1]&0x04 != 0 {
				b = append(b, "Forward trunk "...)
			} else {
				b = append(b, "Forward port "...)
			}
			b = appendDevPort(b)
		}
		b = append(b, ", VLAN "...)
		b = strconv.AppendUint(b, uint64(be16(t[2:])&0xfff), 10)
		if t[0]&0x20 != 0 {
			return append(b, 't')
		}
		return append(b, 'u')
	}
	b = append(b, "Marvell EDSA ethertype 0x"...)
	b = appendHex4(b, et)
	b = append(b, " ("...)
	b = append(b, etherTypeName(et)...)
	b = append(b, "), rsvd "...)
	b = strconv.AppendUint(b, uint64(e[2]), 10)
	b = append(b, ' ')
	b = strconv.AppendUint(b, uint64(e[3]), 10)
	b = append(b, ", mode "...)
	b = append(b, edsaModes[mode]...)
	switch mode {
	case 0, 2:
		b = append(b, ", source dev "...)
	case 1:
		b = append(b, ", target dev "...)
	default:
		b = append(b, ", dev "...)
	}
	b = strconv.AppendUint(b, dev, 10)
	if mode == 3 && t[1]&0x04 != 0 {
		b = append(b, ", trunk "...)
	} else {
		b = append(b, ", port "...)
	}
	b = strconv.AppendUint(b, port, 10)
	switch mode {
	case 0:
		b = append(b, ", code "...)
		b = append(b, edsaCodes[t[1]&0x06|t[2]>>4&1]...)
	case 2:
		if t[1]&0x04 != 0 {
			b = append(b, ", ingress sniff"...)
		} else {
			b = append(b, ", egress sniff"...)
		}
	}
	if t[0]&0x20 != 0 {
		b = append(b, ", tagged"...)
	} else {
		b = append(b, ", untagged"...)
	}
	if t[1]&0x01 != 0 {
		b = append(b, ", CFI"...)
	}
	b = append(b, ", VID "...)
	b = strconv.AppendUint(b, uint64(be16(t[2:])&0xfff), 10)
	b = append(b, ", FPri "...)
	return strconv.AppendUint(b, uint64(t[2]>>5), 10)
}

// lineDSA appends tcpdump's line for a frame behind a switch tag: with -e
// the addresses, the tag, the EtherType (or 802.3 length) and the frame's
// length, without -e the tag's short form (none for a prepended Broadcom
// tag), then what the frame carries.
func (p *LinePrinter) lineDSA(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	h := d.data[l.Start:l.Payload]
	if d.linkType == linkDSABrcmPrepend {
		if l.Malformed != "" {
			return append(b, " [|brcm-tag-prepend]"...)
		}
		if p.Options.Link {
			b = append(appendBrcmTag(b, h), ", "...)
		}
		// The Ethernet frame after the tag is the frame tcpdump measures.
		p.tagLen = brcmTagLen
		b = p.lineLayer(b, d, i+1)
		p.tagLen = 0
		return b
	}
	if l.Malformed != "" {
		if d.linkType == linkDSAEDSA {
			return append(b, " [|edsa]"...)
		}
		return append(b, " [|brcm-tag]"...)
	}
	tag := h[12 : len(h)-2]
	if p.Options.Link {
		b = Ethernet(h).Src().AppendTo(b)
		b = append(b, " > "...)
		b = Ethernet(h).Dst().AppendTo(b)
		b = append(b, ", "...)
	}
	if d.linkType == linkDSAEDSA {
		b = p.appendEDSATag(b, tag)
	} else {
		b = appendBrcmTag(b, tag)
	}
	b = append(b, ", "...)
	if p.Options.Link {
		t := be16(h[len(h)-2:])
		if t <= 1500 {
			n := int(t)
			if p.wire > 0 {
				n = min(n, p.wire-l.Payload)
			}
			b = append(b, "802.3, length "...)
			b = strconv.AppendInt(b, int64(n), 10)
		} else {
			b = p.appendEtherType(b, t)
			b = p.appendWireLen(b)
		}
		b = append(b, ": "...)
	}
	return p.lineLayer(b, d, i+1)
}
