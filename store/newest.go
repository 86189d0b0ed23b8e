package store

import (
	"cmp"
	"container/heap"
	"context"
	"database/sql"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/refeed/refeed/feeds"
)

// ReadStats counts what the store has read since it was opened, for
// tests and benchmarks that check a pass's cost does not grow with the
// state: Items is the stored items decoded, Keys the index rows read to
// choose them. Both are deterministic, unlike time.
type ReadStats struct {
	Items int64
	Keys  int64
}

// Reads returns the counts since the store was opened.
func (s *Store) Reads() ReadStats {
	return ReadStats{Items: s.itemsRead.Load(), Keys: s.keysRead.Load()}
}

// StoredItems returns the stored items of source among ids, in no
// particular order: what a fresh parse of the source needs to be merged,
// without reading the rest of the source's items.
func (s *Store) StoredItems(ctx context.Context, source string, ids []string) ([]feeds.Item, error) {
	var out []feeds.Item
	for chunk := range slices.Chunk(ids, 500) {
		args := make([]any, 0, len(chunk)+1)
		args = append(args, source)
		for _, id := range chunk {
			args = append(args, id)
		}
		items, err := s.queryItems(ctx,
			`SELECT data FROM items WHERE source = ? AND id IN (`+marks(len(chunk))+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("store: items of %s: %w", source, err)
		}
		out = append(out, items...)
	}
	return out, nil
}

// ContentHashes returns the stored ContentHash of the items of source
// among ids, by ID, without decoding the items; "" for an item stored
// before hashes were kept. An ID not stored has no entry.
func (s *Store) ContentHashes(ctx context.Context, source string, ids []string) (map[string]string, error) {
	out := make(map[string]string, len(ids))
	for chunk := range slices.Chunk(ids, 500) {
		args := make([]any, 0, len(chunk)+1)
		args = append(args, source)
		for _, id := range chunk {
			args = append(args, id)
		}
		if err := s.scanHashes(ctx, out, `SELECT id, content_hash FROM items WHERE source = ? AND id IN (`+marks(len(chunk))+`)`, args); err != nil {
			return nil, fmt.Errorf("store: content hashes of %s: %w", source, err)
		}
	}
	return out, nil
}

func (s *Store) scanHashes(ctx context.Context, out map[string]string, query string, args []any) error {
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return classify(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var id, hash string
		if err := rows.Scan(&id, &hash); err != nil {
			return classify(err)
		}
		out[id] = hash
		n++
	}
	s.keysRead.Add(int64(n))
	return classify(rows.Err())
}

// PendingItems returns at most limit items of source still waiting for
// their article (see SaveItems), newest first.
func (s *Store) PendingItems(ctx context.Context, source string, limit int) ([]feeds.Item, error) {
	items, err := s.queryItems(ctx,
		`SELECT data FROM items WHERE source = ? AND pending = 1 ORDER BY sort_key DESC, id LIMIT ?`, source, limit)
	if err != nil {
		return nil, fmt.Errorf("store: pending items of %s: %w", source, err)
	}
	return items, nil
}

// NewestItems returns, newest first (by Published, else FirstSeen), at
// most limit items of the named sources dated since (zero: any date). It
// merges the sources' index entries page by page and decodes only the
// items it returns, so it reads about limit index rows plus a page per
// source, however many items the state holds. An article stored under
// two sources comes back twice.
func (s *Store) NewestItems(ctx context.Context, sources []string, limit int, since time.Time) ([]feeds.Item, error) {
	if limit <= 0 || len(sources) == 0 {
		return nil, nil
	}
	floor := int64(math.MinInt64)
	if !since.IsZero() {
		floor = since.UnixMilli()
	}
	page := limit/len(sources) + 8
	var h keyHeap
	for _, src := range slices.Compact(slices.Sorted(slices.Values(sources))) {
		c := &keyCursor{source: src}
		if err := s.nextKeys(ctx, c, page, floor); err != nil {
			return nil, err
		}
		if len(c.keys) > 0 {
			h = append(h, c)
		}
	}
	heap.Init(&h)
	bySource := map[string][]string{}
	for n := 0; n < limit && h.Len() > 0; n++ {
		c := h[0]
		k := c.keys[0]
		bySource[k.source] = append(bySource[k.source], k.id)
		if c.keys = c.keys[1:]; len(c.keys) == 0 && !c.done {
			if err := s.nextKeys(ctx, c, page, floor); err != nil {
				return nil, err
			}
		}
		if len(c.keys) == 0 {
			heap.Pop(&h)
		} else {
			heap.Fix(&h, 0)
		}
	}
	var items []feeds.Item
	for _, src := range slices.Sorted(maps.Keys(bySource)) {
		got, err := s.StoredItems(ctx, src, bySource[src])
		if err != nil {
			return nil, err
		}
		items = append(items, got...)
	}
	slices.SortFunc(items, func(a, b feeds.Item) int {
		return cmp.Or(cmp.Compare(sortKey(b), sortKey(a)), cmp.Compare(a.Source, b.Source), cmp.Compare(a.ID, b.ID))
	})
	return items, nil
}

