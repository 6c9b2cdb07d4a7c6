package capture

import (
	"testing"
	"unsafe"

	"golang.org/x/sys/unix"
)

// TestLayout checks the walker's offsets against the kernel structs that
// golang.org/x/sys/unix defines.
func TestLayout(t *testing.T) {
	var h unix.Tpacket3Hdr
	var bd unix.TpacketBlockDesc
	var v1 unix.TpacketHdrV1
	var sll unix.RawSockaddrLinklayer
	hdr1 := unsafe.Offsetof(bd.Hdr)
	tests := []struct {
		name      string
		got, want uintptr
	}{
		{"block_status", hdr1 + unsafe.Offsetof(v1.Block_status), blockStatusOff},
		{"num_pkts", hdr1 + unsafe.Offsetof(v1.Num_pkts), blockNumPktsOff},
		{"offset_to_first_pkt", hdr1 + unsafe.Offsetof(v1.Offset_to_first_pkt), blockFirstOff},
		{"blk_len", hdr1 + unsafe.Offsetof(v1.Blk_len), blockLenOff},
		{"seq_num", hdr1 + unsafe.Offsetof(v1.Seq_num), blockSeqOff},
		{"tpacket_block_desc", hdr1 + unsafe.Sizeof(v1), blockHeaderLen},
		{"tp_next_offset", unsafe.Offsetof(h.Next_offset), hdrNextOff},
		{"tp_sec", unsafe.Offsetof(h.Sec), hdrSecOff},
		{"tp_nsec", unsafe.Offsetof(h.Nsec), hdrNsecOff},
		{"tp_snaplen", unsafe.Offsetof(h.Snaplen), hdrSnaplenOff},
		{"tp_len", unsafe.Offsetof(h.Len), hdrLenOff},
		{"tp_status", unsafe.Offsetof(h.Status), hdrStatusOff},
		{"tp_mac", unsafe.Offsetof(h.Mac), hdrMacOff},
		{"tp_vlan_tci", unsafe.Offsetof(h.Hv1) + unsafe.Offsetof(h.Hv1.Vlan_tci), hdrVlanTCIOff},
		{"tp_vlan_tpid", unsafe.Offsetof(h.Hv1) + unsafe.Offsetof(h.Hv1.Vlan_tpid), hdrVlanTPIDOff},
		{"tpacket3_hdr", unix.SizeofTpacket3Hdr, hdrLen},
		{"sll_protocol", hdrLen + unsafe.Offsetof(sll.Protocol), sllProtocolOff},
		{"sll_ifindex", hdrLen + unsafe.Offsetof(sll.Ifindex), sllIfindexOff},
		{"sll_hatype", hdrLen + unsafe.Offsetof(sll.Hatype), sllHatypeOff},
		{"sll_pkttype", hdrLen + unsafe.Offsetof(sll.Pkttype), sllPkttypeOff},
		{"sll_halen", hdrLen + unsafe.Offsetof(sll.Halen), sllHalenOff},
		{"sll_addr", hdrLen + unsafe.Offsetof(sll.Addr), sllAddrOff},
		{"sockaddr_ll", hdrLen + unix.SizeofSockaddrLinklayer, hdrPlusSockaddr},
		{"TP_STATUS_USER", unix.TP_STATUS_USER, statusUser},
		{"TP_STATUS_VLAN_VALID", unix.TP_STATUS_VLAN_VALID, statusVlanValid},
		{"TP_STATUS_VLAN_TPID_VALID", unix.TP_STATUS_VLAN_TPID_VALID, statusTPIDValid},
		{"PACKET_OUTGOING", unix.PACKET_OUTGOING, packetOutgoing},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s at %d in x/sys/unix, %d in block.go", tt.name, tt.got, tt.want)
		}
	}
}
