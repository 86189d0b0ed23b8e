package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/refeed/refeed/internal/pgtest"
)

// TestMigrateState runs once on a SQLite state, moves it to PostgreSQL
// with "refeed migrate-state" and checks that the PostgreSQL state is the
// same one: status reads the same health and feeds, and the next run
// sends the migrated validators (the feed answers 304) and reuses the
// migrated articles instead of fetching them again.
func TestMigrateState(t *testing.T) {
	dsn := pgtest.DSN(t)
	site := newSourceSite(t)
	seed, err := os.ReadFile(filepath.Join("testdata", "seed-article.html"))
	if err != nil {
		t.Fatal(err)
	}
	site.addPage("/news/seed.html", seed)
	dir := t.TempDir()
	body := `
output: out
state: STATE
host_delay: 0s
retries: 0
sources:
  - {name: good, url: "` + site.srv.URL + `/rss.php", fulltext: true}
  - {name: bad, url: "` + site.srv.URL + `/missing.xml"}
feeds:
  - {name: all, sources: ["*"]}
`
	sqliteCfg := writeConfig(t, dir, strings.Replace(body, "STATE", "state.db", 1))
	pgCfg := filepath.Join(dir, "pg.yaml")
	if err := os.WriteFile(pgCfg, []byte(strings.Replace(body, "STATE", `"`+dsn+`"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runMain(t, "run", "--config", sqliteCfg); code != exitPartial {
		t.Fatalf("run: exit %d, want %d\n%s", code, exitPartial, stderr)
	}
	status := func(cfg string) statusReport {
		t.Helper()
		code, out, stderr := runMain(t, "status", "--config", cfg, "--json")
		if code != exitOK {
			t.Fatalf("status: exit %d\n%s", code, stderr)
		}
		var r statusReport
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	before := status(sqliteCfg)

	code, out, stderr := runMain(t, "migrate-state", "--config", sqliteCfg, "--to", dsn)
	if code != exitOK {
		t.Fatalf("migrate-state: exit %d\n%s", code, stderr)
	}
	for _, want := range []string{"items", "validators", "source_health", `Now set "state: postgres://`} {
		if !strings.Contains(out, want) {
			t.Errorf("migrate-state output lacks %q:\n%s", want, out)
		}
	}
	after := status(pgCfg)
	if !reflect.DeepEqual(after.Sources, before.Sources) || !reflect.DeepEqual(after.Feeds, before.Feeds) {
		t.Errorf("status on PostgreSQL differs from SQLite:\n got %+v\nwant %+v", after, before)
	}

	feedHits, articles := site.hits["/rss.php"], site.articleHits()
	if code, _, stderr := runMain(t, "run", "--config", pgCfg, "--force"); code != exitPartial {
		t.Fatalf("run on PostgreSQL: exit %d, want %d\n%s", code, exitPartial, stderr)
	}
	if site.hits["/rss.php"] != feedHits+1 || site.articleHits() != articles {
		t.Errorf("run on the migrated state: %d feed and %d article requests, want 1 and 0",
			site.hits["/rss.php"]-feedHits, site.articleHits()-articles)
	}
	if st := status(pgCfg); st.Sources[0].Items != 1 || st.Sources[0].LastSuccess.Equal(before.Sources[0].LastSuccess) {
		t.Errorf("good source after the run on PostgreSQL: %+v, want a new success, its item kept", st.Sources[0])
	}
	site.mu.Lock()
	notModified := site.notModified
	site.mu.Unlock()
	if notModified != 1 {
		t.Errorf("feed answered 304 %d times, want once: the run on PostgreSQL sent the migrated validators", notModified)
	}

	if code, _, stderr := runMain(t, "migrate-state", "--config", sqliteCfg, "--to", dsn); code == exitOK || !strings.Contains(stderr, "already holds state") {
		t.Errorf("second migrate-state into the same database: exit %d, %s; want refused", code, stderr)
	}
}
