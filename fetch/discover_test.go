package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync/atomic"
	"testing"

	"github.com/refeed/refeed/fetch"
)

func TestFetchFeedDiscovery(t *testing.T) {
	pages := map[string]string{
		"/both": `<html><head><link rel="alternate" type="application/atom+xml" href="/atom.xml">` +
			`<link rel="alternate" type="application/rss+xml" href="feeds/rss.xml"></head><body></body></html>`,
		"/base":     `<html><head><base href="/sub/"><link rel="alternate feed" type="application/rss+xml" href="rss.xml"></head></html>`,
		"/json":     `<html><head><link rel="alternate" type="application/feed+json" href="/feed.json"></head></html>`,
		"/none":     `<html><head><link rel="stylesheet" href="/s.css"></head><body>no feed</body></html>`,
		"/bad-link": `<html><head><link rel="alternate" type="application/rss+xml" href="/none"></head></html>`,
	}
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feeds/rss.xml", "/sub/rss.xml", "/atom.xml":
			w.Header().Set("Content-Type", "application/xml")
			w.Write([]byte(rssFeed))
		case "/feed-as-html":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(rssFeed))
		case "/feed.json":
			w.Header().Set("Content-Type", "application/feed+json")
			w.Write([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[]}`))
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(pages[r.URL.Path]))
		}
	})
	tests := []struct {
		path    string
		wantURL string
		wantErr error
	}{
		{"/both", "/feeds/rss.xml", nil},
		{"/base", "/sub/rss.xml", nil},
		{"/json", "/feed.json", nil},
		{"/atom.xml", "/atom.xml", nil},
		{"/feed-as-html", "/feed-as-html", nil},
		{"/none", "", fetch.ErrNoFeed},
		{"/bad-link", "", fetch.ErrNoFeed},
	}
	c := newClient(t, fastOptions())
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, err := c.FetchFeed(context.Background(), fetch.Request{URL: srv.URL + tt.path})
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if resp.URL != srv.URL+tt.wantURL {
				t.Errorf("URL = %q, want %q", resp.URL, srv.URL+tt.wantURL)
			}
		})
	}
}

func TestFetchFeedRemembersDiscovery(t *testing.T) {
	var pageHits counter
	var feedPath atomic.Value
	feedPath.Store("/rss-1.xml")
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		current := feedPath.Load().(string)
		switch r.URL.Path {
		case "/":
			pageHits.add(1)
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprintf(w, `<html><head><link rel="alternate" type="application/rss+xml" href="%s"></head></html>`, current)
		case current:
			w.Write([]byte(rssFeed))
		default:
			http.NotFound(w, r)
		}
	})
	c := newClient(t, fastOptions())
	get := func() *fetch.Response {
		t.Helper()
		resp, err := c.FetchFeed(context.Background(), fetch.Request{URL: srv.URL + "/"})
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
	if resp := get(); resp.URL != srv.URL+"/rss-1.xml" || resp.DiscoveredFrom != srv.URL+"/" {
		t.Fatalf("first: URL %q DiscoveredFrom %q", resp.URL, resp.DiscoveredFrom)
	}
	get()
	if pageHits.load() != 1 {
		t.Errorf("page fetched %d times, want once: the discovery should be remembered", pageHits.load())
	}
	feedPath.Store("/rss-2.xml") // the site moves its feed
	if resp := get(); resp.URL != srv.URL+"/rss-2.xml" {
		t.Errorf("after the move: URL %q, want the new feed", resp.URL)
	}
	if pageHits.load() != 2 {
		t.Errorf("page fetched %d times, want twice: a gone feed should be rediscovered", pageHits.load())
	}
}
