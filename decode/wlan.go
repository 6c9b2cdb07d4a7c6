package decode

import "strconv"

// WLAN is an IEEE 802.11 MAC header (link type IEEE802_11, 105, or after a
// radiotap header): frame control, duration, up to four addresses,
// sequence control, QoS control and HT control, all little-endian:
//
//	| FC (2) | Duration/ID (2) | Addr1 | Addr2 | Addr3 | Seq (2) | Addr4 | QoS (2) | HTC (4) |
//
// Which fields are there depends on the type and subtype: control frames
// stop after one or two addresses, Addr4 is only in frames both to and
// from the DS, QoS control only in QoS data frames.
type WLAN []byte

// Frame types.
const (
	wlanMgmt = 0
	wlanCtrl = 1
	wlanData = 2
)

// Frame control flags (the second byte).
const (
	wlanToDS      = 0x01
	wlanFromDS    = 0x02
	wlanMoreFrag  = 0x04
	wlanRetry     = 0x08
	wlanPwrMgt    = 0x10
	wlanMoreData  = 0x20
	wlanProtected = 0x40
	wlanOrder     = 0x80
)

// Management subtypes.
const (
	wlanAssocReq    = 0
	wlanAssocResp   = 1
	wlanReassocReq  = 2
	wlanReassocResp = 3
	wlanProbeReq    = 4
	wlanProbeResp   = 5
	wlanBeacon      = 8
	wlanATIM        = 9
	wlanDisassoc    = 10
	wlanAuth        = 11
	wlanDeauth      = 12
	wlanAction      = 13
)

// wlanHeaderLen returns the MAC header's length for frame control fc0
// (type/subtype byte) and flags, or 0 for a frame rawcap does not lay out.
func wlanHeaderLen(fc0, flags uint8) int {
	typ, sub := fc0>>2&3, fc0>>4
	switch typ {
	case wlanMgmt:
		if flags&wlanOrder != 0 {
			return 28
		}
		return 24
	case wlanCtrl:
		switch sub {
		case 12, 13: // CTS, ACK
			return 10
		case 8: // Block Ack Request: RA, TA, control
			return 18
		case 9: // Block Ack: RA, TA, control
			return 18
		case 10, 11, 14, 15, 4, 5: // PS-Poll, RTS, CF-End(+Ack), beamforming poll, NDPA
			return 16
		}
		return 0
	case wlanData:
		n := 24
		if flags&(wlanToDS|wlanFromDS) == wlanToDS|wlanFromDS {
			n += 6
		}
		if sub&8 != 0 {
			n += 2
			if flags&wlanOrder != 0 {
				n += 4
			}
		}
		return n
	}
	return 0
}

// ParseWLAN returns the 802.11 MAC header at the start of b.
func ParseWLAN(b []byte) (WLAN, error) {
	if len(b) < 2 {
		return nil, ReasonTruncated
	}
	if b[0]&3 != 0 {
		return nil, ReasonBadVersion
	}
	n := wlanHeaderLen(b[0], b[1])
	if n == 0 {
		n = 2
		if len(b) >= 4 {
			n = 4
		}
	}
	if n > len(b) {
		return nil, ReasonTruncated
	}
	return WLAN(b[:n:n]), nil
}

// FC returns the frame control field as tshark shows it (first byte high).
func (w WLAN) FC() uint16 { return be16(w) }

// Type returns the frame type (0 management, 1 control, 2 data).
func (w WLAN) Type() uint8 { return w[0] >> 2 & 3 }

// Subtype returns the frame subtype.
func (w WLAN) Subtype() uint8 { return w[0] >> 4 }

// TypeSubtype returns Wireshark's wlan.fc.type_subtype (type<<4 | subtype).
func (w WLAN) TypeSubtype() uint16 { return uint16(w.Type())<<4 | uint16(w.Subtype()) }

// Flags returns the frame control flags.
func (w WLAN) Flags() uint8 { return w[1] }

// Duration returns the duration/ID field.
func (w WLAN) Duration() uint16 {
	if len(w) < 4 {
		return 0
	}
	return le16(w[2:])
}

// Addr returns address k (1..4), and whether the header has it.
func (w WLAN) Addr(k int) (MAC, bool) {
	off := 4 + 6*(k-1)
	if k == 4 {
		off = 24
	}
	if len(w) < off+6 || k == 4 && (w.Type() != wlanData || w.Flags()&3 != 3) {
		return MAC{}, false
	}
	return MAC(w[off : off+6]), true
}

// hasSeq reports whether the header has a sequence control field.
func (w WLAN) hasSeq() bool { return w.Type() != wlanCtrl && len(w) >= 24 }

// Seq returns the sequence control field.
func (w WLAN) Seq() uint16 { return le16(w[22:]) }

// qosOff returns the offset of the QoS control field, or 0.
func (w WLAN) qosOff() int {
	if w.Type() != wlanData || w.Subtype()&8 == 0 {
		return 0
	}
	if w.Flags()&3 == 3 {
		return 30
	}
	return 24
}

// isNullData reports whether a data frame carries no data.
func (w WLAN) isNullData() bool { return w.Type() == wlanData && w.Subtype()&4 != 0 }

