package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Copies share chunks of attributes; changing one copy must leave its
// neighbours and the page as they were.
func TestCloneContentCopiesAreIndependent(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<div id="a" class="x"><p class="one">One</p><p class="two">Two</p></div>`))
	if err != nil {
		t.Fatal(err)
	}
	div := findElement(doc, atom.Div)
	copies := cloneContent([]*html.Node{div}, nil, nil)
	first := findElement(copies[0], atom.P)
	second := nextElement(first)
	setAttr(first, "title", "added") // appends past the copy's own attributes
	setAttr(first, "class", "changed")
	if got := getAttr(second, "class"); got != "two" {
		t.Errorf("second copy's class = %q, want %q", got, "two")
	}
	if len(second.Attr) != 1 {
		t.Errorf("second copy has %d attributes, want 1", len(second.Attr))
	}
	if got := getAttr(findElement(div, atom.P), "class"); got != "one" {
		t.Errorf("page's class = %q, want %q", got, "one")
	}
	if got := getAttr(copies[0], "id"); got != "a" {
		t.Errorf("copy's id = %q, want %q", got, "a")
	}
}
