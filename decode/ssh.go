package decode

import (
	"crypto/md5"
	"strconv"
)

// SSH (RFC 4253) is the bytes of a TCP segment to or from port 22: the
// version exchange ("SSH-2.0-OpenSSH_8.9\r\n"), then binary packets
//
//	uint32 packet_length | byte padding_length | payload | padding | MAC
//
// in clear until each side's NEWKEYS, encrypted after it. What a segment
// holds depends on the connection (which side is the client, whether its
// NEWKEYS was seen, the algorithms both KEXINITs agreed on), so the
// tracker walks each segment once, in capture order, as Wireshark 4.0's
// dissector does (sshFrame, ssh_conn.go), and leaves the packet's items in
// its results; the tree, the fields and the packet list read them there.
type SSH []byte

const sshPort = 22

// ParseSSH returns the SSH bytes of a TCP payload. Any bytes are SSH; what
// they hold depends on the connection.
func ParseSSH(b []byte) (SSH, error) { return SSH(b[:len(b):len(b)]), nil }

func (d *Decoder) decodeSSH(l *Layer) LayerType {
	l.Payload = l.End
	return LayerNone
}

// SSH message codes.
const (
	sshMsgKexInit = 20
	sshMsgNewKeys = 21
)

// Kinds of key exchange, which say what messages 30-39 are.
const (
	sshKexDH   = iota // diffie-hellman-group*, and unknown methods
	sshKexGEX         // diffie-hellman-group-exchange-*
	sshKexECDH        // ecdh-sha2-*, curve25519-*, curve448-*
)

var sshMsgNames = ValueNames{Values: []ValueName{
	{1, "Disconnect"}, {2, "Ignore"}, {3, "Unimplemented"}, {4, "Debug"},
	{5, "Service Request"}, {6, "Service Accept"}, {20, "Key Exchange Init"}, {21, "New Keys"},
	{50, "User Authentication Request"}, {51, "User Authentication Failure"},
	{52, "User Authentication Success"}, {53, "User Authentication Banner"},
	{80, "Global Request"}, {81, "Request Success"}, {82, "Request Failure"},
	{90, "Channel Open"}, {91, "Channel Open Confirmation"}, {92, "Channel Open Failure"},
	{93, "Window Adjust"}, {94, "Channel Data"}, {95, "Channel Extended Data"},
	{96, "Channel EOF"}, {97, "Channel Close"}, {98, "Channel Request"},
	{99, "Channel Success"}, {100, "Channel Failure"},
}}

// sshKexMsgName returns Wireshark's name of message code c (30-39) of a key
// exchange of kind k, or "".
func sshKexMsgName(k uint8, c uint8) string {
	switch k {
	case sshKexGEX:
		switch c {
		case 30:
			return "Diffie-Hellman Group Exchange Request (Old)"
		case 31:
			return "Diffie-Hellman Group Exchange Group"
		case 32:
			return "Diffie-Hellman Group Exchange Init"
		case 33:
			return "Diffie-Hellman Group Exchange Reply"
		case 34:
			return "Diffie-Hellman Group Exchange Request"
		}
	case sshKexECDH:
		switch c {
		case 30:
			return "Elliptic Curve Diffie-Hellman Key Exchange Init"
		case 31:
			return "Elliptic Curve Diffie-Hellman Key Exchange Reply"
		}
	default:
		switch c {
		case 30:
			return "Diffie-Hellman Key Exchange Init"
		case 31:
			return "Diffie-Hellman Key Exchange Reply"
		}
	}
	return ""
}

// sshMsgName returns the name Wireshark gives message code c in the key
// exchange phase, or "".
func sshMsgName(kind uint8, c uint8) string {
	if c >= 30 && c < 40 {
		return sshKexMsgName(kind, c)
	}
	return sshMsgNames.Name(uint64(c))
}

