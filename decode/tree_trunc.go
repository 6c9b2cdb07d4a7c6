package decode

// truncLabel makes the label that starts at t.b[start:] what tshark 4.0
// shows of a label longer than its buffer (240 bytes with the NUL):
// " [truncated]" inserted after the field's name (namePos bytes; 0 for a
// label without one, where it comes first), then cut to 238 bytes at the
// start of a UTF-8 character.
func (t *treeWriter) truncLabel(start, namePos int) {
	const mark = " [truncated]"
	if len(t.b)-start <= treeLabelMax {
		return
	}
	if namePos >= treeLabelMax+1-len(mark) {
		t.b = t.b[:start+namePos]
		t.b = append(t.b, mark[:min(len(mark), treeLabelMax-namePos)]...)
		return
	}
	// The label's first treeLabelMax bytes with the mark inserted: the
	// bytes after the name move right by len(mark). tshark ends the label
	// at the character holding its last byte, so it keeps 238 bytes.
	end := start + treeLabelMax
	copy(t.b[start+namePos+len(mark):end], t.b[start+namePos:end-len(mark)])
	copy(t.b[start+namePos:], mark)
	p := end - 1
	for p > start && t.b[p]&0xc0 == 0x80 {
		p--
	}
	t.b = t.b[:p]
}
