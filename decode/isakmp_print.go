package decode

import "strconv"

// tcpdump's ISAKMP line (IKEv1 and IKEv2, on UDP port 500 and behind port
// 4500's non-ESP marker), written from the message's bytes so that a
// message rawcap's decoder leaves as data is printed too. Without -v:
// "isakmp: phase 1 I ident" or "isakmp: parent_sa ikev2_init[I]"; with -v
// the version and message ID, then one line per payload, nested payloads
// (proposals, transforms) indented four more spaces; with -vv the cookies
// and some payloads' data, with -vvv their bytes. A payload cut short by
// the capture ends the line with " [|name]"; a message whose length
// differs from the datagram's ends it with "(len mismatch: …)".

// ikeTcpdumpPort reports whether tcpdump reads what UDP port p carries as
// ISAKMP: port 500, and the two ports it keeps for ISAKMP besides.
func ikeTcpdumpPort(p uint16) bool {
	return p == isakmpPort || p == 7500 || p == 8500
}

// ikeExchangeName returns tcpdump's name of exchange type t (IKEv1 and
// IKEv2 share one table), or "" for "#t".
func ikeExchangeName(t uint8) string {
	switch t {
	case 0:
		return "none"
	case 1:
		return "base"
	case 2:
		return "ident"
	case 3:
		return "auth"
	case 4:
		return "agg"
	case 5:
		return "inf"
	case 32:
		return "oakley-quick"
	case 33:
		return "oakley-newgroup"
	case 34:
		return "ikev2_init"
	case 35:
		return "ikev2_auth"
	case 36:
		return "child_sa"
	case 37:
		return "inf2"
	}
	return ""
}

// ikeLinePayloadNames are tcpdump's names of the payload types 0 to 13 (IKEv1)
// and 33 to 48 (IKEv2), as its truncation marks and "[encrypted …]" use them.
var ikeLinePayloadNames = [...]string{
	0: "none", 1: "sa", 2: "p", 3: "t", 4: "ke", 5: "id", 6: "cert", 7: "cr", 8: "hash",
	9: "sig", 10: "nonce", 11: "n", 12: "d", 13: "vid",
	33: "v2sa", 34: "v2ke", 35: "v2IDi", 36: "v2IDr", 37: "v2cert", 38: "v2cr", 39: "v2auth",
	40: "v2nonce", 41: "v2n", 42: "v2d", 43: "v2vid", 44: "v2TSi", 45: "v2TSr", 46: "v2e",
	47: "v2cp", 48: "v2eap",
}

// appendIKEPayloadName appends tcpdump's name of payload type t: "pay14"
// to "pay32" for the types between the versions' ranges, "#t" past them.
func appendIKEPayloadName(b []byte, t uint8) []byte {
	switch {
	case int(t) < len(ikeLinePayloadNames) && ikeLinePayloadNames[t] != "":
		return append(b, ikeLinePayloadNames[t]...)
	case t >= 14 && t <= 32:
		b = append(b, "pay"...)
	default:
		b = append(b, '#')
	}
	return appendUint(b, uint64(t))
}

// ikeProtoName returns tcpdump's name of a proposal's or a notification's
// protocol ID, or "" for "#id".
func ikeProtoName(id uint8) string {
	switch id {
	case 1:
		return "isakmp"
	case 2:
		return "ipsec-ah"
	case 3:
		return "ipsec-esp"
	case 4:
		return "ipcomp"
	}
	return ""
}

// appendIKEName appends name, or "#v" when it is "".
func appendIKEName(b []byte, name string, v uint64) []byte {
	if name != "" {
		return append(b, name...)
	}
	return appendUint(append(b, '#'), v)
}

// tcpdump's names of the ESP transforms (IKEv1) and IKEv2's encryption
// algorithms, of the Diffie-Hellman groups, and of IKEv2's other transform
// types' IDs.
var (
	ikeEncrNames = [...]string{1: "1des-iv64", 2: "1des", 3: "3des", 4: "rc5", 5: "idea", 6: "cast",
		7: "blowfish", 8: "3idea", 9: "1des-iv32", 10: "rc4", 11: "null", 12: "aes"}
	ikeGroupNames = [...]string{1: "modp768", 2: "modp1024", 3: "EC2N 2^155", 4: "EC2N 2^185",
		5: "modp1536", 6: "iana-grp06", 7: "iana-grp07", 8: "iana-grp08", 9: "iana-grp09",
		10: "iana-grp10", 11: "iana-grp11", 12: "iana-grp12", 13: "iana-grp13", 14: "modp2048",
		15: "modp3072", 16: "modp4096", 17: "modp6144", 18: "modp8192"}
	ike2PRFNames   = [...]string{1: "hmac-md5", 2: "hmac-sha", 3: "hmac-tiger", 4: "aes128_xcbc"}
	ike2IntegNames = [...]string{1: "hmac-md5", 2: "hmac-sha", 3: "dec-mac", 4: "kpdk-md5", 5: "aes-xcbc"}
	ike2ESNNames   = [...]string{0: "no-esn", 1: "esn"}
	ikeAHNames     = [...]string{1: "(reserved)", 2: "md5", 3: "sha", 4: "1des", 5: "sha2-256", 6: "sha2-384", 7: "sha2-512"}
	ikeIPCompNames = [...]string{1: "oui", 2: "deflate", 3: "lzs"}
)

