// Package siterules loads per-site extraction rules in the ftr-site-config
// format (the files Full-Text RSS, wallabag and Instapaper share) and applies
// them to article pages before the generic extractor runs.
//
// A rule folder holds one file per host. example.com.txt covers example.com
// and www.example.com; .example.com.txt covers every subdomain of
// example.com (the longest matching suffix wins) but not example.com itself;
// global.txt holds rules for every site and is used only when the operator
// opts in with Options.Global. Each file has one "directive: value" per line
// and # comments; XPath values are XPath 1.0 and are compiled once, at load.
//
// What Apply honours, in the order it applies them:
//
//   - find_string/replace_string pairs and replace_string(find): replace, on
//     the raw HTML before it is parsed;
//   - title, date and author XPaths (read before anything is stripped; the
//     first title and date that match win, every author match is kept);
//   - strip (XPath), strip_id_or_class (substring of @id or @class, as the
//     format's documentation says), strip_image_src (substring of img/@src),
//     strip_attr (XPath of attributes), dissolve (XPath: keep the children,
//     drop the element) and wrap_in(tag): XPath;
//   - body: the first body line whose XPath matches anything wins; when that
//     one expression matches several nodes (a union such as "//h2 | //div")
//     they are all kept, in document order, as Full-Text RSS 3.x does;
//   - single_page_link and next_page_link: the first match is resolved
//     against the page URL and reported; following them is the caller's
//     choice.
//
// Reported but not acted on: prune (the extractor cleans the body itself),
// autodetect_on_failure (the caller decides whether to fall back to the
// heuristics; Apply always returns the stripped page when no body matches),
// tidy (golang.org/x/net/html already repairs markup the way HTML5 browsers
// do), http_header (see Site.Headers, for the fetcher) and test_url /
// test_contains (regression pairs that need the live site). Login
// directives, parser, move_into, native_ad_clue, if_page_contains,
// src_lazy_load_attr, convert_double_br_tags, insert_detected_image,
// skip_json_ld and similar are recognised and ignored without a warning;
// anything else is a warning.
//
// html, head and body elements are never stripped: WordPress puts words such
// as "single-post" in the body's class, and a substring rule would otherwise
// remove the whole page.
package siterules
