package capture

import "github.com/rawcap/rawcap/linktype"

// ARPHRD_ values (linux/if_arp.h) that choose a link type.
const (
	arphrdEther     = 1
	arphrdIEEE802   = 6
	arphrdPPP       = 512
	arphrdRawIP     = 519
	arphrdTunnel    = 768
	arphrdTunnel6   = 769
	arphrdLoopback  = 772
	arphrdSIT       = 776
	arphrdIEEE80211 = 801
	arphrdPrism     = 802
	arphrdRadiotap  = 803
	arphrdNone      = 0xfffe
)

// linktypePrism is DLT_PRISM_HEADER: 802.11 after a Prism monitor header,
// what monitor-mode interfaces of the older drivers (ARPHRD_IEEE80211_PRISM)
// deliver.
const linktypePrism linktype.Type = 119

// linkTypeFor returns the link type of packets read from an interface whose
// hardware type is hatype (an ARPHRD_ value), and whether the interface must
// be read in cooked mode (SOCK_DGRAM, with a LINUX_SLL2 header built from the
// packet's sockaddr_ll) because its own link header is missing or unusable.
func linkTypeFor(hatype uint16) (t linktype.Type, cooked bool) {
	switch hatype {
	case arphrdEther, arphrdLoopback, arphrdIEEE802:
		return linktype.Ethernet, false
	case arphrdNone, arphrdRawIP, arphrdTunnel, arphrdTunnel6, arphrdSIT:
		return linktype.Raw, false
	case arphrdIEEE80211:
		return linktype.IEEE802_11, false
	case arphrdRadiotap:
		return linktype.IEEE802_11RT, false
	case arphrdPrism:
		return linktypePrism, false // the Prism monitor header, kept as libpcap keeps it
	}
	return linktype.LinuxSLL2, true
}
