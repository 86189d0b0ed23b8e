package extract

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/refeed/refeed/internal/textkit"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Bounds of the headline block, the part of the page a reader sees with
// the headline: how much text before the h1 and after it is read, how
// long a text counts as a date line rather than prose, and how many
// bytes a date line may hold besides its date ("Published on", "By Jo
// Smith ·").
const (
	headlineBefore   = 600
	headlineAfter    = 400
	nearestBefore    = 160
	dateLineMaxChars = 120
	dateLineExtra    = 60
)

// dateLine is a date printed with the headline.
type dateLine struct {
	t         time.Time
	dist      int  // bytes of text between it and the h1
	after     bool // it follows the h1
	update    bool // it says when the page was updated
	swappable bool // a numeric date that reads either way (8/1/2025)
}

// headlineDates returns the date lines printed with the headline: short
// texts that are mostly a date ("Dec 18, 2025", "Published Apr 26, 2023",
// "Jo Smith - 2024-12-17") among the texts of the h1's nearest
// headlineLevels ancestors (the body at most), no more than headlineBefore bytes of text
// before the h1 and headlineAfter bytes after it, and never past the first
// run of prose after it (the article has begun). Update notices ("Updated
// on April 19, 2025", a label "Last updated:" in the text just before, or
// a class naming an update) are marked. Dates further away, in
// related-story lists, comments or a site header printing today's date,
// are not reached.
func headlineDates(h1 *html.Node, loc *time.Location) []dateLine {
	if h1 == nil {
		return nil
	}
	// Dates before the h1 are read inside its own section (top) only:
	// what precedes a section in the body is the site's header, where
	// Arabic news sites print today's date.
	block, top := h1, h1
	for range headlineLevels {
		p := block.Parent
		if p == nil || p.DataAtom == atom.Html {
			break
		}
		block = p
		if p.DataAtom == atom.Body {
			break
		}
		top = p
	}
	// Texts before the h1 are kept and read once the h1 is reached, when
	// their distance to it is known: most are too far to count.
	type pending struct {
		n      *html.Node
		text   string
		end    int // offset of the text's end
		update bool
	}
	var (
		lines        []dateLine
		before       []pending
		offset       int  // bytes of text seen before the h1, then after it
		prevUpdate   bool // the text before was an update label
		inH1, passed bool
	)
	walkVisible(block, func(n *html.Node) bool {
		if n == h1 {
			inH1 = true
		}
		if n.Type != html.TextNode {
			return true
		}
		if inH1 && !passed {
			if isInside(n, h1) {
				return true
			}
			passed = true
			for _, p := range before {
				if offset-p.end > headlineBefore {
					continue
				}
				if l, ok := readDateLine(p.text, loc); ok {
					l.update = l.update || p.update || updateClass(p.n)
					l.dist = offset - p.end
					lines = append(lines, l)
				}
			}
			offset = 0
		}
		text := strings.TrimSpace(n.Data)
		if text == "" {
			return true
		}
		update := prevUpdate
		prevUpdate = len(text) <= 40 && textkit.IsUpdateNotice(text)
		if passed && (offset > headlineAfter || len(text) > 2*dateLineMaxChars) {
			return false
		}
		offset += len(text)
		if len(text) > dateLineMaxChars || !hasYearDigits(text) {
			return true
		}
		if !passed {
			if top != h1 && isInside(n, top) {
				before = append(before, pending{n, text, offset, update})
			}
			return true
		}
		if l, ok := readDateLine(text, loc); ok {
			l.update = l.update || update || updateClass(n)
			l.after = true
			l.dist = offset - len(text)
			lines = append(lines, l)
		}
		return true
	})
	if !passed {
		return nil
	}
	return lines
}

