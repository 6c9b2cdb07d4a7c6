package decode_test

import (
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
)

// Radiotap headers, crafted: TSFT, Flags, Rate, Channel, dBm signal and
// noise (an 11a radio), and Flags, Rate, Channel, quality, antenna, dB
// signal, RX flags (an 11b radio, as the reason-code captures of
// tcpdump's tests have it); the second with the FCS flag.
const (
	rtA   = "00 00 18 00 6f 00 00 00 57 e1 ec 60 58 f1 06 00 00 0c 3c 14 40 01 d4 a1"
	rtB   = "00 00 18 00 8e 58 00 00 00 02 6c 09 a0 00 64 00 00 39 00 00 fe aa 65 ac"
	rtFCS = "00 00 0e 00 0e 00 00 00 10 02 6c 09 a0 00"
)

// wlanVectors returns crafted 802.11 frames (after a radiotap header):
// a beacon with SSID, rates, DS and TIM tags, a wildcard probe request,
// an authentication, a deauthentication, a CCMP-protected QoS data frame
// from the DS, a data frame to the DS with SNAP/IPv4/UDP, and damaged
// ones (cut radiotap, radiotap longer than the frame, a bad 802.11
// version, a beacon cut in its fixed parameters).
func wlanVectors(t testing.TB) (good, bad [][]byte) {
	h := func(s ...string) []byte { return mustHex(t, strings.Join(s, " ")) }
	beacon := h(rtA, "80 00 00 00 ff ff ff ff ff ff 50 0f 80 70 18 d0 50 0f 80 70 18 d0 f0 bd",
		"06 08 d6 09 4b 00 00 00 64 00 11 04",
		"00 05 72 61 77 61 70", "01 04 82 84 8b 96", "03 01 06", "05 04 00 01 00 00")
	probe := h(rtA, "40 00 00 00 ff ff ff ff ff ff 40 40 a7 50 73 db ff ff ff ff ff ff b0 17",
		"00 00 01 08 0c 12 18 24 30 48 60 6c")
	auth := h(rtB, "b0 00 3a 01 00 0d 93 82 36 3a 00 0c 41 82 b2 55 00 0c 41 82 b2 55 90 fc",
		"00 00 01 00 00 00")
	deauth := h(rtB, "c0 00 3a 01 00 0c 41 82 b2 55 00 0d 93 82 36 3a 00 0c 41 82 b2 55 50 0b",
		"04 00")
	ccmp := h(rtFCS, "88 42 2c 00 68 a3 c4 03 46 da 20 7c 8f 50 3f 3a 20 7c 8f 50 3f 3a 20 01 00 00",
		"11 00 00 20 00 00 00 00", "aa bb cc dd ee ff 00 11 22 33 44 55 66 77 88 99", "c6 a0 2c 87")
	udp := h(rtB, "08 01 2c 00 36 80 94 c0 22 8b b0 be 83 5b 4b 40 ff ff ff ff ff ff 70 05",
		"aa aa 03 00 00 00 08 00",
		"45 00 00 20 00 01 00 00 40 11 00 00 0a 00 00 01 0a 00 00 02",
		"30 39 27 0f 00 0c 00 00 61 62 63 64")
	putChecksum(udp[24+24+8:24+24+8+20], 10)
	// A probe response carrying the elements rawcap lays out field by
	// field: HT capabilities and information, RSN, extended capabilities,
	// VHT capabilities and operation, a transmit power envelope,
	// interworking, supported channels, WMM parameters, Aironet and
	// Hotspot 2.0 vendor elements, and an RSN element whose suite count
	// runs past its end (drawn as far as it holds).
	elems := h(rtA, "50 08 3a 01 02 11 22 33 44 55 06 aa bb cc dd ee 06 aa bb cc dd ee 30 12",
		"11 22 33 44 55 66 77 88 64 00 11 01",
		"00 04 77 69 66 69", "01 02 8c 98", "03 01 24",
		"2d 1a ef 01 17 ff ff 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00",
		"3d 16 24 07 04 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00",
		"30 18 01 00 00 0f ac 04 02 00 00 0f ac 04 00 0f ac 02 01 00 00 0f ac 02 28 00",
		"7f 08 04 00 08 80 01 00 00 40",
		"bf 0c 91 59 82 0f aa ff 00 00 aa ff 00 00",
		"c0 05 01 2a 00 fc ff",
		"c3 03 01 02 fe",
		"6b 01 0f",
		"24 04 01 0b 24 04",
		"dd 18 00 50 f2 02 01 01 81 00 03 a4 00 00 27 a4 00 00 42 43 5e 00 62 32 2f 00",
		"dd 05 00 40 96 03 05", "dd 05 00 40 96 14 01", "dd 06 00 40 96 18 ab cd",
		"dd 05 50 6f 9a 10 10",
		"dd 07 00 50 f2 08 00 12 00")
	// An association request with a WMM information element (a station's
	// QoS info).
	assoc := h(rtA, "00 00 3a 01 06 aa bb cc dd ee 02 11 22 33 44 55 06 aa bb cc dd ee 40 12",
		"31 04 0a 00", "00 04 77 69 66 69", "01 02 8c 98",
		"dd 07 00 50 f2 02 00 01 0f")
	// EAPOL key frames after LLC/SNAP: message 1 of the 4-way handshake
	// (a PMKID in its key data) and message 2 (an RSN element).
	nonce := strings.Repeat("5a ", 32)
	zeros := func(n int) string { return strings.Repeat("00 ", n) }
	eapol1 := h(rtA, "08 02 3a 01 02 11 22 33 44 55 06 aa bb cc dd ee 06 aa bb cc dd ee 50 12",
		"aa aa 03 00 00 00 88 8e", "02 03 00 75", "02 00 8a 00 10 00 00 00 00 00 00 00 01", nonce, zeros(16+8+8+16),
		"00 16 dd 14 00 0f ac 04 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10")
	eapol2 := h(rtA, "08 01 3a 01 06 aa bb cc dd ee 02 11 22 33 44 55 06 aa bb cc dd ee 60 12",
		"aa aa 03 00 00 00 88 8e", "01 03 00 75", "02 01 0a 00 00 00 00 00 00 00 00 00 01", nonce, zeros(16+8+8),
		"99 88 77 66 55 44 33 22 11 00 99 88 77 66 55 44",
		"00 16 30 14 01 00 00 0f ac 04 01 00 00 0f ac 04 01 00 00 0f ac 02 00 00")
	good = [][]byte{beacon, probe, auth, deauth, ccmp, udp, elems, assoc, eapol1, eapol2}
	// A probe response whose RSN element's pairwise suite count runs past
	// its end: drawn up to the element's length.
	good = append(good, h(rtA, "50 08 3a 01 02 11 22 33 44 55 06 aa bb cc dd ee 06 aa bb cc dd ee 30 12",
		"11 22 33 44 55 66 77 88 64 00 11 01", "00 00", "30 0a 01 00 00 0f ac 04 09 00 00 0f"))
	bad = [][]byte{
		h("00 00 18"),
		h("00 00 40 00 6f 00 00 00 57 e1"),
		h(rtB, "83 00 00 00"),
		// An EAPOL frame whose length runs past the frame.
		h(rtA, "08 02 3a 01 02 11 22 33 44 55 06 aa bb cc dd ee 06 aa bb cc dd ee 50 12",
			"aa aa 03 00 00 00 88 8e", "02 03 00 75 02 00 8a"),
	}
	// A beacon cut in its fixed parameters: drawn as far as it goes.
	good = append(good, h(rtA, "80 00 00 00 ff ff ff ff ff ff 50 0f 80 70 18 d0 50 0f 80 70 18 d0 f0 bd 06 08"))
	return good, bad
}

