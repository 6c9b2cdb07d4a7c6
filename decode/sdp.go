package decode

import "strconv"

// SDP is a session description (RFC 4566) in a SIP message body: one
// "x=value" line per item. Its media lines ("m=audio 49170 RTP/AVP 0 8")
// with the connection address ("c=IN IP4 192.0.2.10") say where the RTP
// streams of the call flow; the tracker remembers them (voip.go) so that
// later UDP datagrams to those ports decode as RTP, and to the port above
// as RTCP, as Wireshark sets up its conversations.

func (d *Decoder) decodeSDP(l *Layer) LayerType {
	l.Payload = l.End
	return LayerNone
}

// sdpNextLine returns the line at off ("v=0"), its type letter and value,
// and the offset of the next line; ok is false at the end.
func sdpNextLine(b []byte, off int) (line []byte, typ byte, value []byte, next int, ok bool) {
	if off >= len(b) {
		return nil, 0, nil, len(b), false
	}
	end, next, _ := sipLineEnd(b, off)
	line = b[off:end]
	if len(line) >= 2 && line[1] == '=' {
		return line, line[0], line[2:], next, true
	}
	return line, 0, nil, next, true
}

// sdpFields splits v at spaces into at most len(out) parts; n is how many.
func sdpSplit(v []byte, out [][]byte) (n int) {
	for len(v) > 0 && n < len(out) {
		k := indexByte(v, ' ')
		if k < 0 || n == len(out)-1 {
			out[n] = v
			return n + 1
		}
		out[n] = v[:k]
		n++
		v = v[k+1:]
	}
	return n
}

// The fields, as Wireshark registers them.
const (
	sdpVersion = iota
	sdpOwner
	sdpOwnerUsername
	sdpOwnerSessionID
	sdpOwnerVersion
	sdpOwnerNetworkType
	sdpOwnerAddressType
	sdpOwnerAddress
	sdpSessionName
	sdpSessionInfo
	sdpURI
	sdpEmail
	sdpPhone
	sdpConnectionInfo
	sdpConnNetworkType
	sdpConnAddressType
	sdpConnAddress
	sdpBandwidth
	sdpTime
	sdpTimeStart
	sdpTimeStop
	sdpRepeatTime
	sdpTimezone
	sdpEncryptionKey
	sdpSessionAttr
	sdpMedia
	sdpMediaMedia
	sdpMediaPort
	sdpMediaProto
	sdpMediaFormat
	sdpMediaTitle
	sdpMediaAttr
	sdpMediaAttrField
	sdpMediaAttrValue
	sdpMimeType
	sdpSampleRate
	sdpFmtpParameter
	sdpFieldCount
)

