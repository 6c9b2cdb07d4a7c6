package export

import (
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress"
	"github.com/parquet-go/parquet-go/encoding"

	"github.com/rawcap/rawcap/decode"
)

// SchemaVersion is the version of the tables' layout, written in every
// file's key-value metadata under "rawcap.schema_version". It changes when
// a column of the default profile or of the flows table changes name or
// type, or a column's meaning changes.
const SchemaVersion = "1"

// colType is a column's Parquet type.
type colType uint8

const (
	typeInt32     colType = iota // INT32
	typeInt64                    // INT64
	typeBool                     // BOOLEAN
	typeDouble                   // DOUBLE
	typeString                   // BYTE_ARRAY, STRING, dictionary-encoded
	typeBytes                    // BYTE_ARRAY
	typeTimestamp                // INT64, TIMESTAMP(NANOS, UTC)
)

var typeNames = [...]string{
	typeInt32:     "INT32",
	typeInt64:     "INT64",
	typeBool:      "BOOLEAN",
	typeDouble:    "DOUBLE",
	typeString:    "STRING",
	typeBytes:     "BINARY",
	typeTimestamp: "TIMESTAMP(NANOS,UTC)",
}

// special says where a column's value comes from when it is not a decoded
// field: the frame's record in the capture file, or rawcap's own columns.
type special uint8

const (
	specNone special = iota
	specNumber
	specTime
	specTimeEpoch
	specTimeDelta
	specTimeRelative
	specLen
	specCapLen
	specInterfaceID
	specFile
	specLinkType
	specRaw
)

// specials are the columns computed from the frame rather than taken from
// the decoded field list: the frame's record, and rawcap's own columns
// (named rawcap.*, since Wireshark has no such field).
var specials = []struct {
	name string
	spec special
	typ  colType
	doc  string
}{
	{"frame.number", specNumber, typeInt64, "packet number in its file, from 1"},
	{"frame.time", specTime, typeTimestamp, "capture time, nanoseconds, UTC"},
	{"frame.time_epoch", specTimeEpoch, typeDouble, "capture time in seconds since 1970"},
	{"frame.time_delta", specTimeDelta, typeDouble, "seconds since the previous packet of the file"},
	{"frame.time_delta_displayed", specTimeDelta, typeDouble, "seconds since the previous packet exported"},
	{"frame.time_relative", specTimeRelative, typeDouble, "seconds since the first packet of the file"},
	{"frame.len", specLen, typeInt64, "length on the wire"},
	{"frame.cap_len", specCapLen, typeInt64, "length captured"},
	{"frame.interface_id", specInterfaceID, typeInt64, "interface index in the file (0 for pcap)"},
	{"rawcap.file", specFile, typeString, "the input file, as named on the command line (- for standard input)"},
	{"rawcap.link_type", specLinkType, typeInt32, "the packet's LINKTYPE_ value (1 Ethernet, 113 Linux cooked…)"},
	{"rawcap.raw", specRaw, typeBytes, "the captured bytes (--raw)"},
}

// DefaultFields is the default profile of the packets table: what most
// queries over traffic ask for, small enough to keep the output well under
// the size of the capture. README.md documents it; --fields replaces it
// (and the name "default" there stands for it).
var DefaultFields = []string{
	"frame.number", "frame.time", "frame.len", "frame.cap_len", "frame.interface_id",
	"rawcap.file", "rawcap.link_type", "frame.protocols",
	"eth.src", "eth.dst", "eth.type", "vlan.id",
	"ip.src", "ip.dst", "ip.proto", "ip.ttl", "ip.len", "ip.flags.df",
	"ipv6.src", "ipv6.dst", "ipv6.nxt",
	"tcp.srcport", "tcp.dstport", "tcp.flags", "tcp.seq", "tcp.ack", "tcp.len", "tcp.window_size_value",
	"udp.srcport", "udp.dstport", "udp.length",
	"icmp.type", "icmp.code", "icmpv6.type", "icmpv6.code",
	"dns.id", "dns.flags.response", "dns.flags.rcode", "dns.qry.name", "dns.qry.type", "dns.a", "dns.aaaa", "dns.cname",
	"http.request.method", "http.request.uri", "http.host", "http.user_agent", "http.response.code",
	"tls.handshake.type", "tls.handshake.extensions_server_name", "tls.handshake.extensions_alpn_str",
}

