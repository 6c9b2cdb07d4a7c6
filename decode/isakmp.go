package decode

import (
	"bytes"
	"net/netip"
	"strconv"
)

// ISAKMP is an ISAKMP message (RFC 2408; IKEv1, RFC 2409; IKEv2, RFC
// 7296), on UDP port 500 or behind the non-ESP marker of UDP port 4500: a
// 28-byte header and a chain of payloads, each naming the next.
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                 Initiator SPI (8 bytes)                       |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                 Responder SPI (8 bytes)                       |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|  Next Payload | MjVer | MnVer | Exchange Type |     Flags     |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                          Message ID                           |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                            Length                             |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Every payload starts with a generic header: the next payload's type, a
// reserved byte (IKEv2: the critical bit and 7 reserved bits) and the
// payload's length, header included.
type ISAKMP []byte

const (
	isakmpPort      = 500
	isakmpHeaderLen = 28
)

// The payload types rawcap lays out (IKEv1 below 33, IKEv2 from 33).
const (
	ikePayloadNone        = 0
	ikePayloadSA          = 1
	ikePayloadProposal    = 2
	ikePayloadTransform   = 3
	ikePayloadKE          = 4
	ikePayloadID          = 5
	ikePayloadHash        = 8
	ikePayloadNonce       = 10
	ikePayloadVendorID    = 13
	ikePayloadNATD        = 20
	ike2PayloadSA         = 33
	ike2PayloadKE         = 34
	ike2PayloadNonce      = 40
	ike2PayloadNotify     = 41
	ike2PayloadVendorID   = 43
	ike2PayloadEncrypted  = 46
	isakmpMaxPayloadDepth = 3 // SA, proposal, transform
)

// ParseISAKMP returns the ISAKMP message at the start of b, whose length
// must be b's. A message of another version than 1 or 2, or holding a
// payload rawcap does not lay out yet (an identification, a certificate,
// a transform of another protocol than IKE's, a notification whose data
// tshark dissects further, a vendor ID rawcap cannot name), is
// ReasonUnsupported: it stays data.
func ParseISAKMP(b []byte) (ISAKMP, error) {
	if len(b) < isakmpHeaderLen {
		return nil, ReasonTruncated
	}
	n := be32(b[24:])
	if n != uint32(len(b)) {
		return nil, ReasonBadLength
	}
	m := ISAKMP(b[:n:n])
	switch m.Major() {
	case 1:
		if m.Flags()&1 != 0 {
			return m, nil // encrypted: the payloads are not readable
		}
	case 2:
	default:
		return nil, ReasonUnsupported
	}
	if !ikeChainValid(m[isakmpHeaderLen:], m[16], m.Major() == 2) {
		return nil, ReasonUnsupported
	}
	return m, nil
}

// Major returns the major version (1: IKEv1, 2: IKEv2).
func (m ISAKMP) Major() uint8 { return m[17] >> 4 }

// Flags returns the flags byte.
func (m ISAKMP) Flags() uint8 { return m[19] }

// ExchangeType returns the exchange type.
func (m ISAKMP) ExchangeType() uint8 { return m[18] }

// ikeChainValid reports whether b holds exactly a chain of payloads that
// rawcap lays out, the first of type np.
func ikeChainValid(b []byte, np uint8, v2 bool) bool {
	for np != ikePayloadNone {
		if len(b) < 4 {
			return false
		}
		n := int(be16(b[2:]))
		if n < 4 || n > len(b) {
			return false
		}
		if !ikePayloadValid(np, b[4:n], v2) {
			return false
		}
		if v2 && np == ike2PayloadEncrypted {
			// Its next payload is the first of the encrypted ones.
			return n == len(b)
		}
		np, b = b[0], b[n:]
	}
	return len(b) == 0
}

// ikePayloadValid reports whether body, the body of a payload of type t,
// is one rawcap lays out.
func ikePayloadValid(t uint8, body []byte, v2 bool) bool {
	switch {
	case t == ikePayloadSA && !v2:
		return len(body) >= 8 && be32(body) == 1 && ikeChainValid(body[8:], ikePayloadProposal, v2)
	case t == ike2PayloadSA && v2:
		return ikeChainValid(body, ikePayloadProposal, v2)
	case t == ikePayloadProposal:
		if len(body) < 4 || len(body) < 4+int(body[2]) {
			return false
		}
		if !v2 && body[1] != 1 {
			return false // only ISAKMP's transforms (KEY_IKE) are named
		}
		if body[3] == 0 {
			return len(body) == 4+int(body[2])
		}
		return ikeChainValid(body[4+int(body[2]):], ikePayloadTransform, v2)
	case t == ikePayloadTransform && !v2:
		if len(body) < 4 || body[1] != 1 {
			return false
		}
		for a := body[4:]; len(a) > 0; a = a[4:] {
			if len(a) < 4 || a[0]&0x80 == 0 || ikeAttrName(be16(a)&0x7fff) == "" {
				return false
			}
		}
		return true
	case t == ikePayloadTransform && v2:
		if len(body) < 4 || body[0] < 1 || body[0] > 4 {
			return false
		}
		for a := body[4:]; len(a) > 0; a = a[4:] {
			if len(a) < 4 || be16(a) != 0x800e {
				return false // only the key length (TV) is laid out
			}
		}
		return true
	case t == ikePayloadID && !v2:
		// An IPv4 address, a domain name or a user's.
		return len(body) >= 4 && (body[0] == 1 && len(body) == 8 || body[0] == 2 || body[0] == 3)
	case t == ikePayloadKE && !v2, t == ikePayloadNonce && !v2, t == ikePayloadHash && !v2,
		t == ikePayloadNATD && !v2, t == ike2PayloadNonce && v2:
		return true
	case t == ike2PayloadKE && v2:
		return len(body) >= 4
	case t == ike2PayloadNotify && v2:
		if len(body) < 4 || len(body) < 4+int(body[1]) {
			return false
		}
		switch be16(body[2:]) {
		case 16388, 16389, 16390:
			return true
		}
		return false
	case t == ikePayloadVendorID && !v2, t == ike2PayloadVendorID && v2:
		return ikeVendorName(body) != ""
	case t == ike2PayloadEncrypted && v2:
		return len(body) >= 4
	}
	return false
}

