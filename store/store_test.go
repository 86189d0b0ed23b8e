package store_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/refeed/refeed/store"
)

func TestOpen_CreatesAndMigratesIdempotently(t *testing.T) {
	ctx := context.Background()
	path := openDSN(t)
	for i := range 3 {
		s, err := store.Open(ctx, path)
		if err != nil {
			t.Fatalf("open #%d: %v", i+1, err)
		}
		v, err := s.SchemaVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if v != 5 {
			t.Errorf("open #%d: schema version = %d, want 5", i+1, v)
		}
		if i == 0 {
			if err := s.SaveValidators(ctx, "https://a.example/feed", `"e1"`, ""); err != nil {
				t.Fatal(err)
			}
		}
		etag, _, err := s.Validators(ctx, "https://a.example/feed")
		if err != nil || etag != `"e1"` {
			t.Errorf("open #%d: etag = %q, %v; want data kept across opens", i+1, etag, err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if onPostgres {
		return
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database file not created: %v", err)
	}
}

func TestOpen_NotADatabase(t *testing.T) {
	sqliteOnly(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "refeed.db")
	junk := strings.Repeat("this is not a sqlite file, just some text. ", 200)
	if err := os.WriteFile(path, []byte(junk), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := store.Open(context.Background(), path)
	if !errors.Is(err, store.ErrNotDatabase) {
		t.Fatalf("Open(junk) error = %v, want ErrNotDatabase", err)
	}
	want := "store: open " + path + ": file is not a database"
	if err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
}

func TestOpen_MissingDirectory(t *testing.T) {
	sqliteOnly(t)
	path := filepath.Join(t.TempDir(), "no", "such", "dir", "refeed.db")
	_, err := store.Open(context.Background(), path)
	if err == nil {
		t.Fatal("Open in a missing directory succeeded")
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name the file", err)
	}
}

func TestValidators(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	const u = "https://burathanews.com/rss.php"
	tests := []struct {
		name           string
		etag, modified string
	}{
		{"both", `W/"abc"`, "Mon, 02 Jan 2026 15:04:05 GMT"},
		{"replace", `"def"`, ""},
		{"only last-modified", "", "Tue, 03 Jan 2026 15:04:05 GMT"},
		{"forget", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := s.SaveValidators(ctx, u, tt.etag, tt.modified); err != nil {
				t.Fatal(err)
			}
			etag, modified, err := s.Validators(ctx, u)
			if err != nil {
				t.Fatal(err)
			}
			if etag != tt.etag || modified != tt.modified {
				t.Errorf("Validators = %q, %q; want %q, %q", etag, modified, tt.etag, tt.modified)
			}
		})
	}
	etag, modified, err := s.Validators(ctx, "https://unknown.example/")
	if err != nil || etag != "" || modified != "" {
		t.Errorf("unknown URL: %q, %q, %v; want empty", etag, modified, err)
	}
}

func TestDiscoveredFeed_RoundTrip(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	const page, feed = "https://site.example/", "https://site.example/rss.xml"
	for _, step := range []struct{ save, want string }{{"", ""}, {feed, feed}, {feed + "?v=2", feed + "?v=2"}, {"", ""}} {
		if step.save != "" || step.want == "" {
			if err := s.SaveDiscoveredFeed(ctx, page, step.save); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.DiscoveredFeed(ctx, page)
		if err != nil || got != step.want {
			t.Errorf("after saving %q: DiscoveredFeed = %q, %v; want %q", step.save, got, err, step.want)
		}
	}
}
