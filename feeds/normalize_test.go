package feeds_test

import (
	"testing"

	"github.com/refeed/refeed/feeds"
)

func TestNormalizeTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hello,  World!", "hello world"},
		{"  مُحَمَّدٌ  ", "محمد"},                            // harakat, shadda, tanween
		{"العـــراق", "العراق"},                              // tatweel
		{"أحمد إبراهيم آمال ٱلله", "احمد ابراهيم امال الله"}, // alef forms
		{"مستشفى", "مستشفي"},                                 // alef maqsura
		{"مدرسة", "مدرسه"},                                   // taa marbuta
		{"مؤتمر", "موتمر"},                                   // hamza on waw
		{"عام ٢٠٢٦ و۱۴۰۵", "عام 2026 و1405"},                 // Arabic-Indic and Persian digits
		{"«بغداد»: انفجار، وقتلى؟", "بغداد انفجار وقتلي"},    // Arabic punctuation
		{"", ""},
	}
	for _, tt := range tests {
		if got := feeds.NormalizeTitle(tt.in); got != tt.want {
			t.Errorf("NormalizeTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
