package decode

import "net/netip"

// SCTP is an SCTP packet (RFC 9260), IP protocol 132: a common header of
// ports, verification tag and CRC32c checksum, then chunks, each a type,
// flags and a length (padded to 4 bytes) before its value:
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|     Source Port Number        |     Destination Port Number   |
//	|                      Verification Tag                         |
//	|                           Checksum                            |
//	|   Chunk Type  | Chunk  Flags  |        Chunk Length           |
//	|                          Chunk Value ...                      |
type SCTP []byte

// IPProtoSCTP is SCTP's IP protocol number.
const IPProtoSCTP = 132

const sctpHeaderLen = 12

// ParseSCTP returns the SCTP packet at the start of b; the chunks are
// checked one by one as they are read (NextSCTPChunk).
func ParseSCTP(b []byte) (SCTP, error) {
	if len(b) < sctpHeaderLen {
		return nil, ReasonTruncated
	}
	return SCTP(b[:len(b):len(b)]), nil
}

func (s SCTP) SrcPort() uint16   { return be16(s) }
func (s SCTP) DstPort() uint16   { return be16(s[2:]) }
func (s SCTP) Tag() uint32       { return be32(s[4:]) }
func (s SCTP) Checksum() uint32  { return be32(s[8:]) }
func (s SCTP) ChunkData() []byte { return s[sctpHeaderLen:] }

// SCTPChunk is one chunk: Value holds the bytes of its value that are
// present (fewer than Length-4 when Cut), Pad the padding after it.
type SCTPChunk struct {
	Type, Flags uint8
	Length      uint16
	Value, Pad  []byte
	Cut         bool // the length runs past the packet
	Off         int  // offset of the chunk within the chunk data
}

// NextSCTPChunk returns the chunk at off within chunks and the offset of
// the next; ok is false when fewer than 4 bytes are left.
func NextSCTPChunk(chunks []byte, off int) (c SCTPChunk, next int, ok bool) {
	if off+4 > len(chunks) {
		return c, len(chunks), false
	}
	c.Type, c.Flags, c.Length, c.Off = chunks[off], chunks[off+1], be16(chunks[off+2:]), off
	n := int(c.Length)
	if n < 4 {
		c.Cut = true
		return c, len(chunks), true
	}
	end := off + n
	if end > len(chunks) {
		c.Cut, end = true, len(chunks)
	}
	c.Value = chunks[off+4 : end]
	padEnd := min(off+(n+3)&^3, len(chunks))
	c.Pad = chunks[end:padEnd]
	return c, padEnd, true
}

// sctpState holds, per direction (source and destination port), the TSN
// Wireshark numbers that direction's relative TSNs from: the first DATA
// chunk's. Until one is seen, tshark shows a SACK's cumulative TSN ACK
// unchanged (base 0).
type sctpState struct {
	base map[uint32]uint32
	asm  sctpAsms      // messages being reassembled (sctp_reasm.go)
	tsn  *sctpTSNState // the TSN analysis (sctp_tsn.go)
}

func sctpDir(sp, dp uint16) uint32 { return uint32(sp)<<16 | uint32(dp) }

func (d *Decoder) sctpForget() {
	if d.sctp != nil {
		clear(d.sctp.base)
		d.sctp.asm.forget()
		d.sctp.tsn = nil
	}
}

// sctpBases are the relative-TSN bases of a packet's two directions (out:
// from its source port; in: towards it), 0 where no DATA chunk has been
// seen.
type sctpBases struct {
	out, in uint32
	msg     sctpMsg // the message a DATA or I-DATA chunk of the packet completed
	acks    [sctpMaxAcks]sctpAck
	nacks   int
	retx    [sctpMaxRetx]sctpRetx // DATA and I-DATA chunks sent again
	nretx   int
	inner   bool // the packet a PKTDROP chunk holds: tshark shows absolute TSNs only
}

// sctpFrame takes the SCTP packet d last decoded into the tracker: the
// first DATA chunk of a direction sets its base. It records the packet's
// bases in r.
// clear says the packet holds no SCTP chunk the tracker follows.
func (r *sctpBases) clear() {
	r.out, r.in = 0, 0
	r.msg.reset()
	r.nacks, r.nretx = 0, 0
}

func (d *Decoder) sctpFrame(f *Frame, r *sctpBases) {
	r.clear()
	for i := 0; i < d.n; i++ {
		l := &d.layers[i]
		if l.Type != LayerSCTP || l.Malformed != "" {
			continue
		}
		s := SCTP(d.data[l.Start:l.End])
		out, in := sctpDir(s.SrcPort(), s.DstPort()), sctpDir(s.DstPort(), s.SrcPort())
		for off := 0; ; {
			c, next, ok := NextSCTPChunk(s.ChunkData(), off)
			if !ok {
				break
			}
			off = next
			if (c.Type == 0 || c.Type == 64) && len(c.Value) >= 4 {
				if d.sctp == nil {
					d.sctp = &sctpState{base: make(map[uint32]uint32)}
				}
				if _, ok := d.sctp.base[out]; !ok {
					d.sctp.base[out] = be32(c.Value)
				}
			}
			if (c.Type == 0 && len(c.Value) > 12 || c.Type == 64 && len(c.Value) > 16) && c.Flags&3 != 3 && !c.Cut {
				if d.sctp == nil {
					d.sctp = &sctpState{base: make(map[uint32]uint32)}
				}
				d.sctp.asm.add(out, c, d.trk.last, &r.msg)
			}
		}
		if d.sctp == nil {
			d.sctp = &sctpState{base: make(map[uint32]uint32)}
		}
		h := d.sctpTSNFrame(i, f, r)
		r.out, r.in = d.sctp.base[out], d.sctp.base[in]
		// Where Wireshark keeps the association's halves, a half's own
		// first TSN is the base (an association started again on the
		// same ports counts from its new first TSN).
		if h != nil && h.started {
			r.out = h.firstTSN
		}
		if h != nil && h.peer != nil && h.peer.started {
			r.in = h.peer.firstTSN
		}
	}
}

// sctpConv returns the tracker's results for the packet d last decoded,
// or nil when no printer has tracked it.
func (d *Decoder) sctpConv() *sctpBases {
	if d.trk == nil || d.trk.gen != d.gen {
		return nil
	}
	return &d.trk.res.sctp
}

// sctpDataPorts are the ports on which tshark hands SCTP user data to a
// dissector of its own; rawcap leaves their data undecoded.
func sctpDataPort(p uint16) bool {
	switch p {
	case 2904, 2905, 2944, 2945, 3097, 3565, 3868, 5060, 5061, 5090, 9900, 14001,
		29118, 29168, 36412, 36422, 36443, 36444, 36462, 37472, 37473, 38412, 38422, 38462, 38472:
		return true
	}
	return false
}

