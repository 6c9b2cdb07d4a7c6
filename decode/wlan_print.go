package decode

import "strconv"

// tcpdump's one-liners for radiotap and 802.11 (print-802_11.c): the radio
// fields, then with -e the MAC header's flags (-v), duration (-v) and
// addresses, then the frame.

// lineRadiotap appends the radiotap fields as tcpdump prints them ("1.0
// Mb/s 2412 MHz 11b -71dBm signal antenna 1 ") and the 802.11 frame.
func (p *LinePrinter) lineRadiotap(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" {
		return append(b, "[|802.11_radio]"...)
	}
	r := Radiotap(d.data[l.Start:l.Payload])
	fs := r.fields()
	present := r.presentWord(0)
	for _, k := range fs.order[:fs.n] {
		at := r[fs.off[k]:]
		switch k {
		case rtTSFT:
			b = strconv.AppendUint(b, le64(at), 10)
			b = append(b, "us tsft "...)
		case rtFlags:
			v := at[0]
			if v&0x01 != 0 {
				b = append(b, "cfp "...)
			}
			if v&rtFlagsShortPreamble != 0 {
				b = append(b, "short preamble "...)
			}
			if v&rtFlagsWEP != 0 {
				b = append(b, "wep "...)
			}
			if v&rtFlagsFrag != 0 {
				b = append(b, "fragmented "...)
			}
			if v&rtFlagsBadFCS != 0 {
				b = append(b, "bad-fcs "...)
			}
		case rtRate:
			if at[0]&0x80 == 0 {
				b = appendRate10(b, int(at[0])*5)
				b = append(b, " Mb/s "...)
			}
		case rtChannel:
			b = appendTcpdumpChannel(b, le16(at), le16(at[2:]), present)
		case rtDBmSignal:
			b = strconv.AppendInt(b, int64(int8(at[0])), 10)
			b = append(b, "dBm signal "...)
		case rtDBmNoise:
			b = strconv.AppendInt(b, int64(int8(at[0])), 10)
			b = append(b, "dBm noise "...)
		case rtQuality:
			b = strconv.AppendUint(b, uint64(le16(at)), 10)
			b = append(b, " sq "...)
		case rtAntenna:
			b = append(b, "antenna "...)
			b = strconv.AppendUint(b, uint64(at[0]), 10)
			b = append(b, ' ')
		case rtDBSignal:
			b = strconv.AppendUint(b, uint64(at[0]), 10)
			b = append(b, "dB signal "...)
		case rtDBNoise:
			b = strconv.AppendUint(b, uint64(at[0]), 10)
			b = append(b, "dB noise "...)
		case rtMCS:
			b = appendTcpdumpMCS(b, at)
		case rtVHT:
			b = appendTcpdumpVHT(b, at)
		}
	}
	// The fields tcpdump 4.99 does not know stop its walk.
	for bit := 22; bit < 29; bit++ {
		if present&(1<<bit) != 0 {
			b = append(b, "[bit "...)
			b = strconv.AppendInt(b, int64(bit), 10)
			b = append(b, "] "...)
			break
		}
	}
	if i+1 >= d.n {
		return append(b, "[|802.11]"...)
	}
	return p.lineLayer(b, d, i+1)
}

// appendTcpdumpChannel appends "2412 MHz 11b ".
func appendTcpdumpChannel(b []byte, freq, fl uint16, present uint32) []byte {
	b = strconv.AppendUint(b, uint64(freq), 10)
	b = append(b, " MHz"...)
	if present&(1<<rtMCS) != 0 {
		b = append(b, " 11n"...)
	} else {
		if fl&(rtChan2GHz|rtChanGFSK) == rtChan2GHz|rtChanGFSK {
			b = append(b, " FHSS"...)
		}
		half, quarter := fl&0x4000 != 0, fl&0x8000 != 0
		if fl&(rtChan5GHz|rtChanOFDM) == rtChan5GHz|rtChanOFDM {
			switch {
			case half:
				b = append(b, " 11a/10Mhz"...)
			case quarter:
				b = append(b, " 11a/5Mhz"...)
			default:
				b = append(b, " 11a"...)
			}
		}
		if fl&(rtChan2GHz|rtChanOFDM) == rtChan2GHz|rtChanOFDM || fl&(rtChan2GHz|rtChanDyn) == rtChan2GHz|rtChanDyn {
			switch {
			case half:
				b = append(b, " 11g/10Mhz"...)
			case quarter:
				b = append(b, " 11g/5Mhz"...)
			default:
				b = append(b, " 11g"...)
			}
		} else if fl&(rtChan2GHz|rtChanCCK) == rtChan2GHz|rtChanCCK {
			b = append(b, " 11b"...)
		}
		if fl&rtChanTurbo != 0 {
			b = append(b, " Turbo"...)
		}
	}
	return append(b, ' ')
}

