package decode

// protocol is what the decoder knows of one layer type: the field that
// stands for it, its fields, and the function that emits them.
type protocol struct {
	proto  *Field
	fields []Field
	emit   func(e *emitter, i int)
}

// protocols is the protocol table, indexed by layer type. Adding a
// protocol adds a line here.
var protocols = [layerCount]protocol{
	LayerEthernet: {&protoEth, ethFields[:], emitEthernet},
	LayerLLC:      {&protoLLC, llcFields[:], emitLLC},
	LayerVLAN:     {&protoVLAN, vlanFields[:], emitVLAN},
	LayerSLL:      {&protoSLL, sllFields[:], emitSLL},
	LayerSLL2:     {&protoSLL, nil, emitSLL2},
	LayerLoopback: {&protoNull, nullFields[:], emitLoopback},
	LayerARP:      {&protoARP, arpFields[:], emitARP},
	LayerIPv4:     {&protoIPv4, ipFields[:], emitIPv4},
	LayerIPv6:     {&protoIPv6, ipv6Fields[:], emitIPv6},
	LayerICMPv4:   {&protoICMP, icmpFields[:], emitICMPv4},
	LayerICMPv6:   {&protoICMPv6, icmpv6Fields[:], emitICMPv6},
	LayerTCP:      {&protoTCP, tcpFields[:], emitTCP},
	LayerUDP:      {&protoUDP, udpFields[:], emitUDP},
	LayerPayload:  {&protoData, dataFields[:], emitPayload},
	LayerDNS:      {&protoDNS, dnsFields[:], emitDNS},
	LayerHTTP:     {&protoHTTP, httpFields[:], emitHTTP},
	LayerTLS:      {&protoTLS, tlsFields[:], emitTLS},
	LayerDHCPv4:   {&protoDHCP, dhcpFields[:], emitDHCPv4},
	LayerNTP:      {&protoNTP, ntpFields[:], emitNTP},
	LayerVXLAN:    {&protoVXLAN, vxlanFields[:], emitVXLAN},
	LayerGRE:      {&protoGRE, greFields[:], emitGRE},
	LayerPPP:      {&protoPPP, pppFields[:], emitPPP},
	LayerGeneve:   {&protoGeneve, geneveFields[:], emitGeneve},
}

// extraProtocols are protocols whose fields a layer of another type emits
// (an 802.1ad tag is a LayerVLAN).
var extraProtocols = [...]protocol{
	{&protoQinQ, qinqFields[:], nil},
}

// emitter is what a protocol's emit function writes to: the packet's
// FieldList, with the decoder and what the fields need beyond the layer's
// bytes.
type emitter struct {
	*FieldList
	d     *Decoder
	wire  int           // the frame's length on the wire
	flows *tcpFlowTable // for relative TCP sequence numbers; nil: raw
	// all asks for every occurrence of a field (every TLS record, every
	// extension header), as tshark -T fields shows them; JSON, whose keys
	// are unique, takes the first.
	all bool
}

// emitLayer emits the fields of layer i.
func emitLayer(e *emitter, i int) {
	if p := &protocols[e.d.layers[i].Type]; p.emit != nil {
		p.emit(e, i)
	}
}
