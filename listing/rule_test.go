package listing_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/refeed/refeed/listing"
)

func TestCompileRule(t *testing.T) {
	tests := []struct {
		name, links, title string
		wantErr            string // substring; "" = valid
	}{
		{"links only", "section.top-stories article", "", ""},
		{"links and title", "li.news, div.item", "h3 a", ""},
		{"no links", "", "h3", "without a links selector"},
		{"bad links", "div[", "", `links selector "div["`},
		{"bad title", "li", "h3:first", `title selector "h3:first"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := listing.CompileRule(tt.links, tt.title)
			if tt.wantErr == "" {
				if err != nil || r == nil || r.Links != tt.links || r.Title != tt.title {
					t.Fatalf("CompileRule = %+v, %v", r, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.HasPrefix(err.Error(), "listing: ") {
				t.Errorf("CompileRule error = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestFind_Rule(t *testing.T) {
	const home = "https://www.iraqtoday.example/"
	news := func(rest string) string { return home + "news/" + rest }
	tests := []struct {
		name, links, title string
		want               []string // "URL | title"
	}{
		{
			// Containers: the first a[href] of each card, titles from h3.
			// A rule is the site owner's word, so the other site's link
			// stays; the PDF still goes.
			name: "cards with a title selector", links: "section.top-stories article", title: "h3",
			want: []string{
				news("100250/cabinet-approves-budget") + " | مجلس الوزراء يقر مشروع موازنة العام المقبل ويحيله إلى مجلس النواب للتصويت",
				news("100249/%D8%A7%D9%84%D8%B3%D9%88%D8%AF%D8%A7%D9%86%D9%8A-%D9%8A%D8%B3%D8%AA%D9%82%D8%A8%D9%84-%D8%A7%D9%84%D8%B3%D9%81%D9%8A%D8%B1") + " | السوداني يستقبل السفير الفرنسي ويبحث معه تعزيز التعاون الثنائي",
				news("100248/oil-exports-rise") + " | ارتفاع صادرات النفط العراقية خلال شهر شباط إلى أعلى مستوى",
				"https://www.othernews.example/news/55555/elsewhere-story | خبر منقول من موقع آخر لا يجب أن يظهر في القائمة",
			},
		},
		{
			// a elements: short titles are fine with a rule.
			name: "links in a list", links: "section.latest li a",
			want: []string{
				news("100247/%D8%A7%D9%84%D8%AA%D8%B1%D8%A8%D9%8A%D8%A9-%D8%AA%D8%B9%D9%84%D9%86") + " | التربية تعلن جدول الامتحانات الوزارية للمرحلة الإعدادية",
				news("100246/weather") + " | الأنواء الجوية: أمطار رعدية تشمل بغداد والمحافظات الوسطى",
				news("100245/traffic") + " | مديرية المرور تعلن قطع طرق",
				news("100244/x") + " | قصير جداً",
			},
		},
		{
			// The front page is never an item, even when selected.
			name: "logo link selected", links: "a.logo, section.latest li:first-child a",
			want: []string{
				news("100247/%D8%A7%D9%84%D8%AA%D8%B1%D8%A8%D9%8A%D8%A9-%D8%AA%D8%B9%D9%84%D9%86") + " | التربية تعلن جدول الامتحانات الوزارية للمرحلة الإعدادية",
			},
		},
		{
			// A title selector that matches nothing falls back to the
			// headline heuristics; the ticker has no images or dates.
			name: "title selector missing", links: ".breaking-ticker li", title: ".nope",
			want: []string{
				news("100251/power-grid-restored-in-basra") + " | عودة التيار الكهربائي إلى معظم أحياء البصرة بعد انقطاع طويل",
				news("100250/cabinet-approves-budget") + " | مجلس الوزراء يقر مشروع موازنة العام المقبل ويحيله إلى البرلمان",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rule, err := listing.CompileRule(tt.links, tt.title)
			if err != nil {
				t.Fatal(err)
			}
			links, err := listing.Find(open(t, "modern_home", false), mustURL(t, home), rule, 0)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range links {
				got = append(got, l.URL+" | "+l.Title)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("links:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestFind_RuleCardDetails(t *testing.T) {
	rule, err := listing.CompileRule("h3.card-title a", "")
	if err != nil {
		t.Fatal(err)
	}
	links, err := listing.Find(open(t, "modern_home", false), mustURL(t, "https://www.iraqtoday.example/"), rule, 0)
	if err != nil {
		t.Fatal(err)
	}
	// The link's card (the <article>) gives the image and the date.
	want := listing.Link{
		URL:   "https://www.iraqtoday.example/news/100250/cabinet-approves-budget",
		Title: "مجلس الوزراء يقر مشروع موازنة العام المقبل ويحيله إلى مجلس النواب للتصويت",
		Image: "https://www.iraqtoday.example/media/2025/03/100250-large.jpg",
	}
	if len(links) != 1 || links[0].URL != want.URL || links[0].Title != want.Title || links[0].Image != want.Image ||
		links[0].Published.Format("2006-01-02T15:04Z07:00") != "2025-03-10T06:30Z" {
		t.Errorf("links = %+v\nwant one: %+v published 2025-03-10T06:30Z", links, want)
	}
}

func TestFind_RuleNoMatch(t *testing.T) {
	rule, err := listing.CompileRule("div.no-such-list a", "")
	if err != nil {
		t.Fatal(err)
	}
	_, err = listing.Find(open(t, "modern_home", false), mustURL(t, "https://www.iraqtoday.example/"), rule, 0)
	if !errors.Is(err, listing.ErrNoLinks) || !strings.Contains(err.Error(), "div.no-such-list a") {
		t.Errorf("error = %v, want ErrNoLinks naming the selector", err)
	}
}

func TestFind_RuleLiteral(t *testing.T) {
	page := mustURL(t, "https://www.iraqtoday.example/")
	links, err := listing.Find(open(t, "modern_home", false), page, &listing.Rule{Links: "section.latest li"}, 0)
	if err != nil || len(links) != 4 {
		t.Errorf("literal rule: %d links, %v; want 4", len(links), err)
	}
	if _, err := listing.Find(open(t, "modern_home", false), page, &listing.Rule{Links: "li["}, 0); err == nil || errors.Is(err, listing.ErrNoLinks) {
		t.Errorf("literal rule with a bad selector: error %v, want a selector error", err)
	}
}

// TestFind_ConcurrentRule shares one Rule between goroutines; run it with
// -race.
func TestFind_ConcurrentRule(t *testing.T) {
	rule, err := listing.CompileRule("section.top-stories article", "h3")
	if err != nil {
		t.Fatal(err)
	}
	page := readFile(t, "modern_home.html")
	u := mustURL(t, "https://www.iraqtoday.example/")
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			links, err := listing.Find(strings.NewReader(page), u, rule, 0)
			if err == nil && len(links) != 4 {
				err = fmt.Errorf("%d links, want 4", len(links))
			}
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
