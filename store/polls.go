package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// PollHistoryLen is how many polls of each source the state keeps.
const PollHistoryLen = 30

// Poll is one poll of a source, as kept for its history.
type Poll struct {
	At     time.Time
	New    int  // items new or changed
	Failed bool // the poll failed
}

// RecordPoll adds a poll to the history of source, forgetting all but
// the latest PollHistoryLen. A second poll at the same instant replaces
// the first.
func (s *Store) RecordPoll(ctx context.Context, source string, p Poll) error {
	if p.At.IsZero() {
		p.At = s.now()
	}
	failed := 0 // an integer column on both backends
	if p.Failed {
		failed = 1
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO poll_history (source, at, new_items, failed) VALUES (?, ?, ?, ?)
			ON CONFLICT (source, at) DO UPDATE SET new_items = excluded.new_items, failed = excluded.failed`,
			source, p.At.UnixNano(), p.New, failed); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `
			DELETE FROM poll_history WHERE source = ? AND at < (
				SELECT MIN(at) FROM (SELECT at FROM poll_history WHERE source = ? ORDER BY at DESC LIMIT ?) AS latest)`,
			source, source, PollHistoryLen)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: record poll of %s: %w", source, err)
	}
	return nil
}

// PollHistory returns the kept polls of every source, oldest first, by
// source name.
func (s *Store) PollHistory(ctx context.Context) (map[string][]Poll, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT source, at, new_items, failed FROM poll_history ORDER BY source, at`)
	if err != nil {
		return nil, fmt.Errorf("store: poll history: %w", classify(err))
	}
	defer rows.Close()
	out := make(map[string][]Poll)
	for rows.Next() {
		var src string
		var at, failed int64
		var p Poll
		if err := rows.Scan(&src, &at, &p.New, &failed); err != nil {
			return nil, fmt.Errorf("store: poll history: %w", classify(err))
		}
		p.At = time.Unix(0, at).UTC()
		p.Failed = failed != 0
		out[src] = append(out[src], p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: poll history: %w", classify(err))
	}
	return out, nil
}

// ItemCounts returns how many items the state holds for each source, by
// name; a source holding none is absent.
func (s *Store) ItemCounts(ctx context.Context) (map[string]int, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT source, COUNT(*) FROM items GROUP BY source`)
	if err != nil {
		return nil, fmt.Errorf("store: item counts: %w", classify(err))
	}
	defer rows.Close()
	out := make(map[string]int)
	for rows.Next() {
		var src string
		var n int
		if err := rows.Scan(&src, &n); err != nil {
			return nil, fmt.Errorf("store: item counts: %w", classify(err))
		}
		out[src] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: item counts: %w", classify(err))
	}
	return out, nil
}