func (d *Decoder) decodeISAKMP(l *Layer) LayerType {
	b := d.bytes(l)
	m, err := ParseISAKMP(b)
	if err == ReasonBadLength && len(b) >= isakmpHeaderLen && be32(b[24:]) > 0x7fffffff {
		// A length too large for tshark's signed int: it reads the
		// header, calls the length bogus and reads no more. (A
		// smaller length past the datagram makes it throw, after the
		// message ID or the length: rawcap leaves that message as
		// data.)
		l.Payload = l.End
		return LayerNone
	}
	if err != nil {
		return l.asData()
	}
	l.Payload = l.Start + len(m)
	return LayerNone
}

// udpEncapPort is UDP port 4500 (RFC 3948): NAT keepalives, IKE behind a
// non-ESP marker, and ESP.
const udpEncapPort = 4500

func (d *Decoder) decodeUDPEncap(l *Layer) LayerType {
	b := d.bytes(l)
	switch {
	case len(b) == 1 && b[0] == 0xff:
		l.Payload = l.End
		return LayerNone
	case len(b) >= 4 && be32(b) == 0:
		l.Payload = l.Start + 4
		return LayerISAKMP
	case len(b) < 4:
		// Too short for a marker or ESP's SPI: tshark marks it.
		l.Payload = l.Start
		l.Malformed = ReasonTruncated
		return LayerNone
	}
	l.Payload = l.Start
	return LayerESP
}

// The fields, as Wireshark registers them.
const (
	isakmpISPI = iota
	isakmpRSPI
	isakmpNextPayload
	isakmpVersion
	isakmpMjVer
	isakmpMnVer
	isakmpExchangeType
	isakmpFlags
	isakmpFlagE
	isakmpFlagC
	isakmpFlagA
	isakmpFlagI
	isakmpFlagV
	isakmpFlagR
	isakmpMessageID
	isakmpLength
	isakmpTypePayload
	isakmpCritical
	isakmpReserved7
	isakmpReserved
	isakmpPayloadLength
	isakmpSADOI
	isakmpSASituation
	isakmpSAIdentityOnly
	isakmpSASecrecy
	isakmpSAIntegrity
	isakmpPropNumber
	isakmpPropProtoID
	isakmpPropProtoID2
	isakmpSPISize
	isakmpSPI
	isakmpPropTransforms
	isakmpTransNumber
	isakmpTransID
	isakmpIKEAttr
	isakmpIKEAttrFormat
	isakmpIKEAttrType
	isakmpIKEAttrValue
	isakmpIKEAttrEncryption
	isakmpIKEAttrHash
	isakmpIKEAttrAuth
	isakmpIKEAttrGroupDesc
	isakmpIKEAttrGroupType
	isakmpIKEAttrLifeType
	isakmpIKEAttrLifeDuration
	isakmpIKEAttrKeyLength
	isakmpTFType
	isakmpTFIDEncr
	isakmpTFIDPRF
	isakmpTFIDInteg
	isakmpTFIDDH
	isakmpIKE2Attr
	isakmpIKE2AttrFormat
	isakmpIKE2AttrType
	isakmpIKE2AttrValue
	isakmpIKE2AttrKeyLength
	isakmpIDType
	isakmpIDProtoID
	isakmpIDPort
	isakmpIDData
	isakmpIDIPv4
	isakmpIDFQDN
	isakmpIDUserFQDN
	isakmpKEDHGroup
	isakmpKEData
	isakmpNonce
	isakmpHash
	isakmpNATHash
	isakmpNotifyProtoID
	isakmpNotifyMsgType
	isakmpNotifyData
	isakmpVIDBytes
	isakmpVIDString
	isakmpEncIV
	isakmpEncData
	isakmpFieldCount
)

// ikev2ProtoIDs are IKEv2's protocol IDs (IKEv1's are in wsvalues.go).
var ikev2ProtoIDs = &ValueNames{Values: []ValueName{
	{0, "RESERVED"}, {1, "IKE"}, {2, "AH"}, {3, "ESP"}, {4, "FC_ESP_HEADER"}, {5, "FC_CT_AUTHENTICATION"},
}}

