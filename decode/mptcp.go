package decode

import (
	"crypto/sha1"
	"crypto/sha256"
	"net/netip"
)

// Multipath TCP (RFC 6824, version 0, and RFC 8684, version 1) is carried
// in TCP option kind 30, whose first byte after the kind and length holds
// the subtype in its high nibble:
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+---------------+---------------+-------+-----------------------+
//	|     Kind      |    Length     |Subtype|                       |
//	+---------------+---------------+-------+                       |
//	|                     Subtype-specific data                     |
//	|                       (variable length)                       |
//	+---------------------------------------------------------------+
//
// Wireshark dissects the option as a protocol of its own ("mptcp") inside
// TCP's options, with TCP's fields (tcp.options.mptcp.*), and adds an
// [MPTCP analysis] block to every segment of a subflow: the MPTCP
// connection's index, its master subflow and its subflows, which the
// connection tracker follows (mptcpTrack).

// The MPTCP option subtypes.
const (
	mptcpCapable   = 0
	mptcpJoin      = 1
	mptcpDSS       = 2
	mptcpAddAddr   = 3
	mptcpRemove    = 4
	mptcpPrio      = 5
	mptcpFail      = 6
	mptcpFastClose = 7
	mptcpTCPRST    = 8
)

// mptcpFields' order: the generated values of the options first (so that
// the table's first field is mptcp's: "-e mptcp" selects TCP's layer, which
// lists the table among its others), then the options' fields, then the
// analysis.
const (
	mptcpAck = iota
	mptcpDSSDSN
	mptcpExpectedToken
	mptcpExpectedIDSN
	mptcpRmAddrCount
	mptcpSubtype
	mptcpVersion
	mptcpReserved
	mptcpFlags
	mptcpBackupFlag
	mptcpChecksumReq
	mptcpExtensibility
	mptcpNoMoreSubflows
	mptcpSHA1
	mptcpSHA256
	mptcpDataFin
	mptcpDSeqn8
	mptcpDSeqnPresent
	mptcpDataAck8
	mptcpDataAckPresent
	mptcpReservedFlag
	mptcpReservedFlagV1
	mptcpFlagU
	mptcpFlagV
	mptcpFlagW
	mptcpFlagT
	mptcpRstReason
	mptcpAddrID
	mptcpSendKey
	mptcpRecvKey
	mptcpRecvTok
	mptcpSendRand
	mptcpSendTruncHMAC
	mptcpSendHMAC
	mptcpAddAddrTruncHMAC
	mptcpRawDataAck
	mptcpRawDataSeqno
	mptcpSubflowSeqno
	mptcpDataLvlLen
	mptcpChecksum
	mptcpIPVer
	mptcpEcho
	mptcpIPv4
	mptcpIPv6
	mptcpPort
	mptcpAnalysis
	mptcpMaster
	mptcpStream
	mptcpSubflows
	mptcpFieldCount
)

