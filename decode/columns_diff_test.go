package decode_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/pcapio"
)

// columnsAllow explains rows known to differ from tshark: rows (all when
// nil) of a file whose tshark text contains marker ("" for any).
type columnsAllow struct {
	rows   []int
	marker string
	reason string
}

// columnsDiffAllow lists, by file, the rows known to differ from tshark and
// why. Almost all are crafted packets from tcpdump's test suite.
var columnsDiffAllow = map[string]columnsAllow{
	"tcpdump/tests_rip_error_hexdump.pcap":                 {nil, "", "crafted: a UDP length past the IP payload; tshark reports a bound error inside the RIP authentication entry"},
	"tcpdump/tests_bgp-shutdown-communication.pcapng":      {[]int{2}, "", "a TCP retransmission (frame 2): tshark does not hand retransmitted bytes to BGP, rawcap decodes them"},
	"tcpdump/tests_bgp-bgp_capabilities_print-oobr-2.pcap": {nil, "", "crafted: a capability past the OPEN's end in a frame the capture cut; tshark names a bound error of its TCP reassembly, rawcap marks the cut capture only"},
	"tcpdump/tests_bgp-ub.pcap":                            {nil, "", "crafted: tshark reads a last message from bytes past the one before, rawcap decodes whole messages only"},
	"tcpdump/tests_bgp_mp_reach_nlri-oobr.pcap":            {nil, "", "crafted: tshark reads a second message from bytes past the first one, rawcap decodes whole messages only"},
	"tcpdump/tests_bgp_mvpn_6_and_7_oobr.pcap":             {nil, "", "crafted: tshark reads a second message from bytes past the first one, rawcap decodes whole messages only"},
	"tcpdump/tests_bgp_vpn_rt-oobr.pcap":                   {nil, "", "crafted: tshark reads a second message from bytes past the first one, rawcap decodes whole messages only"},
	"tcpdump/tests_arp-oobr.pcap":                          {nil, "[Malformed Packet]", "an ATM ARP request (hardware type 19) tshark's ATMARP dissector runs off the end of; rawcap reads it as ARP"},
	"gopacket/pcapgo_tests_le_test301.pcapng": {nil, "",
		"the file carries its TLS keys (Decryption Secrets Block): tshark decrypts the records and reassembles the HTTP inside, rawcap shows them encrypted (TestColumnsReassembly covers TLS reassembly without keys)"},
	"tcpdump/tests_accecn_handshake.pcap":                  {nil, "", "tshark 4.0 shows AccECN's ACE counter and options (ACE=, EE0B=): rawcap shows the flag bits"},
	"tcpdump/tests_LINKTYPE_IPV4_invalid.pcap":             {nil, "", "LINKTYPE_IPV4 carrying IPv6: tshark follows the version nibble, the decoder refuses it"},
	"tcpdump/tests_bad-ipv4-version-pgm-heapoverflow.pcap": {nil, "", "an IPv4 EtherType carrying version 6: tshark switches to IPv6, the decoder marks it bad"},
	"tcpdump/tests_bigtcp-ipv4-geneve-ipv6.pcap":           {nil, "", "IPv4 total length 0 (big TCP): tshark uses the captured length, the decoder marks the header bad"},
	"tcpdump/tests_bigtcp-ipv4-vxlan-ipv6.pcap":            {nil, "", "IPv4 total length 0 (big TCP): tshark uses the captured length, the decoder marks the header bad"},
	"tcpdump/tests_cve-2014-8767-OLSR.pcap":                {nil, "", "OLSR (UDP 698), which tshark dissects and rawcap does not"},
	"tcpdump/tests_hoobr_bfd_print.pcap":                   {nil, "", "tshark's BFD dissector fails on the cut payload, which rawcap does not dissect"},
	"tcpdump/tests_isakmp-rfc3948-oobr.pcap":               {nil, "", "tshark's ISAKMP dissector fails on the cut payload, which rawcap does not dissect"},
	"tcpdump/tests_nfs-cannot-pad-32-bit.pcap":             {nil, "", "an NFS LOOKUP call whose name runs past the packet: tshark's NFS dissector (not rawcap's: the RPC header only) adds [Malformed Packet]"},
	"tcpdump/tests_pb_nhrp_1.pcap":                         {nil, "", "crafted NHRP over IP whose length runs past the packet: tshark reads on into its mandatory part, fails, and finds a VSS Monitoring trailer after it; rawcap stops after the fixed header"},
	"tcpdump/tests_gre-heapoverflow-2.pcap":                {nil, "", "truncated GRE: tshark names the encapsulated type before failing"},
	"tcpdump/tests_icmp-icmp_print-oobr-1.pcap":            {nil, "", "crafted ICMP: tshark reports two exceptions"},
	"tcpdump/tests_icmpv6-length-zero.pcapng":              {nil, "", "IPv6 payload length 0 without a jumbo option: tshark stops, the decoder decodes the captured bytes"},
	"tcpdump/tests_ipv4_invalid_length.pcap":               {nil, "", "IPv4 header cut inside the destination address: tshark shows the source it could read"},
	"tcpdump/tests_ipv6-next-header-oobr-1.pcap":           {nil, "", "crafted extension chain: tshark stops at the hop-by-hop header, the decoder at the routing header"},
	"tcpdump/tests_quic_32_bit_pointer_overflow.pcap":      {nil, "", "IPv6 jumbogram: tshark reads the jumbo payload length, rawcap's UDP Len does not"},
	"tcpdump/tests_quic_vn.pcap":                           {[]int{1, 3}, "PKN: ", "Initials of a connection begun with a reserved version (0x1a2a3a4a): tshark derives keys rawcap does not know, fails to decrypt, and shows the packet number its header protection mask gives"},
	"tcpdump/tests_timestamp_invalid_micro.pcap":           {nil, "", "a microsecond field past 999999: tshark and pcapio normalise it differently"},
	"libpcap/tests_filter_AH-IPcomp-IPv6.pcap":             {nil, "", "AH then IPComp: tshark inflates the compressed segments rawcap leaves as data, so its TCP analysis sees segments rawcap does not"},
	"tcpdump/tests_icmp-cksum-oobr-4.pcapng":               {nil, "", "an IPv4 total length past the frame: tshark reads the ICMP extensions to the frame's end, rawcap's stop at the captured bytes short of the length the IP header gives"},
}

