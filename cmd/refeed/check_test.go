package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckOnline probes a working fulltext source, a source whose feed
// is missing and one whose article page is missing: each gets a line
// saying how it went, the state is not created, and the exit status says
// some failed.
func TestCheckOnline(t *testing.T) {
	good := newSourceSite(t)
	seed, err := os.ReadFile(filepath.Join("testdata", "seed-article.html"))
	if err != nil {
		t.Fatal(err)
	}
	good.addPage("/news/seed.html", seed)
	broken := newSourceSite(t)
	broken.order = []string{"/news/gone.html"} // in the feed, but no page

	dir := t.TempDir()
	cfg := writeConfig(t, dir, `
output: out
state: state.db
host_delay: 0s
retries: 0
sources:
  - {name: good, url: "`+good.srv.URL+`/rss.php", fulltext: true}
  - {name: nofeed, url: "`+good.srv.URL+`/missing.xml"}
  - {name: nopage, url: "`+broken.srv.URL+`/rss.php", fulltext: true}
feeds:
  - {name: all, sources: ["*"]}
`)
	code, stdout, stderr := runMain(t, "check", "--config", cfg, "--online")
	if code != exitPartial {
		t.Errorf("exit %d, want %d; stderr:\n%s", code, exitPartial, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	want := []struct{ prefix, has string }{
		{cfg + ": ok", "3 sources"},
		{"good ", "ok 1 item, charset utf-8"},
		{"", "article " + good.srv.URL + "/news/seed.html: "},
		{"nofeed ", "FAIL fetch: " + good.srv.URL + "/missing.xml: http status 404"},
		{"nopage ", "ok 1 item"},
		{"", "FAIL article " + broken.srv.URL + "/news/gone.html: fetch:"},
	}
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(want), stdout)
	}
	for i, w := range want {
		l := strings.Join(strings.Fields(lines[i]), " ") // the columns are padded
		if !strings.HasPrefix(l, w.prefix) || !strings.Contains(l, w.has) {
			t.Errorf("line %d = %q, want it to start %q and hold %q", i+1, l, w.prefix, w.has)
		}
	}
	if !strings.Contains(lines[2], `lang ar, dir rtl, "بيان مشترك لوزارتي الدفاع العراقية والأمريكية"`) {
		t.Errorf("article line %q lacks the headline, lang and dir", lines[2])
	}
	if _, err := os.Stat(filepath.Join(dir, "state.db")); !os.IsNotExist(err) {
		t.Errorf("check --online touched the state: %v", err)
	}
}

// TestCheckWarnsOfUnpublishedSources: a source no feed lists is valid, but
// check names it with its line.
func TestCheckWarnsOfUnpublishedSources(t *testing.T) {
	cfg := writeConfig(t, t.TempDir(), `sources:
  - {name: a, url: "https://a.example/rss"}
  - {name: b, url: "https://b.example/rss"}
feeds:
  - {name: one, sources: [a]}
`)
	code, _, stderr := runMain(t, "check", "--config", cfg)
	if code != exitOK {
		t.Errorf("exit %d, want %d: an unpublished source is no error", code, exitOK)
	}
	if want := cfg + `:3: warning: source "b" is in no feed`; !strings.Contains(stderr, want) {
		t.Errorf("stderr %q lacks %q", stderr, want)
	}
}
