package schedule

import (
	"errors"
	"time"
)

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

// retryAfter is implemented by errors that say when to try again: the
// caller's backoff policy, or a server's Retry-After.
type retryAfter interface {
	RetryAfter() time.Duration
}

// maxLateJitter bounds how much later than asked a poll happens, so that
// a source backing off for hours is polled close to the next attempt its
// caller recorded and shows.
const maxLateJitter = time.Minute

// nextDelay returns how long to wait after a poll that returned err
// before the next one.
//
// A Deferral, or an error with a RetryAfter, waits what it asks, moved
// later by up to jitter of itself, at most maxLateJitter (earlier would be
// refused again). Any
// other poll, failed or not, waits the interval, spread uniformly over
// ±jitter of itself, r being a random number in [0, 1), so sources with
// one interval drift apart instead of hitting the network together. The
// scheduler has no backoff of its own: how long a failing source rests is
// its PollFunc's to say.
func nextDelay(interval time.Duration, err error, jitter, r float64) time.Duration {
	if w, ok := askedWait(err); ok {
		w = max(w, 0)
		return w + min(time.Duration(r*max(jitter, 0)*float64(w)), maxLateJitter)
	}
	return spread(interval, jitter, r)
}

// askedWait is the wait err asks for, if it asks.
func askedWait(err error) (time.Duration, bool) {
	var def *Deferral
	if errors.As(err, &def) {
		return def.Wait, true
	}
	var ra retryAfter
	if errors.As(err, &ra) {
		return ra.RetryAfter(), true
	}
	return 0, false
}

// spread moves d by (2r-1)×jitter×d: a value in [d(1-jitter), d(1+jitter)).
func spread(d time.Duration, jitter, r float64) time.Duration {
	if jitter <= 0 {
		return d
	}
	jitter = min(jitter, 1)
	return d + time.Duration((2*r-1)*jitter*float64(d))
}
