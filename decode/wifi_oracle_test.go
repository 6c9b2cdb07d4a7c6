package decode_test

import (
	"encoding/binary"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// The corpus holds no EAP packet and no radiotap VHT field beyond one
// kind, so generated captures are the evidence for both: 802.1X frames
// carrying EAP (identity, notification, Nak, MD5-Challenge, TLS, TTLS,
// PEAP and FAST flags, SIM and AKA subtypes, LEAP, success, failure, a
// length that disagrees with 802.1X's), and 802.11 data frames behind
// radiotap headers whose VHT field tries each known bit, bandwidth, user
// and the Channel fields that change tshark's radio information. Each is
// written into a temporary capture and read by rawcap, tshark and tcpdump.

var wifiStart = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

// writeLinkCapture writes pkts, one a second, into a pcap file of link
// type lt under t.TempDir().
func writeLinkCapture(t *testing.T, name string, lt linktype.Type, pkts [][]byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w, err := pcapio.NewPcapWriter(f, pcapio.PcapWriterOptions{LinkType: lt})
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range pkts {
		pk := pcapio.Packet{Data: p, Time: wifiStart.Add(time.Duration(i) * time.Second), Length: len(p)}
		if err := w.WritePacket(&pk); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// eapFrame builds an Ethernet frame carrying an 802.1X EAP packet (code,
// id, optional type, data), padded to 60 bytes when pad is set.
func eapFrame(code, id byte, typ int, data []byte, pad bool) []byte {
	eap := []byte{code, id, 0, 0}
	if typ >= 0 {
		eap = append(eap, byte(typ))
	}
	eap = append(eap, data...)
	binary.BigEndian.PutUint16(eap[2:], uint16(len(eap)))
	return eapolFrame(0, eap, pad)
}

func eapolFrame(typ byte, body []byte, pad bool) []byte {
	b := []byte{0x01, 0x80, 0xc2, 0x00, 0x00, 0x03, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x88, 0x8e, 1, typ, 0, 0}
	binary.BigEndian.PutUint16(b[16:], uint16(len(body)))
	b = append(b, body...)
	for pad && len(b) < 60 {
		b = append(b, 0)
	}
	return b
}

func eapPackets() [][]byte {
	md5 := append([]byte{16}, []byte("0123456789abcdef")...)
	tlsLen := []byte{0x80, 0, 0, 0x07, 0xd0}
	return [][]byte{
		eapolFrame(1, nil, true), // Start
		eapFrame(1, 1, 1, nil, true),
		eapFrame(2, 1, 1, []byte("alice@example.com"), true),
		eapFrame(1, 2, 4, md5, false),
		eapFrame(1, 3, 4, append(md5[:len(md5):len(md5)], "srv"...), false),
		eapFrame(2, 3, 3, []byte{21}, true),
		eapFrame(1, 4, 13, []byte{0x20}, true),
		eapFrame(2, 4, 13, tlsLen, true),
		eapFrame(1, 5, 25, []byte{0x21}, true),
		eapFrame(1, 6, 21, []byte{0x20}, true),
		eapFrame(2, 6, 21, []byte{0x00}, true),
		eapFrame(2, 7, 43, []byte{0x01}, true),
		eapFrame(1, 8, 13, nil, true),
		eapFrame(1, 9, 2, []byte("Hello there"), true),
		eapFrame(1, 10, 23, []byte{1, 0, 0}, true),
		eapFrame(2, 11, 18, []byte{11, 0, 0}, true),
		eapFrame(2, 12, 26, nil, true),
		eapFrame(2, 13, 6, nil, true),
		eapFrame(3, 13, -1, nil, true),
		eapFrame(4, 14, -1, nil, true),
		eapFrame(5, 15, -1, nil, true),
		eapolFrame(0, []byte{1, 16, 0, 5, 1, 0, 0}, true), // EAP shorter than the 802.1X body
		eapolFrame(2, nil, true),                          // Logoff
	}
}

// vhtFrame builds a radiotap header (Flags and Channel when asked) with a
// VHT field, and an 802.11 data frame carrying an IPv4 UDP datagram.
func vhtFrame(flags, chanFlags int, known uint16, vflags, bw byte, mcsNSS [4]byte, coding, gid byte, paid uint16) []byte {
	var present uint32 = 1 << 21
	h := make([]byte, 8)
	if flags >= 0 {
		present |= 1 << 1
		h = append(h, byte(flags))
	}
	if chanFlags > 0 {
		present |= 1 << 3
		for len(h)%2 != 0 {
			h = append(h, 0)
		}
		freq := 2437
		if chanFlags&0x100 != 0 {
			freq = 5180
		}
		h = binary.LittleEndian.AppendUint16(h, uint16(freq))
		h = binary.LittleEndian.AppendUint16(h, uint16(chanFlags))
	}
	for len(h)%2 != 0 {
		h = append(h, 0)
	}
	h = binary.LittleEndian.AppendUint16(h, known)
	h = append(h, vflags, bw)
	h = append(h, mcsNSS[:]...)
	h = append(h, coding, gid)
	h = binary.LittleEndian.AppendUint16(h, paid)
	binary.LittleEndian.PutUint16(h[2:], uint16(len(h)))
	binary.LittleEndian.PutUint32(h[4:], present)

	// To DS data frame: BSSID, SA, DA; then LLC/SNAP and IPv4/UDP.
	w := []byte{0x08, 0x01, 0x2c, 0x00,
		0x02, 0x00, 0x00, 0x00, 0x00, 0x01, 0x02, 0x00, 0x00, 0x00, 0x00, 0x02,
		0x02, 0x00, 0x00, 0x00, 0x00, 0x03, 0x10, 0x00,
		0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, 0x08, 0x00}
	payload := []byte("rawcap vht")
	ip := []byte{0x45, 0, 0, 0, 0, 1, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2}
	binary.BigEndian.PutUint16(ip[2:], uint16(20+8+len(payload)))
	var s uint32
	for k := 0; k < 20; k += 2 {
		s += uint32(ip[k])<<8 | uint32(ip[k+1])
	}
	for s > 0xffff {
		s = s&0xffff + s>>16
	}
	binary.BigEndian.PutUint16(ip[10:], ^uint16(s))
	udp := []byte{0x30, 0x39, 0x00, 0x09, 0, byte(8 + len(payload)), 0, 0}
	w = append(w, ip...)
	w = append(w, udp...)
	w = append(w, payload...)
	return append(h, w...)
}

func vhtPackets() [][]byte {
	return [][]byte{
		vhtFrame(-1, 0, 0x44, 0, 4, [4]byte{0x71}, 0, 0, 0),
		vhtFrame(-1, 0, 0x1ff, 0x3f, 4, [4]byte{0x72, 0x92}, 0x3, 5, 300),
		vhtFrame(-1, 0, 0, 0, 0, [4]byte{0x71}, 0, 0, 0),
		vhtFrame(-1, 0, 0x40, 0, 1, [4]byte{0x91}, 0, 0, 0),
		vhtFrame(-1, 0, 0x44, 4, 11, [4]byte{0x93, 0x12, 0x23}, 0xf, 0, 0),
		vhtFrame(-1, 0, 0x47, 7, 0, [4]byte{0x91}, 0, 0, 0),
		vhtFrame(-1, 0, 0x45, 0, 4, [4]byte{0x72}, 0, 0, 0),
		vhtFrame(-1, 0, 0x41, 1, 1, [4]byte{0x12, 0, 0, 0x23}, 0, 0, 0),
		vhtFrame(-1, 0, 0x44, 0, 0, [4]byte{0x81, 0x91, 0x92, 0x93}, 0, 0, 0),
		vhtFrame(-1, 0, 0x44, 0, 4, [4]byte{0x63, 0x63, 0x92}, 0, 0, 0),
		vhtFrame(-1, 0, 0x44, 0, 2, [4]byte{0x91}, 0, 0, 0),
		vhtFrame(-1, 0, 0x44, 0, 4, [4]byte{0xa1}, 0, 0, 0),
		vhtFrame(-1, 0, 0x44, 0, 27, [4]byte{0x81}, 0, 0, 0),
		vhtFrame(0, 0x0140, 0x44, 0, 4, [4]byte{0x71}, 0, 0, 0),
		vhtFrame(0, 0x00c0, 0x44, 0, 4, [4]byte{0x71}, 0, 0, 0),
		vhtFrame(0x02, 0x00a0, 0x44, 0, 4, [4]byte{0x71}, 0, 0, 0),
		vhtFrame(0x80, 0x0480, 0x44, 0, 4, [4]byte{0x71}, 0, 0, 0),
		vhtFrame(-1, 0x0140, 0x46, 2, 12, [4]byte{0x52}, 0, 0, 0),
	}
}

// wifiOracle compares rawcap with tshark (-V, the packet list, the fields
// of the named protocols) and tcpdump (one-liners at several verbosities)
// on pkts written as a capture of link type lt.
func wifiOracle(t *testing.T, name string, lt linktype.Type, pkts [][]byte, protos ...string) {
	testshared.Oracle(t, "tshark")
	path := writeLinkCapture(t, name, lt, pkts)
	frame := func(i int) decode.Frame {
		return decode.Frame{Number: i + 1, Time: wifiStart.Add(time.Duration(i) * time.Second), Length: len(pkts[i])}
	}

	// -V: every line rawcap prints is tshark's, in order.
	frames := splitFrames(string(testshared.Tshark(t, "wifi-tree", path, "-V")))
	if len(frames) != len(pkts) {
		t.Fatalf("tshark printed %d frames for %d packets", len(frames), len(pkts))
	}
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	theirs, matched := 0, 0
	var buf []byte
	for i, pk := range pkts {
		d.Decode(pk, lt)
		f := frame(i)
		buf = tp.Append(buf[:0], d, &f)
		want := strings.Split(frames[i], "\n")
		theirs += len(want)
		j := 0
		for _, line := range strings.Split(strings.TrimSpace(string(buf)), "\n") {
			k := j
			for k < len(want) && want[k] != line {
				k++
			}
			if k == len(want) {
				t.Errorf("frame %d: line %q is not in tshark's tree (in order)", i+1, line)
				continue
			}
			matched++
			j = k + 1
		}
	}
	t.Logf("-V: tshark printed %d lines, rawcap %d of them (%.1f%%), 0 other", theirs, matched, 100*float64(matched)/float64(theirs))

	// The packet list.
	rows := splitRows(testshared.Tshark(t, "wifi-columns", path))
	if len(rows) != len(pkts) {
		t.Fatalf("tshark printed %d rows for %d packets", len(rows), len(pkts))
	}
	cp := &decode.ColumnsPrinter{}
	for i, pk := range pkts {
		d.Decode(pk, lt)
		f := frame(i)
		buf = cp.Append(buf[:0], d, &f)
		if got := strings.TrimSuffix(string(buf), "\n"); got != rows[i] {
			t.Errorf("row %d:\n tshark: %q\n rawcap: %q", i+1, rows[i], got)
		}
	}
	t.Logf("--columns: %d rows equal tshark's", len(pkts))

	// -T fields: every field of the named protocols.
	var names []string
	for _, p := range decode.Protocols() {
		for _, pr := range protos {
			if p.Protocol.Name == pr {
				for i := range p.Fields {
					names = append(names, p.Fields[i].Name)
				}
			}
		}
	}
	args := []string{"-T", "fields", "-E", "occurrence=f"}
	for _, n := range names {
		args = append(args, "-e", n)
	}
	rows = splitRows(testshared.Tshark(t, "wifi-fields", path, args...))
	if len(rows) != len(pkts) {
		t.Fatalf("tshark -T fields printed %d rows for %d packets", len(rows), len(pkts))
	}
	fp, err := decode.NewFieldsPrinter(names)
	if err != nil {
		t.Fatal(err)
	}
	fp.Occurrence = 'f'
	same, values := 0, 0
	for i, pk := range pkts {
		d.Decode(pk, lt)
		f := frame(i)
		buf = fp.Append(buf[:0], d, &f)
		got := strings.Split(strings.TrimSuffix(string(buf), "\n"), "\t")
		want := strings.Split(rows[i], "\t")
		if len(got) != len(want) {
			t.Fatalf("frame %d: %d columns, tshark %d", i+1, len(got), len(want))
		}
		for k := range names {
			if want[k] != "" {
				values++
			}
			if got[k] == "" && strings.HasPrefix(names[k], "radiotap.he.") && heMultiUser(pk) {
				continue // rawcap emits the HE field of single-user PPDUs only
			}
			if got[k] != want[k] {
				t.Errorf("frame %d %s: tshark %q, rawcap %q", i+1, names[k], want[k], got[k])
			} else if want[k] != "" {
				same++
			}
		}
	}
	t.Logf("-T fields: %d fields × %d frames, %d of tshark's %d values identical", len(names), len(pkts), same, values)

	// tcpdump's one-liners.
	testshared.Oracle(t, "tcpdump")
	for _, opts := range [][]string{{}, {"-v"}, {"-vv"}, {"-e"}, {"-q"}} {
		cmd := exec.Command("tcpdump", append(append([]string{"-n"}, opts...), "-r", path)...)
		cmd.Env = append(os.Environ(), "TZ=UTC")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("tcpdump %v: %v", opts, err)
		}
		chunks := splitTcpdump(out)
		if len(chunks) != len(pkts) {
			t.Fatalf("tcpdump %v printed %d packets for %d", opts, len(chunks), len(pkts))
		}
		lp := &decode.LinePrinter{Options: lineOptionsFor(opts)}
		for i, pk := range pkts {
			d.Decode(pk, lt)
			f := frame(i)
			if got := string(lp.Append(nil, d, &f)); got != chunks[i] {
				t.Errorf("tcpdump -n %v, packet %d:\n tcpdump: %q\n rawcap:  %q", opts, i+1, chunks[i], got)
			}
		}
	}
	t.Logf("one-liners: %d packets equal tcpdump's in 5 option sets", len(pkts))
}

func TestEAPMatchesOracles(t *testing.T) {
	wifiOracle(t, "eap.pcap", linktype.Ethernet, eapPackets(), "eap", "eapol")
}

func TestRadiotapVHTMatchesOracles(t *testing.T) {
	wifiOracle(t, "vht.pcap", linktype.IEEE802_11RT, vhtPackets(), "radiotap", "wlan_radio")
}

// TestEAPVectors decodes EAP byte vectors, whole, cut and lying about
// their length: each keeps its layer, and the damaged ones are marked.
func TestEAPVectors(t *testing.T) {
	for _, tc := range []struct {
		name      string
		frame     []byte
		malformed bool
		info      string
	}{
		{"identity request", eapFrame(1, 1, 1, nil, true), false, "Request, Identity"},
		{"identity response", eapFrame(2, 1, 1, []byte("bob"), false), false, "Response, Identity"},
		{"success", eapFrame(3, 2, -1, nil, true), false, "Success"},
		{"cut", eapFrame(2, 1, 1, []byte("bob"), false)[:20], true, ""},
		{"length below the header", eapolFrame(0, []byte{1, 1, 0, 2, 1}, false), true, ""},
		{"length past the body", eapolFrame(0, []byte{1, 1, 0, 9, 1}, false), true, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := decode.NewDecoder()
			layers := d.Decode(tc.frame, linktype.Ethernet)
			var eap *decode.Layer
			for i := range layers {
				if layers[i].Type == decode.LayerEAP {
					eap = &layers[i]
				}
			}
			if !tc.malformed {
				if eap == nil || eap.Malformed != "" {
					t.Fatalf("layers %v: want a whole EAP layer", layers)
				}
				cp := &decode.ColumnsPrinter{}
				row := string(cp.Append(nil, d, &decode.Frame{Number: 1, Time: wifiStart, Length: len(tc.frame)}))
				if !strings.Contains(row, " EAP ") || !strings.HasSuffix(strings.TrimSpace(row), tc.info) {
					t.Errorf("row %q: want protocol EAP and Info %q", row, tc.info)
				}
				return
			}
			if _, bad := d.Malformed(); !bad {
				t.Errorf("layers %v: want a malformed layer", layers)
			}
			// Every printer copes.
			tp := &decode.TreePrinter{Location: time.UTC}
			tp.Append(nil, d, &decode.Frame{Number: 1, Time: wifiStart, Length: len(tc.frame)})
			lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2}}
			if got := string(lp.Append(nil, d, &decode.Frame{Number: 1, Time: wifiStart, Length: len(tc.frame)})); !strings.Contains(got, "EAP packet (0)") {
				t.Errorf("one-liner %q", got)
			}
		})
	}
}

