package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Validators returns the ETag and Last-Modified stored for url, for a
// conditional GET; both are empty when none are stored.
func (s *Store) Validators(ctx context.Context, url string) (etag, lastModified string, err error) {
	err = s.r.QueryRowContext(ctx,
		`SELECT etag, last_modified FROM validators WHERE url = ?`, url).Scan(&etag, &lastModified)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil
	}
	if err != nil {
		return "", "", fmt.Errorf("store: validators of %s: %w", url, classify(err))
	}
	return etag, lastModified, nil
}

// SaveValidators stores the ETag and Last-Modified a response for url
// carried. Saving two empty values forgets the URL's validators.
func (s *Store) SaveValidators(ctx context.Context, url, etag, lastModified string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		if etag == "" && lastModified == "" {
			_, err := tx.ExecContext(ctx, `DELETE FROM validators WHERE url = ?`, url)
			return err
		}
		_, err := tx.ExecContext(ctx, `
			INSERT INTO validators (url, etag, last_modified, updated) VALUES (?, ?, ?, ?)
			ON CONFLICT (url) DO UPDATE SET etag = excluded.etag,
				last_modified = excluded.last_modified, updated = excluded.updated`,
			url, etag, lastModified, s.now().UnixNano())
		return err
	})
	if err != nil {
		return fmt.Errorf("store: save validators of %s: %w", url, err)
	}
	return nil
}
