package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// DiscoveredFeed returns the feed URL autodiscovery found behind a source
// URL that serves an HTML page, or "" when none is stored.
func (s *Store) DiscoveredFeed(ctx context.Context, sourceURL string) (string, error) {
	var feedURL string
	err := s.r.QueryRowContext(ctx,
		`SELECT feed_url FROM discovered_feeds WHERE source_url = ?`, sourceURL).Scan(&feedURL)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("store: discovered feed of %s: %w", sourceURL, classify(err))
	}
	return feedURL, nil
}

// SaveDiscoveredFeed remembers that sourceURL led to feedURL. An empty
// feedURL forgets it (the feed went away; discover again).
func (s *Store) SaveDiscoveredFeed(ctx context.Context, sourceURL, feedURL string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		if feedURL == "" {
			_, err := tx.ExecContext(ctx, `DELETE FROM discovered_feeds WHERE source_url = ?`, sourceURL)
			return err
		}
		_, err := tx.ExecContext(ctx, `
			INSERT INTO discovered_feeds (source_url, feed_url, updated) VALUES (?, ?, ?)
			ON CONFLICT (source_url) DO UPDATE SET feed_url = excluded.feed_url, updated = excluded.updated`,
			sourceURL, feedURL, s.now().UnixNano())
		return err
	})
	if err != nil {
		return fmt.Errorf("store: save discovered feed of %s: %w", sourceURL, err)
	}
	return nil
}
