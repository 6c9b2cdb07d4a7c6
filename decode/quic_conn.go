package decode

// QUIC connections, as far as a packet's decoding needs them: which side is
// the client (the sender of the first Initial), the Destination Connection
// ID of the client's latest Initial (the server's Initial packets are
// protected with its keys), the connection ID lengths each side chose (a
// short header does not carry its DCID's length), tshark's connection
// number, and how much Initial CRYPTO data each side has sent (tshark does
// not dissect a retransmission's TLS again).
//
// Bound: at most quicMaxConns connections, keyed by their UDP endpoints; a
// new connection in a full table replaces the one seen longest ago, and a
// forgotten connection seen again gets a new number. Key sets: at most
// quicKeyCacheLen (quic_crypto.go). Nothing else is kept per connection.

const quicMaxConns = 256

type quicConn struct {
	used        bool
	key         uint64 // the endpoints, in either order
	client      uint64 // the client's endpoint
	seen        uint64 // the decoder's packet count when last seen
	num         uint32
	dcid        [quicMaxCIDLen]byte
	dcidLen     uint8
	version     uint32
	clientSCIL  int8 // -1 unknown
	serverSCIL  int8
	keys        uint8     // quicConnNoKeys, quicConnClientKeys, quicConnBothKeys
	cryptoEnd   [2]uint64 // Initial CRYPTO bytes seen: client, server
	cryptoStart [2]bool   // a CRYPTO frame at offset 0 was seen
}

// Which Initial keys a connection has derived.
const (
	quicConnNoKeys = iota
	quicConnClientKeys
	quicConnBothKeys
)

// quicState is a Decoder's QUIC state: the connections (filled by Decode
// only), the key sets and the buffer holding the last packet's plaintext.
type quicState struct {
	conns     [quicMaxConns]quicConn
	numConns  uint32
	keys      [quicKeyCacheLen]quicKeySet
	nextKey   int
	scratch   quicScratch
	plainView []byte // the last packet's plaintext, in plain
	plainGen  uint64 // d.gen of the packet plain holds
	plainOK   bool
}

func (d *Decoder) quicState() *quicState {
	if d.quic == nil {
		d.quic = &quicState{}
	}
	return d.quic
}

// quicEndpoints hashes the source and destination endpoints (IP address
// and UDP port) of the QUIC layer i; ok is false when it does not follow
// an IP and a UDP layer.
func (d *Decoder) quicEndpoints(i int) (src, dst uint64, ok bool) {
	if i < 2 || d.layers[i-1].Type != LayerUDP {
		return 0, 0, false
	}
	u := &d.layers[i-1]
	for k := i - 2; k >= 0; k-- {
		l := &d.layers[k]
		var sa, da []byte
		switch l.Type {
		case LayerIPv4:
			sa, da = d.data[l.Start+12:l.Start+16], d.data[l.Start+16:l.Start+20]
		case LayerIPv6:
			sa, da = d.data[l.Start+8:l.Start+24], d.data[l.Start+24:l.Start+40]
		default:
			continue
		}
		ports := d.data[u.Start : u.Start+4]
		return fnvHash(sa, ports[0:2]), fnvHash(da, ports[2:4]), true
	}
	return 0, 0, false
}

func fnvHash(a, b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range a {
		h = (h ^ uint64(c)) * 1099511628211
	}
	for _, c := range b {
		h = (h ^ uint64(c)) * 1099511628211
	}
	return h
}

// quicConnFor returns the connection between src and dst, making one
// (with src as its client) when create is set.
func (s *quicState) quicConnFor(src, dst, now uint64, create bool) *quicConn {
	key := src ^ dst
	oldest := 0
	for i := range s.conns {
		c := &s.conns[i]
		if c.used && c.key == key {
			c.seen = now
			return c
		}
		if !c.used {
			oldest = i
			break
		}
		if c.seen < s.conns[oldest].seen {
			oldest = i
		}
	}
	if !create {
		return nil
	}
	c := &s.conns[oldest]
	*c = quicConn{used: true, key: key, client: src, seen: now, num: s.numConns, clientSCIL: -1, serverSCIL: -1}
	s.numConns++
	return c
}

// quicForget forgets the connections: a new capture starts.
func (d *Decoder) quicForget() {
	if d.quic != nil {
		clear(d.quic.conns[:])
		d.quic.numConns = 0
	}
}

// clear says the packet holds no QUIC packet the tracker follows.
func (n *quicNote) clear() { *n = quicNote{} }

// quicFrame is the tracker's step for the packet d last decoded: n
// receives what its first QUIC layer's connection tells (nothing without
// one).
func (d *Decoder) quicFrame(n *quicNote) {
	n.clear()
	for i := range d.layers[:d.n] {
		l := &d.layers[i]
		if l.Type == LayerQUIC && !l.Quoted && l.Start < l.End {
			d.quicTrack(i, n)
			return
		}
	}
}

