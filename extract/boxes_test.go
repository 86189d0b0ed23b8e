package extract

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestTitledBox checks that a box is titled by its first text only: a
// "Related" heading further down, after paragraphs wrapped deeper than a
// title is looked for, titles an inner box, not the story around it.
func TestTitledBox(t *testing.T) {
	para := `<p>The council voted on Tuesday to close the old bridge to traffic from next spring.</p>`
	cases := []struct {
		name string
		box  string
		want bool
	}{
		{"title first", `<div><h3>Related stories</h3><ul><li><a href="/a">A</a></li></ul></div>`, true},
		{"title after a picture", `<div><div><div><div><img src="/a.jpg"></div></div></div><h3>Related stories</h3><ul><li><a href="/a">A</a></li></ul></div>`, true},
		{"story opening with a paragraph", `<div>` + para + `<h3>Related stories</h3><ul><li><a href="/a">A</a></li></ul></div>`, false},
		{"story of wrapped paragraphs", `<div><div><div>` + para + `</div></div><div><h3>Related stories</h3><ul><li><a href="/a">A</a></li></ul></div></div>`, false},
		{"story of deeper wrapped paragraphs", `<div><div><div><div>` + para + `</div></div></div><div><h3>Related stories</h3></div></div>`, false},
		{"title in a header", `<div><div><h3>Related stories</h3></div><ul><li><a href="/a">A</a></li></ul></div>`, true},
		{"share bar opening a story", `<div><div><strong>Share this:</strong> <a href="https://facebook.com/sharer"><i></i></a> <a href="https://twitter.com/intent"><i></i></a></div>` + para + `</div>`, false},
		// A page laid out in tables titles a box with a row of one cell.
		{"table titled by its first row", `<table><tr><td bgcolor="#CCCCCC"><font size="3"><b>التعليقات</b></font></td></tr><tr><td><b>علي</b> : نتمنى لكم التوفيق<br>الموضوع :<br><a href="/a">A</a></td></tr></table>`, true},
		{"table titled by a header cell", `<table><thead><tr><th>Comments</th></tr></thead><tbody><tr><td>Anna: well said.</td></tr></tbody></table>`, true},
		{"data table with a header row", `<table><tr><th>Comments</th><th>Shares</th></tr><tr><td>12</td><td>40</td></tr></table>`, false},
		{"layout table holding the story", `<table><tr><td>` + para + `</td></tr><tr><td>Comments</td></tr></table>`, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			root, err := parse(strings.NewReader(`<html><body>` + tc.box + `</body></html>`))
			if err != nil {
				t.Fatal(err)
			}
			box := firstElementChild(findElement(root, atom.Body))
			if got := titledBox(box); got != tc.want {
				t.Errorf("titledBox = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestWrappedParagraphsWithInlineBox checks that a story whose paragraphs
// a component framework wraps in layers of divs is not taken for a
// "Related" box because such a box sits inside it, and left out for the
// standfirst above it.
func TestWrappedParagraphsWithInlineBox(t *testing.T) {
	story := bridgeStory
	var b strings.Builder
	standfirst := "Engineers say the steel frame has rusted faster than anyone expected, and the council has decided that it cannot wait for the money for a new crossing: the old bridge will close to traffic in the spring, and residents must find another way across the river."
	b.WriteString(`<html><body><nav><a href="/">Home</a></nav><main><header><h1>Old bridge to close next spring</h1><p>` + standfirst + `</p></header><div>`)
	for i, p := range story {
		b.WriteString(`<div><div><div><p>` + p + `</p></div></div></div>`)
		if i == 1 {
			b.WriteString(`<div><h4>Related</h4><a href="/news/ferry">Ferry timetable to change</a></div>`)
		}
	}
	b.WriteString(`</div></main></body></html>`)
	got := extractText(t, []byte(b.String()), "https://example.com/news/bridge")
	for i, p := range story {
		if !strings.Contains(got, p) {
			t.Errorf("story paragraph %d missing from:\n%s", i, got)
		}
	}
}

// TestShareBarOpeningTheStory checks that a story whose block opens with
// a share bar ("Share this:" and icon links), on a page without class
// names or HTML5 sections, is not taken for a share box and left out.
func TestShareBarOpeningTheStory(t *testing.T) {
	story := bridgeStory
	var b strings.Builder
	b.WriteString(`<html><body><div><a href="/">Home</a> <a href="/about">About us</a> <a href="/contact">Contact</a></div><div><div><h1>Old bridge to close next spring</h1></div>`)
	b.WriteString(`<div><div><strong>Share This: </strong><a href="https://www.facebook.com/sharer/sharer.php?u=x"><span></span></a> <a href="https://twitter.com/intent/tweet?url=x"><span></span></a></div>`)
	b.WriteString(paragraphsHTML(story))
	b.WriteString(`</div><div><div><ul>`)
	for _, s := range []string{"Five ways to save energy this winter", "What a smart meter can tell you", "Why the grid needs batteries", "How to read your power bill", "Heat pumps explained"} {
		b.WriteString(`<li><a href="/articles/x">` + s + `</a></li>`)
	}
	b.WriteString(`</ul></div></div></div></body></html>`)
	got := extractText(t, []byte(b.String()), "https://example.com/news/bridge")
	for i, p := range story {
		if !strings.Contains(got, p) {
			t.Errorf("story paragraph %d missing from:\n%s", i, got)
		}
	}
}

// TestTitleOverItsShareBar checks that a chrome title opening a story's
// block ("Sharing is caring!" over a share bar) marks only the box it
// announces: the share bar goes, and the story's paragraphs after it
// stay, in a block too short for its length alone to save it. A title
// over paragraphs of its own ("Comments") still marks its whole box.
func TestTitleOverItsShareBar(t *testing.T) {
	storyEn := bridgeStory[:3]
	storyAr := bridgeStoryAr
	shareLinks := func(names ...string) string {
		var b strings.Builder
		b.WriteString(`<div><ul>`)
		for _, n := range names {
			b.WriteString(`<li><a href="https://www.facebook.com/sharer/sharer.php?u=x"><span>` + n + `</span></a></li>`)
		}
		b.WriteString(`</ul></div>`)
		return b.String()
	}
	comments := []string{
		"Finally. I have been driving over that bridge for twenty years and you could see the rust from the bank, nobody wanted to listen to us.",
		"And what about the people who work night shifts? The ferry stops at ten, so the council should think again before it closes anything.",
	}
	cases := []struct {
		name, lang, headline, title, bar string
		story, gone                      []string
		after                            string
	}{
		{"en share bar", "en", "Old bridge to close next spring", `<p>Sharing is caring!</p>`, shareLinks("Facebook", "Twitter", "Reddit"),
			storyEn, []string{"Sharing is caring", "Reddit"}, ""},
		{"en share bar with its counter", "en", "Old bridge to close next spring", `<p>Sharing is caring!</p>`,
			`<div><div><span>0</span><span>shares</span></div>` + shareLinks("Facebook", "Twitter", "Reddit") + `</div>`,
			storyEn, []string{"Sharing is caring", "Reddit"}, ""},
		{"en heading over share bar", "en", "Old bridge to close next spring", `<h4>Share this article</h4>`, shareLinks("Facebook", "Twitter", "Reddit"),
			storyEn, []string{"Share this article", "Reddit"}, ""},
		{"ar share bar", "ar", "إغلاق الجسر القديم في الربيع المقبل", `<h4>شارك المقال</h4>`, shareLinks("فيسبوك", "تويتر", "واتساب"),
			storyAr, []string{"شارك المقال", "واتساب"}, ""},
		{"comments box still goes", "en", "Old bridge to close next spring", "", "",
			storyEn, []string{"Comments", comments[0], comments[1]},
			`<div><h3>Comments</h3>` + paragraphsHTML(comments) + `</div>`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString(`<html lang="` + tc.lang + `"><body><div><a href="/">Home</a> <a href="/about">About us</a> <a href="/contact">Contact</a></div>`)
			b.WriteString(`<div><div><h1>` + tc.headline + `</h1></div><div>`)
			b.WriteString(tc.title + tc.bar + paragraphsHTML(tc.story))
			b.WriteString(`</div>` + tc.after + `</div>`)
			b.WriteString(relatedList + `</body></html>`)
			checkStory(t, extractText(t, []byte(b.String()), "https://example.com/news/bridge"), tc.story, tc.gone)
		})
	}
}

// TestAdLabelTitlesOnlyItsAd checks that an ad slot's label
// ("Advertisement" over the ad) names the ad alone: a list of the story
// right after the slot stays, in English and Arabic, while a "Related"
// heading boxed alone still takes the list of links after it.
func TestAdLabelTitlesOnlyItsAd(t *testing.T) {
	items := map[string][]string{
		"en": {"Buses and bicycles may still cross until the new bridge opens downstream.",
			"Parking by the bridge is free for six months, in the two car parks on the east bank."},
		"ar": {"يمكن للحافلات والدراجات العبور حتى افتتاح الجسر الجديد عند مصب النهر.",
			"الوقوف قرب الجسر مجاني لستة أشهر في موقفي السيارات على الضفة الشرقية."},
	}
	for _, tc := range []struct {
		lang, label, intro string
		story              []string
	}{
		{"en", "Advertisement", "Here is what changes for those who cross every day:", bridgeStory[:3]},
		{"ar", "إعلان", "وهذا ما يتغير لمن يعبرون كل يوم:", bridgeStoryAr},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			ad := `<div><div>` + tc.label + `</div><div><iframe src="https://ads.example.net/slot"></iframe></div></div>`
			list := `<ul><li><strong>` + items[tc.lang][0] + `</strong></li><li>` + items[tc.lang][1] + `</li></ul>`
			page := `<html lang="` + tc.lang + `"><body><article><h1>Bridge</h1>` + paragraphsHTML(tc.story[:2]) +
				`<p>` + tc.intro + `</p>` + ad + list + ad + paragraphsHTML(tc.story[2:]) +
				`<div><h3>Related</h3></div>` + relatedList + `</article></body></html>`
			got := extractText(t, []byte(page), "https://example.com/news/bridge")
			checkStory(t, got, append(append([]string{tc.intro}, tc.story...), items[tc.lang]...),
				[]string{tc.label, "smart meter", "Related"})
		})
	}
}

// TestCallBoxGoesWhole checks that a box whose heading is dropped as a
// call to action ("Subscribe to continue reading" over a paywall's pitch
// and its links) goes with its pitch when it is short, in the middle of a
// story, in English and Arabic; the story around it stays.
func TestCallBoxGoesWhole(t *testing.T) {
	for _, tc := range []struct {
		lang, box, pitch string
		story            []string
	}{
		{"en", `<div><h3>Subscribe to continue reading</h3><p>Get unlimited digital access for just $1 a week. Cancel anytime.</p><a href="/subscribe">Subscribe now</a> <a href="/login">Log in</a></div>`,
			"unlimited digital access", bridgeStory},
		{"ar", `<div><h3>اشترك الآن لمتابعة القراءة</h3><p>احصل على وصول غير محدود إلى كل مقالاتنا بدولار واحد في الأسبوع.</p><a href="/subscribe">اشترك</a> <a href="/login">تسجيل الدخول</a></div>`,
			"وصول غير محدود", bridgeStoryAr},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			page := `<html lang="` + tc.lang + `"><body><article><h1>Bridge</h1>` + paragraphsHTML(tc.story[:2]) +
				tc.box + paragraphsHTML(tc.story[2:]) + `</article>` + relatedList + `</body></html>`
			checkStory(t, extractText(t, []byte(page), "https://example.com/news/bridge"), tc.story, []string{tc.pitch})
		})
	}
}

