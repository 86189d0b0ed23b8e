package textkit

import "testing"

func TestMojibakeCount(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     int
	}{
		{"Windows-1252 apostrophes", "It doesnâ€™t work, and it isnâ€™t fixed.", 2},
		{"Latin-1, C1 controls kept", "in debt\u00e2\u0080\u0094nearly seven in ten", 1},
		{"accents", "cafÃ© and crÃ¨me", 2},
		{"no-break space", "10Â\u00a0km", 1},
		{"clean English", "It doesn’t work — café, crème, 10\u00a0km.", 0},
		{"clean Portuguese capitals", "SÃO PAULO e MÃE", 0},
		{"clean French", "Il va à «\u00a0Paris\u00a0»", 0},
		{"clean Arabic", "أعلنت وزارة النفط العراقية", 0},
		{"a lone â", "pâté â la carte", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := MojibakeCount(tc.in, 10); got != tc.want {
				t.Errorf("MojibakeCount(%q) = %d, want %d", tc.in, got, tc.want)
			}
		})
	}
}

func TestRepairMojibake(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"Windows-1252", "It doesnâ€™t work, â€œreallyâ€\u009d.", "It doesn’t work, “really”."},
		{"Latin-1", "in debt\u00e2\u0080\u0094nearly, thatâ\u0080\u0099s", "in debt—nearly, that’s"},
		{"accents and Arabic", "cafÃ© Ø¨ØºØ¯Ø§Ø¯", "café بغداد"},
		{"emoji and stars", "â\u00ad\u0090â\u00ad\u0090 ðŸ˜€", "⭐⭐ 😀"},
		{"twice over", "doesnÃ¢â‚¬â„¢t", "doesn’t"},
		{"clean text unchanged", "SÃO PAULO, pâté, 10 €", "SÃO PAULO, pâté, 10 €"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := RepairMojibake(tc.in); got != tc.want {
				t.Errorf("RepairMojibake(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func FuzzRepairMojibake(f *testing.F) {
	for _, s := range []string{"doesnâ€™t", "cafÃ©", "SÃO PAULO", "Ã", "â€", "\xff\xc3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := RepairMojibake(s)
		if len(got) > len(s) {
			t.Errorf("RepairMojibake(%q) = %q, longer than its input", s, got)
		}
		MojibakeCount(s, 5)
	})
}
