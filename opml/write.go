package opml

import (
	"encoding/xml"
	"fmt"
	"io"
	"time"
)

// outXML and outlineXML shape the document for encoding; empty attributes
// are left out, but text is always written because OPML 2.0 requires it.
type outXML struct {
	XMLName xml.Name `xml:"opml"`
	Version string   `xml:"version,attr"`
	Head    struct {
		Title       string `xml:"title,omitempty"`
		DateCreated string `xml:"dateCreated,omitempty"`
	} `xml:"head"`
	Body struct {
		Outlines []outlineXML `xml:"outline"`
	} `xml:"body"`
}

type outlineXML struct {
	Text        string       `xml:"text,attr"`
	Title       string       `xml:"title,attr,omitempty"`
	Type        string       `xml:"type,attr,omitempty"`
	XMLURL      string       `xml:"xmlUrl,attr,omitempty"`
	HTMLURL     string       `xml:"htmlUrl,attr,omitempty"`
	Description string       `xml:"description,attr,omitempty"`
	Language    string       `xml:"language,attr,omitempty"`
	Outlines    []outlineXML `xml:"outline"`
}

// Write writes d to w as indented UTF-8 OPML 2.0.
func Write(w io.Writer, d *Document) error {
	var x outXML
	x.Version = "2.0"
	x.Head.Title = d.Title
	if !d.Created.IsZero() {
		x.Head.DateCreated = d.Created.UTC().Format(time.RFC1123Z)
	}
	x.Body.Outlines = toXML(d.Outlines)
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("opml: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(x); err != nil {
		return fmt.Errorf("opml: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("opml: %w", err)
	}
	return nil
}

func toXML(os []Outline) []outlineXML {
	if len(os) == 0 {
		return nil
	}
	out := make([]outlineXML, 0, len(os))
	for _, o := range os {
		text := o.Text
		if text == "" {
			text = o.Title
		}
		out = append(out, outlineXML{
			Text: text, Title: o.Title, Type: o.Type, XMLURL: o.XMLURL, HTMLURL: o.HTMLURL,
			Description: o.Description, Language: o.Language, Outlines: toXML(o.Outlines),
		})
	}
	return out
}
