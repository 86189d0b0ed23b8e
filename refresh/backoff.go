package refresh

import (
	"errors"
	"time"

	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/store"
)

// refeed's one backoff policy for a failing source lives here. refresh
// records what it decides as the source's NextAttempt in the state; `run`
// skips the source until then, `serve`'s scheduler sleeps until then, and
// `status` and the index page show it. Nothing else computes a backoff.
//
// It sits above the retries inside one fetch: package fetch retries a
// network error, a 5xx or a 429 a few times (`retries`, about a second
// apart and doubling), waiting out a Retry-After of up to
// fetch.DefaultMaxRetryAfter. Only when those are spent does the poll
// fail, and this policy decides when the source is tried again.
const (
	// MaxBackoff caps the wait of a failing source, unless its interval
	// is longer.
	MaxBackoff = 6 * time.Hour
	// RetryAfterMax is the longest a server's Retry-After keeps a source
	// from being polled: longer than the backoff, but a maintenance
	// page's "come back in a year" must not silence a source for a year.
	RetryAfterMax = 24 * time.Hour
	// maxDoublings bounds the exponent so the shift never overflows.
	maxDoublings = 20
)

// NextAttempt is when a source polled every interval may be polled again
// after the failures-th failure in a row, failure, at time at. It waits
// interval×2^(failures−1) — a failing source is never polled more often
// than a healthy one, and half as often with each further failure — at
// most MaxBackoff (or the interval, when that is longer); a Retry-After
// the server sent wins when it is longer, up to RetryAfterMax.
func NextAttempt(at time.Time, interval time.Duration, failures int, failure error) time.Time {
	wait := backoff(interval, failures)
	var he *fetch.HTTPError
	if errors.As(failure, &he) && he.RetryAfter > 0 {
		wait = max(wait, min(he.RetryAfter, RetryAfterMax))
	}
	return at.Add(wait)
}

// backoff is interval×2^(failures−1), capped at max(MaxBackoff, interval).
func backoff(interval time.Duration, failures int) time.Duration {
	limit := max(MaxBackoff, interval)
	n := min(max(failures-1, 0), maxDoublings)
	if interval > limit>>n { // interval<<n would pass the limit (or overflow)
		return limit
	}
	return interval << n
}

// NextPoll is when `serve` polls a source again, for display: its next
// attempt while it is failing; otherwise its interval after its last
// poll, or later if its server said the feed stays fresh longer. Zero for
// a source never polled (it is polled at start-up).
func NextPoll(h store.SourceHealth, interval time.Duration) time.Time {
	if h.ConsecutiveFailures > 0 {
		return h.NextAttempt
	}
	if h.LastSuccess.IsZero() {
		return time.Time{}
	}
	next := h.LastSuccess.Add(interval)
	if h.NextAttempt.After(next) {
		return h.NextAttempt
	}
	return next
}
