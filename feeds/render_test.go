package feeds_test

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/refeed/refeed/feeds"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// formats lists the renderers with their golden-file extension.
var formats = []struct {
	ext    string
	render func(io.Writer, feeds.Feed) error
}{
	{feeds.ExtRSS, feeds.RenderRSS},
	{feeds.ExtAtom, feeds.RenderAtom},
	{feeds.ExtJSON, feeds.RenderJSON},
}

func render(t *testing.T, fn func(io.Writer, feeds.Feed) error, f feeds.Feed) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := fn(&b, f); err != nil {
		t.Fatalf("render: %v", err)
	}
	return b.Bytes()
}

func TestRenderGolden(t *testing.T) {
	for _, fm := range formats {
		t.Run(fm.ext, func(t *testing.T) {
			got := render(t, fm.render, sampleFeed())
			path := filepath.Join("testdata", "golden", "sample"+fm.ext)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("read golden (run go test -update to create it): %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s (run go test -update after checking the diff):\n%s", path, got)
			}
		})
	}
}

// TestRenderReparse checks that every format re-parses with gofeed to the
// same items: ids, titles, links, dates and content.
func TestRenderReparse(t *testing.T) {
	f := sampleFeed()
	for _, fm := range formats {
		t.Run(fm.ext, func(t *testing.T) {
			gf, err := gofeed.NewParser().Parse(bytes.NewReader(render(t, fm.render, f)))
			if err != nil {
				t.Fatalf("gofeed cannot parse our output: %v", err)
			}
			if len(gf.Items) != len(f.Items) {
				t.Fatalf("items = %d, want %d", len(gf.Items), len(f.Items))
			}
			for i, want := range f.Items {
				checkReparsedItem(t, fm.ext, gf.Items[i], want)
			}
		})
	}
}

func checkReparsedItem(t *testing.T, ext string, got *gofeed.Item, want feeds.Item) {
	t.Helper()
	if got.GUID != want.ID {
		t.Errorf("id = %q, want %q", got.GUID, want.ID)
	}
	if want.Title != "" && got.Title != want.Title {
		t.Errorf("title = %q, want %q", got.Title, want.Title)
	}
	if got.Link != want.URL {
		t.Errorf("link = %q, want %q", got.Link, want.URL)
	}
	wantDate := feeds.ItemDate(want).Truncate(time.Second)
	if got.PublishedParsed == nil || !got.PublishedParsed.Equal(wantDate) {
		t.Errorf("%q: published = %v, want %v", want.Title, got.PublishedParsed, wantDate)
	}
	if !slices.Equal(got.Categories, want.Categories) {
		t.Errorf("%q: categories = %q, want %q", want.Title, got.Categories, want.Categories)
	}
	if len(want.Authors) > 0 && (len(got.Authors) == 0 || got.Authors[0].Name != want.Authors[0]) {
		t.Errorf("%q: authors = %v, want %q", want.Title, got.Authors, want.Authors)
	}
	if !want.Updated.IsZero() && ext != feeds.ExtRSS { // RSS 2.0 has no item update date
		if got.UpdatedParsed == nil || !got.UpdatedParsed.Equal(want.Updated) {
			t.Errorf("%q: updated = %v, want %v", want.Title, got.UpdatedParsed, want.Updated)
		}
	}
	if want.Content != "" {
		// No format carries control characters (XML cannot, and in JSON
		// they only do harm).
		body := strings.ReplaceAll(want.Content, "\x01", "")
		if !strings.Contains(got.Content, body) {
			t.Errorf("content = %q, want it to contain %q", got.Content, body)
		}
		if want.Dir == "rtl" && !strings.HasPrefix(got.Content, `<div dir="rtl" lang="ar">`) {
			t.Errorf("rtl content not wrapped: %q", got.Content)
		}
	}
}

