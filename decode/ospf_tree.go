package decode

import "strconv"

// This file writes the OSPF subtree of -V as tshark -V shows it.

var ospfMsgNames = [6]string{"", "Hello Packet", "DB Description", "LS Request", "LS Update", "LS Acknowledge"}

// ospfMsgName returns Wireshark's name of a message type, or "".
func ospfMsgName(t uint8) string {
	if int(t) < len(ospfMsgNames) {
		return ospfMsgNames[t]
	}
	return ""
}

var ospfLSANames = [12]string{"", "Router-LSA", "Network-LSA", "Summary-LSA (IP network)", "Summary-LSA (ASBR)",
	"AS-External-LSA (ASBR)", "Group Membership LSA", "NSSA AS-External-LSA", "External Attributes LSA",
	"Opaque LSA, Link-local scope", "Opaque LSA, Area-local scope", "Opaque LSA, AS-local scope"}

// ospfLSAName returns Wireshark's name of an LSA type, or "".
func ospfLSAName(t uint32) string {
	if t < uint32(len(ospfLSANames)) {
		return ospfLSANames[t]
	}
	return ""
}

var ospfOpaqueNames = [10]string{"", "Traffic Engineering LSA", "Sycamore Optical Topology Descriptions", "grace-LSA",
	"Router Information (RI)", "L1VPN LSA", "Inter-AS-TE-v2 LSA", "OSPFv2 Extended Prefix Opaque LSA",
	"OSPFv2 Extended Link Opaque LSA", "TTZ LSA"}

