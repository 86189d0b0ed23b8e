package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/refeed/refeed/extract/evaluate"
)

// TestWCXBDump prints, for the wcxb-dev ids in REFEED_WCXB_DUMP (comma
// separated), the score, the start of the extracted text and of the truth:
// the tool for studying a catastrophic page.
func TestWCXBDump(t *testing.T) {
	ids := os.Getenv("REFEED_WCXB_DUMP")
	if ids == "" {
		t.Skip("set REFEED_WCXB_DUMP=0010,0046 to dump wcxb-dev pages")
	}
	dir, gt := wcxbCorpus(t)
	for _, id := range strings.Split(ids, ",") {
		page := readMaybeGzip(t, filepath.Join(dir, "html", id+".html.gz"))
		got := extractText(t, page, gt[id].URL)
		s := evaluate.CompareWords(got, gt[id].MainContent)
		t.Logf("\n=== %s %s P=%.3f R=%.3f F1=%.3f got %d words, truth %d words\n--- got:\n%.700s\n--- truth:\n%.500s\n",
			id, gt[id].URL, s.Precision, s.Recall, s.F1, len(evaluate.Tokens(got)), len(evaluate.Tokens(gt[id].MainContent)), got, gt[id].MainContent)
	}
}

// TestReadabilityDump prints the text extracted from the Readability test
// pages named in REFEED_READABILITY_DUMP.
func TestReadabilityDump(t *testing.T) {
	names := os.Getenv("REFEED_READABILITY_DUMP")
	if names == "" {
		t.Skip("set REFEED_READABILITY_DUMP=yahoo-3 to dump Readability test pages")
	}
	dir := filepath.Join(sharedCorpus(t, "readability-test-pages"), "pages")
	for _, name := range strings.Split(names, ",") {
		src := readMaybeGzip(t, filepath.Join(dir, name, "source.html"))
		got := extractText(t, src, readabilityURL)
		t.Logf("\n=== %s\n%.1500s", name, got)
	}
}
