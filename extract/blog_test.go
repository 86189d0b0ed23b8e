package extract

import (
	"net/url"
	"strings"
	"testing"
)

// blogStrings are what a blog engine prints around a post in one
// language: the share and like boxes, related posts, the post's meta line,
// the post navigation, the comment thread's title and reply links, the
// comment form's title and note, and the sidebar's widget titles.
type blogStrings struct {
	lang, share, like, loading, related, meta, postNav, prev, next  string
	thread, reply, formTitle, formNote, recent, categories, archive string
	poweredBy                                                       string
	story                                                           []string
	comments                                                        []string
}

var blogLanguages = []blogStrings{
	{
		lang: "de", share: "Teilen mit:", like: "Gefällt mir:", loading: "Gefällt mir Wird geladen …",
		related: "Ähnliche Beiträge", meta: `Dieser Eintrag wurde veröffentlicht in <a href="/kategorie/garten">Garten</a> und verschlagwortet mit <a href="/tag/rosen">Rosen</a>.`,
		postNav: "Beitrags-Navigation", prev: "Vorheriger Beitrag", next: "Nächster Beitrag",
		thread: "2 Gedanken zu „Rosen aus Stecklingen ziehen“", reply: "Antworten",
		formTitle: "Schreibe einen Kommentar", formNote: "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
		recent: "Neueste Beiträge", categories: "Kategorien", archive: "Archiv", poweredBy: "Stolz präsentiert von WordPress",
		story: []string{
			"Dieses Jahr habe ich zum ersten Mal Rosen aus Stecklingen gezogen, und ich war selbst überrascht, wie einfach es am Ende war, wenn man ein paar Dinge beachtet.",
			"Im Spätsommer habe ich von den kräftigsten Trieben etwa zwanzig Zentimeter lange Stücke geschnitten, die unteren Blätter entfernt und sie in eine Mischung aus Sand und Erde gesteckt.",
			"Wichtig ist, dass die Erde nie ganz austrocknet, aber auch nicht nass ist. Ich habe die Töpfe mit einer Plastiktüte abgedeckt und an einen hellen Platz ohne direkte Sonne gestellt.",
			"Nach ungefähr sechs Wochen zeigten sich die ersten neuen Blätter, und jetzt im Dezember stehen acht kleine Rosen im kühlen Treppenhaus und warten auf das Frühjahr.",
		},
		comments: []string{
			"Danke für die Anleitung! Ich werde es im nächsten Sommer auch versuchen, bei mir hat es bisher nie geklappt.",
			"Bei mir funktioniert es auch mit einem Glas statt der Tüte sehr gut, die Luftfeuchtigkeit bleibt schön hoch.",
		},
	},
	{
		lang: "en", share: "Share this:", like: "Like this:", loading: "Like Loading…",
		related: "Related", meta: `This entry was posted in <a href="/category/garden">Garden</a> and tagged <a href="/tag/roses">roses</a>.`,
		postNav: "Post navigation", prev: "Previous Post", next: "Next Post",
		thread: "2 thoughts on “Growing roses from cuttings”", reply: "Reply",
		formTitle: "Leave a Reply", formNote: "Your email address will not be published. Required fields are marked *",
		recent: "Recent Posts", categories: "Categories", archive: "Archives", poweredBy: "Proudly powered by WordPress",
		story: []string{
			"This year I grew roses from cuttings for the first time, and I was surprised how easy it turned out to be once you keep a few things in mind.",
			"In late summer I cut pieces about twenty centimetres long from the strongest shoots, took off the lower leaves and pushed them into a mix of sand and soil.",
			"What matters is that the soil never dries out completely but is never wet either. I covered the pots with a plastic bag and put them somewhere bright, out of direct sun.",
			"After about six weeks the first new leaves appeared, and now in December eight small roses stand in the cool stairwell, waiting for spring.",
		},
		comments: []string{
			"Thanks for the guide! I will try it next summer too, it has never worked for me so far.",
			"For me it also works very well with a glass jar instead of the bag, the air stays nice and humid.",
		},
	},
	{
		lang: "fr", share: "Partager :", like: "J’aime :", loading: "J’aime chargement…",
		related: "Articles similaires", meta: `Cette entrée a été publiée dans <a href="/categorie/jardin">Jardin</a>, avec comme mot(s)-clef(s) <a href="/etiquette/roses">roses</a>.`,
		postNav: "Navigation des articles", prev: "Article précédent", next: "Article suivant",
		thread: "2 réflexions sur « Bouturer des rosiers »", reply: "Répondre",
		formTitle: "Laisser un commentaire", formNote: "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
		recent: "Articles récents", categories: "Catégories", archive: "Archives", poweredBy: "Fièrement propulsé par WordPress",
		story: []string{
			"Cette année, j’ai bouturé des rosiers pour la première fois, et j’ai été surprise de voir à quel point c’était simple une fois qu’on respecte quelques règles.",
			"À la fin de l’été, j’ai coupé sur les tiges les plus vigoureuses des morceaux d’une vingtaine de centimètres, retiré les feuilles du bas et planté le tout dans un mélange de sable et de terre.",
			"L’essentiel est que la terre ne sèche jamais complètement sans être détrempée. J’ai couvert les pots d’un sac en plastique et je les ai posés dans un endroit lumineux, à l’abri du soleil direct.",
			"Au bout de six semaines environ, les premières feuilles sont apparues, et en ce mois de décembre huit petits rosiers attendent le printemps dans la cage d’escalier.",
		},
		comments: []string{
			"Merci pour ces conseils ! Je vais essayer l’été prochain, jusqu’ici cela n’a jamais marché chez moi.",
			"Chez moi, cela marche très bien aussi avec un bocal en verre à la place du sac, l’air reste bien humide.",
		},
	},
}

