package feeds

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"time"

	gfeeds "github.com/gorilla/feeds"
)

// atomDoc extends gorilla/feeds' Atom model with xml:lang, a generator,
// self and alternate links, several authors and categories per entry, and
// media:thumbnail for the item picture.
type atomDoc struct {
	XMLName   xml.Name           `xml:"feed"`
	Xmlns     string             `xml:"xmlns,attr"`
	MediaNS   string             `xml:"xmlns:media,attr"`
	Lang      string             `xml:"xml:lang,attr,omitempty"`
	Title     string             `xml:"title"`
	Subtitle  string             `xml:"subtitle,omitempty"`
	ID        string             `xml:"id"`
	Updated   string             `xml:"updated"`
	Links     []gfeeds.AtomLink  `xml:"link"`
	Icon      string             `xml:"icon,omitempty"`
	Generator string             `xml:"generator,omitempty"`
	Author    *gfeeds.AtomAuthor `xml:"author"`
	Entries   []atomEntry        `xml:"entry"`
}

type atomEntry struct {
	Lang       *string             `xml:"xml:lang,attr,omitempty"` // nil: the feed's
	Title      string              `xml:"title"`
	ID         string              `xml:"id"`
	Updated    string              `xml:"updated"`
	Published  string              `xml:"published,omitempty"`
	Links      []gfeeds.AtomLink   `xml:"link"`
	Authors    []gfeeds.AtomAuthor `xml:"author"`
	Categories []atomCategory      `xml:"category"`
	Summary    *gfeeds.AtomSummary `xml:"summary"`
	Content    *gfeeds.AtomContent `xml:"content"`
	Thumbnail  *mediaThumbnail     `xml:"media:thumbnail"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

// atomEpoch stands in for the required feed <updated> of an empty feed.
const atomEpoch = "1970-01-01T00:00:00Z"

// RenderAtom writes f as Atom 1.0 with xml:lang, self and alternate links,
// entries carrying their stable id, updated/published, authors,
// categories, an HTML summary and the full article as <content
// type="html">. The feed's author is its title, which satisfies Atom's rule
// that every entry has an author. The feed id is "urn:refeed:feed:<Name>".
func RenderAtom(w io.Writer, f Feed) error {
	f = f.safe()
	lang := f.language()
	doc := atomDoc{
		Xmlns:     "http://www.w3.org/2005/Atom",
		MediaNS:   mediaNS,
		Lang:      lang,
		Title:     f.Title,
		Subtitle:  f.Description,
		ID:        "urn:refeed:feed:" + f.Name,
		Updated:   cmp.Or(atomTime(f.updated()), atomEpoch),
		Icon:      f.Icon,
		Generator: f.Generator,
		Author:    &gfeeds.AtomAuthor{AtomPerson: gfeeds.AtomPerson{Name: cmp.Or(f.Title, f.Name)}},
		Entries:   make([]atomEntry, 0, len(f.Items)),
	}
	if self := f.selfLink(ExtAtom); self != "" {
		doc.Links = append(doc.Links, gfeeds.AtomLink{Href: self, Rel: "self", Type: "application/atom+xml"})
	}
	if f.Link != "" {
		doc.Links = append(doc.Links, gfeeds.AtomLink{Href: f.Link, Rel: "alternate", Type: "text/html"})
	}
	for _, it := range f.Items {
		doc.Entries = append(doc.Entries, newAtomEntry(safeItem(it), lang))
	}
	if err := encodeXML(w, doc); err != nil {
		return fmt.Errorf("feeds: render atom %s: %w", f.Name, err)
	}
	return nil
}

func newAtomEntry(it Item, feedLang string) atomEntry {
	e := atomEntry{
		Title:     itemTitle(it),
		ID:        it.ID,
		Updated:   atomTime(itemModified(it)),
		Thumbnail: newThumbnail(it.Image),
	}
	switch {
	case it.Lang != "" && it.Lang != feedLang:
		e.Lang = &it.Lang
	case langUnknown(it, it.Dir, feedLang):
		e.Lang = new(string) // xml:lang="": not the feed's language
	}
	if sum := summaryHTML(it, feedLang); sum != "" {
		e.Summary = &gfeeds.AtomSummary{Type: "html", Content: sum}
	}
	if !it.Published.IsZero() {
		e.Published = atomTime(outTime(it.Published))
	}
	if it.URL != "" {
		e.Links = append(e.Links, gfeeds.AtomLink{Href: it.URL, Rel: "alternate", Type: "text/html"})
	}
	for _, enc := range it.Enclosures {
		l := gfeeds.AtomLink{Href: enc.URL, Rel: "enclosure", Type: enc.Type}
		if enc.Length > 0 {
			l.Length = strconv.FormatInt(enc.Length, 10)
		}
		e.Links = append(e.Links, l)
	}
	for _, a := range it.Authors {
		e.Authors = append(e.Authors, gfeeds.AtomAuthor{AtomPerson: gfeeds.AtomPerson{Name: a}})
	}
	for _, c := range it.Categories {
		e.Categories = append(e.Categories, atomCategory{Term: c})
	}
	if it.Content != "" {
		e.Content = &gfeeds.AtomContent{Type: "html", Content: ContentHTML(it, feedLang)}
	}
	return e
}

func atomTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}
