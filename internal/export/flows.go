package export

import (
	"cmp"
	"encoding/binary"
	"math"
	"net/netip"
	"slices"
	"strconv"
	"time"

	"github.com/rawcap/rawcap/decode"
)

// The flows table: one row per conversation, as Zeek's conn.log gives it.
// A conversation is the packets of one IP protocol between two endpoints
// (address and port; ICMP's type stands for the port); it ends when it has
// been idle for its timeout (Zeek's: 5 minutes for TCP, 1 minute for the
// rest, in capture time), when a SYN opens a new connection on the ports of
// a closed one, or at the end of the input. Rows come in the order
// conversations end; those still open at the end come in the order they
// began.

const (
	tcpIdle   = 5 * time.Minute
	otherIdle = time.Minute
	// maxFlows bounds the conversations tracked at once (and so memory);
	// past it the one idle longest ends early.
	maxFlows = 200_000
)

// flowColumns are the flows table's columns, Zeek's conn.log names first.
var flowColumns = []column{
	{name: "ts", typ: typeTimestamp, req: true},
	{name: "ts_last", typ: typeTimestamp, req: true},
	{name: "duration", typ: typeDouble, req: true},
	{name: "id.orig_h", typ: typeString, req: true},
	{name: "id.orig_p", typ: typeInt32, req: true},
	{name: "id.resp_h", typ: typeString, req: true},
	{name: "id.resp_p", typ: typeInt32, req: true},
	{name: "proto", typ: typeString, req: true},
	{name: "ip_proto", typ: typeInt32, req: true},
	{name: "service", typ: typeString},
	{name: "conn_state", typ: typeString, req: true},
	{name: "history", typ: typeString, req: true},
	{name: "orig_pkts", typ: typeInt64, req: true},
	{name: "orig_bytes", typ: typeInt64, req: true},
	{name: "orig_ip_bytes", typ: typeInt64, req: true},
	{name: "orig_frame_bytes", typ: typeInt64, req: true},
	{name: "resp_pkts", typ: typeInt64, req: true},
	{name: "resp_bytes", typ: typeInt64, req: true},
	{name: "resp_ip_bytes", typ: typeInt64, req: true},
	{name: "resp_frame_bytes", typ: typeInt64, req: true},
	{name: "community_id", typ: typeString, req: true},
	{name: "server_name", typ: typeString},
	{name: "http_host", typ: typeString},
	{name: "dns_query", typ: typeString},
	{name: "rawcap.file", typ: typeString, req: true},
	{name: "first_frame", typ: typeInt64, req: true},
}

// FlowColumns describes the flows table's columns.
func FlowColumns() []ColumnInfo {
	out := make([]ColumnInfo, len(flowColumns))
	for i := range flowColumns {
		out[i] = flowColumns[i].info()
	}
	return out
}

// flowKey identifies a conversation whichever way a packet goes: the
// endpoints in a fixed order (the smaller address, then port, first).
type flowKey struct {
	a, b   [16]byte
	pa, pb uint16
	proto  uint8
	v6     bool
}

// side is what a flow counts for one direction.
type side struct {
	pkts, bytes, ipBytes, frameBytes int64
	syn, synack, fin, rst            bool
}

type flow struct {
	key              flowKey
	origA            bool // the originator is endpoint a
	first, last      time.Time
	firstFrame       int
	file             string
	seq              int64 // order of the first packet
	orig, resp       side
	hist             []byte
	histSeen         [2]uint8 // letters seen per direction, a bit each
	service          string
	sni, host, query string
	cid              string
	origP, respP     uint16
	prev, next       *flow // the idle list, most recently active last
	tcp              bool
}

// flowList is a list of flows ordered by their last packet.
type flowList struct{ head, tail *flow }

func (l *flowList) remove(f *flow) {
	if f.prev != nil {
		f.prev.next = f.next
	} else {
		l.head = f.next
	}
	if f.next != nil {
		f.next.prev = f.prev
	} else {
		l.tail = f.prev
	}
	f.prev, f.next = nil, nil
}

