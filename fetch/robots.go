package fetch

import (
	"context"
	"errors"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
	"golang.org/x/sync/singleflight"
)

const (
	// robotsMaxBody is the most of a robots.txt that is read (RFC 9309 asks
	// crawlers to parse at least 500 KiB).
	robotsMaxBody = 512 << 10
	// robotsErrorTTL is how long a 5xx robots.txt (read as "disallow all")
	// is cached before asking again.
	robotsErrorTTL = 10 * time.Minute
	// MaxCrawlDelay caps the Crawl-delay of a robots.txt that refeed
	// honours: a site asking for minutes between requests still gets its
	// articles fetched within one poll.
	MaxCrawlDelay = 30 * time.Second
)

// robotsCache holds each origin's parsed robots.txt for a while.
type robotsCache struct {
	ttl   time.Duration
	group singleflight.Group

	mu      sync.Mutex
	entries map[string]robotsEntry
}

type robotsEntry struct {
	data    *robotstxt.RobotsData
	expires time.Time
}

func newRobotsCache(ttl time.Duration) *robotsCache {
	return &robotsCache{ttl: ttl, entries: make(map[string]robotsEntry)}
}

func (rc *robotsCache) get(origin string, now time.Time) *robotstxt.RobotsData {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	e, ok := rc.entries[origin]
	if !ok || now.After(e.expires) {
		return nil
	}
	return e.data
}

func (rc *robotsCache) put(origin string, data *robotstxt.RobotsData, expires time.Time) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if len(rc.entries) >= sweepAbove {
		now := time.Now()
		for k, e := range rc.entries {
			if now.After(e.expires) {
				delete(rc.entries, k)
			}
		}
	}
	rc.entries[origin] = robotsEntry{data: data, expires: expires}
}

// obeysRobots reports whether req is checked against robots.txt: pages are,
// unless the request or the Client says to ignore it.
func (c *Client) obeysRobots(req Request) bool {
	return req.Kind == KindPage && !req.IgnoreRobots && !c.opts.IgnoreRobots
}

// checkRobots returns ErrRobotsDisallowed when the origin's robots.txt
// forbids u for our user agent. A Crawl-delay for our agent becomes the
// host's minimum delay between requests, up to MaxCrawlDelay. A network failure while fetching robots.txt
// is returned as is (and not cached): the page fetch would fail the same way.
func (c *Client) checkRobots(ctx context.Context, u *url.URL, g *Guard) error {
	origin := u.Scheme + "://" + u.Host
	data := c.robots.get(origin, c.now())
	if data == nil {
		// Callers share one fetch only under the same guard: one that a
		// guard refuses must not answer for a trusted caller.
		key := origin
		if !g.Trusts(u.Host) {
			key += " guarded " + g.AllowKey + "|" + prefixesKey(g.Networks)
		}
		ch := c.robots.group.DoChan(key, func() (any, error) {
			// Detached from ctx: other callers share this fetch.
			return c.loadRobots(context.WithoutCancel(ctx), origin, g)
		})
		select {
		case <-ctx.Done():
			return newError(u.String(), ctx.Err(), nil)
		case res := <-ch:
			if res.Err != nil {
				return renameRefusal(res.Err, u.String())
			}
			data = res.Val.(*robotstxt.RobotsData)
		}
	}
	if g := data.FindGroup(c.agent()); g != nil && c.limit.setDelay(u.Host, min(g.CrawlDelay, MaxCrawlDelay)) {
		c.logger.Info("fetch: robots.txt sets the delay between requests",
			slog.String("host", u.Host), slog.Duration("delay", max(min(g.CrawlDelay, MaxCrawlDelay), c.opts.HostDelay)))
	}
	if !data.TestAgent(robotsPath(u), c.agent()) {
		return newError(u.String(), ErrRobotsDisallowed, nil)
	}
	return nil
}

// loadRobots fetches and caches origin's robots.txt. As RFC 9309 says, a 4xx
// means no restrictions and a 5xx means full disallow (cached briefly); an
// unparseable or unusable file means no restrictions.
func (c *Client) loadRobots(ctx context.Context, origin string, g *Guard) (*robotstxt.RobotsData, error) {
	resp, err := c.Fetch(ctx, Request{URL: origin + "/robots.txt", Kind: KindFeed,
		MaxBody: robotsMaxBody, Retries: -1, Guard: g})
	status, body := 0, []byte(nil)
	var httpErr *HTTPError
	switch {
	case err == nil:
		status, body = resp.StatusCode, resp.Body
	case errors.As(err, &httpErr):
		status = httpErr.StatusCode
	case Retryable(err) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded),
		errors.Is(err, ErrPrivateAddress):
		return nil, err
	default:
		c.logger.Warn("fetch: robots.txt unusable, allowing all",
			slog.String("origin", origin), slog.String("error", err.Error()))
		status = 404
	}
	data, perr := robotstxt.FromStatusAndBytes(status, body)
	if perr != nil {
		c.logger.Warn("fetch: robots.txt unparseable, allowing all",
			slog.String("origin", origin), slog.String("error", perr.Error()))
		data, _ = robotstxt.FromStatusAndBytes(404, nil)
	}
	ttl := c.opts.RobotsTTL
	if status >= 500 {
		ttl = min(ttl, robotsErrorTTL)
	}
	c.robots.put(origin, data, c.now().Add(ttl))
	return data, nil
}

// renameRefusal makes a guard's refusal met while fetching robots.txt
// name the page asked for, not its robots.txt.
func renameRefusal(err error, pageURL string) error {
	var e *Error
	if errors.As(err, &e) && e.Kind == ErrPrivateAddress {
		return newError(pageURL, ErrPrivateAddress, e.Err)
	}
	return err
}

// agent is the product token of the User-Agent, matched against robots.txt
// user-agent lines ("refeed/0.1 (+url)" → "refeed").
func (c *Client) agent() string {
	token, _, _ := strings.Cut(c.opts.UserAgent, "/")
	if f := strings.Fields(token); len(f) > 0 {
		return f[0]
	}
	return c.opts.UserAgent
}

func robotsPath(u *url.URL) string {
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return p
}