var isakmpFields = [isakmpFieldCount]Field{
	isakmpISPI:                {Name: "isakmp.ispi", Label: "Initiator SPI", Kind: KindBytes},
	isakmpRSPI:                {Name: "isakmp.rspi", Label: "Responder SPI", Kind: KindBytes},
	isakmpNextPayload:         {Name: "isakmp.nextpayload", Label: "Next payload", Kind: KindUint, Width: 8},
	isakmpVersion:             {Name: "isakmp.version", Label: "Version", Kind: KindUint, Width: 8, Base: BaseHex},
	isakmpMjVer:               {Name: "isakmp.mjver", Label: "MjVer", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xf0},
	isakmpMnVer:               {Name: "isakmp.mnver", Label: "MnVer", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x0f},
	isakmpExchangeType:        {Name: "isakmp.exchangetype", Label: "Exchange type", Kind: KindUint, Width: 8},
	isakmpFlags:               {Name: "isakmp.flags", Label: "Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	isakmpFlagE:               {Name: "isakmp.flag_e", Label: "Encryption", Kind: KindBool, Width: 8, Mask: 0x01},
	isakmpFlagC:               {Name: "isakmp.flag_c", Label: "Commit", Kind: KindBool, Width: 8, Mask: 0x02},
	isakmpFlagA:               {Name: "isakmp.flag_a", Label: "Authentication", Kind: KindBool, Width: 8, Mask: 0x04},
	isakmpFlagI:               {Name: "isakmp.flag_i", Label: "Initiator", Kind: KindBool, Width: 8, Mask: 0x08},
	isakmpFlagV:               {Name: "isakmp.flag_v", Label: "Version", Kind: KindBool, Width: 8, Mask: 0x10},
	isakmpFlagR:               {Name: "isakmp.flag_r", Label: "Response", Kind: KindBool, Width: 8, Mask: 0x20},
	isakmpMessageID:           {Name: "isakmp.messageid", Label: "Message ID", Kind: KindUint, Width: 32, Base: BaseHex},
	isakmpLength:              {Name: "isakmp.length", Label: "Length", Kind: KindUint, Width: 32},
	isakmpTypePayload:         {Name: "isakmp.typepayload", Label: "Payload", Kind: KindUint, Width: 8},
	isakmpCritical:            {Name: "isakmp.criticalpayload", Label: "Critical Bit", Kind: KindBool, Width: 8, Mask: 0x80},
	isakmpReserved7:           {Name: "isakmp.reserved7", Label: "Reserved", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x7f},
	isakmpReserved:            {Name: "isakmp.reserved", Label: "Reserved", Kind: KindBytes},
	isakmpPayloadLength:       {Name: "isakmp.payloadlength", Label: "Payload length", Kind: KindUint, Width: 16},
	isakmpSADOI:               {Name: "isakmp.sa.doi", Label: "Domain of interpretation", Kind: KindUint, Width: 32},
	isakmpSASituation:         {Name: "isakmp.sa.situation", Label: "Situation", Kind: KindBytes},
	isakmpSAIdentityOnly:      {Name: "isakmp.sa.situation.identity_only", Label: "Identity Only", Kind: KindBool, Width: 32, Mask: 0x1},
	isakmpSASecrecy:           {Name: "isakmp.sa.situation.secrecy", Label: "Secrecy", Kind: KindBool, Width: 32, Mask: 0x2},
	isakmpSAIntegrity:         {Name: "isakmp.sa.situation.integrity", Label: "Integrity", Kind: KindBool, Width: 32, Mask: 0x4},
	isakmpPropNumber:          {Name: "isakmp.prop.number", Label: "Proposal number", Kind: KindUint, Width: 8},
	isakmpPropProtoID:         {Name: "isakmp.prop.protoid", Label: "Protocol ID", Kind: KindUint, Width: 32},
	isakmpPropProtoID2:        {Name: "isakmp.prop.protoid", Label: "Protocol ID", Kind: KindUint, Width: 32, Values: ikev2ProtoIDs},
	isakmpSPISize:             {Name: "isakmp.spisize", Label: "SPI Size", Kind: KindUint, Width: 8},
	isakmpSPI:                 {Name: "isakmp.spi", Label: "SPI", Kind: KindBytes},
	isakmpPropTransforms:      {Name: "isakmp.prop.transforms", Label: "Proposal transforms", Kind: KindUint, Width: 8},
	isakmpTransNumber:         {Name: "isakmp.trans.number", Label: "Transform number", Kind: KindUint, Width: 8},
	isakmpTransID:             {Name: "isakmp.trans.id", Label: "Transform ID", Kind: KindUint, Width: 8},
	isakmpIKEAttr:             {Name: "isakmp.ike.attr", Label: "IKE Attribute", Kind: KindNone},
	isakmpIKEAttrFormat:       {Name: "isakmp.ike.attr.format", Label: "Format", Kind: KindBool, Width: 16, Mask: 0x8000},
	isakmpIKEAttrType:         {Name: "isakmp.ike.attr.type", Label: "Type", Kind: KindUint, Width: 16},
	isakmpIKEAttrValue:        {Name: "isakmp.ike.attr.value", Label: "Value", Kind: KindBytes},
	isakmpIKEAttrEncryption:   {Name: "isakmp.ike.attr.encryption_algorithm", Label: "Encryption Algorithm", Kind: KindUint, Width: 16},
	isakmpIKEAttrHash:         {Name: "isakmp.ike.attr.hash_algorithm", Label: "HASH Algorithm", Kind: KindUint, Width: 16},
	isakmpIKEAttrAuth:         {Name: "isakmp.ike.attr.authentication_method", Label: "Authentication Method", Kind: KindUint, Width: 16},
	isakmpIKEAttrGroupDesc:    {Name: "isakmp.ike.attr.group_description", Label: "Group Description", Kind: KindUint, Width: 16},
	isakmpIKEAttrGroupType:    {Name: "isakmp.ike.attr.group_type", Label: "Group Type", Kind: KindUint, Width: 16},
	isakmpIKEAttrLifeType:     {Name: "isakmp.ike.attr.life_type", Label: "Life Type", Kind: KindUint, Width: 16},
	isakmpIKEAttrLifeDuration: {Name: "isakmp.ike.attr.life_duration", Label: "Life Duration", Kind: KindUint, Width: 32},
	isakmpIKEAttrKeyLength:    {Name: "isakmp.ike.attr.key_length", Label: "Key Length", Kind: KindUint, Width: 16},
	isakmpTFType:              {Name: "isakmp.tf.type", Label: "Transform Type", Kind: KindUint, Width: 8},
	isakmpTFIDEncr:            {Name: "isakmp.tf.id.encr", Label: "Transform ID (ENCR)", Kind: KindUint, Width: 16},
	isakmpTFIDPRF:             {Name: "isakmp.tf.id.prf", Label: "Transform ID (PRF)", Kind: KindUint, Width: 16},
	isakmpTFIDInteg:           {Name: "isakmp.tf.id.integ", Label: "Transform ID (INTEG)", Kind: KindUint, Width: 16},
	isakmpTFIDDH:              {Name: "isakmp.tf.id.dh", Label: "Transform ID (D-H)", Kind: KindUint, Width: 16},
	isakmpIKE2Attr:            {Name: "isakmp.ike2.attr", Label: "Transform Attribute", Kind: KindNone},
	isakmpIKE2AttrFormat:      {Name: "isakmp.ike2.attr.format", Label: "Format", Kind: KindBool, Width: 16, Mask: 0x8000},
	isakmpIKE2AttrType:        {Name: "isakmp.ike2.attr.type", Label: "Type", Kind: KindUint, Width: 16},
	isakmpIKE2AttrValue:       {Name: "isakmp.ike2.attr.value", Label: "Value", Kind: KindBytes},
	isakmpIKE2AttrKeyLength:   {Name: "isakmp.ike2.attr.key_length", Label: "Key Length", Kind: KindUint, Width: 16},
	isakmpIDType:              {Name: "isakmp.id.type", Label: "ID type", Kind: KindUint, Width: 8},
	isakmpIDProtoID:           {Name: "isakmp.id.protoid", Label: "Protocol ID", Kind: KindUint, Width: 8},
	isakmpIDPort:              {Name: "isakmp.id.port", Label: "Port", Kind: KindUint, Width: 16},
	isakmpIDData:              {Name: "isakmp.id.data", Label: "Identification Data:", Kind: KindNone},
	isakmpIDIPv4:              {Name: "isakmp.id.data.ipv4_addr", Label: "ID_IPV4_ADDR", Kind: KindIPv4},
	isakmpIDFQDN:              {Name: "isakmp.id.data.fqdn", Label: "ID_FQDN", Kind: KindString},
	isakmpIDUserFQDN:          {Name: "isakmp.id.data.user_fqdn", Label: "ID_FQDN", Kind: KindString},
	isakmpKEDHGroup:           {Name: "isakmp.key_exchange.dh_group", Label: "DH Group #", Kind: KindUint, Width: 16},
	isakmpKEData:              {Name: "isakmp.key_exchange.data", Label: "Key Exchange Data", Kind: KindBytes},
	isakmpNonce:               {Name: "isakmp.nonce", Label: "Nonce DATA", Kind: KindBytes},
	isakmpHash:                {Name: "isakmp.hash", Label: "Hash DATA", Kind: KindBytes},
	isakmpNATHash:             {Name: "isakmp.ike.nat_hash", Label: "HASH of the address and port", Kind: KindBytes},
	isakmpNotifyProtoID:       {Name: "isakmp.notify.protoid", Label: "Protocol ID", Kind: KindUint, Width: 32, Values: ikev2ProtoIDs},
	isakmpNotifyMsgType:       {Name: "isakmp.notify.msgtype", Label: "Notify Message Type", Kind: KindUint, Width: 16},
	isakmpNotifyData:          {Name: "isakmp.notify.data", Label: "Notification DATA", Kind: KindBytes},
	isakmpVIDBytes:            {Name: "isakmp.vid_bytes", Label: "Vendor ID", Kind: KindBytes},
	isakmpVIDString:           {Name: "isakmp.vid_string", Label: "Vendor ID", Kind: KindString},
	isakmpEncIV:               {Name: "isakmp.enc.iv", Label: "Initialization Vector", Kind: KindBytes},
	isakmpEncData:             {Name: "isakmp.enc.data", Label: "Encrypted Data", Kind: KindNone},
}

// protoISAKMP: -T ek lists the values of a name by the item they hang under
// (a proposal's payloads after the message's), as tshark does.
var protoISAKMP = Field{Name: "isakmp", Label: "Internet Security Association and Key Management Protocol", Kind: KindProtocol, EKByTreeParent: true}

// udpEncapFields are UDP port 4500's two markers.
var udpEncapFields = [2]Field{
	{Name: "udpencap.nat_keepalive", Label: "NAT-keepalive packet", Kind: KindNone},
	{Name: "udpencap.non_esp_marker", Label: "Non-ESP Marker", Kind: KindNone},
}

var protoUDPEncap = protoField("udpencap", "UDP Encapsulation of IPsec Packets")

func emitUDPEncap(e *emitter, i int) {
	l := &e.d.layers[i]
	e.Proto(&protoUDPEncap)
	if l.Payload-l.Start == 4 {
		e.None(&udpEncapFields[1])
	} else if l.Payload > l.Start {
		e.None(&udpEncapFields[0])
	}
	e.End()
	if l.Malformed != "" {
		e.TreeException("UDPENCAP")
	}
}

// ikeRange is one of tshark's range strings: the values lo to hi have
// name.
type ikeRange struct {
	lo, hi uint32
	name   string
}

func ikeRangeName(rs []ikeRange, v uint32) string {
	for _, r := range rs {
		if v >= r.lo && v <= r.hi {
			return r.name
		}
	}
	return ""
}

// ikePayloadNames names the payload types (isakmp.nextpayload's and
// isakmp.typepayload's range strings).
var ikePayloadNames = []ikeRange{
	{0, 0, "NONE / No Next Payload "}, {1, 1, "Security Association"}, {2, 2, "Proposal"}, {3, 3, "Transform"},
	{4, 4, "Key Exchange"}, {5, 5, "Identification"}, {6, 6, "Certificate"}, {7, 7, "Certificate Request"},
	{8, 8, "Hash"}, {9, 9, "Signature"}, {10, 10, "Nonce"}, {11, 11, "Notification"}, {12, 12, "Delete"},
	{13, 13, "Vendor ID"}, {14, 14, "Attributes"}, {15, 15, "SA KEK Payload"}, {16, 16, "SA TEK Payload"},
	{17, 17, "Key Download"}, {18, 18, "Sequence Number"}, {19, 19, "Proof of Possession"},
	{20, 20, "NAT-D (RFC 3947)"}, {21, 21, "NAT-OA (RFC 3947)"}, {22, 22, "Group Associated Policy"},
	{33, 33, "Security Association"}, {34, 34, "Key Exchange"}, {35, 35, "Identification - Initiator"},
	{36, 36, "Identification - Responder"}, {37, 37, "Certificate"}, {38, 38, "Certificate Request"},
	{39, 39, "Authentication"}, {40, 40, "Nonce"}, {41, 41, "Notify"}, {42, 42, "Delete"}, {43, 43, "Vendor ID"},
	{44, 44, "Traffic Selector - Initiator"}, {45, 45, "Traffic Selector - Responder"},
	{46, 46, "Encrypted and Authenticated"}, {47, 47, "Configuration"}, {48, 48, "Extensible Authentication"},
	{49, 49, "Generic Secure Password Method"}, {50, 50, "Group Identification"},
	{51, 51, "Group Security Association"}, {52, 52, "Key Download"},
	{53, 53, "Encrypted and Authenticated Fragment"}, {54, 127, "Unassigned"}, {128, 129, "Private Use"},
	{130, 130, "NAT-D (draft-ietf-ipsec-nat-t-ike-01 to 03)"}, {131, 131, "NAT-OA (draft-ietf-ipsec-nat-t-ike-01 to 03)"},
	{132, 132, "Cisco-Fragmentation"}, {133, 256, "Private Use"},
}

// ikeTransformTypes names IKEv2's transform types.
var ikeTransformTypes = []ikeRange{
	{0, 0, "RESERVED"}, {1, 1, "Encryption Algorithm (ENCR)"}, {2, 2, "Pseudo-random Function (PRF)"},
	{3, 3, "Integrity Algorithm (INTEG)"}, {4, 4, "Diffie-Hellman Group (D-H)"},
	{5, 5, "Extended Sequence Numbers (ESN)"}, {6, 240, "Reserved to IANA"}, {241, 255, "Private Use"},
}

// ikeNotifyTypes names the IKEv2 notify message types rawcap lays out.
var ikeNotifyTypes = []ikeRange{
	{16388, 16388, "NAT_DETECTION_SOURCE_IP"}, {16389, 16389, "NAT_DETECTION_DESTINATION_IP"}, {16390, 16390, "COOKIE"},
}

// ikeAttrName returns the name of IKEv1 attribute type t that rawcap lays
// out, or "".
func ikeAttrName(t uint16) string {
	switch t {
	case 1:
		return "Encryption-Algorithm"
	case 2:
		return "Hash-Algorithm"
	case 3:
		return "Authentication-Method"
	case 4:
		return "Group-Description"
	case 5:
		return "Group-Type"
	case 11:
		return "Life-Type"
	case 12:
		return "Life-Duration"
	case 14:
		return "Key-Length"
	}
	return ""
}

// ikeAttrField returns the field of IKEv1 attribute type t's value.
func ikeAttrField(t uint16) *Field {
	f := &isakmpFields
	switch t {
	case 1:
		return &f[isakmpIKEAttrEncryption]
	case 2:
		return &f[isakmpIKEAttrHash]
	case 3:
		return &f[isakmpIKEAttrAuth]
	case 4:
		return &f[isakmpIKEAttrGroupDesc]
	case 5:
		return &f[isakmpIKEAttrGroupType]
	case 11:
		return &f[isakmpIKEAttrLifeType]
	case 12:
		return &f[isakmpIKEAttrLifeDuration]
	}
	return &f[isakmpIKEAttrKeyLength]
}

// ikeVendorIDs are the vendor IDs rawcap names, as tshark does.
var ikeVendorIDs = []struct {
	id   string
	name string
}{
	{"\xaf\xca\xd7\x13\x68\xa1\xf1\xc9\x6b\x86\x96\xfc\x77\x57\x01\x00", "RFC 3706 DPD (Dead Peer Detection)"},
	{"\x4a\x13\x1c\x81\x07\x03\x58\x45\x5c\x57\x28\xf2\x0e\x95\x45\x2f", "RFC 3947 Negotiation of NAT-Traversal in the IKE"},
	{"\x44\x85\x15\x2d\x18\xb6\xbb\xcd\x0b\xe8\xa8\x46\x95\x79\xdd\xcc", "draft-ietf-ipsec-nat-t-ike-00"},
	{"\xcd\x60\x46\x43\x35\xdf\x21\xf8\x7c\xfd\xb2\xfc\x68\xb6\xa4\x48", "draft-ietf-ipsec-nat-t-ike-02"},
	{"\x7d\x94\x19\xa6\x53\x10\xca\x6f\x2c\x17\x9d\x92\x15\x52\x9d\x56", "draft-ietf-ipsec-nat-t-ike-03"},
	{"OEkRbGXRvmPE", "Unknown Vendor ID"}, // Libreswan's, which tshark 4.0 does not know
}

// ikeVendorName returns tshark's name of vendor ID b, or "" where rawcap
// does not know it.
func ikeVendorName(b []byte) string {
	for _, v := range ikeVendorIDs {
		if string(b) == v.id {
			return v.name
		}
	}
	return ""
}

// emitRanged emits v as f's value, its tree line naming it from rs
// ("Label: Name (v)").
func (e *emitter) emitRanged(f *Field, v uint32, rs []ikeRange) {
	e.Uint(f, uint64(v))
	if e.Tree() {
		b := append(e.Text(), f.Label...)
		b = append(b, ": "...)
		b = append(b, ikeRangeName(rs, v)...)
		b = append(b, " ("...)
		b = strconv.AppendUint(b, uint64(v), 10)
		e.SetRepr(append(b, ')'))
	}
}

// emitISAKMP emits the header's fields and the payloads', in the order
// and nesting of tshark's tree, which is drawn from them (treefields.go).
func emitISAKMP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	m := ISAKMP(d.data[l.Start:l.Payload])
	f := &isakmpFields
	v2 := m.Major() == 2
	e.Proto(&protoISAKMP)
	e.Bytes(&f[isakmpISPI], m[0:8])
	e.Bytes(&f[isakmpRSPI], m[8:16])
	e.emitRanged(&f[isakmpNextPayload], uint32(m[16]), ikePayloadNames)
	e.Uint(&f[isakmpVersion], uint64(m[17]))
	if e.Tree() {
		b := append(e.Text(), "Version: "...)
		b = strconv.AppendUint(b, uint64(m[17]>>4), 10)
		b = append(b, '.')
		e.SetRepr(strconv.AppendUint(b, uint64(m[17]&0x0f), 10))
	}
	e.Sub()
	e.UintBits(&f[isakmpMjVer], uint64(m[17]))
	e.UintBits(&f[isakmpMnVer], uint64(m[17]))
	e.Up()
	e.Uint(&f[isakmpExchangeType], uint64(m[18]))
	fl := uint64(m[19])
	e.Uint(&f[isakmpFlags], fl)
	if v2 {
		if e.Tree() {
			b := append(e.Text(), "Flags: 0x"...)
			b = appendHex2(b, m[19])
			b = append(b, " ("...)
			for k := isakmpFlagI; k <= isakmpFlagR; k++ {
				if k > isakmpFlagI {
					b = append(b, ", "...)
				}
				yes, no, _ := f[k].BoolNames()
				if fl&f[k].Mask != 0 {
					b = append(b, yes...)
				} else {
					b = append(b, no...)
				}
			}
			e.SetRepr(append(b, ')'))
		}
		e.Sub()
		for k := isakmpFlagI; k <= isakmpFlagR; k++ {
			e.BoolBits(&f[k], fl)
		}
	} else {
		e.Sub()
		for k := isakmpFlagE; k <= isakmpFlagA; k++ {
			e.BoolBits(&f[k], fl)
		}
	}
	e.Up()
	e.Uint(&f[isakmpMessageID], uint64(be32(m[20:])))
	n := be32(m[24:])
	e.Uint(&f[isakmpLength], uint64(n))
	if n != uint32(len(m)) {
		// A length too large for tshark (decodeISAKMP).
		if e.Tree() {
			b := append(e.Text(), "Length: (bogus, length is "...)
			b = strconv.AppendUint(b, uint64(n), 10)
			e.SetRepr(append(b, ", which is too large)"...))
		}
		e.End()
		return
	}
	if !v2 && m.Flags()&1 != 0 {
		e.None(&f[isakmpEncData])
		if e.Tree() {
			b := append(e.Text(), "Encrypted Data ("...)
			b = strconv.AppendUint(b, uint64(len(m)-isakmpHeaderLen), 10)
			e.SetRepr(append(b, " bytes)"...))
		}
	} else {
		emitIKEChain(e, m[isakmpHeaderLen:], m[16], v2)
	}
	e.End()
}

