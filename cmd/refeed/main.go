// Command refeed polls news sources, extracts full articles and republishes
// them as clean RSS, Atom and JSON feeds.
//
// The commands are run, serve, check, status, extract, import-opml and
// export-opml. "refeed help" lists them with every flag and the exit
// codes, "refeed CMD --help" says what each flag does; README.md holds the
// same, kept in step by TestREADMEMatchesTheFlags.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Main runs the command line args and returns the process exit code, one
// of exitCodes.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	env := &env{stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		printUsage(stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		printUsage(stdout)
		return exitOK
	case "version", "--version":
		fmt.Fprintln(stdout, "refeed", version)
		return exitOK
	}
	cmd := findCommand(name)
	if cmd == nil {
		fmt.Fprintf(stderr, "refeed: unknown command %q\n\n", name)
		printUsage(stderr)
		return exitUsage
	}
	return exitCode(stderr, cmd.run(ctx, env, args[1:]))
}
