package decode

import (
	"hash/crc32"
	"time"
)

// The bodies of the RPC programs rawcap reads: NFS v2 and v3 (RFC 1094,
// RFC 1813) and Portmap v2 (RFC 1833), drawn as Wireshark's "Network File
// System" and "Portmap" subtrees after the RPC header, with their fields
// and their share of the Info column. A body is drawn only for the
// procedures and outcomes below, and only when it is whole; any other is
// left out (no subtree), so that rawcap never prints a line tshark does
// not:
//
//	NFS v2/v3 NULL call and reply; GETATTR call, and its reply (v3: the
//	attributes, v2: an error); LOOKUP call, and an error reply (v3:
//	without directory attributes); ACCESS call (v3), an error reply
//	without attributes; READ call (v3).
//	NFS v3 replies of LOOKUP, READ, WRITE, CREATE, REMOVE, RMDIR, READDIR,
//	READDIRPLUS, FSSTAT, FSINFO, PATHCONF and COMMIT, and the WRITE and
//	CREATE calls (nfs_reply.go).
//	Portmap v2 NULL call and reply, DUMP call, GETPORT call and reply.
//
// tcpdump's NFS one-liners are in nfs_print.go.

// The fields, as Wireshark registers them.
const (
	nfsFProcV2 = iota
	nfsFProcV3
	nfsFFHLength
	nfsFFHHash
	nfsFFHandle
	nfsFName
	nfsFStatus2
	nfsFStatus3
	nfsFStatus
	nfsFType
	nfsFMode
	nfsFModeBit0 // S_ISUID … S_IXOTH: twelve fields
	_
	_
	_
	_
	_
	_
	_
	_
	_
	_
	_
	nfsFNlink
	nfsFUID
	nfsFGID
	nfsFSize
	nfsFUsed
	nfsFSpec1
	nfsFSpec2
	nfsFFSID
	nfsFFileID
	nfsFATime
	nfsFATimeSec
	nfsFATimeNsec
	nfsFMTime
	nfsFMTimeSec
	nfsFMTimeNsec
	nfsFCTime
	nfsFCTimeSec
	nfsFCTimeNsec
	nfsFAttrFollow
	nfsFAccessCheck
	nfsFAccessBit0 // READ … EXECUTE: six fields
	_
	_
	_
	_
	_
	nfsFOffset3
	nfsFCount3
	nfsFCookie3
	nfsFVerifier
	nfsFDirCount
	nfsFMaxCount
	nfsFieldCount
)

// nfsFields are NFS's fields: those below and, after them, the v3
// results' (nfs_reply.go).
var nfsFields = func() (t [nfsFieldCount + nfs3FieldCount]Field) {
	copy(t[:], nfsFieldsBase[:])
	copy(t[nfsFieldCount:], nfs3FieldSpecs[:])
	return t
}()

