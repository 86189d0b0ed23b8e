package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/refeed/refeed/extract/evaluate"
)

// TestServiceNoticesAtTheEdges checks that a notice in which the site
// speaks about itself — cookies, a licence, signing in — is trimmed from
// either edge of a story on a page without class names, in English and
// Arabic, and that a story that mentions such words in passing keeps
// every paragraph.
func TestServiceNoticesAtTheEdges(t *testing.T) {
	english := []string{
		"The city council voted on Tuesday to close the old bridge to cars from next spring, after engineers found that its steel frame had rusted faster than expected.",
		"Buses and bicycles will still be allowed across, and the council says a new crossing downstream will open within three years, paid for by the regional fund.",
		"Shopkeepers on the east bank fear they will lose customers, and a petition against the closure has gathered more than four thousand signatures in a week.",
		"The mayor said the decision was hard but that safety had to come first, and promised free parking near the bridge for the first six months of the closure.",
	}
	arabic := []string{
		"صوّت مجلس المدينة يوم الثلاثاء على إغلاق الجسر القديم أمام السيارات ابتداءً من الربيع المقبل، بعد أن وجد المهندسون أن هيكله الحديدي قد تآكل أسرع مما كان متوقعاً.",
		"وسيبقى العبور مسموحاً للحافلات والدراجات، ويقول المجلس إن جسراً جديداً سيفتتح خلال ثلاث سنوات بتمويل من صندوق الإقليم، على بعد كيلومترين من الجسر القديم.",
		"ويخشى أصحاب المحال على الضفة الشرقية أن يخسروا زبائنهم، وقد جمعت عريضة ضد الإغلاق أكثر من أربعة آلاف توقيع خلال أسبوع واحد فقط من إطلاقها.",
	}
	notices := []struct {
		name, lang, html string
		story            []string
	}{
		{"cookies", "en", `<div><p>We use cookies and similar technologies to recognise your repeat visits and preferences, to measure campaigns and to show you personalised content. By clicking accept, you consent to the use of cookies as set out in our privacy policy, which explains how to withdraw your consent.</p></div>`, english},
		{"licence", "en", `<div><p>This article is published under a Creative Commons Attribution licence, which permits use, sharing and reproduction in any medium, provided the original author and source are credited. Other material may need permission from the copyright holder.</p></div>`, english},
		{"sign in", "en", `<div><h3>Sign in or create an account</h3><p>Create a free account to keep reading and to get our newsletter. Already a subscriber? Sign in with your email address and password.</p></div>`, english},
		{"paywall", "en", `<div><h3>Read this article now</h3><p>Subscribe today to get unlimited access to all our stories, the daily e-paper and our archive, for less than the price of a coffee a week. Cancel at any time; your first month is free.</p></div>`, english},
		{"appeal", "en", `<div><h3>About the Courier</h3><p>The Courier is a reader-funded newspaper. Our journalists report on the city without fear or favour, and we rely on readers like you: please consider a monthly contribution, or subscribing to the printed paper.</p></div>`, english},
		{"cookies", "ru", `<div><p>Мы используем файлы cookie, чтобы сайт работал лучше и показывал рекламу по вашим интересам. Продолжая пользоваться сайтом, вы даёте согласие на обработку данных в соответствии с политикой конфиденциальности. Все права защищены.</p></div>`, chromeLanguages[3].story},
		{"sign in", "ru", `<div><h3>Войдите или зарегистрируйтесь</h3><p>Чтобы читать дальше, войти в личный кабинет и получать рассылку, оформите подписку: первый месяц бесплатно, отменить подписку можно в любой момент.</p></div>`, chromeLanguages[3].story},
		{"cookies", "zh", `<div><p>我们使用cookie和类似技术来记住您的偏好、衡量广告效果并为您提供个性化的内容。继续浏览本网站，即表示您同意我们按照隐私政策和用户协议使用cookie，您可以随时在设置中更改选择。登录或注册会员后，您还可以订阅我们的每日新闻，并在所有设备上同步您的阅读记录。</p></div>`, chromeLanguages[4].story},
		{"subscription", "ar", `<div><p>اشترك في النشره البريدية لتصلك أهم الأخبار كل صباح، أو أنشئ حساباً مجانياً عبر تسجيل الدخول بالبريد الإلكتروني. جميع الحقوق محفوظة للصحيفة، ولا يجوز النقل دون إذن، مع الحفاظ على الخصوصية وعدم مشاركة البيانات مع أي جهة.</p></div>`, arabic},
	}
	for _, n := range notices {
		for _, where := range []string{"after", "before"} {
			t.Run(n.name+" "+where, func(t *testing.T) {
				var b strings.Builder
				b.WriteString(`<html lang="` + n.lang + `"><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><div><div>`)
				if where == "before" {
					b.WriteString(n.html)
				}
				b.WriteString(`<div><h1>Bridge</h1>`)
				b.WriteString(paragraphsHTML(n.story))
				b.WriteString(`</div>`)
				if where == "after" {
					b.WriteString(n.html)
				}
				b.WriteString(`</div></div><footer>©</footer></body></html>`)
				got := extractText(t, []byte(b.String()), "https://example.com/news/bridge")
				for i, p := range n.story {
					if !strings.Contains(got, p) {
						t.Errorf("story paragraph %d missing from:\n%s", i, got)
					}
				}
				notice := htmlText(t, []byte(n.html))
				if r := []rune(strings.TrimSpace(notice)); strings.Contains(got, string(r[len(r)-20:])) {
					t.Errorf("the notice is in the article:\n%s", got)
				}
				if _, rest, ok := strings.Cut(n.html, "<h3>"); ok {
					if title, _, _ := strings.Cut(rest, "</h3>"); strings.Contains(got, title) {
						t.Errorf("the notice's title %q is in the article:\n%s", title, got)
					}
				}
			})
		}
	}

	// A story about privacy rules may use the words; its paragraphs are
	// long prose in the body of the article, not at an edge by themselves.
	story := []string{
		"The regulator fined the company for setting cookies before users gave their consent, and ordered it to change the banner that asked for it within a month.",
		"Its privacy policy, the ruling says, hid the choice to refuse behind two further pages, while the button to accept took a single click on the first screen.",
		"The company said it would appeal, arguing that the advertising partners it works with had set the cookies, and that it had no say over how they did so.",
	}
	var b strings.Builder
	b.WriteString(`<html><body><nav><a href="/">Home</a></nav><article><h1>Fine over cookie banner</h1>`)
	b.WriteString(paragraphsHTML(story))
	b.WriteString(`</article></body></html>`)
	got := extractText(t, []byte(b.String()), "https://example.com/news/fine")
	for i, p := range story {
		if !strings.Contains(got, p) {
			t.Errorf("a story about cookies lost paragraph %d:\n%s", i, got)
		}
	}
}

