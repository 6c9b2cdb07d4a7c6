package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
	"github.com/urfave/cli/v2"
)

func infoCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "info",
		Usage:     "summarize capture files, as capinfos does",
		ArgsUsage: "FILE...",
		UsageText: `rawcap info [--json | capinfos' flags] FILE...

Examples:
   rawcap info capture.pcapng
   rawcap info --json *.pcap | jq '{file, packets, duration_seconds}'
   rawcap info -TMr *.pcap                  # capinfos -TMr's table, byte for byte
   rawcap info -c -u -a capture.pcap       # capinfos -c -u -a: packets, duration, start
   rawcap info - < capture.pcap.gz`,
		Description: `Info reads each FILE ("-" is standard input; gzip and zstd are read
transparently) and prints its format and version, byte order, timestamp
precision, sections, interfaces (name, link type, snapshot length, statistics),
the number of packets, captured and original bytes, first and last packet times,
duration, average packet size and rates, how many packets the snapshot length
cut, and comments. --json prints one JSON object per file, one per line.

capinfos' flags print capinfos' layouts instead, as capinfos prints them, for
scripts written for it: the field flags (-t -E -l -c -s -d -u -a -e -y -i -z -x
-H -o -k) pick fields, -T prints a table (-r without its header, -m, -b, -q, -Q
for separators and quotes), -M exact numbers, -S epoch times, -A every field.
Times are local unless --utc.

A damaged file prints what was read before the damage, then the error with the
file name and byte offset; the exit status is then 1.`,
		Flags: append([]cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: "print one JSON object per file"},
		}, capinfosFlags()...),
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("info: need at least one FILE; see rawcap info --help")
			}
			co, capinfos := capinfosOptionsFrom(c)
			if c.Bool("json") && capinfos {
				return usagef("info: --json prints every field; capinfos' layout flags (-T, -M, -c, …) are another output: use one or the other")
			}
			if !co.table && (c.Bool("r") || c.Bool("R") || c.Bool("m") || c.Bool("b") || c.Bool("q") || c.Bool("Q")) {
				return usagef("info: -r, -R, -m, -b, -q and -Q shape the table: add -T")
			}
			w := &checkedWriter{w: e.stdout}
			var failed error
			headerDone := !co.header
			for i, name := range c.Args().Slice() {
				// capinfos hashes only when its output shows the hashes;
				// rawcap's own report and --json show them.
				hash := !capinfos || co.want("H")
				inf, err := captureInfo(name, e.stdin, hash)
				if inf != nil {
					switch {
					case c.Bool("json"):
						b, jerr := json.Marshal(inf)
						if jerr != nil {
							return jerr
						}
						fmt.Fprintf(w, "%s\n", b)
					case co.table:
						rep := capinfosReport{inf: inf, o: &co}
						if !headerDone {
							rep.writeTableHeader(w)
							headerDone = true
						}
						rep.writeTableRow(w)
					case capinfos:
						if i > 0 {
							fmt.Fprintln(w)
						}
						capinfosReport{inf: inf, o: &co}.writeLong(w)
					default:
						if i > 0 {
							fmt.Fprintln(w)
						}
						inf.writeText(w, co.utc)
					}
				}
				if w.err != nil {
					return exitError{1, w.result()}
				}
				if err != nil {
					fmt.Fprintf(e.stderr, "rawcap: %v\n", err)
					failed = err
				}
			}
			if failed != nil {
				return exitError{1, nil}
			}
			return nil
		},
	}
}

