package listing

import (
	"net/url"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// shape describes what a URL looks like, with the words taken out:
// "/news/2024/05/12/some-long-slug.html" has the template "t/n/n/n/t.html"
// and the signs of an article (a date and a slug).
type shape struct {
	template string
	article  bool // an id, a date or a long slug: looks like an article
	listing  bool // a tag, category, author, search or page-N URL
}

// urlShape returns the shape of the canonical URL c.
func urlShape(c string) shape {
	u, err := url.Parse(c)
	if err != nil {
		return shape{listing: true}
	}
	var sh shape
	var tpl []string
	segs := strings.Split(strings.Trim(u.Path, "/"), "/")
	for i, seg := range segs {
		if seg == "" {
			continue
		}
		if s, err := url.PathUnescape(seg); err == nil {
			seg = s
		}
		if listingSegment(strings.ToLower(seg), i+1 < len(segs)) {
			sh.listing = true
		}
		class, article := segmentClass(seg)
		sh.article = sh.article || article
		tpl = append(tpl, class)
	}
	sh.article = sh.article || hasDatePath(segs)
	q, article, listing := queryShape(u.Query())
	sh.article = sh.article || article
	sh.listing = sh.listing || listing && !article
	sh.template = strings.Join(tpl, "/") + q
	return sh
}

// segmentClass generalises one path segment: "n" for a number, "i" for an
// id mixed with letters ("article12345"), "t" for text (a word or a slug,
// since sites cut slugs to any length); an extension (".html", ".php") is
// kept. article reports a segment that alone suggests an article page: an
// id of 4+ digits (not a year) or a slug of 3+ words or 30+ characters.
func segmentClass(seg string) (class string, article bool) {
	ext := ""
	if dot := strings.LastIndexByte(seg, '.'); dot > 0 {
		ext, seg = strings.ToLower(seg[dot:]), seg[:dot]
	}
	digits, letters, run, longest := 0, 0, 0, 0
	for _, r := range seg {
		switch {
		case r >= '0' && r <= '9':
			digits++
			run++
			longest = max(longest, run)
			continue
		case unicode.IsLetter(r):
			letters++
		}
		run = 0
	}
	words := len(strings.FieldsFunc(seg, func(r rune) bool { return r == '-' || r == '_' || r == '+' || r == ' ' }))
	switch {
	case digits > 0 && letters == 0:
		return "n" + ext, longest >= 5 || longest == 4 && !isYear(seg)
	case longest >= 4 && words < 3:
		return "i" + ext, true
	}
	return "t" + ext, words >= 3 || utf8.RuneCountInString(seg) >= 30
}

// hasDatePath reports a /2024/05/ or /2024/05/12/ run in the path.
func hasDatePath(segs []string) bool {
	for i := 0; i+1 < len(segs); i++ {
		y, m := segs[i], segs[i+1]
		if len(y) == 4 && (strings.HasPrefix(y, "19") || strings.HasPrefix(y, "20")) && allDigits(y) &&
			len(m) >= 1 && len(m) <= 2 && allDigits(m) {
			return true
		}
	}
	return false
}

// isYear reports whether s is a year of the web era, 1990–2099.
func isYear(s string) bool {
	return len(s) == 4 && (s >= "1990" && s <= "2099")
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// listingSegments are path segments of pages that list articles or are
// about the site rather than news: tag, category, author, search, login.
var listingSegments = map[string]bool{
	"tag": true, "tags": true, "category": true, "categories": true, "cat": true, "topic": true, "topics": true,
	"author": true, "authors": true, "writer": true, "writers": true, "search": true, "login": true, "signin": true,
	"register": true, "signup": true, "user": true, "users": true, "account": true, "profile": true,
	"feed": true, "rss": true, "wp-login": true, "wp-admin": true, "comments": true, "contact": true, "contact-us": true,
	"about": true, "about-us": true, "privacy": true, "privacy-policy": true, "terms": true, "advertise": true,
	"وسم": true, "الوسوم": true, "تصنيف": true, "قسم": true, "كاتب": true, "الكاتب": true, "بحث": true,
}

// listingSegment reports whether a (lower-cased, unescaped) path segment
// marks a non-article page; "page" does only when more follows (/page/2/).
func listingSegment(seg string, more bool) bool {
	if i := strings.LastIndexByte(seg, '.'); i > 0 {
		seg = seg[:i]
	}
	return listingSegments[seg] || (seg == "page" && more)
}

// queryShape generalises a query to its sorted keys with the kind of
// value ("?id=n"). article reports an article id: a number under an
// id-like key (index.php?id=12345, ?p=99), or any number of 5+ digits
// (al-Mada's view.php?cat=268767 is an article, cat=2 a category).
// listing reports a tag, category, author, search or page parameter.
func queryShape(q url.Values) (tpl string, article, listing bool) {
	if len(q) == 0 {
		return "", false, false
	}
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		v, lk := q.Get(k), strings.ToLower(k)
		kind := "t"
		if allDigits(v) {
			kind = "n"
			article = article || idKey(lk) || len(v) >= 5
		}
		switch lk {
		case "tag", "tags", "cat", "category", "catid", "cat_id", "author", "s", "q", "search", "page", "paged", "lang":
			listing = listing || !(kind == "n" && len(v) >= 5)
		}
		sep := "&"
		if i == 0 {
			sep = "?"
		}
		b.WriteString(sep + lk + "=" + kind)
	}
	return b.String(), article, listing
}

// idKey reports whether a query key names an article id.
func idKey(k string) bool {
	switch k {
	case "p", "article", "news", "post", "story", "nid", "aid", "sid", "newsid", "articleid", "news_id", "article_id", "post_id", "story_id":
		return true
	}
	return k == "id" || strings.HasSuffix(k, "id") && !strings.HasPrefix(k, "cat")
}
