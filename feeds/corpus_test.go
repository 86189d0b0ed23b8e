package feeds

// Tests over the shared feed corpus (../shared/corpus/feeds from the repo
// root). They assert the invariants that must always hold (no panic, every
// well-formed feed parses, sanitising) and measure agreement with the
// upstream expected outputs, failing when agreement drops below the rate
// measured when the test was written.

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/refeed/refeed/internal/testcorpus"
)

// corpusFeeds returns the corpus' feeds folder or skips the test.
func corpusFeeds(t *testing.T) string {
	t.Helper()
	return testcorpus.Dir(t, "feeds")
}

// tally counts passes and keeps the first failures for the log.
type tally struct {
	name        string
	pass, total int
	fails       []string
}

func (s *tally) add(ok bool, what string) {
	s.total++
	if ok {
		s.pass++
	} else if len(s.fails) < 15 {
		s.fails = append(s.fails, what)
	}
}

// require logs the rate and fails when it is below min (0..1).
func (s *tally) require(t *testing.T, min float64) {
	t.Helper()
	rate := 1.0
	if s.total > 0 {
		rate = float64(s.pass) / float64(s.total)
	}
	t.Logf("%s: %d/%d pass (%.1f%%)", s.name, s.pass, s.total, 100*rate)
	if rate < min || testing.Verbose() {
		for _, f := range s.fails {
			t.Logf("  fail: %s", f)
		}
	}
	if rate < min {
		t.Errorf("%s: pass rate %.1f%% below %.1f%%", s.name, 100*rate, 100*min)
	}
}

