package decode

import "net/netip"

// ARP is an ARP or RARP message (RFC 826):
//
//	0      2      4    5    6      8
//	+------+------+----+----+------+---------------------------------+
//	|htype |ptype |hlen|plen|oper  | sha | spa | tha | tpa            |
//	+------+------+----+----+------+---------------------------------+
type ARP []byte

// ParseARP returns the ARP message at the start of b.
func ParseARP(b []byte) (ARP, error) {
	if len(b) < 8 {
		return nil, ReasonTruncated
	}
	n := 8 + 2*(int(b[4])+int(b[5]))
	if len(b) < n {
		return nil, ReasonTruncated
	}
	return ARP(b[:n:n]), nil
}

// HType returns the hardware type (1 Ethernet).
func (a ARP) HType() uint16 { return be16(a[0:]) }

// PType returns the protocol type (0x0800 IPv4).
func (a ARP) PType() uint16 { return be16(a[2:]) }

// HLen returns the hardware address length.
func (a ARP) HLen() int { return int(a[4]) }

// PLen returns the protocol address length.
func (a ARP) PLen() int { return int(a[5]) }

// Op returns the operation (1 request, 2 reply, 3/4 RARP).
func (a ARP) Op() uint16 { return be16(a[6:]) }

// SenderHW returns the sender hardware address bytes.
func (a ARP) SenderHW() []byte { return a[8 : 8+a.HLen()] }

// SenderProto returns the sender protocol address bytes.
func (a ARP) SenderProto() []byte { o := 8 + a.HLen(); return a[o : o+a.PLen()] }

// TargetHW returns the target hardware address bytes.
func (a ARP) TargetHW() []byte { o := 8 + a.HLen() + a.PLen(); return a[o : o+a.HLen()] }

// TargetProto returns the target protocol address bytes.
func (a ARP) TargetProto() []byte { o := 8 + 2*a.HLen() + a.PLen(); return a[o : o+a.PLen()] }

// IsEthernetIPv4 reports whether a maps IPv4 to Ethernet addresses.
func (a ARP) IsEthernetIPv4() bool {
	return a.HLen() == 6 && a.PLen() == 4 && a.PType() == 0x0800
}

func addr4(b []byte) netip.Addr { return netip.AddrFrom4([4]byte(b)) }

