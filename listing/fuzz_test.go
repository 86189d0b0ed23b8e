package listing_test

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/refeed/refeed/listing"
)

// FuzzItems checks that no page makes Items panic, that it fails only
// with ErrNoLinks, and that what it returns holds: at most max items,
// each with an absolute http(s) URL, a title and an ID, no URL twice.
func FuzzItems(f *testing.F) {
	for _, name := range []string{"modern_home.html", "wordpress_category.html", "nav_only.html"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b), false)
	}
	f.Add(`<main><a href="/news/12345/a"><img data-src="//cdn.x/i.jpg"><h3>خبر عاجل من بغداد اليوم</h3></a></main>`, true)
	f.Add(`<base href="::"><a href="index.php?id=12345">عنوان خبر طويل بما يكفي هنا</a>`, false)
	f.Add(`<table><tr><td class="title">الأكثر قراءة</td></tr><tr><td><a href="?id=1">`, false)
	f.Add(`<a href="/2025/03/10/x"><time datetime="2025-13-45T99:00">x</time>one two three four</a>`, true)
	f.Add("<a href=\"http://[::1]:80/news/12345/x\">a b c d</a><a href='\x00'>", false)
	rule, err := listing.CompileRule("article, li, a", "h3, .title")
	if err != nil {
		f.Fatal(err)
	}
	page, _ := url.Parse("https://www.iraqtoday.example/")
	const max = 20
	f.Fuzz(func(t *testing.T, html string, withRule bool) {
		r := (*listing.Rule)(nil)
		if withRule {
			r = rule
		}
		items, err := listing.Items(strings.NewReader(html), page, r, max)
		if err != nil {
			if !errors.Is(err, listing.ErrNoLinks) {
				t.Fatalf("error %v is not ErrNoLinks", err)
			}
			return
		}
		if len(items) == 0 || len(items) > max {
			t.Fatalf("%d items, want 1 to %d", len(items), max)
		}
		seen := map[string]bool{}
		for _, it := range items {
			u, err := url.Parse(it.URL)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				t.Fatalf("item URL %q is not absolute http(s)", it.URL)
			}
			if strings.TrimSpace(it.Title) == "" || it.ID == "" || it.ContentHash == "" {
				t.Fatalf("item without title, ID or hash: %+v", it)
			}
			if seen[it.URL] {
				t.Fatalf("URL %q twice", it.URL)
			}
			seen[it.URL] = true
		}
	})
}
