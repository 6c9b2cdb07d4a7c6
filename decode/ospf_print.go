package decode

import (
	"math"
	"strconv"
)

// This file prints OSPF as tcpdump 4.99 does (print-ospf.c for version 2,
// print-ospf6.c for version 3).

var ospfTcpdumpOptions = [...]bitName{
	{0x01, "MultiTopology"}, {0x02, "External"}, {0x04, "Multicast"}, {0x08, "NSSA"},
	{0x10, "LLS"}, {0x20, "Demand Circuit"}, {0x40, "Opaque"}, {0x80, "Up/Down"},
}

var ospfTcpdumpRouterFlags = [...]bitName{
	{0x01, "ABR"}, {0x02, "ASBR"}, {0x04, "Virtual"}, {0x08, "Wildcard"}, {0x10, "Nt"}, {0x80, "Host"},
}

var ospfTcpdumpDDFlags = [...]bitName{{0x04, "Init"}, {0x02, "More"}, {0x01, "Master"}, {0x08, "OOBResync"}}

var ospfTcpdumpLLSOptions = [...]bitName{{0x01, "LSDB resync"}, {0x02, "Restart"}}

var ospfTcpdumpTypes = [6]string{"", "Hello", "Database Description", "LS-Request", "LS-Update", "LS-Ack"}

var ospfTcpdumpLSATypes = [12]string{"", "Router", "Network", "Summary", "ASBR Summary", "External",
	"Multicast Group", "NSSA", "", "Link Local Opaque", "Area Local Opaque", "Domain Wide Opaque"}

var ospfTcpdumpOpaqueTypes = [5]string{"", "Traffic Engineering", "", "Graceful restart", "Router Information"}

var ospfTcpdumpTopologies = [3]string{"default", "multicast", "management"}

// ospfTrunc is the mark tcpdump prints where a version 2 packet ends
// before what it reads next.
const ospfTrunc = " [|ospf2]"

// ospfPrinter holds what a version 2 one-liner reads: the packet's bytes
// as far as tcpdump may read them (its snapshot end) and the length.
type ospfPrinter struct {
	p      *LinePrinter
	o      []byte // captured bytes up to tcpdump's snapshot end
	length int    // the IP payload length, less the MD5 trailer
}

// has reports whether n bytes at off were captured.
func (q *ospfPrinter) has(off, n int) bool { return off >= 0 && off+n <= len(q.o) }

func lsaTypeName(b []byte, t uint32) []byte {
	if t < uint32(len(ospfTcpdumpLSATypes)) && ospfTcpdumpLSATypes[t] != "" {
		return append(b, ospfTcpdumpLSATypes[t]...)
	}
	return append(b, "unknown"...)
}

// lineOSPF appends tcpdump's "OSPFv2, Hello, length 44" and, with -v,
// the packet's contents.
func (p *LinePrinter) lineOSPF(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	raw := d.data[l.Start:l.End:l.End]
	length := ipPayloadLen(d, i)
	if _, _, v6 := ipAddrs(d, i); v6 {
		return p.appendOSPF6(b, raw, length)
	}
	if len(raw) < 16 {
		return append(b, ospfTrunc...)
	}
	q := ospfPrinter{p: p, o: raw, length: length}
	if be16(raw[14:]) == 2 {
		q.length -= 16
		q.o = raw[:max(len(raw)-16, 0)]
	}
	if !q.has(0, 2) {
		return append(b, ospfTrunc...)
	}
	typ := raw[1]
	b = append(b, "OSPFv"...)
	b = strconv.AppendUint(b, uint64(raw[0]), 10)
	b = append(b, ", "...)
	known := typ >= 1 && typ <= 5
	if known {
		b = append(b, ospfTcpdumpTypes[typ]...)
	} else {
		b = append(b, "unknown LS-type "...)
		b = strconv.AppendUint(b, uint64(typ), 10)
	}
	b = append(b, ", length "...)
	b = strconv.AppendInt(b, int64(q.length), 10)
	if !known || p.Options.Verbose == 0 {
		return b
	}
	b, ok := q.appendV2(b)
	if !ok {
		b = append(b, ospfTrunc...)
	}
	return b
}

// appendV2 appends what tcpdump -v prints of a version 2 packet after its
// first words; ok is false where the capture ended.
func (q *ospfPrinter) appendV2(b []byte) ([]byte, bool) {
	o := q.o
	if !q.has(2, 2) {
		return b, false
	}
	olen := int(be16(o[2:]))
	if q.length != olen {
		b = append(b, " [len "...)
		b = strconv.AppendInt(b, int64(olen), 10)
		b = append(b, ']')
	}
	dataend := min(q.length, olen)
	if !q.has(4, 8) {
		return b, false
	}
	b = append(b, "\n\tRouter-ID "...)
	b = addr4(o[4:8]).AppendTo(b)
	if be32(o[8:]) != 0 {
		b = append(b, ", Area "...)
		b = addr4(o[8:12]).AppendTo(b)
	} else {
		b = append(b, ", Backbone Area"...)
	}
	if !q.has(16, 8) {
		return b, false
	}
	at := be16(o[14:])
	b = append(b, ", Authentication Type: "...)
	switch at {
	case 0:
		b = append(b, "none"...)
	case 1:
		b = append(b, "simple"...)
	case 2:
		b = append(b, "MD5"...)
	default:
		b = append(b, "unknown"...)
	}
	b = append(b, " ("...)
	b = strconv.AppendUint(b, uint64(at), 10)
	b = append(b, ')')
	switch at {
	case 0:
	case 1:
		b = append(b, "\n\tSimple text password: "...)
		for _, c := range o[16:24] {
			if c == 0 {
				break
			}
			b = appendTcpdumpChar(b, c)
		}
	case 2:
		b = append(b, "\n\tKey-ID: "...)
		b = strconv.AppendUint(b, uint64(o[18]), 10)
		b = append(b, ", Auth-Length: "...)
		b = strconv.AppendUint(b, uint64(o[19]), 10)
		b = append(b, ", Crypto Sequence Number: 0x"...)
		b = appendHexN(b, uint64(be32(o[20:])), 8)
	default:
		return b, true
	}
	if o[0] != 2 {
		b = append(b, " ospf [version "...)
		b = strconv.AppendUint(b, uint64(o[0]), 10)
		return append(b, ']'), true
	}
	b, ok := q.appendV2Body(b, dataend)
	if !ok {
		return b, false
	}
	if q.length > olen {
		return q.appendLLS(b, olen)
	}
	return b, true
}

