package listing

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/refeed/refeed/internal/textkit"
)

// dateLayouts are the forms of <time datetime> values accepted.
var dateLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02",
}

// maxDateText bounds the bytes of a card read for a date written as text.
const maxDateText = 1000

// published returns the date shown in a link's card: the first <time
// datetime>, else a date written in the card's text outside its headings
// ("2025/03/10 - 10:15", "10 آذار 2025"), so that a date in a headline
// is not taken for the publication date. A bare link (the card is the
// link and holds no heading) is all headline and is not searched. A date
// written without a zone (all text dates) is returned as its wall clock in
// UTC, with zoned false.
func published(a, card *html.Node) (t time.Time, zoned bool) {
	tm := findFirst(card, func(c *html.Node) bool { return c.DataAtom == atom.Time && attr(c, "datetime") != "" })
	if tm != nil {
		v := strings.TrimSpace(attr(tm, "datetime"))
		for _, layout := range dateLayouts {
			if d, err := time.Parse(layout, v); err == nil {
				return d.UTC(), layout == time.RFC3339
			}
		}
	}
	if card == a && findFirst(a, isHeading) == nil {
		return time.Time{}, false
	}
	return textDate(textSkipping(card, maxDateText, isHeading)), false
}

// Dates written as text: year first ("2025/03/10 10:15", "2025-03-10"),
// day first ("10/03/2025 - 10:15", "10.3.2025") or day, month name, year
// ("10 آذار 2025", "١٠ مارس، ٢٠٢٥", "10 March 2025"). The American
// month-first form ("March 10, 2025") is left out: Arabic sites do not
// use it.
var (
	yearFirst = regexp.MustCompile(`\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\D{1,5}(\d{1,2}):(\d{2}))?`)
	dayFirst  = regexp.MustCompile(`\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:\D{1,5}(\d{1,2}):(\d{2}))?`)
	monthName = regexp.MustCompile(`(?:^|\s)(\d{1,2})\s+(\pL+(?:\s\pL+)?)(?:\s*/\s*\pL+)?\s*[,،]?\s+(\d{4})`)
)

// textDate finds the first date written in s, or returns zero.
func textDate(s string) time.Time {
	s = textkit.FoldDigits(s)
	if m := yearFirst.FindStringSubmatch(s); m != nil {
		if d, ok := makeDate(m[1], m[2], m[3], m[4], m[5]); ok {
			return d
		}
	}
	if m := dayFirst.FindStringSubmatch(s); m != nil {
		if d, ok := makeDate(m[3], m[2], m[1], m[4], m[5]); ok {
			return d
		}
	}
	for _, m := range monthName.FindAllStringSubmatch(s, 3) {
		if month := monthNumber(m[2]); month > 0 {
			if d, ok := makeDate(m[3], strconv.Itoa(month), m[1], "", ""); ok {
				return d
			}
		}
	}
	return time.Time{}
}

// makeDate builds a UTC time from decimal parts, rejecting impossible
// dates (a 31st of February, month 13) and years outside 1995–2100.
func makeDate(year, month, day, hour, minute string) (time.Time, bool) {
	y, _ := strconv.Atoi(year)
	mo, _ := strconv.Atoi(month)
	d, _ := strconv.Atoi(day)
	h, mi := 0, 0
	if hour != "" {
		h, _ = strconv.Atoi(hour)
		mi, _ = strconv.Atoi(minute)
		if h > 23 || mi > 59 {
			h, mi = 0, 0
		}
	}
	t := time.Date(y, time.Month(mo), d, h, mi, 0, 0, time.UTC)
	if y < 1995 || y > 2100 || t.Month() != time.Month(mo) || t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// monthNumber returns the month a name (one or two words) stands for, or
// 0; textkit knows the names (Levantine, Egyptian, Maghrebi, Moroccan,
// English) and their spelling variants.
func monthNumber(name string) int {
	if m := textkit.MonthNumber(name); m > 0 {
		return m
	}
	first, _, _ := strings.Cut(strings.TrimSpace(name), " ")
	return textkit.MonthNumber(first)
}
