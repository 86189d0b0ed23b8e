package extract

import (
	"strings"
	"testing"
)

// TestShortClosingSentenceKept checks that a short paragraph after the
// block that holds the story joins it when it is a sentence, whatever the
// script and however it is quoted, while a label at the same place does
// not.
func TestShortClosingSentenceKept(t *testing.T) {
	story := []string{
		"The city council voted on Tuesday to close the old bridge to cars from next spring, after engineers found that its steel frame had rusted faster than expected.",
		"Buses and bicycles will still be allowed across, and the council says a new crossing downstream will open within three years, paid for by the regional fund.",
		"Shopkeepers on the east bank fear they will lose customers, and a petition against the closure has gathered more than four thousand signatures in a week.",
	}
	for _, tt := range []struct {
		last string
		kept bool
	}{
		{"“We will be back.”", true},
		{"«On reviendra.»", true},
		{"Who pays for it?)", true},
		{"我们还会回来的！", true},
		{"ہم واپس آئیں گے۔", true},
		{"हम वापस आएंगे।", true},
		{"Photo: City Hall", false},
		{"Continue reading…", false},
	} {
		page := `<html><body><nav><a href="/">Home</a></nav><div><h1>Bridge</h1><div>` +
			paragraphsHTML(story) + `</div><p>` + tt.last + `</p></div></body></html>`
		got := extractText(t, []byte(page), "https://example.com/news/bridge")
		if !strings.Contains(got, story[0]) {
			t.Fatalf("%q: the story is lost:\n%s", tt.last, got)
		}
		if kept := strings.Contains(got, tt.last); kept != tt.kept {
			t.Errorf("%q kept = %v, want %v", tt.last, kept, tt.kept)
		}
	}
}
