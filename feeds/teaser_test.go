package feeds_test

import (
	"strings"
	"testing"

	"github.com/refeed/refeed/feeds"
)

func TestIsTeaser(t *testing.T) {
	long := strings.Repeat("وقال المتحدث إن الحكومة ماضية في تنفيذ المشاريع الجديدة. ", 20) // 180 words
	longEn := strings.Repeat("The minister said the budget covers new projects in every province. ", 15)
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"empty", "", true},
		{"a short summary", "أعلنت الحكومة العراقية اليوم عن موازنة العام المقبل.", true},
		{"a whole long article", long, false},
		{"a whole long English article", longEn, false},
		{"long, cut with an ellipsis", long + "وأضاف أن…", true},
		{"long, cut with three dots", longEn + "He added that...", true},
		{"long, with read more", longEn + "Read more »", true},
		{"long, with اقرأ المزيد", long + "اقرأ المزيد", true},
		{"WordPress excerpt with its footer", longEn + " [&hellip;] [...] The post Budget appeared first on News.", true},
	}
	for _, tt := range tests {
		it := feeds.Item{Text: tt.text}
		if got := it.IsTeaser(); got != tt.want {
			t.Errorf("%s: IsTeaser = %v, want %v", tt.name, got, tt.want)
		}
	}
}
