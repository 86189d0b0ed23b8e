package siterules

import (
	"reflect"
	"strings"
	"testing"
)

// summary is a Site flattened to comparable values.
type summary struct {
	Body, Title, Date, Author, Strip, StripAttr, Dissolve []string
	Single, Next, Wrap                                    []string
	IDOrClass, ImageSrc                                   []string
	Replace                                               []Replacement
	Headers                                               map[string]string
	NoPrune, NoTidy, NoAutodetect                         bool
	Tests                                                 []Test
}

func srcs(xs []XPath) []string {
	var out []string
	for _, x := range xs {
		out = append(out, x.String())
	}
	return out
}

func summarize(s *Site) summary {
	var wraps []string
	for _, w := range s.WrapIn {
		wraps = append(wraps, w.Tag+" "+w.XPath.String())
	}
	return summary{
		Body: srcs(s.Body), Title: srcs(s.Title), Date: srcs(s.Date), Author: srcs(s.Author),
		Strip: srcs(s.Strip), StripAttr: srcs(s.StripAttr), Dissolve: srcs(s.Dissolve),
		Single: srcs(s.SinglePageLink), Next: srcs(s.NextPageLink), Wrap: wraps,
		IDOrClass: s.StripIDOrClass, ImageSrc: s.StripImageSrc, Replace: s.Replace,
		Headers: s.Headers(), NoPrune: !s.Prune, NoTidy: !s.Tidy, NoAutodetect: !s.AutodetectOnFailure,
		Tests: s.Tests,
	}
}

// wantWarning is a warning expected on line with text in its message.
type wantWarning struct {
	line int
	text string
}

func TestParse(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		want  summary
		warns []wantWarning
	}{
		{
			name: "comments and blank lines",
			in:   "# a comment\n\n   \n  # indented comment\nbody: //article\n",
			want: summary{Body: []string{"//article"}},
		},
		{
			name: "repeated directives keep their order",
			in:   "body: //div[@id='a']\nbody: //div[@id='b']\nstrip: //aside\nstrip: //nav\ntitle: //h1\nauthor: //a[@rel='author']\ndate: //time/@datetime\n",
			want: summary{
				Body:   []string{"//div[@id='a']", "//div[@id='b']"},
				Strip:  []string{"//aside", "//nav"},
				Title:  []string{"//h1"},
				Author: []string{"//a[@rel='author']"},
				Date:   []string{"//time/@datetime"},
			},
		},
		{
			name: "http_header keeps colons in the value and canonicalises the name",
			in:   "http_header(user-agent): Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)\nhttp_header(Referer): https://example.com/\n",
			want: summary{Headers: map[string]string{
				"User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
				"Referer":    "https://example.com/",
			}},
		},
		{
			name: "find_string and replace_string pair in order",
			in:   "find_string: <amp-img\nreplace_string: <img\nfind_string: a\nfind_string: b\nreplace_string: A\nreplace_string:\n",
			want: summary{Replace: []Replacement{{"<amp-img", "<img"}, {"a", "A"}, {"b", ""}}},
		},
		{
			name: "replace_string with its find string in parentheses",
			in:   "replace_string(<a href=\"x\">Print</a>): </a>\nreplace_string(noscript>): div>\n",
			want: summary{Replace: []Replacement{{`<a href="x">Print</a>`, "</a>"}, {"noscript>", "div>"}}},
		},
		{
			name:  "unpaired find and replace are warnings",
			in:    "replace_string: x\nfind_string: y\n",
			warns: []wantWarning{{1, "without a find_string"}, {2, "has no replace_string"}},
		},
		{
			name: "strings, flags, links, wrap and tests",
			in: "strip_id_or_class: 'share'\nstrip_image_src: doubleclick.net\nprune: no\ntidy: false\n" +
				"autodetect_on_failure: no\nsingle_page_link: //a[@class='print']\nnext_page_link: //a[@rel='next']/@href\n" +
				"wrap_in(BlockQuote): //p[@class='pull']\nstrip_attr: //img/@srcset\ndissolve: //span\n" +
				"test_url: https://example.com/a\ntest_contains: hello\ntest_contains: world\ntest_url: https://example.com/b\n",
			want: summary{
				IDOrClass: []string{"share"}, ImageSrc: []string{"doubleclick.net"},
				NoPrune: true, NoTidy: true, NoAutodetect: true,
				Single: []string{"//a[@class='print']"}, Next: []string{"//a[@rel='next']/@href"},
				Wrap: []string{"blockquote //p[@class='pull']"}, StripAttr: []string{"//img/@srcset"},
				Dissolve: []string{"//span"},
				Tests: []Test{
					{URL: "https://example.com/a", Contains: []string{"hello", "world"}},
					{URL: "https://example.com/b"},
				},
			},
		},
		{
			name:  "invalid xpath is a warning and the line is skipped",
			in:    "body: //div[@class='a'\nbody: //article\nstrip: ///\n",
			want:  summary{Body: []string{"//article"}},
			warns: []wantWarning{{1, "body: siterules: xpath"}, {3, "strip: siterules: xpath"}},
		},
		{
			name: "unknown, malformed and ignored directives",
			in: "titl: //h1\nhttps://example.com\nprune: maybe\nlogin_uri: https://x\nmove_into(body): //p\n" +
				"http_header(bad name): x\nwrap_in(<b>): //p\nbody:\nstrip(x): //p\nwrap_in: //p\ntest_contains: x\n",
			warns: []wantWarning{
				{1, `unknown directive "titl"`}, {2, `unknown directive "https"`}, {3, "want yes or no"},
				{6, "invalid header"}, {7, "not an element name"}, {8, "empty value"},
				{9, "takes no (argument)"}, {10, "needs an (argument)"}, {11, "before any test_url"},
			},
		},
		{
			name: "byte order mark and CRLF line ends",
			in:   "\ufeffbody: //main\r\nstrip: //nav\r\n",
			want: summary{Body: []string{"//main"}, Strip: []string{"//nav"}},
		},
		{
			name:  "a line without a colon",
			in:    "body //main\n",
			warns: []wantWarning{{1, "not a directive"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site, warns := Parse(strings.NewReader(tt.in), "dir/example.com.txt")
			if site.Name != "example.com" {
				t.Errorf("Name = %q, want example.com", site.Name)
			}
			if got := summarize(site); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("site =\n%+v\nwant\n%+v", got, tt.want)
			}
			checkWarnings(t, warns, tt.warns)
		})
	}
}

func checkWarnings(t *testing.T, got []Warning, want []wantWarning) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d warnings %v, want %d", len(got), got, len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.File != "example.com.txt" || g.Line != w.line || !strings.Contains(g.Msg, w.text) {
			t.Errorf("warning %d = %q, want example.com.txt:%d: …%s…", i, g.String(), w.line, w.text)
		}
	}
}

func TestWarningString(t *testing.T) {
	w := Warning{File: "a.txt", Line: 3, Msg: "unknown directive"}
	if got, want := w.String(), "a.txt:3: unknown directive"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestParseLongLine(t *testing.T) {
	in := "body: //main\nstrip: " + strings.Repeat("x", maxLine+1) + "\n"
	site, warns := Parse(strings.NewReader(in), "long.txt")
	if len(site.Body) != 1 {
		t.Errorf("body rules before the long line = %d, want 1", len(site.Body))
	}
	if len(warns) != 1 || !strings.Contains(warns[0].Msg, "read:") {
		t.Errorf("warnings = %v, want one read error", warns)
	}
}
