package feeds

import (
	"cmp"
	"strconv"
	"strings"
	"time"

	"github.com/microcosm-cc/bluemonday"
	"github.com/mmcdole/gofeed"
	ext "github.com/mmcdole/gofeed/extensions"

	"github.com/refeed/refeed/internal/clean"
)

// translator maps gofeed's universal model onto ours for one feed.
type translator struct {
	feedURL  string
	base     string // URL relative links resolve against
	lang     string
	sanitize *bluemonday.Policy
	loc      *time.Location // zone of dates written without one; nil: UTC
}

func (t *translator) feed(gf *gofeed.Feed) *Parsed {
	p := &Parsed{
		Title:       clean.Text(plainTitle(gf.Title)),
		Description: clean.Text(htmlText(gf.Description)),
		Language:    normalizeLang(gf.Language),
		Format:      gf.FeedType,
		Version:     gf.FeedVersion,
	}
	if t.base == "" {
		t.base = gf.Link
	}
	p.Link = t.url(gf.Link)
	if gf.Image != nil {
		p.Image = t.url(gf.Image.URL)
	}
	t.lang = p.Language
	var items []Item
	for _, gi := range gf.Items {
		if gi != nil {
			items = append(items, t.item(gi))
		}
	}
	t.dropSharedGUIDs(items)
	t.unshareURLs(items, p.Link)
	seen := make(map[string]bool, len(items))
	for _, it := range items {
		if !seen[it.ID] {
			seen[it.ID] = true
			p.Items = append(p.Items, it)
		}
	}
	return p
}

// dropSharedGUIDs clears the SourceGUID of items whose GUID another item
// of the same document carries with a different link (or, for items
// without one, a different title). Broken CMSs stamp every item with the
// home page or a constant; such a GUID identifies nothing, and Select,
// which matches copies of one article by GUID, would fold the different
// stories into one. Two versions of one article under one link keep their
// GUID. Items whose ID came from the GUID (no usable link) get their ID
// from the title instead.
func (t *translator) dropSharedGUIDs(items []Item) {
	stories := make(map[string]map[string]bool)
	for _, it := range items {
		if it.SourceGUID == "" {
			continue
		}
		if stories[it.SourceGUID] == nil {
			stories[it.SourceGUID] = make(map[string]bool)
		}
		story := "u\x00" + it.URL
		if it.URL == "" {
			story = "t\x00" + NormalizeTitle(cmp.Or(it.Title, it.Text))
		}
		stories[it.SourceGUID][story] = true
	}
	for i, it := range items {
		if len(stories[it.SourceGUID]) < 2 {
			continue
		}
		items[i].SourceGUID = ""
		title := cmp.Or(it.Title, excerpt(it.Text, 200))
		if it.ID == ItemID("", it.SourceGUID, title, t.feedURL) {
			items[i].ID = ItemID("", "", title, t.feedURL)
		}
	}
}

// unshareURLs re-derives the IDs of items that share one URL but are
// different stories (different GUIDs or titles). Broken feeds link every
// item to the home page or a section page; a URL-based ID would fold them
// into one item, so their GUID (or title) becomes the identity instead.
// Items repeating both the URL and the GUID/title stay duplicates. An item
// linking to the feed's home page is always treated so, which keeps its ID
// stable when it is the only such item in a later fetch.
func (t *translator) unshareURLs(items []Item, home string) {
	keys := make(map[string]map[string]bool)
	for _, it := range items {
		if it.URL == "" {
			continue
		}
		if keys[it.URL] == nil {
			keys[it.URL] = make(map[string]bool)
		}
		keys[it.URL][storyKey(it)] = true
	}
	for i, it := range items {
		if len(keys[it.URL]) > 1 || (it.URL == home && home != "") {
			items[i].ID = ItemID("", it.SourceGUID, cmp.Or(it.Title, excerpt(it.Text, 200)), t.feedURL)
		}
	}
}

// storyKey tells stories apart within one feed: the GUID, unless it is
// just the URL again, else the title.
func storyKey(it Item) string {
	if g, err := CanonicalURL(it.SourceGUID, ""); it.SourceGUID != "" && (err != nil || g != it.URL) {
		return "g\x00" + it.SourceGUID
	}
	return "t\x00" + NormalizeTitle(cmp.Or(it.Title, it.Text))
}

// url resolves and canonicalises a link, returning "" when it is not a
// usable http(s) URL.
func (t *translator) url(raw string) string {
	u, err := CanonicalURL(raw, t.base)
	if err != nil {
		return ""
	}
	return u
}

