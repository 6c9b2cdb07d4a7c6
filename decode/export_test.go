package decode

// What the tests in package decode_test read of the package's
// unexported parts: whether rawcap's one-liner for a message is tcpdump's
// (the corpus test compares only those).
var (
	LDPLineWritten     = ldpLineWritten
	LSPPingLineWritten = lspPingLineWritten
	RSVPLineWritten    = rsvpLineWritten
)

// DNSQuerySlot returns the slot of the tracker's request table a DNS query
// over UDP from a:sport to b:dport with the given ID goes to (a before b
// in the tracker's order of endpoints).
func DNSQuerySlot(a, b [16]byte, sport, dport, id uint16) int {
	return reqSlot(reqDNS, &a, &b, uint64(id)|uint64(sport)<<32|uint64(dport)<<16)
}
