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

// appendNBONT appends the ONT line's name of the owner node type: tshark
// names only 0.
func appendNBONT(b []byte, flags uint16) []byte {
	if flags&0x6000 == 0 {
		return append(b, "B-node"...)
	}
	return append(b, "Unknown"...)
}

// appendNBONTLine appends a name's ONT bit line: ".00. .... .... .... =
// ONT: B-node (0)".
func appendNBONTLine(b []byte, nf uint16) []byte {
	b = appendBitDrawing(b, uint64(nf), 16, 0x6000)
	b = appendNBONT(append(b, " = ONT: "...), nf)
	b = append(b, " ("...)
	b = strconv.AppendUint(b, uint64(nf>>13&3), 10)
	return append(b, ')')
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
