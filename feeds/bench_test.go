package feeds_test

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/refeed/refeed/feeds"
)

func BenchmarkParse(b *testing.B) {
	for _, file := range []string{"rss2_arabic.xml", "atom10_base.xml"} {
		body, err := os.ReadFile(filepath.Join("testdata", "parse", file))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(file+"/func", func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				if _, err := feeds.Parse(body, "https://example.com/feed"); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(file+"/shared-parser", func(b *testing.B) {
			p := feeds.NewParser()
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				if _, err := p.Parse(body, "https://example.com/feed"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// manyItems builds n items from 10 sources, a tenth of them syndicated
// copies of another source's headline.
func manyItems(n int) []feeds.Item {
	items := make([]feeds.Item, n)
	for i := range items {
		title := fmt.Sprintf("عنوان الخبر رقم %d عن بغداد والبصرة", i)
		if i%10 == 9 {
			title = fmt.Sprintf("عاجل: عنوان الخبر رقم %d عن بغداد والبصرة", i-1)
		}
		items[i] = newItem(fmt.Sprintf("src%d", i%10), fmt.Sprintf("https://e%d.example/%d", i%10, i), title)
		items[i].Published = day(1, 0).Add(time.Duration(i) * 7 * time.Minute)
		items[i].FirstSeen = items[i].Published
	}
	return items
}

func BenchmarkSelect(b *testing.B) {
	items := manyItems(5000)
	for _, limit := range []int{100, 0} {
		for _, dedupe := range []bool{false, true} {
			b.Run(fmt.Sprintf("5000items/limit%d/dedupeTitles=%v", limit, dedupe), func(b *testing.B) {
				for b.Loop() {
					feeds.Select(items, feeds.SelectOptions{Limit: limit, DedupeTitles: dedupe})
				}
			})
		}
	}
}

func BenchmarkRender(b *testing.B) {
	f := sampleFeed()
	f.Items = feeds.Select(manyItems(100), feeds.SelectOptions{})
	for _, fm := range formats {
		b.Run(fm.ext, func(b *testing.B) {
			for b.Loop() {
				if err := fm.render(io.Discard, f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParseLarge parses miniflux's 190 KB real RSS capture from the
// shared corpus, when present.
func BenchmarkParseLarge(b *testing.B) {
	path := filepath.Join(repoRoot(b), "..", "shared", "corpus", "feeds", "miniflux", "internal", "reader", "parser", "testdata", "large_rss.xml")
	body, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("corpus file %s not present", path)
	}
	p := feeds.NewParser()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := p.Parse(body, "https://example.com/feed"); err != nil {
			b.Fatal(err)
		}
	}
}

// repoRoot walks up from the package directory to the one holding go.mod.
func repoRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("no go.mod above the package directory")
		}
		dir = parent
	}
}
