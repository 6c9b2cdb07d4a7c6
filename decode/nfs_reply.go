package decode

// NFS v3 results as Wireshark draws them (RFC 1813): the replies of
// LOOKUP, READ, WRITE, CREATE, REMOVE, RMDIR, READDIR, READDIRPLUS,
// FSSTAT, FSINFO, PATHCONF and COMMIT,
// and WRITE's call, with their post-operation attributes (post_op_attr)
// and weak cache consistency data (wcc_data). A body is read twice: first
// without drawing, to check that it is whole and holds only what rawcap
// names (its bytes end where the last result ends), then drawn; a body
// that fails the check is not drawn at all (bodyNone), so rawcap never
// prints a line tshark does not.

// The fields, as Wireshark registers them.
const (
	nfs3FWccSize = iota
	nfs3FReadEOF
	nfs3FData
	nfs3FStable
	nfs3FCommitted
	nfs3FTBytes
	nfs3FFBytes
	nfs3FABytes
	nfs3FTFiles
	nfs3FFFiles
	nfs3FAFiles
	nfs3FInvarsec
	nfs3FRtmax
	nfs3FRtpref
	nfs3FRtmult
	nfs3FWtmax
	nfs3FWtpref
	nfs3FWtmult
	nfs3FDtpref
	nfs3FMaxFileSize
	nfs3FDTime
	nfs3FDTimeSec
	nfs3FDTimeNsec
	nfs3FProperties
	nfs3FPropSetattr
	nfs3FPropPathconf
	nfs3FPropSymlinks
	nfs3FPropHardlinks
	nfs3FLinkmax
	nfs3FNameMax
	nfs3FNoTrunc
	nfs3FChownRestricted
	nfs3FCaseInsensitive
	nfs3FCasePreserving
	nfs3FEntryFileID
	nfs3FEntryName
	nfs3FEntryCookie
	nfs3FPlusFileID
	nfs3FPlusName
	nfs3FPlusCookie
	nfs3FReaddirEOF
	nfs3FHandleFollow
	nfs3FCreateMode
	nfs3FSetIt
	nfs3FieldCount
)

// nfs3Field returns field f of the v3 results in NFS's table.
func nfs3Field(f int) *Field { return &nfsFields[nfsFieldCount+f] }

