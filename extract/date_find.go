package extract

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"time"

	htmldate "github.com/markusmobius/go-htmldate"
	"github.com/refeed/refeed/internal/textkit"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// publishedKeys and modifiedKeys are the meta keys that carry the dates,
// most trusted first.
var (
	publishedKeys = []string{
		"article:published_time", "og:article:published_time", "og:published_time", "article:published",
		"datepublished", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
		"dc:date", "dc.date", "dcterms.date", "dcterms.created", "dc.date.created", "citation_publication_date",
		"citation_date", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
		"article.published", "originalpublicationdate", "date", "datecreated", "weibo:article:create_at",
	}
	modifiedKeys = []string{
		"article:modified_time", "og:article:modified_time", "og:updated_time", "article:modified",
		"datemodified", "dcterms.modified", "dc.date.modified", "lastmod", "last-modified", "article.updated",
	}
)

// urlDate matches a date in a URL path: /2020/08/24/, /2020-8-24-slug,
// or eight digits /20200824/ (not a longer number: that is an id).
var urlDate = regexp.MustCompile(`/((?:19|20)\d{2})(?:[/\-_](\d{1,2})[/\-_](\d{1,2})|(\d{2})(\d{2}))(?:[/\-_.]|$)`)

// pickDates returns when the article was published and last modified:
// from JSON-LD, then meta tags, then datePublished/<time> markup, then
// the URL, then a date written after the headline, then go-htmldate's
// search of the whole page (see searchDate). Zero means unknown.
// Dates written without a zone are read as times in loc.
func pickDates(idx *pageIndex, tags metaTags, ld ldArticle, pageURL *url.URL, loc *time.Location) (published, modified time.Time) {
	modified = firstDate(append([]string{ld.Modified}, tags.values(modifiedKeys)...), loc)
	published = firstDate(append([]string{ld.Published}, tags.values(publishedKeys)...), loc)
	if published.IsZero() {
		published = parselyDate(tags["parsely-page"], loc)
	}
	if !published.IsZero() || idx.bodyOrRoot() == nil {
		return published, modified
	}
	marks := scanDateMarkup(idx.bodyOrRoot(), idx.h1 != nil)
	if modified.IsZero() {
		modified = firstDate(marks.modified, loc)
	}
	if published = firstDate(marks.published, loc); !published.IsZero() {
		return published, modified
	}
	if published = dateFromURL(pageURL, loc); !published.IsZero() {
		return published, modified
	}
	for _, text := range marks.texts {
		if t, ok := findDateInText(text, true, loc); ok {
			return t, modified
		}
	}
	return searchDate(idx.root, pageURL, modified, loc), modified
}

// searchDate asks go-htmldate's fast search (its selectors for bylines,
// date classes and URLs in the whole page, in many languages) for the
// publication day, as midnight in loc. It runs only when the page's own
// markup, URL and headline area hold no date, so most pages never pay
// for it; its extensive mode costs five times more and guesses the
// copyright year as 1 January too often to be trusted. A day equal to the
// page's modified date is not taken, nor one the search read from an
// update notice or another URL (see publicationSource): a page that only
// says when it was updated does not say when it was published.
func searchDate(root *html.Node, pageURL *url.URL, modified time.Time, loc *time.Location) time.Time {
	if root == nil {
		return time.Time{}
	}
	opts := htmldate.Options{UseOriginalDate: true, SkipExtensiveSearch: true}
	if pageURL != nil {
		opts.URL = pageURL.String()
	}
	r, err := htmldate.FromDocument(root, opts)
	if err != nil || r.IsZero() || !publicationSource(r.SrcString) {
		return time.Time{}
	}
	y, m, d := r.DateTime.Date()
	if !modified.IsZero() {
		if my, mm, md := modified.Date(); my == y && mm == m && md == d {
			return time.Time{}
		}
	}
	t, _ := makeDate(y, int(m), d, 0, 0, 0, loc)
	return t
}

// values returns the contents of the keys the page sets, in key order.
func (t metaTags) values(keys []string) []string {
	var out []string
	for _, k := range keys {
		if v := t[k]; v != "" {
			out = append(out, v)
		}
	}
	return out
}

