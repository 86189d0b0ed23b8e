package extract

import (
	"regexp"
	"time"

	"github.com/refeed/refeed/internal/textkit"
)

// jalaliMonths maps the Solar Hijri (Persian) month names, as
// foldDateText leaves them, to month numbers. Persian and Kurdish pages
// print dates such as "۲۹ بهمن ۱۳۹۸".
var jalaliMonths = textkit.JalaliMonths

// Solar Hijri years accepted in text: 1349 AP began in 1970.
const (
	minJalaliYear = 1349
	maxJalaliYear = 1479
)

// jalaliDate matches "day month year" with a Solar Hijri month name.
var jalaliDate = regexp.MustCompile(`(?:^|[^\d])(\d{1,2})\s*(` + alternation(jalaliMonths) + `)[\s,]*(\d{4})(?:[^\d]|$)`)

// jalaliToGregorian converts a Solar Hijri date with the 33-year
// arithmetic calendar, exact for the years the web has seen.
func jalaliToGregorian(jy, jm, jd int) time.Time {
	jy += 1595
	days := -355668 + 365*jy + (jy/33)*8 + ((jy%33)+3)/4 + jd
	if jm < 7 {
		days += (jm - 1) * 31
	} else {
		days += (jm-7)*30 + 186
	}
	gy := 400 * (days / 146097)
	days %= 146097
	if days > 36524 {
		days--
		gy += 100 * (days / 36524)
		days %= 36524
		if days >= 365 {
			days++
		}
	}
	gy += 4 * (days / 1461)
	days %= 1461
	if days > 365 {
		gy += (days - 1) / 365
		days = (days - 1) % 365
	}
	return time.Date(gy, time.January, days+1, 0, 0, 0, 0, time.UTC)
}

// locateJalali returns the first Solar Hijri date in folded text s,
// converted to the Gregorian calendar, or nil.
func locateJalali(s string) *dateMatch {
	loc := jalaliDate.FindStringSubmatchIndex(s)
	if loc == nil {
		return nil
	}
	jy, jm, jd := digitsToInt(s[loc[6]:loc[7]]), jalaliMonths[s[loc[4]:loc[5]]], digitsToInt(s[loc[2]:loc[3]])
	if jy < minJalaliYear || jy > maxJalaliYear || jd < 1 || jd > 31 || (jm > 6 && jd > 30) {
		return nil
	}
	g := jalaliToGregorian(jy, jm, jd)
	return &dateMatch{start: loc[2], end: loc[1], y: g.Year(), m: int(g.Month()), d: g.Day()}
}