// columnsVocabulary is every Protocol column value rawcap prints. A row
// where tshark prints another protocol is one rawcap does not dissect: it
// is counted, not failed.
var columnsVocabulary = map[string]bool{
	"ARP": true, "IPv4": true, "IPv6": true, "ICMP": true, "ICMPv6": true, "TCP": true, "UDP": true,
	"DNS": true, "HTTP": true, "TLSv1": true, "TLSv1.1": true, "TLSv1.2": true, "TLSv1.3": true, "SSLv3": true,
	"SSL": true, "DHCP": true, "NTP": true, "VXLAN": true, "GRE": true, "ETHER": true, "LLC": true, "RARP": true,
	"IP": true, "SLL": true, "NULL": true, "BOOTP": true, "ESP": true,
	"PIMv2": true, "PIMv1": true, "MACSEC": true,
	"VRRP": true, "HSRP": true, "RADIUS": true,
	"SCTP": true,
	"OSPF": true, "BFD": true, "BGP": true, "RIPv1": true, "RIPv2": true, "RIPng": true, // "BFD Control": the column's first word
	"STP": true, "LLDP": true, "MPLS": true, "UDLD": true, "CDP": true, "PPPoED": true, "PPP": true, "NHRP": true, "LACP": true, "DTP": true, "Q.933": true,
	"TELNET": true, "Syslog": true, "DHCPv6": true,
	"SSH": true, "SSHv2": true, "SSHv1": true,
	"TFTP":   true,
	"HTTP2":  true,
	"EAPOL":  true,
	"EAP":    true,
	"QUIC":   true,
	"Babel":  true,
	"sFlow":  true,
	"SNMP":   true,
	"IGMPv1": true, "IGMPv2": true, "IGMPv3": true, "IGMP": true,
	"802.11": true,
	"SIP":    true, "SIP/SDP": true, "RTP": true, "RTCP": true,
	"MDNS": true, "LLMNR": true, "NBNS": true,
	"ERSPAN": true, "VLAN": true, "802.1ad": true, "AH": true,
	"RPC": true, "NFS": true, "Portmap": true,
	"RESP":             true,
	"LDP":              true,
	"RSVP":             true,
	"DCCP":             true,
	"LISP":             true,
	"PPTP":             true,
	"PGM":              true,
	"L2TP":             true,
	"CHDLC":            true,
	"KRB4":             true,
	"vSocket":          true,
	"PTPv2":            true,
	"DB-LSP-DISC/JSON": true, "DB-LSP-DISC": true,
	"ISIS": true, // "ISIS HELLO", "ISIS LSP", "ISIS CSNP": the column's first word
	"ESIS": true,
	"ENIP": true, "CIP": true, // "CIP CM": the column's first word
	"OpenFlow": true,
	"AoE":      true,
	"LOOP":     true,
}

