package fetch

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
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
		Transport: newTransport(opts),
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
}

func newTransport(opts Options) *http.Transport {
	dialer := &net.Dialer{Timeout: opts.ConnectTimeout, KeepAlive: 30 * time.Second}
	if opts.BlockPrivate {
		dialer.Control = refusePrivate
	}
	return &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialer.DialContext,
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
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	ip := net.ParseIP(host)
	if ip == nil || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsUnspecified() {
		return fmt.Errorf("%w: %s", ErrPrivateAddress, host)
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
