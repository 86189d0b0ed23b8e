package main

import (
	"fmt"
	"io"
	"net/url"
	"runtime"
	"sort"
	"time"

	"github.com/refeed/refeed/extract/evaluate"
)

// result is one extractor's score and speed over one set of pages.
type result struct {
	Name                  string
	Precision, Recall, F1 float64
	Exact, Empty          int
	Catastrophic          int           // pages with F1 < catastrophicF1
	Snippets              snippetCounts // pages with snippets only
	Elapsed               time.Duration // fastest round over all pages
	Pages                 []pageScore
}

// snippetCounts tallies snippet checks over a page set the way
// trafilatura's evaluation does: a must-have snippet found is a true
// positive and one missed a false negative; a boilerplate snippet found is
// a false positive.
type snippetCounts struct {
	Pages, Found, Missed, Boilerplate int
	NoneFound                         int // pages with must-have snippets where none came out
}

// add counts one page's text against its snippets.
func (c *snippetCounts) add(text string, with, without []string) {
	if len(with)+len(without) == 0 {
		return
	}
	c.Pages++
	found := evaluate.SnippetsFound(text, with)
	c.Found += found
	c.Missed += len(with) - found
	c.Boilerplate += evaluate.SnippetsFound(text, without)
	if len(with) > 0 && found == 0 {
		c.NoneFound++
	}
}

// F1 is the harmonic mean of snippet precision (must-have found over all
// found) and recall (must-have found over all must-have), pooled over
// pages.
func (c snippetCounts) F1() float64 {
	if c.Found == 0 {
		return 0
	}
	p := float64(c.Found) / float64(c.Found+c.Boilerplate)
	r := float64(c.Found) / float64(c.Found+c.Missed)
	return 2 * p * r / (p + r)
}

// pageScore is one page's outcome, for the worst-pages list.
type pageScore struct {
	ID  string
	F1  float64
	Err error
}

// catastrophicF1 is the page F1 under which the extractor is taken to have
// picked the wrong block.
const catastrophicF1 = 0.5

// metric names how a page set is scored.
type metric int

const (
	// shingles is the scrapinghub benchmark's metric: 4-token shingles,
	// precision and recall averaged over pages, F1 their harmonic mean.
	shingles metric = iota
	// words is WCXB's evaluate.py: lower-cased word multisets, precision,
	// recall and F1 each averaged over pages.
	words
)

// score runs ex once over the pages and scores its text with m.
func scorePages(ex extractor, pages []page, m metric) result {
	r := result{Name: ex.Name}
	counts := make([]evaluate.Counts, 0, len(pages))
	for _, p := range pages {
		text, err := ex.Run(p.HTML, p.URL)
		var f1 float64
		switch m {
		case words:
			w := evaluate.CompareWords(text, p.Truth)
			r.Precision += w.Precision
			r.Recall += w.Recall
			r.F1 += w.F1
			f1 = w.F1
		default:
			c := evaluate.Compare(text, p.Truth)
			counts = append(counts, c)
			f1 = c.F1()
		}
		if f1 < catastrophicF1 {
			r.Catastrophic++
		}
		r.Snippets.add(text, p.With, p.Without)
		if evaluate.Exact(text, p.Truth) {
			r.Exact++
		}
		if len(evaluate.Tokens(text)) == 0 {
			r.Empty++
		}
		r.Pages = append(r.Pages, pageScore{ID: p.ID, F1: f1, Err: err})
	}
	if m == words {
		if n := float64(len(pages)); n > 0 {
			r.Precision, r.Recall, r.F1 = r.Precision/n, r.Recall/n, r.F1/n
		}
	} else {
		r.Precision, r.Recall, r.F1 = evaluate.Aggregate(counts)
	}
	return r
}

