package decode

import (
	"net/netip"
	"strconv"
)

// tcpdump 4.99's NFS one-liners (print-nfs.c): a UDP datagram to port 2049
// holding an RPC call, or from it holding a reply, and the same in the
// first record of a TCP segment, are printed as
//
//	NFS request xid 1782448386 108 getattr fh Unknown/0100…
//	NFS reply xid 1782448386 reply ok 112 getattr DIR 755 ids 1000/100 sz 4096
//
// whatever program or RPC version the message names: tcpdump reads any call
// as NFS, version 3 when the call says 3 and version 2 (mapped to v3's
// procedure numbers) otherwise. A reply is read from the call tcpdump
// remembers with the same XID and the addresses reversed: a ring of the
// last 64 calls (nfsXIDMap), searched from where the last match was.
//
// tcpdump stops in two ways. A check that fails in the printer ends the line
// with " [|nfs]"; a read past the captured bytes does the same but longjmps
// out of the packet (nfsLine.cut), so that -x dumps from the link header.

// nfsPort is the port tcpdump reads NFS on (its NFS_PORT).
const nfsPort = 2049

// nfsXIDEntry is one remembered call: its XID, IP version, addresses,
// procedure and version.
type nfsXIDEntry struct {
	xid            uint32
	ipver          uint8
	client, server netip.Addr
	proc, vers     uint32
}

// nfsXIDMapSize is tcpdump's XIDMAPSIZE.
const nfsXIDMapSize = 64

// nfsXIDMap is tcpdump's xid_map: a ring the calls enter at next; a reply
// searches it from hint, which then points at the match.
type nfsXIDMap struct {
	e          [nfsXIDMapSize]nfsXIDEntry
	next, hint int
}

func (m *nfsXIDMap) enter(e nfsXIDEntry) {
	m.e[m.next] = e
	if m.next++; m.next >= nfsXIDMapSize {
		m.next = 0
	}
}

func (m *nfsXIDMap) find(xid uint32, ipver uint8, src, dst netip.Addr) (proc, vers uint32, ok bool) {
	i := m.hint
	for {
		e := &m.e[i]
		if e.ipver == ipver && e.xid == xid && e.server == src && e.client == dst {
			m.hint = i
			return e.proc, e.vers, true
		}
		if i++; i >= nfsXIDMapSize {
			i = 0
		}
		if i == m.hint {
			return 0, 0, false
		}
	}
}

// The procedure numbers tcpdump prints by (NFS v3's; its NFSPROC_NOOP for
// v2 procedures v3 does not have).
const (
	nfsProcNull        = 0
	nfsProcGetattr     = 1
	nfsProcSetattr     = 2
	nfsProcLookup      = 3
	nfsProcAccess      = 4
	nfsProcReadlink    = 5
	nfsProcRead        = 6
	nfsProcWrite       = 7
	nfsProcCreate      = 8
	nfsProcMkdir       = 9
	nfsProcSymlink     = 10
	nfsProcMknod       = 11
	nfsProcRemove      = 12
	nfsProcRmdir       = 13
	nfsProcRename      = 14
	nfsProcLink        = 15
	nfsProcReaddir     = 16
	nfsProcReaddirplus = 17
	nfsProcFsstat      = 18
	nfsProcFsinfo      = 19
	nfsProcPathconf    = 20
	nfsProcCommit      = 21
	nfsProcNoop        = 25
)

// nfsV2ToV3 maps version 2's procedure numbers (below 26) to v3's.
var nfsV2ToV3 = [26]uint32{
	nfsProcNull, nfsProcGetattr, nfsProcSetattr, nfsProcNoop, nfsProcLookup, nfsProcReadlink,
	nfsProcRead, nfsProcNoop, nfsProcWrite, nfsProcCreate, nfsProcRemove, nfsProcRename,
	nfsProcLink, nfsProcSymlink, nfsProcMkdir, nfsProcRmdir, nfsProcReaddir, nfsProcFsstat,
	nfsProcNoop, nfsProcNoop, nfsProcNoop, nfsProcNoop, nfsProcNoop, nfsProcNoop, nfsProcNoop, nfsProcNoop,
}

var nfsProcNames = [...]string{"null", "getattr", "setattr", "lookup", "access", "readlink", "read",
	"write", "create", "mkdir", "symlink", "mknod", "remove", "rmdir", "rename", "link", "readdir",
	"readdirplus", "fsstat", "fsinfo", "pathconf", "commit"}

// appendNFSProc appends " name", or " proc-N" for a number tcpdump does not
// name.
func appendNFSProc(b []byte, proc uint32) []byte {
	switch {
	case proc < uint32(len(nfsProcNames)):
		b = append(b, ' ')
		return append(b, nfsProcNames[proc]...)
	case proc == nfsProcNoop:
		return append(b, " nop"...)
	}
	b = append(b, " proc-"...)
	return appendUint(b, uint64(proc))
}

// nfsErrors are tcpdump's texts for NFS statuses.
var nfsErrors = [...]struct {
	code uint32
	text string
}{
	{1, "Operation not permitted"}, {2, "No such file or directory"}, {5, "Input/output error"},
	{6, "Device not configured"}, {11, "Resource deadlock avoided"}, {12, "Cannot allocate memory"},
	{13, "Permission denied"}, {17, "File exists"}, {18, "Cross-device link"},
	{19, "Operation not supported by device"}, {20, "Not a directory"}, {21, "Is a directory"},
	{22, "Invalid argument"}, {26, "Text file busy"}, {27, "File too large"},
	{28, "No space left on device"}, {30, "Read-only file system"}, {31, "Too many links"},
	{45, "Operation not supported"}, {62, "Too many levels of symbolic links"},
	{63, "File name too long"}, {66, "Directory not empty"}, {69, "Disc quota exceeded"},
	{70, "Stale NFS file handle"}, {71, "Too many levels of remote in path"},
	{99, "Write cache flushed to disk"}, {10001, "Illegal NFS file handle"},
	{10002, "Update synchronization mismatch"}, {10003, "READDIR/READDIRPLUS cookie is stale"},
	{10004, "Operation not supported"}, {10005, "Buffer or request is too small"},
	{10006, "Unspecified error on server"}, {10007, "Object of that type not supported"},
	{10008, "Request couldn't be completed in time"},
}

