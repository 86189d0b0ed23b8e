package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestFailureClasses runs made-up pages, one per way a pick has gone
// wrong on real pages, in English and Arabic. Each page's article is its
// <main>, or the element marked data-article: the headline is its <h1>,
// every <p> in it must come out, except those marked data-chrome, and no
// text outside it or marked data-chrome may.
func TestFailureClasses(t *testing.T) {
	tests := []struct{ file, why string }{
		{"sections-en.html", "an article cut into sections of one template, deeper than the scorer's reach"},
		{"sections-ar.html", "the same in Arabic"},
		{"widget-en.html", "the article in a block whose class reads as chrome, a short blurb elsewhere"},
		{"widget-ar.html", "the same in Arabic"},
		{"script-text-en.html", "tracking script printed as text between paragraphs"},
		{"taxonomy-en.html", "the story's box classed by its categories, its tags and what it has with chrome words (\"category-social-affairs\", \"tag-recommended-reads\", \"has-comments\"), the site's about blurb at the end"},
		{"taxonomy-ar.html", "the same in Arabic, and a chrome word negated (\"unsponsored-post\")"},
		{"after-footer-en.html", "the site's about blurb after the page's <footer>, a block of prose beside the story's"},
		{"after-footer-ar.html", "the same in Arabic"},
		{"footer-inside-en.html", "the site's about blurb after a wrapper that holds the story and the site's footer"},
		{"footer-inside-ar.html", "the same in Arabic"},
		{"footer-blurb-en.html", "the site's about blurb after the page's <footer>, longer than a short story"},
		{"footer-blurb-ar.html", "the same in Arabic"},
		{"marked-story-en.html", "the story under its headline in a box classed like a share bar, a short unrelated text at the end, the site's name in an earlier <h1>"},
		{"marked-story-ar.html", "the same in Arabic, the story's box classed like comments and its paragraphs full of links"},
		{"classed-footer-en.html", "a <footer> of the whole page with a class that does not say footer, an unrelated text after it"},
		{"classed-footer-ar.html", "the same in Arabic"},
		{"before-header-en.html", "an unrelated text before the page's <header>, the story in blocks of a <main>"},
		{"before-header-ar.html", "the same in Arabic"},
		{"rescued-wrapper-en.html", "half the story in the only child of a box whose class says chrome and content at once (\"block-widget block-text\"), named after it without the word of content (\"block-widget-inner\")"},
		{"rescued-wrapper-ar.html", "the same in Arabic"},
		{"builder-sections-en.html", "a story that a page builder cut into text boxes (\"block-widget block-text\"), each a section with few commas, and a reader's testimonial in one more such box, quoted as a whole"},
		{"builder-sections-ar.html", "the same in Arabic"},
		{"rights-footer-en.html", "a short story in a page without HTML5 sections or class names, the site's footer known only by its rights notice (\"© 2026 … All rights reserved.\"), and a longer promo after it"},
		{"rights-footer-ar.html", "the same in Arabic, the notice without \"©\" (\"جميع الحقوق محفوظة\")"},
		{"short-story-en.html", "a brief of two paragraphs under its headline in a page without HTML5 sections or class names, a list of links to other stories after it, and a promo of 1,000 to 1,500 characters of prose in another box"},
		{"short-story-ar.html", "the same in Arabic"},
		{"page-footer-en.html", "a short story whose wrapper a class name marks as chrome (\"layout-with-sidebar\"), and the site's disclaimer of three paragraphs in the page's <footer>"},
		{"page-footer-ar.html", "the same in Arabic"},
		{"author-bio-en.html", "the author's bio under the byline, above the story, opening with the byline's name (the page's <meta name=author>)"},
		{"author-bio-ar.html", "the same in Arabic, the bio after the story"},
		{"agency-lead-en.html", "a story whose first paragraph opens with its byline, an agency's name, and a dash (\"Valley Wire – The ministry …\"): no bio"},
		{"agency-lead-ar.html", "the same in Arabic, the name and a slash (\"أخبار الوادي/ افتتحت …\"), as Iraqi agencies write"},
		{"legacy-brief-en.html", "a brief of two paragraphs in a page laid out in tables, with no <h1>: its headline a bold, large text that repeats the page's title, readers' comments under it, and three longer paragraphs of a promo in a table of its own at the page's end"},
		{"legacy-brief-ar.html", "the same in Arabic"},
		{"card-links-en.html", "a brief of two paragraphs whose container goes on with the site's 120 cards for its other plans, each a link holding a label, a title and a number, on a page whose author box, call to action and cookie notice hold more prose than the brief"},
		{"card-links-ar.html", "the same in Arabic"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			page, err := os.ReadFile(filepath.Join("testdata", "classes", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			headline, want, chrome := fixtureParts(t, page)
			a, err := Extract(strings.NewReader(string(page)), mustURL(t, "https://example.com/story"), nil)
			if err != nil {
				t.Fatalf("%s: %v", tt.why, err)
			}
			if a.Title != headline {
				t.Errorf("Title = %q, want %q", a.Title, headline)
			}
			for _, p := range want {
				if !strings.Contains(a.Text, p) {
					t.Errorf("%s: paragraph missing: %q\ngot:\n%s", tt.why, p, a.Text)
				}
			}
			for _, c := range chrome {
				if strings.Contains(a.Text, c) || strings.Contains(a.HTML, c) {
					t.Errorf("%s: chrome leaked: %q", tt.why, c)
				}
			}
		})
	}
}

// fixtureParts returns the <h1> text of page, the <p> texts in <main>
// not marked data-chrome, and the texts outside <main> or marked.
func fixtureParts(t *testing.T, page []byte) (headline string, want, chrome []string) {
	t.Helper()
	root, err := html.Parse(strings.NewReader(string(page)))
	if err != nil {
		t.Fatal(err)
	}
	var walk func(n *html.Node, inMain, marked bool)
	walk = func(n *html.Node, inMain, marked bool) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Head, atom.Script, atom.Style:
				return
			case atom.H1:
				headline = strings.Join(strings.Fields(nodeText(n)), " ")
			}
			if getAttr(n, "data-headline") != "" {
				headline = strings.Join(strings.Fields(nodeText(n)), " ") // a page without an <h1>
			}
			inMain = inMain || n.DataAtom == atom.Main || getAttr(n, "data-article") != ""
			marked = marked || getAttr(n, "data-chrome") != ""
			if n.DataAtom == atom.P && inMain && !marked {
				want = append(want, strings.Join(strings.Fields(nodeText(n)), " "))
				return
			}
		}
		if n.Type == html.TextNode && (!inMain || marked) {
			if s := strings.TrimSpace(n.Data); strings.Contains(s, " ") {
				chrome = append(chrome, s)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inMain, marked)
		}
	}
	walk(root, false, false)
	if headline == "" || len(want) == 0 || len(chrome) == 0 {
		t.Fatalf("fixture lacks a headline, paragraphs or chrome")
	}
	return headline, want, chrome
}

func TestLooksLikeScript(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{`window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date());`, true},
		{`var _paq = window._paq || []; _paq.push(['trackPageView']); (function() { var u = "//stats.example.com/"; })();`, true},
		{"The lanes will run from seven to ten (mornings); buses, taxis and bikes may use them; cars may not (except at night).", false},
		{"قال الوزير (في مؤتمر صحفي)؛ إن الخطة ستنفذ على مراحل؛ وإن الكلفة (نحو مليار دينار) مؤمنة.", false},
		{"Use document.querySelector() to find the element; then call el.remove(); the function returns nothing.", false},
		// One statement: an ad network's call, and a sentence that ends
		// like one.
		{"(adsbygoogle = window.adsbygoogle || []).push({});", true},
		{"To show the ads, the site calls push() on window.adsbygoogle (an array);", false},
	}
	for _, tt := range tests {
		if got := looksLikeScript(tt.text); got != tt.want {
			t.Errorf("looksLikeScript(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
