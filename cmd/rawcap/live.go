package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/rawcap/rawcap/capture"
	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/filter/display"
	"github.com/rawcap/rawcap/internal/export"
	"github.com/rawcap/rawcap/internal/rotate"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// liveFlags are the default action's own flags, named as tcpdump names them;
// the printing flags are read's.
func liveFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "i", Aliases: []string{"interface"}, Usage: "capture on `IFACE` (a name, \"any\", or a number from -D); repeat -i for several interfaces into one file"},
		&cli.StringFlag{Name: "w", Usage: "write packets to `FILE` (- for standard output) instead of printing them"},
		&cli.StringSliceFlag{Name: "r", Usage: "read packets from `FILE` instead of capturing (as rawcap read)"},
		&cli.BoolFlag{Name: "D", Aliases: []string{"list-interfaces"}, Usage: "list the interfaces and exit"},
		&cli.IntFlag{Name: "s", Aliases: []string{"snapshot-length"}, Usage: "keep at most `N` bytes of each packet (0: 262144)"},
		&cli.BoolFlag{Name: "p", Aliases: []string{"no-promiscuous-mode"}, Usage: "do not put the interface in promiscuous mode"},
		&cli.IntFlag{Name: "B", Aliases: []string{"buffer-size"}, Usage: "ring size per socket in `KiB`, as tcpdump's -B (default 32768)"},
		&cli.StringFlag{Name: "Q", Aliases: []string{"direction"}, Usage: "capture packets of direction `in|out|inout`"},
		&cli.IntFlag{Name: "C", Usage: "start a new file when the current one passes `MB` million bytes"},
		&cli.IntFlag{Name: "G", Usage: "start a new file every `SECONDS` (-w is a strftime template)"},
		&cli.IntFlag{Name: "W", Usage: "with -C, keep a ring of `N` files; with -G alone, stop after N files"},
		&cli.BoolFlag{Name: "align", Usage: "with -G, start files on the clock's boundaries (each minute at :00 for -G 60), each packet in the file of its own timestamp, names from each file's first packet, each file closed at its interval's end even on a quiet link"},
		&cli.IntFlag{Name: "max-files", Usage: "with -C or -G, delete the oldest files to keep at most `N`"},
		&cli.StringFlag{Name: "max-size", Usage: "with -C or -G, delete the oldest files while the others pass `SIZE` (500M, 20G, 1T; a bare number counts MB as -C)"},
		&cli.StringFlag{Name: "z", Usage: "run `CMD FILE` on each file closed by -C or -G rotation"},
		&cli.DurationFlag{Name: "duration", Usage: "stop after this long (e.g. 30s, 5m)"},
		&cli.StringFlag{Name: "Z", Aliases: []string{"relinquish-privileges"}, Usage: "after opening the capture and the first file, run as `USER`"},
		&cli.StringFlag{Name: "F", Usage: "read the filter expression from `FILE`"},
		&cli.BoolFlag{Name: "U", Aliases: []string{"packet-buffered"}, Usage: "with -w, flush each packet at once (for pipes)"},
		&cli.BoolFlag{Name: "l", Usage: "line-buffer printed packets (the default on a terminal), e.g. for rawcap -l | grep"},
		&cli.BoolFlag{Name: "print", Usage: "print packets even while writing them with -w"},
		&cli.StringFlag{Name: "format", Usage: "file format for -w: `pcap|pcapng` (default: pcapng for a .pcapng name, else pcap; a .gz or .zst name is compressed as it is written)"},
		&cli.IntFlag{Name: "fanout", Usage: "capture with `N` sockets in a PACKET_FANOUT group, for rates one core cannot hold"},
		&cli.StringFlag{Name: "export", Usage: "write the packets and flows tables as Parquet under `DIR` (as rawcap export; -G finishes the files every SECONDS)"},
		&cli.StringFlag{Name: "ip-socket", Usage: "capture through raw IP sockets instead of AF_PACKET (`tcp|udp|icmp|all`, or a list: tcp,udp), where packet sockets are not allowed; the filter then runs in user space"},
		&cli.DurationFlag{Name: "merge-window", Value: capture.DefaultMergeWindow, Usage: "with several -i, how long a packet waits for older ones of the other interfaces (0: none, write them as they come)"},
	}
}

