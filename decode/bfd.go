package decode

import "strconv"

// BFD is a BFD control packet (RFC 5880), carried in UDP: port 3784 for a
// single hop (RFC 5881), 4784 multihop (RFC 5883), 6784 for LAG members
// (RFC 7130) and 7784 for seamless BFD (RFC 7880, which tshark decodes and
// tcpdump does not).
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|Vers |  Diag   |Sta|P|F|C|A|D|M|  Detect Mult  |    Length     |
//	|                       My Discriminator                        |
//	|                      Your Discriminator                       |
//	|                    Desired Min TX Interval                    |
//	|                   Required Min RX Interval                    |
//	|                 Required Min Echo RX Interval                 |
//
// The authentication section (type, length, key ID and the type's data)
// follows when the A flag is set.
type BFD []byte

// UDP ports of BFD control packets.
const (
	bfdControlPort  = 3784
	bfdMultihopPort = 4784
	bfdLagPort      = 6784
	bfdSBFDPort     = 7784
)

const bfdLen = 24

// ParseBFD returns the BFD control packet at the start of b: its 24-byte
// mandatory section must be there; the rest of b is kept.
func ParseBFD(b []byte) (BFD, error) {
	if len(b) < bfdLen {
		return nil, ReasonTruncated
	}
	return BFD(b[:len(b):len(b)]), nil
}

// Version returns the protocol version (1; 0 for the draft).
func (m BFD) Version() uint8 { return m[0] >> 5 }

// Diag returns the diagnostic code.
func (m BFD) Diag() uint8 { return m[0] & 0x1f }

// State returns the session state (version 1): 0 AdminDown … 3 Up.
func (m BFD) State() uint8 { return m[1] >> 6 }

// Flags returns the second byte: the state and the flags.
func (m BFD) Flags() uint8 { return m[1] }

// DetectMult returns the detection time multiplier.
func (m BFD) DetectMult() uint8 { return m[2] }

// Length returns the length the packet announces.
func (m BFD) Length() uint8 { return m[3] }

// Auth returns the captured authentication section (nil without the A
// flag or when fewer than 3 of its bytes were captured).
func (m BFD) Auth() []byte {
	if m[1]&0x04 == 0 || len(m) < bfdLen+3 {
		return nil
	}
	return m[bfdLen:]
}

func (d *Decoder) decodeBFD(l *Layer) LayerType {
	if _, err := ParseBFD(d.bytes(l)); err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.End
	return LayerNone
}

// The fields, as Wireshark registers them.
const (
	bfdVersion = iota
	bfdDiag
	bfdSta
	bfdFlags
	bfdFlagsP
	bfdFlagsF
	bfdFlagsC
	bfdFlagsA
	bfdFlagsD
	bfdFlagsM
	bfdDetectMult
	bfdMessageLength
	bfdMyDisc
	bfdYourDisc
	bfdDesiredMinTx
	bfdRequiredMinRx
	bfdRequiredMinEcho
	bfdAuthType
	bfdAuthLen
	bfdAuthKey
	bfdAuthPassword
	bfdAuthSeqNum
	bfdChecksum
	bfdFieldCount
)

