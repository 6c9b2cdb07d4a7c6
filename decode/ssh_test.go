package decode_test

import (
	"encoding/binary"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

// sshFlow builds the frames of one TCP connection from a client port to
// port 22, with sequence numbers that follow the bytes sent.
type sshFlow struct {
	t          testing.TB
	cport      uint16
	cseq, sseq uint32
	frames     [][]byte
}

func newSSHFlow(t testing.TB, cport uint16) *sshFlow {
	f := &sshFlow{t: t, cport: cport, cseq: 1000, sseq: 5000}
	f.frames = append(f.frames, f.frame(true, 0x02, nil))
	f.cseq++
	f.frames = append(f.frames, f.frame(false, 0x12, nil))
	f.sseq++
	f.frames = append(f.frames, f.frame(true, 0x10, nil))
	return f
}

// frame returns Ethernet / IPv4 / TCP with flags and payload, from the
// client (fromCli) or the server, with correct checksums.
func (f *sshFlow) frame(fromCli bool, flags byte, payload []byte) []byte {
	h := mustHex(f.t, "02 00 00 00 00 0b 02 00 00 00 00 0a 08 00 "+
		"45 00 00 00 00 01 40 00 40 06 00 00 c0 00 02 01 c0 00 02 02 "+
		"00 00 00 00 00 00 00 00 00 00 00 00 50 00 20 00 00 00 00 00")
	sport, dport, seq, ack := f.cport, uint16(22), f.cseq, f.sseq
	if !fromCli {
		sport, dport, seq, ack = 22, f.cport, f.sseq, f.cseq
		copy(h[26:30], []byte{192, 0, 2, 2})
		copy(h[30:34], []byte{192, 0, 2, 1})
		copy(h[0:6], []byte{2, 0, 0, 0, 0, 0x0a})
		copy(h[6:12], []byte{2, 0, 0, 0, 0, 0x0b})
	}
	if flags == 0x02 {
		ack = 0
	}
	binary.BigEndian.PutUint16(h[16:], uint16(40+len(payload)))
	binary.BigEndian.PutUint16(h[34:], sport)
	binary.BigEndian.PutUint16(h[36:], dport)
	binary.BigEndian.PutUint32(h[38:], seq)
	binary.BigEndian.PutUint32(h[42:], ack)
	h[47] = flags
	putChecksum(h[14:34], 10)
	fr := append(h, payload...)
	seg := fr[34:]
	ph := append(append([]byte{}, fr[26:34]...), 0, 6, byte(len(seg)>>8), byte(len(seg)))
	sum := append(ph, seg...)
	putChecksum(sum, len(ph)+16)
	seg[16], seg[17] = sum[len(ph)+16], sum[len(ph)+17]
	return fr
}

// send appends a segment carrying payload (PSH ACK).
func (f *sshFlow) send(fromCli bool, payload []byte) {
	f.frames = append(f.frames, f.frame(fromCli, 0x18, payload))
	if fromCli {
		f.cseq += uint32(len(payload))
	} else {
		f.sseq += uint32(len(payload))
	}
}

// sshPacket frames payload as an SSH binary packet with padding (a block
// of 8 bytes, at least 4 bytes of padding) and no MAC.
func sshPacket(payload []byte) []byte {
	pad := 8 - (5+len(payload))%8
	if pad < 4 {
		pad += 8
	}
	b := binary.BigEndian.AppendUint32(nil, uint32(1+len(payload)+pad))
	b = append(b, byte(pad))
	b = append(b, payload...)
	for k := range pad {
		b = append(b, byte(k))
	}
	return b
}

func sshString(b []byte, s string) []byte {
	b = binary.BigEndian.AppendUint32(b, uint32(len(s)))
	return append(b, s...)
}

// sshFill returns n bytes counting up from seed.
func sshFill(n int, seed byte) string {
	b := make([]byte, n)
	for k := range b {
		b[k] = seed + byte(k)
	}
	return string(b)
}

// sshKexInit is a KEXINIT proposing the given kex, host key, cipher, MAC
// and compression lists (the same in both directions).
func sshKexInit(kex, hostKey, enc, mac, comp string) []byte {
	b := []byte{20}
	b = append(b, sshFill(16, 0x40)...)
	for _, l := range []string{kex, hostKey, enc, enc, mac, mac, comp, comp, "", ""} {
		b = sshString(b, l)
	}
	return append(b, 0, 0, 0, 0, 0)
}

// sshSessions builds three SSH connections as OpenSSH would carry them, up
// to a few encrypted packets: curve25519 with an Ed25519 host key and
// ChaCha20-Poly1305; group14 Diffie-Hellman with an RSA key, AES-CTR and
// HMAC-SHA2-256; group exchange with an ECDSA key and AES-GCM, its server
// KEXINIT split over two segments.
func sshSessions(t testing.TB) [][]byte {
	var frames [][]byte
	// 1: curve25519, ssh-ed25519, chacha20-poly1305.
	f := newSSHFlow(t, 50001)
	f.send(true, []byte("SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.1\r\n"))
	f.send(false, []byte("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n"))
	f.send(true, sshPacket(sshKexInit("curve25519-sha256,ecdh-sha2-nistp256,ext-info-c", "ssh-ed25519,rsa-sha2-512",
		"chacha20-poly1305@openssh.com,aes128-ctr", "umac-64-etm@openssh.com,hmac-sha2-256", "none,zlib@openssh.com")))
	f.send(false, sshPacket(sshKexInit("sntrup761x25519-sha512@openssh.com,curve25519-sha256", "rsa-sha2-512,ssh-ed25519",
		"chacha20-poly1305@openssh.com,aes256-gcm@openssh.com", "hmac-sha2-256", "none")))
	f.send(true, sshPacket(sshString([]byte{30}, sshFill(32, 1))))
	hostKey := sshString(sshString(nil, "ssh-ed25519"), sshFill(32, 2))
	sig := sshString(sshString(nil, "ssh-ed25519"), sshFill(64, 3))
	reply := sshString(append([]byte{31}, sshString(nil, string(hostKey))...), sshFill(32, 4))
	reply = sshString(reply, string(sig))
	f.send(false, append(sshPacket(reply), sshPacket([]byte{21})...))
	f.send(true, sshPacket([]byte{21}))
	f.send(true, []byte(sshFill(52, 9)))
	f.send(false, []byte(sshFill(52, 10)))
	f.send(true, []byte(sshFill(100, 11)))
	frames = append(frames, f.frames...)

	// 2: diffie-hellman-group14-sha256, ssh-rsa, aes128-ctr, hmac-sha2-256.
	f = newSSHFlow(t, 50002)
	f.send(false, []byte("SSH-2.0-OpenSSH_7.4\r\n"))
	f.send(true, []byte("SSH-2.0-PuTTY_Release_0.78\r\n"))
	f.send(true, sshPacket(sshKexInit("diffie-hellman-group14-sha256", "ssh-rsa", "aes128-ctr,aes256-ctr", "hmac-sha2-256,hmac-sha1", "none")))
	f.send(false, sshPacket(sshKexInit("diffie-hellman-group14-sha256,diffie-hellman-group1-sha1", "ssh-rsa", "aes256-ctr,aes128-ctr", "hmac-sha1,hmac-sha2-256", "none")))
	f.send(true, sshPacket(sshString([]byte{30}, "\x00"+sshFill(256, 5))))
	rsaKey := sshString(sshString(sshString(nil, "ssh-rsa"), "\x01\x00\x01"), "\x00"+sshFill(256, 6))
	rsaSig := sshString(sshString(nil, "rsa-sha2-256"), sshFill(256, 7))
	reply = append([]byte{31}, sshString(nil, string(rsaKey))...)
	reply = sshString(reply, "\x00"+sshFill(256, 8))
	reply = sshString(reply, string(rsaSig))
	f.send(false, sshPacket(reply))
	f.send(false, sshPacket([]byte{21}))
	f.send(true, append(sshPacket([]byte{21}), sshFill(64, 12)...))
	f.send(false, []byte(sshFill(84, 13)))
	frames = append(frames, f.frames...)

	// 3: diffie-hellman-group-exchange-sha256, ecdsa-sha2-nistp256,
	// aes256-gcm; the server's KEXINIT arrives in two segments.
	f = newSSHFlow(t, 50003)
	f.send(true, []byte("SSH-2.0-libssh_0.10.4\r\n"))
	f.send(false, []byte("SSH-2.0-OpenSSH_8.0\r\n"))
	f.send(true, sshPacket(sshKexInit("diffie-hellman-group-exchange-sha256", "ecdsa-sha2-nistp256", "aes256-gcm@openssh.com", "hmac-sha2-512", "none")))
	kex := sshPacket(sshKexInit("diffie-hellman-group-exchange-sha256,diffie-hellman-group16-sha512", "ecdsa-sha2-nistp256",
		"aes256-gcm@openssh.com,aes128-ctr", "hmac-sha2-512", "none,zlib@openssh.com"))
	f.send(false, kex[:60])
	f.send(false, kex[60:])
	f.send(true, sshPacket([]byte{34, 0, 0, 8, 0, 0, 0, 0x1c, 0, 0, 0, 0x20, 0}))
	group := sshString([]byte{31}, "\x00"+sshFill(256, 14))
	group = sshString(group, "\x02")
	f.send(false, sshPacket(group))
	f.send(true, sshPacket(sshString([]byte{32}, sshFill(256, 15))))
	ecKey := sshString(sshString(sshString(nil, "ecdsa-sha2-nistp256"), "nistp256"), "\x04"+sshFill(64, 16))
	ecSig := sshString(sshString(nil, "ecdsa-sha2-nistp256"), sshFill(72, 17))
	reply = append([]byte{33}, sshString(nil, string(ecKey))...)
	reply = sshString(reply, sshFill(256, 18))
	reply = sshString(reply, string(ecSig))
	f.send(false, append(sshPacket(reply), sshPacket([]byte{21})...))
	f.send(true, sshPacket([]byte{21}))
	f.send(true, []byte(sshFill(60, 19)))
	frames = append(frames, f.frames...)

	// 4: ecdh-sha2-nistp256, ssh-rsa with an ssh-rsa signature,
	// aes256-gcm, a DSS key offered; a packet of an unknown type.
	f = newSSHFlow(t, 50004)
	f.send(true, []byte("SSH-2.0-Go\r\n"))
	f.send(false, []byte("SSH-2.0-dropbear_2022.83\r\n"))
	f.send(true, sshPacket(sshKexInit("ecdh-sha2-nistp256", "ssh-rsa,ssh-dss", "aes256-gcm@openssh.com", "hmac-sha2-256", "none")))
	f.send(false, sshPacket(sshKexInit("ecdh-sha2-nistp256,curve25519-sha256", "ssh-rsa", "aes256-gcm@openssh.com", "hmac-sha2-256", "none")))
	f.send(true, append(sshPacket([]byte{2, 0, 0, 0, 1, 0x41}), sshPacket(sshString([]byte{30}, "\x04"+sshFill(64, 20)))...))
	rsaKey = sshString(sshString(sshString(nil, "ssh-rsa"), "\x23"), "\x00"+sshFill(128, 21))
	rsaSig = sshString(sshString(nil, "ssh-rsa"), sshFill(128, 22))
	reply = append([]byte{31}, sshString(nil, string(rsaKey))...)
	reply = sshString(reply, "\x04"+sshFill(64, 23))
	reply = sshString(reply, string(rsaSig))
	f.send(false, append(sshPacket(reply), sshPacket([]byte{21})...))
	f.send(true, append(sshPacket([]byte{21}), sshFill(44, 24)...))
	f.send(false, []byte(sshFill(44, 25)))
	frames = append(frames, f.frames...)

	// 5: the client's KEXINIT in three segments and the server's in two
	// (tshark reassembles them and draws each in its last segment), then
	// an ECDH exchange.
	f = newSSHFlow(t, 50005)
	f.send(true, []byte("SSH-2.0-OpenSSH_9.6\r\n"))
	f.send(false, []byte("SSH-2.0-OpenSSH_9.6\r\n"))
	kex = sshPacket(sshKexInit("curve25519-sha256,ecdh-sha2-nistp256,diffie-hellman-group14-sha256", "ssh-ed25519,rsa-sha2-512,rsa-sha2-256",
		"aes128-ctr,aes192-ctr,aes256-ctr", "hmac-sha2-256,hmac-sha1", "none"))
	f.send(true, kex[:50])
	f.send(true, kex[50:100])
	f.send(true, kex[100:])
	kex = sshPacket(sshKexInit("curve25519-sha256", "ssh-ed25519", "aes128-ctr", "hmac-sha2-256", "none"))
	f.send(false, kex[:40])
	f.send(false, kex[40:])
	f.send(true, sshPacket(sshString([]byte{30}, sshFill(32, 26))))
	frames = append(frames, f.frames...)
	return frames
}

// writePcap writes Ethernet frames to a pcap file in dir, a millisecond
// apart.
func writePcap(t testing.TB, dir string, frames [][]byte) string {
	t.Helper()
	b := binary.LittleEndian.AppendUint32(nil, 0xa1b2c3d4)
	b = binary.LittleEndian.AppendUint16(b, 2)
	b = binary.LittleEndian.AppendUint16(b, 4)
	b = append(b, make([]byte, 8)...)
	b = binary.LittleEndian.AppendUint32(b, 65535)
	b = binary.LittleEndian.AppendUint32(b, 1)
	for k, fr := range frames {
		b = binary.LittleEndian.AppendUint32(b, 1700000000)
		b = binary.LittleEndian.AppendUint32(b, uint32(k*1000))
		b = binary.LittleEndian.AppendUint32(b, uint32(len(fr)))
		b = binary.LittleEndian.AppendUint32(b, uint32(len(fr)))
		b = append(b, fr...)
	}
	p := filepath.Join(dir, "ssh.pcap")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// sshBlock returns the lines of a frame's tree from "SSH Protocol" on.
func sshBlock(tree string) []string {
	lines := strings.Split(strings.TrimRight(tree, "\n"), "\n")
	for k, l := range lines {
		if l == "SSH Protocol" {
			return lines[k:]
		}
	}
	return nil
}

// TestSSHSessionsMatchTshark writes three generated SSH connections to a
// capture and holds rawcap's SSH subtree (-V), packet list (--columns)
// and one-liners to tshark's and tcpdump's on it.
func TestSSHSessionsMatchTshark(t *testing.T) {
	compareSSH(t, "ssh", sshSessions(t))
}

// sshShortSegments builds SSH connections whose segments hold less than a
// binary packet's length field: a KEXINIT whose first segment has 2 bytes,
// one in segments of 3, 7 and the rest bytes (tshark learns its length in
// the second), one whose first two segments hold one byte each; and a
// connection that starts with segments of 1 to 5 bytes, before any
// version string (tshark shows them as encrypted packets and throws on
// those of 4 bytes or less).
func sshShortSegments(t testing.TB) [][]byte {
	f := newSSHFlow(t, 50011)
	f.send(true, []byte("SSH-2.0-OpenSSH_8.9p1\r\n"))
	f.send(false, []byte("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n"))
	k := sshPacket(sshKexInit("curve25519-sha256", "ssh-ed25519", "chacha20-poly1305@openssh.com", "hmac-sha2-256", "none"))
	f.send(true, k[:2])
	f.send(true, k[2:])
	f.send(false, k[:3])
	f.send(false, k[3:10])
	f.send(false, k[10:])
	e := sshPacket(sshString([]byte{30}, sshFill(32, 1)))
	f.send(true, e[:1])
	f.send(true, e[1:2])
	f.send(true, e[2:])
	g := newSSHFlow(t, 50012)
	for _, s := range []string{"S", "SS", "SSH", "SSH-", "SSH-2", "H-2.0-OpenSSH_8.9p1\r\n"} {
		g.send(true, []byte(s))
	}
	return append(f.frames, g.frames...)
}

// TestSSHShortSegmentsMatchTshark holds rawcap to tshark and tcpdump on
// segments shorter than a binary packet's length field.
func TestSSHShortSegmentsMatchTshark(t *testing.T) {
	compareSSH(t, "ssh-short", sshShortSegments(t))
}

// compareSSH writes frames to a capture and holds rawcap's SSH subtrees
// (-V), packet list (--columns), one-liners and ssh.* fields to tshark's
// and tcpdump's on it; key names tshark's cached outputs.
func compareSSH(t *testing.T, key string, frames [][]byte) {
	testshared.Oracle(t, "tshark")
	tcpdump := testshared.Oracle(t, "tcpdump")
	path := writePcap(t, t.TempDir(), frames)

	theirs := splitFrames(string(testshared.Tshark(t, key+"-tree", path, "-V")))
	rows := strings.Split(strings.TrimRight(string(testshared.Tshark(t, key+"-columns", path)), "\n"), "\n")
	if len(theirs) != len(frames) || len(rows) != len(frames) {
		t.Fatalf("tshark shows %d trees and %d rows for %d frames", len(theirs), len(rows), len(frames))
	}
	cmd := exec.Command(tcpdump, "-n", "-r", path)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("tcpdump: %v", err)
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")

	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC}}
	var buf []byte
	sshLines, same, rowsSame, oneSame, reasmWant, reasmSame := 0, 0, 0, 0, 0, 0
	for k, fr := range frames {
		f := decode.Frame{Number: k + 1, Time: time.Unix(1700000000, int64(k)*1e6), Length: len(fr)}
		d.Decode(fr, linktype.Ethernet)
		buf = tp.Append(buf[:0], d, &f)
		all := strings.Split(strings.TrimRight(string(buf), "\n"), "\n")
		tl := strings.Split(strings.TrimRight(theirs[k], "\n"), "\n")
		if n, bad := subsequence(all, tl); n != len(all) {
			t.Errorf("frame %d: rawcap's -V line %q is not tshark's (in order)", k+1, bad)
		}
		for _, l := range tl {
			if strings.HasPrefix(l, "    TCP segment data (") || strings.Contains(l, " Reassembled TCP Segments (") ||
				strings.HasPrefix(l, "    [Frame: ") || strings.HasPrefix(l, "    [Segment count: ") || strings.HasPrefix(l, "    [Reassembled TCP ") {
				reasmWant++
				for _, m := range all {
					if m == l {
						reasmSame++
						break
					}
				}
			}
		}
		mine, want := sshBlock(string(buf)), sshBlock(theirs[k])
		sshLines += len(want)
		if strings.Join(mine, "\n") == strings.Join(want, "\n") {
			same += len(want)
		} else if len(mine) > 0 {
			t.Errorf("frame %d: SSH tree differs:\nrawcap:\n%s\ntshark:\n%s", k+1, strings.Join(mine, "\n"), strings.Join(want, "\n"))
		}
		buf = cp.Append(buf[:0], d, &f)
		if got := strings.TrimSuffix(string(buf), "\n"); got == rows[k] {
			rowsSame++
		} else {
			t.Errorf("frame %d: row\n got %q\nwant %q", k+1, got, rows[k])
		}
		buf = lp.Append(buf[:0], d, &f)
		if got := strings.TrimSuffix(string(buf), "\n"); got == lines[k] {
			oneSame++
		} else {
			t.Errorf("frame %d: one-liner\n got %q\nwant %q", k+1, got, lines[k])
		}
	}
	t.Logf("%d frames: SSH tree lines %d/%d as tshark's, reassembly lines %d/%d, rows %d/%d, one-liners %d/%d as tcpdump's",
		len(frames), same, sshLines, reasmSame, reasmWant, rowsSame, len(frames), oneSame, len(frames))
	if same != sshLines || reasmSame != reasmWant {
		t.Errorf("want every SSH tree line and reassembly line of tshark's")
	}

	// -T fields: every ssh.* field rawcap declares, and TCP's reassembly
	// fields (tcp_reasm.go).
	names := []string{"tcp.segment_data", "tcp.segments", "tcp.segment", "tcp.segment.count", "tcp.reassembled.length", "tcp.reassembled.data"}
	for _, pf := range decode.Protocols() {
		if pf.Protocol.Name == "ssh" {
			for _, f := range pf.Fields {
				names = append(names, f.Name)
			}
		}
	}
	args := []string{"-T", "fields", "-E", "separator=|"}
	for _, n := range names {
		args = append(args, "-e", n)
	}
	want := strings.Split(strings.TrimRight(string(testshared.Tshark(t, key+"-fields", path, args...)), "\n"), "\n")
	fp, err := decode.NewFieldsPrinter(names)
	if err != nil {
		t.Fatal(err)
	}
	fp.Separator = "|"
	d = decode.NewDecoder()
	fsame := 0
	for k, fr := range frames {
		f := decode.Frame{Number: k + 1, Time: time.Unix(1700000000, int64(k)*1e6), Length: len(fr)}
		d.Decode(fr, linktype.Ethernet)
		got := strings.TrimSuffix(string(fp.Append(buf[:0], d, &f)), "\n")
		if got == want[k] {
			fsame++
			continue
		}
		g, w := strings.Split(got, "|"), strings.Split(want[k], "|")
		for j := range names {
			if j < len(g) && j < len(w) && g[j] != w[j] {
				t.Errorf("frame %d: %s = %q, tshark %q", k+1, names[j], g[j], w[j])
			}
		}
	}
	t.Logf("-T fields: %d fields, %d/%d rows identical", len(names), fsame, len(frames))
}

