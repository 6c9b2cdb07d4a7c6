package decode_test

import (
	"encoding/binary"
	"encoding/hex"
	"testing"
)

// llcVectors are 802.2 LLC frames tcpdump has no printer of its own for
// (its llc_print fallback): every unnumbered, supervisory and information
// kind, named and unnamed SAPs, SAPs that differ, the group and response
// bits, poll and final, XID's formats and lengths, and frames cut inside
// the header.
var llcVectors = []struct{ name, llc string }{
	{"netbeui ui", "f0f0032c00ffef6162636465666768"},
	{"netbeui sabme", "f0f07f"},
	{"netbeui ua", "f0f173"},
	{"rr poll", "f0f00101"},
	{"rr response", "f0f10100"},
	{"information", "f0f000010e00ffef"},
	{"rnr", "f0f00501"},
	{"reject", "f0f00900"},
	{"unknown sap", "10100368656c6c6f"},
	{"group dsap", "1111036162"},
	{"saps differ", "f010036162"},
	{"saps differ the other way", "10f0036162"},
	{"final", "1011136162"},
	{"sna", "040403616263"},
	{"null", "000003616263"},
	{"unnamed u", "1010076162"},
	{"dm poll", "10101f6162"},
	{"dm final", "10111f6162"},
	{"disc", "101053"},
	{"frmr", "1010976162"},
	{"unnamed u response", "10118f6162"},
	{"supervisory ?", "10100d02"},
	{"rr seq 42", "10100154"},
	{"rnr final", "101105ff"},
	{"information seqs", "10102235616263"},
	{"information final", "1011feff616263"},
	{"xid", "1010af810102"},
	{"xid cut", "1010af8101"},
	{"xid other format", "1010af820102"},
	{"xid empty", "1010af"},
	{"xid long", "1010af8101020304"},
	{"xid final", "1011bf818010"},
	{"test empty", "1010e3"},
	{"test", "1010f37879"},
	{"long ui", "f0f00378787878787878787878787878787878787878787878787878787878787878787878787878787878"},
	{"stp non-ui", "4242076162"},
	{"osi non-ui", "fefe076162"},
	{"proway nm", "0e0e036162"},
	{"iso8208", "7e7e036162"},
	{"one byte", "f0"},
	{"two bytes", "f0f0"},
	{"supervisory cut", "101001"},
	{"information cut", "101000"},
}

// llcTcpdumpFrames returns the vectors as 802.3 frames padded to 60 bytes, and
// again behind a VLAN tag.
func llcTcpdumpFrames(t testing.TB) [][]byte {
	mac, _ := hex.DecodeString("000c29310d01000c298e87a6")
	var frames [][]byte
	for _, tagged := range []bool{false, true} {
		for _, v := range llcVectors {
			c, err := hex.DecodeString(v.llc)
			if err != nil {
				t.Fatal(v.name, err)
			}
			f := append([]byte(nil), mac...)
			if tagged {
				f = append(f, 0x81, 0x00, 0x20, 0x05)
			}
			f = binary.BigEndian.AppendUint16(f, uint16(len(c)))
			f = append(f, c...)
			for len(f) < 60 {
				f = append(f, 0)
			}
			frames = append(frames, f)
		}
	}
	return frames
}

func TestLLCMatchesTcpdump(t *testing.T) {
	ethernetLinesMatchTcpdump(t, llcTcpdumpFrames(t), [][]string{{}, {"-e"}, {"-q"}, {"-v"}, {"-e", "-q"}, {"-x"}, {"-X"}, {"-xx"}})
}
