package siterules

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func mustLoad(t testing.TB, dir string, opts Options) *Set {
	t.Helper()
	s, err := Load(dir, opts)
	if err != nil {
		t.Fatalf("Load(%s): %v", dir, err)
	}
	return s
}

func TestSetFor(t *testing.T) {
	dir := filepath.Join("testdata", "rules")
	local, global := mustLoad(t, dir, Options{}), mustLoad(t, dir, Options{Global: true})
	tests := []struct {
		host       string
		want       string // Site.Name, "" for nil
		wantGlobal string
	}{
		{"example.com", "example.com", "example.com"},
		{"www.example.com", "example.com", "example.com"},
		{"WWW.Example.COM:8080", "example.com", "example.com"},
		{"example.com.", "example.com", "example.com"},
		{"news.example.com", ".example.com", ".example.com"}, // .news.example.com is for its subdomains only
		{"a.news.example.com", ".news.example.com", ".news.example.com"},
		{"blog.example.com", ".example.com", ".example.com"},
		{"a.b.blog.example.com", ".example.com", ".example.com"},
		{"sport.example.com", "sport.example.com", "sport.example.com"},
		{"www.sport.example.com", "sport.example.com", "sport.example.com"},
		{"www.special.org", "www.special.org", "www.special.org"},
		{"special.org", "special.org", "special.org"},
		{"مثال.عراق", "مثال.عراق", "مثال.عراق"},
		{"www.xn--mgbh0fb.xn--mgbtx2b", "مثال.عراق", "مثال.عراق"},
		{"other.org", "", "global"},
		{"com", "", "global"},
		{"", "", "global"},
	}
	for _, tt := range tests {
		t.Run(tt.host, func(t *testing.T) {
			if got := siteName(local.For(tt.host)); got != tt.want {
				t.Errorf("For(%q) = %q, want %q", tt.host, got, tt.want)
			}
			if got := siteName(global.For(tt.host)); got != tt.wantGlobal {
				t.Errorf("with global: For(%q) = %q, want %q", tt.host, got, tt.wantGlobal)
			}
		})
	}
}

func siteName(s *Site) string {
	if s == nil {
		return ""
	}
	return s.Name
}

func TestLoadSkipsNonRuleFiles(t *testing.T) {
	s := mustLoad(t, filepath.Join("testdata", "rules"), Options{})
	if got, want := s.Len(), 8; got != want {
		t.Errorf("Len() = %d, want %d (LICENSE, README, global and folders are not hosts)", got, want)
	}
	for _, host := range []string{"license", "readme", "global", "sub"} {
		if s.For(host) != nil {
			t.Errorf("For(%q) found a site", host)
		}
	}
	if s.For("bad.example") == nil {
		t.Error("Bad.Example.TXT not loaded under its lowercased name")
	}
	want := []string{
		"Bad.Example.TXT:1: unknown directive \"bodyy\"; line ignored",
		"special.org.txt:0: another file also covers \"special.org\"; this one wins",
	}
	var got []string
	for _, w := range s.Warnings() {
		got = append(got, w.String())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Warnings() = %q, want %q", got, want)
	}
}

func TestLoadGlobalMerge(t *testing.T) {
	s := mustLoad(t, filepath.Join("testdata", "rules"), Options{Global: true})
	site := s.For("special.org")
	if got, want := srcs(site.Strip), []string{"//aside", "//nav"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Strip = %q, want host rules then global %q", got, want)
	}
	if got, want := site.StripIDOrClass, []string{"sharedaddy"}; !reflect.DeepEqual(got, want) {
		t.Errorf("StripIDOrClass = %q, want %q", got, want)
	}
	wantHeaders := map[string]string{"User-Agent": "site-agent", "X-Global": "1"}
	if got := site.Headers(); !reflect.DeepEqual(got, wantHeaders) {
		t.Errorf("Headers() = %v, want %v (the host's value wins)", got, wantHeaders)
	}
	// The merge must not leak into the plain load of the same folder.
	plain := mustLoad(t, filepath.Join("testdata", "rules"), Options{}).For("special.org")
	if got := srcs(plain.Strip); !reflect.DeepEqual(got, []string{"//aside"}) {
		t.Errorf("without global: Strip = %q", got)
	}
}

func TestHeadersIsACopy(t *testing.T) {
	site, _ := Parse(strings.NewReader("http_header(cookie): a=1\n"), "x.txt")
	site.Headers()["Cookie"] = "changed"
	if got := site.Headers()["Cookie"]; got != "a=1" {
		t.Errorf("Headers() after caller edit = %q, want a=1", got)
	}
	var none *Site
	if none.Headers() != nil {
		t.Error("nil Site has headers")
	}
}

func TestLoadErrors(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "missing"), Options{})
	if err == nil || !strings.HasPrefix(err.Error(), "siterules: ") || !os.IsNotExist(unwrapAll(err)) {
		t.Errorf("Load(missing) error = %v, want a siterules: error wrapping not-exist", err)
	}
	var nilSet *Set
	if nilSet.For("example.com") != nil {
		t.Error("nil Set found a site")
	}
}

func unwrapAll(err error) error {
	for {
		type unwrapper interface{ Unwrap() error }
		u, ok := err.(unwrapper)
		if !ok {
			return err
		}
		err = u.Unwrap()
	}
}
