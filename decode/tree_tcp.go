package decode

import "strconv"

// The TCP and UDP trees. Their analysis lines ([Stream index], sequence
// analysis, timestamps) come from the per-stream state in tree_conv.go.

var tcpFlagNames = [...]struct {
	bit  uint16
	name string
}{{TCPFin, "FIN"}, {TCPSyn, "SYN"}, {TCPRst, "RST"}, {TCPPsh, "PSH"}, {TCPAck, "ACK"}, {TCPUrg, "URG"}, {TCPEce, "ECE"}, {TCPCwr, "CWR"}, {TCPAE, "AE"}}

func treeTCP(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	t.head("Transmission Control Protocol")
	var pad [tcpMinLen]byte
	var tc TCP
	switch {
	case l.Payload > l.Start:
		tc = TCP(d.data[l.Start:l.Payload])
	case l.End-l.Start >= 16:
		// Cut inside the header: show the fields up to the window, as
		// tshark does, from a zero-padded copy.
		copy(pad[:], d.data[l.Start:l.End])
		tc = TCP(pad[:])
	default:
		t.end()
		return
	}
	cut := l.Payload == l.Start
	length := min((&LinePrinter{}).ipPayloadLen(d, i), t.wire-l.Start) - tc.HeaderLen()
	sg := t.conv.tcp(i)
	seq, ack := tc.Seq(), tc.Ack() // not analysed (past maxPerPkt layers): raw numbers
	if sg != nil {
		seq, ack = sg.Seq, sg.Ack
		if sg.HaveLen {
			length = sg.Len
		}
	}
	f := tc.Flags()
	bogus := tc[12]>>4 < 5
	t.b = append(t.b, ", Src Port: "...)
	t.b = appendUint(t.b, uint64(tc.SrcPort()))
	t.b = append(t.b, ", Dst Port: "...)
	t.b = appendUint(t.b, uint64(tc.DstPort()))
	t.b = append(t.b, ", Seq: "...)
	t.b = appendUint(t.b, uint64(seq))
	if f&TCPAck != 0 && !bogus {
		t.b = append(t.b, ", Ack: "...)
		t.b = appendUint(t.b, uint64(ack))
	}
	if (sg == nil || sg.HaveLen) && !bogus {
		t.b = append(t.b, ", Len: "...)
		t.b = strconv.AppendInt(t.b, int64(length), 10)
	}
	t.end()
	t.depth = 1
	if start := len(t.b); !t.replay(memoTCPPorts, tc[:4]) {
		t.int("Source Port", int(tc.SrcPort()))
		t.int("Destination Port", int(tc.DstPort()))
		t.remember(memoTCPPorts, tc[:4], start)
	}
	quoted := l.Quoted && sg != nil // inside an ICMP error: no sequence analysis
	if quoted {
		t.b = append(t.b, "    Sequence Number: "...)
		t.b = appendUint(t.b, uint64(tc.Seq()))
		t.end()
	}
	if sg != nil {
		t.b = append(t.b, "    [Stream index: "...)
		t.b = appendUint(t.b, uint64(sg.Stream))
		t.b = append(t.b, "]\n    [Conversation completeness: "...)
		t.b = appendCompleteness(t.b, sg.Completeness)
		t.b = append(t.b, "]\n"...)
		if sg.Short {
			t.b = append(t.b, "    "+shortSegment+"\n"...)
			t.depth = 2
			t.expert("Warning", "Malformed", shortSegment, nil)
			t.depth = 1
		}
	}
	// Depth 1: the indentation is written out, lines joined.
	if sg == nil || sg.HaveLen {
		t.b = append(t.b, "    [TCP Segment Len: "...)
		t.b = strconv.AppendInt(t.b, int64(length), 10)
		t.b = append(t.b, "]\n"...)
	}
	if !quoted {
		t.b = append(t.b, "    Sequence Number: "...)
		t.b = appendUint(t.b, uint64(seq))
		t.b = append(t.b, "    (relative sequence number)\n    Sequence Number (raw): "...)
		t.b = appendUint(t.b, uint64(tc.Seq()))
		t.end()
	}
	if bogus {
		// tshark stops at a header length below 20 bytes.
		t.bits(uint64(tc[12]), 8, 0xf0, "Header Length")
		t.b = strconv.AppendInt(t.b, int64(tc[12]>>4)*4, 10)
		t.b = append(t.b, " bytes ("...)
		t.b = strconv.AppendInt(t.b, int64(tc[12]>>4), 10)
		t.b = append(t.b, ')')
		t.end()
		var buf [48]byte
		m := strconv.AppendInt(buf[:0], int64(tc[12]>>4)*4, 10)
		m = append(m, ", must be at least 20)"...)
		t.depth = 2
		t.expert("Error", "Protocol", "Bogus TCP header length (", m)
		t.depth = 1
		return
	}
	if sg != nil && sg.HaveLen {
		t.b = append(t.b, "    [Next Sequence Number: "...)
		t.b = appendUint(t.b, uint64(sg.NextSeq))
		t.b = append(t.b, "    (relative sequence number)]\n"...)
	}
	t.b = append(t.b, "    Acknowledgment Number: "...)
	t.b = appendUint(t.b, uint64(ack))
	if f&TCPAck != 0 {
		t.b = append(t.b, "    (relative ack number)"...)
	}
	if f&(TCPSyn|TCPAck) == TCPSyn|TCPAck && sg != nil && ack > 1 {
		// The SYN's data (TCP Fast Open) is acknowledged.
		t.end()
		t.depth = 2
		t.expert("Note", "Sequence", "TCP SYN-ACK accepting TFO data", nil)
		t.depth = 1
		t.b = t.b[:len(t.b)-1] // the newline comes before the raw number
	}
	t.b = append(t.b, "\n    Acknowledgment number (raw): "...)
	t.b = appendUint(t.b, uint64(tc.Ack()))
	t.end()
	if f&(TCPSyn|TCPFin|TCPRst) != 0 {
		treeTCPFlags(t, tc, sg) // with expert lines: not remembered
	} else if start := len(t.b); !t.replay(memoTCPFlags, tc[12:14]) {
		treeTCPFlags(t, tc, nil)
		t.remember(memoTCPFlags, tc[12:14], start)
	}
	t.b = append(t.b, "    Window: "...)
	t.b = appendUint(t.b, uint64(tc.Window()))
	t.end()
	if sg != nil {
		t.b = append(t.b, "    [Calculated window size: "...)
		t.b = appendUint(t.b, uint64(sg.Window))
		t.b = append(t.b, "]\n"...)
		if f&TCPSyn == 0 {
			t.b = append(t.b, "    [Window size scaling factor: "...)
			switch sg.WinScale {
			case -1:
				t.b = append(t.b, "-1 (unknown)"...)
			case -2:
				t.b = append(t.b, "-2 (no window scaling used)"...)
			default:
				t.b = appendUint(t.b, 1<<uint(sg.WinScale))
			}
			t.b = append(t.b, "]\n"...)
		}
	}
	if cut {
		// tshark reads on until the capture ends: the checksum, the urgent
		// pointer, the options' length and the stream's times.
		if n := l.End - l.Start; n >= 18 {
			t.b = append(t.b, "    Checksum: 0x"...)
			t.b = appendHex4(t.b, tc.Checksum())
			t.b = append(t.b, " [unverified]\n    [Checksum Status: Unverified]\n"...)
			if n >= 20 {
				t.b = append(t.b, "    Urgent Pointer: "...)
				t.b = appendUint(t.b, uint64(tc.Urgent()))
				t.end()
				if hl := int(tc[12]>>4) * 4; hl > tcpMinLen {
					t.b = append(t.b, "    Options: ("...)
					t.b = appendBytesBits(t.b, hl-tcpMinLen)
					t.b = append(t.b, ")\n"...)
				}
				if sg != nil {
					treeTCPTimes(t, sg)
				}
			}
		}
		return
	}
	t.b = append(t.b, "    Checksum: 0x"...)
	t.b = appendHex4(t.b, tc.Checksum())
	t.b = append(t.b, " [unverified]\n    [Checksum Status: Unverified]\n    Urgent Pointer: "...)
	t.b = appendUint(t.b, uint64(tc.Urgent()))
	t.end()
	if len(tc) > tcpMinLen {
		// SACK edges are shown relative to the acknowledgment space.
		treeTCPOptions(t, tc, tc.Ack()-ack)
	}
	if sg != nil {
		treeTCPAnalysis(t, sg)
	}
	if length > 0 {
		t.line()
		t.b = append(t.b, "TCP payload ("...)
		t.b = appendBytesBits(t.b, length)
		t.b = append(t.b, ')')
		t.end()
		if i+1 < d.n && d.layers[i+1].Type == LayerHTTP2 {
			treeHTTP2PDUSizes(t, d, i+1)
		}
		if i+1 < d.n && d.layers[i+1].Type == LayerSSH && t.conv != nil && sshSegmentData(&t.conv.ssh, i+1) {
			t.line()
			t.b = append(t.b, "TCP segment data ("...)
			t.b = strconv.AppendInt(t.b, int64(length), 10)
			if length == 1 {
				t.b = append(t.b, " byte)"...)
			} else {
				t.b = append(t.b, " bytes)"...)
			}
			t.end()
		}
	}
}

