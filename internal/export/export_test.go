package export

import (
	"bytes"
	"encoding/hex"
	"errors"
	"io"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parquet-go/parquet-go"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/synth"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// TestCommunityIDVectors checks the Community ID against the values the
// spec and Zeek's tests publish.
func TestCommunityIDVectors(t *testing.T) {
	a4, b4 := netip.MustParseAddr("1.2.3.4"), netip.MustParseAddr("5.6.7.8")
	a6 := netip.MustParseAddr("fe80:0001:0203:0405:0607:0809:0A0B:0C0D")
	b6 := netip.MustParseAddr("fe80:1011:1213:1415:1617:1819:1A1B:1C1D")
	tests := []struct {
		name         string
		seed         uint16
		src, dst     netip.Addr
		proto        uint8
		sport, dport uint16
		want         string
	}{
		{"tcp", 0, a4, b4, 6, 1122, 3344, "1:wCb3OG7yAFWelaUydu0D+125CLM="},
		{"tcp reversed", 0, b4, a4, 6, 3344, 1122, "1:wCb3OG7yAFWelaUydu0D+125CLM="},
		{"udp", 0, a4, b4, 17, 1122, 3344, "1:0Mu9InQx6z4ZiCZM/7HXi2WMhOg="},
		{"udp reversed", 0, b4, a4, 17, 3344, 1122, "1:0Mu9InQx6z4ZiCZM/7HXi2WMhOg="},
		{"icmp echo", 0, a4, b4, 1, 8, 0, "1:crodRHL2FEsHjbv3UkRrfbs4bZ0="},
		{"icmp echo reply", 0, b4, a4, 1, 0, 0, "1:crodRHL2FEsHjbv3UkRrfbs4bZ0="},
		{"icmpv6 echo", 0, a6, b6, 58, 128, 0, "1:0bf7hyMJUwt3fMED7z8LIfRpBeo="},
		{"rsvp, no ports", 0, a4, b4, 46, 0, 0, "1:ikv3kmf89luf73WPz1jOs49S768="},
		{"tcp seed 1", 1, a4, b4, 6, 1122, 3344, "1:HhA1B+6CoLbiKPEs5nhNYN4XWfk="},
		{"udp seed 1", 1, a4, b4, 17, 1122, 3344, "1:OShq+iKDAMVouh/4bMxB9Sz4amw="},
		{"icmp seed 1", 1, a4, b4, 1, 8, 0, "1:9pr4ZGTICiuZoIh90RRYE2RyXpU="},
		{"icmpv6 seed 1", 1, a6, b6, 58, 128, 0, "1:IO27GQzPuCtNnwFvjWALMHu5tJE="},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CommunityID(tt.seed, tt.src, tt.dst, tt.proto, tt.sport, tt.dport); got != tt.want {
				t.Errorf("CommunityID = %s, want %s", got, tt.want)
			}
		})
	}
}