var sdpFields = [sdpFieldCount]Field{
	sdpVersion:          {Name: "sdp.version", Label: "Session Description Protocol Version (v)", Kind: KindString},
	sdpOwner:            {Name: "sdp.owner", Label: "Owner/Creator, Session Id (o)", Kind: KindString},
	sdpOwnerUsername:    {Name: "sdp.owner.username", Label: "Owner Username", Kind: KindString},
	sdpOwnerSessionID:   {Name: "sdp.owner.sessionid", Label: "Session ID", Kind: KindString},
	sdpOwnerVersion:     {Name: "sdp.owner.version", Label: "Session Version", Kind: KindString},
	sdpOwnerNetworkType: {Name: "sdp.owner.network_type", Label: "Owner Network Type", Kind: KindString},
	sdpOwnerAddressType: {Name: "sdp.owner.address_type", Label: "Owner Address Type", Kind: KindString},
	sdpOwnerAddress:     {Name: "sdp.owner.address", Label: "Owner Address", Kind: KindString},
	sdpSessionName:      {Name: "sdp.session_name", Label: "Session Name (s)", Kind: KindString},
	sdpSessionInfo:      {Name: "sdp.session_info", Label: "Session Information (i)", Kind: KindString},
	sdpURI:              {Name: "sdp.uri", Label: "URI of Description (u)", Kind: KindString},
	sdpEmail:            {Name: "sdp.email", Label: "E-mail Address (e)", Kind: KindString},
	sdpPhone:            {Name: "sdp.phone", Label: "Phone Number (p)", Kind: KindString},
	sdpConnectionInfo:   {Name: "sdp.connection_info", Label: "Connection Information (c)", Kind: KindString},
	sdpConnNetworkType:  {Name: "sdp.connection_info.network_type", Label: "Connection Network Type", Kind: KindString},
	sdpConnAddressType:  {Name: "sdp.connection_info.address_type", Label: "Connection Address Type", Kind: KindString},
	sdpConnAddress:      {Name: "sdp.connection_info.address", Label: "Connection Address", Kind: KindString},
	sdpBandwidth:        {Name: "sdp.bandwidth", Label: "Bandwidth Information (b)", Kind: KindString},
	sdpTime:             {Name: "sdp.time", Label: "Time Description, active time (t)", Kind: KindString},
	sdpTimeStart:        {Name: "sdp.time.start", Label: "Session Start Time", Kind: KindString},
	sdpTimeStop:         {Name: "sdp.time.stop", Label: "Session Stop Time", Kind: KindString},
	sdpRepeatTime:       {Name: "sdp.repeat_time", Label: "Repeat Time (r)", Kind: KindString},
	sdpTimezone:         {Name: "sdp.timezone", Label: "Time Zone Adjustments (z)", Kind: KindString},
	sdpEncryptionKey:    {Name: "sdp.encryption_key", Label: "Encryption Key (k)", Kind: KindString},
	sdpSessionAttr:      {Name: "sdp.session_attr", Label: "Session Attribute (a)", Kind: KindString},
	sdpMedia:            {Name: "sdp.media", Label: "Media Description, name and address (m)", Kind: KindString},
	sdpMediaMedia:       {Name: "sdp.media.media", Label: "Media Type", Kind: KindString},
	sdpMediaPort:        {Name: "sdp.media.port", Label: "Media Port", Kind: KindUint, Width: 16},
	sdpMediaProto:       {Name: "sdp.media.proto", Label: "Media Protocol", Kind: KindString},
	sdpMediaFormat:      {Name: "sdp.media.format", Label: "Media Format", Kind: KindString},
	sdpMediaTitle:       {Name: "sdp.media_title", Label: "Media Title (i)", Kind: KindString},
	sdpMediaAttr:        {Name: "sdp.media_attr", Label: "Media Attribute (a)", Kind: KindString},
	sdpMediaAttrField:   {Name: "sdp.media_attribute.field", Label: "Media Attribute Fieldname", Kind: KindString},
	sdpMediaAttrValue:   {Name: "sdp.media_attribute.value", Label: "Media Attribute Value", Kind: KindString},
	sdpMimeType:         {Name: "sdp.mime.type", Label: "MIME Type", Kind: KindString},
	sdpSampleRate:       {Name: "sdp.sample_rate", Label: "Sample Rate", Kind: KindString},
	sdpFmtpParameter:    {Name: "sdp.fmtp.parameter", Label: "Media format specific parameters", Kind: KindString},
}

var protoSDP = protoField("sdp", "Session Description Protocol")

// sdpLineField returns the field of a line type at session or media level
// (-1: none).
func sdpLineField(typ byte, media bool) int {
	switch typ {
	case 'v':
		return sdpVersion
	case 'o':
		return sdpOwner
	case 's':
		return sdpSessionName
	case 'i':
		if media {
			return sdpMediaTitle
		}
		return sdpSessionInfo
	case 'u':
		return sdpURI
	case 'e':
		return sdpEmail
	case 'p':
		return sdpPhone
	case 'c':
		return sdpConnectionInfo
	case 'b':
		return sdpBandwidth
	case 't':
		return sdpTime
	case 'r':
		return sdpRepeatTime
	case 'z':
		return sdpTimezone
	case 'k':
		return sdpEncryptionKey
	case 'a':
		if media {
			return sdpMediaAttr
		}
		return sdpSessionAttr
	case 'm':
		return sdpMedia
	}
	return -1
}

