package decode

import (
	"math"
	"strconv"
)

// This file draws radiotap's HE field (802.11ax, present bit 23): six
// little-endian words, data1 and data2 saying which of data3…data6's
// subfields are known. The tree is drawn for the single-user PPDU formats
// (HE_SU, HE_EXT_SU), whose subfields tshark labels as below; the
// multi-user and trigger-based formats label them otherwise and are not
// drawn.

var heData1Known = [14]string{
	"BSS Color known", "Beam Change known", "UL/DL known", "data MCS known", "data DCM known",
	"Coding known", "LDPC extra symbol segment known", "STBC known", "Spatial Reuse 1 known",
	"Spatial Reuse 2 known", "Spatial Reuse 3 known", "Spatial Reuse 4 known",
	"data BW/RU allocation known", "Doppler known",
}

var heData2Known = [8]string{
	"pri/sec 80 MHz known", "GI known", "LTF symbols known", "Pre-FEC Padding Factor known",
	"TxBF known", "PE Disambiguity known", "TXOP known", "midamble periodicity known",
}

var heBWRU = [16]string{
	"20", "40", "80", "160/80+80", "26-tone RU", "52-tone RU", "106-tone RU", "242-tone RU",
	"484-tone RU", "996-tone RU", "2x996-tone RU", "reserved", "reserved", "reserved", "reserved", "reserved",
}

var (
	heGI         = [4]string{"0.8us", "1.6us", "3.2us", "reserved"}
	heLTFSize    = [4]string{"unknown", "1x", "2x", "4x"}
	heLTFSymbols = [8]string{"1x", "2x", "4x", "6x", "8x", "reserved", "reserved", "reserved"}
)

// heBits draws one subfield line of an HE data word: "name: 0x…" with
// " unknown" after the name when its known bit is clear (named says the
// name is the same either way).
func heBits(t *treeWriter, v uint64, mask uint64, name string, known bool, digits int) {
	t.bits(v, 16, mask, name)
	if !known {
		t.b = t.b[:len(t.b)-2]
		t.b = append(t.b, " unknown: "...)
	}
	t.b = append(t.b, "0x"...)
	t.b = appendHexN(t.b, heField(v, mask), digits)
	t.end()
}

// heField returns the bits of v under mask, shifted down.
func heField(v, mask uint64) uint64 {
	for mask&1 == 0 {
		mask >>= 1
		v >>= 1
	}
	return v & mask
}

// heNamed draws "name: Text (0x…)" when known, "name unknown: 0x…" when not.
func heNamed(t *treeWriter, v uint64, mask uint64, name, text string, known bool) {
	if !known {
		heBits(t, v, mask, name, false, 1)
		return
	}
	t.bits(v, 16, mask, name)
	t.b = append(t.b, text...)
	t.b = append(t.b, " (0x"...)
	t.b = appendHexN(t.b, heField(v, mask), 1)
	t.b = append(t.b, ')')
	t.end()
}

func knownWord(b bool) string {
	if b {
		return "Known"
	}
	return "Unknown"
}

// heHead starts "HE Data N: 0x…" and returns where the label starts.
func heHead(t *treeWriter, n int, v uint64) int {
	t.line()
	start := len(t.b)
	t.b = append(t.b, "HE Data "...)
	t.b = append(t.b, byte('0'+n))
	t.b = append(t.b, ": 0x"...)
	t.b = appendHexN(t.b, v, 4)
	return start
}

// heEnd ends a data word's title, cut as tshark cuts a long one.
func heEnd(t *treeWriter, start int) {
	if len(t.b)-start > treeLabelMax {
		t.b = t.b[:start+treeLabelMax]
	}
	t.end()
}

