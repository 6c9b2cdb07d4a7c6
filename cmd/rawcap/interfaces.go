package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"runtime"
	"slices"
	"strings"

	"github.com/rawcap/rawcap/capture"
	"github.com/rawcap/rawcap/linktype"
	"github.com/urfave/cli/v2"
)

func interfacesCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "interfaces",
		Usage:     "list the interfaces rawcap can capture on, as tcpdump -D does, with more detail",
		UsageText: "rawcap interfaces [--json]\n\nExamples:\n   rawcap interfaces\n   rawcap interfaces --json | jq -r '.[] | select(.up) | .name'",
		Description: `Interfaces lists the network interfaces in tcpdump -D's order and numbering
(working interfaces first, then "any", then loopback, then those that are
disconnected or down),
with their flags, link type, hardware address and addresses with prefix
lengths. The number or the name can be given to -i. --json prints one JSON
array.`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: "print a JSON array"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 0 {
				return usagef("interfaces: takes no arguments")
			}
			ifs, err := captureInterfaces()
			if err != nil {
				return err
			}
			if c.Bool("json") {
				b, err := json.MarshalIndent(ifs, "", "  ")
				if err != nil {
					return err
				}
				_, err = fmt.Fprintf(e.stdout, "%s\n", b)
				return err
			}
			for i, it := range ifs {
				it.writeText(e.stdout, i+1)
			}
			return nil
		},
	}
}

// printInterfaceList writes the interface list exactly as tcpdump -D lays it
// out ("1.eth0 [Up, Running, Connected]"), for the default action's -D.
func printInterfaceList(w io.Writer) error {
	ifs, err := captureInterfaces()
	if err != nil {
		return err
	}
	for i, it := range ifs {
		if _, err := fmt.Fprintf(w, "%d.%s\n", i+1, it.headline()); err != nil {
			return err
		}
	}
	return nil
}

// ifaceInfo is one line of `rawcap interfaces`; its JSON form is --json's.
type ifaceInfo struct {
	Number       int      `json:"number"` // what -i takes, as with tcpdump -D
	Index        int      `json:"index"`  // the kernel's ifindex (0 for any)
	Name         string   `json:"name"`
	Description  string   `json:"description,omitempty"`
	Up           bool     `json:"up"`
	Running      bool     `json:"running"`
	Loopback     bool     `json:"loopback"`
	Connection   string   `json:"connection,omitempty"` // connected, disconnected
	HardwareAddr string   `json:"hardware_address,omitempty"`
	Addresses    []string `json:"addresses"`
	LinkType     string   `json:"link_type"`
	LinkTypeNum  int      `json:"link_type_value"`
}

// captureInterfaces returns the interfaces with "any", in tcpdump -D's order.
func captureInterfaces() ([]ifaceInfo, error) {
	ifs, err := capture.Interfaces()
	if err != nil {
		return nil, fmt.Errorf("listing interfaces: %w", err)
	}
	var out []ifaceInfo
	for _, it := range ifs {
		x := ifaceInfo{
			Index: it.Index, Name: it.Name, Description: it.Description,
			Up: it.Flags&net.FlagUp != 0, Running: it.Flags&net.FlagRunning != 0, Loopback: it.Flags&net.FlagLoopback != 0,
			HardwareAddr: it.HardwareAddr.String(), Addresses: []string{},
			LinkType: it.LinkType.Name(), LinkTypeNum: int(it.LinkType),
		}
		if it.LinkType == linktype.Ethernet && !x.Loopback {
			// libpcap asks the driver for the link; a running Ethernet
			// interface has its carrier.
			x.Connection = "disconnected"
			if x.Running {
				x.Connection = "connected"
			}
		}
		for _, a := range it.Addrs {
			x.Addresses = append(x.Addresses, a.String())
		}
		out = append(out, x)
	}
	if runtime.GOOS == "linux" {
		out = append(out, ifaceInfo{
			Name: "any", Description: "Pseudo-device that captures on all interfaces",
			Up: true, Running: true, Addresses: []string{},
			LinkType: linktype.LinuxSLL2.Name(), LinkTypeNum: int(linktype.LinuxSLL2),
		})
	}
	slices.SortStableFunc(out, func(a, b ifaceInfo) int { return a.rank() - b.rank() })
	for i := range out {
		out[i].Number = i + 1
	}
	return out, nil
}

// rank orders the list as libpcap does: an interface loses rank for not
// running, then for being down, then for being disconnected, then for being a
// loopback; "any" comes right after the working interfaces. Equal ranks keep
// index order.
func (x *ifaceInfo) rank() int {
	r := 0
	if x.Name == "any" {
		r = 1
	}
	if x.Loopback {
		r |= 2
	}
	if x.Connection == "disconnected" {
		r |= 4
	}
	if !x.Up {
		r |= 8
	}
	if !x.Running {
		r |= 16
	}
	return r
}

// headline is tcpdump -D's line without its number.
func (x *ifaceInfo) headline() string {
	var flags []string
	if x.Up {
		flags = append(flags, "Up")
	}
	if x.Running {
		flags = append(flags, "Running")
	}
	if x.Loopback {
		flags = append(flags, "Loopback")
	}
	if len(flags) == 0 {
		flags = append(flags, "none")
	}
	switch x.Connection {
	case "connected":
		flags = append(flags, "Connected")
	case "disconnected":
		flags = append(flags, "Disconnected")
	}
	f := strings.Join(flags, ", ")
	if x.Description != "" {
		return fmt.Sprintf("%s (%s) [%s]", x.Name, x.Description, f)
	}
	return fmt.Sprintf("%s [%s]", x.Name, f)
}

func (x *ifaceInfo) writeText(w io.Writer, n int) {
	fmt.Fprintf(w, "%d.%s\n", n, x.headline())
	lt, _ := linktype.Parse(x.LinkType)
	fmt.Fprintf(w, "\tindex %d, link-type %v", x.Index, lt)
	if x.HardwareAddr != "" {
		fmt.Fprintf(w, ", hardware address %s", x.HardwareAddr)
	}
	fmt.Fprintln(w)
	for _, a := range x.Addresses {
		family := "inet"
		if strings.Contains(a, ":") {
			family = "inet6"
		}
		fmt.Fprintf(w, "\t%s %s\n", family, a)
	}
}
