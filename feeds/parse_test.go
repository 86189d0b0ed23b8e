package feeds_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/refeed/refeed/feeds"
	"github.com/refeed/refeed/internal/clean"
)

func mustParse(t *testing.T, file, feedURL string) *feeds.Parsed {
	t.Helper()
	body, err := os.ReadFile(filepath.Join("testdata", "parse", file))
	if err != nil {
		t.Fatal(err)
	}
	p, err := feeds.Parse(body, feedURL)
	if err != nil {
		t.Fatalf("Parse(%s): %v", file, err)
	}
	return p
}

func TestParseRSS2Arabic(t *testing.T) {
	p := mustParse(t, "rss2_arabic.xml", "https://www.alsumaria.tv/feed/rss.xml")
	if p.Title != "السومرية نيوز" || p.Language != "ar-IQ" || p.Image != "https://www.alsumaria.tv/logo.png" || p.Format != "rss" {
		t.Errorf("feed fields: %+v", p)
	}
	if len(p.Items) != 2 {
		t.Fatalf("items = %d, want 2 (the repeated podcast link is dropped)", len(p.Items))
	}
	it := p.Items[0]
	checks := []struct {
		name      string
		got, want any
	}{
		{"title", it.Title, "الحكومة & البرلمان يتفقان"},
		{"url", it.URL, "https://www.alsumaria.tv/news/123/%D8%A7%D9%84%D8%AD%D9%83%D9%88%D9%85%D8%A9"},
		{"guid", it.SourceGUID, "news-123"},
		{"id", it.ID, feeds.ItemID(it.URL, "", "", "")},
		{"summary", it.Summary, "<p>ملخص الخبر</p>"},
		{"authors", it.Authors, []string{"علي حسين", "زينب كاظم"}},
		{"categories", it.Categories, []string{"سياسة", "العراق"}},
		{"image", it.Image, "https://www.alsumaria.tv/thumb/123.jpg"},
		{"lang", it.Lang, "ar-IQ"},
		{"dir", it.Dir, "rtl"},
		{"published", it.Published, time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC)},
		{"text", it.Text, "نص الخبر الكامل."},
		{"hash", it.ContentHash, feeds.ContentHash(it)},
	}
	for _, c := range checks {
		if !equal(c.got, c.want) {
			t.Errorf("%s = %#v, want %#v", c.name, c.got, c.want)
		}
	}
	if !strings.Contains(it.Content, `<a href="https://www.alsumaria.tv/x"`) || strings.Contains(it.Summary, "script") {
		t.Errorf("sanitising: content %q summary %q", it.Content, it.Summary)
	}
	pod := p.Items[1]
	if pod.URL != "https://www.alsumaria.tv/podcast/7" || len(pod.Enclosures) != 1 || pod.Enclosures[0].Length != 98765 {
		t.Errorf("permalink guid / enclosure: %+v", pod)
	}
}

func equal(a, b any) bool {
	switch x := a.(type) {
	case []string:
		return slices.Equal(x, b.([]string))
	case time.Time:
		return x.Equal(b.(time.Time))
	}
	return a == b
}

func TestParseDialects(t *testing.T) {
	tests := []struct {
		file, feedURL            string
		format, title, lang, dir string
		items                    int
		first                    feeds.Item // compared: Title, URL, Published, Updated
	}{
		{"atom10_base.xml", "https://blog.example.com/feed.atom", "atom", "Example Blog", "en", "ltr", 2,
			feeds.Item{Title: "First post", URL: "https://blog.example.com/posts/1",
				Published: time.Date(2026, 11, 26, 7, 0, 0, 0, time.UTC), Updated: time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)}},
		{"jsonfeed11.json", "https://json.example.org/feed.json", "json", "JSON News", "fa", "rtl", 2,
			feeds.Item{Title: "سلام دنیا", URL: "https://json.example.org/a/1",
				Published: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC), Updated: time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC)}},
		{"rss10_rdf.xml", "https://rdf.example.org/rss", "rss", "RDF Site", "", "ltr", 1,
			feeds.Item{Title: "RDF item", URL: "https://rdf.example.org/1", // dc:date is both dates
				Published: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC), Updated: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)}},
		{"rss091.xml", "http://old.example.com/rss", "rss", "Old School", "en-US", "ltr", 1,
			feeds.Item{Title: "Item 0.91", URL: "http://old.example.com/i/1"}},
		{"atom03.xml", "http://a03.example.com/atom", "atom", "Atom 0.3", "", "ltr", 1,
			feeds.Item{Title: "Old Atom entry", URL: "http://a03.example.com/e/1",
				Published: time.Date(2026, 11, 19, 10, 0, 0, 0, time.UTC), Updated: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)}},
		{"illformed_amp.xml", "https://tj.example.com/rss", "rss", "Tom & Jerry News", "", "ltr", 1,
			feeds.Item{Title: "Cats & dogs", URL: "https://tj.example.com/?a=1&b=2"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			p := mustParse(t, tt.file, tt.feedURL)
			if p.Format != tt.format || p.Title != tt.title || p.Language != tt.lang || len(p.Items) != tt.items {
				t.Fatalf("got format %q title %q lang %q items %d", p.Format, p.Title, p.Language, len(p.Items))
			}
			it := p.Items[0]
			if it.Title != tt.first.Title || it.URL != tt.first.URL || it.Dir != tt.dir ||
				!it.Published.Equal(tt.first.Published) || !it.Updated.Equal(tt.first.Updated) {
				t.Errorf("first item: title %q url %q dir %q published %v updated %v",
					it.Title, it.URL, it.Dir, it.Published, it.Updated)
			}
			for _, it := range p.Items {
				if !strings.HasPrefix(it.ID, "urn:refeed:") || it.ContentHash == "" {
					t.Errorf("item %q lacks id or hash", it.Title)
				}
			}
		})
	}
}

