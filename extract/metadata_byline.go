package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxBylineRunes is the longest text taken for a byline; longer text is
// a paragraph, not a name.
const maxBylineRunes = 100

// bylinePrefix matches the words that introduce an author's name, in
// English and Arabic ("بقلم" by the pen of, "كتب/كتبت" wrote, "إعداد"
// prepared by, "تقرير" report by, "حوار" interview by), and the
// punctuation after them.
var bylinePrefix = regexp.MustCompile(`^(?:(?i:(?:written\s+|posted\s+|reported\s+)?by)\s|بقلم|كتبت?\s*[:：\-–—]|إعداد|اعداد|تقرير\s*[:：\-–—]|حوار\s*[:：\-–—]|تحرير\s*[:：\-–—])\s*[:：\-–—]?\s*`)

// mayOpenByline reports whether text may match bylinePrefix, by its first
// byte alone: a B, W, P or R in either case, or the first byte of an
// Arabic letter. It spares most texts of a page the regular expression;
// FuzzMayOpenByline holds it to it.
func mayOpenByline(text string) bool {
	if text == "" {
		return false
	}
	switch text[0] {
	case 'b', 'B', 'w', 'W', 'p', 'P', 'r', 'R', 0xD8, 0xD9:
		return true
	}
	return false
}

// bylineWords are the lowercase class or id fragments of elements that
// hold a byline.
var bylineWords = newFoldWords("byline", "author", "writer", "reporter", "byl", "dateline", "writtenby", "kateb", "katib")

// pickByline returns the author(s): JSON-LD author names, then author
// meta tags, then a rel=author link, an itemprop=author element, an
// element with a byline-like class, or a short text starting "بقلم"/"By".
func pickByline(idx *pageIndex, tags metaTags, ld ldArticle) string {
	if len(ld.Authors) > 0 {
		if b := cleanByline(strings.Join(ld.Authors, ", ")); b != "" {
			return b
		}
	}
	for _, k := range [...]string{"dc:creator", "dc.creator", "dcterms.creator", "author", "article:author", "parsely-author", "sailthru.author", "byl", "twitter:creator"} {
		if v := tags[k]; v != "" && !looksLikeURL(v) && !strings.HasPrefix(v, "@") {
			if b := cleanByline(v); b != "" {
				return b
			}
		}
	}
	body := idx.bodyOrRoot()
	if body == nil {
		return ""
	}
	if b := bylineByMarkup(body); b != "" {
		return b
	}
	return bylineByPrefix(body)
}

// bylineByMarkup finds the first element marked as a byline (rel=author,
// itemprop=author, a byline-like class or id) whose text is a name.
func bylineByMarkup(body *html.Node) string {
	var found string
	walkVisible(body, func(n *html.Node) bool {
		if n.Type != html.ElementNode || !isBylineElement(n) {
			return true
		}
		text, ok := limitedText(n, 4*maxBylineRunes)
		if name := itemName(n); name != "" {
			text, ok = name, true
		}
		if ok {
			found = cleanByline(text)
		}
		return found == ""
	})
	return found
}

// isBylineElement reports whether the element is marked as a byline.
// Comment forms and readers' comments do not count: their "author" is a
// reader.
func isBylineElement(n *html.Node) bool {
	if len(n.Attr) == 0 {
		return false // the common case, without looking for four names
	}
	marked := attrOf(n, "rel") == "author" || strings.Contains(attrOf(n, "itemprop"), "author") ||
		bylineWords.in(attrOf(n, "class")) || bylineWords.in(attrOf(n, "id"))
	return marked && !inForm(n) && !inComments(n) // checked last: they climb to the root
}

// inForm reports whether n is a form control or sits inside a form.
func inForm(n *html.Node) bool {
	for a := n; a != nil; a = a.Parent {
		switch a.DataAtom {
		case atom.Form, atom.Label, atom.Input, atom.Textarea, atom.Button, atom.Select:
			return true
		}
	}
	return false
}

// itemName returns the text of an itemprop=name descendant, which holds
// the bare name inside an itemprop=author block.
func itemName(n *html.Node) string {
	var name string
	walkVisible(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode && attrOf(c, "itemprop") == "name" {
			if v := attrOf(c, "content"); v != "" {
				name = collapseSpace(v)
			} else {
				name, _ = limitedText(c, 4*maxBylineRunes)
			}
			return false
		}
		return true
	})
	return name
}

// bylineByPrefix finds a short text that starts with a byline word
// ("بقلم", "كتب", "By"), taking the whole parent element's text when the
// name sits in a child (<p>بقلم: <a>name</a></p>).
func bylineByPrefix(body *html.Node) string {
	var found string
	walkVisible(body, func(n *html.Node) bool {
		if n.Type != html.TextNode {
			return true
		}
		text := strings.TrimSpace(n.Data)
		if len(text) > 4*maxBylineRunes || !mayOpenByline(text) || !bylinePrefix.MatchString(text) {
			return true
		}
		if n.Parent != nil {
			if whole, ok := limitedText(n.Parent, 4*maxBylineRunes); ok {
				text = whole
			}
		}
		if b := cleanByline(text); looksLikeName(b) {
			found = b
		}
		return found == ""
	})
	return found
}

