package decode

import "strconv"

// ENIP is a run of EtherNet/IP encapsulation messages (ODVA, The CIP
// Networks Library Volume 2, chapter 2), carried by TCP or UDP port 44818:
// each a 24-byte header, little-endian,
//
//	 0               2               4                               8
//	+---------------+---------------+-------------------------------+
//	|    Command    |    Length     |        Session Handle         |
//	+---------------+---------------+-------------------------------+
//	|            Status             |   Sender Context (8 bytes)    |
//	+-------------------------------+-------------------------------+
//	|   Sender Context (cont.)      |            Options            |
//	+-------------------------------+-------------------------------+
//
// then Length bytes of command-specific data. Send RR Data and Send Unit
// Data carry an interface handle, a timeout and the Common Packet Format:
// an item count and items (type, length, data), the address item naming
// the connection, the data item carrying a CIP message.
//
// rawcap takes a segment as EtherNet/IP when it holds whole messages only;
// anything else (a message cut short or continued in the next segment,
// which tshark reassembles) is left as data.
type ENIP []byte

const enipPort = 44818

const enipHeaderLen = 24

// The encapsulation commands rawcap reads the data of.
const (
	enipListServices      = 0x04
	enipListIdentity      = 0x63
	enipListInterfaces    = 0x64
	enipRegisterSession   = 0x65
	enipUnregisterSession = 0x66
	enipSendRRData        = 0x6f
	enipSendUnitData      = 0x70
)

// The Common Packet Format item types rawcap reads.
const (
	enipItemNull         = 0x0000
	enipItemIdentity     = 0x000c
	enipItemConnAddress  = 0x00a1
	enipItemConnData     = 0x00b1
	enipItemUnconnData   = 0x00b2
	enipItemListServices = 0x0100
	enipItemSeqAddress   = 0x8002
)

// enipNext returns the message at off in b and the offset after it; ok is
// false when no whole message starts there.
func enipNext(b []byte, off int) (msg ENIP, next int, ok bool) {
	if off+enipHeaderLen > len(b) {
		return nil, off, false
	}
	n := enipHeaderLen + int(le16(b[off+2:]))
	if off+n > len(b) {
		return nil, off, false
	}
	return ENIP(b[off : off+n : off+n]), off + n, true
}

// Command returns the encapsulation command.
func (m ENIP) Command() uint16 { return le16(m) }

// Length returns the length of the command-specific data.
func (m ENIP) Length() uint16 { return le16(m[2:]) }

// Session returns the session handle.
func (m ENIP) Session() uint32 { return le32(m[4:]) }

// Status returns the status word.
func (m ENIP) Status() uint32 { return le32(m[8:]) }

// Context returns the sender context's 8 bytes.
func (m ENIP) Context() []byte { return m[12:20] }

// Options returns the options word.
func (m ENIP) Options() uint32 { return le32(m[20:]) }

// Data returns the command-specific data.
func (m ENIP) Data() []byte { return m[enipHeaderLen:] }

// enipItem is one Common Packet Format item: its type and data.
type enipItem struct {
	Type uint16
	Data []byte
}

// enipNextItem returns the item at off in b (the items after the count)
// and the offset after it; ok is false when no whole item starts there.
func enipNextItem(b []byte, off int) (it enipItem, next int, ok bool) {
	if off+4 > len(b) {
		return it, off, false
	}
	n := int(le16(b[off+2:]))
	if off+4+n > len(b) {
		return it, off, false
	}
	return enipItem{Type: le16(b[off:]), Data: b[off+4 : off+4+n : off+4+n]}, off + 4 + n, true
}

// enipCPF returns the Common Packet Format of a message (the item count
// and the items' bytes): after the interface handle and timeout in Send
// RR Data and Send Unit Data, at the start of the data in a List reply.
// ok is false for other commands or when the data is too short.
func enipCPF(m ENIP) (count int, items []byte, ok bool) {
	d := m.Data()
	switch m.Command() {
	case enipSendRRData, enipSendUnitData:
		if len(d) < 8 {
			return 0, nil, false
		}
		return int(le16(d[6:])), d[8:], true
	case enipListServices, enipListIdentity, enipListInterfaces:
		if len(d) < 2 {
			return 0, nil, false
		}
		return int(le16(d)), d[2:], true
	}
	return 0, nil, false
}

