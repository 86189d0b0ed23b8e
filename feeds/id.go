package feeds

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
)

// idPrefix starts every item ID. IDs are URNs, so RSS guids carry
// isPermaLink="false" and Atom ids are valid IRIs.
const idPrefix = "urn:refeed:"

// ItemID returns the stable ID of an item.
//
// The ID derives from the canonical URL when there is one, ignoring the
// scheme and a leading "www." so that an http→https or www migration and an
// article moving between source feeds keep the same ID; title edits never
// change it. Without a URL it falls back to the source's GUID and, as a
// last resort, to the title. A GUID that is itself a URI (contains ':', such
// as "urn:uuid:..." or "tag:...") is taken as globally unique; other GUIDs
// and titles are scoped by source, since "1234" means different things in
// different feeds.
func ItemID(canonicalURL, sourceGUID, title, source string) string {
	var key string
	switch {
	case canonicalURL != "":
		key = "u\x00" + urlIDKey(canonicalURL)
	case strings.TrimSpace(sourceGUID) != "":
		g := strings.TrimSpace(sourceGUID)
		if strings.Contains(g, ":") {
			key = "g\x00" + g
		} else {
			key = "g\x00" + source + "\x00" + g
		}
	default:
		key = "t\x00" + source + "\x00" + NormalizeTitle(title)
	}
	sum := sha256.Sum256([]byte(key))
	return idPrefix + hex.EncodeToString(sum[:16])
}

// urlIDKey strips what a site migration changes without changing the
// article: the scheme and a leading "www.".
func urlIDKey(u string) string {
	_, rest, ok := strings.Cut(u, "://")
	if !ok {
		return u
	}
	return strings.TrimPrefix(rest, "www.")
}

// ContentHash fingerprints the source's version of an item: the fields a
// publisher edits (title, summary, feed content, image, enclosures,
// categories, authors), not the dates, so a feed that rewrites pubDate on
// every fetch does not mark its items updated. Parse sets Item.ContentHash
// with it; callers must not recompute it after replacing Content with the
// extracted article, or every item would look changed on the next run.
func ContentHash(it Item) string {
	h := sha256.New()
	field := func(s string) {
		h.Write([]byte(strconv.Itoa(len(s))))
		h.Write([]byte{':'})
		h.Write([]byte(s))
	}
	field(it.URL)
	field(it.Title)
	field(it.Summary)
	field(it.Content)
	field(it.Image)
	for _, e := range it.Enclosures {
		field(e.URL + " " + e.Type + " " + strconv.FormatInt(e.Length, 10))
	}
	field(strings.Join(it.Categories, "\x00"))
	field(strings.Join(it.Authors, "\x00"))
	return hex.EncodeToString(h.Sum(nil)[:16])
}
