package decode

import (
	"strconv"
)

// DCCP is a Datagram Congestion Control Protocol header (RFC 4340), IP
// protocol 33, as far as it was captured:
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|          Source Port          |           Dest Port           |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|  Data Offset  | CCVal | CsCov |           Checksum            |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	| Res | Type  |1|   Reserved    |  Sequence Number (high bits)  .
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	.                  Sequence Number (low bits)                   |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// With X clear the sequence number is the 24 bits after the type byte.
// Every type but Request and Data then carries an acknowledgement number
// (16 reserved bits and 48 bits, or 8 and 24), Request and Response a
// service code, Reset a code and three data bytes; options fill the rest
// of the Data Offset's words.
type DCCP []byte

const (
	dccpMinLen = 12
	dccpSeqMax = 1<<48 - 1
)

// The packet types.
const (
	dccpRequest = iota
	dccpResponse
	dccpData
	dccpAck
	dccpDataAck
	dccpCloseReq
	dccpClose
	dccpReset
	dccpSync
	dccpSyncAck
)

// HdrLen returns the header's length in bytes, from the Data Offset.
func (h DCCP) HdrLen() int { return int(h[4]) * 4 }

// Type returns the packet type (4 bits).
func (h DCCP) Type() uint8 { return h[8] >> 1 & 0xf }

// Extended reports whether the sequence numbers are 48 bits long (X).
func (h DCCP) Extended() bool { return h[8]&1 != 0 }

// dccpHasAck reports whether packets of type t carry an acknowledgement.
func dccpHasAck(t uint8) bool { return t != dccpRequest && t != dccpData && t <= dccpSyncAck }

// seqEnd is where the sequence number ends (16 or 12).
func (h DCCP) seqEnd() int {
	if h.Extended() {
		return 16
	}
	return 12
}

// Seq returns the sequence number; the header must hold it.
func (h DCCP) Seq() uint64 {
	if h.Extended() {
		return uint64(be16(h[10:]))<<32 | uint64(be32(h[12:]))
	}
	return uint64(be32(h[8:]) & 0xffffff)
}

// ackEnd is where the acknowledgement number ends.
func (h DCCP) ackEnd() int {
	if h.Extended() {
		return 24
	}
	return 16
}

// Ack returns the acknowledgement number; the header must hold it.
func (h DCCP) Ack() uint64 {
	if h.Extended() {
		return uint64(be16(h[18:]))<<32 | uint64(be32(h[20:]))
	}
	return uint64(be32(h[12:]) & 0xffffff)
}

// fixedLen returns the length of the header before the options.
func (h DCCP) fixedLen() int {
	n := h.seqEnd()
	t := h.Type()
	if dccpHasAck(t) {
		n = h.ackEnd()
	}
	switch t {
	case dccpRequest, dccpResponse, dccpReset:
		n += 4
	}
	return n
}

func (d *Decoder) decodeDCCP(l *Layer) LayerType {
	b := d.bytes(l)
	if len(b) < dccpMinLen {
		l.Malformed = ReasonTruncated
		return LayerNone
	}
	h := DCCP(b)
	n := h.HdrLen()
	if n < h.fixedLen() {
		l.Malformed = ReasonBadHdrLen
		return LayerNone
	}
	if n > len(b) {
		l.Malformed = ReasonTruncated
		return LayerNone
	}
	l.Payload = l.Start + n
	return LayerNone
}

// The fields, as Wireshark registers them.
const (
	dccpSrcport = iota
	dccpDstport
	dccpPort
	dccpStream
	dccpDataOffset
	dccpCCVal
	dccpCsCov
	dccpChecksum
	dccpChecksumStatus
	dccpRes1
	dccpType
	dccpX
	dccpRes2
	dccpSeq
	dccpSeqRaw
	dccpAckRes
	dccpAckField
	dccpAckRaw
	dccpServiceCode
	dccpResetCode
	dccpData1
	dccpData2
	dccpData3
	dccpOptions
	dccpOptionType
	dccpFeatureNumber
	dccpNDPCount
	dccpTimestamp
	dccpTimestampEcho
	dccpElapsedTime
	dccpChecksumData
	dccpPadding
	dccpMandatory
	dccpSlowReceiver
	dccpInitCookie
	dccpAckVector0
	dccpAckVector1
	dccpDataDropped
	dccpCCID3LossEventRate
	dccpCCID3ReceiveRate
	dccpOptionReserved
	dccpCCID3LossIntervals
	dccpFieldCount
)

