package main

import (
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/rawcap/rawcap/internal/ripemd160"
	"github.com/rawcap/rawcap/linktype"
	"github.com/urfave/cli/v2"
)

// capinfosFields are capinfos' one-letter field flags in the order its
// reports list them; each selects the fields named beside it.
var capinfosFields = []struct{ flag, usage string }{
	{"t", "the file type"},
	{"E", "the encapsulation"},
	{"l", "the packet size limit (snapshot length)"},
	{"c", "the number of packets"},
	{"s", "the file size in bytes"},
	{"d", "the data size: the packets' original lengths summed"},
	{"u", "the capture duration in seconds"},
	{"a", "the first packet's time"},
	{"e", "the last packet's time"},
	{"y", "the average data rate in bytes/s"},
	{"i", "the average data rate in bits/s"},
	{"z", "the average packet size"},
	{"x", "the average packet rate"},
	{"H", "the SHA256, RIPEMD160 and SHA1 hashes of the file"},
	{"o", "whether the packets are in strict time order"},
	{"k", "the capture comment"},
}

// capinfosFlags are info's capinfos-compatible flags.
func capinfosFlags() []cli.Flag {
	var fs []cli.Flag
	for _, f := range capinfosFields {
		fs = append(fs, &cli.BoolFlag{Name: f.flag, Usage: "print " + f.usage + ", as capinfos -" + f.flag})
	}
	return append(fs,
		&cli.BoolFlag{Name: "A", Usage: "print every field capinfos prints, in its layout"},
		&cli.BoolFlag{Name: "T", Usage: "print a table, one row per file, as capinfos -T"},
		&cli.BoolFlag{Name: "M", Usage: "exact numbers (no k, M prefixes), as capinfos -M; tables always have them"},
		&cli.BoolFlag{Name: "R", Usage: "with -T, print the header row (the default)"},
		&cli.BoolFlag{Name: "r", Usage: "with -T, leave the header row out"},
		&cli.BoolFlag{Name: "S", Usage: "print the first and last packet times as epoch seconds"},
		&cli.BoolFlag{Name: "m", Usage: "with -T, separate fields with commas"},
		&cli.BoolFlag{Name: "b", Usage: "with -T, separate fields with spaces"},
		&cli.BoolFlag{Name: "q", Usage: "with -T, quote fields with '"},
		&cli.BoolFlag{Name: "Q", Usage: "with -T, quote fields with \""},
		&cli.BoolFlag{Name: "utc", Usage: "print times in UTC instead of local time"},
	)
}

// capinfosOptions is what the capinfos flags ask for.
type capinfosOptions struct {
	fields map[string]bool // selected field flags; all when every is true
	all    bool
	table  bool
	exact  bool
	header bool
	epoch  bool
	utc    bool
	sep    string
	quote  string
}

// capinfosOptionsFrom returns the options, and false when no capinfos flag
// asks for capinfos' layout (rawcap's own report is printed then).
func capinfosOptionsFrom(c *cli.Context) (capinfosOptions, bool) {
	o := capinfosOptions{fields: map[string]bool{}, header: !c.Bool("r"), sep: "\t", utc: c.Bool("utc")}
	any := false
	for _, f := range capinfosFields {
		if c.Bool(f.flag) {
			o.fields[f.flag], any = true, true
		}
	}
	o.table, o.exact, o.epoch = c.Bool("T"), c.Bool("M"), c.Bool("S")
	o.all = c.Bool("A") || !any
	switch {
	case c.Bool("m"):
		o.sep = ","
	case c.Bool("b"):
		o.sep = " "
	}
	switch {
	case c.Bool("q"):
		o.quote = "'"
	case c.Bool("Q"):
		o.quote = `"`
	}
	asked := any || o.table || o.exact || o.epoch || c.Bool("A")
	return o, asked
}

func (o *capinfosOptions) want(flag string) bool { return o.all || o.fields[flag] }

