package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// permute moves options that follow positional arguments in front of them,
// as GNU getopt does for tcpdump: `rawcap read f.pcap -F expr.txt` and
// `rawcap -r f.pcap icmp -c 5` work as they do with tcpdump. urfave/cli (Go's
// flag package) would stop at the first positional argument and take the
// rest for the filter. Everything after "--" stays positional; "-" alone is
// an argument (standard input or output).
func permute(args []string, flags []cli.Flag) []string {
	takesValue := map[string]bool{}
	for _, f := range flags {
		_, isBool := f.(*cli.BoolFlag)
		for _, n := range f.Names() {
			takesValue[n] = !isBool
		}
	}
	var opts, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' || !isOption(a, takesValue) {
			pos = append(pos, a)
			continue
		}
		opts = append(opts, a)
		name := strings.TrimLeft(a, "-")
		if takesValue[name] && !strings.Contains(a, "=") && i+1 < len(args) {
			i++
			opts = append(opts, args[i])
		}
	}
	if len(opts) == 0 {
		return args
	}
	return append(opts, pos...)
}

// isOption reports whether a looks like one of the command's options: a
// known name ("-c", "--json", "--after=…") or a cluster of known one-letter
// boolean options ("-tt", "-vvv", "-nXe").
func isOption(a string, takesValue map[string]bool) bool {
	name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
	if _, ok := takesValue[name]; ok {
		return true
	}
	if strings.HasPrefix(a, "--") {
		return false
	}
	for _, c := range name {
		if v, ok := takesValue[string(c)]; !ok || v {
			return false
		}
	}
	return name != ""
}

// permuteArgs applies permute to a full command line (program name first),
// using the flags of the subcommand it names, or the default action's.
func permuteArgs(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	for _, c := range app.Commands {
		if c.HasName(args[1]) {
			return append([]string{args[0], args[1]}, permute(args[2:], c.Flags)...)
		}
	}
	return append([]string{args[0]}, permute(args[1:], app.Flags)...)
}