const liveUsage = `rawcap [-i IFACE] [-w FILE] [options] [FILTER...]
   rawcap -r FILE [options] [FILTER...]
   rawcap COMMAND [options] [arguments...]

Examples:
   rawcap -i eth0 -w out.pcap                   capture everything on eth0 into out.pcap
   rawcap -i eth0 -c 10 'tcp port 443'           print ten HTTPS packets, as tcpdump does
   rawcap -i any -w trace.pcapng -C 100 -W 5     a ring of five 100 MB files
   rawcap -i eth0 -i eth1 -w both.pcapng         two interfaces into one file, in time order
   rawcap -i eth0 -w 'c-%H%M.pcapng.zst' -G 60   a zstd-compressed file a minute
   rawcap --ip-socket tcp,udp -w out.pcap        raw IP sockets, where AF_PACKET is not allowed
   rawcap -i eth0 -w - -U | wireshark -k -i -    watch live in Wireshark
   rawcap -i eth0 --export lake -G 60            Parquet tables, files finished every minute
   rawcap -r out.pcap -w https.pcap 'tcp port 443'`

func liveDefault(e *env, app *cli.App) {
	app.Flags = append(readFlags(), liveFlags()...)
	app.UsageText = liveUsage
	app.ArgsUsage = "[FILTER...]"
	app.UseShortOptionHandling = true
	app.Action = func(c *cli.Context) error { return liveAction(c, e) }
}

// filterExpression returns the filter from -F FILE or the trailing words.
func filterExpression(c *cli.Context) (string, error) {
	words := strings.Join(c.Args().Slice(), " ")
	name := c.String("F")
	if name == "" {
		return words, nil
	}
	if words != "" {
		return "", usagef("-F %s: a filter expression is also given on the command line (%q); use one or the other", name, words)
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return "", usagef("-F: %v", err)
	}
	return filterFileExpr(string(b)), nil
}

func liveAction(c *cli.Context, e *env) error {
	if c.Bool("D") {
		return printInterfaceList(e.stdout)
	}
	if n := c.Int("s"); n < 0 || n > capture.DefaultSnapLen {
		return usagef("invalid snaplen %d (must be >= 0 and <= %d)", n, capture.DefaultSnapLen)
	}
	if len(c.StringSlice("i")) == 0 && len(c.StringSlice("r")) == 0 && c.String("F") == "" {
		if err := misspelledCommand(c.App, c.Args().Slice()); err != nil {
			return err
		}
	}
	expr, err := filterExpression(c)
	if err != nil {
		return err
	}
	opts, err := readOptionsFrom(c)
	if err != nil {
		return err
	}
	if files := c.StringSlice("r"); len(files) > 0 {
		if len(c.StringSlice("i")) > 0 {
			return usagef("-r and -i exclude each other: read a file or capture, not both")
		}
		if out := c.String("w"); out != "" {
			return filterToFile(c, e, files, out, expr)
		}
		opts.Filter = expr
		return readFiles(c.Context, e, files, opts)
	}
	lo, err := liveOptionsFrom(c)
	if err != nil {
		return err
	}
	lo.filter, lo.print = expr, opts
	if lo.display, err = compileDisplay(opts.Display); err != nil {
		return err
	}
	return liveCapture(c.Context, e, lo)
}

// filterToFile is tcpdump's -r IN -w OUT [FILTER]: a conversion that keeps
// the packets the filter accepts.
func filterToFile(c *cli.Context, e *env, files []string, out, expr string) error {
	if len(files) != 1 {
		return usagef("-r with -w takes one file, got %d", len(files))
	}
	o := convertOptions{in: files[0], out: out, count: c.Int("c"), nano: c.Bool("nano")}
	switch f := c.String("format"); {
	case f == "pcapng" || (f == "" && strings.EqualFold(filepath.Ext(out), ".pcapng")):
		o.format = pcapio.FormatPcapNG
	case f == "pcap" || f == "":
		o.format = pcapio.FormatPcap
	default:
		return usagef("--format %q: want pcap or pcapng", f)
	}
	o.filter = expr
	df, err := compileDisplay(c.String("Y"))
	if err != nil {
		return err
	}
	o.display = df
	_, err = convert(o, e.stdin, e.stdout)
	return err
}

