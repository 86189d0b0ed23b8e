package extract

import (
	"strings"
)

// ldFromNodes picks the article node among all JSON-LD nodes of the page
// and reads its fields, resolving {"@id": ...} references to other nodes.
func ldFromNodes(nodes []map[string]any) ldArticle {
	ids := make(map[string]map[string]any)
	for _, n := range nodes {
		if id := ldString(n["@id"]); id != "" && len(n) > 1 {
			if _, ok := ids[id]; !ok {
				ids[id] = n
			}
		}
	}
	var a ldArticle
	art := pickLDArticle(nodes)
	for _, n := range nodes {
		if a.WebSite == "" && hasLDType(n, "website") {
			a.WebSite = ldName(n["name"], ids)
		}
	}
	if art == nil || !isLDArticle(art) {
		a.Uploaded = videoUploadDate(nodes)
	}
	if art == nil {
		return a
	}
	a.Headline = ldString(art["headline"])
	a.Name = ldString(art["name"])
	a.Authors = ldNames(art["author"], ids)
	if len(a.Authors) == 0 {
		a.Authors = ldNames(art["creator"], ids)
	}
	a.Published = ldString(art["datePublished"])
	if a.Published == "" {
		a.Published = ldString(art["dateCreated"])
	}
	a.Modified = ldString(art["dateModified"])
	a.Publisher = ldName(art["publisher"], ids)
	a.Image = ldURL(art["image"], ids, 0)
	if a.Image == "" {
		a.Image = ldURL(art["thumbnailUrl"], ids, 0)
	}
	a.Description = ldString(art["description"])
	a.Body = ldText(art["articleBody"])
	a.Lang = ldLang(art["inLanguage"])
	return a
}

// videoUploadDate returns the uploadDate of the first VideoObject node:
// on a page that describes no article, the video is what the page
// publishes.
func videoUploadDate(nodes []map[string]any) string {
	for _, n := range nodes {
		if hasLDType(n, "videoobject") {
			if d := ldString(n["uploadDate"]); d != "" {
				return d
			}
		}
	}
	return ""
}

// isLDArticle reports whether the node is of an article type
// (ldArticleTypes).
func isLDArticle(n map[string]any) bool {
	for _, t := range ldTypes(n) {
		if ldArticleTypes[t] {
			return true
		}
	}
	return false
}

// pickLDArticle returns the first node of an article type, or failing
// that the first WebPage-like node that carries a headline or a date.
func pickLDArticle(nodes []map[string]any) map[string]any {
	var fallback map[string]any
	for _, n := range nodes {
		if isLDArticle(n) {
			return n
		}
		if fallback == nil && (n["headline"] != nil || n["datePublished"] != nil) {
			fallback = n
		}
	}
	return fallback
}

// ldTypes returns the node's @type values, lowercased and without a
// schema.org prefix.
func ldTypes(n map[string]any) []string {
	var out []string
	add := func(v any) {
		s, ok := v.(string)
		if !ok {
			return
		}
		if i := strings.LastIndexAny(s, "/:"); i >= 0 {
			s = s[i+1:]
		}
		out = append(out, strings.ToLower(s))
	}
	switch t := n["@type"].(type) {
	case []any:
		for _, e := range t {
			add(e)
		}
	default:
		add(t)
	}
	return out
}

// hasLDType reports whether the node has the given lowercased type.
func hasLDType(n map[string]any, typ string) bool {
	for _, t := range ldTypes(n) {
		if t == typ {
			return true
		}
	}
	return false
}

// ldString returns v as trimmed text when it is a string, or the first
// string of an array of strings.
func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return unescapeTwice(collapseSpace(x))
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok && strings.TrimSpace(s) != "" {
				return unescapeTwice(collapseSpace(s))
			}
		}
	case map[string]any:
		if s, ok := x["@value"].(string); ok {
			return unescapeTwice(collapseSpace(s))
		}
	}
	return ""
}

// ldNames returns the names of the people or organisations in v, which
// may be a name, a Person object, an @id reference, or an array of those.
// Organisations are left out when people are named too: "Ali Hassan", not
// "Ali Hassan, Shafaq News".
func ldNames(v any, ids map[string]map[string]any) []string {
	items, ok := v.([]any)
	if !ok {
		items = []any{v}
	}
	var people, orgs []string
	seen := make(map[string]bool)
	for _, e := range items {
		name := ldName(e, ids)
		if name == "" || seen[name] || looksLikeURL(name) {
			continue
		}
		seen[name] = true
		if ldIsOrganization(e, ids) {
			orgs = append(orgs, name)
		} else {
			people = append(people, name)
		}
	}
	if len(people) > 0 {
		return people
	}
	return orgs
}

// ldIsOrganization reports whether v, or the node it refers to, is an
// Organization (or a subtype such as NewsMediaOrganization).
func ldIsOrganization(v any, ids map[string]map[string]any) bool {
	n, ok := v.(map[string]any)
	if !ok {
		return false
	}
	if ref, ok := ids[ldString(n["@id"])]; ok && len(ldTypes(n)) == 0 {
		n = ref
	}
	for _, t := range ldTypes(n) {
		if strings.HasSuffix(t, "organization") {
			return true
		}
	}
	return false
}

// ldName returns the name of a thing given by name, object or reference.
func ldName(v any, ids map[string]map[string]any) string {
	switch x := v.(type) {
	case string:
		return collapseSpace(x)
	case []any:
		if len(x) > 0 {
			return ldName(x[0], ids)
		}
	case map[string]any:
		if name := ldString(x["name"]); name != "" {
			return name
		}
		if ref, ok := ids[ldString(x["@id"])]; ok {
			return ldString(ref["name"])
		}
	}
	return ""
}

// ldURL returns the first URL in an image-like value: a URL string, an
// ImageObject (url, contentUrl), a reference, or an array of those.
func ldURL(v any, ids map[string]map[string]any, depth int) string {
	if depth > 4 {
		return ""
	}
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		for _, e := range x {
			if u := ldURL(e, ids, depth+1); u != "" {
				return u
			}
		}
	case map[string]any:
		for _, k := range [...]string{"url", "contentUrl"} {
			if u := ldURL(x[k], ids, depth+1); u != "" {
				return u
			}
		}
		if ref, ok := ids[ldString(x["@id"])]; ok && len(x) == 1 {
			return ldURL(ref, ids, depth+1)
		}
	}
	return ""
}

// ldLang reads inLanguage, which is a tag or a Language object.
func ldLang(v any) string {
	if m, ok := v.(map[string]any); ok {
		return ldString(m["alternateName"])
	}
	return ldString(v)
}

// looksLikeURL reports whether s is a link rather than a name.
func looksLikeURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "//")
}

// ldText returns a long text value trimmed but with its line breaks, which
// separate paragraphs.
func ldText(v any) string {
	s, _ := v.(string)
	return strings.TrimSpace(s)
}
