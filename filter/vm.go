package filter

import (
	"encoding/binary"
	"errors"
	"fmt"

	"golang.org/x/net/bpf"
)

// Classic BPF opcode fields (struct sock_filter's code), as in
// linux/filter.h and libpcap's pcap/bpf.h.
const (
	cbLD   = 0x00
	cbLDX  = 0x01
	cbST   = 0x02
	cbSTX  = 0x03
	cbALU  = 0x04
	cbJMP  = 0x05
	cbRET  = 0x06
	cbMISC = 0x07

	cbW = 0x00
	cbH = 0x08
	cbB = 0x10

	cbIMM = 0x00
	cbABS = 0x20
	cbIND = 0x40
	cbMEM = 0x60
	cbLEN = 0x80
	cbMSH = 0xa0

	cbADD = 0x00
	cbSUB = 0x10
	cbMUL = 0x20
	cbDIV = 0x30
	cbOR  = 0x40
	cbAND = 0x50
	cbLSH = 0x60
	cbRSH = 0x70
	cbNEG = 0x80
	cbMOD = 0x90
	cbXOR = 0xa0

	cbJA   = 0x00
	cbJEQ  = 0x10
	cbJGT  = 0x20
	cbJGE  = 0x30
	cbJSET = 0x40

	cbK = 0x00
	cbX = 0x08
	cbA = 0x10

	cbTAX = 0x00
	cbTXA = 0x80
)

// Kernel limits and special offsets (linux/filter.h, linux/bpf_common.h).
const (
	vmMaxInsns   = 4096       // BPF_MAXINSNS
	vmMemWords   = 16         // BPF_MEMWORDS
	vmSKFLLOff   = 0xffe00000 // SKF_LL_OFF (-0x200000): start of the negative, special offsets
	vmSKFADOff   = 0xfffff000 // SKF_AD_OFF (-0x1000): ancillary data ("kernel extensions")
	vmSKFADCount = 64         // offsets past SKF_AD_OFF that bpf_image names
)

// Errors NewVM returns (wrapped in a *ProgramError).
var (
	ErrProgramLength = errors.New("program length out of range 1..4096")
	ErrBadOpcode     = errors.New("invalid opcode")
	ErrBadJump       = errors.New("jump out of range")
	ErrNoReturn      = errors.New("last instruction is not a return")
	ErrBadScratch    = errors.New("scratch memory index out of range")
	ErrUninitScratch = errors.New("scratch memory read before it is written")
	ErrDivByZero     = errors.New("division by constant zero")
	ErrBadShift      = errors.New("shift by constant of 32 or more")
	ErrExtension     = errors.New("kernel extension load not supported offline")
)

// ProgramError reports why NewVM rejected a program: the index of the
// offending instruction and the reason (one of the Err* sentinels above).
type ProgramError struct {
	Index int // instruction index, or -1 for the program as a whole
	Insn  bpf.RawInstruction
	Err   error
}

func (e *ProgramError) Error() string {
	if e.Index < 0 {
		return "bpf program: " + e.Err.Error()
	}
	return fmt.Sprintf("bpf program: instruction %d {0x%x, %d, %d, 0x%08x}: %v",
		e.Index, e.Insn.Op, e.Insn.Jt, e.Insn.Jf, e.Insn.K, e.Err)
}

func (e *ProgramError) Unwrap() error { return e.Err }

// vmOp is the pre-decoded operation of one instruction: a dense enumeration
// so that Run's switch compiles to a jump table.
type vmOp uint8

