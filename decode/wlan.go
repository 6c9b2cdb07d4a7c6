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
	wfFlags
	wfFCFrag // then retry, pwrmgt, moredata, protected, order
	_
	_
	_
	_
	_
	wfAID
	wfFCSStatus
	wfCCMPExtIV
	wfWEPKey
	wfListenIval
	wfCurrentAP
	wfFixedAID
	wfCapESS // then the nine other capability bits
	_
	_
	_
	_
	_
	_
	_
	_
	_
	wfTIMCount
	wfTIMPeriod
	wfTIMBmapCtl
	wfTIMMulticast
	wfTIMOffset
	wfTIMBitmap
	wfPowerMin
	wfPowerMax
	wfFixedAll
	wfTaggedAll
	wfTag
	wfCapReserved // then the five other reserved capability bits
	_
	_
	_
	_
	_
	wfToDS
	wfFromDS
	wfAddr
	wlanFieldCount
)

var wlanFields = [wlanAllFieldCount]Field{
	wfFC:              {Name: "wlan.fc", Label: "Frame Control Field", Kind: KindUint, Width: 16, Base: BaseHex},
	wfTypeSubtype:     {Name: "wlan.fc.type_subtype", Label: "Type/Subtype", Kind: KindUint, Width: 16, Base: BaseHex},
	wfVersion:         {Name: "wlan.fc.version", Label: "Version", Kind: KindUint, Width: 8, Mask: 0x3},
	wfType:            {Name: "wlan.fc.type", Label: "Type", Kind: KindUint, Width: 8, Mask: 0xc},
	wfSubtype:         {Name: "wlan.fc.subtype", Label: "Subtype", Kind: KindUint, Width: 8, Mask: 0xf0, Values: &ValueNames{}}, // the number alone: -G values names another frame type's
	wfDS:              {Name: "wlan.fc.ds", Label: "DS status", Kind: KindUint, Width: 8, Mask: 0x3, Base: BaseHex},
	wfDuration:        {Name: "wlan.duration", Label: "Duration", Kind: KindUint, Width: 16, Mask: 0x7fff, Unit: " microseconds"},
	wfRA:              {Name: "wlan.ra", Label: "Receiver address", Kind: KindMAC},
	wfDA:              {Name: "wlan.da", Label: "Destination address", Kind: KindMAC},
	wfTA:              {Name: "wlan.ta", Label: "Transmitter address", Kind: KindMAC},
	wfSA:              {Name: "wlan.sa", Label: "Source address", Kind: KindMAC},
	wfBSSID:           {Name: "wlan.bssid", Label: "BSS Id", Kind: KindMAC},
	wfStaA:            {Name: "wlan.staa", Label: "STA address", Kind: KindMAC},
	wfFrag:            {Name: "wlan.frag", Label: "Fragment number", Kind: KindUint, Width: 16, Mask: 0xf},
	wfSeq:             {Name: "wlan.seq", Label: "Sequence number", Kind: KindUint, Width: 16, Mask: 0xfff0},
	wfQoS:             {Name: "wlan.qos", Label: "Qos Control", Kind: KindUint, Width: 16, Base: BaseHex},
	wfQoSTID:          {Name: "wlan.qos.tid", Label: "TID", Kind: KindUint, Width: 16, Mask: 0xf},
	wfQoSPriority:     {Name: "wlan.qos.priority", Label: "Priority", Kind: KindUint, Width: 16, Mask: 0x7, Generated: true},
	wfQoSEOSP:         {Name: "wlan.qos.eosp", Label: "EOSP", Kind: KindBool, Width: 16, Mask: 0x10},
	wfQoSBit4:         {Name: "wlan.qos.bit4", Label: "QoS bit 4", Kind: KindBool, Width: 16, Mask: 0x10},
	wfQoSAck:          {Name: "wlan.qos.ack", Label: "Ack Policy", Kind: KindUint, Width: 16, Mask: 0x60, Base: BaseHex},
	wfQoSAMSDU:        {Name: "wlan.qos.amsdupresent", Label: "Payload Type", Kind: KindBool, Width: 16, Mask: 0x80},
	wfQoSPSBufState:   {Name: "wlan.qos.ps_buf_state", Label: "QAP PS Buffer State", Kind: KindUint, Width: 16, Mask: 0xff00, Base: BaseHex},
	wfQoSBufStateInd:  {Name: "wlan.qos.buf_state_indicated", Label: "Buffer State Indicated", Kind: KindBool, Width: 16, Mask: 0x200},
	wfQoSTXOPDurReq:   {Name: "wlan.qos.txop_dur_req", Label: "TXOP Duration Requested", Kind: KindUint, Width: 16, Mask: 0xff00},
	wfQoSQueueSize:    {Name: "wlan.qos.queue_size", Label: "Queue Size", Kind: KindUint, Width: 16, Mask: 0xff00},
	wfFCS:             {Name: "wlan.fcs", Label: "Frame check sequence", Kind: KindUint, Width: 32, Base: BaseHex},
	wfTimestamp:       {Name: "wlan.fixed.timestamp", Label: "Timestamp", Kind: KindUint, Width: 64},
	wfBeacon:          {Name: "wlan.fixed.beacon", Label: "Beacon Interval", Kind: KindUint, Width: 32},
	wfCapabilities:    {Name: "wlan.fixed.capabilities", Label: "Capabilities Information", Kind: KindUint, Width: 16, Base: BaseHex},
	wfAuthAlg:         {Name: "wlan.fixed.auth.alg", Label: "Authentication Algorithm", Kind: KindUint, Width: 16},
	wfAuthSeq:         {Name: "wlan.fixed.auth_seq", Label: "Authentication SEQ", Kind: KindUint, Width: 16, Base: BaseHex},
	wfStatus:          {Name: "wlan.fixed.status_code", Label: "Status code", Kind: KindUint, Width: 16, Base: BaseHex},
	wfReason:          {Name: "wlan.fixed.reason_code", Label: "Reason code", Kind: KindUint, Width: 16, Base: BaseHex},
	wfTagNumber:       {Name: "wlan.tag.number", Label: "Tag Number", Kind: KindUint, Width: 8},
	wfTagLength:       {Name: "wlan.tag.length", Label: "Tag length", Kind: KindUint, Width: 32},
	wfSSID:            {Name: "wlan.ssid", Label: "SSID", Kind: KindBytes},
	wfRates:           {Name: "wlan.supported_rates", Label: "Supported Rates", Kind: KindUint, Width: 8, Base: BaseHex},
	wfCurrentChannel:  {Name: "wlan.ds.current_channel", Label: "Current Channel", Kind: KindUint, Width: 8},
	wfFlags:           {Name: "wlan.flags", Label: "Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	wfFCFrag:          {Name: "wlan.fc.frag", Label: "More Fragments", Kind: KindBool, Width: 8, Mask: 0x4},
	wfFCFrag + 1:      {Name: "wlan.fc.retry", Label: "Retry", Kind: KindBool, Width: 8, Mask: 0x8},
	wfFCFrag + 2:      {Name: "wlan.fc.pwrmgt", Label: "PWR MGT", Kind: KindBool, Width: 8, Mask: 0x10},
	wfFCFrag + 3:      {Name: "wlan.fc.moredata", Label: "More Data", Kind: KindBool, Width: 8, Mask: 0x20},
	wfFCFrag + 4:      {Name: "wlan.fc.protected", Label: "Protected flag", Kind: KindBool, Width: 8, Mask: 0x40},
	wfFCFrag + 5:      {Name: "wlan.fc.order", Label: "+HTC/Order flag", Kind: KindBool, Width: 8, Mask: 0x80},
	wfAID:             {Name: "wlan.aid", Label: "Association ID", Kind: KindUint, Width: 16, Mask: 0x3fff},
	wfFCSStatus:       {Name: "wlan.fcs.status", Label: "FCS Status", Kind: KindUint, Width: 8, Base: BaseNone, Generated: true},
	wfCCMPExtIV:       {Name: "wlan.ccmp.extiv", Label: "CCMP Ext. Initialization Vector", Kind: KindString},
	wfWEPKey:          {Name: "wlan.wep.key", Label: "Key Index", Kind: KindUint, Width: 8},
	wfListenIval:      {Name: "wlan.fixed.listen_ival", Label: "Listen Interval", Kind: KindUint, Width: 16, Base: BaseHex},
	wfCurrentAP:       {Name: "wlan.fixed.current_ap", Label: "Current AP address", Kind: KindMAC},
	wfFixedAID:        {Name: "wlan.fixed.aid", Label: "Association ID", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x3fff},
	wfCapESS:          {Name: "wlan.fixed.capabilities.ess", Label: "ESS capabilities", Kind: KindBool, Width: 16, Mask: 0x1},
	wfCapESS + 1:      {Name: "wlan.fixed.capabilities.ibss", Label: "IBSS status", Kind: KindBool, Width: 16, Mask: 0x2},
	wfCapESS + 2:      {Name: "wlan.fixed.capabilities.privacy", Label: "Privacy", Kind: KindBool, Width: 16, Mask: 0x10},
	wfCapESS + 3:      {Name: "wlan.fixed.capabilities.short_preamble", Label: "Short Preamble", Kind: KindBool, Width: 16, Mask: 0x20},
	wfCapESS + 4:      {Name: "wlan.fixed.capabilities.spec_man", Label: "Spectrum Management", Kind: KindBool, Width: 16, Mask: 0x100},
	wfCapESS + 5:      {Name: "wlan.fixed.capabilities.qos", Label: "QoS", Kind: KindBool, Width: 16, Mask: 0x200},
	wfCapESS + 6:      {Name: "wlan.fixed.capabilities.short_slot_time", Label: "Short Slot Time", Kind: KindBool, Width: 16, Mask: 0x400},
	wfCapESS + 7:      {Name: "wlan.fixed.capabilities.apsd", Label: "Automatic Power Save Delivery", Kind: KindBool, Width: 16, Mask: 0x800},
	wfCapESS + 8:      {Name: "wlan.fixed.capabilities.radio_measurement", Label: "Radio Measurement", Kind: KindBool, Width: 16, Mask: 0x1000},
	wfCapESS + 9:      {Name: "wlan.fixed.capabilities.epd", Label: "EPD", Kind: KindBool, Width: 16, Mask: 0x2000},
	wfAddr:            {Name: "wlan.addr", Label: "Hardware address", Kind: KindMAC},
	wfToDS:            {Name: "wlan.fc.tods", Label: "To DS", Kind: KindBool, Width: 8, Mask: 0x1},
	wfFromDS:          {Name: "wlan.fc.fromds", Label: "From DS", Kind: KindBool, Width: 8, Mask: 0x2},
	wfCapReserved:     {Name: "wlan.fixed.capabilities.reserved1", Label: "Reserved", Kind: KindUint, Width: 16, Mask: 0x4},
	wfCapReserved + 1: {Name: "wlan.fixed.capabilities.reserved2", Label: "Reserved", Kind: KindUint, Width: 16, Mask: 0x8},
	wfCapReserved + 2: {Name: "wlan.fixed.capabilities.reserved3", Label: "Reserved", Kind: KindUint, Width: 16, Mask: 0x40},
	wfCapReserved + 3: {Name: "wlan.fixed.capabilities.reserved4", Label: "Reserved", Kind: KindUint, Width: 16, Mask: 0x80},
	wfCapReserved + 4: {Name: "wlan.fixed.capabilities.reserved5", Label: "Reserved", Kind: KindUint, Width: 16, Mask: 0x4000},
	wfCapReserved + 5: {Name: "wlan.fixed.capabilities.reserved6", Label: "Reserved", Kind: KindUint, Width: 16, Mask: 0x8000},
	wfTIMCount:        {Name: "wlan.tim.dtim_count", Label: "DTIM count", Kind: KindUint, Width: 8},
	wfTIMPeriod:       {Name: "wlan.tim.dtim_period", Label: "DTIM period", Kind: KindUint, Width: 8},
	wfTIMBmapCtl:      {Name: "wlan.tim.bmapctl", Label: "Bitmap control", Kind: KindUint, Width: 8, Base: BaseHex},
	wfTIMMulticast:    {Name: "wlan.tim.bmapctl.multicast", Label: "Multicast", Kind: KindBool, Width: 8, Mask: 0x1},
	wfTIMOffset:       {Name: "wlan.tim.bmapctl.offset", Label: "Bitmap Offset", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xfe},
	wfTIMBitmap:       {Name: "wlan.tim.partial_virtual_bitmap", Label: "Partial Virtual Bitmap", Kind: KindBytes},
	wfPowerMin:        {Name: "wlan.powercap.min", Label: "Minimum Transmit Power", Kind: KindInt, Width: 8},
	wfPowerMax:        {Name: "wlan.powercap.max", Label: "Maximum Transmit Power", Kind: KindInt, Width: 8},
	wfFixedAll:        {Name: "wlan.fixed.all", Label: "Fixed parameters", Kind: KindNone},
	wfTaggedAll:       {Name: "wlan.tagged.all", Label: "Tagged parameters", Kind: KindNone},
	wfTag:             {Name: "wlan.tag", Label: "Tag", Kind: KindNone},

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
	wtTagOui:                               {Name: "wlan.tag.oui", Label: "OUI", Kind: KindUint, Width: 24, Base: BaseOUI, Values: &wlanOUINames},
	wtRsnGcs:                               {Name: "wlan.rsn.gcs", Label: "Group Cipher Suite", Kind: KindUint, Width: 32},
	wtRsnGcsOui:                            {Name: "wlan.rsn.gcs.oui", Label: "Group Cipher Suite OUI", Kind: KindUint, Width: 24, Base: BaseOUI, Values: &wlanOUINames},
	wtRsnPcsList:                           {Name: "wlan.rsn.pcs.list", Label: "Pairwise Cipher Suite List", Kind: KindNone},
	wtRsnPcs:                               {Name: "wlan.rsn.pcs", Label: "Pairwise Cipher Suite", Kind: KindUint, Width: 32},
	wtRsnPcsOui:                            {Name: "wlan.rsn.pcs.oui", Label: "Pairwise Cipher Suite OUI", Kind: KindUint, Width: 24, Base: BaseOUI, Values: &wlanOUINames},
	wtRsnAkmsList:                          {Name: "wlan.rsn.akms.list", Label: "Auth Key Management (AKM) List", Kind: KindNone},
	wtRsnAkms:                              {Name: "wlan.rsn.akms", Label: "Auth Key Management (AKM) Suite", Kind: KindUint, Width: 32},
	wtRsnAkmsOui:                           {Name: "wlan.rsn.akms.oui", Label: "Auth Key Management (AKM) OUI", Kind: KindUint, Width: 24, Base: BaseOUI, Values: &wlanOUINames},
	wtSupchan:                              {Name: "wlan.supchan", Label: "Supported Channels Set", Kind: KindNone},
	wtWfaIeWmeAcp:                          {Name: "wlan.wfa.ie.wme.acp", Label: "Ac Parameters", Kind: KindNone},
	wtHtMcsset:                             {Name: "wlan.ht.mcsset", Label: "Rx Supported Modulation and Coding Scheme Set", Kind: KindNone},
	wtHtMcssetRxbitmask:                    {Name: "wlan.ht.mcsset.rxbitmask", Label: "Rx Modulation and Coding Scheme (One bit per modulation)", Kind: KindNone},
	wtVhtMcsset:                            {Name: "wlan.vht.mcsset", Label: "VHT Supported MCS Set", Kind: KindNone},
	wtVhtOp:                                {Name: "wlan.vht.op", Label: "VHT Operation Info", Kind: KindNone},
	wtVhtTpePwrConstr20:                    {Name: "wlan.vht.tpe.pwr_constr_20", Label: "Local Max Tx Pwr Constraint 20MHz", Kind: KindInt, Width: 8},
	wtVhtTpePwrConstr40:                    {Name: "wlan.vht.tpe.pwr_constr_40", Label: "Local Max Tx Pwr Constraint 40MHz", Kind: KindInt, Width: 8},
	wtVhtTpePwrConstr80:                    {Name: "wlan.vht.tpe.pwr_constr_80", Label: "Local Max Tx Pwr Constraint 80MHz", Kind: KindInt, Width: 8},
}

var protoWLAN = protoField("wlan", "IEEE 802.11 wireless LAN")

// protoWLANMgt is the item tshark puts a management frame's fixed and
// tagged parameters under, beside the MAC header's protocol: a protocol
// field of wlan's ("wlan.mgt"), which -T ek writes as an object of its own.
var protoWLANMgt = Field{Name: "wlan.mgt", Label: "IEEE 802.11 Wireless Management", Kind: KindProtocol, Proto: &protoWLAN}

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
		if w.Subtype() == 10 {
			add(wfBSSID, 1) // a PS-Poll's receiver is the BSS
		}
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
// and tagged parameters, in the order and nesting of tshark's tree; the
// management body is drawn as tshark's second protocol, "IEEE 802.11
// Wireless Management", beside the header's.
func emitWLAN(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	raw := d.data[l.Start:l.End]
	f := &wlanFields
	e.Proto(&protoWLAN)
	if len(raw) >= 1 && raw[0]&3 != 0 {
		if e.Tree() {
			b := append(e.Text(), "IEEE 802.11 Unknown Protocol Version:"...)
			e.SetRepr(strconv.AppendInt(b, int64(raw[0]&3), 10))
		}
		e.UintBits(&f[wfVersion], uint64(raw[0]))
		e.End()
		return
	}
	if l.Malformed != "" {
		e.NoTree()
		e.End()
		return
	}
	w := WLAN(d.data[l.Start : l.Start+wlanHeaderLenOf(d, i)])
	fcs, hasFCS := wlanFCS(d, i)
	if e.Tree() {
		b := append(e.Text(), "IEEE 802.11 "...)
		b = append(b, wlanName(wfTypeSubtype, uint64(w.TypeSubtype()))...)
		b = append(b, ", Flags: "...)
		e.SetRepr(appendWLANFlags(b, w.Flags(), hasFCS))
	}
	e.Uint(&f[wfTypeSubtype], uint64(w.TypeSubtype()))
	e.Uint(&f[wfFC], uint64(w.FC()))
	e.Sub()
	e.Uint(&f[wfVersion], 0)
	e.Uint(&f[wfType], uint64(w.Type()))
	e.Uint(&f[wfSubtype], uint64(w.Subtype()))
	fl := uint64(w.Flags())
	e.Uint(&f[wfFlags], fl)
	e.Sub()
	e.UintBits(&f[wfDS], fl)
	e.BoolBits(&f[wfToDS], fl)
	e.NoTree() // tshark adds both flags hidden, DS status shows them
	e.BoolBits(&f[wfFromDS], fl)
	e.NoTree()
	for k := wfFCFrag; k < wfFCFrag+6; k++ {
		e.BoolBits(&f[k], fl)
		if k == wfFCFrag+1 && fl&wlanRetry != 0 {
			e.Sub()
			e.ExpertLine("Note", "Sequence", "Retransmission (retry)", nil)
			e.Up()
		}
	}
	e.Up()
	e.Up()
	if len(w) >= 4 {
		dur := uint64(w.Duration())
		if w.Type() == wlanCtrl && w.Subtype() == 10 {
			e.UintBits(&f[wfAID], dur)
		} else {
			e.Uint(&f[wfDuration], dur&0x7fff)
			if dur&0x8000 != 0 {
				e.NoTree()
			}
		}
	}
	var roles [6][2]int
	for _, r := range roles[:wlanAddrs(w, &roles)] {
		a, _ := w.Addr(r[1])
		e.MAC(&f[r[0]], a)
		if r[0] == wfRA || r[0] == wfTA && w.Type() == wlanData {
			emitWLANAddr(e, w, r[1])
		}
	}
	switch {
	case w.Type() == wlanMgmt:
		emitWLANAddr(e, w, 2)
		emitWLANAddr(e, w, 3)
	case w.Type() == wlanData && w.Flags()&3 != 3:
		emitWLANAddr(e, w, 3)
	}
	if w.hasSeq() {
		e.Uint(&f[wfFrag], uint64(w.Seq()&0xf))
		e.Uint(&f[wfSeq], uint64(w.Seq()>>4))
	}
	if hasFCS {
		e.Uint(&f[wfFCS], uint64(fcs))
		if e.Tree() {
			b := append(e.Text(), "Frame check sequence: 0x"...)
			e.SetRepr(append(appendHexN(b, uint64(fcs), 8), " [unverified]"...))
		}
		e.Uint(&f[wfFCSStatus], 2)
	}
	if q := w.qosOff(); q > 0 {
		emitWLANQoS(e, uint64(le16(w[q:])), w.Flags()&3, w.isNullData())
	}
	if w.Type() == wlanData && w.Flags()&wlanProtected != 0 && l.Payload > l.Start+len(w) {
		iv := d.data[l.Start+len(w) : l.Payload]
		if len(iv) == 8 && !(iv[1] == (iv[0]|0x20)&0x7f) {
			e.LineString("CCMP parameters")
			e.Sub()
			b := append(e.Text(), "0x"...)
			for _, k := range [...]int{7, 6, 5, 4, 1, 0} {
				b = appendHex2(b, iv[k])
			}
			e.TextDone(&f[wfCCMPExtIV], b)
			e.Uint(&f[wfWEPKey], uint64(iv[3]>>6))
			e.Up()
		}
	}
	cut := false
	if w.Type() == wlanMgmt {
		body := d.data[l.Start+len(w) : l.End]
		if e.all && !e.Tree() {
			// -T ek's wlan_wlan_mgt object; the JSON object keeps the
			// body's fields in wlan's, the tree draws its own line.
			e.End()
			if wlanHasMgmt(w.Subtype(), body) {
				e.Proto(&protoWLANMgt)
				emitWLANMgmt(e, w.Subtype(), body)
				e.End()
			}
			return
		}
		cut = emitWLANMgmt(e, w.Subtype(), body)
	}
	e.End()
	if cut {
		e.TreeException("IEEE 802.11")
	}
}

// wlanHasMgmt reports whether a management frame of subtype sub with body
// has anything emitWLANMgmt emits.
func wlanHasMgmt(sub uint8, body []byte) bool {
	fixed := wlanFixedLen(sub)
	return fixed >= 0 && len(body) > 0
}

// emitWLANAddr emits address k (1 to 4) of the MAC header as wlan.addr,
// which tshark adds hidden after the receiver's (the first), the
// transmitter's (a data frame's second) and the other roles (the rest; a
// control frame's and a four-address frame's are left out: where tshark
// puts them is not known here). JSON, which takes a field's first value,
// goes without them.
func emitWLANAddr(e *emitter, w WLAN, k int) {
	if !e.all {
		return
	}
	if w.Type() == wlanCtrl || k > 2 && w.Type() == wlanData && w.Flags()&3 == 3 {
		return
	}
	if a, ok := w.Addr(k); ok {
		e.MAC(&wlanFields[wfAddr], a)
		e.NoTree()
	}
}

// emitWLANQoS emits QoS control and the subfields tshark draws, as it
// reads them in a frame from the DS (EOSP and the AP's buffer state) or to
// it (TXOP duration requested or queue size); a frame without data has no
// payload type.
func emitWLANQoS(e *emitter, qos uint64, ds uint8, null bool) {
	f := &wlanFields
	e.Uint(&f[wfQoS], qos)
	e.Sub()
	e.Uint(&f[wfQoSTID], qos&0xf)
	e.Uint(&f[wfQoSPriority], qos&7)
	defer e.Up()
	if ds != wlanFromDS && ds != wlanToDS {
		return
	}
	if ds == wlanFromDS {
		e.BoolBits(&f[wfQoSEOSP], qos)
	} else {
		e.BoolBits(&f[wfQoSBit4], qos)
	}
	e.UintBits(&f[wfQoSAck], qos)
	if !null {
		e.BoolBits(&f[wfQoSAMSDU], qos)
	}
	hi := qos >> 8
	switch {
	case ds == wlanFromDS && qos&0x200 == 0:
		e.UintBits(&f[wfQoSPSBufState], qos)
		e.Sub()
		e.BoolBits(&f[wfQoSBufStateInd], qos)
		e.Up()
	case ds == wlanToDS && qos&0x10 == 0 && hi == 0:
		e.UintBits(&f[wfQoSTXOPDurReq], qos)
		if e.Tree() {
			b := appendBitDrawing(e.Text(), qos, 16, 0xff00)
			e.SetRepr(append(b, " = TXOP Duration Requested: 0 (no TXOP requested)"...))
		}
	case ds == wlanToDS && qos&0x10 != 0 && hi < 254:
		e.UintBits(&f[wfQoSQueueSize], qos)
		if e.Tree() {
			b := appendBitDrawing(e.Text(), qos, 16, 0xff00)
			b = strconv.AppendUint(append(b, " = Queue Size: "...), hi, 10)
			b = strconv.AppendUint(append(b, " ("...), hi*256, 10)
			e.SetRepr(append(b, " bytes)"...))
		}
	}
}

// emitWLANMgmt emits a management frame's fixed and tagged parameters,
// under the top-level line tshark draws for them; cut reports a body that
// ends inside its fixed parameters, where tshark's dissector stops with an
// exception after their heading.
func emitWLANMgmt(e *emitter, sub uint8, body []byte) (cut bool) {
	fixed := wlanFixedLen(sub)
	if fixed < 0 || len(body) == 0 && fixed == 0 {
		return false
	}
	cut = len(body) < fixed
	if cut && len(body) == 0 {
		return false
	}
	if e.Tree() {
		e.TopLines(true)
		e.LineString("IEEE 802.11 Wireless Management")
		e.TopLines(false)
	}
	f := &wlanFields
	if fixed > 0 {
		e.None(&f[wfFixedAll])
		if e.Tree() {
			b := strconv.AppendInt(append(e.Text(), "Fixed parameters ("...), int64(fixed), 10)
			e.SetRepr(append(b, " bytes)"...))
		}
		if cut {
			return true
		}
		e.Sub()
		b := body
		switch sub {
		case wlanAssocReq, wlanReassocReq:
			emitWLANCap(e, le16(b))
			e.Uint(&f[wfListenIval], uint64(le16(b[2:])))
			if sub == wlanReassocReq {
				e.MAC(&f[wfCurrentAP], MAC(b[4:10]))
			}
		case wlanAssocResp, wlanReassocResp:
			emitWLANCap(e, le16(b))
			e.Uint(&f[wfStatus], uint64(le16(b[2:])))
			e.UintBits(&f[wfFixedAID], uint64(le16(b[4:])))
		case wlanProbeResp, wlanBeacon:
			e.Uint(&f[wfTimestamp], le64(b))
			bi := uint64(le16(b[8:]))
			e.Uint(&f[wfBeacon], bi)
			if e.Tree() {
				t := append(e.Text(), "Beacon Interval: "...)
				us := bi * 1024
				t = strconv.AppendUint(t, us/1e6, 10)
				t = append(t, '.')
				frac := us % 1e6
				for div := uint64(100000); div > 0; div /= 10 {
					t = append(t, byte('0'+frac/div%10))
				}
				e.SetRepr(append(t, " [Seconds]"...))
			}
			emitWLANCap(e, le16(b[10:]))
		case wlanDisassoc, wlanDeauth:
			e.Uint(&f[wfReason], uint64(le16(b)))
		case wlanAuth:
			e.Uint(&f[wfAuthAlg], uint64(le16(b)))
			e.Uint(&f[wfAuthSeq], uint64(le16(b[2:])))
			e.Uint(&f[wfStatus], uint64(le16(b[4:])))
		}
		e.Up()
	}
	tags := body[fixed:]
	if len(tags) == 0 {
		return false
	}
	e.None(&f[wfTaggedAll])
	if e.Tree() {
		b := strconv.AppendInt(append(e.Text(), "Tagged parameters ("...), int64(len(tags)), 10)
		e.SetRepr(append(b, " bytes)"...))
	}
	e.Sub()
	for off := 0; off+2 <= len(tags); {
		n := int(tags[off+1])
		if off+2+n > len(tags) {
			break
		}
		emitWLANTag(e, tags[off], tags[off+2:off+2+n], wlanFromAP(sub))
		off += 2 + n
	}
	e.Up()
	return false
}

// emitWLANCap emits the capabilities information and its bits, the
// reserved ones among them.
func emitWLANCap(e *emitter, c uint16) {
	f := &wlanFields
	e.Uint(&f[wfCapabilities], uint64(c))
	e.Sub()
	k, r := wfCapESS, wfCapReserved
	for bit := range 16 {
		if cf := &f[k]; k < wfCapESS+10 && cf.Mask == 1<<bit {
			e.BoolBits(cf, uint64(c))
			k++
			continue
		}
		if r < wfCapReserved+6 && f[r].Mask == 1<<bit {
			e.UintBits(&f[r], uint64(c))
			r++
		}
	}
	e.Up()
}

// emitWLANTag emits one tagged parameter at the current depth: the line
// that names it, its number and length beneath, and the contents rawcap
// lays out.
func emitWLANTag(e *emitter, num uint8, v []byte, ap bool) {
	f := &wlanFields
	name := wlanName(wfTagNumber, uint64(num))
	e.None(&f[wfTag])
	if e.Tree() {
		emitWLANTagHead(e, num, name, v)
	}
	e.Sub()
	e.Uint(&f[wfTagNumber], uint64(num))
	if name == "" && e.Tree() {
		b := strconv.AppendInt(append(e.Text(), "Tag Number:  ("...), int64(num), 10)
		e.SetRepr(append(b, ')'))
	}
	e.Uint(&f[wfTagLength], uint64(len(v)))
	switch num {
	case 0:
		// An empty SSID (a wildcard probe) is an empty byte string:
		// "<MISSING>" in the tree and -T fields, as tshark shows it.
		e.Bytes(&f[wfSSID], v)
		if e.Tree() {
			if len(v) > 0 {
				e.SetRepr(appendQuotedSSID(append(e.Text(), "SSID: "...), v))
			} else {
				e.SetRepr(append(e.Text(), "SSID: <MISSING>"...))
			}
		}
	case 1, 50:
		for _, r := range v {
			e.Uint(&f[wfRates], uint64(r))
			if e.Tree() {
				b := append(append(e.Text(), name...), ": "...)
				b = append(appendWLANRate(b, r), " (0x"...)
				e.SetRepr(append(appendHex2(b, r), ')'))
			}
			if !e.all && !e.Tree() {
				break
			}
		}
	case 3:
		if len(v) == 1 {
			e.Uint(&f[wfCurrentChannel], uint64(v[0]))
		}
	case 5:
		if len(v) >= 3 {
			e.Uint(&f[wfTIMCount], uint64(v[0]))
			e.Uint(&f[wfTIMPeriod], uint64(v[1]))
			e.Uint(&f[wfTIMBmapCtl], uint64(v[2]))
			e.Sub()
			e.BoolBits(&f[wfTIMMulticast], uint64(v[2]))
			e.UintBits(&f[wfTIMOffset], uint64(v[2]))
			e.Up()
			e.Bytes(&f[wfTIMBitmap], v[3:])
		}
	case 33:
		if len(v) == 2 {
			e.Int(&f[wfPowerMin], int64(int8(v[0])))
			e.Int(&f[wfPowerMax], int64(int8(v[1])))
		}
	}
	emitWLANTagBody(e, num, v, ap)
	e.Up()
}

// emitWLANTagHead gives the tagged parameter's field (wlan.tag), emitted
// last, the text that names it ("Tag: SSID parameter set: "x""), or keeps
// it out of the tree where tshark's words for it are not known.
func emitWLANTagHead(e *emitter, num uint8, name string, v []byte) {
	b := append(e.Text(), "Tag: "...)
	switch num {
	case 0:
		b = append(b, "SSID parameter set: "...)
		if len(v) == 0 {
			b = append(b, "Wildcard SSID"...)
		} else {
			b = appendQuotedSSID(b, v)
		}
	case 1, 50:
		b = append(append(b, name...), ' ')
		for _, r := range v {
			b = append(appendWLANRate(b, r), ", "...)
		}
		b = append(b, "[Mbit/sec]"...)
	case 3:
		if len(v) != 1 {
			e.NoTree()
			return
		}
		b = strconv.AppendInt(append(b, "DS Parameter set: Current Channel: "...), int64(v[0]), 10)
	case 5:
		if len(v) < 3 {
			e.NoTree()
			return
		}
		b = strconv.AppendInt(append(b, "Traffic Indication Map (TIM): DTIM "...), int64(v[0]), 10)
		b = strconv.AppendInt(append(b, " of "...), int64(v[1]), 10)
		b = append(b, " bitmap"...)
	case 33:
		if len(v) != 2 {
			e.NoTree()
			return
		}
		b = strconv.AppendInt(append(b, "Power Capability Min: "...), int64(int8(v[0])), 10)
		b = strconv.AppendInt(append(b, ", Max: "...), int64(int8(v[1])), 10)
	case 127:
		b = strconv.AppendInt(append(b, "Extended Capabilities ("...), int64(len(v)), 10)
		b = append(b, " octets)"...)
	case 221:
		var ok bool
		if b, ok = appendWLANVendorHead(b, v); !ok {
			e.NoTree()
			return
		}
	case 255:
		e.NoTree() // extension elements: their heads name what is inside
		return
	default:
		b = append(b, name...)
	}
	e.SetRepr(b)
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