// TestTableOfContentsGoes checks that a table of contents in a story (a
// title and a list of links to the page's own sections) stays out, with
// or without its title, in English and Arabic, while the story's own
// list of points stays.
func TestTableOfContentsGoes(t *testing.T) {
	for _, tc := range []struct {
		name, lang, toc string
		story, gone     []string
	}{
		{"en titled", "en", `<div><p>Table of contents</p><ul><li><a href="#why">Why the bridge closes</a></li><li><a href="#who">Who is affected</a></li><li><a href="#next">What comes next</a></li></ul></div>`,
			bridgeStory, []string{"Table of contents", "Who is affected"}},
		{"en untitled", "en", `<ol><li><a href="#why">Why the bridge closes</a></li><li><a href="#who">Who is affected</a></li></ol>`,
			bridgeStory, []string{"Who is affected"}},
		// A story this short is read by the last pass, which keeps lists
		// of links; the table of contents goes all the same.
		{"en short story", "en", `<ol><li><a href="#why">Why the bridge closes</a></li><li><a href="#who">Who is affected</a></li></ol>`,
			[]string{"The council voted on Tuesday to close the old bridge.", "Residents will have to use the ferry."}, []string{"Who is affected"}},
		{"ar heading", "ar", `<div><h2>جدول المحتويات</h2><ol><li><a href="#why">لماذا يغلق الجسر</a></li><li><a href="#who">من المتضررون</a></li></ol></div>`,
			bridgeStoryAr, []string{"جدول المحتويات", "المتضررون"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			points := `<ul><li>Buses and bicycles may still cross until the new bridge opens downstream.</li><li>Parking by the bridge is free for six months.</li></ul>`
			page := `<html lang="` + tc.lang + `"><body><article><h1>Bridge</h1>` + paragraphsHTML(tc.story[:1]) + tc.toc +
				paragraphsHTML(tc.story[1:]) + points + `</article>` + relatedList + `</body></html>`
			story := tc.story
			if len(story) > 2 {
				story = append(append([]string{}, tc.story...), "Parking by the bridge is free for six months.")
			} else {
				page = strings.Replace(page, points, "", 1)
			}
			checkStory(t, extractText(t, []byte(page), "https://example.com/news/bridge"), story, tc.gone)
		})
	}
}

