package decode

import "strconv"

// Multicast DNS (RFC 6762, UDP 5353) and LLMNR (RFC 4795, UDP 5355) are DNS
// messages on other ports. Wireshark gives them their own protocols
// ("mdns", "llmnr") but DNS's fields, and rawcap decodes, emits and draws
// them with DNS's code, which asks dnsFlavorOf what it is looking at:
//
//   - mDNS: the top bit of a question's class asks for a unicast response
//     ("QU", RFC 6762 section 5.4) and that of a record's class flushes the
//     cache (section 10.2); tshark shows the class without it and the bit
//     as dns.qry.qu or dns.resp.cache_flush, tcpdump as "(QU)", "(QM)" and
//     "(Cache flush)".
//   - LLMNR: the header's bits 0x0400, 0x0200 and 0x0100 are C (conflict),
//     TC and T (tentative), and the rest of DNS's flags are not there (RFC
//     4795 section 2.1.1). tcpdump 4.99 prints no LLMNR: "UDP, length N".

const (
	mdnsPort  = 5353
	llmnrPort = 5355
)

// LLMNR's header bits where DNS has AA and RD.
const (
	llmnrFlagC = 0x0400 // conflict
	llmnrFlagT = 0x0100 // tentative
)

// mdnsClassTop is the top bit of an mDNS class: "QU" in a question, cache
// flush in a record.
const mdnsClassTop = 0x8000

var (
	protoMDNS  = protoField("mdns", "Multicast Domain Name System")
	protoLLMNR = protoField("llmnr", "Link-local Multicast Name Resolution")
)

// dnsFlavor says which of the DNS-shaped protocols a layer holds.
type dnsFlavor uint8

const (
	flavorDNS dnsFlavor = iota
	flavorMDNS
	flavorLLMNR
)

// dnsFlavorOf returns the flavour of DNS layer i.
func dnsFlavorOf(d *Decoder, i int) dnsFlavor {
	switch d.layers[i].Type {
	case LayerMDNS:
		return flavorMDNS
	case LayerLLMNR:
		return flavorLLMNR
	}
	return flavorDNS
}

// dnsTitles are the -V headings of each flavour: bare, query, response.
var dnsTitles = [...][3]string{
	flavorDNS:   {"Domain Name System", "Domain Name System (query)", "Domain Name System (response)"},
	flavorMDNS:  {"Multicast Domain Name System", "Multicast Domain Name System (query)", "Multicast Domain Name System (response)"},
	flavorLLMNR: {"Link-local Multicast Name Resolution", "Link-local Multicast Name Resolution (query)", "Link-local Multicast Name Resolution (response)"},
}

// class returns the class as the flavour shows it: mDNS without its top
// bit.
func (fl dnsFlavor) class(c uint16) uint16 {
	if fl == flavorMDNS {
		return c &^ mdnsClassTop
	}
	return c
}

// emitLLMNRFlags emits LLMNR's flags after the opcode.
func emitLLMNRFlags(e *emitter, flags uint16) {
	e.Bool(&dnsFields[dnsFlagsConflict], flags&llmnrFlagC != 0)
	if e.Tree() && flags&DNSFlagQR == 0 {
		// A query's bit is worded otherwise than a response's.
		b := appendBitDrawing(e.Text(), uint64(flags), 16, llmnrFlagC)
		if flags&llmnrFlagC != 0 {
			e.SetRepr(append(b, " = Conflict: The sender received multiple responses"...))
		} else {
			e.SetRepr(append(b, " = Conflict: None"...))
		}
	}
	e.Bool(&dnsFields[dnsFlagsTruncated], flags&DNSFlagTC != 0)
	e.Bool(&dnsFields[dnsFlagsTentative], flags&llmnrFlagT != 0)
	if flags&DNSFlagQR != 0 {
		e.Uint(&dnsFields[dnsFlagsRcode], uint64(flags&15))
	}
}

// dnsTypeNSEC is the NSEC record (RFC 4034 section 4), which mDNS uses to
// say which types a name does not have (RFC 6762 section 6.1).
const dnsTypeNSEC = 47

// eachNSECType calls fn for each type an NSEC record's bit maps hold, in
// order, until fn returns false. ok is false for a record cut short.
func eachNSECType(m DNS, r DNSRecord, fn func(typ uint16) bool) (nameOK bool) {
	end := r.Data + r.Len
	n, ok := m.SkipName(r.Data)
	if !ok || n > end {
		return false
	}
	for n+2 <= end {
		win, blen := int(m[n]), int(m[n+1])
		n += 2
		if blen == 0 || blen > 32 || n+blen > end {
			return true
		}
		for k, c := range m[n : n+blen] {
			for bit := range 8 {
				if c&(0x80>>bit) != 0 && !fn(uint16(win<<8|k*8+bit)) {
					return true
				}
			}
		}
		n += blen
	}
	return true
}

// emitNSEC emits an NSEC record's next name and, where every occurrence
// is asked for (-T fields), each type of its bit maps as dns.resp.type,
// as tshark lists them.
func emitNSEC(e *emitter, m DNS, r DNSRecord) {
	if n, ok := m.SkipName(r.Data); !ok || n > r.Data+r.Len {
		return
	}
	emitDNSName(e, &dnsFields[dnsNsecNextDomainName], m, r.Data)
	if e.Tree() {
		// Each type of the bit maps, by its description.
		eachNSECType(m, r, func(typ uint16) bool {
			b := append(e.Text(), "RR type in bit map: "...)
			if s := dnsTypeDescription(typ); s != "" {
				b = append(b, s...)
			} else {
				b = strconv.AppendUint(append(b, "Unknown ("...), uint64(typ), 10)
				b = append(b, ')')
			}
			e.Line(b)
			return true
		})
	} else if e.all {
		eachNSECType(m, r, func(typ uint16) bool {
			e.Uint(&dnsFields[dnsRespType], uint64(typ))
			return true
		})
	}
}
