package decode

import "strconv"

// VRRP is a VRRP advertisement (RFC 3768 version 2, RFC 5798 version 3),
// IP protocol 112:
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|Version| Type  | Virtual Rtr ID|   Priority    | Count IP Addrs|
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|   Auth Type   |   Adver Int   |          Checksum             |  v2
//	|(rsvd) |     Max Adver Int     |          Checksum             |  v3
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                  IPv4 or IPv6 addresses ...                   |
//	|             Authentication data (v2, 8 bytes)                 |
//
// A VRRP view holds the message as captured; its accessors read the eight
// header bytes ParseVRRP checked.
type VRRP []byte

// IPProtoVRRP is VRRP's IP protocol number.
const IPProtoVRRP = 112

const vrrpHeaderLen = 8

// ParseVRRP returns the VRRP message at the start of b.
func ParseVRRP(b []byte) (VRRP, error) {
	if len(b) < vrrpHeaderLen {
		return nil, ReasonTruncated
	}
	return VRRP(b[:len(b):len(b)]), nil
}

// Version returns the protocol version (2 or 3).
func (v VRRP) Version() uint8 { return v[0] >> 4 }

// Type returns the packet type (1: advertisement).
func (v VRRP) Type() uint8 { return v[0] & 15 }

// VRID returns the virtual router's identifier.
func (v VRRP) VRID() uint8 { return v[1] }

// Priority returns the sender's priority.
func (v VRRP) Priority() uint8 { return v[2] }

// Count returns the number of addresses.
func (v VRRP) Count() int { return int(v[3]) }

// AuthType returns a version-2 message's authentication type.
func (v VRRP) AuthType() uint8 { return v[4] }

// Interval returns the advertisement interval: seconds for version 2,
// centiseconds (12 bits) for version 3.
func (v VRRP) Interval() uint16 {
	if v.Version() == 3 {
		return be16(v[4:]) & 0x0fff
	}
	return uint16(v[5])
}

// Checksum returns the checksum field.
func (v VRRP) Checksum() uint16 { return be16(v[6:]) }

// vrrpNeeds returns how many bytes the message's own counts call for, with
// addresses of alen bytes.
func vrrpNeeds(v VRRP, alen int) int {
	n := vrrpHeaderLen + v.Count()*alen
	if v.Version() != 3 && v.AuthType() == 1 {
		n += 8
	}
	return n
}

func vrrpAddrLen(d *Decoder, i int) int {
	if _, _, v6 := ipAddrs(d, i); v6 {
		return 16
	}
	return 4
}

