package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Content types of the three feed formats, by file extension.
const (
	TypeRSS  = "application/rss+xml; charset=utf-8"
	TypeAtom = "application/atom+xml; charset=utf-8"
	TypeJSON = "application/feed+json; charset=utf-8"
)

// contentType returns the content type of a feed file extension.
func contentType(ext string) (string, bool) {
	switch ext {
	case ".xml":
		return TypeRSS, true
	case ".atom":
		return TypeAtom, true
	case ".json":
		return TypeJSON, true
	}
	return "", false
}

// cachedFile is a feed file as last read, with its gzipped form and ETag.
// It is replaced when the file's size or modification time changes.
type cachedFile struct {
	modTime time.Time
	size    int64
	body    []byte
	gz      []byte
	etag    string // strong ETag of body, quoted
}

func (s *Server) handleFeed(w http.ResponseWriter, r *http.Request) {
	file := r.PathValue("file")
	ext := filepath.Ext(file)
	ctype, ok := contentType(ext)
	if !ok {
		http.NotFound(w, r)
		return
	}
	known, err := s.opts.Provider.HasFeed(r.Context(), strings.TrimSuffix(file, ext))
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	if !known {
		http.NotFound(w, r)
		return
	}
	f, err := s.load(filepath.Join(s.opts.Dir, file))
	if errors.Is(err, fs.ErrNotExist) {
		// Configured but not written yet: the first poll is still running.
		w.Header().Set("Retry-After", "60")
		http.Error(w, "feed not built yet, try again shortly", http.StatusServiceUnavailable)
		return
	}
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "public, max-age=60")
	serveBytes(w, r, ctype, f.modTime, f.etag, f.body, f.gz)
}

func hasFeed(feeds []Feed, name string) bool {
	for _, f := range feeds {
		if f.Name == name {
			return true
		}
	}
	return false
}

// fileLoad is one reading of a changed file into the cache; the requests
// that need it wait for done.
type fileLoad struct {
	done chan struct{}
	c    *cachedFile
	err  error
}

// load returns the file at path, from the cache when it has not changed.
//
// A changed file is read and compressed by one request. Meanwhile the
// others are answered from the copy the cache still holds (the feed as it
// was a moment ago, with its own ETag), so a poll rewriting feeds never
// holds up their readers; only when there is no copy yet do they wait.
// Files load independently of each other.
func (s *Server) load(path string) (*cachedFile, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	s.mu.Lock()
	c := s.cache[path]
	if c != nil && c.size == fi.Size() && c.modTime.Equal(fi.ModTime()) {
		s.mu.Unlock()
		return c, nil
	}
	if l := s.loads[path]; l != nil {
		s.mu.Unlock()
		if c != nil {
			return c, nil
		}
		<-l.done
		return l.c, l.err
	}
	l := &fileLoad{done: make(chan struct{})}
	s.loads[path] = l
	s.mu.Unlock()

	l.c, l.err = readFile(path, fi)
	s.mu.Lock()
	if l.err == nil {
		s.cache[path] = l.c
	}
	delete(s.loads, path)
	s.mu.Unlock()
	close(l.done)
	return l.c, l.err
}

// readFile reads and compresses the file at path, whose Stat is fi.
func readFile(path string, fi os.FileInfo) (*cachedFile, error) {
	body, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	gz, err := gzipBytes(body)
	if err != nil {
		return nil, err
	}
	// Size and time come from the Stat; if the file was replaced in
	// between, the next request sees the new size or time and reloads.
	return &cachedFile{modTime: fi.ModTime(), size: int64(len(body)), body: body, gz: gz, etag: etagOf(body)}, nil
}

// serveBytes answers with body, or its gzipped form gz when the client
// takes gzip, handling If-None-Match, If-Modified-Since, HEAD and ranges
// through http.ServeContent. gz may be nil to compress on the fly.
func serveBytes(w http.ResponseWriter, r *http.Request, ctype string, mod time.Time, etag string, body, gz []byte) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Add("Vary", "Accept-Encoding")
	content := body
	if acceptsGzip(r.Header.Get("Accept-Encoding")) {
		if gz == nil {
			var err error
			if gz, err = gzipBytes(body); err != nil {
				http.Error(w, "internal server error", http.StatusInternalServerError)
				return
			}
		}
		content = gz
		h.Set("Content-Encoding", "gzip")
		// A different representation needs a different ETag.
		etag = strings.TrimSuffix(etag, `"`) + `-gz"`
	}
	h.Set("ETag", etag)
	http.ServeContent(w, r, "", mod, bytes.NewReader(content))
}

// etagOf returns a strong, quoted ETag for body.
func etagOf(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}

func gzipBytes(body []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	if err != nil {
		return nil, fmt.Errorf("server: gzip: %w", err)
	}
	if _, err := zw.Write(body); err != nil {
		return nil, fmt.Errorf("server: gzip: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("server: gzip: %w", err)
	}
	return buf.Bytes(), nil
}
