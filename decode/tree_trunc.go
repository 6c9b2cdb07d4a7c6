package decode

// truncLabelAt is truncLabel for the label b[start:], returning b.
func truncLabelAt(b []byte, start, namePos int) []byte {
	if len(b)-start <= treeLabelMax {
		return b // nearly every label: inlined
	}
	return truncLabelLong(b, start, namePos)
}

// truncLabelLong is truncLabelAt for a label longer than treeLabelMax.
func truncLabelLong(b []byte, start, namePos int) []byte {
	const mark = " [truncated]"
	if namePos >= treeLabelMax+1-len(mark) {
		b = b[:start+namePos]
		return append(b, mark[:min(len(mark), treeLabelMax-namePos)]...)
	}
	// The label's first treeLabelMax bytes with the mark inserted: the
	// bytes after the name move right by len(mark). tshark ends the label
	// at the character holding its last byte, so it keeps 238 bytes.
	end := start + treeLabelMax
	copy(b[start+namePos+len(mark):end], b[start+namePos:end-len(mark)])
	copy(b[start+namePos:], mark)
	p := end - 1
	for p > start && b[p]&0xc0 == 0x80 {
		p--
	}
	return b[:p]
}
