package decode

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/sha256"
)

// Initial packet protection (RFC 9001 section 5): keys from the client's
// first Destination Connection ID and the version's salt, header protection
// with AES-ECB over a sample of the payload, the payload sealed with
// AES-128-GCM.

// The initial salts, by version: RFC 9001 section 5.2 (version 1), RFC 9369
// section 3.3.1 (version 2), draft-ietf-quic-tls-29 (drafts 29 to 32) and
// draft-ietf-quic-tls-23 (drafts 23 to 28).
var (
	quicSaltV1      = [20]byte{0x38, 0x76, 0x2c, 0xf7, 0xf5, 0x59, 0x34, 0xb3, 0x4d, 0x17, 0x9a, 0xe6, 0xa4, 0xc8, 0x0c, 0xad, 0xcc, 0xbb, 0x7f, 0x0a}
	quicSaltV2      = [20]byte{0x0d, 0xed, 0xe3, 0xde, 0xf7, 0x00, 0xa6, 0xdb, 0x81, 0x93, 0x81, 0xbe, 0x6e, 0x26, 0x9d, 0xcb, 0xf9, 0xbd, 0x2e, 0xd9}
	quicSaltDraft29 = [20]byte{0xaf, 0xbf, 0xec, 0x28, 0x99, 0x93, 0xd2, 0x4c, 0x9e, 0x97, 0x86, 0xf1, 0xc6, 0x11, 0x1e, 0x04, 0x39, 0x0a, 0x89, 0x9a}
	quicSaltDraft23 = [20]byte{0xc3, 0xee, 0xf7, 0x12, 0xc7, 0x2e, 0xbb, 0x5a, 0x11, 0xa7, 0xd2, 0x43, 0x2b, 0xb4, 0x63, 0x65, 0xbe, 0xf9, 0xf5, 0x02}
)

// quicKnownVersion reports whether rawcap knows the initial salt of
// version v: 1, 2 and the drafts from 23.
func quicKnownVersion(v uint32) bool {
	return v == 1 || quicIsV2(v) || v >= 0xff000017 && v <= 0xff000022
}

// quicSalt returns the initial salt of version v; versions tshark does
// not know use version 1's, as tshark does.
func quicSalt(v uint32) *[20]byte {
	switch {
	case quicIsV2(v):
		return &quicSaltV2
	case v >= 0xff00001d && v <= 0xff000022:
		return &quicSaltDraft29
	case v >= 0xff000017 && v <= 0xff00001c:
		return &quicSaltDraft23
	}
	return &quicSaltV1
}

// quicKeys are one direction's Initial keys, ready to use.
type quicKeys struct {
	aead cipher.AEAD
	hp   cipher.Block
	iv   [12]byte
}

// quicKeySet is the Initial keys of both directions for one connection ID
// and version family.
type quicKeySet struct {
	cid    [quicMaxCIDLen]byte
	cidLen int
	v2     bool
	salt   *[20]byte
	client quicKeys
	server quicKeys
	used   bool
}

// hkdfExtract is HKDF-Extract with SHA-256 (RFC 5869).
func hkdfExtract(salt, ikm []byte) []byte {
	m := hmac.New(sha256.New, salt)
	m.Write(ikm)
	return m.Sum(nil)
}

// hkdfExpandLabel is TLS 1.3's HKDF-Expand-Label (RFC 8446 section 7.1)
// with an empty context, for lengths up to 32 bytes (one block).
func hkdfExpandLabel(secret []byte, label string, n int) []byte {
	info := make([]byte, 0, 4+6+len(label))
	info = append(info, byte(n>>8), byte(n), byte(6+len(label)))
	info = append(info, "tls13 "...)
	info = append(info, label...)
	info = append(info, 0, 1) // empty context, then HKDF's block counter
	m := hmac.New(sha256.New, secret)
	m.Write(info)
	return m.Sum(nil)[:n]
}

// quicInitialSecrets returns the client's and the server's Initial
// secrets for connection ID cid (RFC 9001 section 5.2).
func quicInitialSecrets(salt *[20]byte, cid []byte) (client, server []byte) {
	s := hkdfExtract(salt[:], cid)
	return hkdfExpandLabel(s, "client in", 32), hkdfExpandLabel(s, "server in", 32)
}

