package decode

// emitDHCPv4 emits the fields with Wireshark's field names
// (dhcp.type, dhcp.hw.type, dhcp.id, dhcp.ip.your, dhcp.hw.mac_addr,
// dhcp.option.dhcp, dhcp.option.router …); options holding several
// addresses are arrays of strings. A message cut short keeps the fixed
// fields it has. Each option is a dhcp.option.type with its length,
// value and what rawcap decodes of it beneath, as tshark draws it; JSON
// shows the first option's type, length and value (the tree, -T fields
// and ek every option's).
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
		e.UintBits(&dhcpFields[dhcpFlagsReserved], uint64(fl))
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
		}
		e.Bytes(&dhcpFields[dhcpHWAddrPadding], m[34:44])
		if m[1] != 1 {
			e.NoTree()
		}
	}
	if n < dhcpFixedLen {
		e.End()
		return
	}
	emitDHCPNames(e, m)
	if m.HasMagic() {
		e.IPv4(&dhcpFields[dhcpCookie], m[dhcpFixedLen:dhcpFixedLen+4]) // tshark shows 99.130.83.99
		if tree {
			e.SetRepr(append(e.Text(), "Magic cookie: DHCP"...))
		} else if t := m.MessageType(); t != 0 {
			e.Uint(&dhcpFields[dhcpOptionDhcp], uint64(t))
		}
		off := dhcpFixedLen + 4
		every := tree || e.all
		// JSON shows the first of each: the first option's heading, the
		// first length and bytes, the first padding.
		first, sized, padded := true, false, false
		for {
			// A run of Pad options is one item, as tshark shows it.
			if p := off; p < len(m) && m[p] == dhcpOptPad {
				for p < len(m) && m[p] == dhcpOptPad {
					p++
				}
				head := every || first
				first = false
				if head {
					e.Uint(&dhcpFields[dhcpOptionType], dhcpOptPad)
					if tree {
						e.SetRepr(append(e.Text(), "Option: (0) Padding"...))
					}
					e.Sub()
				}
				if every || !padded {
					e.Bytes(&dhcpFields[dhcpOptionPadding], m[off:p])
					padded = true
				}
				if head {
					e.Up()
				}
				off = p
			}
			o, next, ok, _ := m.NextOption(off)
			if !ok {
				off = next
				break
			}
			off = next
			head := every || first
			first = false
			if head {
				e.Uint(&dhcpFields[dhcpOptionType], uint64(o.Tag))
				if tree {
					e.SetRepr(appendDHCPOptionHead(e.Text(), o))
				}
				e.Sub()
			}
			if every || !sized {
				sized = true
				e.Uint(&dhcpFields[dhcpOptionLength], uint64(len(o.Data)))
				if len(o.Data) > 0 {
					e.Bytes(&dhcpFields[dhcpOptionValue], o.Data)
					if o.Tag < 129 || o.Tag > 135 {
						e.NoTree() // tshark shows the bytes of the options it does not decode
					}
				}
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
			case o.Tag == 61 && len(o.Data) == 7 && o.Data[0] == 1:
				// A client identifier that is an Ethernet address: tshark
				// shows it with the header's hardware fields.
				e.Uint(&dhcpFields[dhcpHWType], 1)
				e.MAC(&dhcpFields[dhcpHWMACAddr], MAC(o.Data[1:7]))
			case o.Tag == dhcpOptMsgType && len(o.Data) == 1 && tree:
				e.Uint(&dhcpFields[dhcpOptionDhcp], uint64(o.Data[0]))
			default:
				emitDHCPOptionValue(e, o, every)
			}
			if head {
				e.Up()
			}
		}
		if off < len(m) && m[off] == dhcpOptEnd {
			if every || first {
				// tshark's item for the End option holds 0.
				e.Uint(&dhcpFields[dhcpOptionType], 0)
				if tree {
					e.SetRepr(append(e.Text(), "Option: (255) End"...))
				}
			}
			e.Sub()
			e.Uint(&dhcpFields[dhcpOptionEnd], dhcpOptEnd)
			e.Up()
			if off+1 < len(m) && (every || !padded) {
				e.Bytes(&dhcpFields[dhcpOptionPadding], m[off+1:])
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
	dhcpFlagsReserved
	dhcpHWAddrPadding
	dhcpServer
	dhcpFile
	dhcpOptionType
	dhcpOptionLength
	dhcpOptionValue
	dhcpOptionEnd
	dhcpOptionPadding
	dhcpOptionTimeOffset
	dhcpOptionTimeServer
	dhcpOptionNameServer
	dhcpOptionLogServer
	dhcpOptionBroadcastAddress
	dhcpOptionNTPServer
	dhcpOptionNetBIOSNameServer
	dhcpOptionRequestListItem
	dhcpOptionMessage
	dhcpOptionMaxMessageSize
	dhcpOptionRenewalTimeValue
	dhcpOptionRebindingTimeValue
	dhcpOptionTFTPServerName
	dhcpOptionBootfileName
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
	dhcpFlagsReserved:            {Name: "dhcp.flags.reserved", Label: "Reserved flags", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x7fff},
	dhcpHWAddrPadding:            {Name: "dhcp.hw.addr_padding", Label: "Client hardware address padding", Kind: KindBytes},
	dhcpServer:                   {Name: "dhcp.server", Label: "Server host name", Kind: KindString},
	dhcpFile:                     {Name: "dhcp.file", Label: "Boot file name", Kind: KindString},
	// Every option's heading (its line is the option's title), length
	// and bytes; the End option and the padding after it.
	dhcpOptionType:    {Name: "dhcp.option.type", Label: "Option", Kind: KindUint, Width: 8},
	dhcpOptionLength:  {Name: "dhcp.option.length", Label: "Length", Kind: KindUint, Width: 8},
	dhcpOptionValue:   {Name: "dhcp.option.value", Label: "Value", Kind: KindBytes},
	dhcpOptionEnd:     {Name: "dhcp.option.end", Label: "Option End", Kind: KindUint, Width: 8},
	dhcpOptionPadding: {Name: "dhcp.option.padding", Label: "Padding", Kind: KindBytes},
	// The values of further options.
	dhcpOptionTimeOffset:         {Name: "dhcp.option.time_offset", Label: "Time Offset", Kind: KindInt, Width: 32},
	dhcpOptionTimeServer:         {Name: "dhcp.option.time_server", Label: "Time Server", Kind: KindIPv4},
	dhcpOptionNameServer:         {Name: "dhcp.option.name_server", Label: "Name Server", Kind: KindIPv4},
	dhcpOptionLogServer:          {Name: "dhcp.option.log_server", Label: "Log Server", Kind: KindIPv4},
	dhcpOptionBroadcastAddress:   {Name: "dhcp.option.broadcast_address", Label: "Broadcast Address", Kind: KindIPv4},
	dhcpOptionNTPServer:          {Name: "dhcp.option.ntp_server", Label: "Network Time Protocol Server", Kind: KindIPv4},
	dhcpOptionNetBIOSNameServer:  {Name: "dhcp.option.netbios_over_tcpip_name_server", Label: "NetBIOS over TCP/IP Name Server", Kind: KindIPv4},
	dhcpOptionRequestListItem:    {Name: "dhcp.option.request_list_item", Label: "Parameter Request List Item", Kind: KindUint, Width: 8},
	dhcpOptionMessage:            {Name: "dhcp.option.message", Label: "Message", Kind: KindString},
	dhcpOptionMaxMessageSize:     {Name: "dhcp.option.dhcp_max_message_size", Label: "Maximum DHCP Message Size", Kind: KindUint, Width: 16},
	dhcpOptionRenewalTimeValue:   {Name: "dhcp.option.renewal_time_value", Label: "Renewal Time Value", Kind: KindUint, Width: 32},
	dhcpOptionRebindingTimeValue: {Name: "dhcp.option.rebinding_time_value", Label: "Rebinding Time Value", Kind: KindUint, Width: 32},
	dhcpOptionTFTPServerName:     {Name: "dhcp.option.tftp_server_name", Label: "TFTP Server Name", Kind: KindString},
	dhcpOptionBootfileName:       {Name: "dhcp.option.bootfile_name", Label: "Bootfile name", Kind: KindString},
}

var protoDHCP = protoField("dhcp", "Dynamic Host Configuration Protocol")

// The options JSON shows as arrays of addresses.
var (
	dhcpRouters     = Field{Name: "dhcp.option.router", Shape: ShapeValues}
	dhcpNameServers = Field{Name: "dhcp.option.domain_name_server", Shape: ShapeValues}
	// The further options of addresses, by tag (addrOptionField), and
	// a Parameter Request List's items.
	dhcpAddrGroups = [...]Field{
		{Name: "dhcp.option.time_server", Shape: ShapeValues},
		{Name: "dhcp.option.name_server", Shape: ShapeValues},
		{Name: "dhcp.option.log_server", Shape: ShapeValues},
		{Name: "dhcp.option.broadcast_address", Shape: ShapeValues},
		{Name: "dhcp.option.ntp_server", Shape: ShapeValues},
		{Name: "dhcp.option.netbios_over_tcpip_name_server", Shape: ShapeValues},
	}
	dhcpRequestList = Field{Name: "dhcp.option.request_list_item", Shape: ShapeValues}
)
