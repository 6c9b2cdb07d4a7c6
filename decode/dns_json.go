package decode

import (
	"net/netip"
)

// jsonDNS writes the "dns" member with Wireshark's field names: the header
// (id, flags.*, count.*), the first question as qry.name/qry.type/qry.class,
// the first A, AAAA and CNAME answers as a, aaaa and cname, and every
// question and record in the arrays "queries", "answers", "authorities"
// and "additionals" (each record with resp.* and its data fields: a, aaaa,
// cname, ns, ptr.domain_name, mx.*, srv.*, txt as an array of strings,
// soa.*, and rr.udp_payload_size for OPT). A message cut short keeps the
// fields it has. Names are shown as Wireshark shows them.
func jsonDNS(w *jsonWriter, d *Decoder, i int) {
	w.open("dns")
	m, _ := dnsMessage(d, i)
	if len(m) < dnsHeaderLen {
		jsonDNSShortHeader(w, m)
		w.close()
		return
	}
	flags := m.Flags()
	w.hex("id", uint64(m.ID()), 4)
	w.hex("flags", uint64(flags), 4)
	w.bool("flags.response", flags&DNSFlagQR != 0)
	w.int("flags.opcode", int(m.Opcode()))
	if flags&DNSFlagQR != 0 {
		w.bool("flags.authoritative", flags&DNSFlagAA != 0)
	}
	w.bool("flags.truncated", flags&DNSFlagTC != 0)
	w.bool("flags.recdesired", flags&DNSFlagRD != 0)
	if flags&DNSFlagQR != 0 {
		w.bool("flags.recavail", flags&DNSFlagRA != 0)
	}
	w.bool("flags.z", flags&DNSFlagZ != 0)
	if flags&DNSFlagQR != 0 || flags&DNSFlagAD != 0 {
		w.bool("flags.authenticated", flags&DNSFlagAD != 0) // a query's AD bit only when set
	}
	w.bool("flags.checkdisable", flags&DNSFlagCD != 0)
	if flags&DNSFlagQR != 0 {
		w.int("flags.rcode", int(m.RCode()))
	}
	if m.Opcode() == 5 { // UPDATE names its sections differently
		w.int("count.zones", int(m.QDCount()))
		w.int("count.prerequisites", int(m.ANCount()))
		w.int("count.updates", int(m.NSCount()))
	} else {
		w.int("count.queries", int(m.QDCount()))
		w.int("count.answers", int(m.ANCount()))
		w.int("count.auth_rr", int(m.NSCount()))
	}
	w.int("count.add_rr", int(m.ARCount()))

	off := dnsHeaderLen
	if q, _, ok := m.Question(off); ok && m.QDCount() > 0 {
		w.key("qry.name")
		w.b = appendJSONName(w.b, m, q.Name)
		w.int("qry.type", int(q.Type))
		w.hex("qry.class", uint64(q.Class), 4)
	}
	// First A, AAAA and CNAME of the answer section, for jq's .dns.a.
	{
		o := off
		ok := true
		for range m.QDCount() {
			if _, o, ok = m.Question(o); !ok {
				break
			}
		}
		var haveA, have6, haveC bool
		for k := 0; ok && k < int(m.ANCount()); k++ {
			var r DNSRecord
			if r, o, ok = m.Record(o); !ok {
				break
			}
			if p := m.nameProblem(r.Name); p == dnsNameTruncated || p == dnsNameBadLabel {
				break
			}
			switch {
			case r.Type == DNSTypeA && r.Len == 4 && !haveA:
				haveA = true
				w.addr("a", netip.AddrFrom4([4]byte(m.RecordData(r))))
			case r.Type == DNSTypeAAAA && r.Len == 16 && !have6:
				have6 = true
				w.addr("aaaa", netip.AddrFrom16([16]byte(m.RecordData(r))))
			case r.Type == DNSTypeCNAME && !haveC:
				haveC = true
				w.key("cname")
				w.b = appendJSONName(w.b, m, r.Data)
			}
		}
	}
	if m.QDCount() > 0 {
		w.key("queries")
		w.b = append(w.b, '[')
		w.comma = false
		ok := true
		for range m.QDCount() {
			var q DNSQuestion
			if q, off, ok = m.Question(off); !ok {
				break
			}
			p := m.nameProblem(q.Name)
			if p == dnsNameTruncated || p == dnsNameBadLabel {
				ok = false
				break
			}
			w.open("")
			w.key("qry.name")
			w.b = appendJSONName(w.b, m, q.Name)
			w.int("qry.type", int(q.Type))
			w.hex("qry.class", uint64(q.Class), 4)
			w.close()
		}
		w.b = append(w.b, ']')
		w.comma = true
		if !ok {
			w.close()
			return
		}
	}
	for _, sec := range [...]struct {
		key string
		n   uint16
	}{{"answers", m.ANCount()}, {"authorities", m.NSCount()}, {"additionals", m.ARCount()}} {
		if sec.n == 0 {
			continue
		}
		w.key(sec.key)
		w.b = append(w.b, '[')
		w.comma = false
		ok := true
		for range sec.n {
			var r DNSRecord
			if r, off, ok = m.Record(off); !ok {
				break
			}
			p := m.nameProblem(r.Name)
			if p == dnsNameTruncated || p == dnsNameBadLabel {
				ok = false
				break
			}
			jsonDNSRecord(w, m, r)
		}
		w.b = append(w.b, ']')
		w.comma = true
		if !ok {
			break
		}
	}
	w.close()
}

