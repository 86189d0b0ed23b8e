package opml

import (
	"encoding/xml"
	"strings"
)

// xmlOPML mirrors the document for decoding. XMLName has no tag so any
// root decodes and Parse can report ErrNotOPML itself.
type xmlOPML struct {
	XMLName xml.Name
	Head    struct {
		Title       string `xml:"title"`
		DateCreated string `xml:"dateCreated"`
	} `xml:"head"`
	Body struct {
		Outlines []xmlOutline `xml:"outline"`
	} `xml:"body"`
}

// xmlOutline decodes an outline, matching attribute names without regard
// to case because exporters disagree (xmlUrl, xmlURL, XMLUrl).
type xmlOutline struct {
	attrs    map[string]string
	Outlines []xmlOutline
}

// UnmarshalXML implements xml.Unmarshaler.
func (o *xmlOutline) UnmarshalXML(dec *xml.Decoder, start xml.StartElement) error {
	o.attrs = make(map[string]string, len(start.Attr))
	for _, a := range start.Attr {
		o.attrs[strings.ToLower(a.Name.Local)] = a.Value
	}
	var body struct {
		Outlines []xmlOutline `xml:"outline"`
	}
	if err := dec.DecodeElement(&body, &start); err != nil {
		return err
	}
	o.Outlines = body.Outlines
	return nil
}

func fromXML(xs []xmlOutline) []Outline {
	if len(xs) == 0 {
		return nil
	}
	out := make([]Outline, 0, len(xs))
	for _, x := range xs {
		a := func(k string) string { return strings.TrimSpace(x.attrs[k]) }
		out = append(out, Outline{
			Text: a("text"), Title: a("title"), Type: a("type"),
			XMLURL: a("xmlurl"), HTMLURL: a("htmlurl"),
			Description: a("description"), Language: a("language"),
			Outlines: fromXML(x.Outlines),
		})
	}
	return out
}