var dccpFields = [dccpFieldCount]Field{
	dccpSrcport:            {Name: "dccp.srcport", Label: "Source Port", Kind: KindUint, Width: 16},
	dccpDstport:            {Name: "dccp.dstport", Label: "Destination Port", Kind: KindUint, Width: 16},
	dccpPort:               {Name: "dccp.port", Label: "Source or Destination Port", Kind: KindUint, Width: 16},
	dccpStream:             {Name: "dccp.stream", Label: "Stream index", Kind: KindUint, Width: 32, Generated: true},
	dccpDataOffset:         {Name: "dccp.data_offset", Label: "Data Offset", Kind: KindUint, Width: 8},
	dccpCCVal:              {Name: "dccp.ccval", Label: "CCVal", Kind: KindUint, Width: 8},
	dccpCsCov:              {Name: "dccp.cscov", Label: "Checksum Coverage", Kind: KindUint, Width: 8},
	dccpChecksum:           {Name: "dccp.checksum", Label: "Checksum", Kind: KindUint, Width: 16, Base: BaseHex},
	dccpChecksumStatus:     {Name: "dccp.checksum.status", Label: "Checksum Status", Kind: KindUint, Width: 8, Base: BaseNone, Generated: true},
	dccpRes1:               {Name: "dccp.res1", Label: "Reserved", Kind: KindUint, Width: 8, Base: BaseHex},
	dccpType:               {Name: "dccp.type", Label: "Type", Kind: KindUint, Width: 8},
	dccpX:                  {Name: "dccp.x", Label: "Extended Sequence Numbers", Kind: KindBool},
	dccpRes2:               {Name: "dccp.res2", Label: "Reserved", Kind: KindUint, Width: 8, Base: BaseHex},
	dccpSeq:                {Name: "dccp.seq", Label: "Sequence Number", Kind: KindUint, Width: 64},
	dccpSeqRaw:             {Name: "dccp.seq_raw", Label: "Sequence Number (raw)", Kind: KindUint, Width: 64},
	dccpAckRes:             {Name: "dccp.ack_res", Label: "Reserved", Kind: KindUint, Width: 16, Base: BaseHex},
	dccpAckField:           {Name: "dccp.ack", Label: "Acknowledgement Number", Kind: KindUint, Width: 64},
	dccpAckRaw:             {Name: "dccp.ack_raw", Label: "Acknowledgement Number (raw)", Kind: KindUint, Width: 64},
	dccpServiceCode:        {Name: "dccp.service_code", Label: "Service Code", Kind: KindUint, Width: 32},
	dccpResetCode:          {Name: "dccp.reset_code", Label: "Reset Code", Kind: KindUint, Width: 8},
	dccpData1:              {Name: "dccp.data1", Label: "Data 1", Kind: KindUint, Width: 8},
	dccpData2:              {Name: "dccp.data2", Label: "Data 2", Kind: KindUint, Width: 8},
	dccpData3:              {Name: "dccp.data3", Label: "Data 3", Kind: KindUint, Width: 8},
	dccpOptions:            {Name: "dccp.options", Label: "Options", Kind: KindNone},
	dccpOptionType:         {Name: "dccp.option_type", Label: "Option Type", Kind: KindUint, Width: 8},
	dccpFeatureNumber:      {Name: "dccp.feature_number", Label: "Feature Number", Kind: KindUint, Width: 8},
	dccpNDPCount:           {Name: "dccp.ndp_count", Label: "NDP Count", Kind: KindUint, Width: 64},
	dccpTimestamp:          {Name: "dccp.timestamp", Label: "Timestamp", Kind: KindUint, Width: 32},
	dccpTimestampEcho:      {Name: "dccp.timestamp_echo", Label: "Timestamp Echo", Kind: KindUint, Width: 32},
	dccpElapsedTime:        {Name: "dccp.elapsed_time", Label: "Elapsed Time", Kind: KindUint, Width: 32},
	dccpChecksumData:       {Name: "dccp.checksum_data", Label: "Data Checksum", Kind: KindUint, Width: 32, Base: BaseHex},
	dccpPadding:            {Name: "dccp.padding", Label: "Padding", Kind: KindBytes},
	dccpMandatory:          {Name: "dccp.mandatory", Label: "Mandatory", Kind: KindBytes},
	dccpSlowReceiver:       {Name: "dccp.slow_receiver", Label: "Slow Receiver", Kind: KindBytes},
	dccpInitCookie:         {Name: "dccp.init_cookie", Label: "Init Cookie", Kind: KindBytes},
	dccpAckVector0:         {Name: "dccp.ack_vector.nonce_0", Label: "Ack Vector [Nonce 0]", Kind: KindBytes},
	dccpAckVector1:         {Name: "dccp.ack_vector.nonce_1", Label: "Ack Vector [Nonce 1]", Kind: KindBytes},
	dccpDataDropped:        {Name: "dccp.data_dropped", Label: "Data Dropped", Kind: KindBytes},
	dccpCCID3LossEventRate: {Name: "dccp.ccid3_loss_event_rate", Label: "CCID3 Loss Event Rate", Kind: KindUint, Width: 32},
	dccpCCID3ReceiveRate:   {Name: "dccp.ccid3_receive_rate", Label: "CCID3 Receive Rate", Kind: KindUint, Width: 32, Unit: " bytes/sec"},
	dccpOptionReserved:     {Name: "dccp.option_reserved", Label: "Reserved", Kind: KindBytes},
	dccpCCID3LossIntervals: {Name: "dccp.ccid3_loss_intervals", Label: "CCID3 Loss Intervals", Kind: KindBytes},
}

