package extract

import (
	"net/url"
	"strings"
	"testing"
)

func TestIsPageStep(t *testing.T) {
	tests := []struct {
		cur, next string
		page      int
		want      bool
	}{
		{"https://a.example/news/story-123", "https://a.example/news/story-123?page=2", 1, true},
		{"https://a.example/news/story-123?page=2", "https://a.example/news/story-123?page=3", 2, true},
		{"https://a.example/2026/12/title/", "https://a.example/2026/12/title/2/", 1, true},
		{"https://a.example/a/123.html", "https://a.example/a/123-2.html", 1, true},
		{"https://a.example/a/123", "https://a.example/a/123/page/2", 1, true},
		{"https://a.example/view.php?id=5", "https://a.example/view.php?id=5&pg=2", 1, true},
		{"https://www.a.example/s/1", "https://a.example/s/1/2", 1, true},
		{"https://a.example/s?id=9&page=1", "https://a.example/s?id=9&page=2", 1, true},
		{"https://a.example/news/1", "https://a.example/news/2", 1, false}, // article 1, then 2
		// Not the next page of this article.
		{"https://a.example/news/123", "https://a.example/news/124", 1, false},                    // the next article
		{"https://a.example/news/story-123", "https://a.example/news/story-123?page=3", 1, false}, // skips a page
		{"https://a.example/news/story-123?page=2", "https://a.example/news/story-123?page=1", 2, false},
		{"https://a.example/p/title/", "https://a.example/p/title/comment-page-2/", 1, false},
		{"https://a.example/s", "https://b.example/s?page=2", 1, false},
		{"https://a.example/s", "https://a.example/s", 1, false},
	}
	for _, tt := range tests {
		cur, _ := url.Parse(tt.cur)
		next, _ := url.Parse(tt.next)
		if got := isPageStep(cur, next, tt.page); got != tt.want {
			t.Errorf("isPageStep(%s, %s, %d) = %v, want %v", tt.cur, tt.next, tt.page, got, tt.want)
		}
	}
}

// TestFindNextPage: the next page is found from a rel=next link, next-page
// words in the four languages and a numbered pager under the article, and
// a head link; a "next article" link is not taken for one.
func TestFindNextPage(t *testing.T) {
	article := `<article><h1>Headline</h1>` + strings.Repeat(`<p>A paragraph of the article, long enough, with commas, and a full stop at its end.</p>`, 6) + `</article>`
	tests := []struct {
		name, head, under, want string
	}{
		{"rel next", "", `<a rel="next" href="/s/1?page=2">›</a>`, "https://a.example/s/1?page=2"},
		{"arabic words", "", `<div><a href="/s/1/2">الصفحة التالية</a></div>`, "https://a.example/s/1/2"},
		{"arabic short", "", `<div><a href="/s/1/2">التالي «</a></div>`, "https://a.example/s/1/2"},
		{"french", "", `<div><a href="/s/1-2">Page suivante »</a></div>`, "https://a.example/s/1-2"},
		{"german", "", `<div><a href="/s/1?seite=2">Seite 2</a></div>`, "https://a.example/s/1?seite=2"},
		{"numbered pager", "", `<div class="pages"><span>1</span> <a href="/s/1?p=2">2</a> <a href="/s/1?p=3">3</a></div>`, "https://a.example/s/1?p=2"},
		{"head link", `<link rel="next" href="/s/1/2">`, "", "https://a.example/s/1/2"},
		{"next article by rel", "", `<nav><a rel="next" href="/s/2">Next post</a></nav>`, ""},
		{"next article by words", "", `<nav><a href="/s/7">التالي</a></nav>`, ""},
		{"head next article", `<link rel="next" href="/s/2">`, "", ""},
		{"other host", "", `<a rel="next" href="https://b.example/s/1?page=2">Next</a>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := `<html><head>` + tt.head + `</head><body><nav><a href="/">Home</a></nav><main>` + article + tt.under + `</main><footer>(c)</footer></body></html>`
			u, _ := url.Parse("https://a.example/s/1")
			a, err := ExtractWith(strings.NewReader(page), u, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.NextPage != tt.want {
				t.Errorf("NextPage = %q, want %q", a.NextPage, tt.want)
			}
		})
	}
}
