package decode

import (
	"bytes"
	"net/netip"
	"strconv"
)

// CDP is a Cisco Discovery Protocol PDU, carried under SNAP with Cisco's
// OUI and PID 0x2000: a version, a TTL, a checksum, then TLVs (a 16-bit
// type and a 16-bit length that counts the 4-byte header).
type CDP []byte

const (
	cdpPID    = 0x2000
	cdpHdrLen = 4
)

// ParseCDP returns the CDP PDU at the start of b; ReasonTruncated when a
// TLV runs past b, ReasonBadLength for one shorter than its header.
func ParseCDP(b []byte) (CDP, error) {
	if len(b) < cdpHdrLen {
		return nil, ReasonTruncated
	}
	return CDP(b[:len(b):len(b)]), checkTLVs16(b, cdpHdrLen)
}

// checkTLVs16 walks the TLVs of b from off on, each a 16-bit type and a
// 16-bit length that counts the 4-byte header (CDP's and UDLD's): nil when
// they end with b, ReasonTruncated when one runs past it, ReasonBadLength
// for one shorter than its header.
func checkTLVs16(b []byte, off int) error {
	for off < len(b) {
		if off+4 > len(b) {
			return ReasonTruncated
		}
		n := int(be16(b[off+2:]))
		if n < 4 {
			return ReasonBadLength
		}
		if off+n > len(b) {
			return ReasonTruncated
		}
		off += n
	}
	return nil
}

func (d *Decoder) decodeCDP(l *Layer) LayerType {
	_, err := ParseCDP(d.bytes(l))
	l.Payload = l.End
	if err != nil {
		l.Malformed = err.(Reason)
	}
	return LayerNone
}

// eachTLV16 visits the 16-bit TLVs of b from off on (checkTLVs16's
// layout) whose header and value are there, with their type, length and
// value; it stops at the first that is not.
func eachTLV16(b []byte, off int, fn func(typ uint16, n int, v []byte)) {
	for off+4 <= len(b) {
		n := int(be16(b[off+2:]))
		if n < 4 || off+n > len(b) {
			return
		}
		fn(be16(b[off:]), n, b[off+4:off+n])
		off += n
	}
}

// The CDP TLV types rawcap decodes.
const (
	cdpDeviceID   = 0x01
	cdpAddress    = 0x02
	cdpPortID     = 0x03
	cdpCapability = 0x04
	cdpVersion    = 0x05
	cdpPlatform   = 0x06
	cdpHello      = 0x08
	cdpVTPDomain  = 0x09
	cdpNativeVLAN = 0x0a
	cdpDuplex     = 0x0b
	cdpTrust      = 0x12
	cdpUntrusted  = 0x13
	cdpMgmtAddr   = 0x16
)

// The fields, as Wireshark registers them.
const (
	cdpFVersion = iota
	cdpFTTL
	cdpFChecksum
	cdpFTLVType
	cdpFTLVLen
	cdpFDeviceID
	cdpFPlatform
	cdpFPortID
	cdpFCaps
	cdpFCapsRouter
	cdpFCapsTransBridge
	cdpFCapsSrcBridge
	cdpFCapsSwitch
	cdpFCapsHost
	cdpFCapsIGMP
	cdpFCapsRepeater
	cdpFCapsVoIP
	cdpFCapsRemote
	cdpFCapsCVTA
	cdpFCapsMacRelay
	cdpFNumAddrs
	cdpFVTPDomain
	cdpFNativeVLAN
	cdpFTrust
	cdpFUntrusted
	cdpFSoftwareVersion
	cdpFDuplex
	cdpFProtocolType
	cdpFProtocolLength
	cdpFProtocol
	cdpFAddressLength
	cdpFIPAddress
	cdpFieldCount
)

