package pcapio

import (
	"fmt"
)

// Helpers for tools that copy blocks from several files into one section
// (merge, reorder, split): a section has one byte order and one interface
// numbering, so a block from elsewhere may need its byte order converted
// and its interface renumbered.

// optKind is how an option value is converted between byte orders.
type optKind uint8

const (
	optBytes optKind = iota // strings and byte strings: copied
	optU32
	optU64
	optTS // a timestamp: two 32-bit words, high first
)

func idbOptKind(code uint16) optKind {
	switch code {
	case 8, 14, 16, 17: // if_speed, if_tsoffset, if_txspeed, if_rxspeed
		return optU64
	case 10: // if_tzone
		return optU32
	}
	return optBytes
}

func epbOptKind(code uint16) optKind {
	switch code {
	case OptFlags, OptQueue:
		return optU32
	case OptDropCount, OptPacketID:
		return optU64
	}
	return optBytes
}

func pbOptKind(code uint16) optKind {
	if code == OptFlags {
		return optU32
	}
	return optBytes
}

func isbOptKind(code uint16) optKind {
	switch code {
	case 2, 3: // isb_starttime, isb_endtime
		return optTS
	case 4, 5, 6, 7, 8: // the counters
		return optU64
	}
	return optBytes
}

func bytesOptKind(uint16) optKind { return optBytes }

