package decode

// HSRP is a Cisco Hot Standby Router Protocol version 0/1 message (RFC
// 2281), carried in UDP port 1985 to 224.0.0.2:
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|   Version     |   Op Code     |     State     |   Hellotime   |
//	|   Holdtime    |   Priority    |     Group     |   Reserved    |
//	|                  Authentication Data (8 bytes)                |
//	|                      Virtual IP Address                       |
//
// An Advertise message (op code 3) carries an interface-state TLV instead.
// The view holds the message as captured.
type HSRP []byte

const (
	hsrpPort   = 1985
	hsrpLen    = 20
	hsrpAdvLen = 16
)

// decodeHSRP takes a UDP payload to port 1985 as HSRP when Wireshark does:
// sent to 224.0.0.2 (HSRPv2's group, 224.0.0.102, is not decoded yet and
// stays data).
func (d *Decoder) decodeHSRP(l *Layer) LayerType {
	_, dst, v6 := ipAddrs(d, d.n)
	u := &d.layers[d.n-1]
	if v6 || dst != hsrpGroup || u.Type != LayerUDP || u.Payload-u.Start < udpLen ||
		(UDP(d.data[u.Start:u.Payload]).DstPort() != hsrpPort && UDP(d.data[u.Start:u.Payload]).DstPort() != 2029) {
		return l.asData()
	}
	l.Payload = l.End
	b := d.data[l.Start:l.End]
	switch {
	case len(b) < 2:
		l.Malformed = ReasonTruncated
	case b[1] < 3 && len(b) < hsrpLen, b[1] == 3 && len(b) < hsrpAdvLen:
		l.Malformed = ReasonTruncated
	}
	return LayerNone
}

var hsrpGroup = addr4([]byte{224, 0, 0, 2})

// The fields, as Wireshark registers them.
const (
	hsrpVersion = iota
	hsrpOpcode
	hsrpState
	hsrpHellotime
	hsrpHoldtime
	hsrpPriority
	hsrpGroupF
	hsrpReserved
	hsrpAuthData
	hsrpVirtIP
	hsrpAdvType
	hsrpAdvLength
	hsrpAdvState
	hsrpAdvReserved1
	hsrpAdvActive
	hsrpAdvPassive
	hsrpAdvReserved2
	hsrpFieldCount
)

var hsrpFields = [hsrpFieldCount]Field{
	hsrpVersion:      {Name: "hsrp.version", Label: "Version", Kind: KindUint, Width: 8},
	hsrpOpcode:       {Name: "hsrp.opcode", Label: "Op Code", Kind: KindUint, Width: 8},
	hsrpState:        {Name: "hsrp.state", Label: "State", Kind: KindUint, Width: 8},
	hsrpHellotime:    {Name: "hsrp.hellotime", Label: "Hellotime", Kind: KindUint, Width: 8},
	hsrpHoldtime:     {Name: "hsrp.holdtime", Label: "Holdtime", Kind: KindUint, Width: 8},
	hsrpPriority:     {Name: "hsrp.priority", Label: "Priority", Kind: KindUint, Width: 8},
	hsrpGroupF:       {Name: "hsrp.group", Label: "Group", Kind: KindUint, Width: 8},
	hsrpReserved:     {Name: "hsrp.reserved", Label: "Reserved", Kind: KindUint, Width: 8},
	hsrpAuthData:     {Name: "hsrp.auth_data", Label: "Authentication Data", Kind: KindString},
	hsrpVirtIP:       {Name: "hsrp.virt_ip", Label: "Virtual IP Address", Kind: KindIPv4},
	hsrpAdvType:      {Name: "hsrp.adv.tlvtype", Label: "Adv type", Kind: KindUint, Width: 16},
	hsrpAdvLength:    {Name: "hsrp.adv.tlvlength", Label: "Adv length", Kind: KindUint, Width: 16},
	hsrpAdvState:     {Name: "hsrp.adv.state", Label: "Adv state", Kind: KindUint, Width: 8},
	hsrpAdvReserved1: {Name: "hsrp.adv.reserved1", Label: "Adv reserved1", Kind: KindUint, Width: 8},
	hsrpAdvActive:    {Name: "hsrp.adv.activegrp", Label: "Adv active groups", Kind: KindUint, Width: 16},
	hsrpAdvPassive:   {Name: "hsrp.adv.passivegrp", Label: "Adv passive groups", Kind: KindUint, Width: 16},
	hsrpAdvReserved2: {Name: "hsrp.adv.reserved2", Label: "Adv reserved2", Kind: KindUint, Width: 32},
}