var nfsTypeAbbr = [...]string{"NON", "REG", "DIR", "BLK", "CHR", "LNK", "", "FIFO"}

var nfsWriteModes = [...]string{"unstable", "datasync", "filesync"}

var rpcAuthStats = [...]string{"OK", "Bogus Credentials (seal broken)",
	"Rejected Credentials (client should begin new session)", "Bogus Verifier (seal broken)",
	"Verifier expired or was replayed", "Credentials are too weak", "Bogus response verifier",
	"Unknown failure"}

var rpcAcceptStats = [...]string{"", "PROG_UNAVAIL", "PROG_MISMATCH", "PROC_UNAVAIL", "GARBAGE_ARGS", "SYSTEM_ERR"}

// nfsLine prints one NFS message as tcpdump does. m holds the captured
// bytes from the RPC message's start to the end of what tcpdump may read
// (the capture, cut to the IP datagram); offsets are int64 because
// tcpdump's arithmetic on lengths read from the packet can reach far.
type nfsLine struct {
	b   []byte
	m   []byte
	v   int  // verbosity
	cut bool // a read went past m: tcpdump longjmps out of the packet
}

func (n *nfsLine) has(off, k int64) bool {
	return off >= 0 && k >= 0 && off <= int64(len(n.m)) && k <= int64(len(n.m))-off
}

func (n *nfsLine) u8(off int64) uint32 {
	if !n.has(off, 1) {
		n.cut = true
		return 0
	}
	return uint32(n.m[off])
}

func (n *nfsLine) u32(off int64) uint32 {
	if !n.has(off, 4) {
		n.cut = true
		return 0
	}
	return be32(n.m[off:])
}

func (n *nfsLine) u64(off int64) uint64 {
	if !n.has(off, 8) {
		n.cut = true
		return 0
	}
	return nfsU64(n.m[off:])
}

func (n *nfsLine) str(s string) { n.b = append(n.b, s...) }

func (n *nfsLine) num(v uint64) { n.b = appendUint(n.b, v) }

// usec appends " %u.%06u" of a time's two words.
func (n *nfsLine) usec(sec, frac uint32) {
	n.b = append(n.b, ' ')
	n.num(uint64(sec))
	n.b = append(n.b, '.')
	k := len(n.b)
	n.b = appendUint(n.b, uint64(frac))
	for len(n.b)-k < 6 {
		n.b = append(n.b, 0)
		copy(n.b[k+1:], n.b[k:])
		n.b[k] = '0'
	}
}

func (n *nfsLine) hex(v uint64) { n.b = strconv.AppendUint(n.b, v, 16) }

func (n *nfsLine) hex8(v uint32) { n.b = appendHexN(n.b, uint64(v), 8) }

// roundup4 is tcpdump's roundup2(len, 4) on an unsigned 32-bit length.
func roundup4(v uint32) uint32 { return (v + 3) &^ 3 }

// skipAuth is dp += (len + 2*4 + 3) / 4 words, in bytes, as tcpdump
// computes it (in size_t: no wrap).
func skipAuth(dp int64, ln uint32) int64 { return dp + int64((uint64(ln)+11)/4)*4 }

// parsereq returns the offset of a call's arguments, after the credential
// and the verifier; ok false where tcpdump's parsereq returns NULL.
func (n *nfsLine) parsereq(length uint32) (int64, bool) {
	dp := int64(24)
	if length < 8 {
		return 0, false
	}
	ln := n.u32(dp + 4)
	if n.cut {
		return 0, false
	}
	rl := roundup4(ln)
	if !n.has(dp+8, int64(rl)) {
		return 0, false
	}
	if 8+uint64(rl) <= uint64(length) {
		dp = skipAuth(dp, ln)
		length -= 8 + rl
		if length < 8 {
			return 0, false
		}
		ln = n.u32(dp + 4)
		if n.cut {
			return 0, false
		}
		rl = roundup4(ln)
		if !n.has(dp+8, int64(rl)) {
			return 0, false
		}
		if 8+uint64(rl) < uint64(length) {
			return skipAuth(dp, ln), true
		}
	}
	return 0, false
}

// parsefh prints a file handle (v3: its length first) and returns the
// offset after it.
func (n *nfsLine) parsefh(dp int64, v3 bool) (int64, bool) {
	words := int64(8)
	if v3 {
		words = int64(n.u32(dp) / 4)
		if n.cut {
			return 0, false
		}
		dp += 4
	}
	if !n.has(dp, words*4) {
		return 0, false
	}
	n.printfh(dp, words)
	if n.cut {
		return 0, false
	}
	return dp + words*4, true
}