// treeOSPF writes the OSPF subtree.
func treeOSPF(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	t.head("Open Shortest Path First")
	t.end()
	if l.Malformed == ReasonBadVersion || l.Payload == l.Start {
		return
	}
	o := OSPF(d.data[l.Start:l.End])
	name := ospfMsgName(o.Type())
	t.depth = 1
	t.line()
	t.b = append(t.b, "OSPF Header"...)
	t.end()
	t.depth = 2
	t.int("Version", int(o.Version()))
	t.line()
	t.b = append(t.b, "Message Type: "...)
	if name == "" {
		t.b = append(t.b, "Unknown"...)
	} else {
		t.b = append(t.b, name...)
	}
	t.b = append(t.b, " ("...)
	t.b = strconv.AppendUint(t.b, uint64(o.Type()), 10)
	t.b = append(t.b, ')')
	t.end()
	t.int("Packet Length", o.Length())
	t.addr("Source OSPF Router", addr4(o.Router()))
	t.line()
	t.b = append(t.b, "Area ID: "...)
	t.b = addr4(o.Area()).AppendTo(t.b)
	if be32(o.Area()) == 0 {
		t.b = append(t.b, " (Backbone)"...)
	}
	t.end()
	treeOSPFChecksum(t, d, i, o)
	if o.Version() == 3 {
		t.line()
		t.b = append(t.b, "Instance ID: "...)
		if n := ospfV3InstanceName(o[14]); n != "" {
			t.b = append(t.b, n...)
			t.b = append(t.b, " ("...)
			t.b = strconv.AppendUint(t.b, uint64(o[14]), 10)
			t.b = append(t.b, ')')
		} else {
			t.b = strconv.AppendUint(t.b, uint64(o[14]), 10)
		}
		t.end()
		t.line()
		t.b = append(t.b, "Reserved: "...)
		t.b = appendHexBytes(t.b, o[15:16])
		t.end()
		treeOSPFv3Body(t, o.Body(), o.Type())
		t.depth = 1
		return
	}
	treeOSPFAuth(t, o)
	body := o.Body()
	t.depth = 1
	switch o.Type() {
	case OSPFHello:
		if len(body) < 20 {
			return
		}
		t.line()
		t.b = append(t.b, "OSPF Hello Packet"...)
		t.end()
		t.depth = 2
		t.addr("Network Mask", addr4(body[0:4]))
		t.int("Hello Interval [sec]", int(be16(body[4:])))
		treeOSPFOptions(t, body[6], false)
		t.int("Router Priority", int(body[7]))
		t.int("Router Dead Interval [sec]", int(be32(body[8:])))
		t.addr("Designated Router", addr4(body[12:16]))
		t.addr("Backup Designated Router", addr4(body[16:20]))
		for k := 20; k+4 <= len(body); k += 4 {
			t.addr("Active Neighbor", addr4(body[k:k+4]))
		}
	case OSPFDBDesc:
		if len(body) < 8 {
			return
		}
		t.line()
		t.b = append(t.b, "OSPF DB Description"...)
		t.end()
		t.depth = 2
		t.int("Interface MTU", int(be16(body)))
		treeOSPFOptions(t, body[2], false)
		treeOSPFFlags(t, "DB Description", uint64(body[3]), 8, ospfDBDBits[:])
		t.int("DD Sequence", int(be32(body[4:])))
		for k := 8; k+ospfLSAHeaderLen <= len(body); k += ospfLSAHeaderLen {
			treeOSPFLSAHeader(t, 1, body[k:k+ospfLSAHeaderLen])
		}
	case OSPFLSReq:
		for k := 0; k+12 <= len(body); k += 12 {
			t.depth = 1
			t.line()
			t.b = append(t.b, "Link State Request"...)
			t.end()
			t.depth = 2
			typ := be32(body[k:])
			t.line()
			t.b = append(t.b, "LS Type: "...)
			if n := ospfLSAName(typ); n != "" {
				t.b = append(t.b, n...)
			} else {
				t.b = append(t.b, "Unknown"...)
			}
			t.b = append(t.b, " ("...)
			t.b = strconv.AppendUint(t.b, uint64(typ), 10)
			t.b = append(t.b, ')')
			t.end()
			t.addr("Link State ID", addr4(body[k+4:k+8]))
			t.addr("Advertising Router", addr4(body[k+8:k+12]))
		}
	case OSPFLSUpdate:
		if len(body) < 4 {
			return
		}
		t.line()
		t.b = append(t.b, "LS Update Packet"...)
		t.end()
		t.depth = 2
		n := be32(body)
		t.int("Number of LSAs", int(n))
		for k, c := 4, uint32(0); c < n && k+ospfLSAHeaderLen <= len(body); c++ {
			ln := int(be16(body[k+18:]))
			if ln < ospfLSAHeaderLen || k+ln > len(body) {
				break
			}
			treeOSPFLSAHeader(t, 2, body[k:k+ospfLSAHeaderLen])
			treeOSPFLSABody(t, body[k:k+ln])
			k += ln
		}
	case OSPFLSAck:
		for k := 0; k+ospfLSAHeaderLen <= len(body); k += ospfLSAHeaderLen {
			treeOSPFLSAHeader(t, 1, body[k:k+ospfLSAHeaderLen])
		}
	}
	if lls := o.LLS(); lls != nil {
		treeOSPFLLS(t, lls)
	}
	t.depth = 1
}

// ospfV3InstanceName returns Wireshark's name of a version 3 instance ID.
func ospfV3InstanceName(id uint8) string {
	switch {
	case id <= 31:
		return "IPv6 unicast AF"
	case id <= 63:
		return "IPv6 multicast AF"
	case id <= 95:
		return "IPv4 unicast AF"
	case id <= 127:
		return "IPv4 multicast AF"
	}
	return ""
}

// treeOSPFChecksum writes the header's checksum line: "(None)" for 0,
// verified when the whole packet was captured and the checksum covers it
// (not with cryptographic authentication).
func treeOSPFChecksum(t *treeWriter, d *Decoder, i int, o OSPF) {
	sum := o.Checksum()
	t.line()
	t.b = append(t.b, "Checksum: 0x"...)
	t.b = appendHex4(t.b, sum)
	if sum == 0 {
		t.b = append(t.b, " (None)"...)
		t.end()
		return
	}
	n := o.Length()
	if n > len(o) || n < o.HeaderLen() {
		t.end()
		return
	}
	var got uint16
	switch o.Version() {
	case 2:
		if o.AuthType() == 2 {
			t.end()
			return
		}
		got = ^checksumFold(checksumAdd(checksumAdd(0, o[:16]), o[24:n]))
	case 3:
		src, dst, v6 := ipAddrs(d, i)
		if !v6 {
			t.end()
			return
		}
		got = transportChecksum(src, dst, IPProtoOSPF, o[:n])
	}
	if got == 0 {
		t.b = append(t.b, " [correct]"...)
	} else {
		t.b = append(t.b, " [incorrect, should be 0x"...)
		t.b = appendHex4(t.b, shouldBe(sum, got))
		t.b = append(t.b, ']')
	}
	t.end()
}

