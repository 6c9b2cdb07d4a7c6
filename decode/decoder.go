package decode

import "github.com/rawcap/rawcap/linktype"

// maxLayers bounds how many layers one packet may have; deeper packets (a
// tunnel inside a tunnel inside …) are cut there and marked. tshark follows
// a chain of IPv6 extension headers, one layer each, until its packet holds
// 500 layers (its gui.max_tree_depth), so rawcap goes at least as far.
const maxLayers = 512

// maxCarried bounds how many frames carried inside one packet's layers
// (sFlow's sampled packet headers) are decoded; the others stay bytes.
const maxCarried = 8

// carriedFrame is a frame a layer carries inside its own bytes, as sFlow
// carries a sampled packet's header: data[start:end], whose first layer
// is first.
type carriedFrame struct {
	start, end int
	first      LayerType
}

// Decoder decodes packets into layers. It is reused from packet to packet:
// Decode does not allocate, and the layers it returns alias the Decoder and
// the packet bytes, valid until the next call to Decode. A Decoder is not
// safe for concurrent use.
//
// A Decoder also holds the connection tracker that the Wireshark-style
// printers (JSONPrinter, FieldsPrinter, EKPrinter, ColumnsPrinter,
// TreePrinter) read: TCP and UDP stream indexes, relative sequence numbers
// and tshark's sequence analysis, worked out once per decoded packet
// whichever printer asks first, so that printers sharing a Decoder number
// every packet alike. The tracker follows the packets in the order they
// are decoded and printed, which must be capture order with Frame.Number
// counting up; a Frame.Number below the previous one starts a new capture
// (the tracker forgets its conversations). Its memory is bounded: see
// tracker.go.
type Decoder struct {
	// Ports maps TCP and UDP ports to the application protocol decoded on
	// them. NewDecoder fills it with the defaults of dispatch.go; users
	// change it with Ports.Set (rawcap's --decode-as).
	Ports Ports

	data     []byte
	linkType linktype.Type
	layers   [maxLayers]Layer
	n        int
	quoted   bool
	// carrying is set while the frames in carried are decoded: their
	// transports hand their payload on, as an ICMP error's quoted ones do
	// not (tshark dissects a sampled packet's application data).
	carrying bool

	// carried holds the frames the layers decoded so far carry inside
	// their own bytes (carry), in their order: Decode decodes each after
	// the packet's layers end, as quoted layers, as tshark dissects them
	// with the rules of an ICMP error's quoted packet.
	carried  [maxCarried]carriedFrame
	nCarried int

	gen uint64   // counts the packets decoded or restored, for trk
	trk *tracker // allocated by the first printer that asks (tracker.go)
	// noted, while notedGen == gen, answers track for the restored packet
	// with what a printer's Note recorded (note.go).
	noted    *convResults
	notedGen uint64

	ssh    *sshState   // SSH connections by tracker slot, allocated at the first SSH packet
	hp     *http2HPACK // HTTP/2 connections' HPACK tables, allocated at the first HTTP/2 packet
	quic   *quicState  // QUIC connections (the tracker's) and keys, allocated at the first QUIC packet
	sctp   *sctpState  // relative TSN bases by direction, allocated at the first SCTP packet
	voip   *voipState  // SIP requests and SDP-announced media streams (the tracker's), allocated at the first SIP message
	httpSt *httpState  // HTTP/1.x messages in progress across segments (http_reasm.go), allocated at the first HTTP packet

	// h2 holds the TCP conversations that carried HTTP/2's preface or an
	// upgrade to h2c (http2.go), allocated at the first.
	h2 *http2Conns
	of *openflowConns // TCP conversations OpenFlow's heuristic took (openflow.go)

	// transportOnly: the tracker follows the TCP and UDP conversations
	// and the request pairs only, not the application protocols' steps
	// (HTTP's reassembly, QUIC, SSH, SIP and RTP, SCTP, HTTP/2, TFTP,
	// EtherNet/IP), and the application layers decoded may then differ
	// from a full run's. Set by a FieldsPrinter that owns the Decoder
	// and reads transport fields only (FieldsPrinter.SkipTracker).
	transportOnly bool
	// streamsOnly: of TCP's analysis, the tracker keeps only what numbers
	// the streams (each direction's first sequence number, which tells a
	// reused port pair's new connection): set with transportOnly where no
	// field but the stream indexes comes from the tracker.
	streamsOnly bool
	// pinTCP: with streamsOnly, only whether a packet is in TCP stream
	// pinTCP-1 matters (FieldsPrinter.PinTCPStream); 0: every stream does.
	pinTCP uint32
}

// NewDecoder returns a Decoder with the default port table.
func NewDecoder() *Decoder {
	d := &Decoder{}
	d.Ports.setDefaults()
	return d
}

// Decode decodes data, a packet whose first byte is a header of link type
// lt, and returns its layers, outermost first. Decoding stops at the first
// malformed layer (kept, with its reason) or when nothing more is known. The
// result aliases d and data and is valid until the next call to Decode.
func (d *Decoder) Decode(data []byte, lt linktype.Type) []Layer {
	d.FrameOnly(data, lt)
	next := firstLayer(lt, data)
	start, end := 0, len(data)
	for c := 0; ; c++ {
		d.decodeChain(next, start, end)
		if c == 0 {
			d.f5EthTrailer()
		}
		if c == d.nCarried || d.n == maxLayers || d.layers[d.n-1].Malformed != "" {
			break
		}
		// The next carried frame, as a quoted packet of its own.
		f := d.carried[c]
		next, start, end = f.first, f.start, f.end
		d.quoted, d.carrying = true, true
	}
	return d.layers[:d.n]
}

