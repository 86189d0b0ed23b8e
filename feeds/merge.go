package feeds

import "time"

// Merge updates one source's stored items with a fresh parse of that
// source and returns the new set: every stored item (in stored order, so
// items that scrolled off the source feed are kept until Select's MaxAge or
// Limit drops them) followed by the new items in incoming order.
//
// Items are matched by ID. For a match:
//   - an unchanged ContentHash keeps the stored item exactly as it was,
//     dates included; the one exception is adopting a successful extraction
//     (incoming Extracted, stored not), which fills Content/Text/Extracted;
//   - a changed ContentHash takes the incoming item but keeps the stored
//     ID, FirstSeen and Published (when the stored one has it), and sets
//     Updated to the source's own updated date or, without one, to now.
//
// New items get FirstSeen = now unless they already carry one. Published
// and Updated dates are checked by PlausibleDate: less than a day in the
// future is capped at now, further ahead or before EarliestDate is absent. Later
// duplicates of an ID within incoming are ignored. Neither input slice is
// modified.
func Merge(stored, incoming []Item, now time.Time) []Item {
	now = now.UTC()
	out := make([]Item, len(stored), len(stored)+len(incoming))
	copy(out, stored)
	pos := make(map[string]int, len(out))
	for i, it := range out {
		if _, dup := pos[it.ID]; !dup {
			pos[it.ID] = i
		}
	}
	seen := make(map[string]bool, len(incoming))
	for _, in := range incoming {
		if seen[in.ID] {
			continue
		}
		seen[in.ID] = true
		if i, ok := pos[in.ID]; ok {
			out[i] = mergeItem(out[i], in, now)
			continue
		}
		if in.FirstSeen.IsZero() {
			in.FirstSeen = now
		}
		out = append(out, clampFuture(in, now))
	}
	return out
}

// mergeItem combines the stored and incoming versions of one item.
func mergeItem(old, in Item, now time.Time) Item {
	if old.ContentHash == in.ContentHash {
		if in.Extracted && !old.Extracted {
			old.Content, old.Text, old.Extracted = in.Content, in.Text, true
		}
		return old
	}
	in.ID = old.ID
	in.FirstSeen = old.FirstSeen
	if in.FirstSeen.IsZero() {
		in.FirstSeen = now
	}
	if !old.Published.IsZero() {
		in.Published = old.Published
	}
	if in.Updated.IsZero() || !in.Updated.After(old.Updated) {
		in.Updated = now
	}
	return clampFuture(in, now)
}

// clampFuture passes Published and Updated through PlausibleDate. Sites
// that stamp local time with a wrong zone (common: Baghdad time labelled
// GMT) would otherwise pin their items to the top of merged feeds for
// hours, and a year-0 or year-2999 date for ever.
func clampFuture(it Item, now time.Time) Item {
	it.Published = PlausibleDate(it.Published, now)
	it.Updated = PlausibleDate(it.Updated, now)
	return it
}

// Pending returns the incoming items that need work before Merge: those
// whose ID is not stored or whose ContentHash changed. The caller fetches
// and extracts only these instead of every article on every run (retrying
// stored items whose extraction failed is the caller's policy; they have
// Extracted == false).
func Pending(stored, incoming []Item) []Item {
	byID := make(map[string]Item, len(stored))
	for _, it := range stored {
		byID[it.ID] = it
	}
	var out []Item
	for _, in := range incoming {
		old, ok := byID[in.ID]
		if !ok || old.ContentHash != in.ContentHash {
			out = append(out, in)
		}
	}
	return out
}
