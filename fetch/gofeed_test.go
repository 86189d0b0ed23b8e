package fetch_test

import (
	"bytes"
	"context"
	"net/http"
	"testing"

	"github.com/mmcdole/gofeed"
	"golang.org/x/text/encoding/charmap"

	"github.com/refeed/refeed/fetch"
)

// TestFetchedFeedParsesOnce checks the hand-off to gofeed: a legacy-encoded
// feed comes out as UTF-8 with its declaration rewritten, so the parser
// does not decode the text a second time.
func TestFetchedFeedParsesOnce(t *testing.T) {
	for _, tt := range []struct {
		label string
		cm    *charmap.Charmap
	}{{"windows-1256", charmap.Windows1256}, {"ISO-8859-6", charmap.ISO8859_6}} {
		t.Run(tt.label, func(t *testing.T) {
			raw := encode(t, tt.cm, `<?xml version="1.0" encoding="`+tt.label+`"?>`+
				`<rss version="2.0"><channel><title>`+arabic+`</title><item><title>`+arabic+`</title></item></channel></rss>`)
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/rss+xml")
				w.Write(raw)
			})
			resp, err := newClient(t, fastOptions()).FetchFeed(context.Background(), fetch.Request{URL: srv.URL})
			if err != nil {
				t.Fatal(err)
			}
			feed, err := gofeed.NewParser().Parse(bytes.NewReader(resp.Body))
			if err != nil {
				t.Fatal(err)
			}
			if feed.Title != arabic || len(feed.Items) != 1 || feed.Items[0].Title != arabic {
				t.Errorf("parsed title %q, want %q", feed.Title, arabic)
			}
		})
	}
}