// mptcpFields are the option's fields, which TCP registers
// (tcp.options.mptcp.*), and the ones the mptcp protocol registers for its
// analysis, as tshark 4.0 declares them. Each says its registering
// protocol (Proto): TCP's table lists them all among its others.
var mptcpFields = [mptcpFieldCount]Field{
	mptcpSubtype:          {Name: "tcp.options.mptcp.subtype", Label: "Multipath TCP subtype", Kind: KindUint, Width: 8, Mask: 0xf0, Proto: &protoTCP},
	mptcpVersion:          {Name: "tcp.options.mptcp.version", Label: "Multipath TCP version", Kind: KindUint, Width: 8, Mask: 0x0f, Proto: &protoTCP},
	mptcpReserved:         {Name: "tcp.options.mptcp.reserved", Label: "Reserved", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xfff, Proto: &protoTCP},
	mptcpFlags:            {Name: "tcp.options.mptcp.flags", Label: "Multipath TCP flags", Kind: KindUint, Width: 8, Base: BaseHex, Proto: &protoTCP},
	mptcpBackupFlag:       {Name: "tcp.options.mptcp.backup.flag", Label: "Backup flag", Kind: KindUint, Width: 8, Mask: 0x01, Proto: &protoTCP},
	mptcpChecksumReq:      {Name: "tcp.options.mptcp.checksumreq.flags", Label: "Checksum required", Kind: KindUint, Width: 8, Mask: 0x80, Proto: &protoTCP},
	mptcpExtensibility:    {Name: "tcp.options.mptcp.extensibility.flag", Label: "Extensibility", Kind: KindUint, Width: 8, Mask: 0x40, Proto: &protoTCP},
	mptcpNoMoreSubflows:   {Name: "tcp.options.mptcp.nomoresubflows.flag", Label: "Do not attempt to establish new subflows to this address and port", Kind: KindUint, Width: 8, Mask: 0x20, Proto: &protoTCP},
	mptcpSHA1:             {Name: "tcp.options.mptcp.sha1.flag", Label: "Use HMAC-SHA1", Kind: KindUint, Width: 8, Mask: 0x01, Proto: &protoTCP},
	mptcpSHA256:           {Name: "tcp.options.mptcp.sha256.flag", Label: "Use HMAC-SHA256", Kind: KindUint, Width: 8, Mask: 0x01, Proto: &protoTCP},
	mptcpDataFin:          {Name: "tcp.options.mptcp.datafin.flag", Label: "DATA_FIN", Kind: KindUint, Width: 8, Mask: 0x10, Proto: &protoTCP},
	mptcpDSeqn8:           {Name: "tcp.options.mptcp.dseqn8.flag", Label: "Data Sequence Number is 8 octets", Kind: KindUint, Width: 8, Mask: 0x08, Proto: &protoTCP},
	mptcpDSeqnPresent:     {Name: "tcp.options.mptcp.dseqnpresent.flag", Label: "Data Sequence Number, Subflow Sequence Number, Data-level Length, Checksum present", Kind: KindUint, Width: 8, Mask: 0x04, Proto: &protoTCP},
	mptcpDataAck8:         {Name: "tcp.options.mptcp.dataack8.flag", Label: "Data ACK is 8 octets", Kind: KindUint, Width: 8, Mask: 0x02, Proto: &protoTCP},
	mptcpDataAckPresent:   {Name: "tcp.options.mptcp.dataackpresent.flag", Label: "Data ACK is present", Kind: KindUint, Width: 8, Mask: 0x01, Proto: &protoTCP},
	mptcpReservedFlag:     {Name: "tcp.options.mptcp.reserved.flag", Label: "Reserved", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x3e, Proto: &protoTCP},
	mptcpReservedFlagV1:   {Name: "tcp.options.mptcp.reserved.flag", Label: "Reserved", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x1e, Proto: &protoTCP},
	mptcpFlagU:            {Name: "tcp.options.mptcp.flag_U.flag", Label: "Flag U", Kind: KindBool, Width: 4, Mask: 0x8, Proto: &protoTCP},
	mptcpFlagV:            {Name: "tcp.options.mptcp.flag_V.flag", Label: "Flag V", Kind: KindBool, Width: 4, Mask: 0x4, Proto: &protoTCP},
	mptcpFlagW:            {Name: "tcp.options.mptcp.flag_W.flag", Label: "Flag W", Kind: KindBool, Width: 4, Mask: 0x2, Proto: &protoTCP},
	mptcpFlagT:            {Name: "tcp.options.mptcp.flag_T.flag", Label: "Transient", Kind: KindBool, Width: 4, Mask: 0x1, Proto: &protoTCP},
	mptcpRstReason:        {Name: "tcp.options.mptcp.rst_reason", Label: "TCPRST Reason", Kind: KindUint, Width: 8, Base: BaseHex, Proto: &protoTCP},
	mptcpAddrID:           {Name: "tcp.options.mptcp.addrid", Label: "Address ID", Kind: KindUint, Width: 8, Proto: &protoTCP},
	mptcpSendKey:          {Name: "tcp.options.mptcp.sendkey", Label: "Sender's Key", Kind: KindUint, Width: 64, Proto: &protoTCP},
	mptcpRecvKey:          {Name: "tcp.options.mptcp.recvkey", Label: "Receiver's Key", Kind: KindUint, Width: 64, Proto: &protoTCP},
	mptcpRecvTok:          {Name: "tcp.options.mptcp.recvtok", Label: "Receiver's Token", Kind: KindUint, Width: 32, Proto: &protoTCP},
	mptcpSendRand:         {Name: "tcp.options.mptcp.sendrand", Label: "Sender's Random Number", Kind: KindUint, Width: 32, Proto: &protoTCP},
	mptcpSendTruncHMAC:    {Name: "tcp.options.mptcp.sendtrunchmac", Label: "Sender's Truncated HMAC", Kind: KindUint, Width: 64, Proto: &protoTCP},
	mptcpSendHMAC:         {Name: "tcp.options.mptcp.sendhmac", Label: "Sender's HMAC", Kind: KindBytes, Proto: &protoTCP},
	mptcpAddAddrTruncHMAC: {Name: "tcp.options.mptcp.addaddrtrunchmac", Label: "Truncated HMAC", Kind: KindUint, Width: 64, Proto: &protoTCP},
	mptcpRawDataAck:       {Name: "tcp.options.mptcp.rawdataack", Label: "Original MPTCP Data ACK", Kind: KindUint, Width: 64, Proto: &protoTCP},
	mptcpRawDataSeqno:     {Name: "tcp.options.mptcp.rawdataseqno", Label: "Data Sequence Number", Kind: KindUint, Width: 64, Proto: &protoTCP},
	mptcpSubflowSeqno:     {Name: "tcp.options.mptcp.subflowseqno", Label: "Subflow Sequence Number", Kind: KindUint, Width: 32, Proto: &protoTCP},
	mptcpDataLvlLen:       {Name: "tcp.options.mptcp.datalvllen", Label: "Data-level Length", Kind: KindUint, Width: 16, Proto: &protoTCP},
	mptcpChecksum:         {Name: "tcp.options.mptcp.checksum", Label: "Checksum", Kind: KindUint, Width: 16, Base: BaseHex, Proto: &protoTCP},
	mptcpIPVer:            {Name: "tcp.options.mptcp.ipver", Label: "IP version", Kind: KindUint, Width: 8, Mask: 0x0f, Proto: &protoTCP},
	mptcpEcho:             {Name: "tcp.options.mptcp.echo", Label: "Echo", Kind: KindUint, Width: 8, Mask: 0x01, Proto: &protoTCP},
	mptcpIPv4:             {Name: "tcp.options.mptcp.ipv4", Label: "Advertised IPv4 Address", Kind: KindIPv4, Proto: &protoTCP},
	mptcpIPv6:             {Name: "tcp.options.mptcp.ipv6", Label: "Advertised IPv6 Address", Kind: KindIPv6, Proto: &protoTCP},
	mptcpPort:             {Name: "tcp.options.mptcp.port", Label: "Advertised port", Kind: KindUint, Width: 16, Proto: &protoTCP},
	mptcpAck:              {Name: "mptcp.ack", Label: "Multipath TCP Data ACK", Kind: KindUint, Width: 64, Generated: true, Proto: &protoMPTCP},
	mptcpDSSDSN:           {Name: "mptcp.dss.dsn", Label: "DSS Data Sequence Number", Kind: KindUint, Width: 64, Generated: true, Proto: &protoMPTCP},
	mptcpExpectedToken:    {Name: "mptcp.expected_token", Label: "Subflow token generated from key", Kind: KindUint, Width: 32, Generated: true, Proto: &protoMPTCP},
	mptcpExpectedIDSN:     {Name: "mptcp.expected_idsn", Label: "Subflow expected IDSN", Kind: KindUint, Width: 64, Generated: true, Proto: &protoMPTCP},
	mptcpRmAddrCount:      {Name: "mptcp.rm_addr.count", Label: "Number of removed addresses", Kind: KindUint, Width: 8, Generated: true, Proto: &protoMPTCP},
	mptcpAnalysis:         {Name: "mptcp.analysis", Label: "MPTCP analysis", Kind: KindNone, Generated: true, Proto: &protoMPTCP},
	mptcpMaster:           {Name: "mptcp.master", Label: "Master flow", Kind: KindBool, Generated: true, Proto: &protoMPTCP},
	mptcpStream:           {Name: "mptcp.stream", Label: "Stream index", Kind: KindUint, Width: 32, Generated: true, Proto: &protoMPTCP},
	mptcpSubflows:         {Name: "mptcp.analysis.subflows", Label: "TCP subflow stream id(s)", Kind: KindString, Generated: true, Proto: &protoMPTCP},
}