// sshSegments encodes the payloads of the sessions' segments as the
// fuzz input FuzzSSH reads: per segment a flags byte (bit 0: from the
// client; bit 1: the capture keeps only half of it), a 16-bit length and
// the bytes.
func sshSegments(frames [][]byte) []byte {
	var b []byte
	for _, fr := range frames {
		if len(fr) <= 54 {
			continue
		}
		flags := byte(0)
		if binary.BigEndian.Uint16(fr[36:]) == 22 {
			flags = 1
		}
		b = append(b, flags)
		b = binary.BigEndian.AppendUint16(b, uint16(len(fr)-54))
		b = append(b, fr[54:]...)
	}
	return b
}

// FuzzSSH feeds a connection's segments, in both directions, to the
// decoder and every printer: nothing may panic, JSON must be valid.
func FuzzSSH(f *testing.F) {
	f.Add(sshSegments(sshSessions(f)))
	for _, p := range appPayloads(f, decode.LayerSSH) {
		f.Add(append([]byte{1, byte(len(p) >> 8), byte(len(p))}, p...))
	}
	d := decode.NewDecoder()
	prs := allPrinters()
	jp := &decode.JSONPrinter{Location: time.UTC}
	f.Fuzz(func(t *testing.T, in []byte) {
		fl := newSSHFlow(t, 50000)
		var cut []int
		for len(in) >= 3 {
			flags, n := in[0], int(binary.BigEndian.Uint16(in[1:]))
			in = in[3:]
			n = min(n, len(in))
			fl.send(flags&1 != 0, in[:n])
			if flags&2 != 0 {
				cut = append(cut, len(fl.frames)-1)
			}
			in = in[n:]
		}
		for k, fr := range fl.frames {
			wire := len(fr)
			if len(cut) > 0 && cut[0] == k {
				cut = cut[1:]
				fr = fr[:54+(len(fr)-54)/2]
			}
			d.Decode(fr, linktype.Ethernet)
			f := decode.Frame{Number: k + 1, Time: time.Unix(1, 0), Length: wire}
			for _, p := range prs {
				p(d, &f)
			}
			if js := jp.Append(nil, d, &f); !json.Valid(js) {
				t.Fatalf("invalid JSON: %s", js)
			}
		}
	})
}