func (d *Decoder) decodeWLAN(l *Layer) LayerType {
	w, err := ParseWLAN(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	if radiotapFCS(d, d.n-1) && l.End-l.Start >= len(w)+4 {
		l.End -= 4 // the FCS is not the payload's
	}
	l.Payload = l.Start + len(w)
	switch w.Type() {
	case wlanMgmt:
		l.Payload = l.End // the body is drawn with the header
		return LayerNone
	case wlanData:
		if w.isNullData() || l.Payload == l.End {
			return LayerNone
		}
		if w.Flags()&wlanProtected != 0 {
			b := d.data[l.Payload:l.End]
			if len(b) >= 4 && b[3]&0x20 != 0 && len(b) >= 8 {
				l.Payload += 8 // CCMP or TKIP: the rest is ciphertext
			} else if len(b) >= 4 {
				l.Payload += 4 // WEP IV
			}
			return LayerNone
		}
		return LayerLLC
	}
	l.Payload = l.End
	return LayerNone
}

// wlanFCS returns the FCS after layer i, an 802.11 frame whose radio
// header says it has one.
func wlanFCS(d *Decoder, i int) (uint32, bool) {
	l := &d.layers[i]
	if !radiotapFCS(d, i-1) || l.End+4 > len(d.data) || l.Malformed != "" {
		return 0, false
	}
	return le32(d.data[l.End:]), true
}

// The fields, as Wireshark registers them.
const (
	wfFC = iota
	wfTypeSubtype
	wfVersion
	wfType
	wfSubtype
	wfDS
	wfDuration
	wfRA
	wfDA
	wfTA
	wfSA
	wfBSSID
	wfStaA
	wfFrag
	wfSeq
	wfQoS
	wfFCS
	wfTimestamp
	wfBeacon
	wfCapabilities
	wfAuthAlg
	wfAuthSeq
	wfStatus
	wfReason
	wfTagNumber
	wfTagLength
	wfSSID
	wfRates
	wfCurrentChannel
	wfQoSTID
	wfQoSPriority
	wfQoSEOSP
	wfQoSBit4
	wfQoSAck
	wfQoSAMSDU
	wfQoSPSBufState
	wfQoSBufStateInd
	wfQoSTXOPDurReq
	wfQoSQueueSize
	wlanFieldCount
)

var wlanFields = [wlanAllFieldCount]Field{
	wfFC:             {Name: "wlan.fc", Label: "Frame Control Field", Kind: KindUint, Width: 16, Base: BaseHex},
	wfTypeSubtype:    {Name: "wlan.fc.type_subtype", Label: "Type/Subtype", Kind: KindUint, Width: 16, Base: BaseHex},
	wfVersion:        {Name: "wlan.fc.version", Label: "Version", Kind: KindUint, Width: 8, Mask: 0x3},
	wfType:           {Name: "wlan.fc.type", Label: "Type", Kind: KindUint, Width: 8, Mask: 0xc},
	wfSubtype:        {Name: "wlan.fc.subtype", Label: "Subtype", Kind: KindUint, Width: 8, Mask: 0xf0},
	wfDS:             {Name: "wlan.fc.ds", Label: "DS status", Kind: KindUint, Width: 8, Mask: 0x3, Base: BaseHex},
	wfDuration:       {Name: "wlan.duration", Label: "Duration", Kind: KindUint, Width: 16, Mask: 0x7fff},
	wfRA:             {Name: "wlan.ra", Label: "Receiver address", Kind: KindMAC},
	wfDA:             {Name: "wlan.da", Label: "Destination address", Kind: KindMAC},
	wfTA:             {Name: "wlan.ta", Label: "Transmitter address", Kind: KindMAC},
	wfSA:             {Name: "wlan.sa", Label: "Source address", Kind: KindMAC},
	wfBSSID:          {Name: "wlan.bssid", Label: "BSS Id", Kind: KindMAC},
	wfStaA:           {Name: "wlan.staa", Label: "STA address", Kind: KindMAC},
	wfFrag:           {Name: "wlan.frag", Label: "Fragment number", Kind: KindUint, Width: 16, Mask: 0xf},
	wfSeq:            {Name: "wlan.seq", Label: "Sequence number", Kind: KindUint, Width: 16, Mask: 0xfff0},
	wfQoS:            {Name: "wlan.qos", Label: "Qos Control", Kind: KindUint, Width: 16, Base: BaseHex},
	wfQoSTID:         {Name: "wlan.qos.tid", Label: "TID", Kind: KindUint, Width: 16, Mask: 0xf},
	wfQoSPriority:    {Name: "wlan.qos.priority", Label: "Priority", Kind: KindUint, Width: 16, Mask: 0x7},
	wfQoSEOSP:        {Name: "wlan.qos.eosp", Label: "EOSP", Kind: KindBool, Width: 16, Mask: 0x10},
	wfQoSBit4:        {Name: "wlan.qos.bit4", Label: "QoS bit 4", Kind: KindBool, Width: 16, Mask: 0x10},
	wfQoSAck:         {Name: "wlan.qos.ack", Label: "Ack Policy", Kind: KindUint, Width: 16, Mask: 0x60, Base: BaseHex},
	wfQoSAMSDU:       {Name: "wlan.qos.amsdupresent", Label: "Payload Type", Kind: KindBool, Width: 16, Mask: 0x80},
	wfQoSPSBufState:  {Name: "wlan.qos.ps_buf_state", Label: "QAP PS Buffer State", Kind: KindUint, Width: 16, Mask: 0xff00, Base: BaseHex},
	wfQoSBufStateInd: {Name: "wlan.qos.buf_state_indicated", Label: "Buffer State Indicated", Kind: KindBool, Width: 16, Mask: 0x200},
	wfQoSTXOPDurReq:  {Name: "wlan.qos.txop_dur_req", Label: "TXOP Duration Requested", Kind: KindUint, Width: 16, Mask: 0xff00},
	wfQoSQueueSize:   {Name: "wlan.qos.queue_size", Label: "Queue Size", Kind: KindUint, Width: 16, Mask: 0xff00},
	wfFCS:            {Name: "wlan.fcs", Label: "Frame check sequence", Kind: KindUint, Width: 32, Base: BaseHex},
	wfTimestamp:      {Name: "wlan.fixed.timestamp", Label: "Timestamp", Kind: KindUint, Width: 64},
	wfBeacon:         {Name: "wlan.fixed.beacon", Label: "Beacon Interval", Kind: KindUint, Width: 32},
	wfCapabilities:   {Name: "wlan.fixed.capabilities", Label: "Capabilities Information", Kind: KindUint, Width: 16, Base: BaseHex},
	wfAuthAlg:        {Name: "wlan.fixed.auth.alg", Label: "Authentication Algorithm", Kind: KindUint, Width: 16},
	wfAuthSeq:        {Name: "wlan.fixed.auth_seq", Label: "Authentication SEQ", Kind: KindUint, Width: 16, Base: BaseHex},
	wfStatus:         {Name: "wlan.fixed.status_code", Label: "Status code", Kind: KindUint, Width: 16, Base: BaseHex},
	wfReason:         {Name: "wlan.fixed.reason_code", Label: "Reason code", Kind: KindUint, Width: 16, Base: BaseHex},
	wfTagNumber:      {Name: "wlan.tag.number", Label: "Tag Number", Kind: KindUint, Width: 8},
	wfTagLength:      {Name: "wlan.tag.length", Label: "Tag length", Kind: KindUint, Width: 32},
	wfSSID:           {Name: "wlan.ssid", Label: "SSID", Kind: KindBytes},
	wfRates:          {Name: "wlan.supported_rates", Label: "Supported Rates", Kind: KindUint, Width: 8, Base: BaseHex},
	wfCurrentChannel: {Name: "wlan.ds.current_channel", Label: "Current Channel", Kind: KindUint, Width: 8},

	// The fields of the elements wlan_tags.go lays out.
	wtHtCapabilities:                       {Name: "wlan.ht.capabilities", Label: "HT Capabilities Info", Kind: KindUint, Width: 16, Base: BaseHex},
	wtHtCapabilitiesLdpccoding:             {Name: "wlan.ht.capabilities.ldpccoding", Label: "HT LDPC coding capability", Kind: KindBool, Width: 16, Mask: 0x1},
	wtHtCapabilitiesWidth:                  {Name: "wlan.ht.capabilities.width", Label: "HT Support channel width", Kind: KindBool, Width: 16, Mask: 0x2},
	wtHtCapabilitiesSm:                     {Name: "wlan.ht.capabilities.sm", Label: "HT SM Power Save", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xc},
	wtHtCapabilitiesGreen:                  {Name: "wlan.ht.capabilities.green", Label: "HT Green Field", Kind: KindBool, Width: 16, Mask: 0x10},
	wtHtCapabilitiesShort20:                {Name: "wlan.ht.capabilities.short20", Label: "HT Short GI for 20MHz", Kind: KindBool, Width: 16, Mask: 0x20},
	wtHtCapabilitiesShort40:                {Name: "wlan.ht.capabilities.short40", Label: "HT Short GI for 40MHz", Kind: KindBool, Width: 16, Mask: 0x40},
	wtHtCapabilitiesTxstbc:                 {Name: "wlan.ht.capabilities.txstbc", Label: "HT Tx STBC", Kind: KindBool, Width: 16, Mask: 0x80},
	wtHtCapabilitiesRxstbc:                 {Name: "wlan.ht.capabilities.rxstbc", Label: "HT Rx STBC", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x300},
	wtHtCapabilitiesDelayedblockack:        {Name: "wlan.ht.capabilities.delayedblockack", Label: "HT Delayed Block ACK", Kind: KindBool, Width: 16, Mask: 0x400},
	wtHtCapabilitiesAmsdu:                  {Name: "wlan.ht.capabilities.amsdu", Label: "HT Max A-MSDU length", Kind: KindBool, Width: 16, Mask: 0x800},
	wtHtCapabilitiesDsscck:                 {Name: "wlan.ht.capabilities.dsscck", Label: "HT DSSS/CCK mode in 40MHz", Kind: KindBool, Width: 16, Mask: 0x1000},
	wtHtCapabilitiesPsmp:                   {Name: "wlan.ht.capabilities.psmp", Label: "HT PSMP Support", Kind: KindBool, Width: 16, Mask: 0x2000},
	wtHtCapabilities40mhzintolerant:        {Name: "wlan.ht.capabilities.40mhzintolerant", Label: "HT Forty MHz Intolerant", Kind: KindBool, Width: 16, Mask: 0x4000},
	wtHtCapabilitiesLsig:                   {Name: "wlan.ht.capabilities.lsig", Label: "HT L-SIG TXOP Protection support", Kind: KindBool, Width: 16, Mask: 0x8000},
	wtHtAmpduparam:                         {Name: "wlan.ht.ampduparam", Label: "A-MPDU Parameters", Kind: KindUint, Width: 8, Base: BaseHex},
	wtHtAmpduparamMaxlength:                {Name: "wlan.ht.ampduparam.maxlength", Label: "Maximum Rx A-MPDU Length", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x3},
	wtHtAmpduparamMpdudensity:              {Name: "wlan.ht.ampduparam.mpdudensity", Label: "MPDU Density", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x1c},
	wtHtAmpduparamReserved:                 {Name: "wlan.ht.ampduparam.reserved", Label: "Reserved", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xe0},
	wtHtMcssetRxbitmask0to7:                {Name: "wlan.ht.mcsset.rxbitmask.0to7", Label: "Rx Bitmask Bits 0-7", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0xff},
	wtHtMcssetRxbitmask8to15:               {Name: "wlan.ht.mcsset.rxbitmask.8to15", Label: "Rx Bitmask Bits 8-15", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0xff00},
	wtHtMcssetRxbitmask16to23:              {Name: "wlan.ht.mcsset.rxbitmask.16to23", Label: "Rx Bitmask Bits 16-23", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0xff0000},
	wtHtMcssetRxbitmask24to31:              {Name: "wlan.ht.mcsset.rxbitmask.24to31", Label: "Rx Bitmask Bits 24-31", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0xff000000},
	wtHtMcssetRxbitmask32:                  {Name: "wlan.ht.mcsset.rxbitmask.32", Label: "Rx Bitmask Bit 32", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0x1},
	wtHtMcssetRxbitmask33to38:              {Name: "wlan.ht.mcsset.rxbitmask.33to38", Label: "Rx Bitmask Bits 33-38", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0x7e},
	wtHtMcssetRxbitmask39to52:              {Name: "wlan.ht.mcsset.rxbitmask.39to52", Label: "Rx Bitmask Bits 39-52", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0x1fff80},
	wtHtMcssetRxbitmask53to76:              {Name: "wlan.ht.mcsset.rxbitmask.53to76", Label: "Rx Bitmask Bits 53-76", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0x1fffffe0},
	wtHtMcssetHighestdatarate:              {Name: "wlan.ht.mcsset.highestdatarate", Label: "Highest Supported Data Rate", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x3ff},
	wtHtMcssetTxsetdefined:                 {Name: "wlan.ht.mcsset.txsetdefined", Label: "Tx Supported MCS Set", Kind: KindBool, Width: 16, Mask: 0x1},
	wtHtMcssetTxrxmcsnotequal:              {Name: "wlan.ht.mcsset.txrxmcsnotequal", Label: "Tx and Rx MCS Set", Kind: KindBool, Width: 16, Mask: 0x2},
	wtHtMcssetTxmaxss:                      {Name: "wlan.ht.mcsset.txmaxss", Label: "Maximum Number of Tx Spatial Streams Supported", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xc},
	wtHtMcssetTxunequalmod:                 {Name: "wlan.ht.mcsset.txunequalmod", Label: "Unequal Modulation", Kind: KindBool, Width: 16, Mask: 0x10},
	wtHtexCapabilities:                     {Name: "wlan.htex.capabilities", Label: "HT Extended Capabilities", Kind: KindUint, Width: 16, Base: BaseHex},
	wtHtexCapabilitiesPco:                  {Name: "wlan.htex.capabilities.pco", Label: "Transmitter supports PCO", Kind: KindBool, Width: 16, Mask: 0x1},
	wtHtexCapabilitiesTranstime:            {Name: "wlan.htex.capabilities.transtime", Label: "Time needed to transition between 20MHz and 40MHz", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x6},
	wtHtexCapabilitiesMcs:                  {Name: "wlan.htex.capabilities.mcs", Label: "MCS Feedback capability", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x300},
	wtHtexCapabilitiesHtc:                  {Name: "wlan.htex.capabilities.htc", Label: "High Throughput", Kind: KindBool, Width: 16, Mask: 0x400},
	wtHtexCapabilitiesRdresponder:          {Name: "wlan.htex.capabilities.rdresponder", Label: "Reverse Direction Responder", Kind: KindBool, Width: 16, Mask: 0x800},
	wtTxbf:                                 {Name: "wlan.txbf", Label: "Transmit Beam Forming (TxBF) Capabilities", Kind: KindUint, Width: 32, Base: BaseHex},
	wtTxbfTxbf:                             {Name: "wlan.txbf.txbf", Label: "Transmit Beamforming", Kind: KindBool, Width: 32, Mask: 0x1},
	wtTxbfRxss:                             {Name: "wlan.txbf.rxss", Label: "Receive Staggered Sounding", Kind: KindBool, Width: 32, Mask: 0x2},
	wtTxbfTxss:                             {Name: "wlan.txbf.txss", Label: "Transmit Staggered Sounding", Kind: KindBool, Width: 32, Mask: 0x4},
	wtTxbfRxndp:                            {Name: "wlan.txbf.rxndp", Label: "Receive Null Data packet (NDP)", Kind: KindBool, Width: 32, Mask: 0x8},
	wtTxbfTxndp:                            {Name: "wlan.txbf.txndp", Label: "Transmit Null Data packet (NDP)", Kind: KindBool, Width: 32, Mask: 0x10},
	wtTxbfImpltxbf:                         {Name: "wlan.txbf.impltxbf", Label: "Implicit TxBF capable", Kind: KindBool, Width: 32, Mask: 0x20},
	wtTxbfCalibration:                      {Name: "wlan.txbf.calibration", Label: "Calibration", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0xc0},
	wtTxbfCsi:                              {Name: "wlan.txbf.csi", Label: "STA can apply TxBF using CSI explicit feedback", Kind: KindBool, Width: 32, Mask: 0x100},
	wtTxbfFmUncompressedTbf:                {Name: "wlan.txbf.fm.uncompressed.tbf", Label: "STA can apply TxBF using uncompressed beamforming feedback matrix", Kind: KindBool, Width: 32, Mask: 0x200},
	wtTxbfFmCompressedTbf:                  {Name: "wlan.txbf.fm.compressed.tbf", Label: "STA can apply TxBF using compressed beamforming feedback matrix", Kind: KindBool, Width: 32, Mask: 0x400},
	wtTxbfRcsi:                             {Name: "wlan.txbf.rcsi", Label: "Receiver can return explicit CSI feedback", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0x1800},
	wtTxbfFmUncompressedRbf:                {Name: "wlan.txbf.fm.uncompressed.rbf", Label: "Receiver can return explicit uncompressed Beamforming Feedback Matrix", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0x6000},
	wtTxbfFmCompressedBf:                   {Name: "wlan.txbf.fm.compressed.bf", Label: "STA can compress and use compressed Beamforming Feedback Matrix", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0x18000},
	wtTxbfMingroup:                         {Name: "wlan.txbf.mingroup", Label: "Minimal grouping used for explicit feedback reports", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0x60000},
	wtTxbfCsinumant:                        {Name: "wlan.txbf.csinumant", Label: "Max antennae STA can support when CSI feedback required", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0x180000},
	wtTxbfFmUncompressedMaxant:             {Name: "wlan.txbf.fm.uncompressed.maxant", Label: "Max antennae STA can support when uncompressed Beamforming feedback required", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0x600000},
	wtTxbfFmCompressedMaxant:               {Name: "wlan.txbf.fm.compressed.maxant", Label: "Max antennae STA can support when compressed Beamforming feedback required", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0x1800000},
	wtTxbfCsiMaxrows:                       {Name: "wlan.txbf.csi.maxrows", Label: "Maximum number of rows of CSI explicit feedback", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0x6000000},
	wtTxbfChannelest:                       {Name: "wlan.txbf.channelest", Label: "Maximum number of space time streams for which channel dimensions can be simultaneously estimated", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0x18000000},
	wtTxbfReserved:                         {Name: "wlan.txbf.reserved", Label: "Reserved", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0xe0000000},
	wtAsel:                                 {Name: "wlan.asel", Label: "Antenna Selection (ASEL) Capabilities", Kind: KindUint, Width: 8, Base: BaseHex},
	wtAselCapable:                          {Name: "wlan.asel.capable", Label: "Antenna Selection Capable", Kind: KindBool, Width: 8, Mask: 0x1},
	wtAselTxcsi:                            {Name: "wlan.asel.txcsi", Label: "Explicit CSI Feedback Based Tx ASEL", Kind: KindBool, Width: 8, Mask: 0x2},
	wtAselTxif:                             {Name: "wlan.asel.txif", Label: "Antenna Indices Feedback Based Tx ASEL", Kind: KindBool, Width: 8, Mask: 0x4},
	wtAselCsi:                              {Name: "wlan.asel.csi", Label: "Explicit CSI Feedback", Kind: KindBool, Width: 8, Mask: 0x8},
	wtAselIf:                               {Name: "wlan.asel.if", Label: "Antenna Indices Feedback", Kind: KindBool, Width: 8, Mask: 0x10},
	wtAselRx:                               {Name: "wlan.asel.rx", Label: "Rx ASEL", Kind: KindBool, Width: 8, Mask: 0x20},
	wtAselSppdu:                            {Name: "wlan.asel.sppdu", Label: "Tx Sounding PPDUs", Kind: KindBool, Width: 8, Mask: 0x40},
	wtAselReserved:                         {Name: "wlan.asel.reserved", Label: "Reserved", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x80},
	wtRsnVersion:                           {Name: "wlan.rsn.version", Label: "RSN Version", Kind: KindUint, Width: 16},
	wtRsnGcsType:                           {Name: "wlan.rsn.gcs.type", Label: "Group Cipher Suite type", Kind: KindUint, Width: 8},
	wtRsnPcsCount:                          {Name: "wlan.rsn.pcs.count", Label: "Pairwise Cipher Suite Count", Kind: KindUint, Width: 16},
	wtRsnPcsType:                           {Name: "wlan.rsn.pcs.type", Label: "Pairwise Cipher Suite type", Kind: KindUint, Width: 8},
	wtRsnAkmsCount:                         {Name: "wlan.rsn.akms.count", Label: "Auth Key Management (AKM) Suite Count", Kind: KindUint, Width: 16},
	wtRsnAkmsType:                          {Name: "wlan.rsn.akms.type", Label: "Auth Key Management (AKM) type", Kind: KindUint, Width: 8},
	wtRsnCapabilities:                      {Name: "wlan.rsn.capabilities", Label: "RSN Capabilities", Kind: KindUint, Width: 16, Base: BaseHex},
	wtRsnCapabilitiesPreauth:               {Name: "wlan.rsn.capabilities.preauth", Label: "RSN Pre-Auth capabilities", Kind: KindBool, Width: 16, Mask: 0x1},
	wtRsnCapabilitiesNoPairwise:            {Name: "wlan.rsn.capabilities.no_pairwise", Label: "RSN No Pairwise capabilities", Kind: KindBool, Width: 16, Mask: 0x2},
	wtRsnCapabilitiesPtksaReplayCounter:    {Name: "wlan.rsn.capabilities.ptksa_replay_counter", Label: "RSN PTKSA Replay Counter capabilities", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xc},
	wtRsnCapabilitiesGtksaReplayCounter:    {Name: "wlan.rsn.capabilities.gtksa_replay_counter", Label: "RSN GTKSA Replay Counter capabilities", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x30},
	wtRsnCapabilitiesMfpr:                  {Name: "wlan.rsn.capabilities.mfpr", Label: "Management Frame Protection Required", Kind: KindBool, Width: 16, Mask: 0x40},
	wtRsnCapabilitiesMfpc:                  {Name: "wlan.rsn.capabilities.mfpc", Label: "Management Frame Protection Capable", Kind: KindBool, Width: 16, Mask: 0x80},
	wtRsnCapabilitiesJmr:                   {Name: "wlan.rsn.capabilities.jmr", Label: "Joint Multi-band RSNA", Kind: KindBool, Width: 16, Mask: 0x100},
	wtRsnCapabilitiesPeerkey:               {Name: "wlan.rsn.capabilities.peerkey", Label: "PeerKey Enabled", Kind: KindBool, Width: 16, Mask: 0x200},
	wtRsnCapabilitiesExtendedKeyIdIaf:      {Name: "wlan.rsn.capabilities.extended_key_id_iaf", Label: "Extended Key ID for Individually Addressed Frames", Kind: KindBool, Width: 16, Mask: 0x2000},
	wtHtInfoPrimarychannel:                 {Name: "wlan.ht.info.primarychannel", Label: "Primary Channel", Kind: KindUint, Width: 8},
	wtHtInfoDelim1:                         {Name: "wlan.ht.info.delim1", Label: "HT Information Subset (1 of 3)", Kind: KindUint, Width: 8, Base: BaseHex},
	wtHtInfoSecchanoffset:                  {Name: "wlan.ht.info.secchanoffset", Label: "Secondary channel offset", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x3},
	wtHtInfoChanwidth:                      {Name: "wlan.ht.info.chanwidth", Label: "Supported channel width", Kind: KindBool, Width: 8, Mask: 0x4},
	wtHtInfoRifs:                           {Name: "wlan.ht.info.rifs", Label: "Reduced Interframe Spacing (RIFS)", Kind: KindBool, Width: 8, Mask: 0x8},
	wtHtInfoReservedB4B7:                   {Name: "wlan.ht.info.reserved_b4_b7", Label: "Reserved", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xf0},
	wtHtInfoDelim2:                         {Name: "wlan.ht.info.delim2", Label: "HT Information Subset (2 of 3)", Kind: KindUint, Width: 16, Base: BaseHex},
	wtHtInfoHtProtection:                   {Name: "wlan.ht.info.ht_protection", Label: "HT Protection", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x3},
	wtHtInfoGreenfield:                     {Name: "wlan.ht.info.greenfield", Label: "Non-greenfield STAs present", Kind: KindBool, Width: 16, Mask: 0x4},
	wtHtInfoReservedB11:                    {Name: "wlan.ht.info.reserved_b11", Label: "Reserved", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x8},
	wtHtInfoObssnonht:                      {Name: "wlan.ht.info.obssnonht", Label: "OBSS non-HT STAs present", Kind: KindBool, Width: 16, Mask: 0x10},
	wtHtInfoChanCenterFreqSeg2:             {Name: "wlan.ht.info.chan_center_freq_seg_2", Label: "Channel Center Frequency Segment 2", Kind: KindUint, Width: 16, Mask: 0x1fe0},
	wtHtInfoReservedB21B23:                 {Name: "wlan.ht.info.reserved_b21_b23", Label: "Reserved", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xe000},
	wtHtInfoDelim3:                         {Name: "wlan.ht.info.delim3", Label: "HT Information Subset (3 of 3)", Kind: KindUint, Width: 16, Base: BaseHex},
	wtHtInfoReservedB24B29:                 {Name: "wlan.ht.info.reserved_b24_b29", Label: "Reserved", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x3f},
	wtHtInfoDualbeacon:                     {Name: "wlan.ht.info.dualbeacon", Label: "Dual beacon", Kind: KindBool, Width: 16, Mask: 0x40},
	wtHtInfoDualcts:                        {Name: "wlan.ht.info.dualcts", Label: "Dual Clear To Send (CTS) protection", Kind: KindBool, Width: 16, Mask: 0x80},
	wtHtInfoSecondarybeacon:                {Name: "wlan.ht.info.secondarybeacon", Label: "Beacon ID", Kind: KindBool, Width: 16, Mask: 0x100},
	wtHtInfoLsigprotsupport:                {Name: "wlan.ht.info.lsigprotsupport", Label: "L-SIG TXOP Protection Full Support", Kind: KindBool, Width: 16, Mask: 0x200},
	wtHtInfoPcoActive:                      {Name: "wlan.ht.info.pco.active", Label: "Phased Coexistence Operation (PCO)", Kind: KindBool, Width: 16, Mask: 0x400},
	wtHtInfoPcoPhase:                       {Name: "wlan.ht.info.pco.phase", Label: "Phased Coexistence Operation (PCO) Phase", Kind: KindBool, Width: 16, Mask: 0x800},
	wtHtInfoReservedB36B39:                 {Name: "wlan.ht.info.reserved_b36_b39", Label: "Reserved", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xf000},
	wtExtcap:                               {Name: "wlan.extcap", Label: "Extended Capabilities", Kind: KindUint, Width: 8, Base: BaseHex},
	wtExtcapB0:                             {Name: "wlan.extcap.b0", Label: "20/40 BSS Coexistence Management Support", Kind: KindBool, Width: 8, Mask: 0x1},
	wtExtcapB1:                             {Name: "wlan.extcap.b1", Label: "Reserved (was On-demand beacon)", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x2},
	wtExtcapB2:                             {Name: "wlan.extcap.b2", Label: "Extended Channel Switching", Kind: KindBool, Width: 8, Mask: 0x4},
	wtExtcapB3:                             {Name: "wlan.extcap.b3", Label: "Reserved (was WAVE indication)", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x8},
	wtExtcapB4:                             {Name: "wlan.extcap.b4", Label: "PSMP Capability", Kind: KindBool, Width: 8, Mask: 0x10},
	wtExtcapB5:                             {Name: "wlan.extcap.b5", Label: "Reserved", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x20},
	wtExtcapB6:                             {Name: "wlan.extcap.b6", Label: "S-PSMP Support", Kind: KindBool, Width: 8, Mask: 0x40},
	wtExtcapB7:                             {Name: "wlan.extcap.b7", Label: "Event", Kind: KindBool, Width: 8, Mask: 0x80},
	wtExtcapB8:                             {Name: "wlan.extcap.b8", Label: "Diagnostics", Kind: KindBool, Width: 8, Mask: 0x1},
	wtExtcapB9:                             {Name: "wlan.extcap.b9", Label: "Multicast Diagnostics", Kind: KindBool, Width: 8, Mask: 0x2},
	wtExtcapB10:                            {Name: "wlan.extcap.b10", Label: "Location Tracking", Kind: KindBool, Width: 8, Mask: 0x4},
	wtExtcapB11:                            {Name: "wlan.extcap.b11", Label: "FMS", Kind: KindBool, Width: 8, Mask: 0x8},
	wtExtcapB12:                            {Name: "wlan.extcap.b12", Label: "Proxy ARP Service", Kind: KindBool, Width: 8, Mask: 0x10},
	wtExtcapB13:                            {Name: "wlan.extcap.b13", Label: "Collocated Interference Reporting", Kind: KindBool, Width: 8, Mask: 0x20},
	wtExtcapB14:                            {Name: "wlan.extcap.b14", Label: "Civic Location", Kind: KindBool, Width: 8, Mask: 0x40},
	wtExtcapB15:                            {Name: "wlan.extcap.b15", Label: "Geospatial Location", Kind: KindBool, Width: 8, Mask: 0x80},
	wtExtcapB16:                            {Name: "wlan.extcap.b16", Label: "TFS", Kind: KindBool, Width: 8, Mask: 0x1},
	wtExtcapB17:                            {Name: "wlan.extcap.b17", Label: "WNM Sleep Mode", Kind: KindBool, Width: 8, Mask: 0x2},
	wtExtcapB18:                            {Name: "wlan.extcap.b18", Label: "TIM Broadcast", Kind: KindBool, Width: 8, Mask: 0x4},
	wtExtcapB19:                            {Name: "wlan.extcap.b19", Label: "BSS Transition", Kind: KindBool, Width: 8, Mask: 0x8},
	wtExtcapB20:                            {Name: "wlan.extcap.b20", Label: "QoS Traffic Capability", Kind: KindBool, Width: 8, Mask: 0x10},
	wtExtcapB21:                            {Name: "wlan.extcap.b21", Label: "AC Station Count", Kind: KindBool, Width: 8, Mask: 0x20},
	wtExtcapB22:                            {Name: "wlan.extcap.b22", Label: "Multiple BSSID", Kind: KindBool, Width: 8, Mask: 0x40},
	wtExtcapB23:                            {Name: "wlan.extcap.b23", Label: "Timing Measurement", Kind: KindBool, Width: 8, Mask: 0x80},
	wtExtcapB24:                            {Name: "wlan.extcap.b24", Label: "Channel Usage", Kind: KindBool, Width: 8, Mask: 0x1},
	wtExtcapB25:                            {Name: "wlan.extcap.b25", Label: "SSID List", Kind: KindBool, Width: 8, Mask: 0x2},
	wtExtcapB26:                            {Name: "wlan.extcap.b26", Label: "DMS", Kind: KindBool, Width: 8, Mask: 0x4},
	wtExtcapB27:                            {Name: "wlan.extcap.b27", Label: "UTC TSF Offset", Kind: KindBool, Width: 8, Mask: 0x8},
	wtExtcapB28:                            {Name: "wlan.extcap.b28", Label: "TPU Buffer STA Support", Kind: KindBool, Width: 8, Mask: 0x10},
	wtExtcapB29:                            {Name: "wlan.extcap.b29", Label: "TDLS Peer PSM Support", Kind: KindBool, Width: 8, Mask: 0x20},
	wtExtcapB30:                            {Name: "wlan.extcap.b30", Label: "TDLS channel switching", Kind: KindBool, Width: 8, Mask: 0x40},
	wtExtcapB31:                            {Name: "wlan.extcap.b31", Label: "Interworking", Kind: KindBool, Width: 8, Mask: 0x80},
	wtExtcapB32:                            {Name: "wlan.extcap.b32", Label: "QoS Map", Kind: KindBool, Width: 8, Mask: 0x1},
	wtExtcapB33:                            {Name: "wlan.extcap.b33", Label: "EBR", Kind: KindBool, Width: 8, Mask: 0x2},
	wtExtcapB34:                            {Name: "wlan.extcap.b34", Label: "SSPN Interface", Kind: KindBool, Width: 8, Mask: 0x4},
	wtExtcapB35:                            {Name: "wlan.extcap.b35", Label: "Reserved", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x8},
	wtExtcapB36:                            {Name: "wlan.extcap.b36", Label: "MSGCF Capability", Kind: KindBool, Width: 8, Mask: 0x10},
	wtExtcapB37:                            {Name: "wlan.extcap.b37", Label: "TDLS Support", Kind: KindBool, Width: 8, Mask: 0x20},
	wtExtcapB38:                            {Name: "wlan.extcap.b38", Label: "TDLS Prohibited", Kind: KindBool, Width: 8, Mask: 0x40},
	wtExtcapB39:                            {Name: "wlan.extcap.b39", Label: "TDLS Channel Switching Prohibited", Kind: KindBool, Width: 8, Mask: 0x80},
	wtExtcapB40:                            {Name: "wlan.extcap.b40", Label: "Reject Unadmitted Frame", Kind: KindBool, Width: 8, Mask: 0x1},
	wtExtcapServIntGranularity:             {Name: "wlan.extcap.serv_int_granularity", Label: "Service Interval Granularity", Kind: KindUint, Width: 8, Mask: 0xe},
	wtExtcapB44:                            {Name: "wlan.extcap.b44", Label: "Identifier Location", Kind: KindBool, Width: 8, Mask: 0x10},
	wtExtcapB45:                            {Name: "wlan.extcap.b45", Label: "U-APSD Coexistence", Kind: KindBool, Width: 8, Mask: 0x20},
	wtExtcapB46:                            {Name: "wlan.extcap.b46", Label: "WNM Notification", Kind: KindBool, Width: 8, Mask: 0x40},
	wtExtcapB47:                            {Name: "wlan.extcap.b47", Label: "QAB Capability", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x80},
	wtExtcapB48:                            {Name: "wlan.extcap.b48", Label: "UTF-8 SSID", Kind: KindBool, Width: 8, Mask: 0x1},
	wtExtcapB49:                            {Name: "wlan.extcap.b49", Label: "QMF Activated", Kind: KindBool, Width: 8, Mask: 0x2},
	wtExtcapB50:                            {Name: "wlan.extcap.b50", Label: "QMF Reconfiguration Activated", Kind: KindBool, Width: 8, Mask: 0x4},
	wtExtcapB51:                            {Name: "wlan.extcap.b51", Label: "Robust AV Streaming", Kind: KindBool, Width: 8, Mask: 0x8},
	wtExtcapB52:                            {Name: "wlan.extcap.b52", Label: "Advanced GCR", Kind: KindBool, Width: 8, Mask: 0x10},
	wtExtcapB53:                            {Name: "wlan.extcap.b53", Label: "Mesh GCR", Kind: KindBool, Width: 8, Mask: 0x20},
	wtExtcapB54:                            {Name: "wlan.extcap.b54", Label: "SCS", Kind: KindBool, Width: 8, Mask: 0x40},
	wtExtcapB55:                            {Name: "wlan.extcap.b55", Label: "QLoad Report", Kind: KindBool, Width: 8, Mask: 0x80},
	wtExtcapB56:                            {Name: "wlan.extcap.b56", Label: "Alternate EDCA", Kind: KindBool, Width: 8, Mask: 0x1},
	wtExtcapB57:                            {Name: "wlan.extcap.b57", Label: "Unprotected TXOP Negotiation", Kind: KindBool, Width: 8, Mask: 0x2},
	wtExtcapB58:                            {Name: "wlan.extcap.b58", Label: "Protected TXOP Negotiation", Kind: KindBool, Width: 8, Mask: 0x4},
	wtExtcapB59:                            {Name: "wlan.extcap.b59", Label: "Reserved", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x8},
	wtExtcapB60:                            {Name: "wlan.extcap.b60", Label: "Protected QLoad Report", Kind: KindBool, Width: 8, Mask: 0x10},
	wtExtcapB61:                            {Name: "wlan.extcap.b61", Label: "TDLS Wider Bandwidth", Kind: KindBool, Width: 8, Mask: 0x20},
	wtExtcapB62:                            {Name: "wlan.extcap.b62", Label: "Operating Mode Notification", Kind: KindBool, Width: 8, Mask: 0x40},
	wtExtcapB63:                            {Name: "wlan.extcap.b63", Label: "Max Number Of MSDUs In A-MSDU", Kind: KindUint, Width: 8, Mask: 0x80},
	wtCiscoCcx1Unknown:                     {Name: "wlan.cisco.ccx1.unknown", Label: "Unknown", Kind: KindBytes},
	wtCiscoCcx1Name:                        {Name: "wlan.cisco.ccx1.name", Label: "Name", Kind: KindString},
	wtCiscoCcx1Clients:                     {Name: "wlan.cisco.ccx1.clients", Label: "Clients", Kind: KindUint, Width: 8},
	wtCiscoCcx1Unknown2:                    {Name: "wlan.cisco.ccx1.unknown2", Label: "Unknown2", Kind: KindBytes},
	wtVhtCapabilities:                      {Name: "wlan.vht.capabilities", Label: "VHT Capabilities Info", Kind: KindUint, Width: 32, Base: BaseHex},
	wtVhtCapabilitiesMaxmpdulength:         {Name: "wlan.vht.capabilities.maxmpdulength", Label: "Maximum MPDU Length", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0x3},
	wtVhtCapabilitiesSupportedchanwidthset: {Name: "wlan.vht.capabilities.supportedchanwidthset", Label: "Supported Channel Width Set", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0xc},
	wtVhtCapabilitiesRxldpc:                {Name: "wlan.vht.capabilities.rxldpc", Label: "Rx LDPC", Kind: KindBool, Width: 32, Mask: 0x10},
	wtVhtCapabilitiesShort80:               {Name: "wlan.vht.capabilities.short80", Label: "Short GI for 80MHz/TVHT_MODE_4C", Kind: KindBool, Width: 32, Mask: 0x20},
	wtVhtCapabilitiesShort160:              {Name: "wlan.vht.capabilities.short160", Label: "Short GI for 160MHz and 80+80MHz", Kind: KindBool, Width: 32, Mask: 0x40},
	wtVhtCapabilitiesTxstbc:                {Name: "wlan.vht.capabilities.txstbc", Label: "Tx STBC", Kind: KindBool, Width: 32, Mask: 0x80},
	wtVhtCapabilitiesRxstbc:                {Name: "wlan.vht.capabilities.rxstbc", Label: "Rx STBC", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0x700},
	wtVhtCapabilitiesSubeamformer:          {Name: "wlan.vht.capabilities.subeamformer", Label: "SU Beamformer Capable", Kind: KindBool, Width: 32, Mask: 0x800},
	wtVhtCapabilitiesSubeamformee:          {Name: "wlan.vht.capabilities.subeamformee", Label: "SU Beamformee Capable", Kind: KindBool, Width: 32, Mask: 0x1000},
	wtVhtCapabilitiesBeamformeeStsCap:      {Name: "wlan.vht.capabilities.beamformee_sts_cap", Label: "Beamformee STS Capability", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0xe000},
	wtVhtCapabilitiesSoundingdimensions:    {Name: "wlan.vht.capabilities.soundingdimensions", Label: "Number of Sounding Dimensions", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0x70000},
	wtVhtCapabilitiesMubeamformer:          {Name: "wlan.vht.capabilities.mubeamformer", Label: "MU Beamformer Capable", Kind: KindBool, Width: 32, Mask: 0x80000},
	wtVhtCapabilitiesMubeamformee:          {Name: "wlan.vht.capabilities.mubeamformee", Label: "MU Beamformee Capable", Kind: KindBool, Width: 32, Mask: 0x100000},
	wtVhtCapabilitiesVhttxopps:             {Name: "wlan.vht.capabilities.vhttxopps", Label: "TXOP PS", Kind: KindBool, Width: 32, Mask: 0x200000},
	wtVhtCapabilitiesVhthtc:                {Name: "wlan.vht.capabilities.vhthtc", Label: "+HTC-VHT Capable", Kind: KindBool, Width: 32, Mask: 0x400000},
	wtVhtCapabilitiesMaxampdu:              {Name: "wlan.vht.capabilities.maxampdu", Label: "Max A-MPDU Length Exponent", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0x3800000},
	wtVhtCapabilitiesLinkadapt:             {Name: "wlan.vht.capabilities.linkadapt", Label: "VHT Link Adaptation", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0xc000000},
	wtVhtCapabilitiesRxpatconsist:          {Name: "wlan.vht.capabilities.rxpatconsist", Label: "Rx Antenna Pattern Consistency", Kind: KindBool, Width: 32, Mask: 0x10000000},
	wtVhtCapabilitiesTxpatconsist:          {Name: "wlan.vht.capabilities.txpatconsist", Label: "Tx Antenna Pattern Consistency", Kind: KindBool, Width: 32, Mask: 0x20000000},
	wtVhtCapabilitiesExtNssBwSupport:       {Name: "wlan.vht.capabilities.ext_nss_bw_support", Label: "Extended NSS BW Support", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0xc0000000},
	wtVhtMcssetRxmcsmap:                    {Name: "wlan.vht.mcsset.rxmcsmap", Label: "Rx MCS Map", Kind: KindUint, Width: 16, Base: BaseHex},
	wtVhtMcssetRxmcsmapSs1:                 {Name: "wlan.vht.mcsset.rxmcsmap.ss1", Label: "Rx 1 SS", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x3},
	wtVhtMcssetRxmcsmapSs2:                 {Name: "wlan.vht.mcsset.rxmcsmap.ss2", Label: "Rx 2 SS", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xc},
	wtVhtMcssetRxmcsmapSs3:                 {Name: "wlan.vht.mcsset.rxmcsmap.ss3", Label: "Rx 3 SS", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x30},
	wtVhtMcssetRxmcsmapSs4:                 {Name: "wlan.vht.mcsset.rxmcsmap.ss4", Label: "Rx 4 SS", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xc0},
	wtVhtMcssetRxmcsmapSs5:                 {Name: "wlan.vht.mcsset.rxmcsmap.ss5", Label: "Rx 5 SS", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x300},
	wtVhtMcssetRxmcsmapSs6:                 {Name: "wlan.vht.mcsset.rxmcsmap.ss6", Label: "Rx 6 SS", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xc00},
	wtVhtMcssetRxmcsmapSs7:                 {Name: "wlan.vht.mcsset.rxmcsmap.ss7", Label: "Rx 7 SS", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x3000},
	wtVhtMcssetRxmcsmapSs8:                 {Name: "wlan.vht.mcsset.rxmcsmap.ss8", Label: "Rx 8 SS", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xc000},
	wtVhtMcssetRxhighestlonggirate:         {Name: "wlan.vht.mcsset.rxhighestlonggirate", Label: "Rx Highest Long GI Data Rate (in Mb/s, 0 = subfield not in use)", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x1fff},
	wtVhtMcssetMaxNstsTotal:                {Name: "wlan.vht.mcsset.max_nsts_total", Label: "MaX NSTS Total", Kind: KindUint, Width: 16, Mask: 0xe000},
	wtVhtMcssetTxmcsmap:                    {Name: "wlan.vht.mcsset.txmcsmap", Label: "Tx MCS Map", Kind: KindUint, Width: 16, Base: BaseHex},
	wtVhtMcssetTxmcsmapSs1:                 {Name: "wlan.vht.mcsset.txmcsmap.ss1", Label: "Tx 1 SS", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x3},
	wtVhtMcssetTxmcsmapSs2:                 {Name: "wlan.vht.mcsset.txmcsmap.ss2", Label: "Tx 2 SS", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xc},
	wtVhtMcssetTxmcsmapSs3:                 {Name: "wlan.vht.mcsset.txmcsmap.ss3", Label: "Tx 3 SS", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x30},
	wtVhtMcssetTxmcsmapSs4:                 {Name: "wlan.vht.mcsset.txmcsmap.ss4", Label: "Tx 4 SS", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xc0},
	wtVhtMcssetTxmcsmapSs5:                 {Name: "wlan.vht.mcsset.txmcsmap.ss5", Label: "Tx 5 SS", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x300},
	wtVhtMcssetTxmcsmapSs6:                 {Name: "wlan.vht.mcsset.txmcsmap.ss6", Label: "Tx 6 SS", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xc00},
	wtVhtMcssetTxmcsmapSs7:                 {Name: "wlan.vht.mcsset.txmcsmap.ss7", Label: "Tx 7 SS", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x3000},
	wtVhtMcssetTxmcsmapSs8:                 {Name: "wlan.vht.mcsset.txmcsmap.ss8", Label: "Tx 8 SS", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xc000},
	wtVhtMcssetTxhighestlonggirate:         {Name: "wlan.vht.mcsset.txhighestlonggirate", Label: "Tx Highest Long GI Data Rate  (in Mb/s, 0 = subfield not in use)", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x1fff},
	wtVhtNcssetExtNssBwCap:                 {Name: "wlan.vht.ncsset.ext_nss_bw_cap", Label: "Extended NSS BW Capable", Kind: KindBool, Width: 16, Mask: 0x2000},
	wtVhtNcssetReserved:                    {Name: "wlan.vht.ncsset.reserved", Label: "Reserved", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xc000},
	wtVhtOpChannelwidth:                    {Name: "wlan.vht.op.channelwidth", Label: "Channel Width", Kind: KindUint, Width: 8},
	wtVhtOpChannelcenter0:                  {Name: "wlan.vht.op.channelcenter0", Label: "Channel Center Segment 0", Kind: KindUint, Width: 8},
	wtVhtOpChannelcenter1:                  {Name: "wlan.vht.op.channelcenter1", Label: "Channel Center Segment 1", Kind: KindUint, Width: 8},
	wtVhtOpBasicmcsmap:                     {Name: "wlan.vht.op.basicmcsmap", Label: "Basic MCS Map", Kind: KindUint, Width: 16, Base: BaseHex},
	wtVhtOpBasicmcsmapSs1:                  {Name: "wlan.vht.op.basicmcsmap.ss1", Label: "Basic 1 SS", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x3},
	wtVhtOpBasicmcsmapSs2:                  {Name: "wlan.vht.op.basicmcsmap.ss2", Label: "Basic 2 SS", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xc},
	wtVhtOpBasicmcsmapSs3:                  {Name: "wlan.vht.op.basicmcsmap.ss3", Label: "Basic 3 SS", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x30},
	wtVhtOpBasicmcsmapSs4:                  {Name: "wlan.vht.op.basicmcsmap.ss4", Label: "Basic 4 SS", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xc0},
	wtVhtOpBasicmcsmapSs5:                  {Name: "wlan.vht.op.basicmcsmap.ss5", Label: "Basic 5 SS", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x300},
	wtVhtOpBasicmcsmapSs6:                  {Name: "wlan.vht.op.basicmcsmap.ss6", Label: "Basic 6 SS", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xc00},
	wtVhtOpBasicmcsmapSs7:                  {Name: "wlan.vht.op.basicmcsmap.ss7", Label: "Basic 7 SS", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x3000},
	wtVhtOpBasicmcsmapSs8:                  {Name: "wlan.vht.op.basicmcsmap.ss8", Label: "Basic 8 SS", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xc000},
	wtVhtTpePwrInfo:                        {Name: "wlan.vht.tpe.pwr_info", Label: "Tx Pwr Info", Kind: KindUint, Width: 8, Base: BaseHex},
	wtVhtTpePwrInfoCount:                   {Name: "wlan.vht.tpe.pwr_info.count", Label: "Max Tx Pwr Count", Kind: KindUint, Width: 8, Mask: 0x7},
	wtVhtTpePwrInfoUnit:                    {Name: "wlan.vht.tpe.pwr_info.unit", Label: "Max Tx Pwr Unit Interpretation", Kind: KindUint, Width: 8, Mask: 0x38},
	wtVhtTpePwrInfoReserved:                {Name: "wlan.vht.tpe.pwr_info.reserved", Label: "Reserved", Kind: KindUint, Width: 8, Mask: 0xc0},
	wtTagVendorOuiType:                     {Name: "wlan.tag.vendor.oui.type", Label: "Vendor Specific OUI Type", Kind: KindUint, Width: 8},
	wtWfaIeType:                            {Name: "wlan.wfa.ie.type", Label: "Type", Kind: KindUint, Width: 8, Base: BaseHex},
	wtWfaIeWmeSubtype:                      {Name: "wlan.wfa.ie.wme.subtype", Label: "WME Subtype", Kind: KindUint, Width: 8},
	wtWfaIeWmeVersion:                      {Name: "wlan.wfa.ie.wme.version", Label: "WME Version", Kind: KindUint, Width: 8},
	wtWfaIeWmeQosInfo:                      {Name: "wlan.wfa.ie.wme.qos_info", Label: "WME QoS Info", Kind: KindUint, Width: 8, Base: BaseHex},
	wtWfaIeWmeQosInfoApUApsd:               {Name: "wlan.wfa.ie.wme.qos_info.ap.u_apsd", Label: "U-APSD", Kind: KindBool, Width: 8, Mask: 0x80},
	wtWfaIeWmeQosInfoApParameterSetCount:   {Name: "wlan.wfa.ie.wme.qos_info.ap.parameter_set_count", Label: "Parameter Set Count", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xf},
	wtWfaIeWmeQosInfoApReserved:            {Name: "wlan.wfa.ie.wme.qos_info.ap.reserved", Label: "Reserved", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x70},
	wtWfaIeWmeReserved:                     {Name: "wlan.wfa.ie.wme.reserved", Label: "Reserved", Kind: KindBytes},
	wtWfaIeWmeAcpAciAifsn:                  {Name: "wlan.wfa.ie.wme.acp.aci_aifsn", Label: "ACI / AIFSN Field", Kind: KindUint, Width: 8, Base: BaseHex},
	wtWfaIeWmeAcpAifsn:                     {Name: "wlan.wfa.ie.wme.acp.aifsn", Label: "AIFSN", Kind: KindUint, Width: 8, Mask: 0xf},
	wtWfaIeWmeAcpAcm:                       {Name: "wlan.wfa.ie.wme.acp.acm", Label: "Admission Control Mandatory", Kind: KindBool, Width: 8, Mask: 0x10},
	wtWfaIeWmeAcpAci:                       {Name: "wlan.wfa.ie.wme.acp.aci", Label: "ACI", Kind: KindUint, Width: 8, Mask: 0x60},
	wtWfaIeWmeAcpReserved:                  {Name: "wlan.wfa.ie.wme.acp.reserved", Label: "Reserved", Kind: KindUint, Width: 8, Mask: 0x80},
	wtWfaIeWmeAcpEcw:                       {Name: "wlan.wfa.ie.wme.acp.ecw", Label: "ECW", Kind: KindUint, Width: 8, Base: BaseHex},
	wtWfaIeWmeAcpEcwMax:                    {Name: "wlan.wfa.ie.wme.acp.ecw.max", Label: "ECW Max", Kind: KindUint, Width: 8, Mask: 0xf0},
	wtWfaIeWmeAcpEcwMin:                    {Name: "wlan.wfa.ie.wme.acp.ecw.min", Label: "ECW Min", Kind: KindUint, Width: 8, Mask: 0xf},
	wtWfaIeWmeAcpCwMax:                     {Name: "wlan.wfa.ie.wme.acp.cw.max", Label: "CW Max", Kind: KindUint, Width: 8},
	wtWfaIeWmeAcpCwMin:                     {Name: "wlan.wfa.ie.wme.acp.cw.min", Label: "CW Min", Kind: KindUint, Width: 8},
	wtWfaIeWmeAcpTxopLimit:                 {Name: "wlan.wfa.ie.wme.acp.txop_limit", Label: "TXOP Limit", Kind: KindUint, Width: 16},
	wtAironetType:                          {Name: "wlan.aironet.type", Label: "Aironet IE type", Kind: KindUint, Width: 8},
	wtAironetData:                          {Name: "wlan.aironet.data", Label: "Aironet IE data", Kind: KindBytes},
	wtAironetVersion:                       {Name: "wlan.aironet.version", Label: "Aironet IE CCX version", Kind: KindUint, Width: 8},
	wtAironetClientmfp:                     {Name: "wlan.aironet.clientmfp", Label: "Aironet IE Client MFP", Kind: KindBool, Width: 8, Mask: 0x1},
	wtInterworkingAccessNetworkType:        {Name: "wlan.interworking.access_network_type", Label: "Access Network Type", Kind: KindUint, Width: 8, Mask: 0xf},
	wtInterworkingInternet:                 {Name: "wlan.interworking.internet", Label: "Internet", Kind: KindUint, Width: 8, Mask: 0x10},
	wtInterworkingAsra:                     {Name: "wlan.interworking.asra", Label: "ASRA", Kind: KindUint, Width: 8, Mask: 0x20},
	wtInterworkingEsr:                      {Name: "wlan.interworking.esr", Label: "ESR", Kind: KindUint, Width: 8, Mask: 0x40},
	wtInterworkingUesa:                     {Name: "wlan.interworking.uesa", Label: "UESA", Kind: KindUint, Width: 8, Mask: 0x80},
	wtHs20IndicationDgafDisabled:           {Name: "wlan.hs20.indication.dgaf_disabled", Label: "DGAF Disabled", Kind: KindUint, Width: 8, Mask: 0x1},
	wtHs20IndicationPpsMoIdPresent:         {Name: "wlan.hs20.indication.pps_mo_id_present", Label: "PPS MO ID Present", Kind: KindBool, Width: 8, Mask: 0x2},
	wtHs20IndicationAnqpDomainIdPresent:    {Name: "wlan.hs20.indication.anqp_domain_id_present", Label: "ANQP Domain ID Present", Kind: KindBool, Width: 8, Mask: 0x4},
	wtHs20IndicationReserved:               {Name: "wlan.hs20.indication.reserved", Label: "Reserved", Kind: KindBool, Width: 8, Mask: 0x8},
	wtHs20IndicationVersionNumber:          {Name: "wlan.hs20.indication.version_number", Label: "Version Number", Kind: KindUint, Width: 8, Mask: 0xf0},
	wtSupchanFirst:                         {Name: "wlan.supchan.first", Label: "First Supported Channel", Kind: KindUint, Width: 8},
	wtSupchanRange:                         {Name: "wlan.supchan.range", Label: "Supported Channel Range", Kind: KindUint, Width: 8},
	wtWfaIeWmeQosInfoStaMaxSpLength:        {Name: "wlan.wfa.ie.wme.qos_info.sta.max_sp_length", Label: "Max SP Length", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x60},
	wtWfaIeWmeQosInfoStaAcBe:               {Name: "wlan.wfa.ie.wme.qos_info.sta.ac_be", Label: "AC_BE", Kind: KindBool, Width: 8, Mask: 0x8},
	wtWfaIeWmeQosInfoStaAcBk:               {Name: "wlan.wfa.ie.wme.qos_info.sta.ac_bk", Label: "AC_BK", Kind: KindBool, Width: 8, Mask: 0x4},
	wtWfaIeWmeQosInfoStaAcVi:               {Name: "wlan.wfa.ie.wme.qos_info.sta.ac_vi", Label: "AC_VI", Kind: KindBool, Width: 8, Mask: 0x2},
	wtWfaIeWmeQosInfoStaAcVo:               {Name: "wlan.wfa.ie.wme.qos_info.sta.ac_vo", Label: "AC_VO", Kind: KindBool, Width: 8, Mask: 0x1},
	wtWfaIeWmeQosInfoStaReserved:           {Name: "wlan.wfa.ie.wme.qos_info.sta.reserved", Label: "Reserved", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x90},
	wtRsnIeKdeDataType:                     {Name: "wlan.rsn.ie.kde.data_type", Label: "Data Type", Kind: KindUint, Width: 16},
	wtRsnIePmkid:                           {Name: "wlan.rsn.ie.pmkid", Label: "PMKID", Kind: KindBytes},
}

var protoWLAN = protoField("wlan", "IEEE 802.11 wireless LAN")

func wlanName(f int, v uint64) string { return wlanFields[f].ValueNames().Name(v) }

// wlanAddrs lists, for a frame, which address fills each of tshark's
// roles, in the order its tree draws them: role field and address index.
func wlanAddrs(w WLAN, out *[6][2]int) int {
	n := 0
	add := func(f, k int) {
		if _, ok := w.Addr(k); ok {
			out[n] = [2]int{f, k}
			n++
		}
	}
	switch w.Type() {
	case wlanMgmt:
		add(wfRA, 1)
		add(wfDA, 1)
		add(wfTA, 2)
		add(wfSA, 2)
		add(wfBSSID, 3)
	case wlanCtrl:
		add(wfRA, 1)
		switch w.Subtype() {
		case 8, 9, 10, 11, 4, 5, 14, 15:
			add(wfTA, 2)
		}
	case wlanData:
		add(wfRA, 1)
		add(wfTA, 2)
		switch w.Flags() & 3 {
		case 0:
			add(wfDA, 1)
			add(wfSA, 2)
			add(wfBSSID, 3)
		case wlanToDS:
			add(wfDA, 3)
			add(wfSA, 2)
			add(wfBSSID, 1)
			add(wfStaA, 2)
		case wlanFromDS:
			add(wfDA, 1)
			add(wfSA, 3)
			add(wfBSSID, 2)
			add(wfStaA, 1)
		default:
			add(wfDA, 3)
			add(wfSA, 4)
		}
	}
	return n
}

// emitWLAN emits the MAC header's fields and a management frame's fixed
// and tagged parameters.
func emitWLAN(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoWLAN)
	if l.Malformed != "" {
		e.End()
		return
	}
	w := WLAN(d.data[l.Start : l.Start+wlanHeaderLenOf(d, i)])
	f := &wlanFields
	e.Uint(&f[wfFC], uint64(w.FC()))
	e.Uint(&f[wfTypeSubtype], uint64(w.TypeSubtype()))
	e.Uint(&f[wfVersion], 0)
	e.Uint(&f[wfType], uint64(w.Type()))
	e.Uint(&f[wfSubtype], uint64(w.Subtype()))
	e.Uint(&f[wfDS], uint64(w.Flags()&3))
	if len(w) >= 4 && !(w.Type() == wlanCtrl && w.Subtype() == 10) {
		e.Uint(&f[wfDuration], uint64(w.Duration()&0x7fff))
	}
	var roles [6][2]int
	for _, r := range roles[:wlanAddrs(w, &roles)] {
		a, _ := w.Addr(r[1])
		e.MAC(&f[r[0]], a)
	}
	if w.hasSeq() {
		e.Uint(&f[wfFrag], uint64(w.Seq()&0xf))
		e.Uint(&f[wfSeq], uint64(w.Seq()>>4))
	}
	if fcs, ok := wlanFCS(d, i); ok {
		e.Uint(&f[wfFCS], uint64(fcs))
	}
	if q := w.qosOff(); q > 0 {
		emitWLANQoS(e, uint64(le16(w[q:])), w.Flags()&3)
	}
	if w.Type() == wlanMgmt {
		body := d.data[l.Start+len(w) : l.End]
		fixed := wlanFixedLen(w.Subtype())
		if fixed >= 0 && len(body) >= fixed {
			emitWLANFixed(e, w.Subtype(), body[:fixed])
			for off := fixed; off+2 <= len(body); {
				n := int(body[off+1])
				if off+2+n > len(body) {
					break
				}
				emitWLANTag(e, body[off], body[off+2:off+2+n], wlanFromAP(w.Subtype()))
				off += 2 + n
			}
		}
	}
	e.End()
}

