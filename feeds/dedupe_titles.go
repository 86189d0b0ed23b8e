package feeds

import (
	"cmp"
	"math"
	"slices"
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

// prefix returns the words two similar titles must share at least one
// of (prefix filtering): the |w| - ceil(t·|w|) + 1 rarest words, rarity
// by df with ties broken by the word, the same global order for all
// titles.
func (k titleKey) prefix(df map[string]int) []string {
	words := make([]string, 0, len(k.words))
	for w := range k.words {
		words = append(words, w)
	}
	slices.SortFunc(words, func(a, b string) int {
		return cmp.Or(cmp.Compare(df[a], df[b]), cmp.Compare(a, b))
	})
	n := len(words) - int(math.Ceil(fuzzyThreshold*float64(len(words)))) + 1
	return words[:min(max(n, 1), len(words))]
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
// Candidates come from an index of rare title words (prefix filtering),
// which keeps the work near linear. The result is newest first, cut to
// limit (0: no cap). onDup hears of each item dropped.
func dedupeTitles(items []Item, window time.Duration, limit int, onDup func(dropped, kept Item, why Duplicate)) []Item {
	keys := make([]titleKey, len(items))
	df := make(map[string]int)
	for i, it := range items {
		keys[i] = newTitleKey(it.Title)
		for w := range keys[i].words {
			df[w]++
		}
	}
	var kept []keptTitle
	postings := make(map[string][]int) // rare word → positions in kept
	for i := len(items) - 1; i >= 0; i-- {
		k := keptTitle{at: ItemDate(items[i]), key: keys[i], idx: i}
		prefix := k.key.prefix(df)
		if twin := findTwin(kept, postings, prefix, k, window); twin >= 0 {
			onDup(items[i], items[twin], SimilarTitle)
			continue
		}
		for _, w := range prefix {
			postings[w] = append(postings[w], len(kept))
		}
		kept = append(kept, k)
	}
	out := make([]Item, 0, len(kept))
	for j := len(kept) - 1; j >= 0 && (limit <= 0 || len(out) < limit); j-- {
		out = append(out, items[kept[j].idx])
	}
	return out
}

// findTwin returns the input index of a kept item sharing a prefix word
// with k, no older than window before it, with a similar title; -1 if
// there is none. Posting lists are in ascending date order, so each scan
// runs from its end to the window edge.
func findTwin(kept []keptTitle, postings map[string][]int, prefix []string, k keptTitle, window time.Duration) int {
	since := k.at.Add(-window)
	for _, w := range prefix {
		list := postings[w]
		for j := len(list) - 1; j >= 0 && !kept[list[j]].at.Before(since); j-- {
			if k.key.similar(kept[list[j]].key) {
				return kept[list[j]].idx
			}
		}
	}
	return -1
}
