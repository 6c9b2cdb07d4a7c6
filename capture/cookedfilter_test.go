package capture

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/bpf"
)

func asm(t *testing.T, prog ...bpf.Instruction) []bpf.RawInstruction {
	t.Helper()
	raw, err := bpf.Assemble(prog)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func TestCookedKernelFilter(t *testing.T) {
	tests := []struct {
		name string
		in   []bpf.Instruction
		want []bpf.Instruction // nil: user space must filter
	}{{
		// tcpdump -y LINUX_SLL2 -d "udp", first half (IPv4).
		name: "udp",
		in: []bpf.Instruction{
			bpf.LoadAbsolute{Off: 0, Size: 2},
			bpf.JumpIf{Cond: bpf.JumpEqual, Val: 0x0800, SkipFalse: 3},
			bpf.LoadAbsolute{Off: 29, Size: 1},
			bpf.JumpIf{Cond: bpf.JumpEqual, Val: 17, SkipFalse: 1},
			bpf.RetConstant{Val: 262144},
			bpf.RetConstant{Val: 0},
		},
		want: []bpf.Instruction{
			bpf.LoadExtension{Num: bpf.ExtProto},
			bpf.JumpIf{Cond: bpf.JumpEqual, Val: 0x0800, SkipFalse: 3},
			bpf.LoadAbsolute{Off: 9, Size: 1},
			bpf.JumpIf{Cond: bpf.JumpEqual, Val: 17, SkipFalse: 1},
			bpf.RetConstant{Val: 262144},
			bpf.RetConstant{Val: 0},
		},
	}, {
		name: "tcp port 80 (msh and indirect)",
		in: []bpf.Instruction{
			bpf.LoadMemShift{Off: 20},
			bpf.LoadIndirect{Off: 22, Size: 2},
			bpf.RetA{},
		},
		want: []bpf.Instruction{
			bpf.LoadMemShift{Off: 0},
			bpf.LoadIndirect{Off: 2, Size: 2},
			bpf.RetA{},
		},
	}, {
		name: "inbound, ifindex, hatype",
		in: []bpf.Instruction{
			bpf.LoadAbsolute{Off: 10, Size: 1},
			bpf.LoadAbsolute{Off: 4, Size: 4},
			bpf.LoadAbsolute{Off: 8, Size: 2},
			bpf.RetConstant{Val: 1},
		},
		want: []bpf.Instruction{
			bpf.LoadExtension{Num: bpf.ExtType},
			bpf.LoadExtension{Num: bpf.ExtInterfaceIndex},
			bpf.LoadExtension{Num: bpf.ExtLinkLayerType},
			bpf.RetConstant{Val: 1},
		},
	},
		{name: "link-layer address", in: []bpf.Instruction{bpf.LoadAbsolute{Off: 14, Size: 4}, bpf.RetA{}}},
		{name: "packet length", in: []bpf.Instruction{bpf.LoadExtension{Num: bpf.ExtLen}, bpf.RetA{}}},
		{name: "indirect into the header", in: []bpf.Instruction{bpf.LoadIndirect{Off: 2, Size: 1}, bpf.RetA{}}},
		{
			name: "ancillary load kept",
			in:   []bpf.Instruction{bpf.LoadExtension{Num: bpf.ExtVLANTag}, bpf.RetA{}},
			want: []bpf.Instruction{bpf.LoadExtension{Num: bpf.ExtVLANTag}, bpf.RetA{}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := cookedKernelFilter(asm(t, tt.in...))
			if tt.want == nil {
				if ok {
					t.Fatalf("rewrote a filter the kernel cannot run: %v", got)
				}
				return
			}
			if !ok {
				t.Fatal("gave up on a filter the kernel can run")
			}
			if diff := cmp.Diff(asm(t, tt.want...), got); diff != "" {
				t.Errorf("kernel filter (-want +got):\n%s", diff)
			}
		})
	}
}

func TestClampReturns(t *testing.T) {
	in := asm(t, bpf.LoadAbsolute{Off: 12, Size: 2}, bpf.RetConstant{Val: 262144}, bpf.RetConstant{Val: 0}, bpf.RetConstant{Val: 64}, bpf.RetA{})
	want := asm(t, bpf.LoadAbsolute{Off: 12, Size: 2}, bpf.RetConstant{Val: 96}, bpf.RetConstant{Val: 0}, bpf.RetConstant{Val: 64}, bpf.RetA{})
	got := clampReturns(in, 96)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("clamped (-want +got):\n%s", diff)
	}
	if in[1].K != 262144 {
		t.Error("clampReturns changed its argument")
	}
}