// treeRadiotapHE draws the HE field of a single-user PPDU.
func treeRadiotapHE(t *treeWriter, at []byte) {
	var w [6]uint64
	for k := range w {
		w[k] = uint64(le16(at[2*k:]))
	}
	d1, d2, d3, d4, d5, d6 := w[0], w[1], w[2], w[3], w[4], w[5]
	format := d1 & 3
	if format > 1 {
		return
	}
	k1 := func(bit int) bool { return d1&(1<<bit) != 0 }
	k2 := func(bit int) bool { return d2&(1<<bit) != 0 }
	t.depth = 1
	t.line()
	t.b = append(t.b, "HE information"...)
	t.end()

	// Data 1.
	fname := "HE_SU"
	if format == 1 {
		fname = "HE_EXT_SU"
	}
	t.depth = 2
	s := heHead(t, 1, d1)
	t.b = append(t.b, ", PPDU Format: "...)
	t.b = append(t.b, fname...)
	for k, name := range heData1Known {
		if k1(k + 2) {
			t.b = append(t.b, ", "...)
			t.b = append(t.b, name...)
		}
	}
	heEnd(t, s)
	t.depth = 3
	t.bits(d1, 16, 3, "PPDU Format")
	t.b = append(t.b, fname...)
	t.b = append(t.b, " (0x"...)
	t.b = appendHexN(t.b, format, 1)
	t.b = append(t.b, ')')
	t.end()
	for k, name := range heData1Known {
		t.bits(d1, 16, 1<<(k+2), name)
		t.b = append(t.b, knownWord(k1(k+2))...)
		t.end()
	}

	// Data 2.
	t.depth = 2
	s = heHead(t, 2, d2)
	for k, name := range heData2Known {
		if k2(k) {
			t.b = append(t.b, ", "...)
			t.b = append(t.b, name...)
		}
	}
	if k2(14) {
		t.b = append(t.b, ", RU allocation offset known"...)
	}
	if k2(15) {
		t.b = append(t.b, ", pri/sec 80 MHz"...)
	}
	heEnd(t, s)
	t.depth = 3
	for k, name := range heData2Known {
		t.bits(d2, 16, 1<<k, name)
		if k == 0 {
			treeTrueFalse(t, k2(0))
			continue
		}
		t.b = append(t.b, knownWord(k2(k))...)
		t.end()
	}
	t.bits(d2, 16, 0x3f00, "RU allocation offset")
	t.b = append(t.b, "0x"...)
	t.b = appendHexN(t.b, d2>>8&0x3f, 2)
	t.end()
	t.bits(d2, 16, 0x4000, "RU allocation offset known")
	t.b = append(t.b, knownWord(k2(14))...)
	t.end()
	t.bits(d2, 16, 0x8000, "pri/sec 80 MHz")
	if k2(15) {
		t.b = append(t.b, "secondary"...)
	} else {
		t.b = append(t.b, "primary"...)
	}
	t.end()

	// Data 3.
	t.depth = 2
	s = heHead(t, 3, d3)
	if k1(7) {
		if d3&0x2000 != 0 {
			t.b = append(t.b, ", Coding: LDPC"...)
		} else {
			t.b = append(t.b, ", Coding: BCC"...)
		}
	}
	heEnd(t, s)
	t.depth = 3
	heBits(t, d3, 0x3f, "BSS Color", k1(2), 2)
	heBits(t, d3, 0x40, "Beam Change", k1(3), 1)
	heBits(t, d3, 0x80, "UL/DL", k1(4), 1)
	heBits(t, d3, 0xf00, "data MCS", k1(5), 1)
	heBits(t, d3, 0x1000, "data DCM", k1(6), 1)
	if k1(7) {
		text := "BCC"
		if d3&0x2000 != 0 {
			text = "LDPC"
		}
		heNamed(t, d3, 0x2000, "Coding", text, true)
	} else {
		heBits(t, d3, 0x2000, "Coding", false, 1)
	}
	heBits(t, d3, 0x4000, "LDPC extra symbol segment", k1(8), 1)
	heBits(t, d3, 0x8000, "STBC", k1(9), 1)

	// Data 4.
	t.depth = 2
	s = heHead(t, 4, d4)
	heEnd(t, s)
	t.depth = 3
	heBits(t, d4, 0xf, "Spatial Reuse", k1(10), 1)
	t.bits(d4, 16, 0xfff0, "Reserved")
	t.b = append(t.b, "0x"...)
	t.b = appendHexN(t.b, d4>>4, 3)
	t.end()

	// Data 5.
	bw, gi, ltfs, ltfn := d5&0xf, d5>>4&3, d5>>6&3, d5>>8&7
	t.depth = 2
	s = heHead(t, 5, d5)
	if k1(14) {
		t.b = append(t.b, ", data Bandwidth/RU allocation: "...)
		t.b = append(t.b, heBWRU[bw]...)
	}
	if k2(1) {
		t.b = append(t.b, ", GI: "...)
		t.b = append(t.b, heGI[gi]...)
	}
	t.b = append(t.b, ", LTF symbol size: "...)
	t.b = append(t.b, heLTFSize[ltfs]...)
	if k2(2) {
		t.b = append(t.b, ", LTF symbols: "...)
		t.b = append(t.b, heLTFSymbols[ltfn]...)
	}
	heEnd(t, s)
	t.depth = 3
	heNamed(t, d5, 0xf, "data Bandwidth/RU allocation", heBWRU[bw], k1(14))
	heNamed(t, d5, 0x30, "GI", heGI[gi], k2(1))
	heNamed(t, d5, 0xc0, "LTF symbol size", heLTFSize[ltfs], true)
	heNamed(t, d5, 0x700, "LTF symbols", heLTFSymbols[ltfn], k2(2))
	heBits(t, d5, 0x800, "reserved", true, 1)
	heBits(t, d5, 0x3000, "Pre-FEC Padding Factor", k2(3), 1)
	heBits(t, d5, 0x4000, "TxBF", k2(4), 1)
	heBits(t, d5, 0x8000, "PE Disambiguity", k2(5), 1)

	// Data 6.
	nsts := d6 & 0xf
	mid := "10"
	if d6&0x8000 != 0 {
		mid = "20"
	}
	t.depth = 2
	s = heHead(t, 6, d6)
	t.b = append(t.b, ", NSTS: "...)
	t.b = strconv.AppendUint(t.b, nsts, 10)
	t.b = append(t.b, " space-time stream"...)
	if nsts != 1 {
		t.b = append(t.b, 's')
	}
	if k2(7) {
		t.b = append(t.b, ", midamble periodicity: "...)
		t.b = append(t.b, mid...)
	}
	heEnd(t, s)
	t.depth = 3
	t.bits(d6, 16, 0xf, "NSTS")
	t.b = strconv.AppendUint(t.b, nsts, 10)
	t.b = append(t.b, " space-time stream"...)
	if nsts != 1 {
		t.b = append(t.b, 's')
	}
	t.b = append(t.b, " (0x"...)
	t.b = appendHexN(t.b, nsts, 1)
	t.b = append(t.b, ')')
	t.end()
	heBits(t, d6, 0x10, "Doppler value", k1(15), 1)
	heBits(t, d6, 0xe0, "Reserved", true, 1)
	heBits(t, d6, 0x7f00, "TXOP value", k2(6), 2)
	heNamed(t, d6, 0x8000, "midamble periodicity", mid, k2(7))
}

