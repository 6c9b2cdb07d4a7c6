package decode

import "strconv"

// This file prints the LSAs of an OSPFv3 LS Update as tcpdump 4.99 does
// with -vv (print-ospf6.c): each LSA's header, then the contents of the
// types it lays out (router, network, inter-area prefix, AS external,
// link and intra-area prefix LSAs, each only in its own flooding scope),
// and the others' bytes as a hex dump.

var ospf6TcpdumpRouterFlags = [...]bitName{
	{0x01, "ABR"}, {0x02, "External"}, {0x04, "Virtual-Link Endpoint"}, {0x08, "Deprecated"},
	{0x10, "NSSA Translator"},
}

var ospf6TcpdumpPrefixOptions = [...]bitName{
	{0x01, "No Unicast"}, {0x02, "Local address"}, {0x04, "Deprecated"}, {0x08, "Propagate"},
	{0x10, "Down"}, {0x20, "N-bit"},
}

var ospf6TcpdumpExternalFlags = [...]bitName{{0x02, "Forwarding"}, {0x01, "Tag"}}

// The LS types whose contents tcpdump lays out, scope bits included.
const (
	ospf6RouterLSA     = 0x2001
	ospf6NetworkLSA    = 0x2002
	ospf6InterPrefix   = 0x2003
	ospf6ExternalLSA   = 0x4005
	ospf6LinkLSA       = 0x0008
	ospf6IntraPrefix   = 0x2009
	ospf6LSAIndent     = "\n\t      "
	ospf6PrefixIndent  = "\n\t\t"
	ospf6LinkLen       = 16 // a router LSA's interface: type, metric, three IDs
	ospf6LinkLSAHead   = 24 // priority, options, link-local address, prefix count
	ospf6IntraHeadRead = 8  // what tcpdump takes off the LSA's length before the prefixes
)

// appendOSPF6LSUpdate appends the LSAs of an LS Update, o's bytes up to
// dataend (the packet's length field): count of them, or fewer where the
// packet ends first. ok is false where tcpdump stops short (" [|ospf3]").
func appendOSPF6LSUpdate(b []byte, o []byte, dataend int) ([]byte, bool) {
	if 20 > len(o) {
		return b, false
	}
	n := be32(o[16:])
	for k := 20; n > 0 && k < dataend; n-- {
		var ok bool
		if b, k, ok = appendOSPF6LSA(b, o, k, dataend); !ok {
			return b, false
		}
	}
	return b, true
}

// appendOSPF6LSA appends the LSA at off and returns where the next one
// starts.
func appendOSPF6LSA(b []byte, o []byte, off, dataend int) (_ []byte, next int, ok bool) {
	if b, ok = appendOSPF6LSAHeader(b, o, off, dataend); !ok {
		return b, 0, false
	}
	ln := int(be16(o[off+18:]))
	if ln < ospfLSAHeaderLen || off+ln > dataend {
		return b, 0, false
	}
	q := ospf6LSA{o: o, k: off + ospfLSAHeaderLen, r: ln - ospfLSAHeaderLen}
	switch be16(o[off+2:]) {
	case ospf6RouterLSA:
		b, ok = q.router(b)
	case ospf6NetworkLSA:
		b, ok = q.network(b)
	case ospf6InterPrefix:
		b, ok = q.interAreaPrefix(b)
	case ospf6ExternalLSA:
		b, ok = q.external(b)
	case ospf6LinkLSA:
		b, ok = q.link(b)
	case ospf6IntraPrefix:
		b, ok = q.intraAreaPrefix(b)
	default:
		end := min(q.k+q.r, len(o))
		b = appendHexDumpLines(b, o[q.k:end], ospf6LSAIndent)
		ok = true
	}
	return b, off + ln, ok
}

// ospf6LSA is an LSA's contents being read: the packet, where the next
// field is (k) and how many of the LSA's bytes tcpdump counts as left (r).
type ospf6LSA struct {
	o    []byte
	k, r int
}

// take reports whether n more bytes are both left in the LSA and
// captured.
func (q *ospf6LSA) take(n int) bool { return q.r >= n && q.k+n <= len(q.o) }

func (q *ospf6LSA) skip(n int) { q.k, q.r = q.k+n, q.r-n }

// appendOptions appends "\n\t      Options [V6, External, Router]" from
// the 24 bits after the word's first byte.
func (q *ospf6LSA) appendOptions(b []byte) []byte {
	b = append(b, ospf6LSAIndent+"Options ["...)
	b = appendBitNames(b, uint64(be32(q.o[q.k:])&0xffffff), ospf6TcpdumpOptions[:])
	return append(b, ']')
}

func (q *ospf6LSA) router(b []byte) ([]byte, bool) {
	if !q.take(4) {
		return b, false
	}
	b = q.appendOptions(b)
	b = append(b, ", RLA-Flags ["...)
	b = appendBitNames(b, uint64(q.o[q.k]), ospf6TcpdumpRouterFlags[:])
	b = append(b, ']')
	q.skip(4)
	for q.r != 0 {
		if !q.take(ospf6LinkLen) {
			return b, false
		}
		l := q.o[q.k:]
		switch l[0] {
		case 1:
			b = append(b, ospf6LSAIndent+"Neighbor Router-ID "...)
		case 2:
			b = append(b, ospf6LSAIndent+"Neighbor Network-ID "...)
		case 4:
			b = append(b, ospf6LSAIndent+"Virtual Link: Neighbor Router-ID "...)
		default:
			b = append(b, ospf6LSAIndent+"Unknown Router Links Type 0x"...)
			return appendHex2(b, l[0]), true // and the LSA ends there
		}
		b = addr4(l[12:16]).AppendTo(b)
		b = append(b, ospf6LSAIndent+"Neighbor Interface-ID "...)
		b = addr4(l[8:12]).AppendTo(b)
		b = append(b, ", Interface "...)
		b = addr4(l[4:8]).AppendTo(b)
		b = append(b, ", metric "...)
		b = strconv.AppendUint(b, uint64(be16(l[2:])), 10)
		q.skip(ospf6LinkLen)
	}
	return b, true
}