func (l *flowList) push(f *flow) {
	f.prev = l.tail
	if l.tail != nil {
		l.tail.next = f
	} else {
		l.head = f
	}
	l.tail = f
}

type flowTable struct {
	o     *Options
	sink  *sink
	flows map[flowKey]*flow
	tcp   flowList // TCP flows, least recently active first
	other flowList
	seq   int64
	swept time.Time
	file  string
	b     *batch

	apps                *decode.FieldsPrinter
	fSNI, fHost, fQuery *decode.Field
}

func newFlowTable(o *Options) *flowTable {
	t := &flowTable{o: o, flows: map[flowKey]*flow{}}
	t.sink = newSink("flows", flowColumns, o, nil)
	t.fSNI = decode.LookupField("tls.handshake.extensions_server_name")
	t.fHost = decode.LookupField("http.host")
	t.fQuery = decode.LookupField("dns.qry.name")
	t.apps, _ = decode.NewFieldsPrinter([]string{t.fSNI.Name, t.fHost.Name, t.fQuery.Name})
	return t
}

// startFile names the file the next packets come from.
func (t *flowTable) startFile(name string) { t.file = name }

// add counts the packet d last decoded in its conversation.
func (t *flowTable) add(d *decode.Decoder, f *decode.Frame) error {
	tm := f.Time
	if tm.IsZero() {
		tm = time.Unix(0, 0)
	}
	if tm.Sub(t.swept) >= time.Second || tm.Before(t.swept) {
		t.swept = tm
		if err := t.expire(tm); err != nil {
			return err
		}
	}
	var pk flowPacket
	if !pk.parse(d) {
		return nil
	}
	key, fromA := pk.key()
	fl := t.flows[key]
	if fl != nil && pk.proto == protoTCP && pk.flags&0x12 == 0x02 && fl.closed() {
		// A new connection on the ports of one that closed.
		if err := t.end(fl); err != nil {
			return err
		}
		fl = nil
	}
	if fl == nil {
		if len(t.flows) >= maxFlows {
			if err := t.evict(); err != nil {
				return err
			}
		}
		fl = t.start(&pk, key, fromA, tm, f)
	} else {
		t.list(fl).remove(fl)
	}
	t.list(fl).push(fl)
	fl.last = tm
	isOrig := fromA == fl.origA
	s := &fl.resp
	if isOrig {
		s = &fl.orig
	}
	s.pkts++
	s.bytes += int64(pk.payload)
	s.ipBytes += int64(pk.ipLen)
	s.frameBytes += int64(f.Length)
	fl.history(&pk, isOrig, s)
	if pk.app != decode.LayerNone {
		if fl.service == "" {
			fl.service = pk.app.String()
		}
		t.appKeys(fl, d, f, pk.app)
	}
	return t.flushIfFull()
}

func (t *flowTable) list(f *flow) *flowList {
	if f.tcp {
		return &t.tcp
	}
	return &t.other
}

func (t *flowTable) start(pk *flowPacket, key flowKey, fromA bool, tm time.Time, f *decode.Frame) *flow {
	t.seq++
	fl := &flow{key: key, origA: fromA, first: tm, firstFrame: f.Number, file: t.file, seq: t.seq, tcp: pk.proto == protoTCP}
	src, dst, sp, dp := pk.src, pk.dst, pk.sport, pk.dport
	if fl.tcp && pk.flags&0x12 == 0x12 {
		// The first packet seen is a SYN-ACK: its receiver opened the
		// connection (Zeek marks the flip with ^ in the history).
		fl.origA = !fromA
		src, dst, sp, dp = dst, src, dp, sp
		fl.hist = append(fl.hist, '^')
	}
	fl.origP, fl.respP = sp, dp
	fl.cid = CommunityID(0, src, dst, pk.proto, sp, dp)
	t.flows[key] = fl
	return fl
}

