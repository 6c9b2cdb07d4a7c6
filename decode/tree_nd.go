package decode

// treeND draws the body of an ICMPv6 router or neighbour discovery message
// (types 133 to 137), at depth 1: the fixed fields, then the options tshark
// names. Drawing stops at an option kind or length it is not sure of.
func treeND(t *treeWriter, m ICMPv6) {
	t.depth = 1
	if len(m) < 8 {
		return
	}
	off := m.HeaderLen()
	if len(m) < off {
		return
	}
	switch m.Type() {
	case ICMPv6RouterSolicit:
		treeHexBytes(t, "Reserved", m[4:8])
	case ICMPv6RouterAdvert:
		t.int("Cur hop limit", int(m[4]))
		f := uint64(m[5])
		t.line()
		t.b = append(t.b, "Flags: 0x"...)
		t.b = appendHex2(t.b, m[5])
		for k, name := range [...]string{"Managed address configuration", "Other configuration", "Home Agent"} {
			if f&(0x80>>k) != 0 {
				t.b = append(t.b, ", "...)
				t.b = append(t.b, name...)
			}
		}
		prf := raPrfNames[f>>3&3]
		t.b = append(t.b, ", Prf (Default Router Preference): "...)
		t.b = append(t.b, prf...)
		if f&4 != 0 {
			t.b = append(t.b, ", Proxy"...)
		}
		t.end()
		t.depth = 2
		for k, name := range [...]string{"Managed address configuration", "Other configuration", "Home Agent"} {
			t.bits(f, 8, 0x80>>k, name)
			t.b = appendSetNot(t.b, f&(0x80>>k) != 0)
			t.end()
		}
		t.bits(f, 8, 0x18, "Prf (Default Router Preference)")
		t.b = append(t.b, prf...)
		t.b = append(t.b, " ("...)
		t.b = appendUint(t.b, f>>3&3)
		t.b = append(t.b, ')')
		t.end()
		t.bits(f, 8, 0x04, "Proxy")
		t.b = appendSetNot(t.b, f&4 != 0)
		t.end()
		t.bits(f, 8, 0x03, "Reserved")
		t.b = appendUint(t.b, f&3)
		t.end()
		t.depth = 1
		t.int("Router lifetime (s)", int(be16(m[6:])))
		t.int("Reachable time (ms)", int(be32(m[8:])))
		t.int("Retrans timer (ms)", int(be32(m[12:])))
	case ICMPv6NeighborSolicit:
		treeHexBytes(t, "Reserved", m[4:8])
		t.addr("Target Address", addr16(m[8:24]))
	case ICMPv6NeighborAdvert:
		f := uint64(be32(m[4:]))
		t.line()
		t.b = append(t.b, "Flags: 0x"...)
		t.b = appendHexBytes(t.b, m[4:8])
		for k, name := range [...]string{"Router", "Solicited", "Override"} {
			if f&(0x80000000>>k) != 0 {
				t.b = append(t.b, ", "...)
				t.b = append(t.b, name...)
			}
		}
		t.end()
		t.depth = 2
		for k, name := range [...]string{"Router", "Solicited", "Override"} {
			t.bits(f, 32, 0x80000000>>k, name)
			t.b = appendSetNot(t.b, f&(0x80000000>>k) != 0)
			t.end()
		}
		t.bits(f, 32, 0x1fffffff, "Reserved")
		t.b = appendUint(t.b, f&0x1fffffff)
		t.end()
		t.depth = 1
		t.addr("Target Address", addr16(m[8:24]))
	case ICMPv6Redirect:
		treeHexBytes(t, "Reserved", m[4:8])
		t.addr("Target Address", addr16(m[8:24]))
		t.addr("Destination Address", addr16(m[24:40]))
	default:
		return
	}
	for {
		o, next, ok, bad := m.NextNDOption(off)
		if !ok || bad || !treeNDOption(t, o, next-off) {
			return
		}
		off = next
	}
}

var raPrfNames = [4]string{"Medium", "High", "Reserved", "Low"}

func appendSetNot(b []byte, set bool) []byte {
	if set {
		return append(b, "Set"...)
	}
	return append(b, "Not set"...)
}

