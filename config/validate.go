package config

import (
	"fmt"
	"os"
	"strings"
	"time"
)

// validator collects the problems Validate finds.
type validator struct {
	c    *Config
	meta *meta
	errs Errors
}

// Validate checks the whole config and returns an Errors listing every
// problem, or nil. It never stops at the first problem. On the way it
// compiles each Filter, sets an empty feed Title to the feed's Name and
// makes BaseURL end in "/". It is safe to call more than once.
func (c *Config) Validate() error {
	v := &validator{c: c, meta: c.meta}
	if v.meta == nil {
		v.meta = &meta{file: c.Where(0), lines: map[string]int{}, failed: map[string]bool{}}
	}
	v.globals()
	v.onTheFly()
	v.sources()
	v.feeds()
	return v.errs.err()
}

// add records a problem with the field at path, unless decoding already
// reported that field.
func (v *validator) add(path string, sentinel error, format string, args ...any) {
	if v.decodeFailed(path) {
		return
	}
	v.errs = append(v.errs, &Error{
		File: v.meta.file, Line: v.line(path), Field: path,
		Msg: fmt.Sprintf(format, args...), Err: sentinel,
	})
}

// decodeFailed reports whether path or a parent of it did not decode.
func (v *validator) decodeFailed(path string) bool {
	for {
		if v.meta.failed[path] {
			return true
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			return false
		}
		path = path[:i]
	}
}