// The fields, as Wireshark registers them.
const (
	sshProtocol = iota
	sshPacketLength
	sshPacketLengthEncrypted
	sshPaddingLength
	sshPayload
	sshEncryptedPacket
	sshPaddingString
	sshSeqNum
	sshMAC
	sshDirection
	sshMessageCode
	sshCookie
	sshKexAlgorithms // the ten name-lists, then their ten lengths
	sshServerHostKeyAlgorithms
	sshEncC2S
	sshEncS2C
	sshMACC2S
	sshMACS2C
	sshCompC2S
	sshCompS2C
	sshLangC2S
	sshLangS2C
	sshKexAlgorithmsLength
	sshServerHostKeyAlgorithmsLength
	sshEncC2SLength
	sshEncS2CLength
	sshMACC2SLength
	sshMACS2CLength
	sshCompC2SLength
	sshCompS2CLength
	sshLangC2SLength
	sshLangS2CLength
	sshFirstKexFollows
	sshKexReserved
	sshHasshAlgorithms
	sshHassh
	sshHasshServerAlgorithms
	sshHasshServer
	sshHostKeyLength
	sshHostKeyTypeLength
	sshHostKeyType
	sshHostKeyData
	sshHostKeyRSAN
	sshHostKeyRSAE
	sshHostKeyDSAP
	sshHostKeyDSAQ
	sshHostKeyDSAG
	sshHostKeyDSAY
	sshHostKeyECDSAID
	sshHostKeyECDSAIDLength
	sshHostKeyECDSAQ
	sshHostKeyECDSAQLength
	sshHostKeyEdDSAKey
	sshHostKeyEdDSAKeyLength
	sshHostSigLength
	sshHostSigTypeLength
	sshHostSigType
	sshHostSigData
	sshHostSigRSA
	sshHostSigDSA
	sshDHE
	sshDHF
	sshGEXMin
	sshGEXNBits
	sshGEXMax
	sshGEXP
	sshGEXG
	sshECDHQC
	sshECDHQCLength
	sshECDHQS
	sshECDHQSLength
	sshMPIntLength
	sshPacketDecodeError
	sshFieldCount
)

