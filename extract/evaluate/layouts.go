package evaluate

import (
	"regexp"
	"sort"
)

// A Layout rewrites a page of a corpus into a layout the corpora hold few
// of, so that an extractor can be scored on pages built unlike those it
// was tuned on. Each tag or attribute is rewritten alone, so a page's own
// markup errors stay as they were.
type Layout func(page []byte) []byte

// Layouts are the rewrites by name:
//   - "bare": class, id, role, itemprop, aria-* and data-* attributes
//     stripped, as on sites without meaningful names;
//   - "old": bare, and the HTML5 sections (article, main, aside, nav,
//     header, footer, section) turned into divs, as built before HTML5;
//   - "p-as-div": every <p> a <div>, as written without paragraphs;
//   - "p-wrapped": every <p> wrapped in two divs, as page builders and
//     component frameworks do.
var Layouts = map[string]Layout{
	"bare":      StripHints,
	"old":       OldLayout,
	"p-as-div":  ParagraphsAsDivs,
	"p-wrapped": WrappedParagraphs,
}

// LayoutNames returns the names of Layouts, sorted.
func LayoutNames() []string {
	names := make([]string, 0, len(Layouts))
	for n := range Layouts {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

var (
	hintAttrs      = regexp.MustCompile(`(?i)\s(?:class|id|role|itemprop|itemtype|itemscope|aria-[a-z]+|data-[a-z-]+)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)`)
	sectionOpen    = regexp.MustCompile(`(?i)<(?:article|main|aside|nav|header|footer|section)(\s[^>]*)?>`)
	sectionClose   = regexp.MustCompile(`(?i)</(?:article|main|aside|nav|header|footer|section)\s*>`)
	paragraphOpen  = regexp.MustCompile(`(?i)<p(\s[^>]*)?>`)
	paragraphClose = regexp.MustCompile(`(?i)</p\s*>`)
)

// StripHints removes the attributes that name a page's parts: class, id,
// role, itemprop, itemtype, itemscope, aria-* and data-*.
func StripHints(page []byte) []byte { return hintAttrs.ReplaceAll(page, nil) }

// OldLayout strips the hint attributes and turns the HTML5 sections into
// divs.
func OldLayout(page []byte) []byte {
	page = sectionOpen.ReplaceAll(page, []byte("<div$1>"))
	page = sectionClose.ReplaceAll(page, []byte("</div>"))
	return StripHints(page)
}

// ParagraphsAsDivs turns every paragraph into a div.
func ParagraphsAsDivs(page []byte) []byte {
	page = paragraphOpen.ReplaceAll(page, []byte("<div$1>"))
	return paragraphClose.ReplaceAll(page, []byte("</div>"))
}

// WrappedParagraphs wraps every paragraph in two divs.
func WrappedParagraphs(page []byte) []byte {
	page = paragraphOpen.ReplaceAll(page, []byte("<div><div><p$1>"))
	return paragraphClose.ReplaceAll(page, []byte("</p></div></div>"))
}