func (d *Decoder) decodeSCTP(l *Layer) LayerType {
	s, err := ParseSCTP(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.End
	sp, dp := s.SrcPort(), s.DstPort()
	var data SCTPChunk
	ndata, last := 0, false
	for off := 0; ; {
		c, next, ok := NextSCTPChunk(s.ChunkData(), off)
		if !ok {
			break
		}
		off = next
		last = false
		switch c.Type {
		case 0, 64:
			ndata++
			data, last = c, true
		}
	}
	hdr := 12
	if data.Type == 64 {
		hdr = 16
	}
	// tshark hands a complete message's user data to its data dissector;
	// rawcap does where that is all the packet holds after the chunk.
	if ndata == 1 && last && !data.Cut && len(data.Pad) == 0 && len(data.Value) > hdr && data.Flags&3 == 3 &&
		be32(data.Value[hdr-4:]) == 0 && !sctpDataPort(sp) && !sctpDataPort(dp) {
		start := l.Start + sctpHeaderLen + data.Off + 4 + hdr
		if start < l.End {
			l.Payload = start
		}
	}
	// tshark hands SCTP port 5060's complete messages to SIP.
	if ndata == 1 && last && !data.Cut && len(data.Pad) == 0 && len(data.Value) > hdr && data.Flags&3 == 3 &&
		be32(data.Value[hdr-4:]) == 0 && (sp == sipPort || dp == sipPort) {
		l.Payload = l.Start + sctpHeaderLen + data.Off + 4 + hdr
		return LayerSIP
	}
	return LayerNone
}

// The fields, as Wireshark registers them.
const (
	sctpSrcPort = iota
	sctpDstPort
	sctpPort
	sctpVTag
	sctpChecksum
	sctpChecksumStatus
	sctpChunkType
	sctpChunkBit1
	sctpChunkBit2
	sctpChunkFlags
	sctpChunkLength
	sctpChunkPadding
	sctpDataIBit
	sctpDataUBit
	sctpDataBBit
	sctpDataEBit
	sctpDataTSN
	sctpDataTSNRaw
	sctpDataSID
	sctpDataSSN
	sctpDataPPID
	sctpInitTag
	sctpInitCredit
	sctpInitNOS
	sctpInitNIS
	sctpInitTSN
	sctpInitAckTag
	sctpInitAckCredit
	sctpInitAckNOS
	sctpInitAckNIS
	sctpInitAckTSN
	sctpSackNounce
	sctpSackCumTSN
	sctpSackCumTSNRaw
	sctpSackARwnd
	sctpSackGaps
	sctpSackDups
	sctpSackGapStart
	sctpSackGapStartTSN
	sctpSackGapEnd
	sctpSackGapEndTSN
	sctpSackGapTSNs
	sctpSackDupTSN
	sctpParamType
	sctpParamBit1
	sctpParamBit2
	sctpParamLength
	sctpParamPadding
	sctpParamIPv4
	sctpParamIPv6
	sctpParamHeartbeat
	sctpParamCookie
	sctpParamCookieIncr
	sctpParamAddrType
	sctpCookie
	sctpShutdownTSN
	sctpShutdownCompleteTBit
	sctpAbortTBit
	sctpCauseCode
	sctpCauseLength
	sctpCauseSID
	sctpCauseReserved
	sctpCauseStaleness
	sctpForwardTSN
	sctpForwardSID
	sctpForwardSSN
	sctpDataReserved
	sctpDataMID
	sctpDataFSN
	sctpNRSackNounce
	sctpNRSackCumTSN
	sctpNRSackARwnd
	sctpNRSackGaps
	sctpNRSackNRGaps
	sctpNRSackDups
	sctpNRSackReserved
	sctpNRSackGapStart
	sctpNRSackGapStartTSN
	sctpNRSackGapEnd
	sctpNRSackGapEndTSN
	sctpNRSackGapTSNs
	sctpNRSackNRGapStart
	sctpNRSackNRGapStartTSN
	sctpNRSackNRGapEnd
	sctpNRSackNRGapEndTSN
	sctpNRSackNRGapTSNs
	sctpNRSackDupTSN
	sctpECNELowestTSN
	sctpCWRLowestTSN
	sctpIForwardTSN
	sctpIForwardSID
	sctpIForwardFlags
	sctpIForwardRes
	sctpIForwardUBit
	sctpForwardMID
	sctpReconfReqSeq
	sctpReconfRespSeq
	sctpReconfLastTSN
	sctpReconfSenderNextTSN
	sctpReconfReceiverNextTSN
	sctpReconfResult
	sctpReconfSID
	sctpAddOutStreams
	sctpAddOutReserved
	sctpAddInStreams
	sctpAddInReserved
	sctpASCONFSeq
	sctpASCONFAckSeq
	sctpCorrelationID
	sctpAdaptationIndication
	sctpRandom
	sctpChunkTypeToAuth
	sctpHMACID
	sctpHMAC
	sctpSharedKeyID
	sctpSupportedChunkType
	sctpPktdropMBit
	sctpPktdropBBit
	sctpPktdropTBit
	sctpPktdropBandwidth
	sctpPktdropQueuesize
	sctpPktdropTruncLen
	sctpPktdropReserved
	sctpPktdropData
	sctpPaddingData
	sctpCauseMissingN
	sctpCauseMissingType
	sctpCauseTSN
	sctpCauseInfo
	sctpCausePadding
	sctpParamValue
	sctpParamHostname
	sctpChunkValue
	sctpAssocIndex
	sctpRetransmission
	sctpRetransmissionTime
	sctpRetxAfterAck
	sctpAcked
	sctpDataRTT
	sctpAckField
	sctpAckFrame
	sctpSackRTT
	sctpFragments
	sctpFragment
	sctpFieldCount
)

var sctpFields = [sctpFieldCount]Field{
	sctpSrcPort:               {Name: "sctp.srcport", Label: "Source port", Kind: KindUint, Width: 16},
	sctpDstPort:               {Name: "sctp.dstport", Label: "Destination port", Kind: KindUint, Width: 16},
	sctpPort:                  {Name: "sctp.port", Label: "Port", Kind: KindUint, Width: 16},
	sctpVTag:                  {Name: "sctp.verification_tag", Label: "Verification tag", Kind: KindUint, Width: 32, Base: BaseHex},
	sctpChecksum:              {Name: "sctp.checksum", Label: "Checksum", Kind: KindUint, Width: 32, Base: BaseHex},
	sctpChecksumStatus:        {Name: "sctp.checksum.status", Label: "Checksum Status", Kind: KindUint, Width: 8, Base: BaseNone, Generated: true},
	sctpChunkType:             {Name: "sctp.chunk_type", Label: "Chunk type", Kind: KindUint, Width: 8},
	sctpChunkBit1:             {Name: "sctp.chunk_bit_1", Label: "Bit", Kind: KindBool, Width: 8, Mask: 0x80},
	sctpChunkBit2:             {Name: "sctp.chunk_bit_2", Label: "Bit", Kind: KindBool, Width: 8, Mask: 0x40},
	sctpChunkFlags:            {Name: "sctp.chunk_flags", Label: "Chunk flags", Kind: KindUint, Width: 8, Base: BaseHex},
	sctpChunkLength:           {Name: "sctp.chunk_length", Label: "Chunk length", Kind: KindUint, Width: 16},
	sctpChunkPadding:          {Name: "sctp.chunk_padding", Label: "Chunk padding", Kind: KindBytes},
	sctpDataIBit:              {Name: "sctp.data_i_bit", Label: "I-Bit", Kind: KindBool, Width: 8, Mask: 0x08},
	sctpDataUBit:              {Name: "sctp.data_u_bit", Label: "U-Bit", Kind: KindBool, Width: 8, Mask: 0x04},
	sctpDataBBit:              {Name: "sctp.data_b_bit", Label: "B-Bit", Kind: KindBool, Width: 8, Mask: 0x02},
	sctpDataEBit:              {Name: "sctp.data_e_bit", Label: "E-Bit", Kind: KindBool, Width: 8, Mask: 0x01},
	sctpDataTSN:               {Name: "sctp.data_tsn", Label: "Transmission sequence number (relative)", Kind: KindUint, Width: 32},
	sctpDataTSNRaw:            {Name: "sctp.data_tsn_raw", Label: "Transmission sequence number (absolute)", Kind: KindUint, Width: 32},
	sctpDataSID:               {Name: "sctp.data_sid", Label: "Stream identifier", Kind: KindUint, Width: 16, Base: BaseHex},
	sctpDataSSN:               {Name: "sctp.data_ssn", Label: "Stream sequence number", Kind: KindUint, Width: 16},
	sctpDataPPID:              {Name: "sctp.data_payload_proto_id", Label: "Payload protocol identifier", Kind: KindUint, Width: 32},
	sctpInitTag:               {Name: "sctp.init_initiate_tag", Label: "Initiate tag", Kind: KindUint, Width: 32, Base: BaseHex},
	sctpInitCredit:            {Name: "sctp.init_credit", Label: "Advertised receiver window credit (a_rwnd)", Kind: KindUint, Width: 32},
	sctpInitNOS:               {Name: "sctp.init_nr_out_streams", Label: "Number of outbound streams", Kind: KindUint, Width: 16},
	sctpInitNIS:               {Name: "sctp.init_nr_in_streams", Label: "Number of inbound streams", Kind: KindUint, Width: 16},
	sctpInitTSN:               {Name: "sctp.init_initial_tsn", Label: "Initial TSN", Kind: KindUint, Width: 32},
	sctpInitAckTag:            {Name: "sctp.initack_initiate_tag", Label: "Initiate tag", Kind: KindUint, Width: 32, Base: BaseHex},
	sctpInitAckCredit:         {Name: "sctp.initack_credit", Label: "Advertised receiver window credit (a_rwnd)", Kind: KindUint, Width: 32},
	sctpInitAckNOS:            {Name: "sctp.initack_nr_out_streams", Label: "Number of outbound streams", Kind: KindUint, Width: 16},
	sctpInitAckNIS:            {Name: "sctp.initack_nr_in_streams", Label: "Number of inbound streams", Kind: KindUint, Width: 16},
	sctpInitAckTSN:            {Name: "sctp.initack_initial_tsn", Label: "Initial TSN", Kind: KindUint, Width: 32},
	sctpSackNounce:            {Name: "sctp.sack_nounce_sum", Label: "Nounce sum", Kind: KindUint, Width: 8, Mask: 0x01},
	sctpSackCumTSN:            {Name: "sctp.sack_cumulative_tsn_ack", Label: "Cumulative TSN ACK (relative)", Kind: KindUint, Width: 32},
	sctpSackCumTSNRaw:         {Name: "sctp.sack_cumulative_tsn_ack_raw", Label: "Cumulative TSN ACK (absolute)", Kind: KindUint, Width: 32},
	sctpSackARwnd:             {Name: "sctp.sack_a_rwnd", Label: "Advertised receiver window credit (a_rwnd)", Kind: KindUint, Width: 32},
	sctpSackGaps:              {Name: "sctp.sack_number_of_gap_blocks", Label: "Number of gap acknowledgement blocks", Kind: KindUint, Width: 16},
	sctpSackDups:              {Name: "sctp.sack_number_of_duplicated_tsns", Label: "Number of duplicated TSNs", Kind: KindUint, Width: 16},
	sctpSackGapStart:          {Name: "sctp.sack_gap_block_start", Label: "Start", Kind: KindUint, Width: 16},
	sctpSackGapStartTSN:       {Name: "sctp.sack_gap_block_start_tsn", Label: "Start TSN", Kind: KindUint, Width: 32, Generated: true},
	sctpSackGapEnd:            {Name: "sctp.sack_gap_block_end", Label: "End", Kind: KindUint, Width: 16},
	sctpSackGapEndTSN:         {Name: "sctp.sack_gap_block_end_tsn", Label: "End TSN", Kind: KindUint, Width: 32, Generated: true},
	sctpSackGapTSNs:           {Name: "sctp.sack_number_of_tsns_gap_acked", Label: "Number of TSNs in gap acknowledgement blocks", Kind: KindUint, Width: 32, Generated: true},
	sctpSackDupTSN:            {Name: "sctp.sack_duplicate_tsn", Label: "Duplicate TSN", Kind: KindUint, Width: 32},
	sctpParamType:             {Name: "sctp.parameter_type", Label: "Parameter type", Kind: KindUint, Width: 16, Base: BaseHex},
	sctpParamBit1:             {Name: "sctp.parameter_bit_1", Label: "Bit", Kind: KindBool, Width: 16, Mask: 0x8000},
	sctpParamBit2:             {Name: "sctp.parameter_bit_2", Label: "Bit", Kind: KindBool, Width: 16, Mask: 0x4000},
	sctpParamLength:           {Name: "sctp.parameter_length", Label: "Parameter length", Kind: KindUint, Width: 16},
	sctpParamPadding:          {Name: "sctp.parameter_padding", Label: "Parameter padding", Kind: KindBytes},
	sctpParamIPv4:             {Name: "sctp.parameter_ipv4_address", Label: "IP Version 4 address", Kind: KindIPv4},
	sctpParamIPv6:             {Name: "sctp.parameter_ipv6_address", Label: "IP Version 6 address", Kind: KindIPv6},
	sctpParamHeartbeat:        {Name: "sctp.parameter_heartbeat_information", Label: "Heartbeat information", Kind: KindBytes},
	sctpParamCookie:           {Name: "sctp.parameter_state_cookie", Label: "State cookie", Kind: KindBytes},
	sctpParamCookieIncr:       {Name: "sctp.parameter_cookie_preservative_incr", Label: "Suggested Cookie life-span increment (msec)", Kind: KindUint, Width: 32},
	sctpParamAddrType:         {Name: "sctp.parameter_supported_address_type", Label: "Supported address type", Kind: KindUint, Width: 16},
	sctpCookie:                {Name: "sctp.cookie", Label: "Cookie", Kind: KindBytes},
	sctpShutdownTSN:           {Name: "sctp.shutdown_cumulative_tsn_ack", Label: "Cumulative TSN Ack", Kind: KindUint, Width: 32},
	sctpShutdownCompleteTBit:  {Name: "sctp.shutdown_complete_t_bit", Label: "T-Bit", Kind: KindBool, Width: 8, Mask: 0x01},
	sctpAbortTBit:             {Name: "sctp.abort_t_bit", Label: "T-Bit", Kind: KindBool, Width: 8, Mask: 0x01},
	sctpCauseCode:             {Name: "sctp.cause_code", Label: "Cause code", Kind: KindUint, Width: 16, Base: BaseHex},
	sctpCauseLength:           {Name: "sctp.cause_length", Label: "Cause length", Kind: KindUint, Width: 16},
	sctpCauseSID:              {Name: "sctp.cause_stream_identifier", Label: "Stream identifier", Kind: KindUint, Width: 16},
	sctpCauseReserved:         {Name: "sctp.cause_reserved", Label: "Reserved", Kind: KindUint, Width: 16},
	sctpCauseStaleness:        {Name: "sctp.cause_measure_of_staleness", Label: "Measure of staleness in usec", Kind: KindUint, Width: 32},
	sctpForwardTSN:            {Name: "sctp.forward_tsn_tsn", Label: "New cumulative TSN", Kind: KindUint, Width: 32},
	sctpForwardSID:            {Name: "sctp.forward_tsn_sid", Label: "Stream identifier", Kind: KindUint, Width: 16},
	sctpForwardSSN:            {Name: "sctp.forward_tsn_ssn", Label: "Stream sequence number", Kind: KindUint, Width: 16},
	sctpDataReserved:          {Name: "sctp.data_reserved", Label: "Reserved", Kind: KindUint, Width: 16},
	sctpDataMID:               {Name: "sctp.data_mid", Label: "Message identifier", Kind: KindUint, Width: 32},
	sctpDataFSN:               {Name: "sctp.data_fsn", Label: "Fragment sequence number", Kind: KindUint, Width: 32},
	sctpNRSackNounce:          {Name: "sctp.nr_sack_nounce_sum", Label: "Nounce sum", Kind: KindUint, Width: 8, Mask: 0x01},
	sctpNRSackCumTSN:          {Name: "sctp.nr_sack_cumulative_tsn_ack", Label: "Cumulative TSN ACK", Kind: KindUint, Width: 32},
	sctpNRSackARwnd:           {Name: "sctp.nr_sack_a_rwnd", Label: "Advertised receiver window credit (a_rwnd)", Kind: KindUint, Width: 32},
	sctpNRSackGaps:            {Name: "sctp.nr_sack_number_of_gap_blocks", Label: "Number of gap acknowledgement blocks", Kind: KindUint, Width: 16},
	sctpNRSackNRGaps:          {Name: "sctp.nr_sack_number_of_nr_gap_blocks", Label: "Number of nr-gap acknowledgement blocks", Kind: KindUint, Width: 16},
	sctpNRSackDups:            {Name: "sctp.nr_sack_number_of_duplicated_tsns", Label: "Number of duplicated TSNs", Kind: KindUint, Width: 16},
	sctpNRSackReserved:        {Name: "sctp.nr_sack_reserved", Label: "Reserved", Kind: KindUint, Width: 16, Base: BaseHex},
	sctpNRSackGapStart:        {Name: "sctp.nr_sack_gap_block_start", Label: "Start", Kind: KindUint, Width: 16},
	sctpNRSackGapStartTSN:     {Name: "sctp.nr_sack_gap_block_start_tsn", Label: "Start TSN", Kind: KindUint, Width: 32, Generated: true},
	sctpNRSackGapEnd:          {Name: "sctp.nr_sack_gap_block_end", Label: "End", Kind: KindUint, Width: 16},
	sctpNRSackGapEndTSN:       {Name: "sctp.nr_sack_gap_block_end_tsn", Label: "End TSN", Kind: KindUint, Width: 32, Generated: true},
	sctpNRSackGapTSNs:         {Name: "sctp.nr_sack_number_of_tsns_gap_acked", Label: "Number of TSNs in gap acknowledgement blocks", Kind: KindUint, Width: 32, Generated: true},
	sctpNRSackNRGapStart:      {Name: "sctp.nr_sack_nr_gap_block_start", Label: "Start", Kind: KindUint, Width: 16},
	sctpNRSackNRGapStartTSN:   {Name: "sctp.nr_sack_nr_gap_block_start_tsn", Label: "Start TSN", Kind: KindUint, Width: 32, Generated: true},
	sctpNRSackNRGapEnd:        {Name: "sctp.nr_sack_nr_gap_block_end", Label: "End", Kind: KindUint, Width: 16},
	sctpNRSackNRGapEndTSN:     {Name: "sctp.nr_sack_nr_gap_block_end_tsn", Label: "End TSN", Kind: KindUint, Width: 32, Generated: true},
	sctpNRSackNRGapTSNs:       {Name: "sctp.nr_sack_number_of_tsns_nr_gap_acked", Label: "Number of TSNs in nr-gap acknowledgement blocks", Kind: KindUint, Width: 32, Generated: true},
	sctpNRSackDupTSN:          {Name: "sctp.nr_sack_duplicate_tsn", Label: "Duplicate TSN", Kind: KindUint, Width: 32},
	sctpECNELowestTSN:         {Name: "sctp.ecne_lowest_tsn", Label: "Lowest TSN", Kind: KindUint, Width: 32},
	sctpCWRLowestTSN:          {Name: "sctp.cwr_lowest_tsn", Label: "Lowest TSN", Kind: KindUint, Width: 32},
	sctpIForwardTSN:           {Name: "sctp.i_forward_tsn_tsn", Label: "New cumulative TSN", Kind: KindUint, Width: 32},
	sctpIForwardSID:           {Name: "sctp.i_forward_tsn_sid", Label: "Stream identifier", Kind: KindUint, Width: 16},
	sctpIForwardFlags:         {Name: "sctp.i_forward_tsn_flags", Label: "Flags", Kind: KindUint, Width: 16, Base: BaseHex},
	sctpIForwardRes:           {Name: "sctp.i_forward_tsn_res", Label: "Reserved", Kind: KindUint, Width: 16, Mask: 0xfffe},
	sctpIForwardUBit:          {Name: "sctp.i_forward_tsn_u_bit", Label: "U-Bit", Kind: KindBool, Width: 16, Mask: 0x0001},
	sctpForwardMID:            {Name: "sctp.forward_tsn_mid", Label: "Message identifier", Kind: KindUint, Width: 32},
	sctpReconfReqSeq:          {Name: "sctp.parameter_reconfig_request_sequence_number", Label: "Re-configuration request sequence number", Kind: KindUint, Width: 32},
	sctpReconfRespSeq:         {Name: "sctp.parameter_reconfig_response_sequence_number", Label: "Re-configuration response sequence number", Kind: KindUint, Width: 32},
	sctpReconfLastTSN:         {Name: "sctp.parameter_senders_last_assigned_tsn", Label: "Senders last assigned TSN", Kind: KindUint, Width: 32},
	sctpReconfSenderNextTSN:   {Name: "sctp.parameter_senders_next_tsn", Label: "Senders next TSN", Kind: KindUint, Width: 32},
	sctpReconfReceiverNextTSN: {Name: "sctp.parameter_receivers_next_tsn", Label: "Receivers next TSN", Kind: KindUint, Width: 32},
	sctpReconfResult:          {Name: "sctp.parameter_reconfig_response_result", Label: "Result", Kind: KindUint, Width: 32},
	sctpReconfSID:             {Name: "sctp.parameter_reconfig_sid", Label: "Stream Identifier", Kind: KindUint, Width: 16},
	sctpAddOutStreams:         {Name: "sctp.parameter_add_outgoing_streams_number", Label: "Number of streams", Kind: KindUint, Width: 16},
	sctpAddOutReserved:        {Name: "sctp.parameter_add_outgoing_streams_reserved", Label: "Reserved", Kind: KindUint, Width: 16},
	sctpAddInStreams:          {Name: "sctp.parameter_add_incoming_streams_number", Label: "Number of streams", Kind: KindUint, Width: 16},
	sctpAddInReserved:         {Name: "sctp.parameter_add_incoming_streams_reserved", Label: "Reserved", Kind: KindUint, Width: 16},
	sctpASCONFSeq:             {Name: "sctp.asconf_seq_nr_number", Label: "Sequence number", Kind: KindUint, Width: 32, Base: BaseHex},
	sctpASCONFAckSeq:          {Name: "sctp.asconf_ack_seq_nr_number", Label: "Sequence number", Kind: KindUint, Width: 32, Base: BaseHex},
	sctpCorrelationID:         {Name: "sctp.correlation_id", Label: "Correlation_id", Kind: KindUint, Width: 32, Base: BaseHex},
	sctpAdaptationIndication:  {Name: "sctp.adaptation_layer_indication", Label: "Indication", Kind: KindUint, Width: 32, Base: BaseHex},
	sctpRandom:                {Name: "sctp.random_number", Label: "Random number", Kind: KindBytes},
	sctpChunkTypeToAuth:       {Name: "sctp.chunk_type_to_auth", Label: "Chunk type", Kind: KindUint, Width: 8},
	sctpHMACID:                {Name: "sctp.hmac_id", Label: "HMAC identifier", Kind: KindUint, Width: 16},
	sctpHMAC:                  {Name: "sctp.hmac", Label: "HMAC", Kind: KindBytes},
	sctpSharedKeyID:           {Name: "sctp.shared_key_id", Label: "Shared key identifier", Kind: KindUint, Width: 16},
	sctpSupportedChunkType:    {Name: "sctp.supported_chunk_type", Label: "Supported chunk type", Kind: KindUint, Width: 8},
	sctpPktdropMBit:           {Name: "sctp.pckdrop_m_bit", Label: "M-Bit", Kind: KindBool, Width: 8, Mask: 0x01},
	sctpPktdropBBit:           {Name: "sctp.pckdrop_b_bit", Label: "B-Bit", Kind: KindBool, Width: 8, Mask: 0x02},
	sctpPktdropTBit:           {Name: "sctp.pckdrop_t_bit", Label: "T-Bit", Kind: KindBool, Width: 8, Mask: 0x04},
	sctpPktdropBandwidth:      {Name: "sctp.pktdrop_bandwidth", Label: "Bandwidth", Kind: KindUint, Width: 32},
	sctpPktdropQueuesize:      {Name: "sctp.pktdrop_queuesize", Label: "Queuesize", Kind: KindUint, Width: 32},
	sctpPktdropTruncLen:       {Name: "sctp.pktdrop_truncated_length", Label: "Truncated length", Kind: KindUint, Width: 16},
	sctpPktdropReserved:       {Name: "sctp.pktdrop_reserved", Label: "Reserved", Kind: KindUint, Width: 16},
	sctpPktdropData:           {Name: "sctp.pktdrop_datafield", Label: "Data field", Kind: KindBytes},
	sctpPaddingData:           {Name: "sctp.padding_data", Label: "Padding data", Kind: KindBytes},
	sctpCauseMissingN:         {Name: "sctp.cause_nr_of_missing_parameters", Label: "Number of missing parameters", Kind: KindUint, Width: 32},
	sctpCauseMissingType:      {Name: "sctp.cause_missing_parameter_type", Label: "Missing parameter type", Kind: KindUint, Width: 16, Base: BaseHex},
	sctpCauseTSN:              {Name: "sctp.cause_tsn", Label: "TSN", Kind: KindUint, Width: 32},
	sctpCauseInfo:             {Name: "sctp.cause_information", Label: "Cause information", Kind: KindBytes},
	sctpCausePadding:          {Name: "sctp.cause_padding", Label: "Cause padding", Kind: KindBytes},
	sctpParamValue:            {Name: "sctp.parameter_value", Label: "Parameter value", Kind: KindBytes},
	sctpParamHostname:         {Name: "sctp.parameter_hostname", Label: "Hostname", Kind: KindString},
	sctpChunkValue:            {Name: "sctp.chunk_value", Label: "Chunk value", Kind: KindBytes},
	sctpAssocIndex:            {Name: "sctp.assoc_index", Label: "Association index", Kind: KindUint, Width: 16, Generated: true},
	sctpRetransmission:        {Name: "sctp.retransmission", Label: "This TSN is a retransmission of one in frame", Kind: KindFrameNum, Generated: true},
	sctpRetransmissionTime:    {Name: "sctp.retransmission_time", Label: "Retransmitted after", Kind: KindRelTime, Generated: true},
	sctpRetxAfterAck:          {Name: "sctp.retransmitted_after_ack", Label: "Chunk was acked prior to retransmission", Kind: KindFrameNum, Generated: true},
	sctpAcked:                 {Name: "sctp.acked", Label: "This chunk is acked in frame", Kind: KindFrameNum, Generated: true},
	sctpDataRTT:               {Name: "sctp.data_rtt", Label: "The RTT to SACK was", Kind: KindRelTime, Generated: true},
	sctpAckField:              {Name: "sctp.ack", Label: "Acknowledges TSN", Kind: KindUint, Width: 32, Generated: true},
	sctpAckFrame:              {Name: "sctp.ack_frame", Label: "Acknowledges TSN in frame", Kind: KindFrameNum, Generated: true},
	sctpSackRTT:               {Name: "sctp.sack_rtt", Label: "The RTT since DATA was", Kind: KindRelTime, Generated: true},
	sctpFragments:             {Name: "sctp.fragments", Label: "Reassembled SCTP Fragments", Kind: KindNone},
	sctpFragment:              {Name: "sctp.fragment", Label: "SCTP Fragment", Kind: KindFrameNum},
}

var protoSCTP = protoField("sctp", "Stream Control Transmission Protocol")

// sctpChunkName returns Wireshark's name of a chunk type ("" when it has
// none rawcap knows).
func sctpChunkName(t uint8) string {
	if t == 255 {
		return ""
	}
	return sctpFields[sctpChunkType].ValueNames().Name(uint64(t))
}

// emitSCTP emits the common header's fields and each chunk's. In the -V
// tree a chunk is a line with its fields beneath it; rawcap draws the
// chunks only where it draws every one as tshark does (sctpTreeable).
func emitSCTP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoSCTP)
	if l.Malformed != "" {
		e.End()
		return
	}
	s := SCTP(d.data[l.Start:l.End])
	sp, dp := s.SrcPort(), s.DstPort()
	if e.Tree() {
		e.SetRepr(appendSCTPTitle(e.Text(), sp, dp))
	}
	emitSCTPHeader(e, s)
	tree := e.Tree()
	if tree && !sctpTreeable(s) {
		e.End()
		return
	}
	var bases *sctpBases
	if e.conv != nil {
		bases = &e.conv.sctp
	}
	// tshark hands the user data of each whole DATA or I-DATA chunk to
	// Data as it goes, and goes on with the chunks after it in a new SCTP
	// subtree; rawcap's layers hold that data when one such chunk ends
	// the packet (sctpOwnData draws it when padded).
	own, ndata, lastData := false, 0, -1
	if tree && bases != nil {
		own = i == d.n-1 && !bases.msg.done && bases.nretx == 0
		for off := 0; ; {
			c, next, ok := NextSCTPChunk(s.ChunkData(), off)
			if !ok {
				break
			}
			off = next
			if c.Type == 0 || c.Type == 64 {
				ndata++
				lastData = c.Off
			}
		}
	}
	for off := 0; ; {
		c, next, ok := NextSCTPChunk(s.ChunkData(), off)
		if !ok {
			break
		}
		off = next
		emitSCTPChunk(e, c, bases)
		if own && (ndata > 1 || c.Off != lastData || next != len(s.ChunkData())) {
			if data := sctpWholeData(c, sp, dp); data != nil {
				emitSCTPMsgData(e, data, true)
				if next < len(s.ChunkData()) {
					e.TopLines(true)
					e.LineString("Stream Control Transmission Protocol")
					e.TopLines(false)
				}
			}
		}
	}
	if tree {
		if b := sctpOwnData(d, i, bases); b != nil {
			emitSCTPMsgData(e, b, true)
		}
	}
	e.End()
	if !tree && bases != nil {
		if b := sctpOwnData(d, i, bases); b != nil {
			emitSCTPDataProto(e, b)
		}
	}
}

