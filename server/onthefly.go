package server

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// OnTheFly configures the on-the-fly endpoints: GET /fulltext?url=FEED
// [&format=rss|atom|json][&limit=N] answers the full-text version of any
// feed, and GET /extract?url=PAGE the article of any page, as JSON. Every
// request carries one of Keys (?key= or "Authorization: Bearer KEY").
type OnTheFly struct {
	Keys []string
	// RateLimit is how many requests one key may make per minute.
	RateLimit int
	// MaxItems caps the articles fetched for one feed, and its limit.
	MaxItems int
	// CacheFor is how long an answer is served again for the same URL.
	CacheFor time.Duration
	// FullText renders the full-text version of the feed at feedURL, with
	// at most limit items, in format ("rss", "atom" or "json"), and
	// returns it with its content type.
	FullText func(ctx context.Context, feedURL, format string, limit int) (body []byte, ctype string, err error)
	// Extract returns the article at pageURL as JSON.
	Extract func(ctx context.Context, pageURL string) ([]byte, error)
}

// Errors FullText and Extract wrap to choose the answer's status.
var (
	// ErrRefused is a URL the server may not fetch (a private network
	// address not allowed): 403.
	ErrRefused = errors.New("server: URL refused")
	// ErrNotFeed is a URL that is no feed, or no article: 422.
	ErrNotFeed = errors.New("server: nothing to make of the URL")
)

// Bounds of the on-the-fly state the server keeps.
const (
	maxCachedAnswers = 256
	rateWindow       = time.Minute
)

// onTheFlyState is what the on-the-fly endpoints remember between
// requests: recent answers and each key's requests in the current minute.
type onTheFlyState struct {
	mu      sync.Mutex
	answers map[string]cachedAnswer // by endpoint and query
	windows map[string]rateCount    // by key
}

type cachedAnswer struct {
	body    []byte
	ctype   string
	expires time.Time
}

type rateCount struct {
	start time.Time
	n     int
}

// onTheFly returns the endpoints' config, or nil when they are off.
func (s *Server) onTheFly() *OnTheFly {
	if s.opts.OnTheFly == nil {
		return nil
	}
	return s.opts.OnTheFly()
}

func (s *Server) handleFullText(w http.ResponseWriter, r *http.Request) {
	s.answerOnTheFly(w, r, func(ctx context.Context, o *OnTheFly, target string) ([]byte, string, error) {
		format := r.URL.Query().Get("format")
		switch format {
		case "":
			format = "rss"
		case "rss", "atom", "json":
		default:
			return nil, "", fmt.Errorf("%w: format %q: want rss, atom or json", errBadRequest, format)
		}
		limit := o.MaxItems
		if v := r.URL.Query().Get("limit"); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 {
				return nil, "", fmt.Errorf("%w: limit %q: want a positive number", errBadRequest, v)
			}
			limit = min(n, o.MaxItems)
		}
		return o.FullText(ctx, target, format, limit)
	})
}

func (s *Server) handleExtract(w http.ResponseWriter, r *http.Request) {
	s.answerOnTheFly(w, r, func(ctx context.Context, o *OnTheFly, target string) ([]byte, string, error) {
		body, err := o.Extract(ctx, target)
		return body, "application/json; charset=utf-8", err
	})
}

// errBadRequest is a request the server cannot read: 400.
var errBadRequest = errors.New("bad request")

