package decode_test

import (
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// pptpVectors are the control messages of tcpdump/tests_pptp.pcap (SCCRQ,
// SCCRP, OCRQ, OCRP, SLI), TCP's payloads in hex.
var pptpVectors = []string{
	"009c00011a2b3c4d0001000001000000000000010000000100000870000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000004d6963726f736f66742057696e646f7773204e540000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
	"009c00011a2b3c4d00020000010001000000000000000000000100016c6f63616c00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000004d6f7265746f6e426179000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
	"00a800011a2b3c4d00070000000078280000012c05f5e100000000030000000300400000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
	"002000011a2b3c4d00080000000000000100000005f5e1000040000000000000",
	"001800011a2b3c4d000f000000000000ffffffffffffffff",
}

// TestPPTPLine checks tcpdump's words for the capture's messages, with
// and without -v, on a frame from the PNS (client) to TCP 1723.
func TestPPTPLine(t *testing.T) {
	want := []string{
		"pptp CTRL_MSGTYPE=SCCRQ PROTO_VER(1.0) FRAME_CAP(A) BEARER_CAP(A) MAX_CHAN(0) FIRM_REV(2160) HOSTNAME() VENDOR(Microsoft Windows NT)",
		"pptp Length=156 CTRL-MSG Magic-Cookie=1a2b3c4d CTRL_MSGTYPE=SCCRP PROTO_VER(1.0) RESULT_CODE(1:Successful channel establishment) ERR_CODE(0:None) FRAME_CAP() BEARER_CAP() MAX_CHAN(1) FIRM_REV(1) HOSTNAME(local) VENDOR(MoretonBay)",
	}
	d := decode.NewDecoder()
	for k, w := range want {
		b, err := hex.DecodeString(pptpVectors[k])
		if err != nil {
			t.Fatal(err)
		}
		d.Decode(appTCPFrame(t, 3025, 1723, b), linktype.Ethernet)
		lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: k}}
		got := string(lp.Append(nil, d, &decode.Frame{Number: 1, Time: time.Unix(1, 0)}))
		if !strings.HasSuffix(strings.TrimRight(got, "\n"), w) {
			t.Errorf("message %d:\n got %q\nwant suffix %q", k, got, w)
		}
	}
}

// FuzzPPTP feeds PPTP's decoder and printers any TCP 1723 payload.
func FuzzPPTP(f *testing.F) {
	for _, v := range pptpVectors {
		b, _ := hex.DecodeString(v)
		f.Add(b, true)
		f.Add(b[:len(b)/2], false)
	}
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2}}
	jp := &decode.JSONPrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{Precision: []int{6}}
	f.Fuzz(func(t *testing.T, payload []byte, request bool) {
		frame := appTCPFrame(t, 1723, 40000, payload)
		if request {
			frame = appTCPFrame(t, 40000, 1723, payload)
		}
		d.Decode(frame, linktype.Ethernet)
		fr := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
		_ = tp.Append(nil, d, &fr)
		_ = lp.Append(nil, d, &fr)
		_ = jp.Append(nil, d, &fr)
		_ = cp.Append(nil, d, &fr)
	})
}
