package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Attempt is the failure record of an article page: how often fetching
// or extracting it failed in a row, when last, and why.
type Attempt struct {
	Attempts  int
	LastTry   time.Time
	LastError string
}

// ArticleAttempt returns the failure record of the article at url; the
// zero Attempt when it never failed (or succeeded since).
func (s *Store) ArticleAttempt(ctx context.Context, url string) (Attempt, error) {
	var a Attempt
	var last sql.NullInt64
	err := s.r.QueryRowContext(ctx,
		`SELECT attempts, last_try, last_error FROM article_failures WHERE url = ?`, url).
		Scan(&a.Attempts, &last, &a.LastError)
	if errors.Is(err, sql.ErrNoRows) {
		return Attempt{}, nil
	}
	if err != nil {
		return Attempt{}, fmt.Errorf("store: article attempt of %s: %w", url, classify(err))
	}
	a.LastTry = fromNanos(last)
	return a, nil
}

// RecordArticleFailure counts one more failure to fetch or extract the
// article at url, at time at (zero means now), with its error.
func (s *Store) RecordArticleFailure(ctx context.Context, url string, at time.Time, failure error) error {
	if at.IsZero() {
		at = s.now()
	}
	msg := ""
	if failure != nil {
		msg = failure.Error()
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO article_failures (url, attempts, last_try, last_error) VALUES (?, 1, ?, ?)
			ON CONFLICT (url) DO UPDATE SET attempts = article_failures.attempts + 1,
				last_try = excluded.last_try, last_error = excluded.last_error`,
			url, at.UnixNano(), msg)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: record article failure of %s: %w", url, err)
	}
	return nil
}

// ClearArticleFailure forgets the failures of the article at url, after
// it was extracted successfully.
func (s *Store) ClearArticleFailure(ctx context.Context, url string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM article_failures WHERE url = ?`, url)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: clear article failure of %s: %w", url, err)
	}
	return nil
}

// PruneArticleFailures forgets failures last tried before the given
// time, so the table does not grow without bound, and returns how many.
func (s *Store) PruneArticleFailures(ctx context.Context, before time.Time) (int64, error) {
	var n int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM article_failures WHERE last_try < ?`, before.UnixNano())
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store: prune article failures: %w", err)
	}
	return n, nil
}
