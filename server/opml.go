package server

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/refeed/refeed/opml"
)

// handleOPML serves the output feeds as an OPML subscription list, one
// outline per feed pointing at its RSS file, so a reader can subscribe to
// all of them at once.
func (s *Server) handleOPML(w http.ResponseWriter, r *http.Request) {
	feeds, err := s.opts.Provider.Feeds(r.Context())
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	base := s.baseURL(r)
	doc := &opml.Document{Title: s.title()}
	var newest time.Time
	for _, f := range feeds {
		doc.Outlines = append(doc.Outlines, opml.Outline{
			Text: f.Title, Title: f.Title, Type: "rss", Description: f.Description, Language: f.Language,
			XMLURL: base.JoinPath(f.Name + ".xml").String(), HTMLURL: base.String(),
		})
		if f.Updated.After(newest) {
			newest = f.Updated
		}
	}
	doc.Created = newest.Truncate(time.Second)
	var buf bytes.Buffer
	if err := opml.Write(&buf, doc); err != nil {
		s.internalError(w, r, fmt.Errorf("server: %w", err))
		return
	}
	w.Header().Set("Content-Disposition", `inline; filename="refeed.opml"`)
	w.Header().Set("Cache-Control", "no-cache")
	body := buf.Bytes()
	serveBytes(w, r, "text/x-opml; charset=utf-8", time.Time{}, etagOf(body), body, nil)
}

// baseURL is what Options.BaseURL says, or else the site root as the request reached
// it: scheme and host from X-Forwarded-Proto and X-Forwarded-Host when a
// reverse proxy set them, else from the connection and Host header.
func (s *Server) baseURL(r *http.Request) *url.URL {
	if s.opts.BaseURL != nil {
		if u, err := url.Parse(s.opts.BaseURL()); err == nil && u.IsAbs() {
			return u
		}
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	if p := firstValue(r.Header.Get("X-Forwarded-Proto")); p == "http" || p == "https" {
		scheme = p
	}
	host := r.Host
	if h := firstValue(r.Header.Get("X-Forwarded-Host")); h != "" {
		host = h
	}
	return &url.URL{Scheme: scheme, Host: host, Path: "/"}
}

// firstValue returns the first of a comma-separated header list, trimmed.
func firstValue(v string) string {
	first, _, _ := strings.Cut(v, ",")
	return strings.TrimSpace(first)
}
