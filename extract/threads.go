package extract

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/refeed/refeed/internal/textkit"
)

// Threads of readers' comments: a thread is never the pick, a sibling of
// it, an ancestor to climb to or the prose centre, and the page's known
// comments are left out of the copy a pass cleans and of the prose the
// pick is weighed against. A thread is known by its reply links
// (isThread); its comments by their headers, or as runs of boxes that
// each hold a reply link (findComments). Threads titled or classed as
// comments are chrome by their marks already (boxes.go, hints.go).

// minReplyLinks is how many reply links mark a thread of comments.
const minReplyLinks = 3

// maxReplyLinkBytes bounds the text of a link read as a reply link.
const maxReplyLinkBytes = 64

// isReplyLink reports whether link a says "Reply", in its own text or in
// the elements it wraps ("<a><i></i> <span>Reply</span></a>").
func isReplyLink(a *html.Node) bool {
	if c := a.FirstChild; c == a.LastChild && c.Type == html.TextNode {
		return len(c.Data) <= maxReplyLinkBytes && textkit.IsReplyLink(textkit.FoldPhrase(c.Data))
	}
	var b strings.Builder
	appendText(&b, a)
	return b.Len() <= maxReplyLinkBytes && textkit.IsReplyLink(textkit.FoldPhrase(b.String()))
}

// isThread reports whether n holds a thread of readers' comments: at
// least minReplyLinks links that say "Reply" (textkit.IsReplyLink), or
// comments of the page's set cs (commentItems) that hold at least half of
// n's text. A story with a short thread of headed comments under it is
// no thread: its comments are left out of the copy that is cleaned.
func isThread(n *html.Node, cs *commentSet) bool {
	if cs.isContent() {
		return false
	}
	replies := 0
	walkElementsUntil(n, func(e *html.Node) bool {
		if e.DataAtom == atom.A && e.FirstChild != nil && isReplyLink(e) {
			replies++
		}
		return replies >= minReplyLinks
	})
	if replies >= minReplyLinks {
		return true
	}
	in := cs.bytesUnder(n)
	return in > 0 && 2*in >= textBytes(n)
}

// holdsUnknownThread reports whether n is a thread (isThread) none of
// whose comments cs knows. A block that holds the story and the comments
// cs knows is no thread to the opinions that look for the page's prose:
// the comments count in neither that prose nor the copy that is cleaned.
func holdsUnknownThread(n *html.Node, cs *commentSet) bool {
	return isThread(n, cs) && cs.bytesUnder(n) == 0
}

// Threads without reply links. A reader's comment opens with a header
// that names the reader with a speech verb (textkit.SpeechVerbs) and
// stamps the comment with a date or a time after the verb: "Anna wrote on
// December 6, 2016 at 9:12 am:", "Anna schrieb am 06.12.2016 um 09:12
// Uhr:", "كتب أحمد في 6 ديسمبر 2016", or "Anna says:" over a line of its
// own "December 6, 2016 at 9:12 am". The comment's text follows. At least
// minCommentRun such elements in a row, siblings of one tag, make a
// thread, whatever their class names and titles.
//
// The stamp is what tells a thread from an article that quotes people:
// quoted e-mails ("Rob Malda wrote:") and vox-pops ("Anna, 34, says:")
// carry none, and a mail client writes its date before the name ("On 6
// Dec 2016 at 9:12, Rob wrote:"), where a comment header never has it.
// A thread whose comments are not each wrapped in an element of their own
// (headers and texts as flat siblings) is not recognised: such a layout is
// also the shape of an interview or a quoted exchange.
//
// A header may also name the reader without a verb, with the stamp after
// the name on its line or on a line of its own: "Sam K. 1 March 2021,
// 8:07" or "Layla" over "March 1, 2021 at 8:07 am". That is also the
// shape of the header of a teaser, a live blog's entry or an entry of a
// version history, so the stamp must hold a date and a time of day
// (signatureDate), and such comments make a thread only when they are
// not headed by a heading element (teasers and entries are) and when at
// least two readers sign them (a live blog's entries are mostly the same
// reporter's).
//
// The page's comments are found once, after preparation (findComments):
// every pass leaves them out of the copy it cleans (cleanCopy), and
// isThread weighs them.
const (
	minCommentRun      = 3   // comments in a row that make a thread
	maxHeaderLineBytes = 160 // a header line is short
	maxHeaderNameWords = 5   // words before the verb: the reader's name
	commentLeadLines   = 3   // lines of a comment read for its header
	maxNameBytes       = 40  // a reader's name, signed without a verb
)

