package main

import (
	"errors"
	"fmt"
	"net"
	"net/netip"

	"golang.org/x/net/bpf"

	"github.com/rawcap/rawcap/filter"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// This file connects the filter package to the commands that take a filter
// expression: read (and -r), convert, and live capture.

// filterOptions are the compile options the commands share: names are
// resolved by the system's resolver, as tcpdump does without -n for hosts.
func filterOptions(live bool, snap uint32) filter.Options {
	return filter.Options{
		Live:    live,
		SnapLen: snap,
		Resolve: resolveHost,
		// tcpdump reading a file knows no netmask and passes 0.0.0.0.
		Netmask: netip.IPv4Unspecified(),
	}
}

func resolveHost(name string) ([]netip.Addr, error) {
	ips, err := net.LookupIP(name)
	if err != nil {
		return nil, err
	}
	addrs := make([]netip.Addr, 0, len(ips))
	for _, ip := range ips {
		if a, ok := netip.AddrFromSlice(ip); ok {
			addrs = append(addrs, a.Unmap())
		}
	}
	return addrs, nil
}

// fileMatcher compiles expr for packets of link type lt read from a file.
func fileMatcher(expr string, lt linktype.Type) (func(data []byte, wirelen int) bool, error) {
	prog, err := filter.Compile(expr, lt, filterOptions(false, 0))
	if err != nil {
		return nil, filterError(expr, err)
	}
	return prog.Match, nil
}

// filterPredicate returns a keep-predicate for convert that compiles expr
// once per link type met in the input, and a function that reports the
// first link type expr could not be compiled for (its packets are not
// kept, and the command must fail rather than lose them silently). A syntax
// error is the same for every link type, so it is returned at once, with
// its column.
func filterPredicate(expr string) (keep func(*pcapio.Packet) bool, failed func() error, err error) {
	if _, err := filter.Compile(expr, linktype.Ethernet, filterOptions(false, 0)); err != nil {
		var se *filter.SyntaxError
		if errors.As(err, &se) {
			return nil, nil, filterError(expr, err)
		}
	}
	progs := map[linktype.Type]*filter.Program{}
	var first error
	keep = func(p *pcapio.Packet) bool {
		prog, ok := progs[p.LinkType]
		if !ok {
			var err error
			if prog, err = filter.Compile(expr, p.LinkType, filterOptions(false, 0)); err != nil && first == nil {
				first = fmt.Errorf("filter %q for link type %v: %w", expr, p.LinkType, err)
			}
			progs[p.LinkType] = prog
		}
		return prog != nil && prog.Match(p.Data, p.Length)
	}
	return keep, func() error { return first }, nil
}

// compileLiveFilter compiles expr for the kernel: VLAN tags and cooked
// headers come from socket metadata there.
func compileLiveFilter(expr string, lt linktype.Type, snap uint32) ([]bpf.RawInstruction, error) {
	prog, err := filter.Compile(expr, lt, filterOptions(true, snap))
	if err != nil {
		return nil, filterError(expr, err)
	}
	return prog.Instructions(), nil
}
