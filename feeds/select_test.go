package feeds_test

import (
	"fmt"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/refeed/refeed/feeds"
)

// dated returns an item from source with the given dates.
func dated(source, url, title string, published, firstSeen time.Time) feeds.Item {
	it := newItem(source, url, title)
	it.Published, it.FirstSeen = published, firstSeen
	return it
}

func titles(items []feeds.Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Title)
	}
	return out
}

func TestSelect(t *testing.T) {
	now := day(28, 12)
	a := dated("s1", "https://e.com/a", "A", day(27, 10), day(27, 10))
	b := dated("s1", "https://e.com/b", "B", day(26, 10), day(26, 10))
	undated := dated("s2", "https://e.com/u", "U", time.Time{}, day(27, 0))
	updatedOnly := newItem("s2", "https://e.com/up", "Up")
	updatedOnly.Updated, updatedOnly.FirstSeen = day(28, 1), day(20, 1)
	old := dated("s2", "https://e.com/old", "Old", day(1, 1), day(1, 1))
	aCopy := dated("s2", "http://www.e.com/a?utm_source=x", "A copy", day(27, 11), day(27, 11))
	aCopy.URL = "https://www.e.com/a"
	sports := dated("s1", "https://e.com/sport", "Football", day(27, 9), day(27, 9))
	sports.Categories = []string{"رياضة"}
	all := []feeds.Item{b, old, a, undated, updatedOnly, aCopy, sports}

	tests := []struct {
		name string
		opts feeds.SelectOptions
		want []string
	}{
		{"newest first, undated by FirstSeen, cross-source URL dedupe", feeds.SelectOptions{},
			[]string{"Up", "A", "Football", "U", "B", "Old"}},
		{"limit", feeds.SelectOptions{Limit: 2}, []string{"Up", "A"}},
		{"max age", feeds.SelectOptions{Now: now, MaxAge: 7 * 24 * time.Hour},
			[]string{"Up", "A", "Football", "U", "B"}},
		{"max age needs now", feeds.SelectOptions{MaxAge: time.Hour}, []string{"Up", "A", "Football", "U", "B", "Old"}},
		{"exclude by category", feeds.SelectOptions{Exclude: []*regexp.Regexp{regexp.MustCompile("رياضة")}},
			[]string{"Up", "A", "U", "B", "Old"}},
		{"include by title", feeds.SelectOptions{Include: []*regexp.Regexp{regexp.MustCompile("^(A|B)$")}},
			[]string{"A", "B"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := titles(feeds.Select(all, tt.opts))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Select = %q, want %q", got, tt.want)
			}
		})
	}
	if all[0].Title != "B" || all[5].Title != "A copy" {
		t.Error("Select reordered its input")
	}
}

func TestSelectPrefersExtractedCopy(t *testing.T) {
	plain := dated("s1", "https://e.com/a", "plain", day(27, 10), day(27, 10))
	rich := dated("s2", "https://e.com/a", "rich", day(27, 10), day(27, 11))
	rich.Extracted = true
	got := titles(feeds.Select([]feeds.Item{plain, rich}, feeds.SelectOptions{}))
	if !slices.Equal(got, []string{"rich"}) {
		t.Errorf("Select = %q, want the extracted copy", got)
	}
}

func TestSelectGUIDDedupe(t *testing.T) {
	a := dated("s1", "https://e.com/a", "A", day(27, 10), day(27, 10))
	a.SourceGUID = "urn:uuid:0a1b"
	b := dated("s2", "https://m.e.com/a", "A mobile", day(27, 10), day(27, 11))
	b.SourceGUID = "urn:uuid:0a1b"
	c := dated("s3", "https://other.com/7", "C", day(27, 9), day(27, 9))
	c.SourceGUID = "7"
	d := dated("s4", "https://another.com/7", "D", day(27, 8), day(27, 8))
	d.SourceGUID = "7" // same plain guid in another source: a different story
	got := titles(feeds.Select([]feeds.Item{a, b, c, d}, feeds.SelectOptions{}))
	if !slices.Equal(got, []string{"A", "C", "D"}) {
		t.Errorf("Select = %q", got)
	}
}