// emitIKEChain emits the chain of payloads in b, the first of type np,
// which ParseISAKMP found whole.
func emitIKEChain(e *emitter, b []byte, np uint8, v2 bool) {
	f := &isakmpFields
	for np != ikePayloadNone && len(b) >= 4 {
		t := np
		n := int(be16(b[2:]))
		p, body := b[:n], b[4:n]
		np, b = p[0], b[n:]
		if v2 && t == ike2PayloadEncrypted {
			np = ikePayloadNone // the payloads after it are encrypted
		}
		e.Uint(&f[isakmpTypePayload], uint64(t))
		if e.Tree() {
			e.SetRepr(appendIKEPayloadTitle(e.Text(), t, body, v2))
		}
		e.Sub()
		e.emitRanged(&f[isakmpNextPayload], uint32(p[0]), ikePayloadNames)
		if v2 && t != ikePayloadProposal && t != ikePayloadTransform {
			e.BoolBits(&f[isakmpCritical], uint64(p[1]))
			e.UintBits(&f[isakmpReserved7], uint64(p[1]))
		} else {
			e.Bytes(&f[isakmpReserved], p[1:2])
		}
		e.Uint(&f[isakmpPayloadLength], uint64(n))
		emitIKEPayloadBody(e, t, body, v2)
		e.Up()
	}
}

