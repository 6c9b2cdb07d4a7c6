package decode

import (
	"strconv"
	"time"
)

// MPLS LSP ping (RFC 8029, UDP 3503): an echo request or reply that tests an
// LSP, Wireshark's "mpls-echo" and tcpdump's "LSP-PING".
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|       Version Number          |         Global Flags          |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|  Message Type |   Reply mode  |  Return Code  | Return Subcode|
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                        Sender's Handle                        |
//	|                        Sequence Number                        |
//	|                    TimeStamp Sent (seconds)                   |
//	|                  TimeStamp Sent (seconds fraction)            |
//	|                  TimeStamp Received (seconds)                 |
//	|                TimeStamp Received (seconds fraction)          |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                            TLVs ...                           |
//
// A TLV is a 16-bit type and a 16-bit length (of the value, without the
// header); the Target FEC Stack TLV (1) holds FEC elements laid out the
// same way, each padded to four bytes.

// MPLSEcho is an LSP ping message: its 32-byte header and its TLVs, as
// ParseMPLSEcho checked them.
type MPLSEcho []byte

const (
	mplsEchoPort      = 3503
	mplsEchoHeaderLen = 32
	// tcpdump's WB printer takes a datagram from or to its port before
	// its LSP ping printer does.
	wbTcpdumpPort = 4567

	mplsEchoTLVTargetFEC   = 1
	mplsEchoFECLDPIPv4     = 1
	mplsEchoFECRSVPIPv4    = 3
	mplsEchoFECLDPIPv4Len  = 5
	mplsEchoFECRSVPIPv4Len = 20
)

// ParseMPLSEcho checks b as an echo request or reply whose every TLV rawcap
// lays out as tshark does: version 1, a request or a reply, and Target FEC
// Stack TLVs of LDP IPv4 prefixes and RSVP IPv4 session queries of their
// lengths, each padded to four bytes. Anything else is ReasonUnsupported,
// and left as data.
func ParseMPLSEcho(b []byte) (MPLSEcho, error) {
	if len(b) < mplsEchoHeaderLen {
		return nil, ReasonTruncated
	}
	if be16(b) != 1 || b[4] < 1 || b[4] > 2 {
		return nil, ReasonUnsupported
	}
	for off := mplsEchoHeaderLen; off < len(b); {
		if len(b)-off < 4 {
			return nil, ReasonTruncated
		}
		typ, n := be16(b[off:]), int(be16(b[off+2:]))
		off += 4
		if typ != mplsEchoTLVTargetFEC || n%4 != 0 || n > len(b)-off || n == 0 {
			return nil, ReasonUnsupported
		}
		if !mplsEchoFECsLaidOut(b[off : off+n]) {
			return nil, ReasonUnsupported
		}
		off += n
	}
	return MPLSEcho(b[:len(b):len(b)]), nil
}

// mplsEchoFECsLaidOut reports whether v, a Target FEC Stack's value, is a
// run of the FEC elements rawcap lays out, each padded to four bytes.
func mplsEchoFECsLaidOut(v []byte) bool {
	for off := 0; off < len(v); {
		if len(v)-off < 4 {
			return false
		}
		typ, n := be16(v[off:]), int(be16(v[off+2:]))
		switch {
		case typ == mplsEchoFECLDPIPv4 && n == mplsEchoFECLDPIPv4Len:
		case typ == mplsEchoFECRSVPIPv4 && n == mplsEchoFECRSVPIPv4Len:
		default:
			return false
		}
		off += 4 + (n+3)&^3
		if off > len(v) {
			return false
		}
	}
	return true
}

// Version returns the version number (1).
func (m MPLSEcho) Version() uint16 { return be16(m) }

// Flags returns the global flags.
func (m MPLSEcho) Flags() uint16 { return be16(m[2:]) }

// MsgType returns the message type (1 request, 2 reply).
func (m MPLSEcho) MsgType() uint8 { return m[4] }

// Sequence returns the sequence number.
func (m MPLSEcho) Sequence() uint32 { return be32(m[12:]) }

// TLVs returns the bytes after the header.
func (m MPLSEcho) TLVs() []byte { return m[mplsEchoHeaderLen:] }

func (d *Decoder) decodeMPLSEcho(l *Layer) LayerType {
	b := d.bytes(l)
	// A datagram cut short by the snapshot length, or longer than the
	// IP packet that carries it, is left as data: tshark dissects neither.
	if d.n > 0 && d.layers[d.n-1].Type == LayerUDP && d.udpReported(d.n, len(b)) != len(b) {
		return l.asData()
	}
	if _, err := ParseMPLSEcho(b); err != nil {
		return l.asData()
	}
	l.Payload = l.End
	return LayerNone
}