// sdpItem is one sub-item of a line, as tshark draws it.
type sdpItem struct {
	field int
	value []byte
	text  string // a value shown instead of value ("ITU-T G.711 PCMU")
	pt    int    // ≥ 0: a media format shown as "101 [telephone-event]"
}

// sdpItems returns the sub-items tshark draws under a line (nil when
// rawcap draws the line alone). rtpmap holds the payload types the
// description's rtpmap attributes named so far.
func sdpItems(typ byte, v []byte, media bool, out []sdpItem, rtpmap *sdpRtpmap) []sdpItem {
	var parts [8][]byte
	out = out[:0]
	switch typ {
	case 'o':
		if n := sdpSplit(v, parts[:6]); n == 6 && indexByte(parts[5], ' ') < 0 {
			for k, f := range [...]int{sdpOwnerUsername, sdpOwnerSessionID, sdpOwnerVersion, sdpOwnerNetworkType, sdpOwnerAddressType, sdpOwnerAddress} {
				out = append(out, sdpItem{field: f, value: parts[k], pt: -1})
			}
		}
	case 'c':
		if n := sdpSplit(v, parts[:3]); n == 3 && indexByte(parts[2], ' ') < 0 && indexByte(parts[2], '/') < 0 {
			for k, f := range [...]int{sdpConnNetworkType, sdpConnAddressType, sdpConnAddress} {
				out = append(out, sdpItem{field: f, value: parts[k], pt: -1})
			}
		}
	case 't':
		if n := sdpSplit(v, parts[:2]); n == 2 && indexByte(parts[1], ' ') < 0 {
			out = append(out, sdpItem{field: sdpTimeStart, value: parts[0], pt: -1}, sdpItem{field: sdpTimeStop, value: parts[1], pt: -1})
		}
	case 'm':
		var fm [64][]byte
		n := sdpSplit(v, fm[:])
		if n < 3 || n == len(fm) || indexByte(fm[1], '/') >= 0 {
			return out
		}
		if _, ok := parseDecimal(fm[1], 10); !ok {
			return out
		}
		out = append(out, sdpItem{field: sdpMediaMedia, value: fm[0], pt: -1}, sdpItem{field: sdpMediaPort, value: fm[1], pt: -1},
			sdpItem{field: sdpMediaProto, value: fm[2], pt: -1})
		rtp := string(fm[2]) == "RTP/AVP" || string(fm[2]) == "RTP/SAVP" || string(fm[2]) == "RTP/AVPF" || string(fm[2]) == "RTP/SAVPF"
		if !rtp {
			return out[:0]
		}
		for _, f := range fm[3:n] {
			pt, ok := parseDecimal(f, 10)
			if !ok || pt > 127 {
				return out[:0]
			}
			name := rtpPayloadTypeName(int(pt))
			if name == "" {
				return out[:0]
			}
			out = append(out, sdpItem{field: sdpMediaFormat, text: name, pt: -1})
		}
	case 'a':
		if !media {
			return out
		}
		colon := indexByte(v, ':')
		if colon < 0 {
			switch string(v) {
			case "sendrecv", "sendonly", "recvonly", "inactive":
			}
			return out
		}
		name, val := v[:colon], v[colon+1:]
		switch string(name) {
		case "rtpmap":
			// "0 PCMU/8000"
			sp := indexByte(val, ' ')
			if sp <= 0 {
				return out
			}
			slash := indexByte(val[sp+1:], '/')
			if slash <= 0 {
				return out
			}
			rate := val[sp+1+slash+1:]
			if indexByte(rate, '/') >= 0 {
				return out // channels: not drawn here
			}
			pt, ok := parseDecimal(val[:sp], 10)
			if !ok || pt > 127 {
				return out
			}
			rtpmap.set(int(pt), val[sp+1:sp+1+slash])
			out = append(out, sdpItem{field: sdpMediaAttrField, value: name, pt: -1}, sdpItem{field: sdpMediaFormat, value: val[:sp], pt: -1},
				sdpItem{field: sdpMimeType, value: val[sp+1 : sp+1+slash], pt: -1}, sdpItem{field: sdpSampleRate, value: rate, pt: -1})
		case "fmtp":
			sp := indexByte(val, ' ')
			if sp <= 0 {
				return out
			}
			pt, ok := parseDecimal(val[:sp], 10)
			if !ok || pt > 127 {
				return out
			}
			mime := rtpmap.get(int(pt))
			if mime == nil || string(mime) != "telephone-event" {
				return out // other formats' parameters are parsed further by tshark
			}
			out = append(out, sdpItem{field: sdpMediaAttrField, value: name, pt: -1}, sdpItem{field: sdpMediaFormat, value: val[:sp], pt: int(pt)},
				sdpItem{field: sdpFmtpParameter, value: val[sp+1:], pt: -1})
		case "ptime", "maxptime":
			out = append(out, sdpItem{field: sdpMediaAttrField, value: name, pt: -1}, sdpItem{field: sdpMediaAttrValue, value: val, pt: -1})
		}
	}
	return out
}

