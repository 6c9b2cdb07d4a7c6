package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"
)

func completionCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a shell completion script: bash, zsh or fish",
		ArgsUsage: "bash|zsh|fish",
		UsageText: `rawcap completion bash|zsh|fish

Examples:
   source <(rawcap completion bash)                       # this bash session
   rawcap completion bash > /etc/bash_completion.d/rawcap
   rawcap completion zsh > "${fpath[1]}/_rawcap"
   rawcap completion fish > ~/.config/fish/completions/rawcap.fish`,
		Description: `Completion prints a script that completes rawcap's commands and their flags,
interface names (as rawcap -D lists them) after -i, and file names after -r, -w,
-F and where a command takes files. The script is made from the same flag
tables as the help, so the two agree. make install installs it for bash, zsh
and fish.`,
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("completion: name one shell: bash, zsh or fish")
			}
			m := completionModel(c.App)
			var s string
			switch sh := c.Args().First(); sh {
			case "bash":
				s = m.bash()
			case "zsh":
				s = m.zsh()
			case "fish":
				s = m.fish()
			default:
				return usagef("completion: %q: rawcap completes bash, zsh and fish", sh)
			}
			_, err := io.WriteString(e.stdout, s)
			return err
		},
	}
}

// complFlag is one flag as the completion scripts see it.
type complFlag struct {
	names []string // without dashes
	value string   // "" (no value), "file", "iface" or "word"
	usage string
}

// complCmd is a command (or, with no name, the default action) and its flags.
type complCmd struct {
	name, usage string
	files       bool // its arguments are capture files
	flags       []complFlag
}

type complModel struct {
	prog string
	top  complCmd
	cmds []complCmd
}

// completionModel gathers commands and flags from the app, so that the
// scripts follow every change to them.
func completionModel(app *cli.App) complModel {
	m := complModel{prog: app.Name, top: complCmd{flags: complFlags(app.Flags)}}
	for _, c := range app.VisibleCommands() {
		if c.Name == "help" || c.Name == "completion" {
			m.cmds = append(m.cmds, complCmd{name: c.Name, usage: c.Usage})
			continue
		}
		files := strings.Contains(c.ArgsUsage, "FILE") || strings.HasPrefix(c.ArgsUsage, "IN ")
		m.cmds = append(m.cmds, complCmd{name: c.Name, usage: c.Usage, files: files, flags: complFlags(c.Flags)})
	}
	return m
}

func complFlags(flags []cli.Flag) []complFlag {
	var out []complFlag
	for _, f := range flags {
		if vf, ok := f.(cli.VisibleFlag); ok && !vf.IsVisible() {
			continue
		}
		cf := complFlag{names: f.Names()}
		if df, ok := f.(cli.DocGenerationFlag); ok {
			cf.usage = df.GetUsage()
			if df.TakesValue() {
				cf.value = "word"
				_, after, _ := strings.Cut(cf.usage, "`")
				placeholder, _, _ := strings.Cut(after, "`")
				switch {
				case strings.Contains(placeholder, "FILE") || strings.Contains(placeholder, "CMD"):
					cf.value = "file"
				case strings.Contains(placeholder, "IFACE"):
					cf.value = "iface"
				}
			}
		}
		cf.usage = strings.ReplaceAll(cf.usage, "`", "")
		out = append(out, cf)
	}
	return out
}

func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// spellings lists every way to type c's flags, sorted.
func (c complCmd) spellings() []string {
	var s []string
	for _, f := range c.flags {
		for _, n := range f.names {
			s = append(s, dashed(n))
		}
	}
	sort.Strings(s)
	return s
}

// valued lists the spellings of c's flags whose value is of kind v.
func (c complCmd) valued(v string) []string {
	var s []string
	for _, f := range c.flags {
		if f.value == v {
			for _, n := range f.names {
				s = append(s, dashed(n))
			}
		}
	}
	return s
}

func (m complModel) names() []string {
	var s []string
	for _, c := range m.cmds {
		s = append(s, c.name)
	}
	return s
}

// ifaceList is the shell pipeline that prints the interface names, as
// rawcap -D numbers them.
func (m complModel) ifaceList() string {
	return m.prog + ` -D 2>/dev/null | sed -n 's/^[0-9]*\.\([^ ]*\).*/\1/p'`
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// fishQuote quotes s for fish, whose single quotes escape \ and '.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'"
}

