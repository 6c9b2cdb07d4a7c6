// Package capture reads packets live from a Linux network interface through an
// AF_PACKET socket and a TPACKET_V3 memory-mapped receive ring, without libpcap
// and without cgo.
//
// Open builds the socket (or, with Config.Fanout, a PACKET_FANOUT group of
// sockets), attaches the caller's classic BPF filter before the socket is bound
// so that no unfiltered packet is ever queued, maps the ring and binds. A Handle
// then hands out packets with ReadPacket as zero-copy views into the ring: the
// Packet's Data stays valid until the next call to ReadPacket or Close, after
// which the ring block that held it goes back to the kernel.
//
// The interface "any" captures on every interface in cooked mode; its packets
// come with a Linux cooked v2 header (linktype.LinuxSLL2) that carries the
// interface index, as tcpdump 4.99 writes them. VLAN tags that the kernel
// strips from Ethernet frames are put back, so that files show the 802.1Q
// header that was on the wire.
//
// The kernel-shared ring is treated as hostile: the block walker reads every
// offset once and bound-checks it, so a corrupt block ends the block instead of
// panicking. It is a pure function over bytes, fuzzed by FuzzWalkBlock.
//
// A Handle's ReadPacket must be called from one goroutine at a time; Stats and
// Close are safe to call from any goroutine. Close stops capturing at once
// and wakes a ReadPacket that is waiting; ReadPacket then returns the packets
// the kernel had already handed over, then io.EOF. A view that ReadPacket
// returned before Close stays valid until the next ReadPacket, so a signal
// handler may call Close while the reader is still writing a packet out.
//
// A Merger reads several Sources (Handles of several interfaces) in
// goroutines of their own and returns their packets as one stream in
// timestamp order, through a bounded merge window; Packet.Interface then
// indexes the sources.
//
// OpenIPSockets is the raw IP socket mode, for hosts where AF_PACKET is
// not allowed: AF_INET and AF_INET6 SOCK_RAW sockets per transport
// protocol on Linux (packets locally received, IPv6 headers rebuilt from
// the ancillary data), and on Windows a SIO_RCVALL socket bound to an IPv4
// address (both directions). Its packets are raw IP (linktype.Raw) and its
// filter runs in user space.
//
// On systems other than Linux, Open returns an error wrapping
// errors.ErrUnsupported (and OpenIPSockets too, but on Windows);
// Interfaces works everywhere the net package lists interfaces.
package capture
