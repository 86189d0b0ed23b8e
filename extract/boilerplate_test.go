package extract

import (
	"strings"
	"testing"
	"unicode"
)

func TestNormalizePhrase(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Read MORE:  ", "read more"},
		{"إقرأ أيضاً", "اقرا ايضا"},
		{"الأكثر قراءة", "الاكثر قراءه"},
		{"تـعـلـيـقـات", "تعليقات"},
		{"مستشفى", "مستشفي"},
		{"Don't miss!", "don t miss"},
	}
	for _, tt := range tests {
		if got := normalizePhrase(tt.in); got != tt.want {
			t.Errorf("normalizePhrase(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestChromeWords(t *testing.T) {
	tests := []struct {
		text         string
		title, start bool
	}{
		{"التعليقات (12)", true, false},
		{"ذات صلة", true, false},
		{"Related Articles", true, true},
		{"اقرأ أيضاً: الحكومة تقر الموازنة", true, true},
		{"اشترك في قناة وكالة انباء براثا على التلجرام", false, true},
		{"Read more: the budget in charts", false, true},
		{"More from Science", true, false},
		{"شارك الآلاف في التظاهرة", false, false}, // "took part", prose
		{"Facebook said on Monday it would appeal.", false, false},
		{"The related question is harder.", false, false},
	}
	for _, tt := range tests {
		if got := isChromeTitle(tt.text); got != tt.title {
			t.Errorf("isChromeTitle(%q) = %v, want %v", tt.text, got, tt.title)
		}
		if got := hasChromePrefix(tt.text); got != tt.start {
			t.Errorf("hasChromePrefix(%q) = %v, want %v", tt.text, got, tt.start)
		}
	}
}

func TestEdgeLines(t *testing.T) {
	tests := []struct {
		text                    string
		date, byline, call, bio bool
	}{
		{"Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM", true, false, false, false},
		{"الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00", true, false, false, false},
		{"02-751-1500", false, false, false, false},
		{"By Jane Doe and John Roe", false, true, false, false},
		{"كتب - محمد علي", false, true, false, false},
		{"Follow Newsbeat on Instagram, Facebook and Twitter.", false, false, true, false},
		{"تابعونا على تويتر", false, false, true, false},
		{"Jane Doe is a reporter covering science for the paper.", false, false, false, true},
		{"The river rose two metres overnight, the mayor said.", false, false, false, false},
	}
	for _, tt := range tests {
		n := normalizePhrase(tt.text)
		c, _ := measureText(tt.text)
		if got := isDateLine(n, c); got != tt.date {
			t.Errorf("isDateLine(%q) = %v, want %v", tt.text, got, tt.date)
		}
		if got := isByline(n); got != tt.byline {
			t.Errorf("isByline(%q) = %v, want %v", tt.text, got, tt.byline)
		}
		if got := isCallToAction(n); got != tt.call {
			t.Errorf("isCallToAction(%q) = %v, want %v", tt.text, got, tt.call)
		}
		if got := isAuthorBio(n); got != tt.bio {
			t.Errorf("isAuthorBio(%q) = %v, want %v", tt.text, got, tt.bio)
		}
	}
}

func TestHints(t *testing.T) {
	h := newHints()
	tests := []struct {
		class    string
		unlikely bool
		weight   int
	}{
		{"article-body", false, 25},
		{"sidebar widget", true, -25},
		{"articleComments", true, 0}, // strong chrome beats "article"
		{"post-header", false, 25},
		{"social-media-embed", false, 0},
		{"", false, 0},
	}
	for _, tt := range tests {
		n := elementWithClass(tt.class)
		got := h.of(n)
		if got.unlikely != tt.unlikely || got.weight != tt.weight {
			t.Errorf("hints of %q = %+v, want unlikely %v weight %d", tt.class, got, tt.unlikely, tt.weight)
		}
	}
}

func TestIsBoxTitle(t *testing.T) {
	tests := []struct {
		title string
		want  bool
	}{
		{"Comments", true},
		{"Related Stories", true},
		{"Top Rated Comments", true},
		{"Show all 167 comments", true},
		{"Reader comments (12)", true},
		{"Related Stories (3)", true}, // the number dropped (inTitles)
		{"Related 3 Stories", true},
		{"Related 3rd Stories", false},
		{"٢ أخبار ذات علاقة", true},
		{"تعليقات القراء على الخبر", true},
		{"أحدث التعليقات", true},
		{"Comments from the minister", false},
		{"Iraq comments on the vote", false},
		{"Comment", false},
		{"The minister's comments were brief and pointed at the budget", false},
		{"Budget", false},
		{"Tags", true},
		{"الكلمات المفتاحية", true},
		{"أخبار ذات علاقة", true},
	}
	for _, tt := range tests {
		if got := isBoxTitle(tt.title); got != tt.want {
			t.Errorf("isBoxTitle(%q) = %v, want %v", tt.title, got, tt.want)
		}
	}
}

// FuzzPhraseTestsMatchPlain checks the indexed and fast-path phrase tests
// against their plain definitions.
func FuzzPhraseTestsMatchPlain(f *testing.F) {
	for _, s := range []string{"", "read more", "read", "related", "اقرا ايضا", "٣ comments", "x9", "é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, norm string) {
		plain := false
		for _, p := range chromePrefixes {
			if strings.HasPrefix(norm+" ", p) {
				plain = true
			}
		}
		if got := hasChromePrefixNorm(norm); got != plain {
			t.Errorf("hasChromePrefixNorm(%q) = %v, want %v", norm, got, plain)
		}
		if got, want := hasDigit(norm), strings.IndexFunc(norm, unicode.IsDigit) >= 0; got != want {
			t.Errorf("hasDigit(%q) = %v, want %v", norm, got, want)
		}
	})
}

// FuzzHintMatcherMatchesPlain checks the matcher against a plain
// substring search for every hint word.
func FuzzHintMatcherMatchesPlain(f *testing.F) {
	for _, s := range []string{"", "articlecomments", "share-bar", "sidebar_widget", "main-content", "x-ad-y", "ab"} {
		f.Add(s)
	}
	lists := []struct {
		words []string
		set   func(*wordHint)
	}{
		{negativeHints[:], func(v *wordHint) { v.negative = true }},
		{positiveHints[:], func(v *wordHint) { v.positive = true }},
		{unlikelyHints[:], func(v *wordHint) { v.unlikely = true }},
		{strongHints[:], func(v *wordHint) { v.strong = true }},
		{maybeHints[:], func(v *wordHint) { v.maybe = true }},
		{hiddenHints[:], func(v *wordHint) { v.hidden = true }},
		{[]string{"embed"}, func(v *wordHint) { v.embed = true }},
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want wordHint
		for _, l := range lists {
			for _, w := range l.words {
				if strings.Contains(s, w) {
					l.set(&want)
				}
			}
		}
		if got := hintMatcher().match(s); got != want {
			t.Errorf("match(%q) = %+v, want %+v", s, got, want)
		}
	})
}

