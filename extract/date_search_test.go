package extract

import (
	"net/url"
	"testing"
)

// TestSearchDate checks the publication dates that only the last search
// finds (other meta names, a date element around the headline), and those
// it must refuse: a date from an update notice, from an image's upload
// path, equal to the declared modified date, or far from the headline.
func TestSearchDate(t *testing.T) {
	tests := []struct {
		name, head, body, want string // want "" means no date
	}{
		{"byline above the headline",
			``,
			`<article><header><div class="post-meta"><span class="date">Published June 4, 2025</span> by Jo</div><h1>Podcast gear</h1></header><p>Text.</p></article>`,
			"2025-06-04"},
		{"time element in the headline group",
			``,
			`<main><article><hgroup><time>Published on June 04, 2025</time><h1>Podcast gear</h1></hgroup><p>Text.</p></article></main>`,
			"2025-06-04"},
		{"other meta name for the publication",
			`<meta name="w-published-date" content="2025-05-27T06:03:43.274Z"><meta name="publisher" content="2020-01-01">`,
			`<h1>Cost-benefit</h1><p>Text.</p>`,
			"2025-05-27"},
		{"today's date in the site header is not the article's",
			``,
			`<header class="site"><div class="top"><span class="date">الأحد 6 كانون الأول 2026</span></div></header><div class="wrap"><div class="col"><main><article><div class="inner"><h1>خبر</h1></div><p>نص الخبر.</p></article></main></div></div>`,
			""},
		{"date class without a headline",
			``,
			`<div class="entry-date">Nov 30, 2025</div><p>Seven habits of agents.</p>`,
			"2025-11-30"},
		{"update notice only",
			``,
			`<article><div class="byline"><span class="date">Updated on 09/11/25</span></div><h1>Kettles</h1><p>Text.</p></article>`,
			""},
		{"image upload path only",
			`<meta property="og:image" content="https://example.com/wp-content/uploads/2023/02/7.jpg">`,
			`<h1>Home gym</h1><p>Text.</p>`,
			""},
		{"modified date only",
			`<meta property="article:modified_time" content="2024-03-19T14:01:40+00:00">`,
			`<article><span class="date">March 19, 2024</span><h1>Coffee</h1><p>Text.</p></article>`,
			""},
		{"arabic date after the headline stays ours",
			``,
			`<div class="date">الثلاثاء 1 جوان 2021</div><h1>خبر</h1><p>نص الخبر كاملا.</p><div>٣ جويلية ٢٠٢٠</div>`,
			"2020-07-03"},
	}
	u, _ := url.Parse("https://example.com/post/slug")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<!doctype html><html><head><title>t</title>" + tt.head + "</head><body>" + tt.body + "</body></html>"
			if got := publishedDay(t, page, u); got != tt.want {
				t.Errorf("Published = %q, want %q", got, tt.want)
			}
		})
	}
}