// treeOSPFAuth writes a version 2 header's authentication lines.
func treeOSPFAuth(t *treeWriter, o OSPF) {
	at := o.AuthType()
	t.line()
	t.b = append(t.b, "Auth Type: "...)
	switch at {
	case 0:
		t.b = append(t.b, "Null"...)
	case 1:
		t.b = append(t.b, "Simple password"...)
	case 2:
		t.b = append(t.b, "Cryptographic"...)
	default:
		t.b = append(t.b, "Unknown"...)
	}
	t.b = append(t.b, " ("...)
	t.b = strconv.AppendUint(t.b, uint64(at), 10)
	t.b = append(t.b, ')')
	t.end()
	switch at {
	case 0:
		t.line()
		t.b = append(t.b, "Auth Data (none): "...)
		t.b = appendHexBytes(t.b, o[16:24])
		t.end()
	case 1:
		t.line()
		t.b = append(t.b, "Auth Data (Simple): "...)
		t.b = append(t.b, ospfSimplePassword(o[16:24])...)
		t.end()
	case 2:
		t.int("Auth Crypt Key id", int(o[18]))
		t.int("Auth Crypt Data Length", int(o[19]))
		t.int("Auth Crypt Sequence Number", int(be32(o[20:])))
		if tr := o.Trailer(); o.CryptLen() > 0 && len(tr) >= o.CryptLen() {
			t.line()
			t.b = append(t.b, "Auth Crypt Data: "...)
			t.b = appendHexBytes(t.b, tr[:o.CryptLen()])
			t.end()
		}
	}
}

// ospfBit is a flag of an options or flags byte: its mask, its label and
// the words for clear and set.
type ospfBit struct {
	mask          uint64
	label, no, on string
}

var ospfV2OptionBits = [8]ospfBit{
	{0x80, "DN", "Not set", "Set"},
	{0x40, "O", "Not set", "Set"},
	{0x20, "(DC) Demand Circuits", "Not supported", "Supported"},
	{0x10, "(L) LLS Data block", "Not Present", "Present"},
	{0x08, "(N) NSSA", "Not supported", "Supported"},
	{0x04, "(MC) Multicast", "Not capable", "Capable"},
	{0x02, "(E) External Routing", "Not capable", "Capable"},
	{0x01, "(MT) Multi-Topology Routing", "No", "Yes"},
}

var ospfV2OptionBitsNSSA = func() [8]ospfBit {
	b := ospfV2OptionBits
	b[4] = ospfBit{0x08, "(P) Propagate", "Not set", "Set"}
	return b
}()

var ospfDBDBits = [4]ospfBit{
	{0x08, "(R) OOBResync", "Not set", "Set"},
	{0x04, "(I) Init", "Not set", "Set"},
	{0x02, "(M) More", "Not set", "Set"},
	{0x01, "(MS) Master", "No", "Yes"},
}

var ospfRouterFlagBits = [6]ospfBit{
	{0x80, "(H) flag", "No", "Yes"},
	{0x10, "(N) flag", "No", "Yes"},
	{0x08, "(W) Wild-card multicast receiver", "No", "Yes"},
	{0x04, "(V) Virtual link endpoint", "No", "Yes"},
	{0x02, "(E) AS boundary router", "No", "Yes"},
	{0x01, "(B) Area border router", "No", "Yes"},
}

var ospfLLSOptionBits = [2]ospfBit{
	{0x02, "(RS) Restart Signal", "Not set", "Set"},
	{0x01, "(LR) LSDB Resynchronization", "Not set", "Set"},
}

// treeOSPFOptions writes a version 2 options byte and its bits.
func treeOSPFOptions(t *treeWriter, v byte, nssa bool) {
	bits := &ospfV2OptionBits
	if nssa {
		bits = &ospfV2OptionBitsNSSA
	}
	treeOSPFFlags(t, "Options", uint64(v), 8, bits[:])
}

