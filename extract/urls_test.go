package extract

import (
	"net/url"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func elementWithClass(class string) *html.Node {
	n := &html.Node{Type: html.ElementNode, DataAtom: atom.Div, Data: "div"}
	if class != "" {
		n.Attr = []html.Attribute{{Key: "class", Val: class}}
	}
	return n
}

func TestSrcset(t *testing.T) {
	base, _ := url.Parse("https://example.com/news/a.html")
	r := &resolver{base: base}
	tests := []struct{ in, want string }{
		{"a.jpg 1x, /b.jpg 2x", "https://example.com/news/a.jpg 1x, https://example.com/b.jpg 2x"},
		{"https://cdn.example.com/w_300,h_200/c.jpg 300w", "https://cdn.example.com/w_300,h_200/c.jpg 300w"},
		{"javascript:alert(1) 1x, d.jpg", "https://example.com/news/d.jpg"},
		{"  e.jpg, f.jpg 2x ", "https://example.com/news/e.jpg, https://example.com/news/f.jpg 2x"},
		{"g.jpg,h.jpg 2x", "https://example.com/news/g.jpg,h.jpg 2x"}, // one URL, as the spec reads it
		{"", ""},
	}
	for _, tt := range tests {
		if got := r.srcset(tt.in); got != tt.want {
			t.Errorf("srcset(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}

	// A srcset whose every candidate goes leaves no empty attribute.
	img := &html.Node{Type: html.ElementNode, DataAtom: atom.Img, Data: "img",
		Attr: []html.Attribute{{Key: "src", Val: "a.jpg"}, {Key: "srcset", Val: "data:image/png;base64,xx 1x"}}}
	r.fix(img)
	if hasAttrKey(img, "srcset") {
		t.Errorf("an emptied srcset is kept: %v", img.Attr)
	}
}

func TestLazyImage(t *testing.T) {
	tests := []struct {
		attrs       []html.Attribute
		src, srcset string
	}{
		{[]html.Attribute{{Key: "src", Val: "data:image/gif;base64,R0"}, {Key: "data-src", Val: "/a.jpg"}}, "/a.jpg", ""},
		{[]html.Attribute{{Key: "data-original", Val: "/b.jpg"}, {Key: "data-srcset", Val: "/b2.jpg 2x"}}, "/b.jpg", "/b2.jpg 2x"},
		{[]html.Attribute{{Key: "src", Val: "/real.jpg"}, {Key: "data-src", Val: "/other.jpg"}}, "/real.jpg", ""},
		{[]html.Attribute{{Key: "src", Val: "/img/blank.gif"}, {Key: "data-lazy-src", Val: "/c.jpg"}}, "/c.jpg", ""},
	}
	for _, tt := range tests {
		img := &html.Node{Type: html.ElementNode, DataAtom: atom.Img, Data: "img", Attr: tt.attrs}
		fixLazyImage(img)
		if got := getAttr(img, "src"); got != tt.src {
			t.Errorf("src = %q, want %q", got, tt.src)
		}
		if got := getAttr(img, "srcset"); got != tt.srcset {
			t.Errorf("srcset = %q, want %q", got, tt.srcset)
		}
	}
}

// TestResolverAbs checks that every kept link is absolute, fragment-only
// ones included: the ids they point at do not survive the sanitizer, and a
// relative "#note" would resolve against the feed reader's page.
func TestResolverAbs(t *testing.T) {
	base, _ := url.Parse("https://example.com/news/a.html")
	r := &resolver{base: base}
	tests := []struct{ in, want string }{
		{"b.html", "https://example.com/news/b.html"},
		{"/c?x=1", "https://example.com/c?x=1"},
		{"#note-1", "https://example.com/news/a.html#note-1"},
		{"https://other.org/d", "https://other.org/d"},
	}
	for _, tt := range tests {
		if got := r.abs(tt.in); got != tt.want {
			t.Errorf("abs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
