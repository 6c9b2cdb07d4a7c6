package decode

import "strconv"

// PPTP's control connection (RFC 2637, TCP 1723): a 12-byte header
// (length, message type, magic cookie, control message type, reserved)
// and the body its control message type lays out. rawcap decodes the
// control messages laid out below (pptpBodyLen); a segment holding
// anything else, a wrong cookie or a message cut short stays data.

const pptpPort = 1723

const pptpMagic = 0x1a2b3c4d

// pptpBodyLen is the length of each control message decoded, header
// included (0: not decoded).
var pptpBodyLen = [16]int{1: 156, 2: 156, 3: 16, 4: 16, 5: 16, 6: 20, 7: 168, 8: 32, 9: 220, 10: 24, 11: 28, 12: 16, 13: 148, 14: 40, 15: 24}

// pptpMessage returns the control message type of the message b starts
// with, and whether rawcap decodes it.
func pptpMessage(b []byte) (int, bool) {
	if len(b) < 12 {
		return 0, false
	}
	n := int(be16(b[0:]))
	if be16(b[2:]) != 1 || be32(b[4:]) != pptpMagic {
		return 0, false
	}
	t := int(be16(b[8:]))
	if t >= len(pptpBodyLen) || pptpBodyLen[t] == 0 || n != pptpBodyLen[t] || len(b) != n {
		return 0, false
	}
	return t, true
}

func (d *Decoder) decodePPTP(l *Layer) LayerType {
	cut := d.n > 0 && d.layers[d.n-1].Type == LayerTCP && l.Start+d.tcpWirePayload(d.n-1) > l.End
	if _, ok := pptpMessage(d.bytes(l)); cut || !ok {
		return l.asData()
	}
	l.Payload = l.End
	return LayerNone
}

// The fields, as Wireshark registers them.
const (
	pptpLength = iota
	pptpType
	pptpMagicCookie
	pptpControlMessageType
	pptpReserved
	pptpProtocolVersion
	pptpFramingCapabilities
	pptpBearerCapabilities
	pptpMaximumChannels
	pptpFirmwareRevision
	pptpHostName
	pptpVendorName
	pptpControlResult
	pptpError
	pptpCallID
	pptpCallSerialNumber
	pptpMinimumBPS
	pptpMaximumBPS
	pptpFramingType
	pptpBearerType
	pptpPacketReceiveWindowSize
	pptpPacketProcessingDelay
	pptpPhoneNumberLength
	pptpPhoneNumber
	pptpSubaddress
	pptpPeerCallID
	pptpOutResult
	pptpCause
	pptpConnectSpeed
	pptpPhysicalChannelID
	pptpSendACCM
	pptpReceiveACCM
	pptpReason
	pptpStopResult
	pptpIdentifier
	pptpEchoResult
	pptpDialedNumberLength
	pptpDialingNumberLength
	pptpDialedNumber
	pptpDialingNumber
	pptpInResult
	pptpDiscResult
	pptpCallStatistics
	pptpCRCErrors
	pptpFramingErrors
	pptpHardwareOverruns
	pptpBufferOverruns
	pptpTimeoutErrors
	pptpAlignmentErrors
	pptpFieldCount
)

