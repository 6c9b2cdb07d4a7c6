// Package stats computes, in one pass over a capture, the statistics tables
// tshark prints with -q -z: conversations (conv,TYPE), endpoints
// (endpoints,TYPE), the protocol hierarchy (io,phs) and the I/O table
// (io,stat,INTERVAL), and writes each as tshark 4.0 prints it, as JSON and
// as CSV.
//
// A table is fed every packet of the capture, in order, with Add(d, f):
// the decoder holding the packet's layers and the frame that describes it.
// Every packet counts towards the capture's times (tshark's relative times
// start at the first packet of the file); only the packets a table's
// Filter matches count towards its numbers, so a display filter plugs in
// as a Filter.Match function.
//
// Memory is bounded: a conversation or endpoint table holds at most Max
// entries (DefaultMaxEntries), the protocol hierarchy at most
// maxPHSNodes paths and the I/O table at most MaxRows intervals. What
// falls beyond a bound is counted (Overflow) and reported by the caller,
// never dropped silently. Tables are not safe for concurrent use.
package stats
