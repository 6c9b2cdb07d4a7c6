package decode

import "strconv"

// NBNS is the NetBIOS name service (RFC 1002 section 4.2, UDP 137): a DNS
// header and DNS-shaped questions and records, whose names are NetBIOS
// names (16 bytes, the last one the name's type) in the "first-level
// encoding" (each byte as two letters 'A'+nibble, a 32-character label),
// followed by an optional scope. rawcap walks it with the DNS view (the
// decode step is decodeDNS's); this file shows it as tshark does. tcpdump
// 4.99 as Debian builds it prints no NetBIOS (its SMB printers are off):
// "UDP, length N".
//
// The record data rawcap shows:
//
//	NB      (type 32): 6-byte entries, NB_FLAGS (G, ONT) and an IPv4 address
//	NBSTAT  (type 33): a name count, 18-byte entries (name, NAME_FLAGS),
//	        then 46 bytes of statistics (unit ID first)

const nbnsPort = 137

// NBNS record types.
const (
	nbnsTypeNB     = 32
	nbnsTypeNBSTAT = 33
)

// NBNS header bit that DNS has not: the broadcast flag.
const nbnsFlagB = 0x0010

var protoNBNS = protoField("nbns", "NetBIOS Name Service")

// nbnsOpcodeNames are tshark's names of the opcodes (nbns.flags.opcode).
var nbnsOpcodeNames = [16]string{0: "Name query", 5: "Registration", 6: "Release",
	7: "Wait for acknowledgment", 8: "Refresh", 9: "Refresh (alternate opcode)", 15: "Multi-homed registration"}

// nbnsRcodeNames are tshark's names of the response codes.
var nbnsRcodeNames = [16]string{0: "No error", 1: "Request was invalidly formatted", 2: "Server failure",
	3: "Requested name does not exist", 4: "Request is not implemented", 5: "Request was refused",
	6: "Name is owned by another node", 7: "Name is in conflict"}

// nbnsONTNames are the owner node types as tshark's summary of a name's
// flags spells them; its ONT line names only B-node (value 0), as its value
// names are those of the unshifted field.
var nbnsONTNames = [4]string{"B-node", "P-node", "M-node", "H-node"}

// nbNameTypes are tshark's descriptions of a NetBIOS name's 16th byte.
var nbNameTypes = map[byte]string{
	0x00: "Workstation/Redirector", 0x01: "Browser", 0x02: "Workstation/Redirector",
	0x03: "Messenger service/Main name", 0x05: "Forwarded name", 0x06: "RAS Server service",
	0x1b: "Domain Master Browser", 0x1c: "Domain Controllers", 0x1d: "Local Master Browser",
	0x1e: "Browser Election Service", 0x1f: "Net DDE Service", 0x20: "Server service",
	0x21: "RAS client service", 0x22: "Exchange Interchange (MSMail Connector)", 0x23: "Exchange Store",
	0x24: "Exchange Directory", 0x2b: "Lotus Notes Server service", 0x30: "Modem sharing server service",
	0x31: "Modem sharing client service", 0x43: "SMS Clients Remote Control",
	0x44: "SMS Administrators Remote Control Tool", 0x45: "SMS Clients Remote Chat",
	0x46: "SMS Clients Remote Transfer", 0x4c: "DEC Pathworks TCP/IP Service on Windows NT",
	0x52: "DEC Pathworks TCP/IP Service on Windows NT", 0x6a: "Microsoft Exchange IMC",
	0x87: "Microsoft Exchange MTA", 0xbe: "Network Monitor Agent", 0xbf: "Network Monitor Analyzer",
}

// appendNBTypeName appends " (description)" of a name type.
func appendNBTypeName(b []byte, typ byte) []byte {
	s, ok := nbNameTypes[typ]
	if !ok {
		s = "Unknown"
	}
	b = append(b, " ("...)
	b = append(b, s...)
	return append(b, ')')
}

// appendNBRaw appends a 16-byte NetBIOS name as tshark shows it: the first
// 15 bytes without trailing spaces, bytes outside printable ASCII as
// "<xx>", then the type as "<xx>".
func appendNBRaw(b []byte, n []byte) []byte {
	return appendNBHexByte(appendNBChars(b, n), n[15])
}