// genPackets returns n generated packets (Ethernet, TCP, UDP, DNS, HTTP,
// TLS, ICMP, ARP, IPv6, VLAN) as a pcap file's bytes.
func genPcap(tb testing.TB, n int) []byte {
	tb.Helper()
	var buf bytes.Buffer
	w, err := pcapio.NewPcapWriter(&buf, pcapio.PcapWriterOptions{LinkType: linktype.Ethernet, SnapLen: 262144, Nano: true})
	if err != nil {
		tb.Fatal(err)
	}
	g := synth.New(7, time.Date(2026, 1, 2, 3, 59, 59, 990_000_000, time.UTC))
	for range n {
		p := g.Next()
		if err := w.WritePacket(&pcapio.Packet{Time: p.Time, Length: len(p.Data), Data: p.Data, LinkType: linktype.Ethernet}); err != nil {
			tb.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// exportBytes exports a capture held in memory as o says and returns the
// files written.
func exportBytes(tb testing.TB, capture []byte, name string, o Options) []string {
	tb.Helper()
	x, err := New(o)
	if err != nil {
		tb.Fatal(err)
	}
	err = addAll(x, capture, name)
	if cerr := x.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		tb.Fatal(err)
	}
	return x.Files()
}

func addAll(x *Exporter, capture []byte, name string) error {
	r, err := pcapio.NewReaderBytes(capture)
	if err != nil {
		return err
	}
	if err := x.StartFile(name); err != nil {
		return err
	}
	var f decode.Frame
	for n := 1; ; n++ {
		p, err := r.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		f = decode.Frame{Number: n, Time: p.Time, Length: p.Length, Interface: p.Interface}
		if err := x.Add(&f, p.LinkType, p.Data); err != nil {
			return err
		}
	}
}

// table is a Parquet file read back: column names and, per row, each
// column's text (lists joined by commas; "" for null).
type table struct {
	names []string
	rows  [][]string
	meta  map[string]string
}

func readTable(tb testing.TB, paths ...string) table {
	tb.Helper()
	var t table
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			tb.Fatal(err)
		}
		st, _ := f.Stat()
		pf, err := parquet.OpenFile(f, st.Size())
		if err != nil {
			f.Close()
			tb.Fatalf("%s: %v", path, err)
		}
		cols := pf.Schema().Columns()
		var names []string
		var binary []bool
		for _, c := range cols {
			leaf, _ := pf.Schema().Lookup(c...)
			names = append(names, c[0])
			binary = append(binary, leaf.Node.Type().LogicalType() == nil && leaf.Node.Type().Kind() == parquet.ByteArray)
		}
		if t.names == nil {
			t.names = names
		} else if !slices.Equal(t.names, names) {
			tb.Fatalf("%s: columns %v, earlier files %v", path, names, t.names)
		}
		t.meta = map[string]string{}
		for _, kv := range pf.Metadata().KeyValueMetadata {
			t.meta[kv.Key] = kv.Value
		}
		for _, rg := range pf.RowGroups() {
			rows := rg.Rows()
			buf := make([]parquet.Row, 64)
			for {
				n, err := rows.ReadRows(buf)
				for _, row := range buf[:n] {
					text := make([]string, len(cols))
					set := make([]bool, len(cols))
					for _, v := range row {
						c := v.Column()
						if v.IsNull() {
							continue
						}
						s := valueText(v, binary[c])
						if set[c] {
							text[c] += "," + s
						} else {
							text[c], set[c] = s, true
						}
					}
					t.rows = append(t.rows, text)
				}
				if err == io.EOF {
					break
				}
				if err != nil {
					tb.Fatalf("%s: %v", path, err)
				}
			}
			rows.Close()
		}
		f.Close()
	}
	return t
}

func valueText(v parquet.Value, binary bool) string {
	switch v.Kind() {
	case parquet.Boolean:
		if v.Boolean() {
			return "1"
		}
		return "0"
	case parquet.Int32:
		return strconv.FormatInt(int64(v.Int32()), 10)
	case parquet.Int64:
		return strconv.FormatInt(v.Int64(), 10)
	case parquet.Double:
		return strconv.FormatFloat(v.Double(), 'f', -1, 64)
	case parquet.ByteArray:
		if binary {
			return hex.EncodeToString(v.ByteArray())
		}
		return string(v.ByteArray())
	}
	return v.String()
}

// col returns the index of the named column.
func (t *table) col(tb testing.TB, name string) int {
	i := slices.Index(t.names, name)
	if i < 0 {
		tb.Fatalf("no column %s in %v", name, t.names)
	}
	return i
}

// normalize turns -T fields text into the form readTable gives: hex
// integers in decimal, relative times as plain floats.
func normalize(f *decode.Field, s string) string {
	if s == "" {
		return s
	}
	parts := strings.Split(s, ",")
	for i, p := range parts {
		switch f.Kind {
		case decode.KindUint, decode.KindInt, decode.KindFrameNum:
			// Hex in decimal; an unsigned value past int64 as the
			// column's signed integer holds it.
			if h, ok := strings.CutPrefix(p, "0x"); ok {
				if v, err := strconv.ParseUint(h, 16, 64); err == nil {
					parts[i] = strconv.FormatUint(v, 10)
				}
			} else if v, err := strconv.ParseUint(p, 10, 64); err == nil && v > 1<<63-1 {
				parts[i] = strconv.FormatInt(int64(v), 10)
			}
		case decode.KindRelTime:
			if v, err := strconv.ParseFloat(p, 64); err == nil {
				parts[i] = strconv.FormatFloat(v, 'f', -1, 64)
			}
		}
	}
	return strings.Join(parts, ",")
}

