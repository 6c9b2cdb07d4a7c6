package decode

import (
	"net/netip"
	"strconv"
)

// appendSNMPValue appends the value's label as Wireshark fills it
// ("Value (Integer32): 72", "Value (Null)", "noSuchObject").
func appendSNMPValue(b []byte, k int, v []byte) []byte {
	fl := &snmpFields[k]
	b = append(b, fl.Label...)
	switch fl.Kind {
	case KindNone:
		return b
	case KindInt:
		b = append(b, ": "...)
		return strconv.AppendInt(b, berInt(v), 10)
	case KindUint:
		b = append(b, ": "...)
		return strconv.AppendUint(b, uint64(berUint(v)), 10)
	case KindOID:
		b = append(b, ": "...)
		return appendOIDLabel(b, v)
	case KindIPv4:
		b = append(b, ": "...)
		return netip.AddrFrom4([4]byte(v)).AppendTo(b)
	case KindIPv6:
		b = append(b, ": "...)
		return netip.AddrFrom16([16]byte(v)).AppendTo(b)
	}
	b = append(b, ": "...)
	if k == snmpValueOctets && len(v) > 0 && asciiPrintable(v) {
		b = append(b, '"')
		b = append(b, v...)
		return append(b, '"')
	}
	return appendWSBytes(b, v)
}

// asciiPrintable reports whether every byte is printable ASCII.
func asciiPrintable(v []byte) bool {
	for _, c := range v {
		if c < 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}

// infoSNMP appends tshark's Info column: the PDU's name and the name of
// each variable binding ("get-request 1.3.6.1.2.1.1.1.0"); a trap adds its
// enterprise.
func infoSNMP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	s := SNMP(d.data[l.Start:l.End])
	m := s.walk(d.udpReported(i, len(s)))
	if m.pdu < 0 {
		return b
	}
	if m.stop == snmpDone {
		b = append(b, snmpPDUNames.Name(uint64(m.pdu))...)
	}
	if m.pdu == snmpTrap && m.hasEnterpris {
		b = append(b, ' ')
		b, _ = appendOIDResolved(b, s[m.enterprise[0]:m.enterprise[1]])
	}
	for vb := range s.varbinds(m.vbs) {
		if vb.stop != snmpDone {
			break
		}
		b = append(b, ' ')
		b = appendOID(b, s[vb.name[0]:vb.name[1]])
	}
	return b
}

// snmpSetsInfo reports whether Wireshark's SNMP dissector reaches the PDU
// of the message at layer i, where it sets the Info column.
func snmpSetsInfo(d *Decoder, i int) bool {
	l := &d.layers[i]
	s := SNMP(d.data[l.Start:l.End])
	return s.walk(d.udpReported(i, len(s))).pdu >= 0
}

// snmpPDUTcpdump are tcpdump's names of the PDUs.
var snmpPDUTcpdump = [...]string{"GetRequest", "GetNextRequest", "GetResponse", "SetRequest", "Trap",
	"GetBulk", "Inform", "V2Trap", "Report"}

var snmpErrorTcpdump = [...]string{"noError", "tooBig", "noSuchName", "badValue", "readOnly", "genErr",
	"noAccess", "wrongType", "wrongLength", "wrongEncoding", "wrongValue", "noCreation", "inconsistentValue",
	"resourceUnavailable", "commitFailed", "undoFailed", "authorizationError", "notWritable", "inconsistentName"}

var snmpGenericTcpdump = [...]string{"coldStart", "warmStart", "linkDown", "linkUp", "authenticationFailure",
	"egpNeighborLoss", "enterpriseSpecific"}

// tdElem is one element as tcpdump's asn1_parse reads it.
type tdElem struct {
	typ        uint8
	cls, form  int
	id         int
	c, n       int // contents
	integer    int32
	uns        uint32
	uns64      uint64
	parsedSize int
}

// The element types of tcpdump's SNMP printer.
const (
	tdAny uint8 = iota
	tdNull
	tdOctet
	tdOID
	tdInt
	tdUns
	tdStr
	tdSeq
	tdInetAddr
	tdPDU
	tdUns64
	tdNoSuchObject
	tdNoSuchInst
	tdEndOfMibView
)

