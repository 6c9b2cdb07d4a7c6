// Package linktype names the link-layer header types that pcap and pcapng files
// record (the LINKTYPE_ values of tcpdump.org's registry), so that pcapio,
// decode, filter and capture agree on one type without depending on each other.
package linktype

import "strconv"

// Type is a LINKTYPE_ value as stored in a file: the 16 low bits of a pcap
// header's link-type field, or a pcapng IDB's LinkType. The FCS bits of a pcap
// header are not part of it (see pcapio).
type Type uint16

// The link types rawcap decodes, filters or captures.
const (
	Null         Type = 0   // BSD loopback, host-order 4-byte family
	Ethernet     Type = 1   // Ethernet (EN10MB)
	PPP          Type = 9   // PPP
	Raw          Type = 101 // raw IPv4 or IPv6, version from the first nibble
	IEEE802_11   Type = 105 // 802.11 without radio header
	Loop         Type = 108 // OpenBSD loopback, network-order 4-byte family
	LinuxSLL     Type = 113 // Linux cooked capture v1
	IEEE802_11RT Type = 127 // 802.11 with radiotap header
	IPv4         Type = 228 // raw IPv4
	IPv6         Type = 229 // raw IPv6
	LinuxSLL2    Type = 276 // Linux cooked capture v2
)

type names struct{ short, long string }