// ikeName returns names[v], or "" past the table.
func ikeName(names []string, v uint64) string {
	if v < uint64(len(names)) {
		return names[v]
	}
	return ""
}

// IKEv1's attribute names (ISAKMP's transforms, and IPsec's) and the
// names of their values, where tcpdump has them.
var (
	ikeAttrNames = [...]string{1: "enc", 2: "hash", 3: "auth", 4: "group desc", 5: "group type",
		6: "group prime", 7: "group gen1", 8: "group gen2", 9: "group curve A", 10: "group curve B",
		11: "lifetype", 12: "lifeduration", 13: "prf", 14: "keylen", 15: "field", 16: "order"}
	ipsecAttrNames = [...]string{1: "lifetype", 2: "life", 3: "group desc", 4: "enc mode", 5: "auth",
		6: "keylen", 7: "rounds", 8: "dictsize", 9: "privalg"}
	ikeAttrEncNames    = [...]string{1: "1des", 2: "idea", 3: "blowfish", 4: "rc5", 5: "3des", 6: "cast", 7: "aes"}
	ikeAttrHashNames   = [...]string{1: "md5", 2: "sha1", 3: "tiger", 4: "sha2-256", 5: "sha2-384", 6: "sha2-512"}
	ikeAttrAuthNames   = [...]string{1: "preshared", 2: "dss", 3: "rsa sig", 4: "rsa enc", 5: "rsa enc revised"}
	ikeAttrGroupTypes  = [...]string{1: "MODP", 2: "ECP", 3: "EC2N"}
	ikeAttrLifeTypes   = [...]string{1: "sec", 2: "kb"}
	ipsecAttrEncModes  = [...]string{1: "tunnel", 2: "transport"}
	ipsecAttrAuthNames = [...]string{1: "hmac-md5", 2: "hmac-sha1", 3: "1des-mac", 4: "keyed"}
)

// ikeAttrValueNames returns the names of the values of IKEv1 attribute t
// (of ISAKMP's transforms, or IPsec's), or nil where tcpdump prints hex.
func ikeAttrValueNames(t uint16, isakmp bool) []string {
	if isakmp {
		switch t {
		case 1:
			return ikeAttrEncNames[:]
		case 2:
			return ikeAttrHashNames[:]
		case 3:
			return ikeAttrAuthNames[:]
		case 4:
			return ikeGroupNames[:]
		case 5:
			return ikeAttrGroupTypes[:]
		case 11:
			return ikeAttrLifeTypes[:]
		}
		return nil
	}
	switch t {
	case 1:
		return ikeAttrLifeTypes[:]
	case 3:
		return ikeGroupNames[:]
	case 4:
		return ipsecAttrEncModes[:]
	case 5:
		return ipsecAttrAuthNames[:]
	}
	return nil
}

// ike2NotifyName returns tcpdump's name of IKEv2 notification type t.
func ike2NotifyName(t uint16) string {
	switch t {
	case 1:
		return "unsupported_critical_payload"
	case 4:
		return "invalid_ike_spi"
	case 5:
		return "invalid_major_version"
	case 7:
		return "invalid_syntax"
	case 9:
		return "invalid_message_id"
	case 11:
		return "invalid_spi"
	case 14:
		return "no_protocol_chosen"
	case 17:
		return "invalid_ke_payload"
	case 24:
		return "authentication_failed"
	case 34:
		return "single_pair_required"
	case 35:
		return "no_additional_sas"
	case 36:
		return "internal_address_failure"
	case 37:
		return "failed:cp_required"
	case 39:
		return "invalid_selectors"
	case 16384:
		return "initial_contact"
	case 16385:
		return "set_window_size"
	case 16386:
		return "additional_ts_possible"
	case 16387:
		return "ipcomp_supported"
	case 16388:
		return "nat_detection_source_ip"
	case 16389:
		return "nat_detection_destination_ip"
	case 16390:
		return "cookie"
	case 16391:
		return "use_transport_mode"
	case 16392:
		return "http_cert_lookup_supported"
	case 16393:
		return "rekey_sa"
	case 16394:
		return "tfc_padding_not_supported"
	case 16395:
		return "non_first_fragment_also"
	}
	switch {
	case t < 8192:
		return "error"
	case t < 16384:
		return "private-error"
	case t < 40960:
		return "status"
	}
	return "private-status"
}

var ike2AuthMethods = [...]string{0: "invalid", 1: "rsasig", 2: "shared-secret", 3: "dsssig"}