// snmpLine is tcpdump's SNMP printer over one datagram: data is what was
// captured, the printer's lengths are the datagram's.
type snmpLine struct {
	p    *LinePrinter
	b    []byte
	data []byte
	v    int
	cut  bool // ran off the captured bytes: " [|snmp]" printed
}

var tdClassIDs = [4]int{18, 7, 9, 1}

// parse is tcpdump's asn1_parse: ok false after it printed why.
func (w *snmpLine) parse(off, length int, e *tdElem) bool {
	*e = tdElem{}
	if length < 1 {
		w.b = append(w.b, "[nothing to parse]"...)
		return false
	}
	if off >= len(w.data) {
		return w.trunc()
	}
	c := w.data[off]
	id := int(c & 0x1f)
	form, cls := int(c&0x20)>>5, int(c>>6)
	p, hdr := off+1, 1
	length--
	if id == 0x1f {
		id = 0
		for {
			if p >= len(w.data) {
				return w.trunc()
			}
			if w.data[p]&0x80 == 0 {
				break
			}
			if length < 1 {
				w.b = append(w.b, "[Xtagfield?]"...)
				return false
			}
			id = id<<7 | int(w.data[p]&0x7f)
			length--
			hdr++
			p++
		}
		if length < 1 {
			w.b = append(w.b, "[Xtagfield?]"...)
			return false
		}
		id = id<<7 | int(w.data[p])
		length--
		hdr++
		p++
	}
	if length < 1 {
		w.b = append(w.b, "[no asnlen]"...)
		return false
	}
	if p >= len(w.data) {
		return w.trunc()
	}
	asnlen := uint32(w.data[p])
	p++
	length--
	hdr++
	if asnlen&0x80 != 0 {
		noct := int(asnlen & 0x7f)
		asnlen = 0
		if length < noct {
			w.b = append(w.b, "[asnlen? "...)
			w.b = strconv.AppendInt(w.b, int64(length), 10)
			w.b = append(w.b, '<')
			w.b = strconv.AppendInt(w.b, int64(noct), 10)
			w.b = append(w.b, ']')
			return false
		}
		if p+noct > len(w.data) {
			return w.trunc()
		}
		for ; noct > 0; noct-- {
			asnlen = asnlen<<8 | uint32(w.data[p])
			p++
			length--
			hdr++
		}
	}
	if uint64(length) < uint64(asnlen) {
		w.b = append(w.b, "[len"...)
		w.b = strconv.AppendInt(w.b, int64(length), 10)
		w.b = append(w.b, "<asnlen"...)
		w.b = strconv.AppendUint(w.b, uint64(asnlen), 10)
		w.b = append(w.b, ']')
		return false
	}
	if id >= tdClassIDs[cls] {
		w.b = append(w.b, "[id?"...)
		w.b = append(w.b, "PC"[form])
		w.b = append(w.b, "/x/"...)
		w.b = strconv.AppendInt(w.b, int64(id), 10)
		w.b = append(w.b, ']')
		return false
	}
	n := int(asnlen)
	if p+n > len(w.data) {
		return w.trunc()
	}
	e.cls, e.form, e.id, e.c, e.n = cls, form, id, p, n
	e.parsedSize = hdr + n
	body := w.data[p : p+n]
	if form == 0 {
		switch cls {
		case 0:
			switch id {
			case 4:
				e.typ = tdStr
			case 2:
				e.typ = tdInt
				var v int32
				if n > 0 && body[0]&0x80 != 0 {
					v = -1
				}
				for _, x := range body {
					v = v<<8 | int32(x)
				}
				e.integer = v
			case 6:
				e.typ = tdOID
			case 5:
				e.typ = tdNull
			default:
				e.typ = tdOctet
				w.b = append(w.b, "[P/U/"...)
				w.b = append(w.b, tdUniversal[id]...)
				w.b = append(w.b, ']')
			}
		case 1:
			switch id {
			case 0:
				e.typ = tdInetAddr
			case 1, 2, 3:
				e.typ = tdUns
				var v uint32
				for _, x := range body {
					v = v<<8 + uint32(x)
				}
				e.uns = v
			case 6:
				e.typ = tdUns64
				var v uint64
				for _, x := range body {
					v = v<<8 | uint64(x)
				}
				e.uns64 = v
			default:
				e.typ = tdOctet
				w.b = append(w.b, "[P/A/"...)
				w.b = append(w.b, tdApplication[id]...)
				w.b = append(w.b, ']')
			}
		case 2:
			switch id {
			case 0:
				e.typ = tdNoSuchObject
			case 1:
				e.typ = tdNoSuchInst
			case 2:
				e.typ = tdEndOfMibView
			}
		default:
			w.b = append(w.b, "[P/x/P-0]"...)
			e.typ = tdOctet
		}
	} else {
		switch cls {
		case 0:
			if id == 16 {
				e.typ = tdSeq
			} else {
				e.typ = tdOctet
				w.b = append(w.b, "C/U/"...)
				w.b = append(w.b, tdUniversal[id]...)
			}
		case 2:
			e.typ = tdPDU
		default:
			e.typ = tdOctet
			w.b = append(w.b, "C/x/"...)
			if cls == 1 {
				w.b = append(w.b, tdApplication[id]...)
			} else {
				w.b = append(w.b, "P-0"...)
			}
		}
	}
	return true
}

