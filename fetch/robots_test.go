package fetch_test

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/refeed/refeed/fetch"
)

// robotsServer serves robots.txt with the given status and body, and a page
// at every other path. It counts robots.txt requests.
func robotsServer(t *testing.T, status int, robots string, hits *counter) string {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			hits.add(1)
			w.WriteHeader(status)
			w.Write([]byte(robots))
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<p>article</p>"))
	})
	return srv.URL
}

func TestRobots(t *testing.T) {
	const robots = "User-agent: *\nDisallow: /\n\nUser-agent: refeed-test\nDisallow: /private\n"
	tests := []struct {
		name    string
		status  int
		robots  string
		req     fetch.Request
		feed    bool
		allowed bool
	}{
		{"allowed path", 200, robots, fetch.Request{URL: "/news/1"}, false, true},
		{"disallowed path", 200, robots, fetch.Request{URL: "/private/1"}, false, false},
		{"query is part of the path", 200, "User-agent: *\nDisallow: /*?print", fetch.Request{URL: "/a?print=1"}, false, false},
		{"feeds are not checked", 200, robots, fetch.Request{URL: "/private/rss"}, true, true},
		{"per-request override", 200, robots, fetch.Request{URL: "/private/1", IgnoreRobots: true}, false, true},
		{"404 allows all", 404, "", fetch.Request{URL: "/private/1"}, false, true},
		{"403 allows all", 403, "", fetch.Request{URL: "/private/1"}, false, true},
		{"5xx disallows all", 503, "", fetch.Request{URL: "/news/1"}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var hits counter
			base := robotsServer(t, tt.status, tt.robots, &hits)
			req := tt.req
			req.URL = base + req.URL
			if !tt.feed {
				req.Kind = fetch.KindPage
			}
			_, err := newClient(t, fastOptions()).Fetch(context.Background(), req)
			if tt.allowed && err != nil {
				t.Fatalf("err = %v, want allowed", err)
			}
			if !tt.allowed && !errors.Is(err, fetch.ErrRobotsDisallowed) {
				t.Fatalf("err = %v, want ErrRobotsDisallowed", err)
			}
			if !tt.allowed && fetch.Retryable(err) {
				t.Errorf("a robots refusal must not be retried")
			}
		})
	}
}

func TestRobotsFetchedOncePerHost(t *testing.T) {
	var hits counter
	base := robotsServer(t, 200, "User-agent: *\nDisallow: /private\n", &hits)
	c := newClient(t, fastOptions())
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			if _, err := c.Fetch(context.Background(), fetch.Request{URL: base + "/a", Kind: fetch.KindPage}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if hits.load() != 1 {
		t.Errorf("robots.txt fetched %d times, want 1", hits.load())
	}
}

func TestRobotsCacheExpires(t *testing.T) {
	var hits counter
	base := robotsServer(t, 200, "", &hits)
	opts := fastOptions()
	opts.RobotsTTL = time.Nanosecond
	c := newClient(t, opts)
	for range 2 {
		if _, err := c.Fetch(context.Background(), fetch.Request{URL: base + "/a", Kind: fetch.KindPage}); err != nil {
			t.Fatal(err)
		}
	}
	if hits.load() != 2 {
		t.Errorf("robots.txt fetched %d times with an expired cache, want 2", hits.load())
	}
}

func TestRobotsDisabledByOption(t *testing.T) {
	var hits counter
	base := robotsServer(t, 200, "User-agent: *\nDisallow: /\n", &hits)
	opts := fastOptions()
	opts.IgnoreRobots = true
	if _, err := newClient(t, opts).Fetch(context.Background(), fetch.Request{URL: base + "/a", Kind: fetch.KindPage}); err != nil {
		t.Fatal(err)
	}
	if hits.load() != 0 {
		t.Errorf("robots.txt fetched although ignored")
	}
}

// TestRobotsCrawlDelay: a Crawl-delay in robots.txt spaces out the page
// requests to its host (up to MaxCrawlDelay), for our agent's group only,
// and not when robots.txt is ignored.
func TestRobotsCrawlDelay(t *testing.T) {
	const delay = 300 * time.Millisecond
	tests := []struct {
		name      string
		robots    string
		ignore    bool
		wantSpace bool
	}{
		{"our group's delay", "User-agent: refeed-test\nCrawl-delay: 0.3\n", false, true},
		{"the catch-all group's delay", "User-agent: *\nCrawl-delay: 0.3\n", false, true},
		{"another agent's delay", "User-agent: otherbot\nCrawl-delay: 0.3\n\nUser-agent: *\nDisallow:\n", false, false},
		{"robots ignored", "User-agent: *\nCrawl-delay: 0.3\n", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var mu sync.Mutex
			var starts []time.Time
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/robots.txt" {
					w.Write([]byte(tt.robots))
					return
				}
				mu.Lock()
				starts = append(starts, time.Now())
				mu.Unlock()
				w.Header().Set("Content-Type", "text/html")
				w.Write([]byte("<p>article</p>"))
			})
			c := newClient(t, fastOptions())
			var wg sync.WaitGroup
			for i := range 3 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					req := fetch.Request{URL: srv.URL + "/a/" + string(rune('0'+i)), Kind: fetch.KindPage, IgnoreRobots: tt.ignore}
					if _, err := c.Fetch(context.Background(), req); err != nil {
						t.Error(err)
					}
				}()
			}
			wg.Wait()
			mu.Lock()
			defer mu.Unlock()
			if len(starts) != 3 {
				t.Fatalf("%d page requests, want 3", len(starts))
			}
			// robots.txt is read before the first page, so the three
			// starts are two delays apart at least; without a delay,
			// three loopback requests take nowhere near that.
			span := starts[2].Sub(starts[0])
			if tt.wantSpace && span < 2*delay*9/10 {
				t.Errorf("3 requests within %v, want them spaced by the %v crawl delay", span, delay)
			}
			if !tt.wantSpace && span >= 2*delay {
				t.Errorf("3 requests took %v, want no crawl delay", span)
			}
		})
	}
}