var bfdFields = [bfdFieldCount]Field{
	bfdVersion:         {Name: "bfd.version", Label: "Protocol Version", Kind: KindUint, Width: 8, Mask: 0xe0},
	bfdDiag:            {Name: "bfd.diag", Label: "Diagnostic Code", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x1f},
	bfdSta:             {Name: "bfd.sta", Label: "Session State", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xc0},
	bfdFlags:           {Name: "bfd.flags", Label: "Message Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	bfdFlagsP:          {Name: "bfd.flags.p", Label: "Poll", Kind: KindBool, Width: 8, Mask: 0x20},
	bfdFlagsF:          {Name: "bfd.flags.f", Label: "Final", Kind: KindBool, Width: 8, Mask: 0x10},
	bfdFlagsC:          {Name: "bfd.flags.c", Label: "Control Plane Independent", Kind: KindBool, Width: 6, Mask: 0x08},
	bfdFlagsA:          {Name: "bfd.flags.a", Label: "Authentication Present", Kind: KindBool, Width: 6, Mask: 0x04},
	bfdFlagsD:          {Name: "bfd.flags.d", Label: "Demand", Kind: KindBool, Width: 8, Mask: 0x40},
	bfdFlagsM:          {Name: "bfd.flags.m", Label: "Multipoint", Kind: KindBool, Width: 6, Mask: 0x01},
	bfdDetectMult:      {Name: "bfd.detect_time_multiplier", Label: "Detect Time Multiplier", Kind: KindUint, Width: 8},
	bfdMessageLength:   {Name: "bfd.message_length", Label: "Message Length", Kind: KindUint, Width: 8, Unit: " bytes"},
	bfdMyDisc:          {Name: "bfd.my_discriminator", Label: "My Discriminator", Kind: KindUint, Width: 32, Base: BaseHex},
	bfdYourDisc:        {Name: "bfd.your_discriminator", Label: "Your Discriminator", Kind: KindUint, Width: 32, Base: BaseHex},
	bfdDesiredMinTx:    {Name: "bfd.desired_min_tx_interval", Label: "Desired Min TX Interval", Kind: KindUint, Width: 32},
	bfdRequiredMinRx:   {Name: "bfd.required_min_rx_interval", Label: "Required Min RX Interval", Kind: KindUint, Width: 32},
	bfdRequiredMinEcho: {Name: "bfd.required_min_echo_interval", Label: "Required Min Echo Interval", Kind: KindUint, Width: 32},
	bfdAuthType:        {Name: "bfd.auth.type", Label: "Authentication Type", Kind: KindUint, Width: 8},
	bfdAuthLen:         {Name: "bfd.auth.len", Label: "Authentication Length", Kind: KindUint, Width: 8, Unit: " bytes"},
	bfdAuthKey:         {Name: "bfd.auth.key", Label: "Authentication Key ID", Kind: KindUint, Width: 8},
	bfdAuthPassword:    {Name: "bfd.auth.password", Label: "Password", Kind: KindString},
	bfdAuthSeqNum:      {Name: "bfd.auth.seq_num", Label: "Sequence Number", Kind: KindUint, Width: 32, Base: BaseHex},
	bfdChecksum:        {Name: "bfd.checksum", Label: "Checksum", Kind: KindBytes},
}

var protoBFD = titledProtoField("bfd", "BFD Control message")

// bfdAuthHashLen returns the digest length of an authentication type (16
// for the MD5 types, 20 for SHA1) and the section's length it requires.
func bfdAuthHashLen(typ uint8) (hash, section int) {
	switch typ {
	case 2, 3:
		return 16, 24
	case 4, 5:
		return 20, 28
	}
	return 0, 0
}

// emitBFD emits a version 1 packet's fields in the order and nesting of
// tshark's tree, which is drawn from them (treefields.go). tshark draws
// nothing of a damaged packet but its malformed mark, and of version 0
// only its title.
func emitBFD(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoBFD)
	if l.Malformed != "" {
		e.NoTree()
	}
	if l.Malformed == "" {
		m := BFD(d.data[l.Start:l.End])
		f := &bfdFields
		e.Uint(&f[bfdVersion], uint64(m.Version()))
		if m.Version() != 1 {
			e.NoTree()
		}
		e.Uint(&f[bfdDiag], uint64(m.Diag()))
		if m.Version() != 1 {
			e.NoTree()
		}
		if m.Version() == 1 {
			e.Uint(&f[bfdSta], uint64(m.State()))
			fl := uint64(m.Flags())
			e.Uint(&f[bfdFlags], fl)
			if e.Tree() {
				b := append(e.Text(), "Message Flags: 0x"...)
				b = appendHex2(b, m.Flags())
				for _, k := range bfdFlagOrder {
					if fl&bfdFlagMask(k) != 0 {
						b = append(b, ", "...)
						b = append(b, f[k].Label...)
						b = append(b, ": Set"...)
					}
				}
				e.SetRepr(b)
			}
			e.Sub()
			for _, k := range bfdFlagOrder {
				mask := bfdFlagMask(k)
				e.Bool(&f[k], fl&mask != 0)
				if e.Tree() && f[k].Width != 6 {
					// tshark draws version 1's flags six bits wide;
					// the names were registered first for version 0.
					b := appendBitDrawing(e.Text(), fl, 6, mask)
					b = append(append(append(b, " = "...), f[k].Label...), ": "...)
					e.SetRepr(appendBoolName(b, &f[k], fl&mask != 0))
				}
			}
			e.Up()
			tx := be32(m[12:])
			e.Uint(&f[bfdDetectMult], uint64(m.DetectMult()))
			if e.Tree() {
				b := append(e.Text(), "Detect Time Multiplier: "...)
				b = strconv.AppendUint(b, uint64(m.DetectMult()), 10)
				b = append(b, " (= "...)
				b = strconv.AppendUint(b, uint64(uint32(m.DetectMult())*(tx/1000)), 10)
				e.SetRepr(append(b, " ms Detection time)"...))
			}
			e.Uint(&f[bfdMessageLength], uint64(m.Length()))
			e.Uint(&f[bfdMyDisc], uint64(be32(m[4:])))
			e.Uint(&f[bfdYourDisc], uint64(be32(m[8:])))
			for k, fk := range [...]int{bfdDesiredMinTx, bfdRequiredMinRx, bfdRequiredMinEcho} {
				v := be32(m[12+4*k:])
				e.Uint(&f[fk], uint64(v))
				if e.Tree() {
					b := append(append(e.Text(), f[fk].Label...), ": "...)
					b = appendRightAligned(b, uint64(v/1000), 4)
					b = append(b, " ms ("...)
					b = strconv.AppendUint(b, uint64(v), 10)
					e.SetRepr(append(b, " us)"...))
				}
			}
			if a := m.Auth(); a != nil {
				named := a[0] != 0 && int(a[0]) < len(bfdAuthNames)
				if named && e.Tree() {
					e.Line(append(append(e.Text(), "Authentication: "...), bfdAuthNames[a[0]]...))
				}
				e.Sub()
				e.Uint(&f[bfdAuthType], uint64(a[0]))
				if !named {
					e.NoTree() // tshark draws no section of an unknown type
				}
				e.Uint(&f[bfdAuthLen], uint64(a[1]))
				if !named {
					e.NoTree()
				}
				e.Uint(&f[bfdAuthKey], uint64(a[2]))
				if !named {
					e.NoTree()
				}
				switch hash, n := bfdAuthHashLen(a[0]); {
				case a[0] == 1 && int(a[1]) >= 4 && int(a[1]) <= len(a):
					e.Bytes(&f[bfdAuthPassword], a[3:a[1]])
				case n > 0 && int(a[1]) == n && len(a) >= n:
					e.Uint(&f[bfdAuthSeqNum], uint64(be32(a[4:])))
					e.Bytes(&f[bfdChecksum], a[8:8+hash])
				}
				e.Up()
			}
		}
	}
	e.End()
}

