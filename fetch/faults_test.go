package fetch_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/refeed/refeed/fetch"
)

// hijack takes over the connection and hands it to f, which must close it.
func hijack(t testing.TB, w http.ResponseWriter, f func(net.Conn, *bufio.ReadWriter)) {
	conn, rw, err := w.(http.Hijacker).Hijack()
	if err != nil {
		t.Errorf("hijack: %v", err)
		return
	}
	f(conn, rw)
}

func TestFetchFaults(t *testing.T) {
	tests := []struct {
		name    string
		h       http.HandlerFunc
		want    error
		message string
	}{
		{"stall before headers", func(w http.ResponseWriter, r *http.Request) {
			<-r.Context().Done()
		}, fetch.ErrTimeout, "timeout"},
		{"stall mid-body", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", "100000")
			w.Write([]byte("<rss>"))
			w.(http.Flusher).Flush()
			<-r.Context().Done()
		}, fetch.ErrTimeout, "timeout"},
		{"reset before response", func(w http.ResponseWriter, r *http.Request) {
			hijack(t, w, func(c net.Conn, _ *bufio.ReadWriter) {
				if tc, ok := c.(*net.TCPConn); ok {
					tc.SetLinger(0) // close with RST
				}
				c.Close()
			})
		}, fetch.ErrConnReset, "connection reset"},
		{"close mid-body", func(w http.ResponseWriter, r *http.Request) {
			hijack(t, w, func(c net.Conn, rw *bufio.ReadWriter) {
				rw.WriteString("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 5000\r\n\r\n<rss><channel>")
				rw.Flush()
				c.Close()
			})
		}, fetch.ErrConnReset, "connection reset"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var hits counter
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				hits.add(1)
				tt.h(w, r)
			})
			opts := fastOptions()
			opts.Timeout = 200 * time.Millisecond
			opts.Retries = 1
			_, err := newClient(t, opts).Fetch(context.Background(), fetch.Request{URL: srv.URL + "/rss"})
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if want := "fetch: " + srv.URL + "/rss: " + tt.message; !strings.HasPrefix(err.Error(), want) {
				t.Errorf("error %q, want prefix %q", err, want)
			}
			if !fetch.Retryable(err) {
				t.Errorf("Retryable(%v) = false, want true", err)
			}
			if got := hits.load(); got != 2 {
				t.Errorf("server saw %d attempts, want 2 (one retry)", got)
			}
		})
	}
}

func TestFetchConnectionRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	opts := fastOptions()
	opts.Retries = -1
	u := "http://" + addr + "/rss"
	_, err = newClient(t, opts).Fetch(context.Background(), fetch.Request{URL: u})
	if !errors.Is(err, fetch.ErrConnRefused) {
		t.Fatalf("err = %v, want ErrConnRefused", err)
	}
	if want := "fetch: " + u + ": connection refused"; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %q, want prefix %q", err, want)
	}
}

func TestFetchRetriesThenSucceeds(t *testing.T) {
	var hits counter
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if hits.add(1) == 1 {
			http.Error(w, "oops", http.StatusInternalServerError)
			return
		}
		w.Write([]byte(rssFeed))
	})
	c := newClient(t, fastOptions())
	var slept recordedSleep
	fetch.SetSleep(c, slept.sleep)
	resp, err := c.Fetch(context.Background(), fetch.Request{URL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Attempts != 2 || string(resp.Body) != rssFeed {
		t.Errorf("attempts = %d body = %q", resp.Attempts, resp.Body)
	}
	if d := slept.get(); len(d) != 1 || d[0] <= 0 {
		t.Errorf("backoff waits = %v, want one positive wait", d)
	}
}

func TestFetchLyingHeaders(t *testing.T) {
	w1256 := encode(t, charmap.Windows1256, htmlDoc("", arabic))
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed-as-html":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(rssFeed))
		case "/wrong-charset":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(w1256)
		}
	})
	c := newClient(t, fastOptions())
	ctx := context.Background()

	resp, err := c.Fetch(ctx, fetch.Request{URL: srv.URL + "/feed-as-html"})
	if err != nil || string(resp.Body) != rssFeed {
		t.Fatalf("feed served as text/html: err = %v body = %q", err, resp.Body)
	}

	resp, err = c.Fetch(ctx, fetch.Request{URL: srv.URL + "/wrong-charset"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Charset != "utf-8" || !strings.Contains(string(resp.Body), "\uFFFD") {
		t.Errorf("header charset should win, like a browser: charset %q", resp.Charset)
	}
	resp, err = c.Fetch(ctx, fetch.Request{URL: srv.URL + "/wrong-charset", Charset: "windows-1256"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Charset != "windows-1256" || !strings.Contains(string(resp.Body), arabic) {
		t.Errorf("forced charset: got %q, body lacks the Arabic text", resp.Charset)
	}
}

// TestFetchFaultsDoNotBlockOthers keeps fetches of a stalled server pending
// while other URLs are fetched, and checks those all succeed first.
func TestFetchFaultsDoNotBlockOthers(t *testing.T) {
	release := make(chan struct{})
	stalled := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	healthy := newServer(t, func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(rssFeed)) })
	opts := fastOptions()
	opts.Timeout = 30 * time.Second
	opts.Retries = -1
	opts.PerHost = 4
	c := newClient(t, opts)
	ctx := context.Background()

	stalledDone := make(chan error, 4)
	for i := range 4 {
		go func() {
			_, err := c.Fetch(ctx, fetch.Request{URL: fmt.Sprintf("%s/%d", stalled.URL, i)})
			stalledDone <- err
		}()
	}
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for i := range 20 {
		wg.Go(func() {
			_, err := c.Fetch(ctx, fetch.Request{URL: fmt.Sprintf("%s/%d", healthy.URL, i)})
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("healthy fetch failed: %v", err)
		}
	}
	select {
	case err := <-stalledDone:
		t.Errorf("a stalled fetch returned before it was released: %v", err)
	default:
	}
	close(release)
	for range 4 {
		<-stalledDone
	}
}

func TestFetchTLSFailure(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(rssFeed)) }))
	t.Cleanup(srv.Close)
	_, err := newClient(t, fastOptions()).Fetch(context.Background(), fetch.Request{URL: srv.URL + "/rss"})
	if !errors.Is(err, fetch.ErrTLS) {
		t.Fatalf("err = %v, want ErrTLS (self-signed certificate)", err)
	}
	if fetch.Retryable(err) {
		t.Errorf("a certificate failure must not be retried")
	}
}
