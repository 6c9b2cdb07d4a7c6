package plot

import (
	"io"
	"math"
	"strconv"
)

// LineChart is one or more panels of lines over a shared x axis: Wireshark's
// I/O graph draws packets/s and bits/s per interval, a line per series.
type LineChart struct {
	Title  string
	XLabel string    // what the x axis counts ("seconds since the first packet")
	X      []float64 // the x value of each point, shared by every series
	Panels []Panel
	// Width and Height are the picture's size in pixels (0: 960 wide, 250
	// high per panel and 130 for the title, legend and x axis).
	Width, Height int
}

// Panel is one y axis of a line chart and the series drawn against it.
type Panel struct {
	YLabel string // the unit of the values ("packets/s")
	Series []Series
}

// Series is one line: a name for the legend and a y value per x.
type Series struct {
	Name string
	Y    []float64
}

// Margins of the charts, in pixels.
const (
	marginLeft   = 84
	marginRight  = 28
	marginTop    = 76 // title and legend
	marginBottom = 54 // x labels and the axis title
	panelGap     = 34
)

// Draw writes the chart in format f.
func (ch *LineChart) Draw(w io.Writer, f Format) error {
	width, height := ch.Width, ch.Height
	if width == 0 {
		width = 960
	}
	np := max(1, len(ch.Panels))
	if height == 0 {
		height = marginTop + marginBottom + np*216 + (np-1)*panelGap
	}
	c := newCanvas(f, width, height)
	c.rect(0, 0, float64(width), float64(height), colBackground, "background")
	c.text(float64(width)/2, 26, ch.Title, titleSize, anchorMiddle, colText)

	// The legend: a swatch and a name per series, centred under the title.
	var names []string
	for _, p := range ch.Panels {
		for i, s := range p.Series {
			if i >= len(names) {
				names = append(names, s.Name)
			}
		}
	}
	drawLegend(c, names, float64(width)/2, 52)

	xlo, xhi := 0.0, 1.0
	if len(ch.X) > 0 {
		xlo, xhi = ch.X[0], ch.X[len(ch.X)-1]
		if xhi <= xlo {
			xhi = xlo + 1
		}
	}
	xa := newAxis(xlo, xhi, 10)
	left, right := float64(marginLeft), float64(width-marginRight)
	ph := (float64(height-marginTop-marginBottom) - float64((np-1)*panelGap)) / float64(np)
	xpix := func(v float64) float64 { return left + (v-xa.Min)/(xa.Max-xa.Min)*(right-left) }

	for pi, p := range ch.Panels {
		top := float64(marginTop) + float64(pi)*(ph+panelGap)
		bottom := top + ph
		hi := 0.0
		for _, s := range p.Series {
			for _, v := range s.Y {
				if v > hi && !math.IsInf(v, 0) {
					hi = v
				}
			}
		}
		ya := newAxis(0, hi, 5)
		ypix := func(v float64) float64 { return bottom - (v-ya.Min)/(ya.Max-ya.Min)*(bottom-top) }

		c.rect(left, top, right, bottom, colBackground, "plot-area",
			"panel", p.YLabel, "xmin", num(xa.Min), "xmax", num(xa.Max), "ymin", num(ya.Min), "ymax", num(ya.Max))
		for _, v := range ya.ticks() {
			y := ypix(v)
			c.rect(left, y-0.5, right, y+0.5, colGrid, "grid")
			c.text(left-8, y+4.5, ya.label(v, ""), textSize, anchorEnd, colText)
		}
		for _, v := range xa.ticks() {
			x := xpix(v)
			c.rect(x-0.5, top, x+0.5, bottom, colGrid, "grid")
			if pi == len(ch.Panels)-1 {
				c.text(x, bottom+18, xa.label(v, ""), textSize, anchorMiddle, colText)
			}
		}
		c.rect(left-0.5, top, left+0.5, bottom, colAxis, "axis")
		c.rect(left, bottom-0.5, right, bottom+0.5, colAxis, "axis")
		c.text(left, top-8, p.YLabel, textSize, anchorStart, colText)

		for si, s := range p.Series {
			pts := make([]float64, 0, 2*len(s.Y))
			for i, v := range s.Y {
				if i < len(ch.X) {
					pts = append(pts, xpix(ch.X[i]), ypix(v))
				}
			}
			if len(pts) == 2 { // one point: a dot
				pts = append(pts, pts[0], pts[1])
			}
			c.polyline(pts, 2, Colour(si), "series", "panel", p.YLabel, "series", s.Name)
		}
	}
	c.text((left+right)/2, float64(height)-14, ch.XLabel, textSize, anchorMiddle, colText)
	return c.finish(w)
}