// fileInfo is what `rawcap info` reports about one file; its JSON form is
// the --json output.
type fileInfo struct {
	File        string          `json:"file"`
	Format      string          `json:"format"`
	Version     string          `json:"version"`
	ByteOrder   string          `json:"byte_order"`
	Compression string          `json:"compression,omitempty"`
	Modified    bool            `json:"modified_pcap,omitempty"`
	Precision   int             `json:"timestamp_precision"` // decimal digits; -1 when interfaces differ
	FileSize    int64           `json:"file_size,omitempty"`
	SnapLen     uint32          `json:"snaplen,omitempty"` // pcap header
	Sections    []sectionInfo   `json:"sections"`
	Interfaces  []interfaceInfo `json:"interfaces"`
	Packets     int             `json:"packets"`
	CapBytes    int64           `json:"captured_bytes"`
	OrigBytes   int64           `json:"original_bytes"`
	First       *infoTime       `json:"first_time"`
	Last        *infoTime       `json:"last_time"`
	Duration    float64         `json:"duration_seconds"`
	AvgSize     float64         `json:"average_packet_size"`
	PacketRate  float64         `json:"average_packet_rate"`
	ByteRate    float64         `json:"data_byte_rate"`
	BitRate     float64         `json:"data_bit_rate"`
	Cut         int             `json:"packets_cut_by_snaplen"`
	NoTime      int             `json:"packets_without_time,omitempty"`
	TimeOrder   bool            `json:"strict_time_order"`
	Comments    []packetComment `json:"packet_comments,omitempty"`
	Error       string          `json:"error,omitempty"`
	// What capinfos adds: its names for the file type and encapsulation,
	// the hashes of the file and the snapshot lengths inferred from the
	// packets it cut.
	FileType      string `json:"file_type"`
	Encapsulation string `json:"encapsulation"`
	SHA256        string `json:"sha256,omitempty"`
	RIPEMD160     string `json:"ripemd160,omitempty"`
	SHA1          string `json:"sha1,omitempty"`
	InferMinJSON  int    `json:"snaplen_inferred_min,omitempty"`
	InferMaxJSON  int    `json:"snaplen_inferred_max,omitempty"`

	prevTime           time.Time
	inferMin, inferMax int                   // captured lengths of the packets cut short
	capPrec            int                   // the precision as capinfos sees it (-1 mixed, -2 none)
	ltOrder            []linktype.Type       // the packets' link types, as they first came
	ltCount            map[linktype.Type]int // packets per link type
}

type sectionInfo struct {
	ByteOrder   string   `json:"byte_order"`
	Version     string   `json:"version"`
	Hardware    string   `json:"hardware,omitempty"`
	OS          string   `json:"os,omitempty"`
	Application string   `json:"application,omitempty"`
	Comments    []string `json:"comments,omitempty"`
}

type interfaceInfo struct {
	Section      int        `json:"section"`
	Name         string     `json:"name,omitempty"`
	Description  string     `json:"description,omitempty"`
	LinkType     uint16     `json:"link_type"`
	LinkTypeName string     `json:"link_type_name"`
	SnapLen      uint32     `json:"snaplen"`
	Precision    string     `json:"timestamp_precision"`
	Filter       string     `json:"filter,omitempty"`
	OS           string     `json:"os,omitempty"`
	FCSLen       int        `json:"fcs_length,omitempty"`
	Packets      int        `json:"packets"`
	Stats        *statsInfo `json:"statistics,omitempty"`
}

type statsInfo struct {
	Received       *uint64 `json:"received,omitempty"`
	Dropped        *uint64 `json:"dropped,omitempty"`
	FilterAccepted *uint64 `json:"filter_accepted,omitempty"`
	OSDropped      *uint64 `json:"os_dropped,omitempty"`
	Delivered      *uint64 `json:"delivered,omitempty"`
}

type packetComment struct {
	Packet  int    `json:"packet"`
	Comment string `json:"comment"`
}

// infoTime prints as "seconds.nanoseconds" since the epoch in JSON.
type infoTime struct{ t time.Time }

func (t *infoTime) MarshalJSON() ([]byte, error) {
	return []byte(strconv.Quote(epochString(t.t))), nil
}

func epochString(t time.Time) string {
	return fmt.Sprintf("%d.%09d", t.Unix(), t.Nanosecond())
}