// checkAgainstFields exports capture and checks every decoded column of
// every row against what rawcap's -T fields printer shows for the packet
// (first occurrence for a scalar column, all for a list).
func checkAgainstFields(t *testing.T, capture []byte, fields []string) int {
	t.Helper()
	files := exportBytes(t, capture, "in.pcap", Options{Dir: t.TempDir(), Packets: true, Fields: fields})
	got := readTable(t, files...)
	cols, err := packetColumns(fields, false)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	var fs []*decode.Field
	for _, c := range cols {
		if c.field != nil && c.field.Kind != decode.KindProtocol {
			names = append(names, c.name)
			fs = append(fs, c.field)
		}
	}
	first, _ := decode.NewFieldsPrinter(names)
	first.Occurrence, first.Location = 'f', time.UTC
	all, _ := decode.NewFieldsPrinter(names)
	all.Location = time.UTC
	r, err := pcapio.NewReaderBytes(capture)
	if err != nil {
		t.Fatal(err)
	}
	d := decode.NewDecoder()
	row, bad := 0, 0
	for ; ; row++ {
		p, err := r.Next()
		if err != nil {
			break
		}
		f := decode.Frame{Number: row + 1, Time: p.Time, Length: p.Length, Interface: p.Interface}
		d.Decode(p.Data, p.LinkType)
		lf := strings.Split(strings.TrimSuffix(string(first.Append(nil, d, &f)), "\n"), "\t")
		la := strings.Split(strings.TrimSuffix(string(all.Append(nil, d, &f)), "\n"), "\t")
		if row >= len(got.rows) {
			t.Fatalf("%d rows exported, the capture has more", len(got.rows))
		}
		for k, n := range names {
			want := lf[k]
			if repeated()[n] {
				want = la[k]
			}
			want = normalize(fs[k], want)
			if g := got.rows[row][got.col(t, n)]; g != want && bad < 20 {
				bad++
				t.Errorf("packet %d %s: parquet %q, -T fields %q", row+1, n, g, want)
			}
		}
	}
	if row != len(got.rows) {
		t.Errorf("%d rows exported, the capture has %d packets", len(got.rows), row)
	}
	return row
}

// TestPacketsMatchFieldsPrinter checks every column of the default profile
// (and of every field of the protocols the generator makes) on generated
// traffic against rawcap's -T fields output, which the decode tests hold
// to tshark's.
func TestPacketsMatchFieldsPrinter(t *testing.T) {
	packets := 3000
	if testing.Short() {
		packets = 600 // every field's column costs; CI runs the 3000
	}
	capture := genPcap(t, packets)
	n := checkAgainstFields(t, capture, nil)
	var every []string
	for _, p := range decode.Protocols() {
		for i := range p.Fields {
			if _, err := columnOf(p.Fields[i].Name); err == nil && p.Fields[i].Kind != decode.KindProtocol {
				every = append(every, p.Fields[i].Name)
			}
		}
	}
	checkAgainstFields(t, capture, every)
	t.Logf("%d packets, default profile and all %d fields", n, len(every))
}

// TestPacketsCorpusMatchFieldsPrinter does the same over every capture of
// the shared corpus rawcap reads without error.
func TestPacketsCorpusMatchFieldsPrinter(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the corpus in -short mode")
	}
	corpus := testshared.Path(t, "corpus")
	paths, _ := filepath.Glob(filepath.Join(corpus, "*", "*.pcap*"))
	total, files := 0, 0
	for _, p := range paths {
		if strings.HasSuffix(p, ".json") {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil || !readsClean(b) {
			continue
		}
		t.Run(filepath.Base(p), func(t *testing.T) {
			total += checkAgainstFields(t, b, nil)
		})
		files++
	}
	t.Logf("%d corpus files, %d packets", files, total)
}

