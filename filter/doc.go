// Package filter compiles tcpdump's filter language, pcap-filter(7), to
// classic BPF, and runs the programs (the interpreter lives in vm.go).
//
// Compile follows libpcap's grammar and semantics rather than its code:
// "and" and "or" have equal precedence and associate to the left, "not"
// binds tightest, a bare id after "and"/"or" inherits the previous
// qualifiers ("host a or b", "tcp port 22 or 179"), and primitives test
// what libpcap's do, surprises included: port primitives match only the
// first fragment of an IPv4 datagram and do not walk IPv6 extension
// headers, "tcp[...]" and the other transport-layer loads assume an IPv4
// header, in arithmetic only the left operand's protocol tests are kept
// (libpcap's gen_arth), and "vlan", "mpls", "pppoes", "geneve" and
// "vxlan" move the offsets of every primitive after them.
//
// Code generation supports the link types EN10MB, RAW, IPV4, IPV6,
// LINUX_SLL, LINUX_SLL2, NULL, LOOP, PPP, PPP_HDLC and C_HDLC; others fail
// with an error wrapping ErrUnsupportedLinkType.
//
// Options.Live compiles for a kernel socket: the first VLAN tag is read
// from SKF_AD_VLAN_TAG_PRESENT / SKF_AD_VLAN_TAG, or from the frame when
// the kernel left it there (outgoing frames on devices without VLAN
// offload), as libpcap does, and later primitives find the payload through
// a scratch word holding the tag's length. Cooked sockets read the
// protocol, packet type and interface index from SKF_AD_PROTOCOL /
// SKF_AD_PKTTYPE / SKF_AD_IFINDEX, and inbound/outbound use
// SKF_AD_PKTTYPE. Programs that read kernel metadata only run in the
// kernel.
//
// Where rawcap differs from libpcap on purpose:
//   - "protochain" walks at most 8 extension headers (hop-by-hop,
//     destination options, routing, fragment, AH) with forward jumps only,
//     so the kernel accepts the program; libpcap emits a loop the kernel
//     refuses.
//   - "ip multicast" is 224.0.0.0/4, as libpcap 1.10.6 fixed it, and
//     "byte N & V" loads the byte, as newer libpcap does.
//   - "vxlan [vni]" (newer libpcap) is supported. After "geneve" or
//     "vxlan", primitives look into the encapsulated frame, as in libpcap;
//     its offsets live in scratch memory, which the program zeroes first,
//     so on a path where the tunnel did not match they read the packet
//     from its start (libpcap reads uninitialised memory there, and the
//     kernel refuses such programs). "protochain" after a tunnel is refused.
//   - On NULL (BSD loopback) captures the address family is accepted in
//     either byte order, since the program cannot know the byte order of
//     the host that wrote the file (libpcap takes it from the file).
//
// The optimiser threads jumps over tests whose outcome is known, merges
// identical blocks, pulls tests of one value together in chains of
// alternatives (libpcap's or_pullup), and drops reloads of values A or X
// already hold: programs are as long as libpcap's at the median;
// programs stay within the kernel's 4096 instructions, with "ja"
// trampolines where a conditional jump would exceed 255 instructions.
//
// A Program is immutable and safe for concurrent use. Errors are
// *SyntaxError (wrapping ErrSyntax) or *Error (wrapping ErrSemantic,
// ErrUnsupportedLinkType or ErrRejectsAll), with libpcap's message and the
// byte column of the token or primitive at fault.
package filter
