package textkit

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// The phrase tables below are written folded (see FoldPhrase): lower
// case, no punctuation, Arabic without marks, ا for the alef forms, ي for
// ى, ه for ة. A test checks that each entry is its own fold.

// BylinePrefixes open bylines: "By Jane Doe", "بقلم: …", "كتب - محمد علي"
// (wrote), "إعداد" (prepared by), "تقرير" (report by), "متابعة" (followed
// by). Each ends with a space, so that "by" does not match "bypass".
var BylinePrefixes = []string{
	"by ", "posted by ", "written by ", "words by ", "reporting by ",
	"بقلم ", "كتب ", "كتبت ", "اعداد ", "تقرير ", "متابعه ",
}

// HasBylinePrefix reports whether folded text opens with a byline prefix.
func HasBylinePrefix(folded string) bool {
	folded += " "
	for _, p := range BylinePrefixes {
		if strings.HasPrefix(folded, p) {
			return true
		}
	}
	return false
}

// OtherStoriesTitles title boxes that rank or relate other stories:
// most read, most viewed, related, read also. They are chrome on an
// article page and on a listing page alike: such a box never lists the
// source's own fresh articles in order.
var OtherStoriesTitles = []string{
	"related", "related articles", "related stories", "related posts", "related news", "related content",
	"most read", "most popular", "most viewed", "most shared", "trending", "read also", "see also",
	"ذات صله", "مواضيع ذات صله", "اخبار ذات صله", "مقالات ذات صله", "اخبار متعلقه", "مواضيع متعلقه",
	"مواضيع مشابهه", "اخبار مشابهه", "اخبار ذات علاقه",
	"الاكثر قراءه", "الاكثر مشاهده", "الاكثر تداولا", "الاكثر قراءه اليوم", "الاكثر شعبيه", "الاكثر تعليقا",
	"اقرا ايضا", "شاهد ايضا", "اقرا كذلك",
	// German, French, Spanish, Portuguese, Italian, Dutch, Turkish, Russian,
	// Polish, Chinese, Japanese, Korean.
	"ähnliche artikel", "verwandte artikel", "das könnte sie auch interessieren", "mehr zum thema",
	"lesen sie auch", "auch interessant", "meistgelesen", "meistgelesene artikel",
	"à lire aussi", "a lire aussi", "lire aussi", "sur le même sujet", "articles similaires", "articles liés",
	"les plus lus", "noticias relacionadas", "artículos relacionados", "te puede interesar",
	"lee también", "lo más leído", "más leídas", "notícias relacionadas", "artigos relacionados",
	"leia também", "mais lidas", "articoli correlati", "leggi anche", "potrebbe interessarti",
	"più letti", "gerelateerde artikelen", "lees ook", "meest gelezen", "ilgili haberler",
	"benzer haberler", "en çok okunanlar", "читайте также", "похожие статьи", "по теме",
	"самое читаемое", "zobacz też", "czytaj także", "podobne artykuły", "najczęściej czytane",
	"ähnliche beiträge", "verwandte beiträge", "entradas relacionadas", "artículos similares",
	"مطالب مرتبط", "اخبار مرتبط", "پربازديدترين", "بيشتر بخوانيد", "متعلقہ خبريں",
	"يہ بھي پڑھيں", "כתבות נוספות", "כתבות קשורות", "הנקראים ביותר",
	"相关文章", "相关阅读", "相关新闻", "延伸阅读", "推荐阅读", "热门文章", "相關文章", "延伸閱讀",
	"関連記事", "関連ニュース", "관련 기사", "관련기사",
}