var protoMPTCP = protoField("mptcp", "Multipath Transmission Control Protocol")

// mptcpSubtypeName returns tshark's name of an MPTCP option's subtype
// ("" for one it does not know).
func mptcpSubtypeName(sub uint8) string {
	return mptcpFields[mptcpSubtype].ValueNames().Name(uint64(sub))
}

// mptcpKeyHash returns the token and the initial data sequence number a
// key gives (RFC 6824 §3.1 with SHA-1 for version 0, RFC 8684 with
// SHA-256 for version 1): the hash's most significant 32 bits and its least
// significant 64 bits.
func mptcpKeyHash(key uint64, v1 bool) (token uint32, idsn uint64) {
	var k [8]byte
	put64(k[:], key)
	if v1 {
		h := sha256.Sum256(k[:])
		return be32(h[:]), be64(h[len(h)-8:])
	}
	h := sha1.Sum(k[:])
	return be32(h[:]), be64(h[len(h)-8:])
}

func put64(b []byte, v uint64) {
	_ = b[7]
	for i := 7; i >= 0; i-- {
		b[i] = byte(v)
		v >>= 8
	}
}

// mptcpSeg is what the tracker found for a segment of an MPTCP subflow:
// tshark's [MPTCP analysis] and the DSS option's relative numbers.
type mptcpSeg struct {
	Has       bool   // the segment belongs to an MPTCP connection
	Stream    uint32 // mptcp.stream
	HasMaster bool   // the connection's master subflow is known
	IsMaster  bool   // this segment's stream is the master
	Master    uint32 // the master subflow's tcp.stream
	NSub      uint8
	Sub       [mptcpMaxSubflows]uint32 // the subflows' tcp.stream, the latest first
	HaveAck   bool                     // Ack is known (the receiver's key was seen)
	HaveDSN   bool                     // DSN is known
	Ack, DSN  uint64                   // mptcp.ack and mptcp.dss.dsn
	dssDone   bool                     // the first DSS option was read (the others are not)
}

const (
	mptcpMaxSubflows = 8    // subflows listed per MPTCP connection
	maxMPTCPConns    = 1024 // MPTCP connections remembered
)

// mptcpConn is one MPTCP connection the tracker follows: each side's key
// (side 0 is the master subflow's key a side), its subflows.
type mptcpConn struct {
	stream    uint32
	hasKey    [2]bool
	v1        [2]bool
	token     [2]uint32
	idsn      [2]uint64
	key       [2]uint64
	hasMaster bool
	master    uint32
	nsub      uint8
	sub       [mptcpMaxSubflows]uint32
}

// addSubflow lists tcp stream s among c's subflows, the latest first.
func (c *mptcpConn) addSubflow(s uint32) {
	n := min(int(c.nsub)+1, mptcpMaxSubflows)
	copy(c.sub[1:n], c.sub[:n-1])
	c.sub[0] = s
	c.nsub = uint8(n)
}

// setKey records key for side s, hashed as version 1 when v1.
func (c *mptcpConn) setKey(s int, key uint64, v1 bool) {
	if c.hasKey[s] && c.key[s] == key {
		return
	}
	c.hasKey[s], c.key[s], c.v1[s] = true, key, v1
	c.token[s], c.idsn[s] = mptcpKeyHash(key, v1)
}

