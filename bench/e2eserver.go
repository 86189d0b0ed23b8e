package main

import (
	"fmt"
	"hash/fnv"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// newsPage is one article page the e2e sites serve: raw bytes as stored
// in the corpus, with the charset its server would announce ("" leaves
// it to the page's meta tag or sniffing).
type newsPage struct {
	Body    []byte
	Charset string
}

// loadNewsPages reads the article pages the e2e sites serve: the raw
// scrapinghub-dev pages (many sites, sizes and charsets) and the CNN
// Arabic page in its UTF-8 and legacy encodings.
func loadNewsPages(corpus string) ([]newsPage, error) {
	var pages []newsPage
	gz, err := filepath.Glob(filepath.Join(corpus, "scrapinghub-dev", "html", "*.html.gz"))
	if err != nil || len(gz) == 0 {
		return nil, fmt.Errorf("bench: no scrapinghub-dev pages under %s (set -corpus)", corpus)
	}
	for _, path := range gz {
		body, err := readGzip(path)
		if err != nil {
			return nil, err
		}
		pages = append(pages, newsPage{Body: body})
	}
	cnn := filepath.Join(corpus, "arabic-dev", "cnn-arabic-syria-2013")
	legacy := filepath.Join(cnn, "derived-legacy-encodings", "arabic_article.")
	for _, f := range []struct{ path, charset string }{
		{filepath.Join(cnn, "newspaper4k", "arabic_article.html"), "utf-8"},
		{legacy + "windows-1256.html", "windows-1256"},
		{legacy + "windows-1256.no-meta-charset.html", "windows-1256"},
		{legacy + "iso-8859-6.html", ""},
	} {
		body, err := os.ReadFile(f.path)
		if err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
		pages = append(pages, newsPage{Body: body, Charset: f.charset})
	}
	return pages, nil
}

// newsSites simulates many news sites on loopback: one listener per site,
// each on its own loopback address (127.0.0.20, 127.0.0.21, …), so refeed
// sees distinct hosts and applies its per-host limits. Source i's feed is
// /feed/i.xml on site i%sites; it lists the source's newest items articles
// /a/i/n.html, n up to the source's head. Advancing a source publishes one
// new article. Every tenth site is slow (slowBy before each answer); a
// fiftieth of the feeds fail with 500, and a thirtieth of the articles with
// 500 or 404.
type newsSites struct {
	pages   []newsPage
	items   int
	slowBy  time.Duration
	servers []*httptest.Server
	heads   []atomic.Int64 // per source: number of the newest article

	feeds, notModified, feedErrors, articles, articleErrors, other, bytes atomic.Int64
}

// siteStats is what the sites served during one run.
type siteStats struct {
	Feeds, NotModified, FeedErrors, Articles, ArticleErrors, Other int
	Bytes                                                          int64
}

// startNewsSites starts the sites for sources sources of items items.
func startNewsSites(pages []newsPage, sources, sites, items int, slowBy time.Duration) (*newsSites, error) {
	s := &newsSites{pages: pages, items: items, slowBy: slowBy, heads: make([]atomic.Int64, sources)}
	for i := range s.heads {
		s.heads[i].Store(int64(items))
	}
	for site := range sites {
		ln, err := net.Listen("tcp", fmt.Sprintf("127.0.%d.%d:0", site/200, 20+site%200))
		if err != nil {
			s.Close()
			return nil, fmt.Errorf("bench: listen for site %d: %w", site, err)
		}
		srv := httptest.NewUnstartedServer(s.handler(site))
		srv.Listener.Close()
		srv.Listener = ln
		srv.Start()
		s.servers = append(s.servers, srv)
	}
	return s, nil
}

// FeedURL is source i's feed address.
func (s *newsSites) FeedURL(i int) string {
	return s.servers[i%len(s.servers)].URL + "/feed/" + strconv.Itoa(i) + ".xml"
}

// Advance publishes one new article in every source.
func (s *newsSites) Advance() {
	for i := range s.heads {
		s.heads[i].Add(1)
	}
}

// Close stops every site.
func (s *newsSites) Close() {
	for _, srv := range s.servers {
		srv.Close()
	}
}

// take returns the counts since the last take and starts new ones.
func (s *newsSites) take() siteStats {
	return siteStats{
		Feeds: int(s.feeds.Swap(0)), NotModified: int(s.notModified.Swap(0)), FeedErrors: int(s.feedErrors.Swap(0)),
		Articles: int(s.articles.Swap(0)), ArticleErrors: int(s.articleErrors.Swap(0)),
		Other: int(s.other.Swap(0)), Bytes: s.bytes.Swap(0),
	}
}

func (s *newsSites) handler(site int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if site%10 == 9 && s.slowBy > 0 && !wait(r, s.slowBy) {
			return
		}
		cw := &countingWriter{ResponseWriter: w}
		defer func() { s.bytes.Add(cw.n) }()
		path := r.URL.Path
		switch {
		case strings.HasPrefix(path, "/feed/"):
			src, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(path, "/feed/"), ".xml"))
			if err != nil || src < 0 || src >= len(s.heads) {
				s.other.Add(1)
				http.NotFound(cw, r)
				return
			}
			s.serveFeed(cw, r, src)
		case strings.HasPrefix(path, "/a/"):
			s.serveArticle(cw, r, strings.TrimPrefix(path, "/a/"))
		default:
			s.other.Add(1)
			http.NotFound(cw, r)
		}
	}
}

// serveFeed answers source src's RSS feed, or 304 when the client has it.
func (s *newsSites) serveFeed(w http.ResponseWriter, r *http.Request, src int) {
	if src%50 == 7 {
		s.feedErrors.Add(1)
		http.Error(w, "feed generator crashed", http.StatusInternalServerError)
		return
	}
	head := s.heads[src].Load()
	etag := fmt.Sprintf(`"%d-%d"`, src, head)
	if r.Header.Get("If-None-Match") == etag {
		s.notModified.Add(1)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	s.feeds.Add(1)
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	base := "http://" + r.Host
	fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Site %d</title><link>%s/</link>`, src, base)
	epoch := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for n := head; n > head-int64(s.items) && n > 0; n-- {
		fmt.Fprintf(w, `<item><title>Story %d of source %d</title><link>%s/a/%d/%d.html</link><guid>%s/a/%d/%d.html</guid>`+
			`<description>The first lines of story %d…</description><pubDate>%s</pubDate></item>`,
			n, src, base, src, n, base, src, n, n, epoch.Add(time.Duration(n)*time.Hour).Format(time.RFC1123Z))
	}
	fmt.Fprint(w, `</channel></rss>`)
}

// serveArticle answers the article page "src/n.html".
func (s *newsSites) serveArticle(w http.ResponseWriter, r *http.Request, rest string) {
	h := fnv.New32a()
	h.Write([]byte(rest))
	sum := h.Sum32()
	switch sum % 60 {
	case 0:
		s.articleErrors.Add(1)
		http.Error(w, "database error", http.StatusInternalServerError)
		return
	case 1:
		s.articleErrors.Add(1)
		http.NotFound(w, r)
		return
	}
	s.articles.Add(1)
	p := s.pages[int(sum/60)%len(s.pages)]
	ctype := "text/html"
	if p.Charset != "" {
		ctype += "; charset=" + p.Charset
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Length", strconv.Itoa(len(p.Body)))
	_, _ = w.Write(p.Body)
}

// countingWriter counts the body bytes written through it.
type countingWriter struct {
	http.ResponseWriter
	n int64
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.ResponseWriter.Write(b)
	c.n += int64(n)
	return n, err
}
