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

// dnsTypeDescription returns Wireshark's description of a record type,
// "A (Host Address)", from dns.qry.type's value names ("" if it has none).
func dnsTypeDescription(t uint16) string {
	return dnsFields[dnsQryType].ValueNames().Name(uint64(t))
}

// appendDNSTypeShort appends a record type as tshark 4.0 names it in the
// Info column and the tree's summary lines: its description's first word
// ("NSAP-PTR", "Unused" for 0), "Unknown (N)" for a type it does not know.
// Three short names are tshark's own: "ANY" for 255 (described "* (A
// request …)"), and MAILB (253) and MAILA (254) swapped, as tshark 4.0's
// table has them.
func appendDNSTypeShort(b []byte, t uint16) []byte {
	switch t {
	case 253:
		return append(b, "MAILA"...)
	case 254:
		return append(b, "MAILB"...)
	case 255:
		return append(b, "ANY"...)
	}
	if s := dnsTypeDescription(t); s != "" {
		if i := strings.IndexByte(s, ' '); i > 0 {
			s = s[:i]
		}
		return append(b, s...)
	}
	b = append(b, "Unknown ("...)
	b = strconv.AppendUint(b, uint64(t), 10)
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
	b = appendDNSTypeShort(b, r.Type)
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

// emitRRSIG emits an RRSIG record's data fields (dns.rrsig.*).
func emitRRSIG(e *emitter, m DNS, r DNSRecord) {
	data := m.RecordData(r)
	if len(data) < 18 {
		return
	}
	f := &dnsFields
	e.Uint(&f[dnsRrsigTypeCovered], uint64(be16(data)))
	e.Uint(&f[dnsRrsigAlgorithm], uint64(data[2]))
	e.Uint(&f[dnsRrsigLabels], uint64(data[3]))
	e.Uint(&f[dnsRrsigOriginalTTL], uint64(be32(data[4:])))
	if e.Tree() {
		e.SetRepr(appendTreeSeconds(append(e.Text(), "Original TTL: "...), be32(data[4:])))
	}
	for k, fk := range [...]int{dnsRrsigSignatureExpiration, dnsRrsigSignatureInception} {
		b := time.Unix(int64(be32(data[8+4*k:])), 0).UTC().AppendFormat(e.Text(), "Jan _2, 2006 15:04:05.000000000 UTC")
		e.TextDone(&f[fk], b)
	}
	e.Uint(&f[dnsRrsigKeyTag], uint64(be16(data[16:])))
	end, ok := m.SkipName(r.Data + 18)
	if !ok || end > r.Data+r.Len {
		return
	}
	emitDNSName(e, &f[dnsRrsigSignersName], m, r.Data+18)
	if sig := m[end : r.Data+r.Len]; len(sig) > 0 || e.Tree() {
		// tshark's -T fields shows an empty one as "<MISSING>", its JSON
		// as "": only the tree, which shows "<MISSING>", has it.
		e.Bytes(&f[dnsRrsigSignature], sig)
	}
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

// emitEDNSOption emits one EDNS option of an OPT record (dns.opt): its
// code, length, data and what rawcap decodes of it, a level deeper.
func emitEDNSOption(e *emitter, code uint16, data []byte) {
	f := &dnsFields
	e.None(&f[dnsOpt])
	if e.Tree() {
		b := append(e.Text(), "Option: "...)
		if name := f[dnsOptCode].ValueNames().Name(uint64(code)); name != "" {
			b = append(b, name...)
		} else {
			b = strconv.AppendUint(append(b, "Unknown ("...), uint64(code), 10)
			b = append(b, ')')
		}
		e.SetRepr(b)
	}
	e.Sub()
	e.Uint(&f[dnsOptCode], uint64(code))
	e.Uint(&f[dnsOptLen], uint64(len(data)))
	// An empty byte string only in the tree ("<MISSING>"): tshark's
	// -T fields shows "<MISSING>" and its JSON "".
	full := e.Tree()
	if len(data) > 0 || full {
		e.Bytes(&f[dnsOptData], data)
	}
	switch code {
	case 5, 6, 7: // DAU, DHU, N3U: one algorithm a byte
		fk := dnsOptDau + int(code-5)
		for _, c := range data {
			e.Uint(&f[fk], uint64(c))
		}
	case 8: // client subnet
		if len(data) < 4 {
			break
		}
		fam := be16(data)
		e.Uint(&f[dnsOptClientFamily], uint64(fam))
		e.Uint(&f[dnsOptClientNetmask], uint64(data[2]))
		e.Uint(&f[dnsOptClientScope], uint64(data[3]))
		var a [16]byte
		copy(a[:], data[4:])
		switch fam {
		case 1:
			e.IPv4(&f[dnsOptClientAddr4], a[:4])
		case 2:
			e.IPv6(&f[dnsOptClientAddr6], a[:])
		}
	case 10: // cookie
		if len(data) < 8 {
			break
		}
		e.Bytes(&f[dnsOptCookieClient], data[:8])
		if len(data) > 8 || full {
			e.Bytes(&f[dnsOptCookieServer], data[8:])
		}
	case 11: // TCP keepalive
		if len(data) == 2 {
			e.Uint(&f[dnsOptEdnsTCPKeepaliveTimeout], uint64(be16(data)))
		}
	case 12: // padding
		if len(data) > 0 || full {
			e.Bytes(&f[dnsOptPadding], data)
		}
	case 13: // chain: the closest trust point, as a string to its NUL
		if len(data) > 0 {
			if k := bytes.IndexByte(data, 0); k >= 0 {
				data = data[:k]
			}
			e.Bytes(&f[dnsOptChainFqdn], data)
		}
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
