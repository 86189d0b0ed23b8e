package extract

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"

	"github.com/refeed/refeed/internal/clean"
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

	// SinglePage is the page's link to the whole article on one page
	// (found by Options.Pages only); NextPage is its link to the
	// article's next page, by Options.Pages or found by the extractor in
	// or right under the article. Both are absolute, "" when none.
	SinglePage, NextPage string
}

// minArticleWords is the fewest words an article without a picture may
// have: below it the page is an error page or a placeholder.
const minArticleWords = 5

// newArticle renders the content nodes into an Article.
func newArticle(nodes []*html.Node, pageURL *url.URL, meta Metadata) (*Article, error) {
	text := renderText(nodes)
	// The HTML of most articles is 1.3 to 1.5 times as long as their text.
	body, err := renderHTML(nodes, len(text)*3/2)
	if err != nil {
		return nil, fmt.Errorf("extract: render article html: %w", err)
	}
	if words := countWordsUpTo(text, minArticleWords); words < minArticleWords && !strings.Contains(body, "<img") {
		return nil, fmt.Errorf("%w: the best candidate holds %d words of text and no picture", ErrNoArticle, words)
	}
	// The page's text goes out without control characters (NUL, ESC).
	a := &Article{
		Title:     clean.Text(meta.Title),
		Byline:    clean.Text(meta.Byline),
		Published: meta.Published,
		Modified:  meta.Modified,
		Lang:      clean.Text(meta.Lang),
		Dir:       meta.Dir,
		SiteName:  clean.Text(meta.SiteName),
		Image:     meta.Image,
		Excerpt:   clean.Text(meta.Description),
		HTML:      clean.Text(body),
		Text:      clean.Text(text),
	}
	if pageURL != nil {
		a.URL = pageURL.String()
	}
	if a.Dir == "" {
		a.Dir = textDirection(text)
	}
	if a.Excerpt == "" {
		a.Excerpt = excerpt(text)
	}
	return a, nil
}

// maxExcerptRunes bounds an excerpt taken from the first paragraph.
const maxExcerptRunes = 300

// excerpt is the first paragraph of text, cut at a word boundary.
func excerpt(text string) string {
	first, _, _ := strings.Cut(text, "\n\n")
	r := []rune(first)
	if len(r) <= maxExcerptRunes {
		return first
	}
	cut := string(r[:maxExcerptRunes])
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return cut + "…"
}
