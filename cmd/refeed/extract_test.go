package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
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

// TestExtractUndeclaredLegacyCharset runs extract on a saved Chinese page
// in GBK that declares no charset (its server named it in a header the
// file lost): the article comes out in Chinese, not as mojibake.
func TestExtractUndeclaredLegacyCharset(t *testing.T) {
	story := []string{
		"市议会周二投票决定，从明年春天起禁止汽车通过这座老桥，此前工程师发现桥的钢结构生锈速度比预期更快，存在安全隐患。",
		"公交车和自行车仍可通行，市政府承诺将在三年内于下游建成一座新桥，资金来自地区发展基金，工程将于明年年初开工。",
		"东岸的商户担心会失去顾客，一份反对封桥的请愿书在一周内已经征集到四千多个签名，商户们希望政府重新考虑这一决定。",
	}
	page := "<html><head><title>老桥明年春天起禁止汽车通行</title></head><body><article><h1>老桥明年春天起禁止汽车通行</h1><p>" +
		strings.Join(story, "</p><p>") + "</p></article></body></html>"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(page)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "story.html")
	if err := os.WriteFile(file, []byte(gbk), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runMain(t, "extract", file)
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	for _, p := range story {
		if !strings.Contains(stdout, p) {
			t.Errorf("output lacks %.30q…:\n%.300s", p, stdout)
		}
	}
}