// history records the packet's TCP flags and data as Zeek's history
// letters, each once per direction: S a SYN, H a SYN-ACK, A a bare ACK, D
// data, F a FIN, R a reset; upper case from the originator, lower case from
// the responder. UDP and other protocols get D and d.
func (fl *flow) history(pk *flowPacket, isOrig bool, s *side) {
	add := func(c byte, bit uint8) {
		dir := 0
		if !isOrig {
			dir = 1
			c += 'a' - 'A'
		}
		if fl.histSeen[dir]&bit == 0 {
			fl.histSeen[dir] |= bit
			fl.hist = append(fl.hist, c)
		}
	}
	if !fl.tcp {
		add('D', 1)
		return
	}
	fs := pk.flags
	switch {
	case fs&0x12 == 0x02:
		s.syn = true
		add('S', 1)
	case fs&0x12 == 0x12:
		s.synack = true
		add('H', 2)
	}
	if pk.payload > 0 {
		add('D', 4)
	} else if fs&0x17 == 0x10 {
		add('A', 8)
	}
	if fs&0x01 != 0 {
		s.fin = true
		add('F', 16)
	}
	if fs&0x04 != 0 {
		s.rst = true
		add('R', 32)
	}
}

// closed reports whether a TCP conversation has ended: both sides sent a
// FIN, or either a reset.
func (fl *flow) closed() bool {
	return fl.orig.rst || fl.resp.rst || fl.orig.fin && fl.resp.fin
}

// state returns Zeek's conn_state for the conversation.
func (fl *flow) state() string {
	o, r := &fl.orig, &fl.resp
	if !fl.tcp {
		if r.pkts > 0 {
			return "SF"
		}
		return "S0"
	}
	switch {
	case o.syn && r.synack:
		switch {
		case o.rst:
			return "RSTO"
		case r.rst:
			return "RSTR"
		case o.fin && r.fin:
			return "SF"
		case o.fin:
			return "S2"
		case r.fin:
			return "S3"
		}
		return "S1"
	case o.syn:
		switch {
		case r.rst:
			return "REJ"
		case o.rst:
			return "RSTOS0"
		case o.fin:
			return "SH"
		case r.pkts == 0:
			return "S0"
		}
	case r.synack:
		switch {
		case r.rst:
			return "RSTRH"
		case r.fin:
			return "SHR"
		}
	}
	return "OTH"
}

// appKeys takes the conversation's server name, HTTP host and DNS query
// from the first packets that carry them.
func (t *flowTable) appKeys(fl *flow, d *decode.Decoder, f *decode.Frame, app decode.LayerType) {
	switch {
	case app == decode.LayerTLS && fl.sni == "",
		app == decode.LayerHTTP && fl.host == "",
		app == decode.LayerDNS && fl.query == "":
	default:
		return
	}
	l := t.apps.Fields(d, f)
	recs := l.Records()
	for k := range recs {
		r := &recs[k]
		if r.Op != decode.OpValue || r.JSONOnly {
			continue
		}
		var dst *string
		switch r.Field {
		case t.fSNI:
			dst = &fl.sni
		case t.fHost:
			dst = &fl.host
		case t.fQuery:
			dst = &fl.query
		default:
			continue
		}
		if *dst == "" {
			*dst = string(l.BytesOf(r))
		}
	}
}

// expire ends the conversations idle for longer than their timeout at now.
func (t *flowTable) expire(now time.Time) error {
	for _, l := range []struct {
		list *flowList
		idle time.Duration
	}{{&t.tcp, tcpIdle}, {&t.other, otherIdle}} {
		for f := l.list.head; f != nil && now.Sub(f.last) > l.idle; f = l.list.head {
			if err := t.end(f); err != nil {
				return err
			}
		}
	}
	return nil
}

// evict ends the conversation idle longest.
func (t *flowTable) evict() error {
	f := t.tcp.head
	if o := t.other.head; f == nil || o != nil && o.last.Before(f.last) {
		f = o
	}
	if f == nil {
		return nil
	}
	return t.end(f)
}