var sshFields = [sshFieldCount]Field{
	sshProtocol:              {Name: "ssh.protocol", Label: "Protocol", Kind: KindString},
	sshPacketLength:          {Name: "ssh.packet_length", Label: "Packet Length", Kind: KindUint, Width: 32},
	sshPacketLengthEncrypted: {Name: "ssh.packet_length_encrypted", Label: "Packet Length (encrypted)", Kind: KindBytes},
	sshPaddingLength:         {Name: "ssh.padding_length", Label: "Padding Length", Kind: KindUint, Width: 8},
	sshPayload:               {Name: "ssh.payload", Label: "Payload", Kind: KindBytes},
	sshEncryptedPacket:       {Name: "ssh.encrypted_packet", Label: "Encrypted Packet", Kind: KindBytes},
	sshPaddingString:         {Name: "ssh.padding_string", Label: "Padding String", Kind: KindBytes},
	sshSeqNum:                {Name: "ssh.seq_num", Label: "Sequence number", Kind: KindUint, Width: 32},
	sshMAC:                   {Name: "ssh.mac", Label: "MAC", Kind: KindBytes},
	sshDirection:             {Name: "ssh.direction", Label: "Direction", Kind: KindBool},
	sshMessageCode:           {Name: "ssh.message_code", Label: "Message Code", Kind: KindUint, Width: 8, Values: &sshMsgNames},
	sshCookie:                {Name: "ssh.cookie", Label: "Cookie", Kind: KindBytes},

	sshKexAlgorithms:           {Name: "ssh.kex_algorithms", Label: "kex_algorithms string", Kind: KindString},
	sshServerHostKeyAlgorithms: {Name: "ssh.server_host_key_algorithms", Label: "server_host_key_algorithms string", Kind: KindString},
	sshEncC2S:                  {Name: "ssh.encryption_algorithms_client_to_server", Label: "encryption_algorithms_client_to_server string", Kind: KindString},
	sshEncS2C:                  {Name: "ssh.encryption_algorithms_server_to_client", Label: "encryption_algorithms_server_to_client string", Kind: KindString},
	sshMACC2S:                  {Name: "ssh.mac_algorithms_client_to_server", Label: "mac_algorithms_client_to_server string", Kind: KindString},
	sshMACS2C:                  {Name: "ssh.mac_algorithms_server_to_client", Label: "mac_algorithms_server_to_client string", Kind: KindString},
	sshCompC2S:                 {Name: "ssh.compression_algorithms_client_to_server", Label: "compression_algorithms_client_to_server string", Kind: KindString},
	sshCompS2C:                 {Name: "ssh.compression_algorithms_server_to_client", Label: "compression_algorithms_server_to_client string", Kind: KindString},
	sshLangC2S:                 {Name: "ssh.languages_client_to_server", Label: "languages_client_to_server string", Kind: KindString},
	sshLangS2C:                 {Name: "ssh.languages_server_to_client", Label: "languages_server_to_client string", Kind: KindString},

	sshKexAlgorithmsLength:           {Name: "ssh.kex_algorithms_length", Label: "kex_algorithms length", Kind: KindUint, Width: 32},
	sshServerHostKeyAlgorithmsLength: {Name: "ssh.server_host_key_algorithms_length", Label: "server_host_key_algorithms length", Kind: KindUint, Width: 32},
	sshEncC2SLength:                  {Name: "ssh.encryption_algorithms_client_to_server_length", Label: "encryption_algorithms_client_to_server length", Kind: KindUint, Width: 32},
	sshEncS2CLength:                  {Name: "ssh.encryption_algorithms_server_to_client_length", Label: "encryption_algorithms_server_to_client length", Kind: KindUint, Width: 32},
	sshMACC2SLength:                  {Name: "ssh.mac_algorithms_client_to_server_length", Label: "mac_algorithms_client_to_server length", Kind: KindUint, Width: 32},
	sshMACS2CLength:                  {Name: "ssh.mac_algorithms_server_to_client_length", Label: "mac_algorithms_server_to_client length", Kind: KindUint, Width: 32},
	sshCompC2SLength:                 {Name: "ssh.compression_algorithms_client_to_server_length", Label: "compression_algorithms_client_to_server length", Kind: KindUint, Width: 32},
	sshCompS2CLength:                 {Name: "ssh.compression_algorithms_server_to_client_length", Label: "compression_algorithms_server_to_client length", Kind: KindUint, Width: 32},
	sshLangC2SLength:                 {Name: "ssh.languages_client_to_server_length", Label: "languages_client_to_server length", Kind: KindUint, Width: 32},
	sshLangS2CLength:                 {Name: "ssh.languages_server_to_client_length", Label: "languages_server_to_client length", Kind: KindUint, Width: 32},

	sshFirstKexFollows:       {Name: "ssh.first_kex_packet_follows", Label: "First KEX Packet Follows", Kind: KindUint, Width: 8},
	sshKexReserved:           {Name: "ssh.kex.reserved", Label: "Reserved", Kind: KindBytes},
	sshHasshAlgorithms:       {Name: "ssh.kex.hassh_algorithms", Label: "hasshAlgorithms", Kind: KindString, Generated: true},
	sshHassh:                 {Name: "ssh.kex.hassh", Label: "hassh", Kind: KindString, Generated: true},
	sshHasshServerAlgorithms: {Name: "ssh.kex.hasshserver_algorithms", Label: "hasshServerAlgorithms", Kind: KindString, Generated: true},
	sshHasshServer:           {Name: "ssh.kex.hasshserver", Label: "hasshServer", Kind: KindString, Generated: true},

	sshHostKeyLength:         {Name: "ssh.host_key.length", Label: "Host key length", Kind: KindUint, Width: 32},
	sshHostKeyTypeLength:     {Name: "ssh.host_key.type_length", Label: "Host key type length", Kind: KindUint, Width: 32},
	sshHostKeyType:           {Name: "ssh.host_key.type", Label: "Host key type", Kind: KindString},
	sshHostKeyData:           {Name: "ssh.host_key.data", Label: "Host key data", Kind: KindBytes},
	sshHostKeyRSAN:           {Name: "ssh.host_key.rsa.n", Label: "RSA modulus (N)", Kind: KindBytes},
	sshHostKeyRSAE:           {Name: "ssh.host_key.rsa.e", Label: "RSA public exponent (e)", Kind: KindBytes},
	sshHostKeyDSAP:           {Name: "ssh.host_key.dsa.p", Label: "DSA prime modulus (p)", Kind: KindBytes},
	sshHostKeyDSAQ:           {Name: "ssh.host_key.dsa.q", Label: "DSA prime divisor (q)", Kind: KindBytes},
	sshHostKeyDSAG:           {Name: "ssh.host_key.dsa.g", Label: "DSA subgroup generator (g)", Kind: KindBytes},
	sshHostKeyDSAY:           {Name: "ssh.host_key.dsa.y", Label: "DSA public key (y)", Kind: KindBytes},
	sshHostKeyECDSAID:        {Name: "ssh.host_key.ecdsa.id", Label: "ECDSA elliptic curve identifier", Kind: KindString},
	sshHostKeyECDSAIDLength:  {Name: "ssh.host_key.ecdsa.id_length", Label: "ECDSA elliptic curve identifier length", Kind: KindUint, Width: 32},
	sshHostKeyECDSAQ:         {Name: "ssh.host_key.ecdsa.q", Label: "ECDSA public key (Q)", Kind: KindBytes},
	sshHostKeyECDSAQLength:   {Name: "ssh.host_key.ecdsa.q_length", Label: "ECDSA public key length", Kind: KindUint, Width: 32},
	sshHostKeyEdDSAKey:       {Name: "ssh.host_key.eddsa.key", Label: "EdDSA public key", Kind: KindBytes},
	sshHostKeyEdDSAKeyLength: {Name: "ssh.host_key.eddsa.key_length", Label: "EdDSA public key length", Kind: KindUint, Width: 32},
	sshHostSigLength:         {Name: "ssh.host_sig.length", Label: "Host signature length", Kind: KindUint, Width: 32},
	sshHostSigTypeLength:     {Name: "ssh.host_sig.type_length", Label: "Host signature type length", Kind: KindUint, Width: 32},
	sshHostSigType:           {Name: "ssh.host_sig.type", Label: "Host signature type", Kind: KindString},
	sshHostSigData:           {Name: "ssh.host_sig.data", Label: "Host signature data", Kind: KindBytes},
	sshHostSigRSA:            {Name: "ssh.host_sig.rsa", Label: "RSA signature", Kind: KindBytes},
	sshHostSigDSA:            {Name: "ssh.host_sig.dsa", Label: "DSA signature", Kind: KindBytes},
	sshDHE:                   {Name: "ssh.dh.e", Label: "DH client e", Kind: KindBytes},
	sshDHF:                   {Name: "ssh.dh.f", Label: "DH server f", Kind: KindBytes},
	sshGEXMin:                {Name: "ssh.dh_gex.min", Label: "DH GEX Min", Kind: KindUint, Width: 32},
	sshGEXNBits:              {Name: "ssh.dh_gex.nbits", Label: "DH GEX Number of Bits", Kind: KindUint, Width: 32},
	sshGEXMax:                {Name: "ssh.dh_gex.max", Label: "DH GEX Max", Kind: KindUint, Width: 32},
	sshGEXP:                  {Name: "ssh.dh_gex.p", Label: "DH GEX modulus (P)", Kind: KindBytes},
	sshGEXG:                  {Name: "ssh.dh_gex.g", Label: "DH GEX base (G)", Kind: KindBytes},
	sshECDHQC:                {Name: "ssh.ecdh.q_c", Label: "ECDH client's ephemeral public key (Q_C)", Kind: KindBytes},
	sshECDHQCLength:          {Name: "ssh.ecdh.q_c_length", Label: "ECDH client's ephemeral public key length", Kind: KindUint, Width: 32},
	sshECDHQS:                {Name: "ssh.ecdh.q_s", Label: "ECDH server's ephemeral public key (Q_S)", Kind: KindBytes},
	sshECDHQSLength:          {Name: "ssh.ecdh.q_s_length", Label: "ECDH server's ephemeral public key length", Kind: KindUint, Width: 32},
	sshMPIntLength:           {Name: "ssh.mpint_length", Label: "Multi Precision Integer Length", Kind: KindUint, Width: 32},
	// The expert item of a host signature whose parts do not fill it.
	sshPacketDecodeError: {Name: "ssh.packet_decode.error", Label: "Packet decoded length not equal to packet length", Kind: KindNone},
}