var cdpFields = [cdpFieldCount]Field{
	cdpFVersion:         {Name: "cdp.version", Label: "Version", Kind: KindUint, Width: 8},
	cdpFTTL:             {Name: "cdp.ttl", Label: "TTL", Kind: KindUint, Width: 8, Unit: " seconds"},
	cdpFChecksum:        {Name: "cdp.checksum", Label: "Checksum", Kind: KindUint, Width: 16, Base: BaseHex},
	cdpFTLVType:         {Name: "cdp.tlv.type", Label: "Type", Kind: KindUint, Width: 16, Base: BaseHex},
	cdpFTLVLen:          {Name: "cdp.tlv.len", Label: "Length", Kind: KindUint, Width: 16},
	cdpFDeviceID:        {Name: "cdp.deviceid", Label: "Device ID", Kind: KindString},
	cdpFPlatform:        {Name: "cdp.platform", Label: "Platform", Kind: KindString},
	cdpFPortID:          {Name: "cdp.portid", Label: "Sent through Interface", Kind: KindString},
	cdpFCaps:            {Name: "cdp.capabilities", Label: "Capabilities", Kind: KindUint, Width: 32, Base: BaseHex},
	cdpFCapsRouter:      {Name: "cdp.capabilities.router", Label: "Router", Kind: KindBool, Width: 32, Mask: 0x1},
	cdpFCapsTransBridge: {Name: "cdp.capabilities.trans_bridge", Label: "Transparent Bridge", Kind: KindBool, Width: 32, Mask: 0x2},
	cdpFCapsSrcBridge:   {Name: "cdp.capabilities.src_bridge", Label: "Source Route Bridge", Kind: KindBool, Width: 32, Mask: 0x4},
	cdpFCapsSwitch:      {Name: "cdp.capabilities.switch", Label: "Switch", Kind: KindBool, Width: 32, Mask: 0x8},
	cdpFCapsHost:        {Name: "cdp.capabilities.host", Label: "Host", Kind: KindBool, Width: 32, Mask: 0x10},
	cdpFCapsIGMP:        {Name: "cdp.capabilities.igmp_capable", Label: "IGMP capable", Kind: KindBool, Width: 32, Mask: 0x20},
	cdpFCapsRepeater:    {Name: "cdp.capabilities.repeater", Label: "Repeater", Kind: KindBool, Width: 32, Mask: 0x40},
	cdpFCapsVoIP:        {Name: "cdp.capabilities.voip_phone", Label: "VoIP Phone", Kind: KindBool, Width: 32, Mask: 0x80},
	cdpFCapsRemote:      {Name: "cdp.capabilities.remote", Label: "Remotely Managed Device", Kind: KindBool, Width: 32, Mask: 0x100},
	cdpFCapsCVTA:        {Name: "cdp.capabilities.cvta", Label: "CVTA/STP Dispute Resolution/Cisco VT Camera", Kind: KindBool, Width: 32, Mask: 0x200},
	cdpFCapsMacRelay:    {Name: "cdp.capabilities.mac_relay", Label: "Two Port Mac Relay", Kind: KindBool, Width: 32, Mask: 0x400},
	cdpFNumAddrs:        {Name: "cdp.number_of_addresses", Label: "Number of addresses", Kind: KindUint, Width: 32},
	cdpFVTPDomain:       {Name: "cdp.vtp_management_domain", Label: "VTP Management Domain", Kind: KindString},
	cdpFNativeVLAN:      {Name: "cdp.native_vlan", Label: "Native VLAN", Kind: KindUint, Width: 16},
	cdpFTrust:           {Name: "cdp.trust_bitmap", Label: "Trust Bitmap", Kind: KindUint, Width: 8, Base: BaseHex},
	cdpFUntrusted:       {Name: "cdp.untrusted_port_cos", Label: "Untrusted port CoS", Kind: KindUint, Width: 8, Base: BaseHex},
	cdpFSoftwareVersion: {Name: "cdp.software_version", Label: "Software version", Kind: KindString},
	cdpFDuplex:          {Name: "cdp.duplex", Label: "Duplex", Kind: KindBool},
	cdpFProtocolType:    {Name: "cdp.protocol_type", Label: "Protocol type", Kind: KindUint, Width: 8, Base: BaseHex},
	cdpFProtocolLength:  {Name: "cdp.protocol_length", Label: "Protocol length", Kind: KindUint, Width: 8},
	cdpFProtocol:        {Name: "cdp.protocol", Label: "Protocol", Kind: KindBytes},
	cdpFAddressLength:   {Name: "cdp.address_length", Label: "Address length", Kind: KindUint, Width: 16},
	cdpFIPAddress:       {Name: "cdp.nrgyz.ip_address", Label: "IP Address", Kind: KindIPv4},
}

var protoCDP = protoField("cdp", "Cisco Discovery Protocol")

