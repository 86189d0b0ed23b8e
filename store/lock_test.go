//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package store_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/refeed/refeed/store"
)

func TestAcquireLock_Contention(t *testing.T) {
	sqliteOnly(t)
	state := filepath.Join(t.TempDir(), "refeed.db")
	release, err := store.AcquireLock(state, "serve")
	if err != nil {
		t.Fatalf("first AcquireLock: %v", err)
	}

	_, err = store.AcquireLock(state, "run")
	if !errors.Is(err, store.ErrLocked) {
		t.Fatalf("second AcquireLock error = %v, want ErrLocked", err)
	}
	var le *store.LockError
	if !errors.As(err, &le) {
		t.Fatalf("error %T is not a *LockError", err)
	}
	want := fmt.Sprintf("store: refeed serve (pid %d) holds the lock on %s.lock", os.Getpid(), state)
	if err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}

	if err := release(); err != nil {
		t.Fatalf("release: %v", err)
	}
	release2, err := store.AcquireLock(state, "run")
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
	if _, err := store.AcquireLock(state, "run"); err == nil || errors.Is(err, store.ErrLocked) {
		t.Errorf("AcquireLock in a missing dir = %v, want a plain error", err)
	}
}

// TestAcquireLock_OldLockFile checks that a lock file written by an older
// refeed, which held only the pid, still names the pid.
func TestAcquireLock_OldLockFile(t *testing.T) {
	state := filepath.Join(t.TempDir(), "refeed.db")
	f, err := os.Create(state + ".lock")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fmt.Fprintf(f, "%d\n", os.Getpid())
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatal(err)
	}
	_, err = store.AcquireLock(state, "run")
	want := fmt.Sprintf("store: another refeed process (pid %d) holds the lock on %s.lock", os.Getpid(), state)
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}

// A database reached through a symbolic link, or through a path spelled
// another way, is the same database: its lock is taken once.
func TestAcquireLock_SameDatabaseByAnotherPath(t *testing.T) {
	dir := t.TempDir()
	state := filepath.Join(dir, "data", "refeed.db")
	if err := os.Mkdir(filepath.Dir(state), 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.db")
	if err := os.Symlink(state, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	release, err := store.AcquireLock(link, "run") // the target does not exist yet
	if err != nil {
		t.Fatalf("AcquireLock(link): %v", err)
	}
	defer release()
	for _, other := range []string{state, filepath.Join(dir, "data", "..", "data", "refeed.db")} {
		if _, err := store.AcquireLock(other, "run"); !errors.Is(err, store.ErrLocked) {
			t.Errorf("AcquireLock(%s) while the link holds it = %v, want ErrLocked", other, err)
		}
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v, %v", fi, err)
	}
}
