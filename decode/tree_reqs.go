package decode

// The link lines of responses in the -V tree, from the requests the
// connection tracker paired them with (tracker_links.go).

import "time"

// treeEchoLink draws the link lines of an echo reply (ICMP: "[Request
// frame: N]", ICMPv6: "[Response To: N]", then the response time in
// milliseconds), at the current depth.
func treeEchoLink(t *treeWriter, i int, v6 bool) {
	q := t.conv.link(i)
	if q == nil || q.request == 0 {
		return
	}
	t.line()
	if v6 {
		t.b = append(t.b, "[Response To: "...)
	} else {
		t.b = append(t.b, "[Request frame: "...)
	}
	t.b = appendUint(t.b, uint64(q.request))
	t.b = append(t.b, ']')
	t.end()
	t.line()
	if v6 {
		t.b = append(t.b, "[Response Time: "...)
	} else {
		t.b = append(t.b, "[Response time: "...)
	}
	t.b = appendMillis(t.b, t.f.Time.Sub(q.reqTime))
	t.b = append(t.b, " ms]"...)
	t.end()
}

// appendMillis appends d in milliseconds with three decimals ("1.500"),
// rounded as printf's %.3f.
func appendMillis(b []byte, d time.Duration) []byte {
	if d < 0 {
		b = append(b, '-')
		d = -d
	}
	us := (int64(d) + 500) / 1000 // microseconds, rounded
	b = appendUint(b, uint64(us/1000))
	frac := us % 1000
	return append(b, '.', byte('0'+frac/100), byte('0'+frac/10%10), byte('0'+frac%10))
}
