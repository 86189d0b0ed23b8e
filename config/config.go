// Package config reads sources.yaml: the sources refeed polls, the output
// feeds it builds from them, and the global fetch settings.
//
// A Config is a plain value. ParseConfig decodes the YAML over
// DefaultConfig and runs Validate, so every problem in the file comes back
// at once, each with its file and line ("sources.yaml:12:
// sources[3].interval: invalid duration "3x""). Only cmd/ and refresh/
// import this package; they copy the values they need into the option
// structs of the lower packages (refresh.FetchOptions for fetch). A zero
// in the config means "none" (host_delay: 0 is no delay, retries: 0 no
// retry), as an operator reads it; every key is filled in, left-out ones
// from the Default* values, which for fetch settings are fetch's own.
package config

import (
	"fmt"
	"net/netip"
	"regexp"
	"time"
	// The zone database is built in, so "timezone: Asia/Baghdad" works on
	// machines without one (containers, Windows).
	_ "time/tzdata"

	"github.com/refeed/refeed/fetch"
)

// Defaults used by DefaultConfig and for keys a feed leaves out. The
// fetch settings' defaults are package fetch's own, declared once there,
// so a config that leaves a key out and a fetch.Options that leaves a
// field zero behave alike.
const (
	DefaultOutput      = "public"
	DefaultState       = "refeed.db"
	DefaultUserAgent   = fetch.DefaultUserAgent
	DefaultInterval    = 30 * time.Minute
	DefaultConcurrency = fetch.DefaultConcurrency
	DefaultPerHost     = fetch.DefaultPerHost
	DefaultHostDelay   = fetch.DefaultHostDelay
	DefaultTimeout     = fetch.DefaultTimeout
	DefaultMaxBody     = fetch.DefaultMaxBody // 10 MiB
	DefaultRetries     = fetch.DefaultRetries
	DefaultFeedLimit   = 100
	DefaultMaxArticles = 50

	// MinInterval is the shortest poll interval accepted, globally or per source.
	MinInterval = time.Minute

	// AllSources, alone in a feed's source list, stands for every source.
	AllSources = "*"
)

// Config is the whole of sources.yaml.
type Config struct {
	// File is the path the config was read from ("" when built in code).
	// Errors and Where use it.
	File string

	// Title (key "title", optional) names this refeed on its index page,
	// e.g. "Iraqi news". Empty means "refeed".
	Title string
	// Output (key "output") is the folder the feeds are written to.
	// Relative paths are resolved against the config file's folder.
	// Default "public".
	Output string
	// State (key "state") is the embedded state database. Relative paths
	// are resolved against the config file's folder. Default "refeed.db".
	// A postgres://USER@HOST/DB?sslmode=… URL selects a PostgreSQL
	// database instead, which several workers may share.
	State string
	// UserAgent (key "user_agent") is sent with every request.
	UserAgent string
	// Interval (key "interval") is the default poll interval used by
	// `refeed serve`. Default 30m, at least 1m.
	Interval time.Duration
	// BaseURL (key "base_url", optional) is the public URL the output
	// folder is served at, used for rel=self links. Validate makes sure it
	// ends in "/".
	BaseURL string
	// SiteRules (key "site_rules", optional) points at a folder of
	// per-site extraction rules in the ftr-site-config format.
	SiteRules SiteRules
	// Concurrency (key "concurrency") is the global number of requests in
	// flight. Default 8.
	Concurrency int
	// PerHost (key "per_host") is the number of requests in flight per
	// host. Default 2.
	PerHost int
	// HostDelay (key "host_delay") is the minimum delay between two
	// requests to one host. Default 250ms.
	HostDelay time.Duration
	// Timeout (key "timeout") bounds each request. Default 20s.
	Timeout time.Duration
	// MaxBody (key "max_body") caps a response body in bytes; the YAML
	// takes "10MiB", "512KB" or plain bytes. Default 10 MiB.
	MaxBody int64
	// Retries (key "retries") is how often a failed request is retried.
	// Default 3.
	Retries int
	// MaxArticles (key "max_articles") caps the article pages fetched for
	// one source in one pass; the items beyond it keep their feed text
	// and get their article in later passes, newest first. Default 50.
	MaxArticles int
	// Robots (key "robots") makes article fetches honour robots.txt.
	// Default true.
	Robots bool
	// TimeZone (key "timezone", optional) is the IANA time zone
	// ("Asia/Baghdad") of dates that feeds and pages write without one.
	// Empty means UTC. Location holds it loaded; Validate fills it.
	TimeZone string
	Location *time.Location
	// AllowNetworks (key "allow_networks", optional) are the private
	// networks ("192.168.1.0/24", "10.0.0.5") that URLs taken from
	// content (article and next-page links, discovered feeds, redirects)
	// may reach. Without them such a URL reaches a loopback, private,
	// link-local or other non-public address only on its source's own
	// host; the URLs written in this file are trusted as they are.
	AllowNetworks []netip.Prefix

	// OnTheFly (key "on_the_fly") opens full text of any feed on request.
	OnTheFly OnTheFly

	// Sources (key "sources") are the feeds and pages polled.
	Sources []Source
	// Feeds (key "feeds") are the output feeds built from the sources.
	Feeds []Feed

	// meta holds what the parser learnt about the file (lines per field);
	// nil for a Config built in code.
	meta *meta
}