// enipWhole reports whether b is a run of whole messages, at least one.
func enipWhole(b []byte) bool {
	off, n := 0, 0
	for off < len(b) {
		_, next, ok := enipNext(b, off)
		if !ok {
			return false
		}
		off = next
		n++
	}
	return n > 0
}

func (d *Decoder) decodeENIP(l *Layer) LayerType {
	cut := d.n > 0 && d.layers[d.n-1].Type == LayerTCP && l.Start+d.tcpWirePayload(d.n-1) > l.End
	if cut || !enipWhole(d.bytes(l)) {
		// A message continued in the next segment, or cut short by
		// the snapshot length, is left as data: tshark reassembles
		// the one and cannot know what the other's missing bytes held.
		return l.asData()
	}
	l.Payload = l.End
	return LayerNone
}

// The fields, as Wireshark registers them.
const (
	enipCommand = iota
	enipLength
	enipSession
	enipStatus
	enipListIDDelay
	enipContext
	enipOptions
	enipRSVersion
	enipRSFlags
	enipSRRDIface
	enipSUDIface
	enipTimeout
	enipCPFItemCount
	enipCPFTypeID
	enipCPFLength
	enipCPFCAIConnID
	enipCIPConnID
	enipCIPSeq
	enipCPFSAIConnID
	enipCPFSAISeq
	enipEncapVer
	enipSinFamily
	enipSinPort
	enipSinAddr
	enipSinZero
	enipLIRVendor
	enipLIRDevType
	enipLIRProdCode
	enipLIRRevision
	enipLIRStatus
	enipLIRSerial
	enipLIRNameLen
	enipLIRName
	enipLIRState
	enipLSRCapaFlags
	enipLSRCapaFlagsTCP
	enipLSRCapaFlagsUDP
	enipLSRServiceName
	enipResponseTo
	enipTime
	enipFieldCount
)

