package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/refeed/refeed/internal/textkit"
)

// block is one leaf block of the cleaned content, as the edge trimmer sees
// it.
type block struct {
	n                *html.Node
	norm             string // normalised text
	chars, linkChars int
	img              bool
}

// leafBlocks lists, in document order, the blocks under nodes that hold no
// other block.
func leafBlocks(nodes []*html.Node) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.DataAtom == atom.Table && !layoutTable(n) {
			out = append(out, n) // a data table is trimmed whole or not at all
			return
		}
		inner := false
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (!isInlineNode(c) || holdsBlock(c)) {
				inner = true
				walk(c)
			}
		}
		if !inner {
			out = append(out, n)
		}
	}
	for _, n := range nodes {
		if n.Type == html.ElementNode {
			walk(n)
		}
	}
	return out
}

// layoutTable reports whether table n lays out the page rather than
// holding data: it has a few rows, and one of its cells holds a <p>,
// directly or in a wrapper.
func layoutTable(n *html.Node) bool {
	rows, para := 0, false
	var scan func(*html.Node)
	scan = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Tbody, atom.Thead, atom.Tfoot:
				scan(c)
			case atom.Tr:
				rows++
				scan(c)
			case atom.Td, atom.Th:
				para = para || holdsParagraph(c, 3)
			}
		}
	}
	scan(n)
	return para && rows <= maxLayoutRows
}

// maxLayoutRows is the most rows a layout table has: header, body, footer
// and a spacer. Data tables run longer.
const maxLayoutRows = 4

// holdsParagraph reports whether a <p> sits within depth levels under n,
// outside nested tables.
func holdsParagraph(n *html.Node, depth int) bool {
	if depth == 0 {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom == atom.Table {
			continue
		}
		if c.DataAtom == atom.P || holdsParagraph(c, depth-1) {
			return true
		}
	}
	return false
}

func newBlock(n *html.Node) block {
	b := block{n: n}
	var walk func(*html.Node, bool)
	var text strings.Builder
	walk = func(n *html.Node, inLink bool) {
		switch n.Type {
		case html.TextNode:
			c, _ := measureText(n.Data)
			b.chars += c
			if inLink {
				b.linkChars += c
			}
			text.WriteString(n.Data)
			return
		case html.ElementNode:
			inLink = inLink || n.DataAtom == atom.A
			b.img = b.img || n.DataAtom == atom.Img
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(n, false)
	b.norm = normalizePhrase(text.String())
	return b
}

// minProseChars is the length of a block that is surely article prose.
const minProseChars = 80

func hasProse(blocks []*html.Node) bool {
	for _, n := range blocks {
		if c, _ := measureText(nodeText(n)); c >= minProseChars {
			return true
		}
	}
	return false
}

func (b block) linkHeavy() bool { return b.chars > 0 && b.linkChars*2 >= b.chars }

// trimEdges removes page parts that cling to the start and the end of the
// article: section labels, bylines and dates above it; link lists, dates
// and calls to action below it; its author's bio at either end (isBioOf;
// author is the page's byline name, normalised, or ""). It returns nodes
// without those removed.
func trimEdges(nodes []*html.Node, author string) []*html.Node {
	blocks := leafBlocks(nodes)
	if !hasProse(blocks) {
		return nodes // a page of short lines: nothing to tell the edges by
	}
	if trimNoticeBoxes(nodes) {
		blocks = leafBlocks(nodes)
	}
	bio := false // the block trimmed last titles an author's bio
	for i, n := range blocks {
		b := newBlock(n)
		if b.chars == 0 {
			continue // a lead picture stays, and does not stop the trim
		}
		if !leadingChrome(b) && !titlesNotice(b, blocks[i+1:]) && !(bio && b.chars <= maxServiceChars) && !isBioOf(b, author) {
			break
		}
		bio = isBioTitle(b)
		removeNode(n)
	}
	notice := false // the block trimmed last was a notice or a bio
	for i := len(blocks) - 1; i >= 0; i-- {
		b := newBlock(blocks[i])
		if b.chars == 0 {
			continue // pictures at the end stay, and do not stop the trim
		}
		underBio := b.chars <= maxServiceChars && isBioTitle(previousWithText(blocks[:i]))
		if !trailingChrome(b) && !(notice && isHeading(b.n.DataAtom)) && !underBio && !isBioOf(b, author) {
			break
		}
		notice = isServiceText(b) || underBio
		removeNode(blocks[i])
	}
	kept := nodes[:0:0]
	for _, n := range nodes {
		if n.Parent != nil {
			kept = append(kept, n)
		}
	}
	return kept
}

// trimNoticeBoxes removes the boxes at the end of nodes that read as a
// whole as the site's notice to its readers (isServiceText), as a
// consent dialog does whose paragraphs, one by one, use too few service
// words to be trimmed as blocks. It looks at the outermost box first,
// then into the box it keeps; a box goes only when minProseChars of text
// stay besides. It leaves the start alone: there, the story's own box,
// its headline gone with cleaning, may be one on cookie banners as dense
// with such words as a notice. It reports whether it removed any.
func trimNoticeBoxes(nodes []*html.Node) bool {
	total := textChars(nodes)
	removed := false
	for level := nodes; len(level) > 0; {
		box := lastWithText(level)
		if box == nil || box.DataAtom == atom.Table || !hasBlockChild(box) {
			break // a leaf block: trimEdges weighs it
		}
		// The text is measured first, no further than a notice runs:
		// most boxes are too long to be one, and not worth normalising.
		if chars := textCharsUpTo([]*html.Node{box}, maxNoticeChars); chars <= maxNoticeChars && total-chars >= minProseChars && isServiceText(newBlock(box)) {
			total -= chars
			removeNode(box)
			removed = true
			level = siblingsOf(level, box)
			continue
		}
		level = childElements(box)
	}
	return removed
}

// lastWithText returns the last element of level that holds text, or nil.
func lastWithText(level []*html.Node) *html.Node {
	for i := len(level) - 1; i >= 0; i-- {
		if n := level[i]; n.Type == html.ElementNode && n.Parent != nil && hasText(n) {
			return n
		}
	}
	return nil
}

// siblingsOf returns level without the node removed from it.
func siblingsOf(level []*html.Node, removed *html.Node) []*html.Node {
	out := make([]*html.Node, 0, len(level))
	for _, n := range level {
		if n != removed {
			out = append(out, n)
		}
	}
	return out
}

// childElements returns the element children of n.
func childElements(n *html.Node) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			out = append(out, c)
		}
	}
	return out
}