// wiresharkEncap is Wireshark's short and long name of a link type, as
// capinfos prints the encapsulation.
var wiresharkEncap = map[linktype.Type][2]string{
	0: {"null", "NULL/Loopback"}, 1: {"ether", "Ethernet"}, 8: {"slip", "SLIP"}, 9: {"ppp", "PPP"},
	50: {"ppp", "PPP"}, 101: {"rawip", "Raw IP"}, 104: {"chdlc", "Cisco HDLC"},
	105: {"ieee-802-11", "IEEE 802.11 Wireless LAN"}, 107: {"frelay", "Frame Relay"},
	113: {"linux-sll", "Linux cooked-mode capture v1"}, 123: {"atm-pdus", "ATM PDUs"},
	106: {"linux-atm-clip", "Linux ATM CLIP"}, 127: {"ieee-802-11-radiotap", "IEEE 802.11 plus radiotap radio header"},
	129: {"arcnet_linux", "Linux ARCNET"}, 137: {"juniper-atm1", "Juniper ATM1"}, 149: {"user2", "USER 2"},
	165: {"bacnet-ms-tp", "BACnet MS/TP"}, 178: {"juniper-ether", "Juniper Ethernet"},
	195: {"wpan", "IEEE 802.15.4 Wireless PAN"}, 228: {"rawip4", "Raw IPv4"}, 229: {"rawip6", "Raw IPv6"},
	258: {"pktap", "Apple PKTAP"}, 271: {"vsock", "Linux vsock"}, 276: {"linux-sll2", "Linux cooked-mode capture v2"},
}

// capinfosReport is one file's values as capinfos prints them.
type capinfosReport struct {
	inf *fileInfo
	o   *capinfosOptions
}

// formatSize is Wireshark's format_size with SI prefixes: whole numbers,
// scaled by 1000 from 10000 up ("1088 bytes", "900 kB", "6756 kbps").
func formatSize(v float64, small, prefixed string) string {
	n := int64(v)
	for _, p := range []string{"", "k", "M", "G", "T", "P"} {
		if n < 10*1000 || p == "P" {
			if p == "" {
				return strconv.FormatInt(n, 10) + small
			}
			return strconv.FormatInt(n, 10) + " " + p + prefixed
		}
		n /= 1000
	}
	return ""
}

func (r capinfosReport) fileType() (short, long string) {
	switch {
	case r.inf.Format == "pcapng":
		return "pcapng", "Wireshark/... - pcapng"
	case r.inf.Modified:
		return "modpcap", "Wireshark/tcpdump/... - modified tcpdump - pcap"
	case r.inf.Precision == 9:
		return "nsecpcap", "Wireshark/tcpdump/... - nanosecond pcap"
	}
	return "pcap", "Wireshark/tcpdump/... - pcap"
}

func (r capinfosReport) encap() (short, long string) {
	var types []uint16
	for _, ifc := range r.inf.Interfaces {
		if len(types) == 0 || types[0] != ifc.LinkType {
			types = append(types, ifc.LinkType)
		}
	}
	switch {
	case len(types) == 0:
		return "unknown", "Unknown"
	case len(types) > 1:
		return "per-packet", "Per packet"
	}
	return encapNames(linktype.Type(types[0]))
}

func encapNames(lt linktype.Type) (short, long string) {
	if n, ok := wiresharkEncap[lt]; ok {
		return n[0], n[1]
	}
	if lt.Description() == "" {
		return strings.ToLower(lt.Name()), lt.Name()
	}
	return strings.ToLower(lt.Name()), lt.Description()
}

func (r capinfosReport) timeValue(t *infoTime) string {
	if t == nil || !r.timesKnown() {
		return "n/a"
	}
	d := r.inf.capPrec
	if d < 0 || d > 9 {
		d = 9
	}
	if r.o.epoch {
		s := epochString(t.t)
		return s[:len(s)-(9-d)]
	}
	tt := t.t.Local()
	if r.o.utc {
		tt = t.t.UTC()
	}
	s := tt.Format("2006-01-02 15:04:05.000000000")
	s = s[:len(s)-(9-d)]
	return strings.TrimSuffix(s, ".")
}

func (r capinfosReport) duration() string {
	if r.inf.First == nil || !r.timesKnown() {
		return "n/a"
	}
	d := r.inf.capPrec
	if d < 0 || d > 9 {
		d = 9
	}
	return strconv.FormatFloat(r.inf.Duration, 'f', d, 64)
}

