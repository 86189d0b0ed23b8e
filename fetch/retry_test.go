package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/refeed/refeed/fetch"
)

func TestFetchRetryAfter(t *testing.T) {
	tests := []struct {
		name       string
		retryAfter func() string
		wantErr    bool
		wantWait   time.Duration // the first wait, to the second
	}{
		{"seconds", func() string { return "7" }, false, 7 * time.Second},
		{"http date", func() string { return time.Now().Add(90 * time.Second).UTC().Format(http.TimeFormat) }, false, 90 * time.Second},
		{"longer than the cap", func() string { return "3600" }, true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var hits counter
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				if hits.add(1) == 1 {
					w.Header().Set("Retry-After", tt.retryAfter())
					http.Error(w, "slow down", http.StatusTooManyRequests)
					return
				}
				w.Write([]byte(rssFeed))
			})
			c := newClient(t, fastOptions())
			var slept recordedSleep
			fetch.SetSleep(c, slept.sleep)
			_, err := c.Fetch(context.Background(), fetch.Request{URL: srv.URL})
			waits := slept.get()
			if tt.wantErr {
				var httpErr *fetch.HTTPError
				if !errors.As(err, &httpErr) || httpErr.RetryAfter != time.Hour {
					t.Fatalf("err = %v, want *HTTPError with RetryAfter 1h", err)
				}
				if len(waits) != 0 || hits.load() != 1 {
					t.Errorf("waited %v over %d attempts, want no wait and one attempt", waits, hits.load())
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			// The retry waits the Retry-After. The host is paused as long
			// for every request; the recorded sleeps do not pass real
			// time, so the retry meets that pause as a second wait, which
			// in real time would be over.
			if len(waits) == 0 || len(waits) > 2 || waits[0].Round(time.Second) < tt.wantWait-time.Second || waits[0] > tt.wantWait {
				t.Errorf("waits = %v, want one of about %v (and the host pause)", waits, tt.wantWait)
			}
		})
	}
}

func TestFetchRetryHonoursContext(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusBadGateway)
	})
	opts := fastOptions()
	opts.RetryBase = time.Hour // only cancellation can end the wait
	c := newClient(t, opts)
	ctx, cancel := context.WithCancel(context.Background())
	fetch.SetSleep(c, func(ctx context.Context, d time.Duration) error {
		cancel()
		<-ctx.Done()
		return ctx.Err()
	})
	_, err := c.Fetch(ctx, fetch.Request{URL: srv.URL})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if fetch.Retryable(err) {
		t.Errorf("a cancelled fetch must not be retryable")
	}
}

func TestFetchPerRequestRetries(t *testing.T) {
	var hits counter
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		hits.add(1)
		http.Error(w, "down", http.StatusServiceUnavailable)
	})
	c := newClient(t, fastOptions())
	for _, tt := range []struct {
		retries int
		want    int32
	}{{-1, 1}, {1, 2}, {0, 4}} {
		hits.n.Store(0)
		c.Fetch(context.Background(), fetch.Request{URL: srv.URL, Retries: tt.retries})
		if got := hits.load(); got != tt.want {
			t.Errorf("Retries %d: %d attempts, want %d", tt.retries, got, tt.want)
		}
	}
}

func TestFetchCacheHints(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=600")
		w.Header().Set("Retry-After", "120")
		w.Write([]byte(rssFeed))
	})
	resp, err := newClient(t, fastOptions()).Fetch(context.Background(), fetch.Request{URL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	if resp.MaxAge != 10*time.Minute || resp.RetryAfter != 2*time.Minute {
		t.Errorf("MaxAge = %v RetryAfter = %v, want 10m and 2m", resp.MaxAge, resp.RetryAfter)
	}
}

func TestBackoff(t *testing.T) {
	base, limit := time.Minute, time.Hour
	tests := []struct {
		failures int
		want     time.Duration
	}{
		{-1, 0}, {0, 0}, {1, time.Minute}, {2, 2 * time.Minute}, {3, 4 * time.Minute},
		{6, 32 * time.Minute}, {7, time.Hour}, {1000, time.Hour},
	}
	for _, tt := range tests {
		if got := fetch.Backoff(tt.failures, base, limit); got != tt.want {
			t.Errorf("Backoff(%d) = %v, want %v", tt.failures, got, tt.want)
		}
	}
}

func TestRetryable(t *testing.T) {
	tests := []struct {
		err  error
		want bool
	}{
		{nil, false},
		{&fetch.HTTPError{StatusCode: 500}, true},
		{&fetch.HTTPError{StatusCode: 503}, true},
		{&fetch.HTTPError{StatusCode: 429}, true},
		{&fetch.HTTPError{StatusCode: 408}, true},
		{&fetch.HTTPError{StatusCode: 404}, false},
		{&fetch.HTTPError{StatusCode: 401}, false},
		{&fetch.Error{Kind: fetch.ErrTimeout}, true},
		{&fetch.Error{Kind: fetch.ErrConnRefused}, true},
		{&fetch.Error{Kind: fetch.ErrConnReset}, true},
		{&fetch.Error{Kind: fetch.ErrTooLarge}, false},
		{&fetch.Error{Kind: fetch.ErrRobotsDisallowed}, false},
		{&fetch.Error{Kind: fetch.ErrTLS}, false},
		{&fetch.Error{Kind: fetch.ErrDNS, Err: &net.DNSError{Err: "no such host", IsNotFound: true}}, false},
		{&fetch.Error{Kind: fetch.ErrDNS, Err: &net.DNSError{Err: "server misbehaving", IsTemporary: true}}, true},
		{&fetch.Error{Kind: context.Canceled}, false},
		{fmt.Errorf("wrapped: %w", &fetch.HTTPError{StatusCode: 502}), true},
	}
	for _, tt := range tests {
		if got := fetch.Retryable(tt.err); got != tt.want {
			t.Errorf("Retryable(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}

func TestErrorMessages(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{&fetch.Error{URL: "https://x/rss", Kind: fetch.ErrConnRefused}, "fetch: https://x/rss: connection refused"},
		{&fetch.Error{URL: "https://x/rss", Kind: fetch.ErrBadEncoding, Err: errors.New("gzip: invalid header")},
			"fetch: https://x/rss: bad content encoding: gzip: invalid header"},
		{&fetch.HTTPError{URL: "https://x/rss", StatusCode: 503, Status: "503 Service Unavailable", RetryAfter: time.Hour},
			"fetch: https://x/rss: http status 503 Service Unavailable (retry after 1h0m0s)"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}
