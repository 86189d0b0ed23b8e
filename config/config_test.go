package config_test

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/refeed/refeed/config"
)

func TestReadConfigFile_Full(t *testing.T) {
	c, err := config.ReadConfigFile(filepath.Join("testdata", "sources.yaml"))
	if err != nil {
		t.Fatalf("ReadConfigFile: %v", err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"Title", c.Title, "Iraqi news"},
		{"Output", c.Output, filepath.Join("testdata", "public")},
		{"State", c.State, filepath.Join("testdata", "state", "refeed.db")},
		{"UserAgent", c.UserAgent, "refeed/0.1 (+https://example.org/refeed)"},
		{"Interval", c.Interval, 30 * time.Minute},
		{"BaseURL", c.BaseURL, "https://example.org/feeds/"},
		{"Concurrency", c.Concurrency, 8},
		{"PerHost", c.PerHost, 2},
		{"HostDelay", c.HostDelay, 250 * time.Millisecond},
		{"Timeout", c.Timeout, 20 * time.Second},
		{"MaxBody", c.MaxBody, int64(10 << 20)},
		{"Retries", c.Retries, 3},
		{"Robots", c.Robots, true},
		{"TimeZone", c.TimeZone, "Asia/Baghdad"},
		{"Location", c.Location.String(), "Asia/Baghdad"},
		{"len(Sources)", len(c.Sources), 3},
		{"len(Feeds)", len(c.Feeds), 2},
	}
	for _, ch := range checks {
		if !reflect.DeepEqual(ch.got, ch.want) {
			t.Errorf("%s = %#v, want %#v", ch.name, ch.got, ch.want)
		}
	}
}

