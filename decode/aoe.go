package decode

import (
	"bytes"
	"strconv"
)

// AoE is an ATA over Ethernet message (EtherType 0x88a2), as the AoE
// specification (Coraid, revision 11) lays it out:
//
//	 0       4       8              16                              32
//	+-------+-------+---------------+-------------------------------+
//	|  Ver  | Flags |     Error     |             Major             |
//	+-------+-------+---------------+-------------------------------+
//	|     Minor     |    Command    |              Tag              |
//	+---------------+---------------+-------------------------------+
//	|              Tag              |     Arg (by command) …        |
//
// Flags: 0x8 response, 0x4 error. The arguments of an ATA command (0) are
// its AFlags (0x40 LBA48, 0x10 device, 0x02 async, 0x01 write), the error
// or feature, the sector count, the ATA command or status, a 48-bit LBA
// (least significant byte first), two reserved bytes and the data; of a
// Query Config Information (1): buffer count, firmware version, sector
// count, AoE version and config command (4 bits each), the config string's
// length and the string; of a MAC Mask List (2): a reserved byte, MCmd,
// MError, the directive count and 8-byte directives (reserved, DCmd, MAC);
// of a Reserve/Release (3): RCmd, the count of MACs and the MACs.
//
// An AoE view is the bytes after the EtherType; accessors read only what
// their caller has checked is there.
type AoE []byte

// EtherTypeAoE is ATA over Ethernet's EtherType.
const EtherTypeAoE = 0x88a2

// AoE's commands.
const (
	aoeCmdATA     = 0
	aoeCmdConfig  = 1
	aoeCmdMACMask = 2
	aoeCmdReserve = 3
)

const (
	aoeHdrLen     = 10 // the common header
	aoeATAArgLen  = 12 // an ATA command's arguments, the reserved bytes included
	aoeFlagResp   = 0x8
	aoeFlagError  = 0x4
	aoeAFlagExt   = 0x40
	aoeAFlagWrite = 0x01
)

func (a AoE) version() uint8 { return a[0] >> 4 }
func (a AoE) flags() uint8   { return a[0] & 0x0f }
func (a AoE) response() bool { return a[0]&aoeFlagResp != 0 }
func (a AoE) major() uint16  { return be16(a[2:]) }
func (a AoE) command() uint8 { return a[5] }
func (a AoE) tag() uint32    { return be32(a[6:]) }

// aoeLBA returns the 48-bit LBA of an ATA command's arguments, stored
// least significant byte first.
func aoeLBA(arg []byte) uint64 {
	var v uint64
	for k := 5; k >= 0; k-- {
		v = v<<8 | uint64(arg[4+k])
	}
	return v
}

// decodeAoE takes the rest of the frame: tshark's dissector shows every
// byte after the header as AoE's (an ATA command's data too). The layer is
// marked truncated where tshark's dissector runs off the end: a version 1
// header cut short, or an ATA command whose arguments end before the LBA.
func (d *Decoder) decodeAoE(l *Layer) LayerType {
	l.Payload = l.End
	if !aoeComplete(AoE(d.data[l.Start:l.End])) {
		l.Malformed = ReasonTruncated
	}
	return LayerNone
}

// aoeComplete reports whether tshark reads every field it looks for in a.
func aoeComplete(a AoE) bool {
	switch {
	case len(a) == 0:
		return false
	case a.version() != 1:
		return true
	case len(a) < aoeHdrLen:
		return false
	case a.command() == aoeCmdATA:
		return len(a) >= aoeHdrLen+10 // the LBA ends 10 bytes into the arguments
	}
	return true
}

// The fields, as Wireshark registers them.
const (
	aoeVersion = iota
	aoeResponse
	aoeFlagsError
	aoeError
	aoeMajor
	aoeMinor
	aoeCmd
	aoeTag
	aoeResponseTo
	aoeTime
	aoeAFlagsE
	aoeAFlagsD
	aoeAFlagsA
	aoeAFlagsW
	aoeErrFeature
	aoeSectorCount
	aoeATAStatus
	aoeATACmd
	aoeATACmdGenerated
	aoeLba
	aoeFieldCount
)