// quicKeysFrom derives the packet protection key, IV and header
// protection key of a secret.
func quicKeysFrom(secret []byte, v2 bool) (k quicKeys, key, iv, hp []byte) {
	pre := "quic "
	if v2 {
		pre = "quicv2 "
	}
	key = hkdfExpandLabel(secret, pre+"key", 16)
	iv = hkdfExpandLabel(secret, pre+"iv", 12)
	hp = hkdfExpandLabel(secret, pre+"hp", 16)
	kb, _ := aes.NewCipher(key) // 16-byte keys: cannot fail
	k.aead, _ = cipher.NewGCM(kb)
	k.hp, _ = aes.NewCipher(hp)
	copy(k.iv[:], iv)
	return k, key, iv, hp
}

// quicKeyCacheLen bounds the key sets a decoder keeps: each is the
// ciphers of one connection ID (a few hundred bytes); a new ID replaces
// the oldest.
const quicKeyCacheLen = 16

// quicKeysFor returns the key set of cid and version v, deriving it (and
// allocating) only the first time.
func (s *quicState) quicKeysFor(cid []byte, v uint32) *quicKeySet {
	salt := quicSalt(v)
	for i := range s.keys {
		k := &s.keys[i]
		if k.used && k.salt == salt && k.cidLen == len(cid) && string(k.cid[:k.cidLen]) == string(cid) {
			return k
		}
	}
	k := &s.keys[s.nextKey]
	s.nextKey = (s.nextKey + 1) % quicKeyCacheLen
	*k = quicKeySet{cidLen: len(cid), salt: salt, v2: quicIsV2(v), used: true}
	copy(k.cid[:], cid)
	c, sv := quicInitialSecrets(salt, cid)
	k.client, _, _, _ = quicKeysFrom(c, k.v2)
	k.server, _, _, _ = quicKeysFrom(sv, k.v2)
	return k
}

// quicScratch is what quicOpen works in: on the heap once, as the
// ciphers' interfaces would move a local array there on every call.
type quicScratch struct {
	buf   []byte // the header and the plaintext
	mask  [16]byte
	nonce [12]byte
}

// quicOpen removes the header protection of the Initial packet pkt (whose
// long header is h) with keys k and decrypts its payload into sc.buf (grown when short). It
// returns the unprotected first byte, the packet number and its length
// (0 when the packet is too short to sample), and the plaintext with ok
// when the AEAD tag verified. It does not allocate once sc.buf has grown.
func quicOpen(sc *quicScratch, k *quicKeys, pkt []byte, h *QUICLong) (first uint8, pn uint64, pnLen int, plain []byte, ok bool) {
	if h.PNOff+4+16 > h.End {
		return 0, 0, 0, nil, false
	}
	mask := &sc.mask
	k.hp.Encrypt(mask[:], pkt[h.PNOff+4:h.PNOff+20])
	first = pkt[0] ^ mask[0]&0x0f
	pnLen = int(first&3) + 1
	// The header as sent, with protection removed, is the AEAD's
	// additional data: copied into dst first, then the plaintext after it.
	hdrLen := h.PNOff + pnLen
	if cap(sc.buf) < h.End+16 {
		sc.buf = make([]byte, 0, max(h.End+16, 2048))
	}
	dst := append(sc.buf[:0], pkt[:hdrLen]...)
	dst[0] = first
	for i := 0; i < pnLen; i++ {
		dst[h.PNOff+i] ^= mask[1+i]
		pn = pn<<8 | uint64(dst[h.PNOff+i])
	}
	nonce := &sc.nonce
	*nonce = k.iv
	for i := 0; i < 8; i++ {
		nonce[4+i] ^= byte(pn >> (56 - 8*i))
	}
	out, err := k.aead.Open(dst[hdrLen:hdrLen], nonce[:], pkt[hdrLen:h.End], dst[:hdrLen])
	if err != nil {
		return first, pn, pnLen, nil, false
	}
	return first, pn, pnLen, out, true
}
