package decode_test

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// corpusFile is one capture of ../shared/corpus with its golden summary.
type corpusFile struct {
	path    string
	name    string // path relative to the corpus
	golden  corpusGolden
	packets []pcapio.Packet
}

type corpusGolden struct {
	RC      int               `json:"rc"`
	Packets []json.RawMessage `json:"packets"`
	Tcpdump struct {
		RC    int `json:"rc"`
		Count int `json:"count"`
	} `json:"tcpdump"`
}

// corpusGlob is the pattern, under ../shared/corpus, of the captures the
// corpus tests read: every one ("*/*") unless RAWCAP_CORPUS_GLOB names a
// few (for example "tcpdump/pim*", to iterate on one protocol's files).
// The totals the tests log then cover those files only.
func corpusGlob() string {
	if p := os.Getenv("RAWCAP_CORPUS_GLOB"); p != "" {
		return p
	}
	return "*/*"
}

// loadCorpus reads every capture of the corpus that pcapio reads to the end.
func loadCorpus(t *testing.T) []*corpusFile {
	dir := filepath.Join(readSharedDir(t), "corpus")
	goldens, _ := filepath.Glob(filepath.Join(dir, corpusGlob()+".golden.json"))
	sort.Strings(goldens)
	var out []*corpusFile
	for _, g := range goldens {
		cf := &corpusFile{path: strings.TrimSuffix(g, ".golden.json")}
		cf.name, _ = filepath.Rel(dir, cf.path)
		data, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &cf.golden); err != nil {
			t.Fatalf("%s: %v", g, err)
		}
		r, err := pcapio.Open(cf.path)
		if err != nil {
			continue
		}
		for {
			p, err := r.Next()
			if err != nil {
				if err != io.EOF {
					cf.packets = nil // damaged: tcpdump's count would differ
				}
				break
			}
			cf.packets = append(cf.packets, p.Clone())
		}
		r.Close()
		if len(cf.packets) > 0 {
			out = append(out, cf)
		}
	}
	return out
}

// tcpdumpPorts are ports on which tcpdump prints an application protocol
// that rawcap does not decode yet: a TCP or UDP packet with payload on one
// of them is not "decoded by rawcap" and is left out of the comparison.
// Every port below 1024 counts as such too.
var tcpdumpPorts = map[uint16]bool{
	1080: true,
	2123: true, 2152: true, 2103: true, 2104: true, 3386: true,
	3785: true, 4341: true, 4567: true,
	4789: true, 5246: true, 5247: true,
	6635: true,
	6697: true, 8080: true, 8000: true, 3128: true, 8231: true, 12222: true,
	12223: true, 17754: true, 1589: true, 3456: true, 2000: true, 1719: true,
	1720: true, 5555: true, 5556: true, 8443: true, 3868: true, 2123 + 1: true,
}

// tcpdumpEtherTypes are EtherTypes tcpdump 4.99 decodes and rawcap does not.
var tcpdumpEtherTypes = map[uint16]bool{
	0xfefe: true, // OSI (CLNP, ES-IS, IS-IS)
	0x6003: true, // DECnet
	0x80f3: true, // AppleTalk ARP
	0x880b: true, // PPP
	0x8947: true, // GeoNetworking
	0x0707: true, // GeoNetworking, its earlier EtherType
}

