package extract

import (
	"encoding/json"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/refeed/refeed/internal/textkit"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// publishedKeys and modifiedKeys are the meta keys that carry the dates,
// most trusted first.
var (
	publishedKeys = []string{
		"article:published_time", "og:article:published_time", "og:published_time", "article:published",
		"datepublished", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
		"dc:date", "dc.date", "dcterms.date", "dcterms.created", "dc.date.created", "citation_publication_date",
		"citation_date", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
		"article.published", "originalpublicationdate", "date", "datecreated", "weibo:article:create_at",
		// Names that say publication without the words publishLike
		// looks for: a post's date, the date displayed, a document's,
		// its release. A page's generation time ("gentime") or a bare
		// "timestamp" may be when the page was rendered, not published.
		"dateposted", "article:post_date", "displaydate", "doc_date", "pdate", "ptime", "og:regdate",
		"analyticsattributes.articledate", "article_date_original", "release_date",
	}
	modifiedKeys = []string{
		"article:modified_time", "og:article:modified_time", "og:updated_time", "article:modified",
		"datemodified", "dcterms.modified", "dc.date.modified", "lastmod", "last-modified", "article.updated",
	}
)

// pickDates returns when the article was published and last modified:
// from a dated URL path, then JSON-LD, then meta tags, then
// datePublished/<time> markup, then the date printed with the headline (see
// readHeadlineBlock), then a date elsewhere in the URL (see dateInURL),
// then a date line after the headline, then a video page's upload date
// (ldArticle.Uploaded), then a datePublished field in a
// script that is not JSON-LD (see scriptDate), then a last search of other
// meta tags and the headline's surroundings (see searchDate), then a
// dateline that opens the first paragraph (see leadDateline), then the
// day the shared image is filed under (see sharedImageDate), and at last the
// modified date when the URL names its month (see urlMonth). The date
// printed with the headline also overrules an earlier source when it
// shows an earlier day (see preferShown). Zero means unknown.
// Dates written without a zone are read as times in loc. title is the
// page's title, which tells the headline's h1 from a logo's.
func pickDates(idx *pageIndex, tags metaTags, ld ldArticle, title string, pageURL *url.URL, loc *time.Location) (published, modified time.Time) {
	modified = firstDate(append([]string{ld.Modified}, tags.values(modifiedKeys)...), loc)
	published = firstDate(append([]string{ld.Published}, tags.values(publishedKeys)...), loc)
	if published.IsZero() {
		published = parselyDate(tags["parsely-page"], loc)
	}
	headline := findHeadline(idx, title)
	block := readHeadlineBlock(headline, loc)
	shown, hasShown := block.shown()
	if inURL := dateFromURL(pageURL, loc); !inURL.IsZero() {
		// A path that files the page under its day was written when
		// the page was first published; metadata may have been
		// rewritten since (an import, a republication).
		return inURL, modified
	}
	if !published.IsZero() {
		return preferShown(published, block, shown, hasShown), modified
	}
	if idx.bodyOrRoot() == nil {
		return published, modified
	}
	marks := scanDateMarkup(idx.bodyOrRoot(), headline, idx.h1 != nil)
	if modified.IsZero() {
		modified = firstDate(marks.modified, loc)
	}
	if published = firstDate(marks.published, loc); !published.IsZero() {
		return preferShown(published, block, shown, hasShown), modified
	}
	if hasShown && (modified.IsZero() || !sameDay(shown.t, modified)) {
		return shown.t, modified
	}
	if published = dateInURL(pageURL, loc); !published.IsZero() {
		return published, modified
	}
	if l, ok := firstDateLine(marks.texts, storyArticle(headline), loc); ok {
		return l.t, modified
	}
	if published = firstDate([]string{ld.Uploaded}, loc); !published.IsZero() {
		return published, modified
	}
	if published = scriptDate(idx, loc); !published.IsZero() {
		return published, modified
	}
	if published = searchDate(idx, headline, tags, modified, loc); !published.IsZero() {
		return published, modified
	}
	if headline == nil {
		headline = idx.h1
	}
	if published = leadDateline(idx.bodyOrRoot(), headline, loc); !published.IsZero() {
		return published, modified
	}
	if published = sharedImageDate(tags, pageURL, modified, loc); published.IsZero() && urlMonth(pageURL, modified) {
		published = modified
	}
	return published, modified
}

// sharedImageDate returns the day under which the image the page names
// for sharing (og:image, twitter:image) is filed, in a day's folder
// (/2016/12/06/, see dayFolders): sites that file pages by day file
// their images so. It is weak evidence, read when nothing else dates
// the page, and not when the page was last changed before that day. A
// year and month alone (/wp-content/uploads/2016/12/) are when the
// image was uploaded, not the page.
func sharedImageDate(tags metaTags, pageURL *url.URL, modified time.Time, loc *time.Location) time.Time {
	raw := tags.first("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src")
	if raw == "" {
		return time.Time{}
	}
	u, err := url.Parse(raw)
	if err != nil {
		return time.Time{}
	}
	if pageURL != nil {
		u = pageURL.ResolveReference(u)
	}
	m := dayFolders.FindStringSubmatch(u.Path)
	if m == nil {
		return time.Time{}
	}
	t, ok := makeDate(digitsToInt(m[1]), digitsToInt(m[2]), digitsToInt(m[3]), 0, 0, 0, loc)
	if !ok || !modified.IsZero() && dayBefore(modified, t) {
		return time.Time{}
	}
	return t
}

// dayFolders matches a path filed under a year's, a month's and a day's
// folder: /2016/12/06/. A name after the month's folder is a file's
// (/wp-content/uploads/2023/02/7.jpg).
var dayFolders = regexp.MustCompile(`/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/`)

// scriptKeyDate matches a publication date given as a JSON field in a
// script other than JSON-LD: a data layer or a framework's page state
// ("datePublished":"2016-12-06T10:00:00+01:00", 'publishDate': '2016-12-06'),
// or as a variable or an unquoted key (var pubdate = "2016-12-06 10:00:00").
var scriptKeyDate = regexp.MustCompile(`(?:["']|\b)(?:datePublished|dateCreated|publishDate|publishedDate|pubDate|pubdate)["']?\s*[:=]\s*["']((?:19|20)\d{2}-\d{2}-\d{2}[^"']{0,30})["']`)

// scriptDate returns the first publication date written as a JSON field
// in the page's scripts other than JSON-LD, which readJSONLD has read
// (see scriptKeyDate).
func scriptDate(idx *pageIndex, loc *time.Location) time.Time {
	root := idx.html
	if root == nil {
		return time.Time{}
	}
	var t time.Time
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.Script {
			if c := n.FirstChild; c != nil && c.Type == html.TextNode && !isLDScript(n) && holdsDateKey(c.Data) {
				if m := scriptKeyDate.FindStringSubmatch(c.Data); m != nil {
					t, _ = parseDate(m[1], loc)
				}
			}
			return t.IsZero()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c) {
				return false
			}
		}
		return true
	}
	walk(root)
	return t
}

