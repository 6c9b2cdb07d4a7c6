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
	rtfFieldCount = rtfVHTPAID + 1
)

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
	rtfDBmSignal:    {Name: "radiotap.dbm_antsignal", Label: "Antenna signal", Kind: KindInt, Width: 8},
	rtfDBmNoise:     {Name: "radiotap.dbm_antnoise", Label: "Antenna noise", Kind: KindInt, Width: 8},
	rtfQuality:      {Name: "radiotap.quality", Label: "Signal Quality", Kind: KindUint, Width: 16},
	rtfAntenna:      {Name: "radiotap.antenna", Label: "Antenna", Kind: KindUint, Width: 32},
	rtfDBSignal:     {Name: "radiotap.db_antsignal", Label: "dB antenna signal", Kind: KindUint, Width: 8},
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
	rtfVHTNSTS0:          {Name: "radiotap.vht.nsts.0", Label: "Space-time streams 0", Kind: KindUint, Width: 8},
	rtfVHTNSTS0 + 1:      {Name: "radiotap.vht.nsts.1", Label: "Space-time streams 1", Kind: KindUint, Width: 8},
	rtfVHTNSTS0 + 2:      {Name: "radiotap.vht.nsts.2", Label: "Space-time streams 2", Kind: KindUint, Width: 8},
	rtfVHTNSTS0 + 3:      {Name: "radiotap.vht.nsts.3", Label: "Space-time streams 3", Kind: KindUint, Width: 8},
	rtfVHTCoding0:        {Name: "radiotap.vht.coding.0", Label: "Coding 0", Kind: KindUint, Width: 8, Mask: 0x1},
	rtfVHTCoding0 + 1:    {Name: "radiotap.vht.coding.1", Label: "Coding 1", Kind: KindUint, Width: 8, Mask: 0x2},
	rtfVHTCoding0 + 2:    {Name: "radiotap.vht.coding.2", Label: "Coding 2", Kind: KindUint, Width: 8, Mask: 0x4},
	rtfVHTCoding0 + 3:    {Name: "radiotap.vht.coding.3", Label: "Coding 3", Kind: KindUint, Width: 8, Mask: 0x8},
	rtfVHTRate0:          {Name: "radiotap.vht.datarate.0", Label: "Data rate (Mb/s) 0", Kind: KindFloat, Width: 32},
	rtfVHTRate0 + 1:      {Name: "radiotap.vht.datarate.1", Label: "Data rate (Mb/s) 1", Kind: KindFloat, Width: 32},
	rtfVHTRate0 + 2:      {Name: "radiotap.vht.datarate.2", Label: "Data rate (Mb/s) 2", Kind: KindFloat, Width: 32},
	rtfVHTRate0 + 3:      {Name: "radiotap.vht.datarate.3", Label: "Data rate (Mb/s) 3", Kind: KindFloat, Width: 32},
	rtfVHTGID:            {Name: "radiotap.vht.gid", Label: "Group Id", Kind: KindUint, Width: 8},
	rtfVHTPAID:           {Name: "radiotap.vht.paid", Label: "Partial AID", Kind: KindUint, Width: 16},
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
	wrFieldCount
)

var wlanRadioFields = [wrFieldCount]Field{
	wrPHY:           {Name: "wlan_radio.phy", Label: "PHY type", Kind: KindUint, Width: 32},
	wrShortPreamble: {Name: "wlan_radio.short_preamble", Label: "Short preamble", Kind: KindBool},
	wrDataRate:      {Name: "wlan_radio.data_rate", Label: "Data rate", Kind: KindFloat, Width: 32},
	wrChannel:       {Name: "wlan_radio.channel", Label: "Channel", Kind: KindUint, Width: 32},
	wrFrequency:     {Name: "wlan_radio.frequency", Label: "Frequency", Kind: KindUint, Width: 16},
	wrSignalDB:      {Name: "wlan_radio.signal_db", Label: "Signal strength (dB)", Kind: KindUint, Width: 8},
	wrSignalDBm:     {Name: "wlan_radio.signal_dbm", Label: "Signal strength (dBm)", Kind: KindInt, Width: 8},
	wrNoiseDBm:      {Name: "wlan_radio.noise_dbm", Label: "Noise level (dBm)", Kind: KindInt, Width: 8},
	wrTimestamp:     {Name: "wlan_radio.timestamp", Label: "TSF timestamp", Kind: KindUint, Width: 64},
	wrDuration:      {Name: "wlan_radio.duration", Label: "Duration", Kind: KindUint, Width: 32},
	wrPreamble:      {Name: "wlan_radio.preamble", Label: "Preamble", Kind: KindUint, Width: 32},

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
}

