// Command bench scores refeed's article extraction against go-trafilatura
// and readeck/go-readability on the same pages in the same run: F1 by the
// scrapinghub article-extraction-benchmark metric, or by WCXB's word metric
// on its dev articles (package github.com/refeed/refeed/extract/evaluate),
// pages under F1 0.5, pages per second, and time as a multiple of a bare
// html.Parse of the same pages. With -layout the pages are first rewritten
// into a layout the corpora hold few of (evaluate.Layouts: no class names,
// no HTML5 sections, no <p>, wrapped paragraphs), a measure of picks on
// pages built unlike those anyone tuned for.
//
// With -dates it compares publication dates instead: refeed's
// (extract.Extract's Article.Published) with go-htmldate's, fast and
// extensive, on the dated pages of wcxb-dev (each half) and arabic-dev.
//
// With -fetch it instead compares refeed's fetcher (fetch.Client with
// conditional GET and per-host politeness, then feeds.Parser) with gofeed's
// ParseURL and with a hand-written net/http client that sends validators
// and parses with gofeed, all polling the same synthetic Arabic feeds on
// loopback sites in one process: feeds per second, body bytes on the wire,
// full bodies and 304s, and the most requests one site had in flight.
//
// Usage, from the bench directory:
//
//	go run . [-corpus ../../shared/corpus] [-set wcxb] [-layout old] [-rounds 3] [-worst 10] [-only refeed] [-dump id] [-cpuprofile cpu.out]
//	go run . -e2e [-sources 100,500,2000] [-e2e-items 20] [-e2e-sites 0] [-slow 300ms] [-per-feed 10] [-keep]
//	go run . -serve-load [-sources 500] [-clients 50] [-load-for 20s] [-keep]
//	go run . -dates [-set even|odd|arabic] [-dates-list] [-rounds 3] [-only htmldate]
//	go run . -fetch [-rounds 3] [-feeds 1000] [-sites 50] [-items 10] [-workers 8] [-host-delay 0] [-latency 0] [-order grouped|interleaved] [-only refeed]
package main

import (
	"context"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"

	"github.com/refeed/refeed/extract/evaluate"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// run parses the flags, loads both page sets and prints one table each.
func run(args []string) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	corpus := fs.String("corpus", filepath.Join("..", "..", "shared", "corpus"), "corpus directory (shared/corpus beside the repository)")
	rounds := fs.Int("rounds", 3, "timed passes over the pages; the fastest counts")
	worst := fs.Int("worst", 0, "list this many lowest-scoring pages per extractor")
	behind := fs.Float64("behind", 0, "list the pages where another extractor's F1 beats refeed's by more than this margin (0.3: where refeed picked a block a peer did not)")
	only := fs.String("only", "", "comma-separated extractor names (with -fetch: runner names) to run (default all)")
	set := fs.String("set", "", "run only the page sets whose title holds this text (scrapinghub, arabic, wcxb, even, odd)")
	dump := fs.String("dump", "", "print each extractor's text for the page with this id (prefix) and exit")
	layout := fs.String("layout", "", "rewrite every page first into a layout the corpora hold few of: "+strings.Join(layoutNames(), ", ")+" (see evaluate.Layouts and evaluate.TruthLayouts)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the whole run to this file")
	fetchMode := fs.Bool("fetch", false, "compare refeed's fetcher with gofeed ParseURL and net/http+gofeed on loopback feeds instead of extractors")
	fetchCfg := addFetchFlags(fs)
	e2eMode := fs.Bool("e2e", false, "time whole `refeed run` processes (first, unchanged, 5% changed) against simulated news sites on loopback instead of extractors")
	e2eCfg := addE2EFlags(fs)
	datesMode := fs.Bool("dates", false, "compare refeed's publication dates with go-htmldate's (fast and extensive) on the dated pages of wcxb-dev (each half) and arabic-dev; -set filters the sets (even, odd, arabic); -layout takes a date layout ("+strings.Join(evaluate.DateLayoutNames(), ", ")+", see evaluate.DateLayouts)")
	datesList := fs.Bool("dates-list", false, "with -dates: list the even wcxb-dev pages where a dater misses (id, truth, each dater's day)")
	serveLoad := fs.Bool("serve-load", false, "run `refeed serve` on the e2e mode's sites and sources (the first -sources count) and time feed requests from -clients clients during its start-up polls")
	loadCfg := addServeLoadFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *cpuprofile != "" {
		stop, err := startProfile(*cpuprofile)
		if err != nil {
			return err
		}
		defer stop()
	}
	if *serveLoad {
		e2eCfg.Corpus = *corpus
		return runServeLoad(context.Background(), os.Stdout, *e2eCfg, *loadCfg)
	}
	if *e2eMode {
		e2eCfg.Corpus = *corpus
		return runE2E(context.Background(), os.Stdout, *e2eCfg)
	}
	if *datesMode {
		rewrite, ok := evaluate.DateLayouts[*layout]
		if *layout != "" && !ok {
			return fmt.Errorf("bench: unknown -layout %q with -dates; one of %s", *layout, strings.Join(evaluate.DateLayoutNames(), ", "))
		}
		return runDates(os.Stdout, *corpus, *set, *only, *rounds, *datesList, rewrite)
	}
	if *fetchMode {
		fetchCfg.Rounds, fetchCfg.Only = *rounds, *only
		return runFetch(context.Background(), os.Stdout, *fetchCfg)
	}
	if _, err := os.Stat(*corpus); err != nil {
		return fmt.Errorf("bench: corpus not found at %s (set -corpus): %w", *corpus, err)
	}
	rewrite, ok := evaluate.Layouts[*layout]
	rewriteTruth, truthOK := evaluate.TruthLayouts[*layout]
	if *layout != "" && !ok && !truthOK {
		return fmt.Errorf("bench: unknown -layout %q; one of %s", *layout, strings.Join(layoutNames(), ", "))
	}
	sets := []struct {
		title  string
		load   func(string) ([]page, error)
		dir    string
		metric metric
	}{
		{"scrapinghub-dev", loadScrapinghub, filepath.Join(*corpus, "scrapinghub-dev"), shingles},
		{"arabic-dev CNN Arabic (UTF-8 captures + legacy encodings decoded)", loadArabic, filepath.Join(*corpus, "arabic-dev"), shingles},
		{"wcxb-dev articles, even ids (word F1 as WCXB's evaluate.py)", loadWCXB(0), filepath.Join(*corpus, "wcxb-dev"), words},
		{"wcxb-dev articles, odd ids (word F1 as WCXB's evaluate.py)", loadWCXB(1), filepath.Join(*corpus, "wcxb-dev"), words},
	}
	for _, s := range sets {
		if *set != "" && !strings.Contains(s.title, *set) {
			continue
		}
		pages, err := s.load(s.dir)
		if err != nil {
			return err
		}
		title := s.title
		switch {
		case rewrite != nil:
			for i := range pages {
				pages[i].HTML = rewrite(pages[i].HTML)
			}
			title += ", layout " + *layout
		case rewriteTruth != nil:
			for i := range pages {
				pages[i].HTML, pages[i].Truth = rewriteTruth(pages[i].HTML, pages[i].Truth)
				pages[i].With = evaluate.SnippetsHeld(pages[i].With, pages[i].Truth)
			}
			title += ", layout " + *layout
		}
		if *dump != "" {
			dumpPage(pages, selected(*only), *dump)
			continue
		}
		measure(title, pages, selected(*only), *rounds, *worst, *behind, s.metric)
	}
	return nil
}

