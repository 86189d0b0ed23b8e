package feeds

import (
	"regexp"
	"strings"
	"time"
)

// writtenZone matches the end of a date that names its zone: a numeric
// offset (+0300, -05:00), Z after the time, or a zone abbreviation (GMT,
// UT, EEST), optionally followed by a parenthesised name.
var writtenZone = regexp.MustCompile(`(?i)(?:[+-]\d{2}:?\d{2}|\dZ|\b[a-z]{1,5})\s*(?:\([^)]*\))?$`)

// hasZone reports whether a date as written in a feed names its zone.
// Without one, gofeed reads the time as UTC.
func hasZone(raw string) bool {
	raw = strings.TrimSpace(raw)
	m := writtenZone.FindString(raw)
	if m == "" {
		return false
	}
	word := strings.ToLower(strings.TrimSpace(m))
	return word != "am" && word != "pm"
}

// inLocation reads the wall clock of parsed, a time gofeed read from raw,
// as a time in loc when raw names no zone. It returns parsed in UTC
// otherwise, and when loc is nil.
func inLocation(parsed time.Time, raw string, loc *time.Location) time.Time {
	if loc == nil || hasZone(raw) {
		return parsed.UTC()
	}
	p := parsed.UTC()
	return time.Date(p.Year(), p.Month(), p.Day(), p.Hour(), p.Minute(), p.Second(), p.Nanosecond(), loc).UTC()
}
