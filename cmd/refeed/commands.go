package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/refeed/refeed/store"
)

// version is the program version, reported by "refeed version" and in the
// User-Agent default.
const version = "0.1.0"

// Exit codes, for cron and scripts to act on; exitCodes says what each
// means, for usage and README.md.
const (
	exitOK      = 0 // everything done
	exitPartial = 1 // some sources or feeds failed (the rest was done), or the work failed
	exitUsage   = 2 // bad usage or configuration: nothing was done
	exitLocked  = 3 // another refeed run or serve holds the state's lock: nothing was done
)

// env carries what every command needs from the process.
type env struct {
	stdout, stderr io.Writer
	// flags is the flag set the command made last (see newFlagSet), so
	// flagsOf can read a command's flags.
	flags *flag.FlagSet
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
//
// A command's flags are defined once, in its run function, on the flag set
// newFlagSet gives it. Everything that lists them (the usage line, the
// flag help, README.md, which TestREADMEMatchesTheFlags compares) reads
// them from there through flagsOf.
type command struct {
	name    string
	args    string // the positional arguments, for the usage line
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

// commands lists the subcommands in the order usage shows them.
func commands() []command {
	return []command{
		{"run", "", "fetch every source once, extract articles, write the feeds", runRun},
		{"serve", "", "poll sources on their interval and serve the feeds over HTTP", runServe},
		{"check", "[NAME...]", "validate the config and report every problem as FILE:LINE: message; --online also fetches each source (or the NAMEs given) once", runCheck},
		{"status", "", "print each source's health and each feed's size (and the workers' leases)", runStatus},
		{"migrate-state", "", "copy the state into an empty database, such as PostgreSQL for several workers", runMigrateState},
		{"extract", "URL|FILE...", "print what the extractor makes of pages", runExtract},
		{"fulltext", "FEED-URL", "print the full-text version of any feed, each item with its article", runFulltext},
		{"import-opml", "OPML-FILE", "add the feeds of an OPML subscription list as sources", runImportOPML},
		{"export-opml", "", "write the configured sources as OPML to stdout", runExportOPML},
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

// exitCodes are the codes Main returns, with what each means; usage and
// README.md ("Exit codes") print this table.
var exitCodes = []struct {
	code    int
	meaning string
}{
	{exitOK, "success"},
	{exitPartial, "some sources or feeds failed (the others were done), or the work failed; see the log"},
	{exitUsage, "bad usage or an invalid config: nothing was done"},
	{exitLocked, "another refeed run or serve holds the state's lock: nothing was done; try again later"},
}

func printUsage(w io.Writer) {
	fmt.Fprintf(w, "refeed %s turns news sites into clean, full-text RSS, Atom and JSON feeds.\n\nUsage:\n", version)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %s\n      %s\n", usageLine(&c, flagsOf(&c)), c.summary)
	}
	fmt.Fprintf(w, "\nRun \"refeed COMMAND --help\" for what the flags of a command do.\n\n")
	printExitCodes(w)
}

func printExitCodes(w io.Writer) {
	fmt.Fprintln(w, "Exit codes:")
	for _, e := range exitCodes {
		fmt.Fprintf(w, "  %d  %s\n", e.code, e.meaning)
	}
}

// newFlagSet returns a flag set for a subcommand whose --help prints the
// command's usage line, its flags and the exit codes.
func newFlagSet(env *env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	fs.Usage = func() {
		c := findCommand(name)
		w := fs.Output()
		fmt.Fprintf(w, "Usage: %s\n\n%s.\n\nFlags:\n", usageLine(c, fs), capitalize(c.summary))
		printFlags(w, fs)
		fmt.Fprintln(w)
		printExitCodes(w)
	}
	env.flags = fs
	return fs
}

// flagsOf returns the flags c defines, by asking it for --help with its
// output thrown away: a command parses its flags before it does anything.
func flagsOf(c *command) *flag.FlagSet {
	e := &env{stdout: io.Discard, stderr: io.Discard}
	_ = c.run(context.Background(), e, []string{"--help"})
	if e.flags == nil {
		return flag.NewFlagSet(c.name, flag.ContinueOnError)
	}
	return e.flags
}

// orderedFlags returns fs's flags, --config first and the others by name.
func orderedFlags(fs *flag.FlagSet) []*flag.Flag {
	var first, rest []*flag.Flag
	fs.VisitAll(func(f *flag.Flag) { // in name order
		if f.Name == "config" {
			first = append(first, f)
		} else {
			rest = append(rest, f)
		}
	})
	return append(first, rest...)
}

// usageLine is "refeed NAME [--flag VALUE]... ARGS", every flag included.
func usageLine(c *command, fs *flag.FlagSet) string {
	parts := []string{"refeed", c.name}
	for _, f := range orderedFlags(fs) {
		if v := valueName(f); v != "" {
			parts = append(parts, "[--"+f.Name+" "+v+"]")
		} else {
			parts = append(parts, "[--"+f.Name+"]")
		}
	}
	if c.args != "" {
		parts = append(parts, c.args)
	}
	return strings.Join(parts, " ")
}

// valueName is the placeholder of a flag's value, "" for a boolean flag:
// the `QUOTED` word of its usage, else one named for its type.
func valueName(f *flag.Flag) string {
	name, _ := flag.UnquoteUsage(f)
	switch name {
	case "":
		return ""
	case "string", "value":
		return "VALUE"
	case "int", "uint", "int64", "uint64", "float":
		return "N"
	}
	return strings.ToUpper(name)
}

// printFlags writes each flag as --name VALUE with its usage and default,
// the way usage lines and README.md spell flags (not flag's -name).
func printFlags(w io.Writer, fs *flag.FlagSet) {
	for _, f := range orderedFlags(fs) {
		usage := strings.ReplaceAll(f.Usage, "`", "")
		fmt.Fprintf(w, "  --%s", f.Name)
		if v := valueName(f); v != "" {
			fmt.Fprintf(w, " %s", v)
		}
		fmt.Fprintf(w, "\n      %s%s\n", usage, defaultNote(f))
	}
}

// defaultNote is " (default X)" for a flag whose default says something.
func defaultNote(f *flag.Flag) string {
	switch {
	case !hasDefault(f):
		return ""
	case strings.Contains(f.DefValue, " "):
		return fmt.Sprintf(" (default %q)", f.DefValue)
	}
	return " (default " + f.DefValue + ")"
}

// hasDefault reports whether f's default is worth printing: not empty,
// false or zero.
func hasDefault(f *flag.Flag) bool {
	switch f.DefValue {
	case "", "false", "0", "0s":
		return false
	}
	return true
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
	switch {
	case errors.As(err, &ue):
		return exitUsage
	case errors.Is(err, store.ErrLocked):
		return exitLocked
	}
	return exitPartial
}
