package pcapio

import (
	"encoding/binary"

	"github.com/rawcap/rawcap/pcapio/packet"
)

// Packet option codes of EPB, SPB-less and PB blocks (pcapng draft, section 4.3).
const (
	OptEndOfOpt  = packet.OptEndOfOpt
	OptComment   = packet.OptComment
	OptFlags     = packet.OptFlags
	OptHash      = packet.OptHash
	OptDropCount = packet.OptDropCount
	OptPacketID  = packet.OptPacketID
	OptQueue     = packet.OptQueue
	OptVerdict   = packet.OptVerdict
)

// Direction values of epb_flags & 3.
const (
	DirectionUnknown  = packet.DirectionUnknown
	DirectionInbound  = packet.DirectionInbound
	DirectionOutbound = packet.DirectionOutbound
)

// validOptions checks that an option list is well formed: every option
// header and padded value lies within b. Bytes after opt_endofopt are
// ignored. It returns the offset in b of the first bad option, or -1.
func validOptions(b []byte, be bool) int {
	off := 0
	for off < len(b) {
		if len(b)-off < 4 {
			return off
		}
		var code, n uint16
		if be {
			code, n = binary.BigEndian.Uint16(b[off:]), binary.BigEndian.Uint16(b[off+2:])
		} else {
			code, n = binary.LittleEndian.Uint16(b[off:]), binary.LittleEndian.Uint16(b[off+2:])
		}
		if code == OptEndOfOpt {
			return -1
		}
		if int(n) > len(b)-off-4 {
			return off
		}
		off += 4 + (int(n)+3)&^3
	}
	return -1
}
