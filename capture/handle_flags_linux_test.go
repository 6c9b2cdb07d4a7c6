package capture

import (
	"io"
	"testing"

	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// TestReadPacketFlags checks that epb_flags fill Packet.Options only when
// Config.PacketFlags asks for them.
func TestReadPacketFlags(t *testing.T) {
	for _, flags := range []bool{false, true} {
		h := memHandle(benchBlock(64, false), linktype.Ethernet, false)
		h.flags = flags
		h.markUser()
		var p pcapio.Packet
		if err := h.ReadPacket(&p); err != nil {
			t.Fatal(err)
		}
		got, ok := p.Options.Flags()
		if ok != flags || (flags && got != epbInbound|epbUnicast) {
			t.Errorf("PacketFlags %v: epb_flags %#b (present %v)", flags, got, ok)
		}
	}
}

// TestPending checks that Pending reports the packets left in the block being
// read, and false once the reader has taken them all.
func TestPending(t *testing.T) {
	h := memHandle(buildBlock(4096, []testFrame{{data: make([]byte, 60)}, {data: make([]byte, 60)}}), linktype.Ethernet, false)
	if h.Pending() {
		t.Error("Pending before the first ReadPacket")
	}
	r := h.rings[0]
	ne.PutUint32(r.mem[r.blockSize+blockStatusOff:], 0) // only the first block is the reader's
	var p pcapio.Packet
	var got []bool
	for range 2 {
		if err := h.ReadPacket(&p); err != nil {
			t.Fatal(err)
		}
		got = append(got, h.Pending())
	}
	if !got[0] || got[1] {
		t.Errorf("Pending after each of two packets = %v, want [true false]", got)
	}
	// Closing with the block still held leaves the ring mapped until the
	// reader comes back; then it drains (nothing left) and ends.
	h.Close()
	if r.mem == nil {
		t.Fatal("Close unmapped the ring under the reader's last packet")
	}
	if err := h.ReadPacket(&p); err != io.EOF {
		t.Errorf("ReadPacket after Close = %v, want io.EOF", err)
	}
	if r.mem != nil {
		t.Error("the ring is still mapped after io.EOF")
	}
}
