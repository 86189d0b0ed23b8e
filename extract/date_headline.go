package extract

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/refeed/refeed/internal/textkit"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Bounds of the headline block, the part of the page a reader sees with
// the headline, in bytes of text.
const (
	headlineBefore   = 600 // read before the h1, to find the metadata's day
	nearestBefore    = 160 // before the h1, where the date shown may be
	headlineAfter    = 400 // read after the h1
	dateLineMaxChars = 120 // the longest date line; a text twice as long is prose
	dateLineExtra    = 60  // what a date line holds besides its date ("Published on", "By Jo Smith ·")
	shortDateExtra   = 20  // the same for a date with a two-digit year ("Stand: 06.12.16")
)

// dateLine is a date printed with the headline.
type dateLine struct {
	t         time.Time
	update    bool // it says when the page was updated
	swappable bool // a numeric date that reads either way (8/1/2025)
}

// headlineBlock holds the texts printed with the headline that may be
// date lines: short texts with a year. They are read as dates only when
// asked, nearest the h1 first, since most pages need one or none.
type headlineBlock struct {
	loc    *time.Location
	after  []blockText // after the h1, in reading order
	before []blockText // before the h1, nearest first
}

// blockText is one text of the headline block.
type blockText struct {
	text   string
	dist   int  // bytes of text between it and the h1
	update bool // an update label precedes it, or its class names an update
}

// readHeadlineBlock collects the texts of the headline block: those of
// the h1's nearest headlineLevels ancestors (the body at most), no more
// than headlineBefore bytes of text before the h1 and headlineAfter bytes
// after it, and never past the first run of prose after it (the article
// has begun). Texts before the h1 count only inside the h1's own section:
// what precedes a section in the body is the site's header, where Arabic
// news sites print today's date. Dates further away, in related-story
// lists, comments or a site header, are not reached.
func readHeadlineBlock(h1 *html.Node, loc *time.Location) headlineBlock {
	b := headlineBlock{loc: loc}
	if h1 == nil {
		return b
	}
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
	var (
		before       []blockText // in reading order, dist the offset of the end
		offset       int         // bytes of text seen before the h1, then after it
		label        updateLabel
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
			for i := len(before) - 1; i >= 0; i-- {
				if d := offset - before[i].dist; d <= headlineBefore {
					b.before = append(b.before, blockText{before[i].text, d, before[i].update})
				}
			}
			offset = 0
		}
		raw := strings.TrimSpace(n.Data)
		if raw == "" {
			return true
		}
		text := dateText(n, raw)
		update := label.follows(text)
		if passed && (offset > headlineAfter || len(raw) > 2*dateLineMaxChars) {
			return false
		}
		offset += len(raw)
		if len(text) > dateLineMaxChars || !mayHoldDate(text) {
			return true
		}
		switch {
		case under(n, atom.Figcaption, atom.Aside, atom.Blockquote) || inNamedCaption(n):
			// A photo's caption dates the photo ("Archivbild vom 3. Mai
			// 2012"), an aside another story, a quotation what it quotes
			// (an embedded post, a letter), not the article.
		case passed:
			b.after = append(b.after, blockText{text, offset - len(raw), update || updateClass(n)})
		case top != h1 && isInside(n, top):
			before = append(before, blockText{text, offset, update || updateClass(n)})
		}
		return true
	})
	if !passed {
		b.before = nil
	}
	return b
}

// dateText returns text, the trimmed text of text node n, or, when that
// is a bare year, the text of the element around it that holds more:
// blog themes print a date as a badge of separate elements,
// <span>06</span><span>Dez</span><span>2016</span>, and the year comes
// last.
func dateText(n *html.Node, text string) string {
	if !isBareYear(text) {
		return text
	}
	for p, i := n.Parent, 0; p != nil && i < 2 && p.Type == html.ElementNode; p, i = p.Parent, i+1 {
		whole, ok := limitedText(p, dateLineMaxChars)
		if !ok || whole == "" {
			return text
		}
		if whole != text {
			return whole
		}
	}
	return text
}

// isBareYear reports whether s is four ASCII digits.
func isBareYear(s string) bool {
	return len(s) == 4 && isASCIIDigit(s[0]) && isASCIIDigit(s[1]) && isASCIIDigit(s[2]) && isASCIIDigit(s[3])
}