// TestSSHAllocs holds decode, the one-liners, -V, the packet list, JSON
// and -T fields of SSH connections to no allocation per packet.
func TestSSHAllocs(t *testing.T) {
	frames := sshSessions(t)
	d := decode.NewDecoder()
	var lps []*decode.LinePrinter
	for v := 0; v <= 2; v++ {
		lps = append(lps, &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC, Verbose: v}})
	}
	tp := &decode.TreePrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{}
	jp := &decode.JSONPrinter{Location: time.UTC}
	fp, err := decode.NewFieldsPrinter([]string{"ssh.protocol", "ssh.message_code", "ssh.kex.hassh", "ssh.seq_num", "ssh.direction", "ssh.encrypted_packet"})
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 0, 1<<16)
	f := decode.Frame{Time: time.Unix(1, 0)}
	run := func() {
		for k, fr := range frames {
			d.Decode(fr, linktype.Ethernet)
			f.Number, f.Length = k+1, len(fr)
			for _, lp := range lps {
				buf = lp.Append(buf[:0], d, &f)
			}
			buf = tp.Append(buf[:0], d, &f)
			buf = cp.Append(buf[:0], d, &f)
			buf = jp.Append(buf[:0], d, &f)
			buf = fp.Append(buf[:0], d, &f)
		}
	}
	if n := testing.AllocsPerRun(20, run); n != 0 {
		t.Errorf("%d SSH frames allocate %v times", len(frames), n)
	}
}