var protoWLANRadio = protoField("wlan_radio", "802.11 radio information")

// emitRadiotap emits the radiotap fields and tshark's wlan_radio pseudo
// layer.
func emitRadiotap(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoRadiotap)
	if l.Malformed != "" {
		e.End()
		return
	}
	r := Radiotap(d.data[l.Start:l.Payload])
	f := &radiotapFields
	e.Uint(&f[rtfVersion], uint64(r.Version()))
	e.Uint(&f[rtfPad], uint64(r.Pad()))
	e.Uint(&f[rtfLength], uint64(r.Len()))
	if r.Version() != 0 {
		// tshark reads nothing past a header of an unknown revision.
		e.End()
		e.Proto(&protoWLANRadio)
		e.End()
		return
	}
	fs := r.fields()
	for k := range fs.words {
		if e.all || k == 0 {
			e.Uint(&f[rtfPresentWord], uint64(r.presentWord(k)))
		}
	}
	for _, k := range fs.order[:fs.n] {
		at := r[fs.off[k]:]
		switch k {
		case rtTSFT:
			e.Uint(&f[rtfMactime], le64(at))
		case rtFlags:
			e.Uint(&f[rtfFlags], uint64(at[0]))
			e.Bool(&f[rtfFlagsFCS], at[0]&rtFlagsFCS != 0)
		case rtRate:
			e.Float(&f[rtfDatarate], float64(at[0])/2)
		case rtChannel:
			e.Uint(&f[rtfChannelFreq], uint64(le16(at)))
			e.Uint(&f[rtfChannelFlags], uint64(le16(at[2:])))
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
			e.Uint(&f[rtfRxFlags], uint64(le16(at)))
		case rtVHT:
			emitRadiotapVHT(e, at)
		}
	}
	e.End()
	w := radioInfo(d, i)
	e.Proto(&protoWLANRadio)
	rf := &wlanRadioFields
	if w.phy != 0 {
		e.Uint(&rf[wrPHY], uint64(w.phy))
	}
	if w.phy == phy11b {
		e.Bool(&rf[wrShortPreamble], w.shortPreamble)
	}
	if w.heRate > 0 {
		e.Float(&rf[wrDataRate], float32Shown(w.heRate))
	}
	if w.vht.ok {
		emitWLANRadioVHT(e, &w.vht)
		if w.vht.rate > 0 {
			e.Float(&rf[wrDataRate], float32Shown(w.vht.rate))
		}
	}
	if w.rate10 != 0 && w.phy != phyHE && w.phy != phyVHT {
		e.Float(&rf[wrDataRate], float64(w.rate10)/10)
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
	}
	if w.hasTSF {
		e.Uint(&rf[wrTimestamp], w.tsf)
	}
	if w.duration > 0 {
		e.Uint(&rf[wrDuration], uint64(w.duration))
		e.Uint(&rf[wrPreamble], uint64(w.preamble))
	}
	e.End()
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

// The present-word bits tshark names, in the first word of the radiotap
// namespace, and their labels (bits 16 and 25 are not drawn).
var rtPresentNames = [32]string{
	"TSFT", "Flags", "Rate", "Channel", "FHSS", "dBm Antenna Signal", "dBm Antenna Noise",
	"Lock Quality", "TX Attenuation", "dB TX Attenuation", "dBm TX Power", "Antenna",
	"dB Antenna Signal", "dB Antenna Noise", "RX flags", "TX flags", "", "data retries",
	"Channel+", "MCS information", "A-MPDU Status", "VHT information", "frame timestamp",
	"HE information", "HE-MU information", "", "0 Length PSDU", "L-SIG", "TLVs",
	"Radiotap NS next", "Vendor NS next", "Ext",
}

var rtFlagNames = [8]string{"CFP", "Preamble", "WEP", "Fragmentation", "FCS at end", "Data Pad", "Bad FCS", "Short GI"}

var rtChanFlagNames = [16]string{
	"700 MHz spectrum", "800 MHz spectrum", "900 MHz spectrum", "", "Turbo",
	"Complementary Code Keying (CCK)", "Orthogonal Frequency-Division Multiplexing (OFDM)",
	"2 GHz spectrum", "5 GHz spectrum", "Passive", "Dynamic CCK-OFDM",
	"Gaussian Frequency Shift Keying (GFSK)", "GSM (900MHz)", "Static Turbo",
	"Half Rate Channel (10MHz Channel Width)", "Quarter Rate Channel (5MHz Channel Width)",
}