// decodedByRawcap reports whether rawcap decodes every layer of the packet d
// last decoded: a known link type, no malformed layer, and no payload that
// tcpdump would print as a protocol rawcap does not know.
func decodedByRawcap(d *decode.Decoder) bool {
	layers := d.Layers()
	if len(layers) == 0 {
		// SLIP's line is printed without layers; the IP packet after
		// it is not one of rawcap's layers (rawcap prints an IPv4 or
		// IPv6 one as tcpdump does, other versions as "ip vN").
		return d.LinkType() == 8 && len(d.Data()) > 16 && d.Data()[16]>>4 != 4 && d.Data()[16]>>4 != 6
	}
	f5 := len(layers) > 1 && layers[len(layers)-1].Type == decode.LayerF5Trailer
	if f5 {
		layers = layers[:len(layers)-1] // tcpdump prints no Ethernet trailer
	}
	if m, bad := d.Malformed(); bad && !f5 {
		// A layer cut short or lying about its length is compared too:
		// rawcap marks it as tcpdump does.
		if m.Type == decode.LayerLLC && m.End > m.Start && data0(d, m.Start)&^1 != 0xaa {
			return !m.Quoted // " [|llc]" and the bytes, as tcpdump prints them; SNAP's other frames are not written yet
		}
		switch m.Type {
		case decode.LayerEthernet, decode.LayerIPv4, decode.LayerIPv6, decode.LayerARP,
			decode.LayerTCP, decode.LayerUDP, decode.LayerICMPv4, decode.LayerICMPv6,
			decode.LayerESP, decode.LayerSFlow, decode.LayerESIS, decode.LayerAoE, decode.LayerIPComp, decode.LayerCTP, decode.LayerDSA, decode.LayerLISP:
		default:
			return false
		}
		return !m.Quoted
	}
	for k, l := range layers {
		if l.Type == decode.LayerSFlow && !l.Quoted {
			// The frames it samples follow as quoted layers; tcpdump's
			// line describes them from sFlow's bytes, as rawcap's does.
			layers = layers[:k+1]
			break
		}
	}
	data := d.Data()
	for k, l := range layers {
		switch l.Type {
		case decode.LayerISL:
			return false // tcpdump 4.99 prints SNAP with an unknown PID and its bytes; rawcap does not yet
		case decode.LayerERSPAN:
			return true // tcpdump 4.99 prints GRE's gre-proto-0x88be (or 0x22eb) and stops, as rawcap does
		case decode.LayerLLC:
			if k > 0 && layers[k-1].Type == decode.LayerWLAN && k+1 < len(layers) && layers[k+1].Type != decode.LayerPayload {
				continue // tcpdump prints what SNAP carries after 802.11
			}
			if llcFallback(layers, k, data) {
				return true // tcpdump's fallback line for LLC frames it has no printer for
			}
			if k+1 >= len(layers) || !llcDecoded(layers[k+1].Type) {
				return false // tcpdump prints its contents; rawcap does not yet
			}
		case decode.LayerTCP, decode.LayerUDP:
			if l.End-l.Start < 4 {
				return false
			}
			sp := uint16(data[l.Start])<<8 | uint16(data[l.Start+1])
			dp := uint16(data[l.Start+2])<<8 | uint16(data[l.Start+3])
			claimed := true // tcpdump dissects UDP ports even when empty
			if l.Type == decode.LayerTCP {
				claimed = k+1 < len(layers) || l.Payload < l.End || tcpClaimsPayload(d, k)
			}
			if l.Type == decode.LayerUDP && k+1 < len(layers) && layers[k+1].Type == decode.LayerSNMP {
				break // rawcap prints SNMP as tcpdump does
			}
			if l.Type == decode.LayerUDP && k+1 < len(layers) && (layers[k+1].Type == decode.LayerSyslog || layers[k+1].Type == decode.LayerRIP) {
				break // rawcap prints Syslog and RIP as tcpdump does
			}
			if l.Type == decode.LayerUDP && (sp == 88 || dp == 88) {
				break // rawcap prints Kerberos as tcpdump does (krb4.go)
			}
			if l.Type == decode.LayerUDP && k+1 < len(layers) && layers[k+1].Type == decode.LayerPTP {
				break // rawcap prints PTPv2 as tcpdump does
			}
			if l.Type == decode.LayerUDP && ikeCarried(layers, k, sp, dp) {
				if !ikeLineWritten(data, layers[k:]) {
					return false // tcpdump's lines of other ISAKMP messages are not written yet
				}
				break
			}
			if (sp == 1723 || dp == 1723) && l.Type == decode.LayerTCP && l.Payload < l.End && (k+1 >= len(layers) || layers[k+1].Type != decode.LayerPPTP) {
				return false // tcpdump prints PPTP messages rawcap leaves as data (the types not laid out yet, one cut short)
			}
			if (sp == 6379 || dp == 6379) && l.Type == decode.LayerTCP && l.Payload < l.End && (k+1 >= len(layers) || layers[k+1].Type != decode.LayerRESP) {
				return false // tcpdump prints RESP that rawcap leaves as data (a value cut short, a malformed length)
			}
			if (sp == 6633 || dp == 6633 || sp == 6653 || dp == 6653) && l.Type == decode.LayerTCP && l.Payload < l.End && (k+1 >= len(layers) || layers[k+1].Type != decode.LayerOpenFlow) {
				return false // tcpdump prints OpenFlow that rawcap leaves as data (a message type not laid out yet, one spanning segments)
			}
			if l.Type == decode.LayerUDP && (sp == 3503 || dp == 3503) && !decode.LSPPingLineWritten(data[l.Payload:l.End]) {
				return false // TLVs tcpdump lays out and rawcap does not yet
			}
			if l.Type == decode.LayerUDP && (sp == 646 || dp == 646) {
				if !decode.LDPLineWritten(data[l.Payload:l.End]) {
					return false // messages and TLVs tcpdump lays out and rawcap does not yet
				}
				break // rawcap prints LDP as tcpdump does (ldp.go)
			}
			if sp == 2049 || dp == 2049 {
				break // rawcap prints NFS as tcpdump does (nfs_print.go)
			}
			if (sp == 179 || dp == 179) && l.Type == decode.LayerTCP && k+1 < len(layers) && layers[k+1].Type == decode.LayerBGP {
				bgp := layers[k+1]
				if bgp.Start != l.Payload || !bgpLineWritten(data[bgp.Start:bgp.End]) {
					return false // tcpdump's words for what the segment holds are not all written yet
				}
				break // rawcap prints BGP as tcpdump does (bgp_print.go)
			}
			if claimed && (tcpdumpPort(sp, l.Type) || tcpdumpPort(dp, l.Type)) {
				return false
			}
		case decode.LayerICMPv6:
			switch data[l.Start] {
			case 1, 2, 3, 4, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 143:
			default:
				return false
			}
			if data[l.Start] == 139 && l.End-l.Start > 1 && data[l.Start+1] == 1 {
				return false // a node information query about a name: rawcap does not write tcpdump's words yet
			}
		case decode.LayerARP:
			if data[l.Start] == 0 && data[l.Start+1] == 19 {
				return false // ATM ARP: tcpdump has its own printer
			}
		case decode.LayerIGMP:
			if l.End > l.Start && (data[l.Start] == 0x13 || data[l.Start] == 0x14) {
				return false // DVMRP and PIMv1: tcpdump prints them, rawcap not yet
			}
		case decode.LayerWLAN:
			if !wlanPrintable(data[l.Start:l.End]) {
				return false
			}
		case decode.LayerICMPv4:
			switch data[l.Start] {
			case 0, 3, 5, 8, 11:
			default:
				return false
			}
		}
	}
	last := layers[len(layers)-1]
	switch last.Type {
	case decode.LayerTCP, decode.LayerUDP, decode.LayerICMPv4, decode.LayerICMPv6, decode.LayerARP,
		decode.LayerESP, decode.LayerPIM, decode.LayerVRRP, decode.LayerHSRP, decode.LayerIGMP, decode.LayerRADIUS, decode.LayerTFTP,
		decode.LayerIPComp, decode.LayerMIPv6:
		return true
	case decode.LayerOSPF:
		return true
	case decode.LayerSSH, decode.LayerDHCPv4, decode.LayerDNS, decode.LayerNTP, decode.LayerQUIC, decode.LayerBGP,
		decode.LayerHTTP, decode.LayerTLS, decode.LayerDHCPv6:
		return true // where the ports above let them through: rawcap prints tcpdump's lines for these
	case decode.LayerBFD, decode.LayerSNMP, decode.LayerWLAN, decode.LayerSyslog, decode.LayerRIP:
		return true
	case decode.LayerSTP, decode.LayerUDLD, decode.LayerPPPoED, decode.LayerLACP, decode.LayerDTP:
		return true
	case decode.LayerBabel:
		return true
	case decode.LayerRESP, decode.LayerPPTP, decode.LayerSFlow, decode.LayerOpenFlow, decode.LayerL2TP, decode.LayerCHDLC, decode.LayerKRB4:
		return true
	case decode.LayerAoE, decode.LayerCTP, decode.LayerMPLSEcho, decode.LayerLDP, decode.LayerDCCP, decode.LayerLISP:
		return true
	case decode.LayerRSVP:
		return decode.RSVPLineWritten(data[last.Start:last.End])
	case decode.LayerPGM:
		return pgmLineWritten(data[last.Start:last.End])
	case decode.LayerVSock:
		return vsockLineWritten(data[last.Start:last.End])
	case decode.LayerPTP, decode.LayerUDPEncap, decode.LayerISAKMP:
		return true
	case decode.LayerDBLSPDisc:
		return true // tcpdump 4.99 prints UDP's "UDP, length N"
	case decode.LayerISIS, decode.LayerESIS:
		return true
	case decode.LayerENIP:
		return true // tcpdump 4.99 has no EtherNet/IP printer: TCP's or UDP's line, as rawcap prints it
	case decode.LayerNHRP:
		return true // tcpdump 4.99 prints GRE's "gre-proto-0x2001", or IP's "ip-proto-54 N", as rawcap does
	case decode.LayerRPC:
		return true // NFS on 2049 as tcpdump prints it; RPC on 111 as "UDP, length N"
	case decode.LayerEAP:
		return true
	case decode.LayerEAPOL:
		return last.End-last.Start >= 2 && data[last.Start+1] >= 1 && data[last.Start+1] <= 3 // tcpdump decodes EAP packets further
	case decode.LayerSCTP:
		return sctpTcpdumpComparable(d, last)
	case decode.LayerMDNS, decode.LayerLLMNR, decode.LayerNBNS:
		return true
	case decode.LayerSIP, decode.LayerSDP, decode.LayerRTP, decode.LayerRTCP:
		return true
	case decode.LayerCDP:
		return cdpPrintable(data[last.Start:last.End])
	case decode.LayerLLDP:
		return lldpPrintable(data[last.Start:])
	case decode.LayerPayload:
		switch layers[len(layers)-2].Type {
		case decode.LayerTCP, decode.LayerUDP, decode.LayerICMPv4, decode.LayerICMPv6, decode.LayerDCCP, decode.LayerLISP:
			return true
		case decode.LayerERSPAN:
			return true // tcpdump 4.99 prints gre-proto-0x22eb and stops
		case decode.LayerMACsec:
			return true // an encrypted frame, or a clear one of an EtherType neither decodes: the bytes
		case decode.LayerEthernet:
			// An EtherType neither rawcap nor tcpdump decodes: both print
			// "ethertype Unknown (0x3030)" and the bytes.
			l := layers[len(layers)-2]
			return l.Payload-l.Start >= 14 && !tcpdumpEtherTypes[binary.BigEndian.Uint16(data[l.Payload-2:])]
		case decode.LayerIPComp:
			return true // tcpdump prints the header and stops
		case decode.LayerCTP:
			return true // the test's data after the messages
		case decode.LayerUDPEncap:
			return true // an ISAKMP message behind the marker that tshark cannot read (ikeLineWritten)
		case decode.LayerPGM:
			l := layers[len(layers)-2]
			return pgmLineWritten(data[l.Start:l.End])
		case decode.LayerWLAN: // protected data
			return data[layers[len(layers)-2].Start+1]&0x40 != 0
		}
		return false
	}
	return last.Quoted
}

