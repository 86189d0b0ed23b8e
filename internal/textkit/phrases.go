package textkit

import "strings"

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

// BoxTitles are the whole titles of boxes of page chrome — other
// stories, comments, tags, newsletters — in English and Arabic: a block
// titled by one of them is not the article, and a listing's box titled
// by one does not list the source's own articles.
var BoxTitles = map[string]bool{
	"related": true, "related articles": true, "related stories": true,
	"related posts": true, "related news": true, "related content": true,
	"more stories": true, "more news": true, "comments": true,
	"most read": true, "most popular": true, "most viewed": true, "most shared": true,
	"popular": true, "trending": true, "read also": true, "see also": true,
	"recommended": true, "read next": true, "up next": true,
	"you may also like": true, "you might also like": true,
	"ذات صله": true, "مواضيع ذات صله": true, "اخبار ذات صله": true,
	"مقالات ذات صله": true, "اخبار متعلقه": true, "مواضيع متعلقه": true,
	"مواضيع مشابهه": true, "اخبار مشابهه": true,
	"الاكثر قراءه": true, "الاكثر مشاهده": true, "الاكثر تداولا": true,
	"الاكثر قراءه اليوم": true, "الاكثر شعبيه": true, "الاكثر تعليقا": true, "التعليقات": true,
	"تعليقات": true, "تعليقات القراء": true, "اراء القراء": true,
	"اقرا ايضا": true, "اقرا المزيد": true, "شاهد ايضا": true, "اقرا كذلك": true, "اخر الاخبار": true,
	"اخترنا لك": true, "قد يعجبك ايضا": true, "قد يهمك": true,
	"مقالات مقترحه": true, "موضوعات مقترحه": true, "اخبار مقترحه": true,
	"تعليقات الفيسبوك": true, "احدث الاخبار": true, "اخبار اخري": true,
	"tags": true, "topics": true, "more from": true, "latest news": true, "newsletter": true,
	"الكلمات المفتاحيه": true, "كلمات مفتاحيه": true, "وسوم": true, "الوسوم": true,
	"اخبار ذات علاقه": true, "مواضيع قد تهمك": true, "المزيد من الاخبار": true,
	"النشره البريديه": true, "تابعونا": true, "تابعنا": true,
}

// BoxTitleStarts open box titles that go on with a topic or a name:
// "More from Science", "Related coverage", "الأكثر قراءة هذا الأسبوع".
var BoxTitleStarts = []string{
	"more from ", "more great ", "more stories", "more on ", "more in ",
	"related ", "recommended ", "most read", "most popular", "most viewed", "most shared",
	"you might ", "you may ", "read also", "see also", "المزيد من ", "اخبار ذات",
	"مواضيع ذات", "مقالات ذات", "الاكثر ", "اقرا ايضا", "اقرا المزيد", "شاهد ايضا",
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

// UpdateWords mark a date as the time of an update rather than of
// publication ("Updated on", "Last modified", "آخر تحديث", "aktualisiert",
// "mis à jour"), matched inside lower-cased, FoldPhrase-folded text.
var UpdateWords = []string{
	"updated", "last modified", "modified on", "revised", "aktualisiert",
	"mis a jour", "mis à jour", "actualizado", "atualizado", "aggiornato",
	"bijgewerkt", "تحديث", "محدث",
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
