package extract

import (
	"fmt"
	"golang.org/x/net/html/atom"
	"slices"
	"strings"
	"testing"
)

// builderParagraphs are the paragraphs of a story laid out by a page
// builder, one section each.
var builderParagraphs = []string{
	"Shipping rates between Asia and northern Europe have doubled since the summer, as carriers sail around the Cape of Good Hope instead of through the canal.",
	"The longer route adds ten days to each voyage, and freight forwarders say that importers are now ordering spring stock in the autumn to be sure it arrives.",
	"Ports in the Mediterranean have lost traffic to Rotterdam and Hamburg, while the insurers of the ships that still take the short route charge a war premium.",
	"Economists expect the higher costs to reach shop prices by the new year, though by less than during the pandemic, when rates rose tenfold in a few months.",
	"Carriers have ordered more ships than at any time in fifteen years, and analysts expect a glut by 2027 that will push rates below where they stood before.",
	"Until then, the large retailers are signing longer contracts, and the small ones, who buy space on the spot market, are paying the price of the detour.",
}

// builderPage nests each paragraph of the story a dozen wrappers deep, as
// page builders do, with a chrome-like word in every wrapper's class, and
// puts a shorter disclaimer of two paragraphs in one plain block beside it.
func builderPage() string {
	var b strings.Builder
	b.WriteString(`<html><body><header><nav><a href="/">Home</a> <a href="/markets">Markets</a></nav></header>
<div class="builder-location"><h1>Shipping rates double as carriers avoid the canal</h1>`)
	for i, p := range builderParagraphs {
		fmt.Fprintf(&b, `<section class="builder-section builder-section-%d">`, i)
		for range 10 {
			b.WriteString(`<div class="builder-widget-wrap">`)
		}
		b.WriteString("<p>" + p + "</p>")
		for range 10 {
			b.WriteString(`</div>`)
		}
		b.WriteString(`</section>`)
	}
	b.WriteString(`</div><div class="notes"><p>The information in this article is general and is not advice. Rates quoted are averages of published spot prices, which vary by route, carrier, season and the size of the shipment, and may differ from what a given importer pays.</p>
<p>We take care that it is accurate at the time of writing, but prices change quickly and we accept no liability for decisions made on the basis of it; please consult a qualified adviser before you act on anything you read here.</p></div>
<footer><p>© The Freight Letter</p></footer></body></html>`)
	return b.String()
}

// TestDeepArticleBeatsAShorterBlock checks that a story whose paragraphs
// sit too deep for their scores to meet wins over a shorter block whose
// paragraphs sit together: the block holding most of the page's prose is
// the article.
func TestDeepArticleBeatsAShorterBlock(t *testing.T) {
	got := extractText(t, []byte(builderPage()), "https://example.com/markets/shipping")
	for i, p := range builderParagraphs {
		if !strings.Contains(got, p) {
			t.Errorf("paragraph %d missing from:\n%s", i, got)
		}
	}
}

// storyWithCommentsPage is a short story and, in the same wrapper, a
// longer thread of readers' comments under a "Comments" title, with no
// class names to tell them apart.
func storyWithCommentsPage(title string, story, comments []string) string {
	var b strings.Builder
	b.WriteString(`<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><div><div><h1>` + title + `</h1>`)
	b.WriteString(paragraphsHTML(story))
	b.WriteString(`</div><div><h3>` + comments[0] + `</h3>`)
	for _, c := range comments[1:] {
		b.WriteString(`<div><div><b>reader</b> <span>2 days ago at 07:52 am</span></div><div><p>` + c + `</p></div><div>Rating: 12 Votes</div></div>`)
	}
	b.WriteString(`</div></div></body></html>`)
	return b.String()
}

// TestCommentsUnderAShortStoryStayOut checks that readers' comments that
// hold more prose than the short story above them are not taken with it,
// whether they hold most of the page's prose or just over half.
func TestCommentsUnderAShortStoryStayOut(t *testing.T) {
	cases := []struct {
		name            string
		title           string
		story, comments []string
	}{
		{
			name:  "English",
			title: "Apple to keep the 13-inch laptop with a new keyboard",
			story: []string{
				"Apple will keep its 13-inch laptop next year and give it the scissor keyboard of the larger model, according to an analyst with a good record on the company's plans.",
				"The analyst expects the update in the second quarter, with a faster processor and the same price as the current model, which has been criticised for its keyboard.",
				"A larger screen in the same case, as on the bigger model this autumn, is possible too, the analyst wrote in a note to investors seen by this site on Monday.",
			},
			comments: []string{"Comments",
				"I think we'll see similar updates to what the bigger one received. The bezels on the small one are large, and a fourteen inch display makes sense along with the new keyboard.",
				"Even if it increases the weight and thickness slightly, this is a professional machine and I like the direction the company is taking in that regard, finally listening to users.",
				"No surprise they are keeping the small one. The analyst is also predicting the return of the fifteen inch model with the scissor mechanism, which would be welcome news for many.",
			},
		},
		{
			name:  "Arabic",
			title: "افتتاح جسر جديد على نهر دجلة في بغداد",
			story: []string{
				"افتتحت أمانة بغداد اليوم جسراً جديداً على نهر دجلة يربط بين جانبي الكرخ والرصافة، بعد ثلاث سنوات من العمل، ومن المتوقع أن يخفف الزحام في وسط المدينة.",
				"وقال أمين بغداد في حفل الافتتاح إن الجسر صمم ليتحمل حركة ثقيلة، وإن مشاريع أخرى مماثلة ستنفذ في السنوات المقبلة لتحسين حركة المرور في العاصمة.",
				"وبلغت كلفة المشروع نحو مئة مليار دينار، ونفذته شركة محلية بالتعاون مع مهندسين من وزارة الإعمار، وشارك فيه أكثر من ثلاثمئة عامل من أبناء المدينة.",
			},
			comments: []string{"التعليقات",
				"خطوة جيدة ولكن نتمنى أن تهتم الأمانة أيضاً بصيانة الجسور القديمة التي أصبحت في حالة سيئة جداً، فالزحام لن يحل بجسر واحد فقط مهما كان كبيراً وحديثاً.",
				"الحمد لله أخيراً، كنا ننتظر هذا الجسر منذ سنوات طويلة، والطريق من الكرخ إلى الرصافة كان يأخذ ساعة كاملة في أوقات الذروة، نتمنى أن يتحسن الوضع الآن.",
				"المشكلة ليست في عدد الجسور بل في التخطيط العام للمدينة، ويجب أن تكون هناك وسائل نقل عام حديثة مثل المترو حتى يقل عدد السيارات في الشوارع المزدحمة.",
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			page := storyWithCommentsPage(tc.title, tc.story, tc.comments)
			got := extractText(t, []byte(page), "https://example.com/news/story")
			for i, p := range tc.story {
				if !strings.Contains(got, p) {
					t.Errorf("story paragraph %d missing from:\n%s", i, got)
				}
			}
			for i, c := range tc.comments[1:] {
				if strings.Contains(got, c[:60]) {
					t.Errorf("comment %d taken with the story:\n%s", i, got)
				}
			}
		})
	}
}

