package extract

import (
	"errors"
	"net/url"
	"strings"
	"testing"
)

// article builds a page whose body is the given markup plus enough prose
// to be found as an article.
func article(extra string) string {
	p := "<p>The council met on Tuesday to discuss the new budget, which raises spending on schools, roads and parks by a tenth, and cuts the cost of permits for small shops.</p>"
	return "<html><head><title>Budget passes</title></head><body><div class=\"story\">" +
		strings.Repeat(p, 4) + extra + "</div></body></html>"
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestCompileRule(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		strip   []string
		wantErr string
	}{
		{"valid", "div.story, article", []string{".ad", "#share"}, ""},
		{"strip only", "", []string{"aside"}, ""},
		{"bad body", "div[", nil, `body selector "div["`},
		{"bad strip", "div", []string{".ok", "p:nope(1)"}, `strip selector "p:nope(1)"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := CompileRule(tt.body, tt.strip)
			verr := (&Rule{Body: tt.body, Strip: tt.strip}).Validate()
			if tt.wantErr == "" {
				if err != nil || verr != nil || r == nil {
					t.Fatalf("CompileRule = %v, Validate = %v; want no error", err, verr)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("CompileRule error = %v, want one naming %s", err, tt.wantErr)
			}
			if verr == nil || verr.Error() != err.Error() {
				t.Errorf("Validate error = %v, want %v", verr, err)
			}
		})
	}
}

func TestExtractWithRule(t *testing.T) {
	page := `<html><body>
		<div class="teaser"><p>A long teaser paragraph that the heuristics would happily take, with commas, clauses, and more words than the story.</p></div>
		<div class="story"><p>Short story text.</p><div class="ad">Buy now</div><p>Second line.</p></div>
		</body></html>`
	u := mustURL(t, "https://example.com/a")
	rule, err := CompileRule("div.story", []string{".ad"})
	if err != nil {
		t.Fatal(err)
	}
	a, err := Extract(strings.NewReader(page), u, rule)
	if err != nil {
		t.Fatal(err)
	}
	if a.Text != "Short story text.\n\nSecond line." {
		t.Errorf("Text = %q, want the rule's body without the stripped ad", a.Text)
	}

	_, err = Extract(strings.NewReader(page), u, &Rule{Body: "div.gone"})
	if !errors.Is(err, ErrNoArticle) || !errors.Is(err, ErrRuleNoMatch) {
		t.Errorf("unmatched rule: err = %v, want ErrNoArticle and ErrRuleNoMatch", err)
	}
	if _, err = Extract(strings.NewReader(page), u, &Rule{Body: "div["}); err == nil || errors.Is(err, ErrNoArticle) {
		t.Errorf("invalid literal rule: err = %v, want a selector error", err)
	}
}

func TestExtractNoArticle(t *testing.T) {
	for _, page := range []string{
		"",
		"<html><body></body></html>",
		"<html><body><script>var x = 'only script';</script><nav><a href=/>Home</a></nav></body></html>",
		"<html><head><title>404</title></head><body><h1>404</h1><p>Page not found.</p></body></html>",
	} {
		_, err := Extract(strings.NewReader(page), mustURL(t, "https://example.com/"), nil)
		if !errors.Is(err, ErrNoArticle) {
			t.Errorf("Extract(%q) error = %v, want ErrNoArticle", page, err)
		}
	}
}

func TestExtractCleansHTML(t *testing.T) {
	extra := `<p>The <a href="/more" onclick="track()">full report</a> and <a href="javascript:alert(1)">its annex</a> are online, with tables.</p>
		<p style="color:red">Styled <b>bold</b> text stays, its style does not, in this sentence.</p>
		<img src="data:image/gif;base64,R0lGOD" data-src="img/lazy.jpg" data-srcset="img/lazy-2x.jpg 2x, javascript:x 3x" alt="lazy">
		<span class="placeholder"><img src="about:blank"></span><noscript><img src="img/fallback.jpg" alt="fallback"></noscript>
		<div hidden>hidden text</div><div style="display: none">invisible text</div>
		<iframe src="https://ads.example/"></iframe><script>document.write("x")</script>
		<table><tr><th>Year</th><th>Budget</th></tr><tr><td>2024</td><td>10</td></tr></table>`
	page := strings.Replace(article(extra), "<head>", `<head><base href="https://cdn.example.org/news/">`, 1)
	a, err := Extract(strings.NewReader(page), mustURL(t, "https://example.com/2024/budget.html"), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`href="https://cdn.example.org/more"`,
		`src="https://cdn.example.org/news/img/lazy.jpg"`,
		`srcset="https://cdn.example.org/news/img/lazy-2x.jpg 2x"`,
		`src="https://cdn.example.org/news/img/fallback.jpg"`,
		`<b>bold</b>`, `<th>Year</th>`, `<td>2024</td>`,
	} {
		if !strings.Contains(a.HTML, want) {
			t.Errorf("HTML lacks %s:\n%s", want, a.HTML)
		}
	}
	for _, bad := range []string{"onclick", "javascript:", "style=", "<script", "<iframe", "hidden text", "invisible text", "about:blank", "data:image", "<div", "dir="} {
		if strings.Contains(a.HTML, bad) {
			t.Errorf("HTML holds %s:\n%s", bad, a.HTML)
		}
	}
	if strings.Contains(a.Text, "Budget passes") {
		t.Errorf("Text repeats the title: %q", a.Text)
	}
}

func TestExtractText(t *testing.T) {
	page := `<html><head><title>Old layout</title></head><body><table><tr>
		<td width="150"><a href="/1">Home</a><br><a href="/2">News</a><br><a href="/3">Sports</a></td>
		<td><font face="Tahoma" size="2">First   paragraph of the story, long enough to count as prose, with commas, too.<br><br>
		Second paragraph,
		split over lines in the source, also long enough to count as prose here.<br><br>Third.</font></td>
		</tr></table></body></html>`
	a, err := Extract(strings.NewReader(page), mustURL(t, "http://example.com/x.asp"), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "First paragraph of the story, long enough to count as prose, with commas, too.\n\n" +
		"Second paragraph, split over lines in the source, also long enough to count as prose here.\n\nThird."
	if a.Text != want {
		t.Errorf("Text =\n%q\nwant\n%q", a.Text, want)
	}
	if !strings.Contains(a.HTML, "<p>") {
		t.Errorf("HTML has no paragraphs: %s", a.HTML)
	}
}

func TestExtractCrossChecksJSONLD(t *testing.T) {
	story := []string{
		"The river rose two metres overnight and flooded the lower town, the mayor said on Sunday.",
		"Rescue teams moved forty families to the school on the hill, where the council opened a shelter.",
		"Forecasters expect the water to fall by Tuesday if the rain stops upstream as predicted.",
		"Insurers said claims would be paid quickly, and the army sent trucks with sandbags and drinking water.",
	}
	letter := "<p>Dear editor, I have lived here for thirty years, and I have never, ever, seen the council act so slowly, so carelessly, and with so little regard for the people who pay for it all.</p>"
	ld := `{"@context":"https://schema.org","@type":"NewsArticle","headline":"Flood","articleBody":"` +
		strings.Join(story, `\n`) + `"}`
	page := `<html><head><title>Flood</title><script type="application/ld+json">` + ld + `</script></head><body>
		<div class="a"><p>` + strings.Join(story, "</p><p>") + `</p></div>
		<div class="b">` + strings.Repeat(letter, 12) + `</div></body></html>`
	a, err := Extract(strings.NewReader(page), mustURL(t, "https://example.com/flood"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Join(story, "\n\n"); a.Text != want {
		t.Errorf("Text =\n%q\nwant the story the JSON-LD articleBody names:\n%q", a.Text, want)
	}
}

func TestExtractKeepsPreformattedText(t *testing.T) {
	page := article("<pre><code>func main() {\n\tfmt.Println(\"hi\")\n}</code></pre>")
	a, err := Extract(strings.NewReader(page), mustURL(t, "https://example.com/code"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "\n\nfunc main() {\n\tfmt.Println(\"hi\")\n}") {
		t.Errorf("Text lost the code's lines:\n%s", a.Text)
	}
	if !strings.Contains(a.HTML, "<pre><code>func main() {\n\tfmt.Println(&#34;hi&#34;)\n}</code></pre>") {
		t.Errorf("HTML lost the code block:\n%s", a.HTML)
	}
}

func TestExtractShortArticleKeepsToItself(t *testing.T) {
	comment := `<div class="item"><p>I disagree with the council, and with the mayor, and frankly with everyone who voted for this plan, because it costs too much, helps too few, and comes too late.</p></div>`
	page := `<html><head><title>Bridge closed</title></head><body>
		<div class="story"><p>The old bridge over the river will close on Monday for repairs, the council said.</p>
		<p>Traffic will be sent over the new bridge, and buses will run every ten minutes until the work ends in May.</p>
		<p>Cyclists and walkers may still cross on the south side, which stays open during the day, from six to ten.</p></div>
		<div class="comments">` + strings.Repeat(comment, 10) + `</div></body></html>`
	a, err := Extract(strings.NewReader(page), mustURL(t, "https://example.com/bridge"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Text, "I disagree") || !strings.HasPrefix(a.Text, "The old bridge") {
		t.Errorf("Text = %q, want the short story without the comments", a.Text)
	}
}

func TestExtractUnwrapsLayoutTables(t *testing.T) {
	page := `<html><head><title>New bridge opens</title></head><body>
		<table width="100%"><tr><td><img src="/images/site-logo.gif"></td></tr></table>
		<table><tr><td><h1>New bridge opens</h1>
		<font size="2">By Abu Mohammed - 2023/11/15</font>
		<p>The city opened a new bridge over the river today, linking the two halves of the old town, at a cost of forty million.</p>
		<p>The mayor said the bridge would ease traffic at rush hour, and that buses would use it from next week.</p>
		</td></tr></table></body></html>`
	a, err := Extract(strings.NewReader(page), mustURL(t, "https://example.com/bridge"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Text, "The city opened") {
		t.Errorf("Text = %q, want it to start with the first paragraph (no headline, no byline)", a.Text)
	}
	for _, bad := range []string{"<table", "<td", "logo"} {
		if strings.Contains(a.HTML, bad) {
			t.Errorf("HTML holds %s:\n%s", bad, a.HTML)
		}
	}
}

// A utility class that styles captions below it ("[&_figcaption]:mt-xs")
// does not make the article a caption; a real caption class still keeps
// the caption out of the text.
func TestExtractTextIgnoresCaptionUtilityClasses(t *testing.T) {
	page := `<html><head><title>Batching</title></head><body><main>
		<article class="break-words [&_figcaption]:mt-xxs lg:[&_figcaption]:mt-xs">
		<p>Embedding model inference often struggles with efficiency when serving large volumes of short requests, a common pattern in search.</p>
		<figure><img src="/chart.png"><p class="wp-caption-text">Latency before and after batching</p></figure>
		<p>Queries are typically short, and their token-length distribution is highly skewed, so batching by token count pays off.</p>
		</article></main></body></html>`
	a, err := Extract(strings.NewReader(page), mustURL(t, "https://example.com/batching"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Text, "Embedding model inference") || !strings.Contains(a.Text, "token-length distribution") {
		t.Errorf("Text = %q, want both paragraphs", a.Text)
	}
	if strings.Contains(a.Text, "Latency before") {
		t.Errorf("Text holds the caption: %q", a.Text)
	}
}

// TestHeadStaysOutOfTheStory checks that a page whose paragraphs sit
// loose in a body classed like chrome, so that <html> outscores <body>,
// gives its story without the scripts and styles of its <head>.
func TestHeadStaysOutOfTheStory(t *testing.T) {
	head := `<head><title>Bridge</title><style>.story{color:#333;margin:0 auto}</style>` +
		`<script>if(navigator.userAgent.match(/MSIE|Trident/i)){var href=document.location.href;document.location.href=href+"?legacy=1";}</script></head>`
	for _, tc := range []struct {
		lang  string
		story []string
	}{
		{"en", bridgeStory},
		{"ar", bridgeStoryAr},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			page := `<html lang="` + tc.lang + `">` + head + `<body class="has-sidebar footer-widgets">` + paragraphsHTML(tc.story) + `</body></html>`
			checkStory(t, extractText(t, []byte(page), "https://example.com/news/bridge"), tc.story, []string{"navigator", "margin:0"})
		})
	}
}