// appendTcpdumpChar appends c as nd_printjnp does: printable ASCII as it
// is, other bytes escaped.
func appendTcpdumpChar(b []byte, c byte) []byte {
	if c&0x80 != 0 {
		b = append(b, "M-"...)
		c &= 0x7f
	}
	if c < 0x20 || c == 0x7f {
		return append(b, '^', c^0x40)
	}
	return append(b, c)
}

// appendV2Body appends the message after the header.
func (q *ospfPrinter) appendV2Body(b []byte, dataend int) ([]byte, bool) {
	o := q.o
	switch o[1] {
	case OSPFHello:
		if !q.has(24, 20) {
			return b, false
		}
		h := o[24:]
		b = append(b, "\n\tOptions ["...)
		b = appendBitNames(b, uint64(h[6]), ospfTcpdumpOptions[:])
		b = append(b, "]\n\t  Hello Timer "...)
		b = strconv.AppendUint(b, uint64(be16(h[4:])), 10)
		b = append(b, "s, Dead Timer "...)
		b = strconv.AppendUint(b, uint64(be32(h[8:])), 10)
		b = append(b, "s, Mask "...)
		b = addr4(h[0:4]).AppendTo(b)
		b = append(b, ", Priority "...)
		b = strconv.AppendUint(b, uint64(h[7]), 10)
		if be32(h[12:]) != 0 {
			b = append(b, "\n\t  Designated Router "...)
			b = addr4(h[12:16]).AppendTo(b)
		}
		if be32(h[16:]) != 0 {
			b = append(b, ", Backup Designated Router "...)
			b = addr4(h[16:20]).AppendTo(b)
		}
		if 44 < dataend {
			b = append(b, "\n\t  Neighbor List:"...)
		}
		for k := 44; k < dataend; k += 4 {
			if !q.has(k, 4) {
				return b, false
			}
			b = append(b, "\n\t    "...)
			b = addr4(o[k : k+4]).AppendTo(b)
		}
	case OSPFDBDesc:
		if !q.has(24, 8) {
			return b, false
		}
		h := o[24:]
		b = append(b, "\n\tOptions ["...)
		b = appendBitNames(b, uint64(h[2]), ospfTcpdumpOptions[:])
		b = append(b, "], DD Flags ["...)
		b = appendBitNames(b, uint64(h[3]), ospfTcpdumpDDFlags[:])
		b = append(b, ']')
		if mtu := be16(h); mtu != 0 {
			b = append(b, ", MTU: "...)
			b = strconv.AppendUint(b, uint64(mtu), 10)
		}
		b = append(b, ", Sequence: 0x"...)
		b = appendHexN(b, uint64(be32(h[4:])), 8)
		for k := 32; k < dataend; k += ospfLSAHeaderLen {
			var n int
			var ok bool
			if b, n, ok = q.appendLSAHeader(b, k); !ok {
				return b, false
			}
			if n < 0 {
				break
			}
		}
	case OSPFLSReq:
		for k := 24; k < dataend; k += 12 {
			if !q.has(k, 12) {
				return b, false
			}
			r := o[k : k+12]
			typ := be32(r)
			b = append(b, "\n\t  Advertising Router: "...)
			b = addr4(r[8:12]).AppendTo(b)
			b = append(b, ", "...)
			b = lsaTypeName(b, typ)
			b = append(b, " LSA ("...)
			b = strconv.AppendUint(b, uint64(typ), 10)
			b = append(b, ')')
			if typ >= 9 && typ <= 11 {
				b = append(b, ", Opaque-Type "...)
				b = appendOpaqueName(b, r[4])
				b = append(b, " LSA ("...)
				b = strconv.AppendUint(b, uint64(r[4]), 10)
				b = append(b, "), Opaque-ID "...)
				b = strconv.AppendUint(b, uint64(be32(r[4:])&0xffffff), 10)
			} else {
				b = append(b, ", LSA-ID: "...)
				b = addr4(r[4:8]).AppendTo(b)
			}
		}
	case OSPFLSUpdate:
		if !q.has(24, 4) {
			return b, false
		}
		n := be32(o[24:])
		b = append(b, ", "...)
		b = strconv.AppendUint(b, uint64(n), 10)
		b = append(b, " LSA"...)
		if n != 1 {
			b = append(b, 's')
		}
		k := 28
		for c := uint32(1); c <= n; c++ {
			b = append(b, "\n\t  LSA #"...)
			b = strconv.AppendUint(b, uint64(c), 10)
			var ok bool
			if b, k, ok = q.appendLSA(b, k); !ok {
				return b, false
			}
		}
	case OSPFLSAck:
		// tcpdump reads LSA headers until one is cut short.
		for k := 24; ; k += ospfLSAHeaderLen {
			var n int
			var ok bool
			if b, n, ok = q.appendLSAHeader(b, k); !ok {
				return b, false
			}
			if n < 0 {
				break
			}
		}
	}
	return b, true
}

func appendOpaqueName(b []byte, t uint8) []byte {
	if int(t) < len(ospfTcpdumpOpaqueTypes) && ospfTcpdumpOpaqueTypes[t] != "" {
		return append(b, ospfTcpdumpOpaqueTypes[t]...)
	}
	return append(b, "unknown"...)
}

// appendLSAHeader appends the LSA header at off and returns the LSA's
// length, or -1 after a bogus length; ok is false where the capture ended.
func (q *ospfPrinter) appendLSAHeader(b []byte, off int) ([]byte, int, bool) {
	if !q.has(off, ospfLSAHeaderLen) {
		return b, 0, false
	}
	h := q.o[off : off+ospfLSAHeaderLen]
	n := int(be16(h[18:]))
	if n < ospfLSAHeaderLen {
		b = append(b, "\n\t    Bogus length "...)
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, " < header (20)"...)
		return b, -1, true
	}
	b = append(b, "\n\t  Advertising Router "...)
	b = addr4(h[8:12]).AppendTo(b)
	b = append(b, ", seq 0x"...)
	b = appendHexN(b, uint64(be32(h[12:])), 8)
	b = append(b, ", age "...)
	b = strconv.AppendUint(b, uint64(be16(h)), 10)
	b = append(b, "s, length "...)
	b = strconv.AppendInt(b, int64(n-ospfLSAHeaderLen), 10)
	typ := h[3]
	b = append(b, "\n\t    "...)
	b = lsaTypeName(b, uint32(typ))
	b = append(b, " LSA ("...)
	b = strconv.AppendUint(b, uint64(typ), 10)
	b = append(b, ')')
	if typ >= 9 && typ <= 11 {
		b = append(b, ", Opaque-Type "...)
		b = appendOpaqueName(b, h[4])
		b = append(b, " LSA ("...)
		b = strconv.AppendUint(b, uint64(h[4]), 10)
		b = append(b, "), Opaque-ID "...)
		b = strconv.AppendUint(b, uint64(be32(h[4:])&0xffffff), 10)
	} else {
		b = append(b, ", LSA-ID: "...)
		b = addr4(h[4:8]).AppendTo(b)
	}
	b = append(b, "\n\t    Options: ["...)
	b = appendBitNames(b, uint64(h[2]), ospfTcpdumpOptions[:])
	b = append(b, ']')
	return b, n, true
}