// wlanHeaderLenOf returns the header length of layer i, an 802.11 layer
// that parsed.
func wlanHeaderLenOf(d *Decoder, i int) int {
	l := &d.layers[i]
	b := d.data[l.Start:l.End]
	n := wlanHeaderLen(b[0], b[1])
	if n == 0 {
		n = min(4, len(b))
	}
	return n
}

// wlanFixedLen returns the length of a management frame's fixed
// parameters, or -1 for a subtype whose body rawcap does not lay out.
func wlanFixedLen(sub uint8) int {
	switch sub {
	case wlanAssocReq:
		return 4
	case wlanAssocResp, wlanReassocResp:
		return 6
	case wlanReassocReq:
		return 10
	case wlanProbeReq, wlanATIM:
		return 0
	case wlanProbeResp, wlanBeacon:
		return 12
	case wlanDisassoc, wlanDeauth:
		return 2
	case wlanAuth:
		return 6
	}
	return -1
}

func emitWLANFixed(e *emitter, sub uint8, b []byte) {
	f := &wlanFields
	switch sub {
	case wlanAssocReq, wlanReassocReq:
		e.Uint(&f[wfCapabilities], uint64(le16(b)))
	case wlanAssocResp, wlanReassocResp:
		e.Uint(&f[wfCapabilities], uint64(le16(b)))
		e.Uint(&f[wfStatus], uint64(le16(b[2:])))
	case wlanProbeResp, wlanBeacon:
		e.Uint(&f[wfTimestamp], le64(b))
		e.Uint(&f[wfBeacon], uint64(le16(b[8:])))
		e.Uint(&f[wfCapabilities], uint64(le16(b[10:])))
	case wlanDisassoc, wlanDeauth:
		e.Uint(&f[wfReason], uint64(le16(b)))
	case wlanAuth:
		e.Uint(&f[wfAuthAlg], uint64(le16(b)))
		e.Uint(&f[wfAuthSeq], uint64(le16(b[2:])))
		e.Uint(&f[wfStatus], uint64(le16(b[4:])))
	}
}

