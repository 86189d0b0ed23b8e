package main

import (
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/feeds"
	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/refresh"
	"github.com/refeed/refeed/store"
)

// TestIndexSourcesComeFromTheState checks what serve hands the index
// about each source: the items the state holds (not the last response's,
// 0 after a 304), the next poll by the one backoff policy, the last error
// in words and the poll history.
func TestIndexSourcesComeFromTheState(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	path := writeConfig(t, dir, `
state: state.db
output: out
interval: 20m
sources:
  - {name: good, url: "http://127.0.0.1:1/good.xml"}
  - {name: bad, url: "http://127.0.0.1:1/bad.xml"}
feeds:
  - {name: all, sources: ["*"]}
`)
	cfg, err := config.ReadConfigFile(path)
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, filepath.Join(dir, "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	at := time.Now().Add(-time.Minute).UTC()
	items := []feeds.Item{{ID: "1", URL: "http://127.0.0.1:1/1"}, {ID: "2", URL: "http://127.0.0.1:1/2"}}
	failure := &fetch.HTTPError{URL: "http://127.0.0.1:1/bad.xml", StatusCode: 404, Status: "404 Not Found"}
	for _, step := range []error{
		st.SaveSourceItems(ctx, "good", items),
		st.RecordSuccess(ctx, "good", at, 0, 0, time.Time{}), // a 304: nothing seen
		st.RecordPoll(ctx, "good", store.Poll{At: at.Add(-time.Hour), New: 2}),
		st.RecordPoll(ctx, "good", store.Poll{At: at}),
		st.RecordFailure(ctx, "bad", at, failure, refresh.NextAttempt(at, 20*time.Minute, 1, failure)),
		st.RecordPoll(ctx, "bad", store.Poll{At: at, Failed: true}),
	} {
		if step != nil {
			t.Fatal(step)
		}
	}
	client := fetch.New(refresh.FetchOptions(cfg), nil)
	defer client.Close()
	d, err := newDaemon(path, cfg, st, client, slog.New(slog.DiscardHandler), serveOptions{grace: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	got, err := d.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	good, bad := got[0], got[1]
	if good.Items != 2 || len(good.History) != 2 || good.History[0].New != 2 || !good.NextPoll.Equal(at.Add(20*time.Minute)) {
		t.Errorf("good = %+v, want its 2 stored items, 2 polls and the next poll an interval after the last", good)
	}
	if bad.Failures != 1 || !bad.NextPoll.Equal(at.Add(20*time.Minute)) || bad.LastErrorWords == "" ||
		len(bad.History) != 1 || !bad.History[0].Failed {
		t.Errorf("bad = %+v, want one failure, its next attempt, its error in words and its failed poll", bad)
	}
}