func TestParseJSONFeedDetails(t *testing.T) {
	p := mustParse(t, "jsonfeed11.json", "https://json.example.org/feed.json")
	it := p.Items[0]
	if !slices.Equal(it.Authors, []string{"Reza"}) || !slices.Equal(it.Categories, []string{"خبر"}) ||
		it.Image != "https://json.example.org/a/1.png" || len(it.Enclosures) != 1 || it.Enclosures[0].Length != 100 {
		t.Errorf("json item: %+v", it)
	}
	untitled := p.Items[1]
	if untitled.URL != "" || untitled.SourceGUID != "2" || untitled.Text != "No title, no url" {
		t.Errorf("untitled item: %+v", untitled)
	}
	if untitled.ID != feeds.ItemID("", "2", "", "https://json.example.org/feed.json") {
		t.Errorf("fallback id %q not scoped by the feed URL", untitled.ID)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, body string
		notFeed    bool
	}{
		{"empty", "", true},
		{"html page", "<!DOCTYPE html><html><head><title>x</title></head><body>hi</body></html>", true},
		{"plain text", "just some words", true},
		{"truncated rss", `<rss version="2.0"><channel><title>x</title><item><title>`, false},
		{"broken json", `{"version": "https://jsonfeed.org/version/1.1", "items": [`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := feeds.Parse([]byte(tt.body), "https://bad.example.com/feed")
			if err == nil {
				// best effort is allowed for broken documents, never for non-feeds
				if tt.notFeed {
					t.Fatalf("Parse accepted a non-feed: %+v", p)
				}
				return
			}
			if !strings.HasPrefix(err.Error(), "feeds: parse https://bad.example.com/feed: ") {
				t.Errorf("error %q lacks the package prefix and feed URL", err)
			}
			if tt.notFeed && !errors.Is(err, feeds.ErrNotFeed) {
				t.Errorf("error %q does not wrap ErrNotFeed", err)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "parse", "*"))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`<rss><channel><item><link>&&</link></item></channel></rss>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{}]}`))
	f.Add([]byte("<rss>\x00<channel><item><title>a\x1b</title><description><![CDATA[" + strings.Repeat("<div>", 70) + "x]]></description></item></channel></rss>"))
	f.Fuzz(func(t *testing.T, body []byte) {
		p, err := feeds.Parse(body, "https://fuzz.example.com/feed")
		if err != nil {
			return
		}
		for _, it := range p.Items {
			if it.ID == "" {
				t.Fatalf("item without id: %+v", it)
			}
			for name, v := range map[string]string{"title": it.Title, "text": it.Text, "summary": it.Summary, "content": it.Content} {
				if i := strings.IndexFunc(v, clean.IsControl); i >= 0 {
					t.Fatalf("%s keeps a control character at %d: %q", name, i, v)
				}
			}
			if !clean.URLFits(it.URL) || !clean.URLFits(it.Image) {
				t.Fatalf("url or image over the cap")
			}
		}
	})
}

