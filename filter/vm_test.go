package filter

import (
	"encoding/hex"
	"errors"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/bpf"
)

// vmHex decodes spaced hex ("45 00 00 3c") into bytes, failing the test on
// a typo.
func vmHex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.Join(strings.Fields(s), ""))
	if err != nil {
		t.Fatalf("bad hex %q: %v", s, err)
	}
	return b
}

// st builds a statement and jmp a conditional jump, as BPF_STMT and
// BPF_JUMP do in C.
func vmS(op uint16, k uint32) bpf.RawInstruction { return bpf.RawInstruction{Op: op, K: k} }
func vmJ(op uint16, k uint32, jt, jf uint8) bpf.RawInstruction {
	return bpf.RawInstruction{Op: op, Jt: jt, Jf: jf, K: k}
}

// vmTCPPort443 is `tcp port 443` for EN10MB, from
// `tcpdump -dd -r eth_mix.pcap 'tcp port 443'` (tcpdump 4.99.3, libpcap 1.10.3).
var vmTCPPort443 = []bpf.RawInstruction{
	vmJ(0x28, 0x0000000c, 0, 0),
	vmJ(0x15, 0x000086dd, 0, 6),
	vmJ(0x30, 0x00000014, 0, 0),
	vmJ(0x15, 0x00000006, 0, 15),
	vmJ(0x28, 0x00000036, 0, 0),
	vmJ(0x15, 0x000001bb, 12, 0),
	vmJ(0x28, 0x00000038, 0, 0),
	vmJ(0x15, 0x000001bb, 10, 11),
	vmJ(0x15, 0x00000800, 0, 10),
	vmJ(0x30, 0x00000017, 0, 0),
	vmJ(0x15, 0x00000006, 0, 8),
	vmJ(0x28, 0x00000014, 0, 0),
	vmJ(0x45, 0x00001fff, 6, 0),
	vmJ(0xb1, 0x0000000e, 0, 0),
	vmJ(0x48, 0x0000000e, 0, 0),
	vmJ(0x15, 0x000001bb, 2, 0),
	vmJ(0x48, 0x00000010, 0, 0),
	vmJ(0x15, 0x000001bb, 0, 1),
	vmJ(0x6, 0x00040000, 0, 0),
	vmJ(0x6, 0x00000000, 0, 0),
}

// Packets for the tests and benchmarks, hand-built: Ethernet + IPv4 + TCP
// from 10.0.0.1:51000 to 10.0.0.2:443 (SYN), the same to port 80, an IPv6
// TCP segment to port 443, and an ARP request.
const (
	vmPktTCP443 = `00 11 22 33 44 55 66 77 88 99 aa bb 08 00
		45 00 00 28 00 01 40 00 40 06 00 00 0a 00 00 01 0a 00 00 02
		c7 38 01 bb 00 00 00 01 00 00 00 00 50 02 ff ff 00 00 00 00`
	vmPktTCP80 = `00 11 22 33 44 55 66 77 88 99 aa bb 08 00
		45 00 00 28 00 01 40 00 40 06 00 00 0a 00 00 01 0a 00 00 02
		c7 38 00 50 00 00 00 01 00 00 00 00 50 02 ff ff 00 00 00 00`
	vmPktTCP6 = `00 11 22 33 44 55 66 77 88 99 aa bb 86 dd
		60 00 00 00 00 14 06 40 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01
		20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 02
		c7 38 01 bb 00 00 00 01 00 00 00 00 50 02 ff ff 00 00 00 00`
	vmPktARP = `ff ff ff ff ff ff 66 77 88 99 aa bb 08 06
		00 01 08 00 06 04 00 01 66 77 88 99 aa bb 0a 00 00 01 00 00 00 00 00 00 0a 00 00 02`
)