var protoDCCP = protoField("dccp", "Datagram Congestion Control Protocol")

// dccpTypeNames are tshark's names of the packet types (the column's and
// the tree's).
var dccpTypeNames = [16]string{"Request", "Response", "Data", "Ack", "DataAck", "CloseReq", "Close", "Reset",
	"Sync", "SyncAck", "Listen", "Reserved", "Reserved", "Reserved", "Reserved", "Reserved"}

// dccpFeatureNames are tshark's names of features 1 to 9.
var dccpFeatureNames = [9]string{"Congestion Control ID (CCID)", "Allow Short Seqnums", "Sequence Window",
	"ECN Incapable", "Ack Ratio", "Send Ack Vector", "Send NDP Count", "Minimum Checksum Coverage",
	"Check Data Checksum"}

// dccpOptionName returns tshark's name of an option type.
func dccpOptionName(t uint8) string {
	switch {
	case t == 0:
		return "Padding"
	case t == 1:
		return "Mandatory"
	case t == 2:
		return "Slow Receiver"
	case t < 32:
		return "Reserved"
	case t <= 44:
		return [...]string{"Change L", "Confirm L", "Change R", "Confirm R", "Init Cookie", "NDP Count",
			"Ack Vector [Nonce 0]", "Ack Vector [Nonce 1]", "Data Dropped", "Timestamp", "Timestamp Echo",
			"Elapsed Time", "Data checksum"}[t-32]
	case t < 128:
		return "Reserved"
	case t == 192:
		return "CCID3 Loss Event Rate"
	case t == 193:
		return "CCID3 Loss Intervals"
	case t == 194:
		return "CCID3 Receive Rate"
	}
	return "CCID option"
}

// dccpNote is what the tracker found for a packet's DCCP layer: its
// stream and the bases of its relative sequence and acknowledgement
// numbers, where tshark knew them before the packet (a Request or a
// Response gives its direction's).
type dccpNote struct {
	at               int // the layer's index + 1 (0: none, as in a zero convResults)
	stream           uint32
	seqRel, ackRel   bool
	seqBase, ackBase uint64
}

func (r *dccpNote) clear() { r.at = 0 }

// maxDCCPConvs bounds the DCCP conversations the tracker remembers, in a
// direct-mapped table (about 100 kB, allocated at the first DCCP packet); a
// conversation that finds its slot taken replaces the one there, and
// starts a new stream index, where tshark, which forgets nothing, would go
// on with the old one.
const maxDCCPConvs = 1024

type dccpConv struct {
	key    convKey // the ends, as the tracker keys TCP and UDP conversations
	used   bool
	stream uint32
	known  [2]bool // a direction's initial sequence number is known
	isn    [2]uint64
}

type dccpState struct {
	convs [maxDCCPConvs]dccpConv
	next  uint32
}

// dccpFrame tracks the first DCCP layer of the packet d last decoded.
func (t *tracker) dccpFrame(d *Decoder) {
	r := &t.res.dccp
	r.clear()
	for i := range d.layers[:d.n] {
		l := &d.layers[i]
		if l.Type != LayerDCCP || l.Quoted {
			continue
		}
		h := DCCP(d.data[l.Start:l.End])
		if len(h) < 4 {
			return
		}
		k, rev := keyOf(d, i, be16(h), be16(h[2:]))
		dir := 0
		if rev {
			dir = 1
		}
		if t.dccp == nil {
			t.dccp = new(dccpState)
		}
		c := &t.dccp.convs[k.hash()%maxDCCPConvs]
		if !c.used || c.key != k {
			*c = dccpConv{key: k, used: true, stream: t.dccp.next}
			t.dccp.next++
		}
		r.at, r.stream = i+1, c.stream
		if len(h) < 16 || !h.Extended() {
			return
		}
		r.seqRel, r.seqBase = c.known[dir], c.isn[dir]
		r.ackRel, r.ackBase = c.known[1-dir], c.isn[1-dir]
		if typ := h.Type(); (typ == dccpRequest || typ == dccpResponse) && !c.known[dir] {
			c.known[dir], c.isn[dir] = true, h.Seq()
		}
		return
	}
}

