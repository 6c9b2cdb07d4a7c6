package decode

import "strconv"

// WLAN is an IEEE 802.11 MAC header (link type IEEE802_11, 105, or after a
// radiotap header): frame control, duration, up to four addresses,
// sequence control, QoS control and HT control, all little-endian:
//
//	| FC (2) | Duration/ID (2) | Addr1 | Addr2 | Addr3 | Seq (2) | Addr4 | QoS (2) | HTC (4) |
//
// Which fields are there depends on the type and subtype: control frames
// stop after one or two addresses, Addr4 is only in frames both to and
// from the DS, QoS control only in QoS data frames.
type WLAN []byte

// Frame types.
const (
	wlanMgmt = 0
	wlanCtrl = 1
	wlanData = 2
)

// Frame control flags (the second byte).
const (
	wlanToDS      = 0x01
	wlanFromDS    = 0x02
	wlanMoreFrag  = 0x04
	wlanRetry     = 0x08
	wlanPwrMgt    = 0x10
	wlanMoreData  = 0x20
	wlanProtected = 0x40
	wlanOrder     = 0x80
)

// Management subtypes.
const (
	wlanAssocReq    = 0
	wlanAssocResp   = 1
	wlanReassocReq  = 2
	wlanReassocResp = 3
	wlanProbeReq    = 4
	wlanProbeResp   = 5
	wlanBeacon      = 8
	wlanATIM        = 9
	wlanDisassoc    = 10
	wlanAuth        = 11
	wlanDeauth      = 12
	wlanAction      = 13
)

// wlanHeaderLen returns the MAC header's length for frame control fc0
// (type/subtype byte) and flags, or 0 for a frame rawcap does not lay out.
func wlanHeaderLen(fc0, flags uint8) int {
	typ, sub := fc0>>2&3, fc0>>4
	switch typ {
	case wlanMgmt:
		if flags&wlanOrder != 0 {
			return 28
		}
		return 24
	case wlanCtrl:
		switch sub {
		case 12, 13: // CTS, ACK
			return 10
		case 8: // Block Ack Request: RA, TA, control
			return 18
		case 9: // Block Ack: RA, TA, control
			return 18
		case 10, 11, 14, 15, 4, 5: // PS-Poll, RTS, CF-End(+Ack), beamforming poll, NDPA
			return 16
		}
		return 0
	case wlanData:
		n := 24
		if flags&(wlanToDS|wlanFromDS) == wlanToDS|wlanFromDS {
			n += 6
		}
		if sub&8 != 0 {
			n += 2
			if flags&wlanOrder != 0 {
				n += 4
			}
		}
		return n
	}
	return 0
}

// ParseWLAN returns the 802.11 MAC header at the start of b.
func ParseWLAN(b []byte) (WLAN, error) {
	if len(b) < 2 {
		return nil, ReasonTruncated
	}
	if b[0]&3 != 0 {
		return nil, ReasonBadVersion
	}
	n := wlanHeaderLen(b[0], b[1])
	if n == 0 {
		n = 2
		if len(b) >= 4 {
			n = 4
		}
	}
	if n > len(b) {
		return nil, ReasonTruncated
	}
	return WLAN(b[:n:n]), nil
}

// FC returns the frame control field as tshark shows it (first byte high).
func (w WLAN) FC() uint16 { return be16(w) }

// Type returns the frame type (0 management, 1 control, 2 data).
func (w WLAN) Type() uint8 { return w[0] >> 2 & 3 }

// Subtype returns the frame subtype.
func (w WLAN) Subtype() uint8 { return w[0] >> 4 }

// TypeSubtype returns Wireshark's wlan.fc.type_subtype (type<<4 | subtype).
func (w WLAN) TypeSubtype() uint16 { return uint16(w.Type())<<4 | uint16(w.Subtype()) }

// Flags returns the frame control flags.
func (w WLAN) Flags() uint8 { return w[1] }

// Duration returns the duration/ID field.
func (w WLAN) Duration() uint16 {
	if len(w) < 4 {
		return 0
	}
	return le16(w[2:])
}

// Addr returns address k (1..4), and whether the header has it.
func (w WLAN) Addr(k int) (MAC, bool) {
	off := 4 + 6*(k-1)
	if k == 4 {
		off = 24
	}
	if len(w) < off+6 || k == 4 && (w.Type() != wlanData || w.Flags()&3 != 3) {
		return MAC{}, false
	}
	return MAC(w[off : off+6]), true
}

// hasSeq reports whether the header has a sequence control field.
func (w WLAN) hasSeq() bool { return w.Type() != wlanCtrl && len(w) >= 24 }

// Seq returns the sequence control field.
func (w WLAN) Seq() uint16 { return le16(w[22:]) }

// qosOff returns the offset of the QoS control field, or 0.
func (w WLAN) qosOff() int {
	if w.Type() != wlanData || w.Subtype()&8 == 0 {
		return 0
	}
	if w.Flags()&3 == 3 {
		return 30
	}
	return 24
}

