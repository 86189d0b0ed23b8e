package extract

import (
	"strings"

	"github.com/refeed/refeed/internal/textkit"
	"golang.org/x/net/html"
)

// mojibakeAttrs are the attributes whose values are text a reader or the
// metadata reads: meta tags' content, images' alt, titles.
var mojibakeAttrs = [...]string{"content", "alt", "title"}

// repairMojibake reads back the text of a page that was encoded in UTF-8
// twice over ("doesnâ€™t" for "doesn’t", see textkit.MojibakeCount):
// when the page's text nodes and text attributes hold at least
// textkit.MinMojibake unmistakable pieces of it between them, every
// piece in them is repaired, in scripts too (JSON-LD carries the
// headline and the dates). A page with an accent or two that only looks
// like mojibake is left as it is. Every piece starts with the byte 0xC3
// in UTF-8, so a page without it is passed over at the cost of one walk.
func repairMojibake(root *html.Node) {
	var texts []*html.Node
	var attrs []*html.Attribute
	count := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				if strings.IndexByte(c.Data, 0xC3) >= 0 {
					texts = append(texts, c)
					count += textkit.MojibakeCount(c.Data, textkit.MinMojibake-count)
				}
			case html.ElementNode:
				for i := range c.Attr {
					a := &c.Attr[i]
					if isMojibakeAttr(a.Key) && strings.IndexByte(a.Val, 0xC3) >= 0 {
						attrs = append(attrs, a)
						count += textkit.MojibakeCount(a.Val, textkit.MinMojibake-count)
					}
				}
				walk(c)
			}
		}
	}
	walk(root)
	if count < textkit.MinMojibake {
		return
	}
	for _, t := range texts {
		t.Data = textkit.RepairMojibake(t.Data)
	}
	for _, a := range attrs {
		a.Val = textkit.RepairMojibake(a.Val)
	}
}

// isMojibakeAttr reports whether attribute key is one of mojibakeAttrs.
func isMojibakeAttr(key string) bool {
	for _, k := range mojibakeAttrs {
		if key == k {
			return true
		}
	}
	return false
}