// appendIKEPayloadTitle appends a payload's line: "Payload: Proposal (2) #
// 1", "Payload: Notify (41) - COOKIE", "Payload: Vendor ID (13) : RFC 3706
// DPD (Dead Peer Detection)".
func appendIKEPayloadTitle(b []byte, t uint8, body []byte, v2 bool) []byte {
	b = append(b, "Payload: "...)
	b = append(b, ikeRangeName(ikePayloadNames, uint32(t))...)
	b = append(b, " ("...)
	b = strconv.AppendUint(b, uint64(t), 10)
	b = append(b, ')')
	switch {
	case t == ikePayloadProposal, t == ikePayloadTransform && !v2:
		b = append(b, " # "...)
		b = strconv.AppendUint(b, uint64(body[0]), 10)
	case t == ike2PayloadNotify && v2:
		b = append(b, " - "...)
		b = append(b, ikeRangeName(ikeNotifyTypes, uint32(be16(body[2:])))...)
	case t == ikePayloadVendorID && !v2, t == ike2PayloadVendorID && v2:
		b = append(b, " : "...)
		b = append(b, ikeVendorName(body)...)
	}
	return b
}

// emitIKEPayloadBody emits the fields of a payload of type t after its
// generic header.
func emitIKEPayloadBody(e *emitter, t uint8, body []byte, v2 bool) {
	f := &isakmpFields
	switch {
	case t == ikePayloadSA && !v2:
		e.Uint(&f[isakmpSADOI], uint64(be32(body)))
		e.Bytes(&f[isakmpSASituation], body[4:8])
		sit := uint64(be32(body[4:]))
		e.Sub()
		e.BoolBits(&f[isakmpSAIdentityOnly], sit)
		e.BoolBits(&f[isakmpSASecrecy], sit)
		e.BoolBits(&f[isakmpSAIntegrity], sit)
		e.Up()
		emitIKEChain(e, body[8:], ikePayloadProposal, v2)
	case t == ike2PayloadSA:
		emitIKEChain(e, body, ikePayloadProposal, v2)
	case t == ikePayloadProposal:
		e.Uint(&f[isakmpPropNumber], uint64(body[0]))
		if v2 {
			e.Uint(&f[isakmpPropProtoID2], uint64(body[1]))
		} else {
			e.Uint(&f[isakmpPropProtoID], uint64(body[1]))
		}
		e.Uint(&f[isakmpSPISize], uint64(body[2]))
		e.Uint(&f[isakmpPropTransforms], uint64(body[3]))
		spi := body[4 : 4+int(body[2])]
		if len(spi) > 0 {
			e.Bytes(&f[isakmpSPI], spi)
		}
		if body[3] > 0 {
			emitIKEChain(e, body[4+len(spi):], ikePayloadTransform, v2)
		}
	case t == ikePayloadTransform && !v2:
		e.Uint(&f[isakmpTransNumber], uint64(body[0]))
		e.Uint(&f[isakmpTransID], uint64(body[1]))
		if e.Tree() {
			e.SetRepr(append(e.Text(), "Transform ID: KEY_IKE (1)"...))
		}
		e.Bytes(&f[isakmpReserved], body[2:4])
		for a := body[4:]; len(a) >= 4; a = a[4:] {
			emitIKEAttr(e, a[:4])
		}
	case t == ikePayloadTransform:
		e.emitRanged(&f[isakmpTFType], uint32(body[0]), ikeTransformTypes)
		e.Bytes(&f[isakmpReserved], body[1:2])
		e.Uint(&f[isakmpTFIDEncr+int(body[0])-1], uint64(be16(body[2:])))
		for a := body[4:]; len(a) >= 4; a = a[4:] {
			e.None(&f[isakmpIKE2Attr])
			kl := be16(a[2:])
			if e.Tree() {
				b := append(e.Text(), "Transform Attribute (t=14,l=2): Key Length: "...)
				e.SetRepr(strconv.AppendUint(b, uint64(kl), 10))
			}
			e.Sub()
			e.BoolBits(&f[isakmpIKE2AttrFormat], uint64(be16(a)))
			e.Uint(&f[isakmpIKE2AttrType], 14)
			if e.Tree() {
				e.SetRepr(append(e.Text(), "Type: Key Length (14)"...))
			}
			e.Bytes(&f[isakmpIKE2AttrValue], a[2:4])
			e.Uint(&f[isakmpIKE2AttrKeyLength], uint64(kl))
			e.Up()
		}
	case t == ikePayloadID:
		emitIKEID(e, body)
	case t == ikePayloadKE:
		e.Bytes(&f[isakmpKEData], body)
	case t == ike2PayloadKE:
		e.Uint(&f[isakmpKEDHGroup], uint64(be16(body)))
		e.Bytes(&f[isakmpReserved], body[2:4])
		e.Bytes(&f[isakmpKEData], body[4:])
	case t == ikePayloadNonce, t == ike2PayloadNonce:
		e.Bytes(&f[isakmpNonce], body)
	case t == ikePayloadHash:
		e.Bytes(&f[isakmpHash], body)
	case t == ikePayloadNATD:
		e.Bytes(&f[isakmpNATHash], body)
	case t == ike2PayloadNotify:
		e.Uint(&f[isakmpNotifyProtoID], uint64(body[0]))
		e.Uint(&f[isakmpSPISize], uint64(body[1]))
		e.emitRanged(&f[isakmpNotifyMsgType], uint32(be16(body[2:])), ikeNotifyTypes)
		spi := body[4 : 4+int(body[1])]
		if len(spi) > 0 {
			e.Bytes(&f[isakmpSPI], spi)
		}
		if data := body[4+len(spi):]; len(data) > 0 {
			e.Bytes(&f[isakmpNotifyData], data)
		}
	case t == ikePayloadVendorID, t == ike2PayloadVendorID:
		e.Bytes(&f[isakmpVIDBytes], body)
		e.String(&f[isakmpVIDString], ikeVendorName(body))
	case t == ike2PayloadEncrypted:
		e.Bytes(&f[isakmpEncIV], body[:4])
		e.None(&f[isakmpEncData])
	}
}

