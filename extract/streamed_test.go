package extract

import (
	"strings"
	"testing"
	"time"
)

// streamedParagraphs is an article's text, long enough to be one.
var streamedParagraphs = []string{
	"The river rose through the night and by morning the lower town was under a metre of brown water, the worst flood the valley has seen in forty years.",
	"Volunteers filled sandbags at the school until the roads closed, then moved the old people from the riverside flats to the sports hall by boat.",
	"The council says the new wall held where it was finished, and that the gap left by the delayed works is where the water came through.",
	"Insurers expect claims from more than two thousand households, and the government has promised an emergency fund before the end of the month.",
}

// streamedPage builds a page streamed the React way: the shell holds the
// headline, the first paragraph and the placeholders; the other
// paragraphs come as hidden parts at the end of the body. script gives
// the calls that place them, or "" for a page saved without its scripts.
func streamedPage(script string) string {
	p := streamedParagraphs
	return `<!DOCTYPE html><html lang="en"><head><title>Flood</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>The valley's worst flood in forty years</h1>
<p>` + p[0] + `</p>
<!--$?--><template id="B:0"></template><div class="skeleton">Loading paragraph…</div><!--/$-->
<template id="P:1"></template>
</article></main>
<footer><p>Copyright The Valley Courier. All rights reserved. Privacy policy. Terms of use. Contact us.</p></footer>
<div hidden id="S:0"><p>` + p[1] + `</p><!--$?--><template id="B:2"></template><div>Loading paragraph…</div><!--/$--></div>
` + script + `
<div hidden id="S:1"><p>` + p[3] + `</p></div>
<div hidden id="S:2"><p>` + p[2] + `</p></div>
</body></html>`
}

func TestStreamedPartsArePlaced(t *testing.T) {
	cases := []struct {
		name   string
		script string
	}{
		{"with React's calls", `<script>$RC=function(b,c){};$RC("B:0","S:0")</script><script>$RS("S:1","P:1");$RC("B:2","S:2")</script>`},
		{"with the external runtime", `<template data-rci="" data-bid="B:0" data-sid="S:0"></template><template data-rsi="" data-sid="S:1" data-pid="P:1"></template><template data-rci="" data-bid="B:2" data-sid="S:2"></template>`},
		{"saved without scripts", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := extractText(t, []byte(streamedPage(tc.script)), "https://example.com/news/flood")
			at := -1
			for i, p := range streamedParagraphs {
				j := strings.Index(got, p)
				if j < 0 {
					t.Fatalf("paragraph %d missing from:\n%s", i, got)
				}
				if j < at {
					t.Errorf("paragraph %d out of order in:\n%s", i, got)
				}
				at = j
			}
			if strings.Contains(got, "Loading") {
				t.Errorf("a loading placeholder is in the article:\n%s", got)
			}
		})
	}
}

// TestStreamedPartWithoutPlaceholderIsShown checks that a hidden part no
// call or id places is shown where it is, not dropped as invisible.
func TestStreamedPartWithoutPlaceholderIsShown(t *testing.T) {
	var b strings.Builder
	b.WriteString(paragraphsHTML(streamedParagraphs))
	page := `<html><body><nav><a href="/">Home</a></nav><div id="root"><template id="B:7"></template></div>
<div hidden id="S:0"><article><h1>Flood</h1>` + b.String() + `</article></div>
<div hidden id="other"><p>` + streamedParagraphs[0] + ` This hidden text is not a streamed part.</p></div></body></html>`
	got := extractText(t, []byte(page), "https://example.com/news/flood")
	for i, p := range streamedParagraphs {
		if !strings.Contains(got, p) {
			t.Errorf("paragraph %d missing from:\n%s", i, got)
		}
	}
	if strings.Contains(got, "not a streamed part") {
		t.Errorf("an ordinary hidden block was shown:\n%s", got)
	}
}

// TestDeclarativeShadowRootIsShown checks that what a declarative shadow
// root holds, which a browser shows, is read as part of the page.
func TestDeclarativeShadowRootIsShown(t *testing.T) {
	var b strings.Builder
	b.WriteString(paragraphsHTML(streamedParagraphs))
	for _, attr := range []string{`shadowrootmode="open"`, `shadowroot="closed"`} {
		page := `<html><body><nav><a href="/">Home</a></nav><main><h1>Flood</h1><story-body><template ` + attr + `>` +
			b.String() + `</template></story-body></main><template><p>` + streamedParagraphs[0] + ` An inert template.</p></template></body></html>`
		got := extractText(t, []byte(page), "https://example.com/news/flood")
		for i, p := range streamedParagraphs {
			if !strings.Contains(got, p) {
				t.Errorf("%s: paragraph %d missing from:\n%s", attr, i, got)
			}
		}
		if strings.Contains(got, "inert") {
			t.Errorf("%s: an inert template was shown:\n%s", attr, got)
		}
	}
}

