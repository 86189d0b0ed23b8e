package extract

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
)

func TestParseDate(t *testing.T) {
	utc := func(y int, m time.Month, d, h, min, s int) time.Time {
		return time.Date(y, m, d, h, min, s, 0, time.UTC)
	}
	tests := []struct {
		in   string
		want time.Time // zero: no date
	}{
		{"2020-08-24T09:23:13Z", utc(2020, 8, 24, 9, 23, 13)},
		{"2020-06-03T03:01+0400", utc(2020, 6, 2, 23, 1, 0)},
		{"2020-03-17T17:27", utc(2020, 3, 17, 17, 27, 0)},
		{"2024-04-20T04:20:00.000Z", utc(2024, 4, 20, 4, 20, 0)},
		{"2021-11-01T10:52:50+0100", utc(2021, 11, 1, 9, 52, 50)},
		{"2019-04-28 06:01:07", utc(2019, 4, 28, 6, 1, 7)},
		{"2020-09-21", utc(2020, 9, 21, 0, 0, 0)},
		{"Mon, 02 Jan 2006 15:04:05 +0000", utc(2006, 1, 2, 15, 4, 5)},
		{"1587354000", utc(2020, 4, 20, 3, 40, 0)},
		{"1587354000000", utc(2020, 4, 20, 3, 40, 0)},
		{"2020-02-18 T 07:20:50 +0330", utc(2020, 2, 18, 3, 50, 50)},
		{"٢٠٢٠-٠٨-٢٤", utc(2020, 8, 24, 0, 0, 0)},
		{"۱۴۰۲/۰۵/۱۰", time.Time{}}, // Solar Hijri year: out of range, not misread
		{"", time.Time{}},
		{"yesterday", time.Time{}},
		{"2020-02-30", time.Time{}},
		{"0001-01-01T00:00:00Z", time.Time{}},
	}
	for _, tt := range tests {
		got, ok := parseDate(tt.in, time.UTC)
		if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
			t.Errorf("parseDate(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
	}
}

func TestFindDateInText(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name     string
		in       string
		dayFirst bool
		want     time.Time
	}{
		{"levantine month", "الأربعاء، 28 آب 2013", true, day(2013, 8, 28)},
		{"levantine/egyptian pair", "الأربعاء، 28 آب/اغسطس 2013، آخر تحديث", true, day(2013, 8, 28)},
		{"pair in parentheses", "3 تموز (يوليو) 2020", true, day(2020, 7, 3)},
		{"two-word month", "نشر في 5 تشرين الثاني 2019", true, day(2019, 11, 5)},
		{"kanun al-awwal", "١٢ كانون الأول ٢٠٢٢", true, day(2022, 12, 12)},
		{"kanun al-thani", "1 كانون الثاني 2021", true, day(2021, 1, 1)},
		{"kanun thani without article", "15 كانون ثاني 2021", true, day(2021, 1, 15)},
		{"moroccan december", "3 دجنبر 2020", true, day(2020, 12, 3)},
		{"shubat", "14 شباط 2021", true, day(2021, 2, 14)},
		{"adhar with madda", "٢١ آذار ٢٠٢٣", true, day(2023, 3, 21)},
		{"nisan", "9 نيسان 2003", true, day(2003, 4, 9)},
		{"ayyar with hamza", "١ أيار ٢٠٢٤", true, day(2024, 5, 1)},
		{"haziran", "30 حزيران 2014", true, day(2014, 6, 30)},
		{"aylul", "11 أيلول 2001", true, day(2001, 9, 11)},
		{"tishrin al-awwal", "1 تشرين الأول 2019", true, day(2019, 10, 1)},
		{"egyptian with arabic-indic digits", "٢٤ أغسطس ٢٠٢٠", true, day(2020, 8, 24)},
		{"persian digits", "۲۴ أغسطس ۲۰۲۰", true, day(2020, 8, 24)},
		{"yanayir", "الاثنين 6 يناير 2020", true, day(2020, 1, 6)},
		{"fabrayir", "18 فبراير 2020", true, day(2020, 2, 18)},
		{"maris", "17 مارس 2020", true, day(2020, 3, 17)},
		{"april with hamza", "2 أبريل 2020", true, day(2020, 4, 2)},
		{"april without hamza", "2 ابريل 2020", true, day(2020, 4, 2)},
		{"mayu", "3 مايو 2020", true, day(2020, 5, 3)},
		{"yunyu", "4 يونيو 2020", true, day(2020, 6, 4)},
		{"yunyah", "4 يونيه 2020", true, day(2020, 6, 4)},
		{"yulyu", "5 يوليو 2020", true, day(2020, 7, 5)},
		{"yulyah", "5 يوليه 2020", true, day(2020, 7, 5)},
		{"sibtambar", "6 سبتمبر 2020", true, day(2020, 9, 6)},
		{"uktubar", "7 أكتوبر 2020", true, day(2020, 10, 7)},
		{"nufambar", "8 نوفمبر 2020", true, day(2020, 11, 8)},
		{"disambar", "25 ديسمبر 2020", true, day(2020, 12, 25)},
		{"tatweel and harakat", "٢٥ دِيسـمبر ٢٠٢٠", true, day(2020, 12, 25)},
		{"english day month year", "Published 3 August 2013", true, day(2013, 8, 3)},
		{"english month day year", "April 28, 2019 at 6:01 am", true, time.Date(2019, 4, 28, 6, 1, 0, 0, time.UTC)},
		{"english abbreviation", "Mar. 5, 2020", true, day(2020, 3, 5)},
		{"english day closed by a dot", "December 19. 2025", true, day(2025, 12, 19)},
		{"day and year run together", "December 19.2025", true, time.Time{}},
		{"ordinal", "the 1st of May 2020", true, day(2020, 5, 1)},
		{"pm time", "17 مارس 2020 - 05:27 م", true, time.Date(2020, 3, 17, 17, 27, 0, 0, time.UTC)},
		{"arabic hour label", "6 ديسمبر 2016 الساعة 21:30", true, time.Date(2016, 12, 6, 21, 30, 0, 0, time.UTC)},
		{"iso in text", "تاريخ النشر: 2020-06-03 03:01", true, time.Date(2020, 6, 3, 3, 1, 0, 0, time.UTC)},
		{"numeric day first", "03/04/2020", true, day(2020, 4, 3)},
		{"numeric month first", "03/04/2020", false, day(2020, 3, 4)},
		{"numeric unambiguous", "8/24/2020", true, day(2020, 8, 24)},
		{"earliest date wins", "نشر 1 مارس 2020، تحديث 2 مارس 2020", true, day(2020, 3, 1)},
		{"german", "Veröffentlicht am 3. März 2020", true, day(2020, 3, 3)},
		{"german abbreviation", "12. Dez. 2019, 14:30 Uhr", true, time.Date(2019, 12, 12, 14, 30, 0, 0, time.UTC)},
		{"austrian", "5. Jänner 2021", true, day(2021, 1, 5)},
		{"french", "Publié le 1er mars 2020", true, day(2020, 3, 1)},
		{"french accented", "15 août 2021", true, day(2021, 8, 15)},
		{"french abbreviation", "3 févr. 2022", true, day(2022, 2, 3)},
		{"spanish", "12 de marzo de 2020", true, day(2020, 3, 12)},
		{"spanish del", "5 de diciembre del 2019", true, day(2019, 12, 5)},
		{"italian", "7 luglio 2020", true, day(2020, 7, 7)},
		{"portuguese", "1º de janeiro de 2021", true, day(2021, 1, 1)},
		{"dutch", "3 mei 2021", true, day(2021, 5, 3)},
		{"month inside a word", "Omar 5, 2013", true, time.Time{}},
		{"aab inside a word", "20 ابن 2013", true, time.Time{}},
		{"hijri month is not read", "١٤ محرم ١٤٤٢", true, time.Time{}},
		{"impossible day", "31 نيسان 2020", true, time.Time{}},
		{"no date", "مرحبا بالعالم", true, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := findDateInText(tt.in, tt.dayFirst, time.UTC)
			if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
				t.Errorf("findDateInText(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
			}
		})
	}
}

