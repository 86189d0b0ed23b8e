package fetch_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/refeed/refeed/fetch"
)

const rssFeed = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title></channel></rss>`

func TestFetchConditionalGet(t *testing.T) {
	const etag, lastMod = `"v1"`, "Sat, 28 Nov 2026 10:00:00 GMT"
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == lastMod {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(rssFeed))
	})
	c := newClient(t, fastOptions())
	ctx := context.Background()

	first, err := c.Fetch(ctx, fetch.Request{URL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	if first.NotModified || first.StatusCode != 200 || first.ETag != etag || first.LastModified != lastMod {
		t.Fatalf("first fetch = %d notModified=%v etag=%q lastmod=%q", first.StatusCode, first.NotModified, first.ETag, first.LastModified)
	}
	if string(first.Body) != rssFeed || first.MediaType != "application/rss+xml" {
		t.Errorf("first body = %q (%s)", first.Body, first.MediaType)
	}

	for _, req := range []fetch.Request{
		{URL: srv.URL, ETag: first.ETag},
		{URL: srv.URL, LastModified: first.LastModified},
	} {
		second, err := c.Fetch(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		if !second.NotModified || second.StatusCode != http.StatusNotModified || len(second.Body) != 0 {
			t.Errorf("conditional fetch = %d notModified=%v body=%d bytes", second.StatusCode, second.NotModified, len(second.Body))
		}
		if second.ETag != req.ETag || second.LastModified != req.LastModified {
			t.Errorf("304 validators = %q %q, want the ones sent back", second.ETag, second.LastModified)
		}
	}
}

func TestFetchRequestHeaders(t *testing.T) {
	var got http.Header
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Clone()
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<p>hi</p>"))
	})
	c := newClient(t, fastOptions())
	_, err := c.Fetch(context.Background(), fetch.Request{URL: srv.URL, Kind: fetch.KindPage, IgnoreRobots: true,
		Headers: map[string]string{"Cookie": "consent=1"}})
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]string{
		"User-Agent":      "refeed-test/1.0",
		"Accept-Encoding": "gzip, deflate, br",
		"Cookie":          "consent=1",
	} {
		if got.Get(k) != want {
			t.Errorf("%s = %q, want %q", k, got.Get(k), want)
		}
	}
	if !strings.HasPrefix(got.Get("Accept"), "text/html") {
		t.Errorf("page Accept = %q", got.Get("Accept"))
	}
	if got.Get("If-None-Match") != "" || got.Get("If-Modified-Since") != "" {
		t.Errorf("validators sent without being asked: %v", got)
	}
}

func TestFetchRedirects(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/new", http.StatusMovedPermanently) })
	mux.HandleFunc("/new", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(rssFeed)) })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	srv := newServer(t, mux.ServeHTTP)
	c := newClient(t, fastOptions())

	resp, err := c.Fetch(context.Background(), fetch.Request{URL: srv.URL + "/old"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.URL != srv.URL+"/new" {
		t.Errorf("final URL = %q, want %q", resp.URL, srv.URL+"/new")
	}

	_, err = c.Fetch(context.Background(), fetch.Request{URL: srv.URL + "/loop"})
	if !errors.Is(err, fetch.ErrTooManyRedirects) {
		t.Fatalf("redirect loop: err = %v, want ErrTooManyRedirects", err)
	}
	if !strings.Contains(err.Error(), srv.URL+"/loop") {
		t.Errorf("error %q does not name the URL", err)
	}
	if fetch.Retryable(err) {
		t.Errorf("a redirect loop must not be retried")
	}
}

func TestFetchStatusErrors(t *testing.T) {
	tests := []struct {
		status    int
		retryable bool
		attempts  int32
	}{
		{http.StatusNotFound, false, 1},
		{http.StatusForbidden, false, 1},
		{http.StatusGone, false, 1},
		{http.StatusServiceUnavailable, true, 4},
		{http.StatusTooManyRequests, true, 4},
	}
	for _, tt := range tests {
		t.Run(http.StatusText(tt.status), func(t *testing.T) {
			var hits counter
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				hits.add(1)
				http.Error(w, "no", tt.status)
			})
			c := newClient(t, fastOptions())
			_, err := c.Fetch(context.Background(), fetch.Request{URL: srv.URL + "/feed"})
			var httpErr *fetch.HTTPError
			if !errors.As(err, &httpErr) || httpErr.StatusCode != tt.status {
				t.Fatalf("err = %v, want *HTTPError %d", err, tt.status)
			}
			if got := fetch.Retryable(err); got != tt.retryable {
				t.Errorf("Retryable = %v, want %v", got, tt.retryable)
			}
			if got := hits.load(); got != tt.attempts {
				t.Errorf("server saw %d attempts, want %d", got, tt.attempts)
			}
			if want := "fetch: " + srv.URL + "/feed: http status"; !strings.HasPrefix(err.Error(), want) {
				t.Errorf("error %q, want prefix %q", err, want)
			}
		})
	}
}

func TestFetchNotText(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/sniffed" {
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
			return
		}
		w.Header().Set("Content-Type", "image/jpeg")
		w.Write([]byte("\xff\xd8\xff\xe0"))
	})
	c := newClient(t, fastOptions())
	for _, path := range []string{"/photo", "/sniffed"} {
		_, err := c.Fetch(context.Background(), fetch.Request{URL: srv.URL + path})
		if !errors.Is(err, fetch.ErrNotText) {
			t.Errorf("%s: err = %v, want ErrNotText", path, err)
		}
	}
}

func TestFetchBadURL(t *testing.T) {
	c := newClient(t, fastOptions())
	for _, u := range []string{"", "ftp://example.org/feed", "/relative", "http://%zz"} {
		if _, err := c.Fetch(context.Background(), fetch.Request{URL: u}); !errors.Is(err, fetch.ErrBadURL) {
			t.Errorf("Fetch(%q) err = %v, want ErrBadURL", u, err)
		}
	}
}

func TestFetchBlockPrivate(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(rssFeed)) })
	opts := fastOptions()
	opts.BlockPrivate = true
	_, err := newClient(t, opts).Fetch(context.Background(), fetch.Request{URL: srv.URL})
	if !errors.Is(err, fetch.ErrPrivateAddress) {
		t.Fatalf("err = %v, want ErrPrivateAddress", err)
	}
	if fetch.Retryable(err) {
		t.Errorf("a refused private address must not be retried")
	}
}