// emitCDP emits the header's fields, every TLV's type and length, and the
// values of the TLVs rawcap decodes.
func emitCDP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoCDP)
	c := CDP(d.data[l.Start:l.End])
	if len(c) < cdpHdrLen {
		e.NoTree()
		e.End()
		return
	}
	f := &cdpFields
	e.Uint(&f[cdpFVersion], uint64(c[0]))
	e.Uint(&f[cdpFTTL], uint64(c[1]))
	e.Uint(&f[cdpFChecksum], uint64(be16(c[2:])))
	e.NoTree() // its verification is not drawn
	eachTLV16(c, cdpHdrLen, func(typ uint16, n int, v []byte) {
		// The tree draws the TLVs rawcap decodes, each under a title,
		// with tshark's name of its type.
		name := ""
		tree := e.Tree()
		var title []byte
		switch {
		case typ == cdpDeviceID, typ == cdpPlatform, typ == cdpPortID, typ == cdpVTPDomain:
			name = cdpTextTLVName(typ)
			if tree {
				title = appendTreeText(append(append(e.Text(), name...), ": "...), v)
			}
		case typ == cdpVersion:
			name = "Software version"
			if tree {
				title = append(e.Text(), "Software Version"...)
			}
		case typ == cdpAddress && len(v) >= 4:
			if _, ok := cdpIPv4Addr(v); ok {
				name = "Addresses"
				if tree {
					title = append(e.Text(), "Addresses"...)
				}
			}
		case typ == cdpMgmtAddr && len(v) >= 4:
			if _, ok := cdpIPv4Addr(v); ok {
				name = "Management Address"
				if tree {
					title = append(e.Text(), "Management Addresses"...)
				}
			}
		case typ == cdpCapability && len(v) >= 4:
			name = "Capabilities"
			if tree {
				title = append(e.Text(), "Capabilities"...)
			}
		case typ == cdpNativeVLAN && len(v) >= 2:
			name = "Native VLAN"
			if tree {
				title = strconv.AppendUint(append(e.Text(), "Native VLAN: "...), uint64(be16(v)), 10)
			}
		case typ == cdpDuplex && len(v) >= 1:
			name = "Duplex"
			if tree {
				title = append(append(e.Text(), "Duplex: "...), cdpDuplexName(v[0])...)
			}
		case typ == cdpTrust && len(v) >= 1:
			name = "Trust Bitmap"
			if tree {
				title = appendHex2(append(e.Text(), "Trust Bitmap: 0x"...), v[0])
			}
		case typ == cdpUntrusted && len(v) >= 1:
			name = "Untrusted Port CoS"
			if tree {
				title = appendHex2(append(e.Text(), "Untrusted port CoS: 0x"...), v[0])
			}
		}
		if name != "" && tree {
			e.Line(title)
		}
		e.Sub()
		e.Uint(&f[cdpFTLVType], uint64(typ))
		if name == "" {
			e.NoTree()
		} else if tree {
			b := append(append(e.Text(), "Type: "...), name...)
			b = append(b, " (0x"...)
			e.SetRepr(append(appendHex4(b, typ), ')'))
		}
		e.Uint(&f[cdpFTLVLen], uint64(n))
		if name == "" {
			e.NoTree()
		}
		switch {
		case typ == cdpDeviceID:
			e.Bytes(&f[cdpFDeviceID], v)
		case typ == cdpPlatform:
			e.Bytes(&f[cdpFPlatform], v)
		case typ == cdpPortID:
			e.Bytes(&f[cdpFPortID], v)
		case typ == cdpVTPDomain:
			e.Bytes(&f[cdpFVTPDomain], v)
		case typ == cdpVersion:
			// A line each, as tshark splits the text.
			for len(v) > 0 {
				k := bytes.IndexByte(v, '\n')
				if k < 0 {
					k = len(v)
				}
				e.Bytes(&f[cdpFSoftwareVersion], v[:k])
				v = v[min(k+1, len(v)):]
			}
		case typ == cdpCapability && len(v) >= 4:
			caps := be32(v)
			e.Uint(&f[cdpFCaps], uint64(caps))
			e.Sub()
			for k := range 11 {
				e.BoolBits(&f[cdpFCapsRouter+k], uint64(caps))
			}
			e.Up()
		case (typ == cdpAddress || typ == cdpMgmtAddr) && len(v) >= 4:
			e.Uint(&f[cdpFNumAddrs], uint64(be32(v)))
			if name == "" {
				e.NoTree()
			} else if a, ok := cdpIPv4Addr(v); ok {
				if tree {
					e.Line(a.AppendTo(append(e.Text(), "IP address: "...)))
				}
				e.Sub()
				e.Uint(&f[cdpFProtocolType], uint64(v[4]))
				e.Uint(&f[cdpFProtocolLength], uint64(v[5]))
				e.Bytes(&f[cdpFProtocol], v[6:7])
				if tree {
					e.SetRepr(append(e.Text(), "Protocol: IP"...))
				}
				e.Uint(&f[cdpFAddressLength], uint64(be16(v[7:])))
				e.IPv4(&f[cdpFIPAddress], v[9:13])
				e.Up()
			}
		case typ == cdpNativeVLAN && len(v) >= 2:
			e.Uint(&f[cdpFNativeVLAN], uint64(be16(v)))
		case typ == cdpDuplex && len(v) >= 1:
			e.Bool(&f[cdpFDuplex], v[0] != 0)
		case typ == cdpTrust && len(v) >= 1:
			e.Uint(&f[cdpFTrust], uint64(v[0]))
		case typ == cdpUntrusted && len(v) >= 1:
			e.Uint(&f[cdpFUntrusted], uint64(v[0]))
		}
		e.Up()
	})
	e.End()
}

