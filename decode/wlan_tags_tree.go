package decode

import (
	"math/bits"
	"strconv"
)

// Organisationally unique identifiers of the vendor elements rawcap draws.
const (
	ouiMicrosoft = 0x0050f2
	ouiCisco     = 0x004096
	ouiWFA       = 0x506f9a
	ouiIEEE80211 = 0x000fac
)

// wlanOUIName returns tshark's name for the OUIs of the vendor elements and
// cipher suites rawcap draws, or "".
func wlanOUIName(oui uint32) string { return wlanOUINames.Name(uint64(oui)) }

// wlanOUINames names the OUIs of the vendor elements and suites rawcap
// draws, as Wireshark's manufacturer table does (sorted by value).
var wlanOUINames = ValueNames{Values: []ValueName{
	{ouiIEEE80211, "Ieee 802.11"},
	{ouiCisco, "Cisco Systems, Inc"},
	{ouiMicrosoft, "Microsoft Corp."},
	{ouiWFA, "Wi-Fi Alliance"},
}}

// wlanTagLayout returns the fixed layout of element num with body v, or nil
// when rawcap draws it otherwise (or not at all at that length).
func wlanTagLayout(num uint8, v []byte) []wlanTagItem {
	switch num {
	case 45:
		if len(v) == 26 {
			return wlanLayoutHTCap[:]
		}
	case 61:
		if len(v) == 22 {
			return wlanLayoutHTInfo[:]
		}
	case 191:
		if len(v) == 12 {
			return wlanLayoutVHTCap[:]
		}
	case 192:
		if len(v) == 5 {
			return wlanLayoutVHTOp[:]
		}
	case 127:
		return wlanLayoutExtCap[:]
	case 107:
		return wlanLayoutInterworking[:]
	case 195:
		return wlanLayoutTPE[:]
	}
	return nil
}

// wlanTagBody trims an element's body to what its layout covers: beyond
// eight octets of extended capabilities tshark draws bit 63 as part of a
// two-octet field, so rawcap stops after the seventh.
func wlanTagBody(num uint8, v []byte) []byte {
	if num == 127 && len(v) > 8 {
		return v[:7]
	}
	if num == 107 && len(v) > 1 {
		return v[:1]
	}
	return v
}

// wlanLE reads size (at most 8) bytes of b little-endian.
func wlanLE(b []byte, size int) uint64 {
	var v uint64
	for k := min(size, 8) - 1; k >= 0; k-- {
		v = v<<8 | uint64(b[k])
	}
	return v
}

// wlanFieldValue returns the value of field f in raw, shifted down by its
// mask.
func wlanFieldValue(f *Field, raw uint64) uint64 {
	if f.Mask == 0 {
		return raw
	}
	return (raw & f.Mask) >> bits.TrailingZeros64(f.Mask)
}

// wlanMaskDigits returns how many hex digits tshark shows a masked value
// with.
func wlanMaskDigits(f *Field) int {
	if f.Mask == 0 {
		return f.hexDigits()
	}
	m := f.Mask >> bits.TrailingZeros64(f.Mask)
	return (bits.Len64(m) + 3) / 4
}

// wlanFieldHidden reports whether tshark draws no line for field k read
// from raw (where rawcap does not know its wording).
func wlanFieldHidden(k int, raw uint64) bool {
	if k == wtHtMcssetTxmaxss {
		f := &wlanFields[k]
		return raw&1 != 0 || wlanFieldValue(f, raw) != 0
	}
	return false
}

// wlanFieldCustom reports whether tshark's line for field k is not the
// one drawn from its definition.
func wlanFieldCustom(k int) bool {
	switch k {
	case wtHtAmpduparamMaxlength, wtHtMcssetTxmaxss, wtExtcap, wtExtcapB63:
		return true
	}
	return false
}