// captureInfo reads a whole file and summarizes it, with the file's
// hashes if hash is set (computed beside the packet scan, each in its own
// goroutine). On damage it returns what was read and an error naming the
// file and offset.
func captureInfo(name string, stdin io.Reader, hash bool) (*fileInfo, error) {
	inf := &fileInfo{File: name, TimeOrder: true, Sections: []sectionInfo{}, Interfaces: []interfaceInfo{}}
	var r *pcapio.Reader
	var err error
	if name == "-" {
		inf.File = "standard input"
		r, err = pcapio.NewReader(stdin)
	} else {
		if err := notDirectory(name); err != nil {
			return nil, err
		}
		if fi, serr := os.Stat(name); serr == nil {
			inf.FileSize = fi.Size()
		}
		var m [4]byte
		if f, oerr := os.Open(name); oerr == nil {
			n, _ := io.ReadFull(f, m[:])
			inf.Compression = compressionOf(m[:n])
			f.Close()
		}
		r, err = pcapio.OpenReadAhead(name)
	}
	if err != nil {
		var fe *pcapio.FormatError
		if errors.As(err, &fe) {
			return nil, fmt.Errorf("%s: %w", inf.File, err)
		}
		return nil, err
	}
	var hashes *fileHashes
	if hash && name != "-" {
		hashes = startHashes(name)
	}
	defer r.Close()
	counts := map[int]int{}
	var readErr error
	for {
		p, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			readErr = fmt.Errorf("%s: %w", inf.File, err)
			inf.Error = err.Error()
			break
		}
		inf.add(p)
		counts[p.Interface]++
	}
	inf.finish(r, counts)
	if hashes != nil {
		if err := hashes.wait(inf); err != nil {
			return nil, fmt.Errorf("%s: %w", inf.File, err)
		}
	}
	return inf, readErr
}

func (inf *fileInfo) add(p *pcapio.Packet) {
	inf.Packets++
	if inf.ltCount == nil {
		inf.ltCount = map[linktype.Type]int{}
	}
	if inf.ltCount[p.LinkType] == 0 {
		inf.ltOrder = append(inf.ltOrder, p.LinkType)
	}
	inf.ltCount[p.LinkType]++
	inf.CapBytes += int64(len(p.Data))
	inf.OrigBytes += int64(p.Length)
	if n := len(p.Data); n < p.Length {
		inf.Cut++
		if inf.inferMax == 0 || n < inf.inferMin {
			inf.inferMin = n
		}
		inf.inferMax = max(inf.inferMax, n)
	}
	for _, c := range p.Options.Comments() {
		inf.Comments = append(inf.Comments, packetComment{inf.Packets, c})
	}
	if !p.HasTime {
		inf.NoTime++
		return
	}
	if inf.First == nil {
		inf.First, inf.Last = &infoTime{p.Time}, &infoTime{p.Time}
	} else {
		if p.Time.Before(inf.prevTime) {
			inf.TimeOrder = false
		}
		if p.Time.Before(inf.First.t) {
			inf.First.t = p.Time
		}
		if p.Time.After(inf.Last.t) {
			inf.Last.t = p.Time
		}
	}
	inf.prevTime = p.Time
}

func orderName(big bool) string {
	if big {
		return "big-endian"
	}
	return "little-endian"
}

// precisionDigits turns if_tsresol into decimal digits (2^-n rounds up).
func precisionDigits(resol uint8) (int, string) {
	if resol&0x80 == 0 {
		return int(resol), precisionName(int(resol)) + " (" + strconv.Itoa(int(resol)) + ")"
	}
	n := int(resol & 0x7f)
	d := int(float64(n)*0.30103 + 0.999)
	return d, fmt.Sprintf("2^-%d seconds", n)
}

func precisionName(d int) string {
	switch d {
	case 0:
		return "seconds"
	case 3:
		return "milliseconds"
	case 6:
		return "microseconds"
	case 9:
		return "nanoseconds"
	}
	return "10^-" + strconv.Itoa(d) + " seconds"
}