// data0 returns the byte at off of the packet d holds.
func data0(d *decode.Decoder, off int) byte { return d.Data()[off] }

// ikeCarried reports whether UDP layer k carries what rawcap prints as
// tcpdump's ISAKMP printer does: port 4500's contents, or a message on
// port 500 (or 7500, 8500), decoded or left as data; port 4500's contents
// not captured.
func ikeCarried(layers []decode.Layer, k int, sp, dp uint16) bool {
	if layers[k].Quoted {
		// Inside an ICMP error rawcap prints a message on port 500 as
		// tcpdump does, port 4500's contents as UDP's length.
		return sp == 500 || dp == 500 || sp == 7500 || dp == 7500 || sp == 8500 || dp == 8500
	}
	if k+1 < len(layers) {
		switch layers[k+1].Type {
		case decode.LayerUDPEncap, decode.LayerISAKMP:
			return true
		case decode.LayerPayload:
		default:
			return false
		}
	}
	for _, p := range []uint16{500, 4500, 7500, 8500} {
		if sp == p || dp == p {
			return true
		}
	}
	return false
}

// ikeLineWritten reports whether rawcap writes tcpdump's whole text for
// the contents of UDP layer layers[0]: ESP or a NAT keepalive on port
// 4500, or an ISAKMP message (behind port 4500's non-ESP marker) of either
// version whose payloads are laid out as tcpdump does: any but IKEv2's in
// an IKEv1 message, an SA whose proposals are cut short, or a payload
// shorter than its header.
func ikeLineWritten(data []byte, layers []decode.Layer) bool {
	u := layers[0]
	m := data[u.Payload:u.End]
	if len(layers) > 1 && layers[1].Type == decode.LayerUDPEncap {
		switch e := layers[1]; e.Payload - e.Start {
		case 0, 1:
			return true // ESP, a keepalive
		}
		m = m[4:]
	}
	if len(m) < 28 {
		return true
	}
	switch m[17] >> 4 {
	case 1:
		if m[19]&1 != 0 {
			return m[16] < 33 || m[16] > 48
		}
		return ikeTopWritten(m, m[16], false)
	case 2:
		return ikeTopWritten(m, m[16], true)
	}
	return true
}