// newMPTCP opens an MPTCP connection and returns its index plus one (0:
// the table is full).
func (t *tracker) newMPTCP() int32 {
	if len(t.mptcp) >= maxMPTCPConns {
		return 0
	}
	t.mptcp = append(t.mptcp, mptcpConn{stream: t.mptcpNext})
	t.mptcpNext++
	return int32(len(t.mptcp))
}

// mptcpByToken returns the connection (index plus one) one of whose keys
// gives token, and that key's side; 0 when none.
func (t *tracker) mptcpByToken(token uint32) (int32, int) {
	for j := range t.mptcp {
		c := &t.mptcp[j]
		for s := range 2 {
			if c.hasKey[s] && c.token[s] == token {
				return int32(j + 1), s
			}
		}
	}
	return 0, 0
}

// mptcpByKey returns the connection (index plus one) holding key, and its
// side; 0 when none.
func (t *tracker) mptcpByKey(key uint64) (int32, int) {
	for j := range t.mptcp {
		c := &t.mptcp[j]
		for s := range 2 {
			if c.hasKey[s] && c.key[s] == key {
				return int32(j + 1), s
			}
		}
	}
	return 0, 0
}

// mptcpOption follows MPTCP option o of a segment of conversation c, sent
// from its side dir: the connection it belongs to, the keys, the subflows,
// and the DSS option's relative numbers into s.
func (t *tracker) mptcpOption(c *tcpConv, dir int, flags uint16, o TCPOption, s *tcpSegment) {
	if len(o.Data) < 1 {
		return
	}
	sub := o.Data[0] >> 4
	m := &s.MP
	if c.mp == 0 {
		switch {
		case sub == mptcpCapable && len(o.Data) >= 10:
			key := be64(o.Data[2:])
			j, side := t.mptcpByKey(key)
			if j == 0 && len(o.Data) >= 18 {
				j, side = t.mptcpByKey(be64(o.Data[10:]))
				side = 1 - side
			}
			if j == 0 {
				j, side = t.newMPTCP(), dir
			}
			if j == 0 {
				return
			}
			c.mp, c.mpFlip = j, uint8(side^dir)
			mc := &t.mptcp[j-1]
			mc.hasMaster, mc.master = true, c.stream
			mc.addSubflow(c.stream)
		case sub == mptcpCapable:
			return // a version 1 SYN: no key yet
		case sub == mptcpJoin && len(o.Data) == 10 && flags&TCPSyn != 0:
			j, side := t.mptcpByToken(be32(o.Data[2:]))
			if j == 0 {
				j, side = t.newMPTCP(), 1-dir
			}
			if j == 0 {
				return
			}
			// The SYN goes to the side whose token it names.
			c.mp, c.mpFlip = j, uint8((1-side)^dir)
			t.mptcp[j-1].addSubflow(c.stream)
		default:
			j := t.newMPTCP()
			if j == 0 {
				return
			}
			c.mp, c.mpFlip = j, 0
		}
	}
	mc := &t.mptcp[c.mp-1]
	fwd := dir ^ int(c.mpFlip)
	switch sub {
	case mptcpCapable:
		if len(o.Data) < 10 {
			break
		}
		v1 := o.Data[0]&0x0f == 1
		mc.setKey(fwd, be64(o.Data[2:]), v1)
		if len(o.Data) >= 18 {
			mc.setKey(1-fwd, be64(o.Data[10:]), v1)
		}
	case mptcpDSS:
		if len(o.Data) < 2 || m.dssDone {
			break
		}
		fl := o.Data[1]
		off := 2
		if fl&0x01 != 0 {
			n := 4
			if fl&0x02 != 0 {
				n = 8
			}
			if off+n > len(o.Data) {
				break
			}
			if mc.hasKey[1-fwd] {
				m.HaveAck = true
				if n == 8 {
					m.Ack = be64(o.Data[off:]) - mc.idsn[1-fwd]
				} else {
					m.Ack = uint64(be32(o.Data[off:]) - uint32(mc.idsn[1-fwd]))
				}
			}
			off += n
		}
		if fl&0x04 != 0 {
			n := 4
			if fl&0x08 != 0 {
				n = 8
			}
			if off+n > len(o.Data) {
				break
			}
			switch {
			case n == 8:
				m.HaveDSN = true
				m.DSN = be64(o.Data[off:])
				if mc.hasKey[fwd] {
					m.DSN -= mc.idsn[fwd]
				}
			case mc.hasKey[fwd]:
				m.HaveDSN = true
				m.DSN = uint64(be32(o.Data[off:]) - uint32(mc.idsn[fwd]))
			}
		}
		m.dssDone = true
	}
}

// mptcpNote fills s's analysis from the connection of c, after the
// segment's options were followed.
func (t *tracker) mptcpNote(c *tcpConv, s *tcpSegment) {
	if c.mp == 0 {
		return
	}
	mc := &t.mptcp[c.mp-1]
	m := &s.MP
	m.Has, m.Stream = true, mc.stream
	m.HasMaster, m.Master = mc.hasMaster, mc.master
	m.IsMaster = mc.hasMaster && mc.master == c.stream
	m.NSub, m.Sub = mc.nsub, mc.sub
}

