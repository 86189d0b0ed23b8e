package extract

import (
	"strings"
	"testing"
)

// chromeLanguage is one language's story and the chrome a news page in it
// puts under the story: short lines (share, read also, rights, the
// editor), then a list of related stories, tags and readers' comments,
// each under its title.
type chromeLanguage struct {
	lang                       string
	story                      []string
	relatedT, commentsT, tagsT string
	related, comments, tags    []string
	lines                      []string // short lines of chrome: share, read more, rights
}

var chromeLanguages = []chromeLanguage{
	{"de", []string{
		"Der Stadtrat hat am Dienstag beschlossen, die alte Brücke ab dem nächsten Frühjahr für Autos zu sperren, nachdem Ingenieure festgestellt hatten, dass der Stahlrahmen schneller rostet als erwartet.",
		"Busse und Fahrräder dürfen die Brücke weiterhin nutzen, und die Stadt verspricht, dass flussabwärts innerhalb von drei Jahren eine neue Querung entsteht, bezahlt aus dem Regionalfonds.",
		"Die Geschäftsleute am Ostufer fürchten, Kundschaft zu verlieren, und eine Petition gegen die Sperrung hat in einer Woche mehr als viertausend Unterschriften gesammelt.",
		"Der Bürgermeister sagte, die Entscheidung sei schwer gewesen, aber die Sicherheit gehe vor, und versprach kostenloses Parken nahe der Brücke für die ersten sechs Monate.",
	}, "Das könnte Sie auch interessieren", "Kommentare", "Schlagwörter",
		[]string{"Neue Radwege am Fluss sollen bis zum Sommer fertig werden", "Regionalfonds: Wohin das Geld im nächsten Jahr fließt", "Innenstadt: Händler klagen über leere Straßen und hohe Mieten"},
		[]string{"Klaus M.: Das hätte man schon vor zehn Jahren machen müssen, jetzt zahlen wieder die Anwohner die Rechnung dafür.", "Petra: Endlich, die Brücke ist seit Jahren eine Gefahr für alle, die darüber fahren müssen.", "Anonym: Und wer bezahlt die Parkplätze? Am Ende wieder wir Steuerzahler in dieser Stadt."},
		[]string{"Verkehr", "Stadtrat", "Brücke", "Innenstadt"}, []string{"Artikel teilen: Facebook Twitter", "Lesen Sie auch: Neue Radwege am Fluss", "Alle Rechte vorbehalten."}},
	{"fr", []string{
		"Le conseil municipal a voté mardi la fermeture du vieux pont aux voitures à partir du printemps prochain, après que des ingénieurs ont constaté que sa structure d'acier rouillait plus vite que prévu.",
		"Les bus et les vélos pourront toujours traverser, et la ville promet qu'un nouveau passage en aval ouvrira d'ici trois ans, financé par le fonds régional.",
		"Les commerçants de la rive est craignent de perdre des clients, et une pétition contre la fermeture a recueilli plus de quatre mille signatures en une semaine.",
		"Le maire a déclaré que la décision avait été difficile mais que la sécurité passait avant tout, et a promis un stationnement gratuit près du pont pendant six mois.",
	}, "À lire aussi", "Commentaires", "Mots-clés",
		[]string{"De nouvelles pistes cyclables le long du fleuve d'ici l'été", "Fonds régional : où ira l'argent l'an prochain", "Centre-ville : les commerçants se plaignent des loyers"},
		[]string{"Jean-Pierre : Il fallait le faire il y a dix ans, et ce sont encore les habitants qui paient la facture.", "Marie : Enfin, ce pont est dangereux depuis des années pour tous ceux qui le traversent.", "Anonyme : Et qui paie le stationnement gratuit ? Encore nous, les contribuables de cette ville."},
		[]string{"Transports", "Conseil municipal", "Pont", "Centre-ville"}, []string{"Partager : Facebook Twitter", "Lire aussi : De nouvelles pistes cyclables", "Tous droits réservés."}},
	{"es", []string{
		"El ayuntamiento votó el martes cerrar el viejo puente a los coches a partir de la próxima primavera, después de que los ingenieros descubrieran que su estructura de acero se oxidaba más rápido de lo previsto.",
		"Los autobuses y las bicicletas podrán seguir cruzando, y la ciudad promete que un nuevo paso río abajo abrirá en tres años, financiado por el fondo regional.",
		"Los comerciantes de la orilla este temen perder clientes, y una petición contra el cierre ha reunido más de cuatro mil firmas en una semana.",
		"El alcalde dijo que la decisión fue difícil pero que la seguridad es lo primero, y prometió aparcamiento gratuito cerca del puente durante los primeros seis meses.",
	}, "Noticias relacionadas", "Comentarios", "Etiquetas",
		[]string{"Nuevos carriles bici junto al río estarán listos en verano", "Fondo regional: adónde irá el dinero el próximo año", "Centro: los comerciantes se quejan de los alquileres"},
		[]string{"Manuel: Esto se debió hacer hace diez años, y ahora pagan otra vez los vecinos la factura.", "Lucía: Por fin, el puente lleva años siendo un peligro para todos los que lo cruzan.", "Anónimo: ¿Y quién paga el aparcamiento gratis? Al final, nosotros, los contribuyentes de la ciudad."},
		[]string{"Tráfico", "Ayuntamiento", "Puente", "Centro"}, []string{"Compartir en Facebook y Twitter", "Lee también: Nuevos carriles bici", "Todos los derechos reservados."}},
	{"ru", []string{
		"Городской совет во вторник проголосовал за закрытие старого моста для автомобилей со следующей весны, после того как инженеры обнаружили, что его стальная конструкция ржавеет быстрее, чем ожидалось.",
		"Автобусы и велосипеды по-прежнему смогут проезжать по мосту, а город обещает, что новый переход ниже по течению откроется в течение трёх лет за счёт регионального фонда.",
		"Владельцы магазинов на восточном берегу опасаются потерять покупателей, и петиция против закрытия за неделю собрала более четырёх тысяч подписей.",
		"Мэр заявил, что решение было трудным, но безопасность важнее, и пообещал бесплатную парковку возле моста в течение первых шести месяцев.",
	}, "Читайте также", "Комментарии", "Теги",
		[]string{"Новые велодорожки вдоль реки будут готовы к лету", "Региональный фонд: куда пойдут деньги в следующем году", "Центр города: торговцы жалуются на высокую аренду"},
		[]string{"Сергей: Это надо было сделать ещё десять лет назад, а платить опять будут жители города.", "Анна: Наконец-то, мост уже много лет опасен для всех, кто по нему ездит каждый день.", "Аноним: А кто заплатит за бесплатную парковку? В итоге опять мы, налогоплательщики этого города."},
		[]string{"Транспорт", "Городской совет", "Мост", "Центр"}, []string{"Поделиться: ВКонтакте Telegram", "Читайте также: Новые велодорожки", "Все права защищены."}},
	{"zh", []string{
		"市议会周二投票决定，从明年春天起禁止汽车通过这座老桥，此前工程师发现桥的钢结构生锈速度比预期更快，存在安全隐患。",
		"公交车和自行车仍可通行，市政府承诺将在三年内于下游建成一座新桥，资金来自地区发展基金，工程将于明年年初开工。",
		"东岸的商户担心会失去顾客，一份反对封桥的请愿书在一周内已经征集到四千多个签名，商户们希望政府重新考虑这一决定。",
		"市长表示，这一决定很艰难，但安全必须放在首位，并承诺在封桥后的前六个月内在桥附近提供免费停车位，以减少对商户的影响。",
	}, "相关文章", "评论", "标签",
		[]string{"沿河新建自行车道将于今年夏天完工", "地区基金：明年的钱将用在哪里", "市中心商户抱怨租金过高生意难做"},
		[]string{"老王：这件事十年前就应该做了，现在又要让居民来买单，真是让人生气。", "小李：终于封桥了，这座桥多年来对每个过桥的人都是危险，早该修了。", "匿名网友：免费停车谁来出钱？最后还不是我们这些纳税人来承担这笔费用。"},
		[]string{"交通", "市议会", "桥梁", "市中心"}, []string{"分享到：微信 微博", "阅读更多：沿河新建自行车道", "版权所有，未经授权不得转载。"}},
}

