package main

import (
	"errors"
	"strings"
)

// tcpdumpOnly says, for tcpdump's flags that rawcap does not take, what to
// do instead: a tcpdump user's hands type them, and "flag provided but not
// defined" alone does not say where the feature went.
var tcpdumpOnly = map[string]string{
	"d":   "print a filter's BPF program with rawcap filter EXPRESSION (-dd, -ddd and -y as tcpdump's)",
	"dd":  "print a filter's BPF program with rawcap filter -dd EXPRESSION",
	"ddd": "print a filter's BPF program with rawcap filter -ddd EXPRESSION",
	"y":   "rawcap captures with the interface's own link type; rawcap filter -y LINKTYPE compiles for another",
	"L":   "rawcap captures with the interface's own link type (rawcap -D lists the interfaces)",
	"I": "rawcap does not switch an interface into monitor mode: do it first (iw dev wlan0 set type monitor; " +
		"ip link set wlan0 up) and capture on it with -i; rawcap records its radiotap headers (link type 127)",
	"O": "the optimiser cannot be turned off for a capture; rawcap filter -O prints the unoptimised program",
	"K": "rawcap's one-liners check checksums only with -v, as tcpdump's do; leave -v out to skip them",
	"N": "rawcap resolves no names, so host names are never printed (as tcpdump -n)",
	"f": "rawcap resolves no names, so addresses are always printed as numbers",
	"j": "rawcap takes the kernel's software time stamps and offers no other time-stamp type",
	"J": "rawcap takes the kernel's software time stamps and offers no other time-stamp type",
}

// tcpdumpFlagHint adds the hint for a tcpdump flag rawcap does not take to
// urfave/cli's "flag provided but not defined" error; other errors pass.
func tcpdumpFlagHint(err error) error {
	const undefined = "flag provided but not defined: -"
	var ee exitError
	if err == nil || errors.As(err, &ee) || !strings.HasPrefix(err.Error(), undefined) {
		return err // an exitError may carry no message: its command has said it
	}
	if name := strings.TrimPrefix(err.Error(), undefined); tcpdumpOnly[name] != "" {
		return usagef("-%s is tcpdump's, not a rawcap flag: %s", name, tcpdumpOnly[name])
	}
	return err
}
