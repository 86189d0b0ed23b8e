package extract_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/refeed/refeed/extract"
	"github.com/refeed/refeed/internal/clean"
)

// TestHostilePageIsCapped: a URL over clean.MaxURLLength in a link, an
// image, a srcset or og:image is dropped from the article, and control
// characters leave none of its text.
func TestHostilePageIsCapped(t *testing.T) {
	huge := "https://evil.example/" + strings.Repeat("a", 1<<20)
	para := "<p>A paragraph of the story, long enough to read as prose, with a clause, and another one here.</p>"
	page := `<html><head><title>Head&#x1b;[31mline</title><meta property="og:image" content="` + huge + `"></head><body><article><h1>Head` + "\x1b" + `[31mline</h1>` +
		para + `<p>Bell` + "\x07" + ` and <a href="` + huge + `">a huge link</a> and <a href="/ok">a fine one</a>.</p>` +
		`<img src="` + huge + `" srcset="` + huge + ` 2x" alt="x">` + para + para + `</article></body></html>`
	base, _ := url.Parse("https://news.example/a")
	art, err := extract.Extract(strings.NewReader(page), base, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(art.HTML) > clean.MaxURLLength || art.Image != "" {
		t.Errorf("html %d bytes, image %d bytes: a huge URL was kept", len(art.HTML), len(art.Image))
	}
	if !strings.Contains(art.HTML, `href="https://news.example/ok"`) || !strings.Contains(art.Text, "a huge link") {
		t.Errorf("the fine link and the text must stay: %q", art.HTML)
	}
	for name, s := range map[string]string{"title": art.Title, "text": art.Text, "html": art.HTML} {
		if strings.ContainsAny(s, "\x1b\x07\x00") {
			t.Errorf("%s keeps a control character: %q", name, s)
		}
	}
}