const (
	voRetK vmOp = iota
	voRetA
	voLdW  // A = pkt[k:k+4]
	voLdH  // A = pkt[k:k+2]
	voLdB  // A = pkt[k]
	voLdWX // A = pkt[X+k:X+k+4]
	voLdHX
	voLdBX
	voLdLen  // A = wirelen
	voLdImm  // A = k
	voLdMem  // A = M[k]
	voLdxLen // X = wirelen
	voLdxImm // X = k
	voLdxMem // X = M[k]
	voLdxMsh // X = 4*(pkt[k]&0xf)
	voSt     // M[k] = A
	voStx    // M[k] = X
	voAddK
	voSubK
	voMulK
	voDivK
	voModK
	voAndK
	voOrK
	voXorK
	voLshK
	voRshK
	voAddX
	voSubX
	voMulX
	voDivX
	voModX
	voAndX
	voOrX
	voXorX
	voLshX
	voRshX
	voNeg
	voTax
	voTxa
	voJa   // pc += k
	voJeqK // pc += A == k ? jt : jf
	voJgtK
	voJgeK
	voJsetK
	voJeqX
	voJgtX
	voJgeX
	voJsetX
)

// vmInsn is one pre-decoded instruction. Jump offsets are relative to the
// next instruction, as in the raw program; NewVM has checked them.
type vmInsn struct {
	op     vmOp
	jt, jf uint8
	k      uint32
}

// vmOpcodes maps each raw opcode the kernel accepts (bpf_check_classic's list)
// to its pre-decoded operation; absent vmOpcodes are invalid.
var vmOpcodes = map[uint16]vmOp{
	cbRET | cbK: voRetK,
	cbRET | cbA: voRetA,

	cbLD | cbW | cbABS: voLdW,
	cbLD | cbH | cbABS: voLdH,
	cbLD | cbB | cbABS: voLdB,
	cbLD | cbW | cbIND: voLdWX,
	cbLD | cbH | cbIND: voLdHX,
	cbLD | cbB | cbIND: voLdBX,
	cbLD | cbW | cbLEN: voLdLen,
	cbLD | cbIMM:       voLdImm,
	cbLD | cbMEM:       voLdMem,

	cbLDX | cbW | cbLEN: voLdxLen,
	cbLDX | cbIMM:       voLdxImm,
	cbLDX | cbMEM:       voLdxMem,
	cbLDX | cbB | cbMSH: voLdxMsh,

	cbST:  voSt,
	cbSTX: voStx,

	cbALU | cbADD | cbK: voAddK,
	cbALU | cbSUB | cbK: voSubK,
	cbALU | cbMUL | cbK: voMulK,
	cbALU | cbDIV | cbK: voDivK,
	cbALU | cbMOD | cbK: voModK,
	cbALU | cbAND | cbK: voAndK,
	cbALU | cbOR | cbK:  voOrK,
	cbALU | cbXOR | cbK: voXorK,
	cbALU | cbLSH | cbK: voLshK,
	cbALU | cbRSH | cbK: voRshK,
	cbALU | cbADD | cbX: voAddX,
	cbALU | cbSUB | cbX: voSubX,
	cbALU | cbMUL | cbX: voMulX,
	cbALU | cbDIV | cbX: voDivX,
	cbALU | cbMOD | cbX: voModX,
	cbALU | cbAND | cbX: voAndX,
	cbALU | cbOR | cbX:  voOrX,
	cbALU | cbXOR | cbX: voXorX,
	cbALU | cbLSH | cbX: voLshX,
	cbALU | cbRSH | cbX: voRshX,
	cbALU | cbNEG:       voNeg,

	cbMISC | cbTAX: voTax,
	cbMISC | cbTXA: voTxa,

	cbJMP | cbJA:         voJa,
	cbJMP | cbJEQ | cbK:  voJeqK,
	cbJMP | cbJGT | cbK:  voJgtK,
	cbJMP | cbJGE | cbK:  voJgeK,
	cbJMP | cbJSET | cbK: voJsetK,
	cbJMP | cbJEQ | cbX:  voJeqX,
	cbJMP | cbJGT | cbX:  voJgtX,
	cbJMP | cbJGE | cbX:  voJgeX,
	cbJMP | cbJSET | cbX: voJsetX,
}

// VM is a validated classic BPF program, pre-decoded for Run. It is
// immutable, so one VM may be used by several goroutines at once.
type VM struct {
	insns []vmInsn
}

