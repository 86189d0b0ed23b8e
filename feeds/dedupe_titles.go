package feeds

import (
	"strings"
	"time"
	"unicode"
)

// minTokensForFuzzy is the shortest title (in words) compared by word
// overlap; shorter titles must match exactly after normalisation, since
// two short headlines share most words by chance.
const minTokensForFuzzy = 4

// fuzzyThreshold is the Jaccard similarity of title words above which two
// titles are the same story.
const fuzzyThreshold = 0.75

// titleKey is a title prepared for comparison.
type titleKey struct {
	norm    string
	words   map[string]bool
	numbers string // the title's numbers, in order
}

func newTitleKey(title string) titleKey {
	norm := NormalizeTitle(title)
	words := make(map[string]bool)
	var nums []string
	for _, w := range strings.Fields(norm) {
		words[w] = true
		if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			nums = append(nums, w)
		}
	}
	return titleKey{norm: norm, words: words, numbers: strings.Join(nums, " ")}
}

// similar reports the same story: equal normalised titles, or titles of
// enough words that mostly overlap and carry the same numbers ("killed 3"
// and "killed 5", "episode 8" and "episode 9" are different news).
func (k titleKey) similar(o titleKey) bool {
	if k.norm == "" || o.norm == "" {
		return false
	}
	if k.norm == o.norm {
		return true
	}
	if len(k.words) < minTokensForFuzzy || len(o.words) < minTokensForFuzzy {
		return false
	}
	if k.numbers != "" && o.numbers != "" && k.numbers != o.numbers {
		return false
	}
	shared := 0
	for w := range k.words {
		if o.words[w] {
			shared++
		}
	}
	union := len(k.words) + len(o.words) - shared
	return float64(shared)/float64(union) >= fuzzyThreshold
}

// keptTitle is an item dedupeTitles has kept.
type keptTitle struct {
	at  time.Time
	key titleKey
	idx int // index in the newest-first input
}

// dedupeTitles drops each item whose title is similar to an older kept
// item within window, so the first publication of a story stays put when
// copies appear later. items are sorted newest first; they are walked
// oldest first, comparing only with kept items, so a chain of slightly
// different headlines never knocks out a story whose own twin was dropped.
// The result is newest first, cut to limit (0: no cap).
func dedupeTitles(items []Item, window time.Duration, limit int) []Item {
	var kept []keptTitle
	for i := len(items) - 1; i >= 0; i-- {
		k := keptTitle{at: ItemDate(items[i]), key: newTitleKey(items[i].Title), idx: i}
		if !hasTwin(kept, k, window) {
			kept = append(kept, k)
		}
	}
	out := make([]Item, 0, len(kept))
	for j := len(kept) - 1; j >= 0 && (limit <= 0 || len(out) < limit); j-- {
		out = append(out, items[kept[j].idx])
	}
	return out
}

// hasTwin reports whether a kept item no older than window before k has a
// similar title. kept is in ascending date order, so the scan runs from
// its end and stops at the window's edge.
func hasTwin(kept []keptTitle, k keptTitle, window time.Duration) bool {
	since := k.at.Add(-window)
	for j := len(kept) - 1; j >= 0 && !kept[j].at.Before(since); j-- {
		if k.key.similar(kept[j].key) {
			return true
		}
	}
	return false
}
