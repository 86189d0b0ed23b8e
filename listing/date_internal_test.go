package listing

import (
	"testing"
	"time"
)

func TestTextDate(t *testing.T) {
	day := func(y, m, d, h, mi int) time.Time { return time.Date(y, time.Month(m), d, h, mi, 0, 0, time.UTC) }
	tests := []struct {
		text string
		want time.Time
	}{
		{"2025/03/10 - 10:15", day(2025, 3, 10, 10, 15)},
		{"نشر في 2025-03-10", day(2025, 3, 10, 0, 0)},
		{"10/03/2025 - 09:40", day(2025, 3, 10, 9, 40)},
		{"10.3.2025", day(2025, 3, 10, 0, 0)},
		{"الاثنين ١٠ آذار ٢٠٢٥", day(2025, 3, 10, 0, 0)},
		{"١٠ مارس، ٢٠٢٥", day(2025, 3, 10, 0, 0)},
		{"3 تشرين الثاني 2024", day(2024, 11, 3, 0, 0)},
		{"3 تشرين الأول 2024", day(2024, 10, 3, 0, 0)},
		{"25 كانون الأول/ديسمبر 2024", day(2024, 12, 25, 0, 0)},
		{"5 أيار 2023", day(2023, 5, 5, 0, 0)},
		{"10 March 2025", day(2025, 3, 10, 0, 0)},
		// Maghrebi and Moroccan names (textkit.Months).
		{"الثلاثاء 3 جوان 2025", day(2025, 6, 3, 0, 0)},
		{"14 جويلية 2025", day(2025, 7, 14, 0, 0)},
		{"٢ أوت ٢٠٢٥", day(2025, 8, 2, 0, 0)},
		{"2 اوت 2025", day(2025, 8, 2, 0, 0)},
		{"9 فيفري 2025", day(2025, 2, 9, 0, 0)},
		{"20 دجنبر 2024", day(2024, 12, 20, 0, 0)},
		{"2025/03/10 25:99", day(2025, 3, 10, 0, 0)}, // a bad time keeps the day
		{"2025/02/30", time.Time{}},
		{"31/13/2025", time.Time{}},
		{"1850/01/01", time.Time{}},
		{"10 فلان 2025", time.Time{}},
		{"قتل 3 أشخاص في 2025", time.Time{}},
		{"منذ ساعتين", time.Time{}},
		{"", time.Time{}},
	}
	for _, tt := range tests {
		if got := textDate(tt.text); !got.Equal(tt.want) {
			t.Errorf("textDate(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
