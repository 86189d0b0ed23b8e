package store

import (
	"errors"
	"fmt"
)

// ErrLocked is what a *LockError matches with errors.Is: another refeed
// process holds the run lock.
var ErrLocked = errors.New("store: locked by another refeed process")

// LockError reports that another process holds the run lock.
type LockError struct {
	Path    string // the lock file
	PID     int    // the holder's process id, 0 when unknown
	Command string // the holder's refeed subcommand ("run", "serve"), "" when unknown
}

// Error names the holder by command and pid, as far as they are known,
// and the lock file: "store: refeed serve (pid 4242) holds the lock on
// /var/lib/refeed/refeed.db.lock".
func (e *LockError) Error() string {
	holder := "another refeed process"
	if e.Command != "" {
		holder = "refeed " + e.Command
	}
	if e.PID > 0 {
		holder += fmt.Sprintf(" (pid %d)", e.PID)
	}
	return "store: " + holder + " holds the lock on " + e.Path
}

// Is makes errors.Is(err, ErrLocked) true for a *LockError.
func (e *LockError) Is(target error) bool { return target == ErrLocked }