func treeTrueFalse(t *treeWriter, on bool) {
	if on {
		t.b = append(t.b, "True"...)
	} else {
		t.b = append(t.b, "False"...)
	}
	t.end()
}

// treeRadiotap appends the radiotap subtree and tshark's 802.11 radio
// information.
func treeRadiotap(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	raw := d.data[l.Start:l.End]
	t.head("Radiotap Header v")
	if len(raw) < 4 {
		t.end()
		return
	}
	t.b = strconv.AppendInt(t.b, int64(raw[0]), 10)
	t.b = append(t.b, ", Length "...)
	t.b = strconv.AppendInt(t.b, int64(le16(raw[2:])), 10)
	if raw[0] != 0 {
		t.b = append(t.b, " (invalid)"...)
	}
	t.end()
	t.depth = 1
	t.int("Header revision", int(raw[0]))
	t.int("Header pad", int(raw[1]))
	t.int("Header length", int(le16(raw[2:])))
	if l.Malformed != "" || raw[0] != 0 {
		if l.Malformed == "" {
			t.head("802.11 radio information")
			t.end()
		}
		return
	}
	r := Radiotap(d.data[l.Start:l.Payload])
	fs := r.fields()
	t.line()
	t.b = append(t.b, "Present flags"...)
	t.end()
	ns0 := true
	for k := range fs.words {
		w := r.presentWord(k)
		t.depth = 2
		t.line()
		t.b = append(t.b, "Present flags word: 0x"...)
		t.b = appendHexN(t.b, uint64(w), 8)
		t.end()
		if k == 0 && ns0 {
			t.depth = 3
			for bit := 0; bit < 32; bit++ {
				name := rtPresentNames[bit]
				if name == "" {
					continue
				}
				t.bits(uint64(w), 32, 1<<bit, name)
				on := w&(1<<bit) != 0
				switch {
				case bit == 29 || bit == 30:
					treeTrueFalse(t, on)
					continue
				case on:
					t.b = append(t.b, "Present"...)
				default:
					t.b = append(t.b, "Absent"...)
				}
				t.end()
			}
		}
		break // later words are drawn per namespace by tshark; not here
	}
	if fs.words > 1 || !fs.ok {
		return
	}
	t.depth = 1
	for _, k := range fs.order[:fs.n] {
		at := r[fs.off[k]:]
		t.depth = 1
		switch k {
		case rtTSFT:
			t.line()
			t.b = append(t.b, "MAC timestamp: "...)
			t.b = strconv.AppendUint(t.b, le64(at), 10)
			t.end()
		case rtFlags:
			v := at[0]
			t.line()
			t.b = append(t.b, "Flags: 0x"...)
			t.b = appendHex2(t.b, v)
			t.end()
			t.depth = 2
			for bit := range 8 {
				t.bits(uint64(v), 8, 1<<bit, rtFlagNames[bit])
				if bit == 1 {
					if v&2 != 0 {
						t.b = append(t.b, "Short"...)
					} else {
						t.b = append(t.b, "Long"...)
					}
					t.end()
					continue
				}
				treeTrueFalse(t, v&(1<<bit) != 0)
			}
		case rtRate:
			t.line()
			t.b = append(t.b, "Data Rate: "...)
			t.b = appendRate10(t.b, int(at[0])*5)
			t.b = append(t.b, " Mb/s"...)
			t.end()
		case rtChannel:
			freq, fl := int(le16(at)), le16(at[2:])
			t.line()
			t.b = append(t.b, "Channel frequency: "...)
			t.b = strconv.AppendInt(t.b, int64(freq), 10)
			if ch := wlanChannel(freq); ch > 0 {
				if freq <= 2484 {
					t.b = append(t.b, " [BG "...)
				} else {
					t.b = append(t.b, " [A "...)
				}
				t.b = strconv.AppendInt(t.b, int64(ch), 10)
				t.b = append(t.b, ']')
			}
			t.end()
			t.line()
			t.b = append(t.b, "Channel flags: 0x"...)
			t.b = appendHex4(t.b, fl)
			for bit := range 16 {
				if fl&(1<<bit) != 0 && rtChanFlagNames[bit] != "" {
					t.b = append(t.b, ", "...)
					t.b = append(t.b, rtChanFlagNames[bit]...)
				}
			}
			t.end()
			t.depth = 2
			for bit := range 16 {
				if rtChanFlagNames[bit] == "" {
					continue
				}
				t.bits(uint64(fl), 16, 1<<bit, rtChanFlagNames[bit])
				treeTrueFalse(t, fl&(1<<bit) != 0)
			}
		case rtDBmSignal:
			t.line()
			t.b = append(t.b, "Antenna signal: "...)
			t.b = strconv.AppendInt(t.b, int64(int8(at[0])), 10)
			t.b = append(t.b, " dBm"...)
			t.end()
		case rtDBmNoise:
			t.line()
			t.b = append(t.b, "Antenna noise: "...)
			t.b = strconv.AppendInt(t.b, int64(int8(at[0])), 10)
			t.b = append(t.b, " dBm"...)
			t.end()
		case rtQuality:
			t.int("Signal Quality", int(le16(at)))
		case rtAntenna:
			t.int("Antenna", int(at[0]))
		case rtDBSignal:
			t.line()
			t.b = append(t.b, "dB antenna signal: "...)
			t.b = strconv.AppendInt(t.b, int64(at[0]), 10)
			t.b = append(t.b, " dB"...)
			t.end()
		case rtRxFlags:
			v := le16(at)
			t.hex("RX flags", uint64(v), 4)
			t.depth = 2
			t.bits(uint64(v), 24, 2, "Bad PLCP")
			treeTrueFalse(t, v&2 != 0)
		case rtMCS:
			treeRadiotapMCS(t, at)
		case rtVHT:
			treeRadiotapVHT(t, at)
		case rtHE:
			treeRadiotapHE(t, at)
		}
	}
	t.depth = 0
	treeWLANRadio(t, d, i)
}