// appendWLANFieldText appends the tree line of field k of wlanFields read
// from raw (b: its bytes, off: where they start in the element's body).
func appendWLANFieldText(out []byte, k int, raw uint64, b []byte, off int) []byte {
	f := &wlanFields[k]
	v := wlanFieldValue(f, raw)
	if f.Mask != 0 {
		out = appendBitDrawing(out, raw, int(f.Width), f.Mask)
		out = append(out, " = "...)
	}
	out = append(out, f.Label...)
	out = append(out, ": "...)
	hex := f.Base == BaseHex
	switch {
	case k == wtHtAmpduparamMaxlength:
		out = append(out, "0x"...)
		out = appendHexN(out, v, 1)
		out = append(out, " ("...)
		out = strconv.AppendUint(out, 1<<(13+v)-1, 10)
		out = append(out, "[Bytes])"...)
	case k == wtHtMcssetTxmaxss:
		out = append(out, "0x0, TX MCS Set Not Defined"...)
	case f.Kind == KindBool:
		out = appendBoolName(out, f, v != 0)
	case f.Kind == KindBytes:
		out = appendWSBytes(out, b)
	case f.Kind == KindString:
		out = appendWLANCString(out, b)
	case f.ValueNames() != nil && k != wtExtcapB63:
		name := f.ValueNames().Name(v)
		if name == "" {
			name = "Unknown"
		}
		out = append(out, name...)
		out = append(out, " ("...)
		if hex {
			out = append(out, "0x"...)
			out = appendHexN(out, v, wlanMaskDigits(f))
		} else {
			out = strconv.AppendUint(out, v, 10)
		}
		out = append(out, ')')
	case hex:
		out = append(out, "0x"...)
		out = appendHexN(out, v, wlanMaskDigits(f))
	default:
		out = strconv.AppendUint(out, v, 10)
	}
	if k == wtExtcap {
		out = append(out, " (octet "...)
		out = strconv.AppendInt(out, int64(off+1), 10)
		out = append(out, ')')
	}
	return out
}

// emitWLANItem emits field k of wlanFields read from raw (b: its bytes,
// off: where they start in the element's body), with tshark's line where
// it is not the one drawn from the definition.
func emitWLANItem(e *emitter, k int, raw uint64, b []byte, off int) {
	f := &wlanFields[k]
	switch f.Kind {
	case KindBool:
		if f.Mask != 0 {
			e.BoolBits(f, raw)
		} else {
			e.Bool(f, raw != 0)
		}
	case KindBytes:
		e.Bytes(f, b)
	case KindString:
		n := 0
		for n < len(b) && b[n] != 0 {
			n++
		}
		e.Bytes(f, b[:n])
	default:
		e.Uint(f, wlanFieldValue(f, raw))
	}
	if wlanFieldHidden(k, raw) {
		e.NoTree()
	} else if e.Tree() && wlanFieldCustom(k) {
		e.SetRepr(appendWLANFieldText(e.Text(), k, raw, b, off))
	}
}

// appendWLANCString appends a NUL-padded string field's text.
func appendWLANCString(b, s []byte) []byte {
	for _, c := range s {
		if c == 0 {
			break
		}
		b = append(b, c)
	}
	return b
}

// wlanExtraShown reports whether tshark adds layout line it of body v: a
// transmit power constraint only for the bandwidths the element counts.
func wlanExtraShown(v []byte, it wlanTagItem) bool {
	switch it.f {
	case wtxTpeConstr20, wtxTpeConstr40, wtxTpeConstr80:
		return int(it.f-wtxTpeConstr20) <= int(v[0]&7)
	}
	return true
}

// appendWLANExtra appends the text of layout line it of body v.
func appendWLANExtra(b, v []byte, it wlanTagItem) []byte {
	switch it.f {
	case wtxHtMcssetCap:
		b = append(b, "Rx Supported Modulation and Coding Scheme Set: MCS Set"...)
	case wtxHtMcssetBasic:
		b = append(b, "Rx Supported Modulation and Coding Scheme Set: Basic MCS Set"...)
	case wtxHtRxbitmask:
		b = append(b, "Rx Modulation and Coding Scheme (One bit per modulation): "...)
		m := v[it.off:]
		n := -1
		for k := 3; k >= 0; k-- {
			if m[k] != 0 {
				n = k
				break
			}
		}
		switch n {
		case -1:
			b = append(b, "Reserved:8"...)
		case 0:
			b = append(b, "1 spatial stream"...)
		default:
			b = strconv.AppendInt(b, int64(n+1), 10)
			b = append(b, " spatial streams"...)
		}
	case wtxVhtMcsset:
		b = append(b, "VHT Supported MCS Set"...)
	case wtxVhtOp:
		b = append(b, "VHT Operation Info"...)
	case wtxTpeConstr20, wtxTpeConstr40, wtxTpeConstr80:
		k := int(it.f - wtxTpeConstr20)
		b = append(b, "Local Max Tx Pwr Constraint "...)
		b = append(b, [3]string{"20", "40", "80"}[k]...)
		b = append(b, "MHz: "...)
		x := int(int8(v[it.off]))
		if x < 0 {
			b = append(b, '-')
			x = -x
		}
		b = strconv.AppendInt(b, int64(x/2), 10)
		if x%2 != 0 {
			b = append(b, ".5"...)
		} else {
			b = append(b, ".0"...)
		}
		b = append(b, " dBm"...)
	}
	return b
}

