package refresh

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/refeed/refeed/feeds"
	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/listing"
)

// describedErrors says in words what the errors a source's poll can fail
// with mean for an operator, keyed by the error itself. The state keeps
// only the error's text, so Describe finds them in it.
var describedErrors = []struct {
	err   error
	words string
}{
	{fetch.ErrDNS, "The site's name does not resolve (DNS)."},
	{fetch.ErrConnRefused, "The site refused the connection."},
	{fetch.ErrConnReset, "The connection broke off before the answer was complete."},
	{fetch.ErrTimeout, "The site did not answer in time."},
	{fetch.ErrTLS, "The site's HTTPS certificate or handshake is broken."},
	{fetch.ErrTooLarge, "The answer is larger than max_body."},
	{fetch.ErrBadEncoding, "The site sent a compressed answer that does not decompress."},
	{fetch.ErrTooManyRedirects, "The site redirects in a loop."},
	{fetch.ErrRobotsDisallowed, "The site's robots.txt forbids us."},
	{fetch.ErrNotText, "The URL serves no text document (an image, a PDF…)."},
	{fetch.ErrNoFeed, "The page links no feed: point url at the feed, or make the source type: page."},
	{fetch.ErrPrivateAddress, "The URL points into a private network, which is refused."},
	{fetch.ErrBadURL, "The URL is not a valid http(s) URL."},
	{fetch.ErrNetwork, "The site could not be reached."},
	{feeds.ErrNotFeed, "What the URL serves is not an RSS, Atom or JSON feed."},
	{listing.ErrNoLinks, "The listing page has no article links refeed can find: give the source a links selector."},
	{ErrBackingOff, "Backing off after failures."},
}

// httpStatus finds the status in a fetch.HTTPError's text.
var httpStatus = regexp.MustCompile(`http status (\d{3})`)

// Describe says in plain words what a source's last error (as kept in
// the state) means, and what to do when there is something to do; "" for
// an error it does not know, whose text must then speak for itself.
func Describe(lastError string) string {
	if lastError == "" {
		return ""
	}
	if m := httpStatus.FindStringSubmatch(lastError); m != nil {
		code, _ := strconv.Atoi(m[1])
		return describeStatus(code)
	}
	for _, d := range describedErrors {
		if strings.Contains(lastError, d.err.Error()) || strings.Contains(lastError, sansPrefix(d.err)) {
			return d.words
		}
	}
	return ""
}

// sansPrefix is a sentinel's text without its package name, as
// fetch.Error writes it.
func sansPrefix(err error) string {
	_, msg, _ := strings.Cut(err.Error(), ": ")
	return ": " + msg
}

// describeStatus says what an HTTP error status means for a source.
func describeStatus(code int) string {
	switch {
	case code == 404 || code == 410:
		return fmt.Sprintf("The feed is not there (HTTP %d): check the source's url.", code)
	case code == 401 || code == 403:
		return fmt.Sprintf("The site refuses us (HTTP %d); some sites want a Referer header.", code)
	case code == 429:
		return "The site asks us to slow down (HTTP 429)."
	case code >= 500:
		return fmt.Sprintf("The site has a server error (HTTP %d).", code)
	default:
		return fmt.Sprintf("The site answered HTTP %d.", code)
	}
}
