package decode

import "time"

// This file is the VoIP part of the connection tracker (tracker.go): SIP's
// request/response pairing and the RTP and RTCP streams SDP sets up, as
// tshark finds them in one pass.
//
//   - SIP over UDP keeps Wireshark's transaction records (sip_hash): one
//     per Call-ID and direction (addresses and ports), holding the last
//     CSeq that direction sent, its method, how far it went and the frame
//     and time of its request. A response names the request ("[Request
//     Frame: N]", "[Response Time (ms): N]") when the record of the other
//     direction still holds that CSeq and method as a request: it must come
//     from where the request went. An ACK names whatever its own
//     direction's record holds. A request or final response the record
//     already holds is a resend ("[Resent Packet: True]", "[Suspected
//     resend of frame: N]"). tshark pairs nothing over TCP.
//   - Each SDP body of a SIP message announces media: the connection
//     address (session or media level) and each media line's port. Later
//     UDP datagrams from or to that address and port decode as RTP, and to
//     the port above as RTCP (decodeUDP asks voipLookup before the port
//     table, as Wireshark's conversations come before its ports), with the
//     frame of the call's first SDP as their setup frame and the call's
//     Call-ID. Each stream keeps RTP's extended sequence number.
//
// Bound: maxMedia media endpoints and maxSIPReqs requests, in
// direct-mapped tables; a new entry replaces what its slot held. The state
// is allocated at the first SIP message; an announcement allocates nothing.

const (
	maxMedia   = 1024
	maxSIPReqs = 1024
	maxCallIDs = 256
	callIDMax  = 96 // longer Call-IDs are not copied to the media streams
)

type voipMedia struct {
	key    uint64 // hash of address and port; 0: empty
	rtcp   bool
	setup  int // the frame that set the stream up
	idLen  uint8
	callID [callIDMax]byte
	extSeq uint32 // the last extended sequence number (RTP; 0: none yet)
}

// sipTrans is Wireshark's SIP transaction record (sip_hash_value): one per
// Call-ID and direction (source and destination address and port), the
// last CSeq that direction sent and how far its transaction went.
type sipTrans struct {
	key    uint64 // hash of Call-ID, addresses and ports; 0: empty
	cseq   uint32
	method [sipMethodMax]byte
	mlen   uint8
	state  uint8 // sipNothing … sipFinal
	frame  int   // the request (or final response) the record names
	time   time.Time
	code   uint16 // the final response's status code
}

// sipMethodMax is Wireshark's MAX_CSEQ_METHOD_SIZE less its NUL.
const sipMethodMax = 15

const (
	sipNothing = iota
	sipRequestSeen
	sipProvisional
	sipFinal
)

type voipState struct {
	media  [maxMedia]voipMedia
	nmedia int
	// decodeAs are the RTP streams --decode-as names, one per direction:
	// Wireshark sets each up at its first packet.
	decodeAs [maxMedia]struct {
		key    uint64 // hash of source and destination
		setup  int
		extSeq uint32
	}
	trans [maxSIPReqs]sipTrans
	calls [maxCallIDs]struct {
		key   uint64
		first int // the frame of the call's first SDP
	}
}

// voipNote is what the tracker found for one frame's SIP, RTP and RTCP
// layers.
type voipNote struct {
	nsip int
	sip  [2]sipNote
	// The first RTP or RTCP layer's stream: media is set when SDP or
	// --decode-as set it up (drawn "[Stream setup by SDP (frame N)]").
	media      bool
	decodeAs   bool // set up by --decode-as (at the direction's first packet)
	rtcp       bool // the stream is RTCP: every packet of the compound datagram is in it
	setup      int
	extSeq     uint32
	hasExtSeq  bool
	idLen      uint8
	callID     [callIDMax]byte
	mediaLayer int
}

