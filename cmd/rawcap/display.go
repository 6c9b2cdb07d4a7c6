package main

import (
	"errors"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/filter/display"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
	"github.com/urfave/cli/v2"
)

// displayFilterFlag is -Y, Wireshark's display filter, for read, convert
// and the default action.
func displayFilterFlag() cli.Flag {
	return &cli.StringFlag{Name: "Y", Aliases: []string{"display-filter"}, Usage: "keep only the packets that match the display filter `EXPR` (Wireshark's language: 'tcp.stream eq 7')"}
}

// compileDisplay compiles a -Y expression ("" for none) into an error a
// person can act on: tshark's message, the expression and a caret under
// the part in error.
func compileDisplay(expr string) (*display.Filter, error) {
	if expr == "" {
		return nil, nil
	}
	f, err := display.Compile(expr)
	if err == nil {
		return f, nil
	}
	var se *display.SyntaxError
	if errors.As(err, &se) {
		if c := se.Caret(); c != "" {
			return nil, usagef("display filter: %s\n%s", se.Msg, c)
		}
		return nil, usagef("display filter: %s", se.Msg)
	}
	return nil, usagef("display filter: %v", err)
}

// describeFrame fills f with what the frame's fields show of packet p, the
// nth read from r: comment adds the packet's comment; pcapng adds what
// tshark's Frame tree shows of the pcapng records (section, interface
// description, flags, every comment).
func describeFrame(f *decode.Frame, r *pcapio.Reader, p *pcapio.Packet, n int, comment, pcapng bool) {
	*f = decode.Frame{Number: n, Time: p.Time, Length: p.Length, Interface: p.Interface}
	ifs := r.Interfaces()
	if p.Interface < len(ifs) {
		f.InterfaceName = ifs[p.Interface].Name
	}
	if comment {
		f.Comment, _ = p.Options.Comment()
	}
	if pcapng && r.Format() == pcapio.FormatPcapNG && p.Interface < len(ifs) {
		f.Section = ifs[p.Interface].Section + 1
		f.InterfaceDescription = ifs[p.Interface].Description
		f.Flags, f.HasFlags = p.Options.Flags()
		if f.Comment != "" {
			f.Comments = p.Options.Comments() // a new slice: the -V workers keep it
		}
	}
}

// frameMatcher runs a display filter over the packets of a conversion or a
// capture that are not otherwise decoded. It must see every packet in
// order (the filter's fields depend on the packets before).
type frameMatcher struct {
	f     *display.Filter
	d     *decode.Decoder
	frame decode.Frame
}

func newFrameMatcher(f *display.Filter) *frameMatcher {
	f.OwnDecoder() // the matcher's Decoder is its own
	return &frameMatcher{f: f, d: decode.NewDecoder()}
}

// matchRead reports whether p, the nth packet read from r, passes.
func (m *frameMatcher) matchRead(r *pcapio.Reader, p *pcapio.Packet, n int) bool {
	describeFrame(&m.frame, r, p, n, true, true)
	return m.match(&m.frame, p.Data, p.LinkType)
}

// match reports whether data, of link type lt and described by fr,
// passes: decoded unless the frame alone fails the filter (Skip).
func (m *frameMatcher) match(fr *decode.Frame, data []byte, lt linktype.Type) bool {
	if m.f.Skip(m.d, fr, data, lt) {
		return false
	}
	m.d.Decode(data, lt)
	return m.f.Match(m.d, fr)
}