// line finds the line of path, or of its nearest parent the parser saw
// ("sources[1].url" falls back to the line of "sources[1]").
func (v *validator) line(path string) int {
	for path != "" {
		if l, ok := v.meta.lines[path]; ok {
			return l
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return 0
}

func (v *validator) globals() {
	c := v.c
	v.required("output", c.Output)
	v.required("state", c.State)
	v.required("user_agent", c.UserAgent)
	v.minDuration("interval", c.Interval, MinInterval)
	if c.BaseURL != "" {
		if v.url("base_url", c.BaseURL) && !strings.HasSuffix(c.BaseURL, "/") {
			c.BaseURL += "/"
		}
	}
	v.atLeast("concurrency", c.Concurrency, 1)
	v.atLeast("per_host", c.PerHost, 1)
	v.minDuration("host_delay", c.HostDelay, 0)
	v.minDuration("timeout", c.Timeout, time.Millisecond)
	v.positiveSize("max_body", c.MaxBody)
	v.atLeast("retries", c.Retries, 0)
	v.atLeast("max_articles", c.MaxArticles, 1)
	c.Location = v.timeZone("timezone", c.TimeZone)
	if c.SiteRules.Dir != "" {
		if fi, err := os.Stat(c.SiteRules.Dir); err != nil || !fi.IsDir() {
			v.add("site_rules.dir", ErrInvalid, "%s is not a folder", c.SiteRules.Dir)
		}
	}
	if len(c.Sources) == 0 {
		v.add("sources", ErrMissing, "at least one source is required")
	}
	if len(c.Feeds) == 0 {
		v.add("feeds", ErrMissing, "at least one feed is required")
	}
}

func (v *validator) sources() {
	seen := map[string]int{}
	for i := range v.c.Sources {
		s := &v.c.Sources[i]
		p := fmt.Sprintf("sources[%d]", i)
		v.name(p+".name", s.Name, seen, s.Line)
		if v.required(p+".url", s.URL) {
			v.url(p+".url", s.URL)
		}
		v.language(p+".language", s.Language)
		v.charset(p+".charset", s.Charset)
		v.headers(p+".headers", s.Headers)
		v.overrides(p, s)
		v.sourceType(p, s)
		if s.Extract.Body != "" {
			v.selector(p+".extract.body", s.Extract.Body)
		}
		for j, sel := range s.Extract.Strip {
			v.selector(fmt.Sprintf("%s.extract.strip[%d]", p, j), sel)
		}
		v.pages(p+".pages", s.Pages)
		s.Filter = v.filter(p, s.Include, s.Exclude)
	}
}

// pages checks a source's "pages" key.
func (v *validator) pages(p string, r PagesRule) {
	if r.Next != "" {
		v.selector(p+".next", r.Next)
	}
	if r.Single != "" {
		v.selector(p+".single", r.Single)
	}
	v.atLeast(p+".max", r.Max, 0)
}

// sourceType checks the type of a source and its listing selectors,
// filling in the default type and, for a page source from a file that did
// not say, fulltext: true.
func (v *validator) sourceType(p string, s *Source) {
	switch s.Type {
	case "":
		s.Type = TypeFeed
		if s.Links != "" {
			s.Type = TypePage
		}
	case TypeFeed:
		if s.Links != "" {
			v.add(p+".links", ErrInvalid, "a listing page selector needs type %q, not %q", TypePage, TypeFeed)
		}
	case TypePage:
	default:
		v.add(p+".type", ErrInvalid, "invalid type %q: want %q or %q", s.Type, TypeFeed, TypePage)
	}
	if s.Links != "" {
		v.selector(p+".links", s.Links)
	}
	if s.LinkTitle != "" {
		if s.Links == "" {
			v.add(p+".link_title", ErrMissing, "needs links, the selector it is matched inside")
		} else {
			v.selector(p+".link_title", s.LinkTitle)
		}
	}
	switch {
	case s.IsPage() && !s.fullTextSet && v.c.meta != nil:
		s.FullText = FullTextOn
	case s.FullText == "":
		s.FullText = FullTextOff
	}
}

// overrides checks a source's per-source settings.
func (v *validator) overrides(p string, s *Source) {
	if s.Interval != nil {
		v.minDuration(p+".interval", *s.Interval, MinInterval)
	}
	if s.Timeout != nil {
		v.minDuration(p+".timeout", *s.Timeout, time.Millisecond)
	}
	if s.MaxBody != nil {
		v.positiveSize(p+".max_body", *s.MaxBody)
	}
	if s.Retries != nil {
		v.atLeast(p+".retries", *s.Retries, 0)
	}
	if s.MaxArticles != nil {
		v.atLeast(p+".max_articles", *s.MaxArticles, 1)
	}
	s.Location = v.timeZone(p+".timezone", s.TimeZone)
}

func (v *validator) feeds() {
	seen := map[string]int{}
	names := make([]string, len(v.c.Sources))
	for i, s := range v.c.Sources {
		names[i] = s.Name
	}
	for i := range v.c.Feeds {
		f := &v.c.Feeds[i]
		p := fmt.Sprintf("feeds[%d]", i)
		v.name(p+".name", f.Name, seen, f.Line)
		if f.Title == "" {
			f.Title = f.Name
		}
		if f.Link != "" {
			v.url(p+".link", f.Link)
		}
		if f.Icon != "" {
			v.url(p+".icon", f.Icon)
		}
		v.language(p+".language", f.Language)
		f.Sources = v.feedSources(p+".sources", f.Sources, names)
		v.atLeast(p+".limit", f.Limit, 1)
		v.minDuration(p+".max_age", f.MaxAge, 0)
		f.Filter = v.filter(p, f.Include, f.Exclude)
	}
}

// feedSources checks that a feed names at least one source, each known,
// and returns the list with AllSources expanded to every known source.
func (v *validator) feedSources(p string, list, known []string) []string {
	if len(list) == 0 {
		v.add(p, ErrMissing, "missing: name at least one source")
		return list
	}
	if len(list) == 1 && list[0] == AllSources {
		return append([]string(nil), known...)
	}
	dup := map[string]bool{}
	for j, name := range list {
		ep := fmt.Sprintf("%s[%d]", p, j)
		switch {
		case name == AllSources:
			v.add(ep, ErrInvalid, "%q stands for every source and must be alone in the list", AllSources)
		case dup[name]:
			v.add(ep, ErrDuplicate, "source %q listed twice", name)
		case !contains(known, name):
			v.add(ep, ErrUnknownSource, "unknown source %q%s", name, suggest(name, known))
		}
		dup[name] = true
	}
	return list
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