// TestEAPAllocs holds decoding and printing an EAP packet to no
// allocation.
func TestEAPAllocs(t *testing.T) {
	pkts := append(eapPackets(), vhtPackets()...)
	d := decode.NewDecoder()
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 1}}
	tp := &decode.TreePrinter{Location: time.UTC}
	jp := &decode.JSONPrinter{Location: time.UTC}
	buf := make([]byte, 0, 1<<16)
	for i, pk := range pkts {
		lt := linktype.Ethernet
		if i >= len(eapPackets()) {
			lt = linktype.IEEE802_11RT
		}
		f := decode.Frame{Number: 1, Time: wifiStart, Length: len(pk)}
		// Warm the printers' buffers.
		d.Decode(pk, lt)
		buf = lp.Append(buf[:0], d, &f)
		buf = tp.Append(buf[:0], d, &f)
		buf = jp.Append(buf[:0], d, &f)
		n := testing.AllocsPerRun(50, func() {
			d.Decode(pk, lt)
			buf = lp.Append(buf[:0], d, &f)
			buf = tp.Append(buf[:0], d, &f)
			buf = jp.Append(buf[:0], d, &f)
		})
		if n != 0 {
			t.Errorf("packet %d: %v allocations per packet, want 0", i+1, n)
		}
	}
}

