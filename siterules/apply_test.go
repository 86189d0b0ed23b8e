package siterules

import (
	"bytes"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// page wraps body markup in a document with a head that must survive.
func page(body string) string {
	return `<!DOCTYPE html><html lang="ar" dir="rtl"><head><title>Head title</title>` +
		`<meta property="og:title" content="OG title"></head><body>` + body + `</body></html>`
}

func mustSite(t testing.TB, rules string) *Site {
	t.Helper()
	site, warns := Parse(strings.NewReader(rules), "example.com.txt")
	if len(warns) > 0 {
		t.Fatalf("rules have warnings: %v", warns)
	}
	return site
}

func TestApplyBody(t *testing.T) {
	wrapped := func(inner string) string { return `<div id="` + BodyID + `">` + inner + `</div>` }
	tests := []struct {
		name, rules, body string
		wantSelector      string
		wantBody          string // inner HTML of <body> in the result
	}{
		{
			name:         "body selected, strip inside it",
			rules:        "body: //div[@class='story']\nstrip: //div[@class='ad']\n",
			body:         `<nav>Menu</nav><div class="story"><p>Text</p><div class="ad">Buy</div></div><footer>F</footer>`,
			wantSelector: BodySelector,
			wantBody:     wrapped(`<div class="story"><p>Text</p></div>`),
		},
		{
			name:         "first body line that matches wins",
			rules:        "body: //div[@id='missing']\nbody: //article\nbody: //main\n",
			body:         `<main><article><p>A</p></article><p>M</p></main>`,
			wantSelector: BodySelector,
			wantBody:     wrapped(`<article><p>A</p></article>`),
		},
		{
			name:         "a union keeps every match in document order, nested matches once",
			rules:        "body: //div[@class='text'] | //div[@class='text']/p | //h2[@class='sub']\n",
			body:         `<h1>T</h1><h2 class="sub">Sub</h2><aside>x</aside><div class="text"><p>P</p></div>`,
			wantSelector: BodySelector,
			wantBody:     wrapped(`<h2 class="sub">Sub</h2><div class="text"><p>P</p></div>`),
		},
		{
			name:         "one expression matching several elements keeps them all",
			rules:        "body: //p[@class='para']\n",
			body:         `<p class="para">1</p><div>skip</div><p class="para">2</p>`,
			wantSelector: BodySelector,
			wantBody:     wrapped(`<p class="para">1</p><p class="para">2</p>`),
		},
		{
			name:  "strip_id_or_class is a substring of id or class; body is never stripped",
			rules: "strip_id_or_class: share\n",
			body: `<div class="social-share-box">S</div><div id="share1">S</div>` +
				`<p class="shared">gone too</p><p>kept</p>`,
			wantBody: `<p>kept</p>`,
		},
		{
			name:     "strip_image_src",
			rules:    "strip_image_src: doubleclick.net\n",
			body:     `<img src="https://ad.doubleclick.net/x.gif"><img src="/photo.jpg">`,
			wantBody: `<img src="/photo.jpg"/>`,
		},
		{
			name:         "find_string and replace_string before parsing",
			rules:        "find_string: <amp-img\nreplace_string: <img\nfind_string: </amp-img>\nreplace_string: <!-- -->\nbody: //figure\n",
			body:         `<figure><amp-img src="a.jpg"></amp-img></figure>`,
			wantSelector: BodySelector,
			wantBody:     wrapped(`<figure><img src="a.jpg"/><!-- --></figure>`),
		},
		{
			name:     "nothing matches: the stripped page and no selector",
			rules:    "body: //div[@id='nope']\nstrip: //nav\n",
			body:     `<nav>Menu</nav><div><p>Story</p></div>`,
			wantBody: `<div><p>Story</p></div>`,
		},
		{
			name:     "strip text nodes and attributes by xpath",
			rules:    "strip: //p/text()[contains(., 'Advert')]\nstrip: //p/@style\n",
			body:     `<p style="color:red">Advert<b>Keep</b></p>`,
			wantBody: `<p><b>Keep</b></p>`,
		},
		{
			name:     "strip_attr, dissolve and wrap_in",
			rules:    "strip_attr: //img/@srcset\ndissolve: //span[@class='x']\nwrap_in(blockquote): //p[@class='pull']\n",
			body:     `<img src="a.jpg" srcset="a2.jpg 2x"><span class="x">one <i>two</i></span><p class="pull">Q</p>`,
			wantBody: `<img src="a.jpg"/>one <i>two</i><blockquote><p class="pull">Q</p></blockquote>`,
		},
		{
			name:         "body: //body keeps the whole (stripped) body",
			rules:        "body: //body\nstrip: //footer\n",
			body:         `<p>One</p><footer>F</footer><p>Two</p>`,
			wantSelector: BodySelector,
			wantBody:     wrapped(`<p>One</p><p>Two</p>`),
		},
		{
			name:     "strip cannot remove html, head or body",
			rules:    "strip: //body\nstrip: //head\nstrip: /html\n",
			body:     `<p>Still here</p>`,
			wantBody: `<p>Still here</p>`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := []byte(page(tt.body))
			orig := bytes.Clone(in)
			a, err := mustSite(t, tt.rules).Apply(in, nil)
			if err != nil {
				t.Fatalf("Apply: %v", err)
			}
			if !bytes.Equal(in, orig) {
				t.Error("Apply modified its input")
			}
			if a.Selector != tt.wantSelector {
				t.Errorf("Selector = %q, want %q", a.Selector, tt.wantSelector)
			}
			doc := parseResult(t, a.HTML)
			if got, _ := doc.Find("body").Html(); got != tt.wantBody {
				t.Errorf("body =\n%s\nwant\n%s", got, tt.wantBody)
			}
			checkHeadKept(t, doc)
		})
	}
}