// readsClean reports whether a capture reads to its end without error and
// holds some packets.
func readsClean(b []byte) bool {
	r, err := pcapio.NewReaderBytes(b)
	if err != nil {
		return false
	}
	n := 0
	for {
		_, err := r.Next()
		if err == io.EOF {
			return n > 0
		}
		if err != nil {
			return false
		}
		n++
	}
}

// TestRepeatedFieldsAreLists checks, over generated traffic and the
// corpus, that every field that occurs twice within one protocol of one
// packet has a list column.
func TestRepeatedFieldsAreLists(t *testing.T) {
	captures := [][]byte{genPcap(t, 3000)}
	if !testing.Short() {
		if corpus, err := testshared.Find(); err == nil {
			paths, _ := filepath.Glob(filepath.Join(corpus, "corpus", "*", "*.pcap*"))
			for _, p := range paths {
				if b, err := os.ReadFile(p); err == nil && !strings.HasSuffix(p, ".json") {
					captures = append(captures, b)
				}
			}
		}
	}
	p, _ := decode.NewFieldsPrinter(nil)
	d := decode.NewDecoder()
	missing := map[string]int{}
	for _, c := range captures {
		r, err := pcapio.NewReaderBytes(c)
		if err != nil {
			continue
		}
		for {
			pk, err := r.Next()
			if err != nil {
				break
			}
			d.Decode(pk.Data, pk.LinkType)
			l := p.Fields(d, &decode.Frame{Number: 1, Time: pk.Time, Length: pk.Length})
			var seen []map[*decode.Field]bool
			for _, rec := range l.Records() {
				switch rec.Op {
				case decode.OpProto:
					seen = append(seen, map[*decode.Field]bool{})
				case decode.OpEnd:
					// groups and items close too; only protocols count
				case decode.OpValue:
					if rec.JSONOnly || len(seen) == 0 {
						continue
					}
					m := seen[len(seen)-1]
					if m[rec.Field] && !repeated()[rec.Field.Name] {
						missing[rec.Field.Name]++
					}
					m[rec.Field] = true
				}
			}
		}
	}
	for n, k := range missing {
		t.Errorf("%s occurs twice within one protocol in %d packets, but its column is not a list", n, k)
	}
}

// TestColumnTypesRoundTrip writes one column of every type and reads it
// back with a reader of its own, value for value.
func TestColumnTypesRoundTrip(t *testing.T) {
	fields := []string{
		"frame.number", "frame.time", "frame.time_epoch", "frame.time_relative", "frame.len", // INT64, TIMESTAMP, DOUBLE
		"rawcap.file", "rawcap.link_type", // STRING, INT32
		"ip.src", "ipv6.src", "eth.src", // addresses as strings
		"tcp.flags.syn", "tcp.srcport", "tcp.seq", // BOOLEAN, INT32, INT64
		"dns.a", "dns.qry.name", "tls.handshake.extensions_alpn_str", // lists
		"tcp.options.sack_perm", // a protocol field: BOOLEAN
	}
	capture := genPcap(t, 3000)
	files := exportBytes(t, capture, "types.pcap", Options{Dir: t.TempDir(), Packets: true, Fields: fields, Raw: true})
	got := readTable(t, files...)
	want, err := PacketColumns(fields, true)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range want {
		names = append(names, c.Name)
	}
	if diff := cmp.Diff(names, got.names); diff != "" {
		t.Fatalf("columns (-want +got):\n%s", diff)
	}
	r, _ := pcapio.NewReaderBytes(capture)
	for i := 0; ; i++ {
		p, err := r.Next()
		if err != nil {
			break
		}
		row := got.rows[i]
		check := func(col, want string) {
			t.Helper()
			if g := row[got.col(t, col)]; g != want {
				t.Errorf("packet %d %s = %q, want %q", i+1, col, g, want)
			}
		}
		check("frame.number", strconv.Itoa(i+1))
		check("frame.time", strconv.FormatInt(p.Time.UnixNano(), 10))
		check("frame.len", strconv.Itoa(p.Length))
		check("rawcap.file", "types.pcap")
		check("rawcap.link_type", "1")
		check("rawcap.raw", hex.EncodeToString(p.Data))
		if i == 0 {
			check("frame.time_relative", "0")
		}
	}
	if got.meta["rawcap.schema_version"] != SchemaVersion || got.meta["rawcap.table"] != "packets" {
		t.Errorf("key-value metadata %v: want rawcap.schema_version %s and rawcap.table packets", got.meta, SchemaVersion)
	}
	// Lists: some packet has several answers or ciphersuites.
	lists := 0
	for _, row := range got.rows {
		for _, c := range []string{"tls.handshake.extensions_alpn_str", "dns.a"} {
			if strings.Contains(row[got.col(t, c)], ",") {
				lists++
			}
		}
	}
	if lists == 0 {
		t.Error("no row has a list of several values")
	}
}