type sipNote struct {
	layer       int
	resendKnown bool // drawn "[Resent Packet: False]"
	resendOf    int  // a resend of this frame: "[Resent Packet: True]"
	request     int  // the request's frame (0: none)
	respMs      uint32
	release     bool // a final response to a BYE: respMs is also the release time
}

func (r *convResults) sipNote(i int) *sipNote {
	if r == nil {
		return nil
	}
	for k := range r.voip.nsip {
		if r.voip.sip[k].layer == i {
			return &r.voip.sip[k]
		}
	}
	return nil
}

// rtpNote returns the stream of RTP or RTCP layer i (nil when SDP did not
// set it up).
func (r *convResults) rtpNote(i int) *voipNote {
	if r == nil || !(r.voip.media || r.voip.hasExtSeq) || r.voip.mediaLayer != i && !(r.voip.rtcp && i > r.voip.mediaLayer) {
		return nil
	}
	return &r.voip
}

func (d *Decoder) voipForget() {
	if d.voip != nil {
		*d.voip = voipState{}
	}
}

// endpointKey returns the hash of an IP address and a port.
func endpointKey(addr []byte, port uint16) uint64 {
	h := fnvHash(addr, []byte{byte(port >> 8), byte(port)})
	if h == 0 {
		h = 1
	}
	return h
}

// udpEndpoints returns the keys of the source and destination of UDP layer
// u (the IP header before it at ip).
func (d *Decoder) udpEndpointKeys(ip *Layer, u []byte) (src, dst uint64, ok bool) {
	var sa, da []byte
	switch ip.Type {
	case LayerIPv4:
		sa, da = d.data[ip.Start+12:ip.Start+16], d.data[ip.Start+16:ip.Start+20]
	case LayerIPv6:
		sa, da = d.data[ip.Start+8:ip.Start+24], d.data[ip.Start+24:ip.Start+40]
	default:
		return 0, 0, false
	}
	return endpointKey(sa, be16(u[0:])), endpointKey(da, be16(u[2:])), true
}

// voipLookup returns the media layer (RTP or RTCP) SDP set up for the UDP
// datagram u being decoded, or LayerNone.
func (d *Decoder) voipLookup(u UDP) LayerType {
	if d.n == 0 || d.quoted {
		return LayerNone
	}
	m := d.voipMediaFor(&d.layers[d.n-1], u)
	if m == nil {
		return LayerNone
	}
	if m.rtcp {
		return LayerRTCP
	}
	return LayerRTP
}

func (d *Decoder) voipMediaFor(ip *Layer, u []byte) *voipMedia {
	v := d.voip
	if v == nil || v.nmedia == 0 {
		return nil
	}
	src, dst, ok := d.udpEndpointKeys(ip, u)
	if !ok {
		return nil
	}
	for _, k := range [2]uint64{src, dst} {
		if m := &v.media[k%maxMedia]; m.key == k {
			return m
		}
	}
	return nil
}

// voipConvKey replaces the conversation key of UDP layer i when SDP set
// up its stream: Wireshark's conversation is then the announced endpoint
// with any peer (the source's if announced, else the destination's), so
// each direction of a call's RTP is a UDP stream of its own.
func (d *Decoder) voipConvKey(i int, k *convKey) {
	if d.voip == nil || d.voip.nmedia == 0 || i+1 >= d.n || i == 0 {
		return
	}
	if t := d.layers[i+1].Type; t != LayerRTP && t != LayerRTCP {
		return
	}
	u := d.data[d.layers[i].Start:d.layers[i].Payload]
	src, _, ok := d.udpEndpointKeys(&d.layers[i-1], u)
	if !ok {
		return
	}
	s, t := addrs16(d, i)
	m := d.voipMediaFor(&d.layers[i-1], u)
	if m == nil {
		return
	}
	if m.key == src {
		*k = convKey{a: s, pa: be16(u[0:])}
	} else {
		*k = convKey{a: t, pa: be16(u[2:])}
	}
}

