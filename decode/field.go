package decode

import (
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// This file is the field model: what a protocol declares about each of its
// fields, once, as Wireshark registers a header field (filter name, label,
// type, base, mask, value names). A protocol's emit function puts the
// fields of one packet into a FieldList (fieldlist.go) and every generic
// output reads them from there: JSON, -T fields, -T ek, and the field
// listing of `rawcap fields`.

// Kind is the type of a field's value, as Wireshark's FT_ types are.
type Kind uint8

// The kinds of field. A KindProtocol field names a protocol (its filter
// name is the protocol's: "ip"); a KindNone field is a label or a group with
// no value of its own.
const (
	KindNone     Kind = iota // FT_NONE: a label, or a group of fields
	KindProtocol             // FT_PROTOCOL
	KindUint                 // FT_UINT8 … FT_UINT64
	KindInt                  // FT_INT8 … FT_INT64
	KindBool                 // FT_BOOLEAN
	KindIPv4                 // FT_IPv4
	KindIPv6                 // FT_IPv6
	KindMAC                  // FT_ETHER
	KindBytes                // FT_BYTES
	KindString               // FT_STRING
	KindTime                 // FT_ABSOLUTE_TIME
	KindRelTime              // FT_RELATIVE_TIME
	KindFloat                // FT_DOUBLE
	KindFrameNum             // FT_FRAMENUM: a frame number
	KindOID                  // FT_OID: an object identifier, held as its dotted text
	KindSystemID             // FT_SYSTEM_ID: an OSI system ID, held as its text ("2222.2222.2222.00-00")
)

// String returns Wireshark's name of the type ("FT_BOOLEAN"); integers are
// "FT_UINT" and "FT_INT", Field.Type adds their width.
func (k Kind) String() string {
	switch k {
	case KindNone:
		return "FT_NONE"
	case KindProtocol:
		return "FT_PROTOCOL"
	case KindUint:
		return "FT_UINT"
	case KindInt:
		return "FT_INT"
	case KindBool:
		return "FT_BOOLEAN"
	case KindIPv4:
		return "FT_IPv4"
	case KindIPv6:
		return "FT_IPv6"
	case KindMAC:
		return "FT_ETHER"
	case KindBytes:
		return "FT_BYTES"
	case KindString:
		return "FT_STRING"
	case KindTime:
		return "FT_ABSOLUTE_TIME"
	case KindRelTime:
		return "FT_RELATIVE_TIME"
	case KindFloat:
		return "FT_DOUBLE"
	case KindFrameNum:
		return "FT_FRAMENUM"
	case KindOID:
		return "FT_OID"
	case KindSystemID:
		return "FT_SYSTEM_ID"
	}
	return "FT_UNKNOWN"
}

// Base says how an integer field is shown, as Wireshark's BASE_ values do.
type Base uint8

// The bases of integer fields.
const (
	BaseDec    Base = iota // 17
	BaseHex                // 0x11
	BaseDecHex             // 17 (0x11)
	BaseHexDec             // 0x11 (17)
	BaseOct                // 021
	// BaseNone shows a named integer by its name alone ("Unverified"), as
	// Wireshark's BASE_NONE does for a checksum's status.
	BaseNone
	// BaseOUI shows a 24-bit organizationally unique identifier as three
	// colon-separated hex bytes and the organization's name from the
	// field's Values ("00:50:f2 (Microsoft Corp.)"), as Wireshark's
	// BASE_OUI does; the other outputs show it in decimal.
	BaseOUI
)

// String returns Wireshark's name of the base ("BASE_HEX").
func (b Base) String() string {
	switch b {
	case BaseHex:
		return "BASE_HEX"
	case BaseDecHex:
		return "BASE_DEC_HEX"
	case BaseHexDec:
		return "BASE_HEX_DEC"
	case BaseOct:
		return "BASE_OCT"
	case BaseNone:
		return "BASE_NONE"
	case BaseOUI:
		return "BASE_OUI"
	}
	return "BASE_DEC"
}

// Shape says how a group of fields is laid out in JSON: a group is not a
// field of Wireshark's but a subtree (a DNS query, the list of a router
// option's addresses) that JSON shows as an array.
type Shape uint8

// The shapes of groups.
const (
	ShapeObjects Shape = iota + 1 // an array of objects, one per FieldList.Item
	ShapeValues                   // an array of the values inside
)

// Field is the definition of one field, declared once by its protocol as a
// package-level variable and referred to by pointer. Fields are read-only
// after initialisation and safe for concurrent use.
type Field struct {
	// Name is the display-filter name ("ip.ttl", "tcp.flags.syn"); for a
	// protocol, the protocol's filter name ("ip").
	Name string
	// Label is the text of the field in Wireshark's tree ("Time to Live").
	Label string
	Kind  Kind
	// Base is how an integer field is shown.
	Base Base
	// Width is the integer's size in bits (8, 16, 24, 32, 64) as Wireshark
	// declares it (FT_UINT16 is 16), and so the number of hex digits shown
	// for BaseHex (Width/4) unless Digits says otherwise.
	Width uint8
	// Digits, when not zero, is the number of hex digits shown for a hex
	// field where Wireshark shows fewer than Width/4 (a masked field).
	Digits uint8
	// keyAt is where the field's JSON key starts in Name, after the first
	// dot (ip.src's "src"): set with id for the table's fields (0: not
	// set, or no dot).
	keyAt uint8
	// Mask is the bit mask of a bit field within its Width (0: none).
	Mask uint64
	// Values names the values of an integer field (nil: none).
	Values *ValueNames
	// Unit follows an integer's value in the -V tree (" bytes"), as
	// Wireshark's BASE_UNIT_STRING does.
	Unit string
	// Generated marks a field that is not in the packet's bytes but
	// computed (Wireshark's "[…]" fields: tcp.stream, tcp.seq).
	Generated bool
	// Shape is set on groups (KindNone) that JSON shows as arrays.
	Shape Shape
	// ColonSep shows a byte string's bytes with colons between them
	// ("e2:15:81:b4:b9:45"), in the tree, -T fields and JSON, as
	// Wireshark's SEP_COLON does; else they run together.
	ColonSep bool
	// AllowZero: an empty byte string is "<none>" in the tree and -T
	// fields, as Wireshark shows a BASE_ALLOW_ZERO field (a PadN option
	// with no padding); else "<MISSING>". JSON and ek write "" for both.
	AllowZero bool
	// EKByParent: -T ek groups the field's values by the protocol item
	// each follows (a TCP option's kind by its option), in the order of
	// the items' first values, as tshark's JSON merges the subtrees of
	// items of one name: NOP, MSS, NOP, NOP gives kinds 1, 1, 1, 2.
	EKByParent bool
	// EKByTreeParent, on a protocol: -T ek lists each of its fields'
	// values by the field whose subtree holds them (ekOrder), as tshark
	// does; set where the protocol's fields nest as tshark's items do (no
	// text lines between them), so the parent rawcap finds is tshark's.
	EKByTreeParent bool
	// Titled, on a protocol: tshark gives its item a title of its own
	// even where the title is only the name (a dissector that adds it
	// with proto_tree_add_protocol_format): -T fields -e PROTO prints the
	// title, not the filter name it prints for a protocol item added
	// without text of its own.
	Titled bool
	// Proto is the protocol that registers the field, where it is not the
	// one whose table declares it (the RSN key descriptor's fields, which
	// EAPOL's table declares, are wlan_rsna_eapol's); for a protocol, the
	// protocol that registers it as one of its fields (802.11's "wlan.mgt"
	// is wlan's). -T ek keys a field by its registering protocol
	// ("wlan_rsna_eapol_wlan_rsna_eapol_keydes_msgnr").
	Proto *Field
	// id numbers the fields of the protocol table from 1 (fieldIDs), for
	// a FieldList's selection; 0: a field outside the table, always kept.
	id uint32
	// nameID is the id of the first field of the table named as this one
	// (several definitions may share a name); 0 outside the table. Set by
	// numberNames, which -T ek calls before it reads them (a map of every
	// name built at start-up would cost every run).
	nameID uint32
	// reg is the protocol -T ek keys the field by (nil: the protocol whose
	// object it is written in): Proto, else the protocol whose table
	// declares the field, unless a protocol's table lists it among its
	// others (ip.version inside ipv6, the dns fields of mdns: keyed by the
	// protocol that writes them). Set by numberNames.
	reg *Field
}

// numberNames sets every table field's nameID and reg, once.
var numberNames = sync.OnceFunc(func() {
	names := make(map[string]uint32, fieldCount) // sized once: no rehash at start-up
	name := func(f *Field) {
		if f.id == 0 {
			return
		}
		if f.nameID = names[f.Name]; f.nameID == 0 {
			f.nameID = f.id
			names[f.Name] = f.id
		}
	}
	for _, ps := range [][]protocol{protocols[:], extraProtocols[:]} {
		for i := range ps {
			if ps[i].proto != nil {
				name(ps[i].proto)
			}
			for _, fs := range [][]Field{ps[i].fields, ps[i].others} {
				for k := range fs {
					name(&fs[k])
				}
			}
		}
	}
	for k := range frameFields {
		name(&frameFields[k])
	}
	shared := map[*Field]bool{}
	for _, ps := range [][]protocol{protocols[:], extraProtocols[:]} {
		for i := range ps {
			for k := range ps[i].others {
				shared[&ps[i].others[k]] = true
			}
		}
	}
	for _, ps := range [][]protocol{protocols[:], extraProtocols[:]} {
		for i := range ps {
			for k := range ps[i].fields {
				f := &ps[i].fields[k]
				switch {
				case f.Proto != nil:
					f.reg = f.Proto
				case f.reg == nil && !shared[f]:
					f.reg = ps[i].proto
				}
			}
		}
	}
})

// sameName reports whether a and b have the same filter name.
func sameName(a, b *Field) bool {
	if a == b {
		return true
	}
	if a.nameID != 0 && b.nameID != 0 {
		return a.nameID == b.nameID
	}
	return a.Name == b.Name
}

// fieldCount is one more than the highest field id.
var fieldCount uint32

// init numbers every field of the protocol table, once, before any use.
func init() {
	next := uint32(1)
	number := func(fs []Field) {
		for i := range fs {
			if fs[i].id == 0 {
				fs[i].id = next
				next++
				if dot := strings.IndexByte(fs[i].Name, '.'); dot >= 0 && dot < 255 {
					fs[i].keyAt = uint8(dot + 1)
				}
			}
		}
	}
	number(frameFields[:])
	for _, ps := range [][]protocol{protocols[:], extraProtocols[:]} {
		for i := range ps {
			if ps[i].proto != nil && ps[i].proto.id == 0 {
				ps[i].proto.id = next
				next++
			}
			number(ps[i].fields)
			number(ps[i].others)
		}
	}
	fieldCount = next
	boolLines = make([]atomic.Pointer[[2]string], fieldCount)
}

// Type returns Wireshark's name of f's type, as tshark -G fields shows it
// ("FT_UINT16").
func (f *Field) Type() string {
	if f.Kind == KindFloat && f.Width == 32 {
		return "FT_FLOAT" // a single-precision float (radiotap's rates)
	}
	if (f.Kind == KindUint || f.Kind == KindInt) && f.Width != 0 {
		return f.Kind.String() + strconv.Itoa(int(f.Width))
	}
	return f.Kind.String()
}

// hexDigits returns how many hex digits f's value is shown with.
func (f *Field) hexDigits() int {
	if f.Digits != 0 {
		return int(f.Digits)
	}
	if f.Width == 0 {
		return 2
	}
	return (int(f.Width) + 3) / 4
}

// ValueNames returns the names Wireshark gives f's values (nil: none):
// f.Values, or the names tshark -G values lists for the field.
func (f *Field) ValueNames() *ValueNames {
	if f.Values != nil {
		return f.Values
	}
	if f.id != 0 {
		byID := valueNamesByIDCache.Load()
		if byID == nil {
			t := wsValueNamesByID()
			byID = &t
			valueNamesByIDCache.Store(byID)
		}
		if int(f.id) < len(*byID) {
			return (*byID)[f.id]
		}
	}
	return wsValueNames()[f.Name]
}

// valueNamesByIDCache holds wsValueNamesByID's table once made: a load
// instead of a call through the sync.OnceValue for every line drawn.
var valueNamesByIDCache atomic.Pointer[[]*ValueNames]

// wsValueNamesByID holds, by field id, the names tshark -G values lists
// for the field (nil: none): drawing a field's line finds them without
// hashing its name, once per packet and field. Set in init: the tables it
// reads refer to ValueNames.
var wsValueNamesByID func() []*ValueNames

func init() {
	wsValueNamesByID = sync.OnceValue(valueNamesByID)
	wsBoolNamesByID = sync.OnceValue(boolNamesByID)
}

func valueNamesByID() []*ValueNames {
	names := wsValueNames()
	byID := make([]*ValueNames, fieldCount)
	put := func(fs []Field) {
		for i := range fs {
			if id := fs[i].id; id != 0 && int(id) < len(byID) {
				byID[id] = names[fs[i].Name]
			}
		}
	}
	put(frameFields[:])
	for _, ps := range [][]protocol{protocols[:], extraProtocols[:]} {
		for i := range ps {
			put(ps[i].fields)
			put(ps[i].others)
		}
	}
	return byID
}

// BoolNames returns the names Wireshark gives a boolean field's true and
// false values ("Set", "Not set"), when it gives it names of its own.
func (f *Field) BoolNames() (yes, no string, ok bool) {
	if byID := wsBoolNamesByID(); f.id != 0 && int(f.id) < len(byID) {
		n := byID[f.id]
		return n[0], n[1], n[0] != ""
	}
	n, ok := wsBoolNames()[f.Name]
	return n[0], n[1], ok
}

// wsBoolNamesByID holds, by field id, the names tshark gives the field's
// true and false values (empty: none), as wsValueNamesByID does for
// integers: a flag's line finds them without hashing its name. Set in
// init, as wsValueNamesByID is.
var wsBoolNamesByID func() [][2]string

func boolNamesByID() [][2]string {
	names := wsBoolNames()
	byID := make([][2]string, fieldCount)
	eachTableField(func(f *Field) {
		if id := f.id; id != 0 && int(id) < len(byID) {
			byID[id] = names[f.Name]
		}
	})
	return byID
}

// eachTableField calls fn for every field of the table: the frame's, then
// each protocol's own and those it shares. A shared field is met more
// than once.
func eachTableField(fn func(*Field)) {
	for k := range frameFields {
		fn(&frameFields[k])
	}
	for _, ps := range [][]protocol{protocols[:], extraProtocols[:]} {
		for i := range ps {
			for _, fs := range [][]Field{ps[i].fields, ps[i].others} {
				for k := range fs {
					fn(&fs[k])
				}
			}
		}
	}
}

// ValueNames maps the values of an integer field to names, as a Wireshark
// value_string does. The table is sorted by value, so lookups are a binary
// search with no allocation.
type ValueNames struct {
	Values []ValueName
}

// ValueName is one value and its name.
type ValueName struct {
	Value uint64
	Name  string
}

// Name returns the name of v, or "" when the table has none.
func (vn *ValueNames) Name(v uint64) string {
	if vn == nil {
		return ""
	}
	lo, hi := 0, len(vn.Values)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if vn.Values[m].Value < v {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(vn.Values) && vn.Values[lo].Value == v {
		return vn.Values[lo].Name
	}
	return ""
}

// protoField declares the field that stands for a protocol.
func protoField(name, label string) Field {
	return Field{Name: name, Label: label, Kind: KindProtocol}
}

// titledProtoField is protoField for a protocol tshark always titles
// (Titled).
func titledProtoField(name, label string) Field {
	f := protoField(name, label)
	f.Titled = true
	return f
}

// Protocols returns the protocols rawcap decodes, each with its fields, in
// the order of the protocol table; the frame comes first.
func Protocols() []ProtocolFields {
	return protocolList()
}

// ProtocolFields is one protocol and the fields it declares.
type ProtocolFields struct {
	Protocol *Field
	Fields   []Field
}

var protocolList = sync.OnceValue(func() []ProtocolFields {
	out := []ProtocolFields{{&protoFrame, frameFields[:]}}
	seen := map[*Field]bool{&protoFrame: true}
	add := func(p *protocol) {
		if p.proto == nil || seen[p.proto] {
			return
		}
		seen[p.proto] = true
		out = append(out, ProtocolFields{p.proto, p.fields})
	}
	for i := range protocols {
		add(&protocols[i])
	}
	for i := range extraProtocols {
		add(&extraProtocols[i])
	}
	return out
})

var fieldIndex = sync.OnceValue(func() map[string]*Field {
	m := make(map[string]*Field, fieldCount) // sized once: no rehash at start-up
	for _, p := range protocolList() {
		m[p.Protocol.Name] = p.Protocol
		for i := range p.Fields {
			m[p.Fields[i].Name] = &p.Fields[i]
		}
	}
	return m
})

// LookupField returns the field or protocol rawcap decodes under the
// display-filter name, or nil.
func LookupField(name string) *Field { return fieldIndex()[name] }
