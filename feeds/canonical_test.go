package feeds_test

import (
	"errors"
	"testing"

	"github.com/refeed/refeed/feeds"
)

func TestCanonicalURL(t *testing.T) {
	tests := []struct {
		name, raw, base, want string
	}{
		{"lower-case scheme and host", "HTTPS://WWW.Example.COM/Path", "", "https://www.example.com/Path"},
		{"default https port", "https://example.com:443/a", "", "https://example.com/a"},
		{"default http port", "http://example.com:80/a", "", "http://example.com/a"},
		{"other port kept", "http://example.com:8080/a", "", "http://example.com:8080/a"},
		{"empty path", "https://example.com", "", "https://example.com/"},
		{"fragment dropped", "https://example.com/a#comments", "", "https://example.com/a"},
		{"hash-bang kept", "https://example.com/#!/story/9", "", "https://example.com/#!/story/9"},
		{"utm removed", "https://example.com/a?utm_source=rss&utm_medium=feed", "", "https://example.com/a"},
		{"tracking removed, order kept", "https://example.com/a?z=1&fbclid=X&a=2&gclid=Y", "", "https://example.com/a?z=1&a=2"},
		{"mailchimp and ga", "https://example.com/?p=5&mc_cid=1&mc_eid=2&_ga=3", "", "https://example.com/?p=5"},
		{"tracking key case-insensitive", "https://example.com/a?UTM_Campaign=x&id=3", "", "https://example.com/a?id=3"},
		{"relative path", "../news/1.html", "https://example.com/feeds/rss.xml", "https://example.com/news/1.html"},
		{"root-relative", "/news/2", "https://example.com/feeds/rss.xml", "https://example.com/news/2"},
		{"protocol-relative", "//cdn.example.com/x", "https://example.com/", "https://cdn.example.com/x"},
		{"dot segments in absolute", "https://example.com/a/./b/../c", "", "https://example.com/a/c"},
		{"surrounding space and newline", "  https://example.com/a\n/b  ", "", "https://example.com/a/b"},
		{"raw arabic path encoded", "https://shafaq.com/ar/سياسة", "", "https://shafaq.com/ar/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9"},
		{"lower-case escapes unified", "https://shafaq.com/ar/%d8%b3%d9%8a%d8%a7%d8%b3%d8%a9", "", "https://shafaq.com/ar/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9"},
		{"escaped slash kept", "https://example.com/a%2Fb", "", "https://example.com/a%2Fb"},
		{"arabic query encoded", "https://example.com/search?q=بغداد", "", "https://example.com/search?q=%D8%A8%D8%BA%D8%AF%D8%A7%D8%AF"},
		{"user info dropped", "https://user:pw@example.com/a", "", "https://example.com/a"},
		{"empty query dropped", "https://example.com/a?", "", "https://example.com/a"},
		{"idn host to punycode", "https://موقع.وزارة-الاتصالات.مصر/a", "", "https://xn--4gbrim.xn----ymcbaaajlc6dj7bxne2c.xn--wgbh1c/a"},
		{"trailing dot in host", "https://Example.com./a", "", "https://example.com/a"},
		{"space in path", "https://example.com/a b", "", "https://example.com/a%20b"},
		{"ipv6 with default port", "http://[::1]:80/a", "", "http://[::1]/a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := feeds.CanonicalURL(tt.raw, tt.base)
			if err != nil {
				t.Fatalf("CanonicalURL(%q, %q): %v", tt.raw, tt.base, err)
			}
			if got != tt.want {
				t.Errorf("CanonicalURL(%q, %q) = %q, want %q", tt.raw, tt.base, got, tt.want)
			}
			again, err := feeds.CanonicalURL(got, "")
			if err != nil || again != got {
				t.Errorf("not idempotent: %q → %q (%v)", got, again, err)
			}
		})
	}
}

func TestCanonicalURLRejects(t *testing.T) {
	for _, raw := range []string{"", "   ", "mailto:a@example.com", "javascript:alert(1)",
		"urn:uuid:1234", "tag:example.com,2026:1", "/relative/without/base", "ftp://example.com/f"} {
		t.Run(raw, func(t *testing.T) {
			got, err := feeds.CanonicalURL(raw, "")
			if !errors.Is(err, feeds.ErrNotWebURL) {
				t.Errorf("CanonicalURL(%q) = %q, %v; want ErrNotWebURL", raw, got, err)
			}
		})
	}
}

// FuzzCanonicalURL checks that canonicalisation is idempotent: a canonical
// URL fed back (as happens when refeed reads its own output) must not
// change, or item IDs would drift.
func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{
		"https://example.com/a?utm_source=x&b=1#frag", "HTTP://Example.COM:80/%d8%a7?q=بغداد",
		"//cdn.example.com/x", "../a/./b", "https://[::1]:443/", "https://موقع.مصر./a%2Fb",
	} {
		f.Add(s, "https://base.example/feed/rss.xml")
	}
	f.Fuzz(func(t *testing.T, raw, base string) {
		u, err := feeds.CanonicalURL(raw, base)
		if err != nil {
			return
		}
		again, err := feeds.CanonicalURL(u, "")
		if err != nil {
			t.Fatalf("canonical %q (from %q, %q) is rejected: %v", u, raw, base, err)
		}
		if again != u {
			t.Fatalf("not idempotent: %q → %q → %q", raw, u, again)
		}
	})
}