var rtMCSKnownNames = [7]string{"Bandwidth", "MCS index", "Guard interval", "Format", "FEC type", "STBC streams", "Number of extension spatial streams"}

// treeRadiotapMCS draws the MCS field (known bits, flags, index).
func treeRadiotapMCS(t *treeWriter, at []byte) {
	known, fl, idx := at[0], at[1], at[2]
	t.line()
	t.b = append(t.b, "MCS information"...)
	t.end()
	t.depth = 2
	t.line()
	t.b = append(t.b, "Known MCS information: 0x"...)
	t.b = appendHex2(t.b, known)
	for bit := range 7 {
		if known&(1<<bit) != 0 {
			t.b = append(t.b, ", "...)
			t.b = append(t.b, rtMCSKnownNames[bit]...)
		}
	}
	t.end()
	t.depth = 3
	for bit := range 7 {
		t.bits(uint64(known), 8, 1<<bit, rtMCSKnownNames[bit])
		if known&(1<<bit) != 0 {
			t.b = append(t.b, "Present"...)
		} else {
			t.b = append(t.b, "Absent"...)
		}
		t.end()
	}
	t.depth = 2
	if known&1 != 0 {
		t.bits(uint64(fl), 8, 3, "Bandwidth")
		switch fl & 3 {
		case 0:
			t.b = append(t.b, "20 MHz (0)"...)
		case 1:
			t.b = append(t.b, "40 MHz (1)"...)
		case 2:
			t.b = append(t.b, "20 MHz lower (2)"...)
		default:
			t.b = append(t.b, "20 MHz upper (3)"...)
		}
		t.end()
	}
	if known&4 != 0 {
		t.bits(uint64(fl), 8, 4, "Guard interval")
		if fl&4 != 0 {
			t.b = append(t.b, "short (1)"...)
		} else {
			t.b = append(t.b, "long (0)"...)
		}
		t.end()
	}
	if known&0x20 != 0 {
		t.bits(uint64(fl), 8, 0x60, "STBC streams")
		t.b = strconv.AppendInt(t.b, int64(fl>>5&3), 10)
		t.end()
	}
	if known&2 != 0 {
		t.int("MCS index", int(idx))
		if known&1 != 0 && fl&3 <= 1 && idx < 32 {
			r := htRate10(idx, fl&3 == 1, known&4 != 0 && fl&4 != 0)
			t.depth = 1
			t.line()
			t.b = append(t.b, "[Data Rate: "...)
			t.b = appendRate10(t.b, r)
			t.b = append(t.b, " Mb/s]"...)
			t.end()
		}
	}
}