// treeTCPFlags draws the lines of TCP's bytes 12 and 13 (header length and
// flags), at depth 1.
// With sg, the expert lines of SYN, FIN and RST are drawn under their flags.
func treeTCPFlags(t *treeWriter, tc TCP, sg *tcpSegment) {
	hl := int(tc[12]>>4) * 4 // as announced, also when the capture ends inside
	t.bits(uint64(tc[12]), 8, 0xf0, "Header Length")
	t.b = strconv.AppendInt(t.b, int64(hl), 10)
	t.b = append(t.b, " bytes ("...)
	t.b = strconv.AppendInt(t.b, int64(hl/4), 10)
	t.b = append(t.b, ')')
	t.end()
	t.line()
	t.b = append(t.b, "Flags: 0x"...)
	f := tc.Flags()
	t.b = append(t.b, hexDigits[f>>8&15], hexDigits[f>>4&15], hexDigits[f&15])
	t.b = append(t.b, " ("...)
	n := len(t.b)
	for _, fl := range tcpFlagNames {
		if f&fl.bit != 0 {
			if len(t.b) > n {
				t.b = append(t.b, ", "...)
			}
			t.b = append(t.b, fl.name...)
		}
	}
	if len(t.b) == n {
		t.b = append(t.b, "<None>"...)
	}
	t.b = append(t.b, ')')
	t.end()
	t.depth = 2
	fv := uint64(f)
	t.bits(fv, 12, 0xe00, "Reserved")
	if fv&0xe00 != 0 {
		t.b = append(t.b, "Set"...)
	} else {
		t.b = append(t.b, "Not set"...)
	}
	t.end()
	for k := range tcpFlagLines {
		bit := uint16(TCPAE >> k)
		t.put(&tcpFlagLines[k], f&bit != 0)
		if f&bit != 0 && bit&(TCPSyn|TCPFin|TCPRst) != 0 {
			treeTCPFlagExpert(t, tc, bit)
		}
	}
	t.line()
	t.b = append(t.b, "[TCP Flags: "...)
	for k, c := range "RRRACEUAPRSF" {
		bit := uint16(1) << uint(11-k)
		if f&bit == 0 {
			t.b = append(t.b, "\u00b7"...)
			continue
		}
		if k < 3 {
			c = 'R'
		}
		t.b = append(t.b, byte(c))
	}
	t.b = append(t.b, ']')
	t.end()
	if sg != nil && sg.Closing != 0 {
		t.depth = 3
		if sg.Closing == 1 {
			t.expert("Note", "Sequence", "This frame initiates the connection closing", nil)
		} else {
			t.expert("Note", "Sequence", "This frame undergoes the connection closing", nil)
		}
	}
	t.depth = 1
}