// Source types: what the URL of a source points at.
const (
	// TypeFeed is a source whose URL is a feed, or a page that links one.
	TypeFeed = "feed"
	// TypePage is a source whose URL is a listing page (a news site's home
	// or section page) without a feed: its article links become the items.
	TypePage = "page"
)

// Source is one entry of "sources": a feed or listing page refeed polls.
type Source struct {
	// Name (key "name", required) identifies the source in feeds, state
	// and logs. It must match [a-z0-9][a-z0-9_-]*, at most 64 characters.
	Name string
	// URL (key "url", required) is the absolute http(s) URL of the feed,
	// or of the listing page for a page source.
	URL string
	// Type (key "type") is TypeFeed ("feed", the default) or TypePage
	// ("page": the URL is a listing page and feed parsing is skipped).
	// Setting Links implies "page"; Validate fills in the default.
	Type string
	// Links (key "links", optional) is a CSS selector of the article
	// links on a page source's listing page: a elements, or containers
	// whose first a[href] is taken. Empty leaves finding them to
	// heuristics. Setting it implies type "page".
	Links string
	// LinkTitle (key "link_title", optional) is a CSS selector of an
	// article's title, matched inside each element Links selects. It
	// needs Links.
	LinkTitle string
	// FullText (key "fulltext": true, false or auto) says which items
	// get their page fetched and the article extracted from it. It
	// defaults to FullTextOn for a page source read from a file, whose
	// listing gives little more than titles, and to FullTextOff
	// otherwise; an explicit "fulltext: false" is kept. (A Source built
	// in code is taken as given; "" is FullTextOff.)
	FullText FullText
	// fullTextSet records that the file gave "fulltext" explicitly.
	fullTextSet bool
	// Language (key "language") is the BCP 47 tag given to items that do
	// not carry one ("ar").
	Language string
	// Charset (key "charset") forces the charset of the feed and its
	// pages ("windows-1256") when the server lies about it.
	Charset string
	// Headers (key "headers") are extra request headers.
	Headers map[string]string
	// Extract (key "extract") optionally tells the extractor where the
	// article is and what to strip from it.
	Extract ExtractRule
	// Pages (key "pages") optionally says how an article split over
	// pages is followed; see PagesRule.
	Pages PagesRule
	// Include and Exclude (keys "include", "exclude") are regular
	// expressions matched against an item's title, text and categories:
	// when Include is set an item must match one of them, and an item
	// matching any of Exclude is dropped. Filter holds them compiled.
	Include, Exclude []string
	// Filter is Include and Exclude compiled; Validate fills it.
	Filter Filter

	// Per-source overrides of the global settings of the same key; nil
	// means "use the global value". Use the Effective methods to read them.
	Interval *time.Duration // key "interval"
	Timeout  *time.Duration // key "timeout"
	MaxBody  *int64         // key "max_body"
	Retries  *int           // key "retries"
	// MaxArticles (key "max_articles") overrides the global cap on
	// article pages fetched per pass.
	MaxArticles *int
	Robots      *bool // key "robots"
	// TimeZone (key "timezone") overrides the global time zone; Location
	// holds it loaded (nil when TimeZone is empty). Validate fills it.
	TimeZone string
	Location *time.Location

	// Line is the line of the source's entry in the config file (0 when
	// built in code), for messages at run time.
	Line int
}

// FullText is when a source's items get their article extracted from
// their page.
type FullText string

// The values of a source's "fulltext" key.
const (
	// FullTextOff republishes the feed's own content.
	FullTextOff FullText = "false"
	// FullTextOn extracts the article of every item.
	FullTextOn FullText = "true"
	// FullTextAuto extracts the article of items whose feed text looks
	// like a teaser (short, or cut off with "…" or "read more"), for
	// feeds that carry some articles whole and some not.
	FullTextAuto FullText = "auto"
)

// Extracts reports whether the mode fetches any article pages.
func (m FullText) Extracts() bool { return m == FullTextOn || m == FullTextAuto }

// SiteRules is the "site_rules" key: a folder of per-host rule files in the
// ftr-site-config format (such as fivefilters' public set), applied to the
// article pages of every host that has a file. A source's own "extract"
// rule wins over them.
type SiteRules struct {
	// Dir (key "dir") is the folder of rule files. Relative paths are
	// resolved against the config file's folder. Empty turns site rules off.
	Dir string
	// Global (key "global") also applies global.txt, to every host.
	// Default false.
	Global bool
}