// appendTcpdumpMCS appends the MCS field ("150.0 Mb/s MCS 7 40 MHz short
// GI RX-STBC1 ").
func appendTcpdumpMCS(b []byte, at []byte) []byte {
	known, fl, idx := at[0], at[1], at[2]
	if known&2 != 0 {
		if idx < 32 && known&1 != 0 && known&4 != 0 && fl&3 <= 1 {
			b = appendRate10(b, htRate10(idx, fl&3 == 1, fl&4 != 0))
			b = append(b, " Mb/s "...)
		}
		b = append(b, "MCS "...)
		b = strconv.AppendUint(b, uint64(idx), 10)
		b = append(b, ' ')
	}
	if known&1 != 0 {
		switch fl & 3 {
		case 0:
			b = append(b, "20 MHz "...)
		case 1:
			b = append(b, "40 MHz "...)
		case 2:
			b = append(b, "20 MHz (L) "...)
		default:
			b = append(b, "20 MHz (U) "...)
		}
	}
	if known&4 != 0 {
		if fl&4 != 0 {
			b = append(b, "short GI "...)
		} else {
			b = append(b, "long GI "...)
		}
	}
	if known&0x10 != 0 {
		if fl&0x10 != 0 {
			b = append(b, "LDPC FEC "...)
		} else {
			b = append(b, "BCC FEC "...)
		}
	}
	if known&0x20 != 0 && fl>>5&3 != 0 {
		b = append(b, "RX-STBC"...)
		b = strconv.AppendUint(b, uint64(fl>>5&3), 10)
		b = append(b, ' ')
	}
	return b
}

// tcpdumpVHTBandwidths are tcpdump's names of radiotap's VHT bandwidths
// (its table repeats "UUU" at 21).
var tcpdumpVHTBandwidths = [26]string{
	"20 MHz", "40 MHz", "20 MHz (L)", "20 MHz (U)", "80 MHz", "80 MHz (L)", "80 MHz (U)",
	"80 MHz (LL)", "80 MHz (LU)", "80 MHz (UL)", "80 MHz (UU)", "160 MHz", "160 MHz (L)",
	"160 MHz (U)", "160 MHz (LL)", "160 MHz (LU)", "160 MHz (UL)", "160 MHz (UU)",
	"160 MHz (LLL)", "160 MHz (LLU)", "160 MHz (LUL)", "160 MHz (UUU)", "160 MHz (ULL)",
	"160 MHz (ULU)", "160 MHz (UUL)", "160 MHz (UUU)",
}

// appendTcpdumpVHT appends the VHT field ("User 0 MCS 7 BCC FEC 80 MHz
// long GI ").
func appendTcpdumpVHT(b []byte, at []byte) []byte {
	known, fl, bw, coding := le16(at), at[2], at[3], at[8]
	for u := range 4 {
		nss, mcs := at[4+u]&0xf, at[4+u]>>4
		if nss == 0 {
			continue
		}
		b = append(b, "User "...)
		b = strconv.AppendInt(b, int64(u), 10)
		b = append(b, " MCS "...)
		b = strconv.AppendUint(b, uint64(mcs), 10)
		b = append(b, ' ')
		if coding&(1<<u) != 0 {
			b = append(b, "LDPC FEC "...)
		} else {
			b = append(b, "BCC FEC "...)
		}
	}
	if known&0x40 != 0 {
		if bw &= 0x1f; int(bw) < len(tcpdumpVHTBandwidths) {
			b = append(b, tcpdumpVHTBandwidths[bw]...)
		} else {
			b = append(b, "unknown ("...)
			b = strconv.AppendUint(b, uint64(bw), 10)
			b = append(b, ')')
		}
		b = append(b, ' ')
	}
	if known&0x04 != 0 {
		if fl&0x04 != 0 {
			b = append(b, "short GI "...)
		} else {
			b = append(b, "long GI "...)
		}
	}
	return b
}

