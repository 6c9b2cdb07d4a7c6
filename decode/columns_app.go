package decode

import "strconv"

// This file writes the Info column of the application layers (DNS, DHCP,
// NTP, HTTP, TLS) as tshark 4.0 words it.

var colDNSOpcodes = [...]string{0: "Standard query", 1: "Inverse query", 2: "Server status request",
	4: "Zone change notification", 5: "Dynamic update"}

var colDNSRcodes = [...]string{1: "Format error", 2: "Server failure", 3: "No such name",
	4: "Not implemented", 5: "Refused", 6: "Name exists", 7: "RRset exists", 8: "RRset does not exist",
	9: "Not authoritative", 10: "Name out of zone"}

// infoDNS appends "Standard query[ response] 0xID [rcode] TYPE NAME… TYPE DATA…".
func infoDNS(b []byte, d *Decoder, i int) []byte {
	m, _ := dnsMessage(d, i)
	if len(m) < 12 {
		return b
	}
	mdns := d.layers[i].Type == LayerMDNS
	op := m.Opcode()
	if int(op) < len(colDNSOpcodes) && colDNSOpcodes[op] != "" {
		b = append(b, colDNSOpcodes[op]...)
	} else {
		b = append(b, "Unknown operation ("...)
		b = strconv.AppendUint(b, uint64(op), 10)
		b = append(b, ')')
	}
	if m.Response() {
		b = append(b, " response"...)
	}
	b = append(b, " 0x"...)
	b = appendHex4(b, m.ID())
	if rc := m.RCode(); m.Response() && rc != 0 {
		b = append(b, ' ')
		if int(rc) < len(colDNSRcodes) {
			b = append(b, colDNSRcodes[rc]...)
		} else {
			b = append(b, "Unknown error ("...)
			b = strconv.AppendUint(b, uint64(rc), 10)
			b = append(b, ')')
		}
	}
	update := op == 5
	off := 12
	for range m.QDCount() {
		q, next, ok := m.Question(off)
		if !ok || m.nameDamaged(q.Name) {
			return b
		}
		if !update {
			b = append(b, ' ')
			b = appendDNSTypeShort(b, q.Type)
			b = append(b, ' ')
			b, _ = m.AppendName(b, q.Name)
			if mdns && q.Class&mdnsClassTop != 0 {
				b = append(b, `, "QU" question`...)
			} else if mdns {
				b = append(b, `, "QM" question`...)
			}
		}
		off = next
	}
	sections := [3]uint16{m.ANCount(), m.NSCount(), m.ARCount()}
	for _, n := range sections {
		for range n {
			r, next, ok := m.Record(off)
			if !ok || m.nameDamaged(r.Name) {
				return b
			}
			off = next
			if update {
				continue
			}
			b = append(b, ' ')
			b = appendDNSTypeShort(b, r.Type)
			if mdns && r.Type != DNSTypeOPT && r.Class&mdnsClassTop != 0 {
				b = append(b, ", cache flush"...)
			}
			b = appendColDNSData(b, m, r)
		}
	}
	return b
}

// appendColDNSData appends what Info shows of a record's data.
func appendColDNSData(b []byte, m DNS, r DNSRecord) []byte {
	data := m.RecordData(r)
	switch r.Type {
	case DNSTypeA:
		if len(data) == 4 {
			b = append(b, ' ')
			b = addr4(data).AppendTo(b)
		}
	case DNSTypeAAAA:
		if len(data) == 16 {
			b = append(b, ' ')
			b = addr16(data).AppendTo(b)
		}
	case DNSTypeCNAME, DNSTypeNS, DNSTypePTR, DNSTypeSOA, DNSTypeDNAME, dnsTypeNSEC:
		b = append(b, ' ')
		b, _ = m.AppendName(b, r.Data)
	case DNSTypeMX:
		if len(data) >= 3 {
			b = append(b, ' ')
			b = strconv.AppendUint(b, uint64(be16(data)), 10)
			b = append(b, ' ')
			b, _ = m.AppendName(b, r.Data+2)
		}
	case DNSTypeSRV:
		if len(data) >= 7 {
			for k := 0; k < 6; k += 2 {
				b = append(b, ' ')
				b = strconv.AppendUint(b, uint64(be16(data[k:])), 10)
			}
			b = append(b, ' ')
			b, _ = m.AppendName(b, r.Data+6)
		}
	}
	return b
}

var colDHCPTypes = [...]string{1: "Discover", 2: "Offer", 3: "Request", 4: "Decline", 5: "ACK", 6: "NAK",
	7: "Release", 8: "Inform", 9: "Force Renew", 10: "Lease query", 11: "Lease Unassigned",
	12: "Lease Unknown", 13: "Lease Active", 14: "Bulk Lease Query", 15: "Lease Query Done",
	16: "Active LeaseQuery", 17: "Lease Query Status", 18: "TLS"}

