package decode

import "strconv"

// What an OPEN message's parameter or capability left: the emission goes
// on, stops (rawcap does not write what follows: the tree goes on without
// it, the other outputs stop), or tshark's dissector ran past the
// message's bytes there (an exception: the tree's "[Malformed Packet]").
const (
	bgpGoOn = iota
	bgpStop
	bgpCut
)

// emitBGPOpen emits an OPEN message's fields and its optional parameters,
// as tshark 4.0 reads them: a length of 255 is a length (RFC 9072's
// extended form is not read), each parameter a type, a one-byte length
// and its value (the next parameter read from the value of one of an
// unknown type), a capability read past its parameter's end where its
// length says so.
func emitBGPOpen(e *emitter, body []byte) int {
	f := &bgpFields
	if len(body) < 10 {
		return bgpStop
	}
	e.Uint(&f[bgpOpenVersion], uint64(body[0]))
	e.Uint(&f[bgpOpenMyAS], uint64(be16(body[1:])))
	e.Uint(&f[bgpOpenHoldTime], uint64(be16(body[3:])))
	e.IPv4(&f[bgpOpenIdentifier], body[5:9])
	e.Uint(&f[bgpOpenOptLen], uint64(body[9]))
	if body[9] == 0 {
		return bgpGoOn
	}
	e.None(&f[bgpOpenOpt])
	e.Sub()
	defer e.Up()
	opts, end := body[10:], int(body[9])
	for k := 0; k < end; {
		if k+2 > len(opts) {
			return bgpCut
		}
		typ, n := opts[k], int(opts[k+1])
		e.None(&f[bgpOpenParam])
		if e.Tree() {
			b := append(e.Text(), "Optional Parameter: "...)
			switch typ {
			case 1:
				b = append(b, "Authentication"...)
			case 2:
				b = append(b, "Capability"...)
			default:
				b = strconv.AppendUint(append(b, "Unknown Parameter "...), uint64(typ), 10)
			}
			e.SetRepr(b)
		}
		e.Sub()
		e.Uint(&f[bgpOpenParamType], uint64(typ))
		e.Uint(&f[bgpOpenParamLen], uint64(n))
		switch {
		case typ == 2:
			r, capsEnd := emitBGPCaps(e, opts, k+2, n)
			if r != bgpGoOn {
				e.Up()
				return r
			}
			n = max(n, capsEnd-k-2) // the next parameter follows the last capability
		case k+2+n > len(opts):
			e.Up()
			return bgpCut
		case typ == 1:
			e.Bytes(&f[bgpOpenParamAuth], opts[k+2:k+2+n])
		}
		e.Up()
		if typ != 1 && typ != 2 {
			// tshark shows the value of a parameter of another type and
			// reads the next parameter from the value's start.
			e.Bytes(&f[bgpOpenParamUnknown], opts[k+2:k+2+n])
			n = 0
		}
		k += 2 + n
		if !bgpEvery(e) {
			return bgpStop
		}
	}
	return bgpGoOn
}

