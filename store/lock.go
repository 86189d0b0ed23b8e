//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// AcquireLock takes the run lock for the state database at statePath: an
// exclusive flock on a ".lock" file beside the database's real file
// (symbolic links resolved, the database created empty if missing), which
// holds this process's pid and command, the refeed subcommand taking the
// lock ("run", "serve"). So two processes given the database by different
// paths (a symlink, "dir/../state.db") lock the same file. It does not
// wait: when another process (or another AcquireLock in this one) holds
// the lock it returns a *LockError matching ErrLocked, naming the
// holder's pid and command. The OS drops the lock when the process dies,
// so a crash never leaves a stale lock behind. release unlocks; the lock
// file itself stays, because removing it would let two runs lock two
// different files.
func AcquireLock(statePath, command string) (release func() error, err error) {
	real, err := databaseFile(statePath)
	if err != nil {
		return nil, fmt.Errorf("store: lock: %w", err)
	}
	path := real + ".lock"
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("store: lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		defer f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			pid, holder := readHolder(f)
			return nil, &LockError{Path: path, PID: pid, Command: holder}
		}
		return nil, fmt.Errorf("store: lock %s: %w", path, err)
	}
	if err := writeHolder(f, command); err != nil {
		f.Close() // closing drops the flock
		return nil, fmt.Errorf("store: lock %s: %w", path, err)
	}
	return func() error {
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_UN); err != nil {
			f.Close()
			return fmt.Errorf("store: unlock %s: %w", path, err)
		}
		return f.Close()
	}, nil
}

// databaseFile returns the absolute path of the database's own file,
// through any symbolic links, creating an empty one (which SQLite opens as
// a new database) when there is none yet, so that the link's target is
// known.
func databaseFile(statePath string) (string, error) {
	f, err := os.OpenFile(statePath, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return "", err
	}
	f.Close()
	real, err := filepath.EvalSymlinks(statePath)
	if err != nil {
		return "", err
	}
	return filepath.Abs(real)
}

// writeHolder writes "PID COMMAND\n" to the lock file.
func writeHolder(f *os.File, command string) error {
	if err := f.Truncate(0); err != nil {
		return err
	}
	_, err := f.WriteAt([]byte(strings.TrimSpace(strconv.Itoa(os.Getpid())+" "+command)+"\n"), 0)
	return err
}

// readHolder reads the holder's pid and command from the lock file: 0
// when unreadable, "" when not written (a lock taken by an older refeed).
func readHolder(f *os.File) (pid int, command string) {
	buf := make([]byte, 64)
	n, _ := f.ReadAt(buf, 0)
	num, command, _ := strings.Cut(strings.TrimSpace(string(buf[:n])), " ")
	pid, err := strconv.Atoi(num)
	if err != nil {
		return 0, ""
	}
	return pid, command
}
