package decode

import (
	"strconv"
	"time"
	"unicode/utf8"
)

// ColumnsPrinter prints Wireshark's packet list, one row per packet: No.,
// Time (seconds since the first packet), Source, Destination, Protocol,
// Length and Info, laid out byte for byte as `tshark -n` 4.0 prints them by
// default. Relative TCP sequence numbers, window scaling and the analysis
// marks come from the Decoder's connection tracker; the printer keeps
// bounded state of its own (the HTTP and TLS messages of the streams the
// tracker remembers, ICMP requests, IPv4 fragments). It is not safe for
// concurrent use.
type ColumnsPrinter struct {
	// Precision is the number of decimals of the Time column for each
	// interface index (Frame.Interface), as TimePrecision gives it from
	// the file's timestamp resolution; interfaces past its end get 6.
	Precision []int

	first     time.Time
	started   bool
	streams   colStreams   // per-stream reassembly state, by the tracker's slot
	tcp       colTCP       // the last TCP layer tracked
	conv      *convResults // the tracker's findings for the row's packet
	seg       *tcpSegment  // its result for the row's TCP layer, or nil
	dir       *colDir      // its direction in the flow table, or nil
	httpRow   int          // colHTTP*: the row is part of a reassembled HTTP message
	httpMsg   *colHTTPMsg  // that message
	tlsRow    int          // colTLS*: the row is part of a reassembled TLS record
	tlsOff    int          // offset of the first whole record in the payload
	tlsVer    uint16       // record version for the Protocol column
	tlsHead   [9]byte      // the start of the record this segment completes
	tlsHeadN  uint8        // its length (0: the segment completes none)
	tcpLayer  int          // index of the row's TCP layer, -1 if none
	frags     []colFrag    // IPv4 datagrams being reassembled
	fragRow   bool         // the row is a reassembled UDP datagram or ICMP echo
	fragHead  [8]byte      // its first 8 bytes
	fragProto uint8
	fragLen   int
	fragIP    int      // index of its IPv4 layer
	pings     colPings // ICMP and ICMPv6 echo requests, for "(request in N)"
	number    int      // the frame's number
	wire      int      // the frame's length on the wire
	capLen    int
}

// TimePrecision returns the number of decimals Wireshark shows for
// timestamps of resolution tsresol (pcapng's if_tsresol: bit 7 clear for
// 10^-n seconds, set for 2^-n seconds; 6 for microsecond pcap files, 9 for
// nanosecond ones).
func TimePrecision(tsresol uint8) int {
	n := int(tsresol & 0x7f)
	if tsresol&0x80 != 0 {
		// 2^-n seconds shows with ⌊n·log10(2)⌋ decimals.
		n = n * 301 / 1000
	}
	switch {
	case n <= 0:
		return 0
	case n <= 3:
		return n
	case n <= 6:
		return 6
	}
	return 9
}

