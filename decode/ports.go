package decode

import (
	"fmt"
	"strconv"
	"strings"
)

// Transport is the transport protocol of a port-table entry.
type Transport uint8

// The transports whose ports select an application decoder.
const (
	TransportTCP Transport = 6
	TransportUDP Transport = 17
)

// Ports maps TCP and UDP ports to application layers. The zero Ports is
// empty; a Decoder from NewDecoder starts with the defaults of dispatch.go,
// a table every such Decoder shares until Set changes its own copy. A
// copied Ports shares its table as a copied map would.
type Ports struct {
	tab    *portTable
	shared bool // tab is the defaults' table: Set copies it first
}

// portTable holds a layer for every TCP port ([0]) and UDP port ([1]),
// LayerNone where nothing is decoded: a lookup is a load, where a map
// hashed the port, twice for most segments.
type portTable [2][1 << 16]LayerType

func (tr Transport) index() int {
	if tr == TransportTCP {
		return 0
	}
	return 1
}

// Set makes port p of transport tr decode as t (LayerPayload to decode
// nothing there).
func (ps *Ports) Set(tr Transport, p uint16, t LayerType) {
	switch {
	case ps.tab == nil:
		ps.tab = new(portTable)
	case ps.shared:
		c := *ps.tab
		ps.tab, ps.shared = &c, false
	}
	ps.tab[tr.index()][p] = t
}

// Lookup returns the layer for a segment between ports a and b: the lower
// port is tried first, as Wireshark does.
func (ps *Ports) Lookup(tr Transport, a, b uint16) LayerType {
	if ps.tab == nil {
		return LayerNone
	}
	m := &ps.tab[tr.index()]
	if a > b {
		a, b = b, a
	}
	if t := m[a]; t != LayerNone {
		return t
	}
	return m[b]
}

// ParseLayerType returns the layer named s ("dns", "http"), by its
// Wireshark protocol name.
func ParseLayerType(s string) (LayerType, bool) {
	for t := LayerType(1); t < layerCount; t++ {
		if layerNames[t] == s {
			return t, true
		}
	}
	return LayerNone, false
}

// SetDecodeAs applies one --decode-as rule, "udp.port=8053:dns" (also
// "tcp.port=…"; "8053=dns" sets both TCP and UDP).
func (ps *Ports) SetDecodeAs(rule string) error {
	sel, proto, ok := strings.Cut(rule, ":")
	if !ok {
		if sel, proto, ok = strings.Cut(rule, "="); !ok {
			return fmt.Errorf("decode-as %q: want udp.port=PORT:PROTO", rule)
		}
	}
	trs := []Transport{TransportTCP, TransportUDP}
	port := sel
	if k, v, ok := strings.Cut(sel, "="); ok {
		port = v
		switch k {
		case "tcp.port":
			trs = trs[:1]
		case "udp.port":
			trs = trs[1:]
		default:
			return fmt.Errorf("decode-as %q: unknown selector %q (want tcp.port or udp.port)", rule, k)
		}
	}
	n, err := strconv.ParseUint(port, 10, 16)
	if err != nil {
		return fmt.Errorf("decode-as %q: bad port %q", rule, port)
	}
	t, ok := ParseLayerType(proto)
	if !ok {
		return fmt.Errorf("decode-as %q: unknown protocol %q", rule, proto)
	}
	for _, tr := range trs {
		ps.Set(tr, uint16(n), t)
	}
	return nil
}
