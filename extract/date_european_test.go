package extract

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
)

// europeanDateCase is one page for TestEuropeanDates: its URL, what goes
// in its head and body, and the day expected ("" for no date).
type europeanDateCase struct {
	name, url, head, body, want string
}

// TestEuropeanDates checks publication dates written the way German and
// other European news sites and blogs write them, on pages of our own.
// Each case fails without the mechanism named in its comment.
func TestEuropeanDates(t *testing.T) {
	tests := []europeanDateCase{
		// A dated update line ("Aktualisiert am 08.12.2016") is not a label:
		// the creation date printed after it is the publication.
		{"dated update line labels nothing after it",
			"https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><div class="info">Aktualisiert am 08.12.2016, 10:00 Uhr</div><div>Erstellt am 06.12.2016</div><p>Text text text.</p></main>`,
			"2016-12-06"},
		// A bare update label still marks the date printed next.
		{"undated update label marks the next date",
			"https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><div class="info"><span>Aktualisiert:</span> <span>08.12.2016</span></div><div>Erstellt am 06.12.2016</div><p>Text text text.</p></main>`,
			"2016-12-06"},
	}
	runEuropeanDates(t, tests)
}

func runEuropeanDates(t *testing.T, tests []europeanDateCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := url.Parse(tt.url)
			if err != nil {
				t.Fatal(err)
			}
			page := "<!doctype html><html><head><title>Mein Garten im Winter | Blog</title>" + tt.head + "</head><body>" + tt.body + "</body></html>"
			doc, err := goquery.NewDocumentFromReader(strings.NewReader(page))
			if err != nil {
				t.Fatal(err)
			}
			m := readMetadata(doc, u, time.UTC)
			got := ""
			if !m.Published.IsZero() {
				got = m.Published.Format("2006-01-02")
			}
			if got != tt.want {
				t.Errorf("Published = %q, want %q", got, tt.want)
			}
		})
	}
}
