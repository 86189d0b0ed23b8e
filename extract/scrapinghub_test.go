package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
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
		return evalScrapinghubAs(t, evaluate.StripHints)
	}
	return evalScrapinghubAs(t, nil)
}

// evalScrapinghubAs scores every scrapinghub dev page as rewrite, when
// not nil, rewrites it.
func evalScrapinghubAs(t *testing.T, rewrite func([]byte) []byte) []pageScore {
	t.Helper()
	if rewrite == nil {
		return evalScrapinghubTruthAs(t, nil)
	}
	return evalScrapinghubTruthAs(t, func(page []byte, truth string) ([]byte, string) { return rewrite(page), truth })
}

// evalScrapinghubTruthAs is evalScrapinghubAs with a rewrite that
// changes the true text too (evaluate.TruthLayouts).
func evalScrapinghubTruthAs(t *testing.T, rewrite evaluate.TruthLayout) []pageScore {
	t.Helper()
	dir, gt, ids := loadScrapinghub(t)
	rows := make([]pageScore, 0, len(ids))
	for _, id := range ids {
		page := readMaybeGzip(t, filepath.Join(dir, "html", id+".html.gz"))
		truth := gt[id].ArticleBody
		if rewrite != nil {
			page, truth = rewrite(page, truth)
		}
		got := extractText(t, page, gt[id].URL)
		rows = append(rows, pageScore{name: id[:8] + " " + gt[id].URL[8:min(len(gt[id].URL), 40)], counts: evaluate.Compare(got, truth)})
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

func TestScrapinghubWithoutHints(t *testing.T) {
	_, _, f1 := logTable(t, evalScrapinghub(t, true))
	if f1 < minScrapinghubBareF1 {
		t.Errorf("scrapinghub-dev without class/id hints: F1 = %.4f, want >= %.2f", f1, minScrapinghubBareF1)
	}
}

// minScrapinghubLayoutF1 is the required mean F1 on the scrapinghub dev
// pages rewritten into the layouts of evaluate.Layouts other than bare
// (no HTML5 sections, no <p>, wrapped paragraphs, the story in a page
// builder's text widget...): the picks must hold on pages built unlike
// those the extractor was tuned on. The builder layout, the lowest,
// measured 0.979 when a builder's rescued widget box stopped being
// chrome (it was 0.954, with its own floor of 0.93).
const minScrapinghubLayoutF1 = 0.97

// minScrapinghubLayoutF1Of returns the floor of one layout: the general
// minScrapinghubLayoutF1, or a lower one for the weakest layout we know.
// "builder-sections" (the story cut into a builder's text widgets,
// section by section, in a column whose class names say "widget")
// measured 0.950, and 0.954 once a builder's text box holding a section
// of prose stopped being chrome; 11ea381a (a short text over a table) and
// 5f9c5ed5 still lose their story there.
func minScrapinghubLayoutF1Of(layout string) float64 {
	if layout == "builder-sections" {
		return 0.95
	}
	return minScrapinghubLayoutF1
}

func TestScrapinghubOtherLayouts(t *testing.T) {
	for _, name := range evaluate.LayoutNames() {
		if name == "bare" {
			continue // TestScrapinghubWithoutHints
		}
		t.Run(name, func(t *testing.T) {
			floor := minScrapinghubLayoutF1Of(name)
			if _, _, f1 := logTable(t, evalScrapinghubAs(t, evaluate.Layouts[name])); f1 < floor {
				t.Errorf("scrapinghub-dev as layout %q: F1 = %.4f, want >= %.2f", name, f1, floor)
			}
		})
	}
}

// minScrapinghubBriefF1 is the required mean F1 on the scrapinghub dev
// pages with each story cut to a brief of two paragraphs and scored
// against the truth without what was cut (evaluate.Brief): a short story
// beside the same chrome is where a longer box of the page wins. It
// measured 0.906, with 5 pages under 0.5 (a legal disclaimer footer, a
// promo, a teaser list win there), when the layout was added, and 0.917
// with 4 once the page's own <footer> stayed out of every pass
// (pageFooters).
const minScrapinghubBriefF1 = 0.91

func TestScrapinghubBriefs(t *testing.T) {
	if _, _, f1 := logTable(t, evalScrapinghubTruthAs(t, evaluate.Brief)); f1 < minScrapinghubBriefF1 {
		t.Errorf("scrapinghub-dev as briefs: F1 = %.4f, want >= %.2f", f1, minScrapinghubBriefF1)
	}
}

// maxPlantedLeaks is how many scrapinghub-dev pages may let out the
// chrome TestPlantedChromeStaysOut plants in their stories. Two pages
// wrap their whole body in a form, and the parser drops a form nested in
// another, so the planted signup box there has no form to be known by.
const maxPlantedLeaks = 2

// TestPlantedChromeStaysOut plants, in the middle of every scrapinghub-dev
// story (evaluate.PlantMidStory), chrome that sites put into the story's
// markup, without class names: script printed as text, a newsletter's
// signup box, the notice shown where a script would have put a player,
// a sponsored box and a paywall's pitch. Each marker must stay out of
// the article on all pages but maxPlantedLeaks; the story around it is
// scored by the corpus tests.
func TestPlantedChromeStaysOut(t *testing.T) {
	planted := []struct{ name, box, marker string }{
		{"script as text", `<p>(adsbygoogle = window.adsbygoogle || []).push({});</p>`, "adsbygoogle"},
		{"newsletter box", `<div><h3>Get our free newsletter</h3><p>The best stories of the day delivered to your inbox every morning, plus exclusive offers.</p><form action="/subscribe"><input type="email"><button>Sign up</button></form><p>By signing up you agree to our Privacy Policy.</p></div>`, "inbox every morning"},
		{"script notice", `<div><p>Please enable JavaScript to view this content.</p></div>`, "enable JavaScript"},
		{"paywall pitch", `<div><h3>Subscribe to continue reading</h3><p>Get unlimited digital access for just $1 a week. Cancel anytime.</p><a href="/subscribe">Subscribe now</a> <a href="/login">Already a subscriber? Log in</a></div>`, "unlimited digital access"},
		{"sponsored box", `<div><p>Sponsored content</p><a href="https://ads.example.net/x"><img src="https://ads.example.net/x.jpg"></a><p><a href="https://ads.example.net/x">These 7 gadgets will change the way you cook forever</a></p></div>`, "Sponsored content"},
	}
	dir, gt, ids := loadScrapinghub(t)
	pages := make([][]byte, len(ids))
	for i, id := range ids {
		pages[i] = readMaybeGzip(t, filepath.Join(dir, "html", id+".html.gz"))
	}
	for _, p := range planted {
		t.Run(p.name, func(t *testing.T) {
			var leaked []string
			for i, id := range ids {
				got := extractText(t, evaluate.PlantMidStory(pages[i], p.box), gt[id].URL)
				if strings.Contains(got, p.marker) {
					leaked = append(leaked, id[:8])
				}
			}
			t.Logf("%q let out on %d of %d pages %v", p.marker, len(leaked), len(ids), leaked)
			if len(leaked) > maxPlantedLeaks {
				t.Errorf("%s: %q let out on %d pages, want at most %d: %v", p.name, p.marker, len(leaked), maxPlantedLeaks, leaked)
			}
		})
	}
}
