package stats

import (
	"sort"

	"github.com/rawcap/rawcap/internal/plot"
)

// Chart returns Wireshark's I/O graph of the table: packets/s and bits/s
// per interval, a line per column (named by its filter, "all packets"
// without one), against the seconds since the first packet. The rates are
// each interval's counts over the interval's length, the last (partial)
// interval's too, as Wireshark computes them.
func (t *IO) Chart(title string) *plot.LineChart {
	l := t.layout()
	rows := t.Rows()
	secs := float64(l.interval) / 1e6
	if secs == 0 {
		secs = 1 // a capture of one instant: counts per interval
	}
	ch := &plot.LineChart{Title: title, XLabel: "seconds since the first packet"}
	for _, r := range rows {
		ch.X = append(ch.X, float64(r.Start)/1e6)
	}
	pkts := plot.Panel{YLabel: "packets/s"}
	bits := plot.Panel{YLabel: "bits/s"}
	for j, c := range t.Columns {
		name := c.Text
		if name == "" {
			name = "all packets"
		}
		p := plot.Series{Name: name, Y: make([]float64, len(rows))}
		b := plot.Series{Name: name, Y: make([]float64, len(rows))}
		for i, r := range rows {
			p.Y[i] = float64(r.Cells[j].Frames) / secs
			b.Y[i] = float64(r.Cells[j].Bytes) * 8 / secs
		}
		pkts.Series = append(pkts.Series, p)
		bits.Series = append(bits.Series, b)
	}
	ch.Panels = []plot.Panel{pkts, bits}
	return ch
}

// Chart returns a bar chart of the top conversations by bytes, each bar
// cut into its bytes from A to B and from B to A.
func (c *Conversations) Chart(title string, top int) *plot.BarChart {
	idx := c.order()
	sort.SliceStable(idx, func(i, j int) bool { return c.convs[idx[i]].Bytes() > c.convs[idx[j]].Bytes() })
	if len(idx) > top {
		idx = idx[:top]
	}
	ch := &plot.BarChart{Title: title, Unit: "B", Parts: []string{"A → B", "B → A"}, XLabel: "bytes"}
	var name []byte
	for _, i := range idx {
		cv := &c.convs[i]
		name = appendEndpointName(name[:0], cv.A, cv.PortA, c.Type.hasPorts())
		name = append(name, " <-> "...)
		name = appendEndpointName(name, cv.B, cv.PortB, c.Type.hasPorts())
		ch.Bars = append(ch.Bars, plot.Bar{Label: string(name), Values: []float64{float64(cv.BytesAB), float64(cv.BytesBA)}})
	}
	return ch
}