var nfs3FieldSpecs = [nfs3FieldCount]Field{
	nfs3FWccSize:         {Name: "nfs.wcc_attr.size", Label: "size", Kind: KindUint, Width: 64},
	nfs3FReadEOF:         {Name: "nfs.read.eof", Label: "EOF", Kind: KindBool},
	nfs3FData:            {Name: "nfs.data", Label: "Data", Kind: KindBytes},
	nfs3FStable:          {Name: "nfs.write.stable", Label: "Stable", Kind: KindUint, Width: 32},
	nfs3FCommitted:       {Name: "nfs.write.committed", Label: "Committed", Kind: KindUint, Width: 32},
	nfs3FTBytes:          {Name: "nfs.fsstat3_resok.tbytes", Label: "Total bytes", Kind: KindUint, Width: 64},
	nfs3FFBytes:          {Name: "nfs.fsstat3_resok.fbytes", Label: "Free bytes", Kind: KindUint, Width: 64},
	nfs3FABytes:          {Name: "nfs.fsstat3_resok.abytes", Label: "Available free bytes", Kind: KindUint, Width: 64},
	nfs3FTFiles:          {Name: "nfs.fsstat3_resok.tfiles", Label: "Total file slots", Kind: KindUint, Width: 64},
	nfs3FFFiles:          {Name: "nfs.fsstat3_resok.ffiles", Label: "Free file slots", Kind: KindUint, Width: 64},
	nfs3FAFiles:          {Name: "nfs.fsstat3_resok.afiles", Label: "Available free file slots", Kind: KindUint, Width: 64},
	nfs3FInvarsec:        {Name: "nfs.fsstat.invarsec", Label: "invarsec", Kind: KindUint, Width: 32},
	nfs3FRtmax:           {Name: "nfs.fsinfo.rtmax", Label: "rtmax", Kind: KindUint, Width: 32},
	nfs3FRtpref:          {Name: "nfs.fsinfo.rtpref", Label: "rtpref", Kind: KindUint, Width: 32},
	nfs3FRtmult:          {Name: "nfs.fsinfo.rtmult", Label: "rtmult", Kind: KindUint, Width: 32},
	nfs3FWtmax:           {Name: "nfs.fsinfo.wtmax", Label: "wtmax", Kind: KindUint, Width: 32},
	nfs3FWtpref:          {Name: "nfs.fsinfo.wtpref", Label: "wtpref", Kind: KindUint, Width: 32},
	nfs3FWtmult:          {Name: "nfs.fsinfo.wtmult", Label: "wtmult", Kind: KindUint, Width: 32},
	nfs3FDtpref:          {Name: "nfs.fsinfo.dtpref", Label: "dtpref", Kind: KindUint, Width: 32},
	nfs3FMaxFileSize:     {Name: "nfs.fsinfo.maxfilesize", Label: "maxfilesize", Kind: KindUint, Width: 64},
	nfs3FDTime:           {Name: "nfs.dtime", Label: "time delta", Kind: KindRelTime},
	nfs3FDTimeSec:        {Name: "nfs.dtime.sec", Label: "seconds", Kind: KindUint, Width: 32},
	nfs3FDTimeNsec:       {Name: "nfs.dtime.nsec", Label: "nano seconds", Kind: KindUint, Width: 32},
	nfs3FProperties:      {Name: "nfs.fsinfo.properties", Label: "Properties", Kind: KindUint, Width: 32, Base: BaseHex},
	nfs3FPropSetattr:     {Name: "nfs.fsinfo.properties.setattr", Label: "SETATTR can set time on server", Kind: KindBool, Width: 32, Mask: 0x10},
	nfs3FPropPathconf:    {Name: "nfs.fsinfo.properties.pathconf", Label: "PATHCONF", Kind: KindBool, Width: 32, Mask: 0x8},
	nfs3FPropSymlinks:    {Name: "nfs.fsinfo.properties.symlinks", Label: "File System supports symbolic links", Kind: KindBool, Width: 32, Mask: 0x2},
	nfs3FPropHardlinks:   {Name: "nfs.fsinfo.properties.hardlinks", Label: "File System supports hard links", Kind: KindBool, Width: 32, Mask: 0x1},
	nfs3FLinkmax:         {Name: "nfs.pathconf.linkmax", Label: "linkmax", Kind: KindUint, Width: 32},
	nfs3FNameMax:         {Name: "nfs.pathconf.name_max", Label: "name_max", Kind: KindUint, Width: 32},
	nfs3FNoTrunc:         {Name: "nfs.pathconf.no_trunc", Label: "no_trunc", Kind: KindBool},
	nfs3FChownRestricted: {Name: "nfs.pathconf.chown_restricted", Label: "chown_restricted", Kind: KindBool},
	nfs3FCaseInsensitive: {Name: "nfs.pathconf.case_insensitive", Label: "case_insensitive", Kind: KindBool},
	nfs3FCasePreserving:  {Name: "nfs.pathconf.case_preserving", Label: "case_preserving", Kind: KindBool},
	nfs3FEntryFileID:     {Name: "nfs.readdir.entry3.fileid", Label: "File ID", Kind: KindUint, Width: 64},
	nfs3FEntryName:       {Name: "nfs.readdir.entry3.name", Label: "Name", Kind: KindString},
	nfs3FEntryCookie:     {Name: "nfs.readdir.entry3.cookie", Label: "Cookie", Kind: KindUint, Width: 64},
	nfs3FPlusFileID:      {Name: "nfs.readdirplus.entry.fileid", Label: "File ID", Kind: KindUint, Width: 64},
	nfs3FPlusName:        {Name: "nfs.readdirplus.entry.name", Label: "Name", Kind: KindString},
	nfs3FPlusCookie:      {Name: "nfs.readdirplus.entry.cookie", Label: "Cookie", Kind: KindUint, Width: 64},
	nfs3FReaddirEOF:      {Name: "nfs.readdir.eof", Label: "EOF", Kind: KindUint, Width: 32},
	nfs3FHandleFollow:    {Name: "nfs.handle_follow", Label: "handle_follow", Kind: KindUint, Width: 32},
	nfs3FCreateMode:      {Name: "nfs.createmode", Label: "Create Mode", Kind: KindUint, Width: 32},
	nfs3FSetIt:           {Name: "nfs.set_it", Label: "set_it", Kind: KindUint, Width: 32},
}

