package extract

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
)

// metaOf runs readMetadata on an HTML snippet served from pageURL.
func metaOf(t *testing.T, page, pageURL string) Metadata {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(pageURL)
	if err != nil {
		t.Fatal(err)
	}
	return readMetadata(doc, u, time.UTC)
}

const testURL = "https://news.example.iq/2024/politics/story.html"

func TestReadMetadataTitle(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"site suffix after pipe", `<title>Budget passes | Example News</title><meta property="og:site_name" content="Example News">`, "Budget passes"},
		{"site prefix", `<title>Example News - Budget passes parliament</title><meta property="og:site_name" content="Example News">`, "Budget passes parliament"},
		{"og:title with suffix", `<meta property="og:title" content="Budget passes - BBC News"><meta property="og:site_name" content="BBC News">`, "Budget passes"},
		{"arabic en dash and arabic site name", `<title>البرلمان يقر الموازنة – شبكة أخبار العراق</title><meta property="og:site_name" content="شبكة أخبار العراق">`, "البرلمان يقر الموازنة"},
		{"arabic site name before pipe", `<title>السومرية نيوز | البرلمان يقر الموازنة العامة</title><meta property="og:site_name" content="السومرية نيوز">`, "البرلمان يقر الموازنة العامة"},
		{"arabic site name with different hamza spacing", `<title>البرلمان يقر الموازنة - اليوم السابع</title><meta property="og:site_name" content="اليوم  السابع">`, "البرلمان يقر الموازنة"},
		{"host name as site", `<title>Budget passes parliament - EXAMPLE.iq</title>`, "Budget passes parliament"},
		{"arabic suffix unknown to og:site_name", `<title>البرلمان يقر الموازنة العامة - السومرية نيوز</title><meta property="og:site_name" content="Alsumaria"><meta property="og:title" content="البرلمان يقر الموازنة العامة - السومرية نيوز">`, "البرلمان يقر الموازنة العامة"},
		{"unknown short suffix dropped", `<title>Lorem ipsum dolor sit amet – My website</title>`, "Lorem ipsum dolor sit amet"},
		{"dash inside headline kept", `<meta property="og:title" content="Minecraft 1.8 - The Bountiful Update">`, "Minecraft 1.8 - The Bountiful Update"},
		{"h1 arbitrates", `<title>Section | The real headline of the day | Site</title><h1>The real headline of the day</h1>`, "The real headline of the day"},
		{"short h1 logo ignored", `<title>Outside the web: standalone binaries · V8</title><h1>V8</h1>`, "Outside the web: standalone binaries"},
		{"json-ld headline", `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Budget passes"}</script><title>Budget passes - Site</title>`, "Budget passes"},
		{"json-ld summary headline is not taken", `<title>New Zealand - Wikipedia</title><script type="application/ld+json">{"@type":"Article","name":"New Zealand","headline":"country in Oceania"}</script>`, "New Zealand"},
		{"og:title that is only the site name", `<title>انقطاع الكهرباء في البصرة - المربد</title><meta property="og:site_name" content="المربد"><meta property="og:title" content="المربد"><h1>انقطاع الكهرباء في البصرة</h1>`, "انقطاع الكهرباء في البصرة"},
		{"truncated json-ld headline", `<meta property="og:title" content="A very long headline about the budget that the site cut short for search engines"><script type="application/ld+json">{"@type":"NewsArticle","headline":"A very long headline about the budget that the site cut…"}</script>`, "A very long headline about the budget that the site cut short for search engines"},
		{"title that is only the site name", `<title>Example News</title><meta property="og:site_name" content="Example News"><h1>Storm hits the coast</h1>`, "Storm hits the coast"},
		{"generic title on every page", `<title>شبكة أخبار العراق</title><body><h1>افتتاح جسر جديد على نهر دجلة</h1></body>`, "افتتاح جسر جديد على نهر دجلة"},
		{"short title kept over a longer h1 that contains it", `<title>Flood</title><body><h1>Flood hits the lower town</h1></body>`, "Flood"},
		{"h1 when nothing else", `<body><h1>Only a heading</h1></body>`, "Only a heading"},
		{"double-escaped entities", `<meta property="og:title" content="Tom &amp;amp; Jerry &amp;quot;return&amp;quot;">`, `Tom & Jerry "return"`},
		{"whitespace collapsed", "<title>  Budget\n\t passes  </title>", "Budget passes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := metaOf(t, tt.page, testURL).Title; got != tt.want {
				t.Errorf("Title = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestReadMetadataByline(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"json-ld author object", `<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Ali Hassan"}}</script>`, "Ali Hassan"},
		{"json-ld author array", `<script type="application/ld+json">{"@type":"BlogPosting","author":[{"name":"Stella Kim"},{"name":"Jennifer Jett"},"Stella Kim"]}</script>`, "Stella Kim, Jennifer Jett"},
		{"json-ld author by @id in @graph", `<script type="application/ld+json">{"@graph":[{"@type":"Person","@id":"#p1","name":"سارة علي"},{"@type":"ReportageNewsArticle","author":{"@id":"#p1"}}]}</script>`, "سارة علي"},
		{"json-ld author url skipped", `<meta name="author" content="Meta Name"><script type="application/ld+json">{"@type":"Article","author":"https://example.com/author/x"}</script>`, "Meta Name"},
		{"meta author", `<meta name="author" content="Jane Doe">`, "Jane Doe"},
		{"article:author url skipped", `<meta property="article:author" content="https://facebook.com/x"><a rel="author" href="/a">John Roe</a>`, "John Roe"},
		{"byline class strips By", `<body><div class="article-byline">By   Erin Cunningham</div></body>`, "Erin Cunningham"},
		{"itemprop author name", `<body><span itemprop="author" itemscope><span itemprop="name">Ben Silverman</span> Editor</span></body>`, "Ben Silverman"},
		{"arabic bi-qalam", `<body><h1>عنوان</h1><p>بقلم: محمد عبد الله</p><p>نص المقال الطويل هنا.</p></body>`, "محمد عبد الله"},
		{"arabic bi-qalam with link", `<body><p>بقلم <a href="/w/1">نور الهدى</a></p></body>`, "نور الهدى"},
		{"arabic kataba with colon", `<body><div>كتب: أحمد السامرائي</div></body>`, "أحمد السامرائي"},
		{"sentence starting with by is no byline", `<body><p>by the river the children played all day long.</p></body>`, ""},
		{"comment form author field ignored", `<body><p class="byline">By Ana Ruiz</p><form id="commentform"><label for="author">Nama (wajib)</label><input id="author"></form></body>`, "Ana Ruiz"},
		{"only a comment form", `<body><form><p class="comment-author">Name (required)</p></form></body>`, ""},
		{"parenthesised dateline", `<body><span class="author">(أبوظبي - البيان)</span></body>`, "أبوظبي - البيان"},
		{"writer class in arabic site", `<body><div class="news-writer">مراسل السومرية</div></body>`, "مراسل السومرية"},
		{"long author box rejected", `<body><div class="author">` + strings.Repeat("word ", 200) + `</div></body>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := metaOf(t, tt.page, testURL).Byline; got != tt.want {
				t.Errorf("Byline = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestReadMetadataDates(t *testing.T) {
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	tests := []struct {
		name, page, url string
		published       time.Time
		modified        time.Time
	}{
		{"json-ld", `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2024-03-01T10:00:00Z","dateModified":"2024-03-02T11:00:00Z"}</script>`, testURL, at(2024, 3, 1, 10, 0), at(2024, 3, 2, 11, 0)},
		{"json-ld @graph", `<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"S"},{"@type":["NewsArticle"],"datePublished":"2024-03-01"}]}</script>`, testURL, at(2024, 3, 1, 0, 0), time.Time{}},
		{"json-ld top-level array", `<script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":"http://schema.org/BlogPosting","datePublished":"2024-03-01"}]</script>`, testURL, at(2024, 3, 1, 0, 0), time.Time{}},
		{"json-ld nested mainEntity", `<script type="application/ld+json">{"@type":"WebPage","mainEntity":{"@type":"NewsArticle","datePublished":"2024-03-01"}}</script>`, testURL, at(2024, 3, 1, 0, 0), time.Time{}},
		{"json-ld top-level article before nested related one", `<script type="application/ld+json">{"@graph":[{"@type":"WebPage","hasPart":[{"@type":"NewsArticle","datePublished":"2019-01-01"}]},{"@type":"NewsArticle","datePublished":"2024-03-01"}]}</script>`, testURL, at(2024, 3, 1, 0, 0), time.Time{}},
		{"json-ld invalid raw newline repaired", "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"description\":\"line one\nline two\",\"datePublished\":\"2024-03-01\",}</script>", testURL, at(2024, 3, 1, 0, 0), time.Time{}},
		{"article:published_time", `<meta property="article:published_time" content="2020-08-24T09:23:13Z"><meta property="article:modified_time" content="2020-08-25T09:23:13Z">`, testURL, time.Date(2020, 8, 24, 9, 23, 13, 0, time.UTC), time.Date(2020, 8, 25, 9, 23, 13, 0, time.UTC)},
		{"parsely", `<meta name="parsely-pub-date" content="2024-04-20T04:20:00.000Z">`, testURL, at(2024, 4, 20, 4, 20), time.Time{}},
		{"parsely-page json", `<meta name="parsely-page" content='{"title":"x","pub_date":"2015-03-27T13:07:55Z"}'>`, testURL, time.Date(2015, 3, 27, 13, 7, 55, 0, time.UTC), time.Time{}},
		{"itemprop meta", `<meta content="2020-03-17T17:27:41Z" itemprop="datePublished" name="pubdate">`, testURL, time.Date(2020, 3, 17, 17, 27, 41, 0, time.UTC), time.Time{}},
		{"itemprop on time", `<body><time itemprop="dateModified" datetime="2020-06-04">x</time><time class="date" itemprop="datePublished" datetime="2020-06-03T03:01+0400">x</time></body>`, testURL, at(2020, 6, 2, 23, 1), at(2020, 6, 4, 0, 0)},
		{"time element", `<body><h1>t</h1><time datetime="2019-05-06">6 May</time></body>`, testURL, at(2019, 5, 6, 0, 0), time.Time{}},
		{"url date", `<body><h1>t</h1></body>`, "https://www.youm7.com/story/2020/8/24/title/4943459", at(2020, 8, 24, 0, 0), time.Time{}},
		{"arabic dated text after h1", `<body><div class="top">الخميس 28 تشرين الثاني 2026</div><h1>عنوان</h1><div class="cnn_strytmstmp">الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)</div></body>`, testURL, at(2013, 8, 28, 0, 0), time.Time{}},
		{"header date before h1 ignored", `<body><div class="top">الخميس 28 تشرين الثاني 2026</div><h1>عنوان</h1><p>نص</p></body>`, testURL, time.Time{}, time.Time{}},
		{"nothing", `<p>no date here</p>`, testURL, time.Time{}, time.Time{}},
		{"header time before h1 ignored", `<body><header><time datetime="2026-11-28">today</time></header><h1>t</h1><time datetime="2019-05-06">6 May</time></body>`, testURL, at(2019, 5, 6, 0, 0), time.Time{}},
		{"eight-digit url date", `<p>x</p>`, "https://example.com/news/20230115/slug", at(2023, 1, 15, 0, 0), time.Time{}},
		{"article id is no url date", `<p>x</p>`, "https://example.com/news/2015123.html", time.Time{}, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := metaOf(t, tt.page, tt.url)
			if !m.Published.Equal(tt.published) {
				t.Errorf("Published = %v, want %v", m.Published, tt.published)
			}
			if !m.Modified.Equal(tt.modified) {
				t.Errorf("Modified = %v, want %v", m.Modified, tt.modified)
			}
		})
	}
}