// A comment known by its reply link holds more text than that of the
// link and a name: minRepliedCommentBytes.
const minRepliedCommentBytes = 2 * maxReplyLinkBytes

// commentSet is the page's readers' comments known by their headers or
// their reply links.
type commentSet struct {
	items map[*html.Node]bool // every comment, replies too
	outer []*html.Node        // the comments not inside another
	bytes []int               // the text of each outer comment, in bytes
	// content: the page holds nothing but its thread (a forum's or a
	// question's page), so its comments are its content. No element is
	// a thread then, and no comment is left out.
	content bool
}

// inThread reports whether origin, the nodes a pass picked, lie in a
// thread of comments: in a comment of cs, or under an element that is a
// thread (isThread).
func inThread(origin []*html.Node, cs *commentSet) bool {
	if len(origin) == 0 {
		return false
	}
	for a := origin[0]; a != nil && a.Type == html.ElementNode && a.DataAtom != atom.Body; a = a.Parent {
		if cs != nil && cs.items[a] || isThread(a, cs) {
			return true
		}
	}
	return false
}

// findComments returns the comments under body (commentItems), or nil
// when it has none. It looks into chrome too, elements marked by their
// tag, role, class or id: a story in a box whose class reads as chrome,
// which only the passes that trust class names less take, keeps its
// thread under it.
func findComments(body *html.Node) *commentSet {
	var cs *commentSet
	var r leadReader
	var replied map[*html.Node]bool // the elements that hold a reply link
	// walk finds the comments under n, children first, so that the
	// elements that hold reply links are known when n's are weighed, and
	// reports whether n holds a reply link.
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		held := n.DataAtom == atom.A && n.FirstChild != nil && isReplyLink(n)
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && walk(c) {
				if replied == nil {
					replied = make(map[*html.Node]bool)
				}
				replied[c], held = true, true
			}
		}
		for _, c := range commentItems(n, &r, replied) {
			if cs == nil {
				cs = &commentSet{items: make(map[*html.Node]bool)}
			}
			cs.items[c] = true
		}
		return held
	}
	walk(body)
	if cs == nil {
		return nil
	}
	for c := range cs.items {
		if !cs.inside(c) {
			cs.outer = append(cs.outer, c)
			cs.bytes = append(cs.bytes, textBytes(c))
		}
	}
	return cs
}

// inside reports whether c lies inside another comment of cs.
func (cs *commentSet) inside(c *html.Node) bool {
	for p := c.Parent; p != nil; p = p.Parent {
		if cs.items[p] {
			return true
		}
	}
	return false
}

// bytesUnder is the text, in bytes, of the comments of cs under n (n
// itself included).
func (cs *commentSet) bytesUnder(n *html.Node) int {
	if cs == nil {
		return 0
	}
	sum := 0
	for i, c := range cs.outer {
		if contains(n, c) {
			sum += cs.bytes[i]
		}
	}
	return sum
}

// isContent reports whether cs is the comment set of a page whose thread
// is its content (see commentSet.content).
func (cs *commentSet) isContent() bool { return cs != nil && cs.content }

// leaves returns the set of comments for a copy to leave out, or nil.
func (cs *commentSet) leaves() map[*html.Node]bool {
	if cs == nil || cs.content {
		return nil
	}
	return cs.items
}

// commentItems returns the element children of n that stand in runs of
// at least minCommentRun comments in a row with one tag: elements that
// open with a comment header (readComment) or that hold a reply link of
// their own (replied) and text besides; children without text (rules,
// spacers) do not break a run. A run of comments known only by headers
// that name the reader without a verb counts when two readers at least
// sign it. Only children that may hold a header's lines are read
// (holdsLines). It returns nil when n has none. r is the reader to use.
func commentItems(n *html.Node, r *leadReader, replied map[*html.Node]bool) []*html.Node {
	kids := 0
	for c := n.FirstChild; c != nil && kids < minCommentRun; c = c.NextSibling {
		if c.Type == html.ElementNode {
			kids++
		}
	}
	if kids < minCommentRun {
		return nil
	}
	var items, run []*html.Node
	sure, first, readers := false, "", 1 // what the run's comments say of it
	end := func() {
		if len(run) >= minCommentRun && (sure || readers > 1) {
			items = append(items, run...)
		}
		run, sure, first, readers = run[:0], false, "", 1
	}
	add := func(c *html.Node, name string) {
		if len(run) > 0 && run[0].DataAtom != c.DataAtom {
			end()
		}
		run = append(run, c)
		switch {
		case name == "":
			sure = true
		case first == "":
			first = name
		case name != first:
			readers = 2
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && !isSpace(c.Data):
			end()
		case c.Type != html.ElementNode:
		case isInlineNode(c):
			if hasText(c) {
				end()
			}
		case replied[c] && textBytes(c) > minRepliedCommentBytes:
			add(c, "")
		default:
			if holdsLines(c) {
				if ok, name := readComment(c, r); ok {
					add(c, name)
					continue
				}
			}
			if hasText(c) {
				end()
			}
		}
	}
	end()
	return items
}

