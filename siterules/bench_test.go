package siterules

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/refeed/refeed/internal/testcorpus"
)

// benchRules is shaped like a typical rule file: a body, a dozen strips.
const benchRules = `title: //meta[@property='og:title']/@content
date: //time[@itemprop='datePublished']/@datetime
author: //span[contains(concat(' ',normalize-space(@class),' '),' author ')]
body: //div[@id='missing']
body: //div[contains(concat(' ',normalize-space(@class),' '),' article-body ')]
strip: //div[contains(@class, 'related')]
strip: //aside
strip: //div[@class='ad']
strip: //figure[contains(@class, 'video')]
strip: //script
strip: //div[contains(@class, 'share')]//a
strip_id_or_class: newsletter
strip_id_or_class: comments
strip_id_or_class: tags
strip_image_src: doubleclick.net
find_string: <amp-img
replace_string: <img
`

// benchPage returns an Arabic news page of about size bytes: navigation,
// an article with ads and related boxes, and a long footer.
func benchPage(size int) []byte {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>خبر</title>` +
		`<meta property="og:title" content="عنوان الخبر"></head><body><nav>`)
	for i := range 60 {
		fmt.Fprintf(&b, `<a href="/section/%d">قسم %d</a>`, i, i)
	}
	b.WriteString(`</nav><time itemprop="datePublished" datetime="2026-05-01T10:00:00+03:00">١ أيار</time>` +
		`<span class="author">كاتب</span><div class="article-body">`)
	for i := 0; b.Len() < size*3/4; i++ {
		fmt.Fprintf(&b, `<p>فقرة %d من نص الخبر عن بغداد والبصرة والموصل، مع تفاصيل إضافية.</p>`, i)
		if i%10 == 0 {
			b.WriteString(`<div class="ad"><img src="https://ad.doubleclick.net/x.gif"></div>` +
				`<div class="related-box"><a href="/r">اقرأ أيضا</a></div>`)
		}
	}
	b.WriteString(`</div><div id="comments">`)
	for b.Len() < size {
		b.WriteString(`<div class="comment"><p>تعليق القارئ على الخبر</p></div>`)
	}
	b.WriteString(`</div><footer>حقوق النشر</footer></body></html>`)
	return []byte(b.String())
}

func BenchmarkApply(b *testing.B) {
	site := mustSite(b, benchRules)
	in := benchPage(100 << 10)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		a, err := site.Apply(in, nil)
		if err != nil || a.Selector == "" {
			b.Fatalf("Apply = %v, selector %q", err, a.Selector)
		}
	}
}

// BenchmarkLoadCorpus loads the whole shared ftr-site-config copy. B/op
// counts everything allocated while loading; retained-B is the live heap a
// loaded Set keeps.
func BenchmarkLoadCorpus(b *testing.B) {
	dir := testcorpus.Dir(b, "ftr-site-config")
	b.ReportAllocs()
	for b.Loop() {
		mustLoad(b, dir, Options{})
	}
	b.StopTimer()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	set := mustLoad(b, dir, Options{})
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc)-float64(before.HeapAlloc), "retained-B")
	runtime.KeepAlive(set)
}
