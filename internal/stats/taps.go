package stats

import (
	"github.com/rawcap/rawcap/decode"
)

// Type is the protocol a conversation or endpoint table is about, as
// tshark's -z conv,TYPE and -z endpoints,TYPE name it.
type Type uint8

// The table types.
const (
	Ethernet Type = iota // eth: MAC addresses
	IPv4                 // ip
	IPv6                 // ipv6
	TCP                  // tcp: addresses and ports
	UDP                  // udp: addresses and ports
	typeCount
)

var typeNames = [typeCount]struct{ name, title string }{
	Ethernet: {"eth", "Ethernet"},
	IPv4:     {"ip", "IPv4"},
	IPv6:     {"ipv6", "IPv6"},
	TCP:      {"tcp", "TCP"},
	UDP:      {"udp", "UDP"},
}

// ParseType returns the type tshark names s ("eth", "ip", "ipv6", "tcp",
// "udp").
func ParseType(s string) (Type, bool) {
	for t, n := range typeNames {
		if n.name == s {
			return Type(t), true
		}
	}
	return 0, false
}

// TypeNames lists the names ParseType takes.
func TypeNames() []string {
	out := make([]string, len(typeNames))
	for i, n := range typeNames {
		out[i] = n.name
	}
	return out
}

// String returns tshark's name of t ("tcp").
func (t Type) String() string { return typeNames[t].name }

// Title returns the word tshark's tables are headed with ("TCP" for
// "TCP Conversations", "Ethernet").
func (t Type) Title() string { return typeNames[t].title }

// hasPorts reports whether t's endpoints have ports.
func (t Type) hasPorts() bool { return t == TCP || t == UDP }

// tap is what one header of a table's protocol tells a table, as
// Wireshark's conversation taps are given it: the packet's source and
// destination there (and ports).
type tap struct {
	src, dst     Address
	sport, dport uint16
}

// maxTaps bounds the taps of one packet (a tunnel in a tunnel…); the
// decoder's own bound on layers is lower.
const maxTaps = 16

// taps appends to out what the headers of protocol t in the packet d
// holds tell the tables, outermost first, as Wireshark 4.0's taps see
// them:
//   - each header counts, tunnels included (an IP-in-IP packet is two IPv4
//     conversations); the headers quoted inside an ICMP error do not;
//   - an IPv4 header whose total length is shorter than the header is
//     bogus to Wireshark, which stops there;
//   - an IPv6 header counts once its extension headers are read, and not
//     for a fragment (Wireshark waits to reassemble it) nor when a Mobility
//     header follows;
//   - a header Wireshark's dissector runs off the end of (a malformed
//     layer to rawcap) is not counted;
//   - TCP and UDP inside a fragment Wireshark reassembles (or a later
//     one) are not dissected, so not counted;
//   - TCP and UDP take the innermost IP addresses, the destination being
//     the final one a routing header with segments left names.
func taps(out []tap, d *decode.Decoder, t Type) []tap {
	data := d.Data()
	var src, dst Address // the innermost IP addresses so far
	var v6 tap           // an IPv6 tap not yet counted
	v6Pending := false
	fragment := false // the innermost IP header is a fragment's
	flush := func() {
		if v6Pending && !fragment && t == IPv6 {
			out = append(out, v6)
		}
		v6Pending = false
	}
	for _, l := range d.Layers() {
		if l.Quoted || len(out) >= maxTaps {
			break
		}
		h := data[l.Start:l.Payload]
		bad := l.Malformed != ""
		switch l.Type {
		case decode.LayerIPv6HopByHop, decode.LayerIPv6DestOpts, decode.LayerIPv6Routing, decode.LayerIPv6Fragment:
			if bad {
				v6Pending = false // Wireshark never got past it
			}
		}
		switch l.Type {
		case decode.LayerIPv6HopByHop, decode.LayerIPv6DestOpts:
			if len(h) >= 1 && h[0] == ipProtoMobility {
				v6Pending = false
			}
			continue
		case decode.LayerIPv6Routing:
			if len(h) >= 1 && h[0] == ipProtoMobility {
				v6Pending = false
			}
			if final, ok := finalDestination(h); ok {
				dst = final
			}
			continue
		case decode.LayerIPv6Fragment:
			if len(h) >= 8 {
				x := decode.IPv6Ext(h)
				if x.FragOffset() != 0 || x.MoreFragments() {
					fragment = true
				}
				if h[0] == ipProtoMobility {
					v6Pending = false
				}
			}
			continue
		}
		flush()
		switch l.Type {
		case decode.LayerEthernet, decode.LayerISL: // ISL's header begins as Ethernet's
			if t == Ethernet && len(h) >= 14 && !bad {
				e := decode.Ethernet(h)
				out = append(out, tap{src: macAddress(e.Src()), dst: macAddress(e.Dst())})
			}
		case decode.LayerIPv4:
			if len(h) < 20 {
				break
			}
			ip := decode.IPv4(h)
			if int(ip.TotalLength()) < len(h) {
				return out // bogus to Wireshark: nothing inside counts
			}
			src, dst = ipAddress(h[12:16]), ipAddress(h[16:20])
			fragment = ip.FragOffset() != 0 || ip.MF() && reassembles(ip, data[l.Start:l.End])
			if t == IPv4 && !bad {
				out = append(out, tap{src: src, dst: dst})
			}
		case decode.LayerIPv6:
			if len(h) < 40 {
				break
			}
			src, dst = ipAddress(h[8:24]), ipAddress(h[24:40])
			fragment = false
			v6 = tap{src: src, dst: dst}
			v6Pending = h[6] != ipProtoMobility && !bad
		case decode.LayerTCP:
			if t == TCP && len(h) >= 20 && src.n != 0 && !fragment && !bad {
				tc := decode.TCP(h)
				out = append(out, tap{src, dst, tc.SrcPort(), tc.DstPort()})
			}
		case decode.LayerUDP:
			if t == UDP && len(h) >= 8 && src.n != 0 && !fragment && !bad {
				u := decode.UDP(h)
				out = append(out, tap{src, dst, u.SrcPort(), u.DstPort()})
			}
		}
	}
	flush()
	return out
}

// reassembles reports whether Wireshark reassembles the first fragment ip,
// whose datagram as captured is b, rather than dissect what it carries: it
// does when the header checksum is right and every byte the total length
// announces was captured.
func reassembles(ip decode.IPv4, b []byte) bool {
	n := int(ip.TotalLength())
	if n <= len(ip) || len(b) < n {
		return false
	}
	var sum uint32
	for i := 0; i+1 < len(ip); i += 2 {
		sum += uint32(ip[i])<<8 | uint32(ip[i+1])
	}
	for sum>>16 != 0 {
		sum = sum&0xffff + sum>>16
	}
	return sum == 0xffff
}

// ipProtoMobility is the IPv6 Mobility header's protocol number.
const ipProtoMobility = 135

// finalDestination returns the destination a routing header h names as
// the last one, when segments are left: the last address of a type 0
// header, the home address of a type 2 one, the first segment of a
// segment routing header (type 4).
func finalDestination(h []byte) (Address, bool) {
	if len(h) < 8 || h[3] == 0 {
		return Address{}, false
	}
	switch h[2] {
	case 0:
		if n := (len(h) - 8) / 16; n > 0 {
			return ipAddress(h[8+16*(n-1) : 8+16*n]), true
		}
	case 2:
		if len(h) >= 24 {
			return ipAddress(h[8:24]), true
		}
	case 4:
		if len(h) >= 24 {
			return ipAddress(h[8:24]), true
		}
	}
	return Address{}, false
}
