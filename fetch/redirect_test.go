package fetch_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/internal/syncbuf"
)

// redirector returns a server that answers every path with a 302 to the
// same path on target.
func redirector(t *testing.T, target string) *httptest.Server {
	return newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		http.Redirect(w, r, target+r.URL.Path, http.StatusFound)
	})
}

// TestRedirectPerHostLimitOnFinalHost sends requests to one host through
// redirectors on three other hosts: the final host's PerHost cap must hold
// although no request named it.
func TestRedirectPerHostLimitOnFinalHost(t *testing.T) {
	var final inflight
	srv := newServer(t, final.handler(20*time.Millisecond))
	opts := fastOptions()
	opts.PerHost = 1
	opts.Concurrency = 8
	c := newClient(t, opts)
	var wg sync.WaitGroup
	for range 3 {
		r := redirector(t, srv.URL)
		wg.Go(func() { fetchAll(t, c, r.URL, 6) })
	}
	wg.Go(func() { fetchAll(t, c, srv.URL, 3) })
	wg.Wait()
	peak, starts := final.result()
	if len(starts) != 21 {
		t.Fatalf("final host saw %d requests, want 21", len(starts))
	}
	if peak != 1 {
		t.Errorf("final host: peak in-flight = %d, want 1 (PerHost)", peak)
	}
}

// TestRedirectHostDelayOnFinalHost checks that requests reaching a host
// through redirectors are spaced by its HostDelay. As in TestPerHostDelay,
// arrivals are bounded from below only.
func TestRedirectHostDelayOnFinalHost(t *testing.T) {
	const delay = 80 * time.Millisecond
	var final inflight
	srv := newServer(t, final.handler(0))
	opts := fastOptions()
	opts.HostDelay = delay
	opts.PerHost = 4
	c := newClient(t, opts)
	begin := time.Now()
	var wg sync.WaitGroup
	for range 2 {
		r := redirector(t, srv.URL)
		wg.Go(func() { fetchAll(t, c, r.URL, 3) })
	}
	wg.Wait()
	_, starts := final.result()
	if len(starts) != 6 {
		t.Fatalf("final host saw %d requests, want 6", len(starts))
	}
	for k, start := range starts {
		if earliest := begin.Add(time.Duration(k) * delay); start.Before(earliest) {
			t.Errorf("request %d reached the final host %v after the start, want at least %v",
				k, start.Sub(begin), time.Duration(k)*delay)
		}
	}
}

func TestRedirectRobots(t *testing.T) {
	const disallowAll = "User-agent: *\nDisallow: /\n"
	tests := []struct {
		name    string
		robots  string // the target's robots.txt
		req     fetch.Request
		allowed bool
	}{
		{"target disallows a page", disallowAll, fetch.Request{Kind: fetch.KindPage}, false},
		{"target allows a page", "User-agent: *\nDisallow: /private\n", fetch.Request{Kind: fetch.KindPage}, true},
		{"feeds are not checked", disallowAll, fetch.Request{Kind: fetch.KindFeed}, true},
		{"per-request override", disallowAll, fetch.Request{Kind: fetch.KindPage, IgnoreRobots: true}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var robotsHits, pageHits counter
			target := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/robots.txt" {
					robotsHits.add(1)
					w.Write([]byte(tt.robots))
					return
				}
				pageHits.add(1)
				w.Header().Set("Content-Type", "text/html")
				w.Write([]byte("<p>article</p>"))
			})
			req := tt.req
			req.URL = redirector(t, target.URL).URL + "/news/1"
			resp, err := newClient(t, fastOptions()).Fetch(context.Background(), req)
			if tt.allowed {
				if err != nil {
					t.Fatalf("err = %v, want allowed", err)
				}
				if resp.URL != target.URL+"/news/1" {
					t.Errorf("final URL = %q, want the target", resp.URL)
				}
				return
			}
			if !errors.Is(err, fetch.ErrRobotsDisallowed) {
				t.Fatalf("err = %v, want ErrRobotsDisallowed", err)
			}
			if !strings.Contains(err.Error(), target.URL+"/news/1") {
				t.Errorf("error %q does not name the target URL", err)
			}
			if pageHits.load() != 0 || robotsHits.load() != 1 {
				t.Errorf("target saw %d page and %d robots.txt requests, want 0 and 1",
					pageHits.load(), robotsHits.load())
			}
		})
	}
}