var aoeFields = [aoeFieldCount]Field{
	aoeVersion:         {Name: "aoe.version", Label: "Version", Kind: KindUint, Width: 8},
	aoeResponse:        {Name: "aoe.response", Label: "Response flag", Kind: KindBool, Width: 8, Mask: 0x08},
	aoeFlagsError:      {Name: "aoe.flags_error", Label: "Error flag", Kind: KindBool, Width: 8, Mask: 0x04},
	aoeError:           {Name: "aoe.error", Label: "Error", Kind: KindUint, Width: 8},
	aoeMajor:           {Name: "aoe.major", Label: "Major", Kind: KindUint, Width: 16, Base: BaseHex},
	aoeMinor:           {Name: "aoe.minor", Label: "Minor", Kind: KindUint, Width: 8, Base: BaseHex},
	aoeCmd:             {Name: "aoe.cmd", Label: "Command", Kind: KindUint, Width: 8},
	aoeTag:             {Name: "aoe.tag", Label: "Tag", Kind: KindUint, Width: 32, Base: BaseHex},
	aoeResponseTo:      {Name: "aoe.response_to", Label: "Response To", Kind: KindFrameNum, Generated: true},
	aoeTime:            {Name: "aoe.time", Label: "Time from request", Kind: KindRelTime, Generated: true},
	aoeAFlagsE:         {Name: "aoe.aflags.e", Label: "E", Kind: KindBool, Width: 8, Mask: 0x40},
	aoeAFlagsD:         {Name: "aoe.aflags.d", Label: "D", Kind: KindBool, Width: 8, Mask: 0x10},
	aoeAFlagsA:         {Name: "aoe.aflags.a", Label: "A", Kind: KindBool, Width: 8, Mask: 0x02},
	aoeAFlagsW:         {Name: "aoe.aflags.w", Label: "W", Kind: KindBool, Width: 8, Mask: 0x01},
	aoeErrFeature:      {Name: "aoe.err_feature", Label: "Err/Feature", Kind: KindUint, Width: 8, Base: BaseHex},
	aoeSectorCount:     {Name: "aoe.sector_count", Label: "Sector Count", Kind: KindUint, Width: 8},
	aoeATAStatus:       {Name: "aoe.ata.status", Label: "ATA Status", Kind: KindUint, Width: 8, Base: BaseHex},
	aoeATACmd:          {Name: "aoe.ata.cmd", Label: "ATA Cmd", Kind: KindUint, Width: 8, Base: BaseHex},
	aoeATACmdGenerated: {Name: "aoe.ata.cmd", Label: "ATA Cmd", Kind: KindUint, Width: 8, Base: BaseHex, Generated: true},
	aoeLba:             {Name: "aoe.lba", Label: "Lba", Kind: KindUint, Width: 64, Base: BaseHex},
}

var protoAoE = protoField("aoe", "ATAoverEthernet")