// liveOptions is a parsed live-capture command line.
type liveOptions struct {
	cfg        capture.Config // each interface's, Interface aside
	ifaces     []string       // the -i arguments, as given
	ipSocket   string         // --ip-socket PROTOCOLS: raw IP sockets instead of AF_PACKET
	window     time.Duration  // --merge-window: negative for none
	write      string
	format     pcapio.Format
	compress   string // "gz" or "zst" for a -w name ending so: compressed while written
	nano       bool
	count      int
	fileSize   int64
	interval   time.Duration
	maxFiles   int
	align      bool
	keepFiles  int
	keepBytes  int64
	postRotate string
	duration   time.Duration
	user       string
	unbuffered bool
	printToo   bool
	lineBuf    bool
	filter     string
	print      readOptions
	export     string // --export DIR
	// display is the -Y display filter (nil for none): only the packets
	// it passes are written, printed and counted by -c.
	display *display.Filter
}

func liveOptionsFrom(c *cli.Context) (liveOptions, error) {
	var o liveOptions
	o.ifaces = c.StringSlice("i")
	o.ipSocket = c.String("ip-socket")
	switch o.window = c.Duration("merge-window"); {
	case o.window < 0:
		return o, usagef("--merge-window %v: want a duration of 0 or more", o.window)
	case o.window == 0:
		o.window = -1 // MergeOptions: no waiting
	}
	o.cfg.SnapLen = c.Int("s")
	o.cfg.NoPromisc = c.Bool("p")
	if kib := c.Int("B"); kib < 0 {
		return o, usagef("-B %d: want a size in KiB", kib)
	} else if kib > 0 {
		o.cfg.RingSizeMiB = (kib + 1023) / 1024
	}
	if q := c.String("Q"); q != "" {
		d, err := capture.ParseDirection(q)
		if err != nil {
			return o, usageError{err}
		}
		o.cfg.Direction = d
	}
	o.cfg.Fanout = c.Int("fanout")
	o.write = c.String("w")
	o.nano = c.Bool("nano")
	o.count = c.Int("c")
	o.fileSize = int64(c.Int("C")) * 1_000_000
	o.interval = time.Duration(c.Int("G")) * time.Second
	o.maxFiles = c.Int("W")
	o.align = c.Bool("align")
	o.keepFiles = c.Int("max-files")
	if v := c.String("max-size"); v != "" {
		n, err := parseSize(v)
		if err != nil {
			return o, usagef("--max-size %q: %v", v, err)
		}
		o.keepBytes = n
	}
	o.postRotate = c.String("z")
	o.duration = c.Duration("duration")
	o.user = c.String("Z")
	o.unbuffered = c.Bool("U")
	o.printToo = c.Bool("print")
	o.lineBuf = c.Bool("l") || isTerminal(c.App.Writer)
	o.export = c.String("export")
	switch {
	case o.count < 0 || o.fileSize < 0 || o.interval < 0 || o.maxFiles < 0 || o.duration < 0:
		return o, usagef("-c, -C, -G, -W and --duration take positive values")
	case o.write == "" && o.export == "" && (o.fileSize > 0 || o.interval > 0 || o.maxFiles > 0 || o.postRotate != ""):
		return o, usagef("-C, -G, -W and -z rotate the files of -w; give -w FILE")
	case o.write == "" && (o.fileSize > 0 || o.maxFiles > 0 || o.postRotate != ""):
		return o, usagef("-C, -W and -z rotate the files of -w; --export rotates its files with -G alone")
	case o.write == "-" && (o.fileSize > 0 || o.interval > 0):
		return o, usagef("-C and -G cannot rotate standard output")
	case o.maxFiles > 0 && o.fileSize == 0 && o.interval == 0:
		return o, usagef("-W needs -C or -G")
	case o.postRotate != "" && o.fileSize == 0 && o.interval == 0:
		return o, usagef("-z needs -C or -G")
	case o.align && o.interval == 0:
		return o, usagef("--align aligns -G's files on the clock; give -G SECONDS")
	case o.keepFiles < 0 || o.keepBytes < 0:
		return o, usagef("--max-files and --max-size take positive values")
	case (o.keepFiles > 0 || o.keepBytes > 0) && o.fileSize == 0 && o.interval == 0:
		return o, usagef("--max-files and --max-size limit the files of -C or -G rotation")
	case (o.keepFiles > 0 || o.keepBytes > 0) && o.maxFiles > 0:
		return o, usagef("-W makes its own ring of files (or stops after them); use it or --max-files/--max-size, not both")
	}
	var err error
	if o.format, o.compress, err = outputFormat("-w", o.write, c.String("format"), pcapio.FormatPcap); err != nil {
		return o, err
	}
	// Only pcapng has a place for each packet's direction (epb_flags).
	o.cfg.PacketFlags = o.write != "" && o.format == pcapio.FormatPcapNG
	return o, nil
}

