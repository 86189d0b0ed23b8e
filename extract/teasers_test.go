package extract

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestTeaserRiverUnderShortStory puts a short story above a river of
// teasers (linked headline and a two-line summary each, as many as a
// section front shows), with and without a "More news" title, beside the
// story's block or inside it. The teasers outweigh the story, which made a
// later, uncleaned pass take them in as a "second opinion"; the story must
// come out alone.
func TestTeaserRiverUnderShortStory(t *testing.T) {
	story := []string{
		"The city council voted on Tuesday to close the old bridge to cars from next spring, after engineers found that its steel frame had rusted faster than expected.",
		"Buses and bicycles will still be allowed across, and the council says a new crossing downstream will open within three years, paid for by the regional fund.",
		"Shopkeepers on the east bank fear they will lose customers, and a petition against the closure has gathered more than four thousand signatures in a week.",
	}
	teaser := func(i int) string {
		return fmt.Sprintf(`<div><h3><a href="/news/story-%d">Residents react to the plans for district %d</a></h3><p>Residents of the northern district gathered on Monday evening to discuss the plans for the new park, which would replace the old car park behind the station, in district %d.</p></div>`, i, i, i)
	}
	for _, title := range []string{"", "<h2>More news</h2>"} {
		var river strings.Builder
		river.WriteString(`<div>` + title)
		for i := range 12 {
			river.WriteString(teaser(i))
		}
		river.WriteString(`</div>`)
		for _, layout := range []string{"beside", "inside"} {
			t.Run(fmt.Sprintf("title=%v/%s", title != "", layout), func(t *testing.T) {
				var b strings.Builder
				b.WriteString(`<html><body><nav><a href="/">Home</a></nav><div><div><h1>Old bridge to close</h1><div>` + paragraphsHTML(story))
				if layout == "inside" {
					b.WriteString(river.String())
				}
				b.WriteString(`</div>`)
				if layout == "beside" {
					b.WriteString(river.String())
				}
				b.WriteString(`</div></div></body></html>`)
				got := extractText(t, []byte(b.String()), "https://example.com/news/bridge")
				for _, p := range story {
					if !strings.Contains(got, p) {
						t.Errorf("paragraph lost: %.60q", p)
					}
				}
				if n := strings.Count(got, "Residents of the northern"); n > 0 {
					t.Errorf("%d teasers kept:\n%s", n, got)
				}
			})
		}
	}
}

// TestTeaserList checks what makes a box a list of teasers: enough
// children with a headline linking to another page and little else.
func TestTeaserList(t *testing.T) {
	item := `<div><h3><a href="/news/%d">A headline about the news of the day %d</a></h3><p>A short summary of the story.</p></div>`
	section := `<div><h3><a href="/news/%d">A section heading linking elsewhere %d</a></h3><h4>Sub</h4><p>Text.</p></div>`
	anchor := `<div><h3><a href="#s%d">A heading that links on this page %d</a></h3><p>Text.</p></div>`
	long := `<div><h3><a href="/p/%d">A product linked from its heading %d</a></h3><p>` + strings.Repeat("A long description of the product and what it does well. ", 8) + `</p></div>`
	for _, tt := range []struct {
		name, item string
		n          int
		want       bool
	}{
		{"teasers", item, 4, true},
		{"too few", item, 3, false},
		{"sections", section, 6, false},
		{"anchors", anchor, 6, false},
		{"long entries", long, 6, false},
	} {
		var b strings.Builder
		b.WriteString("<div>")
		for i := range tt.n {
			b.WriteString(fmt.Sprintf(tt.item, i, i))
		}
		b.WriteString("</div>")
		root, err := parse(strings.NewReader("<html><body>" + b.String() + "</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		div := findElement(root, atom.Div)
		if got := teaserList(div, nil); got != tt.want {
			t.Errorf("%s: teaserList = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestSetAsideTeaserRivers checks that lists of teasers are set aside
// around a story whose headline is outside them, and that a section front,
// whose headline heads one of its lists, keeps all of them.
func TestSetAsideTeaserRivers(t *testing.T) {
	list := func(head string) string {
		var b strings.Builder
		b.WriteString("<div>" + head)
		for i := range 4 {
			fmt.Fprintf(&b, `<div><h3><a href="/news/%d">A headline about the news of the day %d</a></h3><p>A short summary.</p></div>`, i, i)
		}
		return b.String() + "</div>"
	}
	site, _ := url.Parse("https://example.com/")
	for _, tt := range []struct {
		name, body string
		want       int
	}{
		{"story", list("") + `<div><h1>The story</h1><p>Text.</p></div>` + list(""), 2},
		{"section front", list("") + list(`<div><h1>Local news</h1></div>`), 0},
		{"no headline", list("") + list(""), 0},
	} {
		root, err := parse(strings.NewReader("<html><body>" + tt.body + "</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		titled := map[*html.Node]bool{}
		setAsideTeaserRivers(findElement(root, atom.Body), site, titled)
		if len(titled) != tt.want {
			t.Errorf("%s: %d lists set aside, want %d", tt.name, len(titled), tt.want)
		}
	}
}
