package decode

import "github.com/rawcap/rawcap/linktype"

// treeEncap returns Wireshark's name and number for a link type, as the
// frame's "Encapsulation type" line shows them: Wireshark numbers its
// encapsulations itself (Linux cooked capture is 25, not 113). ok is false
// for the link types not checked against tshark.
func treeEncap(lt linktype.Type) (name string, wtap int, ok bool) {
	switch lt {
	case 0:
		return "NULL/Loopback", 15, true
	case 1:
		return "Ethernet", 1, true
	case 8:
		return "SLIP", 3, true
	case 9:
		return "PPP", 4, true
	case 101:
		return "Raw IP", 7, true
	case 104:
		return "Cisco HDLC", 28, true
	case 107:
		return "Frame Relay", 26, true
	case 113:
		return "Linux cooked-mode capture v1", 25, true
	case 127:
		return "IEEE 802.11 plus radiotap radio header", 23, true
	case 129:
		return "Linux ARCNET", 9, true
	case 165:
		return "BACnet MS/TP", 63, true
	case 178:
		return "Juniper Ethernet", 83, true
	case 228:
		return "Raw IPv4", 129, true
	case 229:
		return "Raw IPv6", 130, true
	case 271:
		return "Linux vsock", 185, true
	case 276:
		return "Linux cooked-mode capture v2", 210, true
	}
	return "", 0, false
}

// sllPacketTypeName returns Wireshark's name of a Linux cooked capture
// packet type, or "".
func sllPacketTypeName(v uint16) string {
	switch v {
	case 0:
		return "Unicast to us"
	case 1:
		return "Broadcast"
	case 2:
		return "Multicast"
	case 3:
		return "Unicast to another host"
	case 4:
		return "Sent by us"
	}
	return ""
}

// sllHATypeName returns Wireshark's name of the ARPHRD types seen in Linux
// cooked captures, or "".
func sllHATypeName(v uint16) string {
	switch v {
	case 1:
		return "Ethernet"
	case 512:
		return "PPP"
	case 772:
		return "Loopback"
	case 65534:
		return "zero header length"
	}
	return ""
}

// treeKnown appends "label: name (n)", or nothing when name is "".
func treeKnown(t *treeWriter, label, name string, n uint64) {
	if name != "" {
		treeNamed(t, label, name, n)
	}
}

// treeSLLAddr draws the source address of a Linux cooked capture (v1 or v2)
// and the unused rest of its 8 bytes, addr, for the address types whose
// lines tshark was seen to print.
func treeSLLAddr(t *treeWriter, hatype uint16, halen int, addr []byte) {
	switch {
	case halen == 6 && (hatype == 1 || hatype == 772):
		treeMAC(t, "Source", MAC(addr[:6]))
		t.line()
		t.b = append(t.b, "Unused: "...)
		t.b = appendHexBytes(t.b, addr[6:8])
		t.end()
	case halen == 0:
		t.line()
		t.b = append(t.b, "Unused: "...)
		t.b = appendHexBytes(t.b, addr[:8])
		t.end()
	}
}

// treeSLL2 draws a Linux cooked capture v2 header.
func treeSLL2(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	t.head("Linux cooked capture v2")
	t.end()
	if l.Payload-l.Start < 20 {
		return
	}
	s := SLL2(d.data[l.Start:l.Payload])
	t.depth = 1
	treeEtherType(t, "Protocol", s.Protocol())
	t.int("Interface index", int(s.IfIndex()))
	treeKnown(t, "Link-layer address type", sllHATypeName(s.HAType()), uint64(s.HAType()))
	treeKnown(t, "Packet type", sllPacketTypeName(uint16(s.PacketType())), uint64(s.PacketType()))
	t.int("Link-layer address length", int(s.HALen()))
	treeSLLAddr(t, s.HAType(), int(s.HALen()), s[12:20])
	treeLinkTrailer(t, d, i)
}

// treeLoopback draws the BSD loopback header: the address family.
func treeLoopback(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	t.head("Null/Loopback")
	t.end()
	if l.Payload-l.Start < 4 {
		return
	}
	fam := Loopback(d.data[l.Start:l.Payload]).Family()
	t.depth = 1
	t.line()
	t.b = append(t.b, "Family: "...)
	switch fam {
	case 2:
		t.b = append(t.b, "IP"...)
	case 10, 24, 28, 30:
		t.b = append(t.b, "IPv6"...)
	default:
		t.b = append(t.b, "Unknown"...)
	}
	t.b = append(t.b, " ("...)
	t.b = appendUint(t.b, uint64(fam))
	t.b = append(t.b, ')')
	t.end()
}