func TestVMRunTCPPort443(t *testing.T) {
	vm, err := NewVM(vmTCPPort443)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		pkt  string
		cut  int // captured bytes kept, 0 for all
		want uint32
	}{
		{"ipv4 to 443", vmPktTCP443, 0, 262144},
		{"ipv4 to 80", vmPktTCP80, 0, 0},
		{"ipv6 to 443", vmPktTCP6, 0, 262144},
		{"arp", vmPktARP, 0, 0},
		{"ipv4 to 443 cut before the port", vmPktTCP443, 36, 0},
		{"ipv4 to 443 cut after the port", vmPktTCP443, 38, 262144},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pkt := vmHex(t, tt.pkt)
			wire := uint32(len(pkt))
			if tt.cut > 0 {
				pkt = pkt[:tt.cut]
			}
			if got := vm.Run(pkt, wire); got != tt.want {
				t.Errorf("Run = %d, want %d", got, tt.want)
			}
		})
	}
}

// TestVMSemantics runs one small program per instruction kind and checks
// the value it returns (RET A), following libpcap's bpf_filter.
func TestVMSemantics(t *testing.T) {
	const (
		ldImm  = cbLD | cbIMM
		ldxImm = cbLDX | cbIMM
		retA   = cbRET | cbA
	)
	pkt := []byte{0x45, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0xf9}
	tests := []struct {
		name string
		prog []bpf.RawInstruction
		want uint32
	}{
		{"ret k", []bpf.RawInstruction{vmS(cbRET|cbK, 7)}, 7},
		{"ld w abs", []bpf.RawInstruction{vmS(cbLD|cbW|cbABS, 1), vmS(retA, 0)}, 0x01020304},
		{"ld h abs", []bpf.RawInstruction{vmS(cbLD|cbH|cbABS, 8), vmS(retA, 0)}, 0x08f9},
		{"ld b abs", []bpf.RawInstruction{vmS(cbLD|cbB|cbABS, 9), vmS(retA, 0)}, 0xf9},
		{"ld w abs past end", []bpf.RawInstruction{vmS(cbLD|cbW|cbABS, 7), vmS(cbRET|cbK, 1)}, 0},
		{"ld h abs past end", []bpf.RawInstruction{vmS(cbLD|cbH|cbABS, 9), vmS(cbRET|cbK, 1)}, 0},
		{"ld b abs past end", []bpf.RawInstruction{vmS(cbLD|cbB|cbABS, 10), vmS(cbRET|cbK, 1)}, 0},
		{"ld b abs huge", []bpf.RawInstruction{vmS(cbLD|cbB|cbABS, 0x7fffffff), vmS(cbRET|cbK, 1)}, 0},
		{"ld w ind", []bpf.RawInstruction{vmS(ldxImm, 2), vmS(cbLD|cbW|cbIND, 1), vmS(retA, 0)}, 0x03040506},
		{"ld h ind", []bpf.RawInstruction{vmS(ldxImm, 2), vmS(cbLD|cbH|cbIND, 6), vmS(retA, 0)}, 0x08f9},
		{"ld b ind", []bpf.RawInstruction{vmS(ldxImm, 9), vmS(cbLD|cbB|cbIND, 0), vmS(retA, 0)}, 0xf9},
		{"ld ind past end", []bpf.RawInstruction{vmS(ldxImm, 9), vmS(cbLD|cbH|cbIND, 0), vmS(cbRET|cbK, 1)}, 0},
		{"ld ind x+k wraps 32 bits", []bpf.RawInstruction{vmS(ldxImm, 0xffffffff), vmS(cbLD|cbB|cbIND, 2), vmS(cbRET|cbK, 1)}, 0},
		{"ld len is wirelen", []bpf.RawInstruction{vmS(cbLD|cbW|cbLEN, 0), vmS(retA, 0)}, 1000},
		{"ldx len is wirelen", []bpf.RawInstruction{vmS(cbLDX|cbW|cbLEN, 0), vmS(cbMISC|cbTXA, 0), vmS(retA, 0)}, 1000},
		{"ldxb msh", []bpf.RawInstruction{vmS(cbLDX|cbB|cbMSH, 0), vmS(cbMISC|cbTXA, 0), vmS(retA, 0)}, 20},
		{"ldxb msh past end", []bpf.RawInstruction{vmS(cbLDX|cbB|cbMSH, 10), vmS(cbRET|cbK, 1)}, 0},
		{"st and ld mem", []bpf.RawInstruction{vmS(ldImm, 9), vmS(cbST, 15), vmS(ldImm, 1), vmS(cbLD|cbMEM, 15), vmS(retA, 0)}, 9},
		{"stx and ldx mem", []bpf.RawInstruction{vmS(ldxImm, 5), vmS(cbSTX, 3), vmS(ldxImm, 1), vmS(cbLDX|cbMEM, 3), vmS(cbMISC|cbTXA, 0), vmS(retA, 0)}, 5},
		{"tax", []bpf.RawInstruction{vmS(ldImm, 4), vmS(cbMISC|cbTAX, 0), vmS(ldImm, 0), vmS(cbMISC|cbTXA, 0), vmS(retA, 0)}, 4},
		{"add k", []bpf.RawInstruction{vmS(ldImm, 5), vmS(cbALU|cbADD|cbK, 3), vmS(retA, 0)}, 8},
		{"sub k wraps", []bpf.RawInstruction{vmS(ldImm, 2), vmS(cbALU|cbSUB|cbK, 3), vmS(retA, 0)}, 0xffffffff},
		{"mul k", []bpf.RawInstruction{vmS(ldImm, 0x10000), vmS(cbALU|cbMUL|cbK, 0x10001), vmS(retA, 0)}, 0x10000},
		{"div k", []bpf.RawInstruction{vmS(ldImm, 17), vmS(cbALU|cbDIV|cbK, 5), vmS(retA, 0)}, 3},
		{"mod k", []bpf.RawInstruction{vmS(ldImm, 17), vmS(cbALU|cbMOD|cbK, 5), vmS(retA, 0)}, 2},
		{"and k", []bpf.RawInstruction{vmS(ldImm, 0xff0), vmS(cbALU|cbAND|cbK, 0x0ff), vmS(retA, 0)}, 0xf0},
		{"or k", []bpf.RawInstruction{vmS(ldImm, 0xf00), vmS(cbALU|cbOR|cbK, 0x00f), vmS(retA, 0)}, 0xf0f},
		{"xor k", []bpf.RawInstruction{vmS(ldImm, 0xff), vmS(cbALU|cbXOR|cbK, 0x0f), vmS(retA, 0)}, 0xf0},
		{"lsh k", []bpf.RawInstruction{vmS(ldImm, 3), vmS(cbALU|cbLSH|cbK, 31), vmS(retA, 0)}, 0x80000000},
		{"rsh k", []bpf.RawInstruction{vmS(ldImm, 0x80000000), vmS(cbALU|cbRSH|cbK, 31), vmS(retA, 0)}, 1},
		{"neg", []bpf.RawInstruction{vmS(ldImm, 1), vmS(cbALU|cbNEG, 0), vmS(retA, 0)}, 0xffffffff},
		{"add x", []bpf.RawInstruction{vmS(ldImm, 5), vmS(ldxImm, 3), vmS(cbALU|cbADD|cbX, 0), vmS(retA, 0)}, 8},
		{"sub x", []bpf.RawInstruction{vmS(ldImm, 5), vmS(ldxImm, 3), vmS(cbALU|cbSUB|cbX, 0), vmS(retA, 0)}, 2},
		{"mul x", []bpf.RawInstruction{vmS(ldImm, 5), vmS(ldxImm, 3), vmS(cbALU|cbMUL|cbX, 0), vmS(retA, 0)}, 15},
		{"div x", []bpf.RawInstruction{vmS(ldImm, 17), vmS(ldxImm, 5), vmS(cbALU|cbDIV|cbX, 0), vmS(retA, 0)}, 3},
		{"div x by zero rejects", []bpf.RawInstruction{vmS(ldImm, 17), vmS(cbALU|cbDIV|cbX, 0), vmS(cbRET|cbK, 1)}, 0},
		{"mod x", []bpf.RawInstruction{vmS(ldImm, 17), vmS(ldxImm, 5), vmS(cbALU|cbMOD|cbX, 0), vmS(retA, 0)}, 2},
		{"mod x by zero rejects", []bpf.RawInstruction{vmS(ldImm, 17), vmS(cbALU|cbMOD|cbX, 0), vmS(cbRET|cbK, 1)}, 0},
		{"and x", []bpf.RawInstruction{vmS(ldImm, 6), vmS(ldxImm, 3), vmS(cbALU|cbAND|cbX, 0), vmS(retA, 0)}, 2},
		{"or x", []bpf.RawInstruction{vmS(ldImm, 6), vmS(ldxImm, 3), vmS(cbALU|cbOR|cbX, 0), vmS(retA, 0)}, 7},
		{"xor x", []bpf.RawInstruction{vmS(ldImm, 6), vmS(ldxImm, 3), vmS(cbALU|cbXOR|cbX, 0), vmS(retA, 0)}, 5},
		{"lsh x", []bpf.RawInstruction{vmS(ldImm, 1), vmS(ldxImm, 4), vmS(cbALU|cbLSH|cbX, 0), vmS(retA, 0)}, 16},
		{"lsh x by 32 is 0", []bpf.RawInstruction{vmS(ldImm, 1), vmS(ldxImm, 32), vmS(cbALU|cbLSH|cbX, 0), vmS(retA, 0)}, 0},
		{"rsh x", []bpf.RawInstruction{vmS(ldImm, 16), vmS(ldxImm, 4), vmS(cbALU|cbRSH|cbX, 0), vmS(retA, 0)}, 1},
		{"rsh x by 40 is 0", []bpf.RawInstruction{vmS(ldImm, 16), vmS(ldxImm, 40), vmS(cbALU|cbRSH|cbX, 0), vmS(retA, 0)}, 0},
		{"ja", []bpf.RawInstruction{vmS(cbJMP|cbJA, 1), vmS(cbRET|cbK, 1), vmS(cbRET|cbK, 2)}, 2},
		{"jeq k true", []bpf.RawInstruction{vmS(ldImm, 4), vmJ(cbJMP|cbJEQ|cbK, 4, 1, 0), vmS(cbRET|cbK, 1), vmS(cbRET|cbK, 2)}, 2},
		{"jeq k false", []bpf.RawInstruction{vmS(ldImm, 5), vmJ(cbJMP|cbJEQ|cbK, 4, 1, 0), vmS(cbRET|cbK, 1), vmS(cbRET|cbK, 2)}, 1},
		{"jgt k unsigned", []bpf.RawInstruction{vmS(ldImm, 0x80000000), vmJ(cbJMP|cbJGT|cbK, 1, 1, 0), vmS(cbRET|cbK, 1), vmS(cbRET|cbK, 2)}, 2},
		{"jgt k equal", []bpf.RawInstruction{vmS(ldImm, 4), vmJ(cbJMP|cbJGT|cbK, 4, 1, 0), vmS(cbRET|cbK, 1), vmS(cbRET|cbK, 2)}, 1},
		{"jge k equal", []bpf.RawInstruction{vmS(ldImm, 4), vmJ(cbJMP|cbJGE|cbK, 4, 1, 0), vmS(cbRET|cbK, 1), vmS(cbRET|cbK, 2)}, 2},
		{"jset k", []bpf.RawInstruction{vmS(ldImm, 6), vmJ(cbJMP|cbJSET|cbK, 8, 1, 0), vmS(cbRET|cbK, 1), vmS(cbRET|cbK, 2)}, 1},
		{"jeq x", []bpf.RawInstruction{vmS(ldImm, 4), vmS(ldxImm, 4), vmJ(cbJMP|cbJEQ|cbX, 0, 1, 0), vmS(cbRET|cbK, 1), vmS(cbRET|cbK, 2)}, 2},
		{"jgt x", []bpf.RawInstruction{vmS(ldImm, 4), vmS(ldxImm, 3), vmJ(cbJMP|cbJGT|cbX, 0, 1, 0), vmS(cbRET|cbK, 1), vmS(cbRET|cbK, 2)}, 2},
		{"jge x", []bpf.RawInstruction{vmS(ldImm, 3), vmS(ldxImm, 4), vmJ(cbJMP|cbJGE|cbX, 0, 1, 0), vmS(cbRET|cbK, 1), vmS(cbRET|cbK, 2)}, 1},
		{"jset x", []bpf.RawInstruction{vmS(ldImm, 6), vmS(ldxImm, 2), vmJ(cbJMP|cbJSET|cbX, 0, 1, 0), vmS(cbRET|cbK, 1), vmS(cbRET|cbK, 2)}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vm, err := NewVM(tt.prog)
			if err != nil {
				t.Fatalf("NewVM: %v", err)
			}
			if got := vm.Run(pkt, 1000); got != tt.want {
				t.Errorf("Run = %#x, want %#x", got, tt.want)
			}
		})
	}
}

