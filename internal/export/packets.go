package export

import (
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// packetTable turns decoded packets into rows of the packets table.
type packetTable struct {
	cols    []column
	decoded []int32 // the indexes of the columns of decoded fields
	colOf   *fieldIndex
	names   []string // the fields the FieldsPrinter is asked for
	sink    *sink
	part    Partition

	printer     *decode.FieldsPrinter // per input file: tshark's state restarts
	file        []byte
	first, prev time.Time
	started     bool

	b     *batch
	stamp int64           // the row being filled, for seen
	seen  []int64         // per column: the last row that had a value
	nulls []parquet.Value // per column: its null, levels set
	defs  []int           // per column: the definition level of a value
}

func newPacketTable(cols []column, o *Options) *packetTable {
	t := &packetTable{cols: cols, part: o.Partition, seen: make([]int64, len(cols))}
	colOf := map[*decode.Field]int32{}
	for i := range cols {
		t.nulls = append(t.nulls, parquet.NullValue().Level(0, 0, i))
		t.defs = append(t.defs, cols[i].maxDef())
		if f := cols[i].field; f != nil {
			t.decoded = append(t.decoded, int32(i))
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
		c := &t.cols[i]
		var v parquet.Value
		switch c.spec {
		case specNone:
			continue
		case specNumber:
			v = parquet.Int64Value(int64(f.Number))
		case specTime:
			v = parquet.Int64Value(tm.UnixNano())
		case specTimeEpoch:
			v = parquet.DoubleValue(float64(tm.Unix()) + float64(tm.Nanosecond())/1e9)
		case specTimeDelta:
			v = parquet.DoubleValue(tm.Sub(t.prev).Seconds())
		case specTimeRelative:
			v = parquet.DoubleValue(tm.Sub(t.first).Seconds())
		case specLen:
			v = parquet.Int64Value(int64(f.Length))
		case specCapLen:
			v = parquet.Int64Value(int64(len(data)))
		case specInterfaceID:
			v = parquet.Int64Value(int64(f.Interface))
		case specLinkType:
			v = parquet.Int32Value(int32(lt))
		case specFile:
			v = b.bytes(t.file)
		case specRaw:
			v = b.bytes(data)
		}
		b.vals[i] = appendValue(b.vals[i], v, 0, t.defs[i], i)
	}
	t.prev = tm
	if t.printer != nil {
		l := t.printer.Fields(d, f)
		t.addFields(b, l)
	}
	b.rows++
	return nil
}

// addFields adds the decoded columns' values from l, and a null for each
// the packet lacks.
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
		rep := 0
		if t.seen[i] == t.stamp {
			if !c.list {
				continue // the first occurrence only
			}
			rep = 1
		}
		t.seen[i] = t.stamp
		var v parquet.Value
		switch c.typ {
		case typeInt32:
			if r.Field.Kind == decode.KindInt {
				v = parquet.Int32Value(int32(r.Int()))
			} else {
				v = parquet.Int32Value(int32(r.Uint()))
			}
		case typeInt64:
			v = parquet.Int64Value(int64(r.Uint()))
		case typeBool:
			v = parquet.BooleanValue(r.Op == decode.OpProto || r.Bool())
		case typeDouble:
			if r.Field.Kind == decode.KindRelTime {
				v = parquet.DoubleValue(parseSeconds(l.BytesOf(r)))
			} else {
				v = parquet.DoubleValue(r.Float())
			}
		case typeString:
			off := len(b.arena)
			b.arena = decode.AppendFieldText(b.arena, l, r)
			v = parquet.ByteArrayValue(b.arena[off:len(b.arena):len(b.arena)])
		case typeBytes:
			v = b.bytes(l.BytesOf(r))
		}
		b.vals[i] = appendValue(b.vals[i], v, rep, t.defs[i], int(i))
	}
	for _, i := range t.decoded {
		if t.seen[i] != t.stamp {
			b.vals[i] = append(b.vals[i], t.nulls[i])
		}
	}
}

// appendValue appends v with its levels and column index, set in place
// (Value.Level copies the value twice and is not inlined).
func appendValue(vals []parquet.Value, v parquet.Value, rep, def, col int) []parquet.Value {
	vals = append(vals, v)
	e := &vals[len(vals)-1]
	e.SetRepetitionLevel(rep)
	e.SetDefinitionLevel(def)
	e.SetColumnIndex(col)
	return vals
}

// flush hands the batch being filled to the writer.
func (t *packetTable) flush() {
	if t.b != nil {
		t.sink.send(t.b)
		t.b = nil
	}
}

// bytes returns a BYTE_ARRAY value holding a copy of p in b's arena.
func (b *batch) bytes(p []byte) parquet.Value {
	off := len(b.arena)
	b.arena = append(b.arena, p...)
	return parquet.ByteArrayValue(b.arena[off:len(b.arena):len(b.arena)])
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
