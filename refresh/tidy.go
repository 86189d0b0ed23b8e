package refresh

import (
	"context"
	"errors"
	"io/fs"
	"time"

	"github.com/refeed/refeed/feeds"
)

// StaleAfter is how long the state keeps what no longer serves before Tidy
// forgets it: the items and health of a source that left the config (so
// that putting it back within that time loses nothing), and the failures
// of an article page.
const StaleAfter = 30 * 24 * time.Hour

// Tidy forgets what the state holds that no longer serves: sources that
// left the config and were last polled more than StaleAfter ago, with
// their items, and article failures last tried before then; and it
// removes the temporary files a killed feed write left (see
// feeds.RemoveStaleTemps). Its errors are logged; nothing depends on it.
func (r *Runner) Tidy(ctx context.Context) {
	cutoff := r.now().Add(-StaleAfter)
	if n, err := r.store.PruneArticleFailures(ctx, cutoff); err != nil {
		r.log.Warn("tidy: cannot prune article failures", "error", err)
	} else if n > 0 {
		r.log.Info("tidy: forgot old article failures", "count", n)
	}
	for _, f := range r.cfg.Feeds {
		// File times are real times, whatever r.now says.
		if n, err := feeds.RemoveStaleTemps(r.cfg.Output, f.Name, time.Now()); err != nil && !errors.Is(err, fs.ErrNotExist) {
			r.log.Warn("tidy: cannot remove a killed write's temporary files", "feed", f.Name, "error", err)
		} else if n > 0 {
			r.log.Info("tidy: removed temporary files a killed write left", "feed", f.Name, "count", n)
		}
	}
	health, err := r.store.Health(ctx)
	if err != nil {
		r.log.Warn("tidy: cannot list sources in the state", "error", err)
		return
	}
	for _, h := range health {
		if r.cfg.Source(h.Source) != nil || lastPolled(h.LastSuccess, h.LastErrorAt).After(cutoff) {
			continue
		}
		n, err := r.store.ForgetSource(ctx, h.Source)
		if err != nil {
			r.log.Warn("tidy: cannot forget a source that left the config", "source", h.Source, "error", err)
			continue
		}
		r.log.Info("tidy: forgot a source that left the config", "source", h.Source, "items", n,
			"last_polled", lastPolled(h.LastSuccess, h.LastErrorAt).Format(time.RFC3339))
	}
}

// lastPolled is the later of a source's last success and last error.
func lastPolled(success, failure time.Time) time.Time {
	if failure.After(success) {
		return failure
	}
	return success
}