// ikeIDTypes names IKEv1's identification types.
var ikeIDTypes = []ikeRange{
	{0, 0, "RESERVED"}, {1, 1, "IPV4_ADDR"}, {2, 2, "FQDN"}, {3, 3, "USER_FQDN"}, {4, 4, "IPV4_ADDR_SUBNET"},
	{5, 5, "IPV6_ADDR"}, {6, 6, "IPV6_ADDR_SUBNET"}, {7, 7, "IPV4_ADDR_RANGE"}, {8, 8, "IPV6_ADDR_RANGE"},
	{9, 9, "DER_ASN1_DN"}, {10, 10, "DER_ASN1_GN"}, {11, 11, "KEY_ID"}, {12, 12, "KEY_LIST"},
	{13, 248, "Future use"}, {249, 255, "Private Use"},
}

// emitIKEID emits an IKEv1 identification payload: its type, protocol
// and port ("Unused" when zero), and its data, an IPv4 address or a
// name (up to its first NUL, as tshark shows it).
func emitIKEID(e *emitter, body []byte) {
	f := &isakmpFields
	e.emitRanged(&f[isakmpIDType], uint32(body[0]), ikeIDTypes)
	e.Uint(&f[isakmpIDProtoID], uint64(body[1]))
	if body[1] == 0 && e.Tree() {
		e.SetRepr(append(e.Text(), "Protocol ID: Unused"...))
	}
	port := be16(body[2:])
	e.Uint(&f[isakmpIDPort], uint64(port))
	if port == 0 && e.Tree() {
		e.SetRepr(append(e.Text(), "Port: Unused"...))
	}
	data := body[4:]
	if body[0] != 1 {
		if k := bytes.IndexByte(data, 0); k >= 0 {
			data = data[:k]
		}
	}
	e.None(&f[isakmpIDData])
	if e.Tree() {
		// tshark's line runs the data on after the colon.
		b := append(e.Text(), "Identification Data:"...)
		if body[0] == 1 {
			b = addr4(data).AppendTo(b)
		} else {
			b = append(b, data...)
		}
		e.SetRepr(b)
	}
	e.Sub()
	if body[0] == 1 {
		e.IPv4(&f[isakmpIDIPv4], data)
	} else {
		e.Bytes(&f[isakmpIDFQDN+int(body[0])-2], data)
	}
	e.Up()
}