// clear says the packet holds no SIP message and no media.
func (n *voipNote) clear() {
	n.nsip, n.media, n.hasExtSeq, n.decodeAs, n.rtcp = 0, false, false, false, false
}

// voipFrame is the tracker's step for the packet d last decoded.
func (d *Decoder) voipFrame(f *Frame, n *voipNote) {
	n.clear()
	for i := range d.layers[:d.n] {
		l := &d.layers[i]
		if l.Quoted {
			continue
		}
		switch l.Type {
		case LayerSIP:
			if n.nsip < len(n.sip) {
				d.sipTrack(i, f, &n.sip[n.nsip])
				n.nsip++
			}
		case LayerRTP, LayerRTCP:
			if !n.media && !n.hasExtSeq && i >= 2 && d.layers[i-1].Type == LayerUDP {
				u := &d.layers[i-1]
				m := d.voipMediaFor(&d.layers[i-2], d.data[u.Start:u.Payload])
				if m == nil && l.Type == LayerRTP && l.Payload-l.Start >= rtpFixedLen {
					d.rtpDecodeAs(i, f, n)
				}
				if m != nil {
					n.media, n.setup, n.idLen, n.callID, n.mediaLayer, n.rtcp = true, m.setup, m.idLen, m.callID, i, l.Type == LayerRTCP
					n.hasExtSeq = false
					if l.Type == LayerRTP && l.Payload-l.Start >= rtpFixedLen {
						seq := be16(d.data[l.Start+2:])
						prev := m.extSeq
						if prev == 0 {
							prev = 0x10000
						}
						m.extSeq = rtpExtendSeq(prev, seq)
						n.extSeq, n.hasExtSeq = m.extSeq, true
					}
				}
			}
		}
	}
}

// rtpDecodeAs follows an RTP stream --decode-as names: its direction's
// first packet sets it up (and shows no setup), the later ones name that
// frame ("[Stream setup by DECODE AS (frame N)]").
func (d *Decoder) rtpDecodeAs(i int, f *Frame, n *voipNote) {
	if d.voip == nil {
		d.voip = new(voipState)
	}
	u := d.data[d.layers[i-1].Start:d.layers[i-1].Payload]
	src, dst, ok := d.udpEndpointKeys(&d.layers[i-2], u)
	if !ok {
		return
	}
	k := src*31 ^ dst
	if k == 0 {
		k = 1
	}
	s := &d.voip.decodeAs[k%maxMedia]
	n.mediaLayer, n.idLen, n.hasExtSeq = i, 0, true
	if s.key != k {
		s.key, s.setup, s.extSeq = k, f.Number, 0x10000
		n.extSeq = s.extSeq
		return
	}
	s.extSeq = rtpExtendSeq(s.extSeq, be16(d.data[d.layers[i].Start+2:]))
	n.media, n.decodeAs, n.setup, n.extSeq = true, true, s.setup, s.extSeq
}

// rtpExtendSeq is Wireshark's calculate_extended_seqno.
func rtpExtendSeq(prev uint32, raw uint16) uint32 {
	s := prev&0xffff0000 | uint32(raw)
	if s+0x8000 < prev {
		s += 0x10000
	} else if prev+0x8000 < s {
		s -= 0x10000
	}
	return s
}

func voipHash(parts ...[]byte) uint64 {
	h := uint64(14695981039346656037)
	for _, p := range parts {
		for _, c := range p {
			h = (h ^ uint64(c)) * 1099511628211
		}
		h = (h ^ 0xff) * 1099511628211
	}
	if h == 0 {
		h = 1
	}
	return h
}

