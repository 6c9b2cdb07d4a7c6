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
	rtcpSetupFrame = iota
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
	rtcpFieldCount
)

var rtcpFields = [rtcpFieldCount]Field{
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
	if n := e.conv.rtpNote(i); n != nil && n.media {
		e.Uint(&f[rtcpSetupFrame], uint64(n.setup))
		e.String(&f[rtcpSetupMethod], n.setupMethod())
	}
	e.Uint(&f[rtcpVersion], uint64(r[0]>>6))
	e.Bool(&f[rtcpPadding], r[0]&0x20 != 0)
	switch r.Type() {
	case 200, 201:
		e.Uint(&f[rtcpRC], uint64(r.Count()))
	case 202, 203:
		e.Uint(&f[rtcpSC], uint64(r.Count()))
	case 204:
		e.Uint(&f[rtcpAppSubtype], uint64(r.Count()))
	}
	e.Uint(&f[rtcpPT], uint64(r.Type()))
	e.Uint(&f[rtcpLength], uint64(be16(r[2:])))
	switch r.Type() {
	case 200, 201:
		blocks, ok := rtcpBlocks(r)
		if !ok || len(r) < 8 {
			break
		}
		e.Uint(&f[rtcpSenderSSRC], uint64(be32(r[4:])))
		if r.Type() == 200 {
			e.Uint(&f[rtcpNTPMSW], uint64(be32(r[8:])))
			e.Uint(&f[rtcpNTPLSW], uint64(be32(r[12:])))
			e.Uint(&f[rtcpRTPTimestamp], uint64(be32(r[16:])))
			e.Uint(&f[rtcpPacketCount], uint64(be32(r[20:])))
			e.Uint(&f[rtcpOctetCount], uint64(be32(r[24:])))
		}
		for k := 0; k+24 <= len(blocks); k += 24 {
			b := blocks[k:]
			e.Uint(&f[rtcpSSRCIdentifier], uint64(be32(b)))
			e.Uint(&f[rtcpSSRCFraction], uint64(b[4]))
			e.Int(&f[rtcpSSRCCumNr], int64(int32(be32(b[4:])<<8)>>8))
			e.Uint(&f[rtcpSSRCExtHigh], uint64(be32(b[8:])))
			e.Uint(&f[rtcpSSRCHighCycles], uint64(be16(b[8:])))
			e.Uint(&f[rtcpSSRCHighSeq], uint64(be16(b[10:])))
			e.Uint(&f[rtcpSSRCJitter], uint64(be32(b[12:])))
			e.Uint(&f[rtcpSSRCLSR], uint64(be32(b[16:])))
			e.Uint(&f[rtcpSSRCDLSR], uint64(be32(b[20:])))
		}
	case 202:
		rtcpWalkSDES(r, func(ssrc uint32) {
			e.Uint(&f[rtcpSSRCIdentifier], uint64(ssrc))
		}, func(typ uint8, text []byte, end bool) {
			e.Uint(&f[rtcpSDESType], uint64(typ))
			if !end {
				e.Uint(&f[rtcpSDESLength], uint64(len(text)))
				e.TextDone(&f[rtcpSDESText], appendWSText(e.Text(), text))
			}
		})
	case 203:
		reason, ok := rtcpBye(r)
		if !ok {
			break
		}
		for k := range r.Count() {
			e.Uint(&f[rtcpSSRCIdentifier], uint64(be32(r[4+4*k:])))
		}
		if reason != nil {
			e.Uint(&f[rtcpSDESLength], uint64(len(reason)))
			e.TextDone(&f[rtcpSDESText], appendWSText(e.Text(), reason))
		}
	case 204:
		if len(r) >= 12 {
			e.Uint(&f[rtcpSSRCIdentifier], uint64(be32(r[4:])))
			e.TextDone(&f[rtcpAppName], appendWSText(e.Text(), r[8:12]))
		}
	}
	if rtcpLast(d, i) {
		e.Bool(&f[rtcpLengthCheck], true)
	}
	e.End()
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

func treeRTCP(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	t.head("Real-time Transport Control Protocol")
	if l.Malformed != "" {
		t.end()
		return
	}
	r := RTCP(d.data[l.Start:l.Payload])
	name := rtcpTypeName(r.Type())
	if name != "" {
		t.b = append(t.b, " ("...)
		t.b = append(t.b, name...)
		t.b = append(t.b, ')')
	}
	t.end()
	treeRTPSetup(t, i)
	t.depth = 1
	v := uint64(r[0])
	t.bits(v, 8, 0xc0, "Version")
	switch r[0] >> 6 {
	case 2:
		t.b = append(t.b, "RFC 1889 Version (2)"...)
	case 1:
		t.b = append(t.b, "First Draft Version (1)"...)
	case 0:
		t.b = append(t.b, "Old VAT Version (0)"...)
	default:
		t.b = append(t.b, "Unknown (3)"...)
	}
	t.end()
	treeBool(t, v, 0x20, "Padding")
	countLabel := "Reception report count"
	switch r.Type() {
	case 202, 203:
		countLabel = "Source count"
	case 204:
		countLabel = "Subtype"
	}
	switch r.Type() {
	case 200, 201, 202, 203, 204:
		t.bits(v, 8, 0x1f, countLabel)
		t.b = strconv.AppendInt(t.b, int64(r.Count()), 10)
		t.end()
	default:
		return // other types: the rest is not drawn yet
	}
	t.line()
	t.b = append(t.b, "Packet type: "...)
	t.b = append(t.b, name...)
	t.b = append(t.b, " ("...)
	t.b = strconv.AppendInt(t.b, int64(r.Type()), 10)
	t.b = append(t.b, ')')
	t.end()
	t.line()
	t.b = append(t.b, "Length: "...)
	t.b = strconv.AppendInt(t.b, int64(be16(r[2:])), 10)
	t.b = append(t.b, " ("...)
	t.b = strconv.AppendInt(t.b, int64(len(r)), 10)
	t.b = append(t.b, " bytes)"...)
	t.end()
	switch r.Type() {
	case 200, 201:
		blocks, ok := rtcpBlocks(r)
		if !ok || len(r) < 8 {
			return
		}
		t.hexInt("Sender SSRC", uint64(be32(r[4:])), 8)
		if r.Type() == 200 {
			for _, x := range [...]struct {
				label string
				off   int
			}{{"Timestamp, MSW", 8}, {"Timestamp, LSW", 12}} {
				t.line()
				t.b = append(t.b, x.label...)
				t.b = append(t.b, ": "...)
				t.b = strconv.AppendUint(t.b, uint64(be32(r[x.off:])), 10)
				t.b = append(t.b, " (0x"...)
				t.b = appendHexN(t.b, uint64(be32(r[x.off:])), 8)
				t.b = append(t.b, ')')
				t.end()
			}
			if be32(r[8:]) != 0 {
				t.line()
				t.b = append(t.b, "[MSW and LSW as NTP timestamp: "...)
				t.b = appendWSNTPTime(t.b, r[8:16])
				t.b = append(t.b, ']')
				t.end()
			}
			for _, x := range [...]struct {
				label string
				off   int
			}{{"RTP timestamp", 16}, {"Sender's packet count", 20}, {"Sender's octet count", 24}} {
				t.line()
				t.b = append(t.b, x.label...)
				t.b = append(t.b, ": "...)
				t.b = strconv.AppendUint(t.b, uint64(be32(r[x.off:])), 10)
				t.end()
			}
		}
		for k := 0; k+24 <= len(blocks); k += 24 {
			b := blocks[k:]
			t.depth = 1
			t.line()
			t.b = append(t.b, "Source "...)
			t.b = strconv.AppendInt(t.b, int64(k/24+1), 10)
			t.end()
			t.depth = 2
			t.hexInt("Identifier", uint64(be32(b)), 8)
			t.line()
			t.b = append(t.b, "SSRC contents"...)
			t.end()
			t.depth = 3
			t.line()
			t.b = append(t.b, "Fraction lost: "...)
			t.b = strconv.AppendInt(t.b, int64(b[4]), 10)
			t.b = append(t.b, " / 256"...)
			t.end()
			t.int("Cumulative number of packets lost", int(int32(be32(b[4:])<<8)>>8))
			t.depth = 2
			t.line()
			t.b = append(t.b, "Extended highest sequence number received: "...)
			t.b = strconv.AppendUint(t.b, uint64(be32(b[8:])), 10)
			t.end()
			t.depth = 3
			t.int("Sequence number cycles count", int(be16(b[8:])))
			t.int("Highest sequence number received", int(be16(b[10:])))
			t.depth = 2
			t.line()
			t.b = append(t.b, "Interarrival jitter: "...)
			t.b = strconv.AppendUint(t.b, uint64(be32(b[12:])), 10)
			t.end()
			t.line()
			t.b = append(t.b, "Last SR timestamp: "...)
			t.b = strconv.AppendUint(t.b, uint64(be32(b[16:])), 10)
			t.b = append(t.b, " (0x"...)
			t.b = appendHexN(t.b, uint64(be32(b[16:])), 8)
			t.b = append(t.b, ')')
			t.end()
			dlsr := be32(b[20:])
			t.line()
			t.b = append(t.b, "Delay since last SR timestamp: "...)
			t.b = strconv.AppendUint(t.b, uint64(dlsr), 10)
			t.b = append(t.b, " ("...)
			t.b = strconv.AppendInt(t.b, int64(float64(dlsr)/65.536), 10)
			t.b = append(t.b, " milliseconds)"...)
			t.end()
		}
		t.depth = 1
	case 202:
		chunk := 0
		rtcpWalkSDES(r, func(ssrc uint32) {
			chunk++
			t.depth = 1
			t.line()
			t.b = append(t.b, "Chunk "...)
			t.b = strconv.AppendInt(t.b, int64(chunk), 10)
			t.b = append(t.b, ", SSRC/CSRC 0x"...)
			t.b = appendHexNUpper(t.b, uint64(ssrc), 8)
			t.end()
			t.depth = 2
			t.hexInt("Identifier", uint64(ssrc), 8)
			t.line()
			t.b = append(t.b, "SDES items"...)
			t.end()
		}, func(typ uint8, text []byte, end bool) {
			t.depth = 3
			t.line()
			t.b = append(t.b, "Type: "...)
			if int(typ) < len(rtcpSDESNames) {
				t.b = append(t.b, rtcpSDESNames[typ]...)
			} else {
				t.b = append(t.b, "Unknown"...)
			}
			t.b = append(t.b, " ("...)
			t.b = strconv.AppendInt(t.b, int64(typ), 10)
			t.b = append(t.b, ')')
			t.end()
			if !end {
				t.int("Length", len(text))
				sipTreeStr(t, "Text", text)
			}
		})
		t.depth = 1
	case 203:
		reason, ok := rtcpBye(r)
		if !ok {
			return
		}
		for k := range r.Count() {
			t.hexInt("Identifier", uint64(be32(r[4+4*k:])), 8)
		}
		if reason != nil {
			t.int("Length", len(reason))
			sipTreeStr(t, "Text", reason)
		}
	case 204:
		if len(r) < 12 {
			return
		}
		t.hexInt("Identifier", uint64(be32(r[4:])), 8)
		sipTreeStr(t, "Name (ASCII)", r[8:12])
		if data := r[12:]; len(data) > 0 && rtcpPrintable(data) {
			sipTreeStr(t, "Application specific data", data)
		}
	}
	if rtcpLast(d, i) {
		t.depth = 1
		t.line()
		t.b = append(t.b, "[RTCP frame length check: OK - "...)
		t.b = strconv.AppendInt(t.b, int64(rtcpCompoundLen(d, i)), 10)
		t.b = append(t.b, " bytes]"...)
		t.end()
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