// treeHexBytes appends "label: 0a0b…" (bytes as hex, without 0x).
func treeHexBytes(t *treeWriter, label string, v []byte) {
	t.line()
	t.b = append(t.b, label...)
	t.b = append(t.b, ": "...)
	t.b = appendHexBytes(t.b, v)
	t.end()
}

// treeNDOption draws one ND option of n bytes at depth 1 and reports
// whether it knew it.
func treeNDOption(t *treeWriter, o NDOption, n int) bool {
	var name string
	switch {
	case (o.Type == 1 || o.Type == 2) && n == 8:
		name = "Source link-layer address"
		if o.Type == 2 {
			name = "Target link-layer address"
		}
		t.line()
		t.b = append(t.b, "ICMPv6 Option ("...)
		t.b = append(t.b, name...)
		t.b = append(t.b, " : "...)
		t.b = MAC(o.Data[:6]).AppendTo(t.b)
		t.b = append(t.b, ')')
		t.end()
		treeNDOptionHead(t, name, o.Type, n)
		treeMAC(t, "Link-layer address", MAC(o.Data[:6]))
	case o.Type == 3 && n == 32:
		name = "Prefix information"
		prefix := addr16(o.Data[14:30])
		t.line()
		t.b = append(t.b, "ICMPv6 Option (Prefix information : "...)
		t.b = prefix.AppendTo(t.b)
		t.b = append(t.b, '/')
		t.b = appendUint(t.b, uint64(o.Data[0]))
		t.b = append(t.b, ')')
		t.end()
		treeNDOptionHead(t, name, o.Type, n)
		t.int("Prefix Length", int(o.Data[0]))
		f := uint64(o.Data[1])
		names := [...]string{"On-link flag(L)", "Autonomous address-configuration flag(A)", "Router address flag(R)"}
		t.line()
		t.b = append(t.b, "Flag: 0x"...)
		t.b = appendHex2(t.b, o.Data[1])
		for k, nm := range names {
			if f&(0x80>>k) != 0 {
				t.b = append(t.b, ", "...)
				t.b = append(t.b, nm...)
			}
		}
		t.end()
		t.depth = 3
		for k, nm := range names {
			t.bits(f, 8, 0x80>>k, nm)
			t.b = appendSetNot(t.b, f&(0x80>>k) != 0)
			t.end()
		}
		t.bits(f, 8, 0x1f, "Reserved")
		t.b = appendUint(t.b, f&0x1f)
		t.end()
		t.depth = 2
		t.int("Valid Lifetime", int(be32(o.Data[2:])))
		t.int("Preferred Lifetime", int(be32(o.Data[6:])))
		t.line()
		t.b = append(t.b, "Reserved"...)
		t.end()
		t.addr("Prefix", prefix)
	case o.Type == 5 && n == 8:
		t.line()
		t.b = append(t.b, "ICMPv6 Option (MTU : "...)
		t.b = appendUint(t.b, uint64(be32(o.Data[2:])))
		t.b = append(t.b, ')')
		t.end()
		treeNDOptionHead(t, "MTU", o.Type, n)
		t.line()
		t.b = append(t.b, "Reserved"...)
		t.end()
		t.int("MTU", int(be32(o.Data[2:])))
	case o.Type == 25 && n == 24:
		server := addr16(o.Data[6:22])
		t.line()
		t.b = append(t.b, "ICMPv6 Option (Recursive DNS Server "...)
		t.b = server.AppendTo(t.b)
		t.b = append(t.b, ')')
		t.end()
		treeNDOptionHead(t, "Recursive DNS Server", o.Type, n)
		t.line()
		t.b = append(t.b, "Reserved"...)
		t.end()
		t.int("Lifetime", int(be32(o.Data[2:])))
		t.addr("Recursive DNS Servers", server)
	case o.Type == 14 && n == 8:
		t.line()
		t.b = append(t.b, "ICMPv6 Option (Nonce)"...)
		t.end()
		treeNDOptionHead(t, "Nonce", o.Type, n)
		treeHexBytes(t, "Nonce", o.Data)
	default:
		t.depth = 1
		return false
	}
	t.depth = 1
	return true
}

