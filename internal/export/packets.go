package export

import (
	"math"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// packetTable turns decoded packets into rows of the packets table.
type packetTable struct {
	cols  []column
	colOf *fieldIndex
	names []string // the fields the FieldsPrinter is asked for
	sink  *sink
	part  Partition

	printer     *decode.FieldsPrinter // per input file: tshark's state restarts
	file        []byte
	first, prev time.Time
	started     bool

	b     *batch
	stamp int64   // the row being filled, for seen
	seen  []int64 // per column: the last row that had a value
}

func newPacketTable(cols []column, o *Options) *packetTable {
	t := &packetTable{cols: cols, part: o.Partition, seen: make([]int64, len(cols))}
	colOf := map[*decode.Field]int32{}
	for i := range cols {
		if f := cols[i].field; f != nil {
			colOf[f] = int32(i)
			t.names = append(t.names, cols[i].name)
		}
	}
	t.colOf = newFieldIndex(colOf)
	return t
}

// startFile begins the packets of a new input file: frame times and
// tshark's per-file state (relative sequence numbers) start again.
func (t *packetTable) startFile(name string) error {
	t.file = append(t.file[:0], name...)
	t.started = false
	t.printer = nil
	if len(t.names) > 0 {
		p, err := decode.NewFieldsPrinter(t.names)
		if err != nil {
			return err
		}
		p.Location = time.UTC
		t.printer = p
	}
	return nil
}

// add appends the row of the packet d last decoded.
func (t *packetTable) add(d *decode.Decoder, f *decode.Frame, lt linktype.Type, data []byte) error {
	tm := f.Time
	if tm.IsZero() {
		tm = time.Unix(0, 0)
	}
	if !t.started {
		t.first, t.prev, t.started = tm, tm, true
	}
	key := partitionKey(t.part, tm)
	if t.b != nil && (t.b.part != key || t.b.rows == batchRows) {
		t.sink.send(t.b)
		t.b = nil
	}
	if t.b == nil {
		b, err := t.sink.get(key)
		if err != nil {
			return err
		}
		t.b = b
	}
	b := t.b
	t.stamp++
	for i := range t.cols {
		var u uint64
		switch t.cols[i].spec {
		case specNone:
			continue
		case specNumber:
			u = uint64(f.Number)
		case specTime:
			u = uint64(tm.UnixNano())
		case specTimeEpoch:
			u = math.Float64bits(float64(tm.Unix()) + float64(tm.Nanosecond())/1e9)
		case specTimeDelta:
			u = math.Float64bits(tm.Sub(t.prev).Seconds())
		case specTimeRelative:
			u = math.Float64bits(tm.Sub(t.first).Seconds())
		case specLen:
			u = uint64(f.Length)
		case specCapLen:
			u = uint64(len(data))
		case specInterfaceID:
			u = uint64(f.Interface)
		case specLinkType:
			u = uint64(lt)
		case specFile:
			b.putBytes(i, t.file, false)
			continue
		case specRaw:
			b.putBytes(i, data, false)
			continue
		}
		b.put(i, u, false)
	}
	t.prev = tm
	if t.printer != nil {
		l := t.printer.Fields(d, f)
		t.addFields(b, l)
	}
	b.rows++
	return nil
}

// addFields adds the decoded columns' values from l (the writer fills in
// a null for each the packet lacks).
func (t *packetTable) addFields(b *batch, l *decode.FieldList) {
	recs := l.Records()
	for k := range recs {
		r := &recs[k]
		if r.JSONOnly || (r.Op != decode.OpValue && r.Op != decode.OpProto) {
			continue
		}
		i, ok := t.colOf.lookup(r.Field)
		if !ok {
			continue
		}
		c := &t.cols[i]
		rep := false
		if t.seen[i] == t.stamp {
			if !c.list {
				continue // the first occurrence only
			}
			rep = true
		}
		t.seen[i] = t.stamp
		var u uint64
		switch c.typ {
		case typeInt32:
			if r.Field.Kind == decode.KindInt {
				u = uint64(uint32(int32(r.Int())))
			} else {
				u = uint64(uint32(r.Uint()))
			}
		case typeInt64:
			u = r.Uint()
		case typeBool:
			if r.Op == decode.OpProto || r.Bool() {
				u = 1
			}
		case typeDouble:
			if r.Field.Kind == decode.KindRelTime {
				u = math.Float64bits(parseSeconds(l.BytesOf(r)))
			} else {
				u = math.Float64bits(r.Float())
			}
		case typeString:
			off := len(b.arena)
			b.arena = decode.AppendFieldText(b.arena, l, r)
			b.putSpan(int(i), off, rep)
			continue
		case typeBytes:
			b.putBytes(int(i), l.BytesOf(r), rep)
			continue
		}
		b.put(int(i), u, rep)
	}
}

// flush hands the batch being filled to the writer.
func (t *packetTable) flush() {
	if t.b != nil {
		t.sink.send(t.b)
		t.b = nil
	}
}

// parseSeconds reads a relative time as decode writes it ("-1.000000500")
// without allocating; 0 for anything else.
func parseSeconds(b []byte) float64 {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	var whole, frac, scale float64 = 0, 0, 1
	dot := false
	for _, c := range b {
		switch {
		case c == '.' && !dot:
			dot = true
		case c >= '0' && c <= '9':
			if dot {
				scale *= 10
				frac = frac*10 + float64(c-'0')
			} else {
				whole = whole*10 + float64(c-'0')
			}
		default:
			return 0
		}
	}
	v := whole + frac/scale
	if neg {
		v = -v
	}
	return v
}