// tsharkColumns returns the rows `TZ=UTC tshark -n -r path` prints,
// cached under the user's cache directory by file hash and tshark version.
func tsharkColumns(t *testing.T, path, version string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(append(data, version...))
	var cache string
	if dir, err := os.UserCacheDir(); err == nil {
		cache = filepath.Join(dir, "rawcap-columns-difftest", hex.EncodeToString(sum[:16])+".txt")
		if out, err := os.ReadFile(cache); err == nil {
			return splitRows(out), nil
		}
	}
	cmd := exec.Command("tshark", "-n", "-r", path)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, _ := cmd.Output() // a file cut short exits 2 after its good rows
	if cache != "" {
		if err := os.MkdirAll(filepath.Dir(cache), 0o755); err == nil {
			tmp := cache + ".tmp" + fmt.Sprint(os.Getpid())
			if os.WriteFile(tmp, out, 0o644) == nil {
				os.Rename(tmp, cache)
			}
		}
	}
	return splitRows(out), nil
}

func splitRows(out []byte) []string {
	out = bytes.TrimSuffix(out, []byte("\n"))
	if len(out) == 0 {
		return nil
	}
	return strings.Split(string(out), "\n")
}

// columnsOf prints the rows of cf as rawcap read --columns does, and says
// for each whether rawcap left bytes undissected (no layer at all, or a
// payload no dissector claimed).
func columnsOf(cf *corpusFile) ([]string, []bool) {
	d := decode.NewDecoder()
	cp := &decode.ColumnsPrinter{}
	if r, err := pcapio.Open(cf.path); err == nil {
		for {
			if _, err := r.Next(); err != nil {
				break // the interface list is complete at the end
			}
		}
		for _, in := range r.Interfaces() {
			cp.Precision = append(cp.Precision, decode.TimePrecision(in.TSResol))
		}
		r.Close()
	}
	var rows []string
	var partial []bool
	var buf []byte
	for i := range cf.packets {
		pk := &cf.packets[i]
		d.Decode(pk.Data, pk.LinkType)
		layers := d.Layers()
		part := len(layers) == 0 || layers[len(layers)-1].Type == decode.LayerPayload && !layers[len(layers)-1].Quoted
		f := decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length, Interface: pk.Interface}
		buf = cp.Append(buf[:0], d, &f)
		rows = append(rows, strings.TrimSuffix(string(buf), "\n"))
		partial = append(partial, part)
	}
	return rows, partial
}

