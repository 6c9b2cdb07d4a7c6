package filter

import (
	"strconv"
	"strings"
)

// Ethernet types and LLC SAPs the generator uses (libpcap's ethertype.h and
// llc.h).
const (
	etIP       = 0x0800
	etARP      = 0x0806
	etRARP     = 0x8035
	etIPv6     = 0x86dd
	etVLAN     = 0x8100
	et8021AD   = 0x88a8
	etQinQ     = 0x9100
	etMPLS     = 0x8847
	etPPPoED   = 0x8863
	etPPPoES   = 0x8864
	etATalk    = 0x809b
	etAARP     = 0x80f3
	etIPX      = 0x8137
	etDECnet   = 0x6003
	etLAT      = 0x6004
	etSCA      = 0x6007
	etMOPRC    = 0x6002
	etMOPDL    = 0x6001
	etMTU      = 1500
	sapISONS   = 0xfe
	sapIP      = 0x06
	sapNetBEUI = 0xf0
	sapIPX     = 0xe0
	sap8021D   = 0x42
	sllP8023   = 0x0001
	sllP8022   = 0x0004
)

// IP protocol numbers.
const (
	ipprotoICMP   = 1
	ipprotoIGMP   = 2
	ipprotoTCP    = 6
	ipprotoIGRP   = 9
	ipprotoUDP    = 17
	ipprotoFrag   = 44
	ipprotoESP    = 50
	ipprotoAH     = 51
	ipprotoICMPv6 = 58
	ipprotoPIM    = 103
	ipprotoVRRP   = 112
	ipprotoSCTP   = 132
	protoUndef    = -1
)

// etherProtos is libpcap's table for "ether proto NAME" (pcap_nametoeproto).
var etherProtos = map[string]uint32{
	"aarp": etAARP, "arp": etARP, "atalk": etATalk, "decnet": etDECnet, "ip": etIP,
	"ip6": etIPv6, "lat": etLAT, "loopback": 0x9000, "mopdl": etMOPDL, "moprc": etMOPRC,
	"rarp": etRARP, "sca": etSCA, "lldp": 0x88cc, "slow": 0x8809,
}

// llcProtos is libpcap's table of LLC SAP names (pcap_nametollc).
var llcProtos = map[string]uint32{
	"iso": sapISONS, "stp": sap8021D, "ipx": sapIPX, "netbeui": sapNetBEUI,
}

// lookupPort resolves a service name as pcap_nametoport does: the port and
// the protocol it is defined for (protoUndef when TCP and UDP agree).
func lookupPort(name string) (port uint32, proto int, ok bool) {
	p, found := services[name]
	if !found {
		return 0, 0, false
	}
	switch {
	case p[0] >= 0 && p[1] >= 0:
		if p[0] == p[1] {
			return uint32(p[0]), protoUndef, true
		}
		return uint32(p[0]), ipprotoTCP, true
	case p[0] >= 0:
		return uint32(p[0]), ipprotoTCP, true
	case p[1] >= 0:
		return uint32(p[1]), ipprotoUDP, true
	case p[2] >= 0:
		return uint32(p[2]), ipprotoSCTP, true
	}
	return 0, 0, false
}

// parsePortRange parses "N-M" or "name-name" as pcap_nametoportrange does.
func parsePortRange(s string) (lo, hi uint32, proto int, ok bool) {
	i := strings.IndexByte(s, '-')
	if i <= 0 || i == len(s)-1 {
		return 0, 0, 0, false
	}
	a, b := s[:i], s[i+1:]
	p1, pr1, ok1 := portOrName(a)
	p2, pr2, ok2 := portOrName(b)
	if !ok1 || !ok2 {
		return 0, 0, 0, false
	}
	switch {
	case pr1 == protoUndef:
		pr1 = pr2
	case pr2 != protoUndef && pr1 != pr2:
		pr1 = protoUndef
	}
	return p1, p2, pr1, true
}

// portOrName is a decimal port number or a service name.
func portOrName(s string) (uint32, int, bool) {
	if v, err := strconv.ParseUint(s, 10, 32); err == nil {
		return uint32(v), protoUndef, true
	}
	return lookupPort(s)
}