// layoutNames returns the names of the page rewrites -layout takes:
// evaluate.Layouts and evaluate.TruthLayouts.
func layoutNames() []string {
	names := evaluate.LayoutNames()
	for n := range evaluate.TruthLayouts {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// selected returns the extractors named in only, or all of them.
func selected(only string) []extractor {
	all := extractors()
	if only == "" {
		return all
	}
	var out []extractor
	for _, ex := range all {
		for _, name := range strings.Split(only, ",") {
			if strings.TrimSpace(name) == ex.Name {
				out = append(out, ex)
			}
		}
	}
	return out
}

// measure scores and times every extractor on one page set and prints
// the table.
func measure(title string, pages []page, exs []extractor, rounds, worst int, behind float64, m metric) {
	runners := []func([]byte, *url.URL) (string, error){parseOnly}
	var results []result
	for _, ex := range exs {
		results = append(results, scorePages(ex, pages, m))
		runners = append(runners, ex.Run)
	}
	for _, p := range pages { // warm up: the extractors ran once when scored
		_, _ = parseOnly(p.HTML, p.URL)
	}
	times := timeAll(runners, pages, rounds)
	for i := range results {
		results[i].Elapsed = times[i+1]
	}
	printTable(os.Stdout, title, len(pages), times[0], results)
	if worst > 0 {
		for _, r := range results {
			printWorst(os.Stdout, r, worst)
		}
	}
	if behind > 0 {
		printBehind(os.Stdout, results, behind)
	}
}

// dumpPage prints the truth and every extractor's text for the pages
// whose id starts with prefix.
func dumpPage(pages []page, exs []extractor, prefix string) {
	for _, p := range pages {
		if !strings.HasPrefix(p.ID, prefix) {
			continue
		}
		fmt.Printf("===== %s truth\n%s\n", p.ID, p.Truth)
		for _, ex := range exs {
			text, err := ex.Run(p.HTML, p.URL)
			fmt.Printf("===== %s %s (err %v)\n%s\n", p.ID, ex.Name, err, text)
		}
	}
}

// startProfile starts CPU profiling into path and returns the function
// that stops it and closes the file.
func startProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("bench: cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("bench: cpuprofile: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}
