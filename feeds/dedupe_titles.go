package feeds

import (
	"strings"
	"time"
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
	norm  string
	words map[string]bool
}

func newTitleKey(title string) titleKey {
	norm := NormalizeTitle(title)
	words := make(map[string]bool)
	for _, w := range strings.Fields(norm) {
		words[w] = true
	}
	return titleKey{norm: norm, words: words}
}

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
	shared := 0
	for w := range k.words {
		if o.words[w] {
			shared++
		}
	}
	union := len(k.words) + len(o.words) - shared
	return float64(shared)/float64(union) >= fuzzyThreshold
}

// dedupeTitles walks items (sorted newest first) and drops each item that
// has an older item within window carrying a similar title, so the first
// publication of a story stays put when copies appear later. It stops once
// limit items are kept (limit 0: no cap), which also bounds the work.
func dedupeTitles(items []Item, window time.Duration, limit int) []Item {
	keys := make([]*titleKey, len(items))
	key := func(i int) titleKey {
		if keys[i] == nil {
			k := newTitleKey(items[i].Title)
			keys[i] = &k
		}
		return *keys[i]
	}
	var out []Item
	for i, it := range items {
		if limit > 0 && len(out) == limit {
			break
		}
		if !hasOlderTwin(items, i, window, key) {
			out = append(out, it)
		}
	}
	return out
}

func hasOlderTwin(items []Item, i int, window time.Duration, key func(int) titleKey) bool {
	oldest := ItemDate(items[i]).Add(-window)
	for j := i + 1; j < len(items) && !ItemDate(items[j]).Before(oldest); j++ {
		if key(i).similar(key(j)) {
			return true
		}
	}
	return false
}
