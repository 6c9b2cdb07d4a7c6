package decode

import "strconv"

// RTCP is one RTCP packet (RFC 3550) of a compound datagram: version,
// padding and a 5-bit count, the packet type (200 SR, 201 RR, 202 SDES,
// 203 BYE, 204 APP …), a length in 32-bit words minus one, then the
// type's contents. Each packet of a compound datagram is a layer of its
// own; RTCP flows on the port above RTP's, set up by SDP (voip.go) or by
// --decode-as udp.port=N:rtcp.
type RTCP []byte

const rtcpHeaderLen = 4

// ParseRTCP returns the RTCP packet at the start of b.
func ParseRTCP(b []byte) (RTCP, error) {
	if len(b) < rtcpHeaderLen {
		return nil, ReasonTruncated
	}
	n := (int(be16(b[2:])) + 1) * 4
	if n > len(b) {
		return nil, ReasonTruncated
	}
	return RTCP(b[:n:n]), nil
}

// Count returns the reception report or source count.
func (r RTCP) Count() int { return int(r[0] & 0x1f) }

// Type returns the packet type.
func (r RTCP) Type() uint8 { return r[1] }

func (d *Decoder) decodeRTCP(l *Layer) LayerType {
	r, err := ParseRTCP(d.data[l.Start:l.End])
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + len(r)
	if l.Payload < l.End && d.n+2 < maxLayers {
		return LayerRTCP
	}
	return LayerNone
}

// rtcpLast reports whether layer i is the last RTCP packet of its
// datagram.
func rtcpLast(d *Decoder, i int) bool { return i+1 >= d.n || d.layers[i+1].Type != LayerRTCP }

// rtcpCompoundLen returns the length of the compound datagram that layer
// i ends (from the first RTCP layer before it).
func rtcpCompoundLen(d *Decoder, i int) int {
	k := i
	for k > 0 && d.layers[k-1].Type == LayerRTCP {
		k--
	}
	return d.layers[i].Payload - d.layers[k].Start
}

var rtcpTypeNames = [...]string{
	"Full Intra-frame Request (H.261)", "Negative Acknowledgement (H.261)", "SMPTE time-code mapping",
	"Extended inter-arrival jitter report", "", "", "", "",
	"Sender Report", "Receiver Report", "Source description", "Goodbye", "Application specific",
	"Generic RTP Feedback", "Payload-specific Feedback", "Extended report (RFC 3611)",
	"AVB RTCP packet (IEEE1733)", "Receiver Summary Information", "Port Mapping",
}

func rtcpTypeName(t uint8) string {
	if t >= 192 && int(t-192) < len(rtcpTypeNames) {
		return rtcpTypeNames[t-192]
	}
	return ""
}

var rtcpSDESNames = [...]string{
	"END", "CNAME (user and domain)", "NAME (common name)", "EMAIL (e-mail address)", "PHONE (phone number)",
	"LOC (geographic location)", "TOOL (name/version of source app)", "NOTE (note about source)",
	"PRIV (private extensions)", "H323-CADDR (H.323 callable address)", "Application Specific Identifier",
}

// The fields, as Wireshark registers them.
const (
	rtcpSetup = iota
	rtcpSetupFrame
	rtcpSetupMethod
	rtcpVersion
	rtcpPadding
	rtcpRC
	rtcpSC
	rtcpPT
	rtcpLength
	rtcpSenderSSRC
	rtcpNTPMSW
	rtcpNTPLSW
	rtcpRTPTimestamp
	rtcpPacketCount
	rtcpOctetCount
	rtcpSSRCIdentifier
	rtcpSSRCFraction
	rtcpSSRCCumNr
	rtcpSSRCExtHigh
	rtcpSSRCHighCycles
	rtcpSSRCHighSeq
	rtcpSSRCJitter
	rtcpSSRCLSR
	rtcpSSRCDLSR
	rtcpSDESType
	rtcpSDESLength
	rtcpSDESText
	rtcpAppSubtype
	rtcpAppName
	rtcpLengthCheck
	rtcpNTPTime
	rtcpAppDataStr
	rtcpFieldCount
)