// SwapBlock appends to dst the pcapng block raw (one whole block, header to
// trailer, in byte order big) converted to the other byte order: every
// fixed field and every option whose type the pcapng specification gives
// (integers, timestamps, the Private Enterprise Number of custom blocks and
// options) is swapped; packet data, strings and addresses are copied. It
// fails with a *FormatError wrapping ErrBlockLength or ErrBadOption for a
// malformed block, and ErrBadRecord for a block type whose layout is not
// known (its fields cannot be told apart). raw is not modified.
func SwapBlock(dst, raw []byte, big bool) ([]byte, error) {
	n := len(raw)
	if n < 12 || n%4 != 0 {
		return dst, &FormatError{Msg: fmt.Sprintf("swapping a block of %d bytes", n), Err: ErrBlockLength}
	}
	typ := wGet32(raw, big)
	if wGet32(raw[4:], big) != uint32(n) || wGet32(raw[n-4:], big) != uint32(n) {
		return dst, &FormatError{Msg: fmt.Sprintf("swapping block type %#x: its lengths are not %d", typ, n), Err: ErrBlockLength}
	}
	start := len(dst)
	out := !big
	dst = wApp32(dst, out, typ)
	dst = wApp32(dst, out, uint32(n))
	body := raw[8 : n-4]
	short := func(min int) error {
		return &FormatError{Msg: fmt.Sprintf("swapping block type %#x of %d bytes (below its minimum of %d)", typ, n, min+12), Err: ErrBlockLength}
	}
	var (
		opts []byte
		kind func(uint16) optKind
	)
	switch typ {
	case BlockSHB:
		if len(body) < 16 {
			return dst[:start], short(16)
		}
		dst = wApp32(dst, out, wGet32(body, big))
		dst = wApp16(dst, out, wGet16(body[4:], big))
		dst = wApp16(dst, out, wGet16(body[6:], big))
		dst = wApp64(dst, out, wGet64(body[8:], big))
		opts, kind = body[16:], bytesOptKind
	case BlockIDB:
		if len(body) < 8 {
			return dst[:start], short(8)
		}
		dst = wApp16(dst, out, wGet16(body, big))
		dst = wApp16(dst, out, wGet16(body[2:], big))
		dst = wApp32(dst, out, wGet32(body[4:], big))
		opts, kind = body[8:], idbOptKind
	case BlockEPB, BlockPB:
		if len(body) < 20 {
			return dst[:start], short(20)
		}
		if typ == BlockPB {
			dst = wApp16(dst, out, wGet16(body, big))
			dst = wApp16(dst, out, wGet16(body[2:], big))
			kind = pbOptKind
		} else {
			dst = wApp32(dst, out, wGet32(body, big))
			kind = epbOptKind
		}
		for i := 4; i < 20; i += 4 {
			dst = wApp32(dst, out, wGet32(body[i:], big))
		}
		caplen := wGet32(body[12:], big)
		if uint64(caplen) > uint64(len(body)-20) {
			return dst[:start], &FormatError{Msg: fmt.Sprintf("swapping a packet block of %d bytes that claims %d captured bytes", n, caplen), Err: ErrBadRecord}
		}
		end := min(20+wPad4(int(caplen)), len(body))
		dst = append(dst, body[20:end]...)
		opts = body[end:]
	case BlockSPB:
		if len(body) < 4 {
			return dst[:start], short(4)
		}
		dst = wApp32(dst, out, wGet32(body, big))
		dst = append(dst, body[4:]...)
		kind = bytesOptKind
	case BlockNRB:
		off := 0
		for {
			if len(body)-off < 4 {
				return dst[:start], &FormatError{Msg: "swapping a name resolution block whose records run past it", Err: ErrBadOption}
			}
			rt, rl := wGet16(body[off:], big), int(wGet16(body[off+2:], big))
			if 4+wPad4(rl) > len(body)-off {
				return dst[:start], &FormatError{Msg: "swapping a name resolution block whose records run past it", Err: ErrBadOption}
			}
			dst = wApp16(dst, out, rt)
			dst = wApp16(dst, out, uint16(rl))
			dst = append(dst, body[off+4:off+4+wPad4(rl)]...)
			off += 4 + wPad4(rl)
			if rt == 0 {
				break
			}
		}
		opts, kind = body[off:], bytesOptKind
	case BlockISB:
		if len(body) < 12 {
			return dst[:start], short(12)
		}
		for i := 0; i < 12; i += 4 {
			dst = wApp32(dst, out, wGet32(body[i:], big))
		}
		opts, kind = body[12:], isbOptKind
	case BlockDSB:
		if len(body) < 8 {
			return dst[:start], short(8)
		}
		dst = wApp32(dst, out, wGet32(body, big))
		sl := wGet32(body[4:], big)
		dst = wApp32(dst, out, sl)
		if uint64(sl) > uint64(len(body)-8) {
			return dst[:start], &FormatError{Msg: fmt.Sprintf("swapping a decryption secrets block of %d bytes that claims %d bytes of secrets", n, sl), Err: ErrBadRecord}
		}
		end := min(8+wPad4(int(sl)), len(body))
		dst = append(dst, body[8:end]...)
		opts, kind = body[end:], bytesOptKind
	case BlockCustom, BlockCustomNoCopy:
		if len(body) < 4 {
			return dst[:start], short(4)
		}
		dst = wApp32(dst, out, wGet32(body, big))
		dst = append(dst, body[4:]...) // the vendor's data: opaque
		kind = bytesOptKind
	default:
		return dst[:start], &FormatError{Msg: fmt.Sprintf("block type %#x has no known layout, so its byte order cannot be converted", typ), Err: ErrBadRecord}
	}
	var err error
	if dst, err = swapOptions(dst, opts, big, kind); err != nil {
		return dst[:start], err
	}
	dst = wApp32(dst, out, uint32(n))
	if len(dst)-start != n {
		return dst[:start], &FormatError{Msg: fmt.Sprintf("swapping block type %#x changed its length", typ), Err: ErrBlockLength}
	}
	return dst, nil
}