var protoSSH = protoField("ssh", "SSH Protocol")

// sshReader reads SSH's big-endian types from a segment's captured bytes;
// ok turns false (and stays so) at the first read past them, where
// Wireshark's dissector throws.
type sshReader struct {
	b   []byte
	off int
	ok  bool
}

func (r *sshReader) u8() uint8 {
	if !r.ok || r.off+1 > len(r.b) {
		r.ok = false
		return 0
	}
	r.off++
	return r.b[r.off-1]
}

func (r *sshReader) u32() uint32 {
	if !r.ok || r.off+4 > len(r.b) {
		r.ok = false
		return 0
	}
	r.off += 4
	return be32(r.b[r.off-4:])
}

// peek32 reads the uint32 at off without moving.
func (r *sshReader) peek32(off int) (uint32, bool) {
	if !r.ok || off < 0 || off+4 > len(r.b) {
		return 0, false
	}
	return be32(r.b[off:]), true
}

func (r *sshReader) bytes(n uint32) []byte {
	if !r.ok || uint64(r.off)+uint64(n) > uint64(len(r.b)) {
		r.ok = false
		return nil
	}
	r.off += int(n)
	return r.b[r.off-int(n) : r.off]
}

// sshItemKind says what one item of a segment is.
type sshItemKind uint8

const (
	sshItemVersion   sshItemKind = iota + 1 // the identification string
	sshItemKex                              // a clear binary packet (the key exchange phase)
	sshItemEncrypted                        // an encrypted packet, to the segment's end
	sshItemOpaque                           // a packet of a cipher Wireshark can decrypt, without keys
	sshItemPartial                          // a binary packet that continues in later segments
	sshItemStop                             // Wireshark's dissector threw here
)

// sshItem is one item of a segment as the tracker found it.
type sshItem struct {
	kind     sshItemKind
	v2       bool  // drawn in an "SSH Version 2" subtree
	off, end int32 // the item's bytes in the layer
	seq      uint32
	enc      uint8 // title names (sshNames ids, 0: none)
	mac      uint8
	comp     uint8
	kex      uint8 // the key exchange method's name id, 0: not chosen yet
	kexKind  uint8
	macLen   int8 // the MAC's length after the packet, -1 unknown
	plainLen bool // an encrypted packet's length is in clear
}

// sshMaxItems bounds the items kept per segment; a segment holding more
// (only clear packets can be counted) shows the first ones.
const sshMaxItems = 16