// TestPhraseTablesAreFolded checks that every entry of the phrase tables
// is written as normalizePhrase folds the text it is compared with: an
// entry with capitals, punctuation or an unfolded letter never matches.
func TestPhraseTablesAreFolded(t *testing.T) {
	check := func(table, entry string) {
		if got := normalizePhrase(entry); got != strings.TrimSpace(entry) {
			t.Errorf("%s: %q folds to %q", table, entry, got)
		}
	}
	for e := range chromeTitles {
		check("chromeTitles", e)
	}
	for _, e := range chromePrefixes {
		check("chromePrefixes", e)
	}
	for _, e := range callPrefixes {
		check("callPrefixes", strings.TrimSpace(e))
	}
	for e := range legalLinks {
		check("legalLinks", e)
	}
}

// TestNoticeLinesInStory checks that lines a page puts between the
// story's paragraphs that are not the story do not come out: the notice
// shown where a script would have put an embed or a player ("Please
// enable JavaScript to view this content", en, de, ar) and the label of a
// sponsored box (en, es).
func TestNoticeLinesInStory(t *testing.T) {
	cases := []struct {
		lang, headline, notice string
		story                  []string
	}{
		{"en", "Old bridge to close next spring", "Sponsored content", bridgeStory},
		{"es", "Old bridge to close next spring", "Contenido patrocinado", bridgeStory},
		{"en", "Old bridge to close next spring", "Please enable JavaScript to view this content.", bridgeStory},
		{"de", "Alte Brücke wird im Frühjahr gesperrt", "Bitte aktivieren Sie JavaScript, um dieses Video zu sehen.", []string{
			"Der Stadtrat hat am Dienstag beschlossen, die alte Brücke ab dem kommenden Frühjahr für den Verkehr zu sperren, nachdem Ingenieure Rost am Stahlgerüst gefunden hatten.",
			"Anwohner, die jeden Tag den Fluss überqueren, müssen die Fähre nehmen oder zwanzig Minuten durch die nördlichen Vororte fahren, was sich viele nicht leisten können.",
			"Der Bürgermeister sagte, die Stadt habe keine Wahl gehabt, und versprach, dass eine neue Brücke innerhalb von zwei Jahren geplant werde.",
		}},
		{"ar", "إغلاق الجسر القديم في الربيع المقبل", "يرجى تفعيل جافا سكريبت لمشاهدة هذا الفيديو.", bridgeStoryAr},
	}
	for _, tc := range cases {
		t.Run(tc.notice, func(t *testing.T) {
			page := `<html lang="` + tc.lang + `"><body><div><a href="/">Home</a> <a href="/news">News</a></div><div><h1>` + tc.headline + `</h1><div>` +
				paragraphsHTML(tc.story[:2]) + `<div><p>` + tc.notice + `</p></div>` + paragraphsHTML(tc.story[2:]) +
				`</div></div></body></html>`
			got := extractText(t, []byte(page), "https://example.com/news/bridge")
			checkStory(t, got, tc.story, []string{tc.notice[:min(20, len(tc.notice))]})
		})
	}
}
