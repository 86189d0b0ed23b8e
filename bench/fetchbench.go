package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// fetchConfig is the -fetch mode's settings.
type fetchConfig struct {
	Feeds, Sites, Items, Workers, Rounds int
	HostDelay, Latency                   time.Duration
	Order                                string // "grouped" or "interleaved"
	Only                                 string
}

// addFetchFlags registers the -fetch mode's flags on fs. -rounds and -only
// are shared with the extractor bench and passed in by run.
func addFetchFlags(fs *flag.FlagSet) *fetchConfig {
	c := &fetchConfig{}
	fs.IntVar(&c.Feeds, "feeds", 1000, "fetch mode: feeds polled per pass")
	fs.IntVar(&c.Sites, "sites", 50, "fetch mode: loopback sites (hosts) the feeds are spread over")
	fs.IntVar(&c.Items, "items", 10, "fetch mode: items per feed")
	fs.IntVar(&c.Workers, "workers", 8, "fetch mode: goroutines polling at once, for every runner (and refeed's concurrency)")
	fs.DurationVar(&c.HostDelay, "host-delay", 0, "fetch mode: refeed's host_delay between request starts to one site; 0 is none, as in sources.yaml")
	fs.DurationVar(&c.Latency, "latency", 0, "fetch mode: server think time before each response")
	fs.StringVar(&c.Order, "order", "grouped", "fetch mode: feed order, grouped (site by site, as sources.yaml lists them) or interleaved (round-robin over sites)")
	return c
}

// passResult is one runner's outcome over one pass.
type passResult struct {
	Elapsed                 time.Duration
	Server                  serverStats
	Items, Unchanged, Right int // items parsed, 304s seen, first titles decoded right
	Errors                  int
	FirstErr                error
}

// fetchResult is one runner's best first and second pass over the rounds.
type fetchResult struct {
	Name   string
	Passes [2]passResult
}

// runFetch measures every runner and prints the table.
func runFetch(ctx context.Context, w io.Writer, c fetchConfig) error {
	set, results, err := measureFetch(ctx, c)
	if err != nil {
		return err
	}
	printFetchTable(w, c, set, results)
	return nil
}

// measureFetch builds the feeds, starts the loopback sites and times every
// runner's two passes rounds times, interleaved (refeed, gofeed, … then
// again) so that load from other work on the host hits them alike.
func measureFetch(ctx context.Context, c fetchConfig) ([]servedFeed, []fetchResult, error) {
	if c.Feeds < 1 || c.Sites < 1 || c.Sites > 200 || c.Workers < 1 || c.Rounds < 1 {
		return nil, nil, errors.New("bench: -feeds, -workers and -rounds must be positive and -sites 1..200")
	}
	set, err := buildFeeds(c.Feeds, c.Sites, c.Items)
	if err != nil {
		return nil, nil, err
	}
	order, err := pollOrder(set, c.Sites, c.Order)
	if err != nil {
		return nil, nil, err
	}
	srv, err := startFeedServer(set, c.Sites, c.Latency)
	if err != nil {
		return nil, nil, err
	}
	defer srv.Close()
	runners := selectedRunners(c.Only)
	results := make([]fetchResult, len(runners))
	for round := range c.Rounds {
		for k, r := range runners {
			results[k].keep(r.Name, runRound(ctx, r, srv, set, order, c), round == 0)
		}
	}
	return set, results, nil
}

// selectedRunners returns the runners named in only, or all of them.
func selectedRunners(only string) []fetchRunner {
	all := fetchRunners()
	if only == "" {
		return all
	}
	var out []fetchRunner
	for _, r := range all {
		for _, name := range strings.Split(only, ",") {
			if strings.TrimSpace(name) == r.Name {
				out = append(out, r)
			}
		}
	}
	return out
}

// pollOrder lists the feed indexes in the order the workers take them.
func pollOrder(set []servedFeed, sites int, order string) ([]int, error) {
	out := make([]int, 0, len(set))
	switch order {
	case "grouped":
		for i := range set {
			out = append(out, i)
		}
	case "interleaved":
		bySite := make([][]int, sites)
		for i, f := range set {
			bySite[f.Host] = append(bySite[f.Host], i)
		}
		for j := 0; len(out) < len(set); j++ {
			for _, feeds := range bySite {
				if j < len(feeds) {
					out = append(out, feeds[j])
				}
			}
		}
	default:
		return nil, fmt.Errorf("bench: -order %q: want grouped or interleaved", order)
	}
	return out, nil
}

// runRound gives runner r a fresh client and times its first pass (every
// feed new) and second pass (nothing changed).
func runRound(ctx context.Context, r fetchRunner, srv *feedServer, set []servedFeed, order []int, c fetchConfig) [2]passResult {
	p := r.New(pollerOptions{Feeds: len(set), Workers: c.Workers, HostDelay: c.HostDelay})
	defer p.close()
	var out [2]passResult
	srv.take()
	for pass := range out {
		runtime.GC()
		start := time.Now()
		polls := runPass(ctx, p, srv, order, c.Workers)
		out[pass] = tally(polls, set)
		out[pass].Elapsed = time.Since(start)
		out[pass].Server = srv.take()
	}
	return out
}

// pollOutcome is one feed's poll in one pass.
type pollOutcome struct {
	polled
	err error
}

// runPass polls every feed once with workers goroutines taking the feeds
// in order.
func runPass(ctx context.Context, p poller, srv *feedServer, order []int, workers int) []pollOutcome {
	out := make([]pollOutcome, len(order))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for k := int(next.Add(1)) - 1; k < len(order); k = int(next.Add(1)) - 1 {
				i := order[k]
				res, err := p.poll(ctx, i, srv.URL(i))
				out[i] = pollOutcome{res, err}
			}
		})
	}
	wg.Wait()
	return out
}

// tally counts a pass's items, 304s, correctly decoded first titles and
// errors.
func tally(polls []pollOutcome, set []servedFeed) passResult {
	var r passResult
	for i, p := range polls {
		switch {
		case p.err != nil:
			r.Errors++
			if r.FirstErr == nil {
				r.FirstErr = p.err
			}
		case p.NotModified:
			r.Unchanged++
		default:
			r.Items += p.Items
			if p.FirstTitle == set[i].FirstTitle {
				r.Right++
			}
		}
	}
	return r
}

// keep folds one round into the result: the fastest pass counts, but the
// politeness peak and the error count are the worst seen in any round.
func (f *fetchResult) keep(name string, passes [2]passResult, first bool) {
	f.Name = name
	for i, p := range passes {
		best := &f.Passes[i]
		if first {
			*best = p
			continue
		}
		peak, errs, firstErr := max(best.Server.MaxPerHost, p.Server.MaxPerHost), max(best.Errors, p.Errors), best.FirstErr
		if p.Elapsed < best.Elapsed {
			*best = p
		}
		best.Server.MaxPerHost, best.Errors = peak, errs
		if best.FirstErr == nil {
			best.FirstErr = firstErr
		}
	}
}
