package extract

import (
	"strings"
	"time"

	"github.com/refeed/refeed/internal/textkit"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Bounds of a dateline at the start of the article's first paragraph.
const (
	datelinePlace = 40  // the place and agency before the date ("Berlin (dpa) – ")
	datelineLead  = 120 // the opening of the paragraph searched for the date
)

// leadDateline returns the date of the dateline that opens the article's
// first paragraph: a place or an agency, the date, then a dash or a
// slash ("Berlin (dpa) – 06.12.2016 – Im Winter …", "BERLIN, Dec. 6, 2016
// /PRNewswire/ -- …"). The texts after the headline are read up to the
// first too long for a date line, where the article has begun; those in
// a caption, an aside or navigation are not. See readDateline for what a
// dateline is.
func leadDateline(root, headline *html.Node, loc *time.Location) time.Time {
	if root == nil || headline == nil {
		return time.Time{}
	}
	var t time.Time
	passed, read := false, 0
	walkVisible(root, func(n *html.Node) bool {
		if n == headline {
			passed = true
			return true
		}
		if !passed || n.Type != html.TextNode || isInside(n, headline) {
			return true
		}
		text := strings.TrimSpace(n.Data)
		if text == "" {
			return true
		}
		if read++; read > maxDateTexts {
			return false
		}
		if mayHoldDate(text) && !under(n, atom.Figcaption, atom.Aside, atom.Nav) {
			t, _ = readDateline(text, loc)
		}
		return t.IsZero() && len(text) <= dateLineMaxChars
	})
	return t
}

// readDateline reads a date at the start of prose as a dateline: at most
// datelinePlace bytes before it that end in a comma, dash, parenthesis or
// colon, or nothing ("On December 6, 2016, the council …" opens a
// sentence), and right after it, past a time of day, a dash or a slash.
// An update notice before it, or a numeric date that reads either way
// (12/06/2016), is no dateline.
func readDateline(text string, loc *time.Location) (time.Time, bool) {
	if len(text) > datelineLead {
		cut := datelineLead
		for cut < len(text) && cut < datelineLead+4 && text[cut]&0xC0 == 0x80 {
			cut++ // not inside a rune
		}
		text = text[:cut]
	}
	folded := foldDateText(text)
	m := locateDate(folded, true)
	if m == nil || m.swappable || m.start > datelinePlace {
		return time.Time{}, false
	}
	place := strings.TrimSpace(folded[:m.start])
	if place != "" && !strings.HasSuffix(place, ",") && !strings.HasSuffix(place, ")") && !strings.HasSuffix(place, ":") && !endsWithDash(place) {
		return time.Time{}, false
	}
	if place != "" && textkit.IsUpdateNotice(place) {
		return time.Time{}, false
	}
	end := m.end
	if end > 0 && end <= len(folded) && !isASCIIDigit(folded[end-1]) {
		end-- // the pattern consumed one byte after the year
	}
	rest := folded[end:]
	if loc := clockTime.FindStringIndex(rest); loc != nil {
		rest = rest[loc[1]:]
	}
	rest = strings.TrimSpace(rest)
	if !startsWithDash(rest) && !strings.HasPrefix(rest, "/") {
		return time.Time{}, false
	}
	return matchTime(folded, m, loc)
}

// datelineDashes are the dashes that part a dateline from the story.
var datelineDashes = [...]string{"-", "–", "—"}

// startsWithDash reports whether s starts with a dash.
func startsWithDash(s string) bool {
	for _, d := range datelineDashes {
		if strings.HasPrefix(s, d) {
			return true
		}
	}
	return false
}

// endsWithDash reports whether s ends with a dash.
func endsWithDash(s string) bool {
	for _, d := range datelineDashes {
		if strings.HasSuffix(s, d) {
			return true
		}
	}
	return false
}