// TestAuthorBioUnderItsTitle checks that an author's bio under its title
// is trimmed at either edge of the story, however long, while a story
// section that only starts like a bio keeps its text.
func TestAuthorBioUnderItsTitle(t *testing.T) {
	story := []string{
		"The city council voted on Tuesday to close the old bridge to cars from next spring, after engineers found that its steel frame had rusted faster than expected.",
		"Buses and bicycles will still be allowed across, and the council says a new crossing downstream will open within three years, paid for by the regional fund.",
		"Shopkeepers on the east bank fear they will lose customers, and a petition against the closure has gathered more than four thousand signatures in a week.",
	}
	bios := []struct {
		lang, html, name, title string
		story                   []string
	}{
		{"en", `<div><img src="/a.jpg"><h4>About the author</h4><p>Jane Smith has covered local government for the Courier since 2009. Before that she worked for the regional radio station, where she presented the morning news, and she has won two national awards for her reporting on housing, transport and the environment. She lives in the old town with her family and two dogs, and in her spare time she runs marathons and writes children's books.</p></div>`, "Jane Smith", "About the author", story},
		{"ru", `<div><img src="/a.jpg"><h4>Об авторе</h4><p>Анна Иванова пишет о городской политике с 2009 года. До этого она работала на региональном радио, где вела утренние новости, и получила две национальные премии за материалы о жилье, транспорте и экологии. Она живёт в старом городе с семьёй и двумя собаками, а в свободное время бегает марафоны и пишет детские книги.</p></div>`, "Анна Иванова", "Об авторе", chromeLanguages[3].story},
	}
	for _, bio := range bios {
		for _, where := range []string{"after", "before"} {
			var b strings.Builder
			b.WriteString(`<html lang="` + bio.lang + `"><body><nav><a href="/">Home</a></nav><div><div>`)
			if where == "before" {
				b.WriteString(bio.html)
			}
			b.WriteString(`<div><h1>Bridge</h1>`)
			b.WriteString(paragraphsHTML(bio.story))
			b.WriteString(`</div>`)
			if where == "after" {
				b.WriteString(bio.html)
			}
			b.WriteString(`</div></div></body></html>`)
			got := extractText(t, []byte(b.String()), "https://example.com/news/bridge")
			for i, p := range bio.story {
				if !strings.Contains(got, p) {
					t.Errorf("%s %s: story paragraph %d missing from:\n%s", bio.lang, where, i, got)
				}
			}
			if strings.Contains(got, bio.name) || strings.Contains(got, bio.title) {
				t.Errorf("%s %s: the bio is in the article:\n%s", bio.lang, where, got)
			}
		}
	}
}

