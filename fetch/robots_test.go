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