func (q *ospf6LSA) network(b []byte) ([]byte, bool) {
	if !q.take(4) {
		return b, false
	}
	b = q.appendOptions(b)
	b = append(b, ospf6LSAIndent+"Connected Routers:"...)
	q.skip(4)
	for q.r != 0 {
		if !q.take(4) {
			return b, false
		}
		b = append(b, ospf6PrefixIndent...)
		b = addr4(q.o[q.k : q.k+4]).AppendTo(b)
		q.skip(4)
	}
	return b, true
}

func (q *ospf6LSA) interAreaPrefix(b []byte) ([]byte, bool) {
	if !q.take(4) {
		return b, false
	}
	b = append(b, ", metric "...)
	b = strconv.AppendUint(b, uint64(be32(q.o[q.k:])&0xffffff), 10)
	q.skip(4)
	for q.r != 0 {
		var ok bool
		if b, ok = q.prefix(b); !ok {
			return b, false
		}
	}
	return b, true
}

func (q *ospf6LSA) external(b []byte) ([]byte, bool) {
	if !q.take(4) {
		return b, false
	}
	flags := q.o[q.k]
	b = append(b, "\n\t     Flags ["...)
	b = appendBitNames(b, uint64(flags), ospf6TcpdumpExternalFlags[:])
	b = append(b, "] metric "...)
	b = strconv.AppendUint(b, uint64(be32(q.o[q.k:])&0xffffff), 10)
	q.skip(4)
	at := q.k
	b, ok := q.prefix(b)
	if !ok {
		return b, false
	}
	if flags&0x02 != 0 {
		if !q.take(16) {
			return b, false
		}
		b = append(b, " forward "...)
		b = addr16(q.o[q.k : q.k+16]).AppendTo(b)
		q.skip(16)
	}
	if flags&0x01 != 0 {
		if !q.take(4) {
			return b, false
		}
		b = append(b, " tag "...)
		b = addr4(q.o[q.k : q.k+4]).AppendTo(b)
		q.skip(4)
	}
	if q.o[at+2] != 0 { // the referenced LS type: tcpdump reads its first byte alone
		if !q.take(4) {
			return b, false
		}
		b = append(b, " RefLSID: "...)
		b = addr4(q.o[q.k : q.k+4]).AppendTo(b)
		q.skip(4)
	}
	return b, true
}

func (q *ospf6LSA) link(b []byte) ([]byte, bool) {
	if !q.take(ospf6LinkLSAHead) {
		return b, false
	}
	h := q.o[q.k:]
	b = q.appendOptions(b)
	b = append(b, ospf6LSAIndent+"Priority "...)
	b = strconv.AppendUint(b, uint64(h[0]), 10)
	b = append(b, ", Link-local address "...)
	b = addr16(h[4:20]).AppendTo(b)
	b = append(b, ", Prefixes "...)
	n := be32(h[20:])
	b = strconv.AppendUint(b, uint64(n), 10)
	b = append(b, ':')
	q.skip(ospf6LinkLSAHead)
	for ; n > 0; n-- {
		var ok bool
		if b, ok = q.prefix(b); !ok {
			return b, false
		}
	}
	return b, true
}

// intraAreaPrefix appends the referenced LSA and the prefixes. tcpdump
// counts only 8 of the 12 bytes before the prefixes against the LSA's
// length, so the last prefix it reads may run 4 bytes past the LSA.
func (q *ospf6LSA) intraAreaPrefix(b []byte) ([]byte, bool) {
	if !q.take(12) {
		return b, false
	}
	h := q.o[q.k:]
	b = appendOSPF6LSType(b, be16(h[2:]), h[4:8])
	b = append(b, ospf6LSAIndent+"Prefixes "...)
	n := be16(h)
	b = strconv.AppendUint(b, uint64(n), 10)
	b = append(b, ':')
	q.k, q.r = q.k+12, q.r-ospf6IntraHeadRead
	for ; n > 0; n-- {
		var ok bool
		if b, ok = q.prefix(b); !ok {
			return b, false
		}
	}
	return b, true
}

// prefix appends "\n\t\t2001:db8::/64, Options [Local address], metric
// 10": a prefix's length, options and 16 bits (a metric, or the AS
// external LSA's referenced LS type, which tcpdump calls one too), and as
// many 32-bit words of address as its length needs.
func (q *ospf6LSA) prefix(b []byte) ([]byte, bool) {
	if !q.take(4) {
		return b, false
	}
	p := q.o[q.k:]
	plen := int(p[0])
	if plen > 128 {
		b = append(b, " bogus prefixlen /"...)
		return strconv.AppendUint(b, uint64(plen), 10), false
	}
	w := (plen + 31) / 32 * 4
	if !q.take(4 + w) {
		return b, false
	}
	var a [16]byte
	copy(a[:], p[4:4+w])
	b = append(b, ospf6PrefixIndent...)
	b = addr16(a[:]).AppendTo(b)
	b = append(b, '/')
	b = strconv.AppendUint(b, uint64(plen), 10)
	if p[1] != 0 {
		b = append(b, ", Options ["...)
		b = appendBitNames(b, uint64(p[1]), ospf6TcpdumpPrefixOptions[:])
		b = append(b, ']')
	}
	b = append(b, ", metric "...)
	b = strconv.AppendUint(b, uint64(be16(p[2:])), 10)
	q.skip(4 + w)
	return b, true
}