func TestMonthNamesCoverEveryMonth(t *testing.T) {
	count := make(map[int]int)
	for name, m := range monthNames {
		if monthNumber(name) != m {
			t.Errorf("monthNumber(%q) = %d, want %d", name, monthNumber(name), m)
		}
		count[m]++
	}
	for m := 1; m <= 12; m++ {
		if count[m] < 3 {
			t.Errorf("month %d has %d names, want English, Levantine and Egyptian", m, count[m])
		}
	}
}

func TestCutDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Jane Smith", "Jane Smith"},
		{"Nathan Willis March 25, 2015", "Nathan Willis"},
		{"GILLIAN MOHNEY March 11, 2015 3:46 PM", "GILLIAN MOHNEY"},
		{"أبو محمد البغدادي - ٢٠٢٣/١١/١٥", "أبو محمد البغدادي"},
		{"سارة علي، الأحد ٣ آذار ٢٠٢٤", "سارة علي"},
		{"By Jane Smith, Monday, March 4, 2024", "By Jane Smith"},
		{"March 25, 2015 by Nathan", "March 25, 2015 by Nathan"},
		{"Posted on March 30, 2015 by Admin", "Admin"},
		{"Veröffentlicht am 6. Dezember 2016 von Anna Muster", "Anna Muster"},
		{"Posted on March 30, 2015 by", "Posted on"},
		{"Class of 2015", "Class of 2015"},
	}
	for _, tt := range tests {
		if got := cutDate(tt.in); got != tt.want {
			t.Errorf("cutDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestJalaliDates(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		in   string
		want time.Time
	}{
		{"سه\u200cشنبه ۲۹ بهمن ۱۳۹۸", day(2020, 2, 18)}, // khabaronline, htmldate set
		{"۲۹ بهمن ۱۳۹۸ - ۰۶:۵۵", time.Date(2020, 2, 18, 6, 55, 0, 0, time.UTC)},
		{"1 فروردین 1399", day(2020, 3, 20)},
		{"1 فروردین 1403", day(2024, 3, 20)},
		{"10 دی 1402", day(2023, 12, 31)},
		{"30 اسفند 1395", day(2017, 3, 20)}, // leap year
		{"7 آذر 1404", day(2025, 11, 28)},
		{"31 مهر 1400", time.Time{}}, // the second half-year has 30-day months
		{"5 تیر 1200", time.Time{}},  // out of range
	}
	for _, tt := range tests {
		got, ok := findDateInText(tt.in, true, time.UTC)
		if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
			t.Errorf("findDateInText(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
	}
}

// publishedDay reads page's metadata as the extractor does, in UTC, and
// returns the publication day as written ("2006-01-02"), or "" for none.
func publishedDay(t testing.TB, page string, u *url.URL) string {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	m := readMetadata(doc, u, time.UTC)
	if m.Published.IsZero() {
		return ""
	}
	return m.Published.Format("2006-01-02")
}