// TestDeterministic checks that two exports of the same packets are byte
// for byte the same.
func TestDeterministic(t *testing.T) {
	capture := genPcap(t, 5000)
	var sums [2][]string
	for k := range sums {
		dir := t.TempDir()
		files := exportBytes(t, capture, "d.pcap", Options{Dir: dir, Packets: true, Flows: true, Partition: PartitionHour, RowGroup: 1000})
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			rel, _ := filepath.Rel(dir, f)
			sums[k] = append(sums[k], rel+" "+hex.EncodeToString(b))
		}
	}
	if len(sums[0]) < 4 {
		t.Fatalf("%d files; want packets and flows in two hours each", len(sums[0]))
	}
	if !slices.Equal(sums[0], sums[1]) {
		t.Error("two exports of the same capture differ")
	}
}

// TestPartitionsAndRolling checks the Hive-style directories by hour and
// that files roll at the size limit without losing a row.
func TestPartitionsAndRolling(t *testing.T) {
	capture := genPcap(t, 20000)
	dir := t.TempDir()
	files := exportBytes(t, capture, "p.pcap", Options{Dir: dir, Packets: true, Partition: PartitionHour, RowGroup: 2000, MaxFileSize: 1})
	hours := map[string]int{}
	for _, f := range files {
		rel, _ := filepath.Rel(dir, f)
		if !strings.HasPrefix(rel, "packets/date=2026-01-02/hour=0") {
			t.Errorf("file %s: want packets/date=2026-01-02/hour=HH/", rel)
		}
		hours[filepath.Dir(rel)]++
	}
	if len(hours) != 2 {
		t.Errorf("partitions %v: want hours 03 and 04", hours)
	}
	tab := readTable(t, files...)
	if len(tab.rows) != 20000 {
		t.Errorf("%d rows in %d files, want 20000", len(tab.rows), len(files))
	}
	if len(files) < 10 {
		t.Errorf("%d files: a 1-byte limit should roll at every row group", len(files))
	}
	// A packet's partition is its hour.
	ti := tab.col(t, "frame.time")
	for _, row := range tab.rows[:10] {
		ns, _ := strconv.ParseInt(row[ti], 10, 64)
		if h := time.Unix(0, ns).UTC().Hour(); h != 3 && h != 4 {
			t.Errorf("time %v outside the partitions", time.Unix(0, ns).UTC())
		}
	}
	// A second export into the same directory adds part files.
	more := exportBytes(t, genPcap(t, 100), "p.pcap", Options{Dir: dir, Packets: true, Partition: PartitionHour})
	for _, f := range more {
		if slices.Contains(files, f) {
			t.Errorf("second export overwrote %s", f)
		}
	}
}

