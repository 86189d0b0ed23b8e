package extract

import (
	"strings"

	"github.com/refeed/refeed/internal/textkit"
	"golang.org/x/net/html"
)

// mojibakeCount counts, in the walk that indexes a page (indexPage), the
// unmistakable pieces of mojibake in its texts, up to
// textkit.MinMojibake: text encoded in UTF-8 twice over ("doesnâ€™t" for
// "doesn’t", see textkit.MojibakeCount). Every piece starts with the
// byte 0xC3, which most texts lack.
type mojibakeCount int

// note counts the pieces in s, a text node's data or a meta tag's
// content.
func (m *mojibakeCount) note(s string) {
	if *m < textkit.MinMojibake && strings.IndexByte(s, 0xC3) >= 0 {
		*m += mojibakeCount(textkit.MojibakeCount(s, textkit.MinMojibake-int(*m)))
	}
}

// repairMojibake reads back the text of a page whose index counted
// textkit.MinMojibake pieces of mojibake or more: the page was encoded
// twice over, headline, paragraphs, meta tags, JSON-LD and images' alt
// text alike. A page with an accent or two that only looks like mojibake
// is left as it is.
func repairMojibake(root *html.Node, idx *pageIndex) {
	if idx.mojibake < textkit.MinMojibake {
		return
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				c.Data = textkit.RepairMojibake(c.Data)
			case html.ElementNode:
				for i := range c.Attr {
					switch c.Attr[i].Key {
					case "content", "alt", "title":
						c.Attr[i].Val = textkit.RepairMojibake(c.Attr[i].Val)
					}
				}
				walk(c)
			}
		}
	}
	walk(root)
}
