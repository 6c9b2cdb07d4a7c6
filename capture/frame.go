package capture

import "encoding/binary"

// appendSLL2 appends to dst the 20-byte LINUX_SLL2 header that tcpdump 4.99
// writes for a cooked capture, built from the packet's sockaddr_ll, followed
// by data (the network-layer packet):
//
//	protocol (2, big-endian)  reserved (2, zero)  ifindex (4, big-endian)
//	ARPHRD type (2)  packet type (1)  address length (1)  address (8)
func appendSLL2(dst []byte, f *frame, data []byte) []byte {
	var h [sll2HeaderLen]byte
	binary.BigEndian.PutUint16(h[0:], f.protocol)
	binary.BigEndian.PutUint32(h[4:], uint32(f.ifindex))
	binary.BigEndian.PutUint16(h[8:], f.hatype)
	h[10] = f.pkttype
	h[11] = f.halen
	n := int(f.halen)
	if n > 8 {
		n = 8
	}
	copy(h[12:12+n], f.addr[:n])
	return append(append(dst, h[:]...), data...)
}

// vlanTag returns the 802.1Q tag the kernel took off f (TPID and TCI) and
// whether there was one, following TP_STATUS_VLAN_VALID and
// TP_STATUS_VLAN_TPID_VALID as libpcap does: a TCI of zero with the VLAN_VALID
// bit is a real tag (priority 0, VLAN 0); a missing TPID means 802.1Q.
func vlanTag(f *frame) (tpid, tci uint16, ok bool) {
	if f.status&statusVlanValid == 0 {
		return 0, 0, false
	}
	tpid = ethPVLAN
	if f.status&statusTPIDValid != 0 && f.vlanTPID != 0 {
		tpid = f.vlanTPID
	}
	return tpid, f.vlanTCI, true
}

// appendWithVLAN appends to dst the Ethernet frame data with the 4-byte tag
// (tpid, tci) inserted after the two MAC addresses, where it was on the wire.
// data must hold at least the 12 bytes of addresses.
func appendWithVLAN(dst, data []byte, tpid, tci uint16) []byte {
	dst = append(dst, data[:macAddressesSize]...)
	dst = binary.BigEndian.AppendUint16(dst, tpid)
	dst = binary.BigEndian.AppendUint16(dst, tci)
	return append(dst, data[macAddressesSize:]...)
}

// wanted reports whether a packet of type pkttype (PACKET_HOST, …,
// PACKET_OUTGOING) passes direction d. Outgoing packets on a loopback
// interface are dropped whatever the direction, as libpcap does, because the
// kernel shows every loopback packet twice: once going out and once coming in.
func wanted(d Direction, pkttype uint8, loopback bool) bool {
	out := pkttype == packetOutgoing
	if out && loopback {
		return false
	}
	switch d {
	case In:
		return !out
	case Out:
		return out
	}
	return true
}

// pcapng epb_flags (option 2) values: the direction in bits 0-1 and the
// reception type in bits 2-4.
const (
	epbInbound     = 1
	epbOutbound    = 2
	epbUnicast     = 1 << 2
	epbMulticast   = 2 << 2
	epbBroadcast   = 3 << 2
	epbPromiscuous = 4 << 2
)

// epbFlags maps a packet socket's sll_pkttype to pcapng's epb_flags, so that
// Wireshark shows each packet's direction and how it was received.
func epbFlags(pkttype uint8) uint32 {
	switch pkttype {
	case packetHost:
		return epbInbound | epbUnicast
	case packetBroadcast:
		return epbInbound | epbBroadcast
	case packetMulticast:
		return epbInbound | epbMulticast
	case packetOtherHost:
		return epbInbound | epbPromiscuous
	case packetOutgoing:
		return epbOutbound
	}
	return 0
}

// putFlagsOption encodes epb_flags as a little-endian pcapng option list
// (the option, then opt_endofopt) into b.
func putFlagsOption(b *[12]byte, flags uint32) {
	*b = [12]byte{2, 0, 4, 0, byte(flags), byte(flags >> 8), byte(flags >> 16), byte(flags >> 24)}
}