// dccpIPProto is DCCP's IP protocol number.
const dccpIPProto = 33

// dccpNoteOf returns the tracker's note for DCCP layer i, or nil.
func (r *convResults) dccpNoteOf(i int) *dccpNote {
	if r == nil || r.dccp.at != i+1 {
		return nil
	}
	return &r.dccp
}

// dccpCheck returns whether the checksum of DCCP layer i can be verified
// (the segment captured whole, not an IP fragment) and the sum over what
// its coverage takes.
func dccpCheck(d *Decoder, i int) (sum uint16, ok bool) {
	l := &d.layers[i]
	h := DCCP(d.data[l.Start:l.End])
	rep := pimReported(d, i, l)
	if len(h) < dccpMinLen || rep != len(h) || pimFragmented(d, i) {
		return 0, false
	}
	cov := len(h)
	if cs := int(h[5] & 0xf); cs > 0 {
		cov = min(cov, h.HdrLen()+(cs-1)*4)
	}
	src, dst, _ := ipAddrs(d, i)
	return pseudoChecksum(src, dst, dccpIPProto, len(h), h[:cov]), true
}

// emitDCCP emits the header's fields in tshark's order, as far as they
// were captured, with the stream index and relative numbers the tracker
// found, and the options.
func emitDCCP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	h := DCCP(d.data[l.Start:l.End])
	f := &dccpFields
	e.Proto(&protoDCCP)
	if len(h) < 4 {
		e.End()
		e.TreeException("DCCP")
		return
	}
	note := e.conv.dccpNoteOf(i)
	sp, dp := be16(h), be16(h[2:])
	if e.Tree() {
		b := append(e.Text(), "Datagram Congestion Control Protocol, Src Port: "...)
		b = appendUint(b, uint64(sp))
		b = append(b, ", Dst Port: "...)
		b = appendUint(b, uint64(dp))
		if len(h) >= 9 {
			b = append(b, " ["...)
			b = append(b, dccpTypeNames[h.Type()]...)
			b = append(b, ']')
			if len(h) >= h.seqEnd() {
				b = append(b, " Seq="...)
				b = appendUint(b, dccpShown(h.Seq(), h.Extended() && note != nil && note.seqRel, note))
			}
		}
		e.SetRepr(b)
	}
	e.Uint(&f[dccpSrcport], uint64(sp))
	e.Uint(&f[dccpPort], uint64(sp))
	e.NoTree()
	e.Uint(&f[dccpDstport], uint64(dp))
	e.Uint(&f[dccpPort], uint64(dp))
	e.NoTree()
	if note != nil {
		e.Uint(&f[dccpStream], uint64(note.stream))
	}
	if len(h) < 8 {
		dccpCut(e)
		return
	}
	e.Uint(&f[dccpDataOffset], uint64(h[4]))
	e.Uint(&f[dccpCCVal], uint64(h[5]>>4))
	e.Uint(&f[dccpCsCov], uint64(h[5]&0xf))
	ck := be16(h[6:])
	e.Uint(&f[dccpChecksum], uint64(ck))
	sum, ok := dccpCheck(d, i)
	st := 2
	if ok {
		st = 1
		if sum != 0 {
			st = 0
		}
	}
	e.ChecksumRepr(ck, st, sum, "Error")
	e.Uint(&f[dccpChecksumStatus], uint64(st))
	if len(h) < 9 {
		dccpCut(e)
		return
	}
	typ := h.Type()
	e.Uint(&f[dccpRes1], uint64(h[8]>>5))
	e.NoTree()
	e.Uint(&f[dccpType], uint64(typ))
	if e.Tree() {
		b := append(e.Text(), "Type: "...)
		b = append(b, dccpTypeNames[typ]...)
		b = append(b, " ("...)
		e.SetRepr(append(appendUint(b, uint64(typ)), ')'))
	}
	e.Bool(&f[dccpX], h.Extended())
	if e.Tree() {
		b := append(e.Text(), "Extended Sequence Numbers: "...)
		if h.Extended() {
			e.SetRepr(append(b, "True"...))
		} else {
			e.SetRepr(append(b, "False"...))
		}
	}
	if h.Extended() {
		if len(h) < 10 {
			dccpCut(e)
			return
		}
		e.Uint(&f[dccpRes2], uint64(h[9]))
		e.NoTree()
	}
	if len(h) < h.seqEnd() {
		dccpCut(e)
		return
	}
	if !h.Extended() {
		e.Uint(&f[dccpSeq], h.Seq())
	} else {
		if note != nil && note.seqRel {
			e.Uint(&f[dccpSeq], (h.Seq()-note.seqBase)&dccpSeqMax)
			if e.Tree() {
				b := appendUint(append(e.Text(), "Sequence Number: "...), (h.Seq()-note.seqBase)&dccpSeqMax)
				e.SetRepr(append(b, "    (relative sequence number)"...))
			}
		}
		e.Uint(&f[dccpSeqRaw], h.Seq())
	}
	if typ > dccpSyncAck {
		e.ExpertLine("Warning", "Protocol", "Reserved packet type: unable to dissect further", nil)
		e.End()
		return
	}
	if dccpHasAck(typ) {
		end, resEnd := h.ackEnd(), h.seqEnd()+1
		if h.Extended() {
			resEnd++
		}
		if len(h) < resEnd {
			dccpCut(e)
			return
		}
		if h.Extended() {
			e.Uint(&f[dccpAckRes], uint64(be16(h[16:])))
		} else {
			e.Uint(&f[dccpAckRes], uint64(h[12]))
		}
		e.NoTree()
		if len(h) < end {
			dccpCut(e)
			return
		}
		ack := h.Ack()
		if h.Extended() && note != nil && note.ackRel {
			rel := (ack - note.ackBase) & dccpSeqMax
			e.Uint(&f[dccpAckField], rel)
			if e.Tree() && typ != dccpResponse {
				b := appendUint(append(e.Text(), "Acknowledgement Number: "...), rel)
				e.SetRepr(append(b, "    (relative acknowledgement number)"...))
			}
		}
		e.Uint(&f[dccpAckRaw], ack)
	}
	off := h.seqEnd()
	if dccpHasAck(typ) {
		off = h.ackEnd()
	}
	switch typ {
	case dccpRequest, dccpResponse:
		if len(h) < off+4 {
			dccpCut(e)
			return
		}
		e.Uint(&f[dccpServiceCode], uint64(be32(h[off:])))
		if e.Tree() {
			v := be32(h[off:])
			b := append(e.Text(), "Service Code: "...)
			if n := f[dccpServiceCode].ValueNames().Name(uint64(v)); n != "" {
				b = append(b, n...)
			} else {
				b = append(b, "Unknown"...)
			}
			b = append(b, " ("...)
			e.SetRepr(append(appendUint(b, uint64(v)), ')'))
		}
		off += 4
	case dccpReset:
		if len(h) < off+4 {
			dccpCut(e)
			return
		}
		e.Uint(&f[dccpResetCode], uint64(h[off]))
		e.Uint(&f[dccpData1], uint64(h[off+1]))
		e.Uint(&f[dccpData2], uint64(h[off+2]))
		e.Uint(&f[dccpData3], uint64(h[off+3]))
		off += 4
	}
	if l.Malformed != "" {
		e.End()
		e.TreeException("DCCP")
		return
	}
	if n := h.HdrLen(); n > off {
		e.None(&f[dccpOptions])
		if e.Tree() {
			b := append(e.Text(), "Options: ("...)
			b = appendUint(b, uint64(n-off))
			e.SetRepr(append(b, " bytes)"...))
		}
		e.Sub()
		emitDCCPOptions(e, h[off:n])
		e.Up()
	}
	e.End()
}