// emitSCTPDataProto emits, outside the tree, the user data SCTP hands to
// tshark's Data protocol where rawcap has no layer for it (a message the
// packet completed, a padded DATA chunk ending the packet) as Data's
// fields, after SCTP's (JSON leaves the bytes out, as for a payload
// layer).
func emitSCTPDataProto(e *emitter, data []byte) {
	e.Proto(&protoData)
	if e.all {
		e.Hidden(true)
		e.Bytes(&dataFields[dataData], data)
		e.Hidden(false)
	}
	e.Int(&dataFields[dataLen], int64(len(data)))
	e.End()
}

// appendSCTPTitle appends the title of SCTP's subtree.
func appendSCTPTitle(b []byte, sp, dp uint16) []byte {
	b = append(b, "Stream Control Transmission Protocol, Src Port: "...)
	b = append(appendUint(b, uint64(sp)), " ("...)
	b = append(appendUint(b, uint64(sp)), "), Dst Port: "...)
	b = append(appendUint(b, uint64(dp)), " ("...)
	return append(appendUint(b, uint64(dp)), ')')
}

// emitSCTPHeader emits the common header's fields.
func emitSCTPHeader(e *emitter, s SCTP) {
	f := &sctpFields
	sp, dp := s.SrcPort(), s.DstPort()
	e.Uint(&f[sctpSrcPort], uint64(sp))
	e.Uint(&f[sctpDstPort], uint64(dp))
	e.Hidden(true)
	e.Uint(&f[sctpPort], uint64(sp))
	e.Uint(&f[sctpPort], uint64(dp))
	e.Hidden(false)
	e.Uint(&f[sctpVTag], uint64(s.Tag()))
	if !sctpCut(s) {
		// tshark adds it after the chunks, which a cut one ends.
		e.Uint(&f[sctpAssocIndex], 65535)
		if e.Tree() {
			e.SetRepr(append(e.Text(), "Association index: disabled (enable in preferences)"...))
		}
	}
	e.Uint(&f[sctpChecksum], uint64(s.Checksum()))
	if e.Tree() {
		b := appendHexN(append(e.Text(), "Checksum: 0x"...), uint64(s.Checksum()), 8)
		e.SetRepr(append(b, " [unverified]"...))
	}
	e.Uint(&f[sctpChecksumStatus], 2)
}

