package capture

import "golang.org/x/net/bpf"

// Classic BPF opcode fields (linux/filter.h).
const (
	bpfClassMask = 0x07
	bpfLD        = 0x00
	bpfLDX       = 0x01
	bpfModeMask  = 0xe0
	bpfABS       = 0x20
	bpfIND       = 0x40
	bpfLEN       = 0x80
	bpfMSH       = 0xa0
	bpfSizeMask  = 0x18
	bpfW         = 0x00
	bpfH         = 0x08
	bpfB         = 0x10
	bpfRET       = 0x06
	bpfK         = 0x00
)

// cookedKernelFilter rewrites prog, written for LINUX_SLL2 frames (see
// Config.FilterFrames), to run on
// a cooked (SOCK_DGRAM) socket, where the kernel runs the filter on the
// network-layer packet without any link header: loads past the 20-byte SLL2
// header move back by 20, and loads of the header's protocol, interface
// index, ARPHRD type and packet type become the kernel's ancillary loads
// (SKF_AD_PROTOCOL, SKF_AD_IFINDEX, SKF_AD_HATYPE, SKF_AD_PKTTYPE), as
// libpcap does. It reports false when prog reads something the kernel cannot
// give (the link-layer address, the packet length, an indirect load into the
// header); the caller then filters in user space instead.
func cookedKernelFilter(prog []bpf.RawInstruction) ([]bpf.RawInstruction, bool) {
	out := make([]bpf.RawInstruction, len(prog))
	for i, ins := range prog {
		class, mode, size := ins.Op&bpfClassMask, ins.Op&bpfModeMask, ins.Op&bpfSizeMask
		switch {
		case class == bpfLD && mode == bpfABS && ins.K >= 1<<31:
			// Negative offsets are the kernel's ancillary loads: kept.
		case class == bpfLD && mode == bpfABS:
			if ins.K >= sll2HeaderLen {
				ins.K -= sll2HeaderLen
				break
			}
			var ext bpf.Extension
			switch {
			case ins.K == 0 && size == bpfH:
				ext = bpf.ExtProto
			case ins.K == 4 && size == bpfW:
				ext = bpf.ExtInterfaceIndex
			case ins.K == 8 && size == bpfH:
				ext = bpf.ExtLinkLayerType
			case ins.K == 10 && size == bpfB:
				ext = bpf.ExtType
			default:
				return nil, false
			}
			raw, err := bpf.LoadExtension{Num: ext}.Assemble()
			if err != nil {
				return nil, false
			}
			ins.Op, ins.K = raw.Op, raw.K
		case class == bpfLD && mode == bpfIND, class == bpfLDX && mode == bpfMSH:
			if ins.K < sll2HeaderLen || ins.K >= 1<<31 {
				return nil, false
			}
			ins.K -= sll2HeaderLen
		case (class == bpfLD || class == bpfLDX) && mode == bpfLEN:
			return nil, false
		}
		out[i] = ins
	}
	return out, true
}

// clampReturns returns prog with every "ret #k" above snap lowered to snap,
// so that the kernel copies no more of a packet than will be kept.
func clampReturns(prog []bpf.RawInstruction, snap uint32) []bpf.RawInstruction {
	out := append([]bpf.RawInstruction(nil), prog...)
	for i, ins := range out {
		if ins.Op == bpfRET|bpfK && ins.K > snap {
			out[i].K = snap
		}
	}
	return out
}
