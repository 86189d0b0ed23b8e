package listing

import "testing"

func TestIsHeadline(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"Read more", false},
		{"أخبار العراق", false},
		{"Council votes to close the old bridge", true},
		{"مجلس المدينة يصوت على إغلاق الجسر القديم", true},
		{"国际新闻", false}, // "international news": a section
		{"老桥将禁止汽车通行", true},
		{"首页", false}, // "home": a menu label
		{"古い橋、車の通行禁止へ", true},
	}
	for _, c := range cases {
		if got := isHeadline(c.text); got != c.want {
			t.Errorf("isHeadline(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
