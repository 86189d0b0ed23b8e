package extract

import (
	"bytes"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// FuzzExtract feeds arbitrary bytes to Extract and readMetadata. Neither
// may panic, and whatever HTML Extract returns must be inert: no <script>
// element, no on* event attribute, no javascript: URL in any attribute.
func FuzzExtract(f *testing.F) {
	for _, seed := range fuzzSeeds(f) {
		f.Add(seed)
	}
	u, _ := url.Parse("https://news.example.iq/2024/03/01/story.html")
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("goquery: %v", err)
		}
		m := readMetadata(doc, u, time.UTC)
		if m.Dir != "rtl" && m.Dir != "ltr" {
			t.Errorf("Dir = %q, want rtl or ltr", m.Dir)
		}
		a, err := Extract(bytes.NewReader(data), u, nil)
		if err != nil {
			if !errors.Is(err, ErrNoArticle) {
				t.Logf("Extract: %v", err) // allowed, but worth seeing
			}
			return
		}
		if msg := unsafeHTML(a.HTML); msg != "" {
			t.Errorf("Extract output is not inert: %s\n%s", msg, a.HTML)
		}
	})
}

// fuzzSeeds returns the pages under testdata/fuzz, and the CNN Arabic page
// from the shared corpus when it is there.
func fuzzSeeds(f *testing.F) [][]byte {
	paths, err := filepath.Glob(filepath.Join("testdata", "fuzz", "*.html"))
	if err != nil || len(paths) == 0 {
		f.Fatalf("no fuzz seeds in testdata/fuzz: %v", err)
	}
	var seeds [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, b)
	}
	if root := corpusRoot(); root != "" {
		p := filepath.Join(root, "arabic-dev", "cnn-arabic-syria-2013", "newspaper4k", "arabic_article.html")
		if b, err := os.ReadFile(p); err == nil {
			seeds = append(seeds, b)
		}
	}
	return append(seeds, []byte(""), []byte("<html dir=rtl><body><p>مرحبا</p>"), []byte(`<script type="application/ld+json">[[[{"@graph":`))
}

// corpusRoot returns ../shared/corpus beside the repository root, or ""
// when it is absent; unlike sharedCorpus it never skips.
func corpusRoot() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(dir, "..", "shared", "corpus")
			if _, err := os.Stat(p); err == nil {
				return p
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// unsafeHTML parses out and returns a description of the first active
// content it finds, or "" when there is none.
func unsafeHTML(out string) string {
	if strings.Contains(strings.ToLower(out), "<script") {
		return "contains <script"
	}
	nodes, err := html.ParseFragment(strings.NewReader(out), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return "output does not parse: " + err.Error()
	}
	for _, n := range nodes {
		if msg := unsafeNode(n); msg != "" {
			return msg
		}
	}
	return ""
}

// unsafeNode checks n and its descendants.
func unsafeNode(n *html.Node) string {
	if n.Type == html.ElementNode {
		if n.Data == "script" {
			return "<script> element"
		}
		for _, a := range n.Attr {
			key := strings.ToLower(a.Key)
			if strings.HasPrefix(key, "on") {
				return "event attribute " + a.Key
			}
			if isJavaScriptURL(a.Val) {
				return "javascript: URL in " + a.Key
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if msg := unsafeNode(c); msg != "" {
			return msg
		}
	}
	return ""
}

// isJavaScriptURL reports whether a browser would run v as a javascript:
// URL: browsers ignore leading spaces and control characters and tabs or
// newlines inside the scheme.
func isJavaScriptURL(v string) bool {
	var b strings.Builder
	for _, r := range v {
		if r <= ' ' {
			continue
		}
		b.WriteRune(r)
		if b.Len() >= len("javascript:") {
			break
		}
	}
	return strings.EqualFold(b.String(), "javascript:")
}

func TestUnsafeHTML(t *testing.T) {
	tests := []struct {
		in   string
		safe bool
	}{
		{`<p>javascript: the good parts</p>`, true},
		{`<p title="a onclick=b">x</p>`, true},
		{`<a href="https://example.com/">x</a>`, true},
		{`<p onclick="x()">x</p>`, false},
		{`<SCRIPT>x</SCRIPT>`, false},
		{`<a href="  JaVa&#x09;Script:alert(1)">x</a>`, false},
		{`<iframe src="javascript:alert(1)"></iframe>`, false},
		{`<svg><a xlink:href="javascript:alert(1)">x</a></svg>`, false},
	}
	for _, tt := range tests {
		if msg := unsafeHTML(tt.in); (msg == "") != tt.safe {
			t.Errorf("unsafeHTML(%q) = %q, want safe=%v", tt.in, msg, tt.safe)
		}
	}
}

// TestExtractSeedIsInert runs the hostile Arabic seed through Extract, so
// the sanitizer check of FuzzExtract runs on an article with every kind of
// injection even without fuzzing.
func TestExtractSeedIsInert(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "fuzz", "arabic-jsonld.html"))
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse("https://news.example.iq/2024/03/01/story.html")
	a, err := Extract(bytes.NewReader(page), u, nil)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	if msg := unsafeHTML(a.HTML); msg != "" {
		t.Errorf("output is not inert: %s\n%s", msg, a.HTML)
	}
	if !strings.Contains(a.Text, "قانون الموازنة العامة") {
		t.Errorf("article text lost the body: %q", a.Text)
	}
	if a.Dir != "rtl" || a.Lang != "ar" || a.Byline != "سارة علي" || a.Title != "البرلمان يقر الموازنة العامة" {
		t.Errorf("metadata: dir %q lang %q byline %q title %q", a.Dir, a.Lang, a.Byline, a.Title)
	}
}

// FuzzParseDate checks that date parsing never panics and only returns
// dates in the accepted year range.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"2020-08-24T09:23:13Z", "2020-02-18 T 07:20:50 +0330", "Mon, 02 Jan 2006 15:04:05 +0000",
		"الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00", "٢٤ أغسطس ٢٠٢٠", "April 28, 2019 at 6:01 am",
		"03/04/2020", "1587354000000", "17 مارس 2020 - 05:27 م +03:00", "۲۹ بهمن ۱۳۹۸ - ۰۶:۵۵",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, dayFirst := range []bool{true, false} {
			if d, ok := findDateInText(s, dayFirst, time.UTC); ok && !validYear(d) {
				t.Errorf("findDateInText(%q) = %v, outside %d-%d", s, d, minYear, maxYear)
			}
		}
		if d, ok := parseDate(s, time.UTC); ok && !validYear(d) {
			t.Errorf("parseDate(%q) = %v, outside %d-%d", s, d, minYear, maxYear)
		}
		cutDate(s)
	})
}

// FuzzDecodeLD checks that JSON-LD decoding, repair and field reading
// never panic, whatever the script holds.
func FuzzDecodeLD(f *testing.F) {
	for _, s := range []string{
		`{"@graph":[{"@type":"Person","@id":"#a","name":"n"},{"@type":"NewsArticle","author":{"@id":"#a"},"image":[{"@id":"#i"}]},{"@id":"#i","url":"u"}]}`,
		`[{"@type":["Article"],"headline":"h","author":[{"name":"a"},"b"],"publisher":{"name":"p"}}]`,
		"<!-- {\"@type\":\"Article\",\"articleBody\":\"a\nb\",} -->",
		`{"@type":"Article","image":{"@id":"#self"},"@id":"#self"}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var nodes []map[string]any
		for _, v := range decodeLD(s) {
			collectLDNodes(v, &nodes, 0)
		}
		ldFromNodes(nodes)
	})
}
