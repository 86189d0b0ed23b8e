package store

import (
	"errors"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Errors callers can test for with errors.Is. Like fs.ErrNotExist they
// carry no package prefix, because they always appear wrapped in a
// message that has one: "store: open refeed.db: file is not a database".
var (
	// ErrNotDatabase: the state file exists but is not a SQLite database.
	ErrNotDatabase = errors.New("file is not a database")
	// ErrCorrupt: the state file is a damaged SQLite database.
	ErrCorrupt = errors.New("database file is corrupt")
	// ErrBusy: another process held the database's write lock for longer
	// than the busy timeout.
	ErrBusy = errors.New("database is locked by another process")
	// ErrNewerSchema: the file was written by a newer refeed.
	ErrNewerSchema = errors.New("database schema is newer than this refeed")
)

// classify maps SQLite result codes callers care about to the errors above.
func classify(err error) error {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return classifyPostgres(err)
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_NOTADB:
		return ErrNotDatabase
	case sqlite3.SQLITE_CORRUPT:
		return ErrCorrupt
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return ErrBusy
	}
	return err
}
