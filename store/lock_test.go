//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package store_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/refeed/refeed/store"
)

func TestAcquireLock_Contention(t *testing.T) {
	sqliteOnly(t)
	state := filepath.Join(t.TempDir(), "refeed.db")
	release, err := store.AcquireLock(state)
	if err != nil {
		t.Fatalf("first AcquireLock: %v", err)
	}

	_, err = store.AcquireLock(state)
	if !errors.Is(err, store.ErrLocked) {
		t.Fatalf("second AcquireLock error = %v, want ErrLocked", err)
	}
	var le *store.LockError
	if !errors.As(err, &le) {
		t.Fatalf("error %T is not a *LockError", err)
	}
	want := fmt.Sprintf("store: another refeed run holds the lock on %s.lock (pid %d)", state, os.Getpid())
	if err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}

	if err := release(); err != nil {
		t.Fatalf("release: %v", err)
	}
	release2, err := store.AcquireLock(state)
	if err != nil {
		t.Fatalf("AcquireLock after release: %v", err)
	}
	if err := release2(); err != nil {
		t.Fatalf("second release: %v", err)
	}
}

func TestAcquireLock_Unwritable(t *testing.T) {
	sqliteOnly(t)
	state := filepath.Join(t.TempDir(), "missing-dir", "refeed.db")
	if _, err := store.AcquireLock(state); err == nil || errors.Is(err, store.ErrLocked) {
		t.Errorf("AcquireLock in a missing dir = %v, want a plain error", err)
	}
}
