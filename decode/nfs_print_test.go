package decode_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/synth"
	"github.com/rawcap/rawcap/linktype"
)

// FuzzNFSLine feeds a call and a reply (UDP datagrams, or TCP segments
// with their record marks) between port 800 and 2049 to tcpdump's NFS
// printer as rawcap writes it, at each verbosity, and to the -V tree and
// the packet list: nothing may panic. The seeds are the generated
// session's pairs and the corpus's RPC payloads.
func FuzzNFSLine(f *testing.F) {
	pkts := synth.NFSSession(time.Unix(1700000000, 0))
	for k := 0; k+1 < len(pkts); k++ {
		c, r := pkts[k].Data, pkts[k+1].Data
		switch {
		case len(c) > 42 && c[23] == 17 && len(r) > 42 && r[23] == 17:
			f.Add(c[42:], r[42:], false)
		case len(c) > 54 && c[23] == 6 && len(r) > 54 && r[23] == 6:
			f.Add(c[54:], r[54:], true)
		}
	}
	for _, p := range appPayloads(f, decode.LayerRPC) {
		f.Add(p, p, false)
	}
	d := decode.NewDecoder()
	lps := []*decode.LinePrinter{
		{Options: decode.LineOptions{Location: time.UTC}},
		{Options: decode.LineOptions{Location: time.UTC, Verbose: 1}},
		{Options: decode.LineOptions{Location: time.UTC, Verbose: 2}},
	}
	tp := &decode.TreePrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{}
	n := 0
	f.Fuzz(func(t *testing.T, call, reply []byte, tcp bool) {
		for k, fr := range [][]byte{appFrame(call, 800, 2049, tcp), appFrame(reply, 2049, 800, tcp)} {
			d.Decode(fr, linktype.Ethernet)
			n++
			x := decode.Frame{Number: n, Time: time.Unix(int64(1+k), 0), Length: len(fr)}
			for _, lp := range lps {
				lp.Append(nil, d, &x)
			}
			tp.Append(nil, d, &x)
			cp.Append(nil, d, &x)
		}
	})
}

// TestNFSSessionCutEverywhere reads every packet of the generated session
// cut at every length, with every printer: a body cut short is data, never
// a panic, and the JSON stays valid.
func TestNFSSessionCutEverywhere(t *testing.T) {
	pkts := synth.NFSSession(time.Unix(1700000000, 0))
	d := decode.NewDecoder()
	lp := &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC, Verbose: 2}}
	tp := &decode.TreePrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{}
	jp := &decode.JSONPrinter{Location: time.UTC}
	n := 0
	for _, pk := range pkts {
		for cut := 0; cut <= len(pk.Data); cut++ {
			n++
			x := decode.Frame{Number: n, Time: pk.Time, Length: len(pk.Data)}
			d.Decode(pk.Data[:cut], linktype.Ethernet)
			lp.Append(nil, d, &x)
			tp.Append(nil, d, &x)
			cp.Append(nil, d, &x)
			if js := jp.Append(nil, d, &x); !json.Valid(js) {
				t.Fatalf("invalid JSON at %d bytes: %s", cut, js)
			}
		}
	}
}
