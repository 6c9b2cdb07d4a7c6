package decode

// This file follows TLS records that span TCP segments as tshark's
// reassembly shows them: a segment inside a record is a TCP row ending in
// " [TCP segment of a reassembled PDU]" (only that mark when the segment
// merely starts the record), and the segment that completes it is a TLS row
// naming the reassembled record and the whole records after it.

// colTLSRec is a TLS record waiting for the rest of its bytes in one
// direction of a flow.
type colTLSRec struct {
	pending bool
	end     uint32  // relative sequence number just past the record
	version uint16  // record version, for the Protocol column
	head    [9]byte // content type, version, length and the first handshake header bytes
	nhead   uint8
}

// Row kinds of trackTLS.
const (
	colTLSNone    = iota
	colTLSMiddle  // inside a pending record: TCP info and the mark
	colTLSStart   // only the start of a record: the mark alone
	colTLSRecords // completes a record or holds whole ones: a TLS row
)

// trackTLS decides how TCP layer i's payload shows when it carries TLS
// (a decoded TLS layer, or a flow direction with a pending record).
func (p *ColumnsPrinter) trackTLS(d *Decoder, i int) {
	p.tlsRow, p.tlsOff, p.tlsHeadN = colTLSNone, 0, 0
	dir := p.dir
	l := &d.layers[i]
	if dir == nil || l.Malformed != "" || i+1 >= d.n {
		return
	}
	pl := d.data[l.Payload:l.End]
	if len(pl) == 0 || p.reportedLen(d, i)-(l.Payload-l.Start) > len(pl) {
		return // cut by the snapshot length: no reassembly
	}
	r := &dir.tls
	seq := p.tcp.seq
	off := 0
	if r.pending {
		rest := int32(r.end - seq)
		if rest < 0 || int(rest) > 1<<24 {
			r.pending = false // a gap or a restart: forget it
		} else if int(rest) > len(pl) {
			p.tlsRow = colTLSMiddle
			return
		} else {
			off = int(rest)
			p.tlsRow = colTLSRecords
			p.tlsVer = r.version
			p.tlsHead, p.tlsHeadN = r.head, r.nhead
			r.pending = false
		}
	}
	if p.tlsRow == colTLSNone && d.layers[i+1].Type != LayerTLS {
		return
	}
	p.tlsOff = off
	// Whole records after off, then perhaps the start of one more.
	complete := p.tlsRow == colTLSRecords
	for off+tlsHeaderLen <= len(pl) {
		h := pl[off:]
		if h[0] < TLSChangeCipherSpec || h[0] > TLSHeartbeat || h[1] != 3 {
			break
		}
		n := tlsHeaderLen + int(be16(h[3:]))
		if off+n > len(pl) {
			r.pending = true
			r.end = seq + uint32(off+n)
			r.version = be16(h[1:])
			r.nhead = uint8(copy(r.head[:], h))
			break
		}
		if !complete {
			p.tlsVer = be16(h[1:])
		}
		complete = true
		off += n
	}
	if off < len(pl) && !r.pending && complete {
		return // trailing bytes that are no record: leave the row as decoded
	}
	switch {
	case complete:
		p.tlsRow = colTLSRecords
	case r.pending:
		p.tlsRow = colTLSStart
	}
}

// appendTLSRecordsInfo appends the names of the reassembled record (when
// the segment completes one) and of the whole records that follow.
func (p *ColumnsPrinter) appendTLSRecordsInfo(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	pl := d.data[l.Payload:l.End]
	first := true
	if p.tlsHeadN >= tlsHeaderLen {
		h := p.tlsHead[:p.tlsHeadN]
		b = appendTLSRecordName(b, h, int(be16(h[3:])))
		first = false
	}
	t := TLS(pl)
	for off := p.tlsOff; ; {
		r, next, ok := t.NextRecord(off)
		if !ok || !r.Complete() {
			break
		}
		b, first = appendTLSRecordInfo(b, r, first)
		off = next
	}
	return b
}

// appendTLSRecordName names one record from its first bytes (header, and
// the start of its fragment) as infoTLS does.
func appendTLSRecordName(b, h []byte, length int) []byte {
	f := h[tlsHeaderLen:]
	switch h[0] {
	case TLSChangeCipherSpec:
		return append(b, "Change Cipher Spec"...)
	case TLSAlert:
		if len(f) >= 2 && (f[0] == 1 || f[0] == 2) {
			if desc, ok := colTLSAlerts[f[1]]; ok {
				b = append(b, "Alert (Level: "...)
				if f[0] == 1 {
					b = append(b, "Warning"...)
				} else {
					b = append(b, "Fatal"...)
				}
				b = append(b, ", Description: "...)
				b = append(b, desc...)
				return append(b, ')')
			}
		}
		return append(b, "Encrypted Alert"...)
	case TLSHandshake:
		if len(f) >= 4 {
			if name, ok := colTLSHandshakes[f[0]]; ok && 4+(int(f[1])<<16|int(f[2])<<8|int(f[3])) <= length {
				return append(b, name...)
			}
		}
		return append(b, "Encrypted Handshake Message"...)
	case TLSApplicationData:
		return append(b, "Application Data"...)
	case TLSHeartbeat:
		return append(b, "Heartbeat"...)
	}
	return b
}
