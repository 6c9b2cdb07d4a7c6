package stats

import (
	"bytes"
	"io"
	"strconv"

	"github.com/rawcap/rawcap/decode"
)

// Bounds of the protocol hierarchy: the nodes of its tree, and the
// distinct frame.protocols strings whose paths it remembers (the others
// are worked out again for each packet).
const (
	maxPHSNodes = 10_000
	maxPHSCache = 4096
)

// Hierarchy is the protocol hierarchy of the packets (tshark's -z io,phs):
// for each path of protocols, as Wireshark's packet tree shows them at its
// top level, the packets whose tree starts that way and their bytes. Make
// it with NewHierarchy.
type Hierarchy struct {
	Filter Filter
	// Overflow counts the packets whose path would have needed more
	// than maxPHSNodes nodes: they are counted as far as the tree goes.
	Overflow Overflow

	fields *decode.FieldsPrinter
	nodes  []phsNode // nodes[0] is the root, which no packet counts in
	cache  map[string]int32
	path   []string
}

// phsNode is one protocol of the tree, linked to its parent, its first
// child and its next sibling (in the order they were first seen).
type phsNode struct {
	name                string
	frames, bytes       uint64
	parent, child, next int32
	lastChild           int32
}

// NewHierarchy returns an empty protocol hierarchy.
func NewHierarchy() *Hierarchy {
	fp, err := decode.NewFieldsPrinter([]string{"frame.protocols", "tcp.segments"})
	if err != nil {
		panic("stats: frame.protocols is not a field: " + err.Error())
	}
	return &Hierarchy{fields: fp, nodes: []phsNode{{parent: -1, child: -1, next: -1, lastChild: -1}}, cache: map[string]int32{}}
}

// Add counts the packet d last decoded, described by f.
func (h *Hierarchy) Add(d *decode.Decoder, f *decode.Frame) {
	l := h.fields.Fields(d, f)
	if !h.Filter.matches(d, f) {
		return
	}
	var protos []byte
	reassembled := false // the packet completes a PDU reassembled from segments
	recs := l.Records()
	for i := range recs {
		if recs[i].Op != decode.OpValue {
			continue
		}
		switch recs[i].Field.Name {
		case "frame.protocols":
			protos = l.BytesOf(&recs[i])
		case "tcp.segments":
			reassembled = true
		}
	}
	comment := f.Comment != "" || len(f.Comments) > 0
	exception := d.ExceptionProtocol(f.Length) // a malformed layer, or an LDP PDU cut short
	plain := !comment && exception == "" && !reassembled
	leaf, ok := int32(0), false
	if plain {
		leaf, ok = h.cache[string(protos)]
	}
	if !ok {
		leaf = h.leaf(protos, comment, reassembled, exception)
		if plain && len(h.cache) < maxPHSCache {
			h.cache[string(protos)] = leaf
		}
	}
	n := uint64(f.Length)
	for i := leaf; i > 0; i = h.nodes[i].parent {
		h.nodes[i].frames++
		h.nodes[i].bytes += n
	}
}

// leaf returns the node of the path that the protocols of a packet
// (frame.protocols) make, adding the nodes it lacks. A packet with a
// comment starts with pkt_comment, as Wireshark's tree does; one a
// dissector ran off the end of ends with the exception's item; one that
// completes a PDU reassembled from TCP segments with tcp.segments, the
// top-level item that lists them (tshark counts it after the protocols).
func (h *Hierarchy) leaf(protos []byte, comment, reassembled bool, exception string) int32 {
	h.path = h.path[:0]
	if comment {
		h.path = append(h.path, "pkt_comment")
	}
	h.path = topLevel(h.path, protos)
	if reassembled {
		h.path = append(h.path, "tcp.segments")
	}
	if exception != "" {
		h.path = append(h.path, exception)
	}
	at := int32(0)
	for _, name := range h.path {
		c := h.nodes[at].child
		for c >= 0 && h.nodes[c].name != name {
			c = h.nodes[c].next
		}
		if c < 0 {
			if len(h.nodes) >= maxPHSNodes {
				h.Overflow.Frames++ // counted up to at; the rest is lost
				return at
			}
			c = int32(len(h.nodes))
			h.nodes = append(h.nodes, phsNode{name: name, parent: at, child: -1, next: -1, lastChild: -1})
			p := &h.nodes[at]
			if p.lastChild < 0 {
				p.child = c
			} else {
				h.nodes[p.lastChild].next = c
			}
			p.lastChild = c
		}
		at = c
	}
	return at
}

