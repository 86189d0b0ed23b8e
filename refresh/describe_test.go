package refresh_test

import (
	"errors"
	"fmt"
	"net"
	"testing"

	"github.com/refeed/refeed/feeds"
	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/refresh"
)

func TestDescribe(t *testing.T) {
	dns := &fetch.Error{URL: "https://x.example/rss", Kind: fetch.ErrDNS, Err: &net.DNSError{Err: "no such host", Name: "x.example"}}
	tests := []struct {
		err  error
		want string
	}{
		{&fetch.HTTPError{URL: "https://x.example/rss", StatusCode: 404, Status: "404 Not Found"}, "The feed is not there (HTTP 404): check the source's url."},
		{&fetch.HTTPError{URL: "https://x.example/rss", StatusCode: 503, Status: "503 Service Unavailable"}, "The site has a server error (HTTP 503)."},
		{dns, "The site's name does not resolve (DNS)."},
		{fmt.Errorf("refresh: %w", &fetch.Error{URL: "https://x.example/", Kind: fetch.ErrConnRefused}), "The site refused the connection."},
		{fmt.Errorf("%w: %w", feeds.ErrNotFeed, errors.New("EOF")), "What the URL serves is not an RSS, Atom or JSON feed."},
		{errors.New("something new"), ""},
	}
	for _, tt := range tests {
		if got := refresh.Describe(tt.err.Error()); got != tt.want {
			t.Errorf("Describe(%q) = %q, want %q", tt.err, got, tt.want)
		}
	}
}