// ikeLineIDTypes are IKEv1's identification types as tcpdump names them.
var ikeLineIDTypes = [...]string{1: "IPv4", 2: "FQDN", 3: "user FQDN", 4: "IPv4net", 5: "IPv6",
	6: "IPv6net", 7: "IPv4range", 8: "IPv6range", 9: "ASN1 DN", 10: "ASN1 GN", 11: "keyid"}

// appendIKESummary appends tcpdump's short form of the bytes from a
// payload's data to the end of the captured message: the first ten, "...",
// and the last twenty (or those after the first ten).
func appendIKESummary(b, rest []byte) []byte {
	n := min(10, len(rest))
	b = appendHexBytes(b, rest[:n])
	b = append(b, "..."...)
	return appendHexBytes(b, rest[max(n, len(rest)-20):])
}

// appendIKEDotted appends s with every byte that is not printable ASCII
// as '.'.
func appendIKEDotted(b, s []byte) []byte {
	for _, c := range s {
		if c < 0x20 || c > 0x7e {
			c = '.'
		}
		b = append(b, c)
	}
	return b
}

// appendIKEIndent starts a payload's line at nesting depth.
func appendIKEIndent(b []byte, depth int) []byte {
	b = append(b, '\n')
	for range depth + 1 {
		b = append(b, "    "...)
	}
	return b
}

// appendISAKMPLine appends tcpdump's text for the ISAKMP message at the
// start of m (the captured bytes to the datagram's end); ipLen is the
// datagram's length as the IP header gives it; i is the layer whose
// addresses tell an IKEv1 exchange's sides apart.
func (p *LinePrinter) appendISAKMPLine(b []byte, d *Decoder, i int, m []byte, ipLen int) []byte {
	if len(m) < isakmpHeaderLen {
		return append(b, " [|isakmp]"...)
	}
	v := p.Options.Verbose
	major, msgid, flags := m[17]>>4, be32(m[20:]), m[19]
	b = append(b, "isakmp"...)
	if v > 0 {
		b = append(b, ' ')
		b = appendUint(b, uint64(major))
		b = append(b, '.')
		b = appendUint(b, uint64(m[17]&0x0f))
		b = append(b, " msgid "...)
		b = appendHexN(b, uint64(msgid), 8)
	}
	if v > 1 {
		b = append(b, " cookie "...)
		b = appendHexBytes(b, m[0:8])
		b = append(b, "->"...)
		b = appendHexBytes(b, m[8:16])
	}
	b = append(b, ':')
	switch major {
	case 1:
		if msgid == 0 {
			b = append(b, " phase 1"...)
		} else {
			b = append(b, " phase 2/others"...)
		}
		b = append(b, p.ikeSideOf(d, i, m)...)
		b = append(b, ' ')
		b = appendIKEName(b, ikeExchangeName(m[18]), uint64(m[18]))
		if flags != 0 {
			b = append(b, '[')
			if flags&1 != 0 {
				b = append(b, 'E')
			}
			if flags&2 != 0 {
				b = append(b, 'C')
			}
			b = append(b, ']')
		}
		if v == 0 {
			return b
		}
		b = append(b, ':')
		if flags&1 != 0 {
			b = append(b, " [encrypted "...)
			b = appendIKEPayloadName(b, m[16])
			b = append(b, ']')
		} else {
			var end ikeEnd
			if b, end = p.appendIKEPayloads(b, m, isakmpHeaderLen, m[16], 0, 0, false); end == ikeAborted {
				return b
			}
		}
	case 2:
		if msgid == 0 {
			b = append(b, " parent_sa "...)
		} else {
			b = append(b, " child_sa  "...)
		}
		b = appendIKEName(b, ikeExchangeName(m[18]), uint64(m[18]))
		if flags&0x38 != 0 {
			b = append(b, '[')
			if flags&0x08 != 0 {
				b = append(b, 'I')
			}
			if flags&0x10 != 0 {
				b = append(b, 'V')
			}
			if flags&0x20 != 0 {
				b = append(b, 'R')
			}
			b = append(b, ']')
		}
		if v == 0 {
			return b
		}
		b = append(b, ':')
		var end ikeEnd
		if b, end = p.appendIKEPayloads(b, m, isakmpHeaderLen, m[16], 0, 0, false); end == ikeAborted {
			return b
		}
	default:
		return b
	}
	if n := be32(m[24:]); int64(n) != int64(ipLen) {
		b = append(b, " (len mismatch: isakmp "...)
		b = appendUint(b, uint64(n))
		b = append(b, "/ip "...)
		b = strconv.AppendInt(b, int64(ipLen), 10)
		b = append(b, ')')
	}
	return b
}

// ikeEnd tells how a chain of payloads ended: whole, cut short (marked),
// or where tcpdump's printer gives up on the message (marked " [|isakmp]",
// and no length mismatch after it).
type ikeEnd uint8

const (
	ikeWhole ikeEnd = iota
	ikeCut
	ikeAborted
)