// emitSCTPChunk emits chunk c's fields; bases are the packet's relative
// TSN bases and TSN analysis (nil: absolute TSNs only).
func emitSCTPChunk(e *emitter, c SCTPChunk, bases *sctpBases) {
	f := &sctpFields
	tree := e.Tree()
	var tb sctpBases // the tree's bases when the tracker has none
	if tree && bases != nil {
		tb = *bases
	}
	if tree {
		e.Line(appendSCTPChunkTitle(e.Text(), c, &tb))
	}
	e.Sub()
	e.Uint(&f[sctpChunkType], uint64(c.Type))
	e.Sub()
	e.Bool(&f[sctpChunkBit1], c.Type&0x80 != 0)
	e.Bool(&f[sctpChunkBit2], c.Type&0x40 != 0)
	e.Up()
	e.Uint(&f[sctpChunkFlags], uint64(c.Flags))
	e.Sub()
	switch c.Type {
	case 0, 64:
		e.Bool(&f[sctpDataIBit], c.Flags&8 != 0)
		e.Bool(&f[sctpDataUBit], c.Flags&4 != 0)
		e.Bool(&f[sctpDataBBit], c.Flags&2 != 0)
		e.Bool(&f[sctpDataEBit], c.Flags&1 != 0)
	case 3:
		e.Uint(&f[sctpSackNounce], uint64(c.Flags&1))
	case 6:
		e.Bool(&f[sctpAbortTBit], c.Flags&1 != 0)
	case 14:
		e.Bool(&f[sctpShutdownCompleteTBit], c.Flags&1 != 0)
	case 16:
		e.Uint(&f[sctpNRSackNounce], uint64(c.Flags&1))
	case 129:
		e.Bool(&f[sctpPktdropMBit], c.Flags&1 != 0)
		e.Bool(&f[sctpPktdropBBit], c.Flags&2 != 0)
		e.Bool(&f[sctpPktdropTBit], c.Flags&4 != 0)
	}
	e.Up()
	e.Uint(&f[sctpChunkLength], uint64(c.Length))
	v := c.Value
	switch c.Type {
	case 0:
		if len(v) >= 12 {
			tsn := be32(v)
			if bases != nil && !bases.inner {
				e.Uint(&f[sctpDataTSN], uint64(tsn-bases.out))
				if x := bases.retxOf(c.Off); x != nil {
					emitSCTPRetx(e, x)
				}
			}
			e.Uint(&f[sctpDataTSNRaw], uint64(tsn))
			e.Uint(&f[sctpDataSID], uint64(be16(v[4:])))
			e.Uint(&f[sctpDataSSN], uint64(be16(v[6:])))
			e.Uint(&f[sctpDataPPID], uint64(be32(v[8:])))
			if bases != nil && bases.msg.done && bases.msg.off == c.Off {
				emitSCTPReassembled(e, &bases.msg)
			}
		}
	case 1, 2:
		if len(v) >= 16 {
			k := sctpInitTag
			if c.Type == 2 {
				k = sctpInitAckTag
			}
			e.Uint(&f[k], uint64(be32(v)))
			e.Uint(&f[k+1], uint64(be32(v[4:])))
			e.Uint(&f[k+2], uint64(be16(v[8:])))
			e.Uint(&f[k+3], uint64(be16(v[10:])))
			e.Uint(&f[k+4], uint64(be32(v[12:])))
			emitSCTPParams(e, v[16:], true)
		}
	case 3:
		if len(v) >= 12 {
			cum := be32(v)
			var rel uint32
			if bases != nil {
				rel = cum - bases.in
				e.Uint(&f[sctpSackCumTSN], uint64(rel))
			}
			e.Uint(&f[sctpSackCumTSNRaw], uint64(cum))
			e.Uint(&f[sctpSackARwnd], uint64(be32(v[4:])))
			if tree && be32(v[4:]) == 0 {
				e.Sub()
				e.ExpertLine("Note", "Sequence", "Zero Advertised Receiver Window Credit", nil)
				e.Up()
			}
			ng, nd := int(be16(v[8:])), int(be16(v[10:]))
			e.Uint(&f[sctpSackGaps], uint64(ng))
			e.Uint(&f[sctpSackDups], uint64(nd))
			p := 12
			var acked uint64
			for k := 0; k < ng && p+4 <= len(v); k++ {
				st, en := be16(v[p:]), be16(v[p+2:])
				if tree {
					e.Line(appendSCTPGapTitle(e.Text(), "Gap Acknowledgement for TSN ", rel, st, en))
				}
				e.Sub()
				e.Uint(&f[sctpSackGapStart], uint64(st))
				e.Sub()
				if bases != nil {
					e.Uint(&f[sctpSackGapStartTSN], uint64(rel+uint32(st)))
				}
				e.Up()
				e.Uint(&f[sctpSackGapEnd], uint64(en))
				e.Sub()
				if bases != nil {
					e.Uint(&f[sctpSackGapEndTSN], uint64(rel+uint32(en)))
				}
				e.Up()
				e.Up()
				if en >= st {
					acked += uint64(en-st) + 1
				}
				p += 4
			}
			if ng > 0 {
				e.Uint(&f[sctpSackGapTSNs], acked)
			}
			for k := 0; k < nd && p+4 <= len(v); k++ {
				e.Uint(&f[sctpSackDupTSN], uint64(be32(v[p:])))
				p += 4
			}
		}
	case 4, 5:
		emitSCTPParams(e, v, true)
	case 6, 9:
		emitSCTPCauses(e, v)
	case 7:
		if len(v) >= 4 {
			e.Uint(&f[sctpShutdownTSN], uint64(be32(v)))
		}
	case 10:
		e.Bytes(&f[sctpCookie], v)
	case 192:
		if len(v) >= 4 {
			e.Uint(&f[sctpForwardTSN], uint64(be32(v)))
			for p := 4; p+4 <= len(v); p += 4 {
				e.Uint(&f[sctpForwardSID], uint64(be16(v[p:])))
				e.Uint(&f[sctpForwardSSN], uint64(be16(v[p+2:])))
			}
		}
	default:
		emitSCTPExtChunk(e, c, bases)
	}
	if len(c.Pad) > 0 {
		e.Bytes(&f[sctpChunkPadding], c.Pad)
	}
	e.Up()
}

