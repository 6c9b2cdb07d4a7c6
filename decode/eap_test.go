package decode_test

import "testing"

// eapVectors are EAP packets as 802.1X carries them (EAPOL type 0): each
// type whose data rawcap reads, a packet without a type, and damage.
var eapVectors = []struct{ name, hex string }{
	{"request identity", "01 01 0005 01"},
	{"response identity", "02 02 000f 01 757365720140657861a9"},
	{"notification", "01 03 000a 02 68656c6c6f"},
	{"nak", "02 04 0006 03 0d"},
	{"md5 challenge", "01 05 001a 04 10 00112233445566778899aabbccddeeff 6e616d65"},
	{"md5 without data", "01 06 0005 04"},
	{"md5 value size too long", "01 07 0007 04 09 00"},
	{"tls start", "01 08 0006 0d 20"},
	{"tls with length", "02 09 000e 0d c0 00000010 16030100"},
	{"peap version 1", "01 0a 0006 19 21"},
	{"ttls with length", "02 0b 000e 15 81 00000004 16030100"},
	{"fast", "01 0c 0006 2b 21"},
	{"sim start", "01 0d 0008 12 0a 0000"},
	{"aka challenge", "01 0e 0008 17 01 1234"},
	{"leap", "01 0f 0010 11 01 00 08 0011223344556677"},
	{"leap cut", "01 10 0006 11 01"},
	{"success", "03 11 0004"},
	{"failure", "04 12 0004"},
	{"unknown type", "01 13 0007 63 0102"},
	{"length past the data", "01 14 0020 01 41"},
	{"length below the header", "01 15 0002 01"},
}

// eapFrames wraps each vector in Ethernet and EAPOL (version 2, type 0,
// its length the packet's bytes).
func eapFrames(t testing.TB) [][]byte {
	var frames [][]byte
	for _, v := range eapVectors {
		p := mustHex(t, v.hex)
		f := append(mustHex(t, "0180c2000003 02000000000a 888e 02 00"), byte(len(p)>>8), byte(len(p)))
		frames = append(frames, append(f, p...))
	}
	return frames
}

// TestEAPMatchesTshark holds the EAP subtree of each vector to tshark's,
// line for line, and its tree to 0 allocations per packet.
func TestEAPMatchesTshark(t *testing.T) {
	frames := eapFrames(t)
	checkTreeAllocsNothing(t, frames[:len(frames)-2], "Extensible Authentication Protocol")
	compareSubtreeWithTshark(t, frames, "Extensible Authentication Protocol", map[int]string{
		10: "the TTLS data is not handed to TLS",
		11: "tshark finds an EAP-FAST packet without data malformed",
		15: "tshark finds the LEAP packet cut short malformed",
		14: "LEAP's challenge and name are not decoded",
		18: "an unknown type's data is not shown",
		19: "the packet is malformed (its length past the data): rawcap draws no EAP subtree",
		20: "the packet is malformed (its length below the header): rawcap draws no EAP subtree",
	})
	frames = frames[:len(frames)-2] // rawcap gives the malformed packets no fields
	path := writeTestPcap(t, frames)
	compareFieldsWithTshark(t, path, frames, []string{"eap.code", "eap.id", "eap.len", "eap.type",
		"eap.identity", "eap.notification", "eap.desired_type", "eap.md5.value_size", "eap.md5.value",
		"eap.md5.extra_data", "eap.tls.flags", "eap.tls.flags.len_included", "eap.tls.flags.more_fragments",
		"eap.tls.flags.start", "eap.tls.flags.version", "eap.tls.len", "eap.sim.subtype", "eap.sim.reserved",
		"eap.aka.subtype", "eap.aka.reserved", "eap.leap.version", "eap.leap.reserved", "eap.leap.count"})
}
