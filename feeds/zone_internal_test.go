package feeds

import (
	"testing"
	"time"
)

func TestHasZone(t *testing.T) {
	tests := []struct {
		raw  string
		want bool
	}{
		{"Sat, 28 Nov 2026 10:00:00 +0300", true},
		{"Sat, 28 Nov 2026 10:00:00 GMT", true},
		{"Sat, 28 Nov 2026 10:00:00 EEST", true},
		{"Sat, 28 Nov 2026 10:00:00 +0300 (AST)", true},
		{"2026-11-28T10:00:00Z", true},
		{"2026-11-28T10:00:00+03:00", true},
		{"2026-11-28T10:00:00.123-05:00", true},
		{"Sat, 28 Nov 2026 10:00:00", false},
		{"2026-11-28T10:00:00", false},
		{"2026-11-28 10:00:00", false},
		{"2026-11-28", false},
		{"28 Nov 2026 10:00 PM", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := hasZone(tt.raw); got != tt.want {
			t.Errorf("hasZone(%q) = %v, want %v", tt.raw, got, tt.want)
		}
	}
}

func TestParseWithLocation(t *testing.T) {
	baghdad := time.FixedZone("Baghdad", 3*60*60)
	feed := []byte(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>أخبار</title>
<item><title>بلا منطقة</title><link>https://news.example/1</link><pubDate>Sat, 28 Nov 2026 10:00:00</pubDate></item>
<item><title>بتوقيت غرينتش</title><link>https://news.example/2</link><pubDate>Sat, 28 Nov 2026 10:00:00 GMT</pubDate></item>
<item><title>بإزاحة</title><link>https://news.example/3</link><pubDate>Sat, 28 Nov 2026 10:00:00 +0100</pubDate></item>
</channel></rss>`)
	tests := []struct {
		loc  *time.Location
		want []time.Time
	}{
		{nil, []time.Time{
			time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC),
			time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC),
			time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC),
		}},
		{baghdad, []time.Time{
			time.Date(2026, 11, 28, 7, 0, 0, 0, time.UTC),
			time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC),
			time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC),
		}},
	}
	for _, tt := range tests {
		p, err := NewParser().ParseWith(feed, "https://news.example/rss", ParseOptions{Location: tt.loc})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Items) != len(tt.want) {
			t.Fatalf("%d items, want %d", len(p.Items), len(tt.want))
		}
		for i, it := range p.Items {
			if !it.Published.Equal(tt.want[i]) || it.Published.Location() != time.UTC {
				t.Errorf("location %v: item %d (%s) published %v, want %v in UTC", tt.loc, i, it.Title, it.Published, tt.want[i])
			}
		}
	}
}
