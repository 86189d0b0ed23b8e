package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// serveLoadConfig is the -serve-load mode's settings; the sites, sources
// and config are the -e2e mode's.
type serveLoadConfig struct {
	Clients int
	For     time.Duration
}

// addServeLoadFlags registers the -serve-load mode's flags on fs.
func addServeLoadFlags(fs *flag.FlagSet) *serveLoadConfig {
	c := &serveLoadConfig{}
	fs.IntVar(&c.Clients, "clients", 50, "serve-load mode: concurrent clients requesting feeds")
	fs.DurationVar(&c.For, "load-for", 20*time.Second, "serve-load mode: how long the clients request feeds in each measurement")
	return c
}

// loadResult is one measurement: what the clients saw and what the sites
// were asked meanwhile.
type loadResult struct {
	Name                     string
	Latencies                []time.Duration // every answer, sorted
	OK, NotBuilt, Other      int             // 200, 503 and any other status
	Failed                   int             // no answer at all
	Seconds, BusySeconds     int             // seconds measured; of them, with site requests
	SiteRequests, Articles   int
	ServeCPU, BenchCPU, Wall time.Duration
	Bytes                    int64 // response bodies as sent (gzip)
}

// runServeLoad runs `refeed serve` over the first -sources count of
// fulltext sources and measures its feed answers under -clients
// concurrent clients, first during the start-up poll on an empty state
// (articles fetched and extracted), then, after that poll has ended and
// serve restarted on the same state, during the start-up poll in which
// every feed answers 304, and once more right after, by when that poll
// is usually over.
func runServeLoad(ctx context.Context, w io.Writer, c e2eConfig, l serveLoadConfig) error {
	n, err := strconv.Atoi(strings.TrimSpace(strings.Split(c.Sources, ",")[0]))
	if err != nil || n <= 0 {
		return fmt.Errorf("bench: -sources: bad number %q", c.Sources)
	}
	pages, err := loadNewsPages(c.Corpus)
	if err != nil {
		return err
	}
	work, bin, done, err := workspace(ctx, w, "refeed-serveload-", c.Keep)
	if err != nil {
		return err
	}
	defer done()
	sites := c.Sites
	if sites <= 0 {
		sites = max(10, n/5)
	}
	srv, err := startNewsSites(pages, n, sites, c.Items, c.Slow)
	if err != nil {
		return err
	}
	defer srv.Close()
	cfgPath := filepath.Join(work, "sources.yaml")
	if err := os.WriteFile(cfgPath, []byte(e2eYAML(srv, n, c.PerFeed)), 0o644); err != nil {
		return err
	}
	var feeds []string
	for start := 0; start < n; start += c.PerFeed {
		feeds = append(feeds, "f"+strconv.Itoa(start/c.PerFeed))
	}
	fmt.Fprintf(w, "serve-load: %d fulltext sources of %d items on %d loopback sites, %d feeds; %d clients for %s per measurement\n\n",
		n, c.Items, sites, len(feeds), l.Clients, l.For)
	fmt.Fprintln(w, "| poll | requests | 200 | 503 not built | other / failed | p50 | p95 | p99 | max | seconds with site requests | site requests (articles) | MiB sent | serve CPU | bench CPU (clients, sites) |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")

	first, err := startServe(ctx, bin, cfgPath, filepath.Join(work, "serve-1.log"), c.LogLevel)
	if err != nil {
		return err
	}
	defer first.stop()
	if err := first.waitFor(ctx, 10*time.Minute, func() bool { return first.anyFeed(feeds) }); err != nil {
		return fmt.Errorf("bench: no feed built: %w", err)
	}
	srv.take()
	r := loadFeeds(ctx, first, feeds, l, srv)
	r.Name = "first (articles fetched and extracted)"
	printLoad(w, r)
	// Let the start-up poll finish, so the next serve finds a full state.
	idle := 0
	if err := first.waitFor(ctx, 20*time.Minute, func() bool {
		if s := srv.take(); s.Feeds+s.NotModified+s.FeedErrors+s.Articles+s.ArticleErrors > 0 {
			idle = 0
		} else {
			idle++
		}
		return idle >= 10 // 10 × 500 ms without a site request
	}); err != nil {
		return fmt.Errorf("bench: first poll did not end: %w", err)
	}
	first.stop()

	second, err := startServe(ctx, bin, cfgPath, filepath.Join(work, "serve-2.log"), c.LogLevel)
	if err != nil {
		return err
	}
	defer second.stop()
	if err := second.waitFor(ctx, time.Minute, func() bool { code, _ := second.get("/healthz"); return code == http.StatusOK }); err != nil {
		return err
	}
	r = loadFeeds(ctx, second, feeds, l, srv)
	r.Name = "unchanged (every feed 304), just after a restart"
	printLoad(w, r)
	r = loadFeeds(ctx, second, feeds, l, srv)
	r.Name = "none (the same serve right after)"
	printLoad(w, r)
	return nil
}

// serveProc is a running `refeed serve`.
type serveProc struct {
	cmd    *exec.Cmd
	base   string
	client *http.Client
	done   chan struct{}
}

