package stats

import (
	"context"
	"io"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/pcapio"
)

// Table is what every statistics table does: count one packet.
type Table interface {
	Add(d *decode.Decoder, f *decode.Frame)
}

// Run reads r to its end, decodes each packet with d and gives it to every
// table, in order. When keep is not nil, only the packets it keeps are
// decoded and counted, as if the file held only those. Run returns the
// number of packets read and the reader's error (nil at the end of the
// file); the tables hold every good packet before it. It checks ctx every
// thousand packets.
func Run(ctx context.Context, r *pcapio.Reader, d *decode.Decoder, keep func(*pcapio.Packet) bool, tables ...Table) (int, error) {
	var f decode.Frame
	n := 0
	for {
		if n&1023 == 0 && ctx.Err() != nil {
			return n, ctx.Err()
		}
		p, err := r.Next()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		n++
		if keep != nil && !keep(p) {
			continue
		}
		f.Number = n
		f.Time = p.Time
		f.Length = p.Length
		f.Interface = p.Interface
		f.Comment = ""
		if raw, _ := p.Options.Raw(); len(raw) > 0 {
			f.Comment, _ = p.Options.Comment()
		}
		d.Decode(p.Data, p.LinkType)
		for _, t := range tables {
			t.Add(d, &f)
		}
	}
}