// topLevel appends the protocols of frame.protocols that Wireshark's
// packet tree shows at its top level, in order: the EtherType and IPv6
// extension headers (AH among them) are shown inside the protocol that carries them, MPTCP
// inside TCP, whatever follows ICMP (an error's quoted packet, an echo's
// data) inside ICMP, and the frames sFlow samples inside sFlow.
func topLevel(path []string, protos []byte) []string {
	for len(protos) > 0 {
		name := protos
		if i := bytes.IndexByte(protos, ':'); i >= 0 {
			name, protos = protos[:i], protos[i+1:]
		} else {
			protos = nil
		}
		switch string(name) {
		case "ethertype", "osi", "openflow", "mptcp", "ipv6.hopopts", "ipv6.routing", "ipv6.fraghdr", "ipv6.dstopts", "":
			continue
		}
		if (string(name) == "ah" || string(name) == "mipv6") && len(path) > 0 && path[len(path)-1] == "ipv6" {
			continue // AH and the mobility header in an IPv6 chain are drawn inside IPv6, as its extension headers are
		}
		if string(name) == "data" && len(path) > 0 && (path[len(path)-1] == "lisp" || path[len(path)-1] == "http") {
			continue // what LISP could not read, and HTTP's Data, are drawn inside their trees
		}
		if string(name) == "json" && len(path) > 0 && path[len(path)-1] == "db-lsp-disc" {
			continue // drawn inside the discovery protocol's tree
		}
		if string(name) == "eth" && (string(protos) == "eth" || bytes.HasPrefix(protos, []byte("eth:"))) {
			// An Ethernet frame inside Cisco ISL (eth:eth): tshark's tree
			// shows ISL where the outer Ethernet header would be.
			path = append(path, "isl")
			continue
		}
		path = append(path, string(name))
		if s := string(name); s == "icmp" || s == "icmpv6" || s == "sflow" {
			break
		}
	}
	return path
}

// PHSNode is one protocol of the hierarchy, with what is below it.
type PHSNode struct {
	Protocol string     `json:"protocol"`
	Frames   uint64     `json:"frames"`
	Bytes    uint64     `json:"bytes"`
	Children []*PHSNode `json:"children,omitempty"`
}

// Tree returns the hierarchy's top-level protocols, each with its
// children, in the order they were first seen.
func (h *Hierarchy) Tree() []*PHSNode {
	var walk func(i int32) []*PHSNode
	walk = func(i int32) []*PHSNode {
		var out []*PHSNode
		for c := h.nodes[i].child; c >= 0; c = h.nodes[c].next {
			n := &h.nodes[c]
			out = append(out, &PHSNode{Protocol: n.name, Frames: n.frames, Bytes: n.bytes, Children: walk(c)})
		}
		return out
	}
	return walk(0)
}

// WriteText writes the hierarchy as tshark 4.0 prints -z io,phs.
func (h *Hierarchy) WriteText(w io.Writer) error {
	b := make([]byte, 0, 4096)
	b = append(b, "\n===================================================================\nProtocol Hierarchy Statistics\nFilter: "...)
	b = append(b, h.Filter.Text...)
	b = append(b, "\n\n"...)
	var line []byte
	var walk func(i int32, depth int)
	walk = func(i int32, depth int) {
		for c := h.nodes[i].child; c >= 0; c = h.nodes[c].next {
			n := &h.nodes[c]
			line = line[:0]
			for k := 0; k < depth; k++ {
				if k > 15 {
					line = append(line, "..."...)
					break
				}
				line = append(line, "  "...)
			}
			line = append(line, n.name...)
			if len(line) > 79 {
				line = line[:79] // tshark's line buffer holds 80 bytes with its NUL
			}
			b = appendPadded(b, line, 40)
			b = append(b, " frames:"...)
			b = strconv.AppendUint(b, n.frames, 10)
			b = append(b, " bytes:"...)
			b = strconv.AppendUint(b, n.bytes, 10)
			b = append(b, '\n')
			walk(c, depth+1)
		}
	}
	walk(0, 0)
	b = append(b, "===================================================================\n"...)
	_, err := w.Write(b)
	return err
}