// tcpdump's names of management subtypes.
var wlanMgmtNames = [16]string{
	"Assoc Request", "Assoc Response", "ReAssoc Request", "ReAssoc Response",
	"Probe Request", "Probe Response", "", "", "Beacon", "ATIM", "Disassociation",
	"Authentication", "DeAuthentication", "Action", "", "",
}

// lineWLAN appends an 802.11 frame as tcpdump prints it.
func (p *LinePrinter) lineWLAN(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" {
		return append(b, "[|802.11]"...)
	}
	w := WLAN(d.data[l.Start : l.Start+wlanHeaderLenOf(d, i)])
	if p.Options.Link {
		b = p.appendWLANLink(b, w)
	}
	switch w.Type() {
	case wlanMgmt:
		return p.appendWLANMgmt(b, w, d.data[l.Start+len(w):l.End])
	case wlanData:
		if w.Flags()&wlanProtected != 0 {
			iv := d.data[l.Start+len(w) : l.End]
			b = append(b, "Data"...)
			if len(iv) < 4 {
				return append(b, " [|802.11]"...)
			}
			v := le32(iv)
			b = append(b, " IV:"...)
			b = appendPadHex(b, uint64(v&0xffffff), 3)
			b = append(b, " Pad "...)
			b = strconv.AppendUint(b, uint64(v>>24&0x3f), 16)
			b = append(b, " KeyID "...)
			b = strconv.AppendUint(b, uint64(v>>30), 16)
			return b
		}
		if i+1 < d.n && d.layers[i+1].Type == LayerLLC {
			return p.lineWLANLLC(b, d, i+1)
		}
		return b
	}
	return b
}

// appendPadHex appends v in hex, right-aligned in width (printf's %3x).
func appendPadHex(b []byte, v uint64, width int) []byte {
	n := 1
	for x := v >> 4; x > 0; x >>= 4 {
		n++
	}
	for ; n < width; n++ {
		b = append(b, ' ')
	}
	return strconv.AppendUint(b, v, 16)
}

// lineWLANLLC prints what an 802.11 data frame's LLC header carries:
// tcpdump goes straight to the EtherType's protocol after SNAP.
func (p *LinePrinter) lineWLANLLC(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed == "" && i+1 < d.n {
		c := LLC(d.data[l.Start:l.Payload])
		if c.IsSNAP() && c.OUI() == 0 {
			if p.Options.Link {
				// With -e tcpdump shows the LLC header as after 802.3.
				b = append(b, "LLC, dsap SNAP (0xaa) Individual, ssap SNAP (0xaa) Command, ctrl 0x03: oui Ethernet (0x000000), "...)
				// snap_print: the EtherType in full, -q or not.
				b = append(b, "ethertype "...)
				b = append(b, etherTypeName(c.PID())...)
				b = append(b, " (0x"...)
				b = appendHex4(b, c.PID())
				b = append(b, "), length "...)
				b = strconv.AppendInt(b, int64(l.End-l.Payload), 10)
				b = append(b, ": "...)
			}
			return p.lineLayer(b, d, i+1)
		}
	}
	return p.lineLayer(b, d, i)
}

// appendWLANLink appends what -e adds: with -v the flags and duration,
// then the addresses.
func (p *LinePrinter) appendWLANLink(b []byte, w WLAN) []byte {
	fl := w.Flags()
	if p.Options.Verbose > 0 {
		for _, f := range [...]struct {
			bit  uint8
			name string
		}{{wlanMoreData, "More Data "}, {wlanMoreFrag, "More Fragments "}, {wlanPwrMgt, "Pwr Mgmt "},
			{wlanRetry, "Retry "}, {wlanOrder, "Strictly Ordered "}, {wlanProtected, "Protected "}} {
			if fl&f.bit != 0 {
				b = append(b, f.name...)
			}
		}
		if len(w) >= 4 && !(w.Type() == wlanCtrl && w.Subtype() == 10) {
			b = strconv.AppendUint(b, uint64(w.Duration()), 10)
			b = append(b, "us "...)
		}
	}
	addr := func(b []byte, label string, k int) []byte {
		a, _ := w.Addr(k)
		b = append(b, label...)
		b = a.AppendTo(b)
		return append(b, ' ')
	}
	switch w.Type() {
	case wlanMgmt:
		b = addr(b, "BSSID:", 3)
		b = addr(b, "DA:", 1)
		b = addr(b, "SA:", 2)
	case wlanData:
		sub := w.Subtype()
		if sub&0xb != 0 {
			b = append(b, "CF "...)
			switch sub & 3 {
			case 3:
				b = append(b, "Ack/Poll"...)
			case 1:
				b = append(b, "Ack"...)
			case 2:
				b = append(b, "Poll"...)
			}
			if sub&8 != 0 {
				b = append(b, "+QoS"...)
			}
			b = append(b, ' ')
		}
		switch fl & 3 {
		case 0:
			b = addr(b, "DA:", 1)
			b = addr(b, "SA:", 2)
			b = addr(b, "BSSID:", 3)
		case wlanFromDS:
			b = addr(b, "DA:", 1)
			b = addr(b, "BSSID:", 2)
			b = addr(b, "SA:", 3)
		case wlanToDS:
			b = addr(b, "BSSID:", 1)
			b = addr(b, "SA:", 2)
			b = addr(b, "DA:", 3)
		default:
			b = addr(b, "RA:", 1)
			b = addr(b, "TA:", 2)
			b = addr(b, "DA:", 3)
			b = addr(b, "SA:", 4)
		}
	}
	return b
}

