package plot

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// pngCanvas rasterises onto an RGBA image: rectangles pixel by pixel,
// lines as anti-aliased strokes, text with the Go Regular font.
type pngCanvas struct {
	img *image.RGBA
	z   *vector.Rasterizer
}

func newPNG(width, height int) *pngCanvas {
	return &pngCanvas{img: image.NewRGBA(image.Rect(0, 0, width, height)), z: vector.NewRasterizer(width, height)}
}

func (c *pngCanvas) rect(x0, y0, x1, y1 float64, col color.RGBA, _ string, _ ...string) {
	r := image.Rect(int(math.Round(x0)), int(math.Round(y0)), int(math.Round(x1)), int(math.Round(y1)))
	if r.Dx() == 0 && x1 > x0 {
		r.Max.X++ // a hairline keeps a pixel
	}
	if r.Dy() == 0 && y1 > y0 {
		r.Max.Y++
	}
	draw.Draw(c.img, r, image.NewUniform(col), image.Point{}, draw.Src)
}

// polyline strokes the line through pts as one path of quadrilaterals, one
// per segment, each as wide as width, with a square at each joint so that
// turns have no notch. The rasteriser sums their coverage, capped at full,
// so overlaps do not darken.
func (c *pngCanvas) polyline(pts []float64, width float64, col color.RGBA, _ string, _ ...string) {
	if len(pts) < 2 {
		return
	}
	b := c.img.Bounds()
	c.z.Reset(b.Dx(), b.Dy())
	h := width / 2
	square := func(x, y float64) {
		c.z.MoveTo(float32(x-h), float32(y-h))
		c.z.LineTo(float32(x+h), float32(y-h))
		c.z.LineTo(float32(x+h), float32(y+h))
		c.z.LineTo(float32(x-h), float32(y+h))
		c.z.ClosePath()
	}
	square(pts[0], pts[1])
	for i := 2; i+1 < len(pts); i += 2 {
		x0, y0, x1, y1 := pts[i-2], pts[i-1], pts[i], pts[i+1]
		dx, dy := x1-x0, y1-y0
		l := math.Hypot(dx, dy)
		if l > 0 {
			nx, ny := -dy/l*h, dx/l*h
			// The same turning sense as the squares, so that their
			// coverages add rather than cancel.
			c.z.MoveTo(float32(x0-nx), float32(y0-ny))
			c.z.LineTo(float32(x1-nx), float32(y1-ny))
			c.z.LineTo(float32(x1+nx), float32(y1+ny))
			c.z.LineTo(float32(x0+nx), float32(y0+ny))
			c.z.ClosePath()
		}
		square(x1, y1)
	}
	c.z.Draw(c.img, b, image.NewUniform(col), image.Point{})
}

func (c *pngCanvas) text(x, y float64, s string, size float64, a anchor, col color.RGBA) {
	f := face(size)
	switch a {
	case anchorMiddle:
		x -= textWidth(s, size) / 2
	case anchorEnd:
		x -= textWidth(s, size)
	}
	d := font.Drawer{Dst: c.img, Src: image.NewUniform(col), Face: f, Dot: fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: fixed.Int26_6(y * 64)}}
	d.DrawString(s)
}

func (c *pngCanvas) finish(w io.Writer) error {
	return (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(w, c.img)
}