// table holds tcpdump's names (pcap_datalink_val_to_name and
// pcap_datalink_val_to_description) for the link types seen in practice.
var table = map[Type]names{
	Null:         {"NULL", "BSD loopback"},
	Ethernet:     {"EN10MB", "Ethernet"},
	3:            {"AX25", "AX.25 layer 2"},
	6:            {"IEEE802", "802.5 Token Ring"},
	7:            {"ARCNET", "ARCNET"},
	8:            {"SLIP", "SLIP"},
	PPP:          {"PPP", "PPP"},
	10:           {"FDDI", "FDDI"},
	50:           {"PPP_HDLC", "PPP over serial"},
	51:           {"PPP_ETHER", "PPPoE"},
	100:          {"ATM_RFC1483", "RFC 1483 LLC-encapsulated ATM"},
	Raw:          {"RAW", "Raw IP"},
	104:          {"C_HDLC", "Cisco HDLC"},
	IEEE802_11:   {"IEEE802_11", "802.11"},
	107:          {"FRELAY", "Frame Relay"},
	Loop:         {"LOOP", "OpenBSD loopback"},
	LinuxSLL:     {"LINUX_SLL", "Linux cooked v1"},
	114:          {"LTALK", "Localtalk"},
	117:          {"PFLOG", "OpenBSD pflog file"},
	119:          {"PRISM_HEADER", "802.11 plus Prism header"},
	122:          {"IP_OVER_FC", "RFC 2625 IP-over-Fibre Channel"},
	123:          {"SUNATM", "Sun raw ATM"},
	IEEE802_11RT: {"IEEE802_11_RADIO", "802.11 plus radiotap header"},
	138:          {"APPLE_IP_OVER_IEEE1394", "Apple IP-over-IEEE 1394"},
	139:          {"MTP2_WITH_PHDR", "SS7 MTP2 with Pseudo-header"},
	140:          {"MTP2", "SS7 MTP2"},
	141:          {"MTP3", "SS7 MTP3"},
	142:          {"SCCP", "SS7 SCCP"},
	143:          {"DOCSIS", "DOCSIS"},
	144:          {"LINUX_IRDA", "Linux IrDA"},
	147:          {"USER0", "DLT_USER0"},
	163:          {"IEEE802_11_RADIO_AVS", "802.11 plus AVS radio information header"},
	165:          {"BACNET_MS_TP", "BACnet MS/TP"},
	166:          {"PPP_PPPD", "PPP for pppd, with direction flag"},
	169:          {"GPRS_LLC", "GPRS LLC"},
	177:          {"LINUX_LAPD", "LAPD"},
	187:          {"BLUETOOTH_HCI_H4", "Bluetooth HCI UART transport layer"},
	189:          {"USB_LINUX", "USB with Linux header"},
	192:          {"PPI", "Per-Packet Information"},
	195:          {"IEEE802_15_4_WITHFCS", "IEEE 802.15.4 with FCS"},
	196:          {"SITA", "SITA pseudo-header"},
	197:          {"ERF", "Endace ERF header"},
	201:          {"BLUETOOTH_HCI_H4_WITH_PHDR", "Bluetooth HCI UART transport layer plus pseudo-header"},
	204:          {"PPP_WITH_DIR", "PPP with Directional Info"},
	209:          {"IPMB_LINUX", "IPMB with a Linux-specific pseudo-header"},
	215:          {"IEEE802_15_4_NONASK_PHY", "IEEE 802.15.4 with non-ASK PHY data"},
	220:          {"USB_LINUX_MMAPPED", "USB with padded Linux header"},
	IPv4:         {"IPV4", "Raw IPv4"},
	IPv6:         {"IPV6", "Raw IPv6"},
	230:          {"IEEE802_15_4_NOFCS", "IEEE 802.15.4 without FCS"},
	231:          {"DBUS", "D-Bus"},
	235:          {"DVB_CI", "DVB-CI"},
	239:          {"NFLOG", "Linux netfilter log messages"},
	240:          {"NETANALYZER", "Ethernet with Hilscher netANALYZER pseudo-header"},
	241:          {"NETANALYZER_TRANSPARENT", "Ethernet with Hilscher netANALYZER pseudo-header and with preamble and SFD"},
	242:          {"IPOIB", "RFC 4391 IP-over-Infiniband"},
	249:          {"NETLINK", "Linux netlink"},
	253:          {"BLUETOOTH_LINUX_MONITOR", "Bluetooth Linux Monitor"},
	254:          {"BLUETOOTH_BREDR_BB", "Bluetooth Basic Rate/Enhanced Data Rate baseband packets"},
	255:          {"BLUETOOTH_LE_LL_WITH_PHDR", "Bluetooth Low Energy air interface with pseudo-header"},
	256:          {"PROFIBUS_DL", "PROFIBUS data link layer"},
	257:          {"PKTAP", "Apple DLT_PKTAP"},
	258:          {"EPON", "Ethernet with 802.3 Clause 65 EPON preamble"},
	264:          {"ISO_14443", "ISO 14443 messages"},
	266:          {"NORDIC_BLE", "Nordic Semiconductor Bluetooth LE sniffer frames"},
	270:          {"LORATAP", "LoRaTap"},
	LinuxSLL2:    {"LINUX_SLL2", "Linux cooked v2"},
}

// Name returns tcpdump's short name for t ("EN10MB"), or "DLT_<n>" when unknown.
func (t Type) Name() string {
	if n, ok := table[t]; ok {
		return n.short
	}
	return "DLT_" + strconv.Itoa(int(t))
}

// Description returns tcpdump's description of t ("Ethernet"), or "" when unknown.
func (t Type) Description() string {
	return table[t].long
}

// String returns the name and description as tcpdump prints them after
// "link-type": "EN10MB (Ethernet)".
func (t Type) String() string {
	n, ok := table[t]
	if !ok {
		return t.Name()
	}
	return n.short + " (" + n.long + ")"
}

// Parse returns the link type named s: a short name as tcpdump's -y takes it
// ("EN10MB", case-insensitive, with or without "DLT_"), or a decimal number.
func Parse(s string) (Type, bool) {
	if n, err := strconv.ParseUint(s, 10, 16); err == nil {
		return Type(n), true
	}
	u := upper(s)
	if len(u) > 4 && u[:4] == "DLT_" {
		u = u[4:]
	}
	for t, n := range table {
		if n.short == u {
			return t, true
		}
	}
	return 0, false
}

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}