var enipFields = [enipFieldCount]Field{
	enipCommand:         {Name: "enip.command", Label: "Command", Kind: KindUint, Width: 16, Base: BaseHex},
	enipLength:          {Name: "enip.length", Label: "Length", Kind: KindUint, Width: 16},
	enipSession:         {Name: "enip.session", Label: "Session Handle", Kind: KindUint, Width: 32, Base: BaseHex},
	enipStatus:          {Name: "enip.status", Label: "Status", Kind: KindUint, Width: 32, Base: BaseHex},
	enipListIDDelay:     {Name: "enip.listid_delay", Label: "Max Response Delay", Kind: KindUint, Width: 16, Unit: "ms"},
	enipContext:         {Name: "enip.context", Label: "Sender Context", Kind: KindBytes},
	enipOptions:         {Name: "enip.options", Label: "Options", Kind: KindUint, Width: 32, Base: BaseHex},
	enipRSVersion:       {Name: "enip.rs.version", Label: "Protocol Version", Kind: KindUint, Width: 16},
	enipRSFlags:         {Name: "enip.rs.flags", Label: "Option Flags", Kind: KindUint, Width: 16, Base: BaseHex},
	enipSRRDIface:       {Name: "enip.srrd.iface", Label: "Interface Handle", Kind: KindUint, Width: 32, Base: BaseHex},
	enipSUDIface:        {Name: "enip.sud.iface", Label: "Interface Handle", Kind: KindUint, Width: 32, Base: BaseHex},
	enipTimeout:         {Name: "enip.timeout", Label: "Timeout", Kind: KindUint, Width: 16},
	enipCPFItemCount:    {Name: "enip.cpf.itemcount", Label: "Item Count", Kind: KindUint, Width: 16},
	enipCPFTypeID:       {Name: "enip.cpf.typeid", Label: "Type ID", Kind: KindUint, Width: 16, Base: BaseHex},
	enipCPFLength:       {Name: "enip.cpf.length", Label: "Length", Kind: KindUint, Width: 16},
	enipCPFCAIConnID:    {Name: "enip.cpf.cai.connid", Label: "Connection ID", Kind: KindUint, Width: 32, Base: BaseHex},
	enipCIPConnID:       {Name: "cip.connid", Label: "Connection ID", Kind: KindUint, Width: 32, Base: BaseHex},
	enipCIPSeq:          {Name: "cip.seq", Label: "CIP Sequence Count", Kind: KindUint, Width: 16},
	enipCPFSAIConnID:    {Name: "enip.cpf.sai.connid", Label: "Connection ID", Kind: KindUint, Width: 32, Base: BaseHex},
	enipCPFSAISeq:       {Name: "enip.cpf.sai.seq", Label: "Encapsulation Sequence Number", Kind: KindUint, Width: 32},
	enipEncapVer:        {Name: "enip.encapver", Label: "Encapsulation Protocol Version", Kind: KindUint, Width: 16},
	enipSinFamily:       {Name: "enip.sinfamily", Label: "sin_family", Kind: KindUint, Width: 16},
	enipSinPort:         {Name: "enip.sinport", Label: "sin_port", Kind: KindUint, Width: 16},
	enipSinAddr:         {Name: "enip.sinaddr", Label: "sin_addr", Kind: KindIPv4},
	enipSinZero:         {Name: "enip.sinzero", Label: "sin_zero", Kind: KindBytes},
	enipLIRVendor:       {Name: "enip.lir.vendor", Label: "Vendor ID", Kind: KindUint, Width: 16, Base: BaseHex},
	enipLIRDevType:      {Name: "enip.lir.devtype", Label: "Device Type", Kind: KindUint, Width: 16},
	enipLIRProdCode:     {Name: "enip.lir.prodcode", Label: "Product Code", Kind: KindUint, Width: 16},
	enipLIRRevision:     {Name: "enip.lir.revision", Label: "Revision", Kind: KindUint, Width: 16},
	enipLIRStatus:       {Name: "enip.lir.status", Label: "Status", Kind: KindUint, Width: 16, Base: BaseHex},
	enipLIRSerial:       {Name: "enip.lir.serial", Label: "Serial Number", Kind: KindUint, Width: 32, Base: BaseHex},
	enipLIRNameLen:      {Name: "enip.lir.namelen", Label: "Product Name Length", Kind: KindUint, Width: 8},
	enipLIRName:         {Name: "enip.lir.name", Label: "Product Name", Kind: KindString},
	enipLIRState:        {Name: "enip.lir.state", Label: "State", Kind: KindUint, Width: 8, Base: BaseHex},
	enipLSRCapaFlags:    {Name: "enip.lsr.capaflags", Label: "Capability Flags", Kind: KindUint, Width: 16, Base: BaseHex},
	enipLSRCapaFlagsTCP: {Name: "enip.lsr.capaflags.tcp", Label: "Supports CIP Encapsulation via TCP", Kind: KindBool, Width: 16, Mask: 0x20},
	enipLSRCapaFlagsUDP: {Name: "enip.lsr.capaflags.udp", Label: "Supports CIP Class 0 or 1 via UDP", Kind: KindBool, Width: 16, Mask: 0x100},
	enipLSRServiceName:  {Name: "enip.lsr.servicename", Label: "Name of Service", Kind: KindString},
	enipResponseTo:      {Name: "enip.response_to", Label: "Request In", Kind: KindFrameNum, Generated: true},
	enipTime:            {Name: "enip.time", Label: "Time", Kind: KindRelTime, Unit: " seconds", Generated: true},
}

var protoENIP = protoField("enip", "EtherNet/IP (Industrial Protocol)")

// emitENIP emits each message of the segment as a protocol of its own, as
// tshark's tree shows them (JSON: the first message's values), with its
// header, command-specific data and Common Packet Format items in the
// order and nesting of tshark's tree, which is drawn from them
// (treefields.go).
func emitENIP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	b := d.data[l.Start:l.End]
	cip := enipCIPReadable(b)
	for off, n := 0, 0; ; n++ {
		m, next, ok := enipNext(b, off)
		if !ok {
			break
		}
		off = next
		if n > 0 && !e.all && !e.Tree() {
			break
		}
		emitENIPMessage(e, m, enipRequest(d, i), e.conv.enipLinkOf(i, n))
		if c := enipCIP(m); cip && c != nil {
			e.Proto(&protoCIP)
			emitCIPMessage(e, c, false, enipRequestOf(e.conv, i, n))
		}
	}
}

// emitENIPPDUSizes emits the sizes tshark's TCP adds (tcp.pdu.size,
// "[PDU Size: N]"), one per message of layer i.
func emitENIPPDUSizes(e *emitter, i int) {
	l := &e.d.layers[i]
	b := e.d.data[l.Start:l.End]
	for off := 0; ; {
		m, next, ok := enipNext(b, off)
		if !ok {
			return
		}
		off = next
		e.Uint(&tcpFields[tcpPDUSize], uint64(len(m)))
	}
}

