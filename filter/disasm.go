package filter

import (
	"fmt"
	"io"
	"strconv"

	"golang.org/x/net/bpf"
)

// The styles of Disassemble, named after tcpdump's flags.
const (
	StyleText  = 1 // tcpdump -d: "(000) ldh      [12]"
	StyleC     = 2 // tcpdump -dd: "{ 0x28, 0, 0, 0x0000000c },"
	StyleDecim = 3 // tcpdump -ddd: the count, then "40 0 0 12" per instruction
)

// vmExtNames names the kernel's ancillary-data offsets (SKF_AD_OFF + n) as
// libpcap's bpf_image prints them ("ldh [type]").
var vmExtNames = [vmSKFADCount / 4]string{
	"proto", "type", "ifidx", "nla", "nlan", "mark", "queue", "hatype",
	"rxhash", "cpu", "xor_x", "vlan_tci", "vlanp", "poff", "random", "vlan_tpid",
}

// Disassemble writes insns to w exactly as tcpdump prints a compiled filter:
// style 1 as `tcpdump -d` (libpcap's bpf_image, one instruction per line),
// 2 as `-dd` (a C array initializer) and 3 as `-ddd` (decimal numbers,
// preceded by the instruction count). It does not validate the program:
// unknown opcodes print as tcpdump prints them ("unimp").
func Disassemble(w io.Writer, insns []bpf.RawInstruction, style int) error {
	var b []byte
	switch style {
	case StyleText:
		for i, in := range insns {
			b = appendImage(b, in, i)
			b = append(b, '\n')
		}
	case StyleC:
		for _, in := range insns {
			b = fmt.Appendf(b, "{ 0x%x, %d, %d, 0x%08x },\n", in.Op, in.Jt, in.Jf, in.K)
		}
	case StyleDecim:
		b = strconv.AppendInt(b, int64(len(insns)), 10)
		b = append(b, '\n')
		for _, in := range insns {
			b = fmt.Appendf(b, "%d %d %d %d\n", in.Op, in.Jt, in.Jf, in.K)
		}
	default:
		return fmt.Errorf("filter: disassembly style %d: want 1 (-d), 2 (-dd) or 3 (-ddd)", style)
	}
	_, err := w.Write(b)
	return err
}

