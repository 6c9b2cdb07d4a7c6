package decode_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

const linkVSock = linktype.Type(271)

// vsockVectors: the first two are frames of tcpdump's vsock-1 capture (a
// connection request, a payload); the others cover the hypervisor's and
// the local cids, a transport without information, a virtio type and an
// operation tshark does not name, a virtio header cut short and a frame
// shorter than the monitor's header.
var vsockVectors = []string{
	"0300000000000000 0200000000000000 00040000 d2040000 0100 0200 2c00 0000 0300000000000000 0200000000000000 00040000 d2040000 00000000 0100 0100 00000000 00000400 00000000",
	"0300000000000000 0200000000000000 00040000 d2040000 0400 0200 2c00 0000 0300000000000000 0200000000000000 00040000 d2040000 06000000 0100 0500 00000000 00000400 00000000 48656c6c6f0a",
	"0000000000000000 0100000000000000 05000000 06000000 0100 0200 2c00 0000 0000000000000000 0100000000000000 05000000 06000000 00000000 0100 0100 00000000 64000000 00000000",
	"0700000000000000 0200000000000000 06000000 05000000 0000 0100 0000 0000",
	"0700000000000000 0200000000000000 06000000 05000000 0200 0200 2c00 0000 0700000000000000 0200000000000000 06000000 05000000 00000000 0200 0900 01000000 64000000 09000000",
	"0300000000000000 0200000000000000 06000000 05000000 0400 0200 2c00 0000 0300000000000000 0200",
	"0300000000000000 0200000000000000 0600",
}

func vsockFrames(t testing.TB) [][]byte {
	frames := make([][]byte, len(vsockVectors))
	for i, v := range vsockVectors {
		frames[i] = mustHex(t, v)
	}
	return frames
}

func TestVSockVectors(t *testing.T) {
	d := decode.NewDecoder()
	for i, fr := range vsockFrames(t) {
		ls := d.Decode(fr, linkVSock)
		if i == len(vsockVectors)-1 {
			if len(ls) != 0 {
				t.Errorf("vector %d: %d layers, want none (tshark takes no frame shorter than the header)", i, len(ls))
			}
			continue
		}
		if len(ls) != 1 || ls[0].Type != decode.LayerVSock {
			t.Fatalf("vector %d: layers %v", i, ls)
		}
		if _, bad := d.Malformed(); bad != (i == 5) {
			t.Errorf("vector %d: malformed %v", i, bad)
		}
	}
}

func TestVSockTreeMatchesTshark(t *testing.T) {
	frames := vsockFrames(t)
	compareSubtreeWithTsharkOn(t, linkVSock, frames[:len(frames)-1], "vSocket", nil)
}

func FuzzVSock(f *testing.F) {
	for _, fr := range vsockFrames(f) {
		f.Add(fr)
	}
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2, Hex: decode.HexNet}}
	jp := &decode.JSONPrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{Precision: []int{6}}
	f.Fuzz(func(t *testing.T, frame []byte) {
		d.Decode(frame, linkVSock)
		fr := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
		_ = tp.Append(nil, d, &fr)
		_ = lp.Append(nil, d, &fr)
		if js := jp.Append(nil, d, &fr); !json.Valid(js) {
			t.Fatalf("invalid JSON: %s", js)
		}
		_ = cp.Append(nil, d, &fr)
	})
}
