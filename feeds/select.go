package feeds

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"time"
)

// DefaultTitleWindow is the time window used for near-duplicate title
// detection when SelectOptions.TitleWindow is zero.
const DefaultTitleWindow = 48 * time.Hour

// SelectOptions chooses and orders the items of one output feed.
type SelectOptions struct {
	// Now is the reference time for MaxAge; a zero Now disables MaxAge.
	Now time.Time
	// Limit caps the number of items; 0 means no cap.
	Limit int
	// MaxAge drops items whose date (see ItemDate) is older than Now-MaxAge;
	// 0 keeps every age.
	MaxAge time.Duration
	// DedupeTitles drops an item when an older item within TitleWindow has
	// the same or a nearly identical normalised title (NormalizeTitle). The
	// integrator turns it on by default for feeds merging several sources.
	DedupeTitles bool
	TitleWindow  time.Duration
	// Include and Exclude filter on title, text and categories (see
	// CompileFilters).
	Include, Exclude []*regexp.Regexp
	// OnDuplicate, when set, is called for each item dropped as a
	// duplicate of an item kept, with why, so the caller can say so.
	OnDuplicate func(dropped, kept Item, why Duplicate)
}

// Duplicate is why Select dropped an item as a copy of another.
type Duplicate string

// The reasons for a Duplicate.
const (
	// SameArticle: the same ID (canonical URL) or URI-shaped GUID as an
	// item kept, typically one article in two sources' feeds.
	SameArticle Duplicate = "same article (URL or GUID) as a kept item"
	// SimilarTitle: a title equal or nearly equal to an older kept item's
	// within the title window, the same story told by two sources.
	SimilarTitle Duplicate = "title nearly identical to an older item's"
)

// ItemDate is the date an item sorts and ages by: Published, else Updated,
// else FirstSeen — never the current time, so undated items keep their
// place between runs.
func ItemDate(it Item) time.Time {
	switch {
	case !it.Published.IsZero():
		return it.Published
	case !it.Updated.IsZero():
		return it.Updated
	}
	return it.FirstSeen
}

// Select builds the item list of an output feed from the stored items of
// its sources: it applies the filters and MaxAge, keeps one item per ID
// (hence per canonical URL) and per URI-shaped source GUID (preferring an
// extracted copy, then the one seen first), optionally drops
// near-duplicate titles (the oldest copy of a story wins), orders newest
// first by ItemDate (ties by Updated, FirstSeen, then ID) and applies
// Limit. The input is not modified.
func Select(items []Item, opts SelectOptions) []Item {
	var kept []Item
	for _, it := range items {
		if !matchesFilters(it, opts.Include, opts.Exclude) {
			continue
		}
		if opts.MaxAge > 0 && !opts.Now.IsZero() && ItemDate(it).Before(opts.Now.Add(-opts.MaxAge)) {
			continue
		}
		kept = append(kept, it)
	}
	onDup := opts.OnDuplicate
	if onDup == nil {
		onDup = func(Item, Item, Duplicate) {}
	}
	kept = dedupeIdentity(kept, onDup)
	slices.SortFunc(kept, newestFirst)
	if opts.DedupeTitles {
		window := opts.TitleWindow
		if window <= 0 {
			window = DefaultTitleWindow
		}
		return dedupeTitles(kept, window, opts.Limit, onDup)
	}
	if opts.Limit > 0 && len(kept) > opts.Limit {
		kept = kept[:opts.Limit]
	}
	return kept
}

// newestFirst orders items by ItemDate descending, then Updated and
// FirstSeen descending, then ID, so the order is total and stable.
func newestFirst(a, b Item) int {
	if c := ItemDate(b).Compare(ItemDate(a)); c != 0 {
		return c
	}
	if c := b.Updated.Compare(a.Updated); c != 0 {
		return c
	}
	if c := b.FirstSeen.Compare(a.FirstSeen); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

// preferred orders copies of one article: extracted first, then the one
// seen first, then by source name and ID for determinism.
func preferred(a, b Item) int {
	if a.Extracted != b.Extracted {
		if a.Extracted {
			return -1
		}
		return 1
	}
	if c := a.FirstSeen.Compare(b.FirstSeen); c != 0 {
		return c
	}
	return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.ID, b.ID))
}

// dedupeIdentity keeps one item per ID and per URI-shaped GUID. The ID
// already stands for the canonical URL (ItemID); comparing URLs again
// would undo Parse's decision that items sharing a URL in a broken feed
// are different stories. Plain GUIDs ("1234") are only unique within their
// source and are compared within it.
func dedupeIdentity(items []Item, onDup func(dropped, kept Item, why Duplicate)) []Item {
	slices.SortStableFunc(items, preferred)
	seen := make(map[string]int, 3*len(items)) // key → index in out
	out := items[:0]
	for _, it := range items {
		keys := identityKeys(it)
		if i := slices.IndexFunc(keys, func(k string) bool { _, ok := seen[k]; return ok }); i >= 0 {
			onDup(it, out[seen[keys[i]]], SameArticle)
			continue
		}
		for _, k := range keys {
			seen[k] = len(out)
		}
		out = append(out, it)
	}
	return out
}

func identityKeys(it Item) []string {
	keys := []string{"id\x00" + it.ID}
	if g := strings.TrimSpace(it.SourceGUID); g != "" {
		if strings.Contains(g, ":") {
			keys = append(keys, "guid\x00"+g)
		} else {
			keys = append(keys, "guid\x00"+it.Source+"\x00"+g)
		}
	}
	return keys
}