func TestRedirectHeaders(t *testing.T) {
	var mu sync.Mutex
	got := map[string]http.Header{}
	record := func(name string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			got[name] = r.Header.Clone()
			mu.Unlock()
			w.Write([]byte(rssFeed))
		}
	}
	other := newServer(t, record("cross"))
	mux := http.NewServeMux()
	mux.HandleFunc("/same", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/dest", http.StatusFound) })
	mux.HandleFunc("/cross", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/dest", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/dest", record("same"))
	srv := newServer(t, mux.ServeHTTP)
	c := newClient(t, fastOptions())
	const etag, lastMod = `"v1"`, "Sat, 28 Nov 2026 10:00:00 GMT"
	for _, path := range []string{"/same", "/cross"} {
		_, err := c.Fetch(context.Background(), fetch.Request{URL: srv.URL + path, ETag: etag, LastModified: lastMod,
			Headers: map[string]string{"Cookie": "consent=1", "Authorization": "Bearer secret"}})
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	tests := []struct {
		hop, header, want string
	}{
		{"same", "Cookie", "consent=1"},
		{"same", "Authorization", "Bearer secret"},
		{"cross", "Cookie", ""},
		{"cross", "Authorization", ""},
		{"same", "If-None-Match", etag},
		{"cross", "If-None-Match", etag},
		{"cross", "If-Modified-Since", lastMod},
		{"cross", "User-Agent", "refeed-test/1.0"},
	}
	for _, tt := range tests {
		if h := got[tt.hop].Get(tt.header); h != tt.want {
			t.Errorf("%s-host hop: %s = %q, want %q", tt.hop, tt.header, h, tt.want)
		}
	}
}

// chainServer serves redirect chains for TestRedirectChains; other is a
// second host.
func chainServer(t *testing.T, other string) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/final/", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(rssFeed)) })
	redirect := func(path, to string, code int) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Location", to)
			w.WriteHeader(code)
		})
	}
	redirect("/rel/a/b", "../../final/x", http.StatusMovedPermanently)
	redirect("/abs", "/final/abs", http.StatusPermanentRedirect)
	redirect("/see-other", "/final/303", http.StatusSeeOther)
	redirect("/temporary", "/final/307", http.StatusTemporaryRedirect)
	redirect("/query", "/final/q?x=1", http.StatusFound)
	redirect("/cross", other+"/final/cross", http.StatusFound)
	redirect("/no-location", "", http.StatusFound)
	redirect("/ftp", "ftp://example.org/feed", http.StatusFound)
	redirect("/gone", "/missing", http.StatusFound)
	redirect("/loop", "/loop", http.StatusFound)
	// /n/k redirects k times before reaching the final page.
	mux.HandleFunc("/n/{k}", func(w http.ResponseWriter, r *http.Request) {
		k, _ := strconv.Atoi(r.PathValue("k"))
		if k == 0 {
			w.Write([]byte(rssFeed))
			return
		}
		http.Redirect(w, r, "/n/"+strconv.Itoa(k-1), http.StatusFound)
	})
	return newServer(t, mux.ServeHTTP)
}

