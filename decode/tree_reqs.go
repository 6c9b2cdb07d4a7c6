package decode

// The link lines of responses in the -V tree, from the requests the
// connection tracker paired them with (tracker_links.go).

import "time"

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
