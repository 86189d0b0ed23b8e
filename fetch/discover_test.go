package fetch_test

import (
	"context"
	"errors"
	"net/http"
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
