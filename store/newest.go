package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
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

// itemKey is an item's place in the newest-first order.
type itemKey struct {
	source, id string
	sortKey    int64
}

// NewestItems returns, newest first (by Published, else FirstSeen), at
// most limit items of the named sources dated since (zero: any date).
// It reads at most limit index rows per source and decodes only the
// items it returns, so its cost depends on limit, not on how many items
// the state holds. An article stored under two sources comes back twice.
func (s *Store) NewestItems(ctx context.Context, sources []string, limit int, since time.Time) ([]feeds.Item, error) {
	if limit <= 0 || len(sources) == 0 {
		return nil, nil
	}
	floor := int64(-1 << 63)
	if !since.IsZero() {
		floor = since.UnixMilli()
	}
	var keys []itemKey
	for _, src := range sources {
		k, err := s.newestKeys(ctx, src, limit, floor)
		if err != nil {
			return nil, fmt.Errorf("store: newest items of %s: %w", src, err)
		}
		keys = append(keys, k...)
	}
	slices.SortFunc(keys, func(a, b itemKey) int {
		return cmp.Or(cmp.Compare(b.sortKey, a.sortKey), cmp.Compare(a.source, b.source), cmp.Compare(a.id, b.id))
	})
	keys = keys[:min(limit, len(keys))]
	bySource := map[string][]string{}
	for _, k := range keys {
		bySource[k.source] = append(bySource[k.source], k.id)
	}
	var items []feeds.Item
	for _, src := range sources {
		if len(bySource[src]) == 0 {
			continue
		}
		got, err := s.StoredItems(ctx, src, bySource[src])
		if err != nil {
			return nil, err
		}
		items = append(items, got...)
		delete(bySource, src) // a source named twice is read once
	}
	slices.SortFunc(items, func(a, b feeds.Item) int {
		return cmp.Or(cmp.Compare(sortKey(b), sortKey(a)), cmp.Compare(a.Source, b.Source), cmp.Compare(a.ID, b.ID))
	})
	return items, nil
}

// newestKeys reads the keys of source's newest limit items from the index.
func (s *Store) newestKeys(ctx context.Context, source string, limit int, floor int64) ([]itemKey, error) {
	rows, err := s.r.QueryContext(ctx,
		`SELECT id, sort_key FROM items WHERE source = ? AND sort_key >= ? ORDER BY sort_key DESC, id LIMIT ?`,
		source, floor, limit)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	var keys []itemKey
	for rows.Next() {
		k := itemKey{source: source}
		if err := rows.Scan(&k.id, &k.sortKey); err != nil {
			return nil, classify(err)
		}
		keys = append(keys, k)
	}
	s.keysRead.Add(int64(len(keys)))
	return keys, classify(rows.Err())
}

// PruneOlder deletes the items of source beyond its newest keep and those
// dated before (zero: no date limit), with their articles, and returns
// how many it deleted; items dated the same as the last one kept stay.
// It walks keep index rows and what it deletes, so its cost does not
// grow with the items it keeps.
func (s *Store) PruneOlder(ctx context.Context, source string, keep int, before time.Time) (int64, error) {
	if keep < 0 {
		return 0, fmt.Errorf("store: prune %s: negative keep %d", source, keep)
	}
	var n int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		// Older than the item in place keep+1 (ties with it stay): the
		// subquery walks keep+1 rows of the index.
		res, err := tx.ExecContext(ctx, `
			DELETE FROM items WHERE source = ? AND sort_key < (
				SELECT sort_key FROM items WHERE source = ? ORDER BY sort_key DESC, id LIMIT 1 OFFSET ?)`,
			source, source, keep)
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
