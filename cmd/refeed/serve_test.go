//go:build unix

package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/refeed/refeed/internal/syncbuf"
	"github.com/refeed/refeed/store"
)

// The real-process tests build refeed, run "refeed serve" against a
// loopback news site and drive it with signals, as an operator's init
// system would.

const serveGrace = 4 * time.Second

// buildRefeed compiles the refeed binary into a temporary folder.
func buildRefeed(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the refeed binary; skipped with -short")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH to build refeed with")
	}
	bin := filepath.Join(t.TempDir(), "refeed")
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
	defer cancel()
	args := []string{"build", "-o", bin}
	if raceEnabled {
		args = append(args, "-race")
	}
	out, err := exec.CommandContext(ctx, goBin, append(args, ".")...).CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// pollSite is a loopback news site whose feed the test can change and
// whose "slow" article hangs until released.
type pollSite struct {
	mu       sync.Mutex
	items    []string // article paths, newest last
	feedHits int
	agents   map[string]int // User-Agent of the feed requests
	slow     string         // path of the hanging article
	started  chan struct{}  // closed when the slow article is first asked for
	release  chan struct{}  // closing it lets the slow article answer
	url      string
}

func newPollSite(t *testing.T, items ...string) *pollSite {
	s := &pollSite{items: items, slow: "/slow.html", started: make(chan struct{}), release: make(chan struct{})}
	srv := httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(srv.Close)
	s.url = srv.URL
	return s
}

func (s *pollSite) addItem(path string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items = append(s.items, path)
}

func (s *pollSite) hits() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.feedHits
}

// agentHits counts the feed requests that came with User-Agent ua.
func (s *pollSite) agentHits(ua string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.agents[ua]
}

func (s *pollSite) serve(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/feed.xml":
		s.serveFeed(w, r)
	case r.URL.Path == s.slow:
		select {
		case <-s.started:
		default:
			close(s.started)
		}
		select {
		case <-s.release:
		case <-r.Context().Done():
			return
		}
		fmt.Fprint(w, articleHTML(r.URL.Path))
	case strings.HasSuffix(r.URL.Path, ".html"):
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, articleHTML(r.URL.Path))
	default:
		http.NotFound(w, r)
	}
}

