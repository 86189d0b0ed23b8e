package fetch

import (
	"context"
	"time"
)

// SetSleep replaces the wait between retries, so tests can record the
// delays instead of sleeping through them.
func SetSleep(c *Client, f func(ctx context.Context, d time.Duration) error) {
	c.sleep = f
	c.limit.sleep = f
}

// Plausibility exposes the sniffer's score for one candidate charset.
func Plausibility(b []byte, name string) int {
	for _, c := range legacyCandidates {
		if c.name == name {
			return plausibility(b, c.cm)
		}
	}
	return 0
}
