package decode

import "math/bits"

// decimal pairs "00" … "99", two digits written at a time.
const decPairs = "00010203040506070809" +
	"10111213141516171819" +
	"20212223242526272829" +
	"30313233343536373839" +
	"40414243444546474849" +
	"50515253545556575859" +
	"60616263646566676869" +
	"70717273747576777879" +
	"80818283848586878889" +
	"90919293949596979899"

// pow10 holds 10^i for i < 20.
var pow10 = [20]uint64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19}

// decDigits returns how many decimal digits v has (1 for 0).
func decDigits(v uint64) int {
	// bits.Len64(v)·1233/4096 is log10(2^len), exact or one low.
	n := (bits.Len64(v) * 1233) >> 12
	if v >= pow10[n] {
		n++
	}
	if n == 0 {
		return 1
	}
	return n
}

// appendUint appends v in decimal. It writes the digits in place, two at
// a time, where strconv.AppendUint formats into a buffer of its own and
// copies it: the tree and the field printers write several numbers a line.
func appendUint(b []byte, v uint64) []byte {
	if v < 10 {
		return append(b, byte('0'+v))
	}
	n := decDigits(v)
	l := len(b)
	if cap(b)-l < n {
		b = append(b, make([]byte, n)...)
	} else {
		b = b[:l+n]
	}
	d := b[l : l+n]
	i := n
	for v >= 100 {
		q := v / 100
		r := (v - q*100) * 2
		d[i-1], d[i-2] = decPairs[r+1], decPairs[r]
		i -= 2
		v = q
	}
	if v >= 10 {
		d[1], d[0] = decPairs[v*2+1], decPairs[v*2]
	} else {
		d[0] = byte('0' + v)
	}
	return b
}

// appendInt appends v in decimal.
func appendInt(b []byte, v int64) []byte {
	if v < 0 {
		return appendUint(append(b, '-'), uint64(-v))
	}
	return appendUint(b, uint64(v))
}
