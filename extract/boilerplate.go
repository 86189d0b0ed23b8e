package extract

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/refeed/refeed/internal/textkit"
)

// Phrases are written already normalised (see normalizePhrase): lowercase,
// Arabic without diacritics, alef forms folded to ا, ى to ي, ة to ه, and
// punctuation dropped.

// chromeTitles are whole-block texts that title or make up page chrome:
// "related", "comments", "most read", "share", social network names.
var chromeTitles = map[string]bool{
	"related": true, "related articles": true, "related stories": true,
	"related posts": true, "related news": true, "related content": true,
	"more": true, "more stories": true, "more news": true, "more from": true,
	"comments": true, "comment": true, "share": true, "share this": true,
	"share this article": true, "share this story": true,
	"advertisement": true, "advert": true, "ad": true, "ads": true,
	"anzeige": true, "werbung": true, "publicité": true, "publicidad": true,
	"pubblicità": true, "advertentie": true, "reklama": true, "реклама": true,
	"广告": true, "廣告": true, "広告": true, "광고": true, "publicidade": true,
	"anúncio": true, "reklam": true, "annons": true, "mainos": true, "διαφήμιση": true,
	"פרסומת": true, "تبليغات": true,
	"sponsored": true, "sponsored content": true, "promoted content": true, "paid content": true,
	"partner content": true, "paid post": true, "gesponserter inhalt": true, "contenu sponsorisé": true,
	"contenido patrocinado": true, "conteúdo patrocinado": true, "contenuto sponsorizzato": true,
	"محتوي مدفوع": true, "محتوي برعايه": true,
	"continue reading": true, "continue reading below": true,
	"story continues below": true, "article continues below": true,
	"this slideshow requires javascript": true, "don t miss": true,
	"tell us what you think": true, "sharing is caring": true, "report": true,
	"subscribe": true, "newsletter": true, "sign up": true, "follow us": true,
	"post comment": true, "post a comment": true, "leave a comment": true,
	"add comment": true, "show comments": true, "view comments": true,
	"trending news": true, "top stories": true, "latest news": true,
	"latest stories": true, "popular stories": true, "editor s picks": true,
	"must read": true, "اخبار عاجله": true, "عاجل": true, "الاكثر تعليقا": true,
	"انسخ الرابط": true, "نسخ الرابط": true, "رابط مختصر": true,
	"الرابط المختصر": true, "حجم الخط": true, "تكبير الخط": true,
	"تصغير الخط": true, "اخترنا لك": true, "قد يعجبك ايضا": true,
	"قد يهمك": true, "قد يهمك ايضا": true, "مقالات مقترحه": true,
	"موضوعات مقترحه": true, "اخبار مقترحه": true, "تعليقات الفيسبوك": true,
	"كلمات البحث": true, "الكلمات الداله": true, "وسوم": true, "شارك علي": true,
	"صوره ارشيفيه": true, "صوره تعبيريه": true, "see more": true, "read more": true, "most read": true,
	"most popular": true, "popular": true, "trending": true, "tags": true,
	"recommended": true, "read next": true, "up next": true, "print": true,
	"facebook": true, "twitter": true, "telegram": true, "whatsapp": true,
	"linkedin": true, "email": true, "reddit": true,
	"ذات صله": true, "مواضيع ذات صله": true, "اخبار ذات صله": true,
	"مقالات ذات صله": true, "اخبار متعلقه": true, "مواضيع متعلقه": true,
	"الاكثر قراءه": true, "الاكثر مشاهده": true, "الاكثر تداولا": true,
	"الاكثر قراءه اليوم": true, "الاكثر شعبيه": true, "شارك": true,
	"شارك الخبر": true, "شارك المقال": true, "مشاركه": true, "التعليقات": true,
	"تعليقات": true, "تعليق": true, "اعلان": true, "الوسوم": true,
	"كلمات مفتاحيه": true, "كلمات دلاليه": true, "فيسبوك": true, "فيس بوك": true,
	"تويتر": true, "تلجرام": true, "تليجرام": true, "واتساب": true,
	"طباعه": true, "اقرا ايضا": true, "اقرا المزيد": true, "شاهد ايضا": true,
	"اخر الاخبار": true, "احدث الاخبار": true, "الموضوع": true,
}

