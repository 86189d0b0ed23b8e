package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/refeed/refeed/fetch"
)

// inflight records, at the server, how many requests run at once and when
// each one started.
type inflight struct {
	mu     sync.Mutex
	now    int
	peak   int
	starts []time.Time
}

func (f *inflight) handler(hold time.Duration) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.now++
		f.peak = max(f.peak, f.now)
		f.starts = append(f.starts, time.Now())
		f.mu.Unlock()
		select {
		case <-time.After(hold):
		case <-r.Context().Done():
		}
		f.mu.Lock()
		f.now--
		f.mu.Unlock()
		w.Write([]byte(rssFeed))
	}
}

func (f *inflight) result() (int, []time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	starts := append([]time.Time(nil), f.starts...)
	sort.Slice(starts, func(i, j int) bool { return starts[i].Before(starts[j]) })
	return f.peak, starts
}

func fetchAll(t *testing.T, c *fetch.Client, base string, n int) {
	t.Helper()
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			if _, err := c.Fetch(context.Background(), fetch.Request{URL: fmt.Sprintf("%s/%d", base, i)}); err != nil {
				t.Errorf("fetch %d: %v", i, err)
			}
		})
	}
	wg.Wait()
}

func TestPerHostConcurrency(t *testing.T) {
	var a, b inflight
	srvA := newServer(t, a.handler(20*time.Millisecond))
	srvB := newServer(t, b.handler(20*time.Millisecond))
	opts := fastOptions()
	opts.PerHost = 2
	opts.Concurrency = 8
	c := newClient(t, opts)
	var wg sync.WaitGroup
	for _, base := range []string{srvA.URL, srvB.URL} {
		wg.Go(func() { fetchAll(t, c, base, 12) })
	}
	wg.Wait()
	for name, f := range map[string]*inflight{"A": &a, "B": &b} {
		if peak, _ := f.result(); peak != 2 {
			t.Errorf("host %s: peak in-flight = %d, want 2", name, peak)
		}
	}
}

func TestGlobalConcurrency(t *testing.T) {
	var all inflight
	h := all.handler(20 * time.Millisecond)
	opts := fastOptions()
	opts.PerHost = 4
	opts.Concurrency = 3
	c := newClient(t, opts)
	var wg sync.WaitGroup
	for range 3 {
		srv := newServer(t, h) // distinct ports are distinct hosts
		wg.Go(func() { fetchAll(t, c, srv.URL, 8) })
	}
	wg.Wait()
	if peak, _ := all.result(); peak != 3 {
		t.Errorf("peak in-flight across hosts = %d, want 3", peak)
	}
}

// TestPerHostDelay checks request starts as the server saw them. The k-th
// request to reach the server cannot have been sent before k delays after
// the first was booked, however late any of them arrived, so the test bounds
// arrivals from below and never asserts how fast anything ran.
func TestPerHostDelay(t *testing.T) {
	const delay = 100 * time.Millisecond
	var f inflight
	srv := newServer(t, f.handler(0))
	opts := fastOptions()
	opts.HostDelay = delay
	opts.PerHost = 4
	c := newClient(t, opts)
	begin := time.Now()
	if _, err := c.Fetch(context.Background(), fetch.Request{URL: srv.URL + "/first"}); err != nil {
		t.Fatal(err)
	}
	fetchAll(t, c, srv.URL, 5)
	_, starts := f.result()
	if len(starts) != 6 {
		t.Fatalf("server saw %d requests, want 6", len(starts))
	}
	for k, start := range starts {
		if earliest := begin.Add(time.Duration(k) * delay); start.Before(earliest) {
			t.Errorf("request %d started %v after the first booking, want at least %v",
				k, start.Sub(begin), time.Duration(k)*delay)
		}
	}
}

func TestPolitenessHonoursContext(t *testing.T) {
	release := make(chan struct{})
	started := make(chan struct{}, 1)
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		started <- struct{}{}
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	defer close(release)
	opts := fastOptions()
	opts.PerHost = 1
	opts.Retries = -1
	c := newClient(t, opts)
	go c.Fetch(context.Background(), fetch.Request{URL: srv.URL + "/hog"})
	<-started // the host's only slot is now taken

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := c.Fetch(ctx, fetch.Request{URL: srv.URL + "/queued"})
		done <- err
	}()
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("queued fetch err = %v, want context.Canceled", err)
	}
	select {
	case <-started:
		t.Errorf("the queued request reached the server")
	default:
	}
}

// TestThrottlePausesHost: while a request refused with 429, or 503 and
// Retry-After, waits to retry, other requests to the host wait too; other
// refusals pause nothing.
func TestThrottlePausesHost(t *testing.T) {
	tests := []struct {
		name       string
		status     int
		retryAfter string
		paused     bool
	}{
		{"429 with Retry-After", http.StatusTooManyRequests, "1", true},
		{"503 with Retry-After", http.StatusServiceUnavailable, "1", true},
		{"503 without Retry-After", http.StatusServiceUnavailable, "", false},
		{"404", http.StatusNotFound, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var mu sync.Mutex
			var refused, next time.Time
			refusedOnce := make(chan struct{})
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				defer mu.Unlock()
				switch {
				case r.URL.Path == "/first" && refused.IsZero():
					refused = time.Now()
					if tt.retryAfter != "" {
						w.Header().Set("Retry-After", tt.retryAfter)
					}
					w.WriteHeader(tt.status)
					close(refusedOnce)
					return
				case r.URL.Path == "/next":
					next = time.Now()
				}
				w.Write([]byte(rssFeed))
			})
			c := newClient(t, fastOptions())
			first := make(chan error, 1)
			go func() {
				_, err := c.Fetch(context.Background(), fetch.Request{URL: srv.URL + "/first"})
				first <- err
			}()
			<-refusedOnce
			time.Sleep(200 * time.Millisecond) // time for the client to read the refusal
			if _, err := c.Fetch(context.Background(), fetch.Request{URL: srv.URL + "/next"}); err != nil {
				t.Fatal(err)
			}
			<-first
			mu.Lock()
			defer mu.Unlock()
			// Both bounds are a second wide: the pause is one second, and
			// a loopback request without one takes milliseconds.
			gap := next.Sub(refused)
			if tt.paused && gap < 900*time.Millisecond {
				t.Errorf("the next request came %v after the refusal, want the host paused for the 1s it asked", gap)
			}
			if !tt.paused && gap >= 900*time.Millisecond {
				t.Errorf("the next request came %v after a %d, want no pause", gap, tt.status)
			}
		})
	}
}