// printfh prints a handle of words 32-bit words at dp as tcpdump's
// nfs_printfh does, guessing the server's layout (parsenfsfh.c): " fh
// major,minor/inode", or " fh Unknown/" and the handle in hex.
func (n *nfsLine) printfh(dp, words int64) {
	at := func(k int64) uint32 { return n.u8(dp + k) }
	const (
		fhUnknown = iota
		fhAuspex
		fhDecOSF
		fhIrix4
		fhSunOS4
		fhSunOS5
		fhUltrix
		fhVMSUCX
		fhHPUX9
		fhBSD44
	)
	typ := fhUnknown
	if at(0) == 0 && at(1) == 0 {
		switch {
		case at(2) == 0 && at(3) == 0:
			typ = fhAuspex
		case at(4) != 0 && at(5) == 0 && at(8) == 12 && at(9) == 0:
			typ = fhDecOSF
		case at(4) == 0 && at(5) == 8 && at(6) == 0 && at(7) == 0:
			typ = fhIrix4
		default:
			typ = fhSunOS4
		}
	} else if at(2) == 0 && at(3) == 0 {
		switch {
		case at(6) == 0 && at(7) == 0:
			typ = fhBSD44
		case at(21) == 0 && at(23) == 0:
			typ = fhUltrix
		case at(9) == 10:
			typ = fhSunOS5
		}
	} else {
		switch {
		case at(8) == 12 && at(9) == 0:
			typ = fhDecOSF
		case at(8) == 0 && at(9) == 10:
			if at(7) == 0 && at(6) == 0 && at(5) == 0 && at(4) == 0 {
				typ = fhHPUX9
			} else {
				typ = fhSunOS5
			}
		default:
			typ = fhVMSUCX
			seenNull := false
			for k := int64(1); k < 14; k++ {
				c := at(k)
				switch {
				case c >= 0x20 && c < 0x7f:
					if seenNull {
						typ = fhUnknown
					}
				case c == 0:
					seenNull = true
				default:
					typ = fhUnknown
				}
				if typ == fhUnknown {
					break
				}
			}
		}
	}
	if n.cut {
		return
	}
	u32 := func(a, b, c, d int64) uint32 { return at(a)<<24 | at(b)<<16 | at(c)<<8 | at(d) }
	var major, minor, ino uint32
	switch typ {
	case fhAuspex:
		minor, major, ino = at(7), at(6), u32(12, 13, 14, 15)
	case fhBSD44:
		minor, major, ino = at(0), at(1), u32(15, 14, 13, 12)
	case fhDecOSF:
		t := u32(3, 2, 1, 0)
		minor, major, ino = t&0xfffff, t>>20&0xfff, u32(15, 14, 13, 12)
	case fhIrix4:
		minor, major, ino = at(3), at(2), u32(8, 9, 10, 11)
	case fhSunOS4:
		minor, major, ino = at(3), at(2), u32(12, 13, 14, 15)
	case fhSunOS5:
		major = (at(0)<<8 | at(1)) >> 2 & 0x3fff
		minor = (at(1)<<16 | at(2)<<8 | at(3)) & 0x3ffff
		ino = u32(12, 13, 14, 15)
	case fhUltrix:
		minor, major, ino = at(0), at(1), u32(7, 6, 5, 4)
	case fhHPUX9:
		major, minor, ino = at(0), at(1)<<16|at(2)<<8|at(3), u32(12, 13, 14, 15)
	case fhVMSUCX:
		ino = u32(26, 27, 23, 22)
	}
	if n.cut {
		return
	}
	switch typ {
	case fhUnknown, fhVMSUCX:
		// The server's name of the file system, cut to as many characters
		// as the handle has words and at its first space.
		n.str(" fh ")
		name := []byte("Unknown")
		if typ == fhVMSUCX {
			name = n.m[dp+1 : dp+max(14, min(words+1, words*4))]
			for k, c := range name {
				if c == 0 {
					name = name[:k]
					break
				}
			}
		}
		if int64(len(name)) > words {
			name = name[:words]
		}
		for k, c := range name {
			if c == ' ' {
				name = name[:k]
				break
			}
		}
		n.b = appendPrintable(n.b, name)
		n.b = append(n.b, '/')
		if typ == fhVMSUCX {
			n.num(uint64(ino))
			return
		}
		h := n.m[dp : dp+min(words*4, 32)]
		for _, c := range h {
			n.b = append(n.b, "0123456789ABCDEF"[c>>4], "0123456789ABCDEF"[c&15])
		}
		return
	}
	n.str(" fh ")
	n.num(uint64(major))
	n.b = append(n.b, ',')
	n.num(uint64(minor))
	n.b = append(n.b, '/')
	n.num(uint64(ino))
}

// parsefn prints a file name in quotes and returns the offset after it.
func (n *nfsLine) parsefn(dp int64) (int64, bool) {
	ln := n.u32(dp)
	if n.cut {
		return 0, false
	}
	dp += 4
	if ln > 0xffffffff-3 {
		n.str("[cannot pad to 32-bit boundaries] (invalid)")
		return 0, false
	}
	rl := int64(roundup4(ln))
	if !n.has(dp, rl) {
		return 0, false
	}
	n.b = append(n.b, '"')
	n.b = appendPrintable(n.b, n.m[dp:dp+int64(ln)])
	n.b = append(n.b, '"')
	return dp + rl, true
}

func (n *nfsLine) parsefhn(dp int64, v3 bool) (int64, bool) {
	dp, ok := n.parsefh(dp, v3)
	if !ok {
		return 0, false
	}
	n.b = append(n.b, ' ')
	return n.parsefn(dp)
}

// nfsSattr3 is a parsed sattr3 (the parts tcpdump prints).
type nfsSattr3 struct {
	modeSet, uidSet, gidSet bool
	mode, uid, gid          uint32
	atime, mtime            bool
	as, an, ms, mn          uint32
}

func (n *nfsLine) parseSattr3(dp int64) (s nfsSattr3, next int64) {
	if s.modeSet = n.u32(dp) != 0; s.modeSet {
		dp += 4
		s.mode = n.u32(dp)
	}
	dp += 4
	if s.uidSet = n.u32(dp) != 0; s.uidSet {
		dp += 4
		s.uid = n.u32(dp)
	}
	dp += 4
	if s.gidSet = n.u32(dp) != 0; s.gidSet {
		dp += 4
		s.gid = n.u32(dp)
	}
	dp += 4
	if n.u32(dp) != 0 {
		dp += 4
		n.u32(dp)
	}
	dp += 4
	if s.atime = n.u32(dp) == 2; s.atime {
		s.as, s.an = n.u32(dp+4), n.u32(dp+8)
		dp += 8
	}
	dp += 4
	if s.mtime = n.u32(dp) == 2; s.mtime {
		s.ms, s.mn = n.u32(dp+4), n.u32(dp+8)
		dp += 8
	}
	return s, dp + 4
}