// TestAboutUsBoxIsChrome checks that the site's box about itself ("About
// us" over two paragraphs, beside a short story) is not taken for the
// story, in English and Arabic.
func TestAboutUsBoxIsChrome(t *testing.T) {
	for _, tc := range []struct {
		lang, title string
		about       []string
		story       []string
	}{
		{"en", "About us", []string{
			"The Valley Courier, an independent newspaper, was founded in 1921 and is a leading source of local news, sport, weather, business, culture and opinion for the valley.",
			"Our reporters, photographers, editors and designers cover councils, courts, schools, clubs, farms and businesses from the hills to the coast, every day of the year, in print and online.",
		}, bridgeStory[:2]},
		{"ar", "من نحن", []string{
			"صحيفة الوادي، صحيفة مستقلة، تأسست عام 1921، وهي مصدر رائد للأخبار المحلية والرياضة والطقس والاقتصاد والثقافة والرأي في الوادي.",
			"يغطي مراسلونا ومصورونا ومحررونا ومصممونا المجالس والمحاكم والمدارس والأندية والمزارع والشركات، من التلال إلى الساحل، كل يوم في السنة.",
		}, bridgeStoryAr[:2]},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			page := `<html lang="` + tc.lang + `"><body><div><h1>Bridge</h1>` + paragraphsHTML(tc.story) + `</div>` +
				`<div><h2>` + tc.title + `</h2>` + paragraphsHTML(tc.about) + `</div>` +
				relatedList + `</body></html>`
			checkStory(t, extractText(t, []byte(page), "https://example.com/news/bridge"), tc.story, tc.about)
		})
	}
}

