package main

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// feedServer serves a feed set from several loopback "sites": one listener
// per site, each on its own loopback address (127.0.0.10, 127.0.0.11, …),
// so that every client sees distinct hosts without any DNS lookup. It
// counts what it sees per pass: requests, full bodies, 304s, body bytes
// written, and the most requests one site had in flight at once.
type feedServer struct {
	feeds   []servedFeed
	byPath  map[string]int
	servers []*httptest.Server
	sites   []siteLoad
	latency time.Duration

	requests, full, notModified, wire, conns atomic.Int64
}

// siteLoad is one site's in-flight request count and its peak.
type siteLoad struct {
	inFlight, peak atomic.Int64
}

// serverStats is what the server saw during one pass.
type serverStats struct {
	Requests, Full, NotModified int
	Conns                       int // TCP connections accepted
	WireBytes                   int64
	MaxPerHost                  int
}

// startFeedServer starts one listener per site (feeds[i].Host numbers the
// sites from zero). Each response waits latency first, as a distant server
// would.
func startFeedServer(feeds []servedFeed, sites int, latency time.Duration) (*feedServer, error) {
	s := &feedServer{feeds: feeds, byPath: make(map[string]int, len(feeds)), sites: make([]siteLoad, sites), latency: latency}
	for i, f := range feeds {
		s.byPath[f.Path] = i
	}
	for site := range sites {
		ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.%d:0", 10+site))
		if err != nil {
			s.Close()
			return nil, fmt.Errorf("bench: listen for site %d: %w", site, err)
		}
		srv := httptest.NewUnstartedServer(s.handler(site))
		srv.Config.ConnState = s.countConn
		srv.Listener.Close()
		srv.Listener = ln
		srv.Start()
		s.servers = append(s.servers, srv)
	}
	return s, nil
}

// URL returns feed i's address.
func (s *feedServer) URL(i int) string {
	return s.servers[s.feeds[i].Host].URL + s.feeds[i].Path
}

// Close stops every listener.
func (s *feedServer) Close() {
	for _, srv := range s.servers {
		srv.Close()
	}
}

// take returns the counts since the last take and starts new ones.
func (s *feedServer) take() serverStats {
	st := serverStats{
		Requests:    int(s.requests.Swap(0)),
		Full:        int(s.full.Swap(0)),
		NotModified: int(s.notModified.Swap(0)),
		Conns:       int(s.conns.Swap(0)),
		WireBytes:   s.wire.Swap(0),
	}
	for i := range s.sites {
		st.MaxPerHost = max(st.MaxPerHost, int(s.sites[i].peak.Swap(0)))
	}
	return st
}

// countConn counts the connections clients open.
func (s *feedServer) countConn(_ net.Conn, state http.ConnState) {
	if state == http.StateNew {
		s.conns.Add(1)
	}
}

// handler serves the feeds of one site.
func (s *feedServer) handler(site int) http.HandlerFunc {
	load := &s.sites[site]
	return func(w http.ResponseWriter, r *http.Request) {
		load.enter()
		defer load.inFlight.Add(-1)
		s.requests.Add(1)
		i, ok := s.byPath[r.URL.Path]
		if !ok || s.feeds[i].Host != site {
			http.NotFound(w, r)
			return
		}
		if s.latency > 0 && !wait(r, s.latency) {
			return
		}
		s.serve(w, r, &s.feeds[i])
	}
}

// enter counts a request in and raises the peak if it is a new one.
func (l *siteLoad) enter() {
	n := l.inFlight.Add(1)
	for {
		p := l.peak.Load()
		if n <= p || l.peak.CompareAndSwap(p, n) {
			return
		}
	}
}

// wait sleeps for d unless the client goes away first.
func wait(r *http.Request, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	}
}

// serve answers 304 to a request whose validators match, otherwise the
// feed, gzipped when the client accepts it.
func (s *feedServer) serve(w http.ResponseWriter, r *http.Request, f *servedFeed) {
	h := w.Header()
	h.Set("ETag", f.ETag)
	h.Set("Last-Modified", f.LastModified.Format(http.TimeFormat))
	h.Set("Vary", "Accept-Encoding")
	if notModified(r, f) {
		s.notModified.Add(1)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := f.Plain
	if acceptsGzip(r.Header.Get("Accept-Encoding")) {
		body = f.Gzip
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("Content-Type", f.ContentType)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	n, _ := w.Write(body)
	s.full.Add(1)
	s.wire.Add(int64(n))
}

// notModified applies RFC 9110's rules: If-None-Match decides when present
// (weak comparison), otherwise If-Modified-Since.
func notModified(r *http.Request, f *servedFeed) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for _, tag := range strings.Split(inm, ",") {
			tag = strings.TrimPrefix(strings.TrimSpace(tag), "W/")
			if tag == "*" || tag == strings.TrimPrefix(f.ETag, "W/") {
				return true
			}
		}
		return false
	}
	since, err := http.ParseTime(r.Header.Get("If-Modified-Since"))
	return err == nil && !f.LastModified.Truncate(time.Second).After(since)
}

// acceptsGzip reports whether an Accept-Encoding value allows gzip.
func acceptsGzip(accept string) bool {
	for _, part := range strings.Split(accept, ",") {
		coding, params, _ := strings.Cut(part, ";")
		if !strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			continue
		}
		q := strings.ReplaceAll(params, " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}
