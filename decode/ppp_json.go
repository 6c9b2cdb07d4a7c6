package decode

// jsonPPP writes ppp.address and ppp.control (when present) and
// ppp.protocol, as tshark names them.
func jsonPPP(w *jsonWriter, d *Decoder, i int) {
	l := &d.layers[i]
	w.open("ppp")
	if l.Payload > l.Start {
		h := PPP(d.data[l.Start:l.Payload])
		if h.HasAddress() {
			w.hex("address", uint64(h[0]), 2)
			w.hex("control", uint64(h[1]), 2)
		}
		w.hex("protocol", uint64(h.Protocol()), 4)
	}
	w.close()
}

// pppProtocol returns Wireshark's frame.protocols name of a PPP protocol
// rawcap does not decode, or "".
func pppProtocol(p uint16) string {
	switch p {
	case PPPLCP:
		return "lcp"
	case PPPIPCP:
		return "ipcp"
	case PPPIPv6CP:
		return "ipv6cp"
	case PPPCCP:
		return "ccp"
	case PPPCHAP:
		return "chap"
	case PPPPAP:
		return "pap"
	}
	return ""
}
