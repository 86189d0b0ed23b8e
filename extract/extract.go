package extract

import (
	"io"
	"net/url"

	"github.com/PuerkitoBio/goquery"
)

// Rule is a per-site extraction rule from sources.yaml: when Body is set it
// decides where the article is, and Strip removes elements inside it.
type Rule struct {
	Body  string   // CSS selector of the article body
	Strip []string // CSS selectors of elements to remove
}

// Extract reads a UTF-8 HTML page and returns its article. pageURL is the
// final URL of the page, used to resolve relative links; rule may be nil.
func Extract(r io.Reader, pageURL *url.URL, rule *Rule) (*Article, error) {
	doc, err := goquery.NewDocumentFromReader(r)
	if err != nil {
		return nil, err
	}
	meta := readMetadata(doc, pageURL)
	text := doc.Find("body").Text()
	if text == "" {
		return nil, ErrNoArticle
	}
	return &Article{URL: pageURL.String(), Title: meta.Title, Lang: meta.Lang, Dir: meta.Dir, Text: text}, nil
}