// appendIKEPayloads appends the chain of payloads at m[off:], the first of
// type np, at nesting depth; proto is the protocol of the proposal whose
// transforms these are; v2 tells the proposals and transforms of IKEv2's
// SA from IKEv1's (tcpdump chooses a payload's printer by its type, not by
// the message's version). It returns how the chain ended.
func (p *LinePrinter) appendIKEPayloads(b, m []byte, off int, np uint8, proto uint8, depth int, v2 bool) ([]byte, ikeEnd) {
	tnum := 0 // IKEv2 transforms are numbered by tcpdump
	for np != ikePayloadNone {
		if off+4 > len(m) {
			return append(appendIKEPayloadName(append(b, " [|"...), np), ']'), ikeCut
		}
		n := int(be16(m[off+2:]))
		if off+n > len(m) {
			return append(appendIKEPayloadName(append(b, " [|"...), np), ']'), ikeCut
		}
		b = appendIKEIndent(b, depth)
		if n <= 4 {
			return append(b, "()"...), ikeCut
		}
		t, crit, body := np, m[off+1]&0x80 != 0, m[off+4:off+n]
		next := m[off]
		end := ikeWhole
		if ikeBodyShort(t, body, v2) {
			switch t {
			case ike2PayloadKE:
				b = appendIKEV2Label(b, "v2ke", crit)
				b = append(b, " len="...)
				b = appendUint(b, uint64(n))
				b = append(b, " < 8"...)
			case 35, 36:
				b = appendIKEV2Label(b, ikeLinePayloadNames[t], crit)
				b = append(b, " len="...)
				b = appendUint(b, uint64(len(body)))
				if p.Options.Verbose > 2 {
					b = appendHexBytes(append(b, ' '), body)
				}
			case 39:
				b = appendIKEV2Label(b, "v2auth", crit)
				b = append(b, " len="...)
				b = appendUint(b, uint64(len(body)))
				b = append(b, " method="...)
				b = appendIKEName(b, ikeName(ike2AuthMethods[:], uint64(body[0])), uint64(body[0]))
				if p.Options.Verbose > 1 {
					return append(b, " authdata=( [|v2auth])"...), ikeCut
				}
				b = append(b, " data=("...)
				b = appendIKESummary(b, m[min(off+8, len(m)):])
				b = append(b, ')')
			case ike2PayloadNotify:
				if len(body) < 4 {
					return append(b, "( [|n])"...), ikeCut
				}
				b = appendIKEV2Label(b, "n", crit)
				b = appendIKENotifyType(b, body)
				return append(b, " spi= [|n])"...), ikeCut
			default:
				// What tcpdump reads runs past the payload.
				b = append(b, "( [|"...)
				return append(appendIKEPayloadName(b, t), "])"...), ikeCut
			}
			b = append(b, ')')
			np, off = next, off+n
			continue
		}
		switch {
		case t == ikePayloadSA && be32(body) != 1:
			b = append(b, "(sa: doi="...)
			b = appendUint(b, uint64(be32(body)))
			b = append(b, " situation="...)
			b = appendUint(b, uint64(be32(body[4:])))
		case t == ikePayloadSA:
			b = append(b, "(sa: doi=ipsec situation=identity"...)
			b, end = p.appendIKEPayloads(b, m, off+12, ikePayloadProposal, 0, depth+1, false)
		case t == ike2PayloadSA:
			b = appendIKEV2Label(b, "sa", crit)
			b = append(b, " len="...)
			b = appendUint(b, uint64(n-4))
			b, end = p.appendIKEPayloads(b, m, off+4, ikePayloadProposal, 0, depth+1, true)
		case t == ikePayloadProposal:
			b = append(b, "(p: #"...)
			b = appendUint(b, uint64(body[0]))
			b = append(b, " protoid="...)
			b = appendIKEName(b, ikeProtoName(body[1]), uint64(body[1]))
			b = append(b, " transform="...)
			b = appendUint(b, uint64(body[3]))
			if v2 {
				b = append(b, " len="...)
				b = appendUint(b, uint64(n))
			}
			spi := body[4 : 4+int(body[2])]
			if len(spi) > 0 {
				b = append(b, " spi="...)
				b = appendHexBytes(b, spi)
			}
			if body[3] > 0 {
				b, end = p.appendIKEPayloads(b, m, off+8+len(spi), ikePayloadTransform, body[1], depth+1, v2)
			}
		case t == ikePayloadTransform && v2:
			tnum++
			b = appendIKEV2Transform(b, body, tnum)
		case t == ikePayloadTransform:
			b = appendIKEV1Transform(b, body, proto)
		case t == 6 || t == 7:
			b = appendIKEPayloadName(append(b, '('), t)
			b = append(b, ": len="...)
			b = appendUint(b, uint64(n-4))
			b = append(b, " type="...)
			b = appendIKEName(b, ikeName(ikeCertTypes[:], uint64(body[0])), uint64(body[0]))
			if p.Options.Verbose > 2 {
				b = appendHexBytes(append(b, ' '), body)
			}
		case t == 11:
			var abort bool
			if b, abort = appendIKEV1Notify(b, m, off, n); abort {
				end = ikeAborted
			}
		case t == 12:
			b = appendIKEV1Delete(b, body)
		case t == ikePayloadKE:
			b = append(b, "(ke: key len="...)
			b = appendUint(b, uint64(n-4))
			if p.Options.Verbose > 2 {
				b = appendHexBytes(append(b, ' '), body)
			}
		case t == ikePayloadID:
			b = p.appendIKEV1ID(b, body)
		case t == ikePayloadHash || t == 9 || t == ikePayloadVendorID:
			b = appendIKEPayloadName(append(b, '('), t)
			b = append(b, ": len="...)
			b = appendUint(b, uint64(n-4))
			if p.Options.Verbose > 2 {
				b = appendHexBytes(append(b, ' '), body)
			}
		case t == ikePayloadNonce:
			b = append(b, "(nonce: n len="...)
			b = appendUint(b, uint64(n-4))
			switch {
			case p.Options.Verbose > 2:
				b = appendHexBytes(append(b, ' '), body)
			case p.Options.Verbose == 2:
				b = append(b, "  data=("...)
				b = appendIKESummary(b, m[off+4:])
				b = append(b, ')')
			}
		case t == ike2PayloadKE:
			b = appendIKEV2Label(b, "v2ke", crit)
			b = append(b, " len="...)
			b = appendUint(b, uint64(n-8))
			b = append(b, " group="...)
			b = appendIKEName(b, ikeName(ikeGroupNames[:], uint64(be16(body))), uint64(be16(body)))
			if p.Options.Verbose > 2 && len(body) > 4 {
				b = appendHexBytes(append(b, ' '), body[4:])
			}
		case t == 35 || t == 36:
			b = p.appendIKEV2ID(b, t, crit, body)
		case t == 39:
			b = appendIKEV2Label(b, "v2auth", crit)
			b = append(b, " len="...)
			b = appendUint(b, uint64(n-4))
			b = append(b, " method="...)
			b = appendIKEName(b, ikeName(ike2AuthMethods[:], uint64(body[0])), uint64(body[0]))
			if p.Options.Verbose > 1 {
				b = append(b, " authdata=("...)
				b = appendHexBytes(b, body[4:])
				b = append(b, ") "...)
			} else {
				b = append(b, " data=("...)
				b = appendIKESummary(b, m[off+8:])
				b = append(b, ')')
			}
		case t == ike2PayloadNonce:
			b = appendIKEV2Label(b, "nonce", crit)
			b = append(b, " len="...)
			b = appendUint(b, uint64(n-4))
			if p.Options.Verbose > 1 {
				b = append(b, " nonce=("...)
				b = appendHexBytes(b, body)
				b = append(b, ") "...)
			} else {
				b = append(b, " data=("...)
				b = appendIKESummary(b, m[off+4:])
				b = append(b, ')')
			}
		case t == ike2PayloadNotify:
			b = appendIKEV2Label(b, "n", crit)
			b = appendIKENotifyType(b, body)
			typ := be16(body[2:])
			spi := body[4 : 4+int(body[1])]
			if len(spi) > 0 {
				b = append(b, " spi="...)
				b = appendHexBytes(b, spi)
			}
			if typ == 16390 {
				rest := m[off+8+len(spi):]
				b = append(b, " data=("...)
				if len(rest) < 30 {
					b = appendHexBytes(b, rest)
				} else {
					b = appendIKESummary(b, rest)
				}
				b = append(b, ')')
			}
		case t == ike2PayloadVendorID:
			b = appendIKEV2Label(b, "v2vid", crit)
			b = append(b, " len="...)
			b = appendUint(b, uint64(n-4))
			b = append(b, " vid="...)
			b = appendIKEDotted(b, body)
			if p.Options.Verbose > 2 && len(body) > 4 {
				b = appendHexBytes(append(b, ' '), body)
			}
		case t >= 33 && t <= 48:
			b = appendIKEV2Label(b, ikeLinePayloadNames[t], crit)
			b = append(b, " len="...)
			b = appendUint(b, uint64(n-4))
			if p.Options.Verbose > 2 && (t != ike2PayloadEncrypted || len(body) > 4) {
				b = appendHexBytes(append(b, ' '), body)
			}
			if t == ike2PayloadEncrypted {
				// Its next payload is the first of the encrypted ones.
				return append(b, ')'), ikeWhole
			}
		default:
			b = appendIKEPayloadName(append(b, '('), t)
		}
		if end != ikeWhole {
			return b, end
		}
		b = append(b, ')')
		np, off = next, off+n
	}
	return b, ikeWhole
}

