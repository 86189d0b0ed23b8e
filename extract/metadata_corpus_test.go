package extract

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// readDoc parses an HTML file of the corpus.
func readDoc(t testing.TB, path string) *goquery.Document {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := goquery.NewDocumentFromReader(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return doc
}

// readabilityExpected is the part of Readability.js's expected-metadata.json
// that Metadata covers.
type readabilityExpected struct {
	Title         *string `json:"title"`
	Byline        *string `json:"byline"`
	Dir           *string `json:"dir"`
	Lang          *string `json:"lang"`
	PublishedTime *string `json:"publishedTime"`
	SiteName      *string `json:"siteName"`
}

// rate counts matches of one field over the pages that have it.
type rate struct{ match, total int }

func (r *rate) add(ok bool) {
	r.total++
	if ok {
		r.match++
	}
}

func (r rate) share() float64 {
	if r.total == 0 {
		return 1
	}
	return float64(r.match) / float64(r.total)
}

// TestMetadataReadabilityCorpus compares readMetadata with the metadata
// Readability.js extracts from its 130 test pages and asserts the match
// rates measured when this test was written. Readability keeps a site
// suffix in some titles ("How to Build a Terrarium | eHow") where we drop
// it, so titles are also scored loosely: ours is the expected title or
// the expected title less a trailing part.
func TestMetadataReadabilityCorpus(t *testing.T) {
	root := sharedCorpus(t, "readability-test-pages/pages")
	paths, err := filepath.Glob(filepath.Join(root, "*", "expected-metadata.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no expected-metadata.json under %s", root)
	}
	rates := make(map[string]*rate)
	for _, path := range paths {
		scoreReadabilityPage(t, path, func(field string, ok bool) {
			if rates[field] == nil {
				rates[field] = &rate{}
			}
			rates[field].add(ok)
		})
	}
	// Floors sit a little under the rates measured on 2026-11-28: title
	// 114/127 exact, 124/127 loose; byline 65/76 exact, 67/76 loose; dir
	// 17/17; lang 73/73; publishedTime 33/33; siteName 58/62. Byline
	// "misses" are mostly Readability keeping a date in the byline ("By
	// Nathan Willis March 25, 2015"), which we cut.
	for _, f := range []struct {
		name  string
		floor float64
	}{
		{"title (exact)", 0.88}, {"title (loose)", 0.95},
		{"byline (exact)", 0.83}, {"byline (loose)", 0.86},
		{"dir", 0.94}, {"lang", 0.98}, {"publishedTime", 0.96}, {"siteName", 0.90},
	} {
		r := rates[f.name]
		if r == nil {
			t.Fatalf("no page has a %s to compare", f.name)
		}
		t.Logf("%-14s %3d/%3d = %.1f%% (floor %.0f%%)", f.name, r.match, r.total, 100*r.share(), 100*f.floor)
		if r.share() < f.floor {
			t.Errorf("%s match rate %.1f%% is below the floor %.0f%%", f.name, 100*r.share(), 100*f.floor)
		}
	}
}

// scoreReadabilityPage runs readMetadata on one Readability test page and
// reports, field by field, whether it matches the expected metadata.
func scoreReadabilityPage(t *testing.T, path string, add func(field string, ok bool)) {
	t.Helper()
	name := filepath.Base(filepath.Dir(path))
	var want readabilityExpected
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	pageURL, _ := url.Parse("http://fakehost/test/page.html")
	got := readMetadata(readDoc(t, filepath.Join(filepath.Dir(path), "source.html")), pageURL, time.UTC)
	check := func(field string, ok bool, got, want string) {
		add(field, ok)
		logMiss(t, name, field, ok, got, want)
	}
	if w := want.Title; w != nil && *w != "" {
		ok := got.Title == collapseSpace(*w)
		check("title (exact)", ok, got.Title, *w)
		add("title (loose)", ok || looseTitleMatch(got.Title, *w))
	}
	if w := want.Byline; w != nil && *w != "" {
		ok := bylineKey(got.Byline) == bylineKey(*w)
		check("byline (exact)", ok, got.Byline, *w)
		add("byline (loose)", ok || looseBylineMatch(got.Byline, *w))
	}
	if w := want.Dir; w != nil {
		check("dir", got.Dir == *w, got.Dir, *w)
	}
	if w := want.Lang; w != nil {
		check("lang", strings.EqualFold(got.Lang, *w), got.Lang, *w)
	}
	if w := want.PublishedTime; w != nil {
		exp, _ := parseDate(*w, time.UTC)
		check("publishedTime", !exp.IsZero() && got.Published.Equal(exp), got.Published.Format(time.RFC3339), *w)
	}
	if w := want.SiteName; w != nil {
		check("siteName", got.SiteName == *w, got.SiteName, *w)
	}
}

// logMiss logs a mismatch in verbose runs, to show what to improve.
func logMiss(t *testing.T, page, field string, ok bool, got, want string) {
	t.Helper()
	if !ok && testing.Verbose() {
		t.Logf("miss %s %s: got %q, want %q", page, field, got, want)
	}
}

// looseTitleMatch accepts our title when the expected one is it plus a
// trailing " | Site" part.
func looseTitleMatch(got, want string) bool {
	g, w := titleKey(got), titleKey(want)
	return g != "" && (g == w || (strings.HasPrefix(w, g) && len(g)*2 >= len(w)))
}

// looseBylineMatch accepts our byline when the expected one is it plus
// a date or job title after it.
func looseBylineMatch(got, want string) bool {
	g := bylineKey(got)
	return g != "" && strings.HasPrefix(bylineKey(want), g)
}

// bylineKey folds a byline for comparison: no leading "By", letters and
// digits only, lowercase.
func bylineKey(s string) string {
	return titleKey(bylinePrefix.ReplaceAllString(collapseSpace(s), ""))
}

// TestMetadataArabicDates checks the publication date of the five
// Arabic/Persian pages of htmldate's evaluation set.
func TestMetadataArabicDates(t *testing.T) {
	dir := sharedCorpus(t, "arabic-dev/htmldate-date-only")
	raw, err := os.ReadFile(filepath.Join(dir, "expected-dates.json"))
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]struct {
		URL      string `json:"url"`
		Date     string `json:"expected_publication_date"`
		Language string `json:"language"`
	}
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	for file, w := range want {
		t.Run(file, func(t *testing.T) {
			u, err := url.Parse(w.URL)
			if err != nil {
				t.Fatal(err)
			}
			m := readMetadata(readDoc(t, filepath.Join(dir, "pages", file)), u, time.UTC)
			if got := m.Published.Format("2006-01-02"); got != w.Date {
				t.Errorf("Published = %s, want %s", got, w.Date)
			}
			if base, _, _ := strings.Cut(m.Lang, "-"); base != w.Language {
				t.Errorf("Lang = %q, want %q", m.Lang, w.Language)
			}
			if m.Dir != "rtl" {
				t.Errorf("Dir = %q, want rtl", m.Dir)
			}
		})
	}
}

