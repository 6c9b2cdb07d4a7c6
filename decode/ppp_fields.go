package decode

// emitPPP emits ppp.address and ppp.control (when present) and
// ppp.protocol, as tshark names them and draws them.
func emitPPP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoPPP)
	if l.Payload > l.Start {
		h := d.data[l.Start:l.Payload]
		hdlc := d.pppHDLC(i)
		if hdlc && h[0] == 0xff {
			e.Uint(&pppFields[pppAddress], uint64(h[0]))
			e.Uint(&pppFields[pppControl], uint64(h[1]))
		}
		e.Uint(&pppFields[pppProtocolNum], uint64(pppProtocolAt(h, hdlc)))
	}
	e.End()
}

// pppProtocol returns Wireshark's frame.protocols name of a PPP protocol
// rawcap does not decode, or "".
func pppProtocol(p uint16) string {
	switch p {
	case PPPLCP:
		return "lcp"
	case PPPIPCP:
		return "ipcp"
	case PPPIPv6CP:
		return "ipv6cp"
	case PPPCCP:
		return "ccp"
	case PPPCHAP:
		return "chap"
	case PPPPAP:
		return "pap"
	}
	return ""
}

const (
	pppAddress = iota
	pppControl
	pppProtocolNum
	pppCode
	pppIdentifier
	pppLength
	pppData
	pppOptLenInvalid
	pppFieldCount
)

var pppFields = [pppFieldCount]Field{
	pppAddress:       {Name: "ppp.address", Label: "Address", Kind: KindUint, Width: 8, Base: BaseHex},
	pppControl:       {Name: "ppp.control", Label: "Control", Kind: KindUint, Width: 8, Base: BaseHex},
	pppProtocolNum:   {Name: "ppp.protocol", Label: "Protocol", Kind: KindUint, Width: 16, Base: BaseHex},
	pppCode:          {Name: "ppp.code", Label: "Code", Kind: KindUint, Width: 8},
	pppIdentifier:    {Name: "ppp.identifier", Label: "Identifier", Kind: KindUint, Width: 8, Base: BaseDecHex},
	pppLength:        {Name: "ppp.length", Label: "Length", Kind: KindUint, Width: 16},
	pppData:          {Name: "ppp.data", Label: "Data", Kind: KindBytes},
	pppOptLenInvalid: {Name: "ppp.opt.len.invalid", Label: "Invalid length for option", Kind: KindNone},
}

var protoPPP = protoField("ppp", "Point-to-Point Protocol")