// TestShortStoryKeepsItsPlace checks that a short story the strict passes
// found is not replaced by a longer block elsewhere on the page.
func TestShortStoryKeepsItsPlace(t *testing.T) {
	story := []string{
		"The council will open the new library on Saturday, two years late and over budget, with a children's floor, a café, and rooms for the history society.",
		"Opening hours will be longer than at the old building, the leader of the council said, and the mobile library will keep its rounds of the villages.",
		"The old library, a Victorian building by the station, will be sold, and the council hopes, its leader said, that it will become flats or a hotel.",
	}
	notice := strings.Repeat("This site uses data about your visit to measure its audience and to improve the service and by going on you agree that we store and read it as set out in the notice about privacy. ", 4)
	page := `<html><body><nav><a href="/">Home</a></nav><main><article><h1>New library opens on Saturday</h1><p>` + story[0] + `</p><p>` + story[1] + `</p><p>` + story[2] + `</p></article></main>
<div><div><p>` + notice + `</p><p>` + notice + `</p></div></div></body></html>`
	got := extractText(t, []byte(page), "https://example.com/news/library")
	for i, p := range story {
		if !strings.Contains(got, p) {
			t.Errorf("story paragraph %d missing from:\n%s", i, got)
		}
	}
	if strings.Contains(got, "measure its audience") {
		t.Errorf("the notice replaced or joined the story:\n%s", got)
	}
}

// TestUntitledCommentThreadStaysOut checks that a thread of readers'
// comments with no title and no class names, each comment an <article>
// with a reply link, is not taken with the story above it, however many
// comments there are.
func TestUntitledCommentThreadStaysOut(t *testing.T) {
	cases := []struct {
		name, reply, comment string
		story                []string
		comments             int
	}{
		{"English, long story", "Reply", "I have lived on the east bank for thirty years and this is the worst decision the council has made in all that time, and they never listen to us, comment %d.", builderParagraphs, 6},
		{"English, short story", "Reply", "I have lived on the east bank for thirty years and this is the worst decision the council has made in all that time, and they never listen to us, comment %d.", builderParagraphs[:2], 14},
		{"Arabic", "رد", "أسكن في الضفة الشرقية منذ ثلاثين عاماً وهذا أسوأ قرار اتخذه المجلس طوال هذه المدة، ولا أحد يستمع إلينا أبداً، وسنرى ماذا سيحدث، التعليق رقم %d.", builderParagraphs[:3], 10},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString(`<html><body><header><nav><a href="/">Home</a></nav></header><main><article><h1>Shipping rates double</h1>`)
			b.WriteString(paragraphsHTML(tc.story))
			b.WriteString(`</article><section>`)
			for i := range tc.comments {
				fmt.Fprintf(&b, `<article><footer><b>reader%d</b> <time datetime="2024-01-02T10:00">2 days ago</time></footer><p>`+tc.comment+`</p><a href="#c%d">%s</a></article>`, i, i, i, tc.reply)
			}
			b.WriteString(`</section></main><footer><p>© The Freight Letter</p></footer></body></html>`)
			got := extractText(t, []byte(b.String()), "https://example.com/markets/shipping")
			for i, p := range tc.story {
				if !strings.Contains(got, p) {
					t.Errorf("story paragraph %d missing from:\n%s", i, got)
				}
			}
			if strings.Contains(got, fmt.Sprintf(tc.comment, 1)) {
				t.Errorf("the comments were taken with the story:\n%s", got)
			}
		})
	}
}

// TestNextStoryAppendedStaysOut checks that the next story, which a page
// appends below this one as an <article> with its own headline, is not
// taken as more of this story.
func TestNextStoryAppendedStaysOut(t *testing.T) {
	next := "The harbour master said that the dredging would start in May and last until the autumn, and that ferries would run a reduced timetable."
	var b strings.Builder
	b.WriteString(`<html><body><nav><a href="/">Home</a></nav><main><article><h1>Shipping rates double</h1>`)
	b.WriteString(paragraphsHTML(builderParagraphs[:4]))
	b.WriteString(`</article><article><h1>Harbour dredging to start in May</h1><p>` + next + `</p><p>` + next + ` Fishermen ask for compensation.</p><p>` + next + ` The council meets at the end of the month.</p></article></main></body></html>`)
	got := extractText(t, []byte(b.String()), "https://example.com/markets/shipping")
	for i, p := range builderParagraphs[:4] {
		if !strings.Contains(got, p) {
			t.Errorf("story paragraph %d missing from:\n%s", i, got)
		}
	}
	if strings.Contains(got, "harbour master") {
		t.Errorf("the next story was taken with this one:\n%s", got)
	}
}

// TestPageInOneTableCell checks that a page laid out in one table cell,
// or in one wrapper, has no prose centre when no block in it holds most of
// its prose: the cell is the page, not a block of it, and the third
// opinion must not replace a short story with the whole page.
func TestPageInOneTableCell(t *testing.T) {
	story := bridgeStory[:3]
	column := "Our columnist writes every week about the city, its streets, its markets and its people, and about what the council does with the money it raises."
	block := `<div><p>` + column + `</p><p>` + column + `</p><p>` + column + `</p></div>`
	for _, layout := range []string{"body", "table", "wrapper"} {
		t.Run(layout, func(t *testing.T) {
			open, close := `<table><tr><td>`, `</td></tr></table>`
			switch layout {
			case "body":
				open, close = "", ""
			case "wrapper":
				open, close = `<div><div>`, `</div></div>`
			}
			page := `<html><body>` + open + `<div><h1>Old bridge to close next spring</h1>` + paragraphsHTML(story) + `</div>` +
				block + block + close + `</body></html>`
			root, err := parse(strings.NewReader(page))
			if err != nil {
				t.Fatal(err)
			}
			body := findElement(root, atom.Body)
			if c := proseOfPage(body, newHints(), nil, 64, nil).proseCentre(body); c != nil {
				t.Errorf("prose centre <%s>, want none", c.Data)
			}
		})
	}
}