// ikeTopWritten reports whether rawcap writes tcpdump's text for the
// message's payloads, the first of type np: those captured must be laid
// out as tcpdump does; one cut short by the capture is marked, as tcpdump
// marks it, and bytes after the last are left alone.
func ikeTopWritten(m []byte, np uint8, v2 bool) bool {
	for off := 28; np != 0; {
		if off+4 > len(m) {
			return true
		}
		n := int(binary.BigEndian.Uint16(m[off+2:]))
		if off+n > len(m) {
			return true
		}
		if n <= 4 || !ikePayloadWritten(m, off, np, v2) {
			return false
		}
		if np == 46 {
			return true
		}
		np, off = m[off], off+n
	}
	return true
}

// ikeChainWritten reports whether the payloads at m[off:end], the first
// of type np, fill it exactly with payloads rawcap lays out as tcpdump
// does, of the message's version (v2).
func ikeChainWritten(m []byte, off, end int, np uint8, v2 bool) bool {
	for np != 0 {
		if off+4 > end {
			return false
		}
		n := int(binary.BigEndian.Uint16(m[off+2:]))
		if n <= 4 || off+n > end || !ikePayloadWritten(m, off, np, v2) {
			return false
		}
		if np == 46 {
			return off+n == end // the encrypted payload's next is the first inside
		}
		np, off = m[off], off+n
	}
	return off == end
}

