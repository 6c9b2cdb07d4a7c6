package decode

import "strings"

// trackedNames are the fields whose values come from the connection
// tracker (tracker.go): what Wireshark works out from the packets before a
// packet. A FieldsPrinter asked for none of them may leave the tracker out
// (FieldsPrinter.SkipTracker). TestTrackedFields holds the list to the
// emitters: on the corpus, every field not listed has the same values with
// the tracker as without it.
var trackedNames = map[string]bool{
	"frame.time_relative": true, "frame.time_delta": true,
	"tcp.stream": true, "tcp.completeness": true,
	"tcp.seq": true, "tcp.nxtseq": true, "tcp.ack": true,
	"tcp.window_size": true, "tcp.window_size_scalefactor": true,
	"tcp.options.sack_le": true, "tcp.options.sack_re": true,
	"tcp.options.sack.dsack_le": true, "tcp.options.sack.dsack_re": true,
	"tcp.time_relative": true, "tcp.time_delta": true, "tcp.payload": true,
	// TCP's reassembly (tcp_reasm.go): the segments a PDU spans.
	"tcp.segment_data": true, "tcp.segments": true, "tcp.segment": true, "tcp.segment.count": true,
	"tcp.reassembled.length": true, "tcp.reassembled.data": true, "tcp.pdu.size": true,
	"udp.stream": true, "udp.time_relative": true, "udp.time_delta": true,
	"icmp.resp_to": true, "icmp.resptime": true, "icmp.resp_in": true,
	"arp.duplicate-address-frame": true, "arp.duplicate-address-detected": true, "arp.seconds-since-duplicate-address-frame": true,
	"icmpv6.resp_to": true, "icmpv6.resptime": true, "icmpv6.resp_in": true,
	"dns.response_to": true, "dns.response_in": true, "dns.time": true,
	"dns.retransmission": true, "dns.retransmit_request_in": true, "dns.retransmit_response_in": true, "dns.unsolicited": true,
	"snmp.response_to": true, "snmp.response_in": true, "snmp.time": true,
	"aoe.response_to": true, "aoe.time": true, "aoe.ata.cmd": true, // an ATA response names its request and the request's command
	// EtherNet/IP's request pairing (tracker_enip.go): a CIP response
	// draws its request's path.
	"enip.response_to": true, "enip.time": true,
	"cip.request_path_size": true, "cip.path_segment": true, "cip.path_segment.type": true,
	"cip.logical_segment.type": true, "cip.logical_segment.format": true,
	"cip.class": true, "cip.instance": true, "cip.member": true, "cip.attribute": true,
	"cip.data_segment.type": true, "cip.data_segment.size": true, "cip.symbol": true,
	"cip.ex_linkaddress": true, "cip.port": true, "cip.linkaddress.byte": true,
	// and the Connection Manager's part of a response to an Unconnected Send.
	"cipcm": true, "cip.cm.sc": true, "cip.cm.route_path_size": true, "cip.data": true,
	// A QUIC Initial's TLS hello ("quic:tls", the tls fields) shows only
	// once the connection's keys are known.
	"frame.protocols": true, "tls": true,
	// SIP's request pairing, and the RTP and RTCP streams SDP sets up
	// (voip.go): without the tracker, those datagrams are UDP data.
	"rtp": true, "rtcp": true, "data": true, "data.data": true, "data.len": true,
	// SCTP's relative TSNs count from a direction's first DATA chunk (sctp.go).
	"sctp.data_tsn": true, "sctp.sack_cumulative_tsn_ack": true,
	"sctp.sack_gap_block_start_tsn": true, "sctp.sack_gap_block_end_tsn": true,
	// SCTP's TSN analysis and reassembly (sctp_tsn.go, sctp_reasm.go).
	"sctp.retransmission": true, "sctp.retransmission_time": true, "sctp.retransmitted_after_ack": true,
	"sctp.acked": true, "sctp.data_rtt": true, "sctp.ack": true, "sctp.ack_frame": true, "sctp.sack_rtt": true,
	"sctp.fragments": true, "sctp.fragment": true,
	// MPTCP's connections (mptcp.go): the relative data sequence numbers
	// and the analysis.
	"mptcp.ack": true, "mptcp.dss.dsn": true, "mptcp.analysis": true, "mptcp.master": true,
	"mptcp.stream": true, "mptcp.analysis.subflows": true,
	// DCCP's streams and relative numbers (dccp.go).
	"dccp.stream": true, "dccp.seq": true, "dccp.ack": true,
}

