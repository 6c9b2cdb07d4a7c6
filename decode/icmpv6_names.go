package decode

import "strconv"

// icmpv6TypeNames are tshark 4.0's names of the ICMPv6 types (the value
// names of icmpv6.type): the one table -V, --columns and the fields read.
var icmpv6TypeNames = ValueNames{Values: []ValueName{
	{1, "Destination Unreachable"}, {2, "Packet Too Big"}, {3, "Time Exceeded"}, {4, "Parameter Problem"},
	{100, "Private experimentation"}, {101, "Private experimentation"},
	{127, "Reserved for expansion of ICMPv6 error messages"},
	{128, "Echo (ping) request"}, {129, "Echo (ping) reply"}, {130, "Multicast Listener Query"},
	{131, "Multicast Listener Report"}, {132, "Multicast Listener Done"}, {133, "Router Solicitation"},
	{134, "Router Advertisement"}, {135, "Neighbor Solicitation"}, {136, "Neighbor Advertisement"},
	{137, "Redirect"}, {138, "Router Renumbering"}, {139, "Node Information Query"},
	{140, "Node Information Reply"}, {141, "Inverse Neighbor Discovery Solicitation"},
	{142, "Inverse Neighbor Discovery Advertisement"}, {143, "Multicast Listener Report Message v2"},
	{144, "Home Agent Address Discovery Request"}, {145, "Home Agent Address Discovery Reply"},
	{146, "Mobile Prefix Solicitation"}, {147, "Mobile Prefix Advertisement"},
	{148, "Certification Path Solicitation"}, {149, "Certification Path Advertisement"},
	{150, "Experimental Mobility"}, {151, "Multicast Router Advertisement"},
	{152, "Multicast Router Solicitation"}, {153, "Multicast Router Termination"}, {154, "FMIPv6"},
	{155, "RPL Control"}, {156, "Locator Update"}, {157, "Duplicate Address Request"},
	{158, "Duplicate Address Confirmation"}, {159, "MPL Control Message"},
	{160, "Extended Echo request"}, {161, "Extended Echo reply"},
	{200, "Private experimentation"}, {201, "Private experimentation"},
	{255, "Reserved for expansion of ICMPv6 informational messages"},
}}

// The code names of the ICMPv6 types that have them, as tshark 4.0 shows
// them in -V and in the Info column alike.
var (
	icmpv6UnreachCodes = [...]string{"no route to destination", "Administratively prohibited",
		"Beyond scope of source address", "Address unreachable", "Port unreachable",
		"Source address failed ingress/egress policy", "Reject route to destination", "Error in Source Routing Header"}
	icmpv6TimeCodes  = [...]string{"hop limit exceeded in transit", "fragment reassembly time exceeded"}
	icmpv6ParamCodes = [...]string{"erroneous header field encountered", "unrecognized Next Header type encountered",
		"unrecognized IPv6 option encountered", "IPv6 First Fragment has incomplete IPv6 Header Chain"}
	icmpv6RRCodes      = [...]string{"Command", "Result"}
	icmpv6NIQueryCodes = [...]string{"Query subject = IPv6 addresses", "Query subject = DNS name or empty",
		"Query subject = IPv4 addresses"}
	icmpv6NIReplyCodes    = [...]string{"Successful", "Refused", "Unknown query type"}
	icmpv6ExtEchoReqCodes = [...]string{"No error"}
	icmpv6ExtEchoRepCodes = [...]string{"No error", "Malformed Query", "No Such Interface", "No Such Table Entry",
		"Multiple Interfaces Satisfy Query"}
	icmpv6RPLCodes = ValueNames{Values: []ValueName{
		{0, "DODAG Information Solicitation"}, {1, "DODAG Information Object"},
		{2, "Destination Advertisement Object"}, {3, "Destination Advertisement Object Acknowledgment"},
		{4, "P2P Discovery Reply Object"}, {5, "P2P Discovery Reply Object Acknowledgement"},
		{0x80, "Secure DODAG Information Solicitation"}, {0x81, "Secure DODAG Information Object"},
		{0x82, "Secure Destination Advertisement Object"},
		{0x83, "Secure Destination Advertisement Object Acknowledgment"},
		{0x84, "P2P Secure Discovery Reply Object"}, {0x8a, "Consistency Check"},
	}}
)

// icmpv6TypeName returns tshark's name of an ICMPv6 type, "" when it has
// none.
func icmpv6TypeName(typ uint8) string { return icmpv6TypeNames.Name(uint64(typ)) }

// appendICMPv6Code appends tshark's name of code for an ICMPv6 message of
// type typ ("Administratively prohibited", "Unknown (3)") and reports
// whether the type names its codes at all.
func appendICMPv6Code(b []byte, typ, code uint8) ([]byte, bool) {
	var names []string
	switch typ {
	case ICMPv6Unreachable:
		if int(code) < len(icmpv6UnreachCodes) {
			return append(b, icmpv6UnreachCodes[code]...), true
		}
		return append(b, "Unknown"...), true
	case ICMPv6TimeExceeded:
		names = icmpv6TimeCodes[:]
	case ICMPv6ParamProblem:
		names = icmpv6ParamCodes[:]
	case 138:
		if code == 255 {
			return append(b, "Sequence number reset"...), true
		}
		names = icmpv6RRCodes[:]
	case 139:
		names = icmpv6NIQueryCodes[:]
	case 140:
		names = icmpv6NIReplyCodes[:]
	case 160:
		names = icmpv6ExtEchoReqCodes[:]
	case 161:
		names = icmpv6ExtEchoRepCodes[:]
	case 155:
		if n := icmpv6RPLCodes.Name(uint64(code)); n != "" {
			return append(b, n...), true
		}
	default:
		return b, false
	}
	if int(code) < len(names) {
		return append(b, names[code]...), true
	}
	b = append(b, "Unknown ("...)
	b = strconv.AppendUint(b, uint64(code), 10)
	return append(b, ')'), true
}