// cdpTextTLVName returns tshark's name of a text TLV's type.
func cdpTextTLVName(typ uint16) string {
	switch typ {
	case cdpDeviceID:
		return "Device ID"
	case cdpPlatform:
		return "Platform"
	case cdpPortID:
		return "Port ID"
	}
	return "VTP Management Domain"
}

// cdpDuplexName returns tshark's name of a Duplex TLV's value.
func cdpDuplexName(v byte) string {
	if v != 0 {
		return "Full"
	}
	return "Half"
}

// cdpIPv4Addrs returns the single IPv4 address of an Address TLV whose one
// entry is NLPID 0xcc with 4 bytes, as rawcap draws it; ok is false for
// any other list.
func cdpIPv4Addr(v []byte) (a netip.Addr, ok bool) {
	if len(v) != 13 || be32(v) != 1 || v[4] != 1 || v[5] != 1 || v[6] != 0xcc || be16(v[7:]) != 4 {
		return a, false
	}
	return netip.AddrFrom4([4]byte(v[9:13])), true
}

// infoCDP appends tshark's Info: "Device ID: S1  Port ID: Fa0/1  ".
func infoCDP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	c := CDP(d.data[l.Start:l.End])
	if len(c) < cdpHdrLen {
		return b
	}
	eachTLV16(c, cdpHdrLen, func(typ uint16, n int, v []byte) {
		switch typ {
		case cdpDeviceID:
			b = append(b, "Device ID: "...)
		case cdpPortID:
			b = append(b, "Port ID: "...)
		default:
			return
		}
		b = appendTreeText(b, v)
		b = append(b, "  "...)
	})
	return b
}

// cdpTcpdumpName returns tcpdump's name of a TLV type.
func cdpTcpdumpName(t uint16) string {
	switch t {
	case 0x01:
		return "Device-ID"
	case 0x02:
		return "Address"
	case 0x03:
		return "Port-ID"
	case 0x04:
		return "Capability"
	case 0x05:
		return "Version String"
	case 0x06:
		return "Platform"
	case 0x08:
		return "Protocol-Hello option"
	case 0x09:
		return "VTP Management Domain"
	case 0x0a:
		return "Native VLAN ID"
	case 0x0b:
		return "Duplex"
	case 0x12:
		return "AVVID trust bitmap"
	case 0x13:
		return "AVVID untrusted ports CoS"
	case 0x16:
		return "Management Addresses"
	}
	return "unknown field type"
}