// end writes a conversation's row and forgets it.
func (t *flowTable) end(fl *flow) error {
	t.list(fl).remove(fl)
	delete(t.flows, fl.key)
	return t.row(fl)
}

// close ends every conversation still open, in the order they began.
func (t *flowTable) close() error {
	var open []*flow
	for _, f := range t.flows {
		open = append(open, f)
	}
	slices.SortFunc(open, func(a, b *flow) int { return cmp.Compare(a.seq, b.seq) })
	for _, f := range open {
		if err := t.end(f); err != nil {
			return err
		}
	}
	t.flush()
	return nil
}

// flush hands the batch being filled to the writer.
func (t *flowTable) flush() {
	if t.b != nil {
		t.sink.send(t.b)
		t.b = nil
	}
}

func (t *flowTable) flushIfFull() error {
	if t.b != nil && t.b.rows >= batchRows {
		t.sink.send(t.b)
		t.b = nil
	}
	return nil
}

// row appends a conversation's row.
func (t *flowTable) row(fl *flow) error {
	key := partitionKey(t.o.Partition, fl.first)
	if t.b != nil && (t.b.part != key || t.b.rows >= batchRows) {
		t.sink.send(t.b)
		t.b = nil
	}
	if t.b == nil {
		b, err := t.sink.get(key)
		if err != nil {
			return err
		}
		t.b = b
	}
	b := t.b
	a, z := fl.key.addr(true), fl.key.addr(false)
	if !fl.origA {
		a, z = z, a
	}
	proto := strconv.Itoa(int(fl.key.proto))
	switch fl.key.proto {
	case protoTCP:
		proto = "tcp"
	case protoUDP:
		proto = "udp"
	case protoICMP:
		proto = "icmp"
	case protoICMPv6:
		proto = "icmp6"
	}
	// The row's values in flowColumns' order; an empty string in a column
	// that may be null is left out, and the writer fills in the null.
	col := 0
	num := func(v uint64) { b.put(col, v, false); col++ }
	str := func(s []byte) {
		if len(s) > 0 || flowColumns[col].req {
			b.putBytes(col, s, false)
		}
		col++
	}
	addr := func(ad netip.Addr) {
		off := len(b.arena)
		b.arena = ad.AppendTo(b.arena)
		b.putSpan(col, off, false)
		col++
	}
	text := func(s string) {
		if s != "" || flowColumns[col].req {
			off := len(b.arena)
			b.arena = append(b.arena, s...)
			b.putSpan(col, off, false)
		}
		col++
	}
	o, r := &fl.orig, &fl.resp
	num(uint64(fl.first.UnixNano()))
	num(uint64(fl.last.UnixNano()))
	num(math.Float64bits(fl.last.Sub(fl.first).Seconds()))
	addr(a)
	num(uint64(fl.origP))
	addr(z)
	num(uint64(fl.respP))
	text(proto)
	num(uint64(fl.key.proto))
	text(fl.service)
	text(fl.state())
	str(fl.hist)
	for _, v := range [...]int64{o.pkts, o.bytes, o.ipBytes, o.frameBytes, r.pkts, r.bytes, r.ipBytes, r.frameBytes} {
		num(uint64(v))
	}
	text(fl.cid)
	text(fl.sni)
	text(fl.host)
	text(fl.query)
	text(fl.file)
	num(uint64(fl.firstFrame))
	b.rows++
	return nil
}

// addr returns endpoint a's (or b's) address.
func (k *flowKey) addr(a bool) netip.Addr {
	x := k.b
	if a {
		x = k.a
	}
	if !k.v6 {
		return netip.AddrFrom4([4]byte(x[:4]))
	}
	return netip.AddrFrom16(x)
}

// flowPacket is what the flows table reads from a decoded packet.
type flowPacket struct {
	src, dst     netip.Addr
	proto        uint8
	sport, dport uint16 // ICMP: type and code
	flags        uint16 // TCP flags
	payload      int    // transport payload bytes (TCP, UDP)
	ipLen        int    // the IP packet's length as its header says
	app          decode.LayerType
}