func (n *nfsLine) printSattr3(s *nfsSattr3) {
	if s.modeSet {
		n.str(" mode ")
		n.b = strconv.AppendUint(n.b, uint64(s.mode), 8)
	}
	if s.uidSet {
		n.str(" uid ")
		n.num(uint64(s.uid))
	}
	if s.gidSet {
		n.str(" gid ")
		n.num(uint64(s.gid))
	}
	if n.v > 1 {
		if s.atime {
			n.str(" atime")
			n.usec(s.as, s.an)
		}
		if s.mtime {
			n.str(" mtime")
			n.usec(s.ms, s.mn)
		}
	}
}

// request prints a call (nfsreq_noaddr_print) of length bytes and
// remembers it in m.
func (n *nfsLine) request(length uint32, xm *nfsXIDMap, ipver uint8, src, dst netip.Addr) bool {
	n.num(uint64(length))
	if !n.has(20, 4) {
		return false
	}
	vers, proc := n.u32(16), n.u32(20)
	if ipver != 0 {
		xm.enter(nfsXIDEntry{xid: n.u32(0), ipver: ipver, client: src, server: dst, proc: proc, vers: vers})
	}
	v3 := vers == 3
	if !v3 && proc < uint32(len(nfsV2ToV3)) {
		proc = nfsV2ToV3[proc]
	}
	n.b = appendNFSProc(n.b, proc)
	var dp int64
	var ok bool
	switch proc {
	case nfsProcGetattr, nfsProcSetattr, nfsProcReadlink, nfsProcFsstat, nfsProcFsinfo, nfsProcPathconf:
		if dp, ok = n.parsereq(length); ok {
			_, ok = n.parsefh(dp, v3)
		}
		return ok
	case nfsProcLookup, nfsProcCreate, nfsProcMkdir, nfsProcRemove, nfsProcRmdir:
		if dp, ok = n.parsereq(length); ok {
			_, ok = n.parsefhn(dp, v3)
		}
		return ok
	case nfsProcAccess:
		if dp, ok = n.parsereq(length); !ok {
			return false
		}
		if dp, ok = n.parsefh(dp, v3); !ok {
			return false
		}
		f := n.u32(dp)
		if n.cut {
			return false
		}
		const full = 0x3f
		switch {
		case f&^full != 0:
			n.b = append(n.b, ' ')
			n.b = appendHexPad(n.b, uint64(f), 4)
		case f == full:
			n.str(" NFS_ACCESS_FULL")
		default:
			sep := byte(' ')
			for k, name := range [...]string{"READ", "LOOKUP", "MODIFY", "EXTEND", "DELETE", "EXECUTE"} {
				if f&(1<<k) != 0 {
					n.b = append(n.b, sep)
					n.str("NFS_ACCESS_")
					n.str(name)
					sep = '|'
				}
			}
		}
		return true
	case nfsProcRead, nfsProcWrite, nfsProcReaddir, nfsProcReaddirplus, nfsProcCommit:
		if dp, ok = n.parsereq(length); !ok {
			return false
		}
		if dp, ok = n.parsefh(dp, v3); !ok {
			return false
		}
		return n.requestCounts(proc, dp, v3)
	case nfsProcSymlink:
		if dp, ok = n.parsereq(length); !ok {
			return false
		}
		if dp, ok = n.parsefhn(dp, v3); !ok {
			return false
		}
		n.str(" ->")
		var s nfsSattr3
		if v3 {
			if s, dp = n.parseSattr3(dp); n.cut {
				return false
			}
		}
		if _, ok = n.parsefn(dp); !ok {
			return false
		}
		if v3 && n.v > 0 {
			n.printSattr3(&s)
		}
		return true
	case nfsProcMknod:
		if dp, ok = n.parsereq(length); !ok {
			return false
		}
		if dp, ok = n.parsefhn(dp, v3); !ok {
			return false
		}
		typ := n.u32(dp)
		s, dp := n.parseSattr3(dp + 4)
		if n.cut {
			return false
		}
		n.b = append(n.b, ' ')
		n.b = appendNFSType(n.b, typ, false)
		if n.v > 0 && (typ == 3 || typ == 4) {
			a, c := n.u32(dp), n.u32(dp+4)
			if n.cut {
				return false
			}
			n.b = append(n.b, ' ')
			n.num(uint64(a))
			n.b = append(n.b, '/')
			n.num(uint64(c))
		}
		if n.v > 0 {
			n.printSattr3(&s)
		}
		return true
	case nfsProcRename:
		if dp, ok = n.parsereq(length); !ok {
			return false
		}
		if dp, ok = n.parsefhn(dp, v3); !ok {
			return false
		}
		n.str(" ->")
		_, ok = n.parsefhn(dp, v3)
		return ok
	case nfsProcLink:
		if dp, ok = n.parsereq(length); !ok {
			return false
		}
		if dp, ok = n.parsefh(dp, v3); !ok {
			return false
		}
		n.str(" ->")
		_, ok = n.parsefhn(dp, v3)
		return ok
	}
	return true
}