// isLDScript reports whether script n is JSON-LD.
func isLDScript(n *html.Node) bool {
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(attrOf(n, "type"))), "application/ld+json")
}

// holdsDateKey is the cheap test before scriptKeyDate: whether a script
// names one of its keys at all.
func holdsDateKey(s string) bool {
	return strings.Contains(s, "ublishDate") || strings.Contains(s, "ublishedDate") ||
		strings.Contains(s, "datePublished") || strings.Contains(s, "dateCreated") ||
		strings.Contains(s, "pubDate") || strings.Contains(s, "pubdate")
}

// searchDate is the last resort, for pages whose markup, URL and text
// after the headline hold no date: a meta tag whose name speaks of
// publishing in a way publishedKeys does not list ("w-published-date"),
// then a date element right around the headline (see dateNearHeadline).
// A page that only says when it was updated does not say when it was
// published: update notices are not read, and a day equal to the page's
// modified date is not taken.
func searchDate(idx *pageIndex, headline *html.Node, tags metaTags, modified time.Time, loc *time.Location) time.Time {
	t := firstDate(tags.publishLike(), loc)
	if headline == nil {
		headline = idx.h1
	}
	if t.IsZero() && headline != nil {
		t = dateNearHeadline(headline, loc)
	}
	if !t.IsZero() && !modified.IsZero() {
		if y, m, d := t.Date(); modified.Year() == y && modified.Month() == m && modified.Day() == d {
			return time.Time{}
		}
	}
	return t
}