// emitIKEAttr emits an IKEv1 attribute in the Type/Value form:
// "IKE Attribute (t=11,l=2): Life-Type: Seconds" over its format, type,
// value and the value as its type's field.
func emitIKEAttr(e *emitter, a []byte) {
	f := &isakmpFields
	t := be16(a) & 0x7fff
	v := be16(a[2:])
	vf := ikeAttrField(t)
	e.None(&f[isakmpIKEAttr])
	if e.Tree() {
		b := append(e.Text(), "IKE Attribute (t="...)
		b = strconv.AppendUint(b, uint64(t), 10)
		b = append(b, ",l=2): "...)
		b = append(b, ikeAttrName(t)...)
		b = append(b, ": "...)
		if s := vf.ValueNames().Name(uint64(v)); s != "" {
			b = append(b, s...)
		} else {
			b = strconv.AppendUint(b, uint64(v), 10)
		}
		e.SetRepr(b)
	}
	e.Sub()
	e.BoolBits(&f[isakmpIKEAttrFormat], uint64(be16(a)))
	e.Uint(&f[isakmpIKEAttrType], uint64(t))
	if e.Tree() {
		b := append(e.Text(), "Type: "...)
		b = append(b, ikeAttrName(t)...)
		b = append(b, " ("...)
		b = strconv.AppendUint(b, uint64(t), 10)
		e.SetRepr(append(b, ')'))
	}
	e.Bytes(&f[isakmpIKEAttrValue], a[2:4])
	e.Uint(vf, uint64(v))
	e.Up()
}

