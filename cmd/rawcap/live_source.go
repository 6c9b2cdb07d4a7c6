package main

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/rawcap/rawcap/capture"
	"github.com/rawcap/rawcap/filter"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// liveSource is what a live capture reads: one capture.Handle, or a
// capture.Merger of several.
type liveSource interface {
	ReadPacket(p *pcapio.Packet) error
	Pending() bool
	Close() error
}

// liveIface is one interface of a live capture: what its pcapng interface
// block says, where its statistics come from, and its count.
type liveIface struct {
	name   string
	desc   string
	lt     linktype.Type
	filter string
	stats  func() (capture.Stats, error)
	// userFilter says the filter runs in user space (--ip-socket): each
	// packet of the sockets' protocols crosses into rawcap.
	userFilter bool
	n          int64 // packets captured on it: the reading goroutine's count
}

// openLive opens the capture the options ask for: a Handle for each -i
// (the filter compiled for each interface's link type), merged in time
// order when there are several. It returns the source, the interfaces in
// -i's order (Packet.Interface indexes them), and the Merger or nil.
func openLive(o *liveOptions, snap int) (liveSource, []*liveIface, *capture.Merger, error) {
	if o.ipSocket != "" {
		src, it, err := openIPSocket(o, snap)
		if err != nil {
			return nil, nil, nil, err
		}
		return src, []*liveIface{it}, nil, nil
	}
	args := o.ifaces
	if len(args) == 0 {
		args = []string{""} // tcpdump's default interface
	}
	type resolved struct {
		name string
		lt   linktype.Type
	}
	var want []resolved
	for _, arg := range args {
		name, lt, err := resolveInterface(arg)
		if err != nil {
			return nil, nil, nil, err
		}
		if slices.ContainsFunc(want, func(r resolved) bool { return r.name == name }) {
			return nil, nil, nil, usagef("-i %s is given twice: each of its packets would be captured twice", name)
		}
		want = append(want, resolved{name, lt})
	}
	if o.write != "" && o.format == pcapio.FormatPcap {
		for _, r := range want[1:] {
			if r.lt != want[0].lt {
				return nil, nil, nil, usagef("-w %s: a pcap file holds one link type, and %s is %v while %s is %v; write pcapng (a .pcapng name, or --format pcapng), which has an interface block for each",
					o.write, want[0].name, want[0].lt, r.name, r.lt)
			}
		}
	}
	var hs []capture.Source
	var ifs []*liveIface
	for _, r := range want {
		cfg := o.cfg
		cfg.Interface = r.name
		if o.filter != "" {
			prog, err := compileLiveFilter(o.filter, r.lt, uint32(snap))
			if err != nil {
				closeSources(hs)
				return nil, nil, nil, err
			}
			cfg.Filter = prog
		}
		h, err := capture.Open(cfg)
		if err != nil {
			closeSources(hs)
			if errors.Is(err, os.ErrPermission) {
				return nil, nil, nil, fmt.Errorf("%s: %w\n%s", r.name, err, "capturing needs root or CAP_NET_RAW: sudo setcap cap_net_raw,cap_net_admin+ep $(which rawcap)")
			}
			if errors.Is(err, errors.ErrUnsupported) && runtime.GOOS == "windows" {
				return nil, nil, nil, fmt.Errorf("%w\non Windows, capture through a raw IP socket: rawcap --ip-socket all -i INTERFACE", err)
			}
			return nil, nil, nil, err
		}
		hs = append(hs, h)
		ifs = append(ifs, &liveIface{name: r.name, lt: h.LinkType(), filter: o.filter, stats: h.Stats})
	}
	if len(hs) == 1 {
		return hs[0], ifs, nil, nil
	}
	m := capture.NewMerger(hs, capture.MergeOptions{Window: o.window})
	return m, ifs, m, nil
}

// openIPSocket opens the raw IP socket mode (--ip-socket): its packets are
// raw IP (LINKTYPE_RAW) and its filter, compiled for them, runs in user
// space.
func openIPSocket(o *liveOptions, snap int) (liveSource, *liveIface, error) {
	protos, err := capture.ParseIPProtocols(o.ipSocket)
	if err != nil {
		return nil, nil, usageError{err}
	}
	switch {
	case len(o.ifaces) > 1:
		return nil, nil, usagef("--ip-socket captures on one interface (-i NAME) or on all of them (no -i), not on %d", len(o.ifaces))
	case o.cfg.Fanout > 0:
		return nil, nil, usagef("--fanout spreads AF_PACKET sockets; it has no meaning with --ip-socket")
	case o.cfg.Direction != capture.InOut:
		return nil, nil, usagef("-Q chooses AF_PACKET's directions; raw IP sockets see what they see (received packets on Linux)")
	}
	cfg := capture.IPSocketConfig{Protocols: protos, SnapLen: snap}
	if len(o.ifaces) == 1 {
		cfg.Interface = o.ifaces[0]
		if n, err := strconv.Atoi(cfg.Interface); err == nil {
			name, _, err := resolveInterface(strconv.Itoa(n))
			if err != nil {
				return nil, nil, err
			}
			cfg.Interface = name
		}
	}
	if o.cfg.RingSizeMiB > 0 {
		cfg.BufferBytes = o.cfg.RingSizeMiB << 20
	}
	if o.filter != "" {
		prog, err := filter.Compile(o.filter, linktype.Raw, filterOptions(false, uint32(snap)))
		if err != nil {
			return nil, nil, filterError(o.filter, err)
		}
		cfg.Filter = prog.Run
	}
	h, err := capture.OpenIPSockets(cfg)
	if err != nil {
		if errors.Is(err, os.ErrPermission) {
			return nil, nil, fmt.Errorf("--ip-socket: %w", err)
		}
		return nil, nil, err
	}
	name := cmp.Or(cfg.Interface, "any")
	return h, &liveIface{name: name, desc: h.Description(), lt: h.LinkType(), filter: o.filter, stats: h.Stats, userFilter: true}, nil
}

func closeSources(srcs []capture.Source) {
	for _, s := range srcs {
		s.Close()
	}
}

// ifacePrefixes returns, for each interface, its name padded to the
// longest and a space: the start of its printed lines when one capture
// prints several interfaces.
func ifacePrefixes(ifs []*liveIface) []string {
	width := 0
	for _, it := range ifs {
		width = max(width, len(it.name))
	}
	out := make([]string, len(ifs))
	for i, it := range ifs {
		out[i] = it.name + strings.Repeat(" ", width-len(it.name)+1)
	}
	return out
}

// parseSize reads --max-size: a number with a unit of powers of 1000 (k,
// M, G, T) or 1024 (Ki, Mi, Gi, Ti), an optional B after it; a bare number
// counts millions of bytes, as -C does.
func parseSize(s string) (int64, error) {
	t := strings.TrimSuffix(strings.TrimSpace(s), "B")
	i := strings.IndexFunc(t, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	num, unit := t, ""
	if i >= 0 {
		num, unit = t[:i], t[i:]
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || v < 0 {
		return 0, fmt.Errorf("want a size such as 500M, 20G or 1T")
	}
	mult := map[string]float64{
		"": 1e6, "k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12,
		"Ki": 1 << 10, "Mi": 1 << 20, "Gi": 1 << 30, "Ti": 1 << 40,
	}[unit]
	if mult == 0 {
		return 0, fmt.Errorf("unknown unit %q (want k, M, G, T, or Ki, Mi, Gi, Ti)", unit)
	}
	return int64(v * mult), nil
}
