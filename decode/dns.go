package decode

// DNS is a DNS message (RFC 1035 section 4.1): a 12-byte header, then the
// question, answer, authority and additional sections.
//
//	 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15
//	+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//	|                      ID                       |
//	|QR|   Opcode  |AA|TC|RD|RA| Z|AD|CD|   RCODE   |
//	|                    QDCOUNT                    |
//	|                    ANCOUNT                    |
//	|                    NSCOUNT                    |
//	|                    ARCOUNT                    |
//	+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
//
// Over TCP a message is preceded by a 2-byte length (RFC 1035 section
// 4.2.2); the DNS view starts after it.
type DNS []byte

const dnsHeaderLen = 12

// DNS header flag bits (the second 16-bit word).
const (
	DNSFlagQR = 0x8000 // response
	DNSFlagAA = 0x0400 // authoritative answer
	DNSFlagTC = 0x0200 // truncated
	DNSFlagRD = 0x0100 // recursion desired
	DNSFlagRA = 0x0080 // recursion available
	DNSFlagZ  = 0x0040 // reserved
	DNSFlagAD = 0x0020 // authentic data
	DNSFlagCD = 0x0010 // checking disabled
)

// DNS record types rawcap prints the data of.
const (
	DNSTypeA     = 1
	DNSTypeNS    = 2
	DNSTypeCNAME = 5
	DNSTypeSOA   = 6
	DNSTypePTR   = 12
	DNSTypeMX    = 15
	DNSTypeTXT   = 16
	DNSTypeAAAA  = 28
	DNSTypeSRV   = 33
	DNSTypeDNAME = 39
	DNSTypeOPT   = 41
)

// ParseDNS returns the DNS message b (from its header on). It checks only
// that the header is there; the sections are walked by the accessors, which
// stop at the end of b and never panic. The view aliases b, and the label
// slices its walkers return alias it too. It returns ReasonTruncated for
// fewer than 12 bytes.
func ParseDNS(b []byte) (DNS, error) {
	if len(b) < dnsHeaderLen {
		return nil, ReasonTruncated
	}
	return DNS(b[:len(b):len(b)]), nil
}

// ID returns the transaction ID.
func (m DNS) ID() uint16 { return be16(m[0:]) }

// Flags returns the second header word (QR, opcode, flags and rcode).
func (m DNS) Flags() uint16 { return be16(m[2:]) }

// Response reports whether the QR bit is set.
func (m DNS) Response() bool { return m.Flags()&DNSFlagQR != 0 }

// Opcode returns the 4-bit opcode.
func (m DNS) Opcode() uint8 { return uint8(m.Flags()>>11) & 15 }

// RCode returns the 4-bit response code of the header (without the EDNS
// extension).
func (m DNS) RCode() uint8 { return uint8(m.Flags() & 15) }

// QDCount returns the number of questions.
func (m DNS) QDCount() uint16 { return be16(m[4:]) }

// ANCount returns the number of answer records.
func (m DNS) ANCount() uint16 { return be16(m[6:]) }

// NSCount returns the number of authority records.
func (m DNS) NSCount() uint16 { return be16(m[8:]) }

// ARCount returns the number of additional records.
func (m DNS) ARCount() uint16 { return be16(m[10:]) }

// SkipName returns the offset just after the (possibly compressed) name at
// off, in place: a compression pointer ends the name where it stands.
func (m DNS) SkipName(off int) (next int, ok bool) {
	for off < len(m) {
		c := int(m[off])
		switch c & 0xc0 {
		case 0xc0:
			if off+2 > len(m) {
				return 0, false
			}
			return off + 2, true
		case 0x00:
			if c == 0 {
				return off + 1, true
			}
			off += 1 + c
		default:
			return 0, false // 0x40 (extended) and 0x80 labels
		}
	}
	return 0, false
}

