package decode

import "strconv"

// This file prefixes the Info of TCP segments with tshark's sequence
// analysis marks, from the connection tracker (tracker.go, tcp_analysis.go).

// colAnalysisMarks are the marks in the order tshark's Info shows them.
var colAnalysisMarks = [...]struct {
	flag uint16
	text string
}{
	{tcpAReusedPorts, "[TCP Port numbers reused] "},
	{tcpARetransmission, "[TCP Retransmission] "},
	{tcpASpuriousRetrans, "[TCP Spurious Retransmission] "},
	{tcpAFastRetrans, "[TCP Fast Retransmission] "},
	{tcpAOutOfOrder, "[TCP Out-Of-Order] "},
	{tcpALostPacket, "[TCP Previous segment not captured] "},
	{tcpAAckLostPacket, "[TCP ACKed unseen segment] "},
	{tcpAKeepAlive, "[TCP Keep-Alive] "},
	{tcpAWindowUpdate, "[TCP Window Update] "},
	{tcpAWindowFull, "[TCP Window Full] "},
	{tcpAKeepAliveAck, "[TCP Keep-Alive ACK] "},
	{tcpADuplicateAck, ""},
	{tcpAZeroWindowProbe, "[TCP ZeroWindowProbe] "},
	{tcpAZeroWindow, "[TCP ZeroWindow] "},
	{tcpAZeroWindowAck, "[TCP ZeroWindowProbeAck] "},
}

// appendAnalysisMarks appends the marks of segment s.
func appendAnalysisMarks(b []byte, s *tcpSegment) []byte {
	if s == nil || !s.Analysed || s.Flags == 0 {
		return b
	}
	for _, m := range colAnalysisMarks {
		if s.Flags&m.flag == 0 {
			continue
		}
		if m.flag == tcpADuplicateAck {
			b = append(b, "[TCP Dup ACK "...)
			b = strconv.AppendUint(b, uint64(s.DupAckFrame), 10)
			b = append(b, '#')
			b = strconv.AppendUint(b, uint64(s.DupAckNum), 10)
			b = append(b, "] "...)
			continue
		}
		b = append(b, m.text...)
	}
	return b
}