var nfsCreateModes = [...]string{"UNCHECKED", "GUARDED"}

// nfs3MaxEntries is how many directory entries rawcap draws in a READDIR
// or READDIRPLUS reply; a longer list is left undrawn.
const nfs3MaxEntries = 256

var nfsStableNames = [...]string{"UNSTABLE", "DATA_SYNC", "FILE_SYNC"}

// nfs3Res reads (w nil) or draws a v3 result or WRITE call body b.
//
// The walk (w, nil when only reading) is a parameter, not a field: the
// body's bytes flow into the field list, and escape analysis would take
// the walk (and the tree writer it points to) along.
type nfs3Res struct {
	b   []byte
	off int
	bad bool
}

func (r *nfs3Res) u32() uint32 {
	if r.bad || r.off+4 > len(r.b) {
		r.bad = true
		return 0
	}
	v := be32(r.b[r.off:])
	r.off += 4
	return v
}

func (r *nfs3Res) u64() uint64 {
	if r.bad || r.off+8 > len(r.b) {
		r.bad = true
		return 0
	}
	v := nfsU64(r.b[r.off:])
	r.off += 8
	return v
}

// bytes reads n bytes and their padding to four.
func (r *nfs3Res) bytes(n uint32) []byte {
	p := int(n+3) &^ 3
	if r.bad || n > 1<<24 || r.off+p > len(r.b) {
		r.bad = true
		return nil
	}
	v := r.b[r.off : r.off+int(n)]
	r.off += p
	return v
}

func (r *nfs3Res) text(w *rpcWalk, depth int, s string) {
	if w != nil {
		w.text(depth, s)
	}
}

func (r *nfs3Res) field(w *rpcWalk, depth int, f int, v uint64, name string) {
	if w != nil {
		w.field(depth, nfs3Field(f), v, name)
	}
}

// boolean draws "Label: Yes/No" and emits the boolean field f.
func (r *nfs3Res) boolean(w *rpcWalk, depth, f int, v bool) {
	if w == nil {
		return
	}
	w.yesNo(depth, nfs3Field(f), v)
}

// yesNo emits the boolean fd at depth, drawn "Label: Yes" or "No".
func (w *rpcWalk) yesNo(depth int, fd *Field, v bool) {
	w.at(depth)
	w.e.Bool(fd, v)
	if !w.tree {
		return
	}
	if yes, no, ok := fd.BoolNames(); ok && yes == "Yes" && no == "No" {
		return // the standard line
	}
	t := append(w.e.Text(), fd.Label...)
	if v {
		t = append(t, ": Yes"...)
	} else {
		t = append(t, ": No"...)
	}
	w.e.SetRepr(t)
}

// postOp reads or draws a post_op_attr named name.
func (r *nfs3Res) postOp(w *rpcWalk, depth int, name string) {
	f := r.u32()
	switch {
	case r.bad:
		return
	case f == 0:
		r.text(w, depth, name)
		if w != nil {
			w.field(depth+1, &nfsFields[nfsFAttrFollow], 0, "no value")
		}
		return
	case f != 1 || r.off+84 > len(r.b):
		r.bad = true
		return
	}
	a := r.b[r.off : r.off+84]
	if t := be32(a); t < 1 || t > 7 {
		r.bad = true
		return
	}
	r.off += 84
	if w == nil {
		return
	}
	if w.tree {
		w.line(depth, appendNFSAttrSummary(append(append(w.e.Text(), name...), "  "...), a))
	}
	w.field(depth+1, &nfsFields[nfsFAttrFollow], 1, "value follows")
	if w.tree {
		w.line(depth+1, appendNFSAttrSummary(append(w.e.Text(), "attributes  "...), a))
	}
	w.fattr3(depth+2, a)
}