// TestMetadataCNNArabic checks the CNN Arabic page against newspaper4k's
// metadata (title, language, site name, description, lead image) on every
// stored copy of the page, the legacy-encoded ones decoded first.
// newspaper finds no date; the page prints one under the headline, which
// differs between captures ("الأربعاء، 28 آب/اغسطس 2013" in newspaper's,
// "الأحد، 04 آب/اغسطس 2013" in goose3's).
func TestMetadataCNNArabic(t *testing.T) {
	dir := sharedCorpus(t, "arabic-dev/cnn-arabic-syria-2013")
	raw, err := os.ReadFile(filepath.Join(dir, "newspaper4k", "arabic_article.metadata.json"))
	if err != nil {
		t.Fatal(err)
	}
	var want struct {
		URL         string `json:"url"`
		Title       string `json:"title"`
		Lang        string `json:"meta_lang"`
		SiteName    string `json:"meta_site_name"`
		Description string `json:"meta_description"`
		Image       string `json:"meta_img"`
	}
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(want.URL)
	legacy := "derived-legacy-encodings/arabic_article."
	pages := []struct {
		path string
		enc  encoding.Encoding // nil: UTF-8
		date string
	}{
		{"newspaper4k/arabic_article.html", nil, "2013-08-28"},
		{"newspaper3k/arabic_article.html", nil, "2013-08-28"},
		{"goose3/test_cnn_arabic.html", nil, "2013-08-04"},
		{legacy + "windows-1256.html", charmap.Windows1256, "2013-08-28"},
		{legacy + "windows-1256.no-meta-charset.html", charmap.Windows1256, "2013-08-28"},
		{legacy + "iso-8859-6.html", charmap.ISO8859_6, "2013-08-28"},
		{legacy + "iso-8859-6.no-meta-charset.html", charmap.ISO8859_6, "2013-08-28"},
	}
	for _, p := range pages {
		t.Run(p.path, func(t *testing.T) {
			m := readMetadata(readEncodedDoc(t, filepath.Join(dir, p.path), p.enc), u, time.UTC)
			checks := []struct{ field, got, want string }{
				{"Title", m.Title, want.Title},
				{"Lang", m.Lang, want.Lang},
				{"Dir", m.Dir, "rtl"},
				{"SiteName", m.SiteName, want.SiteName},
				{"Description", m.Description, want.Description},
				{"Image", m.Image, want.Image},
				{"Published", m.Published.Format("2006-01-02"), p.date},
			}
			for _, c := range checks {
				if c.got != c.want {
					t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
				}
			}
		})
	}
}

// readEncodedDoc parses a corpus page, decoding it from enc first when
// enc is not nil.
func readEncodedDoc(t testing.TB, path string, enc encoding.Encoding) *goquery.Document {
	t.Helper()
	if enc == nil {
		return readDoc(t, path)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		t.Fatalf("%s: decode: %v", path, err)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