// builderWidgetsPage lays story out in a page builder's text widgets,
// two paragraphs each, with "widget" in every box's class, under the
// block that holds the headline; after the widgets, in the same block,
// come two readers' comments with no class names.
func builderWidgetsPage(lang, title string, story, comments []string) string {
	var b strings.Builder
	b.WriteString(`<html lang="` + lang + `"><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><div class="post-content"><h1>` + title + `</h1><div class="builder">`)
	for i := 0; i < len(story); i += 2 {
		b.WriteString(`<div class="panel widget"><div class="widget-body">` + paragraphsHTML(story[i:min(i+2, len(story))]) + `</div></div>`)
	}
	b.WriteString(`</div><div>`)
	for _, c := range comments {
		b.WriteString(`<div><b>reader</b><p>` + c + `</p></div>`)
	}
	b.WriteString(`</div></div></body></html>`)
	return b.String()
}

// TestStoryInWidgetsUnderThePick checks that a story a page builder laid
// out in "widget" boxes is read when the block the strict passes chose
// holds it: the class marks that hid the story from those passes give way
// to the block holding most of the page's prose, and the readers'
// comments that were all those passes saw stay out.
func TestStoryInWidgetsUnderThePick(t *testing.T) {
	cases := []struct {
		lang, title     string
		story, comments []string
	}{
		{"en", "Shipping rates double as carriers avoid the canal", builderParagraphs, []string{
			"I think the article misses the point about the insurers, who have been raising their premiums for two years now, long before the first ship was turned away from the canal.",
			"We import furniture and our spring stock is already late by three weeks, so this matches what we see, although our forwarder says rates are coming down again this month.",
		}},
		{"ar", "أسعار الشحن تتضاعف مع تجنب السفن القناة", builderParagraphsAr, []string{
			"أعتقد أن المقال أغفل دور شركات التأمين التي ترفع أسعارها منذ عامين، قبل وقت طويل من تحول أول سفينة عن القناة، وهذا ما يدفع الأسعار إلى الارتفاع.",
			"نحن نستورد الأثاث وبضاعة الربيع متأخرة عندنا ثلاثة أسابيع، وهذا يطابق ما نراه، مع أن وكيل الشحن يقول إن الأسعار بدأت تنخفض من جديد هذا الشهر.",
		}},
	}
	for _, tc := range cases {
		t.Run(tc.lang, func(t *testing.T) {
			page := builderWidgetsPage(tc.lang, tc.title, tc.story, tc.comments)
			got := extractText(t, []byte(page), "https://example.com/markets/shipping")
			checkStory(t, got, tc.story, tc.comments)
		})
	}
}

// builderParagraphsAr is builderParagraphs in Arabic.
var builderParagraphsAr = []string{
	"تضاعفت أسعار الشحن بين آسيا وشمال أوروبا منذ الصيف، إذ تبحر السفن حول رأس الرجاء الصالح بدلاً من المرور عبر القناة، مما يطيل الرحلة ويرفع كلفتها.",
	"ويضيف الطريق الأطول عشرة أيام إلى كل رحلة، ويقول وكلاء الشحن إن المستوردين باتوا يطلبون بضاعة الربيع في الخريف ليضمنوا وصولها في موعدها.",
	"وخسرت موانئ البحر المتوسط جزءاً من حركتها لصالح روتردام وهامبورغ، بينما تفرض شركات التأمين على السفن التي ما زالت تسلك الطريق القصير رسوم حرب.",
	"ويتوقع الاقتصاديون أن تصل الكلفة الأعلى إلى أسعار المتاجر مع العام الجديد، وإن بدرجة أقل مما حدث خلال الجائحة حين ارتفعت الأسعار عشرة أضعاف.",
	"وطلبت شركات النقل سفناً جديدة أكثر من أي وقت خلال خمسة عشر عاماً، ويتوقع المحللون فائضاً بحلول عام 2027 سيدفع الأسعار إلى ما دون مستواها السابق.",
	"وحتى ذلك الحين، توقع كبرى شركات التجزئة عقوداً أطول، أما الصغيرة التي تشتري المساحات في السوق الفورية فتدفع ثمن هذا الالتفاف الطويل.",
}

// builderBox is the markup of a page builder's text box around the
// story's paragraphs, as builderStoryPage writes it.
type builderBox struct{ open, close string }

var (
	// widgetBox names the box that holds the paragraphs "widget".
	widgetBox = builderBox{`<div class="builder-widget"><div class="widget-container">`, `</div></div>`}
	// rescuedBox is named for its text ("textwidget"), but held alone by
	// two wrappers that a chrome word names.
	rescuedBox = builderBox{`<div class="panel widget"><div class="panel-widget-inner"><div class="textwidget">`, `</div></div></div>`}
)

// builderStory returns a long story of 24 paragraphs and a list of 14 key
// facts, made from paragraphs and facts.
func builderStory(paragraphs, facts []string) (story, keyFacts []string) {
	for i := range 24 {
		story = append(story, fmt.Sprintf("%s (%d)", paragraphs[i%len(paragraphs)], i+1))
	}
	for i := range 14 {
		keyFacts = append(keyFacts, fmt.Sprintf("%d: %s", i+1, facts[i%len(facts)]))
	}
	return story, keyFacts
}