func (d *Decoder) decodeVRRP(l *Layer) LayerType {
	v, err := ParseVRRP(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.End
	if v.Type() == 1 && len(v) < vrrpNeeds(v, vrrpAddrLen(d, d.n)) {
		l.Malformed = ReasonTruncated
	}
	return LayerNone
}

// The fields, as Wireshark registers them.
const (
	vrrpTypeVer = iota
	vrrpVersion
	vrrpType
	vrrpVRID
	vrrpPrio
	vrrpAddrCount
	vrrpAuthType
	vrrpAdverInt
	vrrpReserved
	vrrpShortAdverInt
	vrrpChecksum
	vrrpChecksumStatus
	vrrpIPAddr
	vrrpIPv6Addr
	vrrpAuthString
	vrrpFieldCount
)

var vrrpFields = [vrrpFieldCount]Field{
	vrrpTypeVer:        {Name: "vrrp.typever", Label: "VRRP message version and type", Kind: KindUint, Width: 8},
	vrrpVersion:        {Name: "vrrp.version", Label: "VRRP protocol version", Kind: KindUint, Width: 8, Mask: 0xf0},
	vrrpType:           {Name: "vrrp.type", Label: "VRRP packet type", Kind: KindUint, Width: 8, Mask: 0x0f},
	vrrpVRID:           {Name: "vrrp.virt_rtr_id", Label: "Virtual Rtr ID", Kind: KindUint, Width: 8},
	vrrpPrio:           {Name: "vrrp.prio", Label: "Priority", Kind: KindUint, Width: 8},
	vrrpAddrCount:      {Name: "vrrp.addr_count", Label: "Addr Count", Kind: KindUint, Width: 8},
	vrrpAuthType:       {Name: "vrrp.auth_type", Label: "Auth Type", Kind: KindUint, Width: 8},
	vrrpAdverInt:       {Name: "vrrp.adver_int", Label: "Adver Int", Kind: KindUint, Width: 8},
	vrrpReserved:       {Name: "vrrp.reserved_mbz", Label: "Reserved", Kind: KindUint, Width: 8, Mask: 0xf0},
	vrrpShortAdverInt:  {Name: "vrrp.short_adver_int", Label: "Adver Int", Kind: KindUint, Width: 16, Mask: 0x0fff},
	vrrpChecksum:       {Name: "vrrp.checksum", Label: "Checksum", Kind: KindUint, Width: 16, Base: BaseHex},
	vrrpChecksumStatus: {Name: "vrrp.checksum.status", Label: "Checksum Status", Kind: KindUint, Width: 8, Generated: true},
	vrrpIPAddr:         {Name: "vrrp.ip_addr", Label: "IP Address", Kind: KindIPv4},
	vrrpIPv6Addr:       {Name: "vrrp.ipv6_addr", Label: "IPv6 Address", Kind: KindIPv6},
	vrrpAuthString:     {Name: "vrrp.auth_string", Label: "Authentication String", Kind: KindString},
}

var protoVRRP = protoField("vrrp", "Virtual Router Redundancy Protocol")

// vrrpCheck returns the checksum status as tshark has it (0 bad, 1 good, 2
// unverified) and the one's complement sum.
func vrrpCheck(d *Decoder, i int, v VRRP) (status int, sum uint16) {
	rep := pimReported(d, i, &d.layers[i])
	if pimFragmented(d, i) || len(v) < rep || rep < 0 {
		return 2, 0
	}
	src, dst, _ := ipAddrs(d, i)
	if v.Version() == 3 {
		sum = transportChecksum(src, dst, IPProtoVRRP, v[:rep])
	} else {
		sum = ^checksumFold(checksumAdd(0, v[:rep]))
	}
	if sum == 0 {
		return 1, 0
	}
	return 0, sum
}

// vrrpAuthText returns the simple-text password when it is all printable
// characters (tshark's rendering of others is not drawn).
func vrrpAuthText(v VRRP, off int) ([]byte, bool) {
	if off+8 > len(v) {
		return nil, false
	}
	a := v[off : off+8]
	for _, c := range a {
		if c < 0x20 || c > 0x7e {
			return nil, false
		}
	}
	return a, true
}

// emitVRRP emits the message's fields in the order and nesting of tshark's
// tree, which is drawn from them (treefields.go): the version and type
// byte with its two halves beneath, the checksum with its status and,
// when it is wrong, tshark's expert block.
func emitVRRP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoVRRP)
	if l.End-l.Start >= vrrpHeaderLen {
		v := VRRP(d.data[l.Start:l.End])
		f := &vrrpFields
		e.Uint(&f[vrrpTypeVer], uint64(v[0]))
		if e.Tree() {
			b := append(e.Text(), "Version "...)
			b = appendUint(b, uint64(v.Version()))
			b = append(b, ", Packet type "...)
			b = appendUint(b, uint64(v.Type()))
			b = append(b, " ("...)
			if n := f[vrrpType].ValueNames().Name(uint64(v.Type())); n != "" {
				b = append(b, n...)
			} else {
				b = append(b, "Unknown"...)
			}
			e.SetRepr(append(b, ')'))
		}
		e.Sub()
		e.Uint(&f[vrrpVersion], uint64(v.Version()))
		e.Uint(&f[vrrpType], uint64(v.Type()))
		e.Up()
		e.Uint(&f[vrrpVRID], uint64(v.VRID()))
		e.Uint(&f[vrrpPrio], uint64(v.Priority()))
		if e.Tree() {
			b := append(e.Text(), "Priority: "...)
			b = appendUint(b, uint64(v.Priority()))
			switch v.Priority() {
			case 0:
				b = append(b, " (Current Master has stopped participating in VRRP)"...)
			case 100:
				b = append(b, " (Default priority for a backup VRRP router)"...)
			case 255:
				b = append(b, " (This VRRP router owns the virtual router's IP address(es))"...)
			default:
				b = append(b, " (Non-default backup priority)"...)
			}
			e.SetRepr(b)
		}
		e.Uint(&f[vrrpAddrCount], uint64(v.Count()))
		if v.Version() == 3 {
			e.Uint(&f[vrrpReserved], uint64(v[4]>>4))
			e.Uint(&f[vrrpShortAdverInt], uint64(v.Interval()))
		} else {
			e.Uint(&f[vrrpAuthType], uint64(v.AuthType()))
			e.Uint(&f[vrrpAdverInt], uint64(v.Interval()))
		}
		e.Uint(&f[vrrpChecksum], uint64(v.Checksum()))
		st, sum := vrrpCheck(d, i, v)
		e.ChecksumRepr(v.Checksum(), st, sum, "Warning")
		e.Uint(&f[vrrpChecksumStatus], uint64(st))
		if e.Tree() {
			// Drawn as a name alone (BASE_NONE).
			e.SetRepr(append(append(e.Text(), "Checksum Status: "...), f[vrrpChecksumStatus].ValueNames().Name(uint64(st))...))
		}
		alen := vrrpAddrLen(d, i)
		off := vrrpHeaderLen
		for k := 0; k < v.Count() && off+alen <= len(v); k++ {
			if k == 0 || e.all || e.Tree() {
				if alen == 4 {
					e.IPv4(&f[vrrpIPAddr], v[off:off+4])
				} else {
					e.IPv6(&f[vrrpIPv6Addr], v[off:off+16])
				}
			}
			off += alen
		}
		if v.Version() != 3 && v.AuthType() == 1 {
			if a, ok := vrrpAuthText(v, off); ok {
				e.TextDone(&f[vrrpAuthString], append(e.Text(), a...))
			}
		}
	}
	e.End()
}