func emitWLANTag(e *emitter, num uint8, v []byte, ap bool) {
	f := &wlanFields
	e.Uint(&f[wfTagNumber], uint64(num))
	e.Uint(&f[wfTagLength], uint64(len(v)))
	switch num {
	case 0:
		if len(v) > 0 {
			e.Bytes(&f[wfSSID], v)
		}
	case 1, 50:
		for _, r := range v {
			e.Uint(&f[wfRates], uint64(r))
			if !e.all {
				break
			}
		}
	case 3:
		if len(v) == 1 {
			e.Uint(&f[wfCurrentChannel], uint64(v[0]))
		}
	}
	emitWLANTagBody(e, num, v, ap)
}

// wlanFlagString appends tshark's flag characters (".p....F.") for flags,
// and "C" when the frame carries an FCS.
func appendWLANFlags(b []byte, flags uint8, fcs bool) []byte {
	const chars = "opmPRMFT"
	for k := range 8 {
		if flags&(0x80>>k) != 0 {
			b = append(b, chars[k])
		} else {
			b = append(b, '.')
		}
	}
	if fcs {
		b = append(b, 'C')
	}
	return b
}

var wlanFlagLines = [6]struct {
	mask    uint8
	label   string
	off, on string
}{
	{wlanMoreFrag, "More Fragments", "This is the last fragment", "More fragments follow"},
	{wlanRetry, "Retry", "Frame is not being retransmitted", "Frame is being retransmitted"},
	{wlanPwrMgt, "PWR MGT", "STA will stay up", "STA will go to sleep"},
	{wlanMoreData, "More Data", "No data buffered", "Data is buffered for STA at AP"},
	{wlanProtected, "Protected flag", "Data is not protected", "Data is protected"},
	{wlanOrder, "+HTC/Order flag", "Not strictly ordered", "Strictly ordered"},
}

