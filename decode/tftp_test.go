package decode_test

import (
	"bytes"
	"testing"

	"github.com/rawcap/rawcap/decode"
)

// tftpMessage is a TFTP message between a client port and port 69.
type tftpMessage struct {
	name   string
	toSrv  bool   // client to server (port 69 the destination)
	client uint16 // the client's port
	body   string // the message, bytes as written
}

// tftpTransfer is a read with RFC 2347-2349 and 7440 options (blksize,
// tsize, timeout, windowsize) answered by an OACK, two DATA blocks and
// their ACKs, a write refused with an ERROR, a read of a missing file, and
// damaged messages: a mode without its NUL, an unknown opcode, error codes
// tcpdump does not name, an error message without its NUL, a DATA and an
// option cut short, a lone opcode byte. The server answers from port 69
// (tftp_oracle_test.go has transfers on the ports the first reply picks).
var tftpTransfer = []tftpMessage{
	{"rrq with options", true, 50000, "\x00\x01boot.img\x00octet\x00blksize\x00512\x00tsize\x000\x00timeout\x005\x00windowsize\x004\x00"},
	{"oack", false, 50000, "\x00\x06blksize\x00512\x00tsize\x00700\x00timeout\x005\x00windowsize\x004\x00"},
	{"ack 0", true, 50000, "\x00\x04\x00\x00"},
	{"data 1", false, 50000, "\x00\x03\x00\x01" + string(bytes.Repeat([]byte{'A'}, 512))},
	{"data 2 (last)", false, 50000, "\x00\x03\x00\x02" + string(bytes.Repeat([]byte{'B'}, 188))},
	{"ack 2", true, 50000, "\x00\x04\x00\x02"},
	{"wrq", true, 50001, "\x00\x02upload.txt\x00netascii\x00"},
	{"error access violation", false, 50001, "\x00\x05\x00\x02Access violation\x00"},
	{"rrq", true, 50002, "\x00\x01missing\x00octet\x00"},
	{"error not found", false, 50002, "\x00\x05\x00\x01File not found\x00"},
	{"mode cut", true, 50003, "\x00\x01x\x00oct"},
	{"unknown opcode", true, 50004, "\x00\x09abc"},
	{"error 8", false, 50005, "\x00\x05\x00\x08Option negotiation failed\x00"},
	{"error 9", false, 50005, "\x00\x05\x00\x09odd\x00"},
	{"error message cut", false, 50005, "\x00\x05\x00\x03no nul"},
	{"data cut", false, 50005, "\x00\x03\x00"},
	{"ack 7", false, 50005, "\x00\x04\x00\x07"},
	{"one byte", false, 50005, "\x00"},
	{"option value missing", true, 50006, "\x00\x01f\x00octet\x00blksize\x00"},
	{"opcode only", true, 50006, "\x00\x01"},
	{"file name with a tab and a non-ASCII byte", true, 50007, "\x00\x01a\tb\xe9c\x00octet\x00blksize\x00x\ry\x00"},
	{"error message with a newline and UTF-8", false, 50007, "\x00\x05\x00\x00caf\xc3\xa9\nno\x01\x00"},
}

func tftpFrames() [][]byte {
	frames := make([][]byte, len(tftpTransfer))
	for i, m := range tftpTransfer {
		if m.toSrv {
			frames[i] = appFrame([]byte(m.body), m.client, 69, false)
		} else {
			// From the server: the addresses the other way (the IPv4
			// checksum does not change).
			f := appFrame([]byte(m.body), 69, m.client, false)
			copy(f[26:34], []byte{192, 0, 2, 2, 192, 0, 2, 1})
			frames[i] = f
		}
	}
	return frames
}

func TestTFTPVectors(t *testing.T) {
	frames := tftpFrames()
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}, {"-e"}, {"-q"}, {"-x"}})
	checkIPVectorsAlloc(t, frames)
	checkTreeAllocsNothing(t, frames, "Trivial File Transfer Protocol")
}

// TestTFTPMatchesTshark holds the TFTP subtree, the Protocol and Info
// columns and the fields to tshark's, with the lines tshark draws from the
// transfer's earlier packets ([Destination File], [Read Request in frame
// N], [Full Block Number]).
func TestTFTPMatchesTshark(t *testing.T) {
	frames := tftpFrames()
	compareSubtreeWithTshark(t, frames, "Trivial File Transfer Protocol", nil)
	path := writeTestPcap(t, frames)
	compareFieldsWithTshark(t, path, frames, []string{"tftp.opcode", "tftp.source_file", "tftp.type",
		"tftp.block", "tftp.error.code", "tftp.error.message", "tftp.option.name", "tftp.option.value", "tftp.data",
		"tftp.destination_file", "tftp.request_frame", "tftp.block.full"})
}

// FuzzTFTP feeds TFTP messages to the decoder and every printer.
func FuzzTFTP(f *testing.F) {
	for _, m := range tftpTransfer {
		f.Add([]byte(m.body), false)
	}
	for _, p := range appPayloads(f, decode.LayerTFTP) {
		f.Add(p, false)
	}
	fuzzIPProto(f, func(t testing.TB, m []byte, _ bool) []byte {
		fr := appFrame(nil, 50000, 69, false)
		u := 8 + len(m)
		fr[16], fr[17] = byte((20+u)>>8), byte(20+u)
		fr[38], fr[39] = byte(u>>8), byte(u)
		return fr
	})
}
