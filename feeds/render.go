package feeds

import (
	"cmp"
	"html"
	"net/url"
	"strings"
	"time"
)

// Feed is one output feed, ready to render.
type Feed struct {
	// Name is the file stem: WriteFiles writes Name.xml, Name.atom and
	// Name.json, and the self links point at those names under SelfURL.
	Name        string
	Title       string
	Link        string // home page the feed stands for
	Description string
	Language    string // BCP 47; derived from the items when empty and they agree
	Icon        string // absolute URL of a square icon
	// SelfURL is the base URL where the feed files are served
	// ("https://example.org/feeds"); empty leaves self links out.
	SelfURL   string
	Generator string
	Items     []Item // in output order (see Select)
}

// Output file extensions, one per format.
const (
	ExtRSS  = ".xml"
	ExtAtom = ".atom"
	ExtJSON = ".json"
)

// excerptRunes is the length of the plain-text excerpt used where a
// format needs a summary and the item has none.
const excerptRunes = 300

// selfLink returns the URL the feed file with extension ext is served at.
func (f Feed) selfLink(ext string) string {
	if f.SelfURL == "" {
		return ""
	}
	return strings.TrimRight(f.SelfURL, "/") + "/" + url.PathEscape(f.Name) + ext
}

// language returns the feed language, or the language all items share.
func (f Feed) language() string {
	if f.Language != "" {
		return f.Language
	}
	lang := ""
	for i, it := range f.Items {
		if i > 0 && it.Lang != lang {
			return ""
		}
		lang = it.Lang
	}
	return lang
}

// updated is the feed's last-change time, derived from the items so that
// unchanged items render to identical bytes: the latest Published, Updated
// or FirstSeen. It is zero for an empty feed.
func (f Feed) updated() time.Time {
	var t time.Time
	for _, it := range f.Items {
		for _, c := range []time.Time{it.Published, it.Updated, it.FirstSeen} {
			if c.After(t) {
				t = c
			}
		}
	}
	return outTime(t)
}

// outTime normalises a time for output: UTC, whole seconds.
func outTime(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.UTC().Truncate(time.Second)
}

// itemTitle is the item's title, or the start of its text for untitled
// items (RSS needs a title or a description, readers need something).
func itemTitle(it Item) string {
	if it.Title != "" {
		return it.Title
	}
	return excerpt(it.Text, 100)
}

// itemModified is the item's last-change time for formats with a single
// required "updated" date.
func itemModified(it Item) time.Time {
	switch {
	case !it.Updated.IsZero():
		return outTime(it.Updated)
	case !it.Published.IsZero():
		return outTime(it.Published)
	}
	return outTime(it.FirstSeen)
}

// itemLang is the item's language, falling back to the feed's.
func itemLang(it Item, feedLang string) string {
	if it.Lang != "" {
		return it.Lang
	}
	return feedLang
}

// wrapping returns the direction an item's HTML must be wrapped in: "rtl"
// for right-to-left items, "ltr" for left-to-right items in a
// right-to-left feed (readers would otherwise inherit the feed's
// direction), "" when the content can stay as it is.
func wrapping(it Item, lang, feedLang string) string {
	dir := it.Dir
	if dir == "" && isRTLLang(lang) {
		dir = dirRTL
	}
	switch {
	case dir == dirRTL:
		return dirRTL
	case dir == dirLTR && isRTLLang(feedLang):
		return dirLTR
	}
	return ""
}

// ContentHTML is the item's full HTML for output (Content, else Summary),
// led by its image when it shows none (see withLeadImage), wrapped in
// <div dir lang> with its direction (see wrapping) as a feed in feedLang
// wraps it. It is the one home of that wrapper: the RSS, Atom and JSON
// feeds and `refeed extract --format html` all print through it.
func ContentHTML(it Item, feedLang string) string {
	return wrapItem(withLeadImage(cmp.Or(it.Content, it.Summary), it.Image), it, feedLang)
}

// withLeadImage puts image, an item's lead picture, at the top of content
// that shows no picture: many readers (NetNewsWire, newsboat) show only
// the HTML, not media:thumbnail, and a news site's photo often sits
// outside the article body the extractor keeps.
func withLeadImage(content, image string) string {
	if content == "" || strings.Contains(content, "<img") ||
		!(strings.HasPrefix(image, "https://") || strings.HasPrefix(image, "http://")) {
		return content
	}
	return `<p><img src="` + html.EscapeString(image) + `" alt=""></p>` + content
}

// summaryHTML is the item's short HTML description: the source's summary,
// else an escaped excerpt of its text; wrapped like contentHTML.
func summaryHTML(it Item, feedLang string) string {
	s := it.Summary
	if s == "" {
		s = escapeText(excerpt(it.Text, excerptRunes))
	}
	return wrapItem(s, it, feedLang)
}

// wrapItem wraps an item's HTML with its direction (see wrapping) and
// language (see langUnknown).
func wrapItem(content string, it Item, feedLang string) string {
	lang := itemLang(it, feedLang)
	dir := wrapping(it, lang, feedLang)
	if langUnknown(it, dir, feedLang) {
		return wrapDir(content, dir, "", true)
	}
	return wrapDir(content, dir, lang, false)
}

// langUnknown reports an item of undeclared language whose direction
// contradicts the feed's language: its HTML is labelled lang="" (unknown)
// rather than with the feed's language, since Arabic text in a feed
// declared "en" is not English.
func langUnknown(it Item, dir, feedLang string) bool {
	return it.Lang == "" && feedLang != "" && dir != "" && (dir == dirRTL) != isRTLLang(feedLang)
}

// escapeText escapes plain text for use as HTML.
func escapeText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