var protoHSRP = protoField("hsrp", "Cisco Hot Standby Router Protocol")

// hsrpAuth returns the authentication data as Wireshark reads it: the
// eight bytes up to the first NUL, when they are printable.
func hsrpAuth(a []byte) ([]byte, bool) {
	for k, c := range a {
		if c == 0 {
			return a[:k], true
		}
		if c < 0x20 || c > 0x7e {
			return nil, false
		}
	}
	return a, true
}

// emitHSRP emits the message's fields in the order of tshark's tree, which
// is drawn from them (treefields.go). tshark draws field by field and
// stops at the first one cut; the times and the password say whether they
// are the defaults.
func emitHSRP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoHSRP)
	b := d.data[l.Start:l.End]
	f := &hsrpFields
	if len(b) >= 2 {
		e.Uint(&f[hsrpVersion], uint64(b[0]))
		e.Uint(&f[hsrpOpcode], uint64(b[1]))
	}
	switch {
	case len(b) >= 2 && b[1] < 3:
		for k, fk := range [...]int{hsrpState, hsrpHellotime, hsrpHoldtime, hsrpPriority, hsrpGroupF, hsrpReserved} {
			if 2+k >= len(b) {
				break
			}
			v := b[2+k]
			e.Uint(&f[fk], uint64(v))
			if e.Tree() && (fk == hsrpHellotime || fk == hsrpHoldtime) {
				def := byte(3)
				if fk == hsrpHoldtime {
					def = 10
				}
				t := hsrpDefault(append(e.Text(), f[fk].Label...), v == def)
				e.SetRepr(append(appendUint(t, uint64(v)), ')'))
			}
		}
		if len(b) >= 16 {
			if a, ok := hsrpAuth(b[8:16]); ok {
				e.TextDone(&f[hsrpAuthData], append(e.Text(), a...))
				if e.Tree() {
					t := hsrpDefault(append(e.Text(), f[hsrpAuthData].Label...), string(a) == "cisco")
					e.SetRepr(append(append(t, a...), ')'))
				}
			}
		}
		if len(b) >= hsrpLen {
			e.IPv4(&f[hsrpVirtIP], b[16:20])
		}
	case len(b) >= hsrpAdvLen && b[1] == 3:
		e.Uint(&f[hsrpAdvType], uint64(be16(b[2:])))
		e.Uint(&f[hsrpAdvLength], uint64(be16(b[4:])))
		e.Uint(&f[hsrpAdvState], uint64(b[6]))
		e.Uint(&f[hsrpAdvReserved1], uint64(b[7]))
		e.Uint(&f[hsrpAdvActive], uint64(be16(b[8:])))
		e.Uint(&f[hsrpAdvPassive], uint64(be16(b[10:])))
		e.Uint(&f[hsrpAdvReserved2], uint64(be32(b[12:])))
	}
	e.End()
}

// hsrpDefault appends to a tree line's label ": Default (" or
// ": Non-Default (", as tshark says of the times and the password.
func hsrpDefault(b []byte, isDefault bool) []byte {
	b = append(b, ": "...)
	if !isDefault {
		b = append(b, "Non-"...)
	}
	return append(b, "Default ("...)
}

func hsrpName(f int, v uint64) string { return hsrpFields[f].ValueNames().Name(v) }