// wcc reads or draws a wcc_data named name: the size and times before,
// the attributes after.
func (r *nfs3Res) wcc(w *rpcWalk, depth int, name string) {
	r.text(w, depth, name)
	r.text(w, depth+1, "before")
	f := r.u32()
	switch {
	case r.bad:
		return
	case f == 0:
		if w != nil {
			w.field(depth+2, &nfsFields[nfsFAttrFollow], 0, "no value")
		}
	case f == 1:
		size, ms, mn, cs, cn := r.u64(), r.u32(), r.u32(), r.u32(), r.u32()
		if r.bad || w == nil {
			break
		}
		w.field(depth+2, &nfsFields[nfsFAttrFollow], 1, "value follows")
		r.text(w, depth+2, "attributes")
		r.field(w, depth+3, nfs3FWccSize, size, "")
		w.nfsTime(depth+3, nfsFMTime, ms, mn)
		w.nfsTime(depth+3, nfsFCTime, cs, cn)
	default:
		r.bad = true
		return
	}
	r.postOp(w, depth+1, "after")
}

// opaqueData reads or draws "Data: <DATA>" with its length, contents and
// fill bytes.
func (r *nfs3Res) opaqueData(w *rpcWalk, depth int) {
	n := r.u32()
	start := r.off
	data := r.bytes(n)
	if r.bad || w == nil {
		return
	}
	r.text(w, depth, "Data: <DATA>")
	w.uint(depth+1, rpcFOpaqueLength, uint64(n), "")
	w.at(depth + 1)
	w.e.Bytes(nfs3Field(nfs3FData), data)
	w.repr("contents: <DATA>")
	if n&3 != 0 {
		w.at(depth + 1)
		w.e.Bytes(&rpcFields[rpcFFillBytes], r.b[start+int(n):r.off])
		w.repr("fill bytes: opaque data")
	}
}

// verifier reads or draws an eight-byte write verifier.
func (r *nfs3Res) verifier(w *rpcWalk, depth int) {
	v := r.bytes(8)
	if r.bad || w == nil {
		return
	}
	w.at(depth)
	w.e.Bytes(&nfsFields[nfsFVerifier], v)
	w.repr("Verifier: Opaque Data")
}

// nfs3ResProc reports whether rawcap reads procedure proc's results (or,
// for a call, its arguments) with nfs3Res.
func nfs3ResProc(proc uint32, reply bool) bool {
	if !reply {
		return proc == nfsProcWrite || proc == nfsProcCreate
	}
	switch proc {
	case nfsProcLookup, nfsProcRead, nfsProcWrite, nfsProcRemove, nfsProcRmdir, nfsProcFsstat,
		nfsProcFsinfo, nfsProcPathconf, nfsProcCommit, nfsProcReaddir, nfsProcReaddirplus, nfsProcCreate:
		return true
	}
	return false
}

