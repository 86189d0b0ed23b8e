package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// metaTags maps a lowercased <meta> key (a token of its property, name,
// itemprop or http-equiv attribute) to the first non-empty content given
// for it. A property such as "og:title twitter:title" sets both keys.
type metaTags map[string]string

// collectMeta reads every <meta> element of the document once. A date
// given in a datetime attribute instead of content (<meta
// itemprop="datePublished" datetime="…">) counts as its content, and a
// meta marked pubdate (<meta pubdate="pubdate" content="…">) sets the
// key "pubdate".
func collectMeta(idx *pageIndex) metaTags {
	tags := make(metaTags, len(idx.metas))
	set := func(key, content string) {
		key = strings.ToLower(key)
		if _, ok := tags[key]; !ok {
			tags[key] = content
		}
	}
	for _, n := range idx.metas {
		content := unescapeTwice(collapseSpace(attrOf(n, "content")))
		if content == "" {
			content = collapseSpace(attrOf(n, "datetime"))
		}
		if content == "" {
			continue
		}
		for _, a := range [...]string{"property", "name", "itemprop", "http-equiv"} {
			for _, key := range strings.Fields(attrOf(n, a)) {
				set(key, content)
			}
		}
		if strings.EqualFold(strings.TrimSpace(attrOf(n, "pubdate")), "pubdate") {
			set("pubdate", content)
		}
	}
	return tags
}

// first returns the content of the first key that the page sets.
func (t metaTags) first(keys ...string) string {
	for _, k := range keys {
		if v := t[k]; v != "" {
			return v
		}
	}
	return ""
}

// collapseSpace trims s and collapses every run of white space to one space.
func collapseSpace(s string) string {
	if !needsSpaceFix(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// needsSpaceFix reports whether collapseSpace would change s, so the common
// already-clean case costs no allocation.
func needsSpaceFix(s string) bool {
	prevSpace := true
	for _, r := range s {
		space := unicode.IsSpace(r)
		if space && (r != ' ' || prevSpace) {
			return true
		}
		prevSpace = space
	}
	return prevSpace && s != ""
}

// unescapeTwice decodes HTML entities left in text the parser already
// decoded once: pages that escape twice show "&amp;" or "&quot;" as is,
// and JSON-LD strings often carry entities.
func unescapeTwice(s string) string {
	if !strings.Contains(s, "&") || !strings.Contains(s, ";") {
		return s
	}
	return html.UnescapeString(s)
}