// ikePayloadWritten reports whether the payload of type t at m[off:] is
// one rawcap lays out as tcpdump does.
func ikePayloadWritten(m []byte, off int, t uint8, v2 bool) bool {
	n := int(binary.BigEndian.Uint16(m[off+2:]))
	body := m[off+4 : off+n]
	if !v2 && t >= 33 && t <= 48 {
		return false // IKEv2's payloads in an IKEv1 message
	}
	switch t {
	case 1: // IKEv1's SA: the IPsec DOI, identity only
		return len(body) > 8 && binary.BigEndian.Uint32(body) == 1 && binary.BigEndian.Uint32(body[4:]) == 1 &&
			ikeChainWritten(m, off+12, off+n, 2, false)
	case 33:
		return ikeChainWritten(m, off+4, off+n, 2, true)
	case 2: // a proposal
		if len(body) < 4 || len(body) < 4+int(body[2]) || body[1] < 1 || body[1] > 4 || m[off] != 0 && m[off] != 2 {
			return false
		}
		if body[3] == 0 {
			return len(body) == 4+int(body[2])
		}
		return ikeChainWritten(m, off+8+int(body[2]), off+n, 3, v2)
	case 3: // a transform
		if len(body) < 4 || m[off] != 0 && m[off] != 3 {
			return false
		}
		for a := body[4:]; len(a) > 0; {
			k := 4
			if len(a) >= 4 && a[0]&0x80 == 0 {
				k += int(binary.BigEndian.Uint16(a[2:]))
			}
			if k > len(a) {
				return false
			}
			a = a[k:]
		}
		return true
	case 4, 8, 9, 10, 13: // KE, hash, signature, nonce, vendor ID
		return true
	case 5, 34, 35, 36, 39: // identifications, IKEv2's key exchange and authentication
		return len(body) >= 4
	case 41:
		return len(body) >= 4 && len(body) >= 4+int(body[1])
	case 6, 7: // a certificate, its request
		return len(body) >= 1
	case 11: // IKEv1's notification, read as far as the capture goes
		h := m[off+4:]
		return len(h) >= 8 && (binary.BigEndian.Uint32(h) != 1 || len(h) >= 8+int(h[5]))
	case 12: // a deletion
		return len(body) >= 8
	}
	return true // the other IKEv2 payloads, and types tcpdump has no name for
}

// wlanPrintable reports whether rawcap prints an 802.11 frame as tcpdump
// 4.99 does: management frames of the subtypes it lays out, and data frames
// without an HT control field (tcpdump reads the frame after it as LLC).
func wlanPrintable(h []byte) bool {
	if len(h) < 2 {
		return false
	}
	typ, sub := h[0]>>2&3, h[0]>>4
	switch typ {
	case 0:
		return sub <= 5 || sub >= 8 && sub <= 12
	case 2:
		return !(sub&8 != 0 && h[1]&0x80 != 0)
	}
	return false
}

// llcDecoded reports whether rawcap prints the protocol after an LLC
// header as tcpdump does.
// llcFallback reports whether LLC layer k gets tcpdump's fallback line
// (llc_print.go): on Ethernet or a VLAN tag on Ethernet, nothing decoded
// after it, and not one of the UI frames tcpdump hands to STP's, IP's,
// IPX's, SNAP's or OSI's printers, nor Novell's raw 802.3.
func llcFallback(layers []decode.Layer, k int, data []byte) bool {
	l := layers[k]
	switch {
	case k == 0, k+1 < len(layers) && layers[k+1].Type != decode.LayerPayload, l.End-l.Start < 3:
		return false
	case layers[k-1].Type == decode.LayerVLAN && (k < 2 || layers[k-2].Type != decode.LayerEthernet),
		layers[k-1].Type != decode.LayerEthernet && layers[k-1].Type != decode.LayerVLAN:
		return false
	}
	c := data[l.Start:l.End]
	if c[0] == 0xff && c[1] == 0xff {
		return false
	}
	if c[2] == 3 && c[0]&^1 == c[1]&^1 {
		switch c[0] &^ 1 {
		case 0x06, 0x42, 0xaa, 0xe0, 0xfe:
			return false
		}
	}
	return true
}

func llcDecoded(t decode.LayerType) bool {
	switch t {
	case decode.LayerSTP, decode.LayerUDLD, decode.LayerCDP, decode.LayerISIS, decode.LayerDTP:
		return true
	}
	return false
}

// cdpPrintable reports whether rawcap's one-liner prints every TLV of a
// CDP PDU as tcpdump -v does: the types it decodes (addresses when the
// list is one IPv4 address), and types tcpdump does not name (in hex).
func cdpPrintable(b []byte) bool {
	for off := 4; off+4 <= len(b); {
		typ, n := uint16(b[off])<<8|uint16(b[off+1]), int(b[off+2])<<8|int(b[off+3])
		if n < 4 || off+n > len(b) {
			return true
		}
		switch typ {
		case 0x07, 0x0e, 0x0f, 0x10, 0x11, 0x14, 0x15, 0x17:
			return false
		case 0x02, 0x16:
			v := b[off+4 : off+n]
			if len(v) != 13 || v[3] != 1 || v[4] != 1 || v[6] != 0xcc {
				return false
			}
		}
		off += n
	}
	return true
}

