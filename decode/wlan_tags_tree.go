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
func wlanOUIName(oui uint32) string {
	switch oui {
	case ouiMicrosoft:
		return "Microsoft Corp."
	case ouiCisco:
		return "Cisco Systems, Inc"
	case ouiWFA:
		return "Wi-Fi Alliance"
	case ouiIEEE80211:
		return "Ieee 802.11"
	}
	return ""
}

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

// treeWLANItems draws the lines of a fixed layout over body v.
func treeWLANItems(t *treeWriter, num uint8, v []byte, items []wlanTagItem) {
	v = wlanTagBody(num, v)
	for _, it := range items {
		if int(it.off)+int(it.size) > len(v) {
			return
		}
		t.depth = 3 + int(it.depth)
		raw := uint64(0)
		if it.size <= 8 {
			raw = wlanLE(v[it.off:], int(it.size))
		}
		if int(it.f) >= wlanAllFieldCount {
			treeWLANExtra(t, v, it)
			continue
		}
		treeWLANField(t, int(it.f), raw, v[it.off:int(it.off)+int(it.size)], int(it.off))
	}
}

// treeWLANField draws field k of wlanFields read from raw (b: its bytes,
// off: where they start in the element's body).
func treeWLANField(t *treeWriter, k int, raw uint64, b []byte, off int) {
	f := &wlanFields[k]
	v := wlanFieldValue(f, raw)
	switch k {
	case wtHtMcssetTxmaxss:
		if raw&1 != 0 || v != 0 {
			return // tshark's wording with a Tx MCS set is not known here
		}
	}
	if f.Mask != 0 {
		t.bits(raw, int(f.Width), f.Mask, f.Label)
	} else {
		t.line()
		t.b = append(t.b, f.Label...)
		t.b = append(t.b, ": "...)
	}
	hex := f.Base == BaseHex
	switch {
	case k == wtHtAmpduparamMaxlength:
		t.b = append(t.b, "0x"...)
		t.b = appendHexN(t.b, v, 1)
		t.b = append(t.b, " ("...)
		t.b = strconv.AppendUint(t.b, 1<<(13+v)-1, 10)
		t.b = append(t.b, "[Bytes])"...)
	case k == wtHtMcssetTxmaxss:
		t.b = append(t.b, "0x0, TX MCS Set Not Defined"...)
	case f.Kind == KindBool:
		yes, no, ok := f.BoolNames()
		if !ok {
			yes, no = "True", "False"
		}
		if v != 0 {
			t.b = append(t.b, yes...)
		} else {
			t.b = append(t.b, no...)
		}
	case f.Kind == KindBytes:
		t.b = appendWSBytes(t.b, b)
	case f.Kind == KindString:
		t.b = appendWLANCString(t.b, b)
	case f.ValueNames() != nil && k != wtExtcapB63:
		name := f.ValueNames().Name(v)
		if name == "" {
			name = "Unknown"
		}
		t.b = append(t.b, name...)
		t.b = append(t.b, " ("...)
		if hex {
			t.b = append(t.b, "0x"...)
			t.b = appendHexN(t.b, v, wlanMaskDigits(f))
		} else {
			t.b = strconv.AppendUint(t.b, v, 10)
		}
		t.b = append(t.b, ')')
	case hex:
		t.b = append(t.b, "0x"...)
		t.b = appendHexN(t.b, v, wlanMaskDigits(f))
	default:
		t.b = strconv.AppendUint(t.b, v, 10)
	}
	if k == wtExtcap {
		t.b = append(t.b, " (octet "...)
		t.b = strconv.AppendInt(t.b, int64(off+1), 10)
		t.b = append(t.b, ')')
	}
	t.end()
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

// treeWLANExtra draws a layout line that is not one field's value.
func treeWLANExtra(t *treeWriter, v []byte, it wlanTagItem) {
	t.line()
	switch it.f {
	case wtxHtMcssetCap:
		t.b = append(t.b, "Rx Supported Modulation and Coding Scheme Set: MCS Set"...)
	case wtxHtMcssetBasic:
		t.b = append(t.b, "Rx Supported Modulation and Coding Scheme Set: Basic MCS Set"...)
	case wtxHtRxbitmask:
		t.b = append(t.b, "Rx Modulation and Coding Scheme (One bit per modulation): "...)
		b := v[it.off:]
		n := -1
		for k := 3; k >= 0; k-- {
			if b[k] != 0 {
				n = k
				break
			}
		}
		switch n {
		case -1:
			t.b = append(t.b, "Reserved:8"...)
		case 0:
			t.b = append(t.b, "1 spatial stream"...)
		default:
			t.b = strconv.AppendInt(t.b, int64(n+1), 10)
			t.b = append(t.b, " spatial streams"...)
		}
	case wtxVhtMcsset:
		t.b = append(t.b, "VHT Supported MCS Set"...)
	case wtxVhtOp:
		t.b = append(t.b, "VHT Operation Info"...)
	case wtxTpeConstr20, wtxTpeConstr40, wtxTpeConstr80:
		k := int(it.f - wtxTpeConstr20)
		if k > int(v[0]&7) {
			t.b = t.b[:len(t.b)-4*(t.depth+t.indent)]
			return
		}
		t.b = append(t.b, "Local Max Tx Pwr Constraint "...)
		t.b = append(t.b, [3]string{"20", "40", "80"}[k]...)
		t.b = append(t.b, "MHz: "...)
		x := int(int8(v[it.off]))
		if x < 0 {
			t.b = append(t.b, '-')
			x = -x
		}
		t.b = strconv.AppendInt(t.b, int64(x/2), 10)
		if x%2 != 0 {
			t.b = append(t.b, ".5"...)
		} else {
			t.b = append(t.b, ".0"...)
		}
		t.b = append(t.b, " dBm"...)
	}
	t.end()
}

// emitWLANItems emits the fields of a fixed layout over body v.
func emitWLANItems(e *emitter, num uint8, v []byte, items []wlanTagItem) {
	v = wlanTagBody(num, v)
	for _, it := range items {
		if int(it.off)+int(it.size) > len(v) {
			return
		}
		if int(it.f) >= wlanAllFieldCount {
			continue
		}
		emitWLANField(e, int(it.f), v[it.off:int(it.off)+int(it.size)])
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

// treeWLANTagBody draws the fields of the elements rawcap lays out, after
// their number and length.
func treeWLANTagBody(t *treeWriter, num uint8, v []byte, ap bool) {
	if items := wlanTagLayout(num, v); items != nil {
		treeWLANItems(t, num, v, items)
		return
	}
	t.depth = 3
	switch num {
	case 36:
		for k := 0; k+2 <= len(v); k += 2 {
			t.depth = 3
			t.line()
			t.b = append(t.b, "Supported Channels Set #"...)
			t.b = strconv.AppendInt(t.b, int64(k/2+1), 10)
			t.b = append(t.b, " First: "...)
			t.b = strconv.AppendInt(t.b, int64(v[k]), 10)
			t.b = append(t.b, ", Range: "...)
			t.b = strconv.AppendInt(t.b, int64(v[k+1]), 10)
			t.b = append(t.b, ' ')
			t.end()
			t.depth = 4
			t.int("First Supported Channel", int(v[k]))
			t.int("Supported Channel Range", int(v[k+1]))
		}
	case 48:
		treeWLANRSN(t, v)
	case 133:
		if len(v) == 30 {
			treeWLANField(t, wtCiscoCcx1Unknown, 0, v[:10], 0)
			treeWLANField(t, wtCiscoCcx1Name, 0, v[10:26], 10)
			treeWLANField(t, wtCiscoCcx1Clients, uint64(v[26]), v[26:27], 26)
			treeWLANField(t, wtCiscoCcx1Unknown2, 0, v[27:30], 27)
		}
	case 221:
		treeWLANVendor(t, v, ap)
	}
}

// emitWLANTagBody emits the fields treeWLANTagBody draws.
func emitWLANTagBody(e *emitter, num uint8, v []byte, ap bool) {
	if items := wlanTagLayout(num, v); items != nil {
		emitWLANItems(e, num, v, items)
		return
	}
	switch num {
	case 36:
		for k := 0; k+2 <= len(v); k += 2 {
			emitWLANField(e, wtSupchanFirst, v[k:k+1])
			emitWLANField(e, wtSupchanRange, v[k+1:k+2])
		}
	case 48:
		emitWLANRSN(e, v)
	case 133:
		if len(v) == 30 {
			emitWLANField(e, wtCiscoCcx1Unknown, v[:10])
			emitWLANField(e, wtCiscoCcx1Name, v[10:26])
			emitWLANField(e, wtCiscoCcx1Clients, v[26:27])
			emitWLANField(e, wtCiscoCcx1Unknown2, v[27:30])
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

// treeWLANSuite draws one suite: its head, OUI and type.
func treeWLANSuite(t *treeWriter, s []byte, label string, k int) {
	t.line()
	t.b = append(t.b, label...)
	t.b = append(t.b, ": "...)
	t.b = appendWLANSuite(t.b, s, k)
	t.end()
	t.depth++
	t.line()
	t.b = append(t.b, label...)
	if k == wtRsnAkmsType {
		t.b = t.b[:len(t.b)-len(" Suite")]
	}
	t.b = append(t.b, " OUI: "...)
	t.b = appendWLANSuite(t.b, s, k)
	t.b = t.b[:len(t.b)-len(wlanFields[k].ValueNames().Name(uint64(s[3])))-1]
	t.end()
	treeWLANField(t, k, uint64(s[3]), s[3:4], 3)
	t.depth--
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

// treeWLANRSN draws an RSN element up to its capabilities.
func treeWLANRSN(t *treeWriter, v []byte) {
	npcs, nakm, capOff, ok := wlanRSNLayout(v)
	if !ok {
		return
	}
	for k := 0; k < npcs; k++ {
		if !wlanRSNSuiteOK(v[8+4*k:], wtRsnPcsType) {
			return
		}
	}
	for k := 0; k < nakm; k++ {
		if !wlanRSNSuiteOK(v[capOff-4*nakm+4*k:], wtRsnAkmsType) {
			return
		}
	}
	if !wlanRSNSuiteOK(v[2:], wtRsnGcsType) {
		return
	}
	treeWLANField(t, wtRsnVersion, uint64(le16(v)), v[:2], 0)
	treeWLANSuite(t, v[2:6], "Group Cipher Suite", wtRsnGcsType)
	treeWLANField(t, wtRsnPcsCount, uint64(npcs), v[6:8], 6)
	treeWLANSuiteList(t, v[8:8+4*npcs], "Pairwise Cipher Suite List", "Pairwise Cipher Suite", wtRsnPcsType)
	treeWLANField(t, wtRsnAkmsCount, uint64(nakm), v[capOff-4*nakm-2:], capOff-4*nakm-2)
	treeWLANSuiteList(t, v[capOff-4*nakm:capOff], "Auth Key Management (AKM) List", "Auth Key Management (AKM) Suite", wtRsnAkmsType)
	c := uint64(le16(v[capOff:]))
	treeWLANField(t, wtRsnCapabilities, c, v[capOff:capOff+2], capOff)
	t.depth = 4
	for _, k := range wlanRSNCapItems {
		treeWLANField(t, int(k), c, v[capOff:capOff+2], capOff)
	}
	t.depth = 3
}

func treeWLANSuiteList(t *treeWriter, l []byte, head, label string, k int) {
	t.line()
	t.b = append(t.b, head...)
	for s := 0; s+4 <= len(l); s += 4 {
		t.b = append(t.b, ' ')
		t.b = appendWLANSuite(t.b, l[s:], k)
	}
	t.end()
	t.depth = 4
	for s := 0; s+4 <= len(l); s += 4 {
		treeWLANSuite(t, l[s:s+4], label, k)
	}
	t.depth = 3
}

// emitWLANRSN emits the fields treeWLANRSN draws.
func emitWLANRSN(e *emitter, v []byte) {
	npcs, nakm, capOff, ok := wlanRSNLayout(v)
	if !ok {
		return
	}
	emitWLANField(e, wtRsnVersion, v[:2])
	emitWLANField(e, wtRsnGcsType, v[5:6])
	emitWLANField(e, wtRsnPcsCount, v[6:8])
	for k := 0; k < npcs; k++ {
		emitWLANField(e, wtRsnPcsType, v[11+4*k:12+4*k])
	}
	a := capOff - 4*nakm
	emitWLANField(e, wtRsnAkmsCount, v[a-2:a])
	for k := 0; k < nakm; k++ {
		emitWLANField(e, wtRsnAkmsType, v[a+3+4*k:a+4+4*k])
	}
	emitWLANField(e, wtRsnCapabilities, v[capOff:capOff+2])
	for _, k := range wlanRSNCapItems {
		emitWLANField(e, int(k), v[capOff:capOff+2])
	}
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

// treeWLANVendorHead draws the head of a vendor element rawcap knows.
func treeWLANVendorHead(t *treeWriter, v []byte) bool {
	kind := wlanVendorKind(v)
	if kind == wvNone {
		return false
	}
	t.line()
	t.b = append(t.b, "Tag: Vendor Specific: "...)
	t.b = append(t.b, wlanOUIName(uint32(v[0])<<16|uint32(v[1])<<8|uint32(v[2]))...)
	t.b = append(t.b, ": "...)
	switch kind {
	case wvWMM:
		t.b = append(t.b, "WMM/WME: "...)
		t.b = append(t.b, wlanFields[wtWfaIeWmeSubtype].ValueNames().Name(uint64(v[4]))...)
	case wvMSUnknown:
		t.b = append(t.b, "Unknown "...)
		t.b = strconv.AppendInt(t.b, int64(v[3]), 10)
	case wvAironet:
		t.b = append(t.b, "Aironet "...)
		switch v[3] {
		case 3:
			t.b = append(t.b, "CCX version = "...)
			t.b = strconv.AppendInt(t.b, int64(v[4]), 10)
		case 20:
			t.b = append(t.b, "Client MFP "...)
			if v[4]&1 != 0 {
				t.b = append(t.b, "Enabled"...)
			} else {
				t.b = append(t.b, "Disabled"...)
			}
		default:
			name := wlanFields[wtAironetType].ValueNames().Name(uint64(v[3]))
			if name == "" {
				name = "Unknown"
			}
			t.b = append(t.b, name...)
			t.b = append(t.b, " ("...)
			t.b = strconv.AppendInt(t.b, int64(v[3]), 10)
			t.b = append(t.b, ')')
		}
	case wvHS20:
		t.b = append(t.b, "Hotspot 2.0 Indication"...)
	case wvPMKID:
		t.b = append(t.b, "RSN PMKID"...)
	}
	t.end()
	return true
}

// treeWLANVendor draws the body of a vendor element rawcap knows.
func treeWLANVendor(t *treeWriter, v []byte, ap bool) {
	kind := wlanVendorKind(v)
	if kind == wvNone {
		return
	}
	t.depth = 3
	t.line()
	t.b = append(t.b, "OUI: "...)
	t.b = appendHex2(t.b, v[0])
	t.b = append(t.b, ':')
	t.b = appendHex2(t.b, v[1])
	t.b = append(t.b, ':')
	t.b = appendHex2(t.b, v[2])
	t.b = append(t.b, " ("...)
	t.b = append(t.b, wlanOUIName(uint32(v[0])<<16|uint32(v[1])<<8|uint32(v[2]))...)
	t.b = append(t.b, ')')
	t.end()
	treeWLANField(t, wtTagVendorOuiType, uint64(v[3]), v[3:4], 3)
	switch kind {
	case wvWMM:
		treeWLANField(t, wtWfaIeType, uint64(v[3]), v[3:4], 3)
		treeWLANField(t, wtWfaIeWmeSubtype, uint64(v[4]), v[4:5], 4)
		treeWLANField(t, wtWfaIeWmeVersion, uint64(v[5]), v[5:6], 5)
		q := uint64(v[6])
		treeWLANField(t, wtWfaIeWmeQosInfo, q, v[6:7], 6)
		t.depth = 4
		for _, k := range wlanWMMQoSItems(ap) {
			treeWLANField(t, int(k), q, v[6:7], 6)
		}
		t.depth = 3
		if v[4] != 1 {
			return
		}
		treeWLANField(t, wtWfaIeWmeReserved, 0, v[7:8], 7)
		for ac := 8; ac+4 <= len(v); ac += 4 {
			treeWLANACParam(t, v[ac:ac+4])
		}
	case wvMSUnknown:
		t.line()
		t.b = append(t.b, "Type: Unknown (0x"...)
		t.b = appendHex2(t.b, v[3])
		t.b = append(t.b, ')')
		t.end()
	case wvAironet:
		treeWLANField(t, wtAironetType, uint64(v[3]), v[3:4], 3)
		switch v[3] {
		case 3:
			treeWLANField(t, wtAironetVersion, uint64(v[4]), v[4:5], 4)
		case 20:
			treeWLANField(t, wtAironetClientmfp, uint64(v[4]), v[4:5], 4)
		default:
			treeWLANField(t, wtAironetData, 0, v[4:], 4)
		}
	case wvHS20:
		for _, k := range wlanHS20Items {
			treeWLANField(t, int(k), uint64(v[4]), v[4:5], 4)
		}
	case wvPMKID:
		t.line()
		t.b = append(t.b, "Data Type: PMKID KDE (4)"...)
		t.end()
		treeWLANField(t, wtRsnIePmkid, 0, v[4:20], 4)
	}
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

// treeWLANACParam draws one WMM access category's parameters.
func treeWLANACParam(t *treeWriter, p []byte) {
	aci := p[0] >> 5 & 3
	ecw := p[1]
	txop := le16(p[2:])
	t.depth = 3
	t.line()
	t.b = append(t.b, "Ac Parameters ACI "...)
	t.b = strconv.AppendInt(t.b, int64(aci), 10)
	t.b = append(t.b, " ("...)
	t.b = append(t.b, wlanFields[wtWfaIeWmeAcpAci].ValueNames().Name(uint64(aci))...)
	t.b = append(t.b, "), ACM "...)
	if p[0]&0x10 != 0 {
		t.b = append(t.b, "yes"...)
	} else {
		t.b = append(t.b, "no"...)
	}
	t.b = append(t.b, ", AIFSN "...)
	t.b = strconv.AppendInt(t.b, int64(p[0]&15), 10)
	t.b = append(t.b, ", ECWmin/max "...)
	t.b = strconv.AppendInt(t.b, int64(ecw&15), 10)
	t.b = append(t.b, '/')
	t.b = strconv.AppendInt(t.b, int64(ecw>>4), 10)
	t.b = append(t.b, " (CWmin/max "...)
	t.b = strconv.AppendInt(t.b, int64(1<<(ecw&15)-1), 10)
	t.b = append(t.b, '/')
	t.b = strconv.AppendInt(t.b, int64(1<<(ecw>>4)-1), 10)
	t.b = append(t.b, "), TXOP "...)
	t.b = strconv.AppendInt(t.b, int64(txop), 10)
	t.end()
	t.depth = 4
	treeWLANField(t, wtWfaIeWmeAcpAciAifsn, uint64(p[0]), p[:1], 0)
	t.depth = 5
	for _, k := range [...]int{wtWfaIeWmeAcpAifsn, wtWfaIeWmeAcpAcm, wtWfaIeWmeAcpAci, wtWfaIeWmeAcpReserved} {
		treeWLANField(t, k, uint64(p[0]), p[:1], 0)
	}
	t.depth = 4
	treeWLANField(t, wtWfaIeWmeAcpEcw, uint64(ecw), p[1:2], 1)
	t.depth = 5
	treeWLANField(t, wtWfaIeWmeAcpEcwMax, uint64(ecw), p[1:2], 1)
	treeWLANField(t, wtWfaIeWmeAcpEcwMin, uint64(ecw), p[1:2], 1)
	treeWLANField(t, wtWfaIeWmeAcpCwMax, 1<<(ecw>>4)-1, p[1:2], 1)
	treeWLANField(t, wtWfaIeWmeAcpCwMin, 1<<(ecw&15)-1, p[1:2], 1)
	t.depth = 4
	treeWLANField(t, wtWfaIeWmeAcpTxopLimit, uint64(txop), p[2:4], 2)
	t.depth = 3
}

// emitWLANVendor emits the fields treeWLANVendor draws.
func emitWLANVendor(e *emitter, v []byte, ap bool) {
	kind := wlanVendorKind(v)
	if kind == wvNone {
		return
	}
	emitWLANField(e, wtTagVendorOuiType, v[3:4])
	switch kind {
	case wvWMM:
		emitWLANField(e, wtWfaIeType, v[3:4])
		emitWLANField(e, wtWfaIeWmeSubtype, v[4:5])
		emitWLANField(e, wtWfaIeWmeVersion, v[5:6])
		emitWLANField(e, wtWfaIeWmeQosInfo, v[6:7])
		for _, k := range wlanWMMQoSItems(ap) {
			emitWLANField(e, int(k), v[6:7])
		}
		if v[4] != 1 {
			return
		}
		emitWLANField(e, wtWfaIeWmeReserved, v[7:8])
		for ac := 8; ac+4 <= len(v); ac += 4 {
			p := v[ac : ac+4]
			for _, k := range [...]int{wtWfaIeWmeAcpAciAifsn, wtWfaIeWmeAcpAifsn, wtWfaIeWmeAcpAcm, wtWfaIeWmeAcpAci, wtWfaIeWmeAcpReserved} {
				emitWLANField(e, k, p[:1])
			}
			for _, k := range [...]int{wtWfaIeWmeAcpEcw, wtWfaIeWmeAcpEcwMax, wtWfaIeWmeAcpEcwMin} {
				emitWLANField(e, k, p[1:2])
			}
			e.Uint(&wlanFields[wtWfaIeWmeAcpCwMax], 1<<(p[1]>>4)-1)
			e.Uint(&wlanFields[wtWfaIeWmeAcpCwMin], 1<<(p[1]&15)-1)
			emitWLANField(e, wtWfaIeWmeAcpTxopLimit, p[2:4])
		}
	case wvAironet:
		emitWLANField(e, wtAironetType, v[3:4])
		switch v[3] {
		case 3:
			emitWLANField(e, wtAironetVersion, v[4:5])
		case 20:
			emitWLANField(e, wtAironetClientmfp, v[4:5])
		default:
			emitWLANField(e, wtAironetData, v[4:])
		}
	case wvHS20:
		for _, k := range wlanHS20Items {
			emitWLANField(e, int(k), v[4:5])
		}
	case wvPMKID:
		e.Uint(&wlanFields[wtRsnIeKdeDataType], 4)
		emitWLANField(e, wtRsnIePmkid, v[4:20])
	}
}