// maxLabelChars bounds a label line (section name, byline) above the article.
const maxLabelChars = 40

func leadingChrome(b block) bool {
	if b.img || b.n.Parent == nil {
		return false
	}
	switch {
	case isDateLine(b.norm, b.chars), isChromeTitleNorm(b.norm), noLetters(b.norm), isBareURL(nodeText(b.n)):
		return true
	case isServiceText(b):
		return true
	case b.linkHeavy() && b.chars < 80:
		return true
	case b.chars < maxBylineChars && isByline(b.norm):
		return true
	}
	return b.chars < maxLabelChars && !isHeading(b.n.DataAtom) && !endsSentence(nodeText(b.n))
}

func trailingChrome(b block) bool {
	if b.img || b.n.Parent == nil {
		return false
	}
	switch {
	case isDateLine(b.norm, b.chars), isChromeTitleNorm(b.norm), noLetters(b.norm):
		return true
	case isBareURL(nodeText(b.n)):
		return true
	case b.chars <= maxChromeChars && hasChromePrefixNorm(b.norm):
		return true
	case b.chars <= maxCallChars && (isCallToAction(b.norm) || isAuthorBio(b.norm)):
		return true
	case isServiceText(b):
		return true
	}
	return b.linkHeavy() && b.chars < 200
}

// A block at an edge of the article that uses minServiceWords of the
// words in which a site speaks about itself (textkit.ServiceWords), or
// one fewer in a short block, is a notice, an appeal or a licence:
// cookies, subscriptions, accounts, rights. A story on such a subject
// uses one or two of them a paragraph. A block longer than
// maxServiceChars needs one word more for every noticeStep characters
// over, up to maxNoticeChars: a consent dialog that explains each kind
// of cookie runs to a few thousand characters.
const (
	minServiceWords     = 4
	maxServiceChars     = 1500
	maxShortNoticeChars = 300
	maxNoticeChars      = 4000
	noticeStep          = 500
)