// NewVM validates insns as the Linux kernel's bpf_check_classic does and
// returns a VM that runs them. It rejects (with a *ProgramError wrapping one
// of ErrProgramLength, ErrBadOpcode, ErrBadJump, ErrNoReturn, ErrBadScratch,
// ErrUninitScratch, ErrDivByZero, ErrBadShift, ErrExtension): programs
// shorter than 1 or longer than 4096 instructions, unknown vmOpcodes, jumps
// backwards or past the end, a last instruction other than RET, scratch
// indexes of 16 or more, scratch loads that some path reaches before any
// store to that word, division or modulo by constant 0, shifts by a
// constant of 32 or more, and loads from the kernel's negative special
// offsets (SKF_AD_*, SKF_NET_OFF, SKF_LL_OFF), which have no meaning for a
// packet read from a file.
func NewVM(insns []bpf.RawInstruction) (*VM, error) {
	n := len(insns)
	if n < 1 || n > vmMaxInsns {
		return nil, &ProgramError{Index: -1, Err: ErrProgramLength}
	}
	vm := &VM{insns: make([]vmInsn, n)}
	for pc, in := range insns {
		bad := func(err error) (*VM, error) { return nil, &ProgramError{Index: pc, Insn: in, Err: err} }
		op, ok := vmOpcodes[in.Op]
		if !ok {
			return bad(ErrBadOpcode)
		}
		switch op {
		case voLdW, voLdH, voLdB, voLdxMsh:
			if in.K >= vmSKFLLOff {
				return bad(ErrExtension)
			}
		case voLdMem, voLdxMem, voSt, voStx:
			if in.K >= vmMemWords {
				return bad(ErrBadScratch)
			}
		case voDivK, voModK:
			if in.K == 0 {
				return bad(ErrDivByZero)
			}
		case voLshK, voRshK:
			if in.K >= 32 {
				return bad(ErrBadShift)
			}
		case voJa:
			if uint64(in.K) >= uint64(n-pc-1) {
				return bad(ErrBadJump)
			}
		case voJeqK, voJgtK, voJgeK, voJsetK, voJeqX, voJgtX, voJgeX, voJsetX:
			if pc+int(in.Jt)+1 >= n || pc+int(in.Jf)+1 >= n {
				return bad(ErrBadJump)
			}
		}
		vm.insns[pc] = vmInsn{op: op, jt: in.Jt, jf: in.Jf, k: in.K}
	}
	if op := vm.insns[n-1].op; op != voRetK && op != voRetA {
		return nil, &ProgramError{Index: n - 1, Insn: insns[n-1], Err: ErrNoReturn}
	}
	if pc := vmCheckScratch(vm.insns); pc >= 0 {
		return nil, &ProgramError{Index: pc, Insn: insns[pc], Err: ErrUninitScratch}
	}
	return vm, nil
}

// vmCheckScratch returns the index of the first scratch load that may read a
// word no earlier instruction on some path has stored, or -1. It is the
// kernel's check_load_and_stores: one forward pass, since jumps only go
// forward, carrying a mask of the words known to be written.
func vmCheckScratch(insns []vmInsn) int {
	masks := make([]uint16, len(insns))
	for i := range masks {
		masks[i] = 0xffff
	}
	var valid uint16
	for pc, in := range insns {
		valid &= masks[pc]
		switch in.op {
		case voSt, voStx:
			valid |= 1 << in.k
		case voLdMem, voLdxMem:
			if valid&(1<<in.k) == 0 {
				return pc
			}
		case voJa:
			masks[pc+1+int(in.k)] &= valid
			valid = 0xffff
		case voJeqK, voJgtK, voJgeK, voJsetK, voJeqX, voJgtX, voJgeX, voJsetX:
			masks[pc+1+int(in.jt)] &= valid
			masks[pc+1+int(in.jf)] &= valid
			valid = 0xffff
		}
	}
	return -1
}