func TestReadConfigFile_Sources(t *testing.T) {
	c, err := config.ReadConfigFile(filepath.Join("testdata", "sources.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	b, a, p := c.Source("buratha"), c.Source("alsumaria"), c.Source("ina-page")
	if b == nil || a == nil || p == nil {
		t.Fatalf("Source lookup failed: %v, %v, %v", b, a, p)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"URL", b.URL, "https://burathanews.com/rss.php"},
		{"Type", b.Type, config.TypeFeed},
		{"IsPage", b.IsPage(), false},
		{"FullText", b.FullText, config.FullTextOn},
		{"Language", b.Language, "ar"},
		{"Charset", b.Charset, "windows-1256"},
		{"Headers", b.Headers, map[string]string{"Referer": "https://burathanews.com/"}},
		{"Extract", b.Extract, config.ExtractRule{Body: "div.article", Strip: []string{".share", "#comments"}}},
		{"Include", b.Include, []string{"العراق", "(?i)iraq"}},
		{"Line", b.Line, 16},
		{"EffectiveInterval", b.EffectiveInterval(c), 15 * time.Minute},
		{"EffectiveTimeout", b.EffectiveTimeout(c), 45 * time.Second},
		{"EffectiveMaxBody", b.EffectiveMaxBody(c), int64(512000)},
		{"EffectiveRetries", b.EffectiveRetries(c), 0},
		{"EffectiveRobots", b.EffectiveRobots(c), false},
		{"inherited interval", a.EffectiveInterval(c), 30 * time.Minute},
		{"inherited timeout", a.EffectiveTimeout(c), 20 * time.Second},
		{"inherited max_body", a.EffectiveMaxBody(c), int64(10 << 20)},
		{"inherited retries", a.EffectiveRetries(c), 3},
		{"inherited robots", a.EffectiveRobots(c), true},
		{"default Type", a.Type, config.TypeFeed},
		{"default FullText", a.FullText, config.FullTextOff},
		{"page Type", p.Type, config.TypePage},
		{"page IsPage", p.IsPage(), true},
		{"page Links", p.Links, "div.news-list article"},
		{"page LinkTitle", p.LinkTitle, "h3"},
		{"page default FullText", p.FullText, config.FullTextOn},
		{"inherited location", b.EffectiveLocation(c).String(), "Asia/Baghdad"},
		{"own location", p.EffectiveLocation(c).String(), "UTC"},
		{"Where", c.Where(b.Line), filepath.Join("testdata", "sources.yaml") + ":16"},
	}
	for _, ch := range checks {
		if !reflect.DeepEqual(ch.got, ch.want) {
			t.Errorf("%s = %#v, want %#v", ch.name, ch.got, ch.want)
		}
	}
	if !b.Filter.Keep("Iraq votes") || b.Filter.Keep("weather") || b.Filter.Keep("العراق", "إعلان") {
		t.Error("buratha Filter does not apply include/exclude")
	}
}

func TestReadConfigFile_Feeds(t *testing.T) {
	c, err := config.ReadConfigFile(filepath.Join("testdata", "sources.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	iraq, only := c.Feeds[0], c.Feeds[1]
	checks := []struct {
		name      string
		got, want any
	}{
		{"Name", iraq.Name, "iraq"},
		{"Title", iraq.Title, "أخبار العراق"},
		{"Link", iraq.Link, "https://example.org/iraq"},
		{"Description", iraq.Description, "Iraqi news, full text"},
		{"Language", iraq.Language, "ar"},
		{"Icon", iraq.Icon, "https://example.org/icon.png"},
		{"Sources", iraq.Sources, []string{"buratha", "alsumaria"}},
		{"Limit", iraq.Limit, 200},
		{"MaxAge", iraq.MaxAge, 30 * 24 * time.Hour},
		{"Dedupe (two sources, unset)", iraq.Dedupe(), true},
		{"Line", iraq.Line, 41},
		{"default Title", only.Title, "buratha-only"},
		{"default Limit", only.Limit, config.DefaultFeedLimit},
		{"Dedupe (set)", only.Dedupe(), true},
	}
	for _, ch := range checks {
		if !reflect.DeepEqual(ch.got, ch.want) {
			t.Errorf("%s = %#v, want %#v", ch.name, ch.got, ch.want)
		}
	}
	if iraq.Filter.Keep("رياضة اليوم") || !iraq.Filter.Keep("سياسة") {
		t.Error("iraq Filter does not apply exclude")
	}
}

func TestParseConfig_Defaults(t *testing.T) {
	const y = `
sources:
  - {name: a, url: "https://a.example/rss"}
  - {name: b, url: "http://b.example/rss"}
feeds:
  - {name: one, sources: [a]}
  - {name: both, sources: [a, b]}
`
	c, err := config.ParseConfig(strings.NewReader(y), "sources.yaml")
	if err != nil {
		t.Fatal(err)
	}
	d := config.DefaultConfig()
	if c.Output != d.Output || c.State != d.State || c.Interval != d.Interval || c.MaxBody != d.MaxBody ||
		c.UserAgent != config.DefaultUserAgent || !c.Robots || c.Retries != config.DefaultRetries {
		t.Errorf("defaults not kept: %+v", c)
	}
	if c.Feeds[0].Dedupe() || !c.Feeds[1].Dedupe() {
		t.Errorf("Dedupe default: one source %v, two sources %v; want false, true", c.Feeds[0].Dedupe(), c.Feeds[1].Dedupe())
	}
	if c.BaseURL != "" {
		t.Errorf("BaseURL = %q, want empty", c.BaseURL)
	}
}

func TestParseConfig_PathsRelativeToFile(t *testing.T) {
	const y = "output: out\nstate: /var/lib/refeed/refeed.db\n" +
		"sources: [{name: a, url: 'https://a.example/'}]\nfeeds: [{name: f, sources: [a]}]\n"
	c, err := config.ParseConfig(strings.NewReader(y), filepath.Join("/etc", "refeed", "sources.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join("/etc", "refeed", "out"); c.Output != want {
		t.Errorf("Output = %q, want %q", c.Output, want)
	}
	if want := "/var/lib/refeed/refeed.db"; c.State != want {
		t.Errorf("State = %q, want the absolute path kept %q", c.State, want)
	}
}

func TestParseConfig_PageSources(t *testing.T) {
	tests := []struct {
		name     string
		keys     string // added to a source with a name and url
		wantType string
		wantFull config.FullText
	}{
		{"default is a feed", "", config.TypeFeed, config.FullTextOff},
		{"feed with fulltext", "fulltext: true", config.TypeFeed, config.FullTextOn},
		{"feed with fulltext auto", "fulltext: auto", config.TypeFeed, config.FullTextAuto},
		{"feed with fulltext Auto", "fulltext: Auto", config.TypeFeed, config.FullTextAuto},
		{"feed with fulltext yes (YAML 1.1)", "fulltext: yes", config.TypeFeed, config.FullTextOn},
		{"page defaults to fulltext", "type: page", config.TypePage, config.FullTextOn},
		{"page keeps explicit fulltext false", "type: page, fulltext: false", config.TypePage, config.FullTextOff},
		{"page with explicit fulltext true", "type: page, fulltext: true", config.TypePage, config.FullTextOn},
		{"links imply page", "links: 'main a.headline'", config.TypePage, config.FullTextOn},
		{"links and title", "links: 'li.news', link_title: 'h3 a'", config.TypePage, config.FullTextOn},
		{"links with fulltext false", "links: 'li.news a', fulltext: false", config.TypePage, config.FullTextOff},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			y := "sources:\n  - {name: a, url: 'https://a.example/'"
			if tt.keys != "" {
				y += ", " + tt.keys
			}
			y += "}\n" + feedsTail
			c, err := config.ParseConfig(strings.NewReader(y), "sources.yaml")
			if err != nil {
				t.Fatal(err)
			}
			s := c.Sources[0]
			if s.Type != tt.wantType || s.FullText != tt.wantFull || s.IsPage() != (tt.wantType == config.TypePage) {
				t.Errorf("Type, FullText, IsPage = %q, %v, %v; want %q, %v, %v",
					s.Type, s.FullText, s.IsPage(), tt.wantType, tt.wantFull, tt.wantType == config.TypePage)
			}
			if err := c.Validate(); err != nil || !reflect.DeepEqual(c.Sources[0], s) {
				t.Errorf("second Validate changed the source or failed: %v", err)
			}
		})
	}
}

func TestValidate_PageBuiltInCode(t *testing.T) {
	c := config.DefaultConfig()
	c.Sources = []config.Source{{Name: "a", URL: "https://a.example/", Links: "li a"}}
	c.Feeds = []config.Feed{{Name: "f", Sources: []string{"a"}, Limit: 10}}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if s := c.Sources[0]; s.Type != config.TypePage || s.FullText.Extracts() {
		t.Errorf("Type, FullText = %q, %v; want %q and FullText taken as given (false)", s.Type, s.FullText, config.TypePage)
	}
}

func TestReadConfigFile_Missing(t *testing.T) {
	_, err := config.ReadConfigFile(filepath.Join(t.TempDir(), "nope.yaml"))
	if err == nil || !strings.HasPrefix(err.Error(), "config: ") {
		t.Errorf("error = %v, want a config: error", err)
	}
}

func TestValidate_BuiltInCode(t *testing.T) {
	c := config.DefaultConfig()
	c.Sources = []config.Source{{Name: "a", URL: "https://a.example/"}}
	c.Feeds = []config.Feed{{Name: "f", Sources: []string{"a", "b"}}}
	err := c.Validate()
	want := `config: feeds[0].sources[1]: unknown source "b"` + "\n" +
		"config: feeds[0].limit: must be at least 1, got 0"
	if err == nil || err.Error() != want {
		t.Errorf("Validate() = %v\nwant %v", err, want)
	}
	c.Feeds[0] = config.Feed{Name: "f", Sources: []string{"a"}, Limit: 10}
	if err := c.Validate(); err != nil {
		t.Errorf("Validate() of a good config = %v", err)
	}
}

func TestErrors_IsAndAs(t *testing.T) {
	const y = "sources:\n  - name: a\n    url: nope\n    intervl: 1m\nfeeds: [{name: f, sources: [b]}]\n"
	_, err := config.ParseConfig(strings.NewReader(y), "sources.yaml")
	for _, sentinel := range []error{config.ErrInvalid, config.ErrUnknownKey, config.ErrUnknownSource} {
		if !errors.Is(err, sentinel) {
			t.Errorf("errors.Is(err, %v) = false; err = %v", sentinel, err)
		}
	}
	if errors.Is(err, config.ErrDuplicate) {
		t.Errorf("errors.Is(err, ErrDuplicate) = true; err = %v", err)
	}
	var list config.Errors
	if !errors.As(err, &list) || len(list) != 3 {
		t.Fatalf("errors.As(Errors) = %v (%d errors); err = %v", list, len(list), err)
	}
	var one *config.Error
	if !errors.As(err, &one) || one.Line != 3 || one.Field != "sources[0].url" {
		t.Errorf("first *Error = %+v, want line 3 sources[0].url", one)
	}
}

func TestParseConfig_AllSources(t *testing.T) {
	yaml := `
sources:
  - {name: a, url: "https://a.example/rss"}
  - {name: b, url: "https://b.example/rss"}
feeds:
  - {name: every, sources: ["*"]}
  - {name: one, sources: [b]}
`
	c, err := config.ParseConfig(strings.NewReader(yaml), "sources.yaml")
	if err != nil {
		t.Fatal(err)
	}
	every, one := &c.Feeds[0], &c.Feeds[1]
	if !reflect.DeepEqual(every.Sources, []string{"a", "b"}) {
		t.Errorf(`sources ["*"] = %q, want every source`, every.Sources)
	}
	if !every.Dedupe() {
		t.Error(`a feed of every source (two) does not dedupe titles by default`)
	}
	if got := one.Sources; !reflect.DeepEqual(got, []string{"b"}) {
		t.Errorf("sources [b] = %q", got)
	}
}

func TestUnpublished(t *testing.T) {
	yaml := `
sources:
  - {name: a, url: "https://a.example/rss"}
  - {name: b, url: "https://b.example/rss"}
  - {name: c, url: "https://c.example/rss"}
feeds:
  - {name: one, sources: [a]}
  - {name: two, sources: [a, c]}
`
	c, err := config.ParseConfig(strings.NewReader(yaml), "sources.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got := c.Unpublished()
	if len(got) != 1 || got[0].Name != "b" || got[0].Line != 4 {
		t.Errorf("Unpublished = %+v, want source b of line 4", got)
	}
}

func TestParseConfig_AllowNetworks(t *testing.T) {
	yaml := "allow_networks:\n  - 192.168.1.0/24\n  - 10.0.0.5\n  - fd00::/8\n  - ::ffff:127.0.0.0/104\n  - 172.16.3.9/12\n" + tail
	cfg, err := config.ParseConfig(strings.NewReader(yaml), "sources.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range cfg.AllowNetworks {
		got = append(got, p.String())
	}
	want := "192.168.1.0/24 10.0.0.5/32 fd00::/8 127.0.0.0/8 172.16.0.0/12"
	if strings.Join(got, " ") != want {
		t.Errorf("AllowNetworks = %v, want %s", got, want)
	}
}