// publishLike returns, in key order, the contents of the meta keys that
// name a publication or creation ("publish", "pubdate", "publication",
// "created") and not an update.
func (t metaTags) publishLike() []string {
	var keys []string
	for k := range t {
		if (strings.Contains(k, "publish") || strings.Contains(k, "pubdate") || strings.Contains(k, "publication") || strings.Contains(k, "creat")) &&
			!strings.Contains(k, "modif") && !strings.Contains(k, "updat") && !strings.Contains(k, "publisher") {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return t.values(keys)
}

// Bounds of the search around the headline: how many ancestors of the h1
// are searched, and how long a date element's text may be.
const (
	headlineLevels   = 3
	maxDateElemChars = 120
)

// dateNearHeadline returns the date of the date element closest before
// the h1 within its nearest headlineLevels ancestors: <time>, or an element
// whose class or id names a date ("post-date", "publish-meta"). Failing
// that, the date element that ends at most nearestBefore bytes of text
// before the h1 further up (see dateRightBefore), as blogs print a day's
// header above its posts. Dates printed further away, as Arabic news
// sites print today's date in their header, are not read.
func dateNearHeadline(h1 *html.Node, loc *time.Location) time.Time {
	n := h1
	for range headlineLevels {
		n = n.Parent
		if n == nil || n.DataAtom == atom.Html {
			return time.Time{}
		}
		if n.DataAtom == atom.Body {
			break
		}
		var best string
		reached := false
		walkVisible(n, func(c *html.Node) bool {
			if c == h1 {
				reached = true
			}
			if reached || c.Type != html.ElementNode || !isDateElement(c) {
				return !reached
			}
			if text, ok := dateElementText(c, loc); ok {
				best = text
			}
			return true
		})
		if best != "" {
			t, _ := parseDate(best, loc)
			return t
		}
	}
	return dateRightBefore(h1, loc)
}

// dateElementText returns the date a date element gives: its datetime
// attribute or its text, unless that is an update notice.
func dateElementText(c *html.Node, loc *time.Location) (string, bool) {
	text, _ := limitedText(c, maxDateElemChars)
	if textkit.IsUpdateNotice(text) {
		return "", false
	}
	if v := attrOf(c, "datetime"); v != "" {
		text = v
	}
	_, ok := parseDate(text, loc)
	return text, ok
}

// dateRightBefore returns the date of the last date element before the
// h1 in the body when at most nearestBefore bytes of text lie between
// them: a day's header over a blog's posts (<h2 class="date-header">),
// outside the post's own box. Dates in lists, asides, navigation, headers
// and footers date other things.
func dateRightBefore(h1 *html.Node, loc *time.Location) time.Time {
	body := h1.Parent
	for body != nil && body.DataAtom != atom.Body {
		body = body.Parent
	}
	if body == nil {
		return time.Time{}
	}
	var (
		best    string
		bestEnd int // bytes of text read when best's text ended
		offset  int // bytes of text read so far
		skip    *html.Node
	)
	walkVisible(body, func(c *html.Node) bool {
		if c == h1 {
			return false
		}
		if skip != nil && !isInside(c, skip) {
			skip = nil
		}
		switch {
		case c.Type == html.TextNode:
			offset += len(strings.TrimSpace(c.Data))
		case skip == nil && c.Type == html.ElementNode && isDateElement(c) && !under(c, atom.Li, atom.Aside, atom.Nav, atom.Header, atom.Footer):
			if text, ok := dateElementText(c, loc); ok {
				inner, _ := limitedText(c, maxDateElemChars)
				best, bestEnd = text, offset+len(inner)
				skip = c // its own date elements give the same date
			}
		}
		return true
	})
	if best == "" || offset-bestEnd > nearestBefore {
		return time.Time{}
	}
	t, _ := parseDate(best, loc)
	return t
}

// dateElementWords are the lowercase class or id fragments of the
// elements isDateElement takes for date elements.
var dateElementWords = newFoldWords("date", "datum", "publish", "publica", "parution", "posted", "time", "meta", "byline", "subline", "submitted", "fecha", "creat", "info", "author", "autor")

// isDateElement reports whether n is a <time> or names a date, a time,
// a publication or a parution in its class or id, in English, German
// ("datum"), Spanish ("fecha", "publicado") or French ("parution"), or
// the line that carries it: a post's meta or info line, a byline,
// subline or author box, Drupal's "submitted" line, Joomla's "create"
// line. Its text must still read as a date (dateElementText): a
// "reading-time" of five minutes dates nothing.
func isDateElement(n *html.Node) bool {
	if n.DataAtom == atom.Time {
		return true
	}
	return dateElementWords.in(attrOf(n, "class")) || dateElementWords.in(attrOf(n, "id")) || leadsWithDateIcon(n)
}

// dateIconWords are the class fragments of the icons that stand before
// a date: a calendar or a clock (Font Awesome's "fa-calendar",
// "fa-clock-o", "icon-calendar").
var dateIconWords = newFoldWords("calendar", "clock")

// leadsWithDateIcon reports whether n's first child is an icon of a
// calendar or a clock (<span><i class="fa fa-calendar"></i>
// 06.12.2016</span>), as themes print a post's date.
func leadsWithDateIcon(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
			continue
		case c.Type != html.ElementNode:
			return false
		}
		switch c.DataAtom {
		case atom.I, atom.Span, atom.Svg:
			if !dateIconWords.in(attrOf(c, "class")) {
				return false
			}
			text, _ := limitedText(c, maxDateElemChars)
			return text == ""
		}
		return false
	}
	return false
}

