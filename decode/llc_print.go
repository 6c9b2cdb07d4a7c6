package decode

import "strconv"

// tcpdump 4.99's line for an 802.2 LLC frame on Ethernet that no printer
// of its own takes (llc_print's fallback): the MAC addresses and the SAPs'
// names ("00:0c:29:8e:87:a6 > 00:0c:29:31:0d:01 NetBeui"; with -e the
// LLC header, as for the protocols it carries), the frame's kind and its
// fields ("Unnumbered, ui, Flags [Command], length 47", "Supervisory,
// Receiver Ready, rcv seq 0, Flags [Poll]", "Information, send seq 0,
// rcv seq 0, Flags [Poll]"), then, unless -q, the LLC bytes in hex and
// ASCII for unnumbered and information frames.

// llcSAPNames are tcpdump's names of the (even) SAPs.
var llcSAPNames = map[uint8]string{
	0x00: "Null", 0x02: "802.1B I", 0x04: "SNA", 0x06: "IP", 0x0e: "ProWay NM", 0x42: "STP", 0x4e: "RS511",
	0x7e: "ISO8208", 0x8e: "ProWay", 0xaa: "SNAP", 0xe0: "IPX", 0xf0: "NetBeui", 0xfe: "OSI",
}

// llcUNames are tcpdump's names of the unnumbered frames' control bytes,
// the poll/final bit cleared.
var llcUNames = map[uint8]string{
	0x03: "ui", 0x0f: "dm", 0x43: "disc", 0x63: "ua", 0x6f: "sabme", 0x87: "frmr", 0xaf: "xid", 0xe3: "test",
}

// llcSupervisory are the supervisory frames' names by bits 2-3 of the
// control field.
var llcSupervisory = [4]string{"Receiver Ready", "Receiver not Ready", "Reject", "?"}

// llcGeneric reports whether LLC layer i is printed by the fallback: it
// follows Ethernet (or a VLAN tag on Ethernet), nothing rawcap decodes
// follows it, and it is none of the frames tcpdump hands to a printer of
// its own (a UI frame between the same SAPs of STP, IP, IPX, SNAP or OSI,
// or Novell's raw 802.3).
func llcGeneric(d *Decoder, i int) bool {
	if i == 0 || i+1 < d.n && d.layers[i+1].Type != LayerPayload {
		return false
	}
	switch d.layers[i-1].Type {
	case LayerEthernet:
	case LayerVLAN:
		if i < 2 || d.layers[i-2].Type != LayerEthernet {
			return false
		}
	default:
		return false
	}
	l := &d.layers[i]
	c := d.data[l.Start:l.End]
	if len(c) < 3 {
		return false
	}
	dsap, ssap := c[0]&^1, c[1]&^1
	if c[0] == 0xff && c[1] == 0xff {
		return false
	}
	if c[2] == 0x03 && dsap == ssap {
		switch dsap {
		case 0x06, 0x42, 0xaa, 0xe0, 0xfe:
			return false
		}
	}
	return true
}

