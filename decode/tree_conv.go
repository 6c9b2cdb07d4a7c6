package decode

// This file draws the analysis lines of the TCP and UDP trees from what the
// connection tracker found (tracker.go, tcp_analysis.go).

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

// appendCompleteness appends tcp.completeness as tshark words it.
func appendCompleteness(b []byte, v uint8) []byte {
	const est = tcpCompSynSent | tcpCompSynAck | tcpCompAck
	switch v {
	case tcpCompSynSent:
		b = append(b, "Incomplete, SYN_SENT ("...)
	case tcpCompSynSent | tcpCompSynAck:
		b = append(b, "Incomplete, CLIENT_ESTABLISHED ("...)
	case est:
		b = append(b, "Incomplete, ESTABLISHED ("...)
	case est | tcpCompData:
		b = append(b, "Incomplete, DATA ("...)
	case est | tcpCompData | tcpCompFin, est | tcpCompData | tcpCompRst, est | tcpCompData | tcpCompFin | tcpCompRst:
		b = append(b, "Complete, WITH_DATA ("...)
	case est | tcpCompFin, est | tcpCompRst, est | tcpCompFin | tcpCompRst:
		b = append(b, "Complete, NO_DATA ("...)
	default:
		b = append(b, "Incomplete ("...)
	}
	b = appendUint(b, uint64(v))
	return append(b, ')')
}

// treeSeconds appends "[label: N.NNNNNNNNN seconds]" at the current depth.
func (t *treeWriter) seconds(label string, d nstime) {
	t.line()
	t.b = append(t.b, '[')
	t.b = append(t.b, label...)
	t.b = append(t.b, ": "...)
	t.b = appendNstime(t.b, d)
	t.b = append(t.b, " seconds]"...)
	t.end()
}

// uintLine appends "[label: N]" at the current depth.
func (t *treeWriter) uintLine(label string, v uint32) {
	t.line()
	t.b = append(t.b, '[')
	t.b = append(t.b, label...)
	t.b = append(t.b, ": "...)
	t.b = appendUint(t.b, uint64(v))
	t.b = append(t.b, ']')
	t.end()
}

// treeTCPAnalysis draws the TCP tree's [Timestamps] and [SEQ/ACK analysis]
// subtrees, at depth 1.
func treeTCPAnalysis(t *treeWriter, sg *tcpSegment) {
	treeTCPTimes(t, sg)
	if !sg.Analysed {
		return
	}
	t.b = append(t.b, "    [SEQ/ACK analysis]\n"...)
	t.depth = 2
	if sg.AckedFrame != 0 {
		t.b = append(t.b, "        [This is an ACK to the segment in frame: "...)
		t.b = appendUint(t.b, uint64(sg.AckedFrame))
		t.b = append(t.b, "]\n"...)
		if !sg.RTT.isZero() {
			t.b = append(t.b, "        [The RTT to ACK the segment was: "...)
			t.b = appendNstime(t.b, sg.RTT)
			t.b = append(t.b, " seconds]\n"...)
		}
	}
	if !sg.IRTT.isZero() {
		t.b = append(t.b, "        [iRTT: "...)
		t.b = appendNstime(t.b, sg.IRTT)
		t.b = append(t.b, " seconds]\n"...)
	}
	if sg.BytesInFlight != 0 {
		t.b = append(t.b, "        [Bytes in flight: "...)
		t.b = appendUint(t.b, uint64(sg.BytesInFlight))
		t.b = append(t.b, "]\n        [Bytes sent since last PSH flag: "...)
		t.b = appendUint(t.b, uint64(sg.PushBytes))
		t.b = append(t.b, "]\n"...)
	}
	if fl := sg.Flags; fl != 0 {
		t.b = append(t.b, "        [TCP Analysis Flags]\n"...)
		t.depth = 3
		if fl&tcpAReusedPorts != 0 {
			t.expert("Note", "Sequence", "A new tcp session is started with the same ports as an earlier session in this trace", nil)
		}
		if fl&tcpARetransmission != 0 {
			t.expert("Note", "Sequence", "This frame is a (suspected) retransmission", nil)
			if !sg.RTO.isZero() {
				t.seconds("The RTO for this segment was", sg.RTO)
				t.uintLine("RTO based on delta from frame", sg.RTOFrame)
			}
		}
		if fl&tcpAFastRetrans != 0 {
			t.expert("Note", "Sequence", "This frame is a (suspected) fast retransmission", nil)
			t.expert("Note", "Sequence", "This frame is a (suspected) retransmission", nil)
		}
		if fl&tcpASpuriousRetrans != 0 {
			t.expert("Note", "Sequence", "This frame is a (suspected) spurious retransmission", nil)
			t.expert("Note", "Sequence", "This frame is a (suspected) retransmission", nil)
		}
		if fl&tcpAOutOfOrder != 0 {
			t.expert("Warning", "Sequence", "This frame is a (suspected) out-of-order segment", nil)
		}
		if fl&tcpALostPacket != 0 {
			t.expert("Warning", "Sequence", "Previous segment(s) not captured (common at capture start)", nil)
		}
		if fl&tcpAAckLostPacket != 0 {
			t.expert("Warning", "Sequence", "ACKed segment that wasn't captured (common at capture start)", nil)
		}
		if fl&tcpAWindowUpdate != 0 {
			t.expert("Chat", "Sequence", "TCP window update", nil)
		}
		if fl&tcpAWindowFull != 0 {
			t.expert("Warning", "Sequence", "TCP window specified by the receiver is now completely full", nil)
		}
		if fl&tcpAKeepAlive != 0 {
			t.expert("Note", "Sequence", "TCP keep-alive segment", nil)
		}
		if fl&tcpAKeepAliveAck != 0 {
			t.expert("Note", "Sequence", "ACK to a TCP keep-alive segment", nil)
		}
		if sg.DupAckNum != 0 {
			if fl&tcpADuplicateAck != 0 {
				t.b = append(t.b, "            [This is a TCP duplicate ack]\n"...)
			}
			t.depth = 2
			t.uintLine("Duplicate ACK #", sg.DupAckNum)
			t.uintLine("Duplicate to the ACK in frame", sg.DupAckFrame)
			t.depth = 3
			var buf [16]byte
			n := append(buf[:0], "(#"...)
			n = appendUint(n, uint64(sg.DupAckNum))
			n = append(n, ')')
			t.expert("Note", "Sequence", "Duplicate ACK ", n)
		}
		if fl&tcpAZeroWindowProbe != 0 {
			t.expert("Note", "Sequence", "TCP Zero Window Probe", nil)
		}
		if fl&tcpAZeroWindow != 0 {
			t.expert("Warning", "Sequence", "TCP Zero Window segment", nil)
		}
		if fl&tcpAZeroWindowAck != 0 {
			t.expert("Note", "Sequence", "ACK to a TCP Zero Window Probe", nil)
		}
	}
	t.depth = 1
}

// treeTCPTimes draws the TCP tree's [Timestamps], at depth 1.
func treeTCPTimes(t *treeWriter, sg *tcpSegment) {
	// Depth 1 and 2, written out: one append per constant.
	t.b = append(t.b, "    [Timestamps]\n        [Time since first frame in this TCP stream: "...)
	t.b = appendNstime(t.b, sg.SinceFirst)
	t.b = append(t.b, " seconds]\n        [Time since previous frame in this TCP stream: "...)
	t.b = appendNstime(t.b, sg.SincePrev)
	t.b = append(t.b, " seconds]\n"...)
	t.depth = 1
}