func (s *pollSite) serveFeed(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.feedHits++
	if s.agents == nil {
		s.agents = map[string]int{}
	}
	s.agents[r.UserAgent()]++
	items := append([]string(nil), s.items...)
	s.mu.Unlock()
	etag := fmt.Sprintf(`"v%d"`, len(items))
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Loopback news</title><link>` + s.url + `/</link>`)
	for i, p := range items {
		fmt.Fprintf(&b, `<item><title>Story %s</title><link>%s%s</link><guid>%s%s</guid><pubDate>%s</pubDate><description>Teaser %d</description></item>`,
			strings.TrimSuffix(p[1:], ".html"), s.url, p, s.url, p,
			time.Date(2026, 11, 1, 8, i, 0, 0, time.UTC).Format(time.RFC1123Z), i)
	}
	b.WriteString(`</channel></rss>`)
	io.WriteString(w, b.String())
}

func articleHTML(path string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html><html lang=\"en\"><head><title>Story %s</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>Story %s</h1>", path, path)
	for i := range 6 {
		fmt.Fprintf(&b, "<p>Paragraph %d of %s. The council met on Tuesday to discuss the water supply of the southern districts, and the minister promised new pumps before the summer.</p>", i, path)
	}
	b.WriteString("</article><footer>Copyright</footer></body></html>")
	return b.String()
}

func writeServeConfig(t *testing.T, dir, siteURL, extra string) string {
	t.Helper()
	body := fmt.Sprintf(`output: out
state: refeed.db
timeout: 60s
retries: 0
host_delay: 0s
sources:
  - name: news
    url: %s/feed.xml
    fulltext: true
feeds:
  - name: news
    title: Loopback news
    sources: [news]
%s`, siteURL, extra)
	path := filepath.Join(dir, "sources.yaml")
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// serveProc is a running "refeed serve".
type serveProc struct {
	t      *testing.T
	cmd    *exec.Cmd
	base   string // http://addr
	mu     sync.Mutex
	cond   *sync.Cond
	log    []string
	exited bool
	err    error
}

var listeningRE = regexp.MustCompile(`msg=listening addr=(\S+)`)

// startServe starts "refeed serve" on cfg; extra flags override the
// defaults the tests use.
func startServe(t *testing.T, bin, cfg string, extra ...string) *serveProc {
	t.Helper()
	args := []string{"serve", "--config", cfg, "--addr", "127.0.0.1:0",
		"--interval", "1s", "--shutdown-timeout", serveGrace.String(), "--log-level", "debug"}
	cmd := exec.Command(bin, append(args, extra...)...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	p := &serveProc{t: t, cmd: cmd}
	p.cond = sync.NewCond(&p.mu)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go p.readLog(stderr)
	t.Cleanup(func() {
		if !p.hasExited() {
			cmd.Process.Kill()
			p.wait(10 * time.Second)
		}
		if t.Failed() || os.Getenv("REFEED_SERVE_LOG") != "" {
			t.Logf("refeed serve log:\n%s", strings.Join(p.lines(), "\n"))
		}
	})
	line := p.waitLog("msg=listening", 30*time.Second)
	p.base = "http://" + listeningRE.FindStringSubmatch(line)[1]
	return p
}

func (p *serveProc) readLog(r io.Reader) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		p.mu.Lock()
		p.log = append(p.log, sc.Text())
		p.cond.Broadcast()
		p.mu.Unlock()
	}
	err := p.cmd.Wait()
	p.mu.Lock()
	p.exited, p.err = true, err
	p.cond.Broadcast()
	p.mu.Unlock()
}

func (p *serveProc) lines() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.log...)
}

func (p *serveProc) hasExited() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.exited
}

// waitFor blocks until cond (called with p.mu held) is true or timeout.
func (p *serveProc) waitFor(timeout time.Duration, cond func() bool) bool {
	timer := time.AfterFunc(timeout, func() {
		p.mu.Lock()
		p.cond.Broadcast()
		p.mu.Unlock()
	})
	defer timer.Stop()
	deadline := time.Now().Add(timeout)
	p.mu.Lock()
	defer p.mu.Unlock()
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		p.cond.Wait()
	}
	return true
}

// waitLog returns the first log line containing substr.
func (p *serveProc) waitLog(substr string, timeout time.Duration) string {
	p.t.Helper()
	var found string
	ok := p.waitFor(timeout, func() bool {
		for _, l := range p.log {
			if strings.Contains(l, substr) {
				found = l
				return true
			}
		}
		return p.exited
	})
	if !ok || found == "" {
		p.t.Fatalf("no log line with %q (exited %v)", substr, p.hasExited())
	}
	return found
}

// wait blocks until the process exits and returns its error.
func (p *serveProc) wait(timeout time.Duration) (error, bool) {
	ok := p.waitFor(timeout, func() bool { return p.exited })
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.err, ok
}

func (p *serveProc) signal(sig os.Signal) {
	p.t.Helper()
	if err := p.cmd.Process.Signal(sig); err != nil {
		p.t.Fatal(err)
	}
}

// get fetches path from the daemon.
func (p *serveProc) get(path string) (int, string) {
	p.t.Helper()
	resp, err := http.Get(p.base + path)
	if err != nil {
		p.t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		p.t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// waitFeed polls the daemon until path is served with every want in it.
func (p *serveProc) waitFeed(path string, want ...string) string {
	p.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		code, body := p.get(path)
		if code == http.StatusOK && containsAll(body, want) {
			return body
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("GET %s = %d, lacking some of %q:\n%.2000s", path, code, want, body)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func containsAll(s string, subs []string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}

func waitUntil(t *testing.T, what string, timeout time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// checkIntact asserts that the three feed files parse with exactly the
// wanted items, that nothing half-written lies beside them, that the state
// opens with those items and that the run lock was released.
func checkIntact(t *testing.T, dir string, wantItems int) {
	t.Helper()
	out := filepath.Join(dir, "out")
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "news.atom news.json news.xml" {
		t.Errorf("output folder holds %q, want just the three feed files", names)
	}
	for _, ext := range []string{".xml", ".atom", ".json"} {
		f, err := os.Open(filepath.Join(out, "news"+ext))
		if err != nil {
			t.Fatal(err)
		}
		feed, err := gofeed.NewParser().Parse(f)
		f.Close()
		if err != nil {
			t.Errorf("news%s does not parse: %v", ext, err)
			continue
		}
		if len(feed.Items) != wantItems {
			t.Errorf("news%s has %d items, want %d", ext, len(feed.Items), wantItems)
		}
	}
	statePath := filepath.Join(dir, "refeed.db")
	release, err := store.AcquireLock(statePath, "run")
	if err != nil {
		t.Errorf("run lock still held after exit: %v", err)
	} else {
		release()
	}
	st, err := store.Open(t.Context(), statePath)
	if err != nil {
		t.Fatalf("state does not open after exit: %v", err)
	}
	defer st.Close()
	items, err := st.SourceItems(t.Context(), "news")
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != wantItems {
		t.Errorf("state holds %d items, want %d", len(items), wantItems)
	}
}

// TestServeStopsCleanly runs serve, lets it poll twice, then sends SIGTERM
// while an article fetch hangs. In-flight work that finishes within the
// deadline lands in the feed; work that does not is cancelled, and either
// way the process exits within the deadline with whole feeds and state.
func TestServeStopsCleanly(t *testing.T) {
	bin := buildRefeed(t)
	for _, tt := range []struct {
		name      string
		release   bool // let the slow fetch finish after SIGTERM
		twice     bool // send a second SIGTERM
		wantItems int
		wantLog   string // a log line that shows which way it stopped
	}{
		{"in-flight poll finishes", true, false, 3, "msg=stopped"},
		{"hung poll is cancelled at the deadline", false, false, 2, "grace period over: cancelling work in flight"},
		{"second signal cancels at once", false, true, 2, "second signal: cancelling work in flight"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			site := newPollSite(t, "/a1.html", "/a2.html")
			p := startServe(t, bin, writeServeConfig(t, dir, site.url, ""))
			p.waitFeed("/news.xml", site.url+"/a1.html", site.url+"/a2.html", "Paragraph 5 of /a2.html")
			waitUntil(t, "a second poll", 30*time.Second, func() bool { return site.hits() >= 2 })
			checkPages(t, p)

			site.addItem(site.slow)
			select {
			case <-site.started:
			case <-time.After(60 * time.Second):
				t.Fatal("the slow article was never fetched")
			}
			p.signal(syscall.SIGTERM)
			p.waitLog("shutting down", 10*time.Second)
			if tt.release {
				close(site.release)
			}
			if tt.twice {
				p.signal(syscall.SIGTERM)
			}
			err, exited := p.wait(serveGrace + 20*time.Second)
			if !exited {
				t.Fatalf("serve still running %v after SIGTERM", serveGrace+20*time.Second)
			}
			if err != nil {
				t.Errorf("serve exited with %v", err)
			}
			checkIntact(t, dir, tt.wantItems)
			p.waitLog(tt.wantLog, time.Second)
			if tt.twice && slices.ContainsFunc(p.lines(), func(l string) bool { return strings.Contains(l, "grace period over") }) {
				t.Error("the second signal did not cut the grace period short")
			}
		})
	}
}

// checkPages checks the daemon's own pages while it runs.
func checkPages(t *testing.T, p *serveProc) {
	t.Helper()
	if code, body := p.get("/"); code != http.StatusOK || !containsAll(body, []string{
		`<link rel="alternate" type="application/rss+xml" title="Loopback news (RSS)" href="news.xml">`,
		`id="source-news"`,
	}) {
		t.Errorf("GET / = %d:\n%.2000s", code, body)
	}
	if code, _ := p.get("/healthz"); code != http.StatusOK {
		t.Errorf("GET /healthz = %d", code)
	}
	if code, body := p.get("/metrics"); code != http.StatusOK || !strings.Contains(body, "refeed_fetches_total") {
		t.Errorf("GET /metrics = %d without refeed_fetches_total", code)
	}
	if code, body := p.get("/opml"); code != http.StatusOK || !strings.Contains(body, p.base+"/news.xml") {
		t.Errorf("GET /opml = %d:\n%s", code, body)
	}
}

// TestServeReload sends SIGHUP with a broken config, which must be
// rejected while the old feeds stay served, then with a good one, which
// must take effect.
func TestServeReload(t *testing.T) {
	bin := buildRefeed(t)
	dir := t.TempDir()
	site := newPollSite(t, "/a1.html")
	cfg := writeServeConfig(t, dir, site.url, "")
	p := startServe(t, bin, cfg)
	before := p.waitFeed("/news.xml", site.url+"/a1.html")

	broken := "sources:\n  - name: news\n    url: not a url\n    interval: 3x\n"
	if err := os.WriteFile(cfg, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	p.signal(syscall.SIGHUP)
	p.waitLog("reload rejected", 30*time.Second)
	if !slices.ContainsFunc(p.lines(), func(l string) bool {
		return strings.Contains(l, "config error") && strings.Contains(l, `invalid duration \"3x\"`)
	}) {
		t.Error("the config's errors are not logged one by one")
	}
	if code, body := p.get("/news.xml"); code != http.StatusOK || body != before {
		t.Errorf("after a rejected reload GET /news.xml = %d, body changed: %v", code, body != before)
	}
	if code, _ := p.get("/second.xml"); code != http.StatusNotFound {
		t.Errorf("GET /second.xml = %d before it is configured, want 404", code)
	}

	writeServeConfig(t, dir, site.url, "  - name: second\n    title: Second\n    sources: [news]\nuser_agent: refeed-reloaded/2\n")
	p.signal(syscall.SIGHUP)
	p.waitLog("config reloaded", 30*time.Second)
	p.waitFeed("/second.xml", site.url+"/a1.html")
	waitUntil(t, "a poll with the reloaded User-Agent", 30*time.Second, func() bool { return site.agentHits("refeed-reloaded/2") > 0 })
	if code, body := p.get("/news.xml"); code != http.StatusOK || !strings.Contains(body, site.url+"/a1.html") {
		t.Errorf("GET /news.xml after reload = %d", code)
	}

	p.signal(syscall.SIGTERM)
	if err, exited := p.wait(serveGrace + 20*time.Second); !exited || err != nil {
		t.Errorf("serve exit: exited=%v err=%v", exited, err)
	}
}