// appendNBChars appends the first 15 bytes of a NetBIOS name without
// trailing spaces, bytes outside printable ASCII as "<xx>".
func appendNBChars(b []byte, n []byte) []byte {
	end := 15
	for end > 0 && n[end-1] == ' ' {
		end--
	}
	for _, c := range n[:end] {
		if c < 0x20 || c > 0x7e {
			b = appendNBHexByte(b, c)
			continue
		}
		b = append(b, c)
	}
	return b
}

func appendNBHexByte(b []byte, c byte) []byte {
	const digits = "0123456789abcdef"
	return append(b, '<', digits[c>>4], digits[c&15], '>')
}

// nbName decodes the encoded NetBIOS name at off: ok is false where the
// first label is not 32 letters 'A' to 'P' (tshark calls it illegal) or the
// name is damaged.
func nbName(m DNS, off int) (raw [16]byte, ok bool) {
	it := m.Name(off)
	l, more := it.Next()
	if !more || len(l) != 32 {
		return raw, false
	}
	for k := range 16 {
		hi, lo := l[2*k]-'A', l[2*k+1]-'A'
		if hi > 15 || lo > 15 {
			return raw, false
		}
		raw[k] = hi<<4 | lo
	}
	for _, more := it.Next(); more; _, more = it.Next() {
	}
	return raw, !it.Err()
}

// appendNBName appends the name at off as tshark shows it:
// "WORKGROUP<1d>" and, after a dot, its scope. ok is false for a name
// nbName refuses.
func appendNBName(b []byte, m DNS, off int) (_ []byte, typ byte, ok bool) {
	raw, ok := nbName(m, off)
	if !ok {
		return b, 0, false
	}
	b = appendNBRaw(b, raw[:])
	it := m.Name(off)
	it.Next()
	for l, more := it.Next(); more; l, more = it.Next() {
		b = append(b, '.')
		b = append(b, l...)
	}
	return b, raw[15], true
}

// nbnsTypeName returns tshark's name of a record type.
func nbnsTypeName(t uint16) string {
	switch t {
	case nbnsTypeNB:
		return "NB"
	case nbnsTypeNBSTAT:
		return "NBSTAT"
	}
	return "Unknown"
}

// nbnsClassName returns tshark's name of a class.
func nbnsClassName(c uint16) string {
	switch c {
	case 1:
		return "IN"
	case 2:
		return "CS"
	case 3:
		return "CH"
	case 4:
		return "HS"
	}
	return "Unknown"
}

func appendNBNSOpcode(b []byte, op uint8) []byte {
	if s := nbnsOpcodeNames[op&15]; s != "" {
		return append(b, s...)
	}
	b = append(b, "Unknown ("...)
	b = strconv.AppendUint(b, uint64(op), 10)
	return append(b, ')')
}

func appendNBNSRcode(b []byte, rc uint8) []byte {
	if s := nbnsRcodeNames[rc&15]; s != "" {
		return append(b, s...)
	}
	b = append(b, "Unknown ("...)
	b = strconv.AppendUint(b, uint64(rc), 10)
	return append(b, ')')
}

// nbnsMessage returns the NBNS message of layer i.
func nbnsMessage(d *Decoder, i int) DNS {
	l := &d.layers[i]
	return DNS(d.data[l.Start:l.End:l.End])
}

