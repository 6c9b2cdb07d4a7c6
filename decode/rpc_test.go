package decode_test

import (
	"encoding/binary"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

// rpcVector is an RPC message (a UDP payload) made for these tests, from
// client port 800 to server port 2049 or 111, or back (reply).
type rpcVector struct {
	name   string
	hex    string
	server uint16
	reply  bool
	// partial: why rawcap's subtree may miss lines of tshark's (never add
	// any); info: why its Info column may be only the start of tshark's.
	partial, info string
}

// The credentials: AUTH_UNIX with stamp 0x12345678, machine "host1" (fill
// bytes), uid 1000, gid 100, gids 100 and 10; and with machine "abcd" (no
// fill) and no gids.
const (
	rpcCredUnix  = "00000001 00000024 12345678 00000005 686f737431000000 000003e8 00000064 00000002 00000064 0000000a "
	rpcCredUnix2 = "00000001 00000018 00000001 00000004 61626364 00000000 00000000 00000000 "
	rpcAuthNull  = "00000000 00000000 "
	rpcFH3       = "00000020 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
	// rpcFattr3: a regular file, mode 0644, uid 1000, gid 100, size
	// 4096, used 8192, rdev 0,0, fsid 0x801, fileid 0x12345, three times.
	rpcFattr3    = "00000001 000081a4 00000001 000003e8 00000064 0000000000001000 0000000000002000 00000000 00000000 0000000000000801 0000000000012345 5f000000 00000001 5f000001 00000002 5f000002 00000003 "
	rpcFattr3Dir = "00000002 000043ed 00000002 00000000 00000000 0000000000001000 0000000000001000 00000000 00000000 0000000000000801 0000000000000002 5f000000 00000000 5f000001 00000000 5f000002 00000000 "
	rpcCallNFS3  = " 00000000 00000002 000186a3 00000003 "
)

var rpcVectors = []rpcVector{
	{name: "nfs v3 null call", server: 2049, hex: "00000101 00000000 00000002 000186a3 00000003 00000000 " + rpcAuthNull + rpcAuthNull},
	{name: "nfs v3 null reply", server: 2049, reply: true, hex: "00000101 00000001 00000000 " + rpcAuthNull + "00000000"},
	{name: "nfs v3 getattr call, auth_unix", server: 2049, hex: "abcd0001 00000000 00000002 000186a3 00000003 00000001 " + rpcCredUnix + rpcAuthNull + rpcFH3},
	{name: "nfs v3 getattr reply, error", server: 2049, reply: true, hex: "abcd0001 00000001 00000000 " + rpcAuthNull + "00000000 00000046"},
	{name: "nfs v2 lookup call, auth_unix without fill", server: 2049, hex: "00000202 00000000 00000002 000186a3 00000002 00000004 " + rpcCredUnix2 + rpcAuthNull +
		"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f 00000003 66696c00"},
	{name: "nfs v2 lookup reply, procedure unavailable", server: 2049, reply: true, hex: "00000202 00000001 00000000 " + rpcAuthNull + "00000003"},
	{name: "nfs v3 getattr call", server: 2049, hex: "a0000001" + rpcCallNFS3 + "00000001 " + rpcAuthNull + rpcAuthNull + rpcFH3},
	{name: "nfs v3 getattr reply, attributes", server: 2049, reply: true, hex: "a0000001 00000001 00000000 " + rpcAuthNull + "00000000 00000000 " + rpcFattr3},
	{name: "nfs v3 getattr call 2", server: 2049, hex: "a0000011" + rpcCallNFS3 + "00000001 " + rpcCredUnix + rpcAuthNull + rpcFH3},
	{name: "nfs v3 getattr reply, directory with setgid and sticky", server: 2049, reply: true, hex: "a0000011 00000001 00000000 " + rpcAuthNull + "00000000 00000000 " + rpcFattr3Dir},
	{name: "nfs v3 access call", server: 2049, hex: "a0000002" + rpcCallNFS3 + "00000004 " + rpcAuthNull + rpcAuthNull + rpcFH3 + "0000001f"},
	{name: "nfs v3 access reply, attributes", server: 2049, reply: true, hex: "a0000002 00000001 00000000 " + rpcAuthNull + "00000000 00000000 00000001" + rpcFattr3 + "0000001f",
		partial: "the attributes and rights of an ACCESS reply are not drawn", info: "ACCESS replies' rights are not written"},
	{name: "nfs v3 lookup call", server: 2049, hex: "a0000003" + rpcCallNFS3 + "00000003 " + rpcAuthNull + rpcAuthNull + rpcFH3 + "00000005 68656c6c6f000000"},
	{name: "nfs v3 lookup reply, no entry", server: 2049, reply: true, hex: "a0000003 00000001 00000000 " + rpcAuthNull + "00000000 00000002 00000000"},
	{name: "nfs v3 read call", server: 2049, hex: "a0000004" + rpcCallNFS3 + "00000006 " + rpcAuthNull + rpcAuthNull + rpcFH3 + "0000000000001000 00008000"},
	{name: "nfs v3 lookup call, name without fill", server: 2049, hex: "a0000005" + rpcCallNFS3 + "00000003 " + rpcAuthNull + rpcAuthNull + rpcFH3 + "00000004 61626364"},
	{name: "nfs v3 access call, read and execute", server: 2049, hex: "a0000006" + rpcCallNFS3 + "00000004 " + rpcAuthNull + rpcAuthNull + rpcFH3 + "00000021"},
	{name: "nfs v3 access reply, stale", server: 2049, reply: true, hex: "a0000006 00000001 00000000 " + rpcAuthNull + "00000000 00000046 00000000"},
	{name: "nfs v2 getattr call", server: 2049, hex: "a0000007 00000000 00000002 000186a3 00000002 00000001 " + rpcAuthNull + rpcAuthNull + "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"},
	{name: "nfs v2 getattr reply, no entry", server: 2049, reply: true, hex: "a0000007 00000001 00000000 " + rpcAuthNull + "00000000 00000002"},
	{name: "nfs v3 readlink call", server: 2049, hex: "c0000001" + rpcCallNFS3 + "00000005 " + rpcAuthNull + rpcAuthNull + rpcFH3},
	{name: "nfs v3 fsstat call", server: 2049, hex: "c0000002" + rpcCallNFS3 + "00000012 " + rpcAuthNull + rpcAuthNull + rpcFH3},
	{name: "nfs v3 fsinfo call", server: 2049, hex: "c0000003" + rpcCallNFS3 + "00000013 " + rpcCredUnix + rpcAuthNull + rpcFH3},
	{name: "nfs v3 pathconf call", server: 2049, hex: "c0000004" + rpcCallNFS3 + "00000014 " + rpcAuthNull + rpcAuthNull + rpcFH3},
	{name: "nfs v3 readdir call", server: 2049, hex: "c0000005" + rpcCallNFS3 + "00000010 " + rpcAuthNull + rpcAuthNull + rpcFH3 + "0000000000000000 0000000000000000 00001000"},
	{name: "nfs v3 readdirplus call", server: 2049, hex: "c0000006" + rpcCallNFS3 + "00000011 " + rpcAuthNull + rpcAuthNull + rpcFH3 + "0000000000000007 0102030405060708 00000200 00001000"},
	{name: "nfs v3 commit call", server: 2049, hex: "c0000007" + rpcCallNFS3 + "00000015 " + rpcAuthNull + rpcAuthNull + rpcFH3 + "0000000000000000 00001000"},
	{name: "nfs v3 remove call", server: 2049, hex: "c0000008" + rpcCallNFS3 + "0000000c " + rpcAuthNull + rpcAuthNull + rpcFH3 + "00000003 61626300"},
	{name: "nfs v3 rmdir call", server: 2049, hex: "c0000009" + rpcCallNFS3 + "0000000d " + rpcAuthNull + rpcAuthNull + rpcFH3 + "00000003 61626300"},
	{name: "portmap null call", server: 111, hex: "00004444 00000000 00000002 000186a0 00000002 00000000 " + rpcAuthNull + rpcAuthNull},
	{name: "portmap null reply", server: 111, reply: true, hex: "00004444 00000001 00000000 " + rpcAuthNull + "00000000"},
	{name: "portmap getport call, tcp", server: 111, hex: "00005555 00000000 00000002 000186a0 00000002 00000003 " + rpcAuthNull + rpcAuthNull + "000186a0 00000002 00000006 00000000"},
	{name: "portmap getport call", server: 111, hex: "00001111 00000000 00000002 000186a0 00000002 00000003 " + rpcAuthNull + rpcAuthNull + "000186a3 00000003 00000011 00000000"},
	{name: "portmap getport reply", server: 111, reply: true, hex: "00001111 00000001 00000000 " + rpcAuthNull + "00000000 00000801"},
	{name: "portmap dump call", server: 111, hex: "00002222 00000000 00000002 000186a0 00000002 00000004 " + rpcAuthNull + rpcAuthNull},
	{name: "portmap call denied", server: 111, hex: "00003333 00000000 00000002 000186a0 00000002 00000000 " + rpcAuthNull + rpcAuthNull},
	{name: "denied reply", server: 111, reply: true, hex: "00003333 00000001 00000001 00000000 00000002 00000002",
		partial: "the reject state is not drawn"},
}

// rpcFrame builds a vector's frame: a call from 192.0.2.1 port 800 to
// 192.0.2.2, a reply the other way.
func rpcFrame(t testing.TB, v rpcVector) []byte {
	p := mustHex(t, strings.ReplaceAll(v.hex, " ", ""))
	if !v.reply {
		return appFrame(p, 800, v.server, false)
	}
	fr := appFrame(p, v.server, 800, false)
	ip := fr[14:34]
	var a [4]byte
	copy(a[:], ip[12:16])
	copy(ip[12:16], ip[16:20])
	copy(ip[16:20], a[:])
	return fr
}

func rpcFrames(t testing.TB) [][]byte {
	frames := make([][]byte, len(rpcVectors))
	for i, v := range rpcVectors {
		frames[i] = rpcFrame(t, v)
	}
	return frames
}

// TestRPCMatchesTshark holds the generated calls and replies' "Remote
// Procedure Call" subtree to tshark -V's line for line (replies name
// their calls through the XID table) and the Protocol and Info columns to
// its packet list.
func TestRPCMatchesTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	frames := rpcFrames(t)
	path := writeTestPcap(t, frames)
	theirs, rows := tsharkTreesAndRows(t, path, len(frames))
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	lines, mineLines := 0, 0
	for i, frame := range frames {
		v := rpcVectors[i]
		d.Decode(frame, linktype.Ethernet)
		f := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(frame)}
		tree := string(tp.Append(nil, d, &f))
		var mine, want []string
		for _, head := range []string{"Remote Procedure Call", "Network File System", "Portmap"} {
			mine = append(mine, subtreeOf(tree, head)...)
			want = append(want, subtreeOf("Frame "+theirs[i], head)...)
		}
		lines += len(want)
		mineLines += len(mine)
		if len(want) == 0 {
			t.Errorf("%s: tshark draws no RPC subtree", v.name)
		}
		if v.partial != "" {
			j := 0
			for _, l := range mine {
				for j < len(want) && want[j] != l {
					j++
				}
				if j == len(want) {
					t.Errorf("%s (%s): line %q is not in tshark's subtree", v.name, v.partial, l)
					break
				}
			}
		} else if diff := cmp.Diff(want, mine); diff != "" {
			t.Errorf("%s: -V subtree, tshark (-want) vs rawcap (+got):\n%s", v.name, diff)
		}
		row := strings.TrimSuffix(string((&decode.ColumnsPrinter{}).Append(nil, d, &f)), "\n")
		proto, info, _ := strings.Cut(rows[i], "\t")
		_, got, _ := strings.Cut(row, " "+proto+" ")
		if _, got, _ = strings.Cut(got, " "); !strings.Contains(row, " "+proto+" ") {
			t.Errorf("%s: columns %q, tshark's protocol %q", v.name, row, proto)
			continue
		}
		if v.info != "" {
			if !strings.HasPrefix(info, got) {
				t.Errorf("%s (%s): Info %q is not the start of tshark's %q", v.name, v.info, got, info)
			}
		} else if got != info {
			t.Errorf("%s: Info %q, tshark's %q", v.name, got, info)
		}
	}
	t.Logf("%d frames: rawcap draws %d of tshark's %d RPC, NFS and Portmap tree lines", len(frames), mineLines, lines)
	// Left out of -T fields: those the programs' bodies (not decoded)
	// add again (rpc.programversion in each NFS and Portmap body, the
	// opaque length and fill of an NFS name), and rpc.time, which the
	// helper's frames (all at one time) make 0 (the tree holds it above).
	skip := map[string]bool{"rpc.programversion": true, "rpc.opaque_length": true, "rpc.fill_bytes": true, "rpc.time": true}
	var fields []string
	for _, p := range decode.Protocols() {
		if n := p.Protocol.Name; n == "rpc" || n == "nfs" || n == "portmap" {
			for _, f := range p.Fields {
				if !skip[f.Name] {
					fields = append(fields, f.Name)
				}
			}
		}
	}
	// The frames whose bodies are drawn whole.
	var whole [][]byte
	for i, v := range rpcVectors {
		if v.partial == "" {
			whole = append(whole, frames[i])
		}
	}
	compareFieldsWithTshark(t, writeTestPcap(t, whole), whole, fields)
}

