package extract

import (
	"golang.org/x/net/html/atom"
	"strings"
	"testing"
)

// TestProseUnderWeakChromeName checks that paragraphs of the story inside
// a block whose class holds a weak chrome word ("media", "meta",
// "scroll") stay when they read as prose, while a block under the same
// name that holds a few short links still goes.
func TestProseUnderWeakChromeName(t *testing.T) {
	story := []string{
		"The council voted on Tuesday to close the old bridge to traffic from next spring, after engineers found that its steel frame had rusted faster than expected.",
		"Residents who cross the river every day will have to use the ferry, or drive twenty minutes around through the northern suburbs, a trip many say they cannot afford.",
		"The mayor said the city had no choice, and promised that a new bridge, wider, lighter and with a cycle lane, would be designed, paid for and built within four years.",
		"Shop owners on both banks fear, as they did when the ferry was cut, that they will lose customers, and some, mostly cafés and bakers, have asked for a free bus across the dam.",
		"Engineers will inspect the bridge again in March, and the council will decide then whether pedestrians may still use the footpath on its northern side.",
	}
	for _, name := range []string{"media-block", "meta-box", "scroll-section"} {
		t.Run(name, func(t *testing.T) {
			page := `<html><body><nav><a href="/">Home</a></nav><main><article><h1>Old bridge to close next spring</h1><p>` + story[0] + `</p>` +
				`<div class="` + name + `"><p>` + story[1] + `</p><p>` + story[2] + `</p><p>` + story[3] + `</p></div>` +
				`<p>` + story[4] + `</p>` +
				`<div class="` + name + `-links"><a href="/tag/bridges">Bridges</a> <a href="/tag/council">Council</a> <a href="/tag/river">River</a></div>` +
				`</article></main></body></html>`
			got := extractText(t, []byte(page), "https://example.com/news/bridge")
			for i, p := range story {
				if !strings.Contains(got, p) {
					t.Errorf("story paragraph %d missing from:\n%s", i, got)
				}
			}
			if strings.Contains(got, "Bridges") {
				t.Errorf("tag links kept:\n%s", got)
			}
		})
	}
}

// TestDivParagraphsWithLinks checks that a story written in divs instead
// of paragraphs keeps its paragraphs that link a good part of their words,
// as it would keep them in <p>, while a line of links between them still
// goes.
func TestDivParagraphsWithLinks(t *testing.T) {
	story := []string{
		`The council voted on Tuesday to close the <a href="/tag/bridge">old bridge over the river</a> to traffic from next spring, after <a href="/report.pdf">engineers found</a> that its steel frame had rusted faster than expected.`,
		`Residents who cross the river every day will have to use <a href="/ferry">the ferry</a> or drive twenty minutes around through <a href="/places/north">the northern suburbs</a>, a trip many say they cannot afford.`,
		`The mayor said the city had no choice, and promised that a new bridge would be designed within two years, with work to start as soon as the money is found.`,
		`Shop owners on both banks fear that they will lose customers, and some have <a href="/petition">signed a petition</a> asking the council to run <a href="/bus">a free bus across the dam</a>.`,
	}
	var b strings.Builder
	b.WriteString(`<html><body><div><a href="/">Home</a> | <a href="/news">News</a></div><div><div><h1>Old bridge to close next spring</h1>`)
	for i, p := range story {
		b.WriteString(`<div>` + p + `</div>`)
		if i == 1 {
			b.WriteString(`<div><a href="/news/1">Ferry timetable to change</a> | <a href="/news/2">Dam road to reopen</a> | <a href="/news/3">Council elections</a></div>`)
		}
	}
	b.WriteString(`</div></div></body></html>`)
	got := extractText(t, []byte(b.String()), "https://example.com/news/bridge")
	for _, want := range []string{"engineers found that its steel frame", "the northern suburbs, a trip", "designed within two years", "a free bus across the dam"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q missing from:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Dam road to reopen") {
		t.Errorf("line of links kept:\n%s", got)
	}
}

