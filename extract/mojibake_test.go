package extract

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// encodedTwice returns s as a server that took its UTF-8 for
// Windows-1252 publishes it: each byte read as the character
// Windows-1252 gives it (a browser's Latin-1 C1 control where
// Windows-1252 has none), then encoded in UTF-8 again.
func encodedTwice(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		r, _ := charmap.Windows1252.NewDecoder().String(s[i : i+1])
		if r == "\uFFFD" {
			r = string(rune(s[i]))
		}
		b.WriteString(r)
	}
	return b.String()
}

// TestPageEncodedTwiceIsReadBack checks that a page whose text was
// encoded in UTF-8 twice over ("doesnâ€™t") comes out as written, its
// headline and paragraphs in English and Arabic alike, and that a page
// with one such piece among clean accents ("SÃO PAULO") is left alone.
func TestPageEncodedTwiceIsReadBack(t *testing.T) {
	for _, tc := range []struct {
		lang, title string
		story       []string
	}{
		{"en", "Café owners say the canal’s closure “hurts”", []string{
			"The café by the bridge hasn’t had a delivery in three weeks — its owner says the detour adds ten days to every order from the coast.",
			"“We’re paying twice what we paid last year,” she said, and the crème brûlée is off the menu until the cream arrives again.",
		}},
		{"ar", "أصحاب المقاهي يقولون إن إغلاق الجسر «يؤذيهم»", []string{
			"لم يصل إلى المقهى القريب من الجسر أي شحنة منذ ثلاثة أسابيع، وتقول صاحبته إن الالتفاف يضيف عشرة أيام إلى كل طلبية.",
			"وقالت «ندفع ضعف ما دفعناه العام الماضي»، وأضافت أن بعض الحلويات غابت عن القائمة حتى يصل الحليب من جديد.",
		}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			page := encodedTwice(`<html lang="` + tc.lang + `"><head><title>` + tc.title + `</title></head><body><nav><a href="/">Home</a></nav><article><h1>` + tc.title + `</h1>` + paragraphsHTML(tc.story) + `</article></body></html>`)
			a, err := Extract(strings.NewReader(page), nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tc.title {
				t.Errorf("title %q, want %q", a.Title, tc.title)
			}
			checkStory(t, a.Text, tc.story, nil)
		})
	}
	t.Run("clean accents stay", func(t *testing.T) {
		story := []string{
			"SÃO PAULO — The city council voted on Tuesday to close the old bridge to cars from March, after engineers found cracks in two of its piers.",
			"A reader wrote that the word \"cafÃ©\" on the council's site shows what happens when a page is encoded twice, and asked the council to fix it.",
		}
		page := `<html><body><article><h1>Bridge to close</h1>` + paragraphsHTML(story) + `</article></body></html>`
		a, err := Extract(strings.NewReader(page), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		checkStory(t, a.Text, story, nil)
	})
}
