package fetch

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Sentinel errors. A failed fetch returns an *Error (or *HTTPError) whose
// chain contains exactly one of these, so callers can branch with errors.Is.
var (
	// ErrTimeout means the connect or total timeout of an attempt expired.
	ErrTimeout = errors.New("fetch: timeout")
	// ErrConnRefused means the host actively refused the connection.
	ErrConnRefused = errors.New("fetch: connection refused")
	// ErrConnReset means the connection broke before the response was complete.
	ErrConnReset = errors.New("fetch: connection reset")
	// ErrDNS means the host name could not be resolved.
	ErrDNS = errors.New("fetch: dns lookup failed")
	// ErrTLS means the TLS handshake or certificate verification failed.
	ErrTLS = errors.New("fetch: tls failure")
	// ErrNetwork is any other transport failure.
	ErrNetwork = errors.New("fetch: network error")
	// ErrTooLarge means the body (compressed or decompressed) exceeded the cap.
	ErrTooLarge = errors.New("fetch: body too large")
	// ErrBadEncoding means the Content-Encoding could not be decoded, e.g. a
	// body that claims gzip but is not.
	ErrBadEncoding = errors.New("fetch: bad content encoding")
	// ErrTooManyRedirects means the redirect limit was reached.
	ErrTooManyRedirects = errors.New("fetch: too many redirects")
	// ErrRobotsDisallowed means robots.txt forbids fetching the page.
	ErrRobotsDisallowed = errors.New("fetch: disallowed by robots.txt")
	// ErrNotText means the response is not a text document (an image, a PDF, ...).
	ErrNotText = errors.New("fetch: not a text document")
	// ErrNoFeed means FetchFeed got an HTML page that links no feed.
	ErrNoFeed = errors.New("fetch: no feed found")
	// ErrPrivateAddress means Options.BlockPrivate refused a private,
	// loopback or link-local destination.
	ErrPrivateAddress = errors.New("fetch: refusing private network address")
	// ErrBadURL means the request URL is not an absolute http(s) URL.
	ErrBadURL = errors.New("fetch: invalid url")
)

// Error is a failed fetch of one URL. Kind is one of the package's sentinel
// errors; Err, when set, is the underlying cause (a *net.OpError, a gzip
// error, ...). Both are reachable through errors.Is and errors.As.
type Error struct {
	URL  string
	Kind error
	Err  error
}

// Error reads like "fetch: https://x/rss: connection refused".
func (e *Error) Error() string {
	msg := "fetch: " + e.URL + ": " + reason(e.Kind)
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Unwrap returns the kind and the cause.
func (e *Error) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Err}
}

// HTTPError is a response with a status other than 2xx or 304.
type HTTPError struct {
	URL        string
	StatusCode int
	Status     string
	// RetryAfter is the server's Retry-After, if it sent one.
	RetryAfter time.Duration
}

// Error reads like "fetch: https://x/rss: http status 503 Service Unavailable".
func (e *HTTPError) Error() string {
	msg := fmt.Sprintf("fetch: %s: http status %s", e.URL, e.statusText())
	if e.RetryAfter > 0 {
		msg += fmt.Sprintf(" (retry after %s)", e.RetryAfter)
	}
	return msg
}

func (e *HTTPError) statusText() string {
	if e.Status != "" {
		return e.Status
	}
	return fmt.Sprint(e.StatusCode)
}

// reason is a sentinel's message without the package prefix, so that an
// *Error names the package once.
func reason(err error) string {
	if err == nil {
		return "unknown error"
	}
	return strings.TrimPrefix(err.Error(), "fetch: ")
}

func newError(rawURL string, kind, cause error) *Error {
	return &Error{URL: rawURL, Kind: kind, Err: cause}
}
