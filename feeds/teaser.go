package feeds

import (
	"strings"
	"unicode"
)

// teaserWords is the length under which a feed's text is taken for a
// teaser: whole news briefs can be shorter, but fetching their page then
// costs one request and loses nothing.
const teaserWords = 120

// truncationMarks end (or, for WordPress's "[…]", sit inside) a text the
// feed cut short, in English and Arabic.
var truncationMarks = []string{
	"…", "...", "[…]", "[...]", "(…)", "(...)",
	"read more", "continue reading", "read the full story", "full story",
	"اقرأ المزيد", "إقرأ المزيد", "اقرا المزيد", "المزيد", "للمزيد", "التفاصيل", "تابع القراءة", "اقرأ أيضا",
}

// IsTeaser reports whether the item's own text looks like a teaser of the
// article rather than the whole of it: short, or cut off with an ellipsis
// or a "read more" link.
func (it *Item) IsTeaser() bool {
	text := strings.TrimSpace(it.Text)
	if len(strings.Fields(text)) < teaserWords {
		return true
	}
	if strings.Contains(text, "[…]") || strings.Contains(text, "[...]") {
		return true // WordPress excerpts, even with "The post … appeared first on …" after
	}
	tail := strings.ToLower(strings.TrimRightFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || r == '»' || r == '›' || r == '→' || r == '"' || r == '«'
	}))
	for _, mark := range truncationMarks {
		if strings.HasSuffix(tail, mark) {
			return true
		}
	}
	return false
}