// TestHeadingWidgetTitlesNextBox checks that a box title in a page
// builder's heading widget (the heading alone in its wrappers) marks the
// box after the widget, in English and Arabic: two teasers with long
// summaries there stay out of a short story.
func TestHeadingWidgetTitlesNextBox(t *testing.T) {
	for _, tc := range []struct {
		lang, title string
		teasers     []string
		story       []string
	}{
		{"en", "Related posts", []string{
			"The Valley Courier, an independent newspaper, was founded in 1921 and is a leading source of local news, sport, weather, business, culture and opinion for the valley.",
			"Our reporters, photographers, editors and designers cover councils, courts, schools, clubs, farms and businesses from the hills to the coast, every day of the year.",
		}, bridgeStory[:2]},
		{"ar", "مقالات ذات صلة", []string{
			"صحيفة الوادي، صحيفة مستقلة، تأسست عام 1921، وهي مصدر رائد للأخبار المحلية والرياضة والطقس والاقتصاد والثقافة والرأي في الوادي.",
			"يغطي مراسلونا ومصورونا ومحررونا ومصممونا المجالس والمحاكم والمدارس والأندية والمزارع والشركات، من التلال إلى الساحل، كل يوم في السنة.",
		}, bridgeStoryAr[:2]},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			page := `<html lang="` + tc.lang + `"><body><div><h1>Bridge</h1>` + paragraphsHTML(tc.story) + `</div>` +
				`<div><div><div><h2>` + tc.title + `</h2></div></div><div><div>` + paragraphsHTML(tc.teasers) + `</div></div></div>` +
				`</body></html>`
			checkStory(t, extractText(t, []byte(page), "https://example.com/news/bridge"), tc.story, tc.teasers)
		})
	}
}

