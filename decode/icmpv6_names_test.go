package decode_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// icmpv6Frame returns Ethernet / IPv6 / an ICMPv6 message of type typ and
// code code with a correct checksum and a zero body.
func icmpv6Frame(typ, code uint8) []byte {
	src := []byte{0xfe, 0x80, 15: 1}
	dst := []byte{0xfe, 0x80, 15: 2}
	body := make([]byte, 48)
	body[0], body[1] = typ, code
	var sum uint32
	add := func(b []byte) {
		for i := 0; i+1 < len(b); i += 2 {
			sum += uint32(b[i])<<8 | uint32(b[i+1])
		}
	}
	add(src)
	add(dst)
	sum += uint32(len(body)) + 58
	add(body)
	for sum > 0xffff {
		sum = sum>>16 + sum&0xffff
	}
	body[2], body[3] = byte(^sum>>8), byte(^sum)
	ip := append([]byte{0x60, 0, 0, 0, 0, byte(len(body)), 58, 64}, src...)
	ip = append(ip, dst...)
	eth := []byte{2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x86, 0xdd}
	return append(append(eth, ip...), body...)
}

// TestICMPv6NamesOneTable checks that -V and --columns name ICMPv6 types
// and codes from the same table, as tshark 4.0 does; with tshark
// installed, every type and a range of codes are compared with its output.
func TestICMPv6NamesOneTable(t *testing.T) {
	d := decode.NewDecoder()
	for _, tc := range []struct {
		typ, code uint8
		info      string
		tree      string
	}{
		{140, 0, "Node Information Reply (Successful)", "    Code: 0 (Successful)\n"},
		{1, 1, "Destination Unreachable (Administratively prohibited)", "    Code: 1 (Administratively prohibited)\n"},
		{139, 1, "Node Information Query (Query subject = DNS name or empty)", "    Code: 1 (Query subject = DNS name or empty)\n"},
		{3, 2, "Time Exceeded (Unknown (2))", "    Code: 2 (Unknown (2))\n"},
	} {
		frame := icmpv6Frame(tc.typ, tc.code)
		d.Decode(frame, linktype.Ethernet)
		f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
		cols := string((&decode.ColumnsPrinter{}).Append(nil, d, &f))
		if !strings.Contains(cols, tc.info) {
			t.Errorf("type %d code %d: --columns %q lacks %q", tc.typ, tc.code, cols, tc.info)
		}
		tree := string((&decode.TreePrinter{Location: time.UTC}).Append(nil, d, &f))
		if !strings.Contains(tree, tc.tree) {
			t.Errorf("type %d code %d: -V lacks %q", tc.typ, tc.code, tc.tree)
		}
	}

	if _, err := exec.LookPath("tshark"); err != nil || testing.Short() {
		t.Log("tshark not installed or -short: the types and codes not compared with it")
		return
	}
	var frames [][]byte
	for typ := 0; typ < 256; typ++ {
		for _, code := range []uint8{0, 1, 2, 3, 4, 5, 8, 255} {
			frames = append(frames, icmpv6Frame(uint8(typ), code))
		}
	}
	path := filepath.Join(t.TempDir(), "icmpv6.pcap")
	writeFrames(t, path, frames)
	for _, form := range []string{"-V", ""} {
		args := []string{"-n", "-r", path}
		if form != "" {
			args = append(args, form)
		}
		cmd := exec.Command("tshark", args...)
		cmd.Env = append(os.Environ(), "TZ=UTC")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("tshark: %v", err)
		}
		var theirs []string
		for _, line := range strings.Split(string(out), "\n") {
			switch {
			case form == "-V" && (strings.HasPrefix(line, "    Type: ") || strings.HasPrefix(line, "    Code: ")) && !strings.Contains(line, "(0x86dd)"):
				theirs = append(theirs, line)
			case form == "" && strings.Contains(line, " ICMPv6 "):
				_, info, _ := strings.Cut(line, " ICMPv6 ")
				_, info, _ = strings.Cut(info, " ")
				info, _, _ = strings.Cut(info, "[Malformed")
				info, _, _ = strings.Cut(info, " (request in")
				theirs = append(theirs, strings.TrimSpace(info))
			}
		}
		var mine []string
		tp := &decode.TreePrinter{Location: time.UTC}
		cp := &decode.ColumnsPrinter{}
		for i, fr := range frames {
			d.Decode(fr, linktype.Ethernet)
			f := decode.Frame{Number: i + 1, Time: time.Unix(int64(1000+i), 0), Length: len(fr)}
			if form == "-V" {
				for _, line := range strings.Split(string(tp.Append(nil, d, &f)), "\n") {
					if (strings.HasPrefix(line, "    Type: ") || strings.HasPrefix(line, "    Code: ")) && !strings.Contains(line, "(0x86dd)") {
						mine = append(mine, line)
					}
				}
				continue
			}
			row := string(cp.Append(nil, d, &f))
			_, info, _ := strings.Cut(row, " ICMPv6 ")
			_, info, _ = strings.Cut(info, " ")
			mine = append(mine, strings.TrimSpace(info))
		}
		if form == "-V" {
			// rawcap prints a subset of tshark's lines, in order: each
			// line it prints must be tshark's next matching one.
			k := 0
			for _, m := range mine {
				for k < len(theirs) && theirs[k] != m {
					k++
				}
				if k == len(theirs) {
					t.Errorf("-V line %q is not tshark's", m)
					break
				}
				k++
			}
			continue
		}
		bad := 0
		for i := range min(len(mine), len(theirs)) {
			// Info columns of bodies rawcap does not dissect differ after
			// the name; the name and code must not.
			if !strings.HasPrefix(theirs[i], mine[i]) && bad < 10 {
				bad++
				t.Errorf("frame %d: --columns %q, tshark %q", i+1, mine[i], theirs[i])
			}
		}
	}
}