var pptpFields = [pptpFieldCount]Field{
	pptpLength:                  {Name: "pptp.length", Label: "Length", Kind: KindUint, Width: 16},
	pptpType:                    {Name: "pptp.type", Label: "Message type", Kind: KindUint, Width: 16},
	pptpMagicCookie:             {Name: "pptp.magic_cookie", Label: "Magic Cookie", Kind: KindUint, Width: 32, Base: BaseHex},
	pptpControlMessageType:      {Name: "pptp.control_message_type", Label: "Control Message Type", Kind: KindUint, Width: 16},
	pptpReserved:                {Name: "pptp.reserved", Label: "Reserved", Kind: KindBytes},
	pptpProtocolVersion:         {Name: "pptp.protocol_version", Label: "Protocol version", Kind: KindUint, Width: 16},
	pptpFramingCapabilities:     {Name: "pptp.framing_capabilities", Label: "Framing Capabilities", Kind: KindUint, Width: 32},
	pptpBearerCapabilities:      {Name: "pptp.bearer_capabilities", Label: "Bearer Capabilities", Kind: KindUint, Width: 32},
	pptpMaximumChannels:         {Name: "pptp.maximum_channels", Label: "Maximum Channels", Kind: KindUint, Width: 16},
	pptpFirmwareRevision:        {Name: "pptp.firmware_revision", Label: "Firmware Revision", Kind: KindUint, Width: 16},
	pptpHostName:                {Name: "pptp.host_name", Label: "Host Name", Kind: KindString},
	pptpVendorName:              {Name: "pptp.vendor_name", Label: "Vendor Name", Kind: KindString},
	pptpControlResult:           {Name: "pptp.control_result", Label: "Result Code", Kind: KindUint, Width: 8},
	pptpError:                   {Name: "pptp.error", Label: "Error Code", Kind: KindUint, Width: 8},
	pptpCallID:                  {Name: "pptp.call_id", Label: "Call ID", Kind: KindUint, Width: 16},
	pptpCallSerialNumber:        {Name: "pptp.call_serial_number", Label: "Call Serial Number", Kind: KindUint, Width: 16},
	pptpMinimumBPS:              {Name: "pptp.minimum_bps", Label: "Minimum BPS", Kind: KindUint, Width: 32},
	pptpMaximumBPS:              {Name: "pptp.maximum_bps", Label: "Maximum BPS", Kind: KindUint, Width: 32},
	pptpFramingType:             {Name: "pptp.framing_type", Label: "Framing Type", Kind: KindUint, Width: 32},
	pptpBearerType:              {Name: "pptp.bearer_type", Label: "Bearer Type", Kind: KindUint, Width: 32},
	pptpPacketReceiveWindowSize: {Name: "pptp.packet_receive_window_size", Label: "Packet Receive Window Size", Kind: KindUint, Width: 16},
	pptpPacketProcessingDelay:   {Name: "pptp.packet_processing_delay", Label: "Packet Processing Delay", Kind: KindUint, Width: 16},
	pptpPhoneNumberLength:       {Name: "pptp.phone_number_length", Label: "Phone Number Length", Kind: KindUint, Width: 16},
	pptpPhoneNumber:             {Name: "pptp.phone_number", Label: "Phone Number", Kind: KindString},
	pptpSubaddress:              {Name: "pptp.subaddress", Label: "Subaddress", Kind: KindString},
	pptpPeerCallID:              {Name: "pptp.peer_call_id", Label: "Peer Call ID", Kind: KindUint, Width: 16},
	pptpOutResult:               {Name: "pptp.out_result", Label: "Result Code", Kind: KindUint, Width: 8},
	pptpCause:                   {Name: "pptp.cause", Label: "Cause Code", Kind: KindUint, Width: 16},
	pptpConnectSpeed:            {Name: "pptp.connect_speed", Label: "Connect Speed", Kind: KindUint, Width: 32},
	pptpPhysicalChannelID:       {Name: "pptp.physical_channel_id", Label: "Physical Channel ID", Kind: KindUint, Width: 32},
	pptpSendACCM:                {Name: "pptp.send_accm", Label: "Send ACCM", Kind: KindUint, Width: 32, Base: BaseHex},
	pptpReceiveACCM:             {Name: "pptp.receive_accm", Label: "Receive ACCM", Kind: KindUint, Width: 32, Base: BaseHex},
	pptpReason:                  {Name: "pptp.reason", Label: "Reason", Kind: KindUint, Width: 8},
	pptpStopResult:              {Name: "pptp.stop_result", Label: "Result Code", Kind: KindUint, Width: 8},
	pptpIdentifier:              {Name: "pptp.identifier", Label: "Identifier", Kind: KindUint, Width: 32},
	pptpEchoResult:              {Name: "pptp.echo_result", Label: "Result Code", Kind: KindUint, Width: 8},
	pptpDialedNumberLength:      {Name: "pptp.dialed_number_length", Label: "Dialed Number Length", Kind: KindUint, Width: 16},
	pptpDialingNumberLength:     {Name: "pptp.dialing_number_length", Label: "Dialing Number Length", Kind: KindUint, Width: 16},
	pptpDialedNumber:            {Name: "pptp.dialed_number", Label: "Dialed Number", Kind: KindString},
	pptpDialingNumber:           {Name: "pptp.dialing_number", Label: "Dialing Number", Kind: KindString},
	pptpInResult:                {Name: "pptp.in_result", Label: "Result Code", Kind: KindUint, Width: 8},
	pptpDiscResult:              {Name: "pptp.disc_result", Label: "Result Code", Kind: KindUint, Width: 8},
	pptpCallStatistics:          {Name: "pptp.call_Statistics", Label: "Call Statistics", Kind: KindString},
	pptpCRCErrors:               {Name: "pptp.crc_errors", Label: "CRC Errors", Kind: KindUint, Width: 32},
	pptpFramingErrors:           {Name: "pptp.framing_errors", Label: "Framing Errors", Kind: KindUint, Width: 32},
	pptpHardwareOverruns:        {Name: "pptp.hardware_overruns", Label: "Hardware overruns", Kind: KindUint, Width: 32},
	pptpBufferOverruns:          {Name: "pptp.buffer_overruns", Label: "Buffer overruns", Kind: KindUint, Width: 32},
	pptpTimeoutErrors:           {Name: "pptp.timeout_errors", Label: "Time-out Errors", Kind: KindUint, Width: 32},
	pptpAlignmentErrors:         {Name: "pptp.alignment_errors", Label: "Alignment Errors", Kind: KindUint, Width: 32},
}