// enipCIP returns the CIP message a Send RR Data or Send Unit Data
// message carries (nil: none).
func enipCIP(m ENIP) []byte {
	cip, _, _ := enipCIPItem(m)
	return cip
}

// enipCIPItem returns the CIP message a Send RR Data or Send Unit Data
// message carries (nil: none): an unconnected data item's, or a connected
// data item's after its sequence count (connected: with that count).
func enipCIPItem(m ENIP) (cip []byte, connected bool, seq uint16) {
	cmd := m.Command()
	if cmd != enipSendRRData && cmd != enipSendUnitData {
		return nil, false, 0
	}
	count, items, ok := enipCPF(m)
	if !ok {
		return nil, false, 0
	}
	prev := uint16(enipItemNull)
	for k, off := 0, 0; k < count; k++ {
		it, next, ok := enipNextItem(items, off)
		if !ok {
			return nil, false, 0
		}
		off = next
		switch {
		case it.Type == enipItemUnconnData:
			return it.Data, false, 0
		case it.Type == enipItemConnData && prev == enipItemConnAddress && len(it.Data) >= 2:
			return it.Data[2:], true, le16(it.Data)
		}
		prev = it.Type
	}
	return nil, false, 0
}

// enipCIPReadable reports whether rawcap reads the CIP of every message
// of the segment b: a segment where it cannot read one is shown without
// its CIP, which keeps every field's values in tshark's order.
func enipCIPReadable(b []byte) bool {
	for off := 0; ; {
		m, next, ok := enipNext(b, off)
		if !ok {
			return true
		}
		off = next
		if c := enipCIP(m); c != nil && !cipReadable(c, false) {
			return false
		}
	}
}

// appendENIPProtocols appends frame.protocols' part for the segment:
// "enip", then each message's "cip" and what follows it (conv: what the
// tracker found, which names the request a response answers).
func appendENIPProtocols(b []byte, d *Decoder, i int, conv *convResults) []byte {
	l := &d.layers[i]
	seg := d.data[l.Start:l.End]
	b = append(b, "enip"...)
	if !enipCIPReadable(seg) {
		return b
	}
	for off, n := 0, 0; ; n++ {
		m, next, ok := enipNext(seg, off)
		if !ok {
			return b
		}
		off = next
		if c := enipCIP(m); c != nil {
			b = append(b, ":cip"...)
			b = appendCIPProtocols(b, c, enipRequestOf(conv, i, n))
		}
	}
}

// enipRequestOf returns the CIP of the request that message k of ENIP
// layer i answers (nil: none found, or conv nil).
func enipRequestOf(conv *convResults, i, k int) []byte {
	if link := conv.enipLinkOf(i, k); link != nil {
		return conv.enip.request(link)
	}
	return nil
}

// enipRequest reports whether layer i is sent to port 44818 (a request;
// a reply comes from it).
func enipRequest(d *Decoder, i int) bool {
	if i == 0 {
		return false
	}
	t := &d.layers[i-1]
	if t.Type != LayerTCP && t.Type != LayerUDP || t.End-t.Start < 4 {
		return false
	}
	return be16(d.data[t.Start+2:]) == enipPort
}

