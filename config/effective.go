package config

import (
	"regexp"
	"time"
)

// EffectiveInterval returns the source's poll interval, its own or c's.
func (s *Source) EffectiveInterval(c *Config) time.Duration {
	if s.Interval != nil {
		return *s.Interval
	}
	return c.Interval
}

// EffectiveTimeout returns the source's request timeout, its own or c's.
func (s *Source) EffectiveTimeout(c *Config) time.Duration {
	if s.Timeout != nil {
		return *s.Timeout
	}
	return c.Timeout
}

// EffectiveMaxBody returns the source's body size cap, its own or c's.
func (s *Source) EffectiveMaxBody(c *Config) int64 {
	if s.MaxBody != nil {
		return *s.MaxBody
	}
	return c.MaxBody
}

// EffectiveRetries returns the source's retry count, its own or c's.
func (s *Source) EffectiveRetries(c *Config) int {
	if s.Retries != nil {
		return *s.Retries
	}
	return c.Retries
}

// EffectiveMaxArticles returns how many article pages of the source one
// pass fetches at most, its own cap or c's (DefaultMaxArticles for a
// Config built in code without one).
func (s *Source) EffectiveMaxArticles(c *Config) int {
	if s.MaxArticles != nil {
		return *s.MaxArticles
	}
	if c.MaxArticles <= 0 {
		return DefaultMaxArticles
	}
	return c.MaxArticles
}

// EffectiveRobots reports whether the source honours robots.txt, by its
// own setting or c's.
func (s *Source) EffectiveRobots(c *Config) bool {
	if s.Robots != nil {
		return *s.Robots
	}
	return c.Robots
}

// EffectiveLocation returns the time zone of the source's dates written
// without one: its own, c's, or UTC.
func (s *Source) EffectiveLocation(c *Config) *time.Location {
	switch {
	case s.Location != nil:
		return s.Location
	case c.Location != nil:
		return c.Location
	}
	return time.UTC
}

// Dedupe reports whether the feed drops items with repeated titles: its
// own setting, else true when it merges more than one source.
func (f *Feed) Dedupe() bool {
	if f.DedupeTitles != nil {
		return *f.DedupeTitles
	}
	return len(f.Sources) > 1
}

// Keep reports whether an item whose title, text and categories are texts
// passes the filter: it must match an Include expression (when there are
// any) and no Exclude expression. An empty filter keeps everything.
func (f Filter) Keep(texts ...string) bool {
	if anyMatch(f.Exclude, texts) {
		return false
	}
	return len(f.Include) == 0 || anyMatch(f.Include, texts)
}

func anyMatch(res []*regexp.Regexp, texts []string) bool {
	for _, re := range res {
		for _, t := range texts {
			if re.MatchString(t) {
				return true
			}
		}
	}
	return false
}
