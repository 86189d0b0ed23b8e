package siterules

import "testing"

// TestApplyDocBodyNode checks the handshake with the extractor: ApplyDoc
// hands over the element holding the selected body as a node of Doc (for
// extract.Options.Body), not a selector to compile again; nil when no body
// rule matched.
func TestApplyDocBodyNode(t *testing.T) {
	a, err := mustSite(t, "body: //article\n").ApplyDoc([]byte(page(`<nav>menu</nav><article><p>Story</p></article>`)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Body == nil || a.Body.Data != "div" || attr(a.Body, "id") != BodyID {
		t.Fatalf("Body = %+v, want the div with id %s", a.Body, BodyID)
	}
	root := a.Body
	for root.Parent != nil {
		root = root.Parent
	}
	if root != a.Doc {
		t.Error("Body is not a node of Doc")
	}
	if c := a.Body.FirstChild; c == nil || c.Data != "article" {
		t.Errorf("Body holds %+v, want the selected article", c)
	}

	a, err = mustSite(t, "body: //main\n").ApplyDoc([]byte(page(`<article><p>Story</p></article>`)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Body != nil || a.Selector != "" {
		t.Errorf("no body matched, yet Body = %+v, Selector %q", a.Body, a.Selector)
	}
}