// Append appends the row for the packet d last decoded, described by f.
func (p *ColumnsPrinter) Append(b []byte, d *Decoder, f *Frame) []byte {
	if !p.started {
		// A first packet without a timestamp counts from the epoch,
		// as in Wireshark.
		p.first, p.started = f.Time, true
		if f.Time.IsZero() {
			p.first = time.Unix(0, 0)
		}
	}
	p.number, p.wire, p.capLen = f.Number, f.Length, len(d.data)
	n := len(b)
	b = strconv.AppendInt(b, int64(f.Number), 10)
	b = padLeft(b, n, 5)
	b = append(b, ' ')
	n = len(b)
	p.conv = d.track(f)
	// The Time column counts from the capture's first frame, which a
	// display filter may not have let through.
	p.first = p.conv.first
	b = p.appendTime(b, f)
	b = padLeft(b, n, 10)
	b = append(b, ' ')
	p.seg = nil
	p.dir, p.httpRow = nil, colHTTPNone
	tcpLayer, contRow := -1, -1
	top := -1 // the innermost layer that names the row
	for i := range d.layers[:d.n] {
		l := &d.layers[i]
		if l.Type == LayerPayload || l.Quoted || l.Type == LayerF5Trailer {
			continue
		}
		if top >= 0 && d.layers[top].Type == LayerTCP && tcpRST(d, top) {
			break // tshark hands no RST segment's data to a dissector
		}
		if top >= 0 && arcnetEmptyIP(d, top) {
			break // tshark's IP fails on its first byte, before naming the row
		}
		if l.Type == LayerPPTP && pptpRetransmitted(p.seg) {
			break // tshark hands a retransmission's bytes to no protocol
		}
		if l.Type == LayerHTTP && httpContTCPRow(p.conv, i) {
			contRow = i // TCP's row, the media type after it
			break
		}
		top = i
		if l.Type == LayerPIM && pimLocksColumns(d, i) {
			break // a Register's packet does not name the row
		}
		if l.Type == LayerTCP {
			p.seg = p.conv.tcp(i)
			p.trackTCP(d, i)
			tcpLayer = i
		}
	}
	p.fragRow = false
	for j := top; j >= 0; j-- {
		l := &d.layers[j]
		if l.Quoted || l.Malformed != "" || l.Type != LayerIPv4 && l.Type != LayerIPv6Fragment && l.Type != LayerIPv6 {
			continue
		}
		if l.Type != LayerIPv6 {
			if re, whole := p.trackFrag(d, j); re {
				p.fragRow, p.fragIP = true, j
			} else if whole {
				top, tcpLayer, p.seg = j, -1, nil // tshark stops at a fragment
			}
		}
		break
	}
	p.tlsRow, p.tcpLayer = colTLSNone, tcpLayer
	if tcpLayer >= 0 && top >= tcpLayer && (top == tcpLayer || d.layers[top].Type == LayerHTTP) {
		p.trackHTTP(d, tcpLayer)
	}
	if tcpLayer >= 0 && p.httpRow == colHTTPNone && (top == tcpLayer || d.layers[top].Type == LayerTLS) {
		p.trackTLS(d, tcpLayer)
	}
	b = p.appendAddrs(b, d)
	b = append(b, ' ')
	b = p.appendProtoColumn(b, d, top)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(f.Length), 10)
	b = append(b, ' ')
	info := len(b)
	b = p.appendInfo(b, d, top)
	if contRow >= 0 {
		b = appendHTTPContMedia(b, d, contRow)
		if d.layers[contRow].Malformed != "" {
			b = p.appendException(b)
		}
	}
	if d.n > 0 && d.layers[d.n-1].Type == LayerF5Trailer {
		b = p.appendException(b) // the F5 trailer tshark's heuristic took and ran off
	}
	if cut := info + colMaxInfo; len(b) > cut {
		for cut > info && !utf8.RuneStart(b[cut]) {
			cut-- // no character cut in two
		}
		b = b[:cut]
	}
	return append(b, '\n')
}

// colMaxInfo is the most bytes of Info tshark keeps (COL_MAX_INFO_LEN,
// less its terminator): a DNS message of a thousand questions lists the
// first ones.
const colMaxInfo = 4095

// appendTime appends the seconds since the first packet with the frame's
// interface precision.
func (p *ColumnsPrinter) appendTime(b []byte, f *Frame) []byte {
	if f.Time.IsZero() {
		return b // no timestamp (a Simple Packet Block): a blank column
	}
	digits := 6
	if f.Interface >= 0 && f.Interface < len(p.Precision) {
		digits = p.Precision[f.Interface]
	}
	dt := f.Time.Sub(p.first)
	if dt < 0 {
		b = append(b, '-')
		dt = -dt
	}
	b = strconv.AppendInt(b, int64(dt/time.Second), 10)
	if digits > 0 {
		b = append(b, '.')
		b = appendFrac(b, int(dt%time.Second), digits)
	}
	return b
}

// padLeft right-aligns b[start:] to width by inserting spaces at start.
func padLeft(b []byte, start, width int) []byte {
	n := len(b) - start
	if n >= width {
		return b
	}
	pad := width - n
	for range pad {
		b = append(b, ' ')
	}
	copy(b[start+pad:], b[start:start+n])
	for i := range pad {
		b[start+i] = ' '
	}
	return b
}

// padRight left-aligns b[start:] to width by appending spaces.
func padRight(b []byte, start, width int) []byte {
	for len(b)-start < width {
		b = append(b, ' ')
	}
	return b
}
