package extract

import (
	"net/url"
	"testing"
)

// prose is a paragraph long enough to be the article's text.
const prose = `<p>The first weeks were spent on the prototype, which taught us more about our customers than any survey had, and about ourselves more than we wanted to learn. We kept notes of every call, every refusal and every small yes, and read them again each Friday to decide what to build next.</p>`

// proseAR is an Arabic paragraph long enough to be the article's text.
const proseAR = `<p>أعلنت وزارة التخطيط اليوم عن نتائج المسح الوطني الشامل الذي شمل جميع المحافظات، وأكدت أن الأرقام الجديدة ستعتمد في إعداد الموازنة العامة للسنة المقبلة وفي توزيع المشاريع الخدمية على المدن والأقضية بحسب حاجتها الفعلية وعدد سكانها.</p>`

// TestHeadlineDate checks the dates printed with the headline: an
// earlier byline date overrules the metadata's, unless the metadata's
// day is shown too, the byline's numeric date reads either way, or the
// two differ only by a time zone; without metadata the byline's date
// beats dates further down (related stories, references); a site logo
// in the h1 makes no headline block.
func TestHeadlineDate(t *testing.T) {
	tests := []struct {
		name, head, body, want string // want "" means no date
	}{
		{"byline date before the metadata's is the original",
			`<title>Startup lessons</title><meta property="article:published_time" content="2024-08-07T12:01:51.460Z">`,
			`<article><h1>Startup lessons</h1><div class="meta"><span>7 min read</span> · <span>Dec 30, 2013</span></div>` + prose + `</article>`,
			"2013-12-30"},
		{"arabic byline date before the metadata's",
			`<title>نتائج المسح الوطني</title><meta property="article:published_time" content="2024-08-07T12:01:51Z">`,
			`<article><h1>نتائج المسح الوطني</h1><div><span>بغداد</span> <span>٣٠ كانون الأول ٢٠١٣</span></div>` + proseAR + `</article>`,
			"2013-12-30"},
		{"metadata day shown with the headline is kept",
			`<title>Calm app trial</title><meta name="citation_date" content="2019-06-25">`,
			`<div class="issue"><div>Published on 25.Jun.2019 in Vol 7, No 6</div><div>Preprint first published <a href="/p">04.Apr.2019</a>.</div></div><h1>Calm app trial</h1>` + prose,
			"2019-06-25"},
		{"numeric byline date that reads either way does not overrule",
			`<title>Renovation trends</title><meta property="article:published_time" content="2025-08-05T15:01:58+00:00">`,
			`<article><h1>Renovation trends</h1><div class="byline"><span>8/1/2025</span></div>` + prose + `</article>`,
			"2025-08-05"},
		{"byline a day earlier only in an American time zone",
			`<title>Sourdough loaf</title><meta property="article:published_time" content="2021-12-10T02:17:00+00:00">`,
			`<article><h1>Sourdough loaf</h1><p class="meta">December 9, 2021</p>` + prose + `</article>`,
			"2021-12-10"},
		{"update label in its own element",
			`<title>Electrical contractors</title><script type="application/ld+json">{"@type":"BlogPosting","headline":"Electrical contractors","datePublished":"Aug 21, 2025"}</script>`,
			`<h1>Electrical contractors</h1><div class="meta"><div>Published <span>Apr 26, 2023</span></div><div><b>Updated</b> <span>Aug 21, 2025</span></div></div>` + prose,
			"2023-04-26"},
		{"no metadata: the date over the headline, not the related stories'",
			`<title>Unnesting in databases</title>`,
			`<article><header><div class="infos"><span>December 17, 2025</span> • <span>9 min read</span></div><h1>Unnesting in databases</h1></header>` + prose + prose + `</article><aside><h2>More posts</h2><ul><li><a href="/a">Joins</a><span>November 25, 2025</span></li></ul></aside>`,
			"2025-12-17"},
		{"arabic: the date over the headline, not the related stories'",
			`<title>نتائج المسح الوطني</title>`,
			`<article><header><div><span>١٧ كانون الأول ٢٠٢٥</span></div><h1>نتائج المسح الوطني</h1></header>` + proseAR + proseAR + `</article><aside><h2>أخبار ذات صلة</h2><ul><li><a href="/a">خبر آخر</a><span>٢٥ تشرين الثاني ٢٠٢٥</span></li></ul></aside>`,
			"2025-12-17"},
		{"a site logo in the h1 makes no headline block",
			`<title>نتائج المسح الوطني الشامل</title>`,
			`<header><div class="top"><span>الأحد 6 كانون الأول 2026</span></div><h1><a href="/">شبكة الأخبار</a></h1></header><main><article><h2>نتائج المسح الوطني الشامل</h2>` + proseAR + `<div>5 آب 2024</div></article></main>`,
			"2024-08-05"},
		{"german byline without metadata",
			`<title>Neue Studie zur Energiewende</title>`,
			`<article><h1>Neue Studie zur Energiewende</h1><p class="meta">Veröffentlicht am 3. März 2020</p>` + prose + `</article>`,
			"2020-03-03"},
		{"a reference's date in the text is not the article's",
			`<title>Meditation</title>`,
			`<h1>Meditation</h1>` + prose + `<ol><li>Hirshberg MJ, Goldberg SB, et al. Prevalence of harm in mindfulness-based stress reduction. Psychological Medicine. August 18, 2020. [Epub ahead of print].</li></ol>`,
			""},
	}
	u, _ := url.Parse("https://example.com/post/slug")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<!doctype html><html><head>" + tt.head + "</head><body>" + tt.body + "</body></html>"
			if got := publishedDay(t, page, u); got != tt.want {
				t.Errorf("Published = %q, want %q", got, tt.want)
			}
		})
	}
}
