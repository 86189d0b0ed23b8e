package extract

import (
	"strings"
	"testing"
)

// TestGermanNewsPage builds a German local news story with the chrome such
// a page carries (breadcrumb, byline, date line, photo credit, an inline
// "Lesen Sie auch" teaser, an ad label, share links, a "Mehr zum Thema"
// box, readers' comments, a newsletter sign-up) in three layouts without
// class names. Every paragraph must come out and none of the chrome.
func TestGermanNewsPage(t *testing.T) {
	story := []string{
		"Der Stadtrat hat am Dienstag beschlossen, die alte Brücke ab dem nächsten Frühjahr für Autos zu sperren, nachdem Ingenieure festgestellt hatten, dass der Stahlrahmen schneller rostet als erwartet.",
		"Busse und Fahrräder dürfen die Brücke weiterhin nutzen, und die Stadt verspricht, dass flussabwärts innerhalb von drei Jahren eine neue Querung entsteht, bezahlt aus dem Regionalfonds.",
		"Die Geschäftsleute am Ostufer fürchten, Kundschaft zu verlieren, und eine Petition gegen die Sperrung hat in einer Woche mehr als viertausend Unterschriften gesammelt.",
		"Der Bürgermeister sagte, die Entscheidung sei schwer gewesen, aber die Sicherheit gehe vor, und versprach kostenloses Parken nahe der Brücke für die ersten sechs Monate.",
		"Die Opposition kündigte an, die Pläne im Ausschuss noch einmal prüfen zu lassen, und verlangte ein unabhängiges Gutachten über den Zustand der übrigen Brücken der Stadt.",
	}
	chrome := []string{
		`<div><a href="/">Startseite</a> › <a href="/lokales">Lokales</a> › <a href="/lokales/stadt">Stadt</a></div>`,
		`<p>Von Anna Muster</p>`,
		`<p>06.12.2016, 14:30 Uhr</p>`,
		`<figure><img src="/b.jpg"><figcaption>Die alte Brücke. Foto: dpa/Michael Kappeler</figcaption></figure>`,
		`<p><strong>Lesen Sie auch:</strong> <a href="/x">Neue Radwege am Fluss sollen bis zum Sommer fertig werden</a></p>`,
		`<div><span>Anzeige</span></div>`,
		`<div><p>Artikel teilen:</p><a href="https://facebook.com/x">Facebook</a> <a href="https://twitter.com/x">Twitter</a> <a href="mailto:x">E-Mail</a></div>`,
		`<div><h3>Mehr zum Thema</h3><ul><li><a href="/a">Regionalfonds: Wohin das Geld fließt</a></li><li><a href="/b">Innenstadt: Händler klagen über Mieten</a></li></ul></div>`,
		`<div><h3>Kommentare (3)</h3><div><p><b>Klaus M.</b> schrieb am 06.12.2016: Das hätte man schon vor zehn Jahren machen müssen, jetzt zahlen wieder die Anwohner.</p></div><div><p><b>Petra</b> schrieb: Endlich, die Brücke ist seit Jahren eine Gefahr für alle.</p></div></div>`,
		`<p><a href="/">Zur Startseite</a></p>`,
		`<div><p>Newsletter abonnieren: Die wichtigsten Nachrichten aus der Stadt jeden Morgen in Ihrem Postfach. Mit der Anmeldung stimmen Sie unseren Datenschutzbestimmungen zu.</p></div>`,
	}
	leaks := []string{"Startseite", "Anna Muster", "14:30", "Lesen Sie auch", "Anzeige", "teilen", "Facebook", "Mehr zum Thema", "Regionalfonds: Wohin", "Kommentare", "Klaus M.", "Petra", "Newsletter", "dpa"}
	layouts := map[string]func() string{
		"flat": func() string {
			return `<div>` + chrome[0] + `<h1>Alte Brücke wird für Autos gesperrt</h1>` + chrome[1] + chrome[2] + chrome[3] +
				paragraphsHTML(story[:2]) + chrome[4] + chrome[5] + paragraphsHTML(story[2:]) + chrome[6] + chrome[7] + chrome[8] + chrome[9] + chrome[10] + `</div>`
		},
		"article": func() string {
			return chrome[0] + `<article><header><h1>Alte Brücke wird für Autos gesperrt</h1>` + chrome[1] + chrome[2] + `</header>` + chrome[3] +
				`<div>` + paragraphsHTML(story[:2]) + chrome[4] + chrome[5] + paragraphsHTML(story[2:]) + `</div>` + chrome[6] + `</article>` + chrome[7] + chrome[8] + chrome[9] + chrome[10]
		},
		"nested": func() string {
			return `<div><div>` + chrome[0] + `</div><div><div><h1>Alte Brücke wird für Autos gesperrt</h1><div>` + chrome[1] + chrome[2] + `</div></div><div>` + chrome[3] +
				`<div><div>` + paragraphsHTML(story[:2]) + `</div>` + chrome[4] + `<div>` + chrome[5] + `</div><div>` + paragraphsHTML(story[2:]) + `</div></div>` + chrome[6] + `<div>` + chrome[7] + `</div><div>` + chrome[8] + `</div>` + chrome[9] + `</div>` + chrome[10] + `</div></div>`
		},
	}
	for name, l := range layouts {
		page := `<html lang="de"><body><nav><a href="/">Home</a> <a href="/politik">Politik</a> <a href="/sport">Sport</a></nav>` + l() + `<footer><p>© 2016 Stadtzeitung. Alle Rechte vorbehalten.</p><a href="/impressum">Impressum</a> <a href="/datenschutz">Datenschutz</a></footer></body></html>`
		got := extractText(t, []byte(page), "https://www.stadtzeitung.de/lokales/stadt/bruecke-gesperrt-123.html")
		miss := 0
		for _, p := range story {
			if !strings.Contains(got, p) {
				miss++
			}
		}
		var leaked []string
		for _, l := range leaks {
			if strings.Contains(got, l) {
				leaked = append(leaked, l)
			}
		}
		if miss > 0 || len(leaked) > 0 {
			t.Errorf("%s: %d paragraphs missing, chrome kept %q:\n%s", name, miss, leaked, got)
		}
	}
}