// timesKnown reports whether every packet has a time; capinfos leaves out
// the times, duration and rates of a file where some have none.
func (r capinfosReport) timesKnown() bool { return r.inf.NoTime == 0 }

// rate prints a rate: "n/a" (or 0) when there is no duration to divide by.
func (r capinfosReport) rate(v float64, table bool, small, prefixed, exactUnit string) string {
	has := v > 0
	switch {
	case table && !r.timesKnown():
		return "n/a"
	case table:
		return strconv.FormatFloat(v, 'f', 2, 64)
	case r.o.exact && !has:
		return "n/a"
	case r.o.exact:
		return strconv.FormatFloat(v, 'f', 2, 64) + exactUnit
	}
	return formatSize(v, small, prefixed)
}

func (r capinfosReport) precisionName() string {
	switch p := r.inf.capPrec; p {
	case -2:
		return "UNKNOWN"
	case -1:
		return "mixed"
	case 1:
		return "deciseconds"
	case 2:
		return "centiseconds"
	default:
		return precisionName(p)
	}
}

// capinfosDigits is the precision, in decimal digits, that Wireshark gives
// an interface's if_tsresol: 10^-n is n digits, 2^-n the whole digits of
// n·log10(2) (2^-7 s is centiseconds).
func capinfosDigits(resol uint8) int {
	if resol&0x80 == 0 {
		return int(resol)
	}
	return int(float64(resol&0x7f) * math.Log10(2))
}

// row is one field: its long-report label, its table header and values.
type capinfosRow struct {
	flag, label, header string
	long, table         string
	show                bool // in the long report (some are only when present)
}

func (r capinfosReport) rows() []capinfosRow {
	inf, o := r.inf, r.o
	typeShort, typeLong := r.fileType()
	encShort, encLong := r.encap()
	if o.exact {
		typeLong, encLong = typeShort, encShort
	}
	snap := "(not set)"
	if inf.Format != "pcapng" {
		snap = strconv.FormatUint(uint64(inf.SnapLen), 10)
	}
	snapLong := "file hdr: (not set)"
	if inf.Format != "pcapng" {
		snapLong = "file hdr: " + snap + " bytes"
	}
	inferMin, inferMax := "n/a", "n/a"
	if inf.inferMax > 0 {
		inferMin, inferMax = strconv.Itoa(inf.inferMin), strconv.Itoa(inf.inferMax)
	}
	count := func(n int64, small, prefixed string) string {
		if o.exact {
			return strconv.FormatInt(n, 10) + small
		}
		return formatSize(float64(n), small, prefixed)
	}
	sizeLong := func(n int64) string { return count(n, " bytes", "B") }
	// capinfos subtracts the times as doubles of seconds since the epoch
	// and divides by that; its rates carry the rounding, and so do these.
	var byteRate, bitRate, pktRate float64
	if inf.First != nil {
		secs := func(t time.Time) float64 { return float64(t.Unix()) + float64(t.Nanosecond())/1e9 }
		if d := secs(inf.Last.t) - secs(inf.First.t); d > 0 {
			byteRate = float64(inf.OrigBytes) / d
			bitRate = byteRate * 8
			pktRate = float64(inf.Packets) / d
		}
	}
	order := "False"
	switch {
	case !inf.TimeOrder:
	case !r.timesKnown():
		order = "Unknown"
	default:
		order = "True"
	}
	sec := sectionInfo{}
	if len(inf.Sections) > 0 {
		sec = inf.Sections[0]
	}
	prec := r.precisionName()
	precLong := fmt.Sprintf("%s (%d)", prec, inf.capPrec)
	rows := []capinfosRow{
		{"t", "File type", "File type", typeLong, typeShort, true},
		{"E", "File encapsulation", "File encapsulation", encLong, encShort, true},
		{"A", "File timestamp precision", "File time precision", precLong, prec, true},
		{"l", "Packet size limit", "Packet size limit", snapLong, snap, true},
		{"", "Packet size limit min (inferred)", "Packet size limit min (inferred)", "", inferMin, false},
		{"", "Packet size limit max (inferred)", "Packet size limit max (inferred)", "", inferMax, false},
		{"c", "Number of packets", "Number of packets", count(int64(inf.Packets), "", ""), strconv.Itoa(inf.Packets), true},
		{"s", "File size", "File size (bytes)", sizeLong(inf.FileSize), strconv.FormatInt(inf.FileSize, 10), true},
		{"d", "Data size", "Data size (bytes)", sizeLong(inf.OrigBytes), strconv.FormatInt(inf.OrigBytes, 10), true},
		{"u", "Capture duration", "Capture duration (seconds)", r.duration() + " seconds", r.duration(), true},
		{"a", "First packet time", "Start time", r.timeValue(inf.First), r.timeValue(inf.First), true},
		{"e", "Last packet time", "End time", r.timeValue(inf.Last), r.timeValue(inf.Last), true},
		{"y", "Data byte rate", "Data byte rate (bytes/sec)", r.rate(byteRate, false, " bytes/s", "Bps", " bytes/sec"), r.rate(byteRate, true, "", "", ""), true},
		{"i", "Data bit rate", "Data bit rate (bits/sec)", r.rate(bitRate, false, " bits/s", "bps", " bits/sec"), r.rate(bitRate, true, "", "", ""), true},
		{"z", "Average packet size", "Average packet size (bytes)", strconv.FormatFloat(inf.AvgSize, 'f', 2, 64) + " bytes", strconv.FormatFloat(inf.AvgSize, 'f', 2, 64), true},
		{"x", "Average packet rate", "Average packet rate (packets/sec)", r.rate(pktRate, false, " packets/s", "packets/s", " packets/sec"), r.rate(pktRate, true, "", "", ""), true},
		{"H", "SHA256", "SHA256", inf.SHA256, inf.SHA256, inf.SHA256 != ""},
		{"H", "RIPEMD160", "RIPEMD160", inf.RIPEMD160, inf.RIPEMD160, inf.RIPEMD160 != ""},
		{"H", "SHA1", "SHA1", inf.SHA1, inf.SHA1, inf.SHA1 != ""},
		{"o", "Strict time order", "Strict time order", order, order, true},
	}
	rows = append(rows, sectionRows(sec)...)
	if r.inf.First == nil {
		rows[9].long = "n/a"
	}
	if !r.timesKnown() {
		for i := range rows {
			switch rows[i].flag {
			case "u", "a", "e", "y", "i", "x":
				rows[i].show = false
			}
		}
	}
	return rows
}