// appendSCTPChunkTitle appends the line tshark heads chunk c's subtree
// with: its name and what it shows of the chunk's value.
func appendSCTPChunkTitle(b []byte, c SCTPChunk, bases *sctpBases) []byte {
	v := c.Value
	name := sctpChunkName(c.Type)
	if name == "" {
		b = append(b, "RESERVED chunk (Type: "...)
		b = appendUint(b, uint64(c.Type))
		b = append(b, ", value length: "...)
		b = appendUint(b, uint64(len(c.Value)))
		return append(b, " bytes)"...)
	}
	b = append(b, name...)
	b = append(b, " chunk"...)
	switch c.Type {
	case 0:
		b = appendSCTPSegment(b, c.Flags, be32(v)-bases.out, be16(v[4:]))
		b = append(b, ", SSN: "...)
		b = appendUint(b, uint64(be16(v[6:])))
		b = append(b, ", PPID: "...)
		b = appendUint(b, uint64(be32(v[8:])))
		b = append(b, ", payload length: "...)
		b = appendUint(b, uint64(len(v)-12))
		b = append(b, " bytes)"...)
	case 1, 2:
		b = append(b, " (Outbound streams: "...)
		b = appendUint(b, uint64(be16(v[8:])))
		b = append(b, ", inbound streams: "...)
		b = appendUint(b, uint64(be16(v[10:])))
		b = append(b, ')')
	case 3:
		b = append(b, " (Cumulative TSN: "...)
		b = appendUint(b, uint64(be32(v)))
		b = append(b, ", a_rwnd: "...)
		b = appendUint(b, uint64(be32(v[4:])))
		b = append(b, ", gaps: "...)
		b = appendUint(b, uint64(be16(v[8:])))
		b = append(b, ", duplicate TSNs: "...)
		b = appendUint(b, uint64(be16(v[10:])))
		b = append(b, ')')
	case 4, 5:
		b = append(b, " (Information: "...)
		b = appendUint(b, uint64(len(v)))
		b = append(b, " bytes)"...)
	case 7:
		b = append(b, " (Cumulative TSN ack: "...)
		b = appendUint(b, uint64(be32(v)))
		b = append(b, ')')
	case 10:
		b = append(b, " (Cookie length: "...)
		b = appendUint(b, uint64(len(v)))
		b = append(b, " bytes)"...)
	case 192, 194:
		b = append(b, "(Cumulative TSN: "...)
		b = appendUint(b, uint64(be32(v)))
		b = append(b, ')')
	default:
		b = appendSCTPExtChunkTitle(b, c, bases)
	}
	return b
}

