package decode

import (
	"testing"
	"unsafe"
)

// TestFieldRecIs24Bytes keeps a FieldList record at 24 bytes: every output
// fills and reads one per field of every packet, and a field added to it
// (a tree-only mark) would cost them all a third more memory traffic.
func TestFieldRecIs24Bytes(t *testing.T) {
	if n := unsafe.Sizeof(FieldRec{}); n != 24 {
		t.Errorf("FieldRec is %d bytes, want 24", n)
	}
}