// emitAoE emits the message's fields in the order and nesting of tshark's
// tree, as far as the captured bytes go (tshark stops where a field runs
// past them). tshark decodes version 1 only, and of the commands only an
// ATA command's arguments; a response names the request it answers (the
// tracker pairs them by tag within the two stations' conversation) and
// that request's ATA command.
func emitAoE(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	a := AoE(d.data[l.Start:l.End])
	f := &aoeFields
	e.Proto(&protoAoE)
	defer e.End()
	if len(a) == 0 {
		return
	}
	e.Uint(&f[aoeVersion], uint64(a.version()))
	if a.version() != 1 {
		return
	}
	if e.Tree() {
		b := append(e.Text(), "Flags: "...)
		if a.response() {
			b = append(b, "Response"...)
		} else {
			b = append(b, "Request"...)
		}
		if a[0]&aoeFlagError != 0 {
			b = append(b, " Error"...)
		}
		e.Line(b)
	}
	e.Sub()
	e.BoolBits(&f[aoeResponse], uint64(a[0]))
	e.BoolBits(&f[aoeFlagsError], uint64(a[0]))
	e.Up()
	if a[0]&aoeFlagError != 0 {
		if len(a) < 2 {
			return
		}
		e.Uint(&f[aoeError], uint64(a[1]))
	}
	if len(a) < 4 {
		return
	}
	e.Uint(&f[aoeMajor], uint64(a.major()))
	if len(a) < 5 {
		return
	}
	e.Uint(&f[aoeMinor], uint64(a[4]))
	if len(a) < 6 {
		return
	}
	e.Uint(&f[aoeCmd], uint64(a.command()))
	if len(a) < aoeHdrLen {
		return
	}
	e.Uint(&f[aoeTag], uint64(a.tag()))
	if a.command() != aoeCmdATA {
		return
	}
	arg := a[aoeHdrLen:]
	resp := a.response()
	if !resp && len(arg) < 4 {
		return // tshark reads the ATA command first, to pair the request
	}
	q := e.conv.link(i)
	if q != nil && q.request != 0 {
		e.Uint(&f[aoeResponseTo], uint64(q.request))
		e.relNstime(&f[aoeTime], q.delta)
		if e.Tree() {
			b := appendNstime(append(e.Text(), "Time from request: "...), q.delta)
			e.SetRepr(append(b, " seconds"...))
		}
	}
	if len(arg) < 1 {
		return
	}
	af := uint64(arg[0])
	e.BoolBits(&f[aoeAFlagsE], af)
	if af&aoeAFlagExt != 0 {
		e.BoolBits(&f[aoeAFlagsD], af)
	}
	if af&aoeAFlagWrite != 0 {
		e.BoolBits(&f[aoeAFlagsA], af)
	}
	e.BoolBits(&f[aoeAFlagsW], af)
	if len(arg) < 2 {
		return
	}
	e.Uint(&f[aoeErrFeature], uint64(arg[1]))
	if len(arg) < 3 {
		return
	}
	e.Uint(&f[aoeSectorCount], uint64(arg[2]))
	if len(arg) < 4 {
		return
	}
	if resp {
		e.Uint(&f[aoeATAStatus], uint64(arg[3]))
		if q != nil && q.request != 0 {
			e.Uint(&f[aoeATACmdGenerated], uint64(q.aoeCmd))
		}
	} else {
		e.Uint(&f[aoeATACmd], uint64(arg[3]))
	}
	if len(arg) < 10 {
		return
	}
	e.Uint(&f[aoeLba], aoeLBA(arg))
}

// aoeLink pairs an ATA command's request and response (reqLink.aoeCmd
// holds the request's ATA command), as tshark does in one pass: by tag
// within the conversation of the two stations, whichever way the frames
// go; a request remembered again replaces the first, and a request is
// answered once. tshark remembers a request only once it has read its
// ATA command, and looks a response up once it has read the tag. The
// stations are the Ethernet header's addresses (after a cooked header,
// which has one, nothing is paired).
func (t *tracker) aoeLink(d *Decoder, i int, f *Frame, out *reqLink) {
	*out = reqLink{layer: i}
	l := &d.layers[i]
	a := AoE(d.data[l.Start:l.End])
	if len(a) < aoeHdrLen || a.version() != 1 || a.command() != aoeCmdATA {
		return
	}
	j := i - 1 // the Ethernet header, VLAN tags aside
	for j >= 0 && d.layers[j].Type == LayerVLAN {
		j--
	}
	if j < 0 || d.layers[j].Type != LayerEthernet {
		return
	}
	eth := d.data[d.layers[j].Start:]
	var src, dst [16]byte
	copy(src[:], eth[6:12])
	copy(dst[:], eth[:6])
	if string(src[:]) > string(dst[:]) {
		src, dst = dst, src
	}
	key := uint64(a.tag())
	if !a.response() {
		if len(a) < aoeHdrLen+4 {
			return
		}
		t.request(reqAoE, &src, &dst, key, 0, f, out)
		t.reqs[reqSlot(reqAoE, &src, &dst, key)].aoeCmd = a[aoeHdrLen+3]
		return
	}
	t.response(reqAoE, &dst, &src, key, 0, f, out)
}

