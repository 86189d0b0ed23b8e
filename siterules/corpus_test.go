package siterules

import (
	"net/url"
	"strings"
	"testing"

	"github.com/refeed/refeed/internal/testcorpus"
)

// Floors measured on the shared copy of fivefilters/ftr-site-config at
// e607dc10 (2,039 host files + global.txt): 8,467 XPath expressions
// compile and 5 do not (three call contains() with one argument, one is
// "contain(", one "///span"); see TestCorpusLoad -v.
const (
	corpusMinHosts      = 2039
	corpusMinCompiled   = 8400
	corpusMaxCompileBad = 10
)

// xpathCount counts the compiled expressions of a Site.
func xpathCount(s *Site) int {
	return len(s.Body) + len(s.Title) + len(s.Date) + len(s.Author) + len(s.Strip) +
		len(s.StripAttr) + len(s.Dissolve) + len(s.SinglePageLink) + len(s.NextPageLink) + len(s.WrapIn)
}

func TestCorpusLoad(t *testing.T) {
	dir := testcorpus.Dir(t, "ftr-site-config")
	set := mustLoad(t, dir, Options{})
	compiled := 0
	for _, s := range set.sites {
		compiled += xpathCount(s)
	}
	bad := 0
	for _, w := range set.Warnings() {
		if strings.Contains(w.Msg, "siterules: xpath") {
			bad++
		}
		t.Log(w)
	}
	t.Logf("%d host files, %d XPath expressions compiled, %d did not, %d warnings",
		set.Len(), compiled, bad, len(set.Warnings()))
	if set.Len() < corpusMinHosts {
		t.Errorf("loaded %d host files, want at least %d", set.Len(), corpusMinHosts)
	}
	if compiled < corpusMinCompiled {
		t.Errorf("compiled %d XPath expressions, want at least %d", compiled, corpusMinCompiled)
	}
	if bad > corpusMaxCompileBad {
		t.Errorf("%d XPath expressions failed to compile, want at most %d", bad, corpusMaxCompileBad)
	}
}

// TestCorpusApply builds tiny pages shaped like the ones a few real rule
// files were written for (their test_url pages need the network) and
// checks that the real rules pick the body, strip what they say and read
// the metadata.
func TestCorpusApply(t *testing.T) {
	set := mustLoad(t, testcorpus.Dir(t, "ftr-site-config"), Options{})
	tests := []struct {
		host, body    string
		want, notWant []string // in / not in the selected body
		wantTitle     string
		wantDate      string
	}{
		{
			host: "www.aljazeera.com",
			body: `<span id="DetailedTitle">Headline</span><table><tr><td id="menu">Menu</td>` +
				`<td id="tdTextContent"><p>Story text</p><div class="Skyscrapper_Body">Ad</div></td></tr></table>`,
			want: []string{"Story text"}, notWant: []string{"Menu", "Ad"}, wantTitle: "Headline",
		},
		{
			host: "www.bbc.com",
			body: `<nav>Home News</nav><main><header>Top</header><article><p>Story text</p>` +
				`<section data-component="links-block">Related</section></article><p>Outside</p></main>`,
			want: []string{"Story text"}, notWant: []string{"Home News", "Related", "Outside"},
			wantTitle: "OG title", // the page() head's og:title, bbc.com's first title rule
		},
		{
			host: "www.theguardian.com",
			body: `<div class="content__secondary-column">Most viewed</div>` +
				`<div class="article-body-commercial-selector"><p>Story text</p><aside>Related</aside></div>`,
			want: []string{"Story text"}, notWant: []string{"Most viewed", "Related"},
		},
		{
			host: "www.lemonde.fr",
			body: `<h1 class="article__title">Titre</h1><time itemprop="datePublished" datetime="2026-03-04T10:00:00+01:00">4 mars</time>` +
				`<section class="article__content old__article-content-single"><p>Texte</p><section class="services">Partager</section></section>`,
			want: []string{"Texte"}, notWant: []string{"Partager", "4 mars"},
			wantTitle: "Titre", wantDate: "2026-03-04T10:00:00+01:00",
		},
		{
			host: "health.about.com", // .about.com.txt
			body: `<div id="title"><h1>About title</h1></div><div id="articlebody"><p>Story text</p></div><div id="side">Side</div>`,
			want: []string{"Story text"}, notWant: []string{"Side"}, wantTitle: "About title",
		},
		{
			host: "www.about.com", // .about.com.txt does not cover www.about.com, and there is no about.com.txt
			body: `<div class="article-body"><p>Story text</p></div>`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.host, func(t *testing.T) {
			site := set.For(tt.host)
			base := &url.URL{Scheme: "https", Host: tt.host, Path: "/a"}
			a, err := site.Apply([]byte(page(tt.body)), base)
			if err != nil {
				t.Fatalf("Apply: %v", err)
			}
			if tt.want == nil {
				if site != nil {
					t.Fatalf("For(%q) = %s, want no rules", tt.host, site.Name)
				}
				return
			}
			if a.Selector != BodySelector {
				t.Fatalf("%s: no body rule matched the synthetic page", site.Name)
			}
			got := parseResult(t, a.HTML).Find(a.Selector).Text()
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("%s: body %q lacks %q", site.Name, got, w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(got, w) {
					t.Errorf("%s: body %q still has %q", site.Name, got, w)
				}
			}
			if a.Title != tt.wantTitle || a.Date != tt.wantDate {
				t.Errorf("%s: title, date = %q, %q; want %q, %q", site.Name, a.Title, a.Date, tt.wantTitle, tt.wantDate)
			}
		})
	}
}

// TestCorpusApplyEveryFile checks that Apply survives every rule file
// in the corpus on a small page (no panics, a document comes back).
func TestCorpusApplyEveryFile(t *testing.T) {
	set := mustLoad(t, testcorpus.Dir(t, "ftr-site-config"), Options{Global: true})
	in := []byte(page(`<article class="post"><h1>T</h1><p>Body <a href="/next" rel="next">n</a></p></article><amp-img src="x"></amp-img>`))
	for name, site := range set.sites {
		a, err := site.Apply(in, &url.URL{Scheme: "https", Host: strings.TrimPrefix(name, ".")})
		if err != nil || len(a.HTML) == 0 {
			t.Errorf("%s: Apply = %v, %v", name, len(a.HTML), err)
		}
	}
}
