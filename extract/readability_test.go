package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/refeed/refeed/extract/evaluate"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// minReadabilityF1 is the required mean text F1 on Mozilla's test pages.
const minReadabilityF1 = 0.96

// readabilityHard lists the pages this extractor is known to get wrong,
// with the reason. They stay in the average; the list documents them and
// keeps them from being re-investigated as new regressions.
var readabilityHard = map[string]string{
	"firefox-nightly-blog":       "the article is bullet lists; list items are not scored as paragraphs, so news-stream pages are not taken for articles",
	"mozilla-2":                  "a product page of short feature blurbs and call-to-action links",
	"hukumusume":                 "a children's story page of short lines; the expected text keeps navigation labels",
	"qq":                         "the expected text starts with a dateline and share labels that are trimmed here",
	"nytimes-5":                  "the expected text keeps photo credits and labels around a short essay",
	"mozilla-1":                  "'Learn more' / 'Next' links the expected text keeps are dropped as promo links",
	"005-unescape-html-entities": "the whole page is one word; fewer than five words are ErrNoArticle here",
	"js-link-replacement":        "the whole page is three words; fewer than five words are ErrNoArticle here",
}

// readabilityURL is the page URL Readability's test suite runs under.
const readabilityURL = "http://fakehost/test/page.html"

// htmlText returns the whitespace-collapsed text of an HTML fragment.
func htmlText(t *testing.T, b []byte) string {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(string(b)), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		t.Fatal(err)
	}
	return renderText(nodes)
}

// evalReadability scores every page of Mozilla's Readability tests,
// stripped of hint attributes when bare is set.
func evalReadability(t *testing.T, bare bool) []pageScore {
	t.Helper()
	dir := filepath.Join(sharedCorpus(t, "readability-test-pages"), "pages")
	cases, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var rows []pageScore
	for _, c := range cases {
		if !c.IsDir() {
			continue
		}
		src := readMaybeGzip(t, filepath.Join(dir, c.Name(), "source.html"))
		if bare {
			src = stripHints(src)
		}
		want := htmlText(t, readMaybeGzip(t, filepath.Join(dir, c.Name(), "expected.html")))
		got := extractText(t, src, readabilityURL)
		name := c.Name()
		if why, ok := readabilityHard[name]; ok {
			name += " (known hard: " + why + ")"
		}
		rows = append(rows, pageScore{name: name, counts: evaluate.Compare(got, want)})
	}
	return rows
}

func TestReadabilityCorpus(t *testing.T) {
	_, _, f1 := logTable(t, evalReadability(t, false))
	if f1 < minReadabilityF1 {
		t.Errorf("readability-test-pages text F1 = %.4f, want >= %.2f", f1, minReadabilityF1)
	}
}
