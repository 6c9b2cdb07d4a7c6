package decode

import (
	"math"
	"strconv"
)

// This file is radiotap's VHT field (802.11ac, present bit 21) and the
// lines of tshark's 802.11 radio information it feeds:
//
//	 0      2      3    4               8       9     10      12
//	+------+------+----+---------------+-------+-----+-------+
//	|known |flags | bw | mcs_nss[4]    |coding |gid  | paid  |
//	+------+------+----+---------------+-------+-----+-------+
//
// known says which of flags, bw, gid and paid hold information; each
// mcs_nss byte is one user's MCS (high nibble) and spatial streams (low
// nibble, 0: no such user); coding bit i is user i's LDPC.

// vhtField is a radiotap VHT field.
type vhtField struct {
	known       uint16
	flags, bw   uint8
	mcsNSS      [4]uint8
	coding, gid uint8
	paid        uint16
}

// The VHT known bits.
const (
	vhtHaveSTBC       = 0x0001
	vhtHaveTXOP       = 0x0002
	vhtHaveGI         = 0x0004
	vhtHaveSGINsym    = 0x0008
	vhtHaveLDPCExtra  = 0x0010
	vhtHaveBeamformed = 0x0020
	vhtHaveBW         = 0x0040
	vhtHaveGID        = 0x0080
	vhtHavePAID       = 0x0100
)

func parseRTVHT(at []byte) (v vhtField) {
	v.known, v.flags, v.bw = le16(at), at[2], at[3]
	copy(v.mcsNSS[:], at[4:8])
	v.coding, v.gid, v.paid = at[8], at[9], le16(at[10:])
	return v
}

// vhtModulation names each VHT MCS index's modulation and coding rate.
var vhtModulation = [10]string{
	"BPSK 1/2", "QPSK 1/2", "QPSK 3/4", "16-QAM 1/2", "16-QAM 3/4",
	"64-QAM 2/3", "64-QAM 3/4", "64-QAM 5/6", "256-QAM 3/4", "256-QAM 5/6",
}

// vhtBits6 is each MCS index's coded bits per subcarrier times the coding
// rate, times 6; vhtNsd the data subcarriers of 20, 40, 80 and 160 MHz.
var (
	vhtBits6 = [10]int{3, 6, 9, 12, 18, 24, 27, 30, 36, 40}
	vhtNsd   = [4]int{52, 108, 234, 468}
)

// vhtBWClass returns the width of radiotap VHT bandwidth bw as 0 (20 MHz),
// 1 (40), 2 (80) or 3 (160), or -1 for an unknown value.
func vhtBWClass(bw uint8) int {
	switch {
	case bw == 0 || bw == 2 || bw == 3 || (bw >= 7 && bw <= 10) || (bw >= 18 && bw <= 25):
		return 0
	case bw == 1 || bw == 5 || bw == 6 || (bw >= 14 && bw <= 17):
		return 1
	case bw == 4 || bw == 12 || bw == 13:
		return 2
	case bw == 11:
		return 3
	}
	return -1
}

// vhtValid reports whether the standard defines MCS mcs at width class bwc
// with nss spatial streams.
func vhtValid(mcs uint8, bwc, nss int) bool {
	switch {
	case mcs > 9:
		return false
	case bwc == 0 && mcs == 9:
		return nss == 3 || nss == 6
	case bwc == 2 && mcs == 6:
		return nss != 3 && nss != 7
	case bwc == 2 && mcs == 9:
		return nss != 6
	case bwc == 3 && mcs == 9:
		return nss != 3
	}
	return true
}

// vhtTableRate10 returns one stream's rate in tenths of Mb/s, rounded as
// the published table (and radiotap's tree, which multiplies it by the
// streams) has it.
func vhtTableRate10(mcs uint8, bwc int, shortGI bool) int {
	n := vhtNsd[bwc] * vhtBits6[mcs] * 10 * 2 // twice the rate in tenths, times 6·4 (or 6·3.6)
	if shortGI {
		return (n*10 + 216) / 432
	}
	return (n + 24) / 48
}

