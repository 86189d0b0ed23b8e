package extract

import (
	"strings"
	"testing"
)

// TestPostWrittenInLists checks that a post written mostly as bulleted
// lists of sentences (release notes, a weekly round-up) is taken whole,
// not only the one quote or paragraph in it, when no class name points
// at it: list items of prose count as its paragraphs, while items that
// are mostly a link (a river of teasers) do not.
func TestPostWrittenInLists(t *testing.T) {
	sections := map[string][]string{
		"Highlights": {
			"The new tab page now loads its pictures only when they scroll into view, which saves about a third of the data it used to fetch on a slow connection.",
			"Reading mode keeps the tables of an article instead of dropping them, and shows each table with a horizontal scroll bar when it is wider than the screen.",
			"Pages that ask for the microphone now say so in the address bar for as long as they listen, and one click there stops them at once.",
		},
		"Fixes": {
			"Downloads no longer stall at ninety nine percent when the disk is almost full; the browser now says how much space is missing and waits.",
			"Printing a page with a very long table no longer cuts off its last rows, which had been reported by many users of the library's catalogue.",
			"The spell checker no longer marks words that begin with a capital letter in the middle of a sentence, a change requested by writers of German.",
		},
		"Community": {
			"Eleven people sent their first patch this week, most of them to the developer tools, and three of them have already had a second one accepted.",
			"The team that looks after the add-ons site thanked everyone who tested the new review page, and said that the old one will be switched off next month.",
		},
	}
	order := []string{"Highlights", "Fixes", "Community"}
	quote := "We want every page to feel as fast on an old phone as it does on a new laptop, and this week brings that a little closer."
	var b strings.Builder
	b.WriteString(`<html><body><div><a href="/">Blog</a> <a href="/about">About</a></div><div><div><h1>These weeks in the browser: issue 12</h1><p>Welcome back.</p>`)
	for i, s := range order {
		b.WriteString(`<h3>` + s + `</h3><ul>`)
		for _, item := range sections[s] {
			b.WriteString(`<li>` + item + `</li>`)
		}
		if i == 0 {
			b.WriteString(`<li>From the lead of the team:<blockquote><p>` + quote + `</p></blockquote></li>`)
		}
		b.WriteString(`</ul>`)
	}
	b.WriteString(`</div><div><h3>Recent posts</h3><ul>`)
	for _, title := range []string{"These weeks in the browser: issue 11", "A faster start on old laptops", "How we test the new tab page", "Ten years of the developer tools"} {
		b.WriteString(`<li><a href="/posts/x">` + title + `</a> A look back at what changed, with pictures.</li>`)
	}
	b.WriteString(`</ul></div></div></body></html>`)
	got := extractText(t, []byte(b.String()), "https://blog.example.com/2026/12/issue-12")
	for _, s := range order {
		for i, item := range sections[s] {
			if !strings.Contains(got, item) {
				t.Errorf("%s item %d missing from:\n%s", s, i, got)
			}
		}
	}
	if !strings.Contains(got, quote) {
		t.Errorf("quote missing from:\n%s", got)
	}
	if strings.Contains(got, "Ten years of the developer tools") {
		t.Errorf("recent posts taken:\n%s", got)
	}
}
