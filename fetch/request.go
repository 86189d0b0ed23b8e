package fetch

import (
	"net/http"
	"time"
)

// Kind says what a request is for; it picks the Accept header, the charset
// rules and whether robots.txt applies.
type Kind int

const (
	// KindFeed is an RSS, Atom or JSON feed (robots.txt is not checked: a
	// published feed is meant to be polled).
	KindFeed Kind = iota
	// KindPage is an article page (robots.txt is checked).
	KindPage
)

// String returns "feed" or "page", for logs.
func (k Kind) String() string {
	if k == KindPage {
		return "page"
	}
	return "feed"
}

// Request is one fetch. Zero override fields take the Client's defaults.
type Request struct {
	URL  string
	Kind Kind
	// ETag and LastModified are the validators from the previous successful
	// fetch; they are sent as If-None-Match and If-Modified-Since.
	ETag, LastModified string
	// Charset forces the body's charset for a site whose declarations lie.
	// It wins over the header and the document; only a byte order mark
	// wins over it (see Decode).
	Charset string
	// Headers are extra request headers (e.g. a cookie a site needs). They
	// are sent to URL's host only, never to a host a redirect leads to.
	Headers map[string]string
	// Guard, when set, keeps the fetch out of private networks: set it
	// for every URL that came from content rather than from the
	// operator (see Guard). Nil trusts the URL and where it leads.
	Guard *Guard
	// IgnoreRobots skips the robots.txt check for this request.
	IgnoreRobots bool
	// Timeout, MaxBody and Retries override the Options of the same name;
	// zero keeps the client's. Retries Off means no retry for this request.
	Timeout time.Duration
	MaxBody int64
	Retries int
}

// Response is a successful fetch (2xx or 304).
type Response struct {
	// URL is the final URL after redirects (for FetchFeed, the feed's URL).
	URL string
	// DiscoveredFrom is the page URL when FetchFeed found the feed through a
	// <link rel="alternate"> on it; empty otherwise.
	DiscoveredFrom string
	StatusCode     int
	// NotModified is true for a 304; Body is then empty.
	NotModified bool
	// Body is the document decoded to UTF-8. For XML feeds, the encoding in
	// the XML declaration is rewritten to UTF-8.
	Body []byte
	// MediaType is the Content-Type without parameters, lower case.
	MediaType string
	// Charset is the name of the charset the body was decoded from.
	Charset string
	// ETag and LastModified are the new validators to store for next time
	// (on a 304, the ones sent, unless the server sent new ones).
	ETag, LastModified string
	// Header is the final response's header.
	Header http.Header
	// Attempts counts the HTTP attempts made, retries included.
	Attempts int
	// Duration is the wall time of the whole fetch, waits included.
	Duration time.Duration
	// RetryAfter is the server's Retry-After; MaxAge is how long it says
	// the document stays fresh (Cache-Control max-age, else Expires).
	// Both are hints for the scheduler, zero when absent.
	RetryAfter, MaxAge time.Duration
}
