package decode

import "strconv"

// EAPOL is an IEEE 802.1X frame (EtherType 0x888e, on Ethernet or after
// 802.11's LLC/SNAP): version, type, body length, then the body. For a
// key frame of the RSN or WPA descriptor the body is:
//
//	| type (1) | key info (2) | key length (2) | replay counter (8) | nonce (32) |
//	| key IV (16) | RSC (8) | ID (8) | MIC (16) | key data length (2) | key data |
type EAPOL []byte

// EtherTypeEAPOL is 802.1X's EtherType.
const EtherTypeEAPOL = 0x888e

// EAPOL types and key descriptor types.
const (
	eapolEAPPacket = 0
	eapolKey       = 3
	eapolKeyRSN    = 2
	eapolKeyWPA    = 254
	// eapolKeyFixed is a WPA or RSN key descriptor's length before its
	// key data.
	eapolKeyFixed = 95
)

// Key information bits.
const (
	eapolKeyPairwise  = 0x0008
	eapolKeyInstall   = 0x0040
	eapolKeyAck       = 0x0080
	eapolKeyMIC       = 0x0100
	eapolKeySecure    = 0x0200
	eapolKeyEncrypted = 0x1000
)

// ParseEAPOL returns the EAPOL header and body at the start of b, the body
// cut to the length the header gives.
func ParseEAPOL(b []byte) (EAPOL, error) {
	if len(b) < 4 {
		return nil, ReasonTruncated
	}
	n := 4 + int(be16(b[2:]))
	if n > len(b) {
		return EAPOL(b[:len(b):len(b)]), ReasonTruncated
	}
	return EAPOL(b[:n:n]), nil
}

// Version returns the 802.1X version.
func (e EAPOL) Version() uint8 { return e[0] }

// Type returns the packet type (3: key).
func (e EAPOL) Type() uint8 { return e[1] }

// Length returns the body length the header gives.
func (e EAPOL) Length() uint16 { return be16(e[2:]) }

// key returns a WPA or RSN key descriptor's body and whether the frame
// holds a whole one (its key data included).
func (e EAPOL) key() ([]byte, bool) {
	if len(e) < 4+eapolKeyFixed || e.Type() != eapolKey {
		return nil, false
	}
	k := e[4:]
	if k[0] != eapolKeyRSN && k[0] != eapolKeyWPA {
		return nil, false
	}
	if eapolKeyFixed+int(be16(k[93:])) > len(k) {
		return nil, false
	}
	return k, true
}

// eapolMessage returns which message of the 4-way handshake a pairwise key
// frame is (1 to 4), or 0.
func eapolMessage(info uint16) int {
	if info&eapolKeyPairwise == 0 {
		return 0
	}
	switch info & (eapolKeyAck | eapolKeyMIC | eapolKeyInstall | eapolKeySecure) {
	case eapolKeyAck:
		return 1
	case eapolKeyMIC:
		return 2
	case eapolKeyAck | eapolKeyMIC | eapolKeyInstall | eapolKeySecure:
		return 3
	case eapolKeyMIC | eapolKeySecure:
		return 4
	}
	return 0
}