// sectionRows are the fields of a pcapng section header.
func sectionRows(sec sectionInfo) []capinfosRow {
	comment := strings.Join(sec.Comments, " ")
	return []capinfosRow{
		{"A", "Capture hardware", "Capture hardware", sec.Hardware, sec.Hardware, sec.Hardware != ""},
		{"A", "Capture oper-sys", "Capture oper-sys", sec.OS, sec.OS, sec.OS != ""},
		{"A", "Capture application", "Capture application", sec.Application, sec.Application, sec.Application != ""},
		{"k", "Capture comment", "Capture comment", comment, comment, comment != ""},
	}
}

// selected reports whether a row's field was asked for.
func (r capinfosReport) selected(row capinfosRow) bool {
	switch row.flag {
	case "A":
		return r.o.all
	case "":
		return r.o.want("l")
	}
	return r.o.want(row.flag)
}

// writeLong prints capinfos' long report (its default layout).
func (r capinfosReport) writeLong(w io.Writer) {
	fmt.Fprintf(w, "%-21s%s\n", "File name:", r.inf.File)
	for _, row := range r.rows() {
		if row.flag == "l" && r.selected(row) {
			fmt.Fprintf(w, "%-21s%s\n", "Packet size limit:", row.long)
		}
		if row.flag == "l" && r.inf.inferMax > 0 {
			// capinfos prints the inferred limits whenever packets were
			// cut, whichever fields were asked for.
			if r.inf.inferMin == r.inf.inferMax {
				fmt.Fprintf(w, "%-21sinferred: %d bytes\n", "Packet size limit:", r.inf.inferMin)
			} else {
				fmt.Fprintf(w, "%-21sinferred: %d bytes - %d bytes (range)\n", "Packet size limit:", r.inf.inferMin, r.inf.inferMax)
			}
		}
		if row.flag == "l" || row.flag == "" || !row.show || !r.selected(row) {
			continue
		}
		if row.flag == "E" {
			if short, _ := r.encap(); short == "per-packet" {
				writeLongRow(w, row)
				fmt.Fprintln(w, "Encapsulation in use by packets (# of pkts):")
				for _, lt := range r.inf.ltOrder {
					_, long := encapNames(lt)
					fmt.Fprintf(w, "%21s%s (%d)\n", "", long, r.inf.ltCount[lt])
				}
				continue
			}
		}
		if len(r.inf.Sections) > 1 && (row.label == "Capture hardware" || row.label == "Capture oper-sys" ||
			row.label == "Capture application" || row.label == "Capture comment") {
			continue // below, section by section
		}
		writeLongRow(w, row)
	}
	if len(r.inf.Sections) > 1 {
		for i, sec := range r.inf.Sections {
			fmt.Fprintf(w, "Section %d:\n\n", i)
			for _, row := range sectionRows(sec) {
				if row.show && r.selected(row) {
					if row.flag == "k" {
						for _, c := range sec.Comments {
							writeLongRow(w, capinfosRow{label: row.label, long: c})
						}
						continue
					}
					writeLongRow(w, row)
				}
			}
		}
	}
}

