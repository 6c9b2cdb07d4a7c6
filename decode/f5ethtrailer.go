package decode

// F5 Ethernet trailer (Wireshark's f5ethtrailer): what BIG-IP devices
// append to the frames they capture, after the Ethernet payload and its
// padding. tshark 4.0 tries its heuristic on every Ethernet trailer; with
// its preferences' defaults (no walk through a padding that is not
// zeros) it looks past the zero bytes that start the trailer. rawcap lays
// out no F5 field: it takes only what the corpus shows tshark's
// heuristic taking and its dissector then running off the end of, a
// piece of f5TakenLen bytes after the zeros of a short frame's padding,
// which tshark marks "[Malformed Packet: F5 Ethernet trailer]" and shows
// neither as padding nor as Ethernet's trailer.

var protoF5EthTrailer = protoField("f5ethtrailer", "F5 Ethernet Trailer Protocol")

// f5TakenLen is the length, past the zero padding, of the trailers
// tshark's heuristic takes and cannot read.
const f5TakenLen = 7

// f5EthTrailer adds, after the layers of an Ethernet frame shorter than
// 64 bytes (no frame check sequence), a layer for the trailer tshark's
// F5 heuristic takes, marked as run off the end.
func (d *Decoder) f5EthTrailer() {
	if d.n < 2 || d.n == maxLayers || d.layers[0].Type != LayerEthernet || len(d.data) >= 64 || d.layers[d.n-1].Malformed != "" {
		return
	}
	after := d.data[min(d.layers[1].End, len(d.data)):]
	if len(after) < f5TakenLen {
		return // too few bytes after the frame's payload for a trailer (a TCP ACK's 6 of padding)
	}
	if after[len(after)-f5TakenLen] == 0 {
		return // the trailer tshark takes starts 7 bytes from the end with a byte that is not 0
	}
	tr, ok := linkTrailerOf(d, 0, len(d.data))
	if !ok || len(tr.pad) > 0 || len(tr.fcs) > 0 {
		return
	}
	t := tr.trailer
	for len(t) > 0 && t[0] == 0 {
		t = t[1:]
	}
	if len(t) != f5TakenLen {
		return
	}
	end := len(d.data)
	d.layers[d.n] = Layer{Type: LayerF5Trailer, Start: end - len(t), Payload: end - len(t), End: end, Malformed: ReasonTruncated}
	d.n++
}

// emitF5EthTrailer emits nothing: tshark's dissector throws before it
// adds its protocol (the tree's malformed mark is drawn after it).
func emitF5EthTrailer(e *emitter, i int) {}
