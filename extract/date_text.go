package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Date patterns over folded text (see foldDateText). A month may be
// written twice, Levantine and Egyptian, as in "28 آب/اغسطس 2013" or
// "3 تموز (يوليو) 2020".
var (
	monthAlt     = `(?:` + monthPattern() + `)`
	dayMonthYear = regexp.MustCompile(`(?i)(?:^|[^\d])(\d{1,2})(?:st|nd|rd|th|er|º)?(?:\s+(?:of|de))?[\s.,\-/]*(` + monthAlt + `)(?:\s*[/(\-]\s*` + monthAlt + `\s*\)?)?[\s.,\-/]*(?:del?\s+)?(\d{4})(?:[^\d]|$)`)
	yearMonthDay = regexp.MustCompile(`(?:^|[^\d])(\d{4})[-/.] ?(\d{1,2})[-/.] ?(\d{1,2})(?:[^\d]|$)`)
	// numericDate allows a space after a dot, as German may write a
	// date: "6. 12. 2016".
	numericDate = regexp.MustCompile(`(?:^|[^\d])(\d{1,2})(?:[-/]|\. ?)(\d{1,2})(?:[-/]|\. ?)(\d{4})(?:[^\d]|$)`)
	// clockTime follows a date: "14:00", "- 09:23 ص", "at 6:01 am",
	// "T07:20:50 +0330".
	clockTime = regexp.MustCompile(`(?i)^\s*(?:,|-|–|\||at|الساع[ةه]|T)?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|ص|م)?\s*(Z|[+-]\d{2}:?\d{2})?`)
)

// findDateInText returns the first date written in s: "3 August 2013",
// "August 3, 2013", "28 آب/اغسطس 2013", "٢٤ أغسطس ٢٠٢٠", "3. März 2020",
// "12 de marzo de 2020", "2020-08-24", "24/08/2020". An ambiguous numeric date such as 03/04/2020 is read day
// first when dayFirst is set. A time of day right after the date is kept;
// without a zone it is taken as a time in loc.
func findDateInText(s string, dayFirst bool, loc *time.Location) (time.Time, bool) {
	s = foldDateText(s)
	best := locateDate(s, dayFirst)
	if best == nil {
		return time.Time{}, false
	}
	return matchTime(s, best, loc)
}

// matchTime returns the date found at m in folded text s, with the time
// of day written right after it.
func matchTime(s string, best *dateMatch, loc *time.Location) (time.Time, bool) {
	end := best.end
	if end > 0 && end <= len(s) && !isASCIIDigit(s[end-1]) {
		end-- // the pattern consumed one byte after the year
	}
	hour, minute, sec, zone := clockAfter(s[end:], loc)
	return makeDate(best.y, best.m, best.d, hour, minute, sec, zone)
}

// dateMatch is a date found in folded text: where it starts (its first
// number or month name) and ends, and its fields.
type dateMatch struct {
	start, end int
	y, m, d    int
	// swappable marks a numeric date whose day and month could be read
	// the other way round (03/04/2020).
	swappable bool
}

// locateDate returns the earliest date written in folded text, or nil.
func locateDate(s string, dayFirst bool) *dateMatch {
	var best *dateMatch
	consider := func(loc []int, y, m, d int) {
		if loc != nil && (best == nil || loc[2] < best.start) {
			best = &dateMatch{start: loc[2], end: loc[1], y: y, m: m, d: d}
		}
	}
	// The month-name regexps are slow (an alternation of every name
	// tried at many bytes): a cheap scan finds the month words, and the
	// regexps run only on a window around each, in order, until one
	// matches. A date in words holds a month word, its day at most
	// monthWindowBefore bytes before it and its year within
	// monthWindowAfter bytes after it.
	spots := monthNamesIn(s)
	if spots.jalali {
		if m := locateJalali(s); m != nil {
			best = m
		}
	}
	for _, w := range spots.words[:spots.n] {
		from, to := monthWindow(s, w.start-monthWindowBefore, w.end+monthWindowAfter)
		if loc := dayMonthYear.FindStringSubmatchIndex(s[from:to]); loc != nil {
			shiftLoc(loc, from)
			consider(loc, digitsToInt(s[loc[6]:loc[7]]), monthNumber(s[loc[4]:loc[5]]), digitsToInt(s[loc[2]:loc[3]]))
			break
		}
	}
	for _, w := range spots.words[:spots.n] {
		if !w.latin { // "August 3, 2013" is an English order only
			continue
		}
		if m := monthDayYearAt(s, w); m != nil {
			if best == nil || m.start < best.start {
				best = m
			}
			break
		}
	}
	for _, w := range spots.words[:spots.n] {
		if !w.latin {
			continue
		}
		if m := yearMonthDayAt(s, w); m != nil {
			if best == nil || m.start < best.start {
				best = m
			}
			break
		}
	}
	if !hasNumericDate(s) {
		return best
	}
	if loc := yearMonthDay.FindStringSubmatchIndex(s); loc != nil {
		consider(loc, digitsToInt(s[loc[2]:loc[3]]), digitsToInt(s[loc[4]:loc[5]]), digitsToInt(s[loc[6]:loc[7]]))
	}
	if loc := numericDate.FindStringSubmatchIndex(s); loc != nil {
		a, b := digitsToInt(s[loc[2]:loc[3]]), digitsToInt(s[loc[4]:loc[5]])
		d, m := a, b
		if b > 12 || (!dayFirst && a <= 12) {
			d, m = b, a
		}
		consider(loc, digitsToInt(s[loc[6]:loc[7]]), m, d)
		if best != nil && best.start == loc[2] {
			// Dots put the day first wherever dates are written
			// so ("06.12.2016"); slashes and dashes may not.
			best.swappable = a != b && a <= 12 && b <= 12 && s[loc[3]] != '.'
		}
	}
	return best
}

