package decode

import (
	"math"
	"strconv"
)

// ISIS is an IS-IS PDU (ISO 10589) carried over OSI: after an LLC header
// with the ISO network layer SAPs (0xfe) its network layer protocol
// identifier is 0x83. Every PDU starts with the same 8-byte header,
//
//	0  intradomain routeing protocol discriminator (0x83)
//	1  length indicator: the header's length, fixed part of the PDU's too
//	2  version/protocol ID extension (1)
//	3  ID length (0 means 6)
//	4  reserved (3 bits), PDU type (5 bits)
//	5  version (1)
//	6  reserved
//	7  maximum area addresses (0 means 3)
//
// then the fixed part of its type (a LAN hello, an LSP, a CSNP), then
// TLVs up to the PDU length the fixed part gives.
//
// rawcap takes a PDU as IS-IS when it holds only what it draws as tshark
// and tcpdump do (whole TLVs of the types and values isisTLVTaken
// accepts); anything else is left as data.
type ISIS []byte

// isisNLPID is IS-IS's network layer protocol identifier.
const isisNLPID = 0x83

// The PDU types.
const (
	isisL1Hello  = 15
	isisL2Hello  = 16
	isisP2PHello = 17
	isisL1LSP    = 18
	isisL2LSP    = 20
	isisL1CSNP   = 24
	isisL2CSNP   = 25
	isisL1PSNP   = 26
	isisL2PSNP   = 27
)

// isisCommonLen is the length of the common header.
const isisCommonLen = 8

// isisFixedLen returns the length of the header of PDU type t (common
// header and fixed part), 0 for a type rawcap does not draw.
func isisFixedLen(t uint8) int {
	switch t {
	case isisL1Hello, isisL2Hello:
		return 27
	case isisL1LSP, isisL2LSP:
		return 27
	case isisL1CSNP, isisL2CSNP:
		return 33
	case isisP2PHello:
		return 20
	case isisL1PSNP, isisL2PSNP:
		return 17
	}
	return 0
}

// Type returns the PDU type.
func (s ISIS) Type() uint8 { return s[4] & 0x1f }

// PDULen returns the PDU length of the fixed part.
func (s ISIS) PDULen() int {
	switch s.Type() {
	case isisL1Hello, isisL2Hello, isisP2PHello:
		return int(be16(s[17:]))
	}
	return int(be16(s[8:]))
}

// ParseISIS returns the IS-IS PDU at the start of b when rawcap draws it
// whole (see ISIS).
func ParseISIS(b []byte) (ISIS, error) {
	if len(b) < isisCommonLen || b[0] != isisNLPID {
		return nil, ReasonTruncated
	}
	t := b[4] & 0x1f
	n := isisFixedLen(t)
	if n == 0 || len(b) < n || int(b[1]) != n || b[2] != 1 || b[3] != 0 || b[4]&0xe0 != 0 || b[5] != 1 || b[6] != 0 {
		return nil, ReasonTruncated
	}
	s := ISIS(b)
	if s.PDULen() != len(b) {
		return nil, ReasonTruncated
	}
	switch t {
	case isisL1Hello, isisL2Hello, isisP2PHello:
		if b[8]&0xfc != 0 || b[8]&3 == 0 || t != isisP2PHello && b[19]&0x80 != 0 {
			return nil, ReasonTruncated
		}
	case isisL1LSP, isisL2LSP:
		if !isisLSPTaken(b) {
			return nil, ReasonTruncated
		}
	}
	for off := n; off < len(b); {
		if off+2 > len(b) {
			return nil, ReasonTruncated
		}
		typ, ln := b[off], int(b[off+1])
		if off+2+ln > len(b) {
			return nil, ReasonTruncated
		}
		if typ == 236 && isisHello(t) {
			if !isisIPv6ReachTaken(b[off+2:], ln) {
				return nil, ReasonTruncated
			}
		} else if !isisTLVTaken(t, typ, b[off+2:off+2+ln]) {
			return nil, ReasonTruncated
		}
		off += 2 + ln
	}
	return ISIS(b[:len(b):len(b)]), nil
}

// isisLSPTaken reports whether an LSP's header is one rawcap draws: its
// checksum right (tshark and tcpdump check it), a lifetime, and flags
// of the kinds tcpdump's line names as rawcap does.
func isisLSPTaken(b []byte) bool {
	if be16(b[10:]) == 0 || be16(b[24:]) == 0 {
		return false
	}
	f := b[26]
	return f&^0x0b == 0 && (f&3 == 1 || f&3 == 3)
}

// isisChecksum returns the ISO 8473 (Fletcher) checksum b should carry in
// its bytes k and k+1 (RFC 1008's algorithm), b being an LSP from its ID
// on; a checksum is right when it is this value.
func isisChecksum(b []byte, k int) uint16 {
	var c0, c1 int
	for i, x := range b {
		if i == k || i == k+1 {
			x = 0
		}
		c0 = (c0 + int(x)) % 255
		c1 = (c1 + c0) % 255
	}
	n := len(b)
	x := ((n-k-1)*c0 - c1) % 255
	if x <= 0 {
		x += 255
	}
	y := (c1 - (n-k)*c0) % 255
	if y <= 0 {
		y += 255
	}
	return uint16(x)<<8 | uint16(y)
}

// isisLSPChecksumOK reports whether an LSP's checksum is right.
func isisLSPChecksumOK(s ISIS) bool { return be16(s[24:]) == isisChecksum(s[12:], 12) }

// isisTLVTaken reports whether rawcap draws TLV typ with value v in a PDU
// of type t.
func isisTLVTaken(t, typ uint8, v []byte) bool {
	hello := t == isisL1Hello || t == isisL2Hello || t == isisP2PHello
	lsp := t == isisL1LSP || t == isisL2LSP
	csnp := t == isisL1CSNP || t == isisL2CSNP || t == isisL1PSNP || t == isisL2PSNP
	switch {
	case hello && isisTLVUnknown(typ):
		return true
	case typ == 240 && t == isisP2PHello:
		return len(v) == 15 && v[0] <= 2
	case typ == 143 && t == isisP2PHello:
		return isisPortCapTaken(v)
	case typ == 1 && (hello || lsp):
		for off := 0; off < len(v); {
			n := int(v[off])
			if n == 0 || off+1+n > len(v) {
				return false
			}
			off += 1 + n
		}
		return len(v) > 0
	case typ == 8 && hello:
		return true
	case typ == 6 && hello:
		return len(v) > 0 && len(v)%6 == 0
	case typ == 129 && (hello || lsp):
		for _, c := range v {
			if isisNLPIDName(c) == "" {
				return false
			}
		}
		return len(v) > 0
	case typ == 132 && (hello || lsp):
		return len(v) > 0 && len(v)%4 == 0
	case typ == 232 && (hello || lsp):
		return len(v) > 0 && len(v)%16 == 0
	case typ == 211 && hello:
		return len(v) == 3 && v[0] == 0
	case typ == 137 && lsp:
		for _, c := range v {
			if c < 0x20 || c > 0x7e {
				return false
			}
		}
		return len(v) > 0
	case typ == 128 && lsp:
		if len(v) == 0 || len(v)%12 != 0 {
			return false
		}
		for off := 0; off < len(v); off += 12 {
			e := v[off:]
			if e[0]&0xc0 != 0 || e[1] != 0x80 || e[2] != 0x80 || e[3] != 0x80 || maskLen(be32(e[8:])) < 0 {
				return false
			}
		}
		return true
	case typ == 2 && lsp:
		if len(v) < 12 || (len(v)-1)%11 != 0 || v[0] != 0 {
			return false
		}
		for off := 1; off < len(v); off += 11 {
			e := v[off:]
			if e[0]&0xc0 != 0 || e[1] != 0x80 || e[2] != 0x80 || e[3] != 0x80 {
				return false
			}
		}
		return true
	case typ == 9 && csnp:
		return len(v) > 0 && len(v)%16 == 0
	case typ == 14 && lsp:
		return len(v) == 2
	case typ == 134 && lsp:
		return len(v) == 4
	case typ == 22 && lsp:
		return isisExtISTaken(v)
	case typ == 135 && lsp:
		return isisExtIPTaken(v)
	case typ == 242 && lsp:
		if len(v) < 5 || v[4] != 0x03 {
			return false
		}
		for off := 5; off < len(v); {
			if off+2 > len(v) || v[off] != 19 || off+2+int(v[off+1]) > len(v) {
				return false
			}
			for _, a := range v[off+2 : off+2+int(v[off+1])] {
				if a > 1 {
					return false
				}
			}
			off += 2 + int(v[off+1])
		}
		return true
	}
	return false
}