// repeated lists the fields that may occur more than once within one
// protocol of one packet (a DNS message's answers, a TLS record's
// handshakes, a DHCP option's addresses): their columns are lists holding
// every occurrence, as tshark -T fields shows them joined. Every other
// field's column holds its first occurrence (the outermost header of a
// tunnelled packet, as tshark -E occurrence=f shows it).
// TestRepeatedFieldsAreLists checks the set against the corpus.
var repeated = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	exact, prefixes := map[string]bool{}, map[string]bool{} // names, and patterns ending in "."
	for _, p := range []string{
		"dns.qry.", "dns.resp.", "dns.a", "dns.aaaa", "dns.cname", "dns.ns", "dns.ptr.", "dns.mx.",
		"dns.srv.", "dns.txt", "dns.soa.", "dns.rr.", "tls.record.", "tls.handshake.",
		// A TCP segment's TLS records: several handshakes, alerts,
		// application data records.
		"tls.record", "tls.handshake", "tls.alert_message", "tls.alert_message.", "tls.change_cipher_spec",
		"tls.app_data", "tls.app_data_proto",
		"dhcp.option.router", "dhcp.option.domain_name_server", "ipv6.routing.src.addr",
		// A DHCP message's options (each with its heading, length and
		// bytes, runs of padding) and their lists of addresses and items.
		"dhcp.option.type", "dhcp.option.length", "dhcp.option.value", "dhcp.option.padding",
		"dhcp.option.request_list_item", "dhcp.option.time_server", "dhcp.option.name_server",
		"dhcp.option.log_server", "dhcp.option.broadcast_address", "dhcp.option.ntp_server",
		"dhcp.option.netbios_over_tcpip_name_server",
		"ipv6.routing.srh.addr", "http.set_cookie", "http.cache_control", "frame.comment", "frame.comment.expert",
		// An HTTP message's header lines.
		"http.request.line", "http.response.line", "http.chunk_size", "http.chunk_data", "http.chunk_boundary", "http.request.uri.query.parameter",
		// Wireshark's hidden fields for either address or port.
		"eth.addr", "eth.addr_resolved", "eth.addr.oui", "eth.lg", "eth.ig", "ip.addr", "ip.host", "ipv6.addr", "ipv6.host", "tcp.port", "udp.port",
		// Frame Relay's address: an EA bit in each octet.
		"fr.ea",
		// PGM's ports (hidden) and its checksum item beside the status tshark works out.
		"pgm.port", "pgm.hdr.cksum.status",
		// An NTP control message's status word, and each listed
		// association's after it.
		"ntp.ctrl.status", "ntp.ctrl.peer_status.",
		// A mode 7 response's items, with the stratum and poll
		// interval of each peer listed.
		"ntp.priv.mode7.", "ntp.stratum", "ntp.ppoll",
		// A JSON text's members, values and paths.
		"json.",
		// What IPv6's either address holds, hidden likewise.
		"ipv6.slaac_mac", "ipv6.6to4_gw_ipv4", "ipv6.6to4_sla_id",
		// SCTP's either port, and what its chunks, parameters and causes carry.
		"sctp.port", "sctp.chunk_", "sctp.data_", "sctp.init", "sctp.sack_", "sctp.parameter_", "sctp.cookie",
		"sctp.shutdown", "sctp.abort_", "sctp.cause_", "sctp.forward_tsn_",
		"sctp.nr_sack_", "sctp.i_forward_tsn_", "sctp.hmac", "sctp.chunk_type_to_auth", "sctp.supported_chunk_type",
		"sctp.correlation_id", "sctp.asconf", "sctp.random_number", "sctp.shared_key_id", "sctp.pktdrop_", "sctp.pckdrop_",
		"sctp.padding_data", "sctp.ecne_", "sctp.cwr_", "sctp.adaptation_layer_indication",
		// SCTP's analysis of each chunk: retransmissions, acknowledged
		// TSNs, a reassembled message's fragments.
		"sctp.retransmission", "sctp.retransmission_time", "sctp.retransmitted_after_ack", "sctp.acked",
		"sctp.data_rtt", "sctp.ack", "sctp.ack_frame", "sctp.sack_rtt", "sctp.fragments", "sctp.fragment",
		// A segment's SACK blocks, and tshark's second duplicate_ack item.
		"tcp.options.sack_le", "tcp.options.sack_re", "tcp.analysis.duplicate_ack",
		// The segments a reassembled PDU came from.
		"tcp.segment", "tcp.pdu.size",
		// Every TCP option's kind and length; NOPs and EOLs come several
		// to a header.
		"tcp.option_kind", "tcp.option_len", "tcp.options.nop", "tcp.options.eol",
		// An MPTCP REMOVE_ADDR option's address IDs.
		"tcp.options.mptcp.addrid",
		// IPv6 extension headers of one type may follow each other, and
		// hold several options.
		"ipv6.hopopts.", "ipv6.dstopts.", "ipv6.routing.", "ipv6.fraghdr.", "ipv6.opt", "ipv6.opt.",
		// Protocols of records, TLVs and options: PIM's options and
		// groups, OSPF's LSAs, BGP's messages and attributes, LLDP's,
		// CDP's and UDLD's TLVs, MSTP's instances, IGMP's group records
		// and traceroute hops, DHCPv6's options, Telnet's commands,
		// QUIC's frames, VRRP's addresses.
		"pim.", "ospf.", "bgp.", "lldp.", "cdp.", "udld.", "mstp.", "stp.flags.", "igmp.", "dhcpv6.",
		"telnet.", "quic.", "vrrp.ip_addr", "vrrp.ipv6_addr",
		// Babel's TLVs and sub-TLVs.
		"babel.message", "babel.message.", "babel.subtlv", "babel.subtlv.",
		// SIP's header lines (several Via, Contact …), SDP's lines and
		// media, RTCP's report blocks and SDES items.
		"sip.", "sdp.", "rtcp.",
		"ssh.", // SSH's binary packets: several in one segment
		// An OpenFlow message's ports, actions and statistics.
		"openflow.",
		// Geneve's options (and its options' length, shown as
		// geneve.option.length as tshark does).
		"geneve.option", "geneve.option.",
		// RIP's and RIPng's route entries (RIP's authentication entry),
		// LACP's TLV headers.
		"rip.", "ripng.rte", "ripng.rte.", "lacp.tlv_type", "lacp.tlv_length",
		// DTP's TLV headers; ISL's two addresses as isl.addr.
		"dtp.tlv_type", "dtp.tlv_len", "isl.addr",
		// Configuration Testing's messages: a function and an address each.
		"loop.function", "loop.forwarding_address",
		// Q.933's information elements and their shifts.
		"q933.information_element", "q933.length", "q933.data", "q933.coding_standard", "q933.call_state", "q933.non_locking_shift_to_codeset",
		// SNMP's variable bindings.
		"snmp.name", "snmp.value.", "snmp.noSuchObject", "snmp.noSuchInstance", "snmp.endOfMibView", "snmp.var-bind_str",
		// An SNMPv3 message's two engine IDs' conformance bits.
		"snmp.engineid.conform",
		// NBNS's questions and records, NB entries and node status names.
		"nbns.name", "nbns.type", "nbns.class", "nbns.ttl", "nbns.data_length", "nbns.nb_flags", "nbns.nb_flags.", "nbns.addr",
		"nbns.netbios_name", "nbns.name_flags", "nbns.name_flags.", "nbns.data",
		// An NSEC record's next name, one per record.
		"dns.nsec.",
		// A question's label count, one per question.
		"dns.count.labels",
		// A TXT record's string lengths, an RRSIG record's data, an OPT
		// record's options (and the algorithms of one DAU option).
		"dns.txt.length", "dns.rrsig.", "dns.opt", "dns.opt.",
		// IPv4's options: several in one header, a route's addresses, a
		// time stamp's records, CIPSO's tags.
		"ip.opt.", "ip.options.", "ip.cipso.", "ip.rec_rt", "ip.empty_rt", "ip.src_rt",
		// TFTP's options of a request or an OACK.
		"tftp.option.",
		"isis.hello.", "isis.lsp.", "isis.csnp.", // IS-IS's TLVs and their entries
		"esis.sal", "esis.sa", // an ES-IS hello's source addresses
		// 802.11's tagged parameters and radiotap's present words.
		"wlan.tag", "wlan.tag.", "wlan.supported_rates", "radiotap.present.word",
		// radiotap's VHT users, and the VHT bit it names twice (known and
		// set); the radio information's 802.11ac users.
		"radiotap.vht.user", "radiotap.vht.ldpc_extra", "wlan_radio.11ac.",
		// RPC's credential and verifier, and AUTH_UNIX's group ids; the
		// RPC records of one TCP segment, with their NFS and Portmap
		// bodies (and an NFS name's opaque length after the credential's).
		"rpc.", "nfs.", "portmap.",
		// A segment's RESP values and an array's elements.
		"resp.",
		// LSP ping's TLVs and the FEC elements of a Target FEC Stack.
		"mpls_echo.tlv.", "mpls_echo.padding",
		// LDP's messages and their TLVs.
		"ldp.msg.",
		// RSVP's objects.
		"rsvp.length", "rsvp.object", "rsvp.ctype",
		// DCCP's two ports (dccp.port) and its options.
		"dccp.",
		// LISP's mapping records and their locators.
		"lisp.",
		// PPTP's reserved fields (the header's and the body's).
		"pptp.reserved",
		// A segment's EtherNet/IP messages and their items, with the
		// CIP they carry.
		"enip.", "cip.",
		// The fields inside 802.11's elements: an element may come twice
		// (vendor elements), and some repeat inside one (extended
		// capability octets, WMM's access categories, channel sets).
		"wlan.ht.", "wlan.htex.", "wlan.txbf", "wlan.txbf.", "wlan.asel", "wlan.asel.", "wlan.extcap", "wlan.extcap.",
		"wlan.vht.", "wlan.rsn.", "wlan.wfa.", "wlan.aironet.", "wlan.cisco.", "wlan.supchan", "wlan.supchan.", "wlan.addr", "wlan.interworking.", "wlan.hs20.",
		// HTTP/2's frames: several in one segment.
		"http2.",
		// RADIUS's attributes (the value fields, named after the
		// attribute in capitals, are added below).
		"radius.avp", "radius.avp.", "radius.eap_fragment",
		// DHCP's hardware type and address, which an Ethernet client
		// identifier (option 61) repeats; NTP's associations in a read
		// status response; PPP's control protocols' options.
		"dhcp.hw.type", "dhcp.hw.mac_addr", "ntp.ctrl.associd", "ntp.ctrl.item", "lcp.opt.", "ipcp.opt.", "ipv6cp.opt.", "ppp.opt.len.invalid",
		"ipv6cp.interface_identifier",
		// An ICMP error's two "Unused" parts (RFC 4884) and its
		// extension objects: MPLS label stacks, interface information.
		"icmp.unused", "icmp.ext.", "icmp.mpls.", "icmp.int_info.", "icmp.int_ident.", "icmp.reserved",
		// ICMPv6's neighbour discovery options, MLD's sources and
		// address records.
		"icmpv6.opt", "icmpv6.opt.", "icmpv6.mld.source_address", "icmpv6.mldr.mar", "icmpv6.mldr.mar.",
		// Router renumbering's prefix control operations, and the
		// reserved bytes of its header and of each match-prefix part.
		"icmpv6.rr.pco.", "icmpv6.reserved",
		// NHRP's Client Information Entries (in the mandatory part and
		// in extensions) and its extensions.
		"nhrp.code", "nhrp.prefix", "nhrp.unused", "nhrp.mtu", "nhrp.htime", "nhrp.cli.", "nhrp.prot.len",
		"nhrp.pref", "nhrp.client.", "nhrp.ext.", "nhrp.auth_ext.",
		// sFlow's samples and their records (each record's counters are
		// added below).
		"sflow.", "sflow_5.", "sflow_245.sampletype", "sflow_245.counters_record_format",
		"sflow_245.flow_record_format", "sflow_245.header_protocol", "sflow_245.header", "sflow_245.header.",
		"sflow_245.vlan.", "sflow_245.pri.", "sflow_245.nexthop", "sflow_245.nexthop.", "sflow_245.as",
		"sflow_245.srcAS", "sflow_245.peerAS", "sflow_245.dstASentries", "sflow_245.dstAS",
		"sflow_245.communityEntries", "sflow_245.localpref",
		// An L2TP control message's AVPs.
		"l2tp.avp.", "l2tp.vendor_specific_avp_data",
		// A PTP management message's texts and protocol address (each
		// drawn over its length and itself again) and reserved bytes.
		"ptp.v2.mm.reserved", "ptp.v2.mm.physicalLayerProtocol", "ptp.v2.mm.protocolAddress",
		"ptp.v2.mm.productDescription", "ptp.v2.mm.revisionData", "ptp.v2.mm.userDescription",
		// An ISAKMP message's payloads, and the proposals, transforms and
		// attributes of its SA payloads.
		"isakmp.typepayload", "isakmp.nextpayload", "isakmp.criticalpayload", "isakmp.reserved7", "isakmp.reserved",
		"isakmp.payloadlength", "isakmp.sa.", "isakmp.prop.", "isakmp.spisize", "isakmp.spi", "isakmp.trans.",
		"isakmp.ike.attr", "isakmp.ike.attr.", "isakmp.tf.", "isakmp.ike2.attr", "isakmp.ike2.attr.", "isakmp.notify.",
		"isakmp.vid_bytes", "isakmp.vid_string", "isakmp.ike.nat_hash", "isakmp.nonce", "isakmp.key_exchange.",
		"isakmp.hash", "isakmp.enc.", "isakmp.id.",
		// Mobile IPv6's mobility options (Pad1 and PadN may come several
		// times) and the length each has.
		"mip6.options.", "mip6.mobility_opt.len", "mip6.padn",
	} {
		if strings.HasSuffix(p, ".") {
			prefixes[p] = true
		} else {
			exact[p] = true
		}
	}
	// One pass over the fields, each name's dotted prefixes looked up:
	// trying every pattern against every field took 10 ms of each export's
	// start.
	for _, pf := range decode.Protocols() {
		for i := range pf.Fields {
			n := pf.Fields[i].Name
			if exact[n] {
				m[n] = true
				continue
			}
			for k := 0; k < len(n); k++ {
				if n[k] == '.' && prefixes[n[:k+1]] {
					m[n] = true
					break
				}
			}
		}
	}
	// Any RADIUS attribute may occur more than once in a message.
	for _, pf := range decode.Protocols() {
		for i := range pf.Fields {
			if n := pf.Fields[i].Name; strings.HasPrefix(n, "radius.") && n[len("radius.")] >= 'A' && n[len("radius.")] <= 'Z' {
				m[n] = true
			}
			if n := pf.Fields[i].Name; strings.HasPrefix(n, "sflow_245.if") || strings.HasPrefix(n, "sflow_245.dot") {
				m[n] = true // one per sFlow counters record
			}
		}
	}
	// A Client Hello names one server.
	delete(m, "tls.handshake.extensions_server_name")
	return m
})

