package refresh

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/extract"
	"github.com/refeed/refeed/siterules"
)

// articlePage is one page of an article, extracted.
type articlePage struct {
	art       *extract.Article
	requested string // the URL asked for (art.URL is where redirects led)
	// guessed is true when art.NextPage is the extractor's own finding,
	// not a selector's (the source's "pages" or the site rules): such a
	// page must then prove it continues the same article.
	guessed bool
}

// withSiteLinks takes the page links of the host's site rules: a
// single_page_link found wins over none, and when the rules say where the
// next page link is, they alone decide (no match: the last page). The
// source's own "pages" selectors win over both.
func (p *articlePage) withSiteLinks(site *siterules.Site, applied *siterules.Applied) {
	if applied.SinglePageURL != nil && p.art.SinglePage == "" {
		p.art.SinglePage = applied.SinglePageURL.String()
	}
	if len(site.NextPageLink) == 0 || !p.guessed {
		return
	}
	p.art.NextPage, p.guessed = "", false
	if applied.NextPageURL != nil {
		p.art.NextPage = applied.NextPageURL.String()
	}
}

// errPartial marks an article whose later page failed: the pages before
// it are published, and the whole article is fetched again later.
var errPartial = errors.New("refresh: article incomplete")

// partialError is errPartial for one article: joined pages made it, the
// page after them did not.
type partialError struct {
	joined int
	failed string
	err    error
}

func (e *partialError) Error() string {
	return fmt.Sprintf("%v: page %d (%s) failed after %d joined: %v", errPartial, e.joined+1, e.failed, e.joined, e.err)
}

func (e *partialError) Unwrap() []error { return []error{errPartial, e.err} }

// fetchArticle downloads and extracts an article: the page the item
// links, then its single-page version when it links one, else its next
// pages, joined (see followPages). When a later page fails, the article
// of the pages before it comes back with an error wrapping errPartial.
func (r *Runner) fetchArticle(ctx context.Context, src *config.Source, rule *extract.Rule, pageURL string) (*extract.Article, error) {
	first, err := r.fetchPage(ctx, src, rule, pageURL, 1)
	if err != nil {
		return nil, err
	}
	if whole := r.singlePage(ctx, src, rule, first); whole != nil {
		return whole, nil
	}
	return r.followPages(ctx, src, rule, first)
}

// singlePage fetches the single-page version the first page links (a
// "print" or "view all" page), and returns its article when it holds at
// least as much text as the first page; otherwise nil.
func (r *Runner) singlePage(ctx context.Context, src *config.Source, rule *extract.Rule, first *articlePage) *extract.Article {
	link := first.art.SinglePage
	if link == "" || link == first.art.URL || link == first.requested || !sameHost(link, first.art.URL) {
		return nil
	}
	p, err := r.fetchPage(ctx, src, rule, link, 1)
	if err != nil {
		r.log.Warn("single-page version failed; following the pages instead", "source", src.Name, "url", first.requested, "single_page", link, "error", err)
		return nil
	}
	if len(strings.Fields(p.art.Text)) < len(strings.Fields(first.art.Text)) {
		r.log.Info("single-page version holds less than the first page; following the pages instead", "source", src.Name, "url", first.requested, "single_page", link)
		return nil
	}
	art := *p.art
	art.URL, art.SinglePage, art.NextPage = first.art.URL, "", ""
	fillMetadata(&art, first.art)
	return &art
}

// fillMetadata fills what a single-page version left empty from the
// article's first page.
func fillMetadata(art, from *extract.Article) {
	if art.Title == "" {
		art.Title = from.Title
	}
	if art.Byline == "" {
		art.Byline = from.Byline
	}
	if art.Published.IsZero() {
		art.Published = from.Published
	}
	if art.Image == "" {
		art.Image = from.Image
	}
	if art.Lang == "" {
		art.Lang = from.Lang
	}
}

// followPages follows the next-page links from the first page and joins
// the pages in order. It stops at the source's page limit, at a link to
// another host or to a page already taken (a pager linking to itself, or
// back), when the pages grow past the source's body cap, and when a page
// found by the heuristics turns out to be another article.
func (r *Runner) followPages(ctx context.Context, src *config.Source, rule *extract.Rule, first *articlePage) (*extract.Article, error) {
	pages := []*extract.Article{first.art}
	seen := map[string]bool{first.requested: true, first.art.URL: true}
	size, limit := len(first.art.HTML), src.Pages.EffectiveMax()
	next, guessed := first.art.NextPage, first.guessed
	for next != "" && len(pages) < limit {
		if seen[next] || !sameHost(next, first.art.URL) {
			r.log.Debug("next page not followed", "source", src.Name, "url", first.requested, "next_page", next, "seen", seen[next])
			break
		}
		seen[next] = true
		p, err := r.fetchPage(ctx, src, rule, next, len(pages)+1)
		if err != nil {
			if ctx.Err() != nil {
				return nil, err
			}
			joined, jerr := extract.Join(pages)
			if jerr != nil {
				return nil, jerr
			}
			return joined, &partialError{joined: len(pages), failed: next, err: err}
		}
		if guessed && !sameStory(first.art.Title, p.art.Title) {
			r.log.Info("next page is another article; not joined", "source", src.Name, "url", first.requested, "next_page", next, "title", p.art.Title)
			break
		}
		seen[p.art.URL] = true
		if size += len(p.art.HTML); int64(size) > src.EffectiveMaxBody(r.cfg) {
			r.log.Warn("article pages exceed max_body; joining the pages before", "source", src.Name, "url", first.requested, "pages", len(pages))
			break
		}
		pages = append(pages, p.art)
		next, guessed = p.art.NextPage, p.guessed
	}
	if len(pages) > 1 {
		r.log.Debug("article pages joined", "source", src.Name, "url", first.requested, "pages", len(pages))
	}
	return extract.Join(pages)
}

// sameHost reports whether two URLs are on one host; a "www." prefix does
// not count.
func sameHost(a, b string) bool {
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	if err1 != nil || err2 != nil {
		return false
	}
	strip := func(u *url.URL) string { return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.") }
	return strip(ua) != "" && strip(ua) == strip(ub)
}

// sameStory reports whether a later page's headline continues the first
// page's: equal, one holding the other ("Title – page 2"), or sharing
// most words. A page without a headline is given the benefit of the doubt.
func sameStory(first, later string) bool {
	a, b := strings.Fields(strings.ToLower(first)), strings.Fields(strings.ToLower(later))
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	if strings.Contains(strings.Join(b, " "), strings.Join(a, " ")) || strings.Contains(strings.Join(a, " "), strings.Join(b, " ")) {
		return true
	}
	words := map[string]bool{}
	for _, w := range a {
		words[w] = true
	}
	shared := 0
	for _, w := range b {
		if words[w] {
			shared++
		}
	}
	return shared*2 >= min(len(a), len(b))
}

// pageLinks is the source's "pages" selectors compiled, or nil when it
// has none.
func pageLinks(src *config.Source) *extract.PageLinks {
	if src.Pages.Next == "" && src.Pages.Single == "" {
		return nil
	}
	// config.Validate checked these selectors; an error here would be a
	// bug, and leaves the page links to the heuristics.
	p, err := extract.CompilePageLinks(src.Pages.Next, src.Pages.Single)
	if err != nil {
		return nil
	}
	return p
}
