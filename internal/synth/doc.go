// Package synth generates deterministic, realistic packet traffic: TCP
// connections with handshakes, full-size segments and delayed ACKs carrying
// timestamps, DNS lookups, ICMP echoes, ARP, 802.1Q-tagged frames and IPv6.
// The same seed always yields the same packets, byte for byte, so the
// captures in testdata/ and the benchmark files of bench/ can be rebuilt
// anywhere. Every checksum is correct.
//
// A Generator is not safe for concurrent use. The slice returned by Next is
// owned by the Generator and valid until the next call.
package synth
