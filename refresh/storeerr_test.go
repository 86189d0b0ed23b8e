package refresh_test

import (
	"database/sql"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/internal/syncbuf"
	"github.com/refeed/refeed/refresh"
)

// TestArticleStateErrorsAreLogged: when the state cannot answer for an
// article's failures (here its table is gone), the error is logged instead
// of the article being skipped without a word.
func TestArticleStateErrorsAreLogged(t *testing.T) {
	s := newSite(t)
	s.set("a")
	f := newFixture(t, s, 10)
	db, err := sql.Open("sqlite", f.cfg.State)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	st := mustOpen(t, f.cfg.State) // migrates the new state
	if _, err := db.Exec(`DROP TABLE article_failures`); err != nil {
		t.Fatal(err)
	}
	var logs syncbuf.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, nil))
	f.runner = refresh.New(f.cfg, st, fetch.New(refresh.FetchOptions(f.cfg), nil), logger,
		refresh.Options{Now: func() time.Time { return f.now }})
	f.run(t)
	if !strings.Contains(logs.String(), "no such table: article_failures") {
		t.Errorf("the state's error is not in the log:\n%s", logs.String())
	}
}