func TestNewVMRejects(t *testing.T) {
	ret := vmS(cbRET|cbK, 1)
	long := make([]bpf.RawInstruction, vmMaxInsns+1)
	for i := range long {
		long[i] = ret
	}
	tests := []struct {
		name string
		prog []bpf.RawInstruction
		want error
		at   int
	}{
		{"empty", nil, ErrProgramLength, -1},
		{"4097 instructions", long, ErrProgramLength, -1},
		{"unknown opcode", []bpf.RawInstruction{vmS(0xff, 0), ret}, ErrBadOpcode, 0},
		{"ret x is not an opcode", []bpf.RawInstruction{vmS(cbRET|cbX, 0)}, ErrBadOpcode, 0},
		{"ld h imm is not an opcode", []bpf.RawInstruction{vmS(cbLD|cbH|cbIMM, 0), ret}, ErrBadOpcode, 0},
		{"no final ret", []bpf.RawInstruction{vmS(cbLD|cbIMM, 0)}, ErrNoReturn, 0},
		{"ja past the end", []bpf.RawInstruction{vmS(cbJMP|cbJA, 1), ret}, ErrBadJump, 0},
		{"ja huge", []bpf.RawInstruction{vmS(cbJMP|cbJA, 0xffffffff), ret}, ErrBadJump, 0},
		{"jt past the end", []bpf.RawInstruction{vmJ(cbJMP|cbJEQ|cbK, 0, 1, 0), ret}, ErrBadJump, 0},
		{"jf past the end", []bpf.RawInstruction{vmJ(cbJMP|cbJEQ|cbX, 0, 0, 1), ret}, ErrBadJump, 0},
		{"st M[16]", []bpf.RawInstruction{vmS(cbST, 16), ret}, ErrBadScratch, 0},
		{"ldx M[16]", []bpf.RawInstruction{vmS(cbLDX|cbMEM, 16), ret}, ErrBadScratch, 0},
		{"ld M[0] before st", []bpf.RawInstruction{vmS(cbLD|cbMEM, 0), ret}, ErrUninitScratch, 0},
		{"ld M[1] on a path without st", []bpf.RawInstruction{
			vmJ(cbJMP|cbJEQ|cbK, 0, 1, 0), vmS(cbST, 1), vmS(cbLD|cbMEM, 1), ret}, ErrUninitScratch, 2},
		{"div by constant 0", []bpf.RawInstruction{vmS(cbALU|cbDIV|cbK, 0), ret}, ErrDivByZero, 0},
		{"mod by constant 0", []bpf.RawInstruction{vmS(cbALU|cbMOD|cbK, 0), ret}, ErrDivByZero, 0},
		{"lsh by 32", []bpf.RawInstruction{vmS(cbALU|cbLSH|cbK, 32), ret}, ErrBadShift, 0},
		{"ancillary load", []bpf.RawInstruction{vmS(cbLD|cbH|cbABS, vmSKFADOff+4), ret}, ErrExtension, 0},
		{"SKF_NET_OFF load", []bpf.RawInstruction{vmS(cbLD|cbB|cbABS, 0xfff00000), ret}, ErrExtension, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewVM(tt.prog)
			if !errors.Is(err, tt.want) {
				t.Fatalf("NewVM error = %v, want %v", err, tt.want)
			}
			var pe *ProgramError
			if !errors.As(err, &pe) || pe.Index != tt.at {
				t.Errorf("NewVM error %v: want a *ProgramError at index %d", err, tt.at)
			}
		})
	}
}

