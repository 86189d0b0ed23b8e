package fetch_test

import (
	"context"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/refeed/refeed/fetch"
)

// contentTypeMeta matches the one in-page charset declaration of the CNN
// Arabic page, which the derived files replace or remove.
var contentTypeMeta = regexp.MustCompile(`(?i)<meta http-equiv="Content-Type"[^>]*>`)

// normalisePage removes what legitimately differs between the UTF-8
// original and its legacy-encoded copies: the charset declaration, and the
// one U+FEFF neither legacy charset has, which the copies write as a
// character reference.
func normalisePage(s string) string {
	s = contentTypeMeta.ReplaceAllString(s, "")
	return strings.ReplaceAll(s, "\uFEFF", "&#65279;")
}

// TestFetchCorpusLegacyEncodings serves the CNN Arabic page in windows-1256
// and ISO-8859-6, with and without an in-page declaration and with and
// without a header charset, and checks every decoding against the original.
func TestFetchCorpusLegacyEncodings(t *testing.T) {
	dir := corpusDir(t, filepath.Join("arabic-dev", "cnn-arabic-syria-2013"))
	want := normalisePage(string(mustRead(t, filepath.Join(dir, "newspaper4k", "arabic_article.html"))))
	files := []struct{ name, charset string }{
		{"arabic_article.windows-1256.html", "windows-1256"},
		{"arabic_article.windows-1256.no-meta-charset.html", "windows-1256"},
		{"arabic_article.iso-8859-6.html", "iso-8859-6"},
		{"arabic_article.iso-8859-6.no-meta-charset.html", "iso-8859-6"},
	}
	c := newClient(t, fastOptions())
	for _, f := range files {
		body := mustRead(t, filepath.Join(dir, "derived-legacy-encodings", f.name))
		for _, header := range []string{"text/html", "text/html; charset=" + f.charset} {
			t.Run(f.name+"/"+header, func(t *testing.T) {
				srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
					w.Header().Set("Content-Type", header)
					w.Write(body)
				})
				resp, err := c.Fetch(context.Background(), fetch.Request{URL: srv.URL + "/article", Kind: fetch.KindPage, IgnoreRobots: true})
				if err != nil {
					t.Fatal(err)
				}
				if resp.Charset != f.charset {
					t.Errorf("charset = %q, want %q", resp.Charset, f.charset)
				}
				if got := normalisePage(string(resp.Body)); got != want {
					t.Errorf("decoded page differs from the UTF-8 original (%d vs %d bytes); first difference near %q",
						len(got), len(want), firstDiff(got, want))
				}
			})
		}
	}
}

func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return a[max(0, i-40):min(len(a), i+40)]
}
