// Package pgtest gives tests a PostgreSQL database of their own, inside
// the server named by the REFEED_TEST_POSTGRES environment variable (a
// postgres:// URL; .ci/pg-start starts a throwaway server and prints one).
// Each call makes a fresh schema and returns a URL whose search_path
// points at it, so tests never see each other's tables; the schema is
// dropped when the test ends. Without the variable the tests skip with a
// message saying how to run them.
package pgtest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvVar names the environment variable holding the server's URL.
const EnvVar = "REFEED_TEST_POSTGRES"

// SkipMessage is why PostgreSQL tests skip when EnvVar is unset.
const SkipMessage = "PostgreSQL tests skipped: set " + EnvVar + "=postgres://… (.ci/pg-start starts a throwaway server and prints one)"

// seq numbers the schemas one test process makes.
var seq atomic.Int64

// Available returns the server's URL and whether one is configured.
func Available() (string, bool) {
	dsn := os.Getenv(EnvVar)
	return dsn, dsn != ""
}

// DSN returns the URL of a fresh, empty schema for tb, or skips tb when
// no server is configured. It fails tb when the server cannot be reached.
func DSN(tb testing.TB) string {
	tb.Helper()
	base, ok := Available()
	if !ok {
		tb.Skip(SkipMessage)
	}
	name := fmt.Sprintf("t%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1_000_000_000, seq.Add(1))
	if err := exec(base, "CREATE SCHEMA "+name); err != nil {
		tb.Fatalf("pgtest: %v", err)
	}
	tb.Cleanup(func() {
		if err := exec(base, "DROP SCHEMA "+name+" CASCADE"); err != nil {
			tb.Errorf("pgtest: %v", err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatalf("pgtest: %s: %v", EnvVar, err)
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String()
}

// exec runs one statement on the server.
func exec(dsn, stmt string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return fmt.Errorf("connect to %s: %w", EnvVar, err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, stmt); err != nil {
		return fmt.Errorf("%s: %w", stmt, err)
	}
	return nil
}