// emitENIPMessage emits one message; request: it is sent to the port;
// link: the request a response answers (nil: none found).
func emitENIPMessage(e *emitter, m ENIP, request bool, link *enipLink) {
	f := &enipFields
	e.Proto(&protoENIP)
	cmd := m.Command()
	count, items, cpf := enipCPF(m)
	if e.Tree() {
		t := append(e.Text(), protoENIP.Label...)
		t = append(t, ", Session: 0x"...)
		t = appendHexNUpper(t, uint64(m.Session()), 8)
		t = append(t, ", "...)
		t = append(t, f[enipCommand].ValueNames().Name(uint64(cmd))...)
		if cpf && cmd == enipSendUnitData {
			if it, _, ok := enipNextItem(items, 0); ok && count > 0 && it.Type == enipItemConnAddress && len(it.Data) >= 4 {
				t = append(t, ", Connection ID: 0x"...)
				t = appendHexNUpper(t, uint64(le32(it.Data)), 8)
			}
		}
		e.SetRepr(t)
	}
	e.LineString("Encapsulation Header")
	e.Sub()
	e.Uint(&f[enipCommand], uint64(cmd))
	e.Uint(&f[enipLength], uint64(m.Length()))
	e.Uint(&f[enipSession], uint64(m.Session()))
	e.Uint(&f[enipStatus], uint64(m.Status()))
	if cmd == enipListIdentity && request {
		// The first two bytes of a request's sender context are the
		// delay it allows.
		e.Uint(&f[enipListIDDelay], uint64(le16(m.Context())))
		e.Bytes(&f[enipContext], m.Context()[2:])
	} else {
		e.Bytes(&f[enipContext], m.Context())
	}
	e.Uint(&f[enipOptions], uint64(m.Options()))
	e.Up()
	data := m.Data()
	switch {
	case len(data) == 0:
	case cmd == enipRegisterSession && len(data) >= 4:
		e.LineString("Command Specific Data")
		e.Sub()
		e.Uint(&f[enipRSVersion], uint64(le16(data)))
		e.Uint(&f[enipRSFlags], uint64(le16(data[2:])))
		e.Up()
	case cpf:
		e.LineString("Command Specific Data")
		e.Sub()
		switch cmd {
		case enipSendRRData:
			e.Uint(&f[enipSRRDIface], uint64(le32(data)))
			e.Uint(&f[enipTimeout], uint64(le16(data[4:])))
		case enipSendUnitData:
			e.Uint(&f[enipSUDIface], uint64(le32(data)))
			e.Uint(&f[enipTimeout], uint64(le16(data[4:])))
		}
		e.Uint(&f[enipCPFItemCount], uint64(count))
		e.Sub()
		emitENIPItems(e, count, items)
		e.Up()
		if link != nil {
			e.Uint(&f[enipResponseTo], uint64(link.request))
			e.relNstime(&f[enipTime], link.delta)
		}
		e.Up()
	}
	e.End()
}

// emitENIPItems emits the first count items of a Common Packet Format.
func emitENIPItems(e *emitter, count int, items []byte) {
	f := &enipFields
	prev := uint16(enipItemNull)
	for k, off := 0, 0; k < count; k++ {
		it, next, ok := enipNextItem(items, off)
		if !ok {
			break
		}
		off = next
		e.Uint(&f[enipCPFTypeID], uint64(it.Type))
		e.Sub()
		e.Uint(&f[enipCPFLength], uint64(len(it.Data)))
		switch {
		case it.Type == enipItemConnAddress && len(it.Data) == 4:
			e.Uint(&f[enipCPFCAIConnID], uint64(le32(it.Data)))
			e.Uint(&f[enipCIPConnID], uint64(le32(it.Data)))
			e.NoTree()
		case it.Type == enipItemSeqAddress && len(it.Data) == 8:
			e.Uint(&f[enipCPFSAIConnID], uint64(le32(it.Data)))
			e.Uint(&f[enipCPFSAISeq], uint64(le32(it.Data[4:])))
		case it.Type == enipItemConnData && prev == enipItemConnAddress && len(it.Data) >= 2:
			// A connected (class 3) message: its sequence count,
			// then CIP.
			e.Uint(&f[enipCIPSeq], uint64(le16(it.Data)))
		case it.Type == enipItemIdentity:
			emitENIPIdentity(e, it.Data)
		case it.Type == enipItemListServices && len(it.Data) >= 4:
			e.Uint(&f[enipEncapVer], uint64(le16(it.Data)))
			flags := uint64(le16(it.Data[2:]))
			e.Uint(&f[enipLSRCapaFlags], flags)
			if e.Tree() {
				t := append(e.Text(), "Capability Flags: 0x"...)
				t = appendHex4(t, uint16(flags))
				e.SetRepr(appendSetFlags(t, flags, &f[enipLSRCapaFlagsTCP], &f[enipLSRCapaFlagsUDP]))
			}
			e.Sub()
			e.BoolBits(&f[enipLSRCapaFlagsTCP], flags)
			e.BoolBits(&f[enipLSRCapaFlagsUDP], flags)
			e.Up()
			e.Bytes(&f[enipLSRServiceName], cString(it.Data[4:]))
		}
		e.Up()
		prev = it.Type
	}
}