// sshNote is what the tracker found for a packet's SSH layer.
type sshNote struct {
	ok       bool
	layer    int
	server   bool  // sent by the server (Wireshark's is_response)
	proto    uint8 // the Protocol column: 0 SSH, 1 SSHv1, 2 SSHv2
	middle   bool  // inside a binary packet an earlier segment started
	done     bool  // the segment ends such a packet (Wireshark reassembles it)
	doneOK   bool  // its message code is known: doneCode, doneKind
	doneCode uint8
	doneKind uint8
	retx     bool // a retransmission: tshark does not hand it to SSH
	exc      bool // tshark's dissector throws after the items
	dir      bool // the walk ended: tshark adds the direction line
	n        int
	items    [sshMaxItems]sshItem
	names    []string // the interned names, append-only (ids index it)
	// A packet the segment completes, reassembled (done): its bytes, its
	// item and segments, drawn as tshark draws it in this segment.
	pduOK   bool
	pdu     []byte
	pduItem sshItem
	pduSegs sshSegs
}

// sshSegmentData reports whether tshark adds the "TCP segment data" line
// for SSH layer i: the whole segment belongs to a packet it reassembles
// (the start of one, a middle part, or the end it draws the packet in).
func sshSegmentData(nt *sshNote, i int) bool {
	if !nt.ok || nt.layer != i || nt.retx {
		return false
	}
	return nt.middle || nt.done && nt.pduOK || nt.n == 1 && nt.items[0].kind == sshItemPartial && nt.items[0].off == 0
}

// appendSSHTitle appends "SSH Version 2" and the algorithms in force.
func appendSSHTitle(b []byte, names []string, it *sshItem) []byte {
	b = append(b, "SSH Version 2"...)
	if it.enc == 0 && it.mac == 0 && it.comp == 0 {
		return b
	}
	b = append(b, " ("...)
	if it.enc != 0 {
		b = append(b, "encryption:"...)
		b = append(b, names[it.enc]...)
		if it.mac != 0 || it.comp != 0 {
			b = append(b, ' ')
		}
	}
	if it.mac != 0 {
		b = append(b, "mac:"...)
		b = append(b, names[it.mac]...)
		if it.comp != 0 {
			b = append(b, ' ')
		}
	}
	if it.comp != 0 {
		b = append(b, "compression:"...)
		b = append(b, names[it.comp]...)
	}
	return append(b, ')')
}

// sshProtoEnd returns where the identification string of a version item
// ends (before CR LF or LF).
func sshProtoEnd(b []byte, it *sshItem) int32 {
	e := it.end
	if e > it.off && b[e-1] == '\n' {
		e--
		if e > it.off && b[e-1] == '\r' {
			e--
		}
	}
	return e
}

// sshWireLen returns the length on the wire of SSH layer i's bytes.
func (d *Decoder) sshWireLen(i int) int { return d.telnetWire(i, &d.layers[i]) }

// sshEncryptedCut reports whether encrypted packet it of SSH layer i holds
// no more than its length field: tshark's tree throws there (after the
// packet list's Info), with no Direction line.
func sshEncryptedCut(d *Decoder, i int, it *sshItem) bool {
	return d.sshWireLen(i)-int(it.off) <= 4
}

// sshKexVisitor receives what sshWalkMsg reads and emits it.
type sshKexVisitor struct {
	e *emitter
}

func (v *sshKexVisitor) uint(f *Field, x uint32) { v.e.Uint(f, uint64(x)) }

func (v *sshKexVisitor) bytes(f *Field, x []byte) { v.e.Bytes(f, x) }

func (v *sshKexVisitor) str(f *Field, x []byte) {
	v.e.TextDone(f, appendWSText(v.e.Text(), x))
}

// sub opens a subtree under the tree line "title (type: typ)".
func (v *sshKexVisitor) sub(title string, typ []byte) {
	e := v.e
	if e.Tree() {
		b := append(e.Text(), title...)
		if typ != nil {
			b = append(b, " (type: "...)
			b = appendWSText(b, typ)
			b = append(b, ')')
		}
		e.Line(b)
	}
	e.Sub()
}

func (v *sshKexVisitor) up() { v.e.Up() }

// mpint reads an mpint: its length and its bytes as field f.
func (v *sshKexVisitor) mpint(r *sshReader, f *Field) {
	n := r.u32()
	if !r.ok {
		return
	}
	v.uint(&sshFields[sshMPIntLength], n)
	x := r.bytes(n)
	if r.ok {
		v.bytes(f, x)
	}
}

// lstring reads a string with its length field lf and its bytes as f.
func (v *sshKexVisitor) lstring(r *sshReader, f, lf *Field) {
	n := r.u32()
	if !r.ok {
		return
	}
	v.uint(lf, n)
	x := r.bytes(n)
	if r.ok {
		if f.Kind == KindString {
			v.str(f, x)
		} else {
			v.bytes(f, x)
		}
	}
}