// parse reads the first IP header (not one quoted in an ICMP error) and
// the transport header after it; false for a packet without IP.
func (pk *flowPacket) parse(d *decode.Decoder) bool {
	data := d.Data()
	ls := d.Layers()
	ip := -1
	for i := range ls {
		if (ls[i].Type == decode.LayerIPv4 || ls[i].Type == decode.LayerIPv6) && !ls[i].Quoted {
			ip = i
			break
		}
	}
	if ip < 0 {
		return false
	}
	l := ls[ip]
	h := data[l.Start:l.Payload]
	if l.Type == decode.LayerIPv4 {
		if len(h) < 20 {
			return false
		}
		pk.src = netip.AddrFrom4([4]byte(h[12:16]))
		pk.dst = netip.AddrFrom4([4]byte(h[16:20]))
		pk.proto = h[9]
		pk.ipLen = int(binary.BigEndian.Uint16(h[2:]))
	} else {
		if len(h) < 40 {
			return false
		}
		pk.src = netip.AddrFrom16([16]byte(h[8:24]))
		pk.dst = netip.AddrFrom16([16]byte(h[24:40]))
		pk.proto = h[6]
		pk.ipLen = 40 + int(binary.BigEndian.Uint16(h[4:]))
	}
	for i := ip + 1; i < len(ls); i++ {
		t := &ls[i]
		switch t.Type {
		case decode.LayerIPv6HopByHop, decode.LayerIPv6Routing, decode.LayerIPv6Fragment, decode.LayerIPv6DestOpts:
			continue
		case decode.LayerTCP, decode.LayerUDP:
			th := data[t.Start:t.Payload]
			if len(th) < 4 {
				return true
			}
			pk.sport, pk.dport = binary.BigEndian.Uint16(th), binary.BigEndian.Uint16(th[2:])
			if t.Type == decode.LayerTCP {
				pk.proto = protoTCP
				if len(th) >= 14 {
					pk.flags = binary.BigEndian.Uint16(th[12:]) & 0x0fff
				}
			} else {
				pk.proto = protoUDP
			}
			pk.payload = t.End - t.Payload
			if i+1 < len(ls) {
				switch a := ls[i+1].Type; a {
				case decode.LayerDNS, decode.LayerHTTP, decode.LayerTLS, decode.LayerDHCPv4, decode.LayerNTP:
					pk.app = a
				}
			}
		case decode.LayerICMPv4, decode.LayerICMPv6:
			th := data[t.Start:t.End]
			if len(th) >= 2 {
				pk.sport, pk.dport = uint16(th[0]), uint16(th[1])
			}
			pk.proto = protoICMP
			if t.Type == decode.LayerICMPv6 {
				pk.proto = protoICMPv6
			}
		}
		break
	}
	return true
}

// key returns the packet's conversation and whether its source is the
// key's endpoint a.
func (pk *flowPacket) key() (flowKey, bool) {
	k := flowKey{proto: pk.proto, v6: pk.src.Is6()}
	sp, dp := pk.sport, pk.dport
	oneWay := false
	if pk.proto == protoICMP || pk.proto == protoICMPv6 {
		sp, dp, oneWay = icmpPorts(pk.proto, sp, dp)
	}
	s, d := pk.src.As16(), pk.dst.As16()
	if !k.v6 {
		s4, d4 := pk.src.As4(), pk.dst.As4()
		s, d = [16]byte{}, [16]byte{}
		copy(s[:], s4[:])
		copy(d[:], d4[:])
	}
	fromA := true
	if !oneWay {
		if c := cmp.Compare(string(s[:]), string(d[:])); c > 0 || c == 0 && sp > dp {
			fromA = false
		}
	}
	if fromA {
		k.a, k.b, k.pa, k.pb = s, d, sp, dp
	} else {
		k.a, k.b, k.pa, k.pb = d, s, dp, sp
	}
	return k, fromA
}