func TestReadMetadataLangDir(t *testing.T) {
	arabic := `<p>أكدت جهات سورية معارضة أن فصائل مسلحة تمكنت من السيطرة على مستودعات للأسلحة.</p>`
	tests := []struct {
		name, page, lang, dir string
	}{
		{"html lang and dir", `<html lang="ar" dir="rtl"><body>` + arabic + `</body></html>`, "ar", "rtl"},
		{"lang only gives dir", `<html lang="ar-IQ"><body><p>x</p></body></html>`, "ar-IQ", "rtl"},
		{"body dir over html dir", `<html dir="ltr"><body dir="rtl"><p>Lorem ipsum</p></body></html>`, "", "rtl"},
		{"article dir", `<html><body><article dir="rtl"><p>Lorem ipsum</p></article></body></html>`, "", "rtl"},
		{"stray ltr on arabic page", `<html dir="ltr"><body>` + arabic + `</body></html>`, "ar", "rtl"},
		{"og:locale", `<html><head><meta property="og:locale" content="ar_AR"></head><body><p>x</p></body></html>`, "ar-AR", "rtl"},
		{"content-language meta", `<meta http-equiv="content-language" content="fa"><p>x</p>`, "fa", "rtl"},
		{"template lang=en on an arabic page", `<html lang="en"><body>` + arabic + `</body></html>`, "ar", "rtl"},
		{"invalid lang skipped", `<html lang="{{lang}}"><body>` + arabic + `</body></html>`, "ar", "rtl"},
		{"nothing declared arabic text", `<html><body>` + arabic + `</body></html>`, "ar", "rtl"},
		{"nothing declared persian text", `<html><body><p>تحلیل روزنامه اصولگرا از دعوت اصلاح طلبان به حضور مردم در انتخابات چگونه بود</p></body></html>`, "fa", "rtl"},
		{"nothing declared english text", `<html><body><p>Plain English text.</p></body></html>`, "", "ltr"},
		{"english page with arabic quote", `<html lang="en"><body><p>The sign read مرحبا in large letters, welcoming every visitor to town.</p></body></html>`, "en", "ltr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := metaOf(t, tt.page, testURL)
			if m.Lang != tt.lang || m.Dir != tt.dir {
				t.Errorf("Lang, Dir = %q, %q; want %q, %q", m.Lang, m.Dir, tt.lang, tt.dir)
			}
		})
	}
}