// TestPageHiddenBehindAConsentDialog checks that an article a consent
// dialog hides (aria-hidden on the page behind it, as dialogs set when
// open) is read, not the dialog, and that hidden text stays out of a page
// whose visible article is found.
func TestPageHiddenBehindAConsentDialog(t *testing.T) {
	var b strings.Builder
	b.WriteString(paragraphsHTML(streamedParagraphs))
	dialog := `<div class="consent-overlay" role="dialog"><p>We and our partners use cookies to store and read information on your device, to measure the audience and to show you relevant adverts, as explained in our policy.</p><a href="/privacy">Manage choices</a></div>`
	hidden := `<html><body><div id="app" aria-hidden="true"><nav><a href="/">Home</a></nav><main><article><h1>Flood</h1>` +
		b.String() + `</article></main></div>` + dialog + `</body></html>`
	got := extractText(t, []byte(hidden), "https://example.com/news/flood")
	for i, p := range streamedParagraphs {
		if !strings.Contains(got, p) {
			t.Errorf("paragraph %d missing from:\n%s", i, got)
		}
	}
	if strings.Contains(got, "cookies") {
		t.Errorf("the consent dialog is in the article:\n%s", got)
	}

	shown := `<html><body><nav><a href="/">Home</a></nav><main><article><h1>Flood</h1><p>` + streamedParagraphs[0] + `</p><p>` + streamedParagraphs[1] +
		`</p></article></main><div style="display: none"><h2>Republish this story</h2>` + b.String() + b.String() + `<p>Copy the code below to republish this story on your site.</p></div></body></html>`
	got = extractText(t, []byte(shown), "https://example.com/news/flood")
	if !strings.Contains(got, streamedParagraphs[1]) || strings.Contains(got, "Republish") || strings.Count(got, streamedParagraphs[0]) != 1 {
		t.Errorf("want the visible story alone, got:\n%s", got)
	}
}

// TestCollapsedPanelsAreContent checks that the answers of an accordion
// (panels hidden until opened, labelled by their buttons) are read as
// part of the article, while a hidden menu or dialog stays out.
func TestCollapsedPanelsAreContent(t *testing.T) {
	answers := []string{
		"The bridge closes to cars on the first of March, and buses and bicycles may still cross it until the new one opens downstream.",
		"Parking by the bridge is free for six months from the closure, in the two car parks on the east bank, for every driver.",
	}
	page := `<html><body><nav><a href="/">Home</a></nav><article><h1>Bridge closure: what you need to know</h1>` +
		`<p>` + streamedParagraphs[0] + `</p><p>` + streamedParagraphs[2] + `</p><h2>Questions</h2>` +
		`<button id="q1" aria-expanded="false">When does it close?</button><div id="a1" role="region" aria-labelledby="q1" aria-hidden="true" style="height:0;overflow:hidden"><p>` + answers[0] + `</p></div>` +
		`<button id="q2" aria-expanded="false">Where can I park?</button><div id="a2" aria-labelledby="q2" hidden><p>` + answers[1] + `</p></div>` +
		`</article><div role="menu" aria-labelledby="account" aria-hidden="true"><p>Your account settings, your saved articles, your newsletters and your subscription, all in one place for you.</p></div>` +
		`<div role="dialog" aria-labelledby="t" style="display:none"><h2 id="t">Before you go</h2><p>Sign up to our morning briefing and get the news of the valley in your inbox every day of the week.</p></div></body></html>`
	got := extractText(t, []byte(page), "https://example.com/news/bridge-faq")
	for i, a := range answers {
		if !strings.Contains(got, a) {
			t.Errorf("answer %d missing from:\n%s", i, got)
		}
	}
	if strings.Contains(got, "account settings") || strings.Contains(got, "morning briefing") {
		t.Errorf("a hidden menu or dialog is in the article:\n%s", got)
	}
}