// FuzzEAP feeds 802.1X frames (the generated EAP packets, seeded also
// with the radiotap VHT frames) to the decoder and every printer, as
// Ethernet and as radiotap: no panic, no bad layer, valid JSON.
func FuzzEAP(f *testing.F) {
	for _, p := range eapPackets() {
		f.Add(p)
	}
	for _, p := range vhtPackets() {
		f.Add(p)
	}
	d := decode.NewDecoder()
	lines := []*decode.LinePrinter{
		{Options: decode.LineOptions{Location: time.UTC}},
		{Options: decode.LineOptions{Location: time.UTC, Verbose: 2, Link: true}},
	}
	tp := &decode.TreePrinter{Location: time.UTC}
	jp := &decode.JSONPrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{}
	n := 0
	f.Fuzz(func(t *testing.T, b []byte) {
		n++
		fr := decode.Frame{Number: n, Time: wifiStart, Length: len(b)}
		for _, lt := range []linktype.Type{linktype.Ethernet, linktype.IEEE802_11RT} {
			for _, l := range d.Decode(b, lt) {
				if l.Start < 0 || l.Start > l.Payload || l.Payload > l.End || l.End > len(b) {
					t.Fatalf("bad layer %+v for %d bytes", l, len(b))
				}
			}
			for _, lp := range lines {
				lp.Append(nil, d, &fr)
			}
			tp.Append(nil, d, &fr)
			cp.Append(nil, d, &fr)
			if out := jp.Append(nil, d, &fr); !json.Valid(out) {
				t.Fatalf("invalid JSON: %s", out)
			}
		}
	})
}