func TestNewVMAcceptsStoredScratch(t *testing.T) {
	// Both paths store M[1] before the join reads it.
	prog := []bpf.RawInstruction{
		vmJ(cbJMP|cbJEQ|cbK, 0, 0, 2),
		vmS(cbST, 1),
		vmS(cbJMP|cbJA, 1),
		vmS(cbSTX, 1),
		vmS(cbLD|cbMEM, 1),
		vmS(cbRET|cbA, 0),
	}
	if _, err := NewVM(prog); err != nil {
		t.Fatal(err)
	}
}

func TestVMRunAllocs(t *testing.T) {
	vm, err := NewVM(vmTCPPort443)
	if err != nil {
		t.Fatal(err)
	}
	pkt := vmHex(t, vmPktTCP443)
	if n := testing.AllocsPerRun(100, func() { vm.Run(pkt, uint32(len(pkt))) }); n != 0 {
		t.Errorf("Run allocates %v times per packet, want 0", n)
	}
}

// vmRandProgram returns a random program that both VMs should run alike:
// every instruction kind except NEG (x/net/bpf's VM lacks it) and LDX LEN
// (x/net/bpf loads it into A), random forward jumps, loads that sometimes
// fall off the packet, and scratch words stored up front.
func vmRandProgram(r *rand.Rand) []bpf.RawInstruction {
	n := 2 + r.IntN(40)
	prog := make([]bpf.RawInstruction, 0, n+16)
	for i := range 16 {
		if r.IntN(2) == 0 {
			prog = append(prog, vmS(cbLD|cbIMM, r.Uint32()), vmS(cbST, uint32(i)))
		} else {
			prog = append(prog, vmS(cbSTX, uint32(i)))
		}
	}
	kinds := make([]uint16, 0, len(vmOpcodes))
	for op := range vmOpcodes {
		if op != cbALU|cbNEG && op != cbLDX|cbW|cbLEN {
			kinds = append(kinds, op)
		}
	}
	for i := 0; i < n; i++ {
		op := kinds[r.IntN(len(kinds))]
		left := n - i - 1 // instructions after this one
		in := bpf.RawInstruction{Op: op, K: r.Uint32()}
		switch vo := vmOpcodes[op]; vo {
		case voLdW, voLdH, voLdB, voLdxMsh, voLdWX, voLdHX, voLdBX:
			in.K = uint32(r.IntN(80))
		case voLdMem, voLdxMem, voSt, voStx:
			in.K = uint32(r.IntN(16))
		case voDivK, voModK:
			in.K = 1 + uint32(r.IntN(20))
		case voLshK, voRshK:
			in.K = uint32(r.IntN(32))
		case voAndK, voOrK, voXorK, voAddK, voSubK, voMulK, voLdImm, voLdxImm:
			if r.IntN(2) == 0 {
				in.K = uint32(r.IntN(256))
			}
		case voJa:
			if left == 0 {
				in = vmS(cbRET|cbA, 0)
				break
			}
			in.K = uint32(r.IntN(left))
		case voJeqK, voJgtK, voJgeK, voJsetK, voJeqX, voJgtX, voJgeX, voJsetX:
			if left == 0 {
				in = vmS(cbRET|cbK, in.K)
				break
			}
			in.Jt, in.Jf = uint8(r.IntN(min(left, 256))), uint8(r.IntN(min(left, 256)))
			if r.IntN(2) == 0 {
				in.K = uint32(r.IntN(256))
			}
		}
		if left == 0 && vmOpcodes[in.Op] != voRetK && vmOpcodes[in.Op] != voRetA {
			in = vmS(cbRET|cbA, 0)
		}
		prog = append(prog, in)
	}
	return prog
}