func TestReadMetadataSiteImageDescription(t *testing.T) {
	tests := []struct {
		name, page, site, image, desc, body string
	}{
		{"open graph", `<meta property="og:site_name" content="CNNArabic"><meta property="og:image" content="/img/a.jpg"><meta property="og:description" content="وصف">`, "CNNArabic", "https://news.example.iq/img/a.jpg", "وصف", ""},
		{"json-ld publisher, image object and body", `<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Al Sumaria"},"image":{"@type":"ImageObject","url":"https://cdn.example/i.jpg"},"description":"d","articleBody":"النص الكامل"}</script>`, "Al Sumaria", "https://cdn.example/i.jpg", "d", "النص الكامل"},
		{"json-ld image array", `<script type="application/ld+json">{"@type":"Article","image":["//cdn.example/1.jpg","x.jpg"]}</script>`, "", "https://cdn.example/1.jpg", "", ""},
		{"base href", `<base href="https://static.example/m/"><meta name="twitter:image" content="p.png">`, "", "https://static.example/m/p.png", "", ""},
		{"data uri rejected", `<meta property="og:image" content="data:image/png;base64,AAAA"><link rel="image_src" href="/lead.jpg">`, "", "https://news.example.iq/lead.jpg", "", ""},
		{"application-name", `<meta name="application-name" content="Shafaq News"><meta name="description" content="  a   b ">`, "Shafaq News", "", "a b", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := metaOf(t, tt.page, testURL)
			if m.SiteName != tt.site || m.Image != tt.image || m.Description != tt.desc || m.ArticleBody != tt.body {
				t.Errorf("got site %q image %q desc %q body %q; want %q %q %q %q", m.SiteName, m.Image, m.Description, m.ArticleBody, tt.site, tt.image, tt.desc, tt.body)
			}
		})
	}
}

