package main

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/rawcap/rawcap/filter"
	"github.com/rawcap/rawcap/linktype"
)

func filterCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "filter",
		Usage:     "compile a capture filter to classic BPF and print it as tcpdump -d does",
		ArgsUsage: "EXPRESSION...",
		UsageText: `rawcap filter [options] EXPRESSION...

Examples:
   rawcap filter tcp port 443                 # as tcpdump -d 'tcp port 443'
   rawcap filter -dd -y LINUX_SLL2 udp        # a C array, for a cooked capture
   rawcap filter -ddd --live vlan 10          # decimal, for a live socket
   rawcap filter -F filter.txt -O             # from a file, unoptimised
   rawcap filter --display 'tcp.stream eq 7'  # check a display filter, as dftest does`,
		Description: `Filter compiles a pcap-filter(7) expression (the words of EXPRESSION joined by
spaces, or the contents of -F FILE, where '#' starts a comment) for the link
type -y (tcpdump's names: EN10MB, RAW, LINUX_SLL, LINUX_SLL2, NULL, LOOP,
IPV4, IPV6; default EN10MB) and prints the program: -d as readable code (the
default), -dd as a C array, -ddd as decimal numbers, each exactly as tcpdump
prints them. --live compiles for a Linux socket, where VLAN tags and cooked
headers come from kernel metadata. Host names are looked up as tcpdump does
(hosts file, then DNS). A syntax error exits with status 2 and points at the
column.

--display checks a display filter (Wireshark's language, rawcap read -Y) instead
and prints its syntax tree, as Wireshark's dftest does: the fields with their
types, the literals as rawcap reads them, the tests in the order they run.`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "display", Usage: "the expression is a display filter (-Y): check it and print its syntax tree"},
			&cli.StringFlag{Name: "y", Value: "EN10MB", Usage: "link type `NAME` (tcpdump's -y names) or number"},
			&cli.BoolFlag{Name: "d", Usage: "print the program as readable code (the default style)"},
			&cli.BoolFlag{Name: "dd", Usage: "print the program as a C array"},
			&cli.BoolFlag{Name: "ddd", Usage: "print the program as decimal numbers"},
			&cli.BoolFlag{Name: "O", Usage: "do not optimise the program"},
			&cli.BoolFlag{Name: "live", Usage: "compile for a live Linux socket (kernel metadata for VLAN and cooked headers)"},
			&cli.UintFlag{Name: "s", Usage: "accepted packets return `SNAPLEN`", DefaultText: "262144"},
			&cli.StringFlag{Name: "F", Usage: "read the expression from `FILE`"},
		},
		Action: func(c *cli.Context) error { return runFilter(c, e) },
	}
}

func runFilter(c *cli.Context, e *env) error {
	lt, ok := linktype.Parse(c.String("y"))
	if !ok {
		return usagef("filter: unknown link type %q (use tcpdump's names, such as EN10MB, RAW, LINUX_SLL2, or a number)", c.String("y"))
	}
	style := filter.StyleText
	switch {
	case c.Bool("ddd"):
		style = filter.StyleDecim
	case c.Bool("dd"):
		style = filter.StyleC
	}
	expr := strings.Join(c.Args().Slice(), " ")
	if c.Bool("display") {
		f, err := compileDisplay(expr)
		if err != nil {
			return err
		}
		if f == nil {
			return usagef("filter --display: give an expression")
		}
		_, err = fmt.Fprintf(e.stdout, "Filter:\n    %s\n\nSyntax tree:\n%s", expr, f.Program())
		return err
	}
	if name := c.String("F"); name != "" {
		b, err := os.ReadFile(name)
		if err != nil {
			return fmt.Errorf("filter: %w", err)
		}
		if expr != "" {
			fmt.Fprintln(e.stderr, "rawcap: filter: warning: ignoring the command-line expression, using -F's")
		}
		expr = filterFileExpr(string(b))
	}
	snap := c.Uint("s")
	if uint64(snap) > 1<<32-1 {
		return usagef("filter: -s %d is out of range", snap)
	}
	prog, err := filter.Compile(expr, lt, filter.Options{
		Live:       c.Bool("live"),
		SnapLen:    uint32(snap),
		NoOptimize: c.Bool("O"),
		Resolve: func(name string) ([]netip.Addr, error) {
			return net.DefaultResolver.LookupNetIP(c.Context, "ip", name)
		},
		// tcpdump without a usable interface netmask (and reading files)
		// passes 0.0.0.0, so `ip broadcast` compiles as there.
		Netmask: netip.IPv4Unspecified(),
	})
	if err != nil {
		return filterError(expr, err)
	}
	return filter.Disassemble(e.stdout, prog.Instructions(), style)
}

// filterFileExpr turns a -F file into an expression: '#' comments removed,
// lines joined by spaces.
func filterFileExpr(s string) string {
	var b strings.Builder
	for line := range strings.Lines(s) {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		b.WriteString(strings.TrimRight(line, "\r\n"))
		b.WriteByte(' ')
	}
	return strings.TrimSpace(b.String())
}

// filterError words a compile error for the user: a syntax error shows the
// expression with a caret under the column at fault and exits 2; any other
// error exits 1.
func filterError(expr string, err error) error {
	var se *filter.SyntaxError
	if !errors.As(err, &se) {
		return exitError{1, fmt.Errorf("filter: %w", err)}
	}
	pos := min(max(se.Pos, 0), len(expr))
	// The caret goes under the byte at pos; the expression is printed on one
	// line, so newlines from -F files become spaces there.
	line := strings.NewReplacer("\n", " ", "\t", " ", "\r", " ").Replace(expr)
	detail := strings.TrimLeft(strings.TrimPrefix(se.Msg, "syntax error"), ",: ")
	if detail != "" {
		detail = ": " + detail
	}
	msg := fmt.Sprintf("filter: syntax error at column %d%s\n  %s\n  %s^", pos+1, detail, line, strings.Repeat(" ", pos))
	return exitError{2, errors.New(msg)}
}