func (t *translator) item(gi *gofeed.Item) Item {
	it := Item{
		SourceGUID: strings.TrimSpace(gi.GUID),
		Title:      plainTitle(gi.Title),
		Summary:    t.sanitize.Sanitize(gi.Description),
		Content:    t.sanitize.Sanitize(gi.Content),
		Authors:    authors(gi),
		Categories: uniqueStrings(gi.Categories),
		Enclosures: t.enclosures(gi.Enclosures),
		Lang:       t.lang,
	}
	if dc := gi.DublinCoreExt; dc != nil && len(dc.Language) > 0 {
		if l := normalizeLang(dc.Language[0]); l != "" {
			it.Lang = l // dc:language on the item beats the feed's
		}
	}
	if it.Title == "" {
		it.Title = mediaTitle(gi.Extensions["media"])
	}
	it.URL = t.link(gi)
	it.Image = t.image(gi)
	if gi.PublishedParsed != nil {
		it.Published = inLocation(*gi.PublishedParsed, gi.Published, t.loc)
	}
	if gi.UpdatedParsed != nil {
		it.Updated = inLocation(*gi.UpdatedParsed, gi.Updated, t.loc)
	}
	it = safeItem(it)
	base := cmp.Or(it.URL, t.base)
	it.Summary = tidyHTML(it.Summary, base)
	it.Content = tidyHTML(it.Content, base)
	it.Text = htmlText(it.Content)
	if it.Text == "" {
		it.Text = htmlText(it.Summary)
	}
	it.Lang, it.Dir = itemLangDir(it.Lang, it.Title, it.Text)
	title := it.Title
	if title == "" {
		title = excerpt(it.Text, 200)
	}
	idURL := it.URL
	if t.fragmentGUIDLink(gi) {
		// A permalink GUID may differ from its siblings only by the
		// fragment CanonicalURL drops ("...#When:12:59:01PM"), so the GUID
		// itself, a URL and hence globally unique, is the identity.
		idURL = ""
	}
	it.ID = ItemID(idURL, it.SourceGUID, title, t.feedURL)
	it.ContentHash = ContentHash(it)
	return it
}

// fragmentGUIDLink reports an item whose only URL is its GUID and whose
// GUID carries a fragment.
func (t *translator) fragmentGUIDLink(gi *gofeed.Item) bool {
	for _, raw := range append([]string{gi.Link}, gi.Links...) {
		if t.url(raw) != "" {
			return false
		}
	}
	return strings.Contains(gi.GUID, "#")
}

// mediaTitle returns media:title, directly under the item or in a
// media:group, as a plain-text title for items without one.
func mediaTitle(media map[string][]ext.Extension) string {
	for _, e := range media["title"] {
		if s := plainTitle(e.Value); s != "" {
			return s
		}
	}
	for _, g := range media["group"] {
		for _, e := range g.Children["title"] {
			if s := plainTitle(e.Value); s != "" {
				return s
			}
		}
	}
	return ""
}

// link picks the item's article URL: its link, its other links, then a
// GUID that is itself a web URL (RSS isPermaLink guids).
func (t *translator) link(gi *gofeed.Item) string {
	for _, raw := range append([]string{gi.Link}, gi.Links...) {
		if u := t.url(raw); u != "" {
			return u
		}
	}
	g := strings.ToLower(strings.TrimSpace(gi.GUID))
	if strings.HasPrefix(g, "http://") || strings.HasPrefix(g, "https://") {
		return t.url(gi.GUID)
	}
	return ""
}

// image picks the item's picture: media:thumbnail and media:content
// (also inside media:group) first, as the publisher chose them, then
// gofeed's choice (itunes:image, image enclosure, first <img> in the HTML).
func (t *translator) image(gi *gofeed.Item) string {
	media := gi.Extensions["media"]
	for _, group := range append([]ext.Extension{{Children: media}}, media["group"]...) {
		for _, name := range []string{"thumbnail", "content"} {
			for _, e := range group.Children[name] {
				if name == "content" && !isImageMedia(e.Attrs) {
					continue
				}
				if u := t.url(e.Attrs["url"]); u != "" {
					return u
				}
			}
		}
	}
	if gi.Image != nil {
		return t.url(gi.Image.URL)
	}
	return ""
}

func isImageMedia(attrs map[string]string) bool {
	return attrs["medium"] == "image" || strings.HasPrefix(attrs["type"], "image/")
}

func (t *translator) enclosures(in []*gofeed.Enclosure) []Enclosure {
	var out []Enclosure
	for _, e := range in {
		if e == nil {
			continue
		}
		u := t.url(e.URL)
		if u == "" {
			continue
		}
		n, _ := strconv.ParseInt(strings.TrimSpace(e.Length), 10, 64)
		out = append(out, Enclosure{URL: u, Type: strings.TrimSpace(e.Type), Length: max(n, 0)})
	}
	return out
}

// authors lists the item's author names (or e-mail addresses when a
// person has no name), adding every dc:creator gofeed folds into one.
func authors(gi *gofeed.Item) []string {
	var names []string
	for _, p := range gi.Authors {
		if p == nil {
			continue
		}
		if p.Name != "" {
			names = append(names, p.Name)
		} else {
			names = append(names, p.Email)
		}
	}
	if gi.DublinCoreExt != nil {
		names = append(names, gi.DublinCoreExt.Creator...)
	}
	return uniqueStrings(names)
}

// uniqueStrings trims, drops empty and repeated values, keeping order.
func uniqueStrings(in []string) []string {
	var out []string
	seen := make(map[string]bool, len(in))
	for _, s := range in {
		s = collapseSpace(s)
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	return out
}
