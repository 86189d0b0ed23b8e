// Package store keeps refeed's state between runs in one SQLite file, or
// in a PostgreSQL database shared by several workers: HTTP validators per
// URL, the items of each source, article extraction failures, source
// health, a fingerprint of each output feed and the workers' leases.
//
// SQLite is the default and needs no setup; it uses modernc.org/sqlite
// (no cgo). The database runs in WAL mode so
// readers never wait for the writer; writes go through a single
// connection because SQLite allows one writer at a time, and every
// multi-row write is one transaction. A Store is safe for concurrent use.
// AcquireLock keeps two refeed runs from working on one state file at once.
// PostgreSQL (postgres.go) runs the same queries through pgx; there the
// workers share the work through leases (lease.go) instead of a lock.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// busyTimeout is how long a statement waits for another process's write
// lock before failing with ErrBusy.
const busyTimeout = 5 * time.Second

// maxReaders bounds the read connection pool.
const maxReaders = 4

// Store is an open state database.
type Store struct {
	path string
	w    *sql.DB // one connection: SQLite has a single writer
	r    *sql.DB // read-only connections (query_only); w itself on PostgreSQL
	pg   bool    // a PostgreSQL database rather than a SQLite file
	now  func() time.Time

	itemsRead, keysRead atomic.Int64 // see Reads
}

// Open opens the state database at path, creating it on first use, and
// brings its schema up to date. A file that is not a SQLite database
// fails with an error naming it and wrapping ErrNotDatabase. A
// postgres:// URL (see IsPostgres) opens that PostgreSQL database.
func Open(ctx context.Context, path string) (*Store, error) {
	if IsPostgres(path) {
		return openPostgres(ctx, path)
	}
	return open(ctx, path, busyTimeout)
}

func open(ctx context.Context, path string, busy time.Duration) (*Store, error) {
	s := &Store{path: path, now: time.Now}
	var err error
	if s.w, err = connect(ctx, path, busy, false, 1); err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, classify(err))
	}
	if err := s.migrate(ctx); err != nil {
		s.w.Close()
		return nil, err
	}
	if s.r, err = connect(ctx, path, busy, true, maxReaders); err != nil {
		s.w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, classify(err))
	}
	return s, nil
}

// connect opens a pool of at most conns connections and checks that it
// works: the PRAGMAs in the DSN run on the first connection, so a file
// that is not a database fails here.
func connect(ctx context.Context, path string, busy time.Duration, readOnly bool, conns int) (*sql.DB, error) {
	db, err := sql.Open("sqlite", dsn(path, busy, readOnly))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(conns)
	db.SetMaxIdleConns(conns)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// dsn builds a file: URI for path with the connection settings.
func dsn(path string, busy time.Duration, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busy.Milliseconds()))
	q.Add("_pragma", "foreign_keys(1)")
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(NORMAL)")
		// Take the write lock at BEGIN, so a transaction never fails
		// half way when upgrading a read lock.
		q.Set("_txlock", "immediate")
	}
	u := url.URL{Scheme: "file", Opaque: (&url.URL{Path: path}).EscapedPath(), RawQuery: q.Encode()}
	return u.String()
}

// Path returns the file the store was opened from, or the database URL
// without its password.
func (s *Store) Path() string { return s.path }

// IsShared reports whether several refeed processes may work on this
// state at once (PostgreSQL), sharing the sources through leases.
func (s *Store) IsShared() bool { return s.pg }

// Close closes the database. The Store must not be used afterwards.
func (s *Store) Close() error {
	var rerr error
	if s.r != s.w {
		rerr = s.r.Close()
	}
	if err := s.w.Close(); err != nil {
		return fmt.Errorf("store: close %s: %w", s.path, err)
	}
	if rerr != nil {
		return fmt.Errorf("store: close %s: %w", s.path, rerr)
	}
	return nil
}

// write runs fn in one write transaction. The transaction is rolled back
// when fn fails or panics: left open, it would hold the one write
// connection and block every later write.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return classify(err)
	}
	defer tx.Rollback() // a no-op after Commit
	if err := fn(tx); err != nil {
		return classify(err)
	}
	return classify(tx.Commit())
}
