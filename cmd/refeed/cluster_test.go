//go:build unix

package main

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/refeed/refeed/internal/pgtest"
	"github.com/refeed/refeed/store"
)

// clusterSites are loopback news sites, several sources per host, each
// source a static RSS feed of two items answering conditional GETs. The
// feed of one source takes slowFor to answer, so a worker can be caught
// in the middle of polling it. Each host records how many requests it
// had in flight at most.
type clusterSites struct {
	mu       sync.Mutex
	hits     map[string]int // source → feed requests
	inFlight []int          // by host
	peak     []int          // by host: the most requests in flight at once
	servers  []*httptest.Server
	slow     string
	slowFor  time.Duration
	// gate, when set, holds every request until it is closed, so that
	// workers started together are all under way before any poll ends.
	gate chan struct{}
}

func newClusterSites(t *testing.T, hosts int, slowFor time.Duration) *clusterSites {
	c := &clusterSites{hits: map[string]int{}, inFlight: make([]int, hosts), peak: make([]int, hosts),
		slow: "h0s0", slowFor: slowFor}
	for h := range hosts {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { c.serve(w, r, h) }))
		t.Cleanup(srv.Close)
		c.servers = append(c.servers, srv)
	}
	return c
}

func (c *clusterSites) serve(w http.ResponseWriter, r *http.Request, host int) {
	name := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/"), ".xml")
	if !strings.HasPrefix(name, fmt.Sprintf("h%ds", host)) {
		http.NotFound(w, r)
		return
	}
	if c.gate != nil {
		select {
		case <-c.gate:
		case <-r.Context().Done():
			return
		}
	}
	c.mu.Lock()
	c.hits[name]++
	c.inFlight[host]++
	c.peak[host] = max(c.peak[host], c.inFlight[host])
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		c.inFlight[host]--
		c.mu.Unlock()
	}()
	if name == c.slow {
		select {
		case <-time.After(c.slowFor):
		case <-r.Context().Done():
			return
		}
	}
	const etag = `"v1"`
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-Type", "application/rss+xml")
	base := "http://" + r.Host
	fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title><link>%s/</link>`, name, base)
	for i := range 2 {
		fmt.Fprintf(w, `<item><title>%s story %d</title><link>%s/%s/%d.html</link><guid>%s/%s/%d</guid><pubDate>Sun, 06 Dec 2026 %02d:00:00 GMT</pubDate><description>Story %d of %s.</description></item>`,
			name, i, base, name, i, base, name, i, 10+i, i, name)
	}
	fmt.Fprint(w, `</channel></rss>`)
}

func (c *clusterSites) counts() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[string]int, len(c.hits))
	for k, v := range c.hits {
		out[k] = v
	}
	return out
}

// writeClusterConfig writes the same config into dir, for one worker:
// the sources, one feed of them all, and the shared state.
func writeClusterConfig(t *testing.T, dir, dsn string, sites *clusterSites, perHost int) string {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "output: out\nstate: %q\ntimeout: 30s\nretries: 0\nhost_delay: 0s\nper_host: 1\nsources:\n", dsn)
	var names []string
	for h, srv := range sites.servers {
		for s := range perHost {
			name := fmt.Sprintf("h%ds%d", h, s)
			names = append(names, name)
			fmt.Fprintf(&b, "  - name: %s\n    url: %s/%s.xml\n", name, srv.URL, name)
		}
	}
	fmt.Fprintf(&b, "feeds:\n  - name: all\n    title: All\n    limit: 1000\n    sources: [%s]\n", strings.Join(names, ", "))
	path := filepath.Join(dir, "sources.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestServeCluster runs three "refeed serve" processes on one PostgreSQL
// state and 60 loopback sources: together they poll each source about
// once per interval, not once per worker; a worker killed with SIGKILL in
// the middle of a poll loses its sources to the others within the lease
// time, with no item lost or doubled; per_host holds across the cluster;
// and the survivors serve the feed with the same bytes, ETag and
// Last-Modified.
func TestServeCluster(t *testing.T) {
	dsn := pgtest.DSN(t)
	bin := buildRefeed(t)
	const (
		hosts, perHost = 20, 3
		interval       = 3 * time.Second
		lease          = 3 * time.Second
	)
	sites := newClusterSites(t, hosts, 2*time.Second)
	var procs []*serveProc
	var cfgs []string
	for i := range 3 {
		dir := t.TempDir()
		cfg := writeClusterConfig(t, dir, dsn, sites, perHost)
		cfgs = append(cfgs, cfg)
		procs = append(procs, startServe(t, bin, cfg, "--interval", interval.String(),
			"--lease", lease.String(), "--worker", fmt.Sprint("w", i), "--log-level", "info"))
	}

	// Every source polled at least once, then a window of three intervals.
	waitUntil(t, "every source polled", 30*time.Second, func() bool { return len(sites.counts()) == hosts*perHost })
	time.Sleep(interval)
	before := sites.counts()
	const window = 3 * interval
	time.Sleep(window)
	after := sites.counts()
	total := 0
	for name, n := range after {
		polls := n - before[name]
		total += polls
		// At most one poll per 0.9 interval in the window; three
		// workers each polling on their own would make about nine.
		if polls > 4 {
			t.Errorf("source %s polled %d times in %v at interval %v by 3 workers, want at most 4", name, polls, window, interval)
		}
	}
	t.Logf("%d polls of %d sources in %v at interval %v (%.2f per source per interval)",
		total, len(after), window, interval, float64(total)/float64(len(after))/3)
	if total < len(after)*3/2 { // three due per source; allow a slow machine
		t.Errorf("only %d polls of %d sources in %v: some were not polled on time", total, len(after), window)
	}

	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// status shows which worker has (or last had) each source; /metrics
	// names the worker.
	out, err := exec.Command(bin, "status", "--config", cfgs[0]).CombinedOutput()
	if err != nil {
		t.Fatalf("status: %v\n%s", err, out)
	}
	leased := regexp.MustCompile(fmt.Sprintf(`(?m)^%s\s+w[0-2]\s+`, sites.slow))
	if !strings.Contains(string(out), "LEASE") || !leased.Match(out) {
		t.Errorf("status does not show the worker of %s:\n%s", sites.slow, out)
	}
	if _, body := procs[1].get("/metrics"); !strings.Contains(body, `worker="w1"`) {
		t.Errorf("/metrics of w1 has no worker label:\n%.1000s", body)
	}

	// Kill the worker polling the slow source while its request hangs.
	var victim int
	waitUntil(t, "the slow source being polled", 20*time.Second, func() bool {
		leases, err := st.Leases(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		sites.mu.Lock()
		inFlight := sites.inFlight[0]
		sites.mu.Unlock()
		for _, l := range leases {
			if l.Source == sites.slow && l.Held(time.Now()) && inFlight > 0 {
				_, err := fmt.Sscanf(l.Holder, "w%d", &victim)
				return err == nil
			}
		}
		return false
	})
	slowHits := sites.counts()[sites.slow]
	killed := time.Now()
	if err := procs[victim].cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	procs[victim].wait(10 * time.Second)
	waitUntil(t, "the slow source polled again by another worker", lease+interval+3*time.Second, func() bool {
		return sites.counts()[sites.slow] > slowHits
	})
	t.Logf("slow source polled again %v after its worker was killed (lease %v)", time.Since(killed).Round(time.Millisecond), lease)
	var survivors []*serveProc
	for i, p := range procs {
		if i != victim {
			survivors = append(survivors, p)
		}
	}

	// per_host: 1 holds across the cluster: the workers never had two
	// requests in flight on one host.
	sites.mu.Lock()
	for h, n := range sites.peak {
		if n > 1 {
			t.Errorf("host %d had %d requests in flight at once; per_host is 1 for the whole cluster", h, n)
		}
	}
	sites.mu.Unlock()

	// The survivors serve one and the same feed, each item once.
	want := hosts * perHost * 2
	var first feedResponse
	waitUntil(t, "identical feeds on the survivors", 20*time.Second, func() bool {
		a, b := getFeed(t, survivors[0].base+"/all.xml"), getFeed(t, survivors[1].base+"/all.xml")
		first = a
		return a.code == 200 && a == b && strings.Count(a.body, "<item>") == want
	})
	if first.etag == "" || first.modified == "" {
		t.Errorf("feed served without ETag (%q) or Last-Modified (%q)", first.etag, first.modified)
	}
	guids := map[string]int{}
	var rss struct {
		Items []struct {
			GUID string `xml:"guid"`
		} `xml:"channel>item"`
	}
	if err := xml.Unmarshal([]byte(first.body), &rss); err != nil {
		t.Fatal(err)
	}
	for _, it := range rss.Items {
		guids[it.GUID]++
	}
	if len(rss.Items) != want || len(guids) != want {
		t.Errorf("feed has %d items, %d distinct; want %d, each once", len(rss.Items), len(guids), want)
	}
}

// feedResponse is what a serve answered for a feed.
type feedResponse struct {
	code                 int
	etag, modified, body string
}

func getFeed(t *testing.T, url string) feedResponse {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return feedResponse{code: resp.StatusCode, etag: resp.Header.Get("ETag"), modified: resp.Header.Get("Last-Modified"), body: string(body)}
}

// TestRunCluster runs two "refeed run" at once on one PostgreSQL state:
// they share the sources, each polled once in all, and both write the
// same feed files, with the same modification time.
func TestRunCluster(t *testing.T) {
	dsn := pgtest.DSN(t)
	const hosts, perHost = 3, 4
	sites := newClusterSites(t, hosts, 300*time.Millisecond)
	// Both runs must be under way before the first poll ends: a run that
	// begins after another finished a source polls it again, as a later
	// cron run should. So the schema is made first (the runs would
	// otherwise queue on the migration lock) and the sites hold every
	// request until both runs have had time to begin.
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	sites.gate = make(chan struct{})
	time.AfterFunc(time.Second, func() { close(sites.gate) })
	var dirs [2]string
	var wg sync.WaitGroup
	for i := range dirs {
		dirs[i] = t.TempDir()
		cfg := writeClusterConfig(t, dirs[i], dsn, sites, perHost)
		wg.Go(func() {
			if code, _, stderr := runMain(t, "run", "--config", cfg, "--worker", fmt.Sprint("r", i)); code != exitOK {
				t.Errorf("run %d: exit %d\n%s", i, code, stderr)
			}
		})
	}
	wg.Wait()
	for name, n := range sites.counts() {
		if n != 1 {
			t.Errorf("source %s polled %d times by two runs at once, want 1", name, n)
		}
	}
	if n := len(sites.counts()); n != hosts*perHost {
		t.Errorf("%d sources polled, want %d", n, hosts*perHost)
	}
	// Both rebuild the feed from the state; the run that finished last
	// saw every item.
	most := 0
	for _, dir := range dirs {
		b, err := os.ReadFile(filepath.Join(dir, "out", "all.xml"))
		if err != nil {
			t.Fatal(err)
		}
		most = max(most, strings.Count(string(b), "<item>"))
	}
	if most != hosts*perHost*2 {
		t.Errorf("the fuller feed of the two runs has %d items, want %d", most, hosts*perHost*2)
	}
}
