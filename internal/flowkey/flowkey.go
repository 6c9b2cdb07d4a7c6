package flowkey

import (
	"encoding/binary"
	"net/netip"

	"github.com/rawcap/rawcap/linktype"
)

// IP protocol numbers used here.
const (
	ProtoTCP  = 6
	ProtoUDP  = 17
	ProtoSCTP = 132
)

// Key identifies a flow: the IP protocol, the addresses and, for TCP, UDP
// and SCTP, the ports (zero otherwise, and for fragments after the first).
// Key is comparable, so it can key a map.
type Key struct {
	Proto            uint8
	Src, Dst         netip.Addr
	SrcPort, DstPort uint16
}

// Canonical returns k with its endpoints in a fixed order (the smaller
// address, then port, first), so both directions of a conversation give
// the same key.
func (k Key) Canonical() Key {
	if c := k.Src.Compare(k.Dst); c > 0 || c == 0 && k.SrcPort > k.DstPort {
		k.Src, k.Dst = k.Dst, k.Src
		k.SrcPort, k.DstPort = k.DstPort, k.SrcPort
	}
	return k
}

// HasPorts reports whether the key carries ports.
func (k Key) HasPorts() bool {
	return k.Proto == ProtoTCP || k.Proto == ProtoUDP || k.Proto == ProtoSCTP
}

// Network returns the offset of the IP header in a frame of link type lt,
// and its version (4 or 6); version 0 when the frame carries no IP header
// that can be found.
func Network(lt linktype.Type, b []byte) (off int, version int) {
	var et uint16
	switch lt {
	case linktype.Ethernet:
		if len(b) < 14 {
			return 0, 0
		}
		off, et = 14, binary.BigEndian.Uint16(b[12:])
		for (et == 0x8100 || et == 0x88a8 || et == 0x9100) && len(b) >= off+4 {
			et = binary.BigEndian.Uint16(b[off+2:])
			off += 4
		}
	case linktype.LinuxSLL:
		if len(b) < 16 {
			return 0, 0
		}
		off, et = 16, binary.BigEndian.Uint16(b[14:])
	case linktype.LinuxSLL2:
		if len(b) < 20 {
			return 0, 0
		}
		off, et = 20, binary.BigEndian.Uint16(b[0:])
	case linktype.Null, linktype.Loop:
		if len(b) < 4 {
			return 0, 0
		}
		off = 4
		et = 0xffff // the version nibble decides
	case linktype.Raw, linktype.IPv4, linktype.IPv6, 12, 14:
		et = 0xffff
	default:
		return 0, 0
	}
	switch et {
	case 0x0800:
		if len(b) > off && b[off]>>4 == 4 {
			return off, 4
		}
	case 0x86dd:
		if len(b) > off && b[off]>>4 == 6 {
			return off, 6
		}
	case 0xffff:
		if len(b) > off {
			if v := int(b[off] >> 4); v == 4 || v == 6 {
				return off, v
			}
		}
	}
	return 0, 0
}

// Extract returns the flow key of a frame of link type lt, and false when
// the frame carries no IP header it can read.
func Extract(lt linktype.Type, b []byte) (Key, bool) {
	off, v := Network(lt, b)
	var k Key
	var l4 []byte
	switch v {
	case 4:
		ip := b[off:]
		if len(ip) < 20 {
			return k, false
		}
		ihl := int(ip[0]&0x0f) * 4
		if ihl < 20 || len(ip) < ihl {
			return k, false
		}
		k.Proto = ip[9]
		k.Src = netip.AddrFrom4([4]byte(ip[12:16]))
		k.Dst = netip.AddrFrom4([4]byte(ip[16:20]))
		if binary.BigEndian.Uint16(ip[6:])&0x1fff != 0 {
			return k, true // a later fragment: no ports
		}
		l4 = ip[ihl:]
	case 6:
		ip := b[off:]
		if len(ip) < 40 {
			return k, false
		}
		k.Src = netip.AddrFrom16([16]byte(ip[8:24]))
		k.Dst = netip.AddrFrom16([16]byte(ip[24:40]))
		next, rest := ip[6], ip[40:]
		for range 8 {
			switch next {
			case 0, 43, 60, 51: // hop-by-hop, routing, destination options, AH
				if len(rest) < 8 {
					k.Proto = next
					return k, true
				}
				n := (int(rest[1]) + 1) * 8
				if next == 51 {
					n = (int(rest[1]) + 2) * 4
				}
				if len(rest) < n {
					k.Proto = next
					return k, true
				}
				next, rest = rest[0], rest[n:]
				continue
			case 44: // fragment
				if len(rest) < 8 {
					k.Proto = next
					return k, true
				}
				frag := binary.BigEndian.Uint16(rest[2:]) &^ 7
				next, rest = rest[0], rest[8:]
				if frag != 0 {
					k.Proto = next
					return k, true
				}
				continue
			}
			break
		}
		k.Proto, l4 = next, rest
	default:
		return k, false
	}
	if k.HasPorts() && len(l4) >= 4 {
		k.SrcPort = binary.BigEndian.Uint16(l4)
		k.DstPort = binary.BigEndian.Uint16(l4[2:])
	}
	return k, true
}