var nfsFieldsBase = [nfsFieldCount]Field{
	nfsFProcV2:         {Name: "nfs.procedure_v2", Label: "V2 Procedure", Kind: KindUint, Width: 32, Generated: true},
	nfsFProcV3:         {Name: "nfs.procedure_v3", Label: "V3 Procedure", Kind: KindUint, Width: 32, Generated: true},
	nfsFFHLength:       {Name: "nfs.fh.length", Label: "length", Kind: KindUint, Width: 32},
	nfsFFHHash:         {Name: "nfs.fh.hash", Label: "hash (CRC-32)", Kind: KindUint, Width: 32, Base: BaseHex, Generated: true},
	nfsFFHandle:        {Name: "nfs.fhandle", Label: "FileHandle", Kind: KindBytes},
	nfsFName:           {Name: "nfs.name", Label: "Name", Kind: KindString},
	nfsFStatus2:        {Name: "nfs.status2", Label: "Status", Kind: KindUint, Width: 32},
	nfsFStatus3:        {Name: "nfs.status3", Label: "Status", Kind: KindUint, Width: 32},
	nfsFStatus:         {Name: "nfs.status", Label: "Status", Kind: KindUint, Width: 32},
	nfsFType:           {Name: "nfs.fattr3.type", Label: "Type", Kind: KindUint, Width: 32},
	nfsFMode:           {Name: "nfs.mode3", Label: "Mode", Kind: KindUint, Width: 32, Base: BaseOct},
	nfsFModeBit0 + 0:   {Name: "nfs.mode3.suid", Label: "S_ISUID", Kind: KindBool, Width: 32, Mask: 0x800},
	nfsFModeBit0 + 1:   {Name: "nfs.mode3.sgid", Label: "S_ISGID", Kind: KindBool, Width: 32, Mask: 0x400},
	nfsFModeBit0 + 2:   {Name: "nfs.mode3.sticky", Label: "S_ISVTX", Kind: KindBool, Width: 32, Mask: 0x200},
	nfsFModeBit0 + 3:   {Name: "nfs.mode3.rusr", Label: "S_IRUSR", Kind: KindBool, Width: 32, Mask: 0x100},
	nfsFModeBit0 + 4:   {Name: "nfs.mode3.wusr", Label: "S_IWUSR", Kind: KindBool, Width: 32, Mask: 0x80},
	nfsFModeBit0 + 5:   {Name: "nfs.mode3.xusr", Label: "S_IXUSR", Kind: KindBool, Width: 32, Mask: 0x40},
	nfsFModeBit0 + 6:   {Name: "nfs.mode3.rgrp", Label: "S_IRGRP", Kind: KindBool, Width: 32, Mask: 0x20},
	nfsFModeBit0 + 7:   {Name: "nfs.mode3.wgrp", Label: "S_IWGRP", Kind: KindBool, Width: 32, Mask: 0x10},
	nfsFModeBit0 + 8:   {Name: "nfs.mode3.xgrp", Label: "S_IXGRP", Kind: KindBool, Width: 32, Mask: 0x8},
	nfsFModeBit0 + 9:   {Name: "nfs.mode3.roth", Label: "S_IROTH", Kind: KindBool, Width: 32, Mask: 0x4},
	nfsFModeBit0 + 10:  {Name: "nfs.mode3.woth", Label: "S_IWOTH", Kind: KindBool, Width: 32, Mask: 0x2},
	nfsFModeBit0 + 11:  {Name: "nfs.mode3.xoth", Label: "S_IXOTH", Kind: KindBool, Width: 32, Mask: 0x1},
	nfsFNlink:          {Name: "nfs.fattr3.nlink", Label: "nlink", Kind: KindUint, Width: 32},
	nfsFUID:            {Name: "nfs.fattr3.uid", Label: "uid", Kind: KindUint, Width: 32},
	nfsFGID:            {Name: "nfs.fattr3.gid", Label: "gid", Kind: KindUint, Width: 32},
	nfsFSize:           {Name: "nfs.fattr3.size", Label: "size", Kind: KindUint, Width: 64},
	nfsFUsed:           {Name: "nfs.fattr3.used", Label: "used", Kind: KindUint, Width: 64},
	nfsFSpec1:          {Name: "nfs.specdata1", Label: "specdata1", Kind: KindUint, Width: 32},
	nfsFSpec2:          {Name: "nfs.specdata2", Label: "specdata2", Kind: KindUint, Width: 32},
	nfsFFSID:           {Name: "nfs.fattr3.fsid", Label: "fsid", Kind: KindUint, Width: 64, Base: BaseHexDec},
	nfsFFileID:         {Name: "nfs.fattr3.fileid", Label: "fileid", Kind: KindUint, Width: 64},
	nfsFATime:          {Name: "nfs.atime", Label: "atime", Kind: KindTime},
	nfsFATimeSec:       {Name: "nfs.atime.sec", Label: "seconds", Kind: KindUint, Width: 32},
	nfsFATimeNsec:      {Name: "nfs.atime.nsec", Label: "nano seconds", Kind: KindUint, Width: 32},
	nfsFMTime:          {Name: "nfs.mtime", Label: "mtime", Kind: KindTime},
	nfsFMTimeSec:       {Name: "nfs.mtime.sec", Label: "seconds", Kind: KindUint, Width: 32},
	nfsFMTimeNsec:      {Name: "nfs.mtime.nsec", Label: "nano seconds", Kind: KindUint, Width: 32},
	nfsFCTime:          {Name: "nfs.ctime", Label: "ctime", Kind: KindTime},
	nfsFCTimeSec:       {Name: "nfs.ctime.sec", Label: "seconds", Kind: KindUint, Width: 32},
	nfsFCTimeNsec:      {Name: "nfs.ctime.nsec", Label: "nano seconds", Kind: KindUint, Width: 32},
	nfsFAttrFollow:     {Name: "nfs.attributes_follow", Label: "attributes_follow", Kind: KindUint, Width: 32},
	nfsFAccessCheck:    {Name: "nfs.access_check", Label: "Check access", Kind: KindUint, Width: 8, Base: BaseHex},
	nfsFAccessBit0 + 0: {Name: "nfs.access_read", Label: "0x001 READ", Kind: KindBool, Width: 8, Mask: 0x1},
	nfsFAccessBit0 + 1: {Name: "nfs.access_lookup", Label: "0x002 LOOKUP", Kind: KindBool, Width: 8, Mask: 0x2},
	nfsFAccessBit0 + 2: {Name: "nfs.access_modify", Label: "0x004 MODIFY", Kind: KindBool, Width: 8, Mask: 0x4},
	nfsFAccessBit0 + 3: {Name: "nfs.access_extend", Label: "0x008 EXTEND", Kind: KindBool, Width: 8, Mask: 0x8},
	nfsFAccessBit0 + 4: {Name: "nfs.access_delete", Label: "0x010 DELETE", Kind: KindBool, Width: 8, Mask: 0x10},
	nfsFAccessBit0 + 5: {Name: "nfs.access_execute", Label: "0x020 EXECUTE", Kind: KindBool, Width: 8, Mask: 0x20},
	nfsFOffset3:        {Name: "nfs.offset3", Label: "offset", Kind: KindUint, Width: 64},
	nfsFCount3:         {Name: "nfs.count3", Label: "count", Kind: KindUint, Width: 32},
	nfsFCookie3:        {Name: "nfs.cookie3", Label: "cookie", Kind: KindUint, Width: 64},
	nfsFVerifier:       {Name: "nfs.verifier", Label: "Verifier", Kind: KindBytes},
	nfsFDirCount:       {Name: "nfs.count3_dircount", Label: "dircount", Kind: KindUint, Width: 32},
	nfsFMaxCount:       {Name: "nfs.count3_maxcount", Label: "maxcount", Kind: KindUint, Width: 32},
}