// sshWalkMsg walks the message after its code: a KEXINIT's algorithms or a
// key exchange message of kind kind. false: tshark's dissector throws.
func sshWalkMsg(r *sshReader, code, kind uint8, server bool, v *sshKexVisitor) bool {
	f := &sshFields
	switch {
	case code == sshMsgKexInit:
		return sshWalkKexInit(r, server, v)
	case code >= 30 && code < 40:
	default:
		return true
	}
	reply := false
	switch kind {
	case sshKexGEX:
		switch code {
		case 30:
			v.uint(&f[sshGEXNBits], r.u32())
		case 31:
			v.mpint(r, &f[sshGEXP])
			v.mpint(r, &f[sshGEXG])
		case 32:
			v.mpint(r, &f[sshDHE])
		case 33:
			reply = true
		case 34:
			for _, k := range [3]int{sshGEXMin, sshGEXNBits, sshGEXMax} {
				x := r.u32()
				if !r.ok {
					return false
				}
				v.uint(&f[k], x)
			}
		}
	case sshKexECDH:
		switch code {
		case 30:
			v.lstring(r, &f[sshECDHQC], &f[sshECDHQCLength])
		case 31:
			if !sshWalkHostKey(r, v) {
				return false
			}
			v.lstring(r, &f[sshECDHQS], &f[sshECDHQSLength])
			return r.ok && sshWalkHostSig(r, v)
		}
	default:
		switch code {
		case 30:
			v.mpint(r, &f[sshDHE])
		case 31:
			reply = true
		}
	}
	if reply {
		if !sshWalkHostKey(r, v) {
			return false
		}
		v.mpint(r, &f[sshDHF])
		return r.ok && sshWalkHostSig(r, v)
	}
	return r.ok
}

// sshWalkKexInit walks a KEXINIT's cookie, name-lists and flags, and the
// hassh Wireshark computes from them.
func sshWalkKexInit(r *sshReader, server bool, v *sshKexVisitor) bool {
	f := &sshFields
	v.sub("Algorithms", nil)
	cookie := r.bytes(16)
	if !r.ok {
		return false
	}
	v.bytes(&f[sshCookie], cookie)
	var lists [10][]byte
	for k := range lists {
		n := r.u32()
		if !r.ok {
			return false
		}
		v.uint(&f[sshKexAlgorithmsLength+k], n)
		lists[k] = r.bytes(n)
		if !r.ok {
			return false
		}
		v.str(&f[sshKexAlgorithms+k], lists[k])
	}
	follows := r.u8()
	if !r.ok {
		return false
	}
	v.uint(&f[sshFirstKexFollows], uint32(follows))
	res := r.bytes(4)
	if !r.ok {
		return false
	}
	v.bytes(&f[sshKexReserved], res)
	// hassh: "kex;enc;mac;comp" of the sender's direction, and its MD5.
	d := 0
	fa, fh := &f[sshHasshAlgorithms], &f[sshHassh]
	if server {
		d = 1
		fa, fh = &f[sshHasshServerAlgorithms], &f[sshHasshServer]
	}
	parts := [4][]byte{lists[0], lists[2+d], lists[4+d], lists[6+d]}
	e := v.e
	at := len(e.Text())
	text := appendHasshAlgo(e.Text(), parts)
	sum := md5Sum(text[at:])
	e.TextDone(fa, text)
	e.TextDone(fh, appendHexBytes(e.Text(), sum[:]))
	v.up()
	return true
}

// appendHasshAlgo appends the four lists joined by ';', as Wireshark reads
// them (ASCII).
func appendHasshAlgo(b []byte, parts [4][]byte) []byte {
	for k, p := range parts {
		if k > 0 {
			b = append(b, ';')
		}
		b = appendWSText(b, p)
	}
	return b
}

// sshWalkHostKey walks "KEX host key": its length, type and the key's
// parts by type.
func sshWalkHostKey(r *sshReader, v *sshKexVisitor) bool {
	f := &sshFields
	start := r.off
	keyLen := r.u32()
	typeLen := r.u32()
	typ := r.bytes(typeLen)
	if !r.ok {
		return false
	}
	v.sub("KEX host key", typ)
	v.uint(&f[sshHostKeyLength], keyLen)
	v.uint(&f[sshHostKeyTypeLength], typeLen)
	v.str(&f[sshHostKeyType], typ)
	switch {
	case string(typ) == "ssh-rsa":
		v.mpint(r, &f[sshHostKeyRSAE])
		v.mpint(r, &f[sshHostKeyRSAN])
	case string(typ) == "ssh-dss":
		v.mpint(r, &f[sshHostKeyDSAP])
		v.mpint(r, &f[sshHostKeyDSAQ])
		v.mpint(r, &f[sshHostKeyDSAG])
		v.mpint(r, &f[sshHostKeyDSAY])
	case hasPrefix(typ, "ecdsa-sha2-"):
		v.lstring(r, &f[sshHostKeyECDSAID], &f[sshHostKeyECDSAIDLength])
		v.lstring(r, &f[sshHostKeyECDSAQ], &f[sshHostKeyECDSAQLength])
	case hasPrefix(typ, "ssh-ed"):
		v.lstring(r, &f[sshHostKeyEdDSAKey], &f[sshHostKeyEdDSAKeyLength])
	default:
		n := int64(keyLen) - int64(typeLen) - 4
		if n < 0 {
			return false
		}
		x := r.bytes(uint32(n))
		if !r.ok {
			return false
		}
		v.bytes(&f[sshHostKeyData], x)
	}
	v.up()
	if !r.ok {
		return false
	}
	// The key takes its announced length, whatever its parts read.
	r.off = start
	r.bytes(4 + keyLen)
	return r.ok
}