// jsonSRVOwner writes an SRV record's owner name as Wireshark splits it
// (srv.service, srv.proto, srv.name), if it has that form.
func jsonSRVOwner(w *jsonWriter, m DNS, r DNSRecord) bool {
	if r.Type != DNSTypeSRV {
		return false
	}
	it := m.Name(r.Name)
	svc, ok1 := it.Next()
	proto, ok2 := it.Next()
	if !ok1 || !ok2 || len(svc) < 2 || len(proto) < 2 || svc[0] != '_' || proto[0] != '_' {
		return false
	}
	w.bytesStr("srv.service", svc)
	w.bytesStr("srv.proto", proto)
	w.key("srv.name")
	w.b = append(w.b, '"')
	first := true
	for l, ok := it.Next(); ok; l, ok = it.Next() {
		if !first {
			w.b = append(w.b, '.')
		}
		first = false
		w.b = append(w.b, l...) // printable labels: an SRV name is a host name
	}
	if first {
		w.b = append(w.b, "<Root>"...)
	}
	w.b = append(w.b, '"')
	return true
}

// jsonDNSShortHeader writes the header fields a message cut short still has.
func jsonDNSShortHeader(w *jsonWriter, m []byte) {
	if len(m) >= 2 {
		w.hex("id", uint64(be16(m)), 4)
	}
	if len(m) >= 4 {
		flags := be16(m[2:])
		w.hex("flags", uint64(flags), 4)
		w.bool("flags.response", flags&DNSFlagQR != 0)
		w.int("flags.opcode", int(flags>>11&15))
		w.bool("flags.truncated", flags&DNSFlagTC != 0)
		w.bool("flags.recdesired", flags&DNSFlagRD != 0)
		w.bool("flags.z", flags&DNSFlagZ != 0)
		w.bool("flags.checkdisable", flags&DNSFlagCD != 0)
		if flags&DNSFlagQR != 0 {
			w.int("flags.rcode", int(flags&15))
		}
	}
	for k, key := range [...]string{"count.queries", "count.answers", "count.auth_rr", "count.add_rr"} {
		if len(m) >= 6+2*k {
			w.int(key, int(be16(m[4+2*k:])))
		}
	}
}

// appendJSONName appends the name at off as a JSON string.
func appendJSONName(b []byte, m DNS, off int) []byte {
	b = append(b, '"')
	start := len(b)
	b, _ = m.AppendName(b, off)
	// Names are printable ASCII with backslash escapes: only '"' and '\'
	// need JSON escaping, and AppendName escapes '\' itself as \092.
	for k := start; k < len(b); k++ {
		if b[k] == '"' || b[k] == '\\' {
			return appendJSONEscapedTail(b, start)
		}
	}
	return append(b, '"')
}