// resolveInterface turns -i's argument into an interface name and its link
// type: a name, "any", a number from -D's list, or (when empty) the first
// interface that is up and not loopback, as tcpdump picks it.
func resolveInterface(arg string) (string, linktype.Type, error) {
	ifs, err := captureInterfaces()
	if err != nil {
		return "", 0, err
	}
	names := make([]string, 0, len(ifs))
	for _, it := range ifs {
		names = append(names, it.Name)
	}
	if n, err := strconv.Atoi(arg); err == nil && arg != "" {
		if n < 1 || n > len(ifs) {
			return "", 0, usagef("-i %d: there are %d interfaces (%s); see rawcap -D", n, len(ifs), strings.Join(names, ", "))
		}
		arg = ifs[n-1].Name
	}
	for _, it := range ifs {
		if arg == "" && it.Up && it.Running && !it.Loopback && it.Name != "any" {
			arg = it.Name
		}
		if it.Name == arg {
			return it.Name, linktype.Type(it.LinkTypeNum), nil
		}
	}
	if arg == "" {
		return "", 0, fmt.Errorf("no interface is up to capture on by default; name one with -i (interfaces here: %s)", strings.Join(names, ", "))
	}
	return "", 0, fmt.Errorf("capture: %w: %q (interfaces here: %s)", capture.ErrNoInterface, arg, strings.Join(names, ", "))
}

// liveCapture captures until -c, --duration, a signal or an error, writing
// and/or printing, then prints tcpdump's three statistics lines.
func liveCapture(ctx context.Context, e *env, o liveOptions) error {
	if f := outputFile(e.stdout); f != nil && f == os.Stdout {
		// A write to a closed pipe fails with EPIPE instead of killing
		// the process, so the capture stops, closes its files and prints
		// its statistics, as tcpdump's SIGPIPE handler does.
		signal.Notify(make(chan os.Signal, 1), syscall.SIGPIPE)
	}
	snap := o.cfg.SnapLen
	if snap == 0 {
		snap = capture.DefaultSnapLen
	}
	src, ifs, merger, err := openLive(&o, snap)
	if err != nil {
		return err
	}
	defer src.Close()
	start := time.Now()

	s := &liveSink{e: e, o: &o, src: src, ifs: ifs, merger: merger, snap: snap, start: start}
	if err := s.open(); err != nil {
		return err
	}
	if o.user != "" {
		if err := dropPrivileges(o.user); err != nil {
			s.close()
			return fmt.Errorf("-Z %s: %w", o.user, err)
		}
	}
	verbose := ""
	if o.write == "" && o.export == "" && o.print.Output == outLine && o.print.Line.Verbose == 0 {
		verbose = "rawcap: verbose output suppressed, use -v[v]... for full protocol decode\n"
	}
	for _, it := range ifs {
		fmt.Fprintf(e.stderr, "%srawcap: listening on %s, link-type %v, snapshot length %d bytes\n", verbose, it.name, it.lt, snap)
		verbose = ""
		if it.userFilter {
			where := "no filter"
			if it.filter != "" {
				where = "the filter runs in user space"
			}
			fmt.Fprintf(e.stderr, "rawcap: %s; %s\n", it.desc, where)
		}
	}

	// Stop on a signal, --duration or -c: Close hands over the packets of
	// the ring block the kernel was filling, and ReadPacket then returns
	// them and io.EOF.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if o.duration > 0 {
		var c2 context.CancelFunc
		ctx, c2 = context.WithTimeout(ctx, o.duration)
		defer c2()
	}
	go func() {
		<-ctx.Done()
		src.Close()
	}()
	usr1 := make(chan os.Signal, 1)
	notifyStatsSignal(usr1)
	defer signal.Stop(usr1)
	if s.rot != nil && o.align {
		go s.closeIdle(ctx, cancel)
	}
	go func() {
		for {
			select {
			case <-usr1:
				s.printStats(false)
			case <-ctx.Done():
				return
			}
		}
	}()

	var p pcapio.Packet
	var loopErr error
	done := false // -c reached: what the ring still holds is drained, not kept
	for {
		err := src.ReadPacket(&p)
		if err == io.EOF {
			break
		}
		if err != nil {
			loopErr = fmt.Errorf("capturing on %s: %w", s.ifaceNames(), err)
			break
		}
		if done {
			continue
		}
		if err := s.packet(&p); err != nil {
			if errors.Is(err, rotate.ErrFileLimit) {
				break
			}
			loopErr = err
			cancel()
			break
		}
		if idle := !src.Pending(); s.n&63 == 0 || idle {
			// Published for SIGUSR1 every 64 packets, and before
			// ReadPacket may wait: the count it prints is never stale
			// while capturing is idle.
			s.captured.Store(s.n)
			if idle {
				// Printed lines go out before the wait too, a block's
				// worth at a time: a reader sees them while the
				// traffic is slow, and a closed pipe (rawcap … | head
				// -1) ends the capture at once instead of when 64 KiB
				// of lines have piled up.
				if err := s.flushPrinted(); err != nil {
					loopErr = err
					cancel()
					break
				}
			}
		}
		if o.count > 0 && s.kept >= int64(o.count) {
			done = true
			cancel()
		}
	}
	s.captured.Store(s.n)
	cancel()
	src.Close()
	closeErr := s.close()
	s.printStats(true)
	if errors.Is(loopErr, syscall.EPIPE) {
		// The reader of standard output went away: like tcpdump, stop
		// and report, without an error.
		return nil
	}
	if loopErr != nil {
		return loopErr
	}
	return closeErr
}