// infoAoE appends tshark's Info for the message at layer i: the error,
// the command and whether it is a request or a response, and an ATA
// command's name (a response's from its request), as far as the bytes go.
func infoAoE(b []byte, d *Decoder, i int, q *reqLink) []byte {
	l := &d.layers[i]
	a := AoE(d.data[l.Start:l.End])
	if len(a) == 0 || a.version() != 1 {
		return b
	}
	if a[0]&aoeFlagError != 0 {
		if len(a) < 2 {
			return b
		}
		b = append(b, "Error:"...)
		if n := aoeFields[aoeError].ValueNames().Name(uint64(a[1])); n != "" {
			b = append(b, n...)
		} else {
			b = append(b, "Unknown error<"...)
			b = strconv.AppendUint(b, uint64(a[1]), 10)
			b = append(b, '>')
		}
		b = append(b, ' ')
	}
	if len(a) < 6 {
		return b
	}
	if n := aoeFields[aoeCmd].ValueNames().Name(uint64(a.command())); n != "" {
		b = append(b, n...)
	} else {
		b = append(b, "Unknown command<"...)
		b = strconv.AppendUint(b, uint64(a.command()), 10)
		b = append(b, '>')
	}
	if a.response() {
		b = append(b, " Response"...)
	} else {
		b = append(b, " Request"...)
	}
	if len(a) < aoeHdrLen+4 || a.command() != aoeCmdATA {
		return b
	}
	cmd := a[aoeHdrLen+3]
	if a.response() {
		if q == nil || q.request == 0 {
			return b
		}
		cmd = q.aoeCmd
	}
	b = append(b, " ATA:"...)
	if n := aoeFields[aoeATACmd].ValueNames().Name(uint64(cmd)); n != "" {
		return append(b, n...)
	}
	b = append(b, " Unknown ATA<0x"...)
	b = appendHex2(b, cmd)
	return append(b, '>')
}

// lineAoE appends tcpdump's line: "AoE length 18, Ver 1, Flags: [none]",
// and with -v the header and the command's arguments on lines of their
// own. tcpdump judges the lengths by the frame's length on the wire
// ("(invalid)") and stops with " [|aoe]" at the first field the capture
// cut off.
func (p *LinePrinter) lineAoE(b []byte, d *Decoder, i int) []byte {
	b = p.appendAoE(b, d, i)
	if bytes.HasSuffix(b, []byte(" [|aoe]")) {
		p.abandoned = true // tcpdump's printer longjmps out at the cut, and dumps the whole frame with -x
	}
	return b
}

func (p *LinePrinter) appendAoE(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	a := AoE(d.data[l.Start:l.End])
	length := len(a)
	if p.wire > l.Start {
		length = p.wire - l.Start
	}
	b = append(b, "AoE length "...)
	b = strconv.AppendInt(b, int64(length), 10)
	if length < 1 {
		return append(b, " (invalid)"...)
	}
	if len(a) < 1 {
		return append(b, " [|aoe]"...)
	}
	b = append(b, ", Ver "...)
	b = strconv.AppendUint(b, uint64(a.version()), 10)
	if a.version() != 1 {
		return b
	}
	if length < aoeHdrLen {
		return aoeInvalid(b, a, length)
	}
	b = append(b, ", Flags: ["...)
	b = appendAoEBits(b, a.flags(), aoeFlagNames[:])
	b = append(b, ']')
	if p.Options.Verbose == 0 {
		return b
	}
	if a[0]&aoeFlagError != 0 {
		if len(a) < 2 {
			return append(b, " [|aoe]"...)
		}
		b = append(b, "\n\tError: "...)
		b = appendAoEName(b, aoeErrorNames[:], a[1], "Invalid (", false)
	}
	if len(a) < 4 {
		return append(b, " [|aoe]"...)
	}
	b = append(b, "\n\tMajor: 0x"...)
	b = appendHex4(b, a.major())
	if len(a) < 5 {
		return append(b, " [|aoe]"...)
	}
	b = append(b, ", Minor: 0x"...)
	b = appendHex2(b, a[4])
	if len(a) < 6 {
		return append(b, " [|aoe]"...)
	}
	b = append(b, ", Command: "...)
	b = appendAoEName(b, aoeCmdNames[:], a.command(), "Unknown (0x", true)
	if len(a) < aoeHdrLen {
		return append(b, " [|aoe]"...)
	}
	b = append(b, ", Tag: 0x"...)
	b = appendHexN(b, uint64(a.tag()), 8)
	arg, n := a[aoeHdrLen:], length-aoeHdrLen
	switch a.command() {
	case aoeCmdATA:
		return aoeATALine(b, a, arg, n, length)
	case aoeCmdConfig:
		return aoeConfigLine(b, a, arg, n, length)
	case aoeCmdMACMask:
		return aoeMACMaskLine(b, a, arg, n, length)
	case aoeCmdReserve:
		return aoeReserveLine(b, a, arg, n, length)
	}
	return b
}