var protoPPTP = protoField("pptp", "Point-to-Point Tunnelling Protocol")

// pptpRetransmitted reports whether TCP layer i's segment is one tshark
// sees as a retransmission: it hands its bytes to no protocol.
func pptpRetransmitted(seg *tcpSegment) bool {
	return seg != nil && seg.Analysed && seg.Flags&(tcpARetransmission|tcpAFastRetrans|tcpASpuriousRetrans) != 0
}

// pptpZ returns a fixed-size string field up to its first NUL.
func pptpZ(b []byte) []byte {
	for k, c := range b {
		if c == 0 {
			return b[:k]
		}
	}
	return b
}

// emitPPTP emits the message's fields in the order of tshark's tree.
func emitPPTP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	if i > 0 && e.conv != nil && pptpRetransmitted(e.conv.tcp(i-1)) {
		return // TCP's tcp.segment_data holds its bytes (emitTCP)
	}
	e.Proto(&protoPPTP)
	b := d.data[l.Start:l.End]
	f := &pptpFields
	t := be16(b[8:])
	e.Uint(&f[pptpLength], uint64(be16(b)))
	e.Uint(&f[pptpType], uint64(be16(b[2:])))
	e.Uint(&f[pptpMagicCookie], uint64(be32(b[4:])))
	if e.Tree() {
		e.SetRepr(append(e.Text(), "Magic Cookie: 0x1a2b3c4d (correct)"...))
	}
	e.Uint(&f[pptpControlMessageType], uint64(t))
	e.Bytes(&f[pptpReserved], b[10:12])
	u16 := func(k, off int) { e.Uint(&f[k], uint64(be16(b[off:]))) }
	u32 := func(k, off int) { e.Uint(&f[k], uint64(be32(b[off:]))) }
	u8 := func(k, off int) { e.Uint(&f[k], uint64(b[off])) }
	str := func(k, off, n int) { e.Bytes(&f[k], pptpZ(b[off:off+n])) }
	res := func(off int) { e.Bytes(&f[pptpReserved], b[off:off+2]) }
	switch t {
	case 1, 2:
		v := be16(b[12:])
		e.Uint(&f[pptpProtocolVersion], uint64(v))
		if e.Tree() {
			x := append(e.Text(), "Protocol version: "...)
			x = strconv.AppendUint(x, uint64(v>>8), 10)
			x = append(x, '.')
			e.SetRepr(strconv.AppendUint(x, uint64(v&0xff), 10))
		}
		if t == 1 {
			e.Bytes(&f[pptpReserved], b[14:16])
		} else {
			u8(pptpControlResult, 14)
			u8(pptpError, 15)
		}
		u32(pptpFramingCapabilities, 16)
		u32(pptpBearerCapabilities, 20)
		u16(pptpMaximumChannels, 24)
		u16(pptpFirmwareRevision, 26)
		str(pptpHostName, 28, 64)
		str(pptpVendorName, 92, 64)
	case 3:
		u8(pptpReason, 12)
		e.Bytes(&f[pptpReserved], b[13:14])
		res(14)
	case 4:
		u8(pptpStopResult, 12)
		u8(pptpError, 13)
		res(14)
	case 5:
		u32(pptpIdentifier, 12)
	case 6:
		u32(pptpIdentifier, 12)
		u8(pptpEchoResult, 16)
		u8(pptpError, 17)
		res(18)
	case 9:
		u16(pptpCallID, 12)
		u16(pptpCallSerialNumber, 14)
		u32(pptpBearerType, 16)
		u32(pptpPhysicalChannelID, 20)
		u16(pptpDialedNumberLength, 24)
		u16(pptpDialingNumberLength, 26)
		str(pptpDialedNumber, 28, 64)
		str(pptpDialingNumber, 92, 64)
		str(pptpSubaddress, 156, 64)
	case 10:
		u16(pptpCallID, 12)
		u16(pptpPeerCallID, 14)
		u8(pptpInResult, 16)
		u8(pptpError, 17)
		u16(pptpPacketReceiveWindowSize, 18)
		u16(pptpPacketProcessingDelay, 20)
		res(22)
	case 11:
		u16(pptpPeerCallID, 12)
		res(14)
		u32(pptpConnectSpeed, 16)
		u16(pptpPacketReceiveWindowSize, 20)
		u16(pptpPacketProcessingDelay, 22)
		u32(pptpFramingType, 24)
	case 12:
		u16(pptpCallID, 12)
		res(14)
	case 13:
		u16(pptpCallID, 12)
		u8(pptpDiscResult, 14)
		u8(pptpError, 15)
		u16(pptpCause, 16)
		res(18)
		str(pptpCallStatistics, 20, 128)
	case 14:
		u16(pptpPeerCallID, 12)
		res(14)
		u32(pptpCRCErrors, 16)
		u32(pptpFramingErrors, 20)
		u32(pptpHardwareOverruns, 24)
		u32(pptpBufferOverruns, 28)
		u32(pptpTimeoutErrors, 32)
		u32(pptpAlignmentErrors, 36)
	case 7:
		u16(pptpCallID, 12)
		u16(pptpCallSerialNumber, 14)
		u32(pptpMinimumBPS, 16)
		u32(pptpMaximumBPS, 20)
		u32(pptpBearerType, 24)
		u32(pptpFramingType, 28)
		u16(pptpPacketReceiveWindowSize, 32)
		u16(pptpPacketProcessingDelay, 34)
		u16(pptpPhoneNumberLength, 36)
		e.Bytes(&f[pptpReserved], b[38:40])
		str(pptpPhoneNumber, 40, 64)
		str(pptpSubaddress, 104, 64)
	case 8:
		u16(pptpCallID, 12)
		u16(pptpPeerCallID, 14)
		u8(pptpOutResult, 16)
		u8(pptpError, 17)
		u16(pptpCause, 18)
		u32(pptpConnectSpeed, 20)
		u16(pptpPacketReceiveWindowSize, 24)
		u16(pptpPacketProcessingDelay, 26)
		u32(pptpPhysicalChannelID, 28)
	case 15:
		u16(pptpPeerCallID, 12)
		e.Bytes(&f[pptpReserved], b[14:16])
		u32(pptpSendACCM, 16)
		u32(pptpReceiveACCM, 20)
	}
	e.End()
}

