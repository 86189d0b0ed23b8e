package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/markusmobius/go-htmldate"
	"github.com/refeed/refeed/extract"
	"github.com/refeed/refeed/extract/evaluate"
)

// datedPage is one page whose publication day is known.
type datedPage struct {
	ID   string
	URL  *url.URL
	HTML []byte
	Day  string // YYYY-MM-DD
}

// dater finds a page's publication day, as YYYY-MM-DD or "" for none.
type dater struct {
	Name string
	Run  func(body []byte, u *url.URL) string
}

// daters returns the contenders of the dates comparison, refeed first:
// refeed's published date as a caller of the public extract API gets it
// (the whole extraction runs, and a page without an article gives no
// date), and go-htmldate in its fast and its extensive (default) mode,
// both asked for the original publication date and given the page URL.
func daters() []dater {
	return []dater{
		{"refeed (extract.Extract)", runRefeedDate},
		{"go-htmldate fast", htmldateRunner(true)},
		{"go-htmldate extensive", htmldateRunner(false)},
	}
}

func runRefeedDate(body []byte, u *url.URL) string {
	a, err := extract.Extract(bytes.NewReader(body), u, nil)
	if err != nil || a.Published.IsZero() {
		return ""
	}
	return a.Published.Format("2006-01-02")
}

func htmldateRunner(fast bool) func([]byte, *url.URL) string {
	return func(body []byte, u *url.URL) string {
		opts := htmldate.Options{UseOriginalDate: true, SkipExtensiveSearch: fast}
		if u != nil {
			opts.URL = u.String()
		}
		res, err := htmldate.FromReader(bytes.NewReader(body), opts)
		if err != nil || res.IsZero() {
			return ""
		}
		return res.DateTime.Format("2006-01-02")
	}
}

// dateSet is one set of dated pages.
type dateSet struct {
	title string
	load  func(corpus string) ([]datedPage, error)
	// listable marks the set whose pages may be listed one by one for
	// study (the even wcxb-dev ids); the others are the check.
	listable bool
}

func dateSets() []dateSet {
	return []dateSet{
		{"wcxb-dev even ids, publish_date", loadWCXBDates(0), true},
		{"wcxb-dev odd ids, publish_date", loadWCXBDates(1), false},
		{"arabic-dev htmldate-date-only (ar, fa)", loadArabicDates, false},
	}
}

// dateOutcome tallies one dater over one set.
type dateOutcome struct {
	right, wrong, none int
	got                []string // per page, in page order
	elapsed            time.Duration
}

// runDates compares the daters on every date set whose title holds set
// (all when empty), printing one table per set and, with list, every
// page of the even wcxb-dev half. A non-nil rewrite (an
// evaluate.DateLayouts entry) rewrites every page first.
func runDates(w io.Writer, corpus, set, only string, rounds int, list bool, rewrite evaluate.Layout) error {
	ds := daters()
	if only != "" {
		var keep []dater
		for _, d := range ds {
			if strings.Contains(d.Name, only) {
				keep = append(keep, d)
			}
		}
		ds = keep
	}
	for _, s := range dateSets() {
		if set != "" && !strings.Contains(s.title, set) {
			continue
		}
		pages, err := s.load(corpus)
		if err != nil {
			return err
		}
		title := s.title
		if rewrite != nil {
			for i := range pages {
				pages[i].HTML = rewrite(pages[i].HTML)
			}
			title += ", date layout"
		}
		outs := make([]dateOutcome, len(ds))
		for i, d := range ds {
			for _, p := range pages {
				got := d.Run(p.HTML, p.URL)
				outs[i].got = append(outs[i].got, got)
				switch got {
				case p.Day:
					outs[i].right++
				case "":
					outs[i].none++
				default:
					outs[i].wrong++
				}
			}
		}
		parse := timeDaters(ds, pages, rounds, outs)
		printDates(w, title, pages, parse, ds, outs)
		if list && s.listable {
			listDates(w, pages, ds, outs)
		}
	}
	return nil
}

// timeDaters times one pass of every dater over the pages, rounds times,
// interleaved, and keeps each one's fastest; it returns the fastest pass
// of a bare parse.
func timeDaters(ds []dater, pages []datedPage, rounds int, outs []dateOutcome) time.Duration {
	var parse time.Duration
	for round := range max(rounds, 1) {
		runtime.GC()
		start := time.Now()
		for _, p := range pages {
			_, _ = parseOnly(p.HTML, p.URL)
		}
		if d := time.Since(start); round == 0 || d < parse {
			parse = d
		}
		for i, d := range ds {
			runtime.GC()
			start := time.Now()
			for _, p := range pages {
				d.Run(p.HTML, p.URL)
			}
			if e := time.Since(start); round == 0 || e < outs[i].elapsed {
				outs[i].elapsed = e
			}
		}
	}
	return parse
}

