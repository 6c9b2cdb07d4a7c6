package decode

import "math/bits"

// Duplicate IPv4 address use, as tshark's ARP dissector finds it: every
// Ethernet/IPv4 request or reply binds its sender's address to the
// sender's MAC (not a multicast or zero MAC, not 0.0.0.0), and a reply its
// target's too (unless it is the address the sender's check just
// flagged). An address seen before at another MAC is a duplicate: tshark
// draws, after ARP's subtree, "[Duplicate IP address detected for …]"
// with the frame that used the address last and the seconds since, and
// the packet list's Info ends "(duplicate use of … detected!)" when the
// later of the two checks found one. The first MAC stays recorded; the
// same MAC seen again moves the binding's frame and time on.
//
// The tracker keeps the bindings in one open-addressed table, allocated at
// the first ARP packet with arpMinSlots and doubled whenever it is three
// quarters full, up to arpMaxSlots (6 MB), with at most arpMax bindings:
// past that a new address is not remembered (tshark remembers every one).

const (
	arpMinSlots = 1 << 10
	arpMaxSlots = 1 << 18
	arpMax      = arpMaxSlots / 4 * 3
)

type arpBinding struct {
	used  bool
	ip    [4]byte
	mac   [6]byte
	frame uint32
	secs  int64
}

// arpDup is one duplicate the packet's checks found.
type arpDup struct {
	ip         [4]byte
	mac, other [6]byte // the packet's MAC, the one recorded before
	frame      uint32  // the frame that used the address last
	secs       uint32  // whole seconds since that frame
}

// arpNote is what the tracker found in the packet's ARP layer.
type arpNote struct {
	n    int       // duplicates found (the sender's, a reply's target's)
	dups [2]arpDup // in the order tshark draws them
	mark bool      // the later check found one: the Info's mark
	ip   [4]byte   // the address the mark names
}

type arpState struct {
	table []arpBinding
	n     int
}

// arpFrame checks the first ARP layer of the packet d last decoded.
func (t *tracker) arpFrame(d *Decoder, f *Frame, r *arpNote) {
	*r = arpNote{}
	for i := range d.layers[:d.n] {
		l := &d.layers[i]
		if l.Type != LayerARP || l.Quoted {
			continue
		}
		a := ARP(d.data[l.Start:l.Payload])
		if len(a) < 28 {
			return
		}
		op := a.Op()
		if op != 1 && op != 2 || !(a.HType() == 1 || a.HType() == 6) || a.HLen() != 6 || a.PType() != EtherTypeIPv4 || a.PLen() != 4 {
			return
		}
		frame, secs := uint32(f.Number), f.Time.Unix()
		var dupIP []byte
		if arpBinding4(a.SenderHW(), a.SenderProto()) {
			r.mark = t.arpCheck(a.SenderHW(), a.SenderProto(), frame, secs, r)
			if r.mark {
				dupIP = a.SenderProto()
			}
		}
		if op != 1 && arpBinding4(a.TargetHW(), a.TargetProto()) && string(dupIP) != string(a.TargetProto()) {
			if r.mark = t.arpCheck(a.TargetHW(), a.TargetProto(), frame, secs, r); r.mark {
				dupIP = a.TargetProto()
			}
		}
		if r.mark {
			r.ip = [4]byte(dupIP)
		}
		return
	}
}

// arpBinding4 reports whether tshark takes ip at mac as a binding to
// check: not a multicast or zero MAC, not 0.0.0.0.
func arpBinding4(mac, ip []byte) bool {
	return mac[0]&1 == 0 && !allZero(mac) && !allZero(ip)
}

// arpCheck records that ip is at mac in frame (at secs) and reports
// whether ip was recorded at another MAC before, adding the duplicate to r.
func (t *tracker) arpCheck(mac, ip []byte, frame uint32, secs int64, r *arpNote) bool {
	s := &t.arp
	if s.table == nil {
		s.table = make([]arpBinding, arpMinSlots)
	}
	k := [4]byte(ip)
	for at := s.home(k); ; at++ {
		e := &s.table[at&uint32(len(s.table)-1)]
		if !e.used {
			if s.n < arpMax {
				if len(s.table) < arpMaxSlots && s.n+1 > len(s.table)/4*3 {
					s.grow()
					e = s.free(k)
				}
				*e = arpBinding{used: true, ip: k, mac: [6]byte(mac), frame: frame, secs: secs}
				s.n++
			}
			return false
		}
		if e.ip != k {
			continue
		}
		if frame <= e.frame {
			return false
		}
		if e.mac == [6]byte(mac) {
			e.frame, e.secs = frame, secs
			return false
		}
		if r.n < len(r.dups) {
			r.dups[r.n] = arpDup{ip: k, mac: [6]byte(mac), other: e.mac, frame: e.frame, secs: uint32(secs - e.secs)}
			r.n++
		}
		return true
	}
}

// home returns the slot where the probe for ip starts: the top bits of its
// hash, as many as the table's size takes.
func (s *arpState) home(ip [4]byte) uint32 {
	h := (uint32(ip[0])<<24 | uint32(ip[1])<<16 | uint32(ip[2])<<8 | uint32(ip[3])) * 2654435761
	return h >> (32 - bits.TrailingZeros(uint(len(s.table))))
}

// free returns the first unused slot of ip's probe (ip is not in the table).
func (s *arpState) free(ip [4]byte) *arpBinding {
	for at := s.home(ip); ; at++ {
		if e := &s.table[at&uint32(len(s.table)-1)]; !e.used {
			return e
		}
	}
}

// grow doubles the table, moving every binding.
func (s *arpState) grow() {
	old := s.table
	s.table = make([]arpBinding, 2*len(old))
	for i := range old {
		if old[i].used {
			*s.free(old[i].ip) = old[i]
		}
	}
}

// reset forgets every binding (a new capture starts).
func (s *arpState) reset() {
	clear(s.table)
	s.n = 0
}

// emitARPDuplicates emits, after ARP's subtree, what the tracker found of
// duplicate address use in the packet: tshark's generated item with the
// earlier frame (and its expert note) and the seconds since.
func emitARPDuplicates(e *emitter, r *arpNote) {
	f := &arpFields
	for k := range r.dups[:r.n] {
		dp := &r.dups[k]
		if e.all && !e.Tree() {
			e.Proto(&protoOutside) // -T ek writes them beside the protocols
		}
		if e.Tree() {
			e.TopLines(true)
			b := append(e.Text(), "[Duplicate IP address detected for "...)
			b = addr4(dp.ip[:]).AppendTo(b)
			b = MAC(dp.mac[:]).AppendTo(append(b, " ("...))
			b = MAC(dp.other[:]).AppendTo(append(b, ") - also in use by "...))
			b = appendUint(append(b, " (frame "...), uint64(dp.frame))
			e.Line(append(b, ")]"...))
			e.TopLines(false)
		}
		e.Uint(&f[arpDupFrame], uint64(dp.frame))
		e.Sub()
		e.Expert(true)
		e.None(&f[arpDupDetected])
		e.Expert(false)
		e.NoTree()
		if e.Tree() {
			var buf [24]byte
			ip := addr4(dp.ip[:]).AppendTo(buf[:0])
			e.ExpertLine("Warning", "Sequence", "Duplicate IP address configured (", append(ip, ')'))
		}
		e.Up()
		e.Uint(&f[arpDupSeconds], uint64(dp.secs))
		if e.all && !e.Tree() {
			e.End()
		}
	}
}