// bfdFlagOrder are version 1's flags in the order tshark shows them.
var bfdFlagOrder = [...]int{bfdFlagsP, bfdFlagsF, bfdFlagsC, bfdFlagsA, bfdFlagsD, bfdFlagsM}

// bfdFlagMask returns a version 1 flag's bit.
func bfdFlagMask(k int) uint64 {
	if k == bfdFlagsD {
		return 0x02 // Wireshark declares the draft's bit
	}
	return bfdFields[k].Mask
}

var bfdDiagNames = [10]string{"No Diagnostic", "Control Detection Time Expired", "Echo Function Failed",
	"Neighbor Signaled Session Down", "Forwarding Plane Reset", "Path Down", "Concatenated Path Down",
	"Administratively Down", "Reverse Concatenated Path Down", "Mis-Connectivity Defect"}

var bfdStateNames = [4]string{"AdminDown", "Down", "Init", "Up"}

var bfdAuthNames = [6]string{"", "Simple Password", "Keyed MD5", "Meticulous Keyed MD5", "Keyed SHA1", "Meticulous Keyed SHA1"}

func appendBFDDiag(b []byte, v uint8) []byte {
	if int(v) < len(bfdDiagNames) {
		return append(b, bfdDiagNames[v]...)
	}
	return append(b, "Unknown"...)
}

// appendRightAligned appends v right-aligned in width characters, as
// C's "%4u".
func appendRightAligned(b []byte, v uint64, width int) []byte {
	var tmp [20]byte
	s := strconv.AppendUint(tmp[:0], v, 10)
	for k := len(s); k < width; k++ {
		b = append(b, ' ')
	}
	return append(b, s...)
}