// sdpRtpmap remembers the encoding names the rtpmap attributes of one
// description gave the payload types (a few, by offset into the body).
type sdpRtpmap struct {
	n    int
	pt   [16]uint8
	name [16][]byte
}

func (r *sdpRtpmap) set(pt int, name []byte) {
	if r.n < len(r.pt) {
		r.pt[r.n], r.name[r.n] = uint8(pt), name
		r.n++
	}
}

func (r *sdpRtpmap) get(pt int) []byte {
	for k := range r.n {
		if int(r.pt[k]) == pt {
			return r.name[k]
		}
	}
	return nil
}

// emitSDP emits each line and its sub-items in tshark's order; tshark's
// tree draws SDP inside SIP's Message Body.
func emitSDP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	b := d.data[l.Start:l.End]
	e.Proto(&protoSDP)
	e.ProtoDepth(2)
	var items [80]sdpItem
	var rtpmap sdpRtpmap
	media := false
	for off := 0; ; {
		_, typ, v, next, ok := sdpNextLine(b, off)
		if !ok {
			break
		}
		off = next
		if typ == 'm' {
			media = true
		}
		fk := sdpLineField(typ, media)
		if fk < 0 {
			continue
		}
		e.TextDone(&sdpFields[fk], appendWSText(e.Text(), v))
		e.Sub()
		for _, it := range sdpItems(typ, v, media, items[:0], &rtpmap) {
			f := &sdpFields[it.field]
			switch {
			case it.text != "":
				e.String(f, it.text)
			case f.Kind == KindUint:
				n, _ := parseDecimal(it.value, 10)
				e.Uint(f, n)
			default:
				e.TextDone(f, appendWSText(e.Text(), it.value))
				if it.pt >= 0 && e.Tree() {
					// "101 [telephone-event]": the encoding its rtpmap named.
					t := append(append(e.Text(), f.Label...), ": "...)
					t = strconv.AppendInt(t, int64(it.pt), 10)
					t = appendWSLabelText(append(t, " ["...), rtpmap.get(it.pt))
					e.SetRepr(append(t, ']'))
				}
			}
		}
		e.Up()
	}
	if i > 0 && d.layers[i-1].Type == LayerSIP {
		if id := sipCallIDOf(d, i-1); id != nil {
			e.Bytes(&sipFields[sipCallIDGenerated], id)
		}
	}
	e.End()
}

// sipCallIDOf returns the Call-ID of the SIP message of layer i (nil when
// it has none).
func sipCallIDOf(d *Decoder, i int) []byte {
	s, m := sipMessage(d, i)
	for off := m.hdrStart; off < m.hdrEnd; {
		end, next, _ := sipLineEnd(s, off)
		name, v := sipHeaderSplit(s[off:end])
		off = next
		if sipHeaderKind(name) == sipHdrCallID {
			return v
		}
	}
	return nil
}
