package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/feeds"
	"github.com/refeed/refeed/internal/reltime"
	"github.com/refeed/refeed/refresh"
	"github.com/refeed/refeed/store"
)

// statusReport is what "refeed status" prints: each source's health and
// each feed's size, as a table or as JSON for scripts and monitoring.
type statusReport struct {
	Sources []sourceStatus `json:"sources"`
	Feeds   []feedStatus   `json:"feeds"`
	// Leases are the workers' leases in a shared (PostgreSQL) state.
	Leases []leaseStatus `json:"leases,omitempty"`
}

// leaseStatus is who polls a source, or polled it last.
type leaseStatus struct {
	Source   string    `json:"source"`
	Worker   string    `json:"worker"`
	Held     bool      `json:"held"`
	Expires  time.Time `json:"expires,omitzero"`
	LastPoll time.Time `json:"last_poll,omitzero"`
}

// sourceStatus is one source in the report. Times are in the config's
// timezone, with its offset.
type sourceStatus struct {
	Name        string    `json:"name"`
	LastSuccess time.Time `json:"last_success,omitzero"`
	Items       int       `json:"items"` // items the state holds
	Failures    int       `json:"consecutive_failures"`
	// NextAttempt is when a failing source is tried again, or when one
	// whose server said its feed stays fresh is due (refresh.NextAttempt).
	NextAttempt    time.Time `json:"next_attempt,omitzero"`
	LastError      string    `json:"last_error,omitempty"`
	LastErrorWords string    `json:"last_error_words,omitempty"` // what LastError means
}

type feedStatus struct {
	Name       string           `json:"name"`
	Items      int              `json:"items"`
	LastChange time.Time        `json:"last_change,omitzero"`
	Files      map[string]int64 `json:"files"` // extension → size in bytes; -1 when missing
}

func runStatus(ctx context.Context, env *env, args []string) error {
	fs := newFlagSet(env, "status")
	var common commonFlags
	common.register(fs)
	asJSON := fs.Bool("json", false, "print the status as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{fmt.Errorf("status: unexpected argument %q", fs.Arg(0))}
	}
	cfg, _, err := common.setup(env)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, cfg.State)
	if err != nil {
		return err
	}
	defer st.Close()
	report, err := readStatus(ctx, cfg, st)
	if err != nil {
		return err
	}
	report.inZone(cfg.Location)
	if *asJSON {
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(report)
	}
	return report.writeTable(env.stdout, time.Now())
}

// readStatus gathers the health of cfg's sources and the state of its feeds.
func readStatus(ctx context.Context, cfg *config.Config, st *store.Store) (*statusReport, error) {
	r := &statusReport{Sources: []sourceStatus{}, Feeds: []feedStatus{}}
	counts, err := st.ItemCounts(ctx)
	if err != nil {
		return nil, err
	}
	for _, src := range cfg.Sources {
		h, err := st.HealthOf(ctx, src.Name)
		if err != nil {
			return nil, err
		}
		r.Sources = append(r.Sources, sourceStatus{Name: src.Name, LastSuccess: h.LastSuccess, Items: counts[src.Name],
			Failures: h.ConsecutiveFailures, NextAttempt: h.NextAttempt, LastError: h.LastError,
			LastErrorWords: refresh.Describe(h.LastError)})
	}
	for _, f := range cfg.Feeds {
		fst, err := st.FeedState(ctx, f.Name)
		if err != nil {
			return nil, err
		}
		r.Feeds = append(r.Feeds, feedStatus{Name: f.Name, Items: fst.Items, LastChange: fst.Built, Files: fileSizes(cfg.Output, f.Name)})
	}
	if !st.IsShared() {
		return r, nil
	}
	leases, err := st.Leases(ctx)
	if err != nil {
		return nil, err
	}
	now := time.Now()
	for _, l := range leases {
		ls := leaseStatus{Source: l.Source, Worker: l.Holder, Held: l.Held(now), LastPoll: l.Polled}
		if ls.Held {
			ls.Expires = l.Expires
		}
		r.Leases = append(r.Leases, ls)
	}
	return r, nil
}

// inZone moves the report's times into loc (nil: UTC), so the JSON
// carries the configured zone's offset.
func (r *statusReport) inZone(loc *time.Location) {
	if loc == nil {
		loc = time.UTC
	}
	in := func(t *time.Time) {
		if !t.IsZero() {
			*t = t.In(loc)
		}
	}
	for i := range r.Sources {
		in(&r.Sources[i].LastSuccess)
		in(&r.Sources[i].NextAttempt)
	}
	for i := range r.Feeds {
		in(&r.Feeds[i].LastChange)
	}
}

// writeTable prints the report as two aligned tables, times relative to
// now as on the index page ("3m ago", "in 25m").
func (r *statusReport) writeTable(w io.Writer, now time.Time) error {
	when := func(t time.Time) string {
		if t.IsZero() {
			return "-"
		}
		return reltime.Relative(t, now)
	}
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SOURCE\tLAST SUCCESS\tITEMS\tFAILURES\tNEXT ATTEMPT\tLAST ERROR")
	for _, s := range r.Sources {
		msg := s.LastError
		if s.LastErrorWords != "" {
			msg = s.LastErrorWords + " (" + msg + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\n", s.Name, when(s.LastSuccess), s.Items, s.Failures, when(s.NextAttempt), msg)
	}
	fmt.Fprintln(tw)
	fmt.Fprintln(tw, "FEED\tITEMS\tLAST CHANGE\tFILES")
	for _, f := range r.Feeds {
		var files []string
		for _, ext := range []string{feeds.ExtRSS, feeds.ExtAtom, feeds.ExtJSON} {
			size := "missing"
			if n := f.Files[ext]; n >= 0 {
				size = fmt.Sprintf("%d B", n)
			}
			files = append(files, f.Name+ext+" "+size)
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\n", f.Name, f.Items, when(f.LastChange), strings.Join(files, "  "))
	}
	if len(r.Leases) > 0 {
		fmt.Fprintln(tw)
		fmt.Fprintln(tw, "LEASE\tWORKER\tPOLLING UNTIL\tLAST POLL")
		for _, l := range r.Leases {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", l.Source, l.Worker, when(l.Expires), when(l.LastPoll))
		}
	}
	return tw.Flush()
}

// fileSizes returns the sizes of a feed's output files by extension, -1
// for a missing one.
func fileSizes(dir, name string) map[string]int64 {
	out := make(map[string]int64, 3)
	for _, ext := range []string{feeds.ExtRSS, feeds.ExtAtom, feeds.ExtJSON} {
		out[ext] = -1
		if fi, err := os.Stat(filepath.Join(dir, name+ext)); err == nil {
			out[ext] = fi.Size()
		}
	}
	return out
}
