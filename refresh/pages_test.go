package refresh_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// storyParagraphs is the text of a made-up Arabic news story, one
// paragraph each, distinct so that order and repeats show.
func storyParagraphs(n int) []string {
	out := make([]string, n)
	for i := range n {
		out[i] = fmt.Sprintf("الفقرة رقم %d من التقرير: وقال المتحدث باسم وزارة التخطيط العراقية، في مؤتمر صحفي عقده في بغداد، إن المرحلة %d من المشروع ستنطلق قريبا في البصرة والموصل.", i+1, i+1)
	}
	return out
}

// story serves one Arabic story split over pages, with the feed that links
// it. Its page n (1-based) is at path(n); every page repeats the site's
// chrome, the headline, the byline, the lead picture and a share bar, and
// ends with a pager.
type story struct {
	srv   *httptest.Server
	paras []string

	mu     sync.Mutex
	pages  int                          // the story's paragraphs are spread over this many pages
	pager  func(s *story, n int) string // the HTML under page n's body
	extra  string                       // more HTML in every page's body (a print link)
	broken map[int]bool                 // pages that answer 500
	hits   map[string]int               // requests per path and query
	// rewrite, when set, changes each request before it is served.
	rewrite func(*http.Request)
}

func newStory(t testing.TB, paragraphs, pages int) *story {
	s := &story{paras: storyParagraphs(paragraphs), pages: pages, pager: numberedPager, broken: map[int]bool{}, hits: map[string]int{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

// pagePath is where page n of the story is: "/news/story-123" and then
// "/news/story-123?page=N".
func pagePath(n int) string {
	if n == 1 {
		return "/news/story-123"
	}
	return "/news/story-123?page=" + strconv.Itoa(n)
}

// numberedPager is a pager as Arabic news sites write it: the page
// numbers, the current one unlinked, and "الصفحة التالية".
func numberedPager(s *story, n int) string {
	var b strings.Builder
	b.WriteString(`<div class="pages">`)
	for i := 1; i <= s.pages; i++ {
		if i == n {
			fmt.Fprintf(&b, `<span>%d</span> `, i)
		} else {
			fmt.Fprintf(&b, `<a href="%s">%d</a> `, pagePath(i), i)
		}
	}
	if n < s.pages {
		fmt.Fprintf(&b, `<a href="%s">الصفحة التالية</a>`, pagePath(n+1))
	}
	b.WriteString(`</div>`)
	return b.String()
}

func (s *story) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hits[r.URL.RequestURI()]++
	if s.rewrite != nil {
		s.rewrite(r)
	}
	switch {
	case r.URL.Path == "/feed":
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>أخبار</title><item><title>خطة التخطيط الجديدة</title><link>http://%s%s</link><description>مقتطف قصير من التقرير</description></item></channel></rss>`, r.Host, pagePath(1))
		return
	case r.URL.Path == "/print/123":
		s.writePage(w, "", s.paras)
		return
	case r.URL.Path != "/news/story-123":
		http.NotFound(w, r)
		return
	}
	n := 1
	if p := r.URL.Query().Get("page"); p != "" {
		n, _ = strconv.Atoi(p)
	}
	if n < 1 || n > s.pages {
		http.NotFound(w, r)
		return
	}
	if s.broken[n] {
		http.Error(w, "down", http.StatusInternalServerError)
		return
	}
	per := (len(s.paras) + s.pages - 1) / s.pages
	lo, hi := min((n-1)*per, len(s.paras)), min(n*per, len(s.paras))
	s.writePage(w, s.extra+s.pager(s, n), s.paras[lo:hi])
}

func (s *story) writePage(w http.ResponseWriter, under string, paras []string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, `<!doctype html><html lang="ar" dir="rtl"><head><title>خطة التخطيط الجديدة - جريدة المدى</title></head><body>
<header><nav><a href="/">الرئيسية</a> <a href="/politics">سياسة</a> <a href="/economy">اقتصاد</a></nav></header>
<main><article><h1>خطة التخطيط الجديدة</h1><div class="byline">بقلم: أحمد علي</div>
<figure><img src="/img/lead.jpg" alt="بغداد"></figure>
<ul class="share"><li><a href="https://facebook.com/sharer">فيسبوك</a></li><li><a href="https://twitter.com/share">تويتر</a></li></ul>
<div class="body">`)
	for _, p := range paras {
		fmt.Fprintf(w, "<p>%s</p>\n", p)
	}
	fmt.Fprintf(w, `</div>%s</article></main>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/news/story-124">خبر آخر عن الانتخابات</a></li><li><a href="/news/story-125">خبر عن الطقس</a></li></ul></aside>
<footer>جميع الحقوق محفوظة</footer></body></html>`, under)
}

func (s *story) requests(uri string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[uri]
}

// checkStory fails unless content holds the story's paragraphs from first
// to last, in order, each once, and the headline at most once.
func checkStory(t *testing.T, content string, paras []string, first, last int) {
	t.Helper()
	at := -1
	for i, p := range paras {
		n := strings.Count(content, p)
		switch {
		case i+1 < first || i+1 > last:
			if n != 0 {
				t.Errorf("paragraph %d is in the article, want paragraphs %d-%d", i+1, first, last)
			}
		case n != 1:
			t.Errorf("paragraph %d appears %d times, want once", i+1, n)
		default:
			pos := strings.Index(content, p)
			if pos < at {
				t.Errorf("paragraph %d comes before the one preceding it", i+1)
			}
			at = pos
		}
	}
	for _, once := range []string{"خطة التخطيط الجديدة", "أحمد علي", "lead.jpg"} {
		if n := strings.Count(content, once); n > 1 {
			t.Errorf("%q appears %d times in the joined article", once, n)
		}
	}
	for _, chrome := range []string{"الصفحة التالية", "فيسبوك", "الأكثر قراءة", "جميع الحقوق"} {
		if strings.Contains(content, chrome) {
			t.Errorf("chrome %q in the joined article", chrome)
		}
	}
}

// TestMultiPageArticleJoined: a three-page Arabic story whose pager says
// "الصفحة التالية" comes out as one article, in order, with one headline,
// each page fetched once.
func TestMultiPageArticleJoined(t *testing.T) {
	s := newStory(t, 9, 3)
	f := newFixtureWith(t, fmt.Sprintf(`{name: src, url: "%s/feed", fulltext: true, language: ar}`, s.srv.URL), 10)
	if r := f.run(t).Sources[0]; r.Extracted != 1 || r.Failed != 0 {
		t.Fatalf("result %+v", r)
	}
	items := f.output(t)
	if len(items) != 1 {
		t.Fatalf("%d items", len(items))
	}
	checkStory(t, items[0].Content, s.paras, 1, 9)
	for n := 1; n <= 3; n++ {
		if got := s.requests(pagePath(n)); got != 1 {
			t.Errorf("page %d fetched %d times, want once", n, got)
		}
	}
}

// TestMultiPageBySiteRule: an ftr next_page_link rule leads to pages the
// heuristics would not take (another URL scheme, a plain "more" link);
// without the rule, only the first page is published.
func TestMultiPageBySiteRule(t *testing.T) {
	for _, withRule := range []bool{true, false} {
		t.Run(fmt.Sprintf("rule=%v", withRule), func(t *testing.T) {
			s := newStory(t, 9, 3)
			s.pager = func(s *story, n int) string {
				if n == s.pages {
					return ""
				}
				return fmt.Sprintf(`<p class="more-link"><a class="go-on" href="/continue?from=%s">المزيد</a></p>`, strconv.Itoa(n+1))
			}
			var top []string
			if withRule {
				rules := t.TempDir()
				if err := os.WriteFile(filepath.Join(rules, "127.0.0.1.txt"), []byte("next_page_link: //a[@class='go-on']\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				top = append(top, "site_rules: {dir: "+rules+"}")
			}
			s.mu.Lock()
			s.rewrite = func(r *http.Request) {
				if r.URL.Path == "/continue" {
					r.URL.Path, r.URL.RawQuery = "/news/story-123", "page="+r.URL.Query().Get("from")
				}
			}
			s.mu.Unlock()
			f := newFixtureWith(t, fmt.Sprintf(`{name: src, url: "%s/feed", fulltext: true, language: ar}`, s.srv.URL), 10, top...)
			f.run(t)
			last := 9
			if !withRule {
				last = 3 // the first page's paragraphs only
			}
			checkStory(t, f.output(t)[0].Content, s.paras, 1, last)
		})
	}
}

// TestSinglePageLinkPreferred: a single_page_link (site rule or the
// source's "pages: {single: ...}") is fetched instead of the pages.
func TestSinglePageLinkPreferred(t *testing.T) {
	for _, how := range []string{"site rule", "source"} {
		t.Run(how, func(t *testing.T) {
			s := newStory(t, 9, 3)
			s.extra = `<p class="tools"><a class="print" href="/print/123">طباعة</a></p>`
			src := fmt.Sprintf(`{name: src, url: "%s/feed", fulltext: true, language: ar}`, s.srv.URL)
			var top []string
			if how == "source" {
				src = fmt.Sprintf(`{name: src, url: "%s/feed", fulltext: true, language: ar, pages: {single: "a.print"}}`, s.srv.URL)
			} else {
				rules := t.TempDir()
				if err := os.WriteFile(filepath.Join(rules, "127.0.0.1.txt"), []byte("single_page_link: //a[@class='print']\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				top = append(top, "site_rules: {dir: "+rules+"}")
			}
			f := newFixtureWith(t, src, 10, top...)
			f.run(t)
			checkStory(t, f.output(t)[0].Content, s.paras, 1, 9)
			if s.requests("/print/123") != 1 || s.requests(pagePath(2)) != 0 {
				t.Errorf("print page fetched %d times, page 2 %d times; want the print page only", s.requests("/print/123"), s.requests(pagePath(2)))
			}
		})
	}
}

// TestSelfLinkingPagerStops: a pager whose "next" link points at the page
// itself, or back to the first page, is not followed round.
func TestSelfLinkingPagerStops(t *testing.T) {
	pagers := map[string]func(s *story, n int) string{
		"itself": func(s *story, n int) string {
			return fmt.Sprintf(`<div class="pages"><a rel="next" href="%s">الصفحة التالية</a></div>`, pagePath(n))
		},
		"loop": func(s *story, n int) string {
			return fmt.Sprintf(`<div class="pages"><a rel="next" href="%s">التالي</a></div>`, pagePath(n%s.pages+1))
		},
	}
	for name, pager := range pagers {
		t.Run(name, func(t *testing.T) {
			s := newStory(t, 9, 3)
			s.pager = pager
			f := newFixtureWith(t, fmt.Sprintf(`{name: src, url: "%s/feed", fulltext: true, language: ar}`, s.srv.URL), 10)
			if r := f.run(t).Sources[0]; r.Extracted != 1 || r.Failed != 0 {
				t.Fatalf("result %+v", r)
			}
			last := map[string]int{"itself": 3, "loop": 9}[name]
			checkStory(t, f.output(t)[0].Content, s.paras, 1, last)
			for n := 1; n <= 3; n++ {
				if got := s.requests(pagePath(n)); got > 1 {
					t.Errorf("page %d fetched %d times", n, got)
				}
			}
		})
	}
}

// TestFailedLaterPage: when page 3 fails, pages 1-2 are published, and a
// later pass completes the article under the same item.
func TestFailedLaterPage(t *testing.T) {
	s := newStory(t, 9, 3)
	s.broken[3] = true
	f := newFixtureWith(t, fmt.Sprintf(`{name: src, url: "%s/feed", fulltext: true, language: ar}`, s.srv.URL), 10)
	if r := f.run(t).Sources[0]; r.Failed != 1 {
		t.Errorf("result %+v, want the article counted failed", r)
	}
	items := f.output(t)
	if len(items) != 1 {
		t.Fatalf("%d items", len(items))
	}
	id := items[0].GUID
	checkStory(t, items[0].Content, s.paras, 1, 6)

	f.now = f.now.Add(time.Minute) // too soon for a retry: nothing changes
	f.run(t)
	if got := s.requests(pagePath(1)); got != 1 {
		t.Errorf("article fetched again within its backoff (%d requests)", got)
	}
	s.mu.Lock()
	s.broken[3] = false
	s.mu.Unlock()
	f.now = f.now.Add(time.Hour)
	if r := f.run(t).Sources[0]; r.Extracted != 1 || r.Failed != 0 {
		t.Errorf("retry result %+v", r)
	}
	items = f.output(t)
	if len(items) != 1 || items[0].GUID != id {
		t.Fatalf("after the retry: %d items, GUID %q, want one with %q", len(items), items[0].GUID, id)
	}
	checkStory(t, items[0].Content, s.paras, 1, 9)
}
