package extract

import (
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/refeed/refeed/internal/textkit"
)

// monthNames maps month names, as foldDateText leaves them, to month
// numbers; textkit holds the names of every family (Levantine, Egyptian,
// Maghrebi, Moroccan, English, and the European languages a date may be
// written in).
var monthNames = func() map[string]int {
	m := maps.Clone(textkit.Months)
	maps.Copy(m, textkit.EuropeanMonths)
	return m
}()

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
	if m := textkit.MonthNumber(name); m > 0 {
		return m
	}
	return textkit.EuropeanMonths[textkit.FoldPhrase(name)]
}

// isMonthWord reports whether a lowercased word is a month name or the
// first word of a two-word one.
func isMonthWord(word string) bool {
	return textkit.IsMonthWord(word) || textkit.EuropeanMonths[word] > 0
}