// ExtractRule is a source's "extract" key. Both parts are optional; an
// empty rule leaves the extractor to find the article itself.
type ExtractRule struct {
	// Body (key "body") is a CSS selector for the article body.
	Body string
	// Strip (key "strip") are CSS selectors of elements removed from it.
	Strip []string
}

// DefaultMaxPages is how many pages of one article are joined when a
// source's "pages" key does not say.
const DefaultMaxPages = 10

// PagesRule is a source's "pages" key. Every part is optional: without
// selectors, the site rules and the extractor find the page links.
type PagesRule struct {
	// Next (key "next") is a CSS selector of the link to an article's next
	// page. When set, it alone decides: no match means the last page.
	Next string
	// Single (key "single") is a CSS selector of the link to the whole
	// article on one page (a "print" or "view all" version), which is
	// then fetched instead of following the pages.
	Single string
	// Max (key "max") is how many pages of one article are joined at
	// most. Zero means DefaultMaxPages; 1 turns following pages off.
	Max int
}

// EffectiveMax returns the most pages of one article to join.
func (p PagesRule) EffectiveMax() int {
	if p.Max <= 0 {
		return DefaultMaxPages
	}
	return p.Max
}

// Feed is one entry of "feeds": an output feed merged from sources.
type Feed struct {
	// Name (key "name", required) is the feed's file name without
	// extension; it must match [a-z0-9][a-z0-9_-]*, at most 64 characters.
	Name string
	// Title (key "title") is the feed title; Validate sets it to Name when
	// empty.
	Title string
	// Link (key "link", optional) is the absolute http(s) URL of the site
	// the feed stands for.
	Link string
	// Description (key "description") describes the feed.
	Description string
	// Language (key "language") is the feed's BCP 47 language tag.
	Language string
	// Icon (key "icon", optional) is the absolute http(s) URL of an image.
	Icon string
	// Sources (key "sources", required) names the sources merged into the
	// feed; each must exist in the config. The list ["*"] stands for every
	// source, and Validate expands it.
	Sources []string
	// Limit (key "limit") is the maximum number of items. Default 100,
	// at least 1.
	Limit int
	// MaxAge (key "max_age", optional) drops items older than this; the
	// YAML also takes days ("30d"). Zero keeps items of any age.
	MaxAge time.Duration
	// DedupeTitles (key "dedupe_titles") drops items whose title repeats
	// one already in the feed. Nil means "yes when the feed merges more
	// than one source"; read it with Dedupe.
	DedupeTitles *bool
	// Include, Exclude and Filter work as on Source, on the merged feed.
	Include, Exclude []string
	Filter           Filter

	// Line is the line of the feed's entry in the config file.
	Line int
}

// Filter is a compiled include/exclude pair.
type Filter struct {
	Include []*regexp.Regexp
	Exclude []*regexp.Regexp
}

// DefaultConfig returns a Config holding every default and no sources.
func DefaultConfig() *Config {
	return &Config{
		Output:      DefaultOutput,
		State:       DefaultState,
		UserAgent:   DefaultUserAgent,
		Interval:    DefaultInterval,
		Concurrency: DefaultConcurrency,
		PerHost:     DefaultPerHost,
		HostDelay:   DefaultHostDelay,
		Timeout:     DefaultTimeout,
		MaxBody:     DefaultMaxBody,
		Retries:     DefaultRetries,
		MaxArticles: DefaultMaxArticles,
		Robots:      true,
		OnTheFly:    OnTheFly{MaxItems: DefaultOnTheFlyMaxItems, RateLimit: DefaultOnTheFlyRateLimit},
	}
}

// Where returns "file:line" for a line of the config file, e.g. for a
// run-time error about a source: cfg.Where(src.Line).
func (c *Config) Where(line int) string {
	file := c.File
	if file == "" {
		file = "config"
	}
	if line <= 0 {
		return file
	}
	return fmt.Sprintf("%s:%d", file, line)
}

// IsPage reports whether the source is a listing page (TypePage, or Links
// set), whose items come from its article links rather than a feed.
func (s *Source) IsPage() bool {
	return s.Type == TypePage || s.Links != ""
}

// Source returns the source named name, or nil.
func (c *Config) Source(name string) *Source {
	for i := range c.Sources {
		if c.Sources[i].Name == name {
			return &c.Sources[i]
		}
	}
	return nil
}

// Feed returns the feed named name, or nil.
func (c *Config) Feed(name string) *Feed {
	for i := range c.Feeds {
		if c.Feeds[i].Name == name {
			return &c.Feeds[i]
		}
	}
	return nil
}

// Unpublished returns the sources that no feed lists: they are polled and
// stored, but nothing is published from them. That is allowed (a source
// kept for later), so it is a warning, not an error.
func (c *Config) Unpublished() []*Source {
	listed := map[string]bool{}
	for _, f := range c.Feeds {
		for _, s := range f.Sources {
			listed[s] = true
		}
	}
	var out []*Source
	for i := range c.Sources {
		if !listed[c.Sources[i].Name] {
			out = append(out, &c.Sources[i])
		}
	}
	return out
}
