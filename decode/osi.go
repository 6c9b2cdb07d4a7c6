package decode

// OSI network layer PDUs follow an LLC header whose SAPs are both the ISO
// network layer's (0xfe) in a UI frame; their first byte, the network
// layer protocol identifier (NLPID), says which protocol they are. rawcap
// draws IS-IS (0x83); the other NLPIDs (CLNP, ES-IS) stay data.

// osiSAP is the LLC service access point of the ISO network layer.
const osiSAP = 0xfe

// appendISISProtocols appends IS-IS's part of frame.protocols: tshark's
// OSI hand-off ("osi"), then "isis" and the protocol of the PDU's type.
func appendISISProtocols(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	b = append(b, "osi:isis:"...)
	return append(b, isisProto(ISIS(d.data[l.Start:l.End]).Type()).Name...)
}
