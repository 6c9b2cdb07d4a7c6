package decode

import "strconv"

// RPC is an ONC RPC message (RFC 5531) in a UDP datagram or TCP records
// on port 111 (portmap) or 2049 (NFS), as Wireshark's dissector registered
// on those ports reads it:
//
//	call:  xid, 0, rpcvers (2), prog, vers, proc, cred, verf, body
//	reply: xid, 1, reply_stat, (accepted:) verf, accept_stat, body
//
// where cred and verf are opaque_auth (a flavor, a length, the body padded
// to four bytes). A reply carries no program: Wireshark names it from the
// call with the same XID it saw before on the conversation (the connection
// tracker's request table, tracker_links.go), and shows a reply to no call
// it saw, or a message of neither kind, as "Continuation data". rawcap
// draws the RPC header, then the program's body where nfs.go reads it
// (NFS, Portmap). Over TCP (ports 111 and 2049) a message is a record
// after its mark; rpcRecords says which segments rawcap reads.

const (
	rpcPortmapPort = 111
	rpcNFSPort     = 2049

	rpcProgPortmap = 100000
	rpcProgNFS     = 100003
)

// decodeRPC takes a UDP payload on port 111 or 2049 as RPC as Wireshark
// does: a call of RPC version 2, or a reply to a call the connection
// tracker has seen on the conversation (its XID, the ports and addresses
// reversed; tracker_links.go), which the tracker has seen only when a
// Wireshark-style output asks for it. Anything else (a reply to no call
// seen included) is data.
func (d *Decoder) decodeRPC(l *Layer) LayerType {
	b := d.data[l.Start:l.End]
	tr := rpcTransport(d, d.n)
	next := LayerNone
	if tr >= 0 && d.layers[tr].Type == LayerTCP {
		// Over TCP: one record, and the next one after it.
		if d.layers[d.n-1].Type == LayerTCP && !rpcRecords(b) {
			tr = -1
		} else {
			n := int(be32(b) & 0x7fffffff)
			if 4+n < len(b) {
				next = LayerRPC
			}
			b = b[4 : 4+n]
			l.Payload = l.Start + 4 + n
		}
	}
	rpc := false
	if tr >= 0 && len(b) >= 12 {
		switch be32(b[4:]) {
		case 0:
			rpc = be32(b[8:]) == 2
		case 1:
			u := d.data[d.layers[tr].Start:]
			sp, dp := uint64(be16(u)), uint64(be16(u[2:]))
			src, dst := addrs16(d, d.n)
			rpc = d.trk != nil && d.trk.rpcCallSeen(&src, &dst, dp<<48|sp<<32|uint64(be32(b)))
		}
	}
	if !rpc {
		return l.asData()
	}
	if d.layers[tr].Type == LayerUDP {
		l.Payload = l.End
	}
	return next
}

// rpcMaxRecords is how many RPC records one TCP segment may hold for
// rawcap to read them (the connection tracker pairs as many calls and
// replies per packet).
const rpcMaxRecords = maxPerPkt

// rpcRecords reports whether p, a TCP segment's payload, is a run of
// whole RPC records (RFC 5531 section 11): each a four-byte mark, the
// last-fragment bit and the length, then the bytes, the last (and only)
// fragment of its message. rawcap reads a segment of at most
// rpcMaxRecords of them; a segment holding part of a record (tshark
// reassembles records across segments), a fragment that is not the last
// of its message, or more records, is left as data.
func rpcRecords(p []byte) bool {
	for k := 0; k < rpcMaxRecords; k++ {
		if len(p) < 4+12 || be32(p)&0x80000000 == 0 {
			return false
		}
		n := int(be32(p) & 0x7fffffff)
		if n < 12 || n > len(p)-4 {
			return false
		}
		if p = p[4+n:]; len(p) == 0 {
			return true
		}
	}
	return false
}

// rpcTransport returns the index of the UDP or TCP layer that carries the
// RPC layer i (RPC records of one TCP segment follow each other), or -1.
func rpcTransport(d *Decoder, i int) int {
	for j := i - 1; j >= 0; j-- {
		switch d.layers[j].Type {
		case LayerUDP, LayerTCP:
			return j
		case LayerRPC:
		default:
			return -1
		}
	}
	return -1
}