// dhcpIsBOOTP reports whether a DHCP layer has no message type, which
// Wireshark then calls BOOTP.
func dhcpIsBOOTP(d *Decoder, i int) bool {
	l := &d.layers[i]
	m := DHCPv4(d.data[l.Start:l.End])
	return len(m) < dhcpFixedLen+4 || m.MessageType() == 0
}

// infoDHCP appends "DHCP Discover - Transaction ID 0x…" or BOOTP's wording.
func infoDHCP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	m := DHCPv4(d.data[l.Start:l.End])
	if len(m) < 1 {
		return b
	}
	var t uint8
	if len(m) >= dhcpFixedLen+4 {
		t = m.MessageType()
	}
	if t == 0 {
		if m.Op() == 1 {
			if len(m) < 34 {
				return b
			}
			b = append(b, "Boot Request from "...)
			b = m.ClientMAC().AppendTo(b)
			b = append(b, " ("...)
			b = m.ClientMAC().AppendTo(b)
			return append(b, ')')
		}
		if m.Op() == 2 {
			return append(b, "Boot Reply"...)
		}
		b = append(b, "Unknown BOOTP message type ("...)
		b = strconv.AppendUint(b, uint64(m.Op()), 10)
		return append(b, ')')
	}
	b = append(b, "DHCP "...)
	name := "Unknown Message Type"
	if int(t) < len(colDHCPTypes) && colDHCPTypes[t] != "" {
		name = colDHCPTypes[t]
	}
	b = appendPadded(b, name, 8)
	b = append(b, " - Transaction ID 0x"...)
	return strconv.AppendUint(b, uint64(m.XID()), 16)
}

var colNTPModes = [...]string{"reserved", "symmetric active", "symmetric passive", "client", "server",
	"broadcast", "control", "private"}

var colNTPPrivateCodes = [...]string{"PEER_LIST", "PEER_LIST_SUM", "PEER_INFO", "PEER_STATS", "SYS_INFO",
	"SYS_STATS", "IO_STATS", "MEM_STATS", "LOOP_INFO", "TIMER_STATS", "CONFIG", "UNCONFIG",
	"SET_SYS_FLAG", "CLR_SYS_FLAG", "MONITOR", "NOMONITOR", "GET_RESTRICT", "RESADDFLAGS",
	"RESSUBFLAGS", "UNRESTRICT", "MON_GETLIST", "RESET_STATS", "RESET_PEER", "REREAD_KEYS",
	"DO_DIRTY_HACK", "DONT_DIRTY_HACK", "TRUSTKEY", "UNTRUSTKEY", "AUTHINFO", "TRAPS", "ADD_TRAP",
	"CLR_TRAP", "REQUEST_KEY", "CONTROL_KEY", "GET_CTLSTATS", "GET_LEAPINFO", "GET_CLOCKINFO",
	"SET_CLKFUDGE", "GET_KERNEL", "GET_CLKBUGINFO", "", "SET_PRECISION", "MON_GETLIST_1",
	"HOSTNAME_ASSOCID", "IF_STATS", "IF_RELOAD"}

// infoNTP appends "NTP Version 4, client" (and a private message's code).
func infoNTP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	n := NTP(d.data[l.Start:l.End])
	if len(n) < 1 {
		return b
	}
	b = append(b, "NTP Version "...)
	b = strconv.AppendUint(b, uint64(n.Version()), 10)
	b = append(b, ", "...)
	b = append(b, colNTPModes[n.Mode()]...)
	if n.Mode() == NTPModePrivate && len(n) >= 4 {
		if n[0]&0x80 != 0 {
			b = append(b, ", Response, "...)
		} else {
			b = append(b, ", Request, "...)
		}
		if c := n[3]; int(c) < len(colNTPPrivateCodes) && colNTPPrivateCodes[c] != "" {
			b = append(b, colNTPPrivateCodes[c]...)
		} else {
			b = append(b, "Unknown"...)
		}
	}
	return b
}

// infoHTTP appends the first line, a space, and the body's media type.
func infoHTTP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	h := HTTP(d.data[l.Start:l.End])
	if h.Kind() == HTTPContinuation {
		return appendHTTPContMedia(append(b, "Continuation"...), d, i)
	}
	line, _ := h.FirstLine()
	b = append(b, line...)
	b = append(b, ' ')
	if end := h.HeaderEnd(); end >= 0 && end < len(h) {
		if ct := h.Header("Content-Type"); ct != nil {
			for k, c := range ct {
				if c == ';' || c == ' ' {
					ct = ct[:k]
					break
				}
			}
			b = append(b, " ("...)
			for _, c := range ct {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b = append(b, c)
			}
			b = append(b, ')')
		}
	}
	return b
}