// vhtRate returns the exact rate in Mb/s of nss streams.
func vhtRate(mcs uint8, bwc, nss int, shortGI bool) float64 {
	sym := 4.0
	if shortGI {
		sym = 3.6
	}
	return float64(vhtNsd[bwc]*vhtBits6[mcs]*nss) / 6 / sym
}

// float32Shown returns v as tshark shows an FT_FLOAT: the single-precision
// value with 6 significant digits (%g).
func float32Shown(v float64) float64 {
	v = float64(float32(v))
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return v
	}
	e := math.Floor(math.Log10(math.Abs(v)))
	s := math.Pow(10, 5-e)
	return math.Round(v*s) / s
}

// vhtRadio is what the VHT field gives tshark's radio information, with
// what a Channel field before it left in the same place (Wireshark keeps
// the PHYs' details in a union: an 11a channel leaves "TXOP_PS_NOT_ALLOWED"
// false behind, an 11g one "STBC" off).
type vhtRadio struct {
	ok               bool
	v                vhtField
	hasSTBC, hasTXOP bool
	stbc, txop       bool
	rate             float64 // the last valid user's, 0 none
}

func vhtRadioInfo(at []byte, chPHY int) (w vhtRadio) {
	w.ok = true
	w.v = parseRTVHT(at)
	v := &w.v
	switch chPHY {
	case phy11a:
		w.hasTXOP = true
	case phy11g:
		w.hasSTBC = true
	}
	if v.known&vhtHaveSTBC != 0 {
		w.hasSTBC, w.stbc = true, v.flags&1 != 0
	}
	if v.known&vhtHaveTXOP != 0 {
		w.hasTXOP, w.txop = true, v.flags&2 != 0
	}
	if v.known&vhtHaveGI != 0 && v.known&vhtHaveBW != 0 {
		if bwc := vhtBWClass(v.bw); bwc >= 0 {
			for u := range 4 {
				mcs, nss := v.mcsNSS[u]>>4, int(v.mcsNSS[u]&15)
				if nss != 0 && vhtValid(mcs, bwc, nss) {
					w.rate = vhtRate(mcs, bwc, nss, v.flags&4 != 0)
				}
			}
		}
	}
	return w
}

// vhtNSTS returns a user's space-time streams: twice its spatial streams
// with STBC.
func vhtNSTS(v *vhtField, nss int) int {
	if v.flags&1 != 0 {
		return 2 * nss
	}
	return nss
}