// boxTitles title whole boxes of chrome: a block whose first words are one
// of these, or which follows a heading that is, is not article.
var boxTitles = textkit.BoxTitles

// chromePrefixes start short blocks of chrome: "read also: …", "subscribe
// to our channel …", "add your comment", and the site's rights notice
// (textkit.RightsNotices: "all rights reserved").
var chromePrefixes = slices.Concat([]string{
	"read more", "read also", "also read", "see also", "related ",
	"recommended for you", "you may also like", "you might also like",
	"share this", "share on", "follow us", "subscribe to", "sign up for",
	"sign up to", "join our", "click here", "download the app",
	"leave a comment", "leave a reply",
	"add a comment", "post a comment", "like this story", "also on ",
	"get the latest", "have a tip", "sign up now", "see more ", "don t miss",
	"image copyright", "image source", "image caption", "photo credit",
	"picture credit", "photograph by", "media caption", "تصوير ", "مصدر الصوره",
	"اقرا ايضا", "اقرا المزيد", "اقرا كذلك", "شاهد ايضا", "اشترك في", "اشترك ب",
	"اشترك الان", "تابعونا", "تابعنا علي", "تابعوا", "اضف تعليق", "اترك تعليق",
	"اكتب تعليق", "انضم الي", "انضم ل",
	"حمل تطبيق", "للمزيد من الاخبار", "لمتابعه", "الموضوع ", "شارك علي",
	"شارك عبر", "شارك هذا", "انسخ الرابط", "نسخ الرابط", "الرابط المختصر",
	"رابط مختصر", "قد يعجبك", "قد يهمك", "اخترنا لك",
	// German, French, Spanish, Portuguese, Italian, Dutch, Russian, Polish,
	// Turkish, Chinese, Japanese, Korean, Persian, Hebrew.
	"weiterlesen", "mehr lesen", "artikel teilen", "jetzt teilen", "teilen auf", "folgen sie uns",
	"kommentar schreiben", "bildquelle",
	"lire la suite", "voir aussi", "partager", "suivez nous", "abonnez vous",
	"inscrivez vous", "laisser un commentaire", "crédit photo",
	"leer más", "ver también", "compartir en", "compartir", "síguenos", "suscríbete",
	"deja un comentario",
	"leia mais", "veja também", "compartilhe", "compartilhar", "siga nos",
	"deixe um comentário",
	"leggi di più", "condividi", "seguici", "lascia un commento",
	"lees meer", "deel dit", "volg ons",
	"читать далее", "смотрите также", "поделиться", "подписывайтесь",
	"оставить комментарий", "czytaj także", "czytaj też", "czytaj więcej", "zobacz także",
	"udostępnij", "devamını oku", "paylaş", "tüm hakları saklıdır",
	"分享到", "阅读更多", "版权所有", "続きを読む", "無断転載", "シェアする", "この記事をシェア",
	"관련기사", "무단전재", "공유하기",
	"اشتراك گذاري", "تمامي حقوق", "כל הזכויות שמורות", "שתפו",
	// The notes and lines a blog puts around its comment form and under a
	// post.
	"your email address will not be published", "cancel reply", "this entry was posted in",
	"posted in ", "filed under", "schreibe einen kommentar", "hinterlasse einen kommentar",
	"deine e mail adresse wird nicht veröffentlicht", "ihre e mail adresse wird nicht veröffentlicht",
	"antworten abbrechen", "dieser eintrag wurde veröffentlicht", "abgelegt unter",
	"verschlagwortet mit", "votre adresse e mail ne sera pas publiée",
	"cette entrée a été publiée dans", "esta entrada fue publicada en",
	"questa voce è stata pubblicata in",
	"tu dirección de correo electrónico no será publicada",
	"il tuo indirizzo email non sarà pubblicato",
	// The title of a table of contents, whose links jump within the page.
	"table of contents", "contents", "on this page", "jump to", "inhaltsverzeichnis",
	"sommaire", "tabla de contenidos", "índice de contenidos", "sumário",
	"indice dei contenuti", "inhoudsopgave", "содержание", "spis treści",
	"içindekiler", "目录", "目次", "목차", "فهرس المحتويات", "جدول المحتويات",
	"محتويات المقال", "المحتويات", "فهرست مطالب",
	// What a page shows where a script would have put an embed, a player
	// or a form: a reader without scripts sees the notice, not the story.
	"please enable javascript", "enable javascript to", "javascript is disabled",
	"javascript must be enabled", "you need to enable javascript", "this content requires javascript",
	"bitte aktivieren sie javascript", "veuillez activer javascript", "activez javascript",
	"por favor habilita javascript", "habilite o javascript", "ative o javascript",
	"abilita javascript", "включите javascript", "يرجي تفعيل جافا سكريبت",
}, textkit.RightsNotices)