// timeAll times one pass of every runner over all pages, rounds times,
// interleaved so that load from other work on the host hits every runner
// alike, and keeps each runner's fastest pass.
func timeAll(runners []func([]byte, *url.URL) (string, error), pages []page, rounds int) []time.Duration {
	best := make([]time.Duration, len(runners))
	for round := range rounds {
		for i, run := range runners {
			runtime.GC() // start each pass without the previous one's garbage
			start := time.Now()
			for _, p := range pages {
				_, _ = run(p.HTML, p.URL)
			}
			if d := time.Since(start); round == 0 || d < best[i] {
				best[i] = d
			}
		}
	}
	return best
}

// printTable writes the results as a Markdown table: F1, precision,
// recall, exact matches, empty outputs, pages per second and time as a
// multiple of bare html.Parse.
func printTable(w io.Writer, title string, n int, parse time.Duration, results []result) {
	fmt.Fprintf(w, "\n%s (%d pages; bare html.Parse %.1f ms, %.0f pages/s)\n\n", title, n, ms(parse), perSecond(n, parse))
	fmt.Fprintln(w, "| extractor | F1 | precision | recall | F1 < 0.5 | exact | empty | pages/s | × parse |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|")
	for _, r := range results {
		fmt.Fprintf(w, "| %s | %.3f | %.3f | %.3f | %d | %d | %d | %.0f | %.1f× |\n",
			r.Name, r.F1, r.Precision, r.Recall, r.Catastrophic, r.Exact, r.Empty, perSecond(n, r.Elapsed), float64(r.Elapsed)/float64(parse))
	}
	if len(results) == 0 || results[0].Snippets.Pages == 0 {
		return
	}
	fmt.Fprintf(w, "\nSnippets, scored as trafilatura's evaluation (%d pages with snippets)\n\n", results[0].Snippets.Pages)
	fmt.Fprintln(w, "| extractor | snippet F1 | must-have found | boilerplate found | pages with no must-have |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	for _, r := range results {
		s := r.Snippets
		fmt.Fprintf(w, "| %s | %.3f | %d of %d | %d | %d |\n", r.Name, s.F1(), s.Found, s.Found+s.Missed, s.Boilerplate, s.NoneFound)
	}
}

// printWorst lists the n pages where the extractor scored lowest.
func printWorst(w io.Writer, r result, n int) {
	pages := append([]pageScore(nil), r.Pages...)
	sort.SliceStable(pages, func(i, j int) bool { return pages[i].F1 < pages[j].F1 })
	fmt.Fprintf(w, "\nlowest F1 for %s:\n", r.Name)
	for _, p := range pages[:min(n, len(pages))] {
		if p.Err != nil {
			fmt.Fprintf(w, "  %s  %.3f  (%v)\n", p.ID, p.F1, p.Err)
			continue
		}
		fmt.Fprintf(w, "  %s  %.3f\n", p.ID, p.F1)
	}
}

// printBehind lists, for each extractor other than refeed, the pages where
// it scored more than margin above refeed, worst gap first.
func printBehind(w io.Writer, results []result, margin float64) {
	var ours *result
	for i := range results {
		if results[i].Name == "refeed" {
			ours = &results[i]
		}
	}
	if ours == nil {
		fmt.Fprintln(w, "\n-behind needs refeed among the extractors")
		return
	}
	for _, r := range results {
		if r.Name == ours.Name {
			continue
		}
		type gap struct {
			id       string
			us, them float64
		}
		var gaps []gap
		for i, p := range r.Pages {
			if i < len(ours.Pages) && p.F1-ours.Pages[i].F1 > margin {
				gaps = append(gaps, gap{p.ID, ours.Pages[i].F1, p.F1})
			}
		}
		sort.SliceStable(gaps, func(i, j int) bool { return gaps[i].them-gaps[i].us > gaps[j].them-gaps[j].us })
		fmt.Fprintf(w, "\n%d pages where %s beats refeed by more than %.2f F1:\n", len(gaps), r.Name, margin)
		for _, g := range gaps {
			fmt.Fprintf(w, "  %s  refeed %.3f  %s %.3f\n", g.id, g.us, r.Name, g.them)
		}
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func perSecond(n int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}
