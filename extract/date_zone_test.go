package extract_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/refeed/refeed/extract"
)

// TestExtractDateLocation checks that Options.Location applies to dates a
// page writes without a zone, and only to those.
func TestExtractDateLocation(t *testing.T) {
	baghdad := time.FixedZone("Baghdad", 3*60*60)
	body := strings.Repeat("<p>فقرة من نص الخبر تكفي لتكون مقالة، وفيها كلمات كثيرة.</p>", 8)
	tests := []struct {
		name string
		head string // inside <head>
		text string // after the headline
		loc  *time.Location
		want time.Time
	}{
		{"meta without zone, in Baghdad", `<meta property="article:published_time" content="2026-11-28T10:00:00">`, "", baghdad,
			time.Date(2026, 11, 28, 7, 0, 0, 0, time.UTC)},
		{"meta without zone, no location means UTC", `<meta property="article:published_time" content="2026-11-28T10:00:00">`, "", nil,
			time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)},
		{"meta with a zone keeps it", `<meta property="article:published_time" content="2026-11-28T10:00:00+01:00">`, "", baghdad,
			time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)},
		{"meta in UTC keeps it", `<meta property="article:published_time" content="2026-11-28T10:00:00Z">`, "", baghdad,
			time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)},
		{"Arabic date in the text", "", `<p class="date">السبت 28 تشرين الثاني 2026 - 10:30</p>`, baghdad,
			time.Date(2026, 11, 28, 7, 30, 0, 0, time.UTC)},
		{"date only in the text is midnight there", "", `<p class="date">28 نوفمبر 2026</p>`, baghdad,
			time.Date(2026, 11, 27, 21, 0, 0, 0, time.UTC)},
	}
	u, _ := url.Parse("https://news.example/a/1")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := `<html lang="ar" dir="rtl"><head><title>خبر</title>` + tt.head +
				`</head><body><article><h1>عنوان الخبر</h1>` + tt.text + body + `</article></body></html>`
			art, err := extract.ExtractWith(strings.NewReader(page), u, extract.Options{Location: tt.loc})
			if err != nil {
				t.Fatal(err)
			}
			if !art.Published.Equal(tt.want) {
				t.Errorf("Published = %v, want %v", art.Published.UTC(), tt.want)
			}
		})
	}
}