// hsrpTcpdumpStates are tcpdump's names of the states.
func hsrpTcpdumpState(s byte) string {
	switch s {
	case 0:
		return "initial"
	case 1:
		return "learn"
	case 2:
		return "listen"
	case 4:
		return "speak"
	case 8:
		return "standby"
	case 16:
		return "active"
	}
	return ""
}

// lineHSRP appends tcpdump's "HSRPv0-hello 20: state=active group=1
// addr=192.168.0.1", with -v the times, priority and password.
func (p *LinePrinter) lineHSRP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	raw := d.data[l.Start:l.End]
	if p.Options.Quiet {
		return appendUDPLength(b, udpPayloadLen(d, i))
	}
	if len(raw) < 1 {
		return p.cut(b, " [|hsrp]")
	}
	b = append(b, "HSRPv"...)
	b = appendUint(b, uint64(raw[0]))
	if raw[0] != 0 {
		return b
	}
	if len(raw) < 2 {
		return p.cut(b, " [|hsrp]")
	}
	b = append(b, '-')
	switch raw[1] {
	case 0:
		b = append(b, "hello"...)
	case 1:
		b = append(b, "coup"...)
	case 2:
		b = append(b, "resign"...)
	default:
		b = append(b, "unknown ("...)
		b = appendUint(b, uint64(raw[1]))
		b = append(b, ')')
	}
	b = append(b, ' ')
	b = appendUint(b, uint64(udpPayloadLen(d, i)))
	b = append(b, ": "...)
	if len(raw) < 3 {
		return p.cut(b, " [|hsrp]")
	}
	b = append(b, "state="...)
	if n := hsrpTcpdumpState(raw[2]); n != "" {
		b = append(b, n...)
	} else {
		b = append(b, "Unknown ("...)
		b = appendUint(b, uint64(raw[2]))
		b = append(b, ')')
	}
	b = append(b, ' ')
	if len(raw) < 7 {
		return p.cut(b, " [|hsrp]")
	}
	b = append(b, "group="...)
	b = appendUint(b, uint64(raw[6]))
	b = append(b, ' ')
	if len(raw) < 8 {
		return p.cut(b, " [|hsrp]")
	}
	if raw[7] != 0 {
		b = append(b, "[reserved="...)
		b = appendUint(b, uint64(raw[7]))
		b = append(b, "!] "...)
	}
	if len(raw) < 20 {
		return p.cut(b, " [|hsrp]")
	}
	b = append(b, "addr="...)
	b = addr4(raw[16:20]).AppendTo(b)
	if p.Options.Verbose > 0 {
		b = append(b, " hellotime="...)
		b = appendRelTime(b, uint32(raw[3]))
		b = append(b, " holdtime="...)
		b = appendRelTime(b, uint32(raw[4]))
		b = append(b, " priority="...)
		b = appendUint(b, uint64(raw[5]))
		b = append(b, " auth=\""...)
		for _, c := range raw[8:16] {
			if c == 0 {
				break
			}
			b = appendPrintChar(b, c)
		}
		b = append(b, '"')
	}
	return b
}

// infoHSRP appends the Info column: "Hello (state Active)".
func infoHSRP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	raw := d.data[l.Start:l.End]
	if len(raw) < 2 {
		return b
	}
	n := hsrpName(hsrpOpcode, uint64(raw[1]))
	if n == "" {
		n = "Unknown"
	}
	b = append(b, n...)
	var s string
	switch {
	case raw[1] < 3 && len(raw) > 2:
		s = hsrpName(hsrpState, uint64(raw[2]))
	case raw[1] == 3 && len(raw) > 6:
		s = hsrpName(hsrpAdvState, uint64(raw[6]))
	default:
		return b
	}
	if s == "" {
		s = "Unknown"
	}
	b = append(b, " (state "...)
	b = append(b, s...)
	return append(b, ')')
}

// cut appends tcpdump's truncation mark for a read past the captured
// bytes: tcpdump unwinds out of the packet, and its -x dump then starts at
// the link header.
func (p *LinePrinter) cut(b []byte, mark string) []byte {
	p.abandoned = true
	return append(b, mark...)
}