func globFiles(t *testing.T, root string, exts ...string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		for _, e := range exts {
			if strings.HasSuffix(p, e) {
				out = append(out, p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func readFile(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// gofeedUniversal is the subset of gofeed's universal Feed JSON we check.
type gofeedUniversal struct {
	Title string `json:"title"`
	Items []struct {
		Title           string     `json:"title"`
		Link            string     `json:"link"`
		PublishedParsed *time.Time `json:"publishedParsed"`
	} `json:"items"`
}

// TestCorpusGofeedTranslator compares our items with gofeed's universal
// expected output: item count, titles, links and published dates.
func TestCorpusGofeedTranslator(t *testing.T) {
	root := filepath.Join(corpusFeeds(t), "gofeed", "testdata", "translator")
	const base = "https://corpus.example/feed"
	s := &tally{name: "gofeed translator"}
	for _, in := range globFiles(t, root, ".xml", ".json") {
		want := expectedFor(in)
		if want == "" || strings.HasSuffix(in, "_expected.json") || want == in {
			continue
		}
		var exp gofeedUniversal
		if err := json.Unmarshal(readFile(t, want), &exp); err != nil {
			continue
		}
		p, err := Parse(readFile(t, in), base)
		if err != nil {
			s.add(false, filepath.Base(in)+": "+err.Error())
			continue
		}
		s.add(sameUniversal(p, exp, base), filepath.Base(in))
	}
	s.require(t, 1)
}

// expectedFor names the expected-output file of a gofeed corpus input.
func expectedFor(in string) string {
	if strings.HasSuffix(in, ".xml") {
		return strings.TrimSuffix(in, ".xml") + ".json"
	}
	exp := strings.TrimSuffix(in, ".json") + "_expected.json"
	if _, err := os.Stat(exp); err == nil {
		return exp
	}
	return ""
}

func sameUniversal(p *Parsed, exp gofeedUniversal, base string) bool {
	if plainTitle(exp.Title) != p.Title || len(exp.Items) != len(p.Items) {
		return false
	}
	for i, ei := range exp.Items {
		it := p.Items[i]
		if plainTitle(ei.Title) != it.Title {
			return false
		}
		if u, err := CanonicalURL(ei.Link, base); err == nil && u != it.URL {
			return false
		}
		if ei.PublishedParsed != nil && !ei.PublishedParsed.Equal(it.Published) {
			return false
		}
	}
	return true
}

// TestCorpusGofeedParser parses gofeed's format-level fixtures: all must
// parse, with the expected number of items; JSON Feed "invalid" cases must
// fail with an error.
func TestCorpusGofeedParser(t *testing.T) {
	root := filepath.Join(corpusFeeds(t), "gofeed", "testdata", "parser")
	s := &tally{name: "gofeed parser"}
	for _, in := range globFiles(t, root, ".xml", ".json") {
		if strings.HasSuffix(in, "_expected.json") || strings.Contains(in, "universal") {
			continue
		}
		body := readFile(t, in)
		p, err := Parse(body, "https://corpus.example/feed")
		if strings.Contains(in, filepath.Join("json", "invalid")) {
			s.add(err != nil, filepath.Base(in)+": invalid accepted")
			continue
		}
		if err != nil {
			s.add(false, filepath.Base(in)+": "+err.Error())
			continue
		}
		want := expectedCount(t, in)
		s.add(want < 0 || want == len(p.Items), filepath.Base(in))
	}
	s.require(t, 1)
}

// expectedCount reads the item/entry count from a gofeed parser fixture's
// expected JSON, or -1 when it has none.
func expectedCount(t *testing.T, in string) int {
	want := expectedFor(in)
	if want == "" || want == in {
		return -1
	}
	var exp struct {
		Items   []json.RawMessage `json:"items"`
		Entries []json.RawMessage `json:"entries"`
	}
	if json.Unmarshal(readFile(t, want), &exp) != nil {
		return -1
	}
	return len(exp.Items) + len(exp.Entries)
}

// expectRe picks simple title/link assertions out of feedparser's
// "Expect:" lines.
var expectRe = regexp.MustCompile(`(entries\[0\]|feed)\['(title|link)'\] == u?'([^'\\]*)'`)

// TestCorpusFeedparser parses every feedparser test file. Well-formed
// files must parse (rate asserted), every title/link assertion we can read
// is checked, HTML sanitising must remove scripts and event handlers, and
// ill-formed, encoding and entity cases must never panic.
func TestCorpusFeedparser(t *testing.T) {
	root := filepath.Join(corpusFeeds(t), "feedparser", "tests")
	parsed := &tally{name: "feedparser wellformed parse"}
	fields := &tally{name: "feedparser title/link expectations"}
	sanitized := &tally{name: "feedparser sanitize (no script, handler, javascript: left)"}
	other := &tally{name: "feedparser illformed/encoding/entities (clear error or best effort)"}
	lenient := &tally{name: "feedparser illformed/encoding/entities parsed best-effort"}
	for _, in := range globFiles(t, root, ".xml", ".json", ".rdf", ".rss", ".atom") {
		body := readFile(t, in)
		rel, _ := filepath.Rel(root, in)
		p, err := Parse(body, "http://example.com/feed") // never panics: Parse recovers
		if !strings.HasPrefix(rel, "wellformed") || strings.Contains(rel, "bozo") {
			other.add(err == nil || strings.HasPrefix(err.Error(), "feeds: parse http://example.com/feed: "), rel)
			lenient.add(err == nil, rel)
			continue
		}
		parsed.add(err == nil, rel)
		if err != nil {
			continue
		}
		if strings.HasPrefix(rel, filepath.Join("wellformed", "sanitize")) {
			sanitized.add(isSanitized(p), rel)
		}
		for _, m := range expectRe.FindAllStringSubmatch(expectLine(body), -1) {
			fields.add(expectHolds(p, m[1], m[2], m[3]), rel+": "+m[0])
		}
	}
	parsed.require(t, 0.99) // the misses are CDF, a format gofeed does not read
	fields.require(t, 0.90)
	sanitized.require(t, 1)
	other.require(t, 1)
	lenient.require(t, 0)
}

func expectLine(body []byte) string {
	head := string(body[:min(len(body), 2000)])
	for _, l := range strings.Split(head, "\n") {
		if strings.HasPrefix(l, "Expect:") {
			return l
		}
	}
	return ""
}

func expectHolds(p *Parsed, scope, field, want string) bool {
	switch {
	case scope == "feed" && field == "title":
		return p.Title == plainTitle(want)
	case scope == "feed" && field == "link":
		u, err := CanonicalURL(want, "http://example.com/feed")
		return err != nil || p.Link == u
	case len(p.Items) == 0:
		return false
	case field == "title":
		return p.Items[0].Title == plainTitle(want)
	}
	u, err := CanonicalURL(want, "http://example.com/feed")
	return err != nil || p.Items[0].URL == u
}

var unsafeHTML = regexp.MustCompile(`(?i)<script|<iframe|<object|<embed|\son[a-z]+\s*=|javascript:|vbscript:`)

func isSanitized(p *Parsed) bool {
	for _, it := range p.Items {
		if unsafeHTML.MatchString(it.Summary) || unsafeHTML.MatchString(it.Content) {
			return false
		}
	}
	return true
}

// TestCorpusRealWorld parses the real captures of feed-rs, rss-parser and
// miniflux: each must parse, and the item count must match the upstream
// expected output (counting repeated links once, as Parse drops items
// repeating an ID).
func TestCorpusRealWorld(t *testing.T) {
	root := corpusFeeds(t)
	feedrs := &tally{name: "feed-rs parse + entry count"}
	for _, in := range globFiles(t, filepath.Join(root, "feed-rs", "fixture"), ".xml", ".json") {
		if strings.HasSuffix(in, ".serde.json") {
			continue
		}
		exp := strings.TrimSuffix(strings.TrimSuffix(in, ".xml"), ".json") + ".serde.json"
		links, ok := feedrsLinks(t, exp)
		if !ok {
			continue
		}
		feedrs.add(countMatches(t, in, links), filepath.Base(in))
	}
	feedrs.require(t, 0.98) // atom_entry_1 is a bare <entry>, not a feed

	rssparser := &tally{name: "rss-parser parse + item count"}
	for _, in := range globFiles(t, filepath.Join(root, "rss-parser", "test", "input"), ".rss", ".atom") {
		base := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(in), ".rss"), ".atom")
		links, ok := rssParserLinks(t, filepath.Join(root, "rss-parser", "test", "output", base+".json"))
		if !ok {
			continue
		}
		rssparser.add(countMatches(t, in, links), filepath.Base(in))
	}
	rssparser.require(t, 1)

	miniflux := &tally{name: "miniflux real feeds parse"}
	for _, in := range globFiles(t, filepath.Join(root, "miniflux", "internal", "reader", "parser", "testdata"), ".xml") {
		p, err := Parse(readFile(t, in), "https://corpus.example/feed")
		miniflux.add(err == nil && len(p.Items) > 0, filepath.Base(in))
	}
	miniflux.require(t, 1)
}

// countMatches parses in and compares its item count with the expected
// links: equal to all of them, or to the distinct ones.
func countMatches(t *testing.T, in string, links []string) bool {
	p, err := Parse(readFile(t, in), "https://corpus.example/feed")
	if err != nil {
		return false
	}
	distinct := map[string]bool{}
	unlinked := 0
	for _, l := range links {
		if l == "" {
			unlinked++
		} else {
			distinct[l] = true
		}
	}
	return len(p.Items) == len(links) || len(p.Items) == len(distinct)+unlinked
}

func feedrsLinks(t *testing.T, path string) ([]string, bool) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, false
	}
	var exp struct {
		Entries []struct {
			Links []struct {
				Href string `json:"href"`
			} `json:"links"`
		} `json:"entries"`
	}
	if json.Unmarshal(b, &exp) != nil {
		return nil, false
	}
	links := make([]string, len(exp.Entries))
	for i, e := range exp.Entries {
		if len(e.Links) > 0 {
			links[i] = e.Links[0].Href
		}
	}
	return links, true
}

func rssParserLinks(t *testing.T, path string) ([]string, bool) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, false
	}
	var exp struct {
		Feed struct {
			Items []struct {
				Link string `json:"link"`
			} `json:"items"`
		} `json:"feed"`
	}
	if json.Unmarshal(b, &exp) != nil {
		return nil, false
	}
	links := make([]string, len(exp.Feed.Items))
	for i, it := range exp.Feed.Items {
		links[i] = it.Link
	}
	return links, true
}
