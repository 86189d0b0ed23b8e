package fetch

import "time"

// Off, in a field of Options or Request whose doc says so (HostDelay,
// Retries, MaxRedirects), turns that feature off.
//
// The convention: a zero field of Options or Request means "the default"
// (the Default* values below), so a caller sets only what it changes. The
// config works the other way round (host_delay: 0 means no delay): its
// keys are all filled in, from these same defaults, and
// refresh.FetchOptions turns its zeros into Off.
const Off = -1

// Defaults used for zero fields of Options; config's defaults for the
// same settings are these.
const (
	DefaultUserAgent      = "refeed/0.1 (+https://github.com/refeed/refeed)"
	DefaultConcurrency    = 8
	DefaultPerHost        = 2
	DefaultHostDelay      = 250 * time.Millisecond
	DefaultTimeout        = 20 * time.Second
	DefaultConnectTimeout = 10 * time.Second
	DefaultMaxBody        = 10 << 20
	DefaultRetries        = 3
	DefaultRetryBase      = time.Second
	DefaultMaxRetryAfter  = 5 * time.Minute
	DefaultMaxRedirects   = 10
	DefaultRobotsTTL      = 24 * time.Hour
)

// Options configure a Client. Zero fields take the Default* values. Off
// (or any negative value) in HostDelay, Retries or MaxRedirects turns that
// feature off; other negative values are treated as zero.
type Options struct {
	// UserAgent is sent on every request, robots.txt included. The product
	// token before the first "/" is the name matched in robots.txt groups.
	UserAgent string
	// Concurrency caps in-flight requests across all hosts.
	Concurrency int
	// PerHost caps in-flight requests to one host.
	PerHost int
	// HostDelay is the minimum time between the starts of two requests to one
	// host. Negative means no delay.
	HostDelay time.Duration
	// Timeout bounds each request of an attempt (each redirect hop), from
	// dialing to the last body byte. It starts once the politeness limits
	// let the request go out.
	Timeout time.Duration
	// ConnectTimeout bounds dialing and the TLS handshake.
	ConnectTimeout time.Duration
	// MaxBody caps the body both on the wire and after decompression.
	MaxBody int64
	// Retries is how many times a retryable failure is retried (so at most
	// Retries+1 attempts). Negative means never retry.
	Retries int
	// RetryBase is the first backoff delay; it doubles per retry, with jitter.
	RetryBase time.Duration
	// MaxRetryAfter caps how long a Retry-After is waited for inside Fetch; a
	// longer one ends the fetch with an *HTTPError carrying RetryAfter.
	MaxRetryAfter time.Duration
	// MaxRedirects caps redirects per attempt; one more is
	// ErrTooManyRedirects. Negative means any redirect is that error.
	MaxRedirects int
	// IgnoreRobots turns robots.txt checks off for every request. By default
	// they apply to KindPage requests.
	IgnoreRobots bool
	// RobotsTTL is how long a host's robots.txt is cached.
	RobotsTTL time.Duration
	// BlockPrivate refuses connections to loopback, private and link-local
	// addresses (checked after DNS resolution). Off by default: refeed is
	// self-hosted and users may poll sources on their own network.
	BlockPrivate bool
}

// withDefaults returns o with zero (and meaningless negative) fields
// replaced by defaults.
func (o Options) withDefaults() Options {
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	o.Concurrency = positiveOr(o.Concurrency, DefaultConcurrency)
	o.PerHost = positiveOr(o.PerHost, DefaultPerHost)
	o.Timeout = positiveOr(o.Timeout, DefaultTimeout)
	o.ConnectTimeout = positiveOr(o.ConnectTimeout, DefaultConnectTimeout)
	o.MaxBody = positiveOr(o.MaxBody, DefaultMaxBody)
	o.RetryBase = positiveOr(o.RetryBase, DefaultRetryBase)
	o.MaxRetryAfter = positiveOr(o.MaxRetryAfter, DefaultMaxRetryAfter)
	o.RobotsTTL = positiveOr(o.RobotsTTL, DefaultRobotsTTL)
	// Negative means "off" for these three.
	o.HostDelay = max(zeroOr(o.HostDelay, DefaultHostDelay), 0)
	o.Retries = max(zeroOr(o.Retries, DefaultRetries), 0)
	o.MaxRedirects = zeroOr(o.MaxRedirects, DefaultMaxRedirects)
	return o
}

func positiveOr[T int | int64 | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

func zeroOr[T int | int64 | time.Duration](v, def T) T {
	if v == 0 {
		return def
	}
	return v
}
