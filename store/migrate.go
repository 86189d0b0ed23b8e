package store

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations returns the schema, one numbered step per element: step i
// takes the database from PRAGMA user_version i to i+1. Append only;
// never edit a step that has shipped.
func migrations() []string {
	return []string{
		// 1: the initial schema. Times are Unix nanoseconds, except the
		// item sort key (milliseconds: feed dates can be far off).
		`CREATE TABLE validators (
			url           TEXT PRIMARY KEY,
			etag          TEXT NOT NULL,
			last_modified TEXT NOT NULL,
			updated       INTEGER NOT NULL
		);
		CREATE TABLE items (
			source     TEXT NOT NULL,
			id         TEXT NOT NULL,
			url        TEXT NOT NULL,
			sort_key   INTEGER NOT NULL,
			first_seen INTEGER NOT NULL,
			extracted  INTEGER NOT NULL,
			data       TEXT NOT NULL,
			PRIMARY KEY (source, id)
		);
		CREATE INDEX items_by_url ON items (url);
		CREATE INDEX items_by_age ON items (source, sort_key DESC, id);
		CREATE TABLE article_failures (
			url        TEXT PRIMARY KEY,
			attempts   INTEGER NOT NULL,
			last_try   INTEGER NOT NULL,
			last_error TEXT NOT NULL
		);
		CREATE TABLE source_health (
			source               TEXT PRIMARY KEY,
			consecutive_failures INTEGER NOT NULL DEFAULT 0,
			last_error           TEXT NOT NULL DEFAULT '',
			last_error_at        INTEGER,
			last_success         INTEGER,
			next_attempt         INTEGER,
			items_seen           INTEGER NOT NULL DEFAULT 0,
			items_new            INTEGER NOT NULL DEFAULT 0
		);
		CREATE TABLE feed_state (
			name  TEXT PRIMARY KEY,
			hash  TEXT NOT NULL,
			built INTEGER,
			items INTEGER NOT NULL
		);`,
		// 2: the feed URL found by autodiscovery when a source's URL is
		// an HTML page, so later polls go to the feed directly.
		`CREATE TABLE discovered_feeds (
			source_url TEXT PRIMARY KEY,
			feed_url   TEXT NOT NULL,
			updated    INTEGER NOT NULL
		);`,
		// 3: the last polls of each source (see RecordPoll), for the
		// index page's sparkline.
		`CREATE TABLE poll_history (
			source    TEXT NOT NULL,
			at        INTEGER NOT NULL,
			new_items INTEGER NOT NULL,
			failed    INTEGER NOT NULL,
			PRIMARY KEY (source, at)
		);`,
		// 4: what makes a pass cost what it does. pending marks an item
		// still waiting for its article (new, changed, or held back by
		// max_articles), so a source whose feed did not change reads back
		// only those; the index serves that and the newest-first reads of
		// a source's items. content_hash is the item's ContentHash, so a
		// fresh parse is compared without decoding the stored items ('' in
		// rows written before: those are decoded). expires is when a feed with max_age must be
		// rebuilt because its oldest item ages out (NULL: never). Tidy forgets
		// article failures by last_try.
		`ALTER TABLE items ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;
		ALTER TABLE items ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';
		UPDATE items SET pending = 1 - extracted;
		CREATE INDEX items_pending ON items (source, pending, sort_key);
		CREATE INDEX article_failures_by_try ON article_failures (last_try);
		ALTER TABLE feed_state ADD COLUMN expires INTEGER;`,
		// 5: leases of the workers sharing a database (see lease.go): who
		// polls which source, and which host, until when; and when each
		// source's last poll ended.
		`CREATE TABLE source_leases (
			source   TEXT PRIMARY KEY,
			host     TEXT NOT NULL,
			holder   TEXT NOT NULL,
			acquired INTEGER NOT NULL,
			expires  INTEGER NOT NULL,
			polled   INTEGER NOT NULL DEFAULT 0
		);
		CREATE INDEX source_leases_by_host ON source_leases (host, holder);
		CREATE TABLE host_leases (
			host    TEXT PRIMARY KEY,
			holder  TEXT NOT NULL,
			expires INTEGER NOT NULL
		);`,
	}
}

// migrate applies the steps the database has not seen yet, each in its
// own transaction.
func (s *Store) migrate(ctx context.Context) error {
	steps := migrations()
	if s.pg {
		// Under the migration lock: two workers creating the table at
		// once would collide even with IF NOT EXISTS.
		err := s.write(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(?)`, migrationLockKey); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`)
			return err
		})
		if err != nil {
			return fmt.Errorf("store: open %s: %w", s.path, err)
		}
	}
	// s.r is not open yet: read through the writer.
	var version int
	if err := s.w.QueryRowContext(ctx, s.versionQuery()).Scan(&version); err != nil {
		return fmt.Errorf("store: open %s: %w", s.path, classify(err))
	}
	if version > len(steps) {
		return fmt.Errorf("store: open %s: schema version %d, this refeed knows up to %d: %w",
			s.path, version, len(steps), ErrNewerSchema)
	}
	for v := version; v < len(steps); v++ {
		if err := s.write(ctx, func(tx *sql.Tx) error { return s.applyStep(ctx, tx, v+1, steps[v]) }); err != nil {
			return fmt.Errorf("store: open %s: migrate to version %d: %w", s.path, v+1, err)
		}
	}
	return nil
}

// applyStep runs one migration unless another process got there first.
func (s *Store) applyStep(ctx context.Context, tx *sql.Tx, version int, stmt string) error {
	if s.pg {
		// Workers starting together take turns; SQLite's write
		// transaction already excludes the others.
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(?)`, migrationLockKey); err != nil {
			return err
		}
		stmt = pgSchema(stmt)
	}
	var current int
	if err := tx.QueryRowContext(ctx, s.versionQuery()).Scan(&current); err != nil {
		return err
	}
	if current >= version {
		return nil
	}
	if _, err := tx.ExecContext(ctx, stmt); err != nil {
		return err
	}
	if s.pg {
		if _, err := tx.ExecContext(ctx, `DELETE FROM schema_version`); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (?)`, version)
		return err
	}
	// PRAGMA takes no parameters; version is an int we produced.
	_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", version))
	return err
}

// versionQuery reads the schema version: SQLite keeps it in the file
// header, PostgreSQL in the schema_version table.
func (s *Store) versionQuery() string {
	if s.pg {
		return `SELECT COALESCE(MAX(version), 0) FROM schema_version`
	}
	return `PRAGMA user_version`
}

// SchemaVersion returns the schema version of the open database.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	if err := s.r.QueryRowContext(ctx, s.versionQuery()).Scan(&v); err != nil {
		return 0, fmt.Errorf("store: schema version: %w", classify(err))
	}
	return v, nil
}
