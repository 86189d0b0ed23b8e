package evaluate

import (
	"maps"
	"regexp"
	"slices"
)

// DateLayouts rewrite a page so that a date finder must find the
// publication day with less help than the page gives, as on sites that
// publish none of it as metadata; they leave the visible text alone:
//   - "no-meta": every <meta> tag and every JSON-LD script removed, as
//     sites without SEO plugins or structured data have it;
//   - "no-script": no-meta, and every other script removed too (the
//     dates some sites keep in a script's data, such as a tag manager's
//     data layer);
//   - "text-only": no-script, and the attributes that carry a date in
//     markup removed as well (datetime, content, itemprop and data-*
//     attributes naming a date): only the words a reader sees remain.
//
// Unlike Layouts they are for scoring a date finder, not an extractor.
var DateLayouts = map[string]Layout{
	"no-meta":   WithoutDateMetadata,
	"no-script": WithoutScripts,
	"text-only": DatesInTextOnly,
}

// DateLayoutNames returns the names of DateLayouts, sorted.
func DateLayoutNames() []string { return slices.Sorted(maps.Keys(DateLayouts)) }

var (
	metaTag      = regexp.MustCompile(`(?is)<meta\b[^>]*>`)
	jsonLDScript = regexp.MustCompile(`(?is)<script\b[^>]*ld\+json[^>]*>.*?</script\s*>`)
	anyScript    = regexp.MustCompile(`(?is)<script\b[^>]*>.*?</script\s*>`)
	dateAttr     = regexp.MustCompile(`(?i)\s(?:datetime|content|itemprop|data-[a-z-]*(?:date|time)[a-z-]*)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)`)
)

// WithoutDateMetadata removes every <meta> tag and every JSON-LD script.
func WithoutDateMetadata(page []byte) []byte {
	return jsonLDScript.ReplaceAll(metaTag.ReplaceAll(page, nil), nil)
}

// WithoutScripts is WithoutDateMetadata, and every other script removed.
func WithoutScripts(page []byte) []byte {
	return anyScript.ReplaceAll(WithoutDateMetadata(page), nil)
}

// DatesInTextOnly is WithoutScripts, and the attributes that carry a date
// in markup (datetime, content, itemprop, data-*date*, data-*time*)
// removed.
func DatesInTextOnly(page []byte) []byte {
	return dateAttr.ReplaceAll(WithoutScripts(page), nil)
}
