package evaluate

import (
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestLayouts(t *testing.T) {
	page := `<body><article class="story" id="a1" data-x="1"><header role="banner"><h1>T</h1></header><p class="lead">One.</p><P>Two.</P><pre>p</pre><img data-src="/a.jpg" data-lazy-srcset="/b.jpg 2x" data-original="/c.jpg" data-id="7"></article></body>`
	cases := map[string]string{
		"bare":             `<body><article><header><h1>T</h1></header><p>One.</p><P>Two.</P><pre>p</pre><img data-src="/a.jpg" data-lazy-srcset="/b.jpg 2x" data-original="/c.jpg"></article></body>`,
		"old":              `<body><div><div><h1>T</h1></div><p>One.</p><P>Two.</P><pre>p</pre><img data-src="/a.jpg" data-lazy-srcset="/b.jpg 2x" data-original="/c.jpg"></div></body>`,
		"p-as-div":         `<body><article class="story" id="a1" data-x="1"><header role="banner"><h1>T</h1></header><div class="lead">One.</div><div>Two.</div><pre>p</pre><img data-src="/a.jpg" data-lazy-srcset="/b.jpg 2x" data-original="/c.jpg" data-id="7"></article></body>`,
		"p-wrapped":        `<body><article class="story" id="a1" data-x="1"><header role="banner"><h1>T</h1></header><div><div><p class="lead">One.</p></div></div><div><div><p>Two.</p></div></div><pre>p</pre><img data-src="/a.jpg" data-lazy-srcset="/b.jpg 2x" data-original="/c.jpg" data-id="7"></article></body>`,
		"split":            page, // too few paragraphs to cut
		"folded":           page,
		"ads":              page,
		"builder":          page,
		"builder-sections": page,
		"comments":         page,
		"consent":          page,
		"about":            page,
		"licence":          page,

		"signed-comments": page,
	}
	for _, name := range LayoutNames() {
		want, ok := cases[name]
		if !ok {
			t.Errorf("layout %q has no test case", name)
			continue
		}
		if got := string(Layouts[name]([]byte(page))); got != want {
			t.Errorf("%s:\n got %s\nwant %s", name, got, want)
		}
	}
}

func TestSplitAroundAd(t *testing.T) {
	para := func(s string) string { return "<p>" + s + " is a paragraph long enough to be counted.</p>" }
	page := `<html><head></head><body><div><p>Short.</p></div><article><h1>T</h1>` +
		para("One") + para("Two") + `<figure>F</figure>` + para("Three") + para("Four") + para("Five") +
		`</article></body></html>`
	want := `<html><head></head><body><div><p>Short.</p></div><article>` +
		`<div><h1>T</h1>` + para("One") + para("Two") + `<figure>F</figure></div>` +
		advertisement +
		`<div>` + para("Three") + para("Four") + para("Five") + `</div>` +
		`</article></body></html>`
	if got := string(SplitAroundAd([]byte(page))); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestAdsBetweenParagraphs(t *testing.T) {
	para := func(s string) string { return "<p>" + s + " is a paragraph long enough to be counted.</p>" }
	page := `<html><head></head><body><article><h1>T</h1>` + para("One") + para("Two") + `<p>Short.</p>` + para("Three") + para("Four") + `</article></body></html>`
	want := `<html><head></head><body><article><h1>T</h1>` + para("One") + para("Two") + advertisement + `<p>Short.</p>` + para("Three") + para("Four") + `</article></body></html>`
	if got := string(AdsBetweenParagraphs([]byte(page))); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestFoldStory(t *testing.T) {
	para := func(s string) string { return "<p>" + s + " is a paragraph long enough to be counted.</p>" }
	page := `<html><head></head><body><article><h1>T</h1>` + para("One") + para("Two") + para("Three") + `<figure>F</figure>` + para("Four") + `</article></body></html>`
	want := `<html><head></head><body><article><h1>T</h1>` + para("One") + para("Two") + readMore + foldOpen + para("Three") + `<figure>F</figure>` + para("Four") + `</div></article></body></html>`
	if got := string(FoldStory([]byte(page))); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestPlantMidStory(t *testing.T) {
	para := func(s string) string { return "<p>" + s + " is a paragraph long enough to be counted.</p>" }
	page := `<html><head></head><body><article>` + para("One") + para("Two") + para("Three") + para("Four") + `</article></body></html>`
	want := `<html><head></head><body><article>` + para("One") + para("Two") + `<aside>Box</aside>` + para("Three") + para("Four") + `</article></body></html>`
	if got := string(PlantMidStory([]byte(page), `<aside>Box</aside>`)); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	short := `<html><head></head><body>` + para("One") + `</body></html>`
	if got := string(PlantMidStory([]byte(short), `<aside>Box</aside>`)); got != short {
		t.Errorf("a page with one paragraph changed: %s", got)
	}
}

func TestInBuilderWidget(t *testing.T) {
	para := func(s string) string { return "<p>" + s + " is a paragraph long enough to be counted.</p>" }
	story := `<h1>T</h1>` + para("One") + para("Two") + `<figure>F</figure>` + para("Three") + para("Four")
	page := `<html><head></head><body><div><p>Short.</p></div><article>` + story + `</article></body></html>`
	want := `<html><head></head><body><div><p>Short.</p></div><article>` +
		`<div class="elementor-element elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container">` +
		story + `</div></div></article></body></html>`
	if got := string(InBuilderWidget([]byte(page))); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestInBuilderSections(t *testing.T) {
	para := func(s string) string { return "<p>" + s + " is a paragraph long enough to be counted.</p>" }
	page := `<html><head></head><body><div><p>Short.</p></div><article>` +
		para("One") + para("Two") + `<h2>A</h2>` + para("Three") + `<h3>B</h3>` + para("Four") + `</article></body></html>`
	widget := func(s string) string {
		return `<div class="elementor-element elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container">` + s + `</div></div>`
	}
	want := `<html><head></head><body><div><p>Short.</p></div><article>` +
		`<div class="elementor-section elementor-top-section"><div class="elementor-container"><div class="elementor-column elementor-col-100"><div class="elementor-widget-wrap elementor-element-populated">` +
		widget(para("One")+para("Two")) + widget(`<h2>A</h2>`+para("Three")) + widget(`<h3>B</h3>`+para("Four")) +
		`</div></div></div></div></article></body></html>`
	if got := string(InBuilderSections([]byte(page))); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestWithComments(t *testing.T) {
	para := func(s string) string { return "<p>" + s + " is a paragraph long enough to be counted.</p>" }
	// The story's two sections are blocks of their own; the comments go
	// after the block that holds both, before the footer.
	story := `<div><h1>T</h1>` + para("One") + para("Two") + para("Three") + para("Four") + `</div><div><h2>S</h2>` + para("Five") + para("Six") + `</div>`
	page := `<html><head></head><body><div><a href="/">Home</a></div><div>` + story + `</div><div>Footer</div></body></html>`
	got := string(WithComments([]byte(page)))
	before, after, ok := strings.Cut(got, `<div><h3>`)
	if !ok {
		t.Fatalf("no thread in %s", got)
	}
	if want := `<html><head></head><body><div><a href="/">Home</a></div><div>` + story + `</div>`; before != want {
		t.Errorf("the thread is not right after the story:\n got %s\nwant %s...", before, want)
	}
	if !strings.HasSuffix(after, `</form></div><div>Footer</div></body></html>`) {
		t.Errorf("the thread does not end before the footer: %s", after)
	}
	if n := strings.Count(after, `>Reply</a>`); n < 3 {
		t.Errorf("%d comments, want at least 3", n)
	}
	if c, s := textLen(mustParse(t, after)), textLen(mustParse(t, story)); float64(c) < minCommentShare*float64(s) {
		t.Errorf("the comments hold %d bytes of text, under %.1f times the story's %d", c, minCommentShare, s)
	}
	// The signed thread is the same but for its reply links.
	signed := string(WithSignedComments([]byte(page)))
	if strings.Contains(signed, "#reply-") || strings.Count(signed, `href="/user/`) != strings.Count(got, `href="/user/`) {
		t.Errorf("the signed thread is not the thread without its reply links: %s", signed)
	}
	if re := regexp.MustCompile(`<div><a href="#reply-\d+">Reply</a></div>`); re.ReplaceAllString(got, "") != signed {
		t.Errorf("the signed thread differs from the thread in more than its reply links:\n got %s\nwant %s", signed, got)
	}
	ar := strings.ReplaceAll(page, "is a paragraph long enough to be counted.", "فقرة طويلة بما يكفي لكي تحسب في القصة.")
	if got := string(WithComments([]byte(ar))); !strings.Contains(got, "التعليقات (") || strings.Contains(got, ">Reply<") {
		t.Errorf("an Arabic story got comments in another language: %s", got)
	}
}

func mustParse(t *testing.T, s string) *html.Node {
	t.Helper()
	n, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestBoxesAtTheEndOfTheBody(t *testing.T) {
	para := func(s string) string { return "<p>" + s + " is a paragraph long enough to be counted.</p>" }
	story := `<div><h1>T</h1>` + para("One") + para("Two") + para("Three") + para("Four") + `</div>`
	page := `<html><head></head><body><div><a href="/">Home</a></div>` + story + `<div>Footer</div></body></html>`
	ar := strings.ReplaceAll(page, "is a paragraph long enough to be counted.", "فقرة طويلة بما يكفي لكي تحسب في القصة.")
	tests := []struct {
		name        string
		layout      Layout
		opening     string // how the box opens
		minText     int    // bytes of text it holds at the least
		arabicTitle string
	}{
		{"consent", WithConsent, `<div><div><h2>`, 2000, "نحن نحترم خصوصيتك"},
		{"about", WithAbout, `<div><div><h3>`, 1000, "عن صحيفة البريد"},
		{"licence", WithLicence, `<div><div><p>`, 700, "المشاع الإبداعي"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(tt.layout([]byte(page)))
			before, box, ok := strings.Cut(got, tt.opening)
			if !ok {
				t.Fatalf("no box in %s", got)
			}
			if want := strings.TrimSuffix(page, `</body></html>`); before != want {
				t.Errorf("the page before the box changed:\n got %s\nwant %s", before, want)
			}
			if !strings.HasSuffix(box, `</div></div></body></html>`) {
				t.Errorf("the box is not the body's last child: %s", box)
			}
			if strings.Contains(box, "class=") || strings.Contains(box, "id=") {
				t.Errorf("the box has names: %s", box)
			}
			if n := textLen(mustParse(t, box)); n < tt.minText {
				t.Errorf("the box holds %d bytes of text, want %d at the least", n, tt.minText)
			}
			if got := string(tt.layout([]byte(ar))); !strings.Contains(got, tt.arabicTitle) {
				t.Errorf("an Arabic story got a box in another language: %s", got)
			}
		})
	}
}

func TestStripHintsKeepsStreamedParts(t *testing.T) {
	page := `<body><template id="B:1"></template><div class="x" id="main"><p id='P:2'>A</p></div><div hidden id="S:1" class="y"><p>B</p></div><div id="S:one">C</div></body>`
	want := `<body><template id="B:1"></template><div><p id='P:2'>A</p></div><div hidden id="S:1"><p>B</p></div><div>C</div></body>`
	if got := string(StripHints([]byte(page))); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
