//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package store

import "fmt"

// AcquireLock is not supported on this platform: it always fails.
func AcquireLock(statePath, command string) (release func() error, err error) {
	return nil, fmt.Errorf("store: lock %s.lock: run locks need flock, not available on this system", statePath)
}
