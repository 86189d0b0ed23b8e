package fetch_test

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/refeed/refeed/fetch"
)

// FuzzDecode checks that any bytes under any Content-Type and forced
// charset decode to valid UTF-8 without a byte order mark, and never panic.
func FuzzDecode(f *testing.F) {
	w1256, _ := charmap.Windows1256.NewEncoder().String(arabic)
	f.Add([]byte(htmlDoc(`<meta charset="windows-1256">`, w1256)), "text/html", "")
	f.Add([]byte(`<?xml version="1.0" encoding="iso-8859-6"?><rss/>`), "application/rss+xml", "")
	f.Add([]byte("\xFF\xFE<\x00p\x00>\x00"), "text/html; charset=utf-8", "")
	f.Add([]byte("\xEF\xBB\xBF<p>\xff</p>"), "", "windows-1256")
	f.Add([]byte(`<meta http-equiv="content-type" content="text/html; charset=utf-16">`), "text/html; charset=", "utf-16be")
	f.Add([]byte("\xc7\xe1\xda\xd1\xc7\xde"), "text/plain", "bogus")
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("<p>国务院总理周一主持召开国务院常务会议<script>x</SCRIPT><!-- c --><style>")
	f.Add([]byte(gbk), "text/html", "")
	f.Fuzz(func(t *testing.T, body []byte, contentType, forced string) {
		got, name := fetch.Decode(body, contentType, forced)
		if !utf8.Valid(got) {
			t.Fatalf("Decode(%q, %q, %q) = %q (%s): invalid UTF-8", body, contentType, forced, got, name)
		}
		if bytes.HasPrefix(got, []byte("\uFEFF")) {
			t.Fatalf("Decode(%q) kept a byte order mark", body)
		}
		if name == "" {
			t.Fatalf("Decode(%q) named no charset", body)
		}
	})
}
