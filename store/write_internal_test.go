package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"
)

// TestWriteRollsBackOnPanic checks that a panic inside a write
// transaction, recovered by a caller, does not leave the one write
// connection inside its transaction, blocking every later write.
func TestWriteRollsBackOnPanic(t *testing.T) {
	ctx := context.Background()
	s, err := open(ctx, filepath.Join(t.TempDir(), "refeed.db"), 50*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	func() {
		defer func() { _ = recover() }()
		_ = s.write(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, `DELETE FROM validators`); err != nil {
				return err
			}
			panic("bug")
		})
	}()
	wctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if err := s.SaveValidators(wctx, "https://a.example/", `"e"`, ""); err != nil {
		t.Fatalf("write after a panicked transaction: %v", err)
	}
}