// appendTopology appends "topology default (0)".
func appendTopology(b []byte, t uint32) []byte {
	b = append(b, "topology "...)
	if t < uint32(len(ospfTcpdumpTopologies)) {
		b = append(b, ospfTcpdumpTopologies[t]...)
	} else {
		b = append(b, "Unknown"...)
	}
	b = append(b, " ("...)
	b = strconv.AppendUint(b, uint64(t), 10)
	return append(b, ')')
}

// appendLSA appends the LSA at off and returns the offset of the next;
// ok is false where the capture ended (tcpdump's marks are appended).
func (q *ospfPrinter) appendLSA(b []byte, off int) ([]byte, int, bool) {
	b, n, ok := q.appendLSAHeader(b, off)
	if !ok {
		return b, 0, false
	}
	if n < 0 {
		return b, 0, false
	}
	end := off + n
	body := off + ospfLSAHeaderLen
	o := q.o
	trunc := func(b []byte) ([]byte, int, bool) { return b, 0, false }
	switch o[off+3] {
	case 1:
		if !q.has(body, 4) {
			return b, 0, false
		}
		b = append(b, "\n\t    Router LSA Options: ["...)
		b = appendBitNames(b, uint64(o[body]), ospfTcpdumpRouterFlags[:])
		b = append(b, ']')
		cnt := int(be16(o[body+2:]))
		k := body + 4
		if !q.has(k, 12) {
			return trunc(b)
		}
		for ; cnt > 0; cnt-- {
			if !q.has(k, 12) {
				return trunc(b)
			}
			r := o[k : k+12]
			switch r[8] {
			case 4:
				b = append(b, "\n\t      Virtual Link: Neighbor Router-ID: "...)
			case 1:
				b = append(b, "\n\t      Neighbor Router-ID: "...)
			case 2:
				b = append(b, "\n\t      Neighbor Network-ID: "...)
			case 3:
				b = append(b, "\n\t      Stub Network: "...)
			default:
				b = append(b, "\n\t      Unknown Router Link Type ("...)
				b = strconv.AppendUint(b, uint64(r[8]), 10)
				b = append(b, ')')
				return b, end, true
			}
			b = addr4(r[0:4]).AppendTo(b)
			if r[8] == 3 {
				b = append(b, ", Mask: "...)
			} else {
				b = append(b, ", Interface Address: "...)
			}
			b = addr4(r[4:8]).AppendTo(b)
			for m := 0; m <= int(r[9]); m++ {
				e := k + 8 + 4*m
				if !q.has(e, 4) {
					return b, 0, false
				}
				t := uint32(0)
				if m > 0 {
					t = uint32(o[e])
				}
				b = append(b, "\n\t\t"...)
				b = appendTopology(b, t)
				b = append(b, ", metric "...)
				b = strconv.AppendUint(b, uint64(be16(o[e+2:])), 10)
			}
			k += 12 + 4*int(r[9])
		}
	case 2:
		if !q.has(body, 4) {
			return b, 0, false
		}
		b = append(b, "\n\t    Mask "...)
		b = addr4(o[body : body+4]).AppendTo(b)
		b = append(b, "\n\t    Connected Routers:"...)
		for k := body + 4; k < end; k += 4 {
			if !q.has(k, 4) {
				return b, 0, false
			}
			b = append(b, "\n\t      "...)
			b = addr4(o[k : k+4]).AppendTo(b)
		}
	case 3, 4:
		if o[off+3] == 3 {
			if !q.has(body, 4) {
				return trunc(b)
			}
			b = append(b, "\n\t    Mask "...)
			b = addr4(o[body : body+4]).AppendTo(b)
		}
		if !q.has(body+4, 4) {
			return trunc(b)
		}
		for k := body + 4; k < end; k += 4 {
			if !q.has(k, 4) {
				return b, 0, false
			}
			v := be32(o[k:])
			b = append(b, "\n\t\t"...)
			b = appendTopology(b, v>>24)
			b = append(b, " metric "...)
			b = strconv.AppendUint(b, uint64(v&0xffffff), 10)
		}
	case 5, 7:
		if !q.has(body, 4) {
			return trunc(b)
		}
		b = append(b, "\n\t    Mask "...)
		b = addr4(o[body : body+4]).AppendTo(b)
		if !q.has(body+4, 4) {
			return trunc(b)
		}
		for k := body + 4; k < end; k += 12 {
			if !q.has(k, 4) {
				return b, 0, false
			}
			v := be32(o[k:])
			b = append(b, "\n\t\t"...)
			b = appendTopology(b, v>>24&0x7f)
			b = append(b, ", type "...)
			if v&0x80000000 != 0 {
				b = append(b, '2')
			} else {
				b = append(b, '1')
			}
			b = append(b, ", metric"...)
			if v&0xffffff == 0xffffff {
				b = append(b, " infinite"...)
			} else {
				b = append(b, ' ')
				b = strconv.AppendUint(b, uint64(v&0xffffff), 10)
			}
			if !q.has(k+4, 4) {
				return b, 0, false
			}
			if be32(o[k+4:]) != 0 {
				b = append(b, ", forward "...)
				b = addr4(o[k+4 : k+8]).AppendTo(b)
			}
			if !q.has(k+8, 4) {
				return b, 0, false
			}
			if be32(o[k+8:]) != 0 {
				b = append(b, ", tag "...)
				b = addr4(o[k+8 : k+12]).AppendTo(b)
			}
		}
	case 9, 10, 11:
		switch o[off+4] {
		case 1:
			var ok bool
			if b, ok, _ = q.appendTE(b, body, n-ospfLSAHeaderLen); !ok {
				return b, 0, false
			}
			return b, end, true // tcpdump 4.99 adds no -vv dump after a TE LSA
		case 3:
			var ok bool
			if b, ok = q.appendGrace(b, body, n-ospfLSAHeaderLen); !ok {
				return b, 0, false
			}
		case 4:
			var ok, stop bool
			b, ok, stop = q.appendRI(b, body, n-ospfLSAHeaderLen)
			if !ok {
				return b, 0, false
			}
			if stop {
				return b, end, true
			}
		default:
			if q.p.Options.Verbose <= 1 {
				var ok bool
				if b, ok = q.appendUnknownData(b, body, n-ospfLSAHeaderLen); !ok {
					return b, end, true
				}
			}
		}
	}
	return q.lsaTail(b, body, end)
}

