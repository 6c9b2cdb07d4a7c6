package decode

// UDP is a UDP header (RFC 768): source port, destination port, length and
// checksum, 2 bytes each.
type UDP []byte

const udpLen = 8

// ParseUDP returns the UDP header at the start of b.
func ParseUDP(b []byte) (UDP, error) {
	if len(b) < udpLen {
		return nil, ReasonTruncated
	}
	return UDP(b[:udpLen:udpLen]), nil
}

// SrcPort returns the source port.
func (u UDP) SrcPort() uint16 { return be16(u[0:]) }

// DstPort returns the destination port.
func (u UDP) DstPort() uint16 { return be16(u[2:]) }

// Length returns the length field (header and data).
func (u UDP) Length() uint16 { return be16(u[4:]) }

// Checksum returns the checksum field.
func (u UDP) Checksum() uint16 { return be16(u[6:]) }

func (d *Decoder) decodeUDP(l *Layer) LayerType {
	u, err := ParseUDP(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + udpLen
	n := int(u.Length())
	if n < udpLen && !l.Quoted {
		l.Malformed = ReasonBadLength
		return LayerNone
	}
	if n >= udpLen && l.Start+n < l.End {
		// (A quoted header's length below 8 keeps the header whole:
		// the printers read all of it.)
		l.End = l.Start + n
	}
	if l.Quoted || l.Payload == l.End {
		return LayerNone
	}
	if d.voip != nil && d.voip.nmedia > 0 {
		if t := d.voipLookup(u); t != LayerNone {
			return t // SDP set the stream up: conversations come before ports
		}
	}
	if d.tftpLookup(u) {
		return LayerTFTP // a transfer the tracker follows (tracker_tftp.go)
	}
	t := d.Ports.Lookup(TransportUDP, u.SrcPort(), u.DstPort())
	if t == LayerNone && sipHeuristic(d.data[l.Payload:l.End]) {
		return LayerSIP // tshark's SIP heuristic
	}
	return t
}

const (
	udpSrcport = iota
	udpDstport
	udpPort
	udpLength
	udpChecksum
	udpChecksumStatus
	udpStream
	udpTimeRelative
	udpTimeDelta
	udpPayload
	udpFieldCount
)

// udpFields are UDP's fields as tshark 4.0 registers them; udp.stream and
// the times come from the connection tracker (tracker.go).
var udpFields = [udpFieldCount]Field{
	udpSrcport:        {Name: "udp.srcport", Label: "Source Port", Kind: KindUint, Width: 16},
	udpDstport:        {Name: "udp.dstport", Label: "Destination Port", Kind: KindUint, Width: 16},
	udpPort:           {Name: "udp.port", Label: "Source or Destination Port", Kind: KindUint, Width: 16},
	udpLength:         {Name: "udp.length", Label: "Length", Kind: KindUint, Width: 16},
	udpChecksum:       {Name: "udp.checksum", Label: "Checksum", Kind: KindUint, Width: 16, Base: BaseHex},
	udpChecksumStatus: {Name: "udp.checksum.status", Label: "Checksum Status", Kind: KindUint, Width: 8, Base: BaseNone, Generated: true},
	udpStream:         {Name: "udp.stream", Label: "Stream index", Kind: KindUint, Width: 32, Generated: true},
	udpTimeRelative:   {Name: "udp.time_relative", Label: "Time since first frame", Kind: KindRelTime, Generated: true},
	udpTimeDelta:      {Name: "udp.time_delta", Label: "Time since previous frame", Kind: KindRelTime, Generated: true},
	udpPayload:        {Name: "udp.payload", Label: "Payload", Kind: KindBytes},
}

var protoUDP = protoField("udp", "User Datagram Protocol")

const (
	dataData = iota
	dataLen
	dataFieldCount
)

var dataFields = [dataFieldCount]Field{
	dataData: {Name: "data.data", Label: "Data", Kind: KindBytes},
	dataLen:  {Name: "data.len", Label: "Length", Kind: KindInt, Width: 32, Generated: true},
}

var protoData = protoField("data", "Data")

// emitUDP emits a UDP header's fields in tshark's order, with the stream
// index and times the connection tracker found, and the lines of tshark's
// tree.
// udpTracerouteExpert draws, under the port just emitted, tshark's note
// for a port traceroute probes use (33435 to 33464: hop and attempt of
// three), and reports whether it did; tshark notes the source port, else
// the destination.
func udpTracerouteExpert(e *emitter, port uint16) bool {
	const first, last = 33435, 33464
	if port < first || port > last {
		return false
	}
	if e.Tree() {
		var arg [32]byte
		n := uint64(port - first)
		b := append(appendUint(arg[:0], n/3+1), ", attempt #"...)
		b = appendUint(b, n%3+1)
		e.Sub()
		e.ExpertLine("Chat", "Sequence", "Possible traceroute: hop #", b)
		e.Up()
	}
	return true
}

func emitUDP(e *emitter, i int) {
	l := &e.d.layers[i]
	e.Proto(&protoUDP)
	if l.Payload > l.Start {
		f := &udpFields
		u := UDP(e.d.data[l.Start:l.Payload])
		if e.Tree() {
			b := append(e.Text(), "User Datagram Protocol, Src Port: "...)
			b = appendUint(b, uint64(u.SrcPort()))
			b = append(b, ", Dst Port: "...)
			e.SetRepr(appendUint(b, uint64(u.DstPort())))
		}
		e.Uint(&f[udpSrcport], uint64(u.SrcPort()))
		tr := udpTracerouteExpert(e, u.SrcPort())
		e.Uint(&f[udpDstport], uint64(u.DstPort()))
		if !tr {
			udpTracerouteExpert(e, u.DstPort())
		}
		if e.all { // hidden: JSON does not show it
			e.Hidden(true)
			e.Uint(&f[udpPort], uint64(u.SrcPort()))
			e.Uint(&f[udpPort], uint64(u.DstPort()))
			e.Hidden(false)
		}
		e.Uint(&f[udpLength], uint64(u.Length()))
		e.Uint(&f[udpChecksum], uint64(u.Checksum()))
		zero := false // IPv4 allows no checksum (zero)
		if u.Checksum() == 0 {
			_, _, v6 := ipAddrs(e.d, i)
			zero = !v6
		}
		if zero {
			// Its status is "Not present", beneath the checksum.
			if e.Tree() {
				e.SetRepr(append(e.Text(), "Checksum: 0x0000 [zero-value ignored]"...))
			}
			e.Sub()
			e.Uint(&f[udpChecksumStatus], 3)
			e.Up()
		} else {
			if e.Tree() {
				e.SetRepr(append(appendHex4(append(e.Text(), "Checksum: 0x"...), u.Checksum()), " [unverified]"...))
			}
			e.Uint(&f[udpChecksumStatus], 2) // unverified, as tshark's default
		}
		if us := e.conv.udp(i); us != nil {
			e.Uint(&f[udpStream], uint64(us.Stream))
			if us.Times && u.Length() > udpLen {
				// tshark shows no times for a datagram without payload.
				e.LineString("[Timestamps]")
				e.Sub()
				e.relNstime(&f[udpTimeRelative], us.SinceFirst)
				e.secondsRepr()
				e.relNstime(&f[udpTimeDelta], us.SincePrev)
				e.secondsRepr()
				e.Up()
			}
		}
		if e.all && u.Length() > udpLen {
			// The payload's bytes, but for JSON, which leaves packet bytes
			// to --raw. tshark's payload field runs to the end of the IP
			// payload, past the length UDP announces when that is shorter.
			end := l.End
			if i > 0 {
				end = max(end, e.d.layers[i-1].End)
			}
			if pl := e.d.data[l.Payload:end]; len(pl) > 0 {
				e.Bytes(&f[udpPayload], pl)
			}
		}
		if e.Tree() && u.Length() > udpLen {
			// The payload field's line (the field itself JSON leaves out).
			n := int(u.Length()) - udpLen
			if l.Quoted {
				n = min(n, l.End-l.Payload) // tshark: the bytes an ICMP error quotes
			}
			b := append(e.Text(), "UDP payload ("...)
			b = appendBytesBits(b, n)
			e.Line(append(b, ')'))
		}
	}
	e.End()
}

// secondsRepr gives, in a tree list, the relative time added last
// (relNstime) tshark's line: "Label: 0.000123000 seconds" (the brackets of
// a generated field are drawn around it), from the value's text.
func (e *emitter) secondsRepr() {
	if e.Tree() && !e.lastDropped() {
		r := &e.recs[len(e.recs)-1]
		b := append(append(e.Text(), r.Field.Label...), ": "...)
		e.SetRepr(append(append(b, e.BytesOf(r)...), " seconds"...))
	}
}

// emitPayload emits the bytes no dissector claimed and their length
// (Wireshark's data protocol); the tree draws them as tshark's Data block:
// the title, a hex dump, the bytes and their length.
func emitPayload(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	at := len(e.recs)
	e.Proto(&protoData)
	start := l.Start
	if i > 0 && d.layers[i-1].Type == LayerICMPv4 {
		if _, _, ok := icmpDataTime(e.frame, d, i-1); ok {
			start += 8 // the echo's timestamp (icmp.data_time)
		}
	}
	if e.Tree() {
		emitPayloadTree(e, i)
	} else {
		emitDataFields(e, d.data[start:l.End])
	}
	e.setSpan(at, start, l.End-start) // -T fields -e data: the bytes Data holds
	e.End()
}

// emitDataFields emits the fields of a Data protocol holding data: in the
// tree its title, the hex dump tshark prints for a data item, the bytes
// and their length.
func emitDataFields(e *emitter, data []byte) {
	if e.Tree() {
		b := append(e.Text(), "Data ("...)
		e.SetRepr(append(appendBytesBits(b, len(data)), ')'))
		e.RawLines(appendTreeHexDump(e.Text(), data))
		e.Bytes(&dataFields[dataData], data)
	} else if e.all {
		// JSON leaves the bytes out (--raw has them), so only -T fields
		// and filters get a copy.
		e.Hidden(true)
		e.Bytes(&dataFields[dataData], data)
		e.Hidden(false)
	}
	e.Int(&dataFields[dataLen], int64(len(data)))
}

// payloadInsidePrevious reports whether tshark shows the Data of layer i
// inside the protocol before it (ICMP's echo data, IPComp's compressed
// payload) rather than as a protocol of its own.
func payloadInsidePrevious(d *Decoder, i int) bool {
	if i == 0 {
		return false
	}
	switch d.layers[i-1].Type {
	case LayerICMPv4, LayerICMPv6, LayerIPComp, LayerLISP:
		return true
	}
	return false
}

// emitPayloadTree emits the Data block of layer i as tshark's tree shows
// it: inside ICMP after an echo (less the timestamp tshark found in its
// first bytes), not at all after LLC (tshark dissects what LLC carries,
// rawcap does not) nor for retransmitted SCTP data (tshark hands none on).
func emitPayloadTree(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	data := d.data[l.Start:l.End]
	var prev LayerType
	if i > 0 {
		prev = d.layers[i-1].Type
	}
	if payloadInsidePrevious(d, i) {
		e.InsidePrevious()
		if _, _, ok := icmpDataTime(e.frame, d, i-1); ok && prev == LayerICMPv4 {
			data = data[8:]
		}
	}
	if prev != LayerLLC && !(prev == LayerSCTP && e.conv != nil && e.conv.sctp.nretx > 0) && len(data) > 0 {
		emitDataFields(e, data)
		return
	}
	// Not drawn: the protocol and its fields stay in the list only.
	e.NoTree()
	e.Bytes(&dataFields[dataData], data)
	e.NoTree()
	e.Int(&dataFields[dataLen], int64(len(data)))
	e.NoTree()
}
