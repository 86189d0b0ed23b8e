// Command refeed polls news sources, extracts full articles and republishes
// them as clean RSS, Atom and JSON feeds.
//
// Usage:
//
//	refeed run     [--config sources.yaml]   one pass over every source
//	refeed serve   [--config sources.yaml]   poll on a timer and serve the feeds
//	refeed check   [--config sources.yaml]   validate the config
//	refeed status  [--config sources.yaml]   sources' health and feeds' sizes
//	refeed extract [--format F] URL|FILE...  show what the extractor makes of a page
//
// Run "refeed help" or "refeed CMD --help" for details.
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

// Main runs the command line args and returns the process exit code:
// 0 success, 1 when some sources failed (the rest of the work was done),
// 2 for a usage or configuration error.
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