// flushPrinted writes out the printed lines held in the buffer.
func (s *liveSink) flushPrinted() error {
	if s.pr == nil || s.bw == nil || s.pw != nil || s.bw.Buffered() == 0 {
		return nil
	}
	return s.bw.Flush()
}

// liveSink is where captured packets go: a (rotating) file or standard
// output, and/or the printers.
type liveSink struct {
	e        *env
	o        *liveOptions
	src      liveSource
	ifs      []*liveIface    // the interfaces, in -i's order (Packet.Interface indexes them)
	merger   *capture.Merger // the merge of several interfaces, or nil
	snap     int
	start    time.Time
	n        int64 // packets captured: the reading goroutine's count
	kept     int64 // packets written or printed (those -Y passes)
	match    *frameMatcher
	captured atomic.Int64 // n as last published, for the SIGUSR1 goroutine

	rot *rotate.Writer // -w FILE
	// rotMu guards rot with --align, whose quiet files another goroutine
	// closes on the clock (closeIdle); idleErr is what that failed with.
	rotMu   sync.Mutex
	idleErr error
	x       *export.Exporter // --export DIR
	pw      pcapio.Writer    // -w -
	bw      *bufio.Writer    // standard output under pw or the printer
	pr      packetPrinter
	d       *decode.Decoder
	frame   decode.Frame
	xframe  decode.Frame
	buf     []byte
	stdout  bool
	// prefix is, when several interfaces print one-liners, each
	// interface's name padded to the longest, to start its lines.
	prefix []string
}

func (s *liveSink) open() error {
	o := s.o
	if o.export != "" {
		x, err := export.New(export.Options{Dir: o.export, Packets: true, Flows: true, Interval: o.interval, Version: rawcapVersion()})
		if err != nil {
			return err
		}
		names := make([]string, len(s.ifs))
		for i, it := range s.ifs {
			names[i] = it.name
		}
		if err := x.StartFile("live:" + strings.Join(names, ",")); err != nil {
			x.Close()
			return err
		}
		s.x = x
	}
	if o.write == "" && o.export == "" || o.printToo {
		d, pr, err := newPrinter(o.print)
		if err != nil {
			return usagef("%v", err)
		}
		s.d, s.pr = d, pr
		if _, ok := pr.(*decode.LinePrinter); ok && len(s.ifs) > 1 {
			s.prefix = ifacePrefixes(s.ifs)
		}
	}
	switch o.write {
	case "":
		if s.pr != nil {
			s.bw = bufio.NewWriterSize(s.e.stdout, 64<<10)
		}
	case "-":
		if o.printToo {
			return usagef("--print with -w - would mix packets and text on standard output")
		}
		s.bw = bufio.NewWriterSize(s.e.stdout, 64<<10)
		w, err := s.create(s.bw)
		if err != nil {
			return err
		}
		s.pw, s.stdout = w, true
	default:
		rec := func(p *pcapio.Packet) int64 { return 16 + int64(len(p.Data)) }
		if o.format == pcapio.FormatPcapNG {
			rec = func(p *pcapio.Packet) int64 { return 32 + int64(len(p.Data)+3)&^3 }
		}
		r, err := rotate.New(rotate.Config{
			Name: o.write, FileSize: o.fileSize, Interval: o.interval, MaxFiles: o.maxFiles, Compress: o.compress,
			Align: o.align, KeepFiles: o.keepFiles, KeepBytes: o.keepBytes,
			PostRotate: o.postRotate, Create: s.create, Finish: s.finish, RecordSize: rec, Stderr: s.e.stderr,
		})
		if err != nil {
			return err
		}
		s.rot = r
		if o.printToo {
			s.bw = bufio.NewWriterSize(s.e.stdout, 64<<10)
		}
	}
	return nil
}

