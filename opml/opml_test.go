package opml

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "update golden files")

func parseFile(t *testing.T, name string) (*Document, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return Parse(f)
}

func TestParseReaderExport(t *testing.T) {
	d, err := parseFile(t, "reader_export.opml")
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "My subscriptions" {
		t.Errorf("Title = %q", d.Title)
	}
	if want := time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC); !d.Created.Equal(want) {
		t.Errorf("Created = %v, want %v", d.Created, want)
	}
	want := []Feed{
		{Title: "السومرية نيوز", XMLURL: "https://www.alsumaria.tv/rss/ar", HTMLURL: "https://www.alsumaria.tv/", Category: "Iraq"},
		{Title: "Shafaq News", XMLURL: "https://shafaq.com/ar/rss", HTMLURL: "https://shafaq.com/", Category: "Iraq"},
		{Title: "Go blog", XMLURL: "https://go.dev/blog/feed.atom", HTMLURL: "https://go.dev/blog/"},
	}
	if got := d.Feeds(); !reflect.DeepEqual(got, want) {
		t.Errorf("Feeds() =\n%+v\nwant\n%+v", got, want)
	}
}

func TestParseWindows1256(t *testing.T) {
	d, err := parseFile(t, "win1256.opml")
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "أخبار" {
		t.Errorf("Title = %q, want أخبار", d.Title)
	}
	feeds := d.Feeds()
	if len(feeds) != 1 || feeds[0].Title != "المدى" {
		t.Errorf("Feeds() = %+v, want one feed titled المدى", feeds)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name  string
		input string
		is    error // nil: any error
	}{
		{"rss root", mustRead(t, "not_opml.xml"), ErrNotOPML},
		{"empty", "", ErrNotOPML},
		{"garbage", "<opml><body><outline", nil},
		{"too large", "<opml>" + strings.Repeat(" ", MaxSize) + "</opml>", ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.input))
			if err == nil {
				t.Fatal("Parse succeeded, want an error")
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("Parse error = %v, want %v", err, tt.is)
			}
			if !strings.HasPrefix(err.Error(), "opml: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
		})
	}
}

func mustRead(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func sampleDoc() *Document {
	return &Document{
		Title:   "refeed feeds",
		Created: time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC),
		Outlines: []Outline{
			{Text: "Iraq <all>", Type: "rss", XMLURL: "http://127.0.0.1:8080/iraq.xml?a=1&b=2", HTMLURL: "http://127.0.0.1:8080/", Language: "ar"},
			{Title: "Only a title", Type: "rss", XMLURL: "https://example.com/feed"},
			{Text: "Folder", Outlines: []Outline{{Text: "Nested", Type: "rss", XMLURL: "https://example.com/n"}}},
		},
	}
}

func TestWriteGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, sampleDoc()); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "write.golden.opml")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("Write output differs from %s (run go test -update):\n%s", golden, buf.Bytes())
	}
}

func TestRoundTrip(t *testing.T) {
	in := sampleDoc()
	var buf bytes.Buffer
	if err := Write(&buf, in); err != nil {
		t.Fatal(err)
	}
	out, err := Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if out.Title != in.Title || !out.Created.Equal(in.Created) {
		t.Errorf("head = %q %v, want %q %v", out.Title, out.Created, in.Title, in.Created)
	}
	if got, want := out.Feeds(), in.Feeds(); !reflect.DeepEqual(got, want) {
		t.Errorf("Feeds after round trip =\n%+v\nwant\n%+v", got, want)
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"reader_export.opml", "win1256.opml", "not_opml.xml", "write.golden.opml"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := Parse(bytes.NewReader(b))
		if err != nil {
			return
		}
		// Whatever parses must write and parse again to the same feeds.
		var buf bytes.Buffer
		if err := Write(&buf, d); err != nil {
			t.Fatalf("Write: %v", err)
		}
		d2, err := Parse(&buf)
		if err != nil {
			t.Fatalf("re-Parse: %v\n%s", err, buf.Bytes())
		}
		if got, want := len(d2.Feeds()), len(d.Feeds()); got != want {
			t.Fatalf("feeds after round trip = %d, want %d", got, want)
		}
	})
}
