package plot

import (
	"errors"
	"fmt"
	"image/color"
	"io"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Format is an output format of a chart.
type Format int

// The formats.
const (
	SVG Format = iota + 1
	PNG
)

// ErrFormat is returned by FormatOf for a file name that ends neither in
// .svg nor in .png.
var ErrFormat = errors.New("a plot is written as .svg or .png")

// FormatOf returns the format a file name asks for by its extension.
func FormatOf(name string) (Format, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".svg":
		return SVG, nil
	case ".png":
		return PNG, nil
	}
	return 0, fmt.Errorf("%q: %w", name, ErrFormat)
}

// anchor is where a text's position is: its start, middle or end.
type anchor int

const (
	anchorStart anchor = iota
	anchorMiddle
	anchorEnd
)

// canvas is what a back end draws: rectangles, polylines and text, in
// pixels from the top left corner. Elements carry a class and data
// attributes that the SVG back end keeps.
type canvas interface {
	rect(x0, y0, x1, y1 float64, c color.RGBA, class string, data ...string)
	polyline(pts []float64, width float64, c color.RGBA, class string, data ...string)
	text(x, y float64, s string, size float64, a anchor, c color.RGBA)
	finish(w io.Writer) error
}

// Text sizes, in pixels.
const (
	textSize  = 13
	titleSize = 16
)

// faces holds the Go Regular face at each size used; measuring text with
// the same metrics in both back ends keeps their layouts alike.
var faces = struct {
	sync.Mutex
	font *opentype.Font
	m    map[float64]font.Face
}{m: map[float64]font.Face{}}

func face(size float64) font.Face {
	faces.Lock()
	defer faces.Unlock()
	if f, ok := faces.m[size]; ok {
		return f
	}
	if faces.font == nil {
		f, err := opentype.Parse(goregular.TTF)
		if err != nil {
			panic("plot: the Go Regular font does not parse: " + err.Error())
		}
		faces.font = f
	}
	f, err := opentype.NewFace(faces.font, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		panic("plot: " + err.Error())
	}
	faces.m[size] = f
	return f
}

// textWidth returns the width of s in pixels at size.
func textWidth(s string, size float64) float64 {
	return fixedFloat(font.MeasureString(face(size), s))
}

func fixedFloat(v fixed.Int26_6) float64 { return float64(v) / 64 }

// The colours of the charts: series and bar parts take the palette in
// turn (Wireshark's graph colours first).
var (
	colBackground = color.RGBA{255, 255, 255, 255}
	colText       = color.RGBA{32, 32, 32, 255}
	colAxis       = color.RGBA{96, 96, 96, 255}
	colGrid       = color.RGBA{225, 225, 225, 255}
	palette       = []color.RGBA{
		{0x1f, 0x5f, 0xbf, 255}, // blue
		{0xd6, 0x27, 0x28, 255}, // red
		{0x2c, 0xa0, 0x2c, 255}, // green
		{0xff, 0x7f, 0x0e, 255}, // orange
		{0x94, 0x67, 0xbd, 255}, // purple
		{0x8c, 0x56, 0x4b, 255}, // brown
		{0xe3, 0x77, 0xc2, 255}, // pink
		{0x17, 0xbe, 0xcf, 255}, // cyan
	}
)

// Colour returns the colour of series or bar part i.
func Colour(i int) color.RGBA { return palette[i%len(palette)] }

func newCanvas(f Format, width, height int) canvas {
	if f == PNG {
		return newPNG(width, height)
	}
	return newSVG(width, height)
}