// TestRPCPrintersAllocateNothing decodes and prints the messages (tree,
// columns, one-liner, JSON) into reused buffers.
func TestRPCPrintersAllocateNothing(t *testing.T) {
	frames := rpcFrames(t)
	tcp, _ := rpcTCPFrames(t)
	frames = append(frames, tcp...)
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC}}
	jp := &decode.JSONPrinter{Location: time.UTC}
	buf := make([]byte, 0, 64<<10)
	for i, fr := range frames {
		f := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(fr)}
		n := testing.AllocsPerRun(20, func() {
			d.Decode(fr, linktype.Ethernet)
			buf = tp.Append(buf[:0], d, &f)
			buf = cp.Append(buf[:0], d, &f)
			buf = lp.Append(buf[:0], d, &f)
			buf = jp.Append(buf[:0], d, &f)
		})
		if n != 0 {
			t.Errorf("frame %d: %v allocations per packet", i+1, n)
		}
	}
}

// TestRPCGenericTreeAllocatesNothing redraws the RPC, NFS and Portmap
// subtrees, drawn from the fields emitRPC emits, with no allocation
// (TestRPCPrintersAllocateNothing draws every vector's tree in order).
func TestRPCGenericTreeAllocatesNothing(t *testing.T) {
	checkTreeAllocsNothing(t, rpcFrames(t)[:1], "Remote Procedure Call") // a call: a reply needs its call seen before
}