func (m complModel) bash() string {
	var b strings.Builder
	fn := "_" + m.prog + "_complete"
	fmt.Fprintf(&b, "# bash completion for %s; made by `%s completion bash`.\n", m.prog, m.prog)
	fmt.Fprintf(&b, "%s() {\n", fn)
	b.WriteString("    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd= i\n")
	fmt.Fprintf(&b, "    for ((i = 1; i < COMP_CWORD; i++)); do\n        case ${COMP_WORDS[i]} in\n            %s) cmd=${COMP_WORDS[i]}; break ;;\n        esac\n    done\n", strings.Join(m.names(), "|"))
	b.WriteString("    local opts= files=1 fileflags= ifaceflags= valueflags=\n    case $cmd in\n")
	for _, c := range append([]complCmd{m.top}, m.cmds...) {
		label := c.name
		if label == "" {
			label = `""`
		}
		files := "0"
		if c.files {
			files = "1"
		}
		fmt.Fprintf(&b, "        %s) opts=%s files=%s fileflags=%s ifaceflags=%s valueflags=%s ;;\n", label,
			shellQuote(strings.Join(c.spellings(), " ")), files,
			shellQuote(" "+strings.Join(c.valued("file"), " ")+" "), shellQuote(" "+strings.Join(c.valued("iface"), " ")+" "),
			shellQuote(" "+strings.Join(c.valued("word"), " ")+" "))
	}
	b.WriteString("    esac\n")
	fmt.Fprintf(&b, `    if [[ $ifaceflags == *" $prev "* ]]; then
        COMPREPLY=($(compgen -W "$(%s)" -- "$cur"))
        return
    fi
    if [[ $fileflags == *" $prev "* ]]; then
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
        return
    fi
    if [[ $valueflags == *" $prev "* ]]; then
        return
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi
    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W %s -- "$cur"))
    fi
    case $cmd in
        help) COMPREPLY=($(compgen -W %s -- "$cur")) ;;
        completion) COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")) ;;
    esac
    if [[ $files == 1 ]]; then
        compopt -o filenames 2>/dev/null
        COMPREPLY+=($(compgen -f -- "$cur"))
    fi
}
complete -F %s %s
`, m.ifaceList(), shellQuote(strings.Join(m.names(), " ")), shellQuote(strings.Join(m.names(), " ")), fn, m.prog)
	return b.String()
}

func (m complModel) zsh() string {
	var b strings.Builder
	fn := "_" + m.prog
	fmt.Fprintf(&b, "#compdef %s\n# zsh completion for %s; made by `%s completion zsh`.\n", m.prog, m.prog, m.prog)
	fmt.Fprintf(&b, "%s() {\n", fn)
	b.WriteString("    local cmd= i prev=${words[CURRENT-1]}\n")
	fmt.Fprintf(&b, "    for ((i = 2; i < CURRENT; i++)); do\n        case ${words[i]} in\n            %s) cmd=${words[i]}; break ;;\n        esac\n    done\n", strings.Join(m.names(), "|"))
	b.WriteString("    local -a opts fileflags ifaceflags valueflags\n    local files=1\n    case $cmd in\n")
	for _, c := range append([]complCmd{m.top}, m.cmds...) {
		label := c.name
		if label == "" {
			label = `""`
		}
		files := "0"
		if c.files {
			files = "1"
		}
		q := func(s []string) string {
			var qs []string
			for _, x := range s {
				qs = append(qs, shellQuote(x))
			}
			return "(" + strings.Join(qs, " ") + ")"
		}
		fmt.Fprintf(&b, "        %s) opts=%s; files=%s; fileflags=%s; ifaceflags=%s; valueflags=%s ;;\n", label,
			q(c.spellings()), files, q(c.valued("file")), q(c.valued("iface")), q(c.valued("word")))
	}
	b.WriteString("    esac\n")
	fmt.Fprintf(&b, `    if (( ${ifaceflags[(Ie)$prev]} )); then
        compadd -- ${(f)"$(%s)"}
        return
    fi
    if (( ${fileflags[(Ie)$prev]} )); then
        _files
        return
    fi
    (( ${valueflags[(Ie)$prev]} )) && return
    if [[ $PREFIX == -* ]]; then
        compadd -- $opts
        return
    fi
    case $cmd in
        "") compadd -- %s ;;
        help) compadd -- %s; return ;;
        completion) compadd -- bash zsh fish; return ;;
    esac
    (( files )) && _files
}
if [[ ${funcstack[1]} == %s ]]; then
    %s "$@"
else
    compdef %s %s
fi
`, m.ifaceList(), strings.Join(m.names(), " "), strings.Join(m.names(), " "), fn, fn, fn, m.prog)
	return b.String()
}

func (m complModel) fish() string {
	var b strings.Builder
	p := m.prog
	fmt.Fprintf(&b, "# fish completion for %s; made by `%s completion fish`.\n", p, p)
	fmt.Fprintf(&b, "complete -c %s -f\n", p)
	top := "__fish_use_subcommand"
	for _, c := range m.cmds {
		fmt.Fprintf(&b, "complete -c %s -n %s -a %s -d %s\n", p, top, c.name, fishQuote(c.usage))
	}
	fmt.Fprintf(&b, "complete -c %s -n '__fish_seen_subcommand_from help' -a %s\n", p, fishQuote(strings.Join(m.names(), " ")))
	fmt.Fprintf(&b, "complete -c %s -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'\n", p)
	for _, c := range append([]complCmd{m.top}, m.cmds...) {
		cond := top
		if c.name != "" {
			cond = fishQuote("__fish_seen_subcommand_from " + c.name)
			if c.files {
				fmt.Fprintf(&b, "complete -c %s -n %s -F\n", p, cond)
			}
		}
		for _, f := range c.flags {
			var spec []string
			for _, n := range f.names {
				if len(n) == 1 {
					spec = append(spec, "-s "+fishQuote(n))
				} else {
					spec = append(spec, "-l "+n)
				}
			}
			switch f.value {
			case "file":
				spec = append(spec, "-r -F")
			case "iface":
				spec = append(spec, "-x -a "+fishQuote("("+p+` -D 2>/dev/null | string replace -rf '^\d+\.(\S+).*' '$1'`+")"))
			case "word":
				spec = append(spec, "-x")
			}
			fmt.Fprintf(&b, "complete -c %s -n %s %s -d %s\n", p, cond, strings.Join(spec, " "), fishQuote(f.usage))
		}
	}
	return b.String()
}