// TestDisclaimerClosingTheStory checks that the site's disclaimer, written
// as the story's last paragraph, is trimmed from it, in English and
// German.
func TestDisclaimerClosingTheStory(t *testing.T) {
	cases := []struct {
		lang, disclaimer string
		story            []string
	}{
		{"en", "Disclaimer: this article is for informational purposes only and is not a substitute for professional advice. The publisher is not responsible for decisions made on the basis of it, and accepts no liability for errors in the figures it quotes.", []string{
			"The city council voted on Tuesday to close the old bridge to cars from next spring, after engineers found that its steel frame had rusted faster than expected.",
			"Buses and bicycles will still be allowed across, and the council says a new crossing downstream will open within three years, paid for by the regional fund.",
			"Shopkeepers on the east bank fear they will lose customers, and a petition against the closure has gathered more than four thousand signatures in a week.",
		}},
		{"de", "Haftungsausschluss: Alle Angaben in diesem Artikel ohne Gewähr. Für die Inhalte verlinkter Seiten übernimmt der Verlag keine Haftung und keine Verantwortung; er ersetzt keine Beratung im Einzelfall.", chromeLanguages[0].story},
	}
	for _, tc := range cases {
		t.Run(tc.lang, func(t *testing.T) {
			page := `<html lang="` + tc.lang + `"><body><nav><a href="/">Home</a></nav><div><div><h1>Bridge</h1>` +
				paragraphsHTML(tc.story) + `<p><em>` + tc.disclaimer + `</em></p></div></div></body></html>`
			got := extractText(t, []byte(page), "https://example.com/news/bridge")
			for i, p := range tc.story {
				if !strings.Contains(got, p) {
					t.Errorf("story paragraph %d missing from:\n%s", i, got)
				}
			}
			if strings.Contains(got, tc.disclaimer[:40]) {
				t.Errorf("the disclaimer is in the article:\n%s", got)
			}
		})
	}

	// A story about a court case ends on the words in passing.
	story := []string{
		"The court ruled on Monday that the builder of the footbridge that fell into the river last spring had ignored the warnings of its own engineers for two years.",
		"Three people were hurt when the bridge gave way, and the families of two of them had sued the builder and the council that paid for the work.",
		"The judge found the builder liable for the collapse, and said the council was not responsible for it; the builder's insurers put their liability at ten million.",
	}
	page := `<html><body><nav><a href="/">Home</a></nav><div><div><h1>Builder liable</h1>` + paragraphsHTML(story) + `</div></div></body></html>`
	got := extractText(t, []byte(page), "https://example.com/news/ruling")
	for i, p := range story {
		if !strings.Contains(got, p) {
			t.Errorf("a story about a court case lost paragraph %d:\n%s", i, got)
		}
	}
}

// TestCallsToActionInOtherLanguages checks that the site's calls to click,
// follow or subscribe that close a story are trimmed in the languages we
// read, as "Click here…" and "Follow us on Twitter" are.
func TestCallsToActionInOtherLanguages(t *testing.T) {
	story := []string{
		"The city council voted on Tuesday to close the old bridge to cars from next spring, after engineers found that its steel frame had rusted faster than expected.",
		"Buses and bicycles will still be allowed across, and the council says a new crossing downstream will open within three years, paid for by the regional fund.",
		"Shopkeepers on the east bank fear they will lose customers, and a petition against the closure has gathered more than four thousand signatures in a week.",
	}
	calls := map[string]string{
		"pt": "Clique na imagem acima e veja como está o ranking dos pilotos nesta temporada.",
		"fr": "Cliquez ici pour recevoir chaque matin les titres de la rédaction.",
		"es": "Síguenos en Twitter y en Facebook para no perderte ninguna noticia.",
		"de": "Folgen Sie uns auf Twitter und Facebook, um keine Meldung zu verpassen.",
		"it": "Iscriviti alla newsletter per ricevere le notizie della settimana.",
		"ru": "Подписывайтесь на наш канал, чтобы первыми узнавать новости.",
	}
	for lang, call := range calls {
		t.Run(lang, func(t *testing.T) {
			page := `<html lang="` + lang + `"><body><div><div><h1>Bridge</h1>` + paragraphsHTML(story) + `<p>` + call + `</p></div></div></body></html>`
			got := extractText(t, []byte(page), "https://example.com/news/bridge")
			for i, p := range story {
				if !strings.Contains(got, p) {
					t.Errorf("story paragraph %d missing from:\n%s", i, got)
				}
			}
			if strings.Contains(got, call[:20]) {
				t.Errorf("the call to action is in the article:\n%s", got)
			}
		})
	}
}