// FrameOnly makes data, a packet of link type lt, the one d holds, with
// no layer decoded: the frame's own fields (FrameAlone) are then emitted
// as after Decode, at none of its cost.
func (d *Decoder) FrameOnly(data []byte, lt linktype.Type) {
	d.data = data
	d.linkType = lt
	d.gen++
	d.n = 0
	d.quoted, d.carrying = false, false
	d.nCarried = 0
}

// carry queues data[start:end], a frame whose first layer is first, to be
// decoded after the packet's layers (Decode); frames past maxCarried stay
// bytes.
func (d *Decoder) carry(start, end int, first LayerType) {
	if d.nCarried < maxCarried && start < end {
		d.carried[d.nCarried] = carriedFrame{start, end, first}
		d.nCarried++
	}
}

// quotedBy returns the type of the layer that carries quoted layer i: an
// ICMP error (its quoted packet), sFlow (a sampled header), OpenFlow (a
// PACKET_IN's or PACKET_OUT's frame).
func (d *Decoder) quotedBy(i int) LayerType {
	for i > 0 && d.layers[i].Quoted {
		i--
	}
	return d.layers[i].Type
}

// inICMPError reports whether layer i is inside the packet an ICMP error
// quotes (not a frame another layer carries).
func (d *Decoder) inICMPError(i int) bool {
	q := d.quotedBy(i)
	return d.layers[i].Quoted && (q == LayerICMPv4 || q == LayerICMPv6)
}

// carriedLayers returns the layers decoded from the frame a layer carries
// at d.data[start:end] (carry): the quoted layers from the first that
// starts there up to the first that starts past end. first is 0 when
// there are none.
func carriedLayers(d *Decoder, start, end int) (first, past int) {
	for k := range d.layers[:d.n] {
		l := &d.layers[k]
		switch {
		case first == 0 && l.Quoted && l.Start == start:
			first = k
		case first != 0 && (!l.Quoted || l.Start > end):
			return first, k
		}
	}
	return first, d.n
}

// emitCarriedTree emits, for the tree, layers first to past (a carried
// frame's) by their own emit functions, their protocols drawn shift
// levels deeper than the protocol before them, as tshark draws a frame
// inside the item that carries it.
func emitCarriedTree(e *emitter, first, past, shift int) {
	depth := e.depth
	e.ShiftProtos(shift)
	for k := first; k < past; k++ {
		// Each layer starts at its protocol's level, as its own tree
		// does: a protocol whose title the memo holds opens nothing.
		e.depth = 0
		emitQuotedLayerTree(e, k)
	}
	e.ShiftProtos(-shift)
	e.depth = depth
}

// decodeChain decodes layers from next, over data[start:end], each from
// what the one before carries, until one says nothing more is known or is
// malformed.
func (d *Decoder) decodeChain(next LayerType, start, end int) {
	for next != LayerNone {
		if d.n == maxLayers {
			d.layers[d.n-1].Malformed = ReasonTooManyLayer
			break
		}
		l := Layer{Type: next, Start: start, Payload: start, End: end, Quoted: d.quoted}
		next = d.decodeLayer(&l)
		if l.Payload < l.Start {
			l.Payload = l.Start
		}
		if l.Payload > l.End {
			l.Payload = l.End
		}
		if l.Malformed != "" && l.Quoted && l.Malformed == ReasonTruncated {
			// An ICMP error quotes only the start of the offending
			// packet: that its layers end early is expected.
			// Keep its bytes as an opaque payload, so that no printer
			// sees a half header.
			l.Type = LayerPayload
			l.Payload = l.Start
			l.Malformed = ""
			next = LayerNone
		}
		d.layers[d.n] = l
		d.n++
		if l.Malformed != "" {
			break
		}
		start, end = l.Payload, l.End
		if next == LayerNone && start < end && l.Type != LayerPayload {
			next = LayerPayload
		}
	}
}

// Layers returns the layers of the last decoded packet.
func (d *Decoder) Layers() []Layer { return d.layers[:d.n] }

// Data returns the bytes of the last decoded packet.
func (d *Decoder) Data() []byte { return d.data }

// LinkType returns the link type of the last decoded packet.
func (d *Decoder) LinkType() linktype.Type { return d.linkType }

// Layer returns the first layer of type t of the last decoded packet.
func (d *Decoder) Layer(t LayerType) (Layer, bool) {
	for _, l := range d.layers[:d.n] {
		if l.Type == t {
			return l, true
		}
	}
	return Layer{}, false
}

// Malformed returns the malformed layer of the last decoded packet, if any.
func (d *Decoder) Malformed() (Layer, bool) {
	if d.n > 0 && d.layers[d.n-1].Malformed != "" {
		return d.layers[d.n-1], true
	}
	return Layer{}, false
}

// bytes returns the bytes of l from its start to its end.
func (d *Decoder) bytes(l *Layer) []byte { return d.data[l.Start:l.End:l.End] }

// Reason says why a layer is malformed. It is also an error, for the Parse
// functions of the views.
type Reason string

func (r Reason) Error() string { return string(r) }