// holdsLines reports whether element n may hold the two lines a comment
// header needs and the text after it: a child that is a block or a <br>.
// A menu's items and the like, a link each, are not read.
func holdsLines(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Br || !isInlineNode(c)) {
			return true
		}
	}
	return false
}

// textBytes is the length in bytes of the text under n.
func textBytes(n *html.Node) int {
	if n.Type == html.TextNode {
		return len(n.Data)
	}
	sum := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		sum += textBytes(c)
	}
	return sum
}

// isComment reports whether element n reads as a reader's comment by a
// header with a speech verb: its first lines are such a header and text
// follows it. r is the reader to use, reset here.
func isComment(n *html.Node, r *leadReader) bool {
	ok, name := readComment(n, r)
	return ok && name == ""
}

// readComment reports whether element n reads as a reader's comment: its
// first lines are a comment header and text follows it. name is the
// reader's name when the header names them without a verb (signedName),
// "" when a verb heads it. r is the reader to use, reset here.
func readComment(n *html.Node, r *leadReader) (ok bool, name string) {
	r.reset()
	r.read(n)
	if r.stop {
		return false, ""
	}
	r.flush()
	if isCommentHeader(r.lines) {
		return true, ""
	}
	if r.heading {
		return false, ""
	}
	name = signedName(r.lines)
	return name != "", name
}

// isCommentHeader reports whether the leading lines of an element open
// with a comment header (see minCommentRun) and go on after it.
func isCommentHeader(lines []string) bool {
	if len(lines) < 2 || len(lines[0]) > maxHeaderLineBytes || !hasDigit(lines[0]) && !hasDigit(lines[1]) {
		return false
	}
	i := speechVerbAt([]byte(lines[0]))
	if i < 0 {
		return false
	}
	if rest := strings.TrimSpace(lines[0][i:]); isStamp(rest) {
		return true
	} else if rest != "" && rest != ":" {
		return false
	}
	// "Anna says:" over its stamp line, and text after both.
	return len(lines) > 2 && len(lines[1]) <= maxHeaderLineBytes && isStamp(lines[1])
}

// signedName returns the reader's name when the leading lines of an
// element open with a header that names the reader without a verb, a
// stamp after the name, and go on after it: "Sam K. 1 March 2021, 8:07",
// or "Layla" over "March 1, 2021 at 8:07 am" (isDateStamp). It returns ""
// otherwise.
func signedName(lines []string) string {
	if len(lines) < 2 {
		return ""
	}
	if name := signedLine(lines[0]); name != "" {
		return name
	}
	if len(lines) > 2 && isReaderName(lines[0]) && isDateStamp(lines[1]) {
		return lines[0]
	}
	return ""
}

// isReaderName reports whether line may be a reader's name alone: at
// most maxHeaderNameWords words and maxNameBytes bytes, with a letter,
// and no colon, question or exclamation mark at its end.
func isReaderName(line string) bool {
	if line == "" || len(line) > maxNameBytes || strings.Count(line, " ") >= maxHeaderNameWords {
		return false
	}
	switch line[len(line)-1] {
	case ':', '?', '!':
		return false
	}
	return strings.IndexFunc(line, unicode.IsLetter) >= 0
}

// signedLine returns the reader's name when line is a name (isReaderName)
// and then a stamp (isStamp) that opens with a signature's date
// (signatureDate), as in "Sam K. 1 March 2021, 8:07", or "". The name is the words before the date, a
// weekday among them when one is written ("Sam Sat, 06/24/2023").
func signedLine(line string) string {
	if !hasStamp(line) {
		return ""
	}
	folded := foldDateText(line)
	i := signatureDate(folded)
	if i < 0 {
		return ""
	}
	name := strings.TrimSpace(folded[:i])
	if !isReaderName(name) || !isStamp(folded[i:]) {
		return ""
	}
	return name
}