// appendSCTPGapTitle appends the line of a gap acknowledgement block: its
// TSNs, counted from base.
func appendSCTPGapTitle(b []byte, title string, base uint32, st, en uint16) []byte {
	b = append(b, title...)
	b = appendUint(b, uint64(base+uint32(st)))
	b = append(b, " to "...)
	return appendUint(b, uint64(base+uint32(en)))
}

// nextSCTPTLV returns the parameter or error cause at off within b: its
// type, its value and its padding.
func nextSCTPTLV(b []byte, off int) (typ uint16, length int, val, pad []byte, next int, ok bool) {
	if off+4 > len(b) {
		return 0, 0, nil, nil, len(b), false
	}
	typ, length = be16(b[off:]), int(be16(b[off+2:]))
	if length < 4 || off+length > len(b) {
		return 0, 0, nil, nil, len(b), false
	}
	val = b[off+4 : off+length]
	end := min(off+(length+3)&^3, len(b))
	return typ, length, val, b[off+length : end], end, true
}

// emitSCTPParams emits the parameters in b; top marks a chunk's own list,
// whose final parameter tshark expects to leave its padding to the chunk.
func emitSCTPParams(e *emitter, b []byte, top bool) {
	f := &sctpFields
	for off := 0; ; {
		typ, n, v, pad, next, ok := nextSCTPTLV(b, off)
		if !ok {
			return
		}
		off = next
		if e.Tree() {
			e.Line(appendSCTPParamTitle(e.Text(), typ, v))
		}
		e.Sub()
		if e.Tree() && top && len(pad) > 0 && next == len(b) {
			e.ExpertLine("Note", "Malformed", "The padding of this final parameter should be the padding of the chunk.", nil)
		}
		e.Uint(&f[sctpParamType], uint64(typ))
		e.Sub()
		e.Bool(&f[sctpParamBit1], typ&0x8000 != 0)
		e.Bool(&f[sctpParamBit2], typ&0x4000 != 0)
		e.Up()
		e.Uint(&f[sctpParamLength], uint64(n))
		switch {
		case typ == 1:
			e.Bytes(&f[sctpParamHeartbeat], v)
		case typ == 5 && len(v) == 4:
			e.IPv4(&f[sctpParamIPv4], v)
		case typ == 6 && len(v) == 16:
			e.IPv6(&f[sctpParamIPv6], v)
		case typ == 7:
			e.Bytes(&f[sctpParamCookie], v)
		case typ == 9 && len(v) == 4:
			e.Uint(&f[sctpParamCookieIncr], uint64(be32(v)))
		case typ == 12:
			for p := 0; p+2 <= len(v); p += 2 {
				e.Uint(&f[sctpParamAddrType], uint64(be16(v[p:])))
			}
		default:
			emitSCTPExtParam(e, typ, v)
		}
		if len(pad) > 0 {
			e.Bytes(&f[sctpParamPadding], pad)
		}
		e.Up()
	}
}

