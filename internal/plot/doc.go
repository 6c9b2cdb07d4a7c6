// Package plot draws the charts of rawcap stats --plot: a line chart of
// one or more panels sharing a time axis (the I/O graph: packets/s and
// bits/s, one line per series) and a horizontal bar chart (the top
// conversations by bytes). A chart is laid out once and drawn by one of
// two back ends: SVG, written as text, and PNG, rasterised with the
// standard library's image packages, golang.org/x/image/vector for
// anti-aliased lines and the Go fonts for text. Everything is pure Go.
//
// The elements of the SVG carry classes and data attributes (the plot
// area's value range, each series' name) so that programs and tests can
// read the chart back.
package plot
