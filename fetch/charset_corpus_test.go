package fetch_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	japaneseenc "golang.org/x/text/encoding/japanese"
	koreanenc "golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"github.com/refeed/refeed/fetch"
)

// charsetDecl matches an in-page charset declaration, which a page saved
// from a server that named its charset only in the HTTP header lacks.
var charsetDecl = regexp.MustCompile(`(?i)<meta[^>]*charset[^>]*>|<\?xml[^>]*\?>`)

// legacyCharsets are the charsets TestDecodeUndeclaredCorpus re-encodes
// pages in. A page is written in windows-1252 always, and in the charset of
// another script when its article (the corpus truth) is written in that
// script (see writtenIn): a page of English with a list of Russian titles
// has no one right charset to guess.
var legacyCharsets = []struct {
	name   string
	enc    encoding.Encoding
	script *unicode.RangeTable // nil: every page
}{
	{"windows-1252", charmap.Windows1252, nil},
	{"windows-1251", charmap.Windows1251, unicode.Cyrillic},
	{"koi8-r", charmap.KOI8R, unicode.Cyrillic},
	{"iso-8859-7", charmap.ISO8859_7, unicode.Greek},
	{"windows-1255", charmap.Windows1255, unicode.Hebrew},
	{"windows-1256", charmap.Windows1256, unicode.Arabic},
	{"gbk", simplifiedchinese.GBK, unicode.Han},
	{"big5", traditionalchinese.Big5, unicode.Han},
	{"shift_jis", japaneseenc.ShiftJIS, unicode.Hiragana},
	{"euc-kr", koreanenc.EUCKR, unicode.Hangul},
}

// writtenIn reports whether text holds at least 100 non-ASCII letters of
// script and they are at least half of its letters.
func writtenIn(text string, script *unicode.RangeTable) bool {
	in, all := 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			all++
			if r >= 0x80 && unicode.Is(script, r) {
				in++
			}
		}
	}
	return in >= 100 && 2*in >= all
}

// TestDecodeUndeclaredCorpus takes the wcxb-dev pages, removes their
// charset declarations and writes them in legacy charsets (see
// legacyCharsets), as a page whose server named its charset only in a
// header is saved. Characters a charset lacks become references, as a
// legacy CMS writes them. Each decoded page must be the page the charset
// holds: the sniffing that reads other scripts must not misread the
// Western pages that are most of the corpus.
func TestDecodeUndeclaredCorpus(t *testing.T) {
	dir := corpusDir(t, "wcxb-dev")
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var truth map[string]struct {
		MainContent string `json:"main_content"`
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		t.Fatal(err)
	}
	tried, wrong := map[string]int{}, map[string][]string{}
	for id, v := range truth {
		page := charsetDecl.ReplaceAllString(string(gunzip(t, filepath.Join(dir, "html", id+".html.gz"))), "")
		if !hasNonASCII(page) || decodedTwice(page) {
			continue
		}
		for _, cs := range legacyCharsets {
			if cs.script != nil && !writtenIn(v.MainContent, cs.script) {
				continue
			}
			b, err := encoding.HTMLEscapeUnsupported(cs.enc.NewEncoder()).Bytes([]byte(page))
			if err != nil {
				t.Fatalf("%s in %s: %v", id, cs.name, err)
			}
			want, err := cs.enc.NewDecoder().Bytes(b)
			if err != nil {
				t.Fatalf("%s back from %s: %v", id, cs.name, err)
			}
			if utf8.Valid(b) {
				continue // text that was UTF-8 read as windows-1252: read as UTF-8 again, rightly
			}
			tried[cs.name]++
			if got, name := fetch.Decode(b, "text/html", ""); !bytes.Equal(got, want) {
				wrong[cs.name] = append(wrong[cs.name], id+"→"+name)
			}
		}
	}
	if tried["windows-1252"] < 100 {
		t.Fatalf("only %d wcxb-dev pages hold non-ASCII text", tried["windows-1252"])
	}
	names := make([]string, 0, len(tried))
	for n := range tried {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		sort.Strings(wrong[n])
		t.Logf("%-13s %3d pages, %d decoded wrong %v", n, tried[n], len(wrong[n]), wrong[n])
		if len(wrong[n]) > 0 {
			t.Errorf("%s: %d of %d undeclared pages decoded wrong", n, len(wrong[n]), tried[n])
		}
	}
}

// decodedTwice reports whether a page holds UTF-8 that was read as
// windows-1252 before the page was saved ("Ã©" for "é", "â€™" for "’"): a
// UTF-8 lead byte's letter followed by a continuation byte's character, or
// a C1 control. Written back in windows-1252 such a page is UTF-8 again, so
// it has no one right reading to check.
func decodedTwice(s string) bool {
	prevLead := false
	for _, r := range s {
		if r >= 0x80 && r <= 0x9F {
			return true
		}
		b, ok := charmap.Windows1252.EncodeRune(r)
		if prevLead && ok && b >= 0x80 && b <= 0xBF {
			return true
		}
		prevLead = ok && b >= 0xC2 && b <= 0xEF
	}
	return false
}

func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}

func gunzip(t testing.TB, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(z)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