// sshWalkHostSig walks "KEX host signature", with Wireshark's warning
// where the parts it reads do not fill the announced length.
func sshWalkHostSig(r *sshReader, v *sshKexVisitor) bool {
	f := &sshFields
	start := r.off
	sigLen := r.u32()
	typeLen := r.u32()
	typ := r.bytes(typeLen)
	if !r.ok {
		return false
	}
	v.sub("KEX host signature", typ)
	// Wireshark checks what it decoded before it draws the parts' lines
	// only for the warning's position: the length line carries it.
	decoded := r.off - start
	switch string(typ) {
	case "ssh-rsa", "ssh-dss":
		n, ok := r.peek32(r.off)
		if !ok {
			return false
		}
		decoded += 4 + int(n)
	}
	v.uint(&f[sshHostSigLength], sigLen)
	if e := v.e; decoded != int(4+sigLen) {
		e.Sub()
		e.Expert(true)
		e.None(&f[sshPacketDecodeError])
		e.Expert(false)
		e.NoTree()
		var num [64]byte
		arg := strconv.AppendInt(num[:0], int64(decoded), 10)
		arg = append(arg, " bytes, but packet legnth is "...)
		arg = strconv.AppendUint(arg, uint64(sigLen), 10)
		arg = append(arg, " bytes"...)
		e.ExpertLine("Warning", "Protocol", "Decoded ", arg)
		e.Up()
	}
	v.uint(&f[sshHostSigTypeLength], typeLen)
	v.str(&f[sshHostSigType], typ)
	switch {
	case string(typ) == "ssh-rsa":
		v.mpint(r, &f[sshHostSigRSA])
	case string(typ) == "ssh-dss":
		v.mpint(r, &f[sshHostSigDSA])
	case hasPrefix(typ, "ecdsa-sha2-"), hasPrefix(typ, "ssh-ed"):
	default:
		n := int64(sigLen) - int64(typeLen) - 4
		if n < 0 {
			return false
		}
		x := r.bytes(uint32(n))
		if !r.ok {
			return false
		}
		v.bytes(&f[sshHostSigData], x)
	}
	v.up()
	if !r.ok {
		return false
	}
	r.off = start
	r.bytes(4 + sigLen)
	return r.ok
}

func md5Sum(b []byte) [16]byte { return md5.Sum(b) }

func hasPrefix(b []byte, p string) bool { return len(b) >= len(p) && string(b[:len(p)]) == p }

// emitSSH emits the fields of the packet's SSH items, in the order and
// nesting of tshark's tree, and the tree's lines that are no field: the
// "SSH Version 2" titles, the key exchange's subtrees, the reassembly and
// exception lines. JSON takes the first item's fields.
func emitSSH(e *emitter, i int) {
	d := e.d
	e.Proto(&protoSSH)
	if e.conv == nil {
		e.NoTree()
		e.End()
		return
	}
	nt := &e.conv.ssh
	if nt.ok && nt.layer == i && nt.done && nt.pduOK && !nt.retx {
		// the packet tshark reassembles and dissects in this segment
		// (TCP's layer emitted the segments it came from)
		it := &nt.pduItem
		sshTitle(e, nt.names, it)
		if !emitSSHKex(e, nt.pdu, it, nt.names, nt.server) {
			e.End()
			e.TreeException("SSH")
			return
		}
		e.Up()
		sshDirectionLine(e, nt.server)
		e.End()
		return
	}
	if !nt.ok || nt.layer != i || nt.middle || nt.done || nt.retx {
		e.NoTree()
		e.End()
		return
	}
	l := &d.layers[i]
	b := d.data[l.Start:l.End]
	f := &sshFields
	wire := d.sshWireLen(i)
	for k := range nt.n {
		if k > 0 && !e.all && !e.Tree() {
			break
		}
		it := &nt.items[k]
		if it.v2 {
			sshTitle(e, nt.names, it)
		}
		switch it.kind {
		case sshItemVersion:
			e.TextDone(&f[sshProtocol], appendWSText(e.Text(), b[it.off:sshProtoEnd(b, it)]))
		case sshItemEncrypted:
			if sshEncryptedCut(d, i, it) {
				e.End()
				e.TreeException("SSH")
				return
			}
			n := wire - int(it.off)
			enc := n
			if n > 4 {
				if it.plainLen {
					e.Uint(&f[sshPacketLength], uint64(be32(b[it.off:])))
				} else {
					e.Bytes(&f[sshPacketLengthEncrypted], b[it.off:it.off+4])
				}
				enc -= 4
			}
			if it.macLen > 0 {
				enc -= int(it.macLen)
			}
			s, end := int(it.off)+4, int(it.off)+4+enc
			if enc >= 0 && end <= len(b) {
				e.Bytes(&f[sshEncryptedPacket], b[s:end])
				if it.macLen > 0 && end+int(it.macLen) <= len(b) {
					e.Bytes(&f[sshMAC], b[end:end+int(it.macLen)])
				}
			}
		case sshItemKex:
			if !emitSSHKex(e, b, it, nt.names, nt.server) {
				e.End()
				e.TreeException("SSH")
				return
			}
		}
		if it.v2 {
			e.Up()
		}
	}
	if nt.exc {
		e.End()
		e.TreeException("SSH")
		return
	}
	if nt.dir {
		sshDirectionLine(e, nt.server)
	}
	e.End()
}

