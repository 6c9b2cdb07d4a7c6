package decode

import "strconv"

// pppLength returns the length tcpdump's PPP printer is handed for the PPP
// layer i: the frame's length on the wire for a PPP link, what the GRE
// header before it leaves of the IP payload, or the captured bytes after
// another layer.
func (p *LinePrinter) pppLength(d *Decoder, i int) int {
	l := &d.layers[i]
	if i == 0 && l.Start == 0 && p.wire > 0 {
		return p.wire
	}
	if i > 0 && d.layers[i-1].Type == LayerGRE {
		g := &d.layers[i-1]
		return ipPayloadLen(d, i-1) - (g.Payload - g.Start)
	}
	return l.End - l.Start
}

// linePPP appends what tcpdump prints for PPP: with -e the protocol and
// length, then a control protocol's header ("LCP, Conf-Request (0x01), id
// 0, length 12"), a CHAP or PAP message, the IP packet inside, or an
// unknown protocol's bytes in hex. With -v tcpdump goes on with the control
// protocol's options, which rawcap does not print.
func (p *LinePrinter) linePPP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	// tcpdump reads the header its own way: the address and control
	// bytes only as 0xff 0x03, and two bytes for the protocol.
	h, err := ParsePPP(d.data[l.Start:l.End])
	if err != nil {
		return append(b, " [|ppp]"...)
	}
	proto := h.Protocol()
	total := p.pppLength(d, i)
	name := pppProtoName(proto)
	if p.Options.Link {
		if name == "" {
			b = append(b, "unknown"...)
		} else {
			b = append(b, name...)
		}
		b = append(b, " (0x"...)
		b = appendHex4(b, proto)
		b = append(b, "), length "...)
		b = strconv.AppendInt(b, int64(total), 10)
		if name == "" {
			return b
		}
		b = append(b, ": "...)
	}
	length := total - len(h)
	body := d.data[l.Start+len(h) : l.End]
	switch proto {
	case PPPLCP, PPPIPCP, PPPOSINLCP, PPPMPLSCP, PPPIPv6CP, PPPCCP, PPPBACP:
		b = append(b, name...)
		b = append(b, ", "...)
		if length < 4 {
			b = append(b, "[|"...)
			b = append(b, name...)
			return append(b, ']')
		}
		if len(body) < 2 {
			return append(b, " [|ppp]"...)
		}
		b = append(b, pppCodeName(body[0])...)
		b = append(b, " (0x"...)
		b = appendHex2(b, body[0])
		b = append(b, "), id "...)
		b = appendUint(b, uint64(body[1]))
		b = append(b, ", length "...)
		return strconv.AppendInt(b, int64(length+2), 10)
	case PPPCHAP, PPPPAP:
		if c, ok := appendPPPAuth(b, proto, body, length); ok {
			return c
		}
	case PPPIP, EtherTypeIPv4, PPPIPv6, EtherTypeIPv6, PPPMPLSUnicast, PPPMPLSMulticast:
		if i+1 < d.n && d.layers[i+1].Type != LayerPayload {
			return p.lineInner(b, d, i+1)
		}
	}
	if name == "" {
		b = append(b, "unknown PPP protocol (0x"...)
		b = appendHex4(b, proto)
		b = append(b, ')')
	} else {
		b = append(b, name...)
	}
	b = append(b, ' ')
	return appendIndentedHex(b, body[:min(len(body), max(length, 0))], "\n\t")
}

// pppProtoName returns tcpdump's name of a PPP protocol, or "".
func pppProtoName(p uint16) string {
	switch p {
	case PPPIP, EtherTypeIPv4:
		return "IP"
	case PPPIPv6, EtherTypeIPv6:
		return "IP6"
	case PPPMPLSUnicast, PPPMPLSMulticast:
		return "MPLS"
	case PPPLCP:
		return "LCP"
	case PPPIPCP:
		return "IPCP"
	case PPPOSINLCP:
		return "OSINLCP"
	case PPPIPv6CP:
		return "IP6CP"
	case PPPMPLSCP:
		return "MPLSCP"
	case PPPCCP:
		return "CCP"
	case PPPBACP:
		return "BACP"
	case PPPPAP:
		return "PAP"
	case PPPCHAP:
		return "CHAP"
	}
	return ""
}

// pppCodeName returns tcpdump's name of a control protocol's code.
func pppCodeName(c uint8) string {
	names := [...]string{1: "Conf-Request", 2: "Conf-Ack", 3: "Conf-Nack", 4: "Conf-Reject",
		5: "Term-Request", 6: "Term-Ack", 7: "Code-Reject", 8: "Prot-Reject", 9: "Echo-Request",
		10: "Echo-Reply", 11: "Disc-Req", 12: "Ident", 13: "Time-Rem", 14: "Reset-Req", 15: "Reset-Ack"}
	if int(c) < len(names) && names[c] != "" {
		return names[c]
	}
	return "Unknown Opcode"
}

// appendPPPAuth appends tcpdump's line for a whole CHAP or PAP message
// (body, length bytes of it announced): "CHAP, Challenge (0x01), id 7,
// Value 0102…, Name server", "PAP, Auth-Req (0x01), id 8, Peer user, Name
// pass", a success's, failure's, ack's or nak's "Msg …". ok is false for
// another code or a message that does not fit, which the caller prints as
// bytes.
func appendPPPAuth(b []byte, proto uint16, body []byte, length int) (_ []byte, ok bool) {
	if len(body) < 4 || int(be16(body[2:])) != length || length > len(body) {
		return b, false
	}
	m := body[:length]
	code, data := m[0], m[4:]
	var name string
	if proto == PPPCHAP {
		name = [...]string{"", "Challenge", "Response", "Success", "Fail"}[min(int(code), 4)]
		if code == 0 || code > 4 {
			return b, false
		}
		if code <= 2 {
			if _, _, ok := chapParts(data); !ok {
				return b, false
			}
		}
	} else {
		if code == 0 || code > 3 {
			return b, false
		}
		if _, _, ok := papStrings(code, data); !ok {
			return b, false
		}
		name = [...]string{"", "Auth-Req", "Auth-ACK", "Auth-NACK"}[code]
	}
	b = append(b, pppProtoName(proto)...)
	b = append(append(b, ", "...), name...)
	b = append(appendHex2(append(b, " (0x"...), code), ')')
	b = appendUint(append(b, ", id "...), uint64(m[1]))
	switch {
	case proto == PPPCHAP && code <= 2:
		v, n, _ := chapParts(data)
		b = appendHexBytes(append(b, ", Value "...), v)
		b = append(append(b, ", Name "...), n...)
	case proto == PPPCHAP:
		b = append(append(b, ", Msg "...), data...)
	case code == 1:
		peer, pass, _ := papStrings(code, data)
		b = append(append(b, ", Peer "...), peer...)
		b = append(append(b, ", Name "...), pass...)
	default:
		msg, _, _ := papStrings(code, data)
		b = append(append(b, ", Msg "...), msg...)
	}
	return b, true
}
