package extract

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cmsChrome are lines of the arabic-cms fixtures that are page chrome:
// read-also links, tags, share and print links, the author box, related
// posts, the comment form and plugin, most-read, currency, newsletter and
// poll boxes, the Telegram call-out and the footer.
var cmsChrome = []string{
	"اقرأ أيضاً", "اقرأ ايضا", "انخفاض مخزون السدود", "الوسوم", "الكلمات المفتاحية",
	"فيسبوك", "واتساب", "طباعة", "أرسل لصديق", "محرر الأخبار المحلية", "مقالات ذات صلة",
	"أخبار ذات علاقة", "مزارعو ذي قار", "اترك تعليقاً", "لن يتم نشر", "تعليقات الفيسبوك",
	"الأكثر قراءة", "البرلمان يصوت", "أسعار العملات", "1310 دينار", "النشرة البريدية",
	"استطلاع الرأي", "تيليجرام", "جميع الحقوق محفوظة", "منذ ساعتين", "عاجل",
}

// TestArabicCMSLayouts runs two made-up Arabic news pages in the shapes
// Iraqi sites use most, a WordPress news theme and a home-grown table
// layout without class names, and wants the headline, the six paragraphs
// of the article and none of the chrome.
func TestArabicCMSLayouts(t *testing.T) {
	dir := filepath.Join("testdata", "arabic-cms")
	b, err := os.ReadFile(filepath.Join(dir, "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Split(strings.TrimSpace(string(b)), "\n\n")
	const headline = "الموارد المائية تطلق مشروعاً لتأهيل محطات الضخ جنوب بغداد"
	for _, tt := range []struct{ file, url string }{
		{"wordpress-theme.html", "https://rafidain.example/2026/11/22/water-pumps/"},
		{"homegrown-table.html", "https://nahrain.example/news.php?id=88231"},
	} {
		t.Run(tt.file, func(t *testing.T) {
			page, err := os.ReadFile(filepath.Join(dir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			u, _ := url.Parse(tt.url)
			a, err := Extract(bytes.NewReader(page), u, nil)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != headline {
				t.Errorf("Title = %q, want %q", a.Title, headline)
			}
			if got := strings.Split(a.Text, "\n\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("got %d paragraphs, want the %d of the article:\n%s", len(got), len(want), a.Text)
			}
			for _, line := range cmsChrome {
				if strings.Contains(a.Text, line) {
					t.Errorf("article text holds chrome %q", line)
				}
			}
			if a.Lang != "ar" || a.Dir != "rtl" {
				t.Errorf("Lang, Dir = %q, %q; want ar, rtl", a.Lang, a.Dir)
			}
		})
	}
}
