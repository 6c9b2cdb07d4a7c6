package decode

import "strconv"

// emitDHCPv4 emits the fields with Wireshark's field names
// (dhcp.type, dhcp.hw.type, dhcp.id, dhcp.ip.your, dhcp.hw.mac_addr,
// dhcp.option.dhcp, dhcp.option.router …); options holding several
// addresses are arrays of strings. A message cut short keeps the fixed
// fields it has. In a tree list each option is drawn as tshark draws it,
// its fields under its heading line, and the lines of what rawcap keeps
// no field for (lengths, padding, the other options' values) are text.
func emitDHCPv4(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoDHCP)
	tree := e.Tree()
	// A message cut short by the snap length shows the fields it has.
	m := DHCPv4(d.data[l.Start:l.End])
	n := len(m)
	if tree {
		if n < 44 { // the tree shows the bare title
			e.End()
			return
		}
		if mt := dhcpTreeMsgType(m); mt != 0 {
			b := append(append(e.Text(), protoDHCP.Label...), " ("...)
			e.SetRepr(append(append(b, dhcpWSMsgType(mt)...), ')'))
		}
	}
	if n >= 1 {
		e.Uint(&dhcpFields[dhcpType], uint64(m[0]))
	}
	if n >= 2 {
		e.Uint(&dhcpFields[dhcpHWType], uint64(m[1]))
		if m[1] != 1 && m[1] != 6 {
			e.NoTree()
		}
	}
	if n >= 3 {
		e.Uint(&dhcpFields[dhcpHWLen], uint64(m[2]))
	}
	if n >= 4 {
		e.Uint(&dhcpFields[dhcpHops], uint64(m[3]))
	}
	if n >= 8 {
		e.Uint(&dhcpFields[dhcpID], uint64(be32(m[4:])))
	}
	if n >= 10 {
		e.Uint(&dhcpFields[dhcpSecs], uint64(be16(m[8:])))
	}
	if n >= 12 {
		fl := be16(m[10:])
		e.Uint(&dhcpFields[dhcpFlags], uint64(fl))
		if tree {
			b := appendHex4(append(e.Text(), "Bootp flags: 0x"...), fl)
			if fl&0x8000 != 0 {
				e.SetRepr(append(b, ", Broadcast flag (Broadcast)"...))
			} else {
				e.SetRepr(append(b, " (Unicast)"...))
			}
		}
		e.Sub()
		e.Bool(&dhcpFields[dhcpFlagsBc], fl&0x8000 != 0)
		if tree {
			b := appendBitDrawing(e.Text(), uint64(fl), 16, 0x7fff)
			e.Line(appendHex4(append(b, " = Reserved flags: 0x"...), fl&0x7fff))
		}
		e.Up()
	}
	for k := range 4 {
		if n >= 16+4*k {
			e.IPv4(&dhcpFields[dhcpIPClient+k], m[12+4*k:16+4*k])
		}
	}
	if n >= 34 && (m[1] == 1 || m[1] == 6) && m[2] == 6 {
		e.MAC(&dhcpFields[dhcpHWMACAddr], MAC(m[28:34]))
		if m[1] != 1 {
			e.NoTree()
		} else if tree {
			e.Line(appendHexBytes(append(e.Text(), "Client hardware address padding: "...), m[34:44]))
		}
	}
	if n < dhcpFixedLen {
		e.End()
		return
	}
	if tree {
		lineDHCPNames(e, m)
	}
	if m.HasMagic() {
		e.IPv4(&dhcpFields[dhcpCookie], m[dhcpFixedLen:dhcpFixedLen+4]) // tshark shows 99.130.83.99
		if tree {
			e.SetRepr(append(e.Text(), "Magic cookie: DHCP"...))
		} else if t := m.MessageType(); t != 0 {
			e.Uint(&dhcpFields[dhcpOptionDhcp], uint64(t))
		}
		off := dhcpFixedLen + 4
		for {
			o, next, ok, _ := m.NextOption(off)
			if !ok {
				break
			}
			off = next
			if tree {
				lineDHCPOptionHead(e, o)
				e.Sub()
				e.Line(strconv.AppendUint(append(e.Text(), "Length: "...), uint64(len(o.Data)), 10))
			}
			switch {
			case o.Tag == 50 && len(o.Data) == 4:
				e.IPv4(&dhcpFields[dhcpOptionRequestedIPAddress], o.Data)
			case o.Tag == 54 && len(o.Data) == 4:
				e.IPv4(&dhcpFields[dhcpOptionDhcpServerID], o.Data)
			case o.Tag == 51 && len(o.Data) == 4:
				e.Uint(&dhcpFields[dhcpOptionIPAddressLeaseTime], uint64(be32(o.Data)))
				if tree {
					b := append(e.Text(), "IP Address Lease Time: "...)
					e.SetRepr(appendWSSeconds(b, int64(be32(o.Data))))
				}
			case o.Tag == 1 && len(o.Data) == 4:
				e.IPv4(&dhcpFields[dhcpOptionSubnetMask], o.Data)
			case o.Tag == 3 && len(o.Data) >= 4 && (!tree || len(o.Data)%4 == 0):
				emitAddrList(e, &dhcpRouters, &dhcpFields[dhcpOptionRouter], o.Data)
			case o.Tag == 6 && len(o.Data) >= 4 && (!tree || len(o.Data)%4 == 0):
				emitAddrList(e, &dhcpNameServers, &dhcpFields[dhcpOptionDomainNameServer], o.Data)
			case o.Tag == 12:
				e.Bytes(&dhcpFields[dhcpOptionHostname], o.Data)
			case o.Tag == 15:
				e.Bytes(&dhcpFields[dhcpOptionDomainName], o.Data)
			case o.Tag == 60:
				e.Bytes(&dhcpFields[dhcpOptionVendorClassID], o.Data)
			case o.Tag == dhcpOptMsgType && len(o.Data) == 1 && tree:
				e.Uint(&dhcpFields[dhcpOptionDhcp], uint64(o.Data[0]))
			case tree:
				lineDHCPOptionValue(e, o)
			}
			if tree {
				e.Up()
			}
		}
		if tree && off < len(m) && m[off] == dhcpOptEnd {
			e.LineString("Option: (255) End")
			e.Sub()
			e.LineString("Option End: 255")
			e.Up()
			if off+1 < len(m) {
				e.Line(appendWSBytes(append(e.Text(), "Padding: "...), m[off+1:]))
			}
		}
	}
	e.End()
}

