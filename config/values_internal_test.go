package config

import (
	"regexp"
	"testing"
	"time"
)

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in      string
		want    time.Duration
		wantErr bool
	}{
		{"90s", 90 * time.Second, false},
		{"1h30m", 90 * time.Minute, false},
		{"30d", 30 * 24 * time.Hour, false},
		{"1d12h", 36 * time.Hour, false},
		{"0", 0, false},
		{"3x", 0, true},
		{"20", 0, true},
		{"d", 0, true},
		{"1.5d", 0, true},
		{"-1d", 0, true},
		{"1d-1h", 0, true},
		{"99999999d", 0, true},
	}
	for _, tt := range tests {
		got, err := parseDuration(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("parseDuration(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestSuggest(t *testing.T) {
	keys := []string{"interval", "timeout", "max_body", "url", "name"}
	tests := []struct{ word, want string }{
		{"intervl", ` (did you mean "interval"?)`},
		{"timeuot", ` (did you mean "timeout"?)`},
		{"max-body", ` (did you mean "max_body"?)`},
		{"uri", ` (did you mean "url"?)`},
		{"colour", ""},
		{"x", ""},
	}
	for _, tt := range tests {
		if got := suggest(tt.word, keys); got != tt.want {
			t.Errorf("suggest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestFilterKeep(t *testing.T) {
	re := regexp.MustCompile
	tests := []struct {
		name   string
		filter Filter
		texts  []string
		want   bool
	}{
		{"empty keeps all", Filter{}, []string{"anything"}, true},
		{"include matches", Filter{Include: []*regexp.Regexp{re("العراق")}}, []string{"title", "أخبار العراق"}, true},
		{"include misses", Filter{Include: []*regexp.Regexp{re("العراق")}}, []string{"weather"}, false},
		{"exclude wins", Filter{Include: []*regexp.Regexp{re("a")}, Exclude: []*regexp.Regexp{re("ad")}}, []string{"ad"}, false},
		{"exclude misses", Filter{Exclude: []*regexp.Regexp{re("(?i)sport")}}, []string{"news"}, true},
		{"exclude any text", Filter{Exclude: []*regexp.Regexp{re("(?i)sport")}}, []string{"news", "Sport"}, false},
	}
	for _, tt := range tests {
		if got := tt.filter.Keep(tt.texts...); got != tt.want {
			t.Errorf("%s: Keep = %v, want %v", tt.name, got, tt.want)
		}
	}
}
