package decode

import "strconv"

// RTP is an RTP packet (RFC 3550): version, padding, extension and CSRC
// count, marker and payload type, sequence number, timestamp, SSRC, then
// the CSRC list, an optional extension and the payload. Wireshark (and
// rawcap) decodes it on the ports an SDP description announced (voip.go)
// and on those --decode-as names (udp.port=N:rtp); not by guessing.
type RTP []byte

const rtpFixedLen = 12

func (d *Decoder) decodeRTP(l *Layer) LayerType {
	b := d.data[l.Start:l.End]
	if len(b) < rtpFixedLen {
		l.Malformed = ReasonTruncated
		return LayerNone
	}
	n := rtpFixedLen + int(b[0]&0x0f)*4
	if b[0]&0x10 != 0 {
		if n+4 > len(b) {
			l.Malformed = ReasonTruncated
			return LayerNone
		}
		n += 4 + int(be16(b[n+2:]))*4
	}
	if n > len(b) {
		l.Malformed = ReasonTruncated
		return LayerNone
	}
	l.Payload = l.End // the payload is RTP's (rtp.payload)
	return LayerNone
}

// rtpPayloadTypeName returns Wireshark's name of a payload type ("" for
// one it leaves unnamed).
func rtpPayloadTypeName(pt int) string {
	if pt >= 96 && pt <= 127 {
		return rtpDynamicNames[pt-96]
	}
	switch pt {
	case 0:
		return "ITU-T G.711 PCMU"
	case 3:
		return "GSM 06.10"
	case 4:
		return "ITU-T G.723"
	case 5:
		return "DVI4 8000 samples/s"
	case 6:
		return "DVI4 16000 samples/s"
	case 8:
		return "ITU-T G.711 PCMA"
	case 9:
		return "ITU-T G.722"
	case 13:
		return "Comfort noise"
	case 15:
		return "ITU-T G.728"
	case 18:
		return "ITU-T G.729"
	case 26:
		return "JPEG-compressed video"
	case 31:
		return "ITU-T H.261"
	case 34:
		return "ITU-T H.263"
	}
	return ""
}

var rtpDynamicNames = func() (n [32]string) {
	for k := range n {
		n[k] = "DynamicRTP-Type-" + strconv.Itoa(96+k)
	}
	return n
}()

// The fields, as Wireshark registers them.
const (
	rtpSetup = iota
	rtpSetupFrame
	rtpSetupMethod
	rtpVersion
	rtpPadding
	rtpExt
	rtpCC
	rtpMarker
	rtpPType
	rtpSeq
	rtpExtSeq
	rtpTimestamp
	rtpSSRC
	rtpPayload
	rtpFieldCount
)

var rtpFields = [rtpFieldCount]Field{
	rtpSetup:       {Name: "rtp.setup", Label: "Stream setup", Kind: KindString, Generated: true},
	rtpSetupFrame:  {Name: "rtp.setup-frame", Label: "Setup frame", Kind: KindFrameNum, Generated: true},
	rtpSetupMethod: {Name: "rtp.setup-method", Label: "Setup Method", Kind: KindString, Generated: true},
	rtpVersion:     {Name: "rtp.version", Label: "Version", Kind: KindUint, Width: 8, Mask: 0xc0},
	rtpPadding:     {Name: "rtp.padding", Label: "Padding", Kind: KindBool, Width: 8, Mask: 0x20},
	rtpExt:         {Name: "rtp.ext", Label: "Extension", Kind: KindBool, Width: 8, Mask: 0x10},
	rtpCC:          {Name: "rtp.cc", Label: "Contributing source identifiers count", Kind: KindUint, Width: 8, Mask: 0x0f},
	rtpMarker:      {Name: "rtp.marker", Label: "Marker", Kind: KindBool, Width: 8, Mask: 0x80},
	rtpPType:       {Name: "rtp.p_type", Label: "Payload type", Kind: KindUint, Width: 8, Mask: 0x7f},
	rtpSeq:         {Name: "rtp.seq", Label: "Sequence number", Kind: KindUint, Width: 16},
	rtpExtSeq:      {Name: "rtp.extseq", Label: "Extended sequence number", Kind: KindUint, Width: 32, Generated: true},
	rtpTimestamp:   {Name: "rtp.timestamp", Label: "Timestamp", Kind: KindUint, Width: 32},
	rtpSSRC:        {Name: "rtp.ssrc", Label: "Synchronization Source identifier", Kind: KindUint, Width: 32, Base: BaseHexDec},
	rtpPayload:     {Name: "rtp.payload", Label: "Payload", Kind: KindBytes},
}

var protoRTP = protoField("rtp", "Real-Time Transport Protocol")

