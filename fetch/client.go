package fetch

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"syscall"
	"time"
)

// Client fetches feeds and pages. It is safe for concurrent use; build one
// per process with New and reuse it, so connections and politeness state are
// shared.
type Client struct {
	opts   Options
	http   *http.Client
	limit  *limiter
	robots *robotsCache
	// guarded are the clients for hops a Request.Guard does not trust.
	guarded guardedClients
	// lookup and dialIP, when set, resolve names and dial addresses for
	// guarded hops; tests stub them (see export_test.go).
	lookup func(ctx context.Context, host string) ([]netip.Addr, error)
	dialIP func(ctx context.Context, network, address string) (net.Conn, error)
	// discovered remembers which feed FetchFeed found on which page.
	discovered discoveries
	logger     *slog.Logger
	// sleep waits between retries; tests replace it (see export_test.go).
	sleep func(ctx context.Context, d time.Duration) error
	now   func() time.Time
}

// New builds a Client. A nil logger discards logs.
func New(opts Options, logger *slog.Logger) *Client {
	opts = opts.withDefaults()
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	c := &Client{
		opts:   opts,
		limit:  newLimiter(opts.Concurrency, opts.PerHost, opts.HostDelay),
		logger: logger,
		sleep:  sleep,
		now:    time.Now,
	}
	c.http = &http.Client{
		Transport: newTransport(opts, trustedDialer(opts).DialContext),
		// Redirects are followed hop by hop in attempt, so that each hop
		// takes its own host's politeness slot and robots.txt check.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	c.robots = newRobotsCache(opts.RobotsTTL)
	return c
}

// Close releases idle connections. The Client stays usable.
func (c *Client) Close() {
	c.http.CloseIdleConnections()
	c.guarded.closeIdle()
}

// trustedDialer dials for requests without a Guard and for the hosts a
// Guard trusts.
func trustedDialer(opts Options) *net.Dialer {
	dialer := &net.Dialer{Timeout: opts.ConnectTimeout, KeepAlive: 30 * time.Second}
	if opts.BlockPrivate {
		dialer.Control = refusePrivate
	}
	return dialer
}

func newTransport(opts Options, dial func(ctx context.Context, network, address string) (net.Conn, error)) *http.Transport {
	return &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dial,
		TLSHandshakeTimeout:   opts.ConnectTimeout,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   opts.PerHost,
		IdleConnTimeout:       90 * time.Second,
		ExpectContinueTimeout: time.Second,
		// Bodies are decompressed by readBody, under the size cap.
		DisableCompression: true,
	}
}

// refusePrivate runs after DNS resolution, so a public name that resolves
// to a private address (DNS rebinding) is refused too.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return err
	}
	if class := PrivateClass(ap.Addr()); class != "" {
		return fmt.Errorf("%w: %s is a %s address", ErrPrivateAddress, ap.Addr(), class)
	}
	return nil
}

// parseURL accepts absolute http and https URLs only.
func parseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, newError(raw, ErrBadURL, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, newError(raw, ErrBadURL, nil)
	}
	return u, nil
}
