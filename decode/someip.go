package decode

// SOME/IP (Scalable service-Oriented MiddlewarE over IP, AUTOSAR): tcpdump
// 4.99 prints its 16-byte header for any UDP datagram to or from port
// 30490. tshark 4.0 registers no port for it by default (it reads such a
// datagram as whatever its heuristics make of it, or as data), so rawcap
// keeps no layer of its own and prints tcpdump's line from UDP's payload.

const (
	someipPort   = 30490
	someipHdrLen = 16
)

// someipMsgTypes are tcpdump's names for the message types.
var someipMsgTypes = [...]struct {
	v    uint8
	name string
}{
	{0x00, "REQUEST"}, {0x01, "REQUEST_NO_RETURN"}, {0x02, "NOTIFICATION"},
	{0x80, "RESPONSE"}, {0x81, "ERROR"},
	{0x20, "TP_REQUEST"}, {0x21, "TP_REQUEST_NO_RETURN"}, {0x22, "TP_NOTIFICATION"},
	{0xa0, "TP_RESPONSE"}, {0xa1, "TP_ERROR"},
}

// someipReturnCodes are tcpdump's names for return codes 0 to 15.
var someipReturnCodes = [...]string{
	"E_OK", "E_NOT_OK", "E_UNKNOWN_SERVICE", "E_UNKNOWN_METHOD", "E_NOT_READY",
	"E_NOT_REACHABLE", "E_TIMEOUT", "E_WRONG_PROTOCOL_VERSION",
	"E_WRONG_INTERFACE_VERSION", "E_MALFORMED_MESSAGE", "E_WRONG_MESSAGE_TYPE",
	"E_E2E_REPEATED", "E_E2E_WRONG_SEQUENCE", "E_E2E", "E_E2E_NOT_AVAILABLE",
	"E_E2E_NO_NEW_DATA",
}

func someipMsgTypeName(t uint8) string {
	for _, m := range someipMsgTypes {
		if m.v == t {
			return m.name
		}
	}
	return "Unknown"
}

func someipReturnCodeName(c uint8) string {
	if int(c) < len(someipReturnCodes) {
		return someipReturnCodes[c]
	}
	return "Unknown"
}

// lineSOMEIP appends tcpdump's line for the SOME/IP message after UDP
// layer u, whose datagram announces length bytes: "(invalid)" for fewer
// than the header's 16, each field in turn while it was captured, then
// " [|someip]" where the capture ends (tcpdump's read longjmps out, so -x
// dumps the whole frame). tcpdump ends a whole header's line with a
// newline of its own.
func (p *LinePrinter) lineSOMEIP(b []byte, d *Decoder, u int, length int) []byte {
	l := &d.layers[u]
	c := d.data[l.Payload:l.End:l.End]
	b = append(b, "SOMEIP"...)
	if length < someipHdrLen {
		return append(b, " (invalid)"...)
	}
	if len(c) < 4 {
		return p.cut(b, " [|someip]")
	}
	b = append(b, ", service "...)
	b = appendUint(b, uint64(be16(c)))
	if m := be16(c[2:]); m&0x8000 != 0 {
		b = append(b, ", event "...)
		b = appendUint(b, uint64(m&0x7fff))
	} else {
		b = append(b, ", method "...)
		b = appendUint(b, uint64(m))
	}
	if len(c) < 8 {
		return p.cut(b, " [|someip]")
	}
	b = append(b, ", len "...)
	b = appendUint(b, uint64(be32(c[4:])))
	if len(c) < 12 {
		return p.cut(b, " [|someip]")
	}
	b = append(b, ", client "...)
	b = appendUint(b, uint64(be16(c[8:])))
	b = append(b, ", session "...)
	b = appendUint(b, uint64(be16(c[10:])))
	if len(c) < 13 {
		return p.cut(b, " [|someip]")
	}
	b = append(b, ", pver "...)
	b = appendUint(b, uint64(c[12]))
	if len(c) < 14 {
		return p.cut(b, " [|someip]")
	}
	b = append(b, ", iver "...)
	b = appendUint(b, uint64(c[13]))
	if len(c) < 15 {
		return p.cut(b, " [|someip]")
	}
	b = append(b, ", msgtype "...)
	b = append(b, someipMsgTypeName(c[14])...)
	if len(c) < 16 {
		return p.cut(b, " [|someip]")
	}
	b = append(b, ", retcode "...)
	b = append(b, someipReturnCodeName(c[15])...)
	return append(b, '\n')
}
