package decode

import (
	"math"
)

// This file is radiotap's HE field (802.11ax, present bit 23): six
// little-endian words, data1 and data2 saying which of data3…data6's
// subfields are known. Its fields are emitted for the single-user PPDU
// formats (HE_SU, HE_EXT_SU), whose subfields tshark labels as below; the
// multi-user and trigger-based formats label them otherwise and are left
// out.

// emitRadiotapHE emits the HE field of a single-user PPDU, in the order and
// nesting of tshark's tree: each data word, its title naming what it says,
// and its subfields, a subfield whose known bit is clear under its
// "unknown" twin.
func emitRadiotapHE(e *emitter, at []byte) {
	var w [6]uint64
	for k := range w {
		w[k] = uint64(le16(at[2*k:]))
	}
	d1, d2, d3, d4, d5, d6 := w[0], w[1], w[2], w[3], w[4], w[5]
	if d1&3 > 1 {
		return
	}
	f := &radiotapFields
	k1 := func(bit int) bool { return d1&(1<<bit) != 0 }
	k2 := func(bit int) bool { return d2&(1<<bit) != 0 }
	sub := func(k int, v uint64, known bool) {
		if !known {
			k++
		}
		e.UintBits(&f[k], v)
	}
	e.LineString("HE information")
	e.Sub()

	e.Uint(&f[rtfHEData1], d1)
	if e.Tree() {
		b, start := heTitle(e, 1, d1)
		b = append(b, ", PPDU Format: "...)
		b = append(b, f[rtfHEPPDUFormat].ValueNames().Name(d1&3)...)
		for k := range 14 {
			if k1(k + 2) {
				b = append(b, ", "...)
				b = append(b, f[rtfHEKnown1+k].Label...)
			}
		}
		e.SetRepr(heCut(b, start))
	}
	e.Sub()
	e.UintBits(&f[rtfHEPPDUFormat], d1)
	for k := range 14 {
		e.BoolBits(&f[rtfHEKnown1+k], d1)
	}
	e.Up()

	e.Uint(&f[rtfHEData2], d2)
	if e.Tree() {
		b, start := heTitle(e, 2, d2)
		for k := range 8 {
			if k2(k) {
				b = append(b, ", "...)
				b = append(b, f[rtfHEKnown2+k].Label...)
			}
		}
		if k2(14) {
			b = append(b, ", RU allocation offset known"...)
		}
		if k2(15) {
			b = append(b, ", pri/sec 80 MHz"...)
		}
		e.SetRepr(heCut(b, start))
	}
	e.Sub()
	for k := range 8 {
		e.BoolBits(&f[rtfHEKnown2+k], d2)
	}
	e.UintBits(&f[rtfHERUOffset], d2)
	e.BoolBits(&f[rtfHERUOffsetKnown], d2)
	e.BoolBits(&f[rtfHEPriSec80], d2)
	e.Up()

	e.Uint(&f[rtfHEData3], d3)
	if e.Tree() && k1(7) {
		b, start := heTitle(e, 3, d3)
		if d3&0x2000 != 0 {
			b = append(b, ", Coding: LDPC"...)
		} else {
			b = append(b, ", Coding: BCC"...)
		}
		e.SetRepr(heCut(b, start))
	}
	e.Sub()
	sub(rtfHEBSSColor, d3, k1(2))
	sub(rtfHEBeamChange, d3, k1(3))
	sub(rtfHEULDL, d3, k1(4))
	sub(rtfHEDataMCS, d3, k1(5))
	sub(rtfHEDataDCM, d3, k1(6))
	sub(rtfHECoding, d3, k1(7))
	sub(rtfHELDPCExtra, d3, k1(8))
	sub(rtfHESTBC, d3, k1(9))
	e.Up()

	e.Uint(&f[rtfHEData4], d4)
	e.Sub()
	sub(rtfHESpatialReuse, d4, k1(10))
	e.UintBits(&f[rtfHEReservedD4], d4)
	e.Up()

	e.Uint(&f[rtfHEData5], d5)
	if e.Tree() {
		b, start := heTitle(e, 5, d5)
		if k1(14) {
			b = append(b, ", data Bandwidth/RU allocation: "...)
			b = append(b, f[rtfHEBWRU].ValueNames().Name(d5&0xf)...)
		}
		if k2(1) {
			b = append(b, ", GI: "...)
			b = append(b, f[rtfHEGI].ValueNames().Name(d5>>4&3)...)
		}
		b = append(b, ", LTF symbol size: "...)
		b = append(b, f[rtfHELTFSize].ValueNames().Name(d5>>6&3)...)
		if k2(2) {
			b = append(b, ", LTF symbols: "...)
			b = append(b, f[rtfHELTFSymbols].ValueNames().Name(d5>>8&7)...)
		}
		e.SetRepr(heCut(b, start))
	}
	e.Sub()
	sub(rtfHEBWRU, d5, k1(14))
	sub(rtfHEGI, d5, k2(1))
	e.UintBits(&f[rtfHELTFSize], d5)
	sub(rtfHELTFSymbols, d5, k2(2))
	e.UintBits(&f[rtfHEReservedD5], d5)
	sub(rtfHEPreFEC, d5, k2(3))
	sub(rtfHETxBF, d5, k2(4))
	sub(rtfHEPEDisamb, d5, k2(5))
	e.Up()

	e.Uint(&f[rtfHEData6], d6)
	if e.Tree() {
		nsts := d6 & 0xf
		b, start := heTitle(e, 6, d6)
		b = append(b, ", NSTS: "...)
		b = append(b, f[rtfHENSTS].ValueNames().Name(nsts)...)
		if k2(7) {
			b = append(b, ", midamble periodicity: "...)
			b = append(b, f[rtfHEMidamble].ValueNames().Name(d6>>15)...)
		}
		e.SetRepr(heCut(b, start))
	}
	e.Sub()
	e.UintBits(&f[rtfHENSTS], d6)
	sub(rtfHEDoppler, d6, k1(15))
	e.UintBits(&f[rtfHEReservedD6], d6)
	sub(rtfHETXOP, d6, k2(6))
	sub(rtfHEMidamble, d6, k2(7))
	e.Up()

	e.Up()
}

// heTitle starts the tree text of data word n, "HE Data n: 0x…", and
// returns where it starts.
func heTitle(e *emitter, n int, v uint64) ([]byte, int) {
	b := e.Text()
	start := len(b)
	b = append(b, "HE Data "...)
	b = append(b, byte('0'+n))
	b = append(b, ": 0x"...)
	return appendHexN(b, v, 4), start
}

// heCut cuts a long title as tshark cuts an item's label.
func heCut(b []byte, start int) []byte {
	if len(b)-start > treeLabelMax {
		return b[:start+treeLabelMax]
	}
	return b
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