// lineVRRP appends tcpdump's "VRRPv2, Advertisement, vrid 42, prio 191,
// authtype simple, intvl 10s, length 28" and, with -v, the addresses and
// the password.
func (p *LinePrinter) lineVRRP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	raw := d.data[l.Start:l.End]
	n := ipPayloadLen(d, i)
	if len(raw) < 1 {
		return p.cut(b, " [|vrrp]")
	}
	ver, typ := raw[0]>>4, raw[0]&15
	b = append(b, "VRRPv"...)
	b = appendUint(b, uint64(ver))
	b = append(b, ", "...)
	if typ == 1 {
		b = append(b, "Advertisement"...)
	} else {
		b = append(b, "unknown type ("...)
		b = appendUint(b, uint64(typ))
		b = append(b, ')')
	}
	if ttl, ok := vrrpTTL(d, i); ok && ttl != 255 {
		b = append(b, ", (ttl "...)
		b = appendUint(b, uint64(ttl))
		b = append(b, ')')
	}
	if ver < 2 || ver > 3 || typ != 1 {
		return b
	}
	if len(raw) < 3 {
		return p.cut(b, " [|vrrp]")
	}
	b = append(b, ", vrid "...)
	b = appendUint(b, uint64(raw[1]))
	b = append(b, ", prio "...)
	b = appendUint(b, uint64(raw[2]))
	if len(raw) < 6 {
		return p.cut(b, " [|vrrp]")
	}
	v := VRRP(raw)
	if ver == 2 {
		b = append(b, ", authtype "...)
		switch v[4] {
		case 0:
			b = append(b, "none"...)
		case 1:
			b = append(b, "simple"...)
		case 2:
			b = append(b, "ah"...)
		default:
			b = append(b, '#')
			b = appendUint(b, uint64(v[4]))
		}
		b = append(b, ", intvl "...)
		b = appendUint(b, uint64(v[5]))
		b = append(b, 's')
	} else {
		b = append(b, ", intvl "...)
		b = appendUint(b, uint64(be16(v[4:])&0x0fff))
		b = append(b, "cs"...)
	}
	b = append(b, ", length "...)
	b = appendUint(b, uint64(n))
	if p.Options.Verbose == 0 {
		return b
	}
	count := int(v[3])
	if n >= 0 && n <= len(raw) && len(raw) >= 8 {
		var sum uint16
		if ver == 2 {
			sum = ^checksumFold(checksumAdd(0, raw[:n]))
		} else {
			src, dst, _ := ipAddrs(d, i)
			sum = transportChecksum(src, dst, IPProtoVRRP, raw[:n])
		}
		if sum != 0 {
			b = append(b, ", (bad vrrp cksum "...)
			b = strconv.AppendUint(b, uint64(be16(raw[6:])), 16)
			b = append(b, ')')
		}
	}
	b = append(b, ", addrs"...)
	if count > 1 {
		b = append(b, '(')
		b = appendUint(b, uint64(count))
		b = append(b, ')')
	}
	b = append(b, ':')
	alen := vrrpAddrLen(d, i)
	off := vrrpHeaderLen
	for k := 0; k < count; k++ {
		if off+alen > len(raw) {
			return p.cut(b, " [|vrrp]")
		}
		if k == 0 {
			b = append(b, ' ')
		} else {
			b = append(b, ',')
		}
		b = appendPIMAddr(b, raw[off:off+alen])
		off += alen
	}
	if ver == 2 && v[4] == 1 {
		b = append(b, " auth \""...)
		for k := 0; k < 8; k++ {
			if off+k >= len(raw) {
				return p.cut(b, " [|vrrp]")
			}
			if raw[off+k] == 0 {
				break
			}
			b = appendPrintChar(b, raw[off+k])
		}
		b = append(b, '"')
	}
	return b
}

// vrrpTTL returns the TTL (hop limit) of the IP header before layer i.
func vrrpTTL(d *Decoder, i int) (uint8, bool) {
	for j := i - 1; j >= 0; j-- {
		l := &d.layers[j]
		switch l.Type {
		case LayerIPv4:
			return IPv4(d.data[l.Start:l.Payload]).TTL(), true
		case LayerIPv6:
			return d.data[l.Start+7], true
		}
	}
	return 0, false
}

// infoVRRP appends the Info column: "Announcement (v2)".
func infoVRRP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.End == l.Start {
		return b
	}
	b = append(b, "Announcement (v"...)
	b = appendUint(b, uint64(d.data[l.Start]>>4))
	return append(b, ')')
}