// dccpShown returns the sequence number as tshark's title shows it.
func dccpShown(v uint64, rel bool, note *dccpNote) uint64 {
	if rel {
		return (v - note.seqBase) & dccpSeqMax
	}
	return v
}

// dccpCut ends a header cut short: tshark's exception after the fields
// captured.
func dccpCut(e *emitter) {
	e.End()
	e.TreeException("DCCP")
}

// emitDCCPOptions emits the options in opts, each an option type item
// with its value beneath it.
func emitDCCPOptions(e *emitter, opts []byte) {
	f := &dccpFields
	for k := 0; k < len(opts); {
		t := opts[k]
		n := 1
		if t >= 32 {
			if k+1 >= len(opts) || int(opts[k+1]) < 2 || k+int(opts[k+1]) > len(opts) {
				return
			}
			n = int(opts[k+1])
		}
		o := opts[k : k+n]
		k += n
		e.Uint(&f[dccpOptionType], uint64(t))
		if e.Tree() {
			b := append(e.Text(), "Option Type: "...)
			b = append(b, dccpOptionName(t)...)
			b = append(b, " ("...)
			e.SetRepr(append(appendUint(b, uint64(t)), ')'))
		}
		e.Sub()
		v := o[min(2, len(o)):]
		switch {
		case t == 0:
			e.Bytes(&f[dccpPadding], o)
		case t == 1:
			e.Bytes(&f[dccpMandatory], o)
		case t == 2:
			e.Bytes(&f[dccpSlowReceiver], o)
		case t < 32:
			e.Bytes(&f[dccpOptionReserved], o)
		case t <= 35:
			if len(v) > 0 {
				if e.Tree() {
					b := append(e.Text(), "Reserved("...)
					if v[0] >= 1 && v[0] <= 9 {
						for j, x := range v[1:] {
							if j > 0 {
								b = append(b, ',')
							}
							b = append(b, ' ')
							b = appendUint(b, uint64(x))
						}
					} else {
						b = appendUint(b, uint64(v[0]))
					}
					e.Line(append(b, ')'))
				}
				e.Sub()
				e.Uint(&f[dccpFeatureNumber], uint64(v[0]))
				if e.Tree() {
					b := append(e.Text(), "Feature Number: "...)
					if v[0] >= 1 && v[0] <= 9 {
						b = append(b, dccpFeatureNames[v[0]-1]...)
					} else {
						b = append(b, "Reserved"...)
					}
					b = append(b, " ("...)
					e.SetRepr(append(appendUint(b, uint64(v[0])), ')'))
				}
				e.Up()
			}
		case t == 36:
			e.Bytes(&f[dccpInitCookie], v)
		case t == 37:
			if len(v) <= 6 {
				e.Uint(&f[dccpNDPCount], beN(v))
			}
		case t == 38:
			e.Bytes(&f[dccpAckVector0], v)
		case t == 39:
			e.Bytes(&f[dccpAckVector1], v)
		case t == 40:
			e.Bytes(&f[dccpDataDropped], v)
		case t == 41:
			if len(v) == 4 {
				e.Uint(&f[dccpTimestamp], uint64(be32(v)))
			}
		case t == 42:
			if len(v) == 4 || len(v) == 6 || len(v) == 8 {
				e.Uint(&f[dccpTimestampEcho], uint64(be32(v)))
				if len(v) > 4 {
					e.Uint(&f[dccpElapsedTime], beN(v[4:]))
				}
			}
		case t == 43:
			if len(v) == 2 || len(v) == 4 {
				e.Uint(&f[dccpElapsedTime], beN(v))
			}
		case t == 44:
			if len(v) == 4 {
				e.Uint(&f[dccpChecksumData], uint64(be32(v)))
			}
		case t < 128:
			e.Bytes(&f[dccpOptionReserved], v)
		case t == 192:
			if len(v) == 4 {
				e.Uint(&f[dccpCCID3LossEventRate], uint64(be32(v)))
			}
		case t == 193:
			// tshark draws the intervals beside the option, not in it.
			e.Up()
			e.Bytes(&f[dccpCCID3LossIntervals], v)
			e.Sub()
		case t == 194:
			if len(v) == 4 {
				e.Uint(&f[dccpCCID3ReceiveRate], uint64(be32(v)))
			}
		default:
			if e.Tree() {
				e.Line(appendUint(append(e.Text(), "CCID option "...), uint64(t)))
			}
		}
		e.Up()
	}
}