// printDates writes one set's table: right, wrong and none, exact-day
// accuracy (right over dated pages), precision (right over dates given),
// and wall time per page, also as a multiple of a bare html.Parse.
func printDates(w io.Writer, title string, pages []datedPage, parse time.Duration, ds []dater, outs []dateOutcome) {
	n := len(pages)
	fmt.Fprintf(w, "\n%s (%d dated pages; bare html.Parse %.2f ms/page)\n\n", title, n, ms(parse)/float64(max(n, 1)))
	fmt.Fprintln(w, "| dater | right | wrong | none | exact day | precision | ms/page | × parse |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|")
	for i, d := range ds {
		o := outs[i]
		fmt.Fprintf(w, "| %s | %d | %d | %d | %.3f | %.3f | %.2f | %.1f× |\n",
			d.Name, o.right, o.wrong, o.none, share(o.right, n), share(o.right, o.right+o.wrong),
			ms(o.elapsed)/float64(max(n, 1)), float64(o.elapsed)/float64(parse))
	}
}

// listDates prints every page of the set whose answers differ from the
// truth for some dater: id, truth, then each dater's day ("-" for none),
// marked with ! when wrong.
func listDates(w io.Writer, pages []datedPage, ds []dater, outs []dateOutcome) {
	fmt.Fprint(w, "\npages where a dater misses (! wrong, - none):\nid\ttruth")
	for _, d := range ds {
		fmt.Fprintf(w, "\t%s", d.Name)
	}
	fmt.Fprintln(w, "\turl")
	for j, p := range pages {
		miss := false
		for i := range ds {
			miss = miss || outs[i].got[j] != p.Day
		}
		if !miss {
			continue
		}
		fmt.Fprintf(w, "%s\t%s", p.ID, p.Day)
		for i := range ds {
			switch g := outs[i].got[j]; g {
			case p.Day:
				fmt.Fprintf(w, "\t%s ", g)
			case "":
				fmt.Fprint(w, "\t-         ")
			default:
				fmt.Fprintf(w, "\t%s!", g)
			}
		}
		fmt.Fprintf(w, "\t%s\n", p.URL)
	}
}

func share(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// loadWCXBDates returns a loader of the wcxb-dev pages with the given id
// parity whose truth has a publish_date, sorted by id.
func loadWCXBDates(parity int) func(string) ([]datedPage, error) {
	return func(corpus string) ([]datedPage, error) {
		hasDate := func(_, publishDate string) bool { return publishDate != "" }
		records, err := readWCXB(filepath.Join(corpus, "wcxb-dev"), parity, hasDate)
		if err != nil {
			return nil, err
		}
		pages := make([]datedPage, len(records))
		for i, r := range records {
			pages[i] = datedPage{ID: r.ID, URL: r.URL, HTML: r.HTML, Day: r.PublishDate[:min(10, len(r.PublishDate))]}
		}
		return pages, nil
	}
}

// loadArabicDates reads arabic-dev's Arabic and Persian pages that carry
// only a publication date as truth.
func loadArabicDates(corpus string) ([]datedPage, error) {
	dir := filepath.Join(corpus, "arabic-dev", "htmldate-date-only")
	raw, err := os.ReadFile(filepath.Join(dir, "expected-dates.json"))
	if err != nil {
		return nil, fmt.Errorf("bench: arabic dates: %w", err)
	}
	var truth map[string]struct {
		URL  string `json:"url"`
		Date string `json:"expected_publication_date"`
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		return nil, fmt.Errorf("bench: arabic dates: %w", err)
	}
	names := make([]string, 0, len(truth))
	for name := range truth {
		names = append(names, name)
	}
	sort.Strings(names)
	var pages []datedPage
	for _, name := range names {
		body, err := os.ReadFile(filepath.Join(dir, "pages", name))
		if err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
		u, err := url.Parse(truth[name].URL)
		if err != nil {
			return nil, fmt.Errorf("bench: arabic dates %s: %w", name, err)
		}
		pages = append(pages, datedPage{ID: strings.TrimSuffix(name, ".html"), URL: u, HTML: body, Day: truth[name].Date})
	}
	return pages, nil
}