// TestFoldedStoryIsRead checks that a story folded behind a "Read more"
// button (its second half in an element hidden by inline style until the
// button is pressed) is read whole, in English and Arabic, also when a
// list and its headings stand between the last paragraph shown and the
// button, while a hidden sign-up box or dialog after a paragraph stays
// out, and so does a hidden box of prose past a list with no button.
func TestFoldedStoryIsRead(t *testing.T) {
	signup := `<div style="display:none"><p>Get the morning briefing in your inbox, every day of the week.</p><form action="/subscribe"><input type="email"><button>Sign up</button></form></div>`
	dialog := `<div role="dialog" style="display:none"><p>Before you go: sign up to our morning briefing and get the news of the valley in your inbox every day.</p><p>You can unsubscribe at any time from the link at the bottom of every email we send you.</p></div>`
	list := `<h3>Key dates</h3><ul><li>Closure: 1 March</li><li>Opening: 1 June</li></ul><p><strong>Costs:</strong></p><ul><li>Repairs: 12 million</li></ul><h3>What comes next</h3>`
	listAr := `<h3>مواعيد</h3><ul><li>الإغلاق: ١ آذار</li><li>الافتتاح: ١ حزيران</li></ul><p><strong>الكلفة:</strong></p><ul><li>الإصلاح: ١٢ مليون</li></ul><h3>ما التالي</h3>`
	storyAr := append(bridgeStoryAr[:3:3], "ويخشى أصحاب المحال على ضفتي النهر أن يخسروا زبائنهم، وقد طلب بعضهم من المجلس تشغيل حافلة مجانية عبر السد طوال مدة إغلاق الجسر.")
	for _, tc := range []struct {
		name, url, gap, more string
		story                []string
	}{
		{"English button", "https://example.com/news/bridge", "", `<button class="read-more">Continue reading</button>`, bridgeStory},
		{"English link, heading in the fold", "https://example.com/news/bridge", "", `<p><a href="#more">Read the full story</a></p>`, bridgeStory},
		{"Arabic", "https://example.iq/news/bridge", "", `<a href="#" class="more">اقرأ المزيد</a>`, storyAr},
		{"English button past a list", "https://example.com/news/bridge", list, `<button class="read-more">Continue reading</button>`, bridgeStory},
		{"Arabic link past a list", "https://example.iq/news/bridge", listAr, `<a href="#" class="more">اقرأ المزيد</a>`, storyAr},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fold := `<div style="display: none">`
			if strings.Contains(tc.name, "heading") {
				fold += `<h2>What comes next</h2>`
			}
			for _, p := range tc.story[2:] {
				fold += `<p>` + p + `</p>`
			}
			fold += `</div>`
			page := `<html><body><nav><a href="/">Home</a></nav><article><h1>Bridge</h1><p>` + tc.story[0] + `</p><p>` + tc.story[1] + `</p>` +
				signup + tc.gap + tc.more + fold + dialog + `</article>` + relatedList + `</body></html>`
			got := extractText(t, []byte(page), tc.url)
			checkStory(t, got, tc.story, []string{"morning briefing", "unsubscribe"})
		})
	}
	t.Run("hidden box past a list, no button", func(t *testing.T) {
		hidden := []string{
			"Our reporters cover the valley from four offices, and every story is read by an editor before it is published on the site.",
			"Corrections are made within a day of a reader's report, and every correction is noted at the foot of the story it changes.",
		}
		page := `<html><body><nav><a href="/">Home</a></nav><article><h1>Bridge</h1>` + paragraphsHTML(bridgeStory) + list +
			`<div style="display:none">` + paragraphsHTML(hidden) + `</div></article></body></html>`
		got := extractText(t, []byte(page), "https://example.com/news/bridge")
		checkStory(t, got, bridgeStory, hidden)
	})
}

// TestStreamedPartHoldingItsPlaceholder checks that a part whose own
// placeholder sits inside it (a broken or hostile page) is left alone
// rather than moved into itself, which would make the tree a cycle.
func TestStreamedPartHoldingItsPlaceholder(t *testing.T) {
	page := `<html><body><main><h1>Flood</h1><p>` + streamedParagraphs[0] + `</p></main>` +
		`<div hidden id="S:0"><p>` + streamedParagraphs[1] + `</p><!--$?--><template id="B:0"></template><!--/$--></div>` +
		`<div hidden id="S:1"><template id="P:1"></template><p>` + streamedParagraphs[2] + `</p></div>` +
		`<script>$RC("B:0","S:0");$RS("S:1","P:1")</script></body></html>`
	done := make(chan string, 1)
	go func() { done <- extractText(t, []byte(page), "https://example.com/news/flood") }()
	select {
	case got := <-done:
		if !strings.Contains(got, streamedParagraphs[0]) {
			t.Errorf("the story is missing:\n%s", got)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("extraction did not finish: the part was moved into itself")
	}
}