// emitMPTCPOption emits MPTCP option o (not malformed) as tshark does: a
// protocol of its own inside TCP's options; sg, when not nil, holds the
// tracker's relative numbers of the segment's DSS option. The JSON object,
// whose keys are unique, keeps the first of each of the option's fields in
// TCP's and mptcp's in an object of its own (emitMPTCPJSON).
func emitMPTCPOption(x *tcpOptEmitter, o TCPOption, sg *tcpSegment) {
	e := x.e
	tree := e.Tree()
	m := mpEmitter{x: x, json: !e.all && !tree}
	var dep uint8
	if !m.json {
		dep = e.NestedProto(&protoMPTCP)
	}
	var sub uint8 = 0xff
	if len(o.Data) > 0 {
		sub = o.Data[0] >> 4
	}
	if tree {
		b := append(e.Text(), "Multipath Transmission Control Protocol"...)
		if sub != 0xff {
			b = append(b, ": "...)
			if n := mptcpSubtypeName(sub); n != "" {
				b = append(b, n...)
			} else {
				b = append(appendUint(append(b, "Unknown ("...), uint64(sub)), ')')
			}
		}
		e.SetRepr(b)
	}
	m.opt(tcpOptionKind, uint64(o.Kind))
	m.opt(tcpOptionLen, uint64(o.Len))
	d := o.Data
	if len(d) == 0 {
		m.end(dep)
		return
	}
	m.bits(mptcpSubtype, uint64(d[0]))
	switch sub {
	case mptcpCapable:
		m.bits(mptcpVersion, uint64(d[0]))
		if len(d) < 2 {
			break
		}
		v1 := d[0]&0x0f == 1
		fl := d[1]
		m.uint(mptcpFlags, uint64(fl))
		e.Sub()
		m.bits(mptcpChecksumReq, uint64(fl))
		m.bits(mptcpExtensibility, uint64(fl))
		if v1 {
			m.bits(mptcpNoMoreSubflows, uint64(fl))
			m.bits(mptcpSHA256, uint64(fl))
			m.bits(mptcpReservedFlagV1, uint64(fl))
		} else {
			m.bits(mptcpSHA1, uint64(fl))
			m.bits(mptcpReservedFlag, uint64(fl))
		}
		alg := mptcpAlgorithm(fl)
		if !alg && tree {
			if fl&0x3f == 0 {
				e.ExpertLine("Warning", "Protocol", "No crypto algorithm specified", nil)
			} else {
				e.ExpertLine("Warning", "Protocol", "Unsupported algorithm", nil)
			}
		}
		e.Up()
		if !alg || len(d) < 10 {
			break
		}
		key := be64(d[2:])
		m.uint(mptcpSendKey, key)
		token, idsn := mptcpKeyHash(key, v1)
		m.uint(mptcpExpectedToken, uint64(token))
		m.uint(mptcpExpectedIDSN, idsn)
		if tree {
			b := appendUint(append(e.Text(), "Subflow expected IDSN: "...), idsn)
			e.SetRepr(append(b, " (64bits version)"...))
		}
		if len(d) >= 18 {
			m.uint(mptcpRecvKey, be64(d[10:]))
		}
		if len(d) >= 20 {
			m.uint(mptcpDataLvlLen, uint64(be16(d[18:])))
		}
		if len(d) >= 22 {
			m.uint(mptcpChecksum, uint64(be16(d[20:])))
		}
	case mptcpJoin:
		switch len(d) {
		case 10:
			m.flagsBackup(d[0])
			m.uint(mptcpAddrID, uint64(d[1]))
			m.uint(mptcpRecvTok, uint64(be32(d[2:])))
			m.uint(mptcpSendRand, uint64(be32(d[6:])))
		case 14:
			m.flagsBackup(d[0])
			m.uint(mptcpAddrID, uint64(d[1]))
			m.uint(mptcpSendTruncHMAC, be64(d[2:]))
			m.uint(mptcpSendRand, uint64(be32(d[10:])))
		case 22:
			m.bits(mptcpReserved, uint64(be16(d)))
			m.bytes(mptcpSendHMAC, d[2:22])
		}
	case mptcpDSS:
		if len(d) < 2 {
			break
		}
		fl := d[1]
		m.uint(mptcpFlags, uint64(fl))
		e.Sub()
		m.bits(mptcpDataFin, uint64(fl))
		m.bits(mptcpDSeqn8, uint64(fl))
		m.bits(mptcpDSeqnPresent, uint64(fl))
		m.bits(mptcpDataAck8, uint64(fl))
		m.bits(mptcpDataAckPresent, uint64(fl))
		e.Up()
		var mp *mptcpSeg
		if sg != nil {
			mp = &sg.MP
		}
		off := 2
		if fl&0x01 != 0 {
			n := 4
			if fl&0x02 != 0 {
				n = 8
			}
			if off+n > len(d) {
				break
			}
			if n == 8 {
				m.uint(mptcpRawDataAck, be64(d[off:]))
				if tree {
					b := appendUint(append(e.Text(), "Original MPTCP Data ACK: "...), be64(d[off:]))
					e.SetRepr(append(b, " (64bits)"...))
				}
			} else {
				m.uint(mptcpRawDataAck, uint64(be32(d[off:])))
			}
			if mp != nil && mp.HaveAck {
				m.uint(mptcpAck, mp.Ack)
				if tree {
					b := appendUint(append(e.Text(), "Multipath TCP Data ACK: "...), mp.Ack)
					e.SetRepr(append(b, " (Relative)"...))
				}
			}
			off += n
		}
		if fl&0x04 != 0 {
			n := 4
			if fl&0x08 != 0 {
				n = 8
			}
			if off+n > len(d) {
				break
			}
			var dsn uint64
			if n == 8 {
				dsn = be64(d[off:])
			} else {
				dsn = uint64(be32(d[off:]))
			}
			m.uint(mptcpRawDataSeqno, dsn)
			if tree {
				b := appendUint(append(e.Text(), "Data Sequence Number: "...), dsn)
				if n == 8 {
					b = append(b, "  (64bits version)"...)
				} else {
					b = append(b, "  (32bits version)"...)
				}
				e.SetRepr(b)
			}
			off += n
			if off+4 > len(d) {
				break
			}
			m.uint(mptcpSubflowSeqno, uint64(be32(d[off:])))
			off += 4
			if off+2 > len(d) {
				break
			}
			m.uint(mptcpDataLvlLen, uint64(be16(d[off:])))
			if mp != nil && mp.HaveDSN {
				m.uint(mptcpDSSDSN, mp.DSN)
				if tree {
					b := appendUint(append(e.Text(), "DSS Data Sequence Number: "...), mp.DSN)
					e.SetRepr(append(b, " (Relative)"...))
				}
			}
		}
	case mptcpAddAddr:
		ipver := d[0] & 0x0f
		v0 := ipver == 4 || ipver == 6
		if v0 {
			m.bits(mptcpIPVer, uint64(d[0]))
		} else {
			m.bits(mptcpEcho, uint64(d[0]))
		}
		if len(d) < 2 {
			break
		}
		m.uint(mptcpAddrID, uint64(d[1]))
		a := d[2:]
		six := ipver == 6
		if !v0 {
			six = len(d) >= 18
		}
		if six {
			if len(a) < 16 {
				break
			}
			m.ipv6(mptcpIPv6, a)
			a = a[16:]
		} else {
			if len(a) < 4 {
				break
			}
			m.ipv4(mptcpIPv4, a)
			a = a[4:]
		}
		if len(a) == 2 || len(a) == 10 {
			m.uint(mptcpPort, uint64(be16(a)))
			a = a[2:]
		}
		if !v0 && len(a) == 8 {
			m.uint(mptcpAddAddrTruncHMAC, be64(a))
		}
	case mptcpRemove:
		m.uint(mptcpRmAddrCount, uint64(len(d)-1))
		for _, id := range d[1:] {
			m.uint(mptcpAddrID, uint64(id))
		}
	case mptcpPrio:
		m.flagsBackup(d[0])
		if len(d) >= 2 {
			m.uint(mptcpAddrID, uint64(d[1]))
		}
	case mptcpFail, mptcpFastClose:
		if len(d) < 2 {
			break
		}
		m.bits(mptcpReserved, uint64(be16(d)))
		if len(d) < 10 {
			break
		}
		if sub == mptcpFail {
			m.uint(mptcpRawDataSeqno, be64(d[2:]))
		} else {
			m.uint(mptcpRecvKey, be64(d[2:]))
		}
	case mptcpTCPRST:
		m.uint(mptcpFlags, uint64(d[0]))
		e.Sub()
		m.boolBits(mptcpFlagU, uint64(d[0]))
		m.boolBits(mptcpFlagV, uint64(d[0]))
		m.boolBits(mptcpFlagW, uint64(d[0]))
		m.boolBits(mptcpFlagT, uint64(d[0]))
		e.Up()
		if len(d) >= 2 {
			m.uint(mptcpRstReason, uint64(d[1]))
		}
	}
	m.end(dep)
}

