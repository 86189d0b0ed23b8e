package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestHintInContext checks that the only element of a box whose class
// names say chrome but were rescued by a word of content ("block-widget
// block-text") is rescued too, and nothing else is: a wrapper beside
// another element, the child of a box that is chrome outright or of one
// no chrome word names, and a child named by a strong chrome word.
func TestHintInContext(t *testing.T) {
	tests := []struct {
		name, page string
		unlikely   bool // of the element with id="x"
	}{
		{"only child of a rescued box", `<div class="block-widget block-text"><div id="x" class="block-widget-inner"><p>Text.</p></div></div>`, false},
		{"only child among whitespace", "<div class=\"block-widget block-text\">\n  <div id=\"x\" class=\"block-widget-inner\"><p>Text.</p></div>\n</div>", false},
		{"beside another element", `<div class="block-widget block-text"><h3>Title</h3><div id="x" class="block-widget-inner"><p>Text.</p></div></div>`, true},
		{"beside text of the parent's own", `<div class="block-widget block-text">Note: <div id="x" class="block-widget-inner"><p>Text.</p></div></div>`, true},
		{"child of a box that is chrome", `<div class="sidebar-widget"><div id="x" class="widget-inner"><p>Text.</p></div></div>`, true},
		{"child of a box no chrome word names", `<div class="col-4"><div id="x" class="widget-inner"><p>Text.</p></div></div>`, true},
		{"a strong chrome word stays chrome", `<div class="block-widget block-text"><div id="x" class="share-widget"><p>Text.</p></div></div>`, true},
	}
	h := newHints()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<html><body>" + tt.page + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			x := findByID(root, "x")
			if x == nil {
				t.Fatal("no element with id x")
			}
			if got := h.inContext(x).unlikely; got != tt.unlikely {
				t.Errorf("inContext(x).unlikely = %v, want %v (of alone: %v)", got, tt.unlikely, h.of(x).unlikely)
			}
		})
	}
}

// TestRescuedPictureStays checks that the story's picture in a page
// builder's box, rescued by a word of content ("block-post-picture")
// around a wrapper named for chrome alone ("block-widget-inner"), stays
// with the story: a box of one picture has no text for the cleaning to
// weigh.
func TestRescuedPictureStays(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "classes", "rescued-wrapper-en.html"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := Extract(strings.NewReader(string(page)), mustURL(t, "https://example.com/story"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.HTML, "https://example.com/media/mill-bridge.jpg") {
		t.Errorf("the story's picture is missing from:\n%s", a.HTML)
	}
}

// TestHeadingIDsAreAnchors checks that a story's section headings stay
// when their ids, made from their own words for a table of contents,
// hold chrome words ("social", "share", "related", "sponsor"), while a
// heading's class still says what it is.
func TestHeadingIDsAreAnchors(t *testing.T) {
	para := func(s string) string {
		return "<p>" + strings.Repeat(s+" ", 6) + "</p>"
	}
	tests := []struct {
		lang, headline string
		sections       [][2]string // heading id, heading text
		body           string      // a sentence of the story's prose
	}{
		{"en", "How the town pays for its buses", [][2]string{
			{"h-what-is-social-fare-pricing", "What is social fare pricing?"},
			{"h-how-riders-share-the-cost", "How riders share the cost"},
			{"related-reforms-elsewhere", "Reforms in other towns"},
			{"sponsors-and-partners-of-the-line", "Who backs the new line"},
		}, "The council set the fares after a year of surveys, and riders on low incomes now pay half of the full price on every route."},
		{"ar", "كيف تموّل المدينة حافلاتها", [][2]string{
			{"social-fares", "ما هي الأجرة الاجتماعية؟"},
			{"share-the-cost", "كيف يتقاسم الركاب الكلفة"},
			{"related-reforms", "إصلاحات في مدن أخرى"},
			{"sponsors", "من يدعم الخط الجديد"},
		}, "حدد المجلس الأجور بعد عام من الاستطلاعات، وصار الركاب من ذوي الدخل المحدود يدفعون نصف الأجرة الكاملة على كل خط."},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			var b strings.Builder
			b.WriteString(`<html lang="` + tt.lang + `"><head><title>` + tt.headline + `</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><main><article><h1>` + tt.headline + `</h1>`)
			b.WriteString(para(tt.body))
			for _, s := range tt.sections {
				b.WriteString(`<h2 id="` + s[0] + `">` + s[1] + `</h2>` + para(tt.body))
			}
			b.WriteString(`<h3 class="related-posts-title">Related posts</h3><ul class="related-posts"><li><a href="/a">One</a></li><li><a href="/b">Two</a></li></ul>`)
			b.WriteString(`</article></main></body></html>`)
			a, err := Extract(strings.NewReader(b.String()), mustURL(t, "https://example.com/buses"), nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range tt.sections {
				if !strings.Contains(a.Text, s[1]) {
					t.Errorf("heading %q (id %q) is missing:\n%s", s[1], s[0], a.Text)
				}
			}
			if strings.Contains(a.Text, "Related posts") {
				t.Errorf("the heading classed as chrome leaked:\n%s", a.Text)
			}
		})
	}
}
