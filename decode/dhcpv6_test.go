package decode_test

import (
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// dhcpv6Vectors are DHCPv6 messages as sent (hex), with whether rawcap
// marks them cut short.
var dhcpv6Vectors = []struct {
	name, hex string
	malformed bool
}{
	{name: "solicit", hex: "01 10 20 30 " +
		"00 01 00 0a 00 03 00 01 02 00 00 00 00 01 " + // client ID, DUID-LL
		"00 06 00 06 00 17 00 18 00 1f " + // option request
		"00 08 00 02 00 64 " + // elapsed time
		"00 03 00 0c 00 00 00 01 00 00 0e 10 00 00 15 18"}, // IA_NA
	{name: "reply", hex: "07 10 20 30 " +
		"00 02 00 0e 00 01 00 01 18 46 49 99 00 11 22 33 44 55 " + // server ID, DUID-LLT
		"00 03 00 28 00 00 00 01 00 00 0e 10 00 00 15 18 " + // IA_NA with an address
		"00 05 00 18 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 10 00 00 1c 20 00 00 1d 4c " +
		"00 0d 00 0a 00 00 61 6c 6c 20 67 6f 6f 64 " + // status code
		"00 17 00 20 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 53 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 35 " +
		"00 18 00 0d 07 65 78 61 6d 70 6c 65 03 63 6f 6d 00 " + // domain list
		"00 0e 00 00"}, // rapid commit
	{name: "relay forward", hex: "0c 01 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01 fe 80 00 00 00 00 00 00 00 00 00 00 00 00 00 02 " +
		"00 12 00 04 65 74 68 30 " + // interface ID
		"00 09 00 12 0b 01 02 03 00 08 00 02 00 00 00 01 00 04 00 04 00 01"}, // relay message: an info request
	{name: "unknown option", hex: "0b 00 00 01 00 c8 00 03 01 02 03"},
	{name: "option past the end", hex: "01 00 00 01 00 01 00 0a 00 03"},
	{name: "cut option header", hex: "01 00 00 01 00 08 00 02 00 00 00 01 00"},
	{name: "short", hex: "01 00 00", malformed: true},
}

func TestDHCPv6(t *testing.T) {
	var frames [][]byte
	for k, v := range dhcpv6Vectors {
		frames = append(frames, appUDPFrame(t, uint16(40000+k), 547, mustHex(t, v.hex)))
	}
	d := decode.NewDecoder()
	buf := make([]byte, 0, 1<<16)
	for k, v := range dhcpv6Vectors {
		t.Run(v.name, func(t *testing.T) {
			frame := frames[k]
			layers := d.Decode(frame, linktype.Ethernet)
			if len(layers) != 4 || layers[3].Type != decode.LayerDHCPv6 {
				t.Fatalf("layers %v: want DHCPv6 after UDP", layers)
			}
			if _, bad := d.Malformed(); bad != v.malformed {
				t.Errorf("malformed %v, want %v", bad, v.malformed)
			}
			f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
			for _, o := range []decode.LineOptions{{}, {Verbose: 1}, {Quiet: true}} {
				lp := &decode.LinePrinter{Options: o}
				if n := testing.AllocsPerRun(20, func() {
					d.Decode(frame, linktype.Ethernet)
					buf = lp.Append(buf[:0], d, &f)
				}); n != 0 {
					t.Errorf("decode and one-liner %+v allocate %v times", o, n)
				}
			}
			tree := string((&decode.TreePrinter{Location: time.UTC}).Append(nil, d, &f))
			if !strings.Contains(tree, "\nDHCPv6\n") {
				t.Errorf("-V has no DHCPv6 subtree:\n%s", tree)
			}
		})
	}
	if testing.Short() {
		return
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}, {"-q"}})
	if _, err := exec.LookPath("tshark"); err != nil {
		t.Log("tshark not installed: vectors not compared with it")
		return
	}
	path := writeTestPcap(t, frames)
	mine, total := compareTreeWithTshark(t, path)
	t.Logf("-V: rawcap prints %d of tshark's %d lines", mine, total)
	compareFieldsWithTshark(t, path, frames, []string{"dhcpv6.msgtype", "dhcpv6.xid", "dhcpv6.option.type",
		"dhcpv6.option.length", "dhcpv6.duid.bytes", "dhcpv6.iaid", "dhcpv6.iaaddr.ip", "dhcpv6.requested_option_code",
		"dhcpv6.elapsed_time", "dhcpv6.dns_server", "dhcpv6.search_list_entry", "dhcpv6.status_code",
		"dhcpv6.status_msg", "dhcpv6.linkaddr", "dhcpv6.peeraddr", "dhcpv6.hopcount"})
}

func FuzzDHCPv6(f *testing.F) {
	for _, v := range dhcpv6Vectors {
		f.Add(mustHex(f, v.hex))
	}
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2}}
	jp := &decode.JSONPrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{}
	f.Fuzz(func(t *testing.T, msg []byte) {
		frame := appUDPFrame(t, 546, 547, msg)
		d.Decode(frame, linktype.Ethernet)
		fr := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
		_ = tp.Append(nil, d, &fr)
		_ = lp.Append(nil, d, &fr)
		_ = jp.Append(nil, d, &fr)
		_ = cp.Append(nil, d, &fr)
	})
}

func dhcpv6Frames(t *testing.T) [][]byte {
	var frames [][]byte
	for k, v := range dhcpv6Vectors {
		frames = append(frames, appUDPFrame(t, uint16(40000+k), 547, mustHex(t, v.hex)))
	}
	return frames
}

// TestDHCPv6TreeMatchesTshark holds the DHCPv6 subtree, drawn from its
// fields, to tshark's line for line.
func TestDHCPv6TreeMatchesTshark(t *testing.T) {
	allow := map[int]string{}
	for k, v := range dhcpv6Vectors {
		switch v.name {
		case "relay forward":
			allow[k] = "tshark's hop count warning, the Interface-ID and the malformed UUID DUID are not drawn"
		}
	}
	compareSubtreeWithTshark(t, dhcpv6Frames(t), "DHCPv6", allow)
}

// TestDHCPv6TreeAllocatesNothing: the generic tree draws DHCPv6 without
// allocating.
func TestDHCPv6TreeAllocatesNothing(t *testing.T) {
	checkTreeAllocsNothing(t, dhcpv6Frames(t), "DHCPv6")
}
