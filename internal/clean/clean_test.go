package clean_test

import (
	"strings"
	"testing"

	"github.com/refeed/refeed/internal/clean"
)

func TestText(t *testing.T) {
	for in, want := range map[string]string{
		"plain ascii":                       "plain ascii",
		"tab\tnl\ncr\r":                     "tab\tnl\ncr\r",
		"a\x00b\x1b[31mc\x7fd":              "ab[31mcd",
		"عربي\u0085\u009b text":             "عربي text",
		"bad\xffutf8":                       "bad\uFFFDutf8",
		"non\uFFFEchar\uFFFF":               "nonchar",
		"rtl \u202bembedding\u202c and zwj": "rtl \u202bembedding\u202c and zwj",
	} {
		if got := clean.Text(in); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
	if got := string(clean.Bytes([]byte("<rss>\x00</rss>"))); got != "<rss></rss>" {
		t.Errorf("Bytes = %q", got)
	}
}

func TestURLFits(t *testing.T) {
	if !clean.URLFits("https://x.example/" + strings.Repeat("%D8%A7", 1000)) {
		t.Error("a 6 KB percent-encoded Arabic URL must fit")
	}
	if clean.URLFits("https://x.example/" + strings.Repeat("a", clean.MaxURLLength)) {
		t.Error("a URL over MaxURLLength must not fit")
	}
}