// infoBFD appends tshark's Info: "Diag: No Diagnostic, State: Up, Flags:
// 0x00".
func infoBFD(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" {
		return b
	}
	m := BFD(d.data[l.Start:l.End])
	b = append(b, "Diag: "...)
	b = appendBFDDiag(b, m.Diag())
	if m.Version() == 1 {
		b = append(b, ", State: "...)
		b = append(b, bfdStateNames[m.State()]...)
		b = append(b, ", Flags: 0x"...)
		return appendHex2(b, m.Flags()&0x3f)
	}
	b = append(b, ", Flags: 0x"...)
	return appendHex2(b, m.Flags())
}

var bfdTcpdumpFlags = [...]bitName{{0x20, "Poll"}, {0x10, "Final"}, {0x08, "Control Plane Independent"},
	{0x04, "Authentication Present"}, {0x02, "Demand"}, {0x01, "Multipoint"}}

var bfdTcpdumpV0Flags = [...]bitName{{0x80, "I Hear You"}, {0x40, "Demand"}, {0x20, "Poll"}, {0x10, "Final"},
	{0x08, "Control Plane Independent"}, {0x04, "Authentication Present"}, {0x02, "Reserved"}, {0x01, "Reserved"}}

var bfdTcpdumpDiags = [9]string{"No Diagnostic", "Control Detection Time Expired", "Echo Function Failed",
	"Neighbor Signaled Session Down", "Forwarding Plane Reset", "Path Down", "Concatenated Path Down",
	"Administratively Down", "Reverse Concatenated Path Down"}

