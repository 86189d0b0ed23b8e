package evaluate

import (
	"strings"
	"testing"
)

func TestBrief(t *testing.T) {
	// Each paragraph's words are its own, as in a story.
	sentences := map[string]string{
		"One":   "The council voted on Monday to close the old bridge.",
		"Two":   "Engineers had warned for years that its cables were rusting.",
		"Three": "Traffic will be sent over the ring road from next week.",
		"Four":  "Shop owners near the bridge fear they will lose customers.",
		"Five":  "A new crossing is planned but has no budget yet.",
	}
	para := func(s string) string { return "<p>" + sentences[s] + "</p>" }
	truthOf := func(parts ...string) string {
		var lines []string
		for _, p := range parts {
			lines = append(lines, sentences[p])
		}
		return strings.Join(lines, "\n")
	}
	words := func(s string) string { return strings.Join(Tokens(s), " ") }
	story := `<h1>T</h1>` + para("One") + `<p>Short.</p>` + para("Two") + `<figure>F</figure>` + para("Three") + `<h2>Later</h2>` + para("Four") + para("Five")
	ld := `<script type="application/ld+json">{"articleBody": "One Two Three Four Five"}</script>`
	cases := []struct {
		name, page, truth string
		wantPage          string
		wantTruth         string
	}{
		{
			name:      "cut after the second paragraph",
			page:      `<html><head>` + ld + `</head><body><article>` + story + `</article><div>Chrome</div></body></html>`,
			truth:     "T\n" + truthOf("One", "Two", "Three") + "\nLater\n" + truthOf("Four", "Five"),
			wantPage:  `<html><head></head><body><article><h1>T</h1>` + para("One") + `<p>Short.</p>` + para("Two") + `</article><div>Chrome</div></body></html>`,
			wantTruth: "T\n" + truthOf("One", "Two"),
		},
		{
			name:      "the whole story on one line of truth",
			page:      `<html><head></head><body><article>` + story + `</article></body></html>`,
			truth:     strings.ReplaceAll(truthOf("One", "Two", "Three", "Four", "Five"), "\n", " "),
			wantPage:  `<html><head></head><body><article><h1>T</h1>` + para("One") + `<p>Short.</p>` + para("Two") + `</article></body></html>`,
			wantTruth: truthOf("One", "Two"),
		},
		{
			name:      "a story printed twice keeps its truth",
			page:      `<html><head></head><body><article>` + story + `</article><div>` + truthOf("Three", "Four", "Five") + `</div></body></html>`,
			truth:     truthOf("One", "Two", "Three", "Four", "Five"),
			wantTruth: truthOf("One", "Two", "Three", "Four", "Five"),
		},
		{
			name:      "a cut that would take the whole story",
			page:      `<html><head></head><body><article>` + story + `</article></body></html>`,
			truth:     truthOf("Four", "Five"),
			wantPage:  `<html><head></head><body><article>` + story + `</article></body></html>`,
			wantTruth: truthOf("Four", "Five"),
		},
		{
			name:      "too few paragraphs to cut",
			page:      `<html><head>` + ld + `</head><body><article>` + para("One") + para("Two") + para("Three") + `</article></body></html>`,
			truth:     truthOf("One", "Two", "Three"),
			wantPage:  `<html><head>` + ld + `</head><body><article>` + para("One") + para("Two") + para("Three") + `</article></body></html>`,
			wantTruth: truthOf("One", "Two", "Three"),
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			page, truth := Brief([]byte(c.page), c.truth)
			if c.wantPage != "" && string(page) != c.wantPage {
				t.Errorf("page:\n got %s\nwant %s", page, c.wantPage)
			}
			if words(truth) != words(c.wantTruth) {
				t.Errorf("truth words:\n got %q\nwant %q", words(truth), words(c.wantTruth))
			}
		})
	}
	if TruthLayouts["brief"] == nil {
		t.Error(`TruthLayouts has no "brief"`)
	}
}

func TestSnippetsHeld(t *testing.T) {
	truth := "The council voted on Monday to close the old bridge. Traffic will use the ring road."
	got := SnippetsHeld([]string{
		"voted on Monday to close",    // held
		"The Council Voted on Monday", // held, case aside
		"old bridge; traffic will",    // held: punctuation is not a word
		"engineers had warned",        // not held
		"Monday to the bridge",        // not in order
	}, truth)
	want := []string{"voted on Monday to close", "The Council Voted on Monday", "old bridge; traffic will"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}