// rpcMessage returns the RPC message of layer i (after TCP's record mark;
// the layer's payload is the next record) and whether it came over TCP.
func rpcMessage(d *Decoder, i int) (m []byte, tcp bool) {
	l := &d.layers[i]
	if j := rpcTransport(d, i); j >= 0 && d.layers[j].Type == LayerTCP {
		return d.data[l.Start+4 : l.Payload], true
	}
	return d.data[l.Start:l.End], false
}

// The fields, as Wireshark registers them.
const (
	rpcFLastFrag = iota
	rpcFFragLen
	rpcFXID
	rpcFMsgType
	rpcFVersion
	rpcFProgram
	rpcFProgVersion
	rpcFProcedure
	rpcFFlavor
	rpcFAuthLength
	rpcFStamp
	rpcFOpaqueLength
	rpcFMachineName
	rpcFFillBytes
	rpcFUID
	rpcFGID
	rpcFReplyStat
	rpcFRepFrame
	rpcFTime
	rpcFStateAccept
	rpcFValueFollows
	rpcFStateReject
	rpcFStateAuth
	rpcFVersionMin
	rpcFVersionMax
	rpcFieldCount
)

var rpcFields = [rpcFieldCount]Field{
	rpcFLastFrag:     {Name: "rpc.lastfrag", Label: "Last Fragment", Kind: KindBool, Width: 32, Mask: 0x80000000},
	rpcFFragLen:      {Name: "rpc.fraglen", Label: "Fragment Length", Kind: KindUint, Width: 32, Mask: 0x7fffffff},
	rpcFXID:          {Name: "rpc.xid", Label: "XID", Kind: KindUint, Width: 32, Base: BaseHexDec},
	rpcFMsgType:      {Name: "rpc.msgtyp", Label: "Message Type", Kind: KindUint, Width: 32},
	rpcFVersion:      {Name: "rpc.version", Label: "RPC Version", Kind: KindUint, Width: 32},
	rpcFProgram:      {Name: "rpc.program", Label: "Program", Kind: KindUint, Width: 32},
	rpcFProgVersion:  {Name: "rpc.programversion", Label: "Program Version", Kind: KindUint, Width: 32},
	rpcFProcedure:    {Name: "rpc.procedure", Label: "Procedure", Kind: KindUint, Width: 32},
	rpcFFlavor:       {Name: "rpc.auth.flavor", Label: "Flavor", Kind: KindUint, Width: 32},
	rpcFAuthLength:   {Name: "rpc.auth.length", Label: "Length", Kind: KindUint, Width: 32},
	rpcFStamp:        {Name: "rpc.auth.stamp", Label: "Stamp", Kind: KindUint, Width: 32, Base: BaseHex},
	rpcFOpaqueLength: {Name: "rpc.opaque_length", Label: "length", Kind: KindUint, Width: 32},
	rpcFMachineName:  {Name: "rpc.auth.machinename", Label: "Machine Name", Kind: KindString},
	rpcFFillBytes:    {Name: "rpc.fill_bytes", Label: "fill bytes", Kind: KindBytes},
	rpcFUID:          {Name: "rpc.auth.uid", Label: "UID", Kind: KindUint, Width: 32},
	rpcFGID:          {Name: "rpc.auth.gid", Label: "GID", Kind: KindUint, Width: 32},
	rpcFReplyStat:    {Name: "rpc.replystat", Label: "Reply State", Kind: KindUint, Width: 32},
	rpcFRepFrame:     {Name: "rpc.repframe", Label: "Reply Frame", Kind: KindFrameNum, Generated: true},
	rpcFTime:         {Name: "rpc.time", Label: "Time from request", Kind: KindRelTime, Generated: true},
	rpcFStateAccept:  {Name: "rpc.state_accept", Label: "Accept State", Kind: KindUint, Width: 32},
	rpcFValueFollows: {Name: "rpc.value_follows", Label: "Value Follows", Kind: KindBool},
	rpcFStateReject:  {Name: "rpc.state_reject", Label: "Reject State", Kind: KindUint, Width: 32},
	rpcFStateAuth:    {Name: "rpc.state_auth", Label: "Auth State", Kind: KindUint, Width: 32},
	rpcFVersionMin:   {Name: "rpc.version.min", Label: "RPC Version (Minimum)", Kind: KindUint, Width: 32},
	rpcFVersionMax:   {Name: "rpc.version.max", Label: "RPC Version (Maximum)", Kind: KindUint, Width: 32},
}