// treeNBNS writes the NBNS subtree as tshark -V shows it.
func treeNBNS(t *treeWriter, d *Decoder, i int) {
	m := nbnsMessage(d, i)
	t.head("NetBIOS Name Service")
	t.end()
	if len(m) < dnsHeaderLen {
		return
	}
	t.depth = 1
	t.hex("Transaction ID", uint64(m.ID()), 4)
	flags := m.Flags()
	resp := flags&DNSFlagQR != 0
	v := uint64(flags)
	t.line()
	t.b = append(t.b, "Flags: 0x"...)
	t.b = appendHex4(t.b, flags)
	if resp {
		t.b = append(t.b, ", Response"...)
	}
	t.b = append(t.b, ", Opcode: "...)
	t.b = appendNBNSOpcode(t.b, m.Opcode())
	for _, f := range [...]struct {
		mask uint16
		resp bool
		name string
	}{{DNSFlagAA, true, ", Authoritative"}, {DNSFlagTC, false, ", Truncated"}, {DNSFlagRD, false, ", Recursion desired"},
		{DNSFlagRA, true, ", Recursion available"}, {nbnsFlagB, false, ", Broadcast"}} {
		if flags&f.mask != 0 && (resp || !f.resp) {
			t.b = append(t.b, f.name...)
		}
	}
	if resp {
		t.b = append(t.b, ", Reply code: "...)
		t.b = appendNBNSRcode(t.b, m.RCode())
	}
	t.end()
	t.depth = 2
	treeDNSFlag(t, v, DNSFlagQR, "Response", "Message is a response", "Message is a query")
	t.bits(v, 16, 0x7800, "Opcode")
	t.b = appendNBNSOpcode(t.b, m.Opcode())
	if nbnsOpcodeNames[m.Opcode()] != "" {
		t.b = append(t.b, " ("...)
		t.b = strconv.AppendUint(t.b, uint64(m.Opcode()), 10)
		t.b = append(t.b, ')')
	}
	t.end()
	if resp {
		treeDNSFlag(t, v, DNSFlagAA, "Authoritative", "Server is an authority for domain", "Server is not an authority for domain")
	}
	treeDNSFlag(t, v, DNSFlagTC, "Truncated", "Message is truncated", "Message is not truncated")
	treeDNSFlag(t, v, DNSFlagRD, "Recursion desired", "Do query recursively", "Don't do query recursively")
	if resp {
		treeDNSFlag(t, v, DNSFlagRA, "Recursion available", "Server can do recursive queries", "Server can't do recursive queries")
	}
	treeDNSFlag(t, v, nbnsFlagB, "Broadcast", "Broadcast packet", "Not a broadcast packet")
	if resp {
		t.bits(v, 16, 0x000f, "Reply code")
		t.b = appendNBNSRcode(t.b, m.RCode())
		if nbnsRcodeNames[m.RCode()] != "" {
			t.b = append(t.b, " ("...)
			t.b = strconv.AppendUint(t.b, uint64(m.RCode()), 10)
			t.b = append(t.b, ')')
		}
		t.end()
	}
	t.depth = 1
	t.int("Questions", int(m.QDCount()))
	t.int("Answer RRs", int(m.ANCount()))
	t.int("Authority RRs", int(m.NSCount()))
	t.int("Additional RRs", int(m.ARCount()))
	off := dnsHeaderLen
	if m.QDCount() > 0 {
		t.line()
		t.b = append(t.b, "Queries"...)
		t.end()
		for range m.QDCount() {
			q, next, ok := m.Question(off)
			if !ok || !treeNBNSEntry(t, m, q.Name, q.Type, q.Class, true) {
				return
			}
			off = next
		}
	}
	for _, sec := range [...]struct {
		label string
		n     uint16
	}{{"Answers", m.ANCount()}, {"Authoritative nameservers", m.NSCount()}, {"Additional records", m.ARCount()}} {
		if sec.n == 0 {
			continue
		}
		t.depth = 1
		t.line()
		t.b = append(t.b, sec.label...)
		t.end()
		for range sec.n {
			r, next, ok := m.Record(off)
			if !ok || !treeNBNSEntry(t, m, r.Name, r.Type, r.Class, false) {
				return
			}
			treeNBNSRecord(t, m, r)
			off = next
		}
	}
}

