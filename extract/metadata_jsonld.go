package extract

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"
)

// ldArticle holds what the page's JSON-LD says about its article. Fields
// are raw strings; the callers parse dates and resolve URLs.
type ldArticle struct {
	Headline    string
	Name        string // the node's name, which some sites use for the headline
	Authors     []string
	Published   string
	Modified    string
	Uploaded    string // a VideoObject's uploadDate, on a page with no article node
	Publisher   string // publisher name
	WebSite     string // name of a WebSite node
	Image       string
	Description string
	Body        string
	Lang        string
}

// maxLDDepth bounds the walk over nested JSON-LD values, so a hostile
// page cannot make the walk deep.
const maxLDDepth = 32

// ldArticleTypes are the schema.org types whose node describes the article.
var ldArticleTypes = map[string]bool{
	"article": true, "newsarticle": true, "blogposting": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "reviewnewsarticle": true,
	"backgroundnewsarticle": true, "askpublicquestionarticle": true, "satiricalarticle": true,
	"scholarlyarticle": true, "techarticle": true, "report": true, "liveblogposting": true,
	"socialmediaposting": true, "discussionforumposting": true, "posting": true,
	"medicalscholarlyarticle": true, "advertisertcontentarticle": true, "review": true,
}

// readJSONLD parses every application/ld+json script of the page and
// returns the best article node found in them. Invalid scripts are
// repaired when the damage is common (raw newlines in strings, trailing
// commas, HTML comments around the JSON); a script past repair (a quote
// left unescaped in a headline) still gives its publication date when
// no script that parses does (see brokenLDDate).
func readJSONLD(idx *pageIndex) ldArticle {
	var nodes []map[string]any
	var broken []string
	for _, s := range idx.ldScripts {
		text := rawText(s)
		vals := decodeLD(text)
		if len(vals) == 0 && strings.TrimSpace(text) != "" {
			broken = append(broken, text)
		}
		for _, v := range vals {
			collectLDNodes(v, &nodes, 0)
		}
	}
	var a ldArticle
	if len(nodes) > 0 {
		a = ldFromNodes(nodes)
	}
	if a.Published == "" {
		a.Published = brokenLDDate(broken)
	}
	return a
}

// brokenLDDate returns the first publication date written as a JSON
// field (see scriptKeyDate) in JSON-LD scripts that do not parse.
func brokenLDDate(scripts []string) string {
	for _, text := range scripts {
		if m := scriptKeyDate.FindStringSubmatch(text); m != nil {
			return m[1]
		}
	}
	return ""
}

// decodeLD decodes the JSON values in a script body, repairing it once
// when it does not parse as is.
func decodeLD(text string) []any {
	vals, err := decodeJSONValues(text)
	if err == nil {
		return vals
	}
	fixed, ferr := decodeJSONValues(repairJSON(text))
	if ferr == nil || len(fixed) > len(vals) {
		return fixed
	}
	return vals
}

// decodeJSONValues decodes one or more concatenated JSON values.
func decodeJSONValues(text string) ([]any, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	var vals []any
	for {
		var v any
		err := dec.Decode(&v)
		if errors.Is(err, io.EOF) {
			return vals, nil
		}
		if err != nil {
			return vals, err
		}
		vals = append(vals, v)
	}
}

// repairJSON fixes the mistakes real pages make in JSON-LD: HTML comment
// or CDATA wrappers, control characters inside strings, trailing commas
// and a trailing semicolon.
func repairJSON(text string) string {
	t := strings.TrimSpace(text)
	for _, w := range [...]string{"//<![CDATA[", "//]]>", "<![CDATA[", "]]>", "<!--", "-->"} {
		t = strings.ReplaceAll(t, w, "")
	}
	t = strings.TrimRight(strings.TrimSpace(t), ";")
	var b bytes.Buffer
	b.Grow(len(t))
	inString, escaped := false, false
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case inString && escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		case inString && c < 0x20:
			c = ' '
		case !inString && c == ',' && closesNext(t[i+1:]):
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// closesNext reports whether the next non-space byte of s closes an
// object or array, i.e. whether a comma before s is a trailing comma.
func closesNext(s string) bool {
	s = strings.TrimLeft(s, " \t\r\n")
	return s != "" && (s[0] == '}' || s[0] == ']')
}

// collectLDNodes appends every JSON object found in v, walking arrays,
// @graph lists and nested properties breadth first, so that a page's
// top-level article comes before the related articles nested in it.
func collectLDNodes(v any, nodes *[]map[string]any, depth int) {
	type item struct {
		v     any
		depth int
	}
	queue := []item{{v, depth}}
	for len(queue) > 0 {
		it := queue[0]
		queue = queue[1:]
		if it.depth > maxLDDepth {
			continue
		}
		switch x := it.v.(type) {
		case []any:
			for _, e := range x {
				queue = append(queue, item{e, it.depth + 1})
			}
		case map[string]any:
			*nodes = append(*nodes, x)
			// Sorted keys keep the node order, and so the choice of
			// article, the same from run to run. Only the keys of
			// nested values need sorting; most values are strings.
			var nested []string
			for k, v := range x {
				switch v.(type) {
				case []any, map[string]any:
					nested = append(nested, k)
				}
			}
			slices.Sort(nested)
			for _, k := range nested {
				queue = append(queue, item{x[k], it.depth + 1})
			}
		}
	}
}
