package synth

import (
	"encoding/binary"
	"time"
)

// The two ends of NFSSession: a client (192.0.2.30, port 800) and an NFS
// server (192.0.2.40, port 2049).
var (
	nfsClient = [4]byte{192, 0, 2, 30}
	nfsServer = [4]byte{192, 0, 2, 40}
)

// xdr builds an XDR (RFC 4506) byte string.
type xdr []byte

func (x xdr) u32(v ...uint32) xdr {
	for _, w := range v {
		x = binary.BigEndian.AppendUint32(x, w)
	}
	return x
}

func (x xdr) u64(v uint64) xdr { return binary.BigEndian.AppendUint64(x, v) }

// opaque appends a variable-length opaque (length, bytes, padding).
func (x xdr) opaque(b []byte) xdr {
	x = x.u32(uint32(len(b)))
	x = append(x, b...)
	for len(b)%4 != 0 {
		x = append(x, 0)
		b = append(b, 0)
	}
	return x
}

// NFS file handles of the session: the exported directory and a file in
// it (Linux-style v3 handles), and a v2 handle (32 bytes).
var (
	nfsDirFH  = []byte{1, 0, 7, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0xa1, 0xb2, 0xc3, 0xd4, 0x11, 0x22, 0x33, 0x44, 0, 0, 0, 2, 0, 0, 0, 0}
	nfsFileFH = []byte{1, 0, 7, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0xa1, 0xb2, 0xc3, 0xd4, 0x11, 0x22, 0x33, 0x44, 0, 0, 0x30, 0x39, 0, 0, 0x12, 0x34, 0, 0, 0, 0, 0xde, 0xad, 0xbe, 0xef}
	nfsV2FH   = []byte{0, 0, 8, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0x2a, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
)

// rpcCall returns an RPC call header (AUTH_UNIX credential, AUTH_NULL
// verifier) for program prog, version vers, procedure proc.
func rpcCall(xid, prog, vers, proc uint32) xdr {
	cred := xdr(nil).u32(0x5f5e0f00).opaque([]byte("client7")).u32(1000, 100, 2, 100, 1001)
	return xdr(nil).u32(xid, 0, 2, prog, vers, proc, 1).opaque(cred).u32(0, 0)
}

// rpcReply returns an accepted reply header with accept state st.
func rpcReply(xid, st uint32) xdr { return xdr(nil).u32(xid, 1, 0, 0, 0, st) }

// fattr3 returns NFS v3 file attributes: type typ, mode, size, fileid.
func fattr3(typ, mode uint32, size, fileid uint64) xdr {
	x := xdr(nil).u32(typ, mode, 2, 1000, 100).u64(size).u64((size + 4095) &^ 4095)
	x = x.u32(0, 0).u64(0x0000fd0100000000).u64(fileid)
	return x.u32(1714564800, 123456789, 1714478400, 0, 1714478400, 500000000)
}

// postOp returns post_op_attr with attributes.
func postOp(typ, mode uint32, size, fileid uint64) xdr {
	return append(xdr(nil).u32(1), fattr3(typ, mode, size, fileid)...)
}

func (x xdr) withAttr(a xdr) xdr { return append(x, a...) }

// wcc returns wcc_data: pre-op attributes (size, mtime, ctime) and post-op
// attributes.
func wcc(size, fileid uint64) xdr {
	x := xdr(nil).u32(1).u64(size).u32(1714478400, 0, 1714478400, 500000000)
	return append(x, postOp(1, 0644, size+11, fileid)...)
}

// NFSSession returns a capture of an NFS version 3 session, and a few
// version 2 calls, as a client mounting an export makes them, packets
// 10 ms apart from start. A Portmap GETPORT call and its reply (UDP port
// 111); then over UDP (client port 800 to 2049): NULL,
// GETATTR, LOOKUP (found and not found), ACCESS, READ, WRITE, READDIR,
// READDIRPLUS, FSSTAT, FSINFO, PATHCONF, COMMIT, CREATE, REMOVE, each with
// its reply; a call answered with PROC_UNAVAIL, one denied for its
// credentials and one for its RPC version; version 2 GETATTR and LOOKUP. Then over TCP (port 801 to
// 2049): a handshake, a GETATTR and a WRITE, each in one record, and their
// replies.
func NFSSession(start time.Time) []Packet {
	var out []Packet
	add := func(b []byte) {
		out = append(out, Packet{Data: b, Time: start.Add(time.Duration(len(out)) * 10 * time.Millisecond)})
	}
	xid := uint32(0x6a3e0100)
	pair := func(vers, proc uint32, args, res xdr) {
		xid++
		add(udpFrame(nfsClient, nfsServer, 800, 2049, append(rpcCall(xid, 100003, vers, proc), args...)))
		if res != nil {
			add(udpFrame(nfsServer, nfsClient, 2049, 800, append(rpcReply(xid, 0), res...)))
		}
	}
	// Portmap first: where is NFS v3 over UDP?
	xid++
	add(udpFrame(nfsClient, nfsServer, 800, 111, append(rpcCall(xid, 100000, 2, 3), xdr(nil).u32(100003, 3, 17, 0)...)))
	add(udpFrame(nfsServer, nfsClient, 111, 800, append(rpcReply(xid, 0), xdr(nil).u32(2049)...)))
	dir := xdr(nil).opaque(nfsDirFH)
	file := xdr(nil).opaque(nfsFileFH)
	verf := []byte{0x5e, 0x1f, 0x33, 0x10, 0, 0, 0, 7}

	pair(3, 0, nil, xdr{})
	pair(3, 1, dir, xdr(nil).u32(0).withAttr(fattr3(2, 0755, 4096, 2)))
	pair(3, 3, append(dir, xdr(nil).opaque([]byte("notes.txt"))...),
		xdr(nil).u32(0).opaque(nfsFileFH).withAttr(postOp(1, 0644, 11, 12345)).withAttr(postOp(2, 0755, 4096, 2)))
	pair(3, 3, append(dir, xdr(nil).opaque([]byte("missing"))...),
		xdr(nil).u32(2).withAttr(postOp(2, 0755, 4096, 2)))
	pair(3, 4, append(file, xdr(nil).u32(0x1f)...),
		xdr(nil).u32(0).withAttr(postOp(1, 0644, 11, 12345)).u32(0x0f))
	pair(3, 6, append(file, xdr(nil).u64(0).u32(4096)...),
		xdr(nil).u32(0).withAttr(postOp(1, 0644, 11, 12345)).u32(11, 1).opaque([]byte("hello world")))
	pair(3, 7, append(file, xdr(nil).u64(11).u32(11, 0).opaque([]byte("hello again"))...),
		xdr(nil).u32(0).withAttr(wcc(11, 12345)).u32(11, 0).withAttr(xdr(verf)))
	pair(3, 16, append(dir, xdr(nil).u64(0).withAttr(xdr(make([]byte, 8))).u32(4096)...),
		xdr(nil).u32(0).withAttr(postOp(2, 0755, 4096, 2)).withAttr(xdr(verf)).
			u32(1).u64(2).opaque([]byte(".")).u64(1).
			u32(1).u64(12345).opaque([]byte("notes.txt")).u64(2).
			u32(0, 1))
	pair(3, 17, append(dir, xdr(nil).u64(0).withAttr(xdr(make([]byte, 8))).u32(512, 4096)...),
		xdr(nil).u32(0).withAttr(postOp(2, 0755, 4096, 2)).withAttr(xdr(verf)).
			u32(1).u64(12345).opaque([]byte("notes.txt")).u64(2).
			withAttr(postOp(1, 0644, 11, 12345)).u32(1).opaque(nfsFileFH).
			u32(0, 1))
	pair(3, 18, dir, xdr(nil).u32(0).withAttr(postOp(2, 0755, 4096, 2)).
		u64(1<<40).u64(1<<39).u64(1<<38).u64(65536).u64(60000).u64(59000).u32(0))
	pair(3, 19, dir, xdr(nil).u32(0).withAttr(postOp(2, 0755, 4096, 2)).
		u32(1048576, 1048576, 4096, 1048576, 1048576, 4096, 4096).u64(1<<62).u32(0, 1, 0x1b))
	pair(3, 20, dir, xdr(nil).u32(0).withAttr(postOp(2, 0755, 4096, 2)).u32(32000, 255, 1, 1, 0, 1))
	pair(3, 21, append(file, xdr(nil).u64(0).u32(0)...),
		xdr(nil).u32(0).withAttr(wcc(11, 12345)).withAttr(xdr(verf)))
	pair(3, 8, append(dir, xdr(nil).opaque([]byte("new")).u32(1).u32(1, 0644, 0, 0, 0, 0, 0)...),
		xdr(nil).u32(0).u32(1).opaque(nfsFileFH).withAttr(postOp(1, 0644, 0, 12346)).withAttr(wcc(4096, 2)))
	pair(3, 12, append(dir, xdr(nil).opaque([]byte("new"))...),
		xdr(nil).u32(0).withAttr(wcc(4096, 2)))
	// A procedure the server does not have, and a credential it refuses.
	xid++
	add(udpFrame(nfsClient, nfsServer, 800, 2049, append(rpcCall(xid, 100003, 3, 22), dir...)))
	add(udpFrame(nfsServer, nfsClient, 2049, 800, rpcReply(xid, 3)))
	xid++
	add(udpFrame(nfsClient, nfsServer, 800, 2049, append(rpcCall(xid, 100003, 3, 1), dir...)))
	add(udpFrame(nfsServer, nfsClient, 2049, 800, xdr(nil).u32(xid, 1, 1, 1, 2)))
	xid++
	add(udpFrame(nfsClient, nfsServer, 800, 2049, append(rpcCall(xid, 100003, 3, 18), dir...)))
	add(udpFrame(nfsServer, nfsClient, 2049, 800, xdr(nil).u32(xid, 1, 1, 0, 2, 2)))
	// Version 2.
	fa2 := xdr(nil).u32(2, 0755, 2, 1000, 100, 4096, 4096, 0, 8, 0x0801, 2, 1714564800, 0, 1714478400, 0, 1714478400, 0)
	pair(2, 1, xdr(nfsV2FH), xdr(nil).u32(0).withAttr(fa2))
	pair(2, 4, append(xdr(nfsV2FH), xdr(nil).opaque([]byte("old"))...), xdr(nil).u32(2))

	// TCP: a handshake, then one record per segment each way.
	seqC, seqS := uint32(1000), uint32(5000)
	add(tcpFrame(nfsClient, nfsServer, 801, 2049, seqC, 0, 0x02, nil))
	add(tcpFrame(nfsServer, nfsClient, 2049, 801, seqS, seqC+1, 0x12, nil))
	seqC++
	seqS++
	add(tcpFrame(nfsClient, nfsServer, 801, 2049, seqC, seqS, 0x10, nil))
	rec := func(m xdr) xdr { return append(xdr(nil).u32(0x80000000|uint32(len(m))), m...) }
	tpair := func(proc uint32, args, res xdr) {
		xid++
		c := rec(append(rpcCall(xid, 100003, 3, proc), args...))
		add(tcpFrame(nfsClient, nfsServer, 801, 2049, seqC, seqS, 0x18, c))
		seqC += uint32(len(c))
		r := rec(append(rpcReply(xid, 0), res...))
		add(tcpFrame(nfsServer, nfsClient, 2049, 801, seqS, seqC, 0x18, r))
		seqS += uint32(len(r))
	}
	tpair(1, file, xdr(nil).u32(0).withAttr(fattr3(1, 0644, 22, 12345)))
	tpair(7, append(file, xdr(nil).u64(22).u32(3, 2).opaque([]byte("abc"))...),
		xdr(nil).u32(0).withAttr(wcc(22, 12345)).u32(3, 2).withAttr(xdr(verf)))
	return out
}