// TestFlowsTable checks conversations: both directions in one row, the
// Community ID, TCP state and history, and the application keys.
func TestFlowsTable(t *testing.T) {
	capture := genPcap(t, 20000)
	files := exportBytes(t, capture, "f.pcap", Options{Dir: t.TempDir(), Flows: true})
	tab := readTable(t, files...)
	if len(tab.rows) == 0 {
		t.Fatal("no flows")
	}
	var pkts int64
	states := map[string]int{}
	services := map[string]int{}
	for _, row := range tab.rows {
		o, _ := strconv.ParseInt(row[tab.col(t, "orig_pkts")], 10, 64)
		r, _ := strconv.ParseInt(row[tab.col(t, "resp_pkts")], 10, 64)
		pkts += o + r
		if row[tab.col(t, "proto")] == "tcp" {
			states[row[tab.col(t, "conn_state")]]++
		}
		services[row[tab.col(t, "service")]]++
		src, _ := netip.ParseAddr(row[tab.col(t, "id.orig_h")])
		dst, _ := netip.ParseAddr(row[tab.col(t, "id.resp_h")])
		sp, _ := strconv.Atoi(row[tab.col(t, "id.orig_p")])
		dp, _ := strconv.Atoi(row[tab.col(t, "id.resp_p")])
		ip, _ := strconv.Atoi(row[tab.col(t, "ip_proto")])
		if want := CommunityID(0, src, dst, uint8(ip), uint16(sp), uint16(dp)); ip != 1 && ip != 58 && row[tab.col(t, "community_id")] != want {
			t.Errorf("flow %v: community_id %s, want %s", row, row[tab.col(t, "community_id")], want)
		}
		if row[tab.col(t, "service")] == "tls" && row[tab.col(t, "server_name")] == "" {
			t.Errorf("TLS flow without a server name: %v", row)
		}
	}
	// Every IP packet counts in one flow (ARP has none).
	ipPkts := int64(0)
	r, _ := pcapio.NewReaderBytes(capture)
	d := decode.NewDecoder()
	for {
		p, err := r.Next()
		if err != nil {
			break
		}
		d.Decode(p.Data, p.LinkType)
		if _, ok := d.Layer(decode.LayerIPv4); ok {
			ipPkts++
		} else if _, ok := d.Layer(decode.LayerIPv6); ok {
			ipPkts++
		}
	}
	if pkts != ipPkts {
		t.Errorf("flows count %d packets, the capture has %d IP packets", pkts, ipPkts)
	}
	if states["SF"] == 0 || services["dns"] == 0 || services["http"] == 0 || services["tls"] == 0 {
		t.Errorf("states %v, services %v: want SF connections and dns, http and tls", states, services)
	}
}