// column is one column of a table.
type column struct {
	name  string
	typ   colType
	list  bool          // a LIST of typ: every occurrence
	req   bool          // REQUIRED: never null
	field *decode.Field // the decoded field, or nil for specials
	spec  special
}

// ColumnInfo describes a column for documentation and tests.
type ColumnInfo struct {
	Name string
	Type string // "INT64", "STRING", "LIST<STRING>", "TIMESTAMP(NANOS,UTC)" …
}

func (c *column) info() ColumnInfo {
	t := typeNames[c.typ]
	if c.list {
		t = "LIST<" + t + ">"
	}
	return ColumnInfo{Name: c.name, Type: t}
}

// PacketColumns describes the packets table's columns for the named fields
// (nil: DefaultFields), with the captured bytes last when raw is set.
func PacketColumns(fields []string, raw bool) ([]ColumnInfo, error) {
	cols, err := packetColumns(fields, raw)
	if err != nil {
		return nil, err
	}
	out := make([]ColumnInfo, len(cols))
	for i := range cols {
		out[i] = cols[i].info()
	}
	return out, nil
}

// ErrUnknownField is returned for a field name the packets table cannot
// hold.
var ErrUnknownField = decode.ErrUnknownField

// packetColumns resolves field names to columns. "default" stands for
// DefaultFields; a name may appear once.
func packetColumns(names []string, raw bool) ([]column, error) {
	if names == nil {
		names = DefaultFields
	}
	var expanded []string
	for _, n := range names {
		if n == "default" {
			expanded = append(expanded, DefaultFields...)
			continue
		}
		expanded = append(expanded, n)
	}
	if raw {
		expanded = append(expanded, "rawcap.raw")
	}
	seen := map[string]bool{}
	var cols []column
	for _, n := range expanded {
		if seen[n] {
			continue // "default,ip.src" names ip.src twice: one column
		}
		seen[n] = true
		c, err := columnOf(n)
		if err != nil {
			return nil, err
		}
		cols = append(cols, c)
	}
	if len(cols) == 0 {
		return nil, fmt.Errorf("no column to export: --fields names none")
	}
	return cols, nil
}