// appendIKENotifyType appends an IKEv2 notification's protocol and type.
func appendIKENotifyType(b, body []byte) []byte {
	b = append(b, " prot_id="...)
	b = appendIKEName(b, ikeProtoName(body[0]), uint64(body[0]))
	typ := be16(body[2:])
	b = append(b, " type="...)
	b = appendUint(b, uint64(typ))
	b = append(b, '(')
	b = append(b, ike2NotifyName(typ)...)
	return append(b, ')')
}

// ikeBodyShort reports whether body, of a payload of type t, is too short
// for the fields appendIKEPayloads reads from it.
func ikeBodyShort(t uint8, body []byte, v2 bool) bool {
	switch {
	case t == ikePayloadSA:
		return len(body) < 8
	case t == ikePayloadProposal:
		return len(body) < 4 || len(body) < 4+int(body[2])
	case t == ikePayloadTransform, t == ikePayloadID, t == ike2PayloadKE, t == 35, t == 36, t == 39:
		return len(body) < 4
	case t == 6 || t == 7:
		return len(body) < 1
	case t == 12:
		return len(body) < 8
	case t == ike2PayloadNotify:
		return len(body) < 4 || len(body) < 4+int(body[1])
	}
	return false
}

var ikeCertTypes = [...]string{0: "none", 1: "pkcs7", 2: "pgp", 3: "dns", 4: "x509sign", 5: "x509ke",
	6: "kerberos", 7: "crl", 8: "arl", 9: "spki", 10: "x509attr"}