// TestSSHVectors checks what the packet list, the -V tree and tcpdump's
// one-liner show for the generated sessions, without the oracles: the
// sessions' rows as tshark 4.0 shows them.
func TestSSHVectors(t *testing.T) {
	frames := sshSessions(t)
	want := map[int]string{
		4:  "SSH 95 Client: Protocol (SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.1)",
		5:  "SSHv2 86 Server: Protocol (SSH-2.0-OpenSSH_9.2p1 Debian-2)",
		6:  "SSHv2 398 Client: Key Exchange Init",
		8:  "SSHv2 102 Client: Elliptic Curve Diffie-Hellman Key Exchange Init",
		9:  "SSHv2 262 Server: Elliptic Curve Diffie-Hellman Key Exchange Reply, New Keys",
		11: "SSHv2 106 Client: ",
		24: "SSHv2 134 Client: New Keys",
		32: "TCP 114 [TCP segment of a reassembled PDU]",
		33: "SSHv2 290 Server: Key Exchange Init",
		34: "SSHv2 78 Client: Diffie-Hellman Group Exchange Request",
		39: "SSHv2 114 Client: Encrypted packet (len=60)",
		47: "SSHv2 150 Client: Ignore, Elliptic Curve Diffie-Hellman Key Exchange Init",
		49: "SSHv2 114 New Keys[Malformed Packet]",
	}
	d := decode.NewDecoder()
	cp := &decode.ColumnsPrinter{}
	tp := &decode.TreePrinter{Location: time.UTC}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC}}
	for k, fr := range frames {
		d.Decode(fr, linktype.Ethernet)
		f := decode.Frame{Number: k + 1, Time: time.Unix(1700000000, 0), Length: len(fr)}
		row := string(cp.Append(nil, d, &f))
		if w, ok := want[k+1]; ok && !strings.HasSuffix(strings.TrimSuffix(row, "\n"), w) {
			t.Errorf("frame %d: row %q, want it to end in %q", k+1, row, w)
		}
		tree := string(tp.Append(nil, d, &f))
		if k+1 == 9 && !strings.Contains(tree, "\n        Key Exchange (method:curve25519-sha256)\n            Message Code: New Keys (21)\n") {
			t.Errorf("frame 9's tree lacks the NEWKEYS with the method:\n%s", tree)
		}
		line := string(lp.Append(nil, d, &f))
		if k+1 == 4 && !strings.HasSuffix(strings.TrimSuffix(line, "\n"), "length 41: SSH: SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.1") {
			t.Errorf("frame 4: one-liner %q", line)
		}
	}
	// A version string cut by the capture: tcpdump's " [|ssh]".
	fl := newSSHFlow(t, 50010)
	fl.send(true, []byte("SSH-2.0-OpenSSH_9.6\r\n"))
	fr := fl.frames[3]
	d.Decode(fr[:60], linktype.Ethernet)
	f := decode.Frame{Number: 1, Time: time.Unix(1700000000, 0), Length: len(fr)}
	if line := string(lp.Append(nil, d, &f)); !strings.HasSuffix(strings.TrimSuffix(line, "\n"), "length 21 [|ssh]") {
		t.Errorf("cut version: one-liner %q", line)
	}
}