// emitBGPCaps emits the capabilities of a Capability parameter whose
// value is opts[start:start+n]: each capability that starts within it,
// read past its end as tshark reads it. It returns where the last one
// ended.
func emitBGPCaps(e *emitter, opts []byte, start, n int) (int, int) {
	f := &bgpFields
	c := start
	for c < start+n {
		if c+2 > len(opts) {
			return bgpCut, c
		}
		ct, cn := opts[c], int(opts[c+1])
		e.None(&f[bgpCap])
		if e.Tree() {
			if name, known := bgpCapNames[ct]; known {
				e.SetRepr(append(append(e.Text(), "Capability: "...), name...))
			} else {
				e.NoTree() // tshark's words for it are not known
			}
		}
		e.Sub()
		e.Uint(&f[bgpCapType], uint64(ct))
		e.Uint(&f[bgpCapLength], uint64(cn))
		if c+2+cn > len(opts) {
			// tshark reads the value past the message's end.
			if (ct == 0 || ct == 2) && cn > 0 {
				var buf [32]byte
				arg := append(strconv.AppendInt(buf[:0], int64(cn), 10), " wrong, must be = 0"...)
				e.Sub()
				e.ExpertLine("Error", "Malformed", "Capability length ", arg)
				e.Up()
			}
			e.Up()
			return bgpCut, c
		}
		v := opts[c+2 : c+2+cn]
		switch {
		case ct == 1 && cn == 4:
			e.Uint(&f[bgpCapMPAFI], uint64(be16(v)))
			e.Bytes(&f[bgpCapReserved], v[2:3])
			e.Uint(&f[bgpCapMPSAFI], uint64(v[3]))
		case ct == 65 && cn == 4:
			e.Uint(&f[bgpCap4AS], uint64(be32(v)))
		case ct == 1:
			var buf [32]byte
			arg := append(strconv.AppendInt(buf[:0], int64(cn), 10), " is wrong, must be = 4"...)
			emitBGPCapBadLength(e, "Capability length ", arg, v)
		case ct == 64 && cn >= 2:
			emitBGPCapGR(e, v)
		case ct == 64 && cn == 0:
			emitBGPCapBadLength(e, "Capability length 0 too short, must be greater than 6", nil, v)
		case (ct == 0 || ct == 2) && cn > 0:
			var buf [32]byte
			arg := append(strconv.AppendInt(buf[:0], int64(cn), 10), " wrong, must be = 0"...)
			emitBGPCapBadLength(e, "Capability length ", arg, v)
		case ct == 73 && cn >= 1 && 1+int(v[0]) < cn && 2+int(v[0])+int(v[1+int(v[0])]) <= cn:
			h := int(v[0])
			e.Uint(&f[bgpCapFQDNHostLen], uint64(h))
			e.Bytes(&f[bgpCapFQDNHost], v[1:1+h])
			dn := int(v[1+h])
			e.Uint(&f[bgpCapFQDNDomainLen], uint64(dn))
			e.Bytes(&f[bgpCapFQDNDomain], v[2+h:2+h+dn])
		case ct == 69 && cn > 0 && cn%4 == 0:
			for k := 0; k < cn; k += 4 {
				e.Uint(&f[bgpCapAPAFI], uint64(be16(v[k:])))
				e.Uint(&f[bgpCapAPSAFI], uint64(v[k+2]))
				e.Uint(&f[bgpCapAPSendReceive], uint64(v[k+3]))
			}
		case ct == 8 && cn > 0:
			e.Bytes(&f[bgpCapUnknown], v)
		case ct == 2 || ct == 128 || ct == 70 || ct == 6 || ct == 0 || (ct == 4 || ct == 8) && cn == 0:
		default:
			if !e.Tree() {
				e.Up()
				return bgpStop, c // the other capabilities' fields are not declared
			}
		}
		e.Up()
		c += 2 + cn
		if !bgpEvery(e) {
			return bgpStop, c
		}
	}
	return bgpGoOn, c
}

// emitBGPCapBadLength adds tshark's expert on a capability's length (the
// field just emitted), msg followed by arg, and the capability's value as
// bytes.
func emitBGPCapBadLength(e *emitter, msg string, arg, v []byte) {
	e.Sub()
	e.ExpertLine("Error", "Malformed", msg, arg)
	e.Up()
	e.Bytes(&bgpFields[bgpCapUnknown], v)
}

// bgpOpenCut reports whether tshark reads an OPEN message's parameters,
// as emitBGPOpen walks them, past the message's end.
func bgpOpenCut(body []byte) bool {
	if len(body) < 10 {
		return false
	}
	opts, end := body[10:], int(body[9])
	for k := 0; k < end; {
		if k+2 > len(opts) {
			return true
		}
		typ, n := opts[k], int(opts[k+1])
		switch typ {
		case 2:
			c := k + 2
			for c < k+2+n {
				if c+2 > len(opts) || c+2+int(opts[c+1]) > len(opts) {
					return true
				}
				c += 2 + int(opts[c+1])
			}
			n = max(n, c-k-2)
		default:
			if k+2+n > len(opts) {
				return true
			}
			if typ != 1 {
				n = 0
			}
		}
		k += 2 + n
	}
	return false
}
