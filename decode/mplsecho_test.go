package decode_test

import (
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// mplsEchoHeader is an echo request's 32-byte header as the corpus's
// tests_lspping-fec-ldp.pcap sends it (sequence 1, the sender's timestamp
// in NTP era 0, no receiver's), with the message type, return code and
// subcode, and receiver's timestamp to be set.
func mplsEchoHeader(t testing.TB, msgType, code, sub byte, rcvd string) []byte {
	h := mustHex(t, "00 01 00 00 01 02 00 00 00 00 00 00 00 00 00 01 "+
		"40 cd 7b 24 00 01 cf 0d "+rcvd)
	h[4], h[6], h[7] = msgType, code, sub
	return h
}

// mplsEchoVectors are LSP ping datagrams to or from port 3503: the corpus's
// (tests_lspping-fec-ldp, tests_lspping-fec-rsvp) and variations of their
// return codes and timestamps; layer false: rawcap leaves the datagram as
// data (a TLV it does not lay out yet), and tcpdump's text is then not
// compared (written false) where tcpdump lays the TLV out.
var mplsEchoVectors = []struct {
	name           string
	msgType        byte
	code, sub      byte
	rcvd, tlvs     string
	layer, written bool
}{
	{name: "request, LDP IPv4 prefix", msgType: 1, rcvd: "00 00 00 00 00 00 00 00",
		tlvs: "00 01 00 0c 00 01 00 05 0c 01 01 01 20 00 00 00", layer: true, written: true},
	{name: "request, RSVP IPv4 session", msgType: 1, rcvd: "00 00 00 00 00 00 00 00",
		tlvs: "00 01 00 18 00 03 00 14 0c 01 01 01 00 00 53 72 0c 04 04 04 0c 04 04 04 00 00 00 10", layer: true, written: true},
	{name: "request, two FEC elements", msgType: 1, rcvd: "00 00 00 00 00 00 00 00",
		tlvs: "00 01 00 24 00 01 00 05 0c 01 01 01 20 00 00 00 00 03 00 14 0c 01 01 01 00 00 53 72 0c 04 04 04 0c 04 04 04 00 00 00 10", layer: true, written: true},
	{name: "reply, egress", msgType: 2, code: 3, sub: 1, rcvd: "40 cd 7b 24 00 01 d1 00", layer: true, written: true},
	{name: "reply, no mapping", msgType: 2, code: 4, sub: 2, rcvd: "40 cd 7b 24 00 01 d1 00", layer: true, written: true},
	{name: "reply, label switched", msgType: 2, code: 8, sub: 1, rcvd: "40 cd 7b 24 00 01 d1 00", layer: true, written: true},
	{name: "reply, no MPLS forwarding", msgType: 2, code: 9, sub: 1, rcvd: "40 cd 7b 24 00 01 d1 00", layer: true, written: true},
	{name: "reply, not the given label", msgType: 2, code: 10, sub: 1, rcvd: "40 cd 7b 24 00 01 d1 00", layer: true, written: true},
	{name: "reply, protocol not associated", msgType: 2, code: 12, sub: 1, rcvd: "40 cd 7b 24 00 01 d1 00", layer: true, written: true},
	{name: "reply, unknown code", msgType: 2, code: 99, sub: 1, rcvd: "40 cd 7b 24 00 01 d1 00", layer: true, written: true},
	{name: "reply, no label entry", msgType: 2, code: 11, sub: 1, rcvd: "40 cd 7b 24 00 01 d1 00", layer: true, written: true},
	{name: "reply, malformed request", msgType: 2, code: 1, rcvd: "40 cd 7b 24 00 00 00 00", layer: true, written: true},
	{name: "reply, premature termination", msgType: 2, code: 13, rcvd: "00 00 00 00 00 01 d1 00", layer: true, written: true},
	{name: "reply, era 1 timestamp", msgType: 2, code: 3, rcvd: "e3 0e 2a bb 53 89 e6 00", layer: true, written: true},
	{name: "pad TLV", msgType: 1, rcvd: "00 00 00 00 00 00 00 00", tlvs: "00 03 00 04 01 00 00 00"},
	{name: "unknown FEC element", msgType: 1, rcvd: "00 00 00 00 00 00 00 00", tlvs: "00 01 00 08 00 63 00 04 01 02 03 04"},
	{name: "data plane verification request", msgType: 3, rcvd: "00 00 00 00 00 00 00 00", written: true},
}

func mplsEchoFrames(t testing.TB) [][]byte {
	var frames [][]byte
	for k, v := range mplsEchoVectors {
		payload := append(mplsEchoHeader(t, v.msgType, v.code, v.sub, v.rcvd), mustHex(t, v.tlvs)...)
		if v.msgType == 2 {
			frames = append(frames, appUDPFrame(t, 3503, uint16(40000+k), payload))
		} else {
			frames = append(frames, appUDPFrame(t, uint16(40000+k), 3503, payload))
		}
	}
	return frames
}

func TestMPLSEcho(t *testing.T) {
	frames := mplsEchoFrames(t)
	d := decode.NewDecoder()
	var taken, written [][]byte
	for k, v := range mplsEchoVectors {
		t.Run(v.name, func(t *testing.T) {
			frame := frames[k]
			layers := d.Decode(frame, linktype.Ethernet)
			if got := len(layers) == 4 && layers[3].Type == decode.LayerMPLSEcho; got != v.layer {
				t.Fatalf("layers %v: mpls-echo %v, want %v", layers, got, v.layer)
			}
			if got := decode.LSPPingLineWritten(frame[42:]); got != v.written && v.layer {
				t.Errorf("LSPPingLineWritten %v, want %v", got, v.written)
			}
			if v.written {
				written = append(written, frame)
			}
			if !v.layer {
				return
			}
			taken = append(taken, frame)
			checkVectorPrinters(t, d, frame, "Multiprotocol Label Switching Echo")
		})
	}
	compareVectorsWithOracles(t, written, taken, "Multiprotocol Label Switching Echo", []string{"mpls_echo.version", "mpls_echo.flags", "mpls_echo.msg_type",
		"mpls_echo.return_code", "mpls_echo.return_subcode", "mpls_echo.sequence", "mpls_echo.timestamp_sent",
		"mpls_echo.timestamp_rec", "mpls_echo.tlv.type", "mpls_echo.tlv.len", "mpls_echo.tlv.fec.type",
		"mpls_echo.tlv.fec.len", "mpls_echo.tlv.fec.ldp_ipv4", "mpls_echo.tlv.fec.ldp_ipv4_mask",
		"mpls_echo.tlv.fec.rsvp_ipv4_ep", "mpls_echo.tlv.fec.rsvp_ip_tun_id", "mpls_echo.tlv.fec.rsvp_ipv4_ext_tun_id",
		"mpls_echo.tlv.fec.rsvp_ipv4_sender", "mpls_echo.tlv.fec.rsvp_ip_lsp_id", "mpls_echo.padding"})
}

func FuzzMPLSEcho(f *testing.F) {
	for _, frame := range mplsEchoFrames(f) {
		f.Add(frame[42:], true)
	}
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2}}
	jp := &decode.JSONPrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{Precision: []int{6}}
	f.Fuzz(func(t *testing.T, payload []byte, request bool) {
		frame := appUDPFrame(t, 3503, 40000, payload)
		if request {
			frame = appUDPFrame(t, 40000, 3503, payload)
		}
		for _, n := range []int{len(frame), len(frame) - len(payload)/2} {
			d.Decode(frame[:n], linktype.Ethernet)
			fr := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
			_ = tp.Append(nil, d, &fr)
			_ = lp.Append(nil, d, &fr)
			_ = jp.Append(nil, d, &fr)
			_ = cp.Append(nil, d, &fr)
		}
	})
}
