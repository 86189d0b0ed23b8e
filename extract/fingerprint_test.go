package extract

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// fingerprintEnv names the file TestFingerprint writes, or compares with
// when it exists: one line per corpus page, the page's name and the
// SHA-256 of everything Extract returned for it. It guards changes meant
// not to change any output (speed work): record on the commit before,
// compare after.
//
//	REFEED_FINGERPRINT=/tmp/fp.txt go test -run TestFingerprint ./extract   # records
//	REFEED_FINGERPRINT=/tmp/fp.txt go test -run TestFingerprint ./extract   # compares
const fingerprintEnv = "REFEED_FINGERPRINT"

// fingerprintPage is one page TestFingerprint extracts.
type fingerprintPage struct {
	name, url string
	page      []byte
}

// TestFingerprint extracts every page of scrapinghub-dev (as served and
// stripped of hint attributes), wcxb-dev, readability-test-pages and
// arabic-dev, and records or compares a hash of each whole result (the
// Article as JSON, or the error).
func TestFingerprint(t *testing.T) {
	path := os.Getenv(fingerprintEnv)
	if path == "" {
		t.Skipf("set %s to a file to record, or compare with, the fingerprint of every corpus page", fingerprintEnv)
	}
	got := make(map[string]string)
	var names []string
	for _, p := range fingerprintPages(t) {
		if _, dup := got[p.name]; dup {
			t.Fatalf("two pages named %q", p.name)
		}
		got[p.name] = fingerprint(t, p)
		names = append(names, p.name)
	}
	sort.Strings(names)

	want, err := readFingerprints(path)
	if os.IsNotExist(err) {
		var b bytes.Buffer
		for _, n := range names {
			fmt.Fprintf(&b, "%s %s\n", n, got[n])
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("recorded %d pages in %s", len(names), path)
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	differ := 0
	for _, n := range names {
		if w, ok := want[n]; !ok {
			t.Errorf("%s: not in %s", n, path)
		} else if w != got[n] {
			differ++
			t.Errorf("%s: result changed", n)
		}
	}
	for n := range want {
		if _, ok := got[n]; !ok {
			t.Errorf("%s: in %s but not extracted", n, path)
		}
	}
	t.Logf("compared %d pages with %s: %d differ", len(names), path, differ)
}

// fingerprint returns the hash of what Extract returns for p.
func fingerprint(t *testing.T, p fingerprintPage) string {
	u, err := url.Parse(p.url)
	if err != nil {
		t.Fatalf("%s: %v", p.name, err)
	}
	a, err := Extract(bytes.NewReader(p.page), u, nil)
	var out []byte
	if err != nil {
		out = []byte("error: " + err.Error())
	} else if out, err = json.Marshal(a); err != nil {
		t.Fatalf("%s: %v", p.name, err)
	}
	sum := sha256.Sum256(out)
	return hex.EncodeToString(sum[:])
}

// readFingerprints reads a file TestFingerprint wrote.
func readFingerprints(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m := make(map[string]string)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		i := strings.LastIndexByte(line, ' ')
		if i < 0 {
			return nil, fmt.Errorf("%s: bad line %q", path, line)
		}
		m[line[:i]] = line[i+1:]
	}
	return m, sc.Err()
}

// fingerprintPages loads every page TestFingerprint extracts.
func fingerprintPages(t *testing.T) []fingerprintPage {
	var pages []fingerprintPage

	dir, sh, ids := loadScrapinghub(t)
	for _, id := range ids {
		page := readMaybeGzip(t, filepath.Join(dir, "html", id+".html.gz"))
		pages = append(pages,
			fingerprintPage{"scrapinghub/" + id, sh[id].URL, page},
			fingerprintPage{"scrapinghub-bare/" + id, sh[id].URL, stripHints(page)})
	}

	dir, wcxb := wcxbCorpus(t)
	for id, truth := range wcxb {
		pages = append(pages, fingerprintPage{"wcxb/" + id, truth.URL, readMaybeGzip(t, filepath.Join(dir, "html", id+".html.gz"))})
	}

	dir = filepath.Join(sharedCorpus(t, "readability-test-pages"), "pages")
	cases, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if c.IsDir() {
			pages = append(pages, fingerprintPage{"readability/" + c.Name(), readabilityURL, readMaybeGzip(t, filepath.Join(dir, c.Name(), "source.html"))})
		}
	}

	dir = sharedCorpus(t, "arabic-dev")
	cnn := filepath.Join(dir, "cnn-arabic-syria-2013")
	for _, p := range []struct{ path, charset string }{
		{"newspaper4k/arabic_article.html", ""},
		{"newspaper3k/arabic_article.html", ""},
		{"goose3/test_cnn_arabic.html", ""},
		{"derived-legacy-encodings/arabic_article.windows-1256.html", "windows-1256"},
		{"derived-legacy-encodings/arabic_article.iso-8859-6.html", "iso-8859-6"},
		{"derived-legacy-encodings/arabic_article.windows-1256.no-meta-charset.html", "windows-1256"},
		{"derived-legacy-encodings/arabic_article.iso-8859-6.no-meta-charset.html", "iso-8859-6"},
	} {
		page := readMaybeGzip(t, filepath.Join(cnn, p.path))
		if p.charset != "" {
			page = decodeAs(t, page, p.charset)
		}
		pages = append(pages, fingerprintPage{"arabic/" + p.path, cnnArabicURL, page})
	}
	b, err := os.ReadFile(filepath.Join(dir, "htmldate-date-only", "expected-dates.json"))
	if err != nil {
		t.Fatal(err)
	}
	var dated map[string]struct {
		URL string `json:"url"`
	}
	if err := json.Unmarshal(b, &dated); err != nil {
		t.Fatal(err)
	}
	for name, p := range dated {
		pages = append(pages, fingerprintPage{"arabic-dated/" + name, p.URL, readMaybeGzip(t, filepath.Join(dir, "htmldate-date-only", "pages", name))})
	}
	return pages
}