// shortDate matches a date written day first with dots and a two-digit
// year, day and month in two digits each: "06.12.16", as German pages
// print it. A version number ("1.2.16") or a longer run of numbers does
// not match.
var shortDate = regexp.MustCompile(`(?:^|[^\d.])(\d{2})\.(\d{2})\.(\d{2})(?:[^\d.]|\.(?:[^\d]|$)|$)`)

// locateShortDate returns the first date of folded text s written as
// shortDate, or nil. Two-digit years 00-69 are 2000-2069, the others
// 1970-1999.
func locateShortDate(s string) *dateMatch {
	if !hasShortDate(s) {
		return nil
	}
	loc := shortDate.FindStringSubmatchIndex(s)
	if loc == nil {
		return nil
	}
	y := digitsToInt(s[loc[6]:loc[7]])
	if y < 70 {
		y += 2000
	} else {
		y += 1900
	}
	return &dateMatch{start: loc[2], end: loc[7], y: y, m: digitsToInt(s[loc[4]:loc[5]]), d: digitsToInt(s[loc[2]:loc[3]])}
}

// hasShortDate reports whether s has two digits, a dot, two digits, a
// dot and two digits in a row, as every shortDate does.
func hasShortDate(s string) bool {
	for i := 0; i+8 <= len(s); i++ {
		if s[i+2] == '.' && s[i+5] == '.' && isASCIIDigit(s[i]) && isASCIIDigit(s[i+1]) &&
			isASCIIDigit(s[i+3]) && isASCIIDigit(s[i+4]) && isASCIIDigit(s[i+6]) && isASCIIDigit(s[i+7]) {
			return true
		}
	}
	return false
}

// clockAfter reads a time of day at the start of rest, returning zeros
// when there is none. The location is the zone written after the time, or
// def.
func clockAfter(rest string, def *time.Location) (hour, minute, sec int, loc *time.Location) {
	loc = def
	m := clockTime.FindStringSubmatch(rest)
	if m == nil {
		return 0, 0, 0, loc
	}
	hour, minute, sec = digitsToInt(m[1]), digitsToInt(m[2]), digitsToInt(m[3])
	switch strings.ToLower(strings.ReplaceAll(m[4], ".", "")) {
	case "pm", "م":
		if hour < 12 {
			hour += 12
		}
	case "am", "ص":
		if hour == 12 {
			hour = 0
		}
	}
	if z := m[5]; z != "" && z != "Z" && z != "z" {
		zone := strings.ReplaceAll(z[1:], ":", "")
		offset := (digitsToInt(zone[:2])*60 + digitsToInt(zone[2:])) * 60
		if z[0] == '-' {
			offset = -offset
		}
		loc = time.FixedZone("", offset)
	}
	if hour > 23 || minute > 59 || sec > 59 {
		return 0, 0, 0, def
	}
	return hour, minute, sec, loc
}

// digitsToInt converts a run of ASCII digits; the empty string gives 0.
func digitsToInt(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// isASCIIDigit reports whether c is an ASCII digit.
func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }

// monthDayYearAt reads the date that month word w opens in English
// order, "Aug. 3, 2013", "March 5th 2020" or, with a dot closing the day
// as some blog themes print it, "December 19. 2025"; or returns nil.
func monthDayYearAt(s string, w monthSpot) *dateMatch {
	i := w.end
	if i < len(s) && s[i] == '.' {
		i++
	}
	i, ok := skipSpace(s, i)
	if !ok {
		return nil
	}
	day := i
	for i < len(s) && i-day < 2 && isASCIIDigit(s[i]) {
		i++
	}
	if i == day {
		return nil
	}
	d := digitsToInt(s[day:i])
	if i+2 <= len(s) {
		switch strings.ToLower(s[i : i+2]) {
		case "st", "nd", "rd", "th":
			i += 2
		}
	}
	if i < len(s) && (s[i] == ',' || s[i] == '.') {
		i++
	}
	if i, ok = skipSpace(s, i); !ok {
		return nil
	}
	year := i
	for i < len(s) && i-year < 4 && isASCIIDigit(s[i]) {
		i++
	}
	if i-year != 4 || (i < len(s) && isASCIIDigit(s[i])) {
		return nil
	}
	return &dateMatch{start: w.start, end: i, y: digitsToInt(s[year:i]), m: monthNumber(s[w.start:w.end]), d: d}
}

