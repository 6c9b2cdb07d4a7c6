package decode

import "strconv"

// NTP's mode 7 (private) messages are ntpd's own requests and responses
// (ntpdc): after the first byte (response and more bits, version, mode),
//
//	1  authenticated bit, sequence number (7 bits)
//	2  implementation
//	3  request code
//	4  error (4 bits), number of data items (12 bits)
//	6  reserved (4 bits), size of a data item (12 bits)
//	8  the data items
//
// A response's items are drawn for the request codes whose layout rawcap
// reads (ntpPrivItemLen); the others' items are left out of the tree.

// The request codes whose items rawcap reads.
const (
	ntpPrivPeerListSum = 1
	ntpPrivLoopInfo    = 8
	ntpPrivAuthInfo    = 28
	ntpPrivGetKernel   = 38
)

// ntpPrivItemLen returns the length of an item of request code code's
// response, 0 for a code whose items rawcap does not read.
func ntpPrivItemLen(code byte) int {
	switch code {
	case ntpPrivPeerListSum:
		return 72
	case ntpPrivLoopInfo:
		return 24
	case ntpPrivAuthInfo:
		return 36
	case ntpPrivGetKernel:
		return 60
	}
	return 0
}

// ntpPrivXNTPD is the implementation number of ntpd (IPv6-capable) whose
// header tshark reads past the request code.
const ntpPrivXNTPD = 3

// The authenticated request's trailer: its timestamp, key ID and MAC at
// fixed offsets.
const (
	ntpPrivTstampOff = 184
	ntpPrivKeyIDOff  = 192
	ntpPrivMACOff    = 196
)

// ntpPrivCut reports whether tshark runs off the end of mode 7 message n:
// its header (8 bytes from XNTPD, 4 otherwise) cut short, an item of a
// request code rawcap reads past the end, or an authenticated request
// without its key ID.
func ntpPrivCut(n NTP) bool {
	if len(n) < 4 {
		return true
	}
	if n[2] == ntpPrivXNTPD {
		if len(n) < 8 {
			return true
		}
		items, size := int(be16(n[4:])&0xfff), int(be16(n[6:])&0xfff)
		if l := ntpPrivItemLen(n[3]); l > 0 && items > 0 && 8+(items-1)*size+l > len(n) {
			return true
		}
	}
	return n[0]&0x80 == 0 && n[1]&0x80 != 0 && len(n) < ntpPrivMACOff
}

// emitNTPPriv emits a mode 7 message's header after its first byte, the
// items of the request codes rawcap reads and an authenticated request's
// trailer, as far as n holds them, in the order of tshark's tree.
func emitNTPPriv(e *emitter, n NTP) {
	f := &ntpFields
	if len(n) < 2 {
		return
	}
	e.Uint(&f[ntpPrivAuthSeq], uint64(n[1]))
	e.Sub()
	e.UintBits(&f[ntpPrivAuth], uint64(n[1]))
	e.UintBits(&f[ntpPrivSeq], uint64(n[1]))
	e.Up()
	if len(n) < 3 {
		return
	}
	e.Uint(&f[ntpPrivImpl], uint64(n[2]))
	if len(n) < 4 {
		return
	}
	e.Uint(&f[ntpPrivReqcode], uint64(n[3]))
	if n[2] == ntpPrivXNTPD && !emitNTPPrivData(e, n) {
		return
	}
	if n[0]&0x80 != 0 || n[1]&0x80 == 0 || len(n) < ntpPrivKeyIDOff {
		return
	}
	emitNTPTime(e, &f[ntpPrivTstamp], n[ntpPrivTstampOff:])
	if len(n) < ntpPrivMACOff {
		return
	}
	e.Bytes(&f[ntpKeyid], n[ntpPrivKeyIDOff:ntpPrivMACOff])
	if len(n) > ntpPrivMACOff {
		e.Bytes(&f[ntpMAC], n[ntpPrivMACOff:])
	}
}

// emitNTPPrivData emits the rest of an XNTPD message's header and its
// items; it returns false where n ends first.
func emitNTPPrivData(e *emitter, n NTP) bool {
	f := &ntpFields
	if len(n) < 5 {
		return false
	}
	// The 4-bit and 12-bit fields are drawn bit by bit, each octet of
	// the 12 bits apart.
	e.Uint(&f[ntpPrivErr], uint64(n[4]>>4))
	if e.Tree() {
		b := appendNTPPrivBits(e.Text(), uint64(n[4]), 8, 0xf0)
		b = append(b, " = Err: "...)
		if name := f[ntpPrivErr].ValueNames().Name(uint64(n[4] >> 4)); name != "" {
			b = append(b, name...)
		} else {
			b = append(b, "Unknown"...)
		}
		e.SetRepr(append(appendHex2(append(b, " (0x"...), n[4]>>4), ')'))
	}
	if len(n) < 6 {
		return false
	}
	items := int(be16(n[4:]) & 0xfff)
	e.Uint(&f[ntpPrivNumitems], uint64(items))
	if e.Tree() {
		b := appendNTPPrivBits(e.Text(), uint64(be16(n[4:])), 16, 0xfff)
		e.SetRepr(strconv.AppendUint(append(b, " = Number of data items: "...), uint64(items), 10))
	}
	if len(n) < 7 {
		return false
	}
	e.Uint(&f[ntpPrivReserved], uint64(n[6]>>4))
	if e.Tree() {
		b := appendNTPPrivBits(e.Text(), uint64(n[6]), 8, 0xf0)
		e.SetRepr(appendHex2(append(b, " = Reserved: 0x"...), n[6]>>4))
	}
	if len(n) < 8 {
		return false
	}
	size := int(be16(n[6:]) & 0xfff)
	e.Uint(&f[ntpPrivItemsize], uint64(size))
	if e.Tree() {
		b := appendNTPPrivBits(e.Text(), uint64(be16(n[6:])), 16, 0xfff)
		e.SetRepr(strconv.AppendUint(append(b, " = Size of data item: "...), uint64(size), 10))
	}
	// An item is read whole at its place, whatever the size says.
	code := n[3]
	l := ntpPrivItemLen(code)
	if l == 0 {
		return true
	}
	for k := range items {
		off := 8 + k*size
		if off+l > len(n) {
			return false
		}
		if k == 0 || e.all || e.Tree() { // JSON: the first
			emitNTPPrivItem(e, code, n[off:off+l])
		}
	}
	return true
}

