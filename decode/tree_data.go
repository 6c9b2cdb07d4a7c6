package decode

import (
	"encoding/binary"
	"slices"
)

// appendTreeHexDump appends a blank line and data as tshark's hex dump:
// "0000  68 65 6c …   hello", 16 bytes a line, the offset in four hex
// digits (more past 0xffff), printable ASCII as is and anything else as '.'.
func appendTreeHexDump(b, data []byte) []byte {
	b = append(b, '\n')
	for off := 0; off < len(data); off += 16 {
		line := data[off:min(off+16, len(data))]
		b = appendOffset(b, off)
		// "  ", 16 columns of "xx " (blank past the data), "  ", the
		// characters, "\n": written in place from tables.
		n := len(b)
		b = slices.Grow(b, treeHexLine)[:n+treeHexLine-16+len(line)]
		o := (*[treeHexLine]byte)(b[n : n+treeHexLine : n+treeHexLine])
		o[0], o[1] = ' ', ' '
		if len(line) == 16 {
			// One 4-byte store a byte: its digits, the space, and a
			// byte the next store (or the two spaces after) overwrites.
			l := (*[16]byte)(line)
			for k := range 16 {
				binary.LittleEndian.PutUint32(o[2+3*k:], hexSpaceWord[l[k]])
				o[52+k] = printable[l[k]]
			}
		} else {
			for k := range 16 {
				o[2+3*k], o[3+3*k], o[4+3*k] = ' ', ' ', ' '
				if k < len(line) {
					h := hexByteSpace[line[k]]
					o[2+3*k], o[3+3*k] = h[0], h[1]
					o[52+k] = printable[line[k]]
				}
			}
		}
		o[50], o[51] = ' ', ' '
		o[52+len(line)] = '\n'
	}
	return b
}

// treeHexLine is the length of a full hex dump line after its offset.
const treeHexLine = 2 + 48 + 2 + 16 + 1

// hexByteSpace holds every byte's two hex digits, and hexSpaceWord the
// digits and a space as the low three bytes of a little-endian word;
// printable every byte as the dumps' character column shows it.
var hexByteSpace, hexSpaceWord, printable = func() (h [256][2]byte, w [256]uint32, p [256]byte) {
	for c := range 256 {
		h[c] = [2]byte{hexDigits[c>>4], hexDigits[c&15]}
		w[c] = uint32(h[c][0]) | uint32(h[c][1])<<8 | ' '<<16
		p[c] = '.'
		if c >= 0x20 && c <= 0x7e {
			p[c] = byte(c)
		}
	}
	return h, w, p
}()

// linkTrailer is what follows the payload of a link layer: zero padding up
// to the 60-byte minimum frame, a trailer, and a frame check sequence.
type linkTrailer struct {
	pad, trailer, fcs []byte
	nonZero           bool // padding that is not zeros, shown as a trailer
}

// linkTrailerOf splits what follows the payload of link layer i (Ethernet,
// 802.1Q, Linux cooked capture) as tshark's Ethernet trailer logic does:
// the padding up to 60 bytes of a frame shorter than 64 (zeros; tshark
// calls padding that is not zeros a trailer and says so), a trailer, and
// for Ethernet a 4-byte frame
// check sequence assumed on frames of 64 bytes or more. wire is the frame's
// length on the wire; a frame cut short by the snap length has none. ok is
// false when there is nothing to show.
func linkTrailerOf(d *Decoder, i, wire int) (tr linkTrailer, ok bool) {
	l := &d.layers[i]
	fcs := l.Type == LayerEthernet
	if l.Quoted {
		// A frame sFlow carries: as long as its sampled header, and
		// without a frame check sequence (tshark's eth_withoutfcs).
		k := i
		for k > 0 && d.layers[k-1].Quoted && d.layers[k-1].Payload == d.layers[k].Start {
			k--
		}
		wire, fcs = l.End-d.layers[k].Start, false
	} else if wire != len(d.data) {
		return tr, false
	}
	if i+1 >= d.n {
		return tr, false
	}
	next := &d.layers[i+1]
	if next.Type == LayerVLAN || next.Type == LayerMACsec || next.Malformed != "" {
		return tr, false // (MACsec shows the frame's end as its ICV)
	}
	end := l.End
	dot3 := l.Type == LayerEthernet && l.Payload > l.Start && Ethernet(d.data[l.Start:l.Payload]).isDot3()
	if dot3 {
		end = len(d.data) // the 802.3 length shrank the layer itself
		if i > 0 {
			end = d.layers[i-1].End
		}
	}
	if next.End >= end {
		return tr, false
	}
	trailer := d.data[next.End:end]
	pad := 0
	if wire >= 60 && wire < 64 && len(trailer) > 0 {
		// Up to the 60-byte minimum: the bytes after it (no frame
		// check sequence below 64) are a trailer.
		pad = max(0, min(len(trailer), 60-(wire-len(trailer))))
	}
	for _, c := range trailer[:pad] {
		if c != 0 {
			tr.nonZero, pad = true, 0 // not padding: the whole is a trailer
			break
		}
	}
	tr.pad = trailer[:pad]
	rest := trailer[pad:]
	n := len(rest)
	if fcs && wire-l.Start >= 64 && len(rest) >= 4 {
		n -= 4
		tr.fcs = rest[n:]
	}
	tr.trailer = rest[:n]
	return tr, true
}