// sipTrack pairs SIP layer i and registers the media its SDP announces.
func (d *Decoder) sipTrack(i int, f *Frame, n *sipNote) {
	*n = sipNote{layer: i}
	if d.voip == nil {
		d.voip = new(voipState)
	}
	v := d.voip
	s, m := sipMessage(d, i)
	var callID, cseq, method []byte
	for off := m.hdrStart; off < m.hdrEnd; {
		end, next, _ := sipLineEnd(s, off)
		name, val := sipHeaderSplit(s[off:end])
		off = next
		switch sipHeaderKind(name) {
		case sipHdrCallID:
			if callID == nil {
				callID = val
			}
		case sipHdrCSeq:
			if sp := indexByte(val, ' '); sp > 0 && cseq == nil {
				cseq, method = val[:sp], val[sp+1:]
			}
		}
	}
	first := s[:m.firstEnd]
	n.resendKnown = true
	var src, dst []byte
	var ports []byte
	if i >= 2 && d.layers[i-1].Type == LayerUDP {
		ip := &d.layers[i-2]
		switch ip.Type {
		case LayerIPv4:
			src, dst = d.data[ip.Start+12:ip.Start+16], d.data[ip.Start+16:ip.Start+20]
		case LayerIPv6:
			src, dst = d.data[ip.Start+8:ip.Start+24], d.data[ip.Start+24:ip.Start+40]
		}
		ports = d.data[d.layers[i-1].Start : d.layers[i-1].Start+4]
	}
	num, numOK := parseDecimal(cseq, 10)
	if src == nil || cseq == nil || !numOK || num > 0xffffffff {
		// Wireshark follows transactions over UDP only, and only with
		// a CSeq number.
		if i+1 < d.n && d.layers[i+1].Type == LayerSDP {
			d.sdpSetup(i+1, f, callID)
		}
		return
	}
	cs := uint32(num)
	if len(method) > sipMethodMax {
		method = method[:sipMethodMax]
	}
	// The record of this message's direction, and of the other one.
	here := voipHash(callID, src, dst, ports[0:2], ports[2:4])
	back := voipHash(callID, dst, src, ports[2:4], ports[0:2])
	code := uint16(0)
	if !m.request {
		c, _ := parseDecimal(first[8:11], 10)
		code = uint16(c)
	}
	if m.request && string(method) == "ACK" {
		// sip_find_invite: the record of the ACK's own direction, before
		// the ACK updates it.
		if r := &v.trans[here%maxSIPReqs]; r.key == here {
			n.request = r.frame
			n.respMs = sipMs(f.Time, r.time)
		}
	}
	// sip_is_packet_resend.
	r := &v.trans[here%maxSIPReqs]
	cmp := uint32(0)
	if r.key == here {
		cmp = r.cseq
		if cs != r.cseq {
			r.cseq, r.state, r.frame = cs, sipNothing, 0
			r.mlen = uint8(copy(r.method[:], method))
			if m.request {
				r.time = f.Time
			}
		}
	} else {
		*r = sipTrans{key: here, cseq: cs}
		r.mlen = uint8(copy(r.method[:], method))
		if m.request {
			r.time = f.Time
		}
	}
	same := cs == cmp && string(r.method[:r.mlen]) == string(method)
	resend := 0
	switch {
	case m.request && same && r.state == sipRequestSeen && string(method) != "ACK" && string(method) != "CANCEL":
		resend = r.frame
	case !m.request && same && r.state == sipFinal && code >= 200 && code == r.code:
		resend = r.frame
	}
	if m.request {
		r.state = sipRequestSeen
		if resend == 0 {
			r.frame, r.time = f.Number, f.Time
		}
	} else if code >= 200 {
		r.code, r.state = code, sipFinal
		if resend == 0 {
			r.frame = f.Number
		}
	} else {
		r.state = sipProvisional
	}
	if resend > 0 {
		n.resendKnown, n.resendOf = false, resend
	}
	if !m.request {
		// sip_find_request: the record of the other direction, where the
		// request went.
		if q := &v.trans[back%maxSIPReqs]; q.key == back {
			if cs == q.cseq && q.state == sipRequestSeen && string(q.method[:q.mlen]) == string(method) {
				n.request = q.frame
			}
			n.respMs = sipMs(f.Time, q.time)
			n.release = n.request > 0 && string(method) == "BYE" && code >= 200
		}
	}
	if i+1 < d.n && d.layers[i+1].Type == LayerSDP {
		d.sdpSetup(i+1, f, callID)
	}
}

