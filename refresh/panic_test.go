package refresh_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/refresh"
)

// panicky is an Observer that panics when it sees a fetch of kind, standing
// in for a bug that one document trips inside the pipeline.
type panicky struct{ kind string }

func (p panicky) ObserveFetch(kind, _, _ string, _ time.Duration) {
	if kind == p.kind {
		panic("boom on " + kind)
	}
}
func (panicky) ObserveExtract(string, time.Duration) {}
func (panicky) SetFeedItems(string, int)             {}
func (panicky) SourceFailure(string)                 {}
func (panicky) SourceSuccess(string, time.Time)      {}

// TestPanicFailsOnlyItsWork: a panic while handling an article page fails
// that article and a panic while handling a source fails that source; the
// run goes on and writes the feeds.
func TestPanicFailsOnlyItsWork(t *testing.T) {
	for _, kind := range []string{"page", "feed"} {
		t.Run(kind, func(t *testing.T) {
			s := newSite(t)
			s.set("a")
			f := newFixture(t, s, 10)
			f.runner = refresh.New(f.cfg, mustOpen(t, f.cfg.State), fetch.New(refresh.FetchOptions(f.cfg), nil), nil,
				refresh.Options{Now: func() time.Time { return f.now }, Observer: panicky{kind}})
			sum, err := f.runner.RunOnce(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			r := sum.Sources[0]
			switch kind {
			case "page":
				if r.Err != nil || r.Failed != 1 {
					t.Errorf("source result %+v, want the article failed and the source fine", r)
				}
				if items := f.output(t); len(items) != 1 || !strings.Contains(items[0].Description, "summary of a") {
					t.Errorf("output lacks the item with its feed summary")
				}
			case "feed":
				if r.Err == nil || !strings.Contains(r.Err.Error(), "panicked") {
					t.Errorf("source error %v, want the panic", r.Err)
				}
				if len(sum.Feeds) != 1 || sum.Feeds[0].Err != nil {
					t.Errorf("feeds not written after a source panicked: %+v", sum.Feeds)
				}
			}
		})
	}
}
