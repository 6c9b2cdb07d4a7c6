package decode

import "strconv"

// Radiotap is a radiotap header (https://www.radiotap.org), the radio
// information a monitor-mode interface puts before each 802.11 frame
// (link type IEEE802_11_RADIO, 127):
//
//	 0       1       2       3       4
//	+-------+-------+-------+-------+-------------------------------+
//	|version|  pad  |  length (LE)  |  present word(s) (LE, 32 bit)  |
//	+-------+-------+-------+-------+-------------------------------+
//	|  fields, each aligned to its natural size from the header start |
//
// Every integer is little-endian. A present word with bit 31 set is
// followed by another; bit 29 starts the radiotap namespace again in the
// next word, bit 30 a vendor namespace whose 6-byte header (OUI, sub
// namespace, skip length) sits among the fields.
type Radiotap []byte

const radiotapMinLen = 8

// ParseRadiotap returns the radiotap header at the start of b, its length
// checked against b.
func ParseRadiotap(b []byte) (Radiotap, error) {
	if len(b) < radiotapMinLen {
		return nil, ReasonTruncated
	}
	n := int(le16(b[2:]))
	if n < radiotapMinLen {
		return nil, ReasonBadHdrLen
	}
	if n > len(b) {
		return nil, ReasonTruncated
	}
	return Radiotap(b[:n:n]), nil
}

func le16(b []byte) uint16 { return uint16(b[0]) | uint16(b[1])<<8 }

// Version returns the header revision (0).
func (r Radiotap) Version() uint8 { return r[0] }

// Pad returns the pad byte.
func (r Radiotap) Pad() uint8 { return r[1] }

// Len returns the header's length.
func (r Radiotap) Len() int { return len(r) }

// The radiotap fields of the default namespace, by present bit.
const (
	rtTSFT        = 0
	rtFlags       = 1
	rtRate        = 2
	rtChannel     = 3
	rtFHSS        = 4
	rtDBmSignal   = 5
	rtDBmNoise    = 6
	rtQuality     = 7
	rtTxAtten     = 8
	rtDBTxAtten   = 9
	rtDBmTxPower  = 10
	rtAntenna     = 11
	rtDBSignal    = 12
	rtDBNoise     = 13
	rtRxFlags     = 14
	rtTxFlags     = 15
	rtRTSRetries  = 16
	rtDataRetries = 17
	rtXChannel    = 18
	rtMCS         = 19
	rtAMPDU       = 20
	rtVHT         = 21
	rtTimestamp   = 22
	rtHE          = 23
	rtHEMU        = 24
	rtHEMUUser    = 25
	rtZeroPSDU    = 26
	rtLSIG        = 27
	rtKnown       = 28 // fields 0..27 have a known alignment and size
)

// radiotapAlign holds each field's alignment and size in bytes.
var radiotapAlign = [rtKnown][2]uint8{
	rtTSFT: {8, 8}, rtFlags: {1, 1}, rtRate: {1, 1}, rtChannel: {2, 4}, rtFHSS: {1, 2},
	rtDBmSignal: {1, 1}, rtDBmNoise: {1, 1}, rtQuality: {2, 2}, rtTxAtten: {2, 2}, rtDBTxAtten: {2, 2},
	rtDBmTxPower: {1, 1}, rtAntenna: {1, 1}, rtDBSignal: {1, 1}, rtDBNoise: {1, 1}, rtRxFlags: {2, 2},
	rtTxFlags: {2, 2}, rtRTSRetries: {1, 1}, rtDataRetries: {1, 1}, rtXChannel: {4, 8}, rtMCS: {1, 3},
	rtAMPDU: {4, 8}, rtVHT: {2, 12}, rtTimestamp: {8, 12}, rtHE: {2, 12}, rtHEMU: {2, 12},
	rtHEMUUser: {2, 6}, rtZeroPSDU: {1, 1}, rtLSIG: {2, 4},
}

// rtFields is where each field of a radiotap header is: the offsets of the
// default namespace's first present words' fields (0 when absent: no field
// starts at offset 0), the present words, and the vendor namespace if one.
type rtFields struct {
	off      [rtKnown]uint16
	order    [rtKnown]uint8 // the present fields, in header order
	n        int            // how many of order are set
	words    int            // present words
	ok       bool           // every present field could be placed
	vendor   bool
	vendorAt uint16 // offset of the vendor namespace header
}

// has reports whether field k is present.
func (f *rtFields) has(k int) bool { return f.off[k] != 0 }

// fields walks the present words and places each field, as a parser that
// knows the sizes of fields 0..27 of the radiotap namespace can: it stops
// at the first field of unknown size (then ok is false).
func (r Radiotap) fields() (f rtFields) {
	// The present words.
	pos := 4
	for {
		if pos+4 > len(r) {
			return f
		}
		w := le32(r[pos:])
		pos += 4
		f.words++
		if w&(1<<31) == 0 {
			break
		}
	}
	ns := 0 // 0 radiotap namespace (word index within it in k), 1 vendor
	k := 0
	vendorSkip := 0
	for i := 0; i < f.words; i++ {
		w := le32(r[4+4*i:])
		if ns == 1 {
			if k == 0 {
				pos += vendorSkip
			}
		} else {
			for bit := 0; bit < 29; bit++ {
				if w&(1<<bit) == 0 {
					continue
				}
				if k != 0 || bit >= rtKnown {
					return f // a field whose size is unknown here
				}
				al, sz := int(radiotapAlign[bit][0]), int(radiotapAlign[bit][1])
				pos = (pos + al - 1) &^ (al - 1)
				if pos+sz > len(r) {
					return f
				}
				if f.off[bit] == 0 {
					f.off[bit] = uint16(pos)
					f.order[f.n] = uint8(bit)
					f.n++
				}
				pos += sz
			}
		}
		switch {
		case w&(1<<29) != 0:
			ns, k = 0, 0
		case w&(1<<30) != 0:
			pos = (pos + 1) &^ 1
			if pos+6 > len(r) {
				return f
			}
			if !f.vendor {
				f.vendor, f.vendorAt = true, uint16(pos)
			}
			vendorSkip = int(le16(r[pos+4:]))
			pos += 6
			ns, k = 1, 0
			if w&(1<<31) == 0 {
				// No word follows: the vendor data still does.
				pos += vendorSkip
			}
		default:
			k++
		}
	}
	f.ok = pos <= len(r)
	return f
}

// PresentWord returns present word i (i < the count fields found).
func (r Radiotap) presentWord(i int) uint32 { return le32(r[4+4*i:]) }

// rtFlagsFCS is the Flags field's bit for a frame that ends with its FCS.
const (
	rtFlagsShortPreamble = 0x02
	rtFlagsWEP           = 0x04
	rtFlagsFrag          = 0x08
	rtFlagsFCS           = 0x10
	rtFlagsDataPad       = 0x20
	rtFlagsBadFCS        = 0x40
	rtFlagsShortGI       = 0x80
)

// Channel flags.
const (
	rtChanTurbo   = 0x0010
	rtChanCCK     = 0x0020
	rtChanOFDM    = 0x0040
	rtChan2GHz    = 0x0080
	rtChan5GHz    = 0x0100
	rtChanPassive = 0x0200
	rtChanDyn     = 0x0400
	rtChanGFSK    = 0x0800
)

