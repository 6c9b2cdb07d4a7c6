package filter

import (
	"errors"
	"math/rand/v2"
	"testing"

	"golang.org/x/net/bpf"
)

// vmRefRun is a second, deliberately plain interpreter of classic BPF with
// libpcap's bpf_filter semantics, written from the opcode table rather than
// from vm.go. It decodes raw opcodes on every step and reports whether the
// program ended because a load fell off the packet (oob), which the
// optimiser checks need. It assumes prog passed NewVM.
func vmRefRun(prog []bpf.RawInstruction, pkt []byte, wirelen uint32) (ret uint32, oob bool) {
	var a, x uint32
	var m [16]uint32
	load := func(off uint64, size uint64) (uint32, bool) {
		if off+size > uint64(len(pkt)) {
			return 0, false
		}
		var v uint32
		for i := range size {
			v = v<<8 | uint32(pkt[off+i])
		}
		return v, true
	}
	size := map[uint16]uint64{cbW: 4, cbH: 2, cbB: 1}
	for pc := 0; pc < len(prog); pc++ {
		in := prog[pc]
		k := in.K
		src := k
		if in.Op&cbX != 0 {
			src = x
		}
		switch cls := in.Op & 7; cls {
		case cbLD, cbLDX:
			var v uint32
			switch mode := in.Op & 0xe0; {
			case mode == cbIMM:
				v = k
			case mode == cbMEM:
				v = m[k]
			case mode == cbLEN:
				v = wirelen
			case mode == cbABS:
				var ok bool
				if v, ok = load(uint64(k), size[in.Op&0x18]); !ok {
					return 0, true
				}
			case mode == cbIND:
				var ok bool
				if v, ok = load(uint64(x)+uint64(k), size[in.Op&0x18]); !ok {
					return 0, true
				}
			case mode == cbMSH:
				b, ok := load(uint64(k), 1)
				if !ok {
					return 0, true
				}
				v = (b & 0xf) * 4
			}
			if cls == cbLD {
				a = v
			} else {
				x = v
			}
		case cbST:
			m[k] = a
		case cbSTX:
			m[k] = x
		case cbALU:
			switch in.Op & 0xf0 {
			case cbADD:
				a += src
			case cbSUB:
				a -= src
			case cbMUL:
				a *= src
			case cbDIV:
				if src == 0 {
					return 0, false
				}
				a /= src
			case cbMOD:
				if src == 0 {
					return 0, false
				}
				a %= src
			case cbAND:
				a &= src
			case cbOR:
				a |= src
			case cbXOR:
				a ^= src
			case cbLSH:
				if src >= 32 {
					a = 0
				} else {
					a <<= src
				}
			case cbRSH:
				if src >= 32 {
					a = 0
				} else {
					a >>= src
				}
			case cbNEG:
				a = 0 - a
			}
		case cbJMP:
			var cond bool
			switch in.Op & 0xf0 {
			case cbJA:
				pc += int(k)
				continue
			case cbJEQ:
				cond = a == src
			case cbJGT:
				cond = a > src
			case cbJGE:
				cond = a >= src
			case cbJSET:
				cond = a&src != 0
			}
			if cond {
				pc += int(in.Jt)
			} else {
				pc += int(in.Jf)
			}
		case cbRET:
			if in.Op&0x18 == cbA {
				return a, false
			}
			return k, false
		case cbMISC:
			if in.Op&0xf8 == cbTXA {
				a = x
			} else {
				x = a
			}
		}
	}
	return 0, false
}

// TestVMAgreesWithReference runs random programs, NEG and LDX LEN
// included (which x/net/bpf lacks), with wire lengths unlike the captured
// ones, through Run and vmRefRun.
func TestVMAgreesWithReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	pkts := [][]byte{nil, vmHex(t, vmPktTCP443), vmHex(t, vmPktTCP6), vmHex(t, vmPktARP)}
	for range 40 {
		p := make([]byte, r.IntN(90))
		for i := range p {
			p[i] = byte(r.Uint32())
		}
		pkts = append(pkts, p)
	}
	runs := 0
	for i := range 3000 {
		prog := vmRandProgram(r)
		// Splice in the instructions vmRandProgram leaves out.
		for j := 16; j < len(prog)-1; j++ {
			switch r.IntN(8) {
			case 0:
				prog[j] = vmS(cbALU|cbNEG, 0)
			case 1:
				prog[j] = vmS(cbLDX|cbW|cbLEN, 0)
			}
		}
		vm, err := NewVM(prog)
		if errors.Is(err, ErrUninitScratch) {
			continue // a splice replaced a store
		}
		if err != nil {
			t.Fatalf("program %d: NewVM: %v", i, err)
		}
		for j, pkt := range pkts {
			wire := uint32(len(pkt)) + uint32(r.IntN(3))*700
			want, _ := vmRefRun(prog, pkt, wire)
			if got := vm.Run(pkt, wire); got != want {
				t.Fatalf("program %d packet %d (% x, wirelen %d): Run = %#x, reference = %#x\n%s", i, j, pkt, wire, got, want, vmDisasm(prog))
			}
			runs++
		}
	}
	t.Logf("%d runs agree", runs)
}