// heRate returns the data rate in Mb/s of a single-user HE PPDU whose MCS,
// bandwidth or RU, guard interval and streams are known (0 otherwise):
// data subcarriers × coded bits × coding rate × streams per symbol of
// 12.8 µs plus the guard interval. Frames with DCM or STBC are left out.
func heRate(at []byte) float64 {
	d1, d2, d3, d5, d6 := le16(at), le16(at[2:]), le16(at[4:]), le16(at[8:]), le16(at[10:])
	if d1&3 > 1 || d1&(1<<5) == 0 || d1&(1<<14) == 0 || d2&2 == 0 {
		return 0
	}
	if d3&0x1000 != 0 || d3&0x8000 != 0 {
		return 0
	}
	mcs, bw, gi, nss := int(d3>>8&0xf), int(d5&0xf), int(d5>>4&3), int(d6&0xf)
	bits6 := [12]int{3, 6, 9, 12, 18, 24, 27, 30, 36, 40, 45, 50}
	nsd := [11]int{234, 468, 980, 1960, 24, 48, 102, 234, 468, 980, 1960}
	sym := [3]float64{13.6, 14.4, 16.0}
	if mcs > 11 || bw > 10 || gi > 2 || nss == 0 {
		return 0
	}
	// tshark keeps the rate to a tenth, rounded half up.
	return math.Floor(float64(nsd[bw]*bits6[mcs]*nss)/6/sym[gi]*10+0.5) / 10
}
