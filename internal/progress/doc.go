// Package progress draws a one-line progress bar on a terminal, for long
// conversions. It draws nothing unless the writer is a terminal (see
// IsTerminal), redraws at most a few times a second, and costs a counter
// increment per update in between, so it can be updated for every packet.
//
// A Bar is not safe for concurrent use. A nil *Bar is valid and draws
// nothing, so callers need no branches.
package progress