// rtpSimple reports whether rawcap draws the whole packet: version 2, no
// padding, extension or CSRCs.
func rtpSimple(b []byte) bool { return b[0]&0xff == 0x80 }

func emitRTP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	f := &rtpFields
	e.Proto(&protoRTP)
	if l.Malformed != "" {
		e.End()
		return
	}
	b := d.data[l.Start:l.End]
	emitStreamSetup(e, i, &f[rtpSetup], &f[rtpSetupFrame], &f[rtpSetupMethod], true)
	e.UintBits(&f[rtpVersion], uint64(b[0]))
	e.BoolBits(&f[rtpPadding], uint64(b[0]))
	e.BoolBits(&f[rtpExt], uint64(b[0]))
	e.UintBits(&f[rtpCC], uint64(b[0]))
	e.BoolBits(&f[rtpMarker], uint64(b[1]))
	pt := int(b[1] & 0x7f)
	e.Uint(&f[rtpPType], uint64(pt))
	if name := rtpPayloadTypeName(pt); name == "" {
		e.NoTree()
	} else if e.Tree() {
		t := append(e.Text(), "Payload type: "...)
		t = append(t, name...)
		t = append(t, " ("...)
		t = strconv.AppendInt(t, int64(pt), 10)
		e.SetRepr(append(t, ')'))
	}
	e.Uint(&f[rtpSeq], uint64(be16(b[2:])))
	if n := e.conv.rtpNote(i); n != nil && n.hasExtSeq {
		e.Uint(&f[rtpExtSeq], uint64(n.extSeq))
	}
	e.Uint(&f[rtpTimestamp], uint64(be32(b[4:])))
	e.Uint(&f[rtpSSRC], uint64(be32(b[8:])))
	if rtpSimple(b) && len(b) > rtpFixedLen {
		e.Bytes(&f[rtpPayload], b[rtpFixedLen:])
	}
	e.End()
}

// emitStreamSetup emits, for an RTP or RTCP layer i of a stream an SDP
// description (or --decode-as) set up, the setup field (tshark's "[Stream
// setup by SDP (frame N)]" line) and beneath it the frame and the method, and with callID the Call-ID of the SIP dialogue that
// described it.
func emitStreamSetup(e *emitter, i int, setup, frame, method *Field, callID bool) {
	n := e.conv.rtpNote(i)
	if n == nil || !n.media {
		return
	}
	e.String(setup, "") // tshark's value is empty; its line says it all
	if e.Tree() {
		b := append(e.Text(), "Stream setup by "...)
		b = append(b, n.setupMethod()...)
		b = append(b, " (frame "...)
		b = strconv.AppendInt(b, int64(n.setup), 10)
		e.SetRepr(append(b, ')'))
	}
	e.Sub()
	e.Uint(frame, uint64(n.setup))
	e.String(method, n.setupMethod())
	if callID && n.idLen > 0 {
		e.Bytes(&sipFields[sipCallIDGenerated], n.callID[:n.idLen])
		if e.Tree() {
			b := append(e.Text(), sipFields[sipCallIDGenerated].Label...)
			b = append(b, ": "...)
			e.SetRepr(appendWSLabelText(b, n.callID[:n.idLen]))
		}
	}
	e.Up()
}

// setupMethod returns how the stream was set up: "SDP" or "DECODE AS".
func (n *voipNote) setupMethod() string {
	if n.decodeAs {
		return "DECODE AS"
	}
	return "SDP"
}

// infoRTP appends tshark's Info column: "PT=ITU-T G.711 PCMU,
// SSRC=0x1A2B3C4D, Seq=1000, Time=0, Mark".
func infoRTP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	r := d.data[l.Start:l.End]
	if len(r) < rtpFixedLen {
		return b
	}
	b = append(b, "PT="...)
	pt := int(r[1] & 0x7f)
	if name := rtpPayloadTypeName(pt); name != "" {
		b = append(b, name...)
	} else {
		b = append(b, "Unknown ("...)
		b = strconv.AppendInt(b, int64(pt), 10)
		b = append(b, ')')
	}
	b = append(b, ", SSRC=0x"...)
	b = appendHexNUpper(b, uint64(be32(r[8:])), 8)
	b = append(b, ", Seq="...)
	b = strconv.AppendUint(b, uint64(be16(r[2:])), 10)
	b = append(b, ", Time="...)
	b = strconv.AppendUint(b, uint64(be32(r[4:])), 10)
	if r[1]&0x80 != 0 {
		b = append(b, ", Mark"...)
	}
	return b
}

func appendHexNUpper(b []byte, v uint64, digits int) []byte {
	const hex = "0123456789ABCDEF"
	for k := digits - 1; k >= 0; k-- {
		b = append(b, hex[v>>(4*k)&15])
	}
	return b
}
