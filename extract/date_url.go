package extract

import (
	"net/url"
	"regexp"
	"time"
)

// urlDate matches a date in a URL path: /2020/08/24/, /2020-8-24-slug,
// or eight digits /20200824/ (not a longer number: that is an id).
var urlDate = regexp.MustCompile(`/((?:19|20)\d{2})(?:[/\-_](\d{1,2})[/\-_](\d{1,2})|(\d{2})(\d{2}))(?:[/\-_.]|$)`)

// slugDate matches a date elsewhere in a URL: inside a slug
// ("garten-2016-12-06.html", "post/2026-01-26-postgresql"), as eight
// digits after a separator ("the-year-in-mathematics-20251218"), or in
// the query ("?date=2016-12-06"). The separators of a date with dashes
// or slashes agree, so a range such as 2016-12/06 is not read.
var slugDate = regexp.MustCompile(`(?:^|[^\d])((?:19|20)\d{2})(?:-(\d{1,2})-(\d{1,2})|_(\d{1,2})_(\d{1,2})|/(\d{1,2})/(\d{1,2}))(?:[^\d]|$)|[/\-_=]((?:19|20)\d{2})(\d{2})(\d{2})(?:[^\w]|_|$)`)

// dateFromURL reads a date from the path of the page URL, as midnight in
// loc.
func dateFromURL(u *url.URL, loc *time.Location) time.Time {
	if u == nil {
		return time.Time{}
	}
	m := urlDate.FindStringSubmatch(u.Path)
	if m == nil {
		return time.Time{}
	}
	month, day := m[2], m[3]
	if month == "" {
		month, day = m[4], m[5]
	}
	t, _ := makeDate(digitsToInt(m[1]), digitsToInt(month), digitsToInt(day), 0, 0, 0, loc)
	return t
}

// dateInURL reads a date written anywhere in the path or query of the
// page URL (see slugDate), as midnight in loc. It is weaker evidence
// than a dated path (dateFromURL): a slug may name an event's day.
func dateInURL(u *url.URL, loc *time.Location) time.Time {
	if u == nil {
		return time.Time{}
	}
	for _, s := range [...]string{u.Path, u.RawQuery} {
		m := slugDate.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		year, month, day := m[1], m[2], m[3]
		switch {
		case m[4] != "":
			month, day = m[4], m[5]
		case m[6] != "":
			month, day = m[6], m[7]
		case m[8] != "":
			year, month, day = m[8], m[9], m[10]
		}
		if t, ok := makeDate(digitsToInt(year), digitsToInt(month), digitsToInt(day), 0, 0, 0, loc); ok {
			return t
		}
	}
	return time.Time{}
}

// urlMonthDate matches a year and month in a URL path: /2022/12/.
var urlMonthDate = regexp.MustCompile(`/((?:19|20)\d{2})[/\-_](\d{1,2})(?:[/\-_.]|$)`)

// urlMonth reports whether the URL path holds the year and month of t:
// a page filed under the month it was last modified in was most likely
// published and saved on that day, a page modified later was not.
func urlMonth(u *url.URL, t time.Time) bool {
	if u == nil || t.IsZero() {
		return false
	}
	for _, m := range urlMonthDate.FindAllStringSubmatch(u.Path, -1) {
		if digitsToInt(m[1]) == t.Year() && digitsToInt(m[2]) == int(t.Month()) {
			return true
		}
	}
	return false
}