// lsaTail appends the hex dump of an LSA's body that tcpdump -vv adds.
func (q *ospfPrinter) lsaTail(b []byte, body, end int) ([]byte, int, bool) {
	if q.p.Options.Verbose > 1 {
		var ok bool
		if b, ok = q.appendUnknownData(b, body, end-body); !ok {
			return b, end, true
		}
	}
	return b, end, true
}

// appendUnknownData appends tcpdump's hex dump of n bytes at off
// (print_unknown_data with the indentation "\n\t    ").
func (q *ospfPrinter) appendUnknownData(b []byte, off, n int) ([]byte, bool) {
	if off > len(q.o) {
		return append(b, "\n\t    Dissector error: print_unknown_data called with pointer past end of packet"...), false
	}
	n = max(min(n, len(q.o)-off), 0)
	return appendHexDumpLines(b, q.o[off:off+n], "\n\t    "), true
}

// appendGrace appends a grace-LSA's TLVs.
func (q *ospfPrinter) appendGrace(b []byte, off, n int) ([]byte, bool) {
	o := q.o
	for n != 0 {
		if !q.has(off, 4) {
			return b, false
		}
		if n < 4 {
			b = append(b, "\n\t    Remaining LS length "...)
			b = strconv.AppendInt(b, int64(n), 10)
			return append(b, " < 4"...), true
		}
		typ, ln := be16(o[off:]), int(be16(o[off+2:]))
		off += 4
		n -= 4
		b = append(b, "\n\t    "...)
		switch typ {
		case 1:
			b = append(b, "Grace Period"...)
		case 2:
			b = append(b, "Graceful restart Reason"...)
		case 3:
			b = append(b, "IPv4 interface address"...)
		default:
			b = append(b, "unknown"...)
		}
		b = append(b, " TLV ("...)
		b = strconv.AppendUint(b, uint64(typ), 10)
		b = append(b, "), length "...)
		b = strconv.AppendInt(b, int64(ln), 10)
		b = append(b, ", value: "...)
		if ln > n {
			b = append(b, "\n\t    Bogus length "...)
			b = strconv.AppendInt(b, int64(ln), 10)
			b = append(b, " > "...)
			b = strconv.AppendInt(b, int64(n), 10)
			return b, true
		}
		if typ == 0 || ln == 0 {
			return append(b, " (invalid)"...), true
		}
		if !q.has(off, ln) {
			return b, false
		}
		v := o[off : off+ln]
		switch {
		case typ == 1 && ln == 4:
			b = strconv.AppendUint(b, uint64(be32(v)), 10)
			b = append(b, 's')
		case typ == 2 && ln == 1:
			switch v[0] {
			case 0:
				b = append(b, "Unknown"...)
			case 1:
				b = append(b, "Software Restart"...)
			case 2:
				b = append(b, "Software Reload/Upgrade"...)
			case 3:
				b = append(b, "Control Processor Switch"...)
			default:
				b = append(b, "Unknown"...)
			}
			b = append(b, " ("...)
			b = strconv.AppendUint(b, uint64(v[0]), 10)
			b = append(b, ')')
		case typ == 3 && ln == 4:
			b = addr4(v).AppendTo(b)
		case typ >= 1 && typ <= 3:
			b = append(b, "\n\t    Bogus length "...)
			b = strconv.AppendInt(b, int64(ln), 10)
			if typ == 2 {
				b = append(b, " != 1"...)
			} else {
				b = append(b, " != 4"...)
			}
			return b, true
		default:
			if q.p.Options.Verbose <= 1 {
				b = appendHexDumpLines(b, v, "\n\t      ")
			}
		}
		if ln%4 != 0 {
			ln += 4 - ln%4
			if ln > n {
				b = append(b, "\n\t    Bogus padded length "...)
				b = strconv.AppendInt(b, int64(ln), 10)
				b = append(b, " > "...)
				b = strconv.AppendInt(b, int64(n), 10)
				return b, true
			}
		}
		n -= ln
		off += ln
	}
	return b, true
}

// appendLLS appends the LLS block after a Hello or DB Description whose
// options announce one.
func (q *ospfPrinter) appendLLS(b []byte, olen int) ([]byte, bool) {
	o := q.o
	var opts byte
	switch o[1] {
	case OSPFHello:
		if !q.has(30, 1) {
			return b, false
		}
		opts = o[30]
	case OSPFDBDesc:
		if !q.has(26, 1) {
			return b, false
		}
		opts = o[26]
	default:
		return b, true
	}
	if opts&0x10 == 0 {
		return b, true
	}
	k := olen
	if be16(o[14:]) == 2 {
		k += int(o[19])
	}
	if k >= q.length {
		return append(b, "\n\t[LLS truncated]"...), true
	}
	if !q.has(k, 4) {
		return b, false
	}
	b = append(b, "\n\t  LLS: checksum: 0x"...)
	b = appendHex4(b, be16(o[k:]))
	b = append(b, ", length: "...)
	b = strconv.AppendUint(b, uint64(be16(o[k+2:])), 10)
	for k += 4; k < q.length; {
		if !q.has(k, 4) {
			return b, false
		}
		typ, ln := be16(o[k:]), int(be16(o[k+2:]))
		b = append(b, "\n\t    "...)
		switch typ {
		case 1:
			b = append(b, "Extended Options"...)
		case 2:
			b = append(b, "MD5 Authentication"...)
		default:
			b = append(b, "Unknown TLV"...)
		}
		b = append(b, " ("...)
		b = strconv.AppendUint(b, uint64(typ), 10)
		b = append(b, "), length: "...)
		b = strconv.AppendInt(b, int64(ln), 10)
		k += 4
		switch typ {
		case 1:
			if ln != 4 {
				b = append(b, " [should be 4]"...)
				ln = 4
			}
			if !q.has(k, 4) {
				return b, false
			}
			v := uint64(be32(o[k:]))
			b = append(b, "\n\t      Options: 0x"...)
			b = appendHexN(b, v, 8)
			b = append(b, " ["...)
			if v&3 == 0 {
				b = append(b, '?')
			} else {
				b = appendBitNames(b, v, ospfTcpdumpLLSOptions[:])
			}
			b = append(b, ']')
		case 2:
			if ln != 20 {
				b = append(b, " [should be 20]"...)
				ln = 20
			}
			if !q.has(k, 4) {
				return b, false
			}
			b = append(b, "\n\t      Sequence number: 0x"...)
			b = appendHexN(b, uint64(be32(o[k:])), 8)
		}
		k += ln
	}
	return b, true
}