var protoNFS = protoField("nfs", "Network File System")

// The Portmap fields.
const (
	pmapFProcV2 = iota
	pmapFProg
	pmapFVersion
	pmapFProto
	pmapFPort
	pmapFieldCount
)

var pmapFields = [pmapFieldCount]Field{
	pmapFProcV2:  {Name: "portmap.procedure_v2", Label: "V2 Procedure", Kind: KindUint, Width: 32, Generated: true},
	pmapFProg:    {Name: "portmap.prog", Label: "Program", Kind: KindUint, Width: 32},
	pmapFVersion: {Name: "portmap.version", Label: "Version", Kind: KindUint, Width: 32},
	pmapFProto:   {Name: "portmap.proto", Label: "Protocol", Kind: KindUint, Width: 32},
	pmapFPort:    {Name: "portmap.port", Label: "Port", Kind: KindUint, Width: 32},
}

var protoPortmap = protoField("portmap", "Portmap")

var nfsTypeNames = [...]string{"", "Regular File", "Directory", "Block Special Device",
	"Character Special Device", "Symbolic Link", "Socket", "Named Pipe"}

var nfsAccessAbbr = [...]string{"RD", "LU", "MD", "XT", "DL", "XE"}

// nfsStatuses are the statuses rawcap names: the code, v2's name and
// v3's.
var nfsStatuses = [...]struct {
	code   uint32
	v2, v3 string
}{
	{0, "NFS_OK", "NFS3_OK"}, {1, "NFS2ERR_PERM", "NFS3ERR_PERM"}, {2, "NFS2ERR_NOENT", "NFS3ERR_NOENT"},
	{5, "NFS2ERR_IO", "NFS3ERR_IO"}, {6, "NFS2ERR_NXIO", "NFS3ERR_NXIO"}, {13, "NFS2ERR_ACCES", "NFS3ERR_ACCES"},
	{17, "NFS2ERR_EXIST", "NFS3ERR_EXIST"}, {19, "NFS2ERR_NODEV", "NFS3ERR_NODEV"},
	{20, "NFS2ERR_NOTDIR", "NFS3ERR_NOTDIR"}, {21, "NFS2ERR_ISDIR", "NFS3ERR_ISDIR"},
	{27, "NFS2ERR_FBIG", "NFS3ERR_FBIG"}, {28, "NFS2ERR_NOSPC", "NFS3ERR_NOSPC"}, {30, "NFS2ERR_ROFS", "NFS3ERR_ROFS"},
	{63, "NFS2ERR_NAMETOOLONG", "NFS3ERR_NAMETOOLONG"}, {66, "NFS2ERR_NOTEMPTY", "NFS3ERR_NOTEMPTY"},
	{69, "NFS2ERR_DQUOT", "NFS3ERR_DQUOT"}, {70, "NFS2ERR_STALE", "NFS3ERR_STALE"},
}

// nfsStatusName returns Wireshark's name of an NFS status of version
// vers, or "" for one rawcap does not name.
func nfsStatusName(vers, s uint32) string {
	for _, e := range nfsStatuses {
		if e.code == s {
			if vers == 2 {
				return e.v2
			}
			return e.v3
		}
	}
	return ""
}

// rpcBodyOff returns where the program's body starts in the RPC message
// m: after a call's verifier, or after an accepted, successful reply's
// accept state. ok is false when there is no body to read.
func rpcBodyOff(m []byte, reply bool) (int, bool) {
	if !reply {
		c := parseRPCCall(m)
		if !c.ok {
			return 0, false
		}
		return c.verf + 8 + (c.verfLen+3)&^3, true
	}
	stat, verf, _, vl, accept, n := rpcReply(m)
	if stat != 0 || n != 3 || accept != 0 {
		return 0, false
	}
	return verf + 8 + (vl+3)&^3 + 4, true
}