func (d *Decoder) decodeEAPOL(l *Layer) LayerType {
	e, err := ParseEAPOL(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + len(e)
	// What follows the body is the link's padding or trailer.
	l.End = l.Payload
	if e.Type() == eapolEAPPacket && len(e) > 4 {
		l.Payload = l.Start + 4
		return LayerEAP
	}
	return LayerNone
}

// The fields, as Wireshark registers them.
const (
	eapolVersion = iota
	eapolType
	eapolLen
	eapolKeydesType
	eapolMsgnr
	eapolKeyInfo
	eapolKeyInfoVersion
	eapolKeyInfoType
	eapolKeyInfoIndex
	eapolKeyInfoInstall
	eapolKeyInfoAck
	eapolKeyInfoMIC
	eapolKeyInfoSecure
	eapolKeyInfoError
	eapolKeyInfoRequest
	eapolKeyInfoEncrypted
	eapolKeyInfoSMK
	eapolKeyLen
	eapolReplayCounter
	eapolNonce
	eapolKeyIV
	eapolRSC
	eapolID
	eapolMIC
	eapolDataLen
	eapolData
	eapolFieldCount
)

var eapolFields = [eapolFieldCount]Field{
	eapolVersion:          {Name: "eapol.version", Label: "Version", Kind: KindUint, Width: 8},
	eapolType:             {Name: "eapol.type", Label: "Type", Kind: KindUint, Width: 8},
	eapolLen:              {Name: "eapol.len", Label: "Length", Kind: KindUint, Width: 16},
	eapolKeydesType:       {Name: "eapol.keydes.type", Label: "Key Descriptor Type", Kind: KindUint, Width: 8},
	eapolMsgnr:            {Name: "wlan_rsna_eapol.keydes.msgnr", Label: "Message number", Kind: KindUint, Width: 8, Generated: true, Proto: &protoRSNAEAPOL},
	eapolKeyInfo:          {Name: "wlan_rsna_eapol.keydes.key_info", Label: "Key Information", Kind: KindUint, Width: 16, Base: BaseHex, Proto: &protoRSNAEAPOL},
	eapolKeyInfoVersion:   {Name: "wlan_rsna_eapol.keydes.key_info.keydes_version", Label: "Key Descriptor Version", Kind: KindUint, Width: 16, Mask: 0x7, Proto: &protoRSNAEAPOL},
	eapolKeyInfoType:      {Name: "wlan_rsna_eapol.keydes.key_info.key_type", Label: "Key Type", Kind: KindBool, Width: 16, Mask: 0x8, Proto: &protoRSNAEAPOL},
	eapolKeyInfoIndex:     {Name: "wlan_rsna_eapol.keydes.key_info.key_index", Label: "Key Index", Kind: KindUint, Width: 16, Mask: 0x30, Proto: &protoRSNAEAPOL},
	eapolKeyInfoInstall:   {Name: "wlan_rsna_eapol.keydes.key_info.install", Label: "Install", Kind: KindBool, Width: 16, Mask: 0x40, Proto: &protoRSNAEAPOL},
	eapolKeyInfoAck:       {Name: "wlan_rsna_eapol.keydes.key_info.key_ack", Label: "Key ACK", Kind: KindBool, Width: 16, Mask: 0x80, Proto: &protoRSNAEAPOL},
	eapolKeyInfoMIC:       {Name: "wlan_rsna_eapol.keydes.key_info.key_mic", Label: "Key MIC", Kind: KindBool, Width: 16, Mask: 0x100, Proto: &protoRSNAEAPOL},
	eapolKeyInfoSecure:    {Name: "wlan_rsna_eapol.keydes.key_info.secure", Label: "Secure", Kind: KindBool, Width: 16, Mask: 0x200, Proto: &protoRSNAEAPOL},
	eapolKeyInfoError:     {Name: "wlan_rsna_eapol.keydes.key_info.error", Label: "Error", Kind: KindBool, Width: 16, Mask: 0x400, Proto: &protoRSNAEAPOL},
	eapolKeyInfoRequest:   {Name: "wlan_rsna_eapol.keydes.key_info.request", Label: "Request", Kind: KindBool, Width: 16, Mask: 0x800, Proto: &protoRSNAEAPOL},
	eapolKeyInfoEncrypted: {Name: "wlan_rsna_eapol.keydes.key_info.encrypted_key_data", Label: "Encrypted Key Data", Kind: KindBool, Width: 16, Mask: 0x1000, Proto: &protoRSNAEAPOL},
	eapolKeyInfoSMK:       {Name: "wlan_rsna_eapol.keydes.key_info.smk_message", Label: "SMK Message", Kind: KindBool, Width: 16, Mask: 0x2000, Proto: &protoRSNAEAPOL},
	eapolKeyLen:           {Name: "eapol.keydes.key_len", Label: "Key Length", Kind: KindUint, Width: 16, Proto: &protoRSNAEAPOL},
	eapolReplayCounter:    {Name: "eapol.keydes.replay_counter", Label: "Replay Counter", Kind: KindUint, Width: 64, Proto: &protoRSNAEAPOL},
	eapolNonce:            {Name: "wlan_rsna_eapol.keydes.nonce", Label: "WPA Key Nonce", Kind: KindBytes, Proto: &protoRSNAEAPOL},
	eapolKeyIV:            {Name: "eapol.keydes.key_iv", Label: "Key IV", Kind: KindBytes, Proto: &protoRSNAEAPOL},
	eapolRSC:              {Name: "wlan_rsna_eapol.keydes.rsc", Label: "WPA Key RSC", Kind: KindBytes, Proto: &protoRSNAEAPOL},
	eapolID:               {Name: "wlan_rsna_eapol.keydes.id", Label: "WPA Key ID", Kind: KindBytes, Proto: &protoRSNAEAPOL},
	eapolMIC:              {Name: "wlan_rsna_eapol.keydes.mic", Label: "WPA Key MIC", Kind: KindBytes, Proto: &protoRSNAEAPOL},
	eapolDataLen:          {Name: "wlan_rsna_eapol.keydes.data_len", Label: "WPA Key Data Length", Kind: KindUint, Width: 16, Proto: &protoRSNAEAPOL},
	eapolData:             {Name: "wlan_rsna_eapol.keydes.data", Label: "WPA Key Data", Kind: KindBytes, Proto: &protoRSNAEAPOL},
}

var protoEAPOL = protoField("eapol", "802.1X Authentication")

// protoRSNAEAPOL registers the RSN and WPA key descriptor's fields, the
// ones named eapol.keydes.* among them: -T ek keys them by it.
var protoRSNAEAPOL = protoField("wlan_rsna_eapol", "IEEE 802.11 RSNA EAPOL key")

// eapolKeyInfoBits are the key information's bit fields, in tshark's order.
var eapolKeyInfoBits = [...]int{
	eapolKeyInfoVersion, eapolKeyInfoType, eapolKeyInfoIndex, eapolKeyInfoInstall, eapolKeyInfoAck,
	eapolKeyInfoMIC, eapolKeyInfoSecure, eapolKeyInfoError, eapolKeyInfoRequest, eapolKeyInfoEncrypted,
	eapolKeyInfoSMK,
}

// eapolKeyData returns the key data of key body k when tshark reads it as
// elements (it is not encrypted).
func eapolKeyData(k []byte) ([]byte, bool) {
	data := k[eapolKeyFixed : eapolKeyFixed+int(be16(k[93:]))]
	return data, be16(k[1:])&eapolKeyEncrypted == 0
}

// emitEAPOL emits the 802.1X header and a key frame's descriptor, in the
// order and nesting of tshark's tree: the key information's bits beneath
// it, and the key data's elements, when not encrypted, beneath the key
// data.
func emitEAPOL(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoEAPOL)
	if l.Malformed != "" {
		e.NoTree()
		e.End()
		return
	}
	p := EAPOL(d.data[l.Start:l.Payload])
	f := &eapolFields
	e.Uint(&f[eapolVersion], uint64(p.Version()))
	e.Uint(&f[eapolType], uint64(p.Type()))
	e.Uint(&f[eapolLen], uint64(p.Length()))
	k, ok := p.key()
	if !ok {
		e.End()
		return
	}
	info := be16(k[1:])
	e.Uint(&f[eapolKeydesType], uint64(k[0]))
	if m := eapolMessage(info); m != 0 {
		e.Uint(&f[eapolMsgnr], uint64(m))
	}
	e.Uint(&f[eapolKeyInfo], uint64(info))
	e.Sub()
	for _, b := range eapolKeyInfoBits {
		fb := &f[b]
		if fb.Kind == KindBool {
			e.BoolBits(fb, uint64(info))
		} else {
			e.UintBits(fb, uint64(info))
		}
	}
	e.Up()
	e.Uint(&f[eapolKeyLen], uint64(be16(k[3:])))
	e.Uint(&f[eapolReplayCounter], uint64(be32(k[5:]))<<32|uint64(be32(k[9:])))
	e.Bytes(&f[eapolNonce], k[13:45])
	e.Bytes(&f[eapolKeyIV], k[45:61])
	e.Bytes(&f[eapolRSC], k[61:69])
	e.Bytes(&f[eapolID], k[69:77])
	e.Bytes(&f[eapolMIC], k[77:93])
	e.Uint(&f[eapolDataLen], uint64(be16(k[93:])))
	data, plain := eapolKeyData(k)
	if len(data) > 0 {
		e.Bytes(&f[eapolData], data)
	}
	if plain {
		e.Sub()
		for off := 0; off+2 <= len(data); {
			n := int(data[off+1])
			if off+2+n > len(data) {
				break
			}
			emitWLANTag(e, data[off], data[off+2:off+2+n], false)
			off += 2 + n
		}
		e.Up()
	}
	e.End()
}