var tdUniversal = [...]string{"U-0", "Boolean", "Integer", "Bitstring", "String", "Null", "ObjID", "ObjectDes",
	"U-8", "U-9", "U-10", "U-11", "U-12", "U-13", "U-14", "U-15", "Sequence", "Set"}

var tdApplication = [...]string{"IpAddress", "Counter", "Gauge", "TimeTicks", "Opaque", "C-5", "Counter64"}

func (w *snmpLine) trunc() bool {
	w.cut = true
	w.b = append(w.b, " [|snmp]"...)
	return false
}

// print is tcpdump's asn1_print.
func (w *snmpLine) print(e *tdElem) {
	body := w.data[e.c : e.c+e.n]
	switch e.typ {
	case tdOctet:
		for _, x := range body {
			w.b = append(w.b, '_', hexDigits[x>>4], hexDigits[x&15])
		}
	case tdNull:
	case tdOID:
		var o uint32
		first := true
		for _, x := range body {
			o = o<<7 + uint32(x&0x7f)
			if x&0x80 != 0 {
				continue
			}
			if first {
				s := min(o/40, 2)
				w.b = append(w.b, '.')
				w.b = strconv.AppendUint(w.b, uint64(s), 10)
				o -= s * 40
				first = false
			}
			w.b = append(w.b, '.')
			w.b = strconv.AppendUint(w.b, uint64(o), 10)
			o = 0
		}
	case tdInt:
		w.b = strconv.AppendInt(w.b, int64(e.integer), 10)
	case tdUns:
		w.b = strconv.AppendUint(w.b, uint64(e.uns), 10)
	case tdUns64:
		w.b = strconv.AppendUint(w.b, e.uns64, 10)
	case tdStr:
		w.printString(body)
	case tdSeq:
		w.b = append(w.b, "Seq("...)
		w.b = strconv.AppendInt(w.b, int64(e.n), 10)
		w.b = append(w.b, ')')
	case tdInetAddr:
		if e.n != 4 {
			w.b = append(w.b, "[inetaddr len!=4]"...)
		}
		for k, x := range body {
			if k > 0 {
				w.b = append(w.b, '.')
			}
			w.b = strconv.AppendUint(w.b, uint64(x), 10)
		}
	case tdNoSuchObject:
		w.b = append(w.b, "[noSuchObject]"...)
	case tdNoSuchInst:
		w.b = append(w.b, "[noSuchInstance]"...)
	case tdEndOfMibView:
		w.b = append(w.b, "[endOfMibView]"...)
	case tdPDU:
		w.b = append(w.b, snmpPDUTcpdump[e.id]...)
		w.b = append(w.b, '(')
		w.b = strconv.AppendInt(w.b, int64(e.n), 10)
		w.b = append(w.b, ')')
	default:
		w.b = append(w.b, "[BE_ANY!?]"...)
	}
}

