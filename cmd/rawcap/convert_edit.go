package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rawcap/rawcap/pcapio"
	"github.com/urfave/cli/v2"
)

// The editcap-style options of convert: packet selection by number, time
// shift, strict time order and packet comments.

func convertEditFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "packets", Usage: "keep only packets `RANGES` (1-100,250,400-), counted from 1 in IN"},
		&cli.BoolFlag{Name: "exclude", Usage: "drop the --packets ranges instead of keeping them (editcap's default)"},
		&cli.StringFlag{Name: "time-shift", Usage: "add `SECONDS` (±, to the nanosecond) to every packet's time (editcap -t)"},
		&cli.StringFlag{Name: "strict-order", Usage: "move a packet earlier than the one before to that time plus `SECONDS`; negative: space every packet |SECONDS| after the one before (editcap -S)"},
		&cli.GenericFlag{Name: "comment", Value: &multiValue{}, Usage: "add a comment to packet N (pcapng), as `N:TEXT`; repeatable, the last for a packet wins (editcap -a)"},
	}
}

// multiValue collects every value of a repeated flag, commas and all.
type multiValue struct{ v []string }

func (m *multiValue) Set(s string) error { m.v = append(m.v, s); return nil }
func (m *multiValue) String() string     { return strings.Join(m.v, " ") }

// editOptionsFrom reads the editcap-style flags into o.
func editOptionsFrom(c *cli.Context, o *convertOptions) error {
	if s := c.String("packets"); s != "" {
		rs, err := parseRanges(s)
		if err != nil {
			return usagef("convert: --packets: %v", err)
		}
		// First in the chain, so that it sees every packet and counts them.
		o.keep = append([]func(*pcapio.Packet) bool{rs.predicate(c.Bool("exclude"))}, o.keep...)
	} else if c.Bool("exclude") {
		return usagef("convert: --exclude needs --packets RANGES")
	}
	ed := &packetEditor{}
	if s := c.String("time-shift"); s != "" {
		d, _, err := parseSeconds(s)
		if err != nil {
			return usagef("convert: --time-shift: %v", err)
		}
		ed.shift, ed.active = d, true
	}
	if s := c.String("strict-order"); s != "" {
		d, neg, err := parseSeconds(s)
		if err != nil {
			return usagef("convert: --strict-order: %v", err)
		}
		ed.strict, ed.adjust, ed.spacing, ed.active = true, d, neg, true
		if neg {
			ed.adjust = -d
		}
	}
	if mv, ok := c.Generic("comment").(*multiValue); ok && len(mv.v) > 0 {
		ed.comments = map[int]string{}
		for _, s := range mv.v {
			num, text, ok := strings.Cut(s, ":")
			n, err := strconv.Atoi(num)
			if !ok || err != nil || n < 1 {
				return usagef("convert: --comment %q: want N:TEXT with N a packet number from 1", s)
			}
			if len(text) > 0xffff-8 {
				return usagef("convert: --comment for packet %d: %d bytes are more than a pcapng option holds", n, len(text))
			}
			ed.comments[n] = text // the last one for a packet wins, as with editcap -a
		}
		if o.format == pcapio.FormatPcap {
			return usagef("convert: --comment needs pcapng output: pcap has no place for comments (name OUT .pcapng)")
		}
		o.format = pcapio.FormatPcapNG
		ed.active = true
	}
	if ed.active {
		o.edit = ed.edit
	}
	return nil
}

// packetRange is packets lo to hi, counted from 1; hi 0 is open-ended.
type packetRange struct{ lo, hi int }

type packetRanges []packetRange

// parseRanges reads "1-100,250,400-": numbers from 1, ranges lo-hi with
// lo <= hi, and an open end "N-".
func parseRanges(s string) (packetRanges, error) {
	var rs packetRanges
	col := 1
	for _, part := range strings.Split(s, ",") {
		bad := func(what string) error {
			return fmt.Errorf("%q at column %d: %s", part, col, what)
		}
		lo, hi, isRange := strings.Cut(strings.TrimSpace(part), "-")
		l, err := strconv.Atoi(lo)
		if err != nil || l < 1 || lo[0] == '+' {
			return nil, bad("want a packet number from 1, or a range such as 1-100 or 400-")
		}
		r := packetRange{l, l}
		if isRange {
			r.hi = 0
			if hi != "" {
				h, err := strconv.Atoi(hi)
				if err != nil || hi[0] == '+' || hi[0] == '-' {
					return nil, bad("the end of the range is not a packet number")
				}
				if h < l {
					return nil, bad("the range ends before it starts")
				}
				r.hi = h
			}
		}
		rs = append(rs, r)
		col += len(part) + 1
	}
	slices.SortFunc(rs, func(a, b packetRange) int { return a.lo - b.lo })
	merged := rs[:0]
	for _, r := range rs {
		if k := len(merged) - 1; k >= 0 && (merged[k].hi == 0 || r.lo <= merged[k].hi+1) {
			if merged[k].hi != 0 && (r.hi == 0 || r.hi > merged[k].hi) {
				merged[k].hi = r.hi
			}
			continue
		}
		merged = append(merged, r)
	}
	return merged, nil
}

