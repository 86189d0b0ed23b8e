package fetch_test

import (
	"bytes"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"

	"github.com/refeed/refeed/fetch"
)

// xmlDecl matches a leading XML declaration, which Decode rewrites.
var xmlDecl = regexp.MustCompile(`^\s*<\?xml[^>]*\?>`)

// TestDecodeCorpusFeeds decodes miniflux's real and hand-made encoding
// fixtures without any header, and compares each with the file decoded in
// its true charset. Several declare the wrong charset, or none.
func TestDecodeCorpusFeeds(t *testing.T) {
	dir := corpusDir(t, filepath.Join("feeds", "miniflux", "internal", "reader"))
	tests := []struct{ file, charset string }{
		{"encoding/testdata/invalid-prolog.xml", "utf-8"},
		{"encoding/testdata/iso-8859-1-meta-after-1024.html", "windows-1252"},
		{"encoding/testdata/iso-8859-1.html", "windows-1252"},
		{"encoding/testdata/iso-8859-1.xml", "windows-1252"},
		{"encoding/testdata/koi8r.xml", "koi8-r"},
		{"encoding/testdata/utf8-incorrect-prolog.xml", "utf-8"},
		{"encoding/testdata/utf8-meta-after-1024.html", "utf-8"},
		{"encoding/testdata/utf8.html", "utf-8"},
		{"encoding/testdata/utf8.xml", "utf-8"},
		{"encoding/testdata/windows-1252-incorrect-prolog.xml", "utf-8"},
		{"encoding/testdata/windows-1252.xml", "windows-1252"},
		{"parser/testdata/encoding_ISO-8859-1.xml", "windows-1252"},
		{"parser/testdata/encoding_WINDOWS-1251.xml", "windows-1251"},
		{"parser/testdata/no_encoding_ISO-8859-1.xml", "windows-1252"},
		{"parser/testdata/rdf_UTF8.xml", "utf-8"},
		{"parser/testdata/urdu_UTF8.xml", "utf-8"},
		{"parser/testdata/large_rss.xml", "utf-8"},
		{"xml/testdata/iso88591.xml", "windows-1252"},
		{"xml/testdata/iso88591_utf8_mismatch.xml", "windows-1252"},
		{"xml/testdata/koi8r.xml", "koi8-r"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			body := mustRead(t, filepath.Join(dir, tt.file))
			got, name := fetch.Decode(body, "", "")
			if name != tt.charset {
				t.Errorf("charset = %q, want %q", name, tt.charset)
			}
			enc, err := htmlindex.Get(tt.charset)
			if err != nil {
				t.Fatal(err)
			}
			want, err := enc.NewDecoder().Bytes(body)
			if err != nil {
				t.Fatal(err)
			}
			if g, w := xmlDecl.ReplaceAllString(string(got), ""), xmlDecl.ReplaceAllString(string(want), ""); g != w {
				t.Errorf("decoded text differs from a %s decoding near %q", tt.charset, firstDiff(g, w))
			}
		})
	}
}

// headerLine finds the HTTP header a feedparser fixture asks to be served with.
var headerLine = regexp.MustCompile(`(?m)^Header:\s*Content-type:\s*(.+)$`)

// TestDecodeCorpusSmoke decodes every file of the feed corpora, with the
// Content-Type feedparser's fixtures name, and checks the result is valid
// UTF-8 without a byte order mark.
func TestDecodeCorpusSmoke(t *testing.T) {
	dir := corpusDir(t, "feeds")
	n := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body := mustRead(t, path)
		contentType := ""
		if m := headerLine.FindSubmatch(body); m != nil {
			contentType = strings.TrimSpace(string(m[1]))
		}
		got, name := fetch.Decode(body, contentType, "")
		if !utf8.Valid(got) || bytes.HasPrefix(got, []byte("\uFEFF")) || name == "" {
			t.Errorf("%s: charset %q, valid UTF-8 %v", path, name, utf8.Valid(got))
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("decoded %d files", n)
}