var protoRPC = protoField("rpc", "Remote Procedure Call")

// rpcProgName returns the name Wireshark registers for program prog, or
// "" for one rawcap does not know.
func rpcProgName(prog uint32) string {
	switch prog {
	case rpcProgPortmap:
		return "Portmap"
	case rpcProgNFS:
		return "NFS"
	}
	return ""
}

var rpcPortmapProcs = [...]string{"NULL", "SET", "UNSET", "GETPORT", "DUMP", "CALLIT"}

var rpcNFS2Procs = [...]string{"NULL", "GETATTR", "SETATTR", "ROOT", "LOOKUP", "READLINK", "READ",
	"WRITECACHE", "WRITE", "CREATE", "REMOVE", "RENAME", "LINK", "SYMLINK", "MKDIR", "RMDIR",
	"READDIR", "STATFS"}

var rpcNFS3Procs = [...]string{"NULL", "GETATTR", "SETATTR", "LOOKUP", "ACCESS", "READLINK", "READ",
	"WRITE", "CREATE", "MKDIR", "SYMLINK", "MKNOD", "REMOVE", "RMDIR", "RENAME", "LINK", "READDIR",
	"READDIRPLUS", "FSSTAT", "FSINFO", "PATHCONF", "COMMIT"}

// rpcProcName returns Wireshark's name of procedure proc of version vers
// of program prog, or "" where rawcap does not know it.
func rpcProcName(prog, vers, proc uint32) string {
	var t []string
	switch {
	case prog == rpcProgPortmap && vers == 2:
		t = rpcPortmapProcs[:]
	case prog == rpcProgNFS && vers == 2:
		t = rpcNFS2Procs[:]
	case prog == rpcProgNFS && vers == 3:
		t = rpcNFS3Procs[:]
	}
	if uint64(proc) < uint64(len(t)) {
		return t[proc]
	}
	if t != nil && proc < uint32(len(rpcProcNumbers)) {
		return rpcProcNumbers[proc] // Wireshark's name of a procedure it does not know
	}
	return ""
}

// rpcProcNumbers are Wireshark's names ("proc-N") of procedures of a known
// program version it does not know, for the numbers below 64.
var rpcProcNumbers = func() (t [64]string) {
	for k := range t {
		t[k] = "proc-" + strconv.Itoa(k)
	}
	return t
}()

// rpcProcKnown reports whether procedure proc of version vers of program
// prog is one Wireshark's program dissector reads (not a "proc-N").
func rpcProcKnown(prog, vers, proc uint32) bool {
	n := rpcProcName(prog, vers, proc)
	return n != "" && (len(n) < 5 || n[:5] != "proc-")
}

// appendRPCProtocols appends frame.protocols' part for the RPC message at
// layer i: "rpc", then the program's protocol ("nfs", "portmap") when
// Wireshark hands it a body (a call, or an accepted reply that succeeded,
// of a procedure other than NULL), or "data" for the arguments of a
// procedure it does not know.
func appendRPCProtocols(b []byte, d *Decoder, i int, conv *convResults) []byte {
	b = append(b, "rpc"...)
	reply, _, _, pvp, ok := rpcLinkKey(d, i)
	if !ok {
		return b
	}
	if reply {
		q := conv.link(i)
		if q == nil || q.request == 0 {
			return b
		}
		pvp = q.rpc
	}
	m, _ := rpcMessage(d, i)
	off, ok := rpcBodyOff(m, reply)
	if !ok || pvp[2] == 0 {
		return b
	}
	switch {
	case rpcProcKnown(pvp[0], pvp[1], pvp[2]):
		if pvp[0] == rpcProgPortmap {
			return append(b, ":portmap"...)
		}
		return append(b, ":nfs"...)
	case off < len(m):
		return append(b, ":data"...)
	}
	return b
}

// rpcFlavorName returns the name of the authentication flavors rawcap
// draws.
func rpcFlavorName(f uint32) string {
	switch f {
	case 0:
		return "AUTH_NULL"
	case 1:
		return "AUTH_UNIX"
	}
	return ""
}

var rpcAcceptNames = [...]string{"RPC executed successfully", "remote hasn't exported program",
	"remote can't support version #", "program can't support procedure", "procedure can't decode params",
	"remote error", "remote error"}

