package plot

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"math"
	"strconv"
	"strings"
	"testing"
)

// svgElem is an element of a chart's SVG with its attributes.
type svgElem struct {
	name  string
	attrs map[string]string
	text  string
}

// parseSVG parses a chart's SVG with encoding/xml and returns its root's
// attributes and its elements in order.
func parseSVG(t *testing.T, b []byte) (root map[string]string, elems []svgElem) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			m := map[string]string{}
			for _, a := range tok.Attr {
				m[a.Name.Local] = a.Value
			}
			if tok.Name.Local == "svg" {
				root = m
				continue
			}
			elems = append(elems, svgElem{name: tok.Name.Local, attrs: m})
		case xml.CharData:
			if len(elems) > 0 {
				elems[len(elems)-1].text += string(tok)
			}
		}
	}
	if root == nil {
		t.Fatalf("no <svg> element in:\n%s", b)
	}
	return root, elems
}

func atof(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return v
}

// points returns a polyline's points.
func points(t *testing.T, s string) [][2]float64 {
	var out [][2]float64
	for _, p := range strings.Fields(s) {
		x, y, _ := strings.Cut(p, ",")
		out = append(out, [2]float64{atof(t, x), atof(t, y)})
	}
	return out
}

func ioChart() *LineChart {
	return &LineChart{
		Title:  "I/O graph",
		XLabel: "seconds since the first packet",
		X:      []float64{0, 1, 2, 3, 4, 5},
		Panels: []Panel{
			{YLabel: "packets/s", Series: []Series{
				{Name: "all packets", Y: []float64{10, 0, 5, 10, 2, 7}},
				{Name: "tcp", Y: []float64{4, 0, 1, 9, 0, 3}},
			}},
			{YLabel: "bits/s", Series: []Series{
				{Name: "all packets", Y: []float64{12000, 0, 6000, 1.2e6, 0, 800}},
				{Name: "tcp", Y: []float64{8000, 0, 0, 1e6, 0, 400}},
			}},
		},
	}
}

// expectedPoints returns where each series' points must be, from the
// plot areas' value ranges: the pixel position the data says.
func expectedPoints(t *testing.T, ch *LineChart, elems []svgElem) map[string][][2]float64 {
	want := map[string][][2]float64{}
	for _, e := range elems {
		if e.attrs["class"] != "plot-area" {
			continue
		}
		x0, y0 := atof(t, e.attrs["x"]), atof(t, e.attrs["y"])
		w, h := atof(t, e.attrs["width"]), atof(t, e.attrs["height"])
		xmin, xmax := atof(t, e.attrs["data-xmin"]), atof(t, e.attrs["data-xmax"])
		ymin, ymax := atof(t, e.attrs["data-ymin"]), atof(t, e.attrs["data-ymax"])
		for _, p := range ch.Panels {
			if p.YLabel != e.attrs["data-panel"] {
				continue
			}
			for _, s := range p.Series {
				var pts [][2]float64
				for i, v := range s.Y {
					pts = append(pts, [2]float64{x0 + (ch.X[i]-xmin)/(xmax-xmin)*w, y0 + h - (v-ymin)/(ymax-ymin)*h})
				}
				want[p.YLabel+"/"+s.Name] = pts
			}
		}
	}
	return want
}