// appendSCTPParamTitle appends the line tshark heads a parameter's
// subtree with: its name and what it shows of its value v.
func appendSCTPParamTitle(b []byte, typ uint16, v []byte) []byte {
	switch typ {
	case 1:
		b = append(b, "Heartbeat info parameter (Information: "...)
		b = appendUint(b, uint64(len(v)))
		return append(b, " bytes)"...)
	case 5:
		b = append(b, "IPv4 address parameter (Address: "...)
		b = netip.AddrFrom4([4]byte(v)).AppendTo(b)
		return append(b, ')')
	case 6:
		b = append(b, "IPv6 address parameter (Address: "...)
		b = netip.AddrFrom16([16]byte(v)).AppendTo(b)
		return append(b, ')')
	case 7:
		b = append(b, "State cookie parameter (Cookie length: "...)
		b = appendUint(b, uint64(len(v)))
		return append(b, " bytes)"...)
	case 9:
		b = append(b, "Cookie preservative parameter (Increment :"...)
		b = appendUint(b, uint64(be32(v)))
		return append(b, " msec)"...)
	case 12:
		b = append(b, "Supported address types parameter (Supported types: "...)
		for p := 0; p < len(v); p += 2 {
			if p > 0 {
				b = append(b, ", "...)
			}
			switch be16(v[p:]) {
			case 5:
				b = append(b, "IPv4"...)
			case 6:
				b = append(b, "IPv6"...)
			default:
				b = append(b, "hostname"...)
			}
		}
		return append(b, ')')
	case 0x8000:
		return append(b, "ECN parameter"...)
	case 0xc000:
		return append(b, "Forward TSN supported parameter"...)
	}
	return appendSCTPExtParamTitle(b, typ, v)
}

func emitSCTPCauses(e *emitter, b []byte) {
	f := &sctpFields
	for off := 0; ; {
		code, n, v, pad, next, ok := nextSCTPTLV(b, off)
		if !ok {
			return
		}
		off = next
		if e.Tree() {
			e.Line(appendSCTPCauseTitle(e.Text(), code, v))
		}
		e.Sub()
		e.Uint(&f[sctpCauseCode], uint64(code))
		e.Uint(&f[sctpCauseLength], uint64(n))
		switch {
		case code == 1 && len(v) == 4:
			e.Uint(&f[sctpCauseSID], uint64(be16(v)))
			e.Uint(&f[sctpCauseReserved], uint64(be16(v[2:])))
		case code == 3 && len(v) == 4:
			e.Uint(&f[sctpCauseStaleness], uint64(be32(v)))
		case code >= 0xa0 && code <= 0xa4, code == 5, code == 8, code == 11:
			emitSCTPParams(e, v, false)
		default:
			emitSCTPExtCause(e, code, v)
		}
		if len(pad) > 0 {
			e.Bytes(&f[sctpCausePadding], pad)
		}
		e.Up()
	}
}

// appendSCTPCauseTitle appends the line tshark heads an error cause's
// subtree with: its name and what it shows of its value v.
func appendSCTPCauseTitle(b []byte, code uint16, v []byte) []byte {
	switch code {
	case 1:
		b = append(b, "Invalid stream identifier cause (SID: "...)
		b = appendUint(b, uint64(be16(v)))
		return append(b, ')')
	case 3:
		b = append(b, "Stale cookie error cause (Measure: "...)
		b = appendUint(b, uint64(be32(v)))
		return append(b, " usec)"...)
	case 12:
		return append(b, "User initiated ABORT cause"...)
	}
	b = append(b, sctpFields[sctpCauseCode].ValueNames().Name(uint64(code))...)
	b = append(b, " cause"...)
	return appendSCTPCauseTitleRest(b, code, v)
}

// sctpTreeable reports whether rawcap draws every chunk, parameter and
// cause of the packet as tshark does; it draws the common header alone
// otherwise, rather than lines tshark would not print.
func sctpTreeable(s SCTP) bool {
	for off := 0; ; {
		c, next, ok := NextSCTPChunk(s.ChunkData(), off)
		if !ok {
			return off == len(s.ChunkData())
		}
		off = next
		if c.Cut {
			return false
		}
		v := c.Value
		switch c.Type {
		case 0:
			if len(v) < 12 || c.Flags&0xf0 != 0 || sctpPPIDName(be32(v[8:])) == "" {
				return false
			}
		case 1, 2:
			if len(v) < 16 || !sctpParamsTreeable(v[16:], c.Type) {
				return false
			}
		case 3:
			if len(v) < 12 || 12+4*(int(be16(v[8:]))+int(be16(v[10:]))) != len(v) {
				return false
			}
		case 4, 5:
			typ, n, _, pad, next, ok := nextSCTPTLV(v, 0)
			if !ok || typ != 1 || next != len(v) || len(pad) != 0 || n != len(v) {
				return false
			}
		case 6, 9:
			for p := 0; p < len(v); {
				code, _, cv, _, next, ok := nextSCTPTLV(v, p)
				if !ok || !sctpCauseTreeable(code, cv) {
					return false
				}
				p = next
			}
		case 7:
			if len(v) != 4 {
				return false
			}
		case 8, 11, 14:
			if len(v) != 0 {
				return false
			}
		case 10:
		case 192:
			if len(v) < 4 || len(v)%4 != 0 {
				return false
			}
		default:
			if !sctpExtTreeable(c) {
				return false
			}
		}
		switch c.Type {
		case 0, 3, 6, 14, 16, 64, 129:
		default:
			if c.Flags != 0 && sctpChunkName(c.Type) != "" {
				return false
			}
		}
	}
}

func sctpParamsTreeable(b []byte, chunk uint8) bool {
	for off := 0; off < len(b); {
		typ, _, v, pad, next, ok := nextSCTPTLV(b, off)
		if !ok {
			return false
		}
		last := next == len(b)
		switch typ {
		case 5:
			if len(v) != 4 {
				return false
			}
		case 6:
			if len(v) != 16 {
				return false
			}
		case 7:
			if chunk != 2 {
				return false
			}
		case 9:
			if len(v) != 4 {
				return false
			}
		case 12:
			if len(v) == 0 || len(v)%2 != 0 || len(pad) != 0 && last {
				return false
			}
			for p := 0; p < len(v); p += 2 {
				if t := be16(v[p:]); t != 5 && t != 6 && t != 11 {
					return false
				}
			}
		case 0x8000, 0xc000:
			if len(v) != 0 {
				return false
			}
		default:
			if !sctpExtParamTreeable(typ, v, pad, chunk) {
				return false
			}
		}
		off = next
	}
	return true
}

// sctpPPIDName returns Wireshark's name of the payload protocol
// identifiers rawcap names ("" for the others).
func sctpPPIDName(p uint32) string {
	if p == 0 {
		return "not specified"
	}
	return sctpFields[sctpDataPPID].ValueNames().Name(uint64(p))
}

// sctpCut reports whether a chunk of s runs past the packet.
func sctpCut(s SCTP) bool {
	for off := 0; ; {
		c, next, ok := NextSCTPChunk(s.ChunkData(), off)
		if !ok {
			return false
		}
		if c.Cut {
			return true
		}
		off = next
	}
}

