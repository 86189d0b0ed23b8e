package feeds_test

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/refeed/refeed/feeds"
	"github.com/refeed/refeed/internal/clean"
)

// renderAll renders items in every format and returns the outputs.
func renderAll(t *testing.T, items []feeds.Item) map[string]string {
	t.Helper()
	out := map[string]string{}
	f := feeds.Feed{Name: "out", Title: "t", Items: items}
	for _, fm := range formats {
		var b bytes.Buffer
		if err := fm.render(&b, f); err != nil {
			t.Fatalf("%s: %v", fm.ext, err)
		}
		out[fm.ext] = b.String()
	}
	return out
}

func parseOne(t *testing.T, body string) *feeds.Parsed {
	t.Helper()
	p, err := feeds.Parse([]byte(body), "https://news.example/feed")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) == 0 {
		t.Fatal("no items")
	}
	return p
}

// TestHugeURLsAreDropped: a URL over clean.MaxURLLength in an href, src,
// srcset, enclosure, thumbnail or the item's link is not republished; one
// just under the cap is.
func TestHugeURLsAreDropped(t *testing.T) {
	huge := "https://evil.example/" + strings.Repeat("a", 1<<20)
	fits := "https://news.example/" + strings.Repeat("%D8%A7", (clean.MaxURLLength-30)/6)
	body := fmt.Sprintf(`<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>t</title>
<item><title>Huge</title><link>%[1]s</link><guid>g1</guid>
<description><![CDATA[<p>Text stays. <a href="%[1]s">link</a> <img src="%[1]s" srcset="%[1]s 2x"> <a href="%[2]s">ok</a></p>]]></description>
<enclosure url="%[1]s" type="audio/mpeg" length="1"/><media:thumbnail url="%[1]s"/></item>
</channel></rss>`, huge, fits)
	p := parseOne(t, body)
	it := p.Items[0]
	if it.URL != "" || it.Image != "" || len(it.Enclosures) != 0 {
		t.Errorf("url %d bytes, image %d bytes, %d enclosures; want none", len(it.URL), len(it.Image), len(it.Enclosures))
	}
	if !strings.Contains(it.Summary, fits) || !strings.Contains(it.Text, "Text stays.") {
		t.Errorf("the URL under the cap and the text must stay: %.300q", it.Summary)
	}
	for ext, out := range renderAll(t, p.Items) {
		if len(out) > 3*clean.MaxURLLength {
			t.Errorf("%s: %d bytes for one item; a huge URL was republished", ext, len(out))
		}
	}
	// Items stored before the cap existed are capped on output too.
	old := feeds.Item{ID: "x", Title: "old", URL: huge, Image: huge, Enclosures: []feeds.Enclosure{{URL: huge}}, FirstSeen: time.Now()}
	for ext, out := range renderAll(t, []feeds.Item{old}) {
		if len(out) > clean.MaxURLLength {
			t.Errorf("%s: a stored huge URL was republished (%d bytes)", ext, len(out))
		}
	}
}

// TestImplausibleDatesAreAbsent: a date before 1995 or beyond tomorrow is
// treated as absent; one a few hours ahead is capped at now.
func TestImplausibleDatesAreAbsent(t *testing.T) {
	body := `<rss version="2.0"><channel><title>t</title>
<item><title>Zero</title><link>https://news.example/0</link><pubDate>Sat, 01 Jan 0000 00:00:00 GMT</pubDate></item>
<item><title>Epoch</title><link>https://news.example/1</link><pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate></item>
<item><title>Far</title><link>https://news.example/2</link><pubDate>Sun, 01 Jan 2999 00:00:00 GMT</pubDate></item>
<item><title>Soon</title><link>https://news.example/3</link><pubDate>Tue, 01 Dec 2026 15:00:00 GMT</pubDate></item>
<item><title>Fine</title><link>https://news.example/4</link><pubDate>Tue, 01 Dec 2026 09:00:00 GMT</pubDate></item>
</channel></rss>`
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	merged := feeds.Merge(nil, parseOne(t, body).Items, now)
	want := map[string]time.Time{"Zero": {}, "Epoch": {}, "Far": {}, "Soon": now, "Fine": now.Add(-3 * time.Hour)}
	for _, it := range merged {
		if !it.Published.Equal(want[it.Title]) {
			t.Errorf("%s: published %v, want %v", it.Title, it.Published, want[it.Title])
		}
	}
	// A stored year-0 date is not published either.
	old := feeds.Item{ID: "x", Title: "old", Published: time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC), FirstSeen: now}
	for ext, out := range renderAll(t, []feeds.Item{old}) {
		if strings.Contains(out, "0000-01-01") || strings.Contains(out, "Jan 0000") || !strings.Contains(out, "2026") {
			t.Errorf("%s: the year-0 date was published, or FirstSeen not used:\n%s", ext, out)
		}
	}
}