// maxChromeChars bounds the blocks that a chrome prefix may remove: a long
// paragraph that happens to start with "Follow us" is still prose.
const maxChromeChars = 160

// isChromeTitle reports whether the whole text of a block is chrome.
// Counts such as "12 comments" or "التعليقات (3)" do not matter.
func isChromeTitle(text string) bool {
	return isChromeTitleNorm(normalizePhrase(text))
}

// isChromeTitleNorm is isChromeTitle for normalised text.
func isChromeTitleNorm(norm string) bool {
	return inTitles(chromeTitles, norm) || utf8.RuneCountInString(norm) <= maxTitleChars*2 && hasTitlePrefix(norm)
}

// titlePrefixes open the titles of boxes of links to other stories:
// "More from Science", "More Great Stories", "المزيد من الأخبار".
var titlePrefixes = textkit.BoxTitleStarts

func hasTitlePrefix(norm string) bool {
	for _, p := range titlePrefixes {
		if strings.HasPrefix(norm, p) {
			return true
		}
	}
	return false
}

// isBoxTitle reports whether text titles a box of chrome.
func isBoxTitle(text string) bool {
	n := normalizePhrase(text)
	return inTitles(boxTitles, n) || isCommentsTitle(n) || textkit.IsThreadTitle(n)
}

// commentNouns name a list of readers' comments; commentModifiers are the
// words that go with them in a box title ("Top Rated Comments", "Show all
// 167 comments", "تعليقات القراء على الخبر").
var (
	commentNouns     = [...]string{"comments", "comment", "تعليقات", "التعليقات", "تعليق"}
	commentModifiers = map[string]bool{
		"top": true, "rated": true, "latest": true, "newest": true, "recent": true, "best": true,
		"reader": true, "readers": true, "user": true, "users": true, "member": true, "members": true,
		"show": true, "view": true, "see": true, "all": true, "most": true, "popular": true,
		"our": true, "your": true, "the": true, "facebook": true, "disqus": true, "and": true,
		"القراء": true, "الزوار": true, "الفيسبوك": true, "فيسبوك": true, "اخر": true, "احدث": true,
		"جميع": true, "كل": true, "عرض": true, "اظهار": true, "على": true, "علي": true, "الخبر": true, "الموضوع": true,
	}
)

// containsCommentNoun reports whether one of commentNouns occurs in n, as
// a word or inside one.
func containsCommentNoun(n string) bool {
	for _, noun := range commentNouns {
		if strings.Contains(n, noun) {
			return true
		}
	}
	return false
}