// TestNoticeOutweighingAShortStory checks that a site's disclaimer that
// holds more text than a short story, on a page without class names or
// HTML5 sections, is not taken for the article, while a short story that
// is itself about such matters (TestServiceNoticesAtTheEdges) still is.
func TestNoticeOutweighingAShortStory(t *testing.T) {
	story := []string{
		"The council voted on Tuesday to close the old bridge to traffic from next spring, after engineers found that its steel frame had rusted faster than expected.",
		"Buses and bicycles will still be allowed across, and the council says a new crossing downstream will open within three years.",
	}
	notice := []string{
		"This material is for informational purposes only and is not a substitute for professional advice. Information has been obtained from sources believed to be reliable, but it is not guaranteed as to accuracy and may not reflect our current opinion.",
		"All rights reserved. No reproduction in whole or in part is permitted without the express written consent of the publisher, which accepts no liability for the content of other web sites or for decisions made on the basis of this material.",
		"Products and services referenced are for general information only. Always consult a qualified adviser before buying, and read the maker's instructions before use; the publisher cannot be held liable for their use.",
	}
	page := `<html><body><div><a href="/">Home</a> <a href="/about">About</a></div><div><div><h1>Old bridge to close next spring</h1>` +
		paragraphsHTML(story) + `</div></div><div><div>` + paragraphsHTML(notice) + `</div><div>Copyright 2026</div></div></body></html>`
	got := extractText(t, []byte(page), "https://example.com/news/bridge")
	for i, p := range story {
		if !strings.Contains(got, p) {
			t.Errorf("story paragraph %d missing from:\n%s", i, got)
		}
	}
	if strings.Contains(got, "All rights reserved") {
		t.Errorf("the notice was taken:\n%s", got)
	}
}

// consentDialog is a cookie consent dialog without class names, as a
// consent platform writes it into the page: longer than a short story.
var consentDialog = map[string]string{
	"en": `<div><div><h2>Your privacy choices</h2>` +
		`<p>With your agreement, we and our partners use cookies and similar technologies to store and read information on your device, and we process personal data such as your IP address and the pages you read, to show you personalised advertising and content, to measure their performance and to improve our services.</p>` +
		`<p>You can accept all of this, refuse it, or choose what you allow under the settings. You can withdraw your consent at any time from the link at the foot of every page; our privacy policy and our cookie policy explain what each partner does with your data and how long it keeps it.</p>` +
		`<div><h3>Essential cookies</h3><p>These cookies keep the site working: they remember what you chose in this dialog, keep you signed in and protect the forms you fill in. They cannot be switched off.</p></div>` +
		`<div><h3>Audience measurement</h3><p>These cookies count visits and show us which pages are read most, so that we can improve the site. The figures are aggregated and say nothing about you in person.</p></div>` +
		`<div><h3>Advertising</h3><p>Our advertising partners use these cookies to build a profile of your interests and to show you adverts that match it, here and on other sites, and to limit how often you see each one.</p></div>` +
		`<div><button>Refuse</button><button>Settings</button><button>Accept</button></div></div></div>`,
	"ar": `<div><div><h2>خياراتك بشأن الخصوصية</h2>` +
		`<p>بموافقتك، نستخدم نحن وشركاؤنا ملفات تعريف الارتباط والتقنيات المشابهة لتخزين المعلومات على جهازك وقراءتها، ونعالج بياناتك مثل عنوان جهازك والصفحات التي تقرؤها، لنعرض عليك اعلانات ومحتوى يناسبانك، ولنقيس أداءهما ونحسّن خدماتنا.</p>` +
		`<p>يمكنك قبول ذلك كله أو رفضه أو اختيار ما تسمح به من الإعدادات، ويمكنك سحب موافقتك في أي وقت من الرابط أسفل كل صفحة. وتشرح صفحة الخصوصيه ما يفعله كل شريك ببياناتك ومدة احتفاظه بها.</p>` +
		`<div><h3>ملفات ضرورية</h3><p>تحفظ هذه الملفات عمل الموقع: تتذكر ما اخترته في هذه النافذة، وتبقيك بعد تسجيل الدخول، وتحمي النماذج التي تملؤها. ولا يمكن إيقافها.</p></div>` +
		`<div><h3>قياس الجمهور</h3><p>تعدّ هذه الملفات الزيارات وتبين لنا الصفحات الأكثر قراءة لنحسّن الموقع، والأرقام مجمّعة لا تدل عليك شخصياً.</p></div>` +
		`<div><button>رفض</button><button>الإعدادات</button><button>قبول</button></div></div></div>`,
}