var ospf6TcpdumpOptions = [...]bitName{
	{0x01, "V6"}, {0x02, "External"}, {0x04, "Deprecated"}, {0x08, "NSSA"}, {0x10, "Router"},
	{0x20, "Demand Circuit"}, {0x100, "AFs Support"}, {0x200, "LLS"}, {0x400, "Authentication Trailer"},
}

var ospf6TcpdumpDDFlags = [...]bitName{{0x04, "Init"}, {0x02, "More"}, {0x01, "Master"}, {0x10, "IPv6 MTU"}}

var ospf6TcpdumpLSATypes = [15]string{"", "Router", "Network", "Inter-Area Prefix", "Inter-Area Router", "External",
	"Deprecated", "NSSA", "Link", "Intra-Area Prefix", "Intra-Area TE", "Grace", "Router Information", "Inter-AS-TE",
	"Layer 1 VPN"}

// ospf6Trunc is tcpdump's mark for a version 3 packet cut short.
const ospf6Trunc = " [|ospf3]"

// appendOSPF6 appends what tcpdump prints of an OSPF packet over IPv6
// (print-ospf6.c): the header's words, and with -v the router and area,
// the Hello and DB Description fields, and with -vv the lists of LSA
// headers and requests.
func (p *LinePrinter) appendOSPF6(b []byte, o []byte, length int) []byte {
	if len(o) < 2 {
		return append(b, ospf6Trunc...)
	}
	b = append(b, "OSPFv"...)
	b = strconv.AppendUint(b, uint64(o[0]), 10)
	b = append(b, ", "...)
	typ := o[1]
	if typ < 1 || typ > 5 {
		b = append(b, "unknown packet type ("...)
		b = strconv.AppendUint(b, uint64(typ), 10)
		b = append(b, "), length "...)
		return strconv.AppendInt(b, int64(length), 10)
	}
	b = append(b, ospfTcpdumpTypes[typ]...)
	b = append(b, ", length "...)
	b = strconv.AppendInt(b, int64(length), 10)
	if p.Options.Verbose == 0 {
		return b
	}
	b, ok := p.appendOSPF6Verbose(b, o, length)
	if !ok {
		b = append(b, ospf6Trunc...)
	}
	return b
}