// columnOf returns the column for one name.
func columnOf(n string) (column, error) {
	for _, s := range specials {
		if s.name == n {
			return column{name: n, typ: s.typ, spec: s.spec, req: s.spec != specRaw}, nil
		}
	}
	f := decode.LookupField(n)
	if f == nil {
		return column{}, fmt.Errorf("%w: %q (rawcap fields lists the fields rawcap decodes)", decode.ErrUnknownField, n)
	}
	c := column{name: n, field: f, list: repeated()[n]}
	switch f.Kind {
	case decode.KindUint:
		c.typ = typeInt64
		if f.Width != 0 && f.Width <= 24 {
			c.typ = typeInt32
		}
	case decode.KindInt:
		c.typ = typeInt64
		if f.Width != 0 && f.Width <= 32 {
			c.typ = typeInt32
		}
	case decode.KindFrameNum:
		c.typ = typeInt64
	case decode.KindBool, decode.KindProtocol:
		c.typ = typeBool // a protocol's column says whether the packet has it
	case decode.KindFloat, decode.KindRelTime:
		c.typ = typeDouble
	case decode.KindIPv4, decode.KindIPv6, decode.KindMAC, decode.KindString, decode.KindTime, decode.KindOID, decode.KindSystemID:
		c.typ = typeString
	case decode.KindBytes:
		c.typ = typeBytes
	default:
		return column{}, fmt.Errorf("%q is a label or a group, not a field with a value: name the fields inside it", n)
	}
	return c, nil
}