// requestCounts prints READ, WRITE, READDIR(PLUS) and COMMIT's offsets
// and counts.
func (n *nfsLine) requestCounts(proc uint32, dp int64, v3 bool) bool {
	w := func(k int64) uint32 { return n.u32(dp + 4*k) }
	switch {
	case proc == nfsProcRead && v3, proc == nfsProcCommit:
		c, off := w(2), n.u64(dp)
		if n.cut {
			return false
		}
		n.b = append(n.b, ' ')
		n.num(uint64(c))
		n.str(" bytes @ ")
		n.num(off)
	case proc == nfsProcRead, proc == nfsProcReaddir && !v3:
		c, off := w(1), w(0)
		if n.cut {
			return false
		}
		n.b = append(n.b, ' ')
		n.num(uint64(c))
		n.str(" bytes @ ")
		n.num(uint64(off))
	case proc == nfsProcWrite && v3:
		c, c2, off := w(4), w(2), n.u64(dp)
		if n.cut {
			return false
		}
		n.b = append(n.b, ' ')
		n.num(uint64(c))
		n.str(" (")
		n.num(uint64(c2))
		n.str(") bytes @ ")
		n.num(off)
		if n.v > 0 {
			mode := w(3)
			if n.cut {
				return false
			}
			n.str(" <")
			n.b = appendWriteMode(n.b, mode)
			n.b = append(n.b, '>')
		}
	case proc == nfsProcWrite:
		a, b, c, e := w(3), w(2), w(1), w(0)
		if n.cut {
			return false
		}
		n.b = append(n.b, ' ')
		n.num(uint64(a))
		n.str(" (")
		n.num(uint64(b))
		n.str(") bytes @ ")
		n.num(uint64(c))
		n.str(" (")
		n.num(uint64(e))
		n.b = append(n.b, ')')
	default: // READDIR v3, READDIRPLUS
		c, off := w(4), n.u64(dp)
		if n.cut {
			return false
		}
		n.b = append(n.b, ' ')
		n.num(uint64(c))
		n.str(" bytes @ ")
		n.b = strconv.AppendInt(n.b, int64(off), 10)
		if n.v > 0 {
			var max uint32
			if proc == nfsProcReaddirplus {
				max = w(5)
			}
			v1, v2 := w(2), w(3)
			if n.cut {
				return false
			}
			if proc == nfsProcReaddirplus {
				n.str(" max ")
				n.num(uint64(max))
			}
			n.str(" verf ")
			n.hex8(v1)
			n.hex8(v2)
		}
	}
	return true
}

func appendWriteMode(b []byte, m uint32) []byte {
	if m < uint32(len(nfsWriteModes)) {
		return append(b, nfsWriteModes[m]...)
	}
	b = append(b, '#')
	return strconv.AppendInt(b, int64(int32(m)), 10)
}

// appendNFSType appends tcpdump's name of a file type, or "unk-ft N"
// (and a space where tcpdump's format has one).
func appendNFSType(b []byte, t uint32, space bool) []byte {
	if t < uint32(len(nfsTypeAbbr)) && nfsTypeAbbr[t] != "" {
		return append(b, nfsTypeAbbr[t]...)
	}
	b = append(b, "unk-ft "...)
	b = appendUint(b, uint64(t))
	if space {
		b = append(b, ' ')
	}
	return b
}

// appendHexPad appends v in lower-case hex, at least digits long.
func appendHexPad(b []byte, v uint64, digits int) []byte {
	k := len(b)
	b = strconv.AppendUint(b, v, 16)
	for len(b)-k < digits {
		b = append(b, 0)
		copy(b[k+1:], b[k:])
		b[k] = '0'
	}
	return b
}

// reply prints a reply (nfsreply_noaddr_print) of length bytes, read from
// the call m remembers.
func (n *nfsLine) reply(length uint32, xm *nfsXIDMap, ipver uint8, src, dst netip.Addr) bool {
	if !n.has(8, 4) {
		return false
	}
	switch stat := n.u32(8); stat {
	case 0:
		n.str("reply ok ")
		n.num(uint64(length))
		if ipver == 0 {
			return true
		}
		proc, vers, ok := xm.find(n.u32(0), ipver, src, dst)
		if !ok {
			return true
		}
		return n.interpReply(proc, vers, length)
	case 1:
		n.str("reply ERR ")
		n.num(uint64(length))
		n.str(": ")
		if !n.has(12, 4) {
			return false
		}
		switch r := n.u32(12); r {
		case 0:
			if !n.has(20, 4) {
				return false
			}
			n.str("RPC Version mismatch (")
			n.num(uint64(n.u32(16)))
			n.b = append(n.b, '-')
			n.num(uint64(n.u32(20)))
			n.b = append(n.b, ')')
		case 1:
			if !n.has(16, 4) {
				return false
			}
			n.str("Auth ")
			if why := n.u32(16); why < uint32(len(rpcAuthStats)) {
				n.str(rpcAuthStats[why])
			} else {
				n.str("Invalid failure code ")
				n.num(uint64(why))
			}
		default:
			n.str("Unknown reason for rejecting rpc message ")
			n.num(uint64(r))
		}
	default:
		n.str("reply Unknown rpc response code=")
		n.num(uint64(stat))
		n.b = append(n.b, ' ')
		n.num(uint64(length))
	}
	return true
}

// nfsReply is what interp_reply keeps while it reads: whether a printed
// error means no truncation mark.
type nfsReply struct {
	*nfsLine
	err bool // tcpdump's nfserr
}

// parserep returns the offset of the results after the verifier and the
// accept state, printing a state other than success.
func (r *nfsReply) parserep(length uint32) (int64, bool) {
	dp := int64(12)
	ln := r.u32(dp + 4)
	if r.cut || ln >= length {
		return 0, false
	}
	dp = skipAuth(dp, ln)
	astat := r.u32(dp)
	if r.cut {
		return 0, false
	}
	if astat != 0 {
		r.b = append(r.b, ' ')
		if astat < uint32(len(rpcAcceptStats)) {
			r.str(rpcAcceptStats[astat])
		} else {
			r.str("ar_stat ")
			r.num(uint64(astat))
		}
		r.err = true
		return 0, false
	}
	return dp + 4, true
}

func (r *nfsReply) status(dp int64) (int64, uint32, bool) {
	er := r.u32(dp)
	if r.cut {
		return 0, 0, false
	}
	if er != 0 {
		r.str(" ERROR: ")
		found := false
		for _, e := range nfsErrors {
			if e.code == er {
				r.str(e.text)
				found = true
				break
			}
		}
		if !found {
			r.str("unk ")
			r.num(uint64(er))
		}
		r.err = true
	}
	return dp + 4, er, true
}

