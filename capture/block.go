package capture

import "encoding/binary"

// The layout of a TPACKET_V3 ring block, from linux/if_packet.h. Every field is
// in the host's byte order. The Linux build checks these offsets against the
// structs of golang.org/x/sys/unix (see layout_linux.go).
//
//	struct tpacket_block_desc {          struct tpacket3_hdr {
//	    __u32 version;          // 0        __u32 tp_next_offset;  // 0
//	    __u32 offset_to_priv;   // 4        __u32 tp_sec;          // 4
//	    struct tpacket_hdr_v1 {             __u32 tp_nsec;         // 8
//	        __u32 block_status; // 8        __u32 tp_snaplen;      // 12
//	        __u32 num_pkts;     // 12       __u32 tp_len;          // 16
//	        __u32 offset_to_first_pkt; //16 __u32 tp_status;       // 20
//	        __u32 blk_len;      // 20       __u16 tp_mac;          // 24
//	        __u64 seq_num;      // 24       __u16 tp_net;          // 26
//	        ts_first_pkt, ts_last_pkt;      __u32 tp_rxhash;       // 28
//	    };                      // 48       __u32 tp_vlan_tci;     // 32
//	};                                      __u16 tp_vlan_tpid;    // 36
//	                                        __u8  tp_padding[10];
//	                                    };                         // 48
//
// A struct sockaddr_ll follows each tpacket3_hdr at TPACKET_ALIGN(48) = 48:
//
//	__u16 sll_family; __be16 sll_protocol; __s32 sll_ifindex; __u16 sll_hatype;
//	__u8 sll_pkttype; __u8 sll_halen; __u8 sll_addr[8];   // 20 bytes
const (
	blockStatusOff   = 8
	blockNumPktsOff  = 12
	blockFirstOff    = 16
	blockLenOff      = 20
	blockSeqOff      = 24
	blockHeaderLen   = 48
	hdrNextOff       = 0
	hdrSecOff        = 4
	hdrNsecOff       = 8
	hdrSnaplenOff    = 12
	hdrLenOff        = 16
	hdrStatusOff     = 20
	hdrMacOff        = 24
	hdrVlanTCIOff    = 32
	hdrVlanTPIDOff   = 36
	hdrLen           = 48
	sllProtocolOff   = hdrLen + 2
	sllIfindexOff    = hdrLen + 4
	sllHatypeOff     = hdrLen + 8
	sllPkttypeOff    = hdrLen + 10
	sllHalenOff      = hdrLen + 11
	sllAddrOff       = hdrLen + 12
	hdrPlusSockaddr  = hdrLen + 20
	statusUser       = 1    // TP_STATUS_USER
	statusVlanValid  = 0x10 // TP_STATUS_VLAN_VALID
	statusTPIDValid  = 0x40 // TP_STATUS_VLAN_TPID_VALID
	packetHost       = 0    // PACKET_HOST
	packetBroadcast  = 1    // PACKET_BROADCAST
	packetMulticast  = 2    // PACKET_MULTICAST
	packetOtherHost  = 3    // PACKET_OTHERHOST
	packetOutgoing   = 4    // PACKET_OUTGOING
	ethPVLAN         = 0x8100
	sll2HeaderLen    = 20
	vlanTagLen       = 4
	macAddressesSize = 12
)

var ne = binary.NativeEndian

// frame is one packet of a ring block: its captured bytes (a view into the
// block) and the metadata the kernel wrote beside it.
type frame struct {
	data      []byte // tp_snaplen bytes at tp_mac
	length    uint32 // tp_len: the length on the wire
	sec, nsec uint32
	status    uint32
	vlanTCI   uint16
	vlanTPID  uint16
	// From the struct sockaddr_ll.
	protocol uint16 // EtherType, converted from network byte order
	ifindex  int32
	hatype   uint16
	pkttype  uint8
	halen    uint8
	addr     [8]byte
}

// blockIter walks the packets of one TPACKET_V3 block. The block's header
// fields are read once by newBlockIter and every packet header is
// bound-checked against the block, so a corrupt block ends the walk (with
// Corrupt reporting it) instead of panicking.
type blockIter struct {
	b       []byte
	left    uint32
	off     int
	corrupt bool
}

// newBlockIter returns an iterator over block, which must hold a whole ring
// block (its length is the ring's block size).
func newBlockIter(block []byte) blockIter {
	if len(block) < blockHeaderLen {
		return blockIter{corrupt: true}
	}
	n := ne.Uint32(block[blockNumPktsOff:])
	first := ne.Uint32(block[blockFirstOff:])
	if blkLen := ne.Uint32(block[blockLenOff:]); uint64(blkLen) <= uint64(len(block)) && blkLen >= blockHeaderLen {
		block = block[:blkLen:blkLen]
	}
	it := blockIter{b: block, left: n, off: int(first)}
	if n > 0 && uint64(first) < blockHeaderLen {
		it.left, it.corrupt = 0, true
	}
	return it
}

// next fills f with the next packet and reports whether there was one.
func (it *blockIter) next(f *frame) bool {
	if it.left == 0 {
		return false
	}
	b, off := it.b, it.off
	if off < 0 || off > len(b)-hdrPlusSockaddr {
		it.left, it.corrupt = 0, true
		return false
	}
	h := b[off : off+hdrPlusSockaddr : off+hdrPlusSockaddr]
	nextOff := ne.Uint32(h[hdrNextOff:])
	snap := ne.Uint32(h[hdrSnaplenOff:])
	mac := int(ne.Uint16(h[hdrMacOff:]))
	start := off + mac
	if mac < hdrPlusSockaddr || uint64(start)+uint64(snap) > uint64(len(b)) {
		it.left, it.corrupt = 0, true
		return false
	}
	end := start + int(snap)
	f.data = b[start:end:end]
	f.length = ne.Uint32(h[hdrLenOff:])
	f.sec = ne.Uint32(h[hdrSecOff:])
	f.nsec = ne.Uint32(h[hdrNsecOff:])
	f.status = ne.Uint32(h[hdrStatusOff:])
	f.vlanTCI = uint16(ne.Uint32(h[hdrVlanTCIOff:]))
	f.vlanTPID = ne.Uint16(h[hdrVlanTPIDOff:])
	f.protocol = binary.BigEndian.Uint16(h[sllProtocolOff:])
	f.ifindex = int32(ne.Uint32(h[sllIfindexOff:]))
	f.hatype = ne.Uint16(h[sllHatypeOff:])
	f.pkttype = h[sllPkttypeOff]
	f.halen = h[sllHalenOff]
	copy(f.addr[:], h[sllAddrOff:sllAddrOff+8])
	it.left--
	if it.left > 0 {
		if nextOff == 0 {
			it.left, it.corrupt = 0, true
		}
		it.off = off + int(nextOff)
	}
	return true
}

// walkBlock calls fn for every packet of block (a view valid during the call)
// and reports whether the block was sound.
func walkBlock(block []byte, fn func(*frame)) bool {
	it := newBlockIter(block)
	var f frame
	for it.next(&f) {
		fn(&f)
	}
	return !it.corrupt
}