// beN returns the big-endian integer of up to 8 bytes b.
func beN(b []byte) uint64 {
	var v uint64
	for _, x := range b {
		v = v<<8 | uint64(x)
	}
	return v
}

// appendDCCPInfo appends the packet list's Info of DCCP layer i: the
// ports, the type, the sequence and acknowledgement numbers (relative
// where the tracker knew their bases), the service or reset code.
func appendDCCPInfo(b []byte, d *Decoder, i int, conv *convResults) []byte {
	l := &d.layers[i]
	h := DCCP(d.data[l.Start:l.End])
	if len(h) < 4 {
		return b
	}
	b = colPorts(b, be16(h), be16(h[2:]))
	if len(h) < 9 {
		return b
	}
	note := conv.dccpNoteOf(i)
	typ := h.Type()
	b = append(b, " ["...)
	b = append(b, dccpTypeNames[typ]...)
	b = append(b, ']')
	if len(h) < h.seqEnd() {
		return b
	}
	b = append(b, " Seq="...)
	b = appendUint(b, dccpShown(h.Seq(), h.Extended() && note != nil && note.seqRel, note))
	off := h.seqEnd()
	if dccpHasAck(typ) {
		if len(h) < h.ackEnd() {
			return b
		}
		ack := h.Ack()
		if h.Extended() && note != nil && note.ackRel {
			ack = (ack - note.ackBase) & dccpSeqMax
		}
		b = append(b, " (Ack="...)
		b = append(appendUint(b, ack), ')')
		off = h.ackEnd()
	}
	switch typ {
	case dccpRequest, dccpResponse:
		if len(h) < off+4 {
			return b
		}
		v := uint64(be32(h[off:]))
		b = append(b, " (service="...)
		if n := dccpFields[dccpServiceCode].ValueNames().Name(v); n != "" {
			b = append(b, n...)
		} else {
			b = append(appendUint(append(b, "Unknown ("...), v), ')')
		}
		b = append(b, ')')
	case dccpReset:
		if len(h) < off+4 {
			return b
		}
		v := uint64(h[off])
		b = append(b, " (code="...)
		if n := dccpFields[dccpResetCode].ValueNames().Name(v); n != "" {
			b = append(b, n...)
		} else {
			b = append(appendUint(append(b, "Unknown ("...), v), ')')
		}
		b = append(b, ')')
	}
	return b
}