// itemKey is an item's place in the newest-first order.
type itemKey struct {
	source, id string
	sortKey    int64
}

// keyCursor walks one source's index entries newest first, a page at a
// time: keys is what is left of the page read last.
type keyCursor struct {
	source string
	keys   []itemKey
	last   *itemKey // the last key read, where the next page starts
	done   bool     // the source has no more entries
}

// nextKeys reads the next page of c's source from the index, after the
// last key read (keyset pagination: no OFFSET to walk).
func (s *Store) nextKeys(ctx context.Context, c *keyCursor, page int, floor int64) error {
	query := `SELECT id, sort_key FROM items WHERE source = ? AND sort_key >= ?`
	args := []any{c.source, floor}
	if c.last != nil {
		query += ` AND (sort_key < ? OR (sort_key = ? AND id > ?))`
		args = append(args, c.last.sortKey, c.last.sortKey, c.last.id)
	}
	rows, err := s.r.QueryContext(ctx, query+` ORDER BY sort_key DESC, id LIMIT ?`, append(args, page)...)
	if err != nil {
		return fmt.Errorf("store: newest items of %s: %w", c.source, classify(err))
	}
	defer rows.Close()
	c.keys = c.keys[:0]
	for rows.Next() {
		k := itemKey{source: c.source}
		if err := rows.Scan(&k.id, &k.sortKey); err != nil {
			return fmt.Errorf("store: newest items of %s: %w", c.source, classify(err))
		}
		c.keys = append(c.keys, k)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: newest items of %s: %w", c.source, classify(err))
	}
	s.keysRead.Add(int64(len(c.keys)))
	c.done = len(c.keys) < page
	if len(c.keys) > 0 {
		last := c.keys[len(c.keys)-1]
		c.last = &last
	}
	return nil
}

// keyHeap orders cursors by their next key, newest first.
type keyHeap []*keyCursor

func (h keyHeap) Len() int { return len(h) }
func (h keyHeap) Less(i, j int) bool {
	a, b := h[i].keys[0], h[j].keys[0]
	return cmp.Or(cmp.Compare(b.sortKey, a.sortKey), cmp.Compare(a.source, b.source), cmp.Compare(a.id, b.id)) < 0
}
func (h keyHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *keyHeap) Push(x any)   { *h = append(*h, x.(*keyCursor)) }
func (h *keyHeap) Pop() any {
	old := *h
	c := old[len(old)-1]
	*h = old[:len(old)-1]
	return c
}

// PruneOlder deletes the items of source beyond its newest keep and those
// dated before (zero: no date limit), with their articles, and returns
// how many it deleted; items dated the same as the last one kept stay.
// It walks at most keep index rows besides what it deletes: its cost
// follows the source's feeds' limits, not the items stored.
func (s *Store) PruneOlder(ctx context.Context, source string, keep int, before time.Time) (int64, error) {
	if keep < 0 {
		return 0, fmt.Errorf("store: prune %s: negative keep %d", source, keep)
	}
	var n int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		// Older than the keep-th newest item (ties with it stay): the
		// subquery walks keep rows of the index.
		query, args := `DELETE FROM items WHERE source = ?`, []any{source}
		if keep > 0 {
			query += ` AND sort_key < (
				SELECT sort_key FROM items WHERE source = ? ORDER BY sort_key DESC, id LIMIT 1 OFFSET ?)`
			args = append(args, source, keep-1)
		}
		res, err := tx.ExecContext(ctx, query, args...)
		if err != nil {
			return err
		}
		if n, err = res.RowsAffected(); err != nil || before.IsZero() {
			return err
		}
		res, err = tx.ExecContext(ctx, `DELETE FROM items WHERE source = ? AND sort_key < ?`, source, before.UnixMilli())
		if err != nil {
			return err
		}
		aged, err := res.RowsAffected()
		n += aged
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store: prune %s: %w", source, err)
	}
	return n, nil
}

// marks is n comma-separated placeholders.
func marks(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}
