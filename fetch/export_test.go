package fetch

import (
	"context"
	"net"
	"net/netip"
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

// SetNetwork replaces how guarded hops resolve names and dial addresses,
// so tests can show what would be dialled without a packet leaving.
func SetNetwork(c *Client, lookup func(ctx context.Context, host string) ([]netip.Addr, error),
	dial func(ctx context.Context, network, address string) (net.Conn, error)) {
	c.lookup, c.dialIP = lookup, dial
}