// isisUnknownTLVs is the set of TLV types, bit t of word t/64, that
// neither tshark 4.0 nor tcpdump 4.99 decodes in a hello (both were asked
// about every type in each kind of hello): tshark draws them as "Unknown
// code", tcpdump as "unknown TLV" with their bytes in hex.
var isisUnknownTLVs = [4]uint64{0xfffffbfffebe8801, 0xfffffffffffffffb, 0xfffcffffffec7900, 0xfbf8c4dfbff7ffff}

// isisTLVUnknown reports whether a hello's TLV of type typ is one neither
// tshark nor tcpdump decodes.
func isisTLVUnknown(typ uint8) bool { return isisUnknownTLVs[typ/64]>>(typ%64)&1 != 0 }

// isisPortCapTaken reports whether rawcap draws an MT port capability TLV:
// its topology word, then SPB MCID sub-TLVs (type 4, 102 bytes) and, where
// bytes remain, a sub-TLV longer than them, which tshark and tcpdump both
// stop at (a malformed TLV).
func isisPortCapTaken(v []byte) bool {
	if len(v) < 2 {
		return false
	}
	for off := 2; off < len(v); {
		rest := len(v) - off
		if rest < 3 {
			return false
		}
		n := int(v[off+1])
		if n > rest-2 {
			return true
		}
		if v[off] != 4 || n != 102 {
			return false
		}
		off += 2 + n
	}
	return true
}

// isisIPv6ReachTaken reports whether rawcap prints an IPv6 reachability
// TLV of n bytes in a hello as tcpdump does (tshark leaves it undecoded
// there): prefixes without sub-TLVs, the last of which may run past the
// TLV into the PDU's bytes after it, which tcpdump reads and then calls
// invalid. rest runs from the TLV's value to the end of the PDU.
func isisIPv6ReachTaken(rest []byte, n int) bool {
	for off := 0; off < n; {
		if off+6 > len(rest) {
			return false
		}
		st, plen := rest[off+4], int(rest[off+5])
		off += 6 + (plen+7)/8
		if st&0x20 != 0 || plen > 128 || off > len(rest) {
			return false
		}
	}
	return n > 0
}

// isisHello reports whether PDU type t is a hello.
func isisHello(t uint8) bool { return t == isisL1Hello || t == isisL2Hello || t == isisP2PHello }

// isisExtISTaken reports whether rawcap draws an extended IS reachability
// TLV: neighbors with the sub-TLVs isisExtISSubTaken accepts.
func isisExtISTaken(v []byte) bool {
	for off := 0; off < len(v); {
		if off+11 > len(v) {
			return false
		}
		n := int(v[off+10])
		end := off + 11 + n
		if n == 0 || end > len(v) {
			return false
		}
		for k := off + 11; k < end; {
			if k+2 > end || k+2+int(v[k+1]) > end || !isisExtISSubTaken(v[k], v[k+2:k+2+int(v[k+1])]) {
				return false
			}
			k += 2 + int(v[k+1])
		}
		off = end
	}
	return len(v) > 0
}

// isisExtISSubTaken reports whether rawcap draws an extended IS
// reachability sub-TLV of code c and value v.
func isisExtISSubTaken(c uint8, v []byte) bool {
	switch c {
	case 6, 9, 10:
		return len(v) == 4
	case 3:
		return len(v) == 4 && be32(v) == 0
	case 4:
		return len(v) == 8
	case 11:
		return len(v) == 32
	case 32:
		return len(v) == 11 && v[0] == 0x30
	}
	return false
}

// isisExtIPTaken reports whether rawcap draws an extended IP reachability
// TLV: prefixes without sub-TLVs, distributed up.
func isisExtIPTaken(v []byte) bool {
	for off := 0; off < len(v); {
		if off+5 > len(v) {
			return false
		}
		c := v[off+4]
		plen := int(c & 0x3f)
		n := (plen + 7) / 8
		if c&0xc0 != 0 || plen > 32 || off+5+n > len(v) {
			return false
		}
		off += 5 + n
	}
	return len(v) > 0
}

// isisNLPIDName returns tshark's name of a supported protocol's NLPID and
// tcpdump's, "" for one rawcap does not draw.
func isisNLPIDName(c uint8) string {
	switch c {
	case 0xcc:
		return "IP"
	case 0x8e:
		return "IPv6"
	case 0xc1:
		return "IEEE 802.1aq (SPB)"
	}
	return ""
}

func isisNLPIDTcpdump(c uint8) string {
	switch c {
	case 0xcc:
		return "IPv4"
	case 0xc1:
		return "ISIS_SPB"
	}
	return "IPv6"
}

func (d *Decoder) decodeISIS(l *Layer) LayerType {
	if _, err := ParseISIS(d.bytes(l)); err != nil {
		// Left as data, as before rawcap drew IS-IS: what it does not
		// draw as tshark does stays bytes.
		return l.asData()
	}
	l.Payload = l.End
	return LayerNone
}

// appendSystemID appends an OSI system ID as tshark and tcpdump show it:
// 6 bytes in three dotted groups of four hex digits, then the pseudonode
// byte (".01") and the LSP number ("-00") where b holds them.
func appendSystemID(b, id []byte) []byte {
	for i := 0; i < len(id) && i < 6; i += 2 {
		if i > 0 {
			b = append(b, '.')
		}
		b = appendHex2(b, id[i])
		if i+1 < len(id) {
			b = appendHex2(b, id[i+1])
		}
	}
	if len(id) > 6 {
		b = appendHex2(append(b, '.'), id[6])
	}
	if len(id) > 7 {
		b = appendHex2(append(b, '-'), id[7])
	}
	return b
}

// appendAreaAddress appends an area address as tshark and tcpdump show
// it: its first byte, then dotted groups of two bytes ("49.000a").
func appendAreaAddress(b, a []byte) []byte {
	for i, c := range a {
		if i%2 == 1 && i > 0 {
			b = append(b, '.')
		}
		b = appendHex2(b, c)
	}
	return b
}

// The fields, as Wireshark registers them: the common header's (isis),
// then the hello's, the LSP's and the CSNP's, each their protocol's.
const (
	isisIRPD = iota
	isisLen
	isisVersion
	isisSysIDLen
	isisTypeReserved
	isisType
	isisVersion2
	isisReserved
	isisMaxAreaAdr
	isisFieldCount
)

var isisFields = [isisFieldCount]Field{
	isisIRPD:         {Name: "isis.irpd", Label: "Intradomain Routing Protocol Discriminator", Kind: KindUint, Width: 8, Base: BaseHex},
	isisLen:          {Name: "isis.len", Label: "Length Indicator", Kind: KindUint, Width: 8},
	isisVersion:      {Name: "isis.version", Label: "Version/Protocol ID Extension", Kind: KindUint, Width: 8},
	isisSysIDLen:     {Name: "isis.sysid_len", Label: "ID Length", Kind: KindUint, Width: 8},
	isisTypeReserved: {Name: "isis.type.reserved", Label: "Reserved", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xe0},
	isisType:         {Name: "isis.type", Label: "PDU Type", Kind: KindUint, Width: 8, Mask: 0x1f},
	isisVersion2:     {Name: "isis.version2", Label: "Version", Kind: KindUint, Width: 8},
	isisReserved:     {Name: "isis.reserved", Label: "Reserved", Kind: KindUint, Width: 8},
	isisMaxAreaAdr:   {Name: "isis.max_area_adr", Label: "Maximum Area Addresses", Kind: KindUint, Width: 8},
}

var protoISIS = protoField("isis", "ISO 10589 ISIS InTRA Domain Routeing Information Exchange Protocol")

const (
	isisHelloCircuitType = iota
	isisHelloReserved
	isisHelloSourceID
	isisHelloHoldingTimer
	isisHelloPDULength
	isisHelloPriority
	isisHelloReserved2
	isisHelloLanID
	isisHelloLocalCircuitID
	isisHelloCLVType
	isisHelloCLVLength
	isisHelloNLPID
	isisHelloAreaAddress
	isisHelloIPv4IntAddr
	isisHelloIPv6IntAddr
	isisHelloRestartFlags
	isisHelloRestartSA
	isisHelloRestartRA
	isisHelloRestartRR
	isisHelloISNeighbor
	isisHelloAdjState
	isisHelloExtLocalCircuitID
	isisHelloNeighborSysID
	isisHelloNeighborExtLocalCircuitID
	isisHelloMTID
	isisHelloMCID
	isisHelloAuxMCID
	isisHelloFieldCount
)

