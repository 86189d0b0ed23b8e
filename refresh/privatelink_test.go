package refresh_test

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/internal/syncbuf"
	"github.com/refeed/refeed/refresh"
)

// TestLinkIntoPrivateNetworkIsRefused: a feed on 127.0.0.1 whose item
// links to http://localhost:PORT/… (another host, on a loopback address)
// does not get that page fetched: the item keeps the feed's text, the log
// names the URL and the rule, and the run goes on. With allow_networks
// holding loopback, the article is fetched.
func TestLinkIntoPrivateNetworkIsRefused(t *testing.T) {
	s := newSite(t)
	sitePort := mustPort(t, s.srv.URL)
	link := fmt.Sprintf("http://localhost:%s/a/one", sitePort)
	feed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>t</title><item><title>One</title><link>%s</link>`+
			`<description>the feed keeps its own words</description></item></channel></rss>`, link)
	}))
	t.Cleanup(feed.Close)
	src := fmt.Sprintf(`{name: src, url: "%s/feed", fulltext: true}`, feed.URL)

	for _, tc := range []struct {
		name, allow string
		refused     bool
	}{
		{"refused", "", true},
		{"allowed", `allow_networks: [127.0.0.0/8, "::1"]`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixtureWith(t, src, 10, tc.allow)
			var logs syncbuf.Buffer
			f.runner = refresh.New(f.cfg, mustOpen(t, f.cfg.State), fetch.New(refresh.FetchOptions(f.cfg), nil),
				slog.New(slog.NewTextHandler(&logs, nil)), refresh.Options{})
			before := s.hits("/a/one")
			res := f.run(t).Sources[0]
			items := f.output(t)
			if len(items) != 1 {
				t.Fatalf("%d items in the output, want 1", len(items))
			}
			got := items[0].Content + items[0].Description
			if !tc.refused {
				if res.Err != nil || res.Extracted != 1 || s.hits("/a/one") != before+1 || !strings.Contains(got, "Paragraph 5 of article one") {
					t.Errorf("allowed: result %+v, page hits %d, item %q; want the article", res, s.hits("/a/one")-before, got)
				}
				return
			}
			if res.Err != nil || res.Failed != 1 || res.Extracted != 0 {
				t.Errorf("result %+v, want the source to succeed with one failed article", res)
			}
			if n := s.hits("/a/one") + s.hits("/robots.txt"); n != before {
				t.Errorf("the private page was requested %d times", n-before)
			}
			if !strings.Contains(got, "the feed keeps its own words") {
				t.Errorf("item %q should keep the feed's text", got)
			}
			log := logs.String()
			for _, want := range []string{"article refused", link, "loopback address", "allow_networks"} {
				if !strings.Contains(log, want) {
					t.Errorf("log lacks %q:\n%s", want, log)
				}
			}
		})
	}
}

func mustPort(t *testing.T, raw string) string {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u.Port()
}
