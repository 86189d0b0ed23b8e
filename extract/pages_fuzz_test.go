package extract

import (
	"net/url"
	"strings"
	"testing"
)

// FuzzIsPageStep: any two URLs and page number compare without a panic,
// and a URL is never the next page of itself.
func FuzzIsPageStep(f *testing.F) {
	f.Add("https://a.example/s/1", "https://a.example/s/1/2", 1)
	f.Add("https://a.example/s?page=2", "https://a.example/s?page=3", 2)
	f.Add("https://a.example/12", "https://a.example/123", 1)
	f.Fuzz(func(t *testing.T, a, b string, page int) {
		ua, err1 := url.Parse(a)
		ub, err2 := url.Parse(b)
		if err1 != nil || err2 != nil {
			return
		}
		if isPageStep(ua, ub, page) && pathAndQuery(ua) == pathAndQuery(ub) {
			t.Errorf("%q is the next page of itself", a)
		}
		_ = extendsURL(ua, ub)
	})
}

// FuzzJoin: pages of any HTML join without a panic into sanitized HTML.
func FuzzJoin(f *testing.F) {
	f.Add("<p>one</p><p>two</p>", "<p>two</p><p>three</p><div><a href='https://a.example/2'>2</a></div>")
	f.Fuzz(func(t *testing.T, first, second string) {
		a, err := Join([]*Article{
			{URL: "https://a.example/1", NextPage: "https://a.example/2", Title: "T", HTML: first},
			{URL: "https://a.example/2", HTML: second},
		})
		if err != nil {
			return
		}
		if strings.Contains(strings.ToLower(a.HTML), "<script") {
			t.Errorf("script in joined HTML: %q", a.HTML)
		}
	})
}