// builderStoryPage puts a long story in a page builder's text boxes (as
// many as boxes, in one plain column, each in box's markup), and beside
// it, in the theme's own markup, a list of key facts that is long but
// holds well under half of the page's prose.
func builderStoryPage(lang string, facts, story []string, boxes int, box builderBox) string {
	var b strings.Builder
	b.WriteString(`<html lang="` + lang + `"><body><nav><a href="/">Home</a></nav><main><section class="summary"><ul>`)
	for _, f := range facts {
		b.WriteString(`<li>` + f + `</li>`)
	}
	b.WriteString(`</ul></section><div class="builder">`)
	per := (len(story) + boxes - 1) / boxes
	for i := 0; i < len(story); i += per {
		b.WriteString(box.open + paragraphsHTML(story[i:min(i+per, len(story))]) + box.close)
	}
	b.WriteString(`</div></main><footer><p>© The Freight Letter</p></footer></body></html>`)
	return b.String()
}

// TestStoryInABuilderBoxElsewhere checks that a long story a page builder
// put in a box its class names hide wins over a long list of key facts
// beside it, which was all the strict passes saw:
//   - a widget: the box holding most of the page's prose is chrome by its
//     own class name only, in one box or cut into three;
//   - a rescued box under widgets: the story's box is named for its text
//     ("textwidget") and is no chrome by its own name, but two wrappers
//     that a chrome word names ("panel widget", "panel-widget-inner")
//     hold it alone, so only they tell that class names hid it.
func TestStoryInABuilderBoxElsewhere(t *testing.T) {
	boxes := []struct {
		name  string
		box   builderBox
		parts []int // the boxes the story is cut into
	}{
		{"widget", widgetBox, []int{1, 3}},
		{"rescued box under widgets", rescuedBox, []int{1}},
	}
	langs := []struct {
		lang       string
		story, fct []string
	}{
		{"en", builderParagraphs, bridgeStory},
		{"ar", builderParagraphsAr, bridgeStoryAr},
	}
	for _, b := range boxes {
		for _, tc := range langs {
			t.Run(b.name+"/"+tc.lang, func(t *testing.T) {
				story, facts := builderStory(tc.story, tc.fct)
				for _, parts := range b.parts {
					got := extractText(t, []byte(builderStoryPage(tc.lang, facts, story, parts, b.box)), "https://example.com/markets/shipping")
					checkStory(t, got, story, nil)
				}
			})
		}
	}
}

// TestShortStoryOverAClassedFooter checks that a short story stays the
// pick when the page's footer, classed as such, holds most of its prose:
// only a long pick gives way to a box hidden by its own class name.
func TestShortStoryOverAClassedFooter(t *testing.T) {
	for _, tc := range []struct {
		lang, about string
		story       []string
	}{
		{"en", "The Valley Courier has served the towns of the upper valley since 1921, with news of the councils, the courts, the schools and the farms, and with the results of every club, from football to chess, that sends them in on time. ", bridgeStory[:3]},
		{"ar", "تخدم صحيفة الوادي مدن الوادي الأعلى منذ عام 1921، بأخبار المجالس والمحاكم والمدارس والمزارع، وبنتائج كل نادٍ، من كرة القدم إلى الشطرنج، يرسلها إلينا في موعدها. ", bridgeStoryAr},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			about := strings.Repeat(tc.about, 3)
			page := `<html lang="` + tc.lang + `"><body><nav><a href="/">Home</a></nav><main><article><h1>Bridge</h1>` + paragraphsHTML(tc.story) +
				`</article></main><div class="site-footer"><div class="footer-about"><p>` + about + `</p><p>` + about + `</p></div></div></body></html>`
			checkStory(t, extractText(t, []byte(page), "https://example.com/news/bridge"), tc.story, []string{tc.about[:40]})
		})
	}
}

// TestStoryInAWidgetUnderALaterPick checks that a story a page builder
// put in a box classed as a widget is read when the strict passes found
// nothing (the page's layout wrapper is classed like a sidebar) and the
// later pass that chose the story's block dropped the box in cleaning:
// its key takeaways alone are not the article.
func TestStoryInAWidgetUnderALaterPick(t *testing.T) {
	for _, tc := range []struct {
		lang, title string
		story       []string
		takeaways   []string
	}{
		{"en", "Shipping rates double as carriers avoid the canal", builderParagraphs, []string{
			"Rates between Asia and northern Europe have doubled since the summer, as ships sail around the Cape.",
			"Shop prices should rise by the new year, though by less than during the pandemic, economists say.",
			"Large retailers sign longer contracts, while small ones pay the spot price of the longer route.",
		}},
		{"ar", "أسعار الشحن تتضاعف مع تجنب السفن القناة", builderParagraphsAr, []string{
			"تضاعفت أسعار الشحن بين آسيا وشمال أوروبا منذ الصيف مع إبحار السفن حول رأس الرجاء الصالح.",
			"يتوقع الاقتصاديون ارتفاع أسعار المتاجر مع العام الجديد، وإن بدرجة أقل مما حدث خلال الجائحة.",
			"توقع كبرى شركات التجزئة عقوداً أطول، بينما تدفع الصغيرة السعر الفوري للطريق الأطول حول أفريقيا.",
		}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			page := `<html lang="` + tc.lang + `"><body><div class="layout-with-sidebar"><div class="post"><h1>` + tc.title + `</h1>` +
				`<div class="takeaways">` + paragraphsHTML(tc.takeaways) + `</div>` +
				`<div class="builder-widget"><div class="widget-container">` + paragraphsHTML(tc.story) + `</div></div></div></div></body></html>`
			checkStory(t, extractText(t, []byte(page), "https://example.com/markets/shipping"), tc.story, nil)
		})
	}
}