// treeOSPFFlags writes "label: 0x07, (I) Init, …" (the labels of the set
// bits) and a line per bit one level deeper.
func treeOSPFFlags(t *treeWriter, label string, v uint64, width int, bits []ospfBit) {
	t.line()
	t.b = append(t.b, label...)
	t.b = append(t.b, ": 0x"...)
	t.b = appendHexN(t.b, v, width/4)
	for _, bt := range bits {
		if v&bt.mask != 0 {
			t.b = append(t.b, ", "...)
			t.b = append(t.b, bt.label...)
		}
	}
	t.end()
	t.depth++
	for _, bt := range bits {
		t.bits(v, width, bt.mask, bt.label)
		if v&bt.mask != 0 {
			t.b = append(t.b, bt.on...)
		} else {
			t.b = append(t.b, bt.no...)
		}
		t.end()
	}
	t.depth--
}

// treeOSPFLSAHeader writes an LSA's title at depth and its header's lines
// one level deeper, where it leaves the depth.
func treeOSPFLSAHeader(t *treeWriter, depth int, h []byte) {
	typ := h[3]
	t.depth = depth
	t.line()
	t.b = append(t.b, "LSA-type "...)
	t.b = strconv.AppendUint(t.b, uint64(typ), 10)
	t.b = append(t.b, " ("...)
	if n := ospfLSAName(uint32(typ)); n != "" {
		t.b = append(t.b, n...)
	} else {
		t.b = append(t.b, "Unknown"...)
	}
	t.b = append(t.b, "), len "...)
	t.b = strconv.AppendUint(t.b, uint64(be16(h[18:])), 10)
	t.end()
	t.depth = depth + 1
	age := uint64(be16(h))
	t.bits(age, 16, 0x7fff, "LS Age (seconds)")
	t.b = strconv.AppendUint(t.b, age&0x7fff, 10)
	t.end()
	t.bits(age, 16, 0x8000, "Do Not Age Flag")
	t.b = strconv.AppendUint(t.b, age>>15, 10)
	t.end()
	treeOSPFOptions(t, h[2], typ == 7)
	t.line()
	t.b = append(t.b, "LS Type: "...)
	if n := ospfLSAName(uint32(typ)); n != "" {
		t.b = append(t.b, n...)
	} else {
		t.b = append(t.b, "Unknown"...)
	}
	t.b = append(t.b, " ("...)
	t.b = strconv.AppendUint(t.b, uint64(typ), 10)
	t.b = append(t.b, ')')
	t.end()
	if typ >= 9 && typ <= 11 {
		t.line()
		t.b = append(t.b, "Link State ID Opaque Type: "...)
		if int(h[4]) < len(ospfOpaqueNames) && h[4] != 0 {
			t.b = append(t.b, ospfOpaqueNames[h[4]]...)
		} else {
			t.b = append(t.b, "Unknown"...)
		}
		t.b = append(t.b, " ("...)
		t.b = strconv.AppendUint(t.b, uint64(h[4]), 10)
		t.b = append(t.b, ')')
		t.end()
		if h[4] == 1 {
			t.int("Link State ID TE-LSA Reserved", int(h[5]))
			t.int("Link State ID TE-LSA Instance", int(be16(h[6:])))
		} else {
			t.int("Link State ID Opaque ID", int(be32(h[4:])&0xffffff))
		}
	} else {
		t.addr("Link State ID", addr4(h[4:8]))
	}
	t.addr("Advertising Router", addr4(h[8:12]))
	t.hex("Sequence Number", uint64(be32(h[12:])), 8)
	t.hex("Checksum", uint64(be16(h[16:])), 4)
	t.int("Length", int(be16(h[18:])))
}

var ospfLinkTypeShort = [5]string{"", "PTP", "Transit", "Stub", "Virtual"}
var ospfLinkTypeLong = [5]string{"", "Point-to-point connection to another router", "Connection to a transit network",
	"Connection to a stub network", "Virtual link"}
var ospfLinkIDText = [5]string{"", "Neighboring router's Router ID", "IP address of Designated Router",
	"IP network/subnet number", "Neighboring router's Router ID"}

