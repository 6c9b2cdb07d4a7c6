// Package follow rebuilds what the two ends of a TCP or UDP stream said to
// each other, as Wireshark's Follow Stream does, and prints it as tshark
// 4.0 prints -z follow,PROTO,MODE,N (ascii, hex, raw or yaml).
//
// A TCP stream is rebuilt per direction by a TCP reassembler fed the
// stream's segments in capture order: the segments are put in sequence
// order, what was already seen (a retransmission, an overlap) counts once,
// a segment that arrives before the ones it follows is held until the gap
// fills, and a gap the other side acknowledges although the capture lacks
// its bytes is marked as tshark marks it, with a chunk reading "[N bytes
// missing in capture file]" (and a NUL byte, which tshark writes too).
// Held segments that nothing fills or acknowledges by the end of the
// capture are not shown, as in tshark.
//
// Memory is bounded: a direction holds at most MaxHeld bytes of segments
// out of order (DefaultMaxHeld, 4 MiB) in at most maxHeldSegments (4096)
// segments. A segment that would pass the bound makes the reassembler give
// up waiting for the oldest gap: it marks it missing, as if the receiver
// had acknowledged it, and goes on. Below the bound the output is
// tshark's; tshark, which holds every segment, never gives up.
//
// A UDP stream needs no reassembly: each datagram is a chunk.
//
// HTTP follows the HTTP/1 messages of a TCP stream as tshark's follow
// http shows them: each complete message as its headers, then its body
// de-chunked and decoded, in the frame that completed it; it holds at
// most MaxMessage bytes of one message.
//
// Chunks go to a Printer, which writes them as they come (one pass: only
// out-of-order data waits). Reassemblers and printers are not safe for
// concurrent use.
package follow