// The fields, as Wireshark registers them.
const (
	mplsEchoVersion = iota
	mplsEchoFlags
	mplsEchoFlagSBZ
	mplsEchoFlagV
	mplsEchoFlagT
	mplsEchoFlagR
	mplsEchoMsgType
	mplsEchoReplyMode
	mplsEchoReturnCode
	mplsEchoReturnSubcode
	mplsEchoSenderHandle
	mplsEchoSequence
	mplsEchoTimestampSent
	mplsEchoTimestampRec
	mplsEchoTLVType
	mplsEchoTLVLen
	mplsEchoFECType
	mplsEchoFECLen
	mplsEchoFECLDPIPv4Addr
	mplsEchoFECLDPIPv4Mask
	mplsEchoFECRSVPIPv4EP
	mplsEchoFECRSVPMBZ1
	mplsEchoFECRSVPTunID
	mplsEchoFECRSVPExtTunID
	mplsEchoFECRSVPSender
	mplsEchoFECRSVPMBZ2
	mplsEchoFECRSVPLSPID
	mplsEchoPadding
	mplsEchoFieldCount
)

var mplsEchoFields = [mplsEchoFieldCount]Field{
	mplsEchoVersion:         {Name: "mpls_echo.version", Label: "Version", Kind: KindUint, Width: 16},
	mplsEchoFlags:           {Name: "mpls_echo.flags", Label: "Global Flags", Kind: KindUint, Width: 16, Base: BaseHex},
	mplsEchoFlagSBZ:         {Name: "mpls_echo.flag_sbz", Label: "Reserved", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xfff8},
	mplsEchoFlagV:           {Name: "mpls_echo.flag_v", Label: "Validate FEC Stack", Kind: KindBool, Width: 16, Mask: 0x1},
	mplsEchoFlagT:           {Name: "mpls_echo.flag_t", Label: "Respond only if TTL expired", Kind: KindBool, Width: 16, Mask: 0x2},
	mplsEchoFlagR:           {Name: "mpls_echo.flag_r", Label: "Validate Reverse Path", Kind: KindBool, Width: 16, Mask: 0x4},
	mplsEchoMsgType:         {Name: "mpls_echo.msg_type", Label: "Message Type", Kind: KindUint, Width: 8},
	mplsEchoReplyMode:       {Name: "mpls_echo.reply_mode", Label: "Reply Mode", Kind: KindUint, Width: 8},
	mplsEchoReturnCode:      {Name: "mpls_echo.return_code", Label: "Return Code", Kind: KindUint, Width: 8},
	mplsEchoReturnSubcode:   {Name: "mpls_echo.return_subcode", Label: "Return Subcode", Kind: KindUint, Width: 8},
	mplsEchoSenderHandle:    {Name: "mpls_echo.sender_handle", Label: "Sender's Handle", Kind: KindUint, Width: 32, Base: BaseHex},
	mplsEchoSequence:        {Name: "mpls_echo.sequence", Label: "Sequence Number", Kind: KindUint, Width: 32},
	mplsEchoTimestampSent:   {Name: "mpls_echo.timestamp_sent", Label: "Timestamp Sent", Kind: KindTime},
	mplsEchoTimestampRec:    {Name: "mpls_echo.timestamp_rec", Label: "Timestamp Received", Kind: KindTime},
	mplsEchoTLVType:         {Name: "mpls_echo.tlv.type", Label: "Type", Kind: KindUint, Width: 16},
	mplsEchoTLVLen:          {Name: "mpls_echo.tlv.len", Label: "Length", Kind: KindUint, Width: 16},
	mplsEchoFECType:         {Name: "mpls_echo.tlv.fec.type", Label: "Type", Kind: KindUint, Width: 16},
	mplsEchoFECLen:          {Name: "mpls_echo.tlv.fec.len", Label: "Length", Kind: KindUint, Width: 16},
	mplsEchoFECLDPIPv4Addr:  {Name: "mpls_echo.tlv.fec.ldp_ipv4", Label: "IPv4 Prefix", Kind: KindIPv4},
	mplsEchoFECLDPIPv4Mask:  {Name: "mpls_echo.tlv.fec.ldp_ipv4_mask", Label: "Prefix Length", Kind: KindUint, Width: 8},
	mplsEchoFECRSVPIPv4EP:   {Name: "mpls_echo.tlv.fec.rsvp_ipv4_ep", Label: "IPv4 Tunnel endpoint address", Kind: KindIPv4},
	mplsEchoFECRSVPMBZ1:     {Name: "mpls_echo.tlv.fec.rsvp_ip_mbz1", Label: "Must Be Zero", Kind: KindUint, Width: 16},
	mplsEchoFECRSVPTunID:    {Name: "mpls_echo.tlv.fec.rsvp_ip_tun_id", Label: "Tunnel ID", Kind: KindUint, Width: 16},
	mplsEchoFECRSVPExtTunID: {Name: "mpls_echo.tlv.fec.rsvp_ipv4_ext_tun_id", Label: "Extended Tunnel ID", Kind: KindUint, Width: 32, Base: BaseHex},
	mplsEchoFECRSVPSender:   {Name: "mpls_echo.tlv.fec.rsvp_ipv4_sender", Label: "IPv4 Tunnel sender address", Kind: KindIPv4},
	mplsEchoFECRSVPMBZ2:     {Name: "mpls_echo.tlv.fec.rsvp_ip_mbz2", Label: "Must Be Zero", Kind: KindUint, Width: 16},
	mplsEchoFECRSVPLSPID:    {Name: "mpls_echo.tlv.fec.rsvp_ip_lsp_id", Label: "LSP ID", Kind: KindUint, Width: 16},
	mplsEchoPadding:         {Name: "mpls_echo.padding", Label: "Padding", Kind: KindBytes},
}