// treeOSPFLSABody writes the body of an LSA of the types whose lines are
// known (router, network, AS-external), at the depth the header left.
func treeOSPFLSABody(t *treeWriter, a []byte) {
	b := a[ospfLSAHeaderLen:]
	switch a[3] {
	case 1:
		if len(b) < 4 {
			return
		}
		treeOSPFFlags(t, "Flags", uint64(b[0]), 8, ospfRouterFlagBits[:])
		n := int(be16(b[2:]))
		t.int("Number of Links", n)
		k := 4
		for c := 0; c < n && k+12 <= len(b); c++ {
			lt := b[k+8]
			if lt < 1 || lt > 4 {
				return
			}
			t.line()
			t.b = append(t.b, "Type: "...)
			t.b = appendPadded(t.b, ospfLinkTypeShort[lt], 8)
			t.b = append(t.b, " ID: "...)
			n0 := len(t.b)
			t.b = padRight(addr4(b[k:k+4]).AppendTo(t.b), n0, 15)
			t.b = append(t.b, " Data: "...)
			n0 = len(t.b)
			t.b = padRight(addr4(b[k+4:k+8]).AppendTo(t.b), n0, 15)
			t.b = append(t.b, " Metric: "...)
			t.b = strconv.AppendUint(t.b, uint64(be16(b[k+10:])), 10)
			t.end()
			t.depth++
			t.line()
			t.b = append(t.b, "Link ID: "...)
			t.b = addr4(b[k : k+4]).AppendTo(t.b)
			t.b = append(t.b, " - "...)
			t.b = append(t.b, ospfLinkIDText[lt]...)
			t.end()
			t.addr("Link Data", addr4(b[k+4:k+8]))
			t.line()
			t.b = append(t.b, "Link Type: "...)
			t.b = strconv.AppendUint(t.b, uint64(lt), 10)
			t.b = append(t.b, " - "...)
			t.b = append(t.b, ospfLinkTypeLong[lt]...)
			t.end()
			t.line()
			t.b = append(t.b, "Number of Metrics: "...)
			t.b = strconv.AppendUint(t.b, uint64(b[k+9]), 10)
			t.b = append(t.b, " - TOS"...)
			t.end()
			t.int("0 Metric", int(be16(b[k+10:])))
			t.depth--
			if b[k+9] != 0 {
				return // the TOS metrics' lines are not drawn
			}
			k += 12
		}
	case 2:
		if len(b) < 4 {
			return
		}
		t.addr("Netmask", addr4(b[:4]))
		for k := 4; k+4 <= len(b); k += 4 {
			t.addr("Attached Router", addr4(b[k:k+4]))
		}
	case 3, 4:
		if len(b) != 8 {
			return
		}
		t.addr("Netmask", addr4(b[:4]))
		t.int("TOS", int(b[4]))
		t.int("Metric", int(be32(b[4:])&0xffffff))
	case 9, 10, 11:
		if a[4] == 3 {
			treeOSPFGrace(t, b)
		}
	case 5, 7:
		if len(b) != 16 {
			return
		}
		t.addr("Netmask", addr4(b[:4]))
		t.bits(uint64(b[4]), 8, 0x80, "External Type")
		if b[4]&0x80 != 0 {
			t.b = append(t.b, "Type 2 (metric is larger than any other link state path)"...)
		} else {
			t.b = append(t.b, "Type 1 (metric is specified in the same units as interface cost)"...)
		}
		t.end()
		t.bits(uint64(b[4]), 8, 0x7f, "TOS")
		t.b = strconv.AppendUint(t.b, uint64(b[4]&0x7f), 10)
		t.end()
		t.int("Metric", int(be32(b[4:])&0xffffff))
		t.addr("Forwarding Address", addr4(b[8:12]))
		t.int("External Route Tag", int(be32(b[12:])))
	}
}