// emitAddrList emits the IPv4 addresses of data as field f in group g.
func emitAddrList(e *emitter, g, f *Field, data []byte) {
	e.Group(g)
	for i := 0; i+4 <= len(data); i += 4 {
		e.IPv4(f, data[i:i+4])
	}
	e.End()
}

const (
	dhcpType = iota
	dhcpHWType
	dhcpHWLen
	dhcpHops
	dhcpID
	dhcpSecs
	dhcpFlags
	dhcpFlagsBc
	dhcpIPClient
	dhcpIPYour
	dhcpIPServer
	dhcpIPRelay
	dhcpHWMACAddr
	dhcpCookie
	dhcpOptionDhcp
	dhcpOptionRequestedIPAddress
	dhcpOptionDhcpServerID
	dhcpOptionIPAddressLeaseTime
	dhcpOptionSubnetMask
	dhcpOptionRouter
	dhcpOptionDomainNameServer
	dhcpOptionHostname
	dhcpOptionDomainName
	dhcpOptionVendorClassID
	dhcpFieldCount
)

var dhcpFields = [dhcpFieldCount]Field{
	dhcpType:                     {Name: "dhcp.type", Label: "Message type", Kind: KindUint, Width: 8},
	dhcpHWType:                   {Name: "dhcp.hw.type", Label: "Hardware type", Kind: KindUint, Width: 8, Base: BaseHex},
	dhcpHWLen:                    {Name: "dhcp.hw.len", Label: "Hardware address length", Kind: KindUint, Width: 8},
	dhcpHops:                     {Name: "dhcp.hops", Label: "Hops", Kind: KindUint, Width: 8},
	dhcpID:                       {Name: "dhcp.id", Label: "Transaction ID", Kind: KindUint, Width: 32, Base: BaseHex},
	dhcpSecs:                     {Name: "dhcp.secs", Label: "Seconds elapsed", Kind: KindUint, Width: 16},
	dhcpFlags:                    {Name: "dhcp.flags", Label: "Bootp flags", Kind: KindUint, Width: 16, Base: BaseHex},
	dhcpFlagsBc:                  {Name: "dhcp.flags.bc", Label: "Broadcast flag", Kind: KindBool, Width: 16, Mask: 0x8000},
	dhcpIPClient:                 {Name: "dhcp.ip.client", Label: "Client IP address", Kind: KindIPv4},
	dhcpIPYour:                   {Name: "dhcp.ip.your", Label: "Your (client) IP address", Kind: KindIPv4},
	dhcpIPServer:                 {Name: "dhcp.ip.server", Label: "Next server IP address", Kind: KindIPv4},
	dhcpIPRelay:                  {Name: "dhcp.ip.relay", Label: "Relay agent IP address", Kind: KindIPv4},
	dhcpHWMACAddr:                {Name: "dhcp.hw.mac_addr", Label: "Client MAC address", Kind: KindMAC},
	dhcpCookie:                   {Name: "dhcp.cookie", Label: "Magic cookie", Kind: KindIPv4},
	dhcpOptionDhcp:               {Name: "dhcp.option.dhcp", Label: "DHCP", Kind: KindUint, Width: 8},
	dhcpOptionRequestedIPAddress: {Name: "dhcp.option.requested_ip_address", Label: "Requested IP Address", Kind: KindIPv4},
	dhcpOptionDhcpServerID:       {Name: "dhcp.option.dhcp_server_id", Label: "DHCP Server Identifier", Kind: KindIPv4},
	dhcpOptionIPAddressLeaseTime: {Name: "dhcp.option.ip_address_lease_time", Label: "IP Address Lease Time", Kind: KindUint, Width: 32},
	dhcpOptionSubnetMask:         {Name: "dhcp.option.subnet_mask", Label: "Subnet Mask", Kind: KindIPv4},
	dhcpOptionRouter:             {Name: "dhcp.option.router", Label: "Router", Kind: KindIPv4},
	dhcpOptionDomainNameServer:   {Name: "dhcp.option.domain_name_server", Label: "Domain Name Server", Kind: KindIPv4},
	dhcpOptionHostname:           {Name: "dhcp.option.hostname", Label: "Host Name", Kind: KindString},
	dhcpOptionDomainName:         {Name: "dhcp.option.domain_name", Label: "Domain Name", Kind: KindString},
	dhcpOptionVendorClassID:      {Name: "dhcp.option.vendor_class_id", Label: "Vendor class identifier", Kind: KindString},
}

var protoDHCP = protoField("dhcp", "Dynamic Host Configuration Protocol")

// The options JSON shows as arrays of addresses.
var (
	dhcpRouters     = Field{Name: "dhcp.option.router", Shape: ShapeValues}
	dhcpNameServers = Field{Name: "dhcp.option.domain_name_server", Shape: ShapeValues}
)