// mpEmitter emits an MPTCP option's fields: every one, but in the JSON
// object (json), where each of TCP's goes once, in TCP's object, and
// mptcp's are left to emitMPTCPJSON.
type mpEmitter struct {
	x    *tcpOptEmitter
	json bool
}

// want reports whether field k of mptcpFields is emitted.
func (m *mpEmitter) want(k int) bool {
	f := &mptcpFields[k]
	if !m.json {
		return m.x.e.wants(f)
	}
	if f.Proto != &protoTCP {
		return false // mptcp's: in its own object
	}
	bit := uint64(1) << k
	if m.x.mp&bit != 0 {
		return false
	}
	m.x.mp |= bit
	return true
}

func (m *mpEmitter) opt(k int, v uint64) {
	if m.json {
		m.x.uint(k, v)
		return
	}
	m.x.e.Uint(&tcpFields[k], v)
}

func (m *mpEmitter) end(dep uint8) {
	if !m.json {
		m.x.e.EndNested(dep)
	}
}

func (m *mpEmitter) uint(k int, v uint64) {
	if m.want(k) {
		m.x.e.Uint(&mptcpFields[k], v)
	}
}

func (m *mpEmitter) bits(k int, word uint64) {
	if m.want(k) {
		m.x.e.UintBits(&mptcpFields[k], word)
	}
}

func (m *mpEmitter) boolBits(k int, word uint64) {
	if m.want(k) {
		m.x.e.BoolBits(&mptcpFields[k], word)
	}
}

func (m *mpEmitter) bytes(k int, b []byte) {
	if m.want(k) {
		m.x.e.Bytes(&mptcpFields[k], b)
	}
}