// treeTCPFlagExpert draws the expert lines tshark hangs under the SYN, FIN
// and RST flag lines, at depth 3.
func treeTCPFlagExpert(t *treeWriter, tc TCP, bit uint16) {
	t.depth = 3
	switch bit {
	case TCPSyn:
		var buf [8]byte
		if tc.Flags()&TCPAck != 0 {
			t.expert("Chat", "Sequence", "Connection establish acknowledge (SYN+ACK): server port ", strconv.AppendUint(buf[:0], uint64(tc.SrcPort()), 10))
		} else {
			t.expert("Chat", "Sequence", "Connection establish request (SYN): server port ", strconv.AppendUint(buf[:0], uint64(tc.DstPort()), 10))
		}
	case TCPFin:
		t.expert("Chat", "Sequence", "Connection finish (FIN)", nil)
	case TCPRst:
		t.expert("Warning", "Sequence", "Connection reset (RST)", nil)
	}
	t.depth = 2
}

const shortSegment = "Short segment. Segment/fragment does not contain a full TCP header (might be NMAP or someone else deliberately sending unusual packets)"

// tcpFlagLines are the lines of the flags from TCPAE (0x100) down to TCPFin.
var tcpFlagLines = [...]bitLine{newFlagLine(2, 12, TCPAE, "Accurate ECN"), newFlagLine(2, 12, TCPCwr, "Congestion Window Reduced"),
	newFlagLine(2, 12, TCPEce, "ECN-Echo"), newFlagLine(2, 12, TCPUrg, "Urgent"), newFlagLine(2, 12, TCPAck, "Acknowledgment"),
	newFlagLine(2, 12, TCPPsh, "Push"), newFlagLine(2, 12, TCPRst, "Reset"), newFlagLine(2, 12, TCPSyn, "Syn"),
	newFlagLine(2, 12, TCPFin, "Fin")}