// lineLLCGeneric appends tcpdump's fallback line for LLC layer i
// (llcGeneric): after the link header tcpdump -e prints, the header and
// the frame.
func (p *LinePrinter) lineLLCGeneric(b []byte, d *Decoder, i int) []byte {
	length, c := p.llcFrameLen(d, i)
	ctrl := uint16(c[2])
	u := c[2]&3 == 3
	if !u {
		if len(c) < 4 {
			return appendHexASCIILines(append(b, " [|llc]"...), c, "\n\t")
		}
		ctrl |= uint16(c[3]) << 8
	}
	dsap, ssap := c[0]&^1, c[1]&^1
	response := c[1]&1 != 0
	if p.Options.Link {
		b = appendLLCHeader(b, d, i, c, ctrl, u)
	} else {
		e := &d.layers[i-1]
		if e.Type != LayerEthernet {
			e = &d.layers[i-2] // the VLAN tag's (llcGeneric)
		}
		eth := Ethernet(d.data[e.Start:e.Payload])
		b = eth.Src().AppendTo(b)
		if ssap != dsap {
			b = append(b, ' ')
			b = appendLLCSAPName(b, ssap, "Unknown SSAP 0x")
		}
		b = append(b, " > "...)
		b = eth.Dst().AppendTo(b)
		b = append(b, ' ')
		b = appendLLCSAPName(b, dsap, "Unknown DSAP 0x")
		b = append(b, ' ')
	}
	var poll bool
	dump := true
	switch {
	case u:
		poll = c[2]&0x10 != 0
		b = append(b, "Unnumbered, "...)
		if n, ok := llcUNames[c[2]&^0x10]; ok {
			b = append(b, n...)
		} else {
			b = appendHex2(b, c[2]&^0x10)
		}
	case ctrl&1 != 0:
		poll = ctrl&0x100 != 0
		dump = false
		b = append(b, "Supervisory, "...)
		b = append(b, llcSupervisory[ctrl>>2&3]...)
		b = append(b, ", rcv seq "...)
		b = strconv.AppendUint(b, uint64(ctrl>>9), 10)
	default:
		poll = ctrl&0x100 != 0
		b = append(b, "Information, send seq "...)
		b = strconv.AppendUint(b, uint64(ctrl>>1&0x7f), 10)
		b = append(b, ", rcv seq "...)
		b = strconv.AppendUint(b, uint64(ctrl>>9), 10)
	}
	switch {
	case poll && response:
		b = append(b, ", Flags [Final]"...)
	case poll:
		b = append(b, ", Flags [Poll]"...)
	case response:
		b = append(b, ", Flags [Response]"...)
	default:
		b = append(b, ", Flags [Command]"...)
	}
	b = append(b, ", length "...)
	b = strconv.AppendInt(b, int64(length), 10)
	if u && c[2]&^0x10 == 0xaf {
		// XID: IEEE 802.2's basic format gives its two bytes, anything
		// else the frame's bytes; no information field, nothing.
		info := c[3:]
		switch {
		case len(info) == 0:
			return b
		case info[0] == 0x81 && len(info) >= 3:
			b = append(b, ": "...)
			b = appendHex2(b, info[1])
			b = append(b, ' ')
			return appendHex2(b, info[2])
		case info[0] == 0x81:
			return appendHexASCIILines(append(b, " [|llc]"...), info, "\n\t")
		}
	}
	if dump && !p.Options.Quiet && (p.Options.Hex == HexNone || p.Options.Hex == ASCIIOnly) {
		b = appendHexASCIILines(b, c, "\n\t") // -x and -X dump the rest of the packet instead
	}
	return b
}

// appendLLCHeader appends LLC layer i's header c as tcpdump -e shows it:
// "LLC, dsap STP (0x42) Individual, ssap STP (0x42) Command, ctrl 0x03: ",
// an unnumbered frame's control field in one byte (u), the others' ctrl
// in two.
func appendLLCHeader(b []byte, d *Decoder, i int, c []byte, ctrl uint16, u bool) []byte {
	if i == 0 || d.layers[i-1].Type != LayerVLAN {
		b = append(b, "LLC, "...) // after a VLAN tag, "802.3LLC, " said it
	}
	b = appendLLCSAP(append(b, "dsap "...), c[0]&^1)
	if c[0]&1 != 0 {
		b = append(b, " Group, ssap "...)
	} else {
		b = append(b, " Individual, ssap "...)
	}
	b = appendLLCSAP(b, c[1]&^1)
	if c[1]&1 != 0 {
		b = append(b, " Response, ctrl 0x"...)
	} else {
		b = append(b, " Command, ctrl 0x"...)
	}
	if u {
		b = appendHex2(b, c[2])
	} else {
		b = appendHex4(b, ctrl)
	}
	return append(b, ": "...)
}

// llcFrameLen returns the length of LLC layer i as tcpdump takes it (the
// 802.3 length field, or what the frame holds when that is less) and the
// bytes of it that were captured.
func (p *LinePrinter) llcFrameLen(d *Decoder, i int) (int, []byte) {
	return llcFrameLenWire(d, i, p.wire)
}

// llcFrameLenWire is llcFrameLen for a frame of wire bytes on the wire
// (0: unknown).
func llcFrameLenWire(d *Decoder, i, wire int) (int, []byte) {
	l := &d.layers[i]
	h := &d.layers[i-1]
	var n int
	if h.Type == LayerVLAN {
		n = int(VLAN(d.data[h.Start:h.Payload]).EtherType())
	} else {
		n = int(Ethernet(d.data[h.Start:h.Payload]).TypeOrLength())
	}
	if wire > 0 {
		n = min(n, wire-l.Start)
	}
	end := min(l.Start+n, len(d.data))
	return n, d.data[l.Start:end]
}

// appendLLCSAP appends "NetBeui (0xf0)" or "Unknown (0x10)".
func appendLLCSAP(b []byte, sap uint8) []byte {
	b = appendLLCSAPName(b, sap, "Unknown")
	b = append(b, " (0x"...)
	b = appendHex2(b, sap)
	return append(b, ')')
}

// appendLLCSAPName appends tcpdump's name of sap, or unknown followed,
// when unknown ends in "0x", by the SAP in hex.
func appendLLCSAPName(b []byte, sap uint8, unknown string) []byte {
	if n, ok := llcSAPNames[sap]; ok {
		return append(b, n...)
	}
	b = append(b, unknown...)
	if len(unknown) > 2 && unknown[len(unknown)-2:] == "0x" {
		b = appendHex2(b, sap)
	}
	return b
}
