package main

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/rawcap/rawcap/decode"
)

// tsharkFieldArgs rewrites tshark's field options for urfave/cli. With
// `-T fields` or `-T ek` on the line, `-e NAME` names a field (tshark's -e)
// rather than tcpdump's link-header flag, and `-E OPT=V` sets a field
// option: they become --field NAME and --field-opt OPT=V. Without -T the
// line is left alone, so `rawcap read -e f.pcap` keeps tcpdump's meaning.
func tsharkFieldArgs(args []string) []string {
	fields := false
	for i, a := range args {
		if a == "--" {
			break
		}
		v, ok := strings.CutPrefix(a, "-T")
		if !ok || strings.HasPrefix(a, "--") {
			continue
		}
		if v == "" && i+1 < len(args) {
			v = args[i+1]
		}
		v = strings.TrimPrefix(v, "=")
		if v == "fields" || v == "ek" {
			fields = true
		}
	}
	if !fields {
		return args
	}
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			out = append(out, args[i:]...)
			break
		}
		switch {
		case (a == "-e" || a == "-E") && i+1 < len(args):
			out = append(out, fieldOptName(a), args[i+1])
			i++
		case len(a) > 2 && (strings.HasPrefix(a, "-e") || strings.HasPrefix(a, "-E")) && !strings.HasPrefix(a, "--"):
			out = append(out, fieldOptName(a[:2]), a[2:])
		default:
			out = append(out, a)
		}
	}
	return out
}

func fieldOptName(flag string) string {
	if flag == "-e" {
		return "--field"
	}
	return "--field-opt"
}

// fieldFlags are read's flags for tshark's -T, -e and -E.
func fieldFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "T", Usage: "print as tshark -T `FORMAT`: fields (with -e NAME), ek (Elasticsearch bulk) or json (as --json)"},
		&cli.StringSliceFlag{Name: "field", Usage: "with -T fields or ek: print field `NAME` (tshark's -e; rawcap fields lists them)"},
		&cli.StringSliceFlag{Name: "field-opt", Usage: "with -T fields: tshark's -E `OPT=V`: header=y|n, separator=/t|/s|C, occurrence=f|l|a, aggregator=/s|C, quote=d|s|n"},
	}
}

// fieldsPrinterFrom makes the -T fields printer of names with tshark's -E
// options.
func fieldsPrinterFrom(names, opts []string) (*decode.FieldsPrinter, error) {
	if len(names) == 0 {
		return nil, usagef("read: -T fields needs at least one -e NAME (rawcap fields lists them)")
	}
	p, err := decode.NewFieldsPrinter(names)
	if err != nil {
		return nil, usagef("read: %v", err)
	}
	// -T fields is the one output of its Decoder (a display filter keeps
	// the tracker going for itself): fields the tracker does not compute
	// need no tracker.
	p.SkipTracker = true
	p.Titles = true // -e ip prints IP's title, as tshark's -T fields
	for _, o := range opts {
		k, v, ok := strings.Cut(o, "=")
		if !ok {
			return nil, usagef("read: -E %s: want OPT=VALUE", o)
		}
		switch k {
		case "header":
			switch v {
			case "y":
				p.Header = true
			case "n":
				p.Header = false
			default:
				return nil, usagef("read: -E header=%s: want y or n", v)
			}
		case "separator":
			p.Separator = fieldSep(v)
		case "aggregator":
			p.Aggregator = fieldSep(v)
		case "occurrence":
			if v != "f" && v != "l" && v != "a" {
				return nil, usagef("read: -E occurrence=%s: want f, l or a", v)
			}
			p.Occurrence = v[0]
		case "quote":
			if v != "d" && v != "s" && v != "n" {
				return nil, usagef("read: -E quote=%s: want d, s or n", v)
			}
			p.Quote = v[0]
		default:
			return nil, usagef("read: -E %s: unknown option (header, separator, occurrence, aggregator, quote)", k)
		}
	}
	return p, nil
}

// fieldSep reads tshark's separator spelling: /t a tab, /s a space, else
// the characters themselves.
func fieldSep(v string) string {
	switch v {
	case "/t":
		return "\t"
	case "/s":
		return " "
	}
	return v
}

// fieldsCommand is `rawcap fields`: the fields rawcap decodes, as tshark -G
// fields lists them.
func fieldsCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "fields",
		Usage:     "list the protocols and fields rawcap decodes (tshark -G fields)",
		ArgsUsage: "[PROTOCOL...]",
		Description: `Fields lists every field rawcap decodes, by protocol: its name (what -T fields -e
and display filters take), its type and its label, as Wireshark names them. With
PROTOCOL arguments only those protocols are listed. --tsv prints tshark -G fields'
tab-separated form: P lines for protocols, F lines for fields.`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "tsv", Usage: "print tshark -G fields' tab-separated lines"},
		},
		Action: func(c *cli.Context) error {
			want := map[string]bool{}
			for _, a := range c.Args().Slice() {
				if decode.LookupField(a) == nil {
					return usagef("fields: %q is not a protocol rawcap decodes", a)
				}
				want[a] = true
			}
			w := bufio.NewWriter(e.stdout)
			for _, p := range decode.Protocols() {
				if len(want) > 0 && !want[p.Protocol.Name] {
					continue
				}
				if c.Bool("tsv") {
					fmt.Fprintf(w, "P\t%s\t%s\n", p.Protocol.Label, p.Protocol.Name)
				} else {
					fmt.Fprintf(w, "%s: %s\n", p.Protocol.Name, p.Protocol.Label)
				}
				for i := range p.Fields {
					f := &p.Fields[i]
					if c.Bool("tsv") {
						fmt.Fprintf(w, "F\t%s\t%s\t%s\t%s\t%s\t0x%x\t\n", f.Label, f.Name, f.Type(), p.Protocol.Name, fieldBase(f), f.Mask)
					} else {
						fmt.Fprintf(w, "    %-44s %-17s %s\n", f.Name, f.Type(), f.Label)
					}
				}
			}
			return w.Flush()
		},
	}
}

// fieldBase returns the base column of tshark -G fields for f.
func fieldBase(f *decode.Field) string {
	switch f.Kind {
	case decode.KindUint, decode.KindInt:
		return f.Base.String()
	case decode.KindBool:
		if f.Width != 0 {
			return fmt.Sprint(f.Width)
		}
		return "0"
	}
	return ""
}