// BenchmarkSSH times decode, the -V tree, the packet list and the
// one-liner of the generated SSH connections, per packet.
func BenchmarkSSH(b *testing.B) {
	frames := sshSessions(b)
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC}}
	buf := make([]byte, 0, 1<<16)
	f := decode.Frame{Time: time.Unix(1, 0)}
	b.ReportAllocs()
	for b.Loop() {
		for k, fr := range frames {
			d.Decode(fr, linktype.Ethernet)
			f.Number, f.Length = k+1, len(fr)
			buf = tp.Append(buf[:0], d, &f)
			buf = cp.Append(buf[:0], d, &f)
			buf = lp.Append(buf[:0], d, &f)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(frames)), "ns/pkt")
}

// TestSSHTreeRestored draws the trees as rawcap read -V does, on another
// goroutine's Decoder (Note, Snapshot, Restore, Render): they must equal
// the trees drawn by the decoder that tracked the connection.
func TestSSHTreeRestored(t *testing.T) {
	frames := sshSessions(t)
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	other := &decode.TreePrinter{Location: time.UTC}
	var wd decode.Decoder
	for k, fr := range frames {
		f := decode.Frame{Number: k + 1, Time: time.Unix(1700000000, 0), Length: len(fr)}
		d.Decode(fr, linktype.Ethernet)
		var n decode.Note
		tp.Note(d, &f, &n)
		var s decode.Snapshot
		d.Snapshot(&s)
		want := string(tp.Render(nil, d, &f, &n))
		wd.Restore(&s, append([]byte(nil), fr...))
		if got := string(other.Render(nil, &wd, &f, &n)); got != want {
			t.Errorf("frame %d: restored tree differs:\n%s\nwant:\n%s", k+1, got, want)
		}
	}
}