func (inf *fileInfo) finish(r *pcapio.Reader, counts map[int]int) {
	inf.Format = r.Format().String()
	secs := r.Sections()
	for _, s := range secs {
		inf.Sections = append(inf.Sections, sectionInfo{ByteOrder: orderName(s.BigEndian),
			Version: fmt.Sprintf("%d.%d", s.Major, s.Minor), Hardware: s.Hardware, OS: s.OS,
			Application: s.UserAppl, Comments: s.Comments})
	}
	if h, ok := r.PcapHeader(); ok {
		inf.Version = fmt.Sprintf("%d.%d", h.Major, h.Minor)
		inf.ByteOrder = orderName(h.BigEndian)
		inf.SnapLen = h.SnapLen
		inf.Modified = h.Modified
		inf.Sections = []sectionInfo{}
	} else if len(secs) > 0 {
		inf.Version = inf.Sections[0].Version
		inf.ByteOrder = inf.Sections[0].ByteOrder
		for _, s := range inf.Sections[1:] {
			if s.ByteOrder != inf.ByteOrder {
				inf.ByteOrder = "mixed"
			}
		}
	}
	inf.Precision, inf.capPrec = -2, -2
	for i, ifc := range r.Interfaces() {
		if cd := capinfosDigits(ifc.TSResol); inf.capPrec == -2 {
			inf.capPrec = cd
		} else if inf.capPrec != cd {
			inf.capPrec = -1
		}
		d, pname := precisionDigits(ifc.TSResol)
		if inf.Precision == -2 {
			inf.Precision = d
		} else if inf.Precision != d {
			inf.Precision = -1
		}
		ii := interfaceInfo{Section: ifc.Section, Name: ifc.Name, Description: ifc.Description,
			LinkType: uint16(ifc.LinkType), LinkTypeName: ifc.LinkType.String(), SnapLen: ifc.SnapLen,
			Precision: pname, Filter: ifc.Filter, OS: ifc.OS, FCSLen: max(ifc.FCSLen, 0), Packets: counts[i]}
		if s := ifc.Stats; s != nil {
			st := &statsInfo{}
			for _, c := range []struct {
				bit uint8
				v   uint64
				dst **uint64
			}{{pcapio.HasReceived, s.Received, &st.Received}, {pcapio.HasDropped, s.Dropped, &st.Dropped},
				{pcapio.HasFilterAccepted, s.FilterAccepted, &st.FilterAccepted},
				{pcapio.HasOSDropped, s.OSDropped, &st.OSDropped}, {pcapio.HasDelivered, s.Delivered, &st.Delivered}} {
				if s.Has&c.bit != 0 {
					v := c.v
					*c.dst = &v
				}
			}
			ii.Stats = st
		}
		inf.Interfaces = append(inf.Interfaces, ii)
	}
	if inf.Precision == -2 {
		inf.Precision = 6
	}
	inf.InferMinJSON, inf.InferMaxJSON = inf.inferMin, inf.inferMax
	rep := capinfosReport{inf: inf}
	inf.FileType, _ = rep.fileType()
	inf.Encapsulation, _ = rep.encap()
	if inf.Packets > 0 {
		inf.AvgSize = float64(inf.OrigBytes) / float64(inf.Packets)
	}
	if inf.First != nil {
		inf.Duration = inf.Last.t.Sub(inf.First.t).Seconds()
		if inf.Duration > 0 {
			inf.PacketRate = float64(inf.Packets) / inf.Duration
			inf.ByteRate = float64(inf.OrigBytes) / inf.Duration
			inf.BitRate = inf.ByteRate * 8
		}
	}
}

// timeText formats t to the file's precision in local time (or UTC) with
// the zone's name, so the reader knows which.
func (inf *fileInfo) timeText(t time.Time, utc bool) string {
	d := inf.Precision
	if d < 0 || d > 9 {
		d = 9
	}
	t = t.Local()
	if utc {
		t = t.UTC()
	}
	s := t.Format("2006-01-02 15:04:05.000000000")
	return strings.TrimSuffix(s[:len(s)-(9-d)], ".") + " " + t.Format("MST")
}

