package decode

// This file holds the treeWriter's helpers for expert-info blocks and
// times, which the trees not yet drawn from their fields use.

// expert draws tshark's expert-info block at the current depth: the title,
// then the message, severity and group one level deeper. The message is
// msg followed by arg.
func (t *treeWriter) expert(severity, group, msg string, arg []byte) {
	t.line()
	t.b = append(t.b, "[Expert Info ("...)
	t.b = append(t.b, severity...)
	t.b = append(t.b, '/')
	t.b = append(t.b, group...)
	t.b = append(t.b, "): "...)
	t.b = append(t.b, msg...)
	t.b = append(t.b, arg...)
	t.b = append(t.b, ']')
	t.end()
	t.depth++
	t.line()
	t.b = append(t.b, '[')
	t.b = append(t.b, msg...)
	t.b = append(t.b, arg...)
	t.b = append(t.b, ']')
	t.end()
	t.line()
	t.b = append(t.b, "[Severity level: "...)
	t.b = append(t.b, severity...)
	t.b = append(t.b, ']')
	t.end()
	t.line()
	t.b = append(t.b, "[Group: "...)
	t.b = append(t.b, group...)
	t.b = append(t.b, ']')
	t.end()
	t.depth--
}