// emitENIPIdentity emits a CIP Identity item (a List Identity reply's):
// the encapsulation version, the socket address (big-endian, as in
// sockaddr_in), then the identity object's attributes.
func emitENIPIdentity(e *emitter, b []byte) {
	f := &enipFields
	if len(b) < 33 || len(b) < 33+int(b[32])+1 {
		return
	}
	e.Uint(&f[enipEncapVer], uint64(le16(b)))
	e.LineString("Socket Address")
	e.Sub()
	e.Uint(&f[enipSinFamily], uint64(be16(b[2:])))
	e.Uint(&f[enipSinPort], uint64(be16(b[4:])))
	e.IPv4(&f[enipSinAddr], b[6:10])
	e.Bytes(&f[enipSinZero], b[10:18])
	e.Up()
	e.Uint(&f[enipLIRVendor], uint64(le16(b[18:])))
	e.Uint(&f[enipLIRDevType], uint64(le16(b[20:])))
	e.Uint(&f[enipLIRProdCode], uint64(le16(b[22:])))
	e.Uint(&f[enipLIRRevision], uint64(be16(b[24:])))
	if e.Tree() {
		t := append(e.Text(), "Revision: "...)
		t = strconv.AppendUint(t, uint64(b[24]), 10)
		t = append(t, '.')
		t = strconv.AppendUint(t, uint64(b[25]), 10)
		e.SetRepr(t)
	}
	e.Uint(&f[enipLIRStatus], uint64(le16(b[26:])))
	e.Uint(&f[enipLIRSerial], uint64(le32(b[28:])))
	n := int(b[32])
	e.Uint(&f[enipLIRNameLen], uint64(n))
	e.Bytes(&f[enipLIRName], b[33:33+n])
	e.Uint(&f[enipLIRState], uint64(b[33+n]))
}

// cString returns b up to its first NUL.
func cString(b []byte) []byte {
	for k, c := range b {
		if c == 0 {
			return b[:k]
		}
	}
	return b
}

// appendENIPProto appends the packet list's Protocol: "CIP" when a
// message carries CIP ("CIP CM" when the last is a Connection Manager
// request), else "ENIP".
func appendENIPProto(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	seg := d.data[l.Start:l.End]
	proto := "ENIP"
	for off := 0; ; {
		m, next, ok := enipNext(seg, off)
		if !ok {
			break
		}
		off = next
		if c := enipCIP(m); c != nil {
			proto = "CIP"
			if cipCMRequest(c) {
				proto = "CIP CM"
			}
		}
	}
	return append(b, proto...)
}

// infoENIP appends the packet list's Info: each message's, joined by
// " | " — its CIP's (infoCIP), or its command, "(Req)" or "(Rsp)" and
// what names it (the session of Register and Unregister Session, the
// product of a List Identity reply, the service of a List Services
// reply).
func infoENIP(b []byte, d *Decoder, i int, conv *convResults) []byte {
	l := &d.layers[i]
	seg := d.data[l.Start:l.End]
	request := enipRequest(d, i)
	for off, n := 0, 0; ; n++ {
		m, next, ok := enipNext(seg, off)
		if !ok {
			return b
		}
		off = next
		if n > 0 {
			b = append(b, " | "...)
		}
		if c := enipCIP(m); c != nil {
			b = infoCIP(b, c, enipRequestOf(conv, i, n))
			continue
		}
		b = append(b, enipFields[enipCommand].ValueNames().Name(uint64(m.Command()))...)
		if request {
			b = append(b, " (Req)"...)
		} else {
			b = append(b, " (Rsp)"...)
		}
		switch m.Command() {
		case enipRegisterSession, enipUnregisterSession:
			b = append(b, ", Session: 0x"...)
			b = appendHexNUpper(b, uint64(m.Session()), 8)
		case enipListIdentity, enipListServices:
			count, items, ok := enipCPF(m)
			if !ok || count == 0 {
				break
			}
			it, _, ok := enipNextItem(items, 0)
			switch {
			case !ok:
			case it.Type == enipItemIdentity && len(it.Data) >= 33 && len(it.Data) >= 33+int(it.Data[32]):
				b = append(b, ", "...)
				b = append(b, it.Data[33:33+int(it.Data[32])]...)
			case it.Type == enipItemListServices && len(it.Data) >= 4:
				b = append(b, ", "...)
				b = append(b, cString(it.Data[4:])...)
			}
		}
	}
}