// FuzzRPC feeds RPC messages to the decoder and every printer, as calls to
// port 2049.
func FuzzRPC(f *testing.F) {
	for _, v := range rpcVectors {
		f.Add(mustHex(f, strings.ReplaceAll(v.hex, " ", "")), false)
	}
	for _, p := range appPayloads(f, decode.LayerRPC) {
		f.Add(p, false)
	}
	fuzzIPProto(f, func(t testing.TB, m []byte, _ bool) []byte {
		fr := appFrame(nil, 800, 2049, false)
		u := 8 + len(m)
		fr[16], fr[17] = byte((20+u)>>8), byte(20+u)
		fr[38], fr[39] = byte(u>>8), byte(u)
		return fr
	})
}

// rpcRecord puts an RPC message (hex) in a TCP record: the mark (the last
// fragment bit and the length), then the bytes.
func rpcRecord(t testing.TB, h string) []byte {
	m := mustHex(t, strings.ReplaceAll(h, " ", ""))
	return append(binary.BigEndian.AppendUint32(nil, 1<<31|uint32(len(m))), m...)
}

// rpcTCPFrames builds a TCP conversation between 192.0.2.1 port 800 and
// 192.0.2.2 port 2049: segments of whole records (one, two), and a
// record split across two segments (tshark reassembles it; rawcap leaves
// both parts as data). whole says which frames hold whole records.
func rpcTCPFrames(t testing.TB) (frames [][]byte, whole []bool) {
	call := func(xid string) string {
		return xid + rpcCallNFS3 + "00000001 " + rpcAuthNull + rpcAuthNull + rpcFH3
	}
	rep := func(xid string) string {
		return xid + " 00000001 00000000 " + rpcAuthNull + "00000000 00000000 " + rpcFattr3
	}
	null := func(xid string) string { return xid + rpcCallNFS3 + "00000000 " + rpcAuthNull + rpcAuthNull }
	seq := [2]uint32{1, 1}
	add := func(p []byte, reply, ok bool) {
		var fr []byte
		k := 0
		if reply {
			k = 1
			fr = appFrame(p, 2049, 800, true)
			ip := fr[14:34]
			var a [4]byte
			copy(a[:], ip[12:16])
			copy(ip[12:16], ip[16:20])
			copy(ip[16:20], a[:])
		} else {
			fr = appFrame(p, 800, 2049, true)
		}
		binary.BigEndian.PutUint32(fr[38:], seq[k])
		binary.BigEndian.PutUint32(fr[42:], seq[1-k])
		seq[k] += uint32(len(p))
		frames = append(frames, fr)
		whole = append(whole, ok)
	}
	add(rpcRecord(t, call("b0000001")), false, true)
	add(rpcRecord(t, rep("b0000001")), true, true)
	add(append(rpcRecord(t, null("b0000002")), rpcRecord(t, null("b0000003"))...), false, true)
	add(append(rpcRecord(t, call("b0000004")), rpcRecord(t, call("b0000005"))...), false, true)
	add(append(rpcRecord(t, rep("b0000004")), rpcRecord(t, rep("b0000005"))...), true, true)
	split := rpcRecord(t, call("b0000006"))
	add(split[:30], false, false)
	add(split[30:], false, false)
	return frames, whole
}