// swapOptions converts an option list (up to the block trailer) from byte
// order big. Bytes after the end-of-options option are copied as they are.
func swapOptions(dst, o []byte, big bool, kind func(uint16) optKind) ([]byte, error) {
	out := !big
	for off := 0; off < len(o); {
		if len(o)-off < 4 {
			return append(dst, o[off:]...), nil
		}
		code, l := wGet16(o[off:], big), int(wGet16(o[off+2:], big))
		if 4+wPad4(l) > len(o)-off {
			return dst, &FormatError{Msg: fmt.Sprintf("swapping option %d of %d bytes that runs past its block", code, l), Err: ErrBadOption}
		}
		dst = wApp16(dst, out, code)
		dst = wApp16(dst, out, uint16(l))
		v := o[off+4 : off+4+l]
		switch k := kind(code); {
		case code == OptEndOfOpt:
			return append(dst, o[off+4:]...), nil
		case wIsCustomOpt(code) && l >= 4:
			dst = wApp32(dst, out, wGet32(v, big))
			dst = append(dst, v[4:]...)
		case k == optU32 && l == 4:
			dst = wApp32(dst, out, wGet32(v, big))
		case k == optU64 && l == 8:
			dst = wApp64(dst, out, wGet64(v, big))
		case k == optTS && l == 8:
			dst = wApp32(dst, out, wGet32(v, big))
			dst = wApp32(dst, out, wGet32(v[4:], big))
		default:
			dst = append(dst, v...)
		}
		dst = append(dst, o[off+4+l:off+4+wPad4(l)]...)
		off += 4 + wPad4(l)
	}
	return dst, nil
}

// SetBlockInterface rewrites, in place, the interface id of a packet or
// statistics block (EPB, PB, ISB) held in b, a caller-owned copy in byte
// order big. Other block types are left as they are. It fails when the id
// does not fit the block's field (16 bits in the obsolete Packet Block).
func SetBlockInterface(b []byte, big bool, iface int) error {
	if len(b) < 12 {
		return nil
	}
	switch wGet32(b, big) {
	case BlockEPB, BlockISB:
		if iface < 0 || int64(iface) > 0xffffffff {
			return fmt.Errorf("pcapio: interface %d: %w", iface, ErrNoInterface)
		}
		wPut32(b[8:], big, uint32(iface))
	case BlockPB:
		if iface < 0 || iface > 0xffff {
			return fmt.Errorf("pcapio: interface %d does not fit a packet block: %w", iface, ErrNoInterface)
		}
		if big {
			b[8], b[9] = byte(iface>>8), byte(iface)
		} else {
			b[8], b[9] = byte(iface), byte(iface>>8)
		}
	}
	return nil
}

// AppendIDB appends to dst an Interface Description Block for ifc in byte
// order big. An interface read from a pcapng file keeps its option list as
// it was stored (converted to big); one read from a pcap file gets
// if_tsresol (when not microseconds) and if_fcslen (when known).
func AppendIDB(dst []byte, ifc *Interface, big bool) ([]byte, error) {
	raw, optBig := ifc.Options.Raw()
	if len(raw) == 0 {
		optBig = big
		if ifc.TSResol != 6 && ifc.TSResol != 0 {
			raw = wAppOpt(raw, big, 9, []byte{ifc.TSResol})
		}
		if ifc.FCSLen > 0 {
			raw = wAppOpt(raw, big, 13, []byte{byte(ifc.FCSLen)})
		}
		if len(raw) > 0 {
			raw = wApp32(raw, big, 0)
		}
	}
	n := 20 + len(raw)
	if n%4 != 0 || n > wMaxBlock {
		return dst, fmt.Errorf("pcapio: interface description with %d bytes of options: %w", len(raw), ErrBlockLength)
	}
	start := len(dst)
	dst = wApp32(dst, optBig, BlockIDB)
	dst = wApp32(dst, optBig, uint32(n))
	dst = wApp16(dst, optBig, uint16(ifc.LinkType))
	dst = wApp16(dst, optBig, 0)
	dst = wApp32(dst, optBig, ifc.SnapLen)
	dst = append(dst, raw...)
	dst = wApp32(dst, optBig, uint32(n))
	if optBig == big {
		return dst, nil
	}
	swapped, err := SwapBlock(nil, dst[start:], optBig)
	if err != nil {
		return dst[:start], err
	}
	return append(dst[:start], swapped...), nil
}
