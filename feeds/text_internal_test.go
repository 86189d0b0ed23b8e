package feeds

import "testing"

func TestHTMLText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain  text\n", "plain text"},
		{"<p>One</p><p>Two</p>", "One Two"},
		{`<p>a <a href="x">link</a>, <b>bold</b>.</p>`, "a link, bold."},
		{"x<br>y", "x y"},
		{"<script>var a = '<p>';</script>visible<style>p{}</style>", "visible"},
		{"Tom &amp; Jerry &lt;3", "Tom & Jerry <3"},
		{"AT&T", "AT&T"},
	}
	for _, tt := range tests {
		if got := htmlText(tt.in); got != tt.want {
			t.Errorf("htmlText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestExcerpt(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"one two three four", 9, "one two…"},
		{"كلمة أولى، كلمة ثانية", 12, "كلمة أولى…"},
	}
	for _, tt := range tests {
		if got := excerpt(tt.in, tt.n); got != tt.want {
			t.Errorf("excerpt(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

func TestItemLangDir(t *testing.T) {
	tests := []struct{ lang, title, text, wantLang, wantDir string }{
		{"ar", "", "", "ar", "rtl"},
		{"ar-IQ", "Breaking", "English words", "ar-IQ", "rtl"}, // an RTL declaration wins
		{"en-US", "عنوان عربي", "نص عربي", "", "rtl"},          // CMS default contradicted by the script
		{"en", "Hello", "world", "en", "ltr"},
		{"", "عنوان عربي", "مع نص", "", "rtl"},
		{"", "BBC اردو", "", "", "rtl"},
		{"", "Hello", "world", "", "ltr"},
		{"", "2026", "", "", ""},
		{"de", "2026", "", "de", "ltr"},
	}
	for _, tt := range tests {
		lang, dir := itemLangDir(tt.lang, tt.title, tt.text)
		if lang != tt.wantLang || dir != tt.wantDir {
			t.Errorf("itemLangDir(%q, %q, %q) = %q, %q; want %q, %q",
				tt.lang, tt.title, tt.text, lang, dir, tt.wantLang, tt.wantDir)
		}
	}
}
