package filter

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/net/bpf"
)

// parseBPFText parses a program in libpcap's `-d` text format (bpf_image
// lines such as "(001) jeq      #0x800           jt 2\tjf 21"), the form in
// which libpcap's own tests record their expected programs. Blank lines are
// ignored; jump targets are absolute, as printed.
func parseBPFText(text string) ([]bpf.RawInstruction, error) {
	var prog []bpf.RawInstruction
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		n := len(prog)
		in, err := parseBPFLine(line, n)
		if err != nil {
			return nil, fmt.Errorf("line %q: %w", line, err)
		}
		prog = append(prog, in)
	}
	return prog, nil
}

func parseBPFLine(line string, n int) (bpf.RawInstruction, error) {
	var in bpf.RawInstruction
	idx, rest, ok := strings.Cut(line, ")")
	if !ok || !strings.HasPrefix(idx, "(") {
		return in, fmt.Errorf("no (index)")
	}
	if i, err := strconv.Atoi(idx[1:]); err != nil || i != n {
		return in, fmt.Errorf("index %q, want %d", idx[1:], n)
	}
	rest = strings.TrimSpace(rest)
	var jt, jf int
	hasJump := false
	if i := strings.Index(rest, " jt "); i >= 0 {
		f := strings.Fields(rest[i:])
		if len(f) != 4 || f[0] != "jt" || f[2] != "jf" {
			return in, fmt.Errorf("bad jt/jf")
		}
		var err1, err2 error
		jt, err1 = strconv.Atoi(f[1])
		jf, err2 = strconv.Atoi(f[3])
		if err1 != nil || err2 != nil || jt <= n || jf <= n || jt-n-1 > 255 || jf-n-1 > 255 {
			return in, fmt.Errorf("bad jump targets")
		}
		hasJump = true
		rest = strings.TrimSpace(rest[:i])
	}
	op, operand, _ := strings.Cut(rest, " ")
	operand = strings.TrimSpace(operand)

	num := func(s string) (uint32, bool) {
		v, err := strconv.ParseInt(s, 0, 64)
		if err != nil || v < -1<<31 || v > 1<<32-1 {
			return 0, false
		}
		return uint32(v), true
	}
	bad := func() (bpf.RawInstruction, error) { return in, fmt.Errorf("bad operand %q for %s", operand, op) }
	// load sets in from a load operand for the given class and size.
	load := func(cls, size uint16) (bpf.RawInstruction, error) {
		switch {
		case operand == "#pktlen" && size == cbW:
			in.Op = cls | cbW | cbLEN
		case strings.HasPrefix(operand, "#") && size == cbW:
			k, ok := num(operand[1:])
			if !ok {
				return bad()
			}
			in.Op, in.K = cls|cbIMM, k
		case strings.HasPrefix(operand, "M[") && strings.HasSuffix(operand, "]") && size == cbW:
			k, ok := num(operand[2 : len(operand)-1])
			if !ok {
				return bad()
			}
			in.Op, in.K = cls|cbMEM, k
		case strings.HasPrefix(operand, "[x + ") && strings.HasSuffix(operand, "]") && cls == cbLD:
			k, ok := num(operand[5 : len(operand)-1])
			if !ok {
				return bad()
			}
			in.Op, in.K = cbLD|size|cbIND, k
		case strings.HasPrefix(operand, "[") && strings.HasSuffix(operand, "]") && cls == cbLD:
			s := operand[1 : len(operand)-1]
			k, ok := num(s)
			if !ok {
				for i, name := range vmExtNames {
					if name == s {
						k, ok = vmSKFADOff+uint32(4*i), true
					}
				}
			}
			if !ok {
				return bad()
			}
			in.Op, in.K = cbLD|size|cbABS, k
		default:
			return bad()
		}
		return in, nil
	}
	jumps := map[string]uint16{"jeq": cbJEQ, "jgt": cbJGT, "jge": cbJGE, "jset": cbJSET}
	alus := map[string]uint16{}
	for code, name := range aluNames {
		alus[name] = code
	}
	if code, ok := jumps[op]; ok {
		if !hasJump {
			return in, fmt.Errorf("%s without jt/jf", op)
		}
		in.Op, in.Jt, in.Jf = cbJMP|code, uint8(jt-n-1), uint8(jf-n-1)
		if operand == "x" {
			in.Op |= cbX
			return in, nil
		}
		k, ok := num(strings.TrimPrefix(operand, "#"))
		if !ok || !strings.HasPrefix(operand, "#") {
			return bad()
		}
		in.K = k
		return in, nil
	}
	if hasJump {
		return in, fmt.Errorf("jt/jf on %s", op)
	}
	if code, ok := alus[op]; ok {
		in.Op = cbALU | code
		if operand == "x" {
			in.Op |= cbX
			return in, nil
		}
		k, ok := num(strings.TrimPrefix(operand, "#"))
		if !ok || !strings.HasPrefix(operand, "#") {
			return bad()
		}
		in.K = k
		return in, nil
	}
	switch op {
	case "ret":
		if operand == "" {
			in.Op = cbRET | cbA
			return in, nil
		}
		k, ok := num(strings.TrimPrefix(operand, "#"))
		if !ok || !strings.HasPrefix(operand, "#") {
			return bad()
		}
		in.Op, in.K = cbRET|cbK, k
	case "ld":
		return load(cbLD, cbW)
	case "ldh":
		return load(cbLD, cbH)
	case "ldb":
		return load(cbLD, cbB)
	case "ldx":
		return load(cbLDX, cbW)
	case "ldxb":
		if !strings.HasPrefix(operand, "4*([") || !strings.HasSuffix(operand, "]&0xf)") {
			return bad()
		}
		k, ok := num(operand[4 : len(operand)-6])
		if !ok {
			return bad()
		}
		in.Op, in.K = cbLDX|cbB|cbMSH, k
	case "st", "stx":
		if !strings.HasPrefix(operand, "M[") || !strings.HasSuffix(operand, "]") {
			return bad()
		}
		k, ok := num(operand[2 : len(operand)-1])
		if !ok {
			return bad()
		}
		in.Op, in.K = cbST, k
		if op == "stx" {
			in.Op = cbSTX
		}
	case "ja":
		t, err := strconv.Atoi(operand)
		if err != nil {
			return bad()
		}
		// libpcap's protochain loops back: k then wraps, as in C.
		in.Op, in.K = cbJMP|cbJA, uint32(int32(t-n-1))
	case "neg":
		in.Op = cbALU | cbNEG
	case "tax":
		in.Op = cbMISC | cbTAX
	case "txa":
		in.Op = cbMISC | cbTXA
	case "unimp":
		k, ok := num(operand)
		if !ok || k > 0xffff {
			return bad()
		}
		in.Op = uint16(k)
	default:
		return in, fmt.Errorf("unknown mnemonic %q", op)
	}
	if op != "ret" && op != "ldxb" && op != "st" && op != "stx" && op != "ja" && op != "unimp" && operand != "" {
		return bad()
	}
	return in, nil
}
