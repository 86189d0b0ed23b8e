package feeds

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"golang.org/x/net/idna"

	"github.com/refeed/refeed/internal/clean"
)

// ErrNotWebURL reports a link that is not an absolute http(s) URL after
// resolution (mailto:, javascript:, urn:, tag:, an empty string...).
var ErrNotWebURL = errors.New("feeds: not an http(s) url")

// ErrURLTooLong reports a link longer than clean.MaxURLLength bytes, which
// refeed does not republish.
var ErrURLTooLong = errors.New("feeds: url too long")

// CanonicalURL resolves raw against base and returns the canonical form of
// the result, used both as the item's output link and as the key of its
// stable ID:
//
//   - surrounding whitespace and embedded line breaks are removed;
//   - scheme and host are lower-cased, internationalised hosts converted to
//     punycode, a trailing dot, user info and default ports dropped;
//   - an empty path becomes "/", dot segments are resolved, and the path is
//     re-escaped in one spelling (upper-case hex, non-ASCII percent-encoded)
//     so that a raw Arabic path and its percent-encoded form are the same URL;
//   - the fragment is dropped, except hash-bang ("#!") routes;
//   - tracking parameters (utm_*, fbclid, gclid, ...) are removed.
//
// The remaining query parameters keep their order and spelling: some sites
// route on the raw query string, and because the canonical URL is also the
// link readers follow, reordering would trade rare false "different
// article" results for broken links. Feeds emit their own links
// consistently, so unsorted queries dedupe well in practice.
//
// base may be empty when raw is absolute. The error wraps ErrNotWebURL when
// the result is not an absolute http or https URL, and ErrURLTooLong when
// raw or the result is longer than clean.MaxURLLength.
func CanonicalURL(raw, base string) (string, error) {
	raw = strings.Map(dropLineBreaks, strings.TrimSpace(raw))
	if raw == "" {
		return "", fmt.Errorf("%w: empty link", ErrNotWebURL)
	}
	if !clean.URLFits(raw) {
		return "", fmt.Errorf("%w: longer than %d bytes", ErrURLTooLong, clean.MaxURLLength)
	}
	ref, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("feeds: parse url %q: %w", raw, err)
	}
	if base != "" && !ref.IsAbs() {
		b, err := url.Parse(strings.TrimSpace(base))
		if err != nil {
			return "", fmt.Errorf("feeds: parse base url %q: %w", base, err)
		}
		ref = b.ResolveReference(ref)
	} else {
		// Resolving an empty reference removes dot segments from the path
		// but also drops the fragment, which canonicalize decides about.
		frag := ref.Fragment
		ref = ref.ResolveReference(&url.URL{})
		ref.Fragment = frag
	}
	return canonicalize(ref)
}

func canonicalize(u *url.URL) (string, error) {
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("%w: %q", ErrNotWebURL, u.String())
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if a, err := idna.Lookup.ToASCII(host); err == nil {
		host = a // one spelling for internationalised domain names
	}
	if host == "" {
		return "", fmt.Errorf("%w: no host in %q", ErrNotWebURL, u.String())
	}
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") { // IPv6 literal
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	u.Host, u.User, u.Opaque = host, nil, ""
	if u.Path == "" {
		u.Path = "/"
	}
	// Re-escape the path in Go's single spelling unless the raw form holds
	// an escaped slash, which decoding would turn into a path separator.
	if !strings.Contains(strings.ToLower(u.RawPath), "%2f") {
		u.RawPath = ""
	}
	u.RawQuery = cleanQuery(u.RawQuery)
	u.ForceQuery = false
	if !strings.HasPrefix(u.Fragment, "!") {
		u.Fragment, u.RawFragment = "", ""
	}
	if s := u.String(); clean.URLFits(s) {
		return s, nil
	}
	return "", fmt.Errorf("%w: longer than %d bytes once escaped", ErrURLTooLong, clean.MaxURLLength)
}

func dropLineBreaks(r rune) rune {
	if r == '\n' || r == '\r' || r == '\t' {
		return -1
	}
	return r
}

// cleanQuery removes tracking parameters from a raw query, keeping the
// order and spelling of the others, and percent-encodes bytes that must not
// appear raw (spaces, non-ASCII) so that one URL has one spelling.
func cleanQuery(raw string) string {
	if raw == "" {
		return ""
	}
	parts := strings.Split(raw, "&")
	kept := parts[:0]
	for _, p := range parts {
		if p == "" {
			continue
		}
		key, _, _ := strings.Cut(p, "=")
		if k, err := url.QueryUnescape(key); err == nil && isTrackingParam(k) {
			continue
		}
		kept = append(kept, escapeQueryPart(p))
	}
	return strings.Join(kept, "&")
}

// escapeQueryPart percent-encodes bytes outside printable ASCII and
// upper-cases existing escapes.
func escapeQueryPart(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte('%')
			b.WriteString(strings.ToUpper(s[i+1 : i+3]))
			i += 2
		case c <= ' ' || c >= 0x7f || c == '"' || c == '<' || c == '>':
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return ('0' <= c && c <= '9') || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F')
}

// isTrackingParam reports query keys that only carry click/campaign
// attribution and never select content.
func isTrackingParam(key string) bool {
	k := strings.ToLower(key)
	if strings.HasPrefix(k, "utm_") || strings.HasPrefix(k, "_hs") {
		return true
	}
	switch k {
	case "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid",
		"mc_cid", "mc_eid", "_ga", "_gl", "igshid", "ref_src", "ref_url",
		"mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv",
		"wt.mc_id", "__twitter_impression", "twclid", "ttclid", "s_cid",
		"at_medium", "at_campaign", "at_custom1", "at_custom2", "at_custom3", "at_custom4",
		"cmpid", "ncid", "spm", "amp_share":
		return true
	}
	return false
}
