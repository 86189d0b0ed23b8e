package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/refeed/refeed/feeds"
	"github.com/refeed/refeed/store"
)

// snapshot is everything a test state holds, read through the store's API.
type snapshot struct {
	Items      []feeds.Item
	ETag, LM   string
	Health     []store.SourceHealth
	Attempt    store.Attempt
	Feed       store.FeedState
	Discovered string
	Version    int
}

func takeSnapshot(t *testing.T, s *store.Store) snapshot {
	t.Helper()
	ctx := context.Background()
	var sn snapshot
	var err error
	check := func(e error) {
		if e != nil {
			t.Helper()
			t.Fatal(e)
		}
	}
	sn.Items, err = s.ItemsForSources(ctx, []string{"buratha", "other"})
	check(err)
	sn.ETag, sn.LM, err = s.Validators(ctx, "https://burathanews.com/rss.php")
	check(err)
	sn.Health, err = s.Health(ctx)
	check(err)
	sn.Attempt, err = s.ArticleAttempt(ctx, "https://burathanews.com/broken")
	check(err)
	sn.Feed, err = s.FeedState(ctx, "iraq")
	check(err)
	sn.Discovered, err = s.DiscoveredFeed(ctx, "https://site.example/")
	check(err)
	sn.Version, err = s.SchemaVersion(ctx)
	check(err)
	return sn
}

// TestCopyTo_RoundTrip copies a SQLite state with items, validators,
// health, failures, a feed fingerprint and a discovered feed into the
// backend of this run (PostgreSQL on the second pass) and back into a new
// SQLite file: the state reads back the same, and a second copy into a
// database that holds state is refused without touching it.
func TestCopyTo_RoundTrip(t *testing.T) {
	ctx := context.Background()
	src, err := store.Open(ctx, filepath.Join(t.TempDir(), "src.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	pub := time.Date(2026, 11, 27, 10, 30, 15, 123456789, time.UTC)
	items := []feeds.Item{fullItem("a1", pub), fullItem("a2", pub.Add(-time.Hour))}
	items[1].Extracted = false
	for _, step := range []error{
		src.SaveSourceItems(ctx, "buratha", items),
		src.SaveSourceItems(ctx, "other", []feeds.Item{{ID: "o1", URL: "https://other.example/1", Title: "Other"}}),
		src.SaveValidators(ctx, "https://burathanews.com/rss.php", `W/"abc"`, "Mon, 02 Jan 2026 15:04:05 GMT"),
		src.RecordSuccess(ctx, "buratha", pub, 20, 2, pub.Add(10*time.Minute)),
		src.RecordFailure(ctx, "other", pub, errors.New("HTTP 503"), pub.Add(5*time.Minute)),
		src.RecordFailure(ctx, "other", pub.Add(5*time.Minute), errors.New("HTTP 503 again"), pub.Add(15*time.Minute)),
		src.RecordArticleFailure(ctx, "https://burathanews.com/broken", pub, errors.New("timeout")),
		src.SaveFeedState(ctx, "iraq", store.FeedState{Hash: "h1", Built: pub, Items: 3}),
		src.SaveDiscoveredFeed(ctx, "https://site.example/", "https://site.example/rss.xml"),
		src.ClaimLease(ctx, store.Claim{Source: "buratha", Host: "burathanews.com", Holder: "w1", For: time.Minute}, pub),
	} {
		if step != nil {
			t.Fatal(step)
		}
	}
	want := takeSnapshot(t, src)
	if len(want.Items) != 3 || want.ETag == "" || len(want.Health) != 2 || want.Attempt.Attempts != 1 || want.Discovered == "" {
		t.Fatalf("test state incomplete: %+v", want)
	}

	mid := mustOpen(t)
	counts, err := src.CopyTo(ctx, mid)
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]int64{}
	for _, c := range counts {
		rows[c.Table] = c.Rows
	}
	if rows["items"] != 3 || rows["validators"] != 1 || rows["source_health"] != 2 || rows["source_leases"] != 0 {
		t.Errorf("copied rows = %v, want 3 items, 1 validator, 2 health rows, no leases", rows)
	}
	if got := takeSnapshot(t, mid); !reflect.DeepEqual(got, want) {
		t.Errorf("after copy:\n got %+v\nwant %+v", got, want)
	}
	back, err := store.Open(ctx, filepath.Join(t.TempDir(), "back.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	if _, err := mid.CopyTo(ctx, back); err != nil {
		t.Fatal(err)
	}
	if got := takeSnapshot(t, back); !reflect.DeepEqual(got, want) {
		t.Errorf("after the round trip:\n got %+v\nwant %+v", got, want)
	}

	if _, err := src.CopyTo(ctx, mid); err == nil || !strings.Contains(err.Error(), "already holds state") {
		t.Errorf("copy into a database with state: %v, want refused", err)
	}
	if got := takeSnapshot(t, mid); !reflect.DeepEqual(got, want) {
		t.Errorf("refused copy changed the target")
	}
}