// isNullData reports whether a data frame carries no data.
func (w WLAN) isNullData() bool { return w.Type() == wlanData && w.Subtype()&4 != 0 }

func (d *Decoder) decodeWLAN(l *Layer) LayerType {
	w, err := ParseWLAN(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	if radiotapFCS(d, d.n-1) && l.End-l.Start >= len(w)+4 {
		l.End -= 4 // the FCS is not the payload's
	}
	l.Payload = l.Start + len(w)
	switch w.Type() {
	case wlanMgmt:
		l.Payload = l.End // the body is drawn with the header
		return LayerNone
	case wlanData:
		if w.isNullData() || l.Payload == l.End {
			return LayerNone
		}
		if w.Flags()&wlanProtected != 0 {
			b := d.data[l.Payload:l.End]
			if len(b) >= 4 && b[3]&0x20 != 0 && len(b) >= 8 {
				l.Payload += 8 // CCMP or TKIP: the rest is ciphertext
			} else if len(b) >= 4 {
				l.Payload += 4 // WEP IV
			}
			return LayerNone
		}
		return LayerLLC
	}
	l.Payload = l.End
	return LayerNone
}

// wlanFCS returns the FCS after layer i, an 802.11 frame whose radio
// header says it has one.
func wlanFCS(d *Decoder, i int) (uint32, bool) {
	l := &d.layers[i]
	if !radiotapFCS(d, i-1) || l.End+4 > len(d.data) || l.Malformed != "" {
		return 0, false
	}
	return le32(d.data[l.End:]), true
}

// The fields, as Wireshark registers them.
const (
	wfFC = iota
	wfTypeSubtype
	wfVersion
	wfType
	wfSubtype
	wfDS
	wfDuration
	wfRA
	wfDA
	wfTA
	wfSA
	wfBSSID
	wfStaA
	wfFrag
	wfSeq
	wfQoS
	wfFCS
	wfTimestamp
	wfBeacon
	wfCapabilities
	wfAuthAlg
	wfAuthSeq
	wfStatus
	wfReason
	wfTagNumber
	wfTagLength
	wfSSID
	wfRates
	wfCurrentChannel
	wlanFieldCount
)

var wlanFields = [wlanFieldCount]Field{
	wfFC:             {Name: "wlan.fc", Label: "Frame Control Field", Kind: KindUint, Width: 16, Base: BaseHex},
	wfTypeSubtype:    {Name: "wlan.fc.type_subtype", Label: "Type/Subtype", Kind: KindUint, Width: 16, Base: BaseHex},
	wfVersion:        {Name: "wlan.fc.version", Label: "Version", Kind: KindUint, Width: 8, Mask: 0x3},
	wfType:           {Name: "wlan.fc.type", Label: "Type", Kind: KindUint, Width: 8, Mask: 0xc},
	wfSubtype:        {Name: "wlan.fc.subtype", Label: "Subtype", Kind: KindUint, Width: 8, Mask: 0xf0},
	wfDS:             {Name: "wlan.fc.ds", Label: "DS status", Kind: KindUint, Width: 8, Mask: 0x3, Base: BaseHex},
	wfDuration:       {Name: "wlan.duration", Label: "Duration", Kind: KindUint, Width: 16, Mask: 0x7fff},
	wfRA:             {Name: "wlan.ra", Label: "Receiver address", Kind: KindMAC},
	wfDA:             {Name: "wlan.da", Label: "Destination address", Kind: KindMAC},
	wfTA:             {Name: "wlan.ta", Label: "Transmitter address", Kind: KindMAC},
	wfSA:             {Name: "wlan.sa", Label: "Source address", Kind: KindMAC},
	wfBSSID:          {Name: "wlan.bssid", Label: "BSS Id", Kind: KindMAC},
	wfStaA:           {Name: "wlan.staa", Label: "STA address", Kind: KindMAC},
	wfFrag:           {Name: "wlan.frag", Label: "Fragment number", Kind: KindUint, Width: 16, Mask: 0xf},
	wfSeq:            {Name: "wlan.seq", Label: "Sequence number", Kind: KindUint, Width: 16, Mask: 0xfff0},
	wfQoS:            {Name: "wlan.qos", Label: "Qos Control", Kind: KindUint, Width: 16, Base: BaseHex},
	wfFCS:            {Name: "wlan.fcs", Label: "Frame check sequence", Kind: KindUint, Width: 32, Base: BaseHex},
	wfTimestamp:      {Name: "wlan.fixed.timestamp", Label: "Timestamp", Kind: KindUint, Width: 64},
	wfBeacon:         {Name: "wlan.fixed.beacon", Label: "Beacon Interval", Kind: KindUint, Width: 32},
	wfCapabilities:   {Name: "wlan.fixed.capabilities", Label: "Capabilities Information", Kind: KindUint, Width: 16, Base: BaseHex},
	wfAuthAlg:        {Name: "wlan.fixed.auth.alg", Label: "Authentication Algorithm", Kind: KindUint, Width: 16},
	wfAuthSeq:        {Name: "wlan.fixed.auth_seq", Label: "Authentication SEQ", Kind: KindUint, Width: 16, Base: BaseHex},
	wfStatus:         {Name: "wlan.fixed.status_code", Label: "Status code", Kind: KindUint, Width: 16, Base: BaseHex},
	wfReason:         {Name: "wlan.fixed.reason_code", Label: "Reason code", Kind: KindUint, Width: 16, Base: BaseHex},
	wfTagNumber:      {Name: "wlan.tag.number", Label: "Tag Number", Kind: KindUint, Width: 8},
	wfTagLength:      {Name: "wlan.tag.length", Label: "Tag length", Kind: KindUint, Width: 32},
	wfSSID:           {Name: "wlan.ssid", Label: "SSID", Kind: KindBytes},
	wfRates:          {Name: "wlan.supported_rates", Label: "Supported Rates", Kind: KindUint, Width: 8, Base: BaseHex},
	wfCurrentChannel: {Name: "wlan.ds.current_channel", Label: "Current Channel", Kind: KindUint, Width: 8},
}

var protoWLAN = protoField("wlan", "IEEE 802.11 wireless LAN")

func wlanName(f int, v uint64) string { return wlanFields[f].ValueNames().Name(v) }

// wlanAddrs lists, for a frame, which address fills each of tshark's
// roles, in the order its tree draws them: role field and address index.
func wlanAddrs(w WLAN, out *[6][2]int) int {
	n := 0
	add := func(f, k int) {
		if _, ok := w.Addr(k); ok {
			out[n] = [2]int{f, k}
			n++
		}
	}
	switch w.Type() {
	case wlanMgmt:
		add(wfRA, 1)
		add(wfDA, 1)
		add(wfTA, 2)
		add(wfSA, 2)
		add(wfBSSID, 3)
	case wlanCtrl:
		add(wfRA, 1)
		switch w.Subtype() {
		case 8, 9, 10, 11, 4, 5, 14, 15:
			add(wfTA, 2)
		}
	case wlanData:
		add(wfRA, 1)
		add(wfTA, 2)
		switch w.Flags() & 3 {
		case 0:
			add(wfDA, 1)
			add(wfSA, 2)
			add(wfBSSID, 3)
		case wlanToDS:
			add(wfDA, 3)
			add(wfSA, 2)
			add(wfBSSID, 1)
			add(wfStaA, 2)
		case wlanFromDS:
			add(wfDA, 1)
			add(wfSA, 3)
			add(wfBSSID, 2)
			add(wfStaA, 1)
		default:
			add(wfDA, 3)
			add(wfSA, 4)
		}
	}
	return n
}

// emitWLAN emits the MAC header's fields and a management frame's fixed
// and tagged parameters.
func emitWLAN(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoWLAN)
	if l.Malformed != "" {
		e.End()
		return
	}
	w := WLAN(d.data[l.Start : l.Start+wlanHeaderLenOf(d, i)])
	f := &wlanFields
	e.Uint(&f[wfFC], uint64(w.FC()))
	e.Uint(&f[wfTypeSubtype], uint64(w.TypeSubtype()))
	e.Uint(&f[wfVersion], 0)
	e.Uint(&f[wfType], uint64(w.Type()))
	e.Uint(&f[wfSubtype], uint64(w.Subtype()))
	e.Uint(&f[wfDS], uint64(w.Flags()&3))
	if len(w) >= 4 && !(w.Type() == wlanCtrl && w.Subtype() == 10) {
		e.Uint(&f[wfDuration], uint64(w.Duration()&0x7fff))
	}
	var roles [6][2]int
	for _, r := range roles[:wlanAddrs(w, &roles)] {
		a, _ := w.Addr(r[1])
		e.MAC(&f[r[0]], a)
	}
	if w.hasSeq() {
		e.Uint(&f[wfFrag], uint64(w.Seq()&0xf))
		e.Uint(&f[wfSeq], uint64(w.Seq()>>4))
	}
	if fcs, ok := wlanFCS(d, i); ok {
		e.Uint(&f[wfFCS], uint64(fcs))
	}
	if q := w.qosOff(); q > 0 {
		e.Uint(&f[wfQoS], uint64(le16(w[q:])))
	}
	if w.Type() == wlanMgmt {
		body := d.data[l.Start+len(w) : l.End]
		fixed := wlanFixedLen(w.Subtype())
		if fixed >= 0 && len(body) >= fixed {
			emitWLANFixed(e, w.Subtype(), body[:fixed])
			for off := fixed; off+2 <= len(body); {
				n := int(body[off+1])
				if off+2+n > len(body) {
					break
				}
				emitWLANTag(e, body[off], body[off+2:off+2+n])
				off += 2 + n
			}
		}
	}
	e.End()
}