// BoxTitles are the whole titles of boxes of chrome on an article page,
// in English and Arabic (comments and tags in ten more languages):
// OtherStoriesTitles, and comments, tags, newsletters, latest news and
// suggestions. A block titled by one of
// them is not the article.
var BoxTitles = withTitles(OtherStoriesTitles, map[string]bool{
	"more stories": true, "more news": true, "comments": true, "popular": true,
	"recommended": true, "read next": true, "up next": true,
	"you may also like": true, "you might also like": true,
	"التعليقات": true, "تعليقات": true, "تعليقات القراء": true, "اراء القراء": true,
	"اخر الاخبار": true, "اخترنا لك": true, "قد يعجبك ايضا": true, "قد يهمك": true,
	"مقالات مقترحه": true, "موضوعات مقترحه": true, "اخبار مقترحه": true,
	"تعليقات الفيسبوك": true, "احدث الاخبار": true, "اخبار اخري": true,
	"tags": true, "topics": true, "more from": true, "latest news": true, "newsletter": true,
	"الكلمات المفتاحيه": true, "كلمات مفتاحيه": true, "وسوم": true, "الوسوم": true,
	"مواضيع قد تهمك": true, "المزيد من الاخبار": true,
	"النشره البريديه": true, "تابعونا": true, "تابعنا": true,
	// Comments and tags in German, French, Spanish, Portuguese, Italian,
	// Dutch, Turkish, Russian, Polish, Chinese, Japanese, Korean.
	"kommentare": true, "leserkommentare": true, "commentaires": true, "comentarios": true,
	"comentários": true, "commenti": true, "reacties": true, "yorumlar": true,
	"комментарии": true, "komentarze": true, "评论": true, "網友評論": true, "留言": true,
	"コメント": true, "댓글": true,
	"schlagwörter": true, "schlagworte": true, "stichwörter": true, "mots clés": true,
	"mots clefs": true, "étiquettes": true, "etiquetas": true, "argomenti": true,
	"trefwoorden": true, "etiketler": true, "теги": true, "метки": true, "тэги": true,
	"tagi": true, "标签": true, "標籤": true, "タグ": true, "태그": true,
	"نظرات": true, "برچسب ها": true, "تبصرے": true, "תגובות": true, "תגיות": true,
	// The site's own box about itself, beside or under every story.
	"about us": true, "who we are": true, "من نحن": true, "عن الموقع": true, "über uns": true,
	"à propos": true, "a propos": true, "qui sommes nous": true, "sobre nosotros": true, "quiénes somos": true,
	"sobre nós": true, "quem somos": true, "chi siamo": true, "over ons": true, "o nas": true,
	"hakkımızda": true, "о нас": true, "关于我们": true, "درباره ما": true,
	// The share and like boxes blogs put under a post.
	"share this": true, "like this": true, "teilen mit": true, "gefällt mir": true,
	"partager": true, "j aime": true, "compartir": true, "compartir esto": true, "me gusta": true,
})

// withTitles returns set with the titles added.
func withTitles(titles []string, set map[string]bool) map[string]bool {
	for _, t := range titles {
		set[t] = true
	}
	return set
}

// BoxTitleStarts open box titles that go on with a topic or a name:
// "More from Science", "Related coverage", "الأكثر قراءة هذا الأسبوع".
var BoxTitleStarts = []string{
	"more from ", "more great ", "more stories", "more on ", "more in ",
	"related ", "recommended ", "most read", "most popular", "most viewed", "most shared",
	"you might ", "you may ", "read also", "see also", "المزيد من ", "اخبار ذات",
	"مواضيع ذات", "مقالات ذات", "الاكثر ", "اقرا ايضا", "شاهد ايضا",
	"mehr zum thema", "mehr aus ", "lesen sie auch", "lire aussi", "à lire aussi",
	"leggi anche", "lee también", "leia também", "читайте также", "zobacz też",
	"相关阅读", "延伸阅读", "推荐阅读", "相关新闻", "延伸閱讀", "関連記事", "관련 기사",
	"بيشتر بخوانيد", "يہ بھي پڑھيں", "ilgili haber", "benzer haber", "czytaj także",
}

// IsBoxTitle reports whether folded text, a short heading, titles a box
// of chrome: one of BoxTitles, or a title that opens like one.
func IsBoxTitle(folded string) bool {
	if BoxTitles[folded] {
		return true
	}
	for _, p := range BoxTitleStarts {
		if strings.HasPrefix(folded, p) {
			return true
		}
	}
	return false
}

