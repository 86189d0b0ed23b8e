package extract

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/refeed/refeed/extract/score"
	"golang.org/x/net/html/charset"
)

// minArabicF1 is the required mean F1 on the Arabic dev pages.
const minArabicF1 = 0.95

const cnnArabicURL = "http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html"

// decodeAs decodes page from the named legacy charset to UTF-8.
func decodeAs(t *testing.T, page []byte, label string) []byte {
	t.Helper()
	r, err := charset.NewReaderLabel(label, bytes.NewReader(page))
	if err != nil {
		t.Fatalf("charset %s: %v", label, err)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// evalArabic scores the seven copies of the CNN Arabic page, checking
// goose3's expected prefix on the way.
func evalArabic(t *testing.T) []pageScore {
	t.Helper()
	dir := sharedCorpus(t, "arabic-dev")
	cnn := filepath.Join(dir, "cnn-arabic-syria-2013")
	truth := string(readMaybeGzip(t, filepath.Join(cnn, "newspaper4k", "arabic_article.txt")))
	pages := []struct {
		name, path, charset string
	}{
		{"newspaper4k", "newspaper4k/arabic_article.html", ""},
		{"newspaper3k", "newspaper3k/arabic_article.html", ""},
		{"goose3", "goose3/test_cnn_arabic.html", ""},
		{"windows-1256", "derived-legacy-encodings/arabic_article.windows-1256.html", "windows-1256"},
		{"iso-8859-6", "derived-legacy-encodings/arabic_article.iso-8859-6.html", "iso-8859-6"},
		{"windows-1256 no meta", "derived-legacy-encodings/arabic_article.windows-1256.no-meta-charset.html", "windows-1256"},
		{"iso-8859-6 no meta", "derived-legacy-encodings/arabic_article.iso-8859-6.no-meta-charset.html", "iso-8859-6"},
	}
	var rows []pageScore
	for _, p := range pages {
		page := readMaybeGzip(t, filepath.Join(cnn, p.path))
		if p.charset != "" {
			page = decodeAs(t, page, p.charset)
		}
		got := extractText(t, page, cnnArabicURL)
		rows = append(rows, pageScore{name: p.name, counts: score.Compare(got, truth)})
		if p.name == "goose3" {
			checkGoosePrefix(t, filepath.Join(cnn, "goose3", "test_cnn_arabic.json"), got)
		}
	}
	return rows
}

func TestArabicCorpus(t *testing.T) {
	_, _, f1 := logTable(t, evalArabic(t))
	if f1 < minArabicF1 {
		t.Errorf("arabic-dev F1 = %.4f, want >= %.2f", f1, minArabicF1)
	}
}

// checkGoosePrefix asserts goose3's expectation: the text starts with its
// cleaned_text, whitespace aside.
func checkGoosePrefix(t *testing.T, path, got string) {
	t.Helper()
	var v struct {
		Expected struct {
			CleanedText string `json:"cleaned_text"`
		} `json:"expected"`
	}
	if err := json.Unmarshal(readMaybeGzip(t, path), &v); err != nil {
		t.Fatal(err)
	}
	want := strings.Join(strings.Fields(v.Expected.CleanedText), " ")
	if have := strings.Join(strings.Fields(got), " "); !strings.HasPrefix(have, want) {
		t.Errorf("goose3: text does not start with the expected prefix\n got: %.200s\nwant: %s", have, want)
	}
}

// TestArabicDateOnlyPages runs the htmldate pages, which carry no expected
// text: extraction must succeed with a real article, not crash or come back
// empty, and must drop the navigation.
func TestArabicDateOnlyPages(t *testing.T) {
	dir := sharedCorpus(t, "arabic-dev")
	b, err := os.ReadFile(filepath.Join(dir, "htmldate-date-only", "expected-dates.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pages map[string]struct {
		URL string `json:"url"`
	}
	if err := json.Unmarshal(b, &pages); err != nil {
		t.Fatal(err)
	}
	for name, p := range pages {
		page := readMaybeGzip(t, filepath.Join(dir, "htmldate-date-only", "pages", name))
		got := extractText(t, page, p.URL)
		words := len(score.Tokens(got))
		t.Logf("%s: %d words, %d paragraphs: %.150q", name, words, strings.Count(got, "\n\n")+1, got)
		if words < 50 {
			t.Errorf("%s: %d words extracted, want an article of 50+ words", name, words)
		}
	}
}
