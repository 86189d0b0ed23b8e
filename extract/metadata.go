package extract

import (
	"net/url"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/refeed/refeed/internal/clean"
)

// Metadata is what the page says about itself, outside the article body.
type Metadata struct {
	Title       string    // headline without the site name
	Byline      string    // author names, ", "-separated; no "By", no date
	Published   time.Time // zero when unknown; in Options.Location when the page gives no zone
	Modified    time.Time // zero when unknown
	Lang        string    // canonical BCP 47 tag ("ar", "en-US"), guessed from the script when undeclared
	Dir         string    // "rtl" or "ltr", never empty
	SiteName    string    // og:site_name, JSON-LD publisher or WebSite name
	Image       string    // absolute http(s) URL of the lead image
	Description string    // the page's own summary (og:description, description)
	// ArticleBody is JSON-LD articleBody text when the page carries one;
	// the content finder may use it to cross-check its choice.
	ArticleBody string
}

// readMetadata reads title, byline, dates, language, direction, site name,
// lead image and description from the document (JSON-LD, OpenGraph, meta
// tags, <time>, <html lang dir>). It only reads the document. Dir is
// always "rtl" or "ltr"; Lang is guessed from the script of the text
// ("ar" for Arabic) when the page declares none.
// Dates written without a zone are read as times in loc.
func readMetadata(doc *goquery.Document, pageURL *url.URL, loc *time.Location) Metadata {
	var root *html.Node
	if doc != nil && len(doc.Nodes) > 0 {
		root = doc.Nodes[0]
	}
	return metadataOf(indexPage(root), pageURL, loc)
}

// metadataOf is readMetadata on a document already indexed.
func metadataOf(idx *pageIndex, pageURL *url.URL, loc *time.Location) Metadata {
	tags := collectMeta(idx)
	ld := readJSONLD(idx)
	var m Metadata
	m.SiteName = pickSiteName(tags, ld)
	m.Title = pickTitle(idx, tags, ld, m.SiteName, pageURL)
	m.Byline = pickByline(idx, tags, ld)
	m.Published, m.Modified = pickDates(idx, tags, ld, m.Title, pageURL, loc)
	m.Image = pickImage(idx, tags, ld, pageURL)
	m.Description = pickDescription(tags, ld)
	m.ArticleBody = ld.Body
	sample := m.Title + " " + textSample(idx)
	m.Lang = pageLang(idx, tags, ld)
	m.Dir = pickDir(declaredDir(idx), m.Lang, sample)
	if m.Lang == "" || (m.Dir == "rtl" && !langIsRTL(m.Lang)) {
		// Nothing declared, or a template's lang="en" on a page whose
		// text is Arabic: the script of the text knows better.
		if g := guessLang(sample); g != "" || m.Lang == "" {
			m.Lang = g
		}
	}
	return m
}

// pickSiteName returns og:site_name, the JSON-LD publisher or WebSite
// name, or the application-name meta.
func pickSiteName(tags metaTags, ld ldArticle) string {
	for _, v := range [...]string{tags["og:site_name"], ld.Publisher, ld.WebSite, tags["application-name"], tags["twitter:app:name:iphone"]} {
		if v = collapseSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// pickDescription returns the page's summary of the article.
func pickDescription(tags metaTags, ld ldArticle) string {
	if v := tags.first("og:description", "dc:description", "dc.description", "dcterms.description", "description", "twitter:description"); v != "" {
		return v
	}
	return ld.Description
}

// pickImage returns the lead image as an absolute http(s) URL: og:image,
// twitter:image, JSON-LD image, link rel=image_src, or itemprop=image.
func pickImage(idx *pageIndex, tags metaTags, ld ldArticle, pageURL *url.URL) string {
	candidates := []string{
		tags.first("og:image", "og:image:url", "og:image:secure_url"),
		tags.first("twitter:image", "twitter:image:src"),
		ld.Image,
		idx.imageSrc,
		tags["image"],
		tags["parsely-image-url"],
	}
	base := baseURL(idx.baseHref, pageURL)
	for _, c := range candidates {
		if u := absoluteURL(base, c); u != "" {
			return u
		}
	}
	return ""
}

// baseURL returns the URL relative links resolve against: <base href>
// resolved against the page URL, or the page URL.
func baseURL(href string, pageURL *url.URL) *url.URL {
	href = strings.TrimSpace(href)
	if href == "" {
		return pageURL
	}
	b, err := url.Parse(href)
	if err != nil {
		return pageURL
	}
	if pageURL != nil {
		return pageURL.ResolveReference(b)
	}
	return b
}

// absoluteURL resolves ref against base and keeps it only when the result
// is an http(s) URL of at most clean.MaxURLLength bytes.
func absoluteURL(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || !clean.URLFits(ref) {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	return u.String()
}
