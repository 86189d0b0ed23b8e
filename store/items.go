package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/refeed/refeed/feeds"
)

// SaveSourceItems inserts or updates items of source in one transaction.
// An item already stored (same source and ID) is replaced, except that
// its FirstSeen stays the one first stored; an item with a zero FirstSeen
// gets the current time. Items are stored with their times in UTC. An
// item's Source must be empty or source. None of them is pending (see
// SaveItems).
func (s *Store) SaveSourceItems(ctx context.Context, source string, items []feeds.Item) error {
	return s.SaveItems(ctx, source, items, nil)
}

// SaveItems is SaveSourceItems that also records which items still wait
// for their article: those for which pending reports true (nil: none).
// PendingItems reads them back.
func (s *Store) SaveItems(ctx context.Context, source string, items []feeds.Item, pending func(feeds.Item) bool) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		up, err := prepareUpsert(ctx, tx)
		if err != nil {
			return err
		}
		defer up.Close()
		for i := range items {
			if err := s.upsertItem(ctx, up, source, items[i], pending != nil && pending(items[i])); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: save items of %s: %w", source, err)
	}
	return nil
}

// upsert holds the statements of upsertItem, prepared once per
// transaction rather than once per item.
type upsert struct {
	insert, first, update *sql.Stmt
}

func prepareUpsert(ctx context.Context, tx *sql.Tx) (*upsert, error) {
	up := &upsert{}
	for _, p := range []struct {
		stmt  **sql.Stmt
		query string
	}{
		{&up.insert, `INSERT INTO items (source, id, url, sort_key, first_seen, extracted, pending, content_hash, data)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, id) DO NOTHING`},
		{&up.first, `SELECT first_seen FROM items WHERE source = ? AND id = ?`},
		{&up.update, `UPDATE items SET url = ?, sort_key = ?, extracted = ?, pending = ?, content_hash = ?, data = ?
			WHERE source = ? AND id = ?`},
	} {
		stmt, err := tx.PrepareContext(ctx, p.query)
		if err != nil {
			up.Close()
			return nil, err
		}
		*p.stmt = stmt
	}
	return up, nil
}

func (u *upsert) Close() {
	for _, stmt := range []*sql.Stmt{u.insert, u.first, u.update} {
		if stmt != nil {
			stmt.Close()
		}
	}
}

// upsertItem stores one item: a new one with one INSERT; one already
// stored keeps its first FirstSeen, read back before it is replaced.
func (s *Store) upsertItem(ctx context.Context, up *upsert, source string, it feeds.Item, pending bool) error {
	if it.ID == "" {
		return fmt.Errorf("item %q has no id", it.URL)
	}
	if it.Source != "" && it.Source != source {
		return fmt.Errorf("item %s belongs to source %q", it.ID, it.Source)
	}
	it.Source = source
	if it.FirstSeen.IsZero() {
		it.FirstSeen = s.now()
	}
	normalizeTimes(&it)
	data, err := json.Marshal(it)
	if err != nil {
		return err
	}
	res, err := up.insert.ExecContext(ctx, source, it.ID, it.URL, sortKey(it), it.FirstSeen.UnixNano(), boolInt(it.Extracted), boolInt(pending), it.ContentHash, string(data))
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 1 {
		return err
	}
	var first sql.NullInt64
	if err := up.first.QueryRowContext(ctx, source, it.ID).Scan(&first); err != nil {
		return err
	}
	if it.FirstSeen = fromNanos(first); !first.Valid {
		it.FirstSeen = s.now().UTC().Round(0)
	}
	if data, err = json.Marshal(it); err != nil {
		return err
	}
	_, err = up.update.ExecContext(ctx, it.URL, sortKey(it), boolInt(it.Extracted), boolInt(pending), it.ContentHash, string(data), source, it.ID)
	return err
}

// boolInt stores a flag as 0 or 1, the same on every backend.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// normalizeTimes puts an item's times in UTC without monotonic readings,
// so they round-trip exactly through JSON.
func normalizeTimes(it *feeds.Item) {
	for _, t := range []*time.Time{&it.Published, &it.Updated, &it.FirstSeen} {
		if !t.IsZero() {
			*t = t.UTC().Round(0)
		}
	}
}

// sortKey orders items newest first: by Published, else by FirstSeen,
// in milliseconds (feed dates may lie outside the nanosecond range).
func sortKey(it feeds.Item) int64 {
	if !it.Published.IsZero() {
		return it.Published.UnixMilli()
	}
	return it.FirstSeen.UnixMilli()
}

// SourceItems returns the stored items of source, newest first.
func (s *Store) SourceItems(ctx context.Context, source string) ([]feeds.Item, error) {
	items, err := s.queryItems(ctx,
		`SELECT data FROM items WHERE source = ? ORDER BY sort_key DESC, id`, source)
	if err != nil {
		return nil, fmt.Errorf("store: items of %s: %w", source, err)
	}
	return items, nil
}

// ItemsForSources returns the stored items of all the named sources,
// newest first. An article stored under two sources comes back twice,
// once per source; merging is the caller's business.
func (s *Store) ItemsForSources(ctx context.Context, sources []string) ([]feeds.Item, error) {
	if len(sources) == 0 {
		return nil, nil
	}
	args := make([]any, len(sources))
	for i, src := range sources {
		args[i] = src
	}
	items, err := s.queryItems(ctx,
		`SELECT data FROM items WHERE source IN (`+marks(len(sources))+`) ORDER BY sort_key DESC, source, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: items of %s: %w", strings.Join(sources, ", "), err)
	}
	return items, nil
}

// Extracted returns a stored item for url whose full article was
// extracted, so the caller can reuse it instead of fetching the page
// again. ok is false when there is none.
func (s *Store) Extracted(ctx context.Context, url string) (it feeds.Item, ok bool, err error) {
	items, err := s.queryItems(ctx,
		`SELECT data FROM items WHERE url = ? AND extracted = 1 ORDER BY sort_key DESC LIMIT 1`, url)
	if err != nil {
		return feeds.Item{}, false, fmt.Errorf("store: extracted item for %s: %w", url, err)
	}
	if len(items) == 0 {
		return feeds.Item{}, false, nil
	}
	return items[0], true, nil
}

// queryItems runs a query selecting the data column of items.
func (s *Store) queryItems(ctx context.Context, query string, args ...any) ([]feeds.Item, error) {
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	var items []feeds.Item
	for rows.Next() {
		var data string
		if err := rows.Scan(&data); err != nil {
			return nil, classify(err)
		}
		var it feeds.Item
		if err := json.Unmarshal([]byte(data), &it); err != nil {
			return nil, fmt.Errorf("decode stored item: %w", err)
		}
		items = append(items, it)
	}
	s.itemsRead.Add(int64(len(items)))
	return items, classify(rows.Err())
}

// Prune deletes all but the newest keep items of source (by Published,
// else FirstSeen) and returns how many it deleted.
func (s *Store) Prune(ctx context.Context, source string, keep int) (int64, error) {
	if keep < 0 {
		return 0, fmt.Errorf("store: prune %s: negative keep %d", source, keep)
	}
	var n int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `
			DELETE FROM items WHERE source = ? AND id NOT IN (
				SELECT id FROM items WHERE source = ? ORDER BY sort_key DESC, id LIMIT ?)`,
			source, source, keep)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store: prune %s: %w", source, err)
	}
	return n, nil
}