// printString is tcpdump's asn1_print_string: quoted when every byte is
// printable, else the bytes in hex joined by '_'.
func (w *snmpLine) printString(s []byte) {
	if asciiPrintable(s) {
		w.b = append(w.b, '"')
		w.b = append(w.b, s...)
		w.b = append(w.b, '"')
		return
	}
	for k, x := range s {
		if k > 0 {
			w.b = append(w.b, '_')
		}
		w.b = append(w.b, hexDigits[x>>4], hexDigits[x&15])
	}
}

func (w *snmpLine) bad(what string, e *tdElem) {
	w.b = append(w.b, what...)
	w.print(e)
}

func (w *snmpLine) errorName(v int32) {
	if v >= 0 && int(v) < len(snmpErrorTcpdump) {
		w.b = append(w.b, snmpErrorTcpdump[v]...)
		return
	}
	w.b = append(w.b, "err="...)
	w.b = strconv.AppendUint(w.b, uint64(uint32(v)), 10)
}

// lineSNMPData appends tcpdump's snmp_print of data, a datagram of length
// bytes (captured in part, perhaps).
func (p *LinePrinter) lineSNMPData(b, data []byte, length int) []byte {
	w := snmpLine{p: p, b: append(b, ' '), data: data, v: p.Options.Verbose}
	w.message(length)
	if w.cut {
		p.abandoned = true
	}
	return w.b
}

func (w *snmpLine) message(length int) {
	var e tdElem
	if !w.parse(0, length, &e) {
		return
	}
	if e.typ != tdSeq {
		w.bad("[!init SEQ]", &e)
		return
	}
	if e.parsedSize < length {
		w.b = append(w.b, '[')
		w.b = strconv.AppendInt(w.b, int64(length-e.parsedSize), 10)
		w.b = append(w.b, " extra after iSEQ]"...)
	}
	off, length := e.c, e.n
	if !w.parse(off, length, &e) {
		return
	}
	if e.typ != tdInt {
		w.bad("[version!=INT]", &e)
		return
	}
	version := e.integer
	switch version {
	case 0, 1, 3:
		if w.v > 0 {
			w.b = append(w.b, "{ "...)
			w.b = append(w.b, [...]string{"SNMPv1", "SNMPv2c", "", "SNMPv3"}[version]...)
			w.b = append(w.b, ' ')
		}
	default:
		w.b = append(w.b, "SNMP [version = "...)
		w.b = strconv.AppendInt(w.b, int64(version), 10)
		w.b = append(w.b, ']')
		return
	}
	off += e.parsedSize
	length -= e.parsedSize
	if version == 3 {
		w.v3(off, length)
	} else {
		w.community(off, length, int(version))
	}
	if w.v > 0 && !w.cut {
		w.b = append(w.b, "} "...)
	}
}

func (w *snmpLine) community(off, length, version int) {
	var e tdElem
	if !w.parse(off, length, &e) {
		return
	}
	if e.typ != tdStr {
		w.bad("[comm!=STR]", &e)
		return
	}
	if c := w.data[e.c : e.c+e.n]; string(c) != "public" {
		w.b = append(w.b, "C="...)
		w.printString(c)
		w.b = append(w.b, ' ')
	}
	w.pdu(off+e.parsedSize, length-e.parsedSize, version)
}

func (w *snmpLine) pdu(off, length, version int) {
	var e tdElem
	if !w.parse(off, length, &e) {
		return
	}
	if e.typ != tdPDU {
		w.b = append(w.b, "[no PDU]"...)
		return
	}
	if e.parsedSize < length {
		w.b = append(w.b, '[')
		w.b = strconv.AppendInt(w.b, int64(length-e.parsedSize), 10)
		w.b = append(w.b, " extra after PDU]"...)
	}
	if w.v > 0 {
		w.b = append(w.b, "{ "...)
	}
	w.print(&e)
	w.b = append(w.b, ' ')
	id := e.id
	if version == 0 && (id == snmpGetBulk || id == snmpInform || id == snmpV2Trap || id == snmpReport) {
		w.b = append(w.b, "[v2 PDU in v1 message]"...)
		return
	}
	if version == 1 && id == snmpTrap {
		w.b = append(w.b, "[v1 PDU in v2 message]"...)
		return
	}
	if id == snmpTrap {
		w.trap(e.c, e.n)
	} else {
		w.snmpPDU(id, e.c, e.n)
	}
	if w.v > 0 && !w.cut {
		w.b = append(w.b, " } "...)
	}
}