func (p *LinePrinter) appendOSPF6Verbose(b []byte, o []byte, length int) ([]byte, bool) {
	has := func(off, n int) bool { return off+n <= len(o) }
	if !has(2, 2) {
		return b, false
	}
	datalen := int(be16(o[2:]))
	if datalen > length {
		b = append(b, " [len "...)
		b = strconv.AppendInt(b, int64(datalen), 10)
		return append(b, ']'), true
	}
	if !has(4, 4) {
		return b, false
	}
	b = append(b, "\n\tRouter-ID "...)
	b = addr4(o[4:8]).AppendTo(b)
	if !has(8, 4) {
		return b, false
	}
	if be32(o[8:]) != 0 {
		b = append(b, ", Area "...)
		b = addr4(o[8:12]).AppendTo(b)
	} else {
		b = append(b, ", Backbone Area"...)
	}
	if !has(14, 1) {
		return b, false
	}
	if o[14] != 0 {
		b = append(b, ", Instance "...)
		b = strconv.AppendUint(b, uint64(o[14]), 10)
	}
	if o[0] != 3 {
		return b, true
	}
	vv := p.Options.Verbose > 1
	var opts uint32
	switch o[1] {
	case OSPFHello:
		if !has(20, 4) {
			return b, false
		}
		opts = be32(o[20:]) & 0xffffff
		b = append(b, "\n\tOptions ["...)
		b = appendBitNames(b, uint64(opts), ospf6TcpdumpOptions[:])
		b = append(b, ']')
		if !has(26, 2) {
			return b, false
		}
		b = append(b, "\n\t  Hello Timer "...)
		b = strconv.AppendUint(b, uint64(be16(o[24:])), 10)
		b = append(b, "s, Dead Timer "...)
		b = strconv.AppendUint(b, uint64(be16(o[26:])), 10)
		b = append(b, "s, Interface-ID "...)
		b = addr4(o[16:20]).AppendTo(b)
		b = append(b, ", Priority "...)
		b = strconv.AppendUint(b, uint64(o[20]), 10)
		if !has(28, 4) {
			return b, false
		}
		if be32(o[28:]) != 0 {
			b = append(b, "\n\t  Designated Router "...)
			b = addr4(o[28:32]).AppendTo(b)
		}
		if !has(32, 4) {
			return b, false
		}
		if be32(o[32:]) != 0 {
			b = append(b, ", Backup Designated Router "...)
			b = addr4(o[32:36]).AppendTo(b)
		}
		if vv {
			b = append(b, "\n\t  Neighbor List:"...)
			for k := 36; k < datalen; k += 4 {
				if !has(k, 4) {
					return b, false
				}
				b = append(b, "\n\t    "...)
				b = addr4(o[k : k+4]).AppendTo(b)
			}
		}
	case OSPFDBDesc:
		if !has(16, 4) {
			return b, false
		}
		opts = be32(o[16:]) & 0xffffff
		b = append(b, "\n\tOptions ["...)
		b = appendBitNames(b, uint64(opts), ospf6TcpdumpOptions[:])
		b = append(b, ']')
		if !has(23, 1) {
			return b, false
		}
		b = append(b, ", DD Flags ["...)
		b = appendBitNames(b, uint64(o[23]), ospf6TcpdumpDDFlags[:])
		b = append(b, ']')
		if !has(24, 4) {
			return b, false
		}
		b = append(b, ", MTU "...)
		b = strconv.AppendUint(b, uint64(be16(o[20:])), 10)
		b = append(b, ", DD-Sequence 0x"...)
		b = appendHexN(b, uint64(be32(o[24:])), 8)
		if vv {
			for k := 28; k < datalen; k += ospfLSAHeaderLen {
				var ok bool
				if b, ok = appendOSPF6LSAHeader(b, o, k, datalen); !ok {
					return b, false
				}
			}
		}
	case OSPFLSReq:
		if vv {
			for k := 16; k < datalen; k += 12 {
				if !has(k, 12) {
					return b, false
				}
				b = append(b, "\n\t  Advertising Router "...)
				b = addr4(o[k+8 : k+12]).AppendTo(b)
				b = appendOSPF6LSType(b, be16(o[k+2:]), o[k+4:k+8])
			}
		}
	case OSPFLSUpdate:
		if vv {
			var ok bool
			if b, ok = appendOSPF6LSUpdate(b, o, datalen); !ok {
				return b, false
			}
		}
	case OSPFLSAck:
		if vv {
			for k := 16; k < datalen; k += ospfLSAHeaderLen {
				var ok bool
				if b, ok = appendOSPF6LSAHeader(b, o, k, datalen); !ok {
					return b, false
				}
			}
		}
	}
	// The trailer: the LLS block of a Hello or DB Description that
	// announces one, then the authentication trailer.
	n := length - datalen
	k := datalen
	if (o[1] == OSPFHello || o[1] == OSPFDBDesc) && opts&0x200 != 0 && n > 0 {
		if n < 4 || !has(k, 4) {
			return b, false
		}
		b = append(b, "\n\tLLS Checksum 0x"...)
		b = appendHex4(b, be16(o[k:]))
		ll := int(be16(o[k+2:]))
		b = append(b, ", Data Length "...)
		b = strconv.AppendInt(b, int64(ll), 10)
		if ll < 4 || ll > n || !has(k, ll) {
			return b, false
		}
		k += ll
		n -= ll
	}
	if n == 0 {
		return b, true
	}
	if n < 16 || !has(k, 2) {
		return b, false
	}
	b = append(b, "\n\tAuthentication Type "...)
	if at := be16(o[k:]); at == 1 {
		b = append(b, "HMAC"...)
	} else {
		b = append(b, "unknown (0x"...)
		b = appendHex4(b, at)
		b = append(b, ')')
	}
	if !has(k+2, 2) {
		return b, false
	}
	al := int(be16(o[k+2:]))
	b = append(b, ", Length "...)
	b = strconv.AppendInt(b, int64(al), 10)
	if al < 16 || al > n || !has(k+6, 2) {
		return b, false
	}
	b = append(b, ", SAID "...)
	b = strconv.AppendUint(b, uint64(be16(o[k+6:])), 10)
	if !has(k+8, 4) {
		return b, false
	}
	b = append(b, ", CSN 0x"...)
	b = appendHexN(b, uint64(be32(o[k+8:])), 8)
	if !has(k+12, 4) {
		return b, false
	}
	b = append(b, ':')
	b = appendHexN(b, uint64(be32(o[k+12:])), 8)
	if !has(k+16, al-16) {
		return b, false
	}
	if vv {
		b = appendHexDumpLines(b, o[k+16:k+al], "\n\tAuthentication Data ")
	}
	return b, true
}

// appendOSPF6LSType appends "\n\t    Router LSA (1), Area Local Scope,
// LSA-ID 0.0.0.0".
func appendOSPF6LSType(b []byte, t uint16, id []byte) []byte {
	b = append(b, "\n\t    "...)
	if c := t & 0x1fff; int(c) < len(ospf6TcpdumpLSATypes) && ospf6TcpdumpLSATypes[c] != "" {
		b = append(b, ospf6TcpdumpLSATypes[c]...)
	} else {
		b = append(b, "Unknown"...)
	}
	b = append(b, " LSA ("...)
	b = strconv.AppendUint(b, uint64(t&0x1fff), 10)
	b = append(b, "), "...)
	switch t & 0x6000 {
	case 0:
		b = append(b, "Link Local"...)
	case 0x2000:
		b = append(b, "Area Local"...)
	case 0x4000:
		b = append(b, "Domain Wide"...)
	default:
		b = append(b, "Unknown"...)
	}
	b = append(b, " Scope"...)
	if t&0x8000 != 0 {
		b = append(b, ", transitive"...)
	}
	b = append(b, ", LSA-ID "...)
	return addr4(id).AppendTo(b)
}

// appendOSPF6LSAHeader appends the version 3 LSA header at off.
func appendOSPF6LSAHeader(b []byte, o []byte, off, dataend int) ([]byte, bool) {
	if off+ospfLSAHeaderLen > dataend || off+ospfLSAHeaderLen > len(o) {
		return b, false
	}
	h := o[off:]
	b = append(b, "\n\t  Advertising Router "...)
	b = addr4(h[8:12]).AppendTo(b)
	b = append(b, ", seq 0x"...)
	b = appendHexN(b, uint64(be32(h[12:])), 8)
	b = append(b, ", age "...)
	b = strconv.AppendUint(b, uint64(be16(h)), 10)
	b = append(b, "s, length "...)
	b = strconv.AppendUint(b, uint64(int64(be16(h[18:]))-ospfLSAHeaderLen), 10) // as tcpdump, 64 bits wrapped below 20
	return appendOSPF6LSType(b, be16(h[2:]), h[4:8]), true
}

var ospfTcpdumpRICaps = [...]bitName{{1, "Reserved"}, {2, "Reserved"}, {4, "Reserved"}, {8, "Reserved"},
	{16, "graceful restart capable"}, {32, "graceful restart helper"}, {64, "Stub router support"},
	{128, "Traffic engineering"}, {256, "p2p over LAN"}, {512, "path computation server"}}