// wlanHeaderLenOf returns the header length of layer i, an 802.11 layer
// that parsed.
func wlanHeaderLenOf(d *Decoder, i int) int {
	l := &d.layers[i]
	b := d.data[l.Start:l.End]
	n := wlanHeaderLen(b[0], b[1])
	if n == 0 {
		n = min(4, len(b))
	}
	return n
}

// wlanFixedLen returns the length of a management frame's fixed
// parameters, or -1 for a subtype whose body rawcap does not lay out.
func wlanFixedLen(sub uint8) int {
	switch sub {
	case wlanAssocReq:
		return 4
	case wlanAssocResp, wlanReassocResp:
		return 6
	case wlanReassocReq:
		return 10
	case wlanProbeReq, wlanATIM:
		return 0
	case wlanProbeResp, wlanBeacon:
		return 12
	case wlanDisassoc, wlanDeauth:
		return 2
	case wlanAuth:
		return 6
	}
	return -1
}

func emitWLANFixed(e *emitter, sub uint8, b []byte) {
	f := &wlanFields
	switch sub {
	case wlanAssocReq, wlanReassocReq:
		e.Uint(&f[wfCapabilities], uint64(le16(b)))
	case wlanAssocResp, wlanReassocResp:
		e.Uint(&f[wfCapabilities], uint64(le16(b)))
		e.Uint(&f[wfStatus], uint64(le16(b[2:])))
	case wlanProbeResp, wlanBeacon:
		e.Uint(&f[wfTimestamp], le64(b))
		e.Uint(&f[wfBeacon], uint64(le16(b[8:])))
		e.Uint(&f[wfCapabilities], uint64(le16(b[10:])))
	case wlanDisassoc, wlanDeauth:
		e.Uint(&f[wfReason], uint64(le16(b)))
	case wlanAuth:
		e.Uint(&f[wfAuthAlg], uint64(le16(b)))
		e.Uint(&f[wfAuthSeq], uint64(le16(b[2:])))
		e.Uint(&f[wfStatus], uint64(le16(b[4:])))
	}
}