// startServe starts `refeed serve` on a free loopback port; polls run at
// start-up and then hourly, so one measurement sees one poll.
func startServe(ctx context.Context, bin, cfgPath, logPath, level string) (*serveProc, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := ln.Addr().String()
	ln.Close()
	log, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, bin, "serve", "--config", cfgPath, "--addr", addr, "--interval", "1h", "--log-level", level)
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		log.Close()
		return nil, fmt.Errorf("bench: refeed serve: %w", err)
	}
	p := &serveProc{cmd: cmd, base: "http://" + addr, done: make(chan struct{}),
		client: &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 200, DisableCompression: true}}}
	go func() {
		_ = cmd.Wait()
		log.Close()
		close(p.done)
	}()
	return p, nil
}

// stop sends SIGTERM, waits up to 30 s, then kills; a second call does
// nothing.
func (p *serveProc) stop() {
	select {
	case <-p.done:
		return
	default:
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(30 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.done
	}
}

// waitFor calls ok every 500 ms until it holds, the process ends or
// limit passes.
func (p *serveProc) waitFor(ctx context.Context, limit time.Duration, ok func() bool) error {
	deadline := time.After(limit)
	for !ok() {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-p.done:
			return errors.New("refeed serve exited (see its log with -keep)")
		case <-deadline:
			return fmt.Errorf("nothing after %s", limit)
		case <-time.After(500 * time.Millisecond):
		}
	}
	return nil
}

// get requests path and returns the status, 0 when there was no answer,
// and the body.
func (p *serveProc) get(path string) (int, []byte) {
	resp, err := p.client.Get(p.base + path)
	if err != nil {
		return 0, nil
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, body
}

// anyFeed reports whether one of feeds holds an item. (Serve writes
// every feed at start-up from the state, empty on a first start.)
func (p *serveProc) anyFeed(feeds []string) bool {
	for _, f := range feeds {
		if code, body := p.get("/" + f + ".xml"); code == http.StatusOK && bytes.Contains(body, []byte("<item>")) {
			return true
		}
	}
	return false
}

// loadFeeds has l.Clients goroutines request random feeds (RSS, Atom or
// JSON) back to back for l.For, and counts the sites' requests second by
// second meanwhile.
func loadFeeds(ctx context.Context, p *serveProc, feeds []string, l serveLoadConfig, srv *newsSites) loadResult {
	ctx, cancel := context.WithTimeout(ctx, l.For)
	defer cancel()
	var r loadResult
	cpu0, bench0, start := procCPU(p.cmd.Process.Pid), procCPU(os.Getpid()), time.Now()
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		srv.take()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			s := srv.take()
			req := s.Feeds + s.NotModified + s.FeedErrors + s.Articles + s.ArticleErrors
			r.Seconds++
			if req > 0 {
				r.BusySeconds++
			}
			r.SiteRequests += req
			r.Articles += s.Articles
		}
	}()
	exts := []string{".xml", ".atom", ".json"}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range l.Clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var lat []time.Duration
			var ok, notBuilt, other, failed int
			var sent int64
			for ctx.Err() == nil {
				url := p.base + "/" + feeds[rand.IntN(len(feeds))] + exts[rand.IntN(len(exts))]
				req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
				// As a reader asks; the body is counted, not unzipped, so
				// the clients' CPU stays small beside serve's.
				req.Header.Set("Accept-Encoding", "gzip")
				t := time.Now()
				resp, err := p.client.Do(req)
				if err == nil {
					var n int64
					n, err = io.Copy(io.Discard, resp.Body)
					sent += n
					resp.Body.Close()
				}
				d := time.Since(t)
				switch {
				case ctx.Err() != nil: // cut off by the end of the measurement
				case err != nil:
					failed++
				default:
					lat = append(lat, d)
					switch resp.StatusCode {
					case http.StatusOK:
						ok++
					case http.StatusServiceUnavailable:
						notBuilt++
					default:
						other++
					}
				}
			}
			mu.Lock()
			defer mu.Unlock()
			r.Latencies, r.Bytes = append(r.Latencies, lat...), r.Bytes+sent
			r.OK, r.NotBuilt, r.Other, r.Failed = r.OK+ok, r.NotBuilt+notBuilt, r.Other+other, r.Failed+failed
		}()
	}
	wg.Wait()
	<-sampled
	r.Wall, r.ServeCPU, r.BenchCPU = time.Since(start), procCPU(p.cmd.Process.Pid)-cpu0, procCPU(os.Getpid())-bench0
	slices.Sort(r.Latencies)
	return r
}

// procCPU is a process's user + system CPU so far, from /proc/PID/stat.
func procCPU(pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// Fields after the command name, which is in parentheses: state is
	// the first, utime and stime the 12th and 13th, in clock ticks (100 Hz).
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseInt(f[11], 10, 64)
	s, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(u+s) * 10 * time.Millisecond
}

// percentile is the p-th quantile of sorted latencies (nearest rank).
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted))*p+0.999999) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

func printLoad(w io.Writer, r loadResult) {
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
	fmt.Fprintf(w, "| %s | %d | %d | %d | %d / %d | %s | %s | %s | %s | %d of %d | %d (%d) | %.0f | %.0f%% of a core | %.0f%% of a core |\n",
		r.Name, len(r.Latencies), r.OK, r.NotBuilt, r.Other, r.Failed,
		ms(percentile(r.Latencies, 0.50)), ms(percentile(r.Latencies, 0.95)), ms(percentile(r.Latencies, 0.99)),
		ms(percentile(r.Latencies, 1)), r.BusySeconds, r.Seconds, r.SiteRequests, r.Articles,
		float64(r.Bytes)/(1<<20), 100*r.ServeCPU.Seconds()/r.Wall.Seconds(), 100*r.BenchCPU.Seconds()/r.Wall.Seconds())
}
