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
}

var protoARP = protoField("arp", "Address Resolution Protocol")

// emitARP emits an ARP or RARP message's fields; the addresses only where
// they are Ethernet and IPv4 ones, as Wireshark names them.
func emitARP(e *emitter, i int) {
	l := &e.d.layers[i]
	e.Proto(&protoARP)
	if l.Payload > l.Start {
		a := ARP(e.d.data[l.Start:l.Payload])
		if a.HType() == 19 {
			// ATM ARP (RFC 2225) lays its fields out differently;
			// Wireshark decodes it as atmarp, whose fields rawcap does
			// not decode.
			e.End()
			return
		}
		e.Uint(&arpFields[arpHWType], uint64(a.HType()))
		e.Uint(&arpFields[arpProtoType], uint64(a.PType()))
		e.Uint(&arpFields[arpHWSize], uint64(a.HLen()))
		e.Uint(&arpFields[arpProtoSize], uint64(a.PLen()))
		e.Uint(&arpFields[arpOpcode], uint64(a.Op()))
		hw := a.HLen() == 6 && (a.HType() == 1 || a.HType() == 6)
		ip := a.PLen() == 4 && a.PType() == EtherTypeIPv4
		if hw {
			e.MAC(&arpFields[arpSrcHWMAC], MAC(a.SenderHW()))
		}
		if ip {
			e.IPv4(&arpFields[arpSrcProtoIPv4], a.SenderProto())
		}
		if hw {
			e.MAC(&arpFields[arpDstHWMAC], MAC(a.TargetHW()))
		}
		if ip {
			e.IPv4(&arpFields[arpDstProtoIPv4], a.TargetProto())
		}
	}
	e.End()
}
