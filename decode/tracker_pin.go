package decode

import (
	"bytes"
	"encoding/binary"
)

// A display filter tcp.stream == N (Follow TCP Stream's filter) reads one
// thing from the tracker: whether a packet is in stream N. Every TCP
// connection must be numbered until N's is opened, but from then on only
// N's connection matters: the others can no longer be N, and whether a
// packet of N's port pair still belongs to it (or to a new connection that
// reuses the ports, which gets a number past N) depends on that
// connection's packets alone. The pinned tracker follows it alone, and a
// packet outside it gets no field (FieldsPrinter.PinTCPStream): the cost of
// such a filter falls to decoding the packets.

// pinnedStream is what the tracker knows of the pinned stream.
type pinnedStream struct {
	open bool    // the stream has been opened: only key is followed
	key  convKey // its connection
	hit  bool    // the frame last tracked has a layer in it
}

// pinnedFrame tracks the TCP layers of the packet d last decoded as frame
// does, but only those of the pinned stream's connection once it is open.
// The layers that fill the per-packet slots are those frame would have
// filled: UDP ones and TCP ones of other connections count without being
// tracked.
func (t *tracker) pinnedFrame(d *Decoder, f *Frame) {
	r := &t.res
	r.n, r.nlinks = 0, 0
	t.pin.hit = false
	want := d.pinTCP - 1
	slots := 0
	for i := range d.layers[:d.n] {
		l := &d.layers[i]
		if l.Type != LayerTCP && l.Type != LayerUDP {
			continue
		}
		if slots == maxPerPkt {
			return
		}
		if l.Type == LayerUDP {
			if l.Payload-l.Start >= udpLen { // tracked by frame
				slots++
			}
			continue
		}
		if t.pin.open {
			var pad [tcpMinLen]byte
			tc, _, ok := tcpView(d, i, &pad)
			if !ok {
				continue
			}
			slots++
			// The ports first: most segments are told apart by them,
			// without the key's addresses.
			sp, dp := tc.SrcPort(), tc.DstPort()
			if (sp != t.pin.key.pa || dp != t.pin.key.pb) && (sp != t.pin.key.pb || dp != t.pin.key.pa) {
				continue
			}
			if k, _ := keyOf(d, i, sp, dp); k != t.pin.key {
				continue
			}
		} else {
			slots++
		}
		s := &r.tcpRes[r.n]
		if !t.segment(d, i, f, s) {
			if !t.pin.open {
				slots-- // frame counts only the layers it tracks
			}
			continue
		}
		r.layer[r.n], r.isTCP[r.n] = i, true
		r.n++
		if s.Stream != want {
			continue
		}
		t.pin.hit = true
		if !t.pin.open {
			var pad [tcpMinLen]byte
			tc, _, _ := tcpView(d, i, &pad)
			t.pin.key, _ = keyOf(d, i, tc.SrcPort(), tc.DstPort())
			t.pin.open = true
		}
	}
}

// pinnedMiss reports whether the packet d last tracked, with a pinned
// stream open, has no layer in it.
func (d *Decoder) pinnedMiss() bool {
	return d.pinTCP != 0 && d.trk != nil && d.trk.pin.open && !d.trk.pin.hit
}

// PinnedPorts returns the two ports of the pinned stream's connection
// (PinTCPStream), once the packets d has decoded for p have opened it.
// From then on a packet whose bytes hold neither port followed by the
// other (CarriesPorts) has no TCP layer of that connection: it is not in
// the stream and changes nothing the pinned tracker knows, so a caller
// may drop it undecoded, as long as nothing else it reads depends on the
// packets before (the frame clocks).
func (p *FieldsPrinter) PinnedPorts(d *Decoder) (a, b uint16, ok bool) {
	if p.pin == 0 || d.pinTCP != p.pin || d.trk == nil || !d.trk.pin.open {
		return 0, 0, false
	}
	return d.trk.pin.key.pa, d.trk.pin.key.pb, true
}

// CarriesPorts reports whether data holds port a followed by port b, or b
// followed by a, as big-endian 16-bit numbers: where a TCP header of
// that port pair would start with them, at whatever depth of tunnels or
// carried frames (every layer is a slice of the packet's bytes, and a TCP
// view needs at least 16 of them). It searches for the higher port, the
// rarer bytes in most traffic, and looks beside each find.
func CarriesPorts(data []byte, a, b uint16) bool {
	if a < b {
		a, b = b, a
	}
	pat := [2]byte{byte(a >> 8), byte(a)}
	for i := 0; i+2 <= len(data); {
		j := bytes.Index(data[i:], pat[:])
		if j < 0 {
			return false
		}
		j += i
		if j >= 2 && binary.BigEndian.Uint16(data[j-2:]) == b ||
			j+4 <= len(data) && binary.BigEndian.Uint16(data[j+2:]) == b {
			return true
		}
		i = j + 1
	}
	return false
}
