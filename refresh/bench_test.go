package refresh_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/refresh"
)

// benchSources and benchItems size BenchmarkRunOnce: a config of that
// many fulltext sources on one loopback server, each feed listing that
// many articles.
const (
	benchSources = 50
	benchItems   = 20
)

// newBenchSite serves benchSources Arabic feeds of benchItems items each,
// with ETags, and an article page per item.
func newBenchSite(b *testing.B) *httptest.Server {
	page := "<html lang=\"ar\" dir=\"rtl\"><body><nav><a href=\"/\">الرئيسية</a></nav><article><h1>عنوان الخبر</h1>" +
		strings.Repeat("<p>وقال المتحدث باسم الحكومة العراقية، في بيان رسمي، إن المشاريع الجديدة ستنطلق قريبا في بغداد والبصرة.</p>", 8) +
		"</article><footer>جميع الحقوق محفوظة</footer></body></html>"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/feed/") {
			etag := `"` + r.URL.Path + `"`
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
			w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
			fmt.Fprint(w, `<rss version="2.0"><channel><title>أخبار</title>`)
			for i := range benchItems {
				fmt.Fprintf(w, `<item><title>خبر %[2]s رقم %[3]d</title><link>http://%[1]s/a%[2]s/%[3]d</link><description>مقتطف</description><pubDate>%[4]s</pubDate></item>`,
					r.Host, strings.TrimPrefix(r.URL.Path, "/feed/"), i, time.Date(2026, 11, 1, i, 0, 0, 0, time.UTC).Format(time.RFC1123Z))
			}
			fmt.Fprint(w, `</channel></rss>`)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	b.Cleanup(srv.Close)
	return srv
}

// BenchmarkRunOnce measures whole passes of the pipeline over benchSources
// fulltext sources: "first" fetches, extracts, stores and writes
// everything; "unchanged" is the pass after it, where every feed answers
// 304 and nothing is fetched or extracted again.
func BenchmarkRunOnce(b *testing.B) {
	srv := newBenchSite(b)
	var yaml strings.Builder
	yaml.WriteString("host_delay: 0s\nrobots: false\nper_host: 8\nsources:\n")
	names := make([]string, benchSources)
	for i := range benchSources {
		names[i] = fmt.Sprintf("s%d", i)
		fmt.Fprintf(&yaml, "  - {name: s%d, url: \"%s/feed/%d\", fulltext: true, language: ar}\n", i, srv.URL, i)
	}
	fmt.Fprintf(&yaml, "feeds:\n  - {name: all, sources: [\"*\"], limit: 200}\n")
	newRunner := func(b *testing.B) *refresh.Runner {
		dir := b.TempDir()
		cfg, err := config.ParseConfig(strings.NewReader("output: out\nstate: state.db\n"+yaml.String()), filepath.Join(dir, "sources.yaml"))
		if err != nil {
			b.Fatal(err)
		}
		return refresh.New(cfg, mustOpen(b, cfg.State), fetch.New(refresh.FetchOptions(cfg), nil), slog.New(slog.DiscardHandler), refresh.Options{})
	}
	run := func(b *testing.B, r *refresh.Runner) {
		sum, err := r.RunOnce(context.Background())
		if err != nil || sum.Failed() > 0 {
			b.Fatalf("run: %v, %d failed", err, sum.Failed())
		}
	}
	b.Run("first", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			r := newRunner(b)
			b.StartTimer()
			run(b, r)
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*benchSources*benchItems), "µs/article")
	})
	b.Run("unchanged", func(b *testing.B) {
		r := newRunner(b)
		run(b, r)
		for b.Loop() {
			run(b, r)
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*benchSources), "µs/source")
	})
}

// BenchmarkMultiPage measures a pass over one fulltext source whose one
// article is a 20-paragraph Arabic story served whole, and split over 3
// and over 10 pages; each pass must publish the very same article.
func BenchmarkMultiPage(b *testing.B) {
	var want string
	for _, pages := range []int{1, 3, 10} {
		b.Run(fmt.Sprintf("pages=%d", pages), func(b *testing.B) {
			s := newStory(b, 20, pages)
			yaml := fmt.Sprintf("output: out\nstate: state.db\nhost_delay: 0s\nrobots: false\nsources:\n  - {name: src, url: \"%s/feed\", fulltext: true, language: ar}\nfeeds:\n  - {name: out, sources: [src]}\n", s.srv.URL)
			var content string
			for b.Loop() {
				b.StopTimer()
				dir := b.TempDir()
				cfg, err := config.ParseConfig(strings.NewReader(yaml), filepath.Join(dir, "sources.yaml"))
				if err != nil {
					b.Fatal(err)
				}
				r := refresh.New(cfg, mustOpen(b, cfg.State), fetch.New(refresh.FetchOptions(cfg), nil), slog.New(slog.DiscardHandler), refresh.Options{})
				b.StartTimer()
				if sum, err := r.RunOnce(context.Background()); err != nil || sum.Failed() > 0 || sum.Sources[0].Extracted != 1 {
					b.Fatalf("run: %v, %+v", err, sum)
				}
				b.StopTimer()
				content = outputContent(b, cfg.Output, s.srv.URL)
				b.StartTimer()
			}
			if pages == 1 {
				want = content
			} else if content != want {
				b.Errorf("the story over %d pages gives\n%s\nwant, as on one page,\n%s", pages, content, want)
			}
		})
	}
}

// outputContent returns the content of the one item of out.json, with
// the server's URL cut out of its links and no white space between tags.
func outputContent(b *testing.B, dir, server string) string {
	raw, err := os.ReadFile(filepath.Join(dir, "out.json"))
	if err != nil {
		b.Fatal(err)
	}
	var feed struct {
		Items []struct {
			ContentHTML string `json:"content_html"`
		} `json:"items"`
	}
	if err := json.Unmarshal(raw, &feed); err != nil || len(feed.Items) != 1 {
		b.Fatalf("out.json: %v, %d items", err, len(feed.Items))
	}
	content := strings.ReplaceAll(feed.Items[0].ContentHTML, server, "")
	return regexp.MustCompile(`>\s+<`).ReplaceAllString(content, "><")
}
