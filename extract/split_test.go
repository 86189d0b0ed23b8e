package extract

import (
	"strings"
	"testing"
)

// TestSplitArticleLayouts checks that a German story split into blocks by
// an inline box, an ad, a video, a newsletter form or a teaser, or nested
// at different depths, comes out whole and without the box. (A lead
// paragraph in a block of its own before the body is not taken: the
// dev corpora's truths disagree on such blocks.)
func TestSplitArticleLayouts(t *testing.T) {
	paras := []string{
		"Die Bundesregierung hat am Mittwoch ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen, das Investitionen in Wind- und Solarkraft erleichtern soll.",
		"Nach Angaben des Wirtschaftsministeriums sollen die Genehmigungsverfahren für neue Anlagen künftig höchstens sechs Monate dauern, statt wie bisher oft mehrere Jahre.",
		"Umweltverbände begrüßten den Schritt, kritisierten aber, dass der Ausbau der Stromnetze weiterhin zu langsam vorankomme und die Ziele so kaum erreichbar seien.",
		"Die Opposition warf der Regierung vor, die Kosten für die Verbraucher nicht ausreichend zu berücksichtigen, und forderte eine Entlastung bei den Strompreisen.",
		"Der Bundestag soll das Gesetz noch vor der Sommerpause beraten, der Bundesrat im Herbst; in Kraft treten könnte es damit zum Beginn des kommenden Jahres.",
		"Experten rechnen damit, dass die Zahl der neuen Windräder sich in den nächsten zwei Jahren verdoppeln könnte, wenn auch die Länder ihre Flächen rechtzeitig ausweisen.",
	}
	p := paragraphsHTML
	box := `<div class="infobox"><h3>Lesen Sie auch</h3><ul><li><a href="/a">Strompreise steigen weiter</a></li><li><a href="/b">Netzausbau stockt</a></li></ul></div>`
	form := `<div><h3>Newsletter</h3><p>Jeden Morgen die wichtigsten Nachrichten.</p><form><input type="email"><button>Anmelden</button></form></div>`
	teaser := `<div><a href="/x"><img src="/x.jpg"></a><div><span>Mehr zum Thema</span><h3><a href="/x">Netzausbau: Warum es so langsam vorangeht</a></h3><p>Seit Jahren hinkt der Ausbau hinterher.</p></div></div>`
	video := `<div><div><video src="/v.mp4"></video></div><p>Video: Windpark in der Nordsee (2:30 Min.)</p></div>`
	cases := []struct{ name, body, chrome string }{
		{"a box between two text blocks", `<article><h1>Gesetz</h1><div class="text">` + p(paras[:3]) + `</div>` + box + `<div class="text">` + p(paras[3:]) + `</div></article>`, "Strompreise steigen"},
		{"a box inside the text block", `<article><h1>Gesetz</h1><div class="text">` + p(paras[:3]) + box + p(paras[3:]) + `</div></article>`, "Strompreise steigen"},
		{"an ad between text blocks", `<article><h1>Gesetz</h1><div class="text">` + p(paras[:3]) + `</div><div class="ad-slot"><span>Anzeige</span></div><div class="text">` + p(paras[3:]) + `</div></article>`, "Anzeige"},
		{"blocks nested apart by a form", `<article><h1>Gesetz</h1><div><div>` + p(paras[:3]) + `</div></div>` + form + `<div><div>` + p(paras[3:]) + `</div></div></article>`, "Jeden Morgen"},
		{"a teaser between blocks", `<article><h1>Gesetz</h1><div>` + p(paras[:2]) + `</div>` + teaser + `<div>` + p(paras[2:]) + `</div></article>`, "Netzausbau: Warum"},
		{"a video between sections", `<article><h1>Gesetz</h1><section>` + p(paras[:3]) + `</section>` + video + `<section>` + p(paras[3:]) + `</section></article>`, ""},
		{"a second part nested deeper", `<div><h1>Gesetz</h1><div>` + p(paras[:3]) + `</div><div><div><div><div>` + p(paras[3:]) + `</div></div></div></div></div>`, ""},
		{"two bare blocks around a figure", `<div><h1>Gesetz</h1><div>` + p(paras[:2]) + `</div><figure><img src="/w.jpg"><figcaption>Windräder. Foto: dpa</figcaption></figure><div>` + p(paras[2:]) + `</div></div>`, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			page := `<html lang="de"><body><header><nav><a href="/">Start</a> <a href="/politik">Politik</a></nav></header><main>` + c.body +
				`</main><aside><h3>Meistgelesen</h3><ul><li><a href="/1">Eins</a></li></ul></aside><footer>Impressum</footer></body></html>`
			got := extractText(t, []byte(page), "https://example.de/politik/gesetz")
			for i, x := range paras {
				if !strings.Contains(got, x) {
					t.Errorf("paragraph %d missing from:\n%s", i, got)
				}
			}
			if c.chrome != "" && strings.Contains(got, c.chrome) {
				t.Errorf("the box %q is in the article:\n%s", c.chrome, got)
			}
		})
	}
}