// readDateLine reads text as a date line: a date with at most
// dateLineExtra bytes of other text. The line is an update notice when
// an update word comes before the date ("Last updated: Jul 22, 2021"),
// not after it ("28 آب 2013، آخر تحديث 14:00" was published that day).
func readDateLine(text string, loc *time.Location) (dateLine, bool) {
	folded := foldDateText(text)
	m := locateDate(folded, true)
	if m == nil || len(folded)-(m.end-m.start) > dateLineExtra {
		return dateLine{}, false
	}
	t, ok := matchTime(folded, m, loc)
	if !ok {
		return dateLine{}, false
	}
	update := m.start > 0 && textkit.IsUpdateNotice(folded[:m.start])
	return dateLine{t: t, swappable: m.swappable, update: update}, true
}

// shownDate returns the publication date the headline block shows: the
// date line nearest the h1 that is not an update notice, looking first
// after the h1 and then at most nearestBefore bytes before it.
func shownDate(lines []dateLine) (dateLine, bool) {
	var best dateLine
	found := false
	for _, l := range lines {
		if l.update || (!l.after && l.dist > nearestBefore) {
			continue
		}
		if !found || (l.after && !best.after) || (l.after == best.after && l.dist < best.dist) {
			best, found = l, true
		}
	}
	return best, found
}

// confirms reports whether a date line that is not an update notice
// shows the day of t.
func confirms(lines []dateLine, t time.Time) bool {
	for _, l := range lines {
		if !l.update && sameDay(l.t, t) {
			return true
		}
	}
	return false
}

// sameDay reports whether a and b fall on the same calendar day as
// written.
func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// updateClass reports whether the element holding text n, or its parent,
// names an update or modification in its class.
func updateClass(n *html.Node) bool {
	for p, i := n.Parent, 0; p != nil && i < 2; p, i = p.Parent, i+1 {
		c := attrOf(p, "class")
		if containsASCIIFold(c, "updat") || containsASCIIFold(c, "modif") {
			return true
		}
	}
	return false
}

// isInside reports whether n lies under ancestor.
func isInside(n, ancestor *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p == ancestor {
			return true
		}
	}
	return false
}

// preferShown returns the publication date of the page's markup, unless
// the headline block shows an earlier day that it does not confirm: a
// byline printed "Dec 30, 2013" under metadata saying 2024-08-07 is the
// original publication, the metadata the time of a migration or import.
// A numeric date that reads either way ("8/1/2025") does not overrule,
// nor does a day only earlier in some time zone (a 02:17 UTC time is the
// previous evening in America).
func preferShown(published time.Time, lines []dateLine, shown dateLine, ok bool) time.Time {
	if !ok || shown.swappable || confirms(lines, published) {
		return published
	}
	if dayBefore(shown.t, published.In(earliestZone)) {
		return shown.t
	}
	return published
}

// earliestZone is the zone of the earliest local time on Earth, UTC-12.
var earliestZone = time.FixedZone("UTC-12", -12*3600)

// isHeadline reports whether h1 holds the article's headline rather than
// a site logo or a section name ("Blog", "Houstonia Magazine"): at least
// two of its words, or half of them, are words of the title. Only words
// of four letters or more count.
func isHeadline(h1 *html.Node, title string) bool {
	words := headlineWords(collapsedText(h1))
	if len(words) == 0 {
		return false
	}
	inTitle := make(map[string]bool)
	for _, w := range headlineWords(title) {
		inTitle[w] = true
	}
	shared := 0
	for _, w := range words {
		if inTitle[w] {
			shared++
		}
	}
	return shared >= 2 || 2*shared >= len(words)
}

// headlineWords returns the lowercased words of s of four letters or
// digits or more.
func headlineWords(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if utf8.RuneCountInString(f) >= 4 {
			out = append(out, strings.ToLower(f))
		}
	}
	return out
}

// dayBefore reports whether the calendar day of a, as written, comes
// before that of b.
func dayBefore(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return time.Date(ay, am, ad, 0, 0, 0, 0, time.UTC).Before(time.Date(by, bm, bd, 0, 0, 0, 0, time.UTC))
}
