package decode_test

import (
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/synth"
	"github.com/rawcap/rawcap/linktype"
)

// voipPrinters are the outputs the VoIP layers feed.
func voipPrinters(t testing.TB) map[string]interface {
	Append([]byte, *decode.Decoder, *decode.Frame) []byte
} {
	fp, err := decode.NewFieldsPrinter(nil)
	if err != nil {
		t.Fatal(err)
	}
	return map[string]interface {
		Append([]byte, *decode.Decoder, *decode.Frame) []byte
	}{
		"line":      &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC}},
		"line -v":   &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC, Verbose: 1}},
		"line -q":   &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC, Quiet: true}},
		"-V":        &decode.TreePrinter{Location: time.UTC},
		"--columns": &decode.ColumnsPrinter{},
		"--json":    &decode.JSONPrinter{Location: time.UTC},
		"-T fields": fp,
	}
}

// TestVoIPNoAllocations holds decoding the generated call and printing it
// every way to no allocation per packet, once the decoder has seen the
// call (the VoIP state is allocated at the first SIP message).
func TestVoIPNoAllocations(t *testing.T) {
	pkts := synth.SIPCall(time.Unix(1700000000, 0))
	buf := make([]byte, 0, 64<<10)
	for name, p := range voipPrinters(t) {
		d := decode.NewDecoder()
		for i, pk := range pkts {
			d.Decode(pk.Data, linktype.Ethernet)
			f := decode.Frame{Number: i + 1, Time: pk.Time, Length: len(pk.Data)}
			buf = p.Append(buf[:0], d, &f)
		}
		for i, pk := range pkts {
			f := decode.Frame{Number: len(pkts) + i + 1, Time: pk.Time, Length: len(pk.Data)}
			n := testing.AllocsPerRun(20, func() {
				d.Decode(pk.Data, linktype.Ethernet)
				buf = p.Append(buf[:0], d, &f)
			})
			if n != 0 {
				t.Errorf("%s: packet %d allocates %v times", name, i+1, n)
			}
		}
	}
}

// TestVoIPLayers checks what the decoder makes of the generated call: the
// layers of each packet and that SDP set up the media ports.
func TestVoIPLayers(t *testing.T) {
	pkts := synth.SIPCall(time.Unix(1700000000, 0))
	want := []string{
		"eth:ethertype:ip:udp:sip:sdp", "eth:ethertype:ip:udp:sip", "eth:ethertype:ip:udp:sip",
		"eth:ethertype:ip:udp:sip:sdp", "eth:ethertype:ip:udp:sip",
		"eth:ethertype:ip:udp:rtp", "eth:ethertype:ip:udp:rtp", "eth:ethertype:ip:udp:rtp", "eth:ethertype:ip:udp:rtp",
		"eth:ethertype:ip:udp:rtp", "eth:ethertype:ip:udp:rtp", "eth:ethertype:ip:udp:rtp", "eth:ethertype:ip:udp:rtp",
		"eth:ethertype:ip:udp:rtcp", "eth:ethertype:ip:udp:rtcp", "eth:ethertype:ip:udp:rtcp", "eth:ethertype:ip:udp:rtcp",
		"eth:ethertype:ip:udp:sip", "eth:ethertype:ip:udp:sip",
		"eth:ethertype:ip:tcp", "eth:ethertype:ip:tcp", "eth:ethertype:ip:tcp",
		"eth:ethertype:ip:tcp:sip", "eth:ethertype:ip:tcp:sip:sdp", "eth:ethertype:ip:tcp",
	}
	fp, err := decode.NewFieldsPrinter([]string{"frame.protocols"})
	if err != nil {
		t.Fatal(err)
	}
	d := decode.NewDecoder()
	for i, pk := range pkts {
		d.Decode(pk.Data, linktype.Ethernet)
		f := decode.Frame{Number: i + 1, Time: pk.Time, Length: len(pk.Data)}
		got := strings.TrimSpace(string(fp.Append(nil, d, &f)))
		if got != want[i] {
			t.Errorf("frame %d: frame.protocols %q, want %q", i+1, got, want[i])
		}
	}
	// Without the SIP that set them up, the media datagrams are UDP data.
	d = decode.NewDecoder()
	d.Decode(pkts[5].Data, linktype.Ethernet)
	if l := d.Layers(); l[len(l)-1].Type != decode.LayerPayload {
		t.Errorf("RTP without SDP decodes as %v, want data", l[len(l)-1].Type)
	}
}

// voipVectors are SIP datagrams, some cut short or damaged, each with what
// tcpdump's one-liner and tshark's Info column show
// (TestVoIPVectorsMatchTshark holds them to the tools).
var voipVectors = []struct {
	name    string
	port    uint16 // UDP port (both ends)
	payload string
	line    string // tcpdump -n after the ports
	info    string // tshark's Info column
}{
	{"request", 5060, "OPTIONS sip:a@b SIP/2.0\r\nCall-ID: x\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n",
		"SIP: OPTIONS sip:a@b SIP/2.0", "Request: OPTIONS sip:a@b | "},
	{"response", 5060, "SIP/2.0 404 Not Found\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n",
		"SIP: SIP/2.0 404 Not Found", "Status: 404 Not Found | "},
	{"headers cut", 5060, "INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h\r\nCall-I",
		"SIP: INVITE sip:a@b SIP/2.0", "Request: INVITE sip:a@b[Malformed Packet]"},
	{"first line cut", 5060, "INVITE sip:a@b SIP/2",
		"SIP: INVITE sip:a@b SIP/2 [|sip]", ""},
	{"not SIP", 5060, "hello\r\n", "SIP", ""},
	{"short user", 5060, "OPTIONS sip:ab@cd SIP/2.0\r\nContent-Length: 0\r\n\r\n",
		"SIP: OPTIONS sip:ab@cd SIP/2.0", "Request: OPTIONS sip:ab@cd | "},
	{"user with host port", 5060, "OPTIONS sip:abc@cd:5 SIP/2.0\r\nContent-Length: 0\r\n\r\n",
		"SIP: OPTIONS sip:abc@cd:5 SIP/2.0", "Request: OPTIONS sip:abc@cd:5 | "},
	{"unknown method", 5060, "FOO sip:a@b SIP/2.0\r\n\r\n", "SIP", "Unknown request: FOO sip:a@b | "},
	{"body shorter than Content-Length", 5060, "SIP/2.0 200 OK\r\nContent-Type: application/sdp\r\nContent-Length: 99\r\n\r\nv=0\r\n",
		"SIP: SIP/2.0 200 OK", "Status: 200 OK () | "},
}

