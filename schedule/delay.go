package schedule

import (
	"errors"
	"time"
)

// maxDoublings caps the exponent of the backoff so the shift never
// overflows, whatever MaxBackoff says.
const maxDoublings = 20

// Deferral is an error a PollFunc returns when it did not poll at all
// because the source is not to be polled again before Wait has passed (its
// backoff, recorded elsewhere, has not expired). The scheduler waits Wait,
// then polls again, without counting a failure or a success.
type Deferral struct {
	Wait time.Duration
	Err  error // why; may be nil
}

// Error implements error.
func (d *Deferral) Error() string {
	msg := "schedule: poll deferred for " + d.Wait.Round(time.Second).String()
	if d.Err != nil {
		msg += ": " + d.Err.Error()
	}
	return msg
}

// Unwrap returns the reason.
func (d *Deferral) Unwrap() error { return d.Err }

// retryAfter is implemented by errors that say when to try again, such as
// a fetch error for a 429 or 503 response with a Retry-After header.
type retryAfter interface {
	RetryAfter() time.Duration
}

// nextDelay returns how long to wait after a poll before the next one.
//
// A Deferral waits what it asks, moved later by up to jitter of itself.
// A healthy source waits its interval. After failures consecutive failed
// polls it waits interval×2^failures, capped at maxBackoff but never less
// than the interval, and never less than what the error's RetryAfter asks.
// Then jitter spreads the delay uniformly over ±jitter of itself, r being a
// random number in [0, 1), so sources with one interval drift apart instead
// of hitting the network together.
func nextDelay(interval time.Duration, failures int, err error, maxBackoff time.Duration, jitter, r float64) time.Duration {
	var def *Deferral
	if errors.As(err, &def) {
		// Jitter only later: earlier would be refused again.
		w := max(def.Wait, 0)
		return w + time.Duration(r*max(jitter, 0)*float64(w))
	}
	d := backoff(interval, failures, maxBackoff)
	var ra retryAfter
	if errors.As(err, &ra) && ra.RetryAfter() > d {
		d = ra.RetryAfter()
	}
	return spread(d, jitter, r)
}

// backoff returns interval×2^failures capped at max(maxBackoff, interval).
func backoff(interval time.Duration, failures int, maxBackoff time.Duration) time.Duration {
	if failures <= 0 {
		return interval
	}
	limit := max(maxBackoff, interval)
	n := min(failures, maxDoublings)
	if interval > limit>>n { // interval<<n would pass the limit (or overflow)
		return limit
	}
	return interval << n
}

// spread moves d by (2r-1)×jitter×d: a value in [d(1-jitter), d(1+jitter)).
func spread(d time.Duration, jitter, r float64) time.Duration {
	if jitter <= 0 {
		return d
	}
	jitter = min(jitter, 1)
	return d + time.Duration((2*r-1)*jitter*float64(d))
}
