package decode

func jsonEthernet(w *jsonWriter, d *Decoder, i int) {
	l := &d.layers[i]
	w.open("eth")
	if l.Payload > l.Start {
		e := Ethernet(d.data[l.Start:l.Payload])
		w.mac("dst", e.Dst())
		w.mac("src", e.Src())
		if e.IsLength() {
			w.int("len", int(e.TypeOrLength()))
		} else {
			w.hex("type", uint64(e.TypeOrLength()), 4)
		}
	}
	w.close()
}

func jsonVLAN(w *jsonWriter, d *Decoder, i int) {
	l := &d.layers[i]
	// Wireshark names an 802.1ad service tag ieee8021ad, an 802.1Q tag vlan.
	w.open(vlanProto(d, i))
	if l.Payload > l.Start {
		v := VLAN(d.data[l.Start:l.Payload])
		w.int("priority", int(v.Priority()))
		w.bool("dei", v.DEI())
		w.int("id", int(v.ID()))
		if v.EtherType() <= 1500 {
			w.int("len", int(v.EtherType()))
		} else {
			w.hex("etype", uint64(v.EtherType()), 4)
		}
	}
	w.close()
}

func jsonLLC(w *jsonWriter, d *Decoder, i int) {
	l := &d.layers[i]
	w.open("llc")
	if l.Payload > l.Start {
		c := LLC(d.data[l.Start:l.Payload])
		w.hex("dsap", uint64(c.DSAP()), 2)
		w.hex("ssap", uint64(c.SSAP()), 2)
		w.hex("control", uint64(c.Control()), 2)
		if c.IsSNAP() {
			w.hex("oui", uint64(c.OUI()), 6)
			w.hex("pid", uint64(c.PID()), 4)
		}
	}
	w.close()
}

func jsonSLLAddr(w *jsonWriter, hatype uint16, addr []byte) {
	if len(addr) == 6 {
		w.mac("src.eth", MAC(addr))
		return
	}
	w.key("src.unused")
	w.b = append(w.b, '"')
	w.b = appendHexBytes(w.b, addr)
	w.b = append(w.b, '"')
}

func jsonSLL(w *jsonWriter, d *Decoder, i int) {
	l := &d.layers[i]
	w.open("sll")
	if l.Payload > l.Start {
		s := SLL(d.data[l.Start:l.Payload])
		w.int("pkttype", int(s.PacketType()))
		w.int("hatype", int(s.HAType()))
		w.int("halen", int(s.HALen()))
		jsonSLLAddr(w, s.HAType(), s.Addr())
		if s.Protocol() >= 0x600 {
			w.hex("etype", uint64(s.Protocol()), 4)
		} else {
			w.hex("ltype", uint64(s.Protocol()), 4)
		}
	}
	w.close()
}

func jsonSLL2(w *jsonWriter, d *Decoder, i int) {
	l := &d.layers[i]
	w.open("sll")
	if l.Payload > l.Start {
		s := SLL2(d.data[l.Start:l.Payload])
		if s.Protocol() >= 0x600 {
			w.hex("etype", uint64(s.Protocol()), 4)
		} else {
			w.hex("ltype", uint64(s.Protocol()), 4)
		}
		w.uint("ifindex", uint64(s.IfIndex()))
		w.int("hatype", int(s.HAType()))
		w.int("pkttype", int(s.PacketType()))
		w.int("halen", int(s.HALen()))
		jsonSLLAddr(w, s.HAType(), s.Addr())
	}
	w.close()
}

func jsonLoopback(w *jsonWriter, d *Decoder, i int) {
	l := &d.layers[i]
	w.open("null")
	if l.Payload > l.Start {
		w.uint("family", uint64(Loopback(d.data[l.Start:l.Payload]).Family()))
	}
	w.close()
}

func jsonARP(w *jsonWriter, d *Decoder, i int) {
	l := &d.layers[i]
	w.open("arp")
	if l.Payload > l.Start {
		a := ARP(d.data[l.Start:l.Payload])
		w.int("hw.type", int(a.HType()))
		if a.HType() == 19 {
			// ATM ARP (RFC 2225) lays its fields out differently;
			// Wireshark decodes it as atmarp.
			w.close()
			return
		}
		w.hex("proto.type", uint64(a.PType()), 4)
		w.int("hw.size", a.HLen())
		w.int("proto.size", a.PLen())
		w.int("opcode", int(a.Op()))
		hw := a.HLen() == 6 && (a.HType() == 1 || a.HType() == 6)
		ip := a.PLen() == 4 && a.PType() == EtherTypeIPv4
		if hw {
			w.mac("src.hw_mac", MAC(a.SenderHW()))
		}
		if ip {
			w.addr("src.proto_ipv4", addr4(a.SenderProto()))
		}
		if hw {
			w.mac("dst.hw_mac", MAC(a.TargetHW()))
		}
		if ip {
			w.addr("dst.proto_ipv4", addr4(a.TargetProto()))
		}
	}
	w.close()
}

