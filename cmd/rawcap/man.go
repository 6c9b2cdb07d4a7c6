package main

import (
	"io"

	"github.com/urfave/cli/v2"
)

// manCommand prints rawcap.1, made from the same help text as --help, so the
// page cannot drift from the program; make man and make install use it.
func manCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:   "man",
		Usage:  "print the manual page rawcap.1 (roff), made from the help text",
		Hidden: true,
		Action: func(c *cli.Context) error {
			if c.NArg() != 0 {
				return usagef("man: takes no arguments")
			}
			page, err := c.App.ToManWithSection(1)
			if err != nil {
				return err
			}
			_, err = io.WriteString(e.stdout, page)
			return err
		},
	}
}

func versionCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print rawcap's version",
		Action: func(c *cli.Context) error {
			if c.NArg() != 0 {
				return usagef("version: takes no arguments")
			}
			cli.VersionPrinter(c)
			return nil
		},
	}
}
