package capture

import (
	"context"
	"fmt"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/rawcap/rawcap/internal/netns"
)

// flood sends UDP datagrams from B to A as fast as it can until ctx ends.
func flood(ctx context.Context, p *netns.Pair) *sync.WaitGroup {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		p.B.Do(func() error {
			c, err := net.ListenPacket("udp4", ":0")
			if err != nil {
				return err
			}
			defer c.Close()
			dst := &net.UDPAddr{IP: p.AddrA.Addr().AsSlice(), Port: udpPort}
			msg := make([]byte, 64)
			for ctx.Err() == nil {
				c.WriteTo(msg, dst)
			}
			return nil
		})
	}()
	return &wg
}

// TestStatsAddUpAfterCloseUnderLoad closes a Handle, as SIGINT does, while a
// flood is still arriving: every packet the kernel counted as received must
// be either returned by ReadPacket (what rawcap reports as captured) or
// counted as dropped. A partly filled ring block that the kernel had not
// yet handed over at Close used to vanish from both.
func TestStatsAddUpAfterCloseUnderLoad(t *testing.T) {
	for _, fanout := range []int{0, 2} {
		t.Run(fmt.Sprintf("fanout=%d", fanout), func(t *testing.T) {
			p := netns.NewPair(t)
			h := openIn(t, p.A, Config{Interface: p.IfA, Filter: udpFilter, Fanout: fanout})
			rec := record(h)
			ctx, stop := context.WithCancel(context.Background())
			wg := flood(ctx, p)
			time.Sleep(300 * time.Millisecond)
			h.Close() // while the flood goes on
			<-rec.done
			stop()
			wg.Wait()
			if rec.err != nil {
				t.Fatal(rec.err)
			}
			st, err := h.Stats()
			if err != nil {
				t.Fatal(err)
			}
			captured := uint64(len(rec.pkts))
			if captured == 0 {
				t.Fatal("nothing captured: the flood did not arrive")
			}
			if captured+st.Dropped != st.Received {
				t.Errorf("captured %d + dropped %d = %d, but the kernel received %d (%+d)",
					captured, st.Dropped, captured+st.Dropped, st.Received, int64(st.Received)-int64(captured+st.Dropped))
			}
		})
	}
}
