package decode

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// seg is one TCP segment of a test conversation between the client
// 10.0.0.1:40000 and the server 10.0.0.2:80.
type seg struct {
	fromServer bool
	ms         int // milliseconds since the start
	flags      uint16
	seq, ack   uint32 // absolute
	win        uint16
	length     int
	wscale     int // window scale option when >= 0 (SYNs)
}

// rawTCP builds a raw IPv4 packet carrying s.
func rawTCP(s seg) []byte {
	opt := []byte(nil)
	if s.wscale >= 0 {
		opt = []byte{1, 3, 3, byte(s.wscale)}
	}
	hl := 20 + len(opt)
	b := make([]byte, 20+hl+s.length)
	b[0], b[8], b[9] = 0x45, 64, 6
	b[2], b[3] = byte(len(b)>>8), byte(len(b))
	src, dst := []byte{10, 0, 0, 1}, []byte{10, 0, 0, 2}
	sp, dp := 40000, 80
	if s.fromServer {
		src, dst, sp, dp = dst, src, dp, sp
	}
	copy(b[12:], src)
	copy(b[16:], dst)
	t := b[20:]
	t[0], t[1], t[2], t[3] = byte(sp>>8), byte(sp), byte(dp>>8), byte(dp)
	for i, v := range []uint32{s.seq, s.ack} {
		t[4+4*i], t[5+4*i], t[6+4*i], t[7+4*i] = byte(v>>24), byte(v>>16), byte(v>>8), byte(v)
	}
	t[12] = byte(hl/4) << 4
	t[13] = byte(s.flags)
	t[14], t[15] = byte(s.win>>8), byte(s.win)
	copy(t[20:], opt)
	return b
}

// tcpScenario has, in order: a handshake with window scaling, data and its
// ACK, a retransmission, duplicate ACKs, a lost segment and the ACK of an
// unseen one, a window update, a zero window, a keep-alive and its ACK, a
// FIN from each side, and a new connection on the same ports.
var tcpScenario = []seg{
	{false, 0, TCPSyn, 1000, 0, 64240, 0, 7},
	{true, 10, TCPSyn | TCPAck, 5000, 1001, 65160, 0, 7},
	{false, 20, TCPAck, 1001, 5001, 502, 0, -1},
	{false, 30, TCPAck | TCPPsh, 1001, 5001, 502, 100, -1},
	{false, 40, TCPAck | TCPPsh, 1101, 5001, 502, 50, -1},
	{true, 50, TCPAck, 5001, 1101, 509, 0, -1},
	{false, 400, TCPAck | TCPPsh, 1101, 5001, 502, 50, -1}, // retransmission
	{true, 410, TCPAck, 5001, 1151, 509, 0, -1},
	{true, 411, TCPAck, 5001, 1151, 509, 0, -1},   // duplicate ACK
	{true, 412, TCPAck, 5001, 1151, 509, 0, -1},   // duplicate ACK
	{false, 500, TCPAck, 1351, 5001, 502, 20, -1}, // previous segment lost
	{true, 510, TCPAck, 5001, 1371, 600, 0, -1},
	{true, 520, TCPAck, 5001, 1371, 700, 0, -1},   // window update
	{true, 530, TCPAck, 5001, 1371, 0, 0, -1},     // zero window
	{true, 540, TCPAck, 5001, 1371, 700, 0, -1},   // window update
	{false, 5000, TCPAck, 1370, 5001, 502, 0, -1}, // keep-alive
	{true, 5010, TCPAck, 5001, 1371, 700, 0, -1},  // keep-alive ACK
	{false, 6000, TCPAck | TCPFin, 1371, 5001, 502, 0, -1},
	{true, 6010, TCPAck | TCPFin, 5001, 1372, 700, 0, -1},
	{false, 6020, TCPAck, 1372, 5002, 502, 0, -1},
	{false, 9000, TCPSyn, 777000, 0, 64240, 0, -1}, // same ports, new connection
	{true, 9010, TCPSyn | TCPAck, 888000, 777001, 65160, 0, -1},
	{false, 9020, TCPAck, 777001, 888001, 64240, 0, -1},
	{false, 9030, TCPAck, 777001, 888001, 64240, 100, -1},
	{false, 9031, TCPAck, 777101, 888001, 64240, 100, -1},
	{false, 9032, TCPAck, 777201, 888001, 64240, 100, -1},
	{true, 9040, TCPAck, 888001, 777101, 65160, 0, -1},
	{true, 9041, TCPAck, 888001, 777101, 65160, 0, -1},
	{true, 9042, TCPAck, 888001, 777101, 65160, 0, -1},
	{false, 9045, TCPAck, 777101, 888001, 64240, 100, -1}, // fast retransmission
	{true, 9060, TCPAck, 888001, 777301, 65160, 0, -1},
	{false, 9061, TCPAck, 777401, 888001, 64240, 100, -1}, // previous segment lost
	{false, 9062, TCPAck, 777301, 888001, 64240, 100, -1}, // out of order
	{true, 9070, TCPAck, 888001, 777501, 0, 0, -1},        // zero window
	{false, 9080, TCPAck, 777501, 888001, 64240, 1, -1},   // zero window probe
	{true, 9090, TCPAck, 888001, 777501, 0, 0, -1},        // zero window probe ACK
	{true, 9100, TCPAck, 888001, 777502, 100, 0, -1},
	{false, 9110, TCPAck, 777502, 888001, 64240, 100, -1}, // window full
	{false, 9200, TCPAck, 777301, 888001, 64240, 100, -1}, // spurious retransmission
	{true, 9300, TCPAck, 888001, 778000, 100, 0, -1},      // ACKed unseen segment
	{false, 20000, TCPSyn, 3000, 0, 64240, 0, -1},         // same ports again, iRTT 100 ms
	{true, 20050, TCPSyn | TCPAck, 7000, 3001, 65160, 0, -1},
	{false, 20100, TCPAck, 3001, 7001, 64240, 0, -1},
	{false, 20200, TCPAck, 3001, 7001, 64240, 100, -1},
	{false, 20201, TCPAck, 3101, 7001, 64240, 100, -1},
	{true, 20210, TCPAck, 7001, 3201, 65160, 0, -1},
	{false, 20220, TCPAck, 3001, 7001, 64240, 100, -1}, // both acknowledged and soon after: spurious or out of order
	{false, 20300, TCPAck, 3201, 7001, 64240, 100, -1},
	{false, 20301, TCPAck, 3301, 7001, 64240, 100, -1},
	{false, 21000, TCPAck, 3301, 7001, 64240, 100, -1}, // retransmission: RTO from which frame
}

