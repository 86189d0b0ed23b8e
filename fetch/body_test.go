package fetch_test

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"

	"github.com/refeed/refeed/fetch"
)

func compress(t testing.TB, encoding string, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	var w io.WriteCloser
	switch encoding {
	case "gzip":
		w = gzip.NewWriter(&buf)
	case "deflate":
		w = zlib.NewWriter(&buf)
	case "raw-deflate":
		w, _ = flate.NewWriter(&buf, flate.DefaultCompression)
	case "br":
		w = brotli.NewWriter(&buf)
	default:
		t.Fatalf("unknown encoding %q", encoding)
	}
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestFetchContentEncodings(t *testing.T) {
	body := []byte(strings.Repeat(rssFeed, 20))
	tests := []struct{ name, header string }{
		{"gzip", "gzip"},
		{"deflate", "deflate"},
		{"raw-deflate", "deflate"},
		{"br", "br"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wire := compress(t, tt.name, body)
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Encoding", tt.header)
				w.Header().Set("Content-Type", "application/rss+xml")
				w.Write(wire)
			})
			resp, err := newClient(t, fastOptions()).Fetch(context.Background(), fetch.Request{URL: srv.URL})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(resp.Body, body) {
				t.Errorf("decoded body differs: %d bytes, want %d", len(resp.Body), len(body))
			}
		})
	}
}

func TestFetchBadEncoding(t *testing.T) {
	tests := []struct{ name, encoding string }{
		{"gzip that is not gzip", "gzip"},
		{"unknown coding", "compress"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var hits counter
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				hits.add(1)
				w.Header().Set("Content-Encoding", tt.encoding)
				w.Write([]byte(rssFeed))
			})
			_, err := newClient(t, fastOptions()).Fetch(context.Background(), fetch.Request{URL: srv.URL + "/rss"})
			if !errors.Is(err, fetch.ErrBadEncoding) {
				t.Fatalf("err = %v, want ErrBadEncoding", err)
			}
			if !strings.HasPrefix(err.Error(), "fetch: "+srv.URL+"/rss: bad content encoding") {
				t.Errorf("error message %q", err)
			}
			if hits.load() != 1 {
				t.Errorf("bad encoding retried: %d attempts", hits.load())
			}
		})
	}
}

func TestFetchTruncatedGzip(t *testing.T) {
	wire := compress(t, "gzip", bytes.Repeat([]byte(rssFeed), 50))
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(wire[:len(wire)/2])
	})
	opts := fastOptions()
	opts.Retries = -1
	_, err := newClient(t, opts).Fetch(context.Background(), fetch.Request{URL: srv.URL})
	if !errors.Is(err, fetch.ErrBadEncoding) {
		t.Fatalf("err = %v, want ErrBadEncoding", err)
	}
}

func TestFetchMaxBody(t *testing.T) {
	const limit = 1 << 10
	big := bytes.Repeat([]byte("a"), limit+1)
	bomb := compress(t, "gzip", bytes.Repeat([]byte("a"), 1<<20)) // ~1 KiB on the wire
	tests := []struct {
		name string
		h    http.HandlerFunc
	}{
		{"content-length over the cap", func(w http.ResponseWriter, r *http.Request) { w.Write(big) }},
		{"chunked over the cap", func(w http.ResponseWriter, r *http.Request) {
			w.Write(big[:limit/2])
			w.(http.Flusher).Flush()
			w.Write(big[limit/2:])
		}},
		{"endless body", func(w http.ResponseWriter, r *http.Request) {
			chunk := bytes.Repeat([]byte("x"), 512)
			for r.Context().Err() == nil {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		}},
		{"gzip bomb", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(bomb)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, tt.h)
			_, err := newClient(t, fastOptions()).Fetch(context.Background(), fetch.Request{URL: srv.URL, MaxBody: limit})
			if !errors.Is(err, fetch.ErrTooLarge) {
				t.Fatalf("err = %v, want ErrTooLarge", err)
			}
			if fetch.Retryable(err) {
				t.Errorf("an oversized body must not be retried")
			}
		})
	}
	t.Run("exactly the cap", func(t *testing.T) {
		srv := newServer(t, func(w http.ResponseWriter, r *http.Request) { w.Write(big[:limit]) })
		resp, err := newClient(t, fastOptions()).Fetch(context.Background(), fetch.Request{URL: srv.URL, MaxBody: limit})
		if err != nil || len(resp.Body) != limit {
			t.Fatalf("body at the cap: err = %v", err)
		}
	})
}
