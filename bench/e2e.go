package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

// e2eConfig is the -e2e mode's settings.
type e2eConfig struct {
	Sources  string // comma-separated source counts, one table row group each
	Items    int
	Sites    int
	Slow     time.Duration
	Corpus   string
	Keep     bool
	PerFeed  int
	LogLevel string
	Compare  string // another refeed binary, run side by side as "other"
}

// addE2EFlags registers the -e2e mode's flags on fs.
func addE2EFlags(fs *flag.FlagSet) *e2eConfig {
	c := &e2eConfig{}
	fs.StringVar(&c.Sources, "sources", "100,500", "e2e mode: comma-separated numbers of sources, one set of runs each")
	fs.IntVar(&c.Items, "e2e-items", 20, "e2e mode: items per source feed")
	fs.IntVar(&c.Sites, "e2e-sites", 0, "e2e mode: loopback sites (hosts); 0 is one per 5 sources, at least 10")
	fs.DurationVar(&c.Slow, "slow", 300*time.Millisecond, "e2e mode: delay of every tenth site's answers")
	fs.IntVar(&c.PerFeed, "per-feed", 10, "e2e mode: sources merged into each output feed")
	fs.BoolVar(&c.Keep, "keep", false, "e2e mode: keep the work folder (config, state, feeds, logs) and print where it is")
	fs.StringVar(&c.Compare, "compare", "", "e2e mode: path of another refeed binary (say, built from main) to run on the same sites right after this tree's, as \"other\"")
	fs.StringVar(&c.LogLevel, "e2e-log-level", "warn", "e2e mode: refeed's --log-level (its log goes to run-N.log in the work folder)")
	return c
}

// e2eRun is one `refeed run` as measured from outside.
type e2eRun struct {
	Name      string
	Wall, CPU time.Duration
	PeakRSS   int64 // bytes
	Exit      int
	Sites     siteStats
}

// runE2E builds refeed, then for each source count runs a first, an
// unchanged and a 5%-changed `refeed run` against simulated sites and
// prints one table.
func runE2E(ctx context.Context, w io.Writer, c e2eConfig) error {
	pages, err := loadNewsPages(c.Corpus)
	if err != nil {
		return err
	}
	work, bin, done, err := workspace(ctx, w, "refeed-e2e-", c.Keep)
	if err != nil {
		return err
	}
	defer done()
	fmt.Fprintf(w, "e2e: %d article pages from the corpus; %d items per source; every 10th site answers after %s; 1 in 50 feeds and 1 in 30 articles fail\n\n",
		len(pages), c.Items, c.Slow)
	bins := []struct{ name, path string }{{"this", bin}}
	if c.Compare != "" {
		bins = append(bins, struct{ name, path string }{"other", c.Compare})
	}
	fmt.Fprintln(w, "| refeed | sources | items | run | wall | CPU user+sys | CPU % of first | peak RSS | feeds 200 | feeds 304 | feed errors | articles | article errors | bytes | exit |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
	for _, field := range strings.Split(c.Sources, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(field))
		if err != nil || n <= 0 {
			return fmt.Errorf("bench: -sources: bad number %q", field)
		}
		for _, b := range bins {
			runs, err := e2eSet(ctx, b.path, filepath.Join(work, b.name+"-"+strconv.Itoa(n)), pages, n, c)
			if err != nil {
				return err
			}
			for _, r := range runs {
				s := r.Sites
				fmt.Fprintf(w, "| %s | %d | %d | %s | %.1f s | %.2f s | %.1f%% | %.0f MiB | %d | %d | %d | %d | %d | %.1f MiB | %d |\n",
					b.name, n, n*c.Items, r.Name, r.Wall.Seconds(), r.CPU.Seconds(), 100*r.CPU.Seconds()/runs[0].CPU.Seconds(),
					float64(r.PeakRSS)/(1<<20), s.Feeds, s.NotModified, s.FeedErrors, s.Articles, s.ArticleErrors,
					float64(s.Bytes)/(1<<20), r.Exit)
			}
		}
	}
	return nil
}

// buildRefeed builds cmd/refeed into dir and returns the binary's path.
// It is built in the repository's own module (the parent folder), with
// its go.sum, not the bench module's.
func buildRefeed(ctx context.Context, dir string) (string, error) {
	bin := filepath.Join(dir, "refeed")
	build := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/refeed")
	build.Dir = ".."
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return "", fmt.Errorf("bench: build refeed: %w", err)
	}
	return bin, nil
}