// quicTrack fills n for the QUIC layer i: its connection, and for an
// Initial packet its unprotected header and whether its payload
// decrypted.
func (d *Decoder) quicTrack(i int, n *quicNote) {
	l := &d.layers[i]
	b := d.data[l.Start:l.End]
	n.dcil = -1
	src, dst, ok := d.quicEndpoints(i)
	if !ok {
		return
	}
	s := d.quicState()
	long := b[0]&0x80 != 0
	var h QUICLong
	if long {
		if h, ok = ParseQUICLong(b); !ok {
			return
		}
	}
	c := s.quicConnFor(src, dst, d.gen, long && h.Version != 0 && h.Type == QUICInitial)
	if c == nil {
		return
	}
	n.conn = c.num + 1
	n.fromServer = src != c.client
	if !long {
		if n.fromServer {
			n.dcil = c.clientSCIL
		} else {
			n.dcil = c.serverSCIL
		}
		return
	}
	if h.Version == 0 {
		return
	}
	if h.Type == QUICRetry {
		// The client's next Initial names the connection ID whose keys
		// protect the Initial packets from then on.
		c.keys = quicConnNoKeys
		return
	}
	if n.fromServer {
		c.serverSCIL = int8(len(h.SCID))
	} else {
		c.clientSCIL = int8(len(h.SCID))
	}
	if h.Type != QUICInitial {
		return
	}
	// As tshark: the client's first Initial (the first after a Retry)
	// fixes the connection ID and the keys of its side, for its version;
	// the server's first Initial derives both sides' keys again for its
	// version. A version without a known salt leaves the keys unknown.
	switch {
	case !n.fromServer && c.keys == quicConnNoKeys:
		c.dcidLen = uint8(copy(c.dcid[:], h.DCID))
		c.version, c.keys = h.Version, quicConnClientKeys
	case n.fromServer && c.keys != quicConnBothKeys && c.dcidLen > 0:
		c.version, c.keys = h.Version, quicConnBothKeys
	}
	if c.keys == quicConnNoKeys || n.fromServer && c.keys != quicConnBothKeys || !quicKnownVersion(c.version) {
		return
	}
	n.keyLen = uint8(copy(n.key[:], c.dcid[:c.dcidLen]))
	n.keyVersion = c.version
	plain, ok := d.quicOpenNote(b, &h, n)
	if !ok {
		return
	}
	// A CRYPTO frame that starts below what its side sent before is a
	// retransmission: tshark does not dissect its TLS again.
	dir := 0
	if n.fromServer {
		dir = 1
	}
	for off := 0; off < len(plain); {
		f, next, ok := nextQUICFrame(plain, off)
		if !ok {
			break
		}
		off = next
		if f.Type != quicFrameCrypto {
			continue
		}
		if f.Offset < c.cryptoEnd[dir] || f.Offset == 0 && c.cryptoStart[dir] {
			n.retrans = true
		}
		if f.Offset == 0 {
			c.cryptoStart[dir] = true
		}
		if _, _, ok := quicHello(&f); ok && !n.retrans {
			n.tls = true
		}
		c.cryptoEnd[dir] = max(c.cryptoEnd[dir], f.Offset+uint64(len(f.Data)))
	}
}

// quicOpenNote removes the protection of the Initial packet b with the
// keys n names, records its header in n and leaves the plaintext in the
// decoder's buffer.
func (d *Decoder) quicOpenNote(b []byte, h *QUICLong, n *quicNote) ([]byte, bool) {
	s := d.quicState()
	ks := s.quicKeysFor(n.key[:n.keyLen], n.keyVersion)
	k := &ks.client
	if n.fromServer {
		k = &ks.server
	}
	first, pn, pnLen, plain, ok := quicOpen(&s.scratch, k, b, h)
	s.plainView = plain
	n.first, n.pn, n.pnLen, n.opened = first, pn, uint8(pnLen), ok
	s.plainGen, s.plainOK = d.gen, ok
	return plain, ok
}

// quicPlaintext returns the decrypted payload of the QUIC layer i, an
// Initial packet the tracker decrypted (n), decrypting it again when the
// decoder restored the packet from a Snapshot.
func (d *Decoder) quicPlaintext(i int, n *quicNote) ([]byte, bool) {
	if !n.opened {
		return nil, false
	}
	s := d.quicState()
	if s.plainGen == d.gen && s.plainOK {
		return s.plainView, true
	}
	l := &d.layers[i]
	b := d.data[l.Start:l.End]
	h, ok := ParseQUICLong(b)
	if !ok {
		return nil, false
	}
	m := *n
	return d.quicOpenNote(b, &h, &m)
}