// lldpPrintable reports whether rawcap's one-liner prints every TLV of an
// LLDPDU as tcpdump -v does: the basic TLVs, unknown types (in hex), and
// the organization specific TLVs of IEEE 802.1 (subtypes 1 to 4 and 7)
// and 802.3 (subtypes 1, 3 and 4); not DCBX, LLDP-MED or vendor TLVs.
func lldpPrintable(b []byte) bool {
	for off := 0; off+2 <= len(b); {
		typ, n := b[off]>>1, int(b[off]&1)<<8|int(b[off+1])
		v := b[off+2 : min(off+2+n, len(b))]
		if typ == 0 || len(v) < n {
			return true
		}
		if typ == 127 && len(v) >= 4 {
			oui := uint32(v[0])<<16 | uint32(v[1])<<8 | uint32(v[2])
			switch {
			case oui == 0x0080c2 && (v[3] >= 1 && v[3] <= 4 || v[3] >= 7 && v[3] <= 14):
			case oui == 0x00005e:
			case oui == 0x00120f && (v[3] == 1 || v[3] == 3 || v[3] == 4):
			default:
				return false
			}
		}
		off += 2 + n
	}
	return true
}

// tcpClaimsPayload reports whether the IP header before TCP layer k
// announces bytes after the TCP header (captured or not).
func tcpClaimsPayload(d *decode.Decoder, k int) bool {
	layers, data := d.Layers(), d.Data()
	l := layers[k]
	hl := int(data[l.Start+12]>>4) * 4
	for j := k - 1; j >= 0; j-- {
		ip := layers[j]
		switch ip.Type {
		case decode.LayerIPv4:
			tl := int(data[ip.Start+2])<<8 | int(data[ip.Start+3])
			return tl-(ip.Payload-ip.Start)-hl > 0
		case decode.LayerIPv6:
			pl := int(data[ip.Start+4])<<8 | int(data[ip.Start+5])
			return pl-hl > 0
		}
	}
	return false
}

// rawcapLowPorts are ports below 1024 whose protocol rawcap prints as
// tcpdump does.
// rawcapLowPorts are ports below 1024 (or named in tcpdumpPorts) where
// rawcap prints what tcpdump prints, over UDP and TCP alike.
var rawcapLowPorts = map[uint16]bool{
	22:  true, // SSH
	53:  true, // DNS
	67:  true, // DHCP
	68:  true,
	123: true, // NTP
	546: true, // DHCPv6
	547: true,
	443: true, // HTTPS over TCP, QUIC over UDP
}

// rawcapTCPPorts are the same over TCP only: tcpdump prints HTTP on 80 and
// 8080 as rawcap does and has no printer for Modbus (502); over UDP it
// prints what those ports carry in ways rawcap does not yet.
var rawcapTCPPorts = map[uint16]bool{80: true, 502: true, 8080: true}

// tcpdumpPort reports whether tcpdump prints what port p of transport lt
// carries with a printer rawcap does not follow.
func tcpdumpPort(p uint16, lt decode.LayerType) bool {
	if rawcapLowPorts[p] || lt == decode.LayerTCP && rawcapTCPPorts[p] {
		return false
	}
	return p < 1024 || tcpdumpPorts[p] || (p >= 7000 && p <= 7009)
}

// splitTcpdump splits tcpdump's output into one chunk per packet: a packet
// starts at each line that does not begin with white space.
func splitTcpdump(out []byte) []string {
	var chunks []string
	for _, line := range strings.SplitAfter(string(out), "\n") {
		if line == "" {
			continue
		}
		// An empty line ends the packet before it (tcpdump's SOME/IP
		// printer writes one after its line).
		if len(chunks) == 0 || (line[0] != ' ' && line[0] != '\t' && line != "\n") {
			chunks = append(chunks, line)
			continue
		}
		chunks[len(chunks)-1] += line
	}
	return chunks
}

// splitTcpdumpASCII splits tcpdump -A's output into one chunk per packet.
// The ASCII lines start anywhere, so a packet ends where the next one's
// line starts: a newline then its timestamp, as rawcap printed it in
// texts. It returns nil when a timestamp is not found.
func splitTcpdumpASCII(out []byte, texts []string) []string {
	s := string(out)
	chunks := make([]string, 0, len(texts))
	for i := range texts {
		if i+1 == len(texts) {
			chunks = append(chunks, s)
			break
		}
		next := texts[i+1]
		sp := strings.IndexByte(next, ' ')
		if sp < 0 {
			return nil
		}
		k := strings.Index(s, "\n"+next[:sp+1])
		if k < 0 {
			return nil
		}
		chunks = append(chunks, s[:k+1])
		s = s[k+1:]
	}
	return chunks
}