// IKEv1's notification types as tcpdump names them: the errors from 1,
// 8192 (reserved), the ISAKMP status from 16384, IPsec's from 24576.
var ikeNotifyErrors = [...]string{1: "INVALID-PAYLOAD-TYPE", 2: "DOI-NOT-SUPPORTED",
	3: "SITUATION-NOT-SUPPORTED", 4: "INVALID-COOKIE", 5: "INVALID-MAJOR-VERSION",
	6: "INVALID-MINOR-VERSION", 7: "INVALID-EXCHANGE-TYPE", 8: "INVALID-FLAGS",
	9: "INVALID-MESSAGE-ID", 10: "INVALID-PROTOCOL-ID", 11: "INVALID-SPI",
	12: "INVALID-TRANSFORM-ID", 13: "ATTRIBUTES-NOT-SUPPORTED", 14: "NO-PROPOSAL-CHOSEN",
	15: "BAD-PROPOSAL-SYNTAX", 16: "PAYLOAD-MALFORMED", 17: "INVALID-KEY-INFORMATION",
	18: "INVALID-ID-INFORMATION", 19: "INVALID-CERT-ENCODING", 20: "INVALID-CERTIFICATE",
	21: "CERT-TYPE-UNSUPPORTED", 22: "INVALID-CERT-AUTHORITY", 23: "INVALID-HASH-INFORMATION",
	24: "AUTHENTICATION-FAILED", 25: "INVALID-SIGNATURE", 26: "ADDRESS-NOTIFICATION",
	27: "NOTIFY-SA-LIFETIME", 28: "CERTIFICATE-UNAVAILABLE", 29: "UNSUPPORTED-EXCHANGE-TYPE",
	30: "UNEQUAL-PAYLOAD-LENGTHS"}

// appendIKEV1NotifyType appends tcpdump's name of IKEv1 notification type
// t, "#n" (n counted from the start of t's range) where it has none; the
// IPsec DOI's status types are named for that DOI only.
func appendIKEV1NotifyType(b []byte, t uint16, ipsec bool) []byte {
	var name string
	idx := uint64(t)
	switch {
	case t < 8192:
		name = ikeName(ikeNotifyErrors[:], idx)
	case t < 16384:
		idx -= 8192
		if idx == 0 {
			name = "RESERVED"
		}
	case t < 24576:
		idx -= 16384
		if idx == 0 {
			name = "CONNECTED"
		}
	case t < 32768 && ipsec:
		idx -= 24576
		switch idx {
		case 0:
			name = "RESPONDER-LIFETIME"
		case 1:
			name = "REPLAY-STATUS"
		case 2:
			name = "INITIAL-CONTACT"
		}
	}
	return appendIKEName(b, name, idx)
}