// TestChromeInOtherLanguages puts the chrome boxes of a news page (related
// stories, tags, comments, each under its title in the page's language)
// inside the story's own wrapper, or after it, in markup without class
// names. Every paragraph must come out, and no box title or comment.
func TestChromeInOtherLanguages(t *testing.T) {
	for _, l := range chromeLanguages {
		for _, layout := range []string{"inside", "after"} {
			t.Run(l.lang+"/"+layout, func(t *testing.T) {
				var boxes strings.Builder
				boxes.WriteString(`<div><h3>` + l.relatedT + `</h3><ul>`)
				for i, r := range l.related {
					boxes.WriteString(`<li><a href="/news/` + string(rune('a'+i)) + `">` + r + `</a></li>`)
				}
				boxes.WriteString(`</ul></div><div><h3>` + l.tagsT + `</h3>`)
				for _, r := range l.tags {
					boxes.WriteString(`<a href="/tag/x">` + r + `</a> `)
				}
				boxes.WriteString(`</div><div><h3>` + l.commentsT + `</h3>`)
				for _, c := range l.comments {
					boxes.WriteString(`<div><p>` + c + `</p></div>`)
				}
				boxes.WriteString(`</div>`)
				lines := paragraphsHTML(l.lines)
				var b strings.Builder
				b.WriteString(`<html lang="` + l.lang + `"><body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header><div><div>`)
				b.WriteString(`<h1>` + l.related[0] + `</h1><div>` + paragraphsHTML(l.story))
				b.WriteString(lines)
				if layout == "inside" {
					b.WriteString(boxes.String())
				}
				b.WriteString(`</div>`)
				if layout == "after" {
					b.WriteString(boxes.String())
				}
				b.WriteString(`</div></div><footer><p>© 2026</p></footer></body></html>`)
				got := extractText(t, []byte(b.String()), "https://example.com/news/bridge")
				for _, p := range l.story {
					if !strings.Contains(got, p) {
						t.Errorf("paragraph lost: %.60q", p)
					}
				}
				for _, c := range append(append([]string{l.relatedT, l.commentsT, l.tagsT}, l.comments...), l.lines...) {
					if strings.Contains(got, c) {
						t.Errorf("chrome kept: %q", c)
					}
				}
			})
		}
	}
}
