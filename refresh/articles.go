package refresh

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/extract"
	"github.com/refeed/refeed/feeds"
	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/siterules"
	"github.com/refeed/refeed/store"
)

// An article whose fetch or extraction failed is retried after
// articleRetryBase, doubling per failure up to articleRetryMax, and given
// up after articleMaxAttempts; the item keeps the feed's own content.
const (
	articleRetryBase   = 15 * time.Minute
	articleRetryMax    = 24 * time.Hour
	articleMaxAttempts = 6
)

// errNotHTML is an article URL that serves something other than a page.
var errNotHTML = errors.New("refresh: article is not an HTML page")

// extractArticles fills in the full article of the items of a fulltext
// source that want one (see wantsArticle), at most the source's
// max_articles per pass, newest first: the changed items of this poll,
// modified in place, and the items earlier passes left waiting. It
// returns those earlier items it worked on, to be stored again, and the
// predicate that tells which items still wait when they are stored.
func (r *Runner) extractArticles(ctx context.Context, src *config.Source, changed []feeds.Item, res *SourceResult) ([]feeds.Item, func(feeds.Item) bool, error) {
	if !src.FullText.Extracts() {
		return nil, nil, nil
	}
	limit := src.EffectiveMaxArticles(r.cfg)
	backlog, err := r.store.PendingItems(ctx, src.Name, limit)
	if err != nil {
		return nil, nil, err
	}
	todo := articleQueue(src, changed, backlog, limit)
	rule := siteRule(src)
	var mu sync.Mutex
	abandoned := map[string]bool{}
	outcomes := make([]articleOutcome, len(todo))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(max(1, r.cfg.Concurrency))
	for i, it := range todo {
		g.Go(func() error {
			outcome := r.safeArticleFor(gctx, src, rule, it)
			outcomes[i] = outcome
			mu.Lock()
			defer mu.Unlock()
			switch outcome {
			case articleExtracted:
				res.Extracted++
			case articleReused:
				res.Reused++
			case articleFailed:
				res.Failed++
			case articleAbandoned:
				abandoned[it.URL] = true
			case articlePartial:
				res.Failed++
			}
			return nil
		})
	}
	_ = g.Wait()
	isChanged := make(map[string]bool, len(changed))
	for _, it := range changed {
		isChanged[it.ID] = true
	}
	var worked []feeds.Item
	for i, it := range todo {
		if !isChanged[it.ID] && outcomes[i] != articleSkipped {
			worked = append(worked, *it)
		}
	}
	pending := func(it feeds.Item) bool { return wantsArticle(src, &it) && !abandoned[it.URL] }
	return worked, pending, nil
}

// articleQueue is the items whose article this pass fetches: of the
// changed items and the backlog, those that want one, newest first, at
// most limit. Changed items point into changed; backlog items into a copy.
func articleQueue(src *config.Source, changed, backlog []feeds.Item, limit int) []*feeds.Item {
	var todo []*feeds.Item
	seen := map[string]bool{}
	for i := range changed {
		if wantsArticle(src, &changed[i]) {
			todo = append(todo, &changed[i])
			seen[changed[i].ID] = true
		}
	}
	for i := range backlog {
		if !seen[backlog[i].ID] && wantsArticle(src, &backlog[i]) {
			todo = append(todo, &backlog[i])
		}
	}
	slices.SortStableFunc(todo, func(a, b *feeds.Item) int { return feeds.ItemDate(*b).Compare(feeds.ItemDate(*a)) })
	return todo[:min(limit, len(todo))]
}

// wantsArticle reports whether an item of src still lacks the article its
// source's fulltext mode asks for.
func wantsArticle(src *config.Source, it *feeds.Item) bool {
	if !src.FullText.Extracts() || it.Extracted || it.URL == "" {
		return false
	}
	return src.FullText != config.FullTextAuto || it.IsTeaser()
}

type articleOutcome int

const (
	articleSkipped articleOutcome = iota // not due for a retry yet
	articleReused                        // copied from a stored extraction
	articleExtracted
	articleFailed
	articleAbandoned // failed too often; not tried again
	articlePartial   // some pages joined, a later one failed
)

