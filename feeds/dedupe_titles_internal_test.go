package feeds

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// bruteDedupe is the reference dedupeTitles: every kept item is compared.
func bruteDedupe(items []Item, window time.Duration) []Item {
	var kept []keptTitle
	for i := len(items) - 1; i >= 0; i-- {
		k := keptTitle{at: ItemDate(items[i]), key: newTitleKey(items[i].Title), idx: i}
		twin := false
		for _, o := range kept {
			if !o.at.Before(k.at.Add(-window)) && k.key.similar(o.key) {
				twin = true
				break
			}
		}
		if !twin {
			kept = append(kept, k)
		}
	}
	var out []Item
	for j := len(kept) - 1; j >= 0; j-- {
		out = append(out, items[kept[j].idx])
	}
	return out
}

// TestDedupeTitlesMatchesBruteForce checks the prefix-filtered index
// against the all-pairs reference on random headlines drawn from a small
// vocabulary, so that many pairs are near the similarity threshold.
func TestDedupeTitlesMatchesBruteForce(t *testing.T) {
	vocab := strings.Fields("بغداد البصرة وزير النفط يبحث مع شركة فرنسية 3 5")
	rng := rand.New(rand.NewPCG(1, 2))
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for round := range 50 {
		items := make([]Item, 300)
		for i := range items {
			words := make([]string, 4+rng.IntN(4))
			for w := range words {
				words[w] = vocab[rng.IntN(len(vocab))]
			}
			items[i] = Item{ID: string(rune('a'+i%26)) + strings.Repeat("x", i), Title: strings.Join(words, " "),
				Published: base.Add(time.Duration(rng.IntN(96)) * time.Hour)}
		}
		slices.SortFunc(items, newestFirst)
		got, want := dedupeTitles(items, 24*time.Hour, 0, func(Item, Item, Duplicate) {}), bruteDedupe(items, 24*time.Hour)
		if round == 0 {
			t.Logf("round 0: %d of %d kept", len(want), len(items))
		}
		if !slices.EqualFunc(got, want, func(a, b Item) bool { return a.ID == b.ID }) {
			t.Fatalf("round %d: index kept %d items, brute force %d", round, len(got), len(want))
		}
	}
}