// rpcBody is what rawcap reads of a program's body: which shape it has
// and where its parts lie. kind is 0 for a body rawcap does not draw.
type rpcBody struct {
	kind             uint8
	prog, vers, proc uint32
	b                []byte // the body
	fh               []byte // the file handle (NFS)
	name             []byte // LOOKUP's name
	status           uint32 // a reply's status
	attr             int    // v3: offset of the fattr3 (GETATTR reply)
	u32              uint32 // ACCESS's mask, READ's count, GETPORT's port, READDIRPLUS's dircount
	u64              uint64 // READ's offset, READDIR's cookie
	u32b             uint32 // READDIR's count, READDIRPLUS's maxcount
	verf             []byte // READDIR's cookie verifier
}

const (
	bodyNone      = iota
	bodyEmpty     // NULL, DUMP call: nothing after the header lines
	bodyFH        // GETATTR, READLINK, FSSTAT, FSINFO, PATHCONF call
	bodyReaddir   // READDIR, READDIRPLUS call: handle, cookie, verifier, counts
	bodyLookup    // LOOKUP, REMOVE, RMDIR call: directory handle and name
	bodyAccess    // ACCESS call: handle and mask
	bodyRead      // READ, COMMIT call: handle, offset, count
	bodyStatus    // an error reply: the status alone (v2)
	bodyStatusPOA // an error reply: the status, no post-op attributes (v3)
	bodyAttr      // GETATTR reply: status and attributes
	bodyGetport   // Portmap GETPORT call
	bodyPort      // Portmap GETPORT reply
	bodyRes3      // v3 results nfs3Res reads, and WRITE's call (nfs_reply.go)
)

// nfsFH3 reads a v3 file handle (length, bytes, padding) at off.
func nfsFH3(b []byte, off int) (fh []byte, next int, ok bool) {
	if off+4 > len(b) {
		return nil, 0, false
	}
	n := int(be32(b[off:]))
	if n > 64 || off+4+(n+3)&^3 > len(b) {
		return nil, 0, false
	}
	return b[off+4 : off+4+n], off + 4 + (n+3)&^3, true
}

// nfsName reads a filename (length, bytes, padding) at off: printable
// text only, as Wireshark shows it unescaped.
func nfsName(b []byte, off int) (name []byte, next int, ok bool) {
	if off+4 > len(b) {
		return nil, 0, false
	}
	n := int(be32(b[off:]))
	if n > 255 || off+4+(n+3)&^3 > len(b) {
		return nil, 0, false
	}
	for _, c := range b[off+4 : off+4+n] {
		if c < 0x20 || c > 0x7e {
			return nil, 0, false
		}
	}
	return b[off+4 : off+4+n], off + 4 + (n+3)&^3, true
}

// parseRPCBody reads the body m[off:] of a message of program prog,
// version vers, procedure proc.
func parseRPCBody(m []byte, off int, prog, vers, proc uint32, reply bool) (r rpcBody) {
	b := m[off:]
	r.prog, r.vers, r.proc, r.b = prog, vers, proc, b
	var ok bool
	var next int
	kind := uint8(bodyNone)
	if prog == rpcProgNFS && vers == 3 && nfs3ResProc(proc, reply) && nfs3ResValid(b, proc, reply) {
		if reply {
			r.status = be32(b)
		}
		r.kind = bodyRes3
		return r
	}
	switch {
	case prog == rpcProgNFS && (vers == 2 || vers == 3) && proc == 0:
		if len(b) == 0 {
			kind = bodyEmpty
		}
	case prog == rpcProgNFS && reply:
		if len(b) < 4 {
			return r
		}
		r.status = be32(b)
		if nfsStatusName(vers, r.status) == "" {
			return r
		}
		switch {
		case vers == 3 && proc == 1 && r.status == 0 && len(b) == 4+84:
			if t := be32(b[4:]); t >= 1 && t <= 7 {
				kind, r.attr = bodyAttr, 4
			}
		case r.status == 0:
		case vers == 2 && (proc == 1 || proc == 4) && len(b) == 4:
			kind = bodyStatus
		case vers == 3 && (proc == 3 || proc == 4) && len(b) == 8 && be32(b[4:]) == 0:
			kind = bodyStatusPOA
		case vers == 3 && proc == 1 && len(b) == 4:
			kind = bodyStatus
		}
	case prog == rpcProgNFS && vers == 2 && (proc == 1 || proc == 4):
		if len(b) < 32 {
			return r
		}
		r.fh = b[:32]
		if proc == 1 {
			if len(b) == 32 {
				kind = bodyFH
			}
			break
		}
		if r.name, next, ok = nfsName(b, 32); ok && next == len(b) {
			kind = bodyLookup
		}
	case prog == rpcProgNFS && vers == 3 && !reply:
		if r.fh, next, ok = nfsFH3(b, 0); !ok {
			return r
		}
		switch proc {
		case 1, 5, 18, 19, 20:
			if next == len(b) {
				kind = bodyFH
			}
		case 16, 17:
			if n := 20 + 4*int(proc-16); next+n == len(b) {
				r.u64, r.verf, r.u32 = nfsU64(b[next:]), b[next+8:next+16], be32(b[next+16:])
				if proc == 17 {
					r.u32b = be32(b[next+20:])
				}
				kind = bodyReaddir
			}
		case 3, 12, 13:
			if r.name, next, ok = nfsName(b, next); ok && next == len(b) {
				kind = bodyLookup
			}
		case 4:
			if next+4 == len(b) {
				if r.u32 = be32(b[next:]); r.u32 <= 0x3f {
					kind = bodyAccess
				}
			}
		case 6, 21:
			if next+12 == len(b) {
				r.u64, r.u32 = uint64(be32(b[next:]))<<32|uint64(be32(b[next+4:])), be32(b[next+8:])
				kind = bodyRead
			}
		}
	case prog == rpcProgPortmap && vers == 2:
		switch {
		case proc == 0 && len(b) == 0, proc == 4 && !reply && len(b) == 0:
			kind = bodyEmpty
		case proc == 3 && !reply && len(b) == 16:
			if t := be32(b[8:]); rpcProgName(be32(b)) != "" && (t == 6 || t == 17) {
				kind = bodyGetport
			}
		case proc == 3 && reply && len(b) == 4:
			r.u32 = be32(b)
			kind = bodyPort
		}
	}
	r.kind = kind
	return r
}