// TestRenderParseRoundTrip feeds our output back through Parse: the IDs it
// computes must equal the ones we published, so a refeed of a refeed
// keeps identities.
func TestRenderParseRoundTrip(t *testing.T) {
	f := sampleFeed()
	for _, fm := range formats {
		t.Run(fm.ext, func(t *testing.T) {
			p, err := feeds.Parse(render(t, fm.render, f), "https://news.example.org/feeds/iraq"+fm.ext)
			if err != nil {
				t.Fatal(err)
			}
			for i, it := range p.Items {
				if it.ID != f.Items[i].ID {
					t.Errorf("item %d: id %q, want %q", i, it.ID, f.Items[i].ID)
				}
				if f.Items[i].Dir == "rtl" && it.Dir != "rtl" {
					t.Errorf("item %d: dir %q, want rtl", i, it.Dir)
				}
				// RSS carries a differing item language as dc:language.
				if fm.ext == feeds.ExtRSS && it.Lang != f.Items[i].Lang {
					t.Errorf("item %d: lang %q, want %q", i, it.Lang, f.Items[i].Lang)
				}
			}
		})
	}
}

// TestRenderStable checks the feed-level date derives from the items: the
// same items render to the same bytes at any wall-clock time, and a
// changed item changes the output.
func TestRenderStable(t *testing.T) {
	for _, fm := range formats {
		t.Run(fm.ext, func(t *testing.T) {
			a := render(t, fm.render, sampleFeed())
			b := render(t, fm.render, sampleFeed())
			if !bytes.Equal(a, b) {
				t.Fatal("same items rendered to different bytes")
			}
			f := sampleFeed()
			f.Items[1].Updated = day(28, 1)
			if bytes.Equal(a, render(t, fm.render, f)) {
				t.Fatal("an updated item did not change the output")
			}
		})
	}
}

func TestRenderEmptyFeed(t *testing.T) {
	f := feeds.Feed{Name: "empty", Title: "Nothing yet"}
	for _, fm := range formats {
		t.Run(fm.ext, func(t *testing.T) {
			gf, err := gofeed.NewParser().Parse(bytes.NewReader(render(t, fm.render, f)))
			if err != nil {
				t.Fatalf("empty feed does not parse: %v", err)
			}
			if gf.Title != "Nothing yet" || len(gf.Items) != 0 {
				t.Errorf("title %q, %d items", gf.Title, len(gf.Items))
			}
		})
	}
}

func TestRenderRSSDetails(t *testing.T) {
	out := string(render(t, feeds.RenderRSS, sampleFeed()))
	for _, want := range []string{
		`<atom:link href="https://news.example.org/feeds/iraq.xml" rel="self" type="application/rss+xml">`,
		`<guid isPermaLink="false">urn:refeed:`,
		`<dc:creator>Jane Doe</dc:creator>`,
		`<category>سياسة</category>`,
		`<enclosure url="https://example.com/ep7.mp3" length="12345" type="audio/mpeg">`,
		`<language>ar</language>`,
		`<dc:language>en</dc:language>`,
		`<lastBuildDate>Fri, 27 Nov 2026 10:00:00 +0000</lastBuildDate>`,
		`<media:thumbnail url="https://www.alsumaria.tv/images/1.jpg">`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("RSS lacks %s", want)
		}
	}
}

func TestRenderAtomDetails(t *testing.T) {
	out := string(render(t, feeds.RenderAtom, sampleFeed()))
	for _, want := range []string{
		`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="ar">`,
		`<link href="https://news.example.org/feeds/iraq.atom" rel="self" type="application/atom+xml">`,
		`<link href="https://news.example.org/" rel="alternate" type="text/html">`,
		`<entry xml:lang="en">`,
		`<content type="html">&lt;div dir=&#34;rtl&#34; lang=&#34;ar&#34;&gt;`,
		`<updated>2026-11-27T10:00:00Z</updated>`,
		`<name>Jane Doe</name>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("Atom lacks %s", want)
		}
	}
}

func TestRenderJSONDetails(t *testing.T) {
	out := string(render(t, feeds.RenderJSON, sampleFeed()))
	for _, want := range []string{
		`"version": "https://jsonfeed.org/version/1.1"`,
		`"feed_url": "https://news.example.org/feeds/iraq.json"`,
		`"home_page_url": "https://news.example.org/"`,
		`"icon": "https://news.example.org/icon.png"`,
		`"language": "en"`,
		`"content_html": "<div dir=\"rtl\" lang=\"ar\">`,
		`"content_text": "صوت مجلس`,
		`"date_modified": "2026-11-26T12:00:00Z"`,
		`"authors": [`,
		`"content_html": "<div dir=\"ltr\" lang=\"en\"><p>Show notes`, // LTR item in an RTL feed
	} {
		if !strings.Contains(out, want) {
			t.Errorf("JSON lacks %s", want)
		}
	}
}

