package pcapio

import "encoding/binary"

// Byte-order helpers for the writers. A pcapng section is written in one byte
// order, which is the source section's when blocks are copied through; these
// append into a buffer whose capacity was reserved, so they do not allocate.

func wApp16(b []byte, big bool, v uint16) []byte {
	if big {
		return binary.BigEndian.AppendUint16(b, v)
	}
	return binary.LittleEndian.AppendUint16(b, v)
}

func wApp32(b []byte, big bool, v uint32) []byte {
	if big {
		return binary.BigEndian.AppendUint32(b, v)
	}
	return binary.LittleEndian.AppendUint32(b, v)
}

func wApp64(b []byte, big bool, v uint64) []byte {
	if big {
		return binary.BigEndian.AppendUint64(b, v)
	}
	return binary.LittleEndian.AppendUint64(b, v)
}

func wGet16(b []byte, big bool) uint16 {
	if big {
		return binary.BigEndian.Uint16(b)
	}
	return binary.LittleEndian.Uint16(b)
}

func wGet32(b []byte, big bool) uint32 {
	if big {
		return binary.BigEndian.Uint32(b)
	}
	return binary.LittleEndian.Uint32(b)
}

func wGet64(b []byte, big bool) uint64 {
	if big {
		return binary.BigEndian.Uint64(b)
	}
	return binary.LittleEndian.Uint64(b)
}

func wPut32(b []byte, big bool, v uint32) {
	if big {
		binary.BigEndian.PutUint32(b, v)
	} else {
		binary.LittleEndian.PutUint32(b, v)
	}
}

// wPad4 returns n rounded up to a multiple of 4.
func wPad4(n int) int { return (n + 3) &^ 3 }

var wZeros [4]byte

// wAppOpt appends one pcapng option (code, length, value, padding).
func wAppOpt(b []byte, big bool, code uint16, val []byte) []byte {
	b = wApp16(b, big, code)
	b = wApp16(b, big, uint16(len(val)))
	b = append(b, val...)
	return append(b, wZeros[:wPad4(len(val))-len(val)]...)
}

func wAppOptString(b []byte, big bool, code uint16, s string) []byte {
	b = wApp16(b, big, code)
	b = wApp16(b, big, uint16(len(s)))
	b = append(b, s...)
	return append(b, wZeros[:wPad4(len(s))-len(s)]...)
}

func wAppOpt64(b []byte, big bool, code uint16, v uint64) []byte {
	b = wApp16(b, big, code)
	b = wApp16(b, big, 8)
	return wApp64(b, big, v)
}

// wAppOptTime appends a pcapng timestamp option (two 32-bit words, high
// first, as in an EPB) in units of the interface's resolution.
func wAppOptTime(b []byte, big bool, code uint16, ts uint64) []byte {
	b = wApp16(b, big, code)
	b = wApp16(b, big, 8)
	b = wApp32(b, big, uint32(ts>>32))
	return wApp32(b, big, uint32(ts))
}

// wOptsPrefix returns how many bytes of the encoded options opts (in byte
// order big) form whole, well-formed options before the end-of-options
// marker, the end of opts or the first option that runs past it. Writers
// copy that prefix and add their own end-of-options marker.
func wOptsPrefix(opts []byte, big bool) int {
	off := 0
	for len(opts)-off >= 4 {
		code := wGet16(opts[off:], big)
		l := int(wGet16(opts[off+2:], big))
		if code == 0 {
			break
		}
		n := 4 + wPad4(l)
		if n > len(opts)-off {
			break
		}
		off += n
	}
	return off
}

// wIsCustomOpt reports whether code is one of the custom option codes, whose
// value starts with a 32-bit Private Enterprise Number.
func wIsCustomOpt(code uint16) bool {
	return code == 2988 || code == 2989 || code == 19372 || code == 19373
}

// wAppSwappedPacketOpt appends one packet-block option (from opt, which
// holds exactly the option with its padding, in byte order !big) converted
// to byte order big: code and length swapped, and the value swapped where
// its type is known (epb_flags and epb_queue u32, epb_dropcount and
// epb_packetid u64, a custom option's PEN u32); strings and byte strings
// (comment, hash, verdict) are copied as they are.
func wAppSwappedPacketOpt(b []byte, big bool, opt []byte) []byte {
	code := wGet16(opt, !big)
	l := int(wGet16(opt[2:], !big))
	val := opt[4 : 4+l]
	b = wApp16(b, big, code)
	b = wApp16(b, big, uint16(l))
	switch {
	case (code == 2 || code == 6) && l == 4: // epb_flags, epb_queue
		b = wApp32(b, big, wGet32(val, !big))
	case (code == 4 || code == 5) && l == 8: // epb_dropcount, epb_packetid
		b = wApp64(b, big, wGet64(val, !big))
	case wIsCustomOpt(code) && l >= 4:
		b = wApp32(b, big, wGet32(val, !big))
		b = append(b, val[4:]...)
	default:
		b = append(b, val...)
	}
	return append(b, opt[4+l:]...)
}