// emitRadiotapVHT emits the VHT field's fields, in the order and nesting
// of tshark's tree.
func emitRadiotapVHT(e *emitter, at []byte) {
	v := parseRTVHT(at)
	f := &radiotapFields
	k := uint64(v.known)
	fl := uint64(v.flags)
	e.None(&f[rtfVHT])
	e.Sub()
	e.Uint(&f[rtfVHTKnown], uint64(at[1]))
	if e.Tree() {
		// tshark labels the known word with its two bytes read big-endian.
		b := append(e.Text(), "Known VHT information: 0x"...)
		if kb := uint64(at[0])<<8 | uint64(at[1]); kb > 0xff {
			b = strconv.AppendUint(b, kb, 16)
		} else {
			b = appendHex2(b, uint8(kb))
		}
		e.SetRepr(b)
	}
	e.Sub()
	for _, h := range [9]int{rtfVHTHaveSTBC, rtfVHTHaveTXOP, rtfVHTHaveGI, rtfVHTHaveSGINsym, rtfVHTLDPCExtra,
		rtfVHTHaveBeamformed, rtfMCSHaveBW, rtfMCSHaveGID, rtfMCSHavePAID} {
		if h != rtfMCSHaveBW {
			e.BoolBits(&f[h], k)
			continue
		}
		// The MCS field's definition, drawn at the known word's bit.
		e.Bool(&f[h], k&vhtHaveBW != 0)
		if e.Tree() {
			e.SetRepr(appendBitLine(e.Text(), &f[h], k, 16, vhtHaveBW, "Present", "Absent"))
		}
	}
	e.Up()
	if k&vhtHaveSTBC != 0 {
		e.BoolBits(&f[rtfVHTSTBC], fl)
	}
	if k&vhtHaveTXOP != 0 {
		e.BoolBits(&f[rtfVHTTXOP], fl)
	}
	if k&vhtHaveGI != 0 {
		e.UintBits(&f[rtfVHTGI], fl)
	}
	if k&vhtHaveSGINsym != 0 {
		e.BoolBits(&f[rtfVHTSGINsym], fl)
	}
	if k&vhtHaveLDPCExtra != 0 && (e.all || e.Tree()) {
		// The known bit's definition, drawn at the flags' bit.
		e.Bool(&f[rtfVHTLDPCExtra], fl&0x10 != 0)
		if e.Tree() {
			e.SetRepr(appendBitLine(e.Text(), &f[rtfVHTLDPCExtra], fl, 8, 0x10, "True", "False"))
		}
	}
	if k&vhtHaveBeamformed != 0 {
		e.BoolBits(&f[rtfVHTBeamformed], fl)
	}
	bwc := -1
	if k&vhtHaveBW != 0 {
		e.Uint(&f[rtfVHTBW], uint64(v.bw))
		bwc = vhtBWClass(v.bw)
	}
	for u := range 4 {
		mcs, nss := v.mcsNSS[u]>>4, int(v.mcsNSS[u]&15)
		if nss == 0 {
			continue
		}
		if e.all || u == 0 || e.Tree() {
			e.None(&f[rtfVHTUser])
			if e.Tree() {
				b := append(e.Text(), "User "...)
				b = append(b, byte('0'+u))
				b = append(b, ": MCS "...)
				e.SetRepr(strconv.AppendInt(b, int64(mcs), 10))
			}
		}
		e.Sub()
		e.UintBits(&f[rtfVHTMCS0+u], uint64(v.mcsNSS[u]))
		if e.Tree() {
			b := appendBitDrawing(e.Text(), uint64(v.mcsNSS[u]), 8, 0xf0)
			b = append(append(b, " = "...), f[rtfVHTMCS0+u].Label...)
			b = append(b, ": "...)
			e.SetRepr(appendVHTMCS(b, mcs))
		}
		e.UintBits(&f[rtfVHTNSS0+u], uint64(v.mcsNSS[u]))
		if k&vhtHaveSTBC != 0 {
			e.Uint(&f[rtfVHTNSTS0+u], uint64(vhtNSTS(&v, nss)))
		}
		e.UintBits(&f[rtfVHTCoding0+u], uint64(v.coding))
		if k&vhtHaveGI != 0 && bwc >= 0 && mcs <= 9 {
			r := float32(vhtTableRate10(mcs, bwc, v.flags&4 != 0)) / 10 * float32(nss)
			e.Float(&f[rtfVHTRate0+u], float32Shown(float64(r)))
			if e.Tree() {
				b := strconv.AppendFloat(append(e.Text(), "Data Rate: "...), float64(r), 'f', 1, 32)
				e.SetRepr(append(b, " Mb/s"...))
				if !vhtValid(mcs, bwc, nss) {
					e.Sub()
					e.ExpertLine("Warning", "Protocol", "Data rate invalid", nil)
					e.Up()
				}
			}
		}
		e.Up()
	}
	if k&vhtHaveGID != 0 {
		e.Uint(&f[rtfVHTGID], uint64(v.gid))
	}
	if k&vhtHavePAID != 0 {
		e.Uint(&f[rtfVHTPAID], uint64(v.paid))
	}
	e.Up()
}

// appendBitLine appends the line of boolean f drawn as the bits mask of the
// width-bit word v, whatever f's own width and mask, named yes or no.
func appendBitLine(b []byte, f *Field, v uint64, width int, mask uint64, yes, no string) []byte {
	b = appendBitDrawing(b, v&mask, width, mask)
	b = append(append(b, " = "...), f.Label...)
	b = append(b, ": "...)
	if v&mask != 0 {
		return append(b, yes...)
	}
	return append(b, no...)
}