// TestVMAgreesWithXNetBPF runs random programs over random packets through
// this VM and golang.org/x/net/bpf's, which must return the same values.
func TestVMAgreesWithXNetBPF(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pkts := [][]byte{nil, vmHex(t, vmPktTCP443), vmHex(t, vmPktTCP6), vmHex(t, vmPktARP)}
	for range 60 {
		p := make([]byte, r.IntN(90))
		for i := range p {
			p[i] = byte(r.Uint32())
		}
		pkts = append(pkts, p)
	}
	const programs = 3000
	runs := 0
	for i := range programs {
		prog := vmRandProgram(r)
		vm, err := NewVM(prog)
		if err != nil {
			t.Fatalf("program %d: NewVM: %v", i, err)
		}
		insns := make([]bpf.Instruction, len(prog))
		for j, raw := range prog {
			insns[j] = raw.Disassemble()
		}
		xvm, err := bpf.NewVM(insns)
		if err != nil {
			t.Fatalf("program %d: x/net/bpf NewVM: %v", i, err)
		}
		for j, pkt := range pkts {
			want, err := xvm.Run(pkt)
			if err != nil {
				t.Fatalf("program %d packet %d: x/net/bpf: %v", i, j, err)
			}
			if got := vm.Run(pkt, uint32(len(pkt))); got != uint32(want) {
				var b strings.Builder
				Disassemble(&b, prog, StyleText)
				t.Fatalf("program %d packet %d (% x): Run = %#x, x/net/bpf = %#x\n%s", i, j, pkt, got, uint32(want), b.String())
			}
			runs++
		}
	}
	t.Logf("%d programs, %d runs agree", programs, runs)
}

