package listing_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/refeed/refeed/internal/testcorpus"
	"github.com/refeed/refeed/listing"
)

func BenchmarkFind(b *testing.B) {
	pages := []struct{ name, path, url string }{
		{"modern_home", filepath.Join("testdata", "modern_home.html"), "https://www.iraqtoday.example/"},
		{"wordpress_category", filepath.Join("testdata", "wordpress_category.html"), "https://rafidain.example/category/politics/"},
	}
	for _, p := range pages {
		raw, err := os.ReadFile(p.path)
		if err != nil {
			b.Fatal(err)
		}
		benchFind(b, p.name, string(raw), p.url)
	}
	// A large real page: a cbsnews.com article ending in a list of 50
	// latest stories (about 440 KB).
	dir := corpusDir(b, "scrapinghub-dev")
	const id = "2c46804d9db4a85e8f8d31128ce0e11d02f25c7120c2faa5ec0664c604a47717"
	raw := testcorpus.ReadFile(b, filepath.Join(dir, "html", id+".html.gz"))
	benchFind(b, "cbsnews_article", string(raw), "https://www.cbsnews.com/news/michael-webb-fort-worth-dramatic-video-shows-rescue-of-8-year-old-kidnapping-victim/")
}

func benchFind(b *testing.B, name, page, pageURL string) {
	u := mustURL(b, pageURL)
	b.Run(name, func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := listing.Find(strings.NewReader(page), u, nil, 0); err != nil {
				b.Fatal(err)
			}
		}
	})
}
