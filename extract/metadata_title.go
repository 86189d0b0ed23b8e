package extract

import (
	"github.com/refeed/refeed/internal/textkit"
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// titleSeparators split a page title into headline and site name, in
// order of preference. Arabic sites use the same marks as Latin ones,
// plus the tatweel-like dash "ـ".
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " » ", " « ", " · ", " • ", " ~ ", " / ", " ـ ", "|", " ｜ "}

// pickTitle chooses the headline: the JSON-LD headline or name when the
// <title>, the h1 or a meta title confirm it (some sites put a summary in
// headline), else the meta title (og:title first), else the <title>, each
// without a site name before or after a separator. A <title> whose site
// name is unknown is split by splitTitle.
func pickTitle(idx *pageIndex, tags metaTags, ld ldArticle, site string, pageURL *url.URL) string {
	docTitle := collapsedText(idx.title)
	h1 := collapsedText(idx.h1)
	if h1 == "" {
		// A page without h1 (old table layouts) shows its headline in <b>
		// or <font>: the part of the <title> found as a text of its own.
		h1 = headlineInBody(idx.body, docTitle)
	}
	metaTitle := tags.first("dc:title", "dcterms.title", "dc.title", "og:title", "title", "twitter:title", "parsely-title", "sailthru.title")
	names := titleSiteNames(site, pageURL, docTitle, h1)
	meta := stripSiteName(metaTitle, names)
	if isSiteName(meta, names) {
		meta = "" // an og:title that is the site name on every page
	}
	confirms := []string{titleKey(docTitle), titleKey(h1), titleKey(metaTitle)}
	for _, c := range [...]string{ld.Headline, ld.Name} {
		if c = stripSiteName(c, names); confirmed(titleKey(c), confirms) && !isSiteName(c, names) {
			return untruncated(c, meta)
		}
	}
	if meta != "" {
		return meta
	}
	if t := stripSiteName(docTitle, names); t != docTitle {
		return t // a known site name was removed
	}
	if docTitle != "" && !isSiteName(docTitle, names) {
		t, dropped := splitTitle(docTitle, h1)
		if len(dropped) == 0 && genericTitle(t, h1) {
			return h1
		}
		return t
	}
	if ld.Headline != "" {
		return stripSiteName(ld.Headline, names)
	}
	if h1 != "" {
		return h1
	}
	return docTitle
}

// genericTitle reports whether a <title> without separators looks like
// the same text on every page of the site (its name) rather than this
// page's headline: the h1 is a longer headline of three words or more
// that shares no word with it.
func genericTitle(t, h1 string) bool {
	if countWords(h1) < 3 || len(titleKey(h1)) <= len(titleKey(t)) {
		return false
	}
	words := make(map[string]bool)
	for _, w := range strings.Fields(t) {
		if k := titleKey(w); k != "" {
			words[k] = true
		}
	}
	for _, w := range strings.Fields(h1) {
		if words[titleKey(w)] {
			return false
		}
	}
	return true
}

// titleSiteNames returns the site's names as folded keys: the declared
// site name, the host name, and the parts splitTitle drops from the
// <title>. The last ones catch a site name we did not know ("… - السومرية
// نيوز" on a site whose og:site_name is "Alsumaria") so that it is
// stripped from og:title too.
func titleSiteNames(site string, pageURL *url.URL, docTitle, h1 string) []string {
	names := siteNames(site, pageURL)
	_, dropped := splitTitle(docTitle, h1)
	for _, d := range dropped {
		if k := titleKey(d); k != "" {
			names = append(names, k)
		}
	}
	return names
}

// isSiteName reports whether the whole title is one of the site's names.
func isSiteName(t string, names []string) bool {
	k := titleKey(t)
	return k != "" && slices.Contains(names, k)
}

// untruncated returns other when it is c continued (sites cut JSON-LD
// headlines at 110 characters, per Google's old guideline), else c.
func untruncated(c, other string) string {
	ck, ok := titleKey(c), titleKey(other)
	if len(ok) > len(ck) && strings.HasPrefix(ok, ck) {
		return other
	}
	return c
}

// confirmed reports whether the folded title key appears in one of the
// other folded titles of the page.
func confirmed(key string, others []string) bool {
	if key == "" {
		return false
	}
	for _, o := range others {
		if strings.Contains(o, key) {
			return true
		}
	}
	return false
}