// wlanExtraField returns the field of layout line x (a wtx constant).
func wlanExtraField(x uint16) int {
	switch x {
	case wtxHtMcssetCap, wtxHtMcssetBasic:
		return wtHtMcsset
	case wtxHtRxbitmask:
		return wtHtMcssetRxbitmask
	case wtxVhtMcsset:
		return wtVhtMcsset
	case wtxVhtOp:
		return wtVhtOp
	case wtxTpeConstr20:
		return wtVhtTpePwrConstr20
	case wtxTpeConstr40:
		return wtVhtTpePwrConstr40
	}
	return wtVhtTpePwrConstr80
}

// emitWLANItems emits the fields of a fixed layout over body v, each at its
// depth below the current one, and the lines between them.
func emitWLANItems(e *emitter, num uint8, v []byte, items []wlanTagItem) {
	v = wlanTagBody(num, v)
	base := e.depth
	defer func() { e.depth = base }()
	for _, it := range items {
		if int(it.off)+int(it.size) > len(v) {
			return
		}
		e.depth = base + it.depth
		if int(it.f) >= wlanAllFieldCount {
			if !wlanExtraShown(v, it) {
				continue
			}
			if k := wlanExtraField(it.f); wlanFields[k].Kind == KindInt {
				e.Int(&wlanFields[k], int64(int8(v[it.off])))
			} else {
				e.None(&wlanFields[k])
			}
			if e.Tree() {
				e.SetRepr(appendWLANExtra(e.Text(), v, it))
			}
			continue
		}
		raw := uint64(0)
		if it.size <= 8 {
			raw = wlanLE(v[it.off:], int(it.size))
		}
		emitWLANItem(e, int(it.f), raw, v[it.off:int(it.off)+int(it.size)], int(it.off))
	}
}

// emitWLANField emits field k of wlanFields read from b.
func emitWLANField(e *emitter, k int, b []byte) {
	f := &wlanFields[k]
	switch f.Kind {
	case KindBool:
		e.Bool(f, wlanFieldValue(f, wlanLE(b, len(b))) != 0)
	case KindBytes:
		e.Bytes(f, b)
	case KindString:
		n := 0
		for n < len(b) && b[n] != 0 {
			n++
		}
		e.Bytes(f, b[:n])
	default:
		e.Uint(f, wlanFieldValue(f, wlanLE(b, len(b))))
	}
}

// wlanFromAP reports whether a management subtype is sent by an access
// point, which decides how tshark reads a WMM element's QoS info.
func wlanFromAP(sub uint8) bool {
	switch sub {
	case wlanBeacon, wlanProbeResp, wlanAssocResp, wlanReassocResp:
		return true
	}
	return false
}

// emitWLANTagBody emits the fields of the elements rawcap lays out, after
// their number and length, at the current depth.
func emitWLANTagBody(e *emitter, num uint8, v []byte, ap bool) {
	if items := wlanTagLayout(num, v); items != nil {
		emitWLANItems(e, num, v, items)
		return
	}
	switch num {
	case 36:
		for k := 0; k+2 <= len(v); k += 2 {
			e.None(&wlanFields[wtSupchan])
			if e.Tree() {
				b := strconv.AppendInt(append(e.Text(), "Supported Channels Set #"...), int64(k/2+1), 10)
				b = strconv.AppendInt(append(b, " First: "...), int64(v[k]), 10)
				b = strconv.AppendInt(append(b, ", Range: "...), int64(v[k+1]), 10)
				e.SetRepr(append(b, ' '))
			}
			e.Sub()
			emitWLANItem(e, wtSupchanFirst, uint64(v[k]), v[k:k+1], k)
			emitWLANItem(e, wtSupchanRange, uint64(v[k+1]), v[k+1:k+2], k+1)
			e.Up()
		}
	case 48:
		emitWLANRSN(e, v)
	case 133:
		if len(v) == 30 {
			emitWLANItem(e, wtCiscoCcx1Unknown, 0, v[:10], 0)
			emitWLANItem(e, wtCiscoCcx1Name, 0, v[10:26], 10)
			emitWLANItem(e, wtCiscoCcx1Clients, uint64(v[26]), v[26:27], 26)
			emitWLANItem(e, wtCiscoCcx1Unknown2, 0, v[27:30], 27)
		}
	case 221:
		emitWLANVendor(e, v, ap)
	}
}