// isCommentsTitle reports whether normalised text titles a list of
// comments: a comment noun and, at most, a few words that go with it.
func isCommentsTitle(n string) bool {
	if !containsCommentNoun(n) {
		return false // the cheap test first: most titles name no comments
	}
	words := strings.Fields(n)
	if len(words) < 2 || len(words) > 5 {
		return false // one word is boxTitles' job
	}
	noun := false
	for _, w := range words {
		switch {
		case slices.Contains(commentNouns[:], w):
			noun = true
		case commentModifiers[w], strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) }) < 0:
		default:
			return false
		}
	}
	return noun
}

// inTitles reports whether normalised text n is one of titles, also once
// the words that are numbers are dropped ("Comments (12)"). The words
// kept are joined in a buffer on the stack, and the lookup by
// string(buf) copies nothing.
func inTitles(titles map[string]bool, n string) bool {
	if titles[n] {
		return true
	}
	if !hasDigit(n) {
		return false
	}
	var buf [2 * maxTitleChars]byte
	kept := buf[:0]
	for w := range strings.FieldsSeq(n) {
		if strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) }) >= 0 {
			if len(kept) > 0 {
				kept = append(kept, ' ')
			}
			kept = append(kept, w...)
		}
	}
	return titles[string(kept)]
}

// hasDigit reports whether s holds a decimal digit of any script: the
// ASCII ones byte by byte, others by unicode.IsDigit.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf {
			return strings.IndexFunc(s[i:], unicode.IsDigit) >= 0
		} else if '0' <= c && c <= '9' {
			return true
		}
	}
	return false
}

// hasChromePrefix reports whether a short block starts like chrome.
func hasChromePrefix(text string) bool {
	return hasChromePrefixNorm(normalizePhrase(text))
}

// hasChromePrefixNorm is hasChromePrefix for normalised text.
func hasChromePrefixNorm(norm string) bool {
	if norm == "" {
		return false // every prefix has a first byte
	}
	for _, p := range chromePrefixIndex()[norm[0]] {
		// strings.HasPrefix(norm+" ", p), without building norm+" ".
		if strings.HasPrefix(norm, p) || len(p) == len(norm)+1 && p[len(norm)] == ' ' && p[:len(norm)] == norm {
			return true
		}
	}
	return false
}

// chromePrefixIndex holds chromePrefixes by their first byte, so that a
// text is compared only with the prefixes that can start it. It is built
// once and never changed afterwards.
var chromePrefixIndex = sync.OnceValue(func() *[256][]string {
	var idx [256][]string
	for _, p := range chromePrefixes {
		idx[p[0]] = append(idx[p[0]], p)
	}
	return &idx
})

// normalizePhrase folds text for phrase matching (textkit.FoldPhrase):
// lowercase, Arabic diacritics and tatweel dropped, alef/yeh/teh marbuta
// variants folded, digits in ASCII, punctuation turned into single spaces.
func normalizePhrase(s string) string { return textkit.FoldPhrase(s) }

// legalLinks are link texts of site policies; a short block linking to them
// is a comment-policy or copyright notice, not article prose.
var legalLinks = map[string]bool{
	"privacy policy": true, "terms of use": true, "terms of service": true,
	"terms and conditions": true, "community guidelines": true,
	"cookie policy": true, "user agreement": true, "community standards": true,
	"سياسه الخصوصيه": true, "شروط الاستخدام": true, "ارشادات الاستخدام": true,
	"شروط الخدمه": true, "سياسه الاستخدام": true, "اتفاقيه الاستخدام": true,
	"الشروط والاحكام": true, "سياسه الخصوصيه وشروط الاستخدام": true,
}

// maxDisclaimerChars bounds the blocks that a policy link marks as notices.
const maxDisclaimerChars = 600

// hasLegalLink reports whether n holds a link to a site policy.
func hasLegalLink(n *html.Node) bool {
	if n.Type == html.ElementNode && n.DataAtom == atom.A {
		return legalLinks[normalizePhrase(nodeText(n))]
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasLegalLink(c) {
			return true
		}
	}
	return false
}
