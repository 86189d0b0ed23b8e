package fetch

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
)

// redirectTarget returns where a redirect response points, or nil when resp
// is not a redirect to follow. As in net/http, only 301, 302, 303, 307 and
// 308 with a Location header are followed; any other 3xx is handed back as
// it is. A Location that does not parse or leads to anything but an http(s)
// URL is ErrBadURL.
func redirectTarget(resp *http.Response) (*url.URL, error) {
	switch resp.StatusCode {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
	default:
		return nil, nil
	}
	loc := resp.Header.Get("Location")
	if loc == "" {
		return nil, nil
	}
	from := resp.Request.URL
	next, err := from.Parse(loc)
	if err != nil {
		return nil, newError(from.String(), ErrBadURL, fmt.Errorf("redirect to %q: %w", loc, err))
	}
	if (next.Scheme != "http" && next.Scheme != "https") || next.Host == "" {
		return nil, newError(from.String(), ErrBadURL, fmt.Errorf("redirect to %q", loc))
	}
	return next, nil
}

// nextHop decides whether the redirect from → to may be followed after
// redirects earlier ones: within Options.MaxRedirects, and, for a request
// that obeys robots.txt, allowed by the robots.txt of a host the chain has
// just moved to. The previous host's answer covers a hop on the same host.
func (c *Client) nextHop(ctx context.Context, req Request, from, to *url.URL, redirects int) error {
	if limit := max(c.opts.MaxRedirects, 0); redirects >= limit {
		return newError(req.URL, ErrTooManyRedirects,
			fmt.Errorf("more than %d, the last to %s", limit, to))
	}
	c.logger.LogAttrs(ctx, slog.LevelDebug, "fetch: redirect",
		slog.String("url", req.URL), slog.String("from", from.String()),
		slog.String("to", to.String()), slog.Int("hop", redirects+1))
	if c.obeysRobots(req) && !sameHost(from.Host, to.Host) {
		return c.checkRobots(ctx, to, req.Guard)
	}
	return nil
}

// sameHost compares two URL hosts (name and port) as the politeness limits
// and robots.txt do: case-insensitively.
func sameHost(a, b string) bool {
	return strings.EqualFold(a, b)
}