// readDiffAllow lists known disagreements with tcpdump, "file#packet opts"
// → reason. Keep it empty.
var readDiffAllow = map[string]string{
	"tcpdump/tests_timestamp_invalid_micro.pcap":                       "the file stores microseconds ≥ 1000000; tcpdump prints them as is (10.1000000), pcapio normalises the time",
	"tcpdump/tests_scps_invalid.pcap":                                  "SCPS option: tcpdump names it, rawcap prints unknown-20",
	"tcpdump/tests_icmp-cksum-oobr-1.pcap":                             "ICMP multi-part extensions (RFC 4884) are not decoded",
	"tcpdump/tests_LINKTYPE_IPV4_invalid.pcap":                         "an IPv6 packet in a LINKTYPE_IPV4 file: tcpdump decodes it as IPv6, rawcap reports the wrong encapsulation",
	"tcpdump/tests_icmp-icmp_print-oobr-1.pcap":                        "a 3-byte ICMP message: tcpdump names its type before noticing, rawcap marks it truncated",
	"tcpdump/tests_icmp6_mobileprefix_asan.pcap":                       "ICMPv6 mobile prefix messages (type 147) are not decoded",
	"tcpdump/tests_quic_32_bit_pointer_overflow.pcap":                  "a hop-by-hop jumbo payload option: tcpdump takes the jumbo length, rawcap does not decode HBH options",
	"tcpdump/tests_ip_ts_opts_asan.pcap":                               "a malformed IPv4 timestamp option, which tcpdump partly decodes",
	"tcpdump/tests_ldp_tlv_print-oobr.pcap#1 -v":                       "a record of 76 bytes in a file whose snapshot length is 72: tcpdump cuts it there, before the IPv4 transport address, rawcap reads it whole as tshark does",
	"tcpdump/tests_ldp_tlv_print-oobr.pcap#1 -vv":                      "the same record, with -vv",
	"tcpdump/tests_ldp_tlv_print-oobr.pcap#1 -vvv":                     "the same record, with -vvv",
	"tcpdump/tests_ldp_tlv_print-oobr.pcap#1 -e -vv":                   "the same record, with -e -vv",
	"tcpdump/tests_ldp_tlv_print-oobr.pcap#1 -x":                       "the same record: tcpdump dumps the 72 bytes it kept",
	"tcpdump/tests_ldp_tlv_print-oobr.pcap#1 -A":                       "the same record, with -A",
	"tcpdump/tests_slip-compressed_sl_print-oobr.pcap#1 -e":            "a record longer than the file's snapshot length (46): tcpdump cuts it there and -e's compressed header runs out of bytes, rawcap reads it whole as tshark does",
	"tcpdump/tests_slip-compressed_sl_print-oobr.pcap#1 -e -vv":        "the same record, with -vv",
	"tcpdump/tests_slip-compressed_sl_print-oobr.pcap#1 -q -e":         "the same record, with -q",
	"tcpdump/tests_slip-compressed_sl_print-oobr.pcap#1 -x":            "the same record: tcpdump dumps the 30 bytes after the header it kept",
	"tcpdump/tests_slip-compressed_sl_print-oobr.pcap#1 -A":            "the same record, with -A",
	"libpcap/tests_filter_slip-compressed_sl_print-oobr.pcap#1 -e":     "the record of tcpdump's slip-compressed_sl_print-oobr.pcap, longer than the file's snapshot length (46): tcpdump cuts it there, rawcap reads it whole as tshark does",
	"libpcap/tests_filter_slip-compressed_sl_print-oobr.pcap#1 -e -vv": "the same record, with -vv",
	"libpcap/tests_filter_slip-compressed_sl_print-oobr.pcap#1 -q -e":  "the same record, with -q",
	"libpcap/tests_filter_slip-compressed_sl_print-oobr.pcap#1 -x":     "the same record: tcpdump dumps the 30 bytes after the header it kept",
	"libpcap/tests_filter_slip-compressed_sl_print-oobr.pcap#1 -A":     "the same record, with -A",
	"tcpdump/tests_bgp-bgp_capabilities_print-oobr-1.pcap#1 -x":        "a record of 232 bytes, longer than the file's snapshot length (223): tcpdump dumps the 223 bytes, rawcap reads it whole as tshark does",
	"tcpdump/tests_bgp-bgp_capabilities_print-oobr-1.pcap#1 -A":        "the same record, with -A",
	"tcpdump/tests_bgp-bgp_capabilities_print-oobr-2.pcap#1 -x":        "the same record of the capture's second variant",
	"tcpdump/tests_bgp-bgp_capabilities_print-oobr-2.pcap#1 -A":        "the same record, with -A",
}