func TestLineChartSVG(t *testing.T) {
	ch := ioChart()
	var b bytes.Buffer
	if err := ch.Draw(&b, SVG); err != nil {
		t.Fatal(err)
	}
	root, elems := parseSVG(t, b.Bytes())
	if root["width"] != "960" {
		t.Errorf("width %q, want 960", root["width"])
	}
	want := expectedPoints(t, ch, elems)
	if len(want) != 4 {
		t.Fatalf("found the plot areas of %d series, want 4", len(want))
	}
	lines := 0
	var texts []string
	for _, e := range elems {
		if e.name == "text" {
			texts = append(texts, strings.TrimSpace(e.text))
		}
		if e.attrs["class"] != "series" {
			continue
		}
		lines++
		key := e.attrs["data-panel"] + "/" + e.attrs["data-series"]
		got := points(t, e.attrs["points"])
		w := want[key]
		if len(got) != len(w) {
			t.Fatalf("%s: %d points, want %d", key, len(got), len(w))
		}
		for i := range w {
			if math.Abs(got[i][0]-w[i][0]) > 0.01 || math.Abs(got[i][1]-w[i][1]) > 0.01 {
				t.Errorf("%s point %d at %v, want %v", key, i, got[i], w[i])
			}
		}
	}
	if lines != 4 {
		t.Errorf("%d series lines, want 4", lines)
	}
	// The axes say what they count, with units, and the legend names the
	// series.
	all := strings.Join(texts, "|")
	for _, s := range []string{"packets/s", "bits/s", "seconds since the first packet", "all packets", "tcp", "1.0 M", "10"} {
		if !strings.Contains("|"+all+"|", "|"+s+"|") {
			t.Errorf("no text %q in the chart: %s", s, all)
		}
	}
}

// hiddenBehind reports whether point i of series si of panel p lies
// within two pixels of the same point of a series drawn after it.
func hiddenBehind(want map[string][][2]float64, p Panel, si, i int) bool {
	pt := want[p.YLabel+"/"+p.Series[si].Name][i]
	for _, later := range p.Series[si+1:] {
		q := want[p.YLabel+"/"+later.Name][i]
		if math.Abs(q[1]-pt[1]) < 3 {
			return true
		}
	}
	return false
}

// near reports whether a pixel around (x, y) has a colour close to c.
func near(img image.Image, x, y float64, c color.RGBA, radius int) bool {
	for dy := -radius; dy <= radius; dy++ {
		for dx := -radius; dx <= radius; dx++ {
			r, g, b, _ := img.At(int(math.Floor(x))+dx, int(math.Floor(y))+dy).RGBA()
			if absDiff(r>>8, uint32(c.R)) < 40 && absDiff(g>>8, uint32(c.G)) < 40 && absDiff(b>>8, uint32(c.B)) < 40 {
				return true
			}
		}
	}
	return false
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

func TestLineChartPNG(t *testing.T) {
	ch := ioChart()
	var s, p bytes.Buffer
	if err := ch.Draw(&s, SVG); err != nil {
		t.Fatal(err)
	}
	if err := ch.Draw(&p, PNG); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&p)
	if err != nil {
		t.Fatal(err)
	}
	root, elems := parseSVG(t, s.Bytes())
	if got, want := img.Bounds().Size(), (image.Point{int(atof(t, root["width"])), int(atof(t, root["height"]))}); got != want {
		t.Fatalf("PNG is %v, the SVG %v", got, want)
	}
	want := expectedPoints(t, ch, elems)
	for _, pn := range ch.Panels {
		for si, sr := range pn.Series {
			for i, pt := range want[pn.YLabel+"/"+sr.Name] {
				if hiddenBehind(want, pn, si, i) {
					continue // a later series is drawn over this point
				}
				if !near(img, pt[0], pt[1], Colour(si), 1) {
					t.Errorf("%s %s point %d (%v): no pixel of its colour at %.1f,%.1f", pn.YLabel, sr.Name, i, sr.Y[i], pt[0], pt[1])
				}
			}
			// Halfway between two points the line passes too.
			pts := want[pn.YLabel+"/"+sr.Name]
			mx, my := (pts[0][0]+pts[1][0])/2, (pts[0][1]+pts[1][1])/2
			if !hiddenBehind(want, pn, si, 0) && !hiddenBehind(want, pn, si, 1) && !near(img, mx, my, Colour(si), 1) {
				t.Errorf("%s %s: the line does not pass halfway between its first points (%.1f,%.1f)", pn.YLabel, sr.Name, mx, my)
			}
		}
	}
	// Well above the highest line the plot is empty.
	for _, e := range elems {
		if e.attrs["class"] == "plot-area" {
			x, y := atof(t, e.attrs["x"])+40, atof(t, e.attrs["y"])+3
			if r, g, b, _ := img.At(int(x), int(y)).RGBA(); r>>8 < 200 || g>>8 < 200 || b>>8 < 200 {
				t.Errorf("pixel %v,%v above the lines is not background", x, y)
			}
		}
	}
}