func jsonIPv4(w *jsonWriter, d *Decoder, i int) {
	l := &d.layers[i]
	w.open("ip")
	if l.Payload > l.Start {
		ip := IPv4(d.data[l.Start:l.Payload])
		w.int("version", 4)
		w.int("hdr_len", ip.HeaderLen())
		w.hex("dsfield", uint64(ip.TOS()), 2)
		w.int("dsfield.dscp", int(ip.TOS()>>2))
		w.int("dsfield.ecn", int(ip.TOS()&3))
		w.int("len", int(ip.TotalLength()))
		w.hex("id", uint64(ip.ID()), 4)
		w.hex("flags", uint64(ip.Flags()), 2)
		w.bool("flags.rb", ip.Flags()&4 != 0)
		w.bool("flags.df", ip.DF())
		w.bool("flags.mf", ip.MF())
		w.int("frag_offset", int(ip.FragOffset()))
		w.int("ttl", int(ip.TTL()))
		w.int("proto", int(ip.Protocol()))
		w.hex("checksum", uint64(ip.Checksum()), 4)
		w.addr("src", ip.Src())
		w.addr("dst", ip.Dst())
	}
	w.close()
}

func jsonIPv6(w *jsonWriter, d *Decoder, i int) {
	l := &d.layers[i]
	w.open("ipv6")
	if l.Payload > l.Start {
		ip := IPv6(d.data[l.Start:l.Payload])
		w.int("version", 6)
		w.hex("tclass", uint64(ip.TrafficClass()), 8)
		w.hex("flow", uint64(ip.FlowLabel()), 6)
		w.int("plen", int(ip.PayloadLength()))
		w.int("nxt", int(ip.NextHeader()))
		w.int("hlim", int(ip.HopLimit()))
		w.addr("src", ip.Src())
		w.addr("dst", ip.Dst())
		jsonIPv6Ext(w, d, i)
	}
	w.close()
}

func jsonICMPv4(w *jsonWriter, d *Decoder, i int) {
	l := &d.layers[i]
	w.open("icmp")
	if l.End-l.Start >= 8 {
		m := ICMPv4(d.data[l.Start:l.End])
		w.int("type", int(m.Type()))
		w.int("code", int(m.Code()))
		w.hex("checksum", uint64(m.Checksum()), 4)
		switch m.Type() {
		case ICMPEcho, ICMPEchoReply, ICMPTimestamp, ICMPTimestampReply, ICMPInfoRequest, ICMPInfoReply, ICMPMaskRequest, ICMPMaskReply:
			w.int("ident", int(m.ID()))
			w.int("seq", int(m.Seq()))
		case ICMPRedirect:
			w.addr("redir_gw", addr4(m.Gateway()))
		}
	}
	w.close()
}

func jsonICMPv6(w *jsonWriter, d *Decoder, i int) {
	l := &d.layers[i]
	w.open("icmpv6")
	if l.End-l.Start >= 4 {
		m := ICMPv6(d.data[l.Start:l.End])
		w.int("type", int(m.Type()))
		w.int("code", int(m.Code()))
		w.hex("checksum", uint64(m.Checksum()), 4)
		switch m.Type() {
		case ICMPv6EchoRequest, ICMPv6EchoReply:
			if len(m) >= 8 {
				w.int("echo.identifier", int(m.Word()>>16))
				w.int("echo.sequence_number", int(m.Word()&0xffff))
			}
		case ICMPv6NeighborSolicit:
			if len(m) >= 24 {
				w.addr("nd.ns.target_address", addr16(m[8:24]))
			}
		case ICMPv6NeighborAdvert:
			if len(m) >= 24 {
				w.addr("nd.na.target_address", addr16(m[8:24]))
			}
		case ICMPv6PacketTooBig:
			w.uint("mtu", uint64(m.Word()))
		}
	}
	w.close()
}

func jsonUDP(w *jsonWriter, d *Decoder, i int) {
	l := &d.layers[i]
	w.open("udp")
	if l.Payload > l.Start {
		u := UDP(d.data[l.Start:l.Payload])
		w.int("srcport", int(u.SrcPort()))
		w.int("dstport", int(u.DstPort()))
		w.int("length", int(u.Length()))
		w.hex("checksum", uint64(u.Checksum()), 4)
	}
	w.close()
}

func jsonPayload(w *jsonWriter, d *Decoder, i int) {
	l := &d.layers[i]
	w.open("data")
	w.int("len", l.End-l.Start)
	w.close()
}

// vlanProto returns Wireshark's protocol name for the VLAN tag at layer i:
// "ieee8021ad" after the EtherType 0x88a8, "vlan" otherwise.
func vlanProto(d *Decoder, i int) string {
	if i > 0 && d.layers[i].Start >= 2 && be16(d.data[d.layers[i].Start-2:]) == EtherTypeQinQ {
		return "ieee8021ad"
	}
	return "vlan"
}