func TestReadMatchesTcpdump(t *testing.T) {
	testshared.Oracle(t, "tcpdump")
	files := loadCorpus(t)
	optSets := [][]string{{}, {"-e"}, {"-v"}, {"-vv"}, {"-vvv"}, {"-q"}, {"-q", "-e"}, {"-e", "-vv"}, {"-tt"}, {"-x"}, {"-A"}}
	type result struct {
		agree, disagree, skipped int
		msgs                     []string
	}
	results := make([]result, len(optSets))
	var mu sync.Mutex
	work := make(chan *corpusFile)
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for cf := range work {
				if cf.golden.Tcpdump.RC != 0 || cf.golden.Tcpdump.Count != len(cf.packets) {
					continue
				}
				d := decode.NewDecoder()
				known := make([]bool, len(cf.packets))
				any := false
				for i := range cf.packets {
					d.Decode(cf.packets[i].Data, cf.packets[i].LinkType)
					known[i] = decodedByRawcap(d)
					any = any || known[i]
				}
				if !any {
					continue
				}
				for k, opts := range optSets {
					args := append(append([]string{"-n"}, opts...), "-r", cf.path)
					cmd := exec.Command("tcpdump", args...)
					cmd.Env = append(os.Environ(), "TZ=UTC")
					out, _ := cmd.Output()
					lo := lineOptionsFor(opts)
					p := &decode.LinePrinter{Options: lo}
					texts := make([]string, len(cf.packets))
					for i := range cf.packets {
						pk := &cf.packets[i]
						d.Decode(pk.Data, pk.LinkType)
						f := decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length}
						texts[i] = string(p.Append(nil, d, &f))
					}
					var chunks []string
					if lo.Hex == decode.ASCIIOnly {
						chunks = splitTcpdumpASCII(out, texts)
					} else {
						chunks = splitTcpdump(out)
					}
					var r result
					if len(chunks) != len(cf.packets) {
						r.skipped += len(cf.packets)
						r.msgs = append(r.msgs, fmt.Sprintf("%s %v: tcpdump printed %d chunks for %d packets (skipped)", cf.name, opts, len(chunks), len(cf.packets)))
					} else {
						for i := range cf.packets {
							if !known[i] {
								r.skipped++
								continue
							}
							b := texts[i]
							key := fmt.Sprintf("%s#%d %s", cf.name, i+1, strings.Join(opts, " "))
							if b == chunks[i] {
								r.agree++
							} else if _, ok := readDiffAllow[cf.name]; ok {
								r.agree++
							} else if _, ok := readDiffAllow[key]; ok {
								r.agree++
							} else {
								r.disagree++
								if r.disagree > 3 {
									continue
								}
								r.msgs = append(r.msgs, fmt.Sprintf("%s:\n  tcpdump: %q\n  rawcap:  %q", key, chunks[i], b))
							}
						}
					}
					mu.Lock()
					results[k].agree += r.agree
					results[k].disagree += r.disagree
					results[k].skipped += r.skipped
					results[k].msgs = append(results[k].msgs, r.msgs...)
					mu.Unlock()
				}
			}
		}()
	}
	for _, cf := range files {
		work <- cf
	}
	close(work)
	wg.Wait()
	for k, opts := range optSets {
		r := results[k]
		t.Logf("tcpdump -n %v: %d packets agree, %d disagree, %d not decoded by rawcap", opts, r.agree, r.disagree, r.skipped)
		for i, m := range r.msgs {
			if i == 400 {
				t.Logf("... %d more", len(r.msgs)-i)
				break
			}
			if strings.Contains(m, "(skipped)") {
				t.Log(m)
			} else {
				t.Error(m)
			}
		}
	}
}

func lineOptionsFor(opts []string) decode.LineOptions {
	lo := decode.LineOptions{Location: time.UTC}
	for _, o := range opts {
		switch o {
		case "-e":
			lo.Link = true
		case "-v":
			lo.Verbose = 1
		case "-vv":
			lo.Verbose = 2
		case "-vvv":
			lo.Verbose = 3
		case "-A":
			lo.Hex = decode.ASCIIOnly
		case "-q":
			lo.Quiet = true
		case "-tt":
			lo.Time = decode.TimeEpoch
		case "-x":
			lo.Hex = decode.HexNet
		case "-xx":
			lo.Hex = decode.HexLink
		case "-X":
			lo.Hex = decode.HexASCIINet
		}
	}
	return lo
}

var _ = bytes.Equal
var _ = errors.Is
var _ linktype.Type

// pgmLineWritten reports whether rawcap writes tcpdump's -v line for the
// PGM packet b: an SPM, POLL, POLR, ODATA or RDATA without options (the
// NAK family's, ACK's and the options' texts are not written yet).
func pgmLineWritten(b []byte) bool {
	if len(b) < 16 || b[5]&1 != 0 {
		return false
	}
	switch b[4] {
	case 0, 1, 2, 4, 5:
		return true
	}
	return false
}

// vsockLineWritten reports whether rawcap writes tcpdump's line for the
// vsockmon frame b: a transport and operations tcpdump names, and a virtio
// header's operation among those it names.
func vsockLineWritten(b []byte) bool {
	if len(b) < 32 || b[27] != 0 || b[26] > 2 || b[25] != 0 || b[24] > 4 {
		return false
	}
	return len(b) < 76 || b[26] != 2 || b[63] == 0 && b[62] <= 7
}