// appendJSONEscapedTail re-escapes b[start:] for JSON in place.
func appendJSONEscapedTail(b []byte, start int) []byte {
	n := 0
	for _, c := range b[start:] {
		if c == '"' || c == '\\' {
			n++
		}
	}
	end := len(b)
	for range n {
		b = append(b, 0)
	}
	j := len(b)
	for k := end - 1; k >= start; k-- {
		c := b[k]
		j--
		b[j] = c
		if c == '"' || c == '\\' {
			j--
			b[j] = '\\'
		}
	}
	return append(b, '"')
}

func jsonDNSRecord(w *jsonWriter, m DNS, r DNSRecord) {
	w.open("")
	if !jsonSRVOwner(w, m, r) {
		w.key("resp.name")
		w.b = appendJSONName(w.b, m, r.Name)
	}
	w.int("resp.type", int(r.Type))
	data := m.RecordData(r)
	if r.Type == DNSTypeOPT {
		w.int("rr.udp_payload_size", int(r.Class))
		w.int("resp.ext_rcode", int(r.TTL>>24))
		w.int("resp.edns0_version", int(r.TTL>>16&0xff))
		w.bool("resp.z.do", r.TTL&0x8000 != 0)
		w.int("resp.len", r.Len)
		w.close()
		return
	}
	w.hex("resp.class", uint64(r.Class), 4)
	w.uint("resp.ttl", uint64(r.TTL))
	w.int("resp.len", r.Len)
	switch r.Type {
	case DNSTypeA:
		if len(data) == 4 {
			w.addr("a", netip.AddrFrom4([4]byte(data)))
		}
	case DNSTypeAAAA:
		if len(data) == 16 {
			w.addr("aaaa", netip.AddrFrom16([16]byte(data)))
		}
	case DNSTypeCNAME:
		w.key("cname")
		w.b = appendJSONName(w.b, m, r.Data)
	case DNSTypeNS:
		w.key("ns")
		w.b = appendJSONName(w.b, m, r.Data)
	case DNSTypePTR:
		w.key("ptr.domain_name")
		w.b = appendJSONName(w.b, m, r.Data)
	case DNSTypeMX:
		if len(data) >= 3 {
			w.int("mx.preference", int(be16(data)))
			w.key("mx.mail_exchange")
			w.b = appendJSONName(w.b, m, r.Data+2)
		}
	case DNSTypeSRV:
		if len(data) >= 7 {
			w.int("srv.priority", int(be16(data)))
			w.int("srv.weight", int(be16(data[2:])))
			w.int("srv.port", int(be16(data[4:])))
			w.key("srv.target")
			w.b = appendJSONName(w.b, m, r.Data+6)
		}
	case DNSTypeTXT:
		// Every character-string, as tshark lists them.
		w.key("txt")
		w.b = append(w.b, '[')
		for k := 0; k < len(data) && k+1+int(data[k]) <= len(data); k += 1 + int(data[k]) {
			if k > 0 {
				w.b = append(w.b, ',')
			}
			w.b = appendJSONBytes(w.b, data[k+1:k+1+int(data[k])])
		}
		w.b = append(w.b, ']')
	case DNSTypeSOA:
		n1, ok1 := m.SkipName(r.Data)
		n2, ok2 := m.SkipName(n1)
		if ok1 && ok2 && n2+20 <= r.Data+r.Len {
			w.key("soa.mname")
			w.b = appendJSONName(w.b, m, r.Data)
			w.key("soa.rname")
			w.b = appendJSONName(w.b, m, n1)
			w.uint("soa.serial_number", uint64(be32(m[n2:])))
			w.uint("soa.refresh_interval", uint64(be32(m[n2+4:])))
			w.uint("soa.retry_interval", uint64(be32(m[n2+8:])))
			w.uint("soa.expire_limit", uint64(be32(m[n2+12:])))
			w.uint("soa.minimum_ttl", uint64(be32(m[n2+16:])))
		}
	}
	w.close()
}