// TestShortStoryNearItsHeadline checks that a short story right after its
// headline is not outscored by a longer box further down the page (a
// promo with long, comma-rich paragraphs and no title), in English and
// Arabic. TestSplitArticleLayouts ("a second part nested deeper") checks
// that the two parts of one story are not taken for a story and a box.
func TestShortStoryNearItsHeadline(t *testing.T) {
	for _, tc := range []struct {
		lang  string
		promo []string
		story []string
	}{
		{"en", []string{
			"Learn to build, test, ship and sell your own apps with the world's most popular languages, tools, frameworks and techniques, from the basics of Python to your first model, whatever you want to create, we will get you there.",
			"We have many flexible options for advancing your career, from scholarships, grants, loans and monthly plans to deferred tuition, so that cost, time, place or background never stand between you, your goals and your new job.",
		}, bridgeStory[:2]},
		{"ar", []string{
			"تعلم بناء التطبيقات واختبارها وإطلاقها وبيعها بأشهر لغات البرمجة والأدوات والأطر والتقنيات في العالم، من أساسيات بايثون إلى أول نموذج لك، ومهما أردت أن تصنع، سنوصلك إلى هناك.",
			"لدينا خيارات مرنة كثيرة لتطوير مسيرتك، من المنح والقروض والخطط الشهرية إلى الرسوم المؤجلة، حتى لا تقف الكلفة أو الوقت أو المكان أو الخلفية بينك وبين أهدافك ووظيفتك الجديدة.",
		}, bridgeStoryAr[:2]},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			page := `<html lang="` + tc.lang + `"><body><div><h1>Bridge</h1><div>` + paragraphsHTML(tc.story) + `</div></div>` +
				relatedList + relatedList + relatedList + relatedList + `<div><div>` + paragraphsHTML(tc.promo) + `</div></div></body></html>`
			checkStory(t, extractText(t, []byte(page), "https://example.com/news/bridge"), tc.story, tc.promo)
		})
		// The promo above the headline, in the page's header.
		t.Run(tc.lang+" promo above", func(t *testing.T) {
			page := `<html lang="` + tc.lang + `"><body><header><div><div>` + paragraphsHTML(tc.promo) + `</div></div></header>` +
				`<div><h1>Bridge</h1><div>` + paragraphsHTML(tc.story) + `</div></div>` + relatedList + `</body></html>`
			checkStory(t, extractText(t, []byte(page), "https://example.com/news/bridge"), tc.story, tc.promo)
		})
	}
}