// appendWLANSuite appends "00:0f:ac (Ieee 802.11) AES (CCM)" for a cipher
// or AKM suite of the IEEE's OUI, typed by field k.
func appendWLANSuite(b []byte, s []byte, k int) []byte {
	b = appendHex2(b, s[0])
	b = append(b, ':')
	b = appendHex2(b, s[1])
	b = append(b, ':')
	b = appendHex2(b, s[2])
	b = append(b, " (Ieee 802.11) "...)
	return append(b, wlanFields[k].ValueNames().Name(uint64(s[3]))...)
}

// wlanRSNSuiteOK reports whether suite s is one rawcap names: the IEEE's
// OUI and a type tshark has a name for.
func wlanRSNSuiteOK(s []byte, k int) bool {
	return uint32(s[0])<<16|uint32(s[1])<<8|uint32(s[2]) == ouiIEEE80211 &&
		wlanFields[k].ValueNames().Name(uint64(s[3])) != ""
}

// wlanRSNLayout returns the counts and where the capabilities start in an
// RSN element, or ok false when rawcap does not draw it.
func wlanRSNLayout(v []byte) (npcs, nakm, capOff int, ok bool) {
	if len(v) < 8 {
		return 0, 0, 0, false
	}
	npcs = int(le16(v[6:]))
	off := 8 + 4*npcs
	if off+2 > len(v) {
		return 0, 0, 0, false
	}
	nakm = int(le16(v[off:]))
	off += 2 + 4*nakm
	if off+2 > len(v) {
		return 0, 0, 0, false
	}
	return npcs, nakm, off, true
}

var wlanRSNCapItems = [...]uint16{
	wtRsnCapabilitiesPreauth, wtRsnCapabilitiesNoPairwise, wtRsnCapabilitiesPtksaReplayCounter,
	wtRsnCapabilitiesGtksaReplayCounter, wtRsnCapabilitiesMfpr, wtRsnCapabilitiesMfpc,
	wtRsnCapabilitiesJmr, wtRsnCapabilitiesPeerkey, wtRsnCapabilitiesExtendedKeyIdIaf,
}

// emitWLANSuite emits one suite (field suite: its OUI and type as one
// number), its OUI (field oui) and its type (field k).
func emitWLANSuite(e *emitter, s []byte, suite, oui, k int) {
	f := &wlanFields
	e.Uint(&f[suite], uint64(be32(s)))
	if e.Tree() {
		b := append(append(e.Text(), f[suite].Label...), ": "...)
		e.SetRepr(appendWLANSuite(b, s, k))
	}
	e.Sub()
	e.Uint(&f[oui], uint64(be32(s)>>8))
	emitWLANItem(e, k, uint64(s[3]), s[3:4], 3)
	e.Up()
}

// emitWLANSuiteList emits a list of suites (field list) under the line
// that lists them.
func emitWLANSuiteList(e *emitter, l []byte, list, suite, oui, k int) {
	e.None(&wlanFields[list])
	if e.Tree() {
		b := append(e.Text(), wlanFields[list].Label...)
		for s := 0; s+4 <= len(l); s += 4 {
			b = appendWLANSuite(append(b, ' '), l[s:], k)
		}
		e.SetRepr(b)
	}
	e.Sub()
	for s := 0; s+4 <= len(l); s += 4 {
		emitWLANSuite(e, l[s:s+4], suite, oui, k)
	}
	e.Up()
}