// articleFor gives it its full article: from the state when another item
// already has it, else by fetching and extracting the page.
func (r *Runner) articleFor(ctx context.Context, src *config.Source, rule *extract.Rule, it *feeds.Item) articleOutcome {
	// Another source (or another item) already carries this article. The
	// item's own stored copy is not reused: it is here because the source
	// changed it, so the page is fetched again.
	done, ok, err := r.store.Extracted(ctx, it.URL)
	r.stateError(ctx, "find stored article", src, it.URL, err)
	if err == nil && ok && (done.Source != it.Source || done.ID != it.ID) {
		adoptArticle(it, done.Content, done.Text, done.Lang, done.Dir)
		return articleReused
	}
	// Until the page is fetched again, the item's previous article beats
	// the feed's teaser. It stays marked not extracted, so it is retried.
	if err == nil && ok {
		keepPrevious(it, done)
	}
	attempt, err := r.store.ArticleAttempt(ctx, it.URL)
	r.stateError(ctx, "read article failures", src, it.URL, err)
	if err == nil && attempt.Attempts >= articleMaxAttempts {
		return articleAbandoned
	}
	if err != nil || !articleDue(attempt, r.now()) {
		return articleSkipped
	}
	art, err := r.fetchArticle(ctx, src, rule, it.URL)
	if art != nil && errors.Is(err, errPartial) {
		return r.partialArticle(ctx, src, it, art, err)
	}
	if err != nil {
		if ctx.Err() == nil {
			msg := "article failed; keeping the content it had"
			if errors.Is(err, fetch.ErrPrivateAddress) {
				msg = "article refused: its link leads into a private network; keeping the content it had"
			}
			r.log.Warn(msg, "source", src.Name, "url", it.URL, "error", err)
			r.stateError(ctx, "record article failure", src, it.URL, r.store.RecordArticleFailure(ctx, it.URL, r.now(), err))
		}
		return articleFailed
	}
	if attempt.Attempts > 0 {
		r.stateError(ctx, "clear article failures", src, it.URL, r.store.ClearArticleFailure(ctx, it.URL))
	}
	if !applyArticle(it, art, src.Language, r.now()) {
		r.log.Info("the page gave less than the feed; keeping the feed's text", "source", src.Name, "url", it.URL,
			"feed_words", len(strings.Fields(it.Text)), "page_words", len(strings.Fields(art.Text)))
	}
	return articleExtracted
}

// partialArticle publishes the pages of an article that came before the
// one that failed, and records the failure: the item stays marked not
// extracted, so a later pass fetches the article again, and the complete
// article then replaces this one under the same item.
func (r *Runner) partialArticle(ctx context.Context, src *config.Source, it *feeds.Item, art *extract.Article, failure error) articleOutcome {
	r.log.Warn("article page failed; publishing the pages before it, the rest is tried again later", "source", src.Name, "url", it.URL, "error", failure)
	r.stateError(ctx, "record article failure", src, it.URL, r.store.RecordArticleFailure(ctx, it.URL, r.now(), failure))
	applyArticle(it, art, src.Language, r.now())
	it.Extracted = false
	return articlePartial
}

// stateError logs an error of the state met while handling an article
// (nil does nothing). The article goes on as well as it can: without a
// stored copy to reuse, or skipped when its failures cannot be read.
func (r *Runner) stateError(ctx context.Context, op string, src *config.Source, url string, err error) {
	if err != nil && ctx.Err() == nil {
		r.log.Error("article state failed", "op", op, "source", src.Name, "url", url, "error", err)
	}
}

// articleDue reports whether a page that failed before may be tried again.
func articleDue(a store.Attempt, now time.Time) bool {
	if a.Attempts == 0 {
		return true
	}
	if a.Attempts >= articleMaxAttempts {
		return false
	}
	wait := articleRetryBase << (a.Attempts - 1)
	return now.Sub(a.LastTry) >= min(wait, articleRetryMax)
}

// fetchPage downloads and extracts one page of an article; page is its
// number in the article (1 for the page the item links). rule is the
// source's own rule; without one, the page's host may have site rules.
// Every article page, next pages and single-page versions included, is
// fetched here.
func (r *Runner) fetchPage(ctx context.Context, src *config.Source, rule *extract.Rule, pageURL string, page int) (*articlePage, error) {
	var site *siterules.Site
	if rule == nil {
		site = r.siteRules(pageURL)
	}
	start := r.now()
	req := r.sourceRequest(src, pageURL, "", "")
	req.Kind = fetch.KindPage
	req.Headers = withSiteHeaders(src.Headers, site)
	resp, err := r.fetcher.Fetch(ctx, req)
	r.observeFetch("page", resp, err, r.now().Sub(start))
	if err != nil {
		return nil, err
	}
	if !strings.Contains(resp.MediaType, "html") && resp.MediaType != "" {
		return nil, fmt.Errorf("%w: %s is %s", errNotHTML, resp.URL, resp.MediaType)
	}
	base, err := url.Parse(resp.URL)
	if err != nil {
		return nil, err
	}
	start = r.now()
	p, err := r.extract(src, site, rule, resp.Body, base, page)
	outcome := "ok"
	if err != nil {
		outcome = "error"
	}
	r.obs.ObserveExtract(outcome, r.now().Sub(start))
	if err != nil {
		return nil, err
	}
	p.requested = pageURL
	return p, nil
}

