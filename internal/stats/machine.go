package stats

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
)

// The --json and --csv forms of the tables: plain numbers (frames, bytes,
// seconds) for scripts, in the tables' order. Times are seconds since the
// first packet with nine decimals, JSON numbers.

// secondsJSON is a time in seconds written as a JSON number with nine
// decimals.
type secondsJSON int64

func (s secondsJSON) MarshalJSON() ([]byte, error) { return appendSeconds(nil, int64(s)), nil }

type convJSON struct {
	AddressA   Address     `json:"address_a"`
	PortA      *uint16     `json:"port_a,omitempty"`
	AddressB   Address     `json:"address_b"`
	PortB      *uint16     `json:"port_b,omitempty"`
	FramesAToB uint64      `json:"frames_a_to_b"`
	BytesAToB  uint64      `json:"bytes_a_to_b"`
	FramesBToA uint64      `json:"frames_b_to_a"`
	BytesBToA  uint64      `json:"bytes_b_to_a"`
	Frames     uint64      `json:"frames"`
	Bytes      uint64      `json:"bytes"`
	Start      secondsJSON `json:"start"`
	Duration   secondsJSON `json:"duration"`
}

func (c *Conversation) json(ports bool) convJSON {
	j := convJSON{AddressA: c.A, AddressB: c.B, FramesAToB: c.FramesAB, BytesAToB: c.BytesAB,
		FramesBToA: c.FramesBA, BytesBToA: c.BytesBA, Frames: c.Frames(), Bytes: c.Bytes(),
		Start: secondsJSON(c.Start), Duration: secondsJSON(c.Stop - c.Start)}
	if ports {
		a, b := c.PortA, c.PortB
		j.PortA, j.PortB = &a, &b
	}
	return j
}

// WriteJSON writes the table as one JSON object: its type, filter, the
// conversations (address_a is the first packet's source; ports for TCP
// and UDP) and what overflowed its bound. It is written a conversation at
// a time, so a large table costs no more memory than the table.
func (c *Conversations) WriteJSON(w io.Writer) error {
	head := struct {
		Table  string `json:"table"`
		Type   string `json:"type"`
		Filter string `json:"filter"`
	}{"conv", c.Type.String(), c.Filter.Text}
	order := c.order()
	return writeJSONList(w, head, "conversations", len(order), func(k int) any {
		return c.convs[order[k]].json(c.Type.hasPorts())
	}, c.Overflow)
}

// WriteCSV writes the table as CSV with a header line.
func (c *Conversations) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	ports := c.Type.hasPorts()
	head := []string{"address_a", "address_b", "frames_a_to_b", "bytes_a_to_b", "frames_b_to_a", "bytes_b_to_a", "frames", "bytes", "start", "duration"}
	if ports {
		head = append([]string{"address_a", "port_a", "address_b", "port_b"}, head[2:]...)
	}
	cw.Write(head)
	for _, i := range c.order() {
		cv := &c.convs[i]
		rec := []string{cv.A.String()}
		if ports {
			rec = append(rec, u(uint64(cv.PortA)))
		}
		rec = append(rec, cv.B.String())
		if ports {
			rec = append(rec, u(uint64(cv.PortB)))
		}
		rec = append(rec, u(cv.FramesAB), u(cv.BytesAB), u(cv.FramesBA), u(cv.BytesBA), u(cv.Frames()), u(cv.Bytes()),
			string(appendSeconds(nil, cv.Start)), string(appendSeconds(nil, cv.Stop-cv.Start)))
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

func u(v uint64) string { return strconv.FormatUint(v, 10) }

type endpointJSON struct {
	Address  Address `json:"address"`
	Port     *uint16 `json:"port,omitempty"`
	Frames   uint64  `json:"frames"`
	Bytes    uint64  `json:"bytes"`
	TxFrames uint64  `json:"tx_frames"`
	TxBytes  uint64  `json:"tx_bytes"`
	RxFrames uint64  `json:"rx_frames"`
	RxBytes  uint64  `json:"rx_bytes"`
}

// WriteJSON writes the table as one JSON object: its type, filter, the
// endpoints (with ports for TCP and UDP) and what overflowed its bound,
// an endpoint at a time.
func (e *Endpoints) WriteJSON(w io.Writer) error {
	head := struct {
		Table  string `json:"table"`
		Type   string `json:"type"`
		Filter string `json:"filter"`
	}{"endpoints", e.Type.String(), e.Filter.Text}
	order := e.order()
	return writeJSONList(w, head, "endpoints", len(order), func(k int) any {
		p := &e.ends[order[k]]
		j := endpointJSON{Address: p.Addr, Frames: p.Frames(), Bytes: p.Bytes(), TxFrames: p.TxFrames, TxBytes: p.TxBytes, RxFrames: p.RxFrames, RxBytes: p.RxBytes}
		if e.Type.hasPorts() {
			port := p.Port
			j.Port = &port
		}
		return j
	}, e.Overflow)
}

// WriteCSV writes the table as CSV with a header line.
func (e *Endpoints) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	ports := e.Type.hasPorts()
	head := []string{"address", "frames", "bytes", "tx_frames", "tx_bytes", "rx_frames", "rx_bytes"}
	if ports {
		head = append([]string{"address", "port"}, head[1:]...)
	}
	cw.Write(head)
	for _, i := range e.order() {
		p := &e.ends[i]
		rec := []string{p.Addr.String()}
		if ports {
			rec = append(rec, u(uint64(p.Port)))
		}
		rec = append(rec, u(p.Frames()), u(p.Bytes()), u(p.TxFrames), u(p.TxBytes), u(p.RxFrames), u(p.RxBytes))
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

// WriteJSON writes the hierarchy as one JSON object: its filter and the
// tree of protocols, each with its frames, bytes and children.
func (h *Hierarchy) WriteJSON(w io.Writer) error {
	tree := h.Tree()
	if tree == nil {
		tree = []*PHSNode{}
	}
	out := struct {
		Table     string     `json:"table"`
		Filter    string     `json:"filter"`
		Protocols []*PHSNode `json:"protocols"`
		Overflow  Overflow   `json:"overflow"`
	}{"phs", h.Filter.Text, tree, h.Overflow}
	return writeJSON(w, out)
}

// WriteCSV writes the hierarchy as CSV, a line per protocol in tree order:
// its path from the top ("eth:ip:tcp"), its depth, frames and bytes.
func (h *Hierarchy) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"path", "protocol", "depth", "frames", "bytes"})
	var walk func(ns []*PHSNode, path string, depth int)
	walk = func(ns []*PHSNode, path string, depth int) {
		for _, n := range ns {
			p := n.Protocol
			if path != "" {
				p = path + ":" + n.Protocol
			}
			cw.Write([]string{p, n.Protocol, strconv.Itoa(depth), u(n.Frames), u(n.Bytes)})
			walk(n.Children, p, depth+1)
		}
	}
	walk(h.Tree(), "", 0)
	cw.Flush()
	return cw.Error()
}