var isisHelloFields = [isisHelloFieldCount]Field{
	isisHelloCircuitType:  {Name: "isis.hello.circuit_type", Label: "Circuit type", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x03},
	isisHelloReserved:     {Name: "isis.hello.reserved", Label: "Reserved", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xfc},
	isisHelloSourceID:     {Name: "isis.hello.source_id", Label: "SystemID {Sender of PDU}", Kind: KindSystemID},
	isisHelloHoldingTimer: {Name: "isis.hello.holding_timer", Label: "Holding timer", Kind: KindUint, Width: 16},
	isisHelloPDULength:    {Name: "isis.hello.pdu_length", Label: "PDU length", Kind: KindUint, Width: 16},
	isisHelloPriority:     {Name: "isis.hello.priority", Label: "Priority", Kind: KindUint, Width: 8, Mask: 0x7f},
	// tshark registers a second field of the name: the bit above the
	// priority, in decimal.
	isisHelloReserved2:                 {Name: "isis.hello.reserved", Label: "Reserved", Kind: KindUint, Width: 8, Mask: 0x80},
	isisHelloLanID:                     {Name: "isis.hello.lan_id", Label: "SystemID {Designated IS}", Kind: KindSystemID},
	isisHelloLocalCircuitID:            {Name: "isis.hello.local_circuit_id", Label: "Local circuit ID", Kind: KindUint, Width: 8},
	isisHelloCLVType:                   {Name: "isis.hello.clv.type", Label: "Type", Kind: KindUint, Width: 8},
	isisHelloCLVLength:                 {Name: "isis.hello.clv.length", Label: "Length", Kind: KindUint, Width: 8},
	isisHelloNLPID:                     {Name: "isis.hello.clv_nlpid.nlpid", Label: "NLPID", Kind: KindUint, Width: 8, Base: BaseHex},
	isisHelloAreaAddress:               {Name: "isis.hello.area_address", Label: "Area address", Kind: KindBytes},
	isisHelloIPv4IntAddr:               {Name: "isis.hello.clv_ipv4_int_addr", Label: "IPv4 interface address", Kind: KindIPv4},
	isisHelloIPv6IntAddr:               {Name: "isis.hello.clv_ipv6_int_addr", Label: "IPv6 interface address", Kind: KindIPv6},
	isisHelloRestartFlags:              {Name: "isis.hello.clv_restart_flags", Label: "Restart Signaling Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	isisHelloRestartSA:                 {Name: "isis.hello.clv_restart_flags.sa", Label: "Suppress Adjacency", Kind: KindBool, Width: 8, Mask: 0x04},
	isisHelloRestartRA:                 {Name: "isis.hello.clv_restart_flags.ra", Label: "Restart Acknowledgment", Kind: KindBool, Width: 8, Mask: 0x02},
	isisHelloRestartRR:                 {Name: "isis.hello.clv_restart_flags.rr", Label: "Restart Request", Kind: KindBool, Width: 8, Mask: 0x01},
	isisHelloISNeighbor:                {Name: "isis.hello.is_neighbor", Label: "IS Neighbor", Kind: KindMAC},
	isisHelloAdjState:                  {Name: "isis.hello.adjacency_state", Label: "Adjacency State", Kind: KindUint, Width: 8},
	isisHelloExtLocalCircuitID:         {Name: "isis.hello.extended_local_circuit_id", Label: "Extended Local circuit ID", Kind: KindUint, Width: 32, Base: BaseHex},
	isisHelloNeighborSysID:             {Name: "isis.hello.neighbor_systemid", Label: "Neighbor SystemID", Kind: KindSystemID},
	isisHelloNeighborExtLocalCircuitID: {Name: "isis.hello.neighbor_extended_local_circuit_id", Label: "Neighbor Extended Local circuit ID", Kind: KindUint, Width: 32, Base: BaseHex},
	isisHelloMTID:                      {Name: "isis.hello.mtid", Label: "Topology ID", Kind: KindUint, Width: 16, Mask: 0x0fff},
	isisHelloMCID:                      {Name: "isis.hello.mcid", Label: "MCID", Kind: KindBytes},
	isisHelloAuxMCID:                   {Name: "isis.hello.aux_mcid", Label: "Aux MCID", Kind: KindBytes},
}

var protoISISHello = protoField("isis.hello", "ISIS HELLO")

const (
	isisLSPPDULength = iota
	isisLSPRemainingLife
	isisLSPID
	isisLSPSequence
	isisLSPChecksum
	isisLSPChecksumStatus
	isisLSPPartitionRepair
	isisLSPAtt
	isisLSPErrorMetric
	isisLSPExpenseMetric
	isisLSPDelayMetric
	isisLSPDefaultMetric
	isisLSPOverload
	isisLSPISType
	isisLSPCLVType
	isisLSPCLVLength
	isisLSPAreaAddress
	isisLSPNLPID
	isisLSPHostname
	isisLSPIPv4IntAddr
	isisLSPIPv6IntAddr
	isisLSPIPPrefix
	isisLSPIPDefault
	isisLSPIPDefaultIE
	isisLSPIPDistribution
	isisLSPIPDelay
	isisLSPIPDelaySupport
	isisLSPIPDelayIE
	isisLSPIPExpense
	isisLSPIPExpenseSupport
	isisLSPIPExpenseIE
	isisLSPIPError
	isisLSPIPErrorSupport
	isisLSPIPErrorIE
	isisLSPISReserved
	isisLSPISVirtual
	isisLSPISDefault
	isisLSPISDefaultIE
	isisLSPISDelay
	isisLSPISDelaySupport
	isisLSPISDelayIE
	isisLSPISExpense
	isisLSPISExpenseSupport
	isisLSPISExpenseIE
	isisLSPISError
	isisLSPISErrorSupport
	isisLSPISErrorIE
	isisLSPISNeighbor
	isisLSPBufferSize
	isisLSPTERouterID
	isisLSPExtISNeighborID
	isisLSPExtISMetric
	isisLSPExtISSubLen
	isisLSPExtISCode
	isisLSPExtISLength
	isisLSPExtISIPv4IntAddr
	isisLSPExtISLinkLocal
	isisLSPExtISLinkRemote
	isisLSPUnrsvBW
	isisLSPReservableBW
	isisLSPMaximumBW
	isisLSPAdjSIDFlags
	isisLSPAdjSIDFlagF
	isisLSPAdjSIDFlagB
	isisLSPAdjSIDFlagV
	isisLSPAdjSIDFlagL
	isisLSPAdjSIDFlagS
	isisLSPAdjSIDWeight
	isisLSPAdjSIDSystemID
	isisLSPSIDLabel
	isisLSPExtIPMetric
	isisLSPExtIPDistribution
	isisLSPExtIPSubTLV
	isisLSPExtIPPrefixLen
	isisLSPExtIPPrefix
	isisLSPRouterID
	isisLSPRouterFlagS
	isisLSPRouterFlagD
	isisLSPSRAlg
	isisLSPFieldCount
)

var isisLSPFields = [isisLSPFieldCount]Field{
	isisLSPPDULength:         {Name: "isis.lsp.pdu_length", Label: "PDU length", Kind: KindUint, Width: 16},
	isisLSPRemainingLife:     {Name: "isis.lsp.remaining_life", Label: "Remaining lifetime", Kind: KindUint, Width: 16},
	isisLSPID:                {Name: "isis.lsp.lsp_id", Label: "LSP-ID", Kind: KindSystemID},
	isisLSPSequence:          {Name: "isis.lsp.sequence_number", Label: "Sequence number", Kind: KindUint, Width: 32, Base: BaseHex},
	isisLSPChecksum:          {Name: "isis.lsp.checksum", Label: "Checksum", Kind: KindUint, Width: 16, Base: BaseHex},
	isisLSPChecksumStatus:    {Name: "isis.lsp.checksum.status", Label: "Checksum Status", Kind: KindUint, Width: 8, Base: BaseNone, Generated: true},
	isisLSPPartitionRepair:   {Name: "isis.lsp.partition_repair", Label: "Partition Repair", Kind: KindBool, Width: 8, Mask: 0x80},
	isisLSPAtt:               {Name: "isis.lsp.att", Label: "Attachment", Kind: KindUint, Width: 8, Mask: 0x78},
	isisLSPErrorMetric:       {Name: "isis.lsp.error_metric", Label: "Error metric", Kind: KindBool, Width: 8, Mask: 0x08},
	isisLSPExpenseMetric:     {Name: "isis.lsp.expense_metric", Label: "Expense metric", Kind: KindBool, Width: 8, Mask: 0x04},
	isisLSPDelayMetric:       {Name: "isis.lsp.delay_metric", Label: "Delay metric", Kind: KindBool, Width: 8, Mask: 0x02},
	isisLSPDefaultMetric:     {Name: "isis.lsp.default_metric", Label: "Default metric", Kind: KindBool, Width: 8, Mask: 0x01},
	isisLSPOverload:          {Name: "isis.lsp.overload", Label: "Overload bit", Kind: KindBool, Width: 8, Mask: 0x04},
	isisLSPISType:            {Name: "isis.lsp.is_type", Label: "Type of Intermediate System", Kind: KindUint, Width: 8, Mask: 0x03},
	isisLSPCLVType:           {Name: "isis.lsp.clv.type", Label: "Type", Kind: KindUint, Width: 8},
	isisLSPCLVLength:         {Name: "isis.lsp.clv.length", Label: "Length", Kind: KindUint, Width: 8},
	isisLSPAreaAddress:       {Name: "isis.lsp.area_address", Label: "Area address", Kind: KindBytes},
	isisLSPNLPID:             {Name: "isis.lsp.clv_nlpid.nlpid", Label: "NLPID", Kind: KindUint, Width: 8, Base: BaseHex},
	isisLSPHostname:          {Name: "isis.lsp.hostname", Label: "Hostname", Kind: KindString},
	isisLSPIPv4IntAddr:       {Name: "isis.lsp.clv_ipv4_int_addr", Label: "IPv4 interface address", Kind: KindIPv4},
	isisLSPIPv6IntAddr:       {Name: "isis.lsp.clv_ipv6_int_addr", Label: "IPv6 interface address", Kind: KindIPv6},
	isisLSPIPPrefix:          {Name: "isis.lsp.ip_reachability.ipv4_prefix", Label: "IPv4 prefix", Kind: KindIPv4},
	isisLSPIPDefault:         {Name: "isis.lsp.ip_reachability.default_metric", Label: "Default Metric", Kind: KindUint, Width: 8, Mask: 0x3f},
	isisLSPIPDefaultIE:       {Name: "isis.lsp.ip_reachability.default_metric_ie", Label: "Default Metric IE", Kind: KindBool, Width: 8, Mask: 0x40},
	isisLSPIPDistribution:    {Name: "isis.lsp.ip_reachability.distribution", Label: "Distribution", Kind: KindBool, Width: 8, Mask: 0x80},
	isisLSPIPDelay:           {Name: "isis.lsp.ip_reachability.delay_metric", Label: "Delay Metric", Kind: KindUint, Width: 8, Mask: 0x3f},
	isisLSPIPDelaySupport:    {Name: "isis.lsp.ip_reachability.delay_metric_support", Label: "Delay Metric", Kind: KindBool, Width: 8, Mask: 0x80},
	isisLSPIPDelayIE:         {Name: "isis.lsp.ip_reachability.delay_metric_ie", Label: "Delay Metric", Kind: KindBool, Width: 8, Mask: 0x40},
	isisLSPIPExpense:         {Name: "isis.lsp.ip_reachability.expense_metric", Label: "Expense Metric", Kind: KindUint, Width: 8, Mask: 0x3f},
	isisLSPIPExpenseSupport:  {Name: "isis.lsp.ip_reachability.expense_metric_support", Label: "Expense Metric", Kind: KindBool, Width: 8, Mask: 0x80},
	isisLSPIPExpenseIE:       {Name: "isis.lsp.ip_reachability.expense_metric_ie", Label: "Expense Metric", Kind: KindBool, Width: 8, Mask: 0x40},
	isisLSPIPError:           {Name: "isis.lsp.ip_reachability.error_metric", Label: "Error Metric", Kind: KindUint, Width: 8, Mask: 0x3f},
	isisLSPIPErrorSupport:    {Name: "isis.lsp.ip_reachability.error_metric_support", Label: "Error Metric", Kind: KindBool, Width: 8, Mask: 0x80},
	isisLSPIPErrorIE:         {Name: "isis.lsp.ip_reachability.error_metric_ie", Label: "Error Metric", Kind: KindBool, Width: 8, Mask: 0x40},
	isisLSPISReserved:        {Name: "isis.lsp.eis_neighbors_clv_inner.reserved", Label: "Reserved", Kind: KindUint, Width: 8, Base: BaseHex},
	isisLSPISVirtual:         {Name: "isis.lsp.is_virtual", Label: "IsVirtual", Kind: KindBool, Width: 8},
	isisLSPISDefault:         {Name: "isis.lsp.eis_neighbors.default_metric", Label: "Default Metric", Kind: KindUint, Width: 8, Mask: 0x3f},
	isisLSPISDefaultIE:       {Name: "isis.lsp.eis_neighbors.default_metric_ie", Label: "Default Metric", Kind: KindBool, Width: 8, Mask: 0x40},
	isisLSPISDelay:           {Name: "isis.lsp.eis_neighbors.delay_metric", Label: "Delay Metric", Kind: KindUint, Width: 8, Mask: 0x3f},
	isisLSPISDelaySupport:    {Name: "isis.lsp.eis_neighbors_delay_metric.supported", Label: "Delay Metric", Kind: KindBool, Width: 8, Mask: 0x80},
	isisLSPISDelayIE:         {Name: "isis.lsp.eis_neighbors.delay_metric_ie", Label: "Delay Metric", Kind: KindBool, Width: 8, Mask: 0x40},
	isisLSPISExpense:         {Name: "isis.lsp.eis_neighbors.expense_metric", Label: "Expense Metric", Kind: KindUint, Width: 8, Mask: 0x3f},
	isisLSPISExpenseSupport:  {Name: "isis.lsp.eis_neighbors.expense_metric_supported", Label: "Expense Metric", Kind: KindBool, Width: 8, Mask: 0x80},
	isisLSPISExpenseIE:       {Name: "isis.lsp.eis_neighbors.expense_metric_ie", Label: "Expense Metric", Kind: KindBool, Width: 8, Mask: 0x40},
	isisLSPISError:           {Name: "isis.lsp.eis_neighbors.error_metric", Label: "Error Metric", Kind: KindUint, Width: 8, Mask: 0x3f},
	isisLSPISErrorSupport:    {Name: "isis.lsp.eis_neighbors.error_metric_supported", Label: "Error Metric", Kind: KindBool, Width: 8, Mask: 0x80},
	isisLSPISErrorIE:         {Name: "isis.lsp.eis_neighbors.error_metric_ie", Label: "Error Metric", Kind: KindBool, Width: 8, Mask: 0x40},
	isisLSPISNeighbor:        {Name: "isis.lsp.eis_neighbors.is_neighbor", Label: "IS Neighbor", Kind: KindSystemID},
	isisLSPBufferSize:        {Name: "isis.lsp.originating_lsp_buffer_size", Label: "Neighbor originating buffer size", Kind: KindUint, Width: 16},
	isisLSPTERouterID:        {Name: "isis.lsp.clv_te_router_id", Label: "Traffic Engineering Router ID", Kind: KindIPv4},
	isisLSPExtISNeighborID:   {Name: "isis.lsp.ext_is_reachability.is_neighbor_id", Label: "IS neighbor ID", Kind: KindSystemID},
	isisLSPExtISMetric:       {Name: "isis.lsp.ext_is_reachability.metric", Label: "Metric", Kind: KindUint, Width: 24},
	isisLSPExtISSubLen:       {Name: "isis.lsp.ext_is_reachability.subclvs_length", Label: "SubCLV Length", Kind: KindUint, Width: 8},
	isisLSPExtISCode:         {Name: "isis.lsp.ext_is_reachability.code", Label: "Code", Kind: KindUint, Width: 8},
	isisLSPExtISLength:       {Name: "isis.lsp.ext_is_reachability.length", Label: "Length", Kind: KindUint, Width: 8},
	isisLSPExtISIPv4IntAddr:  {Name: "isis.lsp.ext_is_reachability.ipv4_interface_address", Label: "IPv4 interface address", Kind: KindIPv4},
	isisLSPExtISLinkLocal:    {Name: "isis.lsp.ext_is_reachability.link_local_identifier", Label: "Link Local Identifier", Kind: KindUint, Width: 32},
	isisLSPExtISLinkRemote:   {Name: "isis.lsp.ext_is_reachability.link_remote_identifier", Label: "Link Remote Identifier", Kind: KindUint, Width: 32},
	isisLSPUnrsvBW:           {Name: "isis.lsp.unrsv_bw.priority_level", Label: "priority level", Kind: KindFloat, Width: 32},
	isisLSPReservableBW:      {Name: "isis.lsp.reservable_link_bandwidth", Label: "Reservable link bandwidth", Kind: KindFloat, Width: 32},
	isisLSPMaximumBW:         {Name: "isis.lsp.maximum_link_bandwidth", Label: "Maximum link bandwidth", Kind: KindFloat, Width: 32},
	isisLSPAdjSIDFlags:       {Name: "isis.lsp.adj_sid.flags", Label: "Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	isisLSPAdjSIDFlagF:       {Name: "isis.lsp.adj_sid.flags.f", Label: "Outgoing Encapsulation", Kind: KindBool, Width: 8, Mask: 0x80},
	isisLSPAdjSIDFlagB:       {Name: "isis.lsp.adj_sid.flags.b", Label: "Backup", Kind: KindBool, Width: 8, Mask: 0x40},
	isisLSPAdjSIDFlagV:       {Name: "isis.lsp.adj_sid.flags.v", Label: "Value", Kind: KindBool, Width: 8, Mask: 0x20},
	isisLSPAdjSIDFlagL:       {Name: "isis.lsp.adj_sid.flags.l", Label: "Local Significance", Kind: KindBool, Width: 8, Mask: 0x10},
	isisLSPAdjSIDFlagS:       {Name: "isis.lsp.adj_sid.flags.s", Label: "Set", Kind: KindBool, Width: 8, Mask: 0x08},
	isisLSPAdjSIDWeight:      {Name: "isis.lsp.adj_sid.weight", Label: "Weight", Kind: KindUint, Width: 8, Base: BaseHex},
	isisLSPAdjSIDSystemID:    {Name: "isis.lsp.adj_sid.system_id", Label: "System-ID", Kind: KindSystemID},
	isisLSPSIDLabel:          {Name: "isis.lsp.sid.sli_label", Label: "SID/Label/Index", Kind: KindUint, Width: 24, Mask: 0xfffff},
	isisLSPExtIPMetric:       {Name: "isis.lsp.ext_ip_reachability.metric", Label: "Metric", Kind: KindUint, Width: 32},
	isisLSPExtIPDistribution: {Name: "isis.lsp.ext_ip_reachability.distribution", Label: "Distribution", Kind: KindBool, Width: 8, Mask: 0x80},
	isisLSPExtIPSubTLV:       {Name: "isis.lsp.ext_ip_reachability.subtlv", Label: "Sub-TLV", Kind: KindBool, Width: 8, Mask: 0x40},
	isisLSPExtIPPrefixLen:    {Name: "isis.lsp.ext_ip_reachability.prefix_length", Label: "Prefix Length", Kind: KindUint, Width: 8, Mask: 0x3f},
	isisLSPExtIPPrefix:       {Name: "isis.lsp.ext_ip_reachability.ipv4_prefix", Label: "IPv4 prefix", Kind: KindIPv4},
	isisLSPRouterID:          {Name: "isis.lsp.rt_capable.router_id", Label: "Router ID", Kind: KindUint, Width: 32, Base: BaseHex},
	isisLSPRouterFlagS:       {Name: "isis.lsp.rt_capable.flag_s", Label: "S bit", Kind: KindBool, Width: 8, Mask: 0x01},
	isisLSPRouterFlagD:       {Name: "isis.lsp.rt_capable.flag_d", Label: "D bit", Kind: KindBool, Width: 8, Mask: 0x02},
	isisLSPSRAlg:             {Name: "isis.lsp.sr_alg", Label: "Algorithm", Kind: KindUint, Width: 8},
}

var protoISISLSP = protoField("isis.lsp", "ISO 10589 ISIS Link State Protocol Data Unit")

const (
	isisCSNPPDULength = iota
	isisCSNPSourceID
	isisCSNPSourceCircuit
	isisCSNPStartLSPID
	isisCSNPEndLSPID
	isisCSNPCLVType
	isisCSNPCLVLength
	isisCSNPLSPSeqNum
	isisCSNPLSPRemainLife
	isisCSNPLSPChecksum
	isisCSNPLSPID
	isisCSNPFieldCount
)

var isisCSNPFields = [isisCSNPFieldCount]Field{
	isisCSNPPDULength:     {Name: "isis.csnp.pdu_length", Label: "PDU length", Kind: KindUint, Width: 16},
	isisCSNPSourceID:      {Name: "isis.csnp.source_id", Label: "Source-ID", Kind: KindSystemID},
	isisCSNPSourceCircuit: {Name: "isis.csnp.source_circuit", Label: "Source-ID-Circuit", Kind: KindBytes},
	isisCSNPStartLSPID:    {Name: "isis.csnp.start_lsp_id", Label: "Start LSP-ID", Kind: KindSystemID},
	isisCSNPEndLSPID:      {Name: "isis.csnp.end_lsp_id", Label: "End LSP-ID", Kind: KindSystemID},
	isisCSNPCLVType:       {Name: "isis.csnp.clv.type", Label: "Type", Kind: KindUint, Width: 8},
	isisCSNPCLVLength:     {Name: "isis.csnp.clv.length", Label: "Length", Kind: KindUint, Width: 8},
	isisCSNPLSPSeqNum:     {Name: "isis.csnp.lsp_seq_num", Label: "LSP Sequence Number", Kind: KindUint, Width: 32, Base: BaseHex},
	isisCSNPLSPRemainLife: {Name: "isis.csnp.lsp_remain_life", Label: "Remaining Lifetime", Kind: KindUint, Width: 16},
	isisCSNPLSPChecksum:   {Name: "isis.csnp.lsp_checksum", Label: "LSP checksum", Kind: KindUint, Width: 16, Base: BaseHex},
	isisCSNPLSPID:         {Name: "isis.csnp.lsp_id", Label: "LSP-ID", Kind: KindSystemID},
}

var protoISISCSNP = protoField("isis.csnp", "ISO 10589 ISIS Complete Sequence Numbers Protocol Data Unit")

const (
	isisPSNPPDULength = iota
	isisPSNPSourceID
	isisPSNPSourceCircuit
	isisPSNPCLVType
	isisPSNPCLVLength
	isisPSNPFieldCount
)

// isisPSNPFields are a PSNP's own fields; its LSP entries' are the CSNP's,
// as tshark registers them.
var isisPSNPFields = [isisPSNPFieldCount]Field{
	isisPSNPPDULength:     {Name: "isis.psnp.pdu_length", Label: "PDU length", Kind: KindUint, Width: 16},
	isisPSNPSourceID:      {Name: "isis.psnp.source_id", Label: "Source-ID", Kind: KindSystemID},
	isisPSNPSourceCircuit: {Name: "isis.psnp.source_circuit", Label: "Source-ID-Circuit", Kind: KindBytes},
	isisPSNPCLVType:       {Name: "isis.psnp.clv.type", Label: "Type", Kind: KindUint, Width: 8},
	isisPSNPCLVLength:     {Name: "isis.psnp.clv.length", Label: "Length", Kind: KindUint, Width: 8},
}

var protoISISPSNP = protoField("isis.psnp", "ISO 10589 ISIS Partial Sequence Numbers Protocol Data Unit")

// isisProto returns the protocol of PDU type t's fixed part.
func isisProto(t uint8) *Field {
	switch t {
	case isisL1Hello, isisL2Hello, isisP2PHello:
		return &protoISISHello
	case isisL1LSP, isisL2LSP:
		return &protoISISLSP
	case isisL1PSNP, isisL2PSNP:
		return &protoISISPSNP
	}
	return &protoISISCSNP
}

// isisSystemID emits f, a system ID field, with id's text.
func (e *emitter) isisSystemID(f *Field, id []byte) {
	e.TextDone(f, appendSystemID(e.Text(), id))
}

// isisTLVTitle adds the line that opens a TLV's subtree: "Name (t=T, l=L)".
func isisTLVTitle(e *emitter, name string, typ, ln uint8) {
	if e.Tree() {
		b := append(e.Text(), name...)
		b = append(b, " (t="...)
		b = strconv.AppendUint(b, uint64(typ), 10)
		b = append(b, ", l="...)
		b = strconv.AppendUint(b, uint64(ln), 10)
		e.Line(append(b, ')'))
	}
}

// emitISIS emits the common header (isis), then the PDU's fixed part and
// TLVs as the protocol of its type (isis.hello, isis.lsp, isis.csnp), in
// the order and nesting of tshark's tree, which is drawn from them.
func emitISIS(e *emitter, i int) {
	l := &e.d.layers[i]
	s := ISIS(e.d.data[l.Start:l.End])
	f := &isisFields
	e.Proto(&protoISIS)
	e.Uint(&f[isisIRPD], uint64(s[0]))
	e.Uint(&f[isisLen], uint64(s[1]))
	e.Uint(&f[isisVersion], uint64(s[2]))
	e.Uint(&f[isisSysIDLen], uint64(s[3]))
	e.UintBits(&f[isisTypeReserved], uint64(s[4]))
	e.UintBits(&f[isisType], uint64(s[4]))
	e.Uint(&f[isisVersion2], uint64(s[5]))
	e.Uint(&f[isisReserved], uint64(s[6]))
	e.Uint(&f[isisMaxAreaAdr], uint64(s[7]))
	e.End()
	t := s.Type()
	e.Proto(isisProto(t))
	switch t {
	case isisL1Hello, isisL2Hello, isisP2PHello:
		emitISISHello(e, s)
	case isisL1LSP, isisL2LSP:
		emitISISLSP(e, s)
	case isisL1PSNP, isisL2PSNP:
		emitISISPSNP(e, s)
	default:
		emitISISCSNP(e, s)
	}
	e.End()
}

func emitISISHello(e *emitter, s ISIS) {
	f := &isisHelloFields
	e.UintBits(&f[isisHelloCircuitType], uint64(s[8]))
	e.UintBits(&f[isisHelloReserved], uint64(s[8]))
	e.isisSystemID(&f[isisHelloSourceID], s[9:15])
	e.Uint(&f[isisHelloHoldingTimer], uint64(be16(s[15:])))
	e.Uint(&f[isisHelloPDULength], uint64(be16(s[17:])))
	n := isisFixedLen(s.Type())
	if s.Type() == isisP2PHello {
		e.Uint(&f[isisHelloLocalCircuitID], uint64(s[19]))
	} else {
		e.UintBits(&f[isisHelloPriority], uint64(s[19]))
		e.UintBits(&f[isisHelloReserved2], uint64(s[19]))
		e.isisSystemID(&f[isisHelloLanID], s[20:27])
	}
	// tshark reads a hello's TLVs while more than two bytes are left: an
	// empty TLV that ends the PDU is not shown.
	for off := n; len(s)-off > 2; {
		typ, ln := s[off], s[off+1]
		v := s[off+2 : off+2+int(ln)]
		off += 2 + int(ln)
		isisTLVTitle(e, isisHelloTLVName(typ), typ, ln)
		e.Sub()
		e.Uint(&f[isisHelloCLVType], uint64(typ))
		e.Uint(&f[isisHelloCLVLength], uint64(ln))
		switch typ {
		case 129:
			isisEmitNLPIDs(e, &f[isisHelloNLPID], v)
		case 1:
			isisEmitAreas(e, &f[isisHelloAreaAddress], v)
		case 132:
			for k := 0; k+4 <= len(v); k += 4 {
				e.IPv4(&f[isisHelloIPv4IntAddr], v[k:k+4])
			}
		case 232:
			for k := 0; k+16 <= len(v); k += 16 {
				e.IPv6(&f[isisHelloIPv6IntAddr], v[k:k+16])
			}
		case 211:
			e.Uint(&f[isisHelloRestartFlags], uint64(v[0]))
			e.Sub()
			e.BoolBits(&f[isisHelloRestartSA], uint64(v[0]))
			e.BoolBits(&f[isisHelloRestartRA], uint64(v[0]))
			e.BoolBits(&f[isisHelloRestartRR], uint64(v[0]))
			e.Up()
		case 6:
			for k := 0; k+6 <= len(v); k += 6 {
				e.MAC(&f[isisHelloISNeighbor], MAC([6]byte(v[k:k+6])))
			}
		case 240:
			e.Uint(&f[isisHelloAdjState], uint64(v[0]))
			e.Uint(&f[isisHelloExtLocalCircuitID], uint64(be32(v[1:])))
			e.isisSystemID(&f[isisHelloNeighborSysID], v[5:11])
			e.Uint(&f[isisHelloNeighborExtLocalCircuitID], uint64(be32(v[11:])))
		case 143:
			emitISISPortCap(e, v)
		case 8:
		default:
			isisUnknownCLV(e, typ)
		}
		e.Up()
	}
}

// isisUnknownCLV adds tshark's note under a TLV it does not decode.
func isisUnknownCLV(e *emitter, typ uint8) {
	if !e.Tree() {
		return
	}
	var arg [96]byte
	a := strconv.AppendUint(arg[:0], uint64(typ), 10)
	a = append(a, ") code not implemented, Contact Wireshark developers if you want this supported"...)
	const msg = "Dissector for IS-IS CLV ("
	e.Line(append(append(e.Text(), msg...), a...))
	e.Sub()
	e.ExpertLine("Note", "Undecoded", msg, a)
	e.Up()
}

// emitISISPortCap emits an MT port capability TLV (isisPortCapTaken): its
// topology ID, each SPB MCID sub-TLV under a line naming it, and tshark's
// error where a sub-TLV is longer than what is left.
func emitISISPortCap(e *emitter, v []byte) {
	f := &isisHelloFields
	w := be16(v)
	e.UintBits(&f[isisHelloMTID], uint64(w))
	if e.Tree() {
		b := appendBitDrawing(e.Text(), uint64(w), 16, 0x0fff)
		b = append(append(b, " = Topology ID: "...), isisMTIDName(w&0x0fff)...)
		b = strconv.AppendUint(append(b, " ("...), uint64(w&0x0fff), 10)
		e.SetRepr(append(b, ')'))
	}
	for off := 2; off < len(v); {
		c, n := v[off], int(v[off+1])
		if rest := len(v) - off - 2; n > rest {
			if e.Tree() {
				var arg [32]byte
				a := strconv.AppendUint(arg[:0], uint64(c), 10)
				a = strconv.AppendUint(append(a, " TLV ("...), uint64(n), 10)
				a = strconv.AppendInt(append(a, " vs "...), int64(rest), 10)
				a = append(a, ')')
				e.Line(append(append(e.Text(), "Short type "...), a...))
				e.Sub()
				e.ExpertLine("Error", "Malformed", "Short type ", a)
				e.Up()
			}
			return
		}
		if e.Tree() {
			b := appendHex2(append(e.Text(), "SPB MCID: Type: 0x"...), c)
			e.Line(strconv.AppendInt(append(b, ", Length: "...), int64(n), 10))
		}
		e.Sub()
		e.Bytes(&f[isisHelloMCID], v[off+2:off+53])
		e.Bytes(&f[isisHelloAuxMCID], v[off+53:off+104])
		e.Up()
		off += 2 + n
	}
}

// isisMTIDName returns tshark's name of a topology ID.
func isisMTIDName(id uint16) string {
	switch {
	case id == 0:
		return "Standard topology"
	case id == 1:
		return "IPv4 In-Band Management"
	case id == 2:
		return "IPv6 routing topology"
	case id == 3:
		return "IPv4 multicast routing topology"
	case id == 4:
		return "IPv6 multicast routing topology"
	case id == 5:
		return "IPv6 in-band management"
	case id < 3996:
		return "Reserved for IETF Consensus"
	}
	return "Development, Experimental and Proprietary features"
}

// isisHelloTLVName returns tshark's title of a hello's TLV.
func isisHelloTLVName(typ uint8) string {
	switch typ {
	case 1:
		return "Area address(es)"
	case 6:
		return "IS Neighbor(s)"
	case 8:
		return "Padding"
	case 129:
		return "Protocols Supported"
	case 132:
		return "IP Interface address(es)"
	case 232:
		return "IPv6 Interface address(es)"
	case 211:
		return "Restart Signaling"
	case 240:
		return "Point-to-point Adjacency State"
	case 143:
		return "MT Port Capability"
	}
	return "Unknown code"
}

// isisEmitNLPIDs emits the NLPIDs of a protocols supported TLV under a
// line naming them ("NLPID: IP (0xcc)", "NLPIDs: IP (0xcc), IPv6 (0x8e)").
func isisEmitNLPIDs(e *emitter, f *Field, v []byte) {
	if e.Tree() {
		b := append(e.Text(), "NLPID"...)
		if len(v) > 1 {
			b = append(b, 's')
		}
		b = append(b, ": "...)
		for k, c := range v {
			if k > 0 {
				b = append(b, ", "...)
			}
			b = append(b, isisNLPIDName(c)...)
			b = appendHex2(append(b, " (0x"...), c)
			b = append(b, ')')
		}
		e.Line(b)
	}
	e.Sub()
	for _, c := range v {
		e.Uint(f, uint64(c))
	}
	e.Up()
}

// isisEmitAreas emits each area address of an area addresses TLV, its
// length byte included, drawn "Area address (3): 49.000a".
func isisEmitAreas(e *emitter, f *Field, v []byte) {
	for off := 0; off < len(v); {
		n := int(v[off])
		e.Bytes(f, v[off:off+1+n])
		if e.Tree() {
			b := append(e.Text(), "Area address ("...)
			b = strconv.AppendInt(b, int64(n), 10)
			b = append(b, "): "...)
			e.SetRepr(appendAreaAddress(b, v[off+1:off+1+n]))
		}
		off += 1 + n
	}
}

func emitISISLSP(e *emitter, s ISIS) {
	f := &isisLSPFields
	e.Uint(&f[isisLSPPDULength], uint64(be16(s[8:])))
	e.Uint(&f[isisLSPRemainingLife], uint64(be16(s[10:])))
	e.isisSystemID(&f[isisLSPID], s[12:20])
	e.Uint(&f[isisLSPSequence], uint64(be32(s[20:])))
	sum := be16(s[24:])
	e.Uint(&f[isisLSPChecksum], uint64(sum))
	if good := isisChecksum(s[12:], 12); good == sum {
		e.ChecksumRepr(sum, 1, 0, "")
		e.Uint(&f[isisLSPChecksumStatus], 1)
	} else {
		if e.Tree() {
			b := appendHex4(append(e.Text(), "Checksum: 0x"...), sum)
			e.SetRepr(appendHex4(append(b, " incorrect, should be 0x"...), good))
			var arg [5]byte
			e.Sub()
			e.ExpertLine("Error", "Checksum", "Bad checksum [should be 0x", append(appendHex4(arg[:0], good), ']'))
			e.Up()
		}
		e.Uint(&f[isisLSPChecksumStatus], 0)
	}
	tb := s[26]
	if e.Tree() {
		b := append(e.Text(), "Type block(0x"...)
		b = appendHex2(b, tb)
		b = append(b, "): Partition Repair:"...)
		b = strconv.AppendUint(b, uint64(tb>>7), 10)
		b = append(b, ", Attached bits:"...)
		b = strconv.AppendUint(b, uint64(tb>>3&0x0f), 10)
		b = append(b, ", Overload bit:"...)
		b = strconv.AppendUint(b, uint64(tb>>2&1), 10)
		b = append(b, ", IS type:"...)
		b = strconv.AppendUint(b, uint64(tb&3), 10)
		e.Line(b)
	}
	e.Sub()
	e.BoolBits(&f[isisLSPPartitionRepair], uint64(tb))
	e.UintBits(&f[isisLSPAtt], uint64(tb))
	e.Sub()
	e.BoolBits(&f[isisLSPErrorMetric], uint64(tb))
	e.BoolBits(&f[isisLSPExpenseMetric], uint64(tb))
	e.BoolBits(&f[isisLSPDelayMetric], uint64(tb))
	e.BoolBits(&f[isisLSPDefaultMetric], uint64(tb))
	e.Up()
	e.BoolBits(&f[isisLSPOverload], uint64(tb))
	e.UintBits(&f[isisLSPISType], uint64(tb))
	e.Up()
	for off := 27; off < len(s); {
		typ, ln := s[off], s[off+1]
		v := s[off+2 : off+2+int(ln)]
		off += 2 + int(ln)
		isisTLVTitle(e, isisLSPTLVName(typ), typ, ln)
		e.Sub()
		e.Uint(&f[isisLSPCLVType], uint64(typ))
		e.Uint(&f[isisLSPCLVLength], uint64(ln))
		switch typ {
		case 14:
			e.Uint(&f[isisLSPBufferSize], uint64(be16(v)))
		case 134:
			e.IPv4(&f[isisLSPTERouterID], v)
		case 22:
			emitISISExtIS(e, v)
		case 135:
			emitISISExtIP(e, v)
		case 242:
			e.Uint(&f[isisLSPRouterID], uint64(be32(v)))
			e.BoolBits(&f[isisLSPRouterFlagS], uint64(v[4]))
			e.BoolBits(&f[isisLSPRouterFlagD], uint64(v[4]))
			for k := 5; k < len(v); k += 2 + int(v[k+1]) {
				isisTLVTitle(e, "Segment Routing - Algorithms", v[k], v[k+1])
				e.Sub()
				for _, a := range v[k+2 : k+2+int(v[k+1])] {
					e.Uint(&f[isisLSPSRAlg], uint64(a))
				}
				e.Up()
			}
		case 1:
			isisEmitAreas(e, &f[isisLSPAreaAddress], v)
		case 129:
			isisEmitNLPIDs(e, &f[isisLSPNLPID], v)
		case 137:
			e.Bytes(&f[isisLSPHostname], v)
		case 132:
			for k := 0; k+4 <= len(v); k += 4 {
				e.IPv4(&f[isisLSPIPv4IntAddr], v[k:k+4])
			}
		case 232:
			for k := 0; k+16 <= len(v); k += 16 {
				e.IPv6(&f[isisLSPIPv6IntAddr], v[k:k+16])
			}
		case 128:
			for k := 0; k+12 <= len(v); k += 12 {
				emitISISIPReach(e, v[k:k+12])
			}
		case 2:
			// tshark reads the first byte as the virtual flag in a level 1
			// LSP, as a reserved byte in a level 2 one.
			if s.Type() == isisL1LSP {
				e.Bool(&f[isisLSPISVirtual], v[0] != 0)
			} else {
				e.Uint(&f[isisLSPISReserved], uint64(v[0]))
			}
			for k := 1; k+11 <= len(v); k += 11 {
				emitISISNeighbor(e, v[k:k+11])
			}
		}
		e.Up()
	}
}

// isisLSPTLVName returns tshark's title of an LSP's TLV.
func isisLSPTLVName(typ uint8) string {
	switch typ {
	case 1:
		return "Area address(es)"
	case 2:
		return "IS Reachability"
	case 128:
		return "IP Internal reachability"
	case 129:
		return "Protocols supported"
	case 132:
		return "IP Interface address(es)"
	case 232:
		return "IPv6 Interface address(es)"
	case 137:
		return "Hostname"
	case 14:
		return "Originating neighbor buffer size"
	case 134:
		return "Traffic Engineering Router ID"
	case 22:
		return "Extended IS reachability"
	case 135:
		return "Extended IP Reachability"
	case 242:
		return "Router Capability"
	}
	return "Unknown code"
}

// isisBandwidth emits a bandwidth field: bytes per second as an IEEE
// float, shown in Mbit/s ("1000.00 Mbps"); level, when not -1, numbers
// an unreserved bandwidth's priority level.
func isisBandwidth(e *emitter, f *Field, v []byte, label string, level int) {
	mbps := float64(math.Float32frombits(be32(v))) * 8 / 1e6
	e.Float(f, mbps)
	if e.Tree() {
		b := append(e.Text(), label...)
		if level >= 0 {
			b = strconv.AppendInt(b, int64(level), 10)
		}
		b = strconv.AppendFloat(append(b, ": "...), mbps, 'f', 2, 64)
		e.SetRepr(append(b, " Mbps"...))
	}
}

// isisExtISSubName returns tshark's name of an extended IS reachability
// sub-TLV.
func isisExtISSubName(c uint8) string {
	switch c {
	case 3:
		return "Administrative group (color)"
	case 4:
		return "Link Local/Remote Identifiers"
	case 6:
		return "IPv4 interface address"
	case 9:
		return "Maximum link bandwidth"
	case 10:
		return "Maximum reservable link bandwidth"
	case 11:
		return "Unreserved bandwidth"
	}
	return "LAN-Adj-SID"
}

// emitISISExtIS emits an extended IS reachability TLV's neighbors: each
// under a line naming it, with its metric and sub-TLVs.
func emitISISExtIS(e *emitter, v []byte) {
	f := &isisLSPFields
	for off := 0; off < len(v); {
		id := v[off : off+7]
		n := int(v[off+10])
		if e.Tree() {
			e.Line(appendSystemID(append(e.Text(), "IS Neighbor: "...), id))
		}
		e.Sub()
		e.isisSystemID(&f[isisLSPExtISNeighborID], id)
		e.Uint(&f[isisLSPExtISMetric], uint64(v[off+7])<<16|uint64(be16(v[off+8:])))
		e.Uint(&f[isisLSPExtISSubLen], uint64(n))
		end := off + 11 + n
		for k := off + 11; k < end; {
			c, ln := v[k], v[k+1]
			sv := v[k+2 : k+2+int(ln)]
			k += 2 + int(ln)
			if e.Tree() {
				b := append(e.Text(), "subTLV: "...)
				b = append(b, isisExtISSubName(c)...)
				b = strconv.AppendUint(append(b, " (c="...), uint64(c), 10)
				b = strconv.AppendUint(append(b, ", l="...), uint64(ln), 10)
				e.Line(append(b, ')'))
			}
			e.Sub()
			e.Uint(&f[isisLSPExtISCode], uint64(c))
			e.Uint(&f[isisLSPExtISLength], uint64(ln))
			switch c {
			case 6:
				e.IPv4(&f[isisLSPExtISIPv4IntAddr], sv)
			case 4:
				e.Uint(&f[isisLSPExtISLinkLocal], uint64(be32(sv)))
				e.Uint(&f[isisLSPExtISLinkRemote], uint64(be32(sv[4:])))
			case 11:
				e.LineString("Unreserved bandwidth:")
				e.Sub()
				for p := 0; p < 8; p++ {
					isisBandwidth(e, &f[isisLSPUnrsvBW], sv[4*p:], "priority level ", p)
				}
				e.Up()
			case 10:
				isisBandwidth(e, &f[isisLSPReservableBW], sv, "Reservable link bandwidth", -1)
			case 9:
				isisBandwidth(e, &f[isisLSPMaximumBW], sv, "Maximum link bandwidth", -1)
			case 3:
				e.LineString("Administrative group(s):")
			case 32:
				e.Uint(&f[isisLSPAdjSIDFlags], uint64(sv[0]))
				if e.Tree() {
					e.SetRepr(append(e.Text(), "Flags: 0x30, Value, Local Significance"...))
				}
				e.Sub()
				for _, k := range [...]int{isisLSPAdjSIDFlagF, isisLSPAdjSIDFlagB, isisLSPAdjSIDFlagV, isisLSPAdjSIDFlagL, isisLSPAdjSIDFlagS} {
					e.BoolBits(&f[k], uint64(sv[0]))
				}
				e.Up()
				e.Uint(&f[isisLSPAdjSIDWeight], uint64(sv[1]))
				e.isisSystemID(&f[isisLSPAdjSIDSystemID], sv[2:8])
				e.UintBits(&f[isisLSPSIDLabel], uint64(sv[8])<<16|uint64(be16(sv[9:])))
			}
			e.Up()
		}
		e.Up()
		off = end
	}
}

// emitISISExtIP emits an extended IP reachability TLV's prefixes, each
// under a line naming it ("Ext. IP Reachability: 10.0.12.0/24").
func emitISISExtIP(e *emitter, v []byte) {
	f := &isisLSPFields
	for off := 0; off < len(v); {
		c := v[off+4]
		plen := int(c & 0x3f)
		n := (plen + 7) / 8
		var a [4]byte
		copy(a[:], v[off+5:off+5+n])
		if e.Tree() {
			b := appendIPv4(append(e.Text(), "Ext. IP Reachability: "...), a[:], 0)
			e.Line(strconv.AppendInt(append(b, '/'), int64(plen), 10))
		}
		e.Sub()
		e.Uint(&f[isisLSPExtIPMetric], uint64(be32(v[off:])))
		e.BoolBits(&f[isisLSPExtIPDistribution], uint64(c))
		e.BoolBits(&f[isisLSPExtIPSubTLV], uint64(c))
		e.UintBits(&f[isisLSPExtIPPrefixLen], uint64(c))
		e.IPv4(&f[isisLSPExtIPPrefix], a[:])
		e.LineString("no sub-TLVs present")
		e.Up()
		off += 5 + n
	}
}

// emitISISIPReach emits one entry of an IP internal reachability TLV:
// its four metric bytes, its prefix and its mask, drawn as the prefix
// ("10.0.0.0/30") over the metrics' bits.
func emitISISIPReach(e *emitter, v []byte) {
	f := &isisLSPFields
	e.IPv4(&f[isisLSPIPPrefix], v[4:8])
	if e.Tree() {
		b := append(e.Text(), "IPv4 prefix: "...)
		b = appendIPv4(b, v, 4)
		b = append(b, '/')
		b = strconv.AppendInt(b, int64(maskLen(be32(v[8:]))), 10)
		e.SetRepr(b)
	}
	e.Sub()
	e.UintBits(&f[isisLSPIPDefault], uint64(v[0]))
	e.BoolBits(&f[isisLSPIPDefaultIE], uint64(v[0]))
	e.BoolBits(&f[isisLSPIPDistribution], uint64(v[0]))
	e.UintBits(&f[isisLSPIPDelay], uint64(v[1]))
	e.BoolBits(&f[isisLSPIPDelaySupport], uint64(v[1]))
	e.BoolBits(&f[isisLSPIPDelayIE], uint64(v[1]))
	e.UintBits(&f[isisLSPIPExpense], uint64(v[2]))
	e.BoolBits(&f[isisLSPIPExpenseSupport], uint64(v[2]))
	e.BoolBits(&f[isisLSPIPExpenseIE], uint64(v[2]))
	e.UintBits(&f[isisLSPIPError], uint64(v[3]))
	e.BoolBits(&f[isisLSPIPErrorSupport], uint64(v[3]))
	e.BoolBits(&f[isisLSPIPErrorIE], uint64(v[3]))
	e.Up()
}

// emitISISNeighbor emits one neighbor of an IS reachability TLV under a
// line naming it. tshark 4.0 reads each of the four metrics from the
// first (default) metric byte, and so do these fields.
func emitISISNeighbor(e *emitter, v []byte) {
	f := &isisLSPFields
	id := v[4:11]
	if e.Tree() {
		e.Line(appendSystemID(append(e.Text(), "IS Neighbor: "...), id))
	}
	e.Sub()
	m := uint64(v[0])
	e.UintBits(&f[isisLSPISDefault], m)
	e.BoolBits(&f[isisLSPISDefaultIE], m)
	e.UintBits(&f[isisLSPISDelay], m)
	e.BoolBits(&f[isisLSPISDelaySupport], m)
	e.BoolBits(&f[isisLSPISDelayIE], m)
	e.UintBits(&f[isisLSPISExpense], m)
	e.BoolBits(&f[isisLSPISExpenseSupport], m)
	e.BoolBits(&f[isisLSPISExpenseIE], m)
	e.UintBits(&f[isisLSPISError], m)
	e.BoolBits(&f[isisLSPISErrorSupport], m)
	e.BoolBits(&f[isisLSPISErrorIE], m)
	e.isisSystemID(&f[isisLSPISNeighbor], id)
	e.Up()
}

func emitISISCSNP(e *emitter, s ISIS) {
	f := &isisCSNPFields
	e.Uint(&f[isisCSNPPDULength], uint64(be16(s[8:])))
	e.isisSystemID(&f[isisCSNPSourceID], s[10:16])
	e.Bytes(&f[isisCSNPSourceCircuit], s[16:17])
	e.isisSystemID(&f[isisCSNPStartLSPID], s[17:25])
	e.isisSystemID(&f[isisCSNPEndLSPID], s[25:33])
	emitISISEntries(e, s[33:], &f[isisCSNPCLVType], &f[isisCSNPCLVLength])
}

func emitISISPSNP(e *emitter, s ISIS) {
	f := &isisPSNPFields
	e.Uint(&f[isisPSNPPDULength], uint64(be16(s[8:])))
	e.isisSystemID(&f[isisPSNPSourceID], s[10:16])
	e.Bytes(&f[isisPSNPSourceCircuit], s[16:17])
	emitISISEntries(e, s[17:], &f[isisPSNPCLVType], &f[isisPSNPCLVLength])
}

// emitISISEntries emits a sequence numbers PDU's LSP entries TLVs in s,
// with the TLV type and length fields of its protocol.
func emitISISEntries(e *emitter, s []byte, typF, lenF *Field) {
	f := &isisCSNPFields
	for off := 0; off < len(s); {
		typ, ln := s[off], s[off+1]
		v := s[off+2 : off+2+int(ln)]
		off += 2 + int(ln)
		isisTLVTitle(e, "LSP entries", typ, ln)
		e.Sub()
		e.Uint(typF, uint64(typ))
		e.Uint(lenF, uint64(ln))
		for k := 0; k+16 <= len(v); k += 16 {
			en := v[k : k+16]
			e.LineString("LSP Entry")
			e.Sub()
			e.Uint(&f[isisCSNPLSPSeqNum], uint64(be32(en[10:])))
			e.Uint(&f[isisCSNPLSPRemainLife], uint64(be16(en)))
			e.Uint(&f[isisCSNPLSPChecksum], uint64(be16(en[14:])))
			e.Up()
			e.isisSystemID(&f[isisCSNPLSPID], en[2:10])
		}
		e.Up()
	}
}