// pptpNames are tshark's names of the control message types (Info).
var pptpNames = [16]string{
	1: "Start-Control-Connection-Request", 2: "Start-Control-Connection-Reply",
	3: "Stop-Control-Connection-Request", 4: "Stop-Control-Connection-Reply",
	5: "Echo-Request", 6: "Echo-Reply", 7: "Outgoing-Call-Request", 8: "Outgoing-Call-Reply",
	9: "Incoming-Call-Request", 10: "Incoming-Call-Reply", 11: "Incoming-Call-Connected",
	12: "Call-Clear-Request", 13: "Call-Disconnect-Notify", 14: "WAN-Error-Notify", 15: "Set-Link-Info",
}

// infoPPTP appends tshark's Info: the control message type's name.
func infoPPTP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	return append(b, pptpNames[be16(d.data[l.Start+8:])&15]...)
}

// tcpdump's words for result and error codes (-v).
var (
	pptpErrNames   = []string{"None", "Not-Connected", "Bad-Format", "Bad-Value", "No-Resource", "Bad-Call-ID", "PAC-Error"}
	pptpSCCRPNames = []string{"", "Successful channel establishment", "General error", "Command channel already exists", "Requester is not authorized to establish a command channel", "The protocol version of the requester is not supported"}
	pptpOCRPNames  = []string{"", "Connected", "General Error", "No Carrier", "Busy", "No Dial Tone", "Time-out", "Do Not Accept"}
	pptpStopNames  = []string{"", "None", "Stop-Protocol", "Stop-Local-Shutdown"}
	pptpOKNames    = []string{"", "OK", "General Error"}
	pptpICRPNames  = []string{"", "Connect", "General Error", "Do Not Accept"}
	pptpCDNNames   = []string{"", "Lost Carrier", "General Error", "Admin Shutdown", "Request"}
	pptpMsgAbbrev  = [16]string{1: "SCCRQ", 2: "SCCRP", 3: "StopCCRQ", 4: "StopCCRP", 5: "ECHORQ", 6: "ECHORP", 7: "OCRQ", 8: "OCRP",
		9: "ICRQ", 10: "ICRP", 11: "ICCN", 12: "CCRQ", 13: "CDN", 14: "WEN", 15: "SLI"}
)

