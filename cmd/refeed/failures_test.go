package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/refeed/refeed/store"
)

const goodFeed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Good</title>
<item><title>Good item</title><link>https://example.org/good/1</link><description>kept</description></item>
</channel></rss>`

// TestRunSourceFailures checks that each way a source can fail gives a
// message naming the source, exit code 1, and that the healthy source is
// still written.
func TestRunSourceFailures(t *testing.T) {
	good := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(goodFeed))
	}))
	defer good.Close()
	closed := httptest.NewServer(http.NotFoundHandler())
	closedURL := closed.URL
	closed.Close()

	tests := []struct {
		name    string
		handler http.HandlerFunc // nil: the host is unreachable
		want    string
	}{
		{"unreachable", nil, "connection refused"},
		{"not-found", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }, "404"},
		{"not-a-feed", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html><body><p>no feed here</p></body></html>"))
		}, "feed"},
		{"broken-xml", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</ti`))
		}, "xml syntax error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			badURL := closedURL + "/rss"
			if tt.handler != nil {
				srv := httptest.NewServer(tt.handler)
				defer srv.Close()
				badURL = srv.URL + "/rss"
			}
			dir := t.TempDir()
			cfg := writeConfig(t, dir, `
output: out
retries: 0
sources:
  - {name: good, url: "`+good.URL+`/rss"}
  - {name: bad, url: "`+badURL+`"}
feeds:
  - {name: all, sources: [good, bad]}
`)
			code, _, stderr := runMain(t, "run", "--config", cfg)
			if code != exitPartial {
				t.Errorf("exit %d, want %d\n%s", code, exitPartial, stderr)
			}
			if !strings.Contains(stderr, "source=bad") || !strings.Contains(stderr, badURL) {
				t.Errorf("log does not name the failing source and URL:\n%s", stderr)
			}
			if !strings.Contains(strings.ToLower(stderr), tt.want) {
				t.Errorf("log does not say %q:\n%s", tt.want, stderr)
			}
			out, err := os.ReadFile(filepath.Join(dir, "out", "all.xml"))
			if err != nil || !strings.Contains(string(out), "Good item") {
				t.Errorf("the healthy source's item is missing from the feed (err %v)", err)
			}
		})
	}
}

// TestRunStateAndOutputFailures covers failures of the run's own files.
func TestRunStateAndOutputFailures(t *testing.T) {
	good := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(goodFeed))
	}))
	defer good.Close()
	config := `
output: out
state: state.db
sources:
  - {name: good, url: "` + good.URL + `/rss"}
feeds:
  - {name: all, sources: [good]}
`
	t.Run("unwritable-output", func(t *testing.T) {
		dir := t.TempDir()
		cfg := writeConfig(t, dir, config)
		// A file where the output folder belongs: even root cannot write there.
		os.WriteFile(filepath.Join(dir, "out"), []byte("x"), 0o644)
		code, _, stderr := runMain(t, "run", "--config", cfg)
		if code != exitPartial || !strings.Contains(stderr, "output folder") || !strings.Contains(stderr, "feed=all") {
			t.Errorf("exit %d, stderr:\n%s", code, stderr)
		}
	})
	t.Run("corrupt-state", func(t *testing.T) {
		dir := t.TempDir()
		cfg := writeConfig(t, dir, config)
		os.WriteFile(filepath.Join(dir, "state.db"), []byte(strings.Repeat("not sqlite ", 500)), 0o644)
		code, _, stderr := runMain(t, "run", "--config", cfg)
		if code == exitOK || !strings.Contains(stderr, "state.db") || !strings.Contains(stderr, "not a database") {
			t.Errorf("exit %d, stderr:\n%s", code, stderr)
		}
	})
	t.Run("locked-state", func(t *testing.T) {
		dir := t.TempDir()
		cfg := writeConfig(t, dir, config)
		release, err := store.AcquireLock(filepath.Join(dir, "state.db"), "serve")
		if err != nil {
			t.Fatal(err)
		}
		defer release()
		code, _, stderr := runMain(t, "run", "--config", cfg)
		holder := fmt.Sprintf("refeed serve (pid %d) holds the lock", os.Getpid())
		if code != exitLocked || !strings.Contains(stderr, holder) {
			t.Errorf("exit %d, want %d and %q; stderr:\n%s", code, exitLocked, holder, stderr)
		}
	})
}

// TestCheckReportsLines checks that `refeed check` reports config problems
// as FILE:LINE: message and exits 2.
func TestCheckReportsLines(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, `output: public
sources:
  - name: a
    url: https://example.org/rss
    intervall: 10m
feeds:
  - name: f
    sources: [a, missing]
`)
	code, _, stderr := runMain(t, "check", "--config", cfg)
	if code != exitUsage {
		t.Errorf("exit %d, want %d", code, exitUsage)
	}
	for _, want := range []string{"sources.yaml:5:", "intervall", "sources.yaml:8:", "missing"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	code, stdout, _ := runMain(t, "check", "--config", writeConfig(t, t.TempDir(), "sources: [{name: a, url: 'https://example.org/'}]\nfeeds: [{name: f, sources: [a]}]\n"))
	if code != exitOK || !strings.Contains(stdout, "ok") {
		t.Errorf("valid config: exit %d, stdout %q", code, stdout)
	}
}
