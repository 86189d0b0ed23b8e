package server

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"time"
)

//go:embed templates/index.html templates/onthefly.html
var templateFS embed.FS

// indexData is what the index template renders.
type indexData struct {
	Title   string
	Feeds   []Feed
	Sources []SourceHealth
	Metrics bool
	Now     time.Time
	// OnTheFly shows the form of the on-the-fly endpoints.
	OnTheFly bool
}

// parseIndex parses the embedded index template.
func parseIndex(now func() time.Time) *template.Template {
	funcs := template.FuncMap{
		"iso": func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
		"ago": func(t time.Time) string { return ago(now().Sub(t)) },
	}
	return template.Must(template.New("index.html").Funcs(funcs).ParseFS(templateFS, "templates/index.html", "templates/onthefly.html"))
}

func (s *Server) handleIndex(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	feeds, err := s.opts.Provider.Feeds(ctx)
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	sources, err := s.opts.Provider.Sources(ctx)
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	data := indexData{Title: s.opts.Title, Feeds: feeds, Sources: sources,
		Metrics: s.opts.Metrics != nil, Now: s.now().Truncate(time.Second), OnTheFly: s.onTheFly() != nil}
	var buf bytes.Buffer
	if err := s.index.Execute(&buf, data); err != nil {
		s.internalError(w, r, fmt.Errorf("server: render index: %w", err))
		return
	}
	w.Header().Set("Cache-Control", "no-cache")
	body := buf.Bytes()
	serveBytes(w, r, "text/html; charset=utf-8", time.Time{}, etagOf(body), body, nil)
}

// ago renders a duration as a short "how long ago" for the index.
func ago(d time.Duration) string {
	switch {
	case d < 0:
		return "just now"
	case d < time.Minute:
		return fmt.Sprintf("%ds ago", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%dm ago", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh %dm ago", int(d.Hours()), int(d.Minutes())%60)
	default:
		return fmt.Sprintf("%dd ago", int(d.Hours()/24))
	}
}
