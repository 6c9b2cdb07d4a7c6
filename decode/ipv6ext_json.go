package decode

// jsonIPv6Ext appends, inside the "ipv6" object of the IPv6 header at layer
// i, the fields of the extension headers that follow it, named as
// Wireshark names them (ipv6.routing.type is .ipv6["routing.type"]). A key
// appears once: when a packet repeats a header type, the first one wins, as
// tshark -E occurrence=f shows it. Address lists are JSON arrays.
func jsonIPv6Ext(w *jsonWriter, d *Decoder, i int) {
	var seen [4]bool
	for j := i + 1; j < d.n; j++ {
		l := &d.layers[j]
		if l.Quoted {
			break
		}
		var k int
		switch l.Type {
		case LayerIPv6HopByHop:
			k = 0
		case LayerIPv6Routing:
			k = 1
		case LayerIPv6Fragment:
			k = 2
		case LayerIPv6DestOpts:
			k = 3
		default:
			continue
		}
		if seen[k] || l.Payload == l.Start {
			continue
		}
		seen[k] = true
		x := IPv6Ext(d.data[l.Start:l.Payload])
		switch l.Type {
		case LayerIPv6HopByHop:
			jsonIPv6Opts(w, x, "hopopts.nxt", "hopopts.len", "hopopts.len_oct")
		case LayerIPv6DestOpts:
			jsonIPv6Opts(w, x, "dstopts.nxt", "dstopts.len", "dstopts.len_oct")
		case LayerIPv6Fragment:
			w.int("fraghdr.nxt", int(x.NextHeader()))
			w.hex("fraghdr.reserved_octet", uint64(x[1]), 2)
			w.int("fraghdr.offset", int(x.FragOffset()))
			w.int("fraghdr.reserved_bits", int(x[3]>>1&3))
			w.bool("fraghdr.more", x.MoreFragments())
			w.hex("fraghdr.ident", uint64(x.FragID()), 8)
		case LayerIPv6Routing:
			jsonIPv6Routing(w, x)
		}
	}
}

// jsonIPv6Opts appends the common fields of a hop-by-hop or destination
// options header.
func jsonIPv6Opts(w *jsonWriter, x IPv6Ext, nxt, length, octets string) {
	w.int(nxt, int(x.NextHeader()))
	w.int(length, int(x[1]))
	w.int(octets, x.Len())
}

// jsonIPv6Routing appends a routing header's fields: the common ones, then
// those of a source route (type 0), a Mobile IPv6 home address (type 2) or
// a segment routing header (type 4, RFC 8754).
func jsonIPv6Routing(w *jsonWriter, x IPv6Ext) {
	w.int("routing.nxt", int(x.NextHeader()))
	w.int("routing.len", int(x[1]))
	w.int("routing.len_oct", x.Len())
	w.int("routing.type", int(x.RoutingType()))
	w.int("routing.segleft", int(x.SegmentsLeft()))
	switch x.RoutingType() {
	case 0:
		w.key("routing.src.reserved")
		w.b = append(w.b, '"')
		w.b = appendHexBytes(w.b, x[4:8])
		w.b = append(w.b, '"')
		jsonIPv6AddrList(w, "routing.src.addr", x[8:])
	case 2:
		if len(x) >= 24 {
			w.addr("routing.mipv6.home_address", addr16(x[8:24]))
		}
	case 4:
		w.int("routing.srh.last_entry", int(x[4]))
		w.hex("routing.srh.flags", uint64(x[5]), 2)
		w.key("routing.srh.tag")
		w.b = append(w.b, '"')
		w.b = appendHexBytes(w.b, x[6:8])
		w.b = append(w.b, '"')
		// The segment list holds last_entry+1 addresses; the TLVs follow.
		n := min(int(x[4])+1, (len(x)-8)/16)
		jsonIPv6AddrList(w, "routing.srh.addr", x[8:8+16*n])
	}
}

// jsonIPv6AddrList appends the IPv6 addresses packed in b as a JSON array
// (nothing when b holds none).
func jsonIPv6AddrList(w *jsonWriter, k string, b []byte) {
	if len(b) < 16 {
		return
	}
	w.key(k)
	w.b = append(w.b, '[')
	for off := 0; off+16 <= len(b); off += 16 {
		if off > 0 {
			w.b = append(w.b, ',')
		}
		w.b = append(w.b, '"')
		w.b = addr16(b[off : off+16]).AppendTo(w.b)
		w.b = append(w.b, '"')
	}
	w.b = append(w.b, ']')
}
