package refresh

import (
	"slices"
	"time"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/feeds"
)

// minKeep is the fewest items the state keeps per source, whatever its
// feeds' limits: room for dedupe and filters.
const minKeep = 200

// keepRule is how much of a source the state keeps: the newest items,
// twice the largest limit of the feeds the source is in, and none older
// than the longest max_age of those feeds (zero maxAge: any age, because a
// feed without max_age lists the source).
type keepRule struct {
	items  int
	maxAge time.Duration
}

// keepRules computes every source's keepRule from the feeds.
func keepRules(cfg *config.Config) map[string]keepRule {
	rules := make(map[string]keepRule, len(cfg.Sources))
	inFeed := map[string]bool{}
	for _, f := range cfg.Feeds {
		for _, s := range f.Sources {
			k := rules[s]
			k.items = max(k.items, minKeep, 2*f.Limit)
			switch {
			case !inFeed[s]:
				k.maxAge = f.MaxAge
			case f.MaxAge == 0 || k.maxAge == 0:
				k.maxAge = 0
			default:
				k.maxAge = max(k.maxAge, f.MaxAge)
			}
			inFeed[s] = true
			rules[s] = k
		}
	}
	for _, s := range cfg.Sources {
		if _, ok := rules[s.Name]; !ok {
			rules[s.Name] = keepRule{items: minKeep}
		}
	}
	return rules
}

// since is the date before which no feed of the source shows an item;
// zero when some feed shows any age.
func (k keepRule) since(now time.Time) time.Time {
	if k.maxAge <= 0 {
		return time.Time{}
	}
	return now.Add(-k.maxAge)
}

// apply returns the items a fresh parse may store: none older than since,
// and the newest k.items of the rest (a feed listing 100,000 items must
// not store, and fetch the articles of, all of them).
func (k keepRule) apply(items []feeds.Item, now time.Time) []feeds.Item {
	cutoff := k.since(now)
	out := items[:0:0]
	for _, it := range items {
		if cutoff.IsZero() || !feeds.ItemDate(it).Before(cutoff) {
			out = append(out, it)
		}
	}
	if k.items > 0 && len(out) > k.items {
		// Newest first; undated items keep the feed's order, which is
		// newest first in nearly every feed.
		slices.SortStableFunc(out, func(a, b feeds.Item) int { return feeds.ItemDate(b).Compare(feeds.ItemDate(a)) })
		out = out[:k.items]
	}
	return out
}