// treeOSPFLLS writes the LLS block.
func treeOSPFLLS(t *treeWriter, b []byte) {
	t.depth = 1
	t.line()
	t.b = append(t.b, "OSPF LLS Data Block"...)
	t.end()
	t.depth = 2
	t.hex("Checksum", uint64(be16(b)), 4)
	n := int(be16(b[2:])) * 4
	t.line()
	t.b = append(t.b, "LLS Data Length: "...)
	t.b = strconv.AppendInt(t.b, int64(n), 10)
	t.b = append(t.b, " bytes"...)
	t.end()
	end := min(n, len(b))
	for k := 4; k+4 <= end; {
		typ, ln := be16(b[k:]), int(be16(b[k+2:]))
		if k+4+ln > end || (typ == 1 && ln != 4) || (typ == 2 && ln < 4) || typ == 0 || typ > 2 {
			return
		}
		v := b[k+4 : k+4+ln]
		t.depth = 2
		t.line()
		if typ == 1 {
			t.b = append(t.b, "Extended options TLV"...)
		} else {
			t.b = append(t.b, "Crypto Authentication TLV"...)
		}
		t.end()
		t.depth = 3
		t.int("TLV Type", int(typ))
		t.int("TLV Length", ln)
		if typ == 1 {
			treeOSPFFlags(t, "Options", uint64(be32(v)), 32, ospfLLSOptionBits[:])
		} else {
			t.hex("Sequence number", uint64(be32(v)), 8)
			t.line()
			t.b = append(t.b, "Auth Data: "...)
			t.b = appendHexBytes(t.b, v[4:])
			t.end()
		}
		k += 4 + ln
	}
}

var ospfV3OptionBits = [9]ospfBit{
	{0x400, "AT", "Not set", "Set"}, {0x200, "L", "Not set", "Set"}, {0x100, "AF", "Not set", "Set"},
	{0x20, "DC", "Not set", "Set"}, {0x10, "R", "Not set", "Set"}, {0x08, "N", "Not set", "Set"},
	{0x04, "MC", "Not set", "Set"}, {0x02, "E", "Not set", "Set"}, {0x01, "V6", "Not set", "Set"},
}

var ospfV3RouterFlagBits = [4]ospfBit{
	{0x08, "(W) Wild-card multicast receiver", "No", "Yes"}, {0x04, "(V) Virtual link endpoint", "No", "Yes"},
	{0x02, "(E) AS boundary router", "No", "Yes"}, {0x01, "(B) Area border router", "No", "Yes"},
}

var ospfV3LSANames = [13]string{"", "Router-LSA", "Network-LSA", "Inter-Area-Prefix-LSA", "Inter-Area-Router-LSA",
	"AS-External-LSA", "Group-Membership-LSA", "NSSA-LSA", "Link-LSA", "Intra-Area-Prefix-LSA", "", "",
	"Router Information Opaque-LSA"}

var ospfV3Scopes = [4]string{"Link-Local Scoping - Flooded only on originating link",
	"Area Scoping - Flooded only in originating area", "AS Scoping - Flooded throughout AS", "Reserved"}

// ospfV3LSAName returns Wireshark's name of a version 3 function code, or
// "".
func ospfV3LSAName(fc uint16) string {
	if int(fc) < len(ospfV3LSANames) {
		return ospfV3LSANames[fc]
	}
	return ""
}

// treeOSPFv3Options writes a version 3 options field (24 bits).
func treeOSPFv3Options(t *treeWriter, v uint32) {
	t.line()
	t.b = append(t.b, "Options: 0x"...)
	t.b = appendHexN(t.b, uint64(v), 6)
	for _, bt := range ospfV3OptionBits {
		if uint64(v)&bt.mask != 0 {
			t.b = append(t.b, ", "...)
			t.b = append(t.b, bt.label...)
		}
	}
	t.end()
	t.depth++
	for _, bt := range ospfV3OptionBits {
		t.bits(uint64(v), 24, bt.mask, bt.label)
		if uint64(v)&bt.mask != 0 {
			t.b = append(t.b, bt.on...)
		} else {
			t.b = append(t.b, bt.no...)
		}
		t.end()
	}
	t.depth--
}