func tcpOptionTitle(b []byte, o TCPOption, bad bool) []byte {
	switch {
	case bad:
		return append(b, "Malformed option"...)
	case o.Kind == TCPOptEOL:
		return append(b, "End of Option List (EOL)"...)
	case o.Kind == TCPOptNOP:
		return append(b, "No-Operation (NOP)"...)
	case o.Kind == TCPOptMSS && len(o.Data) == 2:
		return append(b, "Maximum segment size"...)
	case o.Kind == TCPOptWScale && len(o.Data) == 1:
		return append(b, "Window scale"...)
	case o.Kind == TCPOptSACKOK:
		return append(b, "SACK permitted"...)
	case o.Kind == TCPOptSACK:
		return append(b, "SACK"...)
	case o.Kind == TCPOptTimestamp && len(o.Data) == 8:
		return append(b, "Timestamps"...)
	case o.Kind == TCPOptTFO:
		return append(b, "TCP Fast Open"...)
	}
	b = append(b, "Unknown ("...)
	b = appendUint(b, uint64(o.Kind))
	return append(b, ')')
}

func treeTCPOptions(t *treeWriter, tc TCP, sackBase uint32) {
	t.line()
	start := len(t.b)
	t.b = append(t.b, "Options: ("...)
	t.b = appendBytesBits(t.b, len(tc)-tcpMinLen)
	t.b = append(t.b, ')')
	for off := 0; ; {
		o, next, ok, bad := tc.NextOption(off)
		if !ok {
			break
		}
		off = next
		t.b = append(t.b, ", "...)
		t.b = tcpOptionTitle(t.b, o, bad)
		if bad {
			break
		}
	}
	if len(t.b)-start > treeLabelMax {
		t.b = t.b[:start+treeLabelMax] // tshark's label buffer ends there
	}
	t.end()
	t.depth = 2
	nops, mss, broken := 0, false, false // leading NOPs, an MSS option seen, options malformed
	for off := 0; ; {
		o, next, ok, bad := tc.NextOption(off)
		if !ok {
			break
		}
		off = next
		broken = broken || bad
		if bad || o.Kind != TCPOptNOP {
			nops = -1 << 30 // counted only while the options start with NOPs
		} else {
			nops++
		}
		if nops == 4 {
			// tshark warns before the fourth NOP when the options start
			// with four; its rule for NOPs after other options is not
			// followed here (it warns for some, not for others).
			t.expert("Warning", "Protocol", "4 NOP in a row - a router may have removed some options", nil)
		}
		mss = mss || !bad && o.Kind == TCPOptMSS
		if !bad && o.Kind == TCPOptNOP {
			// Depth 2, written out.
			t.b = append(t.b, "        TCP Option - No-Operation (NOP)\n            Kind: No-Operation (1)\n"...)
			continue
		}
		if !bad && o.Kind == TCPOptTimestamp && len(o.Data) == 8 && o.Len == 10 {
			var val, ecr [10]byte
			v, e := strconv.AppendUint(val[:0], uint64(be32(o.Data)), 10), strconv.AppendUint(ecr[:0], uint64(be32(o.Data[4:])), 10)
			t.b = append(t.b, "        TCP Option - Timestamps: TSval "...)
			t.b = append(t.b, v...)
			t.b = append(t.b, ", TSecr "...)
			t.b = append(t.b, e...)
			t.b = append(t.b, "\n            Kind: Time Stamp Option (8)\n            Length: 10\n            Timestamp value: "...)
			t.b = append(t.b, v...)
			t.b = append(t.b, "\n            Timestamp echo reply: "...)
			t.b = append(t.b, e...)
			t.end()
			continue
		}
		t.line()
		t.b = append(t.b, "TCP Option - "...)
		t.b = tcpOptionTitle(t.b, o, bad)
		switch {
		case bad:
		case o.Kind == TCPOptMSS && len(o.Data) == 2:
			t.b = append(t.b, ": "...)
			t.b = appendUint(t.b, uint64(be16(o.Data)))
			t.b = append(t.b, " bytes"...)
		case o.Kind == TCPOptWScale && len(o.Data) == 1:
			t.b = append(t.b, ": "...)
			t.b = appendUint(t.b, uint64(o.Data[0]))
			t.b = append(t.b, " (multiply by "...)
			t.b = appendUint(t.b, 1<<min(o.Data[0], 14))
			t.b = append(t.b, ')')
		case o.Kind == TCPOptTimestamp && len(o.Data) == 8:
			t.b = append(t.b, ": TSval "...)
			t.b = appendUint(t.b, uint64(be32(o.Data)))
			t.b = append(t.b, ", TSecr "...)
			t.b = appendUint(t.b, uint64(be32(o.Data[4:])))
		case o.Kind == TCPOptSACK && len(o.Data)%8 == 0:
			for j := 0; j < len(o.Data); j += 8 {
				t.b = append(t.b, ' ')
				t.b = appendUint(t.b, uint64(be32(o.Data[j:])-sackBase))
				t.b = append(t.b, '-')
				t.b = appendUint(t.b, uint64(be32(o.Data[j+4:])-sackBase))
			}
		}
		t.end()
		if bad {
			break
		}
		t.depth = 3
		t.line()
		t.b = append(t.b, "Kind: "...)
		switch o.Kind {
		case TCPOptEOL:
			t.b = append(t.b, "End of Option List"...)
		case TCPOptNOP:
			t.b = append(t.b, "No-Operation"...)
		case TCPOptMSS:
			t.b = append(t.b, "Maximum Segment Size"...)
		case TCPOptWScale:
			t.b = append(t.b, "Window Scale"...)
		case TCPOptSACKOK:
			t.b = append(t.b, "SACK Permitted"...)
		case TCPOptSACK:
			t.b = append(t.b, "SACK"...)
		case TCPOptTimestamp:
			t.b = append(t.b, "Time Stamp Option"...)
		case TCPOptTFO:
			t.b = append(t.b, "TCP Fast Open Cookie"...)
		default:
			t.b = append(t.b, "Unknown"...)
		}
		t.b = append(t.b, " ("...)
		t.b = appendUint(t.b, uint64(o.Kind))
		t.b = append(t.b, ')')
		t.end()
		if o.Kind != TCPOptEOL && o.Kind != TCPOptNOP {
			t.int("Length", int(o.Len))
		}
		switch {
		case o.Kind == TCPOptMSS && len(o.Data) == 2:
			t.int("MSS Value", int(be16(o.Data)))
		case o.Kind == TCPOptWScale && len(o.Data) == 1:
			t.int("Shift count", int(o.Data[0]))
			t.line()
			t.b = append(t.b, "[Multiplier: "...)
			t.b = appendUint(t.b, 1<<min(o.Data[0], 14))
			t.b = append(t.b, ']')
			t.end()
		case o.Kind == TCPOptTimestamp && len(o.Data) == 8:
			t.int("Timestamp value", int(be32(o.Data)))
			t.int("Timestamp echo reply", int(be32(o.Data[4:])))
		case o.Kind == TCPOptSACK && len(o.Data)%8 == 0:
			for j := 0; j < len(o.Data); j += 8 {
				t.line()
				t.b = append(t.b, "left edge = "...)
				t.b = appendUint(t.b, uint64(be32(o.Data[j:])-sackBase))
				t.b = append(t.b, " (relative)"...)
				t.end()
				t.line()
				t.b = append(t.b, "right edge = "...)
				t.b = appendUint(t.b, uint64(be32(o.Data[j+4:])-sackBase))
				t.b = append(t.b, " (relative)"...)
				t.end()
			}
			t.line()
			t.b = append(t.b, "[TCP SACK Count: "...)
			t.b = appendUint(t.b, uint64(len(o.Data)/8))
			t.b = append(t.b, ']')
			t.end()
			if le, re, ok := dsack(tc, o.Data); ok {
				t.line()
				t.b = append(t.b, "[D-SACK Left Edge = "...)
				t.b = appendUint(t.b, uint64(le-sackBase))
				t.b = append(t.b, " (relative)]\n"...)
				t.line()
				t.b = append(t.b, "[D-SACK Right Edge = "...)
				t.b = appendUint(t.b, uint64(re-sackBase))
				t.b = append(t.b, " (relative)]\n"...)
				t.b = append(t.b, "            D-SACK Sequence\n"...)
				t.depth = 4
				t.expert("Warning", "Sequence", "D-SACK Sequence", nil)
				t.depth = 3
			}
		}
		t.depth = 2
	}
	if tc.Flags()&TCPSyn != 0 && !mss && !broken {
		t.depth = 2
		t.expert("Note", "Protocol", "The SYN packet does not contain a MSS option", nil)
	}
	t.depth = 1
}

// dsack returns the first SACK block when it reports a duplicate segment
// (RFC 2883): below the acknowledgment number, or inside the second block.
func dsack(tc TCP, blocks []byte) (le, re uint32, ok bool) {
	if tc.Flags()&TCPAck == 0 || len(blocks) < 8 {
		return 0, 0, false
	}
	le, re = be32(blocks), be32(blocks[4:])
	if seqLT(le, tc.Ack()) {
		return le, re, true
	}
	if len(blocks) >= 16 {
		le2, re2 := be32(blocks[8:]), be32(blocks[12:])
		if !seqLT(le, le2) && !seqGT(re, re2) {
			return le, re, true
		}
	}
	return 0, 0, false
}