// tcpdump's names of the feature numbers and reset codes.
var (
	dccpTcpdumpFeatures = [10]string{"reserved", "ccid", "allow_short_seqno", "sequence_window", "ecn_incapable",
		"ack_ratio", "send_ack_vector", "send_ndp_count", "minimum checksum coverage", "check data checksum"}
	dccpTcpdumpResets = [12]string{"unspecified", "closed", "aborted", "no_connection", "packet_error",
		"option_error", "mandatory_error", "connection_refused", "bad_service_code", "too_busy",
		"bad_init_cookie", "aggression_penalty"}
	dccpTcpdumpTypes = [10]string{"DCCP-Request", "DCCP-Response", "DCCP-Data", "DCCP-Ack", "DCCP-DataAck",
		"DCCP-CloseReq", "DCCP-Close", "DCCP-Reset", "DCCP-Sync", "DCCP-SyncAck"}
)

// lineDCCP appends what tcpdump prints for a DCCP header: the ports, then
// (-q) the payload's length, or the checksum (-v), the type with its
// service or reset code and acknowledgement, and (-vv) the sequence
// number and the options.
func (p *LinePrinter) lineDCCP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	h := DCCP(d.data[l.Start:l.End])
	if len(h) < dccpMinLen {
		return append(b, " [|dccp]"...)
	}
	src, dst, _ := ipAddrs(d, i)
	psrc, pdst := portAddrs(d, i, src, dst)
	b = appendPorts(b, psrc, pdst, be16(h), be16(h[2:]))
	total := ipPayloadLen(d, i)
	hlen := h.HdrLen()
	if hlen > total {
		b = append(b, "DCCP [bad hdr length "...)
		b = appendUint(b, uint64(hlen))
		b = append(b, " - too long, > "...)
		b = appendUint(b, uint64(total))
		return append(b, ']')
	}
	if p.Options.Quiet {
		b = append(b, "DCCP "...)
		return appendUint(b, uint64(total-hlen))
	}
	b = append(b, "DCCP"...)
	if p.Options.Verbose > 0 {
		b = append(b, " (CCVal "...)
		b = appendUint(b, uint64(h[5]>>4))
		b = append(b, ", CsCov "...)
		b = appendUint(b, uint64(h[5]&0xf))
		if sum, ok := dccpCheck(d, i); ok {
			b = append(b, ", cksum 0x"...)
			b = appendHex4(b, be16(h[6:]))
			if sum == 0 {
				b = append(b, " (correct)"...)
			} else {
				b = append(b, " (incorrect -> 0x"...)
				b = append(appendHex4(b, shouldBe(be16(h[6:]), sum)), ')')
			}
		}
		b = append(b, ')')
	}
	b = append(b, ' ')
	typ := h.Type()
	if len(h) < h.seqEnd() {
		return append(b, " [|dccp]"...)
	}
	fixed := h.seqEnd()
	if typ != dccpRequest && typ != dccpData {
		fixed += 8 // tcpdump's acknowledgement header is always 8 bytes
	}
	switch typ {
	case dccpRequest, dccpResponse, dccpReset:
		fixed += 4
	}
	if fixed > total {
		b = append(b, "truncated-"...)
		if int(typ) < len(dccpTcpdumpTypes) {
			b = append(b, dccpTcpdumpTypes[typ]...)
		} else {
			b = append(b, "unknown-type"...)
		}
		b = append(b, " - "...)
		b = appendUint(b, uint64(fixed-total))
		return append(b, " bytes missing!"...)
	}
	if int(typ) < len(dccpTcpdumpTypes) {
		b = append(b, dccpTcpdumpTypes[typ]...)
	} else {
		b = append(append(b, "unknown-type-"...), strconv.Itoa(int(typ))...)
	}
	b = append(b, ' ')
	off := h.seqEnd()
	if typ != dccpRequest && typ != dccpData {
		off = h.ackEnd()
	}
	switch typ {
	case dccpRequest, dccpResponse:
		if len(h) < off+4 {
			return append(b, " [|dccp]"...)
		}
		b = append(b, "(service="...)
		b = append(appendUint(b, uint64(be32(h[off:]))), ") "...)
	case dccpReset:
		if len(h) < off+4 {
			return append(b, " [|dccp]"...)
		}
		b = append(b, "(code="...)
		if c := h[off]; int(c) < len(dccpTcpdumpResets) {
			b = append(b, dccpTcpdumpResets[c]...)
		} else {
			b = append(b, "invalid"...)
		}
		b = append(b, ") "...)
	}
	if typ != dccpRequest && typ != dccpData {
		if len(h) < h.ackEnd() {
			return append(b, " [|dccp]"...)
		}
		b = append(b, "(ack="...)
		b = append(appendUint(b, h.Ack()), ") "...)
	}
	if p.Options.Verbose < 2 {
		return b
	}
	b = append(b, "seq "...)
	b = appendUint(b, h.Seq())
	switch typ {
	case dccpRequest, dccpResponse, dccpReset:
		off += 4
	}
	if hlen > off {
		if hlen > len(h) {
			// The options run past the capture.
			return append(p.lineDCCPOptions(b, h[min(off, len(h)):]), " [|dccp]"...)
		}
		return p.lineDCCPOptions(b, h[off:hlen])
	}
	return b
}

