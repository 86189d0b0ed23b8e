package extract

import (
	"fmt"
	"strings"
	"testing"
)

// threadLang is a story and its readers' comments in one language, with
// the header a comment system prints over each comment.
type threadLang struct {
	story    []string
	comments []string
	// header returns the header of reader i's comment, as HTML.
	header func(i int) string
}

var threadLangs = map[string]threadLang{
	"English": {
		story: []string{
			"The city council voted on Tuesday to close the old bridge to cars from next spring, after engineers found that its steel frame had rusted faster than expected.",
			"Buses and bicycles will still be allowed across, and the council says a new crossing downstream will open within three years, paid for by the regional fund.",
			"Shopkeepers on the east bank fear they will lose customers, and a petition against the closure has gathered more than four thousand signatures in a week.",
		},
		comments: []string{
			"I have crossed that bridge every morning for thirty years and never once thought it was unsafe, so I would like to see the engineers' report before I believe a word of this.",
			"The ferry already runs full at eight in the morning, and nobody at the council seems to have asked how it will carry another two thousand people a day.",
			"We were promised a new bridge in the last election and the one before that, and the money was never found, so forgive me if I do not hold my breath this time.",
			"My grandfather helped to build that bridge after the war, and it is a shame to see it left to rust when a little paint every few years would have saved it.",
		},
		header: func(i int) string {
			return fmt.Sprintf(`<b>Reader%d</b> wrote on December %d, 2016 at 9:1%d am:`, i, i+6, i)
		},
	},
	"English, name over its date": {
		story: []string{
			"The library will open on Sundays from next month, the first time in its history, after volunteers offered to staff the reading room and the children's corner.",
			"The board agreed to a trial of six months, and will count visitors each week to decide whether Sunday opening should stay once the trial is over next summer.",
			"Local schools have welcomed the change, saying that many pupils have nowhere quiet to work at weekends and that the library's computers are in great demand.",
		},
		comments: []string{
			"Finally, I have been asking for this for years and I will be there on the first Sunday with my two boys, who would live in the children's corner if they could.",
			"Six months is not long enough to judge, since people need time to learn that the doors are open, and the first winter will always be quiet in any case.",
			"I volunteered last week and was told they already have more offers than shifts, which says a lot about how much this town cares about its library.",
			"Please keep the café closed on Sundays, the reading room is the only quiet place left in town and the coffee machine is louder than the children.",
		},
		header: func(i int) string {
			return fmt.Sprintf(`<cite><a href="https://reader%d.example.net/">Reader%d</a></cite> <span>says:</span><br><a href="#c%d"><time>December %d, 2016 at 9:1%d am</time></a>`, i, i, i, i+6, i)
		},
	},
	"German": {
		story: []string{
			"Der Stadtrat hat am Dienstag beschlossen, die alte Brücke ab dem kommenden Frühjahr für Autos zu sperren, nachdem Ingenieure starken Rost am Stahlgerüst gefunden hatten.",
			"Busse und Fahrräder dürfen die Brücke weiter benutzen, und eine neue Querung flussabwärts soll innerhalb von drei Jahren fertig sein, bezahlt aus dem Regionalfonds.",
			"Die Händler am Ostufer fürchten um ihre Kundschaft, und eine Petition gegen die Sperrung hat in einer Woche mehr als viertausend Unterschriften gesammelt.",
		},
		comments: []string{
			"Ich fahre seit dreißig Jahren jeden Morgen über diese Brücke und habe mich nie unsicher gefühlt, deshalb möchte ich erst das Gutachten der Ingenieure sehen.",
			"Die Fähre ist schon um acht Uhr morgens voll, und niemand im Rathaus scheint gefragt zu haben, wie sie täglich zweitausend Menschen mehr befördern soll.",
			"Eine neue Brücke wurde uns schon vor der letzten Wahl versprochen und vor der davor auch, und das Geld wurde nie gefunden, also glaube ich es erst, wenn ich sie sehe.",
			"Mein Großvater hat nach dem Krieg an dieser Brücke mitgebaut, und es ist eine Schande, dass man sie rosten ließ, wo ein wenig Farbe alle paar Jahre gereicht hätte.",
		},
		header: func(i int) string {
			return fmt.Sprintf(`<strong>Leser%d</strong> schrieb am 0%d.12.2016 um 09:1%d Uhr:`, i, i+1, i)
		},
	},
	"French": {
		story: []string{
			"Le conseil municipal a voté mardi la fermeture du vieux pont aux voitures à partir du printemps prochain, après que les ingénieurs ont trouvé sa charpente rongée par la rouille.",
			"Les bus et les vélos pourront toujours le traverser, et un nouveau pont en aval doit ouvrir d'ici trois ans, financé par le fonds régional, selon la mairie.",
			"Les commerçants de la rive est craignent de perdre leurs clients, et une pétition contre la fermeture a réuni plus de quatre mille signatures en une semaine.",
		},
		comments: []string{
			"Je traverse ce pont tous les matins depuis trente ans et je ne l'ai jamais trouvé dangereux, alors j'aimerais lire le rapport des ingénieurs avant de croire tout cela.",
			"Le bac est déjà plein à huit heures du matin, et personne à la mairie ne semble s'être demandé comment il transportera deux mille personnes de plus chaque jour.",
			"On nous a promis un nouveau pont aux dernières élections et aux précédentes, et l'argent n'a jamais été trouvé, alors permettez-moi de ne pas y croire cette fois.",
			"Mon grand-père a aidé à construire ce pont après la guerre, et c'est une honte de le voir rouiller quand un peu de peinture tous les deux ans l'aurait sauvé.",
		},
		header: func(i int) string {
			return fmt.Sprintf(`<b>Lecteur%d</b> a écrit le %d décembre 2016 à 09:1%d :`, i, i+6, i)
		},
	},
	"Arabic": {
		story: []string{
			"صوّت مجلس المدينة يوم الثلاثاء على إغلاق الجسر القديم أمام السيارات اعتباراً من الربيع المقبل، بعد أن وجد المهندسون أن هيكله الحديدي قد صدئ أسرع مما كان متوقعاً.",
			"وسيبقى الجسر مفتوحاً أمام الحافلات والدراجات، ويقول المجلس إن جسراً جديداً في أسفل النهر سيفتتح خلال ثلاث سنوات، بتمويل من الصندوق الإقليمي للتنمية.",
			"ويخشى أصحاب المحلات على الضفة الشرقية أن يخسروا زبائنهم، وقد جمعت عريضة ضد الإغلاق أكثر من أربعة آلاف توقيع خلال أسبوع واحد فقط من إطلاقها.",
		},
		comments: []string{
			"أعبر هذا الجسر كل صباح منذ ثلاثين عاماً ولم أشعر يوماً بأنه غير آمن، لذلك أريد أن أقرأ تقرير المهندسين قبل أن أصدق كلمة واحدة من هذا الكلام.",
			"العبّارة ممتلئة أصلاً في الثامنة صباحاً، ولا يبدو أن أحداً في المجلس سأل كيف ستنقل ألفي شخص إضافي كل يوم من أيام الأسبوع.",
			"وعدونا بجسر جديد في الانتخابات الماضية والتي قبلها، ولم يجدوا المال أبداً، فاعذروني إن لم أصدق الوعد هذه المرة أيضاً حتى أراه بعيني.",
			"ساعد جدي في بناء هذا الجسر بعد الحرب، ومن المؤسف أن يُترك للصدأ بينما كان قليل من الطلاء كل بضع سنوات كفيلاً بإنقاذه من هذا المصير.",
		},
		header: func(i int) string {
			return fmt.Sprintf(`كتب <b>القارئ %d</b> في %d ديسمبر ٢٠١٦ الساعة ٩:١%d`, i, i+6, i)
		},
	},
}