// walk reads or draws the body of procedure proc (a reply's results, or
// WRITE's arguments) at depth 1.
func (r *nfs3Res) walk(w *rpcWalk, proc uint32, reply bool) {
	if !reply && proc == nfsProcCreate {
		r.createCall(w)
		return
	}
	if !reply { // WRITE call
		fh, _, ok := nfsFH3(r.b, 0)
		if !ok {
			r.bad = true
			return
		}
		r.off = 4 + (len(fh)+3)&^3
		off, count, stable := r.u64(), r.u32(), r.u32()
		if r.bad || stable > 2 {
			r.bad = true
			return
		}
		if w != nil {
			r.text(w, 1, "file")
			w.fh(2, fh, 3)
			w.field(1, &nfsFields[nfsFOffset3], off, "")
			w.field(1, &nfsFields[nfsFCount3], uint64(count), "")
			r.field(w, 1, nfs3FStable, uint64(stable), nfsStableNames[stable])
		}
		r.opaqueData(w, 1)
		return
	}
	status := r.u32()
	if r.bad || nfsStatusName(3, status) == "" {
		r.bad = true
		return
	}
	if w != nil {
		w.status(&rpcBody{vers: 3, status: status})
	}
	ok := status == 0
	switch proc {
	case nfsProcLookup:
		if ok {
			fh, next, good := nfsFH3(r.b, r.off)
			if !good {
				r.bad = true
				return
			}
			r.off = next
			if w != nil {
				r.text(w, 1, "object")
				w.fh(2, fh, 3)
			}
			r.postOp(w, 1, "obj_attributes")
		}
		r.postOp(w, 1, "dir_attributes")
	case nfsProcRead:
		r.postOp(w, 1, "file_attributes")
		if !ok {
			return
		}
		count, eof := r.u32(), r.u32()
		if r.bad || eof > 1 {
			r.bad = true
			return
		}
		if w != nil {
			w.field(1, &nfsFields[nfsFCount3], uint64(count), "")
			r.boolean(w, 1, nfs3FReadEOF, eof == 1)
		}
		r.opaqueData(w, 1)
	case nfsProcWrite, nfsProcCommit:
		r.wcc(w, 1, "file_wcc")
		if !ok {
			return
		}
		if proc == nfsProcWrite {
			count, committed := r.u32(), r.u32()
			if r.bad || committed > 2 {
				r.bad = true
				return
			}
			if w != nil {
				w.field(1, &nfsFields[nfsFCount3], uint64(count), "")
				r.field(w, 1, nfs3FCommitted, uint64(committed), nfsStableNames[committed])
			}
		}
		r.verifier(w, 1)
	case nfsProcRemove, nfsProcRmdir:
		r.wcc(w, 1, "dir_wcc")
	case nfsProcCreate:
		if ok {
			r.postOpFH(w, 1, "obj")
			r.postOp(w, 1, "obj_attributes")
		}
		r.wcc(w, 1, "dir_wcc")
	case nfsProcFsstat:
		r.postOp(w, 1, "obj_attributes")
		if !ok {
			return
		}
		for f := nfs3FTBytes; f <= nfs3FAFiles; f++ {
			v := r.u64()
			if !r.bad {
				r.field(w, 1, f, v, "")
			}
		}
		if v := r.u32(); !r.bad {
			r.field(w, 1, nfs3FInvarsec, uint64(v), "")
		}
	case nfsProcFsinfo:
		r.postOp(w, 1, "obj_attributes")
		if !ok {
			return
		}
		var v [7]uint32
		for k := range v {
			v[k] = r.u32()
		}
		maxSize, ds, dn, props := r.u64(), r.u32(), r.u32(), r.u32()
		if r.bad || props&^0x1b != 0 || props&0x8 == 0 || dn >= 1e9 {
			r.bad = true
			return
		}
		if w == nil {
			return
		}
		for k := range v {
			r.field(w, 1, nfs3FRtmax+k, uint64(v[k]), "")
		}
		r.field(w, 1, nfs3FMaxFileSize, maxSize, "")
		w.at(1)
		w.e.relNstime(nfs3Field(nfs3FDTime), nstime{int64(ds), int32(dn)})
		if w.tree {
			t := appendNstime(append(w.e.Text(), "time delta: "...), nstime{int64(ds), int32(dn)})
			w.e.SetRepr(append(t, " seconds"...))
		}
		r.field(w, 2, nfs3FDTimeSec, uint64(ds), "")
		r.field(w, 2, nfs3FDTimeNsec, uint64(dn), "")
		w.at(1)
		w.e.Uint(nfs3Field(nfs3FProperties), uint64(props))
		if w.tree {
			t := appendHexN(append(w.e.Text(), "Properties: 0x"...), uint64(props), 8)
			for f := nfs3FPropSetattr; f <= nfs3FPropHardlinks; f++ {
				if uint64(props)&nfs3Field(f).Mask != 0 {
					t = append(append(t, ", "...), nfs3Field(f).Label...)
				}
			}
			w.e.SetRepr(t)
		}
		for f := nfs3FPropSetattr; f <= nfs3FPropHardlinks; f++ {
			if uint64(props)&nfs3Field(f).Mask != 0 {
				on := "Yes"
				if f == nfs3FPropPathconf {
					on = "is valid for all files"
				}
				w.flag(2, nfs3Field(f), uint64(props), on, "")
			}
		}
	case nfsProcReaddir, nfsProcReaddirplus:
		r.postOp(w, 1, "dir_attributes")
		if !ok {
			return
		}
		r.verifier(w, 1)
		for k := 0; ; k++ {
			follows := r.u32()
			if r.bad || follows > 1 || k == nfs3MaxEntries {
				r.bad = true
				return
			}
			r.valueFollows(w, follows == 1)
			if follows == 0 {
				break
			}
			r.entry(w, proc == nfsProcReaddirplus)
		}
		if eof := r.u32(); !r.bad {
			r.field(w, 1, nfs3FReaddirEOF, uint64(eof), "")
		}
	case nfsProcPathconf:
		r.postOp(w, 1, "obj_attributes")
		if !ok {
			return
		}
		linkmax, nameMax := r.u32(), r.u32()
		var b [4]uint32
		for k := range b {
			b[k] = r.u32()
		}
		if r.bad {
			return
		}
		r.field(w, 1, nfs3FLinkmax, uint64(linkmax), "")
		r.field(w, 1, nfs3FNameMax, uint64(nameMax), "")
		for k := range b {
			r.boolean(w, 1, nfs3FNoTrunc+k, b[k] != 0)
		}
	}
}