// TestBeyondFooter checks which boxes lie beyond the site's footer: those
// after it in body, or after the box of body that holds it; none when
// the page names no footer, or only a post's own.
func TestBeyondFooter(t *testing.T) {
	story := `<div><h1>Bridge</h1><p>The old bridge will close.</p></div>`
	for _, tt := range []struct {
		name, body string
		want       []string // the ids of the boxes beyond the footer
	}{
		{"footer in body", story + `<footer>© The Courier</footer><div id="a">About</div><div id="b">Dialog</div>`, []string{"a", "b"}},
		{"named footer", story + `<div class="footer">© The Courier</div><div id="a">About</div>`, []string{"a"}},
		{"after the site's wrapper, not in it", `<div class="site">` + story + `<div id="colophon" class="site-footer">©</div><div id="x">Dialog</div></div><div id="a">About</div>`, []string{"a"}},
		{"after the wrapper that holds it", `<div class="boxed"><div class="content">` + story + `</div><div class="footer">©</div></div><div id="a">Lightbox</div>`, []string{"a"}},
		{"a post's own footer", `<article>` + story + `<footer class="entry-footer">Filed under News</footer><div id="x">More</div></article><div id="y">Next</div>`, nil},
		{"no footer", story + `<div id="a">About</div>`, nil},
		{"the page's footer, classed", story + `<footer class="mt-5 bg-dark">© The Courier</footer><div id="a">About</div>`, []string{"a"}},
		{"a post's footer, classed, in no article", `<div class="post">` + story + `<footer class="post-meta">Filed under News</footer></div><div id="y">Next</div>`, nil},
		{"a section's footer, classed", `<div><section>` + story + `<footer class="mt-5">Sources</footer></section></div><div id="y">Next</div>`, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			root, err := parse(strings.NewReader("<html><body>" + tt.body + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for n := range beyondFooter(findElement(root, atom.Body)) {
				got = append(got, getAttr(n, "id"))
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("beyond the footer: %q, want %q", got, tt.want)
			}
		})
	}
}

// TestIsSiteHeader checks which boxes read as the site's header, the
// start of the page that no sibling of the story comes from before.
func TestIsSiteHeader(t *testing.T) {
	for _, tt := range []struct {
		body string
		want bool
	}{
		{`<header id="h">Home</header>`, true},
		{`<header id="h" class="bg-top sticky">Home</header>`, true},
		{`<div id="h" class="site-header">Home</div>`, true},
		{`<div id="masthead">Home</div>`, true},
		{`<div><header id="h" class="entry-header"><h1>Bridge</h1></header></div>`, false},
		{`<article><header id="h" class="mt-2"><h1>Bridge</h1></header></article>`, false},
		{`<div id="h" class="header-text">Bridge</div>`, false},
	} {
		root, err := parse(strings.NewReader("<html><body>" + tt.body + "</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		var n *html.Node
		walkElementsUntil(root, func(e *html.Node) bool {
			if getAttr(e, "id") == "h" || getAttr(e, "id") == "masthead" {
				n = e
			}
			return n != nil
		})
		if got := isSiteHeader(n); got != tt.want {
			t.Errorf("isSiteHeader(%s) = %v, want %v", tt.body, got, tt.want)
		}
	}
}

// TestEndsWithRightsNotice checks that only the last words of a box are
// read for the site's rights notice: a story that speaks of copyright
// earlier is no footer.
func TestEndsWithRightsNotice(t *testing.T) {
	long := strings.Repeat("The council met again on Monday to discuss the bridge. ", 10)
	tests := []struct {
		name, page string
		want       bool
	}{
		{"a footer", `<div><p>© 2026 The Courier</p><a href="/privacy">Privacy</a></div>`, true},
		{"a wrapper ending in one", `<div><div><p>` + long + `</p></div><div><p>All rights reserved.</p></div></div>`, true},
		{"in Arabic", `<div><p>جميع الحقوق محفوظة</p></div>`, true},
		{"copyright early in a story", `<div><p>The copyright of the song was sold in 1990. ` + long + `</p></div>`, false},
		{"no notice", `<div><p>` + long + `</p></div>`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<html><body>" + tt.page + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			div := findElement(root, atom.Div)
			if got := endsWithRightsNotice(div); got != tt.want {
				t.Errorf("endsWithRightsNotice = %v, want %v", got, tt.want)
			}
		})
	}
}