var wlanDSNames = [4]string{
	"Not leaving DS or network is operating in AD-HOC mode (To DS: 0 From DS: 0) (0x0)",
	"Frame from STA to DS via an AP (To DS: 1 From DS: 0) (0x1)",
	"Frame from DS to a STA via AP(To DS: 0 From DS: 1) (0x2)",
	"WDS (AP to AP) or Mesh (MP to MP) Frame (To DS: 1 From DS: 1) (0x3)",
}

var wlanTypeNames = [4]string{"Management frame", "Control frame", "Data frame", "Extension frame"}

// treeWLAN appends the 802.11 subtree, and a management frame's body.
func treeWLAN(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	raw := d.data[l.Start:l.End]
	if len(raw) >= 1 && raw[0]&3 != 0 {
		t.head("IEEE 802.11 Unknown Protocol Version:")
		t.b = strconv.AppendInt(t.b, int64(raw[0]&3), 10)
		t.end()
		t.depth = 1
		t.bits(uint64(raw[0]), 8, 3, "Version")
		t.b = strconv.AppendInt(t.b, int64(raw[0]&3), 10)
		t.end()
		return
	}
	if l.Malformed != "" {
		return
	}
	w := WLAN(d.data[l.Start : l.Start+wlanHeaderLenOf(d, i)])
	fcs, hasFCS := wlanFCS(d, i)
	name := wlanName(wfTypeSubtype, uint64(w.TypeSubtype()))
	t.head("IEEE 802.11 ")
	t.b = append(t.b, name...)
	t.b = append(t.b, ", Flags: "...)
	t.b = appendWLANFlags(t.b, w.Flags(), hasFCS)
	t.end()
	t.depth = 1
	t.line()
	t.b = append(t.b, "Type/Subtype: "...)
	t.b = append(t.b, name...)
	t.b = append(t.b, " (0x"...)
	t.b = appendHex4(t.b, w.TypeSubtype())
	t.b = append(t.b, ')')
	t.end()
	t.hex("Frame Control Field", uint64(w.FC()), 4)
	t.depth = 2
	fc0 := uint64(w[0])
	t.bits(fc0, 8, 3, "Version")
	t.b = append(t.b, '0')
	t.end()
	t.bits(fc0, 8, 0xc, "Type")
	t.b = append(t.b, wlanTypeNames[w.Type()]...)
	t.b = append(t.b, " ("...)
	t.b = strconv.AppendInt(t.b, int64(w.Type()), 10)
	t.b = append(t.b, ')')
	t.end()
	t.bits(fc0, 8, 0xf0, "Subtype")
	t.b = strconv.AppendInt(t.b, int64(w.Subtype()), 10)
	t.end()
	fl := w.Flags()
	t.hex("Flags", uint64(fl), 2)
	t.depth = 3
	t.bits(uint64(fl), 8, 3, "DS status")
	t.b = append(t.b, wlanDSNames[fl&3]...)
	t.end()
	for _, fln := range wlanFlagLines {
		t.bits(uint64(fl), 8, uint64(fln.mask), fln.label)
		if fl&fln.mask != 0 {
			t.b = append(t.b, fln.on...)
		} else {
			t.b = append(t.b, fln.off...)
		}
		t.end()
	}
	t.depth = 1
	if len(w) >= 4 {
		dur := w.Duration()
		if w.Type() == wlanCtrl && w.Subtype() == 10 {
			t.bits(uint64(dur), 16, 0x3fff, "Association ID")
			t.b = strconv.AppendInt(t.b, int64(dur&0x3fff), 10)
			t.end()
		} else if dur&0x8000 == 0 {
			t.bits(uint64(dur), 16, 0x7fff, "Duration")
			t.b = strconv.AppendInt(t.b, int64(dur), 10)
			t.b = append(t.b, " microseconds"...)
			t.end()
		}
	}
	var roles [6][2]int
	for _, r := range roles[:wlanAddrs(w, &roles)] {
		a, _ := w.Addr(r[1])
		treeMAC(t, wlanFields[r[0]].Label, a)
	}
	if w.hasSeq() {
		seq := uint64(w.Seq())
		t.bits(seq, 16, 0xf, "Fragment number")
		t.b = strconv.AppendUint(t.b, seq&0xf, 10)
		t.end()
		t.bits(seq, 16, 0xfff0, "Sequence number")
		t.b = strconv.AppendUint(t.b, seq>>4, 10)
		t.end()
	}
	if hasFCS {
		t.line()
		t.b = append(t.b, "Frame check sequence: 0x"...)
		t.b = appendHexN(t.b, uint64(fcs), 8)
		t.b = append(t.b, " [unverified]"...)
		t.end()
		t.str("[FCS Status", "Unverified]")
	}
	if q := w.qosOff(); q > 0 {
		qos := uint64(le16(w[q:]))
		t.hex("Qos Control", qos, 4)
		t.depth = 2
		t.bits(qos, 16, 0xf, "TID")
		t.b = strconv.AppendUint(t.b, qos&0xf, 10)
		t.end()
		pri := qos & 7
		p := len(t.b) + 4*(t.depth+t.indent)
		t.bits(qos, 16, 7, "Priority")
		t.b = append(t.b, 0)
		copy(t.b[p+1:], t.b[p:])
		t.b[p] = '['
		t.b = append(t.b, wlanPriorityNames[pri]...)
		t.b = append(t.b, " ("...)
		t.b = strconv.AppendUint(t.b, pri, 10)
		t.b = append(t.b, ")]"...)
		t.end()
		treeWLANQoS(t, qos, fl&3)
		t.depth = 1
	}
	if w.Type() == wlanData && fl&wlanProtected != 0 && l.Payload > l.Start+len(w) {
		iv := d.data[l.Start+len(w) : l.Payload]
		if len(iv) == 8 && !(iv[1] == (iv[0]|0x20)&0x7f) {
			t.line()
			t.b = append(t.b, "CCMP parameters"...)
			t.end()
			t.depth = 2
			t.line()
			t.b = append(t.b, "CCMP Ext. Initialization Vector: 0x"...)
			for _, k := range [...]int{7, 6, 5, 4, 1, 0} {
				t.b = appendHex2(t.b, iv[k])
			}
			t.end()
			t.int("Key Index", int(iv[3]>>6))
			t.depth = 1
		}
	}
	if w.Type() == wlanMgmt {
		treeWLANMgmt(t, w.Subtype(), d.data[l.Start+len(w):l.End])
	}
}

