// Package rotate writes a capture into a series of files as tcpdump's -C, -G,
// -W and -z options do: a new file when the current one passes a size or a
// time interval, names made from a strftime template and a count, a ring of
// at most W files, and a command run on each file as it is closed.
//
// A Writer is not safe for concurrent use.
package rotate