// TestUntitledCommentThreads checks that a thread of readers' comments
// with no title, no class names and no reply links is left out of the
// story when each comment opens with a stamped header ("Anna wrote on
// December 6, 2016 at 9:12 am:", "Anna schrieb am 06.12.2016 um 09:12
// Uhr:", "كتب أحمد في ٦ ديسمبر ٢٠١٦"): inside the story's container,
// after it, nested deeper, and when the comments are longer than the story.
func TestUntitledCommentThreads(t *testing.T) {
	layouts := []string{"inside", "loose", "after", "deep", "long"}
	for name, lang := range threadLangs {
		for _, layout := range layouts {
			t.Run(name+"/"+layout, func(t *testing.T) {
				page := threadPage(lang, layout)
				got := extractText(t, []byte(page), "https://example.com/news/bridge")
				for i, p := range lang.story {
					if !strings.Contains(got, p) {
						t.Errorf("story paragraph %d missing from:\n%s", i, got)
					}
				}
				for i, c := range lang.comments {
					if strings.Contains(got, c[:40]) {
						t.Errorf("comment %d kept:\n%s", i, got)
					}
				}
			})
		}
	}
}

// threadPage writes a page with lang's story and its comments in layout:
// "inside" the story's container, "loose" in it (the comments siblings of
// the story's paragraphs, no list around them), "after" it, "deep" (after it, each
// comment an <li><article> with its header in a <footer>), or "long"
// (after it, each comment written three times over, so that every one
// outweighs the story).
func threadPage(lang threadLang, layout string) string {
	var c strings.Builder
	for i, text := range lang.comments {
		switch layout {
		case "deep":
			c.WriteString(`<li><article><footer><div>` + lang.header(i) + `</div></footer><div><p>` + text + `</p></div></article></li>`)
		case "long":
			c.WriteString(`<div><p>` + lang.header(i) + `</p><p>` + text + `</p><p>` + text + `</p><p>` + text + `</p></div><hr>`)
		default:
			c.WriteString(`<div><p>` + lang.header(i) + `</p><p>` + text + `</p></div>`)
		}
	}
	thread := `<div>` + c.String() + `</div>`
	switch layout {
	case "deep":
		thread = `<section><div><ol>` + c.String() + `</ol></div></section>`
	case "loose":
		thread = c.String()
	}
	var b strings.Builder
	b.WriteString(`<html><body><div><a href="/">Home</a> <a href="/news">News</a></div><div><div><h1>Old bridge to close</h1><div>`)
	b.WriteString(paragraphsHTML(lang.story))
	inside := layout == "inside" || layout == "loose"
	if inside {
		b.WriteString(thread)
	}
	b.WriteString(`</div>`)
	if !inside {
		b.WriteString(thread)
	}
	b.WriteString(`</div></div></body></html>`)
	return b.String()
}