var wlanPriorityNames = [8]string{
	"Best Effort (Best Effort)", "Background (Background)", "Spare (Background)",
	"Excellent Effort (Best Effort)", "Controlled Load (Video)", "Video (Video)",
	"Voice (Voice)", "Network Control (Voice)",
}

var wlanCapLines = [16]struct{ label, off, on string }{
	{"ESS capabilities", "Transmitter is a STA", "Transmitter is an AP"},
	{"IBSS status", "Transmitter belongs to a BSS", "Transmitter belongs to an IBSS"},
	{"Reserved", "0", ""},
	{"Reserved", "0", ""},
	{"Privacy", "AP/STA cannot support WEP", "Data confidentiality required"},
	{"Short Preamble", "Not Allowed", "Allowed"},
	{"Reserved", "0", ""},
	{"Reserved", "0", ""},
	{"Spectrum Management", "Not Implemented", "Implemented"},
	{"QoS", "Not Implemented", "Implemented"},
	{"Short Slot Time", "Not in use", "In use"},
	{"Automatic Power Save Delivery", "Not Implemented", "Implemented"},
	{"Radio Measurement", "Not Implemented", "Implemented"},
	{"EPD", "Not Implemented", "Implemented"},
	{"Reserved", "0", ""},
	{"Reserved", "0", ""},
}

