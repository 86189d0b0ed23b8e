package fetch

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"time"
)

// Fetch downloads req.URL and returns its body decoded to UTF-8, or a
// 304 response with NotModified set. Retryable failures (see Retryable) are
// retried with jittered exponential backoff, waiting for Retry-After when the
// server sends one; a Retry-After longer than Options.MaxRetryAfter ends the
// fetch at once with an *HTTPError carrying it. Every attempt waits its turn
// under the concurrency and per-host limits. Redirects are followed one hop
// at a time, each hop under its own host's limits. For KindPage, robots.txt
// is checked first unless ignored, and again for every redirect to another
// host; Request.Headers are sent only to the requested host.
//
// Errors are *Error or *HTTPError values naming the URL, or ctx's error when
// ctx ends while waiting between attempts.
func (c *Client) Fetch(ctx context.Context, req Request) (*Response, error) {
	start := c.now()
	u, err := parseURL(req.URL)
	if err != nil {
		return nil, err
	}
	if c.obeysRobots(req) {
		if err := c.checkRobots(ctx, u, req.Guard); err != nil {
			return nil, err
		}
	}
	retries := c.opts.Retries
	if req.Retries != 0 {
		retries = max(req.Retries, 0)
	}
	for attempt := 1; ; attempt++ {
		resp, err := c.attempt(ctx, req, u)
		if err == nil {
			resp.Attempts = attempt
			resp.Duration = c.now().Sub(start)
			c.logDone(ctx, req, resp)
			return resp, nil
		}
		wait, retry := c.retryDelay(err, attempt, retries)
		if !retry {
			return nil, err
		}
		c.pauseOnThrottle(err, wait)
		c.logger.LogAttrs(ctx, slog.LevelDebug, "fetch: retrying",
			slog.String("url", req.URL), slog.Int("attempt", attempt),
			slog.Duration("wait", wait), slog.String("error", err.Error()))
		if err := c.sleep(ctx, wait); err != nil {
			return nil, newError(req.URL, err, nil)
		}
	}
}

// pauseOnThrottle holds back every request to a host that said it is
// overloaded (429, or 503 with Retry-After) for as long as the refused
// request waits to retry, not only that request. A refusal that is not
// retried pauses nothing: the caller's backoff of the source or article
// takes over, and one run is not held up.
func (c *Client) pauseOnThrottle(err error, wait time.Duration) {
	var he *HTTPError
	if !errors.As(err, &he) || !(he.StatusCode == http.StatusTooManyRequests ||
		he.StatusCode == http.StatusServiceUnavailable && he.RetryAfter > 0) {
		return
	}
	if u, perr := url.Parse(he.URL); perr == nil && wait > 0 {
		c.limit.pause(u.Host, wait)
	}
}

// retryDelay decides whether a failed attempt is retried and after how long.
func (c *Client) retryDelay(err error, attempt, retries int) (time.Duration, bool) {
	if attempt > retries || !Retryable(err) {
		return 0, false
	}
	var httpErr *HTTPError
	if errors.As(err, &httpErr) && httpErr.RetryAfter > 0 {
		if httpErr.RetryAfter > c.opts.MaxRetryAfter {
			return 0, false
		}
		return httpErr.RetryAfter, true
	}
	return jitter(Backoff(attempt, c.opts.RetryBase, 30*c.opts.RetryBase)), true
}

func (c *Client) logDone(ctx context.Context, req Request, resp *Response) {
	c.logger.LogAttrs(ctx, slog.LevelDebug, "fetch: done",
		slog.String("url", req.URL), slog.String("final_url", resp.URL),
		slog.Int("status", resp.StatusCode), slog.Int("bytes", len(resp.Body)),
		slog.String("charset", resp.Charset), slog.Int("attempts", resp.Attempts),
		slog.Duration("duration", resp.Duration))
}