// appendRI appends a Router Information LSA's TLVs as tcpdump 4.99 does:
// it steps over each TLV's value without its padding. stop is set where
// tcpdump gives up on the LSA (and skips its -vv dump).
func (q *ospfPrinter) appendRI(b []byte, off, n int) (_ []byte, ok, stop bool) {
	o := q.o
	for n != 0 {
		if !q.has(off, 4) {
			return b, false, false
		}
		if n < 4 {
			b = append(b, "\n\t    Remaining LS length "...)
			b = strconv.AppendInt(b, int64(n), 10)
			return append(b, " < 4"...), true, true
		}
		typ, ln := be16(o[off:]), int(be16(o[off+2:]))
		off += 4
		n -= 4
		b = append(b, "\n\t    "...)
		if typ == 1 {
			b = append(b, "Router Capabilities"...)
		} else {
			b = append(b, "unknown"...)
		}
		b = append(b, " TLV ("...)
		b = strconv.AppendUint(b, uint64(typ), 10)
		b = append(b, "), length: "...)
		b = strconv.AppendInt(b, int64(ln), 10)
		b = append(b, ", value: "...)
		if ln > n {
			b = append(b, "\n\t    Bogus length "...)
			b = strconv.AppendInt(b, int64(ln), 10)
			b = append(b, " > remaining LS length "...)
			b = strconv.AppendInt(b, int64(n), 10)
			return b, true, true
		}
		if !q.has(off, ln) {
			return b, false, false
		}
		switch {
		case typ == 1 && ln != 4:
			b = append(b, "\n\t    Bogus length "...)
			b = strconv.AppendInt(b, int64(ln), 10)
			return append(b, " != 4"...), true, true
		case typ == 1:
			b = append(b, "Capabilities: "...)
			if v := be32(o[off:]); v&0x3ff == 0 {
				b = append(b, "Unknown"...)
			} else {
				b = appendBitNames(b, uint64(v), ospfTcpdumpRICaps[:])
			}
		case q.p.Options.Verbose <= 1:
			b = appendHexDumpLines(b, o[off:off+ln], "\n\t      ")
		}
		off += ln
		n -= ln
	}
	return b, true, false
}

var ospfTcpdumpTESubTLVs = [...]string{1: "Link Type", 2: "Link ID", 3: "Local Interface IP address",
	4: "Remote Interface IP address", 5: "Traffic Engineering Metric", 6: "Maximum Bandwidth",
	7: "Maximum Reservable Bandwidth", 8: "Unreserved Bandwidth", 9: "Administrative Group",
	11: "Link Local/Remote Identifier", 14: "Link Protection Type", 15: "Interface Switching Capability",
	16: "Shared Risk Link Group", 17: "Bandwidth Constraints"}

var gmplsSwitchCaps = map[uint8]string{1: "Packet-Switch Capable-1", 2: "Packet-Switch Capable-2",
	3: "Packet-Switch Capable-3", 4: "Packet-Switch Capable-4", 51: "Layer-2 Switch Capable",
	100: "Time-Division-Multiplex", 150: "Lambda-Switch Capable", 200: "Fiber-Switch Capable"}

var gmplsEncodings = [...]string{1: "Packet", 2: "Ethernet V2/DIX", 3: "ANSI/ETSI PDH", 4: "Reserved",
	5: "SDH ITU-T G.707/SONET ANSI T1.105", 6: "Reserved", 7: "Digital Wrapper", 8: "Lambda (photonic)",
	9: "Fiber", 10: "Reserved", 11: "FiberChannel", 12: "G.709 ODUk (Digital Path)", 13: "G.709 Optical Channel"}

var gmplsLinkProt = [...]bitName{{0x01, "Extra Traffic"}, {0x02, "Unprotected"}, {0x04, "Shared"},
	{0x08, "Dedicated 1:1"}, {0x10, "Dedicated 1+1"}, {0x20, "Enhanced"}, {0x40, "Reserved"}, {0x80, "Reserved"}}

// appendMbps appends a bandwidth in bytes per second (an IEEE float) as
// tcpdump's "%.3f Mbps" of its bits, computed in single precision as C
// does.
func appendMbps(b []byte, v uint32) []byte {
	f := math.Float32frombits(v) * 8 / 1000000
	b = strconv.AppendFloat(b, float64(f), 'f', 3, 64)
	return append(b, " Mbps"...)
}

// appendTE appends a Traffic Engineering LSA's TLVs (ospf_te_lsa_print).
func (q *ospfPrinter) appendTE(b []byte, off, n int) (_ []byte, ok, stop bool) {
	o := q.o
	for n != 0 {
		if !q.has(off, 4) {
			return b, false, false
		}
		if n < 4 {
			b = append(b, "\n\t    Remaining LS length "...)
			b = strconv.AppendInt(b, int64(n), 10)
			return append(b, " < 4"...), true, true
		}
		typ, ln := be16(o[off:]), int(be16(o[off+2:]))
		off += 4
		n -= 4
		b = append(b, "\n\t    "...)
		switch typ {
		case 1:
			b = append(b, "Router Address"...)
		case 2:
			b = append(b, "Link"...)
		default:
			b = append(b, "unknown"...)
		}
		b = append(b, " TLV ("...)
		b = strconv.AppendUint(b, uint64(typ), 10)
		b = append(b, "), length: "...)
		b = strconv.AppendInt(b, int64(ln), 10)
		if ln > n {
			b = append(b, "\n\t    Bogus length "...)
			b = strconv.AppendInt(b, int64(ln), 10)
			b = append(b, " > "...)
			b = strconv.AppendInt(b, int64(n), 10)
			return b, true, true
		}
		if typ == 0 || ln == 0 {
			return b, true, true
		}
		switch typ {
		case 2:
			var ok, stop bool
			if b, ok, stop = q.appendTELink(b, off, ln); !ok || stop {
				return b, ok, stop
			}
		case 1:
			if ln < 4 {
				b = append(b, "\n\t    TLV length "...)
				b = strconv.AppendInt(b, int64(ln), 10)
				return append(b, " < 4"...), true, true
			}
			if !q.has(off, 4) {
				return b, false, false
			}
			b = append(b, ", "...)
			b = addr4(o[off : off+4]).AppendTo(b)
		default:
			if q.p.Options.Verbose <= 1 {
				var ok bool
				if b, ok = q.appendUnknownDataIndent(b, off, ln, "\n\t      "); !ok {
					return b, true, true
				}
			}
		}
		if ln%4 != 0 {
			ln += 4 - ln%4
		}
		if ln > n {
			b = append(b, "\n\t    Bogus padded length "...)
			b = strconv.AppendInt(b, int64(ln), 10)
			b = append(b, " > "...)
			b = strconv.AppendInt(b, int64(n), 10)
			return b, true, true
		}
		n -= ln
		off += ln
	}
	return b, true, false
}