// yearMonthDayAt reads the date that month word w sits in when written
// year first, as Hungarian writes it: "2016. december 6.", "2016. dec.
// 6. 10:00". The year must end in a dot and the day be followed by a dot,
// a dash ("6-án") or nothing more, or it returns nil.
func yearMonthDayAt(s string, w monthSpot) *dateMatch {
	i := w.start
	j := i
	for j > 0 && s[j-1] == ' ' {
		j--
	}
	if j == i || j < 5 || s[j-1] != '.' {
		return nil
	}
	year := j - 5
	if !isASCIIDigit(s[year]) || !isASCIIDigit(s[year+1]) || !isASCIIDigit(s[year+2]) || !isASCIIDigit(s[year+3]) ||
		(year > 0 && isASCIIDigit(s[year-1])) {
		return nil
	}
	k := w.end
	if k < len(s) && s[k] == '.' {
		k++
	}
	k, ok := skipSpace(s, k)
	if !ok {
		return nil
	}
	day := k
	for k < len(s) && k-day < 2 && isASCIIDigit(s[k]) {
		k++
	}
	if k == day || (k < len(s) && s[k] != '.' && s[k] != '-' && s[k] != ' ' && s[k] != ',') {
		return nil
	}
	return &dateMatch{start: year, end: k, y: digitsToInt(s[year : year+4]), m: monthNumber(s[w.start:w.end]), d: digitsToInt(s[day:k])}
}

// skipSpace skips one or more ASCII spaces, as \s+ does; ok is false
// when there is none.
func skipSpace(s string, i int) (int, bool) {
	j := i
	for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r' || s[j] == '\f') {
		j++
	}
	return j, j > i
}

// Bounds of the text around a month word that can hold its date.
const (
	monthWindowBefore = 24
	monthWindowAfter  = 48
	maxMonthSpots     = 8
)

// monthSpots are the month words of a text: where the first
// maxMonthSpots Gregorian ones are, and whether a Solar Hijri one occurs.
type monthSpots struct {
	words  [maxMonthSpots]monthSpot
	n      int
	jalali bool
}

// monthSpot is one month word: its bytes and whether it is in Latin
// letters.
type monthSpot struct {
	start, end int
	latin      bool
}

// monthNamesIn finds the words of folded text s that are Latin or Arabic
// month names (or the first word of a two-word one) and tells whether one
// is a Solar Hijri month name.
func monthNamesIn(s string) monthSpots {
	var spots monthSpots
	var buf [24]byte
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += size
		}
		word := s[i:j]
		if len(word) <= len(buf) {
			w := buf[:len(word)]
			for k := range len(word) {
				c := word[k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				w[k] = c
			}
			if spots.n < maxMonthSpots && (isMonthWord(string(w)) || upperNonASCII(word) && isMonthWord(strings.ToLower(word))) {
				spots.words[spots.n] = monthSpot{i, j, word[0] < utf8.RuneSelf}
				spots.n++
			}
			if _, ok := jalaliMonths[string(w)]; ok {
				spots.jalali = true
			}
		}
		i = j
	}
	return spots
}

// upperNonASCII reports whether word holds an upper-case letter outside
// ASCII ("MÄRZ", "FÉVRIER"), which the byte-wise lowering in monthNamesIn
// leaves as it is.
func upperNonASCII(word string) bool {
	for _, r := range word {
		if r >= utf8.RuneSelf && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// monthWindow clamps [from, to) to s, widened so that it cuts neither a
// rune nor a number: a window ending inside "20135" must not read 2013.
func monthWindow(s string, from, to int) (int, int) {
	from, to = max(from, 0), min(to, len(s))
	for from > 0 && (!utf8.RuneStart(s[from]) || isASCIIDigit(s[from-1])) {
		from--
	}
	for to < len(s) && (!utf8.RuneStart(s[to]) || isASCIIDigit(s[to])) {
		to++
	}
	return from, to
}

// shiftLoc moves the indexes of a submatch found in s[by:] to s.
func shiftLoc(loc []int, by int) {
	for i := range loc {
		if loc[i] >= 0 {
			loc[i] += by
		}
	}
}

// hasNumericDate reports whether s has a digit, a date separator and a
// digit in a row, as every numeric date does.
// hasNumericDate reports whether s may hold a numeric date: a digit, a
// separator and a digit, or a space then a digit after the separator
// ("2016. 12. 6.", as Korean writes it).
func hasNumericDate(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if (s[i] == '-' || s[i] == '/' || s[i] == '.') && isASCIIDigit(s[i-1]) &&
			(isASCIIDigit(s[i+1]) || s[i+1] == ' ' && i+2 < len(s) && isASCIIDigit(s[i+2])) {
			return true
		}
	}
	return false
}