func (inf *fileInfo) writeText(w io.Writer, utc bool) {
	line := func(label, format string, a ...any) {
		fmt.Fprintf(w, "%-21s%s\n", label+":", fmt.Sprintf(format, a...))
	}
	line("File name", "%s", inf.File)
	ftype := inf.Format
	if inf.Modified {
		ftype += " (modified, Kuznetsov)"
	}
	line("File type", "%s %s, %s", ftype, inf.Version, inf.ByteOrder)
	if inf.Compression != "" {
		line("Compression", "%s", inf.Compression)
	}
	var encs []string
	seen := map[string]bool{}
	for _, ifc := range inf.Interfaces {
		if !seen[ifc.LinkTypeName] {
			seen[ifc.LinkTypeName] = true
			encs = append(encs, ifc.LinkTypeName)
		}
	}
	switch len(encs) {
	case 0:
		line("File encapsulation", "(none)")
	case 1:
		line("File encapsulation", "%s", encs[0])
	default:
		line("File encapsulation", "per packet: %s", strings.Join(encs, ", "))
	}
	switch {
	case inf.Precision < 0:
		line("Timestamp precision", "mixed (see interfaces)")
	default:
		line("Timestamp precision", "%s (%d)", precisionName(inf.Precision), inf.Precision)
	}
	if inf.Format == "pcap" {
		line("Packet size limit", "file hdr: %d bytes", inf.SnapLen)
	}
	line("Number of packets", "%d", inf.Packets)
	if inf.FileSize > 0 {
		line("File size", "%d bytes", inf.FileSize)
	}
	line("Data size", "%d bytes", inf.OrigBytes)
	line("Captured size", "%d bytes", inf.CapBytes)
	if inf.SHA256 != "" {
		line("SHA256", "%s", inf.SHA256)
		line("RIPEMD160", "%s", inf.RIPEMD160)
		line("SHA1", "%s", inf.SHA1)
	}
	line("Packets cut short", "%d (by the snapshot length)", inf.Cut)
	if inf.First != nil {
		prec := inf.Precision
		if prec < 0 || prec > 9 {
			prec = 9
		}
		line("Capture duration", "%.*f seconds", prec, inf.Duration)
		line("First packet time", "%s", inf.timeText(inf.First.t, utc))
		line("Last packet time", "%s", inf.timeText(inf.Last.t, utc))
		line("Data byte rate", "%.0f bytes/s", inf.ByteRate)
		line("Data bit rate", "%.0f bits/s", inf.BitRate)
	}
	if inf.NoTime > 0 {
		line("Untimed packets", "%d (simple packet blocks)", inf.NoTime)
	}
	if inf.Packets > 0 {
		line("Average packet size", "%.2f bytes", inf.AvgSize)
	}
	if inf.First != nil {
		line("Average packet rate", "%.0f packets/s", inf.PacketRate)
	}
	if inf.Packets > 0 {
		line("Strict time order", "%v", inf.TimeOrder)
	}
	if inf.Format == "pcapng" {
		line("Number of sections", "%d", len(inf.Sections))
	}
	for i, s := range inf.Sections {
		if len(inf.Sections) > 1 {
			fmt.Fprintf(w, "Section #%d (%s, version %s):\n", i, s.ByteOrder, s.Version)
		}
		if s.Hardware != "" {
			line("Capture hardware", "%s", s.Hardware)
		}
		if s.OS != "" {
			line("Capture oper-sys", "%s", s.OS)
		}
		if s.Application != "" {
			line("Capture application", "%s", s.Application)
		}
		for _, c := range s.Comments {
			line("Capture comment", "%s", c)
		}
	}
	fmt.Fprintf(w, "Number of interfaces in file: %d\n", len(inf.Interfaces))
	for i, ifc := range inf.Interfaces {
		fmt.Fprintf(w, "Interface #%d info:\n", i)
		field := func(label, format string, a ...any) {
			fmt.Fprintf(w, "%21s%s = %s\n", "", label, fmt.Sprintf(format, a...))
		}
		if len(inf.Sections) > 1 {
			field("Section", "%d", ifc.Section)
		}
		if ifc.Name != "" {
			field("Name", "%s", ifc.Name)
		}
		if ifc.Description != "" {
			field("Description", "%s", ifc.Description)
		}
		field("Encapsulation", "%s (%d)", ifc.LinkTypeName, ifc.LinkType)
		field("Capture length", "%d", ifc.SnapLen)
		field("Time precision", "%s", ifc.Precision)
		if ifc.FCSLen > 0 {
			field("FCS length", "%d", ifc.FCSLen)
		}
		if ifc.Filter != "" {
			field("Filter string", "%s", ifc.Filter)
		}
		if ifc.OS != "" {
			field("Operating system", "%s", ifc.OS)
		}
		if s := ifc.Stats; s != nil {
			for _, c := range []struct {
				label string
				v     *uint64
			}{{"Packets received", s.Received}, {"Packets dropped", s.Dropped}, {"Packets accepted by filter", s.FilterAccepted},
				{"Packets dropped by OS", s.OSDropped}, {"Packets delivered", s.Delivered}} {
				if c.v != nil {
					field(c.label, "%d", *c.v)
				}
			}
		}
		field("Number of packets", "%d", ifc.Packets)
	}
	if len(inf.Comments) > 0 {
		fmt.Fprintf(w, "Packet comments:\n")
		for _, c := range inf.Comments {
			fmt.Fprintf(w, "%21sPacket %d: %s\n", "", c.Packet, c.Comment)
		}
	}
}