func TestSelectArabicNearDuplicates(t *testing.T) {
	first := dated("ina", "https://ina.iq/1", "رئيس الوزراء يستقبل وفداً أمريكياً في بغداد", day(27, 8), day(27, 8))
	copyDiacritics := dated("alsumaria", "https://alsumaria.tv/9", "رئيس الوزراء يستقبل وفدا امريكيا في بغداد", day(27, 9), day(27, 9))
	copyEdited := dated("shafaq", "https://shafaq.com/5", "عاجل: رئيس الوزراء يستقبل وفداً أمريكياً في بغداد", day(27, 10), day(27, 10))
	other := dated("shafaq", "https://shafaq.com/6", "البرلمان يصوت على قانون الموازنة", day(27, 11), day(27, 11))
	later := dated("ina", "https://ina.iq/2", "رئيس الوزراء يستقبل وفداً أمريكياً في بغداد", day(28, 12).Add(72*time.Hour), day(28, 12))
	items := []feeds.Item{copyEdited, other, first, copyDiacritics, later}

	got := titles(feeds.Select(items, feeds.SelectOptions{DedupeTitles: true}))
	want := []string{later.Title, other.Title, first.Title}
	if !slices.Equal(got, want) {
		t.Errorf("with dedupe: %q, want %q", got, want)
	}
	if n := len(feeds.Select(items, feeds.SelectOptions{})); n != 5 {
		t.Errorf("without dedupe: %d items, want 5", n)
	}
	short := []feeds.Item{
		dated("a", "https://a.iq/1", "انفجار في بغداد", day(27, 8), day(27, 8)),
		dated("b", "https://b.iq/1", "انفجار في البصرة", day(27, 9), day(27, 9)),
	}
	if n := len(feeds.Select(short, feeds.SelectOptions{DedupeTitles: true})); n != 2 {
		t.Errorf("short different titles merged: %d items", n)
	}
}

// TestSelectTitleChains checks that headlines differing only in a number
// stay apart, and that a chain of similar headlines does not collapse:
// each is compared with the stories kept, not with dropped copies.
func TestSelectTitleChains(t *testing.T) {
	var items []feeds.Item
	for i := range 6 {
		title := fmt.Sprintf("درجات الحرارة في بغداد تسجل %d مئوية اليوم", 40+i)
		items = append(items, dated("s", fmt.Sprintf("https://e.com/%d", i), title, day(27, i), day(27, i)))
	}
	if n := len(feeds.Select(items, feeds.SelectOptions{DedupeTitles: true})); n != 6 {
		t.Errorf("headlines with different numbers merged: %d of 6 kept", n)
	}
	chain := []feeds.Item{
		// b is a copy of a (8 of 9 words), c a copy of b (8 of 10), but c
		// shares only 7 of 10 words with a: a new story once b is dropped.
		dated("a", "https://a.iq/1", "وزير النفط يبحث مع شركة فرنسية تطوير حقل", day(27, 1), day(27, 1)),
		dated("b", "https://b.iq/1", "وزير النفط يبحث مع شركة فرنسية تطوير حقل مجنون", day(27, 2), day(27, 2)),
		dated("c", "https://c.iq/1", "النفط يبحث مع شركة فرنسية تطوير حقل مجنون اليوم", day(27, 3), day(27, 3)),
	}
	got := titles(feeds.Select(chain, feeds.SelectOptions{DedupeTitles: true}))
	want := []string{chain[2].Title, chain[0].Title}
	if !slices.Equal(got, want) {
		t.Errorf("chain: got %q, want %q", got, want)
	}
}

// TestSelectReportsDuplicates checks that Select says which items it
// dropped as duplicates, of which kept item, and why.
func TestSelectReportsDuplicates(t *testing.T) {
	first := dated("ina", "https://ina.iq/1", "رئيس الوزراء يستقبل وفداً أمريكياً في بغداد", day(27, 8), day(27, 8))
	retold := dated("shafaq", "https://shafaq.com/5", "عاجل: رئيس الوزراء يستقبل وفداً أمريكياً في بغداد", day(27, 10), day(27, 10))
	copied := dated("alsumaria", "https://ina.iq/1", "نسخة", day(27, 9), day(27, 12))
	other := dated("shafaq", "https://shafaq.com/6", "البرلمان يصوت على قانون الموازنة", day(27, 11), day(27, 11))
	var got []string
	items := feeds.Select([]feeds.Item{retold, copied, other, first}, feeds.SelectOptions{DedupeTitles: true,
		OnDuplicate: func(dropped, kept feeds.Item, why feeds.Duplicate) {
			got = append(got, fmt.Sprintf("%s/%s of %s/%s: %s", dropped.Source, dropped.Title, kept.Source, kept.Title, why))
		}})
	want := []string{
		"alsumaria/نسخة of ina/" + first.Title + ": " + string(feeds.SameArticle),
		"shafaq/" + retold.Title + " of ina/" + first.Title + ": " + string(feeds.SimilarTitle),
	}
	if !slices.Equal(got, want) {
		t.Errorf("reported\n%q\nwant\n%q", got, want)
	}
	if len(items) != 2 {
		t.Errorf("kept %d items, want 2", len(items))
	}
}
