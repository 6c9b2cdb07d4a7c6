package follow

import (
	"net/netip"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
)

// TestHTTPAllocs: following a keep-alive connection allocates nothing
// per message once its buffers have grown.
func TestHTTPAllocs(t *testing.T) {
	cl, sv := netip.MustParseAddr("10.0.0.1"), netip.MustParseAddr("10.0.0.2")
	req := []byte("GET /a.txt HTTP/1.1\r\nHost: x\r\n\r\n")
	resp := []byte("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
	var h HTTP
	var cs, ss uint32 = 1, 1
	bodies := 0
	emit := func(c Chunk, m *HTTPMessage) error {
		if m.Part == HTTPBody {
			bodies++
		}
		return nil
	}
	seg := func(fromClient bool, p []byte) {
		s := decode.Stream{TCP: true, HaveLen: true, Len: len(p), Payload: p, Flags: decode.TCPAck}
		if fromClient {
			s.Src, s.Dst, s.SrcPort, s.DstPort, s.Seq, s.Ack = cl, sv, 40000, 80, cs, ss
			cs += uint32(len(p))
		} else {
			s.Src, s.Dst, s.SrcPort, s.DstPort, s.Seq, s.Ack = sv, cl, 80, 40000, ss, cs
			ss += uint32(len(p))
		}
		if err := h.Segment(&s, true, 1, time.Time{}, emit); err != nil {
			t.Fatal(err)
		}
	}
	exchange := func() {
		seg(true, req)
		seg(false, resp[:40])
		seg(false, resp[40:])
	}
	for range 3 {
		exchange()
	}
	if allocs := testing.AllocsPerRun(100, exchange); allocs != 0 {
		t.Errorf("%v allocations per exchange, want 0", allocs)
	}
	if bodies != 104 {
		t.Errorf("%d bodies, want 104", bodies)
	}
}