func (m *mpEmitter) ipv4(k int, b []byte) {
	if m.want(k) {
		m.x.e.IPv4(&mptcpFields[k], b)
	}
}

func (m *mpEmitter) ipv6(k int, b []byte) {
	if m.want(k) {
		m.x.e.IPv6(&mptcpFields[k], b)
	}
}

// flagsBackup emits the flags byte of an MP_JOIN or MP_PRIO option and its
// backup flag.
func (m *mpEmitter) flagsBackup(fl uint8) {
	m.uint(mptcpFlags, uint64(fl))
	m.x.e.Sub()
	m.bits(mptcpBackupFlag, uint64(fl))
	m.x.e.Up()
}

// emitMPTCPJSON emits, for the JSON object, mptcp's fields of a segment of
// an MPTCP subflow as an object of their own after TCP's: the first
// option's generated values and the analysis.
func emitMPTCPJSON(e *emitter, t TCP, sg *tcpSegment) {
	f := &mptcpFields
	var seen uint64
	once := func(k int) bool {
		if seen&(1<<k) != 0 {
			return false
		}
		seen |= 1 << k
		return true
	}
	opened := false
	open := func() {
		if !opened {
			e.Proto(&protoMPTCP)
			opened = true
		}
	}
	for off := 0; ; {
		o, next, ok, bad := t.NextOption(off)
		if !ok || bad {
			break
		}
		off = next
		if o.Kind != TCPOptMPTCP || len(o.Data) == 0 {
			continue
		}
		open()
		d := o.Data
		switch d[0] >> 4 {
		case mptcpCapable:
			v1 := d[0]&0x0f == 1
			if len(d) < 10 || !mptcpAlgorithm(d[1]) || !once(mptcpExpectedToken) {
				break
			}
			token, idsn := mptcpKeyHash(be64(d[2:]), v1)
			e.Uint(&f[mptcpExpectedToken], uint64(token))
			e.Uint(&f[mptcpExpectedIDSN], idsn)
		case mptcpDSS:
			if sg == nil || !once(mptcpAck) {
				break
			}
			if sg.MP.HaveAck {
				e.Uint(&f[mptcpAck], sg.MP.Ack)
			}
			if sg.MP.HaveDSN {
				e.Uint(&f[mptcpDSSDSN], sg.MP.DSN)
			}
		case mptcpRemove:
			if once(mptcpRmAddrCount) {
				e.Uint(&f[mptcpRmAddrCount], uint64(len(d)-1))
			}
		}
	}
	if sg != nil && sg.MP.Has {
		open()
		emitMPTCPAnalysis(e, &sg.MP)
	}
	if opened {
		e.End()
	}
}

// mptcpAlgorithm reports whether an MP_CAPABLE option's flags name the
// one algorithm its version knows (HMAC-SHA1, HMAC-SHA256), as tshark
// checks them: the six low bits (version 1's C flag among them).
func mptcpAlgorithm(fl uint8) bool { return fl&0x3f == 1 }

// emitMPTCPAnalysis emits tshark's [MPTCP analysis] of a subflow's
// segment.
func emitMPTCPAnalysis(e *emitter, m *mptcpSeg) {
	f := &mptcpFields
	e.None(&f[mptcpAnalysis])
	e.Sub()
	e.Bool(&f[mptcpMaster], m.IsMaster)
	if e.Tree() {
		b := append(e.Text(), "Master flow: "...)
		if m.HasMaster {
			b = appendUint(append(b, "Master is tcp stream "...), uint64(m.Master))
		} else {
			b = append(b, "False"...)
		}
		e.SetRepr(b)
	}
	e.Uint(&f[mptcpStream], uint64(m.Stream))
	b := e.Text()
	for _, s := range m.Sub[:m.NSub] {
		b = append(appendUint(b, uint64(s)), ' ')
	}
	e.TextDone(&f[mptcpSubflows], b)
	e.Up()
}

// mptcpNames are tcpdump's names of the subtypes.
var mptcpNames = [...]string{"capable", "join", "dss", "add-addr", "rem-addr", "prio", "fail", "fast-close"}