// isBioTitle reports whether b is a heading that titles an author's bio
// ("About the author", textkit.BioTitles).
func isBioTitle(b block) bool {
	return b.n != nil && isHeading(b.n.DataAtom) && textkit.IsBioTitle(b.norm)
}

// previousWithText returns the last of blocks that holds text, as a block.
func previousWithText(blocks []*html.Node) block {
	for i := len(blocks) - 1; i >= 0; i-- {
		if b := newBlock(blocks[i]); b.chars > 0 {
			return b
		}
	}
	return block{}
}

// titlesNotice reports whether b is a heading that titles a bio, or whose
// box, the next block with text in rest, is a notice (isServiceText):
// "About us" over the site's appeal.
func titlesNotice(b block, rest []*html.Node) bool {
	if !isHeading(b.n.DataAtom) {
		return false
	}
	if isBioTitle(b) {
		return true
	}
	for _, n := range rest {
		if nb := newBlock(n); nb.chars > 0 {
			return isServiceText(nb)
		}
	}
	return false
}

// isServiceText reports whether b reads as the site's notice to its
// reader rather than article text.
func isServiceText(b block) bool {
	if b.chars > maxNoticeChars {
		return false
	}
	n := textkit.CountServiceWords(b.norm)
	if b.chars > maxServiceChars {
		return n >= minServiceWords+(b.chars-maxServiceChars+noticeStep-1)/noticeStep
	}
	return n >= minServiceWords || n >= minServiceWords-1 && b.chars <= maxShortNoticeChars
}

// maxCallChars bounds a call to action below the article.
const maxCallChars = 300

// callPrefixes open calls to action: follow us, sign up, join, listen.
var callPrefixes = [...]string{
	"follow ", "listen to ", "join ", "sign up", "subscribe", "download ",
	"click here", "tap here", "get ", "start your day", "there s plenty more",
	"don t forget", "we want to hear", "let us know", "have a news tip",
	"contact us", "email us", "like us on", "تابع", "لمتابعه", "حمل ",
	"انضم", "اشترك", "للاشتراك", "شاركنا", "راسلنا",
	// The same calls in the other languages we read: click, follow,
	// subscribe.
	"clique ", "cliquez ", "haga clic", "haz clic", "pulse aquí", "klicken sie",
	"klick hier", "hier klicken", "clicca ", "fai clic", "kliknij ", "klik hier",
	"siga nos", "suivez nous", "síguenos", "folgen sie uns", "folge uns",
	"seguici", "obserwuj nas", "volg ons", "inscreva se", "abonnez vous",
	"suscríbete", "abonniere", "abonnieren sie", "iscriviti", "zapisz się",
	"подписывайтесь", "подпишитесь", "читайте нас",
}

// socialNames are social networks named by "follow us" lines.
var socialNames = [...]string{
	"facebook", "twitter", "instagram", "youtube", "telegram", "whatsapp",
	"tiktok", "linkedin", "فيسبوك", "فيس بوك", "تويتر", "انستغرام",
	"انستجرام", "يوتيوب", "تلغرام", "تلجرام", "تليجرام", "واتساب",
}

// isCallToAction reports whether normalised text asks the reader to
// follow, subscribe or join rather than telling the story.
func isCallToAction(norm string) bool {
	for _, p := range callPrefixes {
		if strings.HasPrefix(norm, p) {
			return true
		}
	}
	if !strings.Contains(norm, "follow") && !strings.Contains(norm, "تابع") {
		return false
	}
	for _, s := range socialNames {
		if strings.Contains(norm, s) {
			return true
		}
	}
	return false
}

// maxDateLineChars bounds a line that only dates the article.
const maxDateLineChars = 80

// isDateLine reports whether normalised text is a dateline such as
// "Updated Nov 19, 6:55 AM" or "الأربعاء 28 آب 2013": short, with digits,
// and mostly date words.
func isDateLine(norm string, chars int) bool {
	if chars > maxDateLineChars || strings.IndexFunc(norm, unicode.IsDigit) < 0 {
		return false
	}
	words := strings.Fields(norm)
	dated, named := 0, false
	for _, w := range words {
		strong, ok := dateWords[w]
		if !ok && textkit.IsMonthNameWord(w) {
			strong, ok = true, true
		}
		if ok || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) }) < 0 {
			dated++
		}
		named = named || strong
	}
	return named && dated*2 >= len(words)
}