// emitWLANRSN emits an RSN element up to its capabilities; one whose
// suites rawcap cannot all name has its fields emitted but not drawn.
func emitWLANRSN(e *emitter, v []byte) {
	npcs, nakm, capOff, ok := wlanRSNLayout(v)
	if !ok {
		return
	}
	named := wlanRSNSuiteOK(v[2:], wtRsnGcsType)
	for k := 0; k < npcs; k++ {
		named = named && wlanRSNSuiteOK(v[8+4*k:], wtRsnPcsType)
	}
	a := capOff - 4*nakm
	for k := 0; k < nakm; k++ {
		named = named && wlanRSNSuiteOK(v[a+4*k:], wtRsnAkmsType)
	}
	if !named {
		emitWLANField(e, wtRsnVersion, v[:2])
		e.NoTree()
		hidden := func(k int, v uint64) {
			e.Uint(&wlanFields[k], v)
			e.NoTree()
		}
		suite := func(s []byte, suite, oui, k int) {
			hidden(suite, uint64(be32(s)))
			hidden(oui, uint64(be32(s)>>8))
			emitWLANField(e, k, s[3:4])
			e.NoTree()
		}
		suite(v[2:6], wtRsnGcs, wtRsnGcsOui, wtRsnGcsType)
		emitWLANField(e, wtRsnPcsCount, v[6:8])
		e.NoTree()
		e.None(&wlanFields[wtRsnPcsList])
		e.NoTree()
		for k := 0; k < npcs; k++ {
			suite(v[8+4*k:12+4*k], wtRsnPcs, wtRsnPcsOui, wtRsnPcsType)
		}
		emitWLANField(e, wtRsnAkmsCount, v[a-2:a])
		e.NoTree()
		e.None(&wlanFields[wtRsnAkmsList])
		e.NoTree()
		for k := 0; k < nakm; k++ {
			suite(v[a+4*k:a+4+4*k], wtRsnAkms, wtRsnAkmsOui, wtRsnAkmsType)
		}
		emitWLANField(e, wtRsnCapabilities, v[capOff:capOff+2])
		e.NoTree()
		for _, k := range wlanRSNCapItems {
			emitWLANField(e, int(k), v[capOff:capOff+2])
			e.NoTree()
		}
		return
	}
	emitWLANItem(e, wtRsnVersion, uint64(le16(v)), v[:2], 0)
	emitWLANSuite(e, v[2:6], wtRsnGcs, wtRsnGcsOui, wtRsnGcsType)
	emitWLANItem(e, wtRsnPcsCount, uint64(npcs), v[6:8], 6)
	emitWLANSuiteList(e, v[8:8+4*npcs], wtRsnPcsList, wtRsnPcs, wtRsnPcsOui, wtRsnPcsType)
	emitWLANItem(e, wtRsnAkmsCount, uint64(nakm), v[a-2:a], a-2)
	emitWLANSuiteList(e, v[a:capOff], wtRsnAkmsList, wtRsnAkms, wtRsnAkmsOui, wtRsnAkmsType)
	c := uint64(le16(v[capOff:]))
	emitWLANItem(e, wtRsnCapabilities, c, v[capOff:capOff+2], capOff)
	e.Sub()
	for _, k := range wlanRSNCapItems {
		emitWLANItem(e, int(k), c, v[capOff:capOff+2], capOff)
	}
	e.Up()
}

// wlanVendorKind tells which vendor element v (the body of element 221) is,
// among those rawcap draws: 0 none.
const (
	wvNone = iota
	wvWMM
	wvMSUnknown
	wvAironet
	wvHS20
	wvPMKID
)

func wlanVendorKind(v []byte) int {
	if len(v) < 4 {
		return wvNone
	}
	switch uint32(v[0])<<16 | uint32(v[1])<<8 | uint32(v[2]) {
	case ouiMicrosoft:
		switch v[3] {
		case 2:
			if len(v) >= 7 && (v[4] == 0 && len(v) == 7 || v[4] == 1 && len(v) == 24) {
				return wvWMM
			}
		case 1, 4:
		default:
			return wvMSUnknown
		}
	case ouiCisco:
		switch {
		case v[3] == 3 && len(v) == 5, v[3] == 20 && len(v) == 5:
			return wvAironet
		case v[3] == 1 || v[3] == 11 || wlanFields[wtAironetType].ValueNames().Name(uint64(v[3])) == "":
			if len(v) > 4 {
				return wvAironet // drawn as data
			}
		}
	case ouiWFA:
		if v[3] == 16 && len(v) == 5 {
			return wvHS20
		}
	case ouiIEEE80211:
		if v[3] == 4 && len(v) == 20 {
			return wvPMKID // a key data encapsulation in EAPOL key frames
		}
	}
	return wvNone
}