// appendMPTCPOption appends MPTCP option o of a segment with TCP flags
// flags as tcpdump prints it ("mptcp 20 dss ack 1 seq 2 subseq 1 len 41");
// ok is false where tcpdump finds the option's length wrong for its
// subtype (it then prints "[bad opt]" and stops).
func appendMPTCPOption(b []byte, o TCPOption, flags uint16) (_ []byte, ok bool) {
	b = append(b, "mptcp"...)
	d := o.Data
	if len(d) == 0 {
		return b, false
	}
	b = appendUint(append(b, ' '), uint64(o.Len))
	sub := d[0] >> 4
	if int(sub) >= len(mptcpNames) {
		return append(b, " unknown"...), true
	}
	b = append(append(b, ' '), mptcpNames[sub]...)
	syn, ack := flags&TCPSyn != 0, flags&TCPAck != 0
	switch sub {
	case mptcpCapable:
		switch {
		case (o.Len == 4 || o.Len == 12) && syn:
		case (o.Len == 20 || o.Len == 22) && ack && !syn:
		default:
			return b, false
		}
		b = appendUint(append(b, " v"...), uint64(d[0]&0x0f))
		if d[1]&0x80 != 0 {
			b = append(b, " csum"...)
		}
		if o.Len >= 12 {
			b = appendHexMin(append(b, " {0x"...), be64(d[2:]))
			if o.Len >= 20 {
				b = appendHexMin(append(b, ",0x"...), be64(d[10:]))
			}
			b = append(b, '}')
		}
	case mptcpJoin:
		switch {
		case o.Len == 12 && syn:
			b = appendMPTCPBackup(b, d[0], true)
			b = appendUint(append(b, " id "...), uint64(d[1]))
			b = appendHexMin(append(b, " token 0x"...), uint64(be32(d[2:])))
			b = appendHexMin(append(b, " nonce 0x"...), uint64(be32(d[6:])))
		case o.Len == 16 && syn && ack:
			b = appendMPTCPBackup(b, d[0], true)
			b = appendUint(append(b, " id "...), uint64(d[1]))
			b = appendHexMin(append(b, " hmac 0x"...), be64(d[2:]))
			b = appendHexMin(append(b, " nonce 0x"...), uint64(be32(d[10:])))
		case o.Len == 24 && ack:
			b = appendHexBytes(append(b, " hmac 0x"...), d[2:22])
		default:
			return b, false
		}
	case mptcpDSS:
		if len(d) < 2 {
			return b, false
		}
		fl, rest := d[1], d[2:]
		if fl&0x10 != 0 {
			b = append(b, " fin"...)
		}
		if fl&0x01 != 0 {
			b = append(b, " ack "...)
			var ok bool
			if b, rest, ok = appendMPTCPNumber(b, rest, fl&0x02 != 0); !ok {
				return b, false
			}
		}
		if fl&0x04 != 0 {
			b = append(b, " seq "...)
			var ok bool
			if b, rest, ok = appendMPTCPNumber(b, rest, fl&0x08 != 0); !ok {
				return b, false
			}
			if len(rest) < 4 {
				return b, false
			}
			b = appendUint(append(b, " subseq "...), uint64(be32(rest)))
			rest = rest[4:]
			if len(rest) < 2 {
				return b, false
			}
			b = appendUint(append(b, " len "...), uint64(be16(rest)))
			rest = rest[2:]
			if len(rest) >= 2 {
				b = appendHexMin(append(b, " csum 0x"...), uint64(be16(rest)))
				rest = rest[2:]
			}
		}
		return b, len(rest) == 0
	case mptcpAddAddr:
		var six, port, hmac bool
		switch o.Len {
		case 8:
		case 10:
			port = true
		case 16:
			hmac = true
		case 18:
			port, hmac = true, true
		case 20:
			six = true
		case 22:
			six, port = true, true
		case 28:
			six, hmac = true, true
		case 30:
			six, port, hmac = true, true, true
		default:
			return b, false
		}
		switch d[0] & 0x0f {
		case 0:
			b = append(b, " v1"...)
		case 1:
			b = append(b, " v1-echo"...)
		case 4:
			b = append(b, " v0-ip4"...)
		case 6:
			b = append(b, " v0-ip6"...)
		default:
			b = append(b, " [bad version/echo]"...)
		}
		b = appendUint(append(b, " id "...), uint64(d[1]))
		a := d[2:]
		b = append(b, ' ')
		if six {
			b = netip.AddrFrom16([16]byte(a[:16])).AppendTo(b)
			a = a[16:]
		} else {
			b = netip.AddrFrom4([4]byte(a[:4])).AppendTo(b)
			a = a[4:]
		}
		if port {
			b = appendUint(append(b, ':'), uint64(be16(a)))
			a = a[2:]
		}
		if hmac {
			b = appendHexMin(append(b, " hmac 0x"...), be64(a))
		}
	case mptcpRemove:
		if o.Len < 4 {
			return b, false
		}
		b = append(b, " id"...)
		for _, id := range d[1:] {
			b = appendUint(append(b, ' '), uint64(id))
		}
	case mptcpPrio:
		if o.Len != 3 && o.Len != 4 {
			return b, false
		}
		b = appendMPTCPBackup(b, d[0], false)
		if o.Len == 4 {
			b = appendUint(append(b, " id "...), uint64(d[1]))
		}
	case mptcpFail:
		if o.Len != 12 {
			return b, false
		}
		b = appendUint(append(b, " seq "...), be64(d[2:]))
	case mptcpFastClose:
		if o.Len != 12 {
			return b, false
		}
		b = appendHexMin(append(b, " key 0x"...), be64(d[2:]))
	}
	return b, true
}

// appendMPTCPBackup appends an MP_JOIN's or MP_PRIO's backup flag as
// tcpdump words it: " backup", and for MP_PRIO " non-backup" (all).
func appendMPTCPBackup(b []byte, fl uint8, join bool) []byte {
	switch {
	case fl&1 != 0:
		return append(b, " backup"...)
	case !join:
		return append(b, " non-backup"...)
	}
	return b
}

// appendMPTCPNumber appends the 8-byte (long) or 4-byte number at the start
// of d and returns the bytes after it; ok is false when d is too short.
func appendMPTCPNumber(b, d []byte, long bool) (_, rest []byte, ok bool) {
	if long {
		if len(d) < 8 {
			return b, d, false
		}
		return appendUint(b, be64(d)), d[8:], true
	}
	if len(d) < 4 {
		return b, d, false
	}
	return appendUint(b, uint64(be32(d))), d[4:], true
}