func parseResult(t *testing.T, b []byte) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("result does not parse: %v", err)
	}
	return doc
}

func checkHeadKept(t *testing.T, doc *goquery.Document) {
	t.Helper()
	if got := doc.Find("head title").Text(); got != "Head title" {
		t.Errorf("head title = %q, want the original head kept", got)
	}
	if lang, _ := doc.Find("html").Attr("lang"); lang != "ar" {
		t.Errorf("html lang = %q, want ar", lang)
	}
	if dir, _ := doc.Find("html").Attr("dir"); dir != "rtl" {
		t.Errorf("html dir = %q, want rtl", dir)
	}
}

func TestApplyMetadataAndLinks(t *testing.T) {
	rules := `title: //h1[@class='none']
title: //meta[@property='og:title']/@content
date: normalize-space(substring-after(//p[@class='date'], 'Published:'))
author: //a[@rel='author']
author: //span[@class='by']
single_page_link: //a[contains(@href, 'print')]
next_page_link: //a[@rel='next']/@href
strip: //p[@class='date']
strip: //a[@rel='author']
`
	body := `<p class="date">Published:  2026-01-02 </p><a rel="author" href="/a">Ali  Hassan</a>` +
		`<span class="by">Ali Hassan</span><span class="by">زينب</span>` +
		`<a href="/story?print=1">Print</a><a rel="next" href="page/2">Next</a><a href="javascript:x()" rel="next">js</a>`
	base, _ := url.Parse("https://example.com/news/story")
	a, err := mustSite(t, rules).Apply([]byte(page(body)), base)
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	if a.Title != "OG title" {
		t.Errorf("Title = %q, want OG title", a.Title)
	}
	if a.Date != "2026-01-02" {
		t.Errorf("Date = %q, want 2026-01-02 (read before strip)", a.Date)
	}
	if want := []string{"Ali Hassan", "زينب"}; !reflect.DeepEqual(a.Authors, want) {
		t.Errorf("Authors = %q, want %q", a.Authors, want)
	}
	if got := a.SinglePageURL.String(); got != "https://example.com/story?print=1" {
		t.Errorf("SinglePageURL = %q", got)
	}
	if got := a.NextPageURL.String(); got != "https://example.com/news/page/2" {
		t.Errorf("NextPageURL = %q", got)
	}
}

func TestApplyNoLinksWithoutRules(t *testing.T) {
	a, err := mustSite(t, "body: //p\nnext_page_link: //a[@rel='next']\n").Apply([]byte(page(`<p>x</p><a rel="next" href="mailto:a@b">m</a>`)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.SinglePageURL != nil || a.NextPageURL != nil {
		t.Errorf("links = %v, %v; want nil (no rule, and mailto is not a page)", a.SinglePageURL, a.NextPageURL)
	}
}

func TestApplyNilSite(t *testing.T) {
	in := []byte(page("<p>x</p>"))
	var s *Site
	a, err := s.Apply(in, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.HTML, in) || a.Selector != "" {
		t.Errorf("nil Site Apply = %q, %q; want the page unchanged", a.HTML, a.Selector)
	}
}

func TestApplyFrameset(t *testing.T) {
	in := `<html><head><title>Head title</title></head><frameset><frame src="a.html"></frameset></html>`
	a, err := mustSite(t, "body: //frame\n").Apply([]byte(in), nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Selector != "" {
		t.Errorf("Selector = %q, want none for a page without a body element", a.Selector)
	}
}

// TestApplyConcurrent runs one Site on many goroutines; run it with -race.
func TestApplyConcurrent(t *testing.T) {
	site := mustSite(t, "body: //div[contains(@class,'story')]\ntitle: normalize-space(//h1)\nstrip: //div[contains(@class,'ad')]\n")
	in := []byte(page(`<h1> T </h1><div class="story"><p>x</p><div class="ad">a</div></div>`))
	done := make(chan *Applied)
	for range 8 {
		go func() {
			a, err := site.Apply(in, nil)
			if err != nil {
				t.Error(err)
			}
			done <- a
		}()
	}
	for range 8 {
		a := <-done
		if a == nil || a.Selector != BodySelector || a.Title != "T" || bytes.Contains(a.HTML, []byte(`class="ad"`)) {
			t.Errorf("concurrent Apply = %+v", a)
		}
	}
}