// Tracked reports whether f's values come from the connection tracker: they
// depend on the packets before (tcp.stream, relative sequence numbers, the
// SEQ/ACK analysis, response times), so an output of f must see every
// packet of the capture in order.
func (f *Field) Tracked() bool { return tracked(f) }

// tracked reports whether f's values come from the connection tracker.
func tracked(f *Field) bool {
	return trackedNames[f.Name] || strings.HasPrefix(f.Name, "tcp.analysis") || strings.HasPrefix(f.Name, "tcp.completeness.") ||
		strings.HasPrefix(f.Name, "quic.") || f.Name == "quic" || strings.HasPrefix(f.Name, "tls.") || // QUIC: connections, connection ID lengths and Initial keys
		strings.HasPrefix(f.Name, "sip.") || strings.HasPrefix(f.Name, "rtp.") || strings.HasPrefix(f.Name, "rtcp.") ||
		strings.HasPrefix(f.Name, "ssh.") || // SSH: what a segment holds depends on the connection
		strings.HasPrefix(f.Name, "pptp.") || // PPTP: tshark hands a retransmitted segment to no protocol
		strings.HasPrefix(f.Name, "http.") || f.Name == "http" || f.Name == "data-text-lines" || // HTTP/1.x: messages reassembled across segments (http_reasm.go)
		strings.HasPrefix(f.Name, "http2.header") || // HTTP/2: HPACK's tables per connection
		strings.HasPrefix(f.Name, "rpc.") || strings.HasPrefix(f.Name, "nfs.") || strings.HasPrefix(f.Name, "portmap.") // RPC: a reply is read from its call
}

// independentProtocols are the protocols whose decoding needs nothing from
// the packets before: the link, network and transport layers, reached by
// EtherType, IP protocol and the stateless tunnels. An application protocol
// may be reached or decoded through what earlier packets set up (HTTP/2
// after an Upgrade or a preface, QUIC's keys, RTP from SDP, SSH's packet
// boundaries), so none is listed.
var independentProtocols = map[string]bool{
	"frame": true, "eth": true, "vlan": true, "sll": true, "ip": true, "ipv6": true,
	"tcp": true, "udp": true, "icmp": true, "icmpv6": true, "arp": true,
}

// Independent reports whether the named fields' values in a packet come
// from that packet alone, whatever packets came before: none is computed
// by the connection tracker, and each belongs to a link, network or
// transport protocol. Such fields may be read from packets decoded out of
// order, each Decoder seeing only some of them (rawcap's display filter
// then runs on every core).
func Independent(names []string) bool {
	for _, n := range names {
		f := LookupField(n)
		if f == nil || tracked(f) {
			return false
		}
		proto, _, _ := strings.Cut(n, ".")
		if !independentProtocols[proto] {
			return false
		}
	}
	return true
}

// FrameAlone reports whether f's value in a packet comes from the packet's
// record alone (its number, lengths, time, interface, comments, link
// type), with no layer decoded and no other packet seen: a display filter
// tests such fields before it decodes the packet (Decoder.FrameOnly).
func FrameAlone(f *Field) bool {
	for k := range frameFields {
		if &frameFields[k] == f {
			switch k {
			case frameProtocols, frameTimeDelta, frameTimeDeltaDisplayed, frameTimeRelative:
				return false // the layers, or the frames before
			}
			return true
		}
	}
	return false
}
