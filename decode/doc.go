// Package decode holds rawcap's dissectors and printers.
//
// A dissector is a zero-copy view over packet bytes (type IPv4 []byte) made
// by a Parse function that validates lengths once, so that its accessors
// cannot panic afterwards. A Decoder walks a packet from its link layer to its
// application layer by a switch on EtherType, IP protocol and port (see
// dispatch.go) and records where each layer starts and ends. A Decoder is
// reused from packet to packet and does not allocate; it is not safe for
// concurrent use.
//
// A packet that ends early or whose lengths lie is data, not an error: the
// layer that could not be decoded is kept with a Malformed reason and decoding
// stops there.
//
// Printers are separate from parsing and append into caller-owned buffers:
// LinePrinter writes tcpdump's one-line format, JSONPrinter NDJSON with
// Wireshark's field names and TreePrinter the detail tree of tshark -V.
package decode
