package decode

// The lines tshark draws in the Frame tree from what a pcapng file records
// beside a packet: its comments and epb_flags.

// treePacketComments draws the "Packet comments" tree tshark puts before
// the Frame tree: each comment, with its expert info.
func treePacketComments(t *treeWriter, comments []string) {
	t.depth = 0
	t.line()
	t.b = append(t.b, "Packet comments"...)
	t.end()
	for _, c := range comments {
		t.depth = 1
		t.line()
		t.b = append(t.b, c...)
		t.end()
		t.depth = 2
		t.expert("Comment", "Comment", c, nil)
	}
	t.depth = 0
}

var (
	epbDirections     = [4]string{"Unknown (0x0)", "Inbound (0x1)", "Outbound (0x2)", "Undefined (0x3)"}
	epbReceptionTypes = [8]string{"Not specified (0)", "Unicast (1)", "Multicast (2)", "Broadcast (3)", "Promiscuous (4)"}
	epbErrors         = [8]string{"CRC error", "Packet too long error", "Packet too short error",
		"Wrong interframe gap error", "Unaligned frame error", "Start frame delimiter error",
		"Preamble error", "Symbol error"}
)

// treePacketFlags draws epb_flags as tshark's "Packet flags" tree, at
// depth 1.
func treePacketFlags(t *treeWriter, v uint32) {
	t.line()
	t.b = append(t.b, "Packet flags: 0x"...)
	for i := 7; i >= 0; i-- {
		t.b = append(t.b, hexDigits[v>>(4*uint(i))&15])
	}
	t.end()
	t.depth = 2
	t.bits(uint64(v), 32, 0x3, "Direction")
	t.b = append(t.b, epbDirections[v&3]...)
	t.end()
	t.bits(uint64(v), 32, 0x1c, "Reception type")
	if rt := v >> 2 & 7; epbReceptionTypes[rt] != "" {
		t.b = append(t.b, epbReceptionTypes[rt]...)
	} else {
		t.b = append(t.b, "Unknown ("...)
		t.b = appendUint(t.b, uint64(rt))
		t.b = append(t.b, ')')
	}
	t.end()
	t.bits(uint64(v), 32, 0x1e0, "FCS length")
	t.b = appendUint(t.b, uint64(v>>5&15))
	t.end()
	t.bits(uint64(v), 32, 0xfe00, "Reserved")
	t.b = appendUint(t.b, uint64(v>>9&0x7f))
	t.end()
	for k, name := range epbErrors {
		bit := uint32(1) << (24 + k)
		t.bits(uint64(v), 32, uint64(bit), name)
		if v&bit != 0 {
			t.b = append(t.b, "Set"...)
		} else {
			t.b = append(t.b, "Not set"...)
		}
		t.end()
	}
	t.depth = 1
}