// lineBFD appends what tcpdump prints for a BFD control packet on its
// ports (print-bfd.c); on the S-BFD port tcpdump knows no BFD.
func (p *LinePrinter) lineBFD(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if p.Options.Quiet {
		return appendQuietUDP(b, d, i)
	}
	var dport uint16
	if u := &d.layers[i-1]; u.Type == LayerUDP && u.Payload-u.Start >= udpLen {
		dport = UDP(d.data[u.Start:u.Payload]).DstPort()
		if sp := UDP(d.data[u.Start:u.Payload]).SrcPort(); !bfdTcpdumpPort(sp) && !bfdTcpdumpPort(dport) {
			return appendQuietUDP(b, d, i)
		}
	}
	length := udpPayloadLen(d, i)
	m := d.data[l.Start:l.End:l.End]
	if dport != bfdControlPort && dport != bfdMultihopPort && dport != bfdLagPort {
		// tcpdump names the packet by its destination port.
		b = append(b, "BFD, "...)
		if dport == 3785 {
			b = append(b, "Echo"...)
		} else {
			b = append(b, "unknown ("...)
			b = strconv.AppendUint(b, uint64(dport), 10)
			b = append(b, ')')
		}
		b = append(b, ", length: "...)
		b = strconv.AppendInt(b, int64(length), 10)
		if p.Options.Verbose >= 1 {
			b = appendHexDumpLines(b, m[:min(len(m), max(length, 0))], "\n\t")
		}
		return b
	}
	if len(m) < bfdLen {
		return append(b, " [|bfd]"...)
	}
	v := m[0] >> 5
	fl := m[1]
	port := "Control"
	switch dport {
	case bfdMultihopPort:
		port = "Multihop"
	case bfdLagPort:
		port = "Lag"
	}
	switch v {
	case 0, 1:
	default:
		b = append(b, "BFDv"...)
		b = strconv.AppendUint(b, uint64(v), 10)
		b = append(b, ", Control, length: "...)
		b = strconv.AppendInt(b, int64(length), 10)
		if p.Options.Verbose >= 1 {
			b = appendHexDumpLines(b, m[:min(len(m), max(length, 0))], "\n\t")
		}
		return b
	}
	if p.Options.Verbose < 1 {
		if v == 0 {
			b = append(b, "BFDv0, Control, Flags: ["...)
			b = appendBitNames(b, uint64(fl), bfdTcpdumpV0Flags[:])
		} else {
			b = append(b, "BFDv1, "...)
			b = append(b, port...)
			b = append(b, ", State "...)
			b = append(b, bfdStateNames[fl>>6]...)
			b = append(b, ", Flags: ["...)
			b = appendBitNames(b, uint64(fl&0x3f), bfdTcpdumpFlags[:])
		}
		b = append(b, "], length: "...)
		return strconv.AppendInt(b, int64(length), 10)
	}
	b = append(b, "BFDv"...)
	b = strconv.AppendUint(b, uint64(v), 10)
	b = append(b, ", length: "...)
	b = strconv.AppendInt(b, int64(length), 10)
	b = append(b, "\n\t"...)
	if v == 0 {
		b = append(b, "Control, Flags: ["...)
		b = appendBitNames(b, uint64(fl), bfdTcpdumpV0Flags[:])
	} else {
		b = append(b, port...)
		b = append(b, ", State "...)
		b = append(b, bfdStateNames[fl>>6]...)
		b = append(b, ", Flags: ["...)
		b = appendBitNames(b, uint64(fl&0x3f), bfdTcpdumpFlags[:])
	}
	b = append(b, "], Diagnostic: "...)
	if dg := m[0] & 0x1f; int(dg) < len(bfdTcpdumpDiags) {
		b = append(b, bfdTcpdumpDiags[dg]...)
	} else {
		b = append(b, "unknown"...)
	}
	b = append(b, " (0x"...)
	b = appendHex2(b, m[0]&0x1f)
	b = append(b, ")\n\tDetection Timer Multiplier: "...)
	b = strconv.AppendUint(b, uint64(m[2]), 10)
	b = append(b, " ("...)
	b = strconv.AppendUint(b, uint64(uint32(m[2])*be32(m[12:])/1000), 10)
	b = append(b, " ms Detection time), BFD Length: "...)
	b = strconv.AppendUint(b, uint64(m[3]), 10)
	b = append(b, "\n\tMy Discriminator: 0x"...)
	b = appendHexN(b, uint64(be32(m[4:])), 8)
	b = append(b, ", Your Discriminator: 0x"...)
	b = appendHexN(b, uint64(be32(m[8:])), 8)
	b = append(b, "\n\t  Desired min Tx Interval:    "...)
	b = appendRightAligned(b, uint64(be32(m[12:])/1000), 4)
	b = append(b, " ms\n\t  Required min Rx Interval:   "...)
	b = appendRightAligned(b, uint64(be32(m[16:])/1000), 4)
	b = append(b, " ms\n\t  Required min Echo Interval: "...)
	b = appendRightAligned(b, uint64(be32(m[20:])/1000), 4)
	b = append(b, " ms"...)
	if fl&0x04 == 0 {
		return b
	}
	a := m[bfdLen:]
	if len(a) < 4 {
		return append(b, " [|bfd]"...)
	}
	b = append(b, "\n\tAuthentication: "...)
	if a[0] >= 1 && int(a[0]) < len(bfdAuthNames) {
		b = append(b, bfdAuthNames[a[0]]...)
	} else {
		b = append(b, "Unknown"...)
	}
	b = append(b, " ("...)
	b = strconv.AppendUint(b, uint64(a[0]), 10)
	b = append(b, "), length: "...)
	b = strconv.AppendUint(b, uint64(a[1]), 10)
	b = append(b, "\n\t  Auth Key ID: "...)
	b = strconv.AppendUint(b, uint64(a[2]), 10)
	switch a[0] {
	case 1:
		if a[1] < 4 || a[1] > 19 {
			b = append(b, "[invalid length "...)
			b = strconv.AppendUint(b, uint64(a[1]), 10)
			return append(b, ']')
		}
		b = append(b, ", Password: "...)
		n := int(a[1]) - 3
		if 3+n > len(a) {
			b = appendPrintable(b, a[3:])
			return append(b, " [|bfd]"...)
		}
		return appendPrintable(b, a[3:3+n])
	case 2, 3, 4, 5:
		hash, n := bfdAuthHashLen(a[0])
		if int(a[1]) != n {
			b = append(b, "[invalid length "...)
			b = strconv.AppendUint(b, uint64(a[1]), 10)
			return append(b, ']')
		}
		if len(a) < 8 {
			return append(b, " [|bfd]"...)
		}
		b = append(b, ", Sequence Number: 0x"...)
		b = appendHexN(b, uint64(be32(a[4:])), 8)
		if len(a) < 8+hash {
			return append(b, " [|bfd]"...)
		}
		if hash == 16 {
			b = append(b, "\n\t  Digest: "...)
		} else {
			b = append(b, "\n\t  Hash: "...)
		}
		return appendHexBytes(b, a[8:8+hash])
	}
	return b
}

// bfdTcpdumpPort reports whether tcpdump hands a UDP port to its BFD
// printer.
func bfdTcpdumpPort(p uint16) bool {
	return p == bfdControlPort || p == bfdMultihopPort || p == bfdLagPort || p == 3785
}
