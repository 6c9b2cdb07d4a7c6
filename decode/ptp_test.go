package decode_test

import (
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// ptpVectors are PTPv2 messages in UDP: the first ones as the corpus's
// tests_ptp and tests_ptp_corrections captures send them, then variants
// of their fields (every flag, a fraction of a nanosecond in the
// correction, a negative one, a negative log period, a clock identity
// made from no MAC address), the corpus's tests_ptp_management messages
// in UDP and a negative offset from master. ptp false: rawcap leaves the
// bytes as data.
var ptpVectors = []struct {
	name    string
	port    uint16
	payload string
	ptp     bool
	line    string // part of what tcpdump prints
}{
	{name: "delay req", port: 319, ptp: true,
		payload: "01 02 00 2c 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 7c fe 90 ff fe f9 50 b4 00 01 00 84 01 7f 00 00 00 00 00 00 00 00 00 00",
		line:    ": PTPv2, v1 compat : no, msg type : delay req msg, length : 44, domain : 0, reserved1 : 0, Flags [none]"},
	{name: "delay resp", port: 320, ptp: true,
		payload: "09 02 00 36 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 02 00 ff fe 00 00 01 00 01 00 84 03 00 00 00 5a 67 90 89 0e cc a2 a5 7c fe 90 ff fe f9 50 b4 00 01",
		line:    "msg type : delay resp msg, length : 54"},
	{name: "announce", port: 320, ptp: true,
		payload: "0b 02 00 40 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 02 00 ff fe 00 00 01 00 01 02 16 05 01 00 00 00 00 00 00 00 00 00 00 00 24 00 80 f8 fe ff ff 80 00 02 00 ff fe 00 00 01 00 00 a0",
		line:    "msg type : announce msg, length : 64"},
	{name: "sync, two step", port: 319, ptp: true,
		payload: "00 02 00 2c 00 00 02 00 00 00 00 00 00 00 00 00 00 00 00 00 00 02 00 ff fe 00 00 01 00 01 04 2b 00 00 00 00 00 00 00 00 00 00 00 00",
		line:    "Flags [two step]"},
	{name: "follow up", port: 320, ptp: true,
		payload: "08 02 00 2c 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 02 00 ff fe 00 00 01 00 01 04 2b 02 00 00 00 5a 67 90 8a 02 12 45 27",
		line:    "msg type : follow up msg"},
	{name: "delay resp, correction, no MAC in the identity", port: 320, ptp: true,
		payload: "09 02 00 36 2c 00 04 00 00 00 00 00 8c c3 00 00 00 00 00 00 e8 c5 7a ff ff 01 31 3f 00 03 04 b3 03 7f 00 00 63 45 ad 7f 28 78 f4 4d a0 36 9f ff fe 85 6e 8a 00 01",
		line:    "domain : 44, reserved1 : 0, Flags [unicast], NS correction : 36035, sub NS correction : 0"},
	{name: "every flag", port: 319, ptp: true,
		payload: "00 02 00 2c 00 00 ff ff 00 00 00 00 00 00 00 00 00 00 00 00 00 02 00 ff fe 00 00 01 00 01 04 2b 00 fd 00 00 00 00 00 00 00 00 00 00",
		line:    "Flags [l1 61, l1 59, utc reasonable, timescale, time tracable, frequency tracable, alternate master, two step, unicast, profile specific 1, profile specific 2, security mask, unknown]"},
	{name: "half a nanosecond", port: 319, ptp: true,
		payload: "00 02 00 2c 07 09 00 00 00 00 00 00 00 01 80 00 00 00 00 01 00 02 00 ff fe 00 00 01 00 01 04 2b 00 00 00 00 00 00 00 00 00 00 00 00",
		line:    "NS correction : 1, sub NS correction : 32768, reserved2 : 1"},
	{name: "minor version 1", port: 319, ptp: true,
		payload: "00 12 00 2c 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 02 00 ff fe 00 00 01 00 01 04 2b 00 00 00 00 00 00 00 00 00 00 00 00",
		line:    ": PTPv18\n"},
	{name: "negative correction", port: 319, ptp: true,
		payload: "10 02 00 2c 00 00 00 00 ff ff ff ff ff ff 00 00 00 00 00 00 00 02 00 ff fe 00 00 01 00 01 04 2b 09 00 00 00 00 00 00 00 00 00 00 00",
		line:    "v1 compat : yes"},
	{name: "management GET current data set", port: 320, ptp: true,
		payload: "0d 02 00 48 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 ff fe 00 00 11 00 01 00 00 04 7f ff ff ff ff ff ff ff ff ff ff 03 03 00 00 00 01 00 14 20 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00",
		line:    "control : 4 (Management), log message interval : 127, port identity : 0xffffffffffffffff, port id : 65535, , start boundary hops  255, , boundary hops  255, , flags  0xff, , reserved  0xff\n"},
	{name: "management RESPONSE current data set, a negative offset", port: 320, ptp: true,
		payload: "0d 02 00 48 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 ff fe 00 00 12 00 01 00 00 04 7f 00 00 00 ff fe 00 00 11 00 01 01 01 02 00 00 01 00 14 20 01 01 02 ff ff ff ff ff fe 80 00 00 00 00 00 04 d2 80 00",
		line:    "port identity : 0xfffe000011, port id : 1, , start boundary hops  0"},
	{name: "management RESPONSE port data set", port: 320, ptp: true,
		payload: "0d 02 00 50 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 ff fe 00 00 12 00 01 00 00 04 7f 00 00 00 ff fe 00 00 11 00 01 01 01 02 00 00 01 00 1c 20 04 00 00 00 ff fe 00 00 12 00 01 06 00 00 00 00 00 00 00 00 00 01 03 00 02 00 02",
		line:    "msg type : management msg, length : 80"},
	{name: "management RESPONSE default data set", port: 320, ptp: true,
		payload: "0d 02 00 4a 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 ff fe 00 00 12 00 01 00 00 04 7f 00 00 00 ff fe 00 00 11 00 01 01 01 02 00 00 01 00 16 20 00 01 00 00 01 80 f8 fe ff ff 80 00 00 00 ff fe 00 00 12 00 00",
		line:    "msg type : management msg, length : 74"},
	{name: "management RESPONSE parent data set", port: 320, ptp: true,
		payload: "0d 02 00 56 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 ff fe 00 00 12 00 01 00 00 04 7f 00 00 00 ff fe 00 00 11 00 01 01 01 02 00 00 01 00 22 20 02 00 00 00 ff fe 00 00 12 00 00 00 00 ff ff 7f ff ff ff 80 f8 fe ff ff 80 00 00 00 ff fe 00 00 12",
		line:    "msg type : management msg, length : 86"},
	{name: "management GET clock description", port: 320, ptp: true,
		payload: "0d 02 00 4c 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 ff fe 00 00 11 00 01 00 00 04 7f ff ff ff ff ff ff ff ff ff ff 03 03 00 00 00 01 00 18 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00",
		line:    "msg type : management msg, length : 76"},
	{name: "management RESPONSE clock description", port: 320, ptp: true,
		payload: "0d 02 00 66 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 ff fe 00 00 12 00 01 00 00 04 7f 00 00 00 ff fe 00 00 11 00 01 01 01 02 00 00 01 00 32 00 01 80 00 0a 49 45 45 45 20 38 30 32 2e 33 00 06 00 00 00 00 00 12 00 03 00 06 00 00 00 00 00 12 00 00 00 00 02 3b 3b 02 3b 3b 00 00 1b 19 00 02 00",
		line:    "msg type : management msg, length : 102"},
	{name: "management TLV cut short", port: 320,
		payload: "0d 02 00 48 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 ff fe 00 00 11 00 01 00 00 04 7f ff ff ff ff ff ff ff ff ff ff 03 03 00 00 00 01 00 40 20 01 00 00"},
	{name: "management error status TLV", port: 320,
		payload: "0d 02 00 48 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 ff fe 00 00 11 00 01 00 00 04 7f ff ff ff ff ff ff ff ff ff ff 03 03 00 00 00 02 00 08 20 01 00 00 00 00 00 00"},
	{name: "cut short", port: 319,
		payload: "00 02 00 2c 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 02 00 ff fe 00 00 01 00 01 04 2b 00 00 00 00 00 00"},
	{name: "peer delay req", port: 319,
		payload: "02 02 00 36 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 02 00 ff fe 00 00 01 00 01 04 2b 05 7f 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"},
	{name: "version 1", port: 319,
		payload: "00 01 00 2c 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 02 00 ff fe 00 00 01 00 01 04 2b 00 00 00 00 00 00 00 00 00 00 00 00"},
}

func TestPTP(t *testing.T) {
	var frames, taken [][]byte
	for k, v := range ptpVectors {
		frames = append(frames, appUDPFrame(t, uint16(40000+k), v.port, mustHex(t, v.payload)))
		if v.ptp {
			taken = append(taken, frames[k])
		}
	}
	d := decode.NewDecoder()
	for k, v := range ptpVectors {
		t.Run(v.name, func(t *testing.T) {
			frame := frames[k]
			layers := d.Decode(frame, linktype.Ethernet)
			if got := len(layers) == 4 && layers[3].Type == decode.LayerPTP; got != v.ptp {
				t.Fatalf("layers %v: PTP %v, want %v", layers, got, v.ptp)
			}
			if !v.ptp {
				return
			}
			f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
			lp := &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone}}
			got := string(lp.Append(nil, d, &f))
			if !strings.Contains(got, v.line) {
				t.Errorf("line %q, want it to hold %q", got, v.line)
			}
			cp := &decode.ColumnsPrinter{Precision: []int{6}}
			tp := &decode.TreePrinter{Location: time.UTC}
			if tree := string(tp.Append(nil, d, &f)); !strings.Contains(tree, "\nPrecision Time Protocol (IEEE1588)\n") {
				t.Errorf("-V:\n%s", tree)
			}
			buf := make([]byte, 0, 1<<16)
			if n := testing.AllocsPerRun(20, func() {
				d.Decode(frame, linktype.Ethernet)
				buf = lp.Append(buf[:0], d, &f)
				buf = cp.Append(buf[:0], d, &f)
			}); n != 0 {
				t.Errorf("decode, one-liner and columns allocate %v times", n)
			}
		})
	}
	if testing.Short() {
		return
	}
	compareFramesWithTcpdump(t, taken, [][]string{{}, {"-v"}, {"-q"}})
	path := writeTestPcap(t, taken)
	compareSubtreeWithTshark(t, taken, "Precision Time Protocol (IEEE1588)", nil)
	checkTreeAllocsNothing(t, taken, "Precision Time Protocol (IEEE1588)")
	if n := compareColumnsWithTshark(t, path); n != len(taken) {
		t.Errorf("%d of %d rows are tshark's", n, len(taken))
	}
	compareFieldsWithTshark(t, path, taken, []string{"ptp.v2.messagetype", "ptp.v2.flags", "ptp.v2.flags.li61",
		"ptp.v2.correction.ns", "ptp.v2.correction.subns", "ptp.v2.clockidentity", "ptp.v2.clockidentity_manuf",
		"ptp.v2.logmessageperiod", "ptp.v2.dr.requestingsourceportidentity", "ptp.v2.an.origincurrentutcoffset",
		"ptp.v2.timesource", "ptp.v2.sdr.origintimestamp.seconds", "ptp.v2.fu.preciseorigintimestamp.nanoseconds",
		"ptp.v2.mm.action", "ptp.v2.mm.managementId", "ptp.v2.mm.data", "ptp.v2.mm.stepsRemoved", "ptp.v2.mm.offset.ns",
		"ptp.v2.mm.offset.subns", "ptp.v2.mm.pathDelay.ns", "ptp.v2.mm.physicalLayerProtocol", "ptp.v2.mm.physicalAddress",
		"ptp.v2.mm.protocolAddress", "ptp.v2.mm.reserved", "ptp.v2.mm.userDescription", "ptp.v2.mm.observedParentClockPhaseChangeRate"})
}

func FuzzPTP(f *testing.F) {
	for _, v := range ptpVectors {
		f.Add(mustHex(f, v.payload), v.port == 320)
	}
	fuzzPayload(f, appUDPFrame, 319, 320)
}