// next parses the element at *off and advances past it.
func (w *snmpLine) next(off, length *int, e *tdElem) bool {
	if !w.parse(*off, *length, e) {
		return false
	}
	*off += e.parsedSize
	*length -= e.parsedSize
	return true
}

func (w *snmpLine) snmpPDU(id, off, length int) {
	var e tdElem
	if !w.next(&off, &length, &e) {
		return
	}
	if e.typ != tdInt {
		w.bad("[reqId!=INT]", &e)
		return
	}
	if w.v > 0 {
		w.b = append(w.b, "R="...)
		w.b = strconv.AppendInt(w.b, int64(e.integer), 10)
		w.b = append(w.b, ' ')
	}
	if !w.next(&off, &length, &e) {
		return
	}
	if e.typ != tdInt {
		w.bad("[errorStatus!=INT]", &e)
		return
	}
	var errStatus int32
	strict := id == snmpGet || id == snmpGetNext || id == snmpSet || id == snmpInform || id == snmpV2Trap || id == snmpReport
	switch {
	case strict && e.integer != 0:
		w.b = append(w.b, "[errorStatus("...)
		w.errorName(e.integer)
		w.b = append(w.b, ")!=0]"...)
	case id == snmpGetBulk:
		w.b = append(w.b, " N="...)
		w.b = strconv.AppendInt(w.b, int64(e.integer), 10)
	case e.integer != 0:
		w.b = append(w.b, ' ')
		w.errorName(e.integer)
		errStatus = e.integer
	}
	if !w.next(&off, &length, &e) {
		return
	}
	if e.typ != tdInt {
		w.bad("[errorIndex!=INT]", &e)
		return
	}
	switch {
	case strict && e.integer != 0:
		w.b = append(w.b, "[errorIndex("...)
		w.b = strconv.AppendInt(w.b, int64(e.integer), 10)
		w.b = append(w.b, ")!=0]"...)
	case id == snmpGetBulk:
		w.b = append(w.b, " M="...)
		w.b = strconv.AppendInt(w.b, int64(e.integer), 10)
	case e.integer != 0:
		if errStatus == 0 {
			w.b = append(w.b, "[errorIndex("...)
			w.b = strconv.AppendInt(w.b, int64(e.integer), 10)
			w.b = append(w.b, ") w/o errorStatus]"...)
		} else {
			w.b = append(w.b, '@')
			w.b = strconv.AppendInt(w.b, int64(e.integer), 10)
		}
	case errStatus != 0:
		w.b = append(w.b, "[errorIndex==0]"...)
	}
	w.varbinds(id, off, length)
}

func (w *snmpLine) trap(off, length int) {
	var e tdElem
	w.b = append(w.b, ' ')
	if !w.next(&off, &length, &e) {
		return
	}
	if e.typ != tdOID {
		w.bad("[enterprise!=OID]", &e)
		return
	}
	w.print(&e)
	w.b = append(w.b, ' ')
	if !w.next(&off, &length, &e) {
		return
	}
	if e.typ != tdInetAddr {
		w.bad("[agent-addr!=INETADDR]", &e)
		return
	}
	w.print(&e)
	if !w.next(&off, &length, &e) {
		return
	}
	if e.typ != tdInt {
		w.bad("[generic-trap!=INT]", &e)
		return
	}
	generic := e.integer
	w.b = append(w.b, ' ')
	if generic >= 0 && int(generic) < len(snmpGenericTcpdump) {
		w.b = append(w.b, snmpGenericTcpdump[generic]...)
	} else {
		w.b = append(w.b, "gt="...)
		w.b = strconv.AppendInt(w.b, int64(generic), 10)
	}
	if !w.next(&off, &length, &e) {
		return
	}
	if e.typ != tdInt {
		w.bad("[specific-trap!=INT]", &e)
		return
	}
	if generic != 6 {
		if e.integer != 0 {
			w.b = append(w.b, "[specific-trap("...)
			w.b = strconv.AppendInt(w.b, int64(e.integer), 10)
			w.b = append(w.b, ")!=0]"...)
		}
	} else {
		w.b = append(w.b, " s="...)
		w.b = strconv.AppendInt(w.b, int64(e.integer), 10)
	}
	w.b = append(w.b, ' ')
	if !w.next(&off, &length, &e) {
		return
	}
	if e.typ != tdUns {
		w.bad("[time-stamp!=TIMETICKS]", &e)
		return
	}
	w.print(&e)
	w.varbinds(snmpTrap, off, length)
}

