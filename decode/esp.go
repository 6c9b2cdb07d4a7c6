package decode

import "strconv"

// ESP is an IPsec Encapsulating Security Payload header (RFC 4303): the
// Security Parameters Index and the sequence number. What follows is
// encrypted; without keys, tshark and tcpdump show only these two.
//
//	| security parameters index (32) | sequence number (32) | payload … |
type ESP []byte

// espLen is the length of the clear part of an ESP packet.
const espLen = 8

// ParseESP returns the ESP header at the start of b.
func ParseESP(b []byte) (ESP, error) {
	if len(b) < espLen {
		return nil, ReasonTruncated
	}
	return ESP(b[:espLen:espLen]), nil
}

// SPI returns the Security Parameters Index.
func (e ESP) SPI() uint32 { return be32(e) }

// Seq returns the sequence number.
func (e ESP) Seq() uint32 { return be32(e[4:]) }

// decodeESP takes the whole rest of the packet: the encrypted payload is
// part of ESP, as tshark shows it (no data after it).
func (d *Decoder) decodeESP(l *Layer) LayerType {
	if _, err := ParseESP(d.bytes(l)); err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.End
	return LayerNone
}

const (
	espSPI = iota
	espSequence
	espFieldCount
)

var espFields = [espFieldCount]Field{
	espSPI:      {Name: "esp.spi", Label: "ESP SPI", Kind: KindUint, Base: BaseHexDec, Width: 32},
	espSequence: {Name: "esp.sequence", Label: "ESP Sequence", Kind: KindUint, Width: 32},
}

var protoESP = protoField("esp", "Encapsulating Security Payload")

// emitESP emits the SPI and sequence number that were captured: tshark's
// tree is drawn from them (treefields.go).
func emitESP(e *emitter, i int) {
	l := &e.d.layers[i]
	e.Proto(&protoESP)
	b := e.d.data[l.Start:l.End]
	if len(b) >= 4 {
		e.Uint(&espFields[espSPI], uint64(be32(b)))
	}
	if len(b) >= espLen {
		e.Uint(&espFields[espSequence], uint64(be32(b[4:])))
	}
	e.End()
}

// lineESP appends tcpdump's "ESP(spi=0x…,seq=0x…), length N", N being the
// length the IP header announces for ESP and what it protects.
func (p *LinePrinter) lineESP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	e := d.data[l.Start:l.End]
	if len(e) < espLen {
		return append(b, " [|esp]"...) // tcpdump prints nothing of a cut header
	}
	b = append(b, "ESP(spi=0x"...)
	b = appendHexN(b, uint64(be32(e)), 8)
	b = append(b, ",seq=0x"...)
	b = strconv.AppendUint(b, uint64(be32(e[4:])), 16)
	b = append(b, "), length "...)
	return appendUint(b, uint64(ipPayloadLen(d, i)))
}

// infoESP appends tshark's Info column for ESP: "ESP (SPI=0x…)".
func infoESP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	e := d.data[l.Start:l.End]
	if len(e) < espLen {
		return b // only the exception mark
	}
	b = append(b, "ESP (SPI=0x"...)
	b = appendHexN(b, uint64(be32(e)), 8)
	return append(b, ')')
}
