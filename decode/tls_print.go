package decode

import "strconv"

// lineTLS appends nothing: tcpdump 4.99 prints no TLS details, so the
// line ends with the TCP segment's "length N". The TCP printer has already
// written the ": " that precedes an application layer; it is taken back.
func (p *LinePrinter) lineTLS(b []byte, d *Decoder, i int) []byte { return p.lineNothing(b, d, i) }

// lineNothing ends the line of an application layer tcpdump does not
// print: after TCP it takes back the ": " the TCP printer wrote, after UDP
// it writes UDP's "UDP, length N".
func (p *LinePrinter) lineNothing(b []byte, d *Decoder, i int) []byte {
	if i > 0 && d.layers[i-1].Type == LayerTCP && len(b) >= 2 && b[len(b)-2] == ':' && b[len(b)-1] == ' ' {
		return b[:len(b)-2]
	}
	if i > 0 && d.layers[i-1].Type == LayerUDP {
		b = append(b, "UDP, length "...)
		return strconv.AppendInt(b, int64(d.tcpWirePayload(i-1)), 10)
	}
	return b
}

// tlsRecordPrefix is tshark's name for a record layer of version v.
func tlsRecordPrefix(v uint16) string {
	switch v {
	case 0x0300:
		return "SSLv3"
	case 0x0301:
		return "TLSv1"
	case 0x0302:
		return "TLSv1.1"
	case 0x0303:
		return "TLSv1.2"
	case 0x0304:
		return "TLSv1.3"
	}
	return "TLS"
}

// tlsOverHTTPS reports whether the TLS layer i is carried on TCP port
// 443, where tshark names the application data HTTP.
func tlsOverHTTPS(d *Decoder, i int) bool {
	if i == 0 || d.layers[i-1].Type != LayerTCP {
		return false
	}
	tl := &d.layers[i-1]
	tcp := TCP(d.data[tl.Start:tl.Payload])
	return tcp.SrcPort() == 443 || tcp.DstPort() == 443
}