func (w *snmpLine) varbinds(id, off, length int) {
	var e tdElem
	if !w.parse(off, length, &e) {
		return
	}
	if e.typ != tdSeq {
		w.bad("[!SEQ of varbind]", &e)
		return
	}
	if e.parsedSize < length {
		w.b = append(w.b, '[')
		w.b = strconv.AppendInt(w.b, int64(length-e.parsedSize), 10)
		w.b = append(w.b, " extra after SEQ of varbind]"...)
	}
	off, length = e.c, e.n
	request := id == snmpGet || id == snmpGetNext || id == snmpGetBulk
	for length > 0 {
		w.b = append(w.b, ' ')
		if !w.parse(off, length, &e) {
			return
		}
		if e.typ != tdSeq {
			w.bad("[!varbind]", &e)
			return
		}
		vbEnd, vbLength := off+e.parsedSize, length-e.parsedSize
		o, n := e.c, e.n
		if !w.next(&o, &n, &e) {
			return
		}
		if e.typ != tdOID {
			w.bad("[objName!=OID]", &e)
			return
		}
		w.print(&e)
		if !request {
			w.b = append(w.b, '=')
		}
		if !w.next(&o, &n, &e) {
			return
		}
		if request {
			if e.typ != tdNull {
				w.b = append(w.b, "[objVal!=NULL]"...)
				w.print(&e)
			}
		} else if e.typ != tdNull {
			w.print(&e)
		}
		off, length = vbEnd, vbLength
	}
}

func (w *snmpLine) v3(off, length int) {
	var e tdElem
	if !w.next(&off, &length, &e) {
		return
	}
	if e.typ != tdSeq {
		w.bad("[!message]", &e)
		return
	}
	secOff, secLength := off, length
	o, n := e.c, e.n
	if w.v > 0 {
		w.b = append(w.b, "{ "...)
	}
	if !w.next(&o, &n, &e) {
		return
	}
	if e.typ != tdInt {
		w.bad("[msgID!=INT]", &e)
		return
	}
	if !w.next(&o, &n, &e) {
		return
	}
	if e.typ != tdInt {
		w.bad("[msgMaxSize!=INT]", &e)
		return
	}
	if !w.next(&o, &n, &e) {
		return
	}
	if e.typ != tdStr {
		w.bad("[msgFlags!=STR]", &e)
		return
	}
	if e.n != 1 {
		w.b = append(w.b, "[msgFlags size "...)
		w.b = strconv.AppendInt(w.b, int64(e.n), 10)
		w.b = append(w.b, ']')
		return
	}
	flags := w.data[e.c]
	switch flags {
	case 0, 1, 3, 4, 5, 7:
	default:
		w.b = append(w.b, "[msgFlags=0x"...)
		w.b = append(w.b, upperHex[flags>>4], upperHex[flags&15], ']')
		return
	}
	w.b = append(w.b, "F="...)
	if flags&1 != 0 {
		w.b = append(w.b, 'a')
	}
	if flags&2 != 0 {
		w.b = append(w.b, 'p')
	}
	if flags&4 != 0 {
		w.b = append(w.b, 'r')
	}
	w.b = append(w.b, ' ')
	if !w.next(&o, &n, &e) {
		return
	}
	if e.typ != tdInt {
		w.bad("[msgSecurityModel!=INT]", &e)
		return
	}
	model := e.integer
	if e.parsedSize < n {
		w.b = append(w.b, '[')
		w.b = strconv.AppendInt(w.b, int64(n-e.parsedSize), 10)
		w.b = append(w.b, " extra after message SEQ]"...)
	}
	if w.v > 0 {
		w.b = append(w.b, "} "...)
	}
	if model != 3 {
		w.b = append(w.b, "[security model "...)
		w.b = strconv.AppendInt(w.b, int64(model), 10)
		w.b = append(w.b, ']')
		return
	}
	if w.v > 0 {
		w.b = append(w.b, "{ USM "...)
	}
	off, length = secOff, secLength
	if !w.next(&off, &length, &e) {
		return
	}
	if e.typ != tdStr {
		w.bad("[msgSecurityParameters!=STR]", &e)
		return
	}
	if !w.usm(e.c, e.n) {
		return
	}
	if w.v > 0 {
		w.b = append(w.b, "} "...)
		w.b = append(w.b, "{ ScopedPDU "...)
	}
	w.scopedPDU(off, length)
	if w.v > 0 && !w.cut {
		w.b = append(w.b, "} "...)
	}
}

