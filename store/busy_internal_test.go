package store

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"
	"time"
)

// TestBusy holds the write lock from another connection (as another
// refeed process would) and checks that a write gives up with ErrBusy
// after the busy timeout instead of hanging or failing obscurely.
func TestBusy(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "refeed.db")
	s, err := open(ctx, path, 50*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	other, err := sql.Open("sqlite", dsn(path, 0, false))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, "ROLLBACK")

	err = s.SaveValidators(ctx, "https://a.example/", `"e"`, "")
	if !errors.Is(err, ErrBusy) {
		t.Fatalf("write under another process's lock: %v, want ErrBusy", err)
	}
	// Readers are not blocked by a writer in WAL mode.
	if _, _, err := s.Validators(ctx, "https://a.example/"); err != nil {
		t.Errorf("read under another process's write lock: %v", err)
	}
}

func TestNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "refeed.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.ExecContext(ctx, "PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(ctx, path); !errors.Is(err, ErrNewerSchema) {
		t.Errorf("Open of a newer schema: %v, want ErrNewerSchema", err)
	}
}
