package refresh

import (
	"sync"

	"github.com/refeed/refeed/config"
)

// feedProgress follows a RunOnce pass feed by feed: how many of each
// feed's sources are still running and whether one of them changed, so
// that a feed is written as soon as its last source is done.
type feedProgress struct {
	mu       sync.Mutex
	left     []int            // per feed: sources not done yet
	changed  []bool           // per feed: a done source stored something
	bySource map[string][]int // source name → indexes of its feeds

	// results holds each feed's outcome; the goroutine that finishes a
	// feed's last source writes its element, and RunOnce reads them all
	// after every goroutine has returned.
	results []FeedResult
}

func newFeedProgress(cfg *config.Config) *feedProgress {
	fp := &feedProgress{
		left: make([]int, len(cfg.Feeds)), changed: make([]bool, len(cfg.Feeds)),
		bySource: map[string][]int{}, results: make([]FeedResult, len(cfg.Feeds)),
	}
	for f, fc := range cfg.Feeds {
		fp.results[f] = FeedResult{Feed: fc.Name}
		for _, s := range fc.Sources {
			fp.left[f]++
			fp.bySource[s] = append(fp.bySource[s], f)
		}
	}
	return fp
}

// done records a finished source and returns the feeds it was the last
// source of, now ready to be written.
func (fp *feedProgress) done(res SourceResult) []int {
	fp.mu.Lock()
	defer fp.mu.Unlock()
	var ready []int
	for _, f := range fp.bySource[res.Source] {
		fp.left[f]--
		fp.changed[f] = fp.changed[f] || res.Changed
		if fp.left[f] == 0 {
			ready = append(ready, f)
		}
	}
	return ready
}