// treeNBNSEntry writes a question's or record's summary line and its
// name, type and class lines; false for a name it cannot show.
func treeNBNSEntry(t *treeWriter, m DNS, name int, typ, class uint16, question bool) bool {
	t.depth = 2
	mark := len(t.b)
	t.line()
	start := len(t.b)
	var nt byte
	var ok bool
	if t.b, nt, ok = appendNBName(t.b, m, name); !ok {
		t.b = t.b[:mark]
		return false
	}
	nameEnd := len(t.b)
	t.b = append(t.b, ": type "...)
	t.b = append(t.b, nbnsTypeName(typ)...)
	t.b = append(t.b, ", class "...)
	t.b = append(t.b, nbnsClassName(class)...)
	t.end()
	t.depth = 3
	t.line()
	t.b = append(t.b, "Name: "...)
	t.b = append(t.b, t.b[start:nameEnd]...)
	if question || typ == nbnsTypeNB {
		t.b = appendNBTypeName(t.b, nt)
	}
	t.end()
	t.line()
	t.b = append(t.b, "Type: "...)
	t.b = append(t.b, nbnsTypeName(typ)...)
	t.b = append(t.b, " ("...)
	t.b = strconv.AppendUint(t.b, uint64(typ), 10)
	t.b = append(t.b, ')')
	t.end()
	t.line()
	t.b = append(t.b, "Class: "...)
	t.b = append(t.b, nbnsClassName(class)...)
	t.b = append(t.b, " ("...)
	t.b = strconv.AppendUint(t.b, uint64(class), 10)
	t.b = append(t.b, ')')
	t.end()
	return true
}

// treeNBNSRecord writes a record's TTL, length and data.
func treeNBNSRecord(t *treeWriter, m DNS, r DNSRecord) {
	t.line()
	t.b = append(t.b, "Time to live: "...)
	t.b = appendDuration(t.b, r.TTL)
	t.end()
	t.int("Data length", r.Len)
	data := m.RecordData(r)
	switch r.Type {
	case nbnsTypeNB:
		for k := 0; k+6 <= len(data); k += 6 {
			nf := be16(data[k:])
			t.depth = 3
			t.line()
			t.b = append(t.b, "Name flags: 0x"...)
			t.b = appendHex4(t.b, nf)
			if nf&0x8000 != 0 {
				t.b = append(t.b, ", Name type"...)
			}
			t.b = append(t.b, ", ONT: "...)
			t.b = appendNBONT(t.b, nf)
			t.b = append(t.b, " ("...)
			t.b = append(t.b, nbnsONTNames[nf>>13&3]...)
			if nf&0x8000 != 0 {
				t.b = append(t.b, ", group)"...)
			} else {
				t.b = append(t.b, ", unique)"...)
			}
			t.end()
			t.depth = 4
			treeNBGroupONT(t, nf)
			t.depth = 3
			t.addr("Addr", addr4(data[k+2:k+6]))
		}
	case nbnsTypeNBSTAT:
		treeNBSTAT(t, data)
	default:
		if len(data) > 0 {
			t.line()
			t.b = append(t.b, "Data: "...)
			t.b = appendWSBytes(t.b, data)
			t.end()
		}
	}
}

// appendNBONT appends the ONT line's name of the owner node type: tshark
// names only 0.
func appendNBONT(b []byte, flags uint16) []byte {
	if flags&0x6000 == 0 {
		return append(b, "B-node"...)
	}
	return append(b, "Unknown"...)
}

// treeNBGroupONT writes a name's group and ONT bit lines.
func treeNBGroupONT(t *treeWriter, nf uint16) {
	treeDNSFlag(t, uint64(nf), 0x8000, "Name type", "Group name", "Unique name")
	t.bits(uint64(nf), 16, 0x6000, "ONT")
	t.b = appendNBONT(t.b, nf)
	t.b = append(t.b, " ("...)
	t.b = strconv.AppendUint(t.b, uint64(nf>>13&3), 10)
	t.b = append(t.b, ')')
	t.end()
}

// nbstatFlags are a node status entry's flags after G and ONT: mask,
// summary text and line label.
var nbstatFlags = [...]struct {
	mask  uint16
	label string
}{{0x1000, "Name is being deregistered"}, {0x0800, "Name is in conflict"}, {0x0400, "Name is active"}, {0x0200, "Permanent node name"}}

// nbstatStats are the node status statistics after the unit ID: label,
// width in bytes, shown in hex.
var nbstatStats = [...]struct {
	label string
	size  int
	hex   bool
}{{"Jumpers", 1, true}, {"Test result", 1, true}, {"Version number", 2, true}, {"Period of statistics", 2, true},
	{"Number of CRCs", 2, false}, {"Number of alignment errors", 2, false}, {"Number of collisions", 2, false},
	{"Number of send aborts", 2, false}, {"Number of good sends", 4, false}, {"Number of good receives", 4, false},
	{"Number of retransmits", 2, false}, {"Number of no resource conditions", 2, false},
	{"Number of command blocks", 2, false}, {"Number of pending sessions", 2, false},
	{"Max number of pending sessions", 2, false}, {"Max total sessions possible", 2, false},
	{"Session data packet size", 2, false}}

