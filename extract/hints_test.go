package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestHintInContext checks that the only element of a box whose class
// names say chrome but were rescued by a word of content ("block-widget
// block-text") is rescued too, and nothing else is: a wrapper beside
// another element, the child of a box that is chrome outright or of one
// no chrome word names, and a child named by a strong chrome word.
func TestHintInContext(t *testing.T) {
	tests := []struct {
		name, page string
		unlikely   bool // of the element with id="x"
	}{
		{"only child of a rescued box", `<div class="block-widget block-text"><div id="x" class="block-widget-inner"><p>Text.</p></div></div>`, false},
		{"only child among whitespace", "<div class=\"block-widget block-text\">\n  <div id=\"x\" class=\"block-widget-inner\"><p>Text.</p></div>\n</div>", false},
		{"beside another element", `<div class="block-widget block-text"><h3>Title</h3><div id="x" class="block-widget-inner"><p>Text.</p></div></div>`, true},
		{"beside text of the parent's own", `<div class="block-widget block-text">Note: <div id="x" class="block-widget-inner"><p>Text.</p></div></div>`, true},
		{"child of a box that is chrome", `<div class="sidebar-widget"><div id="x" class="widget-inner"><p>Text.</p></div></div>`, true},
		{"child of a box no chrome word names", `<div class="col-4"><div id="x" class="widget-inner"><p>Text.</p></div></div>`, true},
		{"a strong chrome word stays chrome", `<div class="block-widget block-text"><div id="x" class="share-widget"><p>Text.</p></div></div>`, true},
	}
	h := newHints()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<html><body>" + tt.page + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			x := findByID(root, "x")
			if x == nil {
				t.Fatal("no element with id x")
			}
			if got := h.inContext(x).unlikely; got != tt.unlikely {
				t.Errorf("inContext(x).unlikely = %v, want %v (of alone: %v)", got, tt.unlikely, h.of(x).unlikely)
			}
		})
	}
}

// TestRescuedPictureStays checks that the story's picture in a page
// builder's box, rescued by a word of content ("block-post-picture")
// around a wrapper named for chrome alone ("block-widget-inner"), stays
// with the story: a box of one picture has no text for the cleaning to
// weigh.
func TestRescuedPictureStays(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "classes", "rescued-wrapper-en.html"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := Extract(strings.NewReader(string(page)), mustURL(t, "https://example.com/story"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.HTML, "https://example.com/media/mill-bridge.jpg") {
		t.Errorf("the story's picture is missing from:\n%s", a.HTML)
	}
}
