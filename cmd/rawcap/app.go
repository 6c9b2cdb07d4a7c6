package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"syscall"

	"github.com/urfave/cli/v2"
)

// version is set by the linker (-ldflags "-X main.version=…"); otherwise the
// module version from the build info is used.
var version = ""

func rawcapVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// usageError marks an error in how rawcap was called; run exits 2 for it.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, a ...any) error { return usageError{fmt.Errorf(format, a...)} }

// exitError carries an exit status chosen by a command (for example 1 after a
// damaged file whose good packets were already printed).
type exitError struct {
	code int
	err  error
}

func (e exitError) Error() string { return e.err.Error() }
func (e exitError) Unwrap() error { return e.err }

// env is what a command needs from the process: its streams. Commands take it
// instead of touching os.Stdout, so tests run them in-process.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// commands lists rawcap's subcommands in the order help shows them; each
// lives in its own file. A new command is one line here.
var commands = []func(*env) *cli.Command{
	readCommand,
	convertCommand,
	exportCommand,
	infoCommand,
	filterCommand,
	interfacesCommand,
	mergeCommand,
	splitCommand,
	dedupeCommand,
	reorderCommand,
	fieldsCommand,
	statsCommand,
	followCommand,
	exportObjectsCommand,
	versionCommand,
	completionCommand,
	manCommand,
}

func init() {
	// urfave/cli gives -v to --version by default; rawcap's -v is tcpdump's
	// verbosity, so the version is --version only.
	cli.VersionFlag = &cli.BoolFlag{Name: "version", Usage: "print the version"}
}

// appDescription opens the manual page.
const appDescription = `rawcap captures packets from Linux interfaces through a memory-mapped
ring, with the filter running in the kernel, and reads, filters, prints and
converts pcap and pcapng files, in one static binary without libpcap.

Without a command, rawcap does what tcpdump does: it captures on -i IFACE (or
reads -r FILE) and prints one line per packet, or writes the packets to -w FILE.
Its one-letter flags are tcpdump's and combine as tcpdump's do (-nnvvXX, -c5,
-w-, -ieth0). The commands below read, convert and summarize capture files as
tcpdump, tshark, editcap and capinfos do.

Exit status: 0 on success, 1 on a failure (a damaged file, a failed write),
2 when the command line is wrong.`

func newApp(e *env) *cli.App {
	app := &cli.App{
		Name:                 "rawcap",
		Usage:                "capture, read, filter and convert packet captures",
		Version:              rawcapVersion(),
		Reader:               e.stdin,
		Writer:               e.stdout,
		ErrWriter:            e.stderr,
		EnableBashCompletion: false,
		Description:          appDescription,
		// tshark's -E separator=, and aggregator=, are values, not lists.
		DisableSliceFlagSeparator: true,
		ExitErrHandler:            func(*cli.Context, error) {},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return usageError{err}
		},
	}
	for _, c := range commands {
		cmd := c(e)
		if cmd.OnUsageError == nil {
			cmd.OnUsageError = app.OnUsageError
		}
		app.Commands = append(app.Commands, cmd)
	}
	// Without a subcommand, rawcap captures (or reads with -r) as tcpdump does.
	liveDefault(e, app)
	return app
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	// Every command writes standard output through out, which keeps the
	// first failed write: help, a report or a list that could not be
	// written (a full disk, /dev/full) ends with status 1, not 0.
	out := &checkedWriter{w: stdout}
	e := &env{stdin: stdin, stdout: out, stderr: stderr}
	app := newApp(e)
	if name := commandAfterOptions(app, args); name != "" {
		return exitCode(usagef("%q is a command: put it first, before its options (rawcap %s [options] …)", name, name), stderr)
	}
	err := tcpdumpFlagHint(app.RunContext(ctx, permuteArgs(app, tsharkFieldArgs(args))))
	if err == nil && out.err != nil && !errors.Is(out.err, syscall.EPIPE) {
		// A closed pipe is the reader's choice (rawcap read … | head);
		// anything else lost output.
		err = out.result()
	}
	return exitCode(err, stderr)
}

// exitCode prints err (if any) as "rawcap: …" and maps it to an exit status:
// 0 success, 2 usage error, 1 any other failure.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	var ee exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintf(stderr, "rawcap: %v\n", ee.err)
		}
		return ee.code
	}
	fmt.Fprintf(stderr, "rawcap: %v\n", err)
	var ue usageError
	if errors.As(err, &ue) {
		return 2
	}
	return 1
}
