package pcapio

import (
	"errors"
	"strconv"
)

// Sentinel errors wrapped by *FormatError. Test for them with errors.Is.
var (
	// ErrBadMagic means the input starts with no magic number pcapio knows
	// (pcap, pcapng, gzip or zstd), or a pcapng section header carries a
	// byte-order magic that is neither 0x1A2B3C4D nor its swap.
	ErrBadMagic = errors.New("unknown file format (bad magic number)")
	// ErrTruncated means the input ends inside a header or record.
	ErrTruncated = errors.New("file cut short")
	// ErrVersion means a pcap or pcapng version pcapio does not read.
	ErrVersion = errors.New("unsupported format version")
	// ErrBlockLength means a pcapng block length is not a multiple of 4, is
	// below a block's minimum, or differs from the block's trailer.
	ErrBlockLength = errors.New("bad block length")
	// ErrTooLarge means a record or block claims more bytes than pcapio
	// accepts (MaxRecordLength for packet data, MaxBlockLength for blocks).
	ErrTooLarge = errors.New("length above the limit")
	// ErrBadOption means a pcapng option runs past its block, or has a
	// value that cannot be decoded (an if_tsresol too fine for 64 bits).
	ErrBadOption = errors.New("bad option")
	// ErrBadRecord means a record's fields contradict each other or the file:
	// captured data longer than its block, an unknown interface, reserved
	// link-type bits that are set.
	ErrBadRecord = errors.New("bad record")
	// ErrCompressed means a gzip or zstd stream is corrupt; the offset is
	// where in the decompressed stream reading stopped.
	ErrCompressed = errors.New("corrupt compressed stream")
)

// FormatError reports damage in a capture file: where (Offset, in bytes from
// the start of the uncompressed stream, of the record or block at fault),
// what (Msg) and which kind (Err, one of the sentinels above).
type FormatError struct {
	Offset int64  // byte offset of the damaged record or block
	Msg    string // what is wrong, for a person
	Err    error  // the sentinel: ErrTruncated, ErrBlockLength, ...
}

// Error returns "offset N: MSG: SENTINEL".
func (e *FormatError) Error() string {
	s := "offset " + strconv.FormatInt(e.Offset, 10) + ": "
	if e.Msg != "" {
		s += e.Msg + ": "
	}
	return s + e.Err.Error()
}

// Unwrap returns the sentinel.
func (e *FormatError) Unwrap() error { return e.Err }