// siteNames returns the names the site may go by in its titles: the
// declared site name and the main label of the host name.
func siteNames(site string, pageURL *url.URL) []string {
	var names []string
	if k := titleKey(site); k != "" {
		names = append(names, k)
	}
	if pageURL != nil {
		host := strings.TrimPrefix(pageURL.Hostname(), "www.")
		if i := strings.IndexByte(host, '.'); i > 0 {
			host = host[:i]
		}
		if len(host) >= 3 {
			names = append(names, titleKey(host))
		}
	}
	return names
}

// stripSiteName removes a leading or trailing part, cut at a separator,
// that names the site. It returns t unchanged when no part does.
func stripSiteName(t string, names []string) string {
	t = collapseSpace(t)
	if t == "" || len(names) == 0 {
		return t
	}
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(t, sep); i > 0 && namesSite(t[i+len(sep):], names) {
			return stripSiteName(strings.TrimSpace(t[:i]), names)
		}
		if i := strings.Index(t, sep); i > 0 && namesSite(t[:i], names) {
			return stripSiteName(strings.TrimSpace(t[i+len(sep):]), names)
		}
	}
	return t
}

// namesSite reports whether a title part is the site's name: equal to one
// of the names, or containing or contained in one, ignoring case, spaces
// and punctuation.
func namesSite(part string, names []string) bool {
	k := titleKey(part)
	if k == "" {
		return false
	}
	for _, n := range names {
		if k == n || (len(n) >= 3 && strings.Contains(k, n) && len(k) <= 2*len(n)+8) || (len(k) >= 4 && strings.Contains(n, k)) {
			return true
		}
	}
	return false
}

// splitTitle handles a <title> with separators but no known site name:
// a part equal to the h1 wins when it is the longest part (a short h1 is
// often the site logo); otherwise a short last part is taken for the site
// name and dropped when what remains is long enough. It returns the title
// and the parts it dropped.
func splitTitle(t, h1 string) (title string, dropped []string) {
	hk := titleKey(h1)
	for _, sep := range titleSeparators {
		parts := strings.Split(t, sep)
		if len(parts) < 2 {
			continue
		}
		if i := longestPart(parts); hk != "" && titleKey(parts[i]) == hk {
			return strings.TrimSpace(parts[i]), slices.Delete(parts, i, i+1)
		}
		head := strings.TrimSpace(strings.Join(parts[:len(parts)-1], sep))
		last := strings.TrimSpace(parts[len(parts)-1])
		if countWords(last) <= 4 && countWords(head) >= 3 && utf8.RuneCountInString(last) < utf8.RuneCountInString(head) {
			return head, []string{last}
		}
		return t, nil
	}
	return t, nil
}

// headlineInBody returns the longest part of a <title> split by a
// separator when body holds it as a text node of its own, or "".
func headlineInBody(body *html.Node, docTitle string) string {
	if body == nil {
		return ""
	}
	for _, sep := range titleSeparators {
		parts := strings.Split(docTitle, sep)
		if len(parts) < 2 {
			continue
		}
		part := strings.TrimSpace(parts[longestPart(parts)])
		if countWords(part) < 3 || !hasTextNode(body, titleKey(part), len(part)) {
			return ""
		}
		return part
	}
	return ""
}

// hasTextNode reports whether a text node under n folds to key; size, the
// byte length of the text key came from, skips nodes that cannot match.
func hasTextNode(n *html.Node, key string, size int) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			if t := strings.TrimSpace(c.Data); len(t) >= len(key) && len(t) <= 2*size && titleKey(t) == key {
				return true
			}
		case c.Type == html.ElementNode && c.DataAtom != atom.Script && c.DataAtom != atom.Style:
			if hasTextNode(c, key, size) {
				return true
			}
		}
	}
	return false
}

// longestPart returns the index of the part with the most runes.
func longestPart(parts []string) int {
	best, bestLen := 0, -1
	for i, p := range parts {
		if n := utf8.RuneCountInString(p); n > bestLen {
			best, bestLen = i, n
		}
	}
	return best
}

// titleKey folds s for comparison: lowercase letters and digits only.
func titleKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// countWords counts the words of s (textkit.CountWords).
func countWords(s string) int { return textkit.CountWords(s, -1) }

// countWordsUpTo is countWords that stops counting at limit words.
func countWordsUpTo(s string, limit int) int { return textkit.CountWords(s, limit) }