// TestConsentDialogOutweighingAShortStory checks that a cookie consent
// dialog without class names, longer than the short story on its page,
// is not taken for the article nor kept in it, wherever the page puts
// it: at the end of the body, at its start, or in the story's box after
// the story.
func TestConsentDialogOutweighingAShortStory(t *testing.T) {
	stories := map[string][]string{"en": bridgeStory[:2], "ar": bridgeStoryAr[:2]}
	for _, lang := range []string{"en", "ar"} {
		story, dialog := stories[lang], consentDialog[lang]
		pages := map[string]string{
			"end of body":     `<div><a href="/">Home</a> <a href="/news">News</a></div><div><div><h1>Bridge</h1>` + paragraphsHTML(story) + `</div></div><div>© 2026 The Courier</div>` + dialog,
			"start of body":   dialog + `<div><a href="/">Home</a> <a href="/news">News</a></div><div><div><h1>Bridge</h1>` + paragraphsHTML(story) + `</div></div><div>© 2026 The Courier</div>`,
			"after the story": `<div><a href="/">Home</a> <a href="/news">News</a></div><div><div><h1>Bridge</h1>` + paragraphsHTML(story) + dialog + `</div></div><div>© 2026 The Courier</div>`,
		}
		for where, page := range pages {
			t.Run(lang+" "+where, func(t *testing.T) {
				got := extractText(t, []byte(`<html lang="`+lang+`"><body>`+page+`</body></html>`), "https://example.com/news/bridge")
				checkStory(t, got, story, nil)
				for _, p := range strings.Split(htmlText(t, []byte(dialog)), "\n") {
					if p = strings.TrimSpace(p); len(p) > 40 && strings.Contains(got, p) {
						t.Errorf("the dialog's %q is in the article:\n%s", p[:40], got)
					}
				}
			})
		}
	}
}

// TestLongStoryAboutCookiesStays checks that a story about a ruling on
// cookie banners, which uses more of their words than a notice of its
// length needs (though no paragraph is as dense as a notice), is still
// the article when another block of an article's length stands beside
// it: the story holds the page's headline.
func TestLongStoryAboutCookiesStays(t *testing.T) {
	story := []string{
		"The data protection regulator fined the publisher on Monday for setting tracking cookies on readers' devices before they had agreed to them, the largest penalty it has imposed on a news site.",
		"According to the ruling, the banner shown to visitors offered a single button to accept everything, while the choice to refuse was hidden two pages deep in a privacy policy few readers opened.",
		"Investigators found that more than forty partners received personal data about each visit, including the pages read and the device used, which they used to build profiles for personalised advertising.",
		"The publisher said it would appeal. Its lawyers argued that the partners, not the site, had set most of the cookies, and that its own consent tool had been approved by an industry body two years ago.",
		"Privacy campaigners welcomed the decision but said fines alone would not change an industry that depends on tracking. They called for a ban on advertising built on profiles, at least for children.",
		"The regulator has given the publisher three months to redesign its banner so that refusing takes no more effort than accepting, and to delete the data it collected without valid consent since 2022.",
	}
	weather := "Cloudy in the morning with a few showers in the north, turning brighter in the afternoon with long sunny spells. Highs of fourteen degrees on the coast and eleven inland, with a light westerly wind. Tonight will be clear and cold, with a touch of frost in sheltered valleys."
	page := `<html><body><div><a href="/">Home</a> <a href="/news">News</a></div><div><div><h1>Publisher fined over cookie banner</h1>` +
		paragraphsHTML(story) + `</div></div><div><h3>Weather</h3><p>` + weather + `</p></div><div>© 2026 The Courier</div></body></html>`
	got := extractText(t, []byte(page), "https://example.com/news/fine")
	checkStory(t, got, story, nil)
}

