package feeds

import "testing"

// TestIsRTLLang checks the languages feeds mark right to left: by their
// script, so Sorani (ckb) and Syriac are, Kurmanji (ku, Latin script)
// is not unless the tag says ku-Arab.
func TestIsRTLLang(t *testing.T) {
	for tag, want := range map[string]bool{
		"ar": true, "ar_IQ": true, "fa-IR": true, "ckb": true, "syr": true, "ku-Arab": true, "yi": true,
		"ku": false, "en-US": false, "tr": false, "": false,
	} {
		if got := isRTLLang(tag); got != want {
			t.Errorf("isRTLLang(%q) = %v, want %v", tag, got, want)
		}
	}
}