// create starts a capture file on w: the pcap header, or the pcapng section
// header and an interface block for each interface.
func (s *liveSink) create(w io.Writer) (pcapio.Writer, error) {
	if s.o.format != pcapio.FormatPcapNG {
		// openLive has checked that the interfaces share one link type.
		pw, err := pcapio.NewPcapWriter(w, pcapio.PcapWriterOptions{LinkType: s.ifs[0].lt, SnapLen: uint32(s.snap), Nano: s.o.nano})
		if err != nil {
			return nil, err
		}
		// The header goes to the file at once, so that a capture killed
		// before its first buffer fills still leaves a readable file.
		return pw, pw.Flush()
	}
	ng, err := pcapio.NewPcapNGWriter(w, pcapio.PcapNGWriterOptions{UserAppl: "rawcap " + rawcapVersion(), OS: hostOS()})
	if err != nil {
		return nil, err
	}
	for _, it := range s.ifs {
		ifc := pcapio.Interface{LinkType: it.lt, SnapLen: uint32(s.snap), Name: it.name, Description: it.desc, Filter: it.filter, OS: hostOS(), FCSLen: -1}
		if _, err := ng.AddInterface(ifc); err != nil {
			return nil, err
		}
	}
	return ng, ng.Flush()
}

// finish writes a pcapng file's statistics blocks, one per interface,
// before it is closed.
func (s *liveSink) finish(w pcapio.Writer) error {
	ng, ok := w.(*pcapio.PcapNGWriter)
	if !ok {
		return nil
	}
	for i, it := range s.ifs {
		st, err := it.stats()
		if err != nil {
			continue // statistics are a courtesy; the packets are what matter
		}
		is := pcapio.InterfaceStats{
			Time: time.Now(), StartTime: s.start, EndTime: time.Now(),
			Received: st.Received, OSDropped: st.Dropped, Delivered: uint64(it.n),
			Has: pcapio.HasReceived | pcapio.HasOSDropped | pcapio.HasDelivered | pcapio.HasStartTime | pcapio.HasEndTime,
		}
		if it.filter != "" {
			is.FilterAccepted = st.Received
			is.Has |= pcapio.HasFilterAccepted
		}
		if err := ng.WriteStats(i, is); err != nil {
			return err
		}
	}
	return nil
}