func emitWLANTag(e *emitter, num uint8, v []byte) {
	f := &wlanFields
	e.Uint(&f[wfTagNumber], uint64(num))
	e.Uint(&f[wfTagLength], uint64(len(v)))
	switch num {
	case 0:
		if len(v) > 0 {
			e.Bytes(&f[wfSSID], v)
		}
	case 1, 50:
		for _, r := range v {
			e.Uint(&f[wfRates], uint64(r))
			if !e.all {
				break
			}
		}
	case 3:
		if len(v) == 1 {
			e.Uint(&f[wfCurrentChannel], uint64(v[0]))
		}
	}
}

// wlanFlagString appends tshark's flag characters (".p....F.") for flags,
// and "C" when the frame carries an FCS.
func appendWLANFlags(b []byte, flags uint8, fcs bool) []byte {
	const chars = "opmPRMFT"
	for k := range 8 {
		if flags&(0x80>>k) != 0 {
			b = append(b, chars[k])
		} else {
			b = append(b, '.')
		}
	}
	if fcs {
		b = append(b, 'C')
	}
	return b
}

var wlanFlagLines = [6]struct {
	mask    uint8
	label   string
	off, on string
}{
	{wlanMoreFrag, "More Fragments", "This is the last fragment", "More fragments follow"},
	{wlanRetry, "Retry", "Frame is not being retransmitted", "Frame is being retransmitted"},
	{wlanPwrMgt, "PWR MGT", "STA will stay up", "STA will go to sleep"},
	{wlanMoreData, "More Data", "No data buffered", "Data is buffered for STA at AP"},
	{wlanProtected, "Protected flag", "Data is not protected", "Data is protected"},
	{wlanOrder, "+HTC/Order flag", "Not strictly ordered", "Strictly ordered"},
}

var wlanDSNames = [4]string{
	"Not leaving DS or network is operating in AD-HOC mode (To DS: 0 From DS: 0) (0x0)",
	"Frame from STA to DS via an AP (To DS: 1 From DS: 0) (0x1)",
	"Frame from DS to a STA via AP(To DS: 0 From DS: 1) (0x2)",
	"WDS (AP to AP) or Mesh (MP to MP) Frame (To DS: 1 From DS: 1) (0x3)",
}

var wlanTypeNames = [4]string{"Management frame", "Control frame", "Data frame", "Extension frame"}