// node returns c's Parquet schema node.
func (c *column) node() parquet.Node {
	var n parquet.Node
	switch c.typ {
	case typeInt32:
		n = parquet.Int(32)
	case typeInt64:
		n = parquet.Int(64)
	case typeBool:
		n = parquet.Leaf(parquet.BooleanType)
	case typeDouble:
		n = parquet.Leaf(parquet.DoubleType)
	case typeString:
		n = parquet.Encoded(parquet.String(), &parquet.RLEDictionary)
	case typeBytes:
		n = parquet.Leaf(parquet.ByteArrayType)
	case typeTimestamp:
		n = parquet.Timestamp(parquet.Nanosecond)
	}
	if c.list {
		n = parquet.List(n)
	}
	if !c.req {
		n = parquet.Optional(n)
	}
	return n
}

// maxDef is the definition level of a present value in c's column.
func (c *column) maxDef() int {
	d := 0
	if !c.req {
		d++
	}
	if c.list {
		d++ // the repeated list level; the element is required
	}
	return d
}

// schemaOf returns the Parquet schema of a table of cols, named name.
func schemaOf(name string, cols []column) *parquet.Schema {
	g := &orderedGroup{}
	for i := range cols {
		g.fields = append(g.fields, groupField{Node: cols[i].node(), name: cols[i].name})
	}
	return parquet.NewSchema(name, g)
}