// treeOSPFv3LSType writes "LS Type: 0x2001" and its three parts.
func treeOSPFv3LSType(t *treeWriter, v uint16) {
	t.hex("LS Type", uint64(v), 4)
	t.depth++
	t.bits(uint64(v), 16, 0x8000, "LSA Handling")
	if v&0x8000 != 0 {
		t.b = append(t.b, "Treat the LSA as if it had link-local flooding scope"...)
	} else {
		t.b = append(t.b, "Store and flood the LSA as if the type is understood"...)
	}
	t.end()
	t.bits(uint64(v), 16, 0x6000, "Flooding Scope")
	t.b = append(t.b, ospfV3Scopes[v>>13&3]...)
	t.b = append(t.b, " (0x"...)
	t.b = strconv.AppendUint(t.b, uint64(v>>13&3), 16)
	t.b = append(t.b, ')')
	t.end()
	t.bits(uint64(v), 16, 0x1fff, "Function Code")
	if n := ospfV3LSAName(v & 0x1fff); n != "" {
		t.b = append(t.b, n...)
	} else {
		t.b = append(t.b, "Unknown"...)
	}
	t.b = append(t.b, " ("...)
	t.b = strconv.AppendUint(t.b, uint64(v&0x1fff), 10)
	t.b = append(t.b, ')')
	t.end()
	t.depth--
}

// treeOSPFv3LSAHeader writes a version 3 LSA's title at depth and its
// header one level deeper, where it leaves the depth.
func treeOSPFv3LSAHeader(t *treeWriter, depth int, h []byte) {
	typ := be16(h[2:])
	t.depth = depth
	t.line()
	t.b = append(t.b, "LSA-type "...)
	t.b = strconv.AppendUint(t.b, uint64(typ&0x1fff), 10)
	t.b = append(t.b, " ("...)
	if n := ospfV3LSAName(typ & 0x1fff); n != "" {
		t.b = append(t.b, n...)
	} else {
		t.b = append(t.b, "Unknown"...)
	}
	t.b = append(t.b, "), len "...)
	t.b = strconv.AppendUint(t.b, uint64(be16(h[18:])), 10)
	t.end()
	t.depth = depth + 1
	age := uint64(be16(h))
	t.bits(age, 16, 0x7fff, "LS Age (seconds)")
	t.b = strconv.AppendUint(t.b, age&0x7fff, 10)
	t.end()
	t.bits(age, 16, 0x8000, "Do Not Age")
	if age&0x8000 != 0 {
		t.b = append(t.b, "True"...)
	} else {
		t.b = append(t.b, "False"...)
	}
	t.end()
	treeOSPFv3LSType(t, typ)
	t.addr("Link State ID", addr4(h[4:8]))
	t.addr("Advertising Router", addr4(h[8:12]))
	t.hex("Sequence Number", uint64(be32(h[12:])), 8)
	t.hex("Checksum", uint64(be16(h[16:])), 4)
	t.int("Length", int(be16(h[18:])))
}