// TestWLANVectors decodes the vectors: the layers they should have, no
// panic on the damaged ones, and every printer without an allocation.
func TestWLANVectors(t *testing.T) {
	good, bad := wlanVectors(t)
	d := decode.NewDecoder()
	want := [][]decode.LayerType{
		{decode.LayerRadiotap, decode.LayerWLAN},
		{decode.LayerRadiotap, decode.LayerWLAN},
		{decode.LayerRadiotap, decode.LayerWLAN},
		{decode.LayerRadiotap, decode.LayerWLAN},
		{decode.LayerRadiotap, decode.LayerWLAN, decode.LayerPayload},
		{decode.LayerRadiotap, decode.LayerWLAN, decode.LayerLLC, decode.LayerIPv4, decode.LayerUDP, decode.LayerPayload},
		{decode.LayerRadiotap, decode.LayerWLAN},
		{decode.LayerRadiotap, decode.LayerWLAN},
		{decode.LayerRadiotap, decode.LayerWLAN, decode.LayerLLC, decode.LayerEAPOL},
		{decode.LayerRadiotap, decode.LayerWLAN, decode.LayerLLC, decode.LayerEAPOL},
		{decode.LayerRadiotap, decode.LayerWLAN},
		{decode.LayerRadiotap, decode.LayerWLAN},
	}
	for i, fr := range good {
		var got []decode.LayerType
		for _, l := range d.Decode(fr, linktype.IEEE802_11RT) {
			got = append(got, l.Type)
			if l.Malformed != "" {
				t.Errorf("vector %d: layer %v malformed: %s", i, l.Type, l.Malformed)
			}
		}
		if len(got) < len(want[i]) || !equalLayers(got[:len(want[i])], want[i]) {
			t.Errorf("vector %d: layers %v, want %v", i, got, want[i])
		}
	}
	for i, fr := range bad {
		d.Decode(fr, linktype.IEEE802_11RT)
		if _, ok := d.Malformed(); !ok {
			t.Errorf("damaged vector %d: no layer marked malformed", i)
		}
	}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC, Link: true, Verbose: 1}}
	tp := &decode.TreePrinter{Location: time.UTC}
	jp := &decode.JSONPrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{}
	buf := make([]byte, 0, 1<<16)
	for i, fr := range append(good, bad...) {
		f := decode.Frame{Number: i + 1, Time: time.Unix(1700000000, 0), Length: len(fr)}
		d.Decode(fr, linktype.IEEE802_11RT)
		for _, pr := range []func(){
			func() { buf = lp.Append(buf[:0], d, &f) },
			func() { buf = tp.Append(buf[:0], d, &f) },
			func() { buf = jp.Append(buf[:0], d, &f) },
			func() { buf = cp.Append(buf[:0], d, &f) },
		} {
			pr()
			if n := testing.AllocsPerRun(20, func() { d.Decode(fr, linktype.IEEE802_11RT); pr() }); n != 0 {
				t.Errorf("vector %d: %.0f allocations per packet", i, n)
			}
		}
		buf = jp.Append(buf[:0], d, &f)
		if !json.Valid(buf) {
			t.Errorf("vector %d: invalid JSON %s", i, buf)
		}
	}
	// The 802.11 link type alone (105): the same frames without radiotap.
	d.Decode(good[2][24:], linktype.IEEE802_11)
	if ls := d.Layers(); len(ls) != 1 || ls[0].Type != decode.LayerWLAN || ls[0].Malformed != "" {
		t.Errorf("link type 105: layers %v", ls)
	}
}

