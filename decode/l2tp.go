package decode

import "strconv"

// L2TP is a Layer Two Tunneling Protocol version 2 header (RFC 2661),
// carried in UDP (port 1701):
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|T|L|x|x|S|x|O|P|x|x|x|x|  Ver  |          Length (opt)         |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|           Tunnel ID           |           Session ID          |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|             Ns (opt)          |             Nr (opt)          |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|      Offset Size (opt)        |    Offset pad... (opt)
//
// A control message (T set) holds attribute-value pairs, each a flags and
// length word (M, H, 10 bits of length), a vendor ID, a type and a value;
// a data message carries a PPP frame in HDLC-like framing.
type L2TP []byte

const l2tpPort = 1701

// L2TP's flag bits.
const (
	l2tpFlagType     = 0x8000
	l2tpFlagLength   = 0x4000
	l2tpFlagSequence = 0x0800
	l2tpFlagOffset   = 0x0200
	l2tpFlagPriority = 0x0100
)

// l2tpAVPHeaderLen is an AVP's flags and length, vendor ID and type.
const l2tpAVPHeaderLen = 6

// l2tpAVPACCM is the ACCM AVP's type.
const l2tpAVPACCM = 35

// ParseL2TP returns the version 2 header at the start of b, up to the
// first AVP or the PPP frame.
func ParseL2TP(b []byte) (L2TP, error) {
	if len(b) < 2 {
		return nil, ReasonTruncated
	}
	if be16(b)&0xf != 2 {
		return nil, ReasonBadVersion
	}
	n := l2tpHeaderLen(be16(b))
	if n > len(b) {
		return nil, ReasonTruncated
	}
	if be16(b)&l2tpFlagOffset != 0 {
		n += int(be16(b[n-2:]))
		if n > len(b) {
			return nil, ReasonTruncated
		}
	}
	return L2TP(b[:n:n]), nil
}

// l2tpHeaderLen returns the length of the header whose flags word is
// flags, the offset size included but not the padding it announces.
func l2tpHeaderLen(flags uint16) int {
	n := 6
	if flags&l2tpFlagLength != 0 {
		n += 2
	}
	if flags&l2tpFlagSequence != 0 {
		n += 4
	}
	if flags&l2tpFlagOffset != 0 {
		n += 2
	}
	return n
}

// Flags returns the flags and version word.
func (h L2TP) Flags() uint16 { return be16(h) }

// lengthOff returns the offset of the tunnel ID.
func (h L2TP) idsOff() int {
	if h.Flags()&l2tpFlagLength != 0 {
		return 4
	}
	return 2
}

// Length returns the Length field (0 when absent).
func (h L2TP) Length() uint16 {
	if h.Flags()&l2tpFlagLength == 0 {
		return 0
	}
	return be16(h[2:])
}

// Tunnel returns the tunnel ID.
func (h L2TP) Tunnel() uint16 { return be16(h[h.idsOff():]) }

// Session returns the session ID.
func (h L2TP) Session() uint16 { return be16(h[h.idsOff()+2:]) }

// Sequence returns Ns and Nr (zero when absent).
func (h L2TP) Sequence() (ns, nr uint16) {
	if h.Flags()&l2tpFlagSequence == 0 {
		return 0, 0
	}
	off := h.idsOff() + 4
	return be16(h[off:]), be16(h[off+2:])
}

// l2tpAVP is one attribute-value pair: its flags and length word, vendor
// ID, type and value.
type l2tpAVP struct {
	word   uint16
	vendor uint16
	typ    uint16
	value  []byte
}

func (a l2tpAVP) len() int { return int(a.word & 0x3ff) }

