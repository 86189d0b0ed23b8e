package siterules_test

import (
	"bytes"
	"fmt"
	"log"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/refeed/refeed/extract"
	"github.com/refeed/refeed/siterules"
)

// applyExample loads testdata/example and applies its rules to page.html.
func applyExample() (*siterules.Site, *siterules.Applied, *url.URL, error) {
	set, err := siterules.Load(filepath.Join("testdata", "example"), siterules.Options{})
	if err != nil {
		return nil, nil, nil, err
	}
	page, err := os.ReadFile(filepath.Join("testdata", "example", "page.html"))
	if err != nil {
		return nil, nil, nil, err
	}
	u, _ := url.Parse("https://www.example.com/news/1")
	site := set.For(u.Hostname())
	a, err := site.Apply(page, u)
	return site, a, u, err
}

func Example() {
	site, a, _, err := applyExample()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(site.Name, site.Headers()["User-Agent"])
	fmt.Println(a.Selector)
	fmt.Println(a.Title, "|", a.Date, "|", a.Authors)
	// Then: extract.Extract(bytes.NewReader(a.HTML), u, &extract.Rule{Body: a.Selector})
	// Output:
	// example.com Mozilla/5.0 (compatible; refeed)
	// #refeed-siterules-body
	// أمطار غزيرة في بغداد | 2026-11-20T09:30:00+03:00 | [علي حسن]
}

// TestExtractAfterApply checks the hand-off to the extractor: the rule's
// body reaches Article.Text, the stripped parts and the page chrome do not,
// and metadata still comes from the kept <head>.
func TestExtractAfterApply(t *testing.T) {
	_, a, u, err := applyExample()
	if err != nil {
		t.Fatal(err)
	}
	rule, err := extract.CompileRule(a.Selector, nil)
	if err != nil {
		t.Fatal(err)
	}
	art, err := extract.Extract(bytes.NewReader(a.HTML), u, rule)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	for _, want := range []string{"هطلت أمطار غزيرة", "مديرية الأنواء الجوية", "أمانة بغداد"} {
		if !strings.Contains(art.Text, want) {
			t.Errorf("Text lacks %q:\n%s", want, art.Text)
		}
	}
	for _, gone := range []string{"اقرأ أيضا", "شارك", "الأكثر قراءة", "جميع الحقوق", "bank.gif"} {
		if strings.Contains(art.Text, gone) || strings.Contains(art.HTML, gone) {
			t.Errorf("article still has %q:\n%s", gone, art.HTML)
		}
	}
	if art.Dir != "rtl" || art.SiteName != "أخبار المثال" {
		t.Errorf("Dir, SiteName = %q, %q; want rtl and the og:site_name from <head>", art.Dir, art.SiteName)
	}
}