// updateLabel remembers, over texts read in order, the last one that
// may be an update label: a short text that holds no date of its own
// ("Updated:", "Aktualisiert am"), so that the date printed next can be
// told for the update's. A text that holds its date ("Updated Nov 19,
// 2021") labels nothing after it. The words are looked at only when a
// date follows, as few texts are.
type updateLabel struct{ prev string }

// follows reports whether text comes right after an update label, and
// remembers text. Blank texts change nothing.
func (l *updateLabel) follows(text string) bool {
	text = strings.TrimSpace(text)
	if text == "" {
		return false
	}
	prev := l.prev
	l.prev = ""
	if len(text) <= 40 && !mayHoldDate(text) {
		l.prev = text
	}
	return prev != "" && mayHoldDate(text) && textkit.IsUpdateNotice(prev)
}

// line reads one text of the block as a date line.
func (b headlineBlock) line(t blockText) (dateLine, bool) {
	l, ok := readDateLine(t.text, b.loc)
	l.update = l.update || t.update
	return l, ok
}

// shown returns the publication date the headline block shows: the date
// line nearest the h1 that is not an update notice, looking first after
// the h1 and then at most nearestBefore bytes before it.
func (b headlineBlock) shown() (dateLine, bool) {
	for _, t := range b.after {
		if l, ok := b.line(t); ok && !l.update {
			return l, true
		}
	}
	for _, t := range b.before {
		if t.dist > nearestBefore {
			break
		}
		if l, ok := b.line(t); ok && !l.update {
			return l, true
		}
	}
	return dateLine{}, false
}

// confirms reports whether a date line of the block that is not an
// update notice shows the day of t.
func (b headlineBlock) confirms(t time.Time) bool {
	for _, texts := range [...][]blockText{b.after, b.before} {
		for _, bt := range texts {
			if l, ok := b.line(bt); ok && !l.update && sameDay(l.t, t) {
				return true
			}
		}
	}
	return false
}

// readDateLine reads text as a date line: a date with at most
// dateLineExtra bytes of other text. The line is an update notice when
// an update word comes before the date ("Last updated: Jul 22, 2021"),
// not after it ("28 آب 2013، آخر تحديث 14:00" was published that day),
// and no date without one follows. A date labelled as an event's, a
// deadline's or a printout's (textkit.EventLabels) is no date line.
func readDateLine(text string, loc *time.Location) (dateLine, bool) {
	folded := foldDateText(text)
	m := locateDate(folded, true)
	if m == nil {
		// A short date ("06.12.16") stands nearly alone or before a time
		// of day ("Stand: 06.12.16 14:30 Uhr"): in a longer line it is
		// more likely a version or a reference.
		m = locateShortDate(folded)
		if m != nil && len(folded)-(m.end-m.start) > shortDateExtra && !hasClockAfter(folded[m.end:]) {
			return dateLine{}, false
		}
	}
	if m == nil {
		return dateLine{}, false
	}
	if len(folded)-(m.end-m.start) > dateLineExtra && !publishSentence(folded, m) {
		// A byline holding more than its date may set the date apart
		// as one of its fields: "Von Anna Muster, Redakteurin | 06.12.2016
		// | Lesezeit 5 Minuten". The field must be a date line.
		from, to := fieldAround(folded, m.start, m.end)
		if len(folded) > dateLineMaxChars || (to-from)-(m.end-m.start) > dateLineExtra || (from == 0 && to == len(folded)) {
			return dateLine{}, false
		}
	}
	if m.start > 0 && textkit.EndsWithEventLabel(folded[:m.start]) {
		// "Termin: 24.12.2016, 18:00 Uhr" dates an event, not the page.
		return dateLine{}, false
	}
	t, ok := matchTime(folded, m, loc)
	if !ok {
		return dateLine{}, false
	}
	update := m.start > 0 && textkit.IsUpdateNotice(folded[:m.start])
	if update {
		// "Zuletzt aktualisiert: 08.12.2016 | Erstveröffentlichung:
		// 06.12.2016": a date after the update's, with no update word
		// of its own, is the publication.
		rest := folded[m.end:]
		if m2 := locateDate(rest, true); m2 != nil && !textkit.IsUpdateNotice(rest[:m2.start]) {
			if t2, ok := matchTime(rest, m2, loc); ok {
				return dateLine{t: t2, swappable: m2.swappable}, true
			}
		}
	}
	return dateLine{t: t, swappable: m.swappable, update: update}, true
}