// l2tpNextAVP returns the AVP at off in the message m (its bytes up to the
// Length field, or those captured); ok is false when its header or its
// value runs past them, or its length is below the header's.
func l2tpNextAVP(m []byte, off int) (a l2tpAVP, next int, ok bool) {
	if off+l2tpAVPHeaderLen > len(m) {
		return a, off, false
	}
	a.word = be16(m[off:])
	n := a.len()
	if n < l2tpAVPHeaderLen || off+n > len(m) {
		return a, off, false
	}
	a.vendor, a.typ = be16(m[off+2:]), be16(m[off+4:])
	a.value = m[off+l2tpAVPHeaderLen : off+n]
	return a, off + n, true
}

func (d *Decoder) decodeL2TP(l *Layer) LayerType {
	h, err := ParseL2TP(d.bytes(l))
	switch {
	case err == ReasonBadVersion:
		return l.asData() // L2F, L2TPv3: not laid out
	case err != nil:
		l.Malformed = err.(Reason)
		return LayerNone
	}
	if h.Flags()&l2tpFlagType != 0 {
		l.Payload = l.End
		return LayerNone
	}
	l.Payload = l.Start + len(h)
	if l.Payload == l.End {
		return LayerNone
	}
	return LayerPPP
}

// The fields, as Wireshark registers them.
const (
	l2tpFlags = iota
	l2tpType
	l2tpLengthBit
	l2tpSeqBit
	l2tpOffsetBit
	l2tpPriority
	l2tpVersion
	l2tpLength
	l2tpTunnel
	l2tpSession
	l2tpNs
	l2tpNr
	l2tpOffset
	l2tpAVPMandatory
	l2tpAVPHidden
	l2tpAVPLength
	l2tpAVPVendorID
	l2tpAVPType
	l2tpAVPMessageType
	l2tpAVPSendACCM
	l2tpAVPReceiveACCM
	l2tpVendorSpecificData
	l2tpFieldCount
)

var l2tpFields = [l2tpFieldCount]Field{
	l2tpFlags:              {Name: "l2tp.flags", Label: "Flags", Kind: KindUint, Width: 16, Base: BaseHex},
	l2tpType:               {Name: "l2tp.type", Label: "Type", Kind: KindUint, Width: 16, Mask: l2tpFlagType},
	l2tpLengthBit:          {Name: "l2tp.length_bit", Label: "Length Bit", Kind: KindBool, Width: 16, Mask: l2tpFlagLength},
	l2tpSeqBit:             {Name: "l2tp.seq_bit", Label: "Sequence Bit", Kind: KindBool, Width: 16, Mask: l2tpFlagSequence},
	l2tpOffsetBit:          {Name: "l2tp.offset_bit", Label: "Offset bit", Kind: KindBool, Width: 16, Mask: l2tpFlagOffset},
	l2tpPriority:           {Name: "l2tp.priority", Label: "Priority", Kind: KindBool, Width: 16, Mask: l2tpFlagPriority},
	l2tpVersion:            {Name: "l2tp.version", Label: "Version", Kind: KindUint, Width: 16, Mask: 0xf},
	l2tpLength:             {Name: "l2tp.length", Label: "Length", Kind: KindUint, Width: 16},
	l2tpTunnel:             {Name: "l2tp.tunnel", Label: "Tunnel ID", Kind: KindUint, Width: 16},
	l2tpSession:            {Name: "l2tp.session", Label: "Session ID", Kind: KindUint, Width: 16},
	l2tpNs:                 {Name: "l2tp.Ns", Label: "Ns", Kind: KindUint, Width: 16},
	l2tpNr:                 {Name: "l2tp.Nr", Label: "Nr", Kind: KindUint, Width: 16},
	l2tpOffset:             {Name: "l2tp.offset", Label: "Offset", Kind: KindUint, Width: 16},
	l2tpAVPMandatory:       {Name: "l2tp.avp.mandatory", Label: "Mandatory", Kind: KindBool, Width: 16, Mask: 0x8000},
	l2tpAVPHidden:          {Name: "l2tp.avp.hidden", Label: "Hidden", Kind: KindBool, Width: 16, Mask: 0x4000},
	l2tpAVPLength:          {Name: "l2tp.avp.length", Label: "Length", Kind: KindUint, Width: 16, Mask: 0x3ff},
	l2tpAVPVendorID:        {Name: "l2tp.avp.vendor_id", Label: "Vendor ID", Kind: KindUint, Width: 16},
	l2tpAVPType:            {Name: "l2tp.avp.type", Label: "AVP Type", Kind: KindUint, Width: 16},
	l2tpAVPMessageType:     {Name: "l2tp.avp.message_type", Label: "Message Type", Kind: KindUint, Width: 16},
	l2tpAVPSendACCM:        {Name: "l2tp.avp.send_accm", Label: "Send ACCM", Kind: KindUint, Width: 32},
	l2tpAVPReceiveACCM:     {Name: "l2tp.avp.receive_accm", Label: "Receive ACCM", Kind: KindUint, Width: 32},
	l2tpVendorSpecificData: {Name: "l2tp.vendor_specific_avp_data", Label: "Vendor-Specific AVP data", Kind: KindNone},
}