// linePPTP appends tcpdump's pptp line.
func (p *LinePrinter) linePPTP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	m := d.data[l.Start:l.End]
	t := be16(m[8:])
	v := p.Options.Verbose > 0
	b = append(b, "pptp "...)
	if v {
		b = strconv.AppendUint(append(b, "Length="...), uint64(be16(m)), 10)
		b = append(b, " CTRL-MSG Magic-Cookie=1a2b3c4d"...)
		b = append(b, ' ')
	}
	b = append(b, "CTRL_MSGTYPE="...)
	b = append(b, pptpMsgAbbrev[t&15]...)
	num := func(name string, x uint64) {
		b = append(b, ' ')
		b = append(b, name...)
		b = append(b, '(')
		b = strconv.AppendUint(b, x, 10)
		b = append(b, ')')
	}
	code := func(name string, x uint8, names []string) {
		b = append(b, ' ')
		b = append(b, name...)
		b = append(b, '(')
		b = strconv.AppendUint(b, uint64(x), 10)
		if v {
			b = append(b, ':')
			if int(x) < len(names) && names[x] != "" {
				b = append(b, names[x]...)
			} else {
				b = append(b, '?')
			}
		}
		b = append(b, ')')
	}
	str := func(name string, off, n int) {
		b = append(b, ' ')
		b = append(b, name...)
		b = append(b, '(')
		b = appendPrintableZ(b, m[off:off+n])
		b = append(b, ')')
	}
	typ := func(name string, x uint32, names []string) {
		b = append(b, ' ')
		b = append(b, name...)
		b = append(b, '(')
		if x >= 1 && x <= 3 {
			b = append(b, names[x-1]...)
		} else {
			b = append(b, '?')
		}
		b = append(b, ')')
	}
	switch t {
	case 1, 2:
		ver := be16(m[12:])
		b = append(b, " PROTO_VER("...)
		b = strconv.AppendUint(b, uint64(ver>>8), 10)
		b = append(b, '.')
		b = strconv.AppendUint(b, uint64(ver&0xff), 10)
		b = append(b, ')')
		if t == 2 {
			code("RESULT_CODE", m[14], pptpSCCRPNames)
			code("ERR_CODE", m[15], pptpErrNames)
		}
		b = pptpFrameCap(b, be32(m[16:]))
		b = pptpBearerCap(b, be32(m[20:]))
		num("MAX_CHAN", uint64(be16(m[24:])))
		num("FIRM_REV", uint64(be16(m[26:])))
		str("HOSTNAME", 28, 64)
		str("VENDOR", 92, 64)
	case 3:
		code("REASON", m[12], pptpStopNames)
	case 4:
		code("RESULT_CODE", m[12], pptpOKNames)
		code("ERR_CODE", m[13], pptpErrNames)
	case 5:
		num("ID", uint64(be32(m[12:])))
	case 6:
		num("ID", uint64(be32(m[12:])))
		code("RESULT_CODE", m[16], pptpOKNames)
		code("ERR_CODE", m[17], pptpErrNames)
	case 9:
		num("CALL_ID", uint64(be16(m[12:])))
		num("CALL_SER_NUM", uint64(be16(m[14:])))
		typ("BEARER_TYPE", be32(m[16:]), []string{"A", "D", "Any"})
		num("PHY_CHAN_ID", uint64(be32(m[20:])))
		num("DIALED_NO_LEN", uint64(be16(m[24:])))
		num("DIALING_NO_LEN", uint64(be16(m[26:])))
		str("DIALED_NO", 28, 64)
		str("DIALING_NO", 92, 64)
		str("SUB_ADDR", 156, 64)
	case 10:
		num("CALL_ID", uint64(be16(m[12:])))
		num("PEER_CALL_ID", uint64(be16(m[14:])))
		code("RESULT_CODE", m[16], pptpICRPNames)
		code("ERR_CODE", m[17], pptpErrNames)
		num("RECV_WIN", uint64(be16(m[18:])))
		num("PROC_DELAY", uint64(be16(m[20:])))
	case 11:
		num("PEER_CALL_ID", uint64(be16(m[12:])))
		num("CONN_SPEED", uint64(be32(m[16:])))
		num("RECV_WIN", uint64(be16(m[20:])))
		num("PROC_DELAY", uint64(be16(m[22:])))
		typ("FRAME_TYPE", be32(m[24:]), []string{"A", "S", "E"})
	case 12:
		num("CALL_ID", uint64(be16(m[12:])))
	case 13:
		num("CALL_ID", uint64(be16(m[12:])))
		code("RESULT_CODE", m[14], pptpCDNNames)
		code("ERR_CODE", m[15], pptpErrNames)
		num("CAUSE_CODE", uint64(be16(m[16:])))
		str("CALL_STATS", 20, 128)
	case 14:
		num("PEER_CALL_ID", uint64(be16(m[12:])))
		num("CRC_ERR", uint64(be32(m[16:])))
		num("FRAMING_ERR", uint64(be32(m[20:])))
		num("HARDWARE_OVERRUN", uint64(be32(m[24:])))
		num("BUFFER_OVERRUN", uint64(be32(m[28:])))
		num("TIMEOUT_ERR", uint64(be32(m[32:])))
		num("ALIGN_ERR", uint64(be32(m[36:])))
	case 7:
		num("CALL_ID", uint64(be16(m[12:])))
		num("CALL_SER_NUM", uint64(be16(m[14:])))
		num("MIN_BPS", uint64(be32(m[16:])))
		num("MAX_BPS", uint64(be32(m[20:])))
		typ("BEARER_TYPE", be32(m[24:]), []string{"A", "D", "Any"})
		typ("FRAME_TYPE", be32(m[28:]), []string{"A", "S", "E"})
		num("RECV_WIN", uint64(be16(m[32:])))
		num("PROC_DELAY", uint64(be16(m[34:])))
		num("PHONE_NO_LEN", uint64(be16(m[36:])))
		str("PHONE_NO", 40, 64)
		str("SUB_ADDR", 104, 64)
	case 8:
		num("CALL_ID", uint64(be16(m[12:])))
		num("PEER_CALL_ID", uint64(be16(m[14:])))
		code("RESULT_CODE", m[16], pptpOCRPNames)
		code("ERR_CODE", m[17], pptpErrNames)
		num("CAUSE_CODE", uint64(be16(m[18:])))
		num("CONN_SPEED", uint64(be32(m[20:])))
		num("RECV_WIN", uint64(be16(m[24:])))
		num("PROC_DELAY", uint64(be16(m[26:])))
		num("PHY_CHAN_ID", uint64(be32(m[28:])))
	case 15:
		num("PEER_CALL_ID", uint64(be16(m[12:])))
		b = append(b, " SEND_ACCM(0x"...)
		b = appendHexN(b, uint64(be32(m[16:])), 8)
		b = append(b, ") RECV_ACCM(0x"...)
		b = appendHexN(b, uint64(be32(m[20:])), 8)
		b = append(b, ')')
	}
	return b
}

// pptpFrameCap appends tcpdump's FRAME_CAP: A (asynchronous), S
// (synchronous).
func pptpFrameCap(b []byte, x uint32) []byte {
	b = append(b, " FRAME_CAP("...)
	if x&1 != 0 {
		b = append(b, 'A')
	}
	if x&2 != 0 {
		b = append(b, 'S')
	}
	return append(b, ')')
}

// pptpBearerCap appends tcpdump's BEARER_CAP: D (digital), A (analog).
func pptpBearerCap(b []byte, x uint32) []byte {
	b = append(b, " BEARER_CAP("...)
	if x&2 != 0 {
		b = append(b, 'D')
	}
	if x&1 != 0 {
		b = append(b, 'A')
	}
	return append(b, ')')
}