// DNSName walks the labels of a name, following compression pointers as
// Wireshark does: in any direction, but never after more bytes have been
// walked than the message holds (a pointer loop), and never past 255
// characters (RFC 1035 section 2.3.4). Both bounds make every walk finish.
// Use it as
//
//	it := m.Name(off)
//	for label, ok := it.Next(); ok; label, ok = it.Next() { … }
//	if it.Err() { … }
type DNSName struct {
	m         DNS
	off       int
	processed int
	total     int
	problem   dnsNameProblem
	done      bool
	tooLong   bool // past 255 characters: no more labels are returned
}

type dnsNameProblem uint8

const (
	dnsNameOK dnsNameProblem = iota
	dnsNameTruncated
	dnsNameLoop
	dnsNameTooLong
	dnsNameBadLabel
)

// Name returns a walker over the name at off.
func (m DNS) Name(off int) DNSName { return DNSName{m: m, off: off} }

// Next returns the next label, or false at the end of the name (or at
// damage, which Err then reports).
func (it *DNSName) Next() ([]byte, bool) {
	m := it.m
	for !it.done && it.problem == dnsNameOK {
		if it.off >= len(m) {
			it.problem = dnsNameTruncated
			break
		}
		c := int(m[it.off])
		it.processed++
		switch c & 0xc0 {
		case 0xc0:
			if it.off+2 > len(m) {
				it.problem = dnsNameTruncated
				break
			}
			it.processed++
			if it.processed >= len(m) {
				it.problem = dnsNameLoop
				break
			}
			it.off = int(be16(m[it.off:]) & 0x3fff)
		case 0x00:
			if c == 0 {
				it.done = true
				break
			}
			if it.off+1+c > len(m) {
				it.problem = dnsNameTruncated
				break
			}
			it.processed += c
			it.total += c + 1
			l := m[it.off+1 : it.off+1+c]
			it.off += 1 + c
			if it.total > 255 {
				// Too long, but walked to its end as Wireshark walks it:
				// a bad label, a cut or a loop after is still one.
				it.tooLong = true
				continue
			}
			return l, true
		default:
			it.problem = dnsNameBadLabel // extended (0x40) and reserved (0x80) labels
		}
	}
	if it.done && it.tooLong && it.problem == dnsNameOK {
		it.problem = dnsNameTooLong
	}
	return nil, false
}

// Err reports whether the name was cut short, looped, grew past 255
// characters or used an unknown label type.
func (it *DNSName) Err() bool { return it.problem != dnsNameOK }

// nameDamaged reports whether the name at off is cut short or holds a bad
// label: where Wireshark's walk of it throws (a loop or a name too long it
// names instead).
func (m DNS) nameDamaged(off int) bool {
	p := m.nameProblem(off)
	return p == dnsNameTruncated || p == dnsNameBadLabel
}

// nameProblem walks the name at off and returns what is wrong with it.
func (m DNS) nameProblem(off int) dnsNameProblem {
	it := m.Name(off)
	for _, ok := it.Next(); ok; _, ok = it.Next() {
	}
	return it.problem
}

// AppendName appends the name at off as Wireshark shows it: labels joined by
// dots, no final dot, "<Root>" for the root. Bytes outside printable ASCII,
// dots and backslashes inside labels are escaped as \DDD. A looping or too
// long name is shown as Wireshark's "<Name contains a pointer that loops>"
// or "<Name too long>". ok is false for a damaged name (what decoded is
// appended).
func (m DNS) AppendName(b []byte, off int) (_ []byte, ok bool) {
	start := len(b)
	it := m.Name(off)
	for l, more := it.Next(); more; l, more = it.Next() {
		if len(b) > start {
			b = append(b, '.')
		}
		for _, c := range l {
			if c < 0x20 || c > 0x7e || c == '.' || c == '\\' {
				b = append(b, '\\', '0'+c/100, '0'+c/10%10, '0'+c%10)
				continue
			}
			b = append(b, c)
		}
	}
	switch it.problem {
	case dnsNameLoop:
		b = append(b[:start], "<Name contains a pointer that loops>"...)
	case dnsNameTooLong:
		b = append(b[:start], "<Name too long>"...)
	}
	if len(b) == start {
		b = append(b, "<Root>"...)
	}
	return b, !it.Err()
}