// nfsFHHash is the handle's hash as Wireshark shows it: CRC-32.
func nfsFHHash(fh []byte) uint32 { return crc32.ChecksumIEEE(fh) }

// appendNFSAttrSummary appends "Regular File mode: 0644 uid: 1000 gid:
// 100" for the fattr3 a.
func appendNFSAttrSummary(dst []byte, a []byte) []byte {
	dst = append(dst, nfsTypeNames[be32(a)]...)
	dst = append(dst, " mode: "...)
	m := be32(a[4:]) & 07777
	dst = append(dst, byte('0'+m>>9&7), byte('0'+m>>6&7), byte('0'+m>>3&7), byte('0'+m&7))
	dst = append(dst, " uid: "...)
	dst = appendUint(dst, uint64(be32(a[12:])))
	dst = append(dst, " gid: "...)
	return appendUint(dst, uint64(be32(a[16:])))
}

func appendAccessAbbr(dst []byte, mask uint32) []byte {
	sep := false
	for k, a := range nfsAccessAbbr {
		if mask&(1<<k) != 0 {
			if sep {
				dst = append(dst, ' ')
			}
			dst = append(dst, a...)
			sep = true
		}
	}
	return dst
}

// appendRPCBodySummary appends what the body adds to its subtree's head
// (info false) or to the Info column (info true).
func appendRPCBodySummary(dst []byte, r *rpcBody, reply, info bool) []byte {
	procName := rpcProcName(r.prog, r.vers, r.proc)
	if r.prog == rpcProgPortmap {
		if info {
			switch r.kind {
			case bodyGetport:
				dst = append(dst, ' ')
				dst = append(dst, rpcProgName(be32(r.b))...)
				dst = append(dst, '(')
				dst = appendUint(dst, uint64(be32(r.b)))
				dst = append(dst, ") V:"...)
				dst = appendUint(dst, uint64(be32(r.b[4:])))
				if be32(r.b[8:]) == 6 {
					return append(dst, " TCP"...)
				}
				return append(dst, " UDP"...)
			case bodyPort:
				dst = append(dst, " Port:"...)
				return appendUint(dst, uint64(r.u32))
			}
			return dst
		}
		switch r.kind {
		case bodyGetport:
			dst = append(dst, " GETPORT Call "...)
			dst = append(dst, rpcProgName(be32(r.b))...)
			dst = append(dst, '(')
			dst = appendUint(dst, uint64(be32(r.b)))
			dst = append(dst, ") Version:"...)
			dst = appendUint(dst, uint64(be32(r.b[4:])))
			if be32(r.b[8:]) == 6 {
				return append(dst, " TCP"...)
			}
			return append(dst, " UDP"...)
		case bodyPort:
			dst = append(dst, " GETPORT Reply Port:"...)
			return appendUint(dst, uint64(r.u32))
		}
		return dst
	}
	if r.kind == bodyEmpty {
		return dst
	}
	if !info {
		dst = append(dst, ", "...)
		dst = append(dst, procName...)
		if reply {
			dst = append(dst, " Reply"...)
		} else {
			dst = append(dst, " Call"...)
		}
	}
	switch r.kind {
	case bodyRes3:
		dst = appendNFS3ResSummary(dst, r, reply, info)
	case bodyFH, bodyRead, bodyAccess, bodyReaddir:
		if info || r.kind == bodyAccess {
			dst = append(dst, ',')
		}
		if !info && r.vers == 3 && r.proc >= 18 && r.proc <= 20 {
			dst = append(dst, " DH: 0x"...) // FSSTAT, FSINFO, PATHCONF
		} else {
			dst = append(dst, " FH: 0x"...)
		}
		dst = appendHexN(dst, uint64(nfsFHHash(r.fh)), 8)
		if r.kind == bodyRead && r.proc == 6 {
			dst = append(dst, " Offset: "...)
			dst = appendUint(dst, r.u64)
			dst = append(dst, " Len: "...)
			dst = appendUint(dst, uint64(r.u32))
		}
		if r.kind == bodyAccess {
			dst = append(dst, ", [Check: "...)
			dst = appendAccessAbbr(dst, r.u32)
			dst = append(dst, ']')
		}
	case bodyLookup:
		if info {
			dst = append(dst, ',')
		}
		dst = append(dst, " DH: 0x"...)
		dst = appendHexN(dst, uint64(nfsFHHash(r.fh)), 8)
		dst = append(dst, '/')
		dst = append(dst, r.name...)
	case bodyStatus, bodyStatusPOA:
		if !info {
			dst = append(dst, ' ')
		}
		dst = append(dst, " Error: "...)
		dst = append(dst, nfsStatusName(r.vers, r.status)...)
	case bodyAttr:
		dst = append(dst, "  "...)
		dst = appendNFSAttrSummary(dst, r.b[r.attr:])
	}
	return dst
}

