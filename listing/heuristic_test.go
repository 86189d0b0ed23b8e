package listing_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/refeed/refeed/listing"
)

// headline pads a title to headline length.
func headline(s string) string {
	return s + " يعلن نتائج اجتماعه الأسبوعي اليوم"
}

func TestFind_Heuristics(t *testing.T) {
	tests := []struct {
		name    string
		pageURL string
		html    string
		want    []string // URLs, in order
		title   string   // of the first link, when set
	}{
		{
			name:    "chrome-sounding wrapper around main is not chrome",
			pageURL: "https://news.example/",
			html: `<div class="site has-sidebar"><main>
				<h2><a href="/news/12345/a">` + headline("الوزير") + `</a></h2>
				<h2><a href="/news/12346/b">` + headline("المحافظ") + `</a></h2></main></div>`,
			want: []string{"https://news.example/news/12345/a", "https://news.example/news/12346/b"},
		},
		{
			name:    "WordPress post classes naming tags are not chrome",
			pageURL: "https://news.example/category/politics/",
			html: `<div id="content"><div class="post-812 post type-post hentry category-politics tag-parliament tag-share-prices">
				<h2 class="entry-title"><a href="/2025/03/10/parliament-votes-election-law/">` + headline("البرلمان") + `</a></h2></div>
				<div class="post-811 post type-post hentry category-politics has-post-thumbnail">
				<h2 class="entry-title"><a href="/2025/03/09/talks-resume-on-salaries/">` + headline("الحكومة") + `</a></h2></div>
				<div class="tag-cloud"><a href="/2025/03/01/a-story-in-the-tag-cloud/">` + headline("وسم") + `</a></div></div>`,
			want: []string{"https://news.example/2025/03/10/parliament-votes-election-law/", "https://news.example/2025/03/09/talks-resume-on-salaries/"},
		},
		{
			name:    "ASP.NET form wrapping the page is not chrome",
			pageURL: "https://news.example/Default.aspx",
			html: `<form id="form1" method="post"><table><tr><td>
				<a href="NewsDetails.aspx?NewsID=88001">` + headline("المجلس") + `</a><br>
				<a href="NewsDetails.aspx?NewsID=88000">` + headline("الوزارة") + `</a></td></tr></table></form>`,
			want: []string{"https://news.example/NewsDetails.aspx?NewsID=88001", "https://news.example/NewsDetails.aspx?NewsID=88000"},
		},
		{
			name:    "base href resolves relative links",
			pageURL: "https://news.example/",
			html: `<head><base href="https://news.example/ar/"></head><body>
				<a href="news/12345/story">` + headline("الرئيس") + `</a></body>`,
			want: []string{"https://news.example/ar/news/12345/story"},
		},
		{
			name:    "a minority URL shape gives way to the dominant one",
			pageURL: "https://news.example/",
			html: `<main><a href="/news/1001/a">` + headline("أ") + `</a><a href="/news/1002/b">` + headline("ب") + `</a>
				<a href="/news/1003/c">` + headline("ت") + `</a><a href="/news/1004/d">` + headline("ث") + `</a>
				<a href="/gallery/777.html">` + headline("معرض") + `</a></main>`,
			want: []string{"https://news.example/news/1001/a", "https://news.example/news/1002/b",
				"https://news.example/news/1003/c", "https://news.example/news/1004/d"},
		},
		{
			name:    "without article-like URLs the largest group of three wins",
			pageURL: "https://news.example/",
			html: `<main><a href="/p/abc">` + headline("أ") + `</a><a href="/p/def">` + headline("ب") + `</a>
				<a href="/p/ghi">` + headline("ت") + `</a><a href="/politics">` + headline("سياسة") + `</a></main>`,
			want: []string{"https://news.example/p/abc", "https://news.example/p/def", "https://news.example/p/ghi"},
		},
		{
			name:    "a header inside a section holds a headline, the masthead does not",
			pageURL: "https://news.example/",
			html: `<header><a href="/news/99999/promo">` + headline("إعلان") + `</a></header>
				<section><header><h2><a href="/news/12345/lead">` + headline("الرئيس") + `</a></h2></header>
				<a href="/news/12344/b">` + headline("ب") + `</a></section>`,
			want: []string{"https://news.example/news/12345/lead", "https://news.example/news/12344/b"},
		},
		{
			name:    "a year archive is not an article id",
			pageURL: "https://news.example/",
			html: `<main><a href="/news/12345/a">` + headline("أ") + `</a><a href="/news/12346/b">` + headline("ب") + `</a>
				<a href="/archive/2024">أرشيف أخبار العام الماضي كاملة هنا</a></main>`,
			want: []string{"https://news.example/news/12345/a", "https://news.example/news/12346/b"},
		},
		{
			name:    "a link wrapping the whole teaser takes its heading",
			pageURL: "https://news.example/",
			html: `<main><a href="/news/12345/a"><img src="/i.jpg"><h3>` + headline("الوزير") + `</h3>
				<p>ملخص طويل للخبر يتحدث عن تفاصيل كثيرة لا تدخل في العنوان أبداً</p></a></main>`,
			want:  []string{"https://news.example/news/12345/a"},
			title: headline("الوزير"),
		},
		{
			name:    "an IP host is its own site",
			pageURL: "http://127.0.0.1:8080/",
			html: `<main><a href="/news/12345/a">` + headline("أ") + `</a>
				<a href="http://10.0.0.1/news/12346/b">` + headline("ب") + `</a></main>`,
			want: []string{"http://127.0.0.1:8080/news/12345/a"},
		},
		{
			name:    "related box by heading, breadcrumbs and share bar by class",
			pageURL: "https://news.example/",
			html: `<main><ol class="breadcrumbs"><li><a href="/news/99999/crumb">` + headline("مسار") + `</a></li></ol>
				<a href="/news/12345/a">` + headline("أ") + `</a><a href="/news/12346/b">` + headline("ب") + `</a>
				<div><h4>اقرأ أيضاً</h4><a href="/news/11111/old">` + headline("قديم") + `</a></div>
				<div class="share-bar"><a href="/news/12345/a?share=wa">` + headline("شارك") + `</a></div></main>`,
			want: []string{"https://news.example/news/12345/a", "https://news.example/news/12346/b"},
		},
		{
			name:    "scripts, javascript: and mailto: links are ignored",
			pageURL: "https://news.example/",
			html: `<main><a href="javascript:void(0)">` + headline("زر") + `</a><a href="mailto:x@news.example">` + headline("بريد") + `</a>
				<a href="/news/12345/a"><script>var t = "not a title";</script>` + headline("أ") + `</a></main>`,
			want:  []string{"https://news.example/news/12345/a"},
			title: headline("أ"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			links, err := listing.Find(strings.NewReader(tt.html), mustURL(t, tt.pageURL), nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range links {
				got = append(got, l.URL)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("links:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if tt.title != "" && len(links) > 0 && links[0].Title != tt.title {
				t.Errorf("title = %q, want %q", links[0].Title, tt.title)
			}
		})
	}
}
