// Package zpipe compresses a byte stream (a capture file being written) in
// a goroutine of its own, behind a bounded buffer, so that the capture's
// reader only copies its bytes: gzip or zstd at their fastest levels.
//
// A Writer's Write copies into one of a fixed number of buffers and hands
// full ones to the compressing goroutine; when every buffer is waiting to be
// compressed, Write waits for one (the capture then falls behind, and the
// kernel's ring holds what arrives). The first error of the compressor or of
// the file beneath it is sticky: every later call returns it.
//
// A Writer is for one goroutine (Write, Flush and Close must not overlap).
package zpipe
