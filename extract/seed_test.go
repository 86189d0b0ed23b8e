package extract

import (
	"bytes"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/refeed/refeed/extract/evaluate"
)

const seedHeadline = "بيان مشترك لوزارتي الدفاع العراقية والأمريكية"

// seedChrome are lines of the seed page that are not article: the Telegram
// call-out, the comment form, the currency box, readers' comments with
// their topic links, and the Facebook link.
var seedChrome = []string{
	"اشترك في قناة وكالة انباء براثا على التلجرام",
	"telegram.me",
	"اضف تعليقك",
	"الاسم والنص والتحقق من الروبوت ضروري",
	"الاسعار الرسمية للعملات مقابل الدينار",
	"التعليقات",
	"الموضوع",
	"انا استغرب لماذا لابد ان يقدم شاب عراقي",
	"انتحار طالب بعد عودته من الامتحان في واسط",
	"العلاقات التي تربط البرزانيين",
	"محكمة جنايات بابل",
	"فيسبوك",
	"الدولار",
}

func TestSeedLayouts(t *testing.T) {
	want := readSeedParagraphs(t)
	tests := []struct {
		file, charset string
		image         string // absolute URL the article HTML must show
		transform     func(*testing.T, []byte) []byte
	}{
		{"modern.html", "", "https://burathanews.com/upload/2024/09/statement.jpg", nil},
		{"legacy-table.windows-1256.html", "windows-1256", "https://burathanews.com/arabic/news/upload/2024/09/statement.jpg", nil},
		{"long-comments.html", "", "https://burathanews.com/arabic/upload/2024/09/statement-small.jpg", nil},
		// The comment form's notice after the </form> in the same cell,
		// and the Telegram channel as a bare URL, not a link.
		{"legacy-table-form-notice.windows-1256.html", "windows-1256", "https://burathanews.com/arabic/news/upload/2024/09/statement.jpg", nil},
		// The modern layout streamed by React: the paragraphs come last,
		// in a hidden part, with a loading placeholder where they go.
		{"modern.html", "", "https://burathanews.com/upload/2024/09/statement.jpg", streamSeedBody},
	}
	pageURL, _ := url.Parse("https://burathanews.com/arabic/news/450001.php")
	for _, tt := range tests {
		// Each page also rewritten into every layout of evaluate.Layouts
		// (no class or id names, no HTML5 sections, no <p>, wrapped
		// paragraphs, the story cut around an ad): the article must be
		// found by its structure and text, not by names, whatever the
		// site calls its blocks and however it nests them.
		for _, layout := range append([]string{""}, evaluate.LayoutNames()...) {
			name := tt.file
			if tt.transform != nil {
				name += " streamed"
			}
			if layout != "" {
				name += " as " + layout
			}
			t.Run(name, func(t *testing.T) {
				page := readSeedFixture(t, tt.file, tt.charset)
				if tt.transform != nil {
					page = tt.transform(t, page)
				}
				if layout != "" {
					page = evaluate.Layouts[layout](page)
				}
				checkSeed(t, page, pageURL, tt.image, want)
			})
		}
	}
}

// TestSeedBriefs cuts the seed story down to its first two paragraphs,
// as Iraqi news sites publish short items in the same template as a long
// story: the Telegram call-out, the comment form, the currency box and
// the readers' comments stay, and now weigh as much as the story or more
// (in long-comments.html and the legacy tables, the comments outweigh
// it). In every layout of evaluate.Layouts the item must still hold the
// two paragraphs and none of the chrome.
func TestSeedBriefs(t *testing.T) {
	want := readSeedParagraphs(t)
	pages := []struct{ file, charset, image string }{
		{"modern.html", "", "https://burathanews.com/upload/2024/09/statement.jpg"},
		{"long-comments.html", "", "https://burathanews.com/arabic/upload/2024/09/statement-small.jpg"},
		{"legacy-table.windows-1256.html", "windows-1256", "https://burathanews.com/arabic/news/upload/2024/09/statement.jpg"},
		{"legacy-table-form-notice.windows-1256.html", "windows-1256", "https://burathanews.com/arabic/news/upload/2024/09/statement.jpg"},
	}
	pageURL, _ := url.Parse("https://burathanews.com/arabic/news/450001.php")
	for _, p := range pages {
		brief := keepSeedParagraphs(t, readSeedFixture(t, p.file, p.charset), want, 2)
		for _, layout := range append([]string{""}, evaluate.LayoutNames()...) {
			name := p.file + " brief"
			if layout != "" {
				name += " as " + layout
			}
			t.Run(name, func(t *testing.T) {
				page := brief
				if layout != "" {
					page = evaluate.Layouts[layout](page)
				}
				checkSeed(t, page, pageURL, p.image, want[:2])
			})
		}
	}
}

