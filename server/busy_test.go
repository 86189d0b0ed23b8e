package server

import (
	"context"
	"errors"
	"net/http"
	"testing"
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