// rpcCall is what rawcap reads of a call: the parts both the tree and the
// fields show. ok is false when the call is not one rawcap draws (an RPC
// version other than 2, a program or procedure it does not name, a
// credential or verifier it does not know, or bytes missing).
type rpcCall struct {
	xid, prog, vers, proc uint32
	cred, verf            int // offsets of the credential and verifier
	credLen, verfLen      int
	credFlavor, verfFlav  uint32
	ok                    bool
}

// rpcOpaqueAuth reads an opaque_auth at off: its flavor, its length and the
// offset after it; ok is false when it does not fit in b.
func rpcOpaqueAuth(b []byte, off int) (flavor uint32, n, next int, ok bool) {
	if off+8 > len(b) {
		return 0, 0, 0, false
	}
	flavor, ln := be32(b[off:]), be32(b[off+4:])
	if ln > 400 || off+8+int(ln+3)&^3 > len(b) {
		return 0, 0, 0, false
	}
	return flavor, int(ln), off + 8 + int(ln+3)&^3, true
}

// rpcUnixOK reports whether an AUTH_UNIX body is whole: stamp, machine
// name, uid, gid and the auxiliary gids fill exactly its length.
func rpcUnixOK(c []byte) bool {
	if len(c) < 8 {
		return false
	}
	nl := int(be32(c[4:]))
	off := 8 + (nl+3)&^3
	if nl > 255 || off+12 > len(c) {
		return false
	}
	for _, ch := range c[8 : 8+nl] {
		if ch < 0x20 || ch > 0x7e {
			return false // Wireshark escapes it: not drawn
		}
	}
	n := int(be32(c[off+8:]))
	return n <= 16 && off+12+4*n == len(c)
}

func parseRPCCall(b []byte) (c rpcCall) {
	if len(b) < 24 || be32(b[4:]) != 0 || be32(b[8:]) != 2 {
		return c
	}
	c.xid, c.prog, c.vers, c.proc = be32(b), be32(b[12:]), be32(b[16:]), be32(b[20:])
	if rpcProcName(c.prog, c.vers, c.proc) == "" {
		return c
	}
	var ok bool
	var next int
	c.cred = 24
	if c.credFlavor, c.credLen, next, ok = rpcOpaqueAuth(b, c.cred); !ok || rpcFlavorName(c.credFlavor) == "" {
		return c
	}
	if c.credFlavor == 0 && c.credLen != 0 || c.credFlavor == 1 && !rpcUnixOK(b[c.cred+8:c.cred+8+c.credLen]) {
		return c
	}
	c.verf = next
	if c.verfFlav, c.verfLen, _, ok = rpcOpaqueAuth(b, c.verf); !ok || c.verfFlav != 0 || c.verfLen != 0 {
		return c
	}
	c.ok = true
	return c
}

// rpcLinkKey returns what links an RPC message at layer i to its call:
// whether it is a reply, the key a call is remembered under and the key a
// reply looks its call up by (the ports and the XID), and the call's
// program, version and procedure. ok is false for messages rawcap does
// not draw.
func rpcLinkKey(d *Decoder, i int) (reply bool, asCall, asReply uint64, pvp [3]uint32, ok bool) {
	tr := rpcTransport(d, i)
	if tr < 0 {
		return false, 0, 0, pvp, false
	}
	u := d.data[d.layers[tr].Start:]
	sp, dp := uint64(be16(u)), uint64(be16(u[2:]))
	b, _ := rpcMessage(d, i)
	if len(b) < 12 {
		return false, 0, 0, pvp, false
	}
	xid := uint64(be32(b))
	switch be32(b[4:]) {
	case 0:
		c := parseRPCCall(b)
		if !c.ok {
			return false, 0, 0, pvp, false
		}
		return false, sp<<48 | dp<<32 | xid, 0, [3]uint32{c.prog, c.vers, c.proc}, true
	case 1:
		return true, 0, dp<<48 | sp<<32 | xid, pvp, true
	}
	return false, 0, 0, pvp, false
}

// rpcReply reads what rawcap draws of a reply: its state, and for an
// accepted one the verifier's offset and the accept state. n is how far
// it could read (0: not even the state).
func rpcReply(b []byte) (stat uint32, verf int, verfFlav uint32, verfLen int, accept uint32, n int) {
	if len(b) < 12 {
		return 0, 0, 0, 0, 0, 0
	}
	stat = be32(b[8:])
	if stat != 0 {
		return stat, 0, 0, 0, 0, 1
	}
	verf = 12
	fl, ln, next, ok := rpcOpaqueAuth(b, verf)
	if !ok || fl != 0 || ln != 0 {
		return stat, 0, 0, 0, 0, 1
	}
	if next+4 > len(b) {
		return stat, verf, fl, ln, 0, 2
	}
	return stat, verf, fl, ln, be32(b[next:]), 3
}