// infoSCTP appends Wireshark's Info column: each chunk's name, DATA with
// its relative TSN, SACK with its relative cumulative TSN and window. cut
// reports a chunk that runs past the packet, where tshark's dissection
// stopped with an exception after the chunk's name.
func infoSCTP(b []byte, d *Decoder, i int) (_ []byte, cut bool) {
	l := &d.layers[i]
	if l.Malformed != "" {
		return b, false
	}
	s := SCTP(d.data[l.Start:l.End])
	var bases sctpBases
	if r := d.sctpConv(); r != nil {
		bases = *r
	}
	for off := 0; ; {
		c, next, ok := NextSCTPChunk(s.ChunkData(), off)
		if !ok {
			break
		}
		off = next
		name := sctpChunkName(c.Type)
		if c.Type == 255 {
			name = "IETF_EXTENSION"
		}
		if name == "" {
			name = "RESERVED"
		}
		b = append(b, name...)
		switch {
		case (c.Type == 0 || c.Type == 64) && len(c.Value) >= 4:
			b = append(b, " (TSN="...)
			b = appendUint(b, uint64(be32(c.Value)-bases.out))
			b = append(b, ')')
			if bases.retxOf(c.Off) != nil {
				b = append(b, " (retransmission)"...)
			}
			if c.Cut {
				return append(b, ' '), true
			}
			if c.Flags&3 != 3 && !(bases.msg.done && bases.msg.off == c.Off) {
				b = append(b, " (Message Fragment)"...)
			}
		case c.Type == 3 && len(c.Value) >= 12:
			rel := be32(c.Value) - bases.in
			b = append(b, " (Ack="...)
			b = appendUint(b, uint64(rel))
			if ng := int(be16(c.Value[8:])); ng > 0 && 12+4*ng <= len(c.Value) {
				b = append(b, '+')
				b = appendUint(b, uint64(be16(c.Value[12+4*ng-2:])))
			}
			b = append(b, ", Arwnd="...)
			b = appendUint(b, uint64(be32(c.Value[4:])))
			b = append(b, ')')
		}
		b = append(b, ' ')
		if c.Cut {
			return b, true
		}
	}
	return b, false
}

// lineSCTP appends what tcpdump prints for an SCTP packet after the
// addresses: each chunk, numbered, with its fields.
func (p *LinePrinter) lineSCTP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	src, dst, _ := ipAddrs(d, i)
	psrc, pdst := portAddrs(d, i, src, dst)
	if l.Malformed != "" {
		return append(b, "[|sctp]"...)
	}
	s := SCTP(d.data[l.Start:l.End])
	b = appendPorts(b, psrc, pdst, s.SrcPort(), s.DstPort())
	b = append(b, "sctp"...)
	vv := p.Options.Verbose > 1
	chunks := s.ChunkData()
	for off, k := 0, 1; off < len(chunks); k++ {
		c, next, ok := NextSCTPChunk(chunks, off)
		if !ok || c.Cut || int(c.Length) < 4 {
			return append(b, " [|sctp]"...)
		}
		off = next
		if vv {
			b = append(b, "\n\t"...)
			b = appendUint(b, uint64(k))
			b = append(b, ") "...)
		} else {
			if k > 1 {
				b = append(b, ',')
			}
			b = append(b, " ("...)
			b = appendUint(b, uint64(k))
			b = append(b, ") "...)
		}
		v := c.Value
		switch c.Type {
		case 0:
			b = append(b, "[DATA] "...)
			if c.Flags&4 != 0 {
				b = append(b, "(U)"...)
			}
			if c.Flags&2 != 0 {
				b = append(b, "(B)"...)
			}
			if c.Flags&1 != 0 {
				b = append(b, "(E)"...)
			}
			if c.Flags&7 != 0 {
				b = append(b, ' ')
			}
			if len(v) < 12 {
				return append(b, "[|sctp]"...)
			}
			b = append(b, "[TSN: "...)
			b = appendUint(b, uint64(be32(v)))
			b = append(b, "] [SID: "...)
			b = appendUint(b, uint64(be16(v[4:])))
			b = append(b, "] [SSEQ "...)
			b = appendUint(b, uint64(be16(v[6:])))
			b = append(b, "] [PPID 0x"...)
			b = appendHexMin(b, uint64(be32(v[8:])))
			b = append(b, ']')
			if vv && len(v) > 12 {
				b = append(b, " [Payload:\n"...)
				b = appendHexDump(b, v[12:], true)
				b = b[:len(b)-1]
				b = append(b, ']')
				continue
			}
		case 1, 2:
			if c.Type == 1 {
				b = append(b, "[INIT] "...)
			} else {
				b = append(b, "[INIT ACK] "...)
			}
			if len(v) < 16 {
				return append(b, "[|sctp]"...)
			}
			b = append(b, "[init tag: "...)
			b = appendUint(b, uint64(be32(v)))
			b = append(b, "] [rwnd: "...)
			b = appendUint(b, uint64(be32(v[4:])))
			b = append(b, "] [OS: "...)
			b = appendUint(b, uint64(be16(v[8:])))
			b = append(b, "] [MIS: "...)
			b = appendUint(b, uint64(be16(v[10:])))
			b = append(b, "] [init TSN: "...)
			b = appendUint(b, uint64(be32(v[12:])))
			b = append(b, ']')
		case 3:
			b = append(b, "[SACK] "...)
			if len(v) < 12 {
				return append(b, "[|sctp]"...)
			}
			cum := be32(v)
			b = append(b, "[cum ack "...)
			b = appendUint(b, uint64(cum))
			b = append(b, "] [a_rwnd "...)
			b = appendUint(b, uint64(be32(v[4:])))
			ng, nd := int(be16(v[8:])), int(be16(v[10:]))
			b = append(b, "] [#gap acks "...)
			b = appendUint(b, uint64(ng))
			b = append(b, "] [#dup tsns "...)
			b = appendUint(b, uint64(nd))
			b = append(b, ']')
			q := 12
			for g := 1; g <= ng; g++ {
				if q+4 > len(v) {
					return append(b, "[|sctp]"...)
				}
				b = append(b, " \n\t\t[gap ack block #"...)
				b = appendUint(b, uint64(g))
				b = append(b, ": start = "...)
				b = appendUint(b, uint64(cum+uint32(be16(v[q:]))))
				b = append(b, ", end = "...)
				b = appendUint(b, uint64(cum+uint32(be16(v[q+2:]))))
				b = append(b, ']')
				q += 4
			}
			for g := 1; g <= nd; g++ {
				if q+4 > len(v) {
					return append(b, "[|sctp]"...)
				}
				b = append(b, " \n\t\t[dup TSN #"...)
				b = appendUint(b, uint64(g))
				b = append(b, ": "...)
				b = appendUint(b, uint64(be32(v[q:])))
				b = append(b, ']')
				q += 4
			}
		default:
			b = append(b, sctpTcpdumpName(c.Type)...)
			if sctpTcpdumpName(c.Type) == "" {
				b = append(b, "[Unknown chunk type: 0x"...)
				b = appendHexMin(b, uint64(c.Type))
				b = append(b, ']')
			}
		}
		b = append(b, ' ')
	}
	return b
}

// sctpTcpdumpName returns tcpdump's bracketed name of a chunk type without
// fields of its own ("" when it has none).
func sctpTcpdumpName(t uint8) string {
	switch t {
	case 4:
		return "[HB REQ]"
	case 5:
		return "[HB ACK]"
	case 6:
		return "[ABORT]"
	case 7:
		return "[SHUTDOWN]"
	case 8:
		return "[SHUTDOWN ACK]"
	case 9:
		return "[OP ERR]"
	case 10:
		return "[COOKIE ECHO]"
	case 11:
		return "[COOKIE ACK]"
	case 12:
		return "[ECN ECHO]"
	case 13:
		return "[ECN CWR]"
	case 14:
		return "[SHUTDOWN COMPLETE]"
	case 192:
		return "[FOR CUM TSN]"
	case 0xc1:
		return "[REL CTRL]"
	case 0xc2:
		return "[REL CTRL ACK]"
	}
	return ""
}

// appendSCTPSegment appends the start of a DATA or I-DATA chunk's title:
// " (ordered, first segment, TSN: 1, SID: 0", from the chunk's flags, its
// relative TSN and its stream id.
func appendSCTPSegment(b []byte, flags uint8, tsn uint32, sid uint16) []byte {
	b = append(b, " ("...)
	if flags&4 != 0 {
		b = append(b, "unordered, "...)
	} else {
		b = append(b, "ordered, "...)
	}
	b = append(b, [...]string{"middle", "last", "first", "complete"}[flags&3]...)
	b = append(b, " segment, TSN: "...)
	b = appendUint(b, uint64(tsn))
	b = append(b, ", SID: "...)
	return appendUint(b, uint64(sid))
}

// sctpWholeData returns the user data of chunk c when it is a whole DATA
// or I-DATA message tshark hands to its Data dissector (nil if not).
func sctpWholeData(c SCTPChunk, sp, dp uint16) []byte {
	hdr := 12
	if c.Type == 64 {
		hdr = 16
	} else if c.Type != 0 {
		return nil
	}
	if c.Cut || len(c.Value) <= hdr || c.Flags&3 != 3 || be32(c.Value[hdr-4:]) != 0 || sctpDataPort(sp) || sctpDataPort(dp) {
		return nil
	}
	return c.Value[hdr:]
}