// treeNDOptionHead draws an option's type and length lines at depth 2.
func treeNDOptionHead(t *treeWriter, name string, typ uint8, n int) {
	t.depth = 2
	t.line()
	t.b = append(t.b, "Type: "...)
	t.b = append(t.b, name...)
	t.b = append(t.b, " ("...)
	t.b = appendUint(t.b, uint64(typ))
	t.b = append(t.b, ')')
	t.end()
	t.line()
	t.b = append(t.b, "Length: "...)
	t.b = appendUint(t.b, uint64(n/8))
	t.b = append(t.b, " ("...)
	t.b = appendUint(t.b, uint64(n))
	t.b = append(t.b, " bytes)"...)
	t.end()
}

// treeMLD draws the body of a multicast listener query, report or done
// (MLDv1 and v2) at depth 1. It stops where tshark would print a value
// rawcap does not decode (exponential codes, unknown record types).
func treeMLD(t *treeWriter, m ICMPv6) {
	t.depth = 1
	switch m.Type() {
	case ICMPv6MLDQuery, ICMPv6MLDReport, ICMPv6MLDDone:
		if len(m) < 24 {
			return
		}
		v2 := m.Type() == ICMPv6MLDQuery && len(m) >= 28
		code := be16(m[4:])
		if v2 {
			if code >= 0x8000 {
				return
			}
			t.int("Maximum Response Code", int(code))
		} else {
			t.int("Maximum Response Delay [ms]", int(code))
		}
		treeHexBytes(t, "Reserved", m[6:8])
		t.addr("Multicast Address", addr16(m[8:24]))
		if !v2 || m[25] >= 0x80 {
			return
		}
		f := uint64(m[24])
		t.line()
		t.b = append(t.b, "Flags: 0x"...)
		t.b = appendHex2(t.b, m[24])
		t.end()
		t.depth = 2
		t.bits(f, 8, 0x08, "Suppress Router-Side Processing")
		if f&8 != 0 {
			t.b = append(t.b, "True"...)
		} else {
			t.b = append(t.b, "False"...)
		}
		t.end()
		t.bits(f, 8, 0x07, "QRV (Querier's Robustness Variable)")
		t.b = appendUint(t.b, f&7)
		t.end()
		t.bits(f, 8, 0xf0, "Reserved")
		t.b = appendUint(t.b, f>>4)
		t.end()
		t.depth = 1
		t.int("QQIC (Querier's Query Interval Code)", int(m[25]))
		n := int(be16(m[26:]))
		t.int("Number of Sources", n)
		for k := range n {
			off := 28 + 16*k
			if off+16 > len(m) {
				return
			}
			t.addr("Source Address", addr16(m[off:off+16]))
		}
	case ICMPv6MLDv2Report:
		if len(m) < 8 {
			return
		}
		treeHexBytes(t, "Reserved", m[4:6])
		n := int(be16(m[6:]))
		t.int("Number of Multicast Address Records", n)
		off := 8
		for range n {
			if off+20 > len(m) || int(m[off]) >= len(mldRecordNames) || mldRecordNames[m[off]] == "" {
				return
			}
			name := mldRecordNames[m[off]]
			aux, srcs := int(m[off+1])*4, int(be16(m[off+2:]))
			end := off + 20 + 16*srcs + aux
			if end > len(m) {
				return
			}
			group := addr16(m[off+4 : off+20])
			t.depth = 1
			t.line()
			t.b = append(t.b, "Multicast Address Record "...)
			t.b = append(t.b, name...)
			t.b = append(t.b, ": "...)
			t.b = group.AppendTo(t.b)
			t.end()
			t.depth = 2
			t.line()
			t.b = append(t.b, "Record Type: "...)
			t.b = append(t.b, name...)
			t.b = append(t.b, " ("...)
			t.b = appendUint(t.b, uint64(m[off]))
			t.b = append(t.b, ')')
			t.end()
			t.int("Aux Data Len", int(m[off+1]))
			t.int("Number of Sources", srcs)
			t.addr("Multicast Address", group)
			for k := range srcs {
				s := off + 20 + 16*k
				t.addr("Source Address", addr16(m[s:s+16]))
			}
			if aux > 0 {
				return // tshark draws the auxiliary data; rawcap stops
			}
			off = end
		}
	}
	t.depth = 1
}

var mldRecordNames = [...]string{1: "Include", 2: "Exclude", 3: "Changed to include", 4: "Changed to exclude",
	5: "Allow new sources", 6: "Block old sources"}