// body draws or emits the program's body of the RPC message m.
func (w *rpcWalk) body(m []byte, prog, vers, proc uint32, reply bool) {
	off, ok := rpcBodyOff(m, reply)
	if !ok {
		return
	}
	r := parseRPCBody(m, off, prog, vers, proc, reply)
	if r.kind == bodyNone {
		return
	}
	if prog == rpcProgPortmap {
		w.portmap(&r, reply)
		return
	}
	w.e.Proto(&protoNFS)
	if w.tree {
		w.e.SetRepr(appendRPCBodySummary(append(w.e.Text(), "Network File System"...), &r, reply, false))
	}
	name := rpcProcName(prog, vers, proc)
	w.gen(1, &rpcFields[rpcFProgVersion], uint64(vers), "")
	if vers == 2 {
		w.gen(1, &nfsFields[nfsFProcV2], uint64(proc), name)
	} else {
		w.gen(1, &nfsFields[nfsFProcV3], uint64(proc), name)
	}
	switch r.kind {
	case bodyRes3:
		res := nfs3Res{b: r.b}
		res.walk(w, proc, reply)
	case bodyFH:
		w.text(1, "object")
		w.fh(2, r.fh, vers)
	case bodyAccess:
		w.text(1, "object")
		w.fh(2, r.fh, vers)
		w.field(1, &nfsFields[nfsFAccessCheck], uint64(r.u32), "")
		for k := range 6 {
			if r.u32&(1<<k) != 0 {
				w.flag(2, &nfsFields[nfsFAccessBit0+k], uint64(r.u32), "allowed?", "")
			}
		}
	case bodyRead:
		w.text(1, "file")
		w.fh(2, r.fh, vers)
		w.field(1, &nfsFields[nfsFOffset3], r.u64, "")
		w.field(1, &nfsFields[nfsFCount3], uint64(r.u32), "")
	case bodyReaddir:
		w.text(1, "dir")
		w.fh(2, r.fh, vers)
		w.field(1, &nfsFields[nfsFCookie3], r.u64, "")
		w.at(1)
		w.e.Bytes(&nfsFields[nfsFVerifier], r.verf)
		w.repr("Verifier: Opaque Data")
		if proc == 16 {
			w.field(1, &nfsFields[nfsFCount3], uint64(r.u32), "")
		} else {
			w.field(1, &nfsFields[nfsFDirCount], uint64(r.u32), "")
			w.field(1, &nfsFields[nfsFMaxCount], uint64(r.u32b), "")
		}
	case bodyLookup:
		switch {
		case vers == 2:
			w.text(1, "where")
		case proc == 3:
			w.text(1, "what")
		default:
			w.text(1, "object")
		}
		w.text(2, "dir")
		w.fh(3, r.fh, vers)
		var fill []byte
		if len(r.name)&3 != 0 {
			fill = r.b[len(r.b)-(4-len(r.name)&3):]
		}
		w.fileName(&nfsFields[nfsFName], r.name, fill)
	case bodyStatus, bodyStatusPOA, bodyAttr:
		w.status(&r)
		switch r.kind {
		case bodyStatusPOA:
			if proc == 3 {
				w.text(1, "dir_attributes")
			} else {
				w.text(1, "obj_attributes")
			}
			w.field(2, &nfsFields[nfsFAttrFollow], 0, "no value")
		case bodyAttr:
			if w.tree {
				w.line(1, appendNFSAttrSummary(append(w.e.Text(), "obj_attributes  "...), r.b[r.attr:]))
			}
			w.fattr3(2, r.b[r.attr:r.attr+84])
		}
	}
	w.e.End()
}

