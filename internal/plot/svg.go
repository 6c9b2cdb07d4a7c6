package plot

import (
	"fmt"
	"image/color"
	"io"
	"strconv"
	"strings"
)

// svgCanvas writes SVG 1.1 elements as they are drawn.
type svgCanvas struct {
	b []byte
}

func newSVG(width, height int) *svgCanvas {
	c := &svgCanvas{}
	c.b = fmt.Appendf(c.b, `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="%d" height="%d" viewBox="0 0 %d %d" font-family="Go, 'DejaVu Sans', Arial, sans-serif">
`, width, height, width, height)
	return c
}

func svgColour(c color.RGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// appendData appends data attributes given as name, value pairs.
func appendData(b []byte, class string, data []string) []byte {
	if class != "" {
		b = append(b, ` class="`...)
		b = appendEscaped(b, class)
		b = append(b, '"')
	}
	for i := 0; i+1 < len(data); i += 2 {
		b = append(b, " data-"...)
		b = append(b, data[i]...)
		b = append(b, `="`...)
		b = appendEscaped(b, data[i+1])
		b = append(b, '"')
	}
	return b
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;")

func appendEscaped(b []byte, s string) []byte { return append(b, escaper.Replace(s)...) }

func (c *svgCanvas) rect(x0, y0, x1, y1 float64, col color.RGBA, class string, data ...string) {
	c.b = fmt.Appendf(c.b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"`, num(x0), num(y0), num(x1-x0), num(y1-y0), svgColour(col))
	c.b = appendData(c.b, class, data)
	c.b = append(c.b, "/>\n"...)
}

func (c *svgCanvas) polyline(pts []float64, width float64, col color.RGBA, class string, data ...string) {
	c.b = fmt.Appendf(c.b, `<polyline fill="none" stroke="%s" stroke-width="%s" stroke-linejoin="round" stroke-linecap="round"`, svgColour(col), num(width))
	c.b = appendData(c.b, class, data)
	c.b = append(c.b, ` points="`...)
	for i := 0; i+1 < len(pts); i += 2 {
		if i > 0 {
			c.b = append(c.b, ' ')
		}
		c.b = strconv.AppendFloat(c.b, round2(pts[i]), 'f', -1, 64)
		c.b = append(c.b, ',')
		c.b = strconv.AppendFloat(c.b, round2(pts[i+1]), 'f', -1, 64)
	}
	c.b = append(c.b, "\"/>\n"...)
}

// round2 rounds a coordinate to hundredths of a pixel, which keeps the
// file small and is finer than any display.
func round2(v float64) float64 {
	return float64(int64(v*100+copySign(0.5, v))) / 100
}

func copySign(m, v float64) float64 {
	if v < 0 {
		return -m
	}
	return m
}

func (c *svgCanvas) text(x, y float64, s string, size float64, a anchor, col color.RGBA) {
	anchors := [...]string{"start", "middle", "end"}
	c.b = fmt.Appendf(c.b, `<text x="%s" y="%s" font-size="%s" text-anchor="%s" fill="%s">`, num(round2(x)), num(round2(y)), num(size), anchors[a], svgColour(col))
	c.b = appendEscaped(c.b, s)
	c.b = append(c.b, "</text>\n"...)
}

func (c *svgCanvas) finish(w io.Writer) error {
	c.b = append(c.b, "</svg>\n"...)
	_, err := w.Write(c.b)
	return err
}
