package decode

import "net"

// ifNameCacheMax bounds the interface names a LinePrinter remembers: a
// damaged or crafted file can carry a different index in every packet.
const ifNameCacheMax = 256

// appendIfName appends the name of interface index idx on the host that
// prints, or "?" when the host has no such interface, as tcpdump 4.99
// does for the Linux cooked v2 headers of -i any: it asks
// if_indextoname, so a file read on another host shows that host's
// names. Names are looked up once per LinePrinter and index; an index
// that first appears later (a new interface during a live capture) is
// looked up then.
func (p *LinePrinter) appendIfName(b []byte, idx uint32) []byte {
	name, ok := p.ifNames[idx]
	if !ok {
		name = "?"
		if ifc, err := net.InterfaceByIndex(int(idx)); err == nil && ifc.Name != "" {
			name = ifc.Name
		}
		if p.ifNames == nil || len(p.ifNames) >= ifNameCacheMax {
			p.ifNames = make(map[uint32]string)
		}
		p.ifNames[idx] = name
	}
	return append(b, name...)
}
