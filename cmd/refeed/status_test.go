package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStatus runs once against a loopback site with a working and a
// failing source, then reads "refeed status" as a table and as JSON.
func TestStatus(t *testing.T) {
	site := newSourceSite(t)
	seed, err := os.ReadFile(filepath.Join("testdata", "seed-article.html"))
	if err != nil {
		t.Fatal(err)
	}
	site.addPage("/news/seed.html", seed)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, `
output: out
state: state.db
host_delay: 0s
retries: 0
timezone: Asia/Baghdad
sources:
  - {name: good, url: "`+site.srv.URL+`/rss.php", fulltext: true}
  - {name: bad, url: "`+site.srv.URL+`/missing.xml"}
feeds:
  - {name: all, sources: ["*"]}
`)
	// The second run gets a 304 for the good source's feed: it still
	// holds its item.
	for range 2 {
		if code, _, stderr := runMain(t, "run", "--config", cfg); code != exitPartial {
			t.Fatalf("run: exit %d, want %d\n%s", code, exitPartial, stderr)
		}
	}

	code, table, stderr := runMain(t, "status", "--config", cfg)
	if code != exitOK {
		t.Fatalf("status: exit %d\n%s", code, stderr)
	}
	for _, want := range []string{"SOURCE", "good", "bad", "http status 404", "The feed is not there (HTTP 404)",
		"all.xml", "all.atom", "all.json", "just now", "in 29m"} {
		if !strings.Contains(table, want) {
			t.Errorf("status table lacks %q:\n%s", want, table)
		}
	}

	code, out, stderr := runMain(t, "status", "--config", cfg, "--json")
	if code != exitOK {
		t.Fatalf("status --json: exit %d\n%s", code, stderr)
	}
	var report statusReport
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("status --json is not JSON: %v\n%s", err, out)
	}
	if len(report.Sources) != 2 || len(report.Feeds) != 1 {
		t.Fatalf("report %+v, want 2 sources and 1 feed", report)
	}
	good, bad, all := report.Sources[0], report.Sources[1], report.Feeds[0]
	if good.Name != "good" || good.Items != 1 || good.Failures != 0 || good.LastSuccess.IsZero() {
		t.Errorf("good source %+v, want 1 item, no failure and a last success", good)
	}
	if bad.Name != "bad" || bad.Failures != 1 || !strings.Contains(bad.LastError, "404") || bad.NextAttempt.IsZero() {
		t.Errorf("bad source %+v, want one failure, its 404 and a next attempt", bad)
	}
	if _, offset := good.LastSuccess.Zone(); offset != 3*3600 {
		t.Errorf("last success %v is not in the configured zone (+03:00)", good.LastSuccess)
	}
	if !strings.Contains(out, "+03:00") {
		t.Errorf("status --json carries no +03:00 offset:\n%s", out)
	}
	if all.Name != "all" || all.Items != 1 || all.Files[".xml"] <= 0 || all.Files[".json"] <= 0 {
		t.Errorf("feed %+v, want 1 item and its files with sizes", all)
	}
}