// appendImage appends the `tcpdump -d` line of instruction in at index n
// (without the newline). Constants print as libpcap prints them: C's %d of
// an unsigned value is signed, so k ≥ 2^31 prints negative.
func appendImage(b []byte, in bpf.RawInstruction, n int) []byte {
	k := in.K
	sk := int64(int32(k))
	var op string
	var operand []byte
	var tmp [48]byte
	o := tmp[:0]
	hex := func() []byte { return strconv.AppendUint(append(o, "#0x"...), uint64(k), 16) }
	dec := func() []byte { return strconv.AppendInt(append(o, '#'), sk, 10) }
	mem := func() []byte { return append(strconv.AppendUint(append(o, "M["...), uint64(k), 10), ']') }
	abs := func() []byte {
		if k >= vmSKFADOff && k-vmSKFADOff < vmSKFADCount && (k-vmSKFADOff)%4 == 0 {
			return append(append(append(o, '['), vmExtNames[(k-vmSKFADOff)/4]...), ']')
		}
		return append(strconv.AppendInt(append(o, '['), sk, 10), ']')
	}
	ind := func() []byte { return append(strconv.AppendInt(append(o, "[x + "...), sk, 10), ']') }
	switch in.Op {
	default:
		op, operand = "unimp", strconv.AppendUint(append(o, "0x"...), uint64(in.Op), 16)
	case cbRET | cbK:
		op, operand = "ret", dec()
	case cbRET | cbA:
		op = "ret"
	case cbLD | cbW | cbABS:
		op, operand = "ld", abs()
	case cbLD | cbH | cbABS:
		op, operand = "ldh", abs()
	case cbLD | cbB | cbABS:
		op, operand = "ldb", abs()
	case cbLD | cbW | cbLEN:
		op, operand = "ld", append(o, "#pktlen"...)
	case cbLDX | cbW | cbLEN:
		op, operand = "ldx", append(o, "#pktlen"...)
	case cbLD | cbW | cbIND:
		op, operand = "ld", ind()
	case cbLD | cbH | cbIND:
		op, operand = "ldh", ind()
	case cbLD | cbB | cbIND:
		op, operand = "ldb", ind()
	case cbLD | cbIMM:
		op, operand = "ld", hex()
	case cbLDX | cbIMM:
		op, operand = "ldx", hex()
	case cbLDX | cbMSH | cbB:
		op, operand = "ldxb", append(strconv.AppendInt(append(o, "4*(["...), sk, 10), "]&0xf)"...)
	case cbLD | cbMEM:
		op, operand = "ld", mem()
	case cbLDX | cbMEM:
		op, operand = "ldx", mem()
	case cbST:
		op, operand = "st", mem()
	case cbSTX:
		op, operand = "stx", mem()
	case cbJMP | cbJA:
		op, operand = "ja", strconv.AppendInt(o, int64(int32(uint32(n)+1+k)), 10)
	case cbJMP | cbJGT | cbK:
		op, operand = "jgt", hex()
	case cbJMP | cbJGE | cbK:
		op, operand = "jge", hex()
	case cbJMP | cbJEQ | cbK:
		op, operand = "jeq", hex()
	case cbJMP | cbJSET | cbK:
		op, operand = "jset", hex()
	case cbJMP | cbJGT | cbX:
		op, operand = "jgt", append(o, 'x')
	case cbJMP | cbJGE | cbX:
		op, operand = "jge", append(o, 'x')
	case cbJMP | cbJEQ | cbX:
		op, operand = "jeq", append(o, 'x')
	case cbJMP | cbJSET | cbX:
		op, operand = "jset", append(o, 'x')
	case cbALU | cbNEG:
		op = "neg"
	case cbMISC | cbTAX:
		op = "tax"
	case cbMISC | cbTXA:
		op = "txa"
	}
	if in.Op < 0x100 && in.Op&0x07 == cbALU && in.Op != cbALU|cbNEG {
		name, ok := aluNames[in.Op&0xf0]
		if ok {
			op = name
			switch {
			case in.Op&cbX != 0:
				operand = append(o, 'x')
			case in.Op&0xf0 == cbAND || in.Op&0xf0 == cbOR || in.Op&0xf0 == cbXOR:
				operand = hex()
			default:
				operand = dec()
			}
		}
	}

	b = append(b, '(')
	if n < 100 {
		b = append(b, '0')
		if n < 10 {
			b = append(b, '0')
		}
	}
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, ") "...)
	b = appendPadded(b, op, 8)
	b = append(b, ' ')
	if in.Op&0x07 == cbJMP && in.Op&0xf0 != cbJA {
		b = appendPadded(b, string(operand), 16)
		b = append(b, " jt "...)
		b = strconv.AppendInt(b, int64(n+1+int(in.Jt)), 10)
		b = append(b, "\tjf "...)
		b = strconv.AppendInt(b, int64(n+1+int(in.Jf)), 10)
		return b
	}
	return append(b, operand...)
}

// aluNames names the ALU operations (the op field of a BPF_ALU opcode).
var aluNames = map[uint16]string{
	cbADD: "add", cbSUB: "sub", cbMUL: "mul", cbDIV: "div", cbMOD: "mod",
	cbAND: "and", cbOR: "or", cbXOR: "xor", cbLSH: "lsh", cbRSH: "rsh",
}

// appendPadded appends s left-justified in a field of width w (C's %-*s).
func appendPadded(b []byte, s string, w int) []byte {
	b = append(b, s...)
	for i := len(s); i < w; i++ {
		b = append(b, ' ')
	}
	return b
}
