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

// treeDNS writes the DNS subtree as tshark -V shows its main fields.
func treeDNS(t *treeWriter, d *Decoder, i int) {
	m, _ := dnsMessage(d, i)
	fl := dnsFlavorOf(d, i)
	if len(m) < dnsHeaderLen {
		t.head(dnsTitles[fl][0])
		t.end()
		return
	}
	flags := m.Flags()
	resp := flags&DNSFlagQR != 0
	if resp {
		t.head(dnsTitles[fl][2])
	} else {
		t.head(dnsTitles[fl][1])
	}
	t.end()
	t.depth = 1
	t.hex("Transaction ID", uint64(m.ID()), 4)
	t.line()
	t.b = append(t.b, "Flags: 0x"...)
	t.b = appendHex4(t.b, flags)
	op := int(m.Opcode())
	t.b = append(t.b, ' ')
	if op < len(dnsOpcodeNames) && dnsOpcodeNames[op] != "" {
		t.b = append(t.b, dnsOpcodeNames[op]...)
	} else {
		t.b = append(t.b, "Unknown operation"...)
	}
	if resp {
		t.b = append(t.b, " response"...)
		t.b = append(t.b, ", "...)
		if rc := int(m.RCode()); rc < len(dnsRcodeNames) {
			t.b = append(t.b, dnsRcodeNames[rc]...)
		} else {
			t.b = append(t.b, "Unknown error"...)
		}
	}
	t.end()
	t.depth = 2
	v := uint64(flags)
	t.bits(v, 16, DNSFlagQR, "Response")
	if resp {
		t.b = append(t.b, "Message is a response"...)
	} else {
		t.b = append(t.b, "Message is a query"...)
	}
	t.end()
	t.bits(v, 16, 0x7800, "Opcode")
	if op < len(dnsOpcodeNames) && dnsOpcodeNames[op] != "" {
		t.b = append(t.b, dnsOpcodeNames[op]...)
	} else {
		t.b = append(t.b, "Unknown"...)
	}
	t.b = append(t.b, " ("...)
	t.b = strconv.AppendInt(t.b, int64(op), 10)
	t.b = append(t.b, ')')
	t.end()
	if fl == flavorLLMNR {
		treeLLMNRFlags(t, v, resp)
	} else {
		treeDNSFlags(t, v, resp)
	}
	if resp {
		t.bits(v, 16, 0x000f, "Reply code")
		rc := int(m.RCode())
		if rc < len(dnsRcodeNames) {
			t.b = append(t.b, dnsRcodeNames[rc]...)
		} else {
			t.b = append(t.b, "Unknown"...)
		}
		t.b = append(t.b, " ("...)
		t.b = strconv.AppendInt(t.b, int64(rc), 10)
		t.b = append(t.b, ')')
		t.end()
	}
	t.depth = 1
	if op == 5 {
		t.int("Zones", int(m.QDCount()))
		t.int("Prerequisites", int(m.ANCount()))
		t.int("Updates", int(m.NSCount()))
	} else {
		t.int("Questions", int(m.QDCount()))
		t.int("Answer RRs", int(m.ANCount()))
		t.int("Authority RRs", int(m.NSCount()))
	}
	t.int("Additional RRs", int(m.ARCount()))
	treeDNSSections(t, m, fl, op)
	treeDNSLink(t, i)
}

// treeDNSFlags writes DNS's (and mDNS's) flag lines after the opcode.
func treeDNSFlags(t *treeWriter, v uint64, resp bool) {
	if resp {
		treeDNSFlag(t, v, DNSFlagAA, "Authoritative", "Server is an authority for domain", "Server is not an authority for domain")
	}
	treeDNSFlag(t, v, DNSFlagTC, "Truncated", "Message is truncated", "Message is not truncated")
	treeDNSFlag(t, v, DNSFlagRD, "Recursion desired", "Do query recursively", "Don't do query recursively")
	if resp {
		treeDNSFlag(t, v, DNSFlagRA, "Recursion available", "Server can do recursive queries", "Server can't do recursive queries")
	}
	t.bits(v, 16, DNSFlagZ, "Z")
	if v&DNSFlagZ != 0 {
		t.b = append(t.b, "reserved - incorrect!"...)
	} else {
		t.b = append(t.b, "reserved (0)"...)
	}
	t.end()
	if resp {
		treeDNSFlag(t, v, DNSFlagAD, "Answer authenticated", "Answer/authority portion was authenticated by the server", "Answer/authority portion was not authenticated by the server")
	}
	if !resp && v&DNSFlagAD != 0 {
		t.bits(v, 16, DNSFlagAD, "AD bit")
		t.b = append(t.b, "Set"...)
		t.end()
	}
	treeDNSFlag(t, v, DNSFlagCD, "Non-authenticated data", "Acceptable", "Unacceptable")
}