// TestBlogPostChrome builds a blog post as a blog engine prints it, in
// German and English, in three layouts without class names: the share,
// like and related boxes and the meta line under the post, the post
// navigation, a comment thread of two comments, the comment form and a
// sidebar. The post must come out whole and none of the rest.
func TestBlogPostChrome(t *testing.T) {
	for _, l := range blogLanguages {
		title := l.thread[strings.IndexAny(l.thread, "“„«")+3:] // after the opening quote
		share := `<div><h3>` + l.share + `</h3><ul><li><a href="https://twitter.com/share">Twitter</a></li><li><a href="https://facebook.com/sharer">Facebook</a></li></ul></div><div><h3>` + l.like + `</h3><p>` + l.loading + `</p></div>`
		related := `<div><h3>` + l.related + `</h3><ul><li><a href="/2016/05/tomatoes">Tomaten / Tomatoes</a><br>05/2016</li><li><a href="/2016/03/bed">Beet / Bed</a><br>03/2016</li></ul></div>`
		meta := `<p>` + l.meta + `</p>`
		nav := `<nav><h2>` + l.postNav + `</h2><a href="/2016/11/autumn">` + l.prev + `</a> <a href="/2016/12/winter">` + l.next + `</a></nav>`
		comments := `<div><h2>` + l.thread + `</h2><ol>`
		for i, c := range l.comments {
			comments += `<li><div><b>Maria</b> <a href="#c` + string(rune('1'+i)) + `">07.12.2016 09:12</a></div><p>` + c + `</p><a href="?replytocom=` + string(rune('1'+i)) + `">` + l.reply + `</a></li>`
		}
		comments += `</ol></div><div><h3>` + l.formTitle + `</h3><form><p>` + l.formNote + `</p><p><label>Name *</label><input></p><p><input type="submit"></p></form></div>`
		sidebar := `<div><h2>` + l.recent + `</h2><ul><li><a href="/a">Winter</a></li><li><a href="/b">Autumn</a></li></ul><h2>` + l.categories + `</h2><ul><li><a href="/k/garden">Garden</a></li></ul><h2>` + l.archive + `</h2><ul><li><a href="/2016/12">12/2016</a></li></ul></div>`
		head := `<h1>` + title + `</h1><p>06.12.2016</p>`
		layouts := map[string]string{
			"semantic": `<div><main><article>` + head + `<div>` + paragraphsHTML(l.story) + share + related + `</div><footer>` + meta + `</footer></article>` + nav + comments + `</main><aside>` + sidebar + `</aside></div>`,
			"bare":     `<div><div><div>` + head + `<div>` + paragraphsHTML(l.story) + share + related + `</div><div>` + meta + `</div></div>` + nav + comments + `</div><div>` + sidebar + `</div></div>`,
			"flat":     `<div><div>` + head + paragraphsHTML(l.story) + share + related + meta + nav + comments + `</div>` + sidebar + `</div>`,
		}
		chrome := []string{l.share, l.like, l.loading, l.related + "<", strings.TrimSpace(l.meta[:strings.Index(l.meta, "<")]), l.postNav, l.prev, l.thread, l.reply + "\n", l.formTitle, l.formNote, l.recent, l.categories, l.poweredBy, "Tomatoes", "Maria"}
		chrome = append(chrome, l.comments...)
		for name, body := range layouts {
			t.Run(l.lang+"/"+name, func(t *testing.T) {
				page := `<html lang="` + l.lang + `"><body><header><a href="/">Garden notes</a></header>` + body + `<footer><p>` + l.poweredBy + `</p></footer></body></html>`
				u, _ := url.Parse("https://garden.example/2016/12/06/roses/")
				a, err := Extract(strings.NewReader(page), u, nil)
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range l.story {
					if !strings.Contains(a.Text, p) {
						t.Errorf("paragraph lost: %.60q", p)
					}
				}
				for _, c := range chrome {
					if strings.HasSuffix(c, "<") {
						if strings.Contains(a.HTML, ">"+c) {
							t.Errorf("chrome kept: %q", strings.TrimSuffix(c, "<"))
						}
					} else if strings.Contains(a.Text+"\n", c) {
						t.Errorf("chrome kept: %q", c)
					}
				}
			})
		}
	}
}