var colTLSHandshakes = map[uint8]string{0: "Hello Request", 1: "Client Hello", 2: "Server Hello",
	3: "Hello Verify Request", 4: "New Session Ticket", 5: "End of Early Data", 8: "Encrypted Extensions",
	11: "Certificate", 12: "Server Key Exchange", 13: "Certificate Request", 14: "Server Hello Done",
	15: "Certificate Verify", 16: "Client Key Exchange", 20: "Finished", 21: "Certificate URL",
	22: "Certificate Status", 23: "Supplemental Data", 24: "Key Update", 25: "Compressed Certificate"}

var colTLSAlerts = map[uint8]string{0: "Close Notify", 10: "Unexpected Message", 20: "Bad Record MAC",
	21: "Decryption Failed", 22: "Record Overflow", 30: "Decompression Failure", 40: "Handshake Failure",
	41: "No Certificate", 42: "Bad Certificate", 43: "Unsupported Certificate", 44: "Certificate Revoked",
	45: "Certificate Expired", 46: "Certificate Unknown", 47: "Illegal Parameter", 48: "Unknown CA",
	49: "Access Denied", 50: "Decode Error", 51: "Decrypt Error", 60: "Export Restriction",
	70: "Protocol Version", 71: "Insufficient Security", 80: "Internal Error",
	86: "Inappropriate Fallback", 90: "User Canceled", 100: "No Renegotiation",
	109: "Missing Extension", 110: "Unsupported Extension", 111: "Certificate Unobtainable",
	112: "Unrecognized Name", 113: "Bad Certificate Status Response", 114: "Bad Certificate Hash Value",
	115: "Unknown PSK Identity", 116: "Certificate Required", 120: "No application Protocol"}

// tlsHandshakeClear reports whether a handshake record's fragment starts
// with a known handshake message that fits in it; tshark takes it for an
// encrypted message otherwise.
func tlsHandshakeClear(f []byte) bool {
	if len(f) < 4 {
		return false
	}
	if _, ok := colTLSHandshakes[f[0]]; !ok {
		return false
	}
	return 4+(int(f[1])<<16|int(f[2])<<8|int(f[3])) <= len(f)
}

// infoTLS appends the names of the records' contents, joined by ", ".
func infoTLS(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	t := TLS(d.data[l.Start:l.End])
	first := true
	for off := 0; ; {
		r, next, ok := t.NextRecord(off)
		if !ok || !r.Complete() {
			break // the rest of the record is in later segments
		}
		b, first = appendTLSRecordInfo(b, r, first)
		off = next
	}
	return b
}

// appendTLSRecordInfo appends what one whole record shows, after ", "
// unless first.
func appendTLSRecordInfo(b []byte, r TLSRecord, first bool) ([]byte, bool) {
	sep := func(b []byte) []byte {
		if !first {
			b = append(b, ", "...)
		}
		first = false
		return b
	}
	f := r.Fragment()
	switch r.ContentType() {
	case TLSChangeCipherSpec:
		b = sep(b)
		b = append(b, "Change Cipher Spec"...)
	case TLSAlert:
		b = sep(b)
		b = appendTLSRecordName(b, r, len(f))
	case TLSHandshake:
		if !tlsHandshakeClear(f) {
			b = sep(b)
			b = append(b, "Encrypted Handshake Message"...)
			break
		}
		for len(f) >= 4 {
			name, ok := colTLSHandshakes[f[0]]
			n := 4 + (int(f[1])<<16 | int(f[2])<<8 | int(f[3]))
			if !ok || n > len(f) {
				break
			}
			b = sep(b)
			b = append(b, name...)
			f = f[n:]
		}
	case TLSApplicationData:
		b = sep(b)
		b = append(b, "Application Data"...)
	case TLSHeartbeat:
		b = sep(b)
		b = append(b, "Heartbeat"...)
	}
	return b, first
}

// appendTLSProto appends the TLS Protocol column: the version a ServerHello
// picks (its supported_versions extension first), else the first record's.
func appendTLSProto(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	t := TLS(d.data[l.Start:l.End])
	r, _, ok := t.NextRecord(0)
	if !ok {
		return append(b, "TLS"...)
	}
	v := r.Version()
	for off := 0; ; {
		r, next, ok := t.NextRecord(off)
		if !ok {
			break
		}
		if m, ok := r.Handshake(); ok && m.Type() == TLSServerHello {
			if h, ok := m.Hello(); ok {
				v = h.Version
				if sv, ok := h.Extension(TLSExtSupportedVersions); ok && len(sv) == 2 {
					v = be16(sv)
				}
			}
		}
		off = next
	}
	return appendTLSVersion(b, v)
}

func appendTLSVersion(b []byte, v uint16) []byte {
	switch v {
	case 0x0300:
		return append(b, "SSLv3"...)
	case 0x0301:
		return append(b, "TLSv1"...)
	case 0x0302:
		return append(b, "TLSv1.1"...)
	case 0x0303:
		return append(b, "TLSv1.2"...)
	case 0x0304:
		return append(b, "TLSv1.3"...)
	}
	return append(b, "TLS"...)
}
