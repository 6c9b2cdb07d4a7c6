package decode_test

import (
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// respVectors are TCP payloads to or from port 6379, as the corpus's
// tests_resp_* captures send them, with what tcpdump prints after the
// length (line) and tshark's Info column (info); resp false: rawcap leaves
// the bytes as data (a value cut short, a malformed length, a nested
// array).
var respVectors = []struct {
	name     string
	payload  string
	request  bool
	resp     bool
	line     string
	info     string
	fragment int
}{
	{name: "command", payload: "*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$3\r\nxxx\r\n", request: true, resp: true,
		line: `: RESP "SET" "key" "xxx"`, info: "Request: SET key xxx"},
	{name: "simple string", payload: "+OK\r\n", resp: true, line: `: RESP "OK"`, info: "Response: OK"},
	{name: "empty string", payload: "+\r\n", request: true, resp: true, line: `: RESP ""`, info: "Request:"},
	{name: "error", payload: "-ERR unknown command 'x'\r\n", resp: true,
		line: `: RESP "ERR unknown command 'x'"`, info: "Response: Error: ERR unknown command 'x'"},
	{name: "integers", payload: ":69\r\n:-70\r\n", resp: true, line: `: RESP "69" "-70"`, info: "Response: 69 -70"},
	{name: "empty integer", payload: ":\r\n", request: true, resp: true, line: `: RESP ""`, info: "Request:"},
	{name: "integer past int64", payload: ":92233720368547758070\r\n", request: true, resp: true,
		line: `: RESP "92233720368547758070"`, info: "Request:"},
	{name: "bulk string", payload: "$3\r\nxxx\r\n", resp: true, line: `: RESP "xxx"`, info: "Response: xxx"},
	{name: "empty bulk string", payload: "$0\r\n\r\n", request: true, resp: true, line: ": RESP empty", info: "Request: BulkString(0)"},
	{name: "null bulk string", payload: "$-1\r\n", request: true, resp: true, line: ": RESP null", info: "Request:"},
	{name: "null array", payload: "*-1\r\n", request: true, resp: true, line: ": RESP null", info: "Request:"},
	{name: "array reply", payload: "*2\r\n$1\r\na\r\n$1\r\nb\r\n", resp: true, line: `: RESP "a" "b"`, info: "Response: Array(2)"},
	{name: "inline commands", payload: "PING\r\nget x\r\n", request: true, resp: true,
		line: `: RESP "PING" "get x"`, info: "Request: [fragment] [fragment]", fragment: 2},
	{name: "inline commands with bare line feeds", payload: "\r\nPING\nPING\n\n", request: true, resp: true,
		line: `: RESP "PING" "PING"`, info: "Request: [fragment] [fragment]", fragment: 2},
	{name: "bulk string cut short", payload: "$5\r\nxx\r\n", request: true},
	{name: "negative array length", payload: "*-20\r\n", request: true, resp: true,
		line: ": RESP length negative and not -1", info: "Request:"},
	{name: "negative bulk length", payload: "$-20\r\nhi\r\n", request: true, resp: true,
		line: `: RESP length negative and not -1 "hi"`, info: "Request: [fragment]", fragment: 1},
	{name: "no line end", payload: "+hello", request: true},
	{name: "nested array", payload: "*1\r\n*1\r\n:1\r\n", resp: false},
}

func TestRESP(t *testing.T) {
	var frames [][]byte
	for k, v := range respVectors {
		// One connection each, as in TestTelnet.
		if v.request {
			frames = append(frames, appTCPFrame(t, uint16(40000+k), 6379, []byte(v.payload)))
		} else {
			frames = append(frames, appTCPFrame(t, 6379, uint16(40000+k), []byte(v.payload)))
		}
	}
	d := decode.NewDecoder()
	for k, v := range respVectors {
		t.Run(v.name, func(t *testing.T) {
			frame := frames[k]
			layers := d.Decode(frame, linktype.Ethernet)
			if got := len(layers) == 4 && layers[3].Type == decode.LayerRESP; got != v.resp {
				t.Fatalf("layers %v: RESP %v, want %v", layers, got, v.resp)
			}
			if !v.resp {
				return
			}
			f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
			lp := &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone}}
			got := strings.TrimSuffix(string(lp.Append(nil, d, &f)), "\n")
			if !strings.HasSuffix(got, v.line) {
				t.Errorf("line %q, want it to end in %q", got, v.line)
			}
			cp := &decode.ColumnsPrinter{Precision: []int{6}}
			row := strings.TrimSuffix(string(cp.Append(nil, d, &f)), "\n")
			if !strings.HasSuffix(row, " RESP "+strconv.Itoa(len(frame))+" "+v.info) {
				t.Errorf("row %q, want RESP and Info %q", row, v.info)
			}
			tree := string((&decode.TreePrinter{Location: time.UTC}).Append(nil, d, &f))
			if !strings.Contains(tree, "\nREdis Serialization Protocol\n") || strings.Count(tree, "\n    Fragment") != v.fragment {
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
	// tcpdump prints RESP in the segments rawcap leaves as data too.
	var taken [][]byte
	for k, v := range respVectors {
		if v.resp {
			taken = append(taken, frames[k])
		}
	}
	compareFramesWithTcpdump(t, taken, [][]string{{}, {"-v"}, {"-q"}})
	if _, err := exec.LookPath("tshark"); err != nil {
		t.Log("tshark not installed: vectors not compared with it")
		return
	}
	path := writeTestPcap(t, taken)
	compareSubtreeWithTshark(t, taken, "REdis Serialization Protocol", nil)
	checkTreeAllocsNothing(t, taken, "REdis Serialization Protocol")
	if n := compareColumnsWithTshark(t, path); n != len(taken) {
		t.Errorf("%d of %d rows are tshark's", n, len(taken))
	}
	compareFieldsWithTshark(t, path, taken, []string{"resp.string", "resp.error", "resp.bulk_string",
		"resp.bulk_string.length", "resp.bulk_string.value", "resp.integer", "resp.array", "resp.array.length", "resp.fragment", "resp.malformed_length"})
}

func FuzzRESP(f *testing.F) {
	for _, v := range respVectors {
		f.Add([]byte(v.payload), v.request)
	}
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2}}
	jp := &decode.JSONPrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{Precision: []int{6}}
	f.Fuzz(func(t *testing.T, payload []byte, request bool) {
		frame := appTCPFrame(t, 6379, 40000, payload)
		if request {
			frame = appTCPFrame(t, 40000, 6379, payload)
		}
		d.Decode(frame, linktype.Ethernet)
		fr := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
		_ = tp.Append(nil, d, &fr)
		_ = lp.Append(nil, d, &fr)
		_ = jp.Append(nil, d, &fr)
		_ = cp.Append(nil, d, &fr)
	})
}
