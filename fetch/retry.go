package fetch

import (
	"context"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Backoff returns how long to wait before the next attempt after
// consecutiveFailures failures in a row: base doubled per failure, capped at
// max, with no jitter so schedulers can store and show it. Zero or fewer
// failures give zero.
func Backoff(consecutiveFailures int, base, max time.Duration) time.Duration {
	if consecutiveFailures <= 0 || base <= 0 {
		return 0
	}
	d := base
	for i := 1; i < consecutiveFailures; i++ {
		if d >= max/2 {
			return max
		}
		d *= 2
	}
	return min(d, max)
}

// jitter returns a random duration in [d/2, d], so that clients that failed
// together do not retry together.
func jitter(d time.Duration) time.Duration {
	if d <= 1 {
		return d
	}
	half := d / 2
	return half + rand.N(d-half+1)
}

// sleep waits for d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// maxSeconds bounds header values so that converting them to a Duration
// cannot overflow: a year is longer than any sensible wait.
const maxSeconds = int64(365 * 24 * time.Hour / time.Second)

// parseRetryAfter reads a Retry-After header in seconds or as an HTTP date.
// It returns zero for a missing, malformed or past value.
func parseRetryAfter(h http.Header, now time.Time) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs <= 0 {
			return 0
		}
		return time.Duration(min(secs, maxSeconds)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// parseMaxAge returns how long the response says it stays fresh (RFC
// 9111): max-age (or s-maxage) from Cache-Control, else Expires less Date
// (or now, without a Date). no-store and no-cache give zero.
func parseMaxAge(h http.Header, now time.Time) time.Duration {
	var maxAge time.Duration
	stated := false
	for _, directive := range strings.Split(h.Get("Cache-Control"), ",") {
		name, value, _ := strings.Cut(strings.TrimSpace(directive), "=")
		switch strings.ToLower(name) {
		case "no-store", "no-cache":
			return 0
		case "max-age", "s-maxage":
			stated = true
			secs, err := strconv.ParseInt(strings.Trim(value, `"`), 10, 64)
			if err != nil || secs <= 0 {
				continue
			}
			maxAge = max(maxAge, time.Duration(min(secs, maxSeconds))*time.Second)
		}
	}
	if stated {
		return maxAge
	}
	return expiresIn(h, now)
}

// expiresIn is Expires less Date (or now), zero when either is missing or
// malformed or the response is already stale.
func expiresIn(h http.Header, now time.Time) time.Duration {
	exp, err := http.ParseTime(h.Get("Expires"))
	if err != nil {
		return 0
	}
	if date, err := http.ParseTime(h.Get("Date")); err == nil {
		now = date
	}
	if !exp.After(now) {
		return 0
	}
	return min(exp.Sub(now), time.Duration(maxSeconds)*time.Second)
}