var rtcpFields = [rtcpFieldCount]Field{
	rtcpSetup:          {Name: "rtcp.setup", Label: "Stream setup", Kind: KindString, Generated: true},
	rtcpSetupFrame:     {Name: "rtcp.setup-frame", Label: "Setup frame", Kind: KindFrameNum, Generated: true},
	rtcpSetupMethod:    {Name: "rtcp.setup-method", Label: "Setup Method", Kind: KindString, Generated: true},
	rtcpVersion:        {Name: "rtcp.version", Label: "Version", Kind: KindUint, Width: 8, Mask: 0xc0},
	rtcpPadding:        {Name: "rtcp.padding", Label: "Padding", Kind: KindBool, Width: 8, Mask: 0x20},
	rtcpRC:             {Name: "rtcp.rc", Label: "Reception report count", Kind: KindUint, Width: 8, Mask: 0x1f},
	rtcpSC:             {Name: "rtcp.sc", Label: "Source count", Kind: KindUint, Width: 8, Mask: 0x1f},
	rtcpPT:             {Name: "rtcp.pt", Label: "Packet type", Kind: KindUint, Width: 8},
	rtcpLength:         {Name: "rtcp.length", Label: "Length", Kind: KindUint, Width: 16},
	rtcpSenderSSRC:     {Name: "rtcp.senderssrc", Label: "Sender SSRC", Kind: KindUint, Width: 32, Base: BaseHexDec},
	rtcpNTPMSW:         {Name: "rtcp.timestamp.ntp.msw", Label: "Timestamp, MSW", Kind: KindUint, Width: 32},
	rtcpNTPLSW:         {Name: "rtcp.timestamp.ntp.lsw", Label: "Timestamp, LSW", Kind: KindUint, Width: 32},
	rtcpRTPTimestamp:   {Name: "rtcp.timestamp.rtp", Label: "RTP timestamp", Kind: KindUint, Width: 32},
	rtcpPacketCount:    {Name: "rtcp.sender.packetcount", Label: "Sender's packet count", Kind: KindUint, Width: 32},
	rtcpOctetCount:     {Name: "rtcp.sender.octetcount", Label: "Sender's octet count", Kind: KindUint, Width: 32},
	rtcpSSRCIdentifier: {Name: "rtcp.ssrc.identifier", Label: "Identifier", Kind: KindUint, Width: 32, Base: BaseHexDec},
	rtcpSSRCFraction:   {Name: "rtcp.ssrc.fraction", Label: "Fraction lost", Kind: KindUint, Width: 8},
	rtcpSSRCCumNr:      {Name: "rtcp.ssrc.cum_nr", Label: "Cumulative number of packets lost", Kind: KindInt, Width: 24},
	rtcpSSRCExtHigh:    {Name: "rtcp.ssrc.ext_high", Label: "Extended highest sequence number received", Kind: KindUint, Width: 32},
	rtcpSSRCHighCycles: {Name: "rtcp.ssrc.high_cycles", Label: "Sequence number cycles count", Kind: KindUint, Width: 16},
	rtcpSSRCHighSeq:    {Name: "rtcp.ssrc.high_seq", Label: "Highest sequence number received", Kind: KindUint, Width: 16},
	rtcpSSRCJitter:     {Name: "rtcp.ssrc.jitter", Label: "Interarrival jitter", Kind: KindUint, Width: 32},
	rtcpSSRCLSR:        {Name: "rtcp.ssrc.lsr", Label: "Last SR timestamp", Kind: KindUint, Width: 32},
	rtcpSSRCDLSR:       {Name: "rtcp.ssrc.dlsr", Label: "Delay since last SR timestamp", Kind: KindUint, Width: 32},
	rtcpSDESType:       {Name: "rtcp.sdes.type", Label: "Type", Kind: KindUint, Width: 8},
	rtcpSDESLength:     {Name: "rtcp.sdes.length", Label: "Length", Kind: KindUint, Width: 32},
	rtcpSDESText:       {Name: "rtcp.sdes.text", Label: "Text", Kind: KindString},
	rtcpAppSubtype:     {Name: "rtcp.app.subtype", Label: "Subtype", Kind: KindUint, Width: 8, Mask: 0x1f},
	rtcpAppName:        {Name: "rtcp.app.name", Label: "Name (ASCII)", Kind: KindString},
	rtcpLengthCheck:    {Name: "rtcp.length_check", Label: "RTCP frame length check", Kind: KindBool, Generated: true},
	rtcpNTPTime:        {Name: "rtcp.timestamp.ntp", Label: "MSW and LSW as NTP timestamp", Kind: KindTime, Generated: true},
	rtcpAppDataStr:     {Name: "rtcp.app.data_str", Label: "Application specific data", Kind: KindString},
}

