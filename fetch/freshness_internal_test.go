package fetch

import (
	"net/http"
	"testing"
	"time"
)

func TestParseMaxAge(t *testing.T) {
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	at := func(d time.Duration) string { return now.Add(d).Format(http.TimeFormat) }
	tests := []struct {
		name   string
		header map[string]string
		want   time.Duration
	}{
		{"nothing", nil, 0},
		{"max-age", map[string]string{"Cache-Control": "public, max-age=600"}, 10 * time.Minute},
		{"s-maxage, the larger", map[string]string{"Cache-Control": "max-age=60, s-maxage=300"}, 5 * time.Minute},
		{"no-cache wins", map[string]string{"Cache-Control": "max-age=600, no-cache"}, 0},
		{"no-store wins over Expires", map[string]string{"Cache-Control": "no-store", "Expires": at(time.Hour)}, 0},
		{"max-age wins over Expires", map[string]string{"Cache-Control": "max-age=60", "Expires": at(time.Hour)}, time.Minute},
		{"max-age=0 wins over Expires", map[string]string{"Cache-Control": "max-age=0", "Expires": at(time.Hour)}, 0},
		{"Expires less Date", map[string]string{"Expires": at(2 * time.Hour), "Date": at(30 * time.Minute)}, 90 * time.Minute},
		{"Expires less now", map[string]string{"Expires": at(time.Hour)}, time.Hour},
		{"Expires in the past", map[string]string{"Expires": at(-time.Hour)}, 0},
		{"Expires malformed (0, as PHP sends)", map[string]string{"Expires": "0"}, 0},
		{"Cache-Control without max-age falls back to Expires", map[string]string{"Cache-Control": "public", "Expires": at(time.Hour)}, time.Hour},
	}
	for _, tt := range tests {
		h := http.Header{}
		for k, v := range tt.header {
			h.Set(k, v)
		}
		if got := parseMaxAge(h, now); got != tt.want {
			t.Errorf("%s: parseMaxAge = %v, want %v", tt.name, got, tt.want)
		}
	}
}
