package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExtractHTMLIsWrappedLikeTheFeeds checks that extract --format html
// wraps the article, title included, in the dir/lang wrapper the feeds
// give it, so an Arabic page reads right to left.
func TestExtractHTMLIsWrappedLikeTheFeeds(t *testing.T) {
	page := filepath.Join("testdata", "seed-article.html")
	code, stdout, stderr := runMain(t, "extract", "--format", "html", page)
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	body, ok := strings.CutPrefix(stdout, "<!-- "+page+" -->\n")
	if !ok {
		t.Fatalf("output does not start with the input's comment:\n%.200s", stdout)
	}
	if want := `<div dir="rtl" lang="ar"><h1>بيان مشترك`; !strings.HasPrefix(body, want) {
		t.Errorf("output starts %.80q, want %q", body, want)
	}
	if !strings.HasSuffix(body, "</div>\n") {
		t.Errorf("the wrapper is not closed at the end:\n%s", body[max(0, len(body)-80):])
	}
}

// TestExtractGivenAFeed checks that extract, given a feed instead of a
// page, says so and how to use one, and fails.
func TestExtractGivenAFeed(t *testing.T) {
	feed := filepath.Join(t.TempDir(), "feed.xml")
	if err := os.WriteFile(feed, []byte(goodFeed), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"text", "json"} {
		code, stdout, stderr := runMain(t, "extract", "--format", format, feed)
		if code == exitOK {
			t.Errorf("--format %s: exit 0 for a feed; stdout:\n%s", format, stdout)
		}
		for _, want := range []string{"is a feed (RSS, 1 item)", "add it as a source", "refeed check --online", "refeed extract https://example.org/good/1"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("--format %s: stderr lacks %q:\n%s", format, want, stderr)
			}
		}
		if format == "text" && stdout != "" {
			t.Errorf("--format text printed the feed's fields:\n%s", stdout)
		}
	}
}