var protoL2TP = protoField("l2tp", "Layer 2 Tunneling Protocol")

// l2tpMessage returns the layer's bytes up to the Length field, or those
// captured, and whether the capture ends before the Length says.
func l2tpMessage(d *Decoder, l *Layer, h L2TP) (m []byte, cut bool) {
	m = d.data[l.Start:l.End]
	if n := int(h.Length()); h.Flags()&l2tpFlagLength != 0 {
		if n <= len(m) {
			return m[:n], false
		}
		return m, true
	}
	return m, false
}

// l2tpVendorDissected reports whether tshark lays out the AVPs of vendor v
// with types of its own (Cisco, Ericsson, the Broadband Forum, CableLabs),
// which rawcap does not yet.
func l2tpVendorDissected(v uint16) bool { return v == 9 || v == 193 || v == 3561 || v == 4491 }

// emitL2TP emits the header's fields and each AVP's, in the order and
// nesting of tshark's tree, which is drawn from them (treefields.go). The
// AVPs rawcap lays out are ACCM, the message type and the undecoded value
// tshark marks as vendor-specific data; at another (a hidden one, a type
// whose value tshark lays out, a vendor tshark dissects) it stops. An AVP
// cut short by the capture ends the message with tshark's exception line.
func emitL2TP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	f := &l2tpFields
	e.Proto(&protoL2TP)
	if l.Malformed != "" || l.Type != LayerL2TP {
		e.End()
		return
	}
	h := L2TP(d.data[l.Start:l.End])
	h, _ = ParseL2TP(h)
	flags := uint64(h.Flags())
	e.Uint(&f[l2tpFlags], flags)
	if e.Tree() {
		b := appendHex4(append(e.Text(), "Flags: 0x"...), h.Flags())
		b = append(append(b, ", Type: "...), f[l2tpType].ValueNames().Name(flags>>15)...)
		if flags&l2tpFlagLength != 0 {
			b = append(b, ", Length Bit"...)
		}
		if flags&l2tpFlagSequence != 0 {
			b = append(b, ", Sequence Bit"...)
		}
		e.SetRepr(b)
	}
	e.Sub()
	e.UintBits(&f[l2tpType], flags)
	e.BoolBits(&f[l2tpLengthBit], flags)
	e.BoolBits(&f[l2tpSeqBit], flags)
	e.BoolBits(&f[l2tpOffsetBit], flags)
	e.BoolBits(&f[l2tpPriority], flags)
	e.UintBits(&f[l2tpVersion], flags)
	e.Up()
	if flags&l2tpFlagLength != 0 {
		e.Uint(&f[l2tpLength], uint64(h.Length()))
	}
	e.Uint(&f[l2tpTunnel], uint64(h.Tunnel()))
	e.Uint(&f[l2tpSession], uint64(h.Session()))
	if flags&l2tpFlagSequence != 0 {
		ns, nr := h.Sequence()
		e.Uint(&f[l2tpNs], uint64(ns))
		e.Uint(&f[l2tpNr], uint64(nr))
	}
	if flags&l2tpFlagOffset != 0 {
		off := l2tpHeaderLen(h.Flags()) - 2
		e.Uint(&f[l2tpOffset], uint64(be16(h[off:])))
		e.End()
		return // the padding's line is not drawn yet
	}
	if flags&l2tpFlagType == 0 {
		e.End()
		return
	}
	m, cut := l2tpMessage(d, l, h)
	off := len(h)
	if off >= len(m) && !cut {
		e.LineString("Zero Length Body message")
	}
	for off < len(m) {
		a, next, ok := l2tpNextAVP(m, off)
		if !ok || !emitL2TPAVP(e, a) {
			break
		}
		off = next
	}
	e.End()
	if l2tpRunsOff(m, len(h), cut) {
		e.TreeException("L2TP")
	}
}

