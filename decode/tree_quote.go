package decode

import "bytes"

// treeQuoted draws the packet an ICMP or ICMPv6 error at layer i quotes
// where one of its headers' trees is not yet drawn from its fields (else
// emitICMPTreeRest emits it all), as tshark does: the quoted network and transport trees one level deeper
// than the protocols (inside the ICMP tree), and the quoted payload as a
// Data block of its own. The printer's loop skips quoted layers.
func treeQuoted(t *treeWriter, d *Decoder, i int) {
	memo := t.memo // the old trees' blocks are remembered at depth 0
	ext := false   // the extension structure, drawn before the quoted data
	if _, generic := icmpQuotedHeaders(d, i); generic {
		return // emitted with the message's fields (emitICMPTreeRest)
	}
	for k := i + 1; k < d.n && d.layers[k].Quoted; k++ {
		if d.layers[k].Type == LayerPayload {
			if !ext {
				treeICMPExt(t, d, i)
				ext = true
			}
			treePayloadAt(t, d, k, 0)
			continue
		}
		start := len(t.b)
		t.depth = 0 // drawn as a protocol of its own, then indented
		t.memo = nil
		if treeFieldsOf(d.layers[k].Type) {
			// The generic tree's blocks depend on their key bytes
			// and depth alone (FieldList.Memo), quoted or not.
			t.memo = memo
		}
		treeLayer(t, d, k)
		indentLines(t, start)
	}
	if !ext {
		treeICMPExt(t, d, i)
	}
	t.memo = memo
	t.depth = 1
}

// indentLines indents every line appended since start by one level, in
// place: the buffer grows by four bytes a line and the lines move right,
// last first, a line at a time.
func indentLines(t *treeWriter, start int) {
	n := bytes.Count(t.b[start:], newline)
	if n == 0 {
		return
	}
	old := len(t.b)
	for range n {
		t.b = append(t.b, "    "...)
	}
	w := len(t.b)
	lineEnd := old
	for lineEnd > start {
		// The line t.b[r:lineEnd], newline included, moves to end at w.
		r := bytes.LastIndexByte(t.b[start:lineEnd-1], '\n') + 1 + start
		seg := t.b[r:lineEnd]
		w -= len(seg)
		copy(t.b[w:], seg)
		w -= 4
		copy(t.b[w:], "    ")
		lineEnd = r
	}
}

var newline = []byte{'\n'}

func le32(b []byte) uint32 {
	_ = b[3]
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}