// TestRPCOverTCPMatchesTshark holds the RPC and NFS subtrees of RPC
// records over TCP (the record mark's lines, several records in a
// segment) to tshark -V's, and the Protocol and Info columns to its packet
// list; a record split across segments is data in rawcap (tshark
// reassembles it): no RPC subtree is drawn for it.
func TestRPCOverTCPMatchesTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	frames, whole := rpcTCPFrames(t)
	path := writeTestPcap(t, frames)
	theirs, rows := tsharkTreesAndRows(t, path, len(frames))
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{}
	var wholeFrames [][]byte
	for i, frame := range frames {
		d.Decode(frame, linktype.Ethernet)
		f := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(frame)}
		tree := string(tp.Append(nil, d, &f))
		row := strings.TrimSuffix(string(cp.Append(nil, d, &f)), "\n")
		var mine, want []string
		for _, head := range []string{"Remote Procedure Call", "Network File System"} {
			mine = append(mine, subtreeOf(tree, head)...)
			want = append(want, subtreeOf("Frame "+theirs[i], head)...)
		}
		if !whole[i] {
			if len(mine) != 0 {
				t.Errorf("frame %d (part of a record): rawcap draws an RPC subtree", i+1)
			}
			continue
		}
		wholeFrames = append(wholeFrames, frame)
		if len(want) == 0 {
			t.Errorf("frame %d: tshark draws no RPC subtree", i+1)
		}
		if diff := cmp.Diff(want, mine); diff != "" {
			t.Errorf("frame %d: -V subtrees, tshark (-want) vs rawcap (+got):\n%s", i+1, diff)
		}
		proto, info, _ := strings.Cut(rows[i], "\t")
		if _, got, ok := strings.Cut(row, " "+proto+" "); !ok {
			t.Errorf("frame %d: columns %q, tshark's protocol %q", i+1, row, proto)
		} else if _, got, _ = strings.Cut(got, " "); got != info {
			t.Errorf("frame %d: Info %q, tshark's %q", i+1, got, info)
		}
	}
	var fields []string
	for _, p := range decode.Protocols() {
		if n := p.Protocol.Name; n == "rpc" || n == "nfs" {
			for _, f := range p.Fields {
				if f.Name != "rpc.time" && f.Name != "rpc.programversion" {
					fields = append(fields, f.Name)
				}
			}
		}
	}
	compareFieldsWithTshark(t, writeTestPcap(t, wholeFrames), wholeFrames, fields)
}

// FuzzRPCTCP feeds TCP segments to port 2049 (RPC records, whole, several
// or cut) to the decoder and every printer.
func FuzzRPCTCP(f *testing.F) {
	frames, _ := rpcTCPFrames(f)
	for _, fr := range frames {
		f.Add(fr[54:], false)
	}
	fuzzIPProto(f, func(t testing.TB, m []byte, _ bool) []byte {
		fr := appFrame(nil, 800, 2049, true)
		n := 40 + len(m)
		fr[16], fr[17] = byte(n>>8), byte(n)
		return fr
	})
}