// drawLegend draws a swatch and a name per entry, the row centred on cx.
func drawLegend(c canvas, names []string, cx, y float64) {
	const swatch, gap, space = 22.0, 6.0, 22.0
	total := 0.0
	for i, n := range names {
		if i > 0 {
			total += space
		}
		total += swatch + gap + textWidth(n, textSize)
	}
	x := cx - total/2
	for i, n := range names {
		c.polyline([]float64{x, y - 4, x + swatch, y - 4}, 3, Colour(i), "legend", "series", n)
		c.text(x+swatch+gap, y, n, textSize, anchorStart, colText)
		x += swatch + gap + textWidth(n, textSize) + space
	}
}

// BarChart is horizontal bars, each cut into parts drawn end to end (the
// bytes of a conversation each way), largest first as given.
type BarChart struct {
	Title  string
	Unit   string   // the unit of the values, after the SI prefix ("B")
	Parts  []string // the name of each part, for the legend
	Bars   []Bar
	XLabel string
	// Width is the picture's width in pixels (0: 960); its height follows
	// from the number of bars.
	Width int
}

// Bar is one bar: its label and the value of each part.
type Bar struct {
	Label  string
	Values []float64
}

// Draw writes the chart in format f.
func (ch *BarChart) Draw(w io.Writer, f Format) error {
	width := ch.Width
	if width == 0 {
		width = 960
	}
	const rowH, barH = 28.0, 18.0
	height := marginTop + marginBottom + int(rowH*float64(max(1, len(ch.Bars))))
	c := newCanvas(f, width, height)
	c.rect(0, 0, float64(width), float64(height), colBackground, "background")
	c.text(float64(width)/2, 26, ch.Title, titleSize, anchorMiddle, colText)
	drawLegend(c, ch.Parts, float64(width)/2, 52)

	labelW := 0.0
	hi := 0.0
	for _, b := range ch.Bars {
		labelW = math.Max(labelW, textWidth(b.Label, textSize))
		sum := 0.0
		for _, v := range b.Values {
			sum += v
		}
		hi = math.Max(hi, sum)
	}
	labelW = math.Min(labelW, float64(width)*0.45)
	left := math.Max(float64(marginLeft), labelW+16)
	right := float64(width - marginRight - 64) // room for the total after the bar
	top := float64(marginTop)
	bottom := top + rowH*float64(max(1, len(ch.Bars)))
	xa := newAxis(0, hi, 8)
	xpix := func(v float64) float64 { return left + v/xa.Max*(right-left) }

	c.rect(left, top, right, bottom, colBackground, "plot-area", "xmin", "0", "xmax", num(xa.Max))
	for _, v := range xa.ticks() {
		x := xpix(v)
		c.rect(x-0.5, top, x+0.5, bottom, colGrid, "grid")
		c.text(x, bottom+18, xa.label(v, ch.Unit), textSize, anchorMiddle, colText)
	}
	for i, b := range ch.Bars {
		y := top + rowH*float64(i) + (rowH-barH)/2
		label := b.Label
		for textWidth(label, textSize) > labelW && len(label) > 4 {
			label = label[:len(label)-4] + "…"
		}
		c.text(left-8, y+barH/2+4.5, label, textSize, anchorEnd, colText)
		x := left
		sum := 0.0
		for pi, v := range b.Values {
			x1 := xpix(sum + v)
			if v > 0 {
				c.rect(x, y, x1, y+barH, Colour(pi), "bar", "bar", b.Label, "part", partName(ch.Parts, pi), "value", num(v))
			}
			sum += v
			x = x1
		}
		c.text(x+6, y+barH/2+4.5, siValue(sum)+ch.Unit, textSize, anchorStart, colText)
	}
	c.rect(left-0.5, top, left+0.5, bottom, colAxis, "axis")
	c.text((left+right)/2, float64(height)-14, ch.XLabel, textSize, anchorMiddle, colText)
	return c.finish(w)
}

func partName(parts []string, i int) string {
	if i < len(parts) {
		return parts[i]
	}
	return strconv.Itoa(i)
}

// siValue returns v with an SI prefix and three significant digits.
func siValue(v float64) string {
	prefixes := []string{" ", " k", " M", " G", " T", " P"} // the unit follows
	i := 0
	for math.Abs(v) >= 999.5 && i < len(prefixes)-1 {
		v /= 1000
		i++
	}
	return strconv.FormatFloat(v, 'g', 3, 64) + prefixes[i]
}