// rpcWalk emits the fields of an RPC message and its program's body; in a
// tree list (tree) with the texts of tshark's lines that are not drawn
// from their fields' definitions, and the lines that are no field. Depths
// are those of tshark's tree, 1 for a protocol's own lines.
type rpcWalk struct {
	e      *emitter
	tree   bool
	headed bool // the RPC protocol's line was given its text
	ended  bool // the RPC protocol's fields are closed (a body follows)
}

// at makes the records added next sit at depth (1: the protocol's own).
func (w *rpcWalk) at(depth int) { w.e.depth = uint8(depth - 1) }

// line adds, in a tree list, the line b[len(w.e.Text()):] at depth.
func (w *rpcWalk) line(depth int, b []byte) {
	w.at(depth)
	w.e.Line(b)
}

func (w *rpcWalk) uint(depth, f int, v uint64, name string) {
	w.field(depth, &rpcFields[f], v, name)
}

// field emits fd at depth; its line is "Label: value", the value named
// by name ("Call (0)") where the program's tables name it, else drawn from
// fd's definition.
func (w *rpcWalk) field(depth int, fd *Field, v uint64, name string) {
	w.at(depth)
	w.e.Uint(fd, v)
	if w.tree && (name != "" || fd.ValueNames() != nil) {
		// tshark's names for the value, or its number alone though
		// -G values names the field's values.
		b := append(append(w.e.Text(), fd.Label...), ": "...)
		switch {
		case name != "":
			b = appendValueName(b, name, v)
		case fd.Base == BaseHex:
			b = appendHexN(append(b, "0x"...), v, int(fd.Width)/4)
		case fd.Base == BaseHexDec:
			b = appendHexN(append(b, "0x"...), v, int(fd.Width)/4)
			b = append(appendUint(append(b, " ("...), v), ')')
		default:
			b = appendUint(b, v)
		}
		w.e.SetRepr(b)
	}
}

// text adds the tree line s at depth.
func (w *rpcWalk) text(depth int, s string) {
	if w.tree {
		w.line(depth, append(w.e.Text(), s...))
	}
}

// repr gives, in a tree list, the record added last the text s.
func (w *rpcWalk) repr(s string) {
	if w.tree {
		w.e.SetRepr(append(w.e.Text(), s...))
	}
}

// auth draws an opaque_auth (the credential or the verifier) at off.
func (w *rpcWalk) auth(b []byte, label string, off int, flavor uint32, n int) {
	w.text(1, label)
	w.uint(2, rpcFFlavor, uint64(flavor), rpcFlavorName(flavor))
	w.uint(2, rpcFAuthLength, uint64(n), "")
	if flavor != 1 {
		return
	}
	c := b[off+8 : off+8+n]
	w.uint(2, rpcFStamp, uint64(be32(c)), "")
	nl := int(be32(c[4:]))
	name := c[8 : 8+nl]
	off2 := 8 + (nl+3)&^3
	w.fileName(&rpcFields[rpcFMachineName], name, c[8+nl:off2])
	w.uint(2, rpcFUID, uint64(be32(c[off2:])), "")
	w.uint(2, rpcFGID, uint64(be32(c[off2+4:])), "")
	ng := int(be32(c[off2+8:]))
	if w.tree {
		t := append(w.e.Text(), "Auxiliary GIDs ("...)
		t = appendUint(t, uint64(ng))
		t = append(t, ')')
		if ng > 0 {
			t = append(t, " ["...)
			for k := range ng {
				if k > 0 {
					t = append(t, ", "...)
				}
				t = appendUint(t, uint64(be32(c[off2+12+4*k:])))
			}
			t = append(t, ']')
		}
		w.line(2, t)
	}
	for k := range ng {
		w.uint(3, rpcFGID, uint64(be32(c[off2+12+4*k:])), "")
	}
}

