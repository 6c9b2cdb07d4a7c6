package decode

import (
	"encoding/hex"
	"strings"
	"testing"
)

func unhex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestQUICInitialKeys checks the key derivation against RFC 9001
// Appendix A.1: the secrets, keys, IVs and header protection keys of both
// sides for the client's Destination Connection ID 0x8394c8f03e515708.
func TestQUICInitialKeys(t *testing.T) {
	cid := unhex(t, "8394c8f03e515708")
	c, s := quicInitialSecrets(&quicSaltV1, cid)
	for _, tc := range []struct {
		name, secret, key, iv, hp string
		got                       []byte
	}{
		{"client", "c00cf151ca5be075ed0ebfb5c80323c42d6b7db67881289af4008f1f6c357aea",
			"1f369613dd76d5467730efcbe3b1a22d", "fa044b2f42a3fd3b46fb255c", "9f50449e04a0e810283a1e9933adedd2", c},
		{"server", "3c199828fd139efd216c155ad844cc81fb82fa8d7446fa7d78be803acdda951b",
			"cf3a5331653c364c88f0f379b6067e37", "0ac1493ca1905853b0bba03e", "c206b8d9b9f0f37644430b490eeaa314", s},
	} {
		if hex.EncodeToString(tc.got) != tc.secret {
			t.Errorf("%s_initial_secret = %x, want %s", tc.name, tc.got, tc.secret)
		}
		_, key, iv, hp := quicKeysFrom(tc.got, false)
		if hex.EncodeToString(key) != tc.key || hex.EncodeToString(iv) != tc.iv || hex.EncodeToString(hp) != tc.hp {
			t.Errorf("%s: key %x iv %x hp %x, want %s %s %s", tc.name, key, iv, hp, tc.key, tc.iv, tc.hp)
		}
	}
}

func TestQUICVarint(t *testing.T) {
	// RFC 9000 Appendix A.1's examples.
	for _, tc := range []struct {
		in   string
		v    uint64
		n    int
		want bool
	}{
		{"c2197c5eff14e88c", 151288809941952652, 8, true},
		{"9d7f3e7d", 494878333, 4, true},
		{"7bbd", 15293, 2, true},
		{"25", 37, 1, true},
		{"4025", 37, 2, true},
		{"9d7f3e", 0, 0, false},
	} {
		v, n := quicVarint(unhex(t, tc.in))
		if v != tc.v || n != tc.n {
			t.Errorf("quicVarint(%s) = %d, %d; want %d, %d", tc.in, v, n, tc.v, tc.n)
		}
	}
}
