package decode_test

import (
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/pcapio"
)

// TestTransportTrackingKeepsValues checks that a printer that owns its
// Decoder and reads only transport fields (SkipTracker: the tracker then
// follows the TCP and UDP conversations alone, not HTTP, QUIC, SSH …) prints
// what a printer with the whole tracker prints, on every corpus capture:
// the stream indexes, relative numbers, analysis, request pairs and times
// a display filter such as tcp.stream eq 7 reads.
func TestTransportTrackingKeepsValues(t *testing.T) {
	names := []string{"frame.number", "frame.time_delta", "frame.time_relative", "tcp.stream", "tcp.seq", "tcp.ack",
		"tcp.nxtseq", "tcp.len", "tcp.window_size", "tcp.analysis.flags", "tcp.analysis.retransmission",
		"tcp.analysis.ack_rtt", "tcp.analysis.bytes_in_flight", "tcp.time_delta", "tcp.completeness", "udp.stream",
		"udp.time_delta", "icmp.resp_in", "icmp.resp_to", "icmpv6.resp_in", "ip.src", "tcp.options.sack_le", "tcp"}
	known := names[:0]
	for _, n := range names {
		if decode.LookupField(n) != nil {
			known = append(known, n)
		}
	}
	names = known
	files := loadCorpus(t)
	differ := 0
	for _, cf := range files {
		full, err := decode.NewFieldsPrinter(names)
		if err != nil {
			t.Fatal(err)
		}
		own, _ := decode.NewFieldsPrinter(names)
		full.Location, own.Location, own.SkipTracker = time.UTC, time.UTC, true
		r, err := pcapio.Open(cf.path)
		if err != nil {
			continue
		}
		d1, d2 := decode.NewDecoder(), decode.NewDecoder()
		var a, b []byte
		for i := 0; ; i++ {
			pk, err := r.Next()
			if err != nil {
				break
			}
			f := decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length, Interface: pk.Interface}
			d1.Decode(pk.Data, pk.LinkType)
			a = full.Append(a[:0], d1, &f)
			d2.Decode(pk.Data, pk.LinkType)
			b = own.Append(b[:0], d2, &f)
			if string(a) != string(b) {
				if differ++; differ <= 5 {
					t.Errorf("%s frame %d: with the whole tracker %q, with transports only %q", cf.name, i+1, a, b)
				}
			}
		}
		r.Close()
	}
	if differ > 0 {
		t.Errorf("%d packets differ", differ)
	}
}
