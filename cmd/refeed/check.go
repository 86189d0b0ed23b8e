package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"golang.org/x/sync/errgroup"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/refresh"
)

func runCheck(ctx context.Context, env *env, args []string) error {
	fs := newFlagSet(env, "check")
	var common commonFlags
	common.register(fs)
	online := fs.Bool("online", false, "also fetch each source (or the NAMEs given) once and show its items and first article; the state is not touched")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 && !*online {
		return &usageError{fmt.Errorf("check: unexpected argument %q (source names go with --online)", fs.Arg(0))}
	}
	cfg, logger, err := common.setup(env)
	if problems := (config.Errors)(nil); errors.As(err, &problems) {
		// Print every problem on its own line, as FILE:LINE: message.
		fmt.Fprintln(env.stderr, problems)
		return &usageError{fmt.Errorf("check: %s is not valid", common.config)}
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "%s: ok (%s, %s)\n", common.config, countOf(len(cfg.Sources), "source"), countOf(len(cfg.Feeds), "feed"))
	for _, src := range cfg.Unpublished() {
		fmt.Fprintf(env.stderr, "%s: warning: source %q is in no feed: it is polled, but nothing publishes it\n", cfg.Where(src.Line), src.Name)
	}
	if !*online {
		return nil
	}
	names, err := probeNames(cfg, fs.Args())
	if err != nil {
		return &usageError{err}
	}
	sites, err := refresh.LoadSiteRules(cfg, logger)
	if err != nil {
		return err
	}
	client := fetch.New(refresh.FetchOptions(cfg), logger)
	defer client.Close()
	runner := refresh.New(cfg, nil, client, logger, refresh.Options{SiteRules: sites})
	probes := probeAll(ctx, runner, names, cfg.Concurrency)
	if failed := printProbes(env.stdout, probes); failed > 0 {
		return fmt.Errorf("check: %d of %d sources failed", failed, len(probes))
	}
	return nil
}

// probeNames returns the sources to probe: the names given, each known,
// or every source.
func probeNames(cfg *config.Config, args []string) ([]string, error) {
	if len(args) == 0 {
		names := make([]string, len(cfg.Sources))
		for i, s := range cfg.Sources {
			names[i] = s.Name
		}
		return names, nil
	}
	for _, n := range args {
		if cfg.Source(n) == nil {
			return nil, fmt.Errorf("check: no source named %q", n)
		}
	}
	return args, nil
}

// probeAll probes the named sources, concurrency at a time, and returns
// the probes in the order of names.
func probeAll(ctx context.Context, r *refresh.Runner, names []string, concurrency int) []refresh.Probe {
	out := make([]refresh.Probe, len(names))
	var g errgroup.Group
	g.SetLimit(max(1, concurrency))
	for i, n := range names {
		g.Go(func() error {
			out[i] = r.Probe(ctx, n)
			return nil
		})
	}
	_ = g.Wait()
	return out
}

// printProbes writes one line per probe, and a line for the article of a
// fulltext source, and returns how many probes failed.
func printProbes(w io.Writer, probes []refresh.Probe) (failed int) {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	defer tw.Flush()
	for _, p := range probes {
		if p.Err != nil {
			failed++
			fmt.Fprintf(tw, "%s\tFAIL\t%s\n", p.Source, p.Err)
			continue
		}
		how := p.URL
		if p.Discovered {
			how = "discovered " + p.URL
		}
		fmt.Fprintf(tw, "%s\tok\t%s, charset %s, %s\n", p.Source, countOf(len(p.Items), "item"), p.Charset, how)
		switch {
		case p.ArticleErr != nil:
			failed++
			fmt.Fprintf(tw, "\tFAIL\tarticle %s: %s\n", p.ArticleURL, p.ArticleErr)
		case p.Article != nil:
			a := p.Article
			fmt.Fprintf(tw, "\tok\tarticle %s: %s, lang %s, dir %s, %q\n", p.ArticleURL,
				countOf(len(strings.Fields(a.Text)), "word"), a.Lang, a.Dir, a.Title)
		}
	}
	return failed
}

// countOf writes n and noun, in the plural unless n is 1.
func countOf(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
