package stats

import (
	"fmt"
	"io"
	"strconv"
)

const ruler80 = "================================================================================\n"

// WriteText writes the table as tshark 4.0 prints -z conv,TYPE (relative
// times, no name resolution): the most packets first, byte counts with
// units.
func (c *Conversations) WriteText(w io.Writer) error {
	b := make([]byte, 0, 4096)
	b = append(b, ruler80...)
	b = append(b, c.Type.Title()...)
	b = append(b, " Conversations\nFilter:"...)
	b = appendFilterText(b, c.Filter.Text)
	b = append(b, '\n')
	pad := ""
	if c.Type.hasPorts() {
		pad = "            "
	}
	b = append(b, pad...)
	b = append(b, "                                               |       <-      | |       ->      | |     Total     |    Relative    |   Duration   |\n"...)
	b = append(b, pad...)
	b = append(b, "                                               | Frames  Bytes | | Frames  Bytes | | Frames  Bytes |      Start     |              |\n"...)
	width := 20
	if c.Type.hasPorts() {
		width = 26
	}
	var name []byte
	for _, i := range c.order() {
		cv := &c.convs[i]
		name = appendEndpointName(name[:0], cv.A, cv.PortA, c.Type.hasPorts())
		b = appendPadded(b, name, width)
		b = append(b, " <-> "...)
		name = appendEndpointName(name[:0], cv.B, cv.PortB, c.Type.hasPorts())
		b = appendPadded(b, name, width)
		b = appendCountSize(b, cv.FramesBA, cv.BytesBA)
		b = appendCountSize(b, cv.FramesAB, cv.BytesAB)
		b = appendCountSize(b, cv.Frames(), cv.Bytes())
		b = fmt.Appendf(b, "  %14.9f   %12.4f\n", seconds(cv.Start), seconds(cv.Stop)-seconds(cv.Start))
		if len(b) > 32<<10 {
			if _, err := w.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	b = append(b, ruler80...)
	_, err := w.Write(b)
	return err
}

// appendFilterText appends what tshark's tables show after "Filter:".
func appendFilterText(b []byte, text string) []byte {
	if text == "" {
		return append(b, "<No Filter>"...)
	}
	return append(b, text...)
}

// appendEndpointName appends an address, and ":port" when ports is set.
func appendEndpointName(b []byte, a Address, port uint16, ports bool) []byte {
	b = a.AppendTo(b)
	if ports {
		b = append(b, ':')
		b = strconv.AppendUint(b, uint64(port), 10)
	}
	return b
}

// appendPadded appends s left-aligned in width columns (printf's %-Ns).
func appendPadded(b, s []byte, width int) []byte {
	b = append(b, s...)
	for i := len(s); i < width; i++ {
		b = append(b, ' ')
	}
	return b
}

// appendRight appends s right-aligned in width columns (printf's %Ns).
func appendRight(b, s []byte, width int) []byte {
	for i := len(s); i < width; i++ {
		b = append(b, ' ')
	}
	return append(b, s...)
}

// appendUint appends v right-aligned in width columns (printf's %Nu).
func appendUint(b []byte, v uint64, width int) []byte {
	var tmp [20]byte
	return appendRight(b, strconv.AppendUint(tmp[:0], v, 10), width)
}

// appendCountSize appends a frames and bytes column pair of the
// conversation table ("  %6u %-9s").
func appendCountSize(b []byte, frames, bytes uint64) []byte {
	b = append(b, "  "...)
	b = appendUint(b, frames, 6)
	b = append(b, ' ')
	var tmp [32]byte
	return appendPadded(b, AppendSize(tmp[:0], bytes), 9)
}

// AppendSize appends n bytes as Wireshark's format_size shows them in its
// tables: SI units, the number truncated, and an exact count below ten of
// the next unit ("5894 bytes", "12 kB", "310 MB").
func AppendSize(b []byte, n uint64) []byte {
	const k = 1000
	switch {
	case n/k/k/k/k >= 10:
		return append(strconv.AppendUint(b, n/k/k/k/k, 10), " TB"...)
	case n/k/k/k >= 10:
		return append(strconv.AppendUint(b, n/k/k/k, 10), " GB"...)
	case n/k/k >= 10:
		return append(strconv.AppendUint(b, n/k/k, 10), " MB"...)
	case n/k >= 10:
		return append(strconv.AppendUint(b, n/k, 10), " kB"...)
	}
	return append(strconv.AppendUint(b, n, 10), " bytes"...)
}

// WriteText writes the table as tshark 4.0 prints -z endpoints,TYPE (no
// name resolution): the most packets first.
func (e *Endpoints) WriteText(w io.Writer) error {
	b := make([]byte, 0, 4096)
	b = append(b, ruler80...)
	b = append(b, e.Type.Title()...)
	b = append(b, " Endpoints\nFilter:"...)
	b = appendFilterText(b, e.Filter.Text)
	b = append(b, '\n')
	ports := e.Type.hasPorts()
	if ports {
		b = append(b, "                       |  Port  ||  Packets  | |  Bytes  | | Tx Packets | | Tx Bytes | | Rx Packets | | Rx Bytes |\n"...)
	} else {
		b = append(b, "                       |  Packets  | |  Bytes  | | Tx Packets | | Tx Bytes | | Rx Packets | | Rx Bytes |\n"...)
	}
	var name [64]byte
	for _, i := range e.order() {
		p := &e.ends[i]
		b = appendPadded(b, p.Addr.AppendTo(name[:0]), 20)
		if ports {
			b = append(b, "      "...)
			b = appendUint(b, uint64(p.Port), 5)
			b = append(b, "     "...)
		} else {
			b = append(b, "      "...)
		}
		b = appendUint(b, p.Frames(), 6)
		b = append(b, "     "...)
		b = appendUint(b, p.Bytes(), 9)
		b = append(b, "     "...)
		b = appendUint(b, p.TxFrames, 6)
		b = append(b, "       "...)
		b = appendUint(b, p.TxBytes, 9)
		b = append(b, "      "...)
		b = appendUint(b, p.RxFrames, 6)
		b = append(b, "       "...)
		b = appendUint(b, p.RxBytes, 9)
		b = append(b, "   \n"...)
		if len(b) > 32<<10 {
			if _, err := w.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	b = append(b, ruler80...)
	_, err := w.Write(b)
	return err
}
