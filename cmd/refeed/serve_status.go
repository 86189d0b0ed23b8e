package main

import (
	"context"

	"github.com/refeed/refeed/refresh"
	"github.com/refeed/refeed/server"
	"github.com/refeed/refeed/store"
)

// Feeds lists the configured output feeds with their size and last write,
// for the server's index and OPML; it implements server.Provider.
func (d *daemon) Feeds(ctx context.Context) ([]server.Feed, error) {
	cfg := d.cfg.Load()
	out := make([]server.Feed, 0, len(cfg.Feeds))
	for _, f := range cfg.Feeds {
		st, err := d.st.FeedState(ctx, f.Name)
		if err != nil {
			return nil, err
		}
		out = append(out, server.Feed{
			Name: f.Name, Title: f.Title, Description: f.Description, Language: f.Language,
			Items: st.Items, Updated: st.Built, Sources: f.Sources,
		})
	}
	return out, nil
}

// HasFeed reports whether name is a feed of the running config; it reads
// no state, so feed requests never wait for a poll's queries.
func (d *daemon) HasFeed(_ context.Context, name string) (bool, error) {
	return d.cfg.Load().Feed(name) != nil, nil
}

// Sources reports the health of the configured sources, in config order,
// with the items the state holds for each, when each is polled next (see
// refresh.NextPoll) and its latest polls; it implements server.Provider.
func (d *daemon) Sources(ctx context.Context) ([]server.SourceHealth, error) {
	cfg, runner := d.cfg.Load(), d.runner.Load()
	health, err := d.st.Health(ctx)
	if err != nil {
		return nil, err
	}
	counts, err := d.st.ItemCounts(ctx)
	if err != nil {
		return nil, err
	}
	history, err := d.st.PollHistory(ctx)
	if err != nil {
		return nil, err
	}
	byName := make(map[string]store.SourceHealth, len(health))
	for _, h := range health {
		byName[h.Source] = h
	}
	out := make([]server.SourceHealth, 0, len(cfg.Sources))
	for i := range cfg.Sources {
		src := &cfg.Sources[i]
		h := byName[src.Name]
		out = append(out, server.SourceHealth{
			Name: src.Name, URL: src.URL,
			LastSuccess: h.LastSuccess, LastError: h.LastError, LastErrorAt: h.LastErrorAt,
			LastErrorWords: refresh.Describe(h.LastError),
			Failures:       h.ConsecutiveFailures, Items: counts[src.Name],
			NextPoll: refresh.NextPoll(h, runner.Interval(src)),
			History:  serverPolls(history[src.Name]),
		})
	}
	return out, nil
}

// serverPolls converts the state's poll history for the server.
func serverPolls(polls []store.Poll) []server.Poll {
	out := make([]server.Poll, len(polls))
	for i, p := range polls {
		out[i] = server.Poll{At: p.At, New: p.New, Failed: p.Failed}
	}
	return out
}

var _ server.Provider = (*daemon)(nil)
