package decode

// The http2.headers.* fields tshark 4.0 adds under a decoded header whose
// name it knows (one per name, from its list of common headers): a copy of
// the value, drawn as "name: value". Numeric ones are numbers (tshark adds
// them only when the whole value parses).
var http2NamedFields = [...]Field{
	{Name: "http2.headers.authority", Label: ":authority", Kind: KindString},
	{Name: "http2.headers.status", Label: ":status", Kind: KindUint, Width: 16},
	{Name: "http2.headers.path", Label: ":path", Kind: KindString},
	{Name: "http2.headers.method", Label: ":method", Kind: KindString},
	{Name: "http2.headers.scheme", Label: ":scheme", Kind: KindString},
	{Name: "http2.headers.accept", Label: "accept", Kind: KindString},
	{Name: "http2.headers.accept_charset", Label: "accept-charset", Kind: KindString},
	{Name: "http2.headers.accept_encoding", Label: "accept-encoding", Kind: KindString},
	{Name: "http2.headers.accept_language", Label: "accept-language", Kind: KindString},
	{Name: "http2.headers.accept_ranges", Label: "accept-ranges", Kind: KindString},
	{Name: "http2.headers.access_control_allow_origin", Label: "access-control-allow-origin", Kind: KindString},
	{Name: "http2.headers.age", Label: "age", Kind: KindUint, Width: 64},
	{Name: "http2.headers.allow", Label: "allow", Kind: KindString},
	{Name: "http2.headers.authorization", Label: "authorization", Kind: KindString},
	{Name: "http2.headers.cache_control", Label: "cache-control", Kind: KindString},
	{Name: "http2.headers.content_disposition", Label: "content-disposition", Kind: KindString},
	{Name: "http2.headers.content_encoding", Label: "content-encoding", Kind: KindString},
	{Name: "http2.headers.content_language", Label: "content-language", Kind: KindString},
	{Name: "http2.headers.content_length", Label: "content-length", Kind: KindUint, Width: 64},
	{Name: "http2.headers.content_location", Label: "content-location", Kind: KindString},
	{Name: "http2.headers.content_range", Label: "content-range", Kind: KindString},
	{Name: "http2.headers.content_type", Label: "content-type", Kind: KindString},
	{Name: "http2.headers.cookie", Label: "cookie", Kind: KindString},
	{Name: "http2.headers.date", Label: "date", Kind: KindString},
	{Name: "http2.headers.etag", Label: "etag", Kind: KindString},
	{Name: "http2.headers.expect", Label: "expect", Kind: KindString},
	{Name: "http2.headers.expires", Label: "expires", Kind: KindString},
	{Name: "http2.headers.from", Label: "from", Kind: KindString},
	{Name: "http2.headers.if_match", Label: "if-match", Kind: KindString},
	{Name: "http2.headers.if_modified_since", Label: "if-modified-since", Kind: KindString},
	{Name: "http2.headers.if_none_match", Label: "if-none-match", Kind: KindString},
	{Name: "http2.headers.if_range", Label: "if-range", Kind: KindString},
	{Name: "http2.headers.if_unmodified_since", Label: "if-unmodified-since", Kind: KindString},
	{Name: "http2.headers.last_modified", Label: "last-modified", Kind: KindString},
	{Name: "http2.headers.link", Label: "link", Kind: KindString},
	{Name: "http2.headers.location", Label: "location", Kind: KindString},
	{Name: "http2.headers.max_forwards", Label: "max-forwards", Kind: KindUint, Width: 64},
	{Name: "http2.headers.proxy_authenticate", Label: "proxy-authenticate", Kind: KindString},
	{Name: "http2.headers.proxy_authorization", Label: "proxy-authorization", Kind: KindString},
	{Name: "http2.headers.range", Label: "range", Kind: KindString},
	{Name: "http2.headers.referer", Label: "referer", Kind: KindString},
	{Name: "http2.headers.refresh", Label: "refresh", Kind: KindString},
	{Name: "http2.headers.retry_after", Label: "retry-after", Kind: KindString},
	{Name: "http2.headers.server", Label: "server", Kind: KindString},
	{Name: "http2.headers.set_cookie", Label: "set-cookie", Kind: KindString},
	{Name: "http2.headers.strict_transport_security", Label: "strict-transport-security", Kind: KindString},
	{Name: "http2.headers.user_agent", Label: "user-agent", Kind: KindString},
	{Name: "http2.headers.vary", Label: "vary", Kind: KindString},
	{Name: "http2.headers.via", Label: "via", Kind: KindString},
	{Name: "http2.headers.www_authenticate", Label: "www-authenticate", Kind: KindString},
}

// http2Fields is the protocol's field table: the frame fields, then the
// http2.headers.* ones.
var http2Fields = func() (t [http2FieldCount]Field) {
	copy(t[:], http2BaseFields[:])
	copy(t[http2NamedFirst:], http2NamedFields[:])
	return t
}()

// http2NamedField returns the http2.headers.* field for a header name
// (its label), nil for a name tshark has none for.
func http2NamedField(name []byte) *Field {
	for k := http2NamedFirst; k < http2FieldCount; k++ {
		if http2Fields[k].Label == string(name) {
			return &http2Fields[k]
		}
	}
	return nil
}

// http2NamedValue parses a header value for f: the whole value as a
// decimal number for a numeric field (ok false when it is not one, as
// tshark then adds nothing).
func http2NamedValue(f *Field, v []byte) (n uint64, ok bool) {
	if f.Kind != KindUint {
		return 0, true
	}
	if len(v) == 0 {
		return 0, false
	}
	max := uint64(1)<<f.Width - 1
	if f.Width == 64 {
		max = ^uint64(0)
	}
	for _, c := range v {
		if c < '0' || c > '9' {
			return 0, false
		}
		d := uint64(c - '0')
		if n > (max-d)/10 {
			return 0, false
		}
		n = n*10 + d
	}
	return n, true
}