// appendWLANVendorHead appends, after "Tag: ", the name of a vendor
// element rawcap knows ("Vendor Specific: Microsoft Corp.: WMM/WME: …");
// ok false for one it does not.
func appendWLANVendorHead(b []byte, v []byte) ([]byte, bool) {
	kind := wlanVendorKind(v)
	if kind == wvNone {
		return b, false
	}
	b = append(b, "Vendor Specific: "...)
	b = append(b, wlanOUIName(uint32(v[0])<<16|uint32(v[1])<<8|uint32(v[2]))...)
	b = append(b, ": "...)
	switch kind {
	case wvWMM:
		b = append(b, "WMM/WME: "...)
		b = append(b, wlanFields[wtWfaIeWmeSubtype].ValueNames().Name(uint64(v[4]))...)
	case wvMSUnknown:
		b = append(b, "Unknown "...)
		b = strconv.AppendInt(b, int64(v[3]), 10)
	case wvAironet:
		b = append(b, "Aironet "...)
		switch v[3] {
		case 3:
			b = append(b, "CCX version = "...)
			b = strconv.AppendInt(b, int64(v[4]), 10)
		case 20:
			b = append(b, "Client MFP "...)
			if v[4]&1 != 0 {
				b = append(b, "Enabled"...)
			} else {
				b = append(b, "Disabled"...)
			}
		default:
			name := wlanFields[wtAironetType].ValueNames().Name(uint64(v[3]))
			if name == "" {
				name = "Unknown"
			}
			b = append(b, name...)
			b = append(b, " ("...)
			b = strconv.AppendInt(b, int64(v[3]), 10)
			b = append(b, ')')
		}
	case wvHS20:
		b = append(b, "Hotspot 2.0 Indication"...)
	case wvPMKID:
		b = append(b, "RSN PMKID"...)
	}
	return b, true
}

var wlanHS20Items = [...]uint16{
	wtHs20IndicationDgafDisabled, wtHs20IndicationPpsMoIdPresent, wtHs20IndicationAnqpDomainIdPresent,
	wtHs20IndicationReserved, wtHs20IndicationVersionNumber,
}

var (
	wlanWMMQoSAP  = [...]uint16{wtWfaIeWmeQosInfoApUApsd, wtWfaIeWmeQosInfoApParameterSetCount, wtWfaIeWmeQosInfoApReserved}
	wlanWMMQoSSTA = [...]uint16{
		wtWfaIeWmeQosInfoStaMaxSpLength, wtWfaIeWmeQosInfoStaAcBe, wtWfaIeWmeQosInfoStaAcBk,
		wtWfaIeWmeQosInfoStaAcVi, wtWfaIeWmeQosInfoStaAcVo, wtWfaIeWmeQosInfoStaReserved,
	}
)

func wlanWMMQoSItems(ap bool) []uint16 {
	if ap {
		return wlanWMMQoSAP[:]
	}
	return wlanWMMQoSSTA[:]
}

