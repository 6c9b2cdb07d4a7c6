// Package display implements Wireshark's display-filter language over the
// fields rawcap decodes: `tcp.stream eq 7`, `http.request.method == "POST"`,
// `ip.addr == 10.0.0.0/8 && !(tcp.port in {80, 443})`.
//
// Compile parses and checks an expression once, against the field model of
// package decode (the same definitions -T fields, JSON and -V use), and
// returns a Filter. A Filter's Match runs the compiled program over one
// decoded packet's fields without allocating once its buffers have grown.
//
// The language is tshark 4.0's: fields and protocols (a bare one tests
// presence), the comparisons == != === !== ~= < <= > >= and their word forms,
// && || ! and their word forms (no xor), contains, matches (case-insensitive
// regular expressions), in and not in over sets with ranges, slices, the
// layer operator #, bitwise &, arithmetic (+ - * / %, unary minus, {}
// grouping), the functions len, count, string, upper, lower, min, max and
// abs, and literals of every type: integers in any base, characters,
// addresses with prefixes, MACs in three spellings, byte strings, quoted
// strings with escapes, value names, and absolute and relative times.
//
// A name that tshark knows but rawcap does not decode is an error that says
// so (ErrNotDecoded), never a filter that silently matches nothing.
package display
