package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"html"
	"strings"
	"time"

	"golang.org/x/text/encoding/charmap"
)

// servedFeed is one feed as the loopback server holds it: the document in
// its charset, its gzip form, its validators, and the title its first item
// must decode to.
type servedFeed struct {
	Host         int
	Path         string
	Plain, Gzip  []byte
	ContentType  string
	ETag         string
	LastModified time.Time
	FirstTitle   string
}

// arabicSentences are the news phrases the synthetic feeds are written from,
// in the register of Iraqi news sites. Every character is in windows-1256.
var arabicSentences = []string{
	"أعلنت وزارة الداخلية العراقية، اليوم الأحد، عن إحباط محاولة لتهريب كميات من المواد المخدرة عبر الحدود الجنوبية.",
	"قال المتحدث باسم الحكومة إن مجلس الوزراء صوّت على مشروع قانون الموازنة العامة للسنة المالية المقبلة.",
	"شهدت العاصمة بغداد ارتفاعاً ملحوظاً في درجات الحرارة تجاوزت الخمسين درجة مئوية في بعض المناطق.",
	"بحث رئيس مجلس النواب مع السفير الأوروبي سبل تعزيز التعاون في مجالات الطاقة والتعليم والصحة.",
	"افتتحت محافظة البصرة مشروعاً جديداً لتحلية مياه الشرب يخدم أكثر من مئتي ألف نسمة في قضاء أبي الخصيب.",
	"أكد مصدر في وزارة النفط أن صادرات الخام عبر موانئ الجنوب بلغت معدلات قياسية خلال الشهر الماضي.",
	"انطلقت في أربيل فعاليات معرض الكتاب الدولي بمشاركة أكثر من ثلاثمئة دار نشر عربية وأجنبية.",
	"دعت مفوضية الانتخابات المواطنين إلى تحديث بياناتهم البايومترية قبل انتهاء المدة المحددة.",
	"فاز المنتخب العراقي على نظيره الأردني بهدفين مقابل هدف في المباراة الودية التي أقيمت على ملعب البصرة الدولي.",
	"أفاد مراسلنا في الموصل بأن أعمال إعادة إعمار الجامع النوري ومنارة الحدباء دخلت مراحلها الأخيرة.",
	"حذرت هيئة الأنواء الجوية من عاصفة ترابية تضرب المحافظات الوسطى والجنوبية خلال الساعات المقبلة.",
	"أصدر البنك المركزي تعليمات جديدة لتنظيم بيع الدولار للمسافرين عبر المصارف الأهلية وشركات الصيرفة.",
	"ما الذي ينتظره الشارع من الحكومة الجديدة؟ سؤال يطرحه المواطنون في ظل أزمة الكهرباء المتكررة.",
}

// arabicSections are the section names a site publishes one feed each for.
var arabicSections = []string{"سياسة", "اقتصاد", "رياضة", "محليات", "ثقافة", "دولي", "صحة", "تقارير", "منوعات", "تكنولوجيا"}

// buildFeeds makes n feeds spread over hosts sites, items items each. Every
// fifth site serves windows-1256, as many Iraqi sites still do; the rest
// UTF-8.
func buildFeeds(n, hosts, items int) ([]servedFeed, error) {
	out := make([]servedFeed, n)
	modified := time.Date(2026, 11, 28, 9, 30, 0, 0, time.UTC)
	for i := range out {
		host := i * hosts / n
		legacy := host%5 == 0
		doc, first := rssDocument(i, host, items, modified, legacy)
		plain, ctype := []byte(doc), "application/rss+xml; charset=utf-8"
		if legacy {
			enc, err := charmap.Windows1256.NewEncoder().String(doc)
			if err != nil {
				return nil, fmt.Errorf("bench: feed %d: windows-1256: %w", i, err)
			}
			plain, ctype = []byte(enc), "text/xml; charset=windows-1256"
		}
		gz, err := gzipBytes(plain)
		if err != nil {
			return nil, err
		}
		out[i] = servedFeed{
			Host: host, Path: fmt.Sprintf("/rss/%d.xml", i), Plain: plain, Gzip: gz,
			ContentType: ctype, ETag: fmt.Sprintf(`"%x-5f3a"`, i), LastModified: modified, FirstTitle: first,
		}
	}
	return out, nil
}

// rssDocument writes feed i of a site as RSS 2.0 and returns it with the
// title of its first item.
func rssDocument(i, host, items int, modified time.Time, legacy bool) (string, string) {
	var b strings.Builder
	encoding := "UTF-8"
	if legacy {
		encoding = "windows-1256"
	}
	section := arabicSections[i%len(arabicSections)]
	site := fmt.Sprintf("https://www.site%d.iq", host)
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="%s"?>`+"\n", encoding)
	b.WriteString(`<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"><channel>` + "\n")
	fmt.Fprintf(&b, "<title>موقع %d - %s</title><link>%s/</link><language>ar</language>\n", host, section, site)
	fmt.Fprintf(&b, `<atom:link href="%s/rss/%d.xml" rel="self" type="application/rss+xml"/>`+"\n", site, i)
	fmt.Fprintf(&b, "<description>آخر أخبار %s</description><lastBuildDate>%s</lastBuildDate>\n", section, modified.Format(time.RFC1123Z))
	var first string
	for j := range items {
		title := itemTitle(i, j)
		if j == 0 {
			first = title
		}
		writeItem(&b, site, i, j, title, modified.Add(-time.Duration(j)*47*time.Minute))
	}
	b.WriteString("</channel></rss>\n")
	return b.String(), first
}

// itemTitle is the title of item j of feed i: the first clause of a
// sentence and the item's number, so every title is distinct.
func itemTitle(i, j int) string {
	s := arabicSentences[(i+j)%len(arabicSentences)]
	if k := strings.IndexAny(s, "،."); k > 0 {
		s = s[:k]
	}
	return fmt.Sprintf("%s (%d-%d)", s, i, j)
}

// writeItem writes one item with an escaped HTML description of two or
// three sentences and a picture, as news CMSes publish them.
func writeItem(b *strings.Builder, site string, i, j int, title string, date time.Time) {
	link := fmt.Sprintf("%s/news/%d%02d", site, 40000+i, j)
	var desc strings.Builder
	fmt.Fprintf(&desc, `<p><img src="%s/uploads/%d-%d.jpg" alt=""/></p>`, site, i, j)
	for k := range 2 + (i+j)%2 {
		fmt.Fprintf(&desc, "<p>%s</p>", arabicSentences[(i*3+j*5+k)%len(arabicSentences)])
	}
	fmt.Fprintf(b, "<item><title>%s</title><link>%s</link><guid isPermaLink=\"true\">%s</guid>\n", html.EscapeString(title), link, link)
	fmt.Fprintf(b, "<pubDate>%s</pubDate><dc:creator>المحرر</dc:creator><category>%s</category>\n", date.Format(time.RFC1123Z), arabicSections[(i+j)%len(arabicSections)])
	fmt.Fprintf(b, "<description>%s</description></item>\n", html.EscapeString(desc.String()))
}

// gzipBytes compresses b at the default level, as a web server would.
func gzipBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		return nil, fmt.Errorf("bench: gzip: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("bench: gzip: %w", err)
	}
	return buf.Bytes(), nil
}