// fattr prints file attributes (v2 or v3) at verbosity verbose.
func (r *nfsReply) fattr(dp int64, verbose int, v3 bool) (int64, bool) {
	if !r.has(dp+16, 4) {
		return 0, false
	}
	w := func(k int64) uint32 { return r.u32(dp + k) }
	if verbose > 0 {
		t, mode, uid, gid := w(0), w(4), w(12), w(16)
		if r.cut {
			return 0, false
		}
		r.b = append(r.b, ' ')
		r.b = appendNFSType(r.b, t, true)
		r.b = append(r.b, ' ')
		r.b = strconv.AppendUint(r.b, uint64(mode), 8)
		r.str(" ids ")
		r.b = strconv.AppendInt(r.b, int64(int32(uid)), 10)
		r.b = append(r.b, '/')
		r.b = strconv.AppendInt(r.b, int64(int32(gid)), 10)
		var size uint64
		if v3 {
			size = r.u64(dp + 20)
		} else {
			size = uint64(w(20))
		}
		if r.cut {
			return 0, false
		}
		r.str(" sz ")
		r.num(size)
	}
	if verbose > 1 {
		if v3 {
			if !r.has(dp+76, 8) {
				return 0, false
			}
			r.str(" nlink ")
			r.num(uint64(w(8)))
			r.str(" rdev ")
			r.num(uint64(w(36)))
			r.b = append(r.b, '/')
			r.num(uint64(w(40)))
			r.str(" fsid ")
			r.hex(r.u64(dp + 44))
			r.str(" fileid ")
			r.hex(r.u64(dp + 52))
			r.str(" a/m/ctime")
			r.usec(w(60), w(64))
			r.usec(w(68), w(72))
			r.usec(w(76), w(80))
		} else {
			if !r.has(dp+60, 8) {
				return 0, false
			}
			r.str(" nlink ")
			r.num(uint64(w(8)))
			r.str(" rdev 0x")
			r.hex(uint64(w(28)))
			r.str(" fsid 0x")
			r.hex(uint64(w(36)))
			r.str(" nodeid 0x")
			r.hex(uint64(w(40)))
			r.str(" a/m/ctime")
			r.usec(w(44), w(48))
			r.usec(w(52), w(56))
			r.usec(w(60), w(64))
		}
	}
	if v3 {
		return dp + 84, true
	}
	return dp + 68, true
}

func (r *nfsReply) attrstat(dp int64, verbose int, v3 bool) bool {
	dp, er, ok := r.status(dp)
	if !ok {
		return false
	}
	if er != 0 {
		return true
	}
	_, ok = r.fattr(dp, verbose, v3)
	return ok
}

func (r *nfsReply) diropres(dp int64) bool {
	dp, er, ok := r.status(dp)
	if !ok {
		return false
	}
	if er != 0 {
		return true
	}
	if dp, ok = r.parsefh(dp, false); !ok {
		return false
	}
	_, ok = r.fattr(dp, r.v, false)
	return ok
}

func (r *nfsReply) postOp(dp int64, verbose int) (int64, bool) {
	f := r.u32(dp)
	if r.cut {
		return 0, false
	}
	if f == 0 {
		return dp + 4, true
	}
	dp += 4
	if verbose > 0 {
		return r.fattr(dp, verbose, true)
	}
	return dp + 84, true
}

func (r *nfsReply) preOp(dp int64, verbose int) (int64, bool) {
	f := r.u32(dp)
	if r.cut {
		return 0, false
	}
	if f == 0 {
		return dp + 4, true
	}
	dp += 4
	if !r.has(dp, 24) {
		return 0, false
	}
	if verbose > 1 {
		r.str(" sz ")
		r.num(r.u64(dp))
		r.str(" mtime")
		r.usec(r.u32(dp+8), r.u32(dp+12))
		r.str(" ctime")
		r.usec(r.u32(dp+16), r.u32(dp+20))
	}
	return dp + 24, true
}

func (r *nfsReply) wcc(dp int64, verbose int) (int64, bool) {
	if verbose > 1 {
		r.str(" PRE:")
	}
	dp, ok := r.preOp(dp, verbose)
	if !ok {
		return 0, false
	}
	if verbose > 0 {
		r.str(" POST:")
	}
	return r.postOp(dp, verbose)
}

func (r *nfsReply) wccres(dp int64, verbose int) (int64, bool) {
	dp, _, ok := r.status(dp)
	if !ok {
		return 0, false
	}
	return r.wcc(dp, verbose)
}

func (r *nfsReply) createopres(dp int64, verbose int) bool {
	dp, er, ok := r.status(dp)
	if !ok {
		return false
	}
	if er != 0 {
		_, ok = r.wcc(dp, verbose)
		return ok
	}
	f := r.u32(dp)
	if r.cut {
		return false
	}
	if f == 0 {
		return true
	}
	if dp, ok = r.parsefh(dp+4, true); !ok {
		return false
	}
	if verbose > 0 {
		if dp, ok = r.postOp(dp, verbose); !ok {
			return false
		}
		if r.v > 1 {
			r.str(" dir attr:")
			_, ok = r.wcc(dp, verbose)
			return ok
		}
	}
	return true
}

func (r *nfsReply) linkres(dp int64, v3 bool) bool {
	dp, er, ok := r.status(dp)
	if !ok {
		return false
	}
	if er != 0 {
		return true
	}
	if v3 {
		if dp, ok = r.postOp(dp, r.v); !ok {
			return false
		}
	}
	r.b = append(r.b, ' ')
	_, ok = r.parsefn(dp)
	return ok
}