// l2tpRunsOff reports whether tshark runs off the end of a control
// message's bytes m, whose AVPs start at off: its Length says more than
// was captured (cut), or an AVP's header or value runs past m.
func l2tpRunsOff(m []byte, off int, cut bool) bool {
	for !cut && off < len(m) {
		a, next, ok := l2tpNextAVP(m, off)
		if !ok {
			return off+l2tpAVPHeaderLen > len(m) || off+a.len() > len(m)
		}
		off = next
	}
	return cut
}

// emitL2TPAVP emits one AVP: its title line, header fields and value. It
// reports false, having emitted nothing, for an AVP it does not lay out.
func emitL2TPAVP(e *emitter, a l2tpAVP) bool {
	f := &l2tpFields
	switch {
	case a.word&0x4000 != 0 || l2tpVendorDissected(a.vendor):
		return false
	case a.vendor != 0 && enterpriseName(uint32(a.vendor)) == "":
		return false
	case a.vendor == 0 && a.typ == 0 && len(a.value) < 2:
		return false
	case a.vendor == 0 && a.typ != 0 && a.typ != l2tpAVPACCM && l2tpValueLaidOut(a.typ):
		return false
	}
	typeName := f[l2tpAVPType].ValueNames().Name(uint64(a.typ))
	if e.Tree() {
		b := e.Text()
		if a.vendor != 0 {
			b = appendL2TPVendor(append(b, "Vendor "...), a.vendor)
			b = append(append(b, " AVP Type "...), strconv.Itoa(int(a.typ))...)
		} else {
			if typeName == "" {
				b = strconv.AppendUint(append(b, "Unknown ("...), uint64(a.typ), 10)
				b = append(b, ')')
			} else {
				b = append(b, typeName...)
			}
			b = append(b, " AVP"...)
		}
		e.Line(b)
	}
	e.Sub()
	word := uint64(a.word)
	e.BoolBits(&f[l2tpAVPMandatory], word)
	e.BoolBits(&f[l2tpAVPHidden], word)
	e.UintBits(&f[l2tpAVPLength], word)
	e.Uint(&f[l2tpAVPVendorID], uint64(a.vendor))
	if e.Tree() {
		e.SetRepr(appendL2TPVendor(append(e.Text(), "Vendor ID: "...), a.vendor))
	}
	e.Uint(&f[l2tpAVPType], uint64(a.typ))
	switch {
	case a.vendor == 0 && a.typ == 0:
		e.Uint(&f[l2tpAVPMessageType], uint64(be16(a.value)))
	case a.vendor == 0 && a.typ == l2tpAVPACCM:
		if len(a.value) >= 10 {
			e.Uint(&f[l2tpAVPSendACCM], uint64(be32(a.value[2:])))
			e.Uint(&f[l2tpAVPReceiveACCM], uint64(be32(a.value[6:])))
		}
	default:
		l2tpExpert(e, &f[l2tpVendorSpecificData])
	}
	e.Up()
	return true
}

