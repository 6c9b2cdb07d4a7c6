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
	case 7:
		return "ARCNET", 8, true
	case 8:
		return "SLIP", 3, true
	case 9, 50: // PPP_HDLC is read as PPP
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