// treeWLAN appends the 802.11 subtree, and a management frame's body.
func treeWLAN(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	raw := d.data[l.Start:l.End]
	if len(raw) >= 1 && raw[0]&3 != 0 {
		t.head("IEEE 802.11 Unknown Protocol Version:")
		t.b = strconv.AppendInt(t.b, int64(raw[0]&3), 10)
		t.end()
		t.depth = 1
		t.bits(uint64(raw[0]), 8, 3, "Version")
		t.b = strconv.AppendInt(t.b, int64(raw[0]&3), 10)
		t.end()
		return
	}
	if l.Malformed != "" {
		return
	}
	w := WLAN(d.data[l.Start : l.Start+wlanHeaderLenOf(d, i)])
	fcs, hasFCS := wlanFCS(d, i)
	name := wlanName(wfTypeSubtype, uint64(w.TypeSubtype()))
	t.head("IEEE 802.11 ")
	t.b = append(t.b, name...)
	t.b = append(t.b, ", Flags: "...)
	t.b = appendWLANFlags(t.b, w.Flags(), hasFCS)
	t.end()
	t.depth = 1
	t.line()
	t.b = append(t.b, "Type/Subtype: "...)
	t.b = append(t.b, name...)
	t.b = append(t.b, " (0x"...)
	t.b = appendHex4(t.b, w.TypeSubtype())
	t.b = append(t.b, ')')
	t.end()
	t.hex("Frame Control Field", uint64(w.FC()), 4)
	t.depth = 2
	fc0 := uint64(w[0])
	t.bits(fc0, 8, 3, "Version")
	t.b = append(t.b, '0')
	t.end()
	t.bits(fc0, 8, 0xc, "Type")
	t.b = append(t.b, wlanTypeNames[w.Type()]...)
	t.b = append(t.b, " ("...)
	t.b = strconv.AppendInt(t.b, int64(w.Type()), 10)
	t.b = append(t.b, ')')
	t.end()
	t.bits(fc0, 8, 0xf0, "Subtype")
	t.b = strconv.AppendInt(t.b, int64(w.Subtype()), 10)
	t.end()
	fl := w.Flags()
	t.hex("Flags", uint64(fl), 2)
	t.depth = 3
	t.bits(uint64(fl), 8, 3, "DS status")
	t.b = append(t.b, wlanDSNames[fl&3]...)
	t.end()
	for _, fln := range wlanFlagLines {
		t.bits(uint64(fl), 8, uint64(fln.mask), fln.label)
		if fl&fln.mask != 0 {
			t.b = append(t.b, fln.on...)
		} else {
			t.b = append(t.b, fln.off...)
		}
		t.end()
	}
	t.depth = 1
	if len(w) >= 4 {
		dur := w.Duration()
		if w.Type() == wlanCtrl && w.Subtype() == 10 {
			t.bits(uint64(dur), 16, 0x3fff, "Association ID")
			t.b = strconv.AppendInt(t.b, int64(dur&0x3fff), 10)
			t.end()
		} else if dur&0x8000 == 0 {
			t.bits(uint64(dur), 16, 0x7fff, "Duration")
			t.b = strconv.AppendInt(t.b, int64(dur), 10)
			t.b = append(t.b, " microseconds"...)
			t.end()
		}
	}
	var roles [6][2]int
	for _, r := range roles[:wlanAddrs(w, &roles)] {
		a, _ := w.Addr(r[1])
		treeMAC(t, wlanFields[r[0]].Label, a)
	}
	if w.hasSeq() {
		seq := uint64(w.Seq())
		t.bits(seq, 16, 0xf, "Fragment number")
		t.b = strconv.AppendUint(t.b, seq&0xf, 10)
		t.end()
		t.bits(seq, 16, 0xfff0, "Sequence number")
		t.b = strconv.AppendUint(t.b, seq>>4, 10)
		t.end()
	}
	if hasFCS {
		t.line()
		t.b = append(t.b, "Frame check sequence: 0x"...)
		t.b = appendHexN(t.b, uint64(fcs), 8)
		t.b = append(t.b, " [unverified]"...)
		t.end()
		t.str("[FCS Status", "Unverified]")
	}
	if q := w.qosOff(); q > 0 {
		qos := uint64(le16(w[q:]))
		t.hex("Qos Control", qos, 4)
		t.depth = 2
		t.bits(qos, 16, 0xf, "TID")
		t.b = strconv.AppendUint(t.b, qos&0xf, 10)
		t.end()
		pri := qos & 7
		p := len(t.b) + 4*(t.depth+t.indent)
		t.bits(qos, 16, 7, "Priority")
		t.b = append(t.b, 0)
		copy(t.b[p+1:], t.b[p:])
		t.b[p] = '['
		t.b = append(t.b, wlanPriorityNames[pri]...)
		t.b = append(t.b, " ("...)
		t.b = strconv.AppendUint(t.b, pri, 10)
		t.b = append(t.b, ")]"...)
		t.end()
		t.depth = 1
	}
	if w.Type() == wlanData && fl&wlanProtected != 0 && l.Payload > l.Start+len(w) {
		iv := d.data[l.Start+len(w) : l.Payload]
		if len(iv) == 8 && !(iv[1] == (iv[0]|0x20)&0x7f) {
			t.line()
			t.b = append(t.b, "CCMP parameters"...)
			t.end()
			t.depth = 2
			t.line()
			t.b = append(t.b, "CCMP Ext. Initialization Vector: 0x"...)
			for _, k := range [...]int{7, 6, 5, 4, 1, 0} {
				t.b = appendHex2(t.b, iv[k])
			}
			t.end()
			t.int("Key Index", int(iv[3]>>6))
			t.depth = 1
		}
	}
	if w.Type() == wlanMgmt {
		treeWLANMgmt(t, w.Subtype(), d.data[l.Start+len(w):l.End])
	}
}