// lineDCCPOptions appends tcpdump's " <opt, opt>".
func (p *LinePrinter) lineDCCPOptions(b []byte, opts []byte) []byte {
	b = append(b, " <"...)
	for k := 0; k < len(opts); {
		if k > 0 {
			b = append(b, ", "...)
		}
		t := opts[k]
		n := 1
		if t >= 32 {
			if k+1 >= len(opts) || int(opts[k+1]) < 2 || k+int(opts[k+1]) > len(opts) {
				return append(b, " [|dccp]"...)
			}
			n = int(opts[k+1])
		}
		o := opts[k : k+n]
		k += n
		v := o[min(2, len(o)):]
		switch {
		case t == 0:
			b = append(b, "nop"...)
		case t == 1:
			b = append(b, "mandatory"...)
		case t == 2:
			b = append(b, "slowreceiver"...)
		case t >= 32 && t <= 35:
			b = append(b, [4]string{"change_l", "confirm_l", "change_r", "confirm_r"}[t-32]...)
			if len(v) > 0 && int(v[0]) < len(dccpTcpdumpFeatures) {
				b = append(append(b, ' '), dccpTcpdumpFeatures[v[0]]...)
				for _, x := range v[1:] {
					b = appendUint(append(b, ' '), uint64(x))
				}
			}
		case t == 36:
			b = append(b, "initcookie 0x"...)
			b = appendHexBytes(b, v)
		case t == 37:
			b = append(b, "ndp_count"...)
			for _, x := range v {
				b = appendUint(append(b, ' '), uint64(x))
			}
		case t == 38 || t == 39 || t == 40:
			b = append(b, [3]string{"ack_vector0", "ack_vector1", "data_dropped"}[t-38]...)
			b = appendHexBytes(append(b, " 0x"...), v)
		case t == 41:
			b = append(b, "timestamp"...)
			if len(v) == 4 {
				b = appendUint(append(b, ' '), uint64(be32(v)))
			}
		case t == 42:
			b = append(b, "timestamp_echo"...)
			if len(v) >= 4 {
				b = appendUint(append(b, ' '), uint64(be32(v)))
				if len(v) == 6 || len(v) == 8 {
					b = append(b, " (elapsed time "...)
					b = append(appendUint(b, beN(v[4:])), ')')
				}
			}
		case t == 43:
			b = append(b, "elapsed_time"...)
			if len(v) == 2 || len(v) == 4 {
				b = appendUint(append(b, ' '), beN(v))
			}
		case t == 44:
			b = append(b, "data_checksum "...)
			b = appendHexBytes(b, v)
		case t >= 128:
			b = append(b, "CCID option "...)
			b = appendUint(b, uint64(t))
			if len(v) == 2 || len(v) == 4 {
				b = appendUint(append(b, ' '), beN(v))
			}
		default:
			b = append(b, "Option "...)
			b = appendUint(b, uint64(t))
		}
	}
	return append(b, '>')
}