// orderedGroup is a group node whose fields keep the order they were
// given (parquet.Group sorts them by name): the table's columns come in
// the documented order, frame.number first.
type orderedGroup struct{ fields []groupField }

type groupField struct {
	parquet.Node
	name string
}

func (f groupField) Name() string { return f.name }
func (f groupField) Value(base reflect.Value) reflect.Value {
	return base.MapIndex(reflect.ValueOf(f.name))
}

func (g *orderedGroup) ID() int                     { return 0 }
func (g *orderedGroup) String() string              { return "group" }
func (g *orderedGroup) Type() parquet.Type          { return parquet.Group{}.Type() }
func (g *orderedGroup) Optional() bool              { return false }
func (g *orderedGroup) Repeated() bool              { return false }
func (g *orderedGroup) Required() bool              { return true }
func (g *orderedGroup) Leaf() bool                  { return false }
func (g *orderedGroup) Encoding() encoding.Encoding { return nil }
func (g *orderedGroup) Compression() compress.Codec { return nil }
func (g *orderedGroup) GoType() reflect.Type        { return reflect.TypeFor[map[string]any]() }
func (g *orderedGroup) Fields() []parquet.Field {
	out := make([]parquet.Field, len(g.fields))
	for i := range g.fields {
		out[i] = g.fields[i]
	}
	return out
}