// sipMs is Wireshark's response time in milliseconds: whole seconds
// apart times 1000, plus the nanoseconds apart divided (truncated).
func sipMs(now, then time.Time) uint32 {
	sec := now.Unix() - then.Unix()
	ns := int64(now.Nanosecond()) - int64(then.Nanosecond())
	return uint32(sec*1000 + ns/1000000)
}

// sdpSetup remembers the media endpoints SDP layer i announces.
func (d *Decoder) sdpSetup(i int, f *Frame, callID []byte) {
	v := d.voip
	l := &d.layers[i]
	b := d.data[l.Start:l.End]
	setup := f.Number
	if callID != nil {
		ck := voipHash(callID)
		c := &v.calls[ck%maxCallIDs]
		if c.key != ck {
			c.key, c.first = ck, f.Number
		}
		setup = c.first
	}
	var sessAddr, addr []byte
	var parts [4][]byte
	connAddr := func(val []byte) []byte {
		if n := sdpSplit(val, parts[:3]); n == 3 && string(parts[0]) == "IN" && (string(parts[1]) == "IP4" || string(parts[1]) == "IP6") {
			a := parts[2]
			if k := indexByte(a, '/'); k >= 0 {
				a = a[:k]
			}
			return a
		}
		return nil
	}
	var ports [16]uint16
	np := 0
	flush := func() {
		a := addr
		if a == nil {
			a = sessAddr
		}
		ip, ok := parseTextIP(a)
		for _, p := range ports[:np] {
			if ok && p != 0 {
				d.voipAdd(ip[:], p, false, setup, callID)
				d.voipAdd(ip[:], p+1, true, setup, callID)
			}
		}
		np = 0
		addr = nil
	}
	media := false
	for off := 0; ; {
		_, typ, val, next, ok := sdpNextLine(b, off)
		if !ok {
			break
		}
		off = next
		switch typ {
		case 'c':
			if media {
				addr = connAddr(val)
			} else {
				sessAddr = connAddr(val)
			}
		case 'm':
			flush()
			media = true
			if n := sdpSplit(val, parts[:4]); n >= 3 && (len(parts[2]) >= 3 && string(parts[2][:3]) == "RTP") {
				if p, ok := parseDecimal(parts[1], 10); ok && p < 65535 && np < len(ports) {
					ports[np] = uint16(p)
					np++
				}
			}
		}
	}
	flush()
}

func (d *Decoder) voipAdd(ip []byte, port uint16, rtcp bool, setup int, callID []byte) {
	v := d.voip
	k := endpointKey(ip, port)
	m := &v.media[k%maxMedia]
	if m.key != k {
		*m = voipMedia{key: k}
		v.nmedia++
	}
	m.rtcp, m.setup = rtcp, setup
	m.idLen = 0
	if len(callID) <= callIDMax {
		m.idLen = uint8(copy(m.callID[:], callID))
	}
}

// parseTextIP parses a dotted IPv4 address into 4 bytes (IPv6 into 16),
// without allocating.
func parseTextIP(a []byte) (out [4]byte, ok bool) {
	if indexByte(a, ':') < 0 {
		part, n, digits := 0, 0, 0
		for _, c := range a {
			switch {
			case c >= '0' && c <= '9':
				part = part*10 + int(c-'0')
				digits++
				if part > 255 || digits > 3 {
					return out, false
				}
			case c == '.':
				if digits == 0 || n == 3 {
					return out, false
				}
				out[n] = byte(part)
				n++
				part, digits = 0, 0
			default:
				return out, false
			}
		}
		if n != 3 || digits == 0 {
			return out, false
		}
		out[3] = byte(part)
		return out, true
	}
	return out, false // IPv6 media addresses are not followed yet
}
