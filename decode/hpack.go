package decode

// HPACK (RFC 7541): the header compression of HTTP/2's HEADERS,
// PUSH_PROMISE and CONTINUATION frames. hpackDecode decodes a header
// block into a caller's buffers against a dynamic table, without
// allocating once the buffers have grown.

// hpackStatic is the static table (RFC 7541 Appendix A), from index 1.
var hpackStatic = [...][2]string{
	{":authority", ""}, {":method", "GET"}, {":method", "POST"}, {":path", "/"},
	{":path", "/index.html"}, {":scheme", "http"}, {":scheme", "https"}, {":status", "200"},
	{":status", "204"}, {":status", "206"}, {":status", "304"}, {":status", "400"},
	{":status", "404"}, {":status", "500"}, {"accept-charset", ""}, {"accept-encoding", "gzip, deflate"},
	{"accept-language", ""}, {"accept-ranges", ""}, {"accept", ""}, {"access-control-allow-origin", ""},
	{"age", ""}, {"allow", ""}, {"authorization", ""}, {"cache-control", ""},
	{"content-disposition", ""}, {"content-encoding", ""}, {"content-language", ""}, {"content-length", ""},
	{"content-location", ""}, {"content-range", ""}, {"content-type", ""}, {"cookie", ""},
	{"date", ""}, {"etag", ""}, {"expect", ""}, {"expires", ""},
	{"from", ""}, {"host", ""}, {"if-match", ""}, {"if-modified-since", ""},
	{"if-none-match", ""}, {"if-range", ""}, {"if-unmodified-since", ""}, {"last-modified", ""},
	{"link", ""}, {"location", ""}, {"max-forwards", ""}, {"proxy-authenticate", ""},
	{"proxy-authorization", ""}, {"range", ""}, {"referer", ""}, {"refresh", ""},
	{"retry-after", ""}, {"server", ""}, {"set-cookie", ""}, {"strict-transport-security", ""},
	{"transfer-encoding", ""}, {"user-agent", ""}, {"vary", ""}, {"via", ""},
	{"www-authenticate", ""},
}

// Bounds on a dynamic table: RFC 7541's default size, and the most a
// SETTINGS_HEADER_TABLE_SIZE may raise it to here.
const (
	hpackDefaultSize = 4096
	hpackMaxSize     = 64 << 10
)

// HPACK representations, as tshark names them.
const (
	hpackIndexed     = iota // Indexed Header Field
	hpackIncremental        // Literal Header Field with Incremental Indexing
	hpackWithout            // Literal Header Field without Indexing
	hpackNever              // Literal Header Field never Indexed
	hpackSizeUpdate         // Dynamic Table Size Update
)

// hpackField is one decoded header: name and value are offsets into the
// decode buffer; Index is the table index used (0: a literal name).
type hpackField struct {
	nameOff, nameLen, valOff, valLen uint32
	index                            uint32
	rep                              uint8
}

// hpackEntry is a dynamic table entry: offsets into hpackTable.data.
type hpackEntry struct{ off, nlen, vlen uint32 }

// hpackTable is one direction's dynamic table. Entries are kept oldest
// first in ents (from head); their bytes are appended to data and the
// dead prefix is dropped when data doubles.
type hpackTable struct {
	data []byte
	ents []hpackEntry
	head int
	size int // RFC 7541 size: sum of name+value+32
	max  int // current maximum size
	lim  int // the limit a size update may not exceed
}

func (t *hpackTable) init(limit int) {
	if limit > hpackMaxSize {
		limit = hpackMaxSize
	}
	t.data, t.ents, t.head, t.size = t.data[:0], t.ents[:0], 0, 0
	t.max, t.lim = hpackDefaultSize, limit
	if t.max > limit {
		t.max = limit
	}
}

func (t *hpackTable) count() int { return len(t.ents) - t.head }

// entry returns dynamic entry k (1: the newest).
func (t *hpackTable) entry(k int) (name, value []byte) {
	e := t.ents[len(t.ents)-k]
	return t.data[e.off : e.off+e.nlen], t.data[e.off+e.nlen : e.off+e.nlen+e.vlen]
}

func (t *hpackTable) evict(room int) {
	for t.count() > 0 && t.size+room > t.max {
		e := t.ents[t.head]
		t.size -= int(e.nlen+e.vlen) + 32
		t.head++
	}
}

func (t *hpackTable) setMax(n int) {
	t.max = n
	t.evict(0)
	t.compact()
}

// add inserts name/value (which must not alias t.data).
func (t *hpackTable) add(name, value []byte) {
	sz := len(name) + len(value) + 32
	t.evict(sz)
	if sz > t.max {
		return // the table is left empty (RFC 7541 4.4)
	}
	t.compact()
	off := uint32(len(t.data))
	t.data = append(t.data, name...)
	t.data = append(t.data, value...)
	t.ents = append(t.ents, hpackEntry{off, uint32(len(name)), uint32(len(value))})
	t.size += sz
}

// compact drops evicted entries and their bytes once they take half of
// ents or of data, so both stay within twice what the live entries need.
func (t *hpackTable) compact() {
	if t.head == 0 {
		return
	}
	if t.count() == 0 {
		t.data, t.ents, t.head = t.data[:0], t.ents[:0], 0
		return
	}
	base := t.ents[t.head].off
	if t.head*2 < len(t.ents) && int(base)*2 < len(t.data) {
		return
	}
	n := copy(t.data, t.data[base:])
	t.data = t.data[:n]
	m := copy(t.ents, t.ents[t.head:])
	t.ents = t.ents[:m]
	t.head = 0
	for k := range t.ents {
		t.ents[k].off -= base
	}
}