func (d *Decoder) decodeARP(l *Layer) LayerType {
	a, err := ParseARP(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + len(a)
	l.End = l.Payload
	return LayerNone
}

const (
	arpHWType = iota
	arpProtoType
	arpHWSize
	arpProtoSize
	arpOpcode
	arpSrcHWMAC
	arpSrcProtoIPv4
	arpDstHWMAC
	arpDstProtoIPv4
	arpSrcHW
	arpSrcProto
	arpDstHW
	arpDstProto
	arpIsGratuitous
	arpIsAnnouncement
	// Duplicate address use (arp_dup.go).
	arpDupFrame
	arpDupDetected
	arpDupSeconds
	arpFieldCount
)

var arpFields = [arpFieldCount]Field{
	arpHWType:       {Name: "arp.hw.type", Label: "Hardware type", Kind: KindUint, Width: 16},
	arpProtoType:    {Name: "arp.proto.type", Label: "Protocol type", Kind: KindUint, Width: 16, Base: BaseHex},
	arpHWSize:       {Name: "arp.hw.size", Label: "Hardware size", Kind: KindUint, Width: 8},
	arpProtoSize:    {Name: "arp.proto.size", Label: "Protocol size", Kind: KindUint, Width: 8},
	arpOpcode:       {Name: "arp.opcode", Label: "Opcode", Kind: KindUint, Width: 16},
	arpSrcHWMAC:     {Name: "arp.src.hw_mac", Label: "Sender MAC address", Kind: KindMAC},
	arpSrcProtoIPv4: {Name: "arp.src.proto_ipv4", Label: "Sender IP address", Kind: KindIPv4},
	arpDstHWMAC:     {Name: "arp.dst.hw_mac", Label: "Target MAC address", Kind: KindMAC},
	arpDstProtoIPv4: {Name: "arp.dst.proto_ipv4", Label: "Target IP address", Kind: KindIPv4},
	// Addresses of other kinds and sizes.
	arpSrcHW:    {Name: "arp.src.hw", Label: "Sender hardware address", Kind: KindBytes},
	arpSrcProto: {Name: "arp.src.proto", Label: "Sender protocol address", Kind: KindBytes},
	arpDstHW:    {Name: "arp.dst.hw", Label: "Target hardware address", Kind: KindBytes},
	arpDstProto: {Name: "arp.dst.proto", Label: "Target protocol address", Kind: KindBytes},
	// What tshark reads from a message whose addresses agree.
	arpIsGratuitous:   {Name: "arp.isgratuitous", Label: "Is gratuitous", Kind: KindBool, Generated: true},
	arpIsAnnouncement: {Name: "arp.isannouncement", Label: "Is announcement", Kind: KindBool, Generated: true},
	arpDupFrame:       {Name: "arp.duplicate-address-frame", Label: "Frame showing earlier use of IP address", Kind: KindFrameNum, Generated: true},
	arpDupDetected:    {Name: "arp.duplicate-address-detected", Label: "Duplicate IP address configured", Kind: KindNone},
	arpDupSeconds:     {Name: "arp.seconds-since-duplicate-address-frame", Label: "Seconds since earlier frame seen", Kind: KindUint, Width: 32, Generated: true},
}

var protoARP = protoField("arp", "Address Resolution Protocol")

// emitARP emits an ARP or RARP message's fields: Ethernet and IPv4
// addresses by their names, others as bytes, and whether the message is
// gratuitous or an announcement. A message cut short in its addresses has
// its fixed fields.
func emitARP(e *emitter, i int) {
	l := &e.d.layers[i]
	e.Proto(&protoARP)
	a := ARP(e.d.data[l.Start:l.Payload])
	if l.Payload == l.Start {
		if raw := e.d.data[l.Start:l.End]; len(raw) >= 2 {
			// Cut short: tshark draws the fixed fields as far as they go.
			emitARPFixed(e, ARP(raw))
		} else if e.Tree() {
			e.NoTree() // tshark's ARP fails on the hardware type before its title
		}
		e.End()
		return
	}
	if a.HType() == 19 && !e.Tree() {
		// ATM ARP (RFC 2225) lays its fields out differently; Wireshark
		// decodes it as atmarp, whose fields rawcap does not decode.
		e.End()
		return
	}
	f := &arpFields
	ipv4 := a.PType() == EtherTypeIPv4 && a.PLen() == 4
	gratuitous, announce := false, false
	if ipv4 && (a.Op() == 1 || a.Op() == 2) && string(a.SenderProto()) == string(a.TargetProto()) {
		gratuitous = true
		announce = a.Op() == 1 && treeAllZero(a.TargetHW())
	}
	if e.Tree() {
		b := append(e.Text(), "Address Resolution Protocol"...)
		switch op := a.Op(); {
		case announce:
			b = append(b, " (ARP Announcement)"...)
		case op == 1 || op == 2:
			if op == 1 {
				b = append(b, " (request"...)
			} else {
				b = append(b, " (reply"...)
			}
			if gratuitous {
				b = append(b, "/gratuitous ARP"...)
			}
			b = append(b, ')')
		default:
			// The opcode's name (reverse, DRARP, inverse, MARS …), or
			// its number.
			if name := f[arpOpcode].ValueNames().Name(uint64(op)); name != "" {
				b = append(append(append(b, " ("...), name...), ')')
			} else {
				b = append(appendHex4(append(b, " (opcode 0x"...), op), ')')
			}
		}
		e.SetRepr(b)
	}
	emitARPFixed(e, a)
	if gratuitous {
		e.Bool(&f[arpIsGratuitous], true)
	}
	if announce {
		e.Bool(&f[arpIsAnnouncement], true)
	}
	mac := a.HLen() == 6 && (a.HType() == 1 || a.HType() == 6)
	emitARPAddr(e, a.SenderHW(), a.SenderProto(), mac, ipv4, &f[arpSrcHWMAC], &f[arpSrcHW], &f[arpSrcProtoIPv4], &f[arpSrcProto])
	emitARPAddr(e, a.TargetHW(), a.TargetProto(), mac, ipv4, &f[arpDstHWMAC], &f[arpDstHW], &f[arpDstProtoIPv4], &f[arpDstProto])
	e.End()
	if e.conv != nil && e.conv.arp.n > 0 && !l.Quoted {
		emitARPDuplicates(e, &e.conv.arp)
	}
}

// emitARPFixed emits ARP's fixed fields (hardware type to opcode); a holds
// at least their 8 bytes.
func emitARPFixed(e *emitter, a ARP) {
	f := &arpFields
	if len(a) >= 8 {
		e.Uint(&f[arpHWType], uint64(a.HType()))
		e.Uint(&f[arpProtoType], uint64(a.PType()))
		e.Uint(&f[arpHWSize], uint64(a.HLen()))
		e.Uint(&f[arpProtoSize], uint64(a.PLen()))
		e.Uint(&f[arpOpcode], uint64(a.Op()))
		return
	}
	// Cut before the opcode's end: each field as far as its bytes go.
	e.Uint(&f[arpHWType], uint64(be16(a)))
	if len(a) >= 4 {
		e.Uint(&f[arpProtoType], uint64(be16(a[2:])))
	}
	if len(a) >= 5 {
		e.Uint(&f[arpHWSize], uint64(a[4]))
	}
	if len(a) >= 6 {
		e.Uint(&f[arpProtoSize], uint64(a[5]))
	}
}

// emitARPAddr emits one side's hardware and protocol addresses: a MAC and
// an IPv4 address by those names, others as bytes; tshark leaves out empty
// ones.
func emitARPAddr(e *emitter, hw, pr []byte, mac, ipv4 bool, hwMAC, hwBytes, prIPv4, prBytes *Field) {
	switch {
	case mac:
		e.MAC(hwMAC, MAC(hw))
	case len(hw) > 0:
		e.Bytes(hwBytes, hw)
	}
	switch {
	case ipv4:
		e.IPv4(prIPv4, pr)
	case len(pr) > 0:
		e.Bytes(prBytes, pr)
	}
}
