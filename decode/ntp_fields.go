package decode

// emitNTP emits the fields with Wireshark's field names (ntp.flags.li,
// ntp.flags.vn, ntp.flags.mode, ntp.stratum, ntp.ppoll, ntp.precision,
// ntp.rootdelay, ntp.rootdispersion, ntp.refid, ntp.reftime, ntp.org,
// ntp.rec, ntp.xmt, ntp.keyid, ntp.mac), with tshark's values: root delay
// and dispersion as raw 16.16 numbers, timestamps as UTC dates ("NULL" for
// zero).
func emitNTP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoNTP)
	n := NTP(d.data[l.Start:l.End])
	if len(n) < 1 {
		e.End()
		return
	}
	e.Uint(&ntpFields[ntpFlags], uint64(n[0]))
	if n.Mode() != NTPModePrivate { // Wireshark's mode 7 has its own flags
		e.Uint(&ntpFields[ntpFlagsLi], uint64(n.Leap()))
	}
	e.Uint(&ntpFields[ntpFlagsVn], uint64(n.Version()))
	e.Uint(&ntpFields[ntpFlagsMode], uint64(n.Mode()))
	// Wireshark shows ppoll and precision as unsigned bytes (236 for 2^-20);
	// a message cut short shows the fields it has.
	if n.Mode() <= NTPModeBroadcast && !n.HasTime() {
		for k := range 3 {
			if len(n) > 1+k {
				e.Uint(&ntpFields[ntpStratum+k], uint64(n[1+k]))
			}
		}
		if len(n) >= 8 {
			e.Uint(&ntpFields[ntpRootdelay], uint64(n.RootDelay()))
		}
		if len(n) >= 12 {
			e.Uint(&ntpFields[ntpRootdispersion], uint64(n.RootDispersion()))
		}
		if len(n) >= 16 {
			e.Bytes(&ntpFields[ntpRefid], n.RefID())
		}
		for k := range 3 {
			if len(n) >= 24+8*k {
				emitNTPTime(e, &ntpFields[ntpReftime+k], n[16+8*k:])
			}
		}
	}
	if n.HasTime() {
		e.Uint(&ntpFields[ntpStratum], uint64(n.Stratum()))
		e.Uint(&ntpFields[ntpPpoll], uint64(n[2]))
		e.Uint(&ntpFields[ntpPrecision], uint64(n[3]))
		// tshark shows the raw 16.16 fixed-point values.
		e.Uint(&ntpFields[ntpRootdelay], uint64(n.RootDelay()))
		e.Uint(&ntpFields[ntpRootdispersion], uint64(n.RootDispersion()))
		e.Bytes(&ntpFields[ntpRefid], n.RefID())
		for k := range 4 {
			emitNTPTime(e, &ntpFields[ntpReftime+k], n[16+8*k:])
		}
		if len(n) >= ntpTimeLen+4 {
			e.Bytes(&ntpFields[ntpKeyid], n[ntpTimeLen:ntpTimeLen+4])
			if len(n) > ntpTimeLen+4 {
				e.Bytes(&ntpFields[ntpMAC], n[ntpTimeLen+4:])
			}
		}
	}
	if n.Mode() == NTPModeControl { // the fields a message cut short still has
		if len(n) >= 2 {
			e.Bool(&ntpFields[ntpCtrlFlags2R], n[1]&0x80 != 0)
			e.Bool(&ntpFields[ntpCtrlFlags2Error], n[1]&0x40 != 0)
			e.Bool(&ntpFields[ntpCtrlFlags2More], n[1]&0x20 != 0)
			e.Uint(&ntpFields[ntpCtrlFlags2Opcode], uint64(n[1]&0x1f))
		}
		for k, key := range [...]*Field{&ntpFields[ntpCtrlSequence], nil, &ntpFields[ntpCtrlAssocid], &ntpFields[ntpCtrlOffset], &ntpFields[ntpCtrlCount]} {
			if key != nil && len(n) >= 4+2*k {
				e.Uint(key, uint64(be16(n[2+2*k:])))
			}
		}
	}
	e.End()
}