// appendUnknownDataIndent is appendUnknownData with another indentation.
func (q *ospfPrinter) appendUnknownDataIndent(b []byte, off, n int, indent string) ([]byte, bool) {
	if off > len(q.o) {
		b = append(b, indent...)
		return append(b, "Dissector error: print_unknown_data called with pointer past end of packet"...), false
	}
	n = max(min(n, len(q.o)-off), 0)
	return appendHexDumpLines(b, q.o[off:off+n], indent), true
}

// appendTELink appends the sub-TLVs of a TE Link TLV.
func (q *ospfPrinter) appendTELink(b []byte, off, n int) (_ []byte, ok, stop bool) {
	o := q.o
	for n != 0 {
		if n < 4 {
			b = append(b, "\n\t    Remaining TLV length "...)
			b = strconv.AppendInt(b, int64(n), 10)
			return append(b, " < 4"...), true, true
		}
		if !q.has(off, 4) {
			return b, false, false
		}
		typ, ln := be16(o[off:]), int(be16(o[off+2:]))
		off += 4
		n -= 4
		if typ == 0 || ln == 0 {
			return append(b, " (invalid)"...), true, true
		}
		b = append(b, "\n\t      "...)
		if int(typ) < len(ospfTcpdumpTESubTLVs) && ospfTcpdumpTESubTLVs[typ] != "" {
			b = append(b, ospfTcpdumpTESubTLVs[typ]...)
		} else {
			b = append(b, "unknown"...)
		}
		b = append(b, " subTLV ("...)
		b = strconv.AppendUint(b, uint64(typ), 10)
		b = append(b, "), length: "...)
		b = strconv.AppendInt(b, int64(ln), 10)
		if n < ln {
			b = append(b, "\n\t    Remaining TLV length "...)
			b = strconv.AppendInt(b, int64(n+4), 10)
			b = append(b, " < "...)
			b = strconv.AppendInt(b, int64(ln+4), 10)
			return b, true, true
		}
		if !q.has(off, ln) {
			return b, false, false
		}
		v := o[off : off+ln]
		invalid := func(b []byte, s string) ([]byte, bool, bool) {
			b = append(b, s...)
			return append(b, " (invalid)"...), true, true
		}
		switch typ {
		case 9:
			if ln != 4 {
				return invalid(b, " != 4")
			}
			b = append(b, ", 0x"...)
			b = appendHexN(b, uint64(be32(v)), 8)
		case 2, 11:
			if ln != 4 && ln != 8 {
				return invalid(b, " != 4 && != 8")
			}
			for k := 0; k < ln; k += 4 {
				b = append(b, ", "...)
				b = addr4(v[k : k+4]).AppendTo(b)
				b = append(b, " (0x"...)
				b = appendHexN(b, uint64(be32(v[k:])), 8)
				b = append(b, ')')
			}
		case 3, 4:
			if ln != 4 {
				return invalid(b, " != 4")
			}
			b = append(b, ", "...)
			b = addr4(v).AppendTo(b)
		case 6, 7:
			if ln != 4 {
				return invalid(b, " != 4")
			}
			b = append(b, ", "...)
			b = appendMbps(b, be32(v))
		case 8:
			if ln != 32 {
				return invalid(b, " != 32")
			}
			for c := 0; c < 8; c++ {
				b = append(b, "\n\t\tTE-Class "...)
				b = strconv.AppendInt(b, int64(c), 10)
				b = append(b, ": "...)
				b = appendMbps(b, be32(v[4*c:]))
			}
		case 5:
			if ln != 4 {
				return invalid(b, " != 4")
			}
			b = append(b, ", Metric "...)
			b = strconv.AppendUint(b, uint64(be32(v)), 10)
		case 14:
			if ln != 4 {
				return invalid(b, " != 4")
			}
			b = append(b, ", "...)
			b = appendBitNames(b, uint64(v[0]), gmplsLinkProt[:])
		case 15:
			if ln < 36 {
				return invalid(b, " < 36")
			}
			b = append(b, "\n\t\tInterface Switching Capability: "...)
			if s, ok := gmplsSwitchCaps[v[0]]; ok {
				b = append(b, s...)
			} else {
				b = append(b, "Unknown"...)
			}
			b = append(b, "\n\t\tLSP Encoding: "...)
			if int(v[1]) < len(gmplsEncodings) && gmplsEncodings[v[1]] != "" {
				b = append(b, gmplsEncodings[v[1]]...)
			} else {
				b = append(b, "Unknown"...)
			}
			b = append(b, "\n\t\tMax LSP Bandwidth:"...)
			for c := 0; c < 8; c++ {
				b = append(b, "\n\t\t  priority level "...)
				b = strconv.AppendInt(b, int64(c), 10)
				b = append(b, ": "...)
				b = appendMbps(b, be32(v[4+4*c:]))
			}
		case 1:
			if ln != 1 {
				return invalid(b, " != 1")
			}
			b = append(b, ", "...)
			switch v[0] {
			case 1:
				b = append(b, "Point-to-point"...)
			case 2:
				b = append(b, "Multi-Access"...)
			default:
				b = append(b, "unknown"...)
			}
			b = append(b, " ("...)
			b = strconv.AppendUint(b, uint64(v[0]), 10)
			b = append(b, ')')
		case 16:
			if ln%4 != 0 {
				return invalid(b, " != N x 4")
			}
			if ln > 0 {
				b = append(b, "\n\t\t  Shared risk group: "...)
			}
			for k := 0; k < ln; k += 4 {
				if k > 0 {
					b = append(b, ", "...)
				}
				b = strconv.AppendUint(b, uint64(be32(v[k:])), 10)
			}
		default:
			if q.p.Options.Verbose <= 1 {
				var ok bool
				if b, ok = q.appendUnknownDataIndent(b, off, ln, "\n\t\t"); !ok {
					return b, true, true
				}
			}
		}
		if ln%4 != 0 {
			ln += 4 - ln%4
		}
		if n < ln {
			b = append(b, "\n\t    Remaining TLV length "...)
			b = strconv.AppendInt(b, int64(n+4), 10)
			b = append(b, " < "...)
			b = strconv.AppendInt(b, int64(ln+4), 10)
			return b, true, true
		}
		n -= ln
		off += ln
	}
	return b, true, false
}