// analysisFields is what the tracker says of s in the terms of tshark's
// fields, joined as tshark -T fields prints them.
func analysisFields(s *tcpSegment) string {
	u := func(v uint32) string { return strconv.FormatUint(uint64(v), 10) }
	opt := func(v uint32) string {
		if v == 0 {
			return ""
		}
		return u(v)
	}
	var flags []string
	for _, f := range []struct {
		bit  uint16
		name string
	}{{tcpAReusedPorts, "reused_ports"}, {tcpARetransmission, "retransmission"}, {tcpAFastRetrans, "fast_retransmission"},
		{tcpASpuriousRetrans, "spurious_retransmission"}, {tcpAOutOfOrder, "out_of_order"}, {tcpALostPacket, "lost_segment"},
		{tcpAAckLostPacket, "ack_lost_segment"}, {tcpAWindowUpdate, "window_update"}, {tcpAWindowFull, "window_full"},
		{tcpAKeepAlive, "keep_alive"}, {tcpAKeepAliveAck, "keep_alive_ack"}, {tcpADuplicateAck, "duplicate_ack"},
		{tcpAZeroWindowProbe, "zero_window_probe"}, {tcpAZeroWindow, "zero_window"}, {tcpAZeroWindowAck, "zero_window_probe_ack"}} {
		if s.Flags&f.bit != 0 || f.bit == tcpARetransmission && s.Flags&(tcpAFastRetrans|tcpASpuriousRetrans) != 0 {
			flags = append(flags, f.name)
		}
	}
	rto := "" // tshark shows the RTO frame only with a non-zero RTO
	if s.Flags&tcpARetransmission != 0 && !s.RTO.isZero() {
		rto = u(s.RTOFrame)
	}
	return strings.Join([]string{u(s.Stream), u(uint32(s.Completeness)), u(s.Seq), u(s.Ack), u(s.NextSeq), u(s.Window),
		opt(s.AckedFrame), opt(s.BytesInFlight), opt(s.DupAckNum), rto, strings.Join(flags, " ")}, "\t")
}

var tsharkAnalysisFields = []string{"tcp.stream", "tcp.completeness", "tcp.seq", "tcp.ack", "tcp.nxtseq", "tcp.window_size",
	"tcp.analysis.acks_frame", "tcp.analysis.bytes_in_flight", "tcp.analysis.duplicate_ack_num", "tcp.analysis.rto_frame"}

