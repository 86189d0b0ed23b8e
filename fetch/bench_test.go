package fetch_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/refeed/refeed/fetch"
)

// smallFeed is a ~2 KiB RSS document with five items.
func smallFeed(n int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Source %d</title>`, n)
	for i := range 5 {
		fmt.Fprintf(&b, `<item><title>%s %d</title><link>https://example.org/%d/%d</link><description>%s</description></item>`,
			arabic[:60], i, n, i, arabic)
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

// BenchmarkFeedPass fetches 1,000 small feeds from a loopback server twice
// per iteration: a first pass (200 with ETag) and an unchanged second pass
// sending the validators back (304). Politeness delays are off, so this
// measures the client, not the configured crawl rate.
func BenchmarkFeedPass(b *testing.B) {
	const feeds = 1000
	bodies := make([][]byte, feeds)
	for i := range bodies {
		bodies[i] = smallFeed(i)
	}
	srv := newServer(b, func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/feed/"))
		etag := `"v` + strconv.Itoa(n) + `"`
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(bodies[n])
	})
	opts := fastOptions()
	opts.HostDelay = -1
	opts.PerHost = fetch.DefaultConcurrency
	c := fetch.New(opts, nil)
	defer c.Close()

	var first, second time.Duration
	for b.Loop() {
		etags := make([]string, feeds)
		start := time.Now()
		pass(b, c, srv.URL, etags, false)
		first += time.Since(start)
		start = time.Now()
		pass(b, c, srv.URL, etags, true)
		second += time.Since(start)
	}
	firstRate := float64(feeds*b.N) / first.Seconds()
	secondRate := float64(feeds*b.N) / second.Seconds()
	b.ReportMetric(firstRate, "first_req/s")
	b.ReportMetric(secondRate, "unchanged_req/s")
	b.ReportMetric(secondRate/firstRate, "unchanged/first")
}

// pass fetches every feed once with 8 workers; with conditional set it sends
// the stored ETags and expects 304s.
func pass(b *testing.B, c *fetch.Client, base string, etags []string, conditional bool) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range fetch.DefaultConcurrency {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < len(etags); i = int(next.Add(1)) - 1 {
				req := fetch.Request{URL: base + "/feed/" + strconv.Itoa(i)}
				if conditional {
					req.ETag = etags[i]
				}
				resp, err := c.Fetch(context.Background(), req)
				if err != nil || resp.NotModified != conditional {
					b.Errorf("feed %d: err = %v, notModified = %v", i, err, resp != nil && resp.NotModified)
					return
				}
				etags[i] = resp.ETag
			}
		})
	}
	wg.Wait()
}

// BenchmarkLargeBody fetches a 9 MiB page and reports bytes allocated and
// the peak live heap during the fetch, each per byte of body.
func BenchmarkLargeBody(b *testing.B) {
	const size = 9 << 20
	body := bytes.Repeat([]byte("<p>abcdefghijklmnopqrstuvwxyz0123456789</p>\n"), size/44)
	gz := compress(b, "gzip", body)
	w1256 := encode(b, charmapWindows1256(), strings.Repeat(arabic+"\n", size/len(arabic)))[:size]
	cases := []struct {
		name string
		h    http.HandlerFunc
	}{
		{"utf8-content-length", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
			w.Write(body)
		}},
		{"utf8-chunked", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			for off := 0; off < len(body); off += 1 << 20 {
				w.Write(body[off:min(off+1<<20, len(body))])
				w.(http.Flusher).Flush()
			}
		}},
		{"gzip", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(gz)
		}},
		{"windows-1256-content-length", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=windows-1256")
			w.Header().Set("Content-Length", strconv.Itoa(len(w1256)))
			w.Write(w1256)
		}},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			srv := newServer(b, tc.h)
			c := fetch.New(fastOptions(), nil)
			defer c.Close()
			b.SetBytes(size)
			b.ReportAllocs()
			var peak uint64
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			for b.Loop() {
				peak = max(peak, measurePeak(func() {
					if _, err := c.Fetch(context.Background(), fetch.Request{URL: srv.URL}); err != nil {
						b.Fatal(err)
					}
				}))
			}
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/size, "alloc/body_byte")
			b.ReportMetric(float64(peak)/size, "peak_heap/body_byte")
		})
	}
}

// measurePeak runs f while sampling the live heap, and returns the peak
// growth over the heap before f started.
func measurePeak(f func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(200 * time.Microsecond)
		defer t.Stop()
		for {
			if v := read(); v > base && v-base > peak.Load() {
				peak.Store(v - base)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	})
	f()
	close(done)
	wg.Wait()
	return peak.Load()
}