func TestRedirectChains(t *testing.T) {
	other := newServer(t, func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(rssFeed)) })
	var hits counter
	chain := chainServer(t, other.URL)
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) { hits.add(1); chain.Config.Handler.ServeHTTP(w, r) })
	tests := []struct {
		name         string
		path         string
		maxRedirects int
		final        string // the final URL, for a success
		want         error  // the error kind; with status, an *HTTPError
		status       int
		errURL       string // the URL the error names
		maxHits      int32
	}{
		{name: "relative path", path: "/rel/a/b", final: srv.URL + "/final/x"},
		{name: "absolute path 308", path: "/abs", final: srv.URL + "/final/abs"},
		{name: "303", path: "/see-other", final: srv.URL + "/final/303"},
		{name: "307", path: "/temporary", final: srv.URL + "/final/307"},
		{name: "query kept", path: "/query", final: srv.URL + "/final/q?x=1"},
		{name: "another host", path: "/cross", final: other.URL + "/final/cross"},
		{name: "exactly the limit", path: "/n/3", maxRedirects: 3, final: srv.URL + "/n/0"},
		{name: "one over the limit", path: "/n/4", maxRedirects: 3, want: fetch.ErrTooManyRedirects,
			errURL: srv.URL + "/n/4", maxHits: 4},
		{name: "negative follows none", path: "/n/1", maxRedirects: -1, want: fetch.ErrTooManyRedirects,
			errURL: srv.URL + "/n/1", maxHits: 1},
		{name: "loop", path: "/loop", want: fetch.ErrTooManyRedirects, errURL: srv.URL + "/loop", maxHits: 11},
		{name: "no location", path: "/no-location", status: http.StatusFound, errURL: srv.URL + "/no-location", maxHits: 1},
		{name: "non-http scheme", path: "/ftp", want: fetch.ErrBadURL, errURL: srv.URL + "/ftp", maxHits: 1},
		{name: "error at the end", path: "/gone", status: http.StatusNotFound, errURL: srv.URL + "/missing", maxHits: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := fastOptions()
			opts.MaxRedirects = tt.maxRedirects
			before := hits.load()
			resp, err := newClient(t, opts).Fetch(context.Background(), fetch.Request{URL: srv.URL + tt.path})
			if tt.final != "" {
				if err != nil {
					t.Fatal(err)
				}
				if resp.URL != tt.final {
					t.Errorf("final URL = %q, want %q", resp.URL, tt.final)
				}
				return
			}
			checkChainError(t, err, tt.want, tt.status, tt.errURL)
			if n := hits.load() - before; n > tt.maxHits {
				t.Errorf("server saw %d requests, want at most %d (no retry)", n, tt.maxHits)
			}
		})
	}
}

func checkChainError(t *testing.T, err, want error, status int, errURL string) {
	t.Helper()
	if status != 0 {
		var he *fetch.HTTPError
		if !errors.As(err, &he) || he.StatusCode != status || he.URL != errURL {
			t.Fatalf("err = %v, want HTTP %d naming %s", err, status, errURL)
		}
		return
	}
	if !errors.Is(err, want) {
		t.Fatalf("err = %v, want %v", err, want)
	}
	if !strings.HasPrefix(err.Error(), "fetch: "+errURL+": ") {
		t.Errorf("error %q does not name %s", err, errURL)
	}
	if fetch.Retryable(err) {
		t.Errorf("%v must not be retried", err)
	}
}

// TestRedirectBodyDrained checks that the connection is reused across the
// hops of a chain whose redirects carry bodies, which needs each redirect's
// body read to the end and closed.
func TestRedirectBodyDrained(t *testing.T) {
	filler := bytes.Repeat([]byte("moved "), 2000)
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		k, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/"))
		if k == 0 {
			w.Write([]byte(rssFeed))
			return
		}
		w.Header().Set("Location", "/"+strconv.Itoa(k-1))
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusFound)
		w.Write(filler)
	}))
	var conns counter
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.add(1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	c := newClient(t, fastOptions())
	for range 2 {
		if _, err := c.Fetch(context.Background(), fetch.Request{URL: srv.URL + "/5"}); err != nil {
			t.Fatal(err)
		}
	}
	if n := conns.load(); n != 1 {
		t.Errorf("12 requests over %d connections, want 1", n)
	}
}

func TestRedirectLogged(t *testing.T) {
	srv := redirector(t, "http://127.0.0.1:1") // refused: the hop is logged before it is made
	var buf syncbuf.Buffer
	c := fetch.New(fastOptions(), slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})))
	defer c.Close()
	req := fetch.Request{URL: srv.URL + "/a", Retries: -1}
	if _, err := c.Fetch(context.Background(), req); !errors.Is(err, fetch.ErrConnRefused) {
		t.Fatalf("err = %v, want ErrConnRefused", err)
	}
	want := fmt.Sprintf("msg=\"fetch: redirect\" url=%s from=%s to=%s", req.URL, req.URL, "http://127.0.0.1:1/a")
	if !strings.Contains(buf.String(), want) {
		t.Errorf("log %q lacks %q", buf.String(), want)
	}
}