var wlanPriorityNames = [8]string{
	"Best Effort (Best Effort)", "Background (Background)", "Spare (Background)",
	"Excellent Effort (Best Effort)", "Controlled Load (Video)", "Video (Video)",
	"Voice (Voice)", "Network Control (Voice)",
}

var wlanCapLines = [16]struct{ label, off, on string }{
	{"ESS capabilities", "Transmitter is a STA", "Transmitter is an AP"},
	{"IBSS status", "Transmitter belongs to a BSS", "Transmitter belongs to an IBSS"},
	{"Reserved", "0", ""},
	{"Reserved", "0", ""},
	{"Privacy", "AP/STA cannot support WEP", "Data confidentiality required"},
	{"Short Preamble", "Not Allowed", "Allowed"},
	{"Reserved", "0", ""},
	{"Reserved", "0", ""},
	{"Spectrum Management", "Not Implemented", "Implemented"},
	{"QoS", "Not Implemented", "Implemented"},
	{"Short Slot Time", "Not in use", "In use"},
	{"Automatic Power Save Delivery", "Not Implemented", "Implemented"},
	{"Radio Measurement", "Not Implemented", "Implemented"},
	{"EPD", "Not Implemented", "Implemented"},
	{"Reserved", "0", ""},
	{"Reserved", "0", ""},
}

// treeWLANMgmt appends "IEEE 802.11 Wireless Management": the fixed and
// the tagged parameters of a management frame's body.
func treeWLANMgmt(t *treeWriter, sub uint8, body []byte) {
	fixed := wlanFixedLen(sub)
	if fixed < 0 || len(body) < fixed || len(body) == 0 && fixed == 0 {
		return
	}
	t.head("IEEE 802.11 Wireless Management")
	t.end()
	t.depth = 1
	if fixed > 0 {
		t.line()
		t.b = append(t.b, "Fixed parameters ("...)
		t.b = strconv.AppendInt(t.b, int64(fixed), 10)
		t.b = append(t.b, " bytes)"...)
		t.end()
		t.depth = 2
		b := body
		switch sub {
		case wlanAssocReq, wlanReassocReq:
			treeWLANCap(t, le16(b))
			t.hex("Listen Interval", uint64(le16(b[2:])), 4)
			if sub == wlanReassocReq {
				treeMAC(t, "Current AP address", MAC(b[4:10]))
			}
		case wlanAssocResp, wlanReassocResp:
			treeWLANCap(t, le16(b))
			treeWLANCode(t, "Status code", wfStatus, le16(b[2:]))
			aid := uint64(le16(b[4:]))
			t.bits(aid, 16, 0x3fff, "Association ID")
			t.b = append(t.b, "0x"...)
			t.b = appendHexN(t.b, aid&0x3fff, 4)
			t.end()
		case wlanProbeResp, wlanBeacon:
			t.line()
			t.b = append(t.b, "Timestamp: "...)
			t.b = strconv.AppendUint(t.b, le64(b), 10)
			t.end()
			t.line()
			t.b = append(t.b, "Beacon Interval: "...)
			us := int64(le16(b[8:])) * 1024
			t.b = strconv.AppendInt(t.b, us/1e6, 10)
			t.b = append(t.b, '.')
			frac := us % 1e6
			for div := int64(100000); div > 0; div /= 10 {
				t.b = append(t.b, byte('0'+frac/div%10))
			}
			t.b = append(t.b, " [Seconds]"...)
			t.end()
			treeWLANCap(t, le16(b[10:]))
		case wlanDisassoc, wlanDeauth:
			treeWLANCode(t, "Reason code", wfReason, le16(b))
		case wlanAuth:
			alg := le16(b)
			t.line()
			t.b = append(t.b, "Authentication Algorithm: "...)
			t.b = append(t.b, wlanName(wfAuthAlg, uint64(alg))...)
			t.b = append(t.b, " ("...)
			t.b = strconv.AppendInt(t.b, int64(alg), 10)
			t.b = append(t.b, ')')
			t.end()
			t.hex("Authentication SEQ", uint64(le16(b[2:])), 4)
			treeWLANCode(t, "Status code", wfStatus, le16(b[4:]))
		}
	}
	tags := body[fixed:]
	if len(tags) == 0 {
		return
	}
	t.depth = 1
	t.line()
	t.b = append(t.b, "Tagged parameters ("...)
	t.b = strconv.AppendInt(t.b, int64(len(tags)), 10)
	t.b = append(t.b, " bytes)"...)
	t.end()
	for off := 0; off+2 <= len(tags); {
		n := int(tags[off+1])
		if off+2+n > len(tags) {
			break
		}
		treeWLANTag(t, tags[off], tags[off+2:off+2+n])
		off += 2 + n
	}
}