// vmBenchPackets are the benchmark's packets: two that `tcp port 443`
// accepts and two it rejects.
func vmBenchPackets(b *testing.B) ([][]byte, int) {
	pkts := [][]byte{vmHex(b, vmPktTCP443), vmHex(b, vmPktTCP80), vmHex(b, vmPktTCP6), vmHex(b, vmPktARP)}
	total := 0
	for _, p := range pkts {
		total += len(p)
	}
	return pkts, total / len(pkts)
}

// BenchmarkVM and BenchmarkXNetBPF run `tcp port 443` over the same packets;
// one op is one packet.
func BenchmarkVM(b *testing.B) {
	vm, err := NewVM(vmTCPPort443)
	if err != nil {
		b.Fatal(err)
	}
	pkts, avg := vmBenchPackets(b)
	b.SetBytes(int64(avg))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		p := pkts[i&3]
		vm.Run(p, uint32(len(p)))
		i++
	}
}

func BenchmarkXNetBPF(b *testing.B) {
	insns := make([]bpf.Instruction, len(vmTCPPort443))
	for j, raw := range vmTCPPort443 {
		insns[j] = raw.Disassemble()
	}
	vm, err := bpf.NewVM(insns)
	if err != nil {
		b.Fatal(err)
	}
	pkts, avg := vmBenchPackets(b)
	b.SetBytes(int64(avg))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		vm.Run(pkts[i&3])
		i++
	}
}