// Run runs the program over pkt, the captured bytes of a packet whose length
// on the wire was wirelen, and returns the program's result: 0 to reject,
// otherwise the number of bytes to keep. It follows libpcap's bpf_filter:
// `len` loads wirelen, a load past the end of pkt returns 0, and so does a
// division or modulo by a zero X. Run does not allocate.
func (vm *VM) Run(pkt []byte, wirelen uint32) uint32 {
	var (
		a, x uint32
		mem  [vmMemWords]uint32
	)
	insns := vm.insns
	plen := uint64(len(pkt))
	for pc := 0; pc < len(insns); pc++ {
		in := &insns[pc]
		switch in.op {
		case voRetK:
			return in.k
		case voRetA:
			return a
		case voLdW:
			k := uint64(in.k)
			if k+4 > plen {
				return 0
			}
			a = binary.BigEndian.Uint32(pkt[k:])
		case voLdH:
			k := uint64(in.k)
			if k+2 > plen {
				return 0
			}
			a = uint32(binary.BigEndian.Uint16(pkt[k:]))
		case voLdB:
			k := uint64(in.k)
			if k >= plen {
				return 0
			}
			a = uint32(pkt[k])
		case voLdWX:
			k := uint64(x) + uint64(in.k)
			if k+4 > plen {
				return 0
			}
			a = binary.BigEndian.Uint32(pkt[k:])
		case voLdHX:
			k := uint64(x) + uint64(in.k)
			if k+2 > plen {
				return 0
			}
			a = uint32(binary.BigEndian.Uint16(pkt[k:]))
		case voLdBX:
			k := uint64(x) + uint64(in.k)
			if k >= plen {
				return 0
			}
			a = uint32(pkt[k])
		case voLdLen:
			a = wirelen
		case voLdImm:
			a = in.k
		case voLdMem:
			a = mem[in.k&(vmMemWords-1)]
		case voLdxLen:
			x = wirelen
		case voLdxImm:
			x = in.k
		case voLdxMem:
			x = mem[in.k&(vmMemWords-1)]
		case voLdxMsh:
			k := uint64(in.k)
			if k >= plen {
				return 0
			}
			x = uint32(pkt[k]&0xf) << 2
		case voSt:
			mem[in.k&(vmMemWords-1)] = a
		case voStx:
			mem[in.k&(vmMemWords-1)] = x
		case voAddK:
			a += in.k
		case voSubK:
			a -= in.k
		case voMulK:
			a *= in.k
		case voDivK:
			a /= in.k
		case voModK:
			a %= in.k
		case voAndK:
			a &= in.k
		case voOrK:
			a |= in.k
		case voXorK:
			a ^= in.k
		case voLshK:
			a <<= in.k
		case voRshK:
			a >>= in.k
		case voAddX:
			a += x
		case voSubX:
			a -= x
		case voMulX:
			a *= x
		case voDivX:
			if x == 0 {
				return 0
			}
			a /= x
		case voModX:
			if x == 0 {
				return 0
			}
			a %= x
		case voAndX:
			a &= x
		case voOrX:
			a |= x
		case voXorX:
			a ^= x
		case voLshX:
			a <<= x // Go yields 0 for x >= 32, as libpcap does
		case voRshX:
			a >>= x
		case voNeg:
			a = -a
		case voTax:
			x = a
		case voTxa:
			a = x
		case voJa:
			pc += int(in.k)
		case voJeqK:
			pc += vmJump(a == in.k, in)
		case voJgtK:
			pc += vmJump(a > in.k, in)
		case voJgeK:
			pc += vmJump(a >= in.k, in)
		case voJsetK:
			pc += vmJump(a&in.k != 0, in)
		case voJeqX:
			pc += vmJump(a == x, in)
		case voJgtX:
			pc += vmJump(a > x, in)
		case voJgeX:
			pc += vmJump(a >= x, in)
		case voJsetX:
			pc += vmJump(a&x != 0, in)
		}
	}
	return 0 // unreachable: NewVM requires a final RET
}

func vmJump(cond bool, in *vmInsn) int {
	if cond {
		return int(in.jt)
	}
	return int(in.jf)
}
