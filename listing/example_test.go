package listing_test

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/refeed/refeed/listing"
)

func ExampleFind() {
	const page = `<html><body>
<nav><a href="/section/iraq">أخبار العراق</a> <a href="/section/latest">آخر الأخبار</a></nav>
<main>
  <article><a href="/news/20502/budget"><img src="/img/20502.jpg" alt=""></a>
    <h3><a href="/news/20502/budget">مجلس الوزراء يقر مشروع موازنة العام المقبل</a></h3>
    <time datetime="2025-03-10T09:30:00+03:00">منذ ساعتين</time></article>
  <article><h3><a href="/news/20501/oil">ارتفاع صادرات النفط العراقية خلال شهر شباط</a></h3></article>
</main>
<footer><a href="/about">من نحن</a></footer>
</body></html>`
	pageURL, _ := url.Parse("https://www.example.iq/")
	links, err := listing.Find(strings.NewReader(page), pageURL, nil, 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range links {
		fmt.Println(l.URL, l.Title)
		if l.Image != "" {
			fmt.Println("  image:", l.Image, "published:", l.Published.Format("2006-01-02 15:04 MST"))
		}
	}
	// Output:
	// https://www.example.iq/news/20502/budget مجلس الوزراء يقر مشروع موازنة العام المقبل
	//   image: https://www.example.iq/img/20502.jpg published: 2025-03-10 06:30 UTC
	// https://www.example.iq/news/20501/oil ارتفاع صادرات النفط العراقية خلال شهر شباط
}

func ExampleCompileRule() {
	const page = `<ul class="news">
  <li><a href="/n?id=7">Short</a><span class="t">The full headline of story seven</span></li>
  <li><a href="/n?id=6">Shorter</a><span class="t">The full headline of story six</span></li>
</ul>`
	rule, err := listing.CompileRule("ul.news li", "span.t")
	if err != nil {
		fmt.Println(err)
		return
	}
	pageURL, _ := url.Parse("http://old.example.iq/index.php")
	links, _ := listing.Find(strings.NewReader(page), pageURL, rule, 0)
	for _, l := range links {
		fmt.Println(l.URL, "|", l.Title)
	}
	// Output:
	// http://old.example.iq/n?id=7 | The full headline of story seven
	// http://old.example.iq/n?id=6 | The full headline of story six
}