// emitNTPPrivItem emits item v of a response to request code code.
func emitNTPPrivItem(e *emitter, code byte, v []byte) {
	f := &ntpFields
	e.String(&f[ntpPrivItem], "")
	if e.Tree() {
		b := append(e.Text(), f[ntpPrivReqcode].ValueNames().Name(uint64(code))...)
		e.SetRepr(append(b, " Item"...))
	}
	e.Sub()
	u32 := func(k, off int) { e.Uint(&f[k], uint64(be32(v[off:]))) }
	i32 := func(k, off int) { e.Int(&f[k], int64(int32(be32(v[off:])))) }
	switch code {
	case ntpPrivAuthInfo:
		for k := range 9 {
			u32(ntpPrivTimereset+k, 4*k)
		}
	case ntpPrivLoopInfo:
		e.Int(&f[ntpPrivLastOffset], int64(be64(v)))
		e.Int(&f[ntpPrivDriftComp], int64(be64(v[8:])))
		u32(ntpPrivCompliance, 16)
		u32(ntpPrivWatchdogTimer, 20)
	case ntpPrivGetKernel:
		for k := range 4 {
			i32(ntpPrivKernelOffset+k, 4*k)
		}
		e.Uint(&f[ntpPrivStatus], uint64(be16(v[16:])))
		e.Uint(&f[ntpPrivShift], uint64(be16(v[18:])))
		for k := range 10 {
			i32(ntpPrivConstant+k, 20+4*k)
		}
	case ntpPrivPeerListSum:
		e.IPv4(&f[ntpPrivDstaddress], v[0:4])
		e.IPv4(&f[ntpPrivSrcaddress], v[4:8])
		e.Uint(&f[ntpPrivSrcport], uint64(be16(v[8:])))
		e.Uint(&f[ntpStratum], uint64(v[10]))
		if e.Tree() {
			e.SetRepr(appendNTPStratum(e.Text(), v[10]))
		}
		e.Int(&f[ntpPrivHpoll], int64(int8(v[11])))
		e.Uint(&f[ntpPpoll], uint64(v[12]))
		e.Uint(&f[ntpPrivReach], uint64(v[13]))
		emitNTPPrivPeerFlags(e, v[14])
		e.Uint(&f[ntpPrivHmode], uint64(v[15]))
		i32(ntpPrivDelay, 16)
		e.Uint(&f[ntpPrivOffset], be64(v[20:]))
		u32(ntpPrivDispersion, 28)
		u32(ntpPrivIPv6Flag, 32)
		e.Bytes(&f[ntpPrivUnused], v[36:40])
		e.IPv6(&f[ntpPrivDstaddress6], v[40:56])
		e.IPv6(&f[ntpPrivSrcaddress6], v[56:72])
	}
	e.Up()
}

// emitNTPPrivPeerFlags emits a peer's flags, v, with tshark's line ("0000
// 1001 = Flags: 0x09, Config, Refclock": the labels of the set flags) and
// each flag beneath it.
func emitNTPPrivPeerFlags(e *emitter, v byte) {
	f := &ntpFields
	e.Uint(&f[ntpPrivPeerFlags], uint64(v))
	flags := f[ntpPrivPeerFlagsConfig : ntpPrivPeerFlagsShortlist+1]
	if e.Tree() {
		b := appendNTPPrivBits(e.Text(), uint64(v), 8, 0xff)
		b = appendHex2(append(b, " = Flags: 0x"...), v)
		for k := range flags {
			if uint64(v)&flags[k].Mask != 0 {
				b = append(append(b, ", "...), flags[k].Label...)
			}
		}
		e.SetRepr(b)
	}
	e.Sub()
	for k := range flags {
		e.BoolBits(&flags[k], uint64(v))
	}
	e.Up()
}

// appendNTPPrivBits appends the width bits of v as tshark draws a field
// added bit by bit: the bits under mask as 0 and 1, the others as dots, a
// space after every four and two between octets.
func appendNTPPrivBits(b []byte, v uint64, width int, mask uint64) []byte {
	for i := width - 1; i >= 0; i-- {
		switch {
		case mask>>i&1 == 0:
			b = append(b, '.')
		case v>>i&1 != 0:
			b = append(b, '1')
		default:
			b = append(b, '0')
		}
		if i > 0 && i%4 == 0 {
			b = append(b, ' ')
			if i%8 == 0 {
				b = append(b, ' ')
			}
		}
	}
	return b
}