// appendIKEV1Notify appends the IKEv1 notification whose payload is
// m[off:off+n]: its DOI, protocol and type, the SPI and, in the IPsec DOI,
// the data (the responder lifetime's attributes, the replay status, the
// first and last bytes to the end of the capture for the others). It
// reports where tcpdump's printer gives up on the message.
func appendIKEV1Notify(b, m []byte, off, n int) ([]byte, bool) {
	// tcpdump reads the fixed fields and the SPI whatever the payload's
	// length says, as far as the capture goes.
	body := m[off+4:]
	if len(body) < 8 {
		return append(b, "( [|n])"...), true
	}
	doi, proto, typ := be32(body), body[4], be16(body[6:])
	b = append(b, "(n: doi="...)
	if doi != 1 {
		b = appendUint(b, uint64(doi))
		b = append(b, " proto="...)
		b = appendUint(b, uint64(proto))
		b = append(b, " type="...)
		return appendIKEV1NotifyType(b, typ, false), false
	}
	b = append(b, "ipsec proto="...)
	b = appendIKEName(b, ikeProtoName(proto), uint64(proto))
	b = append(b, " type="...)
	b = appendIKEV1NotifyType(b, typ, true)
	if len(body) < 8+int(body[5]) {
		return append(b, " spi= [|n])"...), true
	}
	spi := body[8 : 8+int(body[5])]
	if len(spi) > 0 {
		b = appendHexBytes(append(b, " spi="...), spi)
	}
	data := off + 12 + len(spi)
	switch typ {
	case 24576:
		b = append(b, " attrs=("...)
		for a := m[data:max(data, off+n)]; len(a) > 0; {
			if len(a) < 4 || a[0]&0x80 == 0 && 4+int(be16(a[2:])) > len(a) {
				b = append(b, "[|attr]"...)
				break
			}
			at := be16(a) & 0x7fff
			b = append(b, "(type="...)
			b = appendIKEName(b, ikeName(ikeAttrNames[:], uint64(at)), uint64(at))
			b, a = appendIKEAttrValue(b, a, ikeAttrValueNames(at, true))
		}
		b = append(b, ')')
	case 24577:
		b = append(b, " status=("...)
		if data+4 > len(m) {
			return append(b, " [|isakmp]"...), true
		}
		if be32(m[data:]) == 0 {
			b = append(b, "replay detection disabled"...)
		} else {
			b = append(b, "replay detection enabled"...)
		}
		b = append(b, ')')
	default:
		if data < len(m) {
			b = append(b, " data=("...)
			b = appendIKESummary(b, m[data:])
			b = append(b, ')')
		}
	}
	return b, false
}

// appendIKEV1Delete appends an IKEv1 deletion: its DOI, protocol and SPIs.
func appendIKEV1Delete(b, body []byte) []byte {
	doi, proto, size, count := be32(body), body[4], int(body[5]), int(be16(body[6:]))
	b = append(b, "(d: doi="...)
	if doi == 1 {
		b = append(b, "ipsec proto="...)
		b = appendIKEName(b, ikeProtoName(proto), uint64(proto))
	} else {
		b = appendUint(b, uint64(doi))
		b = append(b, " proto="...)
		b = appendUint(b, uint64(proto))
	}
	b = append(b, " spilen="...)
	b = appendUint(b, uint64(size))
	b = append(b, " nspi="...)
	b = appendUint(b, uint64(count))
	b = append(b, " spi="...)
	spis := body[8:]
	for k := range count {
		if k > 0 {
			b = append(b, ',')
		}
		if size > len(spis) {
			return append(b, " [|d]"...)
		}
		b = appendHexBytes(b, spis[:size])
		spis = spis[size:]
	}
	return b
}

// appendIKEV2Label appends "(name", "[C]" for a critical payload, and
// ':'.
func appendIKEV2Label(b []byte, name string, crit bool) []byte {
	b = append(b, '(')
	b = append(b, name...)
	if crit {
		b = append(b, "[C]"...)
	}
	return append(b, ':')
}

// appendIKEV2Transform appends an IKEv2 transform's text: its number in
// the proposal, type and ID, and attributes.
func appendIKEV2Transform(b, body []byte, num int) []byte {
	b = append(b, "(t: #"...)
	b = appendUint(b, uint64(num))
	b = append(b, " type="...)
	typ, id := body[0], uint64(be16(body[2:]))
	var names []string
	switch typ {
	case 1:
		b = append(b, "encr"...)
		names = ikeEncrNames[:]
	case 2:
		b = append(b, "prf"...)
		names = ike2PRFNames[:]
	case 3:
		b = append(b, "integ"...)
		names = ike2IntegNames[:]
	case 4:
		b = append(b, "dh"...)
		names = ikeGroupNames[:]
	case 5:
		b = append(b, "esn"...)
		names = ike2ESNNames[:]
	default:
		b = appendUint(append(b, '#'), uint64(typ))
	}
	b = append(b, " id="...)
	if names == nil {
		b = appendUint(b, id)
	} else {
		b = appendIKEName(b, ikeName(names, id), id)
	}
	b = append(b, ' ')
	for a := body[4:]; len(a) >= 4; {
		at := be16(a) & 0x7fff
		b = append(b, "(type="...)
		if at == 14 {
			b = append(b, "keylen"...)
		} else {
			b = appendUint(append(b, '#'), uint64(at))
		}
		b, a = appendIKEAttrValue(b, a, nil)
	}
	return b
}

// appendIKEAttrValue appends an attribute's value after its type (" value=…)"
// for a fixed-length one, named from names where it has one; " len=N
// value=…)" for a variable-length one), and returns the attributes after it.
func appendIKEAttrValue(b, a []byte, names []string) ([]byte, []byte) {
	if a[0]&0x80 != 0 {
		v := be16(a[2:])
		b = append(b, " value="...)
		if name := ikeName(names, uint64(v)); name != "" {
			b = append(b, name...)
		} else {
			b = appendHex4(b, v)
		}
		return append(b, ')'), a[4:]
	}
	n := int(be16(a[2:]))
	b = append(b, " len="...)
	b = appendUint(b, uint64(n))
	b = append(b, " value="...)
	v := a[4:min(4+n, len(a))]
	b = appendHexBytes(b, v)
	return append(b, ')'), a[4+len(v):]
}