// lineCDP appends tcpdump's "CDPv2, ttl: 180s, Device-ID 'S1'" (the other
// TLVs in hex, then the length) or, with -v, the checksum and every TLV.
func (p *LinePrinter) lineCDP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	c := d.data[l.Start:l.End]
	length := p.llcPayloadLen(d, i)
	if len(c) < 2 {
		return append(b, " [|cdp]"...)
	}
	v := p.Options.Verbose
	b = append(b, "CDPv"...)
	b = strconv.AppendUint(b, uint64(c[0]), 10)
	b = append(b, ", ttl: "...)
	b = strconv.AppendUint(b, uint64(c[1]), 10)
	b = append(b, 's')
	if v > 0 {
		if len(c) < 4 {
			return append(b, " [|cdp]"...)
		}
		b = append(b, ", checksum: 0x"...)
		b = appendHex4(b, be16(c[2:]))
		b = append(b, " (unverified), length "...)
		b = strconv.AppendInt(b, int64(length), 10)
	}
	for off := cdpHdrLen; off < length; {
		if off+4 > len(c) {
			return append(b, " [|cdp]"...)
		}
		typ, n := be16(c[off:]), int(be16(c[off+2:]))
		if n < 4 {
			return append(b, " (invalid)"...)
		}
		if n > length-off {
			b = append(b, " (TLV length "...)
			b = strconv.AppendInt(b, int64(n), 10)
			b = append(b, " > "...)
			b = strconv.AppendInt(b, int64(length-off), 10)
			return append(b, ") (invalid)"...)
		}
		off += 4
		n -= 4
		if off+n > len(c) {
			return append(b, " [|cdp]"...)
		}
		val := c[off : off+n]
		off += n
		if v > 0 {
			b = append(b, "\n\t"...)
			b = append(b, cdpTcpdumpName(typ)...)
			b = append(b, " (0x"...)
			b = appendHex2(b, uint8(typ))
			b = append(b, "), value length: "...)
			b = strconv.AppendInt(b, int64(n), 10)
			if n == 1 {
				b = append(b, " byte: "...)
			} else {
				b = append(b, " bytes: "...)
			}
			b = cdpLineValue(b, typ, val)
			continue
		}
		if typ == cdpDeviceID {
			b = append(b, ", Device-ID '"...)
			b = appendPrintable(b, val)
			b = append(b, '\'')
			continue
		}
		b = appendHexDumpLines(b, val, "\n\t  ")
	}
	if v == 0 {
		b = append(b, ", length "...)
		b = strconv.AppendInt(b, int64(length), 10)
	}
	return b
}

// cdpLineValue appends a TLV's value as tcpdump -v prints it.
func cdpLineValue(b []byte, typ uint16, v []byte) []byte {
	switch typ {
	case cdpDeviceID, cdpPortID, cdpPlatform, cdpVTPDomain:
		b = append(b, '\'')
		b = appendPrintable(b, v)
		return append(b, '\'')
	case cdpVersion:
		for len(v) > 0 {
			k := bytes.IndexByte(v, '\n')
			if k < 0 {
				k = len(v)
			}
			b = append(b, "\n\t  "...)
			b = appendPrintable(b, v[:k])
			v = v[min(k+1, len(v)):]
		}
		return b
	case cdpAddress, cdpMgmtAddr:
		if a, ok := cdpIPv4Addr(v); ok {
			b = append(b, "IPv4 (1) "...)
			return a.AppendTo(b)
		}
	case cdpCapability:
		if len(v) >= 4 {
			caps := be32(v)
			b = append(b, "(0x"...)
			b = appendHexN(b, uint64(caps), 8)
			b = append(b, "): "...)
			n := len(b)
			for k, name := range [...]string{"Router", "Transparent Bridge", "Source Route Bridge", "L2 Switch", "L3 capable", "IGMP snooping", "L1 capable"} {
				if caps&(1<<k) != 0 {
					if len(b) > n {
						b = append(b, ", "...)
					}
					b = append(b, name...)
				}
			}
			return b
		}
	case cdpHello:
		return b
	case cdpNativeVLAN:
		if len(v) >= 2 {
			return strconv.AppendUint(b, uint64(be16(v)), 10)
		}
	case cdpDuplex:
		if len(v) >= 1 {
			if v[0] != 0 {
				return append(b, "full"...)
			}
			return append(b, "half"...)
		}
	case cdpTrust, cdpUntrusted:
		if len(v) >= 1 {
			b = append(b, "0x"...)
			return appendHex2(b, v[0])
		}
	}
	return appendHexDumpLines(b, v, "\n\t  ")
}
