package decode

// ouiNortel is the SNAP organization code of Nortel (Bay Networks).
const ouiNortel = 0x000081

// ciscoPIDName returns tshark's name of a protocol ID under Cisco's OUI,
// or "".
func ciscoPIDName(pid uint16) string {
	switch pid {
	case 0x010b:
		return "PVSTP+"
	case 0x0111:
		return "UDLD"
	case 0x01a1:
		return "NDP flatnet hello"
	case 0x01a2:
		return "NDP segment hello"
	case 0x2000:
		return "CDP"
	case 0x2003:
		return "VTP"
	case 0x2004:
		return "DTP"
	}
	return ""
}
