package store

import (
	"errors"
	"fmt"
)

// ErrLocked is what a *LockError matches with errors.Is: another refeed
// run holds the run lock.
var ErrLocked = errors.New("store: locked by another refeed run")

// LockError reports that another process holds the run lock.
type LockError struct {
	Path string // the lock file
	PID  int    // the holder's process id, 0 when unknown
}

// Error names the lock file and, when known, the holder's pid.
func (e *LockError) Error() string {
	msg := "store: another refeed run holds the lock on " + e.Path
	if e.PID > 0 {
		msg += fmt.Sprintf(" (pid %d)", e.PID)
	}
	return msg
}

// Is makes errors.Is(err, ErrLocked) true for a *LockError.
func (e *LockError) Is(target error) bool { return target == ErrLocked }
