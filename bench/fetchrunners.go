package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/refeed/refeed/feeds"
	"github.com/refeed/refeed/fetch"
)

// maxFeedBody caps a feed body for the hand-written client, as refeed's
// fetch.DefaultMaxBody does.
const maxFeedBody = 10 << 20

// pollerOptions are the settings every runner is built with.
type pollerOptions struct {
	Feeds     int           // feeds polled per pass, for the validator tables
	Workers   int           // goroutines polling at once
	HostDelay time.Duration // refeed's host_delay; zero is none
}

// fetchRunner is one way a Go feed reader polls its feeds.
type fetchRunner struct {
	Name string
	// New builds a fresh client (no connections, no validators) for one
	// round of two passes.
	New func(pollerOptions) poller
}

// poller fetches and parses one feed at a time; it is called from several
// goroutines at once, never twice at once for the same feed.
type poller interface {
	// poll fetches feed i at url and parses it unless it is unchanged.
	poll(ctx context.Context, i int, url string) (polled, error)
	// close drops the client's idle connections.
	close()
}

// polled is the outcome of one poll.
type polled struct {
	NotModified bool
	Items       int
	FirstTitle  string
}

// fetchRunners lists the runners in the order they are timed and printed;
// refeed first, as the ratios are against it.
func fetchRunners() []fetchRunner {
	return []fetchRunner{
		{Name: "refeed", New: newRefeedPoller},
		{Name: "gofeed ParseURL", New: newGofeedPoller},
		{Name: "net/http+gofeed conditional GET", New: newConditionalPoller},
		{Name: "refeed fetch+gofeed parse", New: newRefeedGofeedPoller},
	}
}

// refeedPoller is fetch.Client (conditional GET, politeness, charset
// decoding) followed by feeds.Parser, as package refresh uses them.
type refeedPoller struct {
	client         *fetch.Client
	parser         *feeds.Parser
	etag, modified []string
}

func newRefeedPoller(o pollerOptions) poller {
	return &refeedPoller{
		client: fetch.New(fetch.Options{Concurrency: o.Workers, HostDelay: hostDelay(o.HostDelay)}, nil),
		parser: feeds.NewParser(),
		etag:   make([]string, o.Feeds), modified: make([]string, o.Feeds),
	}
}

// hostDelay maps the config's "0 is none" to fetch.Options' "negative is
// off" (zero there means the 250ms default), as package refresh does.
func hostDelay(d time.Duration) time.Duration {
	if d <= 0 {
		return -1
	}
	return d
}

func (p *refeedPoller) poll(ctx context.Context, i int, url string) (polled, error) {
	resp, err := p.client.FetchFeed(ctx, fetch.Request{URL: url, Kind: fetch.KindFeed, ETag: p.etag[i], LastModified: p.modified[i]})
	if err != nil {
		return polled{}, err
	}
	p.etag[i], p.modified[i] = resp.ETag, resp.LastModified
	if resp.NotModified {
		return polled{NotModified: true}, nil
	}
	parsed, err := p.parser.Parse(resp.Body, resp.URL)
	if err != nil {
		return polled{}, err
	}
	out := polled{Items: len(parsed.Items)}
	if len(parsed.Items) > 0 {
		out.FirstTitle = parsed.Items[0].Title
	}
	return out, nil
}

func (p *refeedPoller) close() { p.client.Close() }

// refeedGofeedPoller is refeed's fetch.Client with a bare gofeed parse
// instead of feeds.Parser: not a peer, but the row that splits refeed's
// time between fetching and its richer parse (sanitising, canonical URLs,
// stable ids, plain text).
type refeedGofeedPoller struct {
	refeedPoller
	gofeed *gofeed.Parser
}

func newRefeedGofeedPoller(o pollerOptions) poller {
	return &refeedGofeedPoller{refeedPoller: *newRefeedPoller(o).(*refeedPoller), gofeed: gofeed.NewParser()}
}

func (p *refeedGofeedPoller) poll(ctx context.Context, i int, url string) (polled, error) {
	resp, err := p.client.FetchFeed(ctx, fetch.Request{URL: url, Kind: fetch.KindFeed, ETag: p.etag[i], LastModified: p.modified[i]})
	if err != nil {
		return polled{}, err
	}
	p.etag[i], p.modified[i] = resp.ETag, resp.LastModified
	if resp.NotModified {
		return polled{NotModified: true}, nil
	}
	f, err := p.gofeed.Parse(bytes.NewReader(resp.Body))
	if err != nil {
		return polled{}, err
	}
	return fromGofeed(f), nil
}

// gofeedPoller is gofeed's own fetch-and-parse: no validators, no
// politeness. Its Client is a fresh copy of http.DefaultTransport, which is
// what a nil Parser.Client uses, so that every round starts cold.
type gofeedPoller struct {
	parser    *gofeed.Parser
	transport *http.Transport
}

func newGofeedPoller(pollerOptions) poller {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	p := gofeed.NewParser()
	p.Client = &http.Client{Transport: tr}
	return &gofeedPoller{parser: p, transport: tr}
}

func (p *gofeedPoller) poll(ctx context.Context, _ int, url string) (polled, error) {
	f, err := p.parser.ParseURLWithContext(url, ctx)
	if err != nil {
		return polled{}, err
	}
	return fromGofeed(f), nil
}

func (p *gofeedPoller) close() { p.transport.CloseIdleConnections() }

// conditionalPoller is the careful hand-written client: net/http with
// If-None-Match / If-Modified-Since, an idle pool sized to its workers,
// a body cap, and gofeed to parse. No per-host limit or delay.
type conditionalPoller struct {
	client         *http.Client
	transport      *http.Transport
	parser         *gofeed.Parser
	etag, modified []string
}

func newConditionalPoller(o pollerOptions) poller {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = o.Workers
	return &conditionalPoller{
		client:    &http.Client{Transport: tr, Timeout: fetch.DefaultTimeout},
		transport: tr,
		parser:    gofeed.NewParser(),
		etag:      make([]string, o.Feeds), modified: make([]string, o.Feeds),
	}
}

func (p *conditionalPoller) poll(ctx context.Context, i int, url string) (polled, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return polled{}, err
	}
	if p.etag[i] != "" {
		req.Header.Set("If-None-Match", p.etag[i])
	}
	if p.modified[i] != "" {
		req.Header.Set("If-Modified-Since", p.modified[i])
	}
	resp, err := p.client.Do(req)
	if err != nil {
		return polled{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified {
		return polled{NotModified: true}, nil
	}
	if resp.StatusCode != http.StatusOK {
		return polled{}, fmt.Errorf("bench: %s: %s", url, resp.Status)
	}
	f, err := p.parser.Parse(io.LimitReader(resp.Body, maxFeedBody))
	if err != nil {
		return polled{}, err
	}
	p.etag[i], p.modified[i] = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	return fromGofeed(f), nil
}

func (p *conditionalPoller) close() { p.transport.CloseIdleConnections() }

// fromGofeed counts a gofeed result's items and keeps its first title.
func fromGofeed(f *gofeed.Feed) polled {
	out := polled{Items: len(f.Items)}
	if len(f.Items) > 0 {
		out.FirstTitle = f.Items[0].Title
	}
	return out
}