// aoeInvalid appends tcpdump's " (invalid)", and " [|aoe]" where the
// capture holds less than the message's length.
func aoeInvalid(b []byte, a AoE, length int) []byte {
	b = append(b, " (invalid)"...)
	if len(a) < length {
		b = append(b, " [|aoe]"...)
	}
	return b
}

// aoeATALine appends an ATA command's arguments (n bytes of them on the
// wire, arg those captured).
func aoeATALine(b []byte, a AoE, arg []byte, n, length int) []byte {
	if n < aoeATAArgLen {
		return aoeInvalid(b, a, length)
	}
	if len(arg) < 1 {
		return append(b, " [|aoe]"...)
	}
	b = append(b, "\n\tAFlags: ["...)
	b = appendAoEBits(b, arg[0], aoeAFlagNames[:])
	b = append(b, ']')
	for k, label := range [...]string{", Err/Feature: ", ", Sector Count: ", ", Cmd/Status: "} {
		if len(arg) < k+2 {
			return append(b, " [|aoe]"...)
		}
		b = append(b, label...)
		b = strconv.AppendUint(b, uint64(arg[k+1]), 10)
	}
	for k := range 6 {
		if len(arg) < 5+k {
			return append(b, " [|aoe]"...)
		}
		if k == 0 {
			b = append(b, "\n\tlba0: "...)
		} else {
			b = append(b, ", lba"...)
			b = append(b, byte('0'+k))
			b = append(b, ": "...)
		}
		b = strconv.AppendUint(b, uint64(arg[4+k]), 10)
	}
	if n > aoeATAArgLen {
		b = append(b, "\n\tData: "...)
		b = strconv.AppendInt(b, int64(n-aoeATAArgLen), 10)
		b = append(b, " bytes"...)
	}
	return b
}

// aoeConfigLine appends a Query Config Information's arguments.
func aoeConfigLine(b []byte, a AoE, arg []byte, n, length int) []byte {
	if n < 8 {
		return aoeInvalid(b, a, length)
	}
	if len(arg) < 2 {
		return append(b, " [|aoe]"...)
	}
	b = append(b, "\n\tBuffer Count: "...)
	b = strconv.AppendUint(b, uint64(be16(arg)), 10)
	if len(arg) < 4 {
		return append(b, " [|aoe]"...)
	}
	b = append(b, ", Firmware Version: "...)
	b = strconv.AppendUint(b, uint64(be16(arg[2:])), 10)
	if len(arg) < 5 {
		return append(b, " [|aoe]"...)
	}
	b = append(b, ", Sector Count: "...)
	b = strconv.AppendUint(b, uint64(arg[4]), 10)
	if len(arg) < 6 {
		return append(b, " [|aoe]"...)
	}
	b = append(b, ", AoE: "...)
	b = strconv.AppendUint(b, uint64(arg[5]>>4), 10)
	b = append(b, ", CCmd: "...)
	if c := arg[5] & 0x0f; int(c) < len(aoeCCmdNames) {
		b = append(b, aoeCCmdNames[c]...)
	} else {
		b = append(b, "Unknown (0x02x)"...) // tcpdump's format, as it prints it
	}
	if len(arg) < 8 {
		return append(b, " [|aoe]"...)
	}
	cslen := int(be16(arg[6:]))
	if cslen > n-8 {
		return aoeInvalid(b, a, length)
	}
	if cslen > 0 {
		b = append(b, "\n\tConfig String (length "...)
		b = strconv.AppendInt(b, int64(cslen), 10)
		b = append(b, "): "...)
		s := arg[8:]
		if len(s) < cslen {
			return append(appendPrintable(b, s), " [|aoe]"...)
		}
		b = appendPrintable(b, s[:cslen])
	}
	return b
}

