package server

import (
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestIndexParsesAndEveryLinkResolves reads the index as a browser would:
// it must tokenize without error, hold one element per id, and every link
// on it to the site itself (feeds, OPML, health, metrics) must answer 200
// from the same handler. Links to the sources' sites must be absolute
// http(s) URLs.
func TestIndexParsesAndEveryLinkResolves(t *testing.T) {
	s, dir := newTestServer(t, func(o *Options) {
		o.Metrics = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok\n") })
	})
	for _, ext := range []string{".xml", ".atom", ".json"} { // "tech" is built too
		body := map[string]string{".xml": rssBody, ".atom": atomBody, ".json": jsonBody}[ext]
		writeFeedFile(t, filepath.Join(dir, "tech"+ext), body, modTime)
	}
	rec := do(t, s, "GET", "/", nil)
	page := rec.Body.String()
	base, _ := url.Parse("http://example.com/")

	ids := map[string]bool{}
	var links []string
	z := html.NewTokenizer(strings.NewReader(page))
	depth := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				t.Fatalf("index does not tokenize: %v", z.Err())
			}
			break
		}
		tok := z.Token()
		switch tt {
		case html.StartTagToken:
			if !voidElement(tok.Data) {
				depth++
			}
		case html.EndTagToken:
			depth--
		}
		for _, a := range tok.Attr {
			switch {
			case a.Key == "id":
				if ids[a.Val] {
					t.Errorf("id %q appears twice", a.Val)
				}
				ids[a.Val] = true
			case a.Key == "href" || a.Key == "src":
				links = append(links, a.Val)
			}
		}
	}
	if depth != 0 {
		t.Errorf("index leaves %d elements open (or closes too many)", depth)
	}
	if len(links) < 10 {
		t.Fatalf("only %d links on the index: %q", len(links), links)
	}
	for _, link := range links {
		u, err := base.Parse(link)
		if err != nil {
			t.Errorf("link %q does not parse: %v", link, err)
			continue
		}
		if u.Host != base.Host {
			if u.Scheme != "http" && u.Scheme != "https" {
				t.Errorf("external link %q is not http(s)", link)
			}
			continue
		}
		if got := do(t, s, "GET", u.RequestURI(), nil).Code; got != http.StatusOK {
			t.Errorf("link %q answers %d", link, got)
		}
	}
	// The copyable URL of each built feed resolves too.
	for _, name := range []string{"iraq", "tech"} {
		want := `value="http://example.com/` + name + `.xml"`
		if !strings.Contains(page, want) {
			t.Errorf("index lacks the copyable URL %s", want)
		}
	}
}

// voidElement reports the HTML elements that have no end tag.
func voidElement(name string) bool {
	switch name {
	case "meta", "link", "input", "br", "img", "hr", "rect", "source", "wbr", "col", "area", "base", "embed", "track":
		return true
	}
	return false
}