func (s *liveSink) packet(p *pcapio.Packet) error {
	s.n++
	it := s.ifs[p.Interface]
	it.n++
	if s.o.display != nil {
		if s.match == nil {
			s.match = newFrameMatcher(s.o.display)
		}
		s.match.frame = decode.Frame{Number: int(s.n), Time: p.Time, Length: p.Length, InterfaceName: it.name}
		if !s.match.match(&s.match.frame, p.Data, p.LinkType) {
			return nil
		}
	}
	s.kept++
	switch {
	case s.rot != nil:
		if err := s.writeRot(p); err != nil {
			return err
		}
	case s.pw != nil:
		if err := s.pw.WritePacket(p); err != nil {
			return fmt.Errorf("writing to standard output: %w", err)
		}
		if s.o.unbuffered {
			if err := s.pw.Flush(); err != nil {
				return fmt.Errorf("writing to standard output: %w", err)
			}
			if err := s.bw.Flush(); err != nil {
				return fmt.Errorf("writing to standard output: %w", err)
			}
		}
	}
	if s.x != nil {
		s.xframe = decode.Frame{Number: int(s.n), Time: p.Time, Length: p.Length, Interface: p.Interface}
		if p.Interface < len(s.ifs) {
			s.xframe.InterfaceName = s.ifs[p.Interface].name
		}
		if err := s.x.Add(&s.xframe, p.LinkType, p.Data); err != nil {
			return err
		}
	}
	if s.pr != nil {
		s.frame = decode.Frame{Number: int(s.n), Time: p.Time, Length: p.Length, InterfaceName: it.name}
		s.d.Decode(p.Data, p.LinkType)
		s.buf = s.buf[:0]
		if s.prefix != nil {
			s.buf = append(s.buf, s.prefix[p.Interface]...)
		}
		s.buf = s.pr.Append(s.buf, s.d, &s.frame)
		if _, err := s.bw.Write(s.buf); err != nil {
			return err
		}
		if s.o.lineBuf {
			if err := s.bw.Flush(); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeRot writes p to the -w file(s).
func (s *liveSink) writeRot(p *pcapio.Packet) error {
	if s.o.align {
		s.rotMu.Lock()
		defer s.rotMu.Unlock()
		if s.idleErr != nil {
			return s.idleErr
		}
	}
	if err := s.rot.WritePacket(p); err != nil {
		return err
	}
	if s.o.unbuffered {
		return s.rot.Flush()
	}
	return nil
}

// idleGrace is how long after its interval's end a quiet --align file is
// closed: packets reach the writer late by up to a ring block's timeout,
// the merge window of several interfaces, and the scheduler's delays. A
// packet later still goes into the next file (rotate.Writer.CloseIdle).
const idleGrace = time.Second

// closeIdle finishes --align's files on the clock: a file whose interval
// has ended (and the grace after it) is closed even when no packet comes to
// rotate it, as a sensor feeding a lake needs each interval's file
// complete on time. A failure to close stops the capture.
func (s *liveSink) closeIdle(ctx context.Context, cancel context.CancelFunc) {
	grace := idleGrace + max(s.o.window, 0)
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-tick.C:
			s.rotMu.Lock()
			var err error
			if s.idleErr == nil {
				_, err = s.rot.CloseIdle(now.Add(-grace))
				s.idleErr = err
			}
			s.rotMu.Unlock()
			if err != nil {
				cancel() // the capture ends, and close returns err
				return
			}
		}
	}
}

func (s *liveSink) close() error {
	var err error
	if s.rot != nil {
		s.rotMu.Lock()
		err = errors.Join(s.idleErr, s.rot.Close())
		s.rotMu.Unlock()
	}
	if s.x != nil {
		err = errors.Join(err, s.x.Close())
	}
	if s.pw != nil {
		err = errors.Join(err, s.finish(s.pw), s.pw.Close())
	}
	if s.bw != nil {
		err = errors.Join(err, s.bw.Flush())
	}
	if errors.Is(err, syscall.EPIPE) {
		return nil
	}
	return err
}

// printStats prints tcpdump's three closing lines on stderr, summed over
// the interfaces; at the end (final) of a capture on several interfaces,
// a line for each interface comes first.
func (s *liveSink) printStats(final bool) {
	var sum capture.Stats
	var lines []byte
	for _, it := range s.ifs {
		st, _ := it.stats()
		sum.Received += st.Received
		sum.Dropped += st.Dropped
		if final && len(s.ifs) > 1 {
			lines = fmt.Appendf(lines, "%s: %d packets captured, %d received by filter, %d dropped by kernel\n", it.name, it.n, st.Received, st.Dropped)
		}
	}
	if final && s.merger != nil {
		if n := s.merger.Late(); n > 0 {
			lines = fmt.Appendf(lines, "%d packets reached the merge after its window (--merge-window %v) and were written out of time order\n", n, max(s.o.window, 0))
		}
	}
	lines = fmt.Appendf(lines, "%d packets captured\n%d packets received by filter\n%d packets dropped by kernel\n",
		s.captured.Load(), sum.Received, sum.Dropped)
	s.e.stderr.Write(lines)
}

// ifaceNames lists the interfaces' names for a message.
func (s *liveSink) ifaceNames() string {
	names := make([]string, len(s.ifs))
	for i, it := range s.ifs {
		names[i] = it.name
	}
	return strings.Join(names, ", ")
}

// isTerminal reports whether w is a character device such as a terminal.
func isTerminal(w io.Writer) bool {
	f := outputFile(w)
	if f == nil {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