// l2tpValueLaidOut reports whether tshark may lay out the value of an
// IETF AVP of type t with fields of its own (RFC 2661's types, RFC 3931's
// and their extensions up to Connect Speed Update), which rawcap does not
// yet but for the message type and ACCM; others it shows as
// vendor-specific data.
func l2tpValueLaidOut(t uint16) bool { return t <= 47 || t >= 58 && t <= 97 }

// appendL2TPVendor appends tshark's "NxNetworks (1)".
func appendL2TPVendor(b []byte, v uint16) []byte {
	b = append(b, enterpriseName(uint32(v))...)
	b = strconv.AppendUint(append(b, " ("...), uint64(v), 10)
	return append(b, ')')
}

// l2tpExpert adds tshark's expert item f (a warning in the undecoded
// group): a text line holding the expert block.
func l2tpExpert(e *emitter, f *Field) {
	e.Expert(true)
	e.None(f)
	e.Expert(false)
	e.NoTree()
	e.LineString(f.Label)
	e.Sub()
	e.ExpertLine("Warning", "Undecoded", f.Label, nil)
	e.Up()
}

// l2tpMessageTypeAbbrevs are the message types as tshark's Info column and
// tcpdump abbreviate them (tcpdump knows 1 to 16 but 5 and 13).
var l2tpMessageTypeAbbrevs = [...]string{1: "SCCRQ", 2: "SCCRP", 3: "SCCCN", 4: "StopCCN", 5: "Reserved",
	6: "Hello", 7: "OCRQ", 8: "OCRP", 9: "OCCN", 10: "ICRQ", 11: "ICRP", 12: "ICCN", 13: "Reserved",
	14: "CDN", 15: "WEN", 16: "SLI", 17: "MDMST", 18: "SRRQ", 19: "SRRP", 20: "ACK", 21: "FSQ",
	22: "FSR", 23: "MSRQ", 24: "MSRP", 25: "MSE", 26: "MSI", 27: "MSEN", 28: "CSUN", 29: "CSURQ"}

// infoL2TP appends the Info column: "Control Message - SCCRQ (tunnel
// id=1, session id=0)", the message type being the first AVP's when it is
// one, "ZLB" for a message with no AVP.
func (p *ColumnsPrinter) infoL2TP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	h, err := ParseL2TP(d.data[l.Start:l.End])
	if err != nil || h.Flags()&l2tpFlagType == 0 {
		return b
	}
	b = append(b, "Control Message"...)
	m, cut := l2tpMessage(d, l, h)
	if len(h) >= len(m) && !cut {
		b = append(b, " - ZLB     "...)
	} else if a, _, ok := l2tpNextAVP(m, len(h)); ok && a.vendor == 0 && a.typ == 0 && a.word&0x4000 == 0 && len(a.value) >= 2 {
		b = append(b, " - "...)
		if t := be16(a.value); int(t) < len(l2tpMessageTypeAbbrevs) && t != 0 {
			b = append(b, l2tpMessageTypeAbbrevs[t]...)
		} else {
			b = strconv.AppendUint(append(b, "Unknown ("...), uint64(t), 10)
			b = append(b, ')')
		}
	}
	b = strconv.AppendUint(append(b, " (tunnel id="...), uint64(h.Tunnel()), 10)
	b = strconv.AppendUint(append(b, ", session id="...), uint64(h.Session()), 10)
	b = append(b, ')')
	if l2tpRunsOff(m, len(h), cut) {
		b = p.appendException(b)
	}
	return b
}