// status draws an NFS reply's status and emits its hidden generic twin.
func (w *rpcWalk) status(r *rpcBody) {
	n := nfsStatusName(r.vers, r.status)
	if r.vers == 2 {
		w.field(1, &nfsFields[nfsFStatus2], uint64(r.status), n)
	} else {
		w.field(1, &nfsFields[nfsFStatus3], uint64(r.status), n)
	}
	if w.e.all {
		w.e.Hidden(true)
		w.e.Uint(&nfsFields[nfsFStatus], uint64(r.status))
		w.e.Hidden(false)
	}
}

// fileName emits an XDR string as tshark draws a file or machine name:
// "Name: x" at depth 2, its opaque length, contents and fill bytes a level
// deeper; fill is the padding that follows it (none when it is empty).
// The tree draws the name first, the other outputs after its length.
func (w *rpcWalk) fileName(f *Field, name, fill []byte) {
	if w.tree {
		w.at(2)
		w.e.Bytes(f, name)
		w.e.SetRepr(append(append(append(w.e.Text(), f.Label...), ": "...), name...))
	}
	w.uint(3, rpcFOpaqueLength, uint64(len(name)), "")
	if w.tree {
		w.line(3, append(append(w.e.Text(), "contents: "...), name...))
	} else {
		w.e.Bytes(f, name)
	}
	if len(fill) != 0 {
		w.at(3)
		w.e.Bytes(&rpcFields[rpcFFillBytes], fill)
		w.repr("fill bytes: opaque data")
	}
}

// fh emits a file handle: v3's length, the hash and the bytes.
func (w *rpcWalk) fh(depth int, fh []byte, vers uint32) {
	if vers == 3 {
		w.field(depth, &nfsFields[nfsFFHLength], uint64(len(fh)), "")
	}
	w.gen(depth, &nfsFields[nfsFFHHash], uint64(nfsFHHash(fh)), "")
	w.at(depth)
	w.e.Bytes(&nfsFields[nfsFFHandle], fh)
	if w.tree {
		w.e.SetRepr(appendHexBytes(append(w.e.Text(), "FileHandle: "...), fh))
	}
}

// fattr3 draws the 84 bytes of a v3 file's attributes.
func (w *rpcWalk) fattr3(depth int, a []byte) {
	typ := be32(a)
	w.field(depth, &nfsFields[nfsFType], uint64(typ), nfsTypeNames[typ])
	w.mode3(depth, be32(a[4:]))
	w.field(depth, &nfsFields[nfsFNlink], uint64(be32(a[8:])), "")
	w.field(depth, &nfsFields[nfsFUID], uint64(be32(a[12:])), "")
	w.field(depth, &nfsFields[nfsFGID], uint64(be32(a[16:])), "")
	w.field(depth, &nfsFields[nfsFSize], nfsU64(a[20:]), "")
	w.field(depth, &nfsFields[nfsFUsed], nfsU64(a[28:]), "")
	if w.tree {
		t := appendUint(append(w.e.Text(), "rdev: "...), uint64(be32(a[36:])))
		w.line(depth, appendUint(append(t, ','), uint64(be32(a[40:]))))
	}
	w.field(depth+1, &nfsFields[nfsFSpec1], uint64(be32(a[36:])), "")
	w.field(depth+1, &nfsFields[nfsFSpec2], uint64(be32(a[40:])), "")
	w.field(depth, &nfsFields[nfsFFSID], nfsU64(a[44:]), "")
	w.field(depth, &nfsFields[nfsFFileID], nfsU64(a[52:]), "")
	for k := range 3 {
		f := nfsFATime + 3*k
		ts := a[60+8*k:]
		w.nfsTime(depth, f, be32(ts), be32(ts[4:]))
	}
}

// mode3 draws a v3 mode: its octal value with the bits set, then each
// bit.
func (w *rpcWalk) mode3(depth int, mode uint32) {
	w.at(depth)
	w.e.Uint(&nfsFields[nfsFMode], uint64(mode))
	if w.tree {
		t := appendOctal(append(w.e.Text(), "Mode: 0"...), uint64(mode))
		for k := range 12 {
			fd := &nfsFields[nfsFModeBit0+k]
			if uint64(mode)&fd.Mask != 0 {
				t = append(append(t, ", "...), fd.Label...)
			}
		}
		w.e.SetRepr(t)
	}
	for k := range 12 {
		w.flag(depth+1, &nfsFields[nfsFModeBit0+k], uint64(mode), "Yes", "No")
	}
}

