package evaluate

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A TruthLayout rewrites a page of a corpus as a Layout does, and its
// true text with it, for a rewrite that takes text out of the story.
type TruthLayout func(page []byte, truth string) ([]byte, string)

// TruthLayouts are the rewrites of page and truth by name:
//   - "brief": the story cut after its second paragraph (Brief).
var TruthLayouts = map[string]TruthLayout{
	"brief": Brief,
}

// Brief turns a page's story into a brief, as news sites publish short
// items of two paragraphs beside the same chrome as a long story, and
// returns the page and its true text without what it left out (see
// shortenStory and shortenTruth); a page whose story the cut would take
// whole is left as it is. A short story is where a longer box of
// the page (a notice, a promo, a list of teasers) outweighs the article:
// corpora of long stories hide that weakness.
func Brief(page []byte, truth string) ([]byte, string) {
	short, removed, rest := shortenStory(page)
	shortTruth := shortenTruth(truth, removed, rest)
	if len(Tokens(shortTruth)) < minBriefWords {
		return page, truth // the cut took the story: its paragraphs were not the block's first
	}
	return short, shortTruth
}

// minBriefWords is how many words of the true text a brief must keep.
const minBriefWords = 20

// briefParagraphs is how many paragraphs shortenStory keeps.
const briefParagraphs = 2

// shortenStory cuts a page's story short: in the element with the most
// paragraphs among its children, every child after its second paragraph
// is removed. It returns the rewritten page, without its JSON-LD scripts,
// the text it removed and the text the page still holds, for
// shortenTruth. A page whose story has fewer than minSplitParagraphs
// paragraphs, or that does not parse, is returned as it is, with no
// removed text.
func shortenStory(page []byte) (short []byte, removed, rest string) {
	// The page's JSON-LD describes the long story; a brief's would not.
	root, block, middle := storyMiddle(jsonLDScript.ReplaceAll(page, nil))
	if middle == nil {
		return page, "", ""
	}
	cut := nthParagraph(block, briefParagraphs).NextSibling
	var b strings.Builder
	for c := cut; c != nil; {
		next := c.NextSibling
		appendText(&b, c)
		block.RemoveChild(c)
		c = next
	}
	var r strings.Builder
	appendText(&r, root)
	return render(root, page), b.String(), r.String()
}

// appendText writes the text under n to b, a space after each text node,
// leaving out scripts and styles.
func appendText(b *strings.Builder, n *html.Node) {
	if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
		return
	}
	if n.Type == html.TextNode {
		b.WriteString(n.Data)
		b.WriteByte(' ')
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		appendText(b, c)
	}
}

// shortenTruth is the true text of a page that shortenStory shortened,
// as the words the scorers read, in their case: truth without the runs
// of three words that the text removed holds and the text the page still
// holds (rest) does not, so that a page that prints its story twice keeps
// it. Runs of words are matched, not lines: the truth may hold a whole
// story on one line, and a run still matches where the page spells a
// word otherwise (encoded twice over, a quote mark the truth
// straightened).
func shortenTruth(truth, removed, rest string) string {
	if removed == "" {
		return truth
	}
	gone, kept := wordRuns(removed), wordRuns(rest)
	words := Tokens(truth)
	lower := Tokens(strings.ToLower(truth))
	if len(lower) != len(words) {
		lower = words // a letter whose lower case splits a word: match as written
	}
	drop := make([]bool, len(words))
	for i := 0; i+runWords <= len(words); i++ {
		if run := strings.Join(lower[i:i+runWords], " "); gone[run] && !kept[run] {
			for k := i; k < i+runWords; k++ {
				drop[k] = true
			}
		}
	}
	var b strings.Builder
	for i, w := range words {
		if !drop[i] {
			b.WriteString(w)
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// runWords is how many words shortenTruth matches at a time.
const runWords = 3

// wordRuns returns the runs of runWords words of text.
func wordRuns(text string) map[string]bool {
	words := Tokens(strings.ToLower(text))
	runs := map[string]bool{}
	for i := 0; i+runWords <= len(words); i++ {
		runs[strings.Join(words[i:i+runWords], " ")] = true
	}
	return runs
}

// SnippetsHeld returns the snippets whose words truth holds in order,
// case aside: after a TruthLayout took text out of the truth, a must-have
// snippet of that text is no longer one.
func SnippetsHeld(snippets []string, truth string) []string {
	words := " " + strings.Join(Tokens(strings.ToLower(truth)), " ") + " "
	var kept []string
	for _, s := range snippets {
		if strings.Contains(words, " "+strings.Join(Tokens(strings.ToLower(s)), " ")+" ") {
			kept = append(kept, s)
		}
	}
	return kept
}