// createCall reads or draws CREATE's arguments: the directory and name,
// the mode (UNCHECKED or GUARDED: rawcap does not draw EXCLUSIVE's
// verifier) and the attributes, of which rawcap draws a mode only (no
// owner, size or times set).
func (r *nfs3Res) createCall(w *rpcWalk) {
	fh, next, ok := nfsFH3(r.b, 0)
	if !ok {
		r.bad = true
		return
	}
	name, next2, ok := nfsName(r.b, next)
	if !ok {
		r.bad = true
		return
	}
	r.off = next2
	how := r.u32()
	modeSet := r.u32()
	var mode uint32
	if modeSet == 1 {
		mode = r.u32()
	}
	var rest [5]uint32
	for k := range rest {
		rest[k] = r.u32()
	}
	if r.bad || how > 1 || modeSet > 1 || mode > 07777 || rest != [5]uint32{} {
		r.bad = true
		return
	}
	if w == nil {
		return
	}
	w.text(1, "where")
	w.text(2, "dir")
	w.fh(3, fh, 3)
	w.fileName(&nfsFields[nfsFName], name, r.b[next+4+len(name):next2])
	r.field(w, 1, nfs3FCreateMode, uint64(how), nfsCreateModes[how])
	w.text(1, "obj_attributes")
	if modeSet == 1 {
		w.text(2, "mode: value follows")
		r.field(w, 3, nfs3FSetIt, 1, "value follows")
		w.mode3(3, mode)
	} else {
		w.text(2, "mode: no value")
		r.field(w, 3, nfs3FSetIt, 0, "no value")
	}
	for _, n := range [...]string{"uid: no value", "gid: no value", "size: no value"} {
		w.text(2, n)
		r.field(w, 3, nfs3FSetIt, 0, "no value")
	}
	for _, n := range [...]string{"atime: don't change", "mtime: don't change"} {
		w.text(2, n)
		r.field(w, 3, nfs3FSetIt, 0, "don't change")
	}
}

// valueFollows draws "Value Follows: Yes/No" (rpc.value_follows).
func (r *nfs3Res) valueFollows(w *rpcWalk, v bool) {
	if w == nil {
		return
	}
	w.yesNo(1, &rpcFields[rpcFValueFollows], v)
}

// entry reads or draws a READDIR entry3 or a READDIRPLUS entryplus3.
func (r *nfs3Res) entry(w *rpcWalk, plus bool) {
	fileid := r.u64()
	if r.bad {
		return
	}
	nameOff := r.off
	name, next, ok := nfsName(r.b, r.off)
	if !ok {
		r.bad = true
		return
	}
	r.off = next
	cookie := r.u64()
	if r.bad {
		return
	}
	f := nfs3FEntryFileID
	if plus {
		f = nfs3FPlusFileID
	}
	if w != nil {
		if w.tree {
			w.line(1, append(append(w.e.Text(), "Entry: name "...), name...))
		}
		r.field(w, 2, f, fileid, "")
		w.fileName(nfs3Field(f+1), name, r.b[nameOff+4+len(name):next])
		r.field(w, 2, f+2, cookie, "")
	}
	if !plus {
		return
	}
	r.postOp(w, 2, "name_attributes")
	r.postOpFH(w, 2, "name_handle")
}