// infoEAPOL appends tshark's Info column: "Key (Message 1 of 4)", else the
// packet type's name.
func infoEAPOL(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" {
		return b
	}
	p := EAPOL(d.data[l.Start:l.Payload])
	name := eapolFields[eapolType].ValueNames().Name(uint64(p.Type()))
	if name == "" {
		name = "Unknown"
	}
	b = append(b, name...)
	if k, ok := p.key(); ok {
		if m := eapolMessage(be16(k[1:])); m != 0 {
			b = append(b, " (Message "...)
			b = strconv.AppendInt(b, int64(m), 10)
			b = append(b, " of 4)"...)
		}
	}
	return b
}

// eapolTcpdumpTypes are tcpdump's names of the EAPOL packet types.
var eapolTcpdumpTypes = [...]string{"EAP packet", "EAPOL start", "EAPOL logoff", "EAPOL key", "EAPOL encapsulated ASF alert"}

// lineEAPOL appends tcpdump's line: "EAPOL key (3) v2, len 117", and with
// -v an EAP packet's code, identifier, length and type.
func (p *LinePrinter) lineEAPOL(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	raw := d.data[l.Start:l.End]
	if len(raw) < 4 {
		return append(b, "EAPOL [|eap]"...)
	}
	e := EAPOL(raw)
	name := "unknown"
	if int(e.Type()) < len(eapolTcpdumpTypes) {
		name = eapolTcpdumpTypes[e.Type()]
	}
	b = append(b, name...)
	b = append(b, " ("...)
	b = strconv.AppendInt(b, int64(e.Type()), 10)
	b = append(b, ") v"...)
	b = strconv.AppendInt(b, int64(e.Version()), 10)
	b = append(b, ", len "...)
	b = strconv.AppendInt(b, int64(e.Length()), 10)
	if p.Options.Verbose > 0 && e.Type() == eapolEAPPacket {
		b = appendEAPVerbose(b, raw[4:], int(e.Length()))
	}
	return b
}
