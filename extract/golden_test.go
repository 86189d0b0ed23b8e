package extract

import (
	"bytes"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden article files in testdata/seed")

// TestSeedGolden renders each seed layout and compares the article's HTML
// and text with the golden files beside it. Run with -update to rewrite
// them after an intended change, and review the diff.
func TestSeedGolden(t *testing.T) {
	pageURL, _ := url.Parse("https://burathanews.com/arabic/news/450001.php")
	for _, tt := range []struct{ file, charset string }{
		{"modern.html", ""},
		{"legacy-table.windows-1256.html", "windows-1256"},
		{"long-comments.html", ""},
	} {
		t.Run(tt.file, func(t *testing.T) {
			a, err := Extract(bytes.NewReader(readSeedFixture(t, tt.file, tt.charset)), pageURL, nil)
			if err != nil {
				t.Fatal(err)
			}
			got := []byte("<!-- text -->\n" + a.Text + "\n<!-- html -->\n" + a.HTML + "\n")
			golden := filepath.Join("testdata", "seed", tt.file+".golden")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestSeedGolden -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("article differs from %s (rerun with -update if intended):\n%s", golden, got)
			}
		})
	}
}