// postOpFH reads or draws a post_op_fh3 named name.
func (r *nfs3Res) postOpFH(w *rpcWalk, depth int, name string) {
	hf := r.u32()
	switch {
	case r.bad:
		return
	case hf == 0:
		if w != nil {
			w.text(depth, name)
			r.field(w, depth+1, nfs3FHandleFollow, 0, "no value")
		}
		return
	case hf != 1:
		r.bad = true
		return
	}
	fh, next, ok := nfsFH3(r.b, r.off)
	if !ok {
		r.bad = true
		return
	}
	r.off = next
	if w != nil {
		w.text(depth, name)
		r.field(w, depth+1, nfs3FHandleFollow, 1, "value follows")
		w.text(depth+1, "handle")
		w.fh(depth+2, fh, 3)
	}
}

// nfs3ResValid reports whether body b of procedure proc is one nfs3Res
// reads whole.
func nfs3ResValid(b []byte, proc uint32, reply bool) bool {
	r := nfs3Res{b: b}
	r.walk(nil, proc, reply)
	return !r.bad && r.off == len(b)
}

// appendNFS3ResSummary appends what a body nfs3Res reads adds to its
// subtree's head (info false) or to the Info column: WRITE's handle,
// offset, length and stability, LOOKUP's handle, READ's and WRITE's
// lengths, an error's name.
func appendNFS3ResSummary(dst []byte, r *rpcBody, reply, info bool) []byte {
	b := r.b
	if !reply && r.proc == nfsProcCreate {
		fh, next, _ := nfsFH3(b, 0)
		name, next2, _ := nfsName(b, next)
		if info {
			dst = append(dst, ',')
		}
		dst = append(dst, " DH: 0x"...)
		dst = appendHexN(dst, uint64(nfsFHHash(fh)), 8)
		dst = append(dst, '/')
		dst = append(dst, name...)
		dst = append(dst, " Mode: "...)
		return append(dst, nfsCreateModes[be32(b[next2:])]...)
	}
	if !reply {
		fh, next, _ := nfsFH3(b, 0)
		if info {
			dst = append(dst, ',')
		}
		dst = append(dst, " FH: 0x"...)
		dst = appendHexN(dst, uint64(nfsFHHash(fh)), 8)
		dst = append(dst, " Offset: "...)
		dst = appendUint(dst, nfsU64(b[next:]))
		dst = append(dst, " Len: "...)
		dst = appendUint(dst, uint64(be32(b[next+8:])))
		dst = append(dst, ' ')
		return append(dst, nfsStableNames[be32(b[next+12:])]...)
	}
	if r.status != 0 {
		if !info {
			dst = append(dst, ' ')
		}
		dst = append(dst, " Error: "...)
		return append(dst, nfsStatusName(3, r.status)...)
	}
	switch r.proc {
	case nfsProcLookup:
		fh, _, _ := nfsFH3(b, 4)
		if info {
			dst = append(dst, ',')
		}
		dst = append(dst, " FH: 0x"...)
		return appendHexN(dst, uint64(nfsFHHash(fh)), 8)
	case nfsProcReaddir, nfsProcReaddirplus:
		if !info {
			return dst
		}
		off := 4 + nfsPostOpLen(b[4:]) + 8
		for be32(b[off:]) == 1 {
			name, next, _ := nfsName(b, off+12)
			dst = append(dst, ' ')
			dst = append(dst, name...)
			off = next + 8
			if r.proc == nfsProcReaddirplus {
				off += nfsPostOpLen(b[off:])
				if be32(b[off:]) == 1 {
					_, off, _ = nfsFH3(b, off+4)
				} else {
					off += 4
				}
			}
		}
	case nfsProcRead, nfsProcWrite:
		off := 4
		if r.proc == nfsProcRead {
			off += nfsPostOpLen(b[off:])
		} else {
			off += nfsWccLen(b[off:])
		}
		dst = append(dst, " Len: "...)
		dst = appendUint(dst, uint64(be32(b[off:])))
		if r.proc == nfsProcWrite {
			dst = append(dst, ' ')
			dst = append(dst, nfsStableNames[be32(b[off+4:])]...)
		}
	}
	return dst
}

// nfsPostOpLen is the length of a valid post_op_attr at the start of b.
func nfsPostOpLen(b []byte) int {
	if be32(b) == 1 {
		return 4 + 84
	}
	return 4
}

// nfsWccLen is the length of a valid wcc_data at the start of b.
func nfsWccLen(b []byte) int {
	n := 4
	if be32(b) == 1 {
		n += 24
	}
	return n + nfsPostOpLen(b[n:])
}
