package fetch_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/internal/testcorpus"
)

// fastOptions are Options for tests: no host delay, short timeouts, tiny
// backoff, so a failing test fails quickly.
func fastOptions() fetch.Options {
	return fetch.Options{
		UserAgent:      "refeed-test/1.0",
		HostDelay:      -1,
		Timeout:        2 * time.Second,
		ConnectTimeout: time.Second,
		RetryBase:      time.Millisecond,
	}
}

func newClient(t testing.TB, opts fetch.Options) *fetch.Client {
	t.Helper()
	c := fetch.New(opts, slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelDebug})))
	t.Cleanup(c.Close)
	return c
}

// testWriter sends log lines to t.Log.
type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(string(p))
	return len(p), nil
}

func newServer(t testing.TB, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// recordedSleep collects the retry delays a Client asked for.
type recordedSleep struct {
	mu     sync.Mutex
	delays []time.Duration
}

func (r *recordedSleep) sleep(ctx context.Context, d time.Duration) error {
	r.mu.Lock()
	r.delays = append(r.delays, d)
	r.mu.Unlock()
	return ctx.Err()
}

func (r *recordedSleep) get() []time.Duration {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]time.Duration(nil), r.delays...)
}

// corpusDir returns shared/corpus/<sub> beside the repository root, or
// skips the test when the corpus is not there (see testcorpus.Dir).
func corpusDir(t testing.TB, sub string) string {
	t.Helper()
	return testcorpus.Dir(t, sub)
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// counter is an int32 shared between a handler and the test.
type counter struct{ n atomic.Int32 }

func (c *counter) add(d int32) int32 { return c.n.Add(d) }
func (c *counter) load() int32       { return c.n.Load() }

func charmapWindows1256() *charmap.Charmap { return charmap.Windows1256 }
