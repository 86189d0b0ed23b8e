package extract

import (
	"regexp"
	"slices"
	"strings"
)

// monthNames maps month names, as foldDateText leaves them, to month
// numbers: English names and abbreviations; the Levantine/Iraqi names
// (كانون الثاني … كانون الأول); the Egyptian/transliterated names (يناير …
// ديسمبر) with their common spelling variants; and the Maghrebi names
// (جانفي, فيفري, أفريل, جوان, جويلية, أوت) which follow French, and the
// Moroccan ones (يوليوز, غشت, شتنبر, نونبر, دجنبر).
var monthNames = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
	"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
	"august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,

	"كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6,
	"تموز": 7, "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,

	"يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
	"يوليو": 7, "يوليه": 7, "اغسطس": 8, "اغسطوس": 8, "سبتمبر": 9, "اكتوبر": 10,
	"نوفمبر": 11, "ديسمبر": 12,

	"جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "جويليه": 7, "اوت": 8,

	// Levantine names written without the article, and Moroccan names.
	"كانون ثاني": 1, "تشرين اول": 10, "تشرين ثاني": 11, "كانون اول": 12,
	"يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
}

// monthPattern is the regexp alternation of all month names.
func monthPattern() string { return alternation(monthNames) }

// alternation returns the names as a regexp alternation, longest first so
// that "ابريل" is tried before "اب" and "march" before "mar", with the
// space inside two-word names matching any run of spaces.
func alternation(names map[string]int) string {
	list := make([]string, 0, len(names))
	for n := range names {
		list = append(list, n)
	}
	slices.SortFunc(list, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	for i, n := range list {
		list[i] = strings.ReplaceAll(regexp.QuoteMeta(n), " ", `\s+`)
	}
	return strings.Join(list, "|")
}

// monthNumber returns the month of a matched name, folding case and the
// spaces inside two-word names.
func monthNumber(name string) int {
	return monthNames[strings.Join(strings.Fields(strings.ToLower(name)), " ")]
}