// tsharkFlagNames are the tcp.analysis.* flag fields, in analysisFields'
// order.
var tsharkFlagNames = []string{"reused_ports", "retransmission", "fast_retransmission", "spurious_retransmission",
	"out_of_order", "lost_segment", "ack_lost_segment", "window_update", "window_full", "keep_alive",
	"keep_alive_ack", "duplicate_ack", "zero_window_probe", "zero_window", "zero_window_probe_ack"}

// TestTCPAnalyzerMatchesTshark runs the tracker over tcpScenario and
// compares, frame by frame, its fields and analysis flags with tshark's.
func TestTCPAnalyzerMatchesTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	start := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	var file bytes.Buffer
	w, err := pcapio.NewPcapWriter(&file, pcapio.PcapWriterOptions{LinkType: linktype.Raw})
	if err != nil {
		t.Fatal(err)
	}
	d := NewDecoder()
	var mine []string
	for i, s := range tcpScenario {
		pkt := rawTCP(s)
		ts := start.Add(time.Duration(s.ms) * time.Millisecond)
		if err := w.WritePacket(&pcapio.Packet{Data: pkt, Length: len(pkt), Time: ts, HasTime: true, LinkType: linktype.Raw}); err != nil {
			t.Fatal(err)
		}
		d.Decode(pkt, linktype.Raw)
		f := Frame{Number: i + 1, Time: ts, Length: len(pkt)}
		sg := d.track(&f).tcp(tcpLayer(d))
		if sg == nil {
			t.Fatalf("frame %d: no TCP analysis", i+1)
		}
		mine = append(mine, analysisFields(sg))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "scenario.pcap")
	if err := os.WriteFile(path, file.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"-n", "-r", path, "-T", "fields", "-E", "occurrence=f"}
	for _, f := range tsharkAnalysisFields {
		args = append(args, "-e", f)
	}
	for _, f := range tsharkFlagNames {
		args = append(args, "-e", "tcp.analysis."+f)
	}
	out, err := exec.Command("tshark", args...).Output()
	if err != nil {
		t.Fatalf("tshark: %v", err)
	}
	var theirs []string
	for _, l := range strings.Split(strings.TrimRight(string(out), "\n"), "\n") {
		cols := strings.Split(l, "\t")
		n := len(tsharkAnalysisFields)
		if len(cols) != n+len(tsharkFlagNames) {
			t.Fatalf("tshark printed %q", l)
		}
		var flags []string
		for k, v := range cols[n:] {
			if v != "" {
				flags = append(flags, tsharkFlagNames[k])
			}
		}
		theirs = append(theirs, strings.Join(cols[:n], "\t")+"\t"+strings.Join(flags, " "))
	}
	if diff := cmp.Diff(theirs, mine); diff != "" {
		t.Errorf("tracker vs tshark, fields %v and flags (-tshark +rawcap):\n%s", tsharkAnalysisFields, diff)
	}
}

// TestTCPAnalyzerBounded checks that the conversation table stops growing
// at maxConvs: one more conversation evicts an old one and still gets the
// next stream index.
func TestTCPAnalyzerBounded(t *testing.T) {
	d := NewDecoder()
	start := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	for i := range maxConvs + 10 {
		s := seg{flags: TCPSyn, seq: 1, win: 1000, wscale: -1}
		pkt := rawTCP(s)
		pkt[13], pkt[14], pkt[15] = byte(i>>16), byte(i>>8), byte(i) // a new client address each time
		d.Decode(pkt, linktype.Raw)
		f := Frame{Number: i + 1, Time: start, Length: len(pkt)}
		if sg := d.track(&f).tcp(tcpLayer(d)); sg == nil || sg.Stream != uint32(i) {
			t.Fatalf("conversation %d: got %+v, want stream %d", i, sg, i)
		}
	}
	a := d.trk
	cells := 0
	for _, c := range a.tcpIdx.cells {
		if c != 0 {
			cells++
		}
	}
	if len(a.tcpConvs) != maxConvs || len(a.tcpIdx.keys) != maxConvs || cells != maxConvs {
		t.Errorf("%d conversations, %d keys, %d index cells, want %d", len(a.tcpConvs), len(a.tcpIdx.keys), cells, maxConvs)
	}
}

// tcpLayer returns the index of the first TCP layer d decoded, or -1.
func tcpLayer(d *Decoder) int {
	for i := range d.layers[:d.n] {
		if d.layers[i].Type == LayerTCP {
			return i
		}
	}
	return -1
}