// values returns the contents of the keys the page sets, in key order.
func (t metaTags) values(keys []string) []string {
	var out []string
	for _, k := range keys {
		if v := t[k]; v != "" {
			out = append(out, v)
		}
	}
	return out
}

// firstDate returns the first of the values that parses as a date.
func firstDate(values []string, loc *time.Location) time.Time {
	for _, v := range values {
		if v == "" {
			continue
		}
		if t, ok := parseDate(v, loc); ok {
			return t
		}
	}
	return time.Time{}
}

// parselyDate reads pub_date from the JSON of a parsely-page meta tag.
func parselyDate(raw string, loc *time.Location) time.Time {
	if raw == "" {
		return time.Time{}
	}
	var page struct {
		PubDate string `json:"pub_date"`
	}
	if json.Unmarshal([]byte(raw), &page) != nil {
		return time.Time{}
	}
	return firstDate([]string{page.PubDate}, loc)
}

// firstDateLine reads, up to the end of the story's <article> when there
// is one (storyArticle), the first of the texts after the headline that is
// a date line (see readDateLine) and not a reader's comment, a photo's
// caption, an aside, navigation, a quotation (an embedded post, a
// quoted letter), an item of a list of other stories
// (see inStoryList), a comment known by its header (inCommentByHeader)
// or the site's footer (inPageFooter).
func firstDateLine(texts []*html.Node, article *html.Node, loc *time.Location) (dateLine, bool) {
	for _, text := range texts {
		if article != nil && !isInside(text, article) {
			// Past the end of the headline's <article>, what is dated
			// is not the article: a sidebar, a teaser, a widget.
			break
		}
		l, ok := readDateLine(dateText(text, strings.TrimSpace(text.Data)), loc)
		if ok && !inComments(text) && !under(text, atom.Figcaption, atom.Nav, atom.Aside, atom.Blockquote) && !inNamedCaption(text) && !inStoryList(text) && !inCommentByHeader(text) && !inPageFooter(text) {
			return l, true
		}
	}
	return dateLine{}, false
}

// captionWords are the class or id fragments of the elements that
// caption or credit a photo without a <figcaption>: "wp-caption-text",
// "image-credit", German "bildunterschrift" and "bildtext", French
// "legende".
var captionWords = newFoldWords("caption", "credit", "bildunterschrift", "bildtext", "legende")

// captionLevels bounds the elements around a text read for a caption's
// name.
const captionLevels = 3

// inNamedCaption reports whether text node n lies in an element whose
// class or id names a photo's caption or credit: its date ("Archivbild
// vom 3. Mai 2012", "Foto: Anna, 03.05.2012") dates the photo.
func inNamedCaption(n *html.Node) bool {
	for p, i := n.Parent, 0; p != nil && i < captionLevels && p.DataAtom != atom.Body; p, i = p.Parent, i+1 {
		if p.Type == html.ElementNode && (captionWords.in(attrOf(p, "class")) || captionWords.in(attrOf(p, "id"))) {
			return true
		}
	}
	return false
}