// treeWLANMgmt appends "IEEE 802.11 Wireless Management": the fixed and
// the tagged parameters of a management frame's body.
func treeWLANMgmt(t *treeWriter, sub uint8, body []byte) {
	fixed := wlanFixedLen(sub)
	if fixed < 0 || len(body) < fixed || len(body) == 0 && fixed == 0 {
		return
	}
	t.head("IEEE 802.11 Wireless Management")
	t.end()
	t.depth = 1
	if fixed > 0 {
		t.line()
		t.b = append(t.b, "Fixed parameters ("...)
		t.b = strconv.AppendInt(t.b, int64(fixed), 10)
		t.b = append(t.b, " bytes)"...)
		t.end()
		t.depth = 2
		b := body
		switch sub {
		case wlanAssocReq, wlanReassocReq:
			treeWLANCap(t, le16(b))
			t.hex("Listen Interval", uint64(le16(b[2:])), 4)
			if sub == wlanReassocReq {
				treeMAC(t, "Current AP address", MAC(b[4:10]))
			}
		case wlanAssocResp, wlanReassocResp:
			treeWLANCap(t, le16(b))
			treeWLANCode(t, "Status code", wfStatus, le16(b[2:]))
			aid := uint64(le16(b[4:]))
			t.bits(aid, 16, 0x3fff, "Association ID")
			t.b = append(t.b, "0x"...)
			t.b = appendHexN(t.b, aid&0x3fff, 4)
			t.end()
		case wlanProbeResp, wlanBeacon:
			t.line()
			t.b = append(t.b, "Timestamp: "...)
			t.b = strconv.AppendUint(t.b, le64(b), 10)
			t.end()
			t.line()
			t.b = append(t.b, "Beacon Interval: "...)
			us := int64(le16(b[8:])) * 1024
			t.b = strconv.AppendInt(t.b, us/1e6, 10)
			t.b = append(t.b, '.')
			frac := us % 1e6
			for div := int64(100000); div > 0; div /= 10 {
				t.b = append(t.b, byte('0'+frac/div%10))
			}
			t.b = append(t.b, " [Seconds]"...)
			t.end()
			treeWLANCap(t, le16(b[10:]))
		case wlanDisassoc, wlanDeauth:
			treeWLANCode(t, "Reason code", wfReason, le16(b))
		case wlanAuth:
			alg := le16(b)
			t.line()
			t.b = append(t.b, "Authentication Algorithm: "...)
			t.b = append(t.b, wlanName(wfAuthAlg, uint64(alg))...)
			t.b = append(t.b, " ("...)
			t.b = strconv.AppendInt(t.b, int64(alg), 10)
			t.b = append(t.b, ')')
			t.end()
			t.hex("Authentication SEQ", uint64(le16(b[2:])), 4)
			treeWLANCode(t, "Status code", wfStatus, le16(b[4:]))
		}
	}
	tags := body[fixed:]
	if len(tags) == 0 {
		return
	}
	t.depth = 1
	t.line()
	t.b = append(t.b, "Tagged parameters ("...)
	t.b = strconv.AppendInt(t.b, int64(len(tags)), 10)
	t.b = append(t.b, " bytes)"...)
	t.end()
	for off := 0; off+2 <= len(tags); {
		n := int(tags[off+1])
		if off+2+n > len(tags) {
			break
		}
		treeWLANTag(t, tags[off], tags[off+2:off+2+n], wlanFromAP(sub))
		off += 2 + n
	}
}

func treeWLANCap(t *treeWriter, c uint16) {
	t.hex("Capabilities Information", uint64(c), 4)
	t.depth = 3
	for bit, cl := range wlanCapLines {
		on := c&(1<<bit) != 0
		if cl.on == "" && on {
			continue // a reserved bit set: tshark's wording is not known here
		}
		t.bits(uint64(c), 16, 1<<bit, cl.label)
		if on {
			t.b = append(t.b, cl.on...)
		} else {
			t.b = append(t.b, cl.off...)
		}
		t.end()
	}
	t.depth = 2
}

func treeWLANCode(t *treeWriter, label string, f int, v uint16) {
	t.line()
	start := len(t.b)
	t.b = append(t.b, label...)
	t.b = append(t.b, ": "...)
	name := wlanName(f, uint64(v))
	if name == "" {
		name = "Unknown"
	}
	t.b = append(t.b, name...)
	t.b = append(t.b, " (0x"...)
	t.b = appendHex4(t.b, v)
	t.b = append(t.b, ')')
	t.truncLabel(start, len(label))
	t.end()
}

// appendWLANRate appends a supported rate byte as tshark does ("6(B)",
// "5.5").
func appendWLANRate(b []byte, r uint8) []byte {
	v := int(r & 0x7f)
	b = strconv.AppendInt(b, int64(v/2), 10)
	if v%2 != 0 {
		b = append(b, ".5"...)
	}
	if r&0x80 != 0 {
		b = append(b, "(B)"...)
	}
	return b
}

