//go:build !linux

package capture

import (
	"errors"
	"fmt"
	"runtime"

	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio/packet"
)

// Handle is an open live capture. Live capture exists only on Linux.
type Handle struct{}

// Open returns an error wrapping errors.ErrUnsupported: live capture needs
// Linux's AF_PACKET sockets.
func Open(cfg Config) (*Handle, error) {
	return nil, fmt.Errorf("capture: live capture needs Linux AF_PACKET sockets, not %s: %w", runtime.GOOS, errors.ErrUnsupported)
}

// LinkType returns the link type of the captured packets.
func (h *Handle) LinkType() linktype.Type { return 0 }

// ReadPacket returns errors.ErrUnsupported.
func (h *Handle) ReadPacket(p *packet.Packet) error { return errors.ErrUnsupported }

// Pending reports false: there is nothing to read.
func (h *Handle) Pending() bool { return false }

// Stats returns errors.ErrUnsupported.
func (h *Handle) Stats() (Stats, error) { return Stats{}, errors.ErrUnsupported }

// Close does nothing.
func (h *Handle) Close() error { return nil }

func linkInfo() map[int]linkExtra { return nil }