// firstDate returns the first of the values that parses as a date.
func firstDate(values []string, loc *time.Location) time.Time {
	for _, v := range values {
		if v == "" {
			continue
		}
		if t, ok := parseDate(v, loc); ok {
			return t
		}
	}
	return time.Time{}
}

// parselyDate reads pub_date from the JSON of a parsely-page meta tag.
func parselyDate(raw string, loc *time.Location) time.Time {
	if raw == "" {
		return time.Time{}
	}
	var page struct {
		PubDate string `json:"pub_date"`
	}
	if json.Unmarshal([]byte(raw), &page) != nil {
		return time.Time{}
	}
	return firstDate([]string{page.PubDate}, loc)
}

// dateFromURL reads a date from the path of the page URL, as midnight in
// loc.
func dateFromURL(u *url.URL, loc *time.Location) time.Time {
	if u == nil {
		return time.Time{}
	}
	m := urlDate.FindStringSubmatch(u.Path)
	if m == nil {
		return time.Time{}
	}
	month, day := m[2], m[3]
	if month == "" {
		month, day = m[4], m[5]
	}
	t, _ := makeDate(digitsToInt(m[1]), digitsToInt(month), digitsToInt(day), 0, 0, 0, loc)
	return t
}

// dateMarks are the date candidates found in the body markup, in
// document order.
type dateMarks struct {
	published []string // itemprop=datePublished, <time pubdate>, <time datetime>
	modified  []string // itemprop=dateModified
	texts     []string // short texts with a year, after the first h1
	itemprop  []string // itemprop=datePublished, merged first into published
	timeTags  []string // other <time datetime> after the h1, merged last
}

// maxDateTexts bounds the dated texts collected after the headline.
const maxDateTexts = 40

// scanDateMarkup walks the body once, collecting date candidates. Plain
// <time> elements and dated texts before the first h1 are ignored: Arabic
// news sites print today's date in their header. hasH1 tells whether the
// page has an h1 at all; without one, everything counts.
func scanDateMarkup(body *html.Node, hasH1 bool) dateMarks {
	var m dateMarks
	afterH1 := !hasH1
	walkVisible(body, func(n *html.Node) bool {
		switch n.Type {
		case html.ElementNode:
			afterH1 = afterH1 || n.DataAtom == atom.H1
			m.addElement(n, afterH1)
		case html.TextNode:
			if afterH1 && len(m.texts) < maxDateTexts && len(n.Data) <= 300 && hasYearDigits(n.Data) {
				m.texts = append(m.texts, n.Data)
			}
		}
		return true
	})
	m.published = append(m.itemprop, append(m.published, m.timeTags...)...)
	return m
}

// addElement records the dates an element carries in its markup.
func (m *dateMarks) addElement(n *html.Node, afterH1 bool) {
	value := func() string {
		for _, k := range [...]string{"datetime", "content"} {
			if v := attrOf(n, k); v != "" {
				return v
			}
		}
		text, _ := limitedText(n, 200)
		return text
	}
	switch prop := attrOf(n, "itemprop"); {
	case strings.Contains(prop, "datePublished"):
		m.itemprop = append(m.itemprop, value())
	case strings.Contains(prop, "dateModified"):
		m.modified = append(m.modified, value())
	case n.DataAtom == atom.Time && attrOf(n, "datetime") != "":
		if hasAttrKey(n, "pubdate") || containsASCIIFold(attrOf(n, "class"), "publish") {
			m.published = append(m.published, attrOf(n, "datetime"))
		} else if afterH1 {
			m.timeTags = append(m.timeTags, attrOf(n, "datetime"))
		}
	}
}

// hasAttrKey reports whether n has the attribute, whatever its value.
func hasAttrKey(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// publicationSource reports whether the text a date was read from can
// tell a publication date: not an update notice ("Updated on 09/11/25")
// and not a URL, such as the upload path of an image (the page's own
// URL was read before the search).
func publicationSource(src string) bool {
	if strings.Contains(src, "://") || strings.HasPrefix(src, "/") {
		return false
	}
	return !textkit.IsUpdateNotice(src)
}