// TestStoryInAWidgetOverTitledComments checks that a story a page builder
// put in a box classed as a widget wins over the longer comments under
// it, in a box titled "Comments" (over 2,000 characters, too long to go
// whole as a titled box): the pass that let titled boxes back in, since
// the strict pass found no article, must not publish the comments.
func TestStoryInAWidgetOverTitledComments(t *testing.T) {
	comments := []string{
		"I think the article misses the point about the insurers, who have been raising their premiums for two years now, long before the first ship was turned away from the canal, and who will not lower them again soon.",
		"We import furniture and our spring stock is already late by three weeks, so this matches what we see, although our forwarder says rates are coming down again this month and that the worst may be behind us.",
		"The small shops are the ones who pay for all of this, as always. The large chains signed their contracts a year ago and will not feel a thing until the next round of negotiations, which is at least a year away.",
		"Does anyone know whether the rail link through Central Asia is an option for smaller shipments? I read that it takes eighteen days and costs less than air freight, but I could not find a forwarder who offers it.",
		"Great piece, thank you. It would be good to see a follow-up on what this means for exporters in Europe, since the ships that come back empty are the ones whose rates have fallen the most this autumn.",
	}
	page := `<html lang="en"><body><nav><a href="/">Home</a></nav><div class="col"><div class="box"><h1>Shipping rates double as carriers avoid the canal</h1>` +
		`<div class="builder-widget"><div class="widget-container">` + paragraphsHTML(builderParagraphs) + `</div></div></div>` +
		`<div class="box"><h3>Comments</h3><div class="items">`
	for i := range 2 * len(comments) {
		page += fmt.Sprintf(`<div class="item"><div class="item-head"><b>reader %d</b></div><p>%s</p></div>`, i+1, comments[i%len(comments)])
	}
	page += `</div></div></div></body></html>`
	checkStory(t, extractText(t, []byte(page), "https://example.com/markets/shipping"), builderParagraphs, []string{comments[0][:60]})
}

// TestStoryInAWidgetBesideTitledComments checks that a story a page
// builder put in a box classed as a widget wins over the longer comments
// in a box titled "Comments" that is no part of the story's block: the
// pass that let titled boxes back in takes the comments box itself, and
// the page's prose centre outside titled boxes, the story, must replace
// it.
func TestStoryInAWidgetBesideTitledComments(t *testing.T) {
	cases := []struct {
		lang, title, heading string
		story, comments      []string
	}{
		{"en", "Shipping rates double as carriers avoid the canal", "Comments", builderParagraphs, []string{
			"I think the article misses the point about the insurers, who have been raising their premiums for two years now, long before the first ship was turned away from the canal, and who will not lower them again soon.",
			"We import furniture and our spring stock is already late by three weeks, so this matches what we see, although our forwarder says rates are coming down again this month and that the worst may be behind us.",
			"The small shops are the ones who pay for all of this, as always. The large chains signed their contracts a year ago and will not feel a thing until the next round of negotiations, which is at least a year away.",
		}},
		{"ar", "أسعار الشحن تتضاعف مع تجنب السفن القناة", "التعليقات", builderParagraphsAr, []string{
			"أعتقد أن المقال أغفل دور شركات التأمين التي ترفع أسعارها منذ عامين، قبل وقت طويل من تحول أول سفينة عن القناة، ولن تخفضها قريبا مهما حدث.",
			"نحن نستورد الأثاث وبضاعة الربيع متأخرة عندنا ثلاثة أسابيع، وهذا يطابق ما نراه، مع أن وكيل الشحن يقول إن الأسعار بدأت تنخفض هذا الشهر.",
			"المتاجر الصغيرة هي التي تدفع الثمن كالعادة، فالسلاسل الكبيرة وقعت عقودها قبل عام ولن تشعر بشيء حتى الجولة القادمة من المفاوضات.",
		}},
	}
	for _, tc := range cases {
		t.Run(tc.lang, func(t *testing.T) {
			page := `<html lang="` + tc.lang + `"><body><nav><a href="/">Home</a></nav><div class="col"><div class="box"><h1>` + tc.title + `</h1>` +
				`<div class="builder-widget"><div class="widget-container">` + paragraphsHTML(tc.story) + `</div></div></div></div>` +
				`<div class="box"><h3>` + tc.heading + `</h3><div class="items">`
			for i := range 3 * len(tc.comments) {
				page += fmt.Sprintf(`<div class="item"><div class="item-head"><b>reader %d</b></div><p>%s</p></div>`, i+1, tc.comments[i%len(tc.comments)])
			}
			page += `</div></div></body></html>`
			checkStory(t, extractText(t, []byte(page), "https://example.com/markets/shipping"), tc.story, openings(tc.comments))
		})
	}
}

// TestNewsletterPostIsTheStory checks that a story a newsletter platform
// publishes in an <article> classed as a newsletter's post is read over
// a shorter block of prose beside it: "newsletter" names sign-up boxes,
// which the strict passes leave out by their class, but also the posts of
// such platforms, which the page's prose must count.
func TestNewsletterPostIsTheStory(t *testing.T) {
	for _, tc := range []struct {
		lang  string
		story []string
		other string
	}{
		{"en", builderParagraphs, "The Freight Letter is written by two former ship brokers who have followed the container trade since the nineties, from the ports of Asia to the warehouses of northern Europe, and who answer every reader who writes to them."},
		{"ar", builderParagraphsAr, "يكتب نشرة الشحن وسيطان سابقان في تأجير السفن يتابعان تجارة الحاويات منذ التسعينيات، من موانئ آسيا إلى مستودعات شمال أوروبا، ويردان على كل قارئ يكتب إليهما."},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			page := `<html lang="` + tc.lang + `"><body><nav><a href="/">Home</a></nav><div class="wrap"><article class="newsletter-post post"><h1>Rates double</h1><div class="body markup">` +
				paragraphsHTML(tc.story) + `</div></article><div class="about"><p>` + tc.other + `</p><p>` + tc.other + `</p></div></div></body></html>`
			checkStory(t, extractText(t, []byte(page), "https://freight.example.com/p/rates-double"), tc.story, []string{tc.other[:40]})
		})
	}
}

// TestShortStoryInAWidgetAfterItsHeadline checks that a short story a page
// builder put in a box classed as a widget, right under its headline,
// wins over the shorter boilerplate about the company that follows it,
// which was all the strict passes saw.
func TestShortStoryInAWidgetAfterItsHeadline(t *testing.T) {
	for _, tc := range []struct {
		lang, title, about string
		story              []string
	}{
		{"en", "Freight group signs a distribution deal in Europe",
			"Acme Freight is a global provider of logistics services, with offices in forty countries, two hundred ships under charter and a network of warehouses across Europe, Asia and the Americas.",
			builderParagraphs},
		{"ar", "مجموعة شحن توقع اتفاق توزيع في أوروبا",
			"أكمي للشحن شركة عالمية تقدم خدمات النقل والإمداد، ولها مكاتب في أربعين بلداً، ومئتا سفينة مستأجرة، وشبكة مستودعات في أوروبا وآسيا والأمريكتين.",
			builderParagraphsAr},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			page := `<html lang="` + tc.lang + `"><body><nav><a href="/">Home</a></nav><main><h1>` + tc.title + `</h1>` +
				`<div class="builder-widget"><div class="widget-container">` + paragraphsHTML(tc.story) + `</div></div>` +
				`<div class="boilerplate"><p>` + tc.about + `</p><p>` + tc.about + `</p></div></main></body></html>`
			checkStory(t, extractText(t, []byte(page), "https://example.com/news/deal"), tc.story, nil)
		})
	}
}