// wlanElements is what tcpdump takes from a management frame's tagged
// parameters.
type wlanElements struct {
	ssid     []byte
	hasSSID  bool
	rates    []byte
	hasRates bool
	channel  uint8
	hasDS    bool
	ok       bool // every element fits
}

func parseWLANElements(tags []byte) (e wlanElements) {
	e.ok = true
	for off := 0; off < len(tags); {
		if off+2 > len(tags) || off+2+int(tags[off+1]) > len(tags) {
			e.ok = false
			return e
		}
		v := tags[off+2 : off+2+int(tags[off+1])]
		switch tags[off] {
		case 0:
			if !e.hasSSID {
				e.ssid, e.hasSSID = v, true
			}
		case 1:
			if !e.hasRates {
				e.rates, e.hasRates = v, true
			}
		case 3:
			if len(v) >= 1 && !e.hasDS {
				e.channel, e.hasDS = v[0], true
			}
		}
		off += 2 + len(v)
	}
	return e
}

// appendWLANMgmt appends a management frame: its name and body.
func (p *LinePrinter) appendWLANMgmt(b []byte, w WLAN, body []byte) []byte {
	sub := w.Subtype()
	b = append(b, wlanMgmtNames[sub]...)
	fixed := wlanFixedLen(sub)
	if fixed < 0 {
		return b
	}
	if len(body) < fixed {
		return append(b, " [|802.11]"...)
	}
	el := parseWLANElements(body[fixed:])
	ssid := func(b []byte) []byte {
		if el.hasSSID {
			b = append(b, " ("...)
			for _, c := range el.ssid {
				if c >= 0x20 && c < 0x7f {
					b = append(b, c)
				} else {
					b = append(b, '.')
				}
			}
			b = append(b, ')')
		}
		return b
	}
	rates := func(b []byte) []byte {
		if el.hasRates {
			b = append(b, " ["...)
			for _, r := range el.rates {
				b = appendRate10(b, int(r&0x7f)*5)
				if r&0x80 != 0 {
					b = append(b, '*')
				}
				b = append(b, ' ')
			}
			b = append(b, "Mbit]"...)
		}
		return b
	}
	channel := func(b []byte) []byte {
		if el.hasDS {
			b = append(b, " CH: "...)
			b = strconv.AppendUint(b, uint64(el.channel), 10)
		}
		return b
	}
	switch sub {
	case wlanBeacon, wlanProbeResp:
		c := le16(body[10:])
		b = ssid(b)
		b = rates(b)
		if sub == wlanBeacon {
			if c&1 != 0 {
				b = append(b, " ESS"...)
			} else {
				b = append(b, " IBSS"...)
			}
		}
		b = channel(b)
		if c&0x10 != 0 {
			b = append(b, ", PRIVACY"...)
		}
	case wlanProbeReq, wlanAssocReq:
		b = ssid(b)
		b = rates(b)
	case wlanReassocReq:
		b = ssid(b)
		b = append(b, " AP : "...)
		b = MAC(body[4:10]).AppendTo(b)
	case wlanAssocResp, wlanReassocResp:
		b = append(b, " AID("...)
		b = strconv.AppendUint(b, uint64(le16(body[4:])&0x3fff), 16)
		b = append(b, ") :"...)
		if le16(body)&0x10 != 0 {
			b = append(b, " PRIVACY "...)
		}
		b = append(b, ": "...)
		b = append(b, tcpdumpStatusText(le16(body[2:]))...)
	case wlanDisassoc:
		b = append(b, ": "...)
		b = append(b, tcpdumpReasonText(le16(body))...)
	case wlanDeauth:
		if !p.Options.Link {
			b = append(b, " ("...)
			a, _ := w.Addr(2)
			b = a.AppendTo(b)
			b = append(b, ')')
		}
		b = append(b, ": "...)
		b = append(b, tcpdumpReasonText(le16(body))...)
	case wlanAuth:
		alg, seq, status := le16(body), le16(body[2:]), le16(body[4:])
		b = append(b, " ("...)
		switch alg {
		case 0:
			b = append(b, "Open System"...)
		case 1:
			b = append(b, "Shared Key"...)
		case 2:
			b = append(b, "Fast BSS Transition"...)
		case 3:
			b = append(b, "Simultaneous Authentication of Equals (SAE)"...)
		default:
			b = append(b, "Reserved"...)
		}
		b = append(b, ")-"...)
		b = strconv.AppendUint(b, uint64(seq), 16)
		b = append(b, ": "...)
		if seq%2 == 1 {
			b = append(b, tcpdumpStatusText(status)...)
		}
	}
	return b
}