// treeNBSTAT writes a node status response's names and statistics.
func treeNBSTAT(t *treeWriter, data []byte) {
	t.depth = 3
	if len(data) < 1 {
		return
	}
	n := int(data[0])
	t.int("Number of names", n)
	k := 1
	for range n {
		if k+18 > len(data) {
			return
		}
		t.line()
		t.b = append(t.b, "Name: "...)
		t.b = appendNBRaw(t.b, data[k:k+16])
		t.b = appendNBTypeName(t.b, data[k+15])
		t.end()
		nf := be16(data[k+16:])
		t.line()
		t.b = append(t.b, "Name flags: 0x"...)
		t.b = appendHex4(t.b, nf)
		if nf&0x8000 != 0 {
			t.b = append(t.b, ", Name type"...)
		}
		t.b = append(t.b, ", ONT: "...)
		t.b = appendNBONT(t.b, nf)
		for _, f := range nbstatFlags {
			if nf&f.mask != 0 {
				t.b = append(t.b, ", "...)
				t.b = append(t.b, f.label...)
			}
		}
		t.end()
		t.depth = 4
		treeNBGroupONT(t, nf)
		for _, f := range nbstatFlags {
			treeDNSFlag(t, uint64(nf), uint64(f.mask), f.label, "Yes", "No")
		}
		t.depth = 3
		k += 18
	}
	if k+6 > len(data) {
		return
	}
	t.line()
	t.b = append(t.b, "Unit ID: "...)
	t.b = MAC(data[k : k+6]).AppendTo(t.b)
	t.end()
	k += 6
	for _, s := range nbstatStats {
		if k+s.size > len(data) {
			return
		}
		var v uint64
		switch s.size {
		case 1:
			v = uint64(data[k])
		case 2:
			v = uint64(be16(data[k:]))
		default:
			v = uint64(be32(data[k:]))
		}
		if s.hex {
			t.hex(s.label, v, 2*s.size)
		} else {
			t.int(s.label, int(v))
		}
		k += s.size
	}
}

// infoNBNS appends tshark's Info for an NBNS message: the opcode, "
// response" and the reply code, each question's type and name and each
// answer's type and first address.
func infoNBNS(b []byte, d *Decoder, i int) []byte {
	m := nbnsMessage(d, i)
	if len(m) < 4 {
		return b
	}
	b = appendNBNSOpcode(b, m.Opcode())
	if len(m) < dnsHeaderLen {
		m = m[:4:4] // tshark names the opcode, then finds the counts missing
		if m.Flags()&DNSFlagQR != 0 {
			b = append(b, " response"...)
		}
		return b
	}
	if m.Response() {
		b = append(b, " response"...)
		if rc := m.RCode(); rc != 0 {
			b = append(b, ", "...)
			b = appendNBNSRcode(b, rc)
		}
	}
	off := dnsHeaderLen
	for range m.QDCount() {
		q, next, ok := m.Question(off)
		if !ok {
			return b
		}
		mark := len(b)
		b = append(b, ' ')
		b = append(b, nbnsTypeName(q.Type)...)
		b = append(b, ' ')
		if b, _, ok = appendNBName(b, m, q.Name); !ok {
			return b[:mark] // tshark's words for an illegal name are not rawcap's
		}
		off = next
	}
	for range m.ANCount() {
		r, next, ok := m.Record(off)
		if !ok {
			// A record cut short still shows its type, as tshark does.
			if n, ok := m.SkipName(off); ok && n+2 <= len(m) {
				b = append(b, ' ')
				b = append(b, nbnsTypeName(be16(m[n:]))...)
			}
			return b
		}
		b = append(b, ' ')
		b = append(b, nbnsTypeName(r.Type)...)
		if data := m.RecordData(r); r.Type == nbnsTypeNB && len(data) >= 6 {
			b = append(b, ' ')
			b = addr4(data[2:6]).AppendTo(b)
		}
		off = next
	}
	return b
}