func TestServeFlags(t *testing.T) {
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"serve", "--shutdown-timeout", "0s"}, exitUsage},
		{[]string{"serve", "--interval", "-1s"}, exitUsage},
		{[]string{"serve", "extra"}, exitUsage},
		{[]string{"serve", "--config", filepath.Join(t.TempDir(), "missing.yaml")}, exitUsage},
		{[]string{"serve", "--help"}, exitOK},
	}
	for _, tt := range tests {
		var stdout, stderr strings.Builder
		if got := Main(t.Context(), tt.args, &stdout, &stderr); got != tt.want {
			t.Errorf("refeed %q = %d, want %d\n%s", tt.args, got, tt.want, stderr.String())
		}
	}
}

// TestServeLockedState refuses to start while another run holds the lock.
func TestServeLockedState(t *testing.T) {
	dir := t.TempDir()
	cfg := writeServeConfig(t, dir, "http://127.0.0.1:9", "")
	release, err := store.AcquireLock(filepath.Join(dir, "refeed.db"), "run")
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	var stdout, stderr strings.Builder
	code := Main(t.Context(), []string{"serve", "--config", cfg, "--addr", "127.0.0.1:0"}, &stdout, &stderr)
	if code == exitOK || !strings.Contains(stderr.String(), "lock") {
		t.Errorf("serve with a held lock = %d, stderr %q; want a failure naming the lock", code, stderr.String())
	}
}