func TestBarChart(t *testing.T) {
	ch := &BarChart{
		Title: "Top conversations", Unit: "B", Parts: []string{"A → B", "B → A"},
		XLabel: "bytes",
		Bars: []Bar{
			{Label: "10.0.0.1:443 <-> 10.0.0.2:51000", Values: []float64{300000, 20000}},
			{Label: "10.0.0.3:53 <-> 10.0.0.2:40000", Values: []float64{40000, 90000}},
		},
	}
	var s, p bytes.Buffer
	if err := ch.Draw(&s, SVG); err != nil {
		t.Fatal(err)
	}
	if err := ch.Draw(&p, PNG); err != nil {
		t.Fatal(err)
	}
	_, elems := parseSVG(t, s.Bytes())
	img, err := png.Decode(&p)
	if err != nil {
		t.Fatal(err)
	}
	var area svgElem
	for _, e := range elems {
		if e.attrs["class"] == "plot-area" {
			area = e
		}
	}
	x0, w, xmax := atof(t, area.attrs["x"]), atof(t, area.attrs["width"]), atof(t, area.attrs["data-xmax"])
	bars := 0
	for _, e := range elems {
		if e.attrs["class"] != "bar" {
			continue
		}
		bars++
		v := atof(t, e.attrs["data-value"])
		if got, want := atof(t, e.attrs["width"]), v/xmax*w; math.Abs(got-want) > 0.01 {
			t.Errorf("bar %s %s: %v wide, want %v", e.attrs["data-bar"], e.attrs["data-part"], got, want)
		}
		part := 0
		if e.attrs["data-part"] == "B → A" {
			part = 1
		}
		cx := atof(t, e.attrs["x"]) + atof(t, e.attrs["width"])/2
		cy := atof(t, e.attrs["y"]) + atof(t, e.attrs["height"])/2
		if !near(img, cx, cy, Colour(part), 0) {
			t.Errorf("bar %s %s: PNG pixel at its centre is not its colour", e.attrs["data-bar"], e.attrs["data-part"])
		}
		if e.attrs["data-bar"] == ch.Bars[0].Label && part == 0 && math.Abs(atof(t, e.attrs["x"])-x0) > 0.01 {
			t.Errorf("the first part does not start at the axis")
		}
	}
	if bars != 4 {
		t.Errorf("%d bar parts, want 4", bars)
	}
}

func TestFormatOf(t *testing.T) {
	for name, want := range map[string]Format{"io.svg": SVG, "IO.PNG": PNG, "a/b.png": PNG} {
		if got, err := FormatOf(name); got != want || err != nil {
			t.Errorf("FormatOf(%q) = %v, %v", name, got, err)
		}
	}
	if _, err := FormatOf("io.jpg"); err == nil {
		t.Error("FormatOf(io.jpg): no error")
	}
}

func TestAxis(t *testing.T) {
	for _, c := range []struct {
		hi     float64
		labels string
	}{
		{10, "0 2 4 6 8 10"},
		{1.2e6, "0 0.5 M 1.0 M 1.5 M"},
		{0.3, "0 0.1 0.2 0.3"},
		{7, "0 2 4 6 8"},
	} {
		a := newAxis(0, c.hi, 5)
		var ls []string
		for _, v := range a.ticks() {
			ls = append(ls, a.label(v, ""))
		}
		if got := strings.Join(ls, " "); got != c.labels {
			t.Errorf("axis to %v: %q, want %q", c.hi, got, c.labels)
		}
	}
}