// usSeconds is a time in microseconds written as seconds, a JSON number.
type usSeconds uint64

func (s usSeconds) MarshalJSON() ([]byte, error) { return appendMicros(nil, uint64(s)), nil }

func appendMicros(b []byte, us uint64) []byte {
	b = strconv.AppendUint(b, us/1e6, 10)
	b = append(b, '.')
	frac := us % 1e6
	for d := uint64(1e5); d > 0; d /= 10 {
		b = append(b, byte('0'+frac/d%10))
	}
	return b
}

// WriteJSON writes the table as one JSON object: the interval and the
// duration in seconds, the columns' filters, a row per interval (its start
// and end, a cell per column) and what overflowed its bound.
func (t *IO) WriteJSON(w io.Writer) error {
	type col struct {
		Filter string `json:"filter"`
	}
	type row struct {
		Start usSeconds `json:"start"`
		End   usSeconds `json:"end"`
		Cells []Cell    `json:"cells"`
	}
	l := t.layout()
	out := struct {
		Table    string      `json:"table"`
		Interval usSeconds   `json:"interval"`
		Duration secondsJSON `json:"duration"`
		Columns  []col       `json:"columns"`
		Rows     []row       `json:"rows"`
		Overflow Overflow    `json:"overflow"`
	}{Table: "io", Interval: usSeconds(l.interval), Duration: secondsJSON(t.elapsed), Rows: []row{}, Overflow: t.Overflow}
	for _, c := range t.Columns {
		out.Columns = append(out.Columns, col{c.Text})
	}
	for _, r := range t.Rows() {
		out.Rows = append(out.Rows, row{usSeconds(r.Start), usSeconds(r.End), r.Cells})
	}
	return writeJSON(w, out)
}

// WriteCSV writes the table as CSV, a line per interval: its start and
// end in seconds, then frames and bytes of each column (frames_2, bytes_2
// … when there are several).
func (t *IO) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	head := []string{"start", "end"}
	for j := range t.Columns {
		if len(t.Columns) == 1 {
			head = append(head, "frames", "bytes")
		} else {
			head = append(head, "frames_"+strconv.Itoa(j+1), "bytes_"+strconv.Itoa(j+1))
		}
	}
	cw.Write(head)
	for _, r := range t.Rows() {
		rec := []string{string(appendMicros(nil, r.Start)), string(appendMicros(nil, r.End))}
		for _, c := range r.Cells {
			rec = append(rec, u(c.Frames), u(c.Bytes))
		}
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

// writeJSONList writes the object head with one more member, key, an
// array of the n items item returns, and "overflow": an item at a time.
func writeJSONList(w io.Writer, head any, key string, n int, item func(int) any, o Overflow) error {
	h, err := json.Marshal(head)
	if err != nil {
		return err
	}
	b := append(h[:len(h)-1], `,"`...)
	b = append(b, key...)
	b = append(b, `":[`...)
	for k := 0; k < n; k++ {
		if k > 0 {
			b = append(b, ',')
		}
		j, err := json.Marshal(item(k))
		if err != nil {
			return err
		}
		b = append(b, j...)
		if len(b) > 32<<10 {
			if _, err := w.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	ov, err := json.Marshal(o)
	if err != nil {
		return err
	}
	b = append(b, `],"overflow":`...)
	b = append(b, ov...)
	b = append(b, "}\n"...)
	_, err = w.Write(b)
	return err
}

func writeJSON(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