// publishSentence reports whether folded text is a blog engine's
// sentence about the post that opens with its day ("This entry was
// posted on Tuesday, December 6th, 2016 at 10:00 am and is filed under
// …"): a publication label (textkit.PublishLabels) and the date within
// the first dateLineExtra bytes, and at most twice a date line's length
// in all.
func publishSentence(folded string, m *dateMatch) bool {
	return m.start <= dateLineExtra && len(folded) <= 2*dateLineMaxChars && textkit.HasPublishLabel(folded[:m.start])
}

// hasClockAfter reports whether rest, the text after a date, starts
// with a time of day.
func hasClockAfter(rest string) bool {
	return clockTime.MatchString(rest)
}

// fieldSeparators part the fields of a byline.
var fieldSeparators = [...]string{"|", "·", "•"}

// fieldAround returns the bounds of the field of s that holds
// s[start:end], between the nearest field separators.
func fieldAround(s string, start, end int) (from, to int) {
	from, to = 0, len(s)
	for _, sep := range fieldSeparators {
		if i := strings.LastIndex(s[:start], sep); i >= 0 && i+len(sep) > from {
			from = i + len(sep)
		}
		if i := strings.Index(s[end:], sep); i >= 0 && end+i < to {
			to = end + i
		}
	}
	return from, to
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
		if namesUpdate(p) {
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
// the headline block shows an earlier day and nowhere the markup's: a
// byline printed "Dec 30, 2013" under metadata saying 2024-08-07 is the
// original publication, the metadata the time of a migration or import.
// A numeric date that reads either way ("8/1/2025") does not overrule,
// nor does a day only earlier in some time zone (a 02:17 UTC time is the
// previous evening in America).
func preferShown(published time.Time, block headlineBlock, shown dateLine, ok bool) time.Time {
	if !ok || shown.swappable || !dayBefore(shown.t, published.In(earliestZone)) || block.confirms(published) {
		return published
	}
	return shown.t
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

// findHeadline returns the element that holds the article's headline:
// the first h1 if it does (see isHeadline), else the first later h1 that
// does, else the first h2 or h3 that repeats the title (see
// repeatsTitle): older sites give the h1 to their name and the headline
// an h2 or h3. Else the first element named a title or headline that
// repeats it (<div class="headline">). Nil when none holds the headline.
func findHeadline(idx *pageIndex, title string) *html.Node {
	if idx.h1 != nil && isHeadline(idx.h1, title) {
		return idx.h1
	}
	root := idx.bodyOrRoot()
	if root == nil {
		return nil
	}
	titleWords := headlineWords(title)
	var found, namedTitle *html.Node
	walkVisible(root, func(n *html.Node) bool {
		if found != nil {
			return false
		}
		switch {
		case n.Type != html.ElementNode || n == idx.h1:
		case n.DataAtom == atom.H1 && isHeadline(n, title):
			found = n
		case (n.DataAtom == atom.H2 || n.DataAtom == atom.H3) && repeatsTitle(n, titleWords):
			found = n
		case namedTitle == nil && namesTitle(n) && repeatsTitle(n, titleWords):
			namedTitle = n
		}
		return found == nil
	})
	if found == nil {
		found = namedTitle
	}
	return found
}

// namesTitle reports whether an element's class or id names a headline
// or title ("headline", "entry-title", "artikel-titel"), as on pages
// whose headline is no heading at all.
func namesTitle(n *html.Node) bool {
	for _, k := range [...]string{"class", "id"} {
		v := attrOf(n, k)
		if containsASCIIFold(v, "headline") || containsASCIIFold(v, "title") || containsASCIIFold(v, "titel") {
			return true
		}
	}
	return false
}

// maxHeadlineChars bounds the text of an element that may hold the
// headline.
const maxHeadlineChars = 400

// repeatsTitle reports whether a heading's words and the title's are
// nearly the same: three quarters of the larger set shared. A heading of
// a related story that shares a word or two with the title does not.
func repeatsTitle(n *html.Node, titleWords []string) bool {
	if len(titleWords) == 0 {
		return false
	}
	text, ok := limitedText(n, maxHeadlineChars)
	words := headlineWords(text)
	if !ok || len(words) == 0 {
		return false
	}
	shared := 0
	for _, w := range words {
		if slices.Contains(titleWords, w) {
			shared++
		}
	}
	return 4*shared >= 3*max(len(words), len(titleWords))
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
