package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// SourceHealth is how polling a source has gone lately, for `refeed
// status` and the web index.
type SourceHealth struct {
	Source string
	// ConsecutiveFailures counts failed polls since the last success.
	ConsecutiveFailures int
	// LastError and LastErrorAt describe the latest failure; they are
	// kept after a success, for the record.
	LastError   string
	LastErrorAt time.Time
	LastSuccess time.Time
	// NextAttempt is when the source may be polled again: after a failure
	// the end of its backoff; after a success the end of the freshness
	// its server announced (Cache-Control), or zero.
	NextAttempt time.Time
	// ItemsSeen and ItemsNew are from the latest successful poll.
	ItemsSeen int
	ItemsNew  int
}

// RecordSuccess notes a successful poll of source at time at (zero means
// now) that saw itemsSeen items, itemsNew of them new. nextAttempt is when
// the source is due again because its server said the document stays
// fresh until then; zero means at any time.
func (s *Store) RecordSuccess(ctx context.Context, source string, at time.Time, itemsSeen, itemsNew int, nextAttempt time.Time) error {
	if at.IsZero() {
		at = s.now()
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO source_health (source, consecutive_failures, last_success, next_attempt, items_seen, items_new)
			VALUES (?, 0, ?, ?, ?, ?)
			ON CONFLICT (source) DO UPDATE SET consecutive_failures = 0,
				last_success = excluded.last_success, next_attempt = excluded.next_attempt,
				items_seen = excluded.items_seen, items_new = excluded.items_new`,
			source, nanos(at), nanos(nextAttempt), itemsSeen, itemsNew)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: record success of %s: %w", source, err)
	}
	return nil
}

// RecordFailure notes a failed poll of source at time at (zero means
// now), and when it may be tried again (zero: no backoff).
func (s *Store) RecordFailure(ctx context.Context, source string, at time.Time, failure error, nextAttempt time.Time) error {
	if at.IsZero() {
		at = s.now()
	}
	msg := ""
	if failure != nil {
		msg = failure.Error()
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO source_health (source, consecutive_failures, last_error, last_error_at, next_attempt)
			VALUES (?, 1, ?, ?, ?)
			ON CONFLICT (source) DO UPDATE SET consecutive_failures = source_health.consecutive_failures + 1,
				last_error = excluded.last_error, last_error_at = excluded.last_error_at,
				next_attempt = excluded.next_attempt`,
			source, msg, nanos(at), nanos(nextAttempt))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: record failure of %s: %w", source, err)
	}
	return nil
}

const healthColumns = `source, consecutive_failures, last_error, last_error_at,
	last_success, next_attempt, items_seen, items_new`

// Health returns the health of every source polled so far, by name.
func (s *Store) Health(ctx context.Context) ([]SourceHealth, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+healthColumns+` FROM source_health ORDER BY source`)
	if err != nil {
		return nil, fmt.Errorf("store: health: %w", classify(err))
	}
	defer rows.Close()
	var out []SourceHealth
	for rows.Next() {
		h, err := scanHealth(rows)
		if err != nil {
			return nil, fmt.Errorf("store: health: %w", classify(err))
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: health: %w", classify(err))
	}
	return out, nil
}

// HealthOf returns the health of one source; a source never polled has
// a zero SourceHealth with only Source set.
func (s *Store) HealthOf(ctx context.Context, source string) (SourceHealth, error) {
	row := s.r.QueryRowContext(ctx, `SELECT `+healthColumns+` FROM source_health WHERE source = ?`, source)
	h, err := scanHealth(row)
	if errors.Is(err, sql.ErrNoRows) {
		return SourceHealth{Source: source}, nil
	}
	if err != nil {
		return SourceHealth{}, fmt.Errorf("store: health of %s: %w", source, classify(err))
	}
	return h, nil
}

// scanHealth reads one row of healthColumns.
func scanHealth(row interface{ Scan(...any) error }) (SourceHealth, error) {
	var h SourceHealth
	var errAt, success, next sql.NullInt64
	err := row.Scan(&h.Source, &h.ConsecutiveFailures, &h.LastError, &errAt, &success, &next, &h.ItemsSeen, &h.ItemsNew)
	h.LastErrorAt, h.LastSuccess, h.NextAttempt = fromNanos(errAt), fromNanos(success), fromNanos(next)
	return h, err
}

// ForgetSource deletes the items, health, poll history and lease of a source that left the
// config, and returns how many items it deleted.
func (s *Store) ForgetSource(ctx context.Context, source string) (int64, error) {
	var n int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM items WHERE source = ?`, source)
		if err != nil {
			return err
		}
		if n, err = res.RowsAffected(); err != nil {
			return err
		}
		if _, err = tx.ExecContext(ctx, `DELETE FROM poll_history WHERE source = ?`, source); err != nil {
			return err
		}
		if _, err = tx.ExecContext(ctx, `DELETE FROM source_leases WHERE source = ?`, source); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM source_health WHERE source = ?`, source)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store: forget source %s: %w", source, err)
	}
	return n, nil
}
