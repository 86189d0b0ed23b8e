package server

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"math"
	"net/http"
	"time"

	"github.com/refeed/refeed/internal/reltime"
)

// The index page is built from small templates, one file per part
// (templates/*.html): index.html lays the page out and calls the others
// by name, so a new part is a new file and one {{template}} line.
//
//go:embed templates/*.html
var templateFS embed.FS

// indexData is what the index template renders.
type indexData struct {
	Title   string
	Feeds   []feedView
	Sources []sourceView
	Failing int // sources whose last poll failed
	Metrics bool
	Now     time.Time
	// OnTheFly shows the form of the on-the-fly endpoints.
	OnTheFly bool
	Zone     string // name of the zone exact times are written in
	loc      *time.Location
}

// Rel writes t relative to the page's time: "3m ago", "in 25m".
func (d indexData) Rel(t time.Time) string { return reltime.Relative(t, d.Now) }

// Exact writes t in the configured zone with its offset.
func (d indexData) Exact(t time.Time) string { return reltime.Exact(t, d.loc) }

// Due reports whether t has come: a next poll at or before the page's time.
func (d indexData) Due(t time.Time) bool { return !t.After(d.Now) }

// When is the markup of a time on the page: relative, with the exact
// time in the configured zone as its tooltip.
func (d indexData) When(t time.Time) template.HTML {
	if t.IsZero() {
		return `<span class="muted">never</span>`
	}
	return template.HTML(fmt.Sprintf(`<time datetime="%s" title="%s">%s</time>`,
		t.UTC().Format(time.RFC3339), template.HTMLEscapeString(d.Exact(t)), template.HTMLEscapeString(d.Rel(t))))
}

// feedView is a Feed as the index shows it.
type feedView struct {
	Feed
	URL string // absolute URL of the RSS file, to copy into a reader
}

// Built reports whether the feed's files exist yet.
func (f feedView) Built() bool { return !f.Updated.IsZero() }

// sourceView is a SourceHealth as the index shows it.
type sourceView struct {
	SourceHealth
	State string // "ok", "bad" or "new": the health dot's class
	Spark sparkline
}

// parseIndex parses the embedded index templates.
func parseIndex() *template.Template {
	funcs := template.FuncMap{
		"iso": func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
	}
	return template.Must(template.New("index.html").Funcs(funcs).ParseFS(templateFS, "templates/*.html"))
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
	loc := s.location()
	data := indexData{Title: s.title(), Metrics: s.opts.Metrics != nil,
		Now: s.now(), Zone: loc.String(), loc: loc, OnTheFly: s.onTheFly() != nil}
	base := s.baseURL(r)
	for _, f := range feeds {
		data.Feeds = append(data.Feeds, feedView{Feed: f, URL: base.JoinPath(f.Name + ".xml").String()})
	}
	for _, src := range sources {
		v := sourceView{SourceHealth: src, State: "ok", Spark: newSparkline(src.History)}
		switch {
		case src.Failures > 0:
			v.State = "bad"
			data.Failing++
		case src.LastSuccess.IsZero():
			v.State = "new"
		}
		data.Sources = append(data.Sources, v)
	}
	var buf bytes.Buffer
	if err := s.index.Execute(&buf, data); err != nil {
		s.internalError(w, r, fmt.Errorf("server: render index: %w", err))
		return
	}
	w.Header().Set("Cache-Control", "no-cache")
	body := buf.Bytes()
	serveBytes(w, r, "text/html; charset=utf-8", time.Time{}, etagOf(body), body, nil)
}

// Sparkline geometry: one bar per poll, the latest on the right.
const (
	sparkPolls  = 30 // as many as the state keeps
	sparkSlot   = 4  // px per poll: a 3px bar and a 1px gap
	sparkHeight = 24
)

// sparkline is the inline SVG drawing of a source's latest polls: a bar
// per poll, as tall as the new items it brought (square-root scaled, so
// a poll with 1 new item still shows next to one with 40), a full-height
// red bar for a failure, a stub for a poll that brought nothing.
type sparkline struct {
	Width, Height int
	Bars          []sparkBar
	Label         string // what it shows, in words, for screen readers and the tooltip
}

type sparkBar struct {
	X, Y, H int
	Class   string // "n" new items, "z" nothing new, "f" failed
}

func newSparkline(polls []Poll) sparkline {
	if len(polls) > sparkPolls {
		polls = polls[len(polls)-sparkPolls:]
	}
	sp := sparkline{Width: sparkPolls * sparkSlot, Height: sparkHeight}
	most, items, failed := 0, 0, 0
	for _, p := range polls {
		most = max(most, p.New)
		items += p.New
		if p.Failed {
			failed++
		}
	}
	offset := sparkPolls - len(polls)
	for i, p := range polls {
		b := sparkBar{X: (offset + i) * sparkSlot, H: 3, Class: "z"}
		switch {
		case p.Failed:
			b.H, b.Class = sparkHeight, "f"
		case p.New > 0:
			b.H = 4 + int(math.Round(float64(sparkHeight-4)*math.Sqrt(float64(p.New)/float64(most))))
			b.Class = "n"
		}
		b.Y = sparkHeight - b.H
		sp.Bars = append(sp.Bars, b)
	}
	sp.Label = fmt.Sprintf("Last %d polls: %d new %s, %d failed", len(polls), items, plural(items, "item", "items"), failed)
	if len(polls) == 0 {
		sp.Label = "No polls yet"
	}
	return sp
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