func writeLongRow(w io.Writer, row capinfosRow) {
	label := row.label + ":"
	if len(label) >= 21 {
		label += "  "
	}
	fmt.Fprintf(w, "%-21s%s\n", label, row.long)
}

func (r capinfosReport) quote(s string) string { return r.o.quote + s + r.o.quote }

// writeTableHeader prints the table's header row.
func (r capinfosReport) writeTableHeader(w io.Writer) {
	cols := []string{r.quote("File name")}
	for _, row := range r.rows() {
		if r.selected(row) {
			cols = append(cols, r.quote(row.header))
		}
	}
	fmt.Fprintln(w, strings.Join(cols, r.o.sep))
}

// writeTableRow prints the file's row.
func (r capinfosReport) writeTableRow(w io.Writer) {
	cols := []string{r.quote(r.inf.File)}
	for _, row := range r.rows() {
		if r.selected(row) {
			cols = append(cols, r.quote(row.table))
		}
	}
	for i := 1; i < len(r.inf.Sections); i++ {
		// capinfos adds each further section's fields at the end of the
		// row, without a header.
		for _, row := range sectionRows(r.inf.Sections[i]) {
			if r.selected(row) {
				cols = append(cols, r.quote(row.table))
			}
		}
	}
	fmt.Fprintln(w, strings.Join(cols, r.o.sep))
}

// fileHashes computes capinfos' three hashes of a file (-H), each in its
// own goroutine reading the file for itself, so that they run beside each
// other and beside the packet scan: RIPEMD-160, the slowest, sets the pace.
type fileHashes struct {
	done [3]chan hashResult
}

type hashResult struct {
	sum string
	err error
}

// startHashes starts hashing the named file (a variable, so that a test
// can see which reports hash).
var startHashes = startFileHashes

func startFileHashes(name string) *fileHashes {
	h := &fileHashes{}
	for i, newHash := range [3]func() hash.Hash{sha256.New, ripemd160.New, sha1.New} {
		c := make(chan hashResult, 1)
		h.done[i] = c
		go func() { c <- hashFile(name, newHash()) }()
	}
	return h
}

// wait waits for the three hashes and sets them, in hex, in inf.
func (h *fileHashes) wait(inf *fileInfo) error {
	var sums [3]string
	var err error
	for i, c := range h.done {
		r := <-c
		sums[i] = r.sum
		if err == nil {
			err = r.err
		}
	}
	if err != nil {
		return err
	}
	inf.SHA256, inf.RIPEMD160, inf.SHA1 = sums[0], sums[1], sums[2]
	return nil
}

// hashFile returns the hash h of the named file, in hex.
func hashFile(name string, h hash.Hash) hashResult {
	f, err := os.Open(name)
	if err != nil {
		return hashResult{err: err}
	}
	defer f.Close()
	buf := make([]byte, 256<<10)
	if _, err := io.CopyBuffer(struct{ io.Writer }{h}, struct{ io.Reader }{f}, buf); err != nil {
		return hashResult{err: err}
	}
	return hashResult{sum: hex.EncodeToString(h.Sum(nil))}
}
