package extract

import (
	"strconv"
	"strings"
	"time"
)

// isoLayouts are the ISO 8601 shapes seen in meta tags, JSON-LD and
// <time datetime>, tried in order when the value starts like 2006-01-02.
// Fractional seconds need no layout of their own: time.Parse accepts
// them after the seconds field.
var isoLayouts = []string{
	time.RFC3339,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -07:00",
	"2006-01-02 15:04:05 -0700 MST",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
}

// otherLayouts are the non-ISO machine formats (HTTP and RSS dates).
var otherLayouts = []string{
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	time.RFC850,
	time.ANSIC,
	"2006/01/02 15:04:05",
	"2006/01/02",
}

// Years outside [minYear, maxYear] are taken for misreadings.
const (
	minYear = 1970
	maxYear = 2100
)

// ParseDate reads a date the way the extractor reads a page's own: an
// ISO or feed date, Unix seconds, or a date written in words, Arabic and
// Persian included ("28 أيلول 2024"). A date written without a zone is a
// time in loc (nil: UTC). For dates a caller found on the page itself,
// such as a site rule's (siterules.Applied.Date).
func ParseDate(s string, loc *time.Location) (time.Time, bool) {
	if loc == nil {
		loc = time.UTC
	}
	return parseDate(s, loc)
}

// parseDate reads a date from a meta tag, JSON-LD value or attribute:
// first the machine formats, then Unix seconds or milliseconds, then any
// date written in the text (see findDateInText). A date written without a
// zone is read as a time in loc.
func parseDate(s string, loc *time.Location) (time.Time, bool) {
	s = strings.TrimSpace(foldDateText(s))
	if s == "" {
		return time.Time{}, false
	}
	layouts := otherLayouts
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		layouts = isoLayouts
	}
	for _, layout := range layouts {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil && validYear(t) {
			return t, true
		}
	}
	if t, ok := parseEpoch(s); ok {
		return t, true
	}
	if t, ok := parseCompact(s, loc); ok {
		return t, true
	}
	return findDateInText(s, true, loc)
}

// parseEpoch reads Unix time in seconds (10 digits) or milliseconds (13).
func parseEpoch(s string) (time.Time, bool) {
	if len(s) != 10 && len(s) != 13 {
		return time.Time{}, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return time.Time{}, false
	}
	if len(s) == 13 {
		return validTime(time.UnixMilli(n).UTC())
	}
	return validTime(time.Unix(n, 0).UTC())
}

// parseCompact reads a date written as digits alone, year first:
// 20161206 or, with the time of day, 20161206100000, as meta tags give
// them.
func parseCompact(s string, loc *time.Location) (time.Time, bool) {
	if len(s) != 8 && len(s) != 14 {
		return time.Time{}, false
	}
	for i := 0; i < len(s); i++ {
		if !isASCIIDigit(s[i]) {
			return time.Time{}, false
		}
	}
	var hour, minute, sec int
	if len(s) == 14 {
		hour, minute, sec = digitsToInt(s[8:10]), digitsToInt(s[10:12]), digitsToInt(s[12:14])
	}
	return makeDate(digitsToInt(s[:4]), digitsToInt(s[4:6]), digitsToInt(s[6:8]), hour, minute, sec, loc)
}

// validYear reports whether t falls in the years a web page can carry.
func validYear(t time.Time) bool {
	return t.Year() >= minYear && t.Year() <= maxYear
}

// validTime returns t and whether its year is plausible.
func validTime(t time.Time) (time.Time, bool) {
	return t, validYear(t)
}

// makeDate builds a date, rejecting impossible days such as 31 April
// (time.Date would roll them into the next month).
func makeDate(year, month, day, hour, minute, sec int, loc *time.Location) (time.Time, bool) {
	if month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || sec > 60 {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, 0, loc)
	if t.Day() != day || !validYear(t) {
		return time.Time{}, false
	}
	return t, true
}
