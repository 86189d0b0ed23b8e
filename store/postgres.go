package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
)

// The PostgreSQL backend shares every query with SQLite: the queries are
// written once, with ? placeholders, and a thin connector turns them into
// PostgreSQL's $1, $2 on their way to pgx. What else differs lives here:
// the schema version is a table rather than PRAGMA user_version, integer
// columns are BIGINT (SQLite's INTEGER is already 64 bits), and
// concurrent migrations from several workers are serialized by an
// advisory lock.

// pgConns bounds the PostgreSQL connection pool of one process.
const pgConns = 16

// migrationLockKey is the advisory lock that serializes migrations of
// one database by several workers starting at once.
const migrationLockKey = 0x7265_6665_6564 // "refeed"

// IsPostgres reports whether a state setting names a PostgreSQL database
// (postgres:// or postgresql:// URL) rather than a SQLite file.
func IsPostgres(state string) bool {
	return strings.HasPrefix(state, "postgres://") || strings.HasPrefix(state, "postgresql://")
}

// openPostgres opens the PostgreSQL database at dsn and migrates it.
func openPostgres(ctx context.Context, dsn string) (*Store, error) {
	name := redactDSN(dsn)
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		// pgx's message may quote the DSN with its password: keep only ours.
		return nil, fmt.Errorf("store: open %s: not a valid PostgreSQL URL", name)
	}
	db := sql.OpenDB(rebindConnector{stdlib.GetConnector(*cfg)})
	db.SetMaxOpenConns(pgConns)
	db.SetMaxIdleConns(pgConns)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: open %s: %w", name, classify(err))
	}
	s := &Store{path: name, w: db, r: db, pg: true, now: time.Now}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// redactDSN hides the password of a database URL, for messages.
func redactDSN(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://…"
	}
	return u.Redacted()
}

// integerColumn matches the INTEGER type in the shared schema.
var integerColumn = regexp.MustCompile(`\bINTEGER\b`)

// pgSchema adapts a migration step written for SQLite to PostgreSQL.
func pgSchema(stmt string) string { return integerColumn.ReplaceAllString(stmt, "BIGINT") }

// rebind turns ? placeholders into $1, $2, …, leaving quoted text alone.
func rebind(query string) string {
	if !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 8)
	n, quote := 0, byte(0)
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '?':
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// rebindConnector hands out pgx connections that accept ? placeholders.
type rebindConnector struct{ driver.Connector }

func (c rebindConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	pc, ok := conn.(*stdlib.Conn)
	if !ok {
		conn.Close()
		return nil, fmt.Errorf("store: unexpected pgx connection type %T", conn)
	}
	return rebindConn{pc}, nil
}

// rebindConn is a pgx connection whose statements are rebound; every
// other method is pgx's own.
type rebindConn struct{ *stdlib.Conn }

func (c rebindConn) Prepare(query string) (driver.Stmt, error) {
	return c.Conn.Prepare(rebind(query))
}

func (c rebindConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return c.Conn.PrepareContext(ctx, rebind(query))
}

func (c rebindConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	return c.Conn.ExecContext(ctx, rebind(query), args)
}

func (c rebindConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	return c.Conn.QueryContext(ctx, rebind(query), args)
}

// classifyPostgres maps PostgreSQL errors callers care about.
func classifyPostgres(err error) error {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return err
	}
	switch pe.Code {
	case "55P03", "40P01": // lock_not_available, deadlock_detected
		return fmt.Errorf("%w: %s", ErrBusy, pe.Message)
	}
	return err
}
