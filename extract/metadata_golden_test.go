package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// updateMeta rewrites testdata/meta/*.golden.json from the current output.
// It is not called -update so that it cannot clash with another golden
// test's flag in this package.
var updateMeta = flag.Bool("update-meta", false, "rewrite testdata/meta/*.golden.json")

// goldenMeta is Metadata as stored in a golden file: times as RFC 3339
// text, empty for zero, so the files read well in review.
type goldenMeta struct {
	Title, Byline       string
	Published, Modified string
	Lang, Dir, SiteName string
	Image, Description  string
	ArticleBody         string
}

func toGolden(m Metadata) goldenMeta {
	ts := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format(time.RFC3339)
	}
	return goldenMeta{
		Title: m.Title, Byline: m.Byline, Published: ts(m.Published), Modified: ts(m.Modified),
		Lang: m.Lang, Dir: m.Dir, SiteName: m.SiteName, Image: m.Image, Description: m.Description,
		ArticleBody: m.ArticleBody,
	}
}

// TestMetadataGolden checks readMetadata on hand-made pages shaped like
// Iraqi news sites (an OpenGraph site, a JSON-LD site, an old table-layout
// forum) and an English page, against testdata/meta/NAME.golden.json.
// Run with -update-meta to rewrite the golden files after a deliberate
// change, and review the diff.
func TestMetadataGolden(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("testdata", "meta", "*.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no pages in testdata/meta: %v", err)
	}
	for _, page := range pages {
		name := strings.TrimSuffix(filepath.Base(page), ".html")
		t.Run(name, func(t *testing.T) {
			u, _ := url.Parse("https://www.example.iq/news/2023/" + name + ".html")
			got, err := json.MarshalIndent(toGolden(readMetadata(readDoc(t, page), u, time.UTC)), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", "meta", name+".golden.json")
			if *updateMeta {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update-meta to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("metadata differs from %s:\ngot:\n%s\nwant:\n%s", golden, got, want)
			}
		})
	}
}