// TestServeInProcess runs serve inside the test process (so the race
// detector and coverage see it) and stops it by cancelling its context, as
// main does on SIGTERM.
func TestServeInProcess(t *testing.T) {
	dir := t.TempDir()
	site := newPollSite(t, "/a1.html")
	cfg := writeServeConfig(t, dir, site.url, "")
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var stderr syncbuf.Buffer
	code := make(chan int, 1)
	go func() {
		code <- Main(ctx, []string{"serve", "--config", cfg, "--addr", "127.0.0.1:0", "--interval", "1s"}, io.Discard, &stderr)
	}()
	var base string
	waitUntil(t, "the listening log line", 30*time.Second, func() bool {
		m := listeningRE.FindStringSubmatch(stderr.String())
		if m != nil {
			base = "http://" + m[1]
		}
		return m != nil
	})
	waitUntil(t, "the feed with its item", 30*time.Second, func() bool {
		resp, err := http.Get(base + "/news.atom")
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode == http.StatusOK && strings.Contains(string(body), site.url+"/a1.html")
	})
	waitUntil(t, "a second poll", 30*time.Second, func() bool { return site.hits() >= 2 })
	cancel()
	select {
	case c := <-code:
		if c != exitOK {
			t.Errorf("serve exited %d:\n%s", c, stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not return after its context was cancelled")
	}
	if !strings.Contains(stderr.String(), "msg=stopped") {
		t.Errorf("no stopped line in the log:\n%s", stderr.String())
	}
}