// TestStoryInABoxClassedAsComments checks that a story whose one wrapper
// carries a chrome word in its class ("comment-on-selection", a script
// that lets readers comment on a passage) is read, not the reader's
// comment below it: the conditional cleaning empties the story's block
// for its wrapper's class, and the block it then takes instead, a
// comment of an article's length, must not end the passes before the
// ones that trust class names less.
func TestStoryInABoxClassedAsComments(t *testing.T) {
	en := "I think the article misses the point about the insurers, who have been raising their premiums for two years now, long before the first ship was turned away from the canal. We import furniture and our spring stock is already late by three weeks, so this matches what we see."
	ar := "أعتقد أن المقال أغفل دور شركات التأمين التي ترفع أسعارها منذ عامين، قبل وقت طويل من تحول أول سفينة عن القناة. نحن نستورد الأثاث وبضاعة الربيع متأخرة عندنا ثلاثة أسابيع، وهذا يطابق ما نراه، مع أن وكيل الشحن يقول إن الأسعار بدأت تنخفض."
	enMore := "Our forwarder in Rotterdam told us the same last week, and added that the spot market has been calmer since the carriers announced their winter schedules, though nobody expects a return to the old prices before the summer."
	arMore := "وقال لنا وكيلنا في روتردام الشيء نفسه الأسبوع الماضي، وأضاف أن السوق الفورية هدأت منذ أعلنت الشركات جداولها الشتوية، مع أن أحدا لا يتوقع عودة الأسعار القديمة قبل الصيف المقبل على الأقل، ولذلك طلبنا بضاعة الخريف منذ الآن كي لا نتأخر مرة أخرى."
	cases := []struct {
		name, lang, title string
		story, comments   []string
	}{
		{"en", "en", "Shipping rates double as carriers avoid the canal", builderParagraphs, []string{en}},
		{"ar", "ar", "أسعار الشحن تتضاعف مع تجنب السفن القناة", builderParagraphsAr, []string{ar}},
		// Comments of more than half the story's length.
		{"en, longer comments", "en", "Shipping rates double as carriers avoid the canal", builderParagraphs, []string{en, enMore}},
		{"ar, longer comments", "ar", "أسعار الشحن تتضاعف مع تجنب السفن القناة", builderParagraphsAr, []string{ar, arMore}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString(`<html lang="` + tc.lang + `"><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><main><div class="post-body"><h1>` + tc.title + `</h1><div class="comment-on-selection">`)
			for _, p := range tc.story {
				b.WriteString("<div>" + p + "</div>")
			}
			b.WriteString(`</div></div><div class="replies"><div class="reply"><div>` + strings.Join(tc.comments, "<br><br>") + `</div></div></div></main></body></html>`)
			got := extractText(t, []byte(b.String()), "https://example.com/markets/shipping")
			checkStory(t, got, tc.story, tc.comments)
		})
	}
}

// TestThreadInABoxClassedAsComments checks that a story in a box whose
// class carries a chrome word ("comment-on-selection"), with its thread
// of readers' comments inside the same box, known by their reply links,
// is read without the comments: only the passes that trust class names
// less take the box, and its comments must be known to them too.
func TestThreadInABoxClassedAsComments(t *testing.T) {
	cases := []struct {
		lang, title, reply string
		story, comments    []string
	}{
		{"en", "Shipping rates double as carriers avoid the canal", "Reply", builderParagraphs, []string{
			"I think the article misses the point about the insurers, who have been raising their premiums for two years now, long before the first ship was turned away from the canal.",
			"We import furniture and our spring stock is already late by three weeks, so this matches what we see, though our forwarder says the spot market has been calmer since the winter schedules came out.",
			"Our forwarder in Rotterdam told us the same last week, and added that nobody expects a return to the old prices before the summer, whatever the carriers say in their statements.",
			"The rail route across Asia is slower than the canal used to be but faster than the Cape, and the price is now about the same, so we send the urgent goods that way.",
			"Last time rates rose like this they fell just as fast a year later, so I would not sign a long contract now, whatever the big retailers are doing this autumn.",
			"It would help to know what share of the price of a shirt is the shipping, since I suspect it is much smaller than the retailers like to claim when they raise prices.",
			"My shop already raised prices in October, and I lost customers to the online sellers, who seem to absorb the cost; I do not know how long they can keep that up.",
		}},
		{"ar", "أسعار الشحن تتضاعف مع تجنب السفن القناة", "رد", builderParagraphsAr, []string{
			"أعتقد أن المقال أغفل دور شركات التأمين التي ترفع أسعارها منذ عامين، قبل وقت طويل من تحول أول سفينة عن القناة.",
			"نحن نستورد الأثاث وبضاعة الربيع متأخرة عندنا ثلاثة أسابيع، وهذا يطابق ما نراه، مع أن وكيل الشحن يقول إن الأسعار بدأت تنخفض.",
			"وقال لنا وكيلنا في روتردام الشيء نفسه الأسبوع الماضي، وأضاف أن أحدا لا يتوقع عودة الأسعار القديمة قبل الصيف المقبل على الأقل.",
			"الطريق البري عبر آسيا أبطأ من القناة لكنه أسرع من رأس الرجاء الصالح، وسعره الآن مماثل تقريبا، لذلك نرسل البضائع المستعجلة عبره.",
			"في المرة الماضية ارتفعت الأسعار هكذا ثم انخفضت بالسرعة نفسها بعد عام، لذلك لا أنصح بتوقيع عقد طويل الآن مهما فعل كبار التجار.",
			"رفع متجري الأسعار في تشرين الأول وخسرت زبائن لصالح المتاجر الإلكترونية التي يبدو أنها تتحمل الكلفة، ولا أعرف إلى متى تستطيع ذلك.",
			"سيكون من المفيد معرفة حصة الشحن من سعر القميص، فأنا أظن أنها أصغر بكثير مما يدعيه التجار حين يرفعون الأسعار.",
		}},
	}
	for _, tc := range cases {
		t.Run(tc.lang, func(t *testing.T) {
			var b strings.Builder
			b.WriteString(`<html lang="` + tc.lang + `"><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><main><div class="post-body"><h1>` + tc.title + `</h1><div class="comment-on-selection"><div>`)
			for _, p := range tc.story {
				b.WriteString("<div>" + p + "</div>")
			}
			b.WriteString(`</div><div>`)
			b.WriteString(repliedComments(tc.comments, "div", tc.reply))
			b.WriteString(`</div></div></div></main></body></html>`)
			got := extractText(t, []byte(b.String()), "https://example.com/markets/shipping")
			checkStory(t, got, tc.story, openings(tc.comments))
		})
	}
}

