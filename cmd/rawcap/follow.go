package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/netip"
	"os"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/filter/display"
	"github.com/rawcap/rawcap/internal/follow"
	"github.com/rawcap/rawcap/pcapio"
)

func followCommand(e *env) *cli.Command {
	modes := strings.Join(follow.ModeNames(), "|")
	return &cli.Command{
		Name:      "follow",
		Usage:     "print what the two ends of a TCP, UDP or HTTP stream said, as tshark -q -z follow",
		ArgsUsage: "tcp|udp|http STREAM|ADDR:PORT,ADDR:PORT FILE | tcp|udp|http -Y FILTER FILE | tls STREAM FILE",
		UsageText: `rawcap follow tcp|udp|http [--format ` + modes + `] STREAM FILE
rawcap follow tcp|udp|http [--format ` + modes + `] ADDR:PORT,ADDR:PORT FILE
rawcap follow tcp|udp|http [--format ` + modes + `] -Y FILTER FILE
rawcap follow tcp|udp|http --all DIR [--format ` + modes + `] [-Y FILTER] FILE
rawcap follow tls [--format ` + modes + `] STREAM FILE

Examples:
   rawcap follow tcp 0 capture.pcap                  # tshark -q -z follow,tcp,ascii,0
   rawcap follow tcp --format hex 3 capture.pcapng   # tshark -q -z follow,tcp,hex,3
   rawcap follow udp --format raw 1 capture.pcap
   rawcap follow tcp 10.0.0.1:51514,192.0.2.7:443 capture.pcap
   rawcap follow tcp -Y 'http.host == "example.com"' capture.pcap
   rawcap follow tcp --all streams/ capture.pcap     # streams/tcp-0000-10.0.0.1.51514-192.0.2.7.443.txt ...
   rawcap follow tcp --all bin/ --format raw -Y 'tcp.port == 443' capture.pcap
   rawcap follow http 0 capture.pcap                 # tshark -q -z follow,http,ascii,0
   rawcap follow http --all http/ capture.pcap       # every stream's HTTP messages, a file each`,
		Description: `Follow reads FILE once (pcap or pcapng, possibly compressed; "-" is standard
input) and prints the data of one TCP or UDP stream as tshark 4.0 prints it with
-q -z follow,PROTO,MODE,STREAM: a banner (Follow:, Filter:, Node 0: the side that
sent the stream's first packet, Node 1: the other side), then each packet's data
in the order it completes the stream, node 1's indented by a tab, then a closing
line.

STREAM is the stream's index, as tcp.stream and udp.stream number it (rawcap
read -T fields -e tcp.stream shows them), or the stream's two ends as
ADDR:PORT,ADDR:PORT ([ADDR]:PORT for IPv6). With -Y instead, the stream is the
one of the first packet the display filter matches (FILE is then read twice:
once to find that packet, once to follow its stream).

--format is tshark's mode: ascii (each chunk's length, then its printable
bytes, others shown as '.'), hex (a hex dump, offsets counting per side), raw
(each chunk as hex digits on one line) or yaml (peers and packets, the data in
base64).

TCP is put back together as Wireshark's follow does: segments in sequence
order, retransmitted and overlapping bytes shown once, a segment that comes
before the ones it follows held until the gap fills; a gap the other side
acknowledges although the capture lacks it shows as "[N bytes missing in
capture file]". Memory is bounded: a side holds at most --max-held bytes out of
order; past that the oldest gap is marked missing (reported on standard error)
where tshark would wait.

--all DIR writes every stream to its own file in DIR, in one pass:
tcp-0007-10.0.0.1.51514-192.0.2.7.443.txt holds what follow prints for stream 7
(node 0 first in the name; an IPv6 address's colons are written as '_'). With
--format raw, each node's bytes go to a file of their own, as they are:
tcp-0007-...-0.bin and tcp-0007-...-1.bin. With -Y, only the streams with a packet
the filter matches are kept. At most --max-open files are open at once (the
least recently written is closed, and reopened to append), and at most 16384
streams are followed at once (the least recently seen is finished first).

http follows the HTTP/1 messages of a TCP stream as tshark 4.0's follow http
shows them: each message, once complete, as two chunks: its start line and
headers, then its body with the chunked coding removed and a gzip, deflate or
br content coding undone. A body ends at its Content-Length, at its last chunk,
or (a response without either) at the server's FIN; a request without either,
a response to HEAD and a 1xx, 204 or 304 response have none. Data that is not
a request or a response is shown as tshark shows it (lines that look like
headers, then the rest), or not at all when its first byte is not printable.
Node 0 is the sender of the first message. A message holds at most
--max-message bytes of body (and 1 MiB of headers); a larger body is shown in
pieces as it arrives, without its content coding undone (reported on standard error).
A stream is HTTP when its packets go to HTTP: TCP ports 80, 8080, 3128
and 8088.

tls STREAM prints what tshark 4.0 prints for -z follow,tls,MODE,STREAM without
the session keys: the banner with empty nodes and no data, since only
decrypted application data is shown. rawcap does not decrypt: a pcapng file
that carries decryption secrets (which tshark would use) is an error. follow
tcp STREAM shows the TLS records as they were sent.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "ascii", Usage: "how to show the data: `MODE` " + modes + " (tshark's follow modes)"},
			&cli.StringFlag{Name: "Y", Aliases: []string{"display-filter"}, Usage: "follow the stream of the first packet that matches the display filter `EXPR`"},
			&cli.IntFlag{Name: "max-held", Value: follow.DefaultMaxHeld, Usage: "bound the bytes a TCP side holds out of order to `N`"},
			&cli.StringFlag{Name: "all", Usage: "write every stream (or those -Y picks) to its own file in directory `DIR`, in one pass"},
			&cli.IntFlag{Name: "max-message", Value: follow.DefaultMaxMessage, Usage: "http: hold at most `N` bytes of one message's body (a larger body is shown in pieces)"},
			&cli.IntFlag{Name: "max-open", Value: follow.DefaultMaxOpen, Usage: "--all: keep at most `N` files open at once"},
		},
		Action: func(c *cli.Context) error { return runFollow(c, e) },
	}
}

// followArgs is a parsed follow command line.
type followArgs struct {
	tcp    bool
	proto  string // "tcp", "udp"
	stream int64  // the stream index, -1 for an address pair or -Y
	ends   [2]follow.Node
	file   string
}

func parseFollowArgs(args []string, haveFilter, all bool) (followArgs, error) {
	a := followArgs{stream: -1}
	if len(args) == 0 {
		return a, usagef("follow: which protocol? tcp or udp (see rawcap follow --help)")
	}
	a.proto = args[0]
	switch a.proto {
	case "tcp", "tls", "http":
		a.tcp = true
	case "udp":
	default:
		return a, usagef("follow: %q is not a protocol rawcap follows: tcp, udp, tls or http", a.proto)
	}
	rest := args[1:]
	switch {
	case all && len(rest) == 1:
		a.file = rest[0]
		return a, nil
	case all && len(rest) > 1:
		return a, usagef("follow %s --all: every stream goes to DIR: give FILE alone (and -Y FILTER to pick streams)", a.proto)
	case haveFilter && len(rest) == 1:
		a.file = rest[0]
		return a, nil
	case haveFilter && len(rest) > 1:
		return a, usagef("follow %s: -Y picks the stream: give FILE alone, not a stream too", a.proto)
	case len(rest) == 0:
		return a, usagef("follow %s: which stream? give its index (tcp.stream) or ADDR:PORT,ADDR:PORT, then FILE", a.proto)
	case len(rest) == 1:
		return a, usagef("follow %s: give the stream and FILE (or -Y FILTER to pick the stream)", a.proto)
	case len(rest) > 2:
		return a, usagef("follow %s: too many arguments: %q", a.proto, strings.Join(rest[2:], " "))
	}
	a.file = rest[1]
	sel := rest[0]
	if n, err := strconv.ParseInt(sel, 10, 32); err == nil {
		if n < 0 {
			return a, usagef("follow %s: stream %d: stream indexes start at 0", a.proto, n)
		}
		a.stream = n
		return a, nil
	}
	if a.proto == "tls" {
		return a, usagef("follow tls: %q: give the TCP stream's index (tcp.stream)", sel)
	}
	one, two, ok := strings.Cut(sel, ",")
	if !ok {
		return a, usagef("follow %s: %q is neither a stream index nor ADDR:PORT,ADDR:PORT", a.proto, sel)
	}
	for k, s := range []string{one, two} {
		ap, err := netip.ParseAddrPort(s)
		if err != nil || ap.Port() == 0 {
			return a, usagef("follow %s: %q: want ADDR:PORT ([ADDR]:PORT for IPv6) with a port from 1 to 65535", a.proto, s)
		}
		a.ends[k] = follow.Node{Addr: ap.Addr().WithZone(""), Port: ap.Port()}
	}
	if a.ends[0].Addr.Is4() != a.ends[1].Addr.Is4() {
		return a, usagef("follow %s: %q: the two ends must be both IPv4 or both IPv6", a.proto, sel)
	}
	return a, nil
}

// filterText is tshark's Filter: line for the stream.
func (a *followArgs) filterText() string {
	if a.stream >= 0 {
		proto := a.proto
		if a.tcp {
			proto = "tcp" // tls follows a TCP stream
		}
		return proto + ".stream eq " + strconv.FormatInt(a.stream, 10)
	}
	ip := "ip"
	if !a.ends[0].Addr.Is4() {
		ip = "ipv6"
	}
	x, y := a.ends[0], a.ends[1]
	proto := a.proto
	if a.tcp {
		proto = "tcp" // http follows a TCP stream
	}
	side := func(from, to follow.Node) string {
		return fmt.Sprintf("((%s.src eq %s and %s.srcport eq %d) and (%s.dst eq %s and %s.dstport eq %d))",
			ip, from.Addr, proto, from.Port, ip, to.Addr, proto, to.Port)
	}
	return side(x, y) + " or " + side(y, x)
}

// picks reports whether header s puts its packet in the followed stream
// (as tshark's filter tcp.stream eq N does, a header quoted in an ICMP
// error counts).
func (a *followArgs) picks(s *decode.Stream) bool {
	if s.TCP != a.tcp {
		return false
	}
	if a.stream >= 0 {
		return int64(s.Index) == a.stream
	}
	x, y := a.ends[0], a.ends[1]
	return s.Src == x.Addr && s.SrcPort == x.Port && s.Dst == y.Addr && s.DstPort == y.Port ||
		s.Src == y.Addr && s.SrcPort == y.Port && s.Dst == x.Addr && s.DstPort == x.Port
}

// openCapture opens name ("-": standard input) for reading.
func openCapture(e *env, name string) (*pcapio.Reader, error) {
	if name == "-" {
		r, err := pcapio.NewReader(e.stdin)
		if err != nil {
			return nil, exitError{1, fmt.Errorf("%s: %w", name, err)}
		}
		return r, nil
	}
	if err := notDirectory(name); err != nil {
		return nil, exitError{1, err}
	}
	r, err := pcapio.OpenReadAhead(name)
	if err != nil {
		return nil, exitError{1, fmt.Errorf("%s: %w", name, err)}
	}
	return r, nil
}

// streamWalker reads a capture and hands every TCP and UDP header of every
// packet to a function, with the connection tracker's numbers.
type streamWalker struct {
	r       *pcapio.Reader
	d       *decode.Decoder
	frame   decode.Frame
	streams []decode.Stream
	n       int
	filter  *display.Filter // when set, match reports the filter's verdict
}

// endpoints gives every header of the packet the endpoints Wireshark's
// follow taps see: those of the packet's last IP header and last TCP or
// UDP header outside ICMP errors (the taps run once the whole packet is
// dissected, so a tunnelled packet shows its innermost ends for its outer
// stream too).
func (w *streamWalker) endpoints() {
	last := -1
	for k := range w.streams {
		if !w.streams[k].Quoted {
			last = k
		}
	}
	if last < 0 {
		return
	}
	src, dst, sp, dp := w.streams[last].Src, w.streams[last].Dst, w.streams[last].SrcPort, w.streams[last].DstPort
	if innerSrc, innerDst, ok := lastIP(w.d); ok {
		src, dst = innerSrc, innerDst
	}
	for k := range w.streams {
		s := &w.streams[k]
		s.Src, s.Dst, s.SrcPort, s.DstPort = src, dst, sp, dp
	}
}

// lastIP returns the addresses of the packet's last IPv4 or IPv6 header
// outside ICMP errors.
func lastIP(d *decode.Decoder) (src, dst netip.Addr, ok bool) {
	ls := d.Layers()
	for i := len(ls) - 1; i >= 0; i-- {
		l := &ls[i]
		if l.Quoted {
			continue
		}
		switch l.Type {
		case decode.LayerIPv4:
			ip := decode.IPv4(d.Data()[l.Start:l.Payload])
			return ip.Src(), ip.Dst(), true
		case decode.LayerIPv6:
			ip := decode.IPv6(d.Data()[l.Start:l.Payload])
			return ip.Src(), ip.Dst(), true
		}
	}
	return netip.Addr{}, netip.Addr{}, false
}

// tapped reports whether tshark's follow tap sees header s: a TCP segment
// of known length, a UDP datagram with data, neither inside an ICMP error.
func tapped(s *decode.Stream) bool {
	if s.Quoted {
		return false
	}
	if s.TCP {
		return s.HaveLen
	}
	return s.Len > 0
}

// walk calls fn for each packet, in order, until fn returns false or an
// error; it returns fn's error or the reader's (nil at the end).
func (w *streamWalker) walk(ctx context.Context, fn func(match bool) (bool, error)) error {
	for {
		if w.n&1023 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		p, err := w.r.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		w.n++
		describeFrame(&w.frame, w.r, p, w.n, w.filter != nil, w.filter != nil)
		w.d.Decode(p.Data, p.LinkType)
		match := false
		if w.filter != nil {
			match = w.filter.Match(w.d, &w.frame)
		}
		w.streams = w.d.AppendStreams(w.streams[:0], &w.frame)
		w.endpoints()
		more, err := fn(match)
		if err != nil || !more {
			return err
		}
	}
}

func runFollow(c *cli.Context, e *env) error {
	df, err := compileDisplay(c.String("Y"))
	if err != nil {
		return err
	}
	allDir := c.String("all")
	a, err := parseFollowArgs(c.Args().Slice(), df != nil, allDir != "")
	if err != nil {
		return err
	}
	mode, ok := follow.ParseMode(c.String("format"))
	if !ok {
		return usagef("follow: --format %q: want one of %s", c.String("format"), strings.Join(follow.ModeNames(), ", "))
	}
	maxHeld := c.Int("max-held")
	if maxHeld < 1 {
		return usagef("follow: --max-held %d: want at least 1", maxHeld)
	}
	if a.proto == "tls" && (allDir != "" || df != nil) {
		return usagef("follow tls takes a stream index: without the session keys there is no data to write or pick")
	}
	if allDir != "" {
		if c.Int("max-open") < 1 {
			return usagef("follow: --max-open %d: want at least 1", c.Int("max-open"))
		}
		return followAll(c, e, &a, df, mode, allDir)
	}
	if c.IsSet("max-open") {
		return usagef("follow: --max-open bounds the files --all keeps open")
	}
	if df != nil {
		if a.file == "-" {
			return usagef("follow -Y reads FILE twice (to find the stream, then to follow it): it cannot read standard input")
		}
		n, err := firstMatchingStream(c.Context, e, &a, df)
		if err != nil {
			return err
		}
		a.stream = n
	}

	r, err := openCapture(e, a.file)
	if err != nil {
		return err
	}
	defer r.Close()
	w := &streamWalker{r: r, d: decode.NewDecoder()}
	bw := bufio.NewWriterSize(e.stdout, 64<<10)
	p := &follow.Printer{W: bw, Mode: mode, Proto: a.proto, Filter: a.filterText()}
	var tcp follow.TCP
	tcp.MaxHeld = maxHeld
	var udp follow.UDP
	var hf *follow.HTTP
	if a.proto == "http" {
		hf = &follow.HTTP{MaxMessage: c.Int("max-message")}
		hf.TCP.MaxHeld = maxHeld
	}
	headed := false
	httpEmit := func(c follow.Chunk, m *follow.HTTPMessage) error {
		if m.Piece && len(c.Data) == 0 {
			return nil // the end of a body shown in pieces
		}
		if !headed {
			headed = true
			if err := p.Header(hf.Nodes()); err != nil {
				return err
			}
		}
		return p.Chunk(c)
	}
	var outErr error
	readErr := w.walk(c.Context, func(bool) (bool, error) {
		if a.proto == "tls" {
			return true, nil // no keys: tshark shows no data and no nodes
		}
		if hf != nil {
			outErr = followHTTPPacket(w, &a, hf, httpEmit)
		} else {
			outErr = followPacket(w, &a, p, &tcp, &udp, &headed)
		}
		return outErr == nil, outErr
	})
	if a.proto == "tls" && len(r.Secrets()) > 0 {
		return exitError{1, fmt.Errorf("follow tls: %s holds TLS decryption secrets: tshark decrypts the sessions with them and shows the application data; rawcap does not decrypt (rawcap follow tcp %d shows the records as sent)", a.file, a.stream)}
	}
	if outErr != nil {
		return outErr
	}
	if readErr != nil && c.Context.Err() != nil {
		readErr = nil // interrupted: print what was followed, as tshark does
	}
	if !headed && readErr == nil {
		tcpN, udpN := w.d.StreamsOpened()
		count := tcpN
		if !a.tcp {
			count = udpN
		}
		if a.stream < 0 {
			return exitError{1, fmt.Errorf("follow %s: %s has no %s packets between %s and %s",
				a.proto, a.file, strings.ToUpper(a.proto), follow.AppendNode(nil, a.ends[0]), follow.AppendNode(nil, a.ends[1]))}
		}
		if a.stream >= int64(count) {
			kind := "UDP"
			if a.tcp {
				kind = "TCP"
			}
			return exitError{1, fmt.Errorf("follow %s: %s has no %s stream %d: %s", a.proto, a.file, kind, a.stream, streamCount(count))}
		}
		// The stream exists but tshark's follow sees none of its packets
		// (for tls: no decrypted data; for tcp and udp: every packet is
		// inside an ICMP error): tshark prints empty nodes.
		if err := p.Header([2]follow.Node{}); err != nil {
			return err
		}
		headed = true
	}
	if headed {
		if err := p.Footer(); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if hf != nil {
		tcp.GaveUp = hf.TCP.GaveUp
		reportHTTPBounds(e, hf.Split, hf.Dropped, c.Int("max-message"))
	}
	if tcp.GaveUp > 0 {
		fmt.Fprintf(e.stderr, "rawcap: follow tcp: %d gaps marked missing because a side held more than %d bytes out of order (--max-held); tshark would have waited for them\n", tcp.GaveUp, maxHeld)
	}
	if readErr != nil {
		return exitError{1, fmt.Errorf("%s: %w", a.file, readErr)}
	}
	return nil
}

// followPacket feeds the followed stream's headers of the packet w holds
// to the reassembler, printing the banner before the first.
func followPacket(w *streamWalker, a *followArgs, p *follow.Printer, tcp *follow.TCP, udp *follow.UDP, headed *bool) error {
	in := false
	for k := range w.streams {
		if a.picks(&w.streams[k]) {
			in = true
			break
		}
	}
	if !in {
		return nil
	}
	// Every header of the protocol in the packet goes to the stream, as
	// tshark's tap sees them all once its filter takes the packet.
	for k := range w.streams {
		s := &w.streams[k]
		if s.TCP != a.tcp || !tapped(s) {
			continue
		}
		if !*headed {
			*headed = true
			if err := p.Header([2]follow.Node{{Addr: s.Src, Port: s.SrcPort}, {Addr: s.Dst, Port: s.DstPort}}); err != nil {
				return err
			}
		}
		var err error
		if a.tcp {
			err = tcp.Segment(s, w.n, w.frame.Time, p.Chunk)
		} else {
			err = udp.Datagram(s, w.n, w.frame.Time, p.Chunk)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// isHTTP reports whether the decoder handed header s's payload to HTTP.
func isHTTP(d *decode.Decoder, s *decode.Stream) bool {
	ls := d.Layers()
	return s.Layer+1 < len(ls) && ls[s.Layer+1].Type == decode.LayerHTTP
}

// followHTTPPacket feeds the followed stream's TCP headers of the packet w
// holds to the HTTP follower, which hands the messages to emit.
func followHTTPPacket(w *streamWalker, a *followArgs, hf *follow.HTTP, emit follow.HTTPEmit) error {
	in := false
	for k := range w.streams {
		if a.picks(&w.streams[k]) {
			in = true
			break
		}
	}
	if !in {
		return nil
	}
	for k := range w.streams {
		s := &w.streams[k]
		if !s.TCP || !tapped(s) {
			continue
		}
		if err := hf.Segment(s, isHTTP(w.d, s), w.n, w.frame.Time, emit); err != nil {
			return err
		}
	}
	return nil
}

// reportHTTPBounds says on standard error where follow http parted from
// tshark at the message bound.
func reportHTTPBounds(e *env, split, dropped, max int) {
	if split > 0 {
		fmt.Fprintf(e.stderr, "rawcap: follow http: %d bodies passed %d bytes (--max-message): shown in pieces as they came, content coding not undone; tshark holds them whole\n", split, max)
	}
	if dropped > 0 {
		fmt.Fprintf(e.stderr, "rawcap: follow http: %d header sections passed 1 MiB and were skipped\n", dropped)
	}
}

// streamCount says how many streams a file has, for an error message.
func streamCount(n uint32) string {
	switch n {
	case 0:
		return "it has none"
	case 1:
		return "it has one, stream 0"
	}
	return fmt.Sprintf("it has %d, numbered 0 to %d", n, n-1)
}

// firstMatchingStream reads a.file until a packet matches df and returns
// the index of that packet's a.proto stream.
func firstMatchingStream(ctx context.Context, e *env, a *followArgs, df *display.Filter) (int64, error) {
	r, err := openCapture(e, a.file)
	if err != nil {
		return 0, err
	}
	defer r.Close()
	w := &streamWalker{r: r, d: decode.NewDecoder(), filter: df}
	found := int64(-1)
	readErr := w.walk(ctx, func(match bool) (bool, error) {
		if !match {
			return true, nil
		}
		for k := range w.streams {
			s := &w.streams[k]
			if s.TCP == a.tcp && !s.Quoted {
				found = int64(s.Index)
				return false, nil
			}
		}
		return true, nil
	})
	if found >= 0 {
		return found, nil
	}
	if readErr != nil {
		return 0, exitError{1, fmt.Errorf("%s: %w", a.file, readErr)}
	}
	return 0, exitError{1, fmt.Errorf("follow %s: no %s packet of %s matches the display filter", a.proto, strings.ToUpper(a.proto), a.file)}
}

// seenBefore reports whether a header of s's protocol and stream is among
// those before it in the packet.
func seenBefore(before []decode.Stream, s *decode.Stream) bool {
	for k := range before {
		if before[k].TCP == s.TCP && before[k].Index == s.Index {
			return true
		}
	}
	return false
}

// followAll writes every stream (or those df picks) to its own file in dir.
func followAll(c *cli.Context, e *env, a *followArgs, df *display.Filter, mode follow.Mode, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return exitError{1, fmt.Errorf("follow --all: %w", err)}
	}
	r, err := openCapture(e, a.file)
	if err != nil {
		return err
	}
	defer r.Close()
	out := &follow.Dir{Path: dir, Proto: a.proto, Mode: mode, Bin: mode == follow.Raw, Select: df != nil,
		MaxOpen: c.Int("max-open"), MaxHeld: c.Int("max-held"), MaxMessage: c.Int("max-message")}
	w := &streamWalker{r: r, d: decode.NewDecoder(), filter: df}
	var writeErr error
	readErr := w.walk(c.Context, func(match bool) (bool, error) {
		// Each stream the packet belongs to gets every header of the
		// protocol the packet has, as one tshark run per stream would.
		for k := range w.streams {
			s := &w.streams[k]
			if s.TCP != a.tcp || seenBefore(w.streams[:k], s) {
				continue
			}
			for j := range w.streams {
				h := &w.streams[j]
				if h.TCP != a.tcp || !tapped(h) {
					continue
				}
				if a.proto == "http" {
					writeErr = out.AddHTTP(s.Index, h, isHTTP(w.d, h), w.n, w.frame.Time, match)
				} else {
					writeErr = out.Add(s.Index, h, w.n, w.frame.Time, match)
				}
				if writeErr != nil {
					return false, writeErr
				}
			}
		}
		return true, nil
	})
	if writeErr != nil {
		return exitError{1, fmt.Errorf("follow --all %s: %w", dir, writeErr)}
	}
	if readErr != nil && c.Context.Err() != nil {
		readErr = nil
	}
	kept, err := out.Close()
	if err != nil {
		return exitError{1, fmt.Errorf("follow --all: %w", err)}
	}
	fmt.Fprintf(e.stderr, "rawcap: follow %s: %d streams written to %s\n", a.proto, kept, dir)
	reportHTTPBounds(e, out.Split, out.Dropped, c.Int("max-message"))
	if out.GaveUp > 0 {
		fmt.Fprintf(e.stderr, "rawcap: follow tcp: %d gaps marked missing because a side held more than %d bytes out of order (--max-held); tshark would have waited for them\n", out.GaveUp, c.Int("max-held"))
	}
	if out.Restarted > 0 {
		fmt.Fprintf(e.stderr, "rawcap: follow %s: %d streams spoke again after being finished at the bound of %d streams followed at once; their files go on with a new banner\n", a.proto, out.Restarted, follow.DefaultMaxStreams)
	}
	if readErr != nil {
		return exitError{1, fmt.Errorf("%s: %w", a.file, readErr)}
	}
	return nil
}