// heMultiUser reports whether pk is one of heFrame's frames whose HE
// field is of a multi-user or trigger-based PPDU (data1's format 2 or 3),
// whose subfields tshark names otherwise and rawcap leaves out.
func heMultiUser(pk []byte) bool {
	return len(pk) >= 10 && binary.LittleEndian.Uint32(pk[4:]) == 1<<23 && binary.LittleEndian.Uint16(pk[8:])&3 >= 2
}

// heFrame builds a radiotap header holding only an HE field (six data
// words) before the same 802.11 data frame as vhtFrame's.
func heFrame(data [6]uint16) []byte {
	v := vhtFrame(-1, 0, 0, 0, 0, [4]byte{}, 0, 0, 0)
	wlan := v[20:] // the VHT header is 8 + 12 bytes
	h := make([]byte, 8, 20)
	for _, w := range data {
		h = binary.LittleEndian.AppendUint16(h, w)
	}
	binary.LittleEndian.PutUint16(h[2:], uint16(len(h)))
	binary.LittleEndian.PutUint32(h[4:], 1<<23)
	return append(h, wlan...)
}

func TestRadiotapHEMatchesOracles(t *testing.T) {
	pkts := [][]byte{
		heFrame([6]uint16{0xc3fc, 0x00fe, 0x69e5, 0x000f, 0x2180, 0x7f02}),
		heFrame([6]uint16{0, 0, 0x69e5, 0x000f, 0x2180, 0x7f02}),
		heFrame([6]uint16{0xc3fd, 0x00ff, 0x69e5, 0x000f, 0x2185, 0x7f02}),
		heFrame([6]uint16{0xfffd, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff}),
		heFrame([6]uint16{0x0400, 0x0000, 0x0000, 0x0005, 0x0293, 0x8003}),
		heFrame([6]uint16{0xc3fc, 0x00fe, 0x6be5, 0x000f, 0x21a3, 0x7f01}),
		heFrame([6]uint16{0xc3fc, 0x00fe, 0x6ae5, 0x000f, 0x2198, 0x7f03}),
		heFrame([6]uint16{0xc3fc, 0x00fe, 0x60e5, 0x000f, 0x2194, 0x7f01}),
		heFrame([6]uint16{0x0002, 0x00fe, 0x69e5, 0x000f, 0x2180, 0x7f02}), // HE_MU: not drawn
		heFrame([6]uint16{0x0003, 0x00fe, 0x69e5, 0x000f, 0x2180, 0x7f02}), // HE_TRIG: not drawn
	}
	wifiOracle(t, "he.pcap", linktype.IEEE802_11RT, pkts, "radiotap", "wlan_radio")
}