var protoMPLSEcho = protoField("mpls-echo", "Multiprotocol Label Switching Echo")

func emitMPLSEcho(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoMPLSEcho)
	m := MPLSEcho(d.data[l.Start:l.Payload])
	f := &mplsEchoFields
	e.Uint(&f[mplsEchoVersion], uint64(m.Version()))
	flags := uint64(m.Flags())
	e.Uint(&f[mplsEchoFlags], flags)
	e.Sub()
	e.UintBits(&f[mplsEchoFlagSBZ], flags)
	e.BoolBits(&f[mplsEchoFlagV], flags)
	e.BoolBits(&f[mplsEchoFlagT], flags)
	e.BoolBits(&f[mplsEchoFlagR], flags)
	e.Up()
	e.Uint(&f[mplsEchoMsgType], uint64(m[4]))
	e.Uint(&f[mplsEchoReplyMode], uint64(m[5]))
	e.Uint(&f[mplsEchoReturnCode], uint64(m[6]))
	e.Uint(&f[mplsEchoReturnSubcode], uint64(m[7]))
	e.Uint(&f[mplsEchoSenderHandle], uint64(be32(m[8:])))
	e.Uint(&f[mplsEchoSequence], uint64(m.Sequence()))
	e.TextDone(&f[mplsEchoTimestampSent], appendMPLSEchoTime(e.Text(), m[16:24]))
	e.TextDone(&f[mplsEchoTimestampRec], appendMPLSEchoTime(e.Text(), m[24:32]))
	tlvs := m.TLVs()
	for off := 0; off+4 <= len(tlvs); {
		typ, n := be16(tlvs[off:]), int(be16(tlvs[off+2:]))
		if e.Tree() {
			e.Line(append(e.Text(), f[mplsEchoTLVType].ValueNames().Name(uint64(typ))...))
		}
		e.Sub()
		e.Uint(&f[mplsEchoTLVType], uint64(typ))
		e.Uint(&f[mplsEchoTLVLen], uint64(n))
		emitMPLSEchoFECs(e, tlvs[off+4:off+4+n])
		e.Up()
		off += 4 + n
	}
	e.End()
}

