package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/follow"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/pcapio"
)

// gzipped returns s compressed with gzip, for a crafted response body.
func gzipped(s string) string {
	var b bytes.Buffer
	z := gzip.NewWriter(&b)
	z.Write([]byte(s))
	z.Close()
	return b.String()
}

// craftedHTTPCapture writes a capture of HTTP/1 conversations on port 80
// holding the cases follow http and export-objects http must get right,
// one TCP stream each, and returns its path.
func craftedHTTPCapture(t *testing.T) string {
	c := newCapBuilder()
	const isn, irs = 1000, 5000
	sv := ep("192.0.2.7:80")
	port := uint16(41000)
	// conn opens a connection and returns its ends and a sender for each
	// side that keeps the sequence numbers.
	type conn struct {
		cl     end
		cs, ss uint32
	}
	open := func() *conn {
		port++
		cn := &conn{cl: end{ep("10.0.0.1:1").addr, port}, cs: isn + 1, ss: irs + 1}
		c.tcp(cn.cl, sv, isn, 0, fSYN, "", 0)
		c.tcp(sv, cn.cl, irs, isn+1, fSYN|fACK, "", 0)
		c.tcp(cn.cl, sv, isn+1, irs+1, fACK, "", 0)
		return cn
	}
	cli := func(cn *conn, s string) {
		c.tcp(cn.cl, sv, cn.cs, cn.ss, fPSH|fACK, s, 0)
		cn.cs += uint32(len(s))
	}
	srv := func(cn *conn, s string) {
		c.tcp(sv, cn.cl, cn.ss, cn.cs, fPSH|fACK, s, 0)
		cn.ss += uint32(len(s))
	}
	fin := func(cn *conn) {
		c.tcp(cn.cl, sv, cn.cs, cn.ss, fFIN|fACK, "", 0)
		c.tcp(sv, cn.cl, cn.ss, cn.cs+1, fFIN|fACK, "", 0)
	}

	// 0: a Content-Length body split across three segments.
	cn := open()
	cli(cn, "GET /files/report.txt HTTP/1.1\r\nHost: example.com\r\n\r\n")
	srv(cn, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 30\r\n\r\nfirst part;")
	srv(cn, " second part;")
	srv(cn, " third")
	fin(cn)

	// 1: a chunked body, chunks split across segments, with an extension
	// and a trailer.
	cn = open()
	cli(cn, "GET /chunked/page.html?x=1&y=2 HTTP/1.1\r\nHost: example.com\r\n\r\n")
	srv(cn, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n")
	srv(cn, "7;ext=1\r\n, world\r\nA\r\n and")
	srv(cn, " then \r\n8\r\nthe rest\r\n0\r\nX-Trailer: yes\r\n\r\n")
	fin(cn)

	// 2: a response without Content-Length, ended by the server's FIN.
	cn = open()
	cli(cn, "GET /stream HTTP/1.0\r\n\r\n")
	srv(cn, "HTTP/1.0 200 OK\r\nContent-Type: application/octet-stream\r\n\r\nbytes until")
	srv(cn, " the connection closes\n")
	c.tcp(sv, cn.cl, cn.ss, cn.cs, fFIN|fACK, "", 0)
	c.tcp(cn.cl, sv, cn.cs, cn.ss+1, fFIN|fACK, "", 0)

	// 3: a retransmitted segment in the middle of a body.
	cn = open()
	cli(cn, "GET /retrans.bin HTTP/1.1\r\nHost: example.com\r\n\r\n")
	srv(cn, "HTTP/1.1 200 OK\r\nContent-Length: 12\r\n\r\nabcd")
	c.tcp(sv, cn.cl, cn.ss, cn.cs, fPSH|fACK, "efgh", 0)
	c.tcp(sv, cn.cl, cn.ss, cn.cs, fPSH|fACK, "efgh", 0)
	cn.ss += 4
	srv(cn, "ijkl")
	fin(cn)

	// 4: 100-continue: the client waits for the interim response before
	// sending the body.
	cn = open()
	cli(cn, "POST /upload/form.cgi HTTP/1.1\r\nHost: example.com\r\nContent-Type: text/plain\r\nContent-Length: 11\r\nExpect: 100-continue\r\n\r\n")
	srv(cn, "HTTP/1.1 100 Continue\r\n\r\n")
	cli(cn, "upload body")
	srv(cn, "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok")
	fin(cn)

	// 5: pipelined requests in one segment, the responses in one segment.
	cn = open()
	cli(cn, "GET /a.css HTTP/1.1\r\nHost: example.com\r\n\r\nGET /a.css HTTP/1.1\r\nHost: example.com\r\n\r\nGET /dir/ HTTP/1.1\r\nHost: example.com\r\n\r\n")
	srv(cn, "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nbodyHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nbody2HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nidx")
	fin(cn)

	// 6: a gzip body, and a 304 with no body.
	cn = open()
	z := gzipped("compressed text, compressed text, compressed text\n")
	cli(cn, "GET /z/data.json HTTP/1.1\r\nHost: example.com\r\nAccept-Encoding: gzip\r\n\r\n")
	srv(cn, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: "+strconv.Itoa(len(z))+"\r\n\r\n"+z)
	cli(cn, "GET /z/data.json HTTP/1.1\r\nHost: example.com\r\nIf-None-Match: \"x\"\r\n\r\n")
	srv(cn, "HTTP/1.1 304 Not Modified\r\n\r\n")
	fin(cn)

	// 7: a request whose headers span two segments, names to escape.
	cn = open()
	cli(cn, "GET /we%20ird/na:me*%3F.txt HTTP/1.1\r\nHo")
	cli(cn, "st: example.com\r\n\r\n")
	srv(cn, "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nodd")
	fin(cn)

	// 8: a HEAD's response announces a length but has no body.
	cn = open()
	cli(cn, "HEAD /h.txt HTTP/1.1\r\nHost: example.com\r\n\r\n")
	srv(cn, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n")
	cli(cn, "GET /h.txt HTTP/1.1\r\nHost: example.com\r\n\r\n")
	srv(cn, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi")
	fin(cn)

	// 9: a 204 without a length, then another exchange.
	cn = open()
	cli(cn, "DELETE /n HTTP/1.1\r\nHost: example.com\r\n\r\n")
	srv(cn, "HTTP/1.1 204 No Content\r\n\r\n")
	cli(cn, "GET /m HTTP/1.1\r\nHost: example.com\r\n\r\n")
	srv(cn, "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nm")
	fin(cn)

	// 10: bytes that are not HTTP, then a request; a chunked request body.
	cn = open()
	cli(cn, "\x16\x03\x01 not http\r\n")
	cli(cn, "POST /c HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")
	srv(cn, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
	fin(cn)

	// 11: a response without a length the capture ends before its FIN.
	cn = open()
	cli(cn, "GET /endless HTTP/1.1\r\nHost: example.com\r\n\r\n")
	srv(cn, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nnever ends")

	// 12: data that is not a request or response: a line starting with a
	// printable character shows as a continuation, one starting with
	// another byte does not, a line without its end waits for it.
	cn = open()
	cli(cn, "GET /c HTTP/1.1\r\nHost: example.com\r\n\r\n")
	srv(cn, "hello\r\n")
	srv(cn, "\x90\x91 binary\r\n")
	srv(cn, "\x00abc\r\n")
	srv(cn, "ab\x00cd\r\nmore")
	srv(cn, "no line end ")
	srv(cn, "yet\r\n")
	srv(cn, "\r\nafter an empty line\r\n")
	srv(cn, "\tindented\r\n")
	srv(cn, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokjunk after\r\n")
	cli(cn, "\r\nGET /d HTTP/1.1\r\nHost: example.com\r\n\r\n")
	srv(cn, "\x01\x02 no line end")
	srv(cn, "\x01\x02 nor here")
	fin(cn)

	path := filepath.Join(t.TempDir(), "http.pcap")
	if err := os.WriteFile(path, c.b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// httpStreams returns how many TCP streams the capture at path has and
// whether rawcap hands any TCP payload of it to HTTP.
func httpStreams(t *testing.T, path string) (int, bool) {
	t.Helper()
	r, err := pcapio.Open(path)
	if err != nil {
		return 0, false
	}
	defer r.Close()
	d := decode.NewDecoder()
	var f decode.Frame
	var ss []decode.Stream
	any := false
	for n := 1; ; n++ {
		p, err := r.Next()
		if err != nil {
			break
		}
		f = decode.Frame{Number: n, Time: p.Time, Length: p.Length, Interface: p.Interface}
		d.Decode(p.Data, p.LinkType)
		ss = d.AppendStreams(ss[:0], &f)
		for k := range ss {
			any = any || ss[k].TCP && isHTTP(d, &ss[k])
		}
	}
	tcp, _ := d.StreamsOpened()
	return int(tcp), any
}

// TestFollowHTTPCraftedMatchesTshark holds follow http to tshark on
// crafted conversations: a Content-Length body split across segments, a
// chunked body with an extension and a trailer, a body ended by FIN, a
// retransmission, 100-continue, pipelining, gzip, HEAD, 204, bytes that
// are not HTTP, a chunked request, a message the capture cuts short, and
// continuations (data that is not a request or response).
func TestFollowHTTPCraftedMatchesTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	path := craftedHTTPCapture(t)
	n, _ := httpStreams(t, path)
	if n != 13 {
		t.Fatalf("the crafted capture has %d TCP streams, want 13", n)
	}
	followDiff(t, path, "http", n)
	// The demo capture's binary bodies sent without Content-Length are
	// continuations, some shown, some not.
	nd, _ := httpStreams(t, demoPcap)
	followDiff(t, demoPcap, "http", nd)
}

// TestFollowHTTPAll writes every HTTP stream with --all and checks each
// file against follow http of that stream alone.
func TestFollowHTTPAll(t *testing.T) {
	path := craftedHTTPCapture(t)
	for _, mode := range []string{"ascii", "yaml"} {
		dir := t.TempDir()
		code, _, errs := rawcapRun(t, "", "follow", "http", "--all", dir, "--max-open", "2", "--format", mode, path)
		if code != 0 {
			t.Fatalf("--all: exit %d: %s", code, errs)
		}
		ents, _ := os.ReadDir(dir)
		if len(ents) != 13 {
			t.Fatalf("--all wrote %d files, want 13 (one per stream)", len(ents))
		}
		for _, e := range ents {
			k, _ := strconv.Atoi(strings.Split(e.Name(), "-")[1])
			_, want, _ := rawcapRun(t, "", "follow", "http", "--format", mode, strconv.Itoa(k), path)
			got, _ := os.ReadFile(filepath.Join(dir, e.Name()))
			if string(got) != want {
				t.Errorf("%s (%s):\n%s\nwant\n%s", e.Name(), mode, got, want)
			}
		}
	}
	// Raw: each side's messages, node 0 the first message's sender.
	dir := t.TempDir()
	code, _, errs := rawcapRun(t, "", "follow", "http", "--all", dir, "--format", "raw", "-Y", "tcp.srcport == 41005", path)
	if code != 0 {
		t.Fatalf("--all raw: exit %d: %s", code, errs)
	}
	for _, tc := range []struct{ name, want string }{
		{"http-0004-192.0.2.7.80-10.0.0.1.41005-0.bin", "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok"},
		{"http-0004-192.0.2.7.80-10.0.0.1.41005-1.bin", "POST /upload/form.cgi HTTP/1.1\r\nHost: example.com\r\nContent-Type: text/plain\r\nContent-Length: 11\r\nExpect: 100-continue\r\n\r\nupload body"},
	} {
		got, err := os.ReadFile(filepath.Join(dir, tc.name))
		if err != nil || string(got) != tc.want {
			t.Errorf("%s = %q (%v), want %q", tc.name, got, err, tc.want)
		}
	}
}

// TestFollowHTTPBound: a body past --max-message comes in pieces, and
// says so.
func TestFollowHTTPBound(t *testing.T) {
	path := craftedHTTPCapture(t)
	code, out, errs := rawcapRun(t, "", "follow", "http", "--format", "raw", "--max-message", "8", "0", path)
	if code != 0 || !strings.Contains(errs, "1 bodies passed 8 bytes") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	want := "\t" + hexOf("first part;") + "\n\t" + hexOf(" second part;") + "\n\t" + hexOf(" third") + "\n"
	if !strings.Contains(out, want) {
		t.Errorf("pieces:\n%s\nwant them as they came:\n%s", out, want)
	}
}

func hexOf(s string) string { return fmt.Sprintf("%x", s) }

// followHTTPCorpusAllow lists corpus captures whose follow http differs
// from tshark's, with the reason.
// (Captures where tshark finds HTTP and rawcap does not are not compared:
// gopacket/pcapgo_tests_le_test301.pcapng, whose HTTP is inside TLS that
// tshark decrypts with the secrets the file carries, and libpcap's
// AH/IPComp capture, whose tunnel rawcap does not decode.)
var followHTTPCorpusAllow = map[string]string{}

// TestFollowHTTPCorpusMatchesTshark compares every mode of follow http on
// the first maxFollowStreams TCP streams of every corpus capture in which
// rawcap finds HTTP (RAWCAP_CORPUS_GLOB narrows the captures).
func TestFollowHTTPCorpusMatchesTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	root := testshared.Path(t, "corpus")
	glob := os.Getenv("RAWCAP_CORPUS_GLOB")
	files, streams := 0, 0
	filepath.WalkDir(root, func(path string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() || strings.HasSuffix(path, ".json") || strings.HasSuffix(path, ".md") {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		if glob != "" {
			if ok, _ := filepath.Match(glob, rel); !ok {
				return nil
			}
		}
		n, any := httpStreams(t, path)
		if !any {
			return nil
		}
		if why, ok := followHTTPCorpusAllow[rel]; ok {
			t.Logf("%s: not compared: %s", rel, why)
			return nil
		}
		files++
		streams += min(n, maxFollowStreams)
		t.Run(rel, func(t *testing.T) { followDiff(t, path, "http", min(n, maxFollowStreams)) })
		return nil
	})
	t.Logf("compared %d TCP streams of %d captures with HTTP in %d modes", streams, files, len(follow.ModeNames()))
}