// treeDNSSections writes the questions and the three sections of records.
func treeDNSSections(t *treeWriter, m DNS, fl dnsFlavor, op int) {
	off := dnsHeaderLen
	ok := true
	if m.QDCount() > 0 {
		t.line()
		if op == 5 {
			t.b = append(t.b, "Zone"...)
		} else {
			t.b = append(t.b, "Queries"...)
		}
		t.end()
		for range m.QDCount() {
			var q DNSQuestion
			if q, off, ok = m.Question(off); !ok {
				return
			}
			t.depth = 2
			t.line()
			t.b, _ = m.AppendName(t.b, q.Name)
			t.b = append(t.b, ": type "...)
			t.b = appendTreeTypeShort(t.b, q.Type)
			t.b = append(t.b, ", class "...)
			t.b = appendTreeClass(t.b, fl.class(q.Class))
			if fl == flavorMDNS {
				if q.Class&mdnsClassTop != 0 {
					t.b = append(t.b, `, "QU" question`...)
				} else {
					t.b = append(t.b, `, "QM" question`...)
				}
			}
			t.end()
			t.depth = 3
			t.line()
			t.b = append(t.b, "Name: "...)
			n := len(t.b)
			t.b, _ = m.AppendName(t.b, q.Name)
			nameLen := len(t.b) - n
			labels := 0
			it := m.Name(q.Name)
			for _, ok := it.Next(); ok; _, ok = it.Next() {
				labels++
			}
			if labels == 0 {
				nameLen, labels = 6, 1 // Wireshark counts "<Root>" as one label
			}
			if string(t.b[n:]) == "<Name too long>" {
				labels = 1 // Wireshark gives up on the name and counts it as one label
			}
			t.end()
			t.int("[Name Length", nameLen)
			t.b[len(t.b)-1] = ']'
			t.end()
			t.int("[Label Count", labels)
			t.b[len(t.b)-1] = ']'
			t.end()
			t.line()
			t.b = append(t.b, "Type: "...)
			t.b = appendTreeType(t.b, q.Type)
			t.end()
			if fl == flavorMDNS {
				treeMDNSClass(t, q.Class, `"QU" question`)
				continue
			}
			t.line()
			t.b = append(t.b, "Class: "...)
			t.b = appendTreeClass(t.b, q.Class)
			t.b = append(t.b, " (0x"...)
			t.b = appendHex4(t.b, q.Class)
			t.b = append(t.b, ')')
			t.end()
		}
	}
	for _, sec := range [...]struct {
		label string
		n     uint16
	}{{"Answers", m.ANCount()}, {"Authoritative nameservers", m.NSCount()}, {"Additional records", m.ARCount()}} {
		if sec.n == 0 {
			continue
		}
		if op == 5 {
			switch sec.label {
			case "Answers":
				sec.label = "Prerequisites"
			case "Authoritative nameservers":
				sec.label = "Updates"
			}
		}
		t.depth = 1
		t.line()
		t.b = append(t.b, sec.label...)
		t.end()
		for range sec.n {
			var r DNSRecord
			if r, off, ok = m.Record(off); !ok {
				return
			}
			treeDNSRecord(t, m, r, fl)
		}
	}
}