// emitMPLSEchoFECs emits the FEC elements of a Target FEC Stack, each in a
// subtree titled with its number and type.
func emitMPLSEchoFECs(e *emitter, v []byte) {
	f := &mplsEchoFields
	for k, off := 1, 0; off+4 <= len(v); k++ {
		typ, n := be16(v[off:]), int(be16(v[off+2:]))
		if e.Tree() {
			b := append(e.Text(), "FEC Element "...)
			b = strconv.AppendInt(b, int64(k), 10)
			b = append(b, ": "...)
			e.Line(append(b, f[mplsEchoFECType].ValueNames().Name(uint64(typ))...))
		}
		e.Sub()
		e.Uint(&f[mplsEchoFECType], uint64(typ))
		e.Uint(&f[mplsEchoFECLen], uint64(n))
		x := v[off+4:]
		switch typ {
		case mplsEchoFECLDPIPv4:
			e.IPv4(&f[mplsEchoFECLDPIPv4Addr], x[:4])
			e.Uint(&f[mplsEchoFECLDPIPv4Mask], uint64(x[4]))
		case mplsEchoFECRSVPIPv4:
			e.IPv4(&f[mplsEchoFECRSVPIPv4EP], x[:4])
			e.Uint(&f[mplsEchoFECRSVPMBZ1], uint64(be16(x[4:])))
			e.Uint(&f[mplsEchoFECRSVPTunID], uint64(be16(x[6:])))
			e.Uint(&f[mplsEchoFECRSVPExtTunID], uint64(be32(x[8:])))
			e.IPv4(&f[mplsEchoFECRSVPSender], x[12:16])
			e.Uint(&f[mplsEchoFECRSVPMBZ2], uint64(be16(x[16:])))
			e.Uint(&f[mplsEchoFECRSVPLSPID], uint64(be16(x[18:])))
		}
		if pad := (4 - n%4) % 4; pad > 0 {
			e.Bytes(&f[mplsEchoPadding], x[n:n+pad])
		}
		e.Up()
		off += 4 + (n+3)&^3
	}
}

// appendMPLSEchoTime appends a 32.32 NTP timestamp as Wireshark shows
// mpls-echo's: the UTC date with nanoseconds, in NTP era 1 (2036 on) when
// the top bit is clear, and the Unix epoch for zero.
func appendMPLSEchoTime(b, v []byte) []byte {
	s, f := be32(v), be32(v[4:])
	if s == 0 && f == 0 {
		return append(b, "Jan  1, 1970 00:00:00.000000000 UTC"...)
	}
	sec := int64(s) - 2208988800
	if s&0x80000000 == 0 {
		sec += 1 << 32
	}
	ns := int64(uint32(float64(f) / 4294967296.0 * 1000000000.0))
	return time.Unix(sec, ns).UTC().AppendFormat(b, "Jan _2, 2006 15:04:05.000000000 UTC")
}

// infoMPLSEcho appends the packet list's Info: the message type's name.
func infoMPLSEcho(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	return append(b, mplsEchoFields[mplsEchoMsgType].ValueNames().Name(uint64(d.data[l.Start+4]))...)
}

// lsppingTcpdumpPorts reports whether tcpdump hands a UDP datagram between
// ports sp and dp to its LSP ping printer (port 3503, unless the other one
// is WB's, which tcpdump tries first).
func lsppingTcpdumpPorts(sp, dp uint16) bool {
	return (sp == mplsEchoPort || dp == mplsEchoPort) && sp != wbTcpdumpPort && dp != wbTcpdumpPort
}

func (p *LinePrinter) lineMPLSEcho(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if p.Options.Quiet {
		return appendUDPLength(b, radiusTcpdumpLen(d, i-1))
	}
	return p.appendLSPPing(b, d.data[l.Start:l.End], radiusTcpdumpLen(d, i-1))
}

// tcpdump's names of the message types, reply modes and return codes (its
// own spellings, not Wireshark's).
var (
	lsppingMsgTypes   = [...]string{1: "MPLS Echo Request", 2: "MPLS Echo Reply"}
	lsppingReplyModes = [...]string{1: "Do not reply", 2: "Reply via an IPv4/IPv6 UDP packet",
		3: "Reply via an IPv4/IPv6 UDP packet with Router Alert", 4: "Reply via application level control channel"}
	lsppingReturnCodes = [...]string{
		0:  "No return code or return code contained in the Error Code TLV",
		1:  "Malformed echo request received",
		2:  "One or more of the TLVs was not understood",
		3:  "Replying router is an egress for the FEC at stack depth",
		4:  "Replying router has no mapping for the FEC at stack depth",
		5:  "Downstream Mapping Mismatch",
		6:  "Upstream Interface Index Unknown",
		7:  "Reserved",
		8:  "Label switched at stack-depth",
		9:  "Label switched but no MPLS forwarding at stack-depth",
		10: "Mapping for this FEC is not the given label at stack depth",
		11: "No label entry at stack-depth",
		12: "Protocol not associated with interface at FEC stack depth",
		13: "Premature termination of ping due to label stack shrinking to a single label",
	}
	lsppingSubTLVs = [...]string{1: "LDP IPv4 prefix", 2: "LDP IPv6 prefix", 3: "RSVP IPv4 Session Query",
		4: "RSVP IPv6 Session Query", 6: "VPN IPv4 prefix", 7: "VPN IPv6 prefix", 8: "L2 VPN endpoint",
		9: "FEC 128 pseudowire (old)", 10: "FEC 128 pseudowire", 11: "BGP labeled IPv4 prefix", 12: "BGP labeled IPv6 prefix"}
)