// maxVerbBytes bounds a word read as a speech verb.
const maxVerbBytes = 24

// speechVerbAt returns where the text after the speech verb begins in
// line, when one of its first maxHeaderNameWords+1 words is one
// (isSpeechVerb), or -1.
func speechVerbAt(line []byte) int {
	for i, words := 0, 0; i < len(line) && words <= maxHeaderNameWords; words++ {
		for i < len(line) && line[i] == ' ' {
			i++
		}
		j := bytes.IndexByte(line[i:], ' ')
		if j < 0 {
			j = len(line)
		} else {
			j += i
		}
		if isSpeechVerb(line[i:j]) {
			return j
		}
		i = j
	}
	return -1
}

// isSpeechVerb reports whether word, punctuation after it aside ("says:"),
// is one of textkit.SpeechVerbs. It runs on the first line of many
// elements, so it folds only what needs folding, and copies nothing.
func isSpeechVerb(word []byte) bool {
	word = bytes.TrimRight(word, ":,.;")
	if len(word) == 0 || len(word) > maxVerbBytes {
		return false
	}
	if textkit.IsSpeechVerbBytes(word) {
		return true
	}
	var buf [maxVerbBytes]byte
	upper := false
	for i, c := range word {
		if c >= utf8.RuneSelf {
			r, _ := utf8.DecodeRune(word)
			return unicode.IsUpper(r) && textkit.IsSpeechVerb(textkit.FoldPhrase(string(word)))
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
			upper = true
		}
		buf[i] = c
	}
	return upper && textkit.IsSpeechVerbBytes(buf[:len(word)])
}

// maxStampWords bounds the words without digits around a stamp: "on",
// "at", "am", a month's name, and in a header that opens with its verb
// ("كتب أحمد في …") the reader's name.
const maxStampWords = 6

// isStamp reports whether s is a date or time stamp and little else: a
// stamp (hasStamp) of at least two numbers ("December 6, 2016", "9:12",
// "06.12.2016"), among at most maxStampWords words without digits. "I
// moved here in 2016" is no stamp.
func isStamp(s string) bool {
	if !hasStamp(s) {
		return false
	}
	numbers, words := 0, 0
	for _, w := range strings.Fields(textkit.FoldDigits(s)) {
		digits, letters := false, false
		for i := 0; i < len(w); i++ {
			c := w[i]
			switch {
			case isASCIIDigit(c):
				if !digits || i > 0 && !isASCIIDigit(w[i-1]) {
					numbers++
				}
				digits = true
			case c >= utf8.RuneSelf || 'a' <= c|0x20 && c|0x20 <= 'z':
				letters = true
			}
		}
		if letters && !digits {
			words++
		}
	}
	return numbers >= 2 && words <= maxStampWords
}

// hasStamp reports whether s holds a time of day ("9:12", "٠٩:١٢") or a
// year of our times ("2016", "06.12.16").
func hasStamp(s string) bool {
	s = textkit.FoldDigits(s)
	if hasShortDate(s) {
		return true
	}
	for i := 0; i < len(s); i++ {
		if !isASCIIDigit(s[i]) || i > 0 && isASCIIDigit(s[i-1]) {
			continue
		}
		j := i
		for j < len(s) && isASCIIDigit(s[j]) {
			j++
		}
		switch {
		case j-i == 4 && (s[i:i+2] == "19" || s[i:i+2] == "20"):
			return true
		case j-i <= 2 && j+2 < len(s) && s[j] == ':' && isASCIIDigit(s[j+1]) && isASCIIDigit(s[j+2]):
			return true
		}
		i = j
	}
	return false
}

// isDateStamp reports whether s is a stamp (isStamp) that opens with a
// signature's date (signatureDate), a word before it at most ("Sat,
// 06/24/2023 - 08:58").
func isDateStamp(s string) bool {
	if !isStamp(s) {
		return false
	}
	s = foldDateText(s)
	i := signatureDate(s)
	return i >= 0 && len(strings.Fields(s[:i])) <= 1
}

