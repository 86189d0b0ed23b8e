package listing_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/refeed/refeed/feeds"
	"github.com/refeed/refeed/listing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// fixtures are the hand-made listing pages of testdata, each with the URL
// it stands for and links that must not come out.
var fixtures = []struct {
	name    string
	pageURL string
	cp1256  bool     // stored as windows-1256, as the site serves it
	absent  []string // substrings of URLs that are chrome, not articles
}{
	{
		name:    "modern_home",
		pageURL: "https://www.iraqtoday.example/",
		absent: []string{
			"/section/", "/login", "facebook.com", "/news/100230/", // header and nav
			"/news/99001/", "/news/99002/", // "most read" box
			"othernews.example", ".pdf", "/news/100244/", // other site, a file, a short title
			"page=2", "/opinion/", "/about", "/contact", "/privacy", // pagination, sidebar, footer
		},
	},
	{
		name:    "buratha_table",
		pageURL: "http://www.buratha.example/",
		cp1256:  true,
		absent: []string{
			"cat=", "contact.php", "aid=", "print.php", "id=145685", "id=140001", "facebook.com", "show=privacy",
		},
	},
	{
		name:    "arabic_slugs",
		pageURL: "https://shafaq.example/ar/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9",
		absent: []string{
			"%D8%A7%D9%84%D8%A7%D9%86%D8%AA%D8%AE%D8%A7%D8%A8%D8%A7%D8%AA", // the menu's elections file
			"page=2", "/12", // load more, a video with a short id
			"%D9%85%D9%86-%D9%86%D8%AD%D9%86", "%D8%A7%D9%84%D8%AE%D8%B5%D9%88%D8%B5%D9%8A%D8%A9", // footer
		},
	},
	{
		name:    "wordpress_category",
		pageURL: "https://rafidain.example/category/politics/",
		absent: []string{
			"/category/", "/tag/", "/author/", "/page/2/", "#", "sports-league-final", "wordpress.org",
			"/2025/03/01/", // the report linked from the menu
		},
	},
}

func TestFind_Fixtures(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			links, err := listing.Find(open(t, fx.name, fx.cp1256), mustURL(t, fx.pageURL), nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range links {
				for _, bad := range fx.absent {
					if strings.Contains(l.URL, bad) {
						t.Errorf("chrome link %s (%q) found; want nothing matching %q", l.URL, l.Title, bad)
					}
				}
			}
			golden(t, filepath.Join("testdata", fx.name+".golden.json"), links)
		})
	}
}

func TestFind_NoLinks(t *testing.T) {
	tests := []struct {
		name string
		page string
	}{
		{"only navigation", readFile(t, "nav_only.html")},
		{"empty document", ""},
		{"not HTML", "\x00\x01 just some bytes"},
		{"links to other sites only", `<main><a href="https://elsewhere.example/news/12345/a-long-story-title">خبر طويل من موقع آخر تماماً</a></main>`},
		{"short titles only", `<main><a href="/news/12345/x">عاجل</a><a href="/news/12346/y">تقرير مصور</a></main>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			links, err := listing.Find(strings.NewReader(tt.page), mustURL(t, "https://www.iraqtoday.example/sections"), nil, 0)
			if !errors.Is(err, listing.ErrNoLinks) {
				t.Fatalf("Find = %v, %v; want ErrNoLinks", links, err)
			}
			if !strings.HasPrefix(err.Error(), "listing: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
		})
	}
}

func TestFind_Max(t *testing.T) {
	page := readFile(t, "modern_home.html")
	all, err := listing.Find(strings.NewReader(page), mustURL(t, "https://www.iraqtoday.example/"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	two, err := listing.Find(strings.NewReader(page), mustURL(t, "https://www.iraqtoday.example/"), nil, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) <= 2 || len(two) != 2 || two[0] != all[0] || two[1] != all[1] {
		t.Errorf("max 2 gave %d links %v; want the first 2 of %d", len(two), two, len(all))
	}
}

func TestItems(t *testing.T) {
	page := mustURL(t, "https://www.iraqtoday.example/")
	links, err := listing.Find(open(t, "modern_home", false), page, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	items, err := listing.Items(open(t, "modern_home", false), page, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != len(links) {
		t.Fatalf("%d items for %d links", len(items), len(links))
	}
	ids := map[string]bool{}
	for i, it := range items {
		l := links[i]
		if it.URL != l.URL || it.Title != l.Title || it.Image != l.Image || !it.Published.Equal(l.Published) {
			t.Errorf("item %d = %+v, does not match link %+v", i, it, l)
		}
		if want := feeds.ItemID(l.URL, "", l.Title, page.String()); it.ID != want {
			t.Errorf("item %d ID = %q, want %q", i, it.ID, want)
		}
		hash := it.ContentHash
		it.ContentHash = ""
		if hash == "" || hash != feeds.ContentHash(it) {
			t.Errorf("item %d ContentHash = %q, want feeds.ContentHash %q", i, hash, feeds.ContentHash(it))
		}
		if ids[it.ID] {
			t.Errorf("item %d repeats ID %q", i, it.ID)
		}
		ids[it.ID] = true
		if it.Source != "" || !it.FirstSeen.IsZero() {
			t.Errorf("item %d sets Source or FirstSeen, which are the caller's", i)
		}
	}
}

func TestFind_NilPageURL(t *testing.T) {
	if _, err := listing.Find(strings.NewReader("<a href=/x>x</a>"), nil, nil, 0); err == nil {
		t.Error("Find with a nil page URL succeeded")
	}
}

// open returns the fixture name.html decoded to UTF-8, as package fetch
// hands pages over.
func open(t testing.TB, name string, cp1256 bool) io.Reader {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name+".html"))
	if err != nil {
		t.Fatal(err)
	}
	if !cp1256 {
		return bytes.NewReader(b)
	}
	utf8, err := charmap.Windows1256.NewDecoder().Bytes(b)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.NewReader(utf8)
}

func readFile(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mustURL(t testing.TB, raw string) *url.URL {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// golden compares links with the JSON in path, or rewrites path with -update.
func golden(t *testing.T, path string, links []listing.Link) {
	t.Helper()
	got, err := json.MarshalIndent(links, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("links differ from %s:\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}