// infoISAKMP appends the Info column: a NAT keepalive's "NAT-keepalive";
// IKEv1's exchange type ("Quick
// Mode"); IKEv2's with the message ID and the initiator and response
// flags ("IKE_SA_INIT MID=00 Initiator Request").
func infoISAKMP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	m := ISAKMP(d.data[l.Start:l.Payload])
	if l.Type == LayerUDPEncap {
		switch l.Payload - l.Start {
		case 1:
			return append(b, "NAT-keepalive"...)
		case 4:
			// A message rawcap leaves as data: tshark names it from
			// its header, if whole.
			m = ISAKMP(d.data[l.Payload:l.End])
			if len(m) >= isakmpHeaderLen {
				break
			}
		}
		return b
	}
	b = append(b, isakmpFields[isakmpExchangeType].ValueNames().Name(uint64(m.ExchangeType()))...)
	if m.Major() != 2 {
		return b
	}
	b = append(b, " MID="...)
	id := be32(m[20:])
	if id < 10 {
		b = append(b, '0')
	}
	b = strconv.AppendUint(b, uint64(id), 10)
	if m.Flags()&0x08 != 0 {
		b = append(b, " Initiator"...)
	} else {
		b = append(b, " Responder"...)
	}
	if m.Flags()&0x20 != 0 {
		return append(b, " Response"...)
	}
	return append(b, " Request"...)
}

// isakmpProtoColumn returns the Protocol column of layer l: tshark's
// ISAKMP names a message behind the non-ESP marker even when it cannot
// read it.
func isakmpProtoColumn(l *Layer) string {
	if l.Type == LayerUDPEncap && l.Payload-l.Start != 4 {
		return "UDPENCAP"
	}
	return "ISAKMP"
}

// lineUDPEncap appends tcpdump's line for UDP port 4500's contents and for
// ISAKMP: "UDP-encap: " and ESP's line, "isakmp-nat-keep-alive", the marks
// of contents cut short, "NONESP-encap: " and ISAKMP's line
// (appendISAKMPLine); with -q, UDP's "UDP, length N".
func (p *LinePrinter) lineUDPEncap(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	switch {
	case p.Options.Quiet:
		// UDP's length as its header gives it (a first fragment's too).
		u := &d.layers[i-1]
		return appendUDPLength(b, int(UDP(d.data[u.Start:u.Payload]).Length())-udpLen)
	case l.Type != LayerUDPEncap:
		return p.appendISAKMPLine(b, d, i, d.data[l.Start:l.End], p.ikeUDPLength(d, i))
	case l.Malformed != "":
		return append(b, " [|isakmp_rfc3948]"...)
	case l.Payload-l.Start == 4:
		b = append(b, "NONESP-encap: "...)
		return p.appendISAKMPLine(b, d, i+1, d.data[l.Payload:l.End], p.ikeUDPLength(d, i)-4)
	case l.Payload == l.Start:
		b = append(b, "UDP-encap: "...)
		return p.lineLayer(b, d, i+1)
	}
	return append(b, "isakmp-nat-keep-alive"...)
}

// ikeUDPLength returns the length of the contents of the UDP header before
// layer i, as that header or the IP header gives it (the smaller): tcpdump's
// "ip" length of an ISAKMP message.
func (p *LinePrinter) ikeUDPLength(d *Decoder, i int) int {
	u := &d.layers[i-1]
	return min(int(UDP(d.data[u.Start:u.Payload]).Length()), ipPayloadLen(d, i-1)) - udpLen
}

// ikeInitiators is tcpdump's memory of the IKEv1 exchanges it has seen
// start: the initiator's cookie and the addresses of its first message,
// the oldest replaced first.
type ikeInitiators struct {
	recs [20]struct {
		cookie   [8]byte
		src, dst netip.Addr
	}
	n, next int
}

// side returns " I" when src and dst are those of the initiator of the
// exchange of cookie, " R" when they are swapped, and " ?" otherwise or
// for an exchange not seen start; a first message (no responder cookie)
// of one not seen is the initiator's, and is remembered.
func (s *ikeInitiators) side(cookie []byte, firstMsg bool, src, dst netip.Addr) string {
	for k := 0; k < s.n; k++ {
		r := &s.recs[k]
		if string(r.cookie[:]) != string(cookie) {
			continue
		}
		switch {
		case src == r.src && dst == r.dst:
			return " I"
		case src == r.dst && dst == r.src:
			return " R"
		}
		return " ?"
	}
	if !firstMsg || s.n < len(s.recs) && string(cookie) == "\x00\x00\x00\x00\x00\x00\x00\x00" {
		// tcpdump's table starts as zeros: an all-zero cookie is found
		// in a slot not used yet, with none of the message's addresses.
		return " ?"
	}
	r := &s.recs[s.next]
	copy(r.cookie[:], cookie)
	r.src, r.dst = src, dst
	s.next = (s.next + 1) % len(s.recs)
	if s.n < len(s.recs) {
		s.n++
	}
	return " I"
}

// ikeAddrs returns the addresses of the IP header that carries the ISAKMP
// layer i (through UDP, and UDP port 4500's marker).
func ikeAddrs(d *Decoder, i int) (src, dst netip.Addr) {
	for j := i - 1; j >= 0; j-- {
		l := &d.layers[j]
		switch l.Type {
		case LayerUDP, LayerUDPEncap:
			continue
		case LayerIPv4:
			if l.Payload-l.Start >= 20 {
				h := d.data[l.Start:l.Payload]
				return addr4(h[12:16]), addr4(h[16:20])
			}
		case LayerIPv6:
			if l.Payload-l.Start >= ipv6Len {
				h := d.data[l.Start:l.Payload]
				return addr16(h[8:24]), addr16(h[24:40])
			}
		}
		break
	}
	return netip.Addr{}, netip.Addr{}
}

// ikeSideOf returns tcpdump's " I", " R" or " ?" for the IKEv1 message m
// at layer i, remembering the initiator of an exchange that starts there.
func (p *LinePrinter) ikeSideOf(d *Decoder, i int, m []byte) string {
	src, dst := ikeAddrs(d, i)
	if !src.IsValid() {
		return " ?"
	}
	if p.ikeInitiators == nil {
		p.ikeInitiators = new(ikeInitiators)
	}
	return p.ikeInitiators.side(m[0:8], be64(m[8:]) == 0, src, dst)
}
