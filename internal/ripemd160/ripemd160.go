package ripemd160

import (
	"encoding/binary"
	"hash"
)

// Size is the length of a RIPEMD-160 checksum in bytes.
const Size = 20

// BlockSize is the block size of RIPEMD-160 in bytes.
const BlockSize = 64

type digest struct {
	h   [5]uint32
	x   [BlockSize]byte
	nx  int
	len uint64
}

// New returns a new hash.Hash computing RIPEMD-160. It is not safe for
// concurrent use.
func New() hash.Hash {
	d := new(digest)
	d.Reset()
	return d
}

func (d *digest) Reset() {
	d.h = [5]uint32{0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0}
	d.nx, d.len = 0, 0
}

func (d *digest) Size() int      { return Size }
func (d *digest) BlockSize() int { return BlockSize }

func (d *digest) Write(p []byte) (int, error) {
	n := len(p)
	d.len += uint64(n)
	if d.nx > 0 {
		c := copy(d.x[d.nx:], p)
		d.nx += c
		p = p[c:]
		if d.nx < BlockSize {
			return n, nil
		}
		d.blocks(d.x[:])
		d.nx = 0
	}
	if k := len(p) &^ (BlockSize - 1); k > 0 {
		d.blocks(p[:k])
		p = p[k:]
	}
	d.nx = copy(d.x[:], p)
	return n, nil
}

func (d *digest) Sum(in []byte) []byte {
	c := *d // Sum leaves d as it was
	var pad [BlockSize + 8]byte
	pad[0] = 0x80
	n := 56 - int(c.len%BlockSize)
	if n <= 0 {
		n += BlockSize
	}
	binary.LittleEndian.PutUint64(pad[n:], c.len<<3)
	c.Write(pad[:n+8])
	for _, v := range c.h {
		in = binary.LittleEndian.AppendUint32(in, v)
	}
	return in
}