// treeWLANTag appends one tagged parameter: its head, number and length,
// and the contents of the tags whose lines are tshark's.
func treeWLANTag(t *treeWriter, num uint8, v []byte, ap bool) {
	name := wlanName(wfTagNumber, uint64(num))
	t.depth = 2
	switch num {
	case 0:
		t.line()
		t.b = append(t.b, "Tag: SSID parameter set: "...)
		if len(v) == 0 {
			t.b = append(t.b, "Wildcard SSID"...)
		} else {
			t.b = appendQuotedSSID(t.b, v)
		}
		t.end()
	case 1, 50:
		t.line()
		t.b = append(t.b, "Tag: "...)
		t.b = append(t.b, name...)
		t.b = append(t.b, ' ')
		for _, r := range v {
			t.b = appendWLANRate(t.b, r)
			t.b = append(t.b, ", "...)
		}
		t.b = append(t.b, "[Mbit/sec]"...)
		t.end()
	case 3:
		if len(v) == 1 {
			t.line()
			t.b = append(t.b, "Tag: DS Parameter set: Current Channel: "...)
			t.b = strconv.AppendInt(t.b, int64(v[0]), 10)
			t.end()
		}
	case 5:
		if len(v) >= 3 {
			t.line()
			t.b = append(t.b, "Tag: Traffic Indication Map (TIM): DTIM "...)
			t.b = strconv.AppendInt(t.b, int64(v[0]), 10)
			t.b = append(t.b, " of "...)
			t.b = strconv.AppendInt(t.b, int64(v[1]), 10)
			t.b = append(t.b, " bitmap"...)
			t.end()
		}
	case 33:
		if len(v) == 2 {
			t.line()
			t.b = append(t.b, "Tag: Power Capability Min: "...)
			t.b = strconv.AppendInt(t.b, int64(int8(v[0])), 10)
			t.b = append(t.b, ", Max: "...)
			t.b = strconv.AppendInt(t.b, int64(int8(v[1])), 10)
			t.end()
		}
	case 127:
		t.line()
		t.b = append(t.b, "Tag: Extended Capabilities ("...)
		t.b = strconv.AppendInt(t.b, int64(len(v)), 10)
		t.b = append(t.b, " octets)"...)
		t.end()
	case 221:
		treeWLANVendorHead(t, v)
	case 255:
		// extension elements: their heads name what is inside
	default:
		t.line()
		t.b = append(t.b, "Tag: "...)
		t.b = append(t.b, name...)
		t.end()
	}
	t.depth = 3
	t.line()
	t.b = append(t.b, "Tag Number: "...)
	t.b = append(t.b, name...)
	t.b = append(t.b, " ("...)
	t.b = strconv.AppendInt(t.b, int64(num), 10)
	t.b = append(t.b, ')')
	t.end()
	t.int("Tag length", len(v))
	switch num {
	case 0:
		t.line()
		t.b = append(t.b, "SSID: "...)
		if len(v) == 0 {
			t.b = append(t.b, "<MISSING>"...)
		} else {
			t.b = appendQuotedSSID(t.b, v)
		}
		t.end()
	case 1, 50:
		for _, r := range v {
			t.line()
			t.b = append(t.b, name...)
			t.b = append(t.b, ": "...)
			t.b = appendWLANRate(t.b, r)
			t.b = append(t.b, " (0x"...)
			t.b = appendHex2(t.b, r)
			t.b = append(t.b, ')')
			t.end()
		}
	case 3:
		if len(v) == 1 {
			t.int("Current Channel", int(v[0]))
		}
	case 5:
		if len(v) >= 3 {
			t.int("DTIM count", int(v[0]))
			t.int("DTIM period", int(v[1]))
			t.hex("Bitmap control", uint64(v[2]), 2)
			t.depth = 4
			t.bits(uint64(v[2]), 8, 1, "Multicast")
			treeTrueFalse(t, v[2]&1 != 0)
			t.bits(uint64(v[2]), 8, 0xfe, "Bitmap Offset")
			t.b = append(t.b, "0x"...)
			t.b = appendHex2(t.b, v[2]>>1)
			t.end()
			t.depth = 3
			t.line()
			t.b = append(t.b, "Partial Virtual Bitmap: "...)
			t.b = appendHexBytes(t.b, v[3:])
			t.end()
		}
	case 33:
		if len(v) == 2 {
			t.int("Minimum Transmit Power", int(int8(v[0])))
			t.int("Maximum Transmit Power", int(int8(v[1])))
		}
	}
	treeWLANTagBody(t, num, v, ap)
}

// appendQuotedSSID appends an SSID in double quotes, as tshark shows a
// printable one.
func appendQuotedSSID(b []byte, v []byte) []byte {
	b = append(b, '"')
	for _, c := range v {
		if c >= 0x20 && c < 0x7f {
			b = append(b, c)
		} else {
			b = append(b, '\\', 'x', hexDigits[c>>4], hexDigits[c&15])
		}
	}
	return append(b, '"')
}

// appendWLANColAddr appends the Source (SA, else TA) or Destination (DA,
// else RA) column of layer i, an 802.11 frame.
func appendWLANColAddr(b []byte, d *Decoder, i int, src bool) []byte {
	l := &d.layers[i]
	w := WLAN(d.data[l.Start : l.Start+wlanHeaderLenOf(d, i)])
	var roles [6][2]int
	want, alt := wfDA, wfRA
	if src {
		want, alt = wfSA, wfTA
	}
	k := 0
	for _, r := range roles[:wlanAddrs(w, &roles)] {
		if r[0] == want {
			k = r[1]
			break
		}
		if r[0] == alt && k == 0 {
			k = r[1]
		}
	}
	if k == 0 {
		return b
	}
	a, _ := w.Addr(k)
	return a.AppendTo(b)
}

// appendWLANInfo appends the Info column of an 802.11 frame, as tshark:
// "Beacon frame, SN=3039, FN=0, Flags=........, BI=102, SSID="x"".
func appendWLANInfo(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" {
		raw := d.data[l.Start:l.End]
		if len(raw) > 0 && raw[0]&3 != 0 {
			b = append(b, "Unknown protocol version: "...)
			return strconv.AppendInt(b, int64(raw[0]&3), 10)
		}
		return b
	}
	w := WLAN(d.data[l.Start : l.Start+wlanHeaderLenOf(d, i)])
	b = append(b, wlanName(wfTypeSubtype, uint64(w.TypeSubtype()))...)
	if w.hasSeq() {
		b = append(b, ", SN="...)
		b = strconv.AppendUint(b, uint64(w.Seq()>>4), 10)
		b = append(b, ", FN="...)
		b = strconv.AppendUint(b, uint64(w.Seq()&0xf), 10)
	}
	_, fcs := wlanFCS(d, i)
	b = append(b, ", Flags="...)
	b = appendWLANFlags(b, w.Flags(), fcs)
	if w.Type() != wlanMgmt {
		return b
	}
	sub := w.Subtype()
	body := d.data[l.Start+len(w) : l.End]
	fixed := wlanFixedLen(sub)
	if fixed < 0 || len(body) < fixed {
		return b
	}
	if sub == wlanBeacon || sub == wlanProbeResp {
		b = append(b, ", BI="...)
		b = strconv.AppendUint(b, uint64(le16(body[8:])), 10)
	}
	el := parseWLANElements(body[fixed:])
	if el.hasSSID {
		b = append(b, ", SSID="...)
		if len(el.ssid) == 0 {
			b = append(b, "Wildcard (Broadcast)"...)
		} else {
			b = appendQuotedSSID(b, el.ssid)
		}
	}
	return b
}

var wlanAckPolicies = [4]string{"Normal Ack", "No Ack", "No explicit acknowledgment", "Block Ack"}

// treeWLANQoS draws the QoS control bits after the priority, as tshark
// reads them in a frame from the DS (EOSP and the AP's buffer state) or to
// it (TXOP duration requested or queue size).
func treeWLANQoS(t *treeWriter, qos uint64, ds uint8) {
	if ds != wlanFromDS && ds != wlanToDS {
		return
	}
	if ds == wlanFromDS {
		t.bits(qos, 16, 0x10, "EOSP")
		if qos&0x10 != 0 {
			t.b = append(t.b, "End of service period"...)
		} else {
			t.b = append(t.b, "Service period"...)
		}
	} else {
		t.bits(qos, 16, 0x10, "QoS bit 4")
		if qos&0x10 != 0 {
			t.b = append(t.b, "Bits 8-15 of QoS Control field are Queue Size"...)
		} else {
			t.b = append(t.b, "Bits 8-15 of QoS Control field are TXOP Duration Requested"...)
		}
	}
	t.end()
	ack := qos >> 5 & 3
	t.bits(qos, 16, 0x60, "Ack Policy")
	t.b = append(t.b, wlanAckPolicies[ack]...)
	t.b = append(t.b, " (0x"...)
	t.b = appendHexN(t.b, ack, 1)
	t.b = append(t.b, ')')
	t.end()
	t.bits(qos, 16, 0x80, "Payload Type")
	if qos&0x80 != 0 {
		t.b = append(t.b, "A-MSDU"...)
	} else {
		t.b = append(t.b, "MSDU"...)
	}
	t.end()
	hi := qos >> 8
	switch {
	case ds == wlanFromDS && qos&0x200 == 0:
		t.bits(qos, 16, 0xff00, "QAP PS Buffer State")
		t.b = append(t.b, "0x"...)
		t.b = appendHexN(t.b, hi, 2)
		t.end()
		t.depth = 3
		t.bits(qos, 16, 0x200, "Buffer State Indicated")
		t.b = append(t.b, "No"...)
		t.end()
	case ds == wlanToDS && qos&0x10 == 0 && hi == 0:
		t.bits(qos, 16, 0xff00, "TXOP Duration Requested")
		t.b = append(t.b, "0 (no TXOP requested)"...)
		t.end()
	case ds == wlanToDS && qos&0x10 != 0 && hi < 254:
		t.bits(qos, 16, 0xff00, "Queue Size")
		t.b = strconv.AppendUint(t.b, hi, 10)
		t.b = append(t.b, " ("...)
		t.b = strconv.AppendUint(t.b, hi*256, 10)
		t.b = append(t.b, " bytes)"...)
		t.end()
	}
}

// emitWLANQoS emits QoS control and the subfields its tree draws.
func emitWLANQoS(e *emitter, qos uint64, ds uint8) {
	f := &wlanFields
	e.Uint(&f[wfQoS], qos)
	e.Uint(&f[wfQoSTID], qos&0xf)
	e.Uint(&f[wfQoSPriority], qos&7)
	if ds != wlanFromDS && ds != wlanToDS {
		return
	}
	if ds == wlanFromDS {
		e.Bool(&f[wfQoSEOSP], qos&0x10 != 0)
	} else {
		e.Bool(&f[wfQoSBit4], qos&0x10 != 0)
	}
	e.Uint(&f[wfQoSAck], qos>>5&3)
	e.Bool(&f[wfQoSAMSDU], qos&0x80 != 0)
	hi := qos >> 8
	switch {
	case ds == wlanFromDS && qos&0x200 == 0:
		e.Uint(&f[wfQoSPSBufState], hi)
		e.Bool(&f[wfQoSBufStateInd], false)
	case ds == wlanToDS && qos&0x10 == 0 && hi == 0:
		e.Uint(&f[wfQoSTXOPDurReq], hi)
	case ds == wlanToDS && qos&0x10 != 0 && hi < 254:
		e.Uint(&f[wfQoSQueueSize], hi)
	}
}