func (w *snmpLine) usm(off, length int) bool {
	var e tdElem
	if !w.next(&off, &length, &e) {
		return false
	}
	if e.typ != tdSeq {
		w.bad("[!usm]", &e)
		return false
	}
	o, n := e.c, e.n
	steps := [...]struct {
		typ  uint8
		name string
	}{{tdStr, "msgAuthoritativeEngineID"}, {tdInt, "msgAuthoritativeEngineBoots"}, {tdInt, "msgAuthoritativeEngineTime"},
		{tdStr, "msgUserName"}, {tdStr, "msgAuthenticationParameters"}, {tdStr, "msgPrivacyParameters"}}
	for k, st := range steps {
		if !w.next(&o, &n, &e) {
			return false
		}
		if e.typ != st.typ {
			w.b = append(w.b, '[')
			w.b = append(w.b, st.name...)
			if st.typ == tdStr {
				w.b = append(w.b, "!=STR]"...)
			} else {
				w.b = append(w.b, "!=INT]"...)
			}
			w.print(&e)
			return false
		}
		switch {
		case k == 1 && w.v > 0:
			w.b = append(w.b, "B="...)
			w.b = strconv.AppendInt(w.b, int64(e.integer), 10)
			w.b = append(w.b, ' ')
		case k == 2 && w.v > 0:
			w.b = append(w.b, "T="...)
			w.b = strconv.AppendInt(w.b, int64(e.integer), 10)
			w.b = append(w.b, ' ')
		case k == 3:
			w.b = append(w.b, "U="...)
			w.printString(w.data[e.c : e.c+e.n])
			w.b = append(w.b, ' ')
		}
	}
	if e.parsedSize < n {
		w.b = append(w.b, '[')
		w.b = strconv.AppendInt(w.b, int64(n-e.parsedSize), 10)
		w.b = append(w.b, " extra after usm SEQ]"...)
	}
	return true
}

func (w *snmpLine) scopedPDU(off, length int) {
	var e tdElem
	if !w.parse(off, length, &e) {
		return
	}
	if e.typ != tdSeq {
		w.bad("[!scoped PDU]", &e)
		return
	}
	o, n := e.c, e.n
	if !w.next(&o, &n, &e) {
		return
	}
	if e.typ != tdStr {
		w.bad("[contextEngineID!=STR]", &e)
		return
	}
	w.b = append(w.b, "E="...)
	for _, x := range w.data[e.c : e.c+e.n] {
		w.b = append(w.b, '_', hexDigits[x>>4], hexDigits[x&15])
	}
	w.b = append(w.b, ' ')
	if !w.next(&o, &n, &e) {
		return
	}
	if e.typ != tdStr {
		w.bad("[contextName!=STR]", &e)
		return
	}
	w.b = append(w.b, "C="...)
	w.printString(w.data[e.c : e.c+e.n])
	w.b = append(w.b, ' ')
	w.pdu(o, n, 3)
}

// lineSNMP appends tcpdump's SNMP line for layer i.
func (p *LinePrinter) lineSNMP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	data := d.data[l.Start:l.End]
	length := d.udpReported(i, len(data))
	if p.Options.Quiet {
		return appendUDPLength(b, length)
	}
	return p.lineSNMPData(b, data, length)
}

// snmpTcpdumpPorts reports whether tcpdump prints a UDP datagram between
// the ports as SNMP.
func snmpTcpdumpPorts(sp, dp uint16) bool {
	return sp == snmpPort || dp == snmpPort || sp == snmpTrapPort || dp == snmpTrapPort
}
