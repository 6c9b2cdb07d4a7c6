package decode

import (
	"bytes"
	"net/netip"
	"strconv"
	"strings"
	"time"
)

// This file writes the DNS subtree of -V as tshark -V shows it.

var dnsOpcodeNames = [...]string{0: "Standard query", 1: "Inverse query", 2: "Server status request", 4: "Zone change notification", 5: "Dynamic update"}

var dnsRcodeNames = [...]string{0: "No error", 1: "Format error", 2: "Server failure", 3: "No such name",
	4: "Not implemented", 5: "Refused", 6: "Name exists", 7: "RRset exists", 8: "RRset does not exist",
	9: "Not authoritative", 10: "Name out of zone"}

// appendDNSFlagsSummary appends the flags line of message m: "Flags:
// 0x8180 Standard query response, No error".
func appendDNSFlagsSummary(b []byte, m DNS) []byte {
	flags := m.Flags()
	b = appendHex4(append(b, "Flags: 0x"...), flags)
	op := int(m.Opcode())
	b = append(b, ' ')
	if op < len(dnsOpcodeNames) && dnsOpcodeNames[op] != "" {
		b = append(b, dnsOpcodeNames[op]...)
	} else {
		b = append(b, "Unknown operation"...)
	}
	if flags&DNSFlagQR != 0 {
		b = append(b, " response, "...)
		if rc := int(m.RCode()); rc < len(dnsRcodeNames) {
			b = append(b, dnsRcodeNames[rc]...)
		} else {
			b = append(b, "Unknown error"...)
		}
	}
	return b
}

// appendMDNSClass appends an mDNS class's line, the class without its top
// bit: ".000 0000 0000 0001 = Class: IN (0x0001)".
func appendMDNSClass(b []byte, c uint16) []byte {
	b = appendBitDrawing(b, uint64(c), 16, 0x7fff)
	b = append(b, " = Class: "...)
	b = appendTreeClass(b, c&0x7fff)
	b = append(b, " (0x"...)
	b = appendHex4(b, c&0x7fff)
	return append(b, ')')
}

// dnsTypeDescriptions are Wireshark's long names of the common types.
var dnsTypeDescriptions = map[uint16]string{
	1: "A (Host Address)", 2: "NS (authoritative Name Server)", 5: "CNAME (Canonical NAME for an alias)",
	6: "SOA (Start Of a zone of Authority)", 12: "PTR (domain name PoinTeR)", 15: "MX (Mail eXchange)",
	16: "TXT (Text strings)", 28: "AAAA (IPv6 Address)", 33: "SRV (Server Selection)", 41: "OPT",
	43: "DS (Delegation Signer)", 46: "RRSIG (Resource Record Signature)", 47: "NSEC (Next Secure)",
	48: "DNSKEY (DNS Public Key)", 64: "SVCB (General Purpose Service Endpoints)",
	65: "HTTPS (HTTPS Specific Service Endpoints)", 255: "* (A request for all records the server/cache has available)",
}

// appendTreeTypeShort appends the type as Wireshark's summary lines name it.
func appendTreeTypeShort(b []byte, typ uint16) []byte {
	if s, ok := dnsTypeDescriptions[typ]; ok && typ != 255 {
		if i := strings.IndexByte(s, ' '); i > 0 {
			s = s[:i]
		}
		return append(b, s...)
	}
	if s := DNSTypeName(typ); s != "" {
		return append(b, s...)
	}
	b = append(b, "Unknown ("...)
	b = strconv.AppendUint(b, uint64(typ), 10)
	return append(b, ')')
}

// appendTreeClass appends the class as Wireshark names it.
func appendTreeClass(b []byte, c uint16) []byte {
	switch c {
	case 1:
		return append(b, "IN"...)
	case 3:
		return append(b, "CH"...)
	case 4:
		return append(b, "HS"...)
	case 254:
		return append(b, "NONE"...)
	case 255:
		return append(b, "ANY"...)
	}
	return append(b, "Unknown"...) // the Class line adds the number
}

// appendTreeType appends "A (Host Address) (1)" as tshark -V shows a type.
func appendTreeType(b []byte, typ uint16) []byte {
	if s, ok := dnsTypeDescriptions[typ]; ok {
		b = append(b, s...)
	} else {
		b = append(b, "Unknown"...)
	}
	b = append(b, " ("...)
	b = strconv.AppendUint(b, uint64(typ), 10)
	return append(b, ')')
}

// appendTreeSeconds appends "300 (5 minutes)" as Wireshark shows durations.
func appendTreeSeconds(b []byte, v uint32) []byte {
	b = strconv.AppendUint(b, uint64(v), 10)
	b = append(b, " ("...)
	b = appendDuration(b, v)
	return append(b, ')')
}