// answerOnTheFly checks what every on-the-fly request must have (the
// endpoints on, a key, a turn under the rate limit, a URL), then answers
// from the cache or from make.
func (s *Server) answerOnTheFly(w http.ResponseWriter, r *http.Request, make func(context.Context, *OnTheFly, string) ([]byte, string, error)) {
	o := s.onTheFly()
	if o == nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Cache-Control", "private, no-store")
	key, ok := requestKey(r)
	switch {
	case !ok:
		w.Header().Set("WWW-Authenticate", `Bearer realm="refeed"`)
		http.Error(w, "a key is required: ?key=KEY or Authorization: Bearer KEY", http.StatusUnauthorized)
		return
	case !knownKey(o.Keys, key):
		http.Error(w, "unknown key", http.StatusForbidden)
		return
	}
	if wait := s.otf.take(key, s.now(), o.RateLimit); wait > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Round(time.Second).Seconds())))
		http.Error(w, fmt.Sprintf("rate limit: %d requests a minute per key", o.RateLimit), http.StatusTooManyRequests)
		return
	}
	target, err := targetURL(r.URL.Query().Get("url"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	cacheKey := r.URL.Path + "?" + cacheQuery(r.URL.Query())
	if a, ok := s.otf.cached(cacheKey, s.now()); ok {
		serveBytes(w, r, a.ctype, time.Time{}, etagOf(a.body), a.body, nil)
		return
	}
	body, ctype, err := make(r.Context(), o, target)
	if err != nil {
		s.onTheFlyError(w, r, target, err)
		return
	}
	s.otf.store(cacheKey, cachedAnswer{body: body, ctype: ctype, expires: s.now().Add(o.CacheFor)}, s.now())
	serveBytes(w, r, ctype, time.Time{}, etagOf(body), body, nil)
}

// onTheFlyError answers a failed on-the-fly request with the status its
// error calls for, and the error itself: it names the URL and the rule,
// and the key holder asked for it.
func (s *Server) onTheFlyError(w http.ResponseWriter, r *http.Request, target string, err error) {
	status := http.StatusBadGateway
	switch {
	case errors.Is(err, errBadRequest):
		status = http.StatusBadRequest
	case errors.Is(err, ErrRefused):
		status = http.StatusForbidden
	case errors.Is(err, ErrNotFeed):
		status = http.StatusUnprocessableEntity
	case r.Context().Err() != nil:
		return
	}
	s.logger.Warn("on-the-fly request failed", "path", r.URL.Path, "url", target, "status", status, "error", err)
	http.Error(w, err.Error(), status)
}

// requestKey reads the key of a request: ?key= or a bearer token.
func requestKey(r *http.Request) (string, bool) {
	if k := r.URL.Query().Get("key"); k != "" {
		return k, true
	}
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if ok && strings.EqualFold(scheme, "Bearer") && strings.TrimSpace(token) != "" {
		return strings.TrimSpace(token), true
	}
	return "", false
}

// knownKey compares key with every configured key in constant time.
func knownKey(keys []string, key string) bool {
	found := 0
	for _, k := range keys {
		found |= subtle.ConstantTimeCompare([]byte(k), []byte(key))
	}
	return found == 1
}

// targetURL checks the url parameter: an absolute http(s) URL.
func targetURL(raw string) (string, error) {
	if raw == "" {
		return "", errors.New("missing url parameter: ?url=https://…")
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("invalid url %q: want an absolute http or https URL", raw)
	}
	return u.String(), nil
}

// cacheQuery is the query without the key: answers are shared by keys.
func cacheQuery(q url.Values) string {
	q = url.Values{"url": q["url"], "format": q["format"], "limit": q["limit"]}
	return q.Encode()
}

// take counts one request of key and returns zero, or, when the key has
// used its requests of the current minute, how long until the next.
func (st *onTheFlyState) take(key string, now time.Time, perMinute int) time.Duration {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.windows == nil {
		st.windows = map[string]rateCount{}
	}
	c := st.windows[key]
	if now.Sub(c.start) >= rateWindow || now.Before(c.start) {
		c = rateCount{start: now}
	}
	if c.n >= perMinute {
		return max(c.start.Add(rateWindow).Sub(now), time.Second)
	}
	c.n++
	st.windows[key] = c
	return 0
}

func (st *onTheFlyState) cached(key string, now time.Time) (cachedAnswer, bool) {
	st.mu.Lock()
	defer st.mu.Unlock()
	a, ok := st.answers[key]
	return a, ok && now.Before(a.expires)
}

// store keeps an answer, dropping expired ones, and any one, when full.
func (st *onTheFlyState) store(key string, a cachedAnswer, now time.Time) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.answers == nil {
		st.answers = map[string]cachedAnswer{}
	}
	if len(st.answers) >= maxCachedAnswers {
		for k, old := range st.answers {
			if !now.Before(old.expires) || len(st.answers) >= maxCachedAnswers {
				delete(st.answers, k)
			}
		}
	}
	st.answers[key] = a
}