func treeWLANCap(t *treeWriter, c uint16) {
	t.hex("Capabilities Information", uint64(c), 4)
	t.depth = 3
	for bit, cl := range wlanCapLines {
		on := c&(1<<bit) != 0
		if cl.on == "" && on {
			continue // a reserved bit set: tshark's wording is not known here
		}
		t.bits(uint64(c), 16, 1<<bit, cl.label)
		if on {
			t.b = append(t.b, cl.on...)
		} else {
			t.b = append(t.b, cl.off...)
		}
		t.end()
	}
	t.depth = 2
}

func treeWLANCode(t *treeWriter, label string, f int, v uint16) {
	t.line()
	start := len(t.b)
	t.b = append(t.b, label...)
	t.b = append(t.b, ": "...)
	name := wlanName(f, uint64(v))
	if name == "" {
		name = "Unknown"
	}
	t.b = append(t.b, name...)
	t.b = append(t.b, " (0x"...)
	t.b = appendHex4(t.b, v)
	t.b = append(t.b, ')')
	t.truncLabel(start, len(label))
	t.end()
}

// appendWLANRate appends a supported rate byte as tshark does ("6(B)",
// "5.5").
func appendWLANRate(b []byte, r uint8) []byte {
	v := int(r & 0x7f)
	b = strconv.AppendInt(b, int64(v/2), 10)
	if v%2 != 0 {
		b = append(b, ".5"...)
	}
	if r&0x80 != 0 {
		b = append(b, "(B)"...)
	}
	return b
}

// treeWLANTag appends one tagged parameter: its head, number and length,
// and the contents of the tags whose lines are tshark's.
func treeWLANTag(t *treeWriter, num uint8, v []byte) {
	name := wlanName(wfTagNumber, uint64(num))
	t.depth = 2
	switch num {
	case 0:
		t.line()
		t.b = append(t.b, "Tag: SSID parameter set: "...)
		if len(v) == 0 {
			t.b = append(t.b, "Wildcard SSID"...)
		} else {
			t.b = appendQuotedSSID(t.b, v)
		}
		t.end()
	case 1, 50:
		t.line()
		t.b = append(t.b, "Tag: "...)
		t.b = append(t.b, name...)
		t.b = append(t.b, ' ')
		for _, r := range v {
			t.b = appendWLANRate(t.b, r)
			t.b = append(t.b, ", "...)
		}
		t.b = append(t.b, "[Mbit/sec]"...)
		t.end()
	case 3:
		if len(v) == 1 {
			t.line()
			t.b = append(t.b, "Tag: DS Parameter set: Current Channel: "...)
			t.b = strconv.AppendInt(t.b, int64(v[0]), 10)
			t.end()
		}
	case 5:
		if len(v) >= 3 {
			t.line()
			t.b = append(t.b, "Tag: Traffic Indication Map (TIM): DTIM "...)
			t.b = strconv.AppendInt(t.b, int64(v[0]), 10)
			t.b = append(t.b, " of "...)
			t.b = strconv.AppendInt(t.b, int64(v[1]), 10)
			t.b = append(t.b, " bitmap"...)
			t.end()
		}
	case 33:
		if len(v) == 2 {
			t.line()
			t.b = append(t.b, "Tag: Power Capability Min: "...)
			t.b = strconv.AppendInt(t.b, int64(int8(v[0])), 10)
			t.b = append(t.b, ", Max: "...)
			t.b = strconv.AppendInt(t.b, int64(int8(v[1])), 10)
			t.end()
		}
	case 127:
		t.line()
		t.b = append(t.b, "Tag: Extended Capabilities ("...)
		t.b = strconv.AppendInt(t.b, int64(len(v)), 10)
		t.b = append(t.b, " octets)"...)
		t.end()
	case 221, 255:
		// vendor and extension elements: their heads name what is inside
	default:
		t.line()
		t.b = append(t.b, "Tag: "...)
		t.b = append(t.b, name...)
		t.end()
	}
	t.depth = 3
	t.line()
	t.b = append(t.b, "Tag Number: "...)
	t.b = append(t.b, name...)
	t.b = append(t.b, " ("...)
	t.b = strconv.AppendInt(t.b, int64(num), 10)
	t.b = append(t.b, ')')
	t.end()
	t.int("Tag length", len(v))
	switch num {
	case 0:
		t.line()
		t.b = append(t.b, "SSID: "...)
		if len(v) == 0 {
			t.b = append(t.b, "<MISSING>"...)
		} else {
			t.b = appendQuotedSSID(t.b, v)
		}
		t.end()
	case 1, 50:
		for _, r := range v {
			t.line()
			t.b = append(t.b, name...)
			t.b = append(t.b, ": "...)
			t.b = appendWLANRate(t.b, r)
			t.b = append(t.b, " (0x"...)
			t.b = appendHex2(t.b, r)
			t.b = append(t.b, ')')
			t.end()
		}
	case 3:
		if len(v) == 1 {
			t.int("Current Channel", int(v[0]))
		}
	case 5:
		if len(v) >= 3 {
			t.int("DTIM count", int(v[0]))
			t.int("DTIM period", int(v[1]))
			t.hex("Bitmap control", uint64(v[2]), 2)
			t.depth = 4
			t.bits(uint64(v[2]), 8, 1, "Multicast")
			treeTrueFalse(t, v[2]&1 != 0)
			t.bits(uint64(v[2]), 8, 0xfe, "Bitmap Offset")
			t.b = append(t.b, "0x"...)
			t.b = appendHex2(t.b, v[2]>>1)
			t.end()
			t.depth = 3
			t.line()
			t.b = append(t.b, "Partial Virtual Bitmap: "...)
			t.b = appendHexBytes(t.b, v[3:])
			t.end()
		}
	case 33:
		if len(v) == 2 {
			t.int("Minimum Transmit Power", int(int8(v[0])))
			t.int("Maximum Transmit Power", int(int8(v[1])))
		}
	}
}

