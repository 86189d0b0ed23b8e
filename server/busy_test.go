package server

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// busyProvider is a Provider whose listing, which reads the state, fails
// as if a poll kept the state busy; HasFeed, from the config, answers.
type busyProvider struct {
	fakeProvider
}

func (p *busyProvider) Feeds(context.Context) ([]Feed, error) {
	return nil, errors.New("state busy")
}

// A feed request asks the provider only whether the feed exists, so it is
// answered while the feed listing (the index, OPML) waits for a poll.
func TestFeedAnsweredWhileStateBusy(t *testing.T) {
	p := &busyProvider{fakeProvider: fakeProvider{feeds: testFeeds()}}
	s, _ := newTestServer(t, func(o *Options) { o.Provider = p })
	for _, target := range []string{"/iraq.xml", "/iraq.atom", "/iraq.json"} {
		if rec := do(t, s, http.MethodGet, target, nil); rec.Code != http.StatusOK {
			t.Errorf("GET %s = %d, want 200", target, rec.Code)
		}
	}
	if rec := do(t, s, http.MethodGet, "/nope.xml", nil); rec.Code != http.StatusNotFound {
		t.Errorf("GET /nope.xml = %d, want 404", rec.Code)
	}
}

// While one request reads a rewritten feed file into the cache, the others
// get the copy the cache holds instead of waiting; a file never cached
// makes them wait for the reading, and then they get the new file.
func TestRewrittenFeedServedFromCacheWhileLoading(t *testing.T) {
	s, dir := newTestServer(t, nil)
	if rec := do(t, s, http.MethodGet, "/iraq.xml", nil); rec.Body.String() != rssBody {
		t.Fatalf("first GET = %q", rec.Body.String())
	}
	path := filepath.Join(dir, "iraq.xml")
	writeFeedFile(t, path, rssBody+"<!-- new -->", modTime.Add(time.Minute))

	// Another request is reading the new file (it holds the load).
	l := &fileLoad{done: make(chan struct{})}
	s.mu.Lock()
	s.loads[path] = l
	s.mu.Unlock()
	if rec := do(t, s, http.MethodGet, "/iraq.xml", nil); rec.Body.String() != rssBody {
		t.Errorf("GET during the load = %q, want the cached copy", rec.Body.String())
	}

	// A file with no cached copy: the request waits for the load's result.
	atom := filepath.Join(dir, "iraq.atom")
	la := &fileLoad{done: make(chan struct{})}
	s.mu.Lock()
	s.loads[atom] = la
	s.mu.Unlock()
	got := make(chan string)
	go func() { got <- do(t, s, http.MethodGet, "/iraq.atom", nil).Body.String() }()
	select {
	case b := <-got:
		t.Fatalf("GET of an uncached file answered %q before its load ended", b)
	case <-time.After(50 * time.Millisecond):
	}
	fi, err := os.Stat(atom)
	if err != nil {
		t.Fatal(err)
	}
	la.c, la.err = readFile(atom, fi)
	close(la.done)
	if b := <-got; b != atomBody {
		t.Errorf("GET after the load = %q, want the file", b)
	}

	// Once the load is over, the new file is read.
	s.mu.Lock()
	delete(s.loads, path)
	s.mu.Unlock()
	if rec := do(t, s, http.MethodGet, "/iraq.xml", nil); rec.Body.String() != rssBody+"<!-- new -->" {
		t.Errorf("GET after the load = %q, want the rewritten file", rec.Body.String())
	}
}
