package decode_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
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
	differ := 0
	for _, cf := range loadCorpus(t) {
		r, err := pcapio.Open(cf.path)
		if err != nil {
			continue
		}
		differ += compareOwnedPrinter(t, names, cf.name, "transports only", readerPackets(r), 5-differ)
		r.Close()
	}
	if differ > 0 {
		t.Errorf("%d packets differ", differ)
	}
}

// compareOwnedPrinter prints the named fields of the packets next yields
// with the whole tracker and with a printer that owns its Decoder
// (SkipTracker), and returns in how many packets the lines differ,
// reporting the first report of them (mode names the second printer's).
func compareOwnedPrinter(t *testing.T, names []string, name, mode string, next func() (pcapio.Packet, bool), report int) int {
	t.Helper()
	full, err := decode.NewFieldsPrinter(names)
	if err != nil {
		t.Fatal(err)
	}
	own, _ := decode.NewFieldsPrinter(names)
	full.Location, own.Location, own.SkipTracker = time.UTC, time.UTC, true
	d1, d2 := decode.NewDecoder(), decode.NewDecoder()
	var a, b []byte
	differ := 0
	for i := 0; ; i++ {
		pk, ok := next()
		if !ok {
			return differ
		}
		f := decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length, Interface: pk.Interface}
		d1.Decode(pk.Data, pk.LinkType)
		a = full.Append(a[:0], d1, &f)
		d2.Decode(pk.Data, pk.LinkType)
		b = own.Append(b[:0], d2, &f)
		if string(a) != string(b) {
			if differ++; differ <= report {
				t.Errorf("%s frame %d: with the whole tracker %q, %s %q", name, i+1, a, mode, b)
			}
		}
	}
}

// readerPackets yields r's packets.
func readerPackets(r *pcapio.Reader) func() (pcapio.Packet, bool) {
	return func() (pcapio.Packet, bool) {
		pk, err := r.Next()
		if err != nil {
			return pcapio.Packet{}, false
		}
		return *pk, true
	}
}

// reusedPortsFlow returns a connection, then the same ports with a new
// ISN (a new stream), then that SYN again (the same stream) and its SYN-ACK.
func reusedPortsFlow(t *testing.T) *sshFlow {
	fl := newSSHFlow(t, 40000)
	fl.send(true, []byte("hello"))
	fl.frames = append(fl.frames, fl.frame(true, 0x11, nil), fl.frame(false, 0x11, nil))
	fl.cseq += 100000
	syn := fl.frame(true, 0x02, nil)
	fl.frames = append(fl.frames, syn, syn, fl.frame(false, 0x12, nil))
	return fl
}

// TestStreamsOnlyKeepsStreams: a printer that owns its Decoder and reads
// no tracked field but the stream indexes (the tracker then leaves TCP's
// analysis out, Decoder.streamsOnly) numbers the streams as the whole
// tracker does, on every corpus capture and on a port pair reused with a
// new initial sequence number (a new stream) and with the same one (a
// retransmitted SYN: the same stream).
func TestStreamsOnlyKeepsStreams(t *testing.T) {
	names := []string{"frame.number", "tcp.stream", "udp.stream", "tcp.srcport", "tcp.dstport", "ip.src"}
	fl := reusedPortsFlow(t)
	k := 0
	compare := func(name string, next func() (pcapio.Packet, bool)) {
		compareOwnedPrinter(t, names, name, "streams only", next, 1)
	}
	compare("reused ports", func() (pcapio.Packet, bool) {
		if k == len(fl.frames) {
			return pcapio.Packet{}, false
		}
		k++
		return pcapio.Packet{Data: fl.frames[k-1], Length: len(fl.frames[k-1]), LinkType: linktype.Ethernet, Time: time.Unix(int64(k), 0)}, true
	})
	for _, cf := range loadCorpus(t) {
		r, err := pcapio.Open(cf.path)
		if err != nil {
			continue
		}
		compare(cf.name, readerPackets(r))
		r.Close()
	}
}

// TestPinnedStreamKeepsMembers: a printer pinned to TCP stream N
// (PinTCPStream, the tracker following N's connection alone once it is
// open) finds N in exactly the packets the whole tracker numbers N, for
// the first streams and the last of every corpus capture and for a port
// pair reused by a new connection (pinned to the first and to the second).
func TestPinnedStreamKeepsMembers(t *testing.T) {
	fl := reusedPortsFlow(t)
	fl.send(true, []byte("again"))
	var reused []pcapio.Packet
	for k, b := range fl.frames {
		reused = append(reused, pcapio.Packet{Data: b, Length: len(b), LinkType: linktype.Ethernet, Time: time.Unix(int64(k+1), 0)})
	}
	captures := map[string][]pcapio.Packet{"reused ports": reused}
	if !testing.Short() {
		for _, cf := range loadCorpus(t) {
			r, err := pcapio.Open(cf.path)
			if err != nil {
				continue
			}
			var pkts []pcapio.Packet
			for next := readerPackets(r); ; {
				pk, ok := next()
				if !ok {
					break
				}
				pk.Data = append([]byte(nil), pk.Data...)
				pkts = append(pkts, pk)
			}
			r.Close()
			captures[cf.name] = pkts
		}
	}
	// members returns, per frame, the stream numbers the printer p finds.
	// A pinned printer is not given a packet that does not carry the ports
	// of its open connection (PinnedPorts, CarriesPorts), as -r -w -Y does
	// not decode it.
	dropped := 0
	members := func(p *decode.FieldsPrinter, pkts []pcapio.Packet) []string {
		d := decode.NewDecoder()
		out := make([]string, len(pkts))
		var b []byte
		for i, pk := range pkts {
			if a, b, ok := p.PinnedPorts(d); ok && !decode.CarriesPorts(pk.Data, a, b) {
				out[i] = ",,"
				dropped++
				continue
			}
			f := decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length}
			d.Decode(pk.Data, pk.LinkType)
			b = p.Append(b[:0], d, &f)
			out[i] = "," + strings.TrimSuffix(string(b), "\n") + ","
		}
		return out
	}
	checked, differ, left := 0, 0, 0
	for name, pkts := range captures {
		full, _ := decode.NewFieldsPrinter([]string{"tcp.stream"})
		whole := members(full, pkts)
		last := -1
		for _, m := range whole {
			for _, v := range strings.Split(strings.Trim(m, ","), ",") {
				if n, err := strconv.Atoi(v); err == nil && n > last {
					last = n
				}
			}
		}
		for n := 0; n <= last; n++ {
			if n >= 8 && n != last {
				continue
			}
			own, _ := decode.NewFieldsPrinter([]string{"tcp.stream"})
			own.SkipTracker = true
			own.PinTCPStream(uint32(n))
			pinned := members(own, pkts)
			want := "," + strconv.Itoa(n) + ","
			checked++
			for i := range pkts {
				if whole[i] != ",," && pinned[i] == ",," {
					left++ // a frame of another stream, given nothing
				}
				if a, b := strings.Contains(whole[i], want), strings.Contains(pinned[i], want); a != b {
					if differ++; differ <= 5 {
						t.Errorf("%s, stream %d, frame %d: in it with the whole tracker %v (%s), pinned %v (%s)", name, n, i+1, a, whole[i], b, pinned[i])
					}
				}
			}
		}
	}
	t.Logf("%d captures, %d pinned streams checked, %d frames differ; %d frames of other streams left alone; %d frames dropped undecoded", len(captures), checked, differ, left, dropped)
	if left == 0 {
		t.Error("the pin never left a frame alone")
	}
}