// contains reports whether packet n is in a range.
func (rs packetRanges) contains(n int) bool {
	i, _ := slices.BinarySearchFunc(rs, n+1, func(r packetRange, t int) int { return r.lo - t })
	return i > 0 && (rs[i-1].hi == 0 || rs[i-1].hi >= n)
}

// predicate counts the packets it is shown (it must see every packet read)
// and keeps those in the ranges, or those outside them when exclude.
func (rs packetRanges) predicate(exclude bool) func(*pcapio.Packet) bool {
	n := 0
	return func(*pcapio.Packet) bool {
		n++
		return rs.contains(n) != exclude
	}
}

// parseSeconds reads a signed decimal number of seconds exactly, to the
// nanosecond; neg reports a leading minus, even on zero ("-0").
func parseSeconds(s string) (d time.Duration, neg bool, err error) {
	t := s
	if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "+") {
		neg, t = t[0] == '-', t[1:]
	}
	whole, frac, hasFrac := strings.Cut(t, ".")
	if (whole == "" && frac == "") || len(frac) > 9 || hasFrac && frac == "" {
		return 0, false, fmt.Errorf("%q: want seconds such as 3600, -1.5 or 0.000001 (at most 9 decimals)", s)
	}
	var sec, ns int64
	if whole != "" {
		if sec, err = strconv.ParseInt(whole, 10, 64); err != nil || whole[0] == '+' || whole[0] == '-' || sec > 1<<33 {
			return 0, false, fmt.Errorf("%q: want seconds such as 3600, -1.5 or 0.000001", s)
		}
	}
	if frac != "" {
		if ns, err = strconv.ParseInt(frac+strings.Repeat("0", 9-len(frac)), 10, 64); err != nil || frac[0] == '+' || frac[0] == '-' {
			return 0, false, fmt.Errorf("%q: bad fraction of a second", s)
		}
	}
	d = time.Duration(sec)*time.Second + time.Duration(ns)
	if neg {
		d = -d
	}
	return d, neg, nil
}

// packetEditor changes the packets convert writes.
type packetEditor struct {
	active   bool
	shift    time.Duration
	strict   bool
	adjust   time.Duration // --strict-order's |SECONDS|
	spacing  bool          // negative --strict-order: every packet adjust after the one before
	prev     time.Time
	started  bool
	comments map[int]string
	opts     []byte // the edited packet's options
}

// edit changes p, packet n of the input, and reports whether it changed it.
// It does not allocate.
func (e *packetEditor) edit(n int, p *pcapio.Packet) bool {
	changed := false
	if p.HasTime {
		if e.shift != 0 {
			p.Time = p.Time.Add(e.shift)
			changed = true
		}
		if e.strict {
			if e.started {
				switch {
				case e.spacing:
					p.Time, changed = e.prev.Add(e.adjust), true
				case p.Time.Before(e.prev):
					p.Time, changed = e.prev.Add(e.adjust), true
				}
			}
			e.prev, e.started = p.Time, true
		}
	}
	if text, ok := e.comments[n]; ok {
		// After the packet's own options, as editcap -a adds it.
		raw, big := p.Options.Raw()
		o := append(e.opts[:0], raw[:optionsEnd(raw, big)]...)
		o = appendOption(o, big, pcapio.OptComment, text)
		o = append(o, 0, 0, 0, 0)
		e.opts = o
		p.Options = pcapio.MakeOptions(o, big)
		changed = true
	}
	return changed
}

// optionsEnd returns the length of the whole options before the
// end-of-options marker in raw.
func optionsEnd(raw []byte, big bool) int {
	off := 0
	for len(raw)-off >= 4 {
		code, l := int(raw[off])|int(raw[off+1])<<8, int(raw[off+2])|int(raw[off+3])<<8
		if big {
			code, l = int(raw[off])<<8|int(raw[off+1]), int(raw[off+2])<<8|int(raw[off+3])
		}
		n := 4 + (l+3)&^3
		if code == 0 || n > len(raw)-off {
			break
		}
		off += n
	}
	return off
}

// appendOption appends one pcapng option in byte order big.
func appendOption(b []byte, big bool, code uint16, val string) []byte {
	if big {
		b = append(b, byte(code>>8), byte(code), byte(len(val)>>8), byte(len(val)))
	} else {
		b = append(b, byte(code), byte(code>>8), byte(len(val)), byte(len(val)>>8))
	}
	b = append(b, val...)
	for i := len(val); i%4 != 0; i++ {
		b = append(b, 0)
	}
	return b
}
