package decode

// What the tests in package decode_test read of the package's
// unexported parts: whether rawcap's one-liner for a message is tcpdump's
// (the corpus test compares only those).
var (
	LDPLineWritten     = ldpLineWritten
	LSPPingLineWritten = lspPingLineWritten
	RSVPLineWritten    = rsvpLineWritten
)