// appendVHTMCS appends a VHT MCS index and its modulation: "9 (256-QAM
// 5/6)", or "(invalid)".
func appendVHTMCS(b []byte, mcs uint8) []byte {
	b = strconv.AppendInt(b, int64(mcs), 10)
	if mcs > 9 {
		return append(b, " (invalid)"...)
	}
	b = append(b, " ("...)
	b = append(b, vhtModulation[mcs]...)
	return append(b, ')')
}

// emitWLANRadioVHT emits wlan_radio's 802.11ac fields.
func emitWLANRadioVHT(e *emitter, w *vhtRadio) {
	rf := &wlanRadioFields
	v := &w.v
	k := v.known
	if k&vhtHaveGI != 0 {
		e.Bool(&rf[wr11acShortGI], v.flags&4 != 0)
	}
	if k&vhtHaveBW != 0 {
		e.Uint(&rf[wr11acBandwidth], uint64(v.bw))
	}
	if w.hasSTBC {
		e.Bool(&rf[wr11acSTBC], w.stbc)
	}
	if w.hasTXOP {
		e.Bool(&rf[wr11acTXOP], w.txop)
	}
	if k&vhtHaveSGINsym != 0 {
		e.Bool(&rf[wr11acSGINsym], v.flags&8 != 0)
	}
	if k&vhtHaveLDPCExtra != 0 {
		e.Bool(&rf[wr11acLDPCExtra], v.flags&0x10 != 0)
	}
	if k&vhtHaveBeamformed != 0 {
		e.Bool(&rf[wr11acBeamformed], v.flags&0x20 != 0)
	}
	for u := range 4 {
		mcs, nss := v.mcsNSS[u]>>4, int(v.mcsNSS[u]&15)
		if nss == 0 {
			continue
		}
		if !e.all && !e.Tree() && u != firstVHTUser(v) {
			continue
		}
		e.None(&rf[wr11acUser])
		if e.Tree() {
			b := append(e.Text(), "User "...)
			b = append(b, byte('0'+u))
			b = append(b, ": MCS "...)
			e.SetRepr(strconv.AppendInt(b, int64(mcs), 10))
		}
		e.Sub()
		e.Uint(&rf[wr11acMCS], uint64(mcs))
		if e.Tree() {
			e.SetRepr(appendVHTMCS(append(e.Text(), "MCS index: "...), mcs))
		}
		e.Uint(&rf[wr11acNSS], uint64(nss))
		if w.hasSTBC {
			n := nss
			if w.stbc {
				n *= 2
			}
			e.Uint(&rf[wr11acNSTS], uint64(n))
		}
		e.Uint(&rf[wr11acFEC], uint64(v.coding>>u&1))
		e.Up()
	}
	if k&vhtHaveGID != 0 {
		e.Uint(&rf[wr11acGID], uint64(v.gid))
	}
	if k&vhtHavePAID != 0 {
		e.Uint(&rf[wr11acPAID], uint64(v.paid))
	}
}

func firstVHTUser(v *vhtField) int {
	for u := range 4 {
		if v.mcsNSS[u]&15 != 0 {
			return u
		}
	}
	return -1
}

// vhtDuration works out a VHT frame's time on air as tshark does for n
// bytes: a preamble of 32 µs and 4 µs per space-time stream of the first
// user, then the bits (with 16 service and 6 tail bits) at the data rate,
// whole microseconds.
func (w *radio) vhtDuration(n int) {
	v := &w.vht.v
	u := firstVHTUser(v)
	if u < 0 || w.vht.rate <= 0 {
		return
	}
	nsts := int(v.mcsNSS[u] & 15)
	if w.vht.stbc {
		nsts *= 2
	}
	w.preamble = 32 + 4*nsts
	w.duration = w.preamble + int(float64(8*n+22)/w.vht.rate)
}