// message draws or emits the RPC message at layer i.
// A call rawcap does not read whole gets nothing.
func (w *rpcWalk) message(d *Decoder, i int, conv *convResults) {
	b, tcp := rpcMessage(d, i)
	reply, _, _, _, ok := rpcLinkKey(d, i)
	if !ok {
		return
	}
	q := conv.link(i)
	if reply && (q == nil || q.request == 0) {
		return
	}
	var c rpcCall
	if !reply {
		c = parseRPCCall(b)
	}
	xid := uint64(be32(b))
	if w.tree {
		t := append(w.e.Text(), "Remote Procedure Call"...)
		if reply {
			t = append(t, ", Type:Reply XID:0x"...)
		} else {
			t = append(t, ", Type:Call XID:0x"...)
		}
		w.e.SetRepr(appendHexN(t, xid, 8))
		w.headed = true
	}
	if tcp {
		n := uint64(len(b))
		if w.tree {
			t := append(w.e.Text(), "Fragment header: Last fragment, "...)
			w.line(1, append(appendUint(t, n), " bytes"...))
		}
		w.flag(2, &rpcFields[rpcFLastFrag], 0x80000000|n, "Yes", "No")
		w.at(2)
		w.e.Uint(&rpcFields[rpcFFragLen], n)
	}
	w.uint(1, rpcFXID, xid, "")
	if !reply {
		w.uint(1, rpcFMsgType, 0, "Call")
		w.uint(1, rpcFVersion, 2, "")
		w.uint(1, rpcFProgram, uint64(c.prog), rpcProgName(c.prog))
		w.uint(1, rpcFProgVersion, uint64(c.vers), "")
		w.uint(1, rpcFProcedure, uint64(c.proc), rpcProcName(c.prog, c.vers, c.proc))
		w.auth(b, "Credentials", c.cred, c.credFlavor, c.credLen)
		w.auth(b, "Verifier", c.verf, c.verfFlav, c.verfLen)
		w.after(b, c.prog, c.vers, c.proc, false)
		return
	}
	w.uint(1, rpcFMsgType, 1, "Reply")
	prog, vers, proc := q.rpc[0], q.rpc[1], q.rpc[2]
	w.bracket(rpcFProgram, uint64(prog), rpcProgName(prog))
	w.bracket(rpcFProgVersion, uint64(vers), "")
	w.bracket(rpcFProcedure, uint64(proc), rpcProcName(prog, vers, proc))
	stat, verf, vf, vl, accept, n := rpcReply(b)
	if n == 0 {
		return
	}
	name := "accepted"
	if stat == 1 {
		name = "denied"
	} else if stat != 0 {
		name = "Unknown"
	}
	w.uint(1, rpcFReplyStat, uint64(stat), name)
	w.at(1)
	w.e.Uint(&rpcFields[rpcFRepFrame], uint64(q.request))
	if w.tree {
		w.e.SetRepr(appendUint(append(w.e.Text(), "This is a reply to a request in frame "...), uint64(q.request)))
	}
	w.e.relNstime(&rpcFields[rpcFTime], q.delta)
	if w.tree {
		t := appendSeconds(append(w.e.Text(), "Time from request: "...), w.e.frame.Time, q.reqTime)
		w.e.SetRepr(append(t, " seconds"...))
	}
	if stat == 1 {
		w.denied(b)
		return
	}
	if n < 2 {
		return
	}
	w.auth(b, "Verifier", verf, vf, vl)
	if n < 3 {
		return
	}
	an := ""
	if uint64(accept) < uint64(len(rpcAcceptNames)) {
		an = rpcAcceptNames[accept]
	}
	if an == "" {
		return
	}
	w.uint(1, rpcFStateAccept, uint64(accept), an)
	w.after(b, prog, vers, proc, true)
}

// after ends RPC's protocol and emits the program's body.
func (w *rpcWalk) after(b []byte, prog, vers, proc uint32, reply bool) {
	w.e.End()
	w.ended = true
	w.body(b, prog, vers, proc, reply)
}

// bracket emits field f as a reply shows its call's: a generated line,
// "[Label: Name (v)]".
func (w *rpcWalk) bracket(f int, v uint64, name string) {
	w.gen(1, &rpcFields[f], v, name)
}

// emitRPC emits the message's fields in tshark's order. A message rawcap
// does not read is no line of the tree.
func emitRPC(e *emitter, i int) {
	at := len(e.recs)
	e.Proto(&protoRPC)
	w := rpcWalk{e: e, tree: e.Tree()}
	w.message(e.d, i, e.conv)
	if !w.ended {
		e.End()
	}
	if w.tree && !w.headed {
		e.recs[at].noTree = true
	}
}