// hpackInt decodes an integer with an n-bit prefix at b[0]; ok false if
// b ends first or the value overflows.
func hpackInt(b []byte, n uint) (v uint64, used int, ok bool) {
	if len(b) == 0 {
		return 0, 0, false
	}
	mask := uint64(1)<<n - 1
	v = uint64(b[0]) & mask
	if v < mask {
		return v, 1, true
	}
	var shift uint
	for k := 1; k < len(b); k++ {
		c := b[k]
		v += uint64(c&0x7f) << shift
		shift += 7
		if shift > 56 {
			return 0, 0, false
		}
		if c&0x80 == 0 {
			return v, k + 1, true
		}
	}
	return 0, 0, false
}

// The canonical Huffman code's decoding tables, by code length.
var hpackHuffDec struct {
	first, count, base [31]uint32
	syms               [256]uint8
}

func init() {
	h := &hpackHuffDec
	n := 0
	for l := uint32(1); l <= 30; l++ {
		h.base[l] = uint32(n)
		for s := 0; s < 256; s++ {
			c := hpackHuff[s]
			if uint32(c>>32) == l {
				if h.count[l] == 0 {
					h.first[l] = uint32(c)
				}
				h.count[l]++
				h.syms[n] = uint8(s)
				n++
			}
		}
	}
}

// hpackHuffman appends the decoding of s to dst; ok false on an invalid
// code or padding (RFC 7541 5.2).
func hpackHuffman(dst, s []byte) ([]byte, bool) {
	h := &hpackHuffDec
	var code uint32
	l := uint32(0)
	for _, c := range s {
		for bit := 7; bit >= 0; bit-- {
			code = code<<1 | uint32(c>>uint(bit))&1
			l++
			if l > 30 {
				return dst, false // EOS or longer
			}
			if h.count[l] != 0 && code >= h.first[l] && code-h.first[l] < h.count[l] {
				dst = append(dst, h.syms[h.base[l]+code-h.first[l]])
				code, l = 0, 0
			}
		}
	}
	// padding: fewer than 8 bits, all ones
	return dst, l < 8 && code == 1<<l-1
}

// hpackString decodes a string literal at b into buf.
func hpackString(buf, b []byte) (out []byte, used int, ok bool) {
	n, k, ok := hpackInt(b, 7)
	if !ok || uint64(len(b)-k) < n {
		return buf, 0, false
	}
	s := b[k : k+int(n)]
	if b[0]&0x80 != 0 {
		buf, ok = hpackHuffman(buf, s)
		return buf, k + int(n), ok
	}
	return append(buf, s...), k + int(n), true
}

// hpackDecode decodes block against t, appending the fields to fs and
// their bytes to buf (offsets in the fields are into buf). ok is false at
// the first error; the fields before it are kept.
func hpackDecode(t *hpackTable, block []byte, fs []hpackField, buf []byte) ([]hpackField, []byte, bool) {
	fs, buf, _, ok := hpackDecodeRest(t, block, fs, buf)
	return fs, buf, ok
}

// hpackDecodeRest is hpackDecode that also returns what is left of block
// from the representation it could not decode (nil when it decoded all):
// a block split across frames goes on in the next one.
func hpackDecodeRest(t *hpackTable, block []byte, fs []hpackField, buf []byte) ([]hpackField, []byte, []byte, bool) {
	for len(block) > 0 {
		rep := block
		c := block[0]
		var f hpackField
		var idx uint64
		var used int
		var ok bool
		switch {
		case c&0x80 != 0:
			f.rep = hpackIndexed
			idx, used, ok = hpackInt(block, 7)
		case c&0xc0 == 0x40:
			f.rep = hpackIncremental
			idx, used, ok = hpackInt(block, 6)
		case c&0xe0 == 0x20:
			n, used, ok := hpackInt(block, 5)
			if !ok || n > uint64(t.lim) {
				return fs, buf, rep, false
			}
			t.setMax(int(n))
			block = block[used:]
			continue
		case c&0xf0 == 0x10:
			f.rep = hpackNever
			idx, used, ok = hpackInt(block, 4)
		default:
			f.rep = hpackWithout
			idx, used, ok = hpackInt(block, 4)
		}
		if !ok {
			return fs, buf, rep, false
		}
		block = block[used:]
		f.index = uint32(idx)
		f.nameOff = uint32(len(buf))
		if f.rep == hpackIndexed || idx != 0 {
			switch {
			case idx == 0:
				return fs, buf, rep, false
			case idx <= uint64(len(hpackStatic)):
				e := &hpackStatic[idx-1]
				buf = append(buf, e[0]...)
				f.nameLen = uint32(len(e[0]))
				if f.rep == hpackIndexed {
					buf = append(buf, e[1]...)
				}
			case idx-uint64(len(hpackStatic)) <= uint64(t.count()):
				n, v := t.entry(int(idx) - len(hpackStatic))
				buf = append(buf, n...)
				f.nameLen = uint32(len(n))
				if f.rep == hpackIndexed {
					buf = append(buf, v...)
				}
			default:
				return fs, buf, rep, false
			}
		} else {
			buf, used, ok = hpackString(buf, block)
			if !ok {
				return fs, buf, rep, false
			}
			block = block[used:]
			f.nameLen = uint32(len(buf)) - f.nameOff
		}
		f.valOff = f.nameOff + f.nameLen
		if f.rep != hpackIndexed {
			buf, used, ok = hpackString(buf, block)
			if !ok {
				return fs, buf, rep, false
			}
			block = block[used:]
		}
		f.valLen = uint32(len(buf)) - f.valOff
		if f.rep == hpackIncremental {
			t.add(buf[f.nameOff:f.valOff], buf[f.valOff:f.valOff+f.valLen])
		}
		fs = append(fs, f)
	}
	return fs, buf, nil, true
}
