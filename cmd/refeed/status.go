package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"
	"time"

	"github.com/refeed/refeed/feeds"
	"github.com/refeed/refeed/store"
)

func runStatus(ctx context.Context, env *env, args []string) error {
	fs := newFlagSet(env, "status")
	var common commonFlags
	common.register(fs)
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

	tw := tabwriter.NewWriter(env.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SOURCE\tLAST SUCCESS\tITEMS\tFAILURES\tNEXT ATTEMPT\tLAST ERROR")
	for _, src := range cfg.Sources {
		h, err := st.HealthOf(ctx, src.Name)
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\n", src.Name, when(h.LastSuccess), h.ItemsSeen,
			h.ConsecutiveFailures, when(h.NextAttempt), h.LastError)
	}
	fmt.Fprintln(tw)
	fmt.Fprintln(tw, "FEED\tITEMS\tLAST CHANGE\tFILES")
	for _, f := range cfg.Feeds {
		fs, err := st.FeedState(ctx, f.Name)
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\n", f.Name, fs.Items, when(fs.Built), fileSizes(cfg.Output, f.Name))
	}
	return tw.Flush()
}

func when(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Local().Format("2006-01-02 15:04:05")
}

// fileSizes lists the output files of a feed with their sizes.
func fileSizes(dir, name string) string {
	out := ""
	for _, ext := range []string{feeds.ExtRSS, feeds.ExtAtom, feeds.ExtJSON} {
		fi, err := os.Stat(filepath.Join(dir, name+ext))
		size := "missing"
		if err == nil {
			size = fmt.Sprintf("%d B", fi.Size())
		}
		out += fmt.Sprintf("%s%s %s  ", name, ext, size)
	}
	return out
}
