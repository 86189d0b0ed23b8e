package feeds

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	gfeeds "github.com/gorilla/feeds"
)

// rssDoc extends gorilla/feeds' RSS 2.0 model with the dc and atom
// namespaces, a self link, several categories and authors per item, and
// dc:language.
type rssDoc struct {
	XMLName   xml.Name   `xml:"rss"`
	Version   string     `xml:"version,attr"`
	ContentNS string     `xml:"xmlns:content,attr"`
	DCNS      string     `xml:"xmlns:dc,attr"`
	AtomNS    string     `xml:"xmlns:atom,attr"`
	MediaNS   string     `xml:"xmlns:media,attr"`
	Channel   rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string           `xml:"title"`
	Link          string           `xml:"link"`
	Description   string           `xml:"description"`
	SelfLink      *rssAtomLink     `xml:"atom:link"`
	Language      string           `xml:"language,omitempty"`
	Generator     string           `xml:"generator,omitempty"`
	LastBuildDate string           `xml:"lastBuildDate,omitempty"`
	Image         *gfeeds.RssImage `xml:"image"`
	Items         []rssItem        `xml:"item"`
}

type rssAtomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	Title       string               `xml:"title"`
	Link        string               `xml:"link,omitempty"`
	Description string               `xml:"description,omitempty"`
	Content     *gfeeds.RssContent   `xml:"content:encoded"`
	Creators    []string             `xml:"dc:creator"`
	Categories  []string             `xml:"category"`
	Enclosure   *gfeeds.RssEnclosure `xml:"enclosure"`
	GUID        *gfeeds.RssGuid      `xml:"guid"`
	PubDate     string               `xml:"pubDate,omitempty"`
	Language    string               `xml:"dc:language,omitempty"`
	Thumbnail   *mediaThumbnail      `xml:"media:thumbnail"`
}

// mediaThumbnail is Media RSS's item picture, read by most readers.
type mediaThumbnail struct {
	URL string `xml:"url,attr"`
}

// mediaNS is the Media RSS namespace.
const mediaNS = "http://search.yahoo.com/mrss/"

func newThumbnail(url string) *mediaThumbnail {
	if url == "" {
		return nil
	}
	return &mediaThumbnail{URL: url}
}

// RenderRSS writes f as RSS 2.0: content:encoded carries the full article,
// description the summary, dc:creator the authors, guid the stable ID
// (isPermaLink="false" for URN ids), dates in RFC 1123 with numeric zone,
// UTC. lastBuildDate derives from the items, so unchanged items give
// identical bytes.
func RenderRSS(w io.Writer, f Feed) error {
	f = f.safe()
	lang := f.language()
	ch := rssChannel{
		Title:         f.Title,
		Link:          cmp.Or(f.Link, f.SelfURL),
		Description:   cmp.Or(f.Description, f.Title),
		Language:      lang,
		Generator:     f.Generator,
		LastBuildDate: rssTime(f.updated()),
		Items:         make([]rssItem, 0, len(f.Items)),
	}
	if self := f.selfLink(ExtRSS); self != "" {
		ch.SelfLink = &rssAtomLink{Href: self, Rel: "self", Type: "application/rss+xml"}
	}
	if f.Icon != "" {
		ch.Image = &gfeeds.RssImage{Url: f.Icon, Title: ch.Title, Link: ch.Link}
	}
	for _, it := range f.Items {
		ch.Items = append(ch.Items, newRSSItem(safeItem(it), lang))
	}
	doc := rssDoc{
		Version:   "2.0",
		ContentNS: "http://purl.org/rss/1.0/modules/content/",
		DCNS:      "http://purl.org/dc/elements/1.1/",
		AtomNS:    "http://www.w3.org/2005/Atom",
		MediaNS:   mediaNS,
		Channel:   ch,
	}
	if err := encodeXML(w, doc); err != nil {
		return fmt.Errorf("feeds: render rss %s: %w", f.Name, err)
	}
	return nil
}

func newRSSItem(it Item, feedLang string) rssItem {
	ri := rssItem{
		Title:       itemTitle(it),
		Link:        it.URL,
		Description: summaryHTML(it, feedLang),
		Creators:    it.Authors,
		Categories:  it.Categories,
		GUID:        &gfeeds.RssGuid{Id: it.ID, IsPermaLink: isPermaLink(it)},
		PubDate:     rssTime(outTime(ItemDate(it))),
		Thumbnail:   newThumbnail(it.Image),
	}
	if it.Lang != "" && it.Lang != feedLang {
		ri.Language = it.Lang
	}
	if it.Content != "" {
		ri.Content = &gfeeds.RssContent{Content: ContentHTML(it, feedLang)}
	}
	if len(it.Enclosures) > 0 { // RSS 2.0 allows one enclosure per item
		e := it.Enclosures[0]
		ri.Enclosure = &gfeeds.RssEnclosure{Url: e.URL, Type: cmp.Or(e.Type, "application/octet-stream"),
			Length: strconv.FormatInt(e.Length, 10)}
	}
	return ri
}

// isPermaLink says whether the guid is the article's address.
func isPermaLink(it Item) string {
	if it.ID == it.URL && (strings.HasPrefix(it.ID, "http://") || strings.HasPrefix(it.ID, "https://")) {
		return "true"
	}
	return "false"
}

func rssTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC1123Z)
}

// encodeXML writes the XML declaration and doc, indented.
func encodeXML(w io.Writer, doc any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