// inPageFooter reports whether text node n lies in the page's footer
// (isSiteFooter) that belongs to the page as a whole, not to an
// article, main or section. A post's footer (WordPress's
// class="entry-footer") may print the post's date.
func inPageFooter(n *html.Node) bool {
	var footer *html.Node
	for p := n.Parent; p != nil && p.DataAtom != atom.Body; p = p.Parent {
		switch {
		case p.DataAtom == atom.Article || p.DataAtom == atom.Main || p.DataAtom == atom.Section:
			return false
		case footer == nil && isSiteFooter(p):
			footer = p
		}
	}
	return footer != nil
}

// commentHeaderLevels bounds the elements around a date line that are
// read for a comment header.
const commentHeaderLevels = 4

// inCommentByHeader reports whether text node n lies in an element that
// reads as a reader's comment by its header ("Max sagt:" over "7.
// Dezember 2016 um 10:00", see isComment), for comments that no class or
// id names (inComments).
func inCommentByHeader(n *html.Node) bool {
	var r leadReader
	for p, i := n.Parent, 0; p != nil && i < commentHeaderLevels && p.DataAtom != atom.Body; p, i = p.Parent, i+1 {
		if p.Type == html.ElementNode && isComment(p, &r) {
			return true
		}
	}
	return false
}

// storyListLevels bounds the elements around a date line tried as an
// item of a list of stories.
const storyListLevels = 4

// inStoryList reports whether text node n lies in an item of a list of
// other stories: a list item, or one of a run of sibling elements of one
// tag and class (teasers), of which at least two link to a page under
// words of their own and hold a date ("Frost im Beet 05.12.2016"). A
// post's own meta line as a list (author link, date, category) has one
// dated item.
func inStoryList(n *html.Node) bool {
	for item, i := n.Parent, 0; item != nil && i < storyListLevels && item.DataAtom != atom.Body; item, i = item.Parent, i+1 {
		if item.Type != html.ElementNode || item.Parent == nil {
			continue
		}
		class, dated := attrOf(item, "class"), 0
		for c := item.Parent.FirstChild; c != nil && dated < 2; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == item.DataAtom && attrOf(c, "class") == class && isDatedStoryItem(c) {
				dated++
			}
		}
		if dated >= 2 {
			return true
		}
	}
	return false
}

// maxStoryItemChars bounds the text of an item of a list of stories: a
// title, a date, a line of teaser.
const maxStoryItemChars = 2 * dateLineMaxChars

// isDatedStoryItem reports whether an item is short, holds a date and a
// link whose text is not a date (a story's title, not a permalink's
// date).
func isDatedStoryItem(item *html.Node) bool {
	text, short := limitedText(item, maxStoryItemChars)
	if !short || !mayHoldDate(text) {
		return false
	}
	found := false
	walkVisible(item, func(c *html.Node) bool {
		if c.Type == html.ElementNode && c.DataAtom == atom.A && attrOf(c, "href") != "" {
			if t, _ := limitedText(c, maxDateElemChars); t != "" && !mayHoldDate(t) {
				found = true
			}
		}
		return !found
	})
	return found
}

// minStoryArticleChars is the text an <article> must hold to be the story's
// box rather than a box around the headline alone.
const minStoryArticleChars = 2 * dateLineMaxChars

// storyArticle returns the <article> around the headline when it holds
// the story, more text than a headline box does, or nil.
func storyArticle(headline *html.Node) *html.Node {
	a := enclosing(headline, atom.Article)
	if a == nil {
		return nil
	}
	if _, short := limitedText(a, minStoryArticleChars); short {
		return nil
	}
	return a
}

// enclosing returns the nearest ancestor of n of one of the kinds, below
// the body, or nil.
func enclosing(n *html.Node, kinds ...atom.Atom) *html.Node {
	if n == nil {
		return nil
	}
	for p := n.Parent; p != nil && p.DataAtom != atom.Body; p = p.Parent {
		if p.Type == html.ElementNode && slices.Contains(kinds, p.DataAtom) {
			return p
		}
	}
	return nil
}

// under reports whether n lies inside an element of one of the kinds,
// below the body.
func under(n *html.Node, kinds ...atom.Atom) bool {
	return enclosing(n, kinds...) != nil
}