// vmBenchCorpus returns eth_mix.pcap's packets (../shared/filters/pcaps),
// real traffic of many protocols, and their mean length.
func vmBenchCorpus(b *testing.B) ([]vmPacket, int) {
	shared := vmSharedDir(b)
	pkts, err := vmReadCapture(filepath.Join(shared, "filters", "pcaps", "eth_mix.pcap"))
	if err != nil || len(pkts) == 0 {
		b.Skipf("eth_mix.pcap: %v", err)
	}
	total := 0
	for _, p := range pkts {
		total += len(p.data)
	}
	return pkts, total / len(pkts)
}

// BenchmarkVMCorpus and BenchmarkXNetBPFCorpus run `tcp port 443` over
// eth_mix.pcap's packets in turn; one op is one packet.
func BenchmarkVMCorpus(b *testing.B) {
	vm, err := NewVM(vmTCPPort443)
	if err != nil {
		b.Fatal(err)
	}
	pkts, avg := vmBenchCorpus(b)
	b.SetBytes(int64(avg))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		p := &pkts[i%len(pkts)]
		vm.Run(p.data, p.wirelen)
		i++
	}
}

func BenchmarkXNetBPFCorpus(b *testing.B) {
	insns := make([]bpf.Instruction, len(vmTCPPort443))
	for j, raw := range vmTCPPort443 {
		insns[j] = raw.Disassemble()
	}
	vm, err := bpf.NewVM(insns)
	if err != nil {
		b.Fatal(err)
	}
	pkts, avg := vmBenchCorpus(b)
	b.SetBytes(int64(avg))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		vm.Run(pkts[i%len(pkts)].data)
		i++
	}
}