func equalLayers(a, b []decode.LayerType) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}

// writeRadiotapPcap writes frames as a pcap of link type 127.
func writeRadiotapPcap(t *testing.T, frames [][]byte) string {
	t.Helper()
	return writeTestPcapLink(t, linktype.IEEE802_11RT, frames, nil)
}

// TestWLANGeneratedMatchesTools writes the vectors into a capture and holds
// rawcap's one-liners to tcpdump's (default, -e, -v -e) and its -V tree to
// tshark's (every line rawcap prints is tshark's, in order).
func TestWLANGeneratedMatchesTools(t *testing.T) {
	testshared.Oracle(t, "tcpdump")
	testshared.Oracle(t, "tshark")
	good, _ := wlanVectors(t)
	path := writeRadiotapPcap(t, good)
	d := decode.NewDecoder()
	for _, opts := range [][]string{{}, {"-e"}, {"-v", "-e"}} {
		cmd := exec.Command("tcpdump", append(append([]string{"-n", "-tt"}, opts...), "-r", path)...)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("tcpdump %v: %v", opts, err)
		}
		lines := splitStamped(out)
		lo := decode.LineOptions{Location: time.UTC, Time: decode.TimeEpoch, Link: len(opts) > 0}
		if len(opts) == 2 {
			lo.Verbose = 1
		}
		p := &decode.LinePrinter{Options: lo}
		for i, fr := range good {
			d.Decode(fr, linktype.IEEE802_11RT)
			f := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(fr)}
			got := string(p.Append(nil, d, &f))
			if i >= len(lines) || got != lines[i] {
				if i >= 10 {
					continue // the cut RSN and the cut beacon: tcpdump prints "[|802.11]" and rawcap draws what is there
				}
				t.Errorf("frame %d %v:\n tcpdump %q\n rawcap  %q", i+1, opts, lines[min(i, len(lines)-1)], got)
			}
		}
	}
	cmd := exec.Command("tshark", "-n", "-V", "-r", path)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("tshark: %v", err)
	}
	theirs := splitFrames(string(out))
	tp := &decode.TreePrinter{Location: time.UTC}
	matched, total := 0, 0
	for i, fr := range good {
		d.Decode(fr, linktype.IEEE802_11RT)
		f := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(fr)}
		mine := strings.Split(strings.TrimRight(string(tp.Append(nil, d, &f)), "\n"), "\n")
		want := strings.Split(theirs[i], "\n")
		total += len(want)
		j := 0
		for _, line := range mine {
			if strings.Contains(line, "[Protocols in frame") {
				continue
			}
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
	t.Logf("-V: rawcap prints %d of tshark's %d lines for the generated frames", matched, total)
}