// dateMarks are the date candidates found in the body markup, in
// document order.
type dateMarks struct {
	published []string     // itemprop=datePublished, <time pubdate>, <time datetime>
	modified  []string     // itemprop=dateModified
	texts     []*html.Node // short text nodes with a year, after the headline
	itemprop  []string     // itemprop=datePublished, merged first into published
	created   []string     // itemprop=dateCreated, merged after the other published
	timeTags  []string     // other <time datetime> after the h1, merged last
}

// maxDateTexts bounds the dated texts collected after the headline.
const maxDateTexts = 40

// scanDateMarkup walks the body once, collecting date candidates. Plain
// <time> elements and dated texts before the headline are ignored: Arabic
// news sites print today's date in their header. headline is the heading
// that holds the headline (see findHeadline); when no heading does, the
// first h1 counts as the headline, and on a page without an h1
// everything counts.
func scanDateMarkup(body, headline *html.Node, hasH1 bool) dateMarks {
	var m dateMarks
	afterH1 := headline == nil && !hasH1
	walkVisible(body, func(n *html.Node) bool {
		switch n.Type {
		case html.ElementNode:
			afterH1 = afterH1 || n == headline || (headline == nil && n.DataAtom == atom.H1)
			m.addElement(n, afterH1)
		case html.TextNode:
			if afterH1 && len(m.texts) < maxDateTexts && len(n.Data) <= 300 && mayHoldDate(n.Data) {
				m.texts = append(m.texts, n)
			}
		}
		return true
	})
	m.published = slices.Concat(m.itemprop, m.published, m.created, m.timeTags)
	return m
}

// addElement records the dates an element carries in its markup:
// microdata (itemprop datePublished, dateModified, and dateCreated, read
// after the other publication marks), RDFa (property="dc:created", as Drupal writes
// it), <time datetime>, and the microformat <abbr class="published"
// title="2016-12-06T10:00:00+01:00"> whose text may be only the hour.
func (m *dateMarks) addElement(n *html.Node, afterH1 bool) {
	value := func() string {
		for _, k := range [...]string{"datetime", "content"} {
			if v := attrOf(n, k); v != "" {
				return v
			}
		}
		if v := attrOf(n, "title"); v != "" && n.DataAtom == atom.Abbr {
			return v
		}
		text, _ := limitedText(n, 200)
		return text
	}
	switch prop := attrOf(n, "itemprop"); {
	case strings.Contains(prop, "datePublished"):
		m.itemprop = append(m.itemprop, value())
	case strings.Contains(prop, "dateModified"):
		m.modified = append(m.modified, value())
	case strings.Contains(prop, "dateCreated"):
		m.created = append(m.created, value())
	case n.DataAtom == atom.Time && attrOf(n, "datetime") != "":
		if hasAttrKey(n, "pubdate") || containsASCIIFold(attrOf(n, "class"), "publish") || entryDate(n) {
			m.published = append(m.published, attrOf(n, "datetime"))
		} else if afterH1 && labelledUpdate(n) {
			m.modified = append(m.modified, attrOf(n, "datetime"))
		} else if afterH1 && !inComments(n) && !inPageFooter(n) {
			m.timeTags = append(m.timeTags, attrOf(n, "datetime"))
		}
	case n.DataAtom == atom.Abbr && attrOf(n, "title") != "":
		switch class := attrOf(n, "class"); {
		case containsASCIIFold(class, "published"):
			m.published = append(m.published, attrOf(n, "title"))
		case containsASCIIFold(class, "updated"):
			m.modified = append(m.modified, attrOf(n, "title"))
		}
	case prop == "" && attrOf(n, "content") != "" && n.DataAtom != atom.Meta:
		if rdfaPublished(attrOf(n, "property")) {
			m.itemprop = append(m.itemprop, attrOf(n, "content"))
		}
	case n.DataAtom != atom.Time && n.DataAtom != atom.Meta && hasDateAttr(n) && (isDateElement(n) || hasPublishAttr(n)) && !namesUpdate(n):
		// <span class="date" data-date="2016-12-06 10:00:00">vor 3
		// Jahren</span>: a date element that keeps its day in an
		// attribute counts as a <time datetime> does.
		if v := attrDate(n); v == "" {
		} else if containsASCIIFold(attrOf(n, "class"), "publish") {
			m.published = append(m.published, v)
		} else if afterH1 && !inComments(n) && !inPageFooter(n) {
			m.timeTags = append(m.timeTags, v)
		}
	}
}

