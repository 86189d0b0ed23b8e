package refresh_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/refresh"
)

// TestDuplicateDropsAreLogged: a feed merging two sources that tell one
// story says at info how many items it dropped as duplicates and why, and
// names each at debug.
func TestDuplicateDropsAreLogged(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		title, own := "رئيس الوزراء يستقبل وفداً أمريكياً في بغداد", "Parliament votes on the budget law"
		if r.URL.Path == "/b" {
			title, own = "عاجل: "+title, "Floods close the road to Basra airport"
		}
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>t</title>
<item><title>%s</title><link>http://%s%s/1</link><pubDate>Mon, 26 Jan 2026 10:00:00 +0000</pubDate></item>
<item><title>%s</title><link>http://%s%s/2</link><pubDate>Mon, 26 Jan 2026 11:00:00 +0000</pubDate></item>
</channel></rss>`, title, r.Host, r.URL.Path, own, r.Host, r.URL.Path)
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	cfg, err := config.ParseConfig(strings.NewReader(fmt.Sprintf(`
output: %s
state: %s
retries: 0
host_delay: 1ms
sources:
  - {name: a, url: "%s/a"}
  - {name: b, url: "%s/b"}
feeds:
  - {name: all, sources: [a, b]}
`, filepath.Join(dir, "out"), filepath.Join(dir, "state.db"), srv.URL, srv.URL)), filepath.Join(dir, "sources.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	now := time.Date(2026, 1, 27, 12, 0, 0, 0, time.UTC)
	runner := refresh.New(cfg, mustOpen(t, cfg.State), fetch.New(refresh.FetchOptions(cfg), nil), logger,
		refresh.Options{Now: func() time.Time { return now }})
	sum, err := runner.RunOnce(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if sum.Feeds[0].Items != 3 {
		t.Errorf("feed has %d items, want 3 of 4", sum.Feeds[0].Items)
	}
	for _, want := range []string{
		`level=INFO msg="duplicates dropped" feed=all dropped=1 same_article=0 similar_title=1`,
		// Both items carry the same date, so which one is kept is not
		// the point here: that the dropped one is named is.
		`level=DEBUG msg="duplicate dropped" feed=all why="title nearly identical to an older item's" title=`,
	} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %s\n%s", want, logs.String())
		}
	}
}