// TestSSHGenericTreeAllocatesNothing holds the generic tree of an SSH
// version exchange frame to no allocation.
func TestSSHGenericTreeAllocatesNothing(t *testing.T) {
	checkTreeAllocsNothing(t, sshSessions(t)[3:4], "SSH Protocol")
}

// TestSSHCutBySnapLength decodes and draws the generated sessions cut to
// snap lengths from the TCP header to past the largest segment: every
// output returns (the walk once looped for ever on a segment whose
// captured bytes ended exactly at a packet's end, with more on the wire).
func TestSSHCutBySnapLength(t *testing.T) {
	frames := sshSessions(t)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for snap := 54; snap <= 200; snap += 2 {
			d := decode.NewDecoder()
			tp := &decode.TreePrinter{Location: time.UTC}
			lp := &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC, Verbose: 2}}
			jp := &decode.JSONPrinter{Location: time.UTC}
			var buf []byte
			for k, fr := range frames {
				f := decode.Frame{Number: k + 1, Time: time.Unix(1, 0), Length: len(fr)}
				d.Decode(fr[:min(len(fr), snap)], linktype.Ethernet)
				buf = tp.Append(buf[:0], d, &f)
				buf = lp.Append(buf[:0], d, &f)
				buf = jp.Append(buf[:0], d, &f)
			}
		}
	}()
	select {
	case <-done:
	case <-time.After(2 * time.Minute):
		t.Fatal("drawing the SSH sessions cut by the snap length did not return")
	}
}