// tcpdumpStatusText returns tcpdump's text for a status code (those it
// prints for the corpus frames and the common ones).
func tcpdumpStatusText(c uint16) string {
	switch c {
	case 0:
		return "Successful"
	case 1:
		return "Unspecified failure"
	}
	return "n/a"
}

// tcpdumpReasonText returns tcpdump 4.99's text for a reason code.
func tcpdumpReasonText(c uint16) string {
	if int(c) < len(tcpdumpReasons) && tcpdumpReasons[c] != "" {
		return tcpdumpReasons[c]
	}
	return "Reserved"
}

// tcpdumpReasons are tcpdump 4.99's reason texts, as it prints them for
// the reason-code captures of its own tests.
var tcpdumpReasons = [...]string{
	1:  "Unspecified reason",
	4:  "Disassociated due to inactivity",
	6:  "Class 2 frame received from nonauthenticated STA",
	8:  "Disassociated because sending STA is leaving (or has left) BSS",
	11: "Disassociated because the information in the Supported Channels element is unacceptable",
	13: "Invalid element, i.e., an element defined in this standard for which the content does not meet the specifications in Clause 9",
	15: "4-Way Handshake timeout",
	16: "Group key handshake timeout",
	19: "Invalid pairwise cipher",
	20: "Invalid AKMP",
	22: "Invalid RSNE capabilities",
	25: "TDLS direct-link teardown due to TDLS peer STA unreachable via the TDLS direct link",
	30: "Requested service not authorized in this location",
	31: "TS deleted because QoS AP lacks sufficient bandwidth for this QoS STA due to a change in BSS service characteristics or operational mode (e.g. an HT BSS change from 40 MHz channel to 20 MHz channel)",
	32: "Disassociated for unspecified, QoS-related reason",
	33: "Disassociated because QoS AP lacks sufficient bandwidth for this QoS STA",
	34: "Disassociated because of excessive number of frames that need to be acknowledged, but are not acknowledged due to AP transmissions and/or poor channel conditions",
	35: "Disassociated because STA is transmitting outside the limits of its TXOPs",
	36: "Requested from peer STA as the STA is leaving the BSS (or resetting)",
	38: "Requested from peer STA as the STA received frames using the mechanism for which a set up is required",
	40: "Reserved",
	41: "Reserved",
	45: "Peer STA does not support the requested cipher suite",
	46: "In a DLS Teardown frame: The teardown was initiated by the DLS peer. In a Disassociation frame: Disassociated because authorized access limit reached",
	47: "In a DLS Teardown frame: The teardown was initiated by the AP. In a Disassociation frame: Disassociated due to external service requirements",
	51: "Invalid FTE",
	52: "Mesh peering canceled for unknown reasons",
	55: "The mesh STA has received a Mesh Peering Close frame requesting to close the mesh peering",
	56: "The mesh STA has resent dot11MeshMaxRetries Mesh Peering Open frames, without receiving a Mesh Peering Confirm frame",
	57: "The confirmTimer for the mesh peering instance times out",
	58: "The mesh STA fails to unwrap the GTK or the values in the wrapped contents do not match",
	61: "The mesh STA does not have proxy information for this external destination",
	65: "The mesh STA performs channel switch to meet regulatory requirements",
}
