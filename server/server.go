// Package server is the HTTP side of "refeed serve": it serves the output
// feeds written by package feeds, an HTML index of them with the sources'
// health, the feeds as OPML, a health check and Prometheus metrics.
//
// The server reads feed files from the output folder on every request (a
// writer replaces them atomically, so a reader never sees half a file) and
// learns which feeds exist, and how the sources are doing, from a Provider.
// It imports neither config nor store.
package server

import (
	"context"
	"html/template"
	"log/slog"
	"net/http"
	"sync"
	"time"
)

// Feed describes one output feed for the index and the OPML list.
type Feed struct {
	// Name is the file stem: the feed is served at /Name.xml, /Name.atom
	// and /Name.json from Dir/Name.xml and so on.
	Name        string
	Title       string
	Description string
	Language    string // BCP 47, e.g. "ar"
	Items       int
	// Updated is when the feed was last written; zero if never.
	Updated time.Time
	Sources []string
}

// SourceHealth is how polling one source has gone lately.
type SourceHealth struct {
	Name        string
	URL         string
	LastSuccess time.Time
	LastError   string
	LastErrorAt time.Time
	// LastErrorWords says what LastError means in plain words; "" when
	// the error must speak for itself.
	LastErrorWords string
	// Failures counts failed polls since the last success.
	Failures int
	// Items is how many items the state holds for the source.
	Items int
	// NextPoll is when the source is polled next; zero when unknown.
	NextPoll time.Time
	// History is the source's latest polls, oldest first.
	History []Poll
}

// Poll is one poll of a source, for the sparkline of its history.
type Poll struct {
	At     time.Time
	New    int  // items new or changed
	Failed bool // the poll failed
}

// Provider tells the server which feeds exist and how the sources are
// doing. It is called per request, so a reloaded config shows at once.
type Provider interface {
	Feeds(ctx context.Context) ([]Feed, error)
	// HasFeed reports whether name is a configured feed. A feed request
	// asks only this, so it must be cheap: serve answers feeds while a
	// poll keeps the state busy.
	HasFeed(ctx context.Context, name string) (bool, error)
	Sources(ctx context.Context) ([]SourceHealth, error)
}

// Options configure a Server.
type Options struct {
	// Dir is the folder holding the feed files.
	Dir string
	// Provider lists the feeds and the sources' health. Required.
	Provider Provider
	// Metrics serves /metrics; nil answers 404.
	Metrics http.Handler
	// Health answers /healthz: nil error means healthy. nil Health is
	// always healthy.
	Health func(ctx context.Context) error
	// BaseURL returns the public URL of the site
	// ("https://example.org/news/"), used for the absolute links in /opml.
	// It is called per request, so a reloaded config shows at once. nil,
	// or an empty answer, means the URL the request came in on.
	BaseURL func() string
	// OnTheFly returns the config of the on-the-fly endpoints (GET
	// /fulltext and /extract), or nil when they are off: they then answer
	// 404. It is called per request, so a reloaded config shows at once.
	// A nil OnTheFly is off.
	OnTheFly func() *OnTheFly
	// Title returns the name of the site, heading the index page and the
	// OPML list. It is called per request, so a reloaded config shows at
	// once. nil, or an empty answer, means "refeed".
	Title func() string
	// Location returns the time zone the index page writes exact times
	// in, per request. nil, or a nil answer, means UTC.
	Location func() *time.Location
	// Logger receives the log; nil discards it, as everywhere in refeed.
	Logger *slog.Logger
	// Now defaults to time.Now; tests set it.
	Now func() time.Time
}

// Server is an http.Handler serving the feeds. It is safe for concurrent use.
type Server struct {
	opts   Options
	mux    *http.ServeMux
	logger *slog.Logger
	now    func() time.Time
	index  *template.Template

	mu    sync.Mutex
	cache map[string]*cachedFile // by file path
	loads map[string]*fileLoad   // files being read into the cache, by path

	otf onTheFlyState
}

// New returns a Server for opts.
func New(opts Options) *Server {
	s := &Server{opts: opts, logger: opts.Logger, cache: make(map[string]*cachedFile), loads: make(map[string]*fileLoad)}
	if s.logger == nil {
		s.logger = slog.New(slog.DiscardHandler)
	}
	s.now = opts.Now
	if s.now == nil {
		s.now = time.Now
	}
	s.index = parseIndex()
	s.mux = http.NewServeMux()
	s.mux.HandleFunc("GET /{$}", s.handleIndex)
	s.mux.HandleFunc("GET /healthz", s.handleHealth)
	s.mux.HandleFunc("GET /opml", s.handleOPML)
	s.mux.HandleFunc("GET /fulltext", s.handleFullText)
	s.mux.HandleFunc("GET /extract", s.handleExtract)
	s.mux.HandleFunc("GET /{file}", s.handleFeed)
	if opts.Metrics != nil {
		s.mux.Handle("GET /metrics", opts.Metrics)
	}
	return s
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	s.mux.ServeHTTP(w, r)
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if s.opts.Health != nil {
		if err := s.opts.Health(r.Context()); err != nil {
			s.logger.Warn("health check failed", "error", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = w.Write([]byte("unhealthy: " + err.Error() + "\n"))
			return
		}
	}
	_, _ = w.Write([]byte("ok\n"))
}

// title is the site's name: Options.Title's answer, or "refeed".
func (s *Server) title() string {
	if s.opts.Title != nil {
		if t := s.opts.Title(); t != "" {
			return t
		}
	}
	return "refeed"
}

// location is the time zone of the exact times on the index.
func (s *Server) location() *time.Location {
	if s.opts.Location != nil {
		if loc := s.opts.Location(); loc != nil {
			return loc
		}
	}
	return time.UTC
}

// internalError logs err and answers 500 without leaking details.
func (s *Server) internalError(w http.ResponseWriter, r *http.Request, err error) {
	s.logger.Error("request failed", "path", r.URL.Path, "error", err)
	http.Error(w, "internal server error", http.StatusInternalServerError)
}