var protoRTCP = protoField("rtcp", "Real-time Transport Control Protocol")

// rtcpBlocks returns the report blocks of an SR or RR, and false when the
// count runs past the packet.
func rtcpBlocks(r RTCP) ([]byte, bool) {
	off := 8
	if r.Type() == 200 {
		off = 28
	}
	if off > len(r) || off+r.Count()*24 > len(r) {
		return nil, false
	}
	return r[off : off+r.Count()*24], true
}

// rtcpBye returns a BYE's reason (nil without one) and whether the packet
// holds what its count says.
func rtcpBye(r RTCP) (reason []byte, ok bool) {
	off := 4 + r.Count()*4
	if off > len(r) {
		return nil, false
	}
	if off < len(r) && r[off] > 0 {
		n := int(r[off])
		if off+1+n > len(r) {
			return nil, false
		}
		return r[off+1 : off+1+n], true
	}
	return nil, true
}

func emitRTCP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	f := &rtcpFields
	e.Proto(&protoRTCP)
	if l.Malformed != "" {
		e.End()
		return
	}
	r := RTCP(d.data[l.Start:l.Payload])
	name := rtcpTypeName(r.Type())
	if name != "" && e.Tree() {
		b := append(e.Text(), protoRTCP.Label...)
		b = append(b, " ("...)
		b = append(b, name...)
		e.SetRepr(append(b, ')'))
	}
	emitStreamSetup(e, i, &f[rtcpSetup], &f[rtcpSetupFrame], &f[rtcpSetupMethod], false)
	e.UintBits(&f[rtcpVersion], uint64(r[0]))
	e.BoolBits(&f[rtcpPadding], uint64(r[0]))
	// The tree draws the rest of the five types it knows.
	known := r.Type() >= 200 && r.Type() <= 204
	hide := func() {
		if !known {
			e.NoTree()
		}
	}
	switch r.Type() {
	case 200, 201:
		e.UintBits(&f[rtcpRC], uint64(r[0]))
	case 202, 203:
		e.UintBits(&f[rtcpSC], uint64(r[0]))
	case 204:
		e.UintBits(&f[rtcpAppSubtype], uint64(r[0]))
	}
	e.Uint(&f[rtcpPT], uint64(r.Type()))
	hide()
	if known && e.Tree() {
		b := append(e.Text(), "Packet type: "...)
		b = append(b, name...)
		b = append(b, " ("...)
		b = strconv.AppendInt(b, int64(r.Type()), 10)
		e.SetRepr(append(b, ')'))
	}
	e.Uint(&f[rtcpLength], uint64(be16(r[2:])))
	hide()
	if known && e.Tree() {
		b := append(e.Text(), "Length: "...)
		b = strconv.AppendInt(b, int64(be16(r[2:])), 10)
		b = append(b, " ("...)
		b = strconv.AppendInt(b, int64(len(r)), 10)
		e.SetRepr(append(b, " bytes)"...))
	}
	switch r.Type() {
	case 200, 201:
		blocks, ok := rtcpBlocks(r)
		if !ok || len(r) < 8 {
			known = false // the tree stops here
			break
		}
		e.Uint(&f[rtcpSenderSSRC], uint64(be32(r[4:])))
		if r.Type() == 200 {
			for _, k := range [...]int{rtcpNTPMSW, rtcpNTPLSW} {
				v := be32(r[8+4*(k-rtcpNTPMSW):])
				e.Uint(&f[k], uint64(v))
				if e.Tree() {
					b := append(e.Text(), f[k].Label...)
					b = append(b, ": "...)
					b = strconv.AppendUint(b, uint64(v), 10)
					b = append(b, " (0x"...)
					b = appendHexN(b, uint64(v), 8)
					e.SetRepr(append(b, ')'))
				}
			}
			if be32(r[8:]) != 0 {
				emitNTPTime(e, &f[rtcpNTPTime], r[8:16])
			}
			e.Uint(&f[rtcpRTPTimestamp], uint64(be32(r[16:])))
			e.Uint(&f[rtcpPacketCount], uint64(be32(r[20:])))
			e.Uint(&f[rtcpOctetCount], uint64(be32(r[24:])))
		}
		for k := 0; k+24 <= len(blocks); k += 24 {
			b := blocks[k:]
			if e.Tree() {
				t := append(e.Text(), "Source "...)
				e.Line(strconv.AppendInt(t, int64(k/24+1), 10))
			}
			e.Sub()
			e.Uint(&f[rtcpSSRCIdentifier], uint64(be32(b)))
			e.LineString("SSRC contents")
			e.Sub()
			e.Uint(&f[rtcpSSRCFraction], uint64(b[4]))
			if e.Tree() {
				t := append(e.Text(), "Fraction lost: "...)
				t = strconv.AppendInt(t, int64(b[4]), 10)
				e.SetRepr(append(t, " / 256"...))
			}
			e.Int(&f[rtcpSSRCCumNr], int64(int32(be32(b[4:])<<8)>>8))
			e.Up()
			e.Uint(&f[rtcpSSRCExtHigh], uint64(be32(b[8:])))
			e.Sub()
			e.Uint(&f[rtcpSSRCHighCycles], uint64(be16(b[8:])))
			e.Uint(&f[rtcpSSRCHighSeq], uint64(be16(b[10:])))
			e.Up()
			e.Uint(&f[rtcpSSRCJitter], uint64(be32(b[12:])))
			lsr := be32(b[16:])
			e.Uint(&f[rtcpSSRCLSR], uint64(lsr))
			if e.Tree() {
				t := append(e.Text(), "Last SR timestamp: "...)
				t = strconv.AppendUint(t, uint64(lsr), 10)
				t = append(t, " (0x"...)
				t = appendHexN(t, uint64(lsr), 8)
				e.SetRepr(append(t, ')'))
			}
			dlsr := be32(b[20:])
			e.Uint(&f[rtcpSSRCDLSR], uint64(dlsr))
			if e.Tree() {
				t := append(e.Text(), "Delay since last SR timestamp: "...)
				t = strconv.AppendUint(t, uint64(dlsr), 10)
				t = append(t, " ("...)
				t = strconv.AppendInt(t, int64(float64(dlsr)/65.536), 10)
				e.SetRepr(append(t, " milliseconds)"...))
			}
			e.Up()
		}
	case 202:
		chunk := 0
		rtcpWalkSDES(r, func(ssrc uint32) {
			if chunk > 0 {
				e.Up()
				e.Up()
			}
			chunk++
			if e.Tree() {
				t := append(e.Text(), "Chunk "...)
				t = strconv.AppendInt(t, int64(chunk), 10)
				t = append(t, ", SSRC/CSRC 0x"...)
				e.Line(appendHexNUpper(t, uint64(ssrc), 8))
			}
			e.Sub()
			e.Uint(&f[rtcpSSRCIdentifier], uint64(ssrc))
			e.LineString("SDES items")
			e.Sub()
		}, func(typ uint8, text []byte, end bool) {
			e.Uint(&f[rtcpSDESType], uint64(typ))
			if e.Tree() {
				t := append(e.Text(), "Type: "...)
				if int(typ) < len(rtcpSDESNames) {
					t = append(t, rtcpSDESNames[typ]...)
				} else {
					t = append(t, "Unknown"...)
				}
				t = append(t, " ("...)
				t = strconv.AppendInt(t, int64(typ), 10)
				e.SetRepr(append(t, ')'))
			}
			if !end {
				e.Uint(&f[rtcpSDESLength], uint64(len(text)))
				e.TextDone(&f[rtcpSDESText], appendWSText(e.Text(), text))
				emitRTCPTextRepr(e, "Text: ", text)
			}
		})
		if chunk > 0 {
			e.Up()
			e.Up()
		}
	case 203:
		reason, ok := rtcpBye(r)
		if !ok {
			known = false
			break
		}
		for k := range r.Count() {
			e.Uint(&f[rtcpSSRCIdentifier], uint64(be32(r[4+4*k:])))
		}
		if reason != nil {
			e.Uint(&f[rtcpSDESLength], uint64(len(reason)))
			e.TextDone(&f[rtcpSDESText], appendWSText(e.Text(), reason))
			emitRTCPTextRepr(e, "Text: ", reason)
		}
	case 204:
		known = known && len(r) >= 12
		if len(r) >= 12 {
			e.Uint(&f[rtcpSSRCIdentifier], uint64(be32(r[4:])))
			e.TextDone(&f[rtcpAppName], appendWSText(e.Text(), r[8:12]))
			emitRTCPTextRepr(e, "Name (ASCII): ", r[8:12])
			if data := r[12:]; len(data) > 0 && rtcpPrintable(data) {
				e.TextDone(&f[rtcpAppDataStr], appendWSText(e.Text(), data))
				emitRTCPTextRepr(e, "Application specific data: ", data)
			}
		}
	}
	if rtcpLast(d, i) {
		e.Bool(&f[rtcpLengthCheck], true)
		hide()
		if known && e.Tree() {
			t := append(e.Text(), "RTCP frame length check: OK - "...)
			t = strconv.AppendInt(t, int64(rtcpCompoundLen(d, i)), 10)
			e.SetRepr(append(t, " bytes"...))
		}
	}
	e.End()
}

