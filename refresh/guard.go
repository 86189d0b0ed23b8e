package refresh

import (
	"context"
	"fmt"
	"runtime/debug"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/extract"
	"github.com/refeed/refeed/feeds"
)

// safeRefresh is refresh for a goroutine of RunOnce: a panic (a bug in a
// parser or the extractor, tripped by one odd document) fails that source
// instead of killing the run.
func (r *Runner) safeRefresh(ctx context.Context, src *config.Source) (res SourceResult) {
	defer func() {
		if p := recover(); p != nil {
			r.log.Error("source panicked", "source", src.Name, "panic", p, "stack", string(debug.Stack()))
			res = SourceResult{Source: src.Name, Err: fmt.Errorf("refresh: source %s panicked: %v", src.Name, p)}
		}
	}()
	return r.refresh(ctx, src)
}

// safeArticleFor is articleFor for a goroutine of extractArticles: a panic
// on one page fails that article, with its retry backoff, instead of
// killing the run or the daemon (the scheduler's own recover does not
// reach these goroutines).
func (r *Runner) safeArticleFor(ctx context.Context, src *config.Source, rule *extract.Rule, it *feeds.Item) (outcome articleOutcome) {
	defer func() {
		if p := recover(); p != nil {
			r.log.Error("article panicked; keeping the item's content", "source", src.Name, "url", it.URL,
				"panic", p, "stack", string(debug.Stack()))
			r.stateError(ctx, "record article failure", src, it.URL, r.store.RecordArticleFailure(ctx, it.URL, r.now(), fmt.Errorf("panic: %v", p)))
			outcome = articleFailed
		}
	}()
	return r.articleFor(ctx, src, rule, it)
}