// TestStoryInAWidgetOfThePick checks that a story whose first part sits
// in a page builder's text box classed as a widget, with the rest in
// plain paragraphs beside it, is read whole: the strict pass picks the
// block around both, which holds most of the page's prose, and its
// cleaning drops the widget for its class, which leaves the plain
// paragraphs, an article's length, as the pick.
func TestStoryInAWidgetOfThePick(t *testing.T) {
	cases := []struct {
		lang, title string
		story, more []string
	}{
		{"en", "Shipping rates double as carriers avoid the canal", builderParagraphs, []string{
			"Rates quoted here are the averages of the spot prices the three largest carriers published on the first Monday of each month since January.",
			"The figures for the Mediterranean ports come from their own monthly reports, which count the containers landed, not the ships that called.",
			"Shop prices are the national statistics office's index of imported goods, which it publishes with a delay of six weeks after each month ends.",
			"Orders for new ships are counted when the contract is signed, not when the steel is cut, so some of them may still be cancelled before 2027.",
			"The detour around the Cape also burns more fuel, and the carriers pass that cost on in a surcharge that they review every three months.",
		}},
		{"ar", "أسعار الشحن تتضاعف مع تجنب السفن القناة", builderParagraphsAr, []string{
			"الأسعار المذكورة هنا هي متوسط الأسعار الفورية التي نشرتها أكبر ثلاث شركات شحن في أول يوم اثنين من كل شهر منذ كانون الثاني.",
			"وأرقام موانئ البحر المتوسط مأخوذة من تقاريرها الشهرية التي تحصي الحاويات التي أنزلت فيها لا السفن التي رست عندها.",
			"وأسعار المتاجر هي مؤشر السلع المستوردة الذي يصدره مكتب الإحصاء الوطني بعد ستة أسابيع من نهاية كل شهر، وقد تتغير لاحقا.",
			"وتحسب طلبات السفن الجديدة عند توقيع العقد لا عند بدء البناء، ولذلك قد يلغى بعضها قبل عام ألفين وسبعة وعشرين.",
			"ويستهلك الالتفاف حول رأس الرجاء الصالح وقودا أكثر، وتحمل الشركات هذه الكلفة على الزبائن برسم إضافي تراجعه كل ثلاثة أشهر.",
		}},
	}
	for _, tc := range cases {
		t.Run(tc.lang, func(t *testing.T) {
			page := `<html lang="` + tc.lang + `"><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><main><article><h1>` + tc.title + `</h1><div class="layout">` +
				`<div><div class="elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container">` + paragraphsHTML(tc.story) + `</div></div></div>` +
				paragraphsHTML(tc.more) +
				`</div></article><aside><a href="/a">Most read</a> <a href="/b">Opinion</a></aside></main></body></html>`
			got := extractText(t, []byte(page), "https://example.com/markets/shipping")
			checkStory(t, got, append(slices.Clone(tc.story), tc.more...), nil)
		})
	}
}

// TestAuthorBoxStaysOut checks that the author's box under a story, known
// by its schema.org microdata (itemprop="author") and not by its class
// names, stays out of the article: its bio reads as prose.
func TestAuthorBoxStaysOut(t *testing.T) {
	for _, tc := range []struct {
		lang, title, name string
		story, bio        []string
	}{
		{"en", "Shipping rates double as carriers avoid the canal", "Karina Cohen", builderParagraphs, []string{
			"Karina Cohen founded the company in 2010 after twenty years in retail, finance and software, and she has led its growth across three states since then.",
			"When she is not at work, she coaches her daughter's football team, sits on the board of the city's library and walks the hills above the valley with her dogs.",
		}},
		{"ar", "أسعار الشحن تتضاعف مع تجنب السفن القناة", "كارينا كوهين", builderParagraphsAr, []string{
			"أسست كارينا كوهين الشركة عام ألفين وعشرة بعد عشرين عاما في التجارة والمال والبرمجيات، وقادت توسعها في ثلاث محافظات منذ ذلك الحين.",
			"وحين لا تكون في العمل تدرب فريق ابنتها لكرة القدم وتشارك في مجلس مكتبة المدينة وتمشي مع كلابها في التلال المطلة على الوادي.",
		}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			page := `<html lang="` + tc.lang + `"><body><nav><a href="/">Home</a></nav><main><div class="post"><h1>` + tc.title + `</h1>` + paragraphsHTML(tc.story) +
				`<div class="box-wrap" itemprop="author" itemscope itemtype="https://schema.org/Person"><img src="/karina.png" alt=""><div class="box-name"><a href="/author/karina">` + tc.name + `</a></div><div class="box-desc">` + paragraphsHTML(tc.bio) + `</div></div>` +
				`</div></main></body></html>`
			got := extractText(t, []byte(page), "https://example.com/markets/shipping")
			checkStory(t, got, tc.story, tc.bio)
		})
	}
}

