package main

import (
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/rawcap/rawcap/filter"
	"github.com/rawcap/rawcap/linktype"
)

// misspelledCommand checks the words of a default-action command line that
// has no -i or -r: when the first word does not parse as a filter and is a
// few letters away from a command name, starting a capture (or reporting a
// filter syntax error) would miss what was meant; it returns the usage
// error that suggests the command, or nil. (A command name given after
// options is caught earlier, by commandAfterOptions.)
func misspelledCommand(app *cli.App, args []string) error {
	if len(args) == 0 || !isWord(args[0]) {
		return nil
	}
	word := args[0]
	if _, err := filter.Compile(strings.Join(args, " "), linktype.Ethernet, filter.Options{}); err == nil {
		return nil
	}
	best, bestDist := "", 0
	for _, c := range app.VisibleCommands() {
		for _, name := range c.Names() {
			d := editDistance(word, name)
			if strings.HasPrefix(name, word) && len(word) >= 3 {
				d = 1
			}
			if best == "" || d < bestDist {
				best, bestDist = c.Name, d
			}
		}
	}
	limit := 1
	if len(word) >= 4 {
		limit = 2
	}
	if best == "" || bestDist > limit {
		return nil
	}
	return usagef("%q is not a command or a filter: did you mean rawcap %s? (rawcap help lists the commands)", word, best)
}

// isWord reports whether s looks like a command name: lower-case letters
// and dashes.
func isWord(s string) bool {
	if len(s) < 2 {
		return false
	}
	for _, c := range s {
		if (c < 'a' || c > 'z') && c != '-' {
			return false
		}
	}
	return true
}

// editDistance is the Levenshtein distance between a and b (bytes).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
