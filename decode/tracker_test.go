package decode

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/internal/synth"
	"github.com/rawcap/rawcap/linktype"
)

// trackedNumbers is what an output shows of one packet: "tcp STREAM SEQ
// ACK" or "udp STREAM" ("-" where the output does not show it).
type trackedNumbers []string

// after returns the digits that follow the first marker in s, after the
// text from, or "".
func after(s, from, marker string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	s = s[i:]
	j := strings.Index(s, marker)
	if j < 0 {
		return ""
	}
	s = s[j+len(marker):]
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return s[:n]
}

// trackerRows reads the numbers of every packet back from each output.
var trackerRows = map[string]func(out string) trackedNumbers{
	"--columns": func(out string) (n trackedNumbers) {
		for _, row := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			seq, ack := after(row, " [", " Seq="), after(row, " [", " Ack=")
			switch {
			case seq == "":
				n = append(n, "udp -")
			case ack == "":
				n = append(n, "tcp - "+seq+" 0")
			default:
				n = append(n, "tcp - "+seq+" "+ack)
			}
		}
		return n
	},
	"-V": func(out string) (n trackedNumbers) {
		for _, fr := range strings.Split("\n"+out, "\nFrame ")[1:] {
			const tcp, udp = "\nTransmission Control Protocol", "\nUser Datagram Protocol"
			if st := after(fr, tcp, "\n    [Stream index: "); st != "" {
				n = append(n, "tcp "+st+" "+after(fr, tcp, "\n    Sequence Number: ")+" "+after(fr, tcp, "\n    Acknowledgment Number: "))
			} else if st := after(fr, udp, "\n    [Stream index: "); st != "" {
				n = append(n, "udp "+st)
			} else {
				n = append(n, "?")
			}
		}
		return n
	},
	"--json": func(out string) (n trackedNumbers) {
		for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			if st := after(line, `"tcp":{`, `"stream":`); st != "" {
				n = append(n, "tcp "+st+" "+after(line, `"tcp":{`, `"seq":`)+" "+after(line, `"tcp":{`, `"ack":`))
			} else if st := after(line, `"udp":{`, `"stream":`); st != "" {
				n = append(n, "udp "+st)
			} else {
				n = append(n, "?")
			}
		}
		return n
	},
	"-T fields": func(out string) (n trackedNumbers) {
		for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			f := strings.Split(line, "\t")
			if f[0] != "" {
				n = append(n, "tcp "+f[0]+" "+f[1]+" "+f[2])
			} else {
				n = append(n, "udp "+f[3])
			}
		}
		return n
	},
}

// TestTrackerOutputsAgreePastBound prints a capture with more TCP and UDP
// conversations than the tracker remembers (synth.Conversations: a
// handshake or a datagram for each, then, in the reverse order, a segment
// 100 bytes past the first and its ACK, or a reply) with --columns, -V,
// --json and
// -T fields, each with a Decoder of its own as separate runs would, and
// holds them to the same stream indexes and relative sequence and
// acknowledgment numbers on every packet: within the bound they are
// tshark's (stream c for conversation c, a handshake numbered 0 and 1),
// and past it a forgotten conversation opens a new stream whose numbers
// start again as for a connection seen mid-stream.
func TestTrackerOutputsAgreePastBound(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: prints 60,000 packets four ways")
	}
	nTCP, nUDP := maxConvs+1000, maxConvs+500
	start := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	frames := synth.Conversations(nTCP, nUDP, start)
	fp, err := NewFieldsPrinter([]string{"tcp.stream", "tcp.seq", "tcp.ack", "udp.stream"})
	if err != nil {
		t.Fatal(err)
	}
	printers := map[string]interface {
		Append([]byte, *Decoder, *Frame) []byte
	}{
		"--columns": &ColumnsPrinter{},
		"-V":        &TreePrinter{Location: time.UTC},
		"--json":    &JSONPrinter{Location: time.UTC},
		"-T fields": fp,
	}
	got := map[string]trackedNumbers{}
	for name, p := range printers {
		d := NewDecoder()
		var out []byte
		for i, pk := range frames {
			d.Decode(pk.Data, linktype.Ethernet)
			f := Frame{Number: i + 1, Time: pk.Time, Length: len(pk.Data)}
			out = p.Append(out[:0], d, &f)
			row := trackerRows[name](string(out))
			if len(row) != 1 {
				t.Fatalf("%s: frame %d read back as %q", name, i+1, row)
			}
			got[name] = append(got[name], row[0])
		}
	}
	// The four outputs agree, each showing what it shows.
	tree := got["-V"]
	for name, rows := range got {
		for i := range rows {
			want := tree[i]
			if name == "--columns" && strings.HasPrefix(want, "tcp ") {
				f := strings.Fields(want)
				want = "tcp - " + f[2] + " " + f[3] // no stream index in the packet list
			} else if name == "--columns" {
				want = "udp -"
			}
			if rows[i] != want {
				t.Fatalf("frame %d: %s shows %q, -V %q", i+1, name, rows[i], tree[i])
			}
		}
	}
	// Within the bound: tshark's numbers.
	k := 0
	for c := range max(nTCP, nUDP) {
		if c < nTCP {
			for _, want := range []string{
				fmt.Sprintf("tcp %d 0 0", c), fmt.Sprintf("tcp %d 0 1", c), fmt.Sprintf("tcp %d 1 1", c),
			} {
				if tree[k] != want {
					t.Fatalf("frame %d (handshake of conversation %d): %q, want %q", k+1, c, tree[k], want)
				}
				k++
			}
		}
		if c < nUDP {
			if want := fmt.Sprintf("udp %d", c); tree[k] != want {
				t.Fatalf("frame %d (datagram of conversation %d): %q, want %q", k+1, c, tree[k], want)
			}
			k++
		}
	}
	// Past it: a conversation still remembered goes on (its data shows
	// 100 bytes past the first), a forgotten one starts again. The last
	// maxConvs conversations opened are the ones remembered.
	kept, reopened, udpKept, udpReopened := 0, 0, 0, 0
	for c := max(nTCP, nUDP) - 1; c >= 0; c-- {
		if c < nTCP {
			data, ack := tree[k], tree[k+1]
			k += 2
			var stream, seq, ackn int
			fmt.Sscanf(data, "tcp %d %d %d", &stream, &seq, &ackn)
			switch {
			case c >= nTCP-maxConvs && stream == c && seq == 101 && ackn == 1 && ack == fmt.Sprintf("tcp %d 1 201", c):
				kept++
			case c < nTCP-maxConvs && stream >= nTCP && seq == 1 && ackn == 1 && ack == fmt.Sprintf("tcp %d 1 101", stream):
				reopened++
			default:
				t.Fatalf("conversation %d: data %q, ack %q: not what the bound says", c, data, ack)
			}
		}
		if c < nUDP {
			var stream int
			fmt.Sscanf(tree[k], "udp %d", &stream)
			k++
			switch {
			case c >= nUDP-maxConvs && stream == c:
				udpKept++
			case c < nUDP-maxConvs && stream >= nUDP:
				udpReopened++
			default:
				t.Fatalf("UDP conversation %d: stream %d", c, stream)
			}
		}
	}
	t.Logf("%d packets, %d TCP and %d UDP conversations (the tracker keeps %d of each): --columns, -V, --json and -T fields agree on every packet; "+
		"%d TCP conversations continued and %d started again, %d UDP continued and %d started again",
		len(frames), nTCP, nUDP, maxConvs, kept, reopened, udpKept, udpReopened)
}