// nfsTime draws an nfstime3: the time, its seconds and nanoseconds.
func (w *rpcWalk) nfsTime(depth, f int, sec, nsec uint32) {
	fd := &nfsFields[f]
	tm := time.Unix(int64(sec), int64(nsec))
	loc := time.Local
	if w.tree {
		loc = w.e.loc // the zone the tree shows times in
	}
	w.at(depth)
	w.e.TextDone(fd, appendNFSTime(w.e.Text(), tm, loc, nsec))
	w.field(depth+1, &nfsFields[f+1], uint64(sec), "")
	w.field(depth+1, &nfsFields[f+2], uint64(nsec), "")
}

func appendNFSTime(b []byte, tm time.Time, loc *time.Location, nsec uint32) []byte {
	if loc == nil {
		loc = time.Local
	}
	lt := tm.In(loc)
	b = lt.AppendFormat(b, "Jan _2, 2006 15:04:05.")
	b = appendNanos(b, uint32(lt.Nanosecond()))
	return lt.AppendFormat(b, " MST")
}

func appendOctal(b []byte, v uint64) []byte {
	var buf [24]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + v&7)
		v >>= 3
		if v == 0 {
			break
		}
	}
	return append(b, buf[i:]...)
}

// portmap draws or emits a Portmap body.
func (w *rpcWalk) portmap(r *rpcBody, reply bool) {
	w.e.Proto(&protoPortmap)
	if w.tree {
		w.e.SetRepr(appendRPCBodySummary(append(w.e.Text(), "Portmap"...), r, reply, false))
	}
	w.gen(1, &rpcFields[rpcFProgVersion], uint64(r.vers), "")
	w.gen(1, &pmapFields[pmapFProcV2], uint64(r.proc), rpcProcName(r.prog, r.vers, r.proc))
	switch r.kind {
	case bodyGetport:
		prog, t := be32(r.b), be32(r.b[8:])
		w.field(1, &pmapFields[pmapFProg], uint64(prog), rpcProgName(prog))
		w.field(1, &pmapFields[pmapFVersion], uint64(be32(r.b[4:])), "")
		tn := "UDP"
		if t == 6 {
			tn = "TCP"
		}
		w.at(1)
		w.e.Uint(&pmapFields[pmapFProto], uint64(t))
		if w.tree {
			// tshark's line names the field "Proto", its label "Protocol".
			w.e.SetRepr(appendValueName(append(w.e.Text(), "Proto: "...), tn, uint64(t)))
		}
		w.field(1, &pmapFields[pmapFPort], uint64(be32(r.b[12:])), "")
	case bodyPort:
		w.field(1, &pmapFields[pmapFPort], uint64(r.u32), "")
	}
	w.e.End()
}

// gen emits fd at depth as a generated line, "[Label: value]": named by
// name where the program's tables name it, else drawn from fd's
// definition.
func (w *rpcWalk) gen(depth int, fd *Field, v uint64, name string) {
	w.at(depth)
	w.e.Uint(fd, v)
	if !w.tree || (name == "" && fd.Generated && fd.ValueNames() == nil) {
		return
	}
	t := w.e.Text()
	if !fd.Generated {
		t = append(t, '[')
	}
	t = append(append(t, fd.Label...), ": "...)
	if name != "" {
		t = appendValueName(t, name, v)
	} else {
		t = appendUint(t, v)
	}
	if !fd.Generated {
		t = append(t, ']')
	}
	w.e.SetRepr(t)
}

// flag emits the bit fd of v at depth, drawn "bits = Label: on/off"; a
// flag whose off text is "" is drawn only when set.
func (w *rpcWalk) flag(depth int, fd *Field, v uint64, on, off string) {
	set := v&fd.Mask != 0
	w.at(depth)
	w.e.Bool(fd, set)
	if !w.tree {
		return
	}
	yes, no, ok := fd.BoolNames()
	if !ok {
		yes, no = "True", "False"
	}
	if set && yes == on || !set && no == off {
		return // the standard line
	}
	t := append(appendBitDrawing(w.e.Text(), v, int(fd.Width), fd.Mask), " = "...)
	t = append(append(t, fd.Label...), ": "...)
	if set {
		t = append(t, on...)
	} else {
		t = append(t, off...)
	}
	w.e.SetRepr(t)
}

func nfsU64(b []byte) uint64 { return uint64(be32(b))<<32 | uint64(be32(b[4:])) }