// appendDuration appends v seconds as Wireshark spells a duration: "1
// hour, 15 minutes", "0 seconds".
func appendDuration(b []byte, v uint32) []byte {
	if v == 0 {
		return append(b, "0 seconds"...)
	}
	first := true
	for _, u := range [...]struct {
		n    uint32
		name string
	}{{86400, "day"}, {3600, "hour"}, {60, "minute"}, {1, "second"}} {
		k := v / u.n
		v -= k * u.n
		if k == 0 {
			continue
		}
		if !first {
			b = append(b, ", "...)
		}
		first = false
		b = strconv.AppendUint(b, uint64(k), 10)
		b = append(b, ' ')
		b = append(b, u.name...)
		if k != 1 {
			b = append(b, 's')
		}
	}
	return b
}

// appendDNSRecordSummary appends a record's line: "name: type A, class
// IN, addr 192.0.2.1".
func appendDNSRecordSummary(b []byte, m DNS, r DNSRecord, fl dnsFlavor) []byte {
	data := m.RecordData(r)
	b, _ = m.AppendName(b, r.Name)
	b = append(b, ": type "...)
	b = appendTreeTypeShort(b, r.Type)
	if r.Type != DNSTypeOPT {
		b = append(b, ", class "...)
		b = appendTreeClass(b, fl.class(r.Class))
		if fl == flavorMDNS && r.Class&mdnsClassTop != 0 {
			b = append(b, ", cache flush"...)
		}
	}
	switch r.Type {
	case DNSTypeA:
		if len(data) == 4 {
			b = append(b, ", addr "...)
			b = netip.AddrFrom4([4]byte(data)).AppendTo(b)
		}
	case DNSTypeAAAA:
		if len(data) == 16 {
			b = append(b, ", addr "...)
			b = netip.AddrFrom16([16]byte(data)).AppendTo(b)
		}
	case DNSTypeCNAME:
		b = append(b, ", cname "...)
		b, _ = m.AppendName(b, r.Data)
	case DNSTypeNS:
		b = append(b, ", ns "...)
		b, _ = m.AppendName(b, r.Data)
	case DNSTypePTR:
		b = append(b, ", "...)
		b, _ = m.AppendName(b, r.Data)
	case DNSTypeMX:
		if len(data) >= 3 {
			b = append(b, ", preference "...)
			b = strconv.AppendUint(b, uint64(be16(data)), 10)
			b = append(b, ", mx "...)
			b, _ = m.AppendName(b, r.Data+2)
		}
	case DNSTypeSRV:
		if len(data) >= 7 {
			b = append(b, ", priority "...)
			b = strconv.AppendUint(b, uint64(be16(data)), 10)
			b = append(b, ", weight "...)
			b = strconv.AppendUint(b, uint64(be16(data[2:])), 10)
			b = append(b, ", port "...)
			b = strconv.AppendUint(b, uint64(be16(data[4:])), 10)
			b = append(b, ", target "...)
			b, _ = m.AppendName(b, r.Data+6)
		}
	case DNSTypeSOA:
		b = append(b, ", mname "...)
		b, _ = m.AppendName(b, r.Data)
	case dnsTypeNSEC:
		b = append(b, ", next domain name "...)
		b, _ = m.AppendName(b, r.Data)
	}
	return b
}

// lineRRSIG adds, in a tree list, an RRSIG record's data lines.
func lineRRSIG(e *emitter, m DNS, r DNSRecord) {
	data := m.RecordData(r)
	if len(data) < 18 {
		return
	}
	e.Line(appendTreeType(append(e.Text(), "Type Covered: "...), be16(data)))
	b := append(e.Text(), "Algorithm: "...)
	if s, ok := dnsSecAlgWSNames[data[2]]; ok {
		b = append(b, s...)
	} else {
		b = append(b, "Unknown"...)
	}
	b = append(b, " ("...)
	b = strconv.AppendUint(b, uint64(data[2]), 10)
	e.Line(append(b, ')'))
	e.Line(strconv.AppendUint(append(e.Text(), "Labels: "...), uint64(data[3]), 10))
	e.Line(appendTreeSeconds(append(e.Text(), "Original TTL: "...), be32(data[4:])))
	for k, label := range [...]string{"Signature Expiration: ", "Signature Inception: "} {
		b := append(e.Text(), label...)
		e.Line(time.Unix(int64(be32(data[8+4*k:])), 0).UTC().AppendFormat(b, "Jan _2, 2006 15:04:05.000000000 UTC"))
	}
	e.Line(strconv.AppendUint(append(e.Text(), "Key Tag: "...), uint64(be16(data[16:])), 10))
	end, ok := m.SkipName(r.Data + 18)
	if !ok || end > r.Data+r.Len {
		return
	}
	b, _ = m.AppendName(append(e.Text(), "Signer's name: "...), r.Data+18)
	e.Line(b)
	e.Line(appendWSBytes(append(e.Text(), "Signature: "...), m[end:r.Data+r.Len]))
}

