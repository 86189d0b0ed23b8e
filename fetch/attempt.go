package fetch

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"
)

const (
	acceptFeed = "application/rss+xml, application/atom+xml, application/feed+json, " +
		"application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.5, */*;q=0.1"
	acceptPage = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
	// drainLimit is how much of an error or redirect response's body is
	// read so the connection can be reused.
	drainLimit = 64 << 10
)

// attempt makes one HTTP attempt. It follows redirects itself, one hop at a
// time, so that every hop waits under its own host's politeness limits and,
// for a page, is checked against its own host's robots.txt (see nextHop).
func (c *Client) attempt(ctx context.Context, req Request, u *url.URL) (*Response, error) {
	first, raw := u.Host, req.URL
	for redirects := 0; ; redirects++ {
		out, next, err := c.hop(ctx, req, u, raw, sameHost(u.Host, first))
		if err != nil || next == nil {
			return out, err
		}
		if err := c.nextHop(ctx, req, u, next, redirects); err != nil {
			return nil, err
		}
		u, raw = next, next.String()
	}
}

// hop makes one request to u (named raw in errors) under u's host's
// politeness slot and the per-request timeout, sending req.Headers only when
// withHeaders is set. A redirect's body is drained and closed and its target
// returned; any other response is turned into a Response or an error. The
// slot is released before hop returns, so a chain of redirects never holds
// two hosts' slots at once.
func (c *Client) hop(ctx context.Context, req Request, u *url.URL, raw string, withHeaders bool) (*Response, *url.URL, error) {
	timeout := c.opts.Timeout
	if req.Timeout > 0 {
		timeout = req.Timeout
	}
	// The timeout starts once the request may go out, so waiting in the
	// politeness queue does not eat into it.
	release, err := c.limit.acquire(ctx, u.Host)
	if err != nil {
		return nil, nil, newError(raw, err, nil)
	}
	defer release()
	actx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	hreq, err := c.newRequest(actx, req, u, withHeaders)
	if err != nil {
		return nil, nil, newError(raw, ErrBadURL, err)
	}
	resp, err := c.httpFor(req.Guard, u).Do(hreq)
	if err != nil {
		return nil, nil, explainTimeout(c.transportError(ctx, raw, err), timeout)
	}
	defer resp.Body.Close()
	if next, err := redirectTarget(resp); next != nil || err != nil {
		_, _ = io.CopyN(io.Discard, resp.Body, drainLimit)
		return nil, next, err
	}
	out, err := c.handle(ctx, req, resp)
	return out, nil, explainTimeout(err, timeout)
}

// explainTimeout says which limit a timed-out attempt hit.
func explainTimeout(err error, timeout time.Duration) error {
	var e *Error
	if errors.As(err, &e) && e.Kind == ErrTimeout && e.Err == nil {
		e.Err = fmt.Errorf("no complete response within %s", timeout)
	}
	return err
}

// newRequest builds the GET for one hop. Validators and the User-Agent go on
// every hop, as net/http sends them; the operator's extra Headers (which may
// hold a Cookie or Authorization) go only to hops on the requested host.
func (c *Client) newRequest(ctx context.Context, req Request, u *url.URL, withHeaders bool) (*http.Request, error) {
	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	h := hreq.Header
	h.Set("User-Agent", c.opts.UserAgent)
	h.Set("Accept-Encoding", acceptEncoding)
	if req.Kind == KindPage {
		h.Set("Accept", acceptPage)
	} else {
		h.Set("Accept", acceptFeed)
	}
	if req.ETag != "" {
		h.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		h.Set("If-Modified-Since", req.LastModified)
	}
	if withHeaders {
		for k, v := range req.Headers {
			h.Set(k, v)
		}
	}
	return hreq, nil
}

// handle turns an HTTP response into a Response or an error.
func (c *Client) handle(ctx context.Context, req Request, resp *http.Response) (*Response, error) {
	finalURL := resp.Request.URL.String()
	out := &Response{
		URL:          finalURL,
		StatusCode:   resp.StatusCode,
		Header:       resp.Header,
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
		RetryAfter:   parseRetryAfter(resp.Header, c.now()),
		MaxAge:       parseMaxAge(resp.Header, c.now()),
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		out.ETag = cmp.Or(out.ETag, req.ETag)
		out.LastModified = cmp.Or(out.LastModified, req.LastModified)
		return out, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		_, _ = io.CopyN(io.Discard, resp.Body, drainLimit)
		return nil, &HTTPError{URL: finalURL, StatusCode: resp.StatusCode,
			Status: resp.Status, RetryAfter: out.RetryAfter}
	}
	if err := c.readInto(ctx, req, resp, out); err != nil {
		return nil, err
	}
	return out, nil
}

// readInto reads, checks and decodes a 2xx body into out.
func (c *Client) readInto(ctx context.Context, req Request, resp *http.Response, out *Response) error {
	limit := c.opts.MaxBody
	if req.MaxBody > 0 {
		limit = req.MaxBody
	}
	raw, err := readBody(resp, limit)
	if err != nil {
		return c.bodyError(ctx, out.URL, err)
	}
	contentType := resp.Header.Get("Content-Type")
	out.MediaType = mediaType(contentType, raw)
	if !isText(out.MediaType) {
		return newError(out.URL, ErrNotText, errors.New(out.MediaType))
	}
	out.Body, out.Charset = Decode(raw, contentType, req.Charset)
	return nil
}

func (c *Client) bodyError(ctx context.Context, rawURL string, err error) error {
	switch {
	case errors.Is(err, ErrTooLarge):
		return newError(rawURL, ErrTooLarge, nil)
	case errors.Is(err, ErrBadEncoding):
		return newError(rawURL, ErrBadEncoding, errors.Unwrap(err))
	}
	return c.transportError(ctx, rawURL, err)
}

// transportError classifies a network failure. When the caller's ctx ended
// (rather than the attempt's timeout), its error is returned as the kind so
// that errors.Is(err, context.Canceled) holds.
func (c *Client) transportError(ctx context.Context, rawURL string, err error) error {
	if ctx.Err() != nil {
		return newError(rawURL, ctx.Err(), nil)
	}
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		err = urlErr.Err
	}
	kind := classify(err)
	if kind == ErrTimeout && errors.Is(err, context.DeadlineExceeded) {
		return newError(rawURL, kind, nil)
	}
	return newError(rawURL, kind, err)
}

// mediaType is the lower-case media type of contentType, sniffed from the
// body when the header is missing or says only application/octet-stream.
func mediaType(contentType string, body []byte) string {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil || mt == "" || mt == "application/octet-stream" {
		mt, _, _ = mime.ParseMediaType(http.DetectContentType(body))
	}
	return strings.ToLower(mt)
}

// isText accepts text, XML, JSON and HTML media types, including the
// feed-specific ones (application/rss+xml, application/feed+json, ...).
func isText(mt string) bool {
	return strings.HasPrefix(mt, "text/") || strings.Contains(mt, "xml") ||
		strings.Contains(mt, "json") || strings.Contains(mt, "html") ||
		strings.HasSuffix(mt, "/rss") || strings.HasSuffix(mt, "/atom") ||
		strings.HasSuffix(mt, "/x-rss") || strings.HasSuffix(mt, "/x-atom")
}