// l2tpAVPNames are the AVP types as tcpdump names them.
var l2tpAVPNames = [...]string{"MSGTYPE", "RESULT_CODE", "PROTO_VER", "FRAMING_CAP", "BEARER_CAP",
	"TIE_BREAKER", "FIRM_VER", "HOST_NAME", "VENDOR_NAME", "ASSND_TUN_ID", "RECV_WIN_SIZE", "CHALLENGE",
	"Q931_CC", "CHALLENGE_RESP", "ASSND_SESS_ID", "CALL_SER_NUM", "MINIMUM_BPS", "MAXIMUM_BPS",
	"BEARER_TYPE", "FRAMING_TYPE", "PACKET_PROC_DELAY", "CALLED_NUMBER", "CALLING_NUMBER", "SUB_ADDRESS",
	"TX_CONN_SPEED", "PHY_CHANNEL_ID", "INI_RECV_LCP", "LAST_SENT_LCP", "LAST_RECV_LCP", "PROXY_AUTH_TYPE",
	"PROXY_AUTH_NAME", "PROXY_AUTH_CHAL", "PROXY_AUTH_ID", "PROXY_AUTH_RESP", "CALL_ERRORS", "ACCM",
	"RANDOM_VECTOR", "PRIVATE_GRP_ID", "RX_CONN_SPEED", "SEQ_REQUIRED", 46: "PPP_DISCON_CC"}

// lineL2TP appends tcpdump's " l2tp:[TLS](tunnel/session)Ns=0,Nr=0" and
// each AVP ("*ACCM(send=… recv=… )", "VENDOR0001:ATTR0023(0530)", "ZLB"),
// or a data message's PPP frame in braces. With -q tcpdump prints only
// "UDP, length N".
func (p *LinePrinter) lineL2TP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	length := udpPayloadLen(d, i)
	if p.Options.Quiet {
		return appendUDPLength(b, length)
	}
	raw := d.data[l.Start:l.End]
	if len(raw) < 2 {
		return p.cut(b, " [|l2tp]")
	}
	flags := be16(raw)
	if flags&0xf != 2 {
		return append(b, " l2tp:"...) // not laid out: tcpdump prints "l2f:" for version 1
	}
	b = append(b, " l2tp:["...)
	for _, fl := range [...]struct {
		bit uint16
		c   byte
	}{{l2tpFlagType, 'T'}, {l2tpFlagLength, 'L'}, {l2tpFlagSequence, 'S'}, {l2tpFlagOffset, 'O'}, {l2tpFlagPriority, 'P'}} {
		if flags&fl.bit != 0 {
			b = append(b, fl.c)
		}
	}
	b = append(b, ']')
	cnt := 2
	l2tpLen := 0
	if flags&l2tpFlagLength != 0 {
		if len(raw) < 4 {
			return p.cut(b, " [|l2tp]")
		}
		l2tpLen = int(be16(raw[2:]))
		cnt += 2
	}
	// tcpdump prints each field as it reads it: "(tunnel/" then "session)".
	if len(raw) < cnt+2 {
		return p.cut(b, " [|l2tp]")
	}
	b = strconv.AppendUint(append(b, '('), uint64(be16(raw[cnt:])), 10)
	b = append(b, '/')
	if len(raw) < cnt+4 {
		return p.cut(b, " [|l2tp]")
	}
	b = strconv.AppendUint(b, uint64(be16(raw[cnt+2:])), 10)
	b = append(b, ')')
	cnt += 4
	if flags&l2tpFlagSequence != 0 {
		for k, label := range [...]string{"Ns=", ",Nr="} {
			if len(raw) < cnt+2 {
				if k == 1 {
					b = append(b, ',')
				}
				return p.cut(b, " [|l2tp]")
			}
			b = strconv.AppendUint(append(b, label...), uint64(be16(raw[cnt:])), 10)
			cnt += 2
		}
	}
	if flags&l2tpFlagOffset != 0 {
		if len(raw) < cnt+2 {
			return p.cut(b, " [|l2tp]")
		}
		cnt += 2 + int(be16(raw[cnt:]))
	}
	if flags&l2tpFlagLength != 0 {
		if length < l2tpLen {
			b = strconv.AppendInt(append(b, " Length "...), int64(l2tpLen), 10)
			return append(b, " larger than packet"...)
		}
		length = l2tpLen
	}
	if length < cnt {
		b = strconv.AppendInt(append(b, " Length "...), int64(length), 10)
		return append(b, " smaller than header length"...)
	}
	if flags&l2tpFlagType == 0 {
		b = append(b, " {"...)
		if l.Payload < l.End && i+1 < d.n {
			b = p.lineInner(b, d, i+1)
		}
		return append(b, '}')
	}
	if flags&l2tpFlagLength == 0 {
		return append(b, " No length"...)
	}
	if length == cnt {
		return append(b, " ZLB"...)
	}
	return p.appendL2TPAVPs(b, raw, cnt, length)
}