func TestVoIPVectors(t *testing.T) {
	for _, v := range voipVectors {
		t.Run(v.name, func(t *testing.T) {
			fr := appFrame([]byte(v.payload), v.port, v.port, false)
			d := decode.NewDecoder()
			d.Decode(fr, linktype.Ethernet)
			f := decode.Frame{Number: 1, Time: time.Unix(0, 0).UTC(), Length: len(fr)}
			lp := &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC}}
			line := string(lp.Append(nil, d, &f))
			if _, after, _ := strings.Cut(line, ": "); strings.TrimSpace(after) != v.line {
				t.Errorf("line %q, want …%q", line, v.line)
			}
			cp := &decode.ColumnsPrinter{}
			row := strings.TrimSpace(string(cp.Append(nil, d, &f)))
			if v.info != "" && !strings.HasSuffix(row, strings.TrimSpace(v.info)) {
				t.Errorf("row %q, want Info %q", row, v.info)
			}
			// Every output copes.
			for name, p := range voipPrinters(t) {
				if out := p.Append(nil, d, &f); len(out) == 0 && name != "-T fields" {
					t.Errorf("%s printed nothing", name)
				}
			}
		})
	}
}

// TestRTCPCutShort decodes RTCP packets whose length runs past the
// datagram, and SDES and BYE contents cut inside: marked, never a panic.
func TestRTCPCutShort(t *testing.T) {
	for _, hex := range []string{
		"80c8 0006 1a2b 3c4d",           // SR announcing 28 bytes, 8 there
		"81ca 0002 1a2b 3c4d 0110 6162", // SDES item longer than the packet
		"81cb 0002 1a2b 3c4d 0a61 6263", // BYE reason past the end
		"9fc9 0001 1a2b 3c4d",           // RR counting 31 blocks, none there
		"80cc 0001 1a2b 3c4d",           // APP without its name
		"80c8 000c 1a2b 3c4d e8d4 a510 8000 0000 0000 0280 0000 0004 0000 0280", // SR cut in its block
	} {
		b := mustHex(t, strings.ReplaceAll(hex, " ", ""))
		d := decode.NewDecoder()
		if err := d.Ports.SetDecodeAs("udp.port=5005:rtcp"); err != nil {
			t.Fatal(err)
		}
		fr := appFrame(b, 5005, 5005, false)
		d.Decode(fr, linktype.Ethernet)
		f := decode.Frame{Number: 1, Time: time.Unix(0, 0).UTC(), Length: len(fr)}
		for name, p := range voipPrinters(t) {
			if out := p.Append(nil, d, &f); len(out) == 0 && name != "-T fields" {
				t.Errorf("%s: %s printed nothing", hex, name)
			}
		}
	}
}

// FuzzVoIP decodes arbitrary SIP, RTP and RTCP payloads (after a call set
// up the media ports) and prints them every way: it must not panic.
func FuzzVoIP(f *testing.F) {
	pkts := synth.SIPCall(time.Unix(1700000000, 0))
	for _, pk := range pkts {
		if len(pk.Data) > 42 && pk.Data[23] == 17 {
			f.Add(uint8(0), pk.Data[42:])
			f.Add(uint8(1), pk.Data[42:])
			f.Add(uint8(2), pk.Data[42:])
		}
	}
	for _, v := range voipVectors {
		f.Add(uint8(0), []byte(v.payload))
	}
	printers := voipPrinters(f)
	f.Fuzz(func(t *testing.T, kind uint8, payload []byte) {
		d := decode.NewDecoder()
		// The call's INVITE and 200 OK set up the media ports.
		for i, pk := range pkts[:5] {
			d.Decode(pk.Data, linktype.Ethernet)
			fr := decode.Frame{Number: i + 1, Time: pk.Time, Length: len(pk.Data)}
			printers["-V"].Append(nil, d, &fr)
		}
		sport, dport := uint16(5060), uint16(5060)
		switch kind % 4 {
		case 1:
			sport, dport = synth.SIPAliceRTPPort, synth.SIPBobRTPPort
		case 2:
			sport, dport = synth.SIPAliceRTPPort+1, synth.SIPBobRTPPort+1
		}
		fr := appFrame(payload, sport, dport, kind%4 == 3)
		// The media ports are the call's addresses: rewrite the frame's.
		if len(fr) >= 34 && kind%4 != 3 {
			copy(fr[26:34], pkts[5].Data[26:34])
		}
		for _, p := range printers {
			d.Decode(fr, linktype.Ethernet)
			f := decode.Frame{Number: 6, Time: time.Unix(1700000001, 0), Length: len(fr)}
			p.Append(nil, d, &f)
		}
	})
}