// labelledUpdate reports whether the text right before element n, in
// its parent or before its parent, is an update label ("Zuletzt
// aktualisiert <time …>vor 2 Tagen</time>", "<span>Updated</span>
// <time …>").
func labelledUpdate(n *html.Node) bool {
	for e, i := n, 0; e != nil && i < 2; e, i = e.Parent, i+1 {
		for p := e.PrevSibling; p != nil; p = p.PrevSibling {
			var text string
			switch p.Type {
			case html.TextNode:
				text = strings.TrimSpace(p.Data)
			case html.ElementNode:
				text, _ = limitedText(p, maxDateElemChars)
			}
			if text == "" {
				continue
			}
			if len(text) > 40 {
				text = text[len(text)-40:]
			}
			return textkit.IsUpdateNotice(text) && !mayHoldDate(text)
		}
	}
	return false
}

// dateAttrs are the attributes in which date elements keep their date
// for scripts: an ISO date, or Unix seconds (data-utime, data-timestamp).
var dateAttrs = [...]string{"data-date", "data-datetime", "data-published", "data-publish-date", "data-time", "data-timestamp", "data-utime"}

// publishAttrs are the attributes of dateAttrs whose name alone says the
// element shows when something was published, whatever its class: Unix
// seconds for a script to print (<abbr data-utime="1481014800">), a
// publication. data-date or data-time may date an event or a reading
// time.
var publishAttrs = [...]string{"data-utime", "data-published", "data-publish-date"}

// hasPublishAttr reports whether n has one of publishAttrs.
func hasPublishAttr(n *html.Node) bool {
	for _, k := range publishAttrs {
		if hasAttrKey(n, k) {
			return true
		}
	}
	return false
}

// hasDateAttr reports whether n has one of dateAttrs or a title, the
// cheap test before attrDate and the class names of isDateElement.
func hasDateAttr(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "title" || strings.HasPrefix(a.Key, "data-") && slices.Contains(dateAttrs[:], a.Key) {
			return true
		}
	}
	return false
}

// maxTitleDate bounds a title attribute read as a date: a date with a
// label at most ("06.12.2016 10:00 Uhr"), not a sentence that names one.
const maxTitleDate = 40

// attrDate returns the first attribute of date element n that holds a
// whole date (see dateAttrs), or its title when that is a short date.
func attrDate(n *html.Node) string {
	for _, k := range dateAttrs {
		if v := strings.TrimSpace(attrOf(n, k)); v != "" {
			if _, ok := parseDate(v, time.UTC); ok {
				return v
			}
		}
	}
	if v := strings.TrimSpace(attrOf(n, "title")); v != "" && len(v) <= maxTitleDate && !textkit.IsUpdateNotice(v) {
		if _, ok := parseDate(v, time.UTC); ok {
			return v
		}
	}
	return ""
}

// namesUpdate reports whether n's class names an update or
// modification ("updated", "date-modified").
func namesUpdate(n *html.Node) bool {
	c := attrOf(n, "class")
	return containsASCIIFold(c, "updat") || containsASCIIFold(c, "modif")
}

// entryDate reports whether a <time> is marked as its post's date the
// way WordPress themes mark it (class="entry-date"), outside the lists,
// asides and navigation where other posts' dates are.
func entryDate(n *html.Node) bool {
	class := attrOf(n, "class")
	return (strings.HasPrefix(class, "entry-date") || strings.HasPrefix(class, "entry-time")) &&
		!under(n, atom.Li, atom.Aside, atom.Nav)
}

// rdfaPublished reports whether an RDFa property list names the
// publication or creation date: "dc:date dc:created",
// "schema:datePublished", "dcterms:issued".
func rdfaPublished(property string) bool {
	for _, p := range strings.Fields(property) {
		switch strings.ToLower(p) {
		case "dc:date", "dc:created", "dc:issued", "dcterms:date", "dcterms:created", "dcterms:issued",
			"datepublished", "schema:datepublished", "article:published_time":
			return true
		}
	}
	return false
}

// hasAttrKey reports whether n has the attribute, whatever its value.
func hasAttrKey(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}
