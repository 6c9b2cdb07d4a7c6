package decode

// tcpFlowKey identifies one direction of a TCP connection.
type tcpFlowKey struct {
	src, dst [16]byte
	sp, dp   uint16
}

type tcpBase struct {
	base uint32
	set  bool
}

// relSeq returns tcp.seq and tcp.ack relative to each direction's base, as
// Wireshark computes them (base = ISN for a SYN, seq-1 for a connection
// seen mid-stream, reset by every SYN; an unseen peer's base is taken from
// the ack number).
func (p *JSONPrinter) relSeq(d *Decoder, i int, t TCP) (seq, ack uint32) {
	src, dst, _ := ipAddrs(d, i)
	if p.flows == nil {
		p.flows = make(map[tcpFlowKey]tcpBase)
	}
	fk := tcpFlowKey{src.As16(), dst.As16(), t.SrcPort(), t.DstPort()}
	rk := tcpFlowKey{fk.dst, fk.src, fk.dp, fk.sp}
	fwd := p.flows[fk]
	if !fwd.set || t.Flags()&TCPSyn != 0 {
		fwd.base = t.Seq()
		if t.Flags()&TCPSyn == 0 {
			fwd.base--
		}
		fwd.set = true
		p.flows[fk] = fwd
	}
	seq = t.Seq() - fwd.base
	if t.Flags()&TCPAck == 0 {
		return seq, t.Ack() // Wireshark shows a stray ack number raw
	}
	rev := p.flows[rk]
	if !rev.set {
		rev = tcpBase{base: t.Ack() - 1, set: true}
		p.flows[rk] = rev
	}
	return seq, t.Ack() - rev.base
}

func (p *JSONPrinter) jsonTCP(w *jsonWriter, d *Decoder, i int) {
	l := &d.layers[i]
	w.open("tcp")
	if l.Payload > l.Start {
		t := TCP(d.data[l.Start:l.Payload])
		w.int("srcport", int(t.SrcPort()))
		w.int("dstport", int(t.DstPort()))
		// Like tshark, count only the bytes the frame had on the wire.
		length := min((&LinePrinter{}).ipPayloadLen(d, i), p.wire-l.Start) - t.HeaderLen()
		w.int("len", length)
		seq, ack := p.relSeq(d, i, t)
		w.uint("seq", uint64(seq))
		w.uint("seq_raw", uint64(t.Seq()))
		w.uint("ack", uint64(ack))
		w.uint("ack_raw", uint64(t.Ack()))
		w.int("hdr_len", t.HeaderLen())
		f := t.Flags()
		w.hex("flags", uint64(f), 4)
		w.bool("flags.ae", f&TCPAE != 0)
		w.bool("flags.cwr", f&TCPCwr != 0)
		w.bool("flags.ece", f&TCPEce != 0)
		w.bool("flags.urg", f&TCPUrg != 0)
		w.bool("flags.ack", f&TCPAck != 0)
		w.bool("flags.push", f&TCPPsh != 0)
		w.bool("flags.reset", f&TCPRst != 0)
		w.bool("flags.syn", f&TCPSyn != 0)
		w.bool("flags.fin", f&TCPFin != 0)
		w.int("window_size_value", int(t.Window()))
		w.hex("checksum", uint64(t.Checksum()), 4)
		w.int("urgent_pointer", int(t.Urgent()))
		for off := 0; ; {
			o, next, ok, bad := t.NextOption(off)
			if !ok || bad {
				break
			}
			off = next
			switch {
			case o.Kind == TCPOptMSS && len(o.Data) == 2:
				w.int("options.mss_val", int(be16(o.Data)))
			case o.Kind == TCPOptWScale && len(o.Data) == 1:
				w.int("options.wscale.shift", int(o.Data[0]))
			case o.Kind == TCPOptSACKOK:
				w.bool("options.sack_perm", true)
			case o.Kind == TCPOptTimestamp && len(o.Data) == 8:
				w.uint("options.timestamp.tsval", uint64(be32(o.Data)))
				w.uint("options.timestamp.tsecr", uint64(be32(o.Data[4:])))
			}
		}
	}
	w.close()
}
