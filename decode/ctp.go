package decode

import "strconv"

// CTP is the Ethernet Configuration Testing Protocol (EtherType 0x9000,
// "loopback"), as the Ethernet specification (DEC, Intel, Xerox, version
// 2.0, section 7.10) lays it out, every number least significant byte
// first:
//
//	+-----------+-----------------------------------------------+
//	| skipCount | messages …                                    |
//	+-----------+-----------------------------------------------+
//
//	Forward Data (2): | function 2 | forwarding address (6 bytes) |
//	Reply (1):        | function 1 | receipt number (2 bytes) | data … |
//
// skipCount is the offset, after itself, of the message the receiving
// station acts on. A station forwards the frame to the address of a
// Forward Data message; the Reply message ends the list, and the data
// after it is the test's.
type CTP []byte

// EtherTypeCTP is the Configuration Testing Protocol's EtherType.
const EtherTypeCTP = 0x9000

// The functions.
const (
	ctpReply       = 1
	ctpForwardData = 2
)

// ctpEnd returns the offset in c past the last message tshark's dissector
// reads (it reads Forward Data messages until another function comes,
// that function's message and nothing after it) and whether they were all
// there.
func ctpEnd(c CTP) (end int, whole bool) {
	if len(c) < 2 {
		return len(c), false
	}
	for off := 2; ; {
		if off+2 > len(c) {
			return len(c), false
		}
		fn := le16(c[off:])
		off += 2
		switch fn {
		case ctpForwardData:
			off += 6
		case ctpReply:
			off += 2
		default:
			return off, true
		}
		if off > len(c) {
			return len(c), false
		}
		if fn != ctpForwardData {
			return off, true
		}
	}
}

// decodeCTP takes the skip count and the messages; the data after them is
// the next layer's. A message cut short marks the layer truncated.
func (d *Decoder) decodeCTP(l *Layer) LayerType {
	end, whole := ctpEnd(CTP(d.data[l.Start:l.End]))
	l.Payload = l.Start + end
	if !whole {
		l.Malformed = ReasonTruncated
	}
	return LayerNone
}

// The fields, as Wireshark registers them.
const (
	ctpSkipCount = iota
	ctpFunction
	ctpRelevantFunction
	ctpReceiptNumber
	ctpForwardingAddress
	ctpFieldCount
)

var ctpFields = [ctpFieldCount]Field{
	ctpSkipCount:         {Name: "loop.skipcount", Label: "skipCount", Kind: KindUint, Width: 16},
	ctpFunction:          {Name: "loop.function", Label: "Function", Kind: KindUint, Width: 16},
	ctpRelevantFunction:  {Name: "loop.relevant_function", Label: "Relevant function", Kind: KindUint, Width: 16},
	ctpReceiptNumber:     {Name: "loop.receipt_number", Label: "Receipt number", Kind: KindUint, Width: 16},
	ctpForwardingAddress: {Name: "loop.forwarding_address", Label: "Forwarding address", Kind: KindMAC},
}

var protoCTP = protoField("loop", "Configuration Test Protocol (loopback)")

// emitCTP emits the skip count and each message's function and argument,
// the function skipCount points at first as the relevant one, as far as
// the captured bytes go.
func emitCTP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	c := CTP(d.data[l.Start:l.End])
	f := &ctpFields
	e.Proto(&protoCTP)
	defer e.End()
	if len(c) < 2 {
		return
	}
	skip := le16(c)
	e.Uint(&f[ctpSkipCount], uint64(skip))
	for off := 2; off+2 <= len(c); {
		fn := le16(c[off:])
		if off == 2+int(skip) {
			e.Uint(&f[ctpRelevantFunction], uint64(fn))
		}
		e.Uint(&f[ctpFunction], uint64(fn))
		off += 2
		switch fn {
		case ctpForwardData:
			if off+6 > len(c) {
				return
			}
			e.MAC(&f[ctpForwardingAddress], MAC(c[off:off+6]))
			off += 6
			continue
		case ctpReply:
			if off+2 > len(c) {
				return
			}
			e.Uint(&f[ctpReceiptNumber], uint64(le16(c[off:])))
		}
		return
	}
}

// infoCTP appends tshark's Info: the name of the function skipCount
// points at, "No valid function found" when no message starts there.
func infoCTP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	c := CTP(d.data[l.Start:l.End])
	if len(c) < 2 {
		return b
	}
	skip := 2 + int(le16(c))
	found := false
	for off := 2; off+2 <= len(c); {
		fn := le16(c[off:])
		if off == skip {
			found = true
			if n := ctpFields[ctpFunction].ValueNames().Name(uint64(fn)); n != "" {
				b = append(b, n...)
			} else {
				b = append(b, "Unknown function ("...)
				b = strconv.AppendUint(b, uint64(fn), 10)
				b = append(b, ')')
			}
		}
		if fn != ctpForwardData {
			break
		}
		off += 8
	}
	if !found && l.Malformed == "" {
		b = append(b, "No valid function found"...)
	}
	return b
}

// lineCTP appends tcpdump's "Loopback, skipCount 0, Forward Data,
// forwarding address aa:00:04:00:1d:04, data (44 octets)": the message
// skipCount points at, and how many bytes follow it in the frame on the
// wire. tcpdump prints " (invalid)" where the frame is too short for what
// it announces and " [|loopback]" where the capture is.
func (p *LinePrinter) lineCTP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	c := d.data[l.Start:l.End]
	n := len(c) // the bytes on the wire from here
	if p.wire > l.Start {
		n = p.wire - l.Start
	}
	b = append(b, "Loopback"...)
	off := 0
	// cut ends the line where the capture ran out; invalid where the
	// frame did, and where the bytes it has left ran past the capture.
	cut := func() []byte {
		p.abandoned = true
		return append(b, " [|loopback]"...)
	}
	invalid := func() []byte {
		b = append(b, " (invalid)"...)
		if off+n > len(c) {
			return cut()
		}
		return b
	}
	if n < 2 {
		return invalid()
	}
	if len(c) < 2 {
		return cut()
	}
	skip := int(le16(c))
	off, n = 2, n-2
	b = append(b, ", skipCount "...)
	b = strconv.AppendUint(b, uint64(skip), 10)
	if skip%8 != 0 {
		b = append(b, " (bogus)"...)
	}
	if skip > n {
		return invalid()
	}
	off, n = off+skip, n-skip
	if n < 2 {
		return invalid()
	}
	if off+2 > len(c) {
		return cut()
	}
	fn := le16(c[off:])
	off, n = off+2, n-2
	switch fn {
	case ctpReply:
		b = append(b, ", Reply"...)
		if n < 2 {
			return invalid()
		}
		if off+2 > len(c) {
			return cut()
		}
		b = append(b, ", receipt number "...)
		b = strconv.AppendUint(b, uint64(le16(c[off:])), 10)
		off, n = off+2, n-2
	case ctpForwardData:
		b = append(b, ", Forward Data"...)
		if n < 6 {
			return invalid()
		}
		if off+6 > len(c) {
			return cut()
		}
		b = append(b, ", forwarding address "...)
		b = MAC(c[off : off+6]).AppendTo(b)
		off, n = off+6, n-6
	default:
		b = append(b, ",  invalid ("...)
		b = strconv.AppendUint(b, uint64(fn), 10)
		b = append(b, ')')
		if off+n > len(c) {
			return cut()
		}
		return b
	}
	b = append(b, ", data ("...)
	b = strconv.AppendUint(b, uint64(n), 10)
	b = append(b, " octets)"...)
	if off+n > len(c) {
		return cut()
	}
	return b
}