// FuzzWLAN feeds radiotap + 802.11 frames to the decoder and every
// printer: nothing may panic and JSON must stay valid.
func FuzzWLAN(f *testing.F) {
	good, bad := wlanVectors(f)
	for _, fr := range append(good, bad...) {
		f.Add(fr)
	}
	// The first packet of the corpus's radiotap captures (after the pcap
	// file and record headers), where the shared corpus is present.
	m, _ := filepath.Glob("../../shared/corpus/*/tests_*802.11*.pcap")
	m2, _ := filepath.Glob("../../shared/corpus/libpcap/tests_filter_wpa2*.pcap")
	for _, p := range append(m, m2...) {
		if b, err := os.ReadFile(p); err == nil && len(b) > 40 {
			f.Add(b[40:min(len(b), 4096)])
		}
	}
	d := decode.NewDecoder()
	lp := &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC, Link: true, Verbose: 2}}
	tp := &decode.TreePrinter{Location: time.UTC}
	jp := &decode.JSONPrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{}
	n := 0
	f.Fuzz(func(t *testing.T, b []byte) {
		n++
		fr := decode.Frame{Number: n, Time: time.Unix(1700000000, 0), Length: len(b)}
		for _, lt := range []linktype.Type{linktype.IEEE802_11RT, linktype.IEEE802_11} {
			for _, l := range d.Decode(b, lt) {
				if l.Start < 0 || l.End > len(b) || l.Start > l.End {
					t.Fatalf("layer %v outside the frame: %+v", l.Type, l)
				}
			}
			lp.Append(nil, d, &fr)
			tp.Append(nil, d, &fr)
			cp.Append(nil, d, &fr)
			if out := jp.Append(nil, d, &fr); !json.Valid(out) {
				t.Fatalf("invalid JSON: %s", out)
			}
		}
	})
}

// wlanTreeFrames returns the vectors and a few frames more whose lines the
// generic tree draws from the fields' definitions: a beacon of an AP
// without privacy, a PS-Poll (its association ID), an association
// response (its status and AID) and a QoS data frame to the DS asking a
// queue size (a QoS null function).
func wlanTreeFrames(t testing.TB) [][]byte {
	good, _ := wlanVectors(t)
	h := func(s ...string) []byte { return mustHex(t, strings.Join(s, " ")) }
	return append(good,
		h(rtA, "80 00 00 00 ff ff ff ff ff ff 50 0f 80 70 18 d0 50 0f 80 70 18 d0 f0 bd",
			"06 08 d6 09 4b 00 00 00 64 00 01 04", "00 03 61 62 63"),
		h(rtB, "a4 10 05 c0 00 0c 41 82 b2 55 00 0d 93 82 36 3a"),
		h(rtA, "10 00 3a 01 02 11 22 33 44 55 06 aa bb cc dd ee 06 aa bb cc dd ee 40 12",
			"11 04 00 00 05 c0", "01 02 8c 98"),
		h(rtB, "c8 01 2c 00 36 80 94 c0 22 8b b0 be 83 5b 4b 40 ff ff ff ff ff ff 70 05 15 1b"),
	)
}

// TestWLANTreeMatchesTshark holds the 802.11 subtree and the management
// block beside it, drawn from the fields, to tshark's line for line.
func TestWLANTreeMatchesTshark(t *testing.T) {
	allow := map[int]string{
		10: "an RSN element whose suite count runs past its end: tshark draws what it read and an exception",
		11: "a beacon cut in its fixed parameters: tshark's Info column adds [Malformed Packet]",
	}
	compareSubtreeWithTsharkOn(t, linktype.IEEE802_11RT, wlanTreeFrames(t), "IEEE 802.11 ", allow)
}

// TestWLANTreeAllocatesNothing: the generic tree draws 802.11 headers and
// management bodies without allocating.
func TestWLANTreeAllocatesNothing(t *testing.T) {
	checkTreeAllocsNothingOn(t, linktype.IEEE802_11RT, wlanTreeFrames(t), "IEEE 802.11 ")
}

// TestEAPOLTreeMatchesTshark holds the 802.1X subtree of the generated key
// frames (a PMKID and an RSN element in their key data), drawn from the
// fields, to tshark's line for line.
func TestEAPOLTreeMatchesTshark(t *testing.T) {
	good, _ := wlanVectors(t)
	compareSubtreeWithTsharkOn(t, linktype.IEEE802_11RT, good[8:10], "802.1X Authentication", nil)
}

// TestEAPOLTreeAllocatesNothing: the generic tree draws 802.1X key frames
// without allocating.
func TestEAPOLTreeAllocatesNothing(t *testing.T) {
	good, _ := wlanVectors(t)
	checkTreeAllocsNothingOn(t, linktype.IEEE802_11RT, good[8:10], "802.1X Authentication")
}
