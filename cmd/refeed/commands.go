package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
)

// version is the program version, reported by "refeed version" and in the
// User-Agent default.
const version = "0.1.0"

// Exit codes.
const (
	exitOK      = 0
	exitPartial = 1 // some sources failed; the others were processed
	exitUsage   = 2 // bad usage or configuration
)

// env carries what every command needs from the process.
type env struct {
	stdout, stderr io.Writer
}

// logger returns the process logger, writing text to stderr at the given level.
func (e *env) logger(level slog.Level, format string) *slog.Logger {
	opts := &slog.HandlerOptions{Level: level}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(e.stderr, opts))
	}
	return slog.New(slog.NewTextHandler(e.stderr, opts))
}

// command is one subcommand of refeed.
type command struct {
	name    string
	args    string // argument synopsis for usage
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

// commands lists the subcommands in the order usage shows them.
func commands() []command {
	return []command{
		{"run", "[--config FILE]", "fetch every source once, extract articles, write the feeds", runRun},
		{"serve", "[--config FILE] [--addr HOST:PORT]", "poll sources on their interval and serve the feeds over HTTP", runServe},
		{"check", "[--config FILE] [--online [NAME...]]", "validate the config and report every problem as FILE:LINE: message; --online also fetches each source once", runCheck},
		{"status", "[--config FILE] [--json]", "print each source's health and each feed's size (and the workers' leases)", runStatus},
		{"migrate-state", "[--config FILE] --to postgres://…", "copy the state into an empty database, such as PostgreSQL for several workers", runMigrateState},
		{"extract", "[--format text|html|json|jsonl] URL|FILE...", "print what the extractor makes of pages", runExtract},
		{"import-opml", "[--config FILE] OPML-FILE", "add the feeds of an OPML subscription list as sources", runImportOPML},
		{"export-opml", "[--config FILE]", "write the configured sources as OPML to stdout", runExportOPML},
	}
}

func findCommand(name string) *command {
	for _, c := range commands() {
		if c.name == name {
			return &c
		}
	}
	return nil
}

func printUsage(w io.Writer) {
	fmt.Fprintf(w, "refeed %s turns news sites into clean, full-text RSS, Atom and JSON feeds.\n\nUsage:\n", version)
	for _, c := range commands() {
		fmt.Fprintf(w, "  refeed %-12s %s\n      %s\n", c.name, c.args, c.summary)
	}
	fmt.Fprintf(w, "\nRun \"refeed COMMAND --help\" for the flags of a command.\n")
}

// newFlagSet returns a flag set for a subcommand whose usage prints the
// command's synopsis and flags.
func newFlagSet(env *env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	fs.Usage = func() {
		c := findCommand(name)
		fmt.Fprintf(fs.Output(), "Usage: refeed %s %s\n\n%s.\n\nFlags:\n", name, c.args, capitalize(c.summary))
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses a command's args into fs. A flag fs does not know, or
// a bad flag value, is a usage error (exit 2); --help is flag.ErrHelp.
func parseFlags(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		return &usageError{err}
	}
	return err
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// usageError marks an error caused by how refeed was called; it exits 2.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// partialError marks a run in which some sources or feeds failed; it
// exits 1. The failures themselves were logged as they happened.
type partialError struct{ sourcesFailed, sources, feedsFailed int }

func (e *partialError) Error() string {
	msg := fmt.Sprintf("%d of %d sources failed", e.sourcesFailed, e.sources)
	if e.feedsFailed > 0 {
		msg += fmt.Sprintf(", %d feeds not written", e.feedsFailed)
	}
	return msg + " (see the log above)"
}

// exitCode prints err (if any) and maps it to the process exit code.
func exitCode(stderr io.Writer, err error) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	fmt.Fprintln(stderr, "refeed:", err)
	var ue *usageError
	if errors.As(err, &ue) {
		return exitUsage
	}
	return exitPartial
}
