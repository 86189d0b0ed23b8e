package extract

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// TestExtractNodeTakesTheBodyGiven checks Options.Body, how site rules
// hand the article's element to the extractor: that element is the
// article, even where the heuristics would pick the longer block; a node
// of another document is refused.
func TestExtractNodeTakesTheBodyGiven(t *testing.T) {
	long := strings.Repeat("<p>Comment text that goes on and on, as comment threads do, longer than the article itself.</p>", 12)
	doc := `<html><head><title>Story</title></head><body><div id="story"><p>The short story the site rule picked, a brief of a few lines only.</p></div><div id="comments">` + long + `</div></body></html>`
	root, err := html.Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	story := findByID(root, "story")
	page, _ := url.Parse("https://example.org/a/1")
	art, err := ExtractNode(root, page, Options{Body: story})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(art.Text, "short story the site rule picked") || strings.Contains(art.Text, "Comment text") {
		t.Errorf("article text %.120q, want the story only", art.Text)
	}

	other, _ := html.Parse(strings.NewReader(doc))
	if _, err := ExtractNode(other, page, Options{Body: story}); err == nil {
		t.Error("a Body from another document was accepted")
	}
}

// TestParseDate checks the exported date reader site rules' dates go
// through, zone included.
func TestParseDateExported(t *testing.T) {
	baghdad, err := time.LoadLocation("Asia/Baghdad")
	if err != nil {
		t.Fatal(err)
	}
	got, ok := ParseDate("2024-09-28 10:15", baghdad)
	if want := time.Date(2024, 9, 28, 7, 15, 0, 0, time.UTC); !ok || !got.Equal(want) {
		t.Errorf("ParseDate = %v, %v; want %v", got, ok, want)
	}
	if _, ok := ParseDate("yesterday-ish", nil); ok {
		t.Error("ParseDate read a date from no date")
	}
}

func findByID(n *html.Node, id string) *html.Node {
	if n.Type == html.ElementNode {
		for _, a := range n.Attr {
			if a.Key == "id" && a.Val == id {
				return n
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findByID(c, id); f != nil {
			return f
		}
	}
	return nil
}