// TestControlCharactersStripped: NUL and ESC reach no output, JSON Feed
// included, whether the feed wrote them raw or escaped.
func TestControlCharactersStripped(t *testing.T) {
	jsonFeed := `{"version":"https://jsonfeed.org/version/1.1","title":"t\u0000","items":[{"id":"1",` +
		`"url":"https://news.example/a","title":"a\u0000\u001b[31mb","content_html":"<p>x\u001b]0;pwned\u0007y</p>",` +
		`"authors":[{"name":"n\u0000"}],"tags":["t\u001b"]}]}`
	p := parseOne(t, jsonFeed)
	if it := p.Items[0]; it.Title != "a[31mb" || it.Text != "x]0;pwnedy" {
		t.Errorf("parsed title %q, text %q", it.Title, it.Text)
	}
	esc := regexp.MustCompile(`[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\\u00(0[0-8bcef]|1[0-9a-f])`)
	stored := feeds.Item{ID: "x", Title: "stored\x1btitle", Content: "<p>c\x00</p>", Text: "c\x00", Authors: []string{"a\x1b"}, FirstSeen: time.Now()}
	for ext, out := range renderAll(t, append(p.Items, stored)) {
		if m := esc.FindString(out); m != "" {
			t.Errorf("%s carries a control character %q:\n%s", ext, m, out)
		}
	}
}

// TestRawNULInXMLIsRecovered: a raw NUL anywhere in an XML feed, even
// where it hides the feed's type, is dropped and the feed parses.
func TestRawNULInXMLIsRecovered(t *testing.T) {
	for _, body := range []string{
		"<?xml version=\"1.0\" encoding=\"utf-8\"?>\x00\n<rss version=\"2.0\"><channel><title>t</title><item><title>a\x00b</title><link>https://news.example/a</link></item></channel></rss>",
		"<?xml version=\"1.0\"?>\n<rss\x00 version=\"2.0\"><channel><title>t</title><item><title>ab</title><link>https://news.example/a</link></item></channel></rss>",
		"<feed xmlns=\"http://www.w3.org/2005/Atom\">\x00<title>t</title><entry><title>a\x00b</title><id>1</id><link href=\"https://news.example/a\"/></entry></feed>",
	} {
		p, err := feeds.Parse([]byte(body), "https://news.example/feed")
		if err != nil {
			t.Errorf("%q: %v", body[:50], err)
			continue
		}
		if len(p.Items) != 1 || p.Items[0].Title != "ab" {
			t.Errorf("%q: items %+v", body[:50], p.Items)
		}
	}
}

// TestDeepNestingFlattened: 100,000 nested <div> in a feed's HTML are
// not republished as they are; 100 nested ones keep their text under a
// bounded depth.
func TestDeepNestingFlattened(t *testing.T) {
	nest := func(n int, inner string) string {
		return strings.Repeat("<div>", n) + inner + strings.Repeat("</div>", n)
	}
	feed := func(html string) string {
		return `<rss version="2.0"><channel><title>t</title><item><title>Deep</title><link>https://news.example/a</link>` +
			`<description><![CDATA[<p>Lead.</p>` + html + `]]></description></item></channel></rss>`
	}
	p := parseOne(t, feed(nest(100000, "bottom text")))
	if it := p.Items[0]; len(it.Summary) > 1000 || !strings.Contains(it.Text, "bottom text") {
		t.Errorf("100,000 divs: summary %d bytes (%.80q), text %q", len(it.Summary), it.Summary, it.Text)
	}
	for ext, out := range renderAll(t, p.Items) {
		if len(out) > 5000 {
			t.Errorf("%s: %d bytes", ext, len(out))
		}
	}
	p = parseOne(t, feed(nest(100, `<p>deep <a href="/x">link</a></p>`)))
	sum := p.Items[0].Summary
	if d := strings.Count(sum, "<div>"); d > 64 || !strings.Contains(sum, "deep") || !strings.Contains(sum, "Lead.") {
		t.Errorf("100 divs: %d left (want at most 64), summary %q", d, sum)
	}
	if !strings.Contains(sum, `<a href="https://news.example/x">link</a>`) {
		t.Errorf("the link inside must stay and be resolved: %q", sum)
	}
}
