package capture

import (
	"net"
	"net/netip"

	"github.com/rawcap/rawcap/linktype"
)

// Interface describes one network interface that capture can open.
type Interface struct {
	Index int
	Name  string
	// Description is the interface's alias (ip link set NAME alias …), if any.
	Description string
	// Flags holds up, running, loopback, broadcast, point-to-point, multicast.
	Flags        net.Flags
	HardwareAddr net.HardwareAddr
	// Addrs holds the interface's addresses with their prefix lengths.
	Addrs []netip.Prefix
	// LinkType is the link type that capturing on the interface produces.
	LinkType linktype.Type
}

// Interfaces lists the system's interfaces in index order, without the "any"
// pseudo-interface. On Linux it describes the network namespace of the
// calling thread.
func Interfaces() ([]Interface, error) {
	nifs, err := net.Interfaces()
	if err != nil {
		return nil, err
	}
	extra := linkInfo()
	out := make([]Interface, 0, len(nifs))
	for _, ni := range nifs {
		it := Interface{Index: ni.Index, Name: ni.Name, Flags: ni.Flags, HardwareAddr: ni.HardwareAddr}
		if addrs, err := ni.Addrs(); err == nil {
			for _, a := range addrs {
				if ipn, ok := a.(*net.IPNet); ok {
					ip, _ := netip.AddrFromSlice(ipn.IP)
					ones, _ := ipn.Mask.Size()
					it.Addrs = append(it.Addrs, netip.PrefixFrom(ip.Unmap(), ones))
				}
			}
		}
		if x, ok := extra[ni.Index]; ok {
			it.LinkType, _ = linkTypeFor(x.hatype)
			it.Description = x.alias
		} else if len(ni.HardwareAddr) == 6 {
			it.LinkType = linktype.Ethernet
		}
		out = append(out, it)
	}
	return out, nil
}

// linkExtra is what the net package does not say about an interface.
type linkExtra struct {
	hatype uint16
	alias  string
}
