package listing

import (
	"strings"
	"testing"
)

func TestSplitWords(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"most-read", "most read"},
		{"most_read", "most read"},
		{"mostRead", "most read"},
		{"MostViewedBox", "most viewed box"},
		{"entry-header", "entry header"},
		{"h3Title", "h3 title"},
		{"NAV", "nav"},
		{"--x__", "x"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(splitWords(tt.in), " "); got != tt.want {
			t.Errorf("splitWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
