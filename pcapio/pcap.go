package pcapio

import (
	"encoding/binary"
	"io"
	"time"

	"github.com/rawcap/rawcap/linktype"
)

// pcap magic numbers, as read little-endian from the first four bytes.
const (
	magicMicro    = 0xa1b2c3d4
	magicNano     = 0xa1b23c4d
	magicModified = 0xa1b2cd34 // Alexey Kuznetsov's patched libpcap
)

// Bits of the pcap header's link-type field (draft-ietf-opsawg-pcap).
const (
	ltReserved = 0x0bff0000 // bits 16-25 and 27
	ltFCSFlag  = 1 << 26
)

// maxSnapLen is libpcap's max_snaplen_for_dlt: the largest captured length
// accepted for a link type, bounded by MaxBlockLength.
func maxSnapLen(lt uint16) uint32 {
	switch lt {
	case 231: // DBUS: 128 MiB in libpcap, bounded here
		return MaxBlockLength
	case 279: // EBHSCR
		return 8 << 20
	case 249: // USBPCAP
		return 1 << 20
	}
	return MaxRecordLength
}

func (r *Reader) openPcap() error {
	if err := r.fill(24); err != nil {
		if r.end-r.start >= 4 && !isPcapMagic(binary.LittleEndian.Uint32(r.buf[r.start:])) {
			return r.fail(0, ErrBadMagic, "first bytes % x", r.buf[r.start:r.start+4])
		}
		return r.short(0, err, "pcap file header", 24)
	}
	h := r.buf[r.start : r.start+24]
	var bo binary.ByteOrder = binary.LittleEndian
	m := bo.Uint32(h)
	if !isPcapMagic(m) {
		bo = binary.BigEndian
		m = bo.Uint32(h)
		if !isPcapMagic(m) {
			return r.fail(0, ErrBadMagic, "first bytes % x", h[:4])
		}
		r.ph.BigEndian = true
	}
	r.recBig = r.ph.BigEndian
	r.ph.Nano = m == magicNano
	r.ph.Modified = m == magicModified
	r.ph.Major, r.ph.Minor = bo.Uint16(h[4:]), bo.Uint16(h[6:])
	r.ph.ThisZone = int32(bo.Uint32(h[8:]))
	r.ph.SigFigs = bo.Uint32(h[12:])
	r.ph.SnapLen = bo.Uint32(h[16:])
	ltf := bo.Uint32(h[20:])
	if r.ph.Major != 2 {
		return r.fail(4, ErrVersion, "pcap version %d.%d (only 2.x is defined)", r.ph.Major, r.ph.Minor)
	}
	if ltf&ltReserved != 0 {
		return r.fail(20, ErrBadRecord, "link-type field %#08x has reserved bits set", ltf)
	}
	r.lt = uint16(ltf)
	r.ph.LinkType = linktype.Type(r.lt)
	r.ph.FCSLen = -1
	if ltf&ltFCSFlag != 0 {
		r.ph.FCSLen = int(ltf>>28) * 2
	}
	switch {
	case r.ph.Minor < 3:
		r.swap = 2
	case r.ph.Minor == 3:
		r.swap = 1
	}
	r.recHdr = 16
	if r.ph.Modified {
		r.recHdr = 24
	}
	r.maxCap = maxSnapLen(r.lt)
	r.pcapUnit = 1000
	resol := uint8(6)
	if r.ph.Nano {
		r.pcapUnit, resol = 1, 9
	}
	r.sections = []Section{{BigEndian: r.ph.BigEndian, Major: r.ph.Major, Minor: r.ph.Minor, Length: -1}}
	r.ifaces = []Interface{{LinkType: r.ph.LinkType, SnapLen: r.ph.SnapLen, FCSLen: r.ph.FCSLen, TSResol: resol, units: uint64(1e9 / r.pcapUnit)}}
	r.pkt.LinkType = r.ph.LinkType
	r.pkt.HasTime = true
	r.consume(24)
	return nil
}

func isPcapMagic(m uint32) bool {
	return m == magicMicro || m == magicNano || m == magicModified
}

func (r *Reader) u32(b []byte, big bool) uint32 {
	if big {
		return binary.BigEndian.Uint32(b)
	}
	return binary.LittleEndian.Uint32(b)
}

// nextPcap reads one pcap record; errors other than io.EOF stick.
func (r *Reader) nextPcap() (*Packet, error) {
	if r.err != nil {
		return nil, r.err
	}
	p, err := r.readPcap()
	if err != nil && err != io.EOF {
		r.err = err
	}
	return p, err
}

func (r *Reader) readPcap() (*Packet, error) {
	hl := r.recHdr
	if r.end-r.start < hl {
		if err := r.fill(hl); err != nil {
			if r.end == r.start && err == io.EOF {
				return nil, io.EOF
			}
			return nil, r.short(r.off, err, "record header", hl)
		}
	}
	h := r.buf[r.start : r.start+hl]
	sec, frac := r.u32(h, r.recBig), r.u32(h[4:], r.recBig)
	caplen, length := r.u32(h[8:], r.recBig), r.u32(h[12:], r.recBig)
	if r.swap == 2 || r.swap == 1 && caplen > length {
		caplen, length = length, caplen
	}
	if caplen > r.maxCap {
		return nil, r.fail(r.off, ErrTooLarge, "record claims %d captured bytes, above the limit of %d", caplen, r.maxCap)
	}
	n := hl + int(caplen)
	if r.end-r.start < n {
		if err := r.fill(n); err != nil {
			return nil, r.short(r.off, err, "record", n)
		}
	}
	p := &r.pkt
	p.Data = r.buf[r.start+hl : r.start+n : r.start+n]
	p.Length = int(length)
	p.Time = time.Unix(int64(sec), int64(frac)*r.pcapUnit)
	r.consume(n)
	return p, nil
}

// ModifiedRecord is the extra header of a record in Kuznetsov's modified
// pcap format.
type ModifiedRecord struct {
	IfIndex  uint32 // index of the interface the packet was captured on
	Protocol uint16 // Ethernet protocol type, in network byte order as stored
	PktType  uint8  // packet type as in Linux sockaddr_ll (0 host, 4 outgoing...)
}

// Modified returns the extra header of the record Next or NextBlock
// returned last, when the file is in the modified (0xa1b2cd34) format.
func (r *Reader) Modified() (ModifiedRecord, bool) {
	if !r.ph.Modified || r.format != FormatPcap || r.pkt.Data == nil {
		return ModifiedRecord{}, false
	}
	h := r.buf[r.start-len(r.pkt.Data)-8:]
	return ModifiedRecord{IfIndex: r.u32(h, r.recBig), Protocol: binary.BigEndian.Uint16(h[4:]), PktType: h[6]}, true
}
