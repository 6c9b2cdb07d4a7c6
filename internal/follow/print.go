package follow

import (
	"encoding/base64"
	"errors"
	"io"
	"strconv"
)

// Mode is how a Printer shows the data, as tshark's -z follow modes.
type Mode uint8

// The modes.
const (
	ASCII Mode = iota // printable bytes, others as '.', each chunk after its length
	Hex               // a hex dump per chunk, offsets counting per side
	Raw               // each chunk as one line of hex digits
	YAML              // peers and packets with base64 data
	modeCount
)

var modeNames = [modeCount]string{ASCII: "ascii", Hex: "hex", Raw: "raw", YAML: "yaml"}

// String returns tshark's name of m ("ascii").
func (m Mode) String() string { return modeNames[m] }

// ParseMode returns the mode tshark names s.
func ParseMode(s string) (Mode, bool) {
	for m, n := range modeNames {
		if n == s {
			return Mode(m), true
		}
	}
	return 0, false
}

// ModeNames lists the names ParseMode takes.
func ModeNames() []string { return modeNames[:] }

const separator = "===================================================================\n"

// Printer writes a followed stream as tshark 4.0 writes -z follow: the
// banner (Follow:, Filter:, Node 0:, Node 1:), then each chunk as it comes,
// the second node's indented by a tab, then the closing line. Call Header
// once the nodes are known (before the first chunk), Chunk for each chunk
// and Footer at the end. A Printer keeps its first write error and returns
// it from every later call.
type Printer struct {
	W      io.Writer
	Mode   Mode
	Proto  string // "tcp", "udp": the Follow: line's protocol
	Filter string // the Filter: line ("tcp.stream eq 7")

	pos [2]uint32 // bytes shown per side (hex offsets)
	buf []byte
	err error
}

// errShortWrite is returned when the writer takes less than it is given
// without an error.
var errShortWrite = errors.New("short write")

func (p *Printer) flush() error {
	if p.err != nil {
		return p.err
	}
	n, err := p.W.Write(p.buf)
	if err == nil && n < len(p.buf) {
		err = errShortWrite
	}
	p.err = err
	p.buf = p.buf[:0]
	return err
}

// AppendNode appends a node as tshark's banner shows it: "addr:port",
// "[addr]:port" for IPv6, ":0" for none.
func AppendNode(b []byte, n Node) []byte {
	if n.Addr.Is6() {
		b = append(b, '[')
		b = n.Addr.AppendTo(b)
		b = append(b, ']')
	} else if n.Addr.IsValid() {
		b = n.Addr.AppendTo(b)
	}
	b = append(b, ':')
	return strconv.AppendUint(b, uint64(n.Port), 10)
}

// Header writes the banner, with the stream's two nodes.
func (p *Printer) Header(nodes [2]Node) error {
	b := p.buf[:0]
	if p.Mode == YAML {
		b = append(b, "peers:\n"...)
		for k, n := range nodes {
			b = append(b, "  - peer: "...)
			b = strconv.AppendInt(b, int64(k), 10)
			b = append(b, "\n    host: "...)
			if n.Addr.IsValid() {
				b = n.Addr.AppendTo(b)
			}
			b = append(b, "\n    port: "...)
			b = strconv.AppendUint(b, uint64(n.Port), 10)
			b = append(b, '\n')
		}
		b = append(b, "packets:\n"...)
	} else {
		b = append(b, '\n')
		b = append(b, separator...)
		b = append(b, "Follow: "...)
		b = append(b, p.Proto...)
		b = append(b, ',')
		b = append(b, p.Mode.String()...)
		b = append(b, "\nFilter: "...)
		b = append(b, p.Filter...)
		b = append(b, "\nNode 0: "...)
		b = AppendNode(b, nodes[0])
		b = append(b, "\nNode 1: "...)
		b = AppendNode(b, nodes[1])
		b = append(b, '\n')
	}
	p.buf = b
	return p.flush()
}

// Footer writes the closing line (none in yaml).
func (p *Printer) Footer() error {
	if p.Mode != YAML {
		p.buf = append(p.buf[:0], separator...)
	}
	return p.flush()
}

const hexDigits = "0123456789abcdef"

// Chunk writes one chunk.
func (p *Printer) Chunk(c Chunk) error {
	side := 0
	if c.Server {
		side = 1
	}
	b := p.buf[:0]
	switch p.Mode {
	case ASCII:
		if c.Server {
			b = append(b, '\t')
		}
		b = strconv.AppendUint(b, uint64(len(c.Data)), 10)
		b = append(b, '\n')
		for _, v := range c.Data {
			if v != '\r' && v != '\n' && (v < ' ' || v >= 0x7f) {
				v = '.'
			}
			b = append(b, v)
		}
		b = append(b, '\n')
	case Hex:
		b = appendHexDump(b, c.Server, p.pos[side], c.Data)
	case Raw:
		if c.Server {
			b = append(b, '\t')
		}
		for _, v := range c.Data {
			b = append(b, hexDigits[v>>4], hexDigits[v&15])
		}
		b = append(b, '\n')
	case YAML:
		b = append(b, "  - packet: "...)
		b = strconv.AppendInt(b, int64(c.Frame), 10)
		b = append(b, "\n    peer: "...)
		b = strconv.AppendInt(b, int64(side), 10)
		b = append(b, "\n    timestamp: "...)
		var secs float64
		if !c.Time.IsZero() {
			secs = float64(c.Time.Unix()) + float64(c.Time.Nanosecond())/1e9
		}
		b = strconv.AppendFloat(b, secs, 'f', 9, 64)
		b = append(b, "\n    data: !!binary |\n"...)
		for d := c.Data; len(d) > 0; {
			n := min(len(d), 57)
			b = append(b, "      "...)
			b = base64.StdEncoding.AppendEncode(b, d[:n])
			b = append(b, '\n')
			d = d[n:]
		}
	}
	p.pos[side] += uint32(len(c.Data))
	p.buf = b
	return p.flush()
}

// appendHexDump appends tshark's follow hex dump of data: lines of 16
// bytes, the offset (counting from off, 16 a line) in upper-case hex, the
// bytes in lower-case hex with an extra space after the eighth, then the
// printable characters likewise split; a trailing space is cut. The
// second node's lines start with a tab.
func appendHexDump(b []byte, server bool, off uint32, data []byte) []byte {
	const hexStart, asciiStart = 10, 60
	var line [77]byte
	for i := 0; i < len(data); {
		if server {
			b = append(b, '\t')
		}
		for k := range line {
			line[k] = ' '
		}
		const upper = "0123456789ABCDEF"
		for k := 7; k >= 0; k-- {
			line[k] = upper[(off>>(4*(7-k)))&15]
		}
		// An offset past 0xFFFFFFFF cannot happen: off is 32 bits.
		j, a := hexStart, asciiStart
		n := 0
		for ; n < 16 && i < len(data); n++ {
			v := data[i]
			i++
			line[j], line[j+1] = hexDigits[v>>4], hexDigits[v&15]
			j += 3
			if v >= ' ' && v < 0x7f {
				line[a] = v
			} else {
				line[a] = '.'
			}
			a++
			if n == 7 {
				j++
				a++ // the extra space, already there
			}
		}
		if line[a-1] == ' ' {
			a--
		}
		b = append(b, line[:a]...)
		b = append(b, '\n')
		off += 16
	}
	return b
}
