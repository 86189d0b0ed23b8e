package siterules_test

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/refeed/refeed/extract"
	"github.com/refeed/refeed/internal/testcorpus"
	"github.com/refeed/refeed/siterules"
)

// ruledPage is a scrapinghub page whose host has a site rule file.
type ruledPage struct {
	name string
	site *siterules.Site
	url  *url.URL
	page []byte
}

// ruledPages returns the scrapinghub-dev pages whose hosts have rules in
// the shared ftr-site-config copy, or skips.
func ruledPages(tb testing.TB) []ruledPage {
	tb.Helper()
	set, err := siterules.Load(testcorpus.Dir(tb, "ftr-site-config"), siterules.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	dir := testcorpus.Dir(tb, "scrapinghub-dev")
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var truth map[string]struct {
		URL string `json:"url"`
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		tb.Fatal(err)
	}
	var out []ruledPage
	for id, v := range truth {
		u, err := url.Parse(v.URL)
		site := set.For(u.Hostname())
		if err != nil || site == nil {
			continue
		}
		out = append(out, ruledPage{name: id[:8] + " " + u.Host, site: site, url: u, page: testcorpus.ReadFile(tb, filepath.Join(dir, "html", id+".html.gz"))})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// extractApplied extracts the article from the rendered page of a, or,
// when a holds no HTML, from its document (ApplyDoc).
func extractApplied(a *siterules.Applied, u *url.URL) (*extract.Article, error) {
	var opts extract.Options
	if a.Selector != "" {
		opts.Rule, _ = extract.CompileRule(a.Selector, nil)
	}
	if a.HTML == nil {
		return extract.ExtractNode(a.Doc, u, opts)
	}
	return extract.ExtractWith(bytes.NewReader(a.HTML), u, opts)
}

// TestApplyDocExtractsAsApply: extracting from ApplyDoc's document gives
// the same article as rendering Apply's page and parsing it again, on
// every scrapinghub page whose host has rules.
func TestApplyDocExtractsAsApply(t *testing.T) {
	pages := ruledPages(t)
	if len(pages) < 10 {
		t.Fatalf("%d pages with site rules, want at least 10 to compare", len(pages))
	}
	for _, p := range pages {
		rendered, err := p.site.Apply(p.page, p.url)
		if err != nil {
			t.Fatal(err)
		}
		parsed, err := p.site.ApplyDoc(p.page, p.url)
		if err != nil {
			t.Fatal(err)
		}
		a1, err1 := extractApplied(rendered, p.url)
		a2, err2 := extractApplied(parsed, p.url)
		if (err1 == nil) != (err2 == nil) || err1 == nil && (a1.Text != a2.Text || a1.HTML != a2.HTML || a1.Title != a2.Title) {
			t.Errorf("%s: ApplyDoc's article differs from Apply's (errors %v, %v)", p.name, err1, err2)
		}
	}
}

// BenchmarkApplyThenExtract compares the two ways to extract a page with
// site rules: render the cleaned page and parse it again, or hand the
// document over (what refresh does).
func BenchmarkApplyThenExtract(b *testing.B) {
	pages := ruledPages(b)
	for _, way := range []struct {
		name  string
		apply func(*siterules.Site, []byte, *url.URL) (*siterules.Applied, error)
	}{
		{"render-and-parse", (*siterules.Site).Apply},
		{"document", (*siterules.Site).ApplyDoc},
	} {
		b.Run(way.name, func(b *testing.B) {
			for b.Loop() {
				for _, p := range pages {
					a, err := way.apply(p.site, p.page, p.url)
					if err != nil {
						b.Fatal(err)
					}
					_, _ = extractApplied(a, p.url)
				}
			}
		})
	}
}