func treeDNSFlag(t *treeWriter, v uint64, mask uint64, label, set, unset string) {
	t.bits(v, 16, mask, label)
	if v&mask != 0 {
		t.b = append(t.b, set...)
	} else {
		t.b = append(t.b, unset...)
	}
	t.end()
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

// treeDNSName appends a "label: name" line.
func treeDNSName(t *treeWriter, m DNS, label string, off int) {
	t.line()
	t.b = append(t.b, label...)
	t.b, _ = m.AppendName(t.b, off)
	t.end()
}

func treeDNSRecord(t *treeWriter, m DNS, r DNSRecord, fl dnsFlavor) {
	data := m.RecordData(r)
	t.depth = 2
	t.line()
	t.b, _ = m.AppendName(t.b, r.Name)
	t.b = append(t.b, ": type "...)
	t.b = appendTreeTypeShort(t.b, r.Type)
	if r.Type != DNSTypeOPT {
		t.b = append(t.b, ", class "...)
		t.b = appendTreeClass(t.b, fl.class(r.Class))
		if fl == flavorMDNS && r.Class&mdnsClassTop != 0 {
			t.b = append(t.b, ", cache flush"...)
		}
	}
	switch r.Type {
	case DNSTypeA:
		if len(data) == 4 {
			t.b = append(t.b, ", addr "...)
			t.b = netip.AddrFrom4([4]byte(data)).AppendTo(t.b)
		}
	case DNSTypeAAAA:
		if len(data) == 16 {
			t.b = append(t.b, ", addr "...)
			t.b = netip.AddrFrom16([16]byte(data)).AppendTo(t.b)
		}
	case DNSTypeCNAME:
		t.b = append(t.b, ", cname "...)
		t.b, _ = m.AppendName(t.b, r.Data)
	case DNSTypeNS:
		t.b = append(t.b, ", ns "...)
		t.b, _ = m.AppendName(t.b, r.Data)
	case DNSTypePTR:
		t.b = append(t.b, ", "...)
		t.b, _ = m.AppendName(t.b, r.Data)
	case DNSTypeMX:
		if len(data) >= 3 {
			t.b = append(t.b, ", preference "...)
			t.b = strconv.AppendUint(t.b, uint64(be16(data)), 10)
			t.b = append(t.b, ", mx "...)
			t.b, _ = m.AppendName(t.b, r.Data+2)
		}
	case DNSTypeSRV:
		if len(data) >= 7 {
			t.b = append(t.b, ", priority "...)
			t.b = strconv.AppendUint(t.b, uint64(be16(data)), 10)
			t.b = append(t.b, ", weight "...)
			t.b = strconv.AppendUint(t.b, uint64(be16(data[2:])), 10)
			t.b = append(t.b, ", port "...)
			t.b = strconv.AppendUint(t.b, uint64(be16(data[4:])), 10)
			t.b = append(t.b, ", target "...)
			t.b, _ = m.AppendName(t.b, r.Data+6)
		}
	case DNSTypeSOA:
		t.b = append(t.b, ", mname "...)
		t.b, _ = m.AppendName(t.b, r.Data)
	case dnsTypeNSEC:
		t.b = append(t.b, ", next domain name "...)
		t.b, _ = m.AppendName(t.b, r.Data)
	}
	t.end()
	t.depth = 3
	if !treeSRVOwner(t, m, r) {
		treeDNSName(t, m, "Name: ", r.Name)
	}
	t.line()
	t.b = append(t.b, "Type: "...)
	t.b = appendTreeType(t.b, r.Type)
	t.end()
	if r.Type == DNSTypeOPT {
		t.int("UDP payload size", int(r.Class))
		t.hex("Higher bits in extended RCODE", uint64(r.TTL>>24), 2)
		t.int("EDNS0 version", int(r.TTL>>16&0xff))
		z := uint64(r.TTL & 0xffff)
		t.hex("Z", z, 4)
		t.depth = 4
		t.bits(z, 16, 0x8000, "DO bit")
		if z&0x8000 != 0 {
			t.b = append(t.b, "Accepts DNSSEC security RRs"...)
		} else {
			t.b = append(t.b, "Cannot handle DNSSEC security RRs"...)
		}
		t.end()
		t.bits(z, 16, 0x7fff, "Reserved")
		t.b = append(t.b, "0x"...)
		t.b = appendHex4(t.b, uint16(z&0x7fff))
		t.end()
		t.depth = 3
		t.int("Data length", r.Len)
		for k := 0; k+4 <= len(data); {
			code, n := be16(data[k:]), int(be16(data[k+2:]))
			if k+4+n > len(data) {
				break
			}
			treeEDNSOption(t, code, data[k+4:k+4+n])
			k += 4 + n
		}
		return
	}
	if fl == flavorMDNS {
		treeMDNSClass(t, r.Class, "Cache flush")
	} else {
		t.line()
		t.b = append(t.b, "Class: "...)
		t.b = appendTreeClass(t.b, r.Class)
		t.b = append(t.b, " (0x"...)
		t.b = appendHex4(t.b, r.Class)
		t.b = append(t.b, ')')
		t.end()
	}
	t.line()
	t.b = append(t.b, "Time to live: "...)
	t.b = appendTreeSeconds(t.b, r.TTL)
	t.end()
	t.int("Data length", r.Len)
	switch r.Type {
	case DNSTypeA:
		if len(data) == 4 {
			t.line()
			t.b = append(t.b, "Address: "...)
			t.b = netip.AddrFrom4([4]byte(data)).AppendTo(t.b)
			t.end()
		}
	case DNSTypeAAAA:
		if len(data) == 16 {
			t.line()
			t.b = append(t.b, "AAAA Address: "...)
			t.b = netip.AddrFrom16([16]byte(data)).AppendTo(t.b)
			t.end()
		}
	case DNSTypeCNAME:
		treeDNSName(t, m, "CNAME: ", r.Data)
	case DNSTypeNS:
		treeDNSName(t, m, "Name Server: ", r.Data)
	case DNSTypePTR:
		treeDNSName(t, m, "Domain Name: ", r.Data)
	case DNSTypeMX:
		if len(data) >= 3 {
			t.int("Preference", int(be16(data)))
			treeDNSName(t, m, "Mail Exchange: ", r.Data+2)
		}
	case DNSTypeSRV:
		if len(data) >= 7 {
			t.int("Priority", int(be16(data)))
			t.int("Weight", int(be16(data[2:])))
			t.int("Port", int(be16(data[4:])))
			treeDNSName(t, m, "Target: ", r.Data+6)
		}
	case dnsTypeNSEC:
		treeNSEC(t, m, r)
	case DNSTypeTXT:
		for k := 0; k < len(data); {
			n := int(data[k])
			if k+1+n > len(data) {
				break
			}
			t.int("TXT Length", n)
			t.line()
			t.b = append(t.b, "TXT: "...)
			t.b = append(t.b, data[k+1:k+1+n]...)
			t.end()
			k += 1 + n
		}
	case 46: // RRSIG
		if len(data) < 18 {
			break
		}
		t.line()
		t.b = append(t.b, "Type Covered: "...)
		t.b = appendTreeType(t.b, be16(data))
		t.end()
		t.line()
		t.b = append(t.b, "Algorithm: "...)
		if s, ok := dnsSecAlgWSNames[data[2]]; ok {
			t.b = append(t.b, s...)
		} else {
			t.b = append(t.b, "Unknown"...)
		}
		t.b = append(t.b, " ("...)
		t.b = strconv.AppendUint(t.b, uint64(data[2]), 10)
		t.b = append(t.b, ')')
		t.end()
		t.int("Labels", int(data[3]))
		t.line()
		t.b = append(t.b, "Original TTL: "...)
		t.b = appendTreeSeconds(t.b, be32(data[4:]))
		t.end()
		for k, label := range [...]string{"Signature Expiration: ", "Signature Inception: "} {
			t.line()
			t.b = append(t.b, label...)
			t.b = time.Unix(int64(be32(data[8+4*k:])), 0).UTC().AppendFormat(t.b, "Jan _2, 2006 15:04:05.000000000 UTC")
			t.end()
		}
		t.int("Key Tag", int(be16(data[16:])))
		end, ok := m.SkipName(r.Data + 18)
		if !ok || end > r.Data+r.Len {
			break
		}
		treeDNSName(t, m, "Signer's name: ", r.Data+18)
		t.line()
		t.b = append(t.b, "Signature: "...)
		t.b = appendWSBytes(t.b, m[end:r.Data+r.Len])
		t.end()
	case DNSTypeSOA:
		n1, ok1 := m.SkipName(r.Data)
		n2, ok2 := m.SkipName(n1)
		if !ok1 || !ok2 || n2+20 > r.Data+r.Len {
			break
		}
		treeDNSName(t, m, "Primary name server: ", r.Data)
		treeDNSName(t, m, "Responsible authority's mailbox: ", n1)
		t.line()
		t.b = append(t.b, "Serial Number: "...)
		t.b = strconv.AppendUint(t.b, uint64(be32(m[n2:])), 10)
		t.end()
		for k, label := range [...]string{"Refresh Interval: ", "Retry Interval: ", "Expire limit: ", "Minimum TTL: "} {
			t.line()
			t.b = append(t.b, label...)
			t.b = appendTreeSeconds(t.b, be32(m[n2+4+4*k:]))
			t.end()
		}
	}
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

// treeEDNSOption writes one EDNS option of an OPT record.
func treeEDNSOption(t *treeWriter, code uint16, data []byte) {
	name, ok := ednsOptionWSNames[code]
	t.depth = 3
	t.line()
	t.b = append(t.b, "Option: "...)
	appendName := func() {
		if ok {
			t.b = append(t.b, name...)
		} else {
			t.b = append(t.b, "Unknown ("...)
			t.b = strconv.AppendUint(t.b, uint64(code), 10)
			t.b = append(t.b, ')')
		}
	}
	appendName()
	t.end()
	t.depth = 4
	t.line()
	t.b = append(t.b, "Option Code: "...)
	appendName()
	if ok {
		t.b = append(t.b, " ("...)
		t.b = strconv.AppendUint(t.b, uint64(code), 10)
		t.b = append(t.b, ')')
	}
	t.end()
	t.int("Option Length", len(data))
	t.line()
	t.b = append(t.b, "Option Data: "...)
	t.b = appendWSBytes(t.b, data)
	t.end()
	switch code {
	case 8: // client subnet
		if len(data) < 4 {
			break
		}
		fam := be16(data)
		t.line()
		t.b = append(t.b, "Family: "...)
		switch fam {
		case 1:
			t.b = append(t.b, "IPv4 (1)"...)
		case 2:
			t.b = append(t.b, "IPv6 (2)"...)
		default:
			t.b = append(t.b, "Unknown ("...)
			t.b = strconv.AppendUint(t.b, uint64(fam), 10)
			t.b = append(t.b, ')')
		}
		t.end()
		t.int("Source Netmask", int(data[2]))
		t.int("Scope Netmask", int(data[3]))
		var a [16]byte
		copy(a[:], data[4:])
		switch fam {
		case 1:
			t.line()
			t.b = append(t.b, "Client Subnet: "...)
			t.b = netip.AddrFrom4([4]byte(a[:4])).AppendTo(t.b)
			t.end()
		case 2:
			t.line()
			t.b = append(t.b, "Client Subnet: "...)
			t.b = netip.AddrFrom16(a).AppendTo(t.b)
			t.end()
		}
	case 10: // cookie
		if len(data) < 8 {
			break
		}
		t.line()
		t.b = append(t.b, "Client Cookie: "...)
		t.b = appendHexBytes(t.b, data[:8])
		t.end()
		t.line()
		t.b = append(t.b, "Server Cookie: "...)
		t.b = appendWSBytes(t.b, data[8:])
		t.end()
	case 11: // TCP keepalive
		if len(data) == 2 {
			t.int("Timeout", int(be16(data)))
		}
	case 12: // padding
		t.line()
		t.b = append(t.b, "Padding: "...)
		t.b = appendWSBytes(t.b, data)
		t.end()
	}
	t.depth = 3
}

// treeSRVOwner writes an SRV record's owner name as Wireshark splits it
// (srvOwnerParts).
func treeSRVOwner(t *treeWriter, m DNS, r DNSRecord) bool {
	if r.Type != DNSTypeSRV {
		return false
	}
	var buf [srvNameBuf]byte
	name, _ := m.AppendName(buf[:0], r.Name)
	parts, n := srvOwnerParts(name)
	for k, label := range srvOwnerLabels[:n] {
		t.line()
		t.b = append(t.b, label...)
		t.b = append(t.b, parts[k]...)
		t.end()
	}
	return true
}

var srvOwnerLabels = [...]string{"Service: ", "Protocol: ", "Name: "}

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