// keepSeedParagraphs returns the seed page without the story's paragraphs
// after the first n, and with everything else: a paragraph goes whole,
// as a <p> or as a run of text with the <br> before it.
func keepSeedParagraphs(t *testing.T, page []byte, paragraphs []string, n int) []byte {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	drop := make(map[string]bool)
	for _, p := range paragraphs[n:] {
		drop[strings.Join(strings.Fields(p), " ")] = true
	}
	var found []*html.Node
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.ElementNode && c.DataAtom == atom.P && drop[collapsedText(c)]:
				found = append(found, c)
			case c.Type == html.TextNode && drop[strings.Join(strings.Fields(c.Data), " ")]:
				found = append(found, c)
			default:
				walk(c)
			}
		}
	}
	walk(doc)
	if len(found) != len(paragraphs)-n {
		t.Fatalf("found %d of the story's last %d paragraphs", len(found), len(paragraphs)-n)
	}
	for _, e := range found {
		if e.Type == html.TextNode {
			br := e.PrevSibling
			for br != nil && br.Type == html.TextNode && strings.TrimSpace(br.Data) == "" {
				br = br.PrevSibling
			}
			if br != nil && br.DataAtom == atom.Br {
				br.Parent.RemoveChild(br)
			}
		}
		e.Parent.RemoveChild(e)
	}
	var b bytes.Buffer
	if err := html.Render(&b, doc); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// streamSeedBody moves the paragraphs of the modern seed layout into a
// hidden part at the end of the body, as React's streaming rendering
// sends them, with a Suspense placeholder in their place.
func streamSeedBody(t *testing.T, page []byte) []byte {
	t.Helper()
	const open = `<div class="article-body">`
	s := string(page)
	i := strings.Index(s, open)
	j := strings.Index(s[i:], "</div>")
	end := strings.LastIndex(s, "</body>")
	if i < 0 || j < 0 || end < 0 {
		t.Fatal("modern.html no longer has the shape streamSeedBody expects")
	}
	j += i
	body := s[i+len(open) : j]
	return []byte(s[:i+len(open)] + `<!--$?--><template id="B:0"></template><div>جار التحميل…</div><!--/$-->` +
		s[j:end] + `<div hidden id="S:0">` + body + `</div><script>$RC("B:0","S:0")</script>` + s[end:])
}

// checkSeed extracts the seed page and checks its headline, its nine
// paragraphs and nothing else, its image and its direction.
func checkSeed(t *testing.T, page []byte, pageURL *url.URL, image string, want []string) {
	t.Helper()
	a, err := Extract(bytes.NewReader(page), pageURL, nil)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	if a.Title != seedHeadline {
		t.Errorf("Title = %q, want %q", a.Title, seedHeadline)
	}
	got := strings.Split(a.Text, "\n\n")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %d paragraphs, want the %d of the article:\n%s", len(got), len(want), a.Text)
	}
	for _, line := range seedChrome {
		if strings.Contains(a.Text, line) || strings.Contains(a.HTML, line) {
			t.Errorf("article holds chrome %q", line)
		}
	}
	// The headline may be an image's alt text, never shown text.
	if strings.Contains(a.Text, seedHeadline) || strings.Contains(a.HTML, ">"+seedHeadline) {
		t.Errorf("article repeats the headline")
	}
	if !strings.Contains(a.HTML, `src="`+image+`"`) {
		t.Errorf("HTML lacks image %s:\n%s", image, a.HTML)
	}
	if a.Dir != "rtl" {
		t.Errorf("Dir = %q, want rtl", a.Dir)
	}
}

func readSeedParagraphs(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "seed", "paragraphs.txt"))
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(strings.TrimSpace(string(b)), "\n\n")
	if len(paras) != 9 {
		t.Fatalf("paragraphs.txt holds %d paragraphs, want 9", len(paras))
	}
	return paras
}

// readSeedFixture reads a fixture, decoding it from a legacy charset.
func readSeedFixture(t *testing.T, name, label string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "seed", name))
	if err != nil {
		t.Fatal(err)
	}
	if label == "" {
		return b
	}
	r, err := charset.NewReaderLabel(label, bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if b, err = io.ReadAll(r); err != nil {
		t.Fatal(err)
	}
	return b
}