// TestRenderUnknownLanguage checks that an item of undeclared language
// whose script runs against the feed's declared language is labelled
// unknown (lang="", xml:lang="") in every format instead of inheriting the
// feed's language, while one whose direction agrees takes the feed's.
func TestRenderUnknownLanguage(t *testing.T) {
	f := feeds.Feed{Name: "mixed", Title: "Mixed", Language: "en", Items: []feeds.Item{
		{ID: "urn:refeed:1", Title: "عنوان الخبر", Content: "<p>نص الخبر</p>", Text: "نص الخبر", Dir: "rtl"},
		{ID: "urn:refeed:2", Title: "Headline", Content: "<p>Story</p>", Text: "Story", Dir: "ltr"},
	}}
	want := map[string][]string{
		feeds.ExtRSS:  {`<![CDATA[<div dir="rtl" lang=""><p>نص الخبر</p></div>]]>`, `<![CDATA[<p>Story</p>]]>`},
		feeds.ExtAtom: {`<entry xml:lang="">`, `&lt;div dir=&#34;rtl&#34; lang=&#34;&#34;&gt;&lt;p&gt;نص الخبر`},
		feeds.ExtJSON: {`"content_html": "<div dir=\"rtl\" lang=\"\"><p>نص الخبر</p></div>"`, `"content_html": "<p>Story</p>"`},
	}
	for _, fm := range formats {
		out := string(render(t, fm.render, f))
		for _, w := range want[fm.ext] {
			if !strings.Contains(out, w) {
				t.Errorf("%s lacks %s:\n%s", fm.ext, w, out)
			}
		}
	}
	ar := feeds.Feed{Name: "ar", Title: "عربي", Language: "ar", Items: f.Items[:1]}
	if out := string(render(t, feeds.RenderRSS, ar)); !strings.Contains(out, `<div dir="rtl" lang="ar">`) {
		t.Errorf("an RTL item in an Arabic feed should take the feed's language:\n%s", out)
	}
}

// FuzzRender feeds arbitrary strings into every field a source controls
// and checks that all three outputs stay well-formed: gofeed parses them
// back with the item's id.
func FuzzRender(f *testing.F) {
	f.Add("Tom & Jerry ]]> <b>", "<p>x\x01y</p>]]>", "سياسة", "ar", "\xff\xfe")
	f.Add("", "", "", "", "")
	f.Fuzz(func(t *testing.T, title, content, category, lang, author string) {
		it := newItem("s", "https://example.com/a", title)
		it.Content, it.Text, it.Lang = content, content, lang
		it.Categories, it.Authors = []string{category}, []string{author}
		it.FirstSeen = day(1, 1)
		feed := feeds.Feed{Name: "f", Title: title, Language: lang, Items: []feeds.Item{it}}
		for _, fm := range formats {
			out := render(t, fm.render, feed)
			gf, err := gofeed.NewParser().Parse(bytes.NewReader(out))
			if err != nil {
				t.Fatalf("%s output does not parse: %v\n%s", fm.ext, err, out)
			}
			if len(gf.Items) != 1 || gf.Items[0].GUID != it.ID {
				t.Fatalf("%s: items %d, want the one item back", fm.ext, len(gf.Items))
			}
		}
	})
}