func (r *nfsReply) statfs(dp int64, v3 bool) bool {
	dp, er, ok := r.status(dp)
	if !ok {
		return false
	}
	if !v3 && er != 0 {
		return true
	}
	if v3 {
		if r.v > 0 {
			r.str(" POST:")
		}
		if dp, ok = r.postOp(dp, r.v); !ok {
			return false
		}
	}
	if v3 {
		if !r.has(dp, 52) {
			return false
		}
		r.str(" tbytes ")
		r.num(r.u64(dp))
		r.str(" fbytes ")
		r.num(r.u64(dp + 8))
		r.str(" abytes ")
		r.num(r.u64(dp + 16))
		if r.v > 0 {
			r.str(" tfiles ")
			r.num(r.u64(dp + 24))
			r.str(" ffiles ")
			r.num(r.u64(dp + 32))
			r.str(" afiles ")
			r.num(r.u64(dp + 40))
			r.str(" invar ")
			r.num(uint64(r.u32(dp + 48)))
		}
		return true
	}
	if !r.has(dp, 20) {
		return false
	}
	for k, name := range [...]string{" tsize ", " bsize ", " blocks ", " bfree ", " bavail "} {
		r.str(name)
		r.num(uint64(r.u32(dp + 4*int64(k))))
	}
	return true
}

func (r *nfsReply) rddires(dp int64) bool {
	dp, er, ok := r.status(dp)
	if !ok {
		return false
	}
	if er != 0 {
		return true
	}
	off, size := r.u32(dp), r.u32(dp+4)
	if r.cut {
		return false
	}
	r.str(" offset 0x")
	r.hex(uint64(off))
	r.str(" size ")
	r.num(uint64(size))
	r.b = append(r.b, ' ')
	eof := r.u32(dp + 8)
	if r.cut {
		return false
	}
	if eof != 0 {
		r.str(" eof")
	}
	return true
}

// statusPostOp prints a v3 result's status and post-op attributes, as
// READDIR, FSINFO and PATHCONF replies begin; done is set when nothing
// follows them (an error, or the reply cut short: then ok is false).
func (r *nfsReply) statusPostOp(dp int64) (next int64, done, ok bool) {
	dp, er, ok := r.status(dp)
	if !ok {
		return 0, true, false
	}
	if r.v > 0 {
		r.str(" POST:")
	}
	if dp, ok = r.postOp(dp, r.v); !ok {
		return 0, true, false
	}
	if er != 0 {
		return 0, true, true
	}
	return dp, false, true
}

func (r *nfsReply) v3rddires(dp int64) bool {
	dp, done, ok := r.statusPostOp(dp)
	if done {
		return ok
	}
	if r.v > 0 {
		a, b := r.u32(dp), r.u32(dp+4)
		if r.cut {
			return false
		}
		r.str(" verf ")
		r.hex8(a)
		r.hex8(b)
	}
	return true
}

func (r *nfsReply) fsinfo(dp int64) bool {
	dp, done, ok := r.statusPostOp(dp)
	if done {
		return ok
	}
	if !r.has(dp, 48) {
		return false
	}
	w := func(k int64) uint64 { return uint64(r.u32(dp + k)) }
	r.str(" rtmax ")
	r.num(w(0))
	r.str(" rtpref ")
	r.num(w(4))
	r.str(" wtmax ")
	r.num(w(12))
	r.str(" wtpref ")
	r.num(w(16))
	r.str(" dtpref ")
	r.num(w(24))
	if r.v > 0 {
		r.str(" rtmult ")
		r.num(w(8))
		r.str(" wtmult ")
		r.num(w(20))
		r.str(" maxfsz ")
		r.num(r.u64(dp + 28))
		r.str(" delta")
		r.usec(r.u32(dp+36), r.u32(dp+40))
		r.b = append(r.b, ' ')
	}
	return true
}

func (r *nfsReply) pathconf(dp int64) bool {
	dp, done, ok := r.statusPostOp(dp)
	if done {
		return ok
	}
	if !r.has(dp, 24) {
		return false
	}
	r.str(" linkmax ")
	r.num(uint64(r.u32(dp)))
	r.str(" namemax ")
	r.num(uint64(r.u32(dp + 4)))
	for k, name := range [...]string{"notrunc", "chownres", "igncase", "keepcase"} {
		r.b = append(r.b, ' ')
		if r.u32(dp+8+4*int64(k)) != 0 {
			r.str(name)
		}
	}
	return true
}

// interpReply prints the results of a reply to procedure proc of version
// vers (interp_reply); false where tcpdump prints its truncation mark.
func (n *nfsLine) interpReply(proc, vers uint32, length uint32) bool {
	r := &nfsReply{nfsLine: n}
	ok := r.interp(proc, vers, length)
	return ok || r.err && !n.cut
}