const (
	ntpFlags = iota
	ntpFlagsLi
	ntpFlagsVn
	ntpFlagsMode
	ntpStratum
	ntpPpoll
	ntpPrecision
	ntpRootdelay
	ntpRootdispersion
	ntpRefid
	ntpReftime
	ntpOrg
	ntpRec
	ntpXmt
	ntpKeyid
	ntpMAC
	ntpCtrlFlags2R
	ntpCtrlFlags2Error
	ntpCtrlFlags2More
	ntpCtrlFlags2Opcode
	ntpCtrlSequence
	ntpCtrlAssocid
	ntpCtrlOffset
	ntpCtrlCount
	ntpFieldCount
)

var ntpFields = [ntpFieldCount]Field{
	ntpFlags:            {Name: "ntp.flags", Label: "Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	ntpFlagsLi:          {Name: "ntp.flags.li", Label: "Leap Indicator", Kind: KindUint, Width: 8, Mask: 0xc0},
	ntpFlagsVn:          {Name: "ntp.flags.vn", Label: "Version number", Kind: KindUint, Width: 8, Mask: 0x38},
	ntpFlagsMode:        {Name: "ntp.flags.mode", Label: "Mode", Kind: KindUint, Width: 8, Mask: 0x7},
	ntpStratum:          {Name: "ntp.stratum", Label: "Peer Clock Stratum", Kind: KindUint, Width: 8},
	ntpPpoll:            {Name: "ntp.ppoll", Label: "Peer Polling Interval", Kind: KindUint, Width: 8},
	ntpPrecision:        {Name: "ntp.precision", Label: "Peer Clock Precision", Kind: KindUint, Width: 8},
	ntpRootdelay:        {Name: "ntp.rootdelay", Label: "Root Delay", Kind: KindUint, Width: 32},
	ntpRootdispersion:   {Name: "ntp.rootdispersion", Label: "Root Dispersion", Kind: KindUint, Width: 32},
	ntpRefid:            {Name: "ntp.refid", Label: "Reference ID", Kind: KindBytes},
	ntpReftime:          {Name: "ntp.reftime", Label: "Reference Timestamp", Kind: KindTime},
	ntpOrg:              {Name: "ntp.org", Label: "Origin Timestamp", Kind: KindTime},
	ntpRec:              {Name: "ntp.rec", Label: "Receive Timestamp", Kind: KindTime},
	ntpXmt:              {Name: "ntp.xmt", Label: "Transmit Timestamp", Kind: KindTime},
	ntpKeyid:            {Name: "ntp.keyid", Label: "Key ID", Kind: KindBytes},
	ntpMAC:              {Name: "ntp.mac", Label: "Message Authentication Code", Kind: KindBytes},
	ntpCtrlFlags2R:      {Name: "ntp.ctrl.flags2.r", Label: "Response bit", Kind: KindUint, Width: 8, Mask: 0x80},
	ntpCtrlFlags2Error:  {Name: "ntp.ctrl.flags2.error", Label: "Error bit", Kind: KindUint, Width: 8, Mask: 0x40},
	ntpCtrlFlags2More:   {Name: "ntp.ctrl.flags2.more", Label: "More bit", Kind: KindUint, Width: 8, Mask: 0x20},
	ntpCtrlFlags2Opcode: {Name: "ntp.ctrl.flags2.opcode", Label: "Opcode", Kind: KindUint, Width: 8, Mask: 0x1f},
	ntpCtrlSequence:     {Name: "ntp.ctrl.sequence", Label: "Sequence", Kind: KindUint, Width: 16},
	ntpCtrlAssocid:      {Name: "ntp.ctrl.associd", Label: "AssociationID", Kind: KindUint, Width: 16},
	ntpCtrlOffset:       {Name: "ntp.ctrl.offset", Label: "Offset", Kind: KindUint, Width: 16},
	ntpCtrlCount:        {Name: "ntp.ctrl.count", Label: "Count", Kind: KindUint, Width: 16},
}

var protoNTP = protoField("ntp", "Network Time Protocol")

// emitNTPTime emits the 32.32 timestamp in v as field f, with the text
// Wireshark shows for it.
func emitNTPTime(e *emitter, f *Field, v []byte) {
	b := appendWSNTPTime(e.Text(), v)
	e.TextDone(f, b)
}