// rpcColumn returns what the Protocol and Info columns show of the RPC
// message at layer i: the program's name and its call's version and
// procedure, or "RPC". draw is false for a
// message rawcap does not read.
func (p *ColumnsPrinter) rpcColumn(d *Decoder, i int) (prog, vers, proc uint32, reply bool, q *reqLink, draw bool) {
	reply, _, _, pvp, ok := rpcLinkKey(d, i)
	if !ok {
		return 0, 0, 0, false, nil, false
	}
	if !reply {
		return pvp[0], pvp[1], pvp[2], false, nil, true
	}
	if q = p.conv.link(i); q == nil || q.request == 0 {
		return 0, 0, 0, true, nil, true
	}
	return q.rpc[0], q.rpc[1], q.rpc[2], true, q, true
}

// protoRPC appends the Protocol column: the program's name ("NFS",
// "Portmap"), or "RPC".
func (p *ColumnsPrinter) protoRPC(b []byte, d *Decoder, i int) []byte {
	prog, _, _, _, _, draw := p.rpcColumn(d, i)
	if n := rpcProgName(prog); draw && n != "" {
		return append(b, n...)
	}
	return append(b, "RPC"...)
}

// infoRPC appends the Info column: "V3 GETATTR Call", "V3 GETATTR Reply
// (Call In 1)", with what the program's body adds where nfs.go reads it
// (", FH: 0x…", the handle's CRC-32; Portmap's GETPORT arguments and
// port).
func (p *ColumnsPrinter) infoRPC(b []byte, d *Decoder, i int) []byte {
	// The records of one TCP segment, each message's text, joined as
	// tshark joins them.
	f := i
	for f > 0 && d.layers[f-1].Type == LayerRPC {
		f--
	}
	for k := f; k <= i; k++ {
		if k > f {
			b = append(b, "  ; "...)
		}
		b = p.infoRPCMessage(b, d, k)
	}
	return b
}

// infoRPCMessage appends the Info text of the RPC message at layer i.
func (p *ColumnsPrinter) infoRPCMessage(b []byte, d *Decoder, i int) []byte {
	prog, vers, proc, reply, q, draw := p.rpcColumn(d, i)
	if !draw {
		return b
	}
	if q == nil && reply {
		return b
	}
	b = append(b, 'V')
	b = appendUint(b, uint64(vers))
	b = append(b, ' ')
	b = append(b, rpcProcName(prog, vers, proc)...)
	m, _ := rpcMessage(d, i)
	if !reply {
		b = append(b, " Call"...)
	} else {
		b = append(b, " Reply (Call In "...)
		b = appendUint(b, uint64(q.request))
		b = append(b, ')')
	}
	// What the program's body adds (NFS, Portmap).
	if off, ok := rpcBodyOff(m, reply); ok {
		if r := parseRPCBody(m, off, prog, vers, proc, reply); r.kind != bodyNone {
			b = appendRPCBodySummary(b, &r, reply, true)
		}
	}
	return b
}

var rpcAuthStateNames = [...]string{1: "bad credential (seal broken)", 2: "client must begin new session",
	3: "bad verifier (seal broken)", 4: "verifier expired or replayed", 5: "rejected for security reasons"}

// denied draws a denied reply's reject state and what follows it: the
// versions supported (RPC_MISMATCH) or the authentication state
// (AUTH_ERROR), when the message holds exactly that.
func (w *rpcWalk) denied(b []byte) {
	if len(b) < 16 {
		return
	}
	switch st := be32(b[12:]); {
	case st == 0 && len(b) == 24:
		w.uint(1, rpcFStateReject, 0, "RPC_MISMATCH")
		w.field(1, &rpcFields[rpcFVersionMin], uint64(be32(b[16:])), "")
		w.field(1, &rpcFields[rpcFVersionMax], uint64(be32(b[20:])), "")
	case st == 1 && len(b) == 20:
		a := be32(b[16:])
		if a >= uint32(len(rpcAuthStateNames)) || rpcAuthStateNames[a] == "" {
			return
		}
		w.uint(1, rpcFStateReject, 1, "AUTH_ERROR")
		w.uint(1, rpcFStateAuth, uint64(a), rpcAuthStateNames[a])
	}
}