// treeOSPFv3Body writes a version 3 message: Hello, DB Description, LS
// Request, LS Update (LSA headers, router LSA flags and options) and LS
// Ack.
func treeOSPFv3Body(t *treeWriter, body []byte, typ uint8) {
	t.depth = 1
	switch typ {
	case OSPFHello:
		if len(body) < 20 {
			return
		}
		t.line()
		t.b = append(t.b, "OSPF Hello Packet"...)
		t.end()
		t.depth = 2
		t.int("Interface ID", int(be32(body)))
		t.int("Router Priority", int(body[4]))
		treeOSPFv3Options(t, be32(body[4:])&0xffffff)
		t.int("Hello Interval [sec]", int(be16(body[8:])))
		t.int("Router Dead Interval [sec]", int(be16(body[10:])))
		t.addr("Designated Router", addr4(body[12:16]))
		t.addr("Backup Designated Router", addr4(body[16:20]))
		for k := 20; k+4 <= len(body); k += 4 {
			t.addr("Active Neighbor", addr4(body[k:k+4]))
		}
	case OSPFDBDesc:
		if len(body) < 12 {
			return
		}
		t.line()
		t.b = append(t.b, "OSPF DB Description"...)
		t.end()
		t.depth = 2
		t.line()
		t.b = append(t.b, "Reserved: "...)
		t.b = appendHexBytes(t.b, body[0:1])
		t.end()
		treeOSPFv3Options(t, be32(body)&0xffffff)
		t.int("Interface MTU", int(be16(body[4:])))
		t.line()
		t.b = append(t.b, "Reserved: "...)
		t.b = appendHexBytes(t.b, body[6:7])
		t.end()
		treeOSPFFlags(t, "DB Description", uint64(body[7]), 8, ospfDBDBits[:])
		t.int("DD Sequence", int(be32(body[8:])))
		for k := 12; k+ospfLSAHeaderLen <= len(body); k += ospfLSAHeaderLen {
			treeOSPFv3LSAHeader(t, 1, body[k:k+ospfLSAHeaderLen])
		}
	case OSPFLSReq:
		for k := 0; k+12 <= len(body); k += 12 {
			t.depth = 1
			t.line()
			t.b = append(t.b, "Link State Request"...)
			t.end()
			t.depth = 2
			t.line()
			t.b = append(t.b, "Reserved: "...)
			t.b = appendHexBytes(t.b, body[k:k+2])
			t.end()
			treeOSPFv3LSType(t, be16(body[k+2:]))
			t.addr("Link State ID", addr4(body[k+4:k+8]))
			t.addr("Advertising Router", addr4(body[k+8:k+12]))
		}
	case OSPFLSUpdate:
		if len(body) < 4 {
			return
		}
		t.line()
		t.b = append(t.b, "LS Update Packet"...)
		t.end()
		t.depth = 2
		n := be32(body)
		t.int("Number of LSAs", int(n))
		for k, c := 4, uint32(0); c < n && k+ospfLSAHeaderLen <= len(body); c++ {
			ln := int(be16(body[k+18:]))
			if ln < ospfLSAHeaderLen || k+ln > len(body) {
				break
			}
			treeOSPFv3LSAHeader(t, 2, body[k:k+ospfLSAHeaderLen])
			if a := body[k+ospfLSAHeaderLen : k+ln]; be16(body[k+2:])&0x1fff == 1 && len(a) >= 4 {
				treeOSPFFlags(t, "Flags", uint64(a[0]), 8, ospfV3RouterFlagBits[:])
				treeOSPFv3Options(t, be32(a)&0xffffff)
			}
			k += ln
		}
	case OSPFLSAck:
		for k := 0; k+ospfLSAHeaderLen <= len(body); k += ospfLSAHeaderLen {
			treeOSPFv3LSAHeader(t, 1, body[k:k+ospfLSAHeaderLen])
		}
	}
}

var ospfGraceReasons = [4]string{"Unknown", "Software Restart", "Software Reload/Upgrade", "Processor Switchover"}

// treeOSPFGrace writes a grace-LSA's TLVs (RFC 3623).
func treeOSPFGrace(t *treeWriter, b []byte) {
	d := t.depth
	for k := 0; k+4 <= len(b); {
		typ, n := be16(b[k:]), int(be16(b[k+2:]))
		v := b[k+4:]
		pad := (4 - n%4) % 4
		if 4+n+pad > len(b)-k {
			return
		}
		v = v[:n]
		var title, tlv string
		switch {
		case typ == 1 && n == 4:
			title, tlv = "Grace Period", "grace-LSA Grace Period (1)"
		case typ == 2 && n == 1:
			title, tlv = "Restart Reason", "grace-LSA Restart Reason (2)"
		case typ == 3 && n == 4:
			title, tlv = "Restart IP", "grace-LSA Restart IP (3)"
		default:
			return
		}
		for pass := 0; pass < 2; pass++ {
			t.depth = d + pass
			if pass == 1 {
				t.str("TLV Type", tlv)
				t.int("TLV Length", n)
			}
			t.line()
			t.b = append(t.b, title...)
			t.b = append(t.b, ": "...)
			switch typ {
			case 1:
				t.b = strconv.AppendUint(t.b, uint64(be32(v)), 10)
				t.b = append(t.b, " seconds"...)
			case 2:
				if v[0] < 4 {
					t.b = append(t.b, ospfGraceReasons[v[0]]...)
				} else {
					t.b = append(t.b, "Unknown"...)
				}
				t.b = append(t.b, " ("...)
				t.b = strconv.AppendUint(t.b, uint64(v[0]), 10)
				t.b = append(t.b, ')')
			case 3:
				t.b = addr4(v).AppendTo(t.b)
			}
			t.end()
		}
		if pad > 0 {
			t.line()
			t.b = append(t.b, "Pad Bytes: "...)
			t.b = appendHexBytes(t.b, b[k+4+n:k+4+n+pad])
			t.end()
		}
		t.depth = d
		k += 4 + n + pad
	}
}
