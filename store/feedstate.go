package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// FeedState fingerprints an output feed as last written, so a run can
// tell whether the feed changed and skip rewriting it.
type FeedState struct {
	Hash  string    // hash of the rendered items, chosen by the caller
	Built time.Time // when the feed was last written
	Items int       // number of items in it
	// Expires is when the feed must be rebuilt even if none of its
	// sources changes, because its oldest item passes the feed's max_age
	// then; zero means never.
	Expires time.Time
}

// FeedState returns the stored state of the output feed name; the zero
// FeedState when it was never saved.
func (s *Store) FeedState(ctx context.Context, name string) (FeedState, error) {
	var st FeedState
	var built, expires sql.NullInt64
	err := s.r.QueryRowContext(ctx, `SELECT hash, built, items, expires FROM feed_state WHERE name = ?`, name).
		Scan(&st.Hash, &built, &st.Items, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return FeedState{}, nil
	}
	if err != nil {
		return FeedState{}, fmt.Errorf("store: feed state of %s: %w", name, classify(err))
	}
	st.Built, st.Expires = fromNanos(built), fromNanos(expires)
	return st, nil
}

// SaveFeedState stores the state of the output feed name.
func (s *Store) SaveFeedState(ctx context.Context, name string, st FeedState) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO feed_state (name, hash, built, items, expires) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (name) DO UPDATE SET hash = excluded.hash,
				built = excluded.built, items = excluded.items, expires = excluded.expires`,
			name, st.Hash, nanos(st.Built), st.Items, nanos(st.Expires))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: save feed state of %s: %w", name, err)
	}
	return nil
}

// FeedStates returns the stored state of every output feed, by name.
func (s *Store) FeedStates(ctx context.Context) (map[string]FeedState, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT name, hash, built, items FROM feed_state`)
	if err != nil {
		return nil, fmt.Errorf("store: feed states: %w", classify(err))
	}
	defer rows.Close()
	out := map[string]FeedState{}
	for rows.Next() {
		var name string
		var st FeedState
		var built sql.NullInt64
		if err := rows.Scan(&name, &st.Hash, &built, &st.Items); err != nil {
			return nil, fmt.Errorf("store: feed states: %w", classify(err))
		}
		st.Built = fromNanos(built)
		out[name] = st
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: feed states: %w", classify(err))
	}
	return out, nil
}