// dateWords are the words of datelines besides the month names
// (textkit.IsMonthNameWord, which count as true): weekdays, time words.
// The true ones name a date by themselves; the false ones ("at", "pm")
// only go along with one.
var dateWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "mon": true, "tue": true,
	"wed": true, "thu": true, "fri": true, "sat": true, "sun": true,
	"am": false, "pm": false, "a": false, "p": false, "m": false, "gmt": true,
	"utc": true, "est": false, "edt": false, "pst": false, "pdt": false, "et": false,
	"updated": true, "posted": true, "published": true, "last": false, "on": false,
	"at": false, "st": false, "nd": false, "rd": false, "th": false,
	"الاحد": true, "الاثنين": true, "الثلاثاء": true, "الاربعاء": true,
	"الخميس": true, "الجمعه": true, "السبت": true, "صباحا": false, "مساء": false,
	"ص": false, "م": false, "تاريخ": true, "النشر": true, "نشر": true, "في": false,
	"اخر": false, "تحديث": true, "بتاريخ": true, "محدثه": true,
}

// bioWords name the trade of the author a closing bio line describes.
var bioWords = [...]string{
	"reporter", "writer", "editor", "journalist", "correspondent",
	"contributor", "columnist", "author of", "staff writer", "producer",
}

// isAuthorBio reports whether normalised text is a closing line about the
// author: "Jane Doe is a reporter covering …".
func isAuthorBio(norm string) bool {
	i := strings.Index(norm, " is a ")
	if i < 0 {
		i = strings.Index(norm, " is an ")
	}
	if i < 0 || i > 60 {
		return false
	}
	rest := norm[i:]
	for _, w := range bioWords {
		if strings.Contains(rest, w) {
			return true
		}
	}
	return false
}

// noLetters reports whether normalised text has no letters at all: a view
// count, an id, a lone number.
func noLetters(norm string) bool {
	return strings.IndexFunc(norm, unicode.IsLetter) < 0
}

// maxBylineChars bounds a byline above the article.
const maxBylineChars = 120

// isByline reports whether normalised text is a byline: "By Jane Doe",
// "كتب - محمد علي" (see textkit.BylinePrefixes).
func isByline(norm string) bool { return textkit.HasBylinePrefix(norm) }

// isBareURL reports whether text is one web address and nothing else, as a
// channel or share address printed under an article without a link.
func isBareURL(text string) bool {
	f := strings.Fields(text)
	if len(f) != 1 {
		return false
	}
	w := strings.ToLower(f[0])
	return strings.HasPrefix(w, "http://") || strings.HasPrefix(w, "https://") || strings.HasPrefix(w, "www.")
}

// maxBioChars bounds an author's bio at an edge of the article: a few
// lines on who the author is and what they cover.
const maxBioChars = 800

// isBioOf reports whether b, a block at an edge of the article, is the
// bio of its author: it opens with author, the page's byline name
// normalised, of two words or more ("Jane Doe is a reporter covering …",
// "JANE DOE IS POLITICAL EDITOR", "محمد علي صحفي …"), is no longer than
// maxBioChars, and does not set the name apart with a dash, a slash or a
// colon: an agency, whose name a site may give as the byline, opens its
// stories so ("أخبار الوادي/ افتتحت …", "Valley Wire – The …"). A story
// does not open or close with the full name of its own writer; a
// one-word byline may be a site's or an agency's.
func isBioOf(b block, author string) bool {
	if author == "" || b.img || b.n.Parent == nil || b.chars > maxBioChars || !strings.Contains(author, " ") {
		return false
	}
	return strings.HasPrefix(b.norm, author+" ") && !setsApart(nodeText(b.n), utf8.RuneCountInString(author))
}

// setsApart reports whether text sets its opening n runes (a name) apart
// from the rest with a dash, a slash, a colon or a bar, as a dateline
// does: the mark comes within two runes after them.
func setsApart(text string, n int) bool {
	i := 0
	for _, r := range strings.TrimSpace(text) {
		if i > n+2 {
			return false
		}
		switch r {
		case '/', '-', '–', '—', ':', '|':
			return true
		}
		i++
	}
	return false
}
