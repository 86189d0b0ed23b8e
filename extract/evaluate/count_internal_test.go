package evaluate

import "testing"

func FuzzCountTokens(f *testing.F) {
	f.Add("Hello, world_1 — عربي٢ x\u0301y \xff")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := CountTokens(s), len(Tokens(s)); got != want {
			t.Errorf("CountTokens(%q) = %d, want %d", s, got, want)
		}
	})
}