// appendIKEV1Transform appends an IKEv1 transform's text: its number, its
// ID (named by the proposal's protocol), and attributes (ISAKMP's, or
// IPsec's).
func appendIKEV1Transform(b, body []byte, proto uint8) []byte {
	b = append(b, "(t: #"...)
	b = appendUint(b, uint64(body[0]))
	b = append(b, " id="...)
	id := uint64(body[1])
	switch proto {
	case 1:
		name := ""
		if id == 1 {
			name = "ike"
		}
		b = appendIKEName(b, name, id)
	case 2:
		b = appendIKEName(b, ikeName(ikeAHNames[:], id), id)
	case 3:
		b = appendIKEName(b, ikeName(ikeEncrNames[:], id), id)
	case 4:
		b = appendIKEName(b, ikeName(ikeIPCompNames[:], id), id)
	default:
		b = appendUint(b, id)
	}
	b = append(b, ' ')
	for a := body[4:]; len(a) >= 4; {
		at := be16(a) & 0x7fff
		b = append(b, "(type="...)
		var name string
		if proto == 1 {
			name = ikeName(ikeAttrNames[:], uint64(at))
		} else {
			name = ikeName(ipsecAttrNames[:], uint64(at))
		}
		b = appendIKEName(b, name, uint64(at))
		b, a = appendIKEAttrValue(b, a, ikeAttrValueNames(at, proto == 1))
	}
	return b
}

// appendIKEV1ID appends an IKEv1 identification's text: its type, protocol
// and port, and the identity.
func (p *LinePrinter) appendIKEV1ID(b, body []byte) []byte {
	typ, data := body[0], body[4:]
	b = append(b, "(id: idtype="...)
	b = appendIKEName(b, ikeName(ikeLineIDTypes[:], uint64(typ)), uint64(typ))
	b = append(b, " protoid="...)
	b = appendUint(b, uint64(body[1]))
	b = append(b, " port="...)
	b = appendUint(b, uint64(be16(body[2:])))
	if len(data) == 0 {
		return b
	}
	b = append(b, " len="...)
	b = appendUint(b, uint64(len(data)))
	need := 0 // the bytes an address type reads
	switch typ {
	case 1:
		need = 4
	case 4, 7:
		need = 8
	case 5:
		need = 16
	case 6, 8:
		need = 32
	}
	switch {
	case len(data) < need:
		b = append(b, " [bad: < "...)
		b = appendUint(b, uint64(need))
		b = append(b, ']')
	case typ == 1:
		b = addr4(data).AppendTo(append(b, ' '))
	case typ == 2 || typ == 3:
		b = appendPrintable(append(b, ' '), data)
	case typ == 4:
		b = addr4(data).AppendTo(append(b, ' '))
		b = addr4(data[4:]).AppendTo(append(b, '/'))
	case typ == 5:
		b = addr16(data).AppendTo(append(b, ' '))
	case typ == 6:
		b = addr16(data).AppendTo(append(b, ' '))
		b = appendHexBytes(append(b, "/0x"...), data[16:32])
	case typ == 7:
		b = addr4(data).AppendTo(append(b, ' '))
		b = addr4(data[4:]).AppendTo(append(b, '-'))
	case typ == 8:
		b = addr16(data).AppendTo(append(b, ' '))
		b = addr16(data[16:]).AppendTo(append(b, '-'))
	default:
		if p.Options.Verbose > 2 {
			b = appendHexBytes(append(b, ' '), data)
		}
	}
	return b
}

// appendIKEV2ID appends an IKEv2 identification's text (IDi, IDr).
func (p *LinePrinter) appendIKEV2ID(b []byte, t uint8, crit bool, body []byte) []byte {
	b = appendIKEV2Label(b, ikeLinePayloadNames[t], crit)
	b = append(b, " len="...)
	b = appendUint(b, uint64(len(body)))
	if p.Options.Verbose > 2 {
		b = appendHexBytes(append(b, ' '), body)
	}
	data := body[4:]
	switch body[0] {
	case 1:
		b = appendHexBytes(append(b, " ipv4:"...), data)
	case 2:
		b = appendIKEDotted(append(b, " fqdn:"...), data)
	case 3:
		b = appendIKEDotted(append(b, " rfc822:"...), data)
	case 5:
		b = appendHexBytes(append(b, " ipv6:"...), data)
	case 9:
		b = appendHexBytes(append(b, " dn:"...), data)
	case 10:
		b = appendHexBytes(append(b, " gn:"...), data)
	case 11:
		b = appendHexBytes(append(b, " keyid:"...), data)
	}
	return b
}
