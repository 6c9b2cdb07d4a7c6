package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// flagArity maps every name of flags (without dashes) to whether it takes a
// value: boolean flags do not, every other kind does.
func flagArity(flags []cli.Flag) map[string]bool {
	takesValue := map[string]bool{}
	for _, f := range flags {
		_, isBool := f.(*cli.BoolFlag)
		for _, n := range f.Names() {
			takesValue[n] = !isBool
		}
	}
	return takesValue
}

// expandShort rewrites one-letter options as tcpdump's getopt reads them
// into one option per argument, the form urfave/cli parses: letters combine
// ("-nnvvXX" is -n -n -v -v -X -X, so counts add up), and a letter that takes
// a value takes the rest of its argument ("-c5", "-w-", "-ieth0") or else the
// next argument ("-nnc 5"). An argument that names a flag whole ("-json",
// "-c=5", "--after") stays as it is, and so does one whose first letter is
// no option ("-1" in a filter such as "len > -1"); an unknown letter after a
// known one ("-nk") becomes "-k", which the parser then reports. Expansion
// stops at "--".
func expandShort(args []string, takesValue map[string]bool) []string {
	var out []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(out, args[i:]...)
		}
		if len(a) < 2 || a[0] != '-' {
			out = append(out, a)
			continue
		}
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if _, whole := takesValue[name]; whole {
			out = append(out, a)
			if takesValue[name] && !strings.Contains(a, "=") && i+1 < len(args) {
				i++
				out = append(out, args[i])
			}
			continue
		}
		if a[1] == '-' {
			out = append(out, a)
			continue
		}
		if _, ok := takesValue[a[1:2]]; !ok {
			out = append(out, a)
			continue
		}
		for j := 1; j < len(a); j++ {
			letter := a[j : j+1]
			out = append(out, "-"+letter)
			if !takesValue[letter] {
				continue
			}
			if j+1 < len(a) {
				out = append(out, a[j+1:])
			} else if i+1 < len(args) {
				i++
				out = append(out, args[i])
			}
			break
		}
	}
	return out
}

// permute moves options that follow positional arguments in front of them,
// as GNU getopt does for tcpdump: `rawcap read f.pcap -F expr.txt` and
// `rawcap -r f.pcap icmp -c 5` work as they do with tcpdump. urfave/cli (Go's
// flag package) would stop at the first positional argument and take the
// rest for the filter. Combined and attached one-letter options are expanded
// first (see expandShort). Everything after "--" stays positional; "-" alone
// is an argument (standard input or output).
func permute(args []string, flags []cli.Flag) []string {
	opts, pos := splitOptions(args, flags)
	if len(opts) == 0 {
		return pos
	}
	return append(opts, pos...)
}

// sliceAliases maps the other names of repeatable flags (-i's
// --interface) to their first name.
func sliceAliases(flags []cli.Flag) map[string]string {
	m := map[string]string{}
	for _, f := range flags {
		if _, ok := f.(*cli.StringSliceFlag); ok {
			names := f.Names()
			for _, n := range names[1:] {
				m[n] = names[0]
			}
		}
	}
	return m
}

// splitOptions expands args and separates the options (with their values)
// from the positional arguments. A repeatable flag given under several of
// its names ("-i eth0 --interface eth1") is given under its first name
// each time: urfave/cli refuses two forms of one flag.
func splitOptions(args []string, flags []cli.Flag) (opts, pos []string) {
	takesValue := flagArity(flags)
	aliases := sliceAliases(flags)
	args = expandShort(args, takesValue)
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
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if first, ok := aliases[name]; ok {
			a = "-" + first
			if len(first) > 1 {
				a = "--" + first
			}
			if hasValue {
				a += "=" + value
			}
		}
		opts = append(opts, a)
		name = strings.TrimLeft(a, "-")
		if takesValue[name] && !strings.Contains(a, "=") && i+1 < len(args) {
			i++
			opts = append(opts, args[i])
		}
	}
	return opts, pos
}

// isOption reports whether a is one of the command's options: a known name
// ("-c", "--json", "--after=…"). After expandShort a one-letter option
// stands alone.
func isOption(a string, takesValue map[string]bool) bool {
	name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
	_, ok := takesValue[name]
	return ok
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

// commandAfterOptions returns the command named after options of the
// default action ("rawcap -c 5 read f.pcap"), or "". urfave/cli would run
// the command and give it none of those options.
func commandAfterOptions(app *cli.App, args []string) string {
	if len(args) < 2 || app.Command(args[1]) != nil {
		return ""
	}
	opts, pos := splitOptions(args[1:], app.Flags)
	if len(opts) > 0 && len(pos) > 0 && app.Command(pos[0]) != nil {
		return pos[0]
	}
	return ""
}