// protoColumn returns the Protocol column of a row: the word after the
// Destination, which tshark pads to at least 12 bytes.
func protoColumn(row string) string {
	i := strings.Index(row, " → ")
	if i < 0 {
		return "?"
	}
	rest := row[i+len(" → "):]
	// Destination (at least 12 bytes, blank when unknown), then the
	// protocol.
	j := strings.IndexByte(rest, ' ')
	if j < 12 {
		j = 12
	}
	if j > len(rest) {
		return "?"
	}
	rest = strings.TrimLeft(rest[j:], " ")
	if k := strings.IndexByte(rest, ' '); k >= 0 {
		rest = rest[:k]
	}
	return rest
}

func TestColumnsMatchTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	if testing.Short() {
		t.Skip("-short: the columns differential test runs tshark once per corpus file")
	}
	vout, err := exec.Command("tshark", "-v").Output()
	if err != nil {
		t.Skipf("tshark -v: %v", err)
	}
	version, _, _ := strings.Cut(string(vout), "\n")
	files := loadCorpus(t)
	type stat struct{ same, total int }
	var (
		mu      sync.Mutex
		perProt = map[string]*stat{}
		foreign = map[string]int{}
		fails   []string
		allowed int
		skipped int
	)
	work := make(chan *corpusFile)
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for cf := range work {
				if cf.golden.RC != 0 || len(cf.golden.Packets) != len(cf.packets) {
					continue
				}
				theirs, err := tsharkColumns(t, cf.path, version)
				if err != nil || len(theirs) != len(cf.packets) {
					mu.Lock()
					skipped += len(cf.packets)
					mu.Unlock()
					continue
				}
				mine, partial := columnsOf(cf)
				mu.Lock()
				for i := range theirs {
					want, got := theirs[i], mine[i]
					wp := protoColumn(want)
					reassembled := strings.HasSuffix(want, "[TCP segment of a reassembled PDU]") && wp == "TCP"
					if !columnsVocabulary[wp] || partial[i] && (wp != protoColumn(got) || reassembled) {
						// tshark dissected (or gathered for a later
						// segment) bytes rawcap leaves as data.
						foreign[wp]++
						continue
					}
					s := perProt[wp]
					if s == nil {
						s = &stat{}
						perProt[wp] = s
					}
					s.total++
					if want == got {
						s.same++
						continue
					}
					key := fmt.Sprintf("%s#%d", cf.name, i+1)
					if a, ok := columnsDiffAllow[cf.name]; ok && (a.rows == nil || slices.Contains(a.rows, i+1)) && strings.Contains(want, a.marker) {
						allowed++ // known and explained
						continue
					}
					fails = append(fails, fmt.Sprintf("%s:\n  tshark %s\n  rawcap %s", key, want, got))
				}
				mu.Unlock()
			}
		}()
	}
	for _, cf := range files {
		work <- cf
	}
	close(work)
	wg.Wait()
	var names []string
	same, total := 0, 0
	for k, s := range perProt {
		names = append(names, k)
		same += s.same
		total += s.total
	}
	sort.Strings(names)
	var tab strings.Builder
	fmt.Fprintf(&tab, "tshark -n columns: %d/%d rows identical, %d allowed, %d differ (%d packets skipped)\n", same, total, allowed, len(fails), skipped)
	for _, k := range names {
		fmt.Fprintf(&tab, "  %-8s %6d/%d\n", k, perProt[k].same, perProt[k].total)
	}
	var fn []string
	nf := 0
	for k, n := range foreign {
		fn = append(fn, fmt.Sprintf("%s=%d", k, n))
		nf += n
	}
	sort.Strings(fn)
	fmt.Fprintf(&tab, "  rows for protocols rawcap does not dissect: %d (%s)", nf, strings.Join(fn, " "))
	t.Log(tab.String())
	sort.Strings(fails)
	if dump := os.Getenv("RAWCAP_COLUMNS_DIFF"); dump != "" {
		os.WriteFile(dump, []byte(strings.Join(fails, "\n")+"\n"), 0o644)
	}
	for i, f := range fails {
		if i == 30 {
			t.Errorf("… and %d more rows differ", len(fails)-30)
			break
		}
		t.Error(f)
	}
}