// dnsSecAlgWSNames are Wireshark's names of the DNSSEC algorithms.
var dnsSecAlgWSNames = map[byte]string{
	1: "RSA/MD5", 3: "DSA/SHA1", 5: "RSA/SHA1", 6: "DSA + NSEC3/SHA1", 7: "RSA/SHA1 + NSEC3/SHA1",
	8: "RSA/SHA-256", 10: "RSA/SHA-512", 13: "ECDSA Curve P-256 with SHA-256",
	14: "ECDSA Curve P-384 with SHA-384", 15: "ED25519", 16: "ED448",
}

// appendWSBytes appends data in hex as Wireshark's tree shows bytes: at
// most 36 of them, then "…".
func appendWSBytes(b, data []byte) []byte {
	if len(data) == 0 {
		return append(b, "<MISSING>"...)
	}
	if len(data) > 36 {
		return append(appendHexBytes(b, data[:36]), "…"...)
	}
	return appendHexBytes(b, data)
}

var ednsOptionWSNames = map[uint16]string{
	3: "NSID - Name Server Identifier", 5: "DAU - DNSSEC Algorithm Understood (RFC6975)",
	6: "DHU - DS Hash Understood (RFC6975)", 7: "N3U - NSEC3 Hash Understood (RFC6975)",
	8: "CSUBNET - Client subnet", 9: "EDNS EXPIRE (RFC7314)", 10: "COOKIE",
	11: "EDNS TCP Keepalive", 12: "PADDING", 13: "CHAIN",
}

// lineEDNSOption adds, in a tree list, the lines of one EDNS option of an
// OPT record: its title, and a level deeper its code, length, data and
// what rawcap decodes of it.
func lineEDNSOption(e *emitter, code uint16, data []byte) {
	name, ok := ednsOptionWSNames[code]
	appendName := func(b []byte) []byte {
		if ok {
			return append(b, name...)
		}
		b = append(b, "Unknown ("...)
		b = strconv.AppendUint(b, uint64(code), 10)
		return append(b, ')')
	}
	e.Line(appendName(append(e.Text(), "Option: "...)))
	e.Sub()
	b := appendName(append(e.Text(), "Option Code: "...))
	if ok {
		b = append(b, " ("...)
		b = strconv.AppendUint(b, uint64(code), 10)
		b = append(b, ')')
	}
	e.Line(b)
	e.Line(strconv.AppendUint(append(e.Text(), "Option Length: "...), uint64(len(data)), 10))
	e.Line(appendWSBytes(append(e.Text(), "Option Data: "...), data))
	switch code {
	case 8: // client subnet
		if len(data) < 4 {
			break
		}
		fam := be16(data)
		b := append(e.Text(), "Family: "...)
		switch fam {
		case 1:
			b = append(b, "IPv4 (1)"...)
		case 2:
			b = append(b, "IPv6 (2)"...)
		default:
			b = append(b, "Unknown ("...)
			b = strconv.AppendUint(b, uint64(fam), 10)
			b = append(b, ')')
		}
		e.Line(b)
		e.Line(strconv.AppendUint(append(e.Text(), "Source Netmask: "...), uint64(data[2]), 10))
		e.Line(strconv.AppendUint(append(e.Text(), "Scope Netmask: "...), uint64(data[3]), 10))
		var a [16]byte
		copy(a[:], data[4:])
		switch fam {
		case 1:
			e.Line(netip.AddrFrom4([4]byte(a[:4])).AppendTo(append(e.Text(), "Client Subnet: "...)))
		case 2:
			e.Line(netip.AddrFrom16(a).AppendTo(append(e.Text(), "Client Subnet: "...)))
		}
	case 10: // cookie
		if len(data) < 8 {
			break
		}
		e.Line(appendHexBytes(append(e.Text(), "Client Cookie: "...), data[:8]))
		e.Line(appendWSBytes(append(e.Text(), "Server Cookie: "...), data[8:]))
	case 11: // TCP keepalive
		if len(data) == 2 {
			e.Line(strconv.AppendUint(append(e.Text(), "Timeout: "...), uint64(be16(data)), 10))
		}
	case 12: // padding
		e.Line(appendWSBytes(append(e.Text(), "Padding: "...), data))
	}
	e.Up()
}

// srvNameBuf holds any name AppendName writes: 255 characters, each at
// most four when escaped.
const srvNameBuf = 4*255 + 64

// srvOwnerParts splits an SRV owner name as Wireshark 4.0 does: at its
// first two dots, whatever the labels look like ("_sip._tcp.example.com":
// "_sip", "_tcp", "example.com"; "My Web._http._tcp.local": "My Web",
// "_http", "_tcp.local"). n is the number of parts (1 to 3).
func srvOwnerParts(name []byte) (parts [3][]byte, n int) {
	for n < 2 {
		k := bytes.IndexByte(name, '.')
		if k < 0 {
			break
		}
		parts[n] = name[:k]
		name = name[k+1:]
		n++
	}
	parts[n] = name
	return parts, n + 1
}