func lsppingName(names []string, v int, unknown string) string {
	if v < len(names) && names[v] != "" {
		return names[v]
	}
	return unknown
}

// appendLSPPing appends tcpdump's LSP ping text for m, a datagram of
// length bytes of which m holds the captured ones: one line, or at -v its
// header and the TLVs it lays out (the FEC elements of Target FEC Stacks),
// with hex dumps at -vv; " [|lspping]" where the capture ends.
func (p *LinePrinter) appendLSPPing(b, m []byte, length int) []byte {
	const trunc = " [|lspping]"
	if length < mplsEchoHeaderLen {
		return append(b, "\n\t\t packet is too short"...)
	}
	if len(m) < mplsEchoHeaderLen {
		p.abandoned = true         // tcpdump's printer longjmps out at the cut, and dumps the whole frame with -x
		return append(b, trunc...) // it checks the whole header was captured first
	}
	if v := be16(m); v != 1 {
		b = append(b, "LSP-PING version "...)
		b = appendUint(b, uint64(v))
		return append(b, " packet not supported"...)
	}
	if p.Options.Verbose < 1 {
		b = append(b, "LSP-PINGv1, "...)
		if name := lsppingName(lsppingMsgTypes[:], int(m[4]), ""); name != "" {
			b = append(b, name...)
		} else {
			b = append(b, "unknown ("...)
			b = appendUint(b, uint64(m[4]))
			b = append(b, ')')
		}
		b = append(b, ", seq "...)
		b = appendUint(b, uint64(be32(m[12:])))
		b = append(b, ", length: "...)
		return appendUint(b, uint64(length))
	}
	b = append(b, "\n\tLSP-PINGv1, msg-type: "...)
	b = append(b, lsppingName(lsppingMsgTypes[:], int(m[4]), "unknown")...)
	b = append(b, " ("...)
	b = appendUint(b, uint64(m[4]))
	b = append(b, "), length: "...)
	b = appendUint(b, uint64(length))
	b = append(b, "\n\t  reply-mode: "...)
	b = append(b, lsppingName(lsppingReplyModes[:], int(m[5]), "unknown")...)
	b = append(b, " ("...)
	b = appendUint(b, uint64(m[5]))
	b = append(b, ")\n\t  Return Code: "...)
	code, sub := m[6], m[7]
	b = append(b, lsppingName(lsppingReturnCodes[:], int(code), "unknown")...)
	if lsppingStackDepthCode(code) {
		b = append(b, ' ')
		b = appendUint(b, uint64(sub))
	}
	b = append(b, " ("...)
	b = appendUint(b, uint64(code))
	b = append(b, ")\n\t  Return Subcode: ("...)
	b = appendUint(b, uint64(sub))
	b = append(b, ")\n\t  Sender Handle: 0x"...)
	b = appendHex8(b, be32(m[8:]))
	b = append(b, ", Sequence: "...)
	b = appendUint(b, uint64(be32(m[12:])))
	b = append(b, "\n\t  Sender Timestamp: "...)
	b = appendNTPTimestamp(b, m[16:24])
	b = append(b, " Receiver Timestamp: "...)
	if be32(m[24:]) != 0 || be32(m[28:]) != 0 {
		b = appendNTPTimestamp(b, m[24:32])
	} else {
		b = append(b, "no timestamp"...)
	}
	tlen := length - mplsEchoHeaderLen
	off := mplsEchoHeaderLen
	for tlen != 0 {
		if tlen < 4 {
			return append(b, "\n\t\t packet is too short"...)
		}
		if len(m)-off < 4 {
			p.abandoned = true
			return append(b, trunc...)
		}
		typ, n := be16(m[off:]), int(be16(m[off+2:]))
		b = append(b, "\n\t  "...)
		if typ == mplsEchoTLVTargetFEC {
			b = append(b, "Target FEC Stack"...)
		} else {
			b = append(b, "Unknown"...)
		}
		b = append(b, " TLV ("...)
		b = appendUint(b, uint64(typ))
		b = append(b, "), length: "...)
		b = appendUint(b, uint64(n))
		if n == 0 {
			break
		}
		if tlen < n+4 {
			return append(b, "\n\t\t packet is too short"...)
		}
		if len(m)-off-4 < n {
			p.abandoned = true
			return append(b, trunc...)
		}
		v := m[off+4 : off+4+n]
		hexdump := p.Options.Verbose > 1
		if typ == mplsEchoTLVTargetFEC {
			var dump, stop bool
			if b, dump, stop = p.appendLSPPingFECs(b, v); stop {
				return b
			}
			hexdump = hexdump || dump
		} else if !hexdump {
			b = appendHexDumpLines(b, v, "\n\t    ")
		}
		if hexdump {
			b = appendHexDumpLines(b, v, "\n\t    ")
		}
		if n%4 != 0 {
			n += 4 - n%4
			if tlen < n+4 {
				return append(b, "\n\t\t packet is too short"...)
			}
		}
		off += n + 4
		tlen -= n + 4
	}
	return b
}