// TestConsentDialogBesideAStoryHiddenByClass checks that the long consent
// dialog of the "consent" layout (evaluate.WithConsent), at the end of a
// page whose story sits in a box whose class reads as chrome (a page
// builder's widget), is not taken for the article: the strict pass, which
// sets that box aside, finds only the dialog, and the later passes are
// asked for the story.
func TestConsentDialogBesideAStoryHiddenByClass(t *testing.T) {
	storyAr := append(bridgeStoryAr[:len(bridgeStoryAr):len(bridgeStoryAr)],
		"ويخشى أصحاب المحال على الضفتين أن يخسروا زبائنهم، وقد طلب بعضهم من المجلس تشغيل حافلة مجانية عبر السد ما دام الجسر مغلقاً.")
	for lang, story := range map[string][]string{"en": bridgeStory, "ar": storyAr} {
		t.Run(lang, func(t *testing.T) {
			page := `<html lang="` + lang + `"><body><div><a href="/">Home</a> <a href="/news">News</a></div><div><h1>Bridge</h1><div class="elementor-widget-container">` +
				paragraphsHTML(story) + `</div></div><div>© 2026 The Courier</div></body></html>`
			withDialog := evaluate.WithConsent([]byte(page))
			if len(withDialog) < len(page)+2000 {
				t.Fatalf("the layout added no dialog: %s", withDialog)
			}
			got := extractText(t, withDialog, "https://example.com/news/bridge")
			checkStory(t, got, story, nil)
			if strings.Contains(got, "cookies") || strings.Contains(got, "ملفات تعريف الارتباط") {
				t.Errorf("the dialog is in the article:\n%s", got)
			}
		})
	}
}

// TestLicenceStaysOut checks that the licence a site publishes its
// stories under is not taken for the story or kept in it: the terms of a
// Creative Commons licence in a box at the end of the body, longer than a
// short story (evaluate.WithLicence), and the one line that names the
// licence under a story.
func TestLicenceStaysOut(t *testing.T) {
	// Four paragraphs: evaluate's boxes go under a story that has them.
	stories := map[string][]string{"en": bridgeStory[:4], "ar": append(slices.Clone(bridgeStoryAr),
		"ويأمل أصحاب المحال على الضفة الشرقية أن تعيد المحافظة النظر في قرارها قبل الربيع، بعد أن جمعت عريضة ضد الإغلاق آلاف التواقيع.")}
	lines := map[string]string{
		"en": "This work is licensed under a Creative Commons Attribution 4.0 International License.",
		"ar": "هذا العمل مرخص بموجب رخصة المشاع الإبداعي نسب المصنف 4.0 دولي.",
	}
	for _, lang := range []string{"en", "ar"} {
		story := stories[lang]
		page := `<html lang="` + lang + `"><body><div><a href="/">Home</a> <a href="/news">News</a></div><div><div><h1>Bridge</h1>` +
			paragraphsHTML(story) + `</div></div><div>© 2026 The Courier</div></body></html>`
		t.Run(lang+" box", func(t *testing.T) {
			withBox := evaluate.WithLicence([]byte(page))
			if string(withBox) == page {
				t.Fatal("no licence box added")
			}
			got := extractText(t, withBox, "https://example.com/news/bridge")
			checkStory(t, got, story, nil)
			box := string(withBox)[strings.LastIndex(string(withBox), "<div><div><p>"):]
			for _, p := range strings.Split(htmlText(t, []byte(box)), "\n") {
				if p = strings.TrimSpace(p); len(p) > 40 && strings.Contains(got, p) {
					t.Errorf("the licence's %.40q is in the article:\n%s", p, got)
				}
			}
		})
		t.Run(lang+" line", func(t *testing.T) {
			withLine := strings.Replace(page, `</div></div><div>©`, `<p>`+lines[lang]+`</p></div></div><div>©`, 1)
			got := extractText(t, []byte(withLine), "https://example.com/news/bridge")
			checkStory(t, got, story, nil)
			if strings.Contains(got, lines[lang][:20]) {
				t.Errorf("the licence line is in the article:\n%s", got)
			}
		})
	}
}
