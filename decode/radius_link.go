package decode

// RADIUS's request/response pairing, as tshark 4.0 finds it in one pass
// (the request table of tracker_links.go):
//
//   - A request (Access-, Accounting-, Password-, Resource-Free-,
//     Resource-Query-, NAS-Reboot-, Event-, Disconnect-, CoA-Request) is
//     remembered under its UDP conversation (both endpoints, either way),
//     its code and its identifier, with its authenticator. The same
//     request seen again (same authenticator) is a duplicate: tshark
//     names the first ("[Duplicate Request Frame Number: N]", Info's
//     ", Duplicate Request") and the response already seen ("[The
//     response to this request is in frame N]"); another authenticator
//     starts a new request.
//   - A response of a matching code (Access-Accept/Reject/Challenge for an
//     Access-Request …) names the request ("[This is a response to a
//     request in frame N]", "[Time from request: … seconds]"); the first
//     response is remembered, and a later one of the same code is a
//     duplicate ("[Duplicate Response Frame Number: N]").
//
// tshark's two-pass output also names, in a request, the response that
// follows it; one pass cannot know it, and tshark's one pass (-V without
// -2) does not print it either.

// radiusClass returns the request code a message of code c pairs under
// (0: none).
func radiusClass(c byte) byte {
	switch c {
	case 1, 2, 3, 11:
		return 1
	case 4, 5:
		return 4
	case 7, 8, 9:
		return 7
	case 21, 22:
		return 21
	case 23, 24:
		return 23
	case 26, 27:
		return 26
	case 33, 34:
		return 33
	case 40, 41, 42:
		return 40
	case 43, 44, 45:
		return 43
	}
	return 0
}

// radiusLinkKey returns what pairs the RADIUS message at layer i: whether
// it is a response, the ordered endpoints of its conversation and the key
// (class, identifier, the ports in the endpoints' order).
func radiusLinkKey(d *Decoder, i int) (resp bool, a, b [16]byte, key uint64, ok bool) {
	l := &d.layers[i]
	m := d.data[l.Start:l.End]
	if i == 0 || d.layers[i-1].Type != LayerUDP || len(m) < radiusHdrLen {
		return false, a, b, 0, false
	}
	class := radiusClass(m[0])
	if class == 0 {
		return false, a, b, 0, false
	}
	u := d.data[d.layers[i-1].Start:]
	sp, dp := be16(u), be16(u[2:])
	a, b = addrs16(d, i-1)
	if c := cmp16(&a, &b); c > 0 || c == 0 && sp > dp {
		a, b, sp, dp = b, a, dp, sp
	}
	return m[0] != class, a, b, uint64(class)<<40 | uint64(m[1])<<32 | uint64(sp)<<16 | uint64(dp), true
}

// radiusLink pairs the RADIUS message at layer i of frame f.
func (t *tracker) radiusLink(d *Decoder, i int, f *Frame, out *reqLink) {
	*out = reqLink{layer: i}
	resp, a, b, key, ok := radiusLinkKey(d, i)
	if !ok {
		return
	}
	if t.reqs == nil {
		t.reqs = make([]trackReq, maxReqs)
	}
	l := &d.layers[i]
	m := d.data[l.Start:l.End]
	slot := reqSlot(reqRADIUS, &a, &b, key)
	q := &t.reqs[slot]
	found := q.kind == reqRADIUS && q.src == a && q.dst == b && q.key == key
	if !resp {
		auth := fnvHash(m[4:20], nil)
		if found && q.auth == auth && q.number != f.Number {
			out.retransRequest, out.responseIn = q.number, q.answered
			return
		}
		if !found {
			t.forgetReq(slot)
		}
		*q = trackReq{kind: reqRADIUS, src: a, dst: b, key: key, number: f.Number, time: f.Time, auth: auth}
		return
	}
	if !found {
		return
	}
	if q.answered == 0 {
		q.answered, q.sum = f.Number, uint16(m[0])
	} else if q.answered != f.Number && q.sum == uint16(m[0]) {
		out.retransResponse = q.answered
	}
	out.request, out.reqTime = q.number, q.time
	out.delta = nstime{f.Time.Unix(), int32(f.Time.Nanosecond())}.sub(nstime{q.time.Unix(), int32(q.time.Nanosecond())})
}
