// Package extract finds the article in an HTML page and returns it cleaned:
// title, byline, dates, language and direction, and the body as sanitized
// HTML and as plain text. It is pure: it takes already-decoded HTML and the
// page URL, and never does HTTP.
package extract

import (
	"errors"
	"time"
)

// ErrNoArticle is returned when a page holds nothing that looks like an article.
var ErrNoArticle = errors.New("extract: no article found")

// Article is what Extract finds in a page.
type Article struct {
	URL       string    // the page URL the article was extracted from
	Title     string    // headline, without a " - Site Name" suffix
	Byline    string    // author(s), as the page gives them
	Published time.Time // zero when unknown
	Modified  time.Time // zero when unknown
	Lang      string    // BCP 47 language tag, e.g. "ar"
	Dir       string    // "rtl" or "ltr"
	SiteName  string
	Image     string // absolute URL of the lead image
	Excerpt   string // short description (meta description / first paragraph)
	HTML      string // cleaned, sanitized article body; absolute URLs
	Text      string // plain text of HTML, paragraphs separated by blank lines
}