// maxNameWords is the most words a byline found by its prefix may have;
// a longer text starting "By" is a sentence.
const maxNameWords = 8

// looksLikeName reports whether a byline found by its prefix is a name
// rather than a sentence: a few words, not starting in lowercase.
func looksLikeName(s string) bool {
	if s == "" || countWords(s) > maxNameWords {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return !unicode.IsLower(r)
}

// cleanByline trims a byline candidate, drops a leading "By"/"بقلم" and
// rejects text too long or too short to be a name.
func cleanByline(s string) string {
	s = collapseSpace(s)
	s = bylinePrefix.ReplaceAllString(s, "")
	s = strings.Trim(cutDate(cutStamp(s)), " :|-–—,،")
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") && strings.Count(s, "(") == 1 {
		s = strings.TrimSpace(s[1 : len(s)-1]) // "(أبوظبي - البيان)"
	}
	n := utf8.RuneCountInString(s)
	if n < 2 || n > maxBylineRunes || stampWords[strings.ToLower(s)] {
		return ""
	}
	return s
}

// stampWords are what is left of a date stamp in a byline-classed element
// once the date is cut: not a name.
var stampWords = map[string]bool{
	"updated": true, "last updated": true, "published": true, "posted": true, "posted on": true,
	"published on": true, "updated on": true, "date": true,
	"تحديث": true, "آخر تحديث": true, "اخر تحديث": true, "نشر": true, "نشر في": true, "تاريخ النشر": true,
}

// afterDateBy are the words for "by" in other languages, which open a
// name when they follow a date ("Veröffentlicht am 6. Dezember 2016 von
// Anna Muster"); alone at the start of a text they are too common to mark
// a byline.
var afterDateBy = map[string]bool{"von": true, "par": true, "por": true, "di": true, "door": true, "av": true, "af": true, "przez": true}

// cutDate removes a date printed after a name, and what follows it, as in
// "أبو محمد - ٢٠٢٣/١١/١٥" or "By Jane Smith March 3, 2024 4:00 PM". When
// the name follows the date ("Posted on March 30, 2015 by Admin", as blog
// engines print it), the name is what is kept. A byline that starts with
// a date is left alone.
func cutDate(s string) string {
	if !hasYearDigits(s) {
		return s
	}
	folded, offsets := foldWithOffsets(s)
	m := locateDate(folded, true)
	if m == nil || offsets[m.start] == 0 {
		return s
	}
	if m.end < len(offsets) {
		after := strings.TrimLeft(s[offsets[m.end]:], " ,|-–—")
		if loc := bylinePrefix.FindStringIndex(after); loc != nil && loc[1] < len(after) {
			return strings.TrimSpace(after[loc[1]:])
		}
		if word, name, ok := strings.Cut(after, " "); ok && afterDateBy[strings.ToLower(word)] && strings.TrimSpace(name) != "" {
			return strings.TrimSpace(name)
		}
	}
	return trimWeekday(strings.TrimRight(s[:offsets[m.start]], " :|-–—,،"))
}

// stampMarkers start the date stamp that some sites print in the byline
// element after the name ("Tom Davies Associated Press Published 11:34 PM
// EST", "علي حسين نشر في ...").
var stampMarkers = []string{" published", " updated", " posted on", " last modified", "نشر في", "تاريخ النشر", "آخر تحديث", "اخر تحديث"}

// cutStamp removes a date stamp, marked by one of stampMarkers, and what
// follows it, from a byline that has a name before it.
func cutStamp(s string) string {
	cut := len(s)
	lower := strings.ToLower(s)
	for _, m := range stampMarkers {
		if i := strings.Index(lower, m); i > 0 && i < cut {
			cut = i
		}
	}
	return strings.TrimSpace(s[:cut])
}

// weekdays are the day names that precede a date in a byline.
var weekdays = []string{
	"الأحد", "الاحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الاربعاء", "الخميس", "الجمعة", "السبت",
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat",
}

// trimWeekday drops a day name, and the separators before it, from the
// end of s.
func trimWeekday(s string) string {
	for _, d := range weekdays {
		if rest, ok := strings.CutSuffix(s, d); ok && rest != "" && !isLetterEnd(rest) {
			return strings.TrimRight(rest, " :|-–—,،")
		}
	}
	return s
}

// isLetterEnd reports whether s ends in a letter, i.e. a suffix match
// of s cut a word in two.
func isLetterEnd(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r)
}
