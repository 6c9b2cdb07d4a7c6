package capture

import (
	"encoding/binary"
	"syscall"
)

// linkInfo asks rtnetlink for every interface's hardware type (ARPHRD_) and
// alias, in the calling thread's network namespace. It returns nil on error;
// Interfaces then falls back to what the net package knows.
func linkInfo() map[int]linkExtra {
	rib, err := syscall.NetlinkRIB(syscall.RTM_GETLINK, syscall.AF_UNSPEC)
	if err != nil {
		return nil
	}
	msgs, err := syscall.ParseNetlinkMessage(rib)
	if err != nil {
		return nil
	}
	out := make(map[int]linkExtra)
	for i := range msgs {
		m := &msgs[i]
		if m.Header.Type != syscall.RTM_NEWLINK || len(m.Data) < syscall.SizeofIfInfomsg {
			continue
		}
		// struct ifinfomsg: family (1), pad (1), type (2), index (4), flags, change.
		x := linkExtra{hatype: binary.NativeEndian.Uint16(m.Data[2:])}
		index := int(int32(binary.NativeEndian.Uint32(m.Data[4:])))
		if attrs, err := syscall.ParseNetlinkRouteAttr(m); err == nil {
			for _, a := range attrs {
				if a.Attr.Type == syscall.IFLA_IFALIAS {
					x.alias = cString(a.Value)
				}
			}
		}
		out[index] = x
	}
	return out
}

func cString(b []byte) string {
	for i, c := range b {
		if c == 0 {
			return string(b[:i])
		}
	}
	return string(b)
}
