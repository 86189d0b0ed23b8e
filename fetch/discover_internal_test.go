package fetch

import (
	"net/url"
	"testing"
)

// FuzzDiscoverFeed checks that any page yields either no feed or an
// absolute http(s) URL, and never panics.
func FuzzDiscoverFeed(f *testing.F) {
	f.Add([]byte(`<link rel="alternate" type="application/rss+xml" href="/rss">`))
	f.Add([]byte(`<base href="//cdn.example/x/"><link rel="ALTERNATE feed" type="application/atom+xml; charset=utf-8" href="a.xml">`))
	f.Add([]byte(`<link rel=alternate type=application/feed+json href="http://[::1">`))
	f.Add([]byte(`<link rel=alternate type=application/rss+xml href="javascript:alert(1)">`))
	f.Fuzz(func(t *testing.T, page []byte) {
		got := discoverFeed(page, "https://news.example/section/")
		if got == "" {
			return
		}
		u, err := url.Parse(got)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			t.Fatalf("discoverFeed(%q) = %q, not an absolute http(s) URL", page, got)
		}
	})
}