// appendQuotedSSID appends an SSID in double quotes, as tshark shows a
// printable one.
func appendQuotedSSID(b []byte, v []byte) []byte {
	b = append(b, '"')
	for _, c := range v {
		if c >= 0x20 && c < 0x7f {
			b = append(b, c)
		} else {
			b = append(b, '\\', 'x', hexDigits[c>>4], hexDigits[c&15])
		}
	}
	return append(b, '"')
}

// appendWLANColAddr appends the Source (SA, else TA) or Destination (DA,
// else RA) column of layer i, an 802.11 frame.
func appendWLANColAddr(b []byte, d *Decoder, i int, src bool) []byte {
	l := &d.layers[i]
	w := WLAN(d.data[l.Start : l.Start+wlanHeaderLenOf(d, i)])
	var roles [6][2]int
	want, alt := wfDA, wfRA
	if src {
		want, alt = wfSA, wfTA
	}
	k := 0
	for _, r := range roles[:wlanAddrs(w, &roles)] {
		if r[0] == want {
			k = r[1]
			break
		}
		if r[0] == alt && k == 0 {
			k = r[1]
		}
	}
	if k == 0 {
		return b
	}
	a, _ := w.Addr(k)
	return a.AppendTo(b)
}

// appendWLANInfo appends the Info column of an 802.11 frame, as tshark:
// "Beacon frame, SN=3039, FN=0, Flags=........, BI=102, SSID="x"".
func appendWLANInfo(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" {
		raw := d.data[l.Start:l.End]
		if len(raw) > 0 && raw[0]&3 != 0 {
			b = append(b, "Unknown protocol version: "...)
			return strconv.AppendInt(b, int64(raw[0]&3), 10)
		}
		return b
	}
	w := WLAN(d.data[l.Start : l.Start+wlanHeaderLenOf(d, i)])
	b = append(b, wlanName(wfTypeSubtype, uint64(w.TypeSubtype()))...)
	if w.hasSeq() {
		b = append(b, ", SN="...)
		b = strconv.AppendUint(b, uint64(w.Seq()>>4), 10)
		b = append(b, ", FN="...)
		b = strconv.AppendUint(b, uint64(w.Seq()&0xf), 10)
	}
	_, fcs := wlanFCS(d, i)
	b = append(b, ", Flags="...)
	b = appendWLANFlags(b, w.Flags(), fcs)
	if w.Type() != wlanMgmt {
		return b
	}
	sub := w.Subtype()
	body := d.data[l.Start+len(w) : l.End]
	fixed := wlanFixedLen(sub)
	if fixed < 0 || len(body) < fixed {
		return b
	}
	if sub == wlanBeacon || sub == wlanProbeResp {
		b = append(b, ", BI="...)
		b = strconv.AppendUint(b, uint64(le16(body[8:])), 10)
	}
	el := parseWLANElements(body[fixed:])
	if el.hasSSID {
		b = append(b, ", SSID="...)
		if len(el.ssid) == 0 {
			b = append(b, "Wildcard (Broadcast)"...)
		} else {
			b = appendQuotedSSID(b, el.ssid)
		}
	}
	return b
}