// aoeMACMaskLine appends a MAC Mask List's arguments and directives.
func aoeMACMaskLine(b []byte, a AoE, arg []byte, n, length int) []byte {
	if n < 4 {
		return aoeInvalid(b, a, length)
	}
	if len(arg) < 2 {
		return append(b, " [|aoe]"...)
	}
	b = append(b, "\n\tMCmd: "...)
	b = appendAoEName(b, aoeMCmdNames[:], arg[1], "Unknown (0x", true)
	if len(arg) < 3 {
		return append(b, " [|aoe]"...)
	}
	b = append(b, ", MError: "...)
	b = appendAoEName(b, aoeMErrorNames[:], arg[2], "Unknown (0x", true)
	if len(arg) < 4 {
		return append(b, " [|aoe]"...)
	}
	count := int(arg[3])
	b = append(b, ", Dir Count: "...)
	b = strconv.AppendInt(b, int64(count), 10)
	if count*8 > n-4 {
		return aoeInvalid(b, a, length)
	}
	for k := range count {
		off := 4 + k*8
		if len(arg) < off+2 {
			return append(b, " [|aoe]"...)
		}
		b = append(b, "\n\t DCmd: "...)
		b = appendAoEName(b, aoeDCmdNames[:], arg[off+1], "Unknown (0x", true)
		if len(arg) < off+8 {
			return append(b, " [|aoe]"...)
		}
		b = append(b, ", Ethernet Address: "...)
		b = MAC(arg[off+2 : off+8]).AppendTo(b)
	}
	return b
}

// aoeReserveLine appends a Reserve/Release's arguments and MACs.
func aoeReserveLine(b []byte, a AoE, arg []byte, n, length int) []byte {
	if n < 2 || (n-2)%6 != 0 {
		return aoeInvalid(b, a, length)
	}
	if len(arg) < 1 {
		return append(b, " [|aoe]"...)
	}
	b = append(b, "\n\tRCmd: "...)
	b = appendAoEName(b, aoeRCmdNames[:], arg[0], "Unknown (0x", true)
	if len(arg) < 2 {
		return append(b, " [|aoe]"...)
	}
	count := int(arg[1])
	b = append(b, ", NMacs: "...)
	b = strconv.AppendInt(b, int64(count), 10)
	if count*6 != n-2 {
		return aoeInvalid(b, a, length)
	}
	for k := range count {
		off := 2 + k*6
		if len(arg) < off+6 {
			return append(b, " [|aoe]"...)
		}
		b = append(b, "\n\tEthernet Address "...)
		b = strconv.AppendInt(b, int64(k), 10)
		b = append(b, ": "...)
		b = MAC(arg[off : off+6]).AppendTo(b)
	}
	return b
}

// tcpdump's names.
var (
	aoeFlagNames   = [...]string{0x8: "Response", 0x4: "Error", 0x2: "MBZ-1", 0x1: "MBZ-0"}
	aoeAFlagNames  = [...]string{0x40: "Ext48", 0x10: "Device", 0x02: "Async", 0x01: "Write"}
	aoeErrorNames  = [...]string{1: "Unrecognized command code", 2: "Bad argument parameter", 3: "Device unavailable", 4: "Config string present", 5: "Unsupported version", 6: "Target is reserved"}
	aoeCmdNames    = [...]string{"Issue ATA Command", "Query Config Information", "MAC Mask List", "Reserve/Release"}
	aoeCCmdNames   = [...]string{"read config string", "test config string", "test config string prefix", "set config string", "force set config string"}
	aoeMCmdNames   = [...]string{"Read Mac Mask List", "Edit Mac Mask List"}
	aoeMErrorNames = [...]string{1: "Unspecified Error", 2: "Bad DCmd directive", 3: "Mask list full"}
	aoeDCmdNames   = [...]string{"No Directive", "Add mac address to mask list", "Delete mac address from mask list"}
	aoeRCmdNames   = [...]string{"Read reserve list", "Set reserve list", "Force set reserve list"}
)

// appendAoEBits appends the names of the bits set in v, highest first and
// comma-separated, or "none".
func appendAoEBits(b []byte, v uint8, names []string) []byte {
	first := true
	for bit := len(names) - 1; bit > 0; bit-- {
		if v&uint8(bit) == 0 || names[bit] == "" || bit&(bit-1) != 0 {
			continue
		}
		if !first {
			b = append(b, ", "...)
		}
		first = false
		b = append(b, names[bit]...)
	}
	if first {
		b = append(b, "none"...)
	}
	return b
}

// appendAoEName appends names[v], or unknown and v ("Unknown (0x05)" in two
// hex digits, "Invalid (7)" in decimal) and ')'.
func appendAoEName(b []byte, names []string, v uint8, unknown string, hex bool) []byte {
	if int(v) < len(names) && names[v] != "" {
		return append(b, names[v]...)
	}
	b = append(b, unknown...)
	if hex {
		b = appendHex2(b, v)
	} else {
		b = strconv.AppendUint(b, uint64(v), 10)
	}
	return append(b, ')')
}