// ThreadTitleStarts open the title of a blog's comment thread once its
// count is cut off: "2 thoughts on “Roses from cuttings”", "One thought
// on …", "3 Gedanken zu „…“", "2 réflexions sur « … »".
var ThreadTitleStarts = []string{
	"thought on ", "thoughts on ", "response to ", "responses to ", "reply to ", "replies to ",
	"comment on ", "comments on ", "gedanke zu ", "gedanken zu ", "kommentar zu ",
	"kommentare zu ", "antwort auf ", "antworten auf ", "réflexion sur ", "réflexions sur ",
	"commentaire sur ", "commentaires sur ", "réponse à ", "réponses à ", "comentario en ",
	"comentarios en ", "respuesta a ", "respuestas a ", "commento su ", "commenti su ",
	"reactie op ", "reacties op ",
}

// countWords are the counts a thread title opens with in words.
var countWords = map[string]bool{
	"one": true, "ein": true, "einen": true, "une": true, "un": true, "uno": true,
	"una": true, "een": true,
}

// IsThreadTitle reports whether folded text titles a comment thread: a
// count, in digits or as "one", then one of ThreadTitleStarts.
func IsThreadTitle(folded string) bool {
	count, rest, ok := strings.Cut(folded, " ")
	if !ok || !countWords[count] && strings.IndexFunc(count, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return false
	}
	rest += " "
	for _, p := range ThreadTitleStarts {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// UpdateWords mark a date as the time of an update rather than of
// publication ("Updated on", "Last modified", "آخر تحديث", "aktualisiert",
// "Letzte Aktualisierung", "mise à jour", "actualización", "обновлено"),
// matched inside lower-cased, FoldPhrase-folded text.
var UpdateWords = []string{
	"updated", "update", "last modified", "modified on", "revised",
	"aktualisiert", "aktualisierung", "zuletzt geändert", "geändert am", "letzte änderung", "zuletzt bearbeitet",
	"mis a jour", "mis à jour", "mise a jour", "mise à jour", "actualizado", "actualización",
	"atualizado", "atualização", "aggiornato", "aggiornamento", "bijgewerkt", "gewijzigd",
	"aktualizacja", "zaktualizowano", "güncellen", "обновлено", "تحديث", "محدث",
}

// PublishLabels open the sentence in which a blog engine says when the
// post was published ("This entry was posted on Tuesday, December 6th,
// 2016 at 10:00 am and is filed under …", "Dieser Eintrag wurde am 6.
// Dezember 2016 veröffentlicht …", "Cette entrée a été publiée le …"),
// matched inside lower-cased, FoldPhrase-folded text. Bare labels
// ("published on", "veröffentlicht am") are left out: prose uses them of
// other things' days.
var PublishLabels = []string{
	"entry was posted on", "entry was published on", "post was published on", "post was posted on",
	"eintrag wurde am", "beitrag wurde am", "artikel wurde am",
	"entrée a été publiée le", "entrada fue publicada el", "entrada foi publicada em",
	"articolo è stato pubblicato il", "bericht werd geplaatst op", "bericht is geplaatst op",
}

// HasPublishLabel reports whether text holds one of PublishLabels.
func HasPublishLabel(text string) bool {
	folded := FoldPhrase(text)
	for _, w := range PublishLabels {
		if strings.Contains(folded, w) {
			return true
		}
	}
	return false
}

// EventLabels name a day that is not when a page was published: an
// event's ("Termin:", "When:", "Veranstaltungsdatum:"), a deadline's
// ("Anmeldeschluss:", "Deadline:"), or when a page was printed or last
// visited ("Gedruckt am", "Letzter Besuch:"). They are matched as the
// last words of the label before a date, in lower-cased, FoldPhrase-folded
// text.
var EventLabels = []string{
	"termin", "veranstaltung", "veranstaltungsdatum", "datum der veranstaltung", "wann",
	"when", "event date", "date of event", "date of the event", "event",
	"anmeldeschluss", "einsendeschluss", "bewerbungsschluss", "bewerbungsfrist", "deadline", "closing date",
	"gedruckt am", "printed on", "letzter besuch", "last visit", "last login",
	"date de l événement", "fecha del evento",
}

// EndsWithEventLabel reports whether the label before a date ends with
// one of EventLabels: "Termin:" before "24.12.2016" dates an event.
func EndsWithEventLabel(label string) bool {
	folded := FoldPhrase(label)
	for _, w := range EventLabels {
		if folded == w || strings.HasSuffix(folded, " "+w) {
			return true
		}
	}
	return false
}

// IsUpdateNotice reports whether text speaks of an update (see
// UpdateWords).
func IsUpdateNotice(text string) bool {
	folded := FoldPhrase(text)
	for _, w := range UpdateWords {
		if strings.Contains(folded, w) {
			return true
		}
	}
	return false
}

// ContainsOtherStoriesTitle reports whether folded text, a short
// heading, holds one of OtherStoriesTitles as a run of whole words: "Our
// most read stories", "الأخبار الأكثر قراءة", "Related coverage".
func ContainsOtherStoriesTitle(folded string) bool {
	words := strings.Fields(folded)
	for i := range words {
		for j := i + 1; j <= len(words) && j-i <= 4; j++ {
			if slices.Contains(OtherStoriesTitles, strings.Join(words[i:j], " ")) {
				return true
			}
		}
	}
	return false
}

// ServiceWords are the words in which a site speaks to its reader about
// itself rather than telling a story: cookies and consent, privacy,
// accounts and subscriptions, paywalls, newsletters, support appeals,
// licences and rights. A block that uses several of them is a notice, an
// appeal or a licence, not article text (see CountServiceWords). In
// English, German, French, Spanish, Italian, Portuguese, Dutch, Polish,
// Russian and Arabic; the words of a rights notice are RightsNotices.
var ServiceWords = slices.Concat([]string{
	"cookie", "cookies", "consent", "privacy", "privacy policy", "terms of service",
	"terms of use", "personalised", "personalized", "advertising", "adverts",
	"our partners", "subscribe", "subscription", "subscriber", "subscribers",
	"sign in", "log in", "create an account", "free account", "password",
	"newsletter", "unlimited access", "free trial", "cancel at any time",
	"cancel anytime", "licence", "license", "licensed", "creative commons", "attribution",
	"noncommercial", "sharealike", "share alike", "redistribute", "trademarks",
	"permission", "reproduction", "support us", "donate", "donation",
	"contribution", "reader funded", "independent journalism", "subscribing",
	"membership", "become a member", "premium content", "digital access", "e paper",
	"our journalism", "our journalists", "our newsroom", "readers like you",
	"your support", "monthly contribution",
	"disclaimer", "informational purposes", "professional advice", "written consent",
	"without notice", "accepts no liability", "haftungsausschluss", "ohne gewähr",
	"keine haftung", "clause de non responsabilité", "aviso legal",
	"datenschutz", "einwilligung", "abonnement", "abonnieren", "anmelden",
	"nutzungsbedingungen", "lizenz", "werbung",
	"anmeldung", "registrieren", "einloggen", "datenschutzerklärung",
	"datenschutzbestimmungen", "datenschutzhinweise", "s abonner", "inscription",
	"données personnelles", "registrarse", "boletín", "datos personales",
	"confidentialité", "consentement", "abonnez", "se connecter", "publicité",
	"partenaires", "privacidad", "consentimiento",
	"suscripción", "suscríbete", "iniciar sesión", "publicidad",
	"licencia",
	"consenso", "informativa", "abbonamento", "abbonati", "accedi", "registrati",
	"pubblicità", "privacidade", "consentimento",
	"assinatura", "assine", "assinante", "publicidade",
	"toestemming", "privacybeleid", "abonneer", "inloggen",
	"advertenties", "prywatności", "subskrypcja", "zaloguj",
	"reklama", "newslettera", "zgodą", "zgodę", "zapisz się", "dane osobowe", "конфиденциальности", "согласие", "подписка", "подписку", "подписки",
	"подписаться", "войти", "зарегистрируйтесь", "рассылку", "рассылка", "реклама",
	"рекламу",
	"ملفات تعريف الارتباط", "الخصوصيه", "اشتراك", "اشترك", "تسجيل الدخول",
	"النشره البريديه", "اعلانات",
	"المشاع الابداعي", "مرخص", "رخصه", "الرخصه", "العلامات التجاريه",
}, RightsNotices)

// RightsNotices are the words of the notice with which a site reserves its
// rights ("© 2026 The Courier. All rights reserved.", "جميع الحقوق
// محفوظة"), the last words of its pages: the copyright and the reservation
// of rights, in the languages of ServiceWords, of which they are part.
var RightsNotices = []string{
	"copyright", "all rights reserved", "alle rechte vorbehalten", "tous droits réservés",
	"todos los derechos reservados", "tutti i diritti riservati", "todos os direitos reservados",
	"alle rechten voorbehouden", "wszelkie prawa zastrzeżone", "все права защищены",
	"جميع الحقوق محفوظه", "حقوق النشر",
}

// HasRightsNotice reports whether folded text holds one of RightsNotices,
// as whole words.
func HasRightsNotice(folded string) bool {
	for _, w := range RightsNotices {
		for i := 0; ; {
			j := strings.Index(folded[i:], w)
			if j < 0 {
				break
			}
			j += i
			if (j == 0 || folded[j-1] == ' ') && (j+len(w) == len(folded) || folded[j+len(w)] == ' ') {
				return true
			}
			i = j + 1
		}
	}
	return false
}

// CountServiceWords counts the distinct ServiceWords in folded text, each
// matched as whole words.
func CountServiceWords(folded string) int {
	var seen [maxServiceWords / 64]uint64
	n := 0
	for i := 0; i < len(folded); {
		j := strings.IndexByte(folded[i:], ' ')
		if j < 0 {
			j = len(folded) - i
		}
		for _, k := range serviceIndex[folded[i:i+j]] {
			w := ServiceWords[k]
			if strings.HasPrefix(folded[i:], w) && (len(folded) == i+len(w) || folded[i+len(w)] == ' ') &&
				seen[k/64]&(1<<(k%64)) == 0 {
				seen[k/64] |= 1 << (k % 64)
				n++
			}
		}
		i += j + 1
	}
	if hasUnspacedBytes(folded) {
		for _, w := range UnspacedServiceWords {
			if strings.Contains(folded, w) {
				n++
			}
		}
	}
	return n
}

// UnspacedServiceWords are ServiceWords in Chinese and Japanese, which do
// not space their words: CountServiceWords finds them anywhere in a text
// that holds such letters. Words common in news prose (同意, "agree") are
// left out.
var UnspacedServiceWords = []string{
	"隐私政策", "个人信息", "用户协议", "服务条款", "登录", "注册", "订阅",
	"会员", "版权所有", "未经授权", "不得转载", "广告", "cookie",
	"プライバシー", "個人情報", "クッキー", "ログイン", "会員登録", "利用規約",
	"無断転載", "著作権", "購読",
}

// hasUnspacedBytes reports whether s may hold a letter of Chinese or
// Japanese: a UTF-8 sequence that starts at U+3000 or above (lead byte
// 0xE3 to 0xE9), without decoding s.
func hasUnspacedBytes(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0xE3 && c <= 0xE9 {
			return true
		}
	}
	return false
}

// maxServiceWords bounds ServiceWords, for CountServiceWords' bit set.
const maxServiceWords = 256

// serviceIndex lists, by first word, the ServiceWords that open with it.
var serviceIndex = func() map[string][]int {
	if len(ServiceWords) > maxServiceWords {
		panic("textkit: more ServiceWords than maxServiceWords")
	}
	idx := make(map[string][]int, len(ServiceWords))
	for k, w := range ServiceWords {
		first, _, _ := strings.Cut(w, " ")
		idx[first] = append(idx[first], k)
	}
	return idx
}()

// ReplyWords are the words of the link under each reader's comment that
// answers it, in the languages of the sites we read most.
var ReplyWords = []string{
	"reply", "antworten", "répondre", "responder", "rispondi",
	"beantwoorden", "odpowiedz", "ответить", "yanıtla", "رد", "الرد", "ردا",
	"回复", "返信", "답글",
}

// maxReplyLinkWords bounds the words of a reply link's text: "Reply",
// "Reply to this", "Reply to this comment", "Répondre à ce message".
const maxReplyLinkWords = 5

// IsReplyLink reports whether folded text is a reply link's: a reply word
// alone or opening a few words ("reply to this"), and in unspaced scripts
// a reply word opening a short text ("回复此评论").
func IsReplyLink(folded string) bool {
	for _, w := range ReplyWords {
		rest, ok := strings.CutPrefix(folded, w)
		switch {
		case !ok:
		case rest == "":
			return true
		case rest[0] == ' ':
			return len(strings.Fields(rest)) < maxReplyLinkWords
		case hasUnspacedBytes(w):
			return utf8.RuneCountInString(rest) <= 2*maxReplyLinkWords
		}
	}
	return false
}

// BioTitles title the box about an article's author.
var BioTitles = []string{
	"about the author", "about the authors", "about the writer", "about the reporter",
	"about the contributor", "author bio", "über den autor", "über die autorin",
	"zum autor", "zur autorin", "à propos de l auteur", "sobre el autor",
	"acerca del autor", "sull autore", "عن الكاتب", "نبذه عن الكاتب", "عن المولف",
	"à propos de l autrice", "sobre la autora", "sobre o autor", "sobre a autora",
	"over de auteur", "об авторе", "o autorze", "yazar hakkında", "关于作者", "作者简介",
	"著者について", "저자 소개",
}

// IsBioTitle reports whether folded text titles an author's bio.
func IsBioTitle(folded string) bool {
	return slices.Contains(BioTitles, folded)
}

// SpeechVerbs are the verbs a reader's comment is headed with, after the
// reader's name or before it: "Anna says:", "Anna wrote on …:", "Anna
// schrieb am …:", "Anna a écrit le …", "كتب أحمد في …". Each is one folded
// word; the auxiliary of a compound form ("a écrit", "ha scritto") is left
// out.
var SpeechVerbs = []string{
	"says", "said", "wrote", "writes", "commented", "replied",
	"sagt", "sagte", "schrieb", "schreibt", "meint", "meinte", "kommentierte", "antwortete",
	"dit", "écrit", "écrivait", "commenté", "répondu",
	"dice", "dijo", "escribió", "escribe", "comentó", "respondió",
	"diz", "disse", "escreveu", "comentou", "respondeu",
	"scrive", "scritto", "detto", "commentato", "risposto",
	"zegt", "zei", "schreef", "schrijft", "reageerde",
	"pisze", "napisał", "napisała", "mówi", "powiedział",
	"пишет", "написал", "написала", "говорит", "сказал",
	"dedi", "yazdı", "yazıyor",
	"قال", "قالت", "يقول", "كتب", "كتبت", "يكتب", "علق", "علقت",
	"گفت", "نوشت",
}

// speechVerbs indexes SpeechVerbs.
var speechVerbs = func() map[string]bool {
	m := make(map[string]bool, len(SpeechVerbs))
	for _, w := range SpeechVerbs {
		m[w] = true
	}
	return m
}()

// IsSpeechVerb reports whether a folded word is one of SpeechVerbs.
func IsSpeechVerb(folded string) bool { return speechVerbs[folded] }

// IsSpeechVerbBytes is IsSpeechVerb for a word held in bytes, without a
// copy.
func IsSpeechVerbBytes(folded []byte) bool { return speechVerbs[string(folded)] }