// TestQuotedPeopleStayInStory checks that an article quoting people
// keeps their words, though they are headed like readers' comments:
// e-mails headed "X wrote:", vox-pops headed "Anna, 34, says:", and
// e-mails whose header a mail client stamps before the name ("On 6
// December 2016 at 09:12, X wrote:"). None carries a stamp after its
// verb, and so none is read as a thread.
func TestQuotedPeopleStayInStory(t *testing.T) {
	intro := []string{
		"The quarrel began when the site printed a programmer's address in a story, and readers wrote to him by the thousand, most of them to complain about his program.",
		"What followed was a short exchange between the two men, which both later published, and which says a good deal about how the web worked at the time.",
	}
	quotes := []string{
		"Come on, man, take my email address off your page, I am deleting tons of these messages every single day and I have better things to do with my time.",
		"Sure, how about you take the story off your site so that I do not have to delete them either, since you are the one who sent these people my way.",
		"I think both of them were right in their way, and the readers who wrote in were the only ones at fault, as readers so often are on the internet.",
	}
	headers := map[string]func(i int) string{
		"e-mails":         func(i int) string { return fmt.Sprintf(`<b>Person%d wrote:</b>`, i) },
		"vox-pops":        func(i int) string { return fmt.Sprintf(`<b>Anna%d, 3%d, says:</b>`, i, i) },
		"stamped e-mails": func(i int) string { return fmt.Sprintf(`On %d December 2016 at 09:1%d, Person%d wrote:`, i+6, i, i) },
	}
	for name, header := range headers {
		t.Run(name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString(`<html><body><div><a href="/">Home</a> <a href="/news">News</a></div><div><h1>An exchange of letters</h1><div>`)
			b.WriteString(paragraphsHTML(intro))
			for i, q := range quotes {
				b.WriteString(`<blockquote><p>` + header(i) + `</p><p>` + q + `</p></blockquote>`)
			}
			b.WriteString(`<p>Neither man would comment further on the exchange this week, and the story is still on the site, with the address removed.</p>`)
			b.WriteString(`</div></div></body></html>`)
			got := extractText(t, []byte(b.String()), "https://example.com/news/letters")
			for i, q := range append(intro, quotes...) {
				if !strings.Contains(got, q) {
					t.Errorf("paragraph %d missing from:\n%s", i, got)
				}
			}
		})
	}
}

// TestIsCommentHeader checks the header a reader's comment is known by:
// a speech verb after a short name, then a stamp, on its line or on the
// next, and text after the header.
func TestIsCommentHeader(t *testing.T) {
	cases := []struct {
		lines []string
		want  bool
	}{
		{[]string{"Anna wrote on December 6, 2016 at 9:12 am:", "I agree."}, true},
		{[]string{"Anna Maria Smith says:", "December 6, 2016 at 9:12 am", "I agree."}, true},
		{[]string{"Anna schrieb am 06.12.2016 um 09:12 Uhr:", "Stimmt."}, true},
		{[]string{"Anna a écrit le 6 décembre 2016 à 09:12 :", "D'accord."}, true},
		{[]string{"كتب أحمد في ٦ ديسمبر ٢٠١٦ الساعة ٩:١٢", "أوافق."}, true},
		{[]string{"Anna napisał 06.12.16:", "Zgadzam się."}, true},
		{[]string{"Anna says:", "December 6, 2016 at 9:12 am"}, false},       // no text after it
		{[]string{"Anna wrote on December 6, 2016 at 9:12 am:"}, false},      // nothing but the header
		{[]string{"Anna says:", "I moved here in 2016 and love it."}, false}, // a vox-pop
		{[]string{"Anna, 34, says:", "I moved here in 2016.", "More."}, false},
		{[]string{"Rob Malda wrote:", "Take my address off your page."}, false},
		{[]string{"On 6 December 2016 at 09:12, Rob wrote:", "Take it off."}, false},
		{[]string{"Am 06.12.2016 um 09:12 schrieb Rob:", "Bitte löschen."}, false},
		{[]string{"The mayor said on Tuesday, 6 December 2016, that the bridge would close.", "More."}, false},
		{[]string{"Anna said the bridge had been unsafe for years, long before 2016 and the report that followed it.", "More."}, false},
	}
	for _, c := range cases {
		if got := isCommentHeader(c.lines); got != c.want {
			t.Errorf("isCommentHeader(%q) = %v, want %v", c.lines, got, c.want)
		}
	}
}