// sshTitle adds the tree line "SSH Version 2 (…)" and opens its subtree.
func sshTitle(e *emitter, names []string, it *sshItem) {
	if e.Tree() {
		e.Line(appendSSHTitle(e.Text(), names, it))
	}
	e.Sub()
}

// sshDirectionLine adds ssh.direction, drawn "[Direction: server-to-client]".
func sshDirectionLine(e *emitter, server bool) {
	e.Bool(&sshFields[sshDirection], server)
	if e.Tree() {
		b := append(e.Text(), "[Direction: "...)
		if server {
			b = append(b, "server-to-client]"...)
		} else {
			b = append(b, "client-to-server]"...)
		}
		e.SetRepr(b)
	}
}

// emitTCPForSSH emits, at the end of TCP layer i (treeLen bytes of
// payload in the tree's count), what tshark's TCP adds for the SSH layer
// after it: the segment's bytes as tcp.segment_data where they belong to a
// binary packet reassembled across segments or are a retransmission tshark
// does not hand to SSH, and the segments of the packet the segment
// completes.
func emitTCPForSSH(e *emitter, i, treeLen int) {
	nt := &e.conv.ssh
	if !nt.ok || nt.layer != i+1 || treeLen <= 0 {
		return
	}
	l := &e.d.layers[i]
	pl := e.d.data[l.Payload:l.End]
	if nt.retx || sshSegmentData(nt, i+1) {
		emitTCPSegmentData(e, pl, treeLen, nt.retx)
	}
	if nt.done && nt.pduOK && !nt.retx {
		g := &nt.pduSegs
		emitTCPReassembled(e, g.frame[:g.count], g.n[:g.count], nt.pdu)
	}
}

// emitSSHKex emits a clear binary packet; false where tshark's dissector
// throws (nothing more is drawn).
func emitSSHKex(e *emitter, b []byte, it *sshItem, names []string, server bool) bool {
	f := &sshFields
	r := sshReader{b: b, off: int(it.off), ok: true}
	plen := r.u32()
	pad := r.u8()
	code := r.u8()
	if !r.ok && !e.Tree() {
		return false
	}
	// tshark's tree shows the lengths it read, and the Key Exchange line,
	// before it throws for want of the code.
	e.Uint(&f[sshPacketLength], uint64(plen))
	e.Uint(&f[sshPaddingLength], uint64(pad))
	if e.Tree() {
		t := append(e.Text(), "Key Exchange"...)
		if it.kex != 0 {
			t = append(t, " (method:"...)
			t = append(t, names[it.kex]...)
			t = append(t, ')')
		}
		e.Line(t)
	}
	if !r.ok {
		return false
	}
	e.Sub()
	e.Uint(&f[sshMessageCode], uint64(code))
	if e.Tree() && code >= 30 && code < 40 {
		t := append(e.Text(), "Message Code: "...)
		if n := sshKexMsgName(it.kexKind, code); n != "" {
			t = append(t, n...)
		} else {
			t = append(t, "Unknown"...)
		}
		t = append(t, " ("...)
		t = strconv.AppendUint(t, uint64(code), 10)
		e.SetRepr(append(t, ')'))
	}
	v := sshKexVisitor{e: e}
	if !sshWalkMsg(&r, code, it.kexKind, server, &v) {
		return false
	}
	n := int64(plen) + 4 - int64(pad) - int64(r.off-int(it.off))
	if n != 0 {
		if n < 0 || r.bytes(uint32(n)) == nil {
			return false
		}
		e.Bytes(&f[sshPayload], b[r.off-int(n):r.off])
	}
	p := r.bytes(uint32(pad))
	if !r.ok {
		return false
	}
	e.Up()
	e.Bytes(&f[sshPaddingString], p)
	e.Uint(&f[sshSeqNum], uint64(it.seq))
	return true
}
