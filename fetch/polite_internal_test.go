package fetch

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// TestLimiterForgetsIdleHosts checks the host table stays bounded and keeps
// hosts that are in use or still inside their delay.
func TestLimiterForgetsIdleHosts(t *testing.T) {
	l := newLimiter(4, 1, time.Hour)
	busy, err := l.acquire(context.Background(), "busy.example")
	if err != nil {
		t.Fatal(err)
	}
	defer busy()
	l.delay = 0
	for i := range 3 * sweepAbove {
		release, err := l.acquire(context.Background(), fmt.Sprintf("h%d.example", i))
		if err != nil {
			t.Fatal(err)
		}
		release()
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.hosts) > sweepAbove+1 {
		t.Errorf("limiter holds %d hosts, want at most %d", len(l.hosts), sweepAbove+1)
	}
	if _, ok := l.hosts["busy.example"]; !ok {
		t.Errorf("a host in use was forgotten")
	}
}
