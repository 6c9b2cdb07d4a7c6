package decode

// unknownEtherType returns the EtherType that the Ethernet, 802.1Q/802.1ad
// or Linux cooked (v1) header at i hands to a protocol rawcap does not
// decode, when that header is whole and the packet's innermost layer.
// tshark names such a row by the number (Protocol "0x88b5") and leaves the
// link layer's Info, or puts the EtherType's name there when it has one.
func unknownEtherType(d *Decoder, i int) (uint16, bool) {
	l := &d.layers[i]
	if l.Malformed != "" {
		return 0, false
	}
	h := d.data[l.Start:l.Payload]
	var et uint16
	switch {
	case l.Type == LayerEthernet && len(h) >= 14:
		et = Ethernet(h).TypeOrLength()
	case l.Type == LayerVLAN && len(h) >= 4:
		et = VLAN(h).EtherType()
	case l.Type == LayerSLL && len(h) >= 16:
		et = SLL(h).Protocol()
	default:
		return 0, false
	}
	if et < 0x600 || etherTypeLayer(et) != LayerNone && !(et == EtherTypeMACsec && macsecRejected(d)) {
		return 0, false
	}
	return et, true
}

// appendUnknownEtherTypeProto appends the Protocol column of such a row.
func appendUnknownEtherTypeProto(b []byte, et uint16) []byte {
	return appendHex4(append(b, "0x"...), et)
}

// infoUnknownEtherType appends the Info column of such a row: the
// EtherType's name, else what the link layer's dissector wrote (Ethernet
// II; a tag's priority, DEI and ID; a cooked header's packet type).
func infoUnknownEtherType(b []byte, d *Decoder, i int, et uint16) []byte {
	if name := ethFields[ethType].ValueNames().Name(uint64(et)); name != "" {
		return append(b, name...)
	}
	l := &d.layers[i]
	h := d.data[l.Start:l.Payload]
	switch l.Type {
	case LayerEthernet:
		return append(b, "Ethernet II"...)
	case LayerVLAN:
		v := VLAN(h)
		b = appendUint(append(b, "PRI: "...), uint64(v.Priority()))
		if vlanProtoName(d, i) == "ieee8021ad" {
			b = append(b, "  DROP: "...)
		} else {
			b = append(b, "  DEI: "...)
		}
		if v.DEI() {
			b = append(b, '1')
		} else {
			b = append(b, '0')
		}
		if vlanProtoName(d, i) == "ieee8021ad" {
			b = append(b, " ID: "...) // tshark's 802.1ad puts one space here
		} else {
			b = append(b, "  ID: "...)
		}
		return appendUint(b, uint64(v.ID()))
	case LayerSLL:
		t := SLL(h).PacketType()
		if name := sllPacketTypeName(t); name != "" {
			return append(b, name...)
		}
		return append(appendUint(append(b, "Unknown ("...), uint64(t)), ')')
	}
	return b
}