// appendL2TPAVPs appends the AVPs of msg from off to length as tcpdump
// prints them, each after a space, and " [|l2tp]" where one runs past
// what was captured (tcpdump unwinds out of the packet where it cannot
// read an AVP's first word).
func (p *LinePrinter) appendL2TPAVPs(b []byte, msg []byte, off, length int) []byte {
	for off < length {
		b = append(b, ' ')
		if off+2 > len(msg) {
			return p.cut(b, " [|l2tp]") // tcpdump's read of the word longjmps out
		}
		word := be16(msg[off:])
		n := int(word & 0x3ff)
		if n < l2tpAVPHeaderLen || off+n > length || off+n > len(msg) {
			return append(b, " [|l2tp]"...)
		}
		if word&0x8000 != 0 {
			b = append(b, '*')
		}
		if word&0x4000 != 0 {
			b = append(b, '?')
		}
		vendor, typ, v := be16(msg[off+2:]), be16(msg[off+4:]), msg[off+6:off+n]
		off += n
		if vendor != 0 {
			b = appendHexN(append(b, "VENDOR"...), uint64(vendor), 4)
			b = appendHexN(append(b, ":ATTR"...), uint64(typ), 4)
			b = appendHexBytes(append(b, '('), v)
			b = append(b, ')')
			continue
		}
		if int(typ) < len(l2tpAVPNames) && l2tpAVPNames[typ] != "" {
			b = append(b, l2tpAVPNames[typ]...)
		} else {
			b = strconv.AppendUint(append(b, "AVP-#"...), uint64(typ), 10)
		}
		b = append(b, '(')
		switch {
		case word&0x4000 != 0:
			b = append(b, "???"...)
		case typ == 0:
			b = appendL2TPMsgType(b, v)
		case typ == l2tpAVPACCM:
			b = appendL2TPACCM(b, v)
		case int(typ) < len(l2tpAVPNames) && l2tpAVPNames[typ] != "":
			b = appendHexBytes(b, v) // values not laid out yet
		}
		b = append(b, ')')
	}
	return b
}

// appendL2TPMsgType appends tcpdump's name of a message type AVP's value.
func appendL2TPMsgType(b []byte, v []byte) []byte {
	if len(v) < 2 {
		return append(b, "AVP too short"...)
	}
	t := be16(v)
	if t >= 1 && t <= 16 && t != 5 && t != 13 {
		name := l2tpMessageTypeAbbrevs[t]
		if t == 6 {
			name = "HELLO"
		}
		return append(b, name...)
	}
	return strconv.AppendUint(append(b, "MSGTYPE-#"...), uint64(t), 10)
}

// appendL2TPACCM appends tcpdump's "send=0000000f recv=ffffffff ".
func appendL2TPACCM(b []byte, v []byte) []byte {
	if len(v) < 2+4 {
		return append(b, "AVP too short"...)
	}
	b = appendHexN(append(b, "send="...), uint64(be32(v[2:])), 8)
	b = append(b, ' ')
	if len(v) < 2+8 {
		return append(b, "AVP too short"...)
	}
	b = appendHexN(append(b, "recv="...), uint64(be32(v[6:])), 8)
	return append(b, ' ')
}

// enterpriseName returns Wireshark's name of private enterprise number n,
// or "" when it is not one of enterpriseNames (enterprises.go).
func enterpriseName(n uint32) string {
	if n < uint32(len(enterpriseNames)) {
		return enterpriseNames[n]
	}
	return ""
}
