package decode_test

import "flag"

// update is -update, accepted so that `go test ./... -update` (make golden)
// runs here too; decode keeps no golden files of its own (its outputs'
// goldens live in testdata/read and are rewritten by cmd/rawcap's tests).
var update = func() *bool {
	if f := flag.Lookup("update"); f != nil {
		v := f.Value.String() == "true"
		return &v
	}
	return flag.Bool("update", false, "rewrite golden files")
}()

var _ = update