func (d *Decoder) decodeRadiotap(l *Layer) LayerType {
	r, err := ParseRadiotap(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + len(r)
	if l.Payload == l.End {
		return LayerNone
	}
	return LayerWLAN
}

// radiotapFCS reports whether the radiotap header of layer i says the
// frame after it ends with an FCS.
func radiotapFCS(d *Decoder, i int) bool {
	if i < 0 || i >= d.n || d.layers[i].Type != LayerRadiotap || d.layers[i].Malformed != "" {
		return false
	}
	l := &d.layers[i]
	r := Radiotap(d.data[l.Start:l.Payload])
	f := r.fields()
	return f.has(rtFlags) && r[f.off[rtFlags]]&rtFlagsFCS != 0
}

// The fields, as Wireshark registers them.
const (
	rtfVersion = iota
	rtfPad
	rtfLength
	rtfPresentWord
	rtfMactime
	rtfFlags
	rtfFlagsFCS
	rtfDatarate
	rtfChannelFreq
	rtfChannelFlags
	rtfDBmSignal
	rtfDBmNoise
	rtfQuality
	rtfAntenna
	rtfDBSignal
	rtfRxFlags
	rtfVHT
	rtfVHTKnown
	rtfVHTHaveSTBC
	rtfVHTHaveTXOP
	rtfVHTHaveGI
	rtfVHTHaveSGINsym
	rtfVHTLDPCExtra
	rtfVHTHaveBeamformed
	rtfMCSHaveBW
	rtfMCSHaveGID
	rtfMCSHavePAID
	rtfVHTSTBC
	rtfVHTTXOP
	rtfVHTGI
	rtfVHTSGINsym
	rtfVHTBeamformed
	rtfVHTBW
	rtfVHTUser
	rtfVHTMCS0
	rtfVHTNSS0    = rtfVHTMCS0 + 4
	rtfVHTNSTS0   = rtfVHTNSS0 + 4
	rtfVHTCoding0 = rtfVHTNSTS0 + 4
	rtfVHTRate0   = rtfVHTCoding0 + 4
	rtfVHTGID     = rtfVHTRate0 + 4
	rtfVHTPAID    = rtfVHTGID + 1

	// The lines of tshark's tree: the first present word's bits (all
	// but 16 and 25, which it does not draw), the flags and channel
	// flags bit by bit, the MCS field, and the HE field (radiotap_he.go).
	rtfPresent      = rtfVHTPAID + 1
	rtfPresentBits  = rtfPresent + 1 // 30, by rtPresentField
	rtfFlagBits     = rtfPresentBits + 30
	rtfChanFlagBits = rtfFlagBits + 7 // 15, by rtChanFlagField
	rtfRxBadPLCP    = rtfChanFlagBits + 15
	rtfMCS          = rtfRxBadPLCP + 1
	rtfMCSKnown     = rtfMCS + 1
	rtfMCSHaveIndex = rtfMCSKnown + 1 // then gi, format, fec, stbc, ness
	rtfMCSBW        = rtfMCSHaveIndex + 6
	rtfMCSGI        = rtfMCSBW + 1
	rtfMCSSTBC      = rtfMCSGI + 1
	rtfMCSIndex     = rtfMCSSTBC + 1
	rtfFieldCount   = rtfHELast + 1
)

// The HE field's fields, in tshark's tree order: each data word, then its
// subfields; a subfield whose known bit may be clear is followed by its
// "unknown" twin (the field + 1).
const (
	rtfHEData1         = rtfMCSIndex + 1 + 0
	rtfHEPPDUFormat    = rtfMCSIndex + 1 + 1
	rtfHEKnown1        = rtfMCSIndex + 1 + 2
	rtfHEData2         = rtfMCSIndex + 1 + 16
	rtfHEKnown2        = rtfMCSIndex + 1 + 17
	rtfHERUOffset      = rtfMCSIndex + 1 + 25
	rtfHERUOffsetKnown = rtfMCSIndex + 1 + 26
	rtfHEPriSec80      = rtfMCSIndex + 1 + 27
	rtfHEData3         = rtfMCSIndex + 1 + 28
	rtfHEBSSColor      = rtfMCSIndex + 1 + 29
	rtfHEBeamChange    = rtfMCSIndex + 1 + 31
	rtfHEULDL          = rtfMCSIndex + 1 + 33
	rtfHEDataMCS       = rtfMCSIndex + 1 + 35
	rtfHEDataDCM       = rtfMCSIndex + 1 + 37
	rtfHECoding        = rtfMCSIndex + 1 + 39
	rtfHELDPCExtra     = rtfMCSIndex + 1 + 41
	rtfHESTBC          = rtfMCSIndex + 1 + 43
	rtfHEData4         = rtfMCSIndex + 1 + 45
	rtfHESpatialReuse  = rtfMCSIndex + 1 + 46
	rtfHEReservedD4    = rtfMCSIndex + 1 + 48
	rtfHEData5         = rtfMCSIndex + 1 + 49
	rtfHEBWRU          = rtfMCSIndex + 1 + 50
	rtfHEGI            = rtfMCSIndex + 1 + 52
	rtfHELTFSize       = rtfMCSIndex + 1 + 54
	rtfHELTFSymbols    = rtfMCSIndex + 1 + 55
	rtfHEReservedD5    = rtfMCSIndex + 1 + 57
	rtfHEPreFEC        = rtfMCSIndex + 1 + 58
	rtfHETxBF          = rtfMCSIndex + 1 + 60
	rtfHEPEDisamb      = rtfMCSIndex + 1 + 62
	rtfHEData6         = rtfMCSIndex + 1 + 64
	rtfHENSTS          = rtfMCSIndex + 1 + 65
	rtfHEDoppler       = rtfMCSIndex + 1 + 66
	rtfHEReservedD6    = rtfMCSIndex + 1 + 68
	rtfHETXOP          = rtfMCSIndex + 1 + 69
	rtfHEMidamble      = rtfMCSIndex + 1 + 71
	rtfHELast          = rtfMCSIndex + 73
)

// rtPresentField returns the field of present bit bit (not 16 or 25).
func rtPresentField(bit int) int {
	switch {
	case bit < 16:
		return rtfPresentBits + bit
	case bit < 25:
		return rtfPresentBits + bit - 1
	}
	return rtfPresentBits + bit - 2
}

// rtFlagField is the field of each bit of the Flags field.
var rtFlagField = [8]int{rtfFlagBits, rtfFlagBits + 1, rtfFlagBits + 2, rtfFlagBits + 3,
	rtfFlagsFCS, rtfFlagBits + 4, rtfFlagBits + 5, rtfFlagBits + 6}

// rtChanFlagField returns the field of channel flag bit bit (not 3).
func rtChanFlagField(bit int) int {
	if bit < 3 {
		return rtfChanFlagBits + bit
	}
	return rtfChanFlagBits + bit - 1
}

var radiotapFields = [rtfFieldCount]Field{
	rtfVersion:      {Name: "radiotap.version", Label: "Header revision", Kind: KindUint, Width: 8},
	rtfPad:          {Name: "radiotap.pad", Label: "Header pad", Kind: KindUint, Width: 8},
	rtfLength:       {Name: "radiotap.length", Label: "Header length", Kind: KindUint, Width: 16},
	rtfPresentWord:  {Name: "radiotap.present.word", Label: "Present flags word", Kind: KindUint, Width: 32, Base: BaseHex},
	rtfMactime:      {Name: "radiotap.mactime", Label: "MAC timestamp", Kind: KindUint, Width: 64},
	rtfFlags:        {Name: "radiotap.flags", Label: "Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	rtfFlagsFCS:     {Name: "radiotap.flags.fcs", Label: "FCS at end", Kind: KindBool, Width: 8, Mask: 0x10},
	rtfDatarate:     {Name: "radiotap.datarate", Label: "Data rate (Mb/s)", Kind: KindFloat, Width: 32},
	rtfChannelFreq:  {Name: "radiotap.channel.freq", Label: "Channel frequency", Kind: KindUint, Width: 32},
	rtfChannelFlags: {Name: "radiotap.channel.flags", Label: "Channel flags", Kind: KindUint, Width: 16, Base: BaseHex},
	rtfDBmSignal:    {Name: "radiotap.dbm_antsignal", Label: "Antenna signal", Kind: KindInt, Width: 8, Unit: " dBm"},
	rtfDBmNoise:     {Name: "radiotap.dbm_antnoise", Label: "Antenna noise", Kind: KindInt, Width: 8, Unit: " dBm"},
	rtfQuality:      {Name: "radiotap.quality", Label: "Signal Quality", Kind: KindUint, Width: 16},
	rtfAntenna:      {Name: "radiotap.antenna", Label: "Antenna", Kind: KindUint, Width: 32},
	rtfDBSignal:     {Name: "radiotap.db_antsignal", Label: "dB antenna signal", Kind: KindUint, Width: 8, Unit: " dB"},
	rtfRxFlags:      {Name: "radiotap.rxflags", Label: "RX flags", Kind: KindUint, Width: 16, Base: BaseHex},

	rtfVHT:               {Name: "radiotap.vht", Label: "VHT information", Kind: KindNone},
	rtfVHTKnown:          {Name: "radiotap.vht.known", Label: "Known VHT information", Kind: KindUint, Width: 8, Base: BaseHex},
	rtfVHTHaveSTBC:       {Name: "radiotap.vht.have_stbc", Label: "STBC", Kind: KindBool, Width: 16, Mask: 0x1},
	rtfVHTHaveTXOP:       {Name: "radiotap.vht.have_txop_ps", Label: "TXOP_PS_NOT_ALLOWED", Kind: KindBool, Width: 16, Mask: 0x2},
	rtfVHTHaveGI:         {Name: "radiotap.vht.have_gi", Label: "Guard interval", Kind: KindBool, Width: 16, Mask: 0x4},
	rtfVHTHaveSGINsym:    {Name: "radiotap.vht.have_sgi_nsym_da", Label: "SGI Nsym disambiguation", Kind: KindBool, Width: 16, Mask: 0x8},
	rtfVHTLDPCExtra:      {Name: "radiotap.vht.ldpc_extra", Label: "LDPC extra OFDM symbol", Kind: KindBool, Width: 16, Mask: 0x10},
	rtfVHTHaveBeamformed: {Name: "radiotap.vht.have_beamformed", Label: "Beamformed", Kind: KindBool, Width: 16, Mask: 0x20},
	rtfMCSHaveBW:         {Name: "radiotap.mcs.have_bw", Label: "Bandwidth", Kind: KindBool, Width: 8, Mask: 0x01},
	rtfMCSHaveGID:        {Name: "radiotap.mcs.have_gid", Label: "Group ID", Kind: KindBool, Width: 16, Mask: 0x80},
	rtfMCSHavePAID:       {Name: "radiotap.mcs.have_paid", Label: "Partial AID", Kind: KindBool, Width: 16, Mask: 0x100},
	rtfVHTSTBC:           {Name: "radiotap.vht.stbc", Label: "STBC", Kind: KindBool, Width: 8, Mask: 0x1},
	rtfVHTTXOP:           {Name: "radiotap.vht.txop_ps", Label: "TXOP_PS_NOT_ALLOWED", Kind: KindBool, Width: 8, Mask: 0x2},
	rtfVHTGI:             {Name: "radiotap.vht.gi", Label: "Guard interval", Kind: KindUint, Width: 8, Mask: 0x4},
	rtfVHTSGINsym:        {Name: "radiotap.vht.sgi_nsym_da", Label: "SGI Nsym disambiguation", Kind: KindBool, Width: 8, Mask: 0x8},
	rtfVHTBeamformed:     {Name: "radiotap.vht.beamformed", Label: "Beamformed", Kind: KindBool, Width: 8, Mask: 0x20},
	rtfVHTBW:             {Name: "radiotap.vht.bw", Label: "Bandwidth", Kind: KindUint, Width: 8},
	rtfVHTUser:           {Name: "radiotap.vht.user", Label: "User", Kind: KindNone},
	rtfVHTMCS0:           {Name: "radiotap.vht.mcs.0", Label: "MCS index 0", Kind: KindUint, Width: 8, Mask: 0xf0},
	rtfVHTMCS0 + 1:       {Name: "radiotap.vht.mcs.1", Label: "MCS index 1", Kind: KindUint, Width: 8, Mask: 0xf0},
	rtfVHTMCS0 + 2:       {Name: "radiotap.vht.mcs.2", Label: "MCS index 2", Kind: KindUint, Width: 8, Mask: 0xf0},
	rtfVHTMCS0 + 3:       {Name: "radiotap.vht.mcs.3", Label: "MCS index 3", Kind: KindUint, Width: 8, Mask: 0xf0},
	rtfVHTNSS0:           {Name: "radiotap.vht.nss.0", Label: "Spatial streams 0", Kind: KindUint, Width: 8, Mask: 0xf},
	rtfVHTNSS0 + 1:       {Name: "radiotap.vht.nss.1", Label: "Spatial streams 1", Kind: KindUint, Width: 8, Mask: 0xf},
	rtfVHTNSS0 + 2:       {Name: "radiotap.vht.nss.2", Label: "Spatial streams 2", Kind: KindUint, Width: 8, Mask: 0xf},
	rtfVHTNSS0 + 3:       {Name: "radiotap.vht.nss.3", Label: "Spatial streams 3", Kind: KindUint, Width: 8, Mask: 0xf},
	rtfVHTNSTS0:          {Name: "radiotap.vht.nsts.0", Label: "Space-time streams 0", Kind: KindUint, Width: 8, Generated: true},
	rtfVHTNSTS0 + 1:      {Name: "radiotap.vht.nsts.1", Label: "Space-time streams 1", Kind: KindUint, Width: 8, Generated: true},
	rtfVHTNSTS0 + 2:      {Name: "radiotap.vht.nsts.2", Label: "Space-time streams 2", Kind: KindUint, Width: 8, Generated: true},
	rtfVHTNSTS0 + 3:      {Name: "radiotap.vht.nsts.3", Label: "Space-time streams 3", Kind: KindUint, Width: 8, Generated: true},
	rtfVHTCoding0:        {Name: "radiotap.vht.coding.0", Label: "Coding 0", Kind: KindUint, Width: 8, Mask: 0x1},
	rtfVHTCoding0 + 1:    {Name: "radiotap.vht.coding.1", Label: "Coding 1", Kind: KindUint, Width: 8, Mask: 0x2},
	rtfVHTCoding0 + 2:    {Name: "radiotap.vht.coding.2", Label: "Coding 2", Kind: KindUint, Width: 8, Mask: 0x4},
	rtfVHTCoding0 + 3:    {Name: "radiotap.vht.coding.3", Label: "Coding 3", Kind: KindUint, Width: 8, Mask: 0x8},
	rtfVHTRate0:          {Name: "radiotap.vht.datarate.0", Label: "Data rate (Mb/s) 0", Kind: KindFloat, Width: 32, Generated: true},
	rtfVHTRate0 + 1:      {Name: "radiotap.vht.datarate.1", Label: "Data rate (Mb/s) 1", Kind: KindFloat, Width: 32, Generated: true},
	rtfVHTRate0 + 2:      {Name: "radiotap.vht.datarate.2", Label: "Data rate (Mb/s) 2", Kind: KindFloat, Width: 32, Generated: true},
	rtfVHTRate0 + 3:      {Name: "radiotap.vht.datarate.3", Label: "Data rate (Mb/s) 3", Kind: KindFloat, Width: 32, Generated: true},
	rtfVHTGID:            {Name: "radiotap.vht.gid", Label: "Group Id", Kind: KindUint, Width: 8},
	rtfVHTPAID:           {Name: "radiotap.vht.paid", Label: "Partial AID", Kind: KindUint, Width: 16},

	rtfPresent:           {Name: "radiotap.present", Label: "Present flags", Kind: KindNone},
	rtfPresentBits + 0:   {Name: "radiotap.present.tsft", Label: "TSFT", Kind: KindBool, Width: 32, Mask: 0x1},
	rtfPresentBits + 1:   {Name: "radiotap.present.flags", Label: "Flags", Kind: KindBool, Width: 32, Mask: 0x2},
	rtfPresentBits + 2:   {Name: "radiotap.present.rate", Label: "Rate", Kind: KindBool, Width: 32, Mask: 0x4},
	rtfPresentBits + 3:   {Name: "radiotap.present.channel", Label: "Channel", Kind: KindBool, Width: 32, Mask: 0x8},
	rtfPresentBits + 4:   {Name: "radiotap.present.fhss", Label: "FHSS", Kind: KindBool, Width: 32, Mask: 0x10},
	rtfPresentBits + 5:   {Name: "radiotap.present.dbm_antsignal", Label: "dBm Antenna Signal", Kind: KindBool, Width: 32, Mask: 0x20},
	rtfPresentBits + 6:   {Name: "radiotap.present.dbm_antnoise", Label: "dBm Antenna Noise", Kind: KindBool, Width: 32, Mask: 0x40},
	rtfPresentBits + 7:   {Name: "radiotap.present.lock_quality", Label: "Lock Quality", Kind: KindBool, Width: 32, Mask: 0x80},
	rtfPresentBits + 8:   {Name: "radiotap.present.tx_attenuation", Label: "TX Attenuation", Kind: KindBool, Width: 32, Mask: 0x100},
	rtfPresentBits + 9:   {Name: "radiotap.present.db_tx_attenuation", Label: "dB TX Attenuation", Kind: KindBool, Width: 32, Mask: 0x200},
	rtfPresentBits + 10:  {Name: "radiotap.present.dbm_tx_power", Label: "dBm TX Power", Kind: KindBool, Width: 32, Mask: 0x400},
	rtfPresentBits + 11:  {Name: "radiotap.present.antenna", Label: "Antenna", Kind: KindBool, Width: 32, Mask: 0x800},
	rtfPresentBits + 12:  {Name: "radiotap.present.db_antsignal", Label: "dB Antenna Signal", Kind: KindBool, Width: 32, Mask: 0x1000},
	rtfPresentBits + 13:  {Name: "radiotap.present.db_antnoise", Label: "dB Antenna Noise", Kind: KindBool, Width: 32, Mask: 0x2000},
	rtfPresentBits + 14:  {Name: "radiotap.present.rxflags", Label: "RX flags", Kind: KindBool, Width: 32, Mask: 0x4000},
	rtfPresentBits + 15:  {Name: "radiotap.present.txflags", Label: "TX flags", Kind: KindBool, Width: 32, Mask: 0x8000},
	rtfPresentBits + 16:  {Name: "radiotap.present.data_retries", Label: "data retries", Kind: KindBool, Width: 32, Mask: 0x20000},
	rtfPresentBits + 17:  {Name: "radiotap.present.xchannel", Label: "Channel+", Kind: KindBool, Width: 32, Mask: 0x40000},
	rtfPresentBits + 18:  {Name: "radiotap.present.mcs", Label: "MCS information", Kind: KindBool, Width: 32, Mask: 0x80000},
	rtfPresentBits + 19:  {Name: "radiotap.present.ampdu", Label: "A-MPDU Status", Kind: KindBool, Width: 32, Mask: 0x100000},
	rtfPresentBits + 20:  {Name: "radiotap.present.vht", Label: "VHT information", Kind: KindBool, Width: 32, Mask: 0x200000},
	rtfPresentBits + 21:  {Name: "radiotap.present.timestamp", Label: "frame timestamp", Kind: KindBool, Width: 32, Mask: 0x400000},
	rtfPresentBits + 22:  {Name: "radiotap.present.he", Label: "HE information", Kind: KindBool, Width: 32, Mask: 0x800000},
	rtfPresentBits + 23:  {Name: "radiotap.present.he_mu", Label: "HE-MU information", Kind: KindBool, Width: 32, Mask: 0x1000000},
	rtfPresentBits + 24:  {Name: "radiotap.present.0_length.psdu", Label: "0 Length PSDU", Kind: KindBool, Width: 32, Mask: 0x4000000},
	rtfPresentBits + 25:  {Name: "radiotap.present.l_sig", Label: "L-SIG", Kind: KindBool, Width: 32, Mask: 0x8000000},
	rtfPresentBits + 26:  {Name: "radiotap.present.tlv", Label: "TLVs", Kind: KindBool, Width: 32, Mask: 0x10000000},
	rtfPresentBits + 27:  {Name: "radiotap.present.rtap_ns", Label: "Radiotap NS next", Kind: KindBool, Width: 32, Mask: 0x20000000},
	rtfPresentBits + 28:  {Name: "radiotap.present.vendor_ns", Label: "Vendor NS next", Kind: KindBool, Width: 32, Mask: 0x40000000},
	rtfPresentBits + 29:  {Name: "radiotap.present.ext", Label: "Ext", Kind: KindBool, Width: 32, Mask: 0x80000000},
	rtfFlagBits + 0:      {Name: "radiotap.flags.cfp", Label: "CFP", Kind: KindBool, Width: 8, Mask: 0x1},
	rtfFlagBits + 1:      {Name: "radiotap.flags.preamble", Label: "Preamble", Kind: KindBool, Width: 8, Mask: 0x2},
	rtfFlagBits + 2:      {Name: "radiotap.flags.wep", Label: "WEP", Kind: KindBool, Width: 8, Mask: 0x4},
	rtfFlagBits + 3:      {Name: "radiotap.flags.frag", Label: "Fragmentation", Kind: KindBool, Width: 8, Mask: 0x8},
	rtfFlagBits + 4:      {Name: "radiotap.flags.datapad", Label: "Data Pad", Kind: KindBool, Width: 8, Mask: 0x20},
	rtfFlagBits + 5:      {Name: "radiotap.flags.badfcs", Label: "Bad FCS", Kind: KindBool, Width: 8, Mask: 0x40},
	rtfFlagBits + 6:      {Name: "radiotap.flags.shortgi", Label: "Short GI", Kind: KindBool, Width: 8, Mask: 0x80},
	rtfChanFlagBits + 0:  {Name: "radiotap.channel.flags.700mhz", Label: "700 MHz spectrum", Kind: KindBool, Width: 16, Mask: 0x1},
	rtfChanFlagBits + 1:  {Name: "radiotap.channel.flags.800mhz", Label: "800 MHz spectrum", Kind: KindBool, Width: 16, Mask: 0x2},
	rtfChanFlagBits + 2:  {Name: "radiotap.channel.flags.900mhz", Label: "900 MHz spectrum", Kind: KindBool, Width: 16, Mask: 0x4},
	rtfChanFlagBits + 3:  {Name: "radiotap.channel.flags.turbo", Label: "Turbo", Kind: KindBool, Width: 16, Mask: 0x10},
	rtfChanFlagBits + 4:  {Name: "radiotap.channel.flags.cck", Label: "Complementary Code Keying (CCK)", Kind: KindBool, Width: 16, Mask: 0x20},
	rtfChanFlagBits + 5:  {Name: "radiotap.channel.flags.ofdm", Label: "Orthogonal Frequency-Division Multiplexing (OFDM)", Kind: KindBool, Width: 16, Mask: 0x40},
	rtfChanFlagBits + 6:  {Name: "radiotap.channel.flags.2ghz", Label: "2 GHz spectrum", Kind: KindBool, Width: 16, Mask: 0x80},
	rtfChanFlagBits + 7:  {Name: "radiotap.channel.flags.5ghz", Label: "5 GHz spectrum", Kind: KindBool, Width: 16, Mask: 0x100},
	rtfChanFlagBits + 8:  {Name: "radiotap.channel.flags.passive", Label: "Passive", Kind: KindBool, Width: 16, Mask: 0x200},
	rtfChanFlagBits + 9:  {Name: "radiotap.channel.flags.dynamic", Label: "Dynamic CCK-OFDM", Kind: KindBool, Width: 16, Mask: 0x400},
	rtfChanFlagBits + 10: {Name: "radiotap.channel.flags.gfsk", Label: "Gaussian Frequency Shift Keying (GFSK)", Kind: KindBool, Width: 16, Mask: 0x800},
	rtfChanFlagBits + 11: {Name: "radiotap.channel.flags.gsm", Label: "GSM (900MHz)", Kind: KindBool, Width: 16, Mask: 0x1000},
	rtfChanFlagBits + 12: {Name: "radiotap.channel.flags.sturbo", Label: "Static Turbo", Kind: KindBool, Width: 16, Mask: 0x2000},
	rtfChanFlagBits + 13: {Name: "radiotap.channel.flags.half", Label: "Half Rate Channel (10MHz Channel Width)", Kind: KindBool, Width: 16, Mask: 0x4000},
	rtfChanFlagBits + 14: {Name: "radiotap.channel.flags.quarter", Label: "Quarter Rate Channel (5MHz Channel Width)", Kind: KindBool, Width: 16, Mask: 0x8000},
	rtfRxBadPLCP:         {Name: "radiotap.rxflags.badplcp", Label: "Bad PLCP", Kind: KindBool, Width: 24, Mask: 0x2},
	rtfMCS:               {Name: "radiotap.mcs", Label: "MCS information", Kind: KindNone},
	rtfMCSKnown:          {Name: "radiotap.mcs.known", Label: "Known MCS information", Kind: KindUint, Width: 8, Base: BaseHex},
	rtfMCSHaveIndex + 0:  {Name: "radiotap.mcs.have_index", Label: "MCS index", Kind: KindBool, Width: 8, Mask: 0x2},
	rtfMCSHaveIndex + 1:  {Name: "radiotap.mcs.have_gi", Label: "Guard interval", Kind: KindBool, Width: 8, Mask: 0x4},
	rtfMCSHaveIndex + 2:  {Name: "radiotap.mcs.have_format", Label: "Format", Kind: KindBool, Width: 8, Mask: 0x8},
	rtfMCSHaveIndex + 3:  {Name: "radiotap.mcs.have_fec", Label: "FEC type", Kind: KindBool, Width: 8, Mask: 0x10},
	rtfMCSHaveIndex + 4:  {Name: "radiotap.mcs.have_stbc", Label: "STBC streams", Kind: KindBool, Width: 8, Mask: 0x20},
	rtfMCSHaveIndex + 5:  {Name: "radiotap.mcs.have_ness", Label: "Number of extension spatial streams", Kind: KindBool, Width: 8, Mask: 0x40},
	rtfMCSBW:             {Name: "radiotap.mcs.bw", Label: "Bandwidth", Kind: KindUint, Width: 8, Mask: 0x3},
	rtfMCSGI:             {Name: "radiotap.mcs.gi", Label: "Guard interval", Kind: KindUint, Width: 8, Mask: 0x4},
	rtfMCSSTBC:           {Name: "radiotap.mcs.stbc", Label: "STBC streams", Kind: KindUint, Width: 8, Mask: 0x60},
	rtfMCSIndex:          {Name: "radiotap.mcs.index", Label: "MCS index", Kind: KindUint, Width: 8},
	rtfMCSIndex + 1:      {Name: "radiotap.he.data_1", Label: "HE Data 1", Kind: KindUint, Width: 16, Base: BaseHex},
	rtfMCSIndex + 2:      {Name: "radiotap.he.data_1.ppdu_format", Label: "PPDU Format", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x3},
	rtfMCSIndex + 3:      {Name: "radiotap.he.data_1.bss_color_known", Label: "BSS Color known", Kind: KindBool, Width: 16, Mask: 0x4},
	rtfMCSIndex + 4:      {Name: "radiotap.he.data_1.beam_change_known", Label: "Beam Change known", Kind: KindBool, Width: 16, Mask: 0x8},
	rtfMCSIndex + 5:      {Name: "radiotap.he.data_1.ul_dl_known", Label: "UL/DL known", Kind: KindBool, Width: 16, Mask: 0x10},
	rtfMCSIndex + 6:      {Name: "radiotap.he.data_1.data_mcs_known", Label: "data MCS known", Kind: KindBool, Width: 16, Mask: 0x20},
	rtfMCSIndex + 7:      {Name: "radiotap.he.data_1.data_dcm_known", Label: "data DCM known", Kind: KindBool, Width: 16, Mask: 0x40},
	rtfMCSIndex + 8:      {Name: "radiotap.he.data_1.coding_known", Label: "Coding known", Kind: KindBool, Width: 16, Mask: 0x80},
	rtfMCSIndex + 9:      {Name: "radiotap.he.data_1.ldpc_extra_symbol_segment_known", Label: "LDPC extra symbol segment known", Kind: KindBool, Width: 16, Mask: 0x100},
	rtfMCSIndex + 10:     {Name: "radiotap.he.data_1.stbc_known", Label: "STBC known", Kind: KindBool, Width: 16, Mask: 0x200},
	rtfMCSIndex + 11:     {Name: "radiotap.he.data_1.spatial_reuse_1_known", Label: "Spatial Reuse 1 known", Kind: KindBool, Width: 16, Mask: 0x400},
	rtfMCSIndex + 12:     {Name: "radiotap.he.data_1.spatial_reuse_2_known", Label: "Spatial Reuse 2 known", Kind: KindBool, Width: 16, Mask: 0x800},
	rtfMCSIndex + 13:     {Name: "radiotap.he.data_1.spatial_reuse_3_known", Label: "Spatial Reuse 3 known", Kind: KindBool, Width: 16, Mask: 0x1000},
	rtfMCSIndex + 14:     {Name: "radiotap.he.data_1.spatial_reuse_4_known", Label: "Spatial Reuse 4 known", Kind: KindBool, Width: 16, Mask: 0x2000},
	rtfMCSIndex + 15:     {Name: "radiotap.he.data_1.data_bw_ru_allocation_known", Label: "data BW/RU allocation known", Kind: KindBool, Width: 16, Mask: 0x4000},
	rtfMCSIndex + 16:     {Name: "radiotap.he.data_1.doppler_known", Label: "Doppler known", Kind: KindBool, Width: 16, Mask: 0x8000},
	rtfMCSIndex + 17:     {Name: "radiotap.he.data_2", Label: "HE Data 2", Kind: KindUint, Width: 16, Base: BaseHex},
	rtfMCSIndex + 18:     {Name: "radiotap.he.data_2.pri_sec_80_mhz_known", Label: "pri/sec 80 MHz known", Kind: KindBool, Width: 16, Mask: 0x1},
	rtfMCSIndex + 19:     {Name: "radiotap.he.data_2.gi_known", Label: "GI known", Kind: KindBool, Width: 16, Mask: 0x2},
	rtfMCSIndex + 20:     {Name: "radiotap.he.data_2.num_ltf_symbols_known", Label: "LTF symbols known", Kind: KindBool, Width: 16, Mask: 0x4},
	rtfMCSIndex + 21:     {Name: "radiotap.he.data_2.pre_fec_padding_factor_known", Label: "Pre-FEC Padding Factor known", Kind: KindBool, Width: 16, Mask: 0x8},
	rtfMCSIndex + 22:     {Name: "radiotap.he.data_2.txbf_known", Label: "TxBF known", Kind: KindBool, Width: 16, Mask: 0x10},
	rtfMCSIndex + 23:     {Name: "radiotap.he.data_2.pe_disambiguity_known", Label: "PE Disambiguity known", Kind: KindBool, Width: 16, Mask: 0x20},
	rtfMCSIndex + 24:     {Name: "radiotap.he.data_2.txop_known", Label: "TXOP known", Kind: KindBool, Width: 16, Mask: 0x40},
	rtfMCSIndex + 25:     {Name: "radiotap.he.data_2.midamble_periodicity_known", Label: "midamble periodicity known", Kind: KindBool, Width: 16, Mask: 0x80},
	rtfMCSIndex + 26:     {Name: "radiotap.he.data_2.ru_allocation_offset", Label: "RU allocation offset", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x3f00},
	rtfMCSIndex + 27:     {Name: "radiotap.he.data_2.ru_allocation_offseti_known", Label: "RU allocation offset known", Kind: KindBool, Width: 16, Mask: 0x4000},
	rtfMCSIndex + 28:     {Name: "radiotap.he.data_2.pri_sec_80_mhz", Label: "pri/sec 80 MHz", Kind: KindBool, Width: 16, Mask: 0x8000},
	rtfMCSIndex + 29:     {Name: "radiotap.he.data_3", Label: "HE Data 3", Kind: KindUint, Width: 16, Base: BaseHex},
	rtfMCSIndex + 30:     {Name: "radiotap.he.data_3.bss_color", Label: "BSS Color", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x3f},
	rtfMCSIndex + 31:     {Name: "radiotap.he.data_3.bss_color_unknown", Label: "BSS Color unknown", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x3f},
	rtfMCSIndex + 32:     {Name: "radiotap.he.data_3.beam_change", Label: "Beam Change", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x40},
	rtfMCSIndex + 33:     {Name: "radiotap.he.data_3.beam_change_unknown", Label: "Beam Change unknown", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x40},
	rtfMCSIndex + 34:     {Name: "radiotap.he.data_3.ul_dl", Label: "UL/DL", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x80},
	rtfMCSIndex + 35:     {Name: "radiotap.he.data_3.ul_dl_unknown", Label: "UL/DL unknown", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x80},
	rtfMCSIndex + 36:     {Name: "radiotap.he.data_3.data_mcs", Label: "data MCS", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xf00},
	rtfMCSIndex + 37:     {Name: "radiotap.he.data_3.data_mcs_unknown", Label: "data MCS unknown", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xf00},
	rtfMCSIndex + 38:     {Name: "radiotap.he.data_3.data_dcm", Label: "data DCM", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x1000},
	rtfMCSIndex + 39:     {Name: "radiotap.he.data_3.data_dcm_unknown", Label: "data DCM unknown", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x1000},
	rtfMCSIndex + 40:     {Name: "radiotap.he.data_3.coding", Label: "Coding", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x2000},
	rtfMCSIndex + 41:     {Name: "radiotap.he.data_3.coding_unknown", Label: "Coding unknown", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x2000},
	rtfMCSIndex + 42:     {Name: "radiotap.he.data_3.ldpc_extra_symbol_segment", Label: "LDPC extra symbol segment", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x4000},
	rtfMCSIndex + 43:     {Name: "radiotap.he.data_3.ldpc_extra_symbol_segment_unknown", Label: "LDPC extra symbol segment unknown", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x4000},
	rtfMCSIndex + 44:     {Name: "radiotap.he.data_3.stbc", Label: "STBC", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x8000},
	rtfMCSIndex + 45:     {Name: "radiotap.he.data_3.stbc_unknown", Label: "STBC unknown", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x8000},
	rtfMCSIndex + 46:     {Name: "radiotap.he.data_4", Label: "HE Data 4", Kind: KindUint, Width: 16, Base: BaseHex},
	rtfMCSIndex + 47:     {Name: "radiotap.he.data_4.spatial_reuse", Label: "Spatial Reuse", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xf},
	rtfMCSIndex + 48:     {Name: "radiotap.he.data_4.spatial_reuse_unknown", Label: "Spatial Reuse unknown", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xf},
	rtfMCSIndex + 49:     {Name: "radiotap.he.data_4.reserved_d4_fff0", Label: "Reserved", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xfff0},
	rtfMCSIndex + 50:     {Name: "radiotap.he.data_5", Label: "HE Data 5", Kind: KindUint, Width: 16, Base: BaseHex},
	rtfMCSIndex + 51:     {Name: "radiotap.he.data_5.data_bw_ru_allocation", Label: "data Bandwidth/RU allocation", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xf},
	rtfMCSIndex + 52:     {Name: "radiotap.he.data_5.data_bw_ru_allocation_unknown", Label: "data Bandwidth/RU allocation unknown", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xf},
	rtfMCSIndex + 53:     {Name: "radiotap.he.data_5.gi", Label: "GI", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x30},
	rtfMCSIndex + 54:     {Name: "radiotap.he.data_5.gi_unknown", Label: "GI unknown", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x30},
	rtfMCSIndex + 55:     {Name: "radiotap.he.data_5.ltf_symbol_size", Label: "LTF symbol size", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xc0},
	rtfMCSIndex + 56:     {Name: "radiotap.he.num_ltf_symbols", Label: "LTF symbols", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x700},
	rtfMCSIndex + 57:     {Name: "radiotap.he.num_ltf_symbols_unknown", Label: "LTF symbols unknown", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x700},
	rtfMCSIndex + 58:     {Name: "radiotap.he.data_5.reserved_d5_b11", Label: "reserved", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x800},
	rtfMCSIndex + 59:     {Name: "radiotap.he.pre_fec_padding_factor", Label: "Pre-FEC Padding Factor", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x3000},
	rtfMCSIndex + 60:     {Name: "radiotap.he.pre_fec_padding_factor_unknown", Label: "Pre-FEC Padding Factor unknown", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x3000},
	rtfMCSIndex + 61:     {Name: "radiotap.he.txbf", Label: "TxBF", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x4000},
	rtfMCSIndex + 62:     {Name: "radiotap.he.txbf_unknown", Label: "TxBF unknown", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x4000},
	rtfMCSIndex + 63:     {Name: "radiotap.he.pe_disambiguity", Label: "PE Disambiguity", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x8000},
	rtfMCSIndex + 64:     {Name: "radiotap.he.pe_disambiguity_unknown", Label: "PE Disambiguity unknown", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x8000},
	rtfMCSIndex + 65:     {Name: "radiotap.he.data_6", Label: "HE Data 6", Kind: KindUint, Width: 16, Base: BaseHex},
	rtfMCSIndex + 66:     {Name: "radiotap.he.data_6.nsts", Label: "NSTS", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xf},
	rtfMCSIndex + 67:     {Name: "radiotap.he.data_6.doppler_value", Label: "Doppler value", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x10},
	rtfMCSIndex + 68:     {Name: "radiotap.he.data_6.doppler_value_unknown", Label: "Doppler value unknown", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x10},
	rtfMCSIndex + 69:     {Name: "radiotap.he.data_6.reserved_d6_00e0", Label: "Reserved", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xe0},
	rtfMCSIndex + 70:     {Name: "radiotap.he.data_6.txop_value", Label: "TXOP value", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x7f00},
	rtfMCSIndex + 71:     {Name: "radiotap.he.data_6.txop_value_unknown", Label: "TXOP value unknown", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x7f00},
	rtfMCSIndex + 72:     {Name: "radiotap.he.data_6.midamble_periodicity", Label: "midamble periodicity", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x8000},
	rtfMCSIndex + 73:     {Name: "radiotap.he.data_6.midamble_periodicity_unknown", Label: "midamble periodicity unknown", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x8000},
}

var protoRadiotap = protoField("radiotap", "Radiotap Header v0")

// wlan_radio: the radio information tshark derives from any radio header.
const (
	wrPHY = iota
	wrShortPreamble
	wrDataRate
	wrChannel
	wrFrequency
	wrSignalDB
	wrSignalDBm
	wrNoiseDBm
	wrTimestamp
	wrDuration
	wrPreamble
	wr11acSTBC
	wr11acShortGI
	wr11acSGINsym
	wr11acLDPCExtra
	wr11acBeamformed
	wr11acBandwidth
	wr11acUser
	wr11acNSTS
	wr11acMCS
	wr11acNSS
	wr11acFEC
	wr11acGID
	wr11acPAID
	wr11aTurbo
	wr11nMCS
	wr11nBandwidth
	wr11nShortGI
	wr11nSTBC
	wrSNR
	wrStart
	wrEnd
	wr11acTXOP
	wrFieldCount
)

var wlanRadioFields = [wrFieldCount]Field{
	wrPHY:           {Name: "wlan_radio.phy", Label: "PHY type", Kind: KindUint, Width: 32},
	wrShortPreamble: {Name: "wlan_radio.short_preamble", Label: "Short preamble", Kind: KindBool},
	wrDataRate:      {Name: "wlan_radio.data_rate", Label: "Data rate", Kind: KindFloat, Width: 32},
	wrChannel:       {Name: "wlan_radio.channel", Label: "Channel", Kind: KindUint, Width: 32},
	wrFrequency:     {Name: "wlan_radio.frequency", Label: "Frequency", Kind: KindUint, Width: 16, Unit: "MHz"},
	wrSignalDB:      {Name: "wlan_radio.signal_db", Label: "Signal strength (dB)", Kind: KindUint, Width: 8, Unit: " dB"},
	wrSignalDBm:     {Name: "wlan_radio.signal_dbm", Label: "Signal strength (dBm)", Kind: KindInt, Width: 8, Unit: " dBm"},
	wrNoiseDBm:      {Name: "wlan_radio.noise_dbm", Label: "Noise level (dBm)", Kind: KindInt, Width: 8, Unit: " dBm"},
	wrTimestamp:     {Name: "wlan_radio.timestamp", Label: "TSF timestamp", Kind: KindUint, Width: 64},
	wrDuration:      {Name: "wlan_radio.duration", Label: "Duration", Kind: KindUint, Width: 32, Unit: "µs", Generated: true},
	wrPreamble:      {Name: "wlan_radio.preamble", Label: "Preamble", Kind: KindUint, Width: 32, Unit: "µs", Generated: true},

	wr11acSTBC:       {Name: "wlan_radio.11ac.stbc", Label: "STBC", Kind: KindBool},
	wr11acShortGI:    {Name: "wlan_radio.11ac.short_gi", Label: "Short GI", Kind: KindBool},
	wr11acSGINsym:    {Name: "wlan_radio.11ac.short_gi_nsym_disambig", Label: "Short GI Nsym disambiguation", Kind: KindBool},
	wr11acLDPCExtra:  {Name: "wlan_radio.11ac.ldpc_extra_ofdm_symbol", Label: "LDPC extra OFDM symbol", Kind: KindBool},
	wr11acBeamformed: {Name: "wlan_radio.11ac.beamformed", Label: "Beamformed", Kind: KindBool},
	wr11acBandwidth:  {Name: "wlan_radio.11ac.bandwidth", Label: "Bandwidth", Kind: KindUint, Width: 32},
	wr11acUser:       {Name: "wlan_radio.11ac.user", Label: "User", Kind: KindNone},
	wr11acNSTS:       {Name: "wlan_radio.11ac.nsts", Label: "Space-time streams", Kind: KindUint, Width: 32},
	wr11acMCS:        {Name: "wlan_radio.11ac.mcs", Label: "MCS index", Kind: KindUint, Width: 32},
	wr11acNSS:        {Name: "wlan_radio.11ac.nss", Label: "Spatial streams", Kind: KindUint, Width: 32},
	wr11acFEC:        {Name: "wlan_radio.11ac.fec", Label: "FEC", Kind: KindUint, Width: 32},
	wr11acGID:        {Name: "wlan_radio.11ac.gid", Label: "Group Id", Kind: KindUint, Width: 32},
	wr11acPAID:       {Name: "wlan_radio.11ac.paid", Label: "Partial AID", Kind: KindUint, Width: 16},
	wr11aTurbo:       {Name: "wlan_radio.11a.turbo_type", Label: "Turbo type", Kind: KindUint, Width: 32},
	wr11nMCS:         {Name: "wlan_radio.11n.mcs_index", Label: "MCS index", Kind: KindUint, Width: 32},
	wr11nBandwidth:   {Name: "wlan_radio.11n.bandwidth", Label: "Bandwidth", Kind: KindUint, Width: 32},
	wr11nShortGI:     {Name: "wlan_radio.11n.short_gi", Label: "Short GI", Kind: KindBool},
	wr11nSTBC:        {Name: "wlan_radio.11n.stbc_streams", Label: "Number of STBC streams", Kind: KindUint, Width: 32},
	wrSNR:            {Name: "wlan_radio.snr", Label: "Signal/noise ratio (dB)", Kind: KindInt, Width: 32, Unit: " dB"},
	wrStart:          {Name: "wlan_radio.start_tsf", Label: "Start", Kind: KindUint, Width: 64, Unit: "µs", Generated: true},
	wrEnd:            {Name: "wlan_radio.end_tsf", Label: "End", Kind: KindUint, Width: 64, Unit: "µs", Generated: true},
	// tshark names it outside wlan_radio's name space.
	wr11acTXOP: {Name: "wlan_radio_11ac.txop_ps_not_allowed", Label: "TXOP_PS_NOT_ALLOWED", Kind: KindBool},
}

var protoWLANRadio = protoField("wlan_radio", "802.11 radio information")

// emitRadiotap emits the radiotap fields and tshark's wlan_radio pseudo
// layer, in the order and nesting of tshark's tree.
func emitRadiotap(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	raw := d.data[l.Start:l.End]
	f := &radiotapFields
	e.Proto(&protoRadiotap)
	if e.Tree() {
		b := append(e.Text(), "Radiotap Header v"...)
		if len(raw) >= 4 {
			b = strconv.AppendInt(b, int64(raw[0]), 10)
			b = append(b, ", Length "...)
			b = strconv.AppendInt(b, int64(le16(raw[2:])), 10)
			if raw[0] != 0 {
				b = append(b, " (invalid)"...)
			}
		}
		e.SetRepr(b)
	}
	if len(raw) >= 4 {
		e.Uint(&f[rtfVersion], uint64(raw[0]))
		e.Uint(&f[rtfPad], uint64(raw[1]))
		e.Uint(&f[rtfLength], uint64(le16(raw[2:])))
	}
	if l.Malformed != "" {
		e.End()
		return
	}
	r := Radiotap(d.data[l.Start:l.Payload])
	if r.Version() != 0 {
		// tshark reads nothing past a header of an unknown revision.
		e.End()
		e.Proto(&protoWLANRadio)
		e.End()
		return
	}
	fs := r.fields()
	e.None(&f[rtfPresent])
	e.Sub()
	for k := range fs.words {
		if !e.all && k > 0 {
			break // tshark draws later words per namespace; not here
		}
		w := uint64(r.presentWord(k))
		e.Uint(&f[rtfPresentWord], w)
		if k == 0 {
			e.Sub()
			for bit := range 32 {
				if bit != 16 && bit != 25 {
					e.BoolBits(&f[rtPresentField(bit)], w)
				}
			}
			e.Up()
		}
	}
	e.Up()
	if e.Tree() && (fs.words > 1 || !fs.ok) {
		// The fields after several present words are not drawn yet.
		e.End()
		return
	}
	for _, k := range fs.order[:fs.n] {
		at := r[fs.off[k]:]
		switch k {
		case rtTSFT:
			e.Uint(&f[rtfMactime], le64(at))
		case rtFlags:
			v := uint64(at[0])
			e.Uint(&f[rtfFlags], v)
			e.Sub()
			for bit := range 8 {
				e.BoolBits(&f[rtFlagField[bit]], v)
			}
			e.Up()
		case rtRate:
			e.Float(&f[rtfDatarate], float64(at[0])/2)
			if e.Tree() {
				b := appendRate10(append(e.Text(), "Data Rate: "...), int(at[0])*5)
				e.SetRepr(append(b, " Mb/s"...))
			}
		case rtChannel:
			freq, fl := int(le16(at)), le16(at[2:])
			e.Uint(&f[rtfChannelFreq], uint64(freq))
			if ch := wlanChannel(freq); ch > 0 && e.Tree() {
				b := strconv.AppendInt(append(e.Text(), "Channel frequency: "...), int64(freq), 10)
				if freq <= 2484 {
					b = append(b, " [BG "...)
				} else {
					b = append(b, " [A "...)
				}
				b = strconv.AppendInt(b, int64(ch), 10)
				e.SetRepr(append(b, ']'))
			}
			e.Uint(&f[rtfChannelFlags], uint64(fl))
			if e.Tree() {
				b := appendHex4(append(e.Text(), "Channel flags: 0x"...), fl)
				for bit := range 16 {
					if bit != 3 && fl&(1<<bit) != 0 {
						b = append(b, ", "...)
						b = append(b, f[rtChanFlagField(bit)].Label...)
					}
				}
				e.SetRepr(b)
			}
			e.Sub()
			for bit := range 16 {
				if bit != 3 {
					e.BoolBits(&f[rtChanFlagField(bit)], uint64(fl))
				}
			}
			e.Up()
		case rtDBmSignal:
			e.Int(&f[rtfDBmSignal], int64(int8(at[0])))
		case rtDBmNoise:
			e.Int(&f[rtfDBmNoise], int64(int8(at[0])))
		case rtQuality:
			e.Uint(&f[rtfQuality], uint64(le16(at)))
		case rtAntenna:
			e.Uint(&f[rtfAntenna], uint64(at[0]))
		case rtDBSignal:
			e.Uint(&f[rtfDBSignal], uint64(at[0]))
		case rtRxFlags:
			v := uint64(le16(at))
			e.Uint(&f[rtfRxFlags], v)
			e.Sub()
			e.BoolBits(&f[rtfRxBadPLCP], v)
			e.Up()
		case rtMCS:
			emitRadiotapMCS(e, at)
		case rtVHT:
			emitRadiotapVHT(e, at)
		case rtHE:
			emitRadiotapHE(e, at)
		}
	}
	e.End()
	emitWLANRadio(e, radioInfo(d, i))
}

// emitRadiotapMCS emits the MCS field (known bits, flags, index) and the
// data rate tshark works out from it.
func emitRadiotapMCS(e *emitter, at []byte) {
	f := &radiotapFields
	known, fl, idx := at[0], uint64(at[1]), at[2]
	have := [7]int{rtfMCSHaveBW, rtfMCSHaveIndex, rtfMCSHaveIndex + 1, rtfMCSHaveIndex + 2,
		rtfMCSHaveIndex + 3, rtfMCSHaveIndex + 4, rtfMCSHaveIndex + 5}
	e.None(&f[rtfMCS])
	e.Sub()
	e.Uint(&f[rtfMCSKnown], uint64(known))
	if e.Tree() {
		b := appendHex2(append(e.Text(), "Known MCS information: 0x"...), known)
		for _, k := range have {
			if uint64(known)&f[k].Mask != 0 {
				b = append(b, ", "...)
				b = append(b, f[k].Label...)
			}
		}
		e.SetRepr(b)
	}
	e.Sub()
	for _, k := range have {
		e.BoolBits(&f[k], uint64(known))
	}
	e.Up()
	if known&1 != 0 {
		e.UintBits(&f[rtfMCSBW], fl)
	}
	if known&4 != 0 {
		e.UintBits(&f[rtfMCSGI], fl)
	}
	if known&0x20 != 0 {
		e.UintBits(&f[rtfMCSSTBC], fl)
	}
	rate := 0
	if known&2 != 0 {
		e.Uint(&f[rtfMCSIndex], uint64(idx))
		if known&1 != 0 && fl&3 <= 1 && idx < 32 {
			rate = htRate10(idx, fl&3 == 1, known&4 != 0 && fl&4 != 0)
		}
	}
	e.Up()
	if rate > 0 {
		e.Float(&f[rtfDatarate], float64(rate)/10)
		if e.Tree() {
			b := appendRate10(append(e.Text(), "[Data Rate: "...), rate)
			e.SetRepr(append(b, " Mb/s]"...))
		}
	}
}

// emitWLANRadio emits tshark's "802.11 radio information" of w.
func emitWLANRadio(e *emitter, w radio) {
	rf := &wlanRadioFields
	e.Proto(&protoWLANRadio)
	if w.phy != 0 {
		e.Uint(&rf[wrPHY], uint64(w.phy))
	}
	switch w.phy {
	case phy11b:
		e.Bool(&rf[wrShortPreamble], w.shortPreamble)
	case phy11a:
		e.Uint(&rf[wr11aTurbo], 0)
	case phy11n:
		m := &w.mcs
		if m.hasIdx {
			e.Uint(&rf[wr11nMCS], uint64(m.index))
		}
		if m.hasBW && m.bw <= 1 {
			e.Uint(&rf[wr11nBandwidth], uint64(m.bw))
		}
		if m.hasGI {
			e.Bool(&rf[wr11nShortGI], m.shortGI)
		}
		if m.hasSTBC {
			e.Uint(&rf[wr11nSTBC], uint64(m.stbc))
		}
	case phyVHT:
		if w.vht.ok {
			emitWLANRadioVHT(e, &w.vht)
			if w.vht.rate > 0 {
				emitWLANRate(e, float32Shown(w.vht.rate), 0)
			}
		}
	case phyHE:
		if w.heRate > 0 {
			emitWLANRate(e, float32Shown(w.heRate), 0)
		}
	}
	if w.rate10 != 0 && w.phy != phyHE && w.phy != phyVHT {
		emitWLANRate(e, float64(w.rate10)/10, w.rate10)
	}
	if w.freq != 0 {
		if ch := wlanChannel(w.freq); ch > 0 {
			e.Uint(&rf[wrChannel], uint64(ch))
		}
		e.Uint(&rf[wrFrequency], uint64(w.freq))
	}
	if w.hasDB {
		e.Uint(&rf[wrSignalDB], uint64(w.db))
	}
	if w.hasDBm {
		e.Int(&rf[wrSignalDBm], int64(w.dbm))
	}
	if w.hasNoise {
		e.Int(&rf[wrNoiseDBm], int64(w.noise))
		if w.hasDBm {
			e.Int(&rf[wrSNR], int64(w.dbm)-int64(w.noise))
		}
	}
	if w.hasTSF {
		e.Uint(&rf[wrTimestamp], w.tsf)
	}
	if w.duration > 0 {
		e.Uint(&rf[wrDuration], uint64(w.duration))
		e.Sub()
		if w.phy == phyVHT && !w.vht.hasSTBC {
			e.ExpertLine("Warning", "Assumption", "No stbc information was available, assuming no stbc.", nil)
		}
		e.Uint(&rf[wrPreamble], uint64(w.preamble))
		if w.hasTSF && w.tsf >= uint64(w.duration) {
			e.Uint(&rf[wrStart], w.tsf-uint64(w.duration))
			e.Uint(&rf[wrEnd], w.tsf)
		}
		e.Up()
	}
	e.End()
}

// emitWLANRate emits wlan_radio's data rate v, drawn "Data rate: 54.0
// Mb/s" (from r10, tenths of Mb/s, when not 0).
func emitWLANRate(e *emitter, v float64, r10 int) {
	e.Float(&wlanRadioFields[wrDataRate], v)
	if e.Tree() {
		b := append(e.Text(), "Data rate: "...)
		if r10 != 0 {
			b = appendRate10(b, r10)
		} else {
			b = strconv.AppendFloat(b, float64(float32(v)), 'f', 1, 32)
		}
		e.SetRepr(append(b, " Mb/s"...))
	}
}

// PHY types, as wlan_radio numbers them.
const (
	phy11b = 4
	phy11a = 5
	phy11g = 6
	phy11n = 7
	phyVHT = 8
	phyHE  = 11
)

// radio is what tshark's 802.11 radio information holds for a frame.
type radio struct {
	phy                     int
	shortPreamble           bool
	rate10                  int // data rate in tenths of Mb/s, 0 unknown
	freq                    int
	hasDB, hasDBm, hasNoise bool
	db                      uint8
	dbm, noise              int8
	hasTSF                  bool
	tsf                     uint64
	duration, preamble      int // µs; 0 unknown
	vht                     vhtRadio
	heRate                  float64 // Mb/s, 0 unknown
	mcs                     struct {
		ok                   bool
		index, bw            uint8
		hasBW, hasGI, hasIdx bool
		shortGI              bool
		stbc                 uint8
		hasSTBC              bool
	}
}

// radioInfo works out layer i's (a radiotap header's) radio information.
func radioInfo(d *Decoder, i int) (w radio) {
	l := &d.layers[i]
	r := Radiotap(d.data[l.Start:l.Payload])
	fs := r.fields()
	var chFlags uint16
	hasCh := false
	var flags uint8
	for _, k := range fs.order[:fs.n] {
		at := r[fs.off[k]:]
		switch k {
		case rtTSFT:
			w.hasTSF, w.tsf = true, le64(at)
		case rtFlags:
			flags = at[0]
		case rtRate:
			w.rate10 = int(at[0]) * 5
		case rtChannel:
			w.freq = int(le16(at))
			chFlags = le16(at[2:])
			hasCh = true
		case rtDBmSignal:
			w.hasDBm, w.dbm = true, int8(at[0])
		case rtDBmNoise:
			w.hasNoise, w.noise = true, int8(at[0])
		case rtDBSignal:
			w.hasDB, w.db = true, at[0]
		case rtMCS:
			m := &w.mcs
			m.ok = true
			known, fl := at[0], at[1]
			m.hasBW, m.hasIdx, m.hasGI, m.hasSTBC = known&1 != 0, known&2 != 0, known&4 != 0, known&0x20 != 0
			m.bw, m.shortGI, m.stbc, m.index = fl&3, fl&4 != 0, fl>>5&3, at[2]
		}
	}
	w.shortPreamble = flags&rtFlagsShortPreamble != 0
	chPHY := 0
	switch {
	case hasCh && chFlags&rtChanCCK != 0:
		chPHY = phy11b
	case hasCh && chFlags&rtChanOFDM != 0 && chFlags&rtChan5GHz != 0:
		chPHY = phy11a
	case hasCh && chFlags&(rtChanOFDM|rtChanDyn) != 0 && chFlags&rtChan2GHz != 0:
		chPHY = phy11g
	}
	switch {
	case fs.has(rtHE):
		w.phy = phyHE
		w.heRate = heRate(r[fs.off[rtHE]:])
	case fs.has(rtVHT):
		w.phy = phyVHT
		if !fs.has(rtMCS) {
			w.vht = vhtRadioInfo(r[fs.off[rtVHT]:], chPHY)
		}
	case w.mcs.ok:
		w.phy = phy11n
	case hasCh && chFlags&rtChanCCK != 0:
		w.phy = phy11b
	case hasCh && chFlags&rtChanOFDM != 0 && chFlags&rtChan5GHz != 0:
		w.phy = phy11a
	case hasCh && chFlags&(rtChanOFDM|rtChanDyn) != 0 && chFlags&rtChan2GHz != 0:
		w.phy = phy11g
	}
	if w.phy == phy11n && w.rate10 == 0 && w.mcs.hasIdx && w.mcs.index < 32 {
		bw40 := w.mcs.hasBW && w.mcs.bw == 1
		w.rate10 = htRate10(w.mcs.index, bw40, w.mcs.hasGI && w.mcs.shortGI)
	}
	// The frame's duration on air, as tshark works it out for the PHYs
	// whose arithmetic is plain.
	n := l.End - l.Payload // the 802.11 frame as captured
	if (w.rate10 > 0 || w.vht.rate > 0) && n > 0 && l.End == len(d.data) {
		switch w.phy {
		case phy11b:
			w.preamble = 192
			if w.shortPreamble {
				w.preamble = 96
			}
			w.duration = w.preamble + (n*8*10+w.rate10-1)/w.rate10
		case phyVHT:
			w.vhtDuration(n)
		case phy11a:
			// Data bits per 4 µs symbol: the rate in Mb/s times 4.
			if chFlags&(rtChanTurbo|0x4000|0x8000) == 0 && w.rate10*4%10 == 0 {
				ndbps := w.rate10 * 4 / 10
				sym := (16 + 8*n + 6 + ndbps - 1) / ndbps
				w.preamble = 20
				w.duration = 20 + 4*sym
			}
		}
	}
	return w
}

// htRate10 returns the data rate of HT MCS index mcs (below 32) in tenths
// of Mb/s, rounded as tshark prints it.
func htRate10(mcs uint8, bw40, shortGI bool) int {
	// Data bits per symbol for one stream, MCS 0..7.
	ndbps20 := [8]int{26, 52, 78, 104, 156, 208, 234, 260}
	ndbps40 := [8]int{54, 108, 162, 216, 324, 432, 486, 540}
	nd := ndbps20[mcs%8]
	if bw40 {
		nd = ndbps40[mcs%8]
	}
	nd *= int(mcs/8) + 1
	// A symbol lasts 4 µs, 3.6 µs with a short guard interval.
	if shortGI {
		return (nd*100 + 18) / 36
	}
	return (nd*10 + 2) / 4
}

// wlanChannel returns the 802.11 channel of frequency mhz, or -1.
func wlanChannel(mhz int) int {
	switch {
	case mhz == 2484:
		return 14
	case mhz >= 2412 && mhz < 2484 && (mhz-2407)%5 == 0:
		return (mhz - 2407) / 5
	case mhz >= 4910 && mhz <= 4980 && mhz%5 == 0:
		return (mhz - 4000) / 5
	case mhz > 5000 && mhz < 5900 && mhz%5 == 0:
		return (mhz - 5000) / 5
	case mhz > 5950 && mhz <= 7115 && mhz%5 == 0:
		return (mhz - 5950) / 5
	}
	return -1
}

// appendRate10 appends a rate in tenths of Mb/s as "5.5".
func appendRate10(b []byte, r int) []byte {
	b = strconv.AppendInt(b, int64(r/10), 10)
	return append(b, '.', byte('0'+r%10))
}
