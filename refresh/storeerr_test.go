package refresh_test

import (
	"bytes"
	"database/sql"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/refresh"
)

// syncBuffer is a bytes.Buffer safe for the runner's concurrent logging.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

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
	var logs syncBuffer
	logger := slog.New(slog.NewTextHandler(&logs, nil))
	f.runner = refresh.New(f.cfg, st, fetch.New(refresh.FetchOptions(f.cfg), nil), logger,
		refresh.Options{Now: func() time.Time { return f.now }})
	f.run(t)
	if !strings.Contains(logs.String(), "no such table: article_failures") {
		t.Errorf("the state's error is not in the log:\n%s", logs.String())
	}
}
