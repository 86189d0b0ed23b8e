package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/opml"
)

var updateOPML = flag.Bool("update-opml", false, "update the import-opml golden files")

// refeedMain runs refeed in-process and returns its exit code and output.
func refeedMain(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Main(t.Context(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// copyFixture copies testdata/opml/name into dir and returns its path.
func copyFixture(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "opml", name))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func sourceNames(t *testing.T, path string) []string {
	t.Helper()
	cfg, err := config.ReadConfigFile(path)
	if err != nil {
		t.Fatalf("config after import does not validate: %v", err)
	}
	var names []string
	for _, s := range cfg.Sources {
		names = append(names, s.Name)
	}
	return names
}

func TestImportOPMLKeepsTheOperatorsText(t *testing.T) {
	dir := t.TempDir()
	cfg := copyFixture(t, dir, "existing.yaml")
	opmlFile := filepath.Join("testdata", "opml", "subscriptions.opml")
	before, _ := os.ReadFile(cfg)

	code, stdout, stderr := refeedMain(t, "import-opml", "--config", cfg, opmlFile)
	if code != exitOK {
		t.Fatalf("import-opml = %d: %s", code, stderr)
	}
	after, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "opml", "existing.imported.yaml")
	if *updateOPML {
		if err := os.WriteFile(golden, after, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(after, want) {
		t.Errorf("edited config differs from %s (-update-opml to accept):\n%s", golden, after)
	}
	if !isSubsequence(strings.SplitAfter(string(before), "\n"), strings.SplitAfter(string(after), "\n")) {
		t.Error("the import changed or reordered existing lines")
	}
	if got, want := sourceNames(t, cfg), []string{"buratha", "alsumaria", "shafaq-news", "buratha-2", "cafe-notes-1"}; !slices.Equal(got, want) {
		t.Errorf("sources = %q, want %q", got, want)
	}
	for _, want := range []string{"added 3 source(s)", "skipped 2 already configured", "skipped 1 without an http(s) feed URL"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("report lacks %q:\n%s", want, stdout)
		}
	}
	if fi, err := os.Stat(cfg); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("config mode after import = %v, want 0600 kept", fi.Mode().Perm())
	}

	// A second import of the same list adds nothing.
	code, stdout, _ = refeedMain(t, "import-opml", "--config", cfg, opmlFile)
	again, _ := os.ReadFile(cfg)
	if code != exitOK || !strings.Contains(stdout, "added 0 source(s)") || !bytes.Equal(again, after) {
		t.Errorf("re-import = %d, changed=%v:\n%s", code, !bytes.Equal(again, after), stdout)
	}
}

// isSubsequence reports whether every line of a appears in b, in order.
func isSubsequence(a, b []string) bool {
	i := 0
	for _, line := range b {
		if i < len(a) && line == a[i] {
			i++
		}
	}
	return i == len(a)
}

func TestImportOPMLShapesOfSources(t *testing.T) {
	opmlFile := filepath.Join("testdata", "opml", "subscriptions.opml")
	tests := []struct {
		name   string
		config string // "" : no file
		want   []string
	}{
		{"no config yet", "", []string{"alsumaria-tv", "shafaq-news", "buratha-again", "buratha", "cafe-notes-1"}},
		{"empty list", "sources: []  # none yet\nfeeds:\n  - name: x\n    sources: []\n", nil},
		{"null list", "sources:\nfeeds: []\n", nil},
		{"no sources key", "output: public\n", nil},
		{"unindented list, sources last", "feeds: []\nsources:\n- name: one\n  url: https://one.example/rss\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := filepath.Join(t.TempDir(), "sources.yaml")
			if tt.config != "" {
				if err := os.WriteFile(cfg, []byte(tt.config), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			code, _, stderr := refeedMain(t, "import-opml", "--config", cfg, opmlFile)
			if code != exitOK {
				t.Fatalf("import-opml = %d: %s", code, stderr)
			}
			after, _ := os.ReadFile(cfg)
			got, err := configuredSources(after)
			if err != nil {
				t.Fatalf("edited config is not YAML: %v\n%s", err, after)
			}
			if len(got) < 4 {
				t.Errorf("edited config has %d sources, want at least 4:\n%s", len(got), after)
			}
			if tt.want != nil {
				if names := sourceNames(t, cfg); !slices.Equal(names, tt.want) {
					t.Errorf("sources = %q, want %q", names, tt.want)
				}
			}
		})
	}
}

func TestImportOPMLRefusals(t *testing.T) {
	opmlFile := filepath.Join("testdata", "opml", "subscriptions.opml")
	tests := []struct {
		name, config string
		args         []string
		code         int
	}{
		{"flow list", "sources: [{name: a, url: 'https://a.example/rss'}]\n", nil, exitPartial},
		{"dry run", "", []string{"--dry-run"}, exitOK},
		{"missing OPML", "", []string{"--", "missing.opml"}, exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := filepath.Join(t.TempDir(), "sources.yaml")
			if err := os.WriteFile(cfg, []byte(tt.config), 0o644); err != nil {
				t.Fatal(err)
			}
			args := append([]string{"import-opml", "--config", cfg}, tt.args...)
			if !slices.Contains(tt.args, "--") {
				args = append(args, opmlFile)
			}
			code, _, stderr := refeedMain(t, args...)
			if code != tt.code {
				t.Errorf("import-opml = %d, want %d: %s", code, tt.code, stderr)
			}
			if after, _ := os.ReadFile(cfg); string(after) != tt.config {
				t.Errorf("config changed:\n%s", after)
			}
		})
	}
}

func TestExportOPML(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "sources.yaml")
	body := `sources:
  - name: buratha
    url: https://burathanews.com/rss.php
    language: ar
  - name: ina
    url: https://www.ina.iq/
    type: page
feeds:
  - name: iraq
    sources: [buratha, ina]
`
	if err := os.WriteFile(cfg, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := refeedMain(t, "export-opml", "--config", cfg)
	if code != exitOK {
		t.Fatalf("export-opml = %d: %s", code, stderr)
	}
	doc, err := opml.Parse(strings.NewReader(stdout))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Outlines) != 2 {
		t.Fatalf("outlines = %+v, want 2", doc.Outlines)
	}
	if o := doc.Outlines[0]; o.Text != "buratha" || o.XMLURL != "https://burathanews.com/rss.php" || o.Language != "ar" {
		t.Errorf("feed source outline = %+v", o)
	}
	if o := doc.Outlines[1]; o.XMLURL != "" || o.HTMLURL != "https://www.ina.iq/" || o.Type != "link" {
		t.Errorf("page source outline = %+v, want a link without xmlUrl", o)
	}

	// Importing the export back adds nothing.
	exported := filepath.Join(dir, "export.opml")
	if err := os.WriteFile(exported, []byte(stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := refeedMain(t, "import-opml", "--config", cfg, exported); code != exitOK || !strings.Contains(out, "added 0 source(s)") {
		t.Errorf("re-import of the export = %d:\n%s", code, out)
	}
}

func TestSourceName(t *testing.T) {
	tests := []struct{ title, url, want string }{
		{"Shafaq News", "https://shafaq.com/ar/rss", "shafaq-news"},
		{"السومرية نيوز", "https://www.alsumaria.tv/rss", "alsumaria-tv"},
		{"  Café — Crème brûlée!  ", "https://x.example/", "cafe-creme-brulee"},
		{"", "https://feeds.example.org/x", "feeds-example-org"},
		{"…", "not a url", "source"},
		{strings.Repeat("a", 80), "", strings.Repeat("a", 64)},
		{"Ｆｕｌｌｗｉｄｔｈ 2", "", "fullwidth-2"},
	}
	for _, tt := range tests {
		if got := sourceName(tt.title, tt.url); got != tt.want {
			t.Errorf("sourceName(%q, %q) = %q, want %q", tt.title, tt.url, got, tt.want)
		}
	}
	taken := map[string]bool{"news": true, "news-2": true, strings.Repeat("b", 64): true}
	if got := uniqueName("news", taken); got != "news-3" {
		t.Errorf("uniqueName(news) = %q, want news-3", got)
	}
	if got := uniqueName(strings.Repeat("b", 64), taken); got != strings.Repeat("b", 62)+"-2" {
		t.Errorf("uniqueName(64×b) = %q", got)
	}
}

var sourceNameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)

// FuzzAppendSources checks that whatever the OPML holds, the edited config
// still parses, keeps the sources it had, and gains the new one verbatim
// under a valid name.
func FuzzAppendSources(f *testing.F) {
	existing, err := os.ReadFile(filepath.Join("testdata", "opml", "existing.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(existing, "Shafaq News", "https://shafaq.com/ar/rss", "Iraq")
	f.Add([]byte(""), "السومرية", "https://www.alsumaria.tv/rss?a=1&b=#x", "")
	f.Add([]byte("sources: []\n"), "a: b # c", "http://x/'\"\\n", "f/g")
	f.Add([]byte("feeds: []\nsources:\n- name: one\n  url: u\n"), "\t-", "- item", "\n")
	f.Fuzz(func(t *testing.T, old []byte, title, feedURL, category string) {
		before, err := configuredSources(old)
		if err != nil || !utf8.ValidString(feedURL) { // planImport refuses such URLs
			return
		}
		name := sourceName(title, feedURL)
		if !sourceNameRE.MatchString(name) {
			t.Fatalf("sourceName(%q, %q) = %q, not a valid source name", title, feedURL, name)
		}
		added := []importedSource{{name: name, feed: opml.Feed{Title: title, XMLURL: feedURL, Category: category}}}
		text, err := appendSources(old, added, "list.opml")
		if err != nil {
			return
		}
		after, err := configuredSources(text)
		if err != nil {
			t.Fatalf("edited config does not parse: %v\n%s", err, text)
		}
		want := append(before, configuredSource{Name: name, URL: feedURL})
		if !slices.Equal(after, want) {
			t.Fatalf("sources after edit = %q, want %q\n%s", after, want, text)
		}
	})
}
