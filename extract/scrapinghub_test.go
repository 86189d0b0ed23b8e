package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"testing"

	"github.com/refeed/refeed/extract/evaluate"
)

// minScrapinghubF1 is the required mean F1 on the scrapinghub dev pages.
const minScrapinghubF1 = 0.98

type groundTruth map[string]struct {
	ArticleBody string `json:"articleBody"`
	URL         string `json:"url"`
}

func loadScrapinghub(t testing.TB) (string, groundTruth, []string) {
	dir := sharedCorpus(t, "scrapinghub-dev")
	b, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gt groundTruth
	if err := json.Unmarshal(b, &gt); err != nil {
		t.Fatal(err)
	}
	ids := make([]string, 0, len(gt))
	for id := range gt {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return dir, gt, ids
}

// evalScrapinghub scores every scrapinghub dev page, stripped of hint
// attributes when bare is set.
func evalScrapinghub(t *testing.T, bare bool) []pageScore {
	t.Helper()
	if bare {
		return evalScrapinghubAs(t, stripHints)
	}
	return evalScrapinghubAs(t, nil)
}

// evalScrapinghubAs scores every scrapinghub dev page as rewrite, when
// not nil, rewrites it.
func evalScrapinghubAs(t *testing.T, rewrite func([]byte) []byte) []pageScore {
	t.Helper()
	dir, gt, ids := loadScrapinghub(t)
	rows := make([]pageScore, 0, len(ids))
	for _, id := range ids {
		page := readMaybeGzip(t, filepath.Join(dir, "html", id+".html.gz"))
		if rewrite != nil {
			page = rewrite(page)
		}
		got := extractText(t, page, gt[id].URL)
		rows = append(rows, pageScore{name: id[:8] + " " + gt[id].URL[8:min(len(gt[id].URL), 40)], counts: evaluate.Compare(got, gt[id].ArticleBody)})
	}
	return rows
}

func TestScrapinghubCorpus(t *testing.T) {
	_, _, f1 := logTable(t, evalScrapinghub(t, false))
	if f1 < minScrapinghubF1 {
		t.Errorf("scrapinghub-dev F1 = %.4f, want >= %.2f", f1, minScrapinghubF1)
	}
}

// minScrapinghubBareF1 is the required mean F1 on the same pages stripped
// of every class, id, role, itemprop, aria-* and data-* attribute: the
// extractor must find articles by their structure and text, as on old
// sites without semantic class names, not only by their names.
const minScrapinghubBareF1 = 0.975

// hintAttrs matches the attributes TestScrapinghubWithoutHints strips.
var hintAttrs = regexp.MustCompile(`(?i)\s(?:class|id|role|itemprop|itemtype|itemscope|aria-[a-z]+|data-[a-z-]+)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)`)

// stripHints removes the hint attributes from a page.
func stripHints(page []byte) []byte { return hintAttrs.ReplaceAll(page, nil) }

// Rewrites of a page into the layouts of sites the corpora hold few of,
// for the stress rows of TestCorpusSummary: every <p> a <div> (sites
// written without paragraphs), or every <p> wrapped in two divs (page
// builders and component frameworks). Each tag is rewritten alone, so
// a page's own markup errors stay as they were.
var (
	paragraphOpen  = regexp.MustCompile(`(?i)<p(\s[^>]*)?>`)
	paragraphClose = regexp.MustCompile(`(?i)</p\s*>`)
)

// paragraphsAsDivs turns every paragraph of a page into a div.
func paragraphsAsDivs(page []byte) []byte {
	page = paragraphOpen.ReplaceAll(page, []byte("<div$1>"))
	return paragraphClose.ReplaceAll(page, []byte("</div>"))
}

// sectionOpen and sectionClose match the HTML5 sectioning tags.
var (
	sectionOpen  = regexp.MustCompile(`(?i)<(?:article|main|aside|nav|header|footer|section)(\s[^>]*)?>`)
	sectionClose = regexp.MustCompile(`(?i)</(?:article|main|aside|nav|header|footer|section)\s*>`)
)

// oldLayout rewrites a page as a site built before HTML5 and without
// meaningful class names: sections become divs, hint attributes go.
func oldLayout(page []byte) []byte {
	page = sectionOpen.ReplaceAll(page, []byte("<div$1>"))
	page = sectionClose.ReplaceAll(page, []byte("</div>"))
	return stripHints(page)
}

// wrappedParagraphs wraps every paragraph of a page in two divs.
func wrappedParagraphs(page []byte) []byte {
	page = paragraphOpen.ReplaceAll(page, []byte("<div><div><p$1>"))
	return paragraphClose.ReplaceAll(page, []byte("</p></div></div>"))
}

func TestScrapinghubWithoutHints(t *testing.T) {
	_, _, f1 := logTable(t, evalScrapinghub(t, true))
	if f1 < minScrapinghubBareF1 {
		t.Errorf("scrapinghub-dev without class/id hints: F1 = %.4f, want >= %.2f", f1, minScrapinghubBareF1)
	}
}