func (r *nfsReply) interp(proc, vers uint32, length uint32) bool {
	v3 := vers == 3
	if !v3 && proc < uint32(len(nfsV2ToV3)) {
		proc = nfsV2ToV3[proc]
	}
	r.b = appendNFSProc(r.b, proc)
	switch proc {
	case nfsProcGetattr, nfsProcSetattr, nfsProcLookup, nfsProcAccess, nfsProcReadlink, nfsProcRead,
		nfsProcWrite, nfsProcCreate, nfsProcMkdir, nfsProcSymlink, nfsProcMknod, nfsProcRemove,
		nfsProcRmdir, nfsProcRename, nfsProcLink, nfsProcReaddir, nfsProcReaddirplus, nfsProcFsstat,
		nfsProcFsinfo, nfsProcPathconf, nfsProcCommit:
	default:
		return true
	}
	dp, ok := r.parserep(length)
	if !ok {
		return false
	}
	var er uint32
	switch proc {
	case nfsProcGetattr:
		return r.attrstat(dp, 1, v3)
	case nfsProcSetattr:
		if v3 {
			_, ok = r.wccres(dp, r.v)
			return ok
		}
		return r.attrstat(dp, 1, false)
	case nfsProcLookup:
		if !v3 {
			return r.diropres(dp)
		}
		if dp, er, ok = r.status(dp); !ok {
			return false
		}
		if er == 0 {
			if dp, ok = r.parsefh(dp, true); !ok {
				return false
			}
			if dp, ok = r.postOp(dp, r.v); !ok {
				return false
			}
		}
		if r.v > 1 {
			r.str(" post dattr:")
			_, ok = r.postOp(dp, r.v)
			return ok
		}
		return true
	case nfsProcAccess:
		if dp, er, ok = r.status(dp); !ok {
			return false
		}
		if r.v > 0 {
			r.str(" attr:")
		}
		if dp, ok = r.postOp(dp, r.v); !ok {
			return false
		}
		if er == 0 {
			c := r.u32(dp)
			if r.cut {
				return false
			}
			r.str(" c ")
			r.b = appendHexPad(r.b, uint64(c), 4)
		}
		return true
	case nfsProcReadlink:
		return r.linkres(dp, v3)
	case nfsProcRead:
		if !v3 {
			return r.attrstat(dp, r.v, false)
		}
		if dp, er, ok = r.status(dp); !ok {
			return false
		}
		if dp, ok = r.postOp(dp, r.v); !ok {
			return false
		}
		if er == 0 && r.v > 0 {
			c := r.u32(dp)
			if r.cut {
				return false
			}
			r.b = append(r.b, ' ')
			r.num(uint64(c))
			r.str(" bytes")
			eof := r.u32(dp + 4)
			if r.cut {
				return false
			}
			if eof != 0 {
				r.str(" EOF")
			}
		}
		return true
	case nfsProcWrite:
		if !v3 {
			return r.attrstat(dp, r.v, false)
		}
		if dp, er, ok = r.status(dp); !ok {
			return false
		}
		if dp, ok = r.wcc(dp, r.v); !ok {
			return false
		}
		if er == 0 && r.v > 0 {
			c := r.u32(dp)
			if r.cut {
				return false
			}
			r.b = append(r.b, ' ')
			r.num(uint64(c))
			r.str(" bytes")
			if r.v > 1 {
				m := r.u32(dp + 4)
				if r.cut {
					return false
				}
				r.str(" <")
				r.b = appendWriteMode(r.b, m)
				r.b = append(r.b, '>')
				vf := r.u64(dp + 8)
				if r.cut {
					return false
				}
				r.str(" verf ")
				r.hex(vf)
			}
		}
		return true
	case nfsProcCreate, nfsProcMkdir:
		if v3 {
			return r.createopres(dp, r.v)
		}
		return r.diropres(dp)
	case nfsProcSymlink:
		if v3 {
			return r.createopres(dp, r.v)
		}
		_, _, ok = r.status(dp)
		return ok
	case nfsProcMknod:
		return r.createopres(dp, r.v)
	case nfsProcRemove, nfsProcRmdir:
		if v3 {
			_, ok = r.wccres(dp, r.v)
			return ok
		}
		_, _, ok = r.status(dp)
		return ok
	case nfsProcRename:
		if !v3 {
			_, _, ok = r.status(dp)
			return ok
		}
		if dp, _, ok = r.status(dp); !ok {
			return false
		}
		if r.v > 0 {
			r.str(" from:")
			if dp, ok = r.wcc(dp, r.v); !ok {
				return false
			}
			r.str(" to:")
			_, ok = r.wcc(dp, r.v)
		}
		return ok
	case nfsProcLink:
		if !v3 {
			_, _, ok = r.status(dp)
			return ok
		}
		if dp, _, ok = r.status(dp); !ok {
			return false
		}
		if r.v > 0 {
			r.str(" file POST:")
			if dp, ok = r.postOp(dp, r.v); !ok {
				return false
			}
			r.str(" dir:")
			_, ok = r.wcc(dp, r.v)
		}
		return ok
	case nfsProcReaddir:
		if v3 {
			return r.v3rddires(dp)
		}
		return r.rddires(dp)
	case nfsProcReaddirplus:
		return r.v3rddires(dp)
	case nfsProcFsstat:
		return r.statfs(dp, v3)
	case nfsProcFsinfo:
		return r.fsinfo(dp)
	case nfsProcPathconf:
		return r.pathconf(dp)
	case nfsProcCommit:
		if dp, ok = r.wccres(dp, r.v); !ok {
			return false
		}
		if r.v > 1 {
			vf := r.u64(dp)
			if r.cut {
				return false
			}
			r.str(" verf ")
			r.hex(vf)
		}
		return true
	}
	return true
}

// lineNFS appends tcpdump's NFS text for the RPC message that starts at
// data offset start of the packet, the transport at layer i (UDP: after
// the ports; TCP: after "length N", with the ": " tcpdump writes), when
// tcpdump takes it for NFS: a call to port 2049 or a reply from it. ok is
// false when it does not, and b is then unchanged.
func (p *LinePrinter) lineNFS(b []byte, d *Decoder, i, start int, length uint32, sp, dp uint16, tcp bool) (_ []byte, ok bool) {
	end := d.layers[i].End
	if start+8 > end {
		return b, false
	}
	dir := be32(d.data[start+4:])
	call := dp == nfsPort && dir == 0
	if !call && !(sp == nfsPort && dir == 1) {
		return b, false
	}
	if tcp {
		b = append(b, ": "...)
	}
	if call {
		b = append(b, "NFS request xid "...)
	} else {
		b = append(b, "NFS reply xid "...)
	}
	b = appendUint(b, uint64(be32(d.data[start:])))
	b = append(b, ' ')
	if p.nfsXIDs == nil {
		p.nfsXIDs = new(nfsXIDMap)
	}
	src, dst, v6 := ipAddrs(d, i)
	var ipver uint8
	switch {
	case !src.IsValid():
	case v6:
		ipver = 6
	default:
		ipver = 4
	}
	n := nfsLine{b: b, m: d.data[start:end], v: p.Options.Verbose}
	if call {
		ok = n.request(length, p.nfsXIDs, ipver, src, dst)
	} else {
		ok = n.reply(length, p.nfsXIDs, ipver, src, dst)
	}
	if !ok || n.cut {
		n.b = append(n.b, " [|nfs]"...)
		if n.cut {
			p.abandoned = true
		}
	}
	return n.b, true
}
