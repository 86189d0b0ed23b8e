package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/refeed/refeed/internal/pgtest"
	"github.com/refeed/refeed/store"
)

// onPostgres is true while TestMain runs the suite a second time, against
// PostgreSQL: every test that opens its store with mustOpen then runs on
// both backends. Only TestMain writes it, between the two runs.
var onPostgres bool

// TestMain runs the store suite on SQLite, then again on PostgreSQL when
// pgtest.EnvVar names a server, and says so when it does not.
func TestMain(m *testing.M) {
	code := m.Run()
	if _, ok := pgtest.Available(); !ok {
		fmt.Fprintln(os.Stderr, "store: "+pgtest.SkipMessage)
		os.Exit(code)
	}
	fmt.Fprintln(os.Stderr, "store: running the suite again on PostgreSQL")
	onPostgres = true
	if pcode := m.Run(); code == 0 {
		code = pcode
	}
	os.Exit(code)
}

// sqliteOnly skips a test of SQLite files on the PostgreSQL run.
func sqliteOnly(tb testing.TB) {
	tb.Helper()
	if onPostgres {
		tb.Skip("tests the SQLite file; ran on the SQLite pass")
	}
}

// openDSN returns a fresh state for the backend of this run: a file in a
// temp dir, or an empty PostgreSQL schema.
func openDSN(tb testing.TB) string {
	tb.Helper()
	if onPostgres {
		return pgtest.DSN(tb)
	}
	return filepath.Join(tb.TempDir(), "refeed.db")
}

// mustOpen opens a fresh store on the backend of this run and closes it
// after the test.
func mustOpen(tb testing.TB) *store.Store {
	tb.Helper()
	s, err := store.Open(context.Background(), openDSN(tb))
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
	})
	return s
}