// extract runs the extractor on a page, after the host's site rules when
// there are any, and falls back to the heuristics when a rule's body
// matches nothing (the site changed its markup; the operator should update
// the rule, but an article beats none). pageNo is the page's number in
// its article.
func (r *Runner) extract(src *config.Source, site *siterules.Site, rule *extract.Rule, page []byte, base *url.URL, pageNo int) (*articlePage, error) {
	opts := extract.Options{Rule: rule, Location: src.EffectiveLocation(r.cfg), Page: pageNo, Pages: pageLinks(src)}
	var applied *siterules.Applied
	if site != nil {
		var err error
		if applied, err = site.ApplyDoc(page, base); err != nil {
			r.log.Warn("site rules failed; using the heuristics", "source", src.Name, "url", base.String(), "error", err)
			applied = nil
		} else {
			opts.Body = applied.Body // nil: the heuristics, on the stripped page
		}
	}
	var art *extract.Article
	var err error
	if applied != nil {
		art, err = extract.ExtractNode(applied.Doc, base, opts) // parsed once, by the site rules
	} else {
		art, err = extract.ExtractWith(bytes.NewReader(page), base, opts)
	}
	if errors.Is(err, extract.ErrRuleNoMatch) {
		r.log.Warn("site rule matched nothing; using the heuristics", "source", src.Name, "url", base.String(), "rule", opts.Rule.Body)
		opts.Rule, opts.Body = nil, nil
		art, err = extract.ExtractWith(bytes.NewReader(page), base, opts)
	}
	if err != nil {
		return nil, err
	}
	p := &articlePage{art: art, guessed: opts.Pages == nil || opts.Pages.Next == ""}
	if applied != nil {
		withSiteMetadata(art, applied, opts.Location)
		p.withSiteLinks(site, applied)
	}
	return p, nil
}

// withSiteMetadata fills what the extractor did not find in art from the
// title, author and date rules of the page's site.
func withSiteMetadata(art *extract.Article, applied *siterules.Applied, loc *time.Location) {
	if art.Title == "" {
		art.Title = applied.Title
	}
	if art.Byline == "" && len(applied.Authors) > 0 {
		art.Byline = strings.Join(applied.Authors, ", ")
	}
	if art.Published.IsZero() && applied.Date != "" {
		if t, ok := extract.ParseDate(applied.Date, loc); ok {
			art.Published = t
		}
	}
}

// applyArticle puts an extracted article into an item, filling what the
// feed left empty from the page's metadata. A page date goes through
// feeds.PlausibleDate, as Merge does for feed dates: sites stamping local
// time as UTC would otherwise pin the item to the top of the feed, and a
// year-0 date would be published. When the item's own text holds clearly
// more than the page gave up (an article split over pages, or one the
// extractor read short), the item keeps its text, and applyArticle
// reports false.
func applyArticle(it *feeds.Item, art *extract.Article, sourceLang string, now time.Time) (used bool) {
	lang := it.Lang
	if art.Lang != "" {
		lang = art.Lang
	}
	if lang == "" {
		lang = sourceLang
	}
	used = !holdsMore(it.Text, art.Text)
	if used {
		adoptArticle(it, art.HTML, art.Text, lang, art.Dir)
	} else {
		adoptArticle(it, cmp.Or(it.Content, it.Summary), it.Text, lang, art.Dir)
	}
	if it.Title == "" {
		it.Title = art.Title
	}
	if len(it.Authors) == 0 && art.Byline != "" {
		it.Authors = []string{art.Byline}
	}
	if it.Image == "" {
		it.Image = art.Image
	}
	if it.Published.IsZero() {
		it.Published = feeds.PlausibleDate(art.Published.UTC(), now.UTC())
	}
	return used
}

// holdsMore reports whether text, an item's own, is an article of some
// length that is half as long again as extracted, the page's.
func holdsMore(text, extracted string) bool {
	own, page := len(strings.Fields(text)), len(strings.Fields(extracted))
	return own >= 150 && own*2 > page*3
}

// keepPrevious puts the item's earlier extraction back in an item the
// source edited, leaving Extracted false.
func keepPrevious(it *feeds.Item, prev feeds.Item) {
	adoptArticle(it, prev.Content, prev.Text, prev.Lang, prev.Dir)
	it.Extracted = false
}

func adoptArticle(it *feeds.Item, content, text, lang, dir string) {
	it.Content, it.Text, it.Extracted = content, text, true
	if lang != "" {
		it.Lang = lang
	}
	if dir != "" {
		it.Dir = dir
	}
}

// siteRule is the source's extract rule, or nil when it has none.
func siteRule(src *config.Source) *extract.Rule {
	if src.Extract.Body == "" && len(src.Extract.Strip) == 0 {
		return nil
	}
	// config.Validate compiled these selectors already; a failure here
	// would be a bug, and a literal Rule still reports it on every Extract.
	rule, err := extract.CompileRule(src.Extract.Body, src.Extract.Strip)
	if err != nil {
		return &extract.Rule{Body: src.Extract.Body, Strip: src.Extract.Strip}
	}
	return rule
}