// emitWLANVendor emits the body of a vendor element rawcap knows.
func emitWLANVendor(e *emitter, v []byte, ap bool) {
	kind := wlanVendorKind(v)
	if len(v) >= 3 {
		e.Uint(&wlanFields[wtTagOui], uint64(v[0])<<16|uint64(v[1])<<8|uint64(v[2]))
		if kind == wvNone {
			e.NoTree() // rawcap draws nothing of the element's body
		}
	}
	if kind == wvNone {
		return
	}
	emitWLANItem(e, wtTagVendorOuiType, uint64(v[3]), v[3:4], 3)
	switch kind {
	case wvWMM:
		emitWLANItem(e, wtWfaIeType, uint64(v[3]), v[3:4], 3)
		emitWLANItem(e, wtWfaIeWmeSubtype, uint64(v[4]), v[4:5], 4)
		emitWLANItem(e, wtWfaIeWmeVersion, uint64(v[5]), v[5:6], 5)
		q := uint64(v[6])
		emitWLANItem(e, wtWfaIeWmeQosInfo, q, v[6:7], 6)
		e.Sub()
		for _, k := range wlanWMMQoSItems(ap) {
			emitWLANItem(e, int(k), q, v[6:7], 6)
		}
		e.Up()
		if v[4] != 1 {
			return
		}
		emitWLANItem(e, wtWfaIeWmeReserved, 0, v[7:8], 7)
		for ac := 8; ac+4 <= len(v); ac += 4 {
			emitWLANACParam(e, v[ac:ac+4])
		}
	case wvMSUnknown:
		if e.Tree() {
			b := appendHex2(append(e.Text(), "Type: Unknown (0x"...), v[3])
			e.Line(append(b, ')'))
		}
	case wvAironet:
		emitWLANItem(e, wtAironetType, uint64(v[3]), v[3:4], 3)
		switch v[3] {
		case 3:
			emitWLANItem(e, wtAironetVersion, uint64(v[4]), v[4:5], 4)
		case 20:
			emitWLANItem(e, wtAironetClientmfp, uint64(v[4]), v[4:5], 4)
		default:
			emitWLANItem(e, wtAironetData, 0, v[4:], 4)
		}
	case wvHS20:
		for _, k := range wlanHS20Items {
			emitWLANItem(e, int(k), uint64(v[4]), v[4:5], 4)
		}
	case wvPMKID:
		e.Uint(&wlanFields[wtRsnIeKdeDataType], 4)
		if e.Tree() {
			e.SetRepr(append(e.Text(), "Data Type: PMKID KDE (4)"...))
		}
		emitWLANItem(e, wtRsnIePmkid, 0, v[4:20], 4)
	}
}

// emitWLANACParam emits one WMM access category's parameters.
func emitWLANACParam(e *emitter, p []byte) {
	aci := p[0] >> 5 & 3
	ecw := p[1]
	txop := le16(p[2:])
	e.None(&wlanFields[wtWfaIeWmeAcp])
	if e.Tree() {
		b := strconv.AppendInt(append(e.Text(), "Ac Parameters ACI "...), int64(aci), 10)
		b = append(b, " ("...)
		b = append(b, wlanFields[wtWfaIeWmeAcpAci].ValueNames().Name(uint64(aci))...)
		b = append(b, "), ACM "...)
		if p[0]&0x10 != 0 {
			b = append(b, "yes"...)
		} else {
			b = append(b, "no"...)
		}
		b = strconv.AppendInt(append(b, ", AIFSN "...), int64(p[0]&15), 10)
		b = strconv.AppendInt(append(b, ", ECWmin/max "...), int64(ecw&15), 10)
		b = strconv.AppendInt(append(b, '/'), int64(ecw>>4), 10)
		b = strconv.AppendInt(append(b, " (CWmin/max "...), int64(1<<(ecw&15)-1), 10)
		b = strconv.AppendInt(append(b, '/'), int64(1<<(ecw>>4)-1), 10)
		b = strconv.AppendInt(append(b, "), TXOP "...), int64(txop), 10)
		e.SetRepr(b)
	}
	e.Sub()
	emitWLANItem(e, wtWfaIeWmeAcpAciAifsn, uint64(p[0]), p[:1], 0)
	e.Sub()
	for _, k := range [...]int{wtWfaIeWmeAcpAifsn, wtWfaIeWmeAcpAcm, wtWfaIeWmeAcpAci, wtWfaIeWmeAcpReserved} {
		emitWLANItem(e, k, uint64(p[0]), p[:1], 0)
	}
	e.Up()
	emitWLANItem(e, wtWfaIeWmeAcpEcw, uint64(ecw), p[1:2], 1)
	e.Sub()
	emitWLANItem(e, wtWfaIeWmeAcpEcwMax, uint64(ecw), p[1:2], 1)
	emitWLANItem(e, wtWfaIeWmeAcpEcwMin, uint64(ecw), p[1:2], 1)
	emitWLANItem(e, wtWfaIeWmeAcpCwMax, 1<<(ecw>>4)-1, p[1:2], 1)
	emitWLANItem(e, wtWfaIeWmeAcpCwMin, 1<<(ecw&15)-1, p[1:2], 1)
	e.Up()
	emitWLANItem(e, wtWfaIeWmeAcpTxopLimit, uint64(txop), p[2:4], 2)
	e.Up()
}