// TestParagraphsWrappedInLayers checks a story whose every paragraph a
// page builder wraps in layers of divs: its paragraphs that link a good
// part of their words stay, as they would unwrapped.
func TestParagraphsWrappedInLayers(t *testing.T) {
	story := []string{
		`The council voted on Tuesday to close the old bridge to traffic from next spring, after engineers found that its steel frame had rusted faster than expected.`,
		`Residents who cross the river every day will have to use <a href="/ferry">the ferry across the river</a> or drive twenty minutes around through <a href="/places/north">the northern suburbs</a>.`,
		`The mayor said the city had no choice, and promised that a new bridge would be designed within two years, with work to start as soon as the money is found.`,
		`Shop owners on both banks fear that they will lose customers, and some have <a href="/petition">signed a petition</a> asking the council to run <a href="/bus">a free bus across the dam</a>.`,
	}
	for _, layers := range []int{2, 3} {
		t.Run(strings.Repeat("div", layers), func(t *testing.T) {
			var b strings.Builder
			b.WriteString(`<html><body><div><a href="/">Home</a></div><div><div><h1>Old bridge to close next spring</h1><div>`)
			for _, p := range story {
				b.WriteString(strings.Repeat("<div>", layers) + `<p>` + p + `</p>` + strings.Repeat("</div>", layers))
			}
			b.WriteString(`</div></div></div></body></html>`)
			got := extractText(t, []byte(b.String()), "https://example.com/news/bridge")
			for _, want := range []string{"steel frame had rusted", "the ferry across the river or drive", "designed within two years", "a free bus across the dam"} {
				if !strings.Contains(got, want) {
					t.Errorf("%q missing from:\n%s", want, got)
				}
			}
		})
	}
}

// TestWrapperChainIsOneLevel checks that the block holding a story's
// paragraphs gets the same score from them whether each sits in one
// wrapper or in a chain of several: a chain counts as one level.
func TestWrapperChainIsOneLevel(t *testing.T) {
	para := "<p>The council voted on Tuesday to close the old bridge to traffic from next spring, after engineers found that its steel frame had rusted.</p>"
	score := func(layers int) float64 {
		page := `<html><body><div id="story">` + strings.Repeat(strings.Repeat("<div>", layers)+para+strings.Repeat("</div>", layers), 4) + `</div></body></html>`
		root, err := parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		body := findElement(root, atom.Body)
		sc := newScorer(newHints(), false, nil, 64)
		sc.measure(body)
		return sc.stats[findElement(body, atom.Div)].score
	}
	one := score(1)
	for _, layers := range []int{2, 3, 5} {
		if got := score(layers); got != one {
			t.Errorf("%d wrappers: the story's block scores %.2f, with one %.2f", layers, got, one)
		}
	}
}

// TestFormBoxInStory checks that a box built around a form inside the
// story (a newsletter's signup: a title, a line of pitch, the form, the
// consent line) goes whole, in a page without class names, while the
// paragraphs around it stay; and that a story block that ends with a
// form of its own is not taken for such a box.
func TestFormBoxInStory(t *testing.T) {
	form := `<form action="/subscribe"><input type="email" placeholder="Email"><button>Sign up</button></form>`
	cases := []struct {
		name, lang, headline string
		story                []string
		box                  string
		gone                 []string
	}{
		{"newsletter box", "en", "Old bridge to close next spring", bridgeStory,
			`<div><h3>Get our free newsletter</h3><p>The best stories of the day delivered to your inbox every morning, plus exclusive offers.</p>` + form + `<p>By signing up you agree to our Privacy Policy.</p></div>`,
			[]string{"Get our free newsletter", "inbox every morning", "Privacy Policy"}},
		{"newsletter box in Arabic", "ar", "إغلاق الجسر القديم في الربيع المقبل", bridgeStoryAr,
			`<div><h3>النشرة الإخبارية</h3><p>أهم أخبار اليوم تصلك إلى بريدك الإلكتروني كل صباح مجاناً.</p>` + form + `</div>`,
			[]string{"النشرة الإخبارية", "بريدك الإلكتروني"}},
		{"story ending with its form", "en", "Old bridge to close next spring", bridgeStory[:3], "", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString(`<html lang="` + tc.lang + `"><body><div><a href="/">Home</a> <a href="/news">News</a> <a href="/contact">Contact</a></div>`)
			b.WriteString(`<div><h1>` + tc.headline + `</h1><div>`)
			if tc.box != "" {
				half := len(tc.story) / 2
				b.WriteString(paragraphsHTML(tc.story[:half]) + tc.box + paragraphsHTML(tc.story[half:]))
			} else {
				// The story's own block ends with a form to write in.
				b.WriteString(paragraphsHTML(tc.story) + `<p>Write to the editor:</p>` + form)
			}
			b.WriteString(`</div></div>`)
			b.WriteString(relatedList + `</body></html>`)
			checkStory(t, extractText(t, []byte(b.String()), "https://example.com/news/bridge"), tc.story, tc.gone)
		})
	}
}

func TestIsQuotation(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"“The best paper in the country. I read it every Sunday.”", true},
		{"  \"Five stars, and a kind team.\"\n", true},
		{"«أفضل صحيفة في البلاد. أقرأها كل أحد.»", true},
		{"“We will rebuild,” the mayor said on Monday.", false},
		{"The mayor said: “We will rebuild.”", false},
		{"The bridge opened on Monday.", false},
		{"“”", false},
	}
	for _, tt := range tests {
		if got := isQuotation(tt.text); got != tt.want {
			t.Errorf("isQuotation(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
