package decode

// appendTLSProto appends the TLS Protocol column from the first record's
// version.
func appendTLSProto(b []byte, d *Decoder, i int) []byte {
	return append(b, "TLS"...)
}
