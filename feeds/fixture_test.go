package feeds_test

import (
	"time"

	"github.com/refeed/refeed/feeds"
)

// day returns a fixed UTC time on 2026-11-<d> at hh:00.
func day(d, hh int) time.Time {
	return time.Date(2026, time.November, d, hh, 0, 0, 0, time.UTC)
}

// newItem builds an item with its canonical URL and ID derived as Parse
// would.
func newItem(source, raw, title string) feeds.Item {
	url, err := feeds.CanonicalURL(raw, "")
	if err != nil {
		panic(err)
	}
	return feeds.Item{
		ID:     feeds.ItemID(url, "", title, source),
		Source: source,
		URL:    url,
		Title:  title,
	}
}

// sampleFeed is the fixture behind the golden files: Arabic RTL items with
// full content, an English item with an enclosure and special characters,
// and an undated item that sorts by FirstSeen.
func sampleFeed() feeds.Feed {
	ar := newItem("alsumaria", "https://www.alsumaria.tv/news/1/%D8%A8%D8%BA%D8%AF%D8%A7%D8%AF", "الحكومة العراقية تعلن موازنة ٢٠٢٦")
	ar.SourceGUID = "https://www.alsumaria.tv/news/1/"
	ar.Summary = "<p>أعلنت الحكومة العراقية اليوم عن موازنة العام المقبل.</p>"
	ar.Content = "<p>أعلنت الحكومة العراقية اليوم عن موازنة العام المقبل.</p><p>وقال المتحدث إن الموازنة تشمل مشاريع جديدة.</p>"
	ar.Text = "أعلنت الحكومة العراقية اليوم عن موازنة العام المقبل. وقال المتحدث إن الموازنة تشمل مشاريع جديدة."
	ar.Authors = []string{"قسم الأخبار"}
	ar.Categories = []string{"سياسة", "اقتصاد"}
	ar.Image = "https://www.alsumaria.tv/images/1.jpg"
	ar.Lang, ar.Dir = "ar", "rtl"
	ar.Published, ar.FirstSeen = day(27, 9), day(27, 10)
	ar.Extracted = true

	ar2 := newItem("shafaq", "https://shafaq.com/ar/سياسة/مقال-2", "البرلمان يصوت على القانون")
	ar2.Text = "صوت مجلس النواب العراقي على القانون بالأغلبية."
	ar2.Lang, ar2.Dir = "ar", "rtl"
	ar2.Published, ar2.Updated, ar2.FirstSeen = day(26, 8), day(26, 12), day(26, 8)

	en := newItem("wire", "https://example.com/podcast/ep-7", `Tom & Jerry's <"quoted"> ]]> episode`)
	en.Content = "<p>Show notes with a CDATA end ]]> and a control\x01char.</p>"
	en.Text = "Show notes with a CDATA end ]]> and a controlchar."
	en.Enclosures = []feeds.Enclosure{{URL: "https://example.com/ep7.mp3", Type: "audio/mpeg", Length: 12345}}
	en.Authors = []string{"Jane Doe"}
	en.Lang, en.Dir = "en", "ltr"
	en.Published, en.FirstSeen = day(25, 7), day(25, 8)

	undated := newItem("wire", "https://example.com/notes/undated", "")
	undated.Text = "A note without a title or a date, sorted by when refeed first saw it."
	undated.Lang, undated.Dir = "en", "ltr"
	undated.FirstSeen = day(24, 6)

	return feeds.Feed{
		Name:        "iraq",
		Title:       "أخبار العراق",
		Link:        "https://news.example.org/",
		Description: "Merged Iraqi news",
		Language:    "ar",
		Icon:        "https://news.example.org/icon.png",
		SelfURL:     "https://news.example.org/feeds/",
		Generator:   "refeed",
		Items:       []feeds.Item{ar, ar2, en, undated},
	}
}
