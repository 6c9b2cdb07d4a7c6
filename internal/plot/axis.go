package plot

import (
	"math"
	"strconv"
)

// niceStep returns a step of 1, 2 or 5 times a power of ten that cuts
// span into at most n parts.
func niceStep(span float64, n int) float64 {
	if !(span > 0) || math.IsInf(span, 0) {
		return 1
	}
	raw := span / float64(n)
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5} {
		if m*p >= raw*(1-1e-12) {
			return m * p
		}
	}
	return 10 * p
}

// axis is a value axis from 0 (or Min) to Max with ticks every Step, its
// labels scaled by an SI prefix chosen for Max.
type axis struct {
	Min, Max, Step float64
	scale          float64 // 1, 1e3, 1e6…
	prefix         string  // "", "k", "M"…
	decimals       int
}

// newAxis returns an axis from lo to at least hi with about n ticks.
func newAxis(lo, hi float64, n int) axis {
	if !(hi > lo) {
		hi = lo + 1
	}
	a := axis{Min: lo, Step: niceStep(hi-lo, n)}
	a.Min = math.Floor(lo/a.Step) * a.Step
	a.Max = math.Ceil(hi/a.Step-1e-9) * a.Step
	a.scale, a.prefix = 1, ""
	for _, p := range []string{"k", "M", "G", "T", "P"} {
		if math.Max(math.Abs(a.Max), math.Abs(a.Min)) < a.scale*1000 {
			break
		}
		a.scale *= 1000
		a.prefix = p
	}
	if s := a.Step / a.scale; s < 1 {
		a.decimals = int(math.Ceil(-math.Log10(s) - 1e-9))
	}
	return a
}

// ticks returns the tick values from Min to Max.
func (a axis) ticks() []float64 {
	var out []float64
	n := int(math.Round((a.Max - a.Min) / a.Step))
	for i := 0; i <= n; i++ {
		out = append(out, a.Min+float64(i)*a.Step)
	}
	return out
}

// label returns v as the axis shows it, with unit after the prefix ("0",
// "2.5 k", "40 MB", "500 B").
func (a axis) label(v float64, unit string) string {
	if v == 0 {
		return "0"
	}
	s := strconv.FormatFloat(v/a.scale, 'f', a.decimals, 64)
	switch {
	case unit != "":
		s += " " + a.prefix + unit
	case a.prefix != "":
		s += " " + a.prefix
	}
	return s
}