// DNSQuestion is one entry of the question section.
type DNSQuestion struct {
	Name  int // offset of the name in the message
	Type  uint16
	Class uint16
}

// DNSRecord is one resource record.
type DNSRecord struct {
	Name  int // offset of the owner name in the message
	Type  uint16
	Class uint16 // for OPT, the requester's UDP payload size
	TTL   uint32 // for OPT, extended rcode, version and flags
	Data  int    // offset of the record data
	Len   int    // length of the record data
}

// Question returns the question at off and the offset after it.
func (m DNS) Question(off int) (q DNSQuestion, next int, ok bool) {
	n, ok := m.SkipName(off)
	if !ok || n+4 > len(m) {
		return DNSQuestion{}, 0, false
	}
	return DNSQuestion{Name: off, Type: be16(m[n:]), Class: be16(m[n+2:])}, n + 4, true
}

// Record returns the resource record at off and the offset after it.
func (m DNS) Record(off int) (r DNSRecord, next int, ok bool) {
	n, ok := m.SkipName(off)
	if !ok || n+10 > len(m) {
		return DNSRecord{}, 0, false
	}
	r = DNSRecord{Name: off, Type: be16(m[n:]), Class: be16(m[n+2:]), TTL: be32(m[n+4:]), Data: n + 10, Len: int(be16(m[n+8:]))}
	if r.Data+r.Len > len(m) {
		return DNSRecord{}, 0, false
	}
	return r, r.Data + r.Len, true
}

// RecordData returns the data of r.
func (m DNS) RecordData(r DNSRecord) []byte { return m[r.Data : r.Data+r.Len] }

// walk checks that every question and record the header counts is in m.
func (m DNS) walk() bool {
	off := dnsHeaderLen
	for range m.QDCount() {
		q, next, ok := m.Question(off)
		if !ok || m.nameDamaged(q.Name) {
			return false
		}
		off = next
	}
	n := int(m.ANCount()) + int(m.NSCount()) + int(m.ARCount())
	for range n {
		r, next, ok := m.Record(off)
		if !ok || m.nameDamaged(r.Name) {
			return false
		}
		off = next
	}
	return true
}

// dnsOverTCP reports whether layer l (not yet appended) follows TCP.
func (d *Decoder) dnsOverTCP() bool { return d.n > 0 && d.layers[d.n-1].Type == LayerTCP }

func (d *Decoder) decodeDNS(l *Layer) LayerType {
	b := d.bytes(l)
	l.Payload = l.End
	if d.dnsOverTCP() {
		if len(b) < 2 {
			l.Malformed = ReasonTruncated
			return LayerNone
		}
		n := int(be16(b))
		if n < dnsHeaderLen {
			l.Malformed = ReasonBadLength
			return LayerNone
		}
		b = b[2:]
		if n < len(b) {
			b = b[:n]
			l.End = l.Start + 2 + n
			l.Payload = l.End
		}
	}
	m, err := ParseDNS(b)
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	if !m.walk() {
		l.Malformed = ReasonTruncated
	}
	return LayerNone
}

// dnsMessage returns the DNS message of layer i (after the TCP length
// prefix) and whether it came over TCP.
func dnsMessage(d *Decoder, i int) (DNS, bool) {
	l := &d.layers[i]
	b := d.data[l.Start:l.End:l.End]
	tcp := i > 0 && d.layers[i-1].Type == LayerTCP
	if tcp {
		if len(b) < 2 {
			return nil, true
		}
		n := int(be16(b))
		b = b[2:]
		if n < len(b) {
			b = b[:n]
		}
	}
	return DNS(b), tcp
}