// signatureDate returns where the date of a signature's stamp begins in
// folded text s, or -1: a whole date and the time of day after it, as
// comments are stamped ("1 March 2021, 8:07", "December 10, 2021 at 8:33
// pm"). A product's name with its year ("Gaming 3 (2022)"), a story's
// title with its day ("How do vines grow? - 21 May 2021") and the entries
// of a version history or a list of events or people, dated by the day
// alone, have no such stamp.
func signatureDate(s string) int {
	m := locateDate(s, true)
	if m == nil {
		return -1
	}
	end := m.end
	if end > 0 && end <= len(s) && !isASCIIDigit(s[end-1]) {
		end-- // the pattern consumed one byte after the year
	}
	if !hasClockAfter(s[end:]) {
		return -1
	}
	return m.start
}

// maySign reports whether a header's first line may be a reader's
// signature without a verb (signedName), by what is cheap to see: a name
// alone, or words and a stamp (hasStamp).
func maySign(line []byte) bool {
	if len(line) <= maxNameBytes && isReaderName(string(line)) {
		return true
	}
	return hasStamp(string(line)) && bytes.IndexFunc(line, unicode.IsLetter) >= 0
}

// leadReader reads the first lines of an element's text: text broken at
// block elements and <br>, each line cut after maxHeaderLineBytes. It
// stops at a first line longer than that, or with neither a speech verb
// nor what may be a signature (maySign), and at a name alone over a line
// without a stamp: no header opens the element.
// One reader serves the children of one element in turn (reset).
type leadReader struct {
	lines []string
	cur   []byte
	stop  bool // the first line is too long for a header, or opens none
	// heading: a heading element was read, as a teaser's or a live blog
	// entry's title is one, and a reader's signature is not.
	heading bool
	// signed: no verb opens the first line, which may be a signature
	// without one (maySign).
	signed bool
}

// reset readies r for another element.
func (r *leadReader) reset() {
	r.lines, r.cur, r.stop, r.heading, r.signed = r.lines[:0], r.cur[:0], false, false, false
}

func (r *leadReader) read(n *html.Node) {
	for c := n.FirstChild; c != nil && !r.done(); c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			r.text(c.Data)
		case c.Type != html.ElementNode:
		case c.DataAtom == atom.Br:
			r.flush()
		case isInlineNode(c):
			r.read(c)
		default:
			r.heading = r.heading || isHeading(c.DataAtom)
			r.flush()
			r.read(c)
			r.flush()
		}
	}
}

// text adds s to the line being read, each run of white space as one
// space, none at the line's start, up to one byte over
// maxHeaderLineBytes.
func (r *leadReader) text(s string) {
	for i := 0; i < len(s) && len(r.cur) <= maxHeaderLineBytes; {
		if n := spaceAt(s, i); n > 0 {
			if len(r.cur) > 0 && r.cur[len(r.cur)-1] != ' ' {
				r.cur = append(r.cur, ' ')
			}
			i += n
			continue
		}
		j, end := i+1, min(len(s), i+maxHeaderLineBytes+1-len(r.cur))
		for j < end && spaceAt(s, j) == 0 {
			j++
		}
		r.cur = append(r.cur, s[i:j]...)
		i = j
	}
	if len(r.cur) > maxHeaderLineBytes && len(r.lines) == 0 {
		r.stop = true
	}
}

// spaceAt returns the length of the white space at s[i]: an ASCII space
// or a no-break space, or 0.
func spaceAt(s string, i int) int {
	switch s[i] {
	case ' ', '\t', '\n', '\r', '\f':
		return 1
	case 0xC2:
		if i+1 < len(s) && s[i+1] == 0xA0 {
			return 2
		}
	}
	return 0
}

// done reports whether the reader has read enough.
func (r *leadReader) done() bool { return r.stop || len(r.lines) >= commentLeadLines }

// flush ends the line being read.
func (r *leadReader) flush() {
	if line := bytes.TrimSpace(r.cur); len(line) > 0 && len(r.lines) < commentLeadLines {
		switch {
		case len(r.lines) == 0 && speechVerbAt(line) < 0:
			if !maySign(line) {
				r.stop = true // neither a verb nor a name opens the first line: no header
				break
			}
			r.lines, r.signed = append(r.lines, string(line)), true
		case len(r.lines) == 1 && r.signed && !hasStamp(r.lines[0]) && !hasStamp(string(line)):
			r.stop = true // a name alone, and no stamp under it
		default:
			r.lines = append(r.lines, string(line))
		}
	}
	r.cur = r.cur[:0]
}