// appendLSPPingFECs appends the FEC elements of a Target FEC Stack TLV's
// value v as tcpdump does: it counts each element's header against the
// TLV's length but moves past its value alone, so the elements after a
// first are read from where that one's value ended. hexdump is set where
// one goes past the TLV's end (tcpdump then dumps the TLV); stop where
// its padding does (tcpdump stops there).
func (p *LinePrinter) appendLSPPingFECs(b, v []byte) (_ []byte, hexdump, stop bool) {
	for at, rem := 0, len(v); rem != 0; {
		if rem < 4 {
			return append(b, "\n\t      TLV is too short"...), true, false
		}
		typ, n := be16(v[at:]), int(be16(v[at+2:]))
		if rem < n+4 {
			return append(b, "\n\t      TLV is too short"...), true, false
		}
		b = append(b, "\n\t    "...)
		b = append(b, lsppingName(lsppingSubTLVs[:], int(typ), "Unknown")...)
		b = append(b, " subTLV ("...)
		b = appendUint(b, uint64(typ))
		b = append(b, "), length: "...)
		b = appendUint(b, uint64(n))
		x := v[at+4 : at+4+n]
		dump := p.Options.Verbose > 1
		switch {
		case typ == mplsEchoFECLDPIPv4 && n != mplsEchoFECLDPIPv4Len:
			b = append(b, "\n\t      invalid subTLV length, should be 5"...)
		case typ == mplsEchoFECLDPIPv4:
			b = append(b, "\n\t      "...)
			b = appendIPv4(b, x, 0)
			b = append(b, '/')
			b = appendUint(b, uint64(x[4]))
		case typ == mplsEchoFECRSVPIPv4 && n != mplsEchoFECRSVPIPv4Len:
			b = append(b, "\n\t      invalid subTLV length, should be 20"...)
		case typ == mplsEchoFECRSVPIPv4:
			b = append(b, "\n\t      tunnel end-point "...)
			b = appendIPv4(b, x, 0)
			b = append(b, ", tunnel sender "...)
			b = appendIPv4(b, x, 12)
			b = append(b, ", lsp-id 0x"...)
			b = appendHex4(b, be16(x[18:]))
			b = append(b, "\n\t      tunnel-id 0x"...)
			b = appendHex4(b, be16(x[6:]))
			b = append(b, ", extended tunnel-id "...)
			b = appendIPv4(b, x, 8)
		default:
			dump = true
		}
		if dump {
			b = appendHexDumpLines(b, x, "\n\t      ")
		}
		if n%4 != 0 {
			n += 4 - n%4
			if rem < n+4 {
				return append(b, "\n\t\t TLV is too short"...), false, true
			}
		}
		at += n
		rem -= n + 4
	}
	return b, false, false
}

// lsppingStackDepthCode reports whether tcpdump follows return code c's
// name with the return subcode (the stack depth the name ends with).
func lsppingStackDepthCode(c uint8) bool {
	switch c {
	case 3, 4, 8, 10, 11, 12: // not 9, whose name ends in "stack-depth" too
		return true
	}
	return false
}

// lspPingLineWritten reports whether rawcap's LSP ping text for datagram m
// is tcpdump's at every verbosity: a header and Target FEC Stacks of LDP
// IPv4 prefixes and RSVP IPv4 session queries (tcpdump lays out other TLVs
// rawcap does not yet), or a datagram cut short before its first TLV.
func lspPingLineWritten(m []byte) bool {
	if len(m) < mplsEchoHeaderLen {
		return true
	}
	_, err := ParseMPLSEcho(m)
	return err == nil
}
