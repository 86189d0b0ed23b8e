package refresh

import (
	"context"
	"fmt"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/extract"
	"github.com/refeed/refeed/feeds"
	"github.com/refeed/refeed/fetch"
)

// Probe is what one fetch of a source shows ("refeed check --online"): its
// document, its items, and for a fulltext source the article of its first
// item. Probing reads and writes no state.
type Probe struct {
	Source string
	// URL is the document fetched, after redirects: the feed found
	// through the source page's <link rel="alternate"> when Discovered.
	URL        string
	Discovered bool
	Charset    string
	Items      []feeds.Item
	// Article is the first item's article, for a fulltext source;
	// ArticleErr says why there is none.
	Article    *extract.Article
	ArticleURL string
	ArticleErr error
	// Err is why the source's document could not be fetched or read.
	Err error
}

// Probe fetches the source named name once, without validators, reads its
// items, and for a fulltext source extracts the article of the first item
// it would extract. It uses the source's settings and the site rules, and
// no state: a Runner built with a nil store may probe.
func (r *Runner) Probe(ctx context.Context, name string) Probe {
	p := Probe{Source: name}
	src := r.cfg.Source(name)
	if src == nil {
		p.Err = fmt.Errorf("refresh: no source named %q", name)
		return p
	}
	req := r.sourceRequest(src, src.URL, "", "")
	var resp *fetch.Response
	if src.IsPage() {
		req.Kind = fetch.KindPage
		resp, p.Err = r.fetcher.Fetch(ctx, req)
	} else {
		resp, p.Err = r.fetcher.FetchFeed(ctx, req)
	}
	if p.Err != nil {
		return p
	}
	p.URL, p.Charset, p.Discovered = resp.URL, resp.Charset, resp.DiscoveredFrom != ""
	items, err := r.itemsOf(src, resp)
	if err != nil {
		p.Err = err
		return p
	}
	p.Items = r.prepareItems(src, items)
	if it := firstToExtract(src, p.Items); it != nil {
		p.ArticleURL = it.URL
		p.Article, p.ArticleErr = r.fetchArticle(ctx, src, siteRule(src), it.URL)
	}
	return p
}

// firstToExtract is the first item a refresh of src would extract, or nil.
func firstToExtract(src *config.Source, items []feeds.Item) *feeds.Item {
	if !src.FullText.Extracts() {
		return nil
	}
	for i := range items {
		if items[i].URL != "" && (src.FullText != config.FullTextAuto || items[i].IsTeaser()) {
			return &items[i]
		}
	}
	return nil
}