// e2eSet runs the three passes over n sources in dir.
func e2eSet(ctx context.Context, bin, dir string, pages []newsPage, n int, c e2eConfig) ([]e2eRun, error) {
	sites := c.Sites
	if sites <= 0 {
		sites = max(10, n/5)
	}
	srv, err := startNewsSites(pages, n, sites, c.Items, c.Slow)
	if err != nil {
		return nil, err
	}
	defer srv.Close()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	cfgPath := filepath.Join(dir, "sources.yaml")
	if err := os.WriteFile(cfgPath, []byte(e2eYAML(srv, n, c.PerFeed)), 0o644); err != nil {
		return nil, err
	}
	var runs []e2eRun
	for i, name := range []string{"first", "unchanged", "5% changed"} {
		if i == 2 {
			srv.Advance() // one new article per 20-item feed: 5% of the items
		}
		srv.take()
		r, err := e2eOnce(ctx, bin, cfgPath, filepath.Join(dir, fmt.Sprintf("run-%d.log", i+1)), c.LogLevel)
		if err != nil {
			return nil, err
		}
		r.Name, r.Sites = name, srv.take()
		runs = append(runs, r)
	}
	return runs, nil
}

// e2eYAML is the config: every source fulltext, one output feed per
// perFeed sources. Politeness stays on (two requests per host at once)
// without a delay between requests, so the run is bound by the work.
func e2eYAML(srv *newsSites, n, perFeed int) string {
	var b strings.Builder
	b.WriteString("output: public\nstate: state.db\nconcurrency: 8\nper_host: 2\nhost_delay: 0s\nretries: 1\ntimeout: 10s\nrobots: false\nsources:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {name: s%d, url: %q, fulltext: true}\n", i, srv.FeedURL(i))
	}
	b.WriteString("feeds:\n")
	for start := 0; start < n; start += perFeed {
		var names []string
		for i := start; i < min(n, start+perFeed); i++ {
			names = append(names, "s"+strconv.Itoa(i))
		}
		fmt.Fprintf(&b, "  - {name: f%d, limit: 100, sources: [%s]}\n", start/perFeed, strings.Join(names, ", "))
	}
	return b.String()
}

// e2eOnce runs `refeed run` once and measures it: wall time, CPU (user +
// system, from the child's rusage) and peak RSS (ru_maxrss).
func e2eOnce(ctx context.Context, bin, cfgPath, logPath, level string) (e2eRun, error) {
	log, err := os.Create(logPath)
	if err != nil {
		return e2eRun{}, err
	}
	defer log.Close()
	cmd := exec.CommandContext(ctx, bin, "run", "--config", cfgPath, "--log-level", level)
	cmd.Stdout, cmd.Stderr = log, log
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return e2eRun{}, fmt.Errorf("bench: refeed run: %w", err)
	}
	peak := watchPeakRSS(cmd.Process.Pid)
	err = cmd.Wait()
	r := e2eRun{Wall: time.Since(start), PeakRSS: peak()}
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		r.Exit = exit.ExitCode()
	default:
		return r, fmt.Errorf("bench: refeed run: %w", err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.CPU = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	return r, nil
}

// watchPeakRSS polls the process's high-water resident set (VmHWM in
// /proc/PID/status) every 10 ms until the returned function is called,
// which returns the highest value seen, in bytes. The child's ru_maxrss
// cannot be used: Go starts children with vfork, and Linux carries the
// parent's peak (this bench, with its corpus in memory) into the child's.
func watchPeakRSS(pid int) func() int64 {
	var peak atomic.Int64
	stop := make(chan struct{})
	done := make(chan struct{})
	path := fmt.Sprintf("/proc/%d/status", pid)
	go func() {
		defer close(done)
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			if hwm := readHWM(path); hwm > peak.Load() {
				peak.Store(hwm)
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	return func() int64 {
		close(stop)
		<-done
		return peak.Load()
	}
}

// readHWM reads VmHWM from a /proc status file, in bytes; 0 when gone.
func readHWM(path string) int64 {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb * 1024
		}
	}
	return 0
}

// workspace makes the work folder of an end-to-end mode and builds
// refeed into it. The folder is kept, and named on w, when keep is set;
// otherwise done removes it.
func workspace(ctx context.Context, w io.Writer, prefix string, keep bool) (work, bin string, done func(), err error) {
	work, err = os.MkdirTemp("", prefix)
	if err != nil {
		return "", "", nil, err
	}
	done = func() { os.RemoveAll(work) }
	if keep {
		fmt.Fprintln(w, "work folder:", work)
		done = func() {}
	}
	if bin, err = buildRefeed(ctx, work); err != nil {
		done()
		return "", "", nil, err
	}
	return work, bin, done, nil
}
