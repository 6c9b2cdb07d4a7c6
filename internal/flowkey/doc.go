// Package flowkey finds, in a captured frame, its IP header and the
// 5-tuple of its TCP or UDP conversation, for tools that group packets by
// conversation or host (rawcap split --by, rawcap dedupe --ignore-ttl). It
// is small and self-contained on purpose: it walks only the headers it needs
// (Ethernet with 802.1Q/802.1ad tags, Linux cooked v1 and v2, BSD loopback,
// raw IP; IPv4; IPv6 with its extension headers; TCP and UDP ports), reads
// every field through a bounds check, and never allocates.
//
// A frame it cannot follow (not IP, cut short, a later IP fragment) is
// reported as such, not as an error.
package flowkey