// emitRTCPTextRepr gives the text field added last its tree line: label
// and the text as Wireshark's labels escape it.
func emitRTCPTextRepr(e *emitter, label string, text []byte) {
	if e.Tree() {
		e.SetRepr(appendWSLabelText(append(e.Text(), label...), text))
	}
}

// rtcpWalkSDES calls chunk for each chunk's SSRC and item for each of its
// items (end is set for the END item). It stops at the first item that
// runs past the packet, or at a PRIV item.
func rtcpWalkSDES(r RTCP, chunk func(uint32), item func(typ uint8, text []byte, end bool)) {
	off := 4
	for c := 0; c < r.Count() && off+4 <= len(r); c++ {
		chunk(be32(r[off:]))
		off += 4
		for off < len(r) {
			typ := r[off]
			if typ == 0 {
				item(0, nil, true)
				off++
				off = (off + 3) &^ 3
				break
			}
			if typ == 8 || off+2 > len(r) || off+2+int(r[off+1]) > len(r) {
				return
			}
			n := int(r[off+1])
			item(typ, r[off+2:off+2+n], false)
			off += 2 + n
		}
	}
}

func rtcpPrintable(b []byte) bool {
	for _, c := range b {
		if c < 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}

// infoRTCP appends tshark's Info column for the RTCP packets from layer i
// on: each type's name and three spaces ("Sender Report   Source
// description   "), an APP packet's name and subtype.
func infoRTCP(b []byte, d *Decoder, i int) []byte {
	k := i
	for k > 0 && d.layers[k-1].Type == LayerRTCP {
		k--
	}
	for ; k < d.n && d.layers[k].Type == LayerRTCP; k++ {
		l := &d.layers[k]
		if l.Malformed != "" {
			break
		}
		r := RTCP(d.data[l.Start:l.Payload])
		b = append(b, rtcpTypeName(r.Type())...)
		b = append(b, "   "...)
		if r.Type() == 204 && len(r) >= 12 {
			b = append(b, "( "...)
			b = appendWSFormatText(b, r[8:12])
			b = append(b, " ) subtype="...)
			b = strconv.AppendInt(b, int64(r.Count()), 10)
		}
	}
	return b
}
