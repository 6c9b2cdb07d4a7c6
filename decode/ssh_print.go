package decode

import "strconv"

// lineSSH appends what tcpdump 4.99's ssh_print prints after a TCP header
// on port 22: ": SSH: " and the identification string when the payload
// starts with "SSH-" and holds its line's end, nothing otherwise, and
// " [|ssh]" where it runs off the captured bytes.
func (p *LinePrinter) lineSSH(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	data := d.data[l.Start:l.End]
	length := d.sshWireLen(i)
	const magic = "SSH-"
	for k := range len(magic) {
		if k >= len(data) {
			return append(b, " [|ssh]"...)
		}
		if data[k] != magic[k] {
			return b
		}
	}
	idx := len(magic)
	for idx < length {
		if idx >= len(data) {
			return append(b, " [|ssh]"...)
		}
		c := data[idx]
		if c == '\n' {
			break
		}
		if c == '\r' && idx < length-1 {
			if idx+1 >= len(data) {
				return append(b, " [|ssh]"...)
			}
			if data[idx+1] == '\n' {
				break
			}
		}
		idx++
	}
	if idx == length {
		return b
	}
	b = append(b, ": SSH: "...)
	return appendPrintable(b, data[:idx])
}

// appendSSHProto appends the Protocol column of an SSH row.
func (p *ColumnsPrinter) appendSSHProto(b []byte) []byte {
	nt := &p.conv.ssh
	if nt.ok && (nt.middle || nt.retx || nt.n > 0 && nt.items[0].kind == sshItemPartial) {
		return append(b, "TCP"...)
	}
	switch nt.proto {
	case 1:
		return append(b, "SSHv1"...)
	case 2:
		return append(b, "SSHv2"...)
	}
	return append(b, "SSH"...)
}

// infoSSH appends the Info column of an SSH row: "Client: " or "Server: "
// and what each item is, as tshark's dissector words it.
func (p *ColumnsPrinter) infoSSH(b []byte, d *Decoder, i int) []byte {
	nt := &p.conv.ssh
	if !nt.ok || nt.layer != i {
		return b
	}
	if nt.retx {
		return p.infoTCP(b, d, i-1)
	}
	if nt.middle {
		b = p.infoTCP(b, d, i-1)
		return append(b, " [TCP segment of a reassembled PDU]"...)
	}
	if nt.n > 0 && nt.items[0].kind == sshItemPartial {
		return append(b, "[TCP segment of a reassembled PDU]"...)
	}
	if nt.done {
		if !nt.doneOK {
			return b
		}
		if nt.server {
			b = append(b, "Server: "...)
		} else {
			b = append(b, "Client: "...)
		}
		if n := sshMsgName(nt.doneKind, nt.doneCode); n != "" {
			return append(b, n...)
		}
		b = append(b, "Unknown ("...)
		b = strconv.AppendUint(b, uint64(nt.doneCode), 10)
		return append(b, ')')
	}
	if nt.dir && !nt.exc {
		if nt.server {
			b = append(b, "Server: "...)
		} else {
			b = append(b, "Client: "...)
		}
	}
	l := &d.layers[i]
	data := d.data[l.Start:l.End]
	start := len(b)
	sep := func() {
		if len(b) > start {
			b = append(b, ", "...)
		}
	}
	for k := range nt.n {
		it := &nt.items[k]
		switch it.kind {
		case sshItemVersion:
			sep()
			b = append(b, "Protocol ("...)
			b = appendWSLabelText(b, data[it.off:sshProtoEnd(data, it)])
			b = append(b, ')')
		case sshItemKex:
			code := data[it.off+5]
			sep()
			if n := sshMsgName(it.kexKind, code); n != "" {
				b = append(b, n...)
			} else {
				b = append(b, "Unknown ("...)
				b = strconv.AppendUint(b, uint64(code), 10)
				b = append(b, ')')
			}
		case sshItemEncrypted:
			sep()
			b = append(b, "Encrypted packet (len="...)
			b = strconv.AppendInt(b, int64(d.sshWireLen(i)-int(it.off)), 10)
			b = append(b, ')')
		}
	}
	if nt.exc {
		b = p.appendException(b)
	}
	return b
}