// treeWLANRadio appends tshark's "802.11 radio information" for layer i.
func treeWLANRadio(t *treeWriter, d *Decoder, i int) {
	w := radioInfo(d, i)
	t.head("802.11 radio information")
	t.end()
	t.depth = 1
	switch w.phy {
	case phy11b:
		t.str("PHY type", "802.11b (HR/DSSS) (4)")
		t.line()
		t.b = append(t.b, "Short preamble: "...)
		treeTrueFalse(t, w.shortPreamble)
	case phy11a:
		t.str("PHY type", "802.11a (OFDM) (5)")
		t.str("Turbo type", "Non-turbo (0)")
	case phy11g:
		t.str("PHY type", "802.11g (ERP) (6)")
	case phy11n:
		t.str("PHY type", "802.11n (HT) (7)")
		m := &w.mcs
		if m.hasIdx {
			t.int("MCS index", int(m.index))
		}
		if m.hasBW && m.bw <= 1 {
			if m.bw == 1 {
				t.str("Bandwidth", "40 MHz (1)")
			} else {
				t.str("Bandwidth", "20 MHz (0)")
			}
		}
		if m.hasGI {
			t.line()
			t.b = append(t.b, "Short GI: "...)
			treeTrueFalse(t, m.shortGI)
		}
		if m.hasSTBC {
			t.int("Number of STBC streams", int(m.stbc))
		}
	case phyVHT:
		t.str("PHY type", "802.11ac (VHT) (8)")
		if w.vht.ok {
			treeWLANRadioVHT(t, &w.vht)
		}
	case phyHE:
		t.str("PHY type", "802.11ax (HE) (11)")
		if w.heRate > 0 {
			t.line()
			t.b = append(t.b, "Data rate: "...)
			t.b = strconv.AppendFloat(t.b, float64(float32(w.heRate)), 'f', 1, 32)
			t.b = append(t.b, " Mb/s"...)
			t.end()
		}
	}
	if w.rate10 != 0 && w.phy != phyHE && w.phy != phyVHT {
		t.line()
		t.b = append(t.b, "Data rate: "...)
		t.b = appendRate10(t.b, w.rate10)
		t.b = append(t.b, " Mb/s"...)
		t.end()
	}
	if w.freq != 0 {
		if ch := wlanChannel(w.freq); ch > 0 {
			t.int("Channel", ch)
		}
		t.line()
		t.b = append(t.b, "Frequency: "...)
		t.b = strconv.AppendInt(t.b, int64(w.freq), 10)
		t.b = append(t.b, "MHz"...)
		t.end()
	}
	if w.hasDB {
		t.line()
		t.b = append(t.b, "Signal strength (dB): "...)
		t.b = strconv.AppendInt(t.b, int64(w.db), 10)
		t.b = append(t.b, " dB"...)
		t.end()
	}
	if w.hasDBm {
		t.line()
		t.b = append(t.b, "Signal strength (dBm): "...)
		t.b = strconv.AppendInt(t.b, int64(w.dbm), 10)
		t.b = append(t.b, " dBm"...)
		t.end()
	}
	if w.hasNoise {
		t.line()
		t.b = append(t.b, "Noise level (dBm): "...)
		t.b = strconv.AppendInt(t.b, int64(w.noise), 10)
		t.b = append(t.b, " dBm"...)
		t.end()
		if w.hasDBm {
			t.line()
			t.b = append(t.b, "Signal/noise ratio (dB): "...)
			t.b = strconv.AppendInt(t.b, int64(w.dbm)-int64(w.noise), 10)
			t.b = append(t.b, " dB"...)
			t.end()
		}
	}
	if w.hasTSF {
		t.line()
		t.b = append(t.b, "TSF timestamp: "...)
		t.b = strconv.AppendUint(t.b, w.tsf, 10)
		t.end()
	}
	if w.duration > 0 {
		t.line()
		t.b = append(t.b, "[Duration: "...)
		t.b = strconv.AppendInt(t.b, int64(w.duration), 10)
		t.b = append(t.b, "µs]"...)
		t.end()
		t.depth = 2
		if w.phy == phyVHT && !w.vht.hasSTBC {
			t.expert("Warning", "Assumption", "No stbc information was available, assuming no stbc.", nil)
		}
		t.line()
		t.b = append(t.b, "[Preamble: "...)
		t.b = strconv.AppendInt(t.b, int64(w.preamble), 10)
		t.b = append(t.b, "µs]"...)
		t.end()
		if w.hasTSF && w.tsf >= uint64(w.duration) {
			t.line()
			t.b = append(t.b, "[Start: "...)
			t.b = strconv.AppendUint(t.b, w.tsf-uint64(w.duration), 10)
			t.b = append(t.b, "µs]"...)
			t.end()
			t.line()
			t.b = append(t.b, "[End: "...)
			t.b = strconv.AppendUint(t.b, w.tsf, 10)
			t.b = append(t.b, "µs]"...)
			t.end()
		}
	}
}