func TestDecodeLDRobust(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		nodes int // objects found
	}{
		{"object", `{"@type":"Article"}`, 1},
		{"array", `[{"@type":"A"},{"@type":"B"}]`, 2},
		{"graph", `{"@context":"x","@graph":[{"@type":"A"},{"@type":"B","author":{"name":"n"}}]}`, 4},
		{"two values", `{"@type":"A"} {"@type":"B"}`, 2},
		{"html comment wrapper", `<!-- {"@type":"A"} -->`, 1},
		{"cdata wrapper", `//<![CDATA[
{"@type":"A"}
//]]>`, 1},
		{"trailing comma", `{"@type":"A","x":[1,2,],}`, 1},
		{"control characters in string", "{\"@type\":\"A\",\"articleBody\":\"a\tb\nc\"}", 1},
		{"trailing semicolon", `{"@type":"A"};`, 1},
		{"garbage", `{"@type": "A", oops}`, 0},
		{"empty", ``, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var nodes []map[string]any
			for _, v := range decodeLD(tt.in) {
				collectLDNodes(v, &nodes, 0)
			}
			if len(nodes) != tt.nodes {
				t.Errorf("found %d nodes, want %d", len(nodes), tt.nodes)
			}
		})
	}
}

func TestCollectLDNodesDepthBound(t *testing.T) {
	deep := strings.Repeat(`{"a":`, 500) + `{"@type":"Article"}` + strings.Repeat(`}`, 500)
	var nodes []map[string]any
	for _, v := range decodeLD(deep) {
		collectLDNodes(v, &nodes, 0)
	}
	if len(nodes) > maxLDDepth+2 {
		t.Errorf("walked %d nested nodes, want at most %d", len(nodes), maxLDDepth+2)
	}
}

func TestCleanByline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"By Jane Smith", "Jane Smith"},
		{"Tom Davies Associated Press Published 11:34 PM EST", "Tom Davies Associated Press"},
		{"علي حسين نشر في 3 آذار 2024", "علي حسين"},
		{"Published 3 March 2024", ""},
		{"بقلم: محمد عبد الله", "محمد عبد الله"},
		{"x", ""},
	}
	for _, tt := range tests {
		if got := cleanByline(tt.in); got != tt.want {
			t.Errorf("cleanByline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzMayOpenByline holds the first-byte filter of bylineByPrefix to the
// expression it spares: every text bylinePrefix matches passes it.
func FuzzMayOpenByline(f *testing.F) {
	for _, s := range []string{"By Jane Doe", "BY JANE", "written by Jane", "Posted by x",
		"Reported  by x", "بقلم: أحمد", "كتب - محمد", "كتبت: سارة", "إعداد سامي", "اعداد سامي",
		"تقرير: علي", "حوار - علي", "تحرير: علي", "by\tx", "Bylines", "", "\u212a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if bylinePrefix.MatchString(s) && !mayOpenByline(s) {
			t.Errorf("bylinePrefix matches %q, but mayOpenByline says no", s)
		}
	})
}