// TestParseConcurrent runs one shared Parser from several goroutines;
// under -race it proves calls share no mutable state.
func TestParseConcurrent(t *testing.T) {
	body, err := os.ReadFile(filepath.Join("testdata", "parse", "rss2_arabic.xml"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := feeds.Parse(body, "https://www.alsumaria.tv/feed/rss.xml")
	if err != nil {
		t.Fatal(err)
	}
	shared := feeds.NewParser()
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			p, err := shared.Parse(body, "https://www.alsumaria.tv/feed/rss.xml")
			if err == nil && p.Items[0].ID != want.Items[0].ID {
				err = errors.New("different id from the same input")
			}
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestParseWrongLanguage covers WordPress-style Arabic feeds that keep the
// CMS default <language>en-US</language>: the items must still come out
// right-to-left and not labelled English.
func TestParseWrongLanguage(t *testing.T) {
	p := mustParse(t, "rss2_wrong_lang.xml", "https://iraq.example/feed/")
	it := p.Items[0]
	if it.Dir != "rtl" || it.Lang != "" {
		t.Errorf("item lang %q dir %q, want no language and rtl", it.Lang, it.Dir)
	}
	if it.URL != "https://iraq.example/?p=101" {
		t.Errorf("url %q", it.URL)
	}
}

// TestParseSharedLink covers feeds whose items all link to one page: the
// URL cannot be their identity, so they stay apart by GUID or title, and
// only a true repeat is dropped.
func TestParseSharedLink(t *testing.T) {
	p := mustParse(t, "rss2_shared_link.xml", "https://broken.example/feed")
	if got := len(p.Items); got != 3 {
		t.Fatalf("items = %d, want 3 (three stories, one repeated)", got)
	}
	ids := map[string]bool{}
	for _, it := range p.Items {
		ids[it.ID] = true
		if it.URL != "https://broken.example/" {
			t.Errorf("url %q", it.URL)
		}
	}
	if len(ids) != 3 {
		t.Errorf("ids not distinct: %v", ids)
	}
	// Alone in a later fetch, a home-page item keeps its ID.
	one := `<rss version="2.0"><channel><title>B</title><link>https://broken.example/</link>` +
		`<item><title>First story</title><link>https://broken.example/</link><guid isPermaLink="false">1001</guid></item></channel></rss>`
	later, err := feeds.Parse([]byte(one), "https://broken.example/feed")
	if err != nil || later.Items[0].ID != p.Items[0].ID {
		t.Errorf("id changed when the item was alone: %v", err)
	}
	sel := feeds.Select(p.Items, feeds.SelectOptions{})
	if len(sel) != 3 {
		t.Errorf("Select folded shared-link stories: %d items", len(sel))
	}
}

// TestParseSharedGUID checks that a GUID a feed gives to several different
// stories (its home page, a constant) neither folds them into one item in
// Parse (items without links) nor in Select (items with links), while a
// GUID used once stays the item's SourceGUID.
func TestParseSharedGUID(t *testing.T) {
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><link>https://e.com/</link>
<item><title>one</title><link>https://e.com/a/1</link><guid>https://e.com/</guid></item>
<item><title>two</title><link>https://e.com/a/2</link><guid>https://e.com/</guid></item>
<item><title>first brief</title><guid isPermaLink="false">0</guid></item>
<item><title>second brief</title><guid isPermaLink="false">0</guid></item>
<item><title>own</title><link>https://e.com/a/3</link><guid isPermaLink="false">post-3</guid></item>
</channel></rss>`
	p, err := feeds.Parse([]byte(feed), "https://e.com/rss")
	if err != nil {
		t.Fatal(err)
	}
	var guids []string
	for i := range p.Items {
		p.Items[i].Source = "s"
		guids = append(guids, p.Items[i].SourceGUID)
	}
	if want := []string{"", "", "", "", "post-3"}; !slices.Equal(guids, want) {
		t.Errorf("SourceGUIDs = %q, want %q", guids, want)
	}
	if got := len(feeds.Select(p.Items, feeds.SelectOptions{})); got != 5 {
		t.Errorf("Select kept %d of 5 stories", got)
	}
}

// TestParseGUIDOfOneLink checks that two versions of one article (one
// link, one GUID, an edited title) stay one item with its GUID.
func TestParseGUIDOfOneLink(t *testing.T) {
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><link>https://e.com/</link>
<item><title>Old headline</title><link>https://e.com/a/1</link><guid isPermaLink="false">post-1</guid></item>
<item><title>New headline</title><link>https://e.com/a/1</link><guid isPermaLink="false">post-1</guid></item>
</channel></rss>`
	p, err := feeds.Parse([]byte(feed), "https://e.com/rss")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 1 || p.Items[0].SourceGUID != "post-1" || p.Items[0].ID != feeds.ItemID("https://e.com/a/1", "", "", "") {
		t.Errorf("items = %+v, want one item with GUID post-1 and the link's ID", p.Items)
	}
}

// TestParseEncodedTwice checks that a feed whose text a server encoded in
// UTF-8 twice over ("doesnâ€™t", an em dash as "â" and two C1 controls)
// is read back as written, in English and Arabic, before the controls
// are dropped.
func TestParseEncodedTwice(t *testing.T) {
	for _, tc := range []struct{ name, title, summary string }{
		{"English", "Café owners say the canal’s closure “hurts”", "The café hasn’t had a delivery in three weeks — its owner says."},
		{"Arabic", "أصحاب المقاهي يقولون إن إغلاق الجسر «يؤذيهم»", "لم يصل إلى المقهى أي شحنة منذ ثلاثة أسابيع."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var twice strings.Builder
			for _, b := range []byte(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>News</title><link>https://example.com/</link>` +
				`<item><title>` + tc.title + `</title><link>https://example.com/a</link><description>` + tc.summary + `</description></item></channel></rss>`) {
				twice.WriteRune(rune(b)) // each byte read as Latin-1, then written in UTF-8
			}
			p, err := feeds.Parse([]byte(twice.String()), "https://example.com/feed")
			if err != nil {
				t.Fatal(err)
			}
			if it := p.Items[0]; it.Title != tc.title || it.Summary != tc.summary {
				t.Errorf("title %q summary %q, want %q and %q", it.Title, it.Summary, tc.title, tc.summary)
			}
		})
	}
}