// TestDeepArticleOverALongerThread checks that a story whose paragraphs
// sit too deep for their scores to meet is still found as the block
// that holds most of the page's prose when a thread of readers' comments
// under it, known by their reply links, holds more text than the story:
// readers' comments are not the page's prose.
func TestDeepArticleOverALongerThread(t *testing.T) {
	comments := []string{
		"I import furniture from Vietnam and my last container cost me twice what it did in June, and my customers will not accept a price rise of that size before Christmas.",
		"The article is right that the small firms pay for this, because the big ones signed their contracts a year ago and are sailing at the old price while we pay spot.",
		"Nobody mentions the emissions: ten more days at sea for every ship is a lot of extra fuel burned, and the carriers will pass that cost on to us as well, you can be sure.",
		"We have started to send some goods by rail across Asia instead, which is slower than the canal used to be but faster than the Cape, and the price is now about the same.",
		"Last time rates rose like this they fell just as fast a year later, so I would not sign a long contract now, whatever the big retailers are doing this autumn.",
		"My shop already raised prices in October, and I lost customers to the online sellers, who seem to absorb the cost; I do not know how long they can keep that up.",
		"It would help to know what share of the price of a shirt is the shipping, since I suspect it is much smaller than the retailers like to claim when they raise prices.",
	}
	page := builderPage()
	thread := `<div>` + repliedComments(comments, "p", "Reply") + `</div>`
	page = strings.Replace(page, `</div><div class="notes">`, thread+`</div><div class="notes">`, 1)
	got := extractText(t, []byte(page), "https://example.com/markets/shipping")
	checkStory(t, got, builderParagraphs, openings(comments))
}

// TestStoryUnderAHeadlineInAWidget checks that a short story whose box,
// headline and all, is classed as chrome (a blog platform's post box
// classed "widget") is not lost to a longer box of prose elsewhere on the
// page, the site's "about" blurb: the headline, which repeats the page's
// title, shows where the story is.
func TestStoryUnderAHeadlineInAWidget(t *testing.T) {
	tests := []struct {
		lang, headline string
		story, about   []string
	}{
		{"en", "Old bridge to close next spring", bridgeStory[:2], []string{
			"The Courier was founded in 1952 by a group of printers and teachers who believed that the valley deserved a newspaper of its own, one that would report on the council, the courts and the schools with the same care that the national papers gave to parliament.",
			"Today a team of twenty-two reporters, photographers and editors works from the old print works on Mill Street, publishing news around the clock on this site and a weekly printed edition every Thursday, across the twelve towns of the valley.",
			"The paper is still owned by a trust set up by the founders' families, and it answers to its readers rather than to shareholders; corrections are published on page two of the printed edition and at the foot of the article concerned online.",
		}},
		{"ar", "إغلاق الجسر القديم في الربيع المقبل", bridgeStoryAr[:2], []string{
			"تأسست صحيفة البريد عام 1952 على يد مجموعة من عمال المطابع والمعلمين الذين رأوا أن الوادي يستحق صحيفة خاصة به، تغطي أخبار المجلس والمحاكم والمدارس بالعناية نفسها التي توليها الصحف الوطنية للبرلمان.",
			"ويعمل فيها اليوم فريق من اثنين وعشرين مراسلاً ومصوراً ومحرراً من مبنى المطبعة القديمة في شارع الطاحونة، ينشرون الأخبار على مدار الساعة في هذا الموقع وفي طبعة ورقية أسبوعية تصدر كل خميس.",
			"وما زالت الصحيفة مملوكة لوقف أسسته عائلات المؤسسين، وهي مسؤولة أمام قرائها لا أمام المساهمين، وتنشر التصحيحات في الصفحة الثانية من الطبعة الورقية وفي ذيل المقال المعني على الموقع.",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			page := `<html lang="` + tt.lang + `"><head><title>` + tt.headline + `</title></head><body><div><a href="/">Home</a> <a href="/news">News</a></div>` +
				`<div class="widget Blog"><div class="post"><h1>` + tt.headline + `</h1><div class="post-body">` + paragraphsHTML(tt.story) + `</div></div></div>` +
				`<div><div><h3>The Courier</h3>` + paragraphsHTML(tt.about) + `</div></div></body></html>`
			got := extractText(t, []byte(page), "https://example.com/news/bridge")
			checkStory(t, got, tt.story, openings(tt.about))
		})
	}
}

// latestPostsPage is a short story in a page builder's text widget, whose
// class reads as chrome, and beside it, in the same wrapper, a grid of the
// site's latest posts under a "Latest news" title: each a linked
// headline, an excerpt of some sixty words and a "Read more" link, the
// excerpts together longer than the story.
func latestPostsPage(story []string, excerpt string) string {
	var b strings.Builder
	b.WriteString(`<html><body><header><nav><a href="/">Home</a> <a href="/blog">Blog</a></nav></header>
<div class="builder-location"><div class="builder-widget-heading"><h1>Shipping rates double as carriers avoid the canal</h1></div>
<div class="builder-widget-text"><div class="builder-widget-container">`)
	for _, p := range story {
		b.WriteString("<p>" + p + "</p>")
	}
	b.WriteString(`</div></div><div class="builder-widget-heading"><h2>Latest news</h2></div><div class="builder-widget-posts"><div class="builder-widget-container"><div class="posts-grid">`)
	for i := range 4 {
		fmt.Fprintf(&b, `<article class="grid-item"><h3><a href="/blog/post-%d">Another post from the blog, number %d</a></h3><div class="excerpt"><p>%s</p></div><a href="/blog/post-%d">Read more</a></article>`, i, i, excerpt, i)
	}
	b.WriteString(`</div></div></div></div><footer><p>© The Freight Letter</p></footer></body></html>`)
	return b.String()
}

// TestCentreLeavesTitledBoxesBeside checks that when the block holding
// most of the page's prose is a wrapper around a short story, the boxes
// beside the story that their titles mark as chrome ("Latest news") do
// not come with it.
func TestCentreLeavesTitledBoxesBeside(t *testing.T) {
	excerpt := "Freight forwarders told us this week that importers are changing the way they plan their stock for the coming season, ordering earlier and from more suppliers than before, and that the smaller firms among them are finding it harder than ever to secure space."
	got := extractText(t, []byte(latestPostsPage(builderParagraphs, excerpt)), "https://example.com/blog/shipping")
	for i, p := range builderParagraphs {
		if !strings.Contains(got, p) {
			t.Errorf("paragraph %d missing from:\n%s", i, got)
		}
	}
	if strings.Contains(got, "Freight forwarders told us") || strings.Contains(got, "Read more") {
		t.Errorf("the latest posts came with the story:\n%s", got)
	}
}