// TestFlowState checks Zeek's conn_state and history on hand-made TCP
// exchanges.
func TestFlowState(t *testing.T) {
	const (
		syn    = 0x02
		synack = 0x12
		ack    = 0x10
		fin    = 0x11
		rst    = 0x04
	)
	type seg struct {
		fromOrig bool
		flags    uint16
		payload  int
	}
	tests := []struct {
		name, state, history string
		segs                 []seg
	}{
		{"normal", "SF", "ShADdFf", []seg{{true, syn, 0}, {false, synack, 0}, {true, ack, 0}, {true, ack, 10}, {false, ack, 20}, {true, fin, 0}, {false, fin, 0}}},
		{"no answer", "S0", "S", []seg{{true, syn, 0}}},
		{"rejected", "REJ", "Sr", []seg{{true, syn, 0}, {false, rst | ack, 0}}},
		{"established", "S1", "ShA", []seg{{true, syn, 0}, {false, synack, 0}, {true, ack, 0}}},
		{"originator reset", "RSTO", "ShAR", []seg{{true, syn, 0}, {false, synack, 0}, {true, ack, 0}, {true, rst, 0}}},
		{"midstream", "OTH", "Dd", []seg{{true, ack, 5}, {false, ack, 5}}},
		{"syn-ack first", "OTH", "^hA", []seg{{false, synack, 0}, {true, ack, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fl := &flow{tcp: true}
			for _, s := range tt.segs {
				sd := &fl.resp
				if s.fromOrig {
					sd = &fl.orig
				}
				if len(fl.hist) == 0 && !s.fromOrig && s.flags == synack {
					fl.hist = append(fl.hist, '^')
				}
				sd.pkts++
				fl.history(&flowPacket{flags: s.flags, payload: s.payload}, s.fromOrig, sd)
			}
			if got := fl.state(); got != tt.state {
				t.Errorf("conn_state %s, want %s", got, tt.state)
			}
			if got := string(fl.hist); got != tt.history {
				t.Errorf("history %s, want %s", got, tt.history)
			}
		})
	}
}

// TestAddAllocatesNothing checks that a packet's row costs no allocation
// once the buffers have grown.
func TestAddAllocatesNothing(t *testing.T) {
	capture := genPcap(t, 200)
	r, _ := pcapio.NewReaderBytes(capture)
	var pkts []*pcapio.Packet
	for {
		p, err := r.Next()
		if err != nil {
			break
		}
		q := *p
		q.Data = slices.Clone(p.Data)
		pkts = append(pkts, &q)
	}
	x, err := New(Options{Dir: t.TempDir(), Packets: true})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	x.StartFile("a.pcap")
	var f decode.Frame
	add := func(p *pcapio.Packet) {
		f.Number++
		f.Time, f.Length = p.Time, p.Length
		if err := x.Add(&f, p.LinkType, p.Data); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range pkts { // grow the buffers; fewer rows than a batch
		add(p)
	}
	x.packets.b.reset()
	k := 0
	if n := testing.AllocsPerRun(150, func() { add(pkts[k%len(pkts)]); k++ }); n != 0 {
		t.Errorf("%v allocations per packet, want 0", n)
	}
}

// TestOptionsErrors checks the errors New returns for bad options.
func TestOptionsErrors(t *testing.T) {
	for _, tt := range []struct {
		o    Options
		want string
	}{
		{Options{Dir: "x", Packets: true, Fields: []string{"ip.nosuch"}}, "not decoded by rawcap"},
		{Options{Dir: "x", Packets: true, Compression: "lzma"}, "unknown compression"},
		{Options{Dir: "x"}, "no table"},
	} {
		_, err := New(tt.o)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("New(%+v) = %v, want an error saying %q", tt.o, err, tt.want)
		}
	}
	if errors.Is(ErrUnknownField, nil) {
		t.Fatal("unreachable")
	}
}

// TestIntervalFinishesFiles checks Options.Interval: every file is finished
// when the packets' time enters a new interval, and no row is lost.
func TestIntervalFinishesFiles(t *testing.T) {
	capture := genPcap(t, 5000)
	files := exportBytes(t, capture, "live", Options{Dir: t.TempDir(), Packets: true, Flows: true, Interval: 20 * time.Millisecond})
	var packets []string
	for _, f := range files {
		if strings.Contains(f, string(filepath.Separator)+"packets"+string(filepath.Separator)) {
			packets = append(packets, f)
		}
	}
	if len(packets) < 3 {
		t.Fatalf("%d packets files, want one per 20 ms of capture", len(packets))
	}
	if tab := readTable(t, packets...); len(tab.rows) != 5000 {
		t.Errorf("%d rows, want 5000", len(tab.rows))
	}
}

// TestFieldIndex checks the column lookup over every field rawcap decodes.
func TestFieldIndex(t *testing.T) {
	want := map[*decode.Field]int32{}
	var all []*decode.Field
	for _, p := range decode.Protocols() {
		all = append(all, p.Protocol)
		for i := range p.Fields {
			all = append(all, &p.Fields[i])
		}
	}
	for i, f := range all {
		if i%3 == 0 {
			want[f] = int32(i)
		}
	}
	x := newFieldIndex(want)
	for _, f := range all {
		c, ok := x.lookup(f)
		if w, in := want[f]; ok != in || c != w {
			t.Errorf("%s: lookup = %d, %v; want %d, %v", f.Name, c, ok, w, in)
		}
	}
}
